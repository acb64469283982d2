/* ccp-recovery.h: recovery copies of unsaved plans.
 *
 * A few seconds after each change the window writes its plan to
 * $XDG_STATE_HOME/creative-cities-plans/recovery/KEY.xml, with KEY.ini beside it naming the
 * file the plan came from. Saving or discarding removes them; after a crash the next start
 * finds them and offers to restore them.
 */
#pragma once

#include "ccp-plan.h"

G_BEGIN_DECLS

typedef struct {
  char      *key;
  GFile     *plan_file;      /* the recovery copy */
  GFile     *original;       /* where the plan was saved or opened, or NULL */
  GDateTime *written;
} CcpRecoveryEntry;

void       ccp_recovery_entry_free  (CcpRecoveryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcpRecoveryEntry, ccp_recovery_entry_free)

/* The folder of recovery copies. Free with g_free(). */
char      *ccp_recovery_get_dir     (void);
/* The key of a plan: its identifier when it is a safe file name, else a digest of it. */
char      *ccp_recovery_key_for     (CcpPlan *plan);
gboolean   ccp_recovery_write       (const char  *key,
                                     CcpPlan     *plan,
                                     GFile       *original,
                                     GError     **error);
void       ccp_recovery_remove      (const char *key);
/* Every recovery copy found, oldest first. Array of CcpRecoveryEntry. */
GPtrArray *ccp_recovery_list        (void);
/* The plan kept in entry's recovery copy, read through the core reader; NULL (error set) when
 * it cannot be read or is not a city plan. */
CcpPlan   *ccp_recovery_read        (CcpRecoveryEntry  *entry,
                                     GError           **error);

G_END_DECLS
