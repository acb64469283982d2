#define G_LOG_DOMAIN "ccp-iso-codes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ccp-data.h"
#include "ccp-error.h"
#include "ccp-iso-codes.h"
#include "ccp-iso-codes-table.h"  /* generated from iso-codes' JSON at build time */

/* The gettext domains of Debian's iso-codes, keyed on the "name" member of each entry. */
#define COUNTRY_DOMAIN  "iso_3166-1"
#define CURRENCY_DOMAIN "iso_4217"

struct _CcpIsoCodes
{
  GObject     parent_instance;

  GHashTable *countries;       /* alpha-2 -> untranslated name */
  GHashTable *currencies;      /* alpha-3 -> untranslated name */
  GPtrArray  *country_codes;   /* sorted, NULL-terminated, borrowed from the table keys */
  GPtrArray  *currency_codes;
};

G_DEFINE_FINAL_TYPE (CcpIsoCodes, ccp_iso_codes, G_TYPE_OBJECT)

static void
ccp_iso_codes_finalize (GObject *object)
{
  CcpIsoCodes *self = CCP_ISO_CODES (object);

  g_clear_pointer (&self->country_codes, g_ptr_array_unref);
  g_clear_pointer (&self->currency_codes, g_ptr_array_unref);
  g_clear_pointer (&self->countries, g_hash_table_unref);
  g_clear_pointer (&self->currencies, g_hash_table_unref);

  G_OBJECT_CLASS (ccp_iso_codes_parent_class)->finalize (object);
}

static void
ccp_iso_codes_class_init (CcpIsoCodesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ccp_iso_codes_finalize;
}

static void
ccp_iso_codes_init (CcpIsoCodes *self)
{
  self->countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->currencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
bind_iso_domains (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_autofree char *localedir = g_build_filename (ISO_CODES_PREFIX, "share", "locale", NULL);

      bindtextdomain (COUNTRY_DOMAIN, localedir);
      bind_textdomain_codeset (COUNTRY_DOMAIN, "UTF-8");
      bindtextdomain (CURRENCY_DOMAIN, localedir);
      bind_textdomain_codeset (CURRENCY_DOMAIN, "UTF-8");
      g_once_init_leave (&done, 1);
    }
}

/* TRUE when code is exactly `length` characters, all ASCII upper-case letters. */
static gboolean
is_upper_code (const char *code,
               gsize       length)
{
  if (code == NULL || strlen (code) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isupper (code[i]))
      return FALSE;
  return TRUE;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *codes = g_ptr_array_sized_new (g_hash_table_size (table) + 1);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (codes, key);
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_add (codes, NULL);

  return codes;
}

/* A string member, or NULL when missing or of another type (no criticals on odd input). */
static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Reads one iso-codes JSON file: {"<list_name>": [{"<code_member>": "...", "name": "..."}, ...]}. */
static gboolean
load_list (const char  *dir,
           const char  *file_name,
           const char  *list_name,
           const char  *code_member,
           gsize        code_length,
           GHashTable  *table,
           GError     **error)
{
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonNode *list;
  JsonObject *object;
  JsonArray *array;
  guint n;

  if (!json_parser_load_from_mapped_file (parser, path, &local_error))
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                   /* Translators: %s are a file name and the error message. */
                   _("Cannot read the ISO codes %s: %s"), path, local_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  list = object != NULL ? json_object_get_member (object, list_name) : NULL;
  array = list != NULL && JSON_NODE_HOLDS_ARRAY (list) ? json_node_get_array (list) : NULL;
  if (array == NULL)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                   /* Translators: %s are a file name and a JSON member name. */
                   _("%s: no list “%s” in this ISO codes file"), path, list_name);
      return FALSE;
    }

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *code;
      const char *name;

      if (entry == NULL)
        continue;

      code = get_string_member (entry, code_member);
      name = get_string_member (entry, "name");
      /* Entries that are not well-formed codes are skipped: a code is only ever accepted
       * because the file lists it. */
      if (!is_upper_code (code, code_length) || name == NULL || *name == '\0')
        continue;

      g_hash_table_replace (table, g_strdup (code), g_strdup (name));
    }

  if (g_hash_table_size (table) == 0)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                   _("%s: the ISO codes file lists no codes"), path);
      return FALSE;
    }

  return TRUE;
}

