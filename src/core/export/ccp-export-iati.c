/* ccp-export-iati.c: IATI 2.03 activity XML of a city plan or a field plan.
 *
 * The mapping, element by element, and what is done where IATI asks for something a plan does
 * not hold, is data/schema/iati-mapping.md; keep the two together. The output depends only on the
 * document and the options (no clock, no locale), so the same plan gives the same bytes.
 */
#define G_LOG_DOMAIN "ccp-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-activity-field.h"
#include "ccp-contact.h"
#include "ccp-error.h"
#include "ccp-export.h"
#include "ccp-export-private.h"
#include "ccp-field-plan.h"
#include "ccp-partner.h"
#include "ccp-plan.h"
#include "ccp-result.h"
#include "ccp-stats.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)

/* Our coded vocabularies are IATI "reporting organisation" vocabularies (code 99), told apart
 * by their URI: data/vocabularies.xml defines them. */
#define VOCABULARY_URI_PREFIX "urn:creativecities:plans:1:vocabulary:"
#define IATI_VOCABULARY_REPORTING_ORG "99"
#define IATI_SECTOR_VOCABULARY_DAC "1"
#define IATI_TAG_VOCABULARY_SDG "2"
/* OECD DAC 5-digit purpose code "Culture and recreation": every activity of a creative city. */
#define DAC_SECTOR_CULTURE "16061"

typedef struct {
  xmlTextWriter *writer;
  GObject       *document;
  const char    *org_ref;
  const char    *org_type;
  const char    *org_name;
  const char    *language;
  char          *updated;           /* xs:dateTime of the document, or NULL */
  gboolean       has_period;
  GDate          period_first;
  GDate          period_last;
  gboolean       failed;            /* the writer ran out of memory */
} Export;

/* Model strings are UTF-8, but a plan built in memory may hold characters that XML 1.0 cannot
 * carry (C0 controls but tab and line ends, U+FFFE, U+FFFF): they become U+FFFD, as in the plan
 * files (ccp-markup.h), so that the change shows. */
static char *
xml_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        c = 0xFFFD;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
start (Export     *e,
       const char *element)
{
  e->failed |= xmlTextWriterStartElement (e->writer, BAD_CAST element) < 0;
}

static void
end (Export *e)
{
  e->failed |= xmlTextWriterEndElement (e->writer) < 0;
}

static void
attribute (Export     *e,
           const char *name,
           const char *value)
{
  g_autofree char *clean = xml_text (value);

  e->failed |= xmlTextWriterWriteAttribute (e->writer, BAD_CAST name, BAD_CAST clean) < 0;
}

static void
text (Export     *e,
      const char *value)
{
  g_autofree char *clean = xml_text (value);

  e->failed |= xmlTextWriterWriteString (e->writer, BAD_CAST clean) < 0;
}

static void
narrative (Export     *e,
           const char *value)
{
  start (e, "narrative");
  attribute (e, "xml:lang", e->language);
  text (e, value);
  end (e);
}

/* <element><narrative>value</narrative></element> */
static void
text_element (Export     *e,
              const char *element,
              const char *value)
{
  start (e, element);
  narrative (e, value);
  end (e);
}

