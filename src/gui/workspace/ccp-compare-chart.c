#define G_LOG_DOMAIN "ccp-compare-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-chart-draw.h"
#include "ccp-compare-chart.h"

#define LEGEND_HEIGHT 26
#define BAR_HEIGHT    12
#define BAR_GAP       2
#define ROW_PADDING   10
#define GAP           6
#define VALUE_WIDTH   56

/* GNOME's palette (blue 3, orange 3, green 4, purple 3, red 3, yellow 5, brown 3, teal): told
 * apart also by most colour-blind readers when next to each other and named in the legend. */
static const char * const palette[] = {
  "#3584e4", "#ff7800", "#2ec27e", "#9141ac", "#e01b24", "#e5a50a", "#986a44", "#1c71d8",
};

struct _CcpCompareChart
{
  GtkWidget  parent_instance;

  char      *title;
  GPtrArray *series;       /* char * */
  GPtrArray *labels;       /* char * */
  GArray    *values;       /* double, rows x series */
  gboolean   shares;
  gboolean   then_now;
  double     max_value;
  char      *description;
};

G_DEFINE_FINAL_TYPE (CcpCompareChart, ccp_compare_chart, GTK_TYPE_WIDGET)

static char *
format_value (CcpCompareChart *self,
              double           value)
{
  if (self->shares)
    /* Translators: a share shown in a chart, e.g. "25%"; %.0f is the number */
    return g_strdup_printf (_("%.0f%%"), value * 100.0);
  return g_strdup_printf ("%.0f", value);
}

static void
update_description (CcpCompareChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_series = self->series->len;

  for (guint r = 0; r < self->labels->len; r++)
    {
      if (r > 0)
        g_string_append (text, _("; "));
      g_string_append (text, g_ptr_array_index (self->labels, r));
      /* Translators: between a category and its values in a chart's spoken description */
      g_string_append (text, _(": "));
      for (guint s = 0; s < n_series; s++)
        {
          g_autofree char *value = format_value (self,
                                                 g_array_index (self->values, double,
                                                                r * n_series + s));

          if (s > 0)
            /* Translators: separates the values of the series in a chart's description */
            g_string_append (text, _(", "));
          /* Translators: a series and its value in a chart's description: "2027-H1 5" */
          g_string_append_printf (text, _("%s %s"),
                                  (const char *) g_ptr_array_index (self->series, s), value);
        }
    }
  if (self->labels->len == 0)
    g_string_append (text, _("Nothing to compare yet."));

  g_free (self->description);
  self->description = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->description);
}

/* --- Drawing ------------------------------------------------------------------------------ */

static void
series_color (CcpCompareChart *self,
              guint            s,
              GdkRGBA         *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  /* Two periods: the earlier one in the text colour, faded, the current one in the accent. */
  if (self->then_now && s == 0)
    {
      gtk_style_context_get_color (context, color);
      color->alpha = 0.45f;
      return;
    }
  if (self->then_now && s == 1 &&
      gtk_style_context_lookup_color (context, "accent_bg_color", color))
    return;
  gdk_rgba_parse (color, palette[s % G_N_ELEMENTS (palette)]);
}

/* The corner radius of the bars and the legend's squares. */
#define BOX_RADIUS 3

/* The widest label, at most limit: long French labels are shown whole when there is room. */
static float
labels_width (CcpCompareChart      *self,
              const CcpChartCanvas *canvas,
              float                 limit)
{
  float widest = 0;

  for (guint r = 0; r < self->labels->len; r++)
    widest = MAX (widest, ccp_chart_text_width (canvas, g_ptr_array_index (self->labels, r)));
  return MIN (widest + 2, limit);
}

static float
row_height (CcpCompareChart *self)
{
  return self->series->len * (BAR_HEIGHT + BAR_GAP) + ROW_PADDING;
}

static void
ccp_compare_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CcpCompareChart *self = CCP_COMPARE_CHART (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  float width = gtk_widget_get_width (widget);
  guint n_series = self->series->len;
  float legend_w = n_series > 0 ? width / n_series : width;
  float label_w, bar_x, bar_max;
  CcpChartCanvas canvas;
  GdkRGBA fg, track;

  ccp_chart_canvas_init_widget (&canvas, widget, snapshot);
  /* Room for the bars first: the labels take at most half the width. */
  label_w = labels_width (self, &canvas, width * 0.5f);
  bar_x = label_w + GAP;
  bar_max = MAX (1, width - bar_x - VALUE_WIDTH - GAP);
  gtk_style_context_get_color (context, &fg);
  track = fg;
  track.alpha = 0.06f;

  for (guint s = 0; s < n_series; s++)
    {
      GdkRGBA color;

      series_color (self, s, &color);
      ccp_chart_draw_box (&canvas, s * legend_w, (LEGEND_HEIGHT - 12) / 2.0f, 12, 12, BOX_RADIUS,
                          &color);
      ccp_chart_draw_text (&canvas, g_ptr_array_index (self->series, s), s * legend_w + 18, 0,
                           legend_w - 24, LEGEND_HEIGHT, PANGO_ALIGN_LEFT, FALSE, &fg);
    }

  for (guint r = 0; r < self->labels->len; r++)
    {
      float y = LEGEND_HEIGHT + r * row_height (self);

      ccp_chart_draw_text (&canvas, g_ptr_array_index (self->labels, r), 0, y, label_w,
                           row_height (self), PANGO_ALIGN_LEFT, FALSE, &fg);
      for (guint s = 0; s < n_series; s++)
        {
          double value = g_array_index (self->values, double, r * n_series + s);
          float bar_y = y + ROW_PADDING / 2.0f + s * (BAR_HEIGHT + BAR_GAP);
          float bar_w = self->max_value > 0 ? bar_max * value / self->max_value : 0;
          g_autofree char *text = format_value (self, value);
          GdkRGBA color;

          series_color (self, s, &color);
          ccp_chart_draw_box (&canvas, bar_x, bar_y, bar_max, BAR_HEIGHT, BOX_RADIUS, &track);
          if (bar_w > 0)
            ccp_chart_draw_box (&canvas, bar_x, bar_y, MAX (bar_w, 3), BAR_HEIGHT, BOX_RADIUS,
                                &color);
          ccp_chart_draw_text (&canvas, text, bar_x + bar_max + GAP, bar_y - 2, VALUE_WIDTH,
                               BAR_HEIGHT + 4, PANGO_ALIGN_LEFT, s == n_series - 1, &fg);
        }
    }
}

