/* ccp-merge-joint.c: the activities of the result: the copies of a joint activity grouped
 * into one activity with one contribution per city (its per-city fields: see the field
 * table's `share`), a unique identifier for each, the conflicts between the copies' shared
 * fields and the possible duplicates.
 *
 * A conflict keeps one value: the one a coordinator chose for the field (recorded in the
 * field plan, see ccp_field_plan_choose()) when that city still runs the activity, else the
 * reference copy's (the first by city key). Its report item lists every city's value. */
#define G_LOG_DOMAIN "ccp-merge"

#include "config.h"

#include <string.h>

#include "ccp-activity.h"
#include "ccp-activity-field.h"
#include "ccp-attribution.h"
#include "ccp-file.h"
#include "ccp-member-city.h"
#include "ccp-merge-private.h"
#include "ccp-model-private.h"
#include "ccp-plan.h"
#include "ccp-report-item.h"
#include "ccp-report-value.h"
#include "ccp-source.h"

/* One copy of an activity of an accepted source, with what it is sorted by. */
typedef struct {
  CcpActivity *activity;
  Record      *record;
  char        *activity_id;      /* the plan's own id: the output may change the activity's */
  const char  *name_key;         /* the folded city name (the record's) */
  char        *city_key;         /* name key, city, country, plan, activity, sha: a total order;
                                  * made when first needed (copy_city_key()) */
} Copy;

/* One activity of the result, before it is given its final identifier. */
typedef struct {
  CcpActivity *activity;         /* the output activity, attributions filled */
  GPtrArray   *copies;           /* Copy*, reference first */
  char        *base_id;
  const char  *name_key;         /* of the first attribution (owned by the copy) */
  const char  *start_date;       /* the activity's, read once for the sort */
  gint64       start_jd;         /* julian days, or -1 */
  gint64       end_jd;
  char        *title_key;
  char        *fingerprint;      /* computed on demand to break ties */
} Output;

static gboolean
is_shared_text (const CcpActivityField *field)
{
  return field->share == CCP_FIELD_SHARE_SHARED &&
         (field->type == CCP_FIELD_TYPE_LINE || field->type == CCP_FIELD_TYPE_TEXT);
}

/* The copies of a joint activity are compared on the field table's COMPARED rows: the shared
 * texts first (title, description: what a reader tells activities apart by), then the others
 * in table order. The order is that of the activity fingerprint that breaks ties between
 * outputs (see compare_outputs()); the report sorts its differences by code. */
static const CcpActivityField * const *
compared_rows (void)
{
  static const CcpActivityField **rows = NULL;

  if (g_once_init_enter (&rows))
    {
      GPtrArray *found = g_ptr_array_new ();
      guint n;
      const CcpActivityField *fields = ccp_activity_fields (&n);

      for (guint pass = 0; pass < 2; pass++)
        {
          for (guint i = 0; i < n; i++)
            {
              if ((fields[i].flags & CCP_FIELD_FLAGS_COMPARED) &&
                  is_shared_text (&fields[i]) == (pass == 0))
                g_ptr_array_add (found, (gpointer) &fields[i]);
            }
        }
      g_ptr_array_add (found, NULL);
      g_once_init_leave (&rows, (const CcpActivityField **) g_ptr_array_free (found, FALSE));
    }
  return rows;
}

const char * const *
ccp_merge_compared_fields (void)
{
  static const char **names = NULL;

  if (g_once_init_enter (&names))
    {
      const CcpActivityField * const *rows = compared_rows ();
      GPtrArray *found = g_ptr_array_new ();

      for (guint i = 0; rows[i] != NULL; i++)
        g_ptr_array_add (found, (gpointer) rows[i]->name);
      g_ptr_array_add (found, NULL);
      g_once_init_leave (&names, (const char **) g_ptr_array_free (found, FALSE));
    }
  return names;
}

char *
ccp_merge_encode_field (CcpActivity *activity,
                        const char  *field)
{
  const CcpActivityField *row;

  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  row = ccp_activity_field_find (field);
  g_return_val_if_fail (row != NULL, NULL);
  return ccp_report_value_encode (row, activity);
}

