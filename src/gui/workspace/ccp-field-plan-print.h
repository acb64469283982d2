/* ccp-field-plan-print.h: a field plan on paper (or PDF): a paginated text layout drawn with
 * Pango in GtkPrintOperation's draw-page: summary, sources, activities by city, merge report.
 * Plain functions, no type of their own. */
#pragma once

#include <gtk/gtk.h>

#include "ccp-core.h"

G_BEGIN_DECLS

/* A print operation for the field plan (its job name and pages are set up). */
GtkPrintOperation *ccp_field_plan_print_operation_new (CcpFieldPlan *field_plan);

G_END_DECLS
