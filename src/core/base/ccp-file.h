/* ccp-file.h: safe reading of untrusted files and atomic saving.
 *
 * Reading: a regular file of sane size only (no directory, FIFO, device, socket, symlink loop),
 * read with GIO, never past the limit even when the file grows meanwhile.
 * Saving: the whole content is written to a temporary file in the same folder and renamed over
 * the target only when every byte was written and synced, so a failed save (disk full, read-only
 * folder, target is a directory) leaves the previous file intact. See STYLE.md for the GLib 2.74
 * g_file_replace_contents() pitfall this avoids.
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

/* Whether a and b are the same existing file (same device and inode, through links and any
 * spelling of the path): an output that is one of the inputs would destroy it. */
gboolean  ccp_file_is_same      (GFile *a,
                                 GFile *b);

/* Lowercase hex SHA-256 of bytes. Free with g_free(). */
char     *ccp_bytes_sha256      (GBytes *bytes);

G_END_DECLS
