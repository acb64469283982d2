/* ccp-severity-style.h: how the GUI shows the core's three severities (error, warning, info:
 * the words `ccplans validate` prints), the same in the header, the problems panel and the
 * form. */
#pragma once

#include <gtk/gtk.h>

#include "ccp-issue.h"

G_BEGIN_DECLS

/* "dialog-error-symbolic", "dialog-warning-symbolic" or "dialog-information-symbolic". */
const char *ccp_severity_get_icon_name (CcpSeverity severity);
/* The style class: "error", "warning" or "info" (style.css). */
const char *ccp_severity_get_css_class (CcpSeverity severity);
/* For people, translated: "Error", "Warning" or "Info". */
const char *ccp_severity_get_label     (CcpSeverity severity);
/* Sets widget's style class for severity, removing the others' (severity -1: none). */
void        ccp_severity_style_widget  (GtkWidget  *widget,
                                        int         severity);

G_END_DECLS
