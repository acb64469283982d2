#define G_LOG_DOMAIN "ccp-source-table"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ccp-markup.h"
#include "ccp-source-table.h"
#include "ccp-reveal-model.h"
#include "ccp-table-util.h"
#include "ccp-text.h"

struct _CcpSourceTable
{
  AdwBin            parent_instance;

  CcpFieldPlan     *field_plan;
  GHashTable       *issues;
  GHashTable       *messages;
  GListStore       *store;
  GtkCustomFilter  *filter;     /* the search's */
  char             *needle;     /* the search, casefolded; NULL: none */
  GtkSortListModel *sorted;     /* of what the search found */
  CcpRevealModel   *reveal;     /* what the view shows of sorted */
  GtkColumnView    *view;
  GtkSearchEntry   *search_entry;
  GtkLabel         *count_label;
  CcpSourceTableLocateFunc locate;
  gpointer          locate_data;
};

G_DEFINE_FINAL_TYPE (CcpSourceTable, ccp_source_table, ADW_TYPE_BIN)

const char *
ccp_source_table_status_label (CcpSource *source)
{
  g_return_val_if_fail (CCP_IS_SOURCE (source), NULL);

  switch (ccp_source_get_status (source))
    {
    case CCP_SOURCE_STATUS_REFUSED:
      /* Translators: status of a merged file */
      return _("Refused");
    case CCP_SOURCE_STATUS_SUPERSEDED:
      /* Translators: status of a merged file: a newer revision of the city's plan replaced it */
      return _("Superseded");
    case CCP_SOURCE_STATUS_ACCEPTED:
    default:
      if (ccp_source_get_errors (source) > 0)
        /* Translators: status of a merged file: accepted, but it has validation errors */
        return _("Errors");
      if (ccp_source_get_warnings (source) > 0)
        /* Translators: status of a merged file: accepted, with warnings */
        return _("Warnings");
      /* Translators: status of a merged file: accepted without any problem */
      return _("Valid");
    }
}

static char *
city_text (gpointer item)
{
  return g_strdup (ccp_source_get_city (item));
}

static char *
country_text (gpointer item)
{
  return g_strdup (ccp_source_get_country (item));
}

static char *
revision_text (gpointer item)
{
  guint revision = ccp_source_get_revision (item);

  return revision > 0 ? g_strdup_printf ("%u", revision) : g_strdup ("");
}

static char *
errors_text (gpointer item)
{
  return g_strdup_printf ("%u", ccp_source_get_errors (item));
}

static char *
warnings_text (gpointer item)
{
  return g_strdup_printf ("%u", ccp_source_get_warnings (item));
}

static char *
file_text (gpointer item)
{
  return g_strdup (ccp_source_get_file (item));
}

