/* ccp-merge-inputs.c: reading the inputs of a run (in a thread pool) and turning them into
 * records; afterwards, what happened to each input. */
#define G_LOG_DOMAIN "ccp-merge"

#include "config.h"

#include <string.h>

#include "ccp-error.h"
#include "ccp-field-plan.h"
#include "ccp-file.h"
#include "ccp-issue.h"
#include "ccp-merge-private.h"
#include "ccp-plan.h"
#include "ccp-reader.h"
#include "ccp-report-item.h"
#include "ccp-review-comment.h"
#include "ccp-source.h"
#include "ccp-validator.h"

/* More threads than this only add memory: the inputs are read from memory. */
#define MAX_READING_THREADS 8

static const char *
error_detail_code (const GError *error)
{
  if (error == NULL || error->domain != CCP_ERROR)
    return "failed";

  switch ((CcpError) error->code)
    {
    case CCP_ERROR_NOT_REGULAR:
      return "not-regular";
    case CCP_ERROR_TOO_LARGE:
      return "too-large";
    case CCP_ERROR_EMPTY:
      return "empty";
    case CCP_ERROR_ENCODING:
      return "encoding";
    case CCP_ERROR_MALFORMED:
      return "malformed";
    case CCP_ERROR_FORBIDDEN:
      return "forbidden";
    case CCP_ERROR_NOT_A_PLAN:
      return "not-a-plan";
    case CCP_ERROR_NEWER_VERSION:
      return "newer-version";
    case CCP_ERROR_DATA:
    case CCP_ERROR_FAILED:
    default:
      return "failed";
    }
}

void
_ccp_merge_input_hash (Input *input)
{
  if (input->public.sha256 == NULL && input->bytes != NULL)
    input->public.sha256 = ccp_bytes_sha256 (input->bytes);
}

static void
read_input (CcpMerge *self,
            Input    *input)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *display = NULL;
  gboolean preread = input->preread != NULL;

  /* Cancelled: the rest are not read (the run stops after the reading). */
  if (_ccp_merge_cancelled (self, "read"))
    return;
  /* Loaded here, beside the parsing of the others; kept for a later run unless single (a
   * file that could not be loaded has left the inputs). */
  if (input->file != NULL && input->bytes == NULL)
    {
      input->bytes = ccp_file_load (input->file, CCP_FILE_MAX_SIZE, NULL, &input->load_error);
      if (input->bytes == NULL)
        return;
    }
  _ccp_merge_input_hash (input);
  display = g_filename_display_basename (input->public.file);
  if (_ccp_merge_take_preread (input))
    issues = g_steal_pointer (&input->preread_issues);
  else
    input->document = ccp_reader_read_bytes (input->bytes, display, &issues, NULL,
                                             &input->error);
  if (self->single_run)
    g_clear_pointer (&input->bytes, g_bytes_unref);
  if (input->document == NULL)
    {
      input->public.message = g_strdup (input->error != NULL ? input->error->message : "");
      return;
    }

  if (CCP_IS_PLAN (input->document))
    {
      CcpPlan *plan = CCP_PLAN (input->document);
      /* A pre-read plan's issues came checked (they are all in issues). */
      g_autoptr(GPtrArray) checked = preread ? g_ptr_array_new ()
                                             : ccp_validator_check_plan (self->validator, plan);

      input->public.errors = ccp_issues_count (checked, CCP_SEVERITY_ERROR);
      input->public.warnings = ccp_issues_count (checked, CCP_SEVERITY_WARNING);
      if (issues != NULL)
        {
          input->public.errors += ccp_issues_count (issues, CCP_SEVERITY_ERROR);
          input->public.warnings += ccp_issues_count (issues, CCP_SEVERITY_WARNING);
        }
      input->public.n_activities =
        g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (plan)));
      g_free (input->public.city);
      input->public.city = g_strdup (ccp_plan_get_city (plan));
      g_free (input->public.country);
      input->public.country = g_strdup (ccp_plan_get_country (plan));
      input->public.revision = ccp_plan_get_revision (plan);
    }
  else
    {
      input->public.n_activities = g_list_model_get_n_items (
        G_LIST_MODEL (ccp_field_plan_get_activities (CCP_FIELD_PLAN (input->document))));
    }
}

static void
read_input_in_pool (gpointer data,
                    gpointer user_data)
{
  read_input (user_data, data);
}

/* Reading and checking the files is most of a merge, and each file is read on its own: on a
 * machine with several cores they are read in parallel. The reader, the validator and what
 * they look up (vocabularies, registry, ISO codes) only read shared data. */
