/* ccp-merge-private.h: the state of a merge shared by its stages (ccp-merge-*.c).
 *
 * A run goes: read the inputs (inputs), choose the target (target), unpack the field plans
 * into records (absorb) and add the city plans (inputs), then compile: which revision of each
 * city wins (revisions), the activities and their joint copies (joint), the roster and the
 * missing cities (roster), all in total orders (compile).
 */
#pragma once

#include "ccp-merge.h"
#include "ccp-types.h"

G_BEGIN_DECLS

/* Tests only: called at every point where a run looks at its cancellable (see
 * _ccp_merge_cancelled()), with the name of that point, before it looks; from the reading
 * threads too, so it must be thread-safe. */
typedef void (*CcpMergeCheckpointFunc) (CcpMerge   *merge,
                                        const char *point,
                                        gpointer    user_data);
void           _ccp_merge_set_checkpoint_func (CcpMerge               *self,
                                               CcpMergeCheckpointFunc  func,
                                               gpointer                user_data);

/* One file of the state: a source of the field plan. */
typedef struct {
  CcpSource     *source;         /* file, sha256, plan metadata; status/reason set by compile */
  GPtrArray     *activities;     /* CcpActivity with the plan's own ids; NULL when not known */
  guint          n_activities;
  CcpReportItem *refusal;        /* refusals: the report item; its file name is set at compile */
  char          *mission_statement;
  char          *identity;       /* who the plan is for: see _ccp_merge_city_identity() */
  char          *name_key;       /* ccp_city_name_key() of the source's city, or NULL: cached */
  gint64         modified_usec;  /* G_MININT64 when the time cannot be read */
  gboolean       accepted;       /* set by compile */
} Record;

/* One input of this run, parsed. */
typedef struct {
  CcpMergeInput  public;
  GBytes        *bytes;
  GFile         *file;           /* ccp_merge_add_file(): loaded into bytes by a reading thread */
  GError        *load_error;     /* why file could not be loaded */
  GObject       *document;       /* CcpPlan or CcpFieldPlan, or NULL */
  GError        *error;
  Record        *record;
  /* Given with ccp_merge_add_read(): taken by the next run instead of parsing bytes. */
  GObject       *preread;
  GPtrArray     *preread_issues; /* every issue of preread (reader's and validator's) */
} Input;

struct _CcpMerge
{
  GObject        parent_instance;

  char          *field;
  char          *period;
  gboolean       strict;
  char          *consolidated;

  GPtrArray     *roster;         /* CcpMemberCity, or NULL */
  CcpRegistry   *registry;
  CcpValidator  *validator;
  CcpFieldPlan  *into;

  GPtrArray     *inputs;         /* Input* */
  GPtrArray     *unloadable;     /* Input* of files that could not be loaded: no inputs */
  gboolean       changed;
  gboolean       single_run;     /* input bytes are dropped once read */
  gboolean       has_run;

  /* State of one run. */
  GCancellable  *cancellable;    /* of this run, or NULL */
  CcpMergeCheckpointFunc checkpoint_func;   /* tests only */
  gpointer       checkpoint_data;
  GHashTable    *records;        /* sha256 -> Record* (owned) */
  GPtrArray     *absorbed;       /* CcpFieldPlan unpacked in this run, into first */
  char          *target_field;
  char          *target_period;
  gboolean       network;
};

static inline gboolean
str_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

static inline char *
uint_to_string (guint value)
{
  return g_strdup_printf ("%u", value);
}

/* ccp-merge-state.c */
/* Whether the run was cancelled. The stages stop their long loops early when it is (what they
 * leave is thrown away by ccp_merge_run_cancellable()); point names the place for the hook. */
gboolean       _ccp_merge_cancelled           (CcpMerge     *self,
                                               const char   *point);
gint64         _ccp_merge_parse_time_usec     (const char   *text);
Record        *_ccp_merge_record_new          (const char   *file,
                                               const char   *sha256);
void           _ccp_merge_record_free         (gpointer      data);
Record        *_ccp_merge_add_record          (CcpMerge     *self,
                                               Record       *record,
                                               gboolean     *duplicate);
/* The folded city name of the record's source (ccp_city_name_key()), computed once (the
 * city is set when the record is made). */
const char    *_ccp_merge_record_name_key     (Record       *record);
CcpReportItem *_ccp_merge_new_refusal         (Record       *record,
                                               const char   *reason);
CcpRegistry   *_ccp_merge_get_registry        (CcpMerge     *self);
char          *_ccp_merge_city_identity       (CcpMerge     *self,
                                               const char   *city,
                                               const char   *country,
                                               const char   *field);

/* ccp-merge.c: a new input named file, added to self's (with "" for its texts). */
Input         *_ccp_merge_input_new           (CcpMerge     *self,
                                               const char   *file);

/* ccp-merge-inputs.c */
/* Sets input's SHA-256 from its bytes unless it has one (a reading thread's work). */
void           _ccp_merge_input_hash          (Input        *input);
void           _ccp_merge_read_inputs         (CcpMerge     *self);
void           _ccp_merge_add_inputs          (CcpMerge     *self);
void           _ccp_merge_update_inputs       (CcpMerge     *self);

/* ccp-merge-plans.c: moves a pre-read document (ccp_merge_add_read()) to input->document;
 * FALSE when there is none. */
gboolean       _ccp_merge_take_preread        (Input        *input);

/* ccp-merge-target.c */
gboolean       _ccp_merge_determine_target    (CcpMerge     *self,
                                               GError      **error);

/* ccp-merge-absorb.c */
void           _ccp_merge_absorb_field_plan   (CcpMerge     *self,
                                               CcpFieldPlan *field_plan);

/* ccp-merge-revisions.c */
void           _ccp_merge_resolve_revisions   (CcpMerge     *self,
                                               GPtrArray    *records,
                                               GPtrArray    *report);

/* ccp-merge-joint.c: the output activities (CcpActivity, in output order, with their final
 * identifiers) of the accepted records; the joint, joint-conflict and possible-duplicate
 * items go to report; choices (see ccp_field_plan_choose()) decide which value a conflict
 * keeps. NULL when the run was cancelled. */
GPtrArray     *_ccp_merge_join_activities     (CcpMerge     *self,
                                               GPtrArray    *records,
                                               GHashTable   *choices,
                                               GPtrArray    *report);
/* The key of a coordinator's choice in the choices table ("joint-ref\nfield" -> GStrv). */
char          *_ccp_merge_choice_key          (const char   *joint_ref,
                                               const char   *field);

/* ccp-merge-roster.c */
GPtrArray     *_ccp_merge_build_roster        (CcpMerge     *self,
                                               GPtrArray    *records);
void           _ccp_merge_report_missing      (CcpMerge     *self,
                                               GPtrArray    *roster,
                                               GPtrArray    *records,
                                               GPtrArray    *report);

/* ccp-merge-compile.c: NULL when the run was cancelled. */
CcpFieldPlan  *_ccp_merge_compile             (CcpMerge     *self);
void           _ccp_merge_detect_change       (CcpMerge     *self,
                                               CcpFieldPlan *result);

G_END_DECLS
