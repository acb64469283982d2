/* ccp-reader-review.c: review comments (in a source of a field plan, in a city plan, in a
 * review file) and the review file itself (ccp-review-file.h), read from untrusted bytes
 * through the XML guard like every other document. */
#define G_LOG_DOMAIN "ccp-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ccp-error.h"
#include "ccp-file.h"
#include "ccp-reader-private.h"
#include "ccp-review-comment.h"
#include "ccp-review-file.h"
#include "ccp-review.h"
#include "ccp-xml-guard.h"

void
_ccp_reader_read_comment (CcpReader  *r,
                          xmlNode    *node,
                          const char *path,
                          gpointer    data,
                          GPtrArray  *items)
{
  static const char * const attributes[] = {
    "id", "activity", "field", "author", "time", "addressed", NULL
  };
  static const char * const properties[] = { "id", "activity", "field", "author", "time" };
  g_autoptr(CcpReviewComment) comment = ccp_review_comment_new (NULL, NULL, NULL, NULL);
  g_autofree char *addressed_path = _ccp_reader_path_join (path, "addressed");
  g_autofree char *text = NULL;

  _ccp_reader_mark (r, path, node);
  _ccp_reader_check_attributes (r, node, path, attributes);
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autofree char *value = _ccp_reader_get_attr_or_empty (node, properties[i]);

      g_object_set (comment, properties[i], value, NULL);
    }
  ccp_review_comment_set_addressed (comment,
                                    _ccp_reader_get_bool_attr (r, node, "addressed",
                                                               addressed_path, FALSE));
  text = _ccp_reader_element_text (r, node, path);
  ccp_review_comment_set_text (comment, text);
  g_ptr_array_add (items, g_steal_pointer (&comment));
}

/* The review file */

static gboolean
check_review_root (xmlNode     *root,
                   const char  *name,
                   GError     **error)
{
  const char *uri = root->ns != NULL ? (const char *) root->ns->href : NULL;
  g_autofree char *version = _ccp_reader_get_attr (root, "version");

  if (uri != NULL && g_str_has_prefix (uri, "urn:creativecities:plans:") &&
      g_strcmp0 (uri, CCP_FORMAT_NAMESPACE) != 0)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_NEWER_VERSION,
                   /* Translators: the first %s is a file name, the second an XML namespace */
                   _("%s was made by a newer version of Creative Cities Plans (namespace “%s”); "
                     "this version reads format 1.x"),
                   name, uri);
      return FALSE;
    }
  if (g_strcmp0 (uri, CCP_FORMAT_NAMESPACE) != 0 || !_ccp_reader_has_name (root, "review"))
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_NOT_A_PLAN,
                   /* Translators: the first %s is a file name, the second an element name,
                    * the third an XML namespace URI */
                   _("%s is not a review file: its root element is <%s>; expected <review> in "
                     "namespace “%s”"),
                   name, (const char *) root->name, CCP_FORMAT_NAMESPACE);
      return FALSE;
    }
  if (version != NULL && g_ascii_isdigit (*version) &&
      g_ascii_strtoull (version, NULL, 10) > CCP_FORMAT_MAJOR)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_NEWER_VERSION,
                   _("%s was made by a newer version of Creative Cities Plans (format %s); "
                     "this version reads format 1.x"),
                   name, version);
      return FALSE;
    }
  return TRUE;
}

static void
set_malformed (GError     **error,
               const char  *name,
               guint        line,
               const char  *what)
{
  if (line > 0)
    g_set_error (error, CCP_ERROR, CCP_ERROR_MALFORMED,
                 /* Translators: the first %s is a file name, %u a line, the last %s says
                  * what is wrong */
                 _("%s, line %u: %s"), name, line, what);
  else
    g_set_error (error, CCP_ERROR, CCP_ERROR_MALFORMED, "%s: %s", name, what);
}

