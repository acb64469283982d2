#define G_LOG_DOMAIN "ccp-field-plan"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ccp-property.h"
#include "ccp-activity.h"
#include "ccp-contact.h"
#include "ccp-error.h"
#include "ccp-field-plan.h"
/* Every property change of the field plan is a change. */
#define CCP_MODEL_NOTIFY(self, pspec) \
  ccp_model_notify_changed (G_OBJECT (self), (pspec), signals[CHANGED])
#include "ccp-model-private.h"
#include "ccp-partner.h"
#include "ccp-plan.h"
#include "ccp-activity-field.h"
#include "ccp-report-item.h"
#include "ccp-source.h"

struct _CcpFieldPlan
{
  GObject        parent_instance;
  CcpItemList   *holder;   /* always NULL: the model item head of the setters */
  GPtrArray     *other_holders;

  char          *id;
  guint          revision;
  char          *modified;
  CcpPlanStatus  status;
  char          *field;
  char          *period;
  char          *mission_statement;
  char          *consolidated;
  CcpContact    *coordinator;
  gulong         coordinator_notify_id;

  CcpItemList   *deputies;
  CcpItemList   *roster;
  CcpItemList   *sources;
  CcpItemList   *activities;
  CcpItemList   *report;
  /* Coordinators' choices: GStrv { joint-ref, field, city, country, by, on }, sorted by
   * joint reference and field, one per pair. */
  GPtrArray     *choices;
  /* The cycle: the deadline set ("" = default) and the reopenings, GStrv { on, by, why }. */
  char          *deadline;
  GPtrArray     *reopenings;
};

G_DEFINE_FINAL_TYPE (CcpFieldPlan, ccp_field_plan, G_TYPE_OBJECT)
CCP_MODEL_ITEM_CHECK_HEAD (CcpFieldPlan);

