/* ccp-reader-upgrade.c: the contributions of a field plan's activities once it is read.
 *
 * Format 1.1 keeps each city's per-city fields in its <city>; the activity's own per-city
 * fields mirror the first city's, so that what reads an activity alone shows something
 * sensible. Format 1.0 kept one copy (the reference: the first city's) in the activity and
 * the other cities' differing values in "joint-difference" report items, lists as JSON: the
 * upgrade rebuilds each city's contribution from them, turns the differences in shared fields
 * into "joint-conflict" items with every city's value, and reports what it cannot read as a
 * reader issue (never drops it silently). No JSON is left in memory, so none is written.
 */
#define G_LOG_DOMAIN "ccp-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-activity-field.h"
#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-field-plan.h"
#include "ccp-legacy-value.h"
#include "ccp-reader-private.h"
#include "ccp-report-item.h"

static guint
n_item_fields (const CcpActivityField *field)
{
  guint n = 0;

  while (field->items != NULL && field->items[n].name != NULL)
    n++;
  return n;
}

/* Sets a field from a 1.0 report value: single values as the file has them, lists as JSON. */
static gboolean
decode_value (const CcpActivityField *field,
              CcpActivity            *activity,
              const char             *value)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (field->get_list == NULL && field->type != CCP_FIELD_TYPE_TEXTS)
    return ccp_activity_field_from_string (field, activity, value);

  rows = ccp_legacy_value_decode_rows (value, n_item_fields (field));
  if (rows == NULL)
    return FALSE;
  ccp_activity_field_set_rows (field, activity, rows);
  return TRUE;
}

/* The index-th <item> of <report>, for the location of an issue. */
static xmlNode *
find_report_node (xmlNode *root,
                  guint    index)
{
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      guint n = 0;

      if (!_ccp_reader_has_name (child, "report"))
        continue;
      for (xmlNode *item = child->children; item != NULL; item = item->next)
        if (_ccp_reader_has_name (item, "item") && n++ == index)
          return item;
      return child;
    }
  return root;
}

static char *
copy_key (const char *joint_ref,
          const char *city,
          const char *country,
          const char *activity_id)
{
  return g_strdup_printf ("%s\n%s\n%s\n%s", joint_ref, city, country, activity_id);
}

static void
report_unreadable (CcpReader     *r,
                   xmlNode       *root,
                   guint          index,
                   CcpReportItem *item,
                   const char    *why)
{
  g_autofree char *path = _ccp_reader_path_index (NULL, "report", index);

  _ccp_reader_add_issue (r, find_report_node (root, index), "format-report-value", path,
                         /* Translators: the first %s is a field name such as "funding", the
                          * second a city, the third the reason */
                         _("The value of “%s” for %s in the merge report of this format 1.0 "
                           "field plan cannot be read (%s); it is left out of the upgraded "
                           "plan"),
                         ccp_report_item_get_code (item), ccp_report_item_get_city (item), why);
}

/* The conflicts of one activity's shared field, with every city's value. */
static CcpReportItem *
new_conflict (CcpActivity            *activity,
              const CcpActivityField *field,
              GHashTable             *values)
{
  GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
  g_autoptr(CcpAttribution) first = g_list_model_get_item (attributions, 0);
  g_autofree char *kept = ccp_activity_field_to_string (field, activity);
  CcpReportItem *item = ccp_report_item_new ("joint-conflict");

  ccp_report_item_set_code (item, field->name);
  ccp_report_item_set_city (item, ccp_attribution_get_city (first));
  ccp_report_item_set_country (item, ccp_attribution_get_country (first));
  ccp_report_item_set_activity (item, ccp_attribution_get_activity_id (first));
  ccp_report_item_set_joint_ref (item, ccp_activity_get_joint_ref (activity));
  ccp_report_item_add_value (item, "field-activity", ccp_activity_get_id (activity));
  for (guint i = 0; i < g_list_model_get_n_items (attributions); i++)
    {
      g_autoptr(CcpAttribution) a = g_list_model_get_item (attributions, i);
      g_autofree char *key = copy_key (field->name, ccp_attribution_get_city (a),
                                       ccp_attribution_get_country (a),
                                       ccp_attribution_get_activity_id (a));
      const char *value = g_hash_table_lookup (values, key);

      ccp_report_item_add_copy (item, ccp_attribution_get_city (a),
                                ccp_attribution_get_country (a),
                                ccp_attribution_get_activity_id (a),
                                value != NULL ? value : kept);
    }
  return item;
}

