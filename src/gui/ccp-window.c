#define G_LOG_DOMAIN "ccp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-mnemonic-names.h"
#include "ccp-validation-panel.h"
#include "ccp-window-private.h"

#define DEFAULT_RECOVERY_DELAY_MS 3000
/* A file read this fast shows no spinner: an animation would only slow it down. */
#define SPINNER_DELAY_MS 500
/* How long a document read waits for the window's first frame (see file_read_cb). */
#define FIRST_FRAME_WAIT_MS 1000

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

char *
_ccp_window_get_display_name (CcpWindow *self)
{
  GFile *file = ccp_window_get_file (self);

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

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

void
_ccp_window_update_title (CcpWindow *self)
{
  g_autofree char *name = _ccp_window_get_display_name (self);
  GFile *file = ccp_window_get_file (self);
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

  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      subtitle = parent ? g_file_get_parse_name (parent) : NULL;
    }
  else
    subtitle = g_strdup (_("Not saved yet"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
_ccp_window_update_actions (CcpWindow *self)
{
  gboolean is_plan = CCP_IS_PLAN (self->document);
  CcpPlanStatus status = is_plan ? ccp_plan_get_status (CCP_PLAN (self->document))
                                 : CCP_PLAN_STATUS_DRAFT;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", is_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", is_plan);
  /* Enabled with errors too: it then says why the plan cannot be final. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-final",
                                 is_plan && status == CCP_PLAN_STATUS_DRAFT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-draft",
                                 is_plan && status == CCP_PLAN_STATUS_FINAL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 is_plan && self->plan_editor != NULL &&
                                 ccp_plan_editor_get_can_undo (self->plan_editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-problems", is_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-with", is_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-to-coordinator", is_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-review", is_plan);
  _ccp_window_update_compare_sent (self);
}

/* The counts changed: what depends on errors now (Mark as Final, the final plan's warning);
 * the header's text waits for issues-changed, with the problems panel. */
static void
editor_summary_notify_cb (GObject    *editor,
                          GParamSpec *pspec,
                          CcpWindow  *self)
{
  _ccp_window_update_plan_status (self, ccp_plan_editor_get_n_errors (CCP_PLAN_EDITOR (editor)));
  _ccp_window_update_actions (self);
}

static void
issues_changed_cb (CcpPlanEditor *editor,
                   CcpWindow     *self)
{
  g_autoptr(GPtrArray) issues = ccp_plan_editor_get_issues (editor);

  ccp_validation_panel_set_issues (self->validation_panel, ccp_plan_editor_get_plan (editor),
                                   issues);
  /* The header and the panel show the same issues, in the same frame. */
  _ccp_window_update_status (self);
}

/* Opening the problems panel takes the focus there: a keyboard user reaches the list at once
 * instead of Tabbing through the whole editor. */
static void
reveal_flap_cb (AdwFlap    *flap,
                GParamSpec *pspec,
                CcpWindow  *self)
{
  /* Not yet shown: panel_map_cb does it once the panel is on screen. */
  if (adw_flap_get_reveal_flap (flap) && gtk_widget_get_mapped (GTK_WIDGET (self->validation_panel)))
    gtk_widget_child_focus (GTK_WIDGET (self->validation_panel), GTK_DIR_TAB_FORWARD);
}

static void
panel_map_cb (GtkWidget *panel,
              CcpWindow *self)
{
  if (adw_flap_get_reveal_flap (self->flap))
    gtk_widget_child_focus (panel, GTK_DIR_TAB_FORWARD);
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

static void
plan_status_notify_cb (GObject    *editor,
                       GParamSpec *pspec,
                       CcpWindow  *self)
{
  _ccp_window_update_actions (self);
}

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
                            G_CALLBACK (_ccp_window_update_actions), self);

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

void
_ccp_window_set_modified (CcpWindow *self,
                          gboolean   modified)
{
  if (self->modified == modified)
    return;

  self->modified = modified;
  /* The plan's Save stands out while there is something to save, as the field plan's does. */
  if (modified)
    gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  _ccp_window_update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* --- Recovery ----------------------------------------------------------------------------- */

void
_ccp_window_remove_recovery (CcpWindow *self)
{
  g_clear_handle_id (&self->recovery_id, g_source_remove);
  if (self->doc != NULL)
    ccp_document_remove_recovery (self->doc);
}

static gboolean
write_recovery_cb (gpointer user_data)
{
  CcpWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  self->recovery_id = 0;

  if (!CCP_IS_PLAN (self->document) || !self->modified)
    return G_SOURCE_REMOVE;

  if (!ccp_document_write_recovery (self->doc, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: a toast; %s says why */
      message = g_strdup_printf (_("Could not keep a recovery copy: %s"), error->message);
      ccp_window_add_toast (self, adw_toast_new (message));
    }

  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (GObject   *document,
                     CcpWindow *self)
{
  _ccp_window_set_modified (self, TRUE);
  /* Mark as Final / as Draft change the status shown in the header. */
  _ccp_window_update_plan_status (self, self->plan_editor ? ccp_plan_editor_get_n_errors (self->plan_editor)
                                              : 0);
  _ccp_window_update_actions (self);
  g_clear_handle_id (&self->recovery_id, g_source_remove);
  self->recovery_id = g_timeout_add (self->recovery_delay, write_recovery_cb, self);
}

/* --- Documents ---------------------------------------------------------------------------- */

void
_ccp_window_notify_file (CcpWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
clear_document (CcpWindow *self)
{
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  if (self->doc != NULL)
    {
      g_clear_signal_handler (&self->disk_changed_id, self->doc);
      g_clear_signal_handler (&self->doc_file_id, self->doc);
    }
  g_clear_object (&self->doc);
}

void
_ccp_window_add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  /* GTK refuses (with a warning) to record a file for an unnamed program. */
  if (g_get_application_name () == NULL)
    return;
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* The workspace merges and saves a field plan itself, through the window's document: the
 * window follows its unsaved changes (title, close prompt). */
static void
workspace_modified_cb (CcpWorkspace *workspace,
                       GParamSpec   *pspec,
                       CcpWindow    *self)
{
  if (self->setting_document || !CCP_IS_FIELD_PLAN (self->document))
    return;

  _ccp_window_set_modified (self, ccp_workspace_get_modified (workspace));
  _ccp_window_update_title (self);
}

/* A field plan saved to another file by the workspace (a city plan's saves are followed in
 * ccp-window-actions.c). */
static void
document_file_cb (CcpDocument *doc,
                  GParamSpec  *pspec,
                  CcpWindow   *self)
{
  GFile *file = ccp_document_get_file (doc);

  if (self->setting_document || !CCP_IS_FIELD_PLAN (self->document) || file == NULL)
    return;

  _ccp_window_add_to_recent (file);
  _ccp_window_update_title (self);
  _ccp_window_notify_file (self);
}

static void
changed_on_disk_cb (CcpDocument *doc,
                    CcpWindow   *self)
{
  _ccp_window_ask_about_disk_change (self);
}

/* The view builds its workspace on first use; the window follows it from then on. */
CcpWorkspace *
_ccp_window_workspace_of (CcpWindow *self)
{
  CcpWorkspace *workspace = ccp_field_plan_view_get_workspace (self->field_plan_view);

  if (!self->workspace_watched)
    {
      self->workspace_watched = TRUE;
      g_signal_connect (workspace, "notify::modified", G_CALLBACK (workspace_modified_cb), self);
    }

  return workspace;
}

static void
show_document (CcpWindow   *self,
               CcpDocument *doc,
               gboolean     modified)
{
  GObject *document = ccp_document_get_model (doc);
  g_autofree char *recovery_key = NULL;
  gboolean was_loading;

  was_loading = self->loading;
  /* The recovery copy written so far stays this window's. */
  if (self->doc != NULL && self->doc != doc && ccp_document_get_recovery_key (doc) == NULL)
    recovery_key = g_strdup (ccp_document_get_recovery_key (self->doc));
  g_object_ref (doc);
  clear_document (self);
  self->doc = doc;
  if (recovery_key != NULL)
    ccp_document_set_recovery_key (doc, recovery_key);
  self->document = g_object_ref (document);
  self->disk_changed_id = g_signal_connect (doc, "changed-on-disk",
                                            G_CALLBACK (changed_on_disk_cb), self);
  self->doc_file_id = g_signal_connect (doc, "notify::file", G_CALLBACK (document_file_cb), self);
  self->has_saved_revision = ccp_document_get_file (doc) != NULL;
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
      _ccp_window_workspace_of (self);
      ccp_field_plan_view_set_document (self->field_plan_view, doc);
      self->setting_document = FALSE;
      /* A new field plan is unsaved work from the start, as the workspace says. */
      modified = modified || ccp_workspace_get_modified (_ccp_window_workspace_of (self));
      show_page (self, "field-plan", was_loading);
      gtk_widget_set_visible (GTK_WIDGET (self->status_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
      adw_flap_set_reveal_flap (self->flap, FALSE);
    }

  self->modified = !modified;
  _ccp_window_set_modified (self, modified);
  _ccp_window_update_title (self);
  _ccp_window_update_status (self);

  if (ccp_document_get_file (doc) != NULL)
    _ccp_window_add_to_recent (ccp_document_get_file (doc));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
ccp_window_set_document (CcpWindow *self,
                         GObject   *document,
                         GFile     *file,
                         gboolean   modified)
{
  g_autoptr(CcpDocument) doc = NULL;

  g_return_if_fail (CCP_IS_WINDOW (self));
  g_return_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document));

  doc = ccp_document_new (file, document);
  show_document (self, doc, modified);
}

void
ccp_window_new_plan (CcpWindow *self)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();

  g_return_if_fail (CCP_IS_WINDOW (self));

  ccp_window_set_document (self, G_OBJECT (plan), NULL, FALSE);
  /* A new plan starts where it is filled in, not on the header's Open button. */
  ccp_plan_editor_focus_path (editor_of (self), "city");
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
  ccp_document_set_recovery_key (self->doc, recovery_key);
}

void
_ccp_window_show_error_dialog (CcpWindow  *self,
                               const char *heading,
                               const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Loading ------------------------------------------------------------------------------ */

static gboolean
start_spinner_cb (gpointer user_data)
{
  CcpWindow *self = user_data;

  self->spinner_id = 0;
  gtk_spinner_start (self->spinner);

  return G_SOURCE_REMOVE;
}

static void
read_done (CcpWindow    *self,
           GAsyncResult *result)
{
  g_autoptr(CcpDocument) doc = CCP_DOCUMENT (g_async_result_get_source_object (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issues = NULL;

  if (!ccp_document_load_finish (doc, result, &issues, &error))
    {
      g_autofree char *name = g_file_get_parse_name (ccp_document_get_file (doc));
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      stop_loading (self);
      if (self->document == NULL && self->recent_stale)
        _ccp_window_fill_recent (self);
      gtk_stack_set_visible_child_name (self->main_stack,
                                        self->document == NULL ? "start"
                                        : CCP_IS_PLAN (self->document) ? "editor"
                                        : "field-plan");
      /* Translators: heading of the message when a file cannot be opened; %s is its name */
      heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      _ccp_window_show_error_dialog (self, heading, error->message);
      return;
    }

  show_document (self, doc, FALSE);
  /* What the reader found (an unknown element, ...) stays listed until the next save. */
  if (CCP_IS_PLAN (self->document))
    ccp_plan_editor_set_load_issues (editor_of (self), issues);
}

static gboolean
handle_pending_read_cb (gpointer user_data)
{
  CcpWindow *self = user_data;
  g_autoptr(GAsyncResult) result = g_steal_pointer (&self->pending_read);

  self->pending_read_id = 0;
  if (result != NULL)
    read_done (self, result);

  return G_SOURCE_REMOVE;
}

static void
file_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CcpWindow) self = user_data;

  /* A window on screen shows its first frame (the loading page) before the document: laying
   * out a whole plan first would keep the window blank. FIRST_FRAME_WAIT_MS bounds the wait. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->painted)
    {
      g_set_object (&self->pending_read, result);
      g_clear_handle_id (&self->pending_read_id, g_source_remove);
      self->pending_read_id = g_timeout_add (FIRST_FRAME_WAIT_MS, handle_pending_read_cb, self);
      return;
    }

  read_done (self, result);
}

void
ccp_window_load_file (CcpWindow *self,
                      GFile     *file)
{
  g_autoptr(CcpDocument) doc = NULL;
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

  /* A new document: the one shown stays as it is if the file cannot be read. */
  doc = ccp_document_new (file, NULL);
  ccp_document_load_async (doc, self->cancellable, file_read_cb, g_object_ref (self));
}

/* --- Closing ------------------------------------------------------------------------------ */

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
      _ccp_window_ask_before_closing (self);
      return TRUE;
    }

  store_window_state (self);
  if (!self->modified)
    _ccp_window_remove_recovery (self);
  g_clear_handle_id (&self->recovery_id, g_source_remove);

  return GTK_WINDOW_CLASS (ccp_window_parent_class)->close_request (window);
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
ccp_window_dispose (GObject *object)
{
  CcpWindow *self = CCP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->recovery_id, g_source_remove);
  g_clear_handle_id (&self->build_editor_id, g_source_remove);
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  g_clear_handle_id (&self->pending_read_id, g_source_remove);
  g_clear_object (&self->pending_read);
  if (self->save_dialog != NULL)
    {
      gtk_native_dialog_destroy (self->save_dialog);
      g_clear_object (&self->save_dialog);
    }
  _ccp_window_start_dispose (self);
  clear_document (self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ccp_window_parent_class)->dispose (object);
}

static void
ccp_window_finalize (GObject *object)
{
  CcpWindow *self = CCP_WINDOW (object);

  g_free (self->status_text);
  g_free (self->last_toast);

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
      g_value_set_object (value, ccp_window_get_file (self));
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

  /* Screen readers read "_Save" otherwise (GTK 4.8): for every window of the application. */
  ccp_mnemonic_names_install ();

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
  BIND_CHILD (plan_status_label);
  BIND_CHILD (flap);
  BIND_CHILD (validation_panel);
  BIND_CHILD (main_stack);
  BIND_CHILD (recent_group);
  BIND_CHILD (recent_list);
  BIND_CHILD (spinner);
  BIND_CHILD (loading_label);
  BIND_CHILD (field_plan_view);
  BIND_CHILD (compare_section);
  gtk_widget_class_bind_template_callback (widget_class, issue_activated_cb);

  _ccp_window_class_start_init (widget_class);
  _ccp_window_class_actions_init (widget_class);
}

static void
ccp_window_init (CcpWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

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

  g_signal_connect (self->flap, "notify::reveal-flap", G_CALLBACK (reveal_flap_cb), self);
  g_signal_connect (self->validation_panel, "map", G_CALLBACK (panel_map_cb), self);
  g_object_bind_property (self->status_button, "active", self->flap, "reveal-flap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "realize", G_CALLBACK (window_realize_cb), NULL);
  g_signal_connect (self, "unrealize", G_CALLBACK (window_unrealize_cb), NULL);

  _ccp_window_start_init (self);
  _ccp_window_update_title (self);
  _ccp_window_update_actions (self);
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

  return self->doc != NULL ? ccp_document_get_file (self->doc) : NULL;
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

  return self->doc != NULL ? ccp_document_get_recovery_key (self->doc) : NULL;
}

CcpPlanEditor *
_ccp_window_editor_of (CcpWindow *self)
{
  return editor_of (self);
}
