/* ccp-activity-filter.c: see ccp-activity-filter.h. One predicate, passes(), over a view of an
 * activity's filter values, whether they come from the activity itself or from the facts read
 * with the search keys: the threaded filter and the main thread's agree by construction. */
#define G_LOG_DOMAIN "ccp-activity-table"

#include "config.h"

#include <string.h>

#include "ccp-activity-filter.h"
#include "ccp-activity-search.h"

/* --- State ---------------------------------------------------------------------------------- */

CcpActivityFilterState *
ccp_activity_filter_state_new (void)
{
  return g_new0 (CcpActivityFilterState, 1);
}

CcpActivityFilterState *
ccp_activity_filter_state_copy (const CcpActivityFilterState *state)
{
  CcpActivityFilterState *copy = ccp_activity_filter_state_new ();

  for (guint f = 0; f < CCP_ACTIVITY_N_FILTERS; f++)
    copy->codes[f] = g_strdup (state->codes[f]);
  copy->flagship_only = state->flagship_only;
  copy->needle = g_strdup (state->needle);
  return copy;
}

void
ccp_activity_filter_state_free (CcpActivityFilterState *state)
{
  if (state == NULL)
    return;
  for (guint f = 0; f < CCP_ACTIVITY_N_FILTERS; f++)
    g_free (state->codes[f]);
  g_free (state->needle);
  g_free (state);
}

static gboolean
searching (const CcpActivityFilterState *state)
{
  return state->needle != NULL && *state->needle != '\0';
}

gboolean
ccp_activity_filter_state_equal (const CcpActivityFilterState *a,
                                 const CcpActivityFilterState *b)
{
  for (guint f = 0; f < CCP_ACTIVITY_N_FILTERS; f++)
    if (g_strcmp0 (a->codes[f], b->codes[f]) != 0)
      return FALSE;
  if (searching (a) != searching (b) || (searching (a) && !g_str_equal (a->needle, b->needle)))
    return FALSE;
  return a->flagship_only == b->flagship_only;
}

static gboolean
only_searching (const CcpActivityFilterState *state)
{
  for (guint f = 0; f < CCP_ACTIVITY_N_FILTERS; f++)
    if (state->codes[f] != NULL)
      return FALSE;
  return !state->flagship_only && searching (state);
}

gboolean
ccp_activity_filter_state_is_empty (const CcpActivityFilterState *state)
{
  for (guint f = 0; f < CCP_ACTIVITY_N_FILTERS; f++)
    if (state->codes[f] != NULL)
      return FALSE;
  return !state->flagship_only && !searching (state);
}

/* --- The predicate -------------------------------------------------------------------------- */

/* An activity's filter values, borrowed (from the activity or from the facts). */
typedef struct {
  gboolean            flagship;
  const char         *kind;
  const char * const *cities;       /* NULL-terminated */
  const char * const *objectives;
  const char * const *areas;
  const char * const *sdgs;
  guint32             start;        /* Julian days; 0: the start is not a date */
  guint32             end;          /* the start when the end is not a date */
} View;

/* A state with its month as Julian days, worked out once per run. */
typedef struct {
  const CcpActivityFilterState *state;
  gboolean                      month_valid;
  guint32                       first;
  guint32                       last;
} Prepared;

static void
prepare (Prepared                     *prepared,
         const CcpActivityFilterState *state)
{
  const char *month = state->codes[CCP_ACTIVITY_FILTER_MONTH];

  prepared->state = state;
  prepared->month_valid = FALSE;
  if (month != NULL && strlen (month) >= 5)
    {
      guint year = (guint) g_ascii_strtoull (month, NULL, 10);
      guint mon = (guint) g_ascii_strtoull (month + 5, NULL, 10);

      if (mon >= 1 && mon <= 12 && year >= 1 && g_date_valid_dmy (1, mon, year))
        {
          GDate first, last;

          g_date_clear (&first, 1);
          g_date_clear (&last, 1);
          g_date_set_dmy (&first, 1, mon, year);
          g_date_set_dmy (&last, g_date_get_days_in_month (mon, year), mon, year);
          prepared->first = g_date_get_julian (&first);
          prepared->last = g_date_get_julian (&last);
          prepared->month_valid = TRUE;
        }
    }
}

static void
read_dates (const char *start_text,
            const char *end_text,
            guint32    *start,
            guint32    *end)
{
  GDate date;

  *start = *end = 0;
  if (!ccp_date_parse (start_text, &date))
    return;
  *start = *end = g_date_get_julian (&date);
  if (ccp_date_parse (end_text, &date))
    *end = g_date_get_julian (&date);
}

