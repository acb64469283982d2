#define G_LOG_DOMAIN "ccp-vocabulary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "ccp-data.h"
#include "ccp-error.h"
#include "ccp-file.h"
#include "ccp-vocabulary.h"

/* A vocabulary file is small; anything this big is not one. */
#define MAX_VOCABULARY_FILE_SIZE (4 * 1024 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

typedef struct {
  char *code;
  char *label;        /* untranslated: translated at lookup time */
  char *short_label;  /* untranslated, or NULL */
  char *color;        /* "#RRGGBB", or NULL */
} Term;

typedef struct {
  char       *name;
  GPtrArray  *terms;    /* Term*, in file order */
  GHashTable *by_code;  /* code -> Term* (borrowed from terms) */
  GPtrArray  *codes;    /* NULL-terminated, borrowed from the terms */
} Vocab;

struct _CcpVocabulary
{
  GObject     parent_instance;

  GHashTable *vocabs;   /* name -> Vocab* */
};

G_DEFINE_FINAL_TYPE (CcpVocabulary, ccp_vocabulary, G_TYPE_OBJECT)

static void
term_free (Term *term)
{
  g_free (term->code);
  g_free (term->label);
  g_free (term->short_label);
  g_free (term->color);
  g_free (term);
}

static Vocab *
vocab_new (const char *name)
{
  Vocab *vocab = g_new0 (Vocab, 1);

  vocab->name = g_strdup (name);
  vocab->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  vocab->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  vocab->codes = g_ptr_array_new ();
  g_ptr_array_add (vocab->codes, NULL);

  return vocab;
}

static void
vocab_free (Vocab *vocab)
{
  g_clear_pointer (&vocab->by_code, g_hash_table_unref);
  g_clear_pointer (&vocab->codes, g_ptr_array_unref);
  g_clear_pointer (&vocab->terms, g_ptr_array_unref);
  g_free (vocab->name);
  g_free (vocab);
}

static void
vocab_add_term (Vocab *vocab,
                Term  *term)
{
  g_ptr_array_add (vocab->terms, term);
  g_hash_table_insert (vocab->by_code, term->code, term);
  /* Keep the array NULL-terminated: replace the terminator, then add a new one. */
  g_ptr_array_index (vocab->codes, vocab->codes->len - 1) = term->code;
  g_ptr_array_add (vocab->codes, NULL);
}

static void
ccp_vocabulary_finalize (GObject *object)
{
  CcpVocabulary *self = CCP_VOCABULARY (object);

  g_clear_pointer (&self->vocabs, g_hash_table_unref);

  G_OBJECT_CLASS (ccp_vocabulary_parent_class)->finalize (object);
}

static void
ccp_vocabulary_class_init (CcpVocabularyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ccp_vocabulary_finalize;
}

static void
ccp_vocabulary_init (CcpVocabulary *self)
{
  self->vocabs = g_hash_table_new_full (g_str_hash, g_str_equal,
                                        NULL, (GDestroyNotify) vocab_free);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns == NULL &&
         strcmp ((const char *) node->name, name) == 0;
}

/* The text of an element with its white space collapsed as xgettext does (ITS "normalize"), so
 * that the label we look up is exactly the msgid in the catalogue. */
