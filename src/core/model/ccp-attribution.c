#define G_LOG_DOMAIN "ccp-attribution"

#include "config.h"

#include "ccp-activity.h"
#include "ccp-activity-field.h"
#include "ccp-property.h"
#include "ccp-attribution.h"
#include "ccp-model-private.h"
#include "ccp-partner.h"
#include "ccp-result.h"

/* Where a copy came from never changes; the contribution is set when the attribution is made
 * (by the merge or the reader). */
struct _CcpAttribution
{
  GObject  parent_instance;
  CcpItemList *holder;   /* the lists that hold it (CcpModelItemHead) */
  GPtrArray   *other_holders;

  char    *city;
  char    *country;
  char    *plan_id;
  char    *activity_id;
  CcpActivity *values;
};

G_DEFINE_FINAL_TYPE (CcpAttribution, ccp_attribution, G_TYPE_OBJECT)
CCP_MODEL_ITEM_CHECK_HEAD (CcpAttribution);

enum {
  PROP_0,
  PROP_CITY,
  PROP_COUNTRY,
  PROP_PLAN_ID,
  PROP_ACTIVITY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ccp_attribution_finalize (GObject *object)
{
  CcpAttribution *self = CCP_ATTRIBUTION (object);

  g_free (self->city);
  g_free (self->country);
  g_free (self->plan_id);
  g_free (self->activity_id);
  g_clear_object (&self->values);

  G_OBJECT_CLASS (ccp_attribution_parent_class)->finalize (object);
}

static void
ccp_attribution_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CcpAttribution *self = CCP_ATTRIBUTION (object);

