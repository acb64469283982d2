/* ccp-report-item.h: one event of a merge report (refused, superseded, joint, duplicate, missing...).
 *
 * Stored as codes and values, never as sentences, so a field plan reads the same in every
 * language; ccp_report_describe_item() (ccp-report-text.h) makes the sentence in the reader's
 * language.
 */
#pragma once

#include "ccp-types.h"

G_BEGIN_DECLS

#define CCP_TYPE_REPORT_ITEM (ccp_report_item_get_type ())
G_DECLARE_FINAL_TYPE (CcpReportItem, ccp_report_item, CCP, REPORT_ITEM, GObject)

/* Properties (strings, default ""): "kind", "code", "file", "city", "country", "activity",
 * "joint-ref". Plus named values, kept in the order they were added. */
CcpReportItem *ccp_report_item_new          (const char *kind);
CcpReportItem *ccp_report_item_copy         (CcpReportItem *self);
gboolean       ccp_report_item_equal        (CcpReportItem *a, CcpReportItem *b);

const char    *ccp_report_item_get_kind     (CcpReportItem *self);
const char    *ccp_report_item_get_code     (CcpReportItem *self);
void           ccp_report_item_set_code     (CcpReportItem *self, const char *code);
const char    *ccp_report_item_get_file     (CcpReportItem *self);
void           ccp_report_item_set_file     (CcpReportItem *self, const char *file);
const char    *ccp_report_item_get_city     (CcpReportItem *self);
void           ccp_report_item_set_city     (CcpReportItem *self, const char *city);
const char    *ccp_report_item_get_country  (CcpReportItem *self);
void           ccp_report_item_set_country  (CcpReportItem *self, const char *country);
const char    *ccp_report_item_get_activity (CcpReportItem *self);
void           ccp_report_item_set_activity (CcpReportItem *self, const char *activity);
const char    *ccp_report_item_get_joint_ref (CcpReportItem *self);
void           ccp_report_item_set_joint_ref (CcpReportItem *self, const char *joint_ref);

void           ccp_report_item_add_value    (CcpReportItem *self, const char *name, const char *value);
/* NULL when absent. */
const char    *ccp_report_item_get_value    (CcpReportItem *self, const char *name);
/* Names in insertion order (NULL-terminated, owned by the item). */
const char * const *ccp_report_item_get_value_names (CcpReportItem *self);

/* The copies of a joint conflict: each city's value of the field, in city order. */
void           ccp_report_item_add_copy     (CcpReportItem *self,
                                             const char    *city,
                                             const char    *country,
                                             const char    *activity,
                                             const char    *value);
guint          ccp_report_item_get_n_copies (CcpReportItem *self);
/* { city, country, activity, value }, NULL-terminated, owned by the item. */
const char * const *ccp_report_item_get_copy (CcpReportItem *self,
                                              guint          index);

G_END_DECLS
