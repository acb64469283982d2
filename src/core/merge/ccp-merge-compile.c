/* ccp-merge-compile.c: the state compiled into a field plan, in total orders so that the
 * result never depends on the order of the inputs; and whether it changed. */
#define G_LOG_DOMAIN "ccp-merge"

#include "config.h"

#include <string.h>

#include "ccp-contact.h"
#include "ccp-field-plan.h"
#include "ccp-member-city.h"
#include "ccp-merge-private.h"
#include "ccp-model-private.h"
#include "ccp-plan.h"
#include "ccp-report-item.h"
#include "ccp-source.h"
#include "ccp-writer.h"

/* The coordinators' choices of the field plans unpacked: the plan merged into wins; between
 * others the latest (then by who and city), so that the order of the inputs does not count. */
static GHashTable *
collect_choices (CcpMerge *self)
{
  GHashTable *choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->absorbed->len; i++)
    {
      CcpFieldPlan *fp = g_ptr_array_index (self->absorbed, i);

      for (guint j = 0; j < ccp_field_plan_get_n_choices (fp); j++)
        {
          const char * const *choice = ccp_field_plan_get_choice (fp, j);
          g_autofree char *key = _ccp_merge_choice_key (choice[0], choice[1]);
          const char * const *other = g_hash_table_lookup (choices, key);
          int c = 0;

          if (other != NULL && self->into != NULL &&
              ccp_field_plan_find_choice (self->into, choice[0], choice[1]) == other)
            continue;
          if (fp == self->into)
            c = 1;
          /* Latest "on", then "by", country and city: a total order. */
          for (guint k = 5; other != NULL && c == 0 && k >= 2; k--)
            c = strcmp (choice[k], other[k]);
          if (other == NULL || c > 0)
            g_hash_table_replace (choices, g_steal_pointer (&key), (gpointer) choice);
        }
    }
  return choices;
}

/* Report item kinds, in the order the report lists them. */
static const char * const kind_order[] = {
  "refused", "superseded", "flagged", "missing", "joint", "joint-conflict",
  "possible-duplicate", NULL
};

static guint
kind_rank (const char *kind)
{
  guint i;

  for (i = 0; kind_order[i] != NULL; i++)
    {
      if (g_str_equal (kind_order[i], kind))
        return i;
    }
  return i;
}

static int
compare_report_items (gconstpointer a,
                      gconstpointer b)
{
  CcpReportItem *x = *(CcpReportItem * const *) a;
  CcpReportItem *y = *(CcpReportItem * const *) b;
  guint rx = kind_rank (ccp_report_item_get_kind (x));
  guint ry = kind_rank (ccp_report_item_get_kind (y));
  const char * const *nx, * const *ny;
  int c;

  if (rx != ry)
    return rx < ry ? -1 : 1;
  if ((c = strcmp (ccp_report_item_get_kind (x), ccp_report_item_get_kind (y))) != 0)
    return c;
  {
    g_autofree char *cx = ccp_city_name_key (ccp_report_item_get_city (x));
    g_autofree char *cy = ccp_city_name_key (ccp_report_item_get_city (y));

    if ((c = strcmp (cx, cy)) != 0)
      return c;
  }
  if ((c = strcmp (ccp_report_item_get_city (x), ccp_report_item_get_city (y))) != 0)
    return c;
  if ((c = strcmp (ccp_report_item_get_country (x), ccp_report_item_get_country (y))) != 0)
    return c;
  if ((c = strcmp (ccp_report_item_get_file (x), ccp_report_item_get_file (y))) != 0)
    return c;
  if ((c = strcmp (ccp_report_item_get_joint_ref (x), ccp_report_item_get_joint_ref (y))) != 0)
    return c;
  if ((c = strcmp (ccp_report_item_get_activity (x), ccp_report_item_get_activity (y))) != 0)
    return c;
  if ((c = strcmp (ccp_report_item_get_code (x), ccp_report_item_get_code (y))) != 0)
    return c;

  nx = ccp_report_item_get_value_names (x);
  ny = ccp_report_item_get_value_names (y);
  for (guint i = 0; ; i++)
    {
      if (nx[i] == NULL || ny[i] == NULL)
        return nx[i] == NULL ? (ny[i] == NULL ? 0 : -1) : 1;
      if ((c = strcmp (nx[i], ny[i])) != 0)
        return c;
      if ((c = strcmp (ccp_report_item_get_value (x, nx[i]),
                       ccp_report_item_get_value (y, ny[i]))) != 0)
        return c;
    }
}

static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  const Record *x = *(Record * const *) a;
  const Record *y = *(Record * const *) b;
  int c;

  if ((c = strcmp (_ccp_merge_record_name_key ((Record *) x),
                   _ccp_merge_record_name_key ((Record *) y))) != 0)
    return c;
  if ((c = strcmp (ccp_source_get_city (x->source), ccp_source_get_city (y->source))) != 0)
    return c;
  if ((c = strcmp (ccp_source_get_file (x->source), ccp_source_get_file (y->source))) != 0)
    return c;
  return strcmp (ccp_source_get_sha256 (x->source), ccp_source_get_sha256 (y->source));
}

