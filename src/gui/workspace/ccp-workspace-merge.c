/* ccp-workspace-merge.c: city plans added to the workspace: read and checked in a thread
 * (ccp-workspace-read.c), then merged in another with ccp_merge, then the figures of the
 * overview counted in a third, with progress and Cancel in each phase; the result is handed
 * to the views once. Nothing proportional to the number of activities runs
 * on the main thread (issue 16): the views build only the rows on screen. */
#define G_LOG_DOMAIN "ccp-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "ccp-choices.h"
#include "ccp-status-page.h"
#include "ccp-workspace-private.h"

/* --- Inputs and jobs ------------------------------------------------------------------------ */

static void
job_clear (Job *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->validator);
  g_clear_pointer (&job->given, g_ptr_array_unref);
  g_clear_pointer (&job->loaded, g_ptr_array_unref);
  g_clear_pointer (&job->unloadable, g_ptr_array_unref);
  g_clear_pointer (&job->issues, g_hash_table_unref);
  g_clear_pointer (&job->messages, g_hash_table_unref);
  g_clear_pointer (&job->candidate, g_ptr_array_unref);
  g_clear_pointer (&job->reloaded, g_ptr_array_unref);
  g_clear_pointer (&job->lost, g_ptr_array_unref);
  g_clear_pointer (&job->merge, _ccp_workspace_unref_in_thread);
  g_clear_pointer (&job->result, _ccp_workspace_unref_in_thread);
  g_clear_pointer (&job->overview, ccp_overview_data_unref);
  g_free (job->summary);
  g_clear_pointer (&job->restore, _ccp_workspace_restore_free);
}

static void
unref_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_object_unref (task_data);
#ifdef __GLIBC__
  /* What was freed goes back to the system: glibc would keep it in the arenas of the threads
   * that read the plans, where the main thread never reuses it. */
  malloc_trim (0);
#endif
  g_task_return_boolean (task, TRUE);
}

void
_ccp_workspace_unref_in_thread (gpointer object)
{
  g_autoptr(GTask) task = NULL;

  if (object == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, _ccp_workspace_unref_in_thread);
  /* No destroy notify: the thread drops the reference, not the task's finalization. */
  g_task_set_task_data (task, object, NULL);
  g_task_run_in_thread (task, unref_thread);
}

static Job *
job_ref (Job *job)
{
  return g_atomic_rc_box_acquire (job);
}

void
_ccp_workspace_job_unref (gpointer job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) job_clear);
}

static Job *
job_new (CcpWorkspace *self)
{
  Job *job = g_atomic_rc_box_new0 (Job);

  job->self = g_object_ref (self);
  job->cancellable = g_cancellable_new ();
  job->given = g_ptr_array_new_with_free_func (g_object_unref);
  job->loaded = g_ptr_array_new_with_free_func (_ccp_workspace_input_unref);
  job->unloadable = g_ptr_array_new_with_free_func (g_free);
  job->issues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  job->messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job->candidate = g_ptr_array_new_with_free_func (_ccp_workspace_input_unref);

  return job;
}

/* --- Progress -------------------------------------------------------------------------------- */

static void
set_progress_text (CcpWorkspace *self,
                   const char   *text)
{
  if (g_strcmp0 (self->progress_text, text) == 0)
    return;
  g_free (self->progress_text);
  self->progress_text = g_strdup (text);
  gtk_progress_bar_set_text (self->progress_bar, text);
  g_object_notify_by_pspec (G_OBJECT (self), _ccp_workspace_properties[PROP_PROGRESS_TEXT]);
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  CcpWorkspace *self = user_data;
  Job *job = self->job;
  g_autofree char *text = NULL;

  if (job == NULL)
    {
      self->progress_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (job->phase == PHASE_READING)
    {
      guint done = (guint) g_atomic_int_get (&job->n_done);
      guint total = (guint) g_atomic_int_get (&job->n_total);

      if (total > 0)
        {
          /* Translators: progress while city plans are read and checked */
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reading %u of %u plan",
                                               "Reading %u of %u plans", total),
                                  done, total);
          gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
        }
      else
        {
          text = g_strdup (_("Looking for plans…"));
          gtk_progress_bar_pulse (self->progress_bar);
        }
    }
  else if (job->phase == PHASE_SHOWING)
    {
      /* Translators: progress while the merged field plan's views and tables are filled */
      text = g_strdup (_("Showing the field plan…"));
      gtk_progress_bar_pulse (self->progress_bar);
    }
  else
    {
      /* PHASE_PREPARING (the overview counted after the merge) says the same: to the user it
       * is the end of the merge, and Cancel still stops it. */
      guint n = job->candidate->len;

      /* Translators: progress while the plans are merged */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Merging %u plan…",
                                           "Merging %u plans…", n), n);
      gtk_progress_bar_pulse (self->progress_bar);
    }
  set_progress_text (self, text);

  return G_SOURCE_CONTINUE;
}

