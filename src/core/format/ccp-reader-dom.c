/* ccp-reader-dom.c: reading the parsed tree: element names, text and attributes, and the
 * issues for what the format does not expect there (unknown or repeated elements, stray text,
 * unknown attributes, values that are not a boolean or a number). */
#define G_LOG_DOMAIN "ccp-reader"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ccp-issue.h"
#include "ccp-reader-private.h"

#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

/* Issues and paths */

void
_ccp_reader_add_issue (CcpReader  *r,
                       xmlNode    *node,
                       const char *rule,
                       const char *path,
                       const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  CcpIssue *issue;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  issue = ccp_issue_new (CCP_SEVERITY_ERROR, rule, path, message);
  _ccp_reader_node_location (r, node, &line, &column);
  ccp_issue_set_location (issue, line, column);
  g_ptr_array_add (r->issues, issue);
}

char *
_ccp_reader_path_join (const char *base,
                       const char *name)
{
  if (base == NULL || *base == '\0')
    return g_strdup (name);
  return g_strconcat (base, "/", name, NULL);
}

char *
_ccp_reader_path_index (const char *base,
                        const char *list,
                        guint       index)
{
  if (base == NULL || *base == '\0')
    return g_strdup_printf ("%s/%u", list, index);
  return g_strdup_printf ("%s/%s/%u", base, list, index);
}

const char *
_ccp_lazy_path_get (CcpLazyPath *self)
{
  if (self->parent == NULL)
    return self->segment;
  if (self->joined == NULL)
    {
      const char *base = _ccp_lazy_path_get (self->parent);

      if (self->segment != NULL)
        self->joined = _ccp_reader_path_join (base, self->segment);
      else
        self->joined = g_strdup_printf ("%s/%u", base, self->index);
    }
  return self->joined;
}

void
_ccp_lazy_path_clear (CcpLazyPath *self)
{
  g_clear_pointer (&self->joined, g_free);
}

/* Elements and text */

static gboolean
is_ours (xmlNode *node)
{
  return node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST CCP_FORMAT_NAMESPACE);
}

