/* ccp-data.h: where the shipped data files (vocabularies, schema, registry) are found. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* $CCP_DATA_DIR when set (tests and uninstalled runs), else the installed data directory. */
const char *ccp_data_dir (void);

/* A path below ccp_data_dir(), e.g. ccp_data_path ("vocabularies.xml"). Free with g_free(). */
char       *ccp_data_path (const char *relative);

/* Binds the gettext domain once (to $CCP_LOCALEDIR when set, else the installed locale
 * directory); every entry point of the library calls it. */
void        ccp_i18n_init (void);

/* A shared object loaded from the installation on first use (the vocabularies, the registry,
 * the ISO codes): static, zero-initialised but for load. */
typedef struct {
  GMutex    lock;
  gpointer  object;
  gpointer (*load) (GError **error);
} CcpDefault;

#define CCP_DEFAULT_INIT(load_func) { .load = (load_func) }

/* Loads it once; FALSE with the reason when the installation is broken (tried again on the
 * next call). */
gboolean    ccp_default_load (CcpDefault *shared,
                              GError    **error);
/* The object, loaded if need be; aborts with what_is_broken and the reason when it cannot be
 * loaded: programs call ccp_default_load() (through ccp_*_load_default()) first to report a
 * broken installation properly. */
gpointer    ccp_default_get  (CcpDefault *shared,
                              const char *what_is_broken);

G_END_DECLS
