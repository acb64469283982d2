/* ccp-workspace-screenshots: renders the coordinator's workspace (overview, city plans,
 * activities, merge report) with the example plans merged, to PNG.
 * Usage: ccp-workspace-screenshots OUTDIR light|dark|rtl
 * Run under Xvfb with GSK_RENDERER=cairo (tests/gui/workspace-screenshots.sh does). */
#define G_LOG_DOMAIN "ccp-workspace-screenshots"

#include "config.h"

#include <adwaita.h>

#include "ccp-workspace.h"
#include "ccp-gui-test-util.h"

int
main (int   argc,
      char *argv[])
{
  static const char *examples[] = {
    "bologna-music-2027-h1.xml", "liverpool-music-2027-h1.xml", "medellin-music-2027-h1.xml",
  };
  static const char *pages[] = { "overview", "sources", "activities", "report" };
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(CcpFieldPlan) field_plan = ccp_field_plan_new ();
  GtkWidget *window, *box, *header;
  CcpWorkspace *workspace;
  const char *dir, *variant;
  g_autofree char *state = NULL;

  state = ccp_gui_shots_init (argc, argv, "", &dir, &variant);

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"), examples[i],
                                                NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_list_store_append (files, file);
    }
  {
    g_autoptr(GPtrArray) members = ccp_registry_list_field (ccp_registry_get_default (),
                                                            "music");

    ccp_field_plan_set_id (field_plan, "field-music-2027-H1");
    ccp_field_plan_set_field (field_plan, "music");
    ccp_field_plan_set_period (field_plan, "2027-H1");
    ccp_field_plan_set_revision (field_plan, 1);
    ccp_contact_set_name (ccp_field_plan_get_coordinator (field_plan), "Ana Ferreira");
    ccp_contact_set_city (ccp_field_plan_get_coordinator (field_plan), "Idanha-a-Nova");
    for (guint i = 0; i < members->len; i++)
      {
        CcpMemberCity *city = g_ptr_array_index (members, i);
        g_autoptr(CcpPartner) member = ccp_partner_new_city (ccp_member_city_get_name (city),
                                                             ccp_member_city_get_country (city),
                                                             "music");

        ccp_item_list_append (ccp_field_plan_get_roster (field_plan), member);
      }
  }

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("music-2027-h1-field-plan.xml",
                                                         NULL));
  gtk_box_append (GTK_BOX (box), header);
  workspace = CCP_WORKSPACE (ccp_workspace_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (workspace), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (workspace));
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  ccp_workspace_set_new_field_plan (workspace, field_plan);
  spin (300);
  ccp_gui_shots_save (window, dir, "workspace-", "empty", variant);
  ccp_workspace_add_files (workspace, G_LIST_MODEL (files));
  WAIT_FOR (!ccp_workspace_get_busy (workspace), 60000);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *stack = GTK_WIDGET (ccp_workspace_get_source_table (workspace));

      stack = gtk_widget_get_ancestor (stack, ADW_TYPE_VIEW_STACK);
      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), pages[i]);
      spin (800);
      ccp_gui_shots_save (window, dir, "workspace-", pages[i], variant);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  ccp_test_remove_tree (state);
  return 0;
}
