#define G_LOG_DOMAIN "ccplans"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ccplans.h"
#include "ccplans-output.h"

CcplansLoaded *
ccplans_load (const char   *file,
              CcpValidator *validator)
{
  g_autoptr(CcplansLoaded) loaded = g_new0 (CcplansLoaded, 1);
  g_autoptr(GFile) gfile = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) reader_issues = NULL;
  g_autoptr(CcpLocations) locations = NULL;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (validator == NULL || CCP_IS_VALIDATOR (validator), NULL);

  loaded->file = g_strdup (file);
  loaded->display = g_filename_display_name (file);
  loaded->issues = g_ptr_array_new_with_free_func (g_object_unref);

  /* Read the bytes here rather than with ccp_reader_read_file() so that the reader's messages
   * name the file as the user typed it, not by its absolute path. */
  gfile = g_file_new_for_commandline_arg (file);
  bytes = ccp_file_load (gfile, CCP_FILE_MAX_SIZE, NULL, &loaded->error);
  if (bytes == NULL)
    return g_steal_pointer (&loaded);

  loaded->document = ccp_reader_read_bytes (bytes, loaded->display, &reader_issues, &locations,
                                            &loaded->error);
  if (loaded->document == NULL)
    return g_steal_pointer (&loaded);

  if (reader_issues != NULL)
    {
      for (guint i = 0; i < reader_issues->len; i++)
        g_ptr_array_add (loaded->issues, g_object_ref (g_ptr_array_index (reader_issues, i)));
    }

  if (validator != NULL)
    {
      g_autoptr(GPtrArray) checked = NULL;

      if (CCP_IS_PLAN (loaded->document))
        checked = ccp_validator_check_plan (validator, CCP_PLAN (loaded->document));
      else if (CCP_IS_FIELD_PLAN (loaded->document))
        checked = ccp_validator_check_field_plan (validator, CCP_FIELD_PLAN (loaded->document));

      if (checked != NULL)
        {
          if (locations != NULL)
            ccp_locations_apply (locations, checked);
          for (guint i = 0; i < checked->len; i++)
            g_ptr_array_add (loaded->issues, g_object_ref (g_ptr_array_index (checked, i)));
        }
    }

  ccp_issues_sort (loaded->issues);

  return g_steal_pointer (&loaded);
}

void
ccplans_loaded_free (CcplansLoaded *loaded)
{
  if (loaded == NULL)
    return;

  g_free (loaded->file);
  g_free (loaded->display);
  g_clear_object (&loaded->document);
  g_clear_pointer (&loaded->issues, g_ptr_array_unref);
  g_clear_error (&loaded->error);
  g_free (loaded);
}

void
ccplans_leave_to_exit (gpointer data)
{
  static GPtrArray *left;

  if (data == NULL)
    return;
  if (left == NULL)
    left = g_ptr_array_new ();
  g_ptr_array_add (left, data);
}

guint
ccplans_loaded_count (CcplansLoaded *loaded,
                      CcpSeverity    severity)
{
  g_return_val_if_fail (loaded != NULL, 0);

  return ccp_issues_count (loaded->issues, severity);
}

const char *
ccplans_loaded_kind_code (CcplansLoaded *loaded)
{
  g_return_val_if_fail (loaded != NULL, NULL);

  if (loaded->document != NULL && CCP_IS_PLAN (loaded->document))
    return "city-plan";
  if (loaded->document != NULL && CCP_IS_FIELD_PLAN (loaded->document))
    return "field-plan";
  return NULL;
}

/* Replaces every occurrence of find in text by replacement. */
static char *
replace_all (const char *text,
             const char *find,
             const char *replacement)
{
  g_autoptr(GString) result = g_string_new (NULL);
  gsize find_len = strlen (find);
  const char *p = text;
  const char *hit;

  if (find_len == 0)
    return g_strdup (text);

  while ((hit = strstr (p, find)) != NULL)
    {
      g_string_append_len (result, p, hit - p);
      g_string_append (result, replacement);
      p = hit + find_len;
    }
  g_string_append (result, p);

  return g_string_free (g_steal_pointer (&result), FALSE);
}

