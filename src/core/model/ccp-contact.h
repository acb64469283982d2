/* ccp-contact.h: a coordinator or deputy coordinator of a field: name, city, country, email. */
#pragma once

#include "ccp-types.h"

G_BEGIN_DECLS

#define CCP_TYPE_CONTACT (ccp_contact_get_type ())
G_DECLARE_FINAL_TYPE (CcpContact, ccp_contact, CCP, CONTACT, GObject)

/* Properties: "name", "city", "country", "email" (strings, default ""). */
CcpContact *ccp_contact_new         (void);
CcpContact *ccp_contact_copy        (CcpContact *self);
gboolean    ccp_contact_equal       (CcpContact *a, CcpContact *b);
const char *ccp_contact_get_name    (CcpContact *self);
void        ccp_contact_set_name    (CcpContact *self, const char *name);
const char *ccp_contact_get_city    (CcpContact *self);
void        ccp_contact_set_city    (CcpContact *self, const char *city);
const char *ccp_contact_get_country (CcpContact *self);
void        ccp_contact_set_country (CcpContact *self, const char *country);
const char *ccp_contact_get_email   (CcpContact *self);
void        ccp_contact_set_email   (CcpContact *self, const char *email);

G_END_DECLS
