#define G_LOG_DOMAIN "ccp-merge-report-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-merge-report-view.h"

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
  g_autoptr(CcpReportSummary) summary = NULL;
  guint n_shown = 0;

  g_return_if_fail (CCP_IS_MERGE_REPORT_VIEW (self));
  g_return_if_fail (field_plan == NULL || CCP_IS_FIELD_PLAN (field_plan));

  g_hash_table_remove_all (self->lines);
  summary = ccp_report_summary_new (field_plan, messages, CCP_REPORT_SUMMARY_NAMES);
  for (guint s = 0; s < ccp_report_summary_get_n_sections (summary); s++)
    {
      const CcpReportSection *section = ccp_report_summary_get_section (summary, s);
      GPtrArray *lines;
      GtkWidget *group;
      g_autofree char *title = NULL;

      if (section->title == NULL || ccp_report_section_get_count (section) == 0)
        continue;

      lines = lines_for (self, section->kind);
      for (guint i = 0; i < section->lines->len; i++)
        g_ptr_array_add (lines, g_strdup (g_ptr_array_index (section->lines, i)));
      if (section->names->len > 0)
        {
          g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
          g_auto(GStrv) strv = NULL;

          for (guint i = 0; i < section->names->len; i++)
            g_strv_builder_add (names, g_ptr_array_index (section->names, i));
          strv = g_strv_builder_end (names);
          /* Translators: separates the names of a list of cities */
          g_ptr_array_add (lines, g_strjoinv (_(", "), strv));
        }

      /* Translators: a heading of the merge report and its number of items */
      title = g_strdup_printf (_("%s (%u)"), section->title,
                               ccp_report_section_get_count (section));
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      if (section->description != NULL)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                               section->description);
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
