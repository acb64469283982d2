#define G_LOG_DOMAIN "ccp-activity"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ccp-property.h"
#include "ccp-activity.h"
#include "ccp-attribution.h"
/* Every property change of the activity is a change. */
#define CCP_MODEL_NOTIFY(self, pspec) \
  ccp_model_notify_changed (G_OBJECT (self), (pspec), signals[CHANGED])
#include "ccp-model-private.h"
#include "ccp-partner.h"
#include "ccp-result.h"

struct _CcpActivity
{
  GObject       parent_instance;
  CcpItemList  *holder;   /* the lists that hold it (CcpModelItemHead) */
  GPtrArray    *other_holders;

  char         *id;
  char         *title;
  char         *description;
  char         *kind;
  char         *scope;
  char         *state;
  char         *joint_ref;
  char         *start_date;
  char         *end_date;
  char         *place;
  char        **objectives;
  char        **areas;
  char        **sdgs;
  char         *budget_amount;
  char         *budget_currency;
  char        **funding;
  char         *carried_from_plan;
  char         *carried_from_activity;

  CcpItemList  *partner_cities;
  CcpItemList  *partner_organisations;
  CcpItemList  *results;
  CcpItemList  *attributions;

  /* Bits, together, so that an activity takes a smaller slice (a merge holds tens of
   * thousands). */
  guint         flagship : 1;
  guint         online : 1;
  guint         sdgs_none : 1;
  guint         partner_cities_none : 1;
  guint         partner_organisations_none : 1;
  guint         budget_none : 1;
  guint         funding_none : 1;
  guint         results_none : 1;
};

G_DEFINE_FINAL_TYPE (CcpActivity, ccp_activity, G_TYPE_OBJECT)
CCP_MODEL_ITEM_CHECK_HEAD (CcpActivity);

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_KIND,
  PROP_SCOPE,
  PROP_STATE,
  PROP_FLAGSHIP,
  PROP_JOINT_REF,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_PLACE,
  PROP_ONLINE,
  PROP_OBJECTIVES,
  PROP_AREAS,
  PROP_SDGS,
  PROP_SDGS_NONE,
  PROP_PARTNER_CITIES_NONE,
  PROP_PARTNER_ORGANISATIONS_NONE,
  PROP_BUDGET_NONE,
  PROP_FUNDING_NONE,
  PROP_RESULTS_NONE,
  PROP_BUDGET_AMOUNT,
  PROP_BUDGET_CURRENCY,
  PROP_FUNDING,
  PROP_CARRIED_FROM_PLAN,
  PROP_CARRIED_FROM_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A change of the activity's lists: its own "changed", and the lists that hold it. */
static void
emit_changed (gpointer owner)
{
  if (!ccp_model_is_unobserved ())
    g_signal_emit (owner, signals[CHANGED], 0);
  ccp_model_item_changed (owner);
}

static void
item_changed_cb (gpointer  owner,
                 GObject  *item)
{
  emit_changed (owner);
}

static void
ccp_activity_dispose (GObject *object)
{
  CcpActivity *self = CCP_ACTIVITY (object);

  ccp_model_list_clear (&self->partner_cities);
  ccp_model_list_clear (&self->partner_organisations);
  ccp_model_list_clear (&self->results);
  ccp_model_list_clear (&self->attributions);

  G_OBJECT_CLASS (ccp_activity_parent_class)->dispose (object);
}

static void
ccp_activity_finalize (GObject *object)
{
  CcpActivity *self = CCP_ACTIVITY (object);

  /* A list asked for after dispose is made again: let it go too. */
  ccp_model_list_clear (&self->partner_cities);
  ccp_model_list_clear (&self->partner_organisations);
  ccp_model_list_clear (&self->results);
  ccp_model_list_clear (&self->attributions);

  ccp_model_free_string (self->id);
  ccp_model_free_string (self->title);
  ccp_model_free_string (self->description);
  ccp_model_free_code (self->kind);
  ccp_model_free_code (self->scope);
  ccp_model_free_code (self->state);
  ccp_model_free_string (self->joint_ref);
  ccp_model_free_string (self->start_date);
  ccp_model_free_string (self->end_date);
  ccp_model_free_string (self->place);
  ccp_model_free_strv (self->objectives);
  ccp_model_free_strv (self->areas);
  ccp_model_free_strv (self->sdgs);
  ccp_model_free_string (self->budget_amount);
  ccp_model_free_code (self->budget_currency);
  ccp_model_free_strv (self->funding);
  ccp_model_free_string (self->carried_from_plan);
  ccp_model_free_string (self->carried_from_activity);

  G_OBJECT_CLASS (ccp_activity_parent_class)->finalize (object);
}

