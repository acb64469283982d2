#define G_LOG_DOMAIN "ccp-member-city"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ccp-member-city.h"

struct _CcpMemberCity
{
  GObject    parent_instance;

  char      *name;
  char      *country;
  char      *field;
  guint      year;
  GPtrArray *aliases;      /* char*, NULL-terminated */

  char      *key;          /* ccp_city_name_key (name) */
  GPtrArray *alias_keys;   /* char* */
  char      *collate_key;  /* g_utf8_collate_key (name) */
};

G_DEFINE_FINAL_TYPE (CcpMemberCity, ccp_member_city, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COUNTRY,
  PROP_FIELD,
  PROP_YEAR,
  PROP_ALIASES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_ascii (const char *text)
{
  for (; *text != '\0'; text++)
    if ((guchar) *text >= 0x80)
      return FALSE;
  return TRUE;
}

/* What the Unicode path below gives for ASCII, where decomposing changes nothing, casefolding
 * is lowering and no character is a mark: without its tables (a merge keys every title). */
static char *
ascii_name_key (const char *name)
{
  /* Every character written consumes one of name (a space, one skipped): no more bytes. */
  char *key = g_malloc (strlen (name) + 1);
  gboolean pending_space = FALSE;
  gsize n = 0;

  for (const char *p = name; *p != '\0'; p++)
    {
      char c = *p;

      if (!g_ascii_isalnum (c))
        {
          pending_space = n > 0;
          continue;
        }
      if (pending_space)
        key[n++] = ' ';
      pending_space = FALSE;
      key[n++] = c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
    }
  key[n] = '\0';
  return key;
}

/* Letters that casefolding and decomposition leave apart from their base letter though
 * people write them interchangeably in city names: Turkish dotless ı (its capital I already
 * folds to i, and dotted İ to i plus a dot that is dropped as a mark), and letters with a
 * stroke, which Unicode does not decompose. Matching is the same in every locale. */
static const char *
base_letters (gunichar c)
{
  switch (c)
    {
    case 0x0131: return "i";   /* ı */
    case 0x0142: return "l";   /* ł */
    case 0x00f8: return "o";   /* ø */
    case 0x0111: return "d";   /* đ */
    case 0x0127: return "h";   /* ħ */
    case 0x00e6: return "ae";  /* æ */
    case 0x0153: return "oe";  /* œ */
    default: return NULL;
    }
}

char *
ccp_city_name_key (const char *name)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *refolded = NULL;
  GString *key;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  if (is_ascii (name))
    return ascii_name_key (name);

  /* Decompose, casefold, decompose again: casefolding can produce new composed characters or
   * marks (e.g. "İ"), and the second pass lets us drop every mark. */
  decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");   /* not UTF-8: matches nothing */
  folded = g_utf8_casefold (decomposed, -1);
  refolded = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (refolded == NULL)
    return g_strdup ("");

  key = g_string_new (NULL);
  for (const char *p = refolded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK || type == G_UNICODE_FORMAT)
        continue;

      if (!g_unichar_isalnum (c))
        {
          /* Punctuation, symbols and spaces all separate words the same way. */
          pending_space = key->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (key, ' ');
      pending_space = FALSE;
      if (base_letters (c) != NULL)
        g_string_append (key, base_letters (c));
      else
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static void
ccp_member_city_finalize (GObject *object)
{
  CcpMemberCity *self = CCP_MEMBER_CITY (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->aliases, g_ptr_array_unref);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->alias_keys, g_ptr_array_unref);
  g_clear_pointer (&self->collate_key, g_free);

  G_OBJECT_CLASS (ccp_member_city_parent_class)->finalize (object);
}

static void
ccp_member_city_constructed (GObject *object)
{
  CcpMemberCity *self = CCP_MEMBER_CITY (object);

  G_OBJECT_CLASS (ccp_member_city_parent_class)->constructed (object);

  if (self->name == NULL)
    self->name = g_strdup ("");
  if (self->country == NULL)
    self->country = g_strdup ("");
  if (self->field == NULL)
    self->field = g_strdup ("");

  self->key = ccp_city_name_key (self->name);
  /* What g_utf8_collate_key() gives "" (ccp_member_city_new() replaces it at once). */
  self->collate_key = *self->name == '\0' ? g_strdup ("") : g_utf8_collate_key (self->name, -1);
}

static void
ccp_member_city_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CcpMemberCity *self = CCP_MEMBER_CITY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;

    case PROP_ALIASES:
      g_value_set_boxed (value, self->aliases->pdata);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_member_city_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CcpMemberCity *self = CCP_MEMBER_CITY (object);

  /* All writable properties are construct-only. */
  switch (prop_id)
    {
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;

    case PROP_COUNTRY:
      g_free (self->country);
      self->country = g_value_dup_string (value);
      break;

    case PROP_FIELD:
      g_free (self->field);
      self->field = g_value_dup_string (value);
      break;

    case PROP_YEAR:
      self->year = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_member_city_class_init (CcpMemberCityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ccp_member_city_finalize;
  object_class->constructed = ccp_member_city_constructed;
  object_class->get_property = ccp_member_city_get_property;
  object_class->set_property = ccp_member_city_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALIASES] =
    g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ccp_member_city_init (CcpMemberCity *self)
{
  self->aliases = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->aliases, NULL);
  self->alias_keys = g_ptr_array_new_with_free_func (g_free);
}

CcpMemberCity *
ccp_member_city_new (const char *name,
                     const char *country,
                     const char *field,
                     guint       year)
{
  CcpMemberCity *self;

  g_return_val_if_fail (name != NULL, NULL);

  /* Set directly rather than as construct properties: the registry makes some 400 at every
   * start-up. constructed() gave the empty name its keys; these replace them. */
  self = g_object_new (CCP_TYPE_MEMBER_CITY, NULL);
  g_free (self->name);
  self->name = g_strdup (name);
  g_free (self->country);
  self->country = g_strdup (country != NULL ? country : "");
  g_free (self->field);
  self->field = g_strdup (field != NULL ? field : "");
  self->year = year;
  g_free (self->key);
  self->key = ccp_city_name_key (self->name);
  g_free (self->collate_key);
  self->collate_key = g_utf8_collate_key (self->name, -1);
  return self;
}

const char *
ccp_member_city_get_name_key (CcpMemberCity *self)
{
  g_return_val_if_fail (CCP_IS_MEMBER_CITY (self), NULL);

  return self->key;
}

const char *
ccp_member_city_get_name (CcpMemberCity *self)
{
  g_return_val_if_fail (CCP_IS_MEMBER_CITY (self), NULL);

  return self->name;
}

const char *
ccp_member_city_get_country (CcpMemberCity *self)
{
  g_return_val_if_fail (CCP_IS_MEMBER_CITY (self), NULL);

  return self->country;
}

const char *
ccp_member_city_get_field (CcpMemberCity *self)
{
  g_return_val_if_fail (CCP_IS_MEMBER_CITY (self), NULL);

  return self->field;
}

guint
ccp_member_city_get_year (CcpMemberCity *self)
{
  g_return_val_if_fail (CCP_IS_MEMBER_CITY (self), 0);

  return self->year;
}

const char * const *
ccp_member_city_get_aliases (CcpMemberCity *self)
{
  g_return_val_if_fail (CCP_IS_MEMBER_CITY (self), NULL);

  return (const char * const *) self->aliases->pdata;
}

void
ccp_member_city_add_alias (CcpMemberCity *self,
                           const char    *alias)
{
  g_autofree char *key = NULL;

  g_return_if_fail (CCP_IS_MEMBER_CITY (self));
  g_return_if_fail (alias != NULL);

  key = ccp_city_name_key (alias);
  /* An alias that matches nothing new (empty, the name itself, a known alias) changes nothing. */
  if (*key == '\0' || ccp_member_city_matches_key (self, key))
    return;

  g_ptr_array_index (self->aliases, self->aliases->len - 1) = g_strdup (alias);
  g_ptr_array_add (self->aliases, NULL);
  g_ptr_array_add (self->alias_keys, g_steal_pointer (&key));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}

gboolean
ccp_member_city_matches_key (CcpMemberCity *self,
                             const char    *key)
{
  g_return_val_if_fail (CCP_IS_MEMBER_CITY (self), FALSE);

  if (key == NULL || *key == '\0')
    return FALSE;

  if (strcmp (self->key, key) == 0)
    return TRUE;

  for (guint i = 0; i < self->alias_keys->len; i++)
    if (strcmp (g_ptr_array_index (self->alias_keys, i), key) == 0)
      return TRUE;

  return FALSE;
}

gboolean
ccp_member_city_matches (CcpMemberCity *self,
                         const char    *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CCP_IS_MEMBER_CITY (self), FALSE);

  if (name == NULL)
    return FALSE;

  key = ccp_city_name_key (name);
  return ccp_member_city_matches_key (self, key);
}

int
ccp_member_city_compare (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  const CcpMemberCity *city_a = a;
  const CcpMemberCity *city_b = b;
  int result;

  result = strcmp (city_a->collate_key, city_b->collate_key);
  if (result == 0)
    result = strcmp (city_a->name, city_b->name);
  if (result == 0)
    result = strcmp (city_a->country, city_b->country);
  if (result == 0)
    result = strcmp (city_a->field, city_b->field);

  return result;
}
