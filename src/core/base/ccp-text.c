/* ccp-text.c: see ccp-text.h. */
#include "config.h"

#include <string.h>

#include "ccp-text.h"

char *
ccp_text_casefold (const char *text)
{
  GString *folded;
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  folded = g_string_sized_new (strlen (text));
  while (*p != '\0')
    {
      const char *start = p;

      /* g_utf8_casefold() lowers ASCII as g_ascii_tolower() does: no special case is ASCII. */
      while (*p != '\0' && (guchar) *p < 0x80)
        p++;
      if (p > start)
        {
          gsize at = folded->len;

          g_string_append_len (folded, start, p - start);
          for (char *c = folded->str + at; *c != '\0'; c++)
            *c = g_ascii_tolower (*c);
        }

      /* A run of other characters (lead and continuation bytes): folded by GLib, which
       * steps through them as it would through the whole text. */
      start = p;
      while (*p != '\0' && (guchar) *p >= 0x80)
        p++;
      if (p > start)
        {
          g_autofree char *run = g_utf8_casefold (start, p - start);

          g_string_append (folded, run);
        }
    }
  return g_string_free (folded, FALSE);
}
