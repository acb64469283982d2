#define G_LOG_DOMAIN "ccp-status-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-choices.h"
#include "ccp-email.h"
#include "ccp-review-flow.h"
#include "ccp-status-page.h"
#include "ccp-tooltip.h"

struct _CcpStatusPage
{
  AdwBin                parent_instance;

  CcpFieldPlan         *field_plan;
  GHashTable           *files;
  GCancellable         *cancellable;
  char                 *rates_text;

  AdwPreferencesGroup  *group;
  GtkLabel             *deadline_label;
  GtkButton            *remind_button;
  GtkButton            *lock_button;
  GtkListBox           *list;
  /* The rows are built only when the page is shown (mapped) or asked for, a chunk per
   * main-loop turn (issue 16: after every merge, a row per city plan, 400 rows and some
   * 75 ms of the main thread for the benchmark's 400 plans, for a page maybe never looked
   * at). table: of field_plan while some of its rows are not built; pending: its rows (the
   * table's) in list order, from when they are being built. */
  CcpStatusTable       *table;
  GPtrArray            *pending;
  guint                 pending_done;
  guint                 pending_id;
  guint                 n_built;        /* rows built since the page was made, for tests */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CcpStatusPage, ccp_status_page, ADW_TYPE_BIN)

static void remember_contacts (CcpStatusTable *table);

static char *
city_label (CcpStatusRow *row)
{
  g_autofree char *country = NULL;

  if (ccp_status_row_get_country (row)[0] == '\0')
    return g_strdup (ccp_status_row_get_city (row));
  country = ccp_choices_get_label (CCP_CHOICES_COUNTRY, ccp_status_row_get_country (row));
  /* Translators: a city and its country in the status page, "Bologna (Italy)" */
  return g_strdup_printf (_("%s (%s)"), ccp_status_row_get_city (row), country);
}

/* "2027-01-10T09:00:00Z" -> "2027-01-10": the day is what the deadline counts. */
static char *
day_of (const char *time)
{
  return g_strndup (time, MIN (strlen (time), 10));
}