gboolean
_ccp_reader_has_name (xmlNode    *node,
                      const char *name)
{
  return g_str_equal ((const char *) node->name, name);
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* A short excerpt of text for messages. */
static char *
excerpt (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *start = NULL;

  if (g_utf8_strlen (stripped, -1) <= 40)
    return g_steal_pointer (&stripped);

  start = g_utf8_substring (stripped, 0, 40);
  return g_strconcat (start, "…", NULL);
}

void
_ccp_reader_unexpected_element (CcpReader  *r,
                                xmlNode    *child,
                                xmlNode    *parent,
                                const char *path)
{
  if (is_ours (child))
    _ccp_reader_add_issue (r, child, "format-unexpected-element", path,
                           /* Translators: element names of the file format, keep the < > */
                           _("Unexpected element <%s> in <%s>; it is ignored"),
                           (const char *) child->name, (const char *) parent->name);
  else
    _ccp_reader_add_issue (r, child, "format-unexpected-element", path,
                           /* Translators: element names of the file format, keep the < >;
                            * the second %s is an XML namespace URI */
                           _("Unexpected element <%s> (namespace “%s”) in <%s>; it is ignored"),
                           (const char *) child->name,
                           child->ns != NULL ? (const char *) child->ns->href : "",
                           (const char *) parent->name);
}

gboolean
_ccp_reader_accept_child (CcpReader  *r,
                          xmlNode    *child,
                          xmlNode    *parent,
                          const char *path)
{
  switch (child->type)
    {
    case XML_ELEMENT_NODE:
      if (is_ours (child))
        return TRUE;
      _ccp_reader_unexpected_element (r, child, parent, path);
      return FALSE;

    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (child->content != NULL && !is_blank ((const char *) child->content))
        {
          g_autofree char *text = excerpt ((const char *) child->content);

          _ccp_reader_add_issue (r, child, "format-unexpected-text", path,
                                 /* Translators: the first %s is an element name, the second
                                  * some text */
                                 _("Unexpected text in <%s>: “%s”; it is ignored"),
                                 (const char *) parent->name, text);
        }
      return FALSE;

    default:
      return FALSE;
    }
}

gboolean
_ccp_reader_accept_child_lazy (CcpReader   *r,
                               xmlNode     *child,
                               xmlNode     *parent,
                               CcpLazyPath *path)
{
  switch (child->type)
    {
    case XML_ELEMENT_NODE:
      /* Most elements of a file use the root's declaration of the namespace. */
      if (child->ns != NULL && child->ns == r->ours)
        return TRUE;
      if (is_ours (child))
        return TRUE;
      break;

    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (child->content == NULL || is_blank ((const char *) child->content))
        return FALSE;
      break;

    default:
      return FALSE;
    }

  return _ccp_reader_accept_child (r, child, parent, _ccp_lazy_path_get (path));
}

gboolean
_ccp_reader_accept_item_lazy (CcpReader   *r,
                              xmlNode     *child,
                              xmlNode     *parent,
                              CcpLazyPath *path,
                              const char  *name)
{
  if (!_ccp_reader_accept_child_lazy (r, child, parent, path))
    return FALSE;
  if (!_ccp_reader_has_name (child, name))
    {
      _ccp_reader_unexpected_element (r, child, parent, _ccp_lazy_path_get (path));
      return FALSE;
    }
  return TRUE;
}

gboolean
_ccp_reader_accept_item (CcpReader  *r,
                         xmlNode    *child,
                         xmlNode    *parent,
                         const char *path,
                         const char *name)
{
  if (!_ccp_reader_accept_child (r, child, parent, path))
    return FALSE;
  if (!_ccp_reader_has_name (child, name))
    {
      _ccp_reader_unexpected_element (r, child, parent, path);
      return FALSE;
    }
  return TRUE;
}

void
_ccp_reader_refuse_children (CcpReader  *r,
                             xmlNode    *node,
                             const char *path)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (_ccp_reader_accept_child (r, child, node, path))
      _ccp_reader_unexpected_element (r, child, node, path);
}

void
_ccp_reader_refuse_children_lazy (CcpReader   *r,
                                  xmlNode     *node,
                                  CcpLazyPath *path)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (_ccp_reader_accept_child_lazy (r, child, node, path))
      _ccp_reader_unexpected_element (r, child, node, _ccp_lazy_path_get (path));
}

void
_ccp_reader_duplicate_element (CcpReader  *r,
                               xmlNode    *child,
                               xmlNode    *parent,
                               const char *path)
{
  _ccp_reader_add_issue (r, child, "format-duplicate-element", path,
                         /* Translators: element names of the file format, keep the < > */
                         _("Element <%s> appears more than once in <%s>; only the first "
                           "is kept"),
                         (const char *) child->name, (const char *) parent->name);
}

/* Singletons: the first of each kind is read, later ones are reported. */
gboolean
_ccp_reader_first_time (CcpReader  *r,
                        GHashTable *seen,
                        xmlNode    *child,
                        xmlNode    *parent,
                        const char *path)
{
  if (g_hash_table_contains (seen, child->name))
    {
      _ccp_reader_duplicate_element (r, child, parent, path);
      return FALSE;
    }

  g_hash_table_add (seen, (gpointer) child->name);
  return TRUE;
}

GHashTable *
_ccp_reader_seen_new (void)
{
  return g_hash_table_new (g_str_hash, g_str_equal);
}

char *
_ccp_reader_element_text (CcpReader  *r,
                          xmlNode    *node,
                          const char *path)
{
  GString *text = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
          child->content != NULL)
        g_string_append (text, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        _ccp_reader_unexpected_element (r, child, node, path);
    }

  g_strstrip (text->str);
  text->len = strlen (text->str);
  return g_string_free (text, FALSE);
}

/* The bounds of text without its leading and trailing ASCII whitespace (g_strstrip()'s). */
static const char *
trim (const char *text,
      gsize      *length)
{
  gsize n = strlen (text);

  while (n > 0 && g_ascii_isspace (*text))
    {
      text++;
      n--;
    }
  while (n > 0 && g_ascii_isspace (text[n - 1]))
    n--;
  *length = n;
  return text;
}

