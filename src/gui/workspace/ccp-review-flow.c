#define G_LOG_DOMAIN "ccp-review-flow"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-choices.h"
#include "ccp-email.h"
#include "ccp-review-dialog.h"
#include "ccp-review-flow.h"

typedef struct _Flow Flow;
/* After the field plan is open: what the flow was for. */
typedef void (*FlowStep) (Flow *flow);

struct _Flow {
  GtkWindow         *parent;
  CcpFieldPlan      *field_plan;
  CcpSource         *source;
  CcpReviewState     state;
  CcpPlan           *city_plan;
  GFile             *plan_file;
  GtkEntry          *reason;
  CcpReviewFlowDone  done;
  gpointer           user_data;
  gboolean           changed;
  FlowStep           next;
};

static void
flow_free (Flow *flow)
{
  g_clear_object (&flow->parent);
  g_clear_object (&flow->field_plan);
  g_clear_object (&flow->source);
  g_clear_object (&flow->city_plan);
  g_clear_object (&flow->plan_file);
  g_free (flow);
}

static Flow *
flow_new (GtkWindow         *parent,
          CcpFieldPlan      *field_plan,
          CcpReviewFlowDone  done,
          gpointer           user_data)
{
  Flow *flow = g_new0 (Flow, 1);

  flow->parent = parent != NULL ? g_object_ref (parent) : NULL;
  flow->field_plan = g_object_ref (field_plan);
  flow->done = done;
  flow->user_data = user_data;
  return flow;
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
coordinator_name (CcpFieldPlan *field_plan)
{
  CcpContact *coordinator = ccp_field_plan_get_coordinator (field_plan);

  return coordinator != NULL ? ccp_contact_get_name (coordinator) : "";
}

static void
reopen_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Flow             *flow)
{
  if (!g_str_equal (response, "reopen"))
    {
      flow_free (flow);
      return;
    }
  ccp_field_plan_reopen (flow->field_plan, NULL, coordinator_name (flow->field_plan),
                         gtk_editable_get_text (GTK_EDITABLE (flow->reason)));
  flow->changed = TRUE;
  flow->next (flow);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  /* Reopening records why: not without a reason. */
  adw_message_dialog_set_response_enabled (dialog, "reopen", reason[0] != '\0');
}

/* Whole sentences, so that each language can order them. */
static const char *
reopen_body (CcpReviewFlowPurpose purpose)
{
  switch (purpose)
    {
    case CCP_REVIEW_FLOW_ADD_PLANS:
      return _("This field plan is final. Adding plans reopens it as a draft; the reason is kept "
               "in the field plan.");
    case CCP_REVIEW_FLOW_REVIEW:
      return _("This field plan is final. Reviewing a plan reopens it as a draft; the reason is "
               "kept in the field plan.");
    case CCP_REVIEW_FLOW_REOPEN:
    default:
      return _("This field plan is final. Reopening it makes it a draft again; the reason is "
               "kept in the field plan.");
    }
}

