#define G_LOG_DOMAIN "ccp-window"

#include "config.h"

#include "ccp-window-private.h"

#define MAX_RECENT 6

/* Opening goes through the application's action (app.open-file), which knows every window:
 * the window does not call the application. This window is preferred when it is empty. */
static void
open_in_application (CcpWindow *self,
                     GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-file", "(su)", uri,
                              gtk_application_window_get_id (GTK_APPLICATION_WINDOW (self)));
}

static void
recent_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     CcpWindow     *self)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");

  if (file != NULL)
    open_in_application (self, file);
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

void
_ccp_window_fill_recent (CcpWindow *self)
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
    _ccp_window_fill_recent (self);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CcpWindow     *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) ||
      gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    if (!_ccp_window_drop_review (self, l->data))
      open_in_application (self, l->data);
  g_slist_free (files);

  return TRUE;
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

void
_ccp_window_start_init (CcpWindow *self)
{
  GtkDropTarget *drop;

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  _ccp_window_fill_recent (self);
  g_signal_connect (gtk_recent_manager_get_default (), "changed",
                    G_CALLBACK (recent_changed_cb), self);
}

void
_ccp_window_start_dispose (CcpWindow *self)
{
  g_signal_handlers_disconnect_by_func (gtk_recent_manager_get_default (), recent_changed_cb,
                                        self);
}

void
_ccp_window_class_start_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);
}