/* text itself when it needs no trimming, else a trimmed copy in *owned. */
static const char *
peek_trimmed (const char  *text,
              char       **owned)
{
  const char *start;
  gsize length;

  if (text == NULL || *text == '\0')
    return "";
  start = trim (text, &length);
  if (start == text && start[length] == '\0')
    return text;
  *owned = g_strndup (start, length);
  return *owned;
}

const char *
_ccp_reader_peek_text (CcpReader    *r,
                       xmlNode      *node,
                       CcpLazyPath  *path,
                       char        **owned)
{
  xmlNode *text = NULL;

  /* Usually one text node and nothing else; comments and processing instructions are
   * skipped as _ccp_reader_element_text() does. */
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (text != NULL)
            {
              text = NULL;
              break;
            }
          text = child;
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          text = NULL;
          break;
        }
    }

  if (text == NULL)
    {
      gboolean has_content = FALSE;

      for (xmlNode *child = node->children; child != NULL && !has_content; child = child->next)
        has_content = child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE ||
                      child->type == XML_ELEMENT_NODE;
      if (!has_content)
        return "";
      *owned = _ccp_reader_element_text (r, node, _ccp_lazy_path_get (path));
      return *owned;
    }

  return peek_trimmed ((const char *) text->content, owned);
}

char *
_ccp_reader_read_text (CcpReader  *r,
                       xmlNode    *node,
                       const char *path)
{
  _ccp_reader_mark (r, path, node);
  _ccp_reader_check_attributes (r, node, path, NULL);
  return _ccp_reader_element_text (r, node, path);
}

/* Attributes */

/* Reports attributes not in known (NULL-terminated). xsi:* attributes (schemaLocation) are
 * what XML editors add; they are harmless and ignored. */
static gboolean
attribute_is_known (xmlAttr            *attr,
                    const char * const *known)
{
  if (attr->ns != NULL)
    return xmlStrEqual (attr->ns->href, BAD_CAST XSI_NS);
  return known != NULL && g_strv_contains (known, (const char *) attr->name);
}

void
_ccp_reader_check_attributes_lazy (CcpReader          *r,
                                   xmlNode            *node,
                                   CcpLazyPath        *path,
                                   const char * const *known)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (!attribute_is_known (attr, known))
      {
        _ccp_reader_check_attributes (r, node, _ccp_lazy_path_get (path), known);
        return;
      }
}

void
_ccp_reader_check_attributes (CcpReader          *r,
                              xmlNode            *node,
                              const char         *path,
                              const char * const *known)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (attr->ns != NULL && xmlStrEqual (attr->ns->href, BAD_CAST XSI_NS))
        continue;

      if (attr->ns == NULL && known != NULL &&
          g_strv_contains (known, (const char *) attr->name))
        continue;

      _ccp_reader_add_issue (r, node, "format-unexpected-attribute", path,
                             /* Translators: the first %s is an attribute name, the second an
                              * element name */
                             _("Unexpected attribute “%s” on <%s>; it is ignored"),
                             (const char *) attr->name, (const char *) node->name);
    }
}

char *
_ccp_reader_get_attr (xmlNode    *node,
                      const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *result;

  if (value == NULL)
    return NULL;

  result = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);
  return result;
}

const char *
_ccp_reader_peek_attr (xmlNode     *node,
                       const char  *name,
                       char       **owned)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (attr->ns != NULL || !xmlStrEqual (attr->name, BAD_CAST name))
        continue;
      /* One text node is what the parser makes of a value; anything else is xmlGetNoNsProp()'s
       * to put together. */
      if (attr->type == XML_ATTRIBUTE_NODE && attr->children != NULL &&
          attr->children->next == NULL &&
          (attr->children->type == XML_TEXT_NODE ||
           attr->children->type == XML_CDATA_SECTION_NODE))
        return peek_trimmed ((const char *) attr->children->content, owned);
      *owned = _ccp_reader_get_attr (node, name);
      return *owned;
    }
  return NULL;
}

