/* test-merge-cancel.c: a merge stops when its GCancellable is cancelled (issue 16): before it
 * starts, at every point where it looks (found with the engine's checkpoint hook, from the
 * reading threads to the change detection), and from another thread in the middle of a large
 * merge, soon. Each time: G_IO_ERROR_CANCELLED, the inputs and the field plan merged into as
 * they were, and the same merge run again gives the field plan an uncancelled one gives. */
#define G_LOG_DOMAIN "test-merge-cancel"

#include "config.h"

#include <string.h>

#include "ccp-core.h"
#include "ccp-merge-private.h"
#include "ccp-test-util.h"

#define WHEN "2027-01-15T08:00:00Z"

typedef struct {
  CcpFieldPlan *into;
  GBytes       *into_bytes;    /* into, written before any run */
  GPtrArray    *inputs;        /* GBytes, as given */
  GPtrArray    *copies;        /* GBytes, their contents copied */
  GBytes       *expected;      /* the uncancelled result, written */
} Set;

static void
set_free (Set *set)
{
  g_clear_object (&set->into);
  g_clear_pointer (&set->into_bytes, g_bytes_unref);
  g_clear_pointer (&set->inputs, g_ptr_array_unref);
  g_clear_pointer (&set->copies, g_ptr_array_unref);
  g_clear_pointer (&set->expected, g_bytes_unref);
  g_free (set);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Set, set_free)

static CcpMerge *
set_merge (Set *set)
{
  CcpMerge *merge = ccp_merge_new ();

  ccp_merge_set_consolidated (merge, WHEN);
  if (set->into != NULL)
    ccp_merge_set_into (merge, set->into);
  for (guint i = 0; i < set->inputs->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("plan-%03u.xml", i);

      ccp_merge_add_bytes (merge, name, g_ptr_array_index (set->inputs, i));
    }
  return merge;
}

static void
add_input (Set    *set,
           GBytes *bytes)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  g_ptr_array_add (set->inputs, g_bytes_ref (bytes));
  g_ptr_array_add (set->copies, g_bytes_new (data, size));
}

/* n_into plans merged into a field plan first (unpacked by the run), n_plans city plans of
 * n_activities each and, with a field plan input, one more field plan among the inputs. */
static Set *
make_set (guint32  seed,
          guint    n_into,
          guint    n_plans,
          guint    n_activities,
          gboolean field_plan_input)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(CcpMerge) merge = NULL;
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GError) error = NULL;
  Set *set = g_new0 (Set, 1);

  set->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  set->copies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  if (n_into > 0)
    {
      g_autoptr(CcpMerge) first = ccp_merge_new ();

      ccp_merge_set_consolidated (first, "2027-01-10T08:00:00Z");
      for (guint i = 0; i < n_into; i++)
        {
          g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, "music", "2027-H1",
                                                          n_activities);
          g_autoptr(GBytes) bytes = ccp_writer_write_plan (plan);
          g_autofree char *name = g_strdup_printf ("into-%03u.xml", i);

          ccp_merge_add_bytes (first, name, bytes);
        }
      set->into = ccp_merge_run (first, &error);
      g_assert_no_error (error);
      set->into_bytes = ccp_writer_write_field_plan (set->into);
    }

  if (field_plan_input)
    {
      g_autoptr(CcpMerge) other = ccp_merge_new ();
      g_autoptr(CcpFieldPlan) field_plan = NULL;
      g_autoptr(GBytes) bytes = NULL;

      ccp_merge_set_consolidated (other, "2027-01-12T08:00:00Z");
      for (guint i = 0; i < 3; i++)
        {
          g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, "music", "2027-H1",
                                                          n_activities);
          g_autoptr(GBytes) plan_bytes = ccp_writer_write_plan (plan);

          ccp_merge_add_bytes (other, "other.xml", plan_bytes);
        }
      field_plan = ccp_merge_run (other, &error);
      g_assert_no_error (error);
      bytes = ccp_writer_write_field_plan (field_plan);
      add_input (set, bytes);
    }

  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, "music", "2027-H1",
                                                      n_activities);
      g_autoptr(GBytes) bytes = ccp_writer_write_plan (plan);

      add_input (set, bytes);
    }

  merge = set_merge (set);
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);
  set->expected = ccp_writer_write_field_plan (result);
  return set;
}

/* Nothing the run was given has changed. */
static void
assert_untouched (Set *set)
{
  for (guint i = 0; i < set->inputs->len; i++)
    g_assert_true (g_bytes_equal (g_ptr_array_index (set->inputs, i),
                                  g_ptr_array_index (set->copies, i)));
  if (set->into != NULL)
    {
      g_autoptr(GBytes) now = ccp_writer_write_field_plan (set->into);

      g_assert_true (g_bytes_equal (now, set->into_bytes));
    }
}

