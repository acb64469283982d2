/* bench-validate-activity.c: benchmark 3, re-validating one edited activity of a large plan.
 *
 *   bench-validate-activity FILE [--iterations N] [--full-iterations N]
 *
 * The editor re-checks the activity being typed into with ccp_validator_check_activity() on
 * every change; this measures that call after an edit of the middle activity, many times, and
 * the full ccp_validator_check_plan() beside it. Prints "key: value" lines (microseconds) for
 * run-benchmarks.py.
 */
#define G_LOG_DOMAIN "bench-validate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdlib.h>

#include "ccp-core.h"

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Median, minimum and 90th percentile of the samples (sorted in place). */
static void
print_stats (const char *name,
             GArray     *samples)
{
  gint64 *values = (gint64 *) samples->data;
  guint n = samples->len;

  g_array_sort (samples, compare_int64);
  g_print ("%s-median-us: %.1f\n", name,
           n % 2 ? (double) values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0);
  g_print ("%s-min-us: %" G_GINT64_FORMAT "\n", name, values[0]);
  g_print ("%s-p90-us: %" G_GINT64_FORMAT "\n", name, values[MIN (n - 1, n * 9 / 10)]);
  g_print ("%s-runs: %u\n", name, n);
}

int
main (int    argc,
      char **argv)
{
  int iterations = 2000;
  int full_iterations = 15;
  const GOptionEntry entries[] = {
    { "iterations", 0, 0, G_OPTION_ARG_INT, &iterations,
      N_("Timed re-checks of the edited activity (default 2000)"), N_("N") },
    { "full-iterations", 0, 0, G_OPTION_ARG_INT, &full_iterations,
      N_("Timed checks of the whole plan (default 15)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GObject) document = NULL;
  g_autoptr(CcpValidator) validator = NULL;
  g_autoptr(GArray) activity_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) plan_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *original_title = NULL;
  CcpPlan *plan;
  CcpActivity *activity;
  guint n_activities, index;
  guint n_issues = 0;

  setlocale (LC_ALL, "");
  ccp_i18n_init ();

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc != 2 || iterations < 1 || full_iterations < 1)
    {
      g_printerr ("%s\n", _("Usage: bench-validate-activity FILE [--iterations N]"));
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  document = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (!CCP_IS_PLAN (document))
    {
      g_printerr (_("%s is not a city plan"), argv[1]);
      g_printerr ("\n");
      return 1;
    }

  plan = CCP_PLAN (document);
  n_activities = g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (plan)));
  index = n_activities / 2;
  activity = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), index);
  g_object_unref (activity);   /* the plan keeps it alive */
  original_title = g_strdup (ccp_activity_get_title (activity));

  validator = ccp_validator_new ();

  /* Warm up: the default vocabulary, iso-codes and registry are loaded on first use. */
  g_ptr_array_unref (ccp_validator_check_plan (validator, plan));

  for (int i = 0; i < iterations; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s (%d)", original_title, i);
      g_autoptr(GPtrArray) issues = NULL;
      gint64 start, end, elapsed;

      /* The edit, as the editor makes it; only the re-check is timed. */
      ccp_activity_set_title (activity, title);

      start = g_get_monotonic_time ();
      issues = ccp_validator_check_activity (validator, plan, index);
      end = g_get_monotonic_time ();

      n_issues += issues->len;
      elapsed = end - start;
      g_array_append_val (activity_times, elapsed);
    }

  for (int i = 0; i < full_iterations; i++)
    {
      g_autoptr(GPtrArray) issues = NULL;
      gint64 start, end, elapsed;

      start = g_get_monotonic_time ();
      issues = ccp_validator_check_plan (validator, plan);
      end = g_get_monotonic_time ();

      elapsed = end - start;
      g_array_append_val (plan_times, elapsed);
    }

  g_print ("activities: %u\n", n_activities);
  g_print ("edited-index: %u\n", index);
  g_print ("edited-activity-issues: %u\n", n_issues / (guint) iterations);
  print_stats ("check-activity", activity_times);
  print_stats ("check-plan", plan_times);

  return 0;
}
