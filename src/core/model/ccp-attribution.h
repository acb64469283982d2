/* ccp-attribution.h: in a field plan, one city that runs an activity, where the copy came from,
 * and the city's contribution: its values of the per-city fields (CCP_FIELD_SHARE_PER_CITY rows
 * of the field table: place, partners, budget, funding, results and their "none" answers). */
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

/* The city's contribution: an activity that holds only the per-city fields (the others are
 * empty). Never NULL; owned by the attribution. */
CcpActivity    *ccp_attribution_get_values      (CcpAttribution *self);
/* Copies the per-city fields of activity into the contribution. */
void            ccp_attribution_set_values      (CcpAttribution *self,
                                                 CcpActivity    *activity);
/* Moves the per-city fields of activity into the contribution, which must be empty (a new
 * attribution's): the list items themselves, not copies. They are left empty in activity, as
 * a field plan's activity read from a file has them. For an activity not needed afterwards:
 * the merge's own copies. */
void            ccp_attribution_take_values     (CcpAttribution *self,
                                                 CcpActivity    *activity);
/* The contribution of the city whose copy activity is and stays (a field plan's activity
 * mirrors its first city's contribution): it holds activity's list items themselves, each item
 * then in both lists, and copies of its other per-city values. The contribution must be empty
 * (a new attribution's). */
void            ccp_attribution_share_values    (CcpAttribution *self,
                                                 CcpActivity    *activity);
/* A new attribution with the same city, plan, activity and contribution. */
CcpAttribution *ccp_attribution_copy            (CcpAttribution *self);
/* The city's copy of activity: its shared fields and this contribution (no attributions).
 * Free with g_object_unref(). */
CcpActivity    *ccp_attribution_make_copy       (CcpAttribution *self,
                                                 CcpActivity    *activity);
/* Copies the per-city fields from `from` to `to` (both activities). */
void            ccp_activity_copy_per_city      (CcpActivity    *from,
                                                 CcpActivity    *to);

G_END_DECLS
