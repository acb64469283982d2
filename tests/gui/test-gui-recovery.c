/* Recovery after a crash: a process edits a plan and is killed with SIGKILL once its recovery
 * copy is written; the next start offers to restore it, and restoring brings the edit back. */
#define G_LOG_DOMAIN "test-gui-recovery"

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "ccp-application.h"
#include "ccp-recovery.h"
#include "ccp-window.h"
#include "ccp-gui-test-util.h"
#include "ccp-test-util.h"

static char *state_dir;

/* One application per process: a second one could not export itself on the bus. */
static CcpApplication *the_app;

static CcpApplication *
get_app (void)
{
  g_autoptr(GError) error = NULL;

  if (the_app == NULL)
    {
      the_app = ccp_application_new ();
      g_application_set_flags (G_APPLICATION (the_app),
                               G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (the_app), NULL, &error);
      g_assert_no_error (error);
    }
  return g_object_ref (the_app);
}

static gboolean
has_recovery_copy (void)
{
  g_autoptr(GPtrArray) entries = ccp_recovery_list ();

  return entries->len > 0;
}

static void
test_recovery_after_kill (void)
{
  g_autofree char *example = NULL;
  g_autofree char *work = g_dir_make_tmp ("ccp-recovery-XXXXXX", NULL);
  g_autofree char *plan_path = g_build_filename (work, "plan.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CcpApplication) app = NULL;
  g_autoptr(GFile) plan_file = NULL;
  const char *argv[] = { RECOVERY_HELPER, NULL, "Bolognina", NULL };
  GPid pid;
  CcpWindow *parent;
  GtkWindow *dialog;
  CcpWindow *restored = NULL;
  CcpRecoveryEntry *entry;
  int status;

  example = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"), "bologna-music-2027-h1.xml", NULL);
  g_assert_true (g_file_get_contents (example, &contents, NULL, &error));
  g_assert_true (g_file_set_contents (plan_path, contents, -1, &error));
  argv[1] = plan_path;

  g_assert_false (has_recovery_copy ());

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                NULL, &pid, &error));
  g_assert_no_error (error);
  WAIT_FOR (has_recovery_copy (), 20000);
  /* Let the copy be complete on disk before the process dies. */
  spin (200);
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));

  entries = ccp_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  plan_file = g_file_new_for_path (plan_path);
  g_assert_nonnull (entry->original);
  g_assert_true (g_file_equal (entry->original, plan_file));

  /* The next start offers to restore it. */
  app = get_app ();
  parent = ccp_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (parent));

  dialog = ccp_application_offer_recovery (app, GTK_WINDOW (parent));
  g_assert_nonnull (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                         "plan.xml") != NULL);
  /* It names the file, not "this plan" (the window under it may show another one). */
  g_assert_null (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "this plan"));
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                   "Unsaved changes to 1 plan were kept"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  gtk_window_destroy (dialog);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CCP_IS_WINDOW (l->data) && ccp_window_get_plan (l->data) != NULL)
      restored = l->data;
  g_assert_nonnull (restored);
  g_assert_cmpstr (ccp_plan_get_city (ccp_window_get_plan (restored)), ==, "Bolognina");
  g_assert_true (ccp_window_get_modified (restored));
  g_assert_true (g_file_equal (ccp_window_get_file (restored), plan_file));

  /* Saving removes the recovery copy; the saved plan has the edit and the next revision. */
  g_assert_true (ccp_window_save_to_file (restored, plan_file, &error));
  g_assert_no_error (error);
  g_assert_false (has_recovery_copy ());
  g_assert_cmpuint (ccp_plan_get_revision (ccp_window_get_plan (restored)), ==, 4);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_destroy (window);
    }
  {
    g_autofree char *backup = g_strconcat (plan_path, "~", NULL);

    g_unlink (backup);
  }
  g_unlink (plan_path);
  ccp_test_remove_tree (work);
}

static void
test_discard (void)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpApplication) app = NULL;
  g_autofree char *key = ccp_recovery_key_for (plan);
  GtkWindow *dialog;
  CcpWindow *parent;

  ccp_plan_set_city (plan, "Leiria");
  g_assert_true (ccp_recovery_write (key, plan, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (has_recovery_copy ());

  app = get_app ();
  parent = ccp_window_new (GTK_APPLICATION (app));
  dialog = ccp_application_offer_recovery (app, GTK_WINDOW (parent));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  gtk_window_destroy (dialog);
  g_assert_false (has_recovery_copy ());
  g_assert_null (ccp_application_offer_recovery (app, GTK_WINDOW (parent)));
  gtk_window_destroy (GTK_WINDOW (parent));
}

static void
test_unsafe_key (void)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  g_autofree char *key = NULL;

  ccp_plan_set_id (plan, "../../etc/passwd");
  key = ccp_recovery_key_for (plan);
  g_assert_null (strchr (key, '/'));
  g_assert_cmpuint (strlen (key), ==, 64);
}

int
main (int   argc,
      char *argv[])
{
  state_dir = ccp_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/recovery/after-kill", test_recovery_after_kill);
  g_test_add_func ("/gui/recovery/discard", test_discard);
  g_test_add_func ("/gui/recovery/unsafe-key", test_unsafe_key);

  return ccp_gui_test_run (state_dir);
}
