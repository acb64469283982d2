/* ccp-chart-draw.h: drawing helpers shared by the workspace's charts (the overview and the
 * side-by-side comparison): boxes given left to right, mirrored in right-to-left. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The x of a box of width w drawn at x, mirrored when widget is right-to-left. */
float ccp_chart_mirror    (GtkWidget     *widget,
                           float          x,
                           float          w);
/* Draws text ellipsized in the box (x, y, w, h), vertically centred; alignment is for
 * left-to-right and is mirrored with the box. */
void  ccp_chart_draw_text (GtkWidget     *widget,
                           GtkSnapshot   *snapshot,
                           const char    *text,
                           float          x,
                           float          y,
                           float          w,
                           float          h,
                           PangoAlignment alignment,
                           gboolean       bold,
                           const GdkRGBA *color);

G_END_DECLS
