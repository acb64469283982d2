/* ccp-reveal-model.c: a prefix of a list model that grows a chunk per frame (see
 * ccp-reveal-model.h). */
#define G_LOG_DOMAIN "ccp-reveal-model"

#include "config.h"

#include "ccp-reveal-model.h"

/* Rows made per frame (a row of the activities table: about 1.5 ms to make, 3 to 4 ms to lay
 * out the first time on a loaded machine), and how many are shown that way before the rest
 * is shown at once (past the 200 rows a GTK 4.8 view makes, they cost no widget). */
#define CHUNK  8
#define STAGED 240
/* A change of the items (a search) bigger than this, on screen, is shown a chunk per frame
 * too: the first rows in at once are those whose items had rows and CHUNK new ones. */
#define BIG_CHANGE (4 * CHUNK)

struct _CcpRevealModel
{
  GObject     parent_instance;

  GListModel *model;
  GtkWidget  *view;       /* weak pointer */
  gboolean    partial;
  guint       n_shown;    /* while partial */
  guint       tick_id;
  GPtrArray  *head;       /* the first STAGED items shown: those the view may have rows of */
};

static GType
reveal_get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (CCP_REVEAL_MODEL (list)->model);
}

static guint
reveal_get_n_items (GListModel *list)
{
  CcpRevealModel *self = CCP_REVEAL_MODEL (list);

  return self->partial ? self->n_shown : g_list_model_get_n_items (self->model);
}

static gpointer
reveal_get_item (GListModel *list,
                 guint       position)
{
  CcpRevealModel *self = CCP_REVEAL_MODEL (list);

  if (position >= reveal_get_n_items (list))
    return NULL;
  return g_list_model_get_item (self->model, position);
}

static void
ccp_reveal_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = reveal_get_item_type;
  iface->get_n_items = reveal_get_n_items;
  iface->get_item = reveal_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CcpRevealModel, ccp_reveal_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ccp_reveal_model_list_init))

static void
stop_ticks (CcpRevealModel *self)
{
  if (self->tick_id != 0 && self->view != NULL)
    gtk_widget_remove_tick_callback (self->view, self->tick_id);
  self->tick_id = 0;
}

static void start_ticks (CcpRevealModel *self);

static void
remember_head (CcpRevealModel *self)
{
  guint n = MIN (reveal_get_n_items (G_LIST_MODEL (self)), STAGED);

  g_ptr_array_set_size (self->head, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->head, g_list_model_get_item (self->model, i));
}

/* How many first items of the model to show so that at most CHUNK of them are new (had no
 * row in the head shown before). */
static guint
prefix_with_few_new (CcpRevealModel *self)
{
  g_autoptr(GHashTable) had = g_hash_table_new (NULL, NULL);
  guint n = MIN (g_list_model_get_n_items (self->model), STAGED);
  guint n_new = 0;
  guint i;

  for (i = 0; i < self->head->len; i++)
    g_hash_table_add (had, g_ptr_array_index (self->head, i));
  for (i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, i);

      if (!g_hash_table_contains (had, item) && ++n_new > CHUNK)
        break;
    }
  return i;
}

/* Whether the items added at position bring more than a chunk of items without a row onto
 * the prefix (a model of stable row items, ccp-slot-model.h, brings none: its rows are bound
 * again, not made). */
static gboolean
brings_new_rows (CcpRevealModel *self,
                 guint           position,
                 guint           added)
{
  g_autoptr(GHashTable) had = g_hash_table_new (NULL, NULL);
  guint end = MIN (position + added, STAGED);
  guint n_new = 0;

  for (guint i = 0; i < self->head->len; i++)
    g_hash_table_add (had, g_ptr_array_index (self->head, i));
  for (guint i = position; i < end; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, i);

      if (!g_hash_table_contains (had, item) && ++n_new > CHUNK)
        return TRUE;
    }
  return FALSE;
}

