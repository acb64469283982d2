#define G_LOG_DOMAIN "ccp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-application.h"
#include "ccp-field-plan-view.h"
#include "ccp-plan-tools.h"
#include "ccp-recovery.h"
#include "ccp-validation-panel.h"
#include "ccp-window.h"

#define DEFAULT_RECOVERY_DELAY_MS 3000
#define MAX_RECENT 6
/* A file read this fast shows no spinner: an animation would only slow it down. */
#define SPINNER_DELAY_MS 500
/* How long a document read waits for the window's first frame (see file_read_cb). */
#define FIRST_FRAME_WAIT_MS 1000

struct _CcpWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GFile                *file;
  GObject              *document;
  GCancellable         *cancellable;
  char                 *recovery_key;
  char                 *status_text;
  gulong                changed_id;
  guint                 recovery_id;
  guint                 recovery_delay;
  gboolean              modified;
  gboolean              loading;
  gboolean              has_saved_revision;
  gboolean              close_confirmed;
  gboolean              close_after_save;
  gboolean              setting_document; /* workspace notifications are not user changes */
  gboolean              workspace_watched;
  guint                 build_editor_id;  /* builds the plan editor after the first frame */
  guint                 spinner_id;       /* starts the spinner of a long read */
  gboolean              recent_stale;     /* recent files changed while the start page was hidden */
  gboolean              painted;          /* the window has shown its first frame */
  GTask                *pending_read;     /* a read done before that frame */
  guint                 pending_read_id;
  gulong                after_paint_id;
  GtkNativeDialog      *save_dialog;      /* the pending Save As chooser */
  char                 *last_toast;
  /* External changes: the SHA-256 of the bytes last read from or written to file (NULL when
   * unknown); a monitor on file compares the disk against it, so our own saves are ignored. */
  char                 *disk_hash;
  GFileMonitor         *monitor;
  guint                 check_disk_id;
  GCancellable         *check_cancellable;
  AdwMessageDialog     *external_dialog;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  GtkToggleButton      *status_button;
  GtkImage             *status_icon;
  GtkLabel             *status_label;
  AdwFlap              *flap;
  CcpValidationPanel   *validation_panel;
  GtkStack             *main_stack;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  GtkSpinner           *spinner;
  GtkLabel             *loading_label;
  CcpPlanEditor        *plan_editor;
  CcpFieldPlanView     *field_plan_view;
};

G_DEFINE_FINAL_TYPE (CcpWindow, ccp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FILE,
  PROP_DOCUMENT,
  PROP_MODIFIED,
  PROP_RECOVERY_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save_as (CcpWindow *self);
static gboolean close_later_cb (gpointer user_data);
static void watch_file (CcpWindow *self);
static void fill_recent (CcpWindow *self);
static CcpPlanEditor *editor_of (CcpWindow *self);

void
ccp_window_add_toast (CcpWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (CCP_IS_WINDOW (self));

  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
ccp_window_get_last_toast (CcpWindow *self)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), NULL);

  return self->last_toast;
}

static char *
get_display_name (CcpWindow *self)
{
  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      return g_filename_display_name (basename);
    }
  if (CCP_IS_PLAN (self->document))
    /* Translators: title of the window of a plan that has never been saved */
    return g_strdup (_("New City Plan"));
  if (CCP_IS_FIELD_PLAN (self->document))
    /* Translators: title of the window of a field plan that has never been saved */
    return g_strdup (_("New Field Plan"));
  return g_strdup (_("Creative Cities Plans"));
}

static void
update_title (CcpWindow *self)
{
  g_autofree char *name = get_display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Creative Cities Plans"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Creative Cities Plans"));
      return;
    }

  /* Translators: window title of a document with unsaved changes; %s is the file name */
  title = self->modified ? g_strdup_printf (_("• %s"), name) : g_strdup (name);

  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);

      subtitle = parent ? g_file_get_parse_name (parent) : NULL;
    }
  else
    subtitle = g_strdup (_("Not saved yet"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_actions (CcpWindow *self)
{
  gboolean is_plan = CCP_IS_PLAN (self->document);
  guint errors = self->plan_editor ? ccp_plan_editor_get_n_errors (self->plan_editor) : 0;
  CcpPlanStatus status = is_plan ? ccp_plan_get_status (CCP_PLAN (self->document))
                                 : CCP_PLAN_STATUS_DRAFT;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", is_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", is_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-final",
                                 is_plan && errors == 0 && status == CCP_PLAN_STATUS_DRAFT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-draft",
                                 is_plan && status == CCP_PLAN_STATUS_FINAL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 is_plan && self->plan_editor != NULL &&
                                 ccp_plan_editor_get_can_undo (self->plan_editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-problems", is_plan);
}

static void
update_status (CcpWindow *self)
{
  CcpPlanEditor *editor = self->plan_editor;
  guint errors = editor ? ccp_plan_editor_get_n_errors (editor) : 0;
  guint warnings = editor ? ccp_plan_editor_get_n_warnings (editor) : 0;
  int percent = (int) ((editor ? ccp_plan_editor_get_completeness (editor) : 0.0) * 100.0 + 0.5);
  g_autofree char *errors_text = NULL;
  g_autofree char *warnings_text = NULL;
  g_autofree char *complete_text = NULL;

  errors_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors),
                                 errors);
  warnings_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                warnings), warnings);
  /* Translators: how much of the plan is filled in, e.g. "80% complete" */
  complete_text = g_strdup_printf (_("%d%% complete"), percent);

  g_free (self->status_text);
  /* Translators: the status in the header bar: errors · warnings · completeness */
  self->status_text = g_strdup_printf (_("%s · %s · %s"), errors_text, warnings_text,
                                       complete_text);
  gtk_label_set_text (self->status_label, self->status_text);
  gtk_image_set_from_icon_name (self->status_icon,
                                errors > 0 ? "dialog-error-symbolic"
                                : warnings > 0 ? "dialog-warning-symbolic"
                                : "emblem-ok-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_button), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_button), "warning");
  if (errors > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_button), "error");
  else if (warnings > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_button), "warning");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->status_text,
                                  -1);
  update_actions (self);
}