/* YYYY-MM-DD, whatever the locale. */
static void
format_date (const GDate *date,
             char         buffer[16])
{
  g_snprintf (buffer, 16, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

static void
date_attribute (Export      *e,
                const char  *name,
                const GDate *date)
{
  char buffer[16];

  format_date (date, buffer);
  attribute (e, name, buffer);
}

/* <element iso-date="YYYY-MM-DD"/> */
static void
iso_date_element (Export      *e,
                  const char  *element,
                  const GDate *date)
{
  start (e, element);
  date_attribute (e, "iso-date", date);
  end (e);
}

/* IATI identifiers may not hold spaces, / & | or ?: anything but letters, digits and ._:-~ is
 * percent-encoded, so that different identifiers stay different. */
static char *
iati_identifier (Export     *e,
                 const char *stable_id)
{
  g_autofree char *escaped = g_uri_escape_string (stable_id, "._:-", FALSE);

  return g_strdup_printf ("%s-%s", e->org_ref, escaped);
}

/* The stable identifier of an activity: the field plan's own identifier of it ("PLAN.ID", or
 * the joint reference), which a city plan's activity gets as "PLAN.ID" too, so that exporting
 * the city plan and the field plan names an activity the same. */
static char *
stable_id (Export      *e,
           CcpActivity *activity)
{
  if (CCP_IS_PLAN (e->document))
    return g_strdup_printf ("%s.%s", ccp_plan_get_id (CCP_PLAN (e->document)),
                            ccp_activity_get_id (activity));
  return g_strdup (ccp_activity_get_id (activity));
}

/* IATI ActivityStatus: 1 pipeline/identification, 2 implementation, 5 cancelled, 6 suspended.
 * An activity carried over from the previous period has not been carried out yet: pipeline. */
static const char *
activity_status (const char *state)
{
  if (g_str_equal (state, "ongoing"))
    return "2";
  if (g_str_equal (state, "cancelled"))
    return "5";
  if (g_str_equal (state, "postponed"))
    return "6";
  return "1";
}

/* IATI ActivityScope: 3 multi-national; 7 sub-national, single second-level administrative
 * area (a city). */
static const char *
activity_scope (const char *scope)
{
  if (g_str_equal (scope, "international"))
    return "3";
  if (g_str_equal (scope, "local"))
    return "7";
  return NULL;
}

/* IATI OrganisationType of a partner organisation's sector. */
static const char *
organisation_type (const char *sector)
{
  static const char * const types[][2] = {
    { "public", "15" },         /* other public sector */
    { "private", "70" },        /* private sector */
    { "civil-society", "22" },  /* national NGO */
    { "academic", "80" },       /* academic, training and research */
    { "unesco-un", "40" },      /* multilateral */
    { "other", "90" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    {
      if (g_str_equal (sector, types[i][0]))
        return types[i][1];
    }
  return NULL;
}

static void
participating_org (Export     *e,
                   const char *role,
                   const char *type,
                   const char *name)
{
  start (e, "participating-org");
  attribute (e, "role", role);
  if (type != NULL)
    attribute (e, "type", type);
  narrative (e, name);
  end (e);
}

/* The activity's planned dates, falling back to the plan's period where a date is missing or
 * not a date; FALSE when neither is there. */
static gboolean
planned_dates (Export      *e,
               CcpActivity *activity,
               GDate       *first,
               GDate       *last)
{
  gboolean has_first = ccp_date_parse (ccp_activity_get_start_date (activity), first);
  gboolean has_last = ccp_date_parse (ccp_activity_get_end_date (activity), last);

  if (!has_first && e->has_period)
    *first = e->period_first, has_first = TRUE;
  if (!has_last && e->has_period)
    *last = e->period_last, has_last = TRUE;
  if (!has_first && has_last)
    *first = *last, has_first = TRUE;
  if (has_first && !has_last)
    *last = *first, has_last = TRUE;
  return has_first && has_last;
}

static void
write_contact (Export *e)
{
  const char *organisation, *name, *phone, *email;

  if (CCP_IS_PLAN (e->document))
    {
      CcpPlan *plan = CCP_PLAN (e->document);

      organisation = ccp_plan_get_city (plan);
      name = ccp_plan_get_focal_point_name (plan);
      phone = ccp_plan_get_focal_point_phone (plan);
      email = ccp_plan_get_focal_point_email (plan);
    }
  else
    {
      CcpContact *coordinator = ccp_field_plan_get_coordinator (CCP_FIELD_PLAN (e->document));

      organisation = ccp_contact_get_city (coordinator);
      name = ccp_contact_get_name (coordinator);
      phone = "";
      email = ccp_contact_get_email (coordinator);
    }
  if (*name == '\0' && *phone == '\0' && *email == '\0')
    return;

  start (e, "contact-info");
  attribute (e, "type", "1");  /* general enquiries */
  if (*organisation != '\0')
    text_element (e, "organisation", organisation);
  if (*name != '\0')
    text_element (e, "person-name", name);
  if (*phone != '\0')
    {
      start (e, "telephone");
      text (e, phone);
      end (e);
    }
  if (*email != '\0')
    {
      start (e, "email");
      text (e, email);
      end (e);
    }
  end (e);
}

/* A percentage for each of n codes of one vocabulary, adding up to exactly 100. */
static char *
share_percentage (guint i,
                  guint n)
{
  guint hundredths = 10000 / n + (i == n - 1 ? 10000 % n : 0);

  if (n == 1)
    return g_strdup ("100");
  return g_strdup_printf ("%u.%02u", hundredths / 100, hundredths % 100);
}

static void
write_sectors (Export *e,
               GArray *cities)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  start (e, "sector");
  attribute (e, "vocabulary", IATI_SECTOR_VOCABULARY_DAC);
  attribute (e, "code", DAC_SECTOR_CULTURE);
  attribute (e, "percentage", "100");
  end (e);

  for (guint i = 0; i < cities->len; i++)
    {
      const char *field = g_array_index (cities, CcpExportCity, i).field;

      if (*field != '\0' && !g_ptr_array_find_with_equal_func (fields, field, g_str_equal, NULL))
        g_ptr_array_add (fields, (gpointer) field);
    }
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *percentage = share_percentage (i, fields->len);

      start (e, "sector");
      attribute (e, "vocabulary", IATI_VOCABULARY_REPORTING_ORG);
      attribute (e, "vocabulary-uri", VOCABULARY_URI_PREFIX "field");
      attribute (e, "code", g_ptr_array_index (fields, i));
      attribute (e, "percentage", percentage);
      end (e);
    }
}

static void
tag (Export     *e,
     const char *vocabulary,
     const char *uri,
     const char *code)
{
  start (e, "tag");
  attribute (e, "vocabulary", vocabulary);
  if (uri != NULL)
    attribute (e, "vocabulary-uri", uri);
  attribute (e, "code", code);
  end (e);
}

/* The fields that become tags: walked from the field table, so that each keeps its vocabulary. */
static void
write_tags (Export      *e,
            CcpActivity *activity)
{
  static const char * const tagged[] = { "kind", "objectives", "areas", "sdgs" };

  for (gsize i = 0; i < G_N_ELEMENTS (tagged); i++)
    {
      const CcpActivityField *field = ccp_activity_field_find (tagged[i]);
      g_autofree char *uri = g_strconcat (VOCABULARY_URI_PREFIX, field->vocabulary, NULL);
      gboolean sdg = g_str_equal (field->vocabulary, "sdg");
      const char *vocabulary = sdg ? IATI_TAG_VOCABULARY_SDG : IATI_VOCABULARY_REPORTING_ORG;

      if (field->type == CCP_FIELD_TYPE_CODE)
        {
          const char *code = field->get_string (activity);

          if (*code != '\0')
            tag (e, vocabulary, uri, code);
        }
      else
        {
          const char * const *codes = field->get_strv (activity);

          for (guint j = 0; codes != NULL && codes[j] != NULL; j++)
            tag (e, vocabulary, sdg ? NULL : uri, codes[j]);
        }
    }
}

/* Currency codes are three capital letters (ISO 4217). */
static gboolean
currency_is_valid (const char *currency)
{
  return strlen (currency) == 3 && g_ascii_isupper (currency[0]) &&
         g_ascii_isupper (currency[1]) && g_ascii_isupper (currency[2]);
}

/* One indicative budget, over the activity's planned dates but at most a year (IATI's rule):
 * the value date is the first day. An amount that is not a number, or one without a currency,
 * is left out (the validator reports it). */
static void
write_budget (Export      *e,
              CcpActivity *activity,
              const GDate *first,
              const GDate *last)
{
  const char *currency = ccp_activity_get_budget_currency (activity);
  g_autofree char *value = NULL;
  GDate period_end = *last;
  GDate year_end = *first;
  gint64 cents;

  if (!ccp_stats_parse_amount (ccp_activity_get_budget_amount (activity), &cents) ||
      !currency_is_valid (currency))
    return;

  g_date_add_years (&year_end, 1);
  g_date_subtract_days (&year_end, 1);
  if (g_date_compare (&period_end, &year_end) > 0)
    period_end = year_end;
  if (g_date_compare (&period_end, first) < 0)
    period_end = *first;

  value = ccp_stats_format_cents (cents);
  start (e, "budget");
  attribute (e, "type", "1");    /* original */
  attribute (e, "status", "1");  /* indicative */
  iso_date_element (e, "period-start", first);
  iso_date_element (e, "period-end", &period_end);
  start (e, "value");
  attribute (e, "currency", currency);
  date_attribute (e, "value-date", first);
  text (e, value);
  end (e);
  end (e);
}

/* A joint activity: in a city plan, its joint reference is the parent; in a field plan, each
 * city's copy ("PLAN.ID") is a child, unless it is the activity itself. */
static void
write_related (Export      *e,
               CcpActivity *activity,
               GArray      *cities,
               const char  *own_id)
{
  const char *joint_ref = ccp_activity_get_joint_ref (activity);

  if (CCP_IS_PLAN (e->document))
    {
      if (*joint_ref != '\0')
        {
          g_autofree char *ref = iati_identifier (e, joint_ref);

          start (e, "related-activity");
          attribute (e, "ref", ref);
          attribute (e, "type", "1");  /* parent */
          end (e);
        }
      return;
    }

  for (guint i = 0; i < cities->len; i++)
    {
      CcpExportCity *city = &g_array_index (cities, CcpExportCity, i);
      g_autofree char *copy = g_strdup_printf ("%s.%s", city->plan_id, city->activity_id);
      g_autofree char *ref = NULL;

      if (g_str_equal (copy, own_id))
        continue;
      ref = iati_identifier (e, copy);
      start (e, "related-activity");
      attribute (e, "ref", ref);
      attribute (e, "type", "2");  /* child */
      end (e);
    }
}

/* A joint activity's cities each bring their own partners, places and results: what a city
 * repeats from a city before it is written once (each city's own list stays as it is). Keys are
 * added to seen once a city is done, so that only earlier cities count. */
typedef struct {
  GHashTable *seen;   /* keys of the cities before */
  GPtrArray  *mine;   /* keys of this city's */
} Once;

static void
once_init (Once *once)
{
  once->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  once->mine = g_ptr_array_new ();
}

static void
once_clear (Once *once)
{
  g_hash_table_unref (once->seen);
  g_ptr_array_free (once->mine, TRUE);
}

/* Whether this city should write what key names (not written by a city before). */
static gboolean
once_take (Once       *once,
           const char *kind,
           const char *a,
           const char *b)
{
  char *key = g_strjoin ("\x1f", kind, a, b, NULL);

  if (g_hash_table_contains (once->seen, key))
    {
      g_free (key);
      return FALSE;
    }
  g_ptr_array_add (once->mine, key);
  return TRUE;
}

/* The city is done: its keys count for the cities after it. */
static void
once_next_city (Once *once)
{
  for (guint i = 0; i < once->mine->len; i++)
    g_hash_table_add (once->seen, g_ptr_array_index (once->mine, i));
  g_ptr_array_set_size (once->mine, 0);
}

/* The contributions of an activity: each city's in a field plan, else the activity itself. */
static GPtrArray *
contributions_of (CcpActivity *activity,
                  GArray      *cities)
{
  GPtrArray *contributions = g_ptr_array_new ();

  for (guint i = 0; i < cities->len; i++)
    {
      CcpAttribution *attribution = g_array_index (cities, CcpExportCity, i).attribution;

      if (attribution != NULL)
        g_ptr_array_add (contributions, ccp_attribution_get_values (attribution));
    }
  if (contributions->len == 0)
    g_ptr_array_add (contributions, activity);
  return contributions;
}

/* Expected results are outcomes (type 2) with one qualitative indicator (measure 5): the
 * indicator is free text. IATI needs an indicator title: a result without indicator repeats
 * its outcome. */
static void
write_results (Export    *e,
               GPtrArray *contributions)
{
  Once once;

  once_init (&once);
  for (guint c = 0; c < contributions->len; c++, once_next_city (&once))
    {
      GListModel *results = G_LIST_MODEL (ccp_activity_get_results (contributions->pdata[c]));

      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(CcpResult) result = g_list_model_get_item (results, i);
          const char *outcome = ccp_result_get_outcome (result);
          const char *indicator = ccp_result_get_indicator (result);

          if (!once_take (&once, "result", outcome, indicator))
            continue;
          start (e, "result");
          attribute (e, "type", "2");
          text_element (e, "title", outcome);
          start (e, "indicator");
          attribute (e, "measure", "5");
          text_element (e, "title", *indicator != '\0' ? indicator : outcome);
          end (e);
          end (e);
        }
    }
  once_clear (&once);
}

static gboolean
is_own_city (GArray     *cities,
             CcpPartner *partner)
{
  for (guint j = 0; j < cities->len; j++)
    {
      CcpExportCity *city = &g_array_index (cities, CcpExportCity, j);

      if (g_str_equal (city->city, ccp_partner_get_name (partner)) &&
          g_str_equal (city->country, ccp_partner_get_country (partner)))
        return TRUE;
    }
  return FALSE;
}

/* Funders, then the activity's cities, partner cities and partner organisations, each kind
 * for every city in turn (the order of a city plan's export). */
static void
write_partners (Export    *e,
                GPtrArray *contributions,
                GArray    *cities)
{
  guint written = 0;
  Once once;

  once_init (&once);
  for (guint c = 0; c < contributions->len; c++, once_next_city (&once))
    {
      const char * const *funding = ccp_activity_get_funding (contributions->pdata[c]);

      for (guint i = 0; funding != NULL && funding[i] != NULL; i++, written++)
        if (once_take (&once, "funding", funding[i], NULL))
          participating_org (e, "1", NULL, funding[i]);  /* funding */
    }
  for (guint i = 0; i < cities->len; i++, written++)
    participating_org (e, "4", "11", g_array_index (cities, CcpExportCity, i).city);
  for (guint c = 0; c < contributions->len; c++, once_next_city (&once))
    {
      GListModel *partners = G_LIST_MODEL (ccp_activity_get_partner_cities (
                                             contributions->pdata[c]));

      for (guint i = 0; i < g_list_model_get_n_items (partners); i++, written++)
        {
          g_autoptr(CcpPartner) partner = g_list_model_get_item (partners, i);

          /* In a joint activity, a city's partner is often one of its own cities. */
          if (!is_own_city (cities, partner) &&
              once_take (&once, "city", ccp_partner_get_name (partner),
                         ccp_partner_get_country (partner)))
            participating_org (e, "4", "11", ccp_partner_get_name (partner));
        }
    }
  for (guint c = 0; c < contributions->len; c++, once_next_city (&once))
    {
      GListModel *partners = G_LIST_MODEL (ccp_activity_get_partner_organisations (
                                             contributions->pdata[c]));

      for (guint i = 0; i < g_list_model_get_n_items (partners); i++, written++)
        {
          g_autoptr(CcpPartner) partner = g_list_model_get_item (partners, i);
          const char *type = organisation_type (ccp_partner_get_sector (partner));

          if (once_take (&once, "organisation", ccp_partner_get_name (partner), type))
            participating_org (e, "4", type, ccp_partner_get_name (partner));
        }
    }
  once_clear (&once);
  /* IATI needs one participating organisation: a field-plan activity attributed to no city is
   * the reporting organisation's own. */
  if (written == 0)
    participating_org (e, "2", e->org_type, e->org_name);  /* accountable */
}

/* Each city's place (a place named by a city before is not repeated). */
static void
write_locations (Export    *e,
                 GPtrArray *contributions)
{
  Once once;

  once_init (&once);
  for (guint c = 0; c < contributions->len; c++, once_next_city (&once))
    {
      const char *place = ccp_activity_get_place (contributions->pdata[c]);

      if (*place == '\0' || !once_take (&once, "place", place, NULL))
        continue;
      start (e, "location");
      text_element (e, "name", place);
      end (e);
    }
  once_clear (&once);
}

static void
write_activity (Export      *e,
                CcpActivity *activity,
                const char  *own_id,
                const GDate *first,
                const GDate *last)
{
  g_autoptr(GArray) cities = ccp_export_get_cities (e->document, activity);
  g_autoptr(GPtrArray) contributions = contributions_of (activity, cities);
  g_autoptr(GPtrArray) countries = g_ptr_array_new ();
  g_autofree char *identifier = iati_identifier (e, own_id);
  const char *currency = ccp_activity_get_budget_currency (activity);
  const char *scope = activity_scope (ccp_activity_get_scope (activity));

  start (e, "iati-activity");
  if (e->updated != NULL)
    attribute (e, "last-updated-datetime", e->updated);
  attribute (e, "xml:lang", e->language);
  if (currency_is_valid (currency))
    attribute (e, "default-currency", currency);

  start (e, "iati-identifier");
  text (e, identifier);
  end (e);
  start (e, "reporting-org");
  attribute (e, "ref", e->org_ref);
  attribute (e, "type", e->org_type);
  narrative (e, e->org_name);
  end (e);
  text_element (e, "title", ccp_activity_get_title (activity));
  start (e, "description");
  attribute (e, "type", "1");  /* general */
  narrative (e, ccp_activity_get_description (activity));
  end (e);

  write_partners (e, contributions, cities);

  start (e, "activity-status");
  attribute (e, "code", activity_status (ccp_activity_get_state (activity)));
  end (e);
  /* Planned start (1) and planned end (3): a plan looks ahead, and IATI forbids actual dates in
   * the future. */
  start (e, "activity-date");
  attribute (e, "type", "1");
  date_attribute (e, "iso-date", first);
  end (e);
  start (e, "activity-date");
  attribute (e, "type", "3");
  date_attribute (e, "iso-date", last);
  end (e);

  write_contact (e);
  if (scope != NULL)
    {
      start (e, "activity-scope");
      attribute (e, "code", scope);
      end (e);
    }
  for (guint i = 0; i < cities->len; i++)
    {
      const char *country = g_array_index (cities, CcpExportCity, i).country;

      if (strlen (country) == 2 &&
          !g_ptr_array_find_with_equal_func (countries, country, g_str_equal, NULL))
        g_ptr_array_add (countries, (gpointer) country);
    }
  for (guint i = 0; i < countries->len; i++)
    {
      start (e, "recipient-country");
      attribute (e, "code", g_ptr_array_index (countries, i));
      if (countries->len > 1)
        {
          g_autofree char *percentage = share_percentage (i, countries->len);

          attribute (e, "percentage", percentage);
        }
      end (e);
    }
  write_locations (e, contributions);
  write_sectors (e, cities);
  write_tags (e, activity);
  /* A field plan: one budget per city's contribution, each in its own currency, so that the
   * activity's budgets add up to what the cities put in. */
  if (cities->len > 0 && g_array_index (cities, CcpExportCity, 0).attribution != NULL)
    {
      for (guint i = 0; i < cities->len; i++)
        write_budget (e, ccp_attribution_get_values (g_array_index (cities, CcpExportCity,
                                                                    i).attribution),
                      first, last);
    }
  else
    write_budget (e, activity, first, last);
  write_related (e, activity, cities, own_id);
  write_results (e, contributions);
  end (e);
}

/* Why no IATI identifier can be made, or NULL when every activity has its own. */
static char *
check_identifiers (Export     *e,
                   GListModel *activities)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (CCP_IS_PLAN (e->document) && *ccp_plan_get_id (CCP_PLAN (e->document)) == '\0')
    return g_strdup (_("The plan has no identifier, from which IATI activity identifiers are "
                       "made"));
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      char *id;

      if (*ccp_activity_get_id (activity) == '\0')
        /* Translators: %u is the position of the activity in the plan: 1, 2... */
        return g_strdup_printf (_("Activity %u has no identifier, from which its IATI "
                                  "identifier is made"), i + 1);
      id = stable_id (e, activity);
      if (!g_hash_table_add (seen, id))
        return g_strdup_printf (_("Two activities have the identifier “%s”: IATI activity "
                                  "identifiers must be unique"), ccp_activity_get_id (activity));
    }
  return NULL;
}