void
_ccp_merge_read_inputs (CcpMerge *self)
{
  guint n_threads = MIN (g_get_num_processors (), MAX_READING_THREADS);
  GThreadPool *pool;

  if (self->validator == NULL)
    self->validator = ccp_validator_new ();

  if (n_threads < 2 || self->inputs->len < 2)
    {
      for (guint i = 0; i < self->inputs->len; i++)
        read_input (self, g_ptr_array_index (self->inputs, i));
      return;
    }

  pool = g_thread_pool_new (read_input_in_pool, self, (int) n_threads, TRUE, NULL);
  for (guint i = 0; i < self->inputs->len; i++)
    g_thread_pool_push (pool, g_ptr_array_index (self->inputs, i), NULL);
  /* Waits for every file to be read. */
  g_thread_pool_free (pool, FALSE, TRUE);
}

static void
fill_from_plan (Record     *record,
                CcpPlan    *plan,
                const char *now)
{
  GListModel *comments = G_LIST_MODEL (ccp_plan_get_comments (plan));

  /* The cycle (issue 18): when it arrived (as sent, else now), the Focal Point, and the
   * review comments the plan answers, with their "addressed" flags. */
  ccp_source_set_received (record->source, !str_empty (ccp_plan_get_sent (plan))
                                           ? ccp_plan_get_sent (plan) : now);
  ccp_source_set_review (record->source, CCP_REVIEW_STATE_RECEIVED);
  ccp_source_set_contact_name (record->source, ccp_plan_get_focal_point_name (plan));
  ccp_source_set_contact_email (record->source, ccp_plan_get_focal_point_email (plan));
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(CcpReviewComment) comment = g_list_model_get_item (comments, i);
      g_autoptr(CcpReviewComment) copy = ccp_review_comment_copy (comment);

      ccp_item_list_append (ccp_source_get_comments (record->source), copy);
    }

  ccp_source_set_city (record->source, ccp_plan_get_city (plan));
  ccp_source_set_country (record->source, ccp_plan_get_country (plan));
  ccp_source_set_field (record->source, ccp_plan_get_field (plan));
  ccp_source_set_period (record->source, ccp_plan_get_period (plan));
  ccp_source_set_plan_id (record->source, ccp_plan_get_id (plan));
  ccp_source_set_revision (record->source, ccp_plan_get_revision (plan));
  ccp_source_set_modified (record->source, ccp_plan_get_modified (plan));
  record->mission_statement = g_strdup (ccp_plan_get_mission_statement (plan));
  record->n_activities = g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (plan)));
}

static int
compare_inputs_by_sha (gconstpointer a,
                       gconstpointer b)
{
  const Input *x = *(Input * const *) a;
  const Input *y = *(Input * const *) b;
  int c = strcmp (x->public.sha256, y->public.sha256);

  return c != 0 ? c : strcmp (x->public.file, y->public.file);
}

static void
set_input_refused_from_record (Input  *input,
                               Record *record)
{
  input->public.status = CCP_MERGE_INPUT_REFUSED;
  g_free (input->public.reason);
  input->public.reason = g_strdup (ccp_source_get_reason (record->source));
}

/* Turns the inputs of this run into records, in SHA-256 order so that the result does not
 * depend on the order they were given in. */