static void
editor_summary_notify_cb (GObject    *editor,
                          GParamSpec *pspec,
                          CcpWindow  *self)
{
  update_status (self);
}

static void
issues_changed_cb (CcpPlanEditor *editor,
                   CcpWindow     *self)
{
  g_autoptr(GPtrArray) issues = ccp_plan_editor_get_issues (editor);

  ccp_validation_panel_set_issues (self->validation_panel, ccp_plan_editor_get_plan (editor),
                                   issues);
}

static void
issue_activated_cb (CcpValidationPanel *panel,
                    CcpIssue           *issue,
                    CcpWindow          *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  ccp_plan_editor_focus_path (editor_of (self), ccp_issue_get_path (issue));
}

static void plan_status_notify_cb (GObject    *editor,
                                   GParamSpec *pspec,
                                   CcpWindow  *self);

/* The plan editor is built on first use, or in an idle after the window's first frame: the
 * window shows sooner, and a plan read in a thread does not wait for the editor either. */
static CcpPlanEditor *
editor_of (CcpWindow *self)
{
  if (self->plan_editor != NULL)
    return self->plan_editor;

  g_clear_handle_id (&self->build_editor_id, g_source_remove);
  self->plan_editor = CCP_PLAN_EDITOR (ccp_plan_editor_new ());
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->plan_editor), "editor");
  g_signal_connect (self->plan_editor, "issues-changed", G_CALLBACK (issues_changed_cb), self);
  g_signal_connect (self->plan_editor, "notify::n-errors",
                    G_CALLBACK (editor_summary_notify_cb), self);
  g_signal_connect (self->plan_editor, "notify::n-warnings",
                    G_CALLBACK (editor_summary_notify_cb), self);
  g_signal_connect (self->plan_editor, "notify::completeness",
                    G_CALLBACK (editor_summary_notify_cb), self);
  g_signal_connect (self->plan_editor, "notify::can-undo",
                    G_CALLBACK (plan_status_notify_cb), self);
  g_signal_connect_swapped (self->plan_editor, "issues-changed",
                            G_CALLBACK (update_actions), self);

  return self->plan_editor;
}

static gboolean
build_editor_cb (gpointer user_data)
{
  CcpWindow *self = user_data;

  self->build_editor_id = 0;
  editor_of (self);

  return G_SOURCE_REMOVE;
}

static gboolean handle_pending_read_cb (gpointer user_data);

static void
first_paint_cb (GdkFrameClock *frame_clock,
                CcpWindow     *self)
{
  g_clear_signal_handler (&self->after_paint_id, frame_clock);
  self->painted = TRUE;
  if (self->pending_read != NULL)
    {
      g_clear_handle_id (&self->pending_read_id, g_source_remove);
      /* As the read's own callback: above redraws, which an animation never stops. */
      self->pending_read_id = g_idle_add_full (G_PRIORITY_DEFAULT, handle_pending_read_cb, self,
                                               NULL);
    }
  if (self->plan_editor == NULL && self->build_editor_id == 0)
    self->build_editor_id = g_idle_add_full (G_PRIORITY_LOW, build_editor_cb, self, NULL);
}

static void
window_realize_cb (GtkWidget *widget,
                   gpointer   user_data)
{
  CcpWindow *self = CCP_WINDOW (widget);

  if (!self->painted && self->after_paint_id == 0)
    self->after_paint_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                             G_CALLBACK (first_paint_cb), self);
}

static void
window_unrealize_cb (GtkWidget *widget,
                     gpointer   user_data)
{
  CcpWindow *self = CCP_WINDOW (widget);

  if (self->after_paint_id != 0)
    g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));
}

static void
stop_loading (CcpWindow *self)
{
  self->loading = FALSE;
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  gtk_spinner_stop (self->spinner);
}

