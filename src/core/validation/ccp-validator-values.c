/* ccp-validator-values.c: the formats of values, as strict as the schema's types. */
#define G_LOG_DOMAIN "ccp-validator"

#include "config.h"

#include <string.h>

#include "ccp-activity.h"
#include "ccp-iso-codes.h"
#include "ccp-list-format.h"
#include "ccp-validator-private.h"
#include "ccp-vocabulary.h"

gboolean
_ccp_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      /* ASCII (nearly every first character) needs no Unicode tables: the spaces
       * g_unichar_isspace() knows there (no vertical tab). */
      if ((guchar) *p < 0x80)
        {
          if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f')
            return FALSE;
          continue;
        }
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

gboolean
_ccp_checker_has_code (Checker    *c,
                       const char *vocabulary,
                       const char *code)
{
  GHashTable *codes = NULL;
  guint i;

  for (i = 0; i < c->n_vocabularies && codes == NULL; i++)
    if (c->vocabulary_names[i] == vocabulary)
      codes = c->vocabulary_codes[i];
  if (codes == NULL)
    {
      codes = ccp_vocabulary_get_code_set (c->self->vocabulary, vocabulary);
      if (codes != NULL && c->n_vocabularies < G_N_ELEMENTS (c->vocabulary_names))
        {
          c->vocabulary_names[c->n_vocabularies] = vocabulary;
          c->vocabulary_codes[c->n_vocabularies++] = codes;
        }
    }
  return codes != NULL && code != NULL && g_hash_table_contains (codes, code);
}

gboolean
_ccp_over_word_limit (const char *text,
                      guint      *words)
{
  /* Words are separated: a text of n bytes has at most (n + 1) / 2 of them, and counting
   * them is most of the checks of a short description. */
  if (strnlen (text, 2 * CCP_DESCRIPTION_WORD_LIMIT + 1) <= 2 * CCP_DESCRIPTION_WORD_LIMIT)
    return FALSE;
  *words = ccp_activity_count_words (text);
  return *words > CCP_DESCRIPTION_WORD_LIMIT;
}

gboolean
_ccp_has_line_break (const char *text)
{
  return strpbrk (text, "\r\n") != NULL;
}

/* The schema's identifier: [A-Za-z0-9][A-Za-z0-9._:-]{0,127} */
gboolean
_ccp_is_identifier (const char *text)
{
  gsize len = strlen (text);

  if (len == 0 || len > 128 || !g_ascii_isalnum (text[0]))
    return FALSE;

  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isalnum (text[i]) && strchr ("._:-", text[i]) == NULL)
      return FALSE;

  return TRUE;
}

/* The schema's code: [a-z0-9][a-z0-9-]{0,63} */
gboolean
_ccp_is_code (const char *text)
{
  gsize len = strlen (text);

  if (len == 0 || len > 64 || !(g_ascii_islower (text[0]) || g_ascii_isdigit (text[0])))
    return FALSE;

  for (gsize i = 1; i < len; i++)
    if (!g_ascii_islower (text[i]) && !g_ascii_isdigit (text[i]) && text[i] != '-')
      return FALSE;

  return TRUE;
}

gboolean
_ccp_is_upper_code (const char *text,
                    gsize       length)
{
  if (strlen (text) != length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isupper (text[i]))
      return FALSE;

  return TRUE;
}

/* Matches a shape where 'd' is a digit and any other character stands for itself. */
static const char *
match_digits_shape (const char *text,
                    const char *shape)
{
  for (; *shape != '\0'; shape++, text++)
    {
      if (*shape == 'd' ? !g_ascii_isdigit (*text) : *text != *shape)
        return NULL;
    }

  return text;
}

/* xs:dateTime: YYYY-MM-DDThh:mm:ss[.s+][Z|(+|-)hh:mm], and a real point in time. */
gboolean
_ccp_is_date_time (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  const char *p;

  /* The shape first: GLib also accepts week dates, the basic format and a space for 'T'. */
  p = match_digits_shape (text, "dddd-dd-ddTdd:dd:dd");
  if (p == NULL)
    return FALSE;

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  if (*p == 'Z')
    p++;
  else if (*p == '+' || *p == '-')
    p = match_digits_shape (p + 1, "dd:dd");

  if (p == NULL || *p != '\0')
    return FALSE;

  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (text, utc);

  return parsed != NULL;
}