static gboolean
has_string (const char * const *list,
            const char         *string)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (g_str_equal (list[i], string))
      return TRUE;
  return FALSE;
}

/* The drop-downs and the flagship button; the search text is the keys' or the activity's. */
static gboolean
passes (const Prepared *prepared,
        const View     *view)
{
  const CcpActivityFilterState *state = prepared->state;
  const char *code;

  if (state->flagship_only && !view->flagship)
    return FALSE;
  if ((code = state->codes[CCP_ACTIVITY_FILTER_CITY]) != NULL && !has_string (view->cities, code))
    return FALSE;
  if ((code = state->codes[CCP_ACTIVITY_FILTER_OBJECTIVE]) != NULL &&
      !has_string (view->objectives, code))
    return FALSE;
  if ((code = state->codes[CCP_ACTIVITY_FILTER_AREA]) != NULL && !has_string (view->areas, code))
    return FALSE;
  if ((code = state->codes[CCP_ACTIVITY_FILTER_SDG]) != NULL && !has_string (view->sdgs, code))
    return FALSE;
  if ((code = state->codes[CCP_ACTIVITY_FILTER_KIND]) != NULL && !g_str_equal (view->kind, code))
    return FALSE;
  /* A month overlapping the activity's dates (no end: the start day). */
  if (state->codes[CCP_ACTIVITY_FILTER_MONTH] != NULL &&
      (!prepared->month_valid || view->start == 0 || view->start > prepared->last ||
       view->end < prepared->first))
    return FALSE;
  return TRUE;
}

/* The activity's own values, what prepared's state needs of them; cities holds the names. */
static void
view_activity (const Prepared *prepared,
               CcpActivity    *activity,
               GPtrArray      *cities,
               View           *view)
{
  const CcpActivityFilterState *state = prepared->state;

  view->flagship = ccp_activity_get_flagship (activity);
  view->kind = ccp_activity_get_kind (activity);
  view->objectives = ccp_activity_get_objectives (activity);
  view->areas = ccp_activity_get_areas (activity);
  view->sdgs = ccp_activity_get_sdgs (activity);
  view->cities = NULL;
  if (state->codes[CCP_ACTIVITY_FILTER_CITY] != NULL)
    {
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));

      g_ptr_array_set_size (cities, 0);
      for (guint i = 0; i < g_list_model_get_n_items (attributions); i++)
        {
          g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, i);

          /* The list keeps the attribution, and it its city. */
          g_ptr_array_add (cities, (gpointer) ccp_attribution_get_city (attribution));
        }
      g_ptr_array_add (cities, NULL);
      view->cities = (const char * const *) cities->pdata;
    }
  view->start = view->end = 0;
  if (state->codes[CCP_ACTIVITY_FILTER_MONTH] != NULL)
    read_dates (ccp_activity_get_start_date (activity), ccp_activity_get_end_date (activity),
                &view->start, &view->end);
}

static gboolean
matches_prepared (const Prepared *prepared,
                  CcpActivity    *activity,
                  GPtrArray      *cities)
{
  View view;

  view_activity (prepared, activity, cities, &view);
  if (!passes (prepared, &view))
    return FALSE;
  return !searching (prepared->state) ||
         ccp_activity_search_matches (activity, NULL, prepared->state->needle);
}

gboolean
ccp_activity_filter_matches (const CcpActivityFilterState *state,
                             CcpActivity                  *activity)
{
  g_autoptr(GPtrArray) cities = NULL;
  Prepared prepared;

  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), FALSE);

  if (ccp_activity_filter_state_is_empty (state))
    return TRUE;
  prepare (&prepared, state);
  if (state->codes[CCP_ACTIVITY_FILTER_CITY] != NULL)
    cities = g_ptr_array_new ();
  return matches_prepared (&prepared, activity, cities);
}

/* --- The facts ------------------------------------------------------------------------------ */

typedef struct {
  guint32     lists;      /* in pool: cities, NULL, objectives, NULL, areas, NULL, SDGs, NULL */
  guint32     start;
  guint32     end;
  gboolean    flagship;
  const char *kind;
} FactsRow;

/* Made in one thread, read-only after: the strings once each in a chunk. */
typedef struct {
  GStringChunk *strings;
  GPtrArray    *pool;     /* const char *, in strings */
  GArray       *rows;     /* FactsRow, by the keys' position */
} Facts;

