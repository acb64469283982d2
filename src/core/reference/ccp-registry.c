#define G_LOG_DOMAIN "ccp-registry"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ccp-data.h"
#include "ccp-error.h"
#include "ccp-file.h"
#include "ccp-member-city.h"
#include "ccp-registry.h"

/* A registry of a few thousand cities is well under this; anything larger is not one. */
#define MAX_CSV_FILE_SIZE (16 * 1024 * 1024)

struct _CcpRegistry
{
  GObject     parent_instance;

  GListStore *cities;    /* CcpMemberCity, sorted with ccp_member_city_compare() */
  GPtrArray  *members;   /* the same, in the same order: what lookups read, since reading a
                          * GListStore moves its cursor and a merge looks up from threads */
  GHashTable *aliases;   /* "CC:city key" -> GPtrArray of alias spellings, applied on add */
};

G_DEFINE_FINAL_TYPE (CcpRegistry, ccp_registry, G_TYPE_OBJECT)

/* CSV (RFC 4180): one record is a GPtrArray of field strings. */

typedef struct {
  const char *path;
  const char *p;
  const char *end;
  guint       line;     /* line of the next character */
} CsvReader;

/* Reads the next record into fields; returns FALSE at the end of the input or on error.
 * record_line receives the line the record starts on. */
static gboolean
csv_read_record (CsvReader  *reader,
                 GPtrArray  *fields,
                 guint      *record_line,
                 GError    **error)
{
  GString *field = g_string_new (NULL);

  g_ptr_array_set_size (fields, 0);

  if (reader->p >= reader->end)
    {
      g_string_free (field, TRUE);
      return FALSE;
    }

  *record_line = reader->line;

  for (;;)
    {
      gboolean quoted = FALSE;

      g_string_truncate (field, 0);

      if (reader->p < reader->end && *reader->p == '"')
        {
          guint open_line = reader->line;

          quoted = TRUE;
          reader->p++;
          for (;;)
            {
              if (reader->p >= reader->end)
                {
                  g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                               /* Translators: %s is a file name, %u a line number. */
                               _("%s, line %u: a quoted field is never closed"),
                               reader->path, open_line);
                  g_string_free (field, TRUE);
                  return FALSE;
                }
              if (*reader->p == '"')
                {
                  if (reader->p + 1 < reader->end && reader->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      reader->p += 2;
                      continue;
                    }
                  reader->p++;
                  break;
                }
              if (*reader->p == '\n')
                reader->line++;
              g_string_append_c (field, *reader->p);
              reader->p++;
            }
        }

      while (reader->p < reader->end && *reader->p != ',' && *reader->p != '\n' &&
             !(*reader->p == '\r' && (reader->p + 1 == reader->end || reader->p[1] == '\n')))
        {
          if (quoted)
            {
              g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                           /* Translators: %s is a file name, %u a line number. Quotation marks
                            * inside a quoted field are written twice (""). */
                           _("%s, line %u: text after the closing quotation mark of a field"),
                           reader->path, reader->line);
              g_string_free (field, TRUE);
              return FALSE;
            }
          g_string_append_c (field, *reader->p);
          reader->p++;
        }

      g_ptr_array_add (fields, g_strdup (field->str));

      if (reader->p < reader->end && *reader->p == ',')
        {
          reader->p++;
          continue;
        }

      /* End of record: CRLF, LF, a lone final CR, or the end of the input. */
      if (reader->p < reader->end && *reader->p == '\r')
        reader->p++;
      if (reader->p < reader->end && *reader->p == '\n')
        reader->p++;
      reader->line++;
      break;
    }

  g_string_free (field, TRUE);
  return TRUE;
}

static gboolean
record_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (*(const char *) g_ptr_array_index (fields, i) != '\0')
      return FALSE;
  return TRUE;
}

/* Reads a whole CSV file as UTF-8 (a leading byte-order mark is skipped) through the bounded
 * loader: a roster given on the command line is untrusted input like a plan, so a FIFO, a
 * device or a file over the limit is refused before anything is read. */
