/* ccp-merge.c: the consolidation engine.
 *
 * How it stays order-independent, idempotent and associative: every merge is computed from a
 * state that is a *set* of source records keyed by SHA-256 (each with the activities of its
 * plan when it is, or may become, accepted), and everything else - which revision of a city
 * wins, the joint activities, the report - is recomputed from that set with total orders.
 * A field plan merged into (or given as an input) is unpacked back into that state: its
 * sources become records, and the activities of each accepted source are rebuilt from the
 * activities attributed to it. A joint activity keeps the content of one copy (the reference:
 * the copy of the city that sorts first); the other copies are rebuilt from the reference
 * plus the joint-difference items of the report, which record every compared property that
 * differs. So merge(merge(A, B), C) sees exactly what merge(A, B, C) sees.
 */
#define G_LOG_DOMAIN "ccp-merge"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-contact.h"
#include "ccp-data.h"
#include "ccp-error.h"
#include "ccp-field-plan.h"
#include "ccp-file.h"
#include "ccp-issue.h"
#include "ccp-member-city.h"
#include "ccp-merge.h"
#include "ccp-partner.h"
#include "ccp-plan.h"
#include "ccp-reader.h"
#include "ccp-registry.h"
#include "ccp-report-item.h"
#include "ccp-result.h"
#include "ccp-source.h"
#include "ccp-validator.h"
#include "ccp-vocabulary.h"
#include "ccp-writer.h"

G_DEFINE_QUARK (ccp-merge-error-quark, ccp_merge_error)

/* More threads than this only add memory: the inputs are read from memory. */
#define MAX_READING_THREADS 8

/* One file of the state: a source of the field plan. */
typedef struct {
  CcpSource     *source;         /* file, sha256, plan metadata; status/reason set by compile */
  GPtrArray     *activities;     /* CcpActivity with the plan's own ids; NULL when not known */
  guint          n_activities;
  CcpReportItem *refusal;        /* refusals: the report item; its file name is set at compile */
  char          *mission_statement;
  char          *identity;       /* who the plan is for: see city_identity() */
  gint64         modified_usec;  /* G_MININT64 when the time cannot be read */
  gboolean       accepted;       /* set by compile */
} Record;

/* One input of this run, parsed. */
typedef struct {
  CcpMergeInput  public;
  GBytes        *bytes;
  GObject       *document;       /* CcpPlan or CcpFieldPlan, or NULL */
  GError        *error;
  Record        *record;
} Input;

/* One copy of an activity of an accepted source, with what it is sorted by. */
typedef struct {
  CcpActivity *activity;
  Record      *record;
  char        *activity_id;      /* the plan's own id: the output may change the activity's */
  char        *name_key;         /* the folded city name */
  char        *city_key;         /* name key, city, country, plan, activity, sha: a total order */
} Copy;

/* One activity of the result, before it is given its final identifier. */
typedef struct {
  CcpActivity *activity;         /* the output activity, attributions filled */
  GPtrArray   *copies;           /* Copy*, reference first */
  char        *base_id;
  const char  *name_key;         /* of the first attribution (owned by the copy) */
  const char  *city_key;
  gint64       start_jd;         /* julian days, or -1 */
  gint64       end_jd;
  char        *title_key;
  char        *fingerprint;      /* computed on demand to break ties */
} Output;

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
  gboolean       changed;
  gboolean       single_run;     /* input bytes are dropped once read */
  gboolean       has_run;

  /* State of one run. */
  GHashTable    *records;        /* sha256 -> Record* (owned) */
  GPtrArray     *absorbed;       /* CcpFieldPlan unpacked in this run, into first */
  char          *target_field;
  char          *target_period;
  gboolean       network;
};

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

/* Report item kinds, in the order the report lists them. */
static const char * const kind_order[] = {
  "refused", "superseded", "flagged", "missing", "joint", "joint-difference",
  "possible-duplicate", NULL
};

static const char * const compared_fields[] = {
  "title", "description", "kind", "scope", "state", "flagship", "start-date", "end-date",
  "place", "online", "objectives", "areas", "sdgs", "sdgs-none", "partner-cities",
  "partner-cities-none", "partner-organisations", "partner-organisations-none",
  "budget-amount", "budget-currency", "budget-none", "funding", "funding-none", "results",
  "results-none", NULL
};

/* Small helpers */

static gboolean
str_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

static char *
uint_to_string (guint value)
{
  return g_strdup_printf ("%u", value);
}

static gboolean
is_identifier (const char *id)
{
  gsize len;

  if (str_empty (id))
    return FALSE;

  len = strlen (id);
  if (len > 128 || !g_ascii_isalnum (id[0]))
    return FALSE;

  for (gsize i = 1; i < len; i++)
    {
      char c = id[i];

      if (!g_ascii_isalnum (c) && c != '.' && c != '_' && c != ':' && c != '-')
        return FALSE;
    }

  return TRUE;
}

static gint64
parse_time_usec (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  if (str_empty (text))
    return G_MININT64;

  dt = g_date_time_new_from_iso8601 (text, utc);
  if (dt == NULL)
    return G_MININT64;

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

static gint64
parse_julian (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (str_empty (text) || !ccp_date_parse (text, &date))
    return -1;

  return g_date_get_julian (&date);
}

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

static void
record_free (gpointer data)
{
  Record *record = data;

  g_clear_object (&record->source);
  g_clear_pointer (&record->activities, g_ptr_array_unref);
  g_clear_object (&record->refusal);
  g_free (record->mission_statement);
  g_free (record->identity);
  g_free (record);
}

static Record *
record_new (const char *file,
            const char *sha256)
{
  Record *record = g_new0 (Record, 1);

  record->source = ccp_source_new ();
  ccp_source_set_file (record->source, file);
  ccp_source_set_sha256 (record->source, sha256);
  record->modified_usec = G_MININT64;

  return record;
}

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
  g_clear_object (&input->document);
  g_clear_error (&input->error);
  g_free (input);
}

static void
copy_free (gpointer data)
{
  Copy *copy = data;

  g_object_unref (copy->activity);
  g_free (copy->activity_id);
  g_free (copy->name_key);
  g_free (copy->city_key);
  g_free (copy);
}

static void
output_free (gpointer data)
{
  Output *output = data;

  g_clear_object (&output->activity);
  g_clear_pointer (&output->copies, g_ptr_array_unref);
  g_free (output->base_id);
  g_free (output->title_key);
  g_free (output->fingerprint);
  g_free (output);
}

/* Public helpers */

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

const char * const *
ccp_merge_compared_fields (void)
{
  return compared_fields;
}

/* Field codecs: lists of free text are JSON arrays (of arrays for partners and results), so
 * that any text survives; code lists are space-separated codes as in the file format. */

static char *
builder_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static char *
encode_strv_json (const char * const *strv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);

  return builder_to_string (builder);
}

static char *
encode_store_json (GListStore *store,
                   const char *field)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      json_builder_begin_array (builder);
      if (g_str_equal (field, "partner-cities"))
        {
          json_builder_add_string_value (builder, ccp_partner_get_name (CCP_PARTNER (item)));
          json_builder_add_string_value (builder, ccp_partner_get_country (CCP_PARTNER (item)));
          json_builder_add_string_value (builder, ccp_partner_get_field (CCP_PARTNER (item)));
        }
      else if (g_str_equal (field, "partner-organisations"))
        {
          json_builder_add_string_value (builder, ccp_partner_get_name (CCP_PARTNER (item)));
          json_builder_add_string_value (builder, ccp_partner_get_sector (CCP_PARTNER (item)));
        }
      else
        {
          json_builder_add_string_value (builder, ccp_result_get_outcome (CCP_RESULT (item)));
          json_builder_add_string_value (builder, ccp_result_get_indicator (CCP_RESULT (item)));
        }
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  return builder_to_string (builder);
}

static GListStore *
store_for_field (CcpActivity *activity,
                 const char  *field)
{
  if (g_str_equal (field, "partner-cities"))
    return ccp_activity_get_partner_cities (activity);
  if (g_str_equal (field, "partner-organisations"))
    return ccp_activity_get_partner_organisations (activity);
  if (g_str_equal (field, "results"))
    return ccp_activity_get_results (activity);
  return NULL;
}

static gboolean
is_code_list (const char *field)
{
  return g_str_equal (field, "objectives") || g_str_equal (field, "areas") ||
         g_str_equal (field, "sdgs");
}

char *
ccp_merge_encode_field (CcpActivity *activity,
                        const char  *field)
{
  GParamSpec *pspec;
  GListStore *store;

  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  store = store_for_field (activity, field);
  if (store != NULL)
    return encode_store_json (store, field);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (activity), field);
  g_return_val_if_fail (pspec != NULL, NULL);

  if (pspec->value_type == G_TYPE_BOOLEAN)
    {
      gboolean value;

      g_object_get (activity, field, &value, NULL);
      return g_strdup (value ? "true" : "false");
    }

  if (pspec->value_type == G_TYPE_STRV)
    {
      g_auto(GStrv) value = NULL;

      g_object_get (activity, field, &value, NULL);
      if (is_code_list (field))
        return value != NULL ? g_strjoinv (" ", value) : g_strdup ("");
      return encode_strv_json ((const char * const *) value);
    }

  if (pspec->value_type == G_TYPE_STRING)
    {
      char *value = NULL;

      g_object_get (activity, field, &value, NULL);
      return value != NULL ? value : g_strdup ("");
    }

  g_return_val_if_reached (NULL);
}

