/* ccp-workspace-read.c: the city plans given to the workspace, read off the main thread: a
 * folder gives its .xml files, each file is read and checked in a pool of reading threads
 * (_ccp_workspace_read_thread), and before a later merge the files of the plans merged
 * before are read again and their SHA-256 compared with what was merged
 * (_ccp_workspace_reload_thread). The merge itself is in ccp-workspace-merge.c. */
#define G_LOG_DOMAIN "ccp-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-workspace-private.h"

/* --- Inputs ---------------------------------------------------------------------------------- */

static void
input_clear (Input *input)
{
  g_free (input->name);
  g_clear_object (&input->file);
  g_free (input->sha256);
  /* A whole plan: freed off the main thread. */
  g_clear_pointer (&input->document, _ccp_workspace_unref_in_thread);
}

Input *
_ccp_workspace_input_ref (Input *input)
{
  return g_atomic_rc_box_acquire (input);
}

void
_ccp_workspace_input_unref (gpointer input)
{
  g_atomic_rc_box_release_full (input, (GDestroyNotify) input_clear);
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *pa = g_file_get_path (*(GFile **) a);
  g_autofree char *pb = g_file_get_path (*(GFile **) b);

  return g_strcmp0 (pa, pb);
}

/* The .xml files of a folder (not its subfolders), in name order. */
static void
list_folder (GFile        *folder,
             GPtrArray    *files,
             GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;
  GFile *child;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (enumerator == NULL)
    return;
  while (g_file_enumerator_iterate (enumerator, &info, &child, cancellable, NULL) &&
         info != NULL)
    if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
        g_str_has_suffix (g_file_info_get_name (info), ".xml"))
      g_ptr_array_add (found, g_object_ref (child));
  g_ptr_array_sort (found, compare_files);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (files, g_object_ref (g_ptr_array_index (found, i)));
}

char *
_ccp_workspace_file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

/* One file read in the reading pool: what it gave, put in the job in file order after. */
typedef struct {
  Job       *job;
  GFile     *file;
  Input     *input;       /* NULL: unloadable */
  char      *unloadable;  /* "file: why" */
  GPtrArray *issues;      /* of a readable document */
  char      *message;     /* the reader's error */
} Slot;

static void
slot_clear (Slot *slot)
{
  g_clear_pointer (&slot->input, _ccp_workspace_input_unref);
  g_free (slot->unloadable);
  g_clear_pointer (&slot->issues, g_ptr_array_unref);
  g_free (slot->message);
}

/* Reads one file and checks its plan as `ccplans validate` does, so that a source's issues
 * are at hand; the document is kept for the merge, which then does not parse it again. The
 * bytes are not kept (a later merge reads the file again), and the issues get their lines
 * only when they are shown (_ccp_workspace_locate_issues()): finding them parses the file a
 * second time, which was half of the reading of the benchmark's 400 plans (316 have a
 * warning). */
static void
read_one (gpointer data,
          gpointer user_data)
{
  Slot *slot = data;
  Job *job = slot->job;
  GCancellable *cancellable = job->cancellable;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GObject) document = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *display = NULL;
  Input *input;

  if (g_cancellable_is_cancelled (cancellable))
    return;

  display = _ccp_workspace_file_display_name (slot->file);
  bytes = ccp_file_load (slot->file, CCP_FILE_MAX_SIZE, cancellable, &error);
  if (bytes == NULL)
    {
      /* Translators: a file that could not be read, and why */
      slot->unloadable = g_strdup_printf (_("%s: %s"), display, error->message);
      g_atomic_int_inc (&job->n_done);
      return;
    }

  input = g_atomic_rc_box_new0 (Input);
  input->file = g_object_ref (slot->file);
  input->name = g_file_get_path (slot->file);
  if (input->name == NULL)
    input->name = g_file_get_basename (slot->file);
  input->sha256 = ccp_bytes_sha256 (bytes);
  slot->input = input;

  document = ccp_reader_read_bytes (bytes, display, &issues, NULL, &error);
  if (document == NULL)
    slot->message = g_strdup (error->message);
  else
    {
      if (issues == NULL)
        issues = g_ptr_array_new_with_free_func (g_object_unref);
      if (CCP_IS_PLAN (document))
        {
          g_autoptr(GPtrArray) found = ccp_validator_check_plan (job->validator,
                                                                 CCP_PLAN (document));

          for (guint j = 0; j < found->len; j++)
            g_ptr_array_add (issues, g_object_ref (g_ptr_array_index (found, j)));
        }
      ccp_issues_sort (issues);
      slot->issues = g_steal_pointer (&issues);
      input->document = g_steal_pointer (&document);
    }
  g_atomic_int_inc (&job->n_done);
}

