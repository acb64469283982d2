/* The activity page's harder inputs through their widgets: the calendar popover of a date,
 * the joint-activity reference's copy and paste buttons, partner cities, partner organisations
 * and expected results edited in their rows, funding sources in their text box (checked in the
 * saved file); and the search of a long activity list. */
#define G_LOG_DOMAIN "test-gui-fields"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ccp-activity-editor.h"
#include "ccp-choices.h"
#include "ccp-city-entry.h"
#include "ccp-date-row.h"
#include "ccp-partner-row.h"
#include "ccp-plan-editor.h"
#include "ccp-result-row.h"
#include "ccp-window.h"
#include "ccp-gui-test-util.h"
#include "ccp-test-util.h"

static CcpWindow *
new_window (CcpPlan **out_plan)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  CcpWindow *window = ccp_window_new (NULL);

  ccp_plan_set_period (plan, "2027-H1");
  ccp_window_set_document (window, G_OBJECT (plan), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  *out_plan = g_object_ref (plan);
  return window;
}

static void
type_text (GtkWidget  *input,
           const char *text)
{
  gtk_widget_grab_focus (input);
  gtk_editable_set_text (GTK_EDITABLE (input), text);
  spin (20);
}

/* A key press as the focused input's key controllers see it; TRUE when one handled it. */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; !handled && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0,
                               &handled);
    }
  g_object_unref (controllers);
  spin (20);
  return handled;
}

static void
test_calendar (void)
{
  g_autoptr(CcpPlan) plan = NULL;
  CcpWindow *window = new_window (&plan);
  CcpPlanEditor *editor = ccp_window_get_editor (window);
  CcpActivityEditor *page = ccp_plan_editor_get_activity_editor (editor);
  CcpActivity *activity = ccp_plan_editor_add_activity (editor);
  CcpDateRow *start = CCP_DATE_ROW (ccp_activity_editor_get_input (page, "start-date"));
  GtkMenuButton *button = ccp_date_row_get_button (start);
  GtkCalendar *calendar = ccp_date_row_get_calendar (start);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) pick = NULL;

  /* A typed date is the one the calendar opens on. */
  type_text (GTK_WIDGET (start), "2027-03-14");
  /* A popover is placed on a monitor: wait until the window's surface has one. */
  WAIT_FOR (gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (window)),
                                                gtk_native_get_surface (GTK_NATIVE (window)))
            != NULL, 5000);
  spin (200);
  gtk_menu_button_popup (button);
  WAIT_FOR (gtk_widget_get_mapped (popover), 2000);
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2027);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 14);
  g_assert_cmpstr (ccp_activity_get_start_date (activity), ==, "2027-03-14");

  /* Picking a day writes it as ISO 8601 and closes the popover. */
  pick = g_date_time_new_local (2027, 4, 2, 12, 0, 0);
  gtk_calendar_select_day (calendar, pick);
  WAIT_FOR (!gtk_widget_get_mapped (popover), 2000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "2027-04-02");
  g_assert_cmpstr (ccp_activity_get_start_date (activity), ==, "2027-04-02");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
read_clipboard_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **out = user_data;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*out == NULL)
    *out = g_strdup ("");
}

static void
test_joint_ref_clipboard (void)
{
  g_autoptr(CcpPlan) plan = NULL;
  CcpWindow *window = new_window (&plan);
  CcpPlanEditor *editor = ccp_window_get_editor (window);
  CcpActivityEditor *page = ccp_plan_editor_get_activity_editor (editor);
  CcpActivity *first = ccp_plan_editor_add_activity (editor);
  CcpActivity *second;
  GtkWidget *input = ccp_activity_editor_get_input (page, "joint-ref");
  g_autofree char *copied = NULL;
  const char *ref = "joint-2027-bologna-leiria-7c1e";

  type_text (input, ref);
  g_assert_cmpstr (ccp_activity_get_joint_ref (first), ==, ref);

  /* Copy puts it on the clipboard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "activity.copy-joint-ref", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL,
                                 read_clipboard_cb, &copied);
  WAIT_FOR (copied != NULL, 2000);
  g_assert_cmpstr (copied, ==, ref);

  /* Paste in another activity: the same reference, spaces trimmed. */
  second = ccp_plan_editor_add_activity (editor);
  g_assert_true (ccp_activity_editor_get_activity (page) == second);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)),
                          "  joint-2027-bologna-leiria-7c1e\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "activity.paste-joint-ref", NULL));
  WAIT_FOR (g_strcmp0 (ccp_activity_get_joint_ref (second), ref) == 0, 2000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, ref);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
