#define G_LOG_DOMAIN "ccp-overview-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-chart-draw.h"
#include "ccp-format.h"
#include "ccp-overview-chart.h"
#include "ccp-overview-data.h"

#define ROW_HEIGHT   26
#define BAR_HEIGHT   16
#define GAP          6
#define TILE_SIZE    84
#define CARD_WIDTH   200
#define CARD_HEIGHT  72

typedef struct {
  char    *label;
  char    *value;      /* text drawn beside or in the mark */
  char    *detail;     /* second line of a budget card */
  double   count;
  GdkRGBA  color;
  gboolean has_color;
} Row;

struct _CcpOverviewChart
{
  GtkWidget             parent_instance;

  CcpOverviewChartKind  kind;
  CcpFieldPlan         *field_plan;
  CcpOverviewData      *data;          /* given with the field plan, or made on rebuild */
  GPtrArray            *rows;          /* Row */
  /* Timeline only */
  GPtrArray            *months;        /* "YYYY-MM" */
  GPtrArray            *cities;
  GArray               *counts;        /* guint, cities x months */
  guint                 max_count;
  float                 widest_city;   /* on screen, once measured; < 0 until then */
  char                 *title;
  char                 *description;
  /* The scrolled window's: a chart drawn in part (clipped) is drawn again as it scrolls. */
  GtkAdjustment        *vadjustment;
  gboolean              clipped;
};

