#define G_LOG_DOMAIN "ccp-activity-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-activity-editor.h"
#include "ccp-choices.h"
#include "ccp-date-row.h"
#include "ccp-field-messages.h"
#include "ccp-partner-row.h"
#include "ccp-result-row.h"
#include "ccp-sdg-tile.h"

struct _CcpActivityEditor
{
  AdwBin            parent_instance;

  CcpActivity      *activity;
  GPtrArray        *bindings;
  gulong            notify_id;
  CcpFieldMessages *messages;
  GHashTable       *toggles;          /* "objectives/1" -> GtkCheckButton / CcpSdgTile */
  gboolean          syncing;
  guint             index;
  GPtrArray        *issues;   /* the last shown, for rows made after they came */

  AdwPreferencesPage *page;
  GtkLabel         *fallback_label;
  AdwEntryRow      *title_row;
  AdwComboRow      *kind_row;
  AdwComboRow      *scope_row;
  AdwComboRow      *state_row;
  AdwActionRow     *flagship_row;
  GtkSwitch        *flagship_switch;
  GtkBox           *description_box;
  GtkFrame         *description_frame;
  GtkTextView      *description_view;
  GtkLabel         *word_count_label;
  CcpDateRow       *start_row;
  CcpDateRow       *end_row;
  AdwEntryRow      *place_row;
  AdwActionRow     *online_row;
  GtkSwitch        *online_switch;
  AdwPreferencesGroup *objectives_group;
  AdwPreferencesGroup *areas_group;
  AdwActionRow     *sdgs_none_row;
  GtkSwitch        *sdgs_none_switch;
  GtkFlowBox       *sdg_flow;
  AdwActionRow     *partner_cities_none_row;
  GtkSwitch        *partner_cities_none_switch;
  GtkListBox       *partner_cities_list;
  AdwActionRow     *partner_organisations_none_row;
  GtkSwitch        *partner_organisations_none_switch;
  GtkListBox       *partner_organisations_list;
  AdwActionRow     *budget_none_row;
  GtkSwitch        *budget_none_switch;
  AdwEntryRow      *budget_amount_row;
  AdwActionRow     *currency_row;
  GtkDropDown      *currency_dropdown;
  AdwActionRow     *funding_none_row;
  GtkSwitch        *funding_none_switch;
  GtkBox           *funding_box;
  GtkFrame         *funding_frame;
  GtkTextView      *funding_view;
  AdwActionRow     *results_none_row;
  GtkSwitch        *results_none_switch;
  GtkListBox       *results_list;
  AdwEntryRow      *joint_ref_row;
  AdwEntryRow      *id_row;
  GtkButton        *add_partner_city_button;
  GtkButton        *add_partner_organisation_button;
  GtkButton        *add_result_button;
};

G_DEFINE_FINAL_TYPE (CcpActivityEditor, ccp_activity_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Code lists: objectives and areas as check rows, SDGs as tiles. */
static const char * const code_properties[] = { "objectives", "areas", "sdgs" };

static void
update_word_count (CcpActivityEditor *self)
{
  const char *text = self->activity ? ccp_activity_get_description (self->activity) : "";
  guint words = ccp_activity_count_words (text);
  g_autofree char *label = NULL;

  /* Translators: the live word counter beneath an activity's description */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u word", "%u of %u words",
                                        CCP_DESCRIPTION_WORD_LIMIT),
                           words, CCP_DESCRIPTION_WORD_LIMIT);
  gtk_label_set_text (self->word_count_label, label);
  if (words > CCP_DESCRIPTION_WORD_LIMIT)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->word_count_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->word_count_label), "error");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->word_count_label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->word_count_label), "error");
    }
}

static char *
buffer_get_all (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GStrv
split_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }

  return g_strv_builder_end (builder);
}

