/* ccp-slot-model.c: stable row items over a list model (see ccp-slot-model.h). */
#define G_LOG_DOMAIN "ccp-slot-model"

#include "config.h"

#include "ccp-row-slot.h"
#include "ccp-slot-model.h"

/* Positions bound again per frame: about 25 rows of the activities table are on screen. And
 * rows dropped per frame past a shorter end (1 to 1.5 ms each). */
#define CHUNK      40
#define DROP_CHUNK 24

struct _CcpSlotModel
{
  GObject     parent_instance;

  GListModel *model;
  GtkWidget  *view;          /* weak pointer */
  GPtrArray  *slots;         /* CcpRowSlot * or NULL, by position: those handed out */
  guint       n_shown;       /* the items of model, then blank rows still to drop */
  guint       stale_start;   /* positions whose rows may show the items of before */
  guint       stale_end;
  gboolean    screen_done;   /* the chunk on screen was bound since the last change */
  guint       tick_id;
};

static GType
slot_get_item_type (GListModel *list)
{
  return CCP_TYPE_ROW_SLOT;
}

static guint
slot_get_n_items (GListModel *list)
{
  return CCP_SLOT_MODEL (list)->n_shown;
}

/* Past the model's end (a blank row still to drop): no item. */
static void
refresh_slot (CcpSlotModel *self,
              guint         position)
{
  g_autoptr(GObject) item = g_list_model_get_item (self->model, position);

  ccp_row_slot_set_item (g_ptr_array_index (self->slots, position), item);
}

/* A new slot stands for the item now; one of a stale position keeps its item until its chunk
 * comes (the reveal model above asks for the first items at each change: a refresh here
 * would bind every row again at once). */
static gpointer
slot_get_item (GListModel *list,
               guint       position)
{
  CcpSlotModel *self = CCP_SLOT_MODEL (list);

  if (position >= self->n_shown)
    return NULL;
  if (position >= self->slots->len)
    g_ptr_array_set_size (self->slots, position + 1);
  if (g_ptr_array_index (self->slots, position) == NULL)
    {
      g_ptr_array_index (self->slots, position) = ccp_row_slot_new ();
      refresh_slot (self, position);
    }
  else if (position < self->stale_start || position >= self->stale_end)
    refresh_slot (self, position);
  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
ccp_slot_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = slot_get_item_type;
  iface->get_n_items = slot_get_n_items;
  iface->get_item = slot_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CcpSlotModel, ccp_slot_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ccp_slot_model_list_init))

static void
clear_slot (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

static void
stop_ticks (CcpSlotModel *self)
{
  if (self->tick_id != 0 && self->view != NULL)
    gtk_widget_remove_tick_callback (self->view, self->tick_id);
  self->tick_id = 0;
}

/* The view binds the rows of [start, end) again: same objects, so it keeps the rows. */
static void
rebind (CcpSlotModel *self,
        guint         start,
        guint         end)
{
  g_assert (start <= end);

  for (guint i = start; i < MIN (end, self->slots->len); i++)
    if (g_ptr_array_index (self->slots, i) != NULL)
      refresh_slot (self, i);
  if (end > start)
    g_list_model_items_changed (G_LIST_MODEL (self), start, end - start, end - start);
}

/* The first position on screen, about (the rows all have the same height here). */
static guint
first_on_screen (CcpSlotModel *self)
{
  GtkAdjustment *adjustment = GTK_IS_SCROLLABLE (self->view)
                              ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view))
                              : NULL;
  guint n = g_list_model_get_n_items (self->model);
  double upper;

  if (adjustment == NULL || (upper = gtk_adjustment_get_upper (adjustment)) <= 0)
    return 0;
  return (guint) MIN ((double) n, gtk_adjustment_get_value (adjustment) / upper * n);
}

static gboolean drop_blank_rows (CcpSlotModel *self,
                                 gboolean      all);

/* Binds a chunk of the stale rows: those on screen first after a change, then from the top
 * (the screen's rows bound again then cost their texts only: a label given the text it has
 * is not laid out again). FALSE when none are left. */
static gboolean
rebind_chunk (CcpSlotModel *self)
{
  guint from, to;

  if (self->stale_start >= self->stale_end)
    return FALSE;
  from = self->stale_start;
  if (!self->screen_done)
    from = CLAMP (first_on_screen (self), self->stale_start, self->stale_end - 1);
  self->screen_done = TRUE;
  to = MIN (from + CHUNK, self->stale_end);
  rebind (self, from, to);
  if (from == self->stale_start)
    self->stale_start = to;
  return self->stale_start < self->stale_end;
}

void
ccp_slot_model_flush (CcpSlotModel *self)
{
  guint start, end;

  g_return_if_fail (CCP_IS_SLOT_MODEL (self));

  stop_ticks (self);
  start = self->stale_start;
  end = self->stale_end;
  self->stale_start = self->stale_end = 0;
  rebind (self, start, end);
  drop_blank_rows (self, TRUE);
}

