/* ccp-writer.c: canonical output of city plans and field plans.
 *
 * The document is built in a buffer of our own (ccp-writer-buffer.h) with explicit escaping
 * (ccp-markup.h) rather than with xmlTextWriter, so that every byte of the output is decided
 * here: the XML declaration, two-space indentation, LF line ends, a final newline, elements in
 * the order of the schema and attributes in a fixed order. An element whose content is empty
 * is always written in the short form <name/>, so read -> write gives the same bytes whatever
 * form the file used.
 *
 * The activities are written by walking the field table (ccp-writer-activities.c).
 *
 * A save streams: the buffer is handed to the sink (the temporary file of the atomic save, or
 * a checksum) and emptied at activity boundaries once it holds CCP_WRITER_BUFFER_FLUSH_SIZE
 * bytes, so a large plan is never held whole in memory as text.
 */
#define G_LOG_DOMAIN "ccp-writer"

#include "config.h"

#include <stdarg.h>

#include <glib/gi18n-lib.h>

#include "ccp-contact.h"
#include "ccp-error.h"
#include "ccp-field-plan.h"
#include "ccp-file.h"
#include "ccp-partner.h"
#include "ccp-plan.h"
#include "ccp-report-item.h"
#include "ccp-review-comment.h"
#include "ccp-review.h"
#include "ccp-source.h"
#include "ccp-writer-private.h"
#include "ccp-writer.h"

/* Appends name="value" pairs from a NULL-terminated list. */
static void
append_attributes_valist (CcpWriterBuffer *out,
                          va_list          args)
{
  const char *name;

  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      writer_attribute (out, name, value);
    }
}

/* <name attributes...>text</name>, or <name attributes.../> when text is empty. */
G_GNUC_NULL_TERMINATED static void
write_element (CcpWriterBuffer *out,
               guint            level,
               const char      *name,
               const char      *text,
               ...)
{
  va_list args;

  writer_open_tag (out, level, name);
  va_start (args, text);
  append_attributes_valist (out, args);
  va_end (args);
  writer_close_with_text (out, name, text);
}

/* Opens a container element. When empty, writes <name attributes.../> and the caller writes
 * neither children nor end tag. */
G_GNUC_NULL_TERMINATED static void
start_element (CcpWriterBuffer *out,
               guint            level,
               const char      *name,
               gboolean         empty,
               ...)
{
  va_list args;

  writer_open_tag (out, level, name);
  va_start (args, empty);
  append_attributes_valist (out, args);
  va_end (args);
  writer_end_start_tag (out, empty);
}

static const char *
non_empty (const char *value)
{
  return value != NULL && *value != '\0' ? value : NULL;
}

static const char *
true_or_null (gboolean value)
{
  return value ? "true" : NULL;
}

static guint
n_items (CcpItemList *store)
{
  return ccp_item_list_get_n_items (store);
}

/* An unsigned number as text, in buffer (at least 16 bytes). */
static const char *
uint_text (guint  value,
           char  *buffer)
{
  char *p = buffer + 15;

  *p = '\0';
  do
    {
      *--p = '0' + value % 10;
      value /= 10;
    }
  while (value > 0);
  return p;
}

typedef void (*WriteItem) (CcpWriterBuffer *out,
                           guint            level,
                           gpointer         item,
                           gpointer         data);

/* <name/> for an empty list, else <name> with each item and </name>. */
static void
write_list (CcpWriterBuffer *out,
            guint            level,
            const char      *name,
            CcpItemList     *store,
            WriteItem        write_item,
            gpointer         data)
{
  guint n = n_items (store);

  start_element (out, level, name, n == 0, NULL);
  for (guint i = 0; i < n; i++)
    write_item (out, level + 1, ccp_item_list_peek (store, i), data);
  if (n > 0)
    writer_end_element (out, level, name);
}

/* Format 1.1, the cycle: one review comment (the same element in a source, a city plan and
 * a review file). */
static void
write_comment (CcpWriterBuffer *out,
               guint            level,
               gpointer         item,
               gpointer         data)
{
  CcpReviewComment *comment = item;

  write_element (out, level, "comment", ccp_review_comment_get_text (comment),
                 "id", ccp_review_comment_get_id (comment),
                 "activity", non_empty (ccp_review_comment_get_activity (comment)),
                 "field", non_empty (ccp_review_comment_get_field (comment)),
                 "author", non_empty (ccp_review_comment_get_author (comment)),
                 "time", non_empty (ccp_review_comment_get_time (comment)),
                 "addressed", true_or_null (ccp_review_comment_get_addressed (comment)),
                 NULL);
}

