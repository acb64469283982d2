/* ccp-plan-editor-private.h: what the files of CcpPlanEditor share (ccp-plan-editor.c: the
 * widget, sections, selection and plan fields; ccp-plan-editor-validation.c: issues and the
 * summary; ccp-plan-editor-actions.c: adding, deleting, moving, undo and search). */
#pragma once

#include "ccp-activity-editor.h"
#include "ccp-city-entry.h"
#include "ccp-field-messages.h"
#include "ccp-plan-editor.h"

G_BEGIN_DECLS

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
  guint               n_infos;
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

enum {
  PROP_0,
  PROP_PLAN,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_COMPLETENESS,
  PROP_CAN_UNDO,
  PROP_N_INFOS,
  N_PROPS
};

extern GParamSpec *_ccp_plan_editor_properties[N_PROPS];

enum {
  ISSUES_CHANGED,
  N_SIGNALS
};

extern guint _ccp_plan_editor_signals[N_SIGNALS];

/* ccp-plan-editor.c */
CcpActivityEditor *_ccp_plan_editor_ensure_activity_editor     (CcpPlanEditor *self);
void               _ccp_plan_editor_clear_activity_editor      (CcpPlanEditor *self);
/* After the search text changed: the list from its top, the heading counts the matches. */
void               _ccp_plan_editor_search_changed             (CcpPlanEditor *self);

static inline CcpItemList *
get_store (CcpPlanEditor *self)
{
  return ccp_plan_get_activities (self->plan);
}

static inline guint
n_activities (CcpPlanEditor *self)
{
  return self->plan ? g_list_model_get_n_items (G_LIST_MODEL (get_store (self))) : 0;
}

static inline gboolean
find_activity (CcpPlanEditor *self,
               CcpActivity   *activity,
               guint         *position)
{
  return self->plan != NULL && ccp_item_list_find (get_store (self), activity, position);
}

/* The activity in the activity editor, NULL when none (or no editor yet). */
static inline CcpActivity *
edited_activity (CcpPlanEditor *self)
{
  return self->activity_editor ? ccp_activity_editor_get_activity (self->activity_editor) : NULL;
}

/* ccp-plan-editor-validation.c */
/* TRUE for the paths of the focal point's and the representative's fields. */
gboolean           _ccp_plan_editor_is_contact_path            (const char    *path);
void               _ccp_plan_editor_update_summary             (CcpPlanEditor *self);
void               _ccp_plan_editor_validate_activity_at       (CcpPlanEditor *self,
                                                                CcpActivity   *activity,
                                                                guint          index);
void               _ccp_plan_editor_update_after_items_changed (CcpPlanEditor *self,
                                                                guint          position,
                                                                guint          removed,
                                                                guint          added);
void               _ccp_plan_editor_validate_all_activities    (CcpPlanEditor *self);
void               _ccp_plan_editor_validate_plan_fields       (CcpPlanEditor *self);
/* Shows issues (the validator's) of the activity at index in the activity editor, with the
 * review comments on it (issue 18). */
void               _ccp_plan_editor_show_activity_issues       (CcpPlanEditor *self,
                                                                GPtrArray     *issues,
                                                                guint          index);

/* ccp-plan-editor-actions.c */
void               _ccp_plan_editor_class_actions_init         (GtkWidgetClass *widget_class);
/* ccp-plan-editor-focus.c: Tab at the end of a section. */
void               _ccp_plan_editor_class_focus_init           (GtkWidgetClass *widget_class);
/* Shortcuts that work wherever the focus is in the window. */
void               _ccp_plan_editor_actions_init               (CcpPlanEditor  *self);
void               _ccp_plan_editor_undo_step_free             (gpointer       data);
void               _ccp_plan_editor_clear_undo                 (CcpPlanEditor *self);
gboolean           _ccp_plan_editor_activity_matches           (gpointer       item,
                                                                gpointer       user_data);

G_END_DECLS