static char *
read_csv_file (const char  *path,
               gsize       *length,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = ccp_file_load (file, MAX_CSV_FILE_SIZE, NULL, &local_error);
  const char *bad = NULL;
  char *contents;

  if (bytes == NULL)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                   /* Translators: %s are a file name and the system's error message. */
                   _("Cannot read %s: %s"), path, local_error->message);
      return NULL;
    }
  contents = g_bytes_unref_to_data (g_steal_pointer (&bytes), length);
  contents = g_realloc (contents, *length + 1);
  contents[*length] = '\0';
  if (!g_utf8_validate (contents, *length, &bad))
    {
      guint line = 1;

      for (const char *p = contents; p < bad; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                   /* Translators: %s is a file name, %u a line number. */
                   _("%s, line %u: the text is not UTF-8"), path, line);
      g_free (contents);
      return NULL;
    }

  return contents;
}

static void
csv_reader_init (CsvReader  *reader,
                 const char *path,
                 const char *contents,
                 gsize       length)
{
  reader->path = path;
  reader->p = contents;
  reader->end = contents + length;
  reader->line = 1;

  if (length >= 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0)
    reader->p += 3;
}

/* Finds the named columns in the header record; missing required ones are an error. */
static gboolean
find_columns (CsvReader   *reader,
              GPtrArray   *fields,
              const char **names,
              int         *columns,
              guint        n_required,
              GError     **error)
{
  guint line = 1;
  g_autoptr(GError) local_error = NULL;

  if (!csv_read_record (reader, fields, &line, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                     _("%s is empty: it needs a header line"), reader->path);
      return FALSE;
    }

  for (guint c = 0; names[c] != NULL; c++)
    {
      columns[c] = -1;
      for (guint i = 0; i < fields->len; i++)
        {
          g_autofree char *header = g_strstrip (g_strdup (g_ptr_array_index (fields, i)));

          if (g_ascii_strcasecmp (header, names[c]) == 0)
            {
              columns[c] = (int) i;
              break;
            }
        }
      if (columns[c] < 0 && c < n_required)
        {
          g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                       /* Translators: %s are a file name and a column name, %u a line. */
                       _("%s, line %u: the header has no column “%s”"),
                       reader->path, line, names[c]);
          return FALSE;
        }
    }

  return TRUE;
}

/* The trimmed value of a column, or "" when the record is too short for it. */
static char *
get_column (GPtrArray *fields,
            int        column)
{
  if (column < 0 || (guint) column >= fields->len)
    return g_strdup ("");

  return g_strstrip (g_strdup (g_ptr_array_index (fields, column)));
}

static gboolean
is_country_code (const char *code)
{
  return strlen (code) == 2 && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]);
}

/* A record's country: an error naming the file and the line when it is not an ISO code. */
static gboolean
check_country_code (const char  *country,
                    const char  *path,
                    guint        line,
                    GError     **error)
{
  if (is_country_code (country))
    return TRUE;
  g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
               /* Translators: %s are a file name and the wrong value, %u a line. */
               _("%s, line %u: “%s” is not an ISO 3166-1 alpha-2 country code"),
               path, line, country);
  return FALSE;
}

/* The format's code pattern: [a-z0-9][a-z0-9-]{0,63}. */
static gboolean
is_field_code (const char *code)
{
  gsize length = strlen (code);

  if (length == 0 || length > 64 || code[0] == '-')
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!(g_ascii_islower (code[i]) || g_ascii_isdigit (code[i]) || code[i] == '-'))
      return FALSE;
  return TRUE;
}

static char *
alias_table_key (const char *country,
                 const char *city_key)
{
  return g_strconcat (country, ":", city_key, NULL);
}

