#define G_LOG_DOMAIN "ccp-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-markup.h"
#include "ccp-choices.h"
#include "ccp-file.h"
#include "ccp-field-plan-print.h"
#include "ccp-file-filter.h"
#include "ccp-new-field-plan-dialog.h"
#include "ccp-status-page.h"
#include "ccp-workspace-private.h"

G_DEFINE_FINAL_TYPE (CcpWorkspace, ccp_workspace, ADW_TYPE_BIN)

GParamSpec *_ccp_workspace_properties[N_PROPS];

enum {
  SIGNAL_OPEN_FILE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- Showing the field plan ------------------------------------------------------------------ */

void
_ccp_workspace_update_header (CcpWorkspace *self)
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
      g_autofree char *name = ccp_bidi_isolate (ccp_contact_get_name (coordinator));

      /* Translators: the coordinator's name in the workspace's heading */
      g_string_append_printf (subtitle, _("Coordinator: %s"), name);
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

/* The merge report makes a row per sentence (thousands for 400 plans): made when its page is
 * shown or the view is asked for, not on every merge. */
static void
update_report (CcpWorkspace *self)
{
  if (!self->report_stale)
    return;
  self->report_stale = FALSE;
  ccp_merge_report_view_set_field_plan (self->report_view, self->current, self->messages);
}

static void
visible_page_cb (CcpWorkspace *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "report") == 0)
    update_report (self);
}

void
_ccp_workspace_update_views (CcpWorkspace *self)
{
  /* The other views: after a merge a step per main-loop turn (ccp-workspace-views.c). */
  _ccp_workspace_views_set (self, self->staging);
  self->report_stale = TRUE;
  visible_page_cb (self);
}

void
_ccp_workspace_set_modified (CcpWorkspace *self,
                             gboolean      modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  if (modified)
    gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  _ccp_workspace_update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), _ccp_workspace_properties[PROP_MODIFIED]);
}

void
_ccp_workspace_set_current (CcpWorkspace *self,
                            CcpFieldPlan *field_plan)
{
  CcpFieldPlan *previous = self->current;
  gboolean changed = previous != field_plan;

  self->current = field_plan != NULL ? g_object_ref (field_plan) : NULL;
  _ccp_workspace_update_views (self);
  /* self->overview describes the field plan just shown, no later one. */
  g_clear_pointer (&self->overview, ccp_overview_data_unref);
  g_clear_pointer (&self->keys, ccp_search_keys_unref);
  _ccp_workspace_unref_in_thread (previous);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), _ccp_workspace_properties[PROP_FIELD_PLAN]);
}

void
_ccp_workspace_add_toast (CcpWorkspace *self,
                          const char   *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GtkWindow *
_ccp_workspace_parent_window (CcpWorkspace *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_ccp_workspace_show_message (CcpWorkspace *self,
                             const char   *heading,
                             const char   *body)
{
  GtkWidget *dialog = adw_message_dialog_new (_ccp_workspace_parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_ccp_workspace_show_unloadable (CcpWorkspace *self,
                                GPtrArray    *unloadable)
{
  g_autofree char *body = NULL;

  if (unloadable->len == 0)
    return;
  g_ptr_array_add (unloadable, NULL);
  body = g_strjoinv ("\n", (char **) unloadable->pdata);
  g_ptr_array_set_size (unloadable, unloadable->len - 1);
  _ccp_workspace_show_message (self,
                               g_dngettext (GETTEXT_PACKAGE, "A File Could Not Be Read",
                             "Some Files Could Not Be Read", unloadable->len),
                               body);
}

/* --- Documents -------------------------------------------------------------------------------- */

static void
document_file_cb (CcpDocument  *document,
                  GParamSpec   *pspec,
                  CcpWorkspace *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), _ccp_workspace_properties[PROP_FILE]);
}

static void
set_document (CcpWorkspace *self,
              CcpDocument  *document)
{
  GFile *old_file = ccp_document_get_file (self->document);
  GFile *new_file = ccp_document_get_file (document);
  gboolean file_changed = old_file != new_file;

  if (self->document == document)
    return;

  g_clear_signal_handler (&self->document_file_id, self->document);
  g_set_object (&self->document, document);
  self->document_file_id = g_signal_connect (document, "notify::file",
                                             G_CALLBACK (document_file_cb), self);
  if (file_changed)
    g_object_notify_by_pspec (G_OBJECT (self), _ccp_workspace_properties[PROP_FILE]);
}

static void
reset (CcpWorkspace *self,
       CcpDocument  *document,
       gboolean      merge_into)
{
  CcpFieldPlan *field_plan = CCP_FIELD_PLAN (ccp_document_get_model (document));

  ccp_workspace_cancel (self);
  g_set_object (&self->base, field_plan);
  self->merge_into = merge_into;
  g_ptr_array_set_size (self->inputs, 0);
  set_document (self, document);
  _ccp_workspace_set_modified (self, FALSE);
  _ccp_workspace_set_current (self, field_plan);
  _ccp_workspace_update_actions (self);
}

void
ccp_workspace_set_document (CcpWorkspace *self,
                            CcpDocument  *document)
{
  CcpFieldPlan *field_plan;

  g_return_if_fail (CCP_IS_WORKSPACE (self));
  g_return_if_fail (CCP_IS_DOCUMENT (document));
  g_return_if_fail (CCP_IS_FIELD_PLAN (ccp_document_get_model (document)));

  field_plan = CCP_FIELD_PLAN (ccp_document_get_model (document));
  if (ccp_document_get_file (document) == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_sources (field_plan))) == 0)
    {
      reset (self, document, FALSE);
      _ccp_workspace_set_modified (self, TRUE);
    }
  else
    reset (self, document, TRUE);
}

