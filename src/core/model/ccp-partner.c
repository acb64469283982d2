#define G_LOG_DOMAIN "ccp-partner"

#include "config.h"

#include "ccp-property.h"
#include "ccp-model-private.h"
#include "ccp-partner.h"

struct _CcpPartner
{
  GObject         parent_instance;
  CcpItemList    *holder;   /* the lists that hold it (CcpModelItemHead) */
  GPtrArray      *other_holders;

  CcpPartnerKind  kind;
  char           *name;
  char           *country;
  char           *field;
  char           *sector;
};

G_DEFINE_FINAL_TYPE (CcpPartner, ccp_partner, G_TYPE_OBJECT)
CCP_MODEL_ITEM_CHECK_HEAD (CcpPartner);

G_DEFINE_ENUM_TYPE (CcpPartnerKind, ccp_partner_kind,
  G_DEFINE_ENUM_VALUE (CCP_PARTNER_KIND_CITY, "city"),
  G_DEFINE_ENUM_VALUE (CCP_PARTNER_KIND_ORGANISATION, "organisation"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_NAME,
  PROP_COUNTRY,
  PROP_FIELD,
  PROP_SECTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ccp_partner_finalize (GObject *object)
{
  CcpPartner *self = CCP_PARTNER (object);

  ccp_model_free_string (self->name);
  ccp_model_free_code (self->country);
  ccp_model_free_code (self->field);
  ccp_model_free_code (self->sector);

  G_OBJECT_CLASS (ccp_partner_parent_class)->finalize (object);
}

static void
ccp_partner_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CcpPartner *self = CCP_PARTNER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_SECTOR:
      g_value_set_string (value, self->sector);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_partner_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CcpPartner *self = CCP_PARTNER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_NAME:
      ccp_partner_set_name (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      ccp_partner_set_country (self, g_value_get_string (value));
      break;
    case PROP_FIELD:
      ccp_partner_set_field (self, g_value_get_string (value));
      break;
    case PROP_SECTOR:
      ccp_partner_set_sector (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_partner_class_init (CcpPartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ccp_partner_finalize;
  object_class->get_property = ccp_partner_get_property;
  object_class->set_property = ccp_partner_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CCP_TYPE_PARTNER_KIND, CCP_PARTNER_KIND_CITY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = ccp_string_pspec ("name");
  properties[PROP_COUNTRY] = ccp_string_pspec ("country");
  properties[PROP_FIELD] = ccp_string_pspec ("field");
  properties[PROP_SECTOR] = ccp_string_pspec ("sector");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ccp_partner_init (CcpPartner *self)
{
  self->name = CCP_MODEL_EMPTY_STRING;
  self->country = CCP_MODEL_EMPTY_STRING;
  self->field = CCP_MODEL_EMPTY_STRING;
  self->sector = CCP_MODEL_EMPTY_STRING;
}

/* The kind and strings are set directly, not as properties: nobody listens to a new partner
 * yet, and the varargs lookup and notifications were most of the cost of reading one
 * (callgrind). The kind is construct-only for g_object_new() callers. */
static CcpPartner *
new_partner (CcpPartnerKind  kind,
             const char     *name,
             const char     *country,
             const char     *field,
             const char     *sector)
{
  CcpPartner *self = g_object_new (CCP_TYPE_PARTNER, NULL);

  self->kind = kind;
  self->name = ccp_model_dup_string (name);
  self->country = ccp_model_dup_code (country);
  self->field = ccp_model_dup_code (field);
  self->sector = ccp_model_dup_code (sector);
  return self;
}

CcpPartner *
ccp_partner_new_city (const char *name,
                      const char *country,
                      const char *field)
{
  return new_partner (CCP_PARTNER_KIND_CITY, name, country, field, NULL);
}

CcpPartner *
ccp_partner_new_organisation (const char *name,
                              const char *sector)
{
  return new_partner (CCP_PARTNER_KIND_ORGANISATION, name, NULL, NULL, sector);
}

CcpPartner *
ccp_partner_copy (CcpPartner *self)
{
  g_return_val_if_fail (CCP_IS_PARTNER (self), NULL);

  return new_partner (self->kind, self->name, self->country, self->field, self->sector);
}

gboolean
ccp_partner_equal (CcpPartner *a,
                   CcpPartner *b)
{
  g_return_val_if_fail (CCP_IS_PARTNER (a), FALSE);
  g_return_val_if_fail (CCP_IS_PARTNER (b), FALSE);

  return a->kind == b->kind &&
         g_str_equal (a->name, b->name) &&
         g_str_equal (a->country, b->country) &&
         g_str_equal (a->field, b->field) &&
         g_str_equal (a->sector, b->sector);
}

CcpPartnerKind
ccp_partner_get_kind (CcpPartner *self)
{
  g_return_val_if_fail (CCP_IS_PARTNER (self), CCP_PARTNER_KIND_CITY);

  return self->kind;
}

CCP_DEFINE_MODEL_STRING_PROPERTY (CcpPartner, ccp_partner, CCP_IS_PARTNER, name, PROP_NAME)
CCP_DEFINE_MODEL_CODE_PROPERTY (CcpPartner, ccp_partner, CCP_IS_PARTNER, country, PROP_COUNTRY)
CCP_DEFINE_MODEL_CODE_PROPERTY (CcpPartner, ccp_partner, CCP_IS_PARTNER, field, PROP_FIELD)
CCP_DEFINE_MODEL_CODE_PROPERTY (CcpPartner, ccp_partner, CCP_IS_PARTNER, sector, PROP_SECTOR)
