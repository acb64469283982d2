/* ccp-activity-filter-choices.c: see ccp-activity-filter-choices.h. */
#define G_LOG_DOMAIN "ccp-activity-table"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-activity-filter-choices.h"
#include "ccp-format.h"
#include "ccp-staged-store.h"

static const char *filter_vocabularies[CCP_ACTIVITY_N_FILTERS] = {
  NULL, "objective", "area", "sdg", "kind", NULL
};

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

const char *
ccp_activity_filter_choices_selected (GtkDropDown *drop_down,
                                      GPtrArray   *codes)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected >= codes->len)
    return NULL;
  return g_ptr_array_index (codes, selected);
}

/* Fills a drop-down: "any" first, then the codes with their labels. Keeps the choice when the
 * code is still offered. */
static void
fill_drop_down (GtkDropDown *drop_down,
                GPtrArray   *offered,
                const char  *any_label,
                GPtrArray   *codes,
                GPtrArray   *labels)
{
  g_autofree char *previous = g_strdup (ccp_activity_filter_choices_selected (drop_down,
                                                                              offered));
  g_autoptr(GListStore) model = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint select = 0;

  g_ptr_array_set_size (offered, 0);
  g_ptr_array_add (offered, g_strdup (""));
  g_ptr_array_add (items, gtk_string_object_new (any_label));
  for (guint i = 0; i < codes->len; i++)
    {
      g_ptr_array_add (offered, g_strdup (g_ptr_array_index (codes, i)));
      g_ptr_array_add (items, gtk_string_object_new (g_ptr_array_index (labels, i)));
      if (previous != NULL && g_str_equal (previous, g_ptr_array_index (codes, i)))
        select = i + 1;
    }
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (model));
  /* The popup's list makes a row per item (hundreds of cities): a chunk per main-loop turn,
   * unless the choice kept is further on. */
  ccp_staged_store_splice (model, items);
  if (select >= g_list_model_get_n_items (G_LIST_MODEL (model)))
    ccp_staged_store_flush (model);
  gtk_drop_down_set_selected (drop_down, select);
}

/* Without the names of the cities, they are listed from every activity (as the overview
 * lists them). */
void
ccp_activity_filter_choices_fill (GtkDropDown  **drop_downs,
                                  GPtrArray    **offered,
                                  CcpFieldPlan  *field_plan,
                                  GListModel    *activities,
                                  GPtrArray     *cities)
{
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  static const char *any_labels[CCP_ACTIVITY_N_FILTERS] = {
    N_("All cities"), N_("All objectives"), N_("All areas of action"), N_("All SDGs"),
    N_("All kinds"), N_("All months")
  };
  guint year, half;

  for (guint f = 0; f < CCP_ACTIVITY_N_FILTERS; f++)
    {
      g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

      if (filter_vocabularies[f] != NULL)
        {
          const char * const *list = ccp_vocabulary_get_codes (vocabulary, filter_vocabularies[f]);

          for (guint i = 0; list != NULL && list[i] != NULL; i++)
            {
              const char *label = ccp_vocabulary_get_short_label (vocabulary,
                                                                  filter_vocabularies[f],
                                                                  list[i]);

              g_ptr_array_add (codes, g_strdup (list[i]));
              if (f == CCP_ACTIVITY_FILTER_KIND)
                g_ptr_array_add (labels, g_strdup (label));
              else
                g_ptr_array_add (labels, g_strdup_printf (_("%s. %s"), list[i], label));
            }
        }
      else if (f == CCP_ACTIVITY_FILTER_CITY && field_plan != NULL && cities != NULL)
        {
          for (guint i = 0; i < cities->len; i++)
            {
              g_ptr_array_add (codes, g_strdup (g_ptr_array_index (cities, i)));
              g_ptr_array_add (labels, g_strdup (g_ptr_array_index (cities, i)));
            }
        }
      else if (f == CCP_ACTIVITY_FILTER_CITY && field_plan != NULL &&
               activities != NULL)
        {
          g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);

          for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
            {
              g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
              GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));

              for (guint j = 0; j < g_list_model_get_n_items (attributions); j++)
                {
                  g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);
                  const char *city = ccp_attribution_get_city (attribution);

                  if (g_hash_table_add (seen, g_strdup (city)))
                    g_ptr_array_add (codes, g_strdup (city));
                }
            }
          g_ptr_array_sort (codes, compare_names);
          for (guint i = 0; i < codes->len; i++)
            g_ptr_array_add (labels, g_strdup (g_ptr_array_index (codes, i)));
        }
      else if (f == CCP_ACTIVITY_FILTER_MONTH && field_plan != NULL &&
               ccp_period_parse (ccp_field_plan_get_period (field_plan), &year, &half))
        {
          for (guint m = 0; m < 6; m++)
            {
              guint month = (half - 1) * 6 + m + 1;
              char *code = g_strdup_printf ("%04u-%02u", year, month);

              g_ptr_array_add (codes, code);
              /* Month names of our catalogue, as in the report: LC_TIME may not match. */
              g_ptr_array_add (labels, ccp_format_month (code));
            }
        }

      fill_drop_down (drop_downs[f], offered[f], _(any_labels[f]), codes, labels);
    }
}
