/* ccp-activity-details.h: rows of the read-only window of an activity (shared by
 * ccp-activity-table.c). */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

/* A property row, left out when value is NULL or empty. */
void  ccp_activity_details_add_row          (AdwPreferencesGroup *group,
                                             const char          *title,
                                             const char          *value);
/* "3. Label" a line each. Free with g_free(). */
char *ccp_activity_details_labels_text      (const char          *vocabulary,
                                             const char * const  *codes);
/* A group with a contribution's place, partners, budget, funding and results. */
void  ccp_activity_details_add_contribution (GtkWidget           *page,
                                             const char          *title,
                                             CcpActivity         *activity);

G_END_DECLS