enum {
  PROP_0,
  PROP_ID,
  PROP_REVISION,
  PROP_MODIFIED,
  PROP_STATUS,
  PROP_FIELD,
  PROP_PERIOD,
  PROP_MISSION_STATEMENT,
  PROP_CONSOLIDATED,
  PROP_COORDINATOR,
  PROP_DEADLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
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
item_notify_cb (GObject      *item,
                GParamSpec   *pspec,
                CcpFieldPlan *self)
{
  emit_changed (self);
}

/* Any item of its lists, activities included. */
static void
item_changed_cb (gpointer  owner,
                 GObject  *item)
{
  emit_changed (owner);
}

static void
ccp_field_plan_dispose (GObject *object)
{
  CcpFieldPlan *self = CCP_FIELD_PLAN (object);

  if (self->coordinator != NULL)
    g_clear_signal_handler (&self->coordinator_notify_id, self->coordinator);
  g_clear_object (&self->coordinator);
  ccp_model_list_clear (&self->deputies);
  ccp_model_list_clear (&self->roster);
  ccp_model_list_clear (&self->sources);
  ccp_model_list_clear (&self->activities);
  ccp_model_list_clear (&self->report);

  G_OBJECT_CLASS (ccp_field_plan_parent_class)->dispose (object);
}

static void
ccp_field_plan_finalize (GObject *object)
{
  CcpFieldPlan *self = CCP_FIELD_PLAN (object);

  g_free (self->id);
  g_free (self->modified);
  g_free (self->field);
  g_free (self->period);
  g_free (self->mission_statement);
  g_free (self->consolidated);
  g_ptr_array_unref (self->choices);
  g_free (self->deadline);
  g_ptr_array_unref (self->reopenings);

  G_OBJECT_CLASS (ccp_field_plan_parent_class)->finalize (object);
}

static void
ccp_field_plan_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CcpFieldPlan *self = CCP_FIELD_PLAN (object);

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
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;
    case PROP_MISSION_STATEMENT:
      g_value_set_string (value, self->mission_statement);
      break;
    case PROP_CONSOLIDATED:
      g_value_set_string (value, self->consolidated);
      break;
    case PROP_COORDINATOR:
      g_value_set_object (value, self->coordinator);
      break;
    case PROP_DEADLINE:
      g_value_set_string (value, self->deadline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_field_plan_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CcpFieldPlan *self = CCP_FIELD_PLAN (object);

  switch (prop_id)
    {
    case PROP_ID:
      ccp_field_plan_set_id (self, g_value_get_string (value));
      break;
    case PROP_REVISION:
      ccp_field_plan_set_revision (self, g_value_get_uint (value));
      break;
    case PROP_MODIFIED:
      ccp_field_plan_set_modified (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      ccp_field_plan_set_status (self, g_value_get_enum (value));
      break;
    case PROP_FIELD:
      ccp_field_plan_set_field (self, g_value_get_string (value));
      break;
    case PROP_PERIOD:
      ccp_field_plan_set_period (self, g_value_get_string (value));
      break;
    case PROP_MISSION_STATEMENT:
      ccp_field_plan_set_mission_statement (self, g_value_get_string (value));
      break;
    case PROP_CONSOLIDATED:
      ccp_field_plan_set_consolidated (self, g_value_get_string (value));
      break;
    case PROP_DEADLINE:
      ccp_field_plan_set_deadline (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_field_plan_class_init (CcpFieldPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ccp_field_plan_dispose;
  object_class->finalize = ccp_field_plan_finalize;
  object_class->get_property = ccp_field_plan_get_property;
  object_class->set_property = ccp_field_plan_set_property;

  properties[PROP_ID] = ccp_string_pspec ("id");
  properties[PROP_REVISION] =
    g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] = ccp_string_pspec ("modified");
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CCP_TYPE_PLAN_STATUS, CCP_PLAN_STATUS_DRAFT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD] = ccp_string_pspec ("field");
  properties[PROP_PERIOD] = ccp_string_pspec ("period");
  properties[PROP_MISSION_STATEMENT] = ccp_string_pspec ("mission-statement");
  properties[PROP_CONSOLIDATED] = ccp_string_pspec ("consolidated");
  properties[PROP_COORDINATOR] =
    g_param_spec_object ("coordinator", NULL, NULL, CCP_TYPE_CONTACT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEADLINE] = ccp_string_pspec ("deadline");

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ccp_field_plan_init (CcpFieldPlan *self)
{
  self->id = g_strdup ("");
  self->revision = 1;
  self->modified = g_strdup ("");
  self->status = CCP_PLAN_STATUS_DRAFT;
  self->field = g_strdup ("");
  self->period = g_strdup ("");
  self->mission_statement = g_strdup ("");
  self->consolidated = g_strdup ("");

  self->coordinator = ccp_contact_new ();
  self->coordinator_notify_id = g_signal_connect (self->coordinator, "notify",
                                                  G_CALLBACK (item_notify_cb), self);

  self->deputies = ccp_item_list_new_owned (CCP_TYPE_CONTACT, self,
                       item_changed_cb, emit_changed);
  self->roster = ccp_item_list_new_owned (CCP_TYPE_PARTNER, self,
                       item_changed_cb, emit_changed);
  self->sources = ccp_item_list_new_owned (CCP_TYPE_SOURCE, self,
                       item_changed_cb, emit_changed);
  self->activities = ccp_item_list_new_owned (CCP_TYPE_ACTIVITY, self,
                       item_changed_cb, emit_changed);
  self->report = ccp_item_list_new_owned (CCP_TYPE_REPORT_ITEM, self,
                       item_changed_cb, emit_changed);
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->deadline = g_strdup ("");
  self->reopenings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

CcpFieldPlan *
ccp_field_plan_new (void)
{
  return g_object_new (CCP_TYPE_FIELD_PLAN, NULL);
}


CcpFieldPlan *
ccp_field_plan_copy (CcpFieldPlan *self)
{
  CcpFieldPlan *copy;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), NULL);

  copy = g_object_new (CCP_TYPE_FIELD_PLAN,
                       "id", self->id,
                       "revision", self->revision,
                       "modified", self->modified,
                       "status", self->status,
                       "field", self->field,
                       "period", self->period,
                       "mission-statement", self->mission_statement,
                       "consolidated", self->consolidated,
                       "deadline", self->deadline,
                       NULL);

  g_object_set (copy->coordinator,
                "name", ccp_contact_get_name (self->coordinator),
                "city", ccp_contact_get_city (self->coordinator),
                "country", ccp_contact_get_country (self->coordinator),
                "email", ccp_contact_get_email (self->coordinator),
                NULL);

  ccp_model_list_copy_items (copy->deputies, self->deputies,
                             (CcpItemCopyFunc) ccp_contact_copy);
  ccp_model_list_copy_items (copy->roster, self->roster,
                             (CcpItemCopyFunc) ccp_partner_copy);
  ccp_model_list_copy_items (copy->sources, self->sources,
                             (CcpItemCopyFunc) ccp_source_copy);
  ccp_model_list_copy_items (copy->activities, self->activities,
                             (CcpItemCopyFunc) ccp_activity_copy);
  ccp_model_list_copy_items (copy->report, self->report,
                             (CcpItemCopyFunc) ccp_report_item_copy);
  for (guint i = 0; i < self->choices->len; i++)
    g_ptr_array_add (copy->choices, g_strdupv (g_ptr_array_index (self->choices, i)));
  for (guint i = 0; i < self->reopenings->len; i++)
    g_ptr_array_add (copy->reopenings, g_strdupv (g_ptr_array_index (self->reopenings, i)));

  return copy;
}

static gboolean
choices_equal (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!g_strv_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

gboolean
ccp_field_plan_equal (CcpFieldPlan *a,
                      CcpFieldPlan *b)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (a), FALSE);
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (b), FALSE);

  if (a == b)
    return TRUE;

  return g_str_equal (a->id, b->id) &&
         a->revision == b->revision &&
         g_str_equal (a->modified, b->modified) &&
         a->status == b->status &&
         g_str_equal (a->field, b->field) &&
         g_str_equal (a->period, b->period) &&
         g_str_equal (a->mission_statement, b->mission_statement) &&
         g_str_equal (a->consolidated, b->consolidated) &&
         ccp_contact_equal (a->coordinator, b->coordinator) &&
         ccp_model_lists_equal (a->deputies, b->deputies,
                                (CcpItemEqualFunc) ccp_contact_equal) &&
         ccp_model_lists_equal (a->roster, b->roster,
                                (CcpItemEqualFunc) ccp_partner_equal) &&
         ccp_model_lists_equal (a->sources, b->sources,
                                (CcpItemEqualFunc) ccp_source_equal) &&
         ccp_model_lists_equal (a->activities, b->activities,
                                (CcpItemEqualFunc) ccp_activity_equal) &&
         ccp_model_lists_equal (a->report, b->report,
                                (CcpItemEqualFunc) ccp_report_item_equal) &&
         choices_equal (a->choices, b->choices) &&
         g_str_equal (a->deadline, b->deadline) &&
         choices_equal (a->reopenings, b->reopenings);
}

CCP_DEFINE_STRING_PROPERTY (CcpFieldPlan, ccp_field_plan, CCP_IS_FIELD_PLAN, id, PROP_ID)
CCP_DEFINE_VALUE_PROPERTY (CcpFieldPlan, ccp_field_plan, CCP_IS_FIELD_PLAN,
                           guint, revision, PROP_REVISION)
CCP_DEFINE_STRING_PROPERTY (CcpFieldPlan, ccp_field_plan, CCP_IS_FIELD_PLAN,
                            modified, PROP_MODIFIED)
CCP_DEFINE_VALUE_PROPERTY (CcpFieldPlan, ccp_field_plan, CCP_IS_FIELD_PLAN,
                           CcpPlanStatus, status, PROP_STATUS)
CCP_DEFINE_STRING_PROPERTY (CcpFieldPlan, ccp_field_plan, CCP_IS_FIELD_PLAN, field, PROP_FIELD)
CCP_DEFINE_STRING_PROPERTY (CcpFieldPlan, ccp_field_plan, CCP_IS_FIELD_PLAN,
                            period, PROP_PERIOD)
CCP_DEFINE_STRING_PROPERTY (CcpFieldPlan, ccp_field_plan, CCP_IS_FIELD_PLAN,
                            mission_statement, PROP_MISSION_STATEMENT)
CCP_DEFINE_STRING_PROPERTY (CcpFieldPlan, ccp_field_plan, CCP_IS_FIELD_PLAN,
                            consolidated, PROP_CONSOLIDATED)

CcpContact *
ccp_field_plan_get_coordinator (CcpFieldPlan *self)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), NULL);

  return self->coordinator;
}

