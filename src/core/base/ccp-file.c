/* ccp-file.c: safe reading of untrusted files and atomic saving. */
#define G_LOG_DOMAIN "ccp-file"
#define _GNU_SOURCE /* sync_file_range() */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
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
/* An atomic save asks the system to start writing what it has been given every so many bytes,
 * so that the fsync() before the rename waits for the last of them only. */
#define WRITEBACK_CHUNK (1024 * 1024)

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

/* A sink writes to exactly one of these. */
struct _CcpFileSink
{
  int                fd;            /* the temporary file of an atomic save, or -1 */
  GOutputStream     *stream;        /* a non-local file's, or NULL */
  struct sha256_ctx *sha256;        /* a hashing sink's, or NULL */
  GCancellable      *cancellable;
  int                saved_errno;   /* the first failure writing to fd; 0 while none */
  goffset            written;       /* bytes written to fd */
  goffset            flushed;       /* of which the system was asked to start writing */
  GError            *error;         /* the first failure writing to stream */
};

static gboolean write_all (int           fd,
                           const guint8 *data,
                           gsize         length);

gboolean
ccp_file_sink_write (CcpFileSink *sink,
                     const void  *data,
                     gsize        length)
{
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (sink->saved_errno != 0 || sink->error != NULL)
    return FALSE;
  if (length == 0)
    return TRUE;

  if (sink->sha256 != NULL)
    {
      sha256_update (sink->sha256, length, data);
      return TRUE;
    }
  if (sink->stream != NULL)
    return g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable,
                                      &sink->error);
  if (!write_all (sink->fd, data, length))
    {
      /* errno 0 would read as "no failure". */
      sink->saved_errno = errno != 0 ? errno : EIO;
      return FALSE;
    }
  sink->written += (goffset) length;
#ifdef HAVE_SYNC_FILE_RANGE
  /* Only a start: it waits for nothing, and any failure of the writing is fsync()'s to report. */
  if (sink->written - sink->flushed >= WRITEBACK_CHUNK)
    {
      (void) sync_file_range (sink->fd, sink->flushed, sink->written - sink->flushed,
                              SYNC_FILE_RANGE_WRITE);
      sink->flushed = sink->written;
    }
#endif
  return TRUE;
}

static char *
hex_digest (const guint8 *digest,
            gsize         length)
{
  char *hex = g_malloc (2 * length + 1);

  for (gsize i = 0; i < length; i++)
    {
      hex[2 * i] = "0123456789abcdef"[digest[i] >> 4];
      hex[2 * i + 1] = "0123456789abcdef"[digest[i] & 0xf];
    }
  hex[2 * length] = '\0';
  return hex;
}

CcpFileSink *
ccp_file_sink_new_sha256 (void)
{
  CcpFileSink *sink = g_new0 (CcpFileSink, 1);

  sink->fd = -1;
  sink->sha256 = g_new (struct sha256_ctx, 1);
  sha256_init (sink->sha256);
  return sink;
}

char *
ccp_file_sink_free_to_sha256 (CcpFileSink *sink)
{
  guint8 digest[SHA256_DIGEST_SIZE];

  g_return_val_if_fail (sink != NULL && sink->sha256 != NULL, NULL);

  sha256_digest (sink->sha256, sizeof digest, digest);
  g_free (sink->sha256);
  g_free (sink);
  return hex_digest (digest, sizeof digest);
}

/* Saving a non-local file (GVfs): g_file_replace writes a temporary file that is renamed over
 * the target on close. On any write error the stream is closed with an already-cancelled
 * GCancellable, so no rename happens and the previous file stays intact. */