G_DEFINE_FINAL_TYPE (CcpOverviewChart, ccp_overview_chart, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (CcpOverviewChartKind, ccp_overview_chart_kind,
  G_DEFINE_ENUM_VALUE (CCP_OVERVIEW_CHART_OBJECTIVES, "objectives"),
  G_DEFINE_ENUM_VALUE (CCP_OVERVIEW_CHART_AREAS, "areas"),
  G_DEFINE_ENUM_VALUE (CCP_OVERVIEW_CHART_SDGS, "sdgs"),
  G_DEFINE_ENUM_VALUE (CCP_OVERVIEW_CHART_TIMELINE, "timeline"),
  G_DEFINE_ENUM_VALUE (CCP_OVERVIEW_CHART_BUDGET, "budget"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_FIELD_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->label);
  g_free (row->value);
  g_free (row->detail);
  g_free (row);
}

static const char *
kind_vocabulary (CcpOverviewChartKind kind)
{
  switch (kind)
    {
    case CCP_OVERVIEW_CHART_OBJECTIVES:
      return "objective";
    case CCP_OVERVIEW_CHART_AREAS:
      return "area";
    case CCP_OVERVIEW_CHART_SDGS:
      return "sdg";
    case CCP_OVERVIEW_CHART_TIMELINE:
    case CCP_OVERVIEW_CHART_BUDGET:
    default:
      return NULL;
    }
}

static void
rebuild (CcpOverviewChart *self)
{
  g_autoptr(CcpOverviewData) made = NULL;
  CcpOverviewData *data;
  CcpStats *stats;
  g_autoptr(GString) text = g_string_new (NULL);
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  const char *name = kind_vocabulary (self->kind);

  g_ptr_array_set_size (self->rows, 0);
  self->widest_city = -1;
  g_clear_pointer (&self->months, g_ptr_array_unref);
  g_clear_pointer (&self->cities, g_ptr_array_unref);
  g_clear_pointer (&self->counts, g_array_unref);
  self->max_count = 0;

  g_string_append (text, self->title);
  g_string_append (text, ": ");

  if (self->field_plan == NULL)
    {
      g_string_append (text, _("no field plan"));
      goto done;
    }

  data = self->data;
  if (data == NULL)
    data = made = ccp_overview_data_new (self->field_plan);
  stats = data->stats;

  if (name != NULL)
    {
      CcpStatsDimension dimension = self->kind == CCP_OVERVIEW_CHART_OBJECTIVES
                                    ? CCP_STATS_OBJECTIVE
                                    : self->kind == CCP_OVERVIEW_CHART_AREAS ? CCP_STATS_AREA
                                    : CCP_STATS_SDG;
      GPtrArray *counts = ccp_stats_get_counts (stats, dimension);

      for (guint i = 0; i < counts->len; i++)
        {
          CcpStatsCount *count = g_ptr_array_index (counts, i);
          const char *label = ccp_vocabulary_get_short_label (vocabulary, name, count->key);
          const char *color = ccp_vocabulary_get_color (vocabulary, name, count->key);
          Row *row = g_new0 (Row, 1);

          /* Translators: a numbered term of a chart, e.g. "3. Creative hubs" */
          row->label = g_strdup_printf (_("%s. %s"), count->key, label ? label : count->key);
          row->value = g_strdup_printf ("%u", count->count);
          row->count = count->count;
          if (color != NULL)
            row->has_color = gdk_rgba_parse (&row->color, color);
          g_ptr_array_add (self->rows, row);
          self->max_count = MAX (self->max_count, count->count);

          if (i > 0)
            /* Translators: separates the items of a chart's description */
            g_string_append (text, _("; "));
          if (self->kind == CCP_OVERVIEW_CHART_SDGS)
            g_string_append_printf (text,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 /* Translators: SDG number, its name, count */
                                                 "SDG %s (%s): %u activity",
                                                 "SDG %s (%s): %u activities", count->count),
                                    count->key, label ? label : "", count->count);
          else
            g_string_append_printf (text,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 /* Translators: a numbered term, its name,
                                                  * then a count */
                                                 "%s. %s: %u activity",
                                                 "%s. %s: %u activities", count->count),
                                    count->key, label ? label : "", count->count);
        }
    }
  else if (self->kind == CCP_OVERVIEW_CHART_TIMELINE)
    {
      self->months = g_ptr_array_ref (data->months);
      self->cities = g_ptr_array_ref (data->cities);
      self->counts = g_array_ref (data->counts);
      for (guint i = 0; i < self->counts->len; i++)
        self->max_count = MAX (self->max_count, g_array_index (self->counts, guint, i));
      if (self->cities->len == 0)
        g_string_append (text, _("no activity"));
      for (guint c = 0; c < self->cities->len; c++)
        {
          if (c > 0)
            g_string_append (text, _("; "));
          g_string_append_printf (text, "%s:", (char *) g_ptr_array_index (self->cities, c));
          for (guint m = 0; m < self->months->len; m++)
            {
              g_autofree char *month =
                ccp_format_month_short (g_ptr_array_index (self->months, m));

              g_string_append_printf (text, " %s %u%s", month,
                                      g_array_index (self->counts, guint,
                                                     c * self->months->len + m),
                                      m + 1 < self->months->len ? "," : "");
            }
        }
    }
  else
    {
      GPtrArray *budgets = ccp_stats_get_budgets (stats);

      if (budgets->len == 0)
        g_string_append (text, _("no budget given"));
      for (guint i = 0; i < budgets->len; i++)
        {
          CcpStatsBudget *budget = g_ptr_array_index (budgets, i);
          Row *row = g_new0 (Row, 1);
          /* Grouped as the user's locale groups numbers (files keep "18000.00"). */
          g_autofree char *amount = ccp_format_cents (budget->cents);
          const char *currency = *budget->currency != '\0' ? budget->currency
                                 /* Translators: a budget given without a currency */
                                 : _("no currency");

          row->label = g_strdup (currency);
          row->value = g_strdup (amount);
          row->detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity",
                                                      "%u activities", budget->activities),
                                         budget->activities);
          row->count = budget->activities;
          g_ptr_array_add (self->rows, row);

          if (i > 0)
            g_string_append (text, _("; "));
          g_string_append_printf (text,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: currency, total, number of
                                                * activities with a budget in it */
                                               "%s %s in %u activity",
                                               "%s %s in %u activities", budget->activities),
                                  currency, amount, budget->activities);
        }
    }

done:
  g_free (self->description);
  self->description = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->description);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* --- Drawing ------------------------------------------------------------------------------ */

