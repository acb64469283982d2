#define G_LOG_DOMAIN "ccp-result"

#include "config.h"

#include "ccp-property.h"
#include "ccp-model-private.h"
#include "ccp-result.h"

struct _CcpResult
{
  GObject  parent_instance;
  CcpItemList *holder;   /* the lists that hold it (CcpModelItemHead) */
  GPtrArray   *other_holders;

  char    *outcome;
  char    *indicator;
};

G_DEFINE_FINAL_TYPE (CcpResult, ccp_result, G_TYPE_OBJECT)
CCP_MODEL_ITEM_CHECK_HEAD (CcpResult);

enum {
  PROP_0,
  PROP_OUTCOME,
  PROP_INDICATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ccp_result_finalize (GObject *object)
{
  CcpResult *self = CCP_RESULT (object);

  ccp_model_free_string (self->outcome);
  ccp_model_free_string (self->indicator);

  G_OBJECT_CLASS (ccp_result_parent_class)->finalize (object);
}

static void
ccp_result_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CcpResult *self = CCP_RESULT (object);

  switch (prop_id)
    {
    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;
    case PROP_INDICATOR:
      g_value_set_string (value, self->indicator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_result_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CcpResult *self = CCP_RESULT (object);

  switch (prop_id)
    {
    case PROP_OUTCOME:
      ccp_result_set_outcome (self, g_value_get_string (value));
      break;
    case PROP_INDICATOR:
      ccp_result_set_indicator (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_result_class_init (CcpResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ccp_result_finalize;
  object_class->get_property = ccp_result_get_property;
  object_class->set_property = ccp_result_set_property;

  properties[PROP_OUTCOME] = ccp_string_pspec ("outcome");
  properties[PROP_INDICATOR] = ccp_string_pspec ("indicator");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ccp_result_init (CcpResult *self)
{
  self->outcome = CCP_MODEL_EMPTY_STRING;
  self->indicator = CCP_MODEL_EMPTY_STRING;
}

CcpResult *
ccp_result_new (const char *outcome,
                const char *indicator)
{
  /* Set directly, not as properties: nobody listens to a new result yet. */
  CcpResult *self = g_object_new (CCP_TYPE_RESULT, NULL);

  self->outcome = ccp_model_dup_string (outcome);
  self->indicator = ccp_model_dup_string (indicator);
  return self;
}

CcpResult *
ccp_result_copy (CcpResult *self)
{
  g_return_val_if_fail (CCP_IS_RESULT (self), NULL);

  return ccp_result_new (self->outcome, self->indicator);
}

gboolean
ccp_result_equal (CcpResult *a,
                  CcpResult *b)
{
  g_return_val_if_fail (CCP_IS_RESULT (a), FALSE);
  g_return_val_if_fail (CCP_IS_RESULT (b), FALSE);

  return g_str_equal (a->outcome, b->outcome) && g_str_equal (a->indicator, b->indicator);
}

CCP_DEFINE_MODEL_STRING_PROPERTY (CcpResult, ccp_result, CCP_IS_RESULT, outcome, PROP_OUTCOME)
CCP_DEFINE_MODEL_STRING_PROPERTY (CcpResult, ccp_result, CCP_IS_RESULT, indicator, PROP_INDICATOR)
