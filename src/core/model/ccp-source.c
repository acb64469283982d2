#define G_LOG_DOMAIN "ccp-source"

#include "config.h"

#include "ccp-property.h"
#include "ccp-model-private.h"
#include "ccp-review-comment.h"
#include "ccp-source.h"

G_DEFINE_ENUM_TYPE (CcpSourceStatus, ccp_source_status,
  G_DEFINE_ENUM_VALUE (CCP_SOURCE_STATUS_ACCEPTED, "accepted"),
  G_DEFINE_ENUM_VALUE (CCP_SOURCE_STATUS_SUPERSEDED, "superseded"),
  G_DEFINE_ENUM_VALUE (CCP_SOURCE_STATUS_REFUSED, "refused"))

/* The codes of the file format, never translated. */
const char *
ccp_source_status_to_code (CcpSourceStatus status)
{
  switch (status)
    {
    case CCP_SOURCE_STATUS_ACCEPTED:
      return "accepted";
    case CCP_SOURCE_STATUS_SUPERSEDED:
      return "superseded";
    case CCP_SOURCE_STATUS_REFUSED:
      return "refused";
    default:
      g_return_val_if_reached ("refused");
    }
}

gboolean
ccp_source_status_from_code (const char      *code,
                             CcpSourceStatus *status)
{
  CcpSourceStatus value;

  if (g_strcmp0 (code, "accepted") == 0)
    value = CCP_SOURCE_STATUS_ACCEPTED;
  else if (g_strcmp0 (code, "superseded") == 0)
    value = CCP_SOURCE_STATUS_SUPERSEDED;
  else if (g_strcmp0 (code, "refused") == 0)
    value = CCP_SOURCE_STATUS_REFUSED;
  else
    return FALSE;

  if (status != NULL)
    *status = value;
  return TRUE;
}

struct _CcpSource
{
  GObject          parent_instance;
  CcpItemList     *holder;   /* the lists that hold it (CcpModelItemHead) */
  GPtrArray       *other_holders;

  char            *file;
  char            *sha256;
  CcpSourceStatus  status;
  char            *reason;
  char            *city;
  char            *country;
  char            *field;
  char            *period;
  char            *plan_id;
  guint            revision;
  char            *modified;
  guint            errors;
  guint            warnings;
  char            *received;
  CcpReviewState   review;
  char            *contact_name;
  char            *contact_email;
  char            *returned;
  CcpItemList     *comments;
};

G_DEFINE_FINAL_TYPE (CcpSource, ccp_source, G_TYPE_OBJECT)
CCP_MODEL_ITEM_CHECK_HEAD (CcpSource);

