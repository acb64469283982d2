/* ccp-activity-search.c: see ccp-activity-search.h. */
#define G_LOG_DOMAIN "ccp-activity-table"

#include "config.h"

#include <string.h>

#include "ccp-activity-search.h"
#include "ccp-activity-table.h"

char *
ccp_activity_search_text (gpointer item)
{
  CcpActivity *activity = item;
  g_autofree char *cities = ccp_activity_cities_text (activity);

  return g_strjoin (CCP_SEARCH_KEYS_SEPARATOR, ccp_activity_get_title (activity),
                    ccp_activity_get_description (activity), ccp_activity_get_place (activity),
                    cities, NULL);
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

gboolean
ccp_activity_search_matches (CcpActivity   *activity,
                             CcpSearchKeys *keys,
                             const char    *needle)
{
  g_autofree char *cities = NULL;
  int match = -1;

  /* One strstr() in the precomputed text; until it is made, as many casefolds. */
  if (keys != NULL && strstr (needle, CCP_SEARCH_KEYS_SEPARATOR) == NULL)
    match = ccp_search_keys_match (keys, activity, needle);
  if (match >= 0)
    return match == 1;
  cities = ccp_activity_cities_text (activity);
  return contains_folded (ccp_activity_get_title (activity), needle) ||
         contains_folded (ccp_activity_get_description (activity), needle) ||
         contains_folded (ccp_activity_get_place (activity), needle) ||
         contains_folded (cities, needle);
}

typedef struct {
  GPtrArray     *activities;
  CcpSearchKeys *keys;
  char          *needle;
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  g_ptr_array_unref (work->activities);
  g_clear_pointer (&work->keys, ccp_search_keys_unref);
  g_free (work->needle);
  g_free (work);
}

/* What the thread found, and the activities its keys could not answer for. */
typedef struct {
  GHashTable *found;
  GPtrArray  *unknown;
} Found;

static void
found_free (gpointer data)
{
  Found *found = data;

  g_clear_pointer (&found->found, g_hash_table_unref);
  g_clear_pointer (&found->unknown, g_ptr_array_unref);
  g_free (found);
}

/* The activities the keys find into found->found, those they do not know into
 * found->unknown; FALSE when cancelled. It reads only the keys, which nothing changes once
 * made, so it may run in a thread while the main thread changes an activity's own texts (a
 * joint conflict's value kept). */
static gboolean
search_keys (GPtrArray     *activities,
             CcpSearchKeys *keys,
             const char    *needle,
             GCancellable  *cancellable,
             Found         *found)
{
  gboolean keyed = keys != NULL && strstr (needle, CCP_SEARCH_KEYS_SEPARATOR) == NULL;

  found->found = g_hash_table_new (NULL, NULL);
  found->unknown = g_ptr_array_new ();
  for (guint i = 0; i < activities->len; i++)
    {
      CcpActivity *activity = g_ptr_array_index (activities, i);
      int match = keyed ? ccp_search_keys_match (keys, activity, needle) : -1;

      /* Checked now and then: a cancelled search is a superseded keystroke. */
      if ((i & 1023) == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;
      if (match == 1)
        g_hash_table_add (found->found, activity);
      else if (match < 0)
        g_ptr_array_add (found->unknown, activity);
    }
  return TRUE;
}

/* The activities the keys did not know, by their own texts (the thread that may change
 * them); then the matches, found taken. */
static GHashTable *
search_unknown (Found      *found,
                const char *needle)
{
  GHashTable *matches;

  for (guint i = 0; i < found->unknown->len; i++)
    {
      CcpActivity *activity = g_ptr_array_index (found->unknown, i);

      if (ccp_activity_search_matches (activity, NULL, needle))
        g_hash_table_add (found->found, activity);
    }
  matches = g_steal_pointer (&found->found);
  found_free (found);
  return matches;
}

GHashTable *
ccp_activity_search (GPtrArray     *activities,
                     CcpSearchKeys *keys,
                     const char    *needle,
                     GCancellable  *cancellable)
{
  Found *found = g_new0 (Found, 1);

  g_return_val_if_fail (activities != NULL, NULL);
  g_return_val_if_fail (needle != NULL, NULL);

  if (!search_keys (activities, keys, needle, cancellable, found))
    {
      found_free (found);
      return NULL;
    }
  return search_unknown (found, needle);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Work *work = task_data;
  Found *found = g_new0 (Found, 1);

  if (!search_keys (work->activities, work->keys, work->needle, cancellable, found))
    {
      found_free (found);
      g_task_return_error_if_cancelled (task);
      return;
    }
  g_task_return_pointer (task, found, found_free);
}

void
ccp_activity_search_async (GPtrArray           *activities,
                           CcpSearchKeys       *keys,
                           const char          *needle,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Work *work = g_new0 (Work, 1);

  g_return_if_fail (activities != NULL);
  g_return_if_fail (needle != NULL);

  work->activities = g_ptr_array_ref (activities);
  work->keys = keys != NULL ? ccp_search_keys_ref (keys) : NULL;
  work->needle = g_strdup (needle);
  g_task_set_source_tag (task, ccp_activity_search_async);
  g_task_set_task_data (task, work, work_free);
  g_task_run_in_thread (task, search_thread);
}

GHashTable *
ccp_activity_search_finish (GAsyncResult  *result,
                            GError       **error)
{
  Work *work;
  Found *found;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    return NULL;
  work = g_task_get_task_data (G_TASK (result));
  return search_unknown (found, work->needle);
}
