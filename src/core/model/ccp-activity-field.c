/* ccp-activity-field.c: the field table of an activity. */
#define G_LOG_DOMAIN "ccp-activity-field"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ccp-activity-field.h"
#include "ccp-activity.h"
#include "ccp-partner.h"
#include "ccp-result.h"

/* Item accessors: the table holds GObject * functions. */

#define ITEM_STRING(type, prefix, prop)                                        \
  static const char *item_get_##prefix##_##prop (GObject *item)               \
  { return ccp_##prefix##_get_##prop ((type *) item); }                       \
  static void item_set_##prefix##_##prop (GObject *item, const char *value)   \
  { ccp_##prefix##_set_##prop ((type *) item, value); }

ITEM_STRING (CcpPartner, partner, name)
ITEM_STRING (CcpPartner, partner, country)
ITEM_STRING (CcpPartner, partner, field)
ITEM_STRING (CcpPartner, partner, sector)
ITEM_STRING (CcpResult, result, outcome)
ITEM_STRING (CcpResult, result, indicator)

/* The last arguments: flags, then the rule prefix when it is not "<list's rule>-<name>". */
#define ITEM(n, t, voc, el, attr, prefix, prop, ...) \
  { n, CCP_FIELD_TYPE_##t, voc, el, attr, item_get_##prefix##_##prop, item_set_##prefix##_##prop, \
    __VA_ARGS__ }

#define REQUIRED CCP_FIELD_FLAGS_REQUIRED

static const CcpItemField partner_city_items[] = {
  ITEM ("name", LINE, NULL, NULL, NULL, partner, name, REQUIRED),
  ITEM ("country", CODE, "country", NULL, "country", partner, country, REQUIRED),
  ITEM ("field", CODE, "field", NULL, "field", partner, field, REQUIRED),
  { NULL }
};

static const CcpItemField organisation_items[] = {
  ITEM ("name", LINE, NULL, NULL, NULL, partner, name, REQUIRED),
  ITEM ("sector", CODE, "sector", NULL, "sector", partner, sector, REQUIRED, "partner-sector"),
  { NULL }
};

static const CcpItemField result_items[] = {
  ITEM ("outcome", TEXT, NULL, "outcome", NULL, result, outcome, REQUIRED),
  ITEM ("indicator", LINE, NULL, "indicator", NULL, result, indicator, 0),
  { NULL }
};

#define STRING_ACCESSORS(prop) \
  .get_string = ccp_activity_get_##prop, .set_string = ccp_activity_set_##prop
#define STRV_ACCESSORS(prop) \
  .get_strv = ccp_activity_get_##prop, .set_strv = ccp_activity_set_##prop
#define FLAG_ACCESSORS(prop) \
  .get_flag = ccp_activity_get_##prop, .set_flag = ccp_activity_set_##prop

#define SHARED   CCP_FIELD_SHARE_SHARED
#define PER_CITY CCP_FIELD_SHARE_PER_CITY
#define COMPARED CCP_FIELD_FLAGS_COMPARED
#define ALWAYS   CCP_FIELD_FLAGS_ALWAYS
#define IF_SET   CCP_FIELD_FLAGS_IF_SET

/* Keep in file order (see the header). Labels are the merge report's names of the fields. */
static const CcpActivityField fields[] = {
  { .name = "id", .heading = N_("Identifier"),
    .type = CCP_FIELD_TYPE_IDENTIFIER, .attribute = "id", .csv_column = "id",
    .label = N_("identifier"), .share = CCP_FIELD_SHARE_NONE, STRING_ACCESSORS (id),
    .flags = REQUIRED, .rule = "activity-id" },
  { .name = "kind", .heading = N_("Kind"),
    .type = CCP_FIELD_TYPE_CODE, .vocabulary = "kind", .attribute = "kind",
    .csv_column = "kind", .label = N_("kind"), .share = SHARED, .flags = COMPARED | REQUIRED,
    STRING_ACCESSORS (kind) },
  { .name = "scope", .heading = N_("Scope"),
    .type = CCP_FIELD_TYPE_CODE, .vocabulary = "scope", .attribute = "scope",
    .csv_column = "scope", .label = N_("scope"), .share = SHARED, .flags = COMPARED | REQUIRED,
    STRING_ACCESSORS (scope) },
  { .name = "state", .heading = N_("State"),
    .type = CCP_FIELD_TYPE_CODE, .vocabulary = "state", .attribute = "state",
    .csv_column = "state", .label = N_("state"), .share = SHARED, .flags = COMPARED | REQUIRED,
    STRING_ACCESSORS (state) },
  { .name = "flagship", .heading = N_("Flagship"),
    .type = CCP_FIELD_TYPE_FLAG, .attribute = "flagship",
    .csv_column = "flagship", .label = N_("flagship"), .share = SHARED,
    .flags = COMPARED | IF_SET, FLAG_ACCESSORS (flagship) },
  { .name = "joint-ref", .heading = N_("Joint reference"),
    .type = CCP_FIELD_TYPE_IDENTIFIER, .attribute = "joint-ref",
    .csv_column = "joint_ref", .label = N_("joint reference"), .share = CCP_FIELD_SHARE_NONE,
    .flags = IF_SET, STRING_ACCESSORS (joint_ref) },
  { .name = "title", .heading = N_("Title"),
    .type = CCP_FIELD_TYPE_LINE, .element = "title", .csv_column = "title",
    .label = N_("title"), .share = SHARED, .flags = COMPARED | ALWAYS | REQUIRED,
    STRING_ACCESSORS (title) },
  { .name = "description", .heading = N_("Description"),
    .type = CCP_FIELD_TYPE_TEXT, .element = "description",
    .csv_column = "description", .label = N_("description"), .share = SHARED,
    .flags = COMPARED | ALWAYS | REQUIRED, STRING_ACCESSORS (description) },
  { .name = "start-date", .heading = N_("Start date"),
    .type = CCP_FIELD_TYPE_DATE, .element = "start", .csv_column = "start",
    .label = N_("start date"), .share = SHARED, .flags = COMPARED | ALWAYS | REQUIRED,
    STRING_ACCESSORS (start_date) },
  { .name = "end-date", .heading = N_("End date"),
    .type = CCP_FIELD_TYPE_DATE, .element = "end", .csv_column = "end",
    .label = N_("end date"), .share = SHARED, .flags = COMPARED | ALWAYS | REQUIRED,
    STRING_ACCESSORS (end_date) },
  { .name = "place", .heading = N_("Place"),
    .type = CCP_FIELD_TYPE_LINE, .element = "place", .csv_column = "place",
    .label = N_("place"), .share = PER_CITY, .flags = COMPARED | ALWAYS,
    STRING_ACCESSORS (place) },
  { .name = "online", .heading = N_("Online"),
    .type = CCP_FIELD_TYPE_FLAG, .element = "place", .attribute = "online",
    .csv_column = "online", .label = N_("online"), .share = PER_CITY, .flags = COMPARED | IF_SET,
    FLAG_ACCESSORS (online) },
  { .name = "objectives", .heading = N_("Objectives"),
    .type = CCP_FIELD_TYPE_CODES, .vocabulary = "objective",
    .element = "objectives", .csv_column = "objectives", .label = N_("objectives"),
    .share = SHARED, .flags = COMPARED | ALWAYS | REQUIRED, STRV_ACCESSORS (objectives) },
  { .name = "areas", .heading = N_("Areas of action"),
    .type = CCP_FIELD_TYPE_CODES, .vocabulary = "area", .element = "areas",
    .csv_column = "areas", .label = N_("areas of action"), .share = SHARED,
    .flags = COMPARED | ALWAYS | REQUIRED, STRV_ACCESSORS (areas) },
  { .name = "sdgs", .heading = N_("SDGs"),
    .type = CCP_FIELD_TYPE_CODES, .vocabulary = "sdg", .element = "sdgs",
    .csv_column = "sdgs", .label = N_("SDGs"), .share = SHARED, .flags = COMPARED,
    STRV_ACCESSORS (sdgs) },
  { .name = "sdgs-none", .type = CCP_FIELD_TYPE_NONE_ANSWER, .element = "sdgs",
    .attribute = "none", .none_of = "sdgs", .csv_column = "sdgs_none",
    .label = N_("“no SDG” answer"), .share = SHARED, .flags = COMPARED | IF_SET,
    FLAG_ACCESSORS (sdgs_none) },
  { .name = "partner-cities", .heading = N_("Partner cities"),
    .type = CCP_FIELD_TYPE_PARTNER_CITIES, .element = "partner-cities",
    .item = "partner-city", .csv_column = "partner_cities", .label = N_("partner cities"),
    .share = PER_CITY, .flags = COMPARED, .get_list = ccp_activity_get_partner_cities,
    .items = partner_city_items, .rule = "partner-city" },
  { .name = "partner-cities-none", .type = CCP_FIELD_TYPE_NONE_ANSWER,
    .element = "partner-cities", .attribute = "none", .none_of = "partner-cities",
    .csv_column = "partner_cities_none", .label = N_("“no partner city” answer"),
    .share = PER_CITY, .flags = COMPARED | IF_SET, FLAG_ACCESSORS (partner_cities_none) },
  { .name = "partner-organisations", .heading = N_("Partner organisations"),
    .type = CCP_FIELD_TYPE_PARTNER_ORGANISATIONS,
    .element = "partner-organisations", .item = "organisation",
    .csv_column = "partner_organisations", .label = N_("partner organisations"),
    .share = PER_CITY, .flags = COMPARED, .get_list = ccp_activity_get_partner_organisations,
    .items = organisation_items, .rule = "partner-organisation" },
  { .name = "partner-organisations-none", .type = CCP_FIELD_TYPE_NONE_ANSWER,
    .element = "partner-organisations", .attribute = "none", .none_of = "partner-organisations",
    .csv_column = "partner_organisations_none",
    .label = N_("“no partner organisation” answer"), .share = PER_CITY,
    .flags = COMPARED | IF_SET, FLAG_ACCESSORS (partner_organisations_none) },
  { .name = "budget-amount", .heading = N_("Budget"),
    .type = CCP_FIELD_TYPE_AMOUNT, .element = "budget",
    .attribute = "amount", .csv_column = "budget_amount", .label = N_("budget amount"),
    .share = PER_CITY, .flags = COMPARED | IF_SET, STRING_ACCESSORS (budget_amount) },
  { .name = "budget-currency", .heading = N_("Currency"),
    .type = CCP_FIELD_TYPE_CURRENCY, .element = "budget",
    .attribute = "currency", .csv_column = "budget_currency", .label = N_("budget currency"),
    .share = PER_CITY, .flags = COMPARED | IF_SET, STRING_ACCESSORS (budget_currency) },
  { .name = "budget-none", .type = CCP_FIELD_TYPE_NONE_ANSWER, .element = "budget",
    .attribute = "none", .none_of = "budget-amount", .csv_column = "budget_none",
    .label = N_("“no budget” answer"), .share = PER_CITY, .flags = COMPARED | IF_SET,
    FLAG_ACCESSORS (budget_none) },
  { .name = "funding", .heading = N_("Funding"),
    .type = CCP_FIELD_TYPE_TEXTS, .element = "funding", .item = "source",
    .csv_column = "funding", .label = N_("funding"), .share = PER_CITY, .flags = COMPARED,
    STRV_ACCESSORS (funding), .rule = "funding-source" },
  { .name = "funding-none", .type = CCP_FIELD_TYPE_NONE_ANSWER, .element = "funding",
    .attribute = "none", .none_of = "funding", .csv_column = "funding_none",
    .label = N_("“no funding” answer"), .share = PER_CITY, .flags = COMPARED | IF_SET,
    FLAG_ACCESSORS (funding_none) },
  { .name = "results", .heading = N_("Expected results"),
    .type = CCP_FIELD_TYPE_RESULTS, .element = "results", .item = "result",
    .csv_column = "results", .label = N_("expected results"), .share = PER_CITY,
    .flags = COMPARED, .get_list = ccp_activity_get_results, .items = result_items,
    .rule = "result" },
  { .name = "results-none", .type = CCP_FIELD_TYPE_NONE_ANSWER, .element = "results",
    .attribute = "none", .none_of = "results", .csv_column = "results_none",
    .label = N_("“no expected result” answer"), .share = PER_CITY, .flags = COMPARED | IF_SET,
    FLAG_ACCESSORS (results_none) },
  /* The carried-over link (format 1.1): <carried-from plan= activity=/>, written when set; per
   * city, since each city's copy comes from its own previous plan. Not compared by the merge
   * (copies may come from different plans); not exported (the CSV keeps its columns). */
  { .name = "carried-from-plan", .heading = N_("Carried from plan"),
    .type = CCP_FIELD_TYPE_IDENTIFIER, .element = "carried-from", .attribute = "plan",
    .csv_column = "carried_from_plan", .label = N_("plan carried from"), .share = PER_CITY,
    .flags = IF_SET | CCP_FIELD_FLAGS_NO_EXPORT, STRING_ACCESSORS (carried_from_plan),
    .rule = "carried-from-plan" },
  { .name = "carried-from-activity", .heading = N_("Carried from activity"),
    .type = CCP_FIELD_TYPE_IDENTIFIER, .element = "carried-from", .attribute = "activity",
    .csv_column = "carried_from_activity", .label = N_("activity carried from"),
    .share = PER_CITY, .flags = IF_SET | CCP_FIELD_FLAGS_NO_EXPORT,
    STRING_ACCESSORS (carried_from_activity), .rule = "carried-from-activity" },
};

const CcpActivityField *
ccp_activity_fields (guint *n_fields)
{
  g_return_val_if_fail (n_fields != NULL, NULL);

  *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

const CcpActivityField *
ccp_activity_field_find (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_str_equal (fields[i].name, name))
        return &fields[i];
    }
  return NULL;
}

const CcpActivityField *
ccp_activity_field_none_of (const CcpActivityField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i].none_of != NULL && g_str_equal (fields[i].none_of, field->name))
        return &fields[i];
    }
  return NULL;
}

