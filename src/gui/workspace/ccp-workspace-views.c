/* ccp-workspace-views.c: setting the workspace's views to the field plan shown. After a merge
 * (staging) each view is set in its own main-loop turn, after a frame, the heading and the
 * page on screen first, so that no turn sets them all (issue 16: 37,000 activities made the
 * hand-over block the window for a quarter of a second and more). Otherwise at once. */
#define G_LOG_DOMAIN "ccp-workspace"

#include "config.h"

#include "ccp-status-page.h"
#include "ccp-workspace-private.h"

/* Between two steps: the frame that lays out and paints what a step changed runs first (at
 * most MAX_WAIT_US is waited for it). A priority below the redraw's would be simpler, but a
 * pulsing progress bar makes frames all the time and the steps then waited for seconds. */
#define STEP_PAUSE_MS 4
#define MAX_WAIT_US (50 * 1000)
/* Steps follow one another in the same turn until this much time is spent: most take under
 * 2 ms, and a frame between each made the hand-over ten frames long. */
#define TURN_BUDGET_US (6 * 1000)

typedef enum {
  STEP_HEADING,
  STEP_SOURCES,
  STEP_ACTIVITIES,
  STEP_CHART,        /* + the chart's index */
  STEP_COMPARE = STEP_CHART + N_CHARTS,
  STEP_STATUS,
  N_STEPS
} Step;

struct _ViewsStage {
  CcpWorkspace    *self;       /* not referenced: the workspace ends its stage */
  CcpOverviewData *overview;   /* what the charts and the city filter show */
  CcpSearchKeys   *keys;
  gboolean         staging;     /* the tables' rows come in chunks */
  gboolean         counted;     /* in the workspace's n_pending */
  guint            order[N_STEPS];
  guint            next;
  guint            source_id;
  gint64           frame;       /* the workspace's frame counter at the last step, and when */
  gint64           time;
};

static void
stage_free (ViewsStage *stage)
{
  /* A staged one counts as a pending task of the workspace (tests and the hand-over wait). */
  if (stage->counted)
    stage->self->n_pending--;
  g_clear_handle_id (&stage->source_id, g_source_remove);
  g_clear_pointer (&stage->overview, ccp_overview_data_unref);
  g_clear_pointer (&stage->keys, ccp_search_keys_unref);
  g_free (stage);
}

static void
set_heading (CcpWorkspace *self)
{
  GListModel *report;
  guint n_report = 0;

  if (self->current != NULL)
    {
      report = G_LIST_MODEL (ccp_field_plan_get_report (self->current));
      for (guint i = 0; i < g_list_model_get_n_items (report); i++)
        {
          g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);
          const char *kind = ccp_report_item_get_kind (item);

          if (g_str_equal (kind, "refused") || g_str_equal (kind, "superseded") ||
              g_str_equal (kind, "possible-duplicate") || g_str_equal (kind, "joint-conflict"))
            n_report++;
        }
    }
  adw_view_stack_page_set_badge_number (self->report_page, n_report);
  adw_view_stack_page_set_needs_attention (self->report_page, n_report > 0);

  gtk_stack_set_visible_child_name (self->main_stack,
                                    self->current != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (
                                      ccp_field_plan_get_sources (self->current))) > 0
                                    ? "content" : "empty");
  _ccp_workspace_update_header (self);
}

static void
run_step (CcpWorkspace *self,
          ViewsStage   *stage,
          guint         step)
{
  CcpOverviewData *overview = stage->overview;

  switch (step)
    {
    case STEP_HEADING:
      set_heading (self);
      break;
    case STEP_SOURCES:
      ccp_source_table_set_field_plan (self->source_table, self->current, self->issues,
                                       self->messages);
      /* A merge's hand-over lets the rows come in a chunk per main-loop turn. */
      if (!stage->staging)
        ccp_source_table_flush (self->source_table);
      break;
    case STEP_ACTIVITIES:
      /* The city filter's list too comes from the overview. */
      ccp_activity_table_set_field_plan_with_keys (self->activity_table, self->current,
                                                   stage->keys,
                                                   overview != NULL ? overview->cities : NULL);
      if (!stage->staging)
        ccp_activity_table_flush (self->activity_table);
      break;
    case STEP_COMPARE:
      _ccp_workspace_compare_update (self);
      break;
    case STEP_STATUS:
      _ccp_workspace_cycle_update (self);
      /* A page not shown builds its rows when it is. */
      if (!stage->staging && gtk_widget_get_mapped (GTK_WIDGET (self->status_page)))
        ccp_status_page_flush (self->status_page);
      break;
    default:
      g_assert (step >= STEP_CHART && step < STEP_CHART + N_CHARTS);
      ccp_overview_chart_set_data (self->charts[step - STEP_CHART], self->current, overview);
      break;
    }
}

