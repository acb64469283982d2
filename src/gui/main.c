#define G_LOG_DOMAIN "creative-cities-plans"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-application.h"
#include "ccp-core.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CcpApplication) app = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  ccp_i18n_init ();

  g_set_application_name (_("Creative Cities Plans"));

  app = ccp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