CcpItemList *
ccp_field_plan_get_deputies (CcpFieldPlan *self)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), NULL);

  return self->deputies;
}

CcpItemList *
ccp_field_plan_get_roster (CcpFieldPlan *self)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), NULL);

  return self->roster;
}

CcpItemList *
ccp_field_plan_get_sources (CcpFieldPlan *self)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), NULL);

  return self->sources;
}

CcpItemList *
ccp_field_plan_get_activities (CcpFieldPlan *self)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), NULL);

  return self->activities;
}

CcpItemList *
ccp_field_plan_get_report (CcpFieldPlan *self)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), NULL);

  return self->report;
}

void
ccp_field_plan_add_choice (CcpFieldPlan *self,
                           const char   *joint_ref,
                           const char   *field,
                           const char   *city,
                           const char   *country,
                           const char   *by,
                           const char   *on)
{
  const char *parts[] = { joint_ref, field, city, country, by, on };
  char **choice;
  guint i;

  g_return_if_fail (CCP_IS_FIELD_PLAN (self));
  g_return_if_fail (joint_ref != NULL && field != NULL);

  choice = g_new0 (char *, G_N_ELEMENTS (parts) + 1);
  for (guint j = 0; j < G_N_ELEMENTS (parts); j++)
    choice[j] = g_strdup (parts[j] != NULL ? parts[j] : "");

  for (i = 0; i < self->choices->len; i++)
    {
      char **other = g_ptr_array_index (self->choices, i);
      int c = strcmp (other[0], joint_ref);

      if (c == 0)
        c = strcmp (other[1], field);
      if (c == 0)
        {
          g_ptr_array_remove_index (self->choices, i);
          break;
        }
      if (c > 0)
        break;
    }
  g_ptr_array_insert (self->choices, (int) i, choice);
  emit_changed (self);
}

