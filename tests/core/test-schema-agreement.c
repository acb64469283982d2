/* test-schema-agreement.c: the schema and the validator agree.
 *
 * Valid plans and field plans (the examples, seeded random plans, field plans merged with the
 * core API) get one seeded random mutation each, through the field table (every row of an
 * activity and the items of its lists) or of a header field (document, city, contacts,
 * coordinator and deputies, roster): an empty value, white space, a value too long, a wrong
 * code, a value of the wrong type, a line break, a missing element (a list or value cleared).
 * The mutated model is written with the core writer and validated against the XSD in process;
 * whenever the XSD rejects it, the validator must report at least one error. Everything the
 * merge writes (what `ccplans merge` saves) must pass the XSD.
 */
#define G_LOG_DOMAIN "test-schema-agreement"

#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "ccp-core.h"
#include "ccp-test-util.h"

#define N_MUTATIONS 500
#define N_MERGED_MUTATIONS 80
#define MERGE_TIME "2026-12-01T10:00:00Z"

static xmlSchemaPtr schema;
/* The valid documents mutated, made once (Base). */
static GPtrArray *base_documents;

static void
schema_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  GString *errors = user_data;

  if (errors->len > 0)
    g_string_append (errors, "; ");
  g_string_append_printf (errors, "line %d: %s", error->line,
                          error->message != NULL ? g_strchomp (error->message) : "?");
}

/* NULL when the bytes validate against the XSD, else its messages. */
static char *
schema_errors (GBytes *bytes)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  xmlSchemaValidCtxtPtr ctxt;
  xmlDocPtr doc;
  int result;

  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                       "mutated.xml", "UTF-8", XML_PARSE_NONET);
  if (doc == NULL)
    return g_strdup ("not well-formed");

  ctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (ctxt, schema_error_cb, errors);
  result = xmlSchemaValidateDoc (ctxt, doc);
  xmlSchemaFreeValidCtxt (ctxt);
  xmlFreeDoc (doc);

  if (result == 0)
    return NULL;
  if (errors->len == 0)
    g_string_append_printf (errors, "validation failed with %d", result);
  return g_string_free (g_steal_pointer (&errors), FALSE);
}

static GBytes *
write_document (GObject *document)
{
  if (CCP_IS_PLAN (document))
    return ccp_writer_write_plan (CCP_PLAN (document));
  return ccp_writer_write_field_plan (CCP_FIELD_PLAN (document));
}

