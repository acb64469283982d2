/* test-document: the document object: loading in a thread, saving with a backup, a failed save
 * that leaves the old file, another program's change noticed (and our own save not), and the
 * recovery copy. */
#define G_LOG_DOMAIN "test-document"

#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "ccp-document.h"
#include "ccp-recovery.h"
#include "ccp-test-util.h"

typedef struct {
  char      *dir;
  char      *path;
  GFile     *file;
  GBytes    *example;
} Fixture;

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *example = g_build_filename (ccp_test_examples_dir (),
                                               "bologna-music-2027-h1.xml", NULL);

  f->dir = g_dir_make_tmp ("ccp-document-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "plan.xml", NULL);
  f->file = g_file_new_for_path (f->path);
  f->example = read_bytes (example);
  g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (f->example, NULL),
                                      (gssize) g_bytes_get_size (f->example), NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ccp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_clear_object (&f->file);
  g_clear_pointer (&f->example, g_bytes_unref);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Loads through the thread, spinning the main context until the result is back. */
static gboolean
load (CcpDocument  *document,
      GPtrArray   **issues,
      GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ccp_document_load_async (document, NULL, load_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return ccp_document_load_finish (document, result, issues, error);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main context for ms milliseconds, or until *flag is set. */
static void
spin (guint     ms,
      gboolean *flag)
{
  gboolean done = FALSE;
  guint id = g_timeout_add (ms, timeout_cb, &done);

  while (!done && (flag == NULL || !*flag))
    g_main_context_iteration (NULL, TRUE);
  if (!done)
    g_source_remove (id);
}

static void
changed_on_disk_cb (CcpDocument *document,
                    gboolean    *noticed)
{
  *noticed = TRUE;
}

static void
test_document_load (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CcpDocument) document = ccp_document_new (f->file, NULL);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = ccp_bytes_sha256 (f->example);
  g_autoptr(GFile) missing = g_file_get_child (f->file, "nothing-here.xml");
  g_autoptr(CcpDocument) broken = NULL;

  g_assert_null (ccp_document_get_model (document));
  g_assert_null (ccp_document_get_etag (document));
  g_assert_true (load (document, &issues, &error));
  g_assert_no_error (error);
  g_assert_nonnull (issues);
  g_assert_true (CCP_IS_PLAN (ccp_document_get_model (document)));
  g_assert_cmpstr (ccp_plan_get_city (CCP_PLAN (ccp_document_get_model (document))), ==,
                   "Bologna");
  g_assert_cmpstr (ccp_document_get_etag (document), ==, etag);
  g_assert_true (g_file_equal (ccp_document_get_file (document), f->file));
  g_assert_true (ccp_document_check_disk (document, f->file, NULL));

  /* A file that cannot be read: an error, and no model. */
  broken = ccp_document_new (missing, NULL);
  g_assert_false (load (broken, NULL, &error));
  g_assert_nonnull (error);
  g_assert_null (ccp_document_get_model (broken));
}

static void
test_document_save (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CcpDocument) document = ccp_document_new (f->file, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = g_strconcat (f->path, "~", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.xml", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) backup = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *etag = NULL;
  CcpPlan *plan;

  g_assert_true (load (document, NULL, &error));
  g_assert_no_error (error);
  plan = CCP_PLAN (ccp_document_get_model (document));
  ccp_plan_set_focal_point_name (plan, "Someone Else");

  g_assert_true (ccp_document_save (document, f->file, CCP_DOCUMENT_SAVE_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  saved = read_bytes (f->path);
  expected = ccp_writer_write_plan (plan);
  g_assert_true (g_bytes_equal (saved, expected));
  /* The backup keeps what the file held before. */
  backup = read_bytes (backup_path);
  g_assert_true (g_bytes_equal (backup, f->example));
  etag = ccp_bytes_sha256 (saved);
  g_assert_cmpstr (ccp_document_get_etag (document), ==, etag);

  /* Save As: the other file becomes the document's. */
  g_assert_true (ccp_document_save (document, other, CCP_DOCUMENT_SAVE_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (ccp_document_get_file (document), other));
  g_assert_true (g_file_test (other_path, G_FILE_TEST_IS_REGULAR));
}

/* A disk that fills up while the new content is written (RLIMIT_FSIZE, in a subprocess): the
 * save fails with a message naming the file, the old file is intact and the etag unchanged. */
static void
test_document_save_failure (Fixture       *f,
                            gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(CcpDocument) document = ccp_document_new (f->file, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GRand) rand = g_rand_new_with_seed (7);
      g_autofree char *etag = NULL;
      g_autoptr(GBytes) after = NULL;
      gsize limit = g_bytes_get_size (f->example) + 16;
      struct rlimit rl = { limit, limit };
      CcpPlan *plan;

      g_assert_true (load (document, NULL, &error));
      g_assert_no_error (error);
      etag = g_strdup (ccp_document_get_etag (document));
      plan = CCP_PLAN (ccp_document_get_model (document));
      /* Larger than the limit, so that the backup (the old size) fits and the new file not. */
      for (guint i = 0; i < 20; i++)
        {
          g_autoptr(CcpActivity) activity = ccp_test_random_activity (rand, plan);

          ccp_item_list_append (ccp_plan_get_activities (plan), activity);
        }

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);
      g_assert_false (ccp_document_save (document, f->file, CCP_DOCUMENT_SAVE_DEFAULT, NULL,
                                         &error));
      g_assert_nonnull (error);
      g_test_message ("error: %s", error->message);
      g_assert_nonnull (strstr (error->message, "plan.xml"));
      g_assert_cmpstr (ccp_document_get_etag (document), ==, etag);
      after = read_bytes (f->path);
      g_assert_true (g_bytes_equal (after, f->example));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  {
    g_autoptr(GBytes) after = read_bytes (f->path);

    g_assert_true (g_bytes_equal (after, f->example));
  }
}

/* Another program's change is noticed and refused by a plain save; our own save is not taken
 * for another program's. */
static void
test_document_external_change (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CcpDocument) document = ccp_document_new (f->file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) after = NULL;
  gboolean noticed = FALSE;
  const char *example = g_bytes_get_data (f->example, NULL);
  g_autofree char *changed = NULL;

  g_assert_true (load (document, NULL, &error));
  g_assert_no_error (error);
  g_signal_connect (document, "changed-on-disk", G_CALLBACK (changed_on_disk_cb), &noticed);

  /* Our own save. */
  ccp_plan_set_focal_point_name (CCP_PLAN (ccp_document_get_model (document)), "Ours");
  g_assert_true (ccp_document_save (document, f->file, CCP_DOCUMENT_SAVE_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  spin (800, &noticed);
  g_assert_false (noticed);
  g_assert_true (ccp_document_check_disk (document, f->file, NULL));

  /* Theirs: like an editor, a new file renamed over the old one. */
  changed = g_strdup_printf ("%.*s<!-- theirs -->\n", (int) g_bytes_get_size (f->example),
                             example);
  g_assert_true (g_file_set_contents (f->path, changed, -1, NULL));
  spin (5000, &noticed);
  g_assert_true (noticed);
  g_assert_false (ccp_document_check_disk (document, f->file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);

  /* A plain save refuses; one that replaces theirs goes through. */
  g_assert_false (ccp_document_save (document, f->file, CCP_DOCUMENT_SAVE_DEFAULT, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  theirs = read_bytes (f->path);
  g_assert_cmpstr (g_bytes_get_data (theirs, NULL), ==, changed);
  g_assert_true (ccp_document_save (document, f->file, CCP_DOCUMENT_SAVE_REPLACE_EXTERNAL, NULL,
                                    &error));
  g_assert_no_error (error);
  after = read_bytes (f->path);
  g_assert_false (g_bytes_equal (after, theirs));
  g_assert_true (ccp_document_check_disk (document, f->file, NULL));
}

/* The recovery copy of unsaved work: written, listed, removed by a save. */
static void
test_document_recovery (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CcpDocument) document = ccp_document_new (f->file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *state = g_build_filename (f->dir, "state", NULL);
  CcpRecoveryEntry *entry;

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_assert_true (load (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (ccp_document_get_recovery_key (document));

  g_assert_true (ccp_document_write_recovery (document, &error));
  g_assert_no_error (error);
  g_assert_nonnull (ccp_document_get_recovery_key (document));
  entries = ccp_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->key, ==, ccp_document_get_recovery_key (document));
  g_assert_true (g_file_equal (entry->original, f->file));

  g_assert_true (ccp_document_save (document, f->file, CCP_DOCUMENT_SAVE_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (ccp_document_get_recovery_key (document));
  after = ccp_recovery_list ();
  g_assert_cmpuint (after->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/document/load", test_document_load);
  ADD ("/document/save", test_document_save);
  ADD ("/document/save-failure", test_document_save_failure);
  ADD ("/document/external-change", test_document_external_change);
  ADD ("/document/recovery", test_document_recovery);
#undef ADD

  return g_test_run ();
}