static void
set_job (CcpWorkspace *self,
         Job          *job)
{
  gboolean was_busy = self->job != NULL;
  Job *previous = self->job;

  self->job = job != NULL ? job_ref (job) : NULL;
  if (previous != NULL)
    _ccp_workspace_job_unref (previous);

  gtk_revealer_set_reveal_child (self->progress_revealer, job != NULL);
  if (job != NULL && self->progress_id == 0)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      self->progress_id = g_timeout_add (PROGRESS_INTERVAL_MS, progress_tick_cb, self);
      progress_tick_cb (self);
    }
  if (job == NULL)
    {
      g_clear_handle_id (&self->progress_id, g_source_remove);
      set_progress_text (self, NULL);
    }

  _ccp_workspace_update_actions (self);
  if (was_busy != (job != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), _ccp_workspace_properties[PROP_BUSY]);
}

/* --- Merging ---------------------------------------------------------------------------------- */

static GPtrArray *
roster_members (CcpFieldPlan *field_plan)
{
  GListModel *roster = G_LIST_MODEL (ccp_field_plan_get_roster (field_plan));
  GPtrArray *members = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (roster); i++)
    {
      g_autoptr(CcpPartner) member = g_list_model_get_item (roster, i);

      g_ptr_array_add (members, ccp_member_city_new (ccp_partner_get_name (member),
                                                     ccp_partner_get_country (member),
                                                     ccp_partner_get_field (member), 0));
    }
  return members;
}

/* Coordinator and deputies of a new field plan: ccplans merge cannot take them, so they are
 * set on the result. */
static void
copy_contacts (CcpFieldPlan *from,
               CcpFieldPlan *to)
{
  CcpContact *source = ccp_field_plan_get_coordinator (from);
  CcpContact *target = ccp_field_plan_get_coordinator (to);
  GListModel *deputies = G_LIST_MODEL (ccp_field_plan_get_deputies (from));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  ccp_contact_set_name (target, ccp_contact_get_name (source));
  ccp_contact_set_city (target, ccp_contact_get_city (source));
  ccp_contact_set_country (target, ccp_contact_get_country (source));
  ccp_contact_set_email (target, ccp_contact_get_email (source));
  for (guint i = 0; i < g_list_model_get_n_items (deputies); i++)
    {
      g_autoptr(CcpContact) deputy = g_list_model_get_item (deputies, i);

      g_ptr_array_add (items, ccp_contact_copy (deputy));
    }
  ccp_item_list_splice (ccp_field_plan_get_deputies (to), 0,
                        g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_deputies (to))),
                        items->pdata, items->len);
}

static void
commit_tables (CcpWorkspace *self,
               Job          *job)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, job->issues);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (self->issues, g_strdup (key), g_ptr_array_ref (value));
  g_hash_table_iter_init (&iter, job->messages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (self->messages, g_strdup (key), g_strdup (value));
  for (guint i = 0; i < job->loaded->len; i++)
    {
      Input *input = g_ptr_array_index (job->loaded, i);

      if (input->file != NULL && !g_hash_table_contains (self->files, input->sha256))
        g_hash_table_insert (self->files, g_strdup (input->sha256), g_object_ref (input->file));
    }
}

