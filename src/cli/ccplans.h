/* ccplans.h: the subcommands of the command-line tool. Each returns the process exit status. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses shared by the subcommands. */
enum {
  CCPLANS_EXIT_OK = 0,        /* no file has errors / every source accepted */
  CCPLANS_EXIT_ISSUES = 1,    /* some file has errors / some source refused */
  CCPLANS_EXIT_UNUSABLE = 2,  /* some file cannot be read, is not a plan, or bad usage */
};

int ccplans_validate (int argc, char **argv);
int ccplans_info     (int argc, char **argv);
int ccplans_merge    (int argc, char **argv);
int ccplans_export   (int argc, char **argv);
int ccplans_diff     (int argc, char **argv);
int ccplans_compare  (int argc, char **argv);
int ccplans_status   (int argc, char **argv);
int ccplans_review   (int argc, char **argv);

G_END_DECLS
