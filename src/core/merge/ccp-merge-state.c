/* ccp-merge-state.c: the state of a run, a set of records keyed by SHA-256, who each plan is
 * for, and whether the run was cancelled. */
#define G_LOG_DOMAIN "ccp-merge"

#include "config.h"

#include <string.h>

#include "ccp-member-city.h"
#include "ccp-merge-private.h"
#include "ccp-registry.h"
#include "ccp-report-item.h"
#include "ccp-source.h"

gboolean
_ccp_merge_cancelled (CcpMerge   *self,
                      const char *point)
{
  if (self->checkpoint_func != NULL)
    self->checkpoint_func (self, point, self->checkpoint_data);
  return g_cancellable_is_cancelled (self->cancellable);
}

void
_ccp_merge_set_checkpoint_func (CcpMerge               *self,
                                CcpMergeCheckpointFunc  func,
                                gpointer                user_data)
{
  g_return_if_fail (CCP_IS_MERGE (self));

  self->checkpoint_func = func;
  self->checkpoint_data = user_data;
}

gint64
_ccp_merge_parse_time_usec (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  if (str_empty (text))
    return G_MININT64;

  dt = g_date_time_new_from_iso8601 (text, utc);
  if (dt == NULL)
    return G_MININT64;

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

void
_ccp_merge_record_free (gpointer data)
{
  Record *record = data;

  g_clear_object (&record->source);
  g_clear_pointer (&record->activities, g_ptr_array_unref);
  g_clear_object (&record->refusal);
  g_free (record->mission_statement);
  g_free (record->identity);
  g_free (record->name_key);
  g_free (record);
}

Record *
_ccp_merge_record_new (const char *file,
            const char *sha256)
{
  Record *record = g_new0 (Record, 1);

  record->source = ccp_source_new ();
  ccp_source_set_file (record->source, file);
  ccp_source_set_sha256 (record->source, sha256);
  record->modified_usec = G_MININT64;

  return record;
}

const char *
_ccp_merge_record_name_key (Record *record)
{
  if (record->name_key == NULL)
    record->name_key = ccp_city_name_key (ccp_source_get_city (record->source));
  return record->name_key;
}

CcpRegistry *
_ccp_merge_get_registry (CcpMerge *self)
{
  if (self->registry == NULL)
    self->registry = g_object_ref (ccp_registry_get_default ());
  return self->registry;
}

/* Who a plan is for: the registry's spelling of the city when it knows it (so "Hannover" and
 * "Hanover" are one city), folded; its country; and, in a network overview, its field. */
char *
_ccp_merge_city_identity (CcpMerge   *self,
               const char *city,
               const char *country,
               const char *field)
{
  CcpMemberCity *member;
  g_autofree char *key = NULL;
  const char *cc = country;

  member = ccp_registry_lookup (_ccp_merge_get_registry (self), city, str_empty (country) ? NULL : country,
                                str_empty (field) ? NULL : field);
  if (member != NULL)
    {
      key = ccp_city_name_key (ccp_member_city_get_name (member));
      cc = ccp_member_city_get_country (member);
    }
  else
    key = ccp_city_name_key (city);

  if (self->network)
    return g_strdup_printf ("%s\n%s\n%s", field != NULL ? field : "", key, cc != NULL ? cc : "");
  return g_strdup_printf ("%s\n%s", key, cc != NULL ? cc : "");
}

/* Adds record unless the same bytes are already there; then the smaller file name is kept, so
 * that the name recorded does not depend on the order. Returns the record kept. */
Record *
_ccp_merge_add_record (CcpMerge *self,
            Record   *record,
            gboolean *duplicate)
{
  const char *sha = ccp_source_get_sha256 (record->source);
  Record *existing = g_hash_table_lookup (self->records, sha);

  if (existing != NULL)
    {
      if (strcmp (ccp_source_get_file (record->source),
                  ccp_source_get_file (existing->source)) < 0)
        ccp_source_set_file (existing->source, ccp_source_get_file (record->source));
      _ccp_merge_record_free (record);
      if (duplicate != NULL)
        *duplicate = TRUE;
      return existing;
    }

  g_hash_table_insert (self->records, (gpointer) ccp_source_get_sha256 (record->source), record);
  if (duplicate != NULL)
    *duplicate = FALSE;
  return record;
}

CcpReportItem *
_ccp_merge_new_refusal (Record     *record,
             const char *reason)
{
  CcpReportItem *item = ccp_report_item_new ("refused");

  ccp_report_item_set_code (item, reason);
  ccp_report_item_add_value (item, "sha256", ccp_source_get_sha256 (record->source));
  ccp_source_set_status (record->source, CCP_SOURCE_STATUS_REFUSED);
  ccp_source_set_reason (record->source, reason);
  /* A refused file is not reviewed (issue 18). */
  ccp_source_set_review (record->source, CCP_REVIEW_STATE_NONE);
  return item;
}