static char *
summarize (CcpMerge *merge,
           guint     n_already)
{
  guint accepted = 0, refused = 0, superseded = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < ccp_merge_get_n_inputs (merge); i++)
    {
      const CcpMergeInput *input = ccp_merge_get_input (merge, i);

      if (input->status == CCP_MERGE_INPUT_ACCEPTED || input->status == CCP_MERGE_INPUT_UNPACKED)
        accepted++;
      else if (input->status == CCP_MERGE_INPUT_REFUSED)
        refused++;
      else if (input->status == CCP_MERGE_INPUT_SUPERSEDED)
        superseded++;
    }
  /* Translators: a toast after a merge; more parts may follow */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u plan accepted",
                                             "%u plans accepted", accepted), accepted);
  if (refused > 0)
    {
      g_string_append (text, _(", "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u refused", "%u refused",
                                                 refused), refused);
    }
  if (superseded > 0)
    {
      g_string_append (text, _(", "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u replaced by a newer revision",
                                                 "%u replaced by a newer revision", superseded),
                              superseded);
    }
  if (n_already > 0)
    {
      g_string_append (text, _(", "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u already merged",
                                                 "%u already merged", n_already), n_already);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The tables' rows are all in: the job ends. */
static gboolean
handover_cb (gpointer user_data)
{
  Job *job = user_data;
  CcpWorkspace *self = job->self;

  if (self->job == job && (_ccp_workspace_views_pending (self) ||
                           ccp_source_table_get_pending (self->source_table) ||
                           ccp_activity_table_get_pending (self->activity_table) ||
                           ccp_status_page_get_pending (self->status_page)))
    return G_SOURCE_CONTINUE;
  self->n_pending--;
  if (self->job == job)
    {
      /* All on screen: Cancel can no longer come, what it would have put back goes. */
      g_clear_pointer (&job->restore, _ccp_workspace_restore_free);
      set_job (self, NULL);
      _ccp_workspace_add_toast (self, job->summary);
      _ccp_workspace_show_unloadable (self, job->unloadable);
    }
  return G_SOURCE_REMOVE;
}

/* The merged field plan and its figures are ready: shown, once. The tables' rows come in a
 * chunk per main-loop turn, the page on screen painted first; the job (busy) lasts until they
 * are all in. */
static void
show_result (CcpWorkspace *self,
             Job          *job)
{
  gint64 start = g_get_monotonic_time ();

  job->phase = PHASE_SHOWING;
  progress_tick_cb (self);
  /* Before anything changes: Cancel in this phase puts it back. */
  job->restore = _ccp_workspace_restore_new (self);
  commit_tables (self, job);
  g_ptr_array_unref (self->inputs);
  self->inputs = g_ptr_array_ref (job->candidate);

  _ccp_workspace_set_modified (self, self->modified || job->changed);
  g_clear_pointer (&self->overview, ccp_overview_data_unref);
  self->overview = g_steal_pointer (&job->overview);
  /* The activities table makes the search keys in its own thread once the field plan is
   * shown (a search until then looks at each activity): not waited for here. */
  g_clear_pointer (&self->keys, ccp_search_keys_unref);
  self->staging = TRUE;
  _ccp_workspace_set_current (self, job->result);
  self->staging = FALSE;
  g_debug ("hand-over: the views set in %.1f ms",
           (g_get_monotonic_time () - start) / 1000.0);

  self->n_pending++;
  /* Looks now and then (an idle could wait for ever while frames keep coming). */
  g_timeout_add_full (G_PRIORITY_DEFAULT, 20, handover_cb, job_ref (job),
                      _ccp_workspace_job_unref);
}

/* In a thread: what the overview charts count over every activity of the result (0.04 s for
 * the benchmark's 400 plans). The search keys are not made here: the hand-over does not wait
 * for them (0.3 s). */
static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;

  if (!g_cancellable_is_cancelled (cancellable))
    job->overview = ccp_overview_data_new (job->result);
  /* Missing only at a Cancel. */
  job->stopped = job->overview == NULL;
  g_task_return_boolean (task, TRUE);
}