static void
apply_aliases (CcpRegistry   *self,
               CcpMemberCity *city)
{
  g_autofree char *table_key = alias_table_key (ccp_member_city_get_country (city),
                                                ccp_member_city_get_name_key (city));
  GPtrArray *aliases = g_hash_table_lookup (self->aliases, table_key);

  for (guint i = 0; aliases != NULL && i < aliases->len; i++)
    ccp_member_city_add_alias (city, g_ptr_array_index (aliases, i));
}

static void
ccp_registry_finalize (GObject *object)
{
  CcpRegistry *self = CCP_REGISTRY (object);

  g_clear_object (&self->cities);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->aliases, g_hash_table_unref);

  G_OBJECT_CLASS (ccp_registry_parent_class)->finalize (object);
}

static void
ccp_registry_class_init (CcpRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ccp_registry_finalize;
}

static void
ccp_registry_init (CcpRegistry *self)
{
  self->cities = g_list_store_new (CCP_TYPE_MEMBER_CITY);
  self->members = g_ptr_array_new_with_free_func (g_object_unref);
  self->aliases = g_hash_table_new_full (g_str_hash, g_str_equal,
                                         g_free, (GDestroyNotify) g_ptr_array_unref);
}

CcpRegistry *
ccp_registry_new_empty (void)
{
  ccp_i18n_init ();

  return g_object_new (CCP_TYPE_REGISTRY, NULL);
}

/* g_ptr_array_sort_with_data() passes pointers to the elements. */
static int
compare_city_pointers (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  return ccp_member_city_compare (*(CcpMemberCity * const *) a, *(CcpMemberCity * const *) b,
                                  NULL);
}

static CcpMemberCity *
find_exact (CcpRegistry *self,
            const char  *key,
            const char  *country,
            const char  *field)
{

  for (guint i = 0; i < self->members->len; i++)
    {
      CcpMemberCity *city = g_ptr_array_index (self->members, i);
      if (strcmp (ccp_member_city_get_name_key (city), key) == 0 &&
          strcmp (ccp_member_city_get_country (city), country) == 0 &&
          strcmp (ccp_member_city_get_field (city), field) == 0)
        return city;
    }

  return NULL;
}

CcpRegistry *
ccp_registry_new_from_file (const char  *path,
                            GError     **error)
{
  static const char *names[] = { "city", "country_iso2", "field", "year_designated", NULL };
  enum { COL_CITY, COL_COUNTRY, COL_FIELD, COL_YEAR, N_COLUMNS };
  g_autoptr(CcpRegistry) self = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  CsvReader reader;
  int columns[N_COLUMNS];
  gsize length = 0;
  guint line = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = ccp_registry_new_empty ();

  contents = read_csv_file (path, &length, error);
  if (contents == NULL)
    return NULL;

  csv_reader_init (&reader, path, contents, length);
  if (!find_columns (&reader, fields, names, columns, N_COLUMNS, error))
    return NULL;

  while (csv_read_record (&reader, fields, &line, &local_error))
    {
      g_autofree char *name = NULL;
      g_autofree char *country = NULL;
      g_autofree char *field = NULL;
      g_autofree char *year_text = NULL;
      g_autofree char *key = NULL;
      g_autofree char *seen_key = NULL;
      guint64 year = 0;

      if (record_is_blank (fields))
        continue;

      name = get_column (fields, columns[COL_CITY]);
      country = get_column (fields, columns[COL_COUNTRY]);
      field = get_column (fields, columns[COL_FIELD]);
      year_text = get_column (fields, columns[COL_YEAR]);

      if (*name == '\0')
        {
          g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                       /* Translators: %s is a file name, %u a line number. */
                       _("%s, line %u: the city name is empty"), path, line);
          return NULL;
        }
      if (!check_country_code (country, path, line, error))
        return NULL;
      if (!is_field_code (field))
        {
          g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                       /* Translators: %s are a file name and the wrong value, %u a line. */
                       _("%s, line %u: “%s” is not a creative field code"),
                       path, line, field);
          return NULL;
        }
      if (*year_text != '\0' &&
          (!g_ascii_string_to_unsigned (year_text, 10, 1000, 9999, &year, NULL)))
        {
          g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                       /* Translators: %s are a file name and the wrong value, %u a line. */
                       _("%s, line %u: “%s” is not a year of designation"),
                       path, line, year_text);
          return NULL;
        }

      key = ccp_city_name_key (name);
      if (*key == '\0')
        {
          g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                       /* Translators: %s are a file name and the wrong value, %u a line. */
                       _("%s, line %u: “%s” is not a city name"), path, line, name);
          return NULL;
        }
      seen_key = g_strconcat (country, ":", field, ":", key, NULL);
      if (g_hash_table_contains (seen, seen_key))
        {
          g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                       /* Translators: %s are a file name, a city, a country code and a creative
                        * field code; %u is a line number. */
                       _("%s, line %u: %s (%s, %s) is listed twice"),
                       path, line, name, country, field);
          return NULL;
        }
      g_hash_table_add (seen, g_steal_pointer (&seen_key));

      g_ptr_array_add (cities, ccp_member_city_new (name, country, field, (guint) year));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Sort once and add all in one go, rather than one sorted insertion per row. */
  g_ptr_array_sort_with_data (cities, compare_city_pointers, NULL);
  g_list_store_splice (self->cities, 0, 0, cities->pdata, cities->len);
  for (guint i = 0; i < cities->len; i++)
    g_ptr_array_add (self->members, g_object_ref (g_ptr_array_index (cities, i)));

  return g_steal_pointer (&self);
}

