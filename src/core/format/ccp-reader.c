/* ccp-reader.c: reads city plans and field plans (format 1.x) from untrusted bytes.
 *
 *   1. ccp-xml-guard.c turns the bytes into a document, refusing anything that could attack
 *      the parser (see its header for the checks and their order);
 *   2. here: root element and namespace: a city plan or field plan of format 1.x, or a clear
 *      "newer version" / "not a plan" error;
 *   3. the tree is walked into the model (ccp-reader-city-plan.c, ccp-reader-field-plan.c,
 *      ccp-reader-activity.c). Values are kept as found (only leading and trailing whitespace
 *      is trimmed); what the model cannot hold becomes a CcpIssue with its line.
 *
 * Where each path is in the file is found only when first asked for (ccp-locations.c).
 */
#define G_LOG_DOMAIN "ccp-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ccp-error.h"
#include "ccp-field-plan.h"
#include "ccp-file.h"
#include "ccp-model-private.h"
#include "ccp-plan.h"
#include "ccp-reader-private.h"
#include "ccp-xml-guard.h"

#define NAMESPACE_PREFIX "urn:creativecities:plans:"

/* The root element */

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
check_root (CcpReader  *r,
            xmlNode    *root,
            GError    **error)
{
  const char *uri = root->ns != NULL ? (const char *) root->ns->href : NULL;
  g_autofree char *version = _ccp_reader_get_attr (root, "version");
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
      (!_ccp_reader_has_name (root, "city-plan") && !_ccp_reader_has_name (root, "field-plan")))
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

  _ccp_reader_mark (r, "version", root);
  if (version == NULL)
    _ccp_reader_add_issue (r, root, "format-missing-attribute", "version",
                           _("<%s> has no “%s” attribute"), (const char *) root->name,
                           "version");
  else if (!version_ok || major != CCP_FORMAT_MAJOR)
    _ccp_reader_add_issue (r, root, "format-invalid-version", "version",
                           /* Translators: the first %s is an element name, the second the
                            * value found */
                           _("Attribute “version” of <%s> must be a format version such as "
                             "“1.0”, not “%s”"),
                           (const char *) root->name, version);

  return TRUE;
}

/* Reads bytes into a model; records where each path is in locations when it is not NULL.
 * The document is streamed (ccp-xml-guard.h): the errors of the input found at its end win
 * over what was read before them, as if it had been parsed whole first. */
static GObject *
read_bytes (GBytes        *bytes,
            const char    *display_name,
            GPtrArray    **out_issues,
            CcpLocations  *locations,
            GError       **error)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(CcpXmlStream) stream = NULL;
  g_autoptr(GObject) result = NULL;
  g_autoptr(GError) root_error = NULL;
  const char *data;
  gsize length = 0;
  xmlNode *root;
  CcpReader reader = { 0, };

  data = g_bytes_get_data (bytes, &length);
  stream = ccp_xml_stream_new (data, length, display_name, error);
  if (stream == NULL)
    return NULL;

  issues = g_ptr_array_new_with_free_func (g_object_unref);
  reader.name = display_name;
  reader.issues = issues;
  reader.locations = locations;
  reader.data = data;
  reader.length = length;
  reader.stream = stream;

  root = ccp_xml_stream_root (stream);
  if (root != NULL && check_root (&reader, root, &root_error))
    {
      /* The document is this reader's alone until it is returned. */
      reader.ours = root->ns;
      ccp_model_begin_unobserved ();
      if (_ccp_reader_has_name (root, "city-plan"))
        result = G_OBJECT (_ccp_reader_read_city_plan (&reader, root));
      else
        result = G_OBJECT (_ccp_reader_read_field_plan (&reader, root));
      ccp_model_end_unobserved ();
    }
  g_clear_pointer (&reader.line_starts, g_array_unref);

  if (!ccp_xml_stream_finish (stream, error))
    return NULL;
  if (root_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&root_error));
      return NULL;
    }

  if (result != NULL && out_issues != NULL)
    *out_issues = g_steal_pointer (&issues);

  return g_steal_pointer (&result);
}

/* The activities of either root, one at a time: each <activity> is expanded, read and freed
 * before the next is parsed. What _ccp_reader_read_list() does for a whole list. */