static void
get_colors (CcpOverviewChart *self,
            GdkRGBA          *fg,
            GdkRGBA          *accent)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", accent))
    gdk_rgba_parse (accent, "#3584e4");
}

static int
tiles_per_line (int width,
                int tile)
{
  return MAX (1, (width + GAP) / (tile + GAP));
}

/* The width of the widest of texts (a column of labels), at most limit: a long label (French
 * "5. Politiques de développement urbain durable") is shown whole when there is room. */
/* The width of the widest of texts (a column of labels), at most limit: a long label (French
 * "5. Politiques de développement urbain durable") is shown whole when there is room. */
static float
labels_width (const CcpChartCanvas *canvas,
              GPtrArray            *texts,
              gboolean              rows,
              float                 limit)
{
  float widest = 0;

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = rows ? ((Row *) g_ptr_array_index (texts, i))->label
                              : g_ptr_array_index (texts, i);

      widest = MAX (widest, ccp_chart_text_width (canvas, text));
    }
  return MIN (widest + 2, limit);
}

static void
draw_bars (CcpOverviewChart     *self,
           const CcpChartCanvas *canvas,
           const GdkRGBA        *fg,
           const GdkRGBA        *accent)
{
  float width = canvas->width;
  /* Room for the bars first: the labels take at most half the width. */
  float label_w = labels_width (canvas, self->rows, TRUE, width * 0.5f);
  float value_w = 44;
  float bar_x = label_w + GAP;
  float bar_max = MAX (1, width - bar_x - value_w - GAP);
  GdkRGBA track = *fg;

  track.alpha = 0.08f;
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      float y = i * ROW_HEIGHT;
      float bar_w = self->max_count > 0 ? bar_max * row->count / self->max_count : 0;

      if (!ccp_chart_canvas_shows (canvas, y, ROW_HEIGHT))
        continue;
      ccp_chart_draw_text (canvas, row->label, 0, y, label_w, ROW_HEIGHT, PANGO_ALIGN_LEFT, FALSE,
                           fg);
      ccp_chart_draw_box (canvas, bar_x, y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0f, bar_max, BAR_HEIGHT,
                          4, &track);
      if (bar_w > 0)
        ccp_chart_draw_box (canvas, bar_x, y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0f, MAX (bar_w, 4),
                            BAR_HEIGHT, 4, accent);
      ccp_chart_draw_text (canvas, row->value, bar_x + bar_max + GAP, y, value_w, ROW_HEIGHT,
                           PANGO_ALIGN_LEFT, TRUE, fg);
    }
}

static void
draw_tiles (CcpOverviewChart     *self,
            const CcpChartCanvas *canvas,
            const GdkRGBA        *fg)
{
  int per_line = tiles_per_line ((int) canvas->width, TILE_SIZE);
  GdkRGBA white = { 1, 1, 1, 1 };

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      float x = (i % per_line) * (TILE_SIZE + GAP);
      float y = (i / per_line) * (TILE_SIZE + GAP);
      GdkRGBA color = row->has_color ? row->color : *fg;
      GdkRGBA text_color = white;
      g_autofree char *number = NULL;

      if (!ccp_chart_canvas_shows (canvas, y, TILE_SIZE))
        continue;
      number = g_strdup_printf ("%u", i + 1);

      /* A goal no activity addresses stays visible, faded, its numbers in its colour. */
      if (row->count == 0)
        {
          text_color = color;
          color.alpha = 0.18f;
        }
      ccp_chart_draw_box (canvas, x, y, TILE_SIZE, TILE_SIZE, 8, &color);
      ccp_chart_draw_text (canvas, number, x + 8, y + 4, TILE_SIZE - 16, 20, PANGO_ALIGN_LEFT, TRUE,
                           &text_color);
      {
        g_autoptr(PangoLayout) layout = NULL;
        PangoFontDescription *font = pango_font_description_new ();
        int text_w, text_h;
        float left;

        layout = ccp_chart_create_layout (canvas, row->value);
        pango_font_description_set_weight (font, PANGO_WEIGHT_HEAVY);
        pango_font_description_set_absolute_size (font, 26 * PANGO_SCALE);
        pango_layout_set_font_description (layout, font);
        pango_font_description_free (font);
        pango_layout_get_pixel_size (layout, &text_w, &text_h);
        left = ccp_chart_mirror (canvas, x, TILE_SIZE);
        ccp_chart_draw_layout (canvas, layout, left + (TILE_SIZE - text_w) / 2.0f,
                               y + TILE_SIZE - text_h - 6, &text_color);
      }
    }
}