static char *
describe_row (CcpStatusRow *row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint open = ccp_status_row_get_open_comments (row);

  if (!ccp_status_row_get_received (row))
    g_string_append (text, _("No plan received"));
  else
    {
      const char *received = ccp_status_row_get_received_time (row);

      if (received[0] != '\0')
        {
          g_autofree char *day = day_of (received);

          /* Translators: in the status page; %u is a revision, %s a date (2027-01-10) */
          g_string_append_printf (text, _("Revision %u, received %s"),
                                  ccp_status_row_get_revision (row), day);
        }
      else
        /* Translators: in the status page; %u is a revision */
        g_string_append_printf (text, _("Revision %u"), ccp_status_row_get_revision (row));
      /* Translators: separates the parts of a line in the status page */
      g_string_append (text, _(" · "));
      g_string_append (text, ccp_timeliness_to_label (ccp_status_row_get_timeliness (row)));
      g_string_append (text, _(" · "));
      g_string_append (text, ccp_review_state_to_label (ccp_status_row_get_review (row)));
      if (open > 0)
        {
          g_string_append (text, _(" · "));
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u open comment",
                                                     "%u open comments", open), open);
        }
    }
  if (!ccp_status_row_get_in_roster (row))
    {
      g_string_append (text, _(" · "));
      g_string_append (text, _("not in the field’s roster"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
accept_clicked_cb (GtkButton     *button,
                   CcpStatusPage *self)
{
  ccp_status_page_review (self, g_object_get_data (G_OBJECT (button), "ccp-source"),
                          CCP_REVIEW_STATE_ACCEPTED);
}

static void
return_clicked_cb (GtkButton     *button,
                   CcpStatusPage *self)
{
  ccp_status_page_review (self, g_object_get_data (G_OBJECT (button), "ccp-source"),
                          CCP_REVIEW_STATE_RETURNED);
}

/* A review button, its tooltip given on demand: set at once, the tooltips of the two buttons
 * of each of the benchmark's 400 rows were a third of the main thread's work as the rows came
 * in (an X round trip each). */
static GtkWidget *
review_button (CcpStatusPage *self,
               CcpSource     *source,
               const char    *mnemonic,
               const char    *accessible,
               GCallback      callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  ccp_tooltip_set_on_demand (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "ccp-source", g_object_ref (source),
                          g_object_unref);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
build_row (CcpStatusPage *self,
           CcpStatusRow  *row)
{
  GtkWidget *action_row = adw_action_row_new ();
  g_autofree char *title = city_label (row);
  g_autofree char *subtitle = describe_row (row);
  const char *name = ccp_status_row_get_contact_name (row);
  const char *email = ccp_status_row_get_contact_email (row);
  CcpSource *source;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle);
  if (!ccp_status_row_get_received (row))
    adw_action_row_add_prefix (ADW_ACTION_ROW (action_row),
                               gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  if (name[0] != '\0' || email[0] != '\0')
    {
      g_autofree char *contact = name[0] != '\0' && email[0] != '\0'
                                 /* Translators: a Focal Point in the status page: name, email */
                                 ? g_strdup_printf (_("%s <%s>"), name, email)
                                 : g_strdup (name[0] != '\0' ? name : email);
      GtkWidget *label = gtk_label_new (contact);

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "dim-label");
      /* Selectable labels take the focus: say what it is. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      contact, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), label);
    }

  source = ccp_status_row_get_source (row);
  if (source != NULL)
    {
      CcpReviewState state = ccp_source_get_review (source);

      if (ccp_cycle_can_review (state, CCP_REVIEW_STATE_ACCEPTED) &&
          state != CCP_REVIEW_STATE_ACCEPTED)
        {
          /* Translators: accessible name of the Accept button; %s is a city */
          g_autofree char *label = g_strdup_printf (_("Accept the plan of %s"), title);

          adw_action_row_add_suffix (ADW_ACTION_ROW (action_row),
                                     review_button (self, source, _("_Accept"), label,
                                                    G_CALLBACK (accept_clicked_cb)));
        }
      if (ccp_cycle_can_review (state, CCP_REVIEW_STATE_RETURNED))
        {
          /* Translators: accessible name of the Return button; %s is a city */
          g_autofree char *label = g_strdup_printf (_("Return the plan of %s to the city"),
                                                    title);

          adw_action_row_add_suffix (ADW_ACTION_ROW (action_row),
                                     review_button (self, source, _("_Return…"), label,
                                                    G_CALLBACK (return_clicked_cb)));
        }
    }

  return action_row;
}

static void
clear_list (CcpStatusPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

/* Rows built per main-loop turn: an action row with its buttons is about a quarter of a
 * millisecond to make and as much to lay out. */
#define ROWS_PER_STEP 48

static void
clear_pending (CcpStatusPage *self)
{
  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->table, ccp_status_table_free);
  self->pending_done = 0;
}

/* The plans received first (what there is to review), then the cities still missing; each
 * part in the core's order (the roster's). */
static GPtrArray *
list_order (CcpStatusTable *table)
{
  GPtrArray *rows = g_ptr_array_sized_new (table->rows->len);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < table->rows->len; i++)
      {
        CcpStatusRow *row = g_ptr_array_index (table->rows, i);

        if (ccp_status_row_get_received (row) == (pass == 0))
          g_ptr_array_add (rows, row);
      }
  return rows;
}

/* Builds the next rows of the table (all of them when all is TRUE); FALSE when none are
 * left. */
static gboolean
build_pending (CcpStatusPage *self,
               gboolean       all)
{
  gint64 start = g_get_monotonic_time ();
  guint end, first;

  if (self->table == NULL)
    return FALSE;
  if (self->pending == NULL)
    self->pending = list_order (self->table);
  end = all ? self->pending->len : MIN (self->pending->len, self->pending_done + ROWS_PER_STEP);
  first = self->pending_done;
  for (; self->pending_done < end; self->pending_done++, self->n_built++)
    gtk_list_box_append (self->list,
                         build_row (self, g_ptr_array_index (self->pending, self->pending_done)));
  /* The benchmark's figure (G_MESSAGES_DEBUG=ccp-status-page). */
  g_debug ("%u rows built in %.1f ms", end - first, (g_get_monotonic_time () - start) / 1000.0);
  return self->pending_done < self->pending->len;
}

static gboolean
pending_cb (gpointer user_data)
{
  CcpStatusPage *self = user_data;

  if (build_pending (self, FALSE))
    return G_SOURCE_CONTINUE;
  self->pending_id = 0;
  clear_pending (self);
  return G_SOURCE_REMOVE;
}

/* The page is shown: its rows come, the first ones now, the rest a chunk per turn. */
static void
start_building (CcpStatusPage *self)
{
  if (self->table == NULL || self->pending_id != 0)
    return;
  if (!build_pending (self, FALSE))
    {
      clear_pending (self);
      return;
    }
  /* A timeout, not an idle, which frames could hold off for ever. */
  self->pending_id = g_timeout_add (12, pending_cb, self);
}

gboolean
ccp_status_page_get_pending (CcpStatusPage *self)
{
  g_return_val_if_fail (CCP_IS_STATUS_PAGE (self), FALSE);

  return self->pending_id != 0;
}

void
ccp_status_page_flush (CcpStatusPage *self)
{
  g_return_if_fail (CCP_IS_STATUS_PAGE (self));

  build_pending (self, TRUE);
  clear_pending (self);
}

guint
ccp_status_page_get_n_built_rows (CcpStatusPage *self)
{
  g_return_val_if_fail (CCP_IS_STATUS_PAGE (self), 0);

  return self->n_built;
}

static guint
percent (double rate)
{
  return (guint) (rate * 100.0 + 0.5);
}

void
ccp_status_page_set_field_plan (CcpStatusPage *self,
                                CcpFieldPlan  *field_plan,
                                GHashTable    *files)
{
  g_autoptr(CcpStatusTable) table = NULL;
  g_autofree char *deadline = NULL;
  guint missing = 0;

  g_return_if_fail (CCP_IS_STATUS_PAGE (self));
  g_return_if_fail (field_plan == NULL || CCP_IS_FIELD_PLAN (field_plan));

  if (files != NULL)
    g_hash_table_ref (files);
  g_clear_pointer (&self->files, g_hash_table_unref);
  self->files = files;
  g_set_object (&self->field_plan, field_plan);
  clear_pending (self);
  clear_list (self);
  g_clear_pointer (&self->rates_text, g_free);
  if (field_plan == NULL)
    {
      self->rates_text = g_strdup ("");
      adw_preferences_group_set_description (self->group, NULL);
      gtk_label_set_text (self->deadline_label, "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->remind_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->lock_button), FALSE);
      return;
    }

  /* The core's table is cheap (no widget): the header's rates and buttons are right at once,
   * the rows wait for the page to be shown. */
  table = ccp_status_table_new (field_plan, NULL);
  remember_contacts (table);
  for (guint i = 0; i < table->rows->len; i++)
    {
      CcpStatusRow *row = g_ptr_array_index (table->rows, i);

      if (ccp_status_row_get_in_roster (row) && !ccp_status_row_get_received (row))
        missing++;
    }

  /* Translators: the rates of the status page, as DHIS2 names them: received / expected and
   * on time / expected; "%u%%" is a percentage */
  self->rates_text = g_strdup_printf (_("Reporting rate: %u%% (%u of %u expected). "
                                        "Timeliness rate: %u%% (%u on time)."),
                                      percent (table->reporting_rate), table->received,
                                      table->expected, percent (table->timeliness_rate),
                                      table->on_time);
  adw_preferences_group_set_description (self->group, self->rates_text);
  if (table->deadline != NULL)
    /* Translators: %s is a date, 2026-12-01 */
    deadline = g_strdup_printf (_("Plans are due by %s."), table->deadline);
  else
    deadline = g_strdup (_("No deadline: the field plan’s period is not a half-year."));
  gtk_label_set_text (self->deadline_label, deadline);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remind_button), missing > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->lock_button), TRUE);
  gtk_button_set_label (self->lock_button, ccp_field_plan_is_locked (field_plan)
                                           ? _("Re_open…") : _("Mark as _Final"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->lock_button),
                               ccp_field_plan_is_locked (field_plan)
                               ? _("Make the field plan a draft again, saying why")
                               : _("Lock the field plan: no more plans or reviews until it is "
                                   "reopened"));
  self->table = g_steal_pointer (&table);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_building (self);
}