static char *
element_text (xmlNode *node)
{
  xmlChar *raw = xmlNodeGetContent (node);
  GString *text = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = raw != NULL ? (const char *) raw : ""; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          pending_space = text->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (text, ' ');
      pending_space = FALSE;
      g_string_append_c (text, *p);
    }

  xmlFree (raw);
  return g_string_free (text, FALSE);
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static gboolean
is_valid_color (const char *color)
{
  if (color[0] != '#' || strlen (color) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

static gboolean
set_data_error (GError     **error,
                const char  *path,
                xmlNode     *node,
                const char  *message)
{
  g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
               /* Translators: a shipped data file is broken; %s are the file name and the
                * problem, %ld is a line number. */
               _("%s, line %ld: %s"),
               path, node != NULL ? xmlGetLineNo (node) : 0L, message);
  return FALSE;
}

static Term *
parse_term (xmlNode     *node,
            const char  *path,
            GError     **error)
{
  g_autofree char *code = get_attribute (node, "code");
  g_autofree char *color = get_attribute (node, "color");
  g_autofree char *label = NULL;
  g_autofree char *short_label = NULL;
  Term *term;

  if (code == NULL || *code == '\0')
    {
      set_data_error (error, path, node, _("a term has no code"));
      return NULL;
    }
  if (color != NULL && !is_valid_color (color))
    {
      g_autofree char *message = g_strdup_printf (_("the colour of term “%s” is not #RRGGBB"),
                                                  code);
      set_data_error (error, path, node, message);
      return NULL;
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "label") && label == NULL)
        label = element_text (child);
      else if (is_element (child, "short") && short_label == NULL)
        short_label = element_text (child);
    }

  if (label == NULL || *label == '\0')
    {
      g_autofree char *message = g_strdup_printf (_("term “%s” has no label"), code);
      set_data_error (error, path, node, message);
      return NULL;
    }
  if (short_label != NULL && *short_label == '\0')
    g_clear_pointer (&short_label, g_free);

  term = g_new0 (Term, 1);
  term->code = g_steal_pointer (&code);
  term->label = g_steal_pointer (&label);
  term->short_label = g_steal_pointer (&short_label);
  term->color = g_steal_pointer (&color);
  return term;
}

static gboolean
parse_vocabulary (CcpVocabulary  *self,
                  xmlNode        *node,
                  const char     *path,
                  GError        **error)
{
  g_autofree char *name = get_attribute (node, "name");
  Vocab *vocab;

  if (name == NULL || *name == '\0')
    return set_data_error (error, path, node, _("a vocabulary has no name"));
  if (g_hash_table_contains (self->vocabs, name))
    {
      g_autofree char *message = g_strdup_printf (_("vocabulary “%s” is defined twice"), name);
      return set_data_error (error, path, node, message);
    }

  vocab = vocab_new (name);
  g_hash_table_insert (self->vocabs, vocab->name, vocab);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      Term *term;

      if (!is_element (child, "term"))
        continue;

      term = parse_term (child, path, error);
      if (term == NULL)
        return FALSE;
      if (g_hash_table_contains (vocab->by_code, term->code))
        {
          g_autofree char *message =
            g_strdup_printf (_("code “%s” appears twice in vocabulary “%s”"), term->code, name);
          term_free (term);
          return set_data_error (error, path, child, message);
        }
      vocab_add_term (vocab, term);
    }

  return TRUE;
}

typedef struct {
  int   line;
  char *message;
} ParseError;

