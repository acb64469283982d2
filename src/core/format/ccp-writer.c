/* ccp-writer.c: canonical output of city plans and field plans.
 *
 * The document is built in a GString with explicit escaping (ccp-markup.h) rather than with
 * xmlTextWriter, so that every byte of the output is decided here: the XML declaration,
 * two-space indentation, LF line ends, a final newline, elements in the order of the schema and
 * attributes in a fixed order. An element whose content is empty is always written in the short
 * form <name/>, so read -> write gives the same bytes whatever form the file used.
 *
 * An activity is written by walking the field table (ccp-activity-field.h) in its order, which
 * is the schema's.
 *
 * A save streams: the GString is handed to the sink (the temporary file of the atomic save, or
 * a checksum) and emptied at activity boundaries once it holds FLUSH_SIZE bytes, so a large
 * plan is never held whole in memory as text.
 */
#define G_LOG_DOMAIN "ccp-writer"

#include "config.h"

#include <stdarg.h>

#include <glib/gi18n-lib.h>

#include "ccp-activity-field.h"
#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-contact.h"
#include "ccp-error.h"
#include "ccp-field-plan.h"
#include "ccp-file.h"
#include "ccp-markup.h"
#include "ccp-partner.h"
#include "ccp-plan.h"
#include "ccp-report-item.h"
#include "ccp-review-comment.h"
#include "ccp-review.h"
#include "ccp-source.h"
#include "ccp-writer.h"

#define FLUSH_SIZE (64 * 1024)

/* What write_activity() is given: where the activities go, and the sink the text is handed to
 * (NULL while the whole document is built in memory). */
typedef struct {
  gboolean     in_field_plan;
  CcpFileSink *sink;
} ActivitiesContext;

static void
flush_to_sink (GString     *out,
               CcpFileSink *sink)
{
  if (sink == NULL || out->len < FLUSH_SIZE)
    return;
  /* A failed write is kept by the sink and reported at the end: the rest is dropped. */
  ccp_file_sink_write (sink, out->str, out->len);
  g_string_truncate (out, 0);
}

static void
append_indent (GString *out,
               guint    level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

/* "<name" at its indent; attributes and the end of the tag follow. */
static void
open_tag (GString    *out,
          guint       level,
          const char *name)
{
  append_indent (out, level);
  g_string_append_c (out, '<');
  g_string_append (out, name);
}

/* name="value"; a NULL value leaves the attribute out. */
static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value)
{
  if (value == NULL)
    return;

  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  ccp_markup_append_attribute (out, value);
  g_string_append_c (out, '"');
}

/* Appends name="value" pairs from a NULL-terminated list. */
static void
append_attributes_valist (GString *out,
                          va_list  args)
{
  const char *name;

  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      append_attribute (out, name, value);
    }
}

/* Ends the start tag of an element with its text and end tag, or as <name/> when the text is
 * empty. */
static void
close_with_text (GString    *out,
                 const char *name,
                 const char *text)
{
  if (text == NULL || *text == '\0')
    {
      g_string_append (out, "/>\n");
      return;
    }

  g_string_append_c (out, '>');
  ccp_markup_append_text (out, text);
  g_string_append (out, "</");
  g_string_append (out, name);
  g_string_append (out, ">\n");
}

/* <name attributes...>text</name>, or <name attributes.../> when text is empty. */
G_GNUC_NULL_TERMINATED static void
write_element (GString    *out,
               guint       level,
               const char *name,
               const char *text,
               ...)
{
  va_list args;

  open_tag (out, level, name);
  va_start (args, text);
  append_attributes_valist (out, args);
  va_end (args);
  close_with_text (out, name, text);
}

/* Opens a container element. When empty, writes <name attributes.../> and the caller writes
 * neither children nor end tag. */
G_GNUC_NULL_TERMINATED static void
start_element (GString    *out,
               guint       level,
               const char *name,
               gboolean    empty,
               ...)
{
  va_list args;

  open_tag (out, level, name);
  va_start (args, empty);
  append_attributes_valist (out, args);
  va_end (args);
  g_string_append (out, empty ? "/>\n" : ">\n");
}

