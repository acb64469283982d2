#define G_LOG_DOMAIN "ccp-plan-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-activity-editor.h"
#include "ccp-activity-row.h"
#include "ccp-choices.h"
#include "ccp-city-entry.h"
#include "ccp-field-messages.h"
#include "ccp-plan-editor.h"
#include "ccp-plan-tools.h"

/* Above this many activities the list gets a search entry. */
#define SEARCH_THRESHOLD 8

typedef enum {
  UNDO_ADD,
  UNDO_REMOVE,
  UNDO_MOVE,
} UndoKind;

typedef struct {
  UndoKind     kind;
  CcpActivity *activity;
  guint        position;   /* where it is now (add, move) or was (remove) */
  guint        previous;   /* move: where it was */
} UndoStep;

struct _CcpPlanEditor
{
  AdwBin              parent_instance;

  CcpPlan            *plan;
  CcpValidator       *validator;
  GPtrArray          *plan_issues;
  GPtrArray          *load_issues;      /* what the reader found; kept until the next save */
  GHashTable         *activity_issues;  /* CcpActivity -> GPtrArray of CcpIssue */
  GHashTable         *issue_index;      /* CcpActivity -> index + 1 its issue paths carry */
  guint               n_activity_checks;
  GHashTable         *rows;             /* CcpActivity -> CcpActivityRow (bound rows) */
  GHashTable         *review;           /* CcpActivity -> "start|end" when flagged */
  GPtrArray          *bindings;
  GPtrArray          *undo;             /* UndoStep */
  CcpFieldMessages   *messages;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  char               *search_text;
  gulong              notify_id;
  gulong              activity_changed_id;
  gulong              items_changed_id;
  guint               issues_idle_id;
  guint               n_errors;
  guint               n_warnings;
  double              completeness;
  gboolean            syncing_period;

  AdwLeaflet         *leaflet;
  GtkListBox         *sections_list;
  GtkListBoxRow      *city_section_row;
  GtkListBoxRow      *contacts_section_row;
  GtkLabel           *city_badge;
  GtkLabel           *contacts_badge;
  GtkLabel           *activities_heading;
  GtkSearchEntry     *search_entry;
  GtkListView        *activities_view;
  GtkStack           *content_stack;
  GtkLabel           *city_fallback_label;
  GtkLabel           *contacts_fallback_label;
  CcpCityEntry       *city_row;
  AdwActionRow       *country_row;
  GtkDropDown        *country_dropdown;
  AdwComboRow        *field_row;
  AdwActionRow       *year_row;
  GtkSpinButton      *year_spin;
  AdwComboRow        *half_row;
  AdwEntryRow        *focal_point_name_row;
  AdwEntryRow        *focal_point_email_row;
  AdwEntryRow        *focal_point_phone_row;
  AdwActionRow       *representative_none_row;
  GtkSwitch          *representative_none_switch;
  AdwEntryRow        *representative_name_row;
  AdwEntryRow        *representative_title_row;
  AdwEntryRow        *representative_email_row;
  CcpActivityEditor  *activity_editor;
};

G_DEFINE_FINAL_TYPE (CcpPlanEditor, ccp_plan_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_COMPLETENESS,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ISSUES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
undo_step_free (gpointer data)
{
  UndoStep *step = data;

  g_object_unref (step->activity);
  g_free (step);
}

static GListStore *
get_store (CcpPlanEditor *self)
{
  return ccp_plan_get_activities (self->plan);
}

static guint
n_activities (CcpPlanEditor *self)
{
  return self->plan ? g_list_model_get_n_items (G_LIST_MODEL (get_store (self))) : 0;
}

static gboolean
find_activity (CcpPlanEditor *self,
               CcpActivity   *activity,
               guint         *position)
{
  return self->plan != NULL && g_list_store_find (get_store (self), activity, position);
}

/* The activity editor is the largest page: it is built when an activity is first shown, not
 * with the plan editor, so that opening a plan does not wait for it. */
static CcpActivityEditor *
ensure_activity_editor (CcpPlanEditor *self)
{
  if (self->activity_editor == NULL)
    {
      self->activity_editor = CCP_ACTIVITY_EDITOR (ccp_activity_editor_new ());
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->activity_editor), "activity");
    }

  return self->activity_editor;
}

/* The activity in the activity editor, NULL when none (or no editor yet). */
static CcpActivity *
edited_activity (CcpPlanEditor *self)
{
  return self->activity_editor ? ccp_activity_editor_get_activity (self->activity_editor) : NULL;
}