const char *
ccp_activity_field_get_label (const CcpActivityField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

const char *
ccp_activity_field_get_heading (const CcpActivityField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field->heading == NULL)
    return NULL;
  return g_dgettext (GETTEXT_PACKAGE, field->heading);
}

static gboolean
is_list (const CcpActivityField *field)
{
  return field->get_list != NULL;
}

static guint
n_columns (const CcpActivityField *field)
{
  guint n = 0;

  if (field->items == NULL)
    return 1;
  while (field->items[n].name != NULL)
    n++;
  return n;
}

static GObject *
new_item (const CcpActivityField *field)
{
  switch (field->type)
    {
    case CCP_FIELD_TYPE_PARTNER_CITIES:
      return G_OBJECT (ccp_partner_new_city ("", "", ""));
    case CCP_FIELD_TYPE_PARTNER_ORGANISATIONS:
      return G_OBJECT (ccp_partner_new_organisation ("", ""));
    case CCP_FIELD_TYPE_RESULTS:
      return G_OBJECT (ccp_result_new ("", ""));
    default:
      g_assert_not_reached ();
    }
}

GPtrArray *
ccp_activity_field_get_rows (const CcpActivityField *field,
                             CcpActivity            *activity)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint width = n_columns (field);

  g_return_val_if_fail (is_list (field) || field->type == CCP_FIELD_TYPE_TEXTS, rows);
  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), rows);

  if (field->type == CCP_FIELD_TYPE_TEXTS)
    {
      const char * const *texts = field->get_strv (activity);

      for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
        {
          char **row = g_new0 (char *, 2);

          row[0] = g_strdup (texts[i]);
          g_ptr_array_add (rows, row);
        }
      return rows;
    }

  GListModel *list = G_LIST_MODEL (field->get_list (activity));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      char **row = g_new0 (char *, width + 1);

      for (guint j = 0; j < width; j++)
        row[j] = g_strdup (field->items[j].get (item));
      g_ptr_array_add (rows, row);
    }
  return rows;
}

