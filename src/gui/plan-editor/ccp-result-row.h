/* ccp-result-row.h: one expected result of an activity (outcome and indicator), edited in place. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

#define CCP_TYPE_RESULT_ROW (ccp_result_row_get_type ())
G_DECLARE_FINAL_TYPE (CcpResultRow, ccp_result_row, CCP, RESULT_ROW, AdwExpanderRow)

GtkWidget *ccp_result_row_new         (CcpResult  *result,
                                       CcpItemList *store);
CcpResult *ccp_result_row_get_result  (CcpResultRow *self);
void       ccp_result_row_show_issues (CcpResultRow *self,
                                       GPtrArray    *issues,
                                       const char   *prefix);
gboolean   ccp_result_row_focus       (CcpResultRow *self,
                                       const char   *property);
/* The input of "outcome" or "indicator" (for tests). */
GtkWidget *ccp_result_row_get_input   (CcpResultRow *self,
                                       const char   *property);

G_END_DECLS