static GObject *
read_document (GBytes     *bytes,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  GObject *document = ccp_reader_read_bytes (bytes, name, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static GPtrArray *
validate (CcpValidator *validator,
          GObject      *document)
{
  if (CCP_IS_PLAN (document))
    return ccp_validator_check_plan (validator, CCP_PLAN (document));
  return ccp_validator_check_field_plan (validator, CCP_FIELD_PLAN (document));
}

static CcpItemList *
activities_of (GObject *document)
{
  if (CCP_IS_PLAN (document))
    return ccp_plan_get_activities (CCP_PLAN (document));
  return ccp_field_plan_get_activities (CCP_FIELD_PLAN (document));
}

/* Base documents */

typedef struct
{
  char   *name;
  GBytes *bytes;
} Base;

static void
base_free (gpointer data)
{
  Base *base = data;

  g_free (base->name);
  g_bytes_unref (base->bytes);
  g_free (base);
}

static void
add_base (GPtrArray  *bases,
          const char *name,
          GObject    *document)
{
  Base *base = g_new0 (Base, 1);
  g_autofree char *errors = NULL;

  base->name = g_strdup (name);
  base->bytes = write_document (document);
  errors = schema_errors (base->bytes);
  if (errors != NULL)
    g_error ("%s: the valid document does not pass the XSD: %s", name, errors);
  g_ptr_array_add (bases, base);
}

static GBytes *
example_bytes (const char *file)
{
  g_autofree char *path = g_build_filename (ccp_test_examples_dir (), file, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static const char *city_examples[] = {
  "bologna-music-2027-h1.xml",
  "liverpool-music-2027-h1.xml",
  "medellin-music-2027-h1.xml",
};

/* As `ccplans merge -o out.xml a.xml b.xml c.xml` (or `--into`) does it. */
static CcpFieldPlan *
merge_examples (CcpFieldPlan *into)
{
  g_autoptr(CcpMerge) merge = ccp_merge_new ();
  g_autoptr(GError) error = NULL;
  CcpFieldPlan *result;

  ccp_merge_set_consolidated (merge, MERGE_TIME);
  ccp_merge_set_into (merge, into);
  for (gsize i = 0; i < G_N_ELEMENTS (city_examples); i++)
    {
      g_autoptr(GBytes) bytes = example_bytes (city_examples[i]);

      ccp_merge_add_bytes (merge, city_examples[i], bytes);
    }
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static GPtrArray *
make_bases (void)
{
  GPtrArray *bases = g_ptr_array_new_with_free_func (base_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2027);
  g_autoptr(GBytes) field_plan_bytes = example_bytes ("music-2027-h1-field-plan.xml");
  g_autoptr(GObject) field_plan = read_document (field_plan_bytes, "field-plan.xml");
  g_autoptr(CcpFieldPlan) merged = merge_examples (NULL);
  g_autoptr(CcpFieldPlan) merged_into = merge_examples (CCP_FIELD_PLAN (field_plan));

  for (gsize i = 0; i < G_N_ELEMENTS (city_examples); i++)
    {
      g_autoptr(GBytes) bytes = example_bytes (city_examples[i]);
      g_autoptr(GObject) plan = read_document (bytes, city_examples[i]);

      add_base (bases, city_examples[i], plan);
    }
  add_base (bases, "music-2027-h1-field-plan.xml", field_plan);
  add_base (bases, "merged examples", G_OBJECT (merged));
  add_base (bases, "merged into the field plan", G_OBJECT (merged_into));
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, NULL, NULL, 3);
      g_autofree char *name = g_strdup_printf ("random plan %u", i);

      add_base (bases, name, G_OBJECT (plan));
    }
  return bases;
}

/* Hostile values */

typedef enum {
  MUTATION_EMPTY,
  MUTATION_BLANK,
  MUTATION_TOO_LONG,
  MUTATION_WRONG_CODE,
  MUTATION_WRONG_TYPE,
  MUTATION_LINE_BREAK,
  N_VALUE_MUTATIONS,
} ValueMutation;

static const char *mutation_names[] = {
  "empty", "blank", "too long", "wrong code", "wrong type", "line break",
};

static const char *blank_values[] = { " ", "   ", "\t", " \t " };
static const char *wrong_codes[] = {
  "zz-unknown", "99", "0", "7", "18", "XX", "xx", "eur", "EURO", "Music", "music ", "none",
};
static const char *wrong_types[] = {
  "abc", "12 000", "1,5", "-5", "10.125", "+5", ".5", "1e3", "2027-02-30", "2027-3-5",
  "27-03-01", "-bad id", "a b", "2026-11-20 09:30", "ünïcödé", "0.00", "00012", "bell\x07",
  "2027-H3", "ana.example.org", "a@b", "1.0", "-0",
};
static const char *line_breaks[] = { "two\nlines", "\n", "end\r\n", "a\rb", "\nstart" };

static char *
hostile_value (GRand         *rand,
               ValueMutation  mutation)
{
#define PICK(array) g_strdup (array[g_rand_int_range (rand, 0, G_N_ELEMENTS (array))])
  switch (mutation)
    {
    case MUTATION_EMPTY:
      return g_strdup ("");
    case MUTATION_BLANK:
      return PICK (blank_values);
    case MUTATION_TOO_LONG:
      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          return g_strnfill (129, 'a');        /* identifiers: 128 at most */
        case 1:
          return g_strnfill (65, 'b');         /* codes: 64 at most */
        default:
          return g_strnfill (2000, 'c');
        }
    case MUTATION_WRONG_CODE:
      return PICK (wrong_codes);
    case MUTATION_WRONG_TYPE:
      return PICK (wrong_types);
    case MUTATION_LINE_BREAK:
    default:
      return PICK (line_breaks);
    }
#undef PICK
}

/* Mutations of an activity, through the field table */

/* A valid value of an item field, for a new item. */
static const char *
valid_item_value (const CcpItemField *item)
{
  if (item->type != CCP_FIELD_TYPE_CODE)
    return "Valid text";
  if (g_str_equal (item->vocabulary, "country"))
    return "FR";
  return ccp_vocabulary_get_codes (ccp_vocabulary_get_default (), item->vocabulary)[0];
}

static void
mutate_list (GRand                  *rand,
             const CcpActivityField *field,
             CcpActivity            *activity,
             GString                *what)
{
  g_autoptr(GPtrArray) rows = ccp_activity_field_get_rows (field, activity);
  guint n_columns = 0;
  ValueMutation mutation;
  char **row;
  guint r, col;

  /* Missing element: no items at all. */
  if (g_rand_int_range (rand, 0, 6) == 0)
    {
      g_ptr_array_set_size (rows, 0);
      ccp_activity_field_set_rows (field, activity, rows);
      g_string_append_printf (what, "%s cleared", field->name);
      return;
    }

  if (field->items != NULL)
    while (field->items[n_columns].name != NULL)
      n_columns++;
  else
    n_columns = 1;

  if (rows->len == 0 || g_rand_boolean (rand))
    {
      row = g_new0 (char *, n_columns + 1);
      for (guint j = 0; j < n_columns; j++)
        row[j] = g_strdup (field->items != NULL ? valid_item_value (&field->items[j])
                                                : "Valid source");
      g_ptr_array_add (rows, row);
    }

  r = g_rand_int_range (rand, 0, rows->len);
  col = g_rand_int_range (rand, 0, n_columns);
  row = g_ptr_array_index (rows, r);
  mutation = g_rand_int_range (rand, 0, N_VALUE_MUTATIONS);
  g_free (row[col]);
  row[col] = hostile_value (rand, mutation);
  ccp_activity_field_set_rows (field, activity, rows);

  g_string_append_printf (what, "%s/%u/%s = “%s” (%s)", field->name, r,
                          field->items != NULL ? field->items[col].name : "text",
                          row[col], mutation_names[mutation]);
}

static void
mutate_activity (GRand       *rand,
                 CcpActivity *activity,
                 GString     *what)
{
  guint n_fields;
  const CcpActivityField *fields = ccp_activity_fields (&n_fields);
  const CcpActivityField *field = &fields[g_rand_int_range (rand, 0, n_fields)];
  ValueMutation mutation = g_rand_int_range (rand, 0, N_VALUE_MUTATIONS);
  g_autofree char *value = hostile_value (rand, mutation);

  switch (field->type)
    {
    case CCP_FIELD_TYPE_FLAG:
    case CCP_FIELD_TYPE_NONE_ANSWER:
      field->set_flag (activity, !field->get_flag (activity));
      g_string_append_printf (what, "%s toggled", field->name);
      break;

    case CCP_FIELD_TYPE_CODES:
    case CCP_FIELD_TYPE_TEXTS:
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          field->set_strv (activity, NULL);
          g_string_append_printf (what, "%s cleared", field->name);
        }
      else
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) values = NULL;

          if (g_rand_boolean (rand) && field->get_strv (activity) != NULL)
            g_strv_builder_addv (builder, (const char **) field->get_strv (activity));
          g_strv_builder_add (builder, value);
          values = g_strv_builder_end (builder);
          field->set_strv (activity, (const char * const *) values);
          g_string_append_printf (what, "%s += “%s” (%s)", field->name, value,
                                  mutation_names[mutation]);
        }
      break;

    case CCP_FIELD_TYPE_PARTNER_CITIES:
    case CCP_FIELD_TYPE_PARTNER_ORGANISATIONS:
    case CCP_FIELD_TYPE_RESULTS:
      mutate_list (rand, field, activity, what);
      break;

    default:
      field->set_string (activity, value);
      g_string_append_printf (what, "%s = “%s” (%s)", field->name, value,
                              mutation_names[mutation]);
      break;
    }
}

