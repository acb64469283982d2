#define G_LOG_DOMAIN "ccp-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-application.h"
#include "ccp-choices.h"
#include "ccp-field-plan-print.h"
#include "ccp-new-field-plan-dialog.h"
#include "ccp-workspace.h"

#define N_CHARTS 5
#define PROGRESS_INTERVAL_MS 100

/* One city plan file given to the merge. */
typedef struct {
  char   *name;     /* as given to ccp_merge_add_bytes() (its basename is recorded) */
  GFile  *file;
  GBytes *bytes;
  char   *sha256;
} Input;

typedef enum {
  PHASE_READING,
  PHASE_MERGING,
} Phase;

/* One run: files read (and checked) in a thread, then merged in another. */
typedef struct {
  CcpWorkspace  *self;
  GCancellable  *cancellable;
  CcpValidator  *validator;
  GPtrArray     *given;        /* GFile */
  Phase          phase;
  int            n_done;       /* atomic */
  int            n_total;      /* atomic */
  /* Filled by the reading thread, read after it returned. */
  GPtrArray     *loaded;       /* Input */
  GPtrArray     *unloadable;   /* char *: "file: why" */
  GHashTable    *issues;       /* SHA-256 -> GPtrArray of CcpIssue */
  GHashTable    *messages;     /* SHA-256 -> reader message */
  /* The merge */
  GPtrArray     *candidate;    /* Input: what the field plan will be made of */
  CcpMerge      *merge;
  guint          n_already;
} Job;

struct _CcpWorkspace
{
  AdwBin              parent_instance;

  CcpFieldPlan       *base;
  gboolean            merge_into;   /* base is merged into (opened or saved), else options */
  CcpFieldPlan       *current;
  GFile              *file;
  GPtrArray          *inputs;       /* Input merged since base */
  GHashTable         *files;        /* SHA-256 -> GFile at hand */
  GHashTable         *issues;       /* SHA-256 -> GPtrArray of CcpIssue */
  GHashTable         *messages;     /* SHA-256 -> reader message */
  Job                *job;
  guint               n_pending;    /* tasks whose callback has not run yet */
  gboolean            modified;
  char               *progress_text;
  guint               progress_id;

  AdwToastOverlay    *toast_overlay;
  GtkRevealer        *progress_revealer;
  GtkProgressBar     *progress_bar;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkStack           *main_stack;
  AdwViewStack       *view_stack;
  AdwViewStackPage   *report_page;
  GtkBox             *charts_box;
  CcpSourceTable     *source_table;
  CcpActivityTable   *activity_table;
  CcpMergeReportView *report_view;
  CcpOverviewChart   *charts[N_CHARTS];
};

G_DEFINE_FINAL_TYPE (CcpWorkspace, ccp_workspace, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FIELD_PLAN,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_BUSY,
  PROP_PROGRESS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_OPEN_FILE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_actions (CcpWorkspace *self);

/* --- Inputs and jobs ------------------------------------------------------------------------ */

static void
input_clear (Input *input)
{
  g_free (input->name);
  g_clear_object (&input->file);
  g_clear_pointer (&input->bytes, g_bytes_unref);
  g_free (input->sha256);
}

static Input *
input_ref (Input *input)
{
  return g_atomic_rc_box_acquire (input);
}

static void
input_unref (gpointer input)
{
  g_atomic_rc_box_release_full (input, (GDestroyNotify) input_clear);
}

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
  g_clear_object (&job->merge);
}

static Job *
job_ref (Job *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
job_unref (gpointer job)
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
  job->loaded = g_ptr_array_new_with_free_func (input_unref);
  job->unloadable = g_ptr_array_new_with_free_func (g_free);
  job->issues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  job->messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job->candidate = g_ptr_array_new_with_free_func (input_unref);

  return job;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *pa = g_file_get_path (*(GFile **) a);
  g_autofree char *pb = g_file_get_path (*(GFile **) b);

  return g_strcmp0 (pa, pb);
}

