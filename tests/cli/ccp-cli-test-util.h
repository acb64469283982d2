/* ccp-cli-test-util.h: running the built ccplans from the CLI tests. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs ccplans with args (NULL-terminated, without the program name) and returns its exit
 * status. env (NULL-terminated "NAME=VALUE" strings, or NULL) is added to the test's own
 * environment; a bare "NAME" removes that variable. out and err (optional) receive what it
 * printed. */
int   ccp_cli_run          (const char * const *env,
                            const char * const *args,
                            char              **out,
                            char              **err);

/* A file of the shipped examples ($CCP_EXAMPLES_DIR). Free with g_free(). */
char *ccp_cli_example_path (const char *name);

G_END_DECLS