/* A document read from a file replaces the loading page at once: a crossfade from the
 * spinner would only delay it. */
static void
show_page (CcpWindow  *self,
           const char *name,
           gboolean    was_loading)
{
  gtk_stack_set_visible_child_full (self->main_stack, name,
                                    was_loading ? GTK_STACK_TRANSITION_TYPE_NONE
                                    : gtk_stack_get_transition_type (self->main_stack));
}

static void
set_modified (CcpWindow *self,
              gboolean   modified)
{
  if (self->modified == modified)
    return;

  self->modified = modified;
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* --- Recovery ----------------------------------------------------------------------------- */

static void
remove_recovery (CcpWindow *self)
{
  g_clear_handle_id (&self->recovery_id, g_source_remove);
  if (self->recovery_key != NULL)
    {
      ccp_recovery_remove (self->recovery_key);
      g_clear_pointer (&self->recovery_key, g_free);
    }
}

static gboolean
write_recovery_cb (gpointer user_data)
{
  CcpWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  self->recovery_id = 0;

  if (!CCP_IS_PLAN (self->document) || !self->modified)
    return G_SOURCE_REMOVE;

  key = ccp_recovery_key_for (CCP_PLAN (self->document));
  if (self->recovery_key != NULL && g_strcmp0 (key, self->recovery_key) != 0)
    ccp_recovery_remove (self->recovery_key);

  if (!ccp_recovery_write (key, CCP_PLAN (self->document), self->file, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: a toast; %s says why */
      message = g_strdup_printf (_("Could not keep a recovery copy: %s"), error->message);
      ccp_window_add_toast (self, adw_toast_new (message));
      return G_SOURCE_REMOVE;
    }

  g_free (self->recovery_key);
  self->recovery_key = g_steal_pointer (&key);

  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (GObject   *document,
                     CcpWindow *self)
{
  set_modified (self, TRUE);
  g_clear_handle_id (&self->recovery_id, g_source_remove);
  self->recovery_id = g_timeout_add (self->recovery_delay, write_recovery_cb, self);
}

/* --- Documents ---------------------------------------------------------------------------- */

static void
clear_document (CcpWindow *self)
{
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
}

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  /* GTK refuses (with a warning) to record a file for an unnamed program. */
  if (g_get_application_name () == NULL)
    return;
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* The workspace merges and saves a field plan itself: the window follows its file and its
 * unsaved changes (title, close prompt, the file watched for other programs' changes). */
static void
workspace_state_cb (CcpWorkspace *workspace,
                    GParamSpec   *pspec,
                    CcpWindow    *self)
{
  GFile *file = ccp_workspace_get_file (workspace);
  gboolean modified = ccp_workspace_get_modified (workspace);

  if (self->setting_document || !CCP_IS_FIELD_PLAN (self->document))
    return;

  if (file != NULL && (self->file == NULL || !g_file_equal (file, self->file)))
    {
      g_set_object (&self->file, file);
      g_clear_pointer (&self->disk_hash, g_free);
      watch_file (self);
      add_to_recent (file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  /* Just saved: what is on disk now is ours, not another program's. */
  if (file != NULL && !modified && (self->modified || self->disk_hash == NULL))
    {
      g_autoptr(GBytes) bytes = ccp_file_load (file, CCP_FILE_MAX_SIZE, NULL, NULL);

      g_free (self->disk_hash);
      self->disk_hash = bytes != NULL ? ccp_bytes_sha256 (bytes) : NULL;
    }
  set_modified (self, modified);
  update_title (self);
}

/* The view builds its workspace on first use; the window follows it from then on. */
static CcpWorkspace *
workspace_of (CcpWindow *self)
{
  CcpWorkspace *workspace = ccp_field_plan_view_get_workspace (self->field_plan_view);

  if (!self->workspace_watched)
    {
      self->workspace_watched = TRUE;
      g_signal_connect (workspace, "notify::modified", G_CALLBACK (workspace_state_cb), self);
      g_signal_connect (workspace, "notify::file", G_CALLBACK (workspace_state_cb), self);
    }

  return workspace;
}

void
ccp_window_set_document (CcpWindow *self,
                         GObject   *document,
                         GFile     *file,
                         gboolean   modified)
{
  gboolean was_loading;

  g_return_if_fail (CCP_IS_WINDOW (self));
  g_return_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document));

  was_loading = self->loading;
  clear_document (self);
  self->document = g_object_ref (document);
  g_set_object (&self->file, file);
  g_clear_pointer (&self->disk_hash, g_free);
  watch_file (self);
  self->has_saved_revision = file != NULL;
  stop_loading (self);

  if (CCP_IS_PLAN (document))
    {
      ccp_plan_editor_set_plan (editor_of (self), CCP_PLAN (document));
      show_page (self, "editor", was_loading);
      self->changed_id = g_signal_connect (document, "changed",
                                           G_CALLBACK (document_changed_cb), self);
      gtk_widget_set_visible (GTK_WIDGET (self->status_button), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->save_button), TRUE);
      issues_changed_cb (self->plan_editor, self);
    }
  else
    {
      self->setting_document = TRUE;
      workspace_of (self);
      ccp_field_plan_view_set_field_plan (self->field_plan_view, CCP_FIELD_PLAN (document));
      self->setting_document = FALSE;
      /* A new field plan is unsaved work from the start, as the workspace says. */
      modified = modified || ccp_workspace_get_modified (workspace_of (self));
      show_page (self, "field-plan", was_loading);
      gtk_widget_set_visible (GTK_WIDGET (self->status_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
      adw_flap_set_reveal_flap (self->flap, FALSE);
    }

  self->modified = !modified;
  set_modified (self, modified);
  update_title (self);
  update_status (self);

  if (file != NULL)
    add_to_recent (file);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
ccp_window_new_plan (CcpWindow *self)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();

  g_return_if_fail (CCP_IS_WINDOW (self));

  ccp_window_set_document (self, G_OBJECT (plan), NULL, FALSE);
}

void
ccp_window_restore (CcpWindow  *self,
                    CcpPlan    *plan,
                    GFile      *original,
                    const char *recovery_key)
{
  g_return_if_fail (CCP_IS_WINDOW (self));
  g_return_if_fail (CCP_IS_PLAN (plan));

  ccp_window_set_document (self, G_OBJECT (plan), original, TRUE);
  g_free (self->recovery_key);
  self->recovery_key = g_strdup (recovery_key);
}

static void
show_error_dialog (CcpWindow  *self,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  GObject   *document;
  GPtrArray *issues;     /* what the reader found */
  char      *hash;       /* of the bytes read */
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_object (&result->document);
  g_clear_pointer (&result->issues, g_ptr_array_unref);
  g_free (result->hash);
  g_free (result);
}

static gboolean
start_spinner_cb (gpointer user_data)
{
  CcpWindow *self = user_data;

  self->spinner_id = 0;
  gtk_spinner_start (self->spinner);

  return G_SOURCE_REMOVE;
}

static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  LoadResult *result = g_new0 (LoadResult, 1);

  result->document = ccp_reader_read_file (file, &bytes, &result->issues, NULL, cancellable,
                                           &error);
  if (result->document == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  if (bytes != NULL)
    result->hash = ccp_bytes_sha256 (bytes);
  g_task_return_pointer (task, result, load_result_free);
}

static void
read_done (CcpWindow *self,
           GTask     *task)
{
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  LoadResult *loaded = g_task_propagate_pointer (task, &error);

  if (loaded == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      stop_loading (self);
      if (self->document == NULL && self->recent_stale)
        fill_recent (self);
      gtk_stack_set_visible_child_name (self->main_stack,
                                        self->document == NULL ? "start"
                                        : CCP_IS_PLAN (self->document) ? "editor"
                                        : "field-plan");
      /* Translators: heading of the message when a file cannot be opened; %s is its name */
      heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      show_error_dialog (self, heading, error->message);
      return;
    }

  ccp_window_set_document (self, loaded->document, file, FALSE);
  self->disk_hash = g_steal_pointer (&loaded->hash);
  /* What the reader found (an unknown element, ...) stays listed until the next save. */
  if (CCP_IS_PLAN (loaded->document))
    ccp_plan_editor_set_load_issues (editor_of (self), loaded->issues);
  load_result_free (loaded);
}

static gboolean
handle_pending_read_cb (gpointer user_data)
{
  CcpWindow *self = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&self->pending_read);

  self->pending_read_id = 0;
  if (task != NULL)
    read_done (self, task);

  return G_SOURCE_REMOVE;
}

static void
file_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CcpWindow *self = CCP_WINDOW (source);

  /* A window on screen shows its first frame (the loading page) before the document: laying
   * out a whole plan first would keep the window blank. FIRST_FRAME_WAIT_MS bounds the wait. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->painted)
    {
      g_set_object (&self->pending_read, G_TASK (result));
      g_clear_handle_id (&self->pending_read_id, g_source_remove);
      self->pending_read_id = g_timeout_add (FIRST_FRAME_WAIT_MS, handle_pending_read_cb, self);
      return;
    }

  read_done (self, G_TASK (result));
}

void
ccp_window_load_file (CcpWindow *self,
                      GFile     *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CCP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->pending_read_id, g_source_remove);
  g_clear_object (&self->pending_read);

  self->loading = TRUE;
  name = g_file_get_basename (file);
  /* Translators: shown while a file is read; %s is its name */
  text = g_strdup_printf (_("Opening “%s”…"), name);
  gtk_label_set_text (self->loading_label, text);
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  self->spinner_id = g_timeout_add (SPINNER_DELAY_MS, start_spinner_cb, self);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");

  task = g_task_new (self, self->cancellable, file_read_cb, NULL);
  g_task_set_source_tag (task, ccp_window_load_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_file_thread);
}

/* --- Saving ------------------------------------------------------------------------------- */

/* TRUE when file is the open file and its content on disk is no longer what we last read or
 * wrote: another program changed it. */
static gboolean
disk_changed_by_other (CcpWindow *self,
                       GFile     *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *hash = NULL;

  if (self->disk_hash == NULL || self->file == NULL || !g_file_equal (file, self->file))
    return FALSE;
  bytes = ccp_file_load (file, CCP_FILE_MAX_SIZE, NULL, NULL);
  if (bytes == NULL)
    return FALSE;  /* gone or unreadable: nothing of theirs to overwrite */
  hash = ccp_bytes_sha256 (bytes);

  return g_strcmp0 (hash, self->disk_hash) != 0;
}

static gboolean
save_full (CcpWindow  *self,
           GFile      *file,
           gboolean    overwrite_theirs,
           GError    **error)
{
  CcpPlan *plan;
  guint old_revision;
  g_autofree char *old_modified = NULL;
  g_autofree char *now = NULL;
  g_autofree char *message = NULL;
  g_autofree char *old_hash = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint errors;

  if (!overwrite_theirs && disk_changed_by_other (self, file))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                   /* Translators: %s is a file name */
                   _("“%s” was changed by another program since it was opened"), name);
      return FALSE;
    }
  /* The workspace saves what it merged; workspace_state_cb follows the file and the title. */
  if (CCP_IS_FIELD_PLAN (self->document))
    return ccp_workspace_save_to_file (workspace_of (self), file, error);

  plan = CCP_PLAN (self->document);

  errors = ccp_plan_editor_get_n_errors (editor_of (self));
  /* A final plan has no errors: one that got some again is saved as a draft. */
  if (errors > 0 && ccp_plan_get_status (plan) == CCP_PLAN_STATUS_FINAL)
    ccp_plan_set_status (plan, CCP_PLAN_STATUS_DRAFT);

  old_revision = ccp_plan_get_revision (plan);
  old_modified = g_strdup (ccp_plan_get_modified (plan));

  if (self->has_saved_revision)
    ccp_plan_set_revision (plan, old_revision + 1);
  now = ccp_plan_timestamp_now ();
  ccp_plan_set_modified (plan, now);

  /* The hash is known before the file appears, so the monitor sees our own save as ours. */
  bytes = ccp_writer_write_plan (plan);
  old_hash = g_steal_pointer (&self->disk_hash);
  if (self->file != NULL && g_file_equal (file, self->file))
    self->disk_hash = ccp_bytes_sha256 (bytes);
  if (!ccp_file_save (file, bytes, TRUE, NULL, error))
    {
      g_free (self->disk_hash);
      self->disk_hash = g_steal_pointer (&old_hash);
      ccp_plan_set_revision (plan, old_revision);
      ccp_plan_set_modified (plan, old_modified);
      return FALSE;
    }

  if (self->file == NULL || !g_file_equal (file, self->file))
    {
      g_set_object (&self->file, file);
      g_free (self->disk_hash);
      self->disk_hash = ccp_bytes_sha256 (bytes);
      watch_file (self);
    }
  ccp_plan_editor_set_load_issues (editor_of (self), NULL);
  self->has_saved_revision = TRUE;
  remove_recovery (self);
  self->modified = TRUE;
  set_modified (self, FALSE);
  update_title (self);
  add_to_recent (file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  errors = ccp_plan_editor_get_n_errors (editor_of (self));
  if (errors > 0)
    /* Translators: a toast after saving a draft that still has errors */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved; %u error remains",
                                            "Saved; %u errors remain", errors), errors);
  else
    message = g_strdup (_("Saved"));
  ccp_window_add_toast (self, adw_toast_new (message));

  return TRUE;
}

