/* ccplans-output.h: what the ccplans subcommands share: option parsing, loading a file with all
 * its issues, printing load errors and issues, and JSON output (always through json-glib). */
#pragma once

#include <stdio.h>

#include <json-glib/json-glib.h>

#include "ccp-core.h"

G_BEGIN_DECLS

/* One file given on the command line, read and validated. */
typedef struct {
  char      *file;      /* as given on the command line (filename encoding) */
  char      *display;   /* the same, valid UTF-8, for messages and JSON */
  GObject   *document;  /* CcpPlan or CcpFieldPlan; NULL when the file is unusable */
  GPtrArray *issues;    /* CcpIssue: reader issues + validator issues, in file order */
  GError    *error;     /* why the file is unusable (cannot be read, not a plan); else NULL */
} CcplansLoaded;

/* Reads file (no validation when validator is NULL: then issues holds the reader's only).
 * Never returns NULL: check ->document. Issues carry the file's line and column. */
CcplansLoaded *ccplans_load                 (const char    *file,
                                             CcpValidator  *validator);
void           ccplans_loaded_free          (CcplansLoaded *loaded);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcplansLoaded, ccplans_loaded_free)

/* For what a subcommand is done with just before the process exits: data stays reachable
 * (leak checkers do not report it) and is never freed. The kernel takes a process's memory
 * back at once, while unreffing a plan of thousands of activities walks every object (a tenth
 * of `ccplans validate` on a large plan, a third of `ccplans merge`). */
void           ccplans_leave_to_exit        (gpointer       data);

guint          ccplans_loaded_count         (CcplansLoaded *loaded,
                                             CcpSeverity    severity);
/* "city-plan", "field-plan" (untranslated, for JSON), or NULL when unusable. */
const char    *ccplans_loaded_kind_code     (CcplansLoaded *loaded);

/* The message of a load error, naming the file as typed (for JSON, where the file is a key). */
char          *ccplans_load_error_message   (const char    *display,
                                             const GError  *error);
/* "FILE: error: MESSAGE" (or "FILE:LINE: error: MESSAGE" when the message starts with the file
 * name and a line) on one line, without naming the file twice. */
void           ccplans_print_load_error     (FILE          *stream,
                                             const char    *display,
                                             const GError  *error);
/* "FILE:LINE:COL: SEVERITY: MESSAGE [RULE]"; the severity word stays English so that editors and
 * scripts can parse it, as with compilers. LINE and COL are left out when unknown. */
void           ccplans_print_issue          (FILE          *stream,
                                             const char    *display,
                                             CcpIssue      *issue);

/* Text for a terminal: control characters (C0, DEL, C1), bidirectional controls (U+061C,
 * U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), line and paragraph separators and invalid
 * UTF-8 become visible escapes (\e, \n, \t, \x1B, \u202E); a backslash is doubled, so that
 * an escape cannot be faked. Plan texts and file names can hold anything: none of it may move
 * the cursor, recolour the terminal, retitle its window, reverse our own text or break the
 * one-line-per-issue format. Free with g_free(). */
char          *ccplans_escape               (const char    *text);
/* Prints one line for a person (format + "\n") through ccplans_escape(): the one way the
 * subcommands print text that may hold a plan's or a file name's characters. */
void           ccplans_print_line           (FILE          *stream,
                                             const char    *format,
                                             ...) G_GNUC_PRINTF (2, 3);

/* Prints one line whose translated format ends with its own "\n" (kept in the catalogues'
 * messages) through ccplans_print_line(): that last "\n" ends the line, any other is shown
 * escaped, like every line break a file name or a plan brings. */
void           ccplans_print_text           (FILE          *stream,
                                             const char    *text);

/* Adds {severity, rule, path, line, column, message} to builder (inside an array). */
void           ccplans_json_add_issue       (JsonBuilder   *builder,
                                             CcpIssue      *issue);
/* Adds a string member, or null when value is NULL. */
void           ccplans_json_add_string      (JsonBuilder   *builder,
                                             const char    *member,
                                             const char    *value);
/* Pretty-prints root (two-space indent) to stdout, with a final newline. */
void           ccplans_json_print           (JsonNode      *root);

/*
 * Parses the options of a subcommand. argv[0] is the subcommand name. Sets the program name to
 * "ccplans SUBCOMMAND" so that --help shows the right usage line. On a bad option prints the
 * error and a hint to stderr and returns FALSE (exit with CCPLANS_EXIT_UNUSABLE). --help is
 * handled by GOptionContext (prints and exits 0).
 */
gboolean       ccplans_parse_options        (GOptionContext *context,
                                             int            *argc,
                                             char         ***argv);
/* FALSE, with a message naming both, when the output file is one of the inputs (the same file
 * through links or another spelling): writing it would destroy that input. NULL-terminated. */
gboolean       ccplans_check_output         (const char         *subcommand,
                                             const char         *output,
                                             const char * const *inputs);
/* Prints "ccplans SUBCOMMAND: MESSAGE" and the --help hint to stderr. */
void           ccplans_usage_error          (const char    *subcommand,
                                             const char    *message);
/* TRUE when files (the command's remaining arguments) hold exactly one file; otherwise prints
 * the usage error ("No file was given" or "Give exactly one file") and returns FALSE. */
gboolean       ccplans_check_one_file       (const char    *subcommand,
                                             char         **files);

G_END_DECLS
