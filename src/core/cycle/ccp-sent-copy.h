/* ccp-sent-copy.h: the copy of a city plan exactly as it was sent to the coordinator, kept so
 * that the editor can compare the plan with the last revision sent ("Compare with Last Sent
 * Revision", issue 19). Send to Coordinator saves the plan, then keeps the saved bytes as
 * $XDG_DATA_HOME/creative-cities-plans/sent/PLAN-ID/rREVISION.xml, written atomically.
 *
 * The plan identifier comes from a file: it names a folder only when it is a UUID or follows
 * the schema's identifier rule ([A-Za-z0-9][A-Za-z0-9._:-]{0,127}: no "/", no leading "."),
 * so that no identifier names a path outside the folder; any other is refused with an error.
 *
 * Only the last CCP_SENT_COPY_KEEP revisions of a plan are kept: writing a copy removes the
 * older ones (only files named rN.xml in that plan's folder, nothing else there).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How many copies (revisions) of one plan are kept. */
#define CCP_SENT_COPY_KEEP 5

/* The folder of every sent copy. Free with g_free(). */
char     *ccp_sent_copy_get_dir      (void);
/* Whether plan_id may name a folder of sent copies (see above). */
gboolean  ccp_sent_copy_id_is_valid  (const char    *plan_id);
/* Where the copy of that revision is (it may not exist); NULL with CCP_ERROR_FAILED when the
 * identifier is not valid or revision is 0. */
GFile    *ccp_sent_copy_get_file     (const char    *plan_id,
                                      guint          revision,
                                      GError       **error);
/* Keeps bytes as the copy of that revision sent, atomically (a copy already there is
 * replaced; a failed write leaves it as it was), then removes the plan's copies older than the
 * CCP_SENT_COPY_KEEP latest revisions (never the one written). */
gboolean  ccp_sent_copy_save         (const char    *plan_id,
                                      guint          revision,
                                      GBytes        *bytes,
                                      GError       **error);
/* The bytes kept, read as untrusted (bounded, regular file only). */
GBytes   *ccp_sent_copy_load         (const char    *plan_id,
                                      guint          revision,
                                      GCancellable  *cancellable,
                                      GError       **error);
/* Whether a copy of that revision is kept (FALSE for an identifier that is not valid). */
gboolean  ccp_sent_copy_exists       (const char    *plan_id,
                                      guint          revision);

G_END_DECLS
