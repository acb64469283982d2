/* ccp-gui-test-util.h: helpers shared by the UI tests and the screenshot programs: the short
 * ones here (static), the others in ccp-gui-test-util.c (tests/gui/meson.build links it in). */
#pragma once

#include <adwaita.h>

#include "ccp-application.h"
#include "ccp-window.h"
#include "ccp-workspace.h"
#include "ccp-test-util.h"

/* Runs the main loop until condition (re-evaluated) holds, or fails after timeout_ms. */
#define WAIT_FOR(condition, timeout_ms)                                              \
  G_STMT_START {                                                                     \
    gint64 _deadline = g_get_monotonic_time () + (gint64) (timeout_ms) * 1000;       \
    while (!(condition))                                                             \
      {                                                                              \
        if (g_get_monotonic_time () > _deadline)                                     \
          g_error ("Timed out waiting for: %s", #condition);                         \
        g_main_context_iteration (NULL, FALSE);                                      \
        g_usleep (1000);                                                             \
      }                                                                              \
  } G_STMT_END

static inline void
spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The message dialog shown over parent, or NULL. */
static inline AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          (parent == NULL || gtk_window_get_transient_for (window) == parent) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* Starts a UI test program: GTK (gtk_test_init) and libadwaita, with recovery copies and other
 * state in a private folder ($XDG_STATE_HOME), and the copies of plans sent in one inside it
 * ($XDG_DATA_HOME). Returns that folder for ccp_gui_test_run(). */
static inline char *
ccp_gui_test_init (int    *argc,
                   char ***argv)
{
  char *state = g_dir_make_tmp ("ccp-gui-state-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (state, "data", NULL);

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* On a loaded machine a blinking cursor's timer can fire after an entry's dialog lost the
   * focus but before GTK told the entry; GTK then warns "did not receive a focus-out event",
   * which G_DEBUG=fatal-warnings makes fatal. No test looks at the cursor's blinking. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  return state;
}

/* g_test_run(), then removes state and frees it. */
static inline int
ccp_gui_test_run (char *state)
{
  int status = g_test_run ();

  ccp_test_remove_tree (state);
  g_free (state);
  return status;
}

/* What widget shows, as GTK has it after its last frame: NULL while it has nothing drawn yet
 * (a frame is still to come). */
static inline GskRenderNode *
ccp_gui_widget_node (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* Renders window as it is on screen to a PNG file at path (screenshots for the metainfo). */
static inline void
ccp_gui_save_png (GtkWidget  *window,
                  const char *path)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  /* A window still laying out a new page (a loaded machine is slow) has nothing to draw yet:
   * wait for its allocation rather than fail. */
  for (guint tries = 0; node == NULL && tries < 100; tries++)
    {
      if (tries > 0)
        spin (100);
      node = ccp_gui_widget_node (window);
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Cannot write %s", path);
  g_print ("%s\n", path);
}

/* A scratch folder with the path of a plan file in it, for g_test_add (): the tests that save. */
typedef struct {
  char  *dir;
  char  *path;
  GFile *file;
} CcpGuiFileFixture;

static inline void
ccp_gui_file_fixture_set_up (CcpGuiFileFixture *f,
                             gconstpointer      data)
{
  f->dir = g_dir_make_tmp ("ccp-gui-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "plan.xml", NULL);
  f->file = g_file_new_for_path (f->path);
}

static inline void
ccp_gui_file_fixture_tear_down (CcpGuiFileFixture *f,
                                gconstpointer      data)
{
  ccp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_object_unref (f->file);
}

/* --- Finding widgets (ccp-gui-test-util.c) ------------------------------------------------ */

typedef gboolean (*CcpGuiWidgetMatch) (GtkWidget     *widget,
                                       gconstpointer  data);

/* The first widget under root (root included, depth first) that match accepts, or NULL. */
GtkWidget *ccp_gui_find               (GtkWidget         *root,
                                       CcpGuiWidgetMatch  match,
                                       gconstpointer      data);
/* Appends every widget under root (root included, depth first) that match accepts to found. */
void       ccp_gui_collect            (GtkWidget         *root,
                                       CcpGuiWidgetMatch  match,
                                       gconstpointer      data,
                                       GPtrArray         *found);
GtkWidget *ccp_gui_find_with_class    (GtkWidget         *root,
                                       const char        *css_class);
GtkWidget *ccp_gui_find_of_type       (GtkWidget         *root,
                                       GType              type);
/* The button under root labelled label (with its mnemonic underscore), or NULL. */
GtkWidget *ccp_gui_find_button        (GtkWidget         *root,
                                       const char        *label);
/* The button under root that activates action_name, or NULL. */
GtkWidget *ccp_gui_find_action_button (GtkWidget         *root,
                                       const char        *action_name);
void       ccp_gui_collect_of_type    (GtkWidget         *root,
                                       GType              type,
                                       GPtrArray         *found);
/* The nth (from 0) widget of type under root, or NULL. */
GtkWidget *ccp_gui_find_nth_of_type   (GtkWidget         *root,
                                       GType              type,
                                       guint              n);

/* The first visible toplevel window of type (a class or an interface), or NULL. */
GtkWindow *ccp_gui_find_toplevel      (GType              type);

/* The contents of path; the test fails when it cannot be read. */
char      *ccp_gui_read_file          (const char        *path);
/* Writes the Bologna example ($CCP_EXAMPLES_DIR) to path, with what matches pattern (a regular
 * expression; NULL: nothing) replaced by replacement. */
void       ccp_gui_write_example      (const char        *path,
                                       const char        *pattern,
                                       const char        *replacement);
/* A new window reading file (a city plan), presented; returned once its plan is in the editor. */
CcpWindow *ccp_gui_open_window        (GFile             *file);

/* The example city plans a coordinator merges ($CCP_EXAMPLES_DIR): their names, and as a list
 * of GFile. */
extern const char * const ccp_gui_example_names[3];
GListModel *ccp_gui_example_files     (void);
/* Adds files to workspace, as its file chooser does, and waits for the merge to end. */
void        ccp_gui_add_and_wait      (CcpWorkspace      *workspace,
                                       GListModel        *files);
/* The contents of path; the test fails when it cannot be read. */
GBytes     *ccp_gui_read_bytes        (const char        *path);

/* With $dir_variable set to a folder, renders widget to DIR/name-LANGUAGE.png (to look at)
 * after settle_ms of the main loop; else nothing. */
void       ccp_gui_save_shot          (GtkWidget         *widget,
                                       const char        *dir_variable,
                                       const char        *name,
                                       guint              settle_ms);

/* --- The screenshot programs (ccp-gui-test-util.c) ---------------------------------------- */

/* Reads OUTDIR and light|dark|rtl from argv (exits 2 with the usage, more_usage after it,
 * without them), keeps recovery state in a new folder (returned: remove it at the end), starts
 * GTK and libadwaita with the build tree's catalogues, the text direction and the colours. */
char           *ccp_gui_shots_init            (int          argc,
                                               char       **argv,
                                               const char  *more_usage,
                                               const char **dir,
                                               const char **variant);
/* The application, registered (not unique: beside a running one). */
CcpApplication *ccp_gui_shots_application_new (void);
/* Reads the example plan name ($CCP_EXAMPLES_DIR) into window; its file in *file. */
GObject        *ccp_gui_shots_open_example    (CcpWindow    *window,
                                               const char   *name,
                                               GFile       **file);
/* Renders window to DIR/<prefix><name>-<variant>.png. */
void            ccp_gui_shots_save            (GtkWidget    *window,
                                               const char   *dir,
                                               const char   *prefix,
                                               const char   *name,
                                               const char   *variant);

/* Gives workspace (shown in window) a new music 2027-H1 field plan, through the New Field Plan
 * dialog as a coordinator would. */
void ccp_gui_test_new_field_plan (GtkWindow    *window,
                                  CcpWorkspace *workspace);

/* The activities of field_plan, referenced, in order. */
GPtrArray *ccp_gui_test_activities_of (CcpFieldPlan *field_plan);