/* The .xml files of a folder (not its subfolders), in name order. */
static void
list_folder (GFile        *folder,
             GPtrArray    *files,
             GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;
  GFile *child;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (enumerator == NULL)
    return;
  while (g_file_enumerator_iterate (enumerator, &info, &child, cancellable, NULL) &&
         info != NULL)
    if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
        g_str_has_suffix (g_file_info_get_name (info), ".xml"))
      g_ptr_array_add (found, g_object_ref (child));
  g_ptr_array_sort (found, compare_files);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (files, g_object_ref (g_ptr_array_index (found, i)));
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

/* In a thread: reads each file, and checks each plan as `ccplans validate` does, so that a
 * source's issues are at hand and progress goes plan by plan. */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < job->given->len; i++)
    {
      GFile *file = g_ptr_array_index (job->given, i);

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) ==
          G_FILE_TYPE_DIRECTORY)
        list_folder (file, files, cancellable);
      else
        g_ptr_array_add (files, g_object_ref (file));
    }
  g_atomic_int_set (&job->n_total, (int) files->len);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GObject) document = NULL;
      g_autoptr(GPtrArray) issues = NULL;
      g_autoptr(CcpLocations) locations = NULL;
      g_autofree char *display = file_display_name (file);
      Input *input;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      bytes = ccp_file_load (file, CCP_FILE_MAX_SIZE, cancellable, &error);
      if (bytes == NULL)
        {
          /* Translators: a file that could not be read, and why */
          g_ptr_array_add (job->unloadable, g_strdup_printf (_("%s: %s"), display,
                                                             error->message));
          g_atomic_int_inc (&job->n_done);
          continue;
        }

      input = g_atomic_rc_box_new0 (Input);
      input->file = g_object_ref (file);
      input->name = g_file_get_path (file);
      if (input->name == NULL)
        input->name = g_file_get_basename (file);
      input->bytes = g_bytes_ref (bytes);
      input->sha256 = ccp_bytes_sha256 (bytes);
      g_ptr_array_add (job->loaded, input);

      document = ccp_reader_read_bytes (bytes, display, &issues, &locations, &error);
      if (document == NULL)
        g_hash_table_replace (job->messages, g_strdup (input->sha256),
                              g_strdup (error->message));
      else
        {
          if (issues == NULL)
            issues = g_ptr_array_new_with_free_func (g_object_unref);
          if (CCP_IS_PLAN (document))
            {
              g_autoptr(GPtrArray) found = ccp_validator_check_plan (job->validator,
                                                                     CCP_PLAN (document));

              if (locations != NULL)
                ccp_locations_apply (locations, found);
              for (guint j = 0; j < found->len; j++)
                g_ptr_array_add (issues, g_object_ref (g_ptr_array_index (found, j)));
            }
          ccp_issues_sort (issues);
          g_hash_table_replace (job->issues, g_strdup (input->sha256),
                                g_steal_pointer (&issues));
        }
      g_atomic_int_inc (&job->n_done);
    }

  g_task_return_boolean (task, TRUE);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS_TEXT]);
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
  else
    {
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
    job_unref (previous);

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

  update_actions (self);
  if (was_busy != (job != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* --- Showing the field plan ------------------------------------------------------------------ */

static void
update_header (CcpWorkspace *self)
{
  g_autofree char *field = NULL;
  g_autofree char *period_isolated = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  CcpContact *coordinator;
  guint n_sources = 0, n_accepted = 0, n_activities;
  GListModel *sources;

  if (self->current == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->subtitle_label, "");
      return;
    }

  field = ccp_choices_get_label ("field", ccp_field_plan_get_field (self->current));
  period_isolated = g_strconcat ("\u2066", ccp_field_plan_get_period (self->current), "\u2069",
                                 NULL);
  /* Translators: heading of the workspace: creative field and period, e.g. "Music, 2027-H1" */
  /* The period code reads left to right in every language: isolate it (U+2066 ... U+2069)
   * so that a right-to-left heading does not show "H1-2027". */
  title = g_strdup_printf (_("%s, %s"), field, period_isolated);
  gtk_label_set_text (self->title_label, title);

  coordinator = ccp_field_plan_get_coordinator (self->current);
  if (*ccp_contact_get_name (coordinator) != '\0')
    {
      /* Translators: the coordinator's name in the workspace's heading */
      g_string_append_printf (subtitle, _("Coordinator: %s"), ccp_contact_get_name (coordinator));
      g_string_append (subtitle, " · ");
    }
  sources = G_LIST_MODEL (ccp_field_plan_get_sources (self->current));
  n_sources = g_list_model_get_n_items (sources);
  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

      if (ccp_source_get_status (source) == CCP_SOURCE_STATUS_ACCEPTED)
        n_accepted++;
    }
  n_activities = g_list_model_get_n_items (
    G_LIST_MODEL (ccp_field_plan_get_activities (self->current)));
  g_string_append_printf (subtitle,
                          g_dngettext (GETTEXT_PACKAGE, "%u city plan accepted",
                                       "%u city plans accepted", n_accepted), n_accepted);
  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle,
                          g_dngettext (GETTEXT_PACKAGE, "%u activity", "%u activities",
                                       n_activities), n_activities);
  if (self->modified)
    {
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, _("not saved"));
    }
  gtk_label_set_text (self->subtitle_label, subtitle->str);
}