gboolean
ccp_slot_model_get_stale (CcpSlotModel *self)
{
  g_return_val_if_fail (CCP_IS_SLOT_MODEL (self), FALSE);

  return self->stale_start < self->stale_end ||
         self->n_shown > g_list_model_get_n_items (self->model);
}

/* Whether position has a row (or is selected): its slot is held by more than this model. */
static gboolean
held (CcpSlotModel *self,
      guint         position)
{
  GObject *slot = position < self->slots->len ? g_ptr_array_index (self->slots, position) : NULL;

  return slot != NULL && g_atomic_int_get (&slot->ref_count) > 1;
}

/* Drops the blank rows past the model's end, DROP_CHUNK rows from the end (all of them when
 * all), and the positions without a row between at once. FALSE when none are left. */
static gboolean
drop_blank_rows (CcpSlotModel *self,
                 gboolean      all)
{
  guint n = g_list_model_get_n_items (self->model);
  guint cut = self->n_shown;
  guint n_rows = 0;

  if (self->n_shown <= n)
    return FALSE;
  if (all)
    cut = n;
  while (cut > n && (n_rows < DROP_CHUNK || !held (self, cut - 1)))
    n_rows += held (self, --cut);
  n_rows = self->n_shown;
  self->n_shown = cut;
  if (self->slots->len > cut)
    g_ptr_array_set_size (self->slots, cut);
  g_list_model_items_changed (G_LIST_MODEL (self), cut, n_rows - cut, 0);
  return self->n_shown > n;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  CcpSlotModel *self = user_data;

  /* The rows blank first (they are stale too), then they go. */
  if (gtk_widget_get_mapped (widget) &&
      (rebind_chunk (self) || drop_blank_rows (self, FALSE)))
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  /* Hidden: the rest at once (no row of it is on screen). */
  ccp_slot_model_flush (self);
  return G_SOURCE_REMOVE;
}

/* The same objects stand for the positions from position on: new rows past the old end come
 * at once, those that stay are bound again to the items now there a chunk per frame, the
 * screen's first; past a shorter end, the rows go a chunk per frame, blank until then. */
static void
model_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  CcpSlotModel *self)
{
  guint n = g_list_model_get_n_items (model);
  guint n_old = self->n_shown;
  guint n_new = n;
  guint kept;

  for (guint i = position; i < self->slots->len; i++)
    {
      GObject *slot = g_ptr_array_index (self->slots, i);

      /* Held by nobody else (no row, no selection): dropped rather than kept, so that the
       * rows the view has are all there is to bind again. */
      if (slot != NULL && g_atomic_int_get (&slot->ref_count) == 1)
        g_clear_object (&g_ptr_array_index (self->slots, i));
    }
  /* Rows past the new end: kept, blank, while the view is on screen. */
  if (self->view != NULL && gtk_widget_get_mapped (self->view))
    for (guint i = MIN (self->slots->len, n_old); i > n; i--)
      if (held (self, i - 1))
        {
          n_new = i;
          break;
        }
  if (self->slots->len > n_new)
    g_ptr_array_set_size (self->slots, n_new);
  kept = MIN (n_old, n_new);

  /* Stale: what was, within what is kept, and from position on. */
  self->stale_end = MIN (self->stale_end, kept);
  if (position < kept)
    {
      self->stale_start = self->stale_start < self->stale_end ? MIN (self->stale_start, position)
                                                              : position;
      self->stale_end = kept;
    }
  if (self->stale_start >= self->stale_end)
    self->stale_start = self->stale_end = 0;
  self->screen_done = FALSE;

  /* The end first: the view makes or drops those rows, bound to the items now there. */
  self->n_shown = n_new;
  if (n_new != n_old)
    g_list_model_items_changed (G_LIST_MODEL (self), kept, n_old - kept, n_new - kept);

  if (self->view == NULL || !gtk_widget_get_mapped (self->view) ||
      (self->stale_end - self->stale_start <= CHUNK && self->n_shown == n))
    {
      ccp_slot_model_flush (self);
      return;
    }
  /* The rows on screen now, the others in the next frames. */
  rebind_chunk (self);
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (self->view, tick_cb, self, NULL);
}

static void
ccp_slot_model_dispose (GObject *object)
{
  CcpSlotModel *self = CCP_SLOT_MODEL (object);

  stop_ticks (self);
  if (self->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  self->view = NULL;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->slots, g_ptr_array_unref);

  G_OBJECT_CLASS (ccp_slot_model_parent_class)->dispose (object);
}

static void
ccp_slot_model_class_init (CcpSlotModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ccp_slot_model_dispose;
}

static void
ccp_slot_model_init (CcpSlotModel *self)
{
  self->slots = g_ptr_array_new_with_free_func (clear_slot);
}

CcpSlotModel *
ccp_slot_model_new (GListModel *model,
                    GtkWidget  *view)
{
  CcpSlotModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (view == NULL || GTK_IS_WIDGET (view), NULL);

  self = g_object_new (CCP_TYPE_SLOT_MODEL, NULL);
  self->model = g_object_ref (model);
  self->n_shown = g_list_model_get_n_items (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (model_changed_cb), self);
  self->view = view;
  if (view != NULL)
    g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  return self;
}
