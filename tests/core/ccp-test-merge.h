/* ccp-test-merge.h: what the merge's tests (test-merge, test-merge-runs) share: a merge with a
 * fixed consolidation time, plans added as their bytes, and the assertions on the result. */
#pragma once

#include "ccp-core.h"

G_BEGIN_DECLS

/* The consolidation time of every merge of these tests. */
#define CCP_TEST_MERGE_WHEN "2027-01-15T08:00:00Z"

/* A merge consolidated at CCP_TEST_MERGE_WHEN. */
CcpMerge     *ccp_test_merge_new              (void);
/* Adds plan as the bytes of a file called name. */
void          ccp_test_merge_add_plan         (CcpMerge     *merge,
                                               const char   *name,
                                               CcpPlan      *plan);
guint         ccp_test_n_items                (CcpItemList  *store);
/* The same field plan, byte for byte once written. */
void          ccp_test_assert_same_field_plan (CcpFieldPlan *expected,
                                               CcpFieldPlan *actual);
/* The source of the input called file, or NULL; borrowed. */
CcpSource    *ccp_test_source_of_file         (CcpFieldPlan *field_plan,
                                               const char   *file);
/* The report items of one kind (and code, unless NULL), in report order. */
GPtrArray    *ccp_test_report_items           (CcpFieldPlan *field_plan,
                                               const char   *kind,
                                               const char   *code);
/* The input called file was refused for reason: its source says so, with its hash, and the
 * report has an item of that reason for it. */
void          ccp_test_assert_refused         (CcpFieldPlan *field_plan,
                                               const char   *file,
                                               const char   *reason);

G_END_DECLS
