/* ccp-reveal-model.h: a list model showing a growing prefix of another, a few items more per
 * frame of a view while that view is on screen, then all of it (issue 16: the hand-over).
 * GTK 4.8's list and column views make a row widget for every new item up to about 200 at
 * once, and the first layout of a row of the activities table costs several milliseconds: the
 * rows of a merged field plan given at once blocked the window for most of a second, and the
 * tables of hidden pages were laid out too (AdwViewStack measures every page). Between the
 * data (the model under this one, complete at once) and the view, this model lets the rows in
 * a chunk per frame of the view, and none while the view is not mapped. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CCP_TYPE_REVEAL_MODEL (ccp_reveal_model_get_type ())
G_DECLARE_FINAL_TYPE (CcpRevealModel, ccp_reveal_model, CCP, REVEAL_MODEL, GObject)

/* model: the items (referenced); view: the widget whose frames pace the chunks (not
 * referenced: it must outlive the model, as a view does its model). */
CcpRevealModel *ccp_reveal_model_new        (GListModel     *model,
                                             GtkWidget      *view);
/* Shows no item, then a chunk more per frame of the view while it is mapped. */
void            ccp_reveal_model_restart    (CcpRevealModel *self);
/* Shows every item now. */
void            ccp_reveal_model_reveal_all (CcpRevealModel *self);
/* Whether some items are not shown yet. */
gboolean        ccp_reveal_model_get_partial (CcpRevealModel *self);

G_END_DECLS
