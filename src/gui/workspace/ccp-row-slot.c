/* ccp-row-slot.c: see ccp-row-slot.h. */
#define G_LOG_DOMAIN "ccp-row-slot"

#include "config.h"

#include "ccp-row-slot.h"

struct _CcpRowSlot
{
  GObject  parent_instance;

  GObject *item;
};

G_DEFINE_FINAL_TYPE (CcpRowSlot, ccp_row_slot, G_TYPE_OBJECT)

static void
ccp_row_slot_dispose (GObject *object)
{
  g_clear_object (&CCP_ROW_SLOT (object)->item);

  G_OBJECT_CLASS (ccp_row_slot_parent_class)->dispose (object);
}

static void
ccp_row_slot_class_init (CcpRowSlotClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ccp_row_slot_dispose;
}

static void
ccp_row_slot_init (CcpRowSlot *self)
{
}

CcpRowSlot *
ccp_row_slot_new (void)
{
  return g_object_new (CCP_TYPE_ROW_SLOT, NULL);
}

gpointer
ccp_row_slot_get_item (CcpRowSlot *self)
{
  g_return_val_if_fail (CCP_IS_ROW_SLOT (self), NULL);

  return self->item;
}

void
ccp_row_slot_set_item (CcpRowSlot *self,
                       gpointer    item)
{
  g_return_if_fail (CCP_IS_ROW_SLOT (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  g_set_object (&self->item, item);
}

gpointer
ccp_row_slot_unwrap (gpointer object)
{
  return CCP_IS_ROW_SLOT (object) ? CCP_ROW_SLOT (object)->item : object;
}
