/* ccp-date-row.h: an entry row for an ISO 8601 date, typed or picked in a calendar popover. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CCP_TYPE_DATE_ROW (ccp_date_row_get_type ())
G_DECLARE_FINAL_TYPE (CcpDateRow, ccp_date_row, CCP, DATE_ROW, AdwEntryRow)

GtkWidget   *ccp_date_row_new          (void);
GtkCalendar *ccp_date_row_get_calendar (CcpDateRow *self);
/* The button that opens the calendar popover (for tests). */
GtkMenuButton *ccp_date_row_get_button (CcpDateRow *self);

G_END_DECLS
