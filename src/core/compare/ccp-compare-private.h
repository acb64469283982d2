/* ccp-compare-private.h: what the period and network comparisons share. */
#pragma once

#include "ccp-period-compare.h"

G_BEGIN_DECLS

/* The activity's codes of a dimension (the kind as a one-code list), each once. Free with
 * g_strfreev(). */
char      **_ccp_compare_codes        (CcpActivity         *activity,
                                       CcpCompareDimension  dimension);
/* The codes of a dimension in the order of the comparisons: every term of the vocabulary,
 * then the codes of `seen` (a set) it lacks, sorted. Free with g_ptr_array_unref(); the
 * strings are owned by the array. */
GPtrArray  *_ccp_compare_order_codes  (CcpCompareDimension  dimension,
                                       GHashTable          *seen);
/* The activities of a CcpPlan or a CcpFieldPlan. */
GListModel *_ccp_compare_activities   (GObject             *document);

G_END_DECLS