void
_ccp_reader_read_activities (CcpReader   *r,
                             xmlNode     *node,
                             CcpItemList *store)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  CcpLazyPath list = CCP_LAZY_PATH_ROOT ("activities");
  xmlNode *child;
  guint index = 0;

  _ccp_reader_mark (r, "activities", node);
  _ccp_reader_check_attributes (r, node, "activities", NULL);

  ccp_xml_stream_enter (r->stream);
  while ((child = ccp_xml_stream_next (r->stream)) != NULL)
    {
      CcpLazyPath item = CCP_LAZY_PATH_INDEX (&list, 0);

      if (!_ccp_reader_accept_item_lazy (r, child, node, &list, "activity") ||
          !ccp_xml_stream_expand (r->stream))
        continue;

      item.index = index++;
      _ccp_reader_read_activity (r, child, &item, items);
      _ccp_lazy_path_clear (&item);
    }
  _ccp_reader_append_items (store, items);
}

/* The children of a root, each expanded before read_child() reads it, but <activities>,
 * which _ccp_reader_read_activities() streams. */
void
_ccp_reader_read_children (CcpReader      *r,
                           xmlNode        *root,
                           CcpReadChild    read_child,
                           gpointer        data)
{
  xmlNode *child;

  while ((child = ccp_xml_stream_next (r->stream)) != NULL)
    {
      if (child->type != XML_ELEMENT_NODE || !_ccp_reader_has_name (child, "activities") ||
          child->ns == NULL || !xmlStrEqual (child->ns->href, BAD_CAST CCP_FORMAT_NAMESPACE))
        if (!ccp_xml_stream_expand (r->stream))
          break;
      read_child (r, root, child, data);
    }
}

/* The attributes both roots have */

void
_ccp_reader_read_document_attributes (CcpReader *r,
                                      xmlNode   *root,
                                      GObject   *document)
{
  static const char * const attributes[] = {
    "version", "id", "revision", "modified", "status", NULL
  };
  static const char * const properties[] = { "id", "revision", "modified", "status" };
  g_autofree char *id = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *revision_text = NULL;
  g_autofree char *status_text = NULL;
  CcpPlanStatus status = CCP_PLAN_STATUS_DRAFT;
  guint revision = 0;

  _ccp_reader_mark (r, "", root);
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    _ccp_reader_mark (r, properties[i], root);
  _ccp_reader_check_attributes (r, root, "", attributes);

  id = _ccp_reader_get_attr_or_empty (root, "id");
  modified = _ccp_reader_get_attr_or_empty (root, "modified");
  g_object_set (document, "id", id, "modified", modified, NULL);

  revision_text = _ccp_reader_get_attr (root, "revision");
  if (revision_text == NULL)
    _ccp_reader_add_issue (r, root, "format-missing-attribute", "revision",
                           /* Translators: the first %s is an element name, the second an
                            * attribute name */
                           _("<%s> has no “%s” attribute"), (const char *) root->name,
                           "revision");
  else if (_ccp_reader_get_uint_attr (r, root, "revision", "revision", &revision))
    g_object_set (document, "revision", revision, NULL);

  status_text = _ccp_reader_get_attr (root, "status");
  if (status_text == NULL)
    _ccp_reader_add_issue (r, root, "format-missing-attribute", "status",
                           _("<%s> has no “%s” attribute"), (const char *) root->name,
                           "status");
  else if (!ccp_plan_status_from_code (status_text, &status))
    _ccp_reader_add_issue (r, root, "format-invalid-status", "status",
                           /* Translators: %s is the value found; "draft" and "final" are
                            * literal */
                           _("Attribute “status” must be “draft” or “final”, not “%s”; read as "
                             "“draft”"),
                           status_text);
  g_object_set (document, "status", status, NULL);
}

/* Called by ccp_locations_lookup() with the locations' lock held. */
void
_ccp_reader_fill_locations (CcpLocations *self,
                            GBytes       *bytes,
                            const char   *display_name)
{
  /* Only the locations are wanted; the document read again is dropped. */
  GObject *again = read_bytes (bytes, display_name, NULL, self, NULL);

  g_clear_object (&again);
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
    *out_locations = _ccp_locations_new_deferred (bytes, display_name);

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
