#define G_LOG_DOMAIN "ccp-validation-panel"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-markup.h"
#include "ccp-severity-style.h"
#include "ccp-validation-panel.h"

/* Beyond this, rows would only slow typing down; the counts stay exact. */
#define MAX_ROWS 400

struct _CcpValidationPanel
{
  AdwBin      parent_instance;

  GtkStack   *stack;
  GtkListBox *list_box;
  GtkLabel   *more_label;
  guint       n_rows;
};

G_DEFINE_FINAL_TYPE (CcpValidationPanel, ccp_validation_panel, ADW_TYPE_BIN)

enum {
  ISSUE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const city_properties[] = {
  "id", "revision", "modified", "status", "city", "country", "field", "period",
  "mission-statement", NULL
};

char *
ccp_validation_panel_section_for (CcpPlan    *plan,
                                  const char *path)
{
  if (g_str_has_prefix (path, "activities/"))
    {
      guint64 index = g_ascii_strtoull (path + strlen ("activities/"), NULL, 10);
      g_autoptr(CcpActivity) activity = NULL;
      const char *title = "";

      if (plan != NULL)
        activity = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)),
                                          (guint) index);
      if (activity != NULL)
        title = ccp_activity_get_title (activity);
      if (*title)
        {
          g_autofree char *isolated = ccp_bidi_isolate (title);

          /* Translators: a section of the list of problems: activity number and title */
          return g_strdup_printf (_("Activity %u: %s"), (guint) index + 1, isolated);
        }
      /* Translators: a section of the list of problems, for an activity without a title */
      return g_strdup_printf (_("Activity %u"), (guint) index + 1);
    }

  if (g_str_has_prefix (path, "focal-point") || g_str_has_prefix (path, "representative"))
    return g_strdup (_("Contacts"));

  for (guint i = 0; city_properties[i] != NULL; i++)
    if (g_str_has_prefix (path, city_properties[i]))
      return g_strdup (_("City and Period"));

  if (g_str_equal (path, "activities"))
    return g_strdup (_("Activities"));

  /* Translators: a section of the list of problems: the file as a whole */
  return g_strdup (_("Whole Plan"));
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const char *section = g_object_get_data (G_OBJECT (row), "section");
  const char *previous = before ? g_object_get_data (G_OBJECT (before), "section") : NULL;
  GtkWidget *header;

  if (section == NULL || g_strcmp0 (section, previous) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (section);
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "validation-section");
  gtk_list_box_row_set_header (row, header);
}

static void
row_activated_cb (GtkListBox         *list_box,
                  GtkListBoxRow      *row,
                  CcpValidationPanel *self)
{
  CcpIssue *issue = g_object_get_data (G_OBJECT (row), "issue");

  if (issue != NULL)
    g_signal_emit (self, signals[ISSUE_ACTIVATED], 0, issue);
}

static void
ccp_validation_panel_class_init (CcpValidationPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[ISSUE_ACTIVATED] = g_signal_new ("issue-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, CCP_TYPE_ISSUE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/creativecities/Plans/ccp-validation-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CcpValidationPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, CcpValidationPanel, list_box);
  gtk_widget_class_bind_template_child (widget_class, CcpValidationPanel, more_label);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
ccp_validation_panel_init (CcpValidationPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list_box, header_func, NULL, NULL);
}

GtkWidget *
ccp_validation_panel_new (void)
{
  return g_object_new (CCP_TYPE_VALIDATION_PANEL, NULL);
}

static GtkWidget *
create_row (CcpIssue   *issue,
            const char *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon;
  GtkWidget *label;
  CcpSeverity severity = ccp_issue_get_severity (issue);
  g_autofree char *accessible = NULL;

  icon = gtk_image_new_from_icon_name (ccp_severity_get_icon_name (severity));
  gtk_widget_add_css_class (icon, ccp_severity_get_css_class (severity));
  gtk_widget_set_valign (icon, GTK_ALIGN_START);

  label = gtk_label_new (ccp_issue_get_message (issue));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: what a screen reader says for a problem: severity, section, message */
  accessible = g_strdup_printf (_("%s in %s: %s"), ccp_severity_get_label (severity),
                                section, ccp_issue_get_message (issue));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  g_object_set_data_full (G_OBJECT (row), "issue", g_object_ref (issue), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "section", g_strdup (section), g_free);

  return row;
}

void
ccp_validation_panel_set_issues (CcpValidationPanel *self,
                                 CcpPlan            *plan,
                                 GPtrArray          *issues)
{
  GtkWidget *child;
  guint n = issues ? issues->len : 0;
  guint shown = MIN (n, MAX_ROWS);

  g_return_if_fail (CCP_IS_VALIDATION_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; i < shown; i++)
    {
      CcpIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *section = ccp_validation_panel_section_for (plan,
                                                                   ccp_issue_get_path (issue));

      gtk_list_box_append (self->list_box, create_row (issue, section));
    }
  self->n_rows = shown;

  if (n > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more problem",
                                                            "And %u more problems",
                                                            n - shown), n - shown);
      gtk_label_set_text (self->more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), n > shown);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

guint
ccp_validation_panel_get_n_rows (CcpValidationPanel *self)
{
  g_return_val_if_fail (CCP_IS_VALIDATION_PANEL (self), 0);

  return self->n_rows;
}

void
ccp_validation_panel_activate_row (CcpValidationPanel *self,
                                   guint               index)
{
  GtkListBoxRow *row;

  g_return_if_fail (CCP_IS_VALIDATION_PANEL (self));

  row = gtk_list_box_get_row_at_index (self->list_box, index);
  if (row != NULL)
    g_signal_emit_by_name (self->list_box, "row-activated", row);
}

CcpIssue *
ccp_validation_panel_get_issue (CcpValidationPanel *self,
                                guint               index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CCP_IS_VALIDATION_PANEL (self), NULL);

  row = gtk_list_box_get_row_at_index (self->list_box, index);
  return row ? g_object_get_data (G_OBJECT (row), "issue") : NULL;
}