static void
sync_from_model (CcpActivityEditor *self)
{
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;

  if (self->activity == NULL)
    return;

  self->syncing = TRUE;

  buffer = gtk_text_view_get_buffer (self->description_view);
  text = buffer_get_all (buffer);
  if (g_strcmp0 (text, ccp_activity_get_description (self->activity)) != 0)
    gtk_text_buffer_set_text (buffer, ccp_activity_get_description (self->activity), -1);

  {
    GtkTextBuffer *funding_buffer = gtk_text_view_get_buffer (self->funding_view);
    g_autofree char *funding_text = buffer_get_all (funding_buffer);
    g_auto(GStrv) typed = split_lines (funding_text);
    const char * const *funding = ccp_activity_get_funding (self->activity);

    /* Rewrite the text only when it says something else, not while a line is being typed. */
    if (!g_strv_equal ((const char * const *) typed, funding))
      {
        g_autofree char *joined = g_strjoinv ("\n", (char **) funding);

        gtk_text_buffer_set_text (funding_buffer, joined, -1);
      }
  }

  for (guint p = 0; p < G_N_ELEMENTS (code_properties); p++)
    {
      const char * const *codes = NULL;
      GHashTableIter iter;
      gpointer key, value;
      g_autofree char *prefix = g_strconcat (code_properties[p], "/", NULL);

      g_object_get (self->activity, code_properties[p], &codes, NULL);
      g_hash_table_iter_init (&iter, self->toggles);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          if (!g_str_has_prefix (key, prefix))
            continue;
          g_object_set (value, "active",
                        ccp_activity_has_code (codes, (const char *) key + strlen (prefix)), NULL);
        }
      g_strfreev ((GStrv) codes);
    }

  update_word_count (self);
  self->syncing = FALSE;
}

static void
activity_notify_cb (CcpActivity       *activity,
                    GParamSpec        *pspec,
                    CcpActivityEditor *self)
{
  sync_from_model (self);
}

static void
description_changed_cb (GtkTextBuffer     *buffer,
                        CcpActivityEditor *self)
{
  g_autofree char *text = NULL;

  if (self->syncing || self->activity == NULL)
    return;

  text = buffer_get_all (buffer);
  self->syncing = TRUE;
  ccp_activity_set_description (self->activity, text);
  self->syncing = FALSE;
  update_word_count (self);
}

static void
funding_changed_cb (GtkTextBuffer     *buffer,
                    CcpActivityEditor *self)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) sources = NULL;

  if (self->syncing || self->activity == NULL)
    return;

  text = buffer_get_all (buffer);
  sources = split_lines (text);
  self->syncing = TRUE;
  ccp_activity_set_funding (self->activity, (const char * const *) sources);
  self->syncing = FALSE;
}

static void
code_toggled_cb (GObject           *toggle,
                 GParamSpec        *pspec,
                 CcpActivityEditor *self)
{
  gboolean active = FALSE;

  if (self->syncing || self->activity == NULL)
    return;

  g_object_get (toggle, "active", &active, NULL);
  ccp_activity_toggle_code (self->activity,
                            g_object_get_data (toggle, "property"),
                            g_object_get_data (toggle, "code"),
                            active);
}

static void
register_toggle (CcpActivityEditor *self,
                 const char        *property,
                 const char        *code,
                 GtkWidget         *toggle)
{
  g_object_set_data (G_OBJECT (toggle), "property", (gpointer) property);
  g_object_set_data_full (G_OBJECT (toggle), "code", g_strdup (code), g_free);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (code_toggled_cb), self);
  g_hash_table_insert (self->toggles, g_strconcat (property, "/", code, NULL), toggle);
}

