#define G_LOG_DOMAIN "ccp-merge-report-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-merge-report-view.h"

typedef struct {
  const char *kind;
  const char *title;
  const char *description;
} Section;

/* In the order of the report (data/schema/merge-report.md). */
static const Section sections[] = {
  { "refused", N_("Refused Files"), N_("These files are not in the field plan.") },
  { "superseded", N_("Replaced by a Newer Revision"),
    N_("Another plan of the same city won; these activities are not in the field plan.") },
  { "flagged", N_("Accepted with Errors"),
    N_("These plans are in the field plan, but they have validation errors to correct.") },
  { "joint", N_("Joint Activities"),
    N_("Copies sent by several cities became one activity, listing all of them.") },
  { "joint-difference", N_("Differences Between Copies of Joint Activities"), NULL },
  { "possible-duplicate", N_("Possible Duplicates"),
    N_("Not merged: if they are one activity, the cities should give them the same joint "
       "reference.") },
  { "missing", N_("Member Cities Without a Plan"), NULL },
};

struct _CcpMergeReportView
{
  AdwBin      parent_instance;

  GHashTable *lines;   /* kind -> GPtrArray of sentences */
};

G_DEFINE_FINAL_TYPE (CcpMergeReportView, ccp_merge_report_view, ADW_TYPE_BIN)

static GPtrArray *
lines_for (CcpMergeReportView *self,
           const char         *kind)
{
  GPtrArray *lines = g_hash_table_lookup (self->lines, kind);

  if (lines == NULL)
    {
      lines = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->lines, g_strdup (kind), lines);
    }
  return lines;
}

static GtkWidget *
sentence_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

void
ccp_merge_report_view_set_field_plan (CcpMergeReportView *self,
                                      CcpFieldPlan       *field_plan,
                                      GHashTable         *messages)
{
  GtkWidget *page = adw_preferences_page_new ();
  g_autoptr(GPtrArray) missing_names = g_ptr_array_new_with_free_func (g_free);
  GListModel *report;
  guint n_shown = 0;

  g_return_if_fail (CCP_IS_MERGE_REPORT_VIEW (self));
  g_return_if_fail (field_plan == NULL || CCP_IS_FIELD_PLAN (field_plan));

  g_hash_table_remove_all (self->lines);
  report = field_plan != NULL ? G_LIST_MODEL (ccp_field_plan_get_report (field_plan)) : NULL;
  for (guint i = 0; report != NULL && i < g_list_model_get_n_items (report); i++)
    {
      g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);
      const char *kind = ccp_report_item_get_kind (item);
      const char *sha256 = ccp_report_item_get_value (item, "sha256");
      const char *message = sha256 != NULL && messages != NULL
                            ? g_hash_table_lookup (messages, sha256) : NULL;
      char *text;

      if (g_str_equal (kind, "missing") &&
          g_strcmp0 (ccp_report_item_get_code (item), "no-plan") == 0)
        {
          /* Dozens of cities: a list of names reads better than sentences. */
          g_ptr_array_add (missing_names, ccp_merge_describe_city (item));
          continue;
        }

      if (message != NULL && g_str_equal (kind, "refused"))
        /* Translators: a refused file and the reader's message saying why */
        text = g_strdup_printf (_("%s: %s"), ccp_report_item_get_file (item), message);
      else
        {
          text = ccp_merge_describe_item (item);
          if (text == NULL)
            text = ccp_report_item_describe (item);
        }
      g_ptr_array_add (lines_for (self, kind), text);
    }
  if (missing_names->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (missing_names, NULL);
      /* Translators: separates the names of a list of cities */
      joined = g_strjoinv (_(", "), (char **) missing_names->pdata);
      g_ptr_array_add (lines_for (self, "missing"), g_steal_pointer (&joined));
      g_ptr_array_set_size (missing_names, missing_names->len - 1);
    }

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      GPtrArray *lines = g_hash_table_lookup (self->lines, sections[s].kind);
      GtkWidget *group;
      g_autofree char *title = NULL;
      guint count;

      if (lines == NULL || lines->len == 0)
        continue;
      count = g_str_equal (sections[s].kind, "missing")
              ? lines->len - (missing_names->len > 0 ? 1 : 0) + missing_names->len
              : lines->len;
      /* Translators: a heading of the merge report and its number of items */
      title = g_strdup_printf (_("%s (%u)"), _(sections[s].title), count);
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      if (sections[s].description != NULL)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                               _(sections[s].description));
      for (guint i = 0; i < lines->len; i++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   sentence_row (g_ptr_array_index (lines, i)));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
      n_shown++;
    }

  if (n_shown == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "emblem-ok-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Nothing to Report"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       field_plan != NULL
                                       ? _("Every file was accepted and every member city sent "
                                           "a plan.")
                                       : _("Add city plans to see what the merge did."));
      adw_bin_set_child (ADW_BIN (self), status);
      return;
    }

  adw_bin_set_child (ADW_BIN (self), page);
}

GPtrArray *
ccp_merge_report_view_get_lines (CcpMergeReportView *self,
                                 const char         *kind)
{
  g_return_val_if_fail (CCP_IS_MERGE_REPORT_VIEW (self), NULL);

  return lines_for (self, kind);
}

static void
ccp_merge_report_view_finalize (GObject *object)
{
  CcpMergeReportView *self = CCP_MERGE_REPORT_VIEW (object);

  g_hash_table_unref (self->lines);

  G_OBJECT_CLASS (ccp_merge_report_view_parent_class)->finalize (object);
}

static void
ccp_merge_report_view_class_init (CcpMergeReportViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ccp_merge_report_view_finalize;
}

static void
ccp_merge_report_view_init (CcpMergeReportView *self)
{
  self->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  ccp_merge_report_view_set_field_plan (self, NULL, NULL);
}

GtkWidget *
ccp_merge_report_view_new (void)
{
  return g_object_new (CCP_TYPE_MERGE_REPORT_VIEW, NULL);
}
