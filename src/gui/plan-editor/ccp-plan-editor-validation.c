/* ccp-plan-editor-validation.c: the plan editor's issues: each activity checked on its own
 * when it changes (re-indexed when it moves), the plan's fields, the badges and the summary
 * (errors, warnings, completeness). */
#define G_LOG_DOMAIN "ccp-plan-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-activity-row.h"
#include "ccp-comments-window.h"
#include "ccp-plan-editor-private.h"
#include "ccp-plan-tools.h"

static void show_plan_issues (CcpPlanEditor *self);

static void
count_issues (GPtrArray *issues,
              guint     *errors,
              guint     *warnings,
              guint     *infos)
{
  if (issues == NULL)
    return;
  *errors += ccp_issues_count (issues, CCP_SEVERITY_ERROR);
  *warnings += ccp_issues_count (issues, CCP_SEVERITY_WARNING);
  *infos += ccp_issues_count (issues, CCP_SEVERITY_INFO);
}

static void
set_badge (GtkLabel *badge,
           guint     errors,
           guint     warnings)
{
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (badge), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (badge), "warning");
  if (errors > 0)
    {
      text = g_strdup_printf ("%u", errors);
      gtk_widget_add_css_class (GTK_WIDGET (badge), "error");
    }
  else if (warnings > 0)
    {
      text = g_strdup_printf ("%u", warnings);
      gtk_widget_add_css_class (GTK_WIDGET (badge), "warning");
    }
  gtk_label_set_text (badge, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (badge), text != NULL);
}

gboolean
_ccp_plan_editor_is_contact_path (const char *path)
{
  return g_str_has_prefix (path, "focal-point") || g_str_has_prefix (path, "representative");
}

static gboolean
emit_issues_changed_cb (gpointer user_data)
{
  CcpPlanEditor *self = user_data;

  self->issues_idle_id = 0;
  g_signal_emit (self, _ccp_plan_editor_signals[ISSUES_CHANGED], 0);

  return G_SOURCE_REMOVE;
}

void
_ccp_plan_editor_update_summary (CcpPlanEditor *self)
{
  guint errors = 0, warnings = 0, infos = 0;
  guint city_errors = 0, city_warnings = 0, contact_errors = 0, contact_warnings = 0;
  GHashTableIter iter;
  gpointer value;
  double completeness;

  count_issues (self->plan_issues, &errors, &warnings, &infos);
  count_issues (self->load_issues, &errors, &warnings, &infos);
  if (self->plan != NULL)
    {
      g_autoptr(GPtrArray) comments = ccp_comments_window_issues_for (self->plan);

      count_issues (comments, &errors, &warnings, &infos);
    }
  g_hash_table_iter_init (&iter, self->activity_issues);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    count_issues (value, &errors, &warnings, &infos);

  for (guint i = 0; self->plan_issues != NULL && i < self->plan_issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (self->plan_issues, i);
      gboolean contact = _ccp_plan_editor_is_contact_path (ccp_issue_get_path (issue));
      CcpSeverity severity = ccp_issue_get_severity (issue);

      if (severity == CCP_SEVERITY_ERROR)
        (*(contact ? &contact_errors : &city_errors))++;
      else if (severity == CCP_SEVERITY_WARNING)
        (*(contact ? &contact_warnings : &city_warnings))++;
    }
  set_badge (self->city_badge, city_errors, city_warnings);
  set_badge (self->contacts_badge, contact_errors, contact_warnings);

  completeness = self->plan ? ccp_plan_get_completeness (self->plan) : 0.0;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_errors != errors)
    {
      self->n_errors = errors;
      g_object_notify_by_pspec (G_OBJECT (self), _ccp_plan_editor_properties[PROP_N_ERRORS]);
    }
  if (self->n_warnings != warnings)
    {
      self->n_warnings = warnings;
      g_object_notify_by_pspec (G_OBJECT (self), _ccp_plan_editor_properties[PROP_N_WARNINGS]);
    }
  if (self->n_infos != infos)
    {
      self->n_infos = infos;
      g_object_notify_by_pspec (G_OBJECT (self), _ccp_plan_editor_properties[PROP_N_INFOS]);
    }
  if (self->completeness != completeness)
    {
      self->completeness = completeness;
      g_object_notify_by_pspec (G_OBJECT (self), _ccp_plan_editor_properties[PROP_COMPLETENESS]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  if (self->issues_idle_id == 0)
    /* Before the next frame: the header (which follows this signal) and the problems panel
     * show the same issues at the same time. */
    self->issues_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, emit_issues_changed_cb, self,
                                            NULL);
}

