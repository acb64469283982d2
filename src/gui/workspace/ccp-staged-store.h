/* ccp-staged-store.h: a list store filled a chunk at a time, one chunk per main-loop turn
 * (issue 16: the hand-over). GTK 4.8's list and column views make a row widget for every new
 * item up to about 200 at once, and a row of nine cells costs about a millisecond to make and
 * as much to lay out: the items of a merge spliced in at once block the main loop for a
 * fifth of a second per table. The first items go in in small chunks until the view has its
 * rows; the rest (which cost no widget) then go in at once. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Replaces the items of store with items (GObjects, referenced) in stages; a later call, or
 * ccp_staged_store_flush(), takes over a pending one. */
void     ccp_staged_store_splice  (GListStore *store,
                                   GPtrArray  *items);
/* Whether some items are still to go in. */
gboolean ccp_staged_store_pending (GListStore *store);
/* Puts the items still pending in at once. */
void     ccp_staged_store_flush   (GListStore *store);

G_END_DECLS