/* In a thread: reads the files, one reading thread per core as ccp_merge does (the reader and
 * the validator only read shared data), then puts what they found in the job in file order. */
void
_ccp_workspace_read_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_threads = CLAMP (g_get_num_processors (), 1, 8);
  g_autofree Slot *slots = NULL;

  for (guint i = 0; i < job->given->len; i++)
    {
      GFile *file = g_ptr_array_index (job->given, i);

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) ==
          G_FILE_TYPE_DIRECTORY)
        list_folder (file, files, cancellable);
      else
        g_ptr_array_add (files, g_object_ref (file));
    }
  g_atomic_int_set (&job->n_total, (int) files->len);

  slots = g_new0 (Slot, MAX (files->len, 1));
  for (guint i = 0; i < files->len; i++)
    {
      slots[i].job = job;
      slots[i].file = g_ptr_array_index (files, i);
    }
  if (n_threads < 2 || files->len < 2)
    for (guint i = 0; i < files->len; i++)
      read_one (&slots[i], NULL);
  else
    {
      GThreadPool *pool = g_thread_pool_new (read_one, NULL, (int) n_threads, TRUE, NULL);

      for (guint i = 0; i < files->len; i++)
        g_thread_pool_push (pool, &slots[i], NULL);
      /* Waits for every file (a cancelled one returns at once). */
      g_thread_pool_free (pool, FALSE, TRUE);
    }

  for (guint i = 0; i < files->len; i++)
    {
      Slot *slot = &slots[i];

      if (slot->unloadable != NULL)
        g_ptr_array_add (job->unloadable, g_steal_pointer (&slot->unloadable));
      if (slot->input != NULL)
        {
          const char *sha256 = slot->input->sha256;

          if (slot->message != NULL)
            g_hash_table_replace (job->messages, g_strdup (sha256),
                                  g_steal_pointer (&slot->message));
          if (slot->issues != NULL)
            g_hash_table_replace (job->issues, g_strdup (sha256),
                                  g_steal_pointer (&slot->issues));
          g_ptr_array_add (job->loaded, g_steal_pointer (&slot->input));
        }
      slot_clear (slot);
    }

  g_task_return_boolean (task, TRUE);
}

/* In a thread: the files of the inputs merged before (their plans went into that merge, and
 * their bytes are not kept), read again; one that is gone or whose bytes changed is lost. */
void
_ccp_workspace_reload_thread (GTask        *task,
                              gpointer      source_object,
                              gpointer      task_data,
                              GCancellable *cancellable)
{
  Job *job = task_data;

  for (guint i = 0; i < job->candidate->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      Input *input = g_ptr_array_index (job->candidate, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sha256 = NULL;
      g_autofree char *display = NULL;

      if (input->document != NULL && g_hash_table_contains (job->issues, input->sha256))
        continue;
      display = _ccp_workspace_file_display_name (input->file);
      bytes = ccp_file_load (input->file, CCP_FILE_MAX_SIZE, cancellable, &error);
      if (bytes != NULL)
        sha256 = ccp_bytes_sha256 (bytes);
      if (bytes == NULL)
        /* Translators: a plan merged earlier that cannot be read now, and why */
        g_ptr_array_add (job->lost, g_strdup_printf (_("%s: %s"), display, error->message));
      else if (!g_str_equal (sha256, input->sha256))
        g_ptr_array_add (job->lost,
                         /* Translators: a plan merged earlier whose file is not the same now */
                         g_strdup_printf (_("%s: changed since it was merged"), display));
      else
        g_ptr_array_index (job->reloaded, i) = g_steal_pointer (&bytes);
    }
  g_task_return_boolean (task, TRUE);
}