static void
ccp_activity_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CcpActivity *self = CCP_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_SCOPE:
      g_value_set_string (value, self->scope);
      break;
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_FLAGSHIP:
      g_value_set_boolean (value, self->flagship);
      break;
    case PROP_JOINT_REF:
      g_value_set_string (value, self->joint_ref);
      break;
    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;
    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_OBJECTIVES:
      g_value_set_boxed (value, self->objectives);
      break;
    case PROP_AREAS:
      g_value_set_boxed (value, self->areas);
      break;
    case PROP_SDGS:
      g_value_set_boxed (value, self->sdgs);
      break;
    case PROP_SDGS_NONE:
      g_value_set_boolean (value, self->sdgs_none);
      break;
    case PROP_PARTNER_CITIES_NONE:
      g_value_set_boolean (value, self->partner_cities_none);
      break;
    case PROP_PARTNER_ORGANISATIONS_NONE:
      g_value_set_boolean (value, self->partner_organisations_none);
      break;
    case PROP_BUDGET_NONE:
      g_value_set_boolean (value, self->budget_none);
      break;
    case PROP_FUNDING_NONE:
      g_value_set_boolean (value, self->funding_none);
      break;
    case PROP_RESULTS_NONE:
      g_value_set_boolean (value, self->results_none);
      break;
    case PROP_BUDGET_AMOUNT:
      g_value_set_string (value, self->budget_amount);
      break;
    case PROP_BUDGET_CURRENCY:
      g_value_set_string (value, self->budget_currency);
      break;
    case PROP_FUNDING:
      g_value_set_boxed (value, self->funding);
      break;
    case PROP_CARRIED_FROM_PLAN:
      g_value_set_string (value, self->carried_from_plan);
      break;
    case PROP_CARRIED_FROM_ACTIVITY:
      g_value_set_string (value, self->carried_from_activity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_activity_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CcpActivity *self = CCP_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      ccp_activity_set_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      ccp_activity_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      ccp_activity_set_description (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      ccp_activity_set_kind (self, g_value_get_string (value));
      break;
    case PROP_SCOPE:
      ccp_activity_set_scope (self, g_value_get_string (value));
      break;
    case PROP_STATE:
      ccp_activity_set_state (self, g_value_get_string (value));
      break;
    case PROP_FLAGSHIP:
      ccp_activity_set_flagship (self, g_value_get_boolean (value));
      break;
    case PROP_JOINT_REF:
      ccp_activity_set_joint_ref (self, g_value_get_string (value));
      break;
    case PROP_START_DATE:
      ccp_activity_set_start_date (self, g_value_get_string (value));
      break;
    case PROP_END_DATE:
      ccp_activity_set_end_date (self, g_value_get_string (value));
      break;
    case PROP_PLACE:
      ccp_activity_set_place (self, g_value_get_string (value));
      break;
    case PROP_ONLINE:
      ccp_activity_set_online (self, g_value_get_boolean (value));
      break;
    case PROP_OBJECTIVES:
      ccp_activity_set_objectives (self, g_value_get_boxed (value));
      break;
    case PROP_AREAS:
      ccp_activity_set_areas (self, g_value_get_boxed (value));
      break;
    case PROP_SDGS:
      ccp_activity_set_sdgs (self, g_value_get_boxed (value));
      break;
    case PROP_SDGS_NONE:
      ccp_activity_set_sdgs_none (self, g_value_get_boolean (value));
      break;
    case PROP_PARTNER_CITIES_NONE:
      ccp_activity_set_partner_cities_none (self, g_value_get_boolean (value));
      break;
    case PROP_PARTNER_ORGANISATIONS_NONE:
      ccp_activity_set_partner_organisations_none (self, g_value_get_boolean (value));
      break;
    case PROP_BUDGET_NONE:
      ccp_activity_set_budget_none (self, g_value_get_boolean (value));
      break;
    case PROP_FUNDING_NONE:
      ccp_activity_set_funding_none (self, g_value_get_boolean (value));
      break;
    case PROP_RESULTS_NONE:
      ccp_activity_set_results_none (self, g_value_get_boolean (value));
      break;
    case PROP_BUDGET_AMOUNT:
      ccp_activity_set_budget_amount (self, g_value_get_string (value));
      break;
    case PROP_BUDGET_CURRENCY:
      ccp_activity_set_budget_currency (self, g_value_get_string (value));
      break;
    case PROP_FUNDING:
      ccp_activity_set_funding (self, g_value_get_boxed (value));
      break;
    case PROP_CARRIED_FROM_PLAN:
      ccp_activity_set_carried_from_plan (self, g_value_get_string (value));
      break;
    case PROP_CARRIED_FROM_ACTIVITY:
      ccp_activity_set_carried_from_activity (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_activity_class_init (CcpActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ccp_activity_dispose;
  object_class->finalize = ccp_activity_finalize;
  object_class->get_property = ccp_activity_get_property;
  object_class->set_property = ccp_activity_set_property;

  properties[PROP_ID] = ccp_string_pspec ("id");
  properties[PROP_TITLE] = ccp_string_pspec ("title");
  properties[PROP_DESCRIPTION] = ccp_string_pspec ("description");
  properties[PROP_KIND] = ccp_string_pspec ("kind");
  properties[PROP_SCOPE] = ccp_string_pspec ("scope");
  properties[PROP_STATE] = ccp_string_pspec ("state");
  properties[PROP_FLAGSHIP] = ccp_boolean_pspec ("flagship");
  properties[PROP_JOINT_REF] = ccp_string_pspec ("joint-ref");
  properties[PROP_START_DATE] = ccp_string_pspec ("start-date");
  properties[PROP_END_DATE] = ccp_string_pspec ("end-date");
  properties[PROP_PLACE] = ccp_string_pspec ("place");
  properties[PROP_ONLINE] = ccp_boolean_pspec ("online");
  properties[PROP_OBJECTIVES] = ccp_strv_pspec ("objectives");
  properties[PROP_AREAS] = ccp_strv_pspec ("areas");
  properties[PROP_SDGS] = ccp_strv_pspec ("sdgs");
  properties[PROP_SDGS_NONE] = ccp_boolean_pspec ("sdgs-none");
  properties[PROP_PARTNER_CITIES_NONE] = ccp_boolean_pspec ("partner-cities-none");
  properties[PROP_PARTNER_ORGANISATIONS_NONE] = ccp_boolean_pspec ("partner-organisations-none");
  properties[PROP_BUDGET_NONE] = ccp_boolean_pspec ("budget-none");
  properties[PROP_FUNDING_NONE] = ccp_boolean_pspec ("funding-none");
  properties[PROP_RESULTS_NONE] = ccp_boolean_pspec ("results-none");
  properties[PROP_BUDGET_AMOUNT] = ccp_string_pspec ("budget-amount");
  properties[PROP_BUDGET_CURRENCY] = ccp_string_pspec ("budget-currency");
  properties[PROP_FUNDING] = ccp_strv_pspec ("funding");
  properties[PROP_CARRIED_FROM_PLAN] = ccp_string_pspec ("carried-from-plan");
  properties[PROP_CARRIED_FROM_ACTIVITY] = ccp_string_pspec ("carried-from-activity");

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ccp_activity_init (CcpActivity *self)
{
  self->id = CCP_MODEL_EMPTY_STRING;
  self->title = CCP_MODEL_EMPTY_STRING;
  self->description = CCP_MODEL_EMPTY_STRING;
  self->kind = CCP_MODEL_EMPTY_STRING;
  self->scope = CCP_MODEL_EMPTY_STRING;
  self->state = CCP_MODEL_EMPTY_STRING;
  self->joint_ref = CCP_MODEL_EMPTY_STRING;
  self->start_date = CCP_MODEL_EMPTY_STRING;
  self->end_date = CCP_MODEL_EMPTY_STRING;
  self->place = CCP_MODEL_EMPTY_STRING;
  self->objectives = CCP_MODEL_EMPTY_STRV;
  self->areas = CCP_MODEL_EMPTY_STRV;
  self->sdgs = CCP_MODEL_EMPTY_STRV;
  self->budget_amount = CCP_MODEL_EMPTY_STRING;
  self->budget_currency = CCP_MODEL_EMPTY_STRING;
  self->funding = CCP_MODEL_EMPTY_STRV;
  self->carried_from_plan = CCP_MODEL_EMPTY_STRING;
  self->carried_from_activity = CCP_MODEL_EMPTY_STRING;

  /* The four lists are made when first asked for (list_of()). */
}

static CcpItemList *
list_of (CcpActivity  *self,
         CcpItemList **list)
{
  GType type = list == &self->results ? CCP_TYPE_RESULT
               : list == &self->attributions ? CCP_TYPE_ATTRIBUTION : CCP_TYPE_PARTNER;

  return ccp_model_list_ensure (list, type, self, item_changed_cb, emit_changed);
}

/* Copies the items of from's list into copy's, leaving an empty list unmade. */
static void
copy_list (CcpActivity     *copy,
           CcpItemList    **to,
           CcpItemList     *from,
           CcpItemCopyFunc  copy_item)
{
  if (ccp_model_list_n_items (from) > 0)
    ccp_model_list_copy_items (list_of (copy, to), from, copy_item);
}

static gboolean
lists_equal (CcpItemList      *a,
             CcpItemList      *b,
             CcpItemEqualFunc  equal)
{
  if (ccp_model_list_n_items (a) == 0 || ccp_model_list_n_items (b) == 0)
    return ccp_model_list_n_items (a) == ccp_model_list_n_items (b);
  return ccp_model_lists_equal (a, b, equal);
}

CcpActivity *
ccp_activity_new (const char *id)
{
  /* Set directly, not as a property: nobody listens to a new activity yet. */
  CcpActivity *self = g_object_new (CCP_TYPE_ACTIVITY, NULL);

  ccp_model_set_string (&self->id, id);
  return self;
}


static gpointer
copy_attribution (gpointer item)
{
  return ccp_attribution_copy (item);
}

CcpActivity *
ccp_activity_copy (CcpActivity *self)
{
  CcpActivity *copy;

  g_return_val_if_fail (CCP_IS_ACTIVITY (self), NULL);

  /* Field by field, not as properties: nobody listens to the copy yet, and the varargs lookup
   * of 26 properties was most of the cost of a copy. The codes are normalised already. */
  copy = g_object_new (CCP_TYPE_ACTIVITY, NULL);
  copy->id = ccp_model_dup_string (self->id);
  copy->title = ccp_model_dup_string (self->title);
  copy->description = ccp_model_dup_string (self->description);
  copy->kind = ccp_model_dup_code (self->kind);
  copy->scope = ccp_model_dup_code (self->scope);
  copy->state = ccp_model_dup_code (self->state);
  copy->flagship = self->flagship;
  copy->joint_ref = ccp_model_dup_string (self->joint_ref);
  copy->start_date = ccp_model_dup_string (self->start_date);
  copy->end_date = ccp_model_dup_string (self->end_date);
  copy->place = ccp_model_dup_string (self->place);
  copy->online = self->online;
  copy->objectives = ccp_model_dup_strv ((const char * const *) self->objectives);
  copy->areas = ccp_model_dup_strv ((const char * const *) self->areas);
  copy->sdgs = ccp_model_dup_strv ((const char * const *) self->sdgs);
  copy->sdgs_none = self->sdgs_none;
  copy->partner_cities_none = self->partner_cities_none;
  copy->partner_organisations_none = self->partner_organisations_none;
  copy->budget_none = self->budget_none;
  copy->funding_none = self->funding_none;
  copy->results_none = self->results_none;
  copy->budget_amount = ccp_model_dup_string (self->budget_amount);
  copy->budget_currency = ccp_model_dup_code (self->budget_currency);
  copy->funding = ccp_model_dup_strv ((const char * const *) self->funding);
  copy->carried_from_plan = ccp_model_dup_string (self->carried_from_plan);
  copy->carried_from_activity = ccp_model_dup_string (self->carried_from_activity);

  copy_list (copy, &copy->partner_cities, self->partner_cities,
             (CcpItemCopyFunc) ccp_partner_copy);
  copy_list (copy, &copy->partner_organisations, self->partner_organisations,
             (CcpItemCopyFunc) ccp_partner_copy);
  copy_list (copy, &copy->results, self->results, (CcpItemCopyFunc) ccp_result_copy);
  copy_list (copy, &copy->attributions, self->attributions, copy_attribution);

  return copy;
}

gboolean
ccp_activity_equal (CcpActivity *a,
                    CcpActivity *b)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY (a), FALSE);
  g_return_val_if_fail (CCP_IS_ACTIVITY (b), FALSE);

  if (a == b)
    return TRUE;

  return g_str_equal (a->id, b->id) &&
         g_str_equal (a->title, b->title) &&
         g_str_equal (a->description, b->description) &&
         g_str_equal (a->kind, b->kind) &&
         g_str_equal (a->scope, b->scope) &&
         g_str_equal (a->state, b->state) &&
         a->flagship == b->flagship &&
         g_str_equal (a->joint_ref, b->joint_ref) &&
         g_str_equal (a->start_date, b->start_date) &&
         g_str_equal (a->end_date, b->end_date) &&
         g_str_equal (a->place, b->place) &&
         a->online == b->online &&
         g_strv_equal ((const char * const *) a->objectives,
                       (const char * const *) b->objectives) &&
         g_strv_equal ((const char * const *) a->areas, (const char * const *) b->areas) &&
         g_strv_equal ((const char * const *) a->sdgs, (const char * const *) b->sdgs) &&
         a->sdgs_none == b->sdgs_none &&
         a->partner_cities_none == b->partner_cities_none &&
         a->partner_organisations_none == b->partner_organisations_none &&
         a->budget_none == b->budget_none &&
         a->funding_none == b->funding_none &&
         a->results_none == b->results_none &&
         g_str_equal (a->budget_amount, b->budget_amount) &&
         g_str_equal (a->budget_currency, b->budget_currency) &&
         g_strv_equal ((const char * const *) a->funding, (const char * const *) b->funding) &&
         g_str_equal (a->carried_from_plan, b->carried_from_plan) &&
         g_str_equal (a->carried_from_activity, b->carried_from_activity) &&
         lists_equal (a->partner_cities, b->partner_cities,
                      (CcpItemEqualFunc) ccp_partner_equal) &&
         lists_equal (a->partner_organisations, b->partner_organisations,
                      (CcpItemEqualFunc) ccp_partner_equal) &&
         lists_equal (a->results, b->results, (CcpItemEqualFunc) ccp_result_equal) &&
         lists_equal (a->attributions, b->attributions,
                      (CcpItemEqualFunc) ccp_attribution_equal);
}

CCP_DEFINE_MODEL_STRING_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY, id, PROP_ID)
CCP_DEFINE_MODEL_STRING_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY, title, PROP_TITLE)
CCP_DEFINE_MODEL_STRING_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY,
                            description, PROP_DESCRIPTION)
