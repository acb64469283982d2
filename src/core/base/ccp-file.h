/* ccp-file.h: safe reading of untrusted files and atomic saving.
 *
 * Reading: a regular file of sane size only (no directory, FIFO, device, socket, symlink loop),
 * read with GIO, never past the limit even when the file grows meanwhile.
 * Saving: the whole content is written to a temporary file in the same folder and renamed over
 * the target only when every byte was written and synced, so a failed save (disk full, read-only
 * folder, target is a directory) leaves the previous file intact. See STYLE.md for the GLib 2.74
 * g_file_replace_contents() pitfall this avoids. ccp_file_save_with() streams: its producer
 * writes the content in chunks straight to the temporary file, with the same guarantees.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Plans are small; anything larger than this is refused before it is read. */
#define CCP_FILE_MAX_SIZE (64 * 1024 * 1024)

GBytes   *ccp_file_load         (GFile         *file,
                                 gsize          max_size,
                                 GCancellable  *cancellable,
                                 GError       **error);

/* Saves atomically. When make_backup is TRUE and the target exists, its previous content is
 * kept as TARGET~ first. */
gboolean  ccp_file_save         (GFile         *file,
                                 GBytes        *contents,
                                 gboolean       make_backup,
                                 GCancellable  *cancellable,
                                 GError       **error);

/* Where a streamed save writes: the temporary file of the atomic save, a non-local file's
 * stream, or a SHA-256 checksum (ccp_file_sink_new_sha256()). The first failure is kept; every
 * write after it does nothing and returns FALSE, so a producer need not check each one. */
typedef struct _CcpFileSink CcpFileSink;

/* Writes the whole content to sink, in as many ccp_file_sink_write() calls as it likes; returns
 * FALSE to give up (the save then fails and the previous file is kept). */
typedef gboolean (*CcpFileProduceFunc) (CcpFileSink *sink,
                                        gpointer     user_data);

gboolean  ccp_file_sink_write   (CcpFileSink   *sink,
                                 const void    *data,
                                 gsize          length);

/* As ccp_file_save(), with the content written by produce as it goes rather than held whole. */
gboolean  ccp_file_save_with    (GFile              *file,
                                 CcpFileProduceFunc  produce,
                                 gpointer            user_data,
                                 gboolean            make_backup,
                                 GCancellable       *cancellable,
                                 GError            **error);

/* A sink that only hashes what it is given; ccp_file_sink_free_to_sha256() ends it and returns
 * the lowercase hex SHA-256 (free with g_free()), the same as ccp_bytes_sha256() of the bytes. */
CcpFileSink *ccp_file_sink_new_sha256     (void);
char        *ccp_file_sink_free_to_sha256 (CcpFileSink *sink);

/* Whether a and b are the same existing file (same device and inode, through links and any
 * spelling of the path): an output that is one of the inputs would destroy it. */
gboolean  ccp_file_is_same      (GFile *a,
                                 GFile *b);

/* Lowercase hex SHA-256 of bytes. Free with g_free(). */
char     *ccp_bytes_sha256      (GBytes *bytes);

G_END_DECLS