/* Keeps issues (taken) as what the validator found for activity at index, plus the dates to
 * review, and shows their count on its row and in the activity editor. */
static void
set_activity_issues (CcpPlanEditor *self,
                     CcpActivity   *activity,
                     guint          index,
                     GPtrArray     *issues)
{
  const char *review = g_hash_table_lookup (self->review, activity);
  CcpActivityRow *row;

  if (review != NULL)
    {
      g_autofree char *now = g_strconcat (ccp_activity_get_start_date (activity), "|",
                                          ccp_activity_get_end_date (activity), NULL);

      if (g_strcmp0 (now, review) != 0)
        g_hash_table_remove (self->review, activity);
      else
        {
          g_autofree char *path = g_strdup_printf ("activities/%u/start-date", index);

          g_ptr_array_add (issues,
                           ccp_issue_new (CCP_SEVERITY_WARNING, "dates-to-review", path,
                                          _("These dates were copied from the previous period: "
                                            "check that they are still right.")));
        }
    }

  row = g_hash_table_lookup (self->rows, activity);
  if (row != NULL)
    ccp_activity_row_set_issues (row, ccp_issues_count (issues, CCP_SEVERITY_ERROR),
                                 ccp_issues_count (issues, CCP_SEVERITY_WARNING));

  if (edited_activity (self) == activity)
    _ccp_plan_editor_show_activity_issues (self, issues, index);

  self->n_activity_checks++;
  g_hash_table_replace (self->activity_issues, g_object_ref (activity),
                        g_steal_pointer (&issues));
  g_hash_table_replace (self->issue_index, activity, GUINT_TO_POINTER (index + 1));
}

void
_ccp_plan_editor_validate_activity_at (CcpPlanEditor *self,
                                       CcpActivity   *activity,
                                       guint          index)
{
  set_activity_issues (self, activity, index,
                       ccp_validator_check_activity (self->validator, self->plan, index));
}

/* The activity moved from old_index to index: its issues stay right, only their paths change. */
static void
reindex_activity (CcpPlanEditor *self,
                  CcpActivity   *activity,
                  guint          old_index,
                  guint          index)
{
  GPtrArray *issues = g_hash_table_lookup (self->activity_issues, activity);
  g_autofree char *old_prefix = g_strdup_printf ("activities/%u/", old_index);
  g_autofree char *old_path = g_strdup_printf ("activities/%u", old_index);
  GPtrArray *moved;

  if (issues == NULL)
    return;

  moved = g_ptr_array_new_full (issues->len, g_object_unref);
  for (guint i = 0; i < issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (issues, i);
      const char *path = ccp_issue_get_path (issue);
      g_autofree char *new_path = NULL;
      CcpIssue *copy;

      if (g_str_has_prefix (path, old_prefix))
        new_path = g_strdup_printf ("activities/%u/%s", index, path + strlen (old_prefix));
      else if (g_str_equal (path, old_path))
        new_path = g_strdup_printf ("activities/%u", index);
      else
        new_path = g_strdup (path);
      copy = ccp_issue_new (ccp_issue_get_severity (issue), ccp_issue_get_rule (issue), new_path,
                            ccp_issue_get_message (issue));
      ccp_issue_set_location (copy, ccp_issue_get_line (issue), ccp_issue_get_column (issue));
      g_ptr_array_add (moved, copy);
    }

  g_hash_table_replace (self->activity_issues, g_object_ref (activity), moved);
  g_hash_table_replace (self->issue_index, activity, GUINT_TO_POINTER (index + 1));
  if (edited_activity (self) == activity)
    _ccp_plan_editor_show_activity_issues (self, moved, index);
}