CcpIsoCodes *
ccp_iso_codes_new_from_dir (const char  *json_dir,
                            GError     **error)
{
  g_autoptr(CcpIsoCodes) self = NULL;

  g_return_val_if_fail (json_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ccp_i18n_init ();
  bind_iso_domains ();

  self = g_object_new (CCP_TYPE_ISO_CODES, NULL);
  if (!load_list (json_dir, "iso_3166-1.json", "3166-1", "alpha_2", 2, self->countries, error) ||
      !load_list (json_dir, "iso_4217.json", "4217", "alpha_3", 3, self->currencies, error))
    return NULL;

  self->country_codes = sorted_keys (self->countries);
  self->currency_codes = sorted_keys (self->currencies);

  return g_steal_pointer (&self);
}

/* The installed iso-codes, as converted at build time: their JSON costs more to parse (about
 * 19 million instructions) than the rest of validating a small plan. Strings are static. */
static CcpIsoCodes *
new_from_tables (void)
{
  CcpIsoCodes *self;

  ccp_i18n_init ();
  bind_iso_domains ();

  self = g_object_new (CCP_TYPE_ISO_CODES, NULL);
  g_hash_table_unref (self->countries);
  g_hash_table_unref (self->currencies);
  self->countries = g_hash_table_new (g_str_hash, g_str_equal);
  self->currencies = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < G_N_ELEMENTS (iso_countries); i++)
    g_hash_table_insert (self->countries, (gpointer) iso_countries[i].code,
                         (gpointer) iso_countries[i].name);
  for (gsize i = 0; i < G_N_ELEMENTS (iso_currencies); i++)
    g_hash_table_insert (self->currencies, (gpointer) iso_currencies[i].code,
                         (gpointer) iso_currencies[i].name);

  self->country_codes = sorted_keys (self->countries);
  self->currency_codes = sorted_keys (self->currencies);
  return self;
}

static gpointer
load_installed_iso_codes (GError **error)
{
  const char *env = g_getenv ("CCP_ISO_CODES_DIR");

  if (env != NULL && *env != '\0')
    return ccp_iso_codes_new_from_dir (env, error);
  return new_from_tables ();
}

static CcpDefault default_iso_codes = CCP_DEFAULT_INIT (load_installed_iso_codes);

gboolean
ccp_iso_codes_load_default (GError **error)
{
  return ccp_default_load (&default_iso_codes, error);
}

CcpIsoCodes *
ccp_iso_codes_get_default (void)
{
  return ccp_default_get (&default_iso_codes, "ISO codes: is the iso-codes package installed?");
}

gboolean
ccp_iso_codes_has_country (CcpIsoCodes *self,
                           const char  *alpha2)
{
  g_return_val_if_fail (CCP_IS_ISO_CODES (self), FALSE);

  return alpha2 != NULL && g_hash_table_contains (self->countries, alpha2);
}

const char *
ccp_iso_codes_get_country_name (CcpIsoCodes *self,
                                const char  *alpha2)
{
  const char *name;

  g_return_val_if_fail (CCP_IS_ISO_CODES (self), NULL);

  name = alpha2 != NULL ? g_hash_table_lookup (self->countries, alpha2) : NULL;
  return name != NULL ? g_dgettext (COUNTRY_DOMAIN, name) : NULL;
}

const char * const *
ccp_iso_codes_get_countries (CcpIsoCodes *self)
{
  g_return_val_if_fail (CCP_IS_ISO_CODES (self), NULL);

  return (const char * const *) self->country_codes->pdata;
}

gboolean
ccp_iso_codes_has_currency (CcpIsoCodes *self,
                            const char  *alpha3)
{
  g_return_val_if_fail (CCP_IS_ISO_CODES (self), FALSE);

  return alpha3 != NULL && g_hash_table_contains (self->currencies, alpha3);
}

const char *
ccp_iso_codes_get_currency_name (CcpIsoCodes *self,
                                 const char  *alpha3)
{
  const char *name;

  g_return_val_if_fail (CCP_IS_ISO_CODES (self), NULL);

  name = alpha3 != NULL ? g_hash_table_lookup (self->currencies, alpha3) : NULL;
  return name != NULL ? g_dgettext (CURRENCY_DOMAIN, name) : NULL;
}

const char * const *
ccp_iso_codes_get_currencies (CcpIsoCodes *self)
{
  g_return_val_if_fail (CCP_IS_ISO_CODES (self), NULL);

  return (const char * const *) self->currency_codes->pdata;
}
