/* test-gui-polish.c: papercuts of issue 17 found by trying the editor with the keyboard and a
 * screen reader's view: each SDG tile is one Tab stop that toggles with Space or Enter, and a
 * chosen tile's text contrasts with its colour; Tab from the last field of a section moves on
 * instead of wrapping to the header; accessible names without mnemonic underscores; named
 * section rows; the activity detail without the plan's raw UUID; a combo row shows its whole
 * choice; the coordinator's City suggests member cities; the printout (its file name, page
 * numbers, compact report). With CCP_POLISH_SHOTS=DIR, screenshots of what changed (and the
 * printout as PDF). */
#define G_LOG_DOMAIN "test-gui-polish"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "ccp-activity-editor.h"
#include "ccp-core.h"
#include "ccp-plan-editor.h"
#include "ccp-sdg-tile.h"
#include "ccp-activity-table.h"
#include "ccp-city-entry.h"
#include "ccp-field-plan-print.h"
#include "ccp-new-field-plan-dialog.h"
#include "ccp-workspace.h"
#include "ccp-window.h"
#include "ccp-gui-test-util.h"

typedef CcpGuiFileFixture Fixture;

/* With CCP_POLISH_SHOTS=DIR, renders a widget to DIR/name-LANGUAGE.png, to look at. */
#define SAVE_SHOT(widget, name) ccp_gui_save_shot ((widget), "CCP_POLISH_SHOTS", (name), 300)

