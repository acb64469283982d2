/* ccp-workspace-private.h: what the files of CcpWorkspace share (ccp-workspace.c: the widget,
 * the document and what is shown; ccp-workspace-read.c: reading and checking city plans off
 * the main thread; ccp-workspace-merge.c: merging them, off the main thread too, and handing
 * the result over; ccp-workspace-actions.c: the actions and their choosers). */
#pragma once

#include "ccp-overview-data.h"
#include "ccp-search-keys.h"
#include "ccp-workspace.h"
#include "ccp-workspace-compare.h"

G_BEGIN_DECLS

#define N_CHARTS 5
#define PROGRESS_INTERVAL_MS 100

typedef struct _ViewsStage ViewsStage;

/* One city plan file given to the merge. Its bytes are not kept (56 MB for the benchmark's
 * 400 plans): a later merge reads the file again and checks that its SHA-256 is the same. */
typedef struct {
  char   *name;     /* as given to ccp_merge_add_read() (its basename is recorded) */
  GFile  *file;
  char   *sha256;
  /* The plan as read and checked (issues in the job's table), until a merge takes it: the
   * file is parsed once (issue 16). NULL once taken, or when it could not be read. */
  GObject *document;
} Input;

typedef enum {
  PHASE_READING,
  PHASE_MERGING,
  PHASE_PREPARING,   /* the merged field plan's figures, in a thread, before it is shown */
  PHASE_SHOWING,     /* the views set and the tables' rows put in, a step per main-loop turn;
                      * Cancel then puts the previous field plan back (Restore) */
} Phase;

/* What the hand-over of a merge replaced, put back when Cancel comes while it is shown. */
typedef struct {
  CcpFieldPlan    *current;
  GPtrArray       *inputs;     /* Input */
  GHashTable      *files;      /* copies of the workspace's tables */
  GHashTable      *issues;
  GHashTable      *messages;
  CcpOverviewData *overview;   /* what the views were given, so that nothing is counted again */
  CcpSearchKeys   *keys;
  gboolean         modified;
} Restore;

/* One run: files read (and checked) in a thread, then merged in another. */
typedef struct {
  CcpWorkspace  *self;
  GCancellable  *cancellable;
  CcpValidator  *validator;
  GPtrArray     *given;        /* GFile */
  Phase          phase;
  int            n_done;       /* atomic */
  int            n_total;      /* atomic */
  /* Filled by the reading thread, read after it returned. */
  GPtrArray     *loaded;       /* Input */
  GPtrArray     *unloadable;   /* char *: "file: why" */
  GHashTable    *issues;       /* SHA-256 -> GPtrArray of CcpIssue */
  GHashTable    *messages;     /* SHA-256 -> reader message */
  /* The merge */
  GPtrArray     *candidate;    /* Input: what the field plan will be made of */
  GPtrArray     *reloaded;     /* GBytes or NULL, by candidate: the inputs read again */
  GPtrArray     *lost;         /* char *: "file: why" of the inputs that could not be */
  CcpMerge      *merge;        /* until it has run: then what is shown of it is kept */
  guint          n_already;
  gboolean       changed;      /* ccp_merge_get_changed() */
  gboolean       stopped;      /* the preparing thread left work undone at a Cancel */
  /* Made by the preparing thread, handed to the UI once. */
  CcpFieldPlan  *result;
  CcpOverviewData *overview;
  char          *summary;      /* the toast once shown */
  Restore       *restore;      /* from the hand-over on */
} Job;

struct _CcpWorkspace
{
  AdwBin              parent_instance;

  CcpFieldPlan       *base;
  gboolean            merge_into;   /* base is merged into (opened or saved), else options */
  CcpFieldPlan       *current;
  CcpDocument        *document;     /* the file saved to; its model is set on saving */
  gulong              document_file_id;
  GPtrArray          *inputs;       /* Input merged since base */
  GHashTable         *files;        /* SHA-256 -> GFile at hand */
  GHashTable         *issues;       /* SHA-256 -> GPtrArray of CcpIssue */
  GHashTable         *messages;     /* SHA-256 -> reader message */
  GHashTable         *located;      /* GPtrArray of issues whose lines were looked for */
  Job                *job;
  CcpOverviewData    *overview;     /* of current, when made in a worker; else NULL */
  CcpSearchKeys      *keys;         /* the same, for the activities table's search */
  gboolean            report_stale; /* the report view is built when shown (or asked for) */
  guint               n_pending;    /* tasks whose callback has not run yet */
  guint               n_stopped;    /* workers that stopped short at a Cancel (for tests) */
  gboolean            staging;      /* update_views leaves the tables' rows to come in chunks */
  ViewsStage         *views_stage;  /* the views still to set, a step per main-loop turn */
  gboolean            modified;
  char               *progress_text;
  guint               progress_id;

