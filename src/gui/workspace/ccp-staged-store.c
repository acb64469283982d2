/* ccp-staged-store.c: a list store filled a chunk at a time (see ccp-staged-store.h). */
#define G_LOG_DOMAIN "ccp-workspace"

#include "config.h"

#include "ccp-staged-store.h"

/* Items added per main-loop turn while the view is making its rows (about 30 ms of rows of
 * the activities table), and how many go in that way before the rest goes in at once (past
 * the 200 rows a GTK 4.8 view makes). */
#define CHUNK     24
#define STAGED    240
#define PAUSE_MS  12

typedef struct {
  GListStore *store;   /* not referenced: the stage goes with the store */
  GPtrArray  *items;
  guint       done;
} Stage;

/* One chunk of one store per turn, whichever table it is for: timeouts due together are
 * dispatched in one main-loop iteration, so a timeout per store would add up. */
static GQueue stages = G_QUEUE_INIT;
static guint pacer_id;

static GQuark
stage_quark (void)
{
  return g_quark_from_static_string ("ccp-staged-store");
}

static void
stage_free (gpointer data)
{
  Stage *stage = data;

  g_queue_remove (&stages, stage);
  if (g_queue_is_empty (&stages))
    g_clear_handle_id (&pacer_id, g_source_remove);
  g_ptr_array_unref (stage->items);
  g_free (stage);
}

/* Adds the next chunk (everything left once STAGED items are in); FALSE when done. */
static gboolean
stage_step (Stage *stage)
{
  guint n = stage->items->len - stage->done;

  if (stage->done < STAGED)
    n = MIN (n, CHUNK);
  g_list_store_splice (stage->store, stage->done, 0, stage->items->pdata + stage->done, n);
  stage->done += n;
  return stage->done < stage->items->len;
}

static gboolean
pacer_cb (gpointer user_data)
{
  Stage *stage = g_queue_peek_head (&stages);

  if (stage != NULL && !stage_step (stage))
    {
      /* Frees stage (and stops the pacer with the last one). */
      g_object_set_qdata (G_OBJECT (stage->store), stage_quark (), NULL);
      if (pacer_id == 0)
        return G_SOURCE_REMOVE;
    }
  if (g_queue_is_empty (&stages))
    {
      pacer_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

void
ccp_staged_store_splice (GListStore *store,
                         GPtrArray  *items)
{
  Stage *stage;
  guint n_old;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (items != NULL);

  g_object_set_qdata (G_OBJECT (store), stage_quark (), NULL);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (items->len <= CHUNK)
    {
      g_list_store_splice (store, 0, n_old, items->pdata, items->len);
      return;
    }

  stage = g_new0 (Stage, 1);
  stage->store = store;
  stage->items = g_ptr_array_ref (items);
  /* The old items go with the first chunk: one change, the rows on screen rebound once. */
  g_list_store_splice (store, 0, n_old, items->pdata, CHUNK);
  stage->done = CHUNK;
  g_queue_push_tail (&stages, stage);
  g_object_set_qdata_full (G_OBJECT (store), stage_quark (), stage, stage_free);
  /* A timeout, not an idle: while frames keep coming (a progress bar pulsing, a loaded
   * machine) an idle below the redraw priority would wait for ever. The pause lets the frame
   * that lays out a chunk's rows run before the next. */
  if (pacer_id == 0)
    pacer_id = g_timeout_add_full (G_PRIORITY_DEFAULT, PAUSE_MS, pacer_cb, NULL, NULL);
}
gboolean
ccp_staged_store_pending (GListStore *store)
{
  g_return_val_if_fail (G_IS_LIST_STORE (store), FALSE);

  return g_object_get_qdata (G_OBJECT (store), stage_quark ()) != NULL;
}

void
ccp_staged_store_flush (GListStore *store)
{
  Stage *stage;

  g_return_if_fail (G_IS_LIST_STORE (store));

  stage = g_object_get_qdata (G_OBJECT (store), stage_quark ());
  if (stage == NULL)
    return;
  g_list_store_splice (store, stage->done, 0, stage->items->pdata + stage->done,
                       stage->items->len - stage->done);
  g_object_set_qdata (G_OBJECT (store), stage_quark (), NULL);
}
