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

G_END_DECLS