void
ccp_activity_field_set_rows (const CcpActivityField *field,
                             CcpActivity            *activity,
                             GPtrArray              *rows)
{
  guint width = n_columns (field);
  g_autoptr(GPtrArray) items = NULL;
  CcpItemList *store;

  g_return_if_fail (is_list (field) || field->type == CCP_FIELD_TYPE_TEXTS);
  g_return_if_fail (CCP_IS_ACTIVITY (activity));
  g_return_if_fail (rows != NULL);

  if (field->type == CCP_FIELD_TYPE_TEXTS)
    {
      g_autofree const char **texts = g_new (const char *, rows->len + 1);

      for (guint i = 0; i < rows->len; i++)
        {
          char **row = g_ptr_array_index (rows, i);

          texts[i] = row[0] != NULL ? row[0] : "";
        }
      texts[rows->len] = NULL;
      field->set_strv (activity, texts);
      return;
    }

  /* An empty list staying empty (a file's none="true") is no change: no signals, and the list
   * is not made. */
  if (rows->len == 0 && ccp_activity_peek_n_items (activity, field->get_list) == 0)
    return;

  items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      GObject *item = new_item (field);
      gboolean ended = FALSE;

      for (guint j = 0; j < width; j++)
        {
          ended = ended || row[j] == NULL;
          field->items[j].set (item, ended ? "" : row[j]);
        }
      g_ptr_array_add (items, item);
    }
  store = field->get_list (activity);
  if (ccp_item_list_get_n_items (store) == 0)
    ccp_item_list_take_all (store, items);
  else
    ccp_item_list_splice (store, 0, ccp_item_list_get_n_items (store), items->pdata,
                          items->len);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  guint i = 0;

  for (; a != NULL && b != NULL && a[i] != NULL && b[i] != NULL; i++)
    {
      if (!g_str_equal (a[i], b[i]))
        return FALSE;
    }
  return (a == NULL || a[i] == NULL) && (b == NULL || b[i] == NULL);
}

