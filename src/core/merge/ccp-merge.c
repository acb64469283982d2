/* ccp-merge.c: the consolidation engine.
 *
 * How it stays order-independent, idempotent and associative: every merge is computed from a
 * state that is a *set* of source records keyed by SHA-256 (each with the activities of its
 * plan when it is, or may become, accepted), and everything else - which revision of a city
 * wins, the joint activities, the report - is recomputed from that set with total orders.
 * A field plan merged into (or given as an input) is unpacked back into that state: its
 * sources become records, and the activities of each accepted source are rebuilt from the
 * activities attributed to it. A joint activity keeps its shared fields once (the reference's:
 * the copy of the city that sorts first, or the one a coordinator chose) and each city's
 * per-city fields as that city's contribution (its attribution's values); each copy is
 * rebuilt from the shared fields, its contribution and its value in the joint-conflict items
 * of the report, which list every city's value of a shared field the cities disagree on. So
 * merge(merge(A, B), C) sees exactly what merge(A, B, C) sees.
 *
 * This file holds the object (options, inputs, run); the stages of a run are in
 * ccp-merge-*.c, which share the state of ccp-merge-private.h.
 */
#define G_LOG_DOMAIN "ccp-merge"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-data.h"
#include "ccp-field-plan.h"
#include "ccp-file.h"
#include "ccp-member-city.h"
#include "ccp-merge-private.h"
/* The model's property setters, which notify only on a real change; a merge is in no list. */
#define CCP_MODEL_NOTIFY(self, pspec) g_object_notify_by_pspec (G_OBJECT (self), (pspec))
#include "ccp-model-private.h"
#include "ccp-registry.h"
#include "ccp-source.h"
#include "ccp-validator.h"
#include "ccp-vocabulary.h"

G_DEFINE_QUARK (ccp-merge-error-quark, ccp_merge_error)

G_DEFINE_FINAL_TYPE (CcpMerge, ccp_merge, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_PERIOD,
  PROP_STRICT,
  PROP_CONSOLIDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
input_free (gpointer data)
{
  Input *input = data;

  g_free (input->public.file);
  g_free (input->public.sha256);
  g_free (input->public.reason);
  g_free (input->public.message);
  g_free (input->public.city);
  g_free (input->public.country);
  g_free (input->public.same_as);
  g_clear_pointer (&input->bytes, g_bytes_unref);
  g_clear_object (&input->file);
  g_clear_error (&input->load_error);
  g_clear_object (&input->document);
  g_clear_error (&input->error);
  g_clear_object (&input->preread);
  g_clear_pointer (&input->preread_issues, g_ptr_array_unref);
  g_free (input);
}

char *
ccp_merge_default_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;

  if (!str_empty (epoch))
    {
      char *end = NULL;
      gint64 seconds = g_ascii_strtoll (epoch, &end, 10);

      if (end != NULL && *end == '\0' && seconds >= 0)
        now = g_date_time_new_from_unix_utc (seconds);
    }

  if (now == NULL)
    now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
ccp_merge_title_key (const char *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  return ccp_city_name_key (title);
}

static void
ccp_merge_reset_run (CcpMerge *self)
{
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->absorbed, g_ptr_array_unref);
  g_clear_pointer (&self->target_field, g_free);
  g_clear_pointer (&self->target_period, g_free);
  self->network = FALSE;
}

static void
ccp_merge_finalize (GObject *object)
{
  CcpMerge *self = CCP_MERGE (object);

  ccp_merge_reset_run (self);
  g_free (self->field);
  g_free (self->period);
  g_free (self->consolidated);
  g_clear_pointer (&self->roster, g_ptr_array_unref);
  g_clear_object (&self->registry);
  g_clear_object (&self->validator);
  g_clear_object (&self->into);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_pointer (&self->unloadable, g_ptr_array_unref);

  G_OBJECT_CLASS (ccp_merge_parent_class)->finalize (object);
}