static void
clear_activity_editor (CcpPlanEditor *self)
{
  if (self->activity_editor != NULL)
    ccp_activity_editor_set_activity (self->activity_editor, NULL);
}

/* --- Validation ------------------------------------------------------------------------- */

static void
count_issues (GPtrArray *issues,
              guint     *errors,
              guint     *warnings)
{
  if (issues == NULL)
    return;
  *errors += ccp_issues_count (issues, CCP_SEVERITY_ERROR);
  *warnings += ccp_issues_count (issues, CCP_SEVERITY_WARNING);
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

static gboolean
is_contact_path (const char *path)
{
  return g_str_has_prefix (path, "focal-point") || g_str_has_prefix (path, "representative");
}

static gboolean
emit_issues_changed_cb (gpointer user_data)
{
  CcpPlanEditor *self = user_data;

  self->issues_idle_id = 0;
  g_signal_emit (self, signals[ISSUES_CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static void
update_summary (CcpPlanEditor *self)
{
  guint errors = 0, warnings = 0;
  guint city_errors = 0, city_warnings = 0, contact_errors = 0, contact_warnings = 0;
  GHashTableIter iter;
  gpointer value;
  double completeness;

  count_issues (self->plan_issues, &errors, &warnings);
  count_issues (self->load_issues, &errors, &warnings);
  g_hash_table_iter_init (&iter, self->activity_issues);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    count_issues (value, &errors, &warnings);

  for (guint i = 0; self->plan_issues != NULL && i < self->plan_issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (self->plan_issues, i);
      gboolean contact = is_contact_path (ccp_issue_get_path (issue));
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
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
    }
  if (self->n_warnings != warnings)
    {
      self->n_warnings = warnings;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
    }
  if (self->completeness != completeness)
    {
      self->completeness = completeness;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETENESS]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  if (self->issues_idle_id == 0)
    self->issues_idle_id = g_idle_add_full (G_PRIORITY_LOW, emit_issues_changed_cb, self, NULL);
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
    ccp_activity_editor_show_issues (self->activity_editor, issues, index);

  self->n_activity_checks++;
  g_hash_table_replace (self->activity_issues, g_object_ref (activity),
                        g_steal_pointer (&issues));
  g_hash_table_replace (self->issue_index, activity, GUINT_TO_POINTER (index + 1));
}

static void
validate_activity_at (CcpPlanEditor *self,
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
    ccp_activity_editor_show_issues (self->activity_editor, moved, index);
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
static void
update_after_items_changed (CcpPlanEditor *self,
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
          validate_activity_at (self, activity, i);
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
          validate_activity_at (self, activity, i);
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
static void
validate_all_activities (CcpPlanEditor *self)
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

static void
validate_plan_fields (CcpPlanEditor *self)
{
  g_clear_pointer (&self->plan_issues, g_ptr_array_unref);
  if (self->plan == NULL)
    return;

  self->plan_issues = ccp_validator_check_plan_fields (self->validator, self->plan);
  ccp_field_messages_show (self->messages, self->plan_issues, "");
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

static void
plan_notify_cb (CcpPlan       *plan,
                GParamSpec    *pspec,
                CcpPlanEditor *self)
{
  validate_plan_fields (self);
  /* The period bounds every activity's dates. */
  if (g_str_equal (pspec->name, "period"))
    validate_all_activities (self);
  update_summary (self);
}

static void
activity_changed_cb (CcpPlan       *plan,
                     CcpActivity   *activity,
                     CcpPlanEditor *self)
{
  guint position;

  if (!find_activity (self, activity, &position))
    return;

  validate_activity_at (self, activity, position);
  update_summary (self);
}

static void
update_search_visibility (CcpPlanEditor *self)
{
  guint n = n_activities (self);
  g_autofree char *heading = NULL;

  if (n > SEARCH_THRESHOLD)
    gtk_widget_set_visible (GTK_WIDGET (self->search_entry), TRUE);

  /* Translators: heading of the activity list, with how many there are */
  heading = g_strdup_printf (_("Activities (%u)"), n);
  gtk_label_set_text (self->activities_heading, heading);
}

static void
activities_items_changed_cb (GListModel    *model,
                             guint          position,
                             guint          removed,
                             guint          added,
                             CcpPlanEditor *self)
{
  update_after_items_changed (self, position, removed, added);
  validate_plan_fields (self);
  update_summary (self);
  update_search_visibility (self);

  if (n_activities (self) == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "activity") == 0)
    {
      clear_activity_editor (self);
      gtk_stack_set_visible_child_name (self->content_stack, "no-activity");
    }
}

/* --- Sections and selection --------------------------------------------------------------- */

static void
show_activity (CcpPlanEditor *self,
               CcpActivity   *activity)
{
  guint position;

  if (activity == NULL)
    {
      clear_activity_editor (self);
      return;
    }

  gtk_list_box_unselect_all (self->sections_list);
  ccp_activity_editor_set_activity (ensure_activity_editor (self), activity);
  if (find_activity (self, activity, &position))
    ccp_activity_editor_show_issues (self->activity_editor,
                                     g_hash_table_lookup (self->activity_issues, activity),
                                     position);
  gtk_stack_set_visible_child_name (self->content_stack, "activity");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
selection_changed_cb (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      CcpPlanEditor     *self)
{
  CcpActivity *activity = gtk_single_selection_get_selected_item (self->selection);

  if (activity != NULL)
    show_activity (self, activity);
}

static void
activity_activated_cb (GtkListView   *view,
                       guint          position,
                       CcpPlanEditor *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_activity (self, gtk_single_selection_get_selected_item (self->selection));
  ccp_activity_editor_focus_path (ensure_activity_editor (self), "title");
}

void
ccp_plan_editor_show_section (CcpPlanEditor *self,
                              const char    *section)
{
  g_return_if_fail (CCP_IS_PLAN_EDITOR (self));

  if (g_strcmp0 (section, "contacts") == 0)
    {
      gtk_list_box_select_row (self->sections_list, self->contacts_section_row);
      gtk_stack_set_visible_child_name (self->content_stack, "contacts");
    }
  else
    {
      gtk_list_box_select_row (self->sections_list, self->city_section_row);
      gtk_stack_set_visible_child_name (self->content_stack, "city");
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  clear_activity_editor (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
section_activated_cb (GtkListBox    *list,
                      GtkListBoxRow *row,
                      CcpPlanEditor *self)
{
  ccp_plan_editor_show_section (self, row == self->contacts_section_row ? "contacts" : "city");
}

static void
back_clicked_cb (GtkButton     *button,
                 CcpPlanEditor *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
ccp_plan_editor_select_activity (CcpPlanEditor *self,
                                 guint          index)
{
  g_autoptr(CcpActivity) activity = NULL;
  guint n;

  g_return_if_fail (CCP_IS_PLAN_EDITOR (self));

  activity = self->plan ? g_list_model_get_item (G_LIST_MODEL (get_store (self)), index) : NULL;
  if (activity == NULL)
    return;

  /* The filter may hide it: a search never hides what is asked for. */
  if (self->search_text != NULL && *self->search_text)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_text, g_free);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (item == activity)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->activities_view), "list.scroll-to-item",
                                      "u", i);
          break;
        }
    }
  show_activity (self, activity);
}

CcpActivity *
ccp_plan_editor_get_selected_activity (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "activity") != 0)
    return NULL;
  return edited_activity (self);
}

const char *
ccp_plan_editor_get_visible_section (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

static gboolean
focus_later_cb (gpointer user_data)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (user_data);

  if (widget != NULL && gtk_widget_get_mapped (widget))
    gtk_widget_grab_focus (widget);

  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* A page that has just become visible is mapped only on the next frame; the focus is moved
 * once more then, so that it lands on the field and stays there. */
static void
focus_after_switch (GtkWidget *root)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));
  GWeakRef *ref;

  if (focus == NULL)
    return;

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, focus);
  g_idle_add_full (G_PRIORITY_LOW, focus_later_cb, ref, weak_ref_free);
}

gboolean
ccp_plan_editor_focus_path (CcpPlanEditor *self,
                            const char    *path)
{
  GtkRoot *root;
  gboolean done = FALSE;

  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), FALSE);

  if (g_str_has_prefix (path, "activities/") && g_ascii_isdigit (path[strlen ("activities/")]))
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (path + strlen ("activities/"), &end, 10);

      ccp_plan_editor_select_activity (self, (guint) index);
      done = ccp_activity_editor_focus_path (ensure_activity_editor (self),
                                             (end && *end == '/') ? end + 1 : "");
    }
  else if (g_str_equal (path, "activities"))
    {
      if (n_activities (self) == 0)
        gtk_stack_set_visible_child_name (self->content_stack, "no-activity");
      done = gtk_widget_grab_focus (GTK_WIDGET (self->activities_view));
    }
  else
    {
      g_autofree char *property = g_strdup (path);
      char *slash = strchr (property, '/');

      if (slash != NULL)
        *slash = '\0';
      ccp_plan_editor_show_section (self, is_contact_path (path) ? "contacts" : "city");
      done = ccp_field_messages_focus (self->messages, property);
      if (!done)
        done = gtk_widget_grab_focus (GTK_WIDGET (self->city_row));
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (done && root != NULL)
    focus_after_switch (GTK_WIDGET (root));

  return done;
}