static void
add_check_rows (CcpActivityEditor   *self,
                AdwPreferencesGroup *group,
                const char          *vocabulary_name,
                const char          *property)
{
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  const char * const *codes = ccp_vocabulary_get_codes (vocabulary, vocabulary_name);
  GtkWidget *first = NULL;

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *label = ccp_vocabulary_get_label (vocabulary, vocabulary_name, codes[i]);
      const char *short_label = ccp_vocabulary_get_short_label (vocabulary, vocabulary_name,
                                                                codes[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *title = NULL;

      /* Translators: a check row: number and short name of an objective or area of action */
      title = g_strdup_printf (_("%s. %s"), codes[i], short_label ? short_label : codes[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), label ? label : "");
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label ? label : "",
                                      -1);
      adw_preferences_group_add (group, row);
      register_toggle (self, property, codes[i], check);
      if (first == NULL)
        first = row;
    }

  /* Messages about the whole list go beneath its last row. */
  if (first != NULL)
    {
      GtkWidget *last = gtk_widget_get_last_child (gtk_widget_get_parent (first));

      ccp_field_messages_add (self->messages, property, last, first);
    }
}

static void
add_sdg_tiles (CcpActivityEditor *self)
{
  const char * const *codes = ccp_vocabulary_get_codes (ccp_vocabulary_get_default (), "sdg");

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      GtkWidget *tile = ccp_sdg_tile_new (codes[i]);

      gtk_flow_box_append (self->sdg_flow, tile);
      register_toggle (self, "sdgs", codes[i], tile);
    }
}

static GtkWidget *
create_partner_row_cb (gpointer item,
                       gpointer user_data)
{
  return ccp_partner_row_new (item, user_data);
}

static GtkWidget *
create_result_row_cb (gpointer item,
                      gpointer user_data)
{
  return ccp_result_row_new (item, user_data);
}

static void
expand_last_row (CcpActivityEditor *self,
                 GtkListBox        *list)
{
  GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (list));

  /* The activity was checked before the list made the new row: show the row its messages. */
  if (self->issues != NULL)
    ccp_activity_editor_show_issues (self, self->issues, self->index);

  if (ADW_IS_EXPANDER_ROW (last))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (last), TRUE);
      gtk_widget_grab_focus (last);
    }
}

static void
add_partner_city_clicked_cb (GtkButton         *button,
                             CcpActivityEditor *self)
{
  g_autoptr(CcpPartner) partner = ccp_partner_new_city ("", "", "");

  g_return_if_fail (self->activity != NULL);

  ccp_activity_set_partner_cities_none (self->activity, FALSE);
  ccp_item_list_append (ccp_activity_get_partner_cities (self->activity), partner);
  expand_last_row (self, self->partner_cities_list);
}

static void
add_partner_organisation_clicked_cb (GtkButton         *button,
                                     CcpActivityEditor *self)
{
  g_autoptr(CcpPartner) partner = ccp_partner_new_organisation ("", "");

  g_return_if_fail (self->activity != NULL);

  ccp_activity_set_partner_organisations_none (self->activity, FALSE);
  ccp_item_list_append (ccp_activity_get_partner_organisations (self->activity), partner);
  expand_last_row (self, self->partner_organisations_list);
}

static void
add_result_clicked_cb (GtkButton         *button,
                       CcpActivityEditor *self)
{
  g_autoptr(CcpResult) result = ccp_result_new ("", "");

  g_return_if_fail (self->activity != NULL);

  ccp_activity_set_results_none (self->activity, FALSE);
  ccp_item_list_append (ccp_activity_get_results (self->activity), result);
  expand_last_row (self, self->results_list);
}

static void
copy_joint_ref_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CcpActivityEditor *self = CCP_ACTIVITY_EDITOR (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->joint_ref_row));
  GtkWidget *overlay;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL && *text)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new (_("Reference copied")));
}

/* A reference for a new joint activity: partners paste it into their plans. */
static void
new_joint_ref_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CcpActivityEditor *self = CCP_ACTIVITY_EDITOR (widget);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *ref = g_strconcat ("joint-", uuid, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->joint_ref_row), ref);
}

static void
joint_ref_text_cb (GObject           *row,
                   GParamSpec        *pspec,
                   CcpActivityEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.copy-joint-ref",
                                 text != NULL && *text != '\0');
}

static void
paste_text_ready_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CcpActivityEditor) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->joint_ref_row), g_strstrip (text));
}

