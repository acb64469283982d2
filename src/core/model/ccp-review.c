#define G_LOG_DOMAIN "ccp-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-model-private.h"
#include "ccp-plan.h"
#include "ccp-review-comment.h"
#include "ccp-review.h"
#include "ccp-source.h"

G_DEFINE_ENUM_TYPE (CcpReviewState, ccp_review_state,
  G_DEFINE_ENUM_VALUE (CCP_REVIEW_STATE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (CCP_REVIEW_STATE_RECEIVED, "received"),
  G_DEFINE_ENUM_VALUE (CCP_REVIEW_STATE_ACCEPTED, "accepted"),
  G_DEFINE_ENUM_VALUE (CCP_REVIEW_STATE_RETURNED, "returned"),
  G_DEFINE_ENUM_VALUE (CCP_REVIEW_STATE_SUPERSEDED, "superseded"))

static const char * const state_codes[] = {
  [CCP_REVIEW_STATE_NONE] = "",
  [CCP_REVIEW_STATE_RECEIVED] = "received",
  [CCP_REVIEW_STATE_ACCEPTED] = "accepted",
  [CCP_REVIEW_STATE_RETURNED] = "returned",
  [CCP_REVIEW_STATE_SUPERSEDED] = "superseded",
};

const char *
ccp_review_state_to_code (CcpReviewState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_codes), "");

  return state_codes[state];
}

gboolean
ccp_review_state_from_code (const char     *code,
                            CcpReviewState *state)
{
  if (code == NULL || *code == '\0')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (state_codes); i++)
    if (g_str_equal (code, state_codes[i]))
      {
        if (state != NULL)
          *state = (CcpReviewState) i;
        return TRUE;
      }
  return FALSE;
}

const char *
ccp_review_state_to_label (CcpReviewState state)
{
  switch (state)
    {
    case CCP_REVIEW_STATE_NONE:
      /* Translators: the review state of a city plan received before reviews were recorded */
      return _("Not recorded");
    case CCP_REVIEW_STATE_RECEIVED:
      /* Translators: review state of a city plan: it arrived, nobody reviewed it yet */
      return _("Received");
    case CCP_REVIEW_STATE_ACCEPTED:
      /* Translators: review state of a city plan */
      return _("Accepted");
    case CCP_REVIEW_STATE_RETURNED:
      /* Translators: review state of a city plan: sent back to the city with comments */
      return _("Returned");
    case CCP_REVIEW_STATE_SUPERSEDED:
      /* Translators: review state of a city plan: a newer revision arrived */
      return _("Superseded");
    default:
      g_return_val_if_reached ("");
    }
}

struct _CcpReview
{
  GObject         parent_instance;
  CcpItemList    *holder;   /* always NULL: the model item head of the setters */
  GPtrArray      *other_holders;

  char           *plan_id;
  char           *city;
  char           *country;
  char           *field;
  char           *period;
  guint           revision;
  CcpReviewState  state;
  char           *author;
  char           *time;
  CcpItemList    *comments;
};

G_DEFINE_FINAL_TYPE (CcpReview, ccp_review, G_TYPE_OBJECT)
CCP_MODEL_ITEM_CHECK_HEAD (CcpReview);