gboolean
ccp_activity_field_equal (const CcpActivityField *field,
                          CcpActivity            *a,
                          CcpActivity            *b)
{
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (CCP_IS_ACTIVITY (a) && CCP_IS_ACTIVITY (b), FALSE);

  if (field->get_string != NULL)
    return g_str_equal (field->get_string (a), field->get_string (b));
  if (field->get_flag != NULL)
    return !field->get_flag (a) == !field->get_flag (b);
  if (field->get_strv != NULL)
    return strv_equal (field->get_strv (a), field->get_strv (b));

  if (ccp_activity_peek_n_items (a, field->get_list) == 0 ||
      ccp_activity_peek_n_items (b, field->get_list) == 0)
    return ccp_activity_peek_n_items (a, field->get_list) ==
           ccp_activity_peek_n_items (b, field->get_list);

  {
    GListModel *la = G_LIST_MODEL (field->get_list (a));
    GListModel *lb = G_LIST_MODEL (field->get_list (b));
    guint n = g_list_model_get_n_items (la);
    guint width = n_columns (field);

    if (n != g_list_model_get_n_items (lb))
      return FALSE;
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GObject) ia = g_list_model_get_item (la, i);
        g_autoptr(GObject) ib = g_list_model_get_item (lb, i);

        for (guint j = 0; j < width; j++)
          {
            if (!g_str_equal (field->items[j].get (ia), field->items[j].get (ib)))
              return FALSE;
          }
      }
    return TRUE;
  }
}