static void
paste_joint_ref_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 paste_text_ready_cb, g_object_ref (widget));
}

static void
mark_required (GtkWidget *row)
{
  GtkWidget *label = gtk_label_new (_("Required"));

  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "required-mark");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
  else if (ADW_IS_ACTION_ROW (row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

static void
ccp_activity_editor_dispose (GObject *object)
{
  CcpActivityEditor *self = CCP_ACTIVITY_EDITOR (object);

  ccp_activity_editor_set_activity (self, NULL);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->issues, g_ptr_array_unref);
  g_clear_pointer (&self->messages, ccp_field_messages_free);
  g_clear_pointer (&self->toggles, g_hash_table_unref);

  G_OBJECT_CLASS (ccp_activity_editor_parent_class)->dispose (object);
}

static void
ccp_activity_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CcpActivityEditor *self = CCP_ACTIVITY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ACTIVITY:
      g_value_set_object (value, self->activity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_activity_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CcpActivityEditor *self = CCP_ACTIVITY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ACTIVITY:
      ccp_activity_editor_set_activity (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND_CHILD(name) gtk_widget_class_bind_template_child (widget_class, CcpActivityEditor, name)

static void
ccp_activity_editor_class_init (CcpActivityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ccp_activity_editor_dispose;
  object_class->get_property = ccp_activity_editor_get_property;
  object_class->set_property = ccp_activity_editor_set_property;

  properties[PROP_ACTIVITY] =
    g_param_spec_object ("activity", NULL, NULL, CCP_TYPE_ACTIVITY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CCP_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/creativecities/Plans/ccp-activity-editor.ui");
  BIND_CHILD (page);
  BIND_CHILD (fallback_label);
  BIND_CHILD (title_row);
  BIND_CHILD (kind_row);
  BIND_CHILD (scope_row);
  BIND_CHILD (state_row);
  BIND_CHILD (flagship_row);
  BIND_CHILD (flagship_switch);
  BIND_CHILD (description_box);
  BIND_CHILD (description_frame);
  BIND_CHILD (description_view);
  BIND_CHILD (word_count_label);
  BIND_CHILD (start_row);
  BIND_CHILD (end_row);
  BIND_CHILD (place_row);
  BIND_CHILD (online_row);
  BIND_CHILD (online_switch);
  BIND_CHILD (objectives_group);
  BIND_CHILD (areas_group);
  BIND_CHILD (sdgs_none_row);
  BIND_CHILD (sdgs_none_switch);
  BIND_CHILD (sdg_flow);
  BIND_CHILD (partner_cities_none_row);
  BIND_CHILD (partner_cities_none_switch);
  BIND_CHILD (partner_cities_list);
  BIND_CHILD (partner_organisations_none_row);
  BIND_CHILD (partner_organisations_none_switch);
  BIND_CHILD (partner_organisations_list);
  BIND_CHILD (budget_none_row);
  BIND_CHILD (budget_none_switch);
  BIND_CHILD (budget_amount_row);
  BIND_CHILD (currency_row);
  BIND_CHILD (currency_dropdown);
  BIND_CHILD (funding_none_row);
  BIND_CHILD (funding_none_switch);
  BIND_CHILD (funding_box);
  BIND_CHILD (funding_frame);
  BIND_CHILD (funding_view);
  BIND_CHILD (results_none_row);
  BIND_CHILD (results_none_switch);
  BIND_CHILD (results_list);
  BIND_CHILD (joint_ref_row);
  BIND_CHILD (id_row);
  BIND_CHILD (add_partner_city_button);
  BIND_CHILD (add_partner_organisation_button);
  BIND_CHILD (add_result_button);
  gtk_widget_class_bind_template_callback (widget_class, add_partner_city_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_partner_organisation_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_result_clicked_cb);

  gtk_widget_class_install_action (widget_class, "activity.copy-joint-ref", NULL,
                                   copy_joint_ref_cb);
  gtk_widget_class_install_action (widget_class, "activity.paste-joint-ref", NULL,
                                   paste_joint_ref_cb);
  gtk_widget_class_install_action (widget_class, "activity.new-joint-ref", NULL,
                                   new_joint_ref_cb);
}

static void
add_switch_message (CcpActivityEditor *self,
                    const char        *property,
                    AdwActionRow      *row,
                    GtkSwitch         *sw)
{
  ccp_field_messages_add (self->messages, property, GTK_WIDGET (row), GTK_WIDGET (sw));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (sw),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);
}

static void
ccp_activity_editor_init (CcpActivityEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new ();
  self->messages = ccp_field_messages_new ();
  self->toggles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ccp_choices_setup (G_OBJECT (self->kind_row), "kind");
  ccp_choices_setup (G_OBJECT (self->scope_row), "scope");
  ccp_choices_setup (G_OBJECT (self->state_row), "state");
  ccp_choices_setup (G_OBJECT (self->currency_dropdown), CCP_CHOICES_CURRENCY);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->currency_dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->currency_row, NULL,
                                  -1);

  ccp_field_messages_set_fallback (self->messages, self->fallback_label);
  ccp_field_messages_add (self->messages, "title", GTK_WIDGET (self->title_row), NULL);
  ccp_field_messages_add (self->messages, "kind", GTK_WIDGET (self->kind_row), NULL);
  ccp_field_messages_add (self->messages, "scope", GTK_WIDGET (self->scope_row), NULL);
  ccp_field_messages_add (self->messages, "state", GTK_WIDGET (self->state_row), NULL);
  add_switch_message (self, "flagship", self->flagship_row, self->flagship_switch);
  ccp_field_messages_add (self->messages, "description", GTK_WIDGET (self->description_frame),
                          GTK_WIDGET (self->description_view));
  ccp_field_messages_add (self->messages, "start-date", GTK_WIDGET (self->start_row), NULL);
  ccp_field_messages_add (self->messages, "end-date", GTK_WIDGET (self->end_row), NULL);
  ccp_field_messages_add (self->messages, "place", GTK_WIDGET (self->place_row), NULL);
  add_switch_message (self, "online", self->online_row, self->online_switch);
  add_switch_message (self, "sdgs", self->sdgs_none_row, self->sdgs_none_switch);
  add_switch_message (self, "sdgs-none", self->sdgs_none_row, self->sdgs_none_switch);
  add_switch_message (self, "partner-cities-none", self->partner_cities_none_row,
                      self->partner_cities_none_switch);
  add_switch_message (self, "partner-organisations-none", self->partner_organisations_none_row,
                      self->partner_organisations_none_switch);
  add_switch_message (self, "budget-none", self->budget_none_row, self->budget_none_switch);
  add_switch_message (self, "funding-none", self->funding_none_row, self->funding_none_switch);
  add_switch_message (self, "results-none", self->results_none_row, self->results_none_switch);
  add_switch_message (self, "partner-cities", self->partner_cities_none_row,
                      self->partner_cities_none_switch);
  add_switch_message (self, "partner-organisations", self->partner_organisations_none_row,
                      self->partner_organisations_none_switch);
  add_switch_message (self, "budget", self->budget_none_row, self->budget_none_switch);
  ccp_field_messages_add (self->messages, "budget-amount", GTK_WIDGET (self->budget_amount_row),
                          NULL);
  ccp_field_messages_add (self->messages, "budget-currency", GTK_WIDGET (self->currency_row),
                          GTK_WIDGET (self->currency_dropdown));
  add_switch_message (self, "funding", self->funding_none_row, self->funding_none_switch);
  add_switch_message (self, "results", self->results_none_row, self->results_none_switch);
  ccp_field_messages_add (self->messages, "joint-ref", GTK_WIDGET (self->joint_ref_row), NULL);
  ccp_field_messages_add (self->messages, "id", GTK_WIDGET (self->id_row), NULL);

  add_check_rows (self, self->objectives_group, "objective", "objectives");
  add_check_rows (self, self->areas_group, "area", "areas");
  add_sdg_tiles (self);

  ccp_editable_force_ltr (GTK_WIDGET (self->start_row));
  ccp_editable_force_ltr (GTK_WIDGET (self->end_row));
  ccp_editable_force_ltr (GTK_WIDGET (self->budget_amount_row));
  ccp_editable_force_ltr (GTK_WIDGET (self->joint_ref_row));
  ccp_editable_force_ltr (GTK_WIDGET (self->id_row));
  /* Nothing to copy from an empty reference. */
  g_signal_connect (self->joint_ref_row, "notify::text", G_CALLBACK (joint_ref_text_cb), self);
  joint_ref_text_cb (G_OBJECT (self->joint_ref_row), NULL, self);

  mark_required (GTK_WIDGET (self->title_row));
  mark_required (GTK_WIDGET (self->kind_row));
  mark_required (GTK_WIDGET (self->scope_row));
  mark_required (GTK_WIDGET (self->state_row));
  mark_required (GTK_WIDGET (self->start_row));
  mark_required (GTK_WIDGET (self->end_row));

  g_signal_connect (gtk_text_view_get_buffer (self->description_view), "changed",
                    G_CALLBACK (description_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->funding_view), "changed",
                    G_CALLBACK (funding_changed_cb), self);

  g_object_bind_property (self->online_switch, "active", self->place_row, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->sdgs_none_switch, "active", self->sdg_flow, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->partner_cities_none_switch, "active",
                          self->partner_cities_list, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->partner_organisations_none_switch, "active",
                          self->partner_organisations_list, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->budget_none_switch, "active", self->budget_amount_row,
                          "sensitive", G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->budget_none_switch, "active", self->currency_row,
                          "sensitive", G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->funding_none_switch, "active", self->funding_box,
                          "sensitive", G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->results_none_switch, "active", self->results_list,
                          "sensitive", G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
}

GtkWidget *
ccp_activity_editor_new (void)
{
  return g_object_new (CCP_TYPE_ACTIVITY_EDITOR, NULL);
}

CcpActivity *
ccp_activity_editor_get_activity (CcpActivityEditor *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_EDITOR (self), NULL);

  return self->activity;
}

static void
bind (CcpActivityEditor *self,
      const char        *property,
      gpointer           target,
      const char        *target_property)
{
  g_ptr_array_add (self->bindings,
                   g_object_bind_property (self->activity, property, target, target_property,
                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
}

void
ccp_activity_editor_set_activity (CcpActivityEditor *self,
                                  CcpActivity       *activity)
{
  g_return_if_fail (CCP_IS_ACTIVITY_EDITOR (self));
  g_return_if_fail (activity == NULL || CCP_IS_ACTIVITY (activity));

  if (self->activity == activity)
    return;

  if (self->activity != NULL)
    {
      for (guint i = 0; i < self->bindings->len; i++)
        g_binding_unbind (g_ptr_array_index (self->bindings, i));
      g_ptr_array_set_size (self->bindings, 0);
      g_clear_signal_handler (&self->notify_id, self->activity);
      gtk_list_box_bind_model (self->partner_cities_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->partner_organisations_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->results_list, NULL, NULL, NULL, NULL);
    }

  g_set_object (&self->activity, activity);
  g_clear_pointer (&self->issues, g_ptr_array_unref);

  if (activity != NULL)
    {
      CcpItemList *store;

      bind (self, "title", self->title_row, "text");
      bind (self, "start-date", self->start_row, "text");
      bind (self, "end-date", self->end_row, "text");
      bind (self, "place", self->place_row, "text");
      bind (self, "budget-amount", self->budget_amount_row, "text");
      bind (self, "joint-ref", self->joint_ref_row, "text");
      bind (self, "id", self->id_row, "text");
      bind (self, "flagship", self->flagship_switch, "active");
      bind (self, "online", self->online_switch, "active");
      bind (self, "sdgs-none", self->sdgs_none_switch, "active");
      bind (self, "partner-cities-none", self->partner_cities_none_switch, "active");
      bind (self, "partner-organisations-none", self->partner_organisations_none_switch,
            "active");
      bind (self, "budget-none", self->budget_none_switch, "active");
      bind (self, "funding-none", self->funding_none_switch, "active");
      bind (self, "results-none", self->results_none_switch, "active");
      g_ptr_array_add (self->bindings,
                       ccp_choices_bind (G_OBJECT (activity), "kind", G_OBJECT (self->kind_row)));
      g_ptr_array_add (self->bindings,
                       ccp_choices_bind (G_OBJECT (activity), "scope",
                                         G_OBJECT (self->scope_row)));
      g_ptr_array_add (self->bindings,
                       ccp_choices_bind (G_OBJECT (activity), "state",
                                         G_OBJECT (self->state_row)));
      g_ptr_array_add (self->bindings,
                       ccp_choices_bind (G_OBJECT (activity), "budget-currency",
                                         G_OBJECT (self->currency_dropdown)));

      store = ccp_activity_get_partner_cities (activity);
      gtk_list_box_bind_model (self->partner_cities_list, G_LIST_MODEL (store),
                               create_partner_row_cb, store, NULL);
      store = ccp_activity_get_partner_organisations (activity);
      gtk_list_box_bind_model (self->partner_organisations_list, G_LIST_MODEL (store),
                               create_partner_row_cb, store, NULL);
      store = ccp_activity_get_results (activity);
      gtk_list_box_bind_model (self->results_list, G_LIST_MODEL (store),
                               create_result_row_cb, store, NULL);

      self->notify_id = g_signal_connect (activity, "notify",
                                          G_CALLBACK (activity_notify_cb), self);
      sync_from_model (self);
      ccp_field_messages_show (self->messages, NULL, "");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVITY]);
}

static void
show_list_issues (GtkListBox *list,
                  GPtrArray  *issues,
                  guint       index,
                  const char *list_name)
{
  guint j = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row), j++)
    {
      g_autofree char *prefix = g_strdup_printf ("activities/%u/%s/%u/", index, list_name, j);

      if (CCP_IS_PARTNER_ROW (row))
        ccp_partner_row_show_issues (CCP_PARTNER_ROW (row), issues, prefix);
      else if (CCP_IS_RESULT_ROW (row))
        ccp_result_row_show_issues (CCP_RESULT_ROW (row), issues, prefix);
    }
}

void
ccp_activity_editor_show_issues (CcpActivityEditor *self,
                                 GPtrArray         *issues,
                                 guint              index)
{
  g_autofree char *prefix = NULL;

  g_return_if_fail (CCP_IS_ACTIVITY_EDITOR (self));

  self->index = index;
  if (issues != self->issues)
    {
      g_clear_pointer (&self->issues, g_ptr_array_unref);
      self->issues = issues ? g_ptr_array_ref (issues) : NULL;
    }
  prefix = g_strdup_printf ("activities/%u/", index);

  /* Messages about one partner or result are shown in its row, not also at the list. */
  {
    g_autoptr(GPtrArray) own = g_ptr_array_new ();

    for (guint i = 0; issues != NULL && i < issues->len; i++)
      {
        CcpIssue *issue = g_ptr_array_index (issues, i);
        const char *rest = ccp_issue_get_path (issue);
        const char *slash;

        if (!g_str_has_prefix (rest, prefix))
          continue;
        rest += strlen (prefix);
        slash = strchr (rest, '/');
        if (slash != NULL && g_ascii_isdigit (slash[1]) &&
            (g_str_has_prefix (rest, "partner-cities/") ||
             g_str_has_prefix (rest, "partner-organisations/") ||
             g_str_has_prefix (rest, "results/")))
          continue;
        g_ptr_array_add (own, issue);
      }
    ccp_field_messages_show (self->messages, own, prefix);
  }

  show_list_issues (self->partner_cities_list, issues, index, "partner-cities");
  show_list_issues (self->partner_organisations_list, issues, index, "partner-organisations");
  show_list_issues (self->results_list, issues, index, "results");
}

gboolean
ccp_activity_editor_focus_path (CcpActivityEditor *self,
                                const char        *path)
{
  g_auto(GStrv) parts = NULL;
  GtkListBox *list = NULL;

  g_return_val_if_fail (CCP_IS_ACTIVITY_EDITOR (self), FALSE);

  parts = g_strsplit (path, "/", 3);
  if (parts[0] == NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  if (g_str_equal (parts[0], "partner-cities"))
    list = self->partner_cities_list;
  else if (g_str_equal (parts[0], "partner-organisations"))
    list = self->partner_organisations_list;
  else if (g_str_equal (parts[0], "results"))
    list = self->results_list;

  if (list != NULL && parts[1] != NULL)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list,
                                                          (int) g_ascii_strtoull (parts[1],
                                                                                  NULL, 10));
      const char *property = parts[2] ? parts[2] : "";

      if (CCP_IS_PARTNER_ROW (row))
        return ccp_partner_row_focus (CCP_PARTNER_ROW (row), property);
      if (CCP_IS_RESULT_ROW (row))
        return ccp_result_row_focus (CCP_RESULT_ROW (row), property);
    }

  if (ccp_field_messages_focus (self->messages, parts[0]))
    return TRUE;

  {
    g_autofree char *key = g_strconcat (parts[0], "/", NULL);
    GHashTableIter iter;
    gpointer k, v;

    /* A code list: focus its first toggle. */
    g_hash_table_iter_init (&iter, self->toggles);
    while (g_hash_table_iter_next (&iter, &k, &v))
      if (g_str_has_prefix (k, key) && g_str_has_suffix (k, "/1"))
        return gtk_widget_grab_focus (v);
  }

  return gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

const char *
ccp_activity_editor_get_message (CcpActivityEditor *self,
                                 const char        *property)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_EDITOR (self), "");

  return ccp_field_messages_get_message (self->messages, property);
}

