/* ccp-format.c: dates and amounts for display, in the language and locale of the user.
 *
 * Month names and date layouts come from our catalogue, not from the C library's LC_TIME
 * (g_date_time_format's %B, %x): the text around them is in the language of our messages, which
 * may differ from LC_TIME or have no LC_TIME locale at all (LANGUAGE=fr under C.UTF-8, the usual
 * case of a desktop whose locale was never generated). Numbers follow LC_NUMERIC: a grouping or a
 * decimal comma the user's locale does not use would be misread.
 */
#define G_LOG_DOMAIN "ccp-format"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ccp-data.h"
#include "ccp-format.h"
#include "ccp-list-format.h"
#include "ccp-plan.h"
#include "ccp-stats.h"

/* A month on its own ("May 2027"), nominative where a language declines it. */
static const char * const month_names[] = {
  NC_("month name", "January"), NC_("month name", "February"), NC_("month name", "March"),
  NC_("month name", "April"), NC_("month name", "May"), NC_("month name", "June"),
  NC_("month name", "July"), NC_("month name", "August"), NC_("month name", "September"),
  NC_("month name", "October"), NC_("month name", "November"), NC_("month name", "December"),
};

/* A month inside a full date, where some languages decline it. */
static const char * const date_month_names[] = {
  /* Translators: a month inside a full date ("17 May 2027"): use the form your language needs
   * there, e.g. the genitive in Russian ("мая"); often the same as the month name alone. */
  NC_("month in a date", "January"), NC_("month in a date", "February"),
  NC_("month in a date", "March"), NC_("month in a date", "April"),
  NC_("month in a date", "May"), NC_("month in a date", "June"),
  NC_("month in a date", "July"), NC_("month in a date", "August"),
  NC_("month in a date", "September"), NC_("month in a date", "October"),
  NC_("month in a date", "November"), NC_("month in a date", "December"),
};

/* A month in a narrow place, such as the axis of a chart. */
static const char * const short_month_names[] = {
  /* Translators: abbreviated month names, for the axis of a chart: keep them short */
  NC_("abbreviated month name", "Jan"), NC_("abbreviated month name", "Feb"),
  NC_("abbreviated month name", "Mar"), NC_("abbreviated month name", "Apr"),
  NC_("abbreviated month name", "May"), NC_("abbreviated month name", "Jun"),
  NC_("abbreviated month name", "Jul"), NC_("abbreviated month name", "Aug"),
  NC_("abbreviated month name", "Sep"), NC_("abbreviated month name", "Oct"),
  NC_("abbreviated month name", "Nov"), NC_("abbreviated month name", "Dec"),
};

static gboolean
parse_month (const char *text,
             guint      *year,
             guint      *month)
{
  char tail = '\0';

  if (text == NULL || strlen (text) < 7 || !g_ascii_isdigit (text[0]))
    return FALSE;
  if (sscanf (text, "%4u-%2u%c", year, month, &tail) < 2 || (tail != '\0' && tail != '-'))
    return FALSE;
  return *month >= 1 && *month <= 12 && *year >= 1;
}

char *
ccp_format_month (const char *iso_month)
{
  guint year = 0, month = 0;

  g_return_val_if_fail (iso_month != NULL, NULL);

  ccp_i18n_init ();
  if (!parse_month (iso_month, &year, &month))
    return g_strdup (iso_month);
  /* Translators: a month and its year, e.g. "January 2027"; reorder with %2$u and %1$s if
   * needed, e.g. "%2$u年%1$s" */
  return g_strdup_printf (C_("month and year", "%s %u"),
                          g_dpgettext2 (GETTEXT_PACKAGE, "month name", month_names[month - 1]),
                          year);
}

char *
ccp_format_month_short (const char *iso_month)
{
  guint year = 0, month = 0;

  g_return_val_if_fail (iso_month != NULL, NULL);

  ccp_i18n_init ();
  if (!parse_month (iso_month, &year, &month))
    return g_strdup (iso_month);
  return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated month name",
                                 short_month_names[month - 1]));
}