gboolean
ccp_window_save_to_file (CcpWindow  *self,
                         GFile      *file,
                         GError    **error)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (CCP_IS_PLAN (self->document), FALSE);

  return save_full (self, file, FALSE, error);
}

static gboolean save_reporting_errors (CcpWindow *self,
                                       GFile     *file,
                                       gboolean   overwrite_theirs);

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CcpWindow        *self)
{
  if (g_str_equal (response, "overwrite") && self->file != NULL)
    save_reporting_errors (self, self->file, TRUE);
  else if (g_str_equal (response, "reload") && self->file != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->file);

      self->close_after_save = FALSE;
      remove_recovery (self);
      ccp_window_load_file (self, file);
    }
  else
    self->close_after_save = FALSE;
}

static void
ask_before_overwriting (CcpWindow *self)
{
  g_autofree char *name = get_display_name (self);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  body = g_strdup_printf (_("Another program changed “%s” after you opened it. Saving replaces "
                            "its changes with yours."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Other Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload Theirs"),
                                    "overwrite", _("_Save Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (overwrite_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_reporting_errors (CcpWindow *self,
                       GFile     *file,
                       gboolean   overwrite_theirs)
{
  g_autoptr(GError) error = NULL;

  if (!save_full (self, file, overwrite_theirs, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          ask_before_overwriting (self);
          return FALSE;
        }

      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *heading = NULL;

      /* Translators: heading of the message when saving fails; %s is the file */
      heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      show_error_dialog (self, heading, error->message);
      self->close_after_save = FALSE;
      return FALSE;
    }

  if (self->close_after_save)
    {
      self->close_confirmed = TRUE;
      /* Not while a dialog transient for this window is still emitting its response. */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_later_cb, g_object_ref (self), g_object_unref);
    }
  return TRUE;
}

/* What the Save As chooser does with the file the user accepted (tests call it directly, as
 * GtkFileChooserNative cannot be driven from a test). A pending chooser is dismissed. Saving to
 * another program's new version of the open file was confirmed by the chooser itself. */
gboolean
ccp_window_save_as_file (CcpWindow *self,
                         GFile     *file)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->save_dialog != NULL)
    {
      GtkNativeDialog *dialog = g_steal_pointer (&self->save_dialog);

      gtk_native_dialog_destroy (dialog);
      g_object_unref (dialog);
    }
  if (self->document == NULL)
    return FALSE;

  return save_reporting_errors (self, file, TRUE);
}

