/* ccp-writer-review.c: canonical output of a review file (ccp-review-file.h): the XML
 * declaration, two-space indentation, LF line ends, attributes in a fixed order, empty
 * optional attributes left out, the same <comment> element as in plans. */
#define G_LOG_DOMAIN "ccp-writer"

#include "config.h"

#include "ccp-file.h"
#include "ccp-markup.h"
#include "ccp-review-comment.h"
#include "ccp-review-file.h"
#include "ccp-review.h"

/* name="value", left out when value is NULL or empty (unless always). */
static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value,
                  gboolean    always)
{
  if (value == NULL || (*value == '\0' && !always))
    return;
  g_string_append_printf (out, " %s=\"", name);
  ccp_markup_append_attribute (out, value);
  g_string_append_c (out, '"');
}

static void
write_comment (GString          *out,
               CcpReviewComment *comment)
{
  const char *text = ccp_review_comment_get_text (comment);

  g_string_append (out, "    <comment");
  append_attribute (out, "id", ccp_review_comment_get_id (comment), TRUE);
  append_attribute (out, "activity", ccp_review_comment_get_activity (comment), FALSE);
  append_attribute (out, "field", ccp_review_comment_get_field (comment), FALSE);
  append_attribute (out, "author", ccp_review_comment_get_author (comment), FALSE);
  append_attribute (out, "time", ccp_review_comment_get_time (comment), FALSE);
  if (ccp_review_comment_get_addressed (comment))
    append_attribute (out, "addressed", "true", TRUE);
  if (*text == '\0')
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append_c (out, '>');
  ccp_markup_append_text (out, text);
  g_string_append (out, "</comment>\n");
}

GBytes *
ccp_review_write (CcpReview *review)
{
  GString *out;
  GListModel *comments;
  char revision[16];
  guint n;

  g_return_val_if_fail (CCP_IS_REVIEW (review), NULL);

  out = g_string_sized_new (1024);
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<review");
  append_attribute (out, "xmlns", CCP_FORMAT_NAMESPACE, TRUE);
  append_attribute (out, "version", CCP_FORMAT_VERSION, TRUE);
  append_attribute (out, "state", ccp_review_state_to_code (ccp_review_get_state (review)),
                    TRUE);
  append_attribute (out, "author", ccp_review_get_author (review), FALSE);
  append_attribute (out, "time", ccp_review_get_time (review), FALSE);
  g_string_append (out, ">\n  <plan");
  g_snprintf (revision, sizeof revision, "%u", ccp_review_get_revision (review));
  append_attribute (out, "id", ccp_review_get_plan_id (review), TRUE);
  append_attribute (out, "revision", revision, TRUE);
  append_attribute (out, "city", ccp_review_get_city (review), FALSE);
  append_attribute (out, "country", ccp_review_get_country (review), FALSE);
  append_attribute (out, "field", ccp_review_get_field (review), FALSE);
  append_attribute (out, "period", ccp_review_get_period (review), FALSE);
  g_string_append (out, "/>\n");

  comments = G_LIST_MODEL (ccp_review_get_comments (review));
  n = g_list_model_get_n_items (comments);
  if (n == 0)
    g_string_append (out, "  <comments/>\n");
  else
    {
      g_string_append (out, "  <comments>\n");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CcpReviewComment) comment = g_list_model_get_item (comments, i);

          write_comment (out, comment);
        }
      g_string_append (out, "  </comments>\n");
    }
  g_string_append (out, "</review>\n");
  return g_string_free_to_bytes (out);
}

gboolean
ccp_review_save (CcpReview     *review,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CCP_IS_REVIEW (review), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = ccp_review_write (review);
  return ccp_file_save (file, bytes, FALSE, cancellable, error);
}
