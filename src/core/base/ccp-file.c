/* ccp-file.c: safe reading of untrusted files and atomic saving. */
#define G_LOG_DOMAIN "ccp-file"

#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <nettle/sha2.h>

#include "ccp-error.h"
#include "ccp-file.h"

/* Read in chunks so a file that grows while it is read never costs more than max_size + 1. */
#define READ_CHUNK (64 * 1024)

static char *
describe_file (GFile *file)
{
  return g_file_get_parse_name (file);
}

/* GIO reports a symlink whose target cannot be reached (a loop, a missing target) as a
 * symbolic link even when following links: find out which, for a clear message. */
static void
set_link_error (GFile       *file,
                const char  *name,
                GError     **error)
{
  const char *path = g_file_peek_path (file);
  GStatBuf st;
  int saved_errno = 0;

  if (path != NULL && g_stat (path, &st) != 0)
    saved_errno = errno;

  if (saved_errno == ELOOP)
    g_set_error (error, CCP_ERROR, CCP_ERROR_NOT_REGULAR,
                 /* Translators: %s is a file name */
                 _("“%s” is a loop of symbolic links that never reaches a file"), name);
  else
    g_set_error (error, CCP_ERROR, CCP_ERROR_NOT_REGULAR,
                 /* Translators: %s is a file name */
                 _("“%s” is a symbolic link to a file that does not exist"), name);
}

static void
set_special_error (GFileInfo   *info,
                   const char  *name,
                   GError     **error)
{
  guint32 mode = 0;

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);

  if (S_ISFIFO (mode))
    g_set_error (error, CCP_ERROR, CCP_ERROR_NOT_REGULAR,
                 /* Translators: %s is a file name; a FIFO is a named pipe */
                 _("“%s” is a named pipe (FIFO), not a plan file"), name);
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    g_set_error (error, CCP_ERROR, CCP_ERROR_NOT_REGULAR,
                 /* Translators: %s is a file name */
                 _("“%s” is a device, not a plan file"), name);
  else if (S_ISSOCK (mode))
    g_set_error (error, CCP_ERROR, CCP_ERROR_NOT_REGULAR,
                 /* Translators: %s is a file name */
                 _("“%s” is a socket, not a plan file"), name);
  else
    g_set_error (error, CCP_ERROR, CCP_ERROR_NOT_REGULAR,
                 /* Translators: %s is a file name */
                 _("“%s” is not a regular file"), name);
}

/* Refuses what is not a regular, non-empty file of at most max_size bytes, before it is
 * opened: opening a FIFO would block, reading /dev/zero would never end. */
static gboolean
check_file_info (GFile         *file,
                 const char    *name,
                 gsize          max_size,
                 goffset       *out_size,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  goffset size;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS))
        {
          set_link_error (file, name, error);
          return FALSE;
        }
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     /* Translators: %s is a file name */
                     _("“%s” does not exist"), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     /* Translators: %s is a file name */
                     _("You do not have permission to read “%s”"), name);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     /* Translators: the first %s is a file name, the second the system's
                      * reason */
                     _("Could not read “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;

    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, CCP_ERROR, CCP_ERROR_NOT_REGULAR,
                   /* Translators: %s is a file name */
                   _("“%s” is a folder, not a plan file"), name);
      return FALSE;

    case G_FILE_TYPE_SYMBOLIC_LINK:
      set_link_error (file, name, error);
      return FALSE;

    case G_FILE_TYPE_SPECIAL:
      set_special_error (info, name, error);
      return FALSE;

    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      g_set_error (error, CCP_ERROR, CCP_ERROR_NOT_REGULAR,
                   /* Translators: %s is a file name */
                   _("“%s” is not a regular file"), name);
      return FALSE;
    }

  size = g_file_info_get_size (info);
  if (size <= 0)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_EMPTY,
                   /* Translators: %s is a file name */
                   _("“%s” is empty"), name);
      return FALSE;
    }

  if ((guint64) size > (guint64) max_size)
    {
      g_autofree char *size_text = g_format_size_full ((guint64) size,
                                                       G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit_text = g_format_size_full ((guint64) max_size,
                                                           G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, CCP_ERROR, CCP_ERROR_TOO_LARGE,
                   /* Translators: the first %s is a file name, then two sizes like "3.2 GB" */
                   _("“%s” is too large (%s); a plan file can be at most %s"),
                   name, size_text, limit_text);
      return FALSE;
    }

  *out_size = size;
  return TRUE;
}

