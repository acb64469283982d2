/* ccp-workspace-compare.c: the workspace's comparison pages: "What Changed" (shown when a city
 * sent its plan again), "Periods" (the previous period beside this one) and "Fields" (shown for
 * a network overview). Their actions are in the group "compare": what-changed (the SHA-256 of
 * a superseded source) and open-previous. */
#define G_LOG_DOMAIN "ccp-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-workspace-compare.h"
#include "ccp-workspace-private.h"

static void
what_changed_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  ccp_workspace_show_what_changed (CCP_WORKSPACE (user_data),
                                   g_variant_get_string (parameter, NULL));
}

static void
open_previous_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  CcpWorkspace *self = CCP_WORKSPACE (user_data);

  adw_view_stack_set_visible_child_name (self->view_stack, "periods");
  ccp_period_view_choose (self->period_view);
}

static const GActionEntry actions[] = {
  { "what-changed", what_changed_activated, "s", NULL, NULL, { 0 } },
  { "open-previous", open_previous_activated, NULL, NULL, NULL, { 0 } },
};

void
_ccp_workspace_compare_init (CcpWorkspace *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  self->revisions_view = CCP_REVISIONS_VIEW (ccp_revisions_view_new ());
  self->revisions_page = adw_view_stack_add_titled (self->view_stack,
                                                    GTK_WIDGET (self->revisions_view),
                                                    "what-changed",
                                                    /* Translators: a page of the workspace:
                                                     * the changes between the revisions a
                                                     * city sent */
                                                    _("What Changed"));
  adw_view_stack_page_set_icon_name (self->revisions_page, "document-edit-symbolic");
  adw_view_stack_page_set_visible (self->revisions_page, FALSE);

  self->period_view = CCP_PERIOD_VIEW (ccp_period_view_new ());
  adw_view_stack_page_set_icon_name (
    adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->period_view), "periods",
                               /* Translators: a page of the workspace: this period beside the
                                * previous one */
                               _("Periods")),
    "x-office-calendar-symbolic");

  self->network_view = CCP_NETWORK_VIEW (ccp_network_view_new ());
  self->network_page = adw_view_stack_add_titled (self->view_stack,
                                                  GTK_WIDGET (self->network_view), "fields",
                                                  /* Translators: a page of the network
                                                   * overview: the creative fields side by
                                                   * side */
                                                  _("Fields"));
  adw_view_stack_page_set_icon_name (self->network_page, "view-dual-symbolic");
  adw_view_stack_page_set_visible (self->network_page, FALSE);

  g_action_map_add_action_entries (G_ACTION_MAP (group), actions, G_N_ELEMENTS (actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "compare", G_ACTION_GROUP (group));
}

void
_ccp_workspace_compare_update (CcpWorkspace *self)
{
  GFile *file = ccp_workspace_get_file (self);
  g_autoptr(GFile) folder = file ? g_file_get_parent (file) : NULL;
  gboolean network = ccp_network_view_applies_to (self->current);

  if (self->revisions_view == NULL)
    return;

  ccp_revisions_view_set_field_plan (self->revisions_view, self->current, self->files, folder);
  adw_view_stack_page_set_visible (self->revisions_page,
                                   ccp_revisions_view_get_n_pairs (self->revisions_view) > 0);
  adw_view_stack_page_set_badge_number (self->revisions_page,
                                        ccp_revisions_view_get_n_pairs (self->revisions_view));
  ccp_period_view_set_current (self->period_view, self->current);
  ccp_network_view_set_field_plan (self->network_view, network ? self->current : NULL);
  adw_view_stack_page_set_visible (self->network_page, network);
}

CcpRevisionsView *
ccp_workspace_get_revisions_view (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), NULL);

  return self->revisions_view;
}

CcpPeriodView *
ccp_workspace_get_period_view (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), NULL);

  return self->period_view;
}

CcpNetworkView *
ccp_workspace_get_network_view (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), NULL);

  return self->network_view;
}

gboolean
ccp_workspace_show_what_changed (CcpWorkspace *self,
                                 const char   *sha256)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), FALSE);

  if (!ccp_revisions_view_select_sha256 (self->revisions_view, sha256))
    return FALSE;
  adw_view_stack_set_visible_child_name (self->view_stack, "what-changed");
  return TRUE;
}
