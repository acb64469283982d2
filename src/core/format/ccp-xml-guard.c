/* ccp-xml-guard.c: untrusted bytes -> an XML document, refusing what could attack the parser
 * or the machine (see ccp-xml-guard.h for the order of the checks). */
#define G_LOG_DOMAIN "ccp-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "ccp-error.h"
#include "ccp-xml-guard.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

#define XINCLUDE_NS_2001 "http://www.w3.org/2001/XInclude"
#define XINCLUDE_NS_2003 "http://www.w3.org/2003/XInclude"

/* Checks before parsing */

static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

static gboolean
has_prefix_bytes (const guint8 *data,
                  gsize         length,
                  const char   *prefix,
                  gsize         prefix_length)
{
  return length >= prefix_length && memcmp (data, prefix, prefix_length) == 0;
}

static gboolean
check_encoding (const guint8  *data,
                gsize          length,
                const char    *name,
                GError       **error)
{
  const char *end = NULL;

  if (has_prefix_bytes (data, length, "\x1f\x8b", 2) ||
      has_prefix_bytes (data, length, "PK\x03\x04", 4) ||
      has_prefix_bytes (data, length, "BZh", 3) ||
      has_prefix_bytes (data, length, "\xfd" "7zXZ\0", 6) ||
      has_prefix_bytes (data, length, "\x28\xb5\x2f\xfd", 4))
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_ENCODING,
                   /* Translators: %s is a file name */
                   _("“%s” is compressed; uncompress it first (a plan file is plain XML)"),
                   name);
      return FALSE;
    }

  if (has_prefix_bytes (data, length, "\xff\xfe", 2) ||
      has_prefix_bytes (data, length, "\xfe\xff", 2) ||
      has_prefix_bytes (data, length, "<\0", 2) ||
      has_prefix_bytes (data, length, "\0<", 2))
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_ENCODING,
                   /* Translators: %s is a file name; UTF-16 and UTF-8 are text encodings */
                   _("“%s” is UTF-16; save it as UTF-8"), name);
      return FALSE;
    }

  if (!g_utf8_validate_len ((const char *) data, length, &end))
    {
      gsize offset = (gsize) (end - (const char *) data);
      guint line = line_at ((const char *) data, offset);

      if (*end == '\0')
        g_set_error (error, CCP_ERROR, CCP_ERROR_ENCODING,
                     /* Translators: %s is a file name, %u a line number; a NUL byte is a
                      * zero byte, which text files never contain */
                     _("%s:%u: the file contains a NUL byte; it is not a text file"),
                     name, line);
      else
        g_set_error (error, CCP_ERROR, CCP_ERROR_ENCODING,
                     /* Translators: %s is a file name, %u a line number */
                     _("%s:%u: the file is not valid UTF-8 text; save it as UTF-8"),
                     name, line);
      return FALSE;
    }

  return TRUE;
}

/* Scans what comes before the root element: only the XML declaration, comments, processing
 * instructions and whitespace may be there. A DOCTYPE (and any entity declaration in it) is
 * refused before the parser can expand anything. */
static gboolean
check_prolog (const char  *data,
              gsize        length,
              const char  *name,
              GError     **error)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;

  while (i < length)
    {
      const char *found;

      if (g_ascii_isspace (data[i]))
        {
          i++;
          continue;
        }

      if (length - i >= 4 && memcmp (data + i, "<!--", 4) == 0)
        {
          found = g_strstr_len (data + i + 4, length - i - 4, "-->");
          if (found == NULL)
            return TRUE; /* the parser reports the unterminated comment */
          i = (gsize) (found - data) + 3;
          continue;
        }

      if (length - i >= 2 && memcmp (data + i, "<?", 2) == 0)
        {
          found = g_strstr_len (data + i + 2, length - i - 2, "?>");
          if (found == NULL)
            return TRUE;
          i = (gsize) (found - data) + 2;
          continue;
        }

      if (length - i >= 9 && g_ascii_strncasecmp (data + i, "<!DOCTYPE", 9) == 0)
        {
          g_set_error (error, CCP_ERROR, CCP_ERROR_FORBIDDEN,
                       /* Translators: %s is a file name, %u a line number; keep <!DOCTYPE> */
                       _("%s:%u: the file has a document type declaration (<!DOCTYPE>); plan "
                         "files never have one, so it is refused for safety"),
                       name, line_at (data, i));
          return FALSE;
        }

      if (length - i >= 8 && g_ascii_strncasecmp (data + i, "<!ENTITY", 8) == 0)
        {
          g_set_error (error, CCP_ERROR, CCP_ERROR_FORBIDDEN,
                       /* Translators: %s is a file name, %u a line number; keep <!ENTITY> */
                       _("%s:%u: the file declares an entity (<!ENTITY>); plan files never do, "
                         "so it is refused for safety"),
                       name, line_at (data, i));
          return FALSE;
        }

      /* The root element, or something the parser will report. */
      return TRUE;
    }

  return TRUE;
}

/* Parsing */

typedef struct
{
  gboolean have_error;
  int      code;
  guint    line;
  guint    column;
  char    *message;
} ParseError;

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  xmlParserCtxt *ctxt = user_data;
  ParseError *first = ctxt->_private;

  if (first == NULL || first->have_error || error == NULL || error->level < XML_ERR_ERROR)
    return;

  first->have_error = TRUE;
  first->code = error->code;
  first->line = error->line > 0 ? (guint) error->line : 0;
  first->column = error->int2 > 0 ? (guint) error->int2 : 0;
  {
    /* libxml2 may quote the file after a newline, cut in the middle of a character: keep the
     * first line, as valid UTF-8, so every message (and JSON output) stays well-formed. */
    const char *text = error->message != NULL ? error->message : "";
    const char *newline = strchr (text, '\n');

    first->message = g_utf8_make_valid (text, newline != NULL ? newline - text : -1);
    g_strchomp (first->message);
  }
}

