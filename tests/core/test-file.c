/* test-file.c: bounded loading and atomic saving, including saves that fail half-way. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ccp-core.h"

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ccp-file-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes a test directory and what the tests put in it (no subfolders but "folder"). */
static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_dir (path);
      else
        g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Sorted names in dir, joined by spaces: shows leftover temporary files. */
/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_file_save_load (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.ccp", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) contents = g_bytes_new_static ("<x>été</x>\n", strlen ("<x>été</x>\n"));
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (ccp_file_save (file, contents, TRUE, NULL, &error));
  g_assert_no_error (error);
  /* Nothing to back up the first time. */
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.ccp");

  loaded = ccp_file_load (file, CCP_FILE_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (contents, loaded));

  remove_dir (dir);
}

static void
test_file_load_limit (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.ccp", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "0123456789", 10, NULL));

  loaded = ccp_file_load (file, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (loaded), ==, 10);
  g_clear_pointer (&loaded, g_bytes_unref);

  loaded = ccp_file_load (file, 9, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, CCP_ERROR, CCP_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "plan.ccp"));

  remove_dir (dir);
}

static void
test_file_backup (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.ccp", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) first = g_bytes_new_static ("first\n", 6);
  g_autoptr(GBytes) second = g_bytes_new_static ("second\n", 7);
  g_autoptr(GBytes) third = g_bytes_new_static ("third\n", 6);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (ccp_file_save (file, first, TRUE, NULL, &error));
  g_assert_true (ccp_file_save (file, second, TRUE, NULL, &error));
  g_assert_no_error (error);
  assert_contents (path, "second\n");
  assert_contents (backup, "first\n");

  /* Without backup, TARGET~ is left as it was. */
  g_assert_true (ccp_file_save (file, third, FALSE, NULL, &error));
  g_assert_no_error (error);
  assert_contents (path, "third\n");
  assert_contents (backup, "first\n");

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.ccp plan.ccp~");
  remove_dir (dir);
}

static void
test_file_keeps_mode_and_symlink (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.ccp", NULL);
  g_autofree char *link = g_build_filename (dir, "link.ccp", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GBytes) contents = g_bytes_new_static ("new\n", 4);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_cmpint (symlink ("plan.ccp", link), ==, 0);

  g_assert_true (ccp_file_save (link_file, contents, FALSE, NULL, &error));
  g_assert_no_error (error);

  /* The link still points to the file, which has the new content and its old mode. */
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_contents (path, "new\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  remove_dir (dir);
}

/* A group-writable file stays group-writable whatever the umask (a temporary file created
 * under umask 022 used to turn 664 into 644), and keeps its owner and group where permitted. */
static void
test_file_keeps_group_mode_and_owner (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) contents = g_bytes_new_static ("new\n", 4);
  g_autoptr(GError) error = NULL;
  gboolean as_root = getuid () == 0;
  mode_t old_umask = umask (022);
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0664), ==, 0);
  if (as_root)
    g_assert_cmpint (chown (path, 65534, 65534), ==, 0);

  g_assert_true (ccp_file_save (file, contents, TRUE, NULL, &error));
  g_assert_no_error (error);
  umask (old_umask);

  assert_contents (path, "new\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0664);
  if (as_root)
    {
      g_assert_cmpint (st.st_uid, ==, 65534);
      g_assert_cmpint (st.st_gid, ==, 65534);
    }
  else
    g_test_message ("not root: the owner cannot be given away, only the mode is checked");
  /* The backup has the mode of the file it copies. */
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    assert_contents (backup, "old\n");
    g_assert_cmpint (g_stat (backup, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0664);
  }

  remove_dir (dir);
}

/* A new file gets 0666 less the umask, as any program's would. */
static void
test_file_new_file_mode (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "new.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) contents = g_bytes_new_static ("new\n", 4);
  mode_t old_umask = umask (027);
  GStatBuf st;

  g_assert_true (ccp_file_save (file, contents, FALSE, NULL, NULL));
  umask (old_umask);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  remove_dir (dir);
}

/* Saving through a dangling link creates its target and leaves the link a link; a link loop
 * is refused and nothing is written. */