static void
ensure_open (Flow                 *flow,
             CcpReviewFlowPurpose  purpose,
             FlowStep              next)
{
  GtkWidget *dialog, *entry;

  if (!ccp_field_plan_is_locked (flow->field_plan))
    {
      next (flow);
      return;
    }

  dialog = adw_message_dialog_new (flow->parent, _("Reopen the Field Plan?"),
                                   reopen_body (purpose));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why it is reopened"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for reopening"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  flow->reason = GTK_ENTRY (entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reopen", _("_Reopen"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reopen",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reopen");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  flow->next = next;
  g_signal_connect (dialog, "response", G_CALLBACK (reopen_response_cb), flow);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
finish_open (Flow *flow)
{
  flow->done (flow->user_data, flow->changed);
  flow_free (flow);
}

void
ccp_review_flow_ensure_open (GtkWindow            *parent,
                             CcpFieldPlan         *field_plan,
                             CcpReviewFlowPurpose  purpose,
                             CcpReviewFlowDone     done,
                             gpointer              user_data)
{
  g_return_if_fail (CCP_IS_FIELD_PLAN (field_plan));
  g_return_if_fail (done != NULL);

  ensure_open (flow_new (parent, field_plan, done, user_data), purpose, finish_open);
}

char *
ccp_review_flow_file_name (CcpReview *review)
{
  g_autofree char *stem = g_strdup_printf ("%s-%s-%s-review-%u", ccp_review_get_city (review),
                                           ccp_review_get_field (review),
                                           ccp_review_get_period (review),
                                           ccp_review_get_revision (review));
  g_autofree char *ascii = g_str_to_ascii (stem, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);

  for (char *p = lower; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      *p = '-';
  return g_strconcat (lower, ".xml", NULL);
}

char *
ccp_review_flow_build_body (CcpReview  *review,
                            char      **subject)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *field = ccp_choices_get_label ("field", ccp_review_get_field (review));
  GListModel *comments = G_LIST_MODEL (ccp_review_get_comments (review));
  gboolean returned = ccp_review_get_state (review) == CCP_REVIEW_STATE_RETURNED;

  /* Translators: subject of the email with a review: city, field, period, revision */
  *subject = g_strdup_printf (returned ? _("Your plan is returned: %s, %s, %s, revision %u")
                                       : _("Your plan is accepted: %s, %s, %s, revision %u"),
                              ccp_review_get_city (review), field, ccp_review_get_period (review),
                              ccp_review_get_revision (review));
  if (returned)
    g_string_append (text, _("Thank you for your plan. Please look at the comments below, "
                             "change the plan and send the new revision."));
  else
    g_string_append (text, _("Thank you for your plan: it is accepted."));
  g_string_append (text, "\n\n");
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(CcpReviewComment) comment = g_list_model_get_item (comments, i);

      if (ccp_review_comment_get_addressed (comment))
        continue;
      g_string_append_printf (text, "- %s\n", ccp_review_comment_get_text (comment));
    }
  if (g_list_model_get_n_items (comments) > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, _("Open the attached review in Creative Cities Plans (Open, or drop it "
                           "on your plan) to see each comment next to its field."));
  if (ccp_review_get_author (review)[0] != '\0')
    g_string_append_printf (text, "\n\n%s\n", ccp_review_get_author (review));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct {
  GtkWindow *parent;
  GFile     *file;
  char      *address;
  char      *subject;
  char      *body;
} EmailOffer;

static void
email_offer_free (gpointer data)
{
  EmailOffer *offer = data;

  g_clear_object (&offer->parent);
  g_clear_object (&offer->file);
  g_free (offer->address);
  g_free (offer->subject);
  g_free (offer->body);
  g_free (offer);
}

static void
email_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  EmailOffer *offer = user_data;
  g_autoptr(GError) error = NULL;

  if (!ccp_email_compose_finish (result, &error))
    {
      if (g_error_matches (error, CCP_EMAIL_ERROR, CCP_EMAIL_ERROR_NO_PORTAL))
        ccp_email_offer_fallback (offer->parent, offer->address, offer->body, offer->file);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (offer->parent, _("Could Not Send the Review"), error->message);
    }
  email_offer_free (offer);
}

static void
email_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   EmailOffer       *offer)
{
  const char *addresses[2] = { offer->address, NULL };

  if (!g_str_equal (response, "email"))
    return;
  g_object_steal_data (G_OBJECT (dialog), "ccp-offer");
  ccp_email_compose_async (offer->parent, offer->address[0] != '\0' ? addresses : NULL, NULL,
                           offer->subject, offer->body, offer->file, NULL, email_done_cb, offer);
}

