#define G_LOG_DOMAIN "ccp-report-item"

#include "config.h"

#include "ccp-model-private.h"
#include "ccp-report-item.h"

struct _CcpReportItem
{
  GObject    parent_instance;
  CcpItemList *holder;   /* the lists that hold it (CcpModelItemHead) */
  GPtrArray   *other_holders;

  char      *kind;
  char      *code;
  char      *file;
  char      *city;
  char      *country;
  char      *activity;
  char      *joint_ref;

  /* Parallel arrays; names is NULL-terminated so it can be handed out as a vector. */
  GPtrArray *names;
  GPtrArray *values;
  /* Joint conflicts: each city's value, as NULL-terminated { city, country, activity, value }. */
  GPtrArray *copies;
};

G_DEFINE_FINAL_TYPE (CcpReportItem, ccp_report_item, G_TYPE_OBJECT)
CCP_MODEL_ITEM_CHECK_HEAD (CcpReportItem);

enum {
  PROP_0,
  PROP_KIND,
  PROP_CODE,
  PROP_FILE,
  PROP_CITY,
  PROP_COUNTRY,
  PROP_ACTIVITY,
  PROP_JOINT_REF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ccp_report_item_finalize (GObject *object)
{
  CcpReportItem *self = CCP_REPORT_ITEM (object);

  g_free (self->kind);
  g_free (self->code);
  g_free (self->file);
  g_free (self->city);
  g_free (self->country);
  g_free (self->activity);
  g_free (self->joint_ref);
  g_ptr_array_unref (self->names);
  g_ptr_array_unref (self->values);
  g_ptr_array_unref (self->copies);

  G_OBJECT_CLASS (ccp_report_item_parent_class)->finalize (object);
}

static void
ccp_report_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CcpReportItem *self = CCP_REPORT_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_FILE:
      g_value_set_string (value, self->file);
      break;
    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_ACTIVITY:
      g_value_set_string (value, self->activity);
      break;
    case PROP_JOINT_REF:
      g_value_set_string (value, self->joint_ref);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_report_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CcpReportItem *self = CCP_REPORT_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ccp_set_string (&self->kind, g_value_get_string (value));
      break;
    case PROP_CODE:
      ccp_report_item_set_code (self, g_value_get_string (value));
      break;
    case PROP_FILE:
      ccp_report_item_set_file (self, g_value_get_string (value));
      break;
    case PROP_CITY:
      ccp_report_item_set_city (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      ccp_report_item_set_country (self, g_value_get_string (value));
      break;
    case PROP_ACTIVITY:
      ccp_report_item_set_activity (self, g_value_get_string (value));
      break;
    case PROP_JOINT_REF:
      ccp_report_item_set_joint_ref (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_report_item_class_init (CcpReportItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ccp_report_item_finalize;
  object_class->get_property = ccp_report_item_get_property;
  object_class->set_property = ccp_report_item_set_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] = ccp_string_pspec ("code");
  properties[PROP_FILE] = ccp_string_pspec ("file");
  properties[PROP_CITY] = ccp_string_pspec ("city");
  properties[PROP_COUNTRY] = ccp_string_pspec ("country");
  properties[PROP_ACTIVITY] = ccp_string_pspec ("activity");
  properties[PROP_JOINT_REF] = ccp_string_pspec ("joint-ref");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ccp_report_item_init (CcpReportItem *self)
{
  self->kind = g_strdup ("");
  self->code = g_strdup ("");
  self->file = g_strdup ("");
  self->city = g_strdup ("");
  self->country = g_strdup ("");
  self->activity = g_strdup ("");
  self->joint_ref = g_strdup ("");
  self->names = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->values = g_ptr_array_new_with_free_func (g_free);
  self->copies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

CcpReportItem *
ccp_report_item_new (const char *kind)
{
  return g_object_new (CCP_TYPE_REPORT_ITEM, "kind", kind, NULL);
}

CcpReportItem *
ccp_report_item_copy (CcpReportItem *self)
{
  CcpReportItem *copy;

  g_return_val_if_fail (CCP_IS_REPORT_ITEM (self), NULL);

  copy = g_object_new (CCP_TYPE_REPORT_ITEM,
                       "kind", self->kind,
                       "code", self->code,
                       "file", self->file,
                       "city", self->city,
                       "country", self->country,
                       "activity", self->activity,
                       "joint-ref", self->joint_ref,
                       NULL);

  for (guint i = 0; i < self->values->len; i++)
    ccp_report_item_add_value (copy,
                               g_ptr_array_index (self->names, i),
                               g_ptr_array_index (self->values, i));
  for (guint i = 0; i < self->copies->len; i++)
    g_ptr_array_add (copy->copies, g_strdupv (g_ptr_array_index (self->copies, i)));

  return copy;
}

gboolean
ccp_report_item_equal (CcpReportItem *a,
                       CcpReportItem *b)
{
  g_return_val_if_fail (CCP_IS_REPORT_ITEM (a), FALSE);
  g_return_val_if_fail (CCP_IS_REPORT_ITEM (b), FALSE);

  if (!g_str_equal (a->kind, b->kind) ||
      !g_str_equal (a->code, b->code) ||
      !g_str_equal (a->file, b->file) ||
      !g_str_equal (a->city, b->city) ||
      !g_str_equal (a->country, b->country) ||
      !g_str_equal (a->activity, b->activity) ||
      !g_str_equal (a->joint_ref, b->joint_ref) ||
      a->values->len != b->values->len ||
      a->copies->len != b->copies->len)
    return FALSE;

  for (guint i = 0; i < a->copies->len; i++)
    if (!g_strv_equal (g_ptr_array_index (a->copies, i), g_ptr_array_index (b->copies, i)))
      return FALSE;

  for (guint i = 0; i < a->values->len; i++)
    {
      if (!g_str_equal (g_ptr_array_index (a->names, i), g_ptr_array_index (b->names, i)) ||
          !g_str_equal (g_ptr_array_index (a->values, i), g_ptr_array_index (b->values, i)))
        return FALSE;
    }

  return TRUE;
}

const char *
ccp_report_item_get_kind (CcpReportItem *self)
{
  g_return_val_if_fail (CCP_IS_REPORT_ITEM (self), NULL);

  return self->kind;
}

CCP_DEFINE_STRING_PROPERTY (CcpReportItem, ccp_report_item, CCP_IS_REPORT_ITEM, code, PROP_CODE)
CCP_DEFINE_STRING_PROPERTY (CcpReportItem, ccp_report_item, CCP_IS_REPORT_ITEM, file, PROP_FILE)
CCP_DEFINE_STRING_PROPERTY (CcpReportItem, ccp_report_item, CCP_IS_REPORT_ITEM, city, PROP_CITY)
CCP_DEFINE_STRING_PROPERTY (CcpReportItem, ccp_report_item, CCP_IS_REPORT_ITEM,
                            country, PROP_COUNTRY)
CCP_DEFINE_STRING_PROPERTY (CcpReportItem, ccp_report_item, CCP_IS_REPORT_ITEM,
                            activity, PROP_ACTIVITY)
CCP_DEFINE_STRING_PROPERTY (CcpReportItem, ccp_report_item, CCP_IS_REPORT_ITEM,
                            joint_ref, PROP_JOINT_REF)

/* A name given twice keeps its first position and takes the new value. */
void
ccp_report_item_add_value (CcpReportItem *self,
                           const char    *name,
                           const char    *value)
{
  g_return_if_fail (CCP_IS_REPORT_ITEM (self));
  g_return_if_fail (name != NULL);

  if (value == NULL)
    value = "";

  for (guint i = 0; i < self->names->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->names, i), name))
        {
          g_free (g_ptr_array_index (self->values, i));
          g_ptr_array_index (self->values, i) = g_strdup (value);
          return;
        }
    }

  g_ptr_array_add (self->names, g_strdup (name));
  g_ptr_array_add (self->values, g_strdup (value));
}

const char *
ccp_report_item_get_value (CcpReportItem *self,
                           const char    *name)
{
  g_return_val_if_fail (CCP_IS_REPORT_ITEM (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->names->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->names, i), name))
        return g_ptr_array_index (self->values, i);
    }

  return NULL;
}

