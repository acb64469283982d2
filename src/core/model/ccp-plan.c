#define G_LOG_DOMAIN "ccp-plan"

#include "config.h"

#include <string.h>

#include "ccp-property.h"
#include "ccp-activity.h"
/* Every property change of the plan is a change. */
#define CCP_MODEL_NOTIFY(self, pspec) \
  ccp_model_notify_changed (G_OBJECT (self), (pspec), signals[CHANGED])
#include "ccp-model-private.h"
#include "ccp-plan.h"
#include "ccp-review-comment.h"

struct _CcpPlan
{
  GObject        parent_instance;
  CcpItemList   *holder;   /* always NULL: the model item head of the setters */
  GPtrArray     *other_holders;

  char          *id;
  guint          revision;
  char          *modified;
  CcpPlanStatus  status;
  char          *city;
  char          *country;
  char          *field;
  char          *period;
  char          *mission_statement;
  char          *focal_point_name;
  char          *focal_point_email;
  char          *focal_point_phone;
  gboolean       representative_none;
  char          *representative_name;
  char          *representative_title;
  char          *representative_email;

  CcpItemList   *activities;
  char          *sent;
  guint          sent_revision;
  CcpItemList   *comments;
};

G_DEFINE_FINAL_TYPE (CcpPlan, ccp_plan, G_TYPE_OBJECT)
CCP_MODEL_ITEM_CHECK_HEAD (CcpPlan);

enum {
  PROP_0,
  PROP_ID,
  PROP_REVISION,
  PROP_MODIFIED,
  PROP_STATUS,
  PROP_CITY,
  PROP_COUNTRY,
  PROP_FIELD,
  PROP_PERIOD,
  PROP_MISSION_STATEMENT,
  PROP_FOCAL_POINT_NAME,
  PROP_FOCAL_POINT_EMAIL,
  PROP_FOCAL_POINT_PHONE,
  PROP_REPRESENTATIVE_NONE,
  PROP_REPRESENTATIVE_NAME,
  PROP_REPRESENTATIVE_TITLE,
  PROP_REPRESENTATIVE_EMAIL,
  PROP_SENT,
  PROP_SENT_REVISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  ACTIVITY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (gpointer owner)
{
  if (!ccp_model_is_unobserved ())
    g_signal_emit (owner, signals[CHANGED], 0);
}

static void
activity_changed_cb (gpointer  owner,
                     GObject  *activity)
{
  if (!ccp_model_is_unobserved ())
    g_signal_emit (owner, signals[ACTIVITY_CHANGED], 0, activity);
  emit_changed (owner);
}

static void
comment_changed_cb (gpointer  owner,
                    GObject  *item)
{
  emit_changed (owner);
}

static void
ccp_plan_dispose (GObject *object)
{
  CcpPlan *self = CCP_PLAN (object);

  ccp_model_list_clear (&self->activities);
  ccp_model_list_clear (&self->comments);

  G_OBJECT_CLASS (ccp_plan_parent_class)->dispose (object);
}

static void
ccp_plan_finalize (GObject *object)
{
  CcpPlan *self = CCP_PLAN (object);

  g_free (self->id);
  g_free (self->modified);
  g_free (self->city);
  g_free (self->country);
  g_free (self->field);
  g_free (self->period);
  g_free (self->mission_statement);
  g_free (self->focal_point_name);
  g_free (self->focal_point_email);
  g_free (self->focal_point_phone);
  g_free (self->representative_name);
  g_free (self->representative_title);
  g_free (self->representative_email);
  g_free (self->sent);

  G_OBJECT_CLASS (ccp_plan_parent_class)->finalize (object);
}

static void
ccp_plan_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CcpPlan *self = CCP_PLAN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;
    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
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
    case PROP_MISSION_STATEMENT:
      g_value_set_string (value, self->mission_statement);
      break;
    case PROP_FOCAL_POINT_NAME:
      g_value_set_string (value, self->focal_point_name);
      break;
    case PROP_FOCAL_POINT_EMAIL:
      g_value_set_string (value, self->focal_point_email);
      break;
    case PROP_FOCAL_POINT_PHONE:
      g_value_set_string (value, self->focal_point_phone);
      break;
    case PROP_REPRESENTATIVE_NONE:
      g_value_set_boolean (value, self->representative_none);
      break;
    case PROP_REPRESENTATIVE_NAME:
      g_value_set_string (value, self->representative_name);
      break;
    case PROP_REPRESENTATIVE_TITLE:
      g_value_set_string (value, self->representative_title);
      break;
    case PROP_REPRESENTATIVE_EMAIL:
      g_value_set_string (value, self->representative_email);
      break;
    case PROP_SENT:
      g_value_set_string (value, self->sent);
      break;
    case PROP_SENT_REVISION:
      g_value_set_uint (value, self->sent_revision);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_plan_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CcpPlan *self = CCP_PLAN (object);