/* Parses a JSON array of strings, or of arrays of width strings. */
static GPtrArray *
decode_json_rows (const char *value,
                  guint       width)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, value, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      char **row = g_new0 (char *, width + 1);

      if (width == 0)
        {
          g_free (row);
          row = g_new0 (char *, 2);
          if (!JSON_NODE_HOLDS_VALUE (node))
            {
              g_strfreev (row);
              return NULL;
            }
          row[0] = g_strdup (json_node_get_string (node));
        }
      else
        {
          JsonArray *inner;

          if (!JSON_NODE_HOLDS_ARRAY (node))
            {
              g_strfreev (row);
              return NULL;
            }
          inner = json_node_get_array (node);
          for (guint j = 0; j < width; j++)
            {
              const char *s = j < json_array_get_length (inner)
                              ? json_array_get_string_element (inner, j) : NULL;

              row[j] = g_strdup (s != NULL ? s : "");
            }
        }
      g_ptr_array_add (rows, row);
    }

  return g_steal_pointer (&rows);
}

gboolean
ccp_merge_decode_field (CcpActivity *activity,
                        const char  *field,
                        const char  *value)
{
  GParamSpec *pspec;
  GListStore *store;

  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  store = store_for_field (activity, field);
  if (store != NULL)
    {
      gboolean cities = g_str_equal (field, "partner-cities");
      gboolean organisations = g_str_equal (field, "partner-organisations");
      g_autoptr(GPtrArray) rows = decode_json_rows (value, cities ? 3 : 2);
      g_autoptr(GPtrArray) items = NULL;

      if (rows == NULL)
        return FALSE;

      items = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < rows->len; i++)
        {
          char **row = g_ptr_array_index (rows, i);

          if (cities)
            g_ptr_array_add (items, ccp_partner_new_city (row[0], row[1], row[2]));
          else if (organisations)
            g_ptr_array_add (items, ccp_partner_new_organisation (row[0], row[1]));
          else
            g_ptr_array_add (items, ccp_result_new (row[0], row[1]));
        }
      g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                           items->pdata, items->len);
      return TRUE;
    }

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (activity), field);
  if (pspec == NULL)
    return FALSE;

  if (pspec->value_type == G_TYPE_BOOLEAN)
    {
      if (!g_str_equal (value, "true") && !g_str_equal (value, "false"))
        return FALSE;
      g_object_set (activity, field, g_str_equal (value, "true"), NULL);
      return TRUE;
    }

  if (pspec->value_type == G_TYPE_STRV)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      if (is_code_list (field))
        {
          g_auto(GStrv) parts = g_strsplit_set (value, " \t\n\r", -1);

          for (guint i = 0; parts[i] != NULL; i++)
            {
              if (*parts[i] != '\0')
                g_strv_builder_add (builder, parts[i]);
            }
        }
      else
        {
          g_autoptr(GPtrArray) rows = decode_json_rows (value, 0);

          if (rows == NULL)
            return FALSE;
          for (guint i = 0; i < rows->len; i++)
            g_strv_builder_add (builder, ((char **) g_ptr_array_index (rows, i))[0]);
        }
      strv = g_strv_builder_end (builder);
      g_object_set (activity, field, strv, NULL);
      return TRUE;
    }

  if (pspec->value_type == G_TYPE_STRING)
    {
      g_object_set (activity, field, value, NULL);
      return TRUE;
    }

  return FALSE;
}

/* GObject */

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
  g_clear_pointer (&self->inputs, g_ptr_array_unref);

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

  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STRICT] =
    g_param_spec_boolean ("strict", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONSOLIDATED] =
    g_param_spec_string ("consolidated", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ccp_merge_init (CcpMerge *self)
{
  self->field = g_strdup ("");
  self->period = g_strdup ("");
  self->consolidated = g_strdup ("");
  self->inputs = g_ptr_array_new_with_free_func (input_free);
}

CcpMerge *
ccp_merge_new (void)
{
  ccp_i18n_init ();

  return g_object_new (CCP_TYPE_MERGE, NULL);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

const char *
ccp_merge_get_field (CcpMerge *self)
{
  g_return_val_if_fail (CCP_IS_MERGE (self), NULL);
  return self->field;
}

void
ccp_merge_set_field (CcpMerge   *self,
                     const char *field)
{
  g_return_if_fail (CCP_IS_MERGE (self));
  if (set_string (&self->field, field))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

const char *
ccp_merge_get_period (CcpMerge *self)
{
  g_return_val_if_fail (CCP_IS_MERGE (self), NULL);
  return self->period;
}

void
ccp_merge_set_period (CcpMerge   *self,
                      const char *period)
{
  g_return_if_fail (CCP_IS_MERGE (self));
  if (set_string (&self->period, period))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

gboolean
ccp_merge_get_strict (CcpMerge *self)
{
  g_return_val_if_fail (CCP_IS_MERGE (self), FALSE);
  return self->strict;
}

void
ccp_merge_set_strict (CcpMerge *self,
                      gboolean  strict)
{
  g_return_if_fail (CCP_IS_MERGE (self));
  strict = !!strict;
  if (self->strict == strict)
    return;
  self->strict = strict;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRICT]);
}

const char *
ccp_merge_get_consolidated (CcpMerge *self)
{
  g_return_val_if_fail (CCP_IS_MERGE (self), NULL);
  return self->consolidated;
}

void
ccp_merge_set_consolidated (CcpMerge   *self,
                            const char *when)
{
  g_return_if_fail (CCP_IS_MERGE (self));
  if (set_string (&self->consolidated, when))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSOLIDATED]);
}

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

void
ccp_merge_add_bytes (CcpMerge   *self,
                     const char *file,
                     GBytes     *bytes)
{
  Input *input;

  g_return_if_fail (CCP_IS_MERGE (self));
  g_return_if_fail (file != NULL);
  g_return_if_fail (bytes != NULL);

  input = g_new0 (Input, 1);
  input->public.file = g_strdup (file);
  input->public.sha256 = ccp_bytes_sha256 (bytes);
  input->public.reason = g_strdup ("");
  input->public.city = g_strdup ("");
  input->public.country = g_strdup ("");
  input->bytes = g_bytes_ref (bytes);
  g_ptr_array_add (self->inputs, input);
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
  g_return_val_if_fail (CCP_IS_MERGE (self), NULL);
  g_return_val_if_fail (index < self->inputs->len, NULL);

  return &((Input *) g_ptr_array_index (self->inputs, index))->public;
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

/* Identities */

static CcpRegistry *
get_registry (CcpMerge *self)
{
  if (self->registry == NULL)
    self->registry = g_object_ref (ccp_registry_get_default ());
  return self->registry;
}

/* Who a plan is for: the registry's spelling of the city when it knows it (so "Hannover" and
 * "Hanover" are one city), folded; its country; and, in a network overview, its field. */
static char *
city_identity (CcpMerge   *self,
               const char *city,
               const char *country,
               const char *field)
{
  CcpMemberCity *member;
  g_autofree char *key = NULL;
  const char *cc = country;

  member = ccp_registry_lookup (get_registry (self), city, str_empty (country) ? NULL : country,
                                str_empty (field) ? NULL : field);
  if (member != NULL)
    {
      key = ccp_city_name_key (ccp_member_city_get_name (member));
      cc = ccp_member_city_get_country (member);
    }
  else
    key = ccp_city_name_key (city);

  if (self->network)
    return g_strdup_printf ("%s\n%s\n%s", field != NULL ? field : "", key, cc != NULL ? cc : "");
  return g_strdup_printf ("%s\n%s", key, cc != NULL ? cc : "");
}

/* Reading the inputs */

static void
read_input (CcpMerge *self,
            Input    *input)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *display = g_filename_display_basename (input->public.file);

  input->document = ccp_reader_read_bytes (input->bytes, display, &issues, NULL, &input->error);
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
      g_autoptr(GPtrArray) checked = ccp_validator_check_plan (self->validator, plan);

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
static void
read_inputs (CcpMerge *self)
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

static const char *
document_field (GObject *document)
{
  if (CCP_IS_PLAN (document))
    return ccp_plan_get_field (CCP_PLAN (document));
  return ccp_field_plan_get_field (CCP_FIELD_PLAN (document));
}

static const char *
document_period (GObject *document)
{
  if (CCP_IS_PLAN (document))
    return ccp_plan_get_period (CCP_PLAN (document));
  return ccp_field_plan_get_period (CCP_FIELD_PLAN (document));
}

/* The key counted most often; ties go to the smallest key, so the order of the inputs never
 * matters. NULL when the table is empty. */
static char *
most_common (GHashTable *counts)
{
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint best_count = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint count = GPOINTER_TO_UINT (value);

      if (count > best_count || (count == best_count && strcmp (key, best) < 0))
        {
          best = key;
          best_count = count;
        }
    }

  return g_strdup (best);
}

static void
count_key (GHashTable *counts,
           const char *key)
{
  g_hash_table_insert (counts, (gpointer) key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
}

/* With no field or period given: the field and period most of the inputs have, among the valid
 * ones (a known field, a real calendar half), so that neither a stray file nor the order of the
 * inputs decides the target. Field plans of several fields make a network overview. */
static void
choose_automatic_target (CcpMerge   *self,
                         const char *fixed_field,
                         char      **field_out,
                         char      **period_out)
{
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) periods = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) any_periods = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean all_field_plans = TRUE;
  const char *field = fixed_field;

  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);
      const char *input_field;

      if (input->document == NULL)
        continue;
      if (!CCP_IS_FIELD_PLAN (input->document))
        all_field_plans = FALSE;
      input_field = document_field (input->document);
      if (ccp_vocabulary_has_term (vocabulary, "field", input_field))
        count_key (fields, input_field);
    }

  if (str_empty (field))
    {
      *field_out = all_field_plans && g_hash_table_size (fields) > 1
                   ? g_strdup (CCP_FIELD_NETWORK)
                   : most_common (fields);
      field = *field_out;
    }

  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);
      const char *input_period;

      if (input->document == NULL)
        continue;
      input_period = document_period (input->document);
      if (!ccp_period_parse (input_period, NULL, NULL))
        continue;
      count_key (any_periods, input_period);
      if (g_strcmp0 (field, CCP_FIELD_NETWORK) == 0 ||
          g_strcmp0 (document_field (input->document), field) == 0)
        count_key (periods, input_period);
    }

  /* The period of the target field's plans, else of any plan. */
  *period_out = most_common (g_hash_table_size (periods) > 0 ? periods : any_periods);
}

