/* ccp-slot-model.h: a list model of the positions of another, each a CcpRowSlot that stands
 * for the item at that position now (issue 16: the search). GTK 4.8's list and column views
 * keep a row widget per item object: when a search changes the items shown, the rows of the
 * items that went were destroyed (1 to 1.5 ms per row of the activities table) and others
 * made for the new ones. Over this model, the items of a position keep their object across a
 * change: the view reacquires its rows and binds them again, to the items now there; only the
 * rows past the new end go. The rows are bound again a chunk per frame of the view, those on
 * screen first: laying out 200 rows of new texts at once was 60 to 90 ms of a keystroke. The
 * rows past a shorter end are blank (a slot without an item) until they go, a chunk per
 * frame: a search that found a few activities dropped up to 200 rows at once. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CCP_TYPE_SLOT_MODEL (ccp_slot_model_get_type ())
G_DECLARE_FINAL_TYPE (CcpSlotModel, ccp_slot_model, CCP, SLOT_MODEL, GObject)

/* model: the items (referenced); view: a scrollable widget whose frames pace the rebinding
 * (not referenced: it must outlive the model, as a view does its model), or NULL. */
CcpSlotModel *ccp_slot_model_new       (GListModel   *model,
                                        GtkWidget    *view);
/* Binds every row to its item now. */
void          ccp_slot_model_flush     (CcpSlotModel *self);
/* Whether some rows still show the items of before a change, or blank rows are to go. */
gboolean      ccp_slot_model_get_stale (CcpSlotModel *self);

G_END_DECLS