  switch (prop_id)
    {
    case PROP_ID:
      ccp_plan_set_id (self, g_value_get_string (value));
      break;
    case PROP_REVISION:
      ccp_plan_set_revision (self, g_value_get_uint (value));
      break;
    case PROP_MODIFIED:
      ccp_plan_set_modified (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      ccp_plan_set_status (self, g_value_get_enum (value));
      break;
    case PROP_CITY:
      ccp_plan_set_city (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      ccp_plan_set_country (self, g_value_get_string (value));
      break;
    case PROP_FIELD:
      ccp_plan_set_field (self, g_value_get_string (value));
      break;
    case PROP_PERIOD:
      ccp_plan_set_period (self, g_value_get_string (value));
      break;
    case PROP_MISSION_STATEMENT:
      ccp_plan_set_mission_statement (self, g_value_get_string (value));
      break;
    case PROP_FOCAL_POINT_NAME:
      ccp_plan_set_focal_point_name (self, g_value_get_string (value));
      break;
    case PROP_FOCAL_POINT_EMAIL:
      ccp_plan_set_focal_point_email (self, g_value_get_string (value));
      break;
    case PROP_FOCAL_POINT_PHONE:
      ccp_plan_set_focal_point_phone (self, g_value_get_string (value));
      break;
    case PROP_REPRESENTATIVE_NONE:
      ccp_plan_set_representative_none (self, g_value_get_boolean (value));
      break;
    case PROP_REPRESENTATIVE_NAME:
      ccp_plan_set_representative_name (self, g_value_get_string (value));
      break;
    case PROP_REPRESENTATIVE_TITLE:
      ccp_plan_set_representative_title (self, g_value_get_string (value));
      break;
    case PROP_REPRESENTATIVE_EMAIL:
      ccp_plan_set_representative_email (self, g_value_get_string (value));
      break;
    case PROP_SENT:
      ccp_plan_set_sent (self, g_value_get_string (value));
      break;
    case PROP_SENT_REVISION:
      ccp_plan_set_sent_revision (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_plan_class_init (CcpPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ccp_plan_dispose;
  object_class->finalize = ccp_plan_finalize;
  object_class->get_property = ccp_plan_get_property;
  object_class->set_property = ccp_plan_set_property;

  properties[PROP_ID] = ccp_string_pspec ("id");
  properties[PROP_REVISION] =
    g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] = ccp_string_pspec ("modified");
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CCP_TYPE_PLAN_STATUS, CCP_PLAN_STATUS_DRAFT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITY] = ccp_string_pspec ("city");
  properties[PROP_COUNTRY] = ccp_string_pspec ("country");
  properties[PROP_FIELD] = ccp_string_pspec ("field");
  properties[PROP_PERIOD] = ccp_string_pspec ("period");
  properties[PROP_MISSION_STATEMENT] = ccp_string_pspec ("mission-statement");
  properties[PROP_FOCAL_POINT_NAME] = ccp_string_pspec ("focal-point-name");
  properties[PROP_FOCAL_POINT_EMAIL] = ccp_string_pspec ("focal-point-email");
  properties[PROP_FOCAL_POINT_PHONE] = ccp_string_pspec ("focal-point-phone");
  properties[PROP_REPRESENTATIVE_NONE] = ccp_boolean_pspec ("representative-none");
  properties[PROP_REPRESENTATIVE_NAME] = ccp_string_pspec ("representative-name");
  properties[PROP_REPRESENTATIVE_TITLE] = ccp_string_pspec ("representative-title");
  properties[PROP_REPRESENTATIVE_EMAIL] = ccp_string_pspec ("representative-email");
  properties[PROP_SENT] = ccp_string_pspec ("sent");
  properties[PROP_SENT_REVISION] = ccp_uint_pspec ("sent-revision");

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[ACTIVITY_CHANGED] =
    g_signal_new ("activity-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CCP_TYPE_ACTIVITY);
}

static void
ccp_plan_init (CcpPlan *self)
{
  self->id = g_strdup ("");
  self->revision = 1;
  self->modified = g_strdup ("");
  self->status = CCP_PLAN_STATUS_DRAFT;
  self->city = g_strdup ("");
  self->country = g_strdup ("");
  self->field = g_strdup ("");
  self->period = g_strdup ("");
  self->mission_statement = g_strdup ("");
  self->focal_point_name = g_strdup ("");
  self->focal_point_email = g_strdup ("");
  self->focal_point_phone = g_strdup ("");
  self->representative_name = g_strdup ("");
  self->representative_title = g_strdup ("");
  self->representative_email = g_strdup ("");

  self->activities = ccp_item_list_new_owned (CCP_TYPE_ACTIVITY, self,
                       activity_changed_cb, emit_changed);
  self->sent = g_strdup ("");
  self->comments = ccp_item_list_new_owned (CCP_TYPE_REVIEW_COMMENT, self,
                       comment_changed_cb, emit_changed);
}

CcpPlan *
ccp_plan_new (void)
{
  return g_object_new (CCP_TYPE_PLAN, NULL);
}

CcpPlan *
ccp_plan_new_draft (void)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *modified = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  return g_object_new (CCP_TYPE_PLAN,
                       "id", id,
                       "revision", 1,
                       "modified", modified,
                       "status", CCP_PLAN_STATUS_DRAFT,
                       "mission-statement", CCP_MISSION_STATEMENT_CURRENT,
                       NULL);
}

CcpPlan *
ccp_plan_copy (CcpPlan *self)
{
  CcpPlan *copy;
  guint n_items;
  g_autoptr(GPtrArray) activities = NULL;

  g_return_val_if_fail (CCP_IS_PLAN (self), NULL);

  copy = g_object_new (CCP_TYPE_PLAN,
                       "id", self->id,
                       "revision", self->revision,
                       "modified", self->modified,
                       "status", self->status,
                       "city", self->city,
                       "country", self->country,
                       "field", self->field,
                       "period", self->period,
                       "mission-statement", self->mission_statement,
                       "focal-point-name", self->focal_point_name,
                       "focal-point-email", self->focal_point_email,
                       "focal-point-phone", self->focal_point_phone,
                       "representative-none", self->representative_none,
                       "representative-name", self->representative_name,
                       "representative-title", self->representative_title,
                       "representative-email", self->representative_email,
                       NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->activities));
  activities = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CcpActivity) activity =
        g_list_model_get_item (G_LIST_MODEL (self->activities), i);

      g_ptr_array_add (activities, ccp_activity_copy (activity));
    }
  ccp_item_list_splice (copy->activities, 0, 0, activities->pdata, activities->len);
  ccp_plan_set_sent (copy, self->sent);
  ccp_plan_set_sent_revision (copy, self->sent_revision);
  ccp_model_list_copy_items (copy->comments, self->comments,
                             (CcpItemCopyFunc) ccp_review_comment_copy);

