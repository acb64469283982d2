/* ccp-validator.c: the validator object, its entry points and the checker that collects
 * issues with their paths. The rules are in ccp-validator-{plan,field-plan,activity}.c. */
#define G_LOG_DOMAIN "ccp-validator"

#include "config.h"

#include "ccp-activity.h"
#include "ccp-data.h"
#include "ccp-field-plan.h"
#include "ccp-iso-codes.h"
#include "ccp-plan.h"
#include "ccp-registry.h"
#include "ccp-validator-private.h"
#include "ccp-vocabulary.h"

G_DEFINE_FINAL_TYPE (CcpValidator, ccp_validator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VOCABULARY,
  PROP_ISO_CODES,
  PROP_REGISTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The checker */

void
_ccp_checker_init (Checker      *c,
                   CcpValidator *self,
                   GPtrArray    *issues)
{
  c->self = self;
  c->issues = issues;
  c->path = g_string_new (NULL);
  c->prefix_len = 0;
  c->n_vocabularies = 0;
}

void
_ccp_checker_clear (Checker *c)
{
  g_string_free (c->path, TRUE);
}

void
_ccp_checker_set_prefix (Checker    *c,
                         const char *collection,
                         guint       index)
{
  char digits[16];
  guint n = 0;

  g_string_truncate (c->path, 0);
  if (collection != NULL)
    {
      /* Once per activity: the number by hand rather than through printf. */
      do
        digits[n++] = (char) ('0' + index % 10);
      while ((index /= 10) > 0);
      g_string_append (c->path, collection);
      g_string_append_c (c->path, '/');
      while (n > 0)
        g_string_append_c (c->path, digits[--n]);
      g_string_append_c (c->path, '/');
    }
  c->prefix_len = c->path->len;
}

const char *
_ccp_checker_path (Checker    *c,
                   const char *format,
                   ...)
{
  va_list args;

  g_string_truncate (c->path, c->prefix_len);
  va_start (args, format);
  g_string_append_vprintf (c->path, format, args);
  va_end (args);

  return c->path->str;
}

static void
check_final (Checker       *c,
             CcpPlanStatus  status)
{
  guint errors;

  if (status != CCP_PLAN_STATUS_FINAL)
    return;

  errors = ccp_issues_count (c->issues, CCP_SEVERITY_ERROR);
  if (errors > 0)
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "plan-final-with-errors", _ccp_checker_path (c, "status"),
               g_dngettext (GETTEXT_PACKAGE,
                            "The plan is marked final but has %u error: fix it, "
                            "or keep the plan as a draft",
                            "The plan is marked final but has %u errors: fix them, "
                            "or keep the plan as a draft",
                            errors),
               errors);
}

/* GObject */

static void
ccp_validator_constructed (GObject *object)
{
  CcpValidator *self = CCP_VALIDATOR (object);

  G_OBJECT_CLASS (ccp_validator_parent_class)->constructed (object);

  ccp_i18n_init ();

  if (self->vocabulary == NULL)
    self->vocabulary = g_object_ref (ccp_vocabulary_get_default ());
  if (self->iso_codes == NULL)
    self->iso_codes = g_object_ref (ccp_iso_codes_get_default ());
  if (self->registry == NULL)
    self->registry = g_object_ref (ccp_registry_get_default ());
}

static void
ccp_validator_dispose (GObject *object)
{
  CcpValidator *self = CCP_VALIDATOR (object);

  g_clear_object (&self->vocabulary);
  g_clear_object (&self->iso_codes);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (ccp_validator_parent_class)->dispose (object);
}

