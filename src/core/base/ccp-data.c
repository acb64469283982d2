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

gboolean
ccp_default_load (CcpDefault *shared,
                  GError    **error)
{
  gboolean loaded;

  g_return_val_if_fail (shared != NULL && shared->load != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_lock (&shared->lock);
  if (shared->object == NULL)
    {
      ccp_i18n_init ();
      g_atomic_pointer_set (&shared->object, shared->load (error));
    }
  loaded = shared->object != NULL;
  g_mutex_unlock (&shared->lock);

  return loaded;
}

gpointer
ccp_default_get (CcpDefault *shared,
                 const char *what_is_broken)
{
  gpointer object = g_atomic_pointer_get (&shared->object);
  g_autoptr(GError) error = NULL;

  if (object == NULL && !ccp_default_load (shared, &error))
    g_error ("The installation is broken (%s): %s", what_is_broken, error->message);
  return g_atomic_pointer_get (&shared->object);
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