enum {
  PROP_0,
  PROP_FILE,
  PROP_SHA256,
  PROP_STATUS,
  PROP_REASON,
  PROP_CITY,
  PROP_COUNTRY,
  PROP_FIELD,
  PROP_PERIOD,
  PROP_PLAN_ID,
  PROP_REVISION,
  PROP_MODIFIED,
  PROP_ERRORS,
  PROP_WARNINGS,
  PROP_RECEIVED,
  PROP_REVIEW,
  PROP_CONTACT_NAME,
  PROP_CONTACT_EMAIL,
  PROP_RETURNED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A change of a comment is a change of the source, for the lists that hold it. */
static void
comment_changed_cb (gpointer  owner,
                    GObject  *item)
{
  ccp_model_item_changed (owner);
}

static void
comments_changed_cb (gpointer owner)
{
  ccp_model_item_changed (owner);
}

static void
ccp_source_dispose (GObject *object)
{
  CcpSource *self = CCP_SOURCE (object);

  ccp_model_list_clear (&self->comments);

  G_OBJECT_CLASS (ccp_source_parent_class)->dispose (object);
}

static void
ccp_source_finalize (GObject *object)
{
  CcpSource *self = CCP_SOURCE (object);

  g_free (self->received);
  g_free (self->contact_name);
  g_free (self->contact_email);
  g_free (self->returned);
  g_free (self->file);
  g_free (self->sha256);
  g_free (self->reason);
  g_free (self->city);
  g_free (self->country);
  g_free (self->field);
  g_free (self->period);
  g_free (self->plan_id);
  g_free (self->modified);

  G_OBJECT_CLASS (ccp_source_parent_class)->finalize (object);
}

static void
ccp_source_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CcpSource *self = CCP_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_string (value, self->file);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
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
    case PROP_PLAN_ID:
      g_value_set_string (value, self->plan_id);
      break;
    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;
    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;
    case PROP_ERRORS:
      g_value_set_uint (value, self->errors);
      break;
    case PROP_WARNINGS:
      g_value_set_uint (value, self->warnings);
      break;
    case PROP_RECEIVED:
      g_value_set_string (value, self->received);
      break;
    case PROP_REVIEW:
      g_value_set_enum (value, self->review);
      break;
    case PROP_CONTACT_NAME:
      g_value_set_string (value, self->contact_name);
      break;
    case PROP_CONTACT_EMAIL:
      g_value_set_string (value, self->contact_email);
      break;
    case PROP_RETURNED:
      g_value_set_string (value, self->returned);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_source_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CcpSource *self = CCP_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      ccp_source_set_file (self, g_value_get_string (value));
      break;
    case PROP_SHA256:
      ccp_source_set_sha256 (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      ccp_source_set_status (self, g_value_get_enum (value));
      break;
    case PROP_REASON:
      ccp_source_set_reason (self, g_value_get_string (value));
      break;
    case PROP_CITY:
      ccp_source_set_city (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      ccp_source_set_country (self, g_value_get_string (value));
      break;
    case PROP_FIELD:
      ccp_source_set_field (self, g_value_get_string (value));
      break;
    case PROP_PERIOD:
      ccp_source_set_period (self, g_value_get_string (value));
      break;
    case PROP_PLAN_ID:
      ccp_source_set_plan_id (self, g_value_get_string (value));
      break;
    case PROP_REVISION:
      ccp_source_set_revision (self, g_value_get_uint (value));
      break;
    case PROP_MODIFIED:
      ccp_source_set_modified (self, g_value_get_string (value));
      break;
    case PROP_ERRORS:
      ccp_source_set_errors (self, g_value_get_uint (value));
      break;
    case PROP_WARNINGS:
      ccp_source_set_warnings (self, g_value_get_uint (value));
      break;
    case PROP_RECEIVED:
      ccp_source_set_received (self, g_value_get_string (value));
      break;
    case PROP_REVIEW:
      ccp_source_set_review (self, g_value_get_enum (value));
      break;
    case PROP_CONTACT_NAME:
      ccp_source_set_contact_name (self, g_value_get_string (value));
      break;
    case PROP_CONTACT_EMAIL:
      ccp_source_set_contact_email (self, g_value_get_string (value));
      break;
    case PROP_RETURNED:
      ccp_source_set_returned (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_source_class_init (CcpSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ccp_source_dispose;
  object_class->finalize = ccp_source_finalize;
  object_class->get_property = ccp_source_get_property;
  object_class->set_property = ccp_source_set_property;

  properties[PROP_FILE] = ccp_string_pspec ("file");
  properties[PROP_SHA256] = ccp_string_pspec ("sha256");
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CCP_TYPE_SOURCE_STATUS, CCP_SOURCE_STATUS_ACCEPTED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] = ccp_string_pspec ("reason");
  properties[PROP_CITY] = ccp_string_pspec ("city");
  properties[PROP_COUNTRY] = ccp_string_pspec ("country");
  properties[PROP_FIELD] = ccp_string_pspec ("field");
  properties[PROP_PERIOD] = ccp_string_pspec ("period");
  properties[PROP_PLAN_ID] = ccp_string_pspec ("plan-id");
  properties[PROP_REVISION] = ccp_uint_pspec ("revision");
  properties[PROP_MODIFIED] = ccp_string_pspec ("modified");
  properties[PROP_ERRORS] = ccp_uint_pspec ("errors");
  properties[PROP_WARNINGS] = ccp_uint_pspec ("warnings");
  properties[PROP_RECEIVED] = ccp_string_pspec ("received");
  properties[PROP_REVIEW] =
    g_param_spec_enum ("review", NULL, NULL,
                       CCP_TYPE_REVIEW_STATE, CCP_REVIEW_STATE_NONE, CCP_PARAM_READWRITE);
  properties[PROP_CONTACT_NAME] = ccp_string_pspec ("contact-name");
  properties[PROP_CONTACT_EMAIL] = ccp_string_pspec ("contact-email");
  properties[PROP_RETURNED] = ccp_string_pspec ("returned");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ccp_source_init (CcpSource *self)
{
  self->file = g_strdup ("");
  self->sha256 = g_strdup ("");
  self->status = CCP_SOURCE_STATUS_ACCEPTED;
  self->reason = g_strdup ("");
  self->city = g_strdup ("");
  self->country = g_strdup ("");
  self->field = g_strdup ("");
  self->period = g_strdup ("");
  self->plan_id = g_strdup ("");
  self->modified = g_strdup ("");
  self->received = g_strdup ("");
  self->contact_name = g_strdup ("");
  self->contact_email = g_strdup ("");
  self->returned = g_strdup ("");
  self->comments = ccp_item_list_new_owned (CCP_TYPE_REVIEW_COMMENT, self,
                       comment_changed_cb, comments_changed_cb);
}

CcpSource *
ccp_source_new (void)
{
  return g_object_new (CCP_TYPE_SOURCE, NULL);
}

CcpSource *
ccp_source_copy (CcpSource *self)
{
  CcpSource *copy;

  g_return_val_if_fail (CCP_IS_SOURCE (self), NULL);

  copy = g_object_new (CCP_TYPE_SOURCE,
                       "file", self->file,
                       "sha256", self->sha256,
                       "status", self->status,
                       "reason", self->reason,
                       "city", self->city,
                       "country", self->country,
                       "field", self->field,
                       "period", self->period,
                       "plan-id", self->plan_id,
                       "revision", self->revision,
                       "modified", self->modified,
                       "errors", self->errors,
                       "warnings", self->warnings,
                       "received", self->received,
                       "review", self->review,
                       "contact-name", self->contact_name,
                       "contact-email", self->contact_email,
                       "returned", self->returned,
                       NULL);
  ccp_model_list_copy_items (copy->comments, self->comments,
                             (CcpItemCopyFunc) ccp_review_comment_copy);
  return copy;
}

gboolean
ccp_source_equal (CcpSource *a,
                  CcpSource *b)
{
  g_return_val_if_fail (CCP_IS_SOURCE (a), FALSE);
  g_return_val_if_fail (CCP_IS_SOURCE (b), FALSE);

  return g_str_equal (a->file, b->file) &&
         g_str_equal (a->sha256, b->sha256) &&
         a->status == b->status &&
         g_str_equal (a->reason, b->reason) &&
         g_str_equal (a->city, b->city) &&
         g_str_equal (a->country, b->country) &&
         g_str_equal (a->field, b->field) &&
         g_str_equal (a->period, b->period) &&
         g_str_equal (a->plan_id, b->plan_id) &&
         a->revision == b->revision &&
         g_str_equal (a->modified, b->modified) &&
         a->errors == b->errors &&
         a->warnings == b->warnings &&
         g_str_equal (a->received, b->received) &&
         a->review == b->review &&
         g_str_equal (a->contact_name, b->contact_name) &&
         g_str_equal (a->contact_email, b->contact_email) &&
         g_str_equal (a->returned, b->returned) &&
         ccp_model_lists_equal (a->comments, b->comments,
                                (CcpItemEqualFunc) ccp_review_comment_equal);
}

CCP_DEFINE_STRING_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE, file, PROP_FILE)
CCP_DEFINE_STRING_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE, sha256, PROP_SHA256)
CCP_DEFINE_VALUE_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE,
                           CcpSourceStatus, status, PROP_STATUS)
CCP_DEFINE_STRING_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE, reason, PROP_REASON)
CCP_DEFINE_STRING_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE, city, PROP_CITY)
CCP_DEFINE_STRING_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE, country, PROP_COUNTRY)
CCP_DEFINE_STRING_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE, field, PROP_FIELD)
CCP_DEFINE_STRING_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE, period, PROP_PERIOD)
CCP_DEFINE_STRING_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE, plan_id, PROP_PLAN_ID)
CCP_DEFINE_VALUE_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE, guint, revision, PROP_REVISION)
CCP_DEFINE_STRING_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE, modified, PROP_MODIFIED)
CCP_DEFINE_VALUE_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE, guint, errors, PROP_ERRORS)
CCP_DEFINE_VALUE_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE, guint, warnings, PROP_WARNINGS)
CCP_DEFINE_STRING_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE, received, PROP_RECEIVED)
CCP_DEFINE_VALUE_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE,
                           CcpReviewState, review, PROP_REVIEW)
