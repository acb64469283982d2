/* ccp-activity-conflicts.c: the joint conflicts of an activity in its detail window, and the
 * coordinator's choice of which city's value to keep. */
#define G_LOG_DOMAIN "ccp-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-activity-conflicts.h"

/* "Keep" on a city's value of a conflict: the coordinator's choice, recorded in the field plan
 * (ccp_field_plan_choose()) with who chose and when; the detail window closes, its values
 * being out of date. */
static void
keep_clicked_cb (GtkButton    *button,
                 CcpFieldPlan *field_plan)
{
  GObject *object = G_OBJECT (button);
  CcpContact *coordinator;
  const char *who = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  coordinator = ccp_field_plan_get_coordinator (field_plan);
  if (coordinator != NULL)
    who = ccp_contact_get_name (coordinator);
  if (who == NULL || *who == '\0')
    who = g_get_real_name ();
  if (ccp_field_plan_choose (field_plan, g_object_get_data (object, "activity"),
                             g_object_get_data (object, "field"),
                             g_object_get_data (object, "city"),
                             g_object_get_data (object, "country"), who, when))
    gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))));
}

/* The joint conflicts of the activity, as the merge report says them, each city's value with
 * a button to keep it. */
void
ccp_activity_conflicts_add (AdwPreferencesPage *page,
                            CcpFieldPlan       *field_plan,
                            CcpActivity        *activity)
{
  const char *joint_ref = ccp_activity_get_joint_ref (activity);
  AdwPreferencesGroup *group = NULL;
  GListModel *report;

  g_return_if_fail (ADW_IS_PREFERENCES_PAGE (page));
  g_return_if_fail (CCP_IS_FIELD_PLAN (field_plan));
  g_return_if_fail (CCP_IS_ACTIVITY (activity));

  if (*joint_ref == '\0')
    return;
  report = G_LIST_MODEL (ccp_field_plan_get_report (field_plan));
  for (guint i = 0; i < g_list_model_get_n_items (report); i++)
    {
      g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);
      g_autofree char *text = NULL;
      GtkWidget *row;

      if (!g_str_equal (ccp_report_item_get_kind (item), "joint-conflict") ||
          !g_str_equal (ccp_report_item_get_joint_ref (item), joint_ref))
        continue;
      if (group == NULL)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, _("Conflicts Between the Cities"));
          adw_preferences_group_set_description (group,
                                                 _("The cities disagree on these shared "
                                                   "fields: one value is kept."));
        }
      text = ccp_report_describe_item_isolated (item);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_preferences_group_add (group, row);
      for (guint c = 0; c < ccp_report_item_get_n_copies (item); c++)
        {
          const char * const *copy = ccp_report_item_get_copy (item, c);
          GtkWidget *city_row, *button;
          GObject *object;

          if (g_str_equal (copy[0], ccp_report_item_get_city (item)) &&
              g_str_equal (copy[1], ccp_report_item_get_country (item)))
            continue;   /* the value kept */
          city_row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (city_row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (city_row), copy[0]);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (city_row), copy[3]);
          button = gtk_button_new_with_mnemonic (_("_Keep This Value"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("Keep this city’s value in the field plan; "
                                                 "the choice is recorded with your name"));
          object = G_OBJECT (button);
          g_object_set_data_full (object, "activity", g_strdup (ccp_activity_get_id (activity)),
                                  g_free);
          g_object_set_data_full (object, "field", g_strdup (ccp_report_item_get_code (item)),
                                  g_free);
          g_object_set_data_full (object, "city", g_strdup (copy[0]), g_free);
          g_object_set_data_full (object, "country", g_strdup (copy[1]), g_free);
          /* The page lives in a modal window: the field plan outlives it. */
          g_signal_connect (button, "clicked", G_CALLBACK (keep_clicked_cb), field_plan);
          adw_action_row_add_suffix (ADW_ACTION_ROW (city_row), button);
          adw_preferences_group_add (group, city_row);
        }
    }
  if (group != NULL)
    adw_preferences_page_add (page, group);
}