gboolean
ccp_activity_field_is_empty (const CcpActivityField *field,
                             CcpActivity            *activity)
{
  g_return_val_if_fail (field != NULL, TRUE);
  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), TRUE);

  if (field->get_string != NULL)
    return *field->get_string (activity) == '\0';
  if (field->get_flag != NULL)
    return !field->get_flag (activity);
  if (field->get_strv != NULL)
    {
      const char * const *strv = field->get_strv (activity);

      return strv == NULL || strv[0] == NULL;
    }
  return ccp_activity_peek_n_items (activity, field->get_list) == 0;
}

void
ccp_activity_field_copy (const CcpActivityField *field,
                         CcpActivity            *from,
                         CcpActivity            *to)
{
  g_return_if_fail (field != NULL);
  g_return_if_fail (CCP_IS_ACTIVITY (from) && CCP_IS_ACTIVITY (to));

  if (field->get_string != NULL)
    field->set_string (to, field->get_string (from));
  else if (field->get_flag != NULL)
    field->set_flag (to, field->get_flag (from));
  else if (field->get_strv != NULL)
    field->set_strv (to, field->get_strv (from));
  else
    {
      g_autoptr(GPtrArray) rows = ccp_activity_field_get_rows (field, from);

      ccp_activity_field_set_rows (field, to, rows);
    }
}