static void
splice_all (CcpItemList *store,
            GPtrArray  *items)
{
  ccp_item_list_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                        items->pdata, items->len);
}

/* The greatest of the codes seen: an associative choice, so merges in any grouping agree. */
static void
take_max (char       **current,
          const char  *candidate)
{
  if (str_empty (candidate))
    return;
  if (*current == NULL || strcmp (candidate, *current) > 0)
    {
      g_free (*current);
      *current = g_strdup (candidate);
    }
}

CcpFieldPlan *
_ccp_merge_compile (CcpMerge *self)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GHashTable) choices = NULL;
  g_autoptr(GPtrArray) roster = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *mission_statement = NULL;
  CcpFieldPlan *field_plan;
  CcpFieldPlan *coordinator_from = NULL;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (records, value);
  g_ptr_array_sort (records, compare_sources);

  _ccp_merge_resolve_revisions (self, records, report);

  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);

      if (i % 64 == 63 && _ccp_merge_cancelled (self, "compile-sources"))
        return NULL;

      if (record->refusal != NULL)
        {
          CcpReportItem *item = ccp_report_item_copy (record->refusal);

          ccp_report_item_set_file (item, ccp_source_get_file (record->source));
          ccp_report_item_set_city (item, ccp_source_get_city (record->source));
          ccp_report_item_set_country (item, ccp_source_get_country (record->source));
          g_ptr_array_add (report, item);
        }

      if (!record->accepted)
        continue;

      take_max (&mission_statement, record->mission_statement);

      if (ccp_source_get_errors (record->source) > 0)
        {
          CcpReportItem *item = ccp_report_item_new ("flagged");
          g_autofree char *errors = uint_to_string (ccp_source_get_errors (record->source));
          g_autofree char *warnings = uint_to_string (ccp_source_get_warnings (record->source));

          ccp_report_item_set_code (item, "has-errors");
          ccp_report_item_set_file (item, ccp_source_get_file (record->source));
          ccp_report_item_set_city (item, ccp_source_get_city (record->source));
          ccp_report_item_set_country (item, ccp_source_get_country (record->source));
          ccp_report_item_add_value (item, "sha256", ccp_source_get_sha256 (record->source));
          ccp_report_item_add_value (item, "errors", errors);
          ccp_report_item_add_value (item, "warnings", warnings);
          g_ptr_array_add (report, item);
        }
    }

  if (_ccp_merge_cancelled (self, "joint"))
    return NULL;
  choices = collect_choices (self);
  /* The activities joined are this run's own (read or copied for it): nobody listens yet, and
   * their signals would take GObject's global locks on every joining thread. */
  ccp_model_begin_unobserved ();
  activities = _ccp_merge_join_activities (self, records, choices, report);
  ccp_model_end_unobserved ();
  if (activities == NULL)
    return NULL;

  roster = _ccp_merge_build_roster (self, records);
  _ccp_merge_report_missing (self, roster, records, report);

  if (_ccp_merge_cancelled (self, "report"))
    return NULL;
  g_ptr_array_sort (report, compare_report_items);

  /* The field plan itself. */
  field_plan = ccp_field_plan_new ();
  if (self->into != NULL)
    {
      ccp_field_plan_set_id (field_plan, ccp_field_plan_get_id (self->into));
      ccp_field_plan_set_status (field_plan, ccp_field_plan_get_status (self->into));
      /* The cycle (issue 18): the deadline and the reopenings are the coordinator's. */
      ccp_field_plan_set_deadline (field_plan, ccp_field_plan_get_deadline (self->into));
      for (guint i = 0; i < ccp_field_plan_get_n_reopenings (self->into); i++)
        {
          const char * const *r = ccp_field_plan_get_reopening (self->into, i);

          ccp_field_plan_add_reopening (field_plan, r[0], r[1], r[2]);
        }
      take_max (&mission_statement, ccp_field_plan_get_mission_statement (self->into));
    }
  else
    {
      g_autofree char *id = self->network
                            ? g_strdup_printf ("network-%s", self->target_period)
                            : g_strdup_printf ("field-%s-%s", self->target_field,
                                               self->target_period);

      ccp_field_plan_set_id (field_plan, id);
      ccp_field_plan_set_status (field_plan, CCP_PLAN_STATUS_DRAFT);
    }

  /* The plan merged into keeps its coordinator; otherwise the first by name and email of the
   * field plans unpacked, a choice that does not depend on their order. */
  for (guint i = 0; i < self->absorbed->len; i++)
    {
      CcpFieldPlan *fp = g_ptr_array_index (self->absorbed, i);
      CcpContact *contact = ccp_field_plan_get_coordinator (fp);
      CcpContact *best;

      take_max (&mission_statement, ccp_field_plan_get_mission_statement (fp));
      if (contact == NULL || str_empty (ccp_contact_get_name (contact)))
        continue;
      if (coordinator_from != NULL && coordinator_from == self->into)
        continue;
      if (fp == self->into)
        {
          coordinator_from = fp;
          continue;
        }
      if (coordinator_from == NULL)
        {
          coordinator_from = fp;
          continue;
        }
      best = ccp_field_plan_get_coordinator (coordinator_from);
      if (strcmp (ccp_contact_get_name (contact), ccp_contact_get_name (best)) < 0 ||
          (g_str_equal (ccp_contact_get_name (contact), ccp_contact_get_name (best)) &&
           strcmp (ccp_contact_get_email (contact), ccp_contact_get_email (best)) < 0))
        coordinator_from = fp;
    }

  if (coordinator_from != NULL)
    {
      CcpContact *from = ccp_field_plan_get_coordinator (coordinator_from);
      CcpContact *to = ccp_field_plan_get_coordinator (field_plan);
      GListModel *deputies = G_LIST_MODEL (ccp_field_plan_get_deputies (coordinator_from));
      guint n = g_list_model_get_n_items (deputies);

      ccp_contact_set_name (to, ccp_contact_get_name (from));
      ccp_contact_set_city (to, ccp_contact_get_city (from));
      ccp_contact_set_country (to, ccp_contact_get_country (from));
      ccp_contact_set_email (to, ccp_contact_get_email (from));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CcpContact) deputy = g_list_model_get_item (deputies, i);
          g_autoptr(CcpContact) deputy_copy = ccp_contact_copy (deputy);

          ccp_item_list_append (ccp_field_plan_get_deputies (field_plan), deputy_copy);
        }
    }

  ccp_field_plan_set_revision (field_plan, 1);
  ccp_field_plan_set_modified (field_plan, self->consolidated);
  ccp_field_plan_set_consolidated (field_plan, self->consolidated);
  ccp_field_plan_set_field (field_plan, self->target_field);
  ccp_field_plan_set_period (field_plan, self->target_period);
  ccp_field_plan_set_mission_statement (field_plan, mission_statement != NULL
                                                    ? mission_statement
                                                    : CCP_MISSION_STATEMENT_CURRENT);

  splice_all (ccp_field_plan_get_roster (field_plan), roster);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);

      g_ptr_array_add (items, ccp_source_copy (record->source));
    }
  splice_all (ccp_field_plan_get_sources (field_plan), items);

  splice_all (ccp_field_plan_get_activities (field_plan), activities);

  splice_all (ccp_field_plan_get_report (field_plan), report);
  /* The choices survive re-merging, even those no conflict needs now (the city may come
   * back with a newer revision). */
  {
    GHashTableIter choice_iter;
    gpointer choice_value;

    /* ccp_field_plan_add_choice() keeps them sorted whatever the table's order. */
    g_hash_table_iter_init (&choice_iter, choices);
    while (g_hash_table_iter_next (&choice_iter, NULL, &choice_value))
      {
        const char * const *choice = choice_value;

        ccp_field_plan_add_choice (field_plan, choice[0], choice[1], choice[2], choice[3],
                                   choice[4], choice[5]);
      }
  }

  return field_plan;
}

