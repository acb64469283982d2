#define G_LOG_DOMAIN "ccp-bidi"

#include "config.h"

#include "ccp-bidi.h"

#define FIRST_STRONG_ISOLATE     "\xe2\x81\xa8"  /* U+2068 */
#define POP_DIRECTIONAL_ISOLATE  "\xe2\x81\xa9"  /* U+2069 */

char *
ccp_bidi_isolate (const char *text)
{
  return g_strconcat (FIRST_STRONG_ISOLATE, text ? text : "", POP_DIRECTIONAL_ISOLATE, NULL);
}