CCP_DEFINE_MODEL_CODE_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY, kind, PROP_KIND)
CCP_DEFINE_MODEL_CODE_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY, scope, PROP_SCOPE)
CCP_DEFINE_MODEL_CODE_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY, state, PROP_STATE)
CCP_DEFINE_BOOLEAN_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY,
                             flagship, PROP_FLAGSHIP)
CCP_DEFINE_MODEL_STRING_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY,
                            joint_ref, PROP_JOINT_REF)
CCP_DEFINE_MODEL_STRING_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY,
                            start_date, PROP_START_DATE)
CCP_DEFINE_MODEL_STRING_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY,
                            end_date, PROP_END_DATE)
CCP_DEFINE_MODEL_STRING_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY, place, PROP_PLACE)
CCP_DEFINE_BOOLEAN_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY, online, PROP_ONLINE)
CCP_DEFINE_BOOLEAN_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY,
                             sdgs_none, PROP_SDGS_NONE)
CCP_DEFINE_BOOLEAN_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY,
                             partner_cities_none, PROP_PARTNER_CITIES_NONE)
CCP_DEFINE_BOOLEAN_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY,
                             partner_organisations_none, PROP_PARTNER_ORGANISATIONS_NONE)
CCP_DEFINE_BOOLEAN_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY,
                             budget_none, PROP_BUDGET_NONE)
