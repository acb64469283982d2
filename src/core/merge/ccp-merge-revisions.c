/* ccp-merge-revisions.c: which plan of each city is accepted; the others are superseded. */
#define G_LOG_DOMAIN "ccp-merge"

#include "config.h"

#include <string.h>

#include "ccp-merge-private.h"
#include "ccp-report-item.h"
#include "ccp-source.h"

static int
compare_records_newest_first (gconstpointer a,
                              gconstpointer b)
{
  const Record *x = *(Record * const *) a;
  const Record *y = *(Record * const *) b;
  guint rx = ccp_source_get_revision (x->source);
  guint ry = ccp_source_get_revision (y->source);
  int c;

  if (rx != ry)
    return rx > ry ? -1 : 1;
  if (x->modified_usec != y->modified_usec)
    return x->modified_usec > y->modified_usec ? -1 : 1;
  c = strcmp (ccp_source_get_modified (y->source), ccp_source_get_modified (x->source));
  if (c != 0)
    return c;
  return strcmp (ccp_source_get_sha256 (y->source), ccp_source_get_sha256 (x->source));
}

static CcpReportItem *
new_superseded_item (Record *loser,
                     Record *winner)
{
  CcpReportItem *item = ccp_report_item_new ("superseded");
  g_autofree char *revision = uint_to_string (ccp_source_get_revision (loser->source));
  g_autofree char *count = uint_to_string (loser->n_activities);

  ccp_report_item_set_code (item, ccp_source_get_reason (loser->source));
  ccp_report_item_set_file (item, ccp_source_get_file (loser->source));
  ccp_report_item_set_city (item, ccp_source_get_city (loser->source));
  ccp_report_item_set_country (item, ccp_source_get_country (loser->source));
  ccp_report_item_add_value (item, "sha256", ccp_source_get_sha256 (loser->source));
  ccp_report_item_add_value (item, "revision", revision);
  ccp_report_item_add_value (item, "modified", ccp_source_get_modified (loser->source));
  ccp_report_item_add_value (item, "activities", count);

  if (winner != NULL)
    {
      g_autofree char *by_revision = uint_to_string (ccp_source_get_revision (winner->source));

      ccp_report_item_add_value (item, "by-file", ccp_source_get_file (winner->source));
      ccp_report_item_add_value (item, "by-sha256", ccp_source_get_sha256 (winner->source));
      ccp_report_item_add_value (item, "by-revision", by_revision);
      ccp_report_item_add_value (item, "by-modified", ccp_source_get_modified (winner->source));
    }

  return item;
}

/* Decides, for every city, which plan is accepted; the others are superseded. */
void
_ccp_merge_resolve_revisions (CcpMerge  *self,
                   GPtrArray *records,
                   GPtrArray *report)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);
      GPtrArray *group;

      record->accepted = FALSE;
      if (record->activities == NULL &&
          ccp_source_get_status (record->source) != CCP_SOURCE_STATUS_SUPERSEDED)
        continue;

      g_free (record->identity);
      record->identity = _ccp_merge_city_identity (self, ccp_source_get_city (record->source),
                                        ccp_source_get_country (record->source),
                                        ccp_source_get_field (record->source));
      group = g_hash_table_lookup (groups, record->identity);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, record->identity, group);
          g_ptr_array_add (keys, record->identity);
        }
      g_ptr_array_add (group, record);
    }

  for (guint i = 0; i < keys->len; i++)
    {
      GPtrArray *group = g_hash_table_lookup (groups, g_ptr_array_index (keys, i));
      Record *winner = NULL;

      g_ptr_array_sort (group, compare_records_newest_first);
      for (guint j = 0; j < group->len && winner == NULL; j++)
        {
          Record *record = g_ptr_array_index (group, j);

          if (record->activities != NULL)
            winner = record;
        }

      for (guint j = 0; j < group->len; j++)
        {
          Record *record = g_ptr_array_index (group, j);

          if (record == winner)
            {
              record->accepted = TRUE;
              ccp_source_set_status (record->source, CCP_SOURCE_STATUS_ACCEPTED);
              ccp_source_set_reason (record->source, "");
              continue;
            }

          if (winner != NULL)
            {
              const char *reason;

              if (ccp_source_get_revision (record->source) <
                  ccp_source_get_revision (winner->source))
                reason = "older-revision";
              else if (record->modified_usec < winner->modified_usec ||
                       strcmp (ccp_source_get_modified (record->source),
                               ccp_source_get_modified (winner->source)) != 0)
                reason = "older-modified";
              else
                reason = "same-revision";
              ccp_source_set_reason (record->source, reason);
            }
          ccp_source_set_status (record->source, CCP_SOURCE_STATUS_SUPERSEDED);
          /* The cycle: its review state and comments pass to the newer revision. */
          if (winner != NULL)
            ccp_source_supersede (record->source, winner->source);
          g_ptr_array_add (report, new_superseded_item (record, winner));
        }
    }
}