gboolean
ccp_merge_decode_field (CcpActivity *activity,
                        const char  *field,
                        const char  *value)
{
  const CcpActivityField *row;

  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  row = ccp_activity_field_find (field);
  return row != NULL && ccp_report_value_decode (row, activity, value);
}

static gboolean
is_identifier (const char *id)
{
  gsize len;

  if (str_empty (id))
    return FALSE;

  len = strlen (id);
  if (len > 128 || !g_ascii_isalnum (id[0]))
    return FALSE;

  for (gsize i = 1; i < len; i++)
    {
      char c = id[i];

      if (!g_ascii_isalnum (c) && c != '.' && c != '_' && c != ':' && c != '-')
        return FALSE;
    }

  return TRUE;
}

static gint64
parse_julian (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (str_empty (text) || !ccp_date_parse (text, &date))
    return -1;

  return g_date_get_julian (&date);
}

static void
copy_free (gpointer data)
{
  Copy *copy = data;

  g_object_unref (copy->activity);
  g_free (copy->activity_id);
  g_free (copy->city_key);
  g_free (copy);
}

static void
output_free (gpointer data)
{
  Output *output = data;

  g_clear_object (&output->activity);
  g_clear_pointer (&output->copies, g_ptr_array_unref);
  g_free (output->base_id);
  g_free (output->title_key);
  g_free (output->fingerprint);
  g_free (output);
}

/* Only the copies of a joint activity, an identifier too long and ties in the order of the
 * outputs need it: most copies never do. Made by the thread that builds the copy's output,
 * or after the building (the sort of the outputs). */
static const char *
copy_city_key (Copy *copy)
{
  CcpSource *source = copy->record->source;

  if (copy->city_key == NULL)
    copy->city_key = g_strconcat (copy->name_key, "\n", ccp_source_get_city (source), "\n",
                                  ccp_source_get_country (source), "\n",
                                  ccp_source_get_plan_id (source), "\n", copy->activity_id,
                                  "\n", ccp_source_get_sha256 (source), NULL);
  return copy->city_key;
}

static int
compare_copies (gconstpointer a,
                gconstpointer b)
{
  Copy *x = *(Copy * const *) a;
  Copy *y = *(Copy * const *) b;

  return strcmp (copy_city_key (x), copy_city_key (y));
}

static char *
make_base_id (Copy *copy)
{
  const char *plan_id = ccp_source_get_plan_id (copy->record->source);
  const char *activity_id = copy->activity_id;
  const char *joint_ref = ccp_activity_get_joint_ref (copy->activity);
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *digest = NULL;

  if (!str_empty (joint_ref))
    id = g_strdup (joint_ref);
  else
    id = g_strdup_printf ("%s.%s", plan_id, activity_id);

  /* Room for a "-N" suffix that makes it unique. */
  if (is_identifier (id) && strlen (id) <= 120)
    return g_steal_pointer (&id);

  text = g_strdup_printf ("%s\n%s\n%s", copy_city_key (copy), joint_ref, activity_id);
  bytes = g_bytes_new (text, strlen (text));
  digest = ccp_bytes_sha256 (bytes);
  return g_strdup_printf ("x%.16s", digest);
}

static void
add_attribution (CcpActivity *activity,
                 Copy        *copy,
                 gboolean     reference)
{
  g_autoptr(CcpAttribution) attribution =
    ccp_attribution_new (ccp_source_get_city (copy->record->source),
                         ccp_source_get_country (copy->record->source),
                         ccp_source_get_plan_id (copy->record->source),
                         copy->activity_id);

  /* No item is copied. The reference is the output activity, whose per-city fields mirror its
   * contribution (as a field plan read from a file has them): they share the items. The other
   * copies are this run's own and only their shared fields are read afterwards (the report's
   * conflicts): their contributions move. */
  if (reference)
    ccp_attribution_share_values (attribution, copy->activity);
  else
    ccp_attribution_take_values (attribution, copy->activity);
  ccp_item_list_append (ccp_activity_get_attributions (activity), attribution);
}

