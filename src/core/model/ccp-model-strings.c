/* ccp-model-strings.c: the strings the model's objects share (ccp-model-private.h): the empty
 * string and vector, and the codes of closed vocabularies, held once for the whole library;
 * and the depth of this thread's span of unobserved objects. */
#define G_LOG_DOMAIN "ccp-model"

#include "config.h"

#include <string.h>

#include "ccp-model-private.h"

const char ccp_model_empty_string[1] = "";
const char * const ccp_model_empty_strv[1] = { NULL };

_Thread_local guint ccp_model_unobserved_depth = 0;

/* A hostile file may hold any number of made-up codes: past these bounds they are copied as
 * any other string, so what is held for good stays small. */
#define MAX_CODES       4096
#define MAX_CODE_LENGTH 48

/* The held codes live in one block, so that whether a string is one of them needs no lock
 * (ccp_model_free_code() asks for every code freed); the block's pages are touched only as
 * codes are added. */
static char pool[MAX_CODES * (MAX_CODE_LENGTH + 1)];
static gsize pool_used;       /* under codes_lock */
static GMutex codes_lock;
static GHashTable *codes;     /* code -> its copy in pool, under codes_lock */

/* Each thread's codes already looked up: the reading threads find theirs without the lock
 * (in a merge, two threads asked for 130,000 codes per 100 plans). */
static GPrivate thread_codes = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

static const char *
intern_locked (const char *code,
               gsize       length)
{
  const char *interned;

  g_mutex_lock (&codes_lock);
  if (G_UNLIKELY (codes == NULL))
    codes = g_hash_table_new (g_str_hash, g_str_equal);
  interned = g_hash_table_lookup (codes, code);
  if (interned == NULL && g_hash_table_size (codes) < MAX_CODES)
    {
      char *copy = pool + pool_used;

      memcpy (copy, code, length + 1);
      pool_used += length + 1;
      g_hash_table_insert (codes, copy, copy);
      interned = copy;
    }
  g_mutex_unlock (&codes_lock);

  return interned;
}

const char *
ccp_model_intern_code (const char *code)
{
  GHashTable *mine = g_private_get (&thread_codes);
  gsize length = strlen (code);
  const char *interned;

  if (length > MAX_CODE_LENGTH)
    return NULL;
  if (G_UNLIKELY (mine == NULL))
    {
      mine = g_hash_table_new (g_str_hash, g_str_equal);
      g_private_set (&thread_codes, mine);
    }
  interned = g_hash_table_lookup (mine, code);
  if (interned != NULL)
    return interned;

  interned = intern_locked (code, length);
  if (interned != NULL)
    g_hash_table_insert (mine, (gpointer) interned, (gpointer) interned);
  return interned;
}

gboolean
ccp_model_code_is_interned (const char *value)
{
  guintptr address = (guintptr) value;

  return address >= (guintptr) pool && address < (guintptr) pool + sizeof pool;
}