static float
timeline_label_width (CcpOverviewChart     *self,
                      const CcpChartCanvas *canvas)
{
  /* On screen the 400 cities' widths are measured once, not each time the chart scrolls. */
  if (canvas->snapshot == NULL)
    return labels_width (canvas, self->cities, FALSE, canvas->width * 0.3f);
  if (self->widest_city < 0)
    self->widest_city = labels_width (canvas, self->cities, FALSE, G_MAXFLOAT);
  return MIN (self->widest_city, canvas->width * 0.3f);
}

static void
draw_timeline (CcpOverviewChart     *self,
               const CcpChartCanvas *canvas,
               const GdkRGBA        *fg,
               const GdkRGBA        *accent)
{
  float label_w = timeline_label_width (self, canvas);
  guint n_months = self->months->len;
  float cell_w = n_months > 0 ? (canvas->width - label_w - GAP) / n_months : 0;
  GdkRGBA track = *fg;

  track.alpha = 0.06f;
  for (guint m = 0; m < n_months && ccp_chart_canvas_shows (canvas, 0, ROW_HEIGHT); m++)
    {
      g_autofree char *name = ccp_format_month_short (g_ptr_array_index (self->months, m));

      ccp_chart_draw_text (canvas, name, label_w + GAP + m * cell_w, 0, cell_w, ROW_HEIGHT,
                           PANGO_ALIGN_CENTER, TRUE, fg);
    }

  for (guint c = 0; c < self->cities->len; c++)
    {
      float y = (c + 1) * ROW_HEIGHT;

      /* 400 cities are 2,800 texts: only the rows on screen are laid out. */
      if (!ccp_chart_canvas_shows (canvas, y, ROW_HEIGHT))
        continue;
      ccp_chart_draw_text (canvas, g_ptr_array_index (self->cities, c), 0, y, label_w, ROW_HEIGHT,
                           PANGO_ALIGN_LEFT, FALSE, fg);
      for (guint m = 0; m < n_months; m++)
        {
          guint count = g_array_index (self->counts, guint, c * n_months + m);
          float x = label_w + GAP + m * cell_w;
          GdkRGBA color = *accent;
          GdkRGBA white = { 1, 1, 1, 1 };
          g_autofree char *value = g_strdup_printf ("%u", count);

          ccp_chart_draw_box (canvas, x + 1, y + 1, cell_w - 2, ROW_HEIGHT - 2, 3, &track);
          if (count == 0)
            continue;
          color.alpha = 0.25f + 0.75f * count / MAX (1, self->max_count);
          ccp_chart_draw_box (canvas, x + 1, y + 1, cell_w - 2, ROW_HEIGHT - 2, 3, &color);
          ccp_chart_draw_text (canvas, value, x, y, cell_w, ROW_HEIGHT, PANGO_ALIGN_CENTER, TRUE,
                               color.alpha > 0.6f ? &white : fg);
        }
    }
}

static void
draw_budget (CcpOverviewChart     *self,
             const CcpChartCanvas *canvas,
             const GdkRGBA        *fg,
             const GdkRGBA        *accent)
{
  int per_line = tiles_per_line ((int) canvas->width, CARD_WIDTH);
  GdkRGBA back = *accent;

  back.alpha = 0.15f;
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      float x = (i % per_line) * (CARD_WIDTH + GAP);
      float y = (i / per_line) * (CARD_HEIGHT + GAP);
      g_autofree char *amount = NULL;

      if (!ccp_chart_canvas_shows (canvas, y, CARD_HEIGHT))
        continue;
      amount = g_strdup_printf ("%s %s", row->value, row->label);
      ccp_chart_draw_box (canvas, x, y, CARD_WIDTH, CARD_HEIGHT, 8, &back);
      ccp_chart_draw_text (canvas, amount, x + 12, y + 10, CARD_WIDTH - 24, 28, PANGO_ALIGN_LEFT,
                           TRUE, fg);
      ccp_chart_draw_text (canvas, row->detail, x + 12, y + 38, CARD_WIDTH - 24, 24,
                           PANGO_ALIGN_LEFT, FALSE, fg);
    }
}

