#define G_LOG_DOMAIN "ccp-review-comment"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ccp-activity.h"
#include "ccp-model-private.h"
#include "ccp-plan.h"
#include "ccp-review-comment.h"

struct _CcpReviewComment
{
  GObject   parent_instance;
  CcpItemList *holder;   /* the lists that hold it (CcpModelItemHead) */
  GPtrArray   *other_holders;

  char     *id;
  char     *activity;
  char     *field;
  char     *text;
  char     *author;
  char     *time;
  gboolean  addressed;
};

G_DEFINE_FINAL_TYPE (CcpReviewComment, ccp_review_comment, G_TYPE_OBJECT)
CCP_MODEL_ITEM_CHECK_HEAD (CcpReviewComment);

enum {
  PROP_0,
  PROP_ID,
  PROP_ACTIVITY,
  PROP_FIELD,
  PROP_TEXT,
  PROP_AUTHOR,
  PROP_TIME,
  PROP_ADDRESSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ccp_review_comment_finalize (GObject *object)
{
  CcpReviewComment *self = CCP_REVIEW_COMMENT (object);

  g_free (self->id);
  g_free (self->activity);
  g_free (self->field);
  g_free (self->text);
  g_free (self->author);
  g_free (self->time);

  G_OBJECT_CLASS (ccp_review_comment_parent_class)->finalize (object);
}

static void
ccp_review_comment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CcpReviewComment *self = CCP_REVIEW_COMMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_ACTIVITY:
      g_value_set_string (value, self->activity);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;
    case PROP_ADDRESSED:
      g_value_set_boolean (value, self->addressed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_review_comment_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CcpReviewComment *self = CCP_REVIEW_COMMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      ccp_review_comment_set_id (self, g_value_get_string (value));
      break;
    case PROP_ACTIVITY:
      ccp_review_comment_set_activity (self, g_value_get_string (value));
      break;
    case PROP_FIELD:
      ccp_review_comment_set_field (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      ccp_review_comment_set_text (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      ccp_review_comment_set_author (self, g_value_get_string (value));
      break;
    case PROP_TIME:
      ccp_review_comment_set_time (self, g_value_get_string (value));
      break;
    case PROP_ADDRESSED:
      ccp_review_comment_set_addressed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_review_comment_class_init (CcpReviewCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ccp_review_comment_finalize;
  object_class->get_property = ccp_review_comment_get_property;
  object_class->set_property = ccp_review_comment_set_property;

  properties[PROP_ID] = ccp_string_pspec ("id");
  properties[PROP_ACTIVITY] = ccp_string_pspec ("activity");
  properties[PROP_FIELD] = ccp_string_pspec ("field");
  properties[PROP_TEXT] = ccp_string_pspec ("text");
  properties[PROP_AUTHOR] = ccp_string_pspec ("author");
  properties[PROP_TIME] = ccp_string_pspec ("time");
  properties[PROP_ADDRESSED] = ccp_boolean_pspec ("addressed");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ccp_review_comment_init (CcpReviewComment *self)
{
  self->id = g_strdup ("");
  self->activity = g_strdup ("");
  self->field = g_strdup ("");
  self->text = g_strdup ("");
  self->author = g_strdup ("");
  self->time = g_strdup ("");
}

CcpReviewComment *
ccp_review_comment_new (const char *id,
                        const char *activity,
                        const char *field,
                        const char *text)
{
  return g_object_new (CCP_TYPE_REVIEW_COMMENT,
                       "id", id, "activity", activity, "field", field, "text", text,
                       NULL);
}

CcpReviewComment *
ccp_review_comment_copy (CcpReviewComment *self)
{
  g_return_val_if_fail (CCP_IS_REVIEW_COMMENT (self), NULL);

  return g_object_new (CCP_TYPE_REVIEW_COMMENT,
                       "id", self->id,
                       "activity", self->activity,
                       "field", self->field,
                       "text", self->text,
                       "author", self->author,
                       "time", self->time,
                       "addressed", self->addressed,
                       NULL);
}

gboolean
ccp_review_comment_equal (CcpReviewComment *a,
                          CcpReviewComment *b)
{
  g_return_val_if_fail (CCP_IS_REVIEW_COMMENT (a), FALSE);
  g_return_val_if_fail (CCP_IS_REVIEW_COMMENT (b), FALSE);

  return g_str_equal (a->id, b->id) &&
         g_str_equal (a->activity, b->activity) &&
         g_str_equal (a->field, b->field) &&
         g_str_equal (a->text, b->text) &&
         g_str_equal (a->author, b->author) &&
         g_str_equal (a->time, b->time) &&
         a->addressed == b->addressed;
}

CCP_DEFINE_STRING_PROPERTY (CcpReviewComment, ccp_review_comment, CCP_IS_REVIEW_COMMENT,
                            id, PROP_ID)
CCP_DEFINE_STRING_PROPERTY (CcpReviewComment, ccp_review_comment, CCP_IS_REVIEW_COMMENT,
                            activity, PROP_ACTIVITY)
CCP_DEFINE_STRING_PROPERTY (CcpReviewComment, ccp_review_comment, CCP_IS_REVIEW_COMMENT,
                            field, PROP_FIELD)
CCP_DEFINE_STRING_PROPERTY (CcpReviewComment, ccp_review_comment, CCP_IS_REVIEW_COMMENT,
                            text, PROP_TEXT)
CCP_DEFINE_STRING_PROPERTY (CcpReviewComment, ccp_review_comment, CCP_IS_REVIEW_COMMENT,
                            author, PROP_AUTHOR)
CCP_DEFINE_STRING_PROPERTY (CcpReviewComment, ccp_review_comment, CCP_IS_REVIEW_COMMENT,
                            time, PROP_TIME)
CCP_DEFINE_BOOLEAN_PROPERTY (CcpReviewComment, ccp_review_comment, CCP_IS_REVIEW_COMMENT,
                             addressed, PROP_ADDRESSED)

/* The index of the activity with that identifier in plan, or -1. */
static int
activity_index (CcpPlan    *plan,
                const char *id)
{
  GListModel *activities;
  guint n;

  if (plan == NULL)
    return -1;
  activities = G_LIST_MODEL (ccp_plan_get_activities (plan));
  n = g_list_model_get_n_items (activities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

      if (g_str_equal (ccp_activity_get_id (activity), id))
        return (int) i;
    }
  return -1;
}

char *
ccp_review_comment_get_path (CcpReviewComment *self,
                             CcpPlan          *plan)
{
  g_autofree char *where = NULL;
  int index;

  g_return_val_if_fail (CCP_IS_REVIEW_COMMENT (self), NULL);
  g_return_val_if_fail (plan == NULL || CCP_IS_PLAN (plan), NULL);

  if (*self->activity == '\0')
    return g_strdup (self->field);

  index = activity_index (plan, self->activity);
  where = index >= 0 ? g_strdup_printf ("activities/%d", index)
                     : g_strconcat ("activities/", self->activity, NULL);
  if (*self->field == '\0')
    return g_steal_pointer (&where);
  return g_strconcat (where, "/", self->field, NULL);
}

static gboolean
is_number (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

gboolean
ccp_review_comment_set_path (CcpReviewComment *self,
                             CcpPlan          *plan,
                             const char       *path)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *activity = NULL;
  const char *field = "";

  g_return_val_if_fail (CCP_IS_REVIEW_COMMENT (self), FALSE);
  g_return_val_if_fail (plan == NULL || CCP_IS_PLAN (plan), FALSE);

  if (path == NULL)
    path = "";
  if (!g_str_has_prefix (path, "activities/"))
    {
      ccp_review_comment_set_activity (self, "");
      ccp_review_comment_set_field (self, path);
      return TRUE;
    }

  parts = g_strsplit (path + strlen ("activities/"), "/", 2);
  if (parts[0] == NULL || *parts[0] == '\0')
    return FALSE;
  if (parts[1] != NULL)
    field = parts[1];

  /* An identifier of the plan wins over an index (identifiers may be digits). */
  if (plan == NULL || activity_index (plan, parts[0]) >= 0)
    activity = g_strdup (parts[0]);
  else if (is_number (parts[0]))
    {
      GListModel *activities = G_LIST_MODEL (ccp_plan_get_activities (plan));
      guint64 index = g_ascii_strtoull (parts[0], NULL, 10);
      g_autoptr(CcpActivity) item = NULL;

      if (index >= g_list_model_get_n_items (activities))
        return FALSE;
      item = g_list_model_get_item (activities, (guint) index);
      activity = g_strdup (ccp_activity_get_id (item));
    }
  else
    return FALSE;

  ccp_review_comment_set_activity (self, activity);
  ccp_review_comment_set_field (self, field);
  return TRUE;
}

CcpReviewComment *
ccp_review_comments_find (GListModel *comments,
                          const char *id)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (comments), NULL);

  n = g_list_model_get_n_items (comments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpReviewComment) comment = g_list_model_get_item (comments, i);

      if (g_strcmp0 (comment->id, id) == 0)
        return comment;  /* the list keeps its reference */
    }
  return NULL;
}

char *
ccp_review_comments_next_id (GListModel *comments)
{
  guint64 largest = 0;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (comments), NULL);

  n = g_list_model_get_n_items (comments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpReviewComment) comment = g_list_model_get_item (comments, i);

      if (comment->id[0] == 'c' && is_number (comment->id + 1) && strlen (comment->id) < 12)
        largest = MAX (largest, g_ascii_strtoull (comment->id + 1, NULL, 10));
    }
  return g_strdup_printf ("c%" G_GUINT64_FORMAT, largest + 1);
}

guint
ccp_review_comments_count_open (GListModel *comments)
{
  guint n, open = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (comments), 0);

  n = g_list_model_get_n_items (comments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpReviewComment) comment = g_list_model_get_item (comments, i);

      if (!comment->addressed)
        open++;
    }
  return open;
}
