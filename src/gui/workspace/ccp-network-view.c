#define G_LOG_DOMAIN "ccp-network-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-format.h"
#include "ccp-network-view.h"

struct _CcpNetworkView
{
  AdwBin             parent_instance;

  CcpNetworkCompare *compare;
  GtkListBox        *fields;
  CcpCompareChart   *charts[CCP_COMPARE_N_DIMENSIONS];
};

G_DEFINE_FINAL_TYPE (CcpNetworkView, ccp_network_view, ADW_TYPE_BIN)

gboolean
ccp_network_view_applies_to (CcpFieldPlan *field_plan)
{
  return field_plan != NULL &&
         g_strcmp0 (ccp_field_plan_get_field (field_plan), CCP_FIELD_NETWORK) == 0;
}

static const char *
dimension_title (CcpCompareDimension dimension)
{
  switch (dimension)
    {
    case CCP_COMPARE_OBJECTIVE:
      return _("Share of each field’s activities per objective");
    case CCP_COMPARE_AREA:
      return _("Share of each field’s activities per area of action");
    case CCP_COMPARE_SDG:
      return _("Share of each field’s activities per Sustainable Development Goal");
    case CCP_COMPARE_KIND:
    case CCP_COMPARE_N_DIMENSIONS:
    default:
      return _("Share of each field’s activities per kind");
    }
}

static const char *
field_label (const char *code)
{
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  const char *label = vocabulary ? ccp_vocabulary_get_label (vocabulary, "field", code) : NULL;

  return label ? label : code;
}

static void
add_detail (AdwExpanderRow *expander,
            const char     *title,
            const char     *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_expander_row_add_row (expander, row);
}

static void
fill_fields (CcpNetworkView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields))) != NULL)
    gtk_list_box_remove (self->fields, child);
  if (self->compare == NULL)
    return;

  for (guint i = 0; i < ccp_network_compare_get_n_fields (self->compare); i++)
    {
      const CcpNetworkField *field = ccp_network_compare_get_field (self->compare, i);
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *subtitle = NULL;
      g_autofree char *activities = NULL;
      g_autofree char *scope = NULL;
      g_autofree char *flagships = NULL;
      g_autoptr(GString) budgets = g_string_new (NULL);

      activities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity",
                                                 "%u activities", field->activities),
                                    field->activities);
      /* Translators: a field in the network overview: "12 of 20 cities with a plan, 45
       * activities" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u of %u city with a plan, %s",
                                               "%u of %u cities with a plan, %s",
                                               field->cities_expected),
                                  field->cities_with_plan, field->cities_expected, activities);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), field_label (field->field));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

      /* Translators: counts of a field's activities by scope */
      scope = g_strdup_printf (_("%u international, %u local"), field->international,
                               field->local);
      add_detail (ADW_EXPANDER_ROW (expander), _("Scope"), scope);
      flagships = g_strdup_printf ("%u", field->flagships);
      add_detail (ADW_EXPANDER_ROW (expander), _("Flagship initiatives"), flagships);
      for (guint b = 0; field->budgets != NULL && b < field->budgets->len; b++)
        {
          const CcpNetworkBudget *budget = g_ptr_array_index (field->budgets, b);
          g_autofree char *amount = ccp_format_cents (budget->cents);

          if (budgets->len > 0)
            g_string_append (budgets, "\n");
          /* Translators: a budget total: amount and currency code */
          g_string_append_printf (budgets, _("%s %s"), amount,
                                  *budget->currency ? budget->currency : _("no currency"));
        }
      /* Translators: a field that has no budget in any currency */
      add_detail (ADW_EXPANDER_ROW (expander), _("Budgets per currency"),
                  budgets->len > 0 ? budgets->str : _("None"));
      gtk_list_box_append (self->fields, expander);
    }
}

static void
fill_charts (CcpNetworkView *self)
{
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  guint n_fields = self->compare ? ccp_network_compare_get_n_fields (self->compare) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (names,
                     (gpointer) field_label (ccp_network_compare_get_field (self->compare,
                                                                            i)->field));
  if (n_fields == 0)
    g_ptr_array_add (names, (gpointer) "");

  for (guint d = 0; d < CCP_COMPARE_N_DIMENSIONS; d++)
    {
      GPtrArray *shares = n_fields > 0 ? ccp_network_compare_get_shares (self->compare, d)
                                       : NULL;
      const char *name = ccp_compare_dimension_to_code (d);

      ccp_compare_chart_set_series (self->charts[d], (const char * const *) names->pdata,
                                    names->len, TRUE);
      for (guint i = 0; shares != NULL && i < shares->len; i++)
        {
          const CcpNetworkShare *share = g_ptr_array_index (shares, i);
          const char *label = vocabulary ? ccp_vocabulary_get_short_label (vocabulary, name,
                                                                           share->code)
                                         : NULL;

          ccp_compare_chart_add_row (self->charts[d], label ? label : share->code,
                                     share->shares);
        }
    }
}

static void
ccp_network_view_dispose (GObject *object)
{
  CcpNetworkView *self = CCP_NETWORK_VIEW (object);

  g_clear_object (&self->compare);

  G_OBJECT_CLASS (ccp_network_view_parent_class)->dispose (object);
}

static void
ccp_network_view_class_init (CcpNetworkViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ccp_network_view_dispose;
}

static GtkWidget *
new_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 18);
  return label;
}

static void
ccp_network_view_init (CcpNetworkView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_box_append (GTK_BOX (content), new_heading (_("Creative Fields")));
  self->fields = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->fields, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->fields), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fields), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Creative fields side by side"), -1);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->fields));

  for (guint d = 0; d < CCP_COMPARE_N_DIMENSIONS; d++)
    {
      GtkWidget *heading = new_heading (dimension_title (d));

      self->charts[d] = CCP_COMPARE_CHART (ccp_compare_chart_new (dimension_title (d)));
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->charts[d]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
      gtk_box_append (GTK_BOX (content), heading);
      gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->charts[d]));
    }

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1100);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_bin_set_child (ADW_BIN (self), scrolled);
}

GtkWidget *
ccp_network_view_new (void)
{
  return g_object_new (CCP_TYPE_NETWORK_VIEW, NULL);
}

void
ccp_network_view_set_field_plan (CcpNetworkView *self,
                                 CcpFieldPlan   *field_plan)
{
  g_return_if_fail (CCP_IS_NETWORK_VIEW (self));
  g_return_if_fail (field_plan == NULL || CCP_IS_FIELD_PLAN (field_plan));

  g_clear_object (&self->compare);
  if (field_plan != NULL)
    self->compare = ccp_network_compare_new (field_plan);
  fill_fields (self);
  fill_charts (self);
}

CcpNetworkCompare *
ccp_network_view_get_compare (CcpNetworkView *self)
{
  g_return_val_if_fail (CCP_IS_NETWORK_VIEW (self), NULL);

  return self->compare;
}

CcpCompareChart *
ccp_network_view_get_chart (CcpNetworkView      *self,
                            CcpCompareDimension  dimension)
{
  g_return_val_if_fail (CCP_IS_NETWORK_VIEW (self), NULL);
  g_return_val_if_fail (dimension < CCP_COMPARE_N_DIMENSIONS, NULL);

  return self->charts[dimension];
}

GtkListBox *
ccp_network_view_get_fields (CcpNetworkView *self)
{
  g_return_val_if_fail (CCP_IS_NETWORK_VIEW (self), NULL);

  return self->fields;
}
