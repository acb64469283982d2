/* ccp-attribution.h: in a field plan, one city that runs an activity, and where the copy came from. */
#pragma once

#include "ccp-types.h"

G_BEGIN_DECLS

#define CCP_TYPE_ATTRIBUTION (ccp_attribution_get_type ())
G_DECLARE_FINAL_TYPE (CcpAttribution, ccp_attribution, CCP, ATTRIBUTION, GObject)

/* Properties (construct-only strings): "city", "country", "plan-id", "activity-id". */
CcpAttribution *ccp_attribution_new             (const char *city,
                                                 const char *country,
                                                 const char *plan_id,
                                                 const char *activity_id);
gboolean        ccp_attribution_equal           (CcpAttribution *a, CcpAttribution *b);
const char     *ccp_attribution_get_city        (CcpAttribution *self);
const char     *ccp_attribution_get_country     (CcpAttribution *self);
const char     *ccp_attribution_get_plan_id     (CcpAttribution *self);
const char     *ccp_attribution_get_activity_id (CcpAttribution *self);

G_END_DECLS