static void
prepare_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Job *job = user_data;
  CcpWorkspace *self = job->self;

  self->n_pending--;
  if (job->stopped)
    self->n_stopped++;
  /* Cancelled: the previous state was never touched; job_clear drops the result in a thread. */
  if (self->job == job && !g_cancellable_is_cancelled (job->cancellable))
    show_result (self, job);
  _ccp_workspace_job_unref (job);
}

static void
merge_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Job *job = user_data;
  CcpWorkspace *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  job->result = ccp_merge_run_finish (CCP_MERGE (source), result, &error);
  self->n_pending--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    self->n_stopped++;
  /* Cancelled: the previous state was never touched. */
  if (self->job != job || g_cancellable_is_cancelled (job->cancellable))
    {
      g_clear_pointer (&job->merge, _ccp_workspace_unref_in_thread);
      _ccp_workspace_job_unref (job);
      return;
    }

  if (job->result == NULL)
    {
      g_autoptr(GString) body = g_string_new (error->message);

      set_job (self, NULL);
      for (guint i = 0; i < ccp_merge_get_n_inputs (job->merge); i++)
        {
          const CcpMergeInput *input = ccp_merge_get_input (job->merge, i);
          g_autofree char *display = g_path_get_basename (input->file);

          if (input->message != NULL)
            g_string_append_printf (body, "\n%s: %s", display, input->message);
          else if (input->status == CCP_MERGE_INPUT_REFUSED)
            /* Translators: a refused file and the code of the reason, e.g. other-period */
            g_string_append_printf (body, _("\n%s: refused (%s)"), display, input->reason);
        }
      for (guint i = 0; i < job->unloadable->len; i++)
        g_string_append_printf (body, "\n%s", (char *) g_ptr_array_index (job->unloadable, i));
      _ccp_workspace_show_message (self, _("Nothing Could Be Merged"), body->str);
      g_clear_pointer (&job->merge, _ccp_workspace_unref_in_thread);
      _ccp_workspace_job_unref (job);
      return;
    }

  /* What is shown of the merge is taken now: the merge, with what is left of the plans it
   * took (their other parts, the activities it did not keep), is freed at once, in a thread,
   * before the figures are counted and the field plan shown, rather than after. */
  job->summary = summarize (job->merge, job->n_already);
  job->changed = ccp_merge_get_changed (job->merge);
  g_clear_pointer (&job->merge, _ccp_workspace_unref_in_thread);

  if (!self->merge_into)
    copy_contacts (self->base, job->result);
  job->phase = PHASE_PREPARING;
  progress_tick_cb (self);
  task = g_task_new (NULL, job->cancellable, prepare_done_cb, job);
  g_task_set_source_tag (task, merge_done_cb);
  g_task_set_task_data (task, job_ref (job), _ccp_workspace_job_unref);
  g_task_set_check_cancellable (task, FALSE);
  self->n_pending++;
  g_task_run_in_thread (task, prepare_thread);
}

/* Merges the candidate inputs of job with the field plan's details, in a thread: those this
 * job read are given as read, the others as the bytes read again (job->reloaded). */