static void
upgrade_1_0 (CcpReader    *r,
             xmlNode      *root,
             CcpFieldPlan *field_plan)
{
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));
  CcpItemList *report = ccp_field_plan_get_report (field_plan);
  g_autoptr(GHashTable) copies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  /* activity -> (field name + copy key -> value) of its shared fields that differ */
  g_autoptr(GHashTable) shared = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) g_hash_table_unref);
  guint n_report = g_list_model_get_n_items (G_LIST_MODEL (report));

  /* Every city's contribution starts as the activity's copy (the reference's). */
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));

      for (guint j = 0; j < g_list_model_get_n_items (attributions); j++)
        {
          g_autoptr(CcpAttribution) a = g_list_model_get_item (attributions, j);

          ccp_attribution_set_values (a, activity);
          g_hash_table_insert (copies,
                               copy_key (ccp_activity_get_joint_ref (activity),
                                         ccp_attribution_get_city (a),
                                         ccp_attribution_get_country (a),
                                         ccp_attribution_get_activity_id (a)),
                               ccp_attribution_get_values (a));
          g_hash_table_insert (owners,
                               copy_key (ccp_activity_get_joint_ref (activity),
                                         ccp_attribution_get_city (a),
                                         ccp_attribution_get_country (a),
                                         ccp_attribution_get_activity_id (a)),
                               activity);
        }
    }

  for (guint i = 0; i < n_report; i++)
    {
      g_autoptr(CcpReportItem) item = g_list_model_get_item (G_LIST_MODEL (report), i);
      const CcpActivityField *field;
      g_autofree char *key = NULL;
      const char *value;
      CcpActivity *values;
      CcpActivity *activity;

      if (!g_str_equal (ccp_report_item_get_kind (item), "joint-difference"))
        {
          g_ptr_array_add (kept, g_object_ref (item));
          continue;
        }

      field = ccp_activity_field_find (ccp_report_item_get_code (item));
      value = ccp_report_item_get_value (item, "value");
      key = copy_key (ccp_report_item_get_joint_ref (item), ccp_report_item_get_city (item),
                      ccp_report_item_get_country (item), ccp_report_item_get_activity (item));
      values = g_hash_table_lookup (copies, key);
      activity = g_hash_table_lookup (owners, key);

      if (field == NULL || field->share == CCP_FIELD_SHARE_NONE)
        report_unreadable (r, root, i, item, _("not a field of an activity"));
      else if (value == NULL)
        report_unreadable (r, root, i, item, _("no value"));
      else if (values == NULL)
        report_unreadable (r, root, i, item, _("no such city in the activity"));
      else if (field->share == CCP_FIELD_SHARE_PER_CITY)
        {
          if (!ccp_legacy_value_within_bounds (value))
            report_unreadable (r, root, i, item, _("it is too long or nested too deeply"));
          else if (!decode_value (field, values, value))
            report_unreadable (r, root, i, item, _("not a value of the field"));
        }
      else
        {
          g_autoptr(CcpActivity) probe = ccp_activity_new ("");
          GHashTable *differing = g_hash_table_lookup (shared, activity);
          g_autofree char *field_key =
            copy_key (field->name, ccp_report_item_get_city (item),
                      ccp_report_item_get_country (item), ccp_report_item_get_activity (item));

          if (!ccp_activity_field_from_string (field, probe, value))
            {
              report_unreadable (r, root, i, item, _("not a value of the field"));
              continue;
            }
          if (differing == NULL)
            {
              differing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
              g_hash_table_insert (shared, activity, differing);
            }
          g_hash_table_insert (differing, g_steal_pointer (&field_key),
                               ccp_activity_field_to_string (field, probe));
        }
    }

  /* The conflicts, in activity then field order. */
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GHashTable *differing = g_hash_table_lookup (shared, activity);
      guint n_fields;
      const CcpActivityField *fields = ccp_activity_fields (&n_fields);

      if (differing == NULL)
        continue;
      for (guint f = 0; f < n_fields; f++)
        {
          GHashTableIter iter;
          gpointer key;
          g_autofree char *prefix = g_strconcat (fields[f].name, "\n", NULL);
          gboolean found = FALSE;

          if (fields[f].share != CCP_FIELD_SHARE_SHARED)
            continue;
          g_hash_table_iter_init (&iter, differing);
          while (!found && g_hash_table_iter_next (&iter, &key, NULL))
            found = g_str_has_prefix (key, prefix);
          if (found)
            g_ptr_array_add (conflicts, new_conflict (activity, &fields[f], differing));
        }
    }

  ccp_item_list_remove_all (report);
  ccp_item_list_splice (report, 0, 0, kept->pdata, kept->len);
  ccp_item_list_splice (report, kept->len, 0, conflicts->pdata, conflicts->len);
}

void
_ccp_reader_finish_field_plan (CcpReader    *r,
                               xmlNode      *root,
                               CcpFieldPlan *field_plan,
                               guint         minor)
{
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));

  if (minor == 0)
    {
      upgrade_1_0 (r, root, field_plan);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
      g_autoptr(CcpAttribution) first = NULL;

      if (g_list_model_get_n_items (attributions) == 0)
        continue;
      first = g_list_model_get_item (attributions, 0);
      ccp_activity_copy_per_city (ccp_attribution_get_values (first), activity);
    }
}