enum {
  PROP_0,
  PROP_PLAN_ID,
  PROP_CITY,
  PROP_COUNTRY,
  PROP_FIELD,
  PROP_PERIOD,
  PROP_REVISION,
  PROP_STATE,
  PROP_AUTHOR,
  PROP_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ccp_review_finalize (GObject *object)
{
  CcpReview *self = CCP_REVIEW (object);

  g_free (self->plan_id);
  g_free (self->city);
  g_free (self->country);
  g_free (self->field);
  g_free (self->period);
  g_free (self->author);
  g_free (self->time);
  ccp_model_list_clear (&self->comments);

  G_OBJECT_CLASS (ccp_review_parent_class)->finalize (object);
}

static void
ccp_review_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CcpReview *self = CCP_REVIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN_ID:
      g_value_set_string (value, self->plan_id);
      break;
    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;
    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_review_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CcpReview *self = CCP_REVIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN_ID:
      ccp_review_set_plan_id (self, g_value_get_string (value));
      break;
    case PROP_CITY:
      ccp_review_set_city (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      ccp_review_set_country (self, g_value_get_string (value));
      break;
    case PROP_FIELD:
      ccp_review_set_field (self, g_value_get_string (value));
      break;
    case PROP_PERIOD:
      ccp_review_set_period (self, g_value_get_string (value));
      break;
    case PROP_REVISION:
      ccp_review_set_revision (self, g_value_get_uint (value));
      break;
    case PROP_STATE:
      ccp_review_set_state (self, g_value_get_enum (value));
      break;
    case PROP_AUTHOR:
      ccp_review_set_author (self, g_value_get_string (value));
      break;
    case PROP_TIME:
      ccp_review_set_time (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_review_class_init (CcpReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ccp_review_finalize;
  object_class->get_property = ccp_review_get_property;
  object_class->set_property = ccp_review_set_property;

  properties[PROP_PLAN_ID] = ccp_string_pspec ("plan-id");
  properties[PROP_CITY] = ccp_string_pspec ("city");
  properties[PROP_COUNTRY] = ccp_string_pspec ("country");
  properties[PROP_FIELD] = ccp_string_pspec ("field");
  properties[PROP_PERIOD] = ccp_string_pspec ("period");
  properties[PROP_REVISION] = ccp_uint_pspec ("revision");
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       CCP_TYPE_REVIEW_STATE, CCP_REVIEW_STATE_NONE, CCP_PARAM_READWRITE);
  properties[PROP_AUTHOR] = ccp_string_pspec ("author");
  properties[PROP_TIME] = ccp_string_pspec ("time");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ccp_review_init (CcpReview *self)
{
  self->plan_id = g_strdup ("");
  self->city = g_strdup ("");
  self->country = g_strdup ("");
  self->field = g_strdup ("");
  self->period = g_strdup ("");
  self->author = g_strdup ("");
  self->time = g_strdup ("");
  self->comments = ccp_item_list_new (CCP_TYPE_REVIEW_COMMENT);
}

CcpReview *
ccp_review_new (void)
{
  return g_object_new (CCP_TYPE_REVIEW, NULL);
}

CcpReview *
ccp_review_new_for_source (CcpSource *source)
{
  CcpReview *review;

  g_return_val_if_fail (CCP_IS_SOURCE (source), NULL);

  review = g_object_new (CCP_TYPE_REVIEW,
                         "plan-id", ccp_source_get_plan_id (source),
                         "city", ccp_source_get_city (source),
                         "country", ccp_source_get_country (source),
                         "field", ccp_source_get_field (source),
                         "period", ccp_source_get_period (source),
                         "revision", ccp_source_get_revision (source),
                         "state", ccp_source_get_review (source),
                         NULL);
  ccp_model_list_copy_items (review->comments, ccp_source_get_comments (source),
                             (CcpItemCopyFunc) ccp_review_comment_copy);
  return review;
}

CcpReview *
ccp_review_copy (CcpReview *self)
{
  CcpReview *copy;

  g_return_val_if_fail (CCP_IS_REVIEW (self), NULL);

  copy = g_object_new (CCP_TYPE_REVIEW,
                       "plan-id", self->plan_id,
                       "city", self->city,
                       "country", self->country,
                       "field", self->field,
                       "period", self->period,
                       "revision", self->revision,
                       "state", self->state,
                       "author", self->author,
                       "time", self->time,
                       NULL);
  ccp_model_list_copy_items (copy->comments, self->comments,
                             (CcpItemCopyFunc) ccp_review_comment_copy);
  return copy;
}

gboolean
ccp_review_equal (CcpReview *a,
                  CcpReview *b)
{
  g_return_val_if_fail (CCP_IS_REVIEW (a), FALSE);
  g_return_val_if_fail (CCP_IS_REVIEW (b), FALSE);

  return g_str_equal (a->plan_id, b->plan_id) &&
         g_str_equal (a->city, b->city) &&
         g_str_equal (a->country, b->country) &&
         g_str_equal (a->field, b->field) &&
         g_str_equal (a->period, b->period) &&
         a->revision == b->revision &&
         a->state == b->state &&
         g_str_equal (a->author, b->author) &&
         g_str_equal (a->time, b->time) &&
         ccp_model_lists_equal (a->comments, b->comments,
                                (CcpItemEqualFunc) ccp_review_comment_equal);
}

CCP_DEFINE_STRING_PROPERTY (CcpReview, ccp_review, CCP_IS_REVIEW, plan_id, PROP_PLAN_ID)
CCP_DEFINE_STRING_PROPERTY (CcpReview, ccp_review, CCP_IS_REVIEW, city, PROP_CITY)
CCP_DEFINE_STRING_PROPERTY (CcpReview, ccp_review, CCP_IS_REVIEW, country, PROP_COUNTRY)
CCP_DEFINE_STRING_PROPERTY (CcpReview, ccp_review, CCP_IS_REVIEW, field, PROP_FIELD)
CCP_DEFINE_STRING_PROPERTY (CcpReview, ccp_review, CCP_IS_REVIEW, period, PROP_PERIOD)
CCP_DEFINE_VALUE_PROPERTY (CcpReview, ccp_review, CCP_IS_REVIEW, guint, revision, PROP_REVISION)
CCP_DEFINE_VALUE_PROPERTY (CcpReview, ccp_review, CCP_IS_REVIEW,
                           CcpReviewState, state, PROP_STATE)
CCP_DEFINE_STRING_PROPERTY (CcpReview, ccp_review, CCP_IS_REVIEW, author, PROP_AUTHOR)
CCP_DEFINE_STRING_PROPERTY (CcpReview, ccp_review, CCP_IS_REVIEW, time, PROP_TIME)

CcpItemList *
ccp_review_get_comments (CcpReview *self)
{
  g_return_val_if_fail (CCP_IS_REVIEW (self), NULL);

  return self->comments;
}

gboolean
ccp_review_matches_plan (CcpReview *self,
                         CcpPlan   *plan)
{
  g_return_val_if_fail (CCP_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (CCP_IS_PLAN (plan), FALSE);

  return *self->plan_id != '\0' && g_str_equal (self->plan_id, ccp_plan_get_id (plan));
}

guint
ccp_review_apply_to_plan (CcpReview *self,
                          CcpPlan   *plan)
{
  CcpItemList *target;
  guint n, added = 0;

  g_return_val_if_fail (CCP_IS_REVIEW (self), 0);
  g_return_val_if_fail (CCP_IS_PLAN (plan), 0);

  target = ccp_plan_get_comments (plan);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->comments));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpReviewComment) comment = g_list_model_get_item (G_LIST_MODEL (self->comments),
                                                                   i);
      g_autoptr(CcpReviewComment) copy = ccp_review_comment_copy (comment);
      CcpReviewComment *mine = ccp_review_comments_find (G_LIST_MODEL (target),
                                                         ccp_review_comment_get_id (comment));

      if (mine != NULL)
        {
          guint position = 0;

          /* The Focal Point's answer stands: an addressed comment stays addressed. */
          ccp_review_comment_set_addressed (copy, ccp_review_comment_get_addressed (mine) ||
                                                  ccp_review_comment_get_addressed (comment));
          if (ccp_review_comment_equal (copy, mine))
            continue;
          if (ccp_item_list_find (target, mine, &position))
            ccp_item_list_splice (target, position, 1, (gpointer *) &copy, 1);
        }
      else
        {
          ccp_item_list_append (target, copy);
          added++;
        }
    }
  return added;
}
