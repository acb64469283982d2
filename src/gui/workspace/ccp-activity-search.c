/* ccp-activity-search.c: see ccp-activity-search.h. */
#define G_LOG_DOMAIN "ccp-activity-table"

#include "config.h"

#include <string.h>

#include "ccp-activity-filter.h"
#include "ccp-activity-search.h"
#include "ccp-activity-table.h"

char *
ccp_activity_search_text (gpointer item)
{
  CcpActivity *activity = item;
  g_autofree char *cities = NULL;

  if (!ccp_activity_filter_can_key (activity))
    return NULL;
  cities = ccp_activity_cities_text (activity);

  return g_strjoin (CCP_SEARCH_KEYS_SEPARATOR, ccp_activity_get_title (activity),
                    ccp_activity_get_description (activity), ccp_activity_get_place (activity),
                    cities, NULL);
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = ccp_text_casefold (haystack);

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

/* The search is the filters' run with only a search text (ccp-activity-filter.h): one way of
 * reading the keys in a thread and the activities they do not know on the main thread. */
static CcpActivityFilterState *
needle_state (const char *needle)
{
  CcpActivityFilterState *state = ccp_activity_filter_state_new ();

  state->needle = g_strdup (needle);
  return state;
}

GHashTable *
ccp_activity_search (GPtrArray     *activities,
                     CcpSearchKeys *keys,
                     const char    *needle,
                     GCancellable  *cancellable)
{
  g_autoptr(CcpActivityFilterState) state = NULL;

  g_return_val_if_fail (activities != NULL, NULL);
  g_return_val_if_fail (needle != NULL, NULL);

  state = needle_state (needle);
  return ccp_activity_filter_run (activities, keys, state, cancellable);
}

void
ccp_activity_search_async (GPtrArray           *activities,
                           CcpSearchKeys       *keys,
                           const char          *needle,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(CcpActivityFilterState) state = NULL;

  g_return_if_fail (activities != NULL);
  g_return_if_fail (needle != NULL);

  state = needle_state (needle);
  ccp_activity_filter_run_async (activities, keys, state, cancellable, callback, user_data);
}

GHashTable *
ccp_activity_search_finish (GAsyncResult  *result,
                            GError       **error)
{
  return ccp_activity_filter_run_finish (result, error);
}
