#define G_LOG_DOMAIN "ccp-contact"

#include "config.h"

#include "ccp-property.h"
#include "ccp-contact.h"
#include "ccp-model-private.h"

struct _CcpContact
{
  GObject  parent_instance;
  CcpItemList *holder;   /* the lists that hold it (CcpModelItemHead) */
  GPtrArray   *other_holders;

  char    *name;
  char    *city;
  char    *country;
  char    *email;
};

G_DEFINE_FINAL_TYPE (CcpContact, ccp_contact, G_TYPE_OBJECT)
CCP_MODEL_ITEM_CHECK_HEAD (CcpContact);

enum {
  PROP_0,
  PROP_NAME,
  PROP_CITY,
  PROP_COUNTRY,
  PROP_EMAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ccp_contact_finalize (GObject *object)
{
  CcpContact *self = CCP_CONTACT (object);

  g_free (self->name);
  g_free (self->city);
  g_free (self->country);
  g_free (self->email);

  G_OBJECT_CLASS (ccp_contact_parent_class)->finalize (object);
}

static void
ccp_contact_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CcpContact *self = CCP_CONTACT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_contact_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CcpContact *self = CCP_CONTACT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      ccp_contact_set_name (self, g_value_get_string (value));
      break;
    case PROP_CITY:
      ccp_contact_set_city (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      ccp_contact_set_country (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      ccp_contact_set_email (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_contact_class_init (CcpContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ccp_contact_finalize;
  object_class->get_property = ccp_contact_get_property;
  object_class->set_property = ccp_contact_set_property;

  properties[PROP_NAME] = ccp_string_pspec ("name");
  properties[PROP_CITY] = ccp_string_pspec ("city");
  properties[PROP_COUNTRY] = ccp_string_pspec ("country");
  properties[PROP_EMAIL] = ccp_string_pspec ("email");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ccp_contact_init (CcpContact *self)
{
  self->name = g_strdup ("");
  self->city = g_strdup ("");
  self->country = g_strdup ("");
  self->email = g_strdup ("");
}

CcpContact *
ccp_contact_new (void)
{
  return g_object_new (CCP_TYPE_CONTACT, NULL);
}

CcpContact *
ccp_contact_copy (CcpContact *self)
{
  g_return_val_if_fail (CCP_IS_CONTACT (self), NULL);

  return g_object_new (CCP_TYPE_CONTACT,
                       "name", self->name,
                       "city", self->city,
                       "country", self->country,
                       "email", self->email,
                       NULL);
}

gboolean
ccp_contact_equal (CcpContact *a,
                   CcpContact *b)
{
  g_return_val_if_fail (CCP_IS_CONTACT (a), FALSE);
  g_return_val_if_fail (CCP_IS_CONTACT (b), FALSE);

  return g_str_equal (a->name, b->name) &&
         g_str_equal (a->city, b->city) &&
         g_str_equal (a->country, b->country) &&
         g_str_equal (a->email, b->email);
}

CCP_DEFINE_STRING_PROPERTY (CcpContact, ccp_contact, CCP_IS_CONTACT, name, PROP_NAME)
CCP_DEFINE_STRING_PROPERTY (CcpContact, ccp_contact, CCP_IS_CONTACT, city, PROP_CITY)
CCP_DEFINE_STRING_PROPERTY (CcpContact, ccp_contact, CCP_IS_CONTACT, country, PROP_COUNTRY)
CCP_DEFINE_STRING_PROPERTY (CcpContact, ccp_contact, CCP_IS_CONTACT, email, PROP_EMAIL)