CcpDocument *
ccp_workspace_get_document (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), NULL);

  return self->document;
}

void
ccp_workspace_set_new_field_plan (CcpWorkspace *self,
                                  CcpFieldPlan *field_plan)
{
  g_autoptr(CcpDocument) document = NULL;

  g_return_if_fail (CCP_IS_WORKSPACE (self));
  g_return_if_fail (CCP_IS_FIELD_PLAN (field_plan));

  document = ccp_document_new (NULL, G_OBJECT (field_plan));
  reset (self, document, FALSE);
  _ccp_workspace_set_modified (self, TRUE);
}

void
ccp_workspace_set_field_plan (CcpWorkspace *self,
                              CcpFieldPlan *field_plan,
                              GFile        *file)
{
  g_autoptr(CcpDocument) document = NULL;

  g_return_if_fail (CCP_IS_WORKSPACE (self));
  g_return_if_fail (CCP_IS_FIELD_PLAN (field_plan));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  document = ccp_document_new (file, G_OBJECT (field_plan));
  reset (self, document, TRUE);
}

gboolean
ccp_workspace_save (CcpWorkspace          *self,
                    GFile                 *file,
                    CcpDocumentSaveFlags   flags,
                    GError               **error)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (CCP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->current != NULL, FALSE);

  /* The city plans merged here are what the coordinator was sent: never write over one. */
  if (ccp_workspace_uses_file (self, file))
    {
      g_autofree char *shown = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   /* Translators: %s is a file name */
                   _("“%s” is one of the city plans merged here: saving over it would destroy "
                     "it. Choose another file."), shown);
      return FALSE;
    }

  ccp_document_set_model (self->document, G_OBJECT (self->current));
  if (!ccp_document_save (self->document, file, flags, NULL, error))
    return FALSE;

  /* What is saved is what further plans are merged into. */
  g_set_object (&self->base, self->current);
  self->merge_into = TRUE;
  g_ptr_array_set_size (self->inputs, 0);
  _ccp_workspace_set_modified (self, FALSE);
  _ccp_workspace_update_header (self);

  name = _ccp_workspace_file_display_name (file);
  /* Translators: a toast; %s is a file name */
  message = g_strdup_printf (_("Saved as %s"), name);
  _ccp_workspace_add_toast (self, message);
  return TRUE;
}

gboolean
ccp_workspace_save_to_file (CcpWorkspace *self,
                            GFile        *file,
                            GError      **error)
{
  return ccp_workspace_save (self, file, CCP_DOCUMENT_SAVE_DEFAULT, error);
}

gboolean
ccp_workspace_export_to_file (CcpWorkspace     *self,
                              CcpExportFormat   format,
                              GFile            *file,
                              GError          **error)
{
  return ccp_workspace_export_to_file_full (self, format, CCP_EXPORT_CSV_NONE, file, error);
}