static void
save_dialog_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         CcpWindow       *self)
{
  if (dialog != self->save_dialog)
    return;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        {
          ccp_window_save_as_file (self, file);
          return;
        }
    }
  self->close_after_save = FALSE;
  g_clear_object (&self->save_dialog);
}

static void
save_as (CcpWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;

  dialog = gtk_file_chooser_native_new (CCP_IS_PLAN (self->document) ? _("Save Plan")
                                        : _("Save Field Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), ccp_application_new_plan_filter ());
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->file, NULL);
  else if (CCP_IS_FIELD_PLAN (self->document))
    {
      CcpFieldPlan *field_plan = ccp_workspace_get_field_plan (workspace_of (self));
      g_autofree char *suggested = g_strdup_printf ("%s-%s-field-plan.xml",
                                                    ccp_field_plan_get_field (field_plan),
                                                    ccp_field_plan_get_period (field_plan));

      name = g_ascii_strdown (suggested, -1);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  else
    {
      name = ccp_plan_suggest_file_name (CCP_PLAN (self->document));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (save_dialog_response_cb), self);
  if (self->save_dialog != NULL)
    gtk_native_dialog_destroy (self->save_dialog);
  g_set_object (&self->save_dialog, GTK_NATIVE_DIALOG (dialog));
  g_object_unref (dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CcpWindow *self = CCP_WINDOW (widget);

  if (self->file == NULL)
    save_as (self);
  else
    save_reporting_errors (self, self->file, FALSE);
}

static void
save_as_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  save_as (CCP_WINDOW (widget));
}

static void
mark_final_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CcpWindow *self = CCP_WINDOW (widget);

  if (!CCP_IS_PLAN (self->document) || ccp_plan_editor_get_n_errors (editor_of (self)) > 0)
    return;

  ccp_plan_set_status (CCP_PLAN (self->document), CCP_PLAN_STATUS_FINAL);
  save_action_cb (widget, NULL, NULL);
}

static void
mark_draft_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CcpWindow *self = CCP_WINDOW (widget);

  if (CCP_IS_PLAN (self->document))
    ccp_plan_set_status (CCP_PLAN (self->document), CCP_PLAN_STATUS_DRAFT);
}