  return copy;
}

gboolean
ccp_plan_equal (CcpPlan *a,
                CcpPlan *b)
{
  guint n_items;

  g_return_val_if_fail (CCP_IS_PLAN (a), FALSE);
  g_return_val_if_fail (CCP_IS_PLAN (b), FALSE);

  if (a == b)
    return TRUE;

  if (!g_str_equal (a->id, b->id) ||
      a->revision != b->revision ||
      !g_str_equal (a->modified, b->modified) ||
      a->status != b->status ||
      !g_str_equal (a->city, b->city) ||
      !g_str_equal (a->country, b->country) ||
      !g_str_equal (a->field, b->field) ||
      !g_str_equal (a->period, b->period) ||
      !g_str_equal (a->mission_statement, b->mission_statement) ||
      !g_str_equal (a->focal_point_name, b->focal_point_name) ||
      !g_str_equal (a->focal_point_email, b->focal_point_email) ||
      !g_str_equal (a->focal_point_phone, b->focal_point_phone) ||
      a->representative_none != b->representative_none ||
      !g_str_equal (a->representative_name, b->representative_name) ||
      !g_str_equal (a->representative_title, b->representative_title) ||
      !g_str_equal (a->representative_email, b->representative_email) ||
      !g_str_equal (a->sent, b->sent) ||
      a->sent_revision != b->sent_revision ||
      !ccp_model_lists_equal (a->comments, b->comments,
                              (CcpItemEqualFunc) ccp_review_comment_equal))
    return FALSE;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (a->activities));
  if (n_items != g_list_model_get_n_items (G_LIST_MODEL (b->activities)))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CcpActivity) activity_a =
        g_list_model_get_item (G_LIST_MODEL (a->activities), i);
      g_autoptr(CcpActivity) activity_b =
        g_list_model_get_item (G_LIST_MODEL (b->activities), i);

      if (!ccp_activity_equal (activity_a, activity_b))
        return FALSE;
    }

  return TRUE;
}

