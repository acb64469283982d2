/* ccp-sent-copy.c: the copy of a plan as it was sent (see ccp-sent-copy.h). */
#define G_LOG_DOMAIN "ccp-sent-copy"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ccp-error.h"
#include "ccp-file.h"
#include "ccp-sent-copy.h"

char *
ccp_sent_copy_get_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "creative-cities-plans", "sent", NULL);
}

/* The schema's identifier ("identifier" in creative-cities-plans-1.xsd), as the validator
 * checks it: it has no "/" and cannot be "." or "..". */
static gboolean
is_identifier (const char *text)
{
  gsize len = strlen (text);

  if (len == 0 || len > 128 || !g_ascii_isalnum (text[0]))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isalnum (text[i]) && strchr ("._:-", text[i]) == NULL)
      return FALSE;
  return TRUE;
}

gboolean
ccp_sent_copy_id_is_valid (const char *plan_id)
{
  if (plan_id == NULL)
    return FALSE;
  return g_uuid_string_is_valid (plan_id) || is_identifier (plan_id);
}

GFile *
ccp_sent_copy_get_file (const char  *plan_id,
                        guint        revision,
                        GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ccp_sent_copy_id_is_valid (plan_id))
    {
      g_set_error_literal (error, CCP_ERROR, CCP_ERROR_FAILED,
                           _("The plan identifier is not valid, so no copy of the plan as sent "
                             "can be kept"));
      return NULL;
    }
  if (revision == 0)
    {
      g_set_error_literal (error, CCP_ERROR, CCP_ERROR_FAILED,
                           _("Revision 0 is not valid: expected 1 or more"));
      return NULL;
    }

  dir = ccp_sent_copy_get_dir ();
  name = g_strdup_printf ("r%u.xml", revision);
  path = g_build_filename (dir, plan_id, name, NULL);
  return g_file_new_for_path (path);
}

/* rN.xml with N a revision (no sign, no leading zero), else 0. */
static guint
revision_of_name (const char *name)
{
  guint64 revision = 0;
  gsize len = strlen (name);

  if (len < 6 || name[0] != 'r' || name[1] == '0' || !g_str_has_suffix (name, ".xml"))
    return 0;
  for (gsize i = 1; i < len - 4; i++)
    {
      if (!g_ascii_isdigit (name[i]) || revision > G_MAXUINT / 10)
        return 0;
      revision = revision * 10 + (name[i] - '0');
    }
  return revision <= G_MAXUINT ? (guint) revision : 0;
}

static gint
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* Removes the copies in folder older than the CCP_SENT_COPY_KEEP latest, except written. A copy
 * that cannot be removed stays (the save itself succeeded): told in the debug log. */
static void
remove_old_copies (const char *folder,
                   guint       written)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GArray) revisions = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      guint revision = revision_of_name (name);
      g_autofree char *path = NULL;

      if (revision == 0)
        continue;
      path = g_build_filename (folder, name, NULL);
      /* Only our own regular files, never what a link points to. */
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
          !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        g_array_append_val (revisions, revision);
    }
  g_array_sort (revisions, compare_descending);
  for (guint i = CCP_SENT_COPY_KEEP; i < revisions->len; i++)
    {
      guint revision = g_array_index (revisions, guint, i);
      g_autofree char *file_name = g_strdup_printf ("r%u.xml", revision);
      g_autofree char *path = g_build_filename (folder, file_name, NULL);

      if (revision != written && g_unlink (path) != 0)
        g_debug ("Could not remove the old sent copy %s: %s", path, g_strerror (errno));
    }
}

gboolean
ccp_sent_copy_save (const char  *plan_id,
                    guint        revision,
                    GBytes      *bytes,
                    GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = ccp_sent_copy_get_file (plan_id, revision, error);
  if (file == NULL)
    return FALSE;
  parent = g_file_get_parent (file);
  folder = g_file_get_path (parent);
  /* Private: what a city plans is its own until it is sent. */
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a folder, the second %s the system's reason */
                   _("Could not make the folder %s: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }
  if (!ccp_file_save (file, bytes, FALSE, NULL, error))
    return FALSE;
  remove_old_copies (folder, revision);
  return TRUE;
}

GBytes *
ccp_sent_copy_load (const char    *plan_id,
                    guint          revision,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFile) file = ccp_sent_copy_get_file (plan_id, revision, error);

  if (file == NULL)
    return NULL;
  return ccp_file_load (file, CCP_FILE_MAX_SIZE, cancellable, error);
}

gboolean
ccp_sent_copy_exists (const char *plan_id,
                      guint       revision)
{
  g_autoptr(GFile) file = ccp_sent_copy_get_file (plan_id, revision, NULL);

  return file != NULL && g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                 NULL) == G_FILE_TYPE_REGULAR;
}