static gboolean
determine_target (CcpMerge  *self,
                  GError   **error)
{
  const char *field = self->field;
  const char *period = self->period;
  g_autofree char *automatic_field = NULL;
  g_autofree char *automatic_period = NULL;

  if (!str_empty (period) && !ccp_period_parse (period, NULL, NULL))
    {
      g_set_error (error, CCP_MERGE_ERROR, CCP_MERGE_ERROR_INVALID_OPTION,
                   /* Translators: %s is what was given as a period */
                   _("“%s” is not a period: expected a calendar half such as 2027-H1"), period);
      return FALSE;
    }

  if (self->into != NULL)
    {
      const char *into_field = ccp_field_plan_get_field (self->into);
      const char *into_period = ccp_field_plan_get_period (self->into);

      if (!str_empty (field) && !g_str_equal (field, into_field))
        {
          g_set_error (error, CCP_MERGE_ERROR, CCP_MERGE_ERROR_MISMATCH,
                       /* Translators: both %s are creative field codes, e.g. "music" */
                       _("The field plan merged into is for the field “%s”, not “%s”"),
                       into_field, field);
          return FALSE;
        }
      if (!str_empty (period) && !g_str_equal (period, into_period))
        {
          g_set_error (error, CCP_MERGE_ERROR, CCP_MERGE_ERROR_MISMATCH,
                       /* Translators: both %s are periods, e.g. "2027-H1" */
                       _("The field plan merged into is for the period %s, not %s"),
                       into_period, period);
          return FALSE;
        }
      field = into_field;
      period = into_period;
    }

  if (str_empty (field) || str_empty (period))
    {
      g_autofree char *chosen_field = NULL;
      g_autofree char *chosen_period = NULL;

      choose_automatic_target (self, field, &chosen_field, &chosen_period);
      if (str_empty (field))
        field = automatic_field = g_steal_pointer (&chosen_field);
      if (str_empty (period))
        period = automatic_period = g_steal_pointer (&chosen_period);
    }

  /* No input with a known field and a real period: nothing can be merged, and an empty target
   * would accept inputs just as broken. */
  if (str_empty (field) || str_empty (period))
    {
      g_set_error_literal (error, CCP_MERGE_ERROR, CCP_MERGE_ERROR_NOTHING_USABLE,
                           _("No city plan could be merged: no file has a known creative field "
                             "and a valid period"));
      return FALSE;
    }

  self->network = g_strcmp0 (field, CCP_FIELD_NETWORK) == 0;

  self->target_field = g_strdup (field != NULL ? field : "");
  self->target_period = g_strdup (period != NULL ? period : "");
  return TRUE;
}

/* Building the state */

/* Adds record unless the same bytes are already there; then the smaller file name is kept, so
 * that the name recorded does not depend on the order. Returns the record kept. */
static Record *
add_record (CcpMerge *self,
            Record   *record,
            gboolean *duplicate)
{
  const char *sha = ccp_source_get_sha256 (record->source);
  Record *existing = g_hash_table_lookup (self->records, sha);

  if (existing != NULL)
    {
      if (strcmp (ccp_source_get_file (record->source),
                  ccp_source_get_file (existing->source)) < 0)
        ccp_source_set_file (existing->source, ccp_source_get_file (record->source));
      record_free (record);
      if (duplicate != NULL)
        *duplicate = TRUE;
      return existing;
    }

  g_hash_table_insert (self->records, (gpointer) ccp_source_get_sha256 (record->source), record);
  if (duplicate != NULL)
    *duplicate = FALSE;
  return record;
}

static CcpReportItem *
new_refusal (Record     *record,
             const char *reason)
{
  CcpReportItem *item = ccp_report_item_new ("refused");

  ccp_report_item_set_code (item, reason);
  ccp_report_item_add_value (item, "sha256", ccp_source_get_sha256 (record->source));
  ccp_source_set_status (record->source, CCP_SOURCE_STATUS_REFUSED);
  ccp_source_set_reason (record->source, reason);
  return item;
}

static void
fill_from_plan (Record  *record,
                CcpPlan *plan)
{
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

static char *
attribution_key (const char *city,
                 const char *country,
                 const char *plan_id)
{
  return g_strdup_printf ("%s\n%s\n%s", city, country, plan_id);
}

static char *
difference_key (const char *joint_ref,
                const char *city,
                const char *country,
                const char *activity_id)
{
  return g_strdup_printf ("%s\n%s\n%s\n%s", joint_ref, city, country, activity_id);
}

/* Unpacks a field plan (the one merged into, or an input) into records. */
static void
absorb_field_plan (CcpMerge     *self,
                   CcpFieldPlan *field_plan)
{
  GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));
  GListModel *report = G_LIST_MODEL (ccp_field_plan_get_report (field_plan));
  g_autoptr(GHashTable) items_by_sha = NULL;
  g_autoptr(GHashTable) differences = NULL;
  g_autoptr(GHashTable) accepted = NULL;
  guint n;

  g_ptr_array_add (self->absorbed, g_object_ref (field_plan));

  items_by_sha = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  differences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  accepted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  n = g_list_model_get_n_items (report);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);
      const char *kind = ccp_report_item_get_kind (item);
      const char *sha = ccp_report_item_get_value (item, "sha256");

      if ((g_str_equal (kind, "refused") || g_str_equal (kind, "superseded")) && sha != NULL)
        {
          g_hash_table_insert (items_by_sha, g_strdup (sha), g_object_ref (item));
        }
      else if (g_str_equal (kind, "joint-difference"))
        {
          char *key = difference_key (ccp_report_item_get_joint_ref (item),
                                      ccp_report_item_get_city (item),
                                      ccp_report_item_get_country (item),
                                      ccp_report_item_get_activity (item));
          GPtrArray *list = g_hash_table_lookup (differences, key);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (differences, key, list);
            }
          else
            g_free (key);
          g_ptr_array_add (list, g_object_ref (item));
        }
    }

  n = g_list_model_get_n_items (sources);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);
      Record *record = g_new0 (Record, 1);
      CcpReportItem *item;
      gboolean duplicate;

      record->source = ccp_source_copy (source);
      record->modified_usec = parse_time_usec (ccp_source_get_modified (source));
      item = g_hash_table_lookup (items_by_sha, ccp_source_get_sha256 (source));

      switch (ccp_source_get_status (source))
        {
        case CCP_SOURCE_STATUS_ACCEPTED:
          record->activities = g_ptr_array_new_with_free_func (g_object_unref);
          record->mission_statement = g_strdup (ccp_field_plan_get_mission_statement (field_plan));
          break;
        case CCP_SOURCE_STATUS_REFUSED:
          record->refusal = item != NULL ? ccp_report_item_copy (item) : NULL;
          if (record->refusal == NULL)
            {
              record->refusal = ccp_report_item_new ("refused");
              ccp_report_item_set_code (record->refusal, ccp_source_get_reason (source));
              ccp_report_item_add_value (record->refusal, "sha256",
                                         ccp_source_get_sha256 (source));
            }
          break;
        case CCP_SOURCE_STATUS_SUPERSEDED:
        default:
          if (item != NULL && ccp_report_item_get_value (item, "activities") != NULL)
            record->n_activities = (guint) g_ascii_strtoull (
              ccp_report_item_get_value (item, "activities"), NULL, 10);
          break;
        }

      record = add_record (self, record, &duplicate);
      if (!duplicate && record->activities != NULL)
        {
          g_hash_table_insert (accepted,
                               attribution_key (ccp_source_get_city (source),
                                                ccp_source_get_country (source),
                                                ccp_source_get_plan_id (source)),
                               record);
        }
    }

  /* The activities of each accepted source, rebuilt from the attributions. */
  n = g_list_model_get_n_items (activities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
      guint n_attributions = g_list_model_get_n_items (attributions);

      for (guint j = 0; j < n_attributions; j++)
        {
          g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);
          g_autofree char *key = attribution_key (ccp_attribution_get_city (attribution),
                                                  ccp_attribution_get_country (attribution),
                                                  ccp_attribution_get_plan_id (attribution));
          Record *record = g_hash_table_lookup (accepted, key);
          CcpActivity *copy;

          if (record == NULL)
            {
              g_debug ("Activity %s is attributed to a plan that is not an accepted source",
                       ccp_activity_get_id (activity));
              continue;
            }

          copy = ccp_activity_copy (activity);
          g_list_store_remove_all (ccp_activity_get_attributions (copy));
          ccp_activity_set_id (copy, ccp_attribution_get_activity_id (attribution));

          if (!str_empty (ccp_activity_get_joint_ref (activity)))
            {
              g_autofree char *dkey =
                difference_key (ccp_activity_get_joint_ref (activity),
                                ccp_attribution_get_city (attribution),
                                ccp_attribution_get_country (attribution),
                                ccp_attribution_get_activity_id (attribution));
              GPtrArray *list = g_hash_table_lookup (differences, dkey);

              for (guint k = 0; list != NULL && k < list->len; k++)
                {
                  CcpReportItem *item = g_ptr_array_index (list, k);
                  const char *value = ccp_report_item_get_value (item, "value");

                  if (value == NULL ||
                      !ccp_merge_decode_field (copy, ccp_report_item_get_code (item), value))
                    g_debug ("Cannot restore %s of a joint activity copy",
                             ccp_report_item_get_code (item));
                }
            }

          g_ptr_array_add (record->activities, copy);
        }
    }

  /* Now that the activities are known, count them. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, accepted);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        Record *record = value;

        record->n_activities = record->activities->len;
      }
  }
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
static void
add_inputs (CcpMerge *self)
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

          if (is_field_plan)
            {
              CcpFieldPlan *fp = CCP_FIELD_PLAN (input->document);
              const char *fp_field = ccp_field_plan_get_field (fp);
              const char *fp_period = ccp_field_plan_get_period (fp);

              if ((self->network || g_str_equal (fp_field, self->target_field)) &&
                  g_str_equal (fp_period, self->target_period))
                {
                  absorb_field_plan (self, fp);
                  input->public.status = CCP_MERGE_INPUT_UNPACKED;
                  continue;
                }

              record = record_new (basename, input->public.sha256);
              ccp_source_set_field (record->source, fp_field);
              ccp_source_set_period (record->source, fp_period);
              ccp_source_set_plan_id (record->source, ccp_field_plan_get_id (fp));
              ccp_source_set_revision (record->source, ccp_field_plan_get_revision (fp));
              ccp_source_set_modified (record->source, ccp_field_plan_get_modified (fp));
              record->n_activities = input->public.n_activities;
              if (!g_str_equal (fp_field, self->target_field))
                {
                  record->refusal = new_refusal (record, "other-field");
                  ccp_report_item_add_value (record->refusal, "found", fp_field);
                  ccp_report_item_add_value (record->refusal, "expected", self->target_field);
                }
              else
                {
                  record->refusal = new_refusal (record, "other-period");
                  ccp_report_item_add_value (record->refusal, "found", fp_period);
                  ccp_report_item_add_value (record->refusal, "expected", self->target_period);
                }
            }
          else if (input->document == NULL)
            {
              gboolean not_plan = g_error_matches (input->error, CCP_ERROR, CCP_ERROR_NOT_A_PLAN);

              record = record_new (basename, input->public.sha256);
              record->refusal = new_refusal (record, not_plan ? "not-a-city-plan" : "unreadable");
              ccp_report_item_add_value (record->refusal, "detail",
                                         error_detail_code (input->error));
            }
          else
            {
              CcpPlan *plan = CCP_PLAN (input->document);
              const char *field = ccp_plan_get_field (plan);
              const char *period = ccp_plan_get_period (plan);

              record = record_new (basename, input->public.sha256);
              fill_from_plan (record, plan);
              record->modified_usec = parse_time_usec (ccp_plan_get_modified (plan));
              ccp_source_set_errors (record->source, input->public.errors);
              ccp_source_set_warnings (record->source, input->public.warnings);

              if (!self->network && !g_str_equal (field, self->target_field))
                {
                  record->refusal = new_refusal (record, "other-field");
                  ccp_report_item_add_value (record->refusal, "found", field);
                  ccp_report_item_add_value (record->refusal, "expected", self->target_field);
                }
              else if (!g_str_equal (period, self->target_period))
                {
                  record->refusal = new_refusal (record, "other-period");
                  ccp_report_item_add_value (record->refusal, "found", period);
                  ccp_report_item_add_value (record->refusal, "expected", self->target_period);
                }
              else if (self->strict && input->public.errors > 0)
                {
                  g_autofree char *errors = uint_to_string (input->public.errors);

                  record->refusal = new_refusal (record, "has-errors");
                  ccp_report_item_add_value (record->refusal, "errors", errors);
                }
              else
                {
                  GListModel *list = G_LIST_MODEL (ccp_plan_get_activities (plan));
                  guint n = g_list_model_get_n_items (list);

                  record->activities = g_ptr_array_new_with_free_func (g_object_unref);
                  for (guint j = 0; j < n; j++)
                    g_ptr_array_add (record->activities, g_list_model_get_item (list, j));
                }
            }

          if (record->refusal != NULL && record->n_activities > 0)
            {
              g_autofree char *count = uint_to_string (record->n_activities);

              ccp_report_item_add_value (record->refusal, "activities", count);
            }

          record = add_record (self, record, &duplicate);
          input->record = record;
          if (duplicate)
            {
              input->public.status = CCP_MERGE_INPUT_DUPLICATE;
              input->public.same_as = g_strdup (ccp_source_get_file (record->source));
            }
        }
    }
}

/* Compiling the state into a field plan */