const char * const *
ccp_report_item_get_value_names (CcpReportItem *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (CCP_IS_REPORT_ITEM (self), NULL);

  /* An empty GPtrArray may have no storage yet. */
  if (self->names->pdata == NULL)
    return none;
  return (const char * const *) self->names->pdata;
}

void
ccp_report_item_add_copy (CcpReportItem *self,
                          const char    *city,
                          const char    *country,
                          const char    *activity,
                          const char    *value)
{
  char **copy;

  g_return_if_fail (CCP_IS_REPORT_ITEM (self));

  copy = g_new0 (char *, 5);
  copy[0] = g_strdup (city != NULL ? city : "");
  copy[1] = g_strdup (country != NULL ? country : "");
  copy[2] = g_strdup (activity != NULL ? activity : "");
  copy[3] = g_strdup (value != NULL ? value : "");
  g_ptr_array_add (self->copies, copy);
}

guint
ccp_report_item_get_n_copies (CcpReportItem *self)
{
  g_return_val_if_fail (CCP_IS_REPORT_ITEM (self), 0);

  return self->copies->len;
}

const char * const *
ccp_report_item_get_copy (CcpReportItem *self,
                          guint          index)
{
  g_return_val_if_fail (CCP_IS_REPORT_ITEM (self), NULL);
  g_return_val_if_fail (index < self->copies->len, NULL);

  return g_ptr_array_index (self->copies, index);
}