static void
update_views (CcpWorkspace *self)
{
  GListModel *report;
  guint n_report = 0;

  ccp_source_table_set_field_plan (self->source_table, self->current, self->issues,
                                   self->messages);
  ccp_activity_table_set_field_plan (self->activity_table, self->current);
  ccp_merge_report_view_set_field_plan (self->report_view, self->current, self->messages);
  for (guint i = 0; i < N_CHARTS; i++)
    ccp_overview_chart_set_field_plan (self->charts[i], self->current);

  if (self->current != NULL)
    {
      report = G_LIST_MODEL (ccp_field_plan_get_report (self->current));
      for (guint i = 0; i < g_list_model_get_n_items (report); i++)
        {
          g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);
          const char *kind = ccp_report_item_get_kind (item);

          if (g_str_equal (kind, "refused") || g_str_equal (kind, "superseded") ||
              g_str_equal (kind, "possible-duplicate") || g_str_equal (kind, "joint-difference"))
            n_report++;
        }
    }
  adw_view_stack_page_set_badge_number (self->report_page, n_report);
  adw_view_stack_page_set_needs_attention (self->report_page, n_report > 0);

  gtk_stack_set_visible_child_name (self->main_stack,
                                    self->current != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (
                                      ccp_field_plan_get_sources (self->current))) > 0
                                    ? "content" : "empty");
  update_header (self);
}

static void
set_modified (CcpWorkspace *self,
              gboolean      modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
set_current (CcpWorkspace *self,
             CcpFieldPlan *field_plan)
{
  gboolean changed = g_set_object (&self->current, field_plan);

  update_views (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_PLAN]);
}