static int
compare_records_newest_first (gconstpointer a,
                              gconstpointer b)
{
  const Record *x = *(Record * const *) a;
  const Record *y = *(Record * const *) b;
  guint rx = ccp_source_get_revision (x->source);
  guint ry = ccp_source_get_revision (y->source);
  int c;

  if (rx != ry)
    return rx > ry ? -1 : 1;
  if (x->modified_usec != y->modified_usec)
    return x->modified_usec > y->modified_usec ? -1 : 1;
  c = strcmp (ccp_source_get_modified (y->source), ccp_source_get_modified (x->source));
  if (c != 0)
    return c;
  return strcmp (ccp_source_get_sha256 (y->source), ccp_source_get_sha256 (x->source));
}

static CcpReportItem *
new_superseded_item (Record *loser,
                     Record *winner)
{
  CcpReportItem *item = ccp_report_item_new ("superseded");
  g_autofree char *revision = uint_to_string (ccp_source_get_revision (loser->source));
  g_autofree char *count = uint_to_string (loser->n_activities);

  ccp_report_item_set_code (item, ccp_source_get_reason (loser->source));
  ccp_report_item_set_file (item, ccp_source_get_file (loser->source));
  ccp_report_item_set_city (item, ccp_source_get_city (loser->source));
  ccp_report_item_set_country (item, ccp_source_get_country (loser->source));
  ccp_report_item_add_value (item, "sha256", ccp_source_get_sha256 (loser->source));
  ccp_report_item_add_value (item, "revision", revision);
  ccp_report_item_add_value (item, "modified", ccp_source_get_modified (loser->source));
  ccp_report_item_add_value (item, "activities", count);

  if (winner != NULL)
    {
      g_autofree char *by_revision = uint_to_string (ccp_source_get_revision (winner->source));

      ccp_report_item_add_value (item, "by-file", ccp_source_get_file (winner->source));
      ccp_report_item_add_value (item, "by-sha256", ccp_source_get_sha256 (winner->source));
      ccp_report_item_add_value (item, "by-revision", by_revision);
      ccp_report_item_add_value (item, "by-modified", ccp_source_get_modified (winner->source));
    }

  return item;
}

/* Decides, for every city, which plan is accepted; the others are superseded. */
static void
resolve_revisions (CcpMerge  *self,
                   GPtrArray *records,
                   GPtrArray *report)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);
      GPtrArray *group;

      record->accepted = FALSE;
      if (record->activities == NULL &&
          ccp_source_get_status (record->source) != CCP_SOURCE_STATUS_SUPERSEDED)
        continue;

      g_free (record->identity);
      record->identity = city_identity (self, ccp_source_get_city (record->source),
                                        ccp_source_get_country (record->source),
                                        ccp_source_get_field (record->source));
      group = g_hash_table_lookup (groups, record->identity);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, record->identity, group);
          g_ptr_array_add (keys, record->identity);
        }
      g_ptr_array_add (group, record);
    }

  for (guint i = 0; i < keys->len; i++)
    {
      GPtrArray *group = g_hash_table_lookup (groups, g_ptr_array_index (keys, i));
      Record *winner = NULL;

      g_ptr_array_sort (group, compare_records_newest_first);
      for (guint j = 0; j < group->len && winner == NULL; j++)
        {
          Record *record = g_ptr_array_index (group, j);

          if (record->activities != NULL)
            winner = record;
        }

      for (guint j = 0; j < group->len; j++)
        {
          Record *record = g_ptr_array_index (group, j);

          if (record == winner)
            {
              record->accepted = TRUE;
              ccp_source_set_status (record->source, CCP_SOURCE_STATUS_ACCEPTED);
              ccp_source_set_reason (record->source, "");
              continue;
            }

          if (winner != NULL)
            {
              const char *reason;

              if (ccp_source_get_revision (record->source) <
                  ccp_source_get_revision (winner->source))
                reason = "older-revision";
              else if (record->modified_usec < winner->modified_usec ||
                       strcmp (ccp_source_get_modified (record->source),
                               ccp_source_get_modified (winner->source)) != 0)
                reason = "older-modified";
              else
                reason = "same-revision";
              ccp_source_set_reason (record->source, reason);
            }
          ccp_source_set_status (record->source, CCP_SOURCE_STATUS_SUPERSEDED);
          g_ptr_array_add (report, new_superseded_item (record, winner));
        }
    }
}

static char *
copy_sort_key (Copy *copy)
{
  const char *city = copy->name_key;

  return g_strdup_printf ("%s\n%s\n%s\n%s\n%s\n%s", city,
                          ccp_source_get_city (copy->record->source),
                          ccp_source_get_country (copy->record->source),
                          ccp_source_get_plan_id (copy->record->source),
                          copy->activity_id,
                          ccp_source_get_sha256 (copy->record->source));
}

