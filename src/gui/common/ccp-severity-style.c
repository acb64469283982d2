#define G_LOG_DOMAIN "ccp-severity-style"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-severity-style.h"

const char *
ccp_severity_get_icon_name (CcpSeverity severity)
{
  switch (severity)
    {
    case CCP_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case CCP_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case CCP_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

const char *
ccp_severity_get_css_class (CcpSeverity severity)
{
  switch (severity)
    {
    case CCP_SEVERITY_ERROR:
      return "error";
    case CCP_SEVERITY_WARNING:
      return "warning";
    case CCP_SEVERITY_INFO:
    default:
      return "info";
    }
}

const char *
ccp_severity_get_label (CcpSeverity severity)
{
  switch (severity)
    {
    case CCP_SEVERITY_ERROR:
      return _("Error");
    case CCP_SEVERITY_WARNING:
      return _("Warning");
    case CCP_SEVERITY_INFO:
    default:
      /* Translators: the lowest severity of a problem, as `ccplans validate` prints "info" */
      return _("Info");
    }
}

void
ccp_severity_style_widget (GtkWidget *widget,
                           int        severity)
{
  static const CcpSeverity all[] = { CCP_SEVERITY_ERROR, CCP_SEVERITY_WARNING,
                                     CCP_SEVERITY_INFO };

  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if ((int) all[i] == severity)
        gtk_widget_add_css_class (widget, ccp_severity_get_css_class (all[i]));
      else
        gtk_widget_remove_css_class (widget, ccp_severity_get_css_class (all[i]));
    }
}