CCP_DEFINE_STRING_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN, id, PROP_ID)
CCP_DEFINE_VALUE_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN, guint, revision, PROP_REVISION)
CCP_DEFINE_STRING_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN, modified, PROP_MODIFIED)
CCP_DEFINE_VALUE_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN, CcpPlanStatus, status, PROP_STATUS)
CCP_DEFINE_STRING_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN, city, PROP_CITY)
CCP_DEFINE_STRING_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN, country, PROP_COUNTRY)
CCP_DEFINE_STRING_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN, field, PROP_FIELD)
CCP_DEFINE_STRING_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN, period, PROP_PERIOD)
CCP_DEFINE_STRING_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN,
                            mission_statement, PROP_MISSION_STATEMENT)
CCP_DEFINE_STRING_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN,
                            focal_point_name, PROP_FOCAL_POINT_NAME)
CCP_DEFINE_STRING_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN,
                            focal_point_email, PROP_FOCAL_POINT_EMAIL)
CCP_DEFINE_STRING_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN,
                            focal_point_phone, PROP_FOCAL_POINT_PHONE)
CCP_DEFINE_BOOLEAN_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN,
                             representative_none, PROP_REPRESENTATIVE_NONE)
CCP_DEFINE_STRING_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN,
                            representative_name, PROP_REPRESENTATIVE_NAME)
CCP_DEFINE_STRING_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN,
                            representative_title, PROP_REPRESENTATIVE_TITLE)
CCP_DEFINE_STRING_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN,
                            representative_email, PROP_REPRESENTATIVE_EMAIL)

CcpItemList *
ccp_plan_get_activities (CcpPlan *self)
{
  g_return_val_if_fail (CCP_IS_PLAN (self), NULL);

  return self->activities;
}

CcpActivity *
ccp_plan_find_activity (CcpPlan    *self,
                        const char *id)
{
  guint n_items;

  g_return_val_if_fail (CCP_IS_PLAN (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->activities));
  for (guint i = 0; i < n_items; i++)
    {
      /* The store keeps its reference: the activity outlives this borrowed pointer. */
      g_autoptr(CcpActivity) activity =
        g_list_model_get_item (G_LIST_MODEL (self->activities), i);

      if (g_str_equal (ccp_activity_get_id (activity), id))
        return activity;
    }

  return NULL;
}

/* One more than the highest "aN" in use, so that an identifier removed in this revision is not
 * given to a new activity (merges compare revisions by identifier). */
