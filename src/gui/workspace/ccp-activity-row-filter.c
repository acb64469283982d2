/* ccp-activity-row-filter.c: see ccp-activity-row-filter.h. */
#define G_LOG_DOMAIN "ccp-activity-table"

#include "config.h"

#include "ccp-activity-row-filter.h"

struct _CcpActivityRowFilter
{
  GtkFilter               parent_instance;

  GPtrArray              *activities;   /* the rows' */
  GPtrArray              *listened;     /* those of them whose "changed" is connected */
  GArray                 *handlers;     /* gulong, their handlers */
  CcpSearchKeys          *keys;         /* of activities, or NULL */
  CcpActivityFilterState *state;        /* what the rows shown pass */
  GHashTable             *matches;      /* the activities passing state, or NULL: test each */
  GHashTable             *changed;      /* activities changed since the last refilter */
  CcpActivityFilterState *wanted;       /* being found in a thread, or NULL */
  GCancellable           *cancellable;  /* that run's */
  guint                   refilter_id;  /* an idle, after activities changed */
};

G_DEFINE_FINAL_TYPE (CcpActivityRowFilter, ccp_activity_row_filter, GTK_TYPE_FILTER)

static gboolean
ccp_activity_row_filter_match (GtkFilter *filter,
                               gpointer   item)
{
  CcpActivityRowFilter *self = CCP_ACTIVITY_ROW_FILTER (filter);
  int match;

  if (self->matches != NULL)
    return g_hash_table_contains (self->matches, item);
  if (ccp_activity_filter_state_is_empty (self->state))
    return TRUE;
  /* Until a set is found: the keys where they know the activity (never one that may change),
   * else itself. */
  if (self->keys != NULL &&
      (match = ccp_activity_filter_matches_keyed (self->state, self->keys, item)) >= 0)
    return match == 1;
  return ccp_activity_filter_matches (self->state, item);
}

/* With nothing asked for, the filter model lets every row through without testing it: the
 * activities of a merge come in (and a search cleared goes back) without 37,000 calls of
 * match(), 26 ms of the main thread at the hand-over. Only apply() changes the state, and it
 * tells the model. */
static GtkFilterMatch
ccp_activity_row_filter_get_strictness (GtkFilter *filter)
{
  CcpActivityRowFilter *self = CCP_ACTIVITY_ROW_FILTER (filter);

  return ccp_activity_filter_state_is_empty (self->state) ? GTK_FILTER_MATCH_ALL
                                                          : GTK_FILTER_MATCH_SOME;
}

/* Shows what state lets through (matches may be NULL: each row tested): one refilter. */
static void
apply (CcpActivityRowFilter   *self,
       CcpActivityFilterState *state,
       GHashTable             *matches)
{
  ccp_activity_filter_state_free (self->state);
  self->state = state;
  g_clear_pointer (&self->matches, g_hash_table_unref);
  self->matches = matches;
  /* GTK_FILTER_CHANGE_MORE_STRICT for a longer needle crashes GTK 4.8's filter model under a
   * sort model; with the set found, looking at every row again is a hash lookup each. */
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
cancel_run (CcpActivityRowFilter *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->wanted, ccp_activity_filter_state_free);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CcpActivityRowFilter) self = user_data;
  g_autoptr(GError) error = NULL;
  GHashTable *matches;

  /* Cancelled (a newer change, other activities, or flushed): that one is shown. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  matches = ccp_activity_filter_run_finish (result, &error);
  if (matches == NULL)
    return;
  g_clear_object (&self->cancellable);
  apply (self, g_steal_pointer (&self->wanted), matches);
}

void
ccp_activity_row_filter_set_state (CcpActivityRowFilter         *self,
                                   const CcpActivityFilterState *state)
{
  g_return_if_fail (CCP_IS_ACTIVITY_ROW_FILTER (self));
  g_return_if_fail (state != NULL);

  if (ccp_activity_filter_state_equal (state, self->wanted != NULL ? self->wanted
                                                                   : self->state))
    return;
  cancel_run (self);
  /* Back to what is shown (a keystroke undone while its set was being found). */
  if (ccp_activity_filter_state_equal (state, self->state))
    return;
  if (ccp_activity_filter_state_is_empty (state) || self->keys == NULL ||
      self->activities == NULL || self->activities->len == 0)
    {
      apply (self, ccp_activity_filter_state_copy (state), NULL);
      return;
    }
  self->wanted = ccp_activity_filter_state_copy (state);
  self->cancellable = g_cancellable_new ();
  ccp_activity_filter_run_async (self->activities, self->keys, self->wanted, self->cancellable,
                                 run_done_cb, g_object_ref (self));
}

const CcpActivityFilterState *
ccp_activity_row_filter_get_state (CcpActivityRowFilter *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_ROW_FILTER (self), NULL);

  return self->state;
}

/* Activities changed (a conflict's value kept): the set shown is put right for them, the rows
 * refiltered once. A run under way tests them as they are in its finish (the keys know no
 * activity that may change). */
static gboolean
refilter_cb (gpointer user_data)
{
  CcpActivityRowFilter *self = user_data;

  self->refilter_id = 0;
  if (ccp_activity_filter_state_is_empty (self->state))
    {
      g_hash_table_remove_all (self->changed);
      return G_SOURCE_REMOVE;
    }
  if (self->matches != NULL)
    {
      GHashTableIter iter;
      gpointer activity;

      g_hash_table_iter_init (&iter, self->changed);
      while (g_hash_table_iter_next (&iter, &activity, NULL))
        if (ccp_activity_filter_matches (self->state, activity))
          g_hash_table_add (self->matches, activity);
        else
          g_hash_table_remove (self->matches, activity);
    }
  g_hash_table_remove_all (self->changed);
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
  return G_SOURCE_REMOVE;
}

