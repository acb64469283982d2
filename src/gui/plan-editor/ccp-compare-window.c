#define G_LOG_DOMAIN "ccp-compare-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-change-list-diff.h"
#include "ccp-compare-window.h"
#include "ccp-document.h"
#include "ccp-file-filter.h"
#include "ccp-markup.h"

struct _CcpCompareWindow
{
  AdwWindow       parent_instance;

  GWeakRef        editor;
  CcpPlan        *older;
  char           *older_name;
  AdwWindowTitle *window_title;
  CcpChangeList  *change_list;
  gboolean        stale;
};

G_DEFINE_FINAL_TYPE (CcpCompareWindow, ccp_compare_window, ADW_TYPE_WINDOW)

static void
change_activated_cb (CcpChangeList    *list,
                     const char       *path,
                     CcpCompareWindow *self)
{
  g_autoptr(CcpPlanEditor) editor = g_weak_ref_get (&self->editor);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (editor == NULL || path == NULL || *path == '\0')
    return;
  /* The field is in the editor's window: it comes to the front with the focus on the field;
   * this window stays open beside it for the next change. */
  if (parent != NULL)
    gtk_window_present (parent);
  ccp_plan_editor_focus_path (editor, path);
}

void
ccp_compare_window_refresh (CcpCompareWindow *self)
{
  g_autoptr(CcpPlanEditor) editor = NULL;
  CcpPlan *current;

  g_return_if_fail (CCP_IS_COMPARE_WINDOW (self));

  self->stale = FALSE;
  editor = g_weak_ref_get (&self->editor);
  current = editor ? ccp_plan_editor_get_plan (editor) : NULL;
  if (current == NULL)
    {
      ccp_change_list_show_message (self->change_list, "dialog-information-symbolic",
                                    _("No Plan to Compare"),
                                    _("The editor no longer shows a plan."));
      return;
    }
  ccp_change_list_show_diff (self->change_list, G_OBJECT (self->older), G_OBJECT (current));
}

/* Edits in the editor: compared again, but not under the reader's eyes while this window is
 * the one in use (the rows would move); then when it becomes active again. */
static void
editor_issues_changed_cb (CcpPlanEditor    *editor,
                          CcpCompareWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    self->stale = TRUE;
  else
    ccp_compare_window_refresh (self);
}

static void
is_active_notify_cb (GObject          *object,
                     GParamSpec       *pspec,
                     CcpCompareWindow *self)
{
  if (self->stale && !gtk_window_is_active (GTK_WINDOW (self)))
    ccp_compare_window_refresh (self);
}

static void
ccp_compare_window_finalize (GObject *object)
{
  CcpCompareWindow *self = CCP_COMPARE_WINDOW (object);

  g_weak_ref_clear (&self->editor);
  g_clear_object (&self->older);
  g_free (self->older_name);

  G_OBJECT_CLASS (ccp_compare_window_parent_class)->finalize (object);
}

static void
ccp_compare_window_class_init (CcpCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ccp_compare_window_finalize;
  /* A read-only window: Escape closes it, as it does a dialog. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ccp_compare_window_init (CcpCompareWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  g_weak_ref_init (&self->editor, NULL);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 620);
  gtk_window_set_title (GTK_WINDOW (self), _("Changes"));

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Changes"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  gtk_box_append (GTK_BOX (box), header);

  self->change_list = CCP_CHANGE_LIST (ccp_change_list_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->change_list), TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->change_list), 6);
  g_signal_connect (self->change_list, "change-activated", G_CALLBACK (change_activated_cb),
                    self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->change_list));
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_notify_cb), self);
}

CcpCompareWindow *
ccp_compare_window_new (GtkWindow     *parent,
                        CcpPlanEditor *editor,
                        CcpPlan       *older,
                        const char    *older_name)
{
  CcpCompareWindow *self;
  g_autofree char *isolated = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (editor), NULL);
  g_return_val_if_fail (CCP_IS_PLAN (older), NULL);

  self = g_object_new (CCP_TYPE_COMPARE_WINDOW, "transient-for", parent, NULL);
  g_weak_ref_set (&self->editor, editor);
  self->older = g_object_ref (older);
  self->older_name = g_strdup (older_name ? older_name : "");
  isolated = ccp_bidi_isolate (self->older_name);
  /* Translators: subtitle of the window of changes: the file compared with */
  subtitle = g_strdup_printf (_("Since %s"), isolated);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  {
    g_autofree char *line = NULL;

    if (ccp_plan_get_revision (older) > 0)
      /* Translators: above the list of changes: the earlier file and its revision */
      line = g_strdup_printf (_("Compared with %s, revision %u, and the plan as it is in the "
                                "editor now"), isolated, ccp_plan_get_revision (older));
    else
      line = g_strdup_printf (_("Compared with %s, and the plan as it is in the editor now"),
                              isolated);
    ccp_change_list_set_subtitle (self->change_list, line);
  }
  g_signal_connect_object (editor, "issues-changed", G_CALLBACK (editor_issues_changed_cb),
                           self, 0);
  ccp_compare_window_refresh (self);

  return self;
}

CcpChangeList *
ccp_compare_window_get_change_list (CcpCompareWindow *self)
{
  g_return_val_if_fail (CCP_IS_COMPARE_WINDOW (self), NULL);

  return self->change_list;
}

/* --- Choosing and reading the earlier file ------------------------------------------------- */