char *
ccplans_load_error_message (const char   *display,
                            const GError *error)
{
  g_return_val_if_fail (display != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      /* GIO's own message repeats the absolute path; the file name is already in front. */
      return g_strdup (_("No such file or folder"));
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return g_strdup (_("Permission denied: the file cannot be read"));

  {
    g_autoptr(GFile) gfile = g_file_new_for_commandline_arg (display);
    g_autofree char *parse_name = g_file_get_parse_name (gfile);

    /* The library names files by their absolute path; show the name as typed instead. */
    return replace_all (error->message, parse_name, display);
  }
}

/* Quotation marks of the languages we may be translated to, and the no-break spaces that go
 * inside French guillemets. */
static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F
         || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x00AB || c == 0x00BB
         || c == 0x2039 || c == 0x203A || c == 0x300C || c == 0x300D || c == 0x300E
         || c == 0x300F || c == 0x00A0 || c == 0x202F;
}

static const char *
skip_quotes (const char *p)
{
  while (*p != '\0' && is_quote (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* When message starts with the file's name (quoted or not) followed by a space, returns the
 * position of that space; else NULL. */
static const char *
skip_file_subject (const char *message,
                   const char *display)
{
  const char *p = skip_quotes (message);

  if (!g_str_has_prefix (p, display))
    return NULL;
  p = skip_quotes (p + strlen (display));

  return *p == ' ' ? p : NULL;
}

void
ccplans_print_load_error (FILE         *stream,
                          const char   *display,
                          const GError *error)
{
  g_autofree char *message = NULL;
  g_autofree char *location = NULL;
  const char *subject_end;
  const char *rest;

  g_return_if_fail (stream != NULL);
  g_return_if_fail (display != NULL);
  g_return_if_fail (error != NULL);

  message = ccplans_load_error_message (display, error);

  /* A message whose subject is the file ("“empty.xml” is empty"): the name is already in
   * front of the line, so say "This file is empty" rather than name it twice. */
  subject_end = skip_file_subject (message, display);
  if (subject_end != NULL)
    {
      /* Translators: replaces a file name at the start of an error message that follows the
       * file name, e.g. "plan.xml: error: This file is empty" */
      char *rephrased = g_strconcat (_("This file"), subject_end, NULL);

      g_free (message);
      message = rephrased;
    }

  /* A message that starts with "FILE:" or "FILE:LINE:" already says where: keep that location
   * in front and do not name the file a second time. */
  rest = message;
  location = g_strdup (display);
  if (g_str_has_prefix (message, display) && message[strlen (display)] == ':')
    {
      const char *after = message + strlen (display) + 1;
      const char *digits = after;

      while (g_ascii_isdigit (*digits))
        digits++;
      if (digits > after && *digits == ':')
        {
          g_free (location);
          location = g_strdup_printf ("%s:%.*s", display, (int) (digits - after), after);
          after = digits + 1;
        }
      while (*after == ' ')
        after++;
      rest = after;
    }

  ccplans_print_line (stream, "%s: error: %s", location, rest);
}

void
ccplans_print_issue (FILE       *stream,
                     const char *display,
                     CcpIssue   *issue)
{
  g_autoptr(GString) line = g_string_new (display);
  guint line_number;
  guint column;

  g_return_if_fail (stream != NULL);
  g_return_if_fail (display != NULL);
  g_return_if_fail (CCP_IS_ISSUE (issue));

  line_number = ccp_issue_get_line (issue);
  column = ccp_issue_get_column (issue);
  if (line_number > 0)
    {
      g_string_append_printf (line, ":%u", line_number);
      if (column > 0)
        g_string_append_printf (line, ":%u", column);
    }

  g_string_append_printf (line, ": %s: %s [%s]",
                          ccp_severity_to_code (ccp_issue_get_severity (issue)),
                          ccp_issue_get_message (issue),
                          ccp_issue_get_rule (issue));
  ccplans_print_line (stream, "%s", line->str);
}

void
ccplans_json_add_string (JsonBuilder *builder,
                         const char  *member,
                         const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
ccplans_json_add_issue (JsonBuilder *builder,
                        CcpIssue    *issue)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (CCP_IS_ISSUE (issue));

  json_builder_begin_object (builder);
  ccplans_json_add_string (builder, "severity",
                           ccp_severity_to_code (ccp_issue_get_severity (issue)));
  ccplans_json_add_string (builder, "rule", ccp_issue_get_rule (issue));
  ccplans_json_add_string (builder, "path", ccp_issue_get_path (issue));
  json_builder_set_member_name (builder, "line");
  json_builder_add_int_value (builder, ccp_issue_get_line (issue));
  json_builder_set_member_name (builder, "column");
  json_builder_add_int_value (builder, ccp_issue_get_column (issue));
  ccplans_json_add_string (builder, "message", ccp_issue_get_message (issue));
  json_builder_end_object (builder);
}

void
ccplans_json_print (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  g_return_if_fail (root != NULL);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  /* Bytes as they are: JSON is UTF-8 whatever the locale's character set. */
  fputs (text, stdout);
  fputc ('\n', stdout);
}

void
ccplans_usage_error (const char *subcommand,
                     const char *message)
{
  g_autofree char *name = subcommand != NULL ? g_strdup_printf ("ccplans %s", subcommand)
                                             : g_strdup ("ccplans");

  ccplans_print_line (stderr, "%s: %s", name, message);
  /* Translators: %s is a command, e.g. "ccplans validate" */
  ccplans_print_line (stderr, _("Try “%s --help” for more information."), name);
}

gboolean
ccplans_check_one_file (const char  *subcommand,
                        char       **files)
{
  if (files == NULL || files[0] == NULL)
    {
      ccplans_usage_error (subcommand, _("No file was given"));
      return FALSE;
    }
  if (files[1] != NULL)
    {
      ccplans_usage_error (subcommand, _("Give exactly one file"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ccplans_parse_options (GOptionContext   *context,
                       int              *argc,
                       char           ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subcommand = NULL;
  g_autofree char *prgname = NULL;

  g_return_val_if_fail (context != NULL, FALSE);
  g_return_val_if_fail (*argc >= 1, FALSE);

  subcommand = g_strdup ((*argv)[0]);
  prgname = g_strdup_printf ("ccplans %s", subcommand);
  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      ccplans_usage_error (subcommand, error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
ccplans_check_output (const char         *subcommand,
                      const char         *output,
                      const char * const *inputs)
{
  g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (output);

  for (guint i = 0; inputs != NULL && inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) in_file = g_file_new_for_commandline_arg (inputs[i]);
      g_autofree char *out_display = NULL;
      g_autofree char *in_display = NULL;
      g_autofree char *message = NULL;

      if (!ccp_file_is_same (out_file, in_file))
        continue;
      out_display = g_filename_display_name (output);
      in_display = g_filename_display_name (inputs[i]);
      if (g_str_equal (out_display, in_display))
        message = g_strdup (
          /* Translators: the output file of a command is also one of the files it reads */
          _("the output file is also one of the files to read; choose another output file "
            "(nothing was written)"));
      else
        message = g_strdup_printf (
          /* Translators: %s is the input file that the output file is the same as */
          _("the output file is the same file as “%s”, one of the files to read; choose "
            "another output file (nothing was written)"), in_display);
      ccplans_print_line (stderr, "ccplans %s: %s: error: %s", subcommand, out_display,
                          message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
needs_escape (gunichar c)
{
  return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x061c || c == 0x200e ||
         c == 0x200f || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

char *
ccplans_escape (const char *text)
{
  GString *out;
  const char *p, *end;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  end = text + strlen (text);
  for (p = text; p < end; )
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      if (c == '\\')
        g_string_append (out, "\\\\");
      else if (!needs_escape (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == 0x1b)
        g_string_append (out, "\\e");
      else if (c < 0x80)
        g_string_append_printf (out, "\\x%02X", c);
      else
        g_string_append_printf (out, "\\u%04X", c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

void
ccplans_print_line (FILE       *stream,
                    const char *format,
                    ...)
{
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  va_list args;

  g_return_if_fail (stream != NULL);
  g_return_if_fail (format != NULL);

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  escaped = ccplans_escape (text);

  /* stderr through GLib as before (it converts to the locale's character set). */
  if (stream == stderr)
    g_printerr ("%s\n", escaped);
  else
    {
      fputs (escaped, stream);
      fputc ('\n', stream);
    }
}

void
ccplans_print_text (FILE       *stream,
                    const char *text)
{
  gsize length;

  g_return_if_fail (stream != NULL);
  g_return_if_fail (text != NULL);

  length = strlen (text);
  if (length > 0 && text[length - 1] == '\n')
    length--;
  ccplans_print_line (stream, "%.*s", (int) length, text);
}