static Output *
new_output (GPtrArray *copies)
{
  Output *output = g_new0 (Output, 1);
  Copy *reference;

  /* The copies' ids are taken here, on the building threads, not where they are grouped. */
  for (guint i = 0; i < copies->len; i++)
    {
      Copy *copy = g_ptr_array_index (copies, i);

      copy->activity_id = g_strdup (ccp_activity_get_id (copy->activity));
    }
  g_ptr_array_sort (copies, compare_copies);
  reference = g_ptr_array_index (copies, 0);

  output->copies = copies;
  /* Every activity of a record is this run's own (read or copied for it) and belongs to one
   * output: the reference becomes the output activity, no copy needed. Its plan's id stays in
   * reference->activity_id for the report. */
  output->activity = g_object_ref (reference->activity);
  ccp_item_list_remove_all (ccp_activity_get_attributions (output->activity));
  for (guint i = 0; i < copies->len; i++)
    add_attribution (output->activity, g_ptr_array_index (copies, i), i == 0);

  output->base_id = make_base_id (reference);
  output->name_key = reference->name_key;
  output->start_date = ccp_activity_get_start_date (output->activity);
  output->start_jd = parse_julian (output->start_date);
  output->end_jd = parse_julian (ccp_activity_get_end_date (output->activity));
  output->title_key = ccp_merge_title_key (ccp_activity_get_title (output->activity));

  return output;
}

/* Building the outputs is most of a merge's own work, and each touches only its own copies'
 * activities (and reads their records): on several cores they are built in parallel, each
 * kept at its group's index so that the order does not depend on the threads. Freeing them
 * is spread the same way: it is memory the building threads allocated, slow to give back
 * from one thread alone. */
#define PARALLEL_CHUNK 64
#define MIN_PARALLEL_ITEMS 512
#define MAX_PARALLEL_THREADS 8

typedef void (*ItemFunc) (gpointer *items,
                          guint     index);

typedef struct {
  gpointer *items;
  guint     n;
  ItemFunc  func;
  gint      next;   /* atomic: the first item not taken yet */
} Parallel;

static gpointer
run_some (gpointer data)
{
  Parallel *parallel = data;

  for (;;)
    {
      guint start = (guint) g_atomic_int_add (&parallel->next, PARALLEL_CHUNK);

      if (start >= parallel->n)
        return NULL;
      for (guint i = start; i < MIN (start + PARALLEL_CHUNK, parallel->n); i++)
        parallel->func (parallel->items, i);
    }
}

/* Calls func on each index of items, on a thread per core (at most MAX_PARALLEL_THREADS;
 * one for fewer than MIN_PARALLEL_ITEMS items). */
static void
for_each_in_parallel (gpointer *items,
                      guint     n,
                      ItemFunc  func)
{
  guint n_threads = MIN (g_get_num_processors (), MAX_PARALLEL_THREADS);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  Parallel parallel = { items, n, func, 0 };

  if (n < MIN_PARALLEL_ITEMS)
    n_threads = 1;
  for (guint i = 1; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("ccp-merge-join", run_some, &parallel));
  run_some (&parallel);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
}

/* A group becomes its output, in place. */
static void
build_one (gpointer *items,
           guint     index)
{
  /* The unobserved span of _ccp_merge_compile() is its own thread's: the other joining
   * threads open theirs here. */
  ccp_model_begin_unobserved ();
  items[index] = new_output (items[index]);
  ccp_model_end_unobserved ();
}

/* Makes one output of each group (the outputs take the groups) and adds them to outputs, in
 * the order of groups. */
static void
build_outputs (GPtrArray *groups,
               GPtrArray *outputs)
{
  g_ptr_array_set_free_func (groups, NULL);
  for_each_in_parallel (groups->pdata, groups->len, build_one);
  for (guint i = 0; i < groups->len; i++)
    g_ptr_array_add (outputs, g_ptr_array_index (groups, i));
  g_ptr_array_set_size (groups, 0);
}

static void
free_one (gpointer *items,
          guint     index)
{
  output_free (items[index]);
}

static void
free_outputs (GPtrArray *outputs)
{
  g_ptr_array_set_free_func (outputs, NULL);
  for_each_in_parallel (outputs->pdata, outputs->len, free_one);
  g_ptr_array_unref (outputs);
}

