/* ccp-bidi.h: plan text inside our own labels, isolated (issue 15.6). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* text between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE: whatever
 * direction marks it holds (an unclosed U+202E) end with it, and it takes its own direction
 * from its first strong letter. For plan-supplied text (names, titles, codes, file names)
 * put into a translated sentence. NULL is taken as "". Free with g_free(). */
char *ccp_bidi_isolate (const char *text);

G_END_DECLS
