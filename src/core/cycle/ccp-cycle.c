/* ccp-cycle.c: reviewing the sources of a field plan (the state machine of ccp-review.h). */
#define G_LOG_DOMAIN "ccp-cycle"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-cycle.h"
#include "ccp-error.h"
#include "ccp-field-plan.h"
#include "ccp-member-city.h"
#include "ccp-plan.h"
#include "ccp-registry.h"
#include "ccp-review-comment.h"
#include "ccp-review.h"
#include "ccp-source.h"

gboolean
ccp_cycle_can_review (CcpReviewState from,
                      CcpReviewState to)
{
  if (to != CCP_REVIEW_STATE_ACCEPTED && to != CCP_REVIEW_STATE_RETURNED)
    return FALSE;

  switch (from)
    {
    case CCP_REVIEW_STATE_NONE:
    case CCP_REVIEW_STATE_RECEIVED:
    case CCP_REVIEW_STATE_ACCEPTED:
    case CCP_REVIEW_STATE_RETURNED:
      return TRUE;
    case CCP_REVIEW_STATE_SUPERSEDED:
    default:
      return FALSE;
    }
}

static gboolean
has_source (CcpFieldPlan *field_plan,
            CcpSource    *source)
{
  guint position;

  return ccp_item_list_find (ccp_field_plan_get_sources (field_plan), source, &position);
}

static const char *
source_name (CcpSource *source)
{
  const char *city = ccp_source_get_city (source);

  return *city != '\0' ? city : ccp_source_get_file (source);
}

CcpReview *
ccp_cycle_review (CcpFieldPlan    *field_plan,
                  CcpSource       *source,
                  CcpReviewState   state,
                  GPtrArray       *comments,
                  const char      *author,
                  const char      *when,
                  GError         **error)
{
  g_autofree char *now = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(CcpReview) review = NULL;
  CcpItemList *store;
  guint open;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);
  g_return_val_if_fail (CCP_IS_SOURCE (source), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ccp_field_plan_check_open (field_plan, error))
    return NULL;

  if (!has_source (field_plan, source))
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_REVIEW,
                   /* Translators: %s is a city or a file name */
                   _("The plan of %s is not a source of this field plan"), source_name (source));
      return NULL;
    }
  if (ccp_source_get_status (source) != CCP_SOURCE_STATUS_ACCEPTED)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_REVIEW,
                   ccp_source_get_status (source) == CCP_SOURCE_STATUS_SUPERSEDED
                   /* Translators: %s is a city or a file name, %u a revision */
                   ? _("Revision %u of the plan of %s was superseded by a newer one: review "
                       "that one instead")
                   /* Translators: %s is a city or a file name, %u a revision */
                   : _("Revision %u of the plan of %s was refused by the merge: it cannot be "
                       "reviewed"),
                   ccp_source_get_revision (source), source_name (source));
      return NULL;
    }
  if (state != CCP_REVIEW_STATE_ACCEPTED && state != CCP_REVIEW_STATE_RETURNED)
    {
      g_set_error_literal (error, CCP_ERROR, CCP_ERROR_REVIEW,
                           _("A plan can only be accepted or returned"));
      return NULL;
    }
  if (!ccp_cycle_can_review (ccp_source_get_review (source), state))
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_REVIEW,
                   /* Translators: the first %s is a city, the second a review state such
                    * as "Superseded" */
                   _("The plan of %s cannot be reviewed in its state (%s)"),
                   source_name (source), ccp_review_state_to_label (ccp_source_get_review (source)));
      return NULL;
    }

  store = ccp_source_get_comments (source);
  open = ccp_source_count_open_comments (source);
  for (guint i = 0; comments != NULL && i < comments->len; i++)
    if (!ccp_review_comment_get_addressed (g_ptr_array_index (comments, i)))
      open++;
  if (state == CCP_REVIEW_STATE_RETURNED && open == 0)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_REVIEW,
                   /* Translators: %s is a city */
                   _("Say why the plan of %s is returned: add at least one comment"),
                   source_name (source));
      return NULL;
    }

  /* Checked: now change, comments first (one change of the list). */
  if (when == NULL)
    when = now = ccp_time_now ();
  if (author == NULL)
    author = "";
  added = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      CcpReviewComment *comment = ccp_review_comment_copy (g_ptr_array_index (comments, i));

      g_ptr_array_add (added, comment);
      if (*ccp_review_comment_get_id (comment) == '\0' ||
          ccp_review_comments_find (G_LIST_MODEL (store),
                                    ccp_review_comment_get_id (comment)) != NULL)
        {
          g_autoptr(CcpItemList) both = ccp_item_list_new (CCP_TYPE_REVIEW_COMMENT);
          g_autofree char *id = NULL;

          /* Identifiers continue those of the source and of the comments added before. */
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (store)); j++)
            {
              g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), j);

              ccp_item_list_append (both, item);
            }
          for (guint j = 0; j + 1 < added->len; j++)
            ccp_item_list_append (both, g_ptr_array_index (added, j));
          id = ccp_review_comments_next_id (G_LIST_MODEL (both));
          ccp_review_comment_set_id (comment, id);
        }
      if (*ccp_review_comment_get_author (comment) == '\0')
        ccp_review_comment_set_author (comment, author);
      if (*ccp_review_comment_get_time (comment) == '\0')
        ccp_review_comment_set_time (comment, when);
    }
  ccp_item_list_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                        added->pdata, added->len);
  ccp_source_set_review (source, state);
  /* The return is what a newer revision answers (ccp-return.h); accepting settles it. */
  ccp_source_set_returned (source, state == CCP_REVIEW_STATE_RETURNED ? when : "");
  ccp_field_plan_set_modified (field_plan, when);

  review = ccp_review_new_for_source (source);
  ccp_review_set_author (review, author);
  ccp_review_set_time (review, when);
  return g_steal_pointer (&review);
}

CcpSource *
ccp_cycle_find_city_source (CcpFieldPlan *field_plan,
                            const char   *city,
                            const char   *country)
{
  CcpRegistry *registry = ccp_registry_get_default ();
  CcpMemberCity *member;
  g_autofree char *key = NULL;
  GListModel *sources;
  guint n;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);
  g_return_val_if_fail (city != NULL, NULL);

  if (country != NULL && *country == '\0')
    country = NULL;
  member = ccp_registry_lookup (registry, city, country, NULL);
  key = ccp_city_name_key (member != NULL ? ccp_member_city_get_name (member) : city);

  sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));
  n = g_list_model_get_n_items (sources);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);
      CcpMemberCity *other;
      g_autofree char *other_key = NULL;

      if (ccp_source_get_status (source) != CCP_SOURCE_STATUS_ACCEPTED)
        continue;
      if (country != NULL && g_ascii_strcasecmp (country, ccp_source_get_country (source)) != 0)
        continue;
      other = ccp_registry_lookup (registry, ccp_source_get_city (source),
                                   ccp_source_get_country (source), NULL);
      other_key = ccp_city_name_key (other != NULL ? ccp_member_city_get_name (other)
                                                   : ccp_source_get_city (source));
      if (g_str_equal (key, other_key))
        return source;  /* the list keeps its reference */
    }
  return NULL;
}