static void
run_merge (CcpWorkspace *self,
           Job          *job)
{
  g_autoptr(GPtrArray) members = roster_members (self->base);

  job->merge = ccp_merge_new ();
  /* Each job's merge runs once: the bytes read again are let go as each file is parsed. */
  ccp_merge_set_single_run (job->merge, TRUE);
  if (self->merge_into)
    ccp_merge_set_into (job->merge, self->base);
  else
    {
      ccp_merge_set_field (job->merge, ccp_field_plan_get_field (self->base));
      ccp_merge_set_period (job->merge, ccp_field_plan_get_period (self->base));
    }
  ccp_merge_set_roster (job->merge, members);
  if (job->validator != NULL)
    ccp_merge_set_validator (job->merge, job->validator);
  for (guint i = 0; i < job->candidate->len; i++)
    {
      Input *input = g_ptr_array_index (job->candidate, i);
      GPtrArray *issues = g_hash_table_lookup (job->issues, input->sha256);
      GBytes *bytes = job->reloaded != NULL ? g_ptr_array_index (job->reloaded, i) : NULL;

      /* Read and checked by this job: the merge takes the plan (its activities may move into
       * the result) instead of parsing the file again, and needs no bytes. */
      g_autoptr(GObject) document = issues != NULL ? g_steal_pointer (&input->document) : NULL;

      /* The hash is known too: not computed again here, on the main thread. */
      ccp_merge_add_read (job->merge, input->name, document != NULL ? NULL : bytes,
                          input->sha256, document, document != NULL ? issues : NULL);
    }
  /* The merge holds them now, until it has parsed them. */
  g_clear_pointer (&job->reloaded, g_ptr_array_unref);

  self->n_pending++;
  /* Cancel stops the thread too: the merge looks at the cancellable between the files and in
   * its long loops, and merge_done_cb drops what it left. */
  ccp_merge_run_async (job->merge, job->cancellable, merge_done_cb, job_ref (job));
}

static void
reload_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Job *job = user_data;
  CcpWorkspace *self = job->self;

  self->n_pending--;
  /* Cancelled: the previous state was never touched. */
  if (self->job == job && !g_cancellable_is_cancelled (job->cancellable))
    {
      if (job->lost->len == 0)
        run_merge (self, job);
      else
        {
          g_autoptr(GString) body = g_string_new (
            /* Translators: the plans merged before are read again for each merge */
            _("Plans merged before have changed or are gone since, so the plans cannot be "
              "merged again: put the files back as they were, or save the field plan (what was "
              "merged from them is kept in it) and merge into it."));

          set_job (self, NULL);
          g_string_append_c (body, '\n');
          for (guint i = 0; i < job->lost->len; i++)
            g_string_append_printf (body, "\n%s", (char *) g_ptr_array_index (job->lost, i));
          _ccp_workspace_show_message (self, _("Plans Merged Before Are Not at Hand"),
                                       body->str);
        }
    }
  _ccp_workspace_job_unref (job);
}

/* Reads again the files of the inputs merged before, in a thread, then merges. */
static void
start_merge (CcpWorkspace *self,
             Job          *job)
{
  g_autoptr(GTask) task = NULL;
  gboolean any = FALSE;

  job->phase = PHASE_MERGING;
  set_job (self, job);
  progress_tick_cb (self);
  for (guint i = 0; i < job->candidate->len && !any; i++)
    {
      Input *input = g_ptr_array_index (job->candidate, i);

      any = input->document == NULL || !g_hash_table_contains (job->issues, input->sha256);
    }
  if (!any)
    {
      run_merge (self, job);
      return;
    }

  job->reloaded = g_ptr_array_new_full (job->candidate->len, (GDestroyNotify) g_bytes_unref);
  g_ptr_array_set_size (job->reloaded, job->candidate->len);
  job->lost = g_ptr_array_new_with_free_func (g_free);
  task = g_task_new (NULL, job->cancellable, reload_done_cb, job_ref (job));
  g_task_set_source_tag (task, start_merge);
  g_task_set_task_data (task, job_ref (job), _ccp_workspace_job_unref);
  g_task_set_check_cancellable (task, FALSE);
  self->n_pending++;
  g_task_run_in_thread (task, _ccp_workspace_reload_thread);
}

static gboolean
has_input (GPtrArray  *inputs,
           const char *sha256)
{
  for (guint i = 0; i < inputs->len; i++)
    if (g_str_equal (((Input *) g_ptr_array_index (inputs, i))->sha256, sha256))
      return TRUE;
  return FALSE;
}