static void
init_export (Export                 *e,
             GObject                *document,
             const CcpExportOptions *options)
{
  const char *period, *modified;
  g_autoptr(GDateTime) when = NULL;

  e->document = document;
  e->org_ref = CCP_EXPORT_IATI_DEFAULT_ORG_REF;
  e->org_type = CCP_EXPORT_IATI_DEFAULT_ORG_TYPE;
  e->org_name = CCP_EXPORT_IATI_DEFAULT_ORG_NAME;
  e->language = CCP_EXPORT_IATI_DEFAULT_LANGUAGE;
  if (options != NULL && options->iati_org_ref != NULL)
    e->org_ref = options->iati_org_ref;
  if (options != NULL && options->iati_org_type != NULL)
    e->org_type = options->iati_org_type;
  if (options != NULL && options->iati_org_name != NULL)
    e->org_name = options->iati_org_name;
  if (options != NULL && options->iati_language != NULL)
    e->language = options->iati_language;

  if (CCP_IS_PLAN (document))
    {
      period = ccp_plan_get_period (CCP_PLAN (document));
      modified = ccp_plan_get_modified (CCP_PLAN (document));
    }
  else
    {
      period = ccp_field_plan_get_period (CCP_FIELD_PLAN (document));
      modified = ccp_field_plan_get_modified (CCP_FIELD_PLAN (document));
    }
  e->has_period = ccp_period_get_range (period, &e->period_first, &e->period_last);
  /* Written again in one xs:dateTime form, whatever ISO 8601 form GLib accepted. */
  when = *modified != '\0' ? g_date_time_new_from_iso8601 (modified, NULL) : NULL;
  if (when != NULL && g_date_time_get_year (when) >= 1000)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (when);

      e->updated = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }
}