static gboolean
read_review_plan (CcpReader  *r,
                  xmlNode    *node,
                  CcpReview  *review)
{
  static const char * const attributes[] = {
    "id", "revision", "city", "country", "field", "period", NULL
  };
  static const char * const properties[] = { "city", "country", "field", "period" };
  g_autofree char *id = _ccp_reader_get_attr_or_empty (node, "id");
  guint revision = 0;

  _ccp_reader_mark (r, "plan", node);
  _ccp_reader_check_attributes (r, node, "plan", attributes);
  _ccp_reader_refuse_children (r, node, "plan");
  ccp_review_set_plan_id (review, id);
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autofree char *value = _ccp_reader_get_attr_or_empty (node, properties[i]);

      g_object_set (review, properties[i], value, NULL);
    }
  if (_ccp_reader_get_uint_attr (r, node, "revision", "plan/revision", &revision))
    ccp_review_set_revision (review, revision);
  return *id != '\0';
}

CcpReview *
ccp_review_read_bytes (GBytes      *bytes,
                       const char  *display_name,
                       GPtrArray  **out_issues,
                       GError     **error)
{
  static const char * const attributes[] = { "version", "state", "author", "time", NULL };
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(CcpReview) review = NULL;
  g_autoptr(GHashTable) seen = _ccp_reader_seen_new ();
  g_autofree char *state_text = NULL;
  g_autofree char *author = NULL;
  g_autofree char *time = NULL;
  CcpReader reader = { 0, };
  CcpReviewState state;
  gboolean has_plan = FALSE;
  const char *data;
  gsize length = 0;
  xmlNode *root;
  guint line = 0, column = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  doc = ccp_xml_guard_parse (data, length, display_name, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (!check_review_root (root, display_name, error))
    return NULL;

  reader.name = display_name;
  reader.issues = issues;
  reader.data = data;
  reader.length = length;
  review = ccp_review_new ();

  _ccp_reader_check_attributes (&reader, root, "", attributes);
  state_text = _ccp_reader_get_attr_or_empty (root, "state");
  author = _ccp_reader_get_attr_or_empty (root, "author");
  time = _ccp_reader_get_attr_or_empty (root, "time");
  ccp_review_set_author (review, author);
  ccp_review_set_time (review, time);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (!_ccp_reader_accept_child (&reader, child, root, ""))
        continue;
      if (!_ccp_reader_has_name (child, "plan") && !_ccp_reader_has_name (child, "comments"))
        {
          _ccp_reader_unexpected_element (&reader, child, root, "");
          continue;
        }
      if (!_ccp_reader_first_time (&reader, seen, child, root, ""))
        continue;
      g_hash_table_add (seen, (gpointer) child->name);

      if (_ccp_reader_has_name (child, "plan"))
        {
          has_plan = read_review_plan (&reader, child, review);
          _ccp_reader_node_location (&reader, child, &line, &column);
        }
      else
        _ccp_reader_read_list (&reader, child, "comments", "comment", _ccp_reader_read_comment,
                               NULL, ccp_review_get_comments (review));
    }

  /* What the review cannot be used without is an error, not an issue. */
  if (!ccp_review_state_from_code (state_text, &state) ||
      (state != CCP_REVIEW_STATE_ACCEPTED && state != CCP_REVIEW_STATE_RETURNED))
    {
      g_autofree char *what =
        /* Translators: %s is the value found; "accepted" and "returned" are literal */
        g_strdup_printf (_("attribute “state” of <review> must be “accepted” or “returned”, "
                           "not “%s”"), state_text);
      _ccp_reader_node_location (&reader, root, &line, &column);
      set_malformed (error, display_name, line, what);
      g_clear_pointer (&reader.line_starts, g_array_unref);
      return NULL;
    }
  ccp_review_set_state (review, state);
  if (!has_plan)
    {
      _ccp_reader_node_location (&reader, root, &line, &column);
      set_malformed (error, display_name, line,
                     _("the review does not say which plan it is about (<plan id=…>)"));
      g_clear_pointer (&reader.line_starts, g_array_unref);
      return NULL;
    }
  g_clear_pointer (&reader.line_starts, g_array_unref);

  if (out_issues != NULL)
    *out_issues = g_steal_pointer (&issues);
  return g_steal_pointer (&review);
}

CcpReview *
ccp_review_read_file (GFile         *file,
                      GPtrArray    **out_issues,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = ccp_file_load (file, CCP_FILE_MAX_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;
  name = g_file_get_parse_name (file);
  return ccp_review_read_bytes (bytes, name, out_issues, error);
}