static void
changed (CcpStatusPage *self)
{
  g_autoptr(CcpFieldPlan) field_plan = self->field_plan != NULL ? g_object_ref (self->field_plan)
                                                                 : NULL;
  g_autoptr(GHashTable) files = self->files != NULL ? g_hash_table_ref (self->files) : NULL;

  /* The handler may rebuild the page itself (the workspace does). */
  g_signal_emit (self, signals[CHANGED], 0);
  if (field_plan == self->field_plan)
    ccp_status_page_set_field_plan (self, field_plan, files);
}

static void
flow_done_cb (gpointer user_data,
              gboolean is_changed)
{
  g_autoptr(CcpStatusPage) self = user_data;

  if (is_changed)
    changed (self);
}

static GtkWindow *
parent_window (CcpStatusPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
ccp_status_page_review (CcpStatusPage  *self,
                        CcpSource      *source,
                        CcpReviewState  state)
{
  g_autoptr(GObject) plan = NULL;
  GFile *file = NULL;

  g_return_if_fail (CCP_IS_STATUS_PAGE (self));
  g_return_if_fail (CCP_IS_SOURCE (source));

  if (self->field_plan == NULL)
    return;
  if (self->files != NULL)
    file = g_hash_table_lookup (self->files, ccp_source_get_sha256 (source));
  /* The activities to comment on; without the file, comments on the plan as a whole. */
  if (file != NULL && state == CCP_REVIEW_STATE_RETURNED)
    plan = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, NULL);
  ccp_review_flow_review (parent_window (self), self->field_plan, source, state,
                          CCP_IS_PLAN (plan) ? CCP_PLAN (plan) : NULL, file, flow_done_cb,
                          g_object_ref (self));
}

