#define G_LOG_DOMAIN "ccp-data"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "ccp-data.h"

const char *
ccp_data_dir (void)
{
  static gsize initialized;
  static char *dir;

  if (g_once_init_enter (&initialized))
    {
      const char *env = g_getenv ("CCP_DATA_DIR");

      dir = g_strdup (env != NULL && *env != '\0' ? env : PKGDATADIR);
      g_once_init_leave (&initialized, 1);
    }

  return dir;
}

char *
ccp_data_path (const char *relative)
{
  g_return_val_if_fail (relative != NULL, NULL);

  return g_build_filename (ccp_data_dir (), relative, NULL);
}

void
ccp_i18n_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      const char *dir = g_getenv ("CCP_LOCALEDIR");

      /* $CCP_LOCALEDIR lets uninstalled binaries (tests) use the catalogues that the build
       * compiles into <builddir>/po/<lang>/LC_MESSAGES. */
      bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&done, 1);
    }
}
