/* ccp-activity-row.h: one activity in the editor's list: title, dates, kind, issue badge. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

#define CCP_TYPE_ACTIVITY_ROW (ccp_activity_row_get_type ())
G_DECLARE_FINAL_TYPE (CcpActivityRow, ccp_activity_row, CCP, ACTIVITY_ROW, AdwBin)

GtkWidget   *ccp_activity_row_new          (void);
CcpActivity *ccp_activity_row_get_activity (CcpActivityRow *self);
void         ccp_activity_row_set_activity (CcpActivityRow *self,
                                            CcpActivity    *activity);
/* The badge: the number of errors (red) or, when none, of warnings. */
void         ccp_activity_row_set_issues   (CcpActivityRow *self,
                                            guint           n_errors,
                                            guint           n_warnings);
const char  *ccp_activity_row_get_badge    (CcpActivityRow *self);

G_END_DECLS
