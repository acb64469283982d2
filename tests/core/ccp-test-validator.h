/* ccp-test-validator.h: what the validator's tests (test-validator, test-validator-rules)
 * share: a validator with a known registry, plans with no issue at all, and the assertions on
 * the issues found. */
#pragma once

#include "ccp-core.h"

G_BEGIN_DECLS

/* Default vocabulary and iso-codes; a registry of Bologna (music) and Lyon (media arts). */
CcpValidator *ccp_test_validator_new      (void);
CcpActivity  *ccp_test_valid_activity     (const char *id);
/* A minimal plan, and a field plan, that have no issue at all, not even an information. */
CcpPlan      *ccp_test_valid_plan         (void);
CcpFieldPlan *ccp_test_valid_field_plan   (void);
/* Borrowed: the store holds a reference. */
CcpActivity  *ccp_test_activity_at        (CcpItemList *store,
                                           guint        index);
CcpActivity  *ccp_test_first_activity     (CcpPlan     *plan);
/* The first issue of rule (at path, unless NULL), or NULL. */
CcpIssue     *ccp_test_find_issue         (GPtrArray   *issues,
                                           const char  *rule,
                                           const char  *path);
void          ccp_test_print_issues       (GPtrArray   *issues);
void          ccp_test_assert_no_issues   (GPtrArray   *issues);
/* An issue of rule at path, of that severity, with needle in its message (unless NULL). */
void          ccp_test_assert_issue       (GPtrArray   *issues,
                                           const char  *rule,
                                           CcpSeverity  severity,
                                           const char  *path,
                                           const char  *needle);
void          ccp_test_assert_rule_absent (GPtrArray   *issues,
                                           const char  *rule);

G_END_DECLS
