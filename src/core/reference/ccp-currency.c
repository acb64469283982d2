/* ccp-currency.c: ISO 4217 minor units. */
#define G_LOG_DOMAIN "ccp-currency"

#include "config.h"

#include <string.h>

#include "ccp-currency.h"

typedef struct {
  char  code[4];
  guint minor_unit;
} MinorUnit;

/* ISO 4217, list one (current currencies and funds): the codes whose minor unit is not 2.
 * Sorted by code for bsearch(). */
static const MinorUnit minor_units[] = {
  { "BHD", 3 }, { "BIF", 0 }, { "CLF", 4 }, { "CLP", 0 }, { "DJF", 0 }, { "GNF", 0 },
  { "IQD", 3 }, { "ISK", 0 }, { "JOD", 3 }, { "JPY", 0 }, { "KMF", 0 }, { "KRW", 0 },
  { "KWD", 3 }, { "LYD", 3 }, { "OMR", 3 }, { "PYG", 0 }, { "RWF", 0 }, { "TND", 3 },
  { "UGX", 0 }, { "UYI", 0 }, { "UYW", 4 }, { "VND", 0 }, { "VUV", 0 }, { "XAF", 0 },
  { "XOF", 0 }, { "XPF", 0 },
};

static int
compare_code (const void *key,
              const void *element)
{
  return strcmp (key, ((const MinorUnit *) element)->code);
}

guint
ccp_currency_get_minor_unit (const char *alpha3)
{
  const MinorUnit *found;

  if (alpha3 == NULL || strlen (alpha3) != 3)
    return 2;
  found = bsearch (alpha3, minor_units, G_N_ELEMENTS (minor_units), sizeof minor_units[0],
                   compare_code);
  return found != NULL ? found->minor_unit : 2;
}