void
ccp_activity_filter_facts_free (gpointer data)
{
  Facts *facts = data;

  if (facts == NULL)
    return;
  g_string_chunk_free (facts->strings);
  g_ptr_array_unref (facts->pool);
  g_array_unref (facts->rows);
  g_free (facts);
}

static void
add_list (Facts              *facts,
          const char * const *list)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    g_ptr_array_add (facts->pool, g_string_chunk_insert_const (facts->strings, list[i]));
  g_ptr_array_add (facts->pool, NULL);
}

gboolean
ccp_activity_filter_can_key (CcpActivity *activity)
{
  return *ccp_activity_get_joint_ref (activity) == '\0';
}

gpointer
ccp_activity_filter_facts_new (GPtrArray    *activities,
                               GCancellable *cancellable)
{
  Facts *facts = g_new0 (Facts, 1);

  facts->strings = g_string_chunk_new (4096);
  facts->pool = g_ptr_array_sized_new (activities->len * 8);
  facts->rows = g_array_sized_new (FALSE, FALSE, sizeof (FactsRow), activities->len);
  for (guint i = 0; i < activities->len; i++)
    {
      CcpActivity *activity = g_ptr_array_index (activities, i);
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
      FactsRow row = { .lists = facts->pool->len };

      if ((i & 1023) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          ccp_activity_filter_facts_free (facts);
          return NULL;
        }
      if (!ccp_activity_filter_can_key (activity))
        {
          /* Not read (it has no key either): empty lists keep the rows by position. */
          for (guint list = 0; list < 4; list++)
            g_ptr_array_add (facts->pool, NULL);
          g_array_append_val (facts->rows, row);
          continue;
        }
      for (guint j = 0; j < g_list_model_get_n_items (attributions); j++)
        {
          g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);

          g_ptr_array_add (facts->pool,
                           g_string_chunk_insert_const (facts->strings,
                                                        ccp_attribution_get_city (attribution)));
        }
      g_ptr_array_add (facts->pool, NULL);
      add_list (facts, ccp_activity_get_objectives (activity));
      add_list (facts, ccp_activity_get_areas (activity));
      add_list (facts, ccp_activity_get_sdgs (activity));
      read_dates (ccp_activity_get_start_date (activity), ccp_activity_get_end_date (activity),
                  &row.start, &row.end);
      row.flagship = ccp_activity_get_flagship (activity);
      row.kind = g_string_chunk_insert_const (facts->strings, ccp_activity_get_kind (activity));
      g_array_append_val (facts->rows, row);
    }
  return facts;
}

static const char * const *
next_list (const char * const *list)
{
  while (*list != NULL)
    list++;
  return list + 1;
}

/* -1 when the keys cannot say. */
static int
matches_keyed (const Prepared *prepared,
               CcpSearchKeys  *keys,
               CcpActivity    *activity)
{
  const CcpActivityFilterState *state = prepared->state;
  Facts *facts = keys != NULL ? ccp_search_keys_get_data (keys) : NULL;
  int position = facts != NULL ? ccp_search_keys_lookup (keys, activity) : -1;
  const FactsRow *row;
  View view;

  /* Keys made without the facts still answer for a search text alone. */
  if (facts == NULL && keys != NULL && only_searching (state))
    return strstr (state->needle, CCP_SEARCH_KEYS_SEPARATOR) != NULL
           ? -1 : ccp_search_keys_match (keys, activity, state->needle);
  if (position < 0 || (guint) position >= facts->rows->len)
    return -1;
  row = &g_array_index (facts->rows, FactsRow, position);
  view.flagship = row->flagship;
  view.kind = row->kind;
  view.cities = (const char * const *) facts->pool->pdata + row->lists;
  view.objectives = next_list (view.cities);
  view.areas = next_list (view.objectives);
  view.sdgs = next_list (view.areas);
  view.start = row->start;
  view.end = row->end;
  if (!passes (prepared, &view))
    return 0;
  if (!searching (state))
    return 1;
  if (strstr (state->needle, CCP_SEARCH_KEYS_SEPARATOR) != NULL)
    return -1;
  return ccp_search_keys_match (keys, activity, state->needle);
}

int
ccp_activity_filter_matches_keyed (const CcpActivityFilterState *state,
                                   CcpSearchKeys                *keys,
                                   CcpActivity                  *activity)
{
  Prepared prepared;

  g_return_val_if_fail (state != NULL, -1);

  prepare (&prepared, state);
  return matches_keyed (&prepared, keys, activity);
}