static void
test_file_dangling_symlink (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *link = g_build_filename (dir, "link.xml", NULL);
  g_autofree char *target = g_build_filename (dir, "target.xml", NULL);
  g_autofree char *loop_a = g_build_filename (dir, "a.xml", NULL);
  g_autofree char *loop_b = g_build_filename (dir, "b.xml", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GFile) loop_file = g_file_new_for_path (loop_a);
  g_autoptr(GBytes) contents = g_bytes_new_static ("new\n", 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_cmpint (symlink ("target.xml", link), ==, 0);
  g_assert_true (ccp_file_save (link_file, contents, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_contents (target, "new\n");

  g_assert_cmpint (symlink ("b.xml", loop_a), ==, 0);
  g_assert_cmpint (symlink ("a.xml", loop_b), ==, 0);
  g_assert_false (ccp_file_save (loop_file, contents, FALSE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "a.xml"));
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "a.xml b.xml link.xml target.xml");

  remove_dir (dir);
}

/* A save killed half-way leaves ".NAME.ccp-save-PID-XXXXXX"; the next save to the folder
 * removes those whose process is gone, and nothing else. */
static void
test_file_removes_stale_temporaries (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.xml", NULL);
  g_autofree char *stale = g_build_filename (dir, ".out.xml.ccp-save-2147483647-Ab3dEf", NULL);
  g_autofree char *other_stale = g_build_filename (dir, ".plan.xml.ccp-save-2147483646-x1y2z3",
                                                   NULL);
  g_autofree char *live_name = g_strdup_printf (".plan.xml.ccp-save-%d-q1w2e3", (int) getpid ());
  g_autofree char *live = g_build_filename (dir, live_name, NULL);
  g_autofree char *unrelated = g_build_filename (dir, ".out.xml.ccp-save-12-short", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) contents = g_bytes_new_static ("new\n", 4);

  for (const char *p = NULL, * const *names = (const char * const[]) { stale, other_stale, live,
                                                                        unrelated, NULL };
       (p = *names) != NULL; names++)
    g_assert_true (g_file_set_contents (p, "half a plan", -1, NULL));

  g_assert_true (ccp_file_save (file, contents, FALSE, NULL, NULL));

  listing = list_dir (dir);
  expected = g_strdup_printf (".out.xml.ccp-save-12-short %s out.xml", live_name);
  g_assert_cmpstr (listing, ==, expected);

  remove_dir (dir);
}

static void
test_file_target_is_directory (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *inside = g_build_filename (folder, "keep.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GBytes) contents = g_bytes_new_static ("data\n", 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "precious\n", -1, NULL));

  g_assert_false (ccp_file_save (file, contents, TRUE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "folder"));

  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  assert_contents (inside, "precious\n");
  listing = list_dir (folder);
  g_assert_cmpstr (listing, ==, "keep.txt");
  g_free (listing);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "folder");

  remove_dir (dir);
}

static void
test_file_read_only_directory (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *path = g_build_filename (locked, "plan.ccp", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) contents = g_bytes_new_static ("new\n", 4);
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      remove_dir (dir);
      g_test_skip ("running as root, which ignores directory permissions");
      return;
    }

  g_assert_cmpint (g_mkdir (locked, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (locked, 0500), ==, 0);

  g_assert_false (ccp_file_save (file, contents, TRUE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "plan.ccp"));
  assert_contents (path, "old\n");

  g_assert_cmpint (g_chmod (locked, 0700), ==, 0);
  remove_dir (dir);
}

/* A real write failure: in a subprocess, RLIMIT_FSIZE makes write() fail with EFBIG after
 * limit bytes (SIGXFSZ ignored), like a disk that fills up mid-save. The previous file must
 * be intact and no temporary file left behind. */
#define OLD_SIZE 10000
#define NEW_SIZE 30000

static char *
make_content (char   fill,
              gsize  size)
{
  char *data = g_malloc (size + 1);

  memset (data, fill, size);
  data[size] = '\0';
  return data;
}

static void
test_file_write_failure (gconstpointer data)
{
  guint limit = GPOINTER_TO_UINT (data) & 0xffff;
  gboolean backup = (GPOINTER_TO_UINT (data) & 0x10000) != 0;
  g_autofree char *old_content = make_content ('o', OLD_SIZE);
  g_autofree char *new_content = make_content ('n', NEW_SIZE);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *listing = NULL;

  if (g_test_subprocess ())
    {
      struct rlimit rl = { limit, limit };
      g_autoptr(GFile) file = NULL;
      g_autoptr(GBytes) contents = g_bytes_new_static (new_content, NEW_SIZE);
      g_autoptr(GError) error = NULL;

      path = g_build_filename (g_getenv ("CCP_TEST_SAVE_DIR"), "plan.ccp", NULL);
      file = g_file_new_for_path (path);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);

      g_assert_false (ccp_file_save (file, contents, backup, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("error: %s", error->message);
      g_assert_nonnull (strstr (error->message, "plan.ccp"));
      return;
    }

  dir = make_dir ();
  path = g_build_filename (dir, "plan.ccp", NULL);
  g_assert_true (g_file_set_contents (path, old_content, OLD_SIZE, NULL));
  g_setenv ("CCP_TEST_SAVE_DIR", dir, TRUE);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  assert_contents (path, old_content);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.ccp");

  /* Without the limit the same save succeeds, so the failure above came from the limit. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GBytes) contents = g_bytes_new_static (new_content, NEW_SIZE);
    g_autoptr(GError) error = NULL;

    g_assert_true (ccp_file_save (file, contents, backup, NULL, &error));
    g_assert_no_error (error);
    assert_contents (path, new_content);
  }

  remove_dir (dir);
}

/* A streamed save (ccp_file_save_with()): STREAM_CHUNKS chunks of STREAM_CHUNK bytes. */
#define STREAM_CHUNK 1024
#define STREAM_CHUNKS 300

typedef struct {
  guint give_up_after;   /* chunks written before the producer gives up; G_MAXUINT: never */
} StreamProducer;

static gboolean
produce_chunks (CcpFileSink *sink,
                gpointer     user_data)
{
  const StreamProducer *producer = user_data;
  char chunk[STREAM_CHUNK];

  for (guint i = 0; i < STREAM_CHUNKS; i++)
    {
      if (i == producer->give_up_after)
        return FALSE;
      memset (chunk, 'a' + (int) (i % 26), sizeof chunk);
      /* After a failure the sink refuses every write: the producer may go on regardless. */
      ccp_file_sink_write (sink, chunk, sizeof chunk);
    }
  return TRUE;
}

static char *
expected_chunks (void)
{
  GString *out = g_string_sized_new (STREAM_CHUNK * STREAM_CHUNKS);

  for (guint i = 0; i < STREAM_CHUNKS; i++)
    for (guint j = 0; j < STREAM_CHUNK; j++)
      g_string_append_c (out, (char) ('a' + (int) (i % 26)));
  return g_string_free (out, FALSE);
}

/* The disk fills up after limit bytes, mid-stream: as for a save from memory, the previous
 * file is intact and no temporary file is left; the same save without the limit succeeds. */
static void
test_file_stream_failure (gconstpointer data)
{
  guint limit = GPOINTER_TO_UINT (data);
  StreamProducer producer = { G_MAXUINT };
  g_autofree char *old_content = make_content ('o', OLD_SIZE);
  g_autofree char *expected = expected_chunks ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      struct rlimit rl = { limit, limit };

      path = g_build_filename (g_getenv ("CCP_TEST_SAVE_DIR"), "plan.ccp", NULL);
      file = g_file_new_for_path (path);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);

      g_assert_false (ccp_file_save_with (file, produce_chunks, &producer, TRUE, NULL,
                                          &error));
      g_assert_nonnull (error);
      g_test_message ("error: %s", error->message);
      g_assert_nonnull (strstr (error->message, "plan.ccp"));
      return;
    }

  dir = make_dir ();
  path = g_build_filename (dir, "plan.ccp", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (g_file_set_contents (path, old_content, OLD_SIZE, NULL));
  g_setenv ("CCP_TEST_SAVE_DIR", dir, TRUE);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  assert_contents (path, old_content);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, limit < OLD_SIZE ? "plan.ccp" : "plan.ccp plan.ccp~");

  g_assert_true (ccp_file_save_with (file, produce_chunks, &producer, FALSE, NULL, &error));
  g_assert_no_error (error);
  assert_contents (path, expected);

  remove_dir (dir);
}

/* A producer that gives up half-way: the save fails, nothing of it is kept. */
static void
test_file_stream_gives_up (void)
{
  StreamProducer producer = { STREAM_CHUNKS / 2 };
  g_autofree char *old_content = make_content ('o', OLD_SIZE);
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.ccp", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, old_content, OLD_SIZE, NULL));
  g_assert_false (ccp_file_save_with (file, produce_chunks, &producer, FALSE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "plan.ccp"));
  assert_contents (path, old_content);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.ccp");

  remove_dir (dir);
}

/* The hashing sink gives the digest of everything written to it, in any chunks. */
static void
test_file_sha256_sink (void)
{
  StreamProducer producer = { G_MAXUINT };
  g_autofree char *expected = expected_chunks ();
  g_autoptr(GBytes) bytes = g_bytes_new (expected, STREAM_CHUNK * STREAM_CHUNKS);
  g_autofree char *expected_hash = ccp_bytes_sha256 (bytes);
  g_autofree char *hash = NULL;
  g_autofree char *abc_hash = NULL;
  CcpFileSink *sink = ccp_file_sink_new_sha256 ();

  g_assert_true (produce_chunks (sink, &producer));
  hash = ccp_file_sink_free_to_sha256 (sink);
  g_assert_cmpstr (hash, ==, expected_hash);

  sink = ccp_file_sink_new_sha256 ();
  g_assert_true (ccp_file_sink_write (sink, "a", 1));
  g_assert_true (ccp_file_sink_write (sink, "", 0));
  g_assert_true (ccp_file_sink_write (sink, "bc", 2));
  abc_hash = ccp_file_sink_free_to_sha256 (sink);
  g_assert_cmpstr (abc_hash, ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void
test_file_sha256 (void)
{
  g_autoptr(GBytes) abc = g_bytes_new_static ("abc", 3);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autofree char *abc_hash = ccp_bytes_sha256 (abc);
  g_autofree char *empty_hash = ccp_bytes_sha256 (empty);

  g_assert_cmpstr (abc_hash, ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (empty_hash, ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

int
main (int   argc,
      char *argv[])
{
  static const guint limits[] = { 0, 1, 200, 4096 };
  /* 100,000: past the backup (OLD_SIZE), after 97 chunks have gone through. */
  static const guint stream_limits[] = { 0, 1, 200, 4096, 100000 };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file/save-load", test_file_save_load);
  g_test_add_func ("/file/load-limit", test_file_load_limit);
  g_test_add_func ("/file/backup", test_file_backup);
  g_test_add_func ("/file/keeps-mode-and-symlink", test_file_keeps_mode_and_symlink);
  g_test_add_func ("/file/keeps-group-mode-and-owner", test_file_keeps_group_mode_and_owner);
  g_test_add_func ("/file/new-file-mode", test_file_new_file_mode);
  g_test_add_func ("/file/dangling-symlink", test_file_dangling_symlink);
  g_test_add_func ("/file/removes-stale-temporaries", test_file_removes_stale_temporaries);
  g_test_add_func ("/file/target-is-directory", test_file_target_is_directory);
  g_test_add_func ("/file/read-only-directory", test_file_read_only_directory);
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autofree char *name = g_strdup_printf ("/file/write-failure/%u", limits[i]);
      g_autofree char *backup_name = g_strdup_printf ("/file/write-failure-backup/%u",
                                                      limits[i]);

      g_test_add_data_func (name, GUINT_TO_POINTER (limits[i]), test_file_write_failure);
      g_test_add_data_func (backup_name, GUINT_TO_POINTER (limits[i] | 0x10000),
                            test_file_write_failure);
    }
  for (guint i = 0; i < G_N_ELEMENTS (stream_limits); i++)
    {
      g_autofree char *name = g_strdup_printf ("/file/stream-failure/%u", stream_limits[i]);

      g_test_add_data_func (name, GUINT_TO_POINTER (stream_limits[i]), test_file_stream_failure);
    }
  g_test_add_func ("/file/stream-gives-up", test_file_stream_gives_up);
  g_test_add_func ("/file/sha256", test_file_sha256);
  g_test_add_func ("/file/sha256-sink", test_file_sha256_sink);

  return g_test_run ();
}
