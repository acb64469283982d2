/* ccp-merge-absorb.c: unpacking a field plan (the one merged into, or an input) back into
 * records: its sources, and the activities of each accepted source rebuilt from the shared
 * fields of the activity, the city's contribution (its per-city fields) and, where the cities
 * disagreed on a shared field, the city's own value in the joint-conflict item. (A format 1.0
 * field plan has been upgraded to this form by the reader.) */
#define G_LOG_DOMAIN "ccp-merge"

#include "config.h"

#include "ccp-activity.h"
#include "ccp-activity-field.h"
#include "ccp-attribution.h"
#include "ccp-field-plan.h"
#include "ccp-merge-private.h"
#include "ccp-report-item.h"
#include "ccp-source.h"

static char *
attribution_key (const char *city,
                 const char *country,
                 const char *plan_id)
{
  return g_strdup_printf ("%s\n%s\n%s", city, country, plan_id);
}

static char *
conflict_key (const char *joint_ref,
                const char *city,
                const char *country,
                const char *activity_id)
{
  return g_strdup_printf ("%s\n%s\n%s\n%s", joint_ref, city, country, activity_id);
}

/* Unpacks a field plan (the one merged into, or an input) into records. */
void
_ccp_merge_absorb_field_plan (CcpMerge     *self,
                   CcpFieldPlan *field_plan)
{
  GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));
  GListModel *report = G_LIST_MODEL (ccp_field_plan_get_report (field_plan));
  g_autoptr(GHashTable) items_by_sha = NULL;
  g_autoptr(GHashTable) differences = NULL;
  g_autoptr(GHashTable) accepted = NULL;
  guint n;

  if (_ccp_merge_cancelled (self, "absorb"))
    return;
  g_ptr_array_add (self->absorbed, g_object_ref (field_plan));

  items_by_sha = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  differences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  accepted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  n = g_list_model_get_n_items (report);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);
      const char *kind = ccp_report_item_get_kind (item);
      const char *sha = ccp_report_item_get_value (item, "sha256");

      if ((g_str_equal (kind, "refused") || g_str_equal (kind, "superseded")) && sha != NULL)
        {
          g_hash_table_insert (items_by_sha, g_strdup (sha), g_object_ref (item));
        }
      else if (g_str_equal (kind, "joint-conflict"))
        {
          /* Each city's value, by copy: (field, value) pairs. */
          for (guint c = 0; c < ccp_report_item_get_n_copies (item); c++)
            {
              const char * const *copy = ccp_report_item_get_copy (item, c);
              char *key = conflict_key (ccp_report_item_get_joint_ref (item),
                                        copy[0], copy[1], copy[2]);
              GPtrArray *list = g_hash_table_lookup (differences, key);

              if (list == NULL)
                {
                  list = g_ptr_array_new_with_free_func (g_free);
                  g_hash_table_insert (differences, key, list);
                }
              else
                g_free (key);
              g_ptr_array_add (list, g_strdup (ccp_report_item_get_code (item)));
              g_ptr_array_add (list, g_strdup (copy[3]));
            }
        }
    }

  n = g_list_model_get_n_items (sources);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);
      Record *record = g_new0 (Record, 1);
      CcpReportItem *item;
      gboolean duplicate;

      record->source = ccp_source_copy (source);
      record->modified_usec = _ccp_merge_parse_time_usec (ccp_source_get_modified (source));
      item = g_hash_table_lookup (items_by_sha, ccp_source_get_sha256 (source));

      switch (ccp_source_get_status (source))
        {
        case CCP_SOURCE_STATUS_ACCEPTED:
          record->activities = g_ptr_array_new_with_free_func (g_object_unref);
          record->mission_statement = g_strdup (ccp_field_plan_get_mission_statement (field_plan));
          break;
        case CCP_SOURCE_STATUS_REFUSED:
          record->refusal = item != NULL ? ccp_report_item_copy (item) : NULL;
          if (record->refusal == NULL)
            {
              record->refusal = ccp_report_item_new ("refused");
              ccp_report_item_set_code (record->refusal, ccp_source_get_reason (source));
              ccp_report_item_add_value (record->refusal, "sha256",
                                         ccp_source_get_sha256 (source));
            }
          break;
        case CCP_SOURCE_STATUS_SUPERSEDED:
        default:
          if (item != NULL && ccp_report_item_get_value (item, "activities") != NULL)
            record->n_activities = (guint) g_ascii_strtoull (
              ccp_report_item_get_value (item, "activities"), NULL, 10);
          break;
        }

      record = _ccp_merge_add_record (self, record, &duplicate);
      if (!duplicate && record->activities != NULL)
        {
          g_hash_table_insert (accepted,
                               attribution_key (ccp_source_get_city (source),
                                                ccp_source_get_country (source),
                                                ccp_source_get_plan_id (source)),
                               record);
        }
    }

  /* The activities of each accepted source, rebuilt from the attributions. */
  n = g_list_model_get_n_items (activities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
      guint n_attributions = g_list_model_get_n_items (attributions);

      /* A network overview holds tens of thousands of activities. */
      if (i % 64 == 63 && _ccp_merge_cancelled (self, "absorb-activities"))
        return;
      for (guint j = 0; j < n_attributions; j++)
        {
          g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);
          g_autofree char *key = attribution_key (ccp_attribution_get_city (attribution),
                                                  ccp_attribution_get_country (attribution),
                                                  ccp_attribution_get_plan_id (attribution));
          Record *record = g_hash_table_lookup (accepted, key);
          CcpActivity *copy;

          if (record == NULL)
            {
              g_debug ("Activity %s is attributed to a plan that is not an accepted source",
                       ccp_activity_get_id (activity));
              continue;
            }

          copy = ccp_activity_copy (activity);
          ccp_item_list_remove_all (ccp_activity_get_attributions (copy));
          ccp_activity_set_id (copy, ccp_attribution_get_activity_id (attribution));
          ccp_activity_copy_per_city (ccp_attribution_get_values (attribution), copy);

          if (!str_empty (ccp_activity_get_joint_ref (activity)))
            {
              g_autofree char *ckey =
                conflict_key (ccp_activity_get_joint_ref (activity),
                              ccp_attribution_get_city (attribution),
                              ccp_attribution_get_country (attribution),
                              ccp_attribution_get_activity_id (attribution));
              GPtrArray *list = g_hash_table_lookup (differences, ckey);

              for (guint k = 0; list != NULL && k + 1 < list->len; k += 2)
                {
                  const char *code = g_ptr_array_index (list, k);
                  const CcpActivityField *field = ccp_activity_field_find (code);

                  /* Only shared fields conflict; anything else is not this file's. */
                  if (field == NULL || field->share != CCP_FIELD_SHARE_SHARED ||
                      !ccp_activity_field_from_string (field, copy,
                                                       g_ptr_array_index (list, k + 1)))
                    g_debug ("Cannot restore %s of a joint activity copy", code);
                }
            }

          g_ptr_array_add (record->activities, copy);
        }
    }

  /* Now that the activities are known, count them. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, accepted);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        Record *record = value;

        record->n_activities = record->activities->len;
      }
  }
}