/* Each activity and each source is an element of the document: different numbers of them
 * are different documents, without writing either. */
static gboolean
counts_differ (CcpFieldPlan *a,
               CcpFieldPlan *b)
{
  return ccp_item_list_get_n_items (ccp_field_plan_get_activities (a)) !=
           ccp_item_list_get_n_items (ccp_field_plan_get_activities (b)) ||
         ccp_item_list_get_n_items (ccp_field_plan_get_sources (a)) !=
           ccp_item_list_get_n_items (ccp_field_plan_get_sources (b));
}

/* Whether the result differs from the field plan merged into, told by their counts or else by
 * writing both in full: only then do its revision and times move on. */
void
_ccp_merge_detect_change (CcpMerge     *self,
                          CcpFieldPlan *result)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (self->into == NULL)
    {
      self->changed = TRUE;
      return;
    }

  ccp_field_plan_set_revision (result, ccp_field_plan_get_revision (self->into));
  ccp_field_plan_set_modified (result, ccp_field_plan_get_modified (self->into));
  ccp_field_plan_set_consolidated (result, ccp_field_plan_get_consolidated (self->into));
  if (counts_differ (self->into, result))
    {
      self->changed = TRUE;
    }
  else
    {
      /* Hashed as they are written: neither document is held whole as text. */
      before = ccp_writer_sha256 (G_OBJECT (self->into));
      /* Each hash writes a whole field plan: the run looks at its cancellable in between. */
      if (_ccp_merge_cancelled (self, "change-result"))
        return;
      after = ccp_writer_sha256 (G_OBJECT (result));
      self->changed = g_strcmp0 (before, after) != 0;
    }

  if (self->changed)
    {
      /* ccp_merge_run() refuses a field plan at CCP_REVISION_MAX, so this cannot wrap. */
      ccp_field_plan_set_revision (result,
                                   MIN (ccp_field_plan_get_revision (self->into),
                                        CCP_REVISION_MAX - 1) + 1);
      ccp_field_plan_set_modified (result, self->consolidated);
      ccp_field_plan_set_consolidated (result, self->consolidated);
    }
}
