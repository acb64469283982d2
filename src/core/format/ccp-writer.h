/* ccp-writer.h: canonical output of city plans and field plans.
 *
 * Fixed element and attribute order, two-space indent, UTF-8, LF, final newline; empty optional
 * elements are left out. Writing an unchanged model gives byte-identical bytes.
 *
 * A document of many activities is written with the help of worker threads that read its
 * activities while the call runs (the call returns when they are done, and only the calling
 * thread writes to the file): nothing may change the document meanwhile, from any thread.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"

G_BEGIN_DECLS

GBytes   *ccp_writer_write_plan       (CcpPlan      *plan);
GBytes   *ccp_writer_write_field_plan (CcpFieldPlan *field_plan);
/* Either kind of document, saved atomically with ccp_file_save(). */
gboolean  ccp_writer_save             (GObject      *document,
                                       GFile        *file,
                                       gboolean      make_backup,
                                       GCancellable *cancellable,
                                       GError      **error);

/* The SHA-256 (lowercase hex) of what ccp_writer_save() would write, without holding it: to
 * tell whether a document changed. Free with g_free(). */
char     *ccp_writer_sha256           (GObject      *document);

G_END_DECLS
