/* ccp-tooltip.h: a tooltip given when asked for. No GObject type here: plain helpers. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives widget the tooltip text (copied), set the first time the pointer rests on it rather
 * than now: gtk_widget_set_tooltip_text() asks the display where the pointer is (an X round
 * trip) at each call, and rows made by the hundred would wait for each answer. */
void ccp_tooltip_set_on_demand (GtkWidget  *widget,
                                const char *text);
/* The text ccp_tooltip_set_on_demand() gave widget, or NULL. */
const char *ccp_tooltip_get_on_demand (GtkWidget *widget);

G_END_DECLS