/* --- Structural changes and undo ---------------------------------------------------------- */

static void
push_undo (CcpPlanEditor *self,
           UndoKind       kind,
           CcpActivity   *activity,
           guint          position,
           guint          previous)
{
  UndoStep *step = g_new0 (UndoStep, 1);
  gboolean could_undo = self->undo->len > 0;

  step->kind = kind;
  step->activity = g_object_ref (activity);
  step->position = position;
  step->previous = previous;
  g_ptr_array_add (self->undo, step);

  if (!could_undo)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
}

static void
clear_undo (CcpPlanEditor *self)
{
  gboolean could_undo = self->undo->len > 0;

  g_ptr_array_set_size (self->undo, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", FALSE);
  if (could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
insert_activity (CcpPlanEditor *self,
                 CcpActivity   *activity,
                 guint          position)
{
  g_list_store_insert (get_store (self), position, activity);
  ccp_plan_editor_select_activity (self, position);
}

CcpActivity *
ccp_plan_editor_add_activity (CcpPlanEditor *self)
{
  g_autofree char *id = NULL;
  g_autoptr(CcpActivity) activity = NULL;
  guint position;

  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);
  g_return_val_if_fail (self->plan != NULL, NULL);

  id = ccp_plan_next_activity_id (self->plan);
  activity = ccp_activity_new (id);
  ccp_activity_set_state (activity, "planned");
  position = n_activities (self);
  insert_activity (self, activity, position);
  push_undo (self, UNDO_ADD, activity, position, 0);
  ccp_activity_editor_focus_path (ensure_activity_editor (self), "title");

  return activity;
}

static void
add_activity_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ccp_plan_editor_add_activity (CCP_PLAN_EDITOR (widget));
}

static void
duplicate_activity_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (widget);
  CcpActivity *current = ccp_plan_editor_get_selected_activity (self);
  g_autoptr(CcpActivity) copy = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  guint position;

  if (current == NULL || !find_activity (self, current, &position))
    return;

  copy = ccp_activity_copy (current);
  id = ccp_plan_next_activity_id (self->plan);
  ccp_activity_set_id (copy, id);
  /* A copy is a new activity, not a copy of a joint one. */
  ccp_activity_set_joint_ref (copy, "");
  /* Translators: title of a duplicated activity; %s is the original title */
  title = g_strdup_printf (_("%s (copy)"), ccp_activity_get_title (current));
  ccp_activity_set_title (copy, title);

  insert_activity (self, copy, position + 1);
  push_undo (self, UNDO_ADD, copy, position + 1, 0);
}

