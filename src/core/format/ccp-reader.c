/* ccp-reader.c: reads city plans and field plans (format 1.x) from untrusted bytes.
 *
 * Order of the checks, each with its own specific error:
 *   1. bytes: not empty, not compressed, not UTF-16, valid UTF-8 without NUL bytes;
 *   2. prolog: no <!DOCTYPE> or <!ENTITY> before the root element (refused before libxml2
 *      sees them: entity expansion is where XML parsers get attacked);
 *   3. libxml2 with XML_PARSE_NONET only (never NOENT, DTDLOAD, DTDVALID, HUGE, XINCLUDE), the
 *      first error captured with its line; no DTD in the result; no XInclude element;
 *   4. root element and namespace: a city plan or field plan of format 1.x, or a clear "newer
 *      version" / "not a plan" error;
 *   5. the tree is walked into the model. Values are kept as found (only leading and trailing
 *      whitespace is trimmed); what the model cannot hold becomes a CcpIssue with its line.
 *
 * libxml2 keeps line numbers on nodes but no columns, so columns of locations are 0 (unknown).
 */
#define G_LOG_DOMAIN "ccp-reader"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-contact.h"
#include "ccp-error.h"
#include "ccp-field-plan.h"
#include "ccp-file.h"
#include "ccp-issue.h"
#include "ccp-partner.h"
#include "ccp-plan.h"
#include "ccp-reader.h"
#include "ccp-report-item.h"
#include "ccp-result.h"
#include "ccp-source.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

#define NAMESPACE_PREFIX "urn:creativecities:plans:"
#define XINCLUDE_NS_2001 "http://www.w3.org/2001/XInclude"
#define XINCLUDE_NS_2003 "http://www.w3.org/2003/XInclude"
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

/* Locations */

typedef struct
{
  guint line;
  guint column;
} Location;

/* The reader's locations are found only when first looked up, by reading the bytes again
 * with locations on: most files have few issues or none, and recording where every element
 * is costs a tenth of the reading. */
struct _CcpLocations
{
  gatomicrefcount ref_count;
  GHashTable *table;        /* path (char *) -> Location * */
  GMutex      lock;         /* around the deferred filling */
  GBytes     *bytes;        /* to read again on first lookup, or NULL */
  char       *display_name;
};

static void fill_locations (CcpLocations *self);

G_DEFINE_BOXED_TYPE (CcpLocations, ccp_locations, ccp_locations_ref, ccp_locations_unref)

CcpLocations *
ccp_locations_new (void)
{
  CcpLocations *self = g_new0 (CcpLocations, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&self->lock);
  return self;
}

static CcpLocations *
locations_new_deferred (GBytes     *bytes,
                        const char *display_name)
{
  CcpLocations *self = ccp_locations_new ();

  self->bytes = g_bytes_ref (bytes);
  self->display_name = g_strdup (display_name);
  return self;
}

CcpLocations *
ccp_locations_ref (CcpLocations *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ccp_locations_unref (CcpLocations *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->table);
      g_mutex_clear (&self->lock);
      g_clear_pointer (&self->bytes, g_bytes_unref);
      g_free (self->display_name);
      g_free (self);
    }
}

void
ccp_locations_set (CcpLocations *self,
                   const char   *path,
                   guint         line,
                   guint         column)
{
  Location *location;

  g_return_if_fail (self != NULL);
  g_return_if_fail (path != NULL);

  location = g_new (Location, 1);
  location->line = line;
  location->column = column;
  g_hash_table_insert (self->table, g_strdup (path), location);
}

gboolean
ccp_locations_lookup (CcpLocations *self,
                      const char   *path,
                      guint        *line,
                      guint        *column)
{
  g_autofree char *current = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_mutex_lock (&self->lock);
  if (self->bytes != NULL)
    fill_locations (self);
  g_mutex_unlock (&self->lock);

  current = g_strdup (path);
  for (;;)
    {
      Location *location = g_hash_table_lookup (self->table, current);
      char *slash;

      if (location != NULL)
        {
          if (line != NULL)
            *line = location->line;
          if (column != NULL)
            *column = location->column;
          return TRUE;
        }

      if (*current == '\0')
        return FALSE;

      slash = strrchr (current, '/');
      if (slash != NULL)
        *slash = '\0';
      else
        *current = '\0';
    }
}

/* Issues that already carry a line (the reader's own) keep it. */
void
ccp_locations_apply (CcpLocations *self,
                     GPtrArray    *issues)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (issues != NULL);

  for (guint i = 0; i < issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (issues, i);
      guint line = 0, column = 0;

      if (ccp_issue_get_line (issue) != 0)
        continue;
      if (ccp_locations_lookup (self, ccp_issue_get_path (issue), &line, &column))
        ccp_issue_set_location (issue, line, column);
    }
}

/* Reading state */

typedef struct
{
  const char   *name;      /* display name of the input */
  GPtrArray    *issues;    /* CcpIssue */
  CcpLocations *locations;
  const char   *data;      /* the bytes parsed */
  gsize         length;
  GArray       *line_starts; /* gsize offsets; line N starts at index N - 1; see lines() */
} Reader;

/* Where each line starts, found when first needed (for a location or an issue). */
static GArray *
lines (Reader *r)
{
  if (r->line_starts == NULL)
    {
      const char *p = r->data, *end = r->data + r->length;
      gsize zero = 0;

      r->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_array_append_val (r->line_starts, zero);
      while ((p = memchr (p, '\n', (gsize) (end - p))) != NULL)
        {
          gsize next = (gsize) (++p - r->data);

          g_array_append_val (r->line_starts, next);
        }
    }
  return r->line_starts;
}

static guint
line_of_offset (Reader *r,
                gsize   offset)
{
  guint low = 0, high = lines (r)->len;

  /* the last line start <= offset */
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (r->line_starts, gsize, middle) <= offset)
        low = middle;
      else
        high = middle;
    }
  return low + 1;
}

/* Where an element's start tag begins: its line, and its column in characters from 1.
 * start_element_cb() recorded in node->_private where the tag ends; a start tag holds no
 * other '<' (attribute values cannot), so its '<' is the first one before that. */
static gboolean
element_start (Reader  *r,
               xmlNode *node,
               guint   *line,
               guint   *column)
{
  gsize end = GPOINTER_TO_SIZE (node->_private);
  gsize start, line_start;

  if (r->data == NULL || end == 0 || end > r->length)
    return FALSE;

  start = end - 1;
  while (start > 0 && r->data[start] != '<')
    start--;
  if (r->data[start] != '<')
    return FALSE;

  *line = line_of_offset (r, start);
  line_start = g_array_index (r->line_starts, gsize, *line - 1);
  /* The bytes were checked to be UTF-8 before parsing. */
  *column = (guint) g_utf8_strlen (r->data + line_start, (gssize) (start - line_start)) + 1;
  return TRUE;
}

/* Where a node is in the file: line and column, 0 when unknown (columns are known for
 * elements only). */
