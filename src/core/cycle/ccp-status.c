/* ccp-status.c: the completeness table of a field plan (who sent what, when, how reviewed). */
#define G_LOG_DOMAIN "ccp-status"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ccp-field-plan.h"
#include "ccp-member-city.h"
#include "ccp-partner.h"
#include "ccp-registry.h"
#include "ccp-review-comment.h"
#include "ccp-source.h"
#include "ccp-status.h"

const char *
ccp_timeliness_to_code (CcpTimeliness timeliness)
{
  switch (timeliness)
    {
    case CCP_TIMELINESS_MISSING:
      return "missing";
    case CCP_TIMELINESS_ON_TIME:
      return "on-time";
    case CCP_TIMELINESS_LATE:
      return "late";
    case CCP_TIMELINESS_UNKNOWN:
      return "unknown";
    default:
      g_return_val_if_reached ("unknown");
    }
}

const char *
ccp_timeliness_to_label (CcpTimeliness timeliness)
{
  switch (timeliness)
    {
    case CCP_TIMELINESS_MISSING:
      /* Translators: completeness table: no plan received from this city */
      return _("Missing");
    case CCP_TIMELINESS_ON_TIME:
      /* Translators: completeness table: the plan arrived by the deadline */
      return _("On time");
    case CCP_TIMELINESS_LATE:
      /* Translators: completeness table: the plan arrived after the deadline */
      return _("Late");
    case CCP_TIMELINESS_UNKNOWN:
      /* Translators: completeness table: when the plan arrived is not recorded */
      return _("Unknown");
    default:
      g_return_val_if_reached ("");
    }
}

struct _CcpStatusRow
{
  GObject         parent_instance;

  char           *city;
  char           *country;
  gboolean        in_roster;
  gboolean        received;
  CcpSource      *source;
  char           *first_received;
  CcpTimeliness   timeliness;
};

G_DEFINE_FINAL_TYPE (CcpStatusRow, ccp_status_row, G_TYPE_OBJECT)

static void
ccp_status_row_finalize (GObject *object)
{
  CcpStatusRow *self = CCP_STATUS_ROW (object);

  g_free (self->city);
  g_free (self->country);
  g_clear_object (&self->source);
  g_free (self->first_received);

  G_OBJECT_CLASS (ccp_status_row_parent_class)->finalize (object);
}

static void
ccp_status_row_class_init (CcpStatusRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ccp_status_row_finalize;
}

static void
ccp_status_row_init (CcpStatusRow *self)
{
}

#define ROW_GETTER(ctype, name, expr, fallback)                     \
ctype                                                               \
ccp_status_row_get_##name (CcpStatusRow *self)                      \
{                                                                   \
  g_return_val_if_fail (CCP_IS_STATUS_ROW (self), fallback);        \
  return expr;                                                      \
}

ROW_GETTER (const char *, city, self->city, NULL)
ROW_GETTER (const char *, country, self->country, NULL)
ROW_GETTER (gboolean, in_roster, self->in_roster, FALSE)
ROW_GETTER (gboolean, received, self->received, FALSE)
ROW_GETTER (CcpSource *, source, self->source, NULL)
ROW_GETTER (guint, revision,
            self->source != NULL ? ccp_source_get_revision (self->source) : 0, 0)
ROW_GETTER (const char *, received_time,
            self->source != NULL ? ccp_source_get_received (self->source) : "", NULL)
ROW_GETTER (const char *, first_received,
            self->first_received != NULL ? self->first_received : "", NULL)
ROW_GETTER (CcpTimeliness, timeliness, self->timeliness, CCP_TIMELINESS_MISSING)
ROW_GETTER (CcpReviewState, review,
            self->source != NULL ? ccp_source_get_review (self->source)
                                 : CCP_REVIEW_STATE_NONE, CCP_REVIEW_STATE_NONE)
ROW_GETTER (guint, open_comments,
            self->source != NULL ? ccp_source_count_open_comments (self->source) : 0, 0)
ROW_GETTER (guint, n_comments,
            self->source != NULL
            ? g_list_model_get_n_items (G_LIST_MODEL (ccp_source_get_comments (self->source)))
            : 0, 0)
ROW_GETTER (const char *, contact_name,
            self->source != NULL ? ccp_source_get_contact_name (self->source) : "", NULL)
ROW_GETTER (const char *, contact_email,
            self->source != NULL ? ccp_source_get_contact_email (self->source) : "", NULL)
ROW_GETTER (const char *, plan_id,
            self->source != NULL ? ccp_source_get_plan_id (self->source) : "", NULL)

/* Who a city is, as the merge tells cities apart: the registry's spelling, folded, and the
 * country (upper case). */
