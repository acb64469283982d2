/* ccp-report-text.c: the sentences of the merge report, in the reader's language. */
#define G_LOG_DOMAIN "ccp-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-activity-field.h"
#include "ccp-markup.h"
#include "ccp-report-item.h"
#include "ccp-report-text.h"
#include "ccp-report-value.h"
#include "ccp-vocabulary.h"

static gboolean
str_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

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
ccp_report_describe_city (CcpReportItem *item)
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

/* A joint-conflict is about a compared field; another code is shown as it is. */
static const char *
field_text (const char *code)
{
  const CcpActivityField *field = ccp_activity_field_find (code);

  if (field == NULL || !(field->flags & CCP_FIELD_FLAGS_COMPARED))
    return code;
  return ccp_activity_field_get_label (field);
}

/* A creative field as people read it: its translated label, or the code when the vocabulary
 * does not know it ("network", a field of a newer version). */
static const char *
creative_field_text (const char *code)
{
  const char *label = ccp_vocabulary_get_label (ccp_vocabulary_get_default (), "field", code);

  return label != NULL ? label : code;
}

/* The sentence of a kind and code the merge makes, or NULL. */
static char *
describe_known (CcpReportItem *item,
                gboolean       isolate)
{
  const char *kind, *code, *file;
  g_autofree char *city = NULL;

  kind = ccp_report_item_get_kind (item);
  code = ccp_report_item_get_code (item);
  file = ccp_report_item_get_file (item);
  city = ccp_report_describe_city (item);

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
        /* Translators: both %s after the colon are creative fields (their labels, e.g.
         * "Music") */
        return g_strdup_printf (_("%s: refused, it is for the field “%s”, not “%s”"), subject,
                                creative_field_text (value_or (item, "found", "?")),
                                creative_field_text (value_or (item, "expected", "?")));
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
      /* Named by its title (format 1.1 stores it), else by its joint reference. */
      /* Already isolated by ccp_report_describe_item_isolated() when isolate is set. */
      const char *title = ccp_report_item_get_value (item, "title");
      g_autofree char *named = !str_empty (title) ? g_strdup_printf ("“%s”", title) : NULL;
      const char *ref = named != NULL ? named : ccp_report_item_get_joint_ref (item);

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

  if (g_str_equal (kind, "joint-conflict"))
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      /* The title (or the reference) is isolated once, by the caller's copy of the item. */
      const char *title_text = value_or (item, "title", ccp_report_item_get_joint_ref (item));
      g_autofree char *values = NULL;
      const char *chosen_by = ccp_report_item_get_value (item, "chosen-by");
      const CcpActivityField *field = ccp_activity_field_find (code);

      for (guint i = 0; i < ccp_report_item_get_n_copies (item); i++)
        {
          const char * const *copy = ccp_report_item_get_copy (item, i);
          g_autofree char *readable = ccp_report_value_readable_field (field, copy[3]);
          g_autofree char *shown = isolate ? ccp_bidi_isolate (readable) : g_strdup (readable);
          g_autofree char *who = isolate ? ccp_bidi_isolate (copy[0]) : g_strdup (copy[0]);

          /* Translators: a city and its value in a conflict, e.g. Bologna “Songwriting” */
          g_ptr_array_add (parts, g_strdup_printf (_("%s “%s”"), who, shown));
        }
      g_ptr_array_add (parts, NULL);
      values = g_strjoinv ("; ", (char **) parts->pdata);

      if (!str_empty (chosen_by))
        /* Translators: an activity title, a field, every city's value, the city whose value
         * is kept, who chose it and when */
        return g_strdup_printf (_("Joint activity “%s”, %s: the cities disagree (%s); the "
                                  "value of %s is kept, chosen by %s on %s"),
                                title_text, field_text (code), values, city, chosen_by,
                                value_or (item, "chosen-on", "?"));
      /* Translators: an activity title, a field, every city's value, then the city whose
       * value is kept */
      return g_strdup_printf (_("Joint activity “%s”, %s: the cities disagree (%s); the value "
                                "of %s is kept until the coordinator chooses"),
                              title_text, field_text (code), values, city);
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

/* A generic sentence: every known part of the item as "label: value", so that any kind,
 * including one made by a newer version, can be shown. */
static char *
describe_parts (CcpReportItem *self)
{
  g_autoptr(GPtrArray) parts = NULL;
  /* Translators: separates the parts of a merge report entry, e.g. "Event: refused; File: a.xml" */
  const char *separator = _("; ");
  const char * const *names = ccp_report_item_get_value_names (self);
  const char *kind = ccp_report_item_get_kind (self);
  const char *code = ccp_report_item_get_code (self);
  const char *file = ccp_report_item_get_file (self);
  const char *city = ccp_report_item_get_city (self);
  const char *country = ccp_report_item_get_country (self);
  const char *activity = ccp_report_item_get_activity (self);
  const char *joint_ref = ccp_report_item_get_joint_ref (self);

  parts = g_ptr_array_new_null_terminated (8, g_free, TRUE);

  /* Translators: %s is the code of a merge report entry's kind, e.g. "refused" or "duplicate" */
  g_ptr_array_add (parts, g_strdup_printf (_("Event: %s"), kind));

  if (*code != '\0')
    /* Translators: %s is a reason code, e.g. "other-field" */
    g_ptr_array_add (parts, g_strdup_printf (_("Reason: %s"), code));

  if (*file != '\0')
    /* Translators: %s is a file name */
    g_ptr_array_add (parts, g_strdup_printf (_("File: %s"), file));

  if (*city != '\0' && *country != '\0')
    /* Translators: a member city; the first %s is its name, the second its country code */
    g_ptr_array_add (parts, g_strdup_printf (_("City: %s (%s)"), city, country));
  else if (*city != '\0')
    /* Translators: %s is a city name */
    g_ptr_array_add (parts, g_strdup_printf (_("City: %s"), city));
  else if (*country != '\0')
    /* Translators: %s is an ISO 3166 country code */
    g_ptr_array_add (parts, g_strdup_printf (_("Country: %s"), country));

  if (*activity != '\0')
    /* Translators: %s is an activity identifier, e.g. "a3" */
    g_ptr_array_add (parts, g_strdup_printf (_("Activity: %s"), activity));

  if (*joint_ref != '\0')
    /* Translators: %s is the reference shared by the copies of a joint activity */
    g_ptr_array_add (parts, g_strdup_printf (_("Joint activity: %s"), joint_ref));

  for (guint i = 0; names[i] != NULL; i++)
    /* Translators: a named value of a merge report entry; the first %s is the name (a code),
     * the second the value */
    g_ptr_array_add (parts, g_strdup_printf (_("%s: %s"), names[i],
                                             ccp_report_item_get_value (self, names[i])));

  return g_strjoinv (separator, (char **) parts->pdata);
}

char *
ccp_report_describe_item (CcpReportItem *item)
{
  char *sentence;

  g_return_val_if_fail (CCP_IS_REPORT_ITEM (item), NULL);

  sentence = describe_known (item, FALSE);
  return sentence != NULL ? sentence : describe_parts (item);
}

/* The values of items that come from plans (names, titles, files, identifiers), as opposed to
 * codes and counts, which the sentences read. */
static gboolean
is_plan_text (const char *name)
{
  static const char * const names[] = {
    "reference-city", "reference-activity", "field-activity", "other-city", "other-activity",
    "title", "other-title", "by-file", "cities", "found", "expected", "revision",
    "by-revision", "modified", "by-modified", NULL
  };

  return g_strv_contains (names, name);
}

char *
ccp_report_describe_item_isolated (CcpReportItem *item)
{
  g_autoptr(CcpReportItem) copy = NULL;
  const char * const *names;
  char *sentence;

#define ISOLATED(getter, setter)                                    \
  G_STMT_START {                                                    \
    g_autofree char *text = ccp_bidi_isolate (getter (item));       \
    if (*getter (item) != '\0')                                     \
      setter (copy, text);                                          \
  } G_STMT_END

  g_return_val_if_fail (CCP_IS_REPORT_ITEM (item), NULL);

  copy = ccp_report_item_new (ccp_report_item_get_kind (item));
  ccp_report_item_set_code (copy, ccp_report_item_get_code (item));
  ccp_report_item_set_country (copy, ccp_report_item_get_country (item));
  ISOLATED (ccp_report_item_get_file, ccp_report_item_set_file);
  ISOLATED (ccp_report_item_get_city, ccp_report_item_set_city);
  ISOLATED (ccp_report_item_get_activity, ccp_report_item_set_activity);
  ISOLATED (ccp_report_item_get_joint_ref, ccp_report_item_set_joint_ref);
#undef ISOLATED

  names = ccp_report_item_get_value_names (item);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *value = ccp_report_item_get_value (item, names[i]);
      g_autofree char *isolated = is_plan_text (names[i]) ? ccp_bidi_isolate (value) : NULL;

      ccp_report_item_add_value (copy, names[i], isolated != NULL ? isolated : value);
    }
  /* The cities' values of a conflict (describe_known() isolates them itself). */
  for (guint i = 0; i < ccp_report_item_get_n_copies (item); i++)
    {
      const char * const *from = ccp_report_item_get_copy (item, i);

      ccp_report_item_add_copy (copy, from[0], from[1], from[2], from[3]);
    }

  sentence = describe_known (copy, TRUE);
  return sentence != NULL ? sentence : describe_parts (copy);
}