static void
end_element (GString    *out,
             guint       level,
             const char *name)
{
  append_indent (out, level);
  g_string_append (out, "</");
  g_string_append (out, name);
  g_string_append (out, ">\n");
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
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

typedef void (*WriteItem) (GString  *out,
                           guint     level,
                           gpointer  item,
                           gpointer  data);

/* <name/> for an empty list, else <name> with each item and </name>. */
static void
write_list (GString    *out,
            guint       level,
            const char *name,
            CcpItemList *store,
            WriteItem   write_item,
            gpointer    data)
{
  guint n = n_items (store);

  start_element (out, level, name, n == 0, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      write_item (out, level + 1, item, data);
    }
  if (n > 0)
    end_element (out, level, name);
}

/* Format 1.1, the cycle: one review comment (the same element in a source, a city plan and
 * a review file). */
static void
write_comment (GString  *out,
               guint     level,
               gpointer  item,
               gpointer  data)
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

/* Activities, through the field table */

/* A single-valued field as the file has it; codes are joined into *owned. */
static const char *
field_text (const CcpActivityField  *row,
            CcpActivity             *activity,
            char                   **owned)
{
  if (row->get_string != NULL)
    return row->get_string (activity);
  if (row->get_flag != NULL)
    return row->get_flag (activity) ? "true" : "false";
  return *owned = ccp_activity_field_to_string (row, activity);
}

static void
append_field_attribute (GString                *out,
                        const CcpActivityField *row,
                        CcpActivity            *activity)
{
  g_autofree char *owned = NULL;

  if ((row->flags & CCP_FIELD_FLAGS_IF_SET) && ccp_activity_field_is_empty (row, activity))
    return;
  append_attribute (out, row->attribute, field_text (row, activity, &owned));
}

/* An item of a list field: its attributes, then its text or its child elements (the optional
 * ones left out when empty). */
static void
write_field_item (GString                *out,
                  guint                   level,
                  const CcpActivityField *row,
                  GObject                *item)
{
  const CcpItemField *text = NULL;
  gboolean has_children = FALSE;

  open_tag (out, level, row->item);
  for (const CcpItemField *field = row->items; field->name != NULL; field++)
    {
      if (field->attribute != NULL)
        append_attribute (out, field->attribute, field->get (item));
      else if (field->element != NULL)
        has_children = TRUE;
      else
        text = field;
    }

  if (!has_children)
    {
      close_with_text (out, row->item, text != NULL ? text->get (item) : NULL);
      return;
    }

  g_string_append (out, ">\n");
  for (const CcpItemField *field = row->items; field->name != NULL; field++)
    {
      if (field->element == NULL)
        continue;
      if (ccp_activity_field_item_is_optional (row, field) && non_empty (field->get (item)) == NULL)
        continue;
      write_element (out, level + 1, field->element, field->get (item), NULL);
    }
  end_element (out, level, row->item);
}

/* Ends the start tag of a list field's element with its items and end tag; <name/> when it
 * has none. */
static void
close_with_items (GString                *out,
                  guint                   level,
                  const CcpActivityField *row,
                  CcpActivity            *activity)
{
  guint n;

  if (row->type == CCP_FIELD_TYPE_TEXTS)
    {
      const char * const *texts = row->get_strv (activity);

      n = texts != NULL ? g_strv_length ((char **) texts) : 0;
      g_string_append (out, n == 0 ? "/>\n" : ">\n");
      for (guint i = 0; i < n; i++)
        write_element (out, level + 1, row->item, texts[i], NULL);
    }
  else
    {
      GListModel *list = G_LIST_MODEL (row->get_list (activity));

      n = g_list_model_get_n_items (list);
      g_string_append (out, n == 0 ? "/>\n" : ">\n");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (list, i);

          write_field_item (out, level + 1, row, item);
        }
    }
  if (n > 0)
    end_element (out, level, row->element);
}

/* One child element of <activity>: the n contiguous rows of the table that live in it, the row
 * of its text or items (if any) first, then its attributes. Written when a row says ALWAYS or
 * when any of them has a value. */
static void
write_field_element (GString                *out,
                     guint                   level,
                     CcpActivity            *activity,
                     const CcpActivityField *rows,
                     guint                   n)
{
  const CcpActivityField *content = rows[0].attribute == NULL ? &rows[0] : NULL;
  gboolean write = FALSE;

  for (guint i = 0; i < n && !write; i++)
    write = (rows[i].flags & CCP_FIELD_FLAGS_ALWAYS) ||
            !ccp_activity_field_is_empty (&rows[i], activity);
  if (!write)
    return;

  open_tag (out, level, rows[0].element);
  for (guint i = content != NULL ? 1 : 0; i < n; i++)
    append_field_attribute (out, &rows[i], activity);

  if (content == NULL)
    {
      g_string_append (out, "/>\n");
    }
  else if (content->item != NULL)
    {
      close_with_items (out, level, content, activity);
    }
  else
    {
      g_autofree char *owned = NULL;

      close_with_text (out, content->element, field_text (content, activity, &owned));
    }
}

/* The child elements of the activity's rows, in table order: only the per-city ones, or all
 * but them, or all. */