void
_ccp_merge_add_inputs (CcpMerge *self)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; i < self->inputs->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (self->inputs, i));
  g_ptr_array_sort (sorted, compare_inputs_by_sha);

  /* Field plans first: they carry earlier merges. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < sorted->len; i++)
        {
          Input *input = g_ptr_array_index (sorted, i);
          gboolean is_field_plan = input->document != NULL &&
                                   CCP_IS_FIELD_PLAN (input->document);
          g_autofree char *basename = g_path_get_basename (input->public.file);
          Record *record;
          gboolean duplicate = FALSE;

          if ((pass == 0) != is_field_plan)
            continue;
          if (_ccp_merge_cancelled (self, "add"))
            return;

          if (is_field_plan)
            {
              CcpFieldPlan *fp = CCP_FIELD_PLAN (input->document);
              const char *fp_field = ccp_field_plan_get_field (fp);
              const char *fp_period = ccp_field_plan_get_period (fp);

              if ((self->network || g_str_equal (fp_field, self->target_field)) &&
                  g_str_equal (fp_period, self->target_period))
                {
                  _ccp_merge_absorb_field_plan (self, fp);
                  input->public.status = CCP_MERGE_INPUT_UNPACKED;
                  continue;
                }

              record = _ccp_merge_record_new (basename, input->public.sha256);
              ccp_source_set_received (record->source, self->consolidated);
              ccp_source_set_field (record->source, fp_field);
              ccp_source_set_period (record->source, fp_period);
              ccp_source_set_plan_id (record->source, ccp_field_plan_get_id (fp));
              ccp_source_set_revision (record->source, ccp_field_plan_get_revision (fp));
              ccp_source_set_modified (record->source, ccp_field_plan_get_modified (fp));
              record->n_activities = input->public.n_activities;
              if (!g_str_equal (fp_field, self->target_field))
                {
                  record->refusal = _ccp_merge_new_refusal (record, "other-field");
                  ccp_report_item_add_value (record->refusal, "found", fp_field);
                  ccp_report_item_add_value (record->refusal, "expected", self->target_field);
                }
              else
                {
                  record->refusal = _ccp_merge_new_refusal (record, "other-period");
                  ccp_report_item_add_value (record->refusal, "found", fp_period);
                  ccp_report_item_add_value (record->refusal, "expected", self->target_period);
                }
            }
          else if (input->document == NULL)
            {
              gboolean not_plan = g_error_matches (input->error, CCP_ERROR, CCP_ERROR_NOT_A_PLAN);

              record = _ccp_merge_record_new (basename, input->public.sha256);
              ccp_source_set_received (record->source, self->consolidated);
              record->refusal = _ccp_merge_new_refusal (record, not_plan ? "not-a-city-plan" : "unreadable");
              ccp_report_item_add_value (record->refusal, "detail",
                                         error_detail_code (input->error));
            }
          else
            {
              CcpPlan *plan = CCP_PLAN (input->document);
              const char *field = ccp_plan_get_field (plan);
              const char *period = ccp_plan_get_period (plan);

              record = _ccp_merge_record_new (basename, input->public.sha256);
              fill_from_plan (record, plan, self->consolidated);
              record->modified_usec = _ccp_merge_parse_time_usec (ccp_plan_get_modified (plan));
              ccp_source_set_errors (record->source, input->public.errors);
              ccp_source_set_warnings (record->source, input->public.warnings);

              if (!self->network && !g_str_equal (field, self->target_field))
                {
                  record->refusal = _ccp_merge_new_refusal (record, "other-field");
                  ccp_report_item_add_value (record->refusal, "found", field);
                  ccp_report_item_add_value (record->refusal, "expected", self->target_field);
                }
              else if (!g_str_equal (period, self->target_period))
                {
                  record->refusal = _ccp_merge_new_refusal (record, "other-period");
                  ccp_report_item_add_value (record->refusal, "found", period);
                  ccp_report_item_add_value (record->refusal, "expected", self->target_period);
                }
              else if (self->strict && input->public.errors > 0)
                {
                  g_autofree char *errors = uint_to_string (input->public.errors);

                  record->refusal = _ccp_merge_new_refusal (record, "has-errors");
                  ccp_report_item_add_value (record->refusal, "errors", errors);
                }
              else
                {
                  /* Taken out of the plan, which no one reads after its run (see
                   * ccp_merge_add_read()): joining edits them, and a plan would be told of
                   * every edit (issue 16: four signals for each, under GLib's global locks). */
                  record->activities = ccp_item_list_steal_all (ccp_plan_get_activities (plan));
                }
            }

          if (record->refusal != NULL && record->n_activities > 0)
            {
              g_autofree char *count = uint_to_string (record->n_activities);

              ccp_report_item_add_value (record->refusal, "activities", count);
            }

          record = _ccp_merge_add_record (self, record, &duplicate);
          input->record = record;
          if (duplicate)
            {
              input->public.status = CCP_MERGE_INPUT_DUPLICATE;
              input->public.same_as = g_strdup (ccp_source_get_file (record->source));
            }
        }
    }
}

void
_ccp_merge_update_inputs (CcpMerge *self)
{
  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);
      Record *record = input->record;

      if (record == NULL || input->public.status == CCP_MERGE_INPUT_DUPLICATE ||
          input->public.status == CCP_MERGE_INPUT_UNPACKED)
        continue;

      switch (ccp_source_get_status (record->source))
        {
        case CCP_SOURCE_STATUS_ACCEPTED:
          input->public.status = CCP_MERGE_INPUT_ACCEPTED;
          break;
        case CCP_SOURCE_STATUS_SUPERSEDED:
          input->public.status = CCP_MERGE_INPUT_SUPERSEDED;
          g_free (input->public.reason);
          input->public.reason = g_strdup (ccp_source_get_reason (record->source));
          break;
        case CCP_SOURCE_STATUS_REFUSED:
        default:
          set_input_refused_from_record (input, record);
          break;
        }
    }
}
