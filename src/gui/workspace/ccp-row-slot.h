/* ccp-row-slot.h: the item of a row of a table at one position (ccp-slot-model.h): it stands
 * for whichever item the position shows now, so that a view keeps its row widget when a search
 * changes the items shown (issue 16). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CCP_TYPE_ROW_SLOT (ccp_row_slot_get_type ())
G_DECLARE_FINAL_TYPE (CcpRowSlot, ccp_row_slot, CCP, ROW_SLOT, GObject)

CcpRowSlot *ccp_row_slot_new      (void);
/* The item shown now (not referenced), or NULL. */
gpointer    ccp_row_slot_get_item (CcpRowSlot *self);
void        ccp_row_slot_set_item (CcpRowSlot *self,
                                   gpointer    item);
/* The item object stands for: the slot's item for a slot, else object itself (a sorter
 * compares the items themselves, a row binds their slots). */
gpointer    ccp_row_slot_unwrap   (gpointer    object);

G_END_DECLS
