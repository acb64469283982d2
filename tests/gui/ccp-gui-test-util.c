/* ccp-gui-test-util.c: the functions of ccp-gui-test-util.h shared by the UI tests and the
 * screenshot programs: finding widgets, screenshots, reading files. */
#define G_LOG_DOMAIN "ccp-gui-test-util"

#include "config.h"

#include <libintl.h>
#include <stdlib.h>

#include "ccp-application.h"
#include "ccp-window.h"
#include "ccp-gui-test-util.h"
#include "ccp-new-field-plan-dialog.h"

GtkWidget *
ccp_gui_find (GtkWidget         *root,
              CcpGuiWidgetMatch  match,
              gconstpointer      data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ccp_gui_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
ccp_gui_collect (GtkWidget         *root,
                 CcpGuiWidgetMatch  match,
                 gconstpointer      data,
                 GPtrArray         *found)
{
  if (match (root, data))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ccp_gui_collect (child, match, data, found);
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, (GType) GPOINTER_TO_SIZE (type));
}

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

GtkWidget *
ccp_gui_find_with_class (GtkWidget  *root,
                         const char *css_class)
{
  return ccp_gui_find (root, has_class, css_class);
}

GtkWidget *
ccp_gui_find_of_type (GtkWidget *root,
                      GType      type)
{
  return ccp_gui_find (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

GtkWidget *
ccp_gui_find_button (GtkWidget  *root,
                     const char *label)
{
  return ccp_gui_find (root, is_button_labelled, label);
}

GtkWidget *
ccp_gui_find_action_button (GtkWidget  *root,
                            const char *action_name)
{
  return ccp_gui_find (root, is_action_button, action_name);
}

void
ccp_gui_collect_of_type (GtkWidget *root,
                         GType      type,
                         GPtrArray *found)
{
  ccp_gui_collect (root, is_of_type, GSIZE_TO_POINTER (type), found);
}

GtkWidget *
ccp_gui_find_nth_of_type (GtkWidget *root,
                          GType      type,
                          guint      n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  ccp_gui_collect_of_type (root, type, found);
  return n < found->len ? g_ptr_array_index (found, n) : NULL;
}

char *
ccp_gui_read_file (const char *path)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

GtkWindow *
ccp_gui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

void
ccp_gui_write_example (const char *path,
                       const char *pattern,
                       const char *replacement)
{
  g_autofree char *example_path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"),
                                                    "bologna-music-2027-h1.xml", NULL);
  g_autofree char *contents = ccp_gui_read_file (example_path);
  g_autoptr(GError) error = NULL;

  if (pattern != NULL)
    {
      g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
      char *changed = g_regex_replace_literal (regex, contents, -1, 0,
                                               replacement ? replacement : "", 0, NULL);

      g_free (contents);
      contents = changed;
    }
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

CcpWindow *
ccp_gui_open_window (GFile *file)
{
  CcpWindow *window = ccp_window_new (NULL);

  ccp_window_load_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (ccp_window_get_plan (window) != NULL && ccp_window_get_editor (window) != NULL,
            10000);
  spin (50);
  return window;
}

const char * const ccp_gui_example_names[3] = {
  "bologna-music-2027-h1.xml", "liverpool-music-2027-h1.xml", "medellin-music-2027-h1.xml",
};

GListModel *
ccp_gui_example_files (void)
{
  GListStore *files = g_list_store_new (G_TYPE_FILE);

  for (guint i = 0; i < G_N_ELEMENTS (ccp_gui_example_names); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"),
                                                ccp_gui_example_names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_list_store_append (files, file);
    }
  return G_LIST_MODEL (files);
}

void
ccp_gui_add_and_wait (CcpWorkspace *workspace,
                      GListModel   *files)
{
  g_assert_true (ccp_workspace_add_files (workspace, files));
  g_assert_true (ccp_workspace_get_busy (workspace));
  WAIT_FOR (!ccp_workspace_get_busy (workspace), 60000);
}

GBytes *
ccp_gui_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
ccp_gui_save_shot (GtkWidget  *widget,
                   const char *dir_variable,
                   const char *name,
                   guint       settle_ms)
{
  const char *dir = g_getenv (dir_variable);
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  spin (settle_ms);
  file_name = g_strdup_printf ("%s-%s.png", name, language ? language : "C");
  path = g_build_filename (dir, file_name, NULL);
  ccp_gui_save_png (widget, path);
}

/* --- The screenshot programs -------------------------------------------------------------- */

char *
ccp_gui_shots_init (int          argc,
                    char       **argv,
                    const char  *more_usage,
                    const char **dir,
                    const char **variant)
{
  char *state;

  if (argc < 3)
    {
      g_printerr ("Usage: %s OUTDIR light|dark|rtl%s\n", argv[0], more_usage);
      exit (2);
    }
  *dir = argv[1];
  *variant = argv[2];

  /* No recovery offer from the user's own state. */
  state = g_dir_make_tmp ("ccp-shots-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  /* As main.c does: the catalogues of the build tree when CCP_LOCALEDIR says so. */
  ccp_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();
  if (g_str_equal (*variant, "rtl"))
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      g_str_equal (*variant, "dark")
                                      ? ADW_COLOR_SCHEME_FORCE_DARK
                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
  return state;
}

CcpApplication *
ccp_gui_shots_application_new (void)
{
  CcpApplication *app = ccp_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  return app;
}

GObject *
ccp_gui_shots_open_example (CcpWindow  *window,
                            const char *name,
                            GFile     **file)
{
  const char *examples = g_getenv ("CCP_EXAMPLES_DIR");
  g_autofree char *path = g_build_filename (examples ? examples : "data/examples", name, NULL);
  g_autoptr(GError) error = NULL;
  GObject *document;

  *file = g_file_new_for_path (path);
  document = ccp_reader_read_file (*file, NULL, NULL, NULL, NULL, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  ccp_window_set_document (window, document, *file, FALSE);
  return document;
}

void
ccp_gui_shots_save (GtkWidget  *window,
                    const char *dir,
                    const char *prefix,
                    const char *name,
                    const char *variant)
{
  g_autofree char *file_name = g_strdup_printf ("%s%s-%s.png", prefix, name, variant);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);

  ccp_gui_save_png (window, path);
}

static void
field_plan_created_cb (CcpNewFieldPlanDialog *dialog,
                       CcpWorkspace          *workspace)
{
  g_autoptr(CcpFieldPlan) field_plan = ccp_new_field_plan_dialog_create_field_plan (dialog);

  ccp_workspace_set_new_field_plan (workspace, field_plan);
}

void
ccp_gui_test_new_field_plan (GtkWindow    *window,
                             CcpWorkspace *workspace)
{
  CcpNewFieldPlanDialog *dialog = ccp_new_field_plan_dialog_new (window);

  g_signal_connect (dialog, "done", G_CALLBACK (field_plan_created_cb), workspace);
  gtk_window_present (GTK_WINDOW (dialog));
  ccp_new_field_plan_dialog_set_field (dialog, "music");
  ccp_new_field_plan_dialog_set_period (dialog, "2027-H1");
  ccp_new_field_plan_dialog_respond (dialog);
}

GPtrArray *
ccp_gui_test_activities_of (CcpFieldPlan *field_plan)
{
  CcpItemList *list = ccp_field_plan_get_activities (field_plan);
  GPtrArray *activities = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ccp_item_list_get_n_items (list); i++)
    g_ptr_array_add (activities, g_object_ref (ccp_item_list_peek (list, i)));
  return activities;
}
