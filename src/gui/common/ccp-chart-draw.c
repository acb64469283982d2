/* ccp-chart-draw.c: see ccp-chart-draw.h. */
#define G_LOG_DOMAIN "ccp-chart-draw"

#include "config.h"

#include "ccp-chart-draw.h"

float
ccp_chart_mirror (GtkWidget *widget,
                  float      x,
                  float      w)
{
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    return gtk_widget_get_width (widget) - x - w;
  return x;
}

void
ccp_chart_draw_text (GtkWidget     *widget,
                     GtkSnapshot   *snapshot,
                     const char    *text,
                     float          x,
                     float          y,
                     float          w,
                     float          h,
                     PangoAlignment alignment,
                     gboolean       bold,
                     const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int text_w, text_h;

  pango_layout_set_width (layout, (int) (MAX (w, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_auto_dir (layout, FALSE);
  if (rtl && alignment != PANGO_ALIGN_CENTER)
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

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (ccp_chart_mirror (widget, x, w),
                                                          y + (h - text_h) / 2));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}
