/* ccp-types.h: forward declarations that break include cycles in the core library. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CcpActivity     CcpActivity;
typedef struct _CcpAttribution  CcpAttribution;
typedef struct _CcpContact      CcpContact;
typedef struct _CcpFieldPlan    CcpFieldPlan;
typedef struct _CcpIsoCodes     CcpIsoCodes;
typedef struct _CcpIssue        CcpIssue;
typedef struct _CcpMemberCity   CcpMemberCity;
typedef struct _CcpPartner      CcpPartner;
typedef struct _CcpPlan         CcpPlan;
typedef struct _CcpRegistry     CcpRegistry;
typedef struct _CcpReportItem   CcpReportItem;
typedef struct _CcpResult       CcpResult;
typedef struct _CcpReview       CcpReview;
typedef struct _CcpReviewComment CcpReviewComment;
typedef struct _CcpSource       CcpSource;
typedef struct _CcpValidator    CcpValidator;
typedef struct _CcpVocabulary   CcpVocabulary;

/* The format this build writes; it reads every 1.x. */
#define CCP_FORMAT_NAMESPACE     "urn:creativecities:plans:1"
#define CCP_FORMAT_MAJOR         1
#define CCP_FORMAT_MINOR         1
#define CCP_FORMAT_VERSION       "1.1"

/* The Mission Statement version new plans refer to (a code of the mission-statement vocabulary). */
#define CCP_MISSION_STATEMENT_CURRENT "2"

/* The field code of a network overview: field plans of several creative fields merged. */
#define CCP_FIELD_NETWORK "network"

/* Limits (data/schema/validation-rules.md): the highest revision a plan can have (xs:int, so
 * that every XML tool reads it), the largest budget amount of one activity (15 digits before
 * the decimal point: more than any budget in the weakest currency), and the largest total per
 * currency of one plan or field plan, which keeps every sum exact in 64-bit cents. */
#define CCP_REVISION_MAX          2147483647u
#define CCP_AMOUNT_MAX_DIGITS     15
#define CCP_AMOUNT_MAX_TEXT       "999999999999999.99"
#define CCP_TOTAL_MAX_CENTS       G_GINT64_CONSTANT (9000000000000000000)
#define CCP_TOTAL_MAX_TEXT        "90000000000000000.00"

/* Description word limit of an activity. */
#define CCP_DESCRIPTION_WORD_LIMIT 250

typedef enum {
  CCP_PLAN_STATUS_DRAFT,
  CCP_PLAN_STATUS_FINAL,
} CcpPlanStatus;

GType ccp_plan_status_get_type (void) G_GNUC_CONST;
#define CCP_TYPE_PLAN_STATUS (ccp_plan_status_get_type ())
const char   *ccp_plan_status_to_code   (CcpPlanStatus status);
gboolean      ccp_plan_status_from_code (const char *code, CcpPlanStatus *status);

G_END_DECLS
