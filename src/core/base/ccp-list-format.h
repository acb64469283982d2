/* ccp-list-format.h: items as a list inside a sentence, with the separator of the user's
 * language ("، " in Arabic), for every layer that writes sentences (validation messages below
 * export's pages). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* items joined with the translated list separator; "" for none (NULL or empty). For plain
 * text such as validation messages, read in terminals as well as windows. */
char *ccp_list_format_join          (const char * const *items);
/* The same, each item bidi-isolated (ccp_bidi_isolate()) so that "4, 10, 11" keeps its order
 * and its commas in a right-to-left sentence of a page or window. */
char *ccp_list_format_join_isolated (const char * const *items);

G_END_DECLS
