#define G_LOG_DOMAIN "ccp-date-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-core.h"
#include "ccp-date-row.h"

struct _CcpDateRow
{
  AdwEntryRow     parent_instance;

  GtkMenuButton  *button;
  GtkPopover     *popover;
  GtkCalendar    *calendar;
  gboolean        syncing;
};

G_DEFINE_FINAL_TYPE (CcpDateRow, ccp_date_row, ADW_TYPE_ENTRY_ROW)

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          CcpDateRow  *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (self->syncing)
    return;

  date = gtk_calendar_get_date (calendar);
  text = g_date_time_format (date, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_popover_popdown (self->popover);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
popover_show_cb (GtkPopover *popover,
                 CcpDateRow *self)
{
  GDate date;

  g_date_clear (&date, 1);
  if (ccp_date_parse (gtk_editable_get_text (GTK_EDITABLE (self)), &date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date), 12, 0, 0);

      self->syncing = TRUE;
      gtk_calendar_select_day (self->calendar, dt);
      self->syncing = FALSE;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
ccp_date_row_class_init (CcpDateRowClass *klass)
{
}

static void
ccp_date_row_init (CcpDateRow *self)
{
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, GTK_WIDGET (self->calendar));

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->popover));
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose a date in a calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a date in a calendar"),
                                  -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->button));

  g_signal_connect (self->calendar, "day-selected",
                    G_CALLBACK (calendar_day_selected_cb), self);
  g_signal_connect (self->popover, "show", G_CALLBACK (popover_show_cb), self);
}

GtkWidget *
ccp_date_row_new (void)
{
  return g_object_new (CCP_TYPE_DATE_ROW, NULL);
}

GtkCalendar *
ccp_date_row_get_calendar (CcpDateRow *self)
{
  g_return_val_if_fail (CCP_IS_DATE_ROW (self), NULL);

  return self->calendar;
}

GtkMenuButton *
ccp_date_row_get_button (CcpDateRow *self)
{
  g_return_val_if_fail (CCP_IS_DATE_ROW (self), NULL);

  return self->button;
}