static CcpWindow *
window_with_activity (CcpPlan *plan)
{
  CcpWindow *window = ccp_window_new (NULL);

  ccp_window_set_document (window, G_OBJECT (plan), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  ccp_plan_editor_add_activity (ccp_window_get_editor (window));
  spin (100);
  return window;
}

/* What Tab does: the window moves the focus forward. */
static GtkWidget *
press_tab (CcpWindow *window)
{
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* 17.7: each SDG tile is one Tab stop (the tile itself, which draws the focus ring), and what
 * Space or Enter do there (activate) toggles the goal. */
static void
test_sdg_tiles_keyboard (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  CcpWindow *window = window_with_activity (plan);
  CcpActivityEditor *page = ccp_plan_editor_get_activity_editor (ccp_window_get_editor (window));
  GtkWidget *first = ccp_activity_editor_get_code_toggle (page, "sdgs", "1");
  g_autoptr(CcpActivity) activity = g_list_model_get_item (
    G_LIST_MODEL (ccp_plan_get_activities (plan)), 0);
  GtkWidget *focus;

  g_assert_true (CCP_IS_SDG_TILE (first));
  ccp_activity_editor_focus_path (page, "sdgs");
  gtk_widget_grab_focus (first);
  spin (50);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == first);
  for (guint i = 2; i <= 17; i++)
    {
      g_autofree char *code = g_strdup_printf ("%u", i);
      GtkWidget *tile = ccp_activity_editor_get_code_toggle (page, "sdgs", code);

      focus = press_tab (window);
      if (focus != tile)
        g_error ("Tab from SDG %u went to a %s, not to the tile of SDG %u", i - 1,
                 G_OBJECT_TYPE_NAME (focus), i);
    }

  /* Space or Enter on the focused tile. */
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  g_assert_false (ccp_activity_has_code (ccp_activity_get_sdgs (activity), "17"));
  g_assert_true (gtk_widget_activate (focus));
  /* A button clicks 250 ms after its activation (GtkButton's activate timeout). */
  WAIT_FOR (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus)), 2000);
  g_assert_true (ccp_activity_has_code (ccp_activity_get_sdgs (activity), "17"));
  if (g_getenv ("CCP_POLISH_SHOTS") != NULL)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ccp_activity_editor_get_code_toggle (
                                      page, "sdgs", "7")), TRUE);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ccp_activity_editor_get_code_toggle (
                                      page, "sdgs", "14")), TRUE);
      SAVE_SHOT (GTK_WIDGET (window), "sdg-focus");
    }
  g_assert_true (gtk_widget_activate (focus));
  WAIT_FOR (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus)), 2000);
  g_assert_false (ccp_activity_has_code (ccp_activity_get_sdgs (activity), "17"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static double
luminance (const GdkRGBA *c)
{
  /* WCAG's relative luminance, with gamma 2 for sRGB's curve (no libm here). */
  return 0.2126 * c->red * c->red + 0.7152 * c->green * c->green + 0.0722 * c->blue * c->blue;
}

/* Polish: the text of a chosen SDG tile contrasts with its colour (white on the yellow of SDG 7
 * could hardly be read): at least 3:1, WCAG's minimum for large bold text. */
static void
test_sdg_tiles_contrast (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  CcpWindow *window = window_with_activity (plan);
  CcpActivityEditor *page = ccp_plan_editor_get_activity_editor (ccp_window_get_editor (window));
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();

  for (guint i = 1; i <= 17; i++)
    {
      g_autofree char *code = g_strdup_printf ("%u", i);
      GtkWidget *tile = ccp_activity_editor_get_code_toggle (page, "sdgs", code);
      GdkRGBA background, text;
      double lighter, darker;

      g_assert_true (gdk_rgba_parse (&background,
                                     ccp_vocabulary_get_color (vocabulary, "sdg", code)));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (tile), TRUE);
      spin (10);
      gtk_style_context_get_color (gtk_widget_get_style_context (tile), &text);
      lighter = MAX (luminance (&background), luminance (&text)) + 0.05;
      darker = MIN (luminance (&background), luminance (&text)) + 0.05;
      if (lighter / darker < 3.0)
        g_error ("SDG %s: text contrasts %.2f:1 with the tile", code, lighter / darker);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets what waits at low priority run first: a new plan's editor moves the focus to its first
 * field once more when the page is mapped (focus_after_switch()), which would otherwise come
 * after the test moved the focus itself. */
static void
run_low_priority_idles (void)
{
  gboolean done = FALSE;

  g_idle_add_full (G_PRIORITY_LOW + 1, set_flag_cb, &done, NULL);
  WAIT_FOR (done, 5000);
}

/* 17.7: Tab from "Half of the year", the last field of the Plan section, moves on; it does not
 * wrap around to the header bar. */
static void
test_tab_after_half (Fixture       *f,
                     gconstpointer  data)
{
  CcpWindow *window = ccp_window_new (NULL);
  CcpPlanEditor *editor;
  GtkWidget *half, *focus;

  ccp_window_new_plan (window);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  editor = ccp_window_get_editor (window);
  half = ccp_plan_editor_get_input (editor, "period");
  g_assert_nonnull (half);
  run_low_priority_idles ();
  gtk_widget_grab_focus (half);
  spin (50);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == half || gtk_widget_is_ancestor (focus, half));
  /* On to the Contacts section's row, in the editor; Enter there opens it. */
  focus = press_tab (window);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (editor)));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_cmpstr (ccp_plan_editor_get_visible_section (editor), ==, "city");
  g_assert_true (gtk_widget_activate (focus));
  spin (50);
  g_assert_cmpstr (ccp_plan_editor_get_visible_section (editor), ==, "contacts");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_mnemonic_button (GtkWidget     *widget,
                    gconstpointer  data)
{
  /* What is on screen (a screen reader is not shown hidden widgets). */
  return GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
         gtk_button_get_label (GTK_BUTTON (widget)) != NULL && gtk_widget_get_mapped (widget);
}

/* "New _City Plan" -> "New City Plan"; "__" is a literal "_". */
static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        g_string_append_c (out, *p++);
      else if (*p != '_')
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Polish: no accessible name carries a mnemonic underscore ("_New City Plan New City Plan"
 * read by a screen reader): every button with a mnemonic has its label without it as its
 * accessible label. The start page, the editor with an activity, the workspace. */
static void
check_mnemonic_names (GtkWidget *root)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint bad = 0;

  ccp_gui_collect (root, is_mnemonic_button, NULL, buttons);
  g_assert_cmpuint (buttons->len, >, 0);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      g_autofree char *expected = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (button)));
      g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   expected);

      if (error != NULL)
        {
          g_test_message ("button “%s”: %s", gtk_button_get_label (GTK_BUTTON (button)), error);
          bad++;
        }
    }
  g_assert_cmpuint (bad, ==, 0);
}

