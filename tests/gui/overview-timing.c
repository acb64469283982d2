/* overview-timing.c: times ccp_overview_data_new() on a field plan file (not a test: the
 * figures are printed, never asserted, since the machines are noisy).
 *
 *   overview-timing [--repeat=N] [--dump] [--parts] FIELD-PLAN.xml
 *
 * --dump prints every figure of the overview, so that two builds can be compared with diff.
 * Under callgrind, --toggle-collect=ccp_overview_data_new counts only the function itself. */
#define G_LOG_DOMAIN "overview-timing"

#include "config.h"

#include <stdlib.h>

#include "ccp-core.h"
#include "ccp-overview-data.h"

static void
dump_counts (CcpStats          *stats,
             CcpStatsDimension  dimension)
{
  GPtrArray *rows = ccp_stats_get_counts (stats, dimension);

  for (guint i = 0; i < rows->len; i++)
    {
      CcpStatsCount *row = g_ptr_array_index (rows, i);

      g_print ("count %d %s %s %u\n", dimension, row->key,
               row->country != NULL ? row->country : "-", row->count);
    }
}

static void
dump (CcpOverviewData *data)
{
  GPtrArray *budgets = ccp_stats_get_budgets (data->stats);

  g_print ("activities %u flagship %u\n", ccp_stats_get_n_activities (data->stats),
           ccp_stats_get_n_flagship (data->stats));
  for (guint d = 0; d < CCP_STATS_N_DIMENSIONS; d++)
    dump_counts (data->stats, d);
  for (guint i = 0; i < budgets->len; i++)
    {
      CcpStatsBudget *budget = g_ptr_array_index (budgets, i);

      g_print ("budget '%s' %" G_GINT64_FORMAT " %u %u\n", budget->currency, budget->cents,
               budget->activities, budget->unreadable);
    }
  for (guint c = 0; c < data->cities->len; c++)
    {
      g_print ("timeline %s", (const char *) g_ptr_array_index (data->cities, c));
      for (guint m = 0; m < data->months->len; m++)
        g_print (" %s=%u", (const char *) g_ptr_array_index (data->months, m),
                 g_array_index (data->counts, guint, c * data->months->len + m));
      g_print ("\n");
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  int repeat = 5;
  gboolean print_dump = FALSE, parts = FALSE;
  GOptionEntry entries[] = {
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs to time", "N" },
    { "dump", 0, 0, G_OPTION_ARG_NONE, &print_dump, "Print every figure", NULL },
    { "parts", 0, 0, G_OPTION_ARG_NONE, &parts, "Time the statistics and the timeline apart",
      NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FIELD-PLAN.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GObject) document = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double stats_time = G_MAXDOUBLE, timeline_time = G_MAXDOUBLE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || repeat < 1)
    {
      g_printerr ("usage: overview-timing [--repeat=N] [--dump] [--parts] FIELD-PLAN.xml\n");
      return EXIT_FAILURE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  document = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error);
  if (document == NULL || !CCP_IS_FIELD_PLAN (document))
    {
      g_printerr ("%s: %s\n", argv[1], error != NULL ? error->message : "not a field plan");
      return EXIT_FAILURE;
    }

  for (int i = 0; i < repeat; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CcpOverviewData) data = ccp_overview_data_new (CCP_FIELD_PLAN (document));
      double seconds = (g_get_monotonic_time () - start) / 1e6;

      g_array_append_val (times, seconds);
      if (print_dump && i == 0)
        dump (data);
    }
  /* Its two parts, to see where the time goes. */
  for (int i = 0; i < (parts ? repeat : 0); i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CcpStats) stats = ccp_stats_new_for_field_plan (CCP_FIELD_PLAN (document));
      gint64 middle = g_get_monotonic_time ();
      g_autoptr(GPtrArray) cities = NULL;
      g_autoptr(GArray) counts = NULL;
      g_autoptr(GPtrArray) months = ccp_overview_timeline_counts (CCP_FIELD_PLAN (document),
                                                                  &cities, &counts);
      gint64 end = g_get_monotonic_time ();

      stats_time = MIN (stats_time, (middle - start) / 1e6);
      timeline_time = MIN (timeline_time, (end - middle) / 1e6);
    }
  if (parts)
    g_printerr ("ccp_stats_new_for_field_plan: min %.3f s, ccp_overview_timeline_counts: "
                "min %.3f s\n", stats_time, timeline_time);

  g_array_sort (times, compare_doubles);
  g_printerr ("ccp_overview_data_new: %u activities, %d runs, min %.3f s, median %.3f s\n",
              g_list_model_get_n_items (G_LIST_MODEL (
                ccp_field_plan_get_activities (CCP_FIELD_PLAN (document)))),
              repeat, g_array_index (times, double, 0),
              g_array_index (times, double, times->len / 2));
  return EXIT_SUCCESS;
}
