/* ccp-choices.h: drop-down choices (AdwComboRow, GtkDropDown) whose items are codes.
 *
 * The model is a GtkStringList of codes: "" (nothing chosen yet) first, then the codes of a
 * vocabulary, of ISO 3166 countries or of ISO 4217 currencies. An expression turns a code into
 * its translated label, for display and for search. A code that is not in the list (a draft
 * read from a file may carry anything) is appended, so that it is shown and kept as it is.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sources of codes besides the vocabulary names of CcpVocabulary. */
#define CCP_CHOICES_COUNTRY  "@country"
#define CCP_CHOICES_CURRENCY "@currency"

GListModel    *ccp_choices_new_model        (const char *source);
GtkExpression *ccp_choices_new_expression   (const char *source);
/* Sets model and expression of an AdwComboRow or a GtkDropDown. */
void           ccp_choices_setup            (GObject    *chooser,
                                             const char *source);
/* The translated label of a code ("" gives a placeholder). Free with g_free(). */
char          *ccp_choices_get_label        (const char *source,
                                             const char *code);
void           ccp_choices_select           (GObject    *chooser,
                                             const char *code);
/* The code chosen, "" when none. */
const char    *ccp_choices_get_selected     (GObject    *chooser);
/* Two-way binding of a string property holding a code to the chooser's "selected". */
GBinding      *ccp_choices_bind             (GObject    *source_object,
                                             const char *property,
                                             GObject    *chooser);

G_END_DECLS