static void
node_location (Reader  *r,
               xmlNode *node,
               guint   *line_out,
               guint   *column_out)
{
  long line;

  *line_out = 0;
  *column_out = 0;
  if (r != NULL && node->type == XML_ELEMENT_NODE &&
      element_start (r, node, line_out, column_out))
    return;

  line = xmlGetLineNo (node);
  if (line <= 0 || line >= G_MAXUINT)
    return;

  *line_out = (guint) line;
  if (node->type == XML_ELEMENT_NODE)
    return;

  /* A text node gets the line where the parser delivered it, at its end: report the line of
   * its first non-blank character instead. */
  if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
      node->content != NULL)
    {
      const char *p = (const char *) node->content;
      guint newlines = 0;

      while (*p != '\0' && g_ascii_isspace (*p))
        p++;
      for (; *p != '\0'; p++)
        newlines += *p == '\n';
      if (newlines < (guint) line)
        *line_out = (guint) line - newlines;
    }
}

static void
mark (Reader     *r,
      const char *path,
      xmlNode    *node)
{
  guint line, column;

  if (r->locations == NULL)
    return;
  node_location (r, node, &line, &column);
  ccp_locations_set (r->locations, path, line, column);
}

G_GNUC_PRINTF (5, 6) static void
add_issue (Reader     *r,
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
  node_location (r, node, &line, &column);
  ccp_issue_set_location (issue, line, column);
  g_ptr_array_add (r->issues, issue);
}

static char *
path_join (const char *base,
           const char *name)
{
  if (base == NULL || *base == '\0')
    return g_strdup (name);
  return g_strconcat (base, "/", name, NULL);
}

static char *
path_index (const char *base,
            const char *list,
            guint       index)
{
  if (base == NULL || *base == '\0')
    return g_strdup_printf ("%s/%u", list, index);
  return g_strdup_printf ("%s/%s/%u", base, list, index);
}

static gboolean
is_ours (xmlNode *node)
{
  return node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST CCP_FORMAT_NAMESPACE);
}

static gboolean
has_name (xmlNode    *node,
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

static void
unexpected_element (Reader     *r,
                    xmlNode    *child,
                    xmlNode    *parent,
                    const char *path)
{
  if (is_ours (child))
    add_issue (r, child, "format-unexpected-element", path,
               /* Translators: element names of the file format, keep the < > */
               _("Unexpected element <%s> in <%s>; it is ignored"),
               (const char *) child->name, (const char *) parent->name);
  else
    add_issue (r, child, "format-unexpected-element", path,
               /* Translators: element names of the file format, keep the < >; the second %s
                * is an XML namespace URI */
               _("Unexpected element <%s> (namespace “%s”) in <%s>; it is ignored"),
               (const char *) child->name,
               child->ns != NULL ? (const char *) child->ns->href : "",
               (const char *) parent->name);
}

/* Returns TRUE when child is an element of the format (the caller dispatches it); reports
 * foreign elements and stray text; skips comments and processing instructions. */
static gboolean
accept_child (Reader     *r,
              xmlNode    *child,
              xmlNode    *parent,
              const char *path)
{
  switch (child->type)
    {
    case XML_ELEMENT_NODE:
      if (is_ours (child))
        return TRUE;
      unexpected_element (r, child, parent, path);
      return FALSE;

    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (child->content != NULL && !is_blank ((const char *) child->content))
        {
          g_autofree char *text = excerpt ((const char *) child->content);

          add_issue (r, child, "format-unexpected-text", path,
                     /* Translators: the first %s is an element name, the second some text */
                     _("Unexpected text in <%s>: “%s”; it is ignored"),
                     (const char *) parent->name, text);
        }
      return FALSE;

    default:
      return FALSE;
    }
}

/* Singletons: the first of each kind is read, later ones are reported. */
static gboolean
first_time (Reader     *r,
            GHashTable *seen,
            xmlNode    *child,
            xmlNode    *parent,
            const char *path)
{
  if (g_hash_table_contains (seen, child->name))
    {
      add_issue (r, child, "format-duplicate-element", path,
                 /* Translators: element names of the file format, keep the < > */
                 _("Element <%s> appears more than once in <%s>; only the first is kept"),
                 (const char *) child->name, (const char *) parent->name);
      return FALSE;
    }

  g_hash_table_add (seen, (gpointer) child->name);
  return TRUE;
}

static GHashTable *
seen_new (void)
{
  return g_hash_table_new (g_str_hash, g_str_equal);
}

/* Text content of a simple element, trimmed; child elements are reported. */
static char *
element_text (Reader     *r,
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
        unexpected_element (r, child, node, path);
    }

  g_strstrip (text->str);
  text->len = strlen (text->str);
  return g_string_free (text, FALSE);
}

/* Reports attributes not in known (NULL-terminated). xsi:* attributes (schemaLocation) are
 * what XML editors add; they are harmless and ignored. */
static void
check_attributes (Reader             *r,
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

      add_issue (r, node, "format-unexpected-attribute", path,
                 /* Translators: the first %s is an attribute name, the second an element name */
                 _("Unexpected attribute “%s” on <%s>; it is ignored"),
                 (const char *) attr->name, (const char *) node->name);
    }
}

/* The trimmed value of an attribute without namespace, or NULL when absent. */
static char *
get_attr (xmlNode    *node,
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

/* xs:boolean. Absent means default_value. */
static gboolean
get_bool_attr (Reader     *r,
               xmlNode    *node,
               const char *name,
               const char *path,
               gboolean    default_value)
{
  g_autofree char *value = get_attr (node, name);

  if (value == NULL)
    return default_value;
  if (g_str_equal (value, "true") || g_str_equal (value, "1"))
    return TRUE;
  if (g_str_equal (value, "false") || g_str_equal (value, "0"))
    return FALSE;

  add_issue (r, node, "format-invalid-boolean", path,
             /* Translators: the first %s is an attribute name, the second an element name,
              * the third the value found; "true" and "false" are literal */
             _("Attribute “%s” of <%s> must be “true” or “false”, not “%s”"),
             name, (const char *) node->name, value);
  return default_value;
}

/* A whole number attribute; returns FALSE (with an issue) when present but not a number, and
 * FALSE without issue when absent. */
static gboolean
get_uint_attr (Reader     *r,
               xmlNode    *node,
               const char *name,
               const char *path,
               guint      *out)
{
  g_autofree char *value = get_attr (node, name);
  guint64 number = 0;

  if (value == NULL)
    return FALSE;

  if (value[0] == '+' || value[0] == '-' ||
      !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &number, NULL))
    {
      add_issue (r, node, "format-invalid-number", path,
                 /* Translators: the first %s is an attribute name, the second an element name,
                  * the third the value found */
                 _("Attribute “%s” of <%s> must be a whole number, not “%s”"),
                 name, (const char *) node->name, value);
      return FALSE;
    }

  *out = (guint) number;
  return TRUE;
}

static char *
string_or_empty (char *value)
{
  return value != NULL ? value : g_strdup ("");
}