guint
ccp_field_plan_get_n_choices (CcpFieldPlan *self)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), 0);

  return self->choices->len;
}

const char * const *
ccp_field_plan_get_choice (CcpFieldPlan *self,
                           guint         index)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), NULL);
  g_return_val_if_fail (index < self->choices->len, NULL);

  return g_ptr_array_index (self->choices, index);
}

const char * const *
ccp_field_plan_find_choice (CcpFieldPlan *self,
                            const char   *joint_ref,
                            const char   *field)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), NULL);

  for (guint i = 0; i < self->choices->len; i++)
    {
      char **choice = g_ptr_array_index (self->choices, i);

      if (g_str_equal (choice[0], joint_ref) && g_str_equal (choice[1], field))
        return (const char * const *) choice;
    }
  return NULL;
}

gboolean
ccp_field_plan_choose (CcpFieldPlan *self,
                       const char   *activity_id,
                       const char   *field,
                       const char   *city,
                       const char   *country,
                       const char   *who,
                       const char   *when)
{
  GListModel *activities, *report;
  g_autoptr(CcpActivity) activity = NULL;
  const CcpActivityField *row;
  const char *joint_ref;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), FALSE);
  g_return_val_if_fail (activity_id != NULL && field != NULL && city != NULL, FALSE);

  row = ccp_activity_field_find (field);
  if (row == NULL || row->share != CCP_FIELD_SHARE_SHARED)
    return FALSE;

  activities = G_LIST_MODEL (self->activities);
  for (guint i = 0; i < g_list_model_get_n_items (activities) && activity == NULL; i++)
    {
      g_autoptr(CcpActivity) candidate = g_list_model_get_item (activities, i);

      if (g_str_equal (ccp_activity_get_id (candidate), activity_id))
        activity = g_steal_pointer (&candidate);
    }
  if (activity == NULL || *(joint_ref = ccp_activity_get_joint_ref (activity)) == '\0')
    return FALSE;

  /* The chosen city's value is in the conflict item; it becomes the activity's. */
  report = G_LIST_MODEL (self->report);
  for (guint i = 0; i < g_list_model_get_n_items (report); i++)
    {
      g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);

      if (!g_str_equal (ccp_report_item_get_kind (item), "joint-conflict") ||
          !g_str_equal (ccp_report_item_get_joint_ref (item), joint_ref) ||
          !g_str_equal (ccp_report_item_get_code (item), field))
        continue;
      for (guint c = 0; c < ccp_report_item_get_n_copies (item); c++)
        {
          const char * const *copy = ccp_report_item_get_copy (item, c);

          if (!g_str_equal (copy[0], city) || (country != NULL && !g_str_equal (copy[1], country)))
            continue;
          if (!ccp_activity_field_from_string (row, activity, copy[3]))
            return FALSE;
          ccp_report_item_set_city (item, copy[0]);
          ccp_report_item_set_country (item, copy[1]);
          ccp_report_item_set_activity (item, copy[2]);
          ccp_report_item_add_value (item, "chosen-by", who);
          ccp_report_item_add_value (item, "chosen-on", when);
          ccp_field_plan_add_choice (self, joint_ref, field, copy[0], copy[1], who, when);
          return TRUE;
        }
    }
  return FALSE;
}