CCP_DEFINE_BOOLEAN_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY,
                             funding_none, PROP_FUNDING_NONE)
CCP_DEFINE_BOOLEAN_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY,
                             results_none, PROP_RESULTS_NONE)
CCP_DEFINE_MODEL_STRING_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY,
                            budget_amount, PROP_BUDGET_AMOUNT)
CCP_DEFINE_MODEL_CODE_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY,
                                budget_currency, PROP_BUDGET_CURRENCY)
CCP_DEFINE_MODEL_STRING_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY,
                            carried_from_plan, PROP_CARRIED_FROM_PLAN)
CCP_DEFINE_MODEL_STRING_PROPERTY (CcpActivity, ccp_activity, CCP_IS_ACTIVITY,
                            carried_from_activity, PROP_CARRIED_FROM_ACTIVITY)

static gboolean
is_number (const char *code)
{
  if (*code == '\0')
    return FALSE;

  for (; *code != '\0'; code++)
    {
      if (!g_ascii_isdigit (*code))
        return FALSE;
    }

  return TRUE;
}

/* Numbers by value ("2" before "10"), ties (as "7" and "07") by text, so the order is total. */
static int
compare_numbers (gconstpointer pa,
                 gconstpointer pb)
{
  const char *a = *(const char * const *) pa;
  const char *b = *(const char * const *) pb;
  const char *da = a, *db = b;
  gsize la, lb;
  int cmp;

  while (*da == '0' && da[1] != '\0')
    da++;
  while (*db == '0' && db[1] != '\0')
    db++;
  la = strlen (da);
  lb = strlen (db);
  if (la != lb)
    return la < lb ? -1 : 1;
  cmp = strcmp (da, db);
  return cmp != 0 ? cmp : strcmp (a, b);
}