/* Items read into a list are added at once: one "items-changed" for the list, not one per item
 * (each is a signal emission that the model's list watch answers). */
static GPtrArray *
items_new (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static void
append_items (GListStore *store,
              GPtrArray  *items)
{
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       items->pdata, items->len);
}

/* Splits a whitespace-separated list of codes. */
static GStrv
split_codes (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, " \t\r\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

/* Activities */

static const char * const none_attributes[] = { "none", NULL };

/* The element of an activity list that may say none="true" ("no relevant information"):
 * records where it is, reads the answer, and returns the list's path. Free with g_free(). */
static char *
read_list_element (Reader      *r,
                   xmlNode     *node,
                   CcpActivity *activity,
                   const char  *base,
                   const char  *list,
                   void       (*set_none) (CcpActivity *activity, gboolean none))
{
  char *list_path = path_join (base, list);
  g_autofree char *none_name = g_strconcat (list, "-none", NULL);
  g_autofree char *none_path = path_join (base, none_name);

  mark (r, list_path, node);
  mark (r, none_path, node);
  check_attributes (r, node, list_path, none_attributes);
  set_none (activity, get_bool_attr (r, node, "none", none_path, FALSE));
  return list_path;
}

static void
read_partner_cities (Reader      *r,
                     xmlNode     *node,
                     CcpActivity *activity,
                     const char  *base)
{
  g_autofree char *list_path = read_list_element (r, node, activity, base, "partner-cities",
                                                  ccp_activity_set_partner_cities_none);
  g_autoptr(GPtrArray) items = items_new ();
  guint index = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      static const char * const attributes[] = { "country", "field", NULL };
      g_autofree char *item_path = NULL;
      g_autofree char *name = NULL;
      g_autofree char *country = NULL;
      g_autofree char *field = NULL;
      g_autoptr(CcpPartner) partner = NULL;

      if (!accept_child (r, child, node, list_path))
        continue;
      if (!has_name (child, "partner-city"))
        {
          unexpected_element (r, child, node, list_path);
          continue;
        }

      item_path = path_index (base, "partner-cities", index++);
      mark (r, item_path, child);
      check_attributes (r, child, item_path, attributes);
      name = element_text (r, child, item_path);
      country = string_or_empty (get_attr (child, "country"));
      field = string_or_empty (get_attr (child, "field"));
      partner = ccp_partner_new_city (name, country, field);
      g_ptr_array_add (items, g_steal_pointer (&partner));
    }
  append_items (ccp_activity_get_partner_cities (activity), items);
}

static void
read_partner_organisations (Reader      *r,
                            xmlNode     *node,
                            CcpActivity *activity,
                            const char  *base)
{
  g_autofree char *list_path =
    read_list_element (r, node, activity, base, "partner-organisations",
                       ccp_activity_set_partner_organisations_none);
  g_autoptr(GPtrArray) items = items_new ();
  guint index = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      static const char * const attributes[] = { "sector", NULL };
      g_autofree char *item_path = NULL;
      g_autofree char *name = NULL;
      g_autofree char *sector = NULL;
      g_autoptr(CcpPartner) partner = NULL;

      if (!accept_child (r, child, node, list_path))
        continue;
      if (!has_name (child, "organisation"))
        {
          unexpected_element (r, child, node, list_path);
          continue;
        }

      item_path = path_index (base, "partner-organisations", index++);
      mark (r, item_path, child);
      check_attributes (r, child, item_path, attributes);
      name = element_text (r, child, item_path);
      sector = string_or_empty (get_attr (child, "sector"));
      partner = ccp_partner_new_organisation (name, sector);
      g_ptr_array_add (items, g_steal_pointer (&partner));
    }
  append_items (ccp_activity_get_partner_organisations (activity), items);
}

static void
read_budget (Reader      *r,
             xmlNode     *node,
             CcpActivity *activity,
             const char  *base)
{
  static const char * const attributes[] = { "amount", "currency", "none", NULL };
  g_autofree char *amount_path = path_join (base, "budget-amount");
  g_autofree char *currency_path = path_join (base, "budget-currency");
  g_autofree char *none_path = path_join (base, "budget-none");
  g_autofree char *amount = get_attr (node, "amount");
  g_autofree char *currency = get_attr (node, "currency");

  mark (r, amount_path, node);
  mark (r, currency_path, node);
  mark (r, none_path, node);
  check_attributes (r, node, amount_path, attributes);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (accept_child (r, child, node, amount_path))
      unexpected_element (r, child, node, amount_path);

  ccp_activity_set_budget_amount (activity, amount != NULL ? amount : "");
  ccp_activity_set_budget_currency (activity, currency != NULL ? currency : "");
  ccp_activity_set_budget_none (activity, get_bool_attr (r, node, "none", none_path, FALSE));
}

static void
read_funding (Reader      *r,
              xmlNode     *node,
              CcpActivity *activity,
              const char  *base)
{
  g_autofree char *list_path = read_list_element (r, node, activity, base, "funding",
                                                  ccp_activity_set_funding_none);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) sources = NULL;
  guint index = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *item_path = NULL;
      g_autofree char *text = NULL;

      if (!accept_child (r, child, node, list_path))
        continue;
      if (!has_name (child, "source"))
        {
          unexpected_element (r, child, node, list_path);
          continue;
        }

      item_path = path_index (base, "funding", index++);
      mark (r, item_path, child);
      check_attributes (r, child, item_path, NULL);
      text = element_text (r, child, item_path);
      g_strv_builder_add (builder, text);
    }

  sources = g_strv_builder_end (builder);
  ccp_activity_set_funding (activity, (const char * const *) sources);
}

static void
read_result (Reader      *r,
             xmlNode     *node,
             GPtrArray   *items,
             const char  *item_path)
{
  g_autoptr(GHashTable) seen = seen_new ();
  g_autoptr(CcpResult) result = ccp_result_new ("", "");
  g_autofree char *outcome_path = path_join (item_path, "outcome");
  g_autofree char *indicator_path = path_join (item_path, "indicator");

  mark (r, item_path, node);
  check_attributes (r, node, item_path, NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (!accept_child (r, child, node, item_path))
        continue;

      if (has_name (child, "outcome"))
        {
          if (!first_time (r, seen, child, node, item_path))
            continue;
          mark (r, outcome_path, child);
          check_attributes (r, child, outcome_path, NULL);
          text = element_text (r, child, outcome_path);
          ccp_result_set_outcome (result, text);
        }
      else if (has_name (child, "indicator"))
        {
          if (!first_time (r, seen, child, node, item_path))
            continue;
          mark (r, indicator_path, child);
          check_attributes (r, child, indicator_path, NULL);
          text = element_text (r, child, indicator_path);
          ccp_result_set_indicator (result, text);
        }
      else
        {
          unexpected_element (r, child, node, item_path);
        }
    }

  g_ptr_array_add (items, g_steal_pointer (&result));
}