static void
show_toast (CcpPlanEditor *self,
            AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
delete_activity_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (widget);
  CcpActivity *current = ccp_plan_editor_get_selected_activity (self);
  g_autoptr(CcpActivity) activity = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint position;
  guint n;

  if (current == NULL || !find_activity (self, current, &position))
    return;

  activity = g_object_ref (current);
  clear_activity_editor (self);
  g_list_store_remove (get_store (self), position);
  push_undo (self, UNDO_REMOVE, activity, position, 0);

  n = n_activities (self);
  if (n > 0)
    ccp_plan_editor_select_activity (self, MIN (position, n - 1));
  else
    gtk_stack_set_visible_child_name (self->content_stack, "no-activity");

  if (*ccp_activity_get_title (activity))
    /* Translators: a toast after deleting an activity; %s is its title */
    title = g_strdup_printf (_("“%s” deleted"), ccp_activity_get_title (activity));
  else
    title = g_strdup (_("Activity deleted"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

static void
move_activity (CcpPlanEditor *self,
               int            delta)
{
  CcpActivity *current = ccp_plan_editor_get_selected_activity (self);
  g_autoptr(CcpActivity) activity = NULL;
  guint position, target;

  if (current == NULL || !find_activity (self, current, &position))
    return;
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n_activities (self)))
    return;

  target = position + delta;
  activity = g_object_ref (current);
  g_list_store_remove (get_store (self), position);
  insert_activity (self, activity, target);
  push_undo (self, UNDO_MOVE, activity, target, position);
}

static void
move_up_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_activity (CCP_PLAN_EDITOR (widget), -1);
}

