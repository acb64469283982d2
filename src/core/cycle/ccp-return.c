/* ccp-return.c: the return a newer revision answers (see ccp-return.h). */
#define G_LOG_DOMAIN "ccp-return"

#include "config.h"

#include "ccp-return.h"
#include "ccp-review-comment.h"
#include "ccp-review.h"
#include "ccp-source.h"

static gboolean
may_have_been_returned (CcpSource *source)
{
  CcpReviewState state = ccp_source_get_review (source);

  return state == CCP_REVIEW_STATE_SUPERSEDED || state == CCP_REVIEW_STATE_RETURNED;
}

const char *
ccp_return_get_time (CcpSource *older)
{
  const char *returned;

  g_return_val_if_fail (CCP_IS_SOURCE (older), NULL);

  returned = ccp_source_get_returned (older);
  if (!may_have_been_returned (older) || returned[0] == '\0')
    return NULL;
  return returned;
}

GPtrArray *
ccp_return_get_comments (CcpSource *older,
                         CcpSource *newer)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *comments;
  GListModel *answers;

  g_return_val_if_fail (CCP_IS_SOURCE (older), result);
  g_return_val_if_fail (newer == NULL || CCP_IS_SOURCE (newer), result);

  if (ccp_return_get_time (older) == NULL)
    return result;
  comments = G_LIST_MODEL (ccp_source_get_comments (older));
  answers = newer != NULL ? G_LIST_MODEL (ccp_source_get_comments (newer)) : NULL;
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(CcpReviewComment) comment = g_list_model_get_item (comments, i);
      CcpReviewComment *answer = NULL;

      if (ccp_review_comment_get_addressed (comment))
        continue;
      if (answers != NULL)
        answer = ccp_review_comments_find (answers, ccp_review_comment_get_id (comment));
      g_ptr_array_add (result, g_object_ref (answer != NULL ? answer : comment));
    }
  return result;
}
