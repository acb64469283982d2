/* ccp-model-strings.c: the strings the model's objects share (ccp-model-private.h): the empty
 * string and vector, and the codes of closed vocabularies, held once for the whole library;
 * and the depth of this thread's span of unobserved objects. */
#define G_LOG_DOMAIN "ccp-model"

#include "config.h"

#include "ccp-model-private.h"

const char ccp_model_empty_string[1] = "";
const char * const ccp_model_empty_strv[1] = { NULL };

_Thread_local guint ccp_model_unobserved_depth = 0;

/* A hostile file may hold any number of made-up codes: past these bounds they are copied as
 * any other string, so what is held for good stays small. */
#define MAX_CODES       4096
#define MAX_CODE_LENGTH 48

static GMutex codes_lock;
static GHashTable *codes;   /* the code as key and value, held until exit */

const char *
ccp_model_intern_code (const char *code)
{
  const char *interned;

  if (strlen (code) > MAX_CODE_LENGTH)
    return NULL;

  g_mutex_lock (&codes_lock);
  if (G_UNLIKELY (codes == NULL))
    codes = g_hash_table_new (g_str_hash, g_str_equal);
  interned = g_hash_table_lookup (codes, code);
  if (interned == NULL && g_hash_table_size (codes) < MAX_CODES)
    {
      char *copy = g_strdup (code);

      g_hash_table_add (codes, copy);
      interned = copy;
    }
  g_mutex_unlock (&codes_lock);

  return interned;
}

gboolean
ccp_model_code_is_interned (const char *value)
{
  gboolean interned;

  g_mutex_lock (&codes_lock);
  interned = codes != NULL && g_hash_table_lookup (codes, value) == value;
  g_mutex_unlock (&codes_lock);

  return interned;
}
