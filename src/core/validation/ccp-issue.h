/* ccp-issue.h: one problem found in a plan, by the reader or the validator. */
#pragma once

#include "ccp-types.h"

G_BEGIN_DECLS

typedef enum {
  CCP_SEVERITY_INFO,
  CCP_SEVERITY_WARNING,
  CCP_SEVERITY_ERROR,
} CcpSeverity;

GType        ccp_severity_get_type (void) G_GNUC_CONST;
#define CCP_TYPE_SEVERITY (ccp_severity_get_type ())
/* "info", "warning", "error": untranslated, for machine output. */
const char  *ccp_severity_to_code  (CcpSeverity severity);

#define CCP_TYPE_ISSUE (ccp_issue_get_type ())
G_DECLARE_FINAL_TYPE (CcpIssue, ccp_issue, CCP, ISSUE, GObject)

/*
 * Properties (construct-only except line/column):
 *   "severity"  CcpSeverity
 *   "rule"      string  stable rule code, e.g. "activity-end-before-start"
 *   "path"      string  where in the model: a property name of the plan ("focal-point-email"),
 *                       or "activities/INDEX/PROPERTY" (0-based INDEX, e.g. "activities/2/end-date"),
 *                       or "activities/INDEX/partner-cities/J/country" for list items;
 *                       "" for the whole document
 *   "message"   string  translated, names the value found and what is expected
 *   "line", "column"  uint  in the file the plan was read from; 0 when unknown
 */
CcpIssue    *ccp_issue_new          (CcpSeverity  severity,
                                     const char  *rule,
                                     const char  *path,
                                     const char  *message);
CcpIssue    *ccp_issue_new_printf   (CcpSeverity  severity,
                                     const char  *rule,
                                     const char  *path,
                                     const char  *format,
                                     ...) G_GNUC_PRINTF (4, 5);

CcpSeverity  ccp_issue_get_severity (CcpIssue *self);
const char  *ccp_issue_get_rule     (CcpIssue *self);
const char  *ccp_issue_get_path     (CcpIssue *self);
const char  *ccp_issue_get_message  (CcpIssue *self);
guint        ccp_issue_get_line     (CcpIssue *self);
guint        ccp_issue_get_column   (CcpIssue *self);
void         ccp_issue_set_location (CcpIssue *self, guint line, guint column);

/* Counts issues of a severity in an array of CcpIssue. */
guint        ccp_issues_count       (GPtrArray *issues, CcpSeverity severity);
/* Sorts by line, column, then path (stable), for output that reads in file order. */
void         ccp_issues_sort        (GPtrArray *issues);

G_END_DECLS