static void
on_parse_error (void        *user_data,
                xmlErrorPtr  xml_error)
{
  xmlParserCtxt *ctxt = user_data;
  ParseError *first = ctxt->_private;

  if (first->message != NULL || xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;

  first->line = xml_error->line;
  first->message = g_strchomp (g_strdup (xml_error->message != NULL ? xml_error->message : ""));
}

CcpVocabulary *
ccp_vocabulary_new_from_file (const char  *path,
                              GError     **error)
{
  g_autoptr(CcpVocabulary) self = NULL;
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  const char *contents;
  ParseError first_error = { 0, NULL };
  gsize length = 0;
  xmlNode *root;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ccp_i18n_init ();

  /* The bounded loader: a regular file of sane size only, never a FIFO or a device. */
  bytes = ccp_file_load (file, MAX_VOCABULARY_FILE_SIZE, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                   /* Translators: %s are a file name and the system's error message. */
                   _("Cannot read the vocabularies %s: %s"), path, local_error->message);
      return NULL;
    }
  contents = g_bytes_get_data (bytes, &length);

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory creating an XML parser");
  /* Keep the first error (later ones are often consequences of it), and print nothing. */
  ctxt->_private = &first_error;
  ctxt->sax->serror = on_parse_error;

  /* No network, no entity substitution, no DTD loading. */
  doc = xmlCtxtReadMemory (ctxt, contents, (int) length, path, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || first_error.message != NULL)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                   /* Translators: %s are the file name and the parser's message, %d a line. */
                   _("%s, line %d: not well-formed XML: %s"),
                   path, first_error.line,
                   first_error.message != NULL ? first_error.message : "");
      g_free (first_error.message);
      return NULL;
    }
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                   _("%s: a vocabulary file must not have a DOCTYPE"), path);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_element (root, "vocabularies"))
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                   _("%s: the root element is not <vocabularies>"), path);
      return NULL;
    }

  self = g_object_new (CCP_TYPE_VOCABULARY, NULL);
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (is_element (child, "vocabulary") && !parse_vocabulary (self, child, path, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

static gpointer
load_shipped_vocabularies (GError **error)
{
  g_autofree char *path = ccp_data_path ("vocabularies.xml");

  return ccp_vocabulary_new_from_file (path, error);
}

static CcpDefault default_vocabulary = CCP_DEFAULT_INIT (load_shipped_vocabularies);

gboolean
ccp_vocabulary_load_default (GError **error)
{
  return ccp_default_load (&default_vocabulary, error);
}

CcpVocabulary *
ccp_vocabulary_get_default (void)
{
  return ccp_default_get (&default_vocabulary, "vocabularies");
}

static Term *
lookup_term (CcpVocabulary *self,
             const char    *vocabulary,
             const char    *code)
{
  Vocab *vocab;

  if (vocabulary == NULL || code == NULL)
    return NULL;

  vocab = g_hash_table_lookup (self->vocabs, vocabulary);
  if (vocab == NULL)
    return NULL;

  return g_hash_table_lookup (vocab->by_code, code);
}

gboolean
ccp_vocabulary_has_term (CcpVocabulary *self,
                         const char    *vocabulary,
                         const char    *code)
{
  g_return_val_if_fail (CCP_IS_VOCABULARY (self), FALSE);

  return lookup_term (self, vocabulary, code) != NULL;
}

GHashTable *
ccp_vocabulary_get_code_set (CcpVocabulary *self,
                             const char    *vocabulary)
{
  Vocab *vocab;

  g_return_val_if_fail (CCP_IS_VOCABULARY (self), NULL);

  vocab = vocabulary != NULL ? g_hash_table_lookup (self->vocabs, vocabulary) : NULL;
  return vocab != NULL ? vocab->by_code : NULL;
}

const char * const *
ccp_vocabulary_get_codes (CcpVocabulary *self,
                          const char    *vocabulary)
{
  Vocab *vocab;

  g_return_val_if_fail (CCP_IS_VOCABULARY (self), NULL);

  if (vocabulary == NULL)
    return NULL;

  vocab = g_hash_table_lookup (self->vocabs, vocabulary);
  if (vocab == NULL)
    return NULL;

  return (const char * const *) vocab->codes->pdata;
}

/* Translated on each call, so that a change of language shows at once. */
static const char *
term_label (CcpVocabulary *self,
            const char    *vocabulary,
            const char    *code,
            gboolean       prefer_short)
{
  Term *term = lookup_term (self, vocabulary, code);

  if (term == NULL)
    return NULL;
  return g_dgettext (GETTEXT_PACKAGE,
                     prefer_short && term->short_label != NULL ? term->short_label : term->label);
}

const char *
ccp_vocabulary_get_label (CcpVocabulary *self,
                          const char    *vocabulary,
                          const char    *code)
{
  g_return_val_if_fail (CCP_IS_VOCABULARY (self), NULL);

  return term_label (self, vocabulary, code, FALSE);
}

const char *
ccp_vocabulary_get_short_label (CcpVocabulary *self,
                                const char    *vocabulary,
                                const char    *code)
{
  g_return_val_if_fail (CCP_IS_VOCABULARY (self), NULL);

  return term_label (self, vocabulary, code, TRUE);
}

const char *
ccp_vocabulary_get_color (CcpVocabulary *self,
                          const char    *vocabulary,
                          const char    *code)
{
  Term *term;

  g_return_val_if_fail (CCP_IS_VOCABULARY (self), NULL);

  term = lookup_term (self, vocabulary, code);
  return term != NULL ? term->color : NULL;
}
