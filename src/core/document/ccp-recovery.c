#define G_LOG_DOMAIN "ccp-recovery"

#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "ccp-file.h"
#include "ccp-reader.h"
#include "ccp-recovery.h"
#include "ccp-writer.h"

#define GROUP "Recovery"

void
ccp_recovery_entry_free (CcpRecoveryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->key);
  g_clear_object (&entry->plan_file);
  g_clear_object (&entry->original);
  g_clear_pointer (&entry->written, g_date_time_unref);
  g_free (entry);
}

char *
ccp_recovery_get_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "creative-cities-plans", "recovery", NULL);
}

char *
ccp_recovery_key_for (CcpPlan *plan)
{
  const char *id;
  gsize len;

  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  id = ccp_plan_get_id (plan);
  len = strlen (id);
  /* The identifier comes from a file: never let it name a path. */
  if (len > 0 && len <= 64 && id[0] != '.' && id[strspn (id,
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")] == '\0')
    return g_strdup (id);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, id, -1);
}

static char *
path_for (const char *key,
          const char *suffix)
{
  g_autofree char *dir = ccp_recovery_get_dir ();
  g_autofree char *base = g_strconcat (key, suffix, NULL);

  return g_build_filename (dir, base, NULL);
}

gboolean
ccp_recovery_write (const char  *key,
                    CcpPlan     *plan,
                    GFile       *original,
                    GError     **error)
{
  g_autofree char *dir = ccp_recovery_get_dir ();
  g_autofree char *plan_path = path_for (key, ".xml");
  g_autofree char *info_path = path_for (key, ".ini");
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) plan_file = NULL;
  g_autofree char *timestamp = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (CCP_IS_PLAN (plan), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  bytes = ccp_writer_write_plan (plan);
  plan_file = g_file_new_for_path (plan_path);
  if (!ccp_file_save (plan_file, bytes, FALSE, NULL, error))
    return FALSE;

  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);

      g_key_file_set_string (info, GROUP, "Original", uri);
    }
  timestamp = g_date_time_format_iso8601 (now);
  g_key_file_set_string (info, GROUP, "Written", timestamp);

  return g_key_file_save_to_file (info, info_path, error);
}

void
ccp_recovery_remove (const char *key)
{
  g_autofree char *plan_path = NULL;
  g_autofree char *info_path = NULL;

  if (key == NULL)
    return;

  plan_path = path_for (key, ".xml");
  info_path = path_for (key, ".ini");
  g_unlink (plan_path);
  g_unlink (info_path);
}

static int
compare_written (gconstpointer a,
                 gconstpointer b)
{
  const CcpRecoveryEntry *ea = *(CcpRecoveryEntry * const *) a;
  const CcpRecoveryEntry *eb = *(CcpRecoveryEntry * const *) b;

  return g_date_time_compare (ea->written, eb->written);
}

GPtrArray *
ccp_recovery_list (void)
{
  g_autofree char *dir_path = ccp_recovery_get_dir ();
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) ccp_recovery_entry_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return g_steal_pointer (&entries);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *plan_path = NULL;
      g_autofree char *info_path = NULL;
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autofree char *original = NULL;
      g_autofree char *written = NULL;
      CcpRecoveryEntry *entry;

      if (!g_str_has_suffix (name, ".xml"))
        continue;

      plan_path = g_build_filename (dir_path, name, NULL);
      entry = g_new0 (CcpRecoveryEntry, 1);
      entry->key = g_strndup (name, strlen (name) - strlen (".xml"));
      entry->plan_file = g_file_new_for_path (plan_path);

      info_path = path_for (entry->key, ".ini");
      if (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
        {
          original = g_key_file_get_string (info, GROUP, "Original", NULL);
          written = g_key_file_get_string (info, GROUP, "Written", NULL);
        }
      if (original != NULL && *original != '\0')
        entry->original = g_file_new_for_uri (original);
      if (written != NULL)
        entry->written = g_date_time_new_from_iso8601 (written, NULL);
      if (entry->written == NULL)
        {
          g_autoptr(GFileInfo) file_info =
            g_file_query_info (entry->plan_file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                               G_FILE_QUERY_INFO_NONE, NULL, NULL);

          if (file_info != NULL)
            entry->written = g_file_info_get_modification_date_time (file_info);
          if (entry->written == NULL)
            entry->written = g_date_time_new_now_utc ();
        }

      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_written);

  return g_steal_pointer (&entries);
}

CcpPlan *
ccp_recovery_read (CcpRecoveryEntry  *entry,
                   GError           **error)
{
  g_autoptr(GObject) document = NULL;

  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = ccp_reader_read_file (entry->plan_file, NULL, NULL, NULL, NULL, error);
  if (document != NULL && !CCP_IS_PLAN (document))
    {
      g_autofree char *name = g_file_get_parse_name (entry->plan_file);

      /* Only city plans get recovery copies: anything else there was not written by us. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s", name);
      return NULL;
    }

  return document != NULL ? CCP_PLAN (g_steal_pointer (&document)) : NULL;
}