static void
offer_email (Flow      *flow,
             CcpReview *review,
             GFile     *file)
{
  EmailOffer *offer = g_new0 (EmailOffer, 1);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  offer->parent = flow->parent != NULL ? g_object_ref (flow->parent) : NULL;
  offer->file = g_object_ref (file);
  offer->address = g_strdup (ccp_source_get_contact_email (flow->source));
  offer->body = ccp_review_flow_build_body (review, &offer->subject);

  if (offer->address[0] != '\0')
    /* Translators: %s are the review file's name and the Focal Point's address */
    body = g_strdup_printf (_("The review is saved as “%s”. Email it to the Focal Point, %s?"),
                            name, offer->address);
  else
    body = g_strdup_printf (_("The review is saved as “%s”. Email it to the Focal Point?"), name);
  dialog = adw_message_dialog_new (flow->parent, _("Review Saved"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Not Now"),
                                    "email", _("_Email…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "email",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "email");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  /* Freed with the dialog unless Email takes it. */
  g_object_set_data_full (G_OBJECT (dialog), "ccp-offer", offer, email_offer_free);
  g_signal_connect (dialog, "response", G_CALLBACK (email_response_cb), offer);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GFile *
review_file_for (Flow      *flow,
                 CcpReview *review)
{
  g_autofree char *name = ccp_review_flow_file_name (review);
  g_autoptr(GFile) folder = flow->plan_file != NULL ? g_file_get_parent (flow->plan_file) : NULL;

  if (folder == NULL)
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      folder = g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
    }
  return g_file_get_child (folder, name);
}

static void
do_review (Flow      *flow,
           GPtrArray *comments)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpReview) review = NULL;
  g_autoptr(GFile) file = NULL;

  review = ccp_cycle_review (flow->field_plan, flow->source, flow->state, comments,
                             coordinator_name (flow->field_plan), NULL, &error);
  if (review == NULL)
    {
      show_message (flow->parent, _("Could Not Review the Plan"), error->message);
      if (flow->changed)
        flow->done (flow->user_data, TRUE);
      return;
    }
  flow->done (flow->user_data, TRUE);

  file = review_file_for (flow, review);
  if (!ccp_review_save (review, file, NULL, &error))
    {
      g_autofree char *shown = g_file_get_parse_name (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), shown);

      show_message (flow->parent, heading, error->message);
      return;
    }
  offer_email (flow, review, file);
}

static void
return_cb (CcpReviewDialog *dialog,
           Flow            *flow)
{
  do_review (flow, ccp_review_dialog_get_comments (dialog));
}

static void
review_step (Flow *flow)
{
  CcpReviewDialog *dialog;
  g_autofree char *title = NULL;

  if (flow->state != CCP_REVIEW_STATE_RETURNED)
    {
      do_review (flow, NULL);
      flow_free (flow);
      return;
    }

  /* Translators: what the Return to City dialog reviews: a city and a revision */
  title = g_strdup_printf (_("%s, revision %u"), ccp_source_get_city (flow->source),
                           ccp_source_get_revision (flow->source));
  dialog = ccp_review_dialog_new (flow->parent, flow->city_plan, title);
  g_signal_connect_data (dialog, "return", G_CALLBACK (return_cb), flow,
                         (GClosureNotify) (void (*) (void)) flow_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ccp_review_flow_review (GtkWindow         *parent,
                        CcpFieldPlan      *field_plan,
                        CcpSource         *source,
                        CcpReviewState     state,
                        CcpPlan           *city_plan,
                        GFile             *plan_file,
                        CcpReviewFlowDone  done,
                        gpointer           user_data)
{
  Flow *flow;

  g_return_if_fail (CCP_IS_FIELD_PLAN (field_plan));
  g_return_if_fail (CCP_IS_SOURCE (source));
  g_return_if_fail (state == CCP_REVIEW_STATE_ACCEPTED || state == CCP_REVIEW_STATE_RETURNED);
  g_return_if_fail (done != NULL);

  flow = flow_new (parent, field_plan, done, user_data);
  flow->source = g_object_ref (source);
  flow->state = state;
  flow->city_plan = city_plan != NULL ? g_object_ref (city_plan) : NULL;
  flow->plan_file = plan_file != NULL ? g_object_ref (plan_file) : NULL;
  ensure_open (flow, CCP_REVIEW_FLOW_REVIEW, review_step);
}