/* A few hundred rows: the search looks at each in the main loop, casefolding as it goes. */
static gboolean
source_matches (gpointer item,
                gpointer user_data)
{
  CcpSourceTable *self = user_data;
  const char *texts[4];

  if (self->needle == NULL)
    return TRUE;
  texts[0] = ccp_source_get_city (item);
  texts[1] = ccp_source_get_country (item);
  texts[2] = ccp_source_get_file (item);
  texts[3] = ccp_source_table_status_label (item);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *folded = ccp_text_casefold (texts[i]);

      if (strstr (folded, self->needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
update_count (CcpSourceTable *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u city plan", "%u city plans",
                                         total), total);
  else
    /* Translators: the city plans the search found, of all those merged */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u city plan shown",
                                         "%u of %u city plans shown", total), shown, total);
  gtk_label_set_text (self->count_label, text);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   CcpSourceTable *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *old = g_steal_pointer (&self->needle);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  self->needle = text[0] != '\0' ? ccp_text_casefold (text) : NULL;
  /* Typing on finds fewer; deleting, more: GTK then looks only at the rows that may change. */
  if (self->needle != NULL && old != NULL && strstr (self->needle, old) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (old != NULL && (self->needle == NULL || strstr (old, self->needle) != NULL))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

void
ccp_source_table_set_locate_func (CcpSourceTable          *self,
                                  CcpSourceTableLocateFunc func,
                                  gpointer                 user_data)
{
  g_return_if_fail (CCP_IS_SOURCE_TABLE (self));

  self->locate = func;
  self->locate_data = user_data;
}

char *
ccp_source_table_describe_issues (CcpSourceTable *self,
                                  CcpSource      *source)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *sha256;
  const char *message;
  GPtrArray *issues;

  g_return_val_if_fail (CCP_IS_SOURCE_TABLE (self), NULL);
  g_return_val_if_fail (CCP_IS_SOURCE (source), NULL);

  sha256 = ccp_source_get_sha256 (source);
  message = self->messages != NULL ? g_hash_table_lookup (self->messages, sha256) : NULL;
  issues = self->issues != NULL ? g_hash_table_lookup (self->issues, sha256) : NULL;

  /* Why it was refused or superseded: the report says it in a sentence. */
  if (self->field_plan != NULL && ccp_source_get_status (source) != CCP_SOURCE_STATUS_ACCEPTED)
    {
      GListModel *report = G_LIST_MODEL (ccp_field_plan_get_report (self->field_plan));

      for (guint i = 0; i < g_list_model_get_n_items (report); i++)
        {
          g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);
          const char *kind = ccp_report_item_get_kind (item);
          g_autofree char *sentence = NULL;

          if ((!g_str_equal (kind, "refused") && !g_str_equal (kind, "superseded")) ||
              g_strcmp0 (ccp_report_item_get_value (item, "sha256"), sha256) != 0)
            continue;
          sentence = ccp_report_describe_item (item);
          g_string_append_printf (text, "%s\n", sentence);
        }
    }
  if (message != NULL)
    g_string_append_printf (text, "%s\n", message);

  if (issues != NULL && self->locate != NULL)
    self->locate (source, issues, self->locate_data);
  if (issues != NULL)
    {
      for (guint i = 0; i < issues->len; i++)
        {
          CcpIssue *issue = g_ptr_array_index (issues, i);
          const char *severity = ccp_issue_get_severity (issue) == CCP_SEVERITY_ERROR
                                 ? _("Error")
                                 : ccp_issue_get_severity (issue) == CCP_SEVERITY_WARNING
                                   ? _("Warning") : _("Note");

          if (ccp_issue_get_line (issue) > 0)
            /* Translators: one issue of a file: severity, line number, message */
            g_string_append_printf (text, _("%s, line %u: %s\n"), severity,
                                    ccp_issue_get_line (issue), ccp_issue_get_message (issue));
          else
            /* Translators: one issue of a file: severity, message */
            g_string_append_printf (text, _("%s: %s\n"), severity,
                                    ccp_issue_get_message (issue));
        }
      if (issues->len == 0 && text->len == 0)
        g_string_append (text, _("No problem found in this plan."));
    }
  else if (text->len == 0)
    g_string_append (text, _("The file is not at hand: only its counts of issues were recorded "
                             "when it was merged."));

  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* --- Status and issues columns --------------------------------------------------------------- */

static void
status_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
status_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  CcpSource *source = gtk_list_item_get_item (list_item);
  const char *classes[] = { "error", "warning", "success", "dim-label" };
  const char *add = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);

  switch (ccp_source_get_status (source))
    {
    case CCP_SOURCE_STATUS_REFUSED:
      add = "error";
      break;
    case CCP_SOURCE_STATUS_SUPERSEDED:
      add = "dim-label";
      break;
    case CCP_SOURCE_STATUS_ACCEPTED:
    default:
      add = ccp_source_get_errors (source) > 0 ? "error"
            : ccp_source_get_warnings (source) > 0 ? "warning" : "success";
      break;
    }
  gtk_widget_add_css_class (label, add);
  gtk_label_set_text (GTK_LABEL (label), ccp_source_table_status_label (source));
}

static void
issues_popover_show_cb (GtkPopover     *popover,
                        CcpSourceTable *self)
{
  GtkWidget *button = gtk_widget_get_parent (GTK_WIDGET (popover));
  CcpSource *source = g_object_get_data (G_OBJECT (button), "source");
  GtkWidget *label = g_object_get_data (G_OBJECT (popover), "label");
  g_autofree char *text = NULL;

  if (source == NULL)
    return;
  text = ccp_source_table_describe_issues (self, source);
  gtk_label_set_text (GTK_LABEL (label), text);
  /* A revision sent again: its changes are on the workspace's "What Changed" page. */
  {
    GtkWidget *changes = g_object_get_data (G_OBJECT (popover), "changes");

    gtk_actionable_set_action_target (GTK_ACTIONABLE (changes), "s",
                                      ccp_source_get_sha256 (source));
    gtk_widget_set_visible (changes,
                            ccp_source_get_status (source) == CCP_SOURCE_STATUS_SUPERSEDED);
  }
}