static int
compare_copies (gconstpointer a,
                gconstpointer b)
{
  const Copy *x = *(Copy * const *) a;
  const Copy *y = *(Copy * const *) b;

  return strcmp (x->city_key, y->city_key);
}

static char *
make_base_id (Copy *copy)
{
  const char *plan_id = ccp_source_get_plan_id (copy->record->source);
  const char *activity_id = copy->activity_id;
  const char *joint_ref = ccp_activity_get_joint_ref (copy->activity);
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *digest = NULL;

  if (!str_empty (joint_ref))
    id = g_strdup (joint_ref);
  else
    id = g_strdup_printf ("%s.%s", plan_id, activity_id);

  /* Room for a "-N" suffix that makes it unique. */
  if (is_identifier (id) && strlen (id) <= 120)
    return g_steal_pointer (&id);

  text = g_strdup_printf ("%s\n%s\n%s", copy->city_key, joint_ref, activity_id);
  bytes = g_bytes_new (text, strlen (text));
  digest = ccp_bytes_sha256 (bytes);
  return g_strdup_printf ("x%.16s", digest);
}

static void
add_attribution (CcpActivity *activity,
                 Copy        *copy)
{
  g_autoptr(CcpAttribution) attribution =
    ccp_attribution_new (ccp_source_get_city (copy->record->source),
                         ccp_source_get_country (copy->record->source),
                         ccp_source_get_plan_id (copy->record->source),
                         copy->activity_id);

  g_list_store_append (ccp_activity_get_attributions (activity), attribution);
}

static Output *
new_output (GPtrArray *copies)
{
  Output *output = g_new0 (Output, 1);
  Copy *reference;

  g_ptr_array_sort (copies, compare_copies);
  reference = g_ptr_array_index (copies, 0);

  output->copies = copies;
  /* Every activity of a record is this run's own (read or copied for it) and belongs to one
   * output: the reference becomes the output activity, no copy needed. Its plan's id stays in
   * reference->activity_id for the report. */
  output->activity = g_object_ref (reference->activity);
  g_list_store_remove_all (ccp_activity_get_attributions (output->activity));
  for (guint i = 0; i < copies->len; i++)
    add_attribution (output->activity, g_ptr_array_index (copies, i));

  output->base_id = make_base_id (reference);
  output->name_key = reference->name_key;
  output->city_key = reference->city_key;
  output->start_jd = parse_julian (ccp_activity_get_start_date (output->activity));
  output->end_jd = parse_julian (ccp_activity_get_end_date (output->activity));
  output->title_key = ccp_merge_title_key (ccp_activity_get_title (output->activity));

  return output;
}

static const char *
output_fingerprint (Output *output)
{
  if (output->fingerprint == NULL)
    {
      GString *s = g_string_new (NULL);

      for (guint i = 0; compared_fields[i] != NULL; i++)
        {
          g_autofree char *value = ccp_merge_encode_field (output->activity,
                                                           compared_fields[i]);

          g_string_append (s, value);
          g_string_append_c (s, '\n');
        }
      output->fingerprint = g_string_free (s, FALSE);
    }
  return output->fingerprint;
}

/* By city (folded name), start date and identifier, as the report reads; the rest only
 * breaks ties so that the order is total. */
static int
compare_outputs (gconstpointer a,
                 gconstpointer b)
{
  Output *x = *(Output * const *) a;
  Output *y = *(Output * const *) b;
  int c;

  if ((c = strcmp (x->name_key, y->name_key)) != 0)
    return c;
  c = strcmp (ccp_activity_get_start_date (x->activity), ccp_activity_get_start_date (y->activity));
  if (c != 0)
    return c;
  if ((c = strcmp (x->base_id, y->base_id)) != 0)
    return c;
  if ((c = strcmp (x->city_key, y->city_key)) != 0)
    return c;
  return strcmp (output_fingerprint (x), output_fingerprint (y));
}

/* A unique identifier for each activity, in output order. */
static void
assign_ids (GPtrArray *outputs)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < outputs->len; i++)
    {
      Output *output = g_ptr_array_index (outputs, i);
      g_autofree char *id = g_strdup (output->base_id);

      for (guint n = 2; g_hash_table_contains (used, id); n++)
        {
          g_free (id);
          id = g_strdup_printf ("%s-%u", output->base_id, n);
        }
      ccp_activity_set_id (output->activity, id);
      g_hash_table_add (used, g_steal_pointer (&id));
    }
}

static void
report_joint (Output    *output,
              GPtrArray *report)
{
  Copy *reference = g_ptr_array_index (output->copies, 0);
  const char *joint_ref = ccp_activity_get_joint_ref (output->activity);
  const char *id = ccp_activity_get_id (output->activity);
  g_autoptr(CcpReportItem) item = ccp_report_item_new ("joint");
  g_autoptr(GPtrArray) cities = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  g_autofree char *count = uint_to_string (output->copies->len);
  g_autofree char *joined = NULL;
  g_autoptr(GPtrArray) reference_values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < output->copies->len; i++)
    {
      Copy *copy = g_ptr_array_index (output->copies, i);

      g_ptr_array_add (cities, (gpointer) ccp_source_get_city (copy->record->source));
    }
  joined = g_strjoinv ("; ", (char **) cities->pdata);

  ccp_report_item_set_code (item, output->copies->len > 1 ? "merged" : "one-copy");
  ccp_report_item_set_city (item, ccp_source_get_city (reference->record->source));
  ccp_report_item_set_country (item, ccp_source_get_country (reference->record->source));
  ccp_report_item_set_activity (item, id);
  ccp_report_item_set_joint_ref (item, joint_ref);
  ccp_report_item_add_value (item, "copies", count);
  ccp_report_item_add_value (item, "cities", joined);
  g_ptr_array_add (report, g_steal_pointer (&item));

  if (output->copies->len < 2)
    return;

  for (guint f = 0; compared_fields[f] != NULL; f++)
    g_ptr_array_add (reference_values,
                     ccp_merge_encode_field (reference->activity, compared_fields[f]));

  for (guint i = 1; i < output->copies->len; i++)
    {
      Copy *copy = g_ptr_array_index (output->copies, i);

      for (guint f = 0; compared_fields[f] != NULL; f++)
        {
          g_autofree char *value = ccp_merge_encode_field (copy->activity, compared_fields[f]);
          const char *reference_value = g_ptr_array_index (reference_values, f);
          CcpReportItem *difference;

          if (g_str_equal (value, reference_value))
            continue;

          difference = ccp_report_item_new ("joint-difference");
          ccp_report_item_set_code (difference, compared_fields[f]);
          ccp_report_item_set_city (difference, ccp_source_get_city (copy->record->source));
          ccp_report_item_set_country (difference,
                                       ccp_source_get_country (copy->record->source));
          ccp_report_item_set_activity (difference, copy->activity_id);
          ccp_report_item_set_joint_ref (difference, joint_ref);
          ccp_report_item_add_value (difference, "field-activity", id);
          ccp_report_item_add_value (difference, "reference-city",
                                     ccp_source_get_city (reference->record->source));
          ccp_report_item_add_value (difference, "reference-country",
                                     ccp_source_get_country (reference->record->source));
          ccp_report_item_add_value (difference, "reference-activity",
                                     reference->activity_id);
          ccp_report_item_add_value (difference, "reference", reference_value);
          ccp_report_item_add_value (difference, "value", value);
          g_ptr_array_add (report, difference);
        }
    }
}

/* Same normalised title, overlapping dates, not the same cities: reported, never merged. Each
 * activity is paired with the first earlier one that matches, so a title shared by many cities
 * gives one item per activity, not one per pair. */
static void
report_possible_duplicates (GPtrArray *outputs,
                            GPtrArray *report)
{
  g_autoptr(GHashTable) by_title = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < outputs->len; i++)
    {
      Output *output = g_ptr_array_index (outputs, i);
      GPtrArray *earlier;

      if (*output->title_key == '\0' || output->start_jd < 0 || output->end_jd < 0)
        continue;

      earlier = g_hash_table_lookup (by_title, output->title_key);
      if (earlier == NULL)
        {
          earlier = g_ptr_array_new ();
          g_hash_table_insert (by_title, output->title_key, earlier);
        }

      for (guint j = 0; j < earlier->len; j++)
        {
          Output *other = g_ptr_array_index (earlier, j);
          Copy *mine = g_ptr_array_index (output->copies, 0);
          Copy *theirs = g_ptr_array_index (other->copies, 0);
          CcpReportItem *item;

          if (output->start_jd > other->end_jd || other->start_jd > output->end_jd)
            continue;
          if (g_strcmp0 (mine->record->identity, theirs->record->identity) == 0)
            continue;

          item = ccp_report_item_new ("possible-duplicate");
          ccp_report_item_set_code (item, "same-title");
          ccp_report_item_set_city (item, ccp_source_get_city (mine->record->source));
          ccp_report_item_set_country (item, ccp_source_get_country (mine->record->source));
          ccp_report_item_set_activity (item, ccp_activity_get_id (output->activity));
          ccp_report_item_add_value (item, "title", ccp_activity_get_title (output->activity));
          ccp_report_item_add_value (item, "other-activity",
                                     ccp_activity_get_id (other->activity));
          ccp_report_item_add_value (item, "other-city",
                                     ccp_source_get_city (theirs->record->source));
          ccp_report_item_add_value (item, "other-country",
                                     ccp_source_get_country (theirs->record->source));
          ccp_report_item_add_value (item, "other-title",
                                     ccp_activity_get_title (other->activity));
          g_ptr_array_add (report, item);
          break;
        }

      g_ptr_array_add (earlier, output);
    }
}