static void
ccp_compare_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CcpCompareChart *self = CCP_COMPARE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 480;
      return;
    }
  *minimum = *natural = LEGEND_HEIGHT + (int) (self->labels->len * row_height (self));
}

static void
ccp_compare_chart_direction_changed (GtkWidget        *widget,
                                     GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
ccp_compare_chart_finalize (GObject *object)
{
  CcpCompareChart *self = CCP_COMPARE_CHART (object);

  g_free (self->title);
  g_ptr_array_unref (self->series);
  g_ptr_array_unref (self->labels);
  g_array_unref (self->values);
  g_free (self->description);

  G_OBJECT_CLASS (ccp_compare_chart_parent_class)->finalize (object);
}

static void
ccp_compare_chart_class_init (CcpCompareChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ccp_compare_chart_finalize;
  widget_class->snapshot = ccp_compare_chart_snapshot;
  widget_class->measure = ccp_compare_chart_measure;
  widget_class->direction_changed = ccp_compare_chart_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "compare-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ccp_compare_chart_init (CcpCompareChart *self)
{
  self->series = g_ptr_array_new_with_free_func (g_free);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, TRUE, sizeof (double));
  /* A keyboard user reaches the chart, and a screen reader reads its numbers. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
ccp_compare_chart_new (const char *title)
{
  CcpCompareChart *self = g_object_new (CCP_TYPE_COMPARE_CHART, NULL);

  self->title = g_strdup (title ? title : "");
  update_description (self);
  return GTK_WIDGET (self);
}

const char *
ccp_compare_chart_get_title (CcpCompareChart *self)
{
  g_return_val_if_fail (CCP_IS_COMPARE_CHART (self), NULL);

  return self->title;
}

void
ccp_compare_chart_set_series (CcpCompareChart   *self,
                              const char *const *names,
                              guint              n,
                              gboolean           shares)
{
  g_return_if_fail (CCP_IS_COMPARE_CHART (self));
  g_return_if_fail (names != NULL && n > 0);

  g_ptr_array_set_size (self->series, 0);
  for (guint s = 0; s < n; s++)
    g_ptr_array_add (self->series, g_strdup (names[s] ? names[s] : ""));
  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->values, 0);
  self->shares = shares;
  self->max_value = 0;
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ccp_compare_chart_add_row (CcpCompareChart *self,
                           const char      *label,
                           const double    *values)
{
  g_return_if_fail (CCP_IS_COMPARE_CHART (self));
  g_return_if_fail (self->series->len > 0);
  g_return_if_fail (values != NULL);

  g_ptr_array_add (self->labels, g_strdup (label ? label : ""));
  g_array_append_vals (self->values, values, self->series->len);
  for (guint s = 0; s < self->series->len; s++)
    self->max_value = MAX (self->max_value, values[s]);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ccp_compare_chart_set_then_now (CcpCompareChart *self,
                                gboolean         then_now)
{
  g_return_if_fail (CCP_IS_COMPARE_CHART (self));

  self->then_now = then_now;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ccp_compare_chart_get_n_rows (CcpCompareChart *self)
{
  g_return_val_if_fail (CCP_IS_COMPARE_CHART (self), 0);

  return self->labels->len;
}

guint
ccp_compare_chart_get_n_series (CcpCompareChart *self)
{
  g_return_val_if_fail (CCP_IS_COMPARE_CHART (self), 0);

  return self->series->len;
}

double
ccp_compare_chart_get_value (CcpCompareChart *self,
                             guint            row,
                             guint            series)
{
  g_return_val_if_fail (CCP_IS_COMPARE_CHART (self), 0);
  g_return_val_if_fail (row < self->labels->len && series < self->series->len, 0);

  return g_array_index (self->values, double, row * self->series->len + series);
}

const char *
ccp_compare_chart_get_description (CcpCompareChart *self)
{
  g_return_val_if_fail (CCP_IS_COMPARE_CHART (self), NULL);

  return self->description;
}