char *
ccp_activity_field_to_string (const CcpActivityField *field,
                              CcpActivity            *activity)
{
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), NULL);

  if (field->get_string != NULL)
    return g_strdup (field->get_string (activity));
  if (field->get_flag != NULL)
    return g_strdup (field->get_flag (activity) ? "true" : "false");
  if (field->type == CCP_FIELD_TYPE_CODES)
    {
      const char * const *codes = field->get_strv (activity);

      return codes != NULL ? g_strjoinv (" ", (char **) codes) : g_strdup ("");
    }
  return NULL;
}

gboolean
ccp_activity_field_from_string (const CcpActivityField *field,
                                CcpActivity            *activity,
                                const char             *value)
{
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (field->set_string != NULL)
    {
      field->set_string (activity, value);
      return TRUE;
    }
  if (field->set_flag != NULL)
    {
      if (!g_str_equal (value, "true") && !g_str_equal (value, "false"))
        return FALSE;
      field->set_flag (activity, g_str_equal (value, "true"));
      return TRUE;
    }
  if (field->type == CCP_FIELD_TYPE_CODES)
    {
      char *copy_end = NULL;
      /* Split on the separators in a copy, without a string per code: the setter copies. */
      g_autofree char *copy = g_strdup (value);
      const char *stack[32];
      g_autoptr(GPtrArray) more = NULL;
      guint n = 0;

      for (char *code = strtok_r (copy, " \t\n\r", &copy_end); code != NULL;
           code = strtok_r (NULL, " \t\n\r", &copy_end))
        {
          if (more == NULL && n < G_N_ELEMENTS (stack) - 1)
            {
              stack[n++] = code;
              continue;
            }
          if (more == NULL)
            {
              more = g_ptr_array_new ();
              for (guint i = 0; i < n; i++)
                g_ptr_array_add (more, (gpointer) stack[i]);
            }
          g_ptr_array_add (more, code);
        }
      if (more != NULL)
        {
          g_ptr_array_add (more, NULL);
          field->set_strv (activity, (const char * const *) more->pdata);
        }
      else
        {
          stack[n] = NULL;
          field->set_strv (activity, stack);
        }
      return TRUE;
    }
  return FALSE;
}

gboolean
ccp_activity_field_item_is_optional (const CcpActivityField *field,
                                     const CcpItemField     *item_field)
{
  g_return_val_if_fail (field != NULL && field->items != NULL, FALSE);
  g_return_val_if_fail (item_field != NULL, FALSE);

  if (item_field->element == NULL)
    return FALSE;
  for (const CcpItemField *f = field->items; f != item_field && f->name != NULL; f++)
    {
      if (f->element != NULL)
        return TRUE;
    }
  return FALSE;
}
