/* ccp-workspace-restore.c: what the hand-over of a merge replaces (the field plan shown, the
 * inputs merged, the tables of files, issues and messages, the modified flag), kept until the
 * merged field plan is all on screen, so that Cancel in the last phase ("Showing the field
 * plan…") puts the workspace back as it was before the merge (issue 16). */
#define G_LOG_DOMAIN "ccp-workspace"

#include "config.h"

#include "ccp-workspace-private.h"

static gpointer
copy_string (gconstpointer value,
             gpointer      user_data)
{
  return g_strdup (value);
}

static gpointer
copy_array (gconstpointer value,
            gpointer      user_data)
{
  return g_ptr_array_ref ((GPtrArray *) value);
}

static gpointer
copy_object (gconstpointer value,
             gpointer      user_data)
{
  return g_object_ref ((gpointer) value);
}

/* Puts into to a copy of each entry of from (keys are strings): from is left as it was. */
static void
copy_entries (GHashTable *from,
              GHashTable *to,
              GCopyFunc   copy_value)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (to, g_strdup (key), copy_value (value, NULL));
}

static GHashTable *
copy_table (GHashTable     *table,
            GCopyFunc       copy_value,
            GDestroyNotify  free_value)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_value);

  copy_entries (table, copy, copy_value);
  return copy;
}

Restore *
_ccp_workspace_restore_new (CcpWorkspace *self)
{
  Restore *restore = g_new0 (Restore, 1);
  /* What the views were given, when they all show the field plan (no step left). */
  gboolean shown = !_ccp_workspace_views_pending (self);
  CcpOverviewData *overview = shown ? ccp_overview_chart_get_data (self->charts[0]) : NULL;
  CcpSearchKeys *keys = shown ? ccp_activity_table_get_keys (self->activity_table) : NULL;

  restore->current = self->current != NULL ? g_object_ref (self->current) : NULL;
  restore->inputs = g_ptr_array_ref (self->inputs);
  restore->files = copy_table (self->files, copy_object, g_object_unref);
  restore->issues = copy_table (self->issues, copy_array, (GDestroyNotify) g_ptr_array_unref);
  restore->messages = copy_table (self->messages, copy_string, g_free);
  if (overview != NULL &&
      ccp_overview_chart_get_field_plan (self->charts[0]) == self->current)
    restore->overview = ccp_overview_data_ref (overview);
  if (keys != NULL)
    restore->keys = ccp_search_keys_ref (keys);
  restore->modified = self->modified;
  return restore;
}

void
_ccp_workspace_restore_free (Restore *restore)
{
  if (restore == NULL)
    return;
  /* The field plan of a merge shown: freed off the main thread. */
  _ccp_workspace_unref_in_thread (restore->current);
  g_ptr_array_unref (restore->inputs);
  g_hash_table_unref (restore->files);
  g_hash_table_unref (restore->issues);
  g_hash_table_unref (restore->messages);
  g_clear_pointer (&restore->overview, ccp_overview_data_unref);
  g_clear_pointer (&restore->keys, ccp_search_keys_unref);
  g_free (restore);
}

void
_ccp_workspace_restore_apply (CcpWorkspace *self,
                              Restore      *restore)
{
  g_hash_table_remove_all (self->files);
  copy_entries (restore->files, self->files, copy_object);
  g_hash_table_remove_all (self->issues);
  copy_entries (restore->issues, self->issues, copy_array);
  g_hash_table_remove_all (self->messages);
  copy_entries (restore->messages, self->messages, copy_string);
  g_ptr_array_unref (self->inputs);
  self->inputs = g_ptr_array_ref (restore->inputs);

  g_clear_pointer (&self->overview, ccp_overview_data_unref);
  if (restore->overview != NULL)
    self->overview = ccp_overview_data_ref (restore->overview);
  g_clear_pointer (&self->keys, ccp_search_keys_unref);
  if (restore->keys != NULL)
    self->keys = ccp_search_keys_ref (restore->keys);
  _ccp_workspace_set_modified (self, restore->modified);
  /* The views are set again as after a merge: a step per main-loop turn. */
  self->staging = TRUE;
  _ccp_workspace_set_current (self, restore->current);
  self->staging = FALSE;
}