static void
draw_chart (CcpOverviewChart     *self,
            const CcpChartCanvas *canvas,
            const GdkRGBA        *fg,
            const GdkRGBA        *accent)
{
  switch (self->kind)
    {
    case CCP_OVERVIEW_CHART_OBJECTIVES:
    case CCP_OVERVIEW_CHART_AREAS:
      draw_bars (self, canvas, fg, accent);
      break;
    case CCP_OVERVIEW_CHART_SDGS:
      draw_tiles (self, canvas, fg);
      break;
    case CCP_OVERVIEW_CHART_TIMELINE:
      if (self->months != NULL)
        draw_timeline (self, canvas, fg, accent);
      break;
    case CCP_OVERVIEW_CHART_BUDGET:
    default:
      draw_budget (self, canvas, fg, accent);
      break;
    }
}

static void
ccp_overview_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CcpOverviewChart *self = CCP_OVERVIEW_CHART (widget);
  CcpChartCanvas canvas;
  GdkRGBA fg, accent;

  get_colors (self, &fg, &accent);
  ccp_chart_canvas_init_widget (&canvas, widget, snapshot);
  draw_chart (self, &canvas, &fg, &accent);
  self->clipped = ccp_chart_canvas_clips (&canvas, gtk_widget_get_height (widget));
}

/* GTK keeps what a widget drew while its scrolled window moves it: a chart drawn in part is
 * drawn again when another part comes into view. */
static void
scrolled_cb (CcpOverviewChart *self)
{
  if (self->clipped)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ccp_overview_chart_map (GtkWidget *widget)
{
  CcpOverviewChart *self = CCP_OVERVIEW_CHART (widget);
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  GTK_WIDGET_CLASS (ccp_overview_chart_parent_class)->map (widget);
  if (scroller == NULL)
    return;
  self->vadjustment = g_object_ref (
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
  /* "changed": the window resized shows more or less of it. */
  g_signal_connect_swapped (self->vadjustment, "value-changed", G_CALLBACK (scrolled_cb), self);
  g_signal_connect_swapped (self->vadjustment, "changed", G_CALLBACK (scrolled_cb), self);
}

static void
ccp_overview_chart_unmap (GtkWidget *widget)
{
  CcpOverviewChart *self = CCP_OVERVIEW_CHART (widget);

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, scrolled_cb, self);
  g_clear_object (&self->vadjustment);
  GTK_WIDGET_CLASS (ccp_overview_chart_parent_class)->unmap (widget);
}

static GtkSizeRequestMode
ccp_overview_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ccp_overview_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  CcpOverviewChart *self = CCP_OVERVIEW_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->kind == CCP_OVERVIEW_CHART_SDGS ? TILE_SIZE
                 : self->kind == CCP_OVERVIEW_CHART_BUDGET ? CARD_WIDTH : 240;
      *natural = MAX (*minimum, 480);
      return;
    }
  *minimum = *natural = ccp_overview_chart_get_height_for_width (self,
                                                                  for_size > 0 ? for_size : 600);
}