/* The XML declaration and the start tag of the root, with the attributes both roots have. */
static void
begin_document (CcpWriterBuffer *out,
                const char      *root,
                GObject         *document)
{
  g_autofree char *id = NULL;
  g_autofree char *modified = NULL;
  CcpPlanStatus status;
  guint revision;
  char revision_buffer[16];

  g_object_get (document, "id", &id, "revision", &revision, "modified", &modified,
                "status", &status, NULL);
  ccp_writer_buffer_append_literal (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  start_element (out, 0, root, FALSE,
                 "xmlns", CCP_FORMAT_NAMESPACE,
                 "version", CCP_FORMAT_VERSION,
                 "id", id,
                 "revision", uint_text (revision, revision_buffer),
                 "modified", modified,
                 "status", ccp_plan_status_to_code (status),
                 NULL);
}

/* The document's text, all of it or (with a sink) what was not handed to the sink yet. */
static void
write_plan (CcpWriterBuffer *out,
            CcpPlan         *plan)
{
  gboolean representative_none;
  const char *rep_name, *rep_title, *rep_email;

  begin_document (out, "city-plan", G_OBJECT (plan));

  write_element (out, 1, "city", ccp_plan_get_city (plan),
                 "country", ccp_plan_get_country (plan), NULL);
  write_element (out, 1, "field", ccp_plan_get_field (plan), NULL);
  write_element (out, 1, "period", ccp_plan_get_period (plan), NULL);
  write_element (out, 1, "mission-statement", ccp_plan_get_mission_statement (plan), NULL);

  start_element (out, 1, "focal-point", FALSE, NULL);
  write_element (out, 2, "name", ccp_plan_get_focal_point_name (plan), NULL);
  write_element (out, 2, "email", ccp_plan_get_focal_point_email (plan), NULL);
  if (non_empty (ccp_plan_get_focal_point_phone (plan)) != NULL)
    write_element (out, 2, "phone", ccp_plan_get_focal_point_phone (plan), NULL);
  writer_end_element (out, 1, "focal-point");

  representative_none = ccp_plan_get_representative_none (plan);
  rep_name = non_empty (ccp_plan_get_representative_name (plan));
  rep_title = non_empty (ccp_plan_get_representative_title (plan));
  rep_email = non_empty (ccp_plan_get_representative_email (plan));
  if (rep_name != NULL || rep_title != NULL || rep_email != NULL)
    {
      /* <name> is required in the sequence, so it is written even when empty. */
      start_element (out, 1, "representative", FALSE,
                     "none", true_or_null (representative_none), NULL);
      write_element (out, 2, "name", rep_name, NULL);
      if (rep_title != NULL)
        write_element (out, 2, "title", rep_title, NULL);
      if (rep_email != NULL)
        write_element (out, 2, "email", rep_email, NULL);
      writer_end_element (out, 1, "representative");
    }
  else if (representative_none)
    {
      start_element (out, 1, "representative", TRUE, "none", "true", NULL);
    }

  _ccp_writer_write_activities (out, 1, ccp_plan_get_activities (plan), FALSE);

  /* Format 1.1, the cycle: both left out until the plan is sent or answers a review. */
  if (ccp_plan_get_sent_revision (plan) > 0 || non_empty (ccp_plan_get_sent (plan)) != NULL)
    {
      char sent_revision[16];

      start_element (out, 1, "sent", TRUE,
                     "revision", uint_text (ccp_plan_get_sent_revision (plan), sent_revision),
                     "on", non_empty (ccp_plan_get_sent (plan)), NULL);
    }
  if (n_items (ccp_plan_get_comments (plan)) > 0)
    write_list (out, 1, "comments", ccp_plan_get_comments (plan), write_comment, NULL);

  writer_end_element (out, 0, "city-plan");
}

/* The coordinator (data: its element name) or a deputy. */
static void
write_contact (CcpWriterBuffer *out,
               guint            level,
               gpointer         item,
               gpointer         data)
{
  CcpContact *contact = item;
  const char *name = data;

  start_element (out, level, name, FALSE, NULL);
  write_element (out, level + 1, "name", ccp_contact_get_name (contact), NULL);
  write_element (out, level + 1, "city", ccp_contact_get_city (contact),
                 "country", ccp_contact_get_country (contact), NULL);
  write_element (out, level + 1, "email", ccp_contact_get_email (contact), NULL);
  writer_end_element (out, level, name);
}

static gboolean
contact_is_empty (CcpContact *contact)
{
  return non_empty (ccp_contact_get_name (contact)) == NULL &&
         non_empty (ccp_contact_get_city (contact)) == NULL &&
         non_empty (ccp_contact_get_country (contact)) == NULL &&
         non_empty (ccp_contact_get_email (contact)) == NULL;
}

/* A member of the roster (data: the field plan's field). */
static void
write_member (CcpWriterBuffer *out,
              guint            level,
              gpointer         item,
              gpointer         data)
{
  CcpPartner *member = item;
  const char *plan_field = data;
  const char *member_field = ccp_partner_get_field (member);

  /* A member's field is written only when it is not the plan's own (network overviews). */
  if (*member_field == '\0' || g_str_equal (member_field, plan_field))
    member_field = NULL;
  write_element (out, level, "member", ccp_partner_get_name (member),
                 "country", ccp_partner_get_country (member),
                 "field", member_field, NULL);
}

static void
write_source (CcpWriterBuffer *out,
              guint            level,
              gpointer         item,
              gpointer         data)
{
  CcpSource *source = item;
  char revision[16], errors[16], warnings[16];
  guint rev = ccp_source_get_revision (source);
  CcpItemList *comments = ccp_source_get_comments (source);
  guint n_comments = n_items (comments);

  start_element (out, level, "source", n_comments == 0,
                 "file", ccp_source_get_file (source),
                 "sha256", ccp_source_get_sha256 (source),
                 "status", ccp_source_status_to_code (ccp_source_get_status (source)),
                 "reason", non_empty (ccp_source_get_reason (source)),
                 "city", non_empty (ccp_source_get_city (source)),
                 "country", non_empty (ccp_source_get_country (source)),
                 "field", non_empty (ccp_source_get_field (source)),
                 "period", non_empty (ccp_source_get_period (source)),
                 "plan", non_empty (ccp_source_get_plan_id (source)),
                 "revision", rev > 0 ? uint_text (rev, revision) : NULL,
                 "modified", non_empty (ccp_source_get_modified (source)),
                 "errors", uint_text (ccp_source_get_errors (source), errors),
                 "warnings", uint_text (ccp_source_get_warnings (source), warnings),
                 /* Format 1.1, the cycle */
                 "received", non_empty (ccp_source_get_received (source)),
                 "review", non_empty (ccp_review_state_to_code (ccp_source_get_review (source))),
                 "contact-name", non_empty (ccp_source_get_contact_name (source)),
                 "contact-email", non_empty (ccp_source_get_contact_email (source)),
                 "returned", non_empty (ccp_source_get_returned (source)),
                 NULL);
  for (guint i = 0; i < n_comments; i++)
    write_comment (out, level + 1, ccp_item_list_peek (comments, i), NULL);
  if (n_comments > 0)
    writer_end_element (out, level, "source");
}

static void
write_report_item (CcpWriterBuffer *out,
                   guint            level,
                   gpointer         data_item,
                   gpointer         data)
{
  CcpReportItem *item = data_item;
  const char * const *names = ccp_report_item_get_value_names (item);
  guint n = names != NULL ? g_strv_length ((char **) names) : 0;
  guint n_copies = ccp_report_item_get_n_copies (item);

  start_element (out, level, "item", n == 0 && n_copies == 0,
                 "kind", ccp_report_item_get_kind (item),
                 "code", non_empty (ccp_report_item_get_code (item)),
                 "file", non_empty (ccp_report_item_get_file (item)),
                 "city", non_empty (ccp_report_item_get_city (item)),
                 "country", non_empty (ccp_report_item_get_country (item)),
                 "activity", non_empty (ccp_report_item_get_activity (item)),
                 "joint-ref", non_empty (ccp_report_item_get_joint_ref (item)),
                 NULL);
  for (guint i = 0; i < n; i++)
    write_element (out, level + 1, "value", ccp_report_item_get_value (item, names[i]),
                   "name", names[i], NULL);
  for (guint i = 0; i < n_copies; i++)
    {
      const char * const *copy = ccp_report_item_get_copy (item, i);

      write_element (out, level + 1, "copy", copy[3],
                     "city", copy[0], "country", non_empty (copy[1]),
                     "activity", non_empty (copy[2]), NULL);
    }
  if (n > 0 || n_copies > 0)
    writer_end_element (out, level, "item");
}

static void
write_field_plan (CcpWriterBuffer *out,
                  CcpFieldPlan    *field_plan)
{
  CcpContact *coordinator;
  CcpItemList *deputies;

  begin_document (out, "field-plan", G_OBJECT (field_plan));

  write_element (out, 1, "field", ccp_field_plan_get_field (field_plan), NULL);
  write_element (out, 1, "period", ccp_field_plan_get_period (field_plan), NULL);
  write_element (out, 1, "mission-statement",
                 ccp_field_plan_get_mission_statement (field_plan), NULL);
  write_element (out, 1, "consolidated", ccp_field_plan_get_consolidated (field_plan), NULL);

  coordinator = ccp_field_plan_get_coordinator (field_plan);
  if (coordinator != NULL && !contact_is_empty (coordinator))
    write_contact (out, 1, coordinator, (gpointer) "coordinator");

  /* Deputies are repeated <deputy> elements with no container. */
  deputies = ccp_field_plan_get_deputies (field_plan);
  for (guint i = 0; i < n_items (deputies); i++)
    write_contact (out, 1, ccp_item_list_peek (deputies, i), (gpointer) "deputy");

  write_list (out, 1, "roster", ccp_field_plan_get_roster (field_plan), write_member,
              (gpointer) ccp_field_plan_get_field (field_plan));
  write_list (out, 1, "sources", ccp_field_plan_get_sources (field_plan), write_source, NULL);
  _ccp_writer_write_activities (out, 1, ccp_field_plan_get_activities (field_plan), TRUE);
  write_list (out, 1, "report", ccp_field_plan_get_report (field_plan), write_report_item,
              NULL);
  if (ccp_field_plan_get_n_choices (field_plan) > 0)
    {
      start_element (out, 1, "choices", FALSE, NULL);
      for (guint i = 0; i < ccp_field_plan_get_n_choices (field_plan); i++)
        {
          const char * const *choice = ccp_field_plan_get_choice (field_plan, i);

          start_element (out, 2, "choice", TRUE,
                         "joint-ref", choice[0], "field", choice[1], "city", choice[2],
                         "country", non_empty (choice[3]), "by", non_empty (choice[4]),
                         "on", non_empty (choice[5]), NULL);
        }
      writer_end_element (out, 1, "choices");
    }
  /* Format 1.1, the cycle: left out while the deadline is the default and never reopened. */
  if (non_empty (ccp_field_plan_get_deadline (field_plan)) != NULL ||
      ccp_field_plan_get_n_reopenings (field_plan) > 0)
    {
      guint n = ccp_field_plan_get_n_reopenings (field_plan);

      start_element (out, 1, "cycle", n == 0,
                     "deadline", non_empty (ccp_field_plan_get_deadline (field_plan)), NULL);
      for (guint i = 0; i < n; i++)
        {
          const char * const *reopening = ccp_field_plan_get_reopening (field_plan, i);

          write_element (out, 2, "reopening", reopening[2],
                         "on", non_empty (reopening[0]), "by", non_empty (reopening[1]), NULL);
        }
      if (n > 0)
        writer_end_element (out, 1, "cycle");
    }

  writer_end_element (out, 0, "field-plan");
}

/* The document into out, flushed to its sink as it goes when it has one. */
static void
write_document (CcpWriterBuffer *out,
                GObject         *document)
{
  if (CCP_IS_PLAN (document))
    write_plan (out, CCP_PLAN (document));
  else
    write_field_plan (out, CCP_FIELD_PLAN (document));
}

GBytes *
ccp_writer_write_plan (CcpPlan *plan)
{
  CcpWriterBuffer out;

  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  ccp_writer_buffer_init (&out, 4096, NULL);
  write_document (&out, G_OBJECT (plan));
  return ccp_writer_buffer_free_to_bytes (&out);
}

GBytes *
ccp_writer_write_field_plan (CcpFieldPlan *field_plan)
{
  CcpWriterBuffer out;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);

  ccp_writer_buffer_init (&out, 4096, NULL);
  write_document (&out, G_OBJECT (field_plan));
  return ccp_writer_buffer_free_to_bytes (&out);
}

static gboolean
write_document_to_sink (CcpFileSink *sink,
                        gpointer     user_data)
{
  CcpWriterBuffer out;
  gboolean ok;

  ccp_writer_buffer_init (&out, CCP_WRITER_BUFFER_FLUSH_SIZE + 64 * 1024, sink);
  write_document (&out, user_data);
  ok = ccp_writer_buffer_flush (&out);
  ccp_writer_buffer_clear (&out);
  return ok;
}
gboolean
ccp_writer_save (GObject       *document,
                 GFile         *file,
                 gboolean       make_backup,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_return_val_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ccp_file_save_with (file, write_document_to_sink, document, make_backup, cancellable,
                             error);
}

char *
ccp_writer_sha256 (GObject *document)
{
  CcpFileSink *sink;

  g_return_val_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document), NULL);

  sink = ccp_file_sink_new_sha256 ();
  write_document_to_sink (sink, document);
  return ccp_file_sink_free_to_sha256 (sink);
}
