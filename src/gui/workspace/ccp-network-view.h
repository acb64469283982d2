/* ccp-network-view.h: the creative fields side by side, for a network overview (a field plan
 * of field "network"): per field the cities expected and with a plan, activities,
 * international and local, flagships and budgets per currency; and the shares of each field's
 * activities per objective, area of action, SDG and kind as grouped charts, so that fields of
 * different sizes compare (ccp-network-compare.h). */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"
#include "ccp-compare-chart.h"

G_BEGIN_DECLS

#define CCP_TYPE_NETWORK_VIEW (ccp_network_view_get_type ())
G_DECLARE_FINAL_TYPE (CcpNetworkView, ccp_network_view, CCP, NETWORK_VIEW, AdwBin)

GtkWidget         *ccp_network_view_new            (void);
void               ccp_network_view_set_field_plan (CcpNetworkView      *self,
                                                    CcpFieldPlan        *field_plan);
CcpNetworkCompare *ccp_network_view_get_compare    (CcpNetworkView      *self);
CcpCompareChart   *ccp_network_view_get_chart      (CcpNetworkView      *self,
                                                    CcpCompareDimension  dimension);
/* One AdwExpanderRow per field. */
GtkListBox        *ccp_network_view_get_fields     (CcpNetworkView      *self);

/* Whether field_plan is a network overview (its field is "network"). */
gboolean           ccp_network_view_applies_to     (CcpFieldPlan        *field_plan);

G_END_DECLS
