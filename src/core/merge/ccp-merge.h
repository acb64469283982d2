/* ccp-merge.h: consolidation of city plans into a field plan (and of field plans into a network
 * overview), with a report that says what happened to every input.
 *
 * The engine is a pure function of its inputs: the result depends on the set of files given
 * (identified by their SHA-256), the options and the field plan merged into, never on the
 * order of the inputs. Merging is lossless (every input activity is in the output or counted in
 * the report), idempotent (the same file again changes nothing) and associative: merging C into
 * merge(A, B) gives the same bytes as merging A into merge(B, C). The report lives in the field
 * plan as codes and values (see data/schema/merge-report.md); it is recomputed on every merge.
 *
 * Target: the field and period come from the options, else from the field plan merged into,
 * else the ones most inputs have among the valid ones (a known field, a real calendar half;
 * ties go to the smallest code), so the order of the inputs never matters. Field plans given as inputs are unpacked (their
 * sources and activities are merged as if their city plans had been given). When every input
 * is a field plan and they are of different fields, or when the field is CCP_FIELD_NETWORK,
 * the result is a network overview for the Secretariat: field "network", any creative field
 * accepted, one period.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"

G_BEGIN_DECLS

#define CCP_MERGE_ERROR (ccp_merge_error_quark ())

typedef enum {
  CCP_MERGE_ERROR_NOTHING_USABLE,   /* no input accepted and no field plan to merge into */
  CCP_MERGE_ERROR_INVALID_OPTION,   /* a field or period that is not one */
  CCP_MERGE_ERROR_MISMATCH,         /* --field/--period differ from the field plan merged into */
  CCP_MERGE_ERROR_REVISION_LIMIT,   /* the field plan merged into is at CCP_REVISION_MAX */
} CcpMergeError;

GQuark ccp_merge_error_quark (void);

/* What happened to one input of this run (the field plan keeps the lasting record). */
typedef enum {
  CCP_MERGE_INPUT_ACCEPTED,
  CCP_MERGE_INPUT_SUPERSEDED,   /* read, but another revision of the same city won */
  CCP_MERGE_INPUT_REFUSED,
  CCP_MERGE_INPUT_DUPLICATE,    /* the same bytes were already merged: nothing changes */
  CCP_MERGE_INPUT_UNPACKED,     /* a field plan whose sources were merged */
} CcpMergeInputStatus;

typedef struct {
  char                *file;          /* as given to ccp_merge_add_bytes() */
  char                *sha256;        /* of the bytes (hashed when the run reads them) */
  CcpMergeInputStatus  status;
  char                *reason;        /* code (see merge-report.md), "" when accepted */
  char                *message;       /* translated reader error of an unreadable file, or NULL */
  char                *city;          /* "" when unknown */
  char                *country;
  guint                revision;
  guint                n_activities;
  guint                errors;        /* validation counts of a city plan */
  guint                warnings;
  char                *same_as;       /* DUPLICATE: the file name recorded for those bytes */
} CcpMergeInput;

#define CCP_TYPE_MERGE (ccp_merge_get_type ())
G_DECLARE_FINAL_TYPE (CcpMerge, ccp_merge, CCP, MERGE, GObject)

/*
 * Properties (options; strings default to ""):
 *   "field"         string   target field code, or CCP_FIELD_NETWORK; "" = automatic
 *   "period"        string   YYYY-H1 / YYYY-H2; "" = automatic
 *   "strict"        boolean  refuse city plans with validation errors (reason "has-errors")
 *                            instead of accepting and flagging them; applies to the city plans
 *                            read in this run
 *   "consolidated"  string   ISO 8601 UTC time of the merge; "" = ccp_merge_default_time()
 */
CcpMerge          *ccp_merge_new               (void);

const char        *ccp_merge_get_field         (CcpMerge     *self);
void               ccp_merge_set_field         (CcpMerge     *self,
                                                const char   *field);
const char        *ccp_merge_get_period        (CcpMerge     *self);
void               ccp_merge_set_period        (CcpMerge     *self,
                                                const char   *period);
gboolean           ccp_merge_get_strict        (CcpMerge     *self);
void               ccp_merge_set_strict        (CcpMerge     *self,
                                                gboolean      strict);
const char        *ccp_merge_get_consolidated  (CcpMerge     *self);
void               ccp_merge_set_consolidated  (CcpMerge     *self,
                                                const char   *when);

/* The field's member cities (CcpMemberCity; those of other fields are ignored). NULL (the
 * default) keeps the roster of the field plan merged into, else takes the registry's. */
void               ccp_merge_set_roster        (CcpMerge     *self,
                                                GPtrArray    *members);
/* Defaults: ccp_registry_get_default(), ccp_validator_new(). */
void               ccp_merge_set_registry      (CcpMerge     *self,
                                                CcpRegistry  *registry);
void               ccp_merge_set_validator     (CcpMerge     *self,
                                                CcpValidator *validator);
/* An existing field plan (or network overview) to merge into; its sources, activities,
 * roster, coordinator and identifier are kept. It is not modified. */
void               ccp_merge_set_into          (CcpMerge     *self,
                                                CcpFieldPlan *into);

/* For a merge that runs once, as on the command line: each file's bytes are let go as soon as
 * it is read, instead of being kept for a later run (a merge of hundreds of files would hold
 * them all until the end). A second ccp_merge_run() is then a programming error. */