static void
add_toast (CcpWorkspace *self,
           const char   *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWindow *
parent_window (CcpWorkspace *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_message (CcpWorkspace *self,
              const char   *heading,
              const char   *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_unloadable (CcpWorkspace *self,
                 GPtrArray    *unloadable)
{
  g_autofree char *body = NULL;

  if (unloadable->len == 0)
    return;
  g_ptr_array_add (unloadable, NULL);
  body = g_strjoinv ("\n", (char **) unloadable->pdata);
  g_ptr_array_set_size (unloadable, unloadable->len - 1);
  show_message (self,
                g_dngettext (GETTEXT_PACKAGE, "A File Could Not Be Read",
                             "Some Files Could Not Be Read", unloadable->len),
                body);
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
  g_list_store_splice (ccp_field_plan_get_deputies (to), 0,
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

static void
merge_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Job *job = user_data;
  CcpWorkspace *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpFieldPlan) field_plan = ccp_merge_run_finish (CCP_MERGE (source), result, &error);
  g_autofree char *summary = NULL;

  self->n_pending--;
  /* Cancelled: the previous state was never touched. */
  if (self->job != job || g_cancellable_is_cancelled (job->cancellable))
    {
      job_unref (job);
      return;
    }
  set_job (self, NULL);

  if (field_plan == NULL)
    {
      g_autoptr(GString) body = g_string_new (error->message);

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
      show_message (self, _("Nothing Could Be Merged"), body->str);
      job_unref (job);
      return;
    }

  commit_tables (self, job);
  g_ptr_array_unref (self->inputs);
  self->inputs = g_ptr_array_ref (job->candidate);
  if (!self->merge_into)
    copy_contacts (self->base, field_plan);

  summary = summarize (job->merge, job->n_already);
  set_modified (self, self->modified || ccp_merge_get_changed (job->merge));
  set_current (self, field_plan);
  add_toast (self, summary);
  show_unloadable (self, job->unloadable);
  job_unref (job);
}

/* Merges the candidate inputs of job with the field plan's details, in a thread. */
static void
start_merge (CcpWorkspace *self,
             Job          *job)
{
  g_autoptr(GPtrArray) members = roster_members (self->base);

  job->phase = PHASE_MERGING;
  job->merge = ccp_merge_new ();
  if (self->merge_into)
    ccp_merge_set_into (job->merge, self->base);
  else
    {
      ccp_merge_set_field (job->merge, ccp_field_plan_get_field (self->base));
      ccp_merge_set_period (job->merge, ccp_field_plan_get_period (self->base));
    }
  ccp_merge_set_roster (job->merge, members);
  for (guint i = 0; i < job->candidate->len; i++)
    {
      Input *input = g_ptr_array_index (job->candidate, i);

      ccp_merge_add_bytes (job->merge, input->name, input->bytes);
    }

  set_job (self, job);
  progress_tick_cb (self);
  self->n_pending++;
  ccp_merge_run_async (job->merge, job->cancellable, merge_done_cb, job_ref (job));
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
      job_unref (job);
      return;
    }

  for (guint i = 0; i < self->inputs->len; i++)
    g_ptr_array_add (job->candidate, input_ref (g_ptr_array_index (self->inputs, i)));
  for (guint i = 0; i < job->loaded->len; i++)
    {
      Input *input = g_ptr_array_index (job->loaded, i);

      /* The same bytes again change nothing (the merge would say so too). */
      if (has_input (job->candidate, input->sha256) || base_has_source (self, input->sha256))
        {
          job->n_already++;
          continue;
        }
      g_ptr_array_add (job->candidate, input_ref (input));
      n_new++;
    }

  if (n_new == 0)
    {
      set_job (self, NULL);
      commit_tables (self, job);
      if (job->n_already > 0)
        add_toast (self, g_dngettext (GETTEXT_PACKAGE,
                                      "This plan was already merged: nothing changes",
                                      "These plans were already merged: nothing changes",
                                      job->n_already));
      else if (job->unloadable->len == 0)
        add_toast (self, _("No plan found"));
      show_unloadable (self, job->unloadable);
      job_unref (job);
      return;
    }

  start_merge (self, job);
  job_unref (job);
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
  g_task_set_task_data (task, job_ref (job), job_unref);
  g_task_set_check_cancellable (task, FALSE);
  self->n_pending++;
  g_task_run_in_thread (task, read_thread);
  job_unref (job);

  return TRUE;
}

void
ccp_workspace_cancel (CcpWorkspace *self)
{
  g_return_if_fail (CCP_IS_WORKSPACE (self));

  if (self->job == NULL)
    return;
  g_cancellable_cancel (self->job->cancellable);
  set_job (self, NULL);
  add_toast (self, _("Stopped: the field plan is as it was"));
}

/* Runs the merge again with the inputs so far (after the details changed). */
static void
remerge (CcpWorkspace *self)
{
  Job *job;

  if (!self->merge_into && self->inputs->len == 0)
    {
      set_current (self, self->base);
      return;
    }
  job = job_new (self);
  for (guint i = 0; i < self->inputs->len; i++)
    g_ptr_array_add (job->candidate, input_ref (g_ptr_array_index (self->inputs, i)));
  start_merge (self, job);
  job_unref (job);
}

/* --- Documents -------------------------------------------------------------------------------- */

static void
reset (CcpWorkspace *self,
       CcpFieldPlan *field_plan,
       gboolean      merge_into,
       GFile        *file)
{
  ccp_workspace_cancel (self);
  g_set_object (&self->base, field_plan);
  self->merge_into = merge_into;
  g_ptr_array_set_size (self->inputs, 0);
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  set_modified (self, FALSE);
  set_current (self, field_plan);
  update_actions (self);
}

void
ccp_workspace_set_new_field_plan (CcpWorkspace *self,
                                  CcpFieldPlan *field_plan)
{
  g_return_if_fail (CCP_IS_WORKSPACE (self));
  g_return_if_fail (CCP_IS_FIELD_PLAN (field_plan));

  reset (self, field_plan, FALSE, NULL);
  set_modified (self, TRUE);
}

void
ccp_workspace_set_field_plan (CcpWorkspace *self,
                              CcpFieldPlan *field_plan,
                              GFile        *file)
{
  g_return_if_fail (CCP_IS_WORKSPACE (self));
  g_return_if_fail (CCP_IS_FIELD_PLAN (field_plan));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  reset (self, field_plan, TRUE, file);
}

gboolean
ccp_workspace_save_to_file (CcpWorkspace *self,
                            GFile        *file,
                            GError      **error)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (CCP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->current != NULL, FALSE);

  if (!ccp_writer_save (G_OBJECT (self->current), file, TRUE, NULL, error))
    return FALSE;

  /* What is saved is what further plans are merged into. */
  g_set_object (&self->base, self->current);
  self->merge_into = TRUE;
  g_ptr_array_set_size (self->inputs, 0);
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  set_modified (self, FALSE);
  update_header (self);

  name = file_display_name (file);
  /* Translators: a toast; %s is a file name */
  message = g_strdup_printf (_("Saved as %s"), name);
  add_toast (self, message);
  return TRUE;
}

gboolean
ccp_workspace_export_to_file (CcpWorkspace     *self,
                              CcpExportFormat   format,
                              GFile            *file,
                              GError          **error)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->current != NULL, FALSE);

  return ccp_export_save (G_OBJECT (self->current), format, file, NULL, error);
}