static void
ccp_validator_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CcpValidator *self = CCP_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_VOCABULARY:
      g_value_set_object (value, self->vocabulary);
      break;
    case PROP_ISO_CODES:
      g_value_set_object (value, self->iso_codes);
      break;
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_validator_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CcpValidator *self = CCP_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_VOCABULARY:
      self->vocabulary = g_value_dup_object (value);
      break;
    case PROP_ISO_CODES:
      self->iso_codes = g_value_dup_object (value);
      break;
    case PROP_REGISTRY:
      self->registry = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_validator_class_init (CcpValidatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ccp_validator_constructed;
  object_class->dispose = ccp_validator_dispose;
  object_class->get_property = ccp_validator_get_property;
  object_class->set_property = ccp_validator_set_property;

  /* NULL at construction means the library's default. */
  properties[PROP_VOCABULARY] =
    g_param_spec_object ("vocabulary", NULL, NULL,
                         CCP_TYPE_VOCABULARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ISO_CODES] =
    g_param_spec_object ("iso-codes", NULL, NULL,
                         CCP_TYPE_ISO_CODES,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL,
                         CCP_TYPE_REGISTRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ccp_validator_init (CcpValidator *self)
{
}

/* Public API */

CcpValidator *
ccp_validator_new (void)
{
  return g_object_new (CCP_TYPE_VALIDATOR, NULL);
}

CcpValidator *
ccp_validator_new_full (CcpVocabulary *vocabulary,
                        CcpIsoCodes   *iso_codes,
                        CcpRegistry   *registry)
{
  g_return_val_if_fail (vocabulary == NULL || CCP_IS_VOCABULARY (vocabulary), NULL);
  g_return_val_if_fail (iso_codes == NULL || CCP_IS_ISO_CODES (iso_codes), NULL);
  g_return_val_if_fail (registry == NULL || CCP_IS_REGISTRY (registry), NULL);

  return g_object_new (CCP_TYPE_VALIDATOR,
                       "vocabulary", vocabulary,
                       "iso-codes", iso_codes,
                       "registry", registry,
                       NULL);
}

GPtrArray *
ccp_validator_check_plan_fields (CcpValidator *self,
                                 CcpPlan      *plan)
{
  GPtrArray *issues;
  Checker c;

  g_return_val_if_fail (CCP_IS_VALIDATOR (self), NULL);
  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  issues = g_ptr_array_new_with_free_func (g_object_unref);
  _ccp_checker_init (&c, self, issues);
  _ccp_check_plan_fields (&c, plan);
  _ccp_checker_clear (&c);

  return issues;
}

GPtrArray *
ccp_validator_check_activity (CcpValidator *self,
                              CcpPlan      *plan,
                              guint         index)
{
  GListModel *activities;
  g_autoptr(CcpActivity) activity = NULL;
  ActivityContext ctx;
  GPtrArray *issues;
  Checker c;

  g_return_val_if_fail (CCP_IS_VALIDATOR (self), NULL);
  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  activities = G_LIST_MODEL (ccp_plan_get_activities (plan));
  g_return_val_if_fail (index < g_list_model_get_n_items (activities), NULL);

  activity = g_list_model_get_item (activities, index);
  issues = g_ptr_array_new_with_free_func (g_object_unref);
  _ccp_checker_init (&c, self, issues);
  _ccp_activity_context_init (&ctx, ccp_plan_get_period (plan), activities);
  _ccp_check_one_activity (&c, &ctx, index, activity, FALSE);
  _ccp_checker_clear (&c);

  return issues;
}

GPtrArray *
ccp_validator_check_plan (CcpValidator *self,
                          CcpPlan      *plan)
{
  GPtrArray *issues;
  Checker c;

  g_return_val_if_fail (CCP_IS_VALIDATOR (self), NULL);
  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  issues = g_ptr_array_new_with_free_func (g_object_unref);
  _ccp_checker_init (&c, self, issues);
  _ccp_check_plan_fields (&c, plan);
  _ccp_check_all_activities (&c, G_LIST_MODEL (ccp_plan_get_activities (plan)),
                             ccp_plan_get_period (plan), FALSE);
  check_final (&c, ccp_plan_get_status (plan));
  _ccp_checker_clear (&c);

  return issues;
}

GPtrArray *
ccp_validator_check_field_plan (CcpValidator *self,
                                CcpFieldPlan *field_plan)
{
  GPtrArray *issues;
  Checker c;

  g_return_val_if_fail (CCP_IS_VALIDATOR (self), NULL);
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);

  issues = g_ptr_array_new_with_free_func (g_object_unref);
  _ccp_checker_init (&c, self, issues);
  _ccp_check_field_plan_fields (&c, field_plan);
  _ccp_check_all_activities (&c, G_LIST_MODEL (ccp_field_plan_get_activities (field_plan)),
                             ccp_field_plan_get_period (field_plan), TRUE);
  check_final (&c, ccp_field_plan_get_status (field_plan));
  _ccp_checker_clear (&c);

  return issues;
}