GBytes *
ccp_file_load (GFile         *file,
               gsize          max_size,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *buffer = NULL;
  gsize capacity;
  gsize length = 0;
  goffset size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (max_size > 0 && max_size < G_MAXSIZE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = describe_file (file);

  if (!check_file_info (file, name, max_size, &size, cancellable, error))
    return NULL;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  /* Room for the size announced plus one byte, to notice that the file grew meanwhile. */
  capacity = MIN ((gsize) size, max_size) + 1;
  buffer = g_malloc (capacity);

  for (;;)
    {
      gsize bytes_read = 0;
      gsize want = MIN (capacity - length, (gsize) READ_CHUNK);

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer + length, want,
                                    &bytes_read, cancellable, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not read “%s”: %s"), name, local_error->message);
          return NULL;
        }

      length += bytes_read;
      if (bytes_read < want)
        break; /* end of file */

      if (length > max_size)
        {
          g_autofree char *limit_text = g_format_size_full ((guint64) max_size,
                                                           G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, CCP_ERROR, CCP_ERROR_TOO_LARGE,
                       /* Translators: %s is a file name, then a size like "64 MB" */
                       _("“%s” is too large (it grew past %s while being read)"),
                       name, limit_text);
          return NULL;
        }

      if (length == capacity)
        {
          /* The file grew since it was measured: keep reading, still bounded. */
          capacity = MIN (capacity * 2, max_size + 1);
          buffer = g_realloc (buffer, capacity);
        }
    }

  if (!g_input_stream_close (G_INPUT_STREAM (stream), cancellable, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  if (length == 0)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_EMPTY, _("“%s” is empty"), name);
      return NULL;
    }

  return g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), length), length);
}

/* Saving a non-local file (GVfs): g_file_replace writes a temporary file that is renamed over
 * the target on close. On any write error the stream is closed with an already-cancelled
 * GCancellable, so no rename happens and the previous file stays intact. */
static gboolean
save_with_stream (GFile         *file,
                  const char    *name,
                  GBytes        *contents,
                  gboolean       make_backup,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (contents, &length);

  stream = g_file_replace (file, NULL, make_backup, G_FILE_CREATE_NONE, cancellable,
                           &local_error);
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("Could not save “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length, NULL, cancellable,
                                  &local_error))
    {
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Writes data to path through a temporary file in the same folder that is synced and renamed
 * over path only when complete (measured in STYLE.md: the old file survives a full disk). */
static gboolean
write_atomically (const char    *path,
                  const char    *name,
                  const guint8  *data,
                  gsize          length,
                  int            mode,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, (const char *) data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, &local_error))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                   _("Could not save “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
ccp_file_save (GFile         *file,
               GBytes        *contents,
               gboolean       make_backup,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *resolved = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *path;
  const guint8 *data;
  gsize length = 0;
  GStatBuf st;
  int mode = 0666;
  gboolean exists = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = describe_file (file);
  path = g_file_peek_path (file);

  if (path == NULL)
    return save_with_stream (file, name, contents, make_backup, cancellable, error);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       /* Translators: %s is a file name */
                       _("Could not save “%s”: it is a folder; choose a file name"), name);
          return FALSE;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       /* Translators: %s is a file name */
                       _("Could not save “%s”: it is not a regular file"), name);
          return FALSE;
        }
      exists = TRUE;
      /* Keep the permissions the user gave the file. */
      mode = st.st_mode & 0777;
      /* Replace what a symbolic link points to, not the link itself. */
      resolved = realpath (path, NULL);
      if (resolved != NULL)
        path = resolved;
    }

  if (exists && make_backup)
    {
      g_autofree char *old_data = NULL;
      g_autofree char *backup_path = g_strconcat (path, "~", NULL);
      gsize old_length = 0;

      if (!g_file_get_contents (path, &old_data, &old_length, &local_error))
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                       /* Translators: the first %s is a file name, the second the reason */
                       _("Could not save “%s”: the backup copy failed: %s"),
                       name, local_error->message);
          return FALSE;
        }

      if (!g_file_set_contents_full (backup_path, old_data, (gssize) old_length,
                                     G_FILE_SET_CONTENTS_CONSISTENT |
                                     G_FILE_SET_CONTENTS_DURABLE,
                                     mode, &local_error))
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                       /* Translators: the first %s is a file name, the second the reason */
                       _("Could not save “%s”: the backup copy failed: %s"),
                       name, local_error->message);
          return FALSE;
        }
    }

  data = g_bytes_get_data (contents, &length);
  return write_atomically (path, name, data, length, mode, error);
}

char *
ccp_bytes_sha256 (GBytes *bytes)
{
  struct sha256_ctx context;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *hex = g_malloc (2 * SHA256_DIGEST_SIZE + 1);
  gsize length = 0;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  sha256_init (&context);
  sha256_update (&context, length, data);
  sha256_digest (&context, sizeof digest, digest);

  for (gsize i = 0; i < sizeof digest; i++)
    {
      hex[2 * i] = "0123456789abcdef"[digest[i] >> 4];
      hex[2 * i + 1] = "0123456789abcdef"[digest[i] & 0xf];
    }
  hex[2 * SHA256_DIGEST_SIZE] = '\0';
  return hex;
}