static void
write_field_elements (GString       *out,
                      guint          level,
                      CcpActivity   *activity,
                      gboolean       per_city_only,
                      gboolean       skip_per_city)
{
  guint n_rows;
  const CcpActivityField *rows = ccp_activity_fields (&n_rows);

  for (guint i = 0; i < n_rows;)
    {
      guint n = 1;
      gboolean per_city;

      if (rows[i].element == NULL)
        {
          i++;
          continue;
        }
      while (i + n < n_rows && g_strcmp0 (rows[i + n].element, rows[i].element) == 0)
        n++;
      /* The rows of one element share alike (the field table says so). */
      per_city = rows[i].share == CCP_FIELD_SHARE_PER_CITY;
      if ((!per_city_only || per_city) && (!skip_per_city || !per_city))
        write_field_element (out, level, activity, &rows[i], n);
      i += n;
    }
}

/* Format 1.1: <city name= country= plan= activity=> with the city's per-city fields. */
static void
write_attribution (GString  *out,
                   guint     level,
                   gpointer  item,
                   gpointer  data)
{
  CcpAttribution *attribution = item;
  gsize start;

  open_tag (out, level, "city");
  append_attribute (out, "name", ccp_attribution_get_city (attribution));
  append_attribute (out, "country", ccp_attribution_get_country (attribution));
  append_attribute (out, "plan", ccp_attribution_get_plan_id (attribution));
  append_attribute (out, "activity", ccp_attribution_get_activity_id (attribution));
  g_string_append (out, ">\n");
  start = out->len;
  write_field_elements (out, level + 1, ccp_attribution_get_values (attribution), TRUE, FALSE);
  if (out->len == start)
    {
      g_string_truncate (out, start - 2);
      g_string_append (out, "/>\n");
      return;
    }
  end_element (out, level, "city");
}

static void
write_activity (GString  *out,
                guint     level,
                gpointer  item,
                gpointer  data)
{
  CcpActivity *activity = item;
  const ActivitiesContext *context = data;
  const gboolean *in_field_plan = &context->in_field_plan;
  guint n_rows;
  const CcpActivityField *rows = ccp_activity_fields (&n_rows);
  gboolean has_cities = n_items (ccp_activity_get_attributions (activity)) > 0;

  /* The rows of <activity>'s own attributes come first in the table. */
  open_tag (out, level, "activity");
  for (guint i = 0; i < n_rows && rows[i].element == NULL; i++)
    append_field_attribute (out, &rows[i], activity);
  g_string_append (out, ">\n");

  /* In a field plan the per-city fields are in each city's contribution (format 1.1). */
  write_field_elements (out, level + 1, activity, FALSE, *in_field_plan && has_cities);

  /* Attributions belong to field plans; a city plan that somehow has some keeps them rather
   * than losing them (the schema then flags the file). */
  if (*in_field_plan || n_items (ccp_activity_get_attributions (activity)) > 0)
    write_list (out, level + 1, "cities", ccp_activity_get_attributions (activity),
                write_attribution, NULL);

  end_element (out, level, "activity");
  flush_to_sink (out, context->sink);
}

static void
write_activities (GString     *out,
                  guint        level,
                  CcpItemList  *activities,
                  gboolean     in_field_plan,
                  CcpFileSink *sink)
{
  ActivitiesContext context = { in_field_plan, sink };

  write_list (out, level, "activities", activities, write_activity, &context);
}

/* The XML declaration and the start tag of the root, with the attributes both roots have. */
static GString *
begin_document (const char *root,
                GObject    *document)
{
  GString *out = g_string_sized_new (4096);
  g_autofree char *id = NULL;
  g_autofree char *modified = NULL;
  CcpPlanStatus status;
  guint revision;
  char revision_text[16];

  g_object_get (document, "id", &id, "revision", &revision, "modified", &modified,
                "status", &status, NULL);
  g_snprintf (revision_text, sizeof revision_text, "%u", revision);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  start_element (out, 0, root, FALSE,
                 "xmlns", CCP_FORMAT_NAMESPACE,
                 "version", CCP_FORMAT_VERSION,
                 "id", id,
                 "revision", revision_text,
                 "modified", modified,
                 "status", ccp_plan_status_to_code (status),
                 NULL);
  return out;
}

static GString *
end_document (GString    *out,
              const char *root)
{
  end_element (out, 0, root);
  return out;
}

/* The document's text, all of it or (with a sink) what was not handed to the sink yet. */
static GString *
write_plan (CcpPlan     *plan,
            CcpFileSink *sink)
{
  GString *out;
  gboolean representative_none;
  const char *rep_name, *rep_title, *rep_email;

  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  out = begin_document ("city-plan", G_OBJECT (plan));

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
  end_element (out, 1, "focal-point");

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
      end_element (out, 1, "representative");
    }
  else if (representative_none)
    {
      start_element (out, 1, "representative", TRUE, "none", "true", NULL);
    }

  write_activities (out, 1, ccp_plan_get_activities (plan), FALSE, sink);

  /* Format 1.1, the cycle: both left out until the plan is sent or answers a review. */
  if (ccp_plan_get_sent_revision (plan) > 0 || non_empty (ccp_plan_get_sent (plan)) != NULL)
    {
      char sent_revision[16];

      g_snprintf (sent_revision, sizeof sent_revision, "%u", ccp_plan_get_sent_revision (plan));
      start_element (out, 1, "sent", TRUE,
                     "revision", sent_revision,
                     "on", non_empty (ccp_plan_get_sent (plan)), NULL);
    }
  if (n_items (ccp_plan_get_comments (plan)) > 0)
    write_list (out, 1, "comments", ccp_plan_get_comments (plan), write_comment, NULL);

  return end_document (out, "city-plan");
}