gboolean
ccp_registry_load_aliases (CcpRegistry  *self,
                           const char   *path,
                           GError      **error)
{
  static const char *names[] = { "alias", "city", "country_iso2", NULL };
  enum { COL_ALIAS, COL_CITY, COL_COUNTRY, N_COLUMNS };
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) new_aliases = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  CsvReader reader;
  int columns[N_COLUMNS];
  gsize length = 0;
  guint line = 0;

  g_return_val_if_fail (CCP_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  contents = read_csv_file (path, &length, error);
  if (contents == NULL)
    return FALSE;

  csv_reader_init (&reader, path, contents, length);
  if (!find_columns (&reader, fields, names, columns, N_COLUMNS, error))
    return FALSE;

  /* Read the whole file first, so that a broken file changes nothing. */
  new_aliases = g_hash_table_new_full (g_str_hash, g_str_equal,
                                       g_free, (GDestroyNotify) g_ptr_array_unref);
  while (csv_read_record (&reader, fields, &line, &local_error))
    {
      g_autofree char *alias = NULL;
      g_autofree char *city = NULL;
      g_autofree char *country = NULL;
      g_autofree char *city_key = NULL;
      g_autofree char *alias_key = NULL;
      g_autofree char *table_key = NULL;
      GPtrArray *list;

      if (record_is_blank (fields))
        continue;

      alias = get_column (fields, columns[COL_ALIAS]);
      city = get_column (fields, columns[COL_CITY]);
      country = get_column (fields, columns[COL_COUNTRY]);
      alias_key = ccp_city_name_key (alias);
      city_key = ccp_city_name_key (city);

      if (*alias_key == '\0' || *city_key == '\0')
        {
          g_set_error (error, CCP_ERROR, CCP_ERROR_DATA,
                       /* Translators: %s is a file name, %u a line number. */
                       _("%s, line %u: an alias needs both the alias and the city name"),
                       path, line);
          return FALSE;
        }
      if (!check_country_code (country, path, line, error))
        return FALSE;

      table_key = alias_table_key (country, city_key);
      list = g_hash_table_lookup (new_aliases, table_key);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (new_aliases, g_strdup (table_key), list);
        }
      g_ptr_array_add (list, g_steal_pointer (&alias));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Remember them for cities added later, and apply them to the cities already here (an
   * alias for a city not in the registry is kept: the user may add the city). */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, new_aliases);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        GPtrArray *existing = g_hash_table_lookup (self->aliases, key);

        if (existing == NULL)
          {
            g_hash_table_iter_steal (&iter);
            g_hash_table_insert (self->aliases, key, value);
            continue;
          }
        for (guint i = 0; i < ((GPtrArray *) value)->len; i++)
          g_ptr_array_add (existing, g_strdup (g_ptr_array_index ((GPtrArray *) value, i)));
      }
  }

  for (guint i = 0; i < self->members->len; i++)
    {
      CcpMemberCity *city = g_ptr_array_index (self->members, i);

      apply_aliases (self, city);
    }

  return TRUE;
}