static void
activity_changed_cb (CcpActivity          *activity,
                     CcpActivityRowFilter *self)
{
  g_hash_table_add (self->changed, activity);
  if (self->refilter_id == 0)
    self->refilter_id = g_idle_add (refilter_cb, self);
}

static void
let_go_of_activities (CcpActivityRowFilter *self)
{
  cancel_run (self);
  g_clear_handle_id (&self->refilter_id, g_source_remove);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_hash_table_remove_all (self->changed);
  g_clear_pointer (&self->keys, ccp_search_keys_unref);
  if (self->activities == NULL)
    return;
  for (guint i = 0; i < self->listened->len; i++)
    g_signal_handler_disconnect (g_ptr_array_index (self->listened, i),
                                 g_array_index (self->handlers, gulong, i));
  g_ptr_array_set_size (self->listened, 0);
  g_array_set_size (self->handlers, 0);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
}

void
ccp_activity_row_filter_set_activities (CcpActivityRowFilter *self,
                                        GPtrArray            *activities,
                                        CcpSearchKeys        *keys)
{
  g_return_if_fail (CCP_IS_ACTIVITY_ROW_FILTER (self));
  g_return_if_fail (activities != NULL);

  let_go_of_activities (self);
  self->activities = g_ptr_array_ref (activities);
  if (keys != NULL)
    self->keys = ccp_search_keys_ref (keys);
  /* Every property change of an activity emits "changed". Only a joint activity changes once
   * merged (a conflict's value kept: ccp_field_plan_choose() refuses the others): connecting
   * to all 37,000 activities of the benchmark took 24 ms of the main thread, to its joint ones
   * a few hundred. */
  for (guint i = 0; i < activities->len; i++)
    {
      CcpActivity *activity = g_ptr_array_index (activities, i);

      gulong handler;

      if (ccp_activity_filter_can_key (activity))
        continue;
      handler = g_signal_connect (activity, "changed", G_CALLBACK (activity_changed_cb), self);
      g_ptr_array_add (self->listened, activity);
      g_array_append_val (self->handlers, handler);
    }
}

void
ccp_activity_row_filter_set_keys (CcpActivityRowFilter *self,
                                  CcpSearchKeys        *keys)
{
  g_return_if_fail (CCP_IS_ACTIVITY_ROW_FILTER (self));

  /* The rows shown do not change: each tested as it was, or the set found without them. */
  g_clear_pointer (&self->keys, ccp_search_keys_unref);
  if (keys != NULL)
    self->keys = ccp_search_keys_ref (keys);
}

gboolean
ccp_activity_row_filter_get_pending (CcpActivityRowFilter *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_ROW_FILTER (self), FALSE);

  return self->cancellable != NULL || self->refilter_id != 0;
}

void
ccp_activity_row_filter_flush (CcpActivityRowFilter *self)
{
  g_return_if_fail (CCP_IS_ACTIVITY_ROW_FILTER (self));

  if (self->cancellable != NULL)
    {
      g_autoptr(CcpActivityFilterState) wanted = g_steal_pointer (&self->wanted);
      GHashTable *matches;

      /* The thread's work done here instead: the same functions, the result at once. */
      cancel_run (self);
      matches = ccp_activity_filter_run (self->activities, self->keys, wanted, NULL);
      apply (self, g_steal_pointer (&wanted), matches);
    }
  if (self->refilter_id != 0)
    {
      g_clear_handle_id (&self->refilter_id, g_source_remove);
      refilter_cb (self);
    }
}

static void
ccp_activity_row_filter_dispose (GObject *object)
{
  CcpActivityRowFilter *self = CCP_ACTIVITY_ROW_FILTER (object);

  let_go_of_activities (self);

  G_OBJECT_CLASS (ccp_activity_row_filter_parent_class)->dispose (object);
}

static void
ccp_activity_row_filter_finalize (GObject *object)
{
  CcpActivityRowFilter *self = CCP_ACTIVITY_ROW_FILTER (object);

  g_hash_table_unref (self->changed);
  g_ptr_array_unref (self->listened);
  g_array_unref (self->handlers);
  ccp_activity_filter_state_free (self->state);

  G_OBJECT_CLASS (ccp_activity_row_filter_parent_class)->finalize (object);
}

static void
ccp_activity_row_filter_class_init (CcpActivityRowFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = ccp_activity_row_filter_dispose;
  object_class->finalize = ccp_activity_row_filter_finalize;
  filter_class->match = ccp_activity_row_filter_match;
  filter_class->get_strictness = ccp_activity_row_filter_get_strictness;
}

static void
ccp_activity_row_filter_init (CcpActivityRowFilter *self)
{
  self->state = ccp_activity_filter_state_new ();
  self->changed = g_hash_table_new (NULL, NULL);
  self->listened = g_ptr_array_new ();
  self->handlers = g_array_new (FALSE, FALSE, sizeof (gulong));
}

CcpActivityRowFilter *
ccp_activity_row_filter_new (void)
{
  return g_object_new (CCP_TYPE_ACTIVITY_ROW_FILTER, NULL);
}