/* The popover is made on the first click: a popover per row, with its scrolled window and
 * label, made for every row bound was most of the cost of showing 400 sources. */
static void
create_issues_popup (GtkMenuButton *button,
                     gpointer       user_data)
{
  CcpSourceTable *self = user_data;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (NULL);

  /* A wrapping label asks for the width of its longest word: without a width of its own the
   * popover was as narrow as the file name, and the reason was cut. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *changes = gtk_button_new_with_mnemonic (_("What _Changed"));

    gtk_actionable_set_action_target (GTK_ACTIONABLE (changes), "s", "");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (changes), "compare.what-changed");
    gtk_widget_set_tooltip_text (changes, _("Show what changed in the revision that replaced "
                                            "this one"));
    gtk_widget_set_halign (changes, GTK_ALIGN_START);
    g_signal_connect_swapped (changes, "clicked", G_CALLBACK (gtk_popover_popdown), popover);
    gtk_box_append (GTK_BOX (box), scrolled);
    gtk_box_append (GTK_BOX (box), changes);
    g_object_set_data (G_OBJECT (popover), "changes", changes);
    gtk_popover_set_child (GTK_POPOVER (popover), box);
  }
  g_object_set_data (G_OBJECT (popover), "label", label);
  g_signal_connect (popover, "show", G_CALLBACK (issues_popover_show_cb), self);
  gtk_menu_button_set_popover (button, popover);
}

/* A tooltip asked for on hover: gtk_widget_set_tooltip_text() queries the pointer (an X round
 * trip) for each row made. */
static gboolean
issues_query_tooltip_cb (GtkWidget  *button,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip,
                         gpointer    user_data)
{
  gtk_tooltip_set_text (tooltip, _("Show why this file has this status, and its issues"));
  return TRUE;
}

static void
issues_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 CcpSourceTable           *self)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Details"));
  gtk_widget_set_has_tooltip (button, TRUE);
  g_signal_connect (button, "query-tooltip", G_CALLBACK (issues_query_tooltip_cb), NULL);
  gtk_widget_add_css_class (button, "flat");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_issues_popup, self,
                                         NULL);
  gtk_list_item_set_child (list_item, button);
}

static void
issues_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *button = gtk_list_item_get_child (list_item);
  CcpSource *source = gtk_list_item_get_item (list_item);
  g_autofree char *file = ccp_bidi_isolate (ccp_source_get_file (source));
  g_autofree char *name = g_strdup_printf (_("Details of %s"), file);

  g_object_set_data_full (G_OBJECT (button), "source", g_object_ref (source), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
issues_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "source", NULL);
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return g_utf8_collate (ccp_source_table_status_label ((CcpSource *) a),
                         ccp_source_table_status_label ((CcpSource *) b));
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
ccp_source_table_dispose (GObject *object)
{
  CcpSourceTable *self = CCP_SOURCE_TABLE (object);

  g_clear_object (&self->field_plan);
  g_clear_pointer (&self->issues, g_hash_table_unref);
  g_clear_pointer (&self->messages, g_hash_table_unref);
  /* Before the view goes (its tick callback is removed). */
  g_clear_object (&self->reveal);

  G_OBJECT_CLASS (ccp_source_table_parent_class)->dispose (object);
}

static void
ccp_source_table_finalize (GObject *object)
{
  CcpSourceTable *self = CCP_SOURCE_TABLE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_free (self->needle);

  G_OBJECT_CLASS (ccp_source_table_parent_class)->finalize (object);
}

static void
ccp_source_table_class_init (CcpSourceTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ccp_source_table_dispose;
  object_class->finalize = ccp_source_table_finalize;
}