static void
read_results (Reader      *r,
              xmlNode     *node,
              CcpActivity *activity,
              const char  *base)
{
  g_autofree char *list_path = read_list_element (r, node, activity, base, "results",
                                                  ccp_activity_set_results_none);
  g_autoptr(GPtrArray) items = items_new ();
  guint index = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *item_path = NULL;

      if (!accept_child (r, child, node, list_path))
        continue;
      if (!has_name (child, "result"))
        {
          unexpected_element (r, child, node, list_path);
          continue;
        }

      item_path = path_index (base, "results", index++);
      read_result (r, child, items, item_path);
    }
  append_items (ccp_activity_get_results (activity), items);
}

static void
read_attributions (Reader      *r,
                   xmlNode     *node,
                   CcpActivity *activity,
                   const char  *base)
{
  g_autofree char *list_path = path_join (base, "attributions");
  g_autoptr(GPtrArray) items = items_new ();
  guint index = 0;

  mark (r, list_path, node);
  check_attributes (r, node, list_path, NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      static const char * const attributes[] = { "country", "plan", "activity", NULL };
      g_autofree char *item_path = NULL;
      g_autofree char *city = NULL;
      g_autofree char *country = NULL;
      g_autofree char *plan_id = NULL;
      g_autofree char *activity_id = NULL;
      g_autoptr(CcpAttribution) attribution = NULL;
      const char *properties[] = { "city", "country", "plan-id", "activity-id" };

      if (!accept_child (r, child, node, list_path))
        continue;
      if (!has_name (child, "city"))
        {
          unexpected_element (r, child, node, list_path);
          continue;
        }

      item_path = path_index (base, "attributions", index++);
      mark (r, item_path, child);
      for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
        {
          g_autofree char *property_path = path_join (item_path, properties[i]);

          mark (r, property_path, child);
        }
      check_attributes (r, child, item_path, attributes);
      city = element_text (r, child, item_path);
      country = string_or_empty (get_attr (child, "country"));
      plan_id = string_or_empty (get_attr (child, "plan"));
      activity_id = string_or_empty (get_attr (child, "activity"));
      attribution = ccp_attribution_new (city, country, plan_id, activity_id);
      g_ptr_array_add (items, g_steal_pointer (&attribution));
    }
  append_items (ccp_activity_get_attributions (activity), items);
}

typedef void (*SetText) (CcpActivity *activity, const char *text);
typedef void (*SetCodes) (CcpActivity *activity, const char * const *codes);

static void
read_activity (Reader     *r,
               xmlNode    *node,
               GPtrArray  *items,
               guint       index)
{
  static const char * const attributes[] = {
    "id", "kind", "scope", "state", "flagship", "joint-ref", NULL
  };
  static const struct {
    const char *element;
    const char *property;
    SetText set;
  } texts[] = {
    { "title", "title", ccp_activity_set_title },
    { "description", "description", ccp_activity_set_description },
    { "start", "start-date", ccp_activity_set_start_date },
    { "end", "end-date", ccp_activity_set_end_date },
  };
  static const struct {
    const char *element;
    SetCodes set;
  } codes[] = {
    { "objectives", ccp_activity_set_objectives },
    { "areas", ccp_activity_set_areas },
  };
  static const char * const attribute_properties[] = {
    "id", "kind", "scope", "state", "flagship", "joint-ref"
  };
  g_autofree char *base = g_strdup_printf ("activities/%u", index);
  g_autoptr(GHashTable) seen = seen_new ();
  g_autoptr(CcpActivity) activity = NULL;
  g_autofree char *id = string_or_empty (get_attr (node, "id"));
  g_autofree char *kind = string_or_empty (get_attr (node, "kind"));
  g_autofree char *scope = string_or_empty (get_attr (node, "scope"));
  g_autofree char *state = string_or_empty (get_attr (node, "state"));
  g_autofree char *joint_ref = string_or_empty (get_attr (node, "joint-ref"));
  g_autofree char *flagship_path = path_join (base, "flagship");

  mark (r, base, node);
  for (guint i = 0; i < G_N_ELEMENTS (attribute_properties); i++)
    {
      g_autofree char *property_path = path_join (base, attribute_properties[i]);

      mark (r, property_path, node);
    }
  check_attributes (r, node, base, attributes);

  activity = ccp_activity_new (id);
  ccp_activity_set_kind (activity, kind);
  ccp_activity_set_scope (activity, scope);
  ccp_activity_set_state (activity, state);
  ccp_activity_set_joint_ref (activity, joint_ref);
  ccp_activity_set_flagship (activity, get_bool_attr (r, node, "flagship", flagship_path, FALSE));

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      gboolean handled = FALSE;

      if (!accept_child (r, child, node, base))
        continue;

      if (g_hash_table_contains (seen, child->name) &&
          !has_name (child, "cities"))
        {
          first_time (r, seen, child, node, base);
          continue;
        }

      for (guint i = 0; i < G_N_ELEMENTS (texts) && !handled; i++)
        if (has_name (child, texts[i].element))
          {
            g_autofree char *path = path_join (base, texts[i].property);
            g_autofree char *text = NULL;

            mark (r, path, child);
            check_attributes (r, child, path, NULL);
            text = element_text (r, child, path);
            texts[i].set (activity, text);
            handled = TRUE;
          }

      for (guint i = 0; i < G_N_ELEMENTS (codes) && !handled; i++)
        if (has_name (child, codes[i].element))
          {
            g_autofree char *path = path_join (base, codes[i].element);
            g_autofree char *text = NULL;
            g_auto(GStrv) list = NULL;

            mark (r, path, child);
            check_attributes (r, child, path, NULL);
            text = element_text (r, child, path);
            list = split_codes (text);
            codes[i].set (activity, (const char * const *) list);
            handled = TRUE;
          }

      if (handled)
        {
          g_hash_table_add (seen, (gpointer) child->name);
          continue;
        }

      if (has_name (child, "place"))
        {
          static const char * const place_attributes[] = { "online", NULL };
          g_autofree char *path = path_join (base, "place");
          g_autofree char *online_path = path_join (base, "online");
          g_autofree char *text = NULL;

          mark (r, path, child);
          mark (r, online_path, child);
          check_attributes (r, child, path, place_attributes);
          text = element_text (r, child, path);
          ccp_activity_set_place (activity, text);
          ccp_activity_set_online (activity,
                                   get_bool_attr (r, child, "online", online_path, FALSE));
        }
      else if (has_name (child, "sdgs"))
        {
          g_autofree char *path = path_join (base, "sdgs");
          g_autofree char *none_path = path_join (base, "sdgs-none");
          g_autofree char *text = NULL;
          g_auto(GStrv) list = NULL;

          mark (r, path, child);
          mark (r, none_path, child);
          check_attributes (r, child, path, none_attributes);
          text = element_text (r, child, path);
          list = split_codes (text);
          ccp_activity_set_sdgs (activity, (const char * const *) list);
          ccp_activity_set_sdgs_none (activity,
                                      get_bool_attr (r, child, "none", none_path, FALSE));
        }
      else if (has_name (child, "partner-cities"))
        read_partner_cities (r, child, activity, base);
      else if (has_name (child, "partner-organisations"))
        read_partner_organisations (r, child, activity, base);
      else if (has_name (child, "budget"))
        read_budget (r, child, activity, base);
      else if (has_name (child, "funding"))
        read_funding (r, child, activity, base);
      else if (has_name (child, "results"))
        read_results (r, child, activity, base);
      else if (has_name (child, "cities"))
        {
          if (!first_time (r, seen, child, node, base))
            continue;
          read_attributions (r, child, activity, base);
        }
      else
        {
          unexpected_element (r, child, node, base);
          continue;
        }

      g_hash_table_add (seen, (gpointer) child->name);
    }

  g_ptr_array_add (items, g_steal_pointer (&activity));
}

