/* ccp-plan-tools.h: what the editor computes from a plan, kept free of widgets so that it is
 * tested without a display. */
#pragma once

#include "ccp-core.h"

G_BEGIN_DECLS

/* Share (0.0 .. 1.0) of the required answers that are given: the plan's required fields and,
 * for each activity, its required fields (an explicit "none" counts as an answer). */
double    ccp_plan_get_completeness     (CcpPlan *plan);

/* A new draft for the half-year after previous's period: same city, country, field and
 * contacts; the activities whose state is "ongoing" or "carried-over", with their dates kept
 * (the caller flags them for review), each recording its origin (<carried-from>). NULL when
 * previous's period is not a valid half-year. ccp_plan_carry_forward (previous,
 * CCP_CARRY_DEFAULT, NULL) of the core; use that for another choice of activities. */
CcpPlan  *ccp_plan_new_from_previous    (CcpPlan *previous);

/* A file name for a plan, e.g. "bologna-music-2027-h1.xml" (ASCII, lowercase). */
char     *ccp_plan_suggest_file_name    (CcpPlan *plan);

/* The current time as the format writes it: "2026-11-20T09:30:00Z" (UTC, seconds). */
char     *ccp_plan_timestamp_now        (void);

G_END_DECLS