/* An xs:boolean's four spellings; FALSE when value is none of them. */
static gboolean
parse_boolean (const char *value,
               gboolean   *result)
{
  if (g_str_equal (value, "true") || g_str_equal (value, "1"))
    *result = TRUE;
  else if (g_str_equal (value, "false") || g_str_equal (value, "0"))
    *result = FALSE;
  else
    return FALSE;
  return TRUE;
}

gboolean
_ccp_reader_peek_bool_attr (CcpReader   *r,
                            xmlNode     *node,
                            const char  *name,
                            CcpLazyPath *path,
                            gboolean     default_value)
{
  g_autofree char *owned = NULL;
  const char *value = _ccp_reader_peek_attr (node, name, &owned);

  gboolean result;

  if (value == NULL)
    return default_value;
  if (parse_boolean (value, &result))
    return result;
  return _ccp_reader_get_bool_attr (r, node, name, _ccp_lazy_path_get (path), default_value);
}

char *
_ccp_reader_get_attr_or_empty (xmlNode    *node,
                               const char *name)
{
  char *value = _ccp_reader_get_attr (node, name);

  return value != NULL ? value : g_strdup ("");
}

gboolean
_ccp_reader_get_bool_attr (CcpReader  *r,
                           xmlNode    *node,
                           const char *name,
                           const char *path,
                           gboolean    default_value)
{
  g_autofree char *value = _ccp_reader_get_attr (node, name);
  gboolean result;

  if (value == NULL)
    return default_value;
  if (parse_boolean (value, &result))
    return result;

  _ccp_reader_add_issue (r, node, "format-invalid-boolean", path,
                         /* Translators: the first %s is an attribute name, the second an
                          * element name, the third the value found; "true" and "false" are
                          * literal */
                         _("Attribute “%s” of <%s> must be “true” or “false”, not “%s”"),
                         name, (const char *) node->name, value);
  return default_value;
}

gboolean
_ccp_reader_get_uint_attr (CcpReader  *r,
                           xmlNode    *node,
                           const char *name,
                           const char *path,
                           guint      *out)
{
  g_autofree char *value = _ccp_reader_get_attr (node, name);
  guint64 number = 0;

  if (value == NULL)
    return FALSE;

  if (value[0] == '+' || value[0] == '-' ||
      !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &number, NULL))
    {
      _ccp_reader_add_issue (r, node, "format-invalid-number", path,
                             /* Translators: the first %s is an attribute name, the second an
                              * element name, the third the value found */
                             _("Attribute “%s” of <%s> must be a whole number, not “%s”"),
                             name, (const char *) node->name, value);
      return FALSE;
    }

  *out = (guint) number;
  return TRUE;
}

/* Lists */

void
_ccp_reader_read_items (CcpReader   *r,
                        xmlNode     *node,
                        const char  *path,
                        const char  *item,
                        CcpReadItem  read_item,
                        gpointer     data,
                        GPtrArray   *items)
{
  guint index = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *item_path = NULL;

      if (!_ccp_reader_accept_item (r, child, node, path, item))
        continue;

      item_path = g_strdup_printf ("%s/%u", path, index++);
      read_item (r, child, item_path, data, items);
    }
}

/* Adds items to the end of store at once: one "items-changed" for the list, not one per item
 * (each is a signal emission that the model's list watch answers). */
void
_ccp_reader_append_items (CcpItemList *store,
                          GPtrArray   *items)
{
  ccp_item_list_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                        items->pdata, items->len);
}

void
_ccp_reader_read_list (CcpReader   *r,
                       xmlNode     *node,
                       const char  *path,
                       const char  *item,
                       CcpReadItem  read_item,
                       gpointer     data,
                       CcpItemList  *store)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  _ccp_reader_mark (r, path, node);
  _ccp_reader_check_attributes (r, node, path, NULL);
  _ccp_reader_read_items (r, node, path, item, read_item, data, items);
  _ccp_reader_append_items (store, items);
}