last_row (CcpActivityEditor *page,
          const char        *list)
{
  return gtk_widget_get_last_child (GTK_WIDGET (ccp_activity_editor_get_list (page, list)));
}

static void
test_lists_and_funding (void)
{
  g_autoptr(CcpPlan) plan = NULL;
  CcpWindow *window = new_window (&plan);
  CcpPlanEditor *editor = ccp_window_get_editor (window);
  CcpActivityEditor *page = ccp_plan_editor_get_activity_editor (editor);
  CcpActivity *activity = ccp_plan_editor_add_activity (editor);
  GtkWidget *row, *input;
  CcpPartner *partner;
  CcpResult *result;
  g_autofree char *dir = g_dir_make_tmp ("ccp-fields-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "lists.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;

  /* A partner city: the add button gives a row; the name comes from the registry with its
   * country and field (any field). */
  g_signal_emit_by_name (ccp_activity_editor_get_add_button (page, "partner-cities"), "clicked");
  /* The suggestions popover is placed beside the new row: let the row get its size first. */
  spin (300);
  row = last_row (page, "partner-cities");
  g_assert_true (CCP_IS_PARTNER_ROW (row));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  partner = ccp_partner_row_get_partner (CCP_PARTNER_ROW (row));
  input = ccp_partner_row_get_input (CCP_PARTNER_ROW (row), "name");
  WAIT_FOR (gtk_widget_get_mapped (input), 5000);
  /* Part of the name shows the suggestions; Down walks them and Enter picks one. */
  type_text (input, "Leir");
  g_assert_cmpuint (ccp_city_entry_get_n_suggestions (CCP_CITY_ENTRY (input)), ==, 1);
  WAIT_FOR (ccp_city_entry_get_suggestions_shown (CCP_CITY_ENTRY (input)), 2000);
  g_assert_true (press_key (input, GDK_KEY_Down));
  g_assert_true (press_key (input, GDK_KEY_Return));
  WAIT_FOR (!ccp_city_entry_get_suggestions_shown (CCP_CITY_ENTRY (input)), 2000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, "Leiria");
  g_assert_cmpstr (ccp_partner_get_name (partner), ==, "Leiria");
  g_assert_cmpstr (ccp_partner_get_country (partner), ==, "PT");
  g_assert_cmpstr (ccp_choices_get_selected (G_OBJECT (ccp_partner_row_get_input (CCP_PARTNER_ROW (row), "country"))),
                   ==, "PT");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Leiria");
  g_assert_false (ccp_activity_get_partner_cities_none (activity));

  /* A partner organisation: name (markup characters stay text) and sector. */
  g_signal_emit_by_name ((ccp_activity_editor_get_add_button (page,
                                                                       "partner-organisations")), "clicked");
  spin (20);
  row = last_row (page, "partner-organisations");
  partner = ccp_partner_row_get_partner (CCP_PARTNER_ROW (row));
  type_text (ccp_partner_row_get_input (CCP_PARTNER_ROW (row), "name"), "Conservatorio & <Co>");
  ccp_choices_select (G_OBJECT (ccp_partner_row_get_input (CCP_PARTNER_ROW (row), "sector")),
                      "academic");
  g_assert_cmpstr (ccp_partner_get_name (partner), ==, "Conservatorio & <Co>");
  g_assert_cmpstr (ccp_partner_get_sector (partner), ==, "academic");

  /* Two expected results with indicators; the second then removed by its row's button. */
  for (guint i = 0; i < 2; i++)
    {
      g_signal_emit_by_name ((ccp_activity_editor_get_add_button (page, "results")), "clicked");
      spin (20);
      row = last_row (page, "results");
      type_text (ccp_result_row_get_input (CCP_RESULT_ROW (row), "outcome"),
                 i == 0 ? "More residents attend live music" : "Throwaway");
      type_text (ccp_result_row_get_input (CCP_RESULT_ROW (row), "indicator"),
                 i == 0 ? "Attendance over 20,000" : "None");
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_activity_get_results (activity))),
                    ==, 2);
  result = ccp_result_row_get_result (CCP_RESULT_ROW (row));
  g_assert_cmpstr (ccp_result_get_outcome (result), ==, "Throwaway");
  ccp_item_list_remove (ccp_activity_get_results (activity), 1);
  spin (20);
  row = last_row (page, "results");
  g_assert_cmpstr (ccp_result_get_outcome (ccp_result_row_get_result (CCP_RESULT_ROW (row))), ==,
                   "More residents attend live music");

  /* Funding: one source per line of the text box. */
  {
    GtkTextView *view = GTK_TEXT_VIEW (ccp_activity_editor_get_input (page, "funding-text"));
    const char * const *funding;

    g_assert_true (GTK_IS_TEXT_VIEW (view));
    gtk_widget_grab_focus (GTK_WIDGET (view));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view),
                              "City of Bologna\n\n  Emilia-Romagna Region  \n", -1);
    spin (20);
    funding = ccp_activity_get_funding (activity);
    g_assert_cmpuint (g_strv_length ((char **) funding), ==, 2);
    g_assert_cmpstr (funding[0], ==, "City of Bologna");
    g_assert_cmpstr (funding[1], ==, "Emilia-Romagna Region");
  }

  /* The saved file holds exactly that. */
  g_assert_true (ccp_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, &error));
  g_assert_nonnull (strstr (saved, ">Leiria</"));
  g_assert_nonnull (strstr (saved, "country=\"PT\""));
  g_assert_nonnull (strstr (saved, "Conservatorio &amp; &lt;Co&gt;"));
  g_assert_nonnull (strstr (saved, "sector=\"academic\""));
  g_assert_nonnull (strstr (saved, "More residents attend live music"));
  g_assert_nonnull (strstr (saved, "Attendance over 20,000"));
  g_assert_null (strstr (saved, "Throwaway"));
  g_assert_nonnull (strstr (saved, ">City of Bologna<"));
  g_assert_nonnull (strstr (saved, ">Emilia-Romagna Region<"));

  g_unlink (path);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_unlink (backup);
  }
  ccp_test_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search (void)
{
  g_autoptr(CcpPlan) plan = NULL;
  CcpWindow *window = new_window (&plan);
  CcpPlanEditor *editor = ccp_window_get_editor (window);
  GtkSearchEntry *search = ccp_plan_editor_get_search_entry (editor);
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (ccp_plan_editor_get_activities_view (editor)));

  /* Short lists have no search; it appears once the list is long. */
  for (guint i = 0; i < 12; i++)
    {
      CcpActivity *activity = ccp_plan_editor_add_activity (editor);
      g_autofree char *title = g_strdup_printf (i % 3 == 0 ? "Jazz night %u" : "Workshop %u", i);

      ccp_activity_set_title (activity, title);
      if (i == 2)
        g_assert_false (gtk_widget_get_visible (GTK_WIDGET (search)));
    }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (search)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 12);

  /* Typing filters by title, ignoring case. */
  gtk_editable_set_text (GTK_EDITABLE (search), "JAZZ");
  WAIT_FOR (g_list_model_get_n_items (shown) == 4, 2000);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (shown, i);

      g_assert_true (g_str_has_prefix (ccp_activity_get_title (activity), "Jazz night"));
    }
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  WAIT_FOR (g_list_model_get_n_items (shown) == 12, 2000);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  char *state = ccp_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/fields/calendar", test_calendar);
  g_test_add_func ("/gui/fields/joint-ref-clipboard", test_joint_ref_clipboard);
  g_test_add_func ("/gui/fields/lists-and-funding", test_lists_and_funding);
  g_test_add_func ("/gui/fields/search", test_search);

  return ccp_gui_test_run (state);
}