GBytes *
ccp_export_iati (GObject                 *document,
                 const CcpExportOptions  *options,
                 GError                 **error)
{
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(xmlTextWriter) writer = NULL;
  g_autofree char *problem = NULL;
  GListModel *activities;
  Export e = { 0 };
  GBytes *bytes;

  g_return_val_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ccp_export_check_options (options, error))
    return NULL;
  init_export (&e, document, options);
  activities = CCP_IS_PLAN (document)
               ? G_LIST_MODEL (ccp_plan_get_activities (CCP_PLAN (document)))
               : G_LIST_MODEL (ccp_field_plan_get_activities (CCP_FIELD_PLAN (document)));

  problem = check_identifiers (&e, activities);
  if (problem == NULL && g_list_model_get_n_items (activities) == 0)
    problem = g_strdup (_("The plan has no activity, and an IATI file needs one"));
  for (guint i = 0; problem == NULL && i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GDate first, last;

      if (!planned_dates (&e, activity, &first, &last))
        problem = g_strdup_printf (_("Activity “%s” has no valid dates and the plan no valid "
                                     "period: IATI needs a planned start and end"),
                                   ccp_activity_get_id (activity));
    }
  if (problem != NULL)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_FAILED,
                   /* Translators: %s says why, e.g. "Two activities have the identifier “a1”" */
                   _("Cannot export to IATI: %s"), problem);
      g_free (e.updated);
      return NULL;
    }

  buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (buffer, 0);
  e.writer = writer;
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  e.failed |= xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL) < 0;
  start (&e, "iati-activities");
  attribute (&e, "version", "2.03");
  if (e.updated != NULL)
    attribute (&e, "generated-datetime", e.updated);
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      g_autofree char *own_id = stable_id (&e, activity);
      GDate first, last;

      planned_dates (&e, activity, &first, &last);
      write_activity (&e, activity, own_id, &first, &last);
    }
  e.failed |= xmlTextWriterEndDocument (writer) < 0;
  g_clear_pointer (&writer, xmlFreeTextWriter);  /* flushes into the buffer */
  g_free (e.updated);

  if (e.failed)
    {
      g_set_error_literal (error, CCP_ERROR, CCP_ERROR_FAILED,
                           _("Cannot export to IATI: out of memory"));
      return NULL;
    }
  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  return bytes;
}