/* Roster */

static int
compare_partners (gconstpointer a,
                  gconstpointer b)
{
  CcpPartner *x = *(CcpPartner * const *) a;
  CcpPartner *y = *(CcpPartner * const *) b;
  g_autofree char *kx = ccp_city_name_key (ccp_partner_get_name (x));
  g_autofree char *ky = ccp_city_name_key (ccp_partner_get_name (y));
  int c;

  if ((c = strcmp (kx, ky)) != 0)
    return c;
  if ((c = strcmp (ccp_partner_get_name (x), ccp_partner_get_name (y))) != 0)
    return c;
  if ((c = strcmp (ccp_partner_get_country (x), ccp_partner_get_country (y))) != 0)
    return c;
  return strcmp (ccp_partner_get_field (x), ccp_partner_get_field (y));
}

static void
add_roster_member (GHashTable *seen,
                   GPtrArray  *roster,
                   const char *name,
                   const char *country,
                   const char *field)
{
  g_autofree char *name_key = ccp_city_name_key (name);
  char *key = g_strdup_printf ("%s\n%s\n%s", name_key, country, field);

  if (!g_hash_table_add (seen, key))
    return;
  g_ptr_array_add (roster, ccp_partner_new_city (name, country, field));
}

static GPtrArray *
build_roster (CcpMerge  *self,
              GPtrArray *records)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *roster = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->roster != NULL)
    {
      for (guint i = 0; i < self->roster->len; i++)
        {
          CcpMemberCity *member = g_ptr_array_index (self->roster, i);
          const char *field = ccp_member_city_get_field (member);

          if (!self->network && !str_empty (field) && !g_str_equal (field, self->target_field))
            continue;
          add_roster_member (seen, roster, ccp_member_city_get_name (member),
                             ccp_member_city_get_country (member),
                             str_empty (field) ? self->target_field : field);
        }
    }
  else if (self->absorbed->len > 0)
    {
      for (guint i = 0; i < self->absorbed->len; i++)
        {
          GListModel *list = G_LIST_MODEL (ccp_field_plan_get_roster (
                               g_ptr_array_index (self->absorbed, i)));
          guint n = g_list_model_get_n_items (list);

          for (guint j = 0; j < n; j++)
            {
              g_autoptr(CcpPartner) member = g_list_model_get_item (list, j);

              add_roster_member (seen, roster, ccp_partner_get_name (member),
                                 ccp_partner_get_country (member),
                                 ccp_partner_get_field (member));
            }
        }
    }
  else
    {
      g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);

      if (!self->network)
        g_hash_table_add (fields, self->target_field);
      else
        {
          for (guint i = 0; i < records->len; i++)
            {
              Record *record = g_ptr_array_index (records, i);

              if (record->accepted)
                g_hash_table_add (fields, (gpointer) ccp_source_get_field (record->source));
            }
        }

      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, fields);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          {
            g_autoptr(GPtrArray) members = ccp_registry_list_field (get_registry (self), key);

            for (guint i = 0; members != NULL && i < members->len; i++)
              {
                CcpMemberCity *member = g_ptr_array_index (members, i);

                add_roster_member (seen, roster, ccp_member_city_get_name (member),
                                   ccp_member_city_get_country (member),
                                   ccp_member_city_get_field (member));
              }
          }
      }
    }

  g_ptr_array_sort (roster, compare_partners);
  return roster;
}

static void
report_missing (CcpMerge  *self,
                GPtrArray *roster,
                GPtrArray *records,
                GPtrArray *report)
{
  g_autoptr(GHashTable) accepted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) refused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);
      const char *city = ccp_source_get_city (record->source);

      if (str_empty (city))
        continue;
      if (record->accepted)
        g_hash_table_add (accepted, g_strdup (record->identity));
      else
        g_hash_table_add (refused, city_identity (self, city,
                                                  ccp_source_get_country (record->source),
                                                  ccp_source_get_field (record->source)));
    }

  for (guint i = 0; i < roster->len; i++)
    {
      CcpPartner *member = g_ptr_array_index (roster, i);
      g_autofree char *identity = city_identity (self, ccp_partner_get_name (member),
                                                 ccp_partner_get_country (member),
                                                 ccp_partner_get_field (member));
      CcpReportItem *item;

      if (g_hash_table_contains (accepted, identity))
        continue;

      item = ccp_report_item_new ("missing");
      ccp_report_item_set_code (item, g_hash_table_contains (refused, identity)
                                      ? "refused-only" : "no-plan");
      ccp_report_item_set_city (item, ccp_partner_get_name (member));
      ccp_report_item_set_country (item, ccp_partner_get_country (member));
      if (self->network)
        ccp_report_item_add_value (item, "field", ccp_partner_get_field (member));
      g_ptr_array_add (report, item);
    }
}

/* Sorting */

static guint
kind_rank (const char *kind)
{
  guint i;

  for (i = 0; kind_order[i] != NULL; i++)
    {
      if (g_str_equal (kind_order[i], kind))
        return i;
    }
  return i;
}

static int
compare_report_items (gconstpointer a,
                      gconstpointer b)
{
  CcpReportItem *x = *(CcpReportItem * const *) a;
  CcpReportItem *y = *(CcpReportItem * const *) b;
  guint rx = kind_rank (ccp_report_item_get_kind (x));
  guint ry = kind_rank (ccp_report_item_get_kind (y));
  const char * const *nx, * const *ny;
  int c;

  if (rx != ry)
    return rx < ry ? -1 : 1;
  if ((c = strcmp (ccp_report_item_get_kind (x), ccp_report_item_get_kind (y))) != 0)
    return c;
  {
    g_autofree char *cx = ccp_city_name_key (ccp_report_item_get_city (x));
    g_autofree char *cy = ccp_city_name_key (ccp_report_item_get_city (y));

    if ((c = strcmp (cx, cy)) != 0)
      return c;
  }
  if ((c = strcmp (ccp_report_item_get_city (x), ccp_report_item_get_city (y))) != 0)
    return c;
  if ((c = strcmp (ccp_report_item_get_country (x), ccp_report_item_get_country (y))) != 0)
    return c;
  if ((c = strcmp (ccp_report_item_get_file (x), ccp_report_item_get_file (y))) != 0)
    return c;
  if ((c = strcmp (ccp_report_item_get_joint_ref (x), ccp_report_item_get_joint_ref (y))) != 0)
    return c;
  if ((c = strcmp (ccp_report_item_get_activity (x), ccp_report_item_get_activity (y))) != 0)
    return c;
  if ((c = strcmp (ccp_report_item_get_code (x), ccp_report_item_get_code (y))) != 0)
    return c;

  nx = ccp_report_item_get_value_names (x);
  ny = ccp_report_item_get_value_names (y);
  for (guint i = 0; ; i++)
    {
      if (nx[i] == NULL || ny[i] == NULL)
        return nx[i] == NULL ? (ny[i] == NULL ? 0 : -1) : 1;
      if ((c = strcmp (nx[i], ny[i])) != 0)
        return c;
      if ((c = strcmp (ccp_report_item_get_value (x, nx[i]),
                       ccp_report_item_get_value (y, ny[i]))) != 0)
        return c;
    }
}

static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  const Record *x = *(Record * const *) a;
  const Record *y = *(Record * const *) b;
  g_autofree char *kx = ccp_city_name_key (ccp_source_get_city (x->source));
  g_autofree char *ky = ccp_city_name_key (ccp_source_get_city (y->source));
  int c;

  if ((c = strcmp (kx, ky)) != 0)
    return c;
  if ((c = strcmp (ccp_source_get_city (x->source), ccp_source_get_city (y->source))) != 0)
    return c;
  if ((c = strcmp (ccp_source_get_file (x->source), ccp_source_get_file (y->source))) != 0)
    return c;
  return strcmp (ccp_source_get_sha256 (x->source), ccp_source_get_sha256 (y->source));
}