/* The coordinator (data: its element name) or a deputy. */
static void
write_contact (GString  *out,
               guint     level,
               gpointer  item,
               gpointer  data)
{
  CcpContact *contact = item;
  const char *name = data;

  start_element (out, level, name, FALSE, NULL);
  write_element (out, level + 1, "name", ccp_contact_get_name (contact), NULL);
  write_element (out, level + 1, "city", ccp_contact_get_city (contact),
                 "country", ccp_contact_get_country (contact), NULL);
  write_element (out, level + 1, "email", ccp_contact_get_email (contact), NULL);
  end_element (out, level, name);
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
write_member (GString  *out,
              guint     level,
              gpointer  item,
              gpointer  data)
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
write_source (GString  *out,
              guint     level,
              gpointer  item,
              gpointer  data)
{
  CcpSource *source = item;
  char revision[16], errors[16], warnings[16];
  guint rev = ccp_source_get_revision (source);
  CcpItemList *comments = ccp_source_get_comments (source);
  guint n_comments = n_items (comments);

  g_snprintf (revision, sizeof revision, "%u", rev);
  g_snprintf (errors, sizeof errors, "%u", ccp_source_get_errors (source));
  g_snprintf (warnings, sizeof warnings, "%u", ccp_source_get_warnings (source));

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
                 "revision", rev > 0 ? revision : NULL,
                 "modified", non_empty (ccp_source_get_modified (source)),
                 "errors", errors,
                 "warnings", warnings,
                 /* Format 1.1, the cycle */
                 "received", non_empty (ccp_source_get_received (source)),
                 "review", non_empty (ccp_review_state_to_code (ccp_source_get_review (source))),
                 "contact-name", non_empty (ccp_source_get_contact_name (source)),
                 "contact-email", non_empty (ccp_source_get_contact_email (source)),
                 "returned", non_empty (ccp_source_get_returned (source)),
                 NULL);
  for (guint i = 0; i < n_comments; i++)
    {
      g_autoptr(CcpReviewComment) comment = g_list_model_get_item (G_LIST_MODEL (comments), i);

      write_comment (out, level + 1, comment, NULL);
    }
  if (n_comments > 0)
    end_element (out, level, "source");
}

static void
write_report_item (GString  *out,
                   guint     level,
                   gpointer  data_item,
                   gpointer  data)
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
    end_element (out, level, "item");
}

static GString *
write_field_plan (CcpFieldPlan *field_plan,
                  CcpFileSink  *sink)
{
  GString *out;
  CcpContact *coordinator;
  CcpItemList *deputies;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);

  out = begin_document ("field-plan", G_OBJECT (field_plan));

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
    {
      g_autoptr(CcpContact) deputy = g_list_model_get_item (G_LIST_MODEL (deputies), i);

      write_contact (out, 1, deputy, (gpointer) "deputy");
    }

  write_list (out, 1, "roster", ccp_field_plan_get_roster (field_plan), write_member,
              (gpointer) ccp_field_plan_get_field (field_plan));
  write_list (out, 1, "sources", ccp_field_plan_get_sources (field_plan), write_source, NULL);
  write_activities (out, 1, ccp_field_plan_get_activities (field_plan), TRUE, sink);
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
      end_element (out, 1, "choices");
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
        end_element (out, 1, "cycle");
    }

  return end_document (out, "field-plan");
}

GBytes *
ccp_writer_write_plan (CcpPlan *plan)
{
  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  return g_string_free_to_bytes (write_plan (plan, NULL));
}

GBytes *
ccp_writer_write_field_plan (CcpFieldPlan *field_plan)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);

  return g_string_free_to_bytes (write_field_plan (field_plan, NULL));
}

static gboolean
write_document_to_sink (CcpFileSink *sink,
                        gpointer     user_data)
{
  GObject *document = user_data;
  GString *out;
  gboolean ok;

  if (CCP_IS_PLAN (document))
    out = write_plan (CCP_PLAN (document), sink);
  else
    out = write_field_plan (CCP_FIELD_PLAN (document), sink);
  ok = ccp_file_sink_write (sink, out->str, out->len);
  g_string_free (out, TRUE);
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
