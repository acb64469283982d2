/* ccp-city-entry.h: an entry row for a city name that suggests member cities of the registry
 * as you type (accent- and case-insensitive); any name may still be typed freely. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

#define CCP_TYPE_CITY_ENTRY (ccp_city_entry_get_type ())
G_DECLARE_FINAL_TYPE (CcpCityEntry, ccp_city_entry, CCP, CITY_ENTRY, AdwEntryRow)

/* Signal "city-chosen" (CcpMemberCity *city): a suggestion was picked. */
GtkWidget  *ccp_city_entry_new               (void);
/* Number of suggestions for the current text (for tests). */
guint       ccp_city_entry_get_n_suggestions (CcpCityEntry *self);
/* Whether the suggestions popover is on screen (for tests). */
gboolean    ccp_city_entry_get_suggestions_shown (CcpCityEntry *self);
/* Picks the suggestion at position, as a click or Enter would. */
void        ccp_city_entry_choose            (CcpCityEntry *self,
                                              guint         position);

G_END_DECLS