static void
splice_all (GListStore *store,
            GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

/* The greatest of the codes seen: an associative choice, so merges in any grouping agree. */
static void
take_max (char       **current,
          const char  *candidate)
{
  if (str_empty (candidate))
    return;
  if (*current == NULL || strcmp (candidate, *current) > 0)
    {
      g_free (*current);
      *current = g_strdup (candidate);
    }
}

static CcpFieldPlan *
compile (CcpMerge *self)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) outputs = g_ptr_array_new_with_free_func (output_free);
  g_autoptr(GHashTable) joint = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) joint_order = g_ptr_array_new ();
  g_autoptr(GPtrArray) roster = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *mission_statement = NULL;
  CcpFieldPlan *field_plan;
  CcpFieldPlan *coordinator_from = NULL;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (records, value);
  g_ptr_array_sort (records, compare_sources);

  resolve_revisions (self, records, report);

  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);

      if (record->refusal != NULL)
        {
          CcpReportItem *item = ccp_report_item_copy (record->refusal);

          ccp_report_item_set_file (item, ccp_source_get_file (record->source));
          ccp_report_item_set_city (item, ccp_source_get_city (record->source));
          ccp_report_item_set_country (item, ccp_source_get_country (record->source));
          g_ptr_array_add (report, item);
        }

      if (!record->accepted)
        continue;

      take_max (&mission_statement, record->mission_statement);

      if (ccp_source_get_errors (record->source) > 0)
        {
          CcpReportItem *item = ccp_report_item_new ("flagged");
          g_autofree char *errors = uint_to_string (ccp_source_get_errors (record->source));
          g_autofree char *warnings = uint_to_string (ccp_source_get_warnings (record->source));

          ccp_report_item_set_code (item, "has-errors");
          ccp_report_item_set_file (item, ccp_source_get_file (record->source));
          ccp_report_item_set_city (item, ccp_source_get_city (record->source));
          ccp_report_item_set_country (item, ccp_source_get_country (record->source));
          ccp_report_item_add_value (item, "sha256", ccp_source_get_sha256 (record->source));
          ccp_report_item_add_value (item, "errors", errors);
          ccp_report_item_add_value (item, "warnings", warnings);
          g_ptr_array_add (report, item);
        }

      for (guint j = 0; j < record->activities->len; j++)
        {
          CcpActivity *activity = g_ptr_array_index (record->activities, j);
          const char *joint_ref = ccp_activity_get_joint_ref (activity);
          Copy *copy = g_new0 (Copy, 1);

          copy->activity = g_object_ref (activity);
          copy->activity_id = g_strdup (ccp_activity_get_id (activity));
          copy->record = record;
          copy->name_key = ccp_city_name_key (ccp_source_get_city (record->source));
          copy->city_key = copy_sort_key (copy);

          if (!str_empty (joint_ref))
            {
              GPtrArray *copies = g_hash_table_lookup (joint, joint_ref);

              if (copies == NULL)
                {
                  copies = g_ptr_array_new_with_free_func (copy_free);
                  g_hash_table_insert (joint, (gpointer) joint_ref, copies);
                  g_ptr_array_add (joint_order, copies);
                }
              g_ptr_array_add (copies, copy);
            }
          else
            {
              GPtrArray *copies = g_ptr_array_new_with_free_func (copy_free);

              g_ptr_array_add (copies, copy);
              g_ptr_array_add (outputs, new_output (copies));
            }
        }
    }

  for (guint i = 0; i < joint_order->len; i++)
    g_ptr_array_add (outputs, new_output (g_ptr_array_index (joint_order, i)));

  g_ptr_array_sort (outputs, compare_outputs);
  assign_ids (outputs);

  for (guint i = 0; i < outputs->len; i++)
    {
      Output *output = g_ptr_array_index (outputs, i);

      if (!str_empty (ccp_activity_get_joint_ref (output->activity)))
        report_joint (output, report);
    }
  report_possible_duplicates (outputs, report);

  roster = build_roster (self, records);
  report_missing (self, roster, records, report);

  g_ptr_array_sort (report, compare_report_items);

  /* The field plan itself. */
  field_plan = ccp_field_plan_new ();
  if (self->into != NULL)
    {
      ccp_field_plan_set_id (field_plan, ccp_field_plan_get_id (self->into));
      ccp_field_plan_set_status (field_plan, ccp_field_plan_get_status (self->into));
      take_max (&mission_statement, ccp_field_plan_get_mission_statement (self->into));
    }
  else
    {
      g_autofree char *id = self->network
                            ? g_strdup_printf ("network-%s", self->target_period)
                            : g_strdup_printf ("field-%s-%s", self->target_field,
                                               self->target_period);

      ccp_field_plan_set_id (field_plan, id);
      ccp_field_plan_set_status (field_plan, CCP_PLAN_STATUS_DRAFT);
    }

  /* The plan merged into keeps its coordinator; otherwise the first by name and email of the
   * field plans unpacked, a choice that does not depend on their order. */
  for (guint i = 0; i < self->absorbed->len; i++)
    {
      CcpFieldPlan *fp = g_ptr_array_index (self->absorbed, i);
      CcpContact *contact = ccp_field_plan_get_coordinator (fp);
      CcpContact *best;

      take_max (&mission_statement, ccp_field_plan_get_mission_statement (fp));
      if (contact == NULL || str_empty (ccp_contact_get_name (contact)))
        continue;
      if (coordinator_from != NULL && coordinator_from == self->into)
        continue;
      if (fp == self->into)
        {
          coordinator_from = fp;
          continue;
        }
      if (coordinator_from == NULL)
        {
          coordinator_from = fp;
          continue;
        }
      best = ccp_field_plan_get_coordinator (coordinator_from);
      if (strcmp (ccp_contact_get_name (contact), ccp_contact_get_name (best)) < 0 ||
          (g_str_equal (ccp_contact_get_name (contact), ccp_contact_get_name (best)) &&
           strcmp (ccp_contact_get_email (contact), ccp_contact_get_email (best)) < 0))
        coordinator_from = fp;
    }

  if (coordinator_from != NULL)
    {
      CcpContact *from = ccp_field_plan_get_coordinator (coordinator_from);
      CcpContact *to = ccp_field_plan_get_coordinator (field_plan);
      GListModel *deputies = G_LIST_MODEL (ccp_field_plan_get_deputies (coordinator_from));
      guint n = g_list_model_get_n_items (deputies);

      ccp_contact_set_name (to, ccp_contact_get_name (from));
      ccp_contact_set_city (to, ccp_contact_get_city (from));
      ccp_contact_set_country (to, ccp_contact_get_country (from));
      ccp_contact_set_email (to, ccp_contact_get_email (from));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CcpContact) deputy = g_list_model_get_item (deputies, i);
          g_autoptr(CcpContact) deputy_copy = ccp_contact_copy (deputy);

          g_list_store_append (ccp_field_plan_get_deputies (field_plan), deputy_copy);
        }
    }

  ccp_field_plan_set_revision (field_plan, 1);
  ccp_field_plan_set_modified (field_plan, self->consolidated);
  ccp_field_plan_set_consolidated (field_plan, self->consolidated);
  ccp_field_plan_set_field (field_plan, self->target_field);
  ccp_field_plan_set_period (field_plan, self->target_period);
  ccp_field_plan_set_mission_statement (field_plan, mission_statement != NULL
                                                    ? mission_statement
                                                    : CCP_MISSION_STATEMENT_CURRENT);

  splice_all (ccp_field_plan_get_roster (field_plan), roster);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);

      g_ptr_array_add (items, ccp_source_copy (record->source));
    }
  splice_all (ccp_field_plan_get_sources (field_plan), items);

  g_ptr_array_set_size (items, 0);
  for (guint i = 0; i < outputs->len; i++)
    {
      Output *output = g_ptr_array_index (outputs, i);

      g_ptr_array_add (items, g_object_ref (output->activity));
    }
  splice_all (ccp_field_plan_get_activities (field_plan), items);

  splice_all (ccp_field_plan_get_report (field_plan), report);

  return field_plan;
}

static void
update_inputs (CcpMerge *self)
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

CcpFieldPlan *
ccp_merge_run (CcpMerge  *self,
               GError   **error)
{
  g_autoptr(CcpFieldPlan) result = NULL;
  gboolean any_accepted = FALSE;
  GListModel *sources;
  guint n;

  g_return_val_if_fail (CCP_IS_MERGE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  /* A single run has let go of its inputs' bytes. */
  g_return_val_if_fail (!self->single_run || !self->has_run, NULL);

  self->has_run = TRUE;
  ccp_merge_reset_run (self);
  self->changed = FALSE;
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, record_free);
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
  read_inputs (self);

  if (!determine_target (self, error))
    return NULL;

  if (self->into != NULL)
    absorb_field_plan (self, self->into);
  add_inputs (self);

  result = compile (self);
  update_inputs (self);

  sources = G_LIST_MODEL (ccp_field_plan_get_sources (result));
  n = g_list_model_get_n_items (sources);
  for (guint i = 0; i < n && !any_accepted; i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

      any_accepted = ccp_source_get_status (source) == CCP_SOURCE_STATUS_ACCEPTED;
    }

  if (self->into == NULL && !any_accepted)
    {
      g_set_error_literal (error, CCP_MERGE_ERROR, CCP_MERGE_ERROR_NOTHING_USABLE,
                           _("No city plan could be merged: every file was refused"));
      return NULL;
    }

  if (self->into != NULL)
    {
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;

      ccp_field_plan_set_revision (result, ccp_field_plan_get_revision (self->into));
      ccp_field_plan_set_modified (result, ccp_field_plan_get_modified (self->into));
      ccp_field_plan_set_consolidated (result, ccp_field_plan_get_consolidated (self->into));
      before = ccp_writer_write_field_plan (self->into);
      after = ccp_writer_write_field_plan (result);
      self->changed = !g_bytes_equal (before, after);

      if (self->changed)
        {
          ccp_field_plan_set_revision (result, ccp_field_plan_get_revision (self->into) + 1);
          ccp_field_plan_set_modified (result, self->consolidated);
          ccp_field_plan_set_consolidated (result, self->consolidated);
        }
    }
  else
    self->changed = TRUE;

  return g_steal_pointer (&result);
}

/* In a thread, for the GUI: the merge of sixty plans must not freeze the window. */

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  CcpFieldPlan *result = ccp_merge_run (CCP_MERGE (source_object), &error);

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
  get_registry (self);
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

/* Sentences */

static const char *
value_or (CcpReportItem *item,
          const char    *name,
          const char    *fallback)
{
  const char *value = ccp_report_item_get_value (item, name);

  return value != NULL ? value : fallback;
}

static guint
value_uint (CcpReportItem *item,
            const char    *name)
{
  return (guint) g_ascii_strtoull (value_or (item, name, "0"), NULL, 10);
}

char *
ccp_merge_describe_city (CcpReportItem *item)
{
  const char *city, *country;

  g_return_val_if_fail (CCP_IS_REPORT_ITEM (item), NULL);

  city = ccp_report_item_get_city (item);
  country = ccp_report_item_get_country (item);
  if (str_empty (city))
    return g_strdup ("");
  if (str_empty (country))
    return g_strdup (city);
  /* Translators: a city and its country code, e.g. "Bologna (IT)" */
  return g_strdup_printf (_("%s (%s)"), city, country);
}

