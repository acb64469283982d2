/* ccp-chart-draw.c: see ccp-chart-draw.h. */
#define G_LOG_DOMAIN "ccp-chart-draw"

#include "config.h"

#include "ccp-chart-draw.h"

void
ccp_chart_canvas_init_widget (CcpChartCanvas *canvas,
                              GtkWidget      *widget,
                              GtkSnapshot    *snapshot)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t seen;

  *canvas = (CcpChartCanvas) {
    .snapshot = snapshot,
    .context = gtk_widget_get_pango_context (widget),
    .width = gtk_widget_get_width (widget),
    .rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL,
    .visible_top = -G_MAXFLOAT,
    .visible_bottom = G_MAXFLOAT,
  };
  /* The scrolled window's box in the widget's coordinates is the part of it on screen. */
  if (scroller != NULL && gtk_widget_compute_bounds (scroller, widget, &seen))
    {
      canvas->visible_top = seen.origin.y;
      canvas->visible_bottom = seen.origin.y + seen.size.height;
    }
}

void
ccp_chart_canvas_init_cairo (CcpChartCanvas *canvas,
                             cairo_t        *cr,
                             PangoContext   *context,
                             float           width,
                             gboolean        rtl)
{
  pango_context_set_base_dir (context, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  *canvas = (CcpChartCanvas) {
    .cr = cr,
    .context = context,
    .width = width,
    .rtl = rtl,
    .visible_top = -G_MAXFLOAT,
    .visible_bottom = G_MAXFLOAT,
  };
}

gboolean
ccp_chart_canvas_shows (const CcpChartCanvas *canvas,
                        float                 y,
                        float                 h)
{
  return y + h > canvas->visible_top && y < canvas->visible_bottom;
}

gboolean
ccp_chart_canvas_clips (const CcpChartCanvas *canvas,
                        float                 h)
{
  return canvas->visible_top > 0 || canvas->visible_bottom < h;
}

float
ccp_chart_mirror (const CcpChartCanvas *canvas,
                  float                 x,
                  float                 w)
{
  return canvas->rtl ? canvas->width - x - w : x;
}

void
ccp_chart_draw_box (const CcpChartCanvas *canvas,
                    float                 x,
                    float                 y,
                    float                 w,
                    float                 h,
                    float                 radius,
                    const GdkRGBA        *color)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (ccp_chart_mirror (canvas, x, w), y, w, h);
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, &rect, radius);
  if (canvas->snapshot != NULL)
    {
      gtk_snapshot_push_rounded_clip (canvas->snapshot, &rounded);
      gtk_snapshot_append_color (canvas->snapshot, color, &rect);
      gtk_snapshot_pop (canvas->snapshot);
      return;
    }

  /* The same shape for cairo: corners no larger than half the box, as GSK shrinks them. */
  radius = MIN (radius, MIN (w, h) / 2);
  cairo_save (canvas->cr);
  cairo_new_sub_path (canvas->cr);
  cairo_arc (canvas->cr, rect.origin.x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (canvas->cr, rect.origin.x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (canvas->cr, rect.origin.x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (canvas->cr, rect.origin.x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (canvas->cr);
  gdk_cairo_set_source_rgba (canvas->cr, color);
  cairo_fill (canvas->cr);
  cairo_restore (canvas->cr);
}

PangoLayout *
ccp_chart_create_layout (const CcpChartCanvas *canvas,
                         const char           *text)
{
  PangoLayout *layout = pango_layout_new (canvas->context);

  /* The chart's direction, whatever the text's first letter: a Latin city name in an Arabic
   * chart is laid out right to left like its neighbours. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

float
ccp_chart_text_width (const CcpChartCanvas *canvas,
                      const char           *text)
{
  g_autoptr(PangoLayout) layout = ccp_chart_create_layout (canvas, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

void
ccp_chart_draw_layout (const CcpChartCanvas *canvas,
                       PangoLayout          *layout,
                       float                 x,
                       float                 y,
                       const GdkRGBA        *color)
{
  if (canvas->snapshot != NULL)
    {
      gtk_snapshot_save (canvas->snapshot);
      gtk_snapshot_translate (canvas->snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_append_layout (canvas->snapshot, layout, color);
      gtk_snapshot_restore (canvas->snapshot);
      return;
    }
  cairo_save (canvas->cr);
  cairo_move_to (canvas->cr, x, y);
  gdk_cairo_set_source_rgba (canvas->cr, color);
  pango_cairo_show_layout (canvas->cr, layout);
  cairo_restore (canvas->cr);
}

void
ccp_chart_draw_text (const CcpChartCanvas *canvas,
                     const char           *text,
                     float                 x,
                     float                 y,
                     float                 w,
                     float                 h,
                     PangoAlignment        alignment,
                     gboolean              bold,
                     const GdkRGBA        *color)
{
  g_autoptr(PangoLayout) layout = ccp_chart_create_layout (canvas, text);
  int text_w, text_h;

  pango_layout_set_width (layout, (int) (MAX (w, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (canvas->rtl && alignment != PANGO_ALIGN_CENTER)
    alignment = alignment == PANGO_ALIGN_LEFT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  pango_layout_set_alignment (layout, alignment);
  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_get_pixel_size (layout, &text_w, &text_h);
  ccp_chart_draw_layout (canvas, layout, ccp_chart_mirror (canvas, x, w), y + (h - text_h) / 2,
                         color);
}