int
ccp_overview_chart_get_height_for_width (CcpOverviewChart *self,
                                         int               width)
{
  guint n = self->rows->len;
  int height;

  switch (self->kind)
    {
    case CCP_OVERVIEW_CHART_SDGS:
      {
        int per_line = tiles_per_line (width, TILE_SIZE);

        height = ((n + per_line - 1) / per_line) * (TILE_SIZE + GAP);
      }
      break;
    case CCP_OVERVIEW_CHART_BUDGET:
      {
        int per_line = tiles_per_line (width, CARD_WIDTH);

        height = ((n + per_line - 1) / per_line) * (CARD_HEIGHT + GAP);
      }
      break;
    case CCP_OVERVIEW_CHART_TIMELINE:
      height = self->cities != NULL ? (self->cities->len + 1) * ROW_HEIGHT : 0;
      break;
    case CCP_OVERVIEW_CHART_OBJECTIVES:
    case CCP_OVERVIEW_CHART_AREAS:
    default:
      height = n * ROW_HEIGHT;
      break;
    }
  return height;
}

static void
ccp_overview_chart_direction_changed (GtkWidget        *widget,
                                      GtkTextDirection  previous)
{
  CCP_OVERVIEW_CHART (widget)->widest_city = -1;
  gtk_widget_queue_draw (widget);
}

/* Another font, size or theme: the texts are measured again. */
static void
ccp_overview_chart_system_setting_changed (GtkWidget        *widget,
                                           GtkSystemSetting  setting)
{
  CCP_OVERVIEW_CHART (widget)->widest_city = -1;
  GTK_WIDGET_CLASS (ccp_overview_chart_parent_class)->system_setting_changed (widget, setting);
  gtk_widget_queue_draw (widget);
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
ccp_overview_chart_constructed (GObject *object)
{
  CcpOverviewChart *self = CCP_OVERVIEW_CHART (object);

  G_OBJECT_CLASS (ccp_overview_chart_parent_class)->constructed (object);

  switch (self->kind)
    {
    case CCP_OVERVIEW_CHART_OBJECTIVES:
      self->title = g_strdup (_("Activities per objective"));
      break;
    case CCP_OVERVIEW_CHART_AREAS:
      self->title = g_strdup (_("Activities per area of action"));
      break;
    case CCP_OVERVIEW_CHART_SDGS:
      self->title = g_strdup (_("Activities per Sustainable Development Goal"));
      break;
    case CCP_OVERVIEW_CHART_TIMELINE:
      self->title = g_strdup (_("Activities per city and month"));
      break;
    case CCP_OVERVIEW_CHART_BUDGET:
    default:
      self->title = g_strdup (_("Budget per currency"));
      break;
    }
  rebuild (self);
}

static void
ccp_overview_chart_dispose (GObject *object)
{
  CcpOverviewChart *self = CCP_OVERVIEW_CHART (object);

  g_clear_object (&self->field_plan);
  g_clear_pointer (&self->data, ccp_overview_data_unref);

  G_OBJECT_CLASS (ccp_overview_chart_parent_class)->dispose (object);
}

static void
ccp_overview_chart_finalize (GObject *object)
{
  CcpOverviewChart *self = CCP_OVERVIEW_CHART (object);

  g_ptr_array_unref (self->rows);
  g_clear_pointer (&self->months, g_ptr_array_unref);
  g_clear_pointer (&self->cities, g_ptr_array_unref);
  g_clear_pointer (&self->counts, g_array_unref);
  g_free (self->title);
  g_free (self->description);

  G_OBJECT_CLASS (ccp_overview_chart_parent_class)->finalize (object);
}

static void
ccp_overview_chart_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CcpOverviewChart *self = CCP_OVERVIEW_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_FIELD_PLAN:
      g_value_set_object (value, self->field_plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_overview_chart_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CcpOverviewChart *self = CCP_OVERVIEW_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_FIELD_PLAN:
      ccp_overview_chart_set_field_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_overview_chart_class_init (CcpOverviewChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ccp_overview_chart_constructed;
  object_class->dispose = ccp_overview_chart_dispose;
  object_class->finalize = ccp_overview_chart_finalize;
  object_class->get_property = ccp_overview_chart_get_property;
  object_class->set_property = ccp_overview_chart_set_property;
  widget_class->snapshot = ccp_overview_chart_snapshot;
  widget_class->map = ccp_overview_chart_map;
  widget_class->unmap = ccp_overview_chart_unmap;
  widget_class->measure = ccp_overview_chart_measure;
  widget_class->get_request_mode = ccp_overview_chart_get_request_mode;
  widget_class->direction_changed = ccp_overview_chart_direction_changed;
  widget_class->system_setting_changed = ccp_overview_chart_system_setting_changed;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CCP_TYPE_OVERVIEW_CHART_KIND,
                       CCP_OVERVIEW_CHART_OBJECTIVES,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD_PLAN] =
    g_param_spec_object ("field-plan", NULL, NULL, CCP_TYPE_FIELD_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "overview-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ccp_overview_chart_init (CcpOverviewChart *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->widest_city = -1;
}

GtkWidget *
ccp_overview_chart_new (CcpOverviewChartKind kind)
{
  return g_object_new (CCP_TYPE_OVERVIEW_CHART, "kind", kind, NULL);
}

CcpOverviewChartKind
ccp_overview_chart_get_kind (CcpOverviewChart *self)
{
  g_return_val_if_fail (CCP_IS_OVERVIEW_CHART (self), CCP_OVERVIEW_CHART_OBJECTIVES);

  return self->kind;
}

void
ccp_overview_chart_set_field_plan (CcpOverviewChart *self,
                                   CcpFieldPlan     *field_plan)
{
  gboolean changed;

  g_return_if_fail (CCP_IS_OVERVIEW_CHART (self));
  g_return_if_fail (field_plan == NULL || CCP_IS_FIELD_PLAN (field_plan));

  changed = g_set_object (&self->field_plan, field_plan);
  g_clear_pointer (&self->data, ccp_overview_data_unref);
  /* Always rebuilt: the same field plan object may have new content. */
  if (self->title != NULL)
    rebuild (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_PLAN]);
}

void
ccp_overview_chart_set_data (CcpOverviewChart *self,
                             CcpFieldPlan     *field_plan,
                             CcpOverviewData  *data)
{
  gboolean changed;

  g_return_if_fail (CCP_IS_OVERVIEW_CHART (self));
  g_return_if_fail (field_plan == NULL || CCP_IS_FIELD_PLAN (field_plan));

  changed = g_set_object (&self->field_plan, field_plan);
  g_clear_pointer (&self->data, ccp_overview_data_unref);
  if (data != NULL && field_plan != NULL)
    self->data = ccp_overview_data_ref (data);
  if (self->title != NULL)
    rebuild (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_PLAN]);
}