gboolean
ccp_workspace_print (CcpWorkspace *self,
                     GFile        *pdf_file,
                     GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (CCP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (self->current != NULL, FALSE);

  operation = ccp_field_plan_print_operation_new (self->current);
  if (pdf_file != NULL)
    {
      g_autofree char *path = g_file_get_path (pdf_file);

      gtk_print_operation_set_export_filename (operation, path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                        parent_window (self), error);
    }
  else
    result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                      parent_window (self), error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* --- Details ----------------------------------------------------------------------------------- */

static void
details_done_cb (CcpNewFieldPlanDialog *dialog,
                 CcpWorkspace          *self)
{
  if (self->base == NULL || self->job != NULL)
    return;
  ccp_new_field_plan_dialog_apply (dialog, self->base);
  set_modified (self, TRUE);
  remerge (self);
}

GtkWindow *
ccp_workspace_show_details (CcpWorkspace *self)
{
  CcpNewFieldPlanDialog *dialog;

  g_return_val_if_fail (CCP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (self->base != NULL, NULL);

  dialog = ccp_new_field_plan_dialog_new (parent_window (self));
  ccp_new_field_plan_dialog_set_field_plan (dialog, self->base,
                                            self->merge_into || self->inputs->len > 0);
  g_signal_connect_object (dialog, "done", G_CALLBACK (details_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/* --- Actions ----------------------------------------------------------------------------------- */

static void
add_files_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       CcpWorkspace    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      ccp_workspace_add_files (self, files);
    }
  g_object_unref (dialog);
}

static void
add_files_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CcpWorkspace *self = CCP_WORKSPACE (widget);
  gboolean folder = g_str_equal (action_name, "workspace.add-folder");
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (folder ? _("Add a Folder of City Plans")
                                               : _("Add City Plans"),
                                        parent_window (self),
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                               : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  if (!folder)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), ccp_application_new_plan_filter ());
  g_signal_connect (dialog, "response", G_CALLBACK (add_files_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
details_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ccp_workspace_show_details (CCP_WORKSPACE (widget));
}

static void
save_reporting_errors (CcpWorkspace *self,
                       GFile        *file)
{
  g_autoptr(GError) error = NULL;

  if (!ccp_workspace_save_to_file (self, file, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      /* Translators: heading of the message when saving fails; %s is the file */
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      show_message (self, heading, error->message);
    }
}

static char *
suggest_name (CcpWorkspace *self,
              const char   *suffix)
{
  g_autofree char *name = g_strdup_printf ("%s-%s-field-plan.%s",
                                           ccp_field_plan_get_field (self->current),
                                           ccp_field_plan_get_period (self->current), suffix);

  return g_ascii_strdown (name, -1);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     CcpWorkspace    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        save_reporting_errors (self, file);
    }
  g_object_unref (dialog);
}

static void
save_as (CcpWorkspace *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = suggest_name (self, "xml");

  dialog = gtk_file_chooser_native_new (_("Save Field Plan"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), ccp_application_new_plan_filter ());
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->file, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CcpWorkspace *self = CCP_WORKSPACE (widget);

  if (self->file != NULL && !g_str_equal (action_name, "workspace.save-as"))
    save_reporting_errors (self, self->file);
  else
    save_as (self);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    CcpWorkspace    *self)
{
  CcpExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !ccp_workspace_export_to_file (self, format, file, &error))
        {
          g_autofree char *name = g_file_get_parse_name (file);
          /* Translators: heading of the message when an export fails; %s is the file */
          g_autofree char *heading = g_strdup_printf (_("Could Not Export to “%s”"), name);

          show_message (self, heading, error->message);
        }
      else if (file != NULL)
        {
          g_autofree char *name = file_display_name (file);
          /* Translators: a toast; %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Exported to %s"), name);

          add_toast (self, message);
        }
    }
  g_object_unref (dialog);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CcpWorkspace *self = CCP_WORKSPACE (widget);
  const char *suffix = g_variant_get_string (parameter, NULL);
  CcpExportFormat format;
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (!ccp_export_format_from_string (suffix, &format))
    return;
  name = suggest_name (self, suffix);
  dialog = gtk_file_chooser_native_new (format == CCP_EXPORT_FORMAT_CSV
                                        ? _("Export as CSV") : _("Export as HTML"),
                                        parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "format", GINT_TO_POINTER (format));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CcpWorkspace *self = CCP_WORKSPACE (widget);
  g_autoptr(GError) error = NULL;

  if (!ccp_workspace_print (self, NULL, &error))
    show_message (self, _("Could Not Print"), error->message);
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ccp_workspace_cancel (CCP_WORKSPACE (widget));
}

static void
update_actions (CcpWorkspace *self)
{
  gboolean idle = self->job == NULL;
  gboolean has_plan = self->current != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.add-files",
                                 idle && self->base != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.add-folder",
                                 idle && self->base != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.details",
                                 idle && self->base != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.save", idle && has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.save-as", idle && has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.export", idle && has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.print", idle && has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.cancel", !idle);
}

/* --- Drag and drop, opening a source ------------------------------------------------------------ */

gboolean
ccp_workspace_drop_files (CcpWorkspace *self,
                          GdkFileList  *file_list)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  GSList *list;

  g_return_val_if_fail (CCP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (file_list != NULL, FALSE);

  list = gdk_file_list_get_files (file_list);
  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  g_slist_free (list);

  return ccp_workspace_add_files (self, G_LIST_MODEL (files));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CcpWorkspace  *self)
{
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  return ccp_workspace_drop_files (self, g_value_get_boxed (value));
}

GFile *
ccp_workspace_lookup_file (CcpWorkspace *self,
                           const char   *sha256)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), NULL);

  return sha256 != NULL ? g_hash_table_lookup (self->files, sha256) : NULL;
}

static GFile *
attribution_file (CcpAttribution *attribution,
                  gpointer        user_data)
{
  CcpWorkspace *self = user_data;
  GListModel *sources;

  if (self->current == NULL)
    return NULL;
  sources = G_LIST_MODEL (ccp_field_plan_get_sources (self->current));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);
      GFile *file;

      if (ccp_source_get_status (source) != CCP_SOURCE_STATUS_ACCEPTED ||
          !g_str_equal (ccp_source_get_plan_id (source),
                        ccp_attribution_get_plan_id (attribution)) ||
          !g_str_equal (ccp_source_get_city (source), ccp_attribution_get_city (attribution)))
        continue;
      file = ccp_workspace_lookup_file (self, ccp_source_get_sha256 (source));
      if (file != NULL)
        return g_object_ref (file);
    }
  return NULL;
}