/* --- The run -------------------------------------------------------------------------------- */

typedef struct {
  GPtrArray              *activities;
  CcpSearchKeys          *keys;
  CcpActivityFilterState *state;
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  g_ptr_array_unref (work->activities);
  g_clear_pointer (&work->keys, ccp_search_keys_unref);
  ccp_activity_filter_state_free (work->state);
  g_free (work);
}

/* What the keys let through, and the activities they could not answer for. */
typedef struct {
  GHashTable *found;
  GPtrArray  *unknown;
} Found;

static void
found_free (gpointer data)
{
  Found *found = data;

  g_clear_pointer (&found->found, g_hash_table_unref);
  g_clear_pointer (&found->unknown, g_ptr_array_unref);
  g_free (found);
}

/* Reads only the keys and their facts, which nothing changes once made: it may run in a
 * thread while the main thread changes an activity (a joint conflict's value kept). FALSE
 * when cancelled. */
static gboolean
run_keyed (GPtrArray                    *activities,
           CcpSearchKeys                *keys,
           const CcpActivityFilterState *state,
           GCancellable                 *cancellable,
           Found                        *found)
{
  gboolean empty = ccp_activity_filter_state_is_empty (state);
  Prepared prepared;

  prepare (&prepared, state);
  found->found = g_hash_table_new (NULL, NULL);
  found->unknown = g_ptr_array_new ();
  for (guint i = 0; i < activities->len; i++)
    {
      CcpActivity *activity = g_ptr_array_index (activities, i);
      int match = empty ? 1 : matches_keyed (&prepared, keys, activity);

      /* Checked now and then: a cancelled run is a superseded filter. */
      if ((i & 1023) == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;
      if (match == 1)
        g_hash_table_add (found->found, activity);
      else if (match < 0)
        g_ptr_array_add (found->unknown, activity);
    }
  return TRUE;
}

/* The activities the keys did not know (the joint ones among them: they may change), by their
 * own values (on the thread that may change them); then the set, found taken. */
static GHashTable *
run_unknown (Found                        *found,
             const CcpActivityFilterState *state)
{
  g_autoptr(GPtrArray) cities = g_ptr_array_new ();
  GHashTable *matches;
  Prepared prepared;

  prepare (&prepared, state);
  for (guint i = 0; i < found->unknown->len; i++)
    {
      CcpActivity *activity = g_ptr_array_index (found->unknown, i);

      if (matches_prepared (&prepared, activity, cities))
        g_hash_table_add (found->found, activity);
    }
  matches = g_steal_pointer (&found->found);
  found_free (found);
  return matches;
}

GHashTable *
ccp_activity_filter_run (GPtrArray                    *activities,
                         CcpSearchKeys                *keys,
                         const CcpActivityFilterState *state,
                         GCancellable                 *cancellable)
{
  Found *found;

  g_return_val_if_fail (activities != NULL, NULL);
  g_return_val_if_fail (state != NULL, NULL);

  found = g_new0 (Found, 1);
  if (!run_keyed (activities, keys, state, cancellable, found))
    {
      found_free (found);
      return NULL;
    }
  return run_unknown (found, state);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Work *work = task_data;
  Found *found = g_new0 (Found, 1);

  if (!run_keyed (work->activities, work->keys, work->state, cancellable, found))
    {
      found_free (found);
      g_task_return_error_if_cancelled (task);
      return;
    }
  g_task_return_pointer (task, found, found_free);
}

void
ccp_activity_filter_run_async (GPtrArray                    *activities,
                               CcpSearchKeys                *keys,
                               const CcpActivityFilterState *state,
                               GCancellable                 *cancellable,
                               GAsyncReadyCallback           callback,
                               gpointer                      user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (activities != NULL);
  g_return_if_fail (state != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  work = g_new0 (Work, 1);
  work->activities = g_ptr_array_ref (activities);
  work->keys = keys != NULL ? ccp_search_keys_ref (keys) : NULL;
  work->state = ccp_activity_filter_state_copy (state);
  g_task_set_source_tag (task, ccp_activity_filter_run_async);
  g_task_set_task_data (task, work, work_free);
  g_task_run_in_thread (task, run_thread);
}

GHashTable *
ccp_activity_filter_run_finish (GAsyncResult  *result,
                                GError       **error)
{
  Work *work;
  Found *found;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    return NULL;
  work = g_task_get_task_data (G_TASK (result));
  return run_unknown (found, work->state);
}