static int
compare_strings (gconstpointer pa,
                 gconstpointer pb)
{
  return strcmp (*(const char * const *) pa, *(const char * const *) pb);
}

/* Sorted (numerically when every code is a number), without duplicates or empty codes;
 * packed (ccp-model-private.h). */
static char **
normalise_codes (const char * const *codes)
{
  const char *stack[16];
  const char **sorted = stack;
  gboolean numeric = TRUE, in_order = TRUE;
  gsize n = 0, n_codes, kept = 0;
  char **result;

  n_codes = codes != NULL ? g_strv_length ((char **) codes) : 0;
  if (n_codes == 0)
    return CCP_MODEL_EMPTY_STRV;
  if (n_codes > G_N_ELEMENTS (stack))
    sorted = g_new (const char *, n_codes);

  for (gsize i = 0; i < n_codes; i++)
    {
      if (*codes[i] == '\0')
        continue;
      sorted[n++] = codes[i];
      numeric = numeric && is_number (codes[i]);
    }

  /* Files hold their codes in order already: no sort then. */
  for (gsize i = 1; i < n && in_order; i++)
    in_order = (numeric ? compare_numbers : compare_strings) (&sorted[i - 1], &sorted[i]) < 0;
  if (!in_order)
    qsort (sorted, n, sizeof (const char *), numeric ? compare_numbers : compare_strings);

  for (gsize i = 0; i < n; i++)
    {
      if (kept > 0 && g_str_equal (sorted[i], sorted[kept - 1]))
        continue;
      sorted[kept++] = sorted[i];
    }

  result = ccp_model_pack_strv (sorted, kept);
  if (sorted != stack)
    g_free (sorted);
  return result;
}