static void
assert_cancelled (CcpFieldPlan *result,
                  GError       *error)
{
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Running again without cancelling gives the uncancelled result. */
static void
assert_runs_again (Set      *set,
                   CcpMerge *merge)
{
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);
  bytes = ccp_writer_write_field_plan (result);
  g_assert_true (g_bytes_equal (bytes, set->expected));
  g_assert_cmpuint (ccp_merge_get_n_inputs (merge), ==, set->inputs->len);
}

static void
test_before_start (void)
{
  g_autoptr(Set) set = make_set (1601, 4, 6, 10, TRUE);
  g_autoptr(CcpMerge) merge = set_merge (set);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  result = ccp_merge_run_cancellable (merge, cancellable, &error);
  assert_cancelled (result, error);
  assert_untouched (set);
  assert_runs_again (set, merge);
}

/* The checkpoint hook: counts the points (from several threads), notes the first count at
 * which each point is passed, and cancels at count cancel_at. */
typedef struct {
  GCancellable *cancellable;
  gint          count;
  gint          cancel_at;      /* 0: never */
  GMutex        lock;
  GHashTable   *first;          /* point -> first count (GINT_TO_POINTER) */
} Hook;

static void
checkpoint_cb (CcpMerge   *merge,
               const char *point,
               gpointer    user_data)
{
  Hook *hook = user_data;
  gint count = g_atomic_int_add (&hook->count, 1) + 1;

  g_mutex_lock (&hook->lock);
  if (!g_hash_table_contains (hook->first, point))
    g_hash_table_insert (hook->first, g_strdup (point), GINT_TO_POINTER (count));
  g_mutex_unlock (&hook->lock);
  if (count == hook->cancel_at)
    g_cancellable_cancel (hook->cancellable);
}

/* Every point of a run, in order; "change-result" (between the hashes of the field plan merged
 * into and of the result) only when their counts of sources and activities are the same. */
static const char * const points[] = {
  "start", "read", "target", "absorb", "absorb-activities", "inputs", "add", "compile",
  "compile-sources", "joint", "joint-copies", "joint-sort", "joint-report", "joint-duplicates",
  "joint-outputs", "report", "compiled", "change", "change-result", "done", NULL
};

/* The points a run of set's merge passes: all, or all but "change-result". */
static void
check_every_point (Set      *set,
                   gboolean  hashes_both)
{
  g_autoptr(CcpMerge) merge = set_merge (set);
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) cancel_at = g_array_new (FALSE, FALSE, sizeof (gint));
  Hook hook = { NULL, 0, 0, { 0 }, first };
  gint total;

  g_mutex_init (&hook.lock);
  _ccp_merge_set_checkpoint_func (merge, checkpoint_cb, &hook);

  /* A run that is not cancelled passes every point. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(CcpFieldPlan) result = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    guint n_points = 0;

    hook.cancellable = cancellable;
    result = ccp_merge_run_cancellable (merge, cancellable, &error);
    g_assert_no_error (error);
    bytes = ccp_writer_write_field_plan (result);
    g_assert_true (g_bytes_equal (bytes, set->expected));
    total = g_atomic_int_get (&hook.count);
    g_test_message ("%d checkpoints in one run", total);
    for (guint i = 0; points[i] != NULL; i++)
      {
        gboolean expected = hashes_both || !g_str_equal (points[i], "change-result");

        if (g_hash_table_contains (first, points[i]) != expected)
          g_test_message ("point %s %s", points[i], expected ? "not passed" : "passed");
        g_assert_true (g_hash_table_contains (first, points[i]) == expected);
        n_points += expected;
      }
    g_assert_cmpuint (g_hash_table_size (first), ==, n_points);
  }

  /* Cancelled at the first pass of each point, and at counts spread over the whole run. */
  for (guint i = 0; points[i] != NULL; i++)
    {
      gint at = GPOINTER_TO_INT (g_hash_table_lookup (first, points[i]));

      if (at > 0)
        g_array_append_val (cancel_at, at);
    }
  for (gint at = 1; at <= total; at += MAX (1, total / 25))
    g_array_append_val (cancel_at, at);
  g_array_append_val (cancel_at, total);

  for (guint i = 0; i < cancel_at->len; i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(CcpFieldPlan) result = NULL;
      g_autoptr(GError) error = NULL;

      hook.cancellable = cancellable;
      g_atomic_int_set (&hook.count, 0);
      hook.cancel_at = g_array_index (cancel_at, gint, i);
      result = ccp_merge_run_cancellable (merge, cancellable, &error);
      assert_cancelled (result, error);
      /* It stopped there: after that point, at most the other reading threads' files and the
       * check after the stage. */
      g_assert_cmpint (g_atomic_int_get (&hook.count), <=,
                       hook.cancel_at + (gint) set->inputs->len + 2);
      assert_untouched (set);
    }

  _ccp_merge_set_checkpoint_func (merge, NULL, NULL);
  assert_runs_again (set, merge);
  g_mutex_clear (&hook.lock);
}