static void
activity_open_file_cb (CcpActivityTable *table,
                       GFile            *file,
                       CcpWorkspace     *self)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_FILE], 0, file);
}

static void
ccp_workspace_real_open_file (CcpWorkspace *self,
                              GFile        *file)
{
  GtkWindow *window = parent_window (self);
  GtkApplication *application = window != NULL ? gtk_window_get_application (window) : NULL;

  if (CCP_IS_APPLICATION (application))
    ccp_application_open_file (CCP_APPLICATION (application), file, NULL);
}

/* --- GObject ------------------------------------------------------------------------------------ */

static void
ccp_workspace_dispose (GObject *object)
{
  CcpWorkspace *self = CCP_WORKSPACE (object);

  if (self->job != NULL)
    {
      g_cancellable_cancel (self->job->cancellable);
      g_clear_pointer (&self->job, job_unref);
    }
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->base);
  g_clear_object (&self->current);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (ccp_workspace_parent_class)->dispose (object);
}

static void
ccp_workspace_finalize (GObject *object)
{
  CcpWorkspace *self = CCP_WORKSPACE (object);

  g_ptr_array_unref (self->inputs);
  g_hash_table_unref (self->files);
  g_hash_table_unref (self->issues);
  g_hash_table_unref (self->messages);
  g_free (self->progress_text);

  G_OBJECT_CLASS (ccp_workspace_parent_class)->finalize (object);
}