/* Takes ownership of value. */
static void
set_strv (CcpActivity  *self,
          char       ***field,
          char        **value,
          guint         prop_id)
{
  if (g_strv_equal ((const char * const *) *field, (const char * const *) value))
    {
      ccp_model_free_strv (value);
      return;
    }

  ccp_model_free_strv (*field);
  *field = value;
  CCP_MODEL_NOTIFY (self, properties[prop_id]);
}

const char * const *
ccp_activity_get_objectives (CcpActivity *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY (self), NULL);

  return (const char * const *) self->objectives;
}

void
ccp_activity_set_objectives (CcpActivity        *self,
                             const char * const *codes)
{
  g_return_if_fail (CCP_IS_ACTIVITY (self));

  set_strv (self, &self->objectives, normalise_codes (codes), PROP_OBJECTIVES);
}

const char * const *
ccp_activity_get_areas (CcpActivity *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY (self), NULL);

  return (const char * const *) self->areas;
}

void
ccp_activity_set_areas (CcpActivity        *self,
                        const char * const *codes)
{
  g_return_if_fail (CCP_IS_ACTIVITY (self));

  set_strv (self, &self->areas, normalise_codes (codes), PROP_AREAS);
}

const char * const *
ccp_activity_get_sdgs (CcpActivity *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY (self), NULL);

  return (const char * const *) self->sdgs;
}

void
ccp_activity_set_sdgs (CcpActivity        *self,
                       const char * const *codes)
{
  g_return_if_fail (CCP_IS_ACTIVITY (self));

  set_strv (self, &self->sdgs, normalise_codes (codes), PROP_SDGS);
}