static void
read_activities (Reader     *r,
                 xmlNode    *node,
                 GListStore *store)
{
  g_autoptr(GPtrArray) items = items_new ();
  guint index = 0;

  mark (r, "activities", node);
  check_attributes (r, node, "activities", NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (!accept_child (r, child, node, "activities"))
        continue;
      if (!has_name (child, "activity"))
        {
          unexpected_element (r, child, node, "activities");
          continue;
        }
      read_activity (r, child, items, index++);
    }
  append_items (store, items);
}

/* Document attributes shared by both roots */

typedef struct
{
  char          *id;
  char          *modified;
  guint          revision;
  gboolean       has_revision;
  CcpPlanStatus  status;
} DocumentAttributes;

static void
read_document_attributes (Reader             *r,
                          xmlNode            *root,
                          DocumentAttributes *attrs)
{
  static const char * const attributes[] = {
    "version", "id", "revision", "modified", "status", NULL
  };
  static const char * const properties[] = { "id", "revision", "modified", "status" };
  g_autofree char *status = NULL;
  g_autofree char *revision = NULL;

  mark (r, "", root);
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    mark (r, properties[i], root);
  check_attributes (r, root, "", attributes);

  attrs->id = string_or_empty (get_attr (root, "id"));
  attrs->modified = string_or_empty (get_attr (root, "modified"));

  revision = get_attr (root, "revision");
  if (revision == NULL)
    add_issue (r, root, "format-missing-attribute", "revision",
               /* Translators: the first %s is an element name, the second an attribute name */
               _("<%s> has no “%s” attribute"), (const char *) root->name, "revision");
  else
    attrs->has_revision = get_uint_attr (r, root, "revision", "revision", &attrs->revision);

  attrs->status = CCP_PLAN_STATUS_DRAFT;
  status = get_attr (root, "status");
  if (status == NULL)
    add_issue (r, root, "format-missing-attribute", "status",
               _("<%s> has no “%s” attribute"), (const char *) root->name, "status");
  else if (!ccp_plan_status_from_code (status, &attrs->status))
    add_issue (r, root, "format-invalid-status", "status",
               /* Translators: %s is the value found; "draft" and "final" are literal */
               _("Attribute “status” must be “draft” or “final”, not “%s”; read as “draft”"),
               status);
}

/* City plans */

/* A contact of the plan: child elements holding text, each kept in one plan property. */
typedef struct {
  const char *element;
  const char *property;
  void (*set) (CcpPlan *plan, const char *text);
} ContactField;

static void
read_contact_fields (Reader             *r,
                     xmlNode            *node,
                     const char         *name,
                     const ContactField *fields,
                     guint               n_fields,
                     CcpPlan            *plan)
{
  g_autoptr(GHashTable) seen = seen_new ();

  for (guint i = 0; i < n_fields; i++)
    mark (r, fields[i].property, node);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      gboolean handled = FALSE;

      if (!accept_child (r, child, node, name))
        continue;

      for (guint i = 0; i < n_fields && !handled; i++)
        if (has_name (child, fields[i].element))
          {
            g_autofree char *text = NULL;

            handled = TRUE;
            if (!first_time (r, seen, child, node, name))
              break;
            mark (r, fields[i].property, child);
            check_attributes (r, child, fields[i].property, NULL);
            text = element_text (r, child, fields[i].property);
            fields[i].set (plan, text);
          }

      if (!handled)
        unexpected_element (r, child, node, name);
    }
}

static void
read_focal_point (Reader  *r,
                  xmlNode *node,
                  CcpPlan *plan)
{
  static const ContactField fields[] = {
    { "name", "focal-point-name", ccp_plan_set_focal_point_name },
    { "email", "focal-point-email", ccp_plan_set_focal_point_email },
    { "phone", "focal-point-phone", ccp_plan_set_focal_point_phone },
  };

  mark (r, "focal-point", node);
  check_attributes (r, node, "focal-point", NULL);
  read_contact_fields (r, node, "focal-point", fields, G_N_ELEMENTS (fields), plan);
}

static void
read_representative (Reader  *r,
                     xmlNode *node,
                     CcpPlan *plan)
{
  static const ContactField fields[] = {
    { "name", "representative-name", ccp_plan_set_representative_name },
    { "title", "representative-title", ccp_plan_set_representative_title },
    { "email", "representative-email", ccp_plan_set_representative_email },
  };

  mark (r, "representative", node);
  mark (r, "representative-none", node);
  check_attributes (r, node, "representative", none_attributes);
  ccp_plan_set_representative_none (plan, get_bool_attr (r, node, "none", "representative-none",
                                                         FALSE));
  read_contact_fields (r, node, "representative", fields, G_N_ELEMENTS (fields), plan);
}

static CcpPlan *
read_city_plan (Reader  *r,
                xmlNode *root)
{
  static const struct {
    const char *element;
    void (*set) (CcpPlan *plan, const char *text);
  } texts[] = {
    { "field", ccp_plan_set_field },
    { "period", ccp_plan_set_period },
    { "mission-statement", ccp_plan_set_mission_statement },
  };
  static const char * const plan_properties[] = {
    "city", "country", "field", "period", "mission-statement", "focal-point-name",
    "focal-point-email", "focal-point-phone", "activities",
  };
  g_autoptr(CcpPlan) plan = ccp_plan_new ();
  g_autoptr(GHashTable) seen = seen_new ();
  DocumentAttributes attrs = { 0 };

  read_document_attributes (r, root, &attrs);
  ccp_plan_set_id (plan, attrs.id);
  ccp_plan_set_modified (plan, attrs.modified);
  if (attrs.has_revision)
    ccp_plan_set_revision (plan, attrs.revision);
  ccp_plan_set_status (plan, attrs.status);
  g_free (attrs.id);
  g_free (attrs.modified);

  /* Required values that are missing are found by the validator; point it at the root. */
  for (guint i = 0; i < G_N_ELEMENTS (plan_properties); i++)
    mark (r, plan_properties[i], root);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      gboolean handled = FALSE;

      if (!accept_child (r, child, root, ""))
        continue;

      if (has_name (child, "city") || has_name (child, "focal-point") ||
          has_name (child, "representative") || has_name (child, "activities") ||
          has_name (child, "field") || has_name (child, "period") ||
          has_name (child, "mission-statement"))
        {
          if (!first_time (r, seen, child, root, ""))
            continue;
        }

      for (guint i = 0; i < G_N_ELEMENTS (texts) && !handled; i++)
        if (has_name (child, texts[i].element))
          {
            g_autofree char *text = NULL;

            mark (r, texts[i].element, child);
            check_attributes (r, child, texts[i].element, NULL);
            text = element_text (r, child, texts[i].element);
            texts[i].set (plan, text);
            handled = TRUE;
          }
      if (handled)
        continue;

      if (has_name (child, "city"))
        {
          static const char * const city_attributes[] = { "country", NULL };
          g_autofree char *text = NULL;
          g_autofree char *country = NULL;

          mark (r, "city", child);
          mark (r, "country", child);
          check_attributes (r, child, "city", city_attributes);
          text = element_text (r, child, "city");
          country = string_or_empty (get_attr (child, "country"));
          ccp_plan_set_city (plan, text);
          ccp_plan_set_country (plan, country);
        }
      else if (has_name (child, "focal-point"))
        read_focal_point (r, child, plan);
      else if (has_name (child, "representative"))
        read_representative (r, child, plan);
      else if (has_name (child, "activities"))
        read_activities (r, child, ccp_plan_get_activities (plan));
      else
        unexpected_element (r, child, root, "");
    }

  return g_steal_pointer (&plan);
}

