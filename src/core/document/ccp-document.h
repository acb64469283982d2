/* ccp-document.h: one open document: its file, its model (a CcpPlan or a CcpFieldPlan), the
 * etag of what is on disk, and what is done with the file: reading in a thread, saving
 * atomically with a backup, noticing another program's change, and the recovery copy.
 *
 * The etag is the SHA-256 of the bytes last read from or written to the file. A monitor on the
 * file compares the disk against it and emits "changed-on-disk" when they differ, so our own
 * saves are never taken for another program's. The editor window and the workspace bind to a
 * document and do no file work themselves.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"

G_BEGIN_DECLS

#define CCP_TYPE_DOCUMENT (ccp_document_get_type ())
G_DECLARE_FINAL_TYPE (CcpDocument, ccp_document, CCP, DOCUMENT, GObject)

typedef enum {
  CCP_DOCUMENT_SAVE_DEFAULT          = 0,
  /* Save even when another program changed the file since it was read or written. */
  CCP_DOCUMENT_SAVE_REPLACE_EXTERNAL = 1 << 0,
} CcpDocumentSaveFlags;

/*
 * Properties: "file" (GFile or NULL: never saved), "model" (GObject: CcpPlan or CcpFieldPlan,
 * or NULL before loading), "etag" (string, read-only, NULL when unknown).
 * Signal "changed-on-disk": another program changed the file (its bytes differ from the etag).
 */
CcpDocument *ccp_document_new               (GFile        *file,
                                             GObject      *model);

GFile       *ccp_document_get_file          (CcpDocument  *self);
/* Another file (or none): the etag is forgotten and the new file watched. */
void         ccp_document_set_file          (CcpDocument  *self,
                                             GFile        *file);
GObject     *ccp_document_get_model         (CcpDocument  *self);
void         ccp_document_set_model         (CcpDocument  *self,
                                             GObject      *model);
const char  *ccp_document_get_etag          (CcpDocument  *self);

/* Reads the file through the core reader in a thread; on success the model and the etag are
 * the file's. out_issues (optional) receives what the reader found (GPtrArray of CcpIssue). */
void         ccp_document_load_async        (CcpDocument          *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     ccp_document_load_finish       (CcpDocument          *self,
                                             GAsyncResult         *result,
                                             GPtrArray           **out_issues,
                                             GError              **error);

/* FALSE, with G_IO_ERROR_WRONG_ETAG, when file is the document's file and its content on disk
 * is no longer what was last read or written: another program changed it. */
gboolean     ccp_document_check_disk        (CcpDocument  *self,
                                             GFile        *file,
                                             GError      **error);

/* Writes the model to file atomically, the previous content kept as FILE~. Unless flags say
 * otherwise, refuses with G_IO_ERROR_WRONG_ETAG when another program changed the file. A
 * failed save leaves the file, the etag and the recovery copy as they were; a successful one
 * makes file the document's file and removes the recovery copy. */
gboolean     ccp_document_save              (CcpDocument           *self,
                                             GFile                 *file,
                                             CcpDocumentSaveFlags   flags,
                                             GCancellable          *cancellable,
                                             GError               **error);

/* Recovery copies of unsaved city plans (see ccp-recovery.h). The key is the one of the copy
 * last written (or restored from), or NULL. */
const char  *ccp_document_get_recovery_key  (CcpDocument  *self);
void         ccp_document_set_recovery_key  (CcpDocument  *self,
                                             const char   *key);
/* Writes the model (a city plan) to its recovery copy; a copy under an older key is removed. */
gboolean     ccp_document_write_recovery    (CcpDocument  *self,
                                             GError      **error);
void         ccp_document_remove_recovery   (CcpDocument  *self);

G_END_DECLS
