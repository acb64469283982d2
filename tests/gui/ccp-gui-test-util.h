/* ccp-gui-test-util.h: helpers shared by the UI tests (header-only, static). */
#pragma once

#include <adwaita.h>

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

/* Renders window as it is on screen to a PNG file at path (screenshots for the metainfo). */
static inline void
ccp_gui_save_png (GtkWidget  *window,
                  const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  /* A window still laying out a new page (a loaded machine is slow) has nothing to draw yet:
   * wait for its allocation rather than fail. */
  for (guint tries = 0; node == NULL && tries < 100; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (tries > 0)
        spin (100);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
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