const char * const *
ccp_activity_get_funding (CcpActivity *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY (self), NULL);

  return (const char * const *) self->funding;
}

/* Funding sources are free text: kept as given, in order. */
void
ccp_activity_set_funding (CcpActivity        *self,
                          const char * const *sources)
{
  g_return_if_fail (CCP_IS_ACTIVITY (self));

  set_strv (self, &self->funding,
            ccp_model_dup_strv (sources),
            PROP_FUNDING);
}

gboolean
ccp_activity_has_code (const char * const *codes,
                       const char         *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return codes != NULL && g_strv_contains (codes, code);
}

void
ccp_activity_toggle_code (CcpActivity *self,
                          const char  *property,
                          const char  *code,
                          gboolean     present)
{
  const char * const *codes;
  g_autoptr(GPtrArray) updated = NULL;

  g_return_if_fail (CCP_IS_ACTIVITY (self));
  g_return_if_fail (property != NULL);
  g_return_if_fail (code != NULL && *code != '\0');

  if (g_str_equal (property, "objectives"))
    codes = (const char * const *) self->objectives;
  else if (g_str_equal (property, "areas"))
    codes = (const char * const *) self->areas;
  else if (g_str_equal (property, "sdgs"))
    codes = (const char * const *) self->sdgs;
  else
    {
      g_critical ("%s: no code list named “%s”", G_STRFUNC, property);
      return;
    }

  if (ccp_activity_has_code (codes, code) == !!present)
    return;

  updated = g_ptr_array_new_null_terminated (8, NULL, TRUE);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (!g_str_equal (codes[i], code))
        g_ptr_array_add (updated, (gpointer) codes[i]);
    }
  if (present)
    g_ptr_array_add (updated, (gpointer) code);

  /* The setter copies before freeing the old vector, whose strings updated points to. */
  g_object_set (self, property, updated->pdata, NULL);
}

CcpItemList *
ccp_activity_get_partner_cities (CcpActivity *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY (self), NULL);

  return list_of (self, &self->partner_cities);
}

CcpItemList *
ccp_activity_get_partner_organisations (CcpActivity *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY (self), NULL);

  return list_of (self, &self->partner_organisations);
}

CcpItemList *
ccp_activity_get_results (CcpActivity *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY (self), NULL);

  return list_of (self, &self->results);
}

CcpItemList *
ccp_activity_get_attributions (CcpActivity *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY (self), NULL);

  return list_of (self, &self->attributions);
}

guint
ccp_activity_peek_n_items (CcpActivity   *self,
                           CcpItemList *(*get_list) (CcpActivity *self))
{
  CcpItemList *list;

  g_return_val_if_fail (CCP_IS_ACTIVITY (self), 0);

  if (get_list == ccp_activity_get_partner_cities)
    list = self->partner_cities;
  else if (get_list == ccp_activity_get_partner_organisations)
    list = self->partner_organisations;
  else if (get_list == ccp_activity_get_results)
    list = self->results;
  else if (get_list == ccp_activity_get_attributions)
    list = self->attributions;
  else
    g_return_val_if_reached (0);

  return ccp_model_list_n_items (list);
}

guint
ccp_activity_count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint words = 0;
  const char *p;

  if (text == NULL)
    return 0;

  for (p = text; *p != '\0';)
    {
      gunichar c;
      gboolean space;

      /* ASCII, most of the text in most plans, needs no Unicode tables. */
      if ((guchar) *p < 0x80)
        {
          /* What g_unichar_isspace() says of ASCII (no vertical tab). */
          space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
          p++;
          if (!space && !in_word)
            words++;
          in_word = !space;
          continue;
        }

      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* An invalid byte counts as part of a word; step over it alone. */
          space = FALSE;
          p++;
        }
      else
        {
          GUnicodeScript script = g_unichar_get_script (c);

          p = g_utf8_next_char (p);
          /* Chinese and Japanese put no spaces between words: each Han, Hiragana or Katakana
           * character counts as one word (the usual approximation), and their full-width
           * punctuation (。，「」) separates like a space. */
          if (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
              script == G_UNICODE_SCRIPT_KATAKANA)
            {
              words++;
              in_word = FALSE;
              continue;
            }
          space = g_unichar_isspace (c) || (g_unichar_ispunct (c) && g_unichar_iswide (c));
        }

      if (!space && !in_word)
        words++;
      in_word = !space;
    }

  return words;
}