static void
plan_status_notify_cb (GObject    *editor,
                       GParamSpec *pspec,
                       CcpWindow  *self)
{
  update_actions (self);
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CcpWindow *self = CCP_WINDOW (widget);

  if (self->plan_editor != NULL)
    ccp_plan_editor_undo (self->plan_editor);
}

static void
toggle_problems_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CcpWindow *self = CCP_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* --- Changes by another program (issue 8) ---------------------------------------------------- */

static void
external_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CcpWindow        *self)
{
  self->external_dialog = NULL;
  if (self->file == NULL)
    return;

  if (g_str_equal (response, "reload"))
    {
      g_autoptr(GFile) file = g_object_ref (self->file);

      remove_recovery (self);
      ccp_window_load_file (self, file);
    }
  else
    /* Keep mine: the window's version now differs from the file; Save will ask before
     * replacing theirs (the known hash is still the old one). */
    set_modified (self, TRUE);
}

static void
disk_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CcpWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  gsize length = 0;
  GtkWidget *dialog;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    return;  /* deleted, or cancelled: nothing to compare (a save recreates it) */

  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  if (self->disk_hash == NULL || g_strcmp0 (hash, self->disk_hash) == 0 ||
      self->external_dialog != NULL || !CCP_IS_PLAN (self->document))
    return;

  name = get_display_name (self);
  body = g_strdup_printf (self->modified
                          /* Translators: %s is a file name */
                          ? _("Another program changed “%s”. Reload it and lose your unsaved "
                              "changes, or keep your version?")
                          /* Translators: %s is a file name */
                          : _("Another program changed “%s”. Reload it, or keep your version?"),
                          name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Mine"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              self->modified ? ADW_RESPONSE_DESTRUCTIVE
                                                             : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (external_response_cb), self);
  self->external_dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
