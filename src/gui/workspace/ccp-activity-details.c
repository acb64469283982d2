/* ccp-activity-details.c: the groups of rows of the read-only window of an activity
 * (ccp_activity_table_show_activity()): properties, coded terms, a city's contribution. */
#define G_LOG_DOMAIN "ccp-activity-table"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-activity-details.h"
#include "ccp-format.h"

void
ccp_activity_details_add_row (AdwPreferencesGroup *group,
                              const char          *title,
                              const char          *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
}

char *
ccp_activity_details_labels_text (const char         *vocabulary,
                                  const char * const *codes)
{
  g_autoptr(GString) text = g_string_new (NULL);
  CcpVocabulary *vocab = ccp_vocabulary_get_default ();

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *label = ccp_vocabulary_get_short_label (vocab, vocabulary, codes[i]);

      if (i > 0)
        g_string_append (text, "\n");
      g_string_append_printf (text, _("%s. %s"), codes[i], label ? label : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A city's contribution: its place, partners, budget, funding and expected results. */
void
ccp_activity_details_add_contribution (GtkWidget   *page,
                                       const char  *title,
                                       CcpActivity *activity)
{
  AdwPreferencesGroup *group;
  g_autofree char *budget = NULL;
  g_autofree char *funding = NULL;
  g_autoptr(GString) partners = g_string_new (NULL);
  g_autoptr(GString) results = g_string_new (NULL);
  GListModel *list;

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, title);
  ccp_activity_details_add_row (group, _("Place"),
                                ccp_activity_get_online (activity)
                                ? _("Online") : ccp_activity_get_place (activity));
  list = G_LIST_MODEL (ccp_activity_get_partner_cities (activity));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CcpPartner) partner = g_list_model_get_item (list, i);

      g_string_append_printf (partners, "%s%s (%s)", partners->len > 0 ? "\n" : "",
                              ccp_partner_get_name (partner), ccp_partner_get_country (partner));
    }
  list = G_LIST_MODEL (ccp_activity_get_partner_organisations (activity));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CcpPartner) partner = g_list_model_get_item (list, i);

      g_string_append_printf (partners, "%s%s", partners->len > 0 ? "\n" : "",
                              ccp_partner_get_name (partner));
    }
  ccp_activity_details_add_row (group, _("Partners"), partners->str);
  if (*ccp_activity_get_budget_amount (activity) != '\0')
    {
      g_autofree char *amount = ccp_format_amount (ccp_activity_get_budget_amount (activity));

      budget = g_strdup_printf ("%s %s", amount, ccp_activity_get_budget_currency (activity));
    }
  ccp_activity_details_add_row (group, _("Budget"), budget);
  if (ccp_activity_get_funding (activity) != NULL)
    funding = g_strjoinv ("\n", (char **) ccp_activity_get_funding (activity));
  ccp_activity_details_add_row (group, _("Funding"), funding);
  list = G_LIST_MODEL (ccp_activity_get_results (activity));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CcpResult) result = g_list_model_get_item (list, i);

      /* Translators: an expected result and its indicator */
      g_string_append_printf (results, _("%s%s (indicator: %s)"), results->len > 0 ? "\n" : "",
                              ccp_result_get_outcome (result),
                              ccp_result_get_indicator (result));
    }
  ccp_activity_details_add_row (group, _("Expected results"), results->str);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

}