static gboolean
has_rule (GPtrArray  *issues,
          const char *rule)
{
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    if (g_str_equal (ccp_issue_get_rule (g_ptr_array_index (issues, i)), rule))
      return TRUE;
  return FALSE;
}

/* After an add, delete or move: validates the added activities only; the others keep their
 * issues, re-indexed (paths carry positions). Identifier uniqueness is the one rule that
 * depends on other activities: those involved are checked again. */
void
_ccp_plan_editor_update_after_items_changed (CcpPlanEditor *self,
                                             guint          position,
                                             guint          removed,
                                             guint          added)
{
  GListModel *model = G_LIST_MODEL (get_store (self));
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GHashTable) present = NULL;
  gboolean ids_changed = FALSE;

  if (removed > 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      present = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
      for (guint i = 0; i < n; i++)
        g_hash_table_add (present, g_list_model_get_item (model, i));
      g_hash_table_iter_init (&iter, self->activity_issues);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (present, key))
          {
            ids_changed = ids_changed || has_rule (value, "activity-id-duplicate");
            g_hash_table_remove (self->issue_index, key);
            g_hash_table_iter_remove (&iter);
          }
    }

  for (guint i = position; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (model, i);
      guint old = GPOINTER_TO_UINT (g_hash_table_lookup (self->issue_index, activity));

      if (i < position + added || old == 0)
        {
          _ccp_plan_editor_validate_activity_at (self, activity, i);
          if (has_rule (g_hash_table_lookup (self->activity_issues, activity),
                        "activity-id-duplicate"))
            ids_changed = TRUE;
        }
      else if (old - 1 != i)
        reindex_activity (self, activity, old - 1, i);
    }

  if (!ids_changed)
    return;
  /* Only activities sharing an identifier with another can have changed. */
  {
    g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GHashTable) dup = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(CcpActivity) activity = g_list_model_get_item (model, i);
        const char *id = ccp_activity_get_id (activity);

        if (!g_hash_table_add (ids, (gpointer) id))
          g_hash_table_add (dup, (gpointer) id);
      }
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(CcpActivity) activity = g_list_model_get_item (model, i);
        gboolean flagged = has_rule (g_hash_table_lookup (self->activity_issues, activity),
                                     "activity-id-duplicate");
        gboolean is_dup = g_hash_table_contains (dup, ccp_activity_get_id (activity));

        if (flagged != is_dup)
          _ccp_plan_editor_validate_activity_at (self, activity, i);
      }
  }
}

/* The position of the activity an issue is about ("activities/N" or "activities/N/..."). */
static gboolean
parse_activity_index (const char *path,
                      guint      *index)
{
  const char *digits;
  char *end = NULL;
  guint64 value;

  if (!g_str_has_prefix (path, "activities/"))
    return FALSE;
  digits = path + strlen ("activities/");
  if (!g_ascii_isdigit (*digits))
    return FALSE;
  value = g_ascii_strtoull (digits, &end, 10);
  if ((*end != '\0' && *end != '/') || value > G_MAXUINT)
    return FALSE;
  *index = (guint) value;

  return TRUE;
}

/* One pass of the validator over the whole plan, its issues then split by activity: checking
 * each activity on its own would count the identifiers of all the others each time. */
void
_ccp_plan_editor_validate_all_activities (CcpPlanEditor *self)
{
  GListModel *model;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) split = NULL;
  guint n = n_activities (self);

  g_hash_table_remove_all (self->activity_issues);
  g_hash_table_remove_all (self->issue_index);
  if (n == 0)
    return;

  model = G_LIST_MODEL (get_store (self));
  all = ccp_validator_check_plan (self->validator, self->plan);
  split = g_ptr_array_new_full (n, NULL);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (split, g_ptr_array_new_with_free_func (g_object_unref));
  for (guint i = 0; i < all->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (all, i);
      guint index;

      /* Plan-level issues are validate_plan_fields' part. */
      if (parse_activity_index (ccp_issue_get_path (issue), &index) && index < n)
        g_ptr_array_add (g_ptr_array_index (split, index), g_object_ref (issue));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (model, i);

      set_activity_issues (self, activity, i, g_ptr_array_index (split, i));
    }
}

