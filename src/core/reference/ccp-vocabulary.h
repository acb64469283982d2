/* ccp-vocabulary.h: the coded vocabularies of the format, loaded from data/vocabularies.xml.
 *
 * Vocabulary names: "field", "mission-statement", "objective", "area", "kind", "scope", "state",
 * "sector", "sdg". Labels are translated through gettext at lookup time.
 */
#pragma once

#include <glib-object.h>

#include "ccp-types.h"

G_BEGIN_DECLS

#define CCP_TYPE_VOCABULARY (ccp_vocabulary_get_type ())
G_DECLARE_FINAL_TYPE (CcpVocabulary, ccp_vocabulary, CCP, VOCABULARY, GObject)

/* The shipped vocabularies (ccp_data_path ("vocabularies.xml")), loaded once: load_default
 * says why they cannot be, get_default aborts then (see ccp_default_get()). The returned
 * object is owned by the library. */
gboolean       ccp_vocabulary_load_default    (GError    **error);
CcpVocabulary *ccp_vocabulary_get_default     (void);
CcpVocabulary *ccp_vocabulary_new_from_file   (const char *path,
                                               GError    **error);

gboolean       ccp_vocabulary_has_term        (CcpVocabulary *self,
                                               const char    *vocabulary,
                                               const char    *code);
/* The codes of a vocabulary as a set (look codes up with g_hash_table_contains()), owned by
 * the vocabulary and never changed; NULL for an unknown vocabulary name. For checking many
 * codes of one vocabulary: ccp_vocabulary_has_term() finds the vocabulary every time. */
GHashTable    *ccp_vocabulary_get_code_set    (CcpVocabulary *self,
                                               const char    *vocabulary);
/* Codes of a vocabulary in their defined order (NULL-terminated, owned by the vocabulary);
 * NULL for an unknown vocabulary name. */
const char * const *ccp_vocabulary_get_codes  (CcpVocabulary *self,
                                               const char    *vocabulary);
/* Translated full label, or NULL for an unknown code. */
const char    *ccp_vocabulary_get_label       (CcpVocabulary *self,
                                               const char    *vocabulary,
                                               const char    *code);
/* Translated short label (falls back to the label). */
const char    *ccp_vocabulary_get_short_label (CcpVocabulary *self,
                                               const char    *vocabulary,
                                               const char    *code);
/* Colour "#RRGGBB" of a term (the SDGs have their official colours), or NULL. */
const char    *ccp_vocabulary_get_color       (CcpVocabulary *self,
                                               const char    *vocabulary,
                                               const char    *code);

G_END_DECLS
