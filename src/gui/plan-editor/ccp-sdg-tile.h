/* ccp-sdg-tile.h: one of the 17 Sustainable Development Goals as a coloured toggle tile. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CCP_TYPE_SDG_TILE (ccp_sdg_tile_get_type ())
G_DECLARE_FINAL_TYPE (CcpSdgTile, ccp_sdg_tile, CCP, SDG_TILE, GtkToggleButton)

/* code: "1".."17" (property "code", construct-only). */
GtkWidget  *ccp_sdg_tile_new      (const char *code);
const char *ccp_sdg_tile_get_code (CcpSdgTile *self);

G_END_DECLS
