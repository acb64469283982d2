/* ccp-activity-table.h: every activity of a field plan in a table: city, dates, kind, scope,
 * objectives, SDGs; sort by any column; filters by city, objective, area of action, SDG, kind,
 * month and flagship; text search. An activity opens read-only, and from there the city plan it
 * came from opens in the editor (when that file is at hand). */
#pragma once

#include <adwaita.h>

#include "ccp-activity-filter.h"
#include "ccp-core.h"
#include "ccp-search-keys.h"

G_BEGIN_DECLS

/* The city plan file an attribution came from, or NULL when it is not at hand. */
typedef GFile *(*CcpActivityFileFunc) (CcpAttribution *attribution,
                                       gpointer        user_data);

#define CCP_TYPE_ACTIVITY_TABLE (ccp_activity_table_get_type ())
G_DECLARE_FINAL_TYPE (CcpActivityTable, ccp_activity_table, CCP, ACTIVITY_TABLE, AdwBin)

/* Signal "open-file" (GFile *file): the user asked to open a city plan in the editor. */
GtkWidget     *ccp_activity_table_new             (void);
void           ccp_activity_table_set_field_plan  (CcpActivityTable   *self,
                                                   CcpFieldPlan       *field_plan);
/* The same with the search keys already made (ccp_activity_table_make_keys(), e.g. in a
 * worker): a search is fast from the first keystroke; and with cities, the names of the cities
 * of its activities sorted (CcpOverviewData's), the city filter does not walk the activities.
 * keys and cities may be NULL. */
void           ccp_activity_table_set_field_plan_with_keys (CcpActivityTable *self,
                                                            CcpFieldPlan     *field_plan,
                                                            CcpSearchKeys    *keys,
                                                            GPtrArray        *cities);
/* The search keys of the field plan's activities; reads only, in any thread. NULL when
 * cancelled. */
CcpSearchKeys *ccp_activity_table_make_keys       (CcpFieldPlan       *field_plan,
                                                   GCancellable       *cancellable);
void           ccp_activity_table_set_file_func   (CcpActivityTable   *self,
                                                   CcpActivityFileFunc func,
                                                   gpointer            user_data);

/* Filters, as the drop-downs set them: code NULL (or "") for any. A city is its name, a month
 * "YYYY-MM"; the others are vocabulary codes. Returns FALSE when the code is not offered. */
gboolean       ccp_activity_table_set_filter      (CcpActivityTable   *self,
                                                   CcpActivityFilter   filter,
                                                   const char         *code);
GtkDropDown   *ccp_activity_table_get_filter_drop_down (CcpActivityTable *self,
                                                   CcpActivityFilter   filter);
GtkToggleButton *ccp_activity_table_get_flagship_button (CcpActivityTable *self);
GtkEditable   *ccp_activity_table_get_search_entry (CcpActivityTable  *self);
/* Sorts by a column ("title", "cities", "start", "end", "kind", "scope", "objectives",
 * "sdgs", "flagship"), as a click on its header does. */
void           ccp_activity_table_sort_by         (CcpActivityTable   *self,
                                                   const char         *column,
                                                   GtkSortType         order);
GtkColumnView *ccp_activity_table_get_view        (CcpActivityTable   *self);
/* The rows shown, in the order shown. */
guint          ccp_activity_table_get_n_visible   (CcpActivityTable   *self);
CcpActivity   *ccp_activity_table_get_visible     (CcpActivityTable   *self,
                                                   guint               position);
/* Opens the activity read-only in its own window, returned. */
GtkWindow     *ccp_activity_table_show_activity   (CcpActivityTable   *self,
                                                   CcpActivity        *activity);

/* The cities of an activity of a field plan ("Bologna; Liverpool"). Free with g_free(). */
char          *ccp_activity_cities_text           (CcpActivity        *activity);

/* After ccp_activity_table_set_field_plan() the filters' lists are filled a chunk per
 * main-loop turn, and the rows shown a chunk per frame while the table is on screen
 * (ccp-reveal-model.h; GTK 4.8 makes a row widget per new item, up to 200 at once); a filter
 * changed or a search typed is worked out in a thread (ccp-activity-row-filter.h): whether
 * some of the lists are still to come or the filtering is running, and all of the lists, the
 * filtering and the rows at once (the filtering done on the calling thread then). */
gboolean       ccp_activity_table_get_pending (CcpActivityTable *self);
void           ccp_activity_table_flush       (CcpActivityTable *self);
/* The search keys of the rows, or NULL while they are being made. */
CcpSearchKeys *ccp_activity_table_get_keys    (CcpActivityTable *self);

G_END_DECLS
