/* Translations in the GUI (issue 6): with LANGUAGE=fr (ar, es, ru, zh_CN) set before GTK starts,
 * the window and the plan editor show translated labels from the build's catalogues
 * (CCP_LOCALEDIR), and in Arabic GTK lays out right to left (GTK takes the default direction
 * from its own gtk40 catalogue: "default:RTL", shipped by Debian in libgtk-4-common).
 *
 * The language has to be set before gtk_init(), so each language runs in a subprocess of this
 * test (g_test_trap_subprocess) that inherits LANGUAGE; main() does what src/gui/main.c does. */
#define G_LOG_DOMAIN "test-gui-i18n"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ccp-core.h"
#include "ccp-window.h"
#include "ccp-gui-test-util.h"
#include "ccp-test-util.h"

/* Strings of ui/ccp-window.ui and ui/ccp-plan-editor.ui that a window with a new plan shows. */
static const struct {
  const char *context;
  const char *msgid;
} shown[] = {
  { NULL, "City and Period" },
  { NULL, "Which member city the plan is for, and which six months it covers." },
  { NULL, "Creative field" },
  { NULL, "Focal Point" },
  { NULL, "No Activities Yet" },
  { "period", "Half of the year" },
};

/* A few words written here by hand, so that the test does not only trust the catalogues. */
static const struct {
  const char *language;
  const char *text;
} literal[] = {
  { "fr", "Point focal" },
  { "es", "Punto focal" },
};

static void
collect_texts (GtkWidget  *widget,
               GHashTable *texts)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget))
    g_hash_table_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  if (tooltip != NULL)
    g_hash_table_add (texts, g_strdup (tooltip));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static const char *
translate (const char *context,
           const char *msgid)
{
  return context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid)
                         : g_dgettext (GETTEXT_PACKAGE, msgid);
}

/* Runs in the subprocess: LANGUAGE is already in effect. */
static void
check_window (const char *language)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CcpWindow *window = ccp_window_new (NULL);
  GtkTextDirection expected_direction = GTK_TEXT_DIR_LTR;

  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, language);
  if (g_str_equal (language, "ar"))
    expected_direction = GTK_TEXT_DIR_RTL;
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, expected_direction);

  ccp_window_set_document (window, G_OBJECT (plan), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, expected_direction);

  collect_texts (GTK_WIDGET (window), texts);
  g_assert_cmpuint (g_hash_table_size (texts), >, 10);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      const char *translated = translate (shown[i].context, shown[i].msgid);

      if (g_test_verbose ())
        g_printerr ("%s -> %s\n", shown[i].msgid, translated);
      if (g_str_equal (language, "C"))
        {
          g_assert_cmpstr (translated, ==, shown[i].msgid);
        }
      else
        {
          g_assert_cmpstr (translated, !=, shown[i].msgid);
          g_assert_false (g_hash_table_contains (texts, shown[i].msgid));
        }
      g_assert_true (g_hash_table_contains (texts, translated));
    }
  for (guint i = 0; i < G_N_ELEMENTS (literal); i++)
    if (g_str_equal (literal[i].language, language))
      g_assert_true (g_hash_table_contains (texts, literal[i].text));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_language (gconstpointer data)
{
  const char *language = data;

  if (g_test_subprocess ())
    {
      check_window (language);
      return;
    }

  g_setenv ("LANGUAGE", language, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  gboolean subprocess = FALSE;
  g_autofree char *state = g_dir_make_tmp ("ccp-gui-i18n-XXXXXX", NULL);
  int status;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--GTestSubprocess"))
      subprocess = TRUE;
  /* The parent runs in English whatever the caller's environment says; each subprocess gets
   * the language its test set. */
  if (!subprocess)
    g_unsetenv ("LANGUAGE");

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  /* As src/gui/main.c: the .ui templates are translated in the default text domain. */
  ccp_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  /* Not gtk_test_init(): it forces the en_US locale (absent here, so C, where gettext ignores
   * LANGUAGE); gtk_init() calls setlocale (LC_ALL, "") as the application does. */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_data_func ("/gui/i18n/C", "C", test_language);
  g_test_add_data_func ("/gui/i18n/fr", "fr", test_language);
  g_test_add_data_func ("/gui/i18n/es", "es", test_language);
  g_test_add_data_func ("/gui/i18n/ru", "ru", test_language);
  g_test_add_data_func ("/gui/i18n/zh_CN", "zh_CN", test_language);
  g_test_add_data_func ("/gui/i18n/ar", "ar", test_language);

  status = g_test_run ();
  ccp_test_remove_tree (state);
  return status;
}