  switch (prop_id)
    {
    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_PLAN_ID:
      g_value_set_string (value, self->plan_id);
      break;
    case PROP_ACTIVITY_ID:
      g_value_set_string (value, self->activity_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_attribution_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CcpAttribution *self = CCP_ATTRIBUTION (object);

  switch (prop_id)
    {
    case PROP_CITY:
      ccp_set_construct_string (&self->city, value);
      break;
    case PROP_COUNTRY:
      ccp_set_construct_string (&self->country, value);
      break;
    case PROP_PLAN_ID:
      ccp_set_construct_string (&self->plan_id, value);
      break;
    case PROP_ACTIVITY_ID:
      ccp_set_construct_string (&self->activity_id, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_attribution_class_init (CcpAttributionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ccp_attribution_finalize;
  object_class->get_property = ccp_attribution_get_property;
  object_class->set_property = ccp_attribution_set_property;

  properties[PROP_CITY] = ccp_construct_string_pspec ("city");
  properties[PROP_COUNTRY] = ccp_construct_string_pspec ("country");
  properties[PROP_PLAN_ID] = ccp_construct_string_pspec ("plan-id");
  properties[PROP_ACTIVITY_ID] = ccp_construct_string_pspec ("activity-id");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ccp_attribution_init (CcpAttribution *self)
{
  self->values = ccp_activity_new ("");
}

CcpAttribution *
ccp_attribution_new (const char *city,
                     const char *country,
                     const char *plan_id,
                     const char *activity_id)
{
  /* Set directly, not through varargs (a fifth of a merge's construction, issue 16): nobody
   * can listen to a new attribution. GObject gave the construct properties their "". */
  CcpAttribution *self = g_object_new (CCP_TYPE_ATTRIBUTION, NULL);

  ccp_set_string (&self->city, city);
  ccp_set_string (&self->country, country);
  ccp_set_string (&self->plan_id, plan_id);
  ccp_set_string (&self->activity_id, activity_id);
  return self;
}

static gboolean
per_city_equal (CcpActivity *a,
                CcpActivity *b)
{
  guint n;
  const CcpActivityField *fields = ccp_activity_fields (&n);

  for (guint i = 0; i < n; i++)
    if (fields[i].share == CCP_FIELD_SHARE_PER_CITY &&
        !ccp_activity_field_equal (&fields[i], a, b))
      return FALSE;
  return TRUE;
}

gboolean
ccp_attribution_equal (CcpAttribution *a,
                       CcpAttribution *b)
{
  g_return_val_if_fail (CCP_IS_ATTRIBUTION (a), FALSE);
  g_return_val_if_fail (CCP_IS_ATTRIBUTION (b), FALSE);

  return g_str_equal (a->city, b->city) &&
         g_str_equal (a->country, b->country) &&
         g_str_equal (a->plan_id, b->plan_id) &&
         g_str_equal (a->activity_id, b->activity_id) &&
         per_city_equal (a->values, b->values);
}

const char *
ccp_attribution_get_city (CcpAttribution *self)
{
  g_return_val_if_fail (CCP_IS_ATTRIBUTION (self), NULL);

  return self->city;
}

const char *
ccp_attribution_get_country (CcpAttribution *self)
{
  g_return_val_if_fail (CCP_IS_ATTRIBUTION (self), NULL);

  return self->country;
}

const char *
ccp_attribution_get_plan_id (CcpAttribution *self)
{
  g_return_val_if_fail (CCP_IS_ATTRIBUTION (self), NULL);

  return self->plan_id;
}

const char *
ccp_attribution_get_activity_id (CcpAttribution *self)
{
  g_return_val_if_fail (CCP_IS_ATTRIBUTION (self), NULL);

  return self->activity_id;
}

/* A list field copied item by item with the items' own copy functions: one object made per
 * item with all its properties, instead of one made empty and set column by column (each
 * setter notifying) through the field's rows. The same items result. */
static void
copy_list_field (const CcpActivityField *field,
                 CcpActivity            *from,
                 CcpActivity            *to)
{
  GListModel *source = G_LIST_MODEL (field->get_list (from));
  CcpItemList *dest = field->get_list (to);
  guint n = g_list_model_get_n_items (source);
  guint n_dest = g_list_model_get_n_items (G_LIST_MODEL (dest));
  g_autoptr(GPtrArray) items = NULL;

  if (n == 0 && n_dest == 0)
    return;

  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (source, i);

      if (field->type == CCP_FIELD_TYPE_RESULTS)
        g_ptr_array_add (items, ccp_result_copy (CCP_RESULT (item)));
      else
        g_ptr_array_add (items, ccp_partner_copy (CCP_PARTNER (item)));
    }
  ccp_item_list_splice (dest, 0, n_dest, items->pdata, items->len);
}

void
ccp_activity_copy_per_city (CcpActivity *from,
                            CcpActivity *to)
{
  guint n;
  const CcpActivityField *fields = ccp_activity_fields (&n);

  g_return_if_fail (CCP_IS_ACTIVITY (from));
  g_return_if_fail (CCP_IS_ACTIVITY (to));

  for (guint i = 0; i < n; i++)
    {
      if (fields[i].share != CCP_FIELD_SHARE_PER_CITY)
        continue;
      if (fields[i].type == CCP_FIELD_TYPE_PARTNER_CITIES ||
          fields[i].type == CCP_FIELD_TYPE_PARTNER_ORGANISATIONS ||
          fields[i].type == CCP_FIELD_TYPE_RESULTS)
        copy_list_field (&fields[i], from, to);
      else
        ccp_activity_field_copy (&fields[i], from, to);
    }
}

CcpActivity *
ccp_attribution_get_values (CcpAttribution *self)
{
  g_return_val_if_fail (CCP_IS_ATTRIBUTION (self), NULL);

  return self->values;
}

void
ccp_attribution_set_values (CcpAttribution *self,
                            CcpActivity    *activity)
{
  g_return_if_fail (CCP_IS_ATTRIBUTION (self));
  g_return_if_fail (CCP_IS_ACTIVITY (activity));

  ccp_activity_copy_per_city (activity, self->values);
}

/* Empties a single-valued or TEXTS field in place: "", no codes, false. */
static void
clear_field (const CcpActivityField *field,
             CcpActivity            *activity)
{
  if (field->set_string != NULL)
    field->set_string (activity, "");
  else if (field->set_flag != NULL)
    field->set_flag (activity, FALSE);
  else
    field->set_strv (activity, ccp_model_empty_strv);
}

/* The per-city values of activity into the contribution: taken (activity keeps none) or
 * shared (lists hold the same items: CcpModelItemHead; strings are copied). */
static void
give_values (CcpAttribution *self,
             CcpActivity    *activity,
             gboolean        take)
{
  guint n;
  const CcpActivityField *fields = ccp_activity_fields (&n);

  for (guint i = 0; i < n; i++)
    {
      const CcpActivityField *field = &fields[i];

      if (field->share != CCP_FIELD_SHARE_PER_CITY)
        continue;
      if (field->get_list != NULL)
        {
          /* Asking for an empty list would make one; no item is made or copied. */
          guint n_items = ccp_activity_peek_n_items (activity, field->get_list);
          CcpItemList *from;

          if (n_items == 0)
            continue;
          from = field->get_list (activity);
          if (take)
            {
              g_autoptr(GPtrArray) items = ccp_item_list_steal_all (from);

              ccp_item_list_take_all (field->get_list (self->values), items);
            }
          else
            {
              gpointer stack[16];
              g_autofree gpointer *heap = NULL;
              gpointer *items = stack;

              if (n_items > G_N_ELEMENTS (stack))
                items = heap = g_new (gpointer, n_items);
              for (guint j = 0; j < n_items; j++)
                items[j] = ccp_item_list_peek (from, j);
              ccp_item_list_splice (field->get_list (self->values), 0, 0, items, n_items);
            }
          continue;
        }
      if (ccp_activity_field_is_empty (field, activity))
        continue;
      ccp_activity_field_copy (field, activity, self->values);
      if (take)
        clear_field (field, activity);
    }
}

void
ccp_attribution_take_values (CcpAttribution *self,
                             CcpActivity    *activity)
{
  g_return_if_fail (CCP_IS_ATTRIBUTION (self));
  g_return_if_fail (CCP_IS_ACTIVITY (activity));
  g_return_if_fail (activity != self->values);

  give_values (self, activity, TRUE);
}

void
ccp_attribution_share_values (CcpAttribution *self,
                              CcpActivity    *activity)
{
  g_return_if_fail (CCP_IS_ATTRIBUTION (self));
  g_return_if_fail (CCP_IS_ACTIVITY (activity));
  g_return_if_fail (activity != self->values);

  give_values (self, activity, FALSE);
}

CcpAttribution *
ccp_attribution_copy (CcpAttribution *self)
{
  CcpAttribution *copy;

  g_return_val_if_fail (CCP_IS_ATTRIBUTION (self), NULL);

  copy = ccp_attribution_new (self->city, self->country, self->plan_id, self->activity_id);
  ccp_attribution_set_values (copy, self->values);
  return copy;
}

CcpActivity *
ccp_attribution_make_copy (CcpAttribution *self,
                           CcpActivity    *activity)
{
  CcpActivity *copy;

  g_return_val_if_fail (CCP_IS_ATTRIBUTION (self), NULL);
  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), NULL);

  copy = ccp_activity_copy (activity);
  ccp_item_list_remove_all (ccp_activity_get_attributions (copy));
  ccp_activity_copy_per_city (self->values, copy);
  return copy;
}
