/* ccp-file-filter.h: the filter every file chooser of plans uses. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A new filter "Plans (XML)": *.xml and XML content types (the plan types of
 * data/org.creativecities.Plans.mime.xml derive from application/xml). */
GtkFileFilter *ccp_plan_file_filter_new (void);

G_END_DECLS
