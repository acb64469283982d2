/* ccp-result.h: an expected result of an activity, with its indicator. */
#pragma once

#include "ccp-types.h"

G_BEGIN_DECLS

#define CCP_TYPE_RESULT (ccp_result_get_type ())
G_DECLARE_FINAL_TYPE (CcpResult, ccp_result, CCP, RESULT, GObject)

/* Properties: "outcome", "indicator" (strings, default ""). */
CcpResult  *ccp_result_new            (const char *outcome,
                                       const char *indicator);
CcpResult  *ccp_result_copy           (CcpResult *self);
gboolean    ccp_result_equal          (CcpResult *a,
                                       CcpResult *b);
const char *ccp_result_get_outcome    (CcpResult *self);
void        ccp_result_set_outcome    (CcpResult *self, const char *outcome);
const char *ccp_result_get_indicator  (CcpResult *self);
void        ccp_result_set_indicator  (CcpResult *self, const char *indicator);

G_END_DECLS