  AdwToastOverlay    *toast_overlay;
  GtkRevealer        *progress_revealer;
  GtkProgressBar     *progress_bar;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkButton          *save_button;     /* the suggested action while there is something to save */
  GtkStack           *main_stack;
  AdwViewStack       *view_stack;
  AdwViewStackPage   *report_page;
  GtkBox             *charts_box;
  CcpSourceTable     *source_table;
  CcpActivityTable   *activity_table;
  CcpMergeReportView *report_view;
  CcpOverviewChart   *charts[N_CHARTS];
  /* ccp-workspace-compare.c */
  CcpRevisionsView   *revisions_view;
  AdwViewStackPage   *revisions_page;
  CcpPeriodView      *period_view;
  CcpNetworkView     *network_view;
  AdwViewStackPage   *network_page;
  CcpStatusPage      *status_page;  /* ccp-workspace-cycle.c */
};

enum {
  PROP_0,
  PROP_FIELD_PLAN,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_BUSY,
  PROP_PROGRESS_TEXT,
  N_PROPS
};

extern GParamSpec *_ccp_workspace_properties[N_PROPS];

/* ccp-workspace.c */
void       _ccp_workspace_set_modified    (CcpWorkspace *self,
                                           gboolean      modified);
void       _ccp_workspace_set_current     (CcpWorkspace *self,
                                           CcpFieldPlan *field_plan);
void       _ccp_workspace_update_header   (CcpWorkspace *self);
void       _ccp_workspace_update_views    (CcpWorkspace *self);
void       _ccp_workspace_add_toast       (CcpWorkspace *self,
                                           const char   *text);
GtkWindow *_ccp_workspace_parent_window   (CcpWorkspace *self);
/* ccp-workspace-drop.c: opens the review files among files (and removes them from it);
 * whether there was one. */
gboolean   _ccp_workspace_drop_reviews    (CcpWorkspace *self,
                                           GListStore   *files);
void       _ccp_workspace_show_message    (CcpWorkspace *self,
                                           const char   *heading,
                                           const char   *body);
void       _ccp_workspace_show_unloadable (CcpWorkspace *self,
                                           GPtrArray    *unloadable);

/* ccp-workspace-read.c */
Input     *_ccp_workspace_input_ref       (Input        *input);
void       _ccp_workspace_input_unref     (gpointer      input);
char      *_ccp_workspace_file_display_name (GFile       *file);
/* GTaskThreadFunc with a Job as task data: lists job->given (a folder gives its .xml files),
 * reads and checks each file in a pool, and fills job->loaded, unloadable, issues and
 * messages in file order. */
void       _ccp_workspace_read_thread     (GTask        *task,
                                           gpointer      source_object,
                                           gpointer      task_data,
                                           GCancellable *cancellable);
/* GTaskThreadFunc with a Job as task data: reads again the candidates whose plan is not at
 * hand into job->reloaded, the gone or changed ones (another SHA-256) into job->lost. */
void       _ccp_workspace_reload_thread   (GTask        *task,
                                           gpointer      source_object,
                                           gpointer      task_data,
                                           GCancellable *cancellable);

/* ccp-workspace-merge.c */
/* Drops a reference in a worker thread: the last one of a field plan of 37,000 activities
 * would otherwise free them all on the main thread. */
void       _ccp_workspace_unref_in_thread (gpointer      object);
void       _ccp_workspace_job_unref       (gpointer      job);
/* Runs the merge again with the inputs so far (after the details changed). */
void       _ccp_workspace_remerge         (CcpWorkspace *self);

/* ccp-workspace-restore.c: what the hand-over replaces, and putting it back (Cancel). */
Restore   *_ccp_workspace_restore_new     (CcpWorkspace *self);
void       _ccp_workspace_restore_free    (Restore      *restore);
void       _ccp_workspace_restore_apply   (CcpWorkspace *self,
                                           Restore      *restore);

/* ccp-workspace-views.c: sets the views to the field plan shown; staging, one per main-loop
 * turn (the heading and the page on screen first), else at once. */
void       _ccp_workspace_views_set       (CcpWorkspace *self,
                                           gboolean      staging);
/* Whether some views are still to be set. */
gboolean   _ccp_workspace_views_pending   (CcpWorkspace *self);
void       _ccp_workspace_views_clear     (CcpWorkspace *self);

/* ccp-workspace-cycle.c */
void       _ccp_workspace_cycle_init      (CcpWorkspace *self);
/* After the field plan shown changed (from _ccp_workspace_update_views()). */
void       _ccp_workspace_cycle_update    (CcpWorkspace *self);
/* ccp_workspace_add_files(), after asking to reopen a final field plan. */
gboolean   _ccp_workspace_cycle_add_files (CcpWorkspace *self,
                                           GListModel   *files);

/* ccp-workspace-actions.c */
void       _ccp_workspace_class_actions_init (GtkWidgetClass *widget_class);
void       _ccp_workspace_actions_init       (CcpWorkspace   *self);
void       _ccp_workspace_update_actions  (CcpWorkspace *self);

G_END_DECLS
