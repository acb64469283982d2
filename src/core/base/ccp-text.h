/* ccp-text.h: text helpers shared by the core, the GUI and the CLI. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_utf8_casefold (text, -1), the same bytes for valid UTF-8, with the ASCII runs folded
 * without a table look-up per character: the searches key tens of thousands of activities'
 * texts, nearly all ASCII. */
char *ccp_text_casefold (const char *text);

G_END_DECLS