void
ccp_status_page_lock (CcpStatusPage *self)
{
  g_return_if_fail (CCP_IS_STATUS_PAGE (self));

  if (self->field_plan == NULL || ccp_field_plan_is_locked (self->field_plan))
    return;
  ccp_field_plan_lock (self->field_plan);
  changed (self);
}

void
ccp_status_page_reopen (CcpStatusPage *self)
{
  g_return_if_fail (CCP_IS_STATUS_PAGE (self));

  if (self->field_plan == NULL || !ccp_field_plan_is_locked (self->field_plan))
    return;
  ccp_review_flow_ensure_open (parent_window (self), self->field_plan, CCP_REVIEW_FLOW_REOPEN,
                               flow_done_cb, g_object_ref (self));
}

static void
lock_clicked_cb (CcpStatusPage *self)
{
  if (self->field_plan != NULL && ccp_field_plan_is_locked (self->field_plan))
    ccp_status_page_reopen (self);
  else
    ccp_status_page_lock (self);
}

/* The Focal Points' addresses seen in plans, kept per city for the reminders of later periods
 * (a city without a plan in this one has no contact in the field plan). */
#define ADDRESSES_KEY "focal-point-addresses"

static GSettings *
get_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, ADDRESSES_KEY))
    return NULL;
  return g_settings_new (APP_ID);
}

static char *
city_key (CcpStatusRow *row)
{
  g_autofree char *key = g_strdup_printf ("%s|%s", ccp_status_row_get_country (row),
                                          ccp_status_row_get_city (row));

  return g_utf8_strdown (key, -1);
}

