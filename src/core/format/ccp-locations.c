/* ccp-locations.c: where each model path was found in the file, and where a node is.
 *
 * libxml2 keeps a line on each node but no column, and past line 65,535 borrows the line from
 * neighbouring text; so an element's line and column are found from where the guard's parser
 * saw its start tag end (see ccp-xml-guard.h), in a table of line starts built when first
 * needed. Other nodes (text) get libxml2's line.
 */
#define G_LOG_DOMAIN "ccp-reader"

#include "config.h"

#include <string.h>

#include "ccp-issue.h"
#include "ccp-reader-private.h"

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

CcpLocations *
_ccp_locations_new_deferred (GBytes     *bytes,
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
    {
      g_autoptr(GBytes) bytes = g_steal_pointer (&self->bytes);
      g_autofree char *display_name = g_steal_pointer (&self->display_name);

      _ccp_reader_fill_locations (self, bytes, display_name);
    }
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

/* Lines and columns of nodes */

/* Where each line starts, found when first needed (for a location or an issue). */
static GArray *
lines (CcpReader *r)
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
line_of_offset (CcpReader *r,
                gsize      offset)
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
 * The guard's parser recorded in node->_private where the tag ends; a start tag holds no
 * other '<' (attribute values cannot), so its '<' is the first one before that. */
static gboolean
element_start (CcpReader *r,
               xmlNode   *node,
               guint     *line,
               guint     *column)
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

void
_ccp_reader_node_location (CcpReader *r,
                           xmlNode   *node,
                           guint     *line_out,
                           guint     *column_out)
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

void
_ccp_reader_mark (CcpReader  *r,
                  const char *path,
                  xmlNode    *node)
{
  guint line, column;

  if (r->locations == NULL)
    return;
  _ccp_reader_node_location (r, node, &line, &column);
  ccp_locations_set (r->locations, path, line, column);
}