GtkWidget *
ccp_activity_editor_get_input (CcpActivityEditor *self,
                               const char        *property)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_EDITOR (self), NULL);

  /* Messages about funding go to its switch; the sources are typed in the text box. */
  if (g_strcmp0 (property, "funding-text") == 0)
    return GTK_WIDGET (self->funding_view);
  return ccp_field_messages_get_input (self->messages, property);
}

GtkWidget *
ccp_activity_editor_get_code_toggle (CcpActivityEditor *self,
                                     const char        *property,
                                     const char        *code)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CCP_IS_ACTIVITY_EDITOR (self), NULL);

  key = g_strconcat (property, "/", code, NULL);
  return g_hash_table_lookup (self->toggles, key);
}

GtkLabel *
ccp_activity_editor_get_word_count_label (CcpActivityEditor *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_EDITOR (self), NULL);

  return self->word_count_label;
}

GtkListBox *
ccp_activity_editor_get_list (CcpActivityEditor *self,
                              const char        *list)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_EDITOR (self), NULL);

  if (g_strcmp0 (list, "partner-cities") == 0)
    return self->partner_cities_list;
  if (g_strcmp0 (list, "partner-organisations") == 0)
    return self->partner_organisations_list;
  if (g_strcmp0 (list, "results") == 0)
    return self->results_list;
  return NULL;
}

GtkButton *
ccp_activity_editor_get_add_button (CcpActivityEditor *self,
                                    const char        *list)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_EDITOR (self), NULL);

  if (g_strcmp0 (list, "partner-cities") == 0)
    return self->add_partner_city_button;
  if (g_strcmp0 (list, "partner-organisations") == 0)
    return self->add_partner_organisation_button;
  if (g_strcmp0 (list, "results") == 0)
    return self->add_result_button;
  return NULL;
}