static const char *
output_fingerprint (Output *output)
{
  if (output->fingerprint == NULL)
    {
      GString *s = g_string_new (NULL);

      for (const CcpActivityField * const *f = compared_rows (); *f != NULL; f++)
        {
          g_autofree char *value = ccp_report_value_encode (*f, output->activity);

          g_string_append (s, value);
          g_string_append_c (s, '\n');
        }
      output->fingerprint = g_string_free (s, FALSE);
    }
  return output->fingerprint;
}

/* By city (folded name), start date and identifier, as the report reads; the rest only
 * breaks ties so that the order is total. */
static int
compare_outputs (gconstpointer a,
                 gconstpointer b)
{
  Output *x = *(Output * const *) a;
  Output *y = *(Output * const *) b;
  int c;

  if ((c = strcmp (x->name_key, y->name_key)) != 0)
    return c;
  if ((c = strcmp (x->start_date, y->start_date)) != 0)
    return c;
  if ((c = strcmp (x->base_id, y->base_id)) != 0)
    return c;
  c = strcmp (copy_city_key (g_ptr_array_index (x->copies, 0)),
              copy_city_key (g_ptr_array_index (y->copies, 0)));
  if (c != 0)
    return c;
  return strcmp (output_fingerprint (x), output_fingerprint (y));
}

/* A unique identifier for each activity, in output order. The table holds the activities' own
 * copies (no two outputs share an activity): 37,000 copies of its own were a third of this
 * serial step. */
static void
assign_ids (GPtrArray *outputs)
{
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < outputs->len; i++)
    {
      Output *output = g_ptr_array_index (outputs, i);
      g_autofree char *numbered = NULL;
      const char *id = output->base_id;

      for (guint n = 2; g_hash_table_contains (used, id); n++)
        {
          g_free (numbered);
          id = numbered = g_strdup_printf ("%s-%u", output->base_id, n);
        }
      ccp_activity_set_id (output->activity, id);
      g_hash_table_add (used, (gpointer) ccp_activity_get_id (output->activity));
    }
}

char *
_ccp_merge_choice_key (const char *joint_ref,
                       const char *field)
{
  return g_strdup_printf ("%s\n%s", joint_ref, field);
}

/* The copy whose value the conflict keeps: the coordinator's choice while that city still
 * runs the activity, else the reference (the first by city key). */
static Copy *
kept_copy (Output                 *output,
           const CcpActivityField *field,
           GHashTable             *choices,
           const char * const    **choice_out)
{
  g_autofree char *key = _ccp_merge_choice_key (ccp_activity_get_joint_ref (output->activity),
                                                field->name);
  const char * const *choice = choices != NULL ? g_hash_table_lookup (choices, key) : NULL;

  *choice_out = NULL;
  for (guint i = 0; choice != NULL && i < output->copies->len; i++)
    {
      Copy *copy = g_ptr_array_index (output->copies, i);

      if (g_str_equal (ccp_source_get_city (copy->record->source), choice[2]) &&
          (*choice[3] == '\0' || g_str_equal (ccp_source_get_country (copy->record->source),
                                              choice[3])))
        {
          *choice_out = choice;
          return copy;
        }
    }
  return g_ptr_array_index (output->copies, 0);
}

