/* ccp-member-city.h: one member city of the Network, as listed in the registry. */
#pragma once

#include "ccp-types.h"

G_BEGIN_DECLS

#define CCP_TYPE_MEMBER_CITY (ccp_member_city_get_type ())
G_DECLARE_FINAL_TYPE (CcpMemberCity, ccp_member_city, CCP, MEMBER_CITY, GObject)

/* Properties: "name", "country", "field" (strings), "year" (uint, 0 when unknown),
 * "aliases" (GStrv: other spellings that match the same city). */
CcpMemberCity *ccp_member_city_new         (const char *name,
                                            const char *country,
                                            const char *field,
                                            guint       year);
const char    *ccp_member_city_get_name    (CcpMemberCity *self);
const char    *ccp_member_city_get_country (CcpMemberCity *self);
const char    *ccp_member_city_get_field   (CcpMemberCity *self);
guint          ccp_member_city_get_year    (CcpMemberCity *self);
const char * const *ccp_member_city_get_aliases (CcpMemberCity *self);
void           ccp_member_city_add_alias   (CcpMemberCity *self, const char *alias);
/* Case-, accent- and punctuation-insensitive match of the name or an alias. */
gboolean       ccp_member_city_matches     (CcpMemberCity *self, const char *name);
/* ccp_city_name_key() of the name, made once. */
const char    *ccp_member_city_get_name_key (CcpMemberCity *self);
/* Same, with a key already made by ccp_city_name_key() (cheaper when matching many cities). */
gboolean       ccp_member_city_matches_key (CcpMemberCity *self, const char *key);
/* Orders two CcpMemberCity by name (locale collation), then country, then field: a
 * GCompareDataFunc for g_list_store_insert_sorted() and g_list_store_sort(). */
int            ccp_member_city_compare     (gconstpointer a, gconstpointer b, gpointer user_data);

/* The key used for matching, the same in every locale: NFKD, full Unicode case folding (ß ->
 * ss, final ς -> σ), marks dropped (accents, İ's dot), the Turkish dotless ı and the letters
 * with a stroke (ł ø đ ħ) taken as their base letter, æ and œ as two, punctuation and spaces
 * folded ("Évian-les-Bains" -> "evian les bains", "KIRŞEHİR" and "Kırşehir" -> "kirsehir").
 * Free with g_free(). */
char          *ccp_city_name_key           (const char *name);

G_END_DECLS
