/* ccp-partner-row.h: one partner of an activity, a member city (name from the registry, any
 * field; country; field) or an organisation (name; sector), edited in place. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

#define CCP_TYPE_PARTNER_ROW (ccp_partner_row_get_type ())
G_DECLARE_FINAL_TYPE (CcpPartnerRow, ccp_partner_row, CCP, PARTNER_ROW, AdwExpanderRow)

/* store: the list the partner belongs to (the remove button takes it out of it). */
GtkWidget  *ccp_partner_row_new         (CcpPartner *partner,
                                         CcpItemList *store);
CcpPartner *ccp_partner_row_get_partner (CcpPartnerRow *self);
/* Shows the issues whose path starts with prefix ("activities/0/partner-cities/2/"). */
void        ccp_partner_row_show_issues (CcpPartnerRow *self,
                                         GPtrArray     *issues,
                                         const char    *prefix);
gboolean    ccp_partner_row_focus       (CcpPartnerRow *self,
                                         const char    *property);
/* The input of "name", "country", "field" or "sector" (for tests). */
GtkWidget  *ccp_partner_row_get_input   (CcpPartnerRow *self,
                                         const char    *property);

G_END_DECLS