static void
ccp_source_table_init (CcpSourceTable *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory;
  GtkColumnViewColumn *column;
  GtkSorter *sorter;

  self->search_entry = ccp_table_search_entry_new (_("Search cities, countries, files"),
                                                   _("Search city plans"));
  gtk_widget_set_halign (GTK_WIDGET (self->search_entry), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (self->search_entry), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->search_entry), 6);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));

  self->store = g_list_store_new (CCP_TYPE_SOURCE);
  self->filter = gtk_custom_filter_new (source_matches, self, NULL);
  self->sorted = gtk_sort_list_model_new (
    G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                             GTK_FILTER (g_object_ref (self->filter)))),
    NULL);
  g_signal_connect_swapped (self->sorted, "items-changed", G_CALLBACK (update_count), self);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("City plans merged"), -1);

  ccp_table_add_text_column (self->view, "city", _("City"), city_text, NULL, TRUE);
  ccp_table_add_text_column (self->view, "country", _("Country"), country_text, NULL, FALSE);
  ccp_table_add_text_column (self->view, "revision", _("Revision"), revision_text, NULL,
                             FALSE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (status_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (status_bind_cb), NULL);
  column = gtk_column_view_column_new (_("Status"), factory);
  g_object_set_data_full (G_OBJECT (column), "ccp-column-id", g_strdup ("status"), g_free);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_status, NULL, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);

  ccp_table_add_text_column (self->view, "errors", _("Errors"), errors_text, NULL, FALSE);
  ccp_table_add_text_column (self->view, "warnings", _("Warnings"), warnings_text, NULL, FALSE);
  ccp_table_add_text_column (self->view, "file", _("File"), file_text, NULL, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (issues_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (issues_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (issues_unbind_cb), NULL);
  column = gtk_column_view_column_new (_("Issues"), factory);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);

  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->view));
  self->reveal = ccp_reveal_model_new (G_LIST_MODEL (self->sorted), GTK_WIDGET (self->view));
  gtk_column_view_set_model (self->view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (
                               G_LIST_MODEL (g_object_ref (self->reveal)))));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->count_label = ccp_table_count_label_new ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count_label));

  adw_bin_set_child (ADW_BIN (self), box);
  update_count (self);
}

GtkWidget *
ccp_source_table_new (void)
{
  return g_object_new (CCP_TYPE_SOURCE_TABLE, NULL);
}

void
ccp_source_table_set_field_plan (CcpSourceTable *self,
                                 CcpFieldPlan   *field_plan,
                                 GHashTable     *issues,
                                 GHashTable     *messages)
{
  GListModel *sources;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean changed;

  g_return_if_fail (CCP_IS_SOURCE_TABLE (self));
  g_return_if_fail (field_plan == NULL || CCP_IS_FIELD_PLAN (field_plan));

  changed = g_set_object (&self->field_plan, field_plan);
  g_clear_pointer (&self->issues, g_hash_table_unref);
  g_clear_pointer (&self->messages, g_hash_table_unref);
  self->issues = issues != NULL ? g_hash_table_ref (issues) : NULL;
  self->messages = messages != NULL ? g_hash_table_ref (messages) : NULL;

  if (field_plan != NULL)
    {
      sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));
      for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
        g_ptr_array_add (items, g_list_model_get_item (sources, i));
    }
  /* Another field plan: its rows come in a chunk per frame while the table is on screen (the
   * workspace flushes it unless it hands a merge over); the same one keeps the rows made. */
  if (changed)
    ccp_reveal_model_restart (self->reveal);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
}

gboolean
ccp_source_table_get_pending (CcpSourceTable *self)
{
  g_return_val_if_fail (CCP_IS_SOURCE_TABLE (self), FALSE);

  /* The rows still to come in (ccp-reveal-model.h) need no more work from the workspace. */
  return FALSE;
}

void
ccp_source_table_flush (CcpSourceTable *self)
{
  g_return_if_fail (CCP_IS_SOURCE_TABLE (self));

  ccp_reveal_model_reveal_all (self->reveal);
}

GtkEditable *
ccp_source_table_get_search_entry (CcpSourceTable *self)
{
  g_return_val_if_fail (CCP_IS_SOURCE_TABLE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GtkColumnView *
ccp_source_table_get_view (CcpSourceTable *self)
{
  g_return_val_if_fail (CCP_IS_SOURCE_TABLE (self), NULL);

  return self->view;
}

guint
ccp_source_table_get_n_rows (CcpSourceTable *self)
{
  g_return_val_if_fail (CCP_IS_SOURCE_TABLE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

CcpSource *
ccp_source_table_get_row (CcpSourceTable *self,
                          guint           position)
{
  CcpSource *source;

  g_return_val_if_fail (CCP_IS_SOURCE_TABLE (self), NULL);

  source = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (source != NULL)
    g_object_unref (source);   /* the store keeps it */
  return source;
}