static void
set_parse_error (ParseError  *first,
                 const char  *name,
                 GError     **error)
{
  if (!first->have_error)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_MALFORMED,
                   /* Translators: %s is a file name */
                   _("%s: not well-formed XML"), name);
      return;
    }

  if (strstr (first->message, "Excessive depth") != NULL)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_MALFORMED,
                   /* Translators: %s is a file name, the first %u a line number, the second a
                    * count of levels */
                   _("%s:%u: elements are nested too deeply (more than %u levels); this is "
                     "not a plan file"),
                   name, first->line, 256u);
      return;
    }

  g_set_error (error, CCP_ERROR, CCP_ERROR_MALFORMED,
               /* Translators: %s is a file name, %u a line number, the last %s the parser's
                * own (English) description of the problem */
               _("%s:%u: not well-formed XML: %s"),
               name, first->line, first->message);
}

/* Records where each start tag ends (its '>' or "/>"), for ccp-locations.c: libxml2 keeps only
 * a line, and beyond line 65535 borrows it from neighbouring text. The input is the caller's
 * bytes, in memory and unconverted (UTF-8), so the parser's position is an offset in them. */
static void
start_element_cb (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = user_data;
  gsize end = ctxt->input->consumed + (gsize) (ctxt->input->cur - ctxt->input->base);

  xmlSAX2StartElementNs (ctxt, localname, prefix, uri, n_namespaces, namespaces, n_attributes,
                         n_defaulted, attributes);
  if (ctxt->node != NULL)
    ctxt->node->_private = GSIZE_TO_POINTER (end + 1);  /* 0: not known */
}

static xmlDoc *
parse_document (const char  *data,
                gsize        length,
                const char  *name,
                GError     **error)
{
  /* Never XML_PARSE_NOENT, DTDLOAD, DTDVALID, HUGE or XINCLUDE (see STYLE.md). NOBLANKS
   * leaves out the indentation between elements, half the nodes of a plan; text made only of
   * blanks means nothing in the format (element_text() strips it, accept_child() skips it). */
  const int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING |
                      XML_PARSE_NOERROR | XML_PARSE_NOBLANKS;
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  ParseError first = { 0 };
  xmlDoc *doc;

  if (length > G_MAXINT)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_TOO_LARGE, _("“%s” is too large"), name);
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory creating an XML parser");

  ctxt->_private = &first;
  ctxt->sax->serror = structured_error_cb;
  ctxt->sax->startElementNs = start_element_cb;

  doc = xmlCtxtReadMemory (ctxt, data, (int) length, NULL, "UTF-8", options);

  if (doc == NULL || !ctxt->wellFormed || !ctxt->nsWellFormed)
    {
      set_parse_error (&first, name, error);
      g_free (first.message);
      g_clear_pointer (&doc, xmlFreeDoc);
      ctxt->_private = NULL;
      return NULL;
    }

  g_free (first.message);
  ctxt->_private = NULL;
  return doc;
}

static xmlNode *
next_node (xmlNode *node,
           xmlNode *top)
{
  if (node->type == XML_ELEMENT_NODE && node->children != NULL)
    return node->children;

  while (node != top)
    {
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }
  return NULL;
}

static gboolean
check_no_xinclude (xmlNode     *root,
                   const char  *name,
                   GError     **error)
{
  for (xmlNode *node = root; node != NULL; node = next_node (node, root))
    {
      if (node->type != XML_ELEMENT_NODE || node->ns == NULL)
        continue;

      if (xmlStrEqual (node->ns->href, BAD_CAST XINCLUDE_NS_2001) ||
          xmlStrEqual (node->ns->href, BAD_CAST XINCLUDE_NS_2003))
        {
          long line = xmlGetLineNo (node);

          g_set_error (error, CCP_ERROR, CCP_ERROR_FORBIDDEN,
                       /* Translators: %s is a file name, %u a line number; XInclude is a way
                        * for an XML file to pull in other files */
                       _("%s:%u: the file uses XInclude to include other files; this is "
                         "refused for safety"),
                       name, line > 0 && line < G_MAXUINT ? (guint) line : 0);
          return FALSE;
        }
    }

  return TRUE;
}

xmlDoc *
ccp_xml_guard_parse (const char  *data,
                     gsize        length,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  xmlInitParser ();

  if (length == 0)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_EMPTY,
                   /* Translators: %s is a file name */
                   _("“%s” is empty"), name);
      return NULL;
    }

  if (!check_encoding ((const guint8 *) data, length, name, error) ||
      !check_prolog (data, length, name, error))
    return NULL;

  doc = parse_document (data, length, name, error);
  if (doc == NULL)
    return NULL;

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_FORBIDDEN,
                   /* Translators: %s is a file name */
                   _("%s: the file has a document type declaration; plan files never have "
                     "one, so it is refused for safety"), name);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_MALFORMED,
                   _("%s: not well-formed XML"), name);
      return NULL;
    }

  if (!check_no_xinclude (root, name, error))
    return NULL;

  return g_steal_pointer (&doc);
}