gboolean
ccp_workspace_export_to_file_full (CcpWorkspace       *self,
                                   CcpExportFormat     format,
                                   CcpExportCsvFlags   csv_flags,
                                   GFile              *file,
                                   GError            **error)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->current != NULL, FALSE);

  /* An export over a merged city plan, or over the field plan itself, would destroy it. */
  if (ccp_workspace_uses_file (self, file) ||
      (ccp_workspace_get_file (self) != NULL &&
       ccp_file_is_same (ccp_workspace_get_file (self), file)))
    {
      g_autofree char *shown = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   /* Translators: %s is a file name */
                   _("“%s” is a plan open here: exporting over it would destroy it. Choose "
                     "another file."), shown);
      return FALSE;
    }

  {
    CcpExportOptions options = { .csv_flags = csv_flags };

    return ccp_export_save_full (G_OBJECT (self->current), format, &options, file, NULL, error);
  }
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
                                        _ccp_workspace_parent_window (self), error);
    }
  else
    result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                      _ccp_workspace_parent_window (self), error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
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

  /* Review files open as reviews (ccp-workspace-drop.c); the others are plans to add. */
  if (_ccp_workspace_drop_reviews (self, files) &&
      g_list_model_get_n_items (G_LIST_MODEL (files)) == 0)
    return TRUE;
  return _ccp_workspace_cycle_add_files (self, G_LIST_MODEL (files));
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

/* Past this size a file's issues are located in a thread (a plan of 100,000 activities is
 * 23 MB: two parses would block the main loop for seconds); below it, at once, so that the
 * popover that asks shows the lines (a city plan is about 140 KB: a few milliseconds). */
#define LOCATE_AT_ONCE_MAX (2 * 1024 * 1024)

typedef struct {
  GFile     *file;
  char      *sha256;
  GPtrArray *issues;     /* CcpIssue: only read and changed on the main thread */
  char     **paths;      /* of the issues, in their order */
  guint     *lines;      /* found in the thread: line, column of each, 0 when unknown */
} Locate;

static void
locate_free (Locate *locate)
{
  g_object_unref (locate->file);
  g_free (locate->sha256);
  g_ptr_array_unref (locate->issues);
  g_strfreev (locate->paths);
  g_free (locate->lines);
  g_free (locate);
}

/* In any thread: the line and column of each path, from the file if its SHA-256 is still the
 * one merged (else none is found). */
static void
locate_find (Locate *locate)
{
  g_autoptr(GBytes) bytes = ccp_file_load (locate->file, CCP_FILE_MAX_SIZE, NULL, NULL);
  g_autoptr(GObject) document = NULL;
  g_autoptr(CcpLocations) locations = NULL;
  g_autofree char *sha256 = bytes != NULL ? ccp_bytes_sha256 (bytes) : NULL;
  g_autofree char *display = NULL;

  if (sha256 == NULL || !g_str_equal (sha256, locate->sha256))
    return;
  display = _ccp_workspace_file_display_name (locate->file);
  document = ccp_reader_read_bytes (bytes, display, NULL, &locations, NULL);
  for (guint i = 0; locations != NULL && locate->paths[i] != NULL; i++)
    ccp_locations_lookup (locations, locate->paths[i], &locate->lines[2 * i],
                          &locate->lines[2 * i + 1]);
}

/* On the main thread: the lines found given to the issues, in the order of the file (as
 * ccp_issues_sort() puts located issues). */
static void
locate_apply (Locate *locate)
{
  for (guint i = 0; i < locate->issues->len; i++)
    if (locate->lines[2 * i] > 0)
      ccp_issue_set_location (g_ptr_array_index (locate->issues, i), locate->lines[2 * i],
                              locate->lines[2 * i + 1]);
  ccp_issues_sort (locate->issues);
}

static void
locate_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  locate_find (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
locate_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  locate_apply (g_task_get_task_data (G_TASK (result)));
}

/* The lines of a source's issues, found when they are first shown rather than when the file
 * is read (that parses it a second time, half of the reading when most files have an issue):
 * from the file at hand if its SHA-256 is still the one merged, else they stay without. */