/* Whether the workspace painted a frame since the last step (or is not on screen, or waited
 * long enough). */
static gboolean
frame_passed (CcpWorkspace *self,
              ViewsStage   *stage)
{
  GdkFrameClock *clock = gtk_widget_get_mapped (GTK_WIDGET (self))
                         ? gtk_widget_get_frame_clock (GTK_WIDGET (self)) : NULL;
  gint64 now = g_get_monotonic_time ();
  gint64 frame = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : 0;

  if (clock != NULL && frame == stage->frame && now - stage->time < MAX_WAIT_US)
    return FALSE;
  stage->frame = frame;
  stage->time = now;
  return TRUE;
}

static gboolean
step_cb (gpointer user_data)
{
  CcpWorkspace *self = user_data;
  ViewsStage *stage = self->views_stage;
  gint64 start = g_get_monotonic_time ();
  guint step;

  if (!frame_passed (self, stage))
    return G_SOURCE_CONTINUE;
  do
    {
      gint64 step_start = g_get_monotonic_time ();

      step = stage->order[stage->next++];
      run_step (self, stage, step);
      g_debug ("hand-over: view step %u in %.1f ms", step,
               (g_get_monotonic_time () - step_start) / 1000.0);
      /* The step set another field plan (which took over, this source gone with its stage). */
      if (self->views_stage != stage)
        return G_SOURCE_REMOVE;
    }
  while (stage->next < N_STEPS && g_get_monotonic_time () - start < TURN_BUDGET_US);
  if (stage->next < N_STEPS)
    return G_SOURCE_CONTINUE;
  stage->source_id = 0;
  g_clear_pointer (&self->views_stage, stage_free);
  return G_SOURCE_REMOVE;
}

/* The steps of the page on screen come first, after the heading. */
static void
order_steps (CcpWorkspace *self,
             ViewsStage   *stage)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean done[N_STEPS] = { FALSE, };
  guint n = 0;

  stage->order[n++] = STEP_HEADING;
  done[STEP_HEADING] = TRUE;
  if (g_strcmp0 (page, "sources") == 0)
    stage->order[n++] = STEP_SOURCES, done[STEP_SOURCES] = TRUE;
  else if (g_strcmp0 (page, "activities") == 0)
    stage->order[n++] = STEP_ACTIVITIES, done[STEP_ACTIVITIES] = TRUE;
  else if (g_strcmp0 (page, "status") == 0)
    stage->order[n++] = STEP_STATUS, done[STEP_STATUS] = TRUE;
  else if (g_strcmp0 (page, "overview") == 0)
    for (guint i = 0; i < N_CHARTS; i++)
      stage->order[n++] = STEP_CHART + i, done[STEP_CHART + i] = TRUE;
  for (guint step = 0; step < N_STEPS; step++)
    if (!done[step])
      stage->order[n++] = step;
  g_assert (n == N_STEPS);
}

void
_ccp_workspace_views_set (CcpWorkspace *self,
                          gboolean      staging)
{
  ViewsStage *stage = g_new0 (ViewsStage, 1);

  /* A later field plan takes over the steps left of an earlier one. */
  g_clear_pointer (&self->views_stage, stage_free);
  /* One count for the five charts, made in the merge's worker when there was one. */
  if (self->current != NULL)
    stage->overview = self->overview != NULL ? ccp_overview_data_ref (self->overview)
                                             : ccp_overview_data_new (self->current);
  if (self->keys != NULL)
    stage->keys = ccp_search_keys_ref (self->keys);
  stage->self = self;
  stage->staging = staging;
  order_steps (self, stage);

  if (!staging)
    {
      for (guint i = 0; i < N_STEPS; i++)
        run_step (self, stage, stage->order[i]);
      stage_free (stage);
      return;
    }
  self->views_stage = stage;
  stage->counted = TRUE;
  self->n_pending++;
  /* The heading now (the window says at once what it shows), the rest a step per turn. */
  run_step (self, stage, stage->order[stage->next++]);
  frame_passed (self, stage);
  /* A timeout, not an idle: while frames keep coming an idle below the redraw priority would
   * wait for ever. */
  stage->source_id = g_timeout_add_full (G_PRIORITY_DEFAULT, STEP_PAUSE_MS, step_cb, self,
                                         NULL);
}

gboolean
_ccp_workspace_views_pending (CcpWorkspace *self)
{
  return self->views_stage != NULL && self->views_stage->counted;
}

void
_ccp_workspace_views_clear (CcpWorkspace *self)
{
  g_clear_pointer (&self->views_stage, stage_free);
}
