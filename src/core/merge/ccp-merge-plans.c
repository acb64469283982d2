/* ccp-merge-plans.c: inputs given already read and checked (the workspace reads each file to
 * show its issues before merging): the next run takes the document instead of parsing the
 * bytes again (issue 16: the files read once). */
#define G_LOG_DOMAIN "ccp-merge"

#include "config.h"

#include "ccp-field-plan.h"
#include "ccp-file.h"
#include "ccp-merge-private.h"
#include "ccp-plan.h"

void
ccp_merge_add_read (CcpMerge   *self,
                    const char *file,
                    GBytes     *bytes,
                    const char *sha256,
                    GObject    *document,
                    GPtrArray  *issues)
{
  Input *input;

  g_return_if_fail (CCP_IS_MERGE (self));
  g_return_if_fail (file != NULL);
  g_return_if_fail (document == NULL || CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document));
  /* Without bytes, the document and the hash are all there is of the file. */
  g_return_if_fail (bytes != NULL || (document != NULL && sha256 != NULL));

  /* As ccp_merge_add_bytes(), with the caller's hash: hashing every input again (57 MB for
   * the benchmark's 400 plans) would block the workspace's main loop a third of a second. */
  input = _ccp_merge_input_new (self, file);
  input->public.sha256 = sha256 != NULL ? g_strdup (sha256) : ccp_bytes_sha256 (bytes);
  input->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  /* Nothing to parse again: a second run could not have this input. */
  if (bytes == NULL)
    self->single_run = TRUE;
  if (document == NULL)
    return;
  input->preread = g_object_ref (document);
  input->preread_issues = issues != NULL ? g_ptr_array_ref (issues)
                                         : g_ptr_array_new_with_free_func (g_object_unref);
}

gboolean
_ccp_merge_take_preread (Input *input)
{
  if (input->preread == NULL)
    return FALSE;
  g_clear_object (&input->document);
  input->document = g_steal_pointer (&input->preread);
  return TRUE;
}