static void
remember_contacts (CcpStatusTable *table)
{
  g_autoptr(GSettings) settings = get_settings ();
  g_autoptr(GVariant) old = NULL;
  g_autoptr(GHashTable) addresses = NULL;
  GVariantBuilder builder;
  GHashTableIter iter;
  gpointer key, value;
  GVariantIter old_iter;
  const char *old_key, *old_value;
  gboolean changed = FALSE;

  if (settings == NULL)
    return;
  addresses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  old = g_settings_get_value (settings, ADDRESSES_KEY);
  g_variant_iter_init (&old_iter, old);
  while (g_variant_iter_next (&old_iter, "{&s&s}", &old_key, &old_value))
    g_hash_table_insert (addresses, g_strdup (old_key), g_strdup (old_value));
  for (guint i = 0; i < table->rows->len; i++)
    {
      CcpStatusRow *row = g_ptr_array_index (table->rows, i);
      const char *email = ccp_status_row_get_contact_email (row);
      char *row_key;

      if (email[0] == '\0')
        continue;
      row_key = city_key (row);
      if (g_strcmp0 (g_hash_table_lookup (addresses, row_key), email) == 0)
        {
          g_free (row_key);
          continue;
        }
      g_hash_table_insert (addresses, row_key, g_strdup (email));
      changed = TRUE;
    }
  if (!changed)
    return;
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_hash_table_iter_init (&iter, addresses);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_variant_builder_add (&builder, "{ss}", key, value);
  g_settings_set_value (settings, ADDRESSES_KEY, g_variant_builder_end (&builder));
}

/* The address of row's Focal Point: in the field plan, else remembered from another plan. */
static char *
lookup_contact (GVariant     *remembered,
                CcpStatusRow *row)
{
  g_autofree char *key = NULL;
  const char *email = ccp_status_row_get_contact_email (row);

  if (email[0] != '\0' || remembered == NULL)
    return g_strdup (email);
  key = city_key (row);
  if (g_variant_lookup (remembered, key, "&s", &email))
    return g_strdup (email);
  return g_strdup ("");
}

char **
ccp_status_page_build_reminder (CcpFieldPlan  *field_plan,
                                char         **subject,
                                char         **body)
{
  g_autoptr(CcpStatusTable) table = NULL;
  g_autoptr(GStrvBuilder) addresses = g_strv_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *field = NULL;
  const char *period;
  CcpContact *coordinator;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);

  g_autoptr(GSettings) settings = get_settings ();
  g_autoptr(GVariant) remembered = settings != NULL ? g_settings_get_value (settings,
                                                                            ADDRESSES_KEY)
                                                    : NULL;

  table = ccp_status_table_new (field_plan, NULL);
  field = ccp_choices_get_label ("field", ccp_field_plan_get_field (field_plan));
  period = ccp_field_plan_get_period (field_plan);

  if (table->deadline != NULL)
    /* Translators: subject of the reminder; the field, the period and the deadline */
    *subject = g_strdup_printf (_("Reminder: the %s plans for %s are due by %s"), field, period,
                                table->deadline);
  else
    *subject = g_strdup_printf (_("Reminder: the %s plans for %s"), field, period);

  g_string_append (text, _("Dear Focal Points,"));
  g_string_append (text, "\n\n");
  if (table->deadline != NULL)
    g_string_append_printf (text, _("The plans of the field %s for %s are due by %s. We have "
                                    "not received one yet from:"), field, period,
                            table->deadline);
  else
    g_string_append_printf (text, _("We have not received the plans of the field %s for %s "
                                    "yet from:"), field, period);
  g_string_append_c (text, '\n');
  for (guint i = 0; i < table->rows->len; i++)
    {
      CcpStatusRow *row = g_ptr_array_index (table->rows, i);
      g_autofree char *label = NULL;
      g_autofree char *email = NULL;

      if (!ccp_status_row_get_in_roster (row) || ccp_status_row_get_received (row))
        continue;
      label = city_label (row);
      g_string_append_printf (text, "- %s\n", label);
      email = lookup_contact (remembered, row);
      if (email[0] != '\0')
        g_strv_builder_add (addresses, email);
    }
  g_string_append_c (text, '\n');
  g_string_append (text, _("Please send your plan from Creative Cities Plans with “Send to "
                           "Coordinator”."));
  coordinator = ccp_field_plan_get_coordinator (field_plan);
  if (coordinator != NULL && ccp_contact_get_name (coordinator)[0] != '\0')
    g_string_append_printf (text, "\n\n%s\n", ccp_contact_get_name (coordinator));
  *body = g_string_free (g_steal_pointer (&text), FALSE);

  return g_strv_builder_end (addresses);
}

typedef struct {
  GtkWindow *parent;
  char      *body;
} RemindData;

static void
remind_data_free (RemindData *d)
{
  g_clear_object (&d->parent);
  g_free (d->body);
  g_free (d);
}

