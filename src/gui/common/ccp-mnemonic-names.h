/* ccp-mnemonic-names.h: accessible names of buttons without their mnemonic underscore. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 gives a button with a mnemonic ("_Save") its label, underscore included, as its
 * accessible label: a screen reader reads "underscore Save Save". Once installed (idempotent),
 * every button with use-underline that is mapped gets its label without the mnemonic as its
 * accessible label, kept when the label changes. */
void   ccp_mnemonic_names_install (void);
/* "New _City Plan" -> "New City Plan" ("__" is a literal "_"). Free with g_free(). */
char  *ccp_mnemonic_strip         (const char *label);

G_END_DECLS
