/* ccp-workspace-cycle.c: the workspace's part of the six-month cycle (issue 18): the Status page
 * (CcpStatusPage), whose reviews, locking and reopening change the field plan shown. */
#define G_LOG_DOMAIN "ccp-workspace-cycle"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-review-flow.h"
#include "ccp-status-page.h"
#include "ccp-workspace-private.h"

static void
status_changed_cb (CcpWorkspace *self)
{
  /* A review changes the field plan itself: it becomes what further plans are merged into,
   * as a save does, or the next merge (from the base) would lose it. */
  if (self->current != NULL && self->current != self->base)
    {
      g_set_object (&self->base, self->current);
      self->merge_into = TRUE;
      g_ptr_array_set_size (self->inputs, 0);
    }
  _ccp_workspace_set_modified (self, TRUE);
  _ccp_workspace_update_views (self);
}

void
_ccp_workspace_cycle_init (CcpWorkspace *self)
{
  AdwViewStackPage *page;

  self->status_page = CCP_STATUS_PAGE (ccp_status_page_new ());
  page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->status_page), "status",
                                    _("Status"));
  adw_view_stack_page_set_icon_name (page, "mail-send-receive-symbolic");
  g_signal_connect_swapped (self->status_page, "changed", G_CALLBACK (status_changed_cb), self);
}

void
_ccp_workspace_cycle_update (CcpWorkspace *self)
{
  ccp_status_page_set_field_plan (self->status_page, self->current, self->files);
}

typedef struct {
  CcpWorkspace *self;
  GListModel   *files;
} AddFiles;

static void
reopened_cb (gpointer user_data,
             gboolean changed)
{
  AddFiles *add = user_data;

  if (changed)
    status_changed_cb (add->self);
  ccp_workspace_add_files (add->self, add->files);
  g_object_unref (add->self);
  g_object_unref (add->files);
  g_free (add);
}

gboolean
_ccp_workspace_cycle_add_files (CcpWorkspace *self,
                                GListModel   *files)
{
  AddFiles *add;

  if (self->current == NULL || !ccp_field_plan_is_locked (self->current) ||
      g_list_model_get_n_items (files) == 0)
    return ccp_workspace_add_files (self, files);

  /* A final field plan is reopened (saying why) before more plans go into it. */
  add = g_new0 (AddFiles, 1);
  add->self = g_object_ref (self);
  add->files = g_object_ref (files);
  ccp_review_flow_ensure_open (_ccp_workspace_parent_window (self), self->current,
                               CCP_REVIEW_FLOW_ADD_PLANS, reopened_cb, add);
  return TRUE;
}

CcpStatusPage *
ccp_workspace_get_status_page (CcpWorkspace *self)
{
  g_return_val_if_fail (CCP_IS_WORKSPACE (self), NULL);

  return self->status_page;
}