static gboolean
save_with_stream (GFile               *file,
                  const char          *name,
                  CcpFileProduceFunc   produce,
                  gpointer             user_data,
                  gboolean             make_backup,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  CcpFileSink sink = { .fd = -1, .cancellable = cancellable };
  gboolean produced;

  stream = g_file_replace (file, NULL, make_backup, G_FILE_CREATE_NONE, cancellable,
                           &local_error);
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("Could not save “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  sink.stream = G_OUTPUT_STREAM (stream);
  produced = produce (&sink, user_data);
  if (sink.error != NULL || !produced)
    {
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
      local_error = sink.error != NULL ? sink.error
                    : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, g_strerror (EIO));
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

/* Our temporary files beside a target: ".NAME.ccp-save-PID-XXXXXX", hidden, and named after the
 * process that writes them, so that the next save to the folder can tell a stale one (its
 * process is gone: killed during a save) from one being written right now. */
#define TEMP_INFIX ".ccp-save-"

static char *
temp_template (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  return g_strdup_printf ("%s/.%s" TEMP_INFIX "%d-XXXXXX", folder, base, (int) getpid ());
}

/* The process id in one of our temporary file names, or 0 when the name is not one of ours. */
static pid_t
temp_owner (const char *name)
{
  const char *infix, *p;
  guint64 pid = 0;
  char *end = NULL;

  if (name[0] != '.' || (infix = g_strrstr (name, TEMP_INFIX)) == NULL || infix == name)
    return 0;
  p = infix + strlen (TEMP_INFIX);
  if (!g_ascii_isdigit (*p))
    return 0;
  pid = g_ascii_strtoull (p, &end, 10);
  if (pid == 0 || pid > G_MAXINT || end == NULL || *end != '-' || strlen (end + 1) != 6)
    return 0;
  return (pid_t) pid;
}

/* Removes the temporary files of ours in folder whose process no longer runs (a save that was
 * killed), when they are ours to remove. Best effort: a failure only leaves the file. */
static void
remove_stale_temporaries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      pid_t pid = temp_owner (name);
      g_autofree char *path = NULL;
      GStatBuf st;

      if (pid == 0 || (kill (pid, 0) != 0 ? errno != ESRCH : TRUE))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid ())
        g_unlink (path);
    }
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          if (written == 0)
            errno = ENOSPC;
          return FALSE;
        }
      data += written;
      length -= (gsize) written;
    }
  return TRUE;
}

/* Makes a rename in folder durable. */
static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  g_fsync (fd);
  g_close (fd, NULL);
}

/* Writes data to path through a temporary file in the same folder that is synced and renamed
 * over path only when complete, so that the old file survives a full disk (STYLE.md). The new
 * file gets `mode` exactly (not reduced by the umask: it is the mode of the file it replaces)
 * and, when `st` is the replaced file's, its owner and group where the system permits. */
static gboolean
write_atomically (const char          *path,
                  const char          *name,
                  CcpFileProduceFunc   produce,
                  gpointer             user_data,
                  mode_t               mode,
                  const GStatBuf      *st,
                  GError             **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *temp = temp_template (path);
  CcpFileSink sink = { .fd = -1 };
  int saved_errno;
  int fd;

  remove_stale_temporaries (folder);

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    goto failed;

  if (st != NULL && (st->st_uid != getuid () || st->st_gid != getgid ()))
    {
      /* Only root may give a file away; anyone may keep its group if they are a member. */
      if (fchown (fd, st->st_uid, st->st_gid) != 0)
        (void) fchown (fd, (uid_t) -1, st->st_gid);
    }

  sink.fd = fd;
  saved_errno = 0;
  if (fchmod (fd, mode) != 0)
    saved_errno = errno;
  else if (!produce (&sink, user_data) || sink.saved_errno != 0)
    /* A producer that gave up without a failed write: the system gave no reason. */
    saved_errno = sink.saved_errno != 0 ? sink.saved_errno : EIO;
  else if (g_fsync (fd) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      close (fd);
      g_unlink (temp);
      errno = saved_errno;
      goto failed;
    }
  if (close (fd) != 0 || g_rename (temp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      errno = saved_errno;
      goto failed;
    }
  sync_folder (folder);
  return TRUE;

failed:
  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/* Where a save to path writes: through symbolic links to their target, even a dangling one
 * (the target is then created, as an editor does); NULL with errno set for a loop. */
static char *
resolve_target (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops < 40; hops++)
    {
      g_autofree char *link = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        {
          char *resolved = realpath (current, NULL);

          return resolved != NULL ? resolved : g_steal_pointer (&current);
        }
      link = g_file_read_link (current, NULL);
      if (link == NULL)
        return g_steal_pointer (&current);
      if (!g_path_is_absolute (link))
        {
          g_autofree char *folder = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (folder, link, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
    }
  errno = ELOOP;
  return NULL;
}

/* The mode a new file gets: 0666 less the process's umask, read without changing it (umask()
 * both reads and sets, which is not safe while other threads create files). */
static mode_t
new_file_mode (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "\nUmask:\t")) != NULL)
    return 0666 & ~(mode_t) g_ascii_strtoull (line + strlen ("\nUmask:\t"), NULL, 8);
  return 0644;
}

