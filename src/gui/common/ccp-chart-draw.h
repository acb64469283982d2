/* ccp-chart-draw.h: drawing shared by the workspace's charts (the overview, the side-by-side
 * comparison) and the printout: boxes and text given left to right, mirrored in right-to-left,
 * drawn into a GtkSnapshot (a widget) or a cairo context (a printed page). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Where a chart is drawn: exactly one of snapshot and cr is set. */
typedef struct {
  GtkSnapshot  *snapshot;
  cairo_t      *cr;
  PangoContext *context;  /* makes the text layouts (its base direction is the chart's) */
  float         width;
  gboolean      rtl;
  /* The part of the chart that can be seen, from the top (a chart in a scrolled window may be
   * thousands of pixels tall); on paper, all of it. */
  float         visible_top;
  float         visible_bottom;
} CcpChartCanvas;

/* A canvas for widget's snapshot: its width, direction and Pango context, and the part of it
 * its scrolled window shows (a widget with none shows all of itself). */
void         ccp_chart_canvas_init_widget (CcpChartCanvas       *canvas,
                                           GtkWidget            *widget,
                                           GtkSnapshot          *snapshot);
/* A canvas for cr (e.g. a print context's, whose origin is moved to the chart's top left),
 * width wide, text laid out with context (whose base direction this sets), right-to-left if
 * rtl. */
void         ccp_chart_canvas_init_cairo  (CcpChartCanvas       *canvas,
                                           cairo_t              *cr,
                                           PangoContext         *context,
                                           float                 width,
                                           gboolean              rtl);

/* Whether anything from y to y + h can be seen: what cannot need not be drawn. */
gboolean     ccp_chart_canvas_shows       (const CcpChartCanvas *canvas,
                                           float                 y,
                                           float                 h);
/* Whether part of a chart h high cannot be seen (it is drawn again when it scrolls). */
gboolean     ccp_chart_canvas_clips       (const CcpChartCanvas *canvas,
                                           float                 h);

/* The x of a box of width w drawn at x, mirrored when the canvas is right-to-left. */
float        ccp_chart_mirror             (const CcpChartCanvas *canvas,
                                           float                 x,
                                           float                 w);
/* Fills the box (x, y, w, h), mirrored, with rounded corners of radius. */
void         ccp_chart_draw_box           (const CcpChartCanvas *canvas,
                                           float                 x,
                                           float                 y,
                                           float                 w,
                                           float                 h,
                                           float                 radius,
                                           const GdkRGBA        *color);
/* A layout of text for the canvas (its direction, no automatic direction). */
PangoLayout *ccp_chart_create_layout      (const CcpChartCanvas *canvas,
                                           const char           *text);
/* The width text takes on the canvas, in one line. */
float        ccp_chart_text_width         (const CcpChartCanvas *canvas,
                                           const char           *text);
/* Draws layout with its top left at (x, y), not mirrored (the caller mirrors x). */
void         ccp_chart_draw_layout        (const CcpChartCanvas *canvas,
                                           PangoLayout          *layout,
                                           float                 x,
                                           float                 y,
                                           const GdkRGBA        *color);
/* Draws text ellipsized in the box (x, y, w, h), vertically centred; alignment is for
 * left-to-right and is mirrored with the box. */
void         ccp_chart_draw_text          (const CcpChartCanvas *canvas,
                                           const char           *text,
                                           float                 x,
                                           float                 y,
                                           float                 w,
                                           float                 h,
                                           PangoAlignment        alignment,
                                           gboolean              bold,
                                           const GdkRGBA        *color);

G_END_DECLS
