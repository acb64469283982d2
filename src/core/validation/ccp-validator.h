/* ccp-validator.h: the one validation engine, used by ccplans, the editor and the merge.
 *
 * It checks everything the schema says (required values, types, vocabularies) plus the rules a
 * schema cannot say (dates against the period, word limit, duplicate identifiers, a final plan
 * with errors). Each issue has a stable rule code; data/schema/validation-rules.md lists them.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"

G_BEGIN_DECLS

#define CCP_TYPE_VALIDATOR (ccp_validator_get_type ())
G_DECLARE_FINAL_TYPE (CcpValidator, ccp_validator, CCP, VALIDATOR, GObject)

/* With the default vocabulary, iso-codes and registry. */
CcpValidator *ccp_validator_new                (void);
CcpValidator *ccp_validator_new_full           (CcpVocabulary *vocabulary,
                                                CcpIsoCodes   *iso_codes,
                                                CcpRegistry   *registry);

/* Every issue of the plan (plan-level fields, then each activity). Array of CcpIssue. */
GPtrArray    *ccp_validator_check_plan         (CcpValidator  *self,
                                                CcpPlan       *plan);
/* Only the plan-level fields (city, period, contacts, status...), not the activities. */
GPtrArray    *ccp_validator_check_plan_fields  (CcpValidator  *self,
                                                CcpPlan       *plan);
/* One activity in the context of its plan (period, identifier uniqueness); index is its
 * position in the plan's activities (for issue paths). Cost independent of the other
 * activities' content. */
GPtrArray    *ccp_validator_check_activity     (CcpValidator  *self,
                                                CcpPlan       *plan,
                                                guint          index);
/* A field plan: its own fields and every activity. */
GPtrArray    *ccp_validator_check_field_plan   (CcpValidator  *self,
                                                CcpFieldPlan  *field_plan);

G_END_DECLS