static void
report_joint (Output     *output,
              GHashTable *choices,
              GPtrArray  *report)
{
  Copy *reference = g_ptr_array_index (output->copies, 0);
  const char *joint_ref = ccp_activity_get_joint_ref (output->activity);
  const char *id = ccp_activity_get_id (output->activity);
  g_autoptr(CcpReportItem) item = ccp_report_item_new ("joint");
  g_autoptr(GPtrArray) cities = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  g_autofree char *count = uint_to_string (output->copies->len);
  g_autofree char *joined = NULL;
  const CcpActivityField * const *rows = compared_rows ();

  for (guint i = 0; i < output->copies->len; i++)
    {
      Copy *copy = g_ptr_array_index (output->copies, i);

      g_ptr_array_add (cities, (gpointer) ccp_source_get_city (copy->record->source));
    }
  joined = g_strjoinv ("; ", (char **) cities->pdata);

  ccp_report_item_set_code (item, output->copies->len > 1 ? "merged" : "one-copy");
  ccp_report_item_set_city (item, ccp_source_get_city (reference->record->source));
  ccp_report_item_set_country (item, ccp_source_get_country (reference->record->source));
  ccp_report_item_set_activity (item, id);
  ccp_report_item_set_joint_ref (item, joint_ref);
  ccp_report_item_add_value (item, "copies", count);
  ccp_report_item_add_value (item, "cities", joined);
  ccp_report_item_add_value (item, "title", ccp_activity_get_title (output->activity));
  g_ptr_array_add (report, g_steal_pointer (&item));

  if (output->copies->len < 2)
    return;

  /* Per-city fields are each city's contribution: only the shared ones can conflict. */
  for (guint f = 0; rows[f] != NULL; f++)
    {
      g_autofree char *reference_value = NULL;
      g_autoptr(CcpReportItem) conflict = NULL;
      const char * const *choice = NULL;
      gboolean differs = FALSE;
      Copy *kept;

      if (rows[f]->share != CCP_FIELD_SHARE_SHARED)
        continue;
      reference_value = ccp_activity_field_to_string (rows[f], reference->activity);
      g_assert (reference_value != NULL);   /* shared fields are single-valued */
      for (guint i = 1; i < output->copies->len && !differs; i++)
        {
          Copy *copy = g_ptr_array_index (output->copies, i);
          g_autofree char *value = ccp_activity_field_to_string (rows[f], copy->activity);

          differs = !g_str_equal (value, reference_value);
        }
      if (!differs)
        continue;

      conflict = ccp_report_item_new ("joint-conflict");
      ccp_report_item_set_code (conflict, rows[f]->name);
      ccp_report_item_set_joint_ref (conflict, joint_ref);
      ccp_report_item_add_value (conflict, "field-activity", id);
      /* Every city's value first: the output activity is the reference's copy. */
      for (guint i = 0; i < output->copies->len; i++)
        {
          Copy *copy = g_ptr_array_index (output->copies, i);
          g_autofree char *value = ccp_activity_field_to_string (rows[f], copy->activity);

          ccp_report_item_add_copy (conflict, ccp_source_get_city (copy->record->source),
                                    ccp_source_get_country (copy->record->source),
                                    copy->activity_id, value);
        }
      kept = kept_copy (output, rows[f], choices, &choice);
      ccp_report_item_set_city (conflict, ccp_source_get_city (kept->record->source));
      ccp_report_item_set_country (conflict, ccp_source_get_country (kept->record->source));
      ccp_report_item_set_activity (conflict, kept->activity_id);
      if (choice != NULL)
        {
          if (kept->activity != output->activity)
            ccp_activity_field_copy (rows[f], kept->activity, output->activity);
          ccp_report_item_add_value (conflict, "chosen-by", choice[4]);
          ccp_report_item_add_value (conflict, "chosen-on", choice[5]);
        }
      ccp_report_item_add_value (conflict, "title", ccp_activity_get_title (output->activity));
      g_ptr_array_add (report, g_steal_pointer (&conflict));
    }
}

/* Same normalised title, overlapping dates, not the same cities: reported, never merged. Each
 * activity is paired with the first earlier one that matches, so a title shared by many cities
 * gives one item per activity, not one per pair. */