static void
move_down_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_activity (CCP_PLAN_EDITOR (widget), +1);
}

gboolean
ccp_plan_editor_undo (CcpPlanEditor *self)
{
  UndoStep *step;
  guint position;

  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), FALSE);

  if (self->undo->len == 0 || self->plan == NULL)
    return FALSE;

  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  switch (step->kind)
    {
    case UNDO_ADD:
      if (find_activity (self, step->activity, &position))
        {
          if (edited_activity (self) == step->activity)
            clear_activity_editor (self);
          g_list_store_remove (get_store (self), position);
          if (n_activities (self) > 0)
            ccp_plan_editor_select_activity (self, MIN (position, n_activities (self) - 1));
          else
            gtk_stack_set_visible_child_name (self->content_stack, "no-activity");
        }
      break;
    case UNDO_REMOVE:
      insert_activity (self, step->activity, MIN (step->position, n_activities (self)));
      break;
    case UNDO_MOVE:
      if (find_activity (self, step->activity, &position))
        {
          g_list_store_remove (get_store (self), position);
          insert_activity (self, step->activity, MIN (step->previous, n_activities (self)));
        }
      break;
    default:
      g_assert_not_reached ();
    }
  undo_step_free (step);

  if (self->undo->len == 0)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }

  return TRUE;
}

gboolean
ccp_plan_editor_get_can_undo (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), FALSE);

  return self->undo->len > 0;
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ccp_plan_editor_undo (CCP_PLAN_EDITOR (widget));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), TRUE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_section_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ccp_plan_editor_show_section (CCP_PLAN_EDITOR (widget), g_variant_get_string (parameter, NULL));
}

/* --- Search ------------------------------------------------------------------------------- */

static gboolean
activity_matches (gpointer item,
                  gpointer user_data)
{
  CcpPlanEditor *self = user_data;
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;

  if (self->search_text == NULL || *self->search_text == '\0')
    return TRUE;

  haystack = g_strconcat (ccp_activity_get_title (item), "\n",
                          ccp_activity_get_place (item), "\n",
                          ccp_activity_get_description (item), NULL);
  folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, self->search_text) != NULL;
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   CcpPlanEditor  *self)
{
  g_free (self->search_text);
  self->search_text = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search_cb (GtkSearchEntry *entry,
                CcpPlanEditor  *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  if (n_activities (self) <= SEARCH_THRESHOLD)
    gtk_widget_set_visible (GTK_WIDGET (entry), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->activities_view));
}

/* --- List rows ---------------------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CcpPlanEditor            *self)
{
  gtk_list_item_set_child (item, ccp_activity_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CcpPlanEditor            *self)
{
  CcpActivityRow *row = CCP_ACTIVITY_ROW (gtk_list_item_get_child (item));
  CcpActivity *activity = gtk_list_item_get_item (item);
  GPtrArray *issues = g_hash_table_lookup (self->activity_issues, activity);

  ccp_activity_row_set_activity (row, activity);
  ccp_activity_row_set_issues (row,
                               issues ? ccp_issues_count (issues, CCP_SEVERITY_ERROR) : 0,
                               issues ? ccp_issues_count (issues, CCP_SEVERITY_WARNING) : 0);
  g_hash_table_replace (self->rows, activity, row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CcpPlanEditor            *self)
{
  CcpActivityRow *row = CCP_ACTIVITY_ROW (gtk_list_item_get_child (item));
  CcpActivity *activity = ccp_activity_row_get_activity (row);

  if (activity != NULL && g_hash_table_lookup (self->rows, activity) == row)
    g_hash_table_remove (self->rows, activity);
  ccp_activity_row_set_activity (row, NULL);
}

/* --- Plan fields -------------------------------------------------------------------------- */

static void
sync_period_from_plan (CcpPlanEditor *self)
{
  guint year = 0, half = 0;

  if (self->plan == NULL)
    return;

  self->syncing_period = TRUE;
  if (ccp_period_parse (ccp_plan_get_period (self->plan), &year, &half))
    {
      gtk_spin_button_set_value (self->year_spin, year);
      adw_combo_row_set_selected (self->half_row, half);
    }
  else if (*ccp_plan_get_period (self->plan) == '\0')
    adw_combo_row_set_selected (self->half_row, 0);
  self->syncing_period = FALSE;
}