static gpointer
load_shipped_registry (GError **error)
{
  g_autofree char *cities_path = ccp_data_path ("member-cities.csv");
  g_autofree char *aliases_path = ccp_data_path ("city-aliases.csv");
  g_autoptr(CcpRegistry) registry = ccp_registry_new_from_file (cities_path, error);

  if (registry == NULL || !ccp_registry_load_aliases (registry, aliases_path, error))
    return NULL;
  return g_steal_pointer (&registry);
}

static CcpDefault default_registry = CCP_DEFAULT_INIT (load_shipped_registry);

gboolean
ccp_registry_load_default (GError **error)
{
  return ccp_default_load (&default_registry, error);
}

CcpRegistry *
ccp_registry_get_default (void)
{
  return ccp_default_get (&default_registry, "member cities");
}

GListModel *
ccp_registry_get_cities (CcpRegistry *self)
{
  g_return_val_if_fail (CCP_IS_REGISTRY (self), NULL);

  return G_LIST_MODEL (self->cities);
}

CcpMemberCity *
ccp_registry_lookup (CcpRegistry *self,
                     const char  *name,
                     const char  *country,
                     const char  *field)
{
  g_autofree char *key = NULL;
  CcpMemberCity *found = NULL;

  g_return_val_if_fail (CCP_IS_REGISTRY (self), NULL);

  if (name == NULL)
    return NULL;

  key = ccp_city_name_key (name);
  if (*key == '\0')
    return NULL;

  for (guint i = 0; i < self->members->len; i++)
    {
      CcpMemberCity *city = g_ptr_array_index (self->members, i);

      if (country != NULL && *country != '\0' &&
          g_ascii_strcasecmp (ccp_member_city_get_country (city), country) != 0)
        continue;
      if (!ccp_member_city_matches_key (city, key))
        continue;

          if (field == NULL || g_strcmp0 (ccp_member_city_get_field (city), field) == 0)
        return city;
      if (found == NULL)
        found = city;
    }

  return found;
}

GPtrArray *
ccp_registry_list_field (CcpRegistry *self,
                         const char  *field)
{
  GPtrArray *members;

  g_return_val_if_fail (CCP_IS_REGISTRY (self), NULL);

  members = g_ptr_array_new_with_free_func (g_object_unref);
  if (field == NULL)
    return members;

  for (guint i = 0; i < self->members->len; i++)
    {
      CcpMemberCity *city = g_ptr_array_index (self->members, i);

      if (strcmp (ccp_member_city_get_field (city), field) == 0)
        g_ptr_array_add (members, g_object_ref (city));
    }

  return members;
}

void
ccp_registry_add (CcpRegistry   *self,
                  CcpMemberCity *city)
{
  g_autofree char *key = NULL;
  guint position;

  g_return_if_fail (CCP_IS_REGISTRY (self));
  g_return_if_fail (CCP_IS_MEMBER_CITY (city));

  /* The same city, country and field twice would show twice in a roster. */
  key = ccp_city_name_key (ccp_member_city_get_name (city));
  if (find_exact (self, key, ccp_member_city_get_country (city),
                  ccp_member_city_get_field (city)) != NULL)
    return;

  apply_aliases (self, city);
  position = g_list_store_insert_sorted (self->cities, city, ccp_member_city_compare, NULL);
  g_ptr_array_insert (self->members, (int) position, g_object_ref (city));
}