/* Field plans */

static void
read_contact (Reader     *r,
              xmlNode    *node,
              CcpContact *contact,
              const char *base)
{
  static const char * const properties[] = { "name", "city", "country", "email" };
  g_autoptr(GHashTable) seen = seen_new ();

  mark (r, base, node);
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autofree char *path = path_join (base, properties[i]);

      mark (r, path, node);
    }
  check_attributes (r, node, base, NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      if (!accept_child (r, child, node, base))
        continue;

      if (!has_name (child, "name") && !has_name (child, "city") && !has_name (child, "email"))
        {
          unexpected_element (r, child, node, base);
          continue;
        }
      if (!first_time (r, seen, child, node, base))
        continue;

      path = path_join (base, (const char *) child->name);
      mark (r, path, child);
      text = element_text (r, child, path);

      if (has_name (child, "name"))
        {
          check_attributes (r, child, path, NULL);
          ccp_contact_set_name (contact, text);
        }
      else if (has_name (child, "email"))
        {
          check_attributes (r, child, path, NULL);
          ccp_contact_set_email (contact, text);
        }
      else
        {
          static const char * const city_attributes[] = { "country", NULL };
          g_autofree char *country_path = path_join (base, "country");
          g_autofree char *country = string_or_empty (get_attr (child, "country"));

          mark (r, country_path, child);
          check_attributes (r, child, path, city_attributes);
          ccp_contact_set_city (contact, text);
          ccp_contact_set_country (contact, country);
        }
    }
}

static void
read_roster (Reader       *r,
             xmlNode      *node,
             CcpFieldPlan *field_plan)
{
  GListStore *store = ccp_field_plan_get_roster (field_plan);
  guint index = 0;

  mark (r, "roster", node);
  check_attributes (r, node, "roster", NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      static const char * const attributes[] = { "country", "field", NULL };
      g_autofree char *item_path = NULL;
      g_autofree char *name_path = NULL;
      g_autofree char *country_path = NULL;
      g_autofree char *name = NULL;
      g_autofree char *country = NULL;
      g_autofree char *field = NULL;
      g_autoptr(CcpPartner) member = NULL;

      if (!accept_child (r, child, node, "roster"))
        continue;
      if (!has_name (child, "member"))
        {
          unexpected_element (r, child, node, "roster");
          continue;
        }

      item_path = path_index (NULL, "roster", index++);
      name_path = path_join (item_path, "name");
      country_path = path_join (item_path, "country");
      mark (r, item_path, child);
      mark (r, name_path, child);
      mark (r, country_path, child);
      check_attributes (r, child, item_path, attributes);
      name = element_text (r, child, item_path);
      country = string_or_empty (get_attr (child, "country"));
      field = string_or_empty (get_attr (child, "field"));
      /* The file names a member's field only when it is not the plan's own: read_field_plan()
       * fills in the plan's field once the whole document is read. */
      member = ccp_partner_new_city (name, country, field);
      g_list_store_append (store, member);
    }
}

static void
read_source (Reader     *r,
             xmlNode    *node,
             GPtrArray  *items,
             guint       index)
{
  static const char * const attributes[] = {
    "file", "sha256", "status", "reason", "city", "country", "field", "period", "plan",
    "revision", "modified", "errors", "warnings", NULL
  };
  static const struct {
    const char *attribute;
    const char *property;
    void (*set) (CcpSource *source, const char *text);
  } texts[] = {
    { "file", "file", ccp_source_set_file },
    { "sha256", "sha256", ccp_source_set_sha256 },
    { "reason", "reason", ccp_source_set_reason },
    { "city", "city", ccp_source_set_city },
    { "country", "country", ccp_source_set_country },
    { "field", "field", ccp_source_set_field },
    { "period", "period", ccp_source_set_period },
    { "plan", "plan-id", ccp_source_set_plan_id },
    { "modified", "modified", ccp_source_set_modified },
  };
  static const struct {
    const char *attribute;
    void (*set) (CcpSource *source, guint value);
  } numbers[] = {
    { "revision", ccp_source_set_revision },
    { "errors", ccp_source_set_errors },
    { "warnings", ccp_source_set_warnings },
  };
  g_autofree char *base = path_index (NULL, "sources", index);
  g_autofree char *status_path = path_join (base, "status");
  g_autofree char *status = get_attr (node, "status");
  g_autoptr(CcpSource) source = ccp_source_new ();

  mark (r, base, node);
  mark (r, status_path, node);
  check_attributes (r, node, base, attributes);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (accept_child (r, child, node, base))
      unexpected_element (r, child, node, base);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *path = path_join (base, texts[i].property);
      g_autofree char *value = string_or_empty (get_attr (node, texts[i].attribute));

      mark (r, path, node);
      texts[i].set (source, value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *path = path_join (base, numbers[i].attribute);
      guint value = 0;

      mark (r, path, node);
      if (get_uint_attr (r, node, numbers[i].attribute, path, &value))
        numbers[i].set (source, value);
    }

  if (status != NULL)
    {
      CcpSourceStatus value;

      if (ccp_source_status_from_code (status, &value))
        ccp_source_set_status (source, value);
      else
        add_issue (r, node, "format-invalid-status", status_path,
                   /* Translators: %s is the value found; the three words in quotes are literal */
                   _("Attribute “status” of <source> must be “accepted”, “superseded” or "
                     "“refused”, not “%s”"), status);
    }
  else
    {
      add_issue (r, node, "format-missing-attribute", status_path,
                 _("<%s> has no “%s” attribute"), "source", "status");
    }

  g_ptr_array_add (items, g_steal_pointer (&source));
}