static void
ccp_merge_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CcpMerge *self = CCP_MERGE (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;
    case PROP_STRICT:
      g_value_set_boolean (value, self->strict);
      break;
    case PROP_CONSOLIDATED:
      g_value_set_string (value, self->consolidated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_merge_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CcpMerge *self = CCP_MERGE (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      ccp_merge_set_field (self, g_value_get_string (value));
      break;
    case PROP_PERIOD:
      ccp_merge_set_period (self, g_value_get_string (value));
      break;
    case PROP_STRICT:
      ccp_merge_set_strict (self, g_value_get_boolean (value));
      break;
    case PROP_CONSOLIDATED:
      ccp_merge_set_consolidated (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_merge_class_init (CcpMergeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ccp_merge_finalize;
  object_class->get_property = ccp_merge_get_property;
  object_class->set_property = ccp_merge_set_property;

  properties[PROP_FIELD] = ccp_string_pspec ("field");
  properties[PROP_PERIOD] = ccp_string_pspec ("period");
  properties[PROP_STRICT] = ccp_boolean_pspec ("strict");
  properties[PROP_CONSOLIDATED] = ccp_string_pspec ("consolidated");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ccp_merge_init (CcpMerge *self)
{
  self->field = g_strdup ("");
  self->period = g_strdup ("");
  self->consolidated = g_strdup ("");
  self->inputs = g_ptr_array_new_with_free_func (input_free);
  self->unloadable = g_ptr_array_new_with_free_func (input_free);
}

CcpMerge *
ccp_merge_new (void)
{
  ccp_i18n_init ();

  return g_object_new (CCP_TYPE_MERGE, NULL);
}

CCP_DEFINE_STRING_PROPERTY (CcpMerge, ccp_merge, CCP_IS_MERGE, field, PROP_FIELD)
CCP_DEFINE_STRING_PROPERTY (CcpMerge, ccp_merge, CCP_IS_MERGE, period, PROP_PERIOD)
CCP_DEFINE_BOOLEAN_PROPERTY (CcpMerge, ccp_merge, CCP_IS_MERGE, strict, PROP_STRICT)
CCP_DEFINE_STRING_PROPERTY (CcpMerge, ccp_merge, CCP_IS_MERGE, consolidated, PROP_CONSOLIDATED)

void
ccp_merge_set_roster (CcpMerge  *self,
                      GPtrArray *members)
{
  g_return_if_fail (CCP_IS_MERGE (self));

  g_clear_pointer (&self->roster, g_ptr_array_unref);
  if (members != NULL)
    {
      self->roster = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < members->len; i++)
        {
          g_return_if_fail (CCP_IS_MEMBER_CITY (g_ptr_array_index (members, i)));
          g_ptr_array_add (self->roster, g_object_ref (g_ptr_array_index (members, i)));
        }
    }
}

void
ccp_merge_set_registry (CcpMerge    *self,
                        CcpRegistry *registry)
{
  g_return_if_fail (CCP_IS_MERGE (self));
  g_return_if_fail (registry == NULL || CCP_IS_REGISTRY (registry));

  g_set_object (&self->registry, registry);
}

void
ccp_merge_set_validator (CcpMerge     *self,
                         CcpValidator *validator)
{
  g_return_if_fail (CCP_IS_MERGE (self));
  g_return_if_fail (validator == NULL || CCP_IS_VALIDATOR (validator));

  g_set_object (&self->validator, validator);
}

void
ccp_merge_set_into (CcpMerge     *self,
                    CcpFieldPlan *into)
{
  g_return_if_fail (CCP_IS_MERGE (self));
  g_return_if_fail (into == NULL || CCP_IS_FIELD_PLAN (into));

  g_set_object (&self->into, into);
}

void
ccp_merge_set_single_run (CcpMerge *self,
                          gboolean  single_run)
{
  g_return_if_fail (CCP_IS_MERGE (self));
  g_return_if_fail (!self->has_run);

  self->single_run = single_run;
}

Input *
_ccp_merge_input_new (CcpMerge   *self,
                      const char *file)
{
  Input *input = g_new0 (Input, 1);

  input->public.file = g_strdup (file);
  input->public.reason = g_strdup ("");
  input->public.city = g_strdup ("");
  input->public.country = g_strdup ("");
  g_ptr_array_add (self->inputs, input);
  return input;
}

void
ccp_merge_add_bytes (CcpMerge   *self,
                     const char *file,
                     GBytes     *bytes)
{
  g_return_if_fail (CCP_IS_MERGE (self));
  g_return_if_fail (file != NULL);
  g_return_if_fail (bytes != NULL);

  /* Hashed by the run's reading threads, each input where it is read (issue 16: 57 MB for
   * the benchmark's 400 plans was a serial pass before the reading). */
  _ccp_merge_input_new (self, file)->bytes = g_bytes_ref (bytes);
}

void
ccp_merge_add_file (CcpMerge   *self,
                    const char *name,
                    GFile      *file)
{
  g_return_if_fail (CCP_IS_MERGE (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (G_IS_FILE (file));

  _ccp_merge_input_new (self, name)->file = g_object_ref (file);
}

/* After the reading: the files that could not be loaded leave the inputs, so that no stage
 * (nor a caller listing the inputs) sees a file without bytes or hash. */
static void
set_aside_unloadable (CcpMerge *self)
{
  for (guint i = 0; i < self->inputs->len;)
    {
      Input *input = g_ptr_array_index (self->inputs, i);

      if (input->load_error != NULL)
        g_ptr_array_add (self->unloadable, g_ptr_array_steal_index (self->inputs, i));
      else
        i++;
    }
}

guint
ccp_merge_get_n_unloadable (CcpMerge *self)
{
  g_return_val_if_fail (CCP_IS_MERGE (self), 0);
  return self->unloadable->len;
}

const char *
ccp_merge_get_unloadable (CcpMerge      *self,
                          guint          index,
                          const GError **error)
{
  Input *input;

  g_return_val_if_fail (CCP_IS_MERGE (self), NULL);
  g_return_val_if_fail (index < self->unloadable->len, NULL);

  input = g_ptr_array_index (self->unloadable, index);
  if (error != NULL)
    *error = input->load_error;
  return input->public.file;
}

guint
ccp_merge_get_n_inputs (CcpMerge *self)
{
  g_return_val_if_fail (CCP_IS_MERGE (self), 0);
  return self->inputs->len;
}

const CcpMergeInput *
ccp_merge_get_input (CcpMerge *self,
                     guint     index)
{
  Input *input;

  g_return_val_if_fail (CCP_IS_MERGE (self), NULL);
  g_return_val_if_fail (index < self->inputs->len, NULL);

  input = g_ptr_array_index (self->inputs, index);
  /* Not read yet (no run, or a cancelled one): hashed now. */
  _ccp_merge_input_hash (input);
  return &input->public;
}

guint
ccp_merge_count_refused (CcpMerge *self)
{
  guint n = 0;

  g_return_val_if_fail (CCP_IS_MERGE (self), 0);

  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);

      if (input->public.status == CCP_MERGE_INPUT_REFUSED)
        n++;
    }
  return n;
}

gboolean
ccp_merge_get_changed (CcpMerge *self)
{
  g_return_val_if_fail (CCP_IS_MERGE (self), FALSE);
  return self->changed;
}

CcpFieldPlan *
ccp_merge_run (CcpMerge  *self,
               GError   **error)
{
  return ccp_merge_run_cancellable (self, NULL, error);
}

/* Checked between the stages: a cancelled run forgets what it built (the inputs' documents
 * were parsed from their bytes by the run; the field plan merged into was only read). */
static gboolean
run_cancelled (CcpMerge    *self,
               const char  *point,
               GError     **error)
{
  if (!_ccp_merge_cancelled (self, point))
    return FALSE;

  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);

      input->record = NULL;
      g_clear_object (&input->document);
    }
  ccp_merge_reset_run (self);
  self->changed = FALSE;
  /* GLib's own message ("Operation was cancelled"), translated by GLib. */
  g_cancellable_set_error_if_cancelled (self->cancellable, error);
  g_clear_object (&self->cancellable);
  return TRUE;
}

CcpFieldPlan *
ccp_merge_run_cancellable (CcpMerge      *self,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(CcpFieldPlan) result = NULL;
  gboolean any_accepted = FALSE;
  GListModel *sources;
  guint n;

  g_return_val_if_fail (CCP_IS_MERGE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  /* A single run has let go of its inputs' bytes. */
  g_return_val_if_fail (!self->single_run || !self->has_run, NULL);

  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self->has_run = TRUE;
  ccp_merge_reset_run (self);
  g_set_object (&self->cancellable, cancellable);
  if (run_cancelled (self, "start", error))
    return NULL;
  self->changed = FALSE;
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         _ccp_merge_record_free);
  self->absorbed = g_ptr_array_new_with_free_func (g_object_unref);
  if (str_empty (self->consolidated))
    {
      g_autofree char *now = ccp_merge_default_time ();

      ccp_merge_set_consolidated (self, now);
    }

  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);

      g_clear_object (&input->document);
      g_clear_error (&input->error);
      g_clear_pointer (&input->public.message, g_free);
      g_clear_pointer (&input->public.same_as, g_free);
      input->record = NULL;
      input->public.status = CCP_MERGE_INPUT_REFUSED;
    }
  _ccp_merge_read_inputs (self);
  set_aside_unloadable (self);
  if (run_cancelled (self, "target", error))
    return NULL;

  if (!_ccp_merge_determine_target (self, error))
    {
      g_clear_object (&self->cancellable);
      return NULL;
    }

  if (self->into != NULL)
    _ccp_merge_absorb_field_plan (self, self->into);
  if (run_cancelled (self, "inputs", error))
    return NULL;
  _ccp_merge_add_inputs (self);
  if (run_cancelled (self, "compile", error))
    return NULL;

  result = _ccp_merge_compile (self);
  if (run_cancelled (self, "compiled", error))
    return NULL;
  _ccp_merge_update_inputs (self);

  sources = G_LIST_MODEL (ccp_field_plan_get_sources (result));
  n = g_list_model_get_n_items (sources);
  for (guint i = 0; i < n && !any_accepted; i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

      any_accepted = ccp_source_get_status (source) == CCP_SOURCE_STATUS_ACCEPTED;
    }

  if (self->into == NULL && !any_accepted)
    {
      g_clear_object (&self->cancellable);
      g_set_error_literal (error, CCP_MERGE_ERROR, CCP_MERGE_ERROR_NOTHING_USABLE,
                           _("No city plan could be merged: every file was refused"));
      return NULL;
    }

  if (run_cancelled (self, "change", error))
    return NULL;
  _ccp_merge_detect_change (self, result);
  if (run_cancelled (self, "done", error))
    return NULL;
  g_clear_object (&self->cancellable);
  /* A final field plan is locked: adding to it needs reopening (nothing new is no change). */
  if (self->changed && self->into != NULL && !ccp_field_plan_check_open (self->into, error))
    return NULL;
  if (self->changed && self->into != NULL &&
      ccp_field_plan_get_revision (self->into) >= CCP_REVISION_MAX)
    {
      /* Revision + 1 would wrap to 0, which no file may have: say so, write nothing. */
      g_set_error (error, CCP_MERGE_ERROR, CCP_MERGE_ERROR_REVISION_LIMIT,
                   _("The field plan is at revision %u, the highest a plan can have: start a "
                     "new field plan (merge without --into) instead"),
                   ccp_field_plan_get_revision (self->into));
      return NULL;
    }

  return g_steal_pointer (&result);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  CcpFieldPlan *result = ccp_merge_run_cancellable (CCP_MERGE (source_object), cancellable,
                                                    &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

void
ccp_merge_run_async (CcpMerge            *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CCP_IS_MERGE (self));

  /* Load the shared data here, once, rather than racing for it in the thread. */
  _ccp_merge_get_registry (self);
  if (self->validator == NULL)
    self->validator = ccp_validator_new ();
  ccp_vocabulary_get_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ccp_merge_run_async);
  g_task_run_in_thread (task, run_in_thread);
}

CcpFieldPlan *
ccp_merge_run_finish (CcpMerge      *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (CCP_IS_MERGE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