static void
test_mnemonic_names (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  CcpWindow *start = ccp_window_new (NULL);
  CcpWindow *window;

  gtk_window_present (GTK_WINDOW (start));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (start)), 5000);
  check_mnemonic_names (GTK_WIDGET (start));
  gtk_window_destroy (GTK_WINDOW (start));

  window = window_with_activity (plan);
  check_mnemonic_names (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The rows of the list whose accessible label is `list_name`. */
static void
collect_rows_of (GtkWidget  *root,
                 const char *list_name,
                 GPtrArray  *found)
{
  if (GTK_IS_LIST_BOX (root))
    {
      g_autofree char *error = gtk_test_accessible_check_property (
                                 GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, list_name);

      if (error == NULL)
        {
          for (GtkWidget *row = gtk_widget_get_first_child (root); row != NULL;
               row = gtk_widget_get_next_sibling (row))
            if (gtk_widget_get_visible (row))
              g_ptr_array_add (found, row);
          return;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows_of (child, list_name, found);
}

/* Polish: the editor's section rows ("City and Period", "Contacts") have accessible names (a
 * plain GtkListBoxRow has none in GTK 4.8, whatever its labels say). */
static void
test_section_row_names (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  CcpWindow *window = window_with_activity (plan);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint named = 0;

  collect_rows_of (GTK_WIDGET (window), "Plan sections", rows);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkAccessible *row = g_ptr_array_index (rows, i);

      if (gtk_test_accessible_has_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
          gtk_test_accessible_has_relation (row, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        named++;
      else
        g_test_message ("a row without a name under a %s",
                        G_OBJECT_TYPE_NAME (gtk_widget_get_parent (GTK_WIDGET (row))));
    }
  g_assert_cmpuint (named, ==, rows->len);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_subtitles (GtkWidget *root,
                   GString   *out)
{
  if (ADW_IS_ACTION_ROW (root))
    g_string_append_printf (out, "%s | %s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)),
                            adw_action_row_get_subtitle (ADW_ACTION_ROW (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_subtitles (child, out);
}

/* Polish: the coordinator's activity detail names each city's country and plan file, not the
 * plan's raw UUID. */
static void
test_detail_without_uuid (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"),
                                            "music-2027-h1-field-plan.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  CcpWorkspace *workspace = CCP_WORKSPACE (ccp_workspace_new ());
  CcpActivityTable *table;
  CcpActivity *activity;
  GListModel *attributions;
  GtkWindow *detail;

  g_assert_no_error (error);
  gtk_window_set_child (window, GTK_WIDGET (workspace));
  gtk_window_present (window);
  ccp_workspace_set_field_plan (workspace, CCP_FIELD_PLAN (document), file);
  table = ccp_workspace_get_activity_table (workspace);
  WAIT_FOR (ccp_activity_table_get_n_visible (table) > 0, 10000);
  activity = ccp_activity_table_get_visible (table, 0);
  detail = ccp_activity_table_show_activity (table, activity);
  spin (50);
  collect_subtitles (GTK_WIDGET (detail), text);
  attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
  g_assert_cmpuint (g_list_model_get_n_items (attributions), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (attributions); i++)
    {
      g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, i);
      const char *name = ccp_iso_codes_get_country_name (ccp_iso_codes_get_default (),
                                                         ccp_attribution_get_country (attribution));

      if (strstr (text->str, ccp_attribution_get_plan_id (attribution)) != NULL)
        g_error ("the detail shows the plan's UUID: %s", text->str);
      g_assert_nonnull (name);
      g_assert_nonnull (strstr (text->str, name));
    }
  SAVE_SHOT (GTK_WIDGET (detail), "activity-detail");

  gtk_window_destroy (detail);
  WAIT_FOR (ccp_workspace_get_n_pending (workspace) == 0, 60000);
  gtk_window_destroy (window);
  spin (50);
}

/* Polish: the chosen kind is shown whole in its row, not "Workshop or capacity-b…". */
static void
test_kind_not_truncated (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  CcpWindow *window;
  CcpActivityEditor *page;
  GtkWidget *kind;
  g_autoptr(CcpActivity) activity = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  window = window_with_activity (plan);
  activity = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), 0);
  ccp_activity_set_kind (activity, "workshop-capacity-building");
  page = ccp_plan_editor_get_activity_editor (ccp_window_get_editor (window));
  kind = ccp_activity_editor_get_input (page, "kind");
  g_assert_nonnull (kind);
  ccp_activity_editor_focus_path (page, "kind");
  spin (200);
  SAVE_SHOT (GTK_WIDGET (window), "kind-row");
  /* Every label of the row shows its whole text. */
  {
    GtkWidget *stack[64];
    guint n = 0;

    stack[n++] = kind;
    while (n > 0)
      {
        GtkWidget *w = stack[--n];

        if (GTK_IS_LABEL (w) && gtk_widget_get_mapped (w) &&
            gtk_label_get_ellipsize (GTK_LABEL (w)) != PANGO_ELLIPSIZE_NONE)
          {
            PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (w));

            if (pango_layout_is_ellipsized (layout))
              g_error ("“%s” is cut short", gtk_label_get_text (GTK_LABEL (w)));
          }
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && n < 64;
             c = gtk_widget_get_next_sibling (c))
          stack[n++] = c;
      }
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_city_entry_titled (GtkWidget     *widget,
                      gconstpointer  title)
{
  return CCP_IS_CITY_ENTRY (widget) &&
         g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title);
}

/* Polish: the coordinator's City suggests member cities, and picking one fills in its
 * country. */
static void
test_coordinator_city (Fixture       *f,
                       gconstpointer  data)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  CcpNewFieldPlanDialog *dialog;
  CcpCityEntry *city;
  g_autoptr(CcpFieldPlan) field_plan = NULL;
  CcpContact *coordinator;

  gtk_window_present (parent);
  dialog = ccp_new_field_plan_dialog_new (parent);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (dialog)), 5000);
  city = CCP_CITY_ENTRY (ccp_gui_find (GTK_WIDGET (dialog), is_city_entry_titled,
                                       g_dgettext (GETTEXT_PACKAGE, "C_ity")));
  g_assert_nonnull (city);
  gtk_widget_grab_focus (GTK_WIDGET (city));
  gtk_editable_set_text (GTK_EDITABLE (city), "Katow");
  WAIT_FOR (ccp_city_entry_get_n_suggestions (city) > 0, 5000);
  WAIT_FOR (ccp_city_entry_get_suggestions_shown (city), 5000);
  SAVE_SHOT (GTK_WIDGET (dialog), "coordinator-city");
  ccp_city_entry_choose (city, 0);
  spin (50);
  SAVE_SHOT (GTK_WIDGET (dialog), "coordinator-city-chosen");

  field_plan = ccp_new_field_plan_dialog_create_field_plan (dialog);
  coordinator = ccp_field_plan_get_coordinator (field_plan);
  g_assert_cmpstr (ccp_contact_get_city (coordinator), ==, "Katowice");
  g_assert_cmpstr (ccp_contact_get_country (coordinator), ==, "PL");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (parent);
  spin (50);
}

/* Whether every "SDGs" of text is followed by a number (isolation marks and spaces aside): an
 * activity without SDGs has no bare label. */
static gboolean
sdgs_have_numbers (const char *text)
{
  for (const char *at = strstr (text, "SDGs"); at != NULL; at = strstr (at + 1, "SDGs"))
    {
      const char *next = at + strlen ("SDGs");

      while (*next != '\0' && (g_ascii_isspace (*next) || g_str_has_prefix (next, "\xe2\x81\xa8")))
        next = g_ascii_isspace (*next) ? next + 1 : next + 3;
      if (!g_ascii_isdigit (*next))
        return FALSE;
    }
  return TRUE;
}

/* Polish: the printout proposes FIELD-PERIOD.pdf, numbers its pages, lists the member cities
 * without a plan as one paragraph of names (not 80 lines of "… has not sent a plan"), and has
 * no bare "SDGs" for an activity without any. */
static void
test_printout (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"),
                                            "music-2027-h1-field-plan.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ccp-print-XXXXXX", NULL);
  const char *shots = g_getenv ("CCP_POLISH_SHOTS");
  g_autofree char *name = g_strdup_printf ("printout-%s.pdf", g_getenv ("LANGUAGE") != NULL
                                                               ? g_getenv ("LANGUAGE") : "C");
  g_autofree char *pdf = g_build_filename (shots != NULL ? shots : dir, name, NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  GtkPrintSettings *settings;
  int status = 0;

  g_assert_no_error (error);
  operation = ccp_field_plan_print_operation_new (CCP_FIELD_PLAN (document));
  settings = gtk_print_operation_get_print_settings (operation);
  g_assert_nonnull (settings);
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==,
                   "music-2027-H1");
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT), ==,
                   "pdf");

  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                            &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  if (pdftotext == NULL)
    {
      ccp_test_remove_tree (dir);
      g_test_skip ("no pdftotext (poppler-utils) to read the printout back");
      return;
    }
  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", pdf, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text,
                  NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  if (g_getenv ("LANGUAGE") == NULL || g_str_has_prefix (g_getenv ("LANGUAGE"), "en"))
    {
      g_assert_nonnull (strstr (text, "Page 1 of "));
      g_assert_null (strstr (text, "has not sent a plan"));
      g_assert_nonnull (strstr (text, "Member Cities Without a Plan ("));
      g_assert_true (sdgs_have_numbers (text));
      /* The dates for people, not ISO. */
      g_assert_nonnull (strstr (text, "2027"));
      g_assert_null (strstr (text, "2027-05-17 "));
    }
  ccp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  char *state = NULL;

  g_autoptr(GtkCssProvider) style = NULL;

  if (g_getenv ("CCP_POLISH_SHOTS") != NULL && g_getenv ("LANGUAGE") != NULL)
    {
      /* Screenshots in the caller's language, which gtk_test_init() would force to English
       * (as test-gui-compare does): English assertions do not stop the run then. */
      state = g_dir_make_tmp ("ccp-gui-state-XXXXXX", NULL);
      g_setenv ("XDG_STATE_HOME", state, TRUE);
      ccp_i18n_init ();
      textdomain (GETTEXT_PACKAGE);
      g_test_init (&argc, &argv, NULL);
      gtk_init ();
      adw_init ();
      g_test_set_nonfatal_assertions ();
    }
  else
    state = ccp_gui_test_init (&argc, &argv);
  style = gtk_css_provider_new ();

  /* As the application looks: AdwApplication loads style.css by itself, a bare window not. */
  gtk_css_provider_load_from_resource (style, "/org/creativecities/Plans/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, ccp_gui_file_fixture_set_up, func, ccp_gui_file_fixture_tear_down)
  ADD ("/gui/polish/sdg-tiles-keyboard", test_sdg_tiles_keyboard);
  ADD ("/gui/polish/sdg-tiles-contrast", test_sdg_tiles_contrast);
  ADD ("/gui/polish/tab-after-half", test_tab_after_half);
  ADD ("/gui/polish/mnemonic-names", test_mnemonic_names);
  ADD ("/gui/polish/section-row-names", test_section_row_names);
  ADD ("/gui/polish/detail-without-uuid", test_detail_without_uuid);
  ADD ("/gui/polish/kind-not-truncated", test_kind_not_truncated);
  ADD ("/gui/polish/printout", test_printout);
  ADD ("/gui/polish/coordinator-city", test_coordinator_city);
#undef ADD

  return ccp_gui_test_run (state);
}
