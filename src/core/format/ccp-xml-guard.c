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

/* g_utf8_validate_len() with the same verdict and *end, faster on what plans mostly are:
 * ASCII. GLib 2.74 checks byte by byte; runs of ASCII without NUL are skipped here eight
 * bytes at a time, and only the runs of other bytes (with the NUL or ASCII byte that may start
 * them) are given to GLib. An ASCII byte always starts a character, so a run ends where a
 * character does, and the first invalid byte is found at the same place. */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **end)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  gsize i = 0;

  while (i < length)
    {
      gsize run;

      for (; i + 8 <= length; i += 8)
        {
          guint64 word;

          memcpy (&word, data + i, 8);
          if ((word & high) != 0 || ((word - ones) & ~word & high) != 0)
            break;
        }
      while (i < length && (guchar) data[i] < 0x80 && data[i] != '\0')
        i++;
      if (i == length)
        break;

      run = i + 1;
      while (run < length && (guchar) data[run] >= 0x80)
        run++;
      if (!g_utf8_validate_len (data + i, run - i, end))
        return FALSE;
      i = run;
    }

  *end = data + length;
  return TRUE;
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

  if (!validate_utf8 ((const char *) data, length, &end))
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
record_error (ParseError  *first,
              xmlErrorPtr  error)
{
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
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  xmlParserCtxt *ctxt = user_data;

  record_error (ctxt->_private, error);
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
is_xinclude (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         (xmlStrEqual (node->ns->href, BAD_CAST XINCLUDE_NS_2001) ||
          xmlStrEqual (node->ns->href, BAD_CAST XINCLUDE_NS_2003));
}

static guint
node_line (xmlNode *node)
{
  long line = xmlGetLineNo (node);

  return line > 0 && line < G_MAXUINT ? (guint) line : 0;
}

static void
set_xinclude_error (const char  *name,
                    guint        line,
                    GError     **error)
{
  g_set_error (error, CCP_ERROR, CCP_ERROR_FORBIDDEN,
               /* Translators: %s is a file name, %u a line number; XInclude is a way
                * for an XML file to pull in other files */
               _("%s:%u: the file uses XInclude to include other files; this is "
                 "refused for safety"),
               name, line);
}

static void
set_doctype_error (const char  *name,
                   GError     **error)
{
  g_set_error (error, CCP_ERROR, CCP_ERROR_FORBIDDEN,
               /* Translators: %s is a file name */
               _("%s: the file has a document type declaration; plan files never have "
                 "one, so it is refused for safety"), name);
}

static gboolean
check_no_xinclude (xmlNode     *root,
                   const char  *name,
                   GError     **error)
{
  for (xmlNode *node = root; node != NULL; node = next_node (node, root))
    if (is_xinclude (node))
      {
        set_xinclude_error (name, node_line (node), error);
        return FALSE;
      }

  return TRUE;
}

/* Checks 1 and 2 of the header, before any parsing. */
static gboolean
check_bytes (const char  *data,
             gsize        length,
             const char  *name,
             GError     **error)
{
  xmlInitParser ();

  if (length == 0)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_EMPTY,
                   /* Translators: %s is a file name */
                   _("“%s” is empty"), name);
      return FALSE;
    }

  return check_encoding ((const guint8 *) data, length, name, error) &&
         check_prolog (data, length, name, error);
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

  if (!check_bytes (data, length, name, error))
    return NULL;

  doc = parse_document (data, length, name, error);
  if (doc == NULL)
    return NULL;

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      set_doctype_error (name, error);
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

/* Streaming */

typedef enum
{
  STEP_READ,   /* into the element entered, or past the end of the one left */
  STEP_SKIP,   /* past the child last given, and its subtree */
  STEP_EMPTY,  /* the element entered has no children: give its end */
} Step;

struct _CcpXmlStream
{
  xmlTextReader *reader;
  const char    *data;
  gsize          length;
  char          *name;
  ParseError     first;
  gboolean       failed;         /* a read failed (first says why) */
  gboolean       ended;          /* no more input */
  Step           step;
  int            depth;          /* of the element whose children are given; -1: none */
  xmlNode       *child;          /* the child last given, while the walk is on it */
  gboolean       child_done;     /* expanded or entered */
  xmlNode       *root;           /* until the walk leaves it */
  xmlDoc        *doc;            /* the reader's, NULL until the root is found */
  gsize          scan;           /* where the next start tag is searched from */
  gboolean       have_xinclude;
  guint          xinclude_line;
};

