/* ccp-workspace-drop.c: review files dropped on the workspace. A review file is the
 * Coordinator's own record of reviewing one revision of a city's plan: dropped here it opens as
 * the review of that city's source in the field plan (the Status page, with what the file says),
 * or a message says why it cannot (no field plan, another field or period, a revision not
 * merged here, a review the field plan records otherwise). Plan files go on to be added. */
#define G_LOG_DOMAIN "ccp-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-markup.h"
#include "ccp-workspace-private.h"

static void
show_message (CcpWorkspace *self,
              const char   *heading,
              const char   *body)
{
  GtkWidget *dialog = adw_message_dialog_new (_ccp_workspace_parent_window (self), heading,
                                              body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static CcpSource *
find_source (CcpFieldPlan *field_plan,
             CcpReview    *review)
{
  GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (ccp_source_get_plan_id (source), ccp_review_get_plan_id (review)) == 0 &&
          ccp_source_get_revision (source) == ccp_review_get_revision (review))
        return source;  /* the store keeps it */
    }
  return NULL;
}

static void
open_review (CcpWorkspace *self,
             CcpReview    *review,
             const char   *name)
{
  CcpFieldPlan *field_plan = self->current;
  g_autofree char *file_name = ccp_bidi_isolate (name);
  g_autofree char *city = ccp_bidi_isolate (ccp_review_get_city (review));
  guint revision = ccp_review_get_revision (review);
  guint n_comments = g_list_model_get_n_items (G_LIST_MODEL (ccp_review_get_comments (review)));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *toast = NULL;
  CcpSource *source;

  /* Translators: heading when a dropped review file cannot be opened; %s is its file name */
  heading = g_strdup_printf (_("Cannot Open the Review “%s”"), file_name);
  if (field_plan == NULL)
    {
      show_message (self, heading,
                    _("No field plan is open: open the field plan that holds the plan reviewed, "
                      "then drop the review file on it."));
      return;
    }
  if (g_strcmp0 (ccp_review_get_field (review), ccp_field_plan_get_field (field_plan)) != 0 ||
      g_strcmp0 (ccp_review_get_period (review), ccp_field_plan_get_period (field_plan)) != 0)
    {
      /* Translators: a city, then the field and period of the review, then the field plan's */
      body = g_strdup_printf (_("The review is of %s’s plan for %s %s, and this field plan is "
                                "for %s %s."), city, ccp_review_get_field (review),
                              ccp_review_get_period (review),
                              ccp_field_plan_get_field (field_plan),
                              ccp_field_plan_get_period (field_plan));
      show_message (self, heading, body);
      return;
    }
  source = find_source (field_plan, review);
  if (source == NULL)
    {
      /* Translators: a revision number, then a city */
      body = g_strdup_printf (_("Revision %u of %s’s plan is not merged in this field plan: add "
                                "that plan first."), revision, city);
      show_message (self, heading, body);
      return;
    }
  if (ccp_source_get_review (source) != ccp_review_get_state (review))
    {
      /* Translators: a revision number, a city, the state the field plan records, then the
       * state the review file says */
      body = g_strdup_printf (_("The field plan records revision %u of %s’s plan as “%s”, and "
                                "the review file says “%s”. The field plan is what counts: "
                                "review the plan again on the Status page to change it."),
                              revision, city,
                              ccp_review_state_to_label (ccp_source_get_review (source)),
                              ccp_review_state_to_label (ccp_review_get_state (review)));
      show_message (self, heading, body);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "status");
  toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: a city, a revision, a review state */
                                        "Review of %s, revision %u: %s, %u comment",
                                        "Review of %s, revision %u: %s, %u comments",
                                        n_comments),
                           city, revision,
                           ccp_review_state_to_label (ccp_review_get_state (review)),
                           n_comments);
  _ccp_workspace_add_toast (self, toast);
}

gboolean
_ccp_workspace_drop_reviews (CcpWorkspace *self,
                             GListStore   *files)
{
  gboolean handled = FALSE;

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (files)); i-- > 0;)
    {
      g_autoptr(GFile) file = g_list_model_get_item (G_LIST_MODEL (files), i);
      g_autoptr(CcpReview) review = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;

      /* Small files, bounded by the loader; another root (a plan) is left to be added. */
      review = ccp_review_read_file (file, NULL, NULL, &error);
      if (review == NULL)
        continue;
      name = g_file_get_basename (file);
      open_review (self, review, name);
      g_list_store_remove (files, i);
      handled = TRUE;
    }
  return handled;
}
