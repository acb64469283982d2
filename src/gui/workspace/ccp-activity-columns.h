/* ccp-activity-columns.h: the columns of the activities table (their cell texts and sort
 * orders), apart from the table's filtering and filling. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Adds the title, cities, start, end, kind, scope, objectives, SDGs and flagship columns. */
void ccp_activity_columns_add (GtkColumnView *view);

G_END_DECLS