void
_ccp_plan_editor_validate_plan_fields (CcpPlanEditor *self)
{
  g_clear_pointer (&self->plan_issues, g_ptr_array_unref);
  if (self->plan == NULL)
    return;

  self->plan_issues = ccp_validator_check_plan_fields (self->validator, self->plan);
  show_plan_issues (self);
}

/* The coordinator's open review comments (issue 18) are shown as issues of their own kind
 * beneath their fields; they come from the plan (ccp_plan_get_comments()) each time, so they
 * stay across saves until marked addressed. */
static GPtrArray *
comment_issues (CcpPlanEditor *self,
                const char    *prefix)
{
  g_autoptr(GPtrArray) all = self->plan != NULL ? ccp_comments_window_issues_for (self->plan)
                                                 : NULL;
  GPtrArray *some = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (all, i);
      const char *path = ccp_issue_get_path (issue);
      gboolean in_activity = g_str_has_prefix (path, "activities/");

      if (prefix == NULL ? !in_activity : g_str_has_prefix (path, prefix))
        g_ptr_array_add (some, g_object_ref (issue));
    }
  return some;
}

static void
show_plan_issues (CcpPlanEditor *self)
{
  g_autoptr(GPtrArray) shown = comment_issues (self, NULL);

  for (guint i = 0; self->plan_issues != NULL && i < self->plan_issues->len; i++)
    g_ptr_array_add (shown, g_object_ref (g_ptr_array_index (self->plan_issues, i)));
  ccp_field_messages_show (self->messages, shown, "");
}

void
_ccp_plan_editor_show_activity_issues (CcpPlanEditor *self,
                                       GPtrArray     *issues,
                                       guint          index)
{
  g_autofree char *prefix = g_strdup_printf ("activities/%u/", index);
  g_autoptr(GPtrArray) shown = comment_issues (self, prefix);

  if (self->activity_editor == NULL)
    return;
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    g_ptr_array_add (shown, g_object_ref (g_ptr_array_index (issues, i)));
  ccp_activity_editor_show_issues (self->activity_editor, shown, index);
}

void
ccp_plan_editor_refresh_comments (CcpPlanEditor *self)
{
  CcpActivity *activity;
  guint position;

  g_return_if_fail (CCP_IS_PLAN_EDITOR (self));

  show_plan_issues (self);
  activity = edited_activity (self);
  if (activity != NULL && find_activity (self, activity, &position))
    _ccp_plan_editor_show_activity_issues (self,
                                           g_hash_table_lookup (self->activity_issues, activity),
                                           position);
  _ccp_plan_editor_update_summary (self);
}

GPtrArray *
ccp_plan_editor_get_issues (CcpPlanEditor *self)
{
  GPtrArray *all;
  guint n;

  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);

  all = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->plan == NULL)
    return all;

  for (guint i = 0; self->load_issues != NULL && i < self->load_issues->len; i++)
    g_ptr_array_add (all, g_object_ref (g_ptr_array_index (self->load_issues, i)));
  for (guint i = 0; self->plan_issues != NULL && i < self->plan_issues->len; i++)
    g_ptr_array_add (all, g_object_ref (g_ptr_array_index (self->plan_issues, i)));
  {
    g_autoptr(GPtrArray) comments = ccp_comments_window_issues_for (self->plan);

    for (guint i = 0; i < comments->len; i++)
      g_ptr_array_add (all, g_object_ref (g_ptr_array_index (comments, i)));
  }

  n = n_activities (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (G_LIST_MODEL (get_store (self)), i);
      GPtrArray *issues = g_hash_table_lookup (self->activity_issues, activity);

      for (guint j = 0; issues != NULL && j < issues->len; j++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (issues, j)));
    }

  return all;
}