check_disk_cb (gpointer user_data)
{
  CcpWindow *self = user_data;

  self->check_disk_id = 0;
  if (self->file == NULL || self->disk_hash == NULL)
    return G_SOURCE_REMOVE;

  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();
  g_file_load_contents_async (self->file, self->check_cancellable, disk_read_cb, self);

  return G_SOURCE_REMOVE;
}

static void
file_monitor_changed_cb (GFileMonitor      *monitor,
                         GFile             *file,
                         GFile             *other,
                         GFileMonitorEvent  event,
                         CcpWindow         *self)
{
  /* Coalesce a burst of events (write, rename) into one comparison. */
  g_clear_handle_id (&self->check_disk_id, g_source_remove);
  self->check_disk_id = g_timeout_add (200, check_disk_cb, self);
}

static void
watch_file (CcpWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, file_monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->check_disk_id, g_source_remove);
  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (file_monitor_changed_cb), self);
}

/* --- Closing ------------------------------------------------------------------------------ */

static gboolean
close_later_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
close_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          CcpWindow        *self)
{
  if (g_str_equal (response, "discard"))
    {
      remove_recovery (self);
      self->close_confirmed = TRUE;
      /* Not while the dialog, transient for this window, is still emitting its response. */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_later_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      if (self->file == NULL)
        save_as (self);
      else
        save_reporting_errors (self, self->file, FALSE);
    }
}

static void
store_window_state (CcpWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
ccp_window_close_request (GtkWindow *window)
{
  CcpWindow *self = CCP_WINDOW (window);

  if (self->modified && !self->close_confirmed && self->document != NULL)
    {
      g_autofree char *name = get_display_name (self);
      g_autofree char *body = NULL;
      GtkWidget *dialog;

      /* Translators: body of the question asked when closing a plan with unsaved changes */
      body = g_strdup_printf (_("“%s” has unsaved changes. Changes that are not saved are lost."),
                              name);
      dialog = adw_message_dialog_new (window, _("Save Changes?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (close_dialog_response_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  store_window_state (self);
  if (!self->modified)
    remove_recovery (self);
  g_clear_handle_id (&self->recovery_id, g_source_remove);

  return GTK_WINDOW_CLASS (ccp_window_parent_class)->close_request (window);
}

static void
close_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* --- Start page: recent files, drag and drop ------------------------------------------------ */

static void
recent_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     CcpWindow     *self)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");

  if (file != NULL)
    ccp_application_open_file (CCP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                               file, GTK_WINDOW (self));
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = (GtkRecentInfo *) a;
  GtkRecentInfo *ib = (GtkRecentInfo *) b;
  GDateTime *da = gtk_recent_info_get_modified (ia);
  GDateTime *db = gtk_recent_info_get_modified (ib);

  return -g_date_time_compare (da, db);
}

static void
fill_recent (CcpWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  GtkWidget *child;
  const char *app_name = g_get_application_name ();
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && shown < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) parent = NULL;
      g_autofree char *folder = NULL;
      GtkWidget *row;

      if (app_name == NULL || !gtk_recent_info_has_application (info, app_name) ||
          !g_str_has_suffix (uri, ".xml") || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (uri);
      parent = g_file_get_parent (file);
      folder = parent ? g_file_get_parse_name (parent) : NULL;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     gtk_recent_info_get_display_name (info));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder ? folder : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "file", g_object_ref (file), g_object_unref);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
  self->recent_stale = FALSE;
}

/* Rows changing on the hidden start page would still cost the window a layout and a frame
 * (opening a file records it as recent): the list is refilled when the page shows again. */
static void
recent_changed_cb (GtkRecentManager *manager,
                   CcpWindow        *self)
{
  if (self->document != NULL || self->loading)
    self->recent_stale = TRUE;
  else
    fill_recent (self);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CcpWindow     *self)
{
  GSList *files;
  CcpApplication *app = CCP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || app == NULL)
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    ccp_application_open_file (app, l->data, GTK_WINDOW (self));
  g_slist_free (files);

  return TRUE;
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
ccp_window_dispose (GObject *object)
{
  CcpWindow *self = CCP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->recovery_id, g_source_remove);
  g_clear_handle_id (&self->check_disk_id, g_source_remove);
  g_clear_handle_id (&self->build_editor_id, g_source_remove);
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  g_clear_handle_id (&self->pending_read_id, g_source_remove);
  g_clear_object (&self->pending_read);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, file_monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->save_dialog != NULL)
    {
      gtk_native_dialog_destroy (self->save_dialog);
      g_clear_object (&self->save_dialog);
    }
  g_signal_handlers_disconnect_by_func (gtk_recent_manager_get_default (), recent_changed_cb,
                                        self);
  clear_document (self);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ccp_window_parent_class)->dispose (object);
}