static void
stream_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  CcpXmlStream *self = user_data;

  record_error (&self->first, error);
}

/* Offset of the end of needle from offset on, or length. */
static gsize
skip_past (const char *data,
           gsize       length,
           gsize       offset,
           const char *needle)
{
  const char *found;

  if (offset >= length)
    return length;
  found = g_strstr_len (data + offset, (gssize) (length - offset), needle);
  return found != NULL ? (gsize) (found - data) + strlen (needle) : length;
}

/* The '<' of the next start tag in the bytes, plus one (0: none). Elements are met in
 * document order, so the n-th element met is the n-th start tag; the parser accepted the
 * bytes up to it, and no DTD is there: only comments, CDATA sections and processing
 * instructions hold a '<' that is not a tag (attribute values and text never do). */
static gsize
next_start_tag (CcpXmlStream *self)
{
  const char *data = self->data;
  gsize length = self->length;
  gsize i = self->scan;

  while (i < length)
    {
      const char *lt = memchr (data + i, '<', length - i);
      gsize rest;

      if (lt == NULL)
        break;
      i = (gsize) (lt - data);
      rest = length - i;
      if (rest >= 4 && memcmp (lt, "<!--", 4) == 0)
        i = skip_past (data, length, i + 4, "-->");
      else if (rest >= 9 && memcmp (lt, "<![CDATA[", 9) == 0)
        i = skip_past (data, length, i + 9, "]]>");
      else if (rest >= 2 && lt[1] == '?')
        i = skip_past (data, length, i + 2, "?>");
      else if (rest >= 2 && (lt[1] == '/' || lt[1] == '!'))
        i += 2;
      else
        {
          self->scan = i + 1;
          return i + 1;
        }
    }

  self->scan = length;
  return 0;
}

/* What ccp_xml_guard_parse() does for every element: where its start tag is (see the header:
 * _private holds an offset within it plus one), and the XInclude check. */
static void
note_element (CcpXmlStream *self,
              xmlNode      *node)
{
  node->_private = GSIZE_TO_POINTER (next_start_tag (self));
  if (!self->have_xinclude && is_xinclude (node))
    {
      self->have_xinclude = TRUE;
      self->xinclude_line = node_line (node);
    }
}

/* xmlTextReaderRead() or xmlTextReaderNext(); FALSE at the end or on failure. */
static gboolean
step (CcpXmlStream *self,
      gboolean      skip)
{
  int ret;

  if (self->failed || self->ended)
    return FALSE;

  ret = skip ? xmlTextReaderNext (self->reader) : xmlTextReaderRead (self->reader);
  if (ret < 0 || self->first.have_error)
    self->failed = TRUE;
  else if (ret == 0)
    self->ended = TRUE;
  return ret == 1 && !self->failed;
}

CcpXmlStream *
ccp_xml_stream_new (const char  *data,
                    gsize        length,
                    const char  *name,
                    GError     **error)
{
  /* The options of parse_document(), for the same reasons. */
  const int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING |
                      XML_PARSE_NOERROR | XML_PARSE_NOBLANKS;
  CcpXmlStream *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_bytes (data, length, name, error))
    return NULL;

  if (length > G_MAXINT)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_TOO_LARGE, _("“%s” is too large"), name);
      return NULL;
    }

  self = g_new0 (CcpXmlStream, 1);
  self->data = data;
  self->length = length;
  self->name = g_strdup (name);
  self->depth = -1;
  self->reader = xmlReaderForMemory (data, (int) length, NULL, "UTF-8", options);
  if (self->reader == NULL)
    g_error ("Out of memory creating an XML reader");
  xmlTextReaderSetStructuredErrorHandler (self->reader, stream_error_cb, self);
  return self;
}

void
ccp_xml_stream_free (CcpXmlStream *self)
{
  if (self == NULL)
    return;

  xmlFreeTextReader (self->reader);
  g_free (self->first.message);
  g_free (self->name);
  g_free (self);
}

