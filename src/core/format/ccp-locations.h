/* ccp-locations.h: where each model path (see CcpIssue "path") was found in a file.
 *
 * The reader hands these out (ccp-reader.h); they are filled only when first looked up.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CcpLocations CcpLocations;

GType          ccp_locations_get_type (void) G_GNUC_CONST;
#define CCP_TYPE_LOCATIONS (ccp_locations_get_type ())
CcpLocations  *ccp_locations_new      (void);
CcpLocations  *ccp_locations_ref      (CcpLocations *self);
void           ccp_locations_unref    (CcpLocations *self);
void           ccp_locations_set      (CcpLocations *self,
                                       const char   *path,
                                       guint         line,
                                       guint         column);
/* Finds the location of path, or of its nearest recorded parent ("activities/2/end-date" ->
 * "activities/2" -> ""). Returns FALSE when nothing is known. */
gboolean       ccp_locations_lookup   (CcpLocations *self,
                                       const char   *path,
                                       guint        *line,
                                       guint        *column);
/* Sets the line/column of every issue in the array from its path. */
void           ccp_locations_apply    (CcpLocations *self,
                                       GPtrArray    *issues);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcpLocations, ccp_locations_unref)

G_END_DECLS