static void
ccp_window_finalize (GObject *object)
{
  CcpWindow *self = CCP_WINDOW (object);

  g_free (self->recovery_key);
  g_free (self->status_text);
  g_free (self->last_toast);
  g_free (self->disk_hash);

  G_OBJECT_CLASS (ccp_window_parent_class)->finalize (object);
}

static void
ccp_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CcpWindow *self = CCP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_RECOVERY_DELAY:
      g_value_set_uint (value, self->recovery_delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CcpWindow *self = CCP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_RECOVERY_DELAY:
      ccp_window_set_recovery_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND_CHILD(name) gtk_widget_class_bind_template_child (widget_class, CcpWindow, name)

static void
ccp_window_class_init (CcpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ccp_window_dispose;
  object_class->finalize = ccp_window_finalize;
  object_class->get_property = ccp_window_get_property;
  object_class->set_property = ccp_window_set_property;
  window_class->close_request = ccp_window_close_request;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECOVERY_DELAY] =
    g_param_spec_uint ("recovery-delay", NULL, NULL, 1, 600000, DEFAULT_RECOVERY_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CCP_TYPE_VALIDATION_PANEL);
  g_type_ensure (CCP_TYPE_FIELD_PLAN_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/creativecities/Plans/ccp-window.ui");
  BIND_CHILD (toast_overlay);
  BIND_CHILD (window_title);
  BIND_CHILD (save_button);
  BIND_CHILD (status_button);
  BIND_CHILD (status_icon);
  BIND_CHILD (status_label);
  BIND_CHILD (flap);
  BIND_CHILD (validation_panel);
  BIND_CHILD (main_stack);
  BIND_CHILD (recent_group);
  BIND_CHILD (recent_list);
  BIND_CHILD (spinner);
  BIND_CHILD (loading_label);
  BIND_CHILD (field_plan_view);
  gtk_widget_class_bind_template_callback (widget_class, issue_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action_cb);
  gtk_widget_class_install_action (widget_class, "win.mark-final", NULL, mark_final_action_cb);
  gtk_widget_class_install_action (widget_class, "win.mark-draft", NULL, mark_draft_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action_cb);
  gtk_widget_class_install_action (widget_class, "win.toggle-problems", NULL,
                                   toggle_problems_action_cb);

  /* Window-level bindings run after the focused widget: Ctrl+Z in a text field undoes typing. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-problems", NULL);
}

static void
ccp_window_init (CcpWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->recovery_delay = DEFAULT_RECOVERY_DELAY_MS;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  g_object_bind_property (self->status_button, "active", self->flap, "reveal-flap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "realize", G_CALLBACK (window_realize_cb), NULL);
  g_signal_connect (self, "unrealize", G_CALLBACK (window_unrealize_cb), NULL);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  fill_recent (self);
  g_signal_connect (gtk_recent_manager_get_default (), "changed",
                    G_CALLBACK (recent_changed_cb), self);
  update_title (self);
  update_actions (self);
}

GtkListBox *
ccp_window_get_recent_list (CcpWindow *self)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), NULL);

  return self->recent_list;
}

gboolean
ccp_window_drop_files (CcpWindow   *self,
                       GdkFileList *files)
{
  GValue value = G_VALUE_INIT;
  gboolean done;

  g_return_val_if_fail (CCP_IS_WINDOW (self), FALSE);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  done = drop_cb (NULL, &value, 0, 0, self);
  g_value_unset (&value);

  return done;
}

CcpWindow *
ccp_window_new (GtkApplication *application)
{
  return g_object_new (CCP_TYPE_WINDOW, "application", application, NULL);
}

gboolean
ccp_window_is_empty (CcpWindow *self)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), FALSE);

  return self->document == NULL && !self->loading;
}

gboolean
ccp_window_is_loading (CcpWindow *self)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), FALSE);

  return self->loading;
}

GFile *
ccp_window_get_file (CcpWindow *self)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), NULL);

  return self->file;
}

GObject *
ccp_window_get_document (CcpWindow *self)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), NULL);

  return self->document;
}

CcpPlan *
ccp_window_get_plan (CcpWindow *self)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), NULL);

  return CCP_IS_PLAN (self->document) ? CCP_PLAN (self->document) : NULL;
}

gboolean
ccp_window_get_modified (CcpWindow *self)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), FALSE);

  return self->modified;
}

CcpPlanEditor *
ccp_window_get_editor (CcpWindow *self)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), NULL);

  return editor_of (self);
}

CcpValidationPanel *
ccp_window_get_validation_panel (CcpWindow *self)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), NULL);

  return self->validation_panel;
}

const char *
ccp_window_get_status_text (CcpWindow *self)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), NULL);

  return self->status_text ? self->status_text : "";
}

void
ccp_window_set_recovery_delay (CcpWindow *self,
                               guint      milliseconds)
{
  g_return_if_fail (CCP_IS_WINDOW (self));

  if (self->recovery_delay == milliseconds)
    return;
  self->recovery_delay = milliseconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERY_DELAY]);
}

const char *
ccp_window_get_recovery_key (CcpWindow *self)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), NULL);

  return self->recovery_key;
}