static void
test_every_point (void)
{
  /* 70 plans of 20 activities merged into one of 40: over 64 sources and 256 outputs. The
   * result has more activities than the plan merged into: it changed, without hashing it. */
  g_autoptr(Set) set = make_set (1602, 40, 70, 20, TRUE);

  check_every_point (set, FALSE);
}

static void
test_every_point_unchanged (void)
{
  /* The same 70 plans merged again into the field plan they made: the same numbers of sources
   * and activities, so both are hashed, and the result is unchanged. */
  g_autoptr(Set) set = make_set (1603, 0, 70, 20, FALSE);
  g_autoptr(CcpMerge) merge = NULL;
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  merge = set_merge (set);
  set->into = ccp_merge_run (merge, &error);
  g_assert_no_error (error);
  set->into_bytes = ccp_writer_write_field_plan (set->into);
  g_clear_object (&merge);

  merge = set_merge (set);
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);
  g_assert_false (ccp_merge_get_changed (merge));
  bytes = ccp_writer_write_field_plan (result);
  g_bytes_unref (set->expected);
  set->expected = g_steal_pointer (&bytes);
  g_assert_true (g_bytes_equal (set->expected, set->into_bytes));

  check_every_point (set, TRUE);
}

/* From another thread in the middle of a large merge: the run returns soon after. */
typedef struct {
  GCancellable *cancellable;
  gulong        delay_usec;
  gint64        cancelled_at;
} Canceller;

static gpointer
cancel_thread (gpointer data)
{
  Canceller *canceller = data;

  g_usleep (canceller->delay_usec);
  canceller->cancelled_at = g_get_monotonic_time ();   /* read after the join */
  g_cancellable_cancel (canceller->cancellable);
  return NULL;
}

typedef struct {
  gboolean      done;
  gint64        done_at;
  CcpFieldPlan *result;
  GError       *error;
} Outcome;

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->result = ccp_merge_run_finish (CCP_MERGE (source), result, &outcome->error);
  outcome->done_at = g_get_monotonic_time ();
  outcome->done = TRUE;
}

static void
test_from_thread (void)
{
  g_autoptr(Set) set = make_set (1603, 60, 200, 30, FALSE);
  g_autoptr(CcpMerge) full = set_merge (set);
  g_autoptr(CcpMerge) merge = set_merge (set);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CcpFieldPlan) whole = NULL;
  g_autoptr(GError) error = NULL;
  Canceller canceller = { cancellable, 0, 0 };
  Outcome outcome = { FALSE, 0, NULL, NULL };
  GThread *thread;
  gint64 start, full_usec, latency;

  start = g_get_monotonic_time ();
  whole = ccp_merge_run (full, &error);
  g_assert_no_error (error);
  full_usec = g_get_monotonic_time () - start;

  /* Cancelled a quarter of the way in. */
  canceller.delay_usec = (gulong) (full_usec / 4);
  ccp_merge_run_async (merge, cancellable, run_done_cb, &outcome);
  thread = g_thread_new ("canceller", cancel_thread, &canceller);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);

  latency = outcome.done_at - canceller.cancelled_at;
  g_test_message ("whole merge %.0f ms; cancelled after %.0f ms, returned %.1f ms later",
                  full_usec / 1000.0, canceller.delay_usec / 1000.0, latency / 1000.0);
  assert_cancelled (outcome.result, outcome.error);
  g_clear_error (&outcome.error);
  /* Well before the rest of the merge (three quarters of it) could have run. */
  g_assert_cmpint (latency, <, full_usec / 4);
  assert_untouched (set);
  assert_runs_again (set, merge);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge-cancel/before-start", test_before_start);
  g_test_add_func ("/merge-cancel/every-point", test_every_point);
  g_test_add_func ("/merge-cancel/every-point-unchanged", test_every_point_unchanged);
  g_test_add_func ("/merge-cancel/from-thread", test_from_thread);
  return g_test_run ();
}
