/* ccp-amount.c: budget amounts as exact integer cents. */
#define G_LOG_DOMAIN "ccp-amount"

#include "config.h"

#include "ccp-amount.h"

gboolean
ccp_amount_parse (const char *text,
                  gint64     *cents)
{
  gint64 whole = 0;
  gint64 fraction = 0;
  guint significant = 0;
  guint digits = 0;
  guint decimals = 0;
  const char *p = text;

  if (text == NULL)
    return FALSE;

  for (; g_ascii_isdigit (*p); p++, digits++)
    {
      if (whole > 0 || *p != '0')
        significant++;
      if (significant > CCP_AMOUNT_MAX_DIGITS)
        return FALSE;
      whole = whole * 10 + (*p - '0');
    }

  if (*p == '.')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++, decimals++)
        {
          if (decimals >= 2)
            return FALSE;
          fraction = fraction * 10 + (*p - '0');
        }
      if (decimals == 0)
        return FALSE;
    }

  if (*p != '\0' || digits == 0)
    return FALSE;

  if (decimals == 1)
    fraction *= 10;

  if (cents != NULL)
    *cents = whole * 100 + fraction;
  return TRUE;
}

gboolean
ccp_amount_add (gint64 *total,
                gint64  cents)
{
  g_return_val_if_fail (total != NULL, FALSE);
  g_return_val_if_fail (cents >= 0 && *total >= 0, FALSE);

  if (cents > CCP_TOTAL_MAX_CENTS - *total)
    return FALSE;
  *total += cents;
  return TRUE;
}
