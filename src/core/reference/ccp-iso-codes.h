/* ccp-iso-codes.h: countries (ISO 3166-1) and currencies (ISO 4217) from Debian's iso-codes. */
#pragma once

#include <glib-object.h>

#include "ccp-types.h"

G_BEGIN_DECLS

#define CCP_TYPE_ISO_CODES (ccp_iso_codes_get_type ())
G_DECLARE_FINAL_TYPE (CcpIsoCodes, ccp_iso_codes, CCP, ISO_CODES, GObject)

/* Loaded once: the JSON of ISO_CODES_PREFIX/share/iso-codes/json converted at build time
 * (make-iso-codes-table.py), or the JSON of $CCP_ISO_CODES_DIR when it is set: load_default
 * says why they cannot be, get_default aborts then (see ccp_default_get()). */
gboolean     ccp_iso_codes_load_default      (GError    **error);
CcpIsoCodes *ccp_iso_codes_get_default       (void);
CcpIsoCodes *ccp_iso_codes_new_from_dir      (const char *json_dir, GError **error);

gboolean     ccp_iso_codes_has_country       (CcpIsoCodes *self, const char *alpha2);
/* Translated through the iso_3166-1 gettext domain; NULL when unknown. */
const char  *ccp_iso_codes_get_country_name  (CcpIsoCodes *self, const char *alpha2);
/* Alpha-2 codes, sorted (NULL-terminated, owned). */
const char * const *ccp_iso_codes_get_countries (CcpIsoCodes *self);

gboolean     ccp_iso_codes_has_currency      (CcpIsoCodes *self, const char *alpha3);
const char  *ccp_iso_codes_get_currency_name (CcpIsoCodes *self, const char *alpha3);
const char * const *ccp_iso_codes_get_currencies (CcpIsoCodes *self);

G_END_DECLS
