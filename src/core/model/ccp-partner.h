/* ccp-partner.h: a partner of an activity: a member city (any field) or an organisation. */
#pragma once

#include "ccp-types.h"

G_BEGIN_DECLS

typedef enum {
  CCP_PARTNER_KIND_CITY,
  CCP_PARTNER_KIND_ORGANISATION,
} CcpPartnerKind;

GType ccp_partner_kind_get_type (void) G_GNUC_CONST;
#define CCP_TYPE_PARTNER_KIND (ccp_partner_kind_get_type ())

#define CCP_TYPE_PARTNER (ccp_partner_get_type ())
G_DECLARE_FINAL_TYPE (CcpPartner, ccp_partner, CCP, PARTNER, GObject)

/* Properties: "kind" (construct-only), "name", "country" (cities), "field" (cities),
 * "sector" (organisations). All strings default to "". */
CcpPartner     *ccp_partner_new_city         (const char *name,
                                              const char *country,
                                              const char *field);
CcpPartner     *ccp_partner_new_organisation (const char *name,
                                              const char *sector);
CcpPartner     *ccp_partner_copy             (CcpPartner *self);
gboolean        ccp_partner_equal            (CcpPartner *a,
                                              CcpPartner *b);

CcpPartnerKind  ccp_partner_get_kind         (CcpPartner *self);
const char     *ccp_partner_get_name         (CcpPartner *self);
void            ccp_partner_set_name         (CcpPartner *self, const char *name);
const char     *ccp_partner_get_country      (CcpPartner *self);
void            ccp_partner_set_country      (CcpPartner *self, const char *country);
const char     *ccp_partner_get_field        (CcpPartner *self);
void            ccp_partner_set_field        (CcpPartner *self, const char *field);
const char     *ccp_partner_get_sector       (CcpPartner *self);
void            ccp_partner_set_sector       (CcpPartner *self, const char *sector);

G_END_DECLS