/* The items under the prefix changed: what is shown changes from position on. */
static void
model_changed_cb (GListModel     *model,
                  guint           position,
                  guint           removed,
                  guint           added,
                  CcpRevealModel *self)
{
  guint n_before, n_after;

  /* A big change on screen (a search): the rows made for it come a chunk per frame. Also
   * while a chunk per frame is still coming in (the next keystroke of a search): otherwise
   * every row of the prefix shown so far would be made for the new items at once. */
  if (removed + added > BIG_CHANGE && position < (self->partial ? self->n_shown : STAGED) &&
      self->view != NULL && gtk_widget_get_mapped (self->view) &&
      brings_new_rows (self, position, added))
    {
      guint n_old = self->partial ? self->n_shown
                                  : g_list_model_get_n_items (model) - added + removed;
      gint64 start = g_get_monotonic_time ();

      self->partial = TRUE;
      self->n_shown = prefix_with_few_new (self);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, self->n_shown);
      g_debug ("a change of %u items: %u shown first, in %.1f ms", removed + added,
               self->n_shown, (g_get_monotonic_time () - start) / 1000.0);
      remember_head (self);
      start_ticks (self);
      return;
    }
  if (!self->partial)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      if (position < STAGED)
        remember_head (self);
      return;
    }
  /* Past the prefix: nothing shown changes. */
  if (position >= self->n_shown)
    return;
  n_before = self->n_shown;
  n_after = MIN (self->n_shown, g_list_model_get_n_items (model));
  self->n_shown = n_after;
  /* The view keeps the rows of the items that are still there. */
  g_list_model_items_changed (G_LIST_MODEL (self), position, n_before - position,
                              n_after - position);
  remember_head (self);
}

void
ccp_reveal_model_reveal_all (CcpRevealModel *self)
{
  guint n_before;

  g_return_if_fail (CCP_IS_REVEAL_MODEL (self));

  stop_ticks (self);
  if (!self->partial)
    return;
  n_before = self->n_shown;
  self->partial = FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self), n_before, 0,
                              g_list_model_get_n_items (self->model) - n_before);
  remember_head (self);
}

/* In the frame's update phase: the rows added are laid out and painted in the same frame. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  CcpRevealModel *self = user_data;
  guint n = g_list_model_get_n_items (self->model);
  guint added;

  /* Hidden (a realized view gets ticks too): nothing until it is shown again (map_cb). */
  if (!gtk_widget_get_mapped (widget))
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->n_shown >= MIN (n, STAGED))
    {
      self->tick_id = 0;
      ccp_reveal_model_reveal_all (self);
      return G_SOURCE_REMOVE;
    }
  added = MIN (CHUNK, n - self->n_shown);
  self->n_shown += added;
  g_list_model_items_changed (G_LIST_MODEL (self), self->n_shown - added, 0, added);
  remember_head (self);
  return G_SOURCE_CONTINUE;
}

static void
start_ticks (CcpRevealModel *self)
{
  if (self->tick_id == 0 && self->partial && self->view != NULL &&
      gtk_widget_get_mapped (self->view))
    self->tick_id = gtk_widget_add_tick_callback (self->view, tick_cb, self, NULL);
}

static void
map_cb (GtkWidget      *view,
        CcpRevealModel *self)
{
  start_ticks (self);
}

void
ccp_reveal_model_restart (CcpRevealModel *self)
{
  guint n_before;

  g_return_if_fail (CCP_IS_REVEAL_MODEL (self));

  n_before = reveal_get_n_items (G_LIST_MODEL (self));
  self->partial = TRUE;
  self->n_shown = 0;
  if (n_before > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_before, 0);
  g_ptr_array_set_size (self->head, 0);
  /* No view (or none any more): everything at once. */
  if (self->view == NULL)
    {
      ccp_reveal_model_reveal_all (self);
      return;
    }
  /* Only while the view is mapped: a hidden table makes no row. */
  start_ticks (self);
}

gboolean
ccp_reveal_model_get_partial (CcpRevealModel *self)
{
  g_return_val_if_fail (CCP_IS_REVEAL_MODEL (self), FALSE);

  return self->partial;
}

static void
ccp_reveal_model_dispose (GObject *object)
{
  CcpRevealModel *self = CCP_REVEAL_MODEL (object);

  stop_ticks (self);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_func (self->view, map_cb, self);
  if (self->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  self->view = NULL;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->head, g_ptr_array_unref);

  G_OBJECT_CLASS (ccp_reveal_model_parent_class)->dispose (object);
}

static void
ccp_reveal_model_class_init (CcpRevealModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ccp_reveal_model_dispose;
}

static void
ccp_reveal_model_init (CcpRevealModel *self)
{
  self->head = g_ptr_array_new_with_free_func (g_object_unref);
}

CcpRevealModel *
ccp_reveal_model_new (GListModel *model,
                      GtkWidget  *view)
{
  CcpRevealModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (view == NULL || GTK_IS_WIDGET (view), NULL);

  self = g_object_new (CCP_TYPE_REVEAL_MODEL, NULL);
  self->model = g_object_ref (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (model_changed_cb), self);
  self->view = view;
  if (view != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
      g_signal_connect (view, "map", G_CALLBACK (map_cb), self);
    }
  return self;
}