static void
read_sources (Reader       *r,
              xmlNode      *node,
              CcpFieldPlan *field_plan)
{
  g_autoptr(GPtrArray) items = items_new ();
  guint index = 0;

  mark (r, "sources", node);
  check_attributes (r, node, "sources", NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (!accept_child (r, child, node, "sources"))
        continue;
      if (!has_name (child, "source"))
        {
          unexpected_element (r, child, node, "sources");
          continue;
        }
      read_source (r, child, items, index++);
    }
  append_items (ccp_field_plan_get_sources (field_plan), items);
}

static void
read_report_item (Reader     *r,
                  xmlNode    *node,
                  GPtrArray  *items,
                  guint       index)
{
  static const char * const attributes[] = {
    "kind", "code", "file", "city", "country", "activity", "joint-ref", NULL
  };
  static const struct {
    const char *attribute;
    void (*set) (CcpReportItem *item, const char *text);
  } texts[] = {
    { "code", ccp_report_item_set_code },
    { "file", ccp_report_item_set_file },
    { "city", ccp_report_item_set_city },
    { "country", ccp_report_item_set_country },
    { "activity", ccp_report_item_set_activity },
    { "joint-ref", ccp_report_item_set_joint_ref },
  };
  g_autofree char *base = path_index (NULL, "report", index);
  g_autofree char *kind = string_or_empty (get_attr (node, "kind"));
  g_autoptr(CcpReportItem) item = ccp_report_item_new (kind);
  g_autofree char *kind_path = path_join (base, "kind");

  mark (r, base, node);
  mark (r, kind_path, node);
  check_attributes (r, node, base, attributes);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *path = path_join (base, texts[i].attribute);
      g_autofree char *value = string_or_empty (get_attr (node, texts[i].attribute));

      mark (r, path, node);
      texts[i].set (item, value);
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      static const char * const value_attributes[] = { "name", NULL };
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      g_autofree char *path = NULL;

      if (!accept_child (r, child, node, base))
        continue;
      if (!has_name (child, "value"))
        {
          unexpected_element (r, child, node, base);
          continue;
        }

      name = string_or_empty (get_attr (child, "name"));
      path = g_strconcat (base, "/values/", name, NULL);
      mark (r, path, child);
      check_attributes (r, child, path, value_attributes);
      text = element_text (r, child, path);
      ccp_report_item_add_value (item, name, text);
    }

  g_ptr_array_add (items, g_steal_pointer (&item));
}

static void
read_report (Reader       *r,
             xmlNode      *node,
             CcpFieldPlan *field_plan)
{
  g_autoptr(GPtrArray) items = items_new ();
  guint index = 0;

  mark (r, "report", node);
  check_attributes (r, node, "report", NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (!accept_child (r, child, node, "report"))
        continue;
      if (!has_name (child, "item"))
        {
          unexpected_element (r, child, node, "report");
          continue;
        }
      read_report_item (r, child, items, index++);
    }
  append_items (ccp_field_plan_get_report (field_plan), items);
}

static CcpFieldPlan *
read_field_plan (Reader  *r,
                 xmlNode *root)
{
  static const struct {
    const char *element;
    void (*set) (CcpFieldPlan *field_plan, const char *text);
  } texts[] = {
    { "field", ccp_field_plan_set_field },
    { "period", ccp_field_plan_set_period },
    { "mission-statement", ccp_field_plan_set_mission_statement },
    { "consolidated", ccp_field_plan_set_consolidated },
  };
  static const char * const properties[] = {
    "field", "period", "mission-statement", "consolidated", "coordinator", "roster", "sources",
    "activities", "report",
  };
  g_autoptr(CcpFieldPlan) field_plan = ccp_field_plan_new ();
  g_autoptr(GHashTable) seen = seen_new ();
  DocumentAttributes attrs = { 0 };
  guint deputy_index = 0;

  read_document_attributes (r, root, &attrs);
  ccp_field_plan_set_id (field_plan, attrs.id);
  ccp_field_plan_set_modified (field_plan, attrs.modified);
  if (attrs.has_revision)
    ccp_field_plan_set_revision (field_plan, attrs.revision);
  ccp_field_plan_set_status (field_plan, attrs.status);
  g_free (attrs.id);
  g_free (attrs.modified);

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    mark (r, properties[i], root);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      gboolean handled = FALSE;

      if (!accept_child (r, child, root, ""))
        continue;

      if (!has_name (child, "deputy") && g_hash_table_contains (seen, child->name))
        {
          first_time (r, seen, child, root, "");
          continue;
        }

      for (guint i = 0; i < G_N_ELEMENTS (texts) && !handled; i++)
        if (has_name (child, texts[i].element))
          {
            g_autofree char *text = NULL;

            mark (r, texts[i].element, child);
            check_attributes (r, child, texts[i].element, NULL);
            text = element_text (r, child, texts[i].element);
            texts[i].set (field_plan, text);
            handled = TRUE;
          }

      if (handled)
        ;
      else if (has_name (child, "coordinator"))
        read_contact (r, child, ccp_field_plan_get_coordinator (field_plan), "coordinator");
      else if (has_name (child, "deputy"))
        {
          g_autoptr(CcpContact) deputy = ccp_contact_new ();
          g_autofree char *path = path_index (NULL, "deputies", deputy_index++);

          read_contact (r, child, deputy, path);
          g_list_store_append (ccp_field_plan_get_deputies (field_plan), deputy);
        }
      else if (has_name (child, "roster"))
        read_roster (r, child, field_plan);
      else if (has_name (child, "sources"))
        read_sources (r, child, field_plan);
      else if (has_name (child, "activities"))
        read_activities (r, child, ccp_field_plan_get_activities (field_plan));
      else if (has_name (child, "report"))
        read_report (r, child, field_plan);
      else
        {
          unexpected_element (r, child, root, "");
          continue;
        }

      g_hash_table_add (seen, (gpointer) child->name);
    }

  /* Roster members without a field of their own are of the plan's field. */
  {
    GListModel *roster = G_LIST_MODEL (ccp_field_plan_get_roster (field_plan));
    const char *field = ccp_field_plan_get_field (field_plan);

    for (guint i = 0; i < g_list_model_get_n_items (roster); i++)
      {
        g_autoptr(CcpPartner) member = g_list_model_get_item (roster, i);

        if (*ccp_partner_get_field (member) == '\0')
          ccp_partner_set_field (member, field);
      }
  }

  return g_steal_pointer (&field_plan);
}

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

/* Records where each start tag ends (its '>' or "/>"), for element_start(): libxml2 keeps only
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
          guint line, column;

          node_location (NULL, node, &line, &column);
          g_set_error (error, CCP_ERROR, CCP_ERROR_FORBIDDEN,
                       /* Translators: %s is a file name, %u a line number; XInclude is a way
                        * for an XML file to pull in other files */
                       _("%s:%u: the file uses XInclude to include other files; this is "
                         "refused for safety"),
                       name, line);
          return FALSE;
        }
    }

  return TRUE;
}