char *
ccp_plan_next_activity_id (CcpPlan *self)
{
  guint64 highest = 0;
  guint n_items;
  char *id;

  g_return_val_if_fail (CCP_IS_PLAN (self), NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->activities));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CcpActivity) activity =
        g_list_model_get_item (G_LIST_MODEL (self->activities), i);
      const char *existing = ccp_activity_get_id (activity);
      guint64 number;

      if (existing[0] == 'a' &&
          g_ascii_string_to_unsigned (existing + 1, 10, 1, G_MAXUINT32, &number, NULL) &&
          number > highest)
        highest = number;
    }

  id = g_strdup_printf ("a%" G_GUINT64_FORMAT, highest + 1);

  /* Odd identifiers ("a007") may still collide; skip them. */
  while (ccp_plan_find_activity (self, id) != NULL)
    {
      g_free (id);
      id = g_strdup_printf ("a%" G_GUINT64_FORMAT, ++highest + 1);
    }

  return id;
}

static gboolean
parse_digits (const char *text,
              gsize       n_digits,
              guint      *value)
{
  guint result = 0;

  for (gsize i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      result = result * 10 + (text[i] - '0');
    }

  *value = result;
  return TRUE;
}

gboolean
ccp_period_parse (const char *period,
                  guint      *year,
                  guint      *half)
{
  guint y, h;

  if (period == NULL || strlen (period) != 7)
    return FALSE;

  if (!parse_digits (period, 4, &y) || y == 0 ||
      period[4] != '-' || period[5] != 'H' ||
      (period[6] != '1' && period[6] != '2'))
    return FALSE;

  h = period[6] - '0';

  if (year != NULL)
    *year = y;
  if (half != NULL)
    *half = h;
  return TRUE;
}

gboolean
ccp_period_get_range (const char *period,
                      GDate      *first,
                      GDate      *last)
{
  guint year, half;

  if (!ccp_period_parse (period, &year, &half))
    return FALSE;

  if (first != NULL)
    g_date_set_dmy (first, 1, half == 1 ? G_DATE_JANUARY : G_DATE_JULY, year);
  if (last != NULL)
    g_date_set_dmy (last, half == 1 ? 30 : 31, half == 1 ? G_DATE_JUNE : G_DATE_DECEMBER, year);
  return TRUE;
}

char *
ccp_period_next (const char *period)
{
  guint year, half;

  if (!ccp_period_parse (period, &year, &half))
    return NULL;

  if (half == 1)
    return g_strdup_printf ("%04u-H2", year);
  if (year >= 9999)
    return NULL;
  return g_strdup_printf ("%04u-H1", year + 1);
}

gboolean
ccp_date_parse (const char *text,
                GDate      *date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10)
    return FALSE;

  if (!parse_digits (text, 4, &year) || text[4] != '-' ||
      !parse_digits (text + 5, 2, &month) || text[7] != '-' ||
      !parse_digits (text + 8, 2, &day))
    return FALSE;

  if (year == 0 || month < 1 || month > 12 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  if (date != NULL)
    g_date_set_dmy (date, day, month, year);
  return TRUE;
}

CCP_DEFINE_STRING_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN, sent, PROP_SENT)
CCP_DEFINE_VALUE_PROPERTY (CcpPlan, ccp_plan, CCP_IS_PLAN, guint, sent_revision,
                           PROP_SENT_REVISION)

void
ccp_plan_mark_sent (CcpPlan    *self,
                    const char *when)
{
  g_autofree char *now = NULL;

  g_return_if_fail (CCP_IS_PLAN (self));

  if (when == NULL)
    when = now = ccp_time_now ();
  ccp_plan_set_sent (self, when);
  ccp_plan_set_sent_revision (self, self->revision);
}

CcpItemList *
ccp_plan_get_comments (CcpPlan *self)
{
  g_return_val_if_fail (CCP_IS_PLAN (self), NULL);

  return self->comments;
}

char *
ccp_time_now (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;

  /* Reproducible outputs (tests, golden files) as for the merge time. */
  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    now = g_date_time_new_from_unix_utc ((gint64) seconds);
  if (now == NULL)
    now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
