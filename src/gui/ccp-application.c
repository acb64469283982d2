#define G_LOG_DOMAIN "ccp-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-application.h"
#include "ccp-carry-dialog.h"
#include "ccp-document.h"
#include "ccp-file-filter.h"
#include "ccp-new-field-plan-dialog.h"
#include "ccp-plan-tools.h"
#include "ccp-recovery.h"
#include "ccp-window.h"

struct _CcpApplication
{
  AdwApplication  parent_instance;

  char           *broken_installation;  /* why the shipped data cannot be read, or NULL */

  gboolean        recovery_checked;
};

G_DEFINE_FINAL_TYPE (CcpApplication, ccp_application, ADW_TYPE_APPLICATION)

static CcpWindow *
find_empty_window (CcpApplication *self,
                   GtkWindow      *preferred)
{
  if (CCP_IS_WINDOW (preferred) && ccp_window_is_empty (CCP_WINDOW (preferred)))
    return CCP_WINDOW (preferred);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (CCP_IS_WINDOW (l->data) && ccp_window_is_empty (l->data))
      return l->data;

  return ccp_window_new (GTK_APPLICATION (self));
}

GtkWindow *
ccp_application_open_file (CcpApplication *self,
                           GFile          *file,
                           GtkWindow      *preferred)
{
  CcpWindow *window;

  g_return_val_if_fail (CCP_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *open = CCP_IS_WINDOW (l->data) ? ccp_window_get_file (l->data) : NULL;

      if (open != NULL && g_file_equal (open, file))
        {
          gtk_window_present (l->data);
          return l->data;
        }
    }

  window = find_empty_window (self, preferred);
  ccp_window_load_file (window, file);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

/* --- Recovery ----------------------------------------------------------------------------- */

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CcpApplication   *self)
{
  GPtrArray *entries = g_object_get_data (G_OBJECT (dialog), "entries");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      CcpRecoveryEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (response, "discard"))
        ccp_recovery_remove (entry->key);
      else if (g_str_equal (response, "restore"))
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(CcpPlan) plan = ccp_recovery_read (entry, &error);
          CcpWindow *window;

          if (plan == NULL)
            {
              g_autofree char *message = NULL;

              /* Translators: a toast; %s says why */
              message = g_strdup_printf (_("Could not restore unsaved work: %s"),
                                         error ? error->message : "");
              if (CCP_IS_WINDOW (parent))
                ccp_window_add_toast (CCP_WINDOW (parent), adw_toast_new (message));
              continue;
            }

          window = find_empty_window (self, parent);
          ccp_window_restore (window, plan, entry->original, entry->key);
          gtk_window_present (GTK_WINDOW (window));
        }
    }
}

GtkWindow *
ccp_application_offer_recovery (CcpApplication *self,
                                GtkWindow      *parent)
{
  g_autoptr(GPtrArray) entries = ccp_recovery_list ();
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  g_return_val_if_fail (CCP_IS_APPLICATION (self), NULL);

  if (entries->len == 0)
    return NULL;

  /* Not "this plan": the dialog shows over a window that may hold another plan, or none. */
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                             "Unsaved changes to %u plan were kept when the "
                                             "application last stopped:",
                                             "Unsaved changes to %u plans were kept when the "
                                             "application last stopped:",
                                             entries->len), entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      CcpRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *name = NULL;
      g_autofree char *when = NULL;
      g_autoptr(GDateTime) local = g_date_time_to_local (entry->written);

      if (entry->original != NULL)
        name = g_file_get_basename (entry->original);
      else
        name = g_strdup (_("New City Plan"));
      when = g_date_time_format (local, "%x %X");
      g_string_append_c (body, '\n');
      /* Translators: one line per plan to restore: file name, then when it was last changed */
      g_string_append_printf (body, _("• %s (%s)"), name, when);
    }

  dialog = adw_message_dialog_new (parent, _("Restore Unsaved Work?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "entries", g_steal_pointer (&entries),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
check_recovery_once (CcpApplication *self,
                     GtkWindow      *parent)
{
  if (self->recovery_checked)
    return;
  self->recovery_checked = TRUE;
  ccp_application_offer_recovery (self, parent);
}

/* --- Actions ------------------------------------------------------------------------------ */

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  CcpApplication *self = user_data;
  CcpWindow *window = find_empty_window (self,
                                         gtk_application_get_active_window (GTK_APPLICATION (self)));

  ccp_window_new_plan (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  CcpApplication  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      GListModel *files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      GtkWindow *parent = gtk_native_dialog_get_transient_for (dialog);
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          ccp_application_open_file (self, file, parent);
        }
      g_object_unref (files);
    }
  g_object_unref (dialog);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CcpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Plans"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), ccp_plan_file_filter_new ());
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
show_carried_plan (CcpApplication *self,
                   GtkWindow      *parent,
                   CcpPlan        *plan)
{
  g_autofree char *message = NULL;
  CcpWindow *window;
  GListModel *activities;
  guint n;

  window = find_empty_window (self, parent);
  ccp_window_set_document (window, G_OBJECT (plan), NULL, TRUE);
  activities = G_LIST_MODEL (ccp_plan_get_activities (plan));
  n = g_list_model_get_n_items (activities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

      ccp_plan_editor_flag_dates_for_review (ccp_window_get_editor (window), activity);
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u activity carried over: check its dates",
                                          "%u activities carried over: check their dates", n),
                             n);
  ccp_window_add_toast (window, adw_toast_new (message));
  gtk_window_present (GTK_WINDOW (window));
}