static void
remind_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  RemindData *d = user_data;
  g_autoptr(GError) error = NULL;

  if (!ccp_email_compose_finish (result, &error))
    {
      if (g_error_matches (error, CCP_EMAIL_ERROR, CCP_EMAIL_ERROR_NO_PORTAL))
        ccp_email_offer_fallback (d->parent, NULL, d->body, NULL);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          GtkWidget *dialog = adw_message_dialog_new (d->parent, _("Could Not Send the Reminder"),
                                                      error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  remind_data_free (d);
}

void
ccp_status_page_remind (CcpStatusPage *self)
{
  g_auto(GStrv) bcc = NULL;
  g_autofree char *subject = NULL;
  RemindData *d;
  GtkRoot *root;

  g_return_if_fail (CCP_IS_STATUS_PAGE (self));

  if (self->field_plan == NULL)
    return;

  d = g_new0 (RemindData, 1);
  bcc = ccp_status_page_build_reminder (self->field_plan, &subject, &d->body);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  d->parent = GTK_IS_WINDOW (root) ? g_object_ref (GTK_WINDOW (root)) : NULL;
  /* The coordinator writes to themself; the cities see none of the others' addresses. */
  ccp_email_compose_async (d->parent, NULL, (const char *const *) bcc, subject, d->body, NULL,
                           self->cancellable, remind_cb, d);
}

static void
remind_clicked_cb (CcpStatusPage *self)
{
  ccp_status_page_remind (self);
}

GtkWidget *
ccp_status_page_new (void)
{
  return g_object_new (CCP_TYPE_STATUS_PAGE, NULL);
}

static void
ccp_status_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ccp_status_page_parent_class)->map (widget);
  /* Shown (its stack page chosen, or its window presented): the rows not built yet come. */
  start_building (CCP_STATUS_PAGE (widget));
}

static void
ccp_status_page_dispose (GObject *object)
{
  CcpStatusPage *self = CCP_STATUS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  clear_pending (self);
  g_clear_object (&self->field_plan);
  g_clear_pointer (&self->files, g_hash_table_unref);
  G_OBJECT_CLASS (ccp_status_page_parent_class)->dispose (object);
}

static void
ccp_status_page_finalize (GObject *object)
{
  CcpStatusPage *self = CCP_STATUS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_free (self->rates_text);
  G_OBJECT_CLASS (ccp_status_page_parent_class)->finalize (object);
}

static void
ccp_status_page_class_init (CcpStatusPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ccp_status_page_dispose;
  object_class->finalize = ccp_status_page_finalize;
  widget_class->map = ccp_status_page_map;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ccp_status_page_init (CcpStatusPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons;

  self->cancellable = g_cancellable_new ();
  self->rates_text = g_strdup ("");

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Completeness"));
  self->remind_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Remind…")));
  gtk_widget_set_valign (GTK_WIDGET (self->remind_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remind_button),
                               _("Write to the Focal Points of the cities without a plan"));
  g_signal_connect_swapped (self->remind_button, "clicked", G_CALLBACK (remind_clicked_cb),
                            self);
  self->lock_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Mark as _Final")));
  gtk_widget_set_valign (GTK_WIDGET (self->lock_button), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->lock_button, "clicked", G_CALLBACK (lock_clicked_cb), self);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->lock_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->remind_button));
  adw_preferences_group_set_header_suffix (self->group, buttons);

  self->deadline_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->deadline_label, 0.0);
  gtk_label_set_wrap (self->deadline_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), "heading");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Member cities and their plans"), -1);
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->deadline_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->group));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_bin_set_child (ADW_BIN (self), scrolled);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remind_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->lock_button), FALSE);
}

const char *
ccp_status_page_get_rates_text (CcpStatusPage *self)
{
  g_return_val_if_fail (CCP_IS_STATUS_PAGE (self), NULL);
  return self->rates_text;
}

GtkListBox *
ccp_status_page_get_list (CcpStatusPage *self)
{
  g_return_val_if_fail (CCP_IS_STATUS_PAGE (self), NULL);

  /* Asked for: every row, shown or not. */
  ccp_status_page_flush (self);
  return self->list;
}