CcpFieldPlan *
ccp_overview_chart_get_field_plan (CcpOverviewChart *self)
{
  g_return_val_if_fail (CCP_IS_OVERVIEW_CHART (self), NULL);

  return self->field_plan;
}

CcpOverviewData *
ccp_overview_chart_get_data (CcpOverviewChart *self)
{
  g_return_val_if_fail (CCP_IS_OVERVIEW_CHART (self), NULL);

  return self->data;
}

const char *
ccp_overview_chart_get_description (CcpOverviewChart *self)
{
  g_return_val_if_fail (CCP_IS_OVERVIEW_CHART (self), NULL);

  return self->description;
}

const char *
ccp_overview_chart_get_title (CcpOverviewChart *self)
{
  g_return_val_if_fail (CCP_IS_OVERVIEW_CHART (self), NULL);

  return self->title;
}

void
ccp_overview_chart_draw_cairo (CcpOverviewChart *self,
                               cairo_t          *cr,
                               PangoContext     *context,
                               double            width,
                               gboolean          rtl)
{
  /* On paper: black text, the default accent, whatever the screen's style. */
  GdkRGBA fg = { 0, 0, 0, 1 };
  GdkRGBA accent = { 0x35 / 255.0f, 0x84 / 255.0f, 0xe4 / 255.0f, 1 };
  CcpChartCanvas canvas;

  g_return_if_fail (CCP_IS_OVERVIEW_CHART (self));
  g_return_if_fail (cr != NULL && PANGO_IS_CONTEXT (context));

  ccp_chart_canvas_init_cairo (&canvas, cr, context, (float) width, rtl);
  draw_chart (self, &canvas, &fg, &accent);
}