void               ccp_merge_set_single_run    (CcpMerge     *self,
                                                gboolean      single_run);

/* One input file: its name (basename is recorded) and the bytes received, which the engine
 * hashes and parses itself. */
void               ccp_merge_add_bytes         (CcpMerge     *self,
                                                const char   *file,
                                                GBytes       *bytes);
/* As ccp_merge_add_bytes() with the bytes of file (at most CCP_FILE_MAX_SIZE), loaded by the
 * run's reading threads rather than by the caller before it (issue 16: the benchmark's 400
 * files were loaded one after the other before any was parsed). A file that cannot be loaded
 * is no input of the run, as if it had not been given: ccp_merge_get_unloadable() says which
 * and why. Until a run has loaded it, its entry's sha256 is NULL. */
void               ccp_merge_add_file          (CcpMerge     *self,
                                                const char   *name,
                                                GFile        *file);

/* Runs the merge. Returns a new field plan, or NULL with CCP_MERGE_ERROR_NOTHING_USABLE when no
 * input was accepted and there is no field plan to merge into. When the field plan merged into
 * did not change, the result equals it byte for byte (same revision and times); otherwise the
 * revision goes up by one and "modified" and "consolidated" are the merge time. */
CcpFieldPlan      *ccp_merge_run               (CcpMerge     *self,
                                                GError      **error);
/* ccp_merge_run() that stops soon after cancellable is cancelled (from any thread): it is
 * checked between the input files, between the stages and in their long loops. A cancelled
 * run returns NULL with G_IO_ERROR_CANCELLED and leaves the inputs and the field plan merged
 * into as they were; the merge can be run again (unless single-run, whose bytes are gone). */
CcpFieldPlan      *ccp_merge_run_cancellable   (CcpMerge     *self,
                                                GCancellable *cancellable,
                                                GError      **error);

/* ccp_merge_run_cancellable() in a worker thread (GTask). Do not change or read self until the
 * callback runs; then ccp_merge_get_input() and friends describe that run. Cancelling stops the
 * thread soon, and the callback gets G_IO_ERROR_CANCELLED. */
void               ccp_merge_run_async         (CcpMerge            *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
CcpFieldPlan      *ccp_merge_run_finish        (CcpMerge            *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* After ccp_merge_run(): one entry per ccp_merge_add_bytes() or ccp_merge_add_read() call,
 * and per ccp_merge_add_file() call whose file could be loaded, in that order. */
guint              ccp_merge_get_n_inputs      (CcpMerge     *self);
const CcpMergeInput *ccp_merge_get_input       (CcpMerge     *self,
                                                guint         index);
/* After ccp_merge_run(): the files of ccp_merge_add_file() that could not be loaded, in the
 * order given: the name given, and in *error (unless NULL) why (owned by self). */
guint              ccp_merge_get_n_unloadable  (CcpMerge     *self);
const char        *ccp_merge_get_unloadable    (CcpMerge     *self,
                                                guint         index,
                                                const GError **error);
/* Inputs of this run that were refused. */
guint              ccp_merge_count_refused     (CcpMerge     *self);
/* Whether the result differs from the field plan merged into (TRUE without one). */
gboolean           ccp_merge_get_changed       (CcpMerge     *self);

/* The merge time: $SOURCE_DATE_EPOCH when set (reproducible builds), else now; ISO 8601 UTC
 * like 2027-01-15T10:00:00Z. Free with g_free(). */
char              *ccp_merge_default_time      (void);

/* The normalised form of a title used to find possible duplicates: casefolded, accents
 * stripped, punctuation and spaces folded (as ccp_city_name_key()). Free with g_free(). */
char              *ccp_merge_title_key         (const char   *title);

/* The activity properties compared between the copies of a joint activity (the field table's
 * rows with CCP_FIELD_FLAGS_COMPARED: title and description first, then the others in table
 * order), NULL-terminated; the shared ones are the codes of joint-conflict report items. */
const char * const *ccp_merge_compared_fields  (void);
/* A property's value in the encoding of format 1.0's report items (lists as JSON; see
 * ccp-report-value.h), and back: in memory only, never written since format 1.1. */
char              *ccp_merge_encode_field      (CcpActivity  *activity,
                                                const char   *field);
gboolean           ccp_merge_decode_field      (CcpActivity  *activity,
                                                const char   *field,
                                                const char   *value);

/* As ccp_merge_add_bytes(), for an input the caller has hashed and perhaps read already:
 * sha256 is the bytes' (NULL: computed); document, unless NULL, is what
 * ccp_reader_read_bytes() returned for bytes (a CcpPlan or CcpFieldPlan), and issues every
 * issue found in it (the reader's and, for a city plan, ccp_validator_check_plan()'s with the
 * merge's validator), or NULL for none. The next run takes document instead of parsing bytes
 * again (it may move its activities into the result: do not use it afterwards); later runs
 * parse bytes. bytes may be NULL when document and sha256 are given (a caller that does not
 * keep the file's bytes): the merge is then single-run (ccp_merge_set_single_run()). */
void               ccp_merge_add_read          (CcpMerge     *self,
                                                const char   *file,
                                                GBytes       *bytes,
                                                const char   *sha256,
                                                GObject      *document,
                                                GPtrArray    *issues);

G_END_DECLS