/* The layout of the first day of a month, where a language writes it apart ("1er octobre
 * 2027"); NULL while the language has not translated it, so that the usual layout stays. */
static const char *
first_day_layout (void)
{
  /* Translators: a full date on the first day of a month, as "full date" below: where your
   * language writes day 1 apart, e.g. French "%1$uer %2$s %3$u" (1er octobre 2027); otherwise
   * the same layout as your "full date". */
  static const char *const msgid = NC_("full date, first day of a month", "%2$s %1$u, %3$u");
  const char *layout = g_dpgettext2 (GETTEXT_PACKAGE, "full date, first day of a month",
                                     msgid);

  /* g_dpgettext2() gives msgid itself back when there is no translation. */
  return layout != msgid ? layout : NULL;
}

static char *
format_gdate (const GDate *date)
{
  guint month = g_date_get_month (date);
  const char *layout = g_date_get_day (date) == 1 ? first_day_layout () : NULL;

  /* Translators: a full date; %1$u is the day, %2$s the month (the "month in a date" strings),
   * %3$u the year: "May 17, 2027". Reorder as your language writes dates, e.g. "%1$u %2$s %3$u"
   * (17 mai 2027) or "%3$u年%2$s%1$u日" (2027年5月17日). */
  if (layout == NULL)
    layout = C_("full date", "%2$s %1$u, %3$u");
  /* The layouts are the translated literals above. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (layout,
                          (guint) g_date_get_day (date),
                          g_dpgettext2 (GETTEXT_PACKAGE, "month in a date",
                                        date_month_names[month - 1]),
                          (guint) g_date_get_year (date));
#pragma GCC diagnostic pop
}

char *
ccp_format_date (const char *iso_date)
{
  GDate date;

  g_return_val_if_fail (iso_date != NULL, NULL);

  ccp_i18n_init ();
  if (!ccp_date_parse (iso_date, &date))
    return g_strdup (iso_date);
  return format_gdate (&date);
}

char *
ccp_format_date_time (const char *iso_date_time)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) moment = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  const char *t;
  GDate date;

  g_return_val_if_fail (iso_date_time != NULL, NULL);

  ccp_i18n_init ();
  moment = g_date_time_new_from_iso8601 (iso_date_time, utc);
  if (moment == NULL)
    return g_strdup (iso_date_time);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (moment),
                  (GDateMonth) g_date_time_get_month (moment),
                  (GDateYear) g_date_time_get_year (moment));
  day = format_gdate (&date);
  /* The time of day as the file gives it; its zone only when the file names one. */
  t = strchr (iso_date_time, 'T');
  if (t == NULL)
    t = strchr (iso_date_time, 't');
  if (t != NULL && strpbrk (t, "Zz+-") != NULL)
    time = g_date_time_format (moment, g_date_time_get_utc_offset (moment) == 0
                                       ? "%H:%M UTC" : "%H:%M UTC%:z");
  else
    time = g_date_time_format (moment, "%H:%M");
  /* Translators: a date and a time of day, e.g. "May 17, 2027, 09:30 UTC" */
  return g_strdup_printf (C_("date and time", "%1$s, %2$s"), day, time);
}

char *
ccp_format_cents (gint64 cents)
{
  gboolean negative = cents < 0;
  guint64 value = negative ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;
  const char *point = localeconv ()->decimal_point;
  char units[64];

  /* The ' flag groups thousands as LC_NUMERIC says (nothing in the C locale); the integer
   * conversion keeps every cent exact where a double would round large amounts. */
  snprintf (units, sizeof units, "%'" G_GUINT64_FORMAT, value / 100);
  return g_strdup_printf ("%s%s%s%02u", negative ? "-" : "", units,
                          point != NULL && *point != '\0' ? point : ".",
                          (guint) (value % 100));
}

char *
ccp_format_amount (const char *amount)
{
  gint64 cents = 0;

  g_return_val_if_fail (amount != NULL, NULL);

  if (!ccp_stats_parse_amount (amount, &cents))
    return g_strdup (amount);
  return ccp_format_cents (cents);
}

char *
ccp_format_list (const char * const *items)
{
  return ccp_list_format_join_isolated (items);
}