/* A sane syntax check, as strict as the schema's [^@\s]+@[^@\s]+\.[^@\s]+ */
gboolean
_ccp_is_email (const char *text)
{
  const char *at = strchr (text, '@');
  gsize domain_len;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  /* A dot with something on both sides in the domain. */
  domain_len = strlen (at + 1);
  for (gsize i = 1; i + 1 < domain_len; i++)
    if (at[1 + i] == '.')
      return TRUE;

  return FALSE;
}

/* A decimal with a '.' separator and at most two decimals, as xs:decimal with
 * fractionDigits 2: "12000", "12000.5". Not "12 000", "1,5", "+5", ".5" or "1e3". */
CcpAmountCheck
_ccp_check_amount (const char *text)
{
  const char *p = text;
  gboolean negative = FALSE;
  gboolean nonzero = FALSE;
  guint significant = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (!g_ascii_isdigit (*p))
    return CCP_AMOUNT_INVALID;

  for (; g_ascii_isdigit (*p); p++)
    {
      nonzero |= *p != '0';
      significant += nonzero;
    }

  if (*p == '.')
    {
      guint decimals = 0;

      for (p++; g_ascii_isdigit (*p); p++, decimals++)
        nonzero |= *p != '0';
      if (decimals == 0 || decimals > 2)
        return CCP_AMOUNT_INVALID;
    }

  if (*p != '\0')
    return CCP_AMOUNT_INVALID;

  if (negative && nonzero)
    return CCP_AMOUNT_NEGATIVE;
  return significant > CCP_AMOUNT_MAX_DIGITS ? CCP_AMOUNT_TOO_LARGE : CCP_AMOUNT_OK;
}

void
_ccp_format_date (const GDate *date,
                  char         buffer[16])
{
  g_snprintf (buffer, 16, "%04u-%02u-%02u",
              (guint) g_date_get_year (date),
              (guint) g_date_get_month (date),
              (guint) g_date_get_day (date));
}

char *
_ccp_expected_codes (CcpValidator *self,
                     const char   *vocabulary)
{
  const char * const *codes = ccp_vocabulary_get_codes (self->vocabulary, vocabulary);

  if (codes == NULL)
    return g_strdup ("");

  /* The separator of the user's language: "، " in Arabic. */
  return ccp_list_format_join (codes);
}

gboolean
_ccp_is_known_country (CcpValidator *self,
                       const char   *code)
{
  return _ccp_is_upper_code (code, 2) && ccp_iso_codes_has_country (self->iso_codes, code);
}

gboolean
_ccp_is_known_currency (CcpValidator *self,
                        const char   *code)
{
  return _ccp_is_upper_code (code, 3) && ccp_iso_codes_has_currency (self->iso_codes, code);
}

void
_ccp_check_single_line (Checker    *c,
                        const char *path,
                        const char *value)
{
  if (value != NULL && _ccp_has_line_break (value))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "text-multiline", path,
               /* Translators: %s is the text the user typed */
               _("“%s” has a line break; this value must be a single line"), value);
}

void
_ccp_check_email (Checker    *c,
                  const char *path,
                  const char *email)
{
  if (email == NULL || *email == '\0')
    return;

  /* White space alone is written, and refused by the schema. */
  if (_ccp_is_blank (email))
    _ccp_check_optional_line (c, path, email);
  else if (!_ccp_is_email (email))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "email-invalid", path,
               _("Email address “%s” is not valid: expected an address such as name@example.org"),
               email);
}

void
_ccp_check_optional_line (Checker    *c,
                          const char *path,
                          const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  if (_ccp_has_line_break (value))
    _ccp_check_single_line (c, path, value);
  else if (_ccp_is_blank (value))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "text-blank", path,
               _("This value is only white space: write it or leave it empty"));
}
