/* ccp-window-private.h: what the files of CcpWindow share (ccp-window.c: state, loading and
 * showing a document; ccp-window-actions.c: saving, closing and the window's actions;
 * ccp-window-start.c: the start page's recent plans and dropped files; ccp-window-status.c: the
 * header's Draft/Final and problem counts). */
#pragma once

#include "ccp-document.h"
#include "ccp-field-plan-view.h"
#include "ccp-window.h"

G_BEGIN_DECLS

struct _CcpWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  /* The document shown (file, etag, external changes, recovery), and its model: a CcpPlan
   * edited here or a CcpFieldPlan the workspace merges into. */
  CcpDocument          *doc;
  GObject              *document;
  GCancellable         *cancellable;
  char                 *status_text;
  gulong                changed_id;
  gulong                disk_changed_id;
  gulong                doc_file_id;
  guint                 recovery_id;
  guint                 recovery_delay;
  gboolean              modified;
  gboolean              loading;
  gboolean              has_saved_revision;
  gboolean              close_confirmed;
  gboolean              close_after_save;
  gboolean              send_after_save;  /* Send to Coordinator waits for this save */
  gboolean              setting_document; /* workspace notifications are not user changes */
  gboolean              workspace_watched;
  guint                 build_editor_id;  /* builds the plan editor after the first frame */
  guint                 spinner_id;       /* starts the spinner of a long read */
  gboolean              recent_stale;     /* recent files changed while the start page was hidden */
  gboolean              painted;          /* the window has shown its first frame */
  GAsyncResult         *pending_read;     /* a read done before that frame */
  guint                 pending_read_id;
  gulong                after_paint_id;
  GtkNativeDialog      *save_dialog;      /* the pending Save As chooser */
  char                 *last_toast;
  AdwMessageDialog     *external_dialog;
  gboolean              final_warned;     /* told that saving a final plan with errors drafts it */

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  GtkToggleButton      *status_button;
  GtkImage             *status_icon;
  GtkLabel             *status_label;
  GtkLabel             *plan_status_label; /* Draft or Final */
  AdwFlap              *flap;
  CcpValidationPanel   *validation_panel;
  GtkStack             *main_stack;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  GtkSpinner           *spinner;
  GtkLabel             *loading_label;
  CcpPlanEditor        *plan_editor;
  CcpFieldPlanView     *field_plan_view;
  GMenu                *compare_section;  /* of the primary menu */
};

/* ccp-window.c */
char           *_ccp_window_get_display_name      (CcpWindow  *self);
void            _ccp_window_update_title          (CcpWindow  *self);
void            _ccp_window_update_actions        (CcpWindow  *self);
void            _ccp_window_set_modified          (CcpWindow  *self,
                                                   gboolean    modified);
void            _ccp_window_notify_file           (CcpWindow  *self);
void            _ccp_window_show_error_dialog     (CcpWindow  *self,
                                                   const char *heading,
                                                   const char *body);
CcpPlanEditor  *_ccp_window_editor_of             (CcpWindow  *self);
CcpWorkspace   *_ccp_window_workspace_of          (CcpWindow  *self);
void            _ccp_window_remove_recovery       (CcpWindow  *self);
void            _ccp_window_add_to_recent         (GFile      *file);

/* ccp-window-actions.c */
void            _ccp_window_class_actions_init    (GtkWidgetClass *widget_class);
/* Saves to the document's file (Save As when there is none); closes after when asked. */
void            _ccp_window_save                  (CcpWindow  *self);
/* The question asked when the document changed on disk. */
void            _ccp_window_ask_about_disk_change (CcpWindow  *self);
/* The question asked before closing with unsaved changes. */
void            _ccp_window_ask_before_closing    (CcpWindow  *self);
void            _ccp_window_dismiss_save_dialog   (CcpWindow  *self);

/* ccp-window-cycle.c */
void            _ccp_window_class_cycle_init      (GtkWidgetClass *widget_class);
/* After a successful save asked for by Send to Coordinator. */
void            _ccp_window_present_send_dialog   (CcpWindow  *self);
/* A review file dropped on an open plan is opened as Open Review… does: TRUE when file was a
 * review (opened or not), FALSE for anything else (opened as a document). */
gboolean        _ccp_window_drop_review           (CcpWindow  *self,
                                                   GFile      *file);
/* "Compare with Last Sent Revision": enabled when a copy of the revision last sent is kept,
 * else disabled with its label saying why. */
void            _ccp_window_update_compare_sent   (CcpWindow  *self);

/* ccp-window-status.c */
void            _ccp_window_update_status         (CcpWindow  *self);
void            _ccp_window_update_plan_status    (CcpWindow  *self,
                                                   guint       errors);

/* ccp-window-start.c */
void            _ccp_window_start_init            (CcpWindow  *self);
void            _ccp_window_start_dispose         (CcpWindow  *self);
void            _ccp_window_fill_recent           (CcpWindow  *self);
void            _ccp_window_class_start_init      (GtkWidgetClass *widget_class);

G_END_DECLS