/* Parses "urn:creativecities:plans:N"; FALSE when the URI is not of that form. */
static gboolean
parse_namespace_major (const char *uri,
                       guint64    *major)
{
  if (uri == NULL || !g_str_has_prefix (uri, NAMESPACE_PREFIX))
    return FALSE;

  uri += strlen (NAMESPACE_PREFIX);
  if (*uri < '0' || *uri > '9')
    return FALSE;

  return g_ascii_string_to_unsigned (uri, 10, 0, G_MAXUINT, major, NULL);
}

/* "MAJOR.MINOR" with digits only. */
static gboolean
parse_version (const char *version,
               guint64    *major,
               guint64    *minor)
{
  g_auto(GStrv) parts = NULL;

  if (version == NULL)
    return FALSE;

  parts = g_strsplit (version, ".", -1);
  if (g_strv_length (parts) != 2 || *parts[0] < '0' || *parts[0] > '9' ||
      *parts[1] < '0' || *parts[1] > '9')
    return FALSE;

  return g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT, major, NULL) &&
         g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, minor, NULL);
}

static void
set_newer_error (const char  *name,
                 const char  *format,
                 GError     **error)
{
  g_set_error (error, CCP_ERROR, CCP_ERROR_NEWER_VERSION,
               /* Translators: the first %s is a file name, the second a format version such
                * as "2.0"; the last "1.x" means any version 1.something */
               _("%s was made by a newer version of Creative Cities Plans (format %s); "
                 "this version reads format 1.x"),
               name, format);
}

/* Checks root element, namespace and version; issues for a version it can still read. */
static gboolean
check_root (Reader      *r,
            xmlNode     *root,
            GError     **error)
{
  const char *uri = root->ns != NULL ? (const char *) root->ns->href : NULL;
  g_autofree char *version = get_attr (root, "version");
  guint64 ns_major = 0, major = 0, minor = 0;
  gboolean version_ok = parse_version (version, &major, &minor);

  if (parse_namespace_major (uri, &ns_major) && ns_major > CCP_FORMAT_MAJOR)
    {
      g_autofree char *format = version_ok ? g_strdup (version)
                                           : g_strdup_printf ("%" G_GUINT64_FORMAT, ns_major);

      set_newer_error (r->name, format, error);
      return FALSE;
    }

  if (g_strcmp0 (uri, CCP_FORMAT_NAMESPACE) != 0 ||
      (!has_name (root, "city-plan") && !has_name (root, "field-plan")))
    {
      if (uri != NULL)
        g_set_error (error, CCP_ERROR, CCP_ERROR_NOT_A_PLAN,
                     /* Translators: the first %s is a file name, the second an element name,
                      * the third an XML namespace URI */
                     _("%s is not a Creative Cities plan: its root element is <%s> in namespace "
                       "“%s”; expected <city-plan> or <field-plan> in namespace “%s”"),
                     r->name, (const char *) root->name, uri, CCP_FORMAT_NAMESPACE);
      else
        g_set_error (error, CCP_ERROR, CCP_ERROR_NOT_A_PLAN,
                     /* Translators: the first %s is a file name, the second an element name,
                      * the third an XML namespace URI */
                     _("%s is not a Creative Cities plan: its root element is <%s> without "
                       "namespace; expected <city-plan> or <field-plan> in namespace “%s”"),
                     r->name, (const char *) root->name, CCP_FORMAT_NAMESPACE);
      return FALSE;
    }

  if (version_ok && major > CCP_FORMAT_MAJOR)
    {
      set_newer_error (r->name, version, error);
      return FALSE;
    }

  mark (r, "version", root);
  if (version == NULL)
    add_issue (r, root, "format-missing-attribute", "version",
               _("<%s> has no “%s” attribute"), (const char *) root->name, "version");
  else if (!version_ok || major != CCP_FORMAT_MAJOR)
    add_issue (r, root, "format-invalid-version", "version",
               /* Translators: the first %s is an element name, the second the value found */
               _("Attribute “version” of <%s> must be a format version such as “1.0”, not "
                 "“%s”"),
               (const char *) root->name, version);

  return TRUE;
}

/* Reads bytes into a model; records where each path is in locations when it is not NULL. */
static GObject *
read_bytes (GBytes        *bytes,
            const char    *display_name,
            GPtrArray    **out_issues,
            CcpLocations  *locations,
            GError       **error)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GObject) result = NULL;
  const guint8 *data;
  gsize length = 0;
  xmlNode *root;
  Reader reader = { 0, };

  xmlInitParser ();

  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_EMPTY,
                   /* Translators: %s is a file name */
                   _("“%s” is empty"), display_name);
      return NULL;
    }

  if (!check_encoding (data, length, display_name, error) ||
      !check_prolog ((const char *) data, length, display_name, error))
    return NULL;

  doc = parse_document ((const char *) data, length, display_name, error);
  if (doc == NULL)
    return NULL;

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_FORBIDDEN,
                   /* Translators: %s is a file name */
                   _("%s: the file has a document type declaration; plan files never have "
                     "one, so it is refused for safety"), display_name);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_MALFORMED,
                   _("%s: not well-formed XML"), display_name);
      return NULL;
    }

  if (!check_no_xinclude (root, display_name, error))
    return NULL;

  issues = g_ptr_array_new_with_free_func (g_object_unref);
  reader.name = display_name;
  reader.issues = issues;
  reader.locations = locations;
  reader.data = (const char *) data;
  reader.length = length;

  if (check_root (&reader, root, error))
    {
      if (has_name (root, "city-plan"))
        result = G_OBJECT (read_city_plan (&reader, root));
      else
        result = G_OBJECT (read_field_plan (&reader, root));
    }
  g_clear_pointer (&reader.line_starts, g_array_unref);

  if (result != NULL && out_issues != NULL)
    *out_issues = g_steal_pointer (&issues);

  return g_steal_pointer (&result);
}

/* Called with self->lock held. */
static void
fill_locations (CcpLocations *self)
{
  g_autoptr(GBytes) bytes = g_steal_pointer (&self->bytes);
  g_autoptr(GObject) again = read_bytes (bytes, self->display_name, NULL, self, NULL);

  g_clear_pointer (&self->display_name, g_free);
}

GObject *
ccp_reader_read_bytes (GBytes        *bytes,
                       const char    *display_name,
                       GPtrArray    **out_issues,
                       CcpLocations **out_locations,
                       GError       **error)
{
  GObject *result;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = read_bytes (bytes, display_name, out_issues, NULL, error);
  if (result != NULL && out_locations != NULL)
    *out_locations = locations_new_deferred (bytes, display_name);

  return result;
}

GObject *
ccp_reader_read_file (GFile         *file,
                      GBytes       **out_bytes,
                      GPtrArray    **out_issues,
                      CcpLocations **out_locations,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  GObject *result;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = ccp_file_load (file, CCP_FILE_MAX_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  result = ccp_reader_read_bytes (bytes, name, out_issues, out_locations, error);

  if (out_bytes != NULL)
    *out_bytes = g_steal_pointer (&bytes);

  return result;
}