CCP_DEFINE_STRING_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE,
                            contact_name, PROP_CONTACT_NAME)
CCP_DEFINE_STRING_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE,
                            contact_email, PROP_CONTACT_EMAIL)
CCP_DEFINE_STRING_PROPERTY (CcpSource, ccp_source, CCP_IS_SOURCE, returned, PROP_RETURNED)

CcpItemList *
ccp_source_get_comments (CcpSource *self)
{
  g_return_val_if_fail (CCP_IS_SOURCE (self), NULL);

  return self->comments;
}

guint
ccp_source_count_open_comments (CcpSource *self)
{
  g_return_val_if_fail (CCP_IS_SOURCE (self), 0);

  return ccp_review_comments_count_open (G_LIST_MODEL (self->comments));
}

void
ccp_source_supersede (CcpSource *self,
                      CcpSource *newer)
{
  GListModel *mine;
  guint n;

  g_return_if_fail (CCP_IS_SOURCE (self));
  g_return_if_fail (CCP_IS_SOURCE (newer));
  g_return_if_fail (self != newer);

  if (self->review != CCP_REVIEW_STATE_NONE)
    ccp_source_set_review (self, CCP_REVIEW_STATE_SUPERSEDED);

  mine = G_LIST_MODEL (self->comments);
  n = g_list_model_get_n_items (mine);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpReviewComment) comment = g_list_model_get_item (mine, i);
      g_autoptr(CcpReviewComment) copy = NULL;

      if (ccp_review_comments_find (G_LIST_MODEL (newer->comments),
                                    ccp_review_comment_get_id (comment)) != NULL)
        continue;
      copy = ccp_review_comment_copy (comment);
      ccp_item_list_append (newer->comments, copy);
    }
}