/* The cycle (issue 18) */

CCP_DEFINE_STRING_PROPERTY (CcpFieldPlan, ccp_field_plan, CCP_IS_FIELD_PLAN,
                            deadline, PROP_DEADLINE)

char *
ccp_period_default_deadline (const char *period)
{
  GDate first, last;

  if (!ccp_period_get_range (period, &first, &last))
    return NULL;
  g_date_subtract_months (&first, 1);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&first),
                          (guint) g_date_get_month (&first), g_date_get_day (&first));
}

char *
ccp_field_plan_get_effective_deadline (CcpFieldPlan *self)
{
  GDate date;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), NULL);

  if (ccp_date_parse (self->deadline, &date))
    return g_strdup (self->deadline);
  return ccp_period_default_deadline (self->period);
}

gboolean
ccp_field_plan_is_locked (CcpFieldPlan *self)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), FALSE);

  return self->status == CCP_PLAN_STATUS_FINAL;
}

gboolean
ccp_field_plan_check_open (CcpFieldPlan  *self,
                           GError       **error)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ccp_field_plan_is_locked (self))
    return TRUE;

  g_set_error (error, CCP_ERROR, CCP_ERROR_FINAL,
               /* Translators: the field plan's creative field code and period, e.g. "music
                * 2027-H1" */
               _("The field plan %s %s is final; reopen it first"),
               *self->field != '\0' ? self->field : "?",
               *self->period != '\0' ? self->period : "?");
  return FALSE;
}

void
ccp_field_plan_lock (CcpFieldPlan *self)
{
  g_return_if_fail (CCP_IS_FIELD_PLAN (self));

  ccp_field_plan_set_status (self, CCP_PLAN_STATUS_FINAL);
}

void
ccp_field_plan_add_reopening (CcpFieldPlan *self,
                              const char   *on,
                              const char   *by,
                              const char   *why)
{
  char **reopening;

  g_return_if_fail (CCP_IS_FIELD_PLAN (self));

  reopening = g_new0 (char *, 4);
  reopening[0] = g_strdup (on != NULL ? on : "");
  reopening[1] = g_strdup (by != NULL ? by : "");
  reopening[2] = g_strdup (why != NULL ? why : "");
  g_ptr_array_add (self->reopenings, reopening);
  emit_changed (self);
}

gboolean
ccp_field_plan_reopen (CcpFieldPlan *self,
                       const char   *when,
                       const char   *by,
                       const char   *why)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), FALSE);

  if (!ccp_field_plan_is_locked (self))
    return FALSE;
  if (when == NULL)
    when = now = ccp_time_now ();
  ccp_field_plan_add_reopening (self, when, by, why);
  ccp_field_plan_set_status (self, CCP_PLAN_STATUS_DRAFT);
  return TRUE;
}

guint
ccp_field_plan_get_n_reopenings (CcpFieldPlan *self)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), 0);

  return self->reopenings->len;
}

const char * const *
ccp_field_plan_get_reopening (CcpFieldPlan *self,
                              guint         index)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), NULL);
  g_return_val_if_fail (index < self->reopenings->len, NULL);

  return g_ptr_array_index (self->reopenings, index);
}

CcpSource *
ccp_field_plan_find_source (CcpFieldPlan *self,
                            const char   *plan_id,
                            guint         revision)
{
  GListModel *sources;
  CcpSource *best = NULL;
  guint n;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (self), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  sources = G_LIST_MODEL (self->sources);
  n = g_list_model_get_n_items (sources);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

      if (!g_str_equal (ccp_source_get_plan_id (source), plan_id))
        continue;
      if (revision != 0)
        {
          if (ccp_source_get_revision (source) == revision)
            return source;  /* the list keeps its reference */
          continue;
        }
      if (ccp_source_get_status (source) == CCP_SOURCE_STATUS_ACCEPTED)
        return source;
      if (best == NULL || ccp_source_get_revision (source) > ccp_source_get_revision (best))
        best = source;
    }
  return best;
}
