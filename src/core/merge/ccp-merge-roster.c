/* ccp-merge-roster.c: the member cities of the field, and those without an accepted plan. */
#define G_LOG_DOMAIN "ccp-merge"

#include "config.h"

#include <string.h>

#include "ccp-field-plan.h"
#include "ccp-member-city.h"
#include "ccp-merge-private.h"
#include "ccp-partner.h"
#include "ccp-registry.h"
#include "ccp-report-item.h"
#include "ccp-source.h"

static int
compare_partners (gconstpointer a,
                  gconstpointer b)
{
  CcpPartner *x = *(CcpPartner * const *) a;
  CcpPartner *y = *(CcpPartner * const *) b;
  g_autofree char *kx = ccp_city_name_key (ccp_partner_get_name (x));
  g_autofree char *ky = ccp_city_name_key (ccp_partner_get_name (y));
  int c;

  if ((c = strcmp (kx, ky)) != 0)
    return c;
  if ((c = strcmp (ccp_partner_get_name (x), ccp_partner_get_name (y))) != 0)
    return c;
  if ((c = strcmp (ccp_partner_get_country (x), ccp_partner_get_country (y))) != 0)
    return c;
  return strcmp (ccp_partner_get_field (x), ccp_partner_get_field (y));
}

static void
add_roster_member (GHashTable *seen,
                   GPtrArray  *roster,
                   const char *name,
                   const char *country,
                   const char *field)
{
  g_autofree char *name_key = ccp_city_name_key (name);
  char *key = g_strdup_printf ("%s\n%s\n%s", name_key, country, field);

  if (!g_hash_table_add (seen, key))
    return;
  g_ptr_array_add (roster, ccp_partner_new_city (name, country, field));
}

GPtrArray *
_ccp_merge_build_roster (CcpMerge  *self,
              GPtrArray *records)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *roster = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->roster != NULL)
    {
      for (guint i = 0; i < self->roster->len; i++)
        {
          CcpMemberCity *member = g_ptr_array_index (self->roster, i);
          const char *field = ccp_member_city_get_field (member);

          if (!self->network && !str_empty (field) && !g_str_equal (field, self->target_field))
            continue;
          add_roster_member (seen, roster, ccp_member_city_get_name (member),
                             ccp_member_city_get_country (member),
                             str_empty (field) ? self->target_field : field);
        }
    }
  else if (self->absorbed->len > 0)
    {
      for (guint i = 0; i < self->absorbed->len; i++)
        {
          GListModel *list = G_LIST_MODEL (ccp_field_plan_get_roster (
                               g_ptr_array_index (self->absorbed, i)));
          guint n = g_list_model_get_n_items (list);

          for (guint j = 0; j < n; j++)
            {
              g_autoptr(CcpPartner) member = g_list_model_get_item (list, j);

              add_roster_member (seen, roster, ccp_partner_get_name (member),
                                 ccp_partner_get_country (member),
                                 ccp_partner_get_field (member));
            }
        }
    }
  else
    {
      g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);

      if (!self->network)
        g_hash_table_add (fields, self->target_field);
      else
        {
          for (guint i = 0; i < records->len; i++)
            {
              Record *record = g_ptr_array_index (records, i);

              if (record->accepted)
                g_hash_table_add (fields, (gpointer) ccp_source_get_field (record->source));
            }
        }

      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, fields);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          {
            g_autoptr(GPtrArray) members = ccp_registry_list_field (_ccp_merge_get_registry (self), key);

            for (guint i = 0; members != NULL && i < members->len; i++)
              {
                CcpMemberCity *member = g_ptr_array_index (members, i);

                add_roster_member (seen, roster, ccp_member_city_get_name (member),
                                   ccp_member_city_get_country (member),
                                   ccp_member_city_get_field (member));
              }
          }
      }
    }

  g_ptr_array_sort (roster, compare_partners);
  return roster;
}

void
_ccp_merge_report_missing (CcpMerge  *self,
                GPtrArray *roster,
                GPtrArray *records,
                GPtrArray *report)
{
  g_autoptr(GHashTable) accepted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) refused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);
      const char *city = ccp_source_get_city (record->source);

      if (str_empty (city))
        continue;
      if (record->accepted)
        g_hash_table_add (accepted, g_strdup (record->identity));
      else
        g_hash_table_add (refused, _ccp_merge_city_identity (self, city,
                                                  ccp_source_get_country (record->source),
                                                  ccp_source_get_field (record->source)));
    }

  for (guint i = 0; i < roster->len; i++)
    {
      CcpPartner *member = g_ptr_array_index (roster, i);
      g_autofree char *identity = _ccp_merge_city_identity (self, ccp_partner_get_name (member),
                                                 ccp_partner_get_country (member),
                                                 ccp_partner_get_field (member));
      CcpReportItem *item;

      if (g_hash_table_contains (accepted, identity))
        continue;

      item = ccp_report_item_new ("missing");
      ccp_report_item_set_code (item, g_hash_table_contains (refused, identity)
                                      ? "refused-only" : "no-plan");
      ccp_report_item_set_city (item, ccp_partner_get_name (member));
      ccp_report_item_set_country (item, ccp_partner_get_country (member));
      if (self->network)
        ccp_report_item_add_value (item, "field", ccp_partner_get_field (member));
      g_ptr_array_add (report, item);
    }
}