static char *
city_key (CcpRegistry *registry,
          const char  *city,
          const char  *country)
{
  CcpMemberCity *member = ccp_registry_lookup (registry, city,
                                               country != NULL && *country != '\0' ? country
                                                                                   : NULL,
                                               NULL);
  g_autofree char *name = ccp_city_name_key (member != NULL ? ccp_member_city_get_name (member)
                                                            : city);
  g_autofree char *cc = g_ascii_strup (member != NULL ? ccp_member_city_get_country (member)
                                                      : (country != NULL ? country : ""), -1);

  return g_strdup_printf ("%s\n%s", name, cc);
}

static CcpStatusRow *
row_new (const char *city,
         const char *country,
         gboolean    in_roster)
{
  CcpStatusRow *row = g_object_new (CCP_TYPE_STATUS_ROW, NULL);

  row->city = g_strdup (city);
  row->country = g_strdup (country);
  row->in_roster = in_roster;
  row->timeliness = CCP_TIMELINESS_MISSING;
  return row;
}

/* Takes a readable source of the row's city into account. */
static void
row_add_source (CcpStatusRow *row,
                CcpSource    *source)
{
  const char *received = ccp_source_get_received (source);

  row->received = TRUE;
  if (ccp_source_get_status (source) == CCP_SOURCE_STATUS_ACCEPTED)
    g_set_object (&row->source, source);
  if (*received != '\0' &&
      (row->first_received == NULL || strcmp (received, row->first_received) < 0))
    {
      g_free (row->first_received);
      row->first_received = g_strdup (received);
    }
}

static CcpTimeliness
judge (CcpStatusRow *row,
       const char   *deadline)
{
  if (!row->received)
    return CCP_TIMELINESS_MISSING;
  if (row->first_received == NULL || deadline == NULL || strlen (row->first_received) < 10)
    return CCP_TIMELINESS_UNKNOWN;
  /* ISO 8601 UTC: the day is the first ten characters, which compare as text. */
  return strncmp (row->first_received, deadline, 10) <= 0 ? CCP_TIMELINESS_ON_TIME
                                                          : CCP_TIMELINESS_LATE;
}

CcpStatusTable *
ccp_status_table_new (CcpFieldPlan *field_plan,
                      CcpRegistry  *registry)
{
  g_autoptr(GHashTable) rows = NULL;
  CcpStatusTable *table;
  GListModel *roster, *sources;
  guint n;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);
  g_return_val_if_fail (registry == NULL || CCP_IS_REGISTRY (registry), NULL);

  if (registry == NULL)
    registry = ccp_registry_get_default ();

  table = g_new0 (CcpStatusTable, 1);
  table->rows = g_ptr_array_new_with_free_func (g_object_unref);
  table->deadline = ccp_field_plan_get_effective_deadline (field_plan);
  rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  roster = G_LIST_MODEL (ccp_field_plan_get_roster (field_plan));
  n = g_list_model_get_n_items (roster);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpPartner) member = g_list_model_get_item (roster, i);
      char *key = city_key (registry, ccp_partner_get_name (member),
                            ccp_partner_get_country (member));
      CcpStatusRow *row;

      if (g_hash_table_contains (rows, key))
        {
          g_free (key);
          continue;
        }
      row = row_new (ccp_partner_get_name (member), ccp_partner_get_country (member), TRUE);
      g_ptr_array_add (table->rows, row);
      g_hash_table_insert (rows, key, row);
    }
  table->expected = table->rows->len;

  sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));
  n = g_list_model_get_n_items (sources);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);
      g_autofree char *key = NULL;
      CcpStatusRow *row;

      if (ccp_source_get_status (source) == CCP_SOURCE_STATUS_REFUSED ||
          *ccp_source_get_city (source) == '\0')
        continue;
      key = city_key (registry, ccp_source_get_city (source), ccp_source_get_country (source));
      row = g_hash_table_lookup (rows, key);
      if (row == NULL)
        {
          row = row_new (ccp_source_get_city (source), ccp_source_get_country (source), FALSE);
          g_ptr_array_add (table->rows, row);
          g_hash_table_insert (rows, g_steal_pointer (&key), row);
        }
      row_add_source (row, source);
    }

  for (guint i = 0; i < table->rows->len; i++)
    {
      CcpStatusRow *row = g_ptr_array_index (table->rows, i);

      row->timeliness = judge (row, table->deadline);
      if (!row->in_roster)
        continue;
      if (row->received)
        table->received++;
      if (row->timeliness == CCP_TIMELINESS_ON_TIME)
        table->on_time++;
      else if (row->timeliness == CCP_TIMELINESS_LATE)
        table->late++;
    }
  if (table->expected > 0)
    {
      table->reporting_rate = (double) table->received / table->expected;
      table->timeliness_rate = (double) table->on_time / table->expected;
    }
  return table;
}

void
ccp_status_table_free (CcpStatusTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_free (table->deadline);
  g_free (table);
}

GPtrArray *
ccp_status_rows (CcpFieldPlan *field_plan,
                 CcpRegistry  *registry)
{
  g_autoptr(CcpStatusTable) table = ccp_status_table_new (field_plan, registry);

  return g_ptr_array_ref (table->rows);
}
