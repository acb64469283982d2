/* ccp-export-private.h: what the IATI and XLSX exports share (ccp-export-file.c). */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"

G_BEGIN_DECLS

/* One city that runs an activity: the plan's own city for a city plan, each attribution for a
 * field plan (strings owned by the plan or the attribution). */
typedef struct {
  const char *city;
  const char *country;
  const char *field;        /* the creative field of that city's plan */
  const char *plan_id;
  const char *activity_id;  /* the activity's identifier in that city's plan */
  CcpAttribution *attribution; /* a field plan's: its contribution; NULL in a city plan */
} CcpExportCity;

/* The cities of an activity of document (a CcpPlan or a CcpFieldPlan), in attribution order;
 * a field-plan activity without attributions has none. Free with g_array_unref(). The strings
 * stay valid while the document and the activity are alive. */
GArray   *ccp_export_get_cities   (GObject     *document,
                                   CcpActivity *activity);

G_END_DECLS
