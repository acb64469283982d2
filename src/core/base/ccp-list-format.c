/* ccp-list-format.c: lists in sentences, joined with the translated separator. */
#define G_LOG_DOMAIN "ccp-list-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-data.h"
#include "ccp-list-format.h"
#include "ccp-markup.h"

static char *
join (const char * const *items,
      gboolean            isolate)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *separator;

  ccp_i18n_init ();
  /* Translators: separates the items of a list */
  separator = _(", ");
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, separator);
      if (isolate)
        {
          g_autofree char *isolated = ccp_bidi_isolate (items[i]);

          g_string_append (text, isolated);
        }
      else
        g_string_append (text, items[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
ccp_list_format_join (const char * const *items)
{
  return join (items, FALSE);
}

char *
ccp_list_format_join_isolated (const char * const *items)
{
  return join (items, TRUE);
}
