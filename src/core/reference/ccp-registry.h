/* ccp-registry.h: the member-city registry (data/member-cities.csv, plus data/city-aliases.csv).
 *
 * It helps pick a city and fill a field's roster. A city missing from it is never an error
 * (a warning at most): the Network grows faster than any list.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"

G_BEGIN_DECLS

#define CCP_TYPE_REGISTRY (ccp_registry_get_type ())
G_DECLARE_FINAL_TYPE (CcpRegistry, ccp_registry, CCP, REGISTRY, GObject)

/* The shipped member cities and city aliases, loaded once: load_default says why they cannot
 * be, get_default aborts then (see ccp_default_get()). */
gboolean       ccp_registry_load_default   (GError    **error);
CcpRegistry   *ccp_registry_get_default    (void);
/* CSV with the header city,country_iso2,field,year_designated[,source_url]. Errors name the
 * file and line. */
CcpRegistry   *ccp_registry_new_from_file  (const char *path, GError **error);
CcpRegistry   *ccp_registry_new_empty      (void);
/* Alias file: CSV alias,city,country_iso2 (e.g. Hannover,Hanover,DE). */
gboolean       ccp_registry_load_aliases   (CcpRegistry *self, const char *path, GError **error);

/* All member cities, sorted by name (a GListModel of CcpMemberCity for list widgets; owned by
 * the registry). */
GListModel    *ccp_registry_get_cities     (CcpRegistry *self);
/* The member city of that name (or alias) and country; country may be NULL or "" for any.
 * When field is non-NULL, a city in that field is preferred. NULL when not found. The city is
 * owned by the registry. Name matching is that of ccp_member_city_matches() (aliases too). */
CcpMemberCity *ccp_registry_lookup         (CcpRegistry *self,
                                            const char  *name,
                                            const char  *country,
                                            const char  *field);
/* Members of one field, sorted by name. Free the array with g_ptr_array_unref(). */
GPtrArray     *ccp_registry_list_field     (CcpRegistry *self, const char *field);
/* Adds in sorted order, applying the aliases loaded so far; a city already listed with the same
 * name, country and field is not added twice. */
void           ccp_registry_add            (CcpRegistry *self, CcpMemberCity *city);

G_END_DECLS
