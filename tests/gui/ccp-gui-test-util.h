/* ccp-gui-test-util.h: helpers shared by the UI tests (header-only, static). */
#pragma once

#include <adwaita.h>

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