typedef struct {
  GtkWindow             *parent;
  GWeakRef               editor;
  CcpCompareWindowReady  callback;
  gpointer               user_data;
  guint                  sent_revision;  /* > 0: the copy of the revision last sent */
  char                  *sent_day;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->sent_day);
  g_clear_object (&data->parent);
  g_weak_ref_clear (&data->editor);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static void
show_refusal (GtkWindow  *parent,
              GFile      *file,
              const char *reason)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *isolated = ccp_bidi_isolate (name);
  /* Translators: heading of the message when a file picked for "Compare with…" cannot be used */
  g_autofree char *heading = g_strdup_printf (_("Cannot Compare with “%s”"), isolated);
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, reason);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The copy kept when the plan was sent has no name of its own: the window says which
 * revision it is and when it went. */
static void
set_sent_labels (CcpCompareWindow *self,
                 guint             revision,
                 const char       *day)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *line = NULL;

  /* Translators: subtitle of the window of changes; %u is the revision last sent */
  subtitle = g_strdup_printf (_("Since revision %u as sent"), revision);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (day != NULL && *day != '\0')
    /* Translators: above the list of changes; %u is a revision, %s a date (2027-01-18) */
    line = g_strdup_printf (_("Compared with revision %u as it was sent to the coordinator on "
                              "%s, and the plan as it is in the editor now"), revision, day);
  else
    /* Translators: above the list of changes; %u is a revision */
    line = g_strdup_printf (_("Compared with revision %u as it was sent to the coordinator, and "
                              "the plan as it is in the editor now"), revision);
  ccp_change_list_set_subtitle (self->change_list, line);
}

static void
older_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  CcpDocument *document = CCP_DOCUMENT (source);
  GFile *file = ccp_document_get_file (document);
  g_autoptr(CcpPlanEditor) editor = g_weak_ref_get (&data->editor);
  g_autoptr(GError) error = NULL;
  CcpCompareWindow *window = NULL;
  GObject *model = NULL;

  if (ccp_document_load_finish (document, result, NULL, &error))
    model = ccp_document_get_model (document);

  /* The editor closed or emptied meanwhile: nothing to compare with. */
  if (editor == NULL || ccp_plan_editor_get_plan (editor) == NULL)
    window = NULL;
  else if (model == NULL)
    show_refusal (data->parent, file, error ? error->message : _("The file could not be read."));
  else if (!CCP_IS_PLAN (model))
    show_refusal (data->parent, file,
                  _("This is a field plan. Compare a city plan with another version of the "
                    "same city plan."));
  else
    {
      g_autofree char *name = g_file_get_basename (file);

      window = ccp_compare_window_new (data->parent, editor, CCP_PLAN (model), name);
      if (data->sent_revision > 0)
        set_sent_labels (window, data->sent_revision, data->sent_day);
      gtk_window_present (GTK_WINDOW (window));
    }

  if (data->callback != NULL)
    data->callback (window, data->user_data);
}

static void
open_file_full (GtkWindow             *parent,
                CcpPlanEditor         *editor,
                GFile                 *file,
                guint                  sent_revision,
                const char            *sent_day,
                CcpCompareWindowReady  callback,
                gpointer               user_data)
{
  g_autoptr(CcpDocument) document = NULL;
  OpenData *data;

  data = g_new0 (OpenData, 1);
  data->parent = parent ? g_object_ref (parent) : NULL;
  g_weak_ref_init (&data->editor, editor);
  data->callback = callback;
  data->user_data = user_data;
  data->sent_revision = sent_revision;
  data->sent_day = g_strdup (sent_day);
  /* Read through the document (bounded, guarded, in a thread), never to be saved. */
  document = ccp_document_new (file, NULL);
  ccp_document_load_async (document, NULL, older_read_cb, data);
}

void
ccp_compare_window_open_file (GtkWindow             *parent,
                              CcpPlanEditor         *editor,
                              GFile                 *file,
                              CcpCompareWindowReady  callback,
                              gpointer               user_data)
{
  g_return_if_fail (CCP_IS_PLAN_EDITOR (editor));
  g_return_if_fail (G_IS_FILE (file));

  open_file_full (parent, editor, file, 0, NULL, callback, user_data);
}

void
ccp_compare_window_open_sent (GtkWindow             *parent,
                              CcpPlanEditor         *editor,
                              GFile                 *file,
                              guint                  revision,
                              const char            *day,
                              CcpCompareWindowReady  callback,
                              gpointer               user_data)
{
  g_return_if_fail (CCP_IS_PLAN_EDITOR (editor));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (revision > 0);

  open_file_full (parent, editor, file, revision, day, callback, user_data);
}

static void
choose_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(OpenData) data = user_data;
  g_autoptr(CcpPlanEditor) editor = g_weak_ref_get (&data->editor);

  if (response == GTK_RESPONSE_ACCEPT && editor != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        ccp_compare_window_open_file (data->parent, editor, file, NULL, NULL);
    }
  g_object_unref (dialog);
}

void
ccp_compare_window_choose (GtkWindow     *parent,
                           CcpPlanEditor *editor)
{
  GtkFileChooserNative *dialog;
  OpenData *data;

  g_return_if_fail (CCP_IS_PLAN_EDITOR (editor));

  data = g_new0 (OpenData, 1);
  data->parent = parent ? g_object_ref (parent) : NULL;
  g_weak_ref_init (&data->editor, editor);
  dialog = gtk_file_chooser_native_new (_("Compare with an Earlier Version"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), ccp_plan_file_filter_new ());
  g_signal_connect (dialog, "response", G_CALLBACK (choose_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