static gboolean
produce_bytes (CcpFileSink *sink,
               gpointer     user_data)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (user_data, &length);

  return ccp_file_sink_write (sink, data, length);
}

gboolean
ccp_file_save_with (GFile               *file,
                    CcpFileProduceFunc   produce,
                    gpointer             user_data,
                    gboolean             make_backup,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gboolean exists = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (produce != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = describe_file (file);
  if (g_file_peek_path (file) == NULL)
    return save_with_stream (file, name, produce, user_data, make_backup, cancellable,
                             error);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Replace what a symbolic link points to, not the link itself. */
  path = resolve_target (g_file_peek_path (file));
  if (path == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

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
    }

  if (exists && make_backup)
    {
      g_autofree char *old_data = NULL;
      g_autofree char *backup_path = g_strconcat (path, "~", NULL);
      g_autoptr(GBytes) old_bytes = NULL;
      gsize old_length = 0;

      if (g_file_get_contents (path, &old_data, &old_length, &local_error))
        old_bytes = g_bytes_new_take (g_steal_pointer (&old_data), old_length);
      if (old_bytes == NULL ||
          !write_atomically (backup_path, name, produce_bytes, old_bytes,
                             st.st_mode & 07777, &st, &local_error))
        {
          g_set_error (error, G_IO_ERROR,
                       local_error->domain == G_FILE_ERROR
                       ? (gint) g_io_error_from_file_error (local_error->code) : local_error->code,
                       /* Translators: the first %s is a file name, the second the reason */
                       _("Could not save “%s”: the backup copy failed: %s"),
                       name, local_error->message);
          return FALSE;
        }
    }

  /* Keep the permissions and owner the user gave the file. */
  return write_atomically (path, name, produce, user_data,
                           exists ? st.st_mode & 07777 : new_file_mode (),
                           exists ? &st : NULL, error);
}

gboolean
ccp_file_save (GFile         *file,
               GBytes        *contents,
               gboolean       make_backup,
               GCancellable  *cancellable,
               GError       **error)
{
  g_return_val_if_fail (contents != NULL, FALSE);

  return ccp_file_save_with (file, produce_bytes, contents, make_backup, cancellable, error);
}

gboolean
ccp_file_is_same (GFile *a,
                  GFile *b)
{
  GStatBuf sa, sb;

  g_return_val_if_fail (G_IS_FILE (a) && G_IS_FILE (b), FALSE);

  if (g_file_peek_path (a) == NULL || g_file_peek_path (b) == NULL)
    return g_file_equal (a, b);
  if (g_stat (g_file_peek_path (a), &sa) != 0 || g_stat (g_file_peek_path (b), &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

char *
ccp_bytes_sha256 (GBytes *bytes)
{
  struct sha256_ctx context;
  guint8 digest[SHA256_DIGEST_SIZE];
  gsize length = 0;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  sha256_init (&context);
  sha256_update (&context, length, data);
  sha256_digest (&context, sizeof digest, digest);
  return hex_digest (digest, sizeof digest);
}