static const char *
detail_text (const char *detail)
{
  if (g_strcmp0 (detail, "empty") == 0)
    return _("the file is empty");
  if (g_strcmp0 (detail, "encoding") == 0)
    return _("the file is not UTF-8 text");
  if (g_strcmp0 (detail, "malformed") == 0)
    return _("the file is not well-formed XML");
  if (g_strcmp0 (detail, "forbidden") == 0)
    return _("the file has a DOCTYPE, an entity or an XInclude, which are refused");
  if (g_strcmp0 (detail, "newer-version") == 0)
    return _("the file was made by a newer version of Creative Cities Plans");
  if (g_strcmp0 (detail, "too-large") == 0)
    return _("the file is too large to be a plan");
  if (g_strcmp0 (detail, "not-a-plan") == 0)
    return _("the file is not a plan of this format");
  return _("the file cannot be read");
}

static const char *
field_text (const char *field)
{
  static const struct { const char *code; const char *label; } labels[] = {
    /* Translators: the parts of an activity, as named in the merge report */
    { "title", N_("title") },
    { "description", N_("description") },
    { "kind", N_("kind") },
    { "scope", N_("scope") },
    { "state", N_("state") },
    { "flagship", N_("flagship") },
    { "start-date", N_("start date") },
    { "end-date", N_("end date") },
    { "place", N_("place") },
    { "online", N_("online") },
    { "objectives", N_("objectives") },
    { "areas", N_("areas of action") },
    { "sdgs", N_("SDGs") },
    { "sdgs-none", N_("“no SDG” answer") },
    { "partner-cities", N_("partner cities") },
    { "partner-cities-none", N_("“no partner city” answer") },
    { "partner-organisations", N_("partner organisations") },
    { "partner-organisations-none", N_("“no partner organisation” answer") },
    { "budget-amount", N_("budget amount") },
    { "budget-currency", N_("budget currency") },
    { "budget-none", N_("“no budget” answer") },
    { "funding", N_("funding") },
    { "funding-none", N_("“no funding” answer") },
    { "results", N_("expected results") },
    { "results-none", N_("“no expected result” answer") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_strcmp0 (labels[i].code, field) == 0)
        return _(labels[i].label);
    }
  return field;
}

/* A stored value as people read it: lists joined, long text shortened. */
static char *
readable_value (const char *value)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (value[0] == '[')
    {
      g_autoptr(GPtrArray) rows = decode_json_rows (value, 3);

      if (rows == NULL)
        rows = decode_json_rows (value, 0);
      for (guint i = 0; rows != NULL && i < rows->len; i++)
        {
          char **row = g_ptr_array_index (rows, i);

          if (i > 0)
            g_string_append (text, "; ");
          for (guint j = 0; row[j] != NULL; j++)
            {
              if (*row[j] == '\0')
                continue;
              if (j > 0)
                g_string_append (text, ", ");
              g_string_append (text, row[j]);
            }
        }
      if (rows == NULL)
        g_string_append (text, value);
    }
  else
    g_string_append (text, value);

  if (g_utf8_strlen (text->str, -1) > 80)
    {
      const char *cut = g_utf8_offset_to_pointer (text->str, 77);

      g_string_truncate (text, cut - text->str);
      g_string_append (text, "…");
    }
  if (text->len == 0)
    /* Translators: an empty value in the merge report */
    g_string_append (text, _("(empty)"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
ccp_merge_describe_item (CcpReportItem *item)
{
  const char *kind, *code, *file;
  g_autofree char *city = NULL;

  g_return_val_if_fail (CCP_IS_REPORT_ITEM (item), NULL);

  kind = ccp_report_item_get_kind (item);
  code = ccp_report_item_get_code (item);
  file = ccp_report_item_get_file (item);
  city = ccp_merge_describe_city (item);

  if (g_str_equal (kind, "refused"))
    {
      const char *who = !str_empty (city) ? city : file;
      g_autofree char *subject = !str_empty (city)
                                 ? g_strdup_printf ("%s: %s", file, who) : g_strdup (file);

      if (g_str_equal (code, "unreadable"))
        /* Translators: %s is a file name, then why it cannot be read */
        return g_strdup_printf (_("%s: refused, %s"), subject,
                                detail_text (ccp_report_item_get_value (item, "detail")));
      if (g_str_equal (code, "not-a-city-plan"))
        return g_strdup_printf (_("%s: refused, it is not a city plan"), subject);
      /* An item made elsewhere without these values reads better as its parts. */
      if ((g_str_equal (code, "other-field") || g_str_equal (code, "other-period")) &&
          ccp_report_item_get_value (item, "found") == NULL)
        return NULL;
      if (g_str_equal (code, "other-field"))
        /* Translators: both %s after the colon are creative field codes */
        return g_strdup_printf (_("%s: refused, it is for the field “%s”, not “%s”"), subject,
                                value_or (item, "found", "?"), value_or (item, "expected", "?"));
      if (g_str_equal (code, "other-period"))
        return g_strdup_printf (_("%s: refused, it is for the period %s, not %s"), subject,
                                value_or (item, "found", "?"), value_or (item, "expected", "?"));
      if (g_str_equal (code, "has-errors"))
        {
          guint errors = value_uint (item, "errors");

          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s: refused, it has %u validation error "
                                               "(strict merge)",
                                               "%s: refused, it has %u validation errors "
                                               "(strict merge)", errors),
                                  subject, errors);
        }
      return NULL;
    }

  if (g_str_equal (kind, "superseded"))
    {
      guint count = value_uint (item, "activities");
      g_autofree char *lost = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u activity not merged",
                                                            "%u activities not merged", count),
                                               count);
      const char *by = ccp_report_item_get_value (item, "by-file");

      if (by == NULL)
        return g_strdup_printf (_("%s: %s, revision %s, superseded (%s)"), file, city,
                                value_or (item, "revision", "?"), lost);
      if (g_str_equal (code, "older-revision"))
        /* Translators: "bologna-v2.xml: Bologna (IT), revision 2, replaced by
         * bologna-v3.xml, revision 3 (4 activities not merged)" */
        return g_strdup_printf (_("%s: %s, revision %s, replaced by %s, revision %s (%s)"),
                                file, city, value_or (item, "revision", "?"), by,
                                value_or (item, "by-revision", "?"), lost);
      if (g_str_equal (code, "older-modified"))
        return g_strdup_printf (_("%s: %s, revision %s of %s, replaced by %s, the same "
                                  "revision modified later (%s) (%s)"),
                                file, city, value_or (item, "revision", "?"),
                                value_or (item, "modified", "?"), by,
                                value_or (item, "by-modified", "?"), lost);
      if (g_str_equal (code, "same-revision"))
        return g_strdup_printf (_("%s: %s, same revision and time as %s but different "
                                  "content; %s was kept (the choice is by SHA-256) (%s)"),
                                file, city, by, by, lost);
      return NULL;
    }

  if (g_str_equal (kind, "flagged") && g_str_equal (code, "has-errors"))
    {
      guint errors = value_uint (item, "errors");

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %s was accepted with %u validation error",
                                           "%s: %s was accepted with %u validation errors",
                                           errors),
                              file, city, errors);
    }

  if (g_str_equal (kind, "missing"))
    {
      if (g_str_equal (code, "no-plan"))
        /* Translators: %s is a member city, e.g. "Bologna (IT)" */
        return g_strdup_printf (_("%s has not sent a plan"), city);
      if (g_str_equal (code, "refused-only"))
        return g_strdup_printf (_("%s has no accepted plan: its file was refused"), city);
      return NULL;
    }

  if (g_str_equal (kind, "joint"))
    {
      const char *ref = ccp_report_item_get_joint_ref (item);

      if (g_str_equal (code, "merged"))
        {
          guint copies = value_uint (item, "copies");

          /* Translators: a joint activity reference, a number of cities, then their names */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Joint activity %s: %u copy merged (%s)",
                                               "Joint activity %s: %u copies merged (%s)",
                                               copies),
                                  ref, copies, value_or (item, "cities", ""));
        }
      if (g_str_equal (code, "one-copy"))
        return g_strdup_printf (_("Joint activity %s: only the copy of %s was received"),
                                ref, city);
      return NULL;
    }

  if (g_str_equal (kind, "joint-difference"))
    {
      g_autofree char *value = readable_value (value_or (item, "value", ""));
      g_autofree char *reference = readable_value (value_or (item, "reference", ""));

      /* Translators: "Joint activity REF, title: Liverpool (GB) has “A”, Bologna has “B”" */
      return g_strdup_printf (_("Joint activity %s, %s: %s has “%s”, %s has “%s”"),
                              ccp_report_item_get_joint_ref (item), field_text (code), city,
                              value, value_or (item, "reference-city", "?"), reference);
    }

  if (g_str_equal (kind, "possible-duplicate"))
    {
      g_autofree char *other = NULL;

      if (!str_empty (ccp_report_item_get_value (item, "other-country")))
        other = g_strdup_printf (_("%s (%s)"), value_or (item, "other-city", "?"),
                                 ccp_report_item_get_value (item, "other-country"));
      else
        other = g_strdup (value_or (item, "other-city", "?"));

      /* Translators: two activities of different cities with the same title and overlapping
       * dates, kept apart */
      return g_strdup_printf (_("“%s” of %s (%s) may be the same activity as “%s” of %s (%s): "
                                "not merged"),
                              value_or (item, "title", ""), city,
                              ccp_report_item_get_activity (item),
                              value_or (item, "other-title", ""), other,
                              value_or (item, "other-activity", "?"));
    }

  return NULL;
}