static void
locate_issues (CcpSource *source,
               GPtrArray *issues,
               gpointer   user_data)
{
  CcpWorkspace *self = user_data;
  GFile *file = ccp_workspace_lookup_file (self, ccp_source_get_sha256 (source));
  g_autoptr(GFileInfo) info = NULL;
  gboolean unlocated = FALSE;
  Locate *locate;

  if (file == NULL || g_hash_table_contains (self->located, issues))
    return;
  for (guint i = 0; i < issues->len && !unlocated; i++)
    unlocated = ccp_issue_get_line (g_ptr_array_index (issues, i)) == 0;
  /* Tried once: an issue without a line in the file keeps none. */
  g_hash_table_add (self->located, g_ptr_array_ref (issues));
  if (!unlocated)
    return;

  locate = g_new0 (Locate, 1);
  locate->file = g_object_ref (file);
  locate->sha256 = g_strdup (ccp_source_get_sha256 (source));
  locate->issues = g_ptr_array_ref (issues);
  locate->paths = g_new0 (char *, issues->len + 1);
  for (guint i = 0; i < issues->len; i++)
    locate->paths[i] = g_strdup (ccp_issue_get_path (g_ptr_array_index (issues, i)));
  locate->lines = g_new0 (guint, 2 * issues->len);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            NULL);
  if (info != NULL && g_file_info_get_size (info) > LOCATE_AT_ONCE_MAX)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, locate_done_cb, NULL);

      g_task_set_source_tag (task, locate_issues);
      g_task_set_task_data (task, locate, (GDestroyNotify) locate_free);
      g_task_run_in_thread (task, locate_thread);
      return;
    }
  locate_find (locate);
  locate_apply (locate);
  locate_free (locate);
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
  g_autofree char *uri = g_file_get_uri (file);

  /* The application opens it (in an empty window or a new one): the workspace does not know
   * the application. */
  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-file", "(su)", uri, 0);
}

/* --- GObject ------------------------------------------------------------------------------------ */

static void
ccp_workspace_dispose (GObject *object)
{
  CcpWorkspace *self = CCP_WORKSPACE (object);

  if (self->job != NULL)
    {
      g_cancellable_cancel (self->job->cancellable);
      g_clear_pointer (&self->job, _ccp_workspace_job_unref);
    }
  g_clear_handle_id (&self->progress_id, g_source_remove);
  _ccp_workspace_views_clear (self);
  g_clear_object (&self->base);
  g_clear_object (&self->current);
  g_clear_pointer (&self->overview, ccp_overview_data_unref);
  g_clear_pointer (&self->keys, ccp_search_keys_unref);
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_file_id, self->document);
  g_clear_object (&self->document);

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
  g_hash_table_unref (self->located);
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
      g_value_set_object (value, ccp_document_get_file (self->document));
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

  _ccp_workspace_properties[PROP_FIELD_PLAN] =
    g_param_spec_object ("field-plan", NULL, NULL, CCP_TYPE_FIELD_PLAN,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _ccp_workspace_properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _ccp_workspace_properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _ccp_workspace_properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _ccp_workspace_properties[PROP_PROGRESS_TEXT] =
    g_param_spec_string ("progress-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, _ccp_workspace_properties);

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
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, save_button);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, report_page);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, charts_box);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, source_table);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, activity_table);
  gtk_widget_class_bind_template_child (widget_class, CcpWorkspace, report_view);
  gtk_widget_class_bind_template_callback (widget_class, activity_open_file_cb);

  _ccp_workspace_class_actions_init (widget_class);
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
  _ccp_workspace_cycle_init (self);
  _ccp_workspace_actions_init (self);

  self->document = ccp_document_new (NULL, NULL);
  self->document_file_id = g_signal_connect (self->document, "notify::file",
                                             G_CALLBACK (document_file_cb), self);
  self->inputs = g_ptr_array_new_with_free_func (_ccp_workspace_input_unref);
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->issues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->located = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) g_ptr_array_unref, NULL);

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
  ccp_source_table_set_locate_func (self->source_table, locate_issues, self);
  _ccp_workspace_compare_init (self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (visible_page_cb), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  _ccp_workspace_update_actions (self);
  _ccp_workspace_update_views (self);
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

  return ccp_document_get_file (self->document);
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

gboolean
ccp_workspace_get_merging (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), FALSE);

  return self->job != NULL && self->job->phase == PHASE_MERGING;
}

guint
ccp_workspace_get_n_stopped (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), 0);

  return self->n_stopped;
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

  update_report (self);
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

gboolean
ccp_workspace_uses_file (CcpWorkspace *self,
                         GFile        *file)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (CCP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  g_hash_table_iter_init (&iter, self->files);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (ccp_file_is_same (G_FILE (value), file))
      return TRUE;
  for (guint i = 0; i < self->inputs->len; i++)
    {
      GFile *input = ((Input *) g_ptr_array_index (self->inputs, i))->file;

      if (input != NULL && ccp_file_is_same (input, file))
        return TRUE;
    }

  return FALSE;
}