static void
ccp_workspace_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CcpWorkspace *self = CCP_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_FIELD_PLAN:
      g_value_set_object (value, self->current);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->job != NULL);
      break;
    case PROP_PROGRESS_TEXT:
      g_value_set_string (value, self->progress_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_workspace_class_init (CcpWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ccp_workspace_dispose;
  object_class->finalize = ccp_workspace_finalize;
  object_class->get_property = ccp_workspace_get_property;

  properties[PROP_FIELD_PLAN] =
    g_param_spec_object ("field-plan", NULL, NULL, CCP_TYPE_FIELD_PLAN,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS_TEXT] =
    g_param_spec_string ("progress-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_OPEN_FILE] =
    g_signal_new_class_handler ("open-file", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (ccp_workspace_real_open_file), NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_FILE);

  g_type_ensure (CCP_TYPE_SOURCE_TABLE);
  g_type_ensure (CCP_TYPE_ACTIVITY_TABLE);
  g_type_ensure (CCP_TYPE_MERGE_REPORT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/creativecities/Plans/ccp-workspace.ui");
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, title_label);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, report_page);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, charts_box);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, source_table);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, activity_table);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, report_view);
  gtk_widget_class_bind_template_callback (widget_class, activity_open_file_cb);

  gtk_widget_class_install_action (widget_class, "workspace.add-files", NULL,
                                   add_files_action_cb);
  gtk_widget_class_install_action (widget_class, "workspace.add-folder", NULL,
                                   add_files_action_cb);
  gtk_widget_class_install_action (widget_class, "workspace.details", NULL, details_action_cb);
  gtk_widget_class_install_action (widget_class, "workspace.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "workspace.save-as", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "workspace.export", "s", export_action_cb);
  gtk_widget_class_install_action (widget_class, "workspace.print", NULL, print_action_cb);
  gtk_widget_class_install_action (widget_class, "workspace.cancel", NULL, cancel_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "workspace.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "workspace.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "workspace.cancel", NULL);
}