static void
carry_done_cb (CcpCarryDialog *dialog,
               CcpPlan        *plan,
               CcpApplication *self)
{
  show_carried_plan (self, gtk_window_get_transient_for (GTK_WINDOW (dialog)), plan);
}

static void
previous_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CcpApplication) self = user_data;
  CcpDocument *previous = CCP_DOCUMENT (source);
  GFile *file = ccp_document_get_file (previous);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;
  GObject *document = ccp_document_load_finish (previous, result, NULL, &error)
                      ? ccp_document_get_model (previous) : NULL;
  g_autofree char *next = NULL;
  CcpCarryDialog *dialog;

  if (CCP_IS_PLAN (document))
    next = ccp_period_next (ccp_plan_get_period (CCP_PLAN (document)));

  if (next == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      const char *reason = error ? error->message
                                 : CCP_IS_PLAN (document)
                                   ? _("The plan has no valid period, so the next one is unknown.")
                                   : _("This is a field plan, not a city plan.");
      GtkWidget *message = adw_message_dialog_new (parent, heading, reason);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }

  if (!g_object_get_data (G_OBJECT (previous), "ccp-ask"))
    {
      g_autoptr(CcpPlan) plan = ccp_plan_carry_forward (CCP_PLAN (document), CCP_CARRY_DEFAULT,
                                                        NULL);

      show_carried_plan (self, parent, plan);
      return;
    }

  /* The Focal Point picks what to carry; the new draft is made on Create. */
  dialog = ccp_carry_dialog_new (parent, CCP_PLAN (document));
  g_signal_connect_object (dialog, "done", G_CALLBACK (carry_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
previous_response_cb (GtkNativeDialog *dialog,
                      int              response,
                      CcpApplication  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        ccp_application_choose_carried (self, file);
    }
  g_object_unref (dialog);
}

static void
read_previous (CcpApplication *self,
               GFile          *previous,
               gboolean        ask)
{
  g_autoptr(CcpDocument) document = NULL;

  /* Read in a thread by the document; only its plan is kept (the new draft has no file). */
  document = ccp_document_new (previous, NULL);
  g_object_set_data (G_OBJECT (document), "ccp-ask", GINT_TO_POINTER (ask));
  ccp_document_load_async (document, NULL, previous_read_cb, g_object_ref (self));
}

void
ccp_application_new_from_previous (CcpApplication *self,
                                   GFile          *previous)
{
  g_return_if_fail (CCP_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (previous));

  read_previous (self, previous, FALSE);
}

void
ccp_application_choose_carried (CcpApplication *self,
                                GFile          *previous)
{
  g_return_if_fail (CCP_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (previous));

  read_previous (self, previous, TRUE);
}

static void
new_from_previous_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  CcpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Choose the Plan of the Previous Period"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), ccp_plan_file_filter_new ());
  g_signal_connect (dialog, "response", G_CALLBACK (previous_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CcpApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CcpApplication *self = user_data;
  const char *developers[] = { _("The Creative Cities Plans contributors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Creative Cities Plans"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Six-month activity plans of the UNESCO Creative Cities "
                                      "Network, in one common format."),
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

/* The coordinator's workspace: a new field plan, then city plans merged into it. */
static void
new_field_plan_done_cb (CcpNewFieldPlanDialog *dialog,
                        CcpApplication        *self)
{
  g_autoptr(CcpFieldPlan) field_plan = ccp_new_field_plan_dialog_create_field_plan (dialog);
  CcpWindow *window = find_empty_window (self, gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  ccp_window_set_document (window, G_OBJECT (field_plan), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
merge_plans_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CcpApplication *self = user_data;
  CcpNewFieldPlanDialog *dialog =
    ccp_new_field_plan_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)));

  g_signal_connect_object (dialog, "done", G_CALLBACK (new_field_plan_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens the file of a URI; the window of the id (0: none) is preferred when it is empty. The
 * views and windows open files through it, so that they never call the application. */
static void
open_file_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  CcpApplication *self = user_data;
  const char *uri;
  guint window_id;
  g_autoptr(GFile) file = NULL;
  GtkWindow *preferred;

  g_variant_get (parameter, "(&su)", &uri, &window_id);
  file = g_file_new_for_uri (uri);
  preferred = window_id != 0 ? gtk_application_get_window_by_id (GTK_APPLICATION (self),
                                                                 window_id)
                             : NULL;
  ccp_application_open_file (self, file, preferred);
}

static const GActionEntry app_actions[] = {
  { "new", new_activated, NULL, NULL, NULL, { 0 } },
  { "open", open_activated, NULL, NULL, NULL, { 0 } },
  { "open-file", open_file_activated, "(su)", NULL, NULL, { 0 } },
  { "new-from-previous", new_from_previous_activated, NULL, NULL, NULL, { 0 } },
  { "merge-plans", merge_plans_activated, NULL, NULL, NULL, { 0 } },
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
  { "shortcuts", shortcuts_activated, NULL, NULL, NULL, { 0 } },
};

/* --- GApplication ------------------------------------------------------------------------- */

static void
ccp_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.close", { "<Control>w", NULL } },
    /* Every action has a shortcut; the editor's own are widget bindings (Ctrl+Z, F9, ...). */
    { "app.new-from-previous", { "<Control><Alt>n", NULL } },
    { "app.merge-plans", { "<Control><Shift>m", NULL } },
    { "app.about", { "F1", NULL } },
    { "app.shortcuts", { "<Control>F1", NULL } },
    { "win.mark-final", { "<Control><Alt>f", NULL } },
    { "win.mark-draft", { "<Control><Alt>d", NULL } },
    { "win.compare-with", { "<Control><Alt>c", NULL } },
  };

  CcpApplication *self = CCP_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (ccp_application_parent_class)->startup (application);

  /* Every window reads the shipped data: check it once, here, rather than abort at first use. */
  if (!ccp_vocabulary_load_default (&error) || !ccp_registry_load_default (&error) ||
      !ccp_iso_codes_load_default (&error))
    self->broken_installation = g_strdup (error->message);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), accels[i].action,
                                           accels[i].accels);
}

/* Without its data files the application can do nothing: it says which one is missing, and
 * closes when the dialog does. */
static gboolean
report_broken_installation (CcpApplication *self)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->broken_installation == NULL)
    return FALSE;

  body = g_strdup_printf ("%s\n\n%s", self->broken_installation,
                          _("Reinstall Creative Cities Plans and the iso-codes package it needs. "
                            "A program run from its build folder needs CCP_DATA_DIR set to the "
                            "source's data folder."));
  dialog = adw_message_dialog_new (NULL, _("The Installation Is Incomplete"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
ccp_application_activate (GApplication *application)
{
  CcpApplication *self = CCP_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (report_broken_installation (self))
    return;
  if (window == NULL)
    window = GTK_WINDOW (ccp_window_new (GTK_APPLICATION (self)));
  gtk_window_present (window);
  check_recovery_once (self, window);
}

static void
ccp_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  CcpApplication *self = CCP_APPLICATION (application);
  GtkWindow *window = NULL;

  if (report_broken_installation (self))
    return;
  for (int i = 0; i < n_files; i++)
    window = ccp_application_open_file (self, files[i], NULL);
  if (window != NULL)
    check_recovery_once (self, window);
}

static void
ccp_application_finalize (GObject *object)
{
  g_free (CCP_APPLICATION (object)->broken_installation);

  G_OBJECT_CLASS (ccp_application_parent_class)->finalize (object);
}

static void
ccp_application_class_init (CcpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ccp_application_finalize;
  app_class->startup = ccp_application_startup;
  app_class->activate = ccp_application_activate;
  app_class->open = ccp_application_open;
}

static void
ccp_application_init (CcpApplication *self)
{
}

CcpApplication *
ccp_application_new (void)
{
  return g_object_new (CCP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/creativecities/Plans",
                       NULL);
}
