#define G_LOG_DOMAIN "ccp-file-filter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-file-filter.h"

GtkFileFilter *
ccp_plan_file_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Plans (XML)"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_filter_add_mime_type (filter, "application/xml");

  return filter;
}
