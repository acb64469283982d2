/* ccp-carry.h: a new plan from the previous period's, carrying the activities chosen.
 *
 * API note (for the GUI's "New plan from previous period"; later changes only add to it):
 *   g_autoptr(CcpPlan) next = ccp_plan_carry_forward (previous, CCP_CARRY_ONGOING |
 *                                                      CCP_CARRY_PLANNED, NULL);
 *   or, with the activities a person ticked (identifiers, NULL-terminated):
 *   next = ccp_plan_carry_forward (previous, CCP_CARRY_LISTED, ids);
 *   ccp_carry_is_default (activity): what the dialog ticks at first.
 *
 * The new plan is a draft for the half-year after previous's period: same city, country,
 * field and contacts, a fresh identifier. Each carried activity is a copy with its dates kept
 * (the editor flags them for review) and records where it came from: carried-from-plan is
 * previous's identifier, carried-from-activity the activity's (format 1.1, <carried-from>).
 * Activities keep their identifiers, so that a comparison of the two periods finds them by
 * identifier as well as by the link.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"

G_BEGIN_DECLS

typedef enum {
  CCP_CARRY_NONE         = 0,
  CCP_CARRY_ONGOING      = 1 << 0,  /* state "ongoing" */
  CCP_CARRY_CARRIED_OVER = 1 << 1,  /* state "carried-over" */
  CCP_CARRY_PLANNED      = 1 << 2,  /* state "planned" */
  CCP_CARRY_POSTPONED    = 1 << 3,  /* state "postponed" */
  CCP_CARRY_LISTED       = 1 << 4,  /* the activities whose identifiers are in `ids` */
} CcpCarryFlags;

/* What "New plan from previous period" carried before the choice existed. */
#define CCP_CARRY_DEFAULT (CCP_CARRY_ONGOING | CCP_CARRY_CARRIED_OVER)

/* The flag of a state code (CCP_CARRY_NONE for "cancelled" and unknown codes). */
CcpCarryFlags  ccp_carry_flag_for_state  (const char         *state);
/* Whether activity is carried by CCP_CARRY_DEFAULT. */
gboolean       ccp_carry_is_default      (CcpActivity        *activity);

/* Carries the activities whose state is in flags, and with CCP_CARRY_LISTED those named in
 * ids (in previous's order, each once). NULL when previous's period is not a valid half-year. */
CcpPlan       *ccp_plan_carry_forward    (CcpPlan            *previous,
                                          CcpCarryFlags       flags,
                                          const char * const *ids);
/* The copy of one activity for the next period, recording its origin. */
CcpActivity   *ccp_activity_carry        (CcpActivity        *activity,
                                          const char         *plan_id);

G_END_DECLS