/* Mutations of the header fields */

typedef struct
{
  const char *name;
  void      (*set) (GObject *document, const char *value);
} HeaderField;

#define PLAN_SETTER(prop) \
  static void set_plan_##prop (GObject *d, const char *v) { ccp_plan_set_##prop (CCP_PLAN (d), v); }
#define FIELD_PLAN_SETTER(prop) \
  static void set_field_plan_##prop (GObject *d, const char *v) \
  { ccp_field_plan_set_##prop (CCP_FIELD_PLAN (d), v); }
#define COORDINATOR_SETTER(prop) \
  static void set_coordinator_##prop (GObject *d, const char *v) \
  { ccp_contact_set_##prop (ccp_field_plan_get_coordinator (CCP_FIELD_PLAN (d)), v); }

PLAN_SETTER (id)
PLAN_SETTER (modified)
PLAN_SETTER (city)
PLAN_SETTER (country)
PLAN_SETTER (field)
PLAN_SETTER (period)
PLAN_SETTER (mission_statement)
PLAN_SETTER (focal_point_name)
PLAN_SETTER (focal_point_email)
PLAN_SETTER (focal_point_phone)
PLAN_SETTER (representative_name)
PLAN_SETTER (representative_title)
PLAN_SETTER (representative_email)
FIELD_PLAN_SETTER (id)
FIELD_PLAN_SETTER (modified)
FIELD_PLAN_SETTER (field)
FIELD_PLAN_SETTER (period)
FIELD_PLAN_SETTER (mission_statement)
FIELD_PLAN_SETTER (consolidated)
COORDINATOR_SETTER (name)
COORDINATOR_SETTER (city)
COORDINATOR_SETTER (country)
COORDINATOR_SETTER (email)

static void
set_plan_revision (GObject    *document,
                   const char *value)
{
  ccp_plan_set_revision (CCP_PLAN (document), (guint) g_ascii_strtoull (value, NULL, 10));
}

static void
set_field_plan_revision (GObject    *document,
                         const char *value)
{
  ccp_field_plan_set_revision (CCP_FIELD_PLAN (document),
                               (guint) g_ascii_strtoull (value, NULL, 10));
}

/* A deputy like the coordinator, with one value replaced. */
static void
add_deputy (GObject    *document,
            const char *value,
            guint       which)
{
  g_autoptr(CcpContact) deputy = ccp_contact_new ();

  ccp_contact_set_name (deputy, which == 0 ? value : "Deputy Name");
  ccp_contact_set_city (deputy, which == 1 ? value : "Lyon");
  ccp_contact_set_country (deputy, which == 2 ? value : "FR");
  ccp_contact_set_email (deputy, which == 3 ? value : "deputy@example.org");
  ccp_item_list_append (ccp_field_plan_get_deputies (CCP_FIELD_PLAN (document)), deputy);
}

/* A member city of the roster, with one value replaced. */
static void
add_member (GObject    *document,
            const char *value,
            guint       which)
{
  g_autoptr(CcpPartner) member = ccp_partner_new_city (which == 0 ? value : "Lyon",
                                                       which == 1 ? value : "FR",
                                                       which == 2 ? value : "");

  ccp_item_list_append (ccp_field_plan_get_roster (CCP_FIELD_PLAN (document)), member);
}

static void set_member_name (GObject *d, const char *v) { add_member (d, v, 0); }
static void set_member_country (GObject *d, const char *v) { add_member (d, v, 1); }
static void set_member_field (GObject *d, const char *v) { add_member (d, v, 2); }
static void set_deputy_name (GObject *d, const char *v) { add_deputy (d, v, 0); }
static void set_deputy_city (GObject *d, const char *v) { add_deputy (d, v, 1); }
static void set_deputy_country (GObject *d, const char *v) { add_deputy (d, v, 2); }
static void set_deputy_email (GObject *d, const char *v) { add_deputy (d, v, 3); }

static const HeaderField plan_header[] = {
  { "id", set_plan_id },
  { "revision", set_plan_revision },
  { "modified", set_plan_modified },
  { "city", set_plan_city },
  { "country", set_plan_country },
  { "field", set_plan_field },
  { "period", set_plan_period },
  { "mission-statement", set_plan_mission_statement },
  { "focal-point-name", set_plan_focal_point_name },
  { "focal-point-email", set_plan_focal_point_email },
  { "focal-point-phone", set_plan_focal_point_phone },
  { "representative-name", set_plan_representative_name },
  { "representative-title", set_plan_representative_title },
  { "representative-email", set_plan_representative_email },
};

static const HeaderField field_plan_header[] = {
  { "id", set_field_plan_id },
  { "revision", set_field_plan_revision },
  { "modified", set_field_plan_modified },
  { "field", set_field_plan_field },
  { "period", set_field_plan_period },
  { "mission-statement", set_field_plan_mission_statement },
  { "consolidated", set_field_plan_consolidated },
  { "coordinator/name", set_coordinator_name },
  { "coordinator/city", set_coordinator_city },
  { "coordinator/country", set_coordinator_country },
  { "coordinator/email", set_coordinator_email },
  { "deputy/name", set_deputy_name },
  { "deputy/city", set_deputy_city },
  { "deputy/country", set_deputy_country },
  { "deputy/email", set_deputy_email },
  { "roster/name", set_member_name },
  { "roster/country", set_member_country },
  { "roster/field", set_member_field },
};

static void
mutate_header (GRand   *rand,
               GObject *document,
               GString *what)
{
  gboolean is_plan = CCP_IS_PLAN (document);
  const HeaderField *fields = is_plan ? plan_header : field_plan_header;
  guint n = is_plan ? G_N_ELEMENTS (plan_header) : G_N_ELEMENTS (field_plan_header);
  ValueMutation mutation = g_rand_int_range (rand, 0, N_VALUE_MUTATIONS);
  g_autofree char *value = hostile_value (rand, mutation);
  guint which = g_rand_int_range (rand, 0, n + 2);

  if (which == n)
    {
      /* The status: final is where the schema is a promise. */
      if (is_plan)
        ccp_plan_set_status (CCP_PLAN (document), CCP_PLAN_STATUS_FINAL);
      else
        ccp_field_plan_set_status (CCP_FIELD_PLAN (document), CCP_PLAN_STATUS_FINAL);
      g_string_append (what, "status = final");
    }
  else if (which == n + 1)
    {
      if (is_plan)
        {
          CcpPlan *plan = CCP_PLAN (document);

          ccp_plan_set_representative_none (plan, !ccp_plan_get_representative_none (plan));
          g_string_append (what, "representative-none toggled");
        }
      else
        {
          CcpContact *coordinator = ccp_field_plan_get_coordinator (CCP_FIELD_PLAN (document));

          /* Missing element: no coordinator. */
          ccp_contact_set_name (coordinator, "");
          ccp_contact_set_city (coordinator, "");
          ccp_contact_set_country (coordinator, "");
          ccp_contact_set_email (coordinator, "");
          g_string_append (what, "coordinator cleared");
        }
    }
  else
    {
      fields[which].set (document, value);
      g_string_append_printf (what, "%s = “%s” (%s)", fields[which].name, value,
                              mutation_names[mutation]);
    }
}

/* The property */

static void
test_mutations (void)
{
  g_autoptr(CcpValidator) validator = ccp_validator_new ();
  g_autoptr(GString) disagreements = g_string_new (NULL);
  guint n_rejected = 0, n_disagreements = 0;

  for (guint seed = 1; seed <= N_MUTATIONS; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      guint which = g_rand_int_range (rand, 0, base_documents->len);
      Base *base = g_ptr_array_index (base_documents, which);
      g_autoptr(GObject) document = read_document (base->bytes, base->name);
      CcpItemList *activities = activities_of (document);
      guint n_activities = g_list_model_get_n_items (G_LIST_MODEL (activities));
      g_autoptr(GString) what = g_string_new (NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) issues = NULL;
      g_autofree char *errors = NULL;

      if (n_activities > 0 && g_rand_int_range (rand, 0, 4) != 0)
        {
          guint index = g_rand_int_range (rand, 0, n_activities);
          g_autoptr(CcpActivity) activity =
            g_list_model_get_item (G_LIST_MODEL (activities), index);

          g_string_append_printf (what, "activities/%u/", index);
          mutate_activity (rand, activity, what);
        }
      else
        {
          mutate_header (rand, document, what);
        }

      bytes = write_document (document);
      errors = schema_errors (bytes);
      if (errors == NULL)
        continue;

      n_rejected++;
      issues = validate (validator, document);
      if (ccp_issues_count (issues, CCP_SEVERITY_ERROR) > 0)
        continue;

      n_disagreements++;
      g_string_append_printf (disagreements, "seed %u, %s: %s\n  XSD: %s\n",
                              seed, base->name, what->str, errors);
    }

  g_test_message ("%u mutations, %u rejected by the XSD, %u without a validator error",
                  N_MUTATIONS, n_rejected, n_disagreements);
  if (n_disagreements > 0)
    g_test_message ("The XSD rejects, the validator reports no error:\n%s", disagreements->str);
  g_assert_cmpuint (n_disagreements, ==, 0);
  /* The mutations do reach the schema's limits. */
  g_assert_cmpuint (n_rejected, >, N_MUTATIONS / 4);
}

/* A mutated city plan merged with the examples: the merge accepts drafts with errors, and
 * copies their values into the field plan; whenever the XSD rejects what it writes, the
 * validator reports an error on that field plan too. */
static void
test_merged_mutations (void)
{
  g_autoptr(CcpValidator) validator = ccp_validator_new ();
  g_autoptr(GString) disagreements = g_string_new (NULL);
  guint n_rejected = 0, n_disagreements = 0, n_merged = 0;

  for (guint seed = 1; seed <= N_MERGED_MUTATIONS; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      /* The examples come first among the base documents. */
      guint which = g_rand_int_range (rand, 0, G_N_ELEMENTS (city_examples));
      Base *base = g_ptr_array_index (base_documents, which);
      g_autoptr(GObject) document = read_document (base->bytes, base->name);
      CcpItemList *activities = activities_of (document);
      guint n_activities = g_list_model_get_n_items (G_LIST_MODEL (activities));
      guint index = g_rand_int_range (rand, 0, n_activities);
      g_autoptr(CcpActivity) activity = g_list_model_get_item (G_LIST_MODEL (activities), index);
      g_autoptr(GString) what = g_string_new (NULL);
      g_autoptr(GBytes) mutated = NULL;
      g_autoptr(CcpMerge) merge = ccp_merge_new ();
      g_autoptr(CcpFieldPlan) merged = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) issues = NULL;
      g_autofree char *errors = NULL;

      if (g_rand_boolean (rand))
        {
          g_string_append_printf (what, "activities/%u/", index);
          mutate_activity (rand, activity, what);
        }
      else
        {
          mutate_header (rand, document, what);
        }
      mutated = write_document (document);

      ccp_merge_set_consolidated (merge, MERGE_TIME);
      ccp_merge_set_field (merge, "music");
      ccp_merge_set_period (merge, "2027-H1");
      ccp_merge_add_bytes (merge, base->name, mutated);
      for (gsize i = 0; i < G_N_ELEMENTS (city_examples); i++)
        {
          g_autoptr(GBytes) example = NULL;

          if (g_str_equal (city_examples[i], base->name))
            continue;
          example = example_bytes (city_examples[i]);
          ccp_merge_add_bytes (merge, city_examples[i], example);
        }
      merged = ccp_merge_run (merge, NULL);
      g_assert_nonnull (merged);
      n_merged++;

      bytes = ccp_writer_write_field_plan (merged);
      errors = schema_errors (bytes);
      if (errors == NULL)
        continue;

      n_rejected++;
      issues = ccp_validator_check_field_plan (validator, merged);
      if (ccp_issues_count (issues, CCP_SEVERITY_ERROR) > 0)
        continue;

      n_disagreements++;
      g_string_append_printf (disagreements, "seed %u, %s: %s\n  XSD: %s\n",
                              seed, base->name, what->str, errors);
    }

  g_test_message ("%u merges of a mutated plan, %u rejected by the XSD, %u without a "
                  "validator error", n_merged, n_rejected, n_disagreements);
  if (n_disagreements > 0)
    g_test_message ("The XSD rejects the merged field plan, the validator reports no "
                    "error:\n%s", disagreements->str);
  g_assert_cmpuint (n_disagreements, ==, 0);
}

/* As `ccplans merge --field network a.xml b.xml` does it, with field plans as inputs. */
static CcpFieldPlan *
merge_network (CcpFieldPlan *a,
               CcpFieldPlan *b)
{
  g_autoptr(CcpMerge) merge = ccp_merge_new ();
  g_autoptr(GBytes) bytes_a = ccp_writer_write_field_plan (a);
  g_autoptr(GBytes) bytes_b = ccp_writer_write_field_plan (b);
  g_autoptr(GError) error = NULL;
  CcpFieldPlan *result;

  ccp_merge_set_consolidated (merge, MERGE_TIME);
  ccp_merge_set_field (merge, CCP_FIELD_NETWORK);
  ccp_merge_add_bytes (merge, "a.xml", bytes_a);
  ccp_merge_add_bytes (merge, "b.xml", bytes_b);
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* What the merge writes (ccplans merge, with and without --into, and a network overview)
 * passes the XSD; the base documents are checked as they are made. */
static void
test_merged_valid (void)
{
  g_autoptr(GBytes) field_plan_bytes = example_bytes ("music-2027-h1-field-plan.xml");
  g_autoptr(GObject) field_plan = read_document (field_plan_bytes, "field-plan.xml");
  g_autoptr(CcpFieldPlan) merged = merge_examples (NULL);
  g_autoptr(CcpFieldPlan) merged_into = merge_examples (CCP_FIELD_PLAN (field_plan));
  g_autoptr(CcpFieldPlan) remerged = merge_examples (merged);
  g_autoptr(CcpFieldPlan) network = merge_network (merged, CCP_FIELD_PLAN (field_plan));
  CcpFieldPlan *outputs[] = { merged, merged_into, remerged, network };

  for (gsize i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autoptr(GBytes) bytes = ccp_writer_write_field_plan (outputs[i]);
      g_autofree char *errors = schema_errors (bytes);

      if (errors != NULL)
        g_error ("merge output %" G_GSIZE_FORMAT " does not pass the XSD: %s", i, errors);
    }
}

int
main (int   argc,
      char *argv[])
{
  xmlSchemaParserCtxtPtr parser;
  int status;

  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("CCP_SCHEMA"));
  parser = xmlSchemaNewParserCtxt (g_getenv ("CCP_SCHEMA"));
  schema = xmlSchemaParse (parser);
  xmlSchemaFreeParserCtxt (parser);
  g_assert_nonnull (schema);

  base_documents = make_bases ();

  g_test_add_func ("/schema-agreement/merged-valid", test_merged_valid);
  g_test_add_func ("/schema-agreement/mutations", test_mutations);
  g_test_add_func ("/schema-agreement/merged-mutations", test_merged_mutations);

  status = g_test_run ();
  g_ptr_array_unref (base_documents);
  xmlSchemaFree (schema);
  return status;
}
