/* ccp-workspace-actions.c: the workspace's actions (add plans or a folder, details, save,
 * save as, export, print, cancel, search the activities) and the choosers they open. */
#define G_LOG_DOMAIN "ccp-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-activity-table.h"
#include "ccp-file-filter.h"
#include "ccp-new-field-plan-dialog.h"
#include "ccp-workspace-private.h"

/* --- Details ----------------------------------------------------------------------------------- */

static void
details_done_cb (CcpNewFieldPlanDialog *dialog,
                 CcpWorkspace          *self)
{
  if (self->base == NULL || self->job != NULL)
    return;
  ccp_new_field_plan_dialog_apply (dialog, self->base);
  _ccp_workspace_set_modified (self, TRUE);
  _ccp_workspace_remerge (self);
}

GtkWindow *
ccp_workspace_show_details (CcpWorkspace *self)
{
  CcpNewFieldPlanDialog *dialog;

  g_return_val_if_fail (CCP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (self->base != NULL, NULL);

  dialog = ccp_new_field_plan_dialog_new (_ccp_workspace_parent_window (self));
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

      _ccp_workspace_cycle_add_files (self, files);
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
                                        _ccp_workspace_parent_window (self),
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                               : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  if (!folder)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), ccp_plan_file_filter_new ());
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

      _ccp_workspace_show_message (self, heading, error->message);
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

  dialog = gtk_file_chooser_native_new (_("Save Field Plan"), _ccp_workspace_parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), ccp_plan_file_filter_new ());
  if (ccp_workspace_get_file (self) != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), ccp_workspace_get_file (self), NULL);
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
  GFile *file = ccp_workspace_get_file (self);

  if (file != NULL && !g_str_equal (action_name, "workspace.save-as"))
    save_reporting_errors (self, file);
  else
    save_as (self);
}

/* What the export menu offers: its dialog's title and the end of the file name proposed (an
 * IATI file is XML too: ".iati.xml" keeps it from proposing the field plan's own name). */
static const struct {
  CcpExportFormat  format;
  const char      *title;
  const char      *suffix;
} export_kinds[] = {
  { CCP_EXPORT_FORMAT_CSV, N_("Export as CSV"), "csv" },
  { CCP_EXPORT_FORMAT_HTML, N_("Export as HTML"), "html" },
  { CCP_EXPORT_FORMAT_IATI, N_("Export as IATI XML"), "iati.xml" },
  { CCP_EXPORT_FORMAT_XLSX, N_("Export as Excel Workbook"), "xlsx" },
};

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
      CcpExportCsvFlags flags = CCP_EXPORT_CSV_NONE;

      if (format == CCP_EXPORT_FORMAT_CSV &&
          g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "bom"), "true") == 0)
        flags |= CCP_EXPORT_CSV_BOM;
      if (format == CCP_EXPORT_FORMAT_CSV &&
          g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "hxl"), "true") == 0)
        flags |= CCP_EXPORT_CSV_HXL;
      if (file != NULL && !ccp_workspace_export_to_file_full (self, format, flags, file, &error))
        {
          g_autofree char *name = g_file_get_parse_name (file);
          /* Translators: heading of the message when an export fails; %s is the file */
          g_autofree char *heading = g_strdup_printf (_("Could Not Export to “%s”"), name);

          _ccp_workspace_show_message (self, heading, error->message);
        }
      else if (file != NULL)
        {
          g_autofree char *name = _ccp_workspace_file_display_name (file);
          /* Translators: a toast; %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Exported to %s"), name);

          _ccp_workspace_add_toast (self, message);
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
  CcpExportFormat format;
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  guint kind;

  if (!ccp_export_format_from_name (g_variant_get_string (parameter, NULL), &format))
    return;
  for (kind = 0; export_kinds[kind].format != format; kind++)
    g_assert (kind + 1 < G_N_ELEMENTS (export_kinds));
  name = suggest_name (self, export_kinds[kind].suffix);
  dialog = gtk_file_chooser_native_new (_(export_kinds[kind].title),
                                        _ccp_workspace_parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "format", GINT_TO_POINTER (format));
  if (format == CCP_EXPORT_FORMAT_CSV)
    {
      /* On by default: Excel, which most recipients open CSV files with, reads accented
       * letters right only with the mark; other programs ignore it. */
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "bom",
                                   _("Mark the file as UTF-8 for Excel (byte-order mark)"),
                                   NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "bom", "true");
      /* Off by default: the tag row is for humanitarian data tools, a second header row to
       * anyone else. */
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "hxl",
                                   _("Add HXL hashtags for humanitarian data tools"),
                                   NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "hxl", "false");
    }
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
    _ccp_workspace_show_message (self, _("Could Not Print"), error->message);
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ccp_workspace_cancel (CCP_WORKSPACE (widget));
}

/* The City Plans page's search on that page; from any other, the activities page's. */
static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CcpWorkspace *self = CCP_WORKSPACE (widget);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "sources") == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (ccp_source_table_get_search_entry (self->source_table)));
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "activities");
  gtk_widget_grab_focus (GTK_WIDGET (ccp_activity_table_get_search_entry (self->activity_table)));
}

void
_ccp_workspace_update_actions (CcpWorkspace *self)
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.search", has_plan);
  /* In every phase, the last one too (the previous field plan is shown again). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.cancel", !idle);
}

void
_ccp_workspace_class_actions_init (GtkWidgetClass *widget_class)
{
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
  gtk_widget_class_install_action (widget_class, "workspace.search", NULL, search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "workspace.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "workspace.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "workspace.cancel", NULL);
}

/* Ctrl+F as in the editor, wherever the focus is in the window (its header too): a global
 * shortcut, which GTK runs only while the workspace is on screen. */
void
_ccp_workspace_actions_init (CcpWorkspace *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (
                                                            GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new (
                                                            "workspace.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