static gboolean
base_has_source (CcpWorkspace *self,
                 const char   *sha256)
{
  GListModel *sources;

  if (!self->merge_into)
    return FALSE;
  sources = G_LIST_MODEL (ccp_field_plan_get_sources (self->base));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

      if (g_str_equal (ccp_source_get_sha256 (source), sha256))
        return TRUE;
    }
  return FALSE;
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Job *job = user_data;
  CcpWorkspace *self = job->self;
  guint n_new = 0;

  self->n_pending--;
  if (self->job != job || g_cancellable_is_cancelled (job->cancellable))
    {
      _ccp_workspace_job_unref (job);
      return;
    }

  for (guint i = 0; i < self->inputs->len; i++)
    g_ptr_array_add (job->candidate,
                     _ccp_workspace_input_ref (g_ptr_array_index (self->inputs, i)));
  for (guint i = 0; i < job->loaded->len; i++)
    {
      Input *input = g_ptr_array_index (job->loaded, i);

      /* The same bytes again change nothing (the merge would say so too). */
      if (has_input (job->candidate, input->sha256) || base_has_source (self, input->sha256))
        {
          /* Not merged: its plan goes now, not when the job ends. */
          g_clear_pointer (&input->document, _ccp_workspace_unref_in_thread);
          job->n_already++;
          continue;
        }
      g_ptr_array_add (job->candidate, _ccp_workspace_input_ref (input));
      n_new++;
    }

  if (n_new == 0)
    {
      set_job (self, NULL);
      commit_tables (self, job);
      if (job->n_already > 0)
        _ccp_workspace_add_toast (self,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "This plan was already merged: nothing changes",
                                               "These plans were already merged: nothing changes",
                                               job->n_already));
      else if (job->unloadable->len == 0)
        _ccp_workspace_add_toast (self, _("No plan found"));
      _ccp_workspace_show_unloadable (self, job->unloadable);
      _ccp_workspace_job_unref (job);
      return;
    }

  start_merge (self, job);
  _ccp_workspace_job_unref (job);
}

gboolean
ccp_workspace_add_files (CcpWorkspace *self,
                         GListModel   *files)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_val_if_fail (CCP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), FALSE);

  if (self->job != NULL || self->base == NULL || g_list_model_get_n_items (files) == 0)
    return FALSE;

  job = job_new (self);
  /* Made here: the shared vocabularies and registry load once, on the main thread. */
  job->validator = ccp_validator_new ();
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (job->given, g_list_model_get_item (files, i));

  set_job (self, job);
  task = g_task_new (NULL, job->cancellable, read_done_cb, job_ref (job));
  g_task_set_source_tag (task, ccp_workspace_add_files);
  g_task_set_task_data (task, job_ref (job), _ccp_workspace_job_unref);
  g_task_set_check_cancellable (task, FALSE);
  self->n_pending++;
  g_task_run_in_thread (task, _ccp_workspace_read_thread);
  _ccp_workspace_job_unref (job);

  return TRUE;
}

void
ccp_workspace_cancel (CcpWorkspace *self)
{
  Job *job;

  g_return_if_fail (CCP_IS_WORKSPACE (self));

  if (self->job == NULL)
    return;
  job = job_ref (self->job);
  g_cancellable_cancel (job->cancellable);
  set_job (self, NULL);
  /* The merged field plan is being shown: the previous one is shown again, its rows coming
   * in as the merged ones did (handover_cb sees the job is no longer the workspace's). */
  if (job->phase == PHASE_SHOWING && job->restore != NULL)
    _ccp_workspace_restore_apply (self, job->restore);
  _ccp_workspace_job_unref (job);
  _ccp_workspace_add_toast (self, _("Stopped: the field plan is as it was"));
}

/* Runs the merge again with the inputs so far (after the details changed). */
void
_ccp_workspace_remerge (CcpWorkspace *self)
{
  Job *job;

  if (!self->merge_into && self->inputs->len == 0)
    {
      _ccp_workspace_set_current (self, self->base);
      return;
    }
  job = job_new (self);
  for (guint i = 0; i < self->inputs->len; i++)
    g_ptr_array_add (job->candidate,
                     _ccp_workspace_input_ref (g_ptr_array_index (self->inputs, i)));
  start_merge (self, job);
  _ccp_workspace_job_unref (job);
}