static void
period_input_changed_cb (GObject       *object,
                         GParamSpec    *pspec,
                         CcpPlanEditor *self)
{
  guint half;
  g_autofree char *period = NULL;

  if (self->syncing_period || self->plan == NULL)
    return;

  half = adw_combo_row_get_selected (self->half_row);
  if (half != 1 && half != 2)
    return;

  period = g_strdup_printf ("%d-H%u", gtk_spin_button_get_value_as_int (self->year_spin), half);
  ccp_plan_set_period (self->plan, period);
}

static void
plan_period_notify_cb (CcpPlan       *plan,
                       GParamSpec    *pspec,
                       CcpPlanEditor *self)
{
  sync_period_from_plan (self);
}

static void
city_chosen_cb (CcpCityEntry  *entry,
                CcpMemberCity *city,
                CcpPlanEditor *self)
{
  if (self->plan == NULL)
    return;

  ccp_plan_set_country (self->plan, ccp_member_city_get_country (city));
  ccp_plan_set_field (self->plan, ccp_member_city_get_field (city));
}

static void
bind_text (CcpPlanEditor *self,
           const char    *property,
           gpointer       row)
{
  g_ptr_array_add (self->bindings,
                   g_object_bind_property (self->plan, property, row, "text",
                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
}

static void
unbind_plan (CcpPlanEditor *self)
{
  GListStore *store;

  if (self->plan == NULL)
    return;

  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);

  store = get_store (self);
  g_clear_signal_handler (&self->items_changed_id, store);
  g_clear_signal_handler (&self->notify_id, self->plan);
  g_clear_signal_handler (&self->activity_changed_id, self->plan);
  g_signal_handlers_disconnect_by_func (self->plan, plan_period_notify_cb, self);
  clear_activity_editor (self);
  gtk_filter_list_model_set_model (self->filtered, NULL);
  g_hash_table_remove_all (self->activity_issues);
  g_hash_table_remove_all (self->issue_index);
  g_hash_table_remove_all (self->review);
  g_clear_pointer (&self->plan_issues, g_ptr_array_unref);
  g_clear_pointer (&self->load_issues, g_ptr_array_unref);
  clear_undo (self);
}

void
ccp_plan_editor_set_plan (CcpPlanEditor *self,
                          CcpPlan       *plan)
{
  g_return_if_fail (CCP_IS_PLAN_EDITOR (self));
  g_return_if_fail (plan == NULL || CCP_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  unbind_plan (self);
  g_set_object (&self->plan, plan);

  if (plan != NULL)
    {
      GListStore *store = get_store (self);

      bind_text (self, "city", self->city_row);
      bind_text (self, "focal-point-name", self->focal_point_name_row);
      bind_text (self, "focal-point-email", self->focal_point_email_row);
      bind_text (self, "focal-point-phone", self->focal_point_phone_row);
      bind_text (self, "representative-name", self->representative_name_row);
      bind_text (self, "representative-title", self->representative_title_row);
      bind_text (self, "representative-email", self->representative_email_row);
      g_ptr_array_add (self->bindings,
                       g_object_bind_property (plan, "representative-none",
                                               self->representative_none_switch, "active",
                                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
      g_ptr_array_add (self->bindings,
                       ccp_choices_bind (G_OBJECT (plan), "country",
                                         G_OBJECT (self->country_dropdown)));
      g_ptr_array_add (self->bindings,
                       ccp_choices_bind (G_OBJECT (plan), "field", G_OBJECT (self->field_row)));
      g_signal_connect (plan, "notify::period", G_CALLBACK (plan_period_notify_cb), self);
      sync_period_from_plan (self);

      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (store));
      self->items_changed_id = g_signal_connect (store, "items-changed",
                                                 G_CALLBACK (activities_items_changed_cb), self);
      self->notify_id = g_signal_connect (plan, "notify", G_CALLBACK (plan_notify_cb), self);
      self->activity_changed_id = g_signal_connect (plan, "activity-changed",
                                                    G_CALLBACK (activity_changed_cb), self);

      validate_plan_fields (self);
      validate_all_activities (self);
      update_summary (self);
      update_search_visibility (self);
      ccp_plan_editor_show_section (self, "city");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

void
ccp_plan_editor_flag_dates_for_review (CcpPlanEditor *self,
                                       CcpActivity   *activity)
{
  guint position;

  g_return_if_fail (CCP_IS_PLAN_EDITOR (self));
  g_return_if_fail (CCP_IS_ACTIVITY (activity));

  g_hash_table_replace (self->review, g_object_ref (activity),
                        g_strconcat (ccp_activity_get_start_date (activity), "|",
                                     ccp_activity_get_end_date (activity), NULL));
  if (find_activity (self, activity, &position))
    validate_activity_at (self, activity, position);
  update_summary (self);
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
ccp_plan_editor_dispose (GObject *object)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (object);

  unbind_plan (self);
  g_clear_object (&self->plan);
  g_clear_handle_id (&self->issues_idle_id, g_source_remove);

  G_OBJECT_CLASS (ccp_plan_editor_parent_class)->dispose (object);
}

static void
ccp_plan_editor_finalize (GObject *object)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (object);

  g_clear_object (&self->validator);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->activity_issues, g_hash_table_unref);
  g_clear_pointer (&self->issue_index, g_hash_table_unref);
  g_clear_pointer (&self->load_issues, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->review, g_hash_table_unref);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->messages, ccp_field_messages_free);
  g_free (self->search_text);

  G_OBJECT_CLASS (ccp_plan_editor_parent_class)->finalize (object);
}

static void
ccp_plan_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;
    case PROP_COMPLETENESS:
      g_value_set_double (value, self->completeness);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->undo->len > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_plan_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      ccp_plan_editor_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND_CHILD(name) gtk_widget_class_bind_template_child (widget_class, CcpPlanEditor, name)

static void
ccp_plan_editor_class_init (CcpPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ccp_plan_editor_dispose;
  object_class->finalize = ccp_plan_editor_finalize;
  object_class->get_property = ccp_plan_editor_get_property;
  object_class->set_property = ccp_plan_editor_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CCP_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETENESS] =
    g_param_spec_double ("completeness", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ISSUES_CHANGED] = g_signal_new ("issues-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  g_type_ensure (CCP_TYPE_CITY_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/creativecities/Plans/ccp-plan-editor.ui");
  BIND_CHILD (leaflet);
  BIND_CHILD (sections_list);
  BIND_CHILD (city_section_row);
  BIND_CHILD (contacts_section_row);
  BIND_CHILD (city_badge);
  BIND_CHILD (contacts_badge);
  BIND_CHILD (activities_heading);
  BIND_CHILD (search_entry);
  BIND_CHILD (activities_view);
  BIND_CHILD (content_stack);
  BIND_CHILD (city_fallback_label);
  BIND_CHILD (contacts_fallback_label);
  BIND_CHILD (city_row);
  BIND_CHILD (country_row);
  BIND_CHILD (country_dropdown);
  BIND_CHILD (field_row);
  BIND_CHILD (year_row);
  BIND_CHILD (year_spin);
  BIND_CHILD (half_row);
  BIND_CHILD (focal_point_name_row);
  BIND_CHILD (focal_point_email_row);
  BIND_CHILD (focal_point_phone_row);
  BIND_CHILD (representative_none_row);
  BIND_CHILD (representative_none_switch);
  BIND_CHILD (representative_name_row);
  BIND_CHILD (representative_title_row);
  BIND_CHILD (representative_email_row);
  gtk_widget_class_bind_template_callback (widget_class, section_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, activity_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, city_chosen_cb);

  gtk_widget_class_install_action (widget_class, "editor.add-activity", NULL,
                                   add_activity_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.duplicate-activity", NULL,
                                   duplicate_activity_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.delete-activity", NULL,
                                   delete_activity_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.move-up", NULL, move_up_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.move-down", NULL, move_down_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.show-section", "s",
                                   show_section_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.add-activity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.duplicate-activity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.delete-activity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "editor.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "editor.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "editor.search", NULL);
  /* Bubble phase: a focused text field undoes its own typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "editor.undo", NULL);
}

static void
add_message (CcpPlanEditor *self,
             const char    *property,
             gpointer       row,
             gpointer       input)
{
  ccp_field_messages_add (self->messages, property, GTK_WIDGET (row), input);
}

static void
mark_required (GtkWidget *row)
{
  GtkWidget *label = gtk_label_new (_("Required"));

  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "required-mark");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
  else if (ADW_IS_ACTION_ROW (row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

static void
ccp_plan_editor_init (CcpPlanEditor *self)
{
  GtkListItemFactory *factory;
  GtkWidget *focus_city[2];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->validator = ccp_validator_new ();
  self->activity_issues = g_hash_table_new_full (NULL, NULL, g_object_unref,
                                                 (GDestroyNotify) g_ptr_array_unref);
  self->issue_index = g_hash_table_new (NULL, NULL);
  self->rows = g_hash_table_new (NULL, NULL);
  self->review = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->bindings = g_ptr_array_new ();
  self->undo = g_ptr_array_new_with_free_func (undo_step_free);
  self->messages = ccp_field_messages_new ();

  ccp_choices_setup (G_OBJECT (self->country_dropdown), CCP_CHOICES_COUNTRY);
  ccp_choices_setup (G_OBJECT (self->field_row), "field");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->country_dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->country_row, NULL,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->year_spin),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->year_row, NULL,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->representative_none_switch),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->representative_none_row, NULL,
                                  -1);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now));
  }

  ccp_field_messages_set_fallback (self->messages, self->city_fallback_label);
  add_message (self, "city", self->city_row, NULL);
  add_message (self, "country", self->country_row, self->country_dropdown);
  add_message (self, "field", self->field_row, NULL);
  add_message (self, "period", self->half_row, NULL);
  add_message (self, "focal-point-name", self->focal_point_name_row, NULL);
  add_message (self, "focal-point-email", self->focal_point_email_row, NULL);
  add_message (self, "focal-point-phone", self->focal_point_phone_row, NULL);
  add_message (self, "representative-none", self->representative_none_row,
               self->representative_none_switch);
  add_message (self, "representative-name", self->representative_name_row, NULL);
  add_message (self, "representative-title", self->representative_title_row, NULL);
  add_message (self, "representative-email", self->representative_email_row, NULL);

  ccp_editable_force_ltr (GTK_WIDGET (self->focal_point_email_row));
  ccp_editable_force_ltr (GTK_WIDGET (self->focal_point_phone_row));
  ccp_editable_force_ltr (GTK_WIDGET (self->representative_email_row));

  mark_required (GTK_WIDGET (self->city_row));
  mark_required (GTK_WIDGET (self->country_row));
  mark_required (GTK_WIDGET (self->field_row));
  mark_required (GTK_WIDGET (self->half_row));
  mark_required (GTK_WIDGET (self->focal_point_name_row));
  mark_required (GTK_WIDGET (self->focal_point_email_row));

  g_object_bind_property (self->representative_none_switch, "active",
                          self->representative_name_row, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->representative_none_switch, "active",
                          self->representative_title_row, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->representative_none_switch, "active",
                          self->representative_email_row, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  g_signal_connect (self->year_spin, "notify::value", G_CALLBACK (period_input_changed_cb), self);
  g_signal_connect (self->half_row, "notify::selected", G_CALLBACK (period_input_changed_cb),
                    self);

  self->filter = gtk_custom_filter_new (activity_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed",
                    G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->activities_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->activities_view, GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", FALSE);
  (void) focus_city;
}

GtkWidget *
ccp_plan_editor_new (void)
{
  return g_object_new (CCP_TYPE_PLAN_EDITOR, NULL);
}

CcpPlan *
ccp_plan_editor_get_plan (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);

  return self->plan;
}

guint
ccp_plan_editor_get_n_errors (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), 0);

  return self->n_errors;
}

guint
ccp_plan_editor_get_n_warnings (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), 0);

  return self->n_warnings;
}

double
ccp_plan_editor_get_completeness (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), 0.0);

  return self->completeness;
}

CcpActivityEditor *
ccp_plan_editor_get_activity_editor (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);

  return ensure_activity_editor (self);
}

GtkWidget *
ccp_plan_editor_get_input (CcpPlanEditor *self,
                           const char    *property)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);

  if (g_strcmp0 (property, "year") == 0)
    return GTK_WIDGET (self->year_spin);
  return ccp_field_messages_get_input (self->messages, property);
}

const char *
ccp_plan_editor_get_message (CcpPlanEditor *self,
                             const char    *property)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), "");

  return ccp_field_messages_get_message (self->messages, property);
}

GtkListView *
ccp_plan_editor_get_activities_view (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);

  return self->activities_view;
}

GtkSearchEntry *
ccp_plan_editor_get_search_entry (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);

  return self->search_entry;
}

void
ccp_plan_editor_set_load_issues (CcpPlanEditor *self,
                                 GPtrArray     *issues)
{
  g_return_if_fail (CCP_IS_PLAN_EDITOR (self));

  if (issues == NULL && self->load_issues == NULL)
    return;
  g_clear_pointer (&self->load_issues, g_ptr_array_unref);
  if (issues != NULL && issues->len > 0)
    self->load_issues = g_ptr_array_ref (issues);
  update_summary (self);
}

guint
ccp_plan_editor_get_n_activity_checks (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), 0);

  return self->n_activity_checks;
}