xmlNode *
ccp_xml_stream_root (CcpXmlStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->root == NULL && self->depth == -1, NULL);

  while (step (self, FALSE))
    {
      if (xmlTextReaderNodeType (self->reader) != XML_READER_TYPE_ELEMENT)
        continue;

      self->root = xmlTextReaderCurrentNode (self->reader);
      self->doc = self->root->doc;
      note_element (self, self->root);
      self->depth = 0;
      self->step = xmlTextReaderIsEmptyElement (self->reader) == 1 ? STEP_EMPTY : STEP_READ;
      return self->root;
    }

  return NULL;
}

xmlNode *
ccp_xml_stream_next (CcpXmlStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->failed || self->ended || self->depth < 0)
    return NULL;

  if (self->step == STEP_EMPTY)
    {
      self->step = STEP_READ;
      self->depth--;
      return NULL;
    }

  /* A child neither expanded nor entered is still checked, and its elements counted. */
  if (self->child != NULL && !self->child_done && self->child->type == XML_ELEMENT_NODE &&
      !ccp_xml_stream_expand (self))
    return NULL;
  self->child = NULL;

  while (step (self, self->step == STEP_SKIP))
    {
      int type = xmlTextReaderNodeType (self->reader);
      int depth = xmlTextReaderDepth (self->reader);

      self->step = STEP_SKIP;
      if (depth == self->depth + 1 && type != XML_READER_TYPE_END_ELEMENT)
        {
          self->child = xmlTextReaderCurrentNode (self->reader);
          self->child_done = FALSE;
          if (type == XML_READER_TYPE_ELEMENT)
            note_element (self, self->child);
          return self->child;
        }
      if (depth <= self->depth)
        {
          /* The end of the element entered. */
          self->step = STEP_READ;
          self->depth--;
          return NULL;
        }
    }

  return NULL;
}

gboolean
ccp_xml_stream_expand (CcpXmlStream *self)
{
  xmlNode *top;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->child != NULL && !self->child_done, FALSE);

  self->child_done = TRUE;
  if (self->failed)
    return FALSE;
  if (self->child->type != XML_ELEMENT_NODE)
    return TRUE;

  top = xmlTextReaderExpand (self->reader);
  if (top == NULL || self->first.have_error)
    {
      self->failed = TRUE;
      return FALSE;
    }

  for (xmlNode *node = next_node (top, top); node != NULL; node = next_node (node, top))
    if (node->type == XML_ELEMENT_NODE)
      note_element (self, node);
  return TRUE;
}

void
ccp_xml_stream_enter (CcpXmlStream *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->child != NULL && !self->child_done);
  g_return_if_fail (self->child->type == XML_ELEMENT_NODE);

  self->child_done = TRUE;
  self->child = NULL;
  self->depth++;
  self->step = xmlTextReaderIsEmptyElement (self->reader) == 1 ? STEP_EMPTY : STEP_READ;
}

void
ccp_xml_stream_preserve (CcpXmlStream *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->child != NULL && self->child_done);

  if (!self->failed)
    xmlTextReaderPreserve (self->reader);
}

gboolean
ccp_xml_stream_finish (CcpXmlStream  *self,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The rest is only checked: every node, for the errors of the parse and XInclude. */
  if (self->step != STEP_EMPTY && self->child != NULL && self->child_done)
    step (self, TRUE);
  while (!self->failed && !self->ended)
    {
      if (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_ELEMENT &&
          !self->have_xinclude)
        {
          xmlNode *node = xmlTextReaderCurrentNode (self->reader);

          if (node != NULL && is_xinclude (node))
            {
              self->have_xinclude = TRUE;
              self->xinclude_line = node_line (node);
            }
        }
      step (self, FALSE);
    }
  self->child = NULL;
  self->root = NULL;
  self->depth = -1;

  if (self->failed || self->first.have_error)
    {
      set_parse_error (&self->first, self->name, error);
      return FALSE;
    }

  if (self->doc != NULL && (self->doc->intSubset != NULL || self->doc->extSubset != NULL))
    {
      set_doctype_error (self->name, error);
      return FALSE;
    }

  if (self->doc == NULL)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_MALFORMED,
                   _("%s: not well-formed XML"), self->name);
      return FALSE;
    }

  if (self->have_xinclude)
    {
      set_xinclude_error (self->name, self->xinclude_line, error);
      return FALSE;
    }

  return TRUE;
}