static void
report_possible_duplicates (CcpMerge  *self,
                            GPtrArray *outputs,
                            GPtrArray *report)
{
  /* Most titles are the only one of their kind: a list is made for those seen twice. */
  g_autoptr(GHashTable) first_by_title = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_title = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < outputs->len; i++)
    {
      Output *output = g_ptr_array_index (outputs, i);
      Output *first;
      GPtrArray *earlier;

      if (i % 256 == 255 && _ccp_merge_cancelled (self, "joint-duplicates"))
        return;
      if (*output->title_key == '\0' || output->start_jd < 0 || output->end_jd < 0)
        continue;

      first = g_hash_table_lookup (first_by_title, output->title_key);
      if (first == NULL)
        {
          g_hash_table_insert (first_by_title, output->title_key, output);
          continue;
        }
      earlier = g_hash_table_lookup (by_title, output->title_key);
      if (earlier == NULL)
        {
          earlier = g_ptr_array_new ();
          g_ptr_array_add (earlier, first);
          g_hash_table_insert (by_title, output->title_key, earlier);
        }

      for (guint j = 0; j < earlier->len; j++)
        {
          Output *other = g_ptr_array_index (earlier, j);
          Copy *mine = g_ptr_array_index (output->copies, 0);
          Copy *theirs = g_ptr_array_index (other->copies, 0);
          CcpReportItem *item;

          if (output->start_jd > other->end_jd || other->start_jd > output->end_jd)
            continue;
          if (g_strcmp0 (mine->record->identity, theirs->record->identity) == 0)
            continue;

          item = ccp_report_item_new ("possible-duplicate");
          ccp_report_item_set_code (item, "same-title");
          ccp_report_item_set_city (item, ccp_source_get_city (mine->record->source));
          ccp_report_item_set_country (item, ccp_source_get_country (mine->record->source));
          ccp_report_item_set_activity (item, ccp_activity_get_id (output->activity));
          ccp_report_item_add_value (item, "title", ccp_activity_get_title (output->activity));
          ccp_report_item_add_value (item, "other-activity",
                                     ccp_activity_get_id (other->activity));
          ccp_report_item_add_value (item, "other-city",
                                     ccp_source_get_city (theirs->record->source));
          ccp_report_item_add_value (item, "other-country",
                                     ccp_source_get_country (theirs->record->source));
          ccp_report_item_add_value (item, "other-title",
                                     ccp_activity_get_title (other->activity));
          g_ptr_array_add (report, item);
          break;
        }

      g_ptr_array_add (earlier, output);
    }
}

GPtrArray *
_ccp_merge_join_activities (CcpMerge   *self,
                            GPtrArray  *records,
                            GHashTable *choices,
                            GPtrArray  *report)
{
  g_autoptr(GPtrArray) outputs = g_ptr_array_new_with_free_func (output_free);
  g_autoptr(GHashTable) joint = g_hash_table_new (g_str_hash, g_str_equal);
  /* Own the copies until they become outputs (a cancel in between frees them): the activities
   * of no joint activity in record order, then the joint ones in the order first seen. */
  g_autoptr(GPtrArray) groups =
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) joint_order =
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *activities;

  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);

      if (!record->accepted)
        continue;
      if (_ccp_merge_cancelled (self, "joint-copies"))
        return NULL;

      for (guint j = 0; j < record->activities->len; j++)
        {
          CcpActivity *activity = g_ptr_array_index (record->activities, j);
          const char *joint_ref = ccp_activity_get_joint_ref (activity);
          Copy *copy = g_new0 (Copy, 1);

          copy->activity = g_object_ref (activity);
          copy->record = record;
          copy->name_key = _ccp_merge_record_name_key (record);

          if (!str_empty (joint_ref))
            {
              GPtrArray *copies = g_hash_table_lookup (joint, joint_ref);

              if (copies == NULL)
                {
                  copies = g_ptr_array_new_with_free_func (copy_free);
                  g_hash_table_insert (joint, (gpointer) joint_ref, copies);
                  g_ptr_array_add (joint_order, copies);
                }
              g_ptr_array_add (copies, copy);
            }
          else
            {
              GPtrArray *copies = g_ptr_array_new_full (1, copy_free);

              g_ptr_array_add (copies, copy);
              g_ptr_array_add (groups, copies);
            }
        }
    }
  g_ptr_array_extend_and_steal (groups, g_steal_pointer (&joint_order));

  build_outputs (groups, outputs);

  if (_ccp_merge_cancelled (self, "joint-sort"))
    return NULL;
  g_ptr_array_sort (outputs, compare_outputs);
  assign_ids (outputs);

  for (guint i = 0; i < outputs->len; i++)
    {
      Output *output = g_ptr_array_index (outputs, i);

      if (i % 256 == 255 && _ccp_merge_cancelled (self, "joint-report"))
        return NULL;
      if (!str_empty (ccp_activity_get_joint_ref (output->activity)))
        report_joint (output, choices, report);
    }
  report_possible_duplicates (self, outputs, report);
  if (_ccp_merge_cancelled (self, "joint-outputs"))
    return NULL;

  activities = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < outputs->len; i++)
    {
      Output *output = g_ptr_array_index (outputs, i);

      g_ptr_array_add (activities, g_object_ref (output->activity));
    }
  free_outputs (g_steal_pointer (&outputs));
  return activities;
}