static void
ccp_workspace_init (CcpWorkspace *self)
{
  static const CcpOverviewChartKind kinds[N_CHARTS] = {
    CCP_OVERVIEW_CHART_OBJECTIVES, CCP_OVERVIEW_CHART_AREAS, CCP_OVERVIEW_CHART_SDGS,
    CCP_OVERVIEW_CHART_TIMELINE, CCP_OVERVIEW_CHART_BUDGET,
  };
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->inputs = g_ptr_array_new_with_free_func (input_unref);
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->issues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < N_CHARTS; i++)
    {
      GtkWidget *heading;

      self->charts[i] = CCP_OVERVIEW_CHART (ccp_overview_chart_new (kinds[i]));
      heading = gtk_label_new (ccp_overview_chart_get_title (self->charts[i]));
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_top (heading, i > 0 ? 18 : 0);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->charts[i]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
      gtk_box_append (self->charts_box, heading);
      gtk_box_append (self->charts_box, GTK_WIDGET (self->charts[i]));
    }

  ccp_activity_table_set_file_func (self->activity_table, attribution_file, self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  update_actions (self);
  update_views (self);
}

GtkWidget *
ccp_workspace_new (void)
{
  return g_object_new (CCP_TYPE_WORKSPACE, NULL);
}

CcpFieldPlan *
ccp_workspace_get_field_plan (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), NULL);

  return self->current;
}

GFile *
ccp_workspace_get_file (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), NULL);

  return self->file;
}

gboolean
ccp_workspace_get_modified (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), FALSE);

  return self->modified;
}

gboolean
ccp_workspace_get_busy (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), FALSE);

  return self->job != NULL;
}

const char *
ccp_workspace_get_progress_text (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), NULL);

  return self->progress_text;
}

guint
ccp_workspace_get_n_pending (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), 0);

  return self->n_pending;
}

CcpSourceTable *
ccp_workspace_get_source_table (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), NULL);

  return self->source_table;
}

CcpActivityTable *
ccp_workspace_get_activity_table (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), NULL);

  return self->activity_table;
}

CcpMergeReportView *
ccp_workspace_get_report_view (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), NULL);

  return self->report_view;
}

CcpOverviewChart *
ccp_workspace_get_chart (CcpWorkspace         *self,
                         CcpOverviewChartKind  kind)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), NULL);

  for (guint i = 0; i < N_CHARTS; i++)
    if (ccp_overview_chart_get_kind (self->charts[i]) == kind)
      return self->charts[i];
  return NULL;
}
