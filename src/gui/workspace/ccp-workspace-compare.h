/* ccp-workspace-compare.h: the workspace's comparison pages (issue 19): "What Changed" between
 * the revisions a city sent, the previous period beside this one, and, for a network overview,
 * the creative fields side by side. Built and updated by ccp-workspace-compare.c. */
#pragma once

#include "ccp-network-view.h"
#include "ccp-period-view.h"
#include "ccp-revisions-view.h"
#include "ccp-workspace.h"

G_BEGIN_DECLS

CcpRevisionsView *ccp_workspace_get_revisions_view (CcpWorkspace *self);
CcpPeriodView    *ccp_workspace_get_period_view    (CcpWorkspace *self);
CcpNetworkView   *ccp_workspace_get_network_view   (CcpWorkspace *self);
/* Shows "What Changed" for the superseded source of this SHA-256 (what the action
 * workspace.what-changed does); FALSE when no newer revision of it is there. */
gboolean          ccp_workspace_show_what_changed  (CcpWorkspace *self,
                                                    const char   *sha256);

/* For ccp-workspace.c: builds the pages, and updates them with the field plan shown. */
void              _ccp_workspace_compare_init      (CcpWorkspace *self);
void              _ccp_workspace_compare_update    (CcpWorkspace *self);

G_END_DECLS
