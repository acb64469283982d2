/* test-gui-charts.c: the overview's charts in a scrolled window draw the rows on screen only
 * (a timeline of 400 cities was 2,800 texts laid out in one frame: issue 16), and draw again
 * the rows that scrolling or a taller window brings into view. */
#define G_LOG_DOMAIN "test-gui-charts"

#include "config.h"

#include <adwaita.h>

#include "ccp-core.h"
#include "ccp-overview-chart.h"
#include "ccp-gui-test-util.h"

#define N_CITIES 300

/* N_CITIES cities of one activity each, in February 2027: a timeline N_CITIES + 1 rows tall. */
static CcpFieldPlan *
many_cities (void)
{
  CcpFieldPlan *field_plan = ccp_field_plan_new ();

  ccp_field_plan_set_id (field_plan, "music-test");
  ccp_field_plan_set_field (field_plan, "music");
  ccp_field_plan_set_period (field_plan, "2027-H1");
  for (guint i = 0; i < N_CITIES; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i + 1);
      g_autofree char *city = g_strdup_printf ("City %03u", i + 1);
      g_autoptr(CcpActivity) activity = ccp_activity_new (id);
      g_autoptr(CcpAttribution) attribution = ccp_attribution_new (city, "FR", "plan", id);

      ccp_activity_set_title (activity, id);
      ccp_activity_set_start_date (activity, "2027-02-10");
      ccp_activity_set_end_date (activity, "2027-02-12");
      ccp_item_list_append (ccp_activity_get_attributions (activity), attribution);
      ccp_item_list_append (ccp_field_plan_get_activities (field_plan), activity);
    }
  return field_plan;
}

/* What the chart shows now, as GTK has it after its last frame: the top and bottom of what
 * was drawn, in its coordinates. FALSE while a frame is still to come. */
static gboolean
drawn_extent (GtkWidget *chart,
              float     *top,
              float     *bottom)
{
  g_autoptr(GskRenderNode) node = ccp_gui_widget_node (chart);
  graphene_rect_t bounds;

  if (node == NULL)
    return FALSE;
  gsk_render_node_get_bounds (node, &bounds);
  *top = bounds.origin.y;
  *bottom = bounds.origin.y + bounds.size.height;
  return TRUE;
}

static void
test_timeline_scrolled (void)
{
  g_autoptr(CcpFieldPlan) field_plan = many_cities ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *chart = ccp_overview_chart_new (CCP_OVERVIEW_CHART_TIMELINE);
  GtkAdjustment *vadjustment;
  float top, bottom, height;

  ccp_overview_chart_set_field_plan (CCP_OVERVIEW_CHART (chart), field_plan);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), chart);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 300);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (chart) && gtk_widget_get_height (chart) > 0, 10000);
  WAIT_FOR (drawn_extent (chart, &top, &bottom), 10000);

  height = gtk_widget_get_height (chart);
  /* Each city is a row: the chart is many times the window's height. */
  g_assert_cmpfloat (height, >, 20 * gtk_widget_get_height (scroller));

  /* At the top: the months and the first cities, nothing far below the window. */
  g_assert_cmpfloat (top, <, 30);
  g_assert_cmpfloat (bottom, >, gtk_widget_get_height (scroller) - 30);
  g_assert_cmpfloat (bottom, <, 2 * gtk_widget_get_height (scroller));

  /* Scrolled to the end: the last cities are drawn (not the first ones kept from before). */
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) -
                                         gtk_adjustment_get_page_size (vadjustment));
  WAIT_FOR (drawn_extent (chart, &top, &bottom) && bottom > height - 30, 10000);
  g_assert_cmpfloat (top, >, height - 2 * gtk_widget_get_height (scroller));

  /* A taller window shows more rows above: they are drawn too. */
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 600);
  WAIT_FOR (gtk_widget_get_height (scroller) > 500, 10000);
  WAIT_FOR (drawn_extent (chart, &top, &bottom) &&
            top < height - gtk_widget_get_height (scroller) + 30, 10000);
  g_assert_cmpfloat (bottom, >, height - 30);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* On paper, or outside a scrolled window, every row is drawn. */
static void
test_timeline_unscrolled (void)
{
  g_autoptr(CcpFieldPlan) field_plan = many_cities ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = ccp_overview_chart_new (CCP_OVERVIEW_CHART_TIMELINE);
  float top, bottom;

  ccp_overview_chart_set_field_plan (CCP_OVERVIEW_CHART (chart), field_plan);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (chart) && gtk_widget_get_height (chart) > 0, 10000);
  WAIT_FOR (drawn_extent (chart, &top, &bottom), 10000);
  g_assert_cmpfloat (top, <, 30);
  g_assert_cmpfloat (bottom, >, gtk_widget_get_height (chart) - 30);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  char *state = ccp_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/charts/timeline-scrolled", test_timeline_scrolled);
  g_test_add_func ("/gui/charts/timeline-unscrolled", test_timeline_unscrolled);

  return ccp_gui_test_run (state);
}
