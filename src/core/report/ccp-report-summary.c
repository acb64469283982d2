/* ccp-report-summary.c: the merge report as sections, for every place that shows it. */
#define G_LOG_DOMAIN "ccp-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-field-plan.h"
#include "ccp-report-item.h"
#include "ccp-report-summary.h"
#include "ccp-report-text.h"
#include "ccp-source.h"

typedef struct {
  const char *kind;
  const char *title;
  const char *description;
} SectionText;

/* In the order of the report (data/schema/merge-report.md). */
static const SectionText section_texts[] = {
  { "refused", N_("Refused Files"), N_("These files are not in the field plan.") },
  { "superseded", N_("Replaced by a Newer Revision"),
    N_("Another plan of the same city won; these activities are not in the field plan.") },
  { "flagged", N_("Accepted with Errors"),
    N_("These plans are in the field plan, but they have validation errors to correct.") },
  { "joint", N_("Joint Activities"),
    N_("Copies sent by several cities became one activity, listing all of them.") },
  { "joint-conflict", N_("Conflicts Between the Cities of Joint Activities"),
    N_("The cities disagree on a shared field: one value is kept until the coordinator "
       "chooses.") },
  { "possible-duplicate", N_("Possible Duplicates"),
    N_("Not merged: if they are one activity, the cities should give them the same joint "
       "reference.") },
  { "missing", N_("Member Cities Without a Plan"), NULL },
  /* Plain text only. */
  { "accepted", NULL, NULL },
  { "skipped", NULL, NULL },
};

struct _CcpReportSummary
{
  CcpReportSection sections[G_N_ELEMENTS (section_texts)];
  CcpFieldPlan    *field_plan;  /* NULL for none */
  GPtrArray       *sentences;   /* made when first asked for */
  guint            n_merged;    /* joint activities merged from several cities */
  gboolean         isolate;     /* CCP_REPORT_SUMMARY_ISOLATE */
};

static CcpReportSection *
find_section (CcpReportSummary *self,
              const char       *kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (self->sections); i++)
    {
      if (g_str_equal (self->sections[i].kind, kind))
        return &self->sections[i];
    }
  return NULL;
}

/* An accepted source as plain text lists it. */
static char *
describe_source (CcpSource *source)
{
  guint errors = ccp_source_get_errors (source);
  const char *name = ccp_source_get_city (source);
  g_autofree char *city = NULL;

  if (*ccp_source_get_country (source) != '\0')
    /* Translators: a city and its country code, e.g. "Bologna (IT)" */
    city = g_strdup_printf (_("%s (%s)"), name, ccp_source_get_country (source));
  else
    city = g_strdup (*name != '\0' ? name : "?");

  if (errors > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: a merged file; %u is a number of
                                          * validation errors */
                                         "%s: %s, revision %u, accepted with %u error",
                                         "%s: %s, revision %u, accepted with %u errors",
                                         errors),
                            ccp_source_get_file (source), city,
                            ccp_source_get_revision (source), errors);

  /* Translators: a merged file: "bologna.xml: Bologna (IT), revision 3" */
  return g_strdup_printf (_("%s: %s, revision %u"), ccp_source_get_file (source), city,
                          ccp_source_get_revision (source));
}

/* The line of an item in its section: the reader's own message says best why a file of this
 * run cannot be read. */
static char *
section_line (CcpReportItem         *item,
              GHashTable            *messages,
              CcpReportSummaryFlags  flags)
{
  const char *sha256 = ccp_report_item_get_value (item, "sha256");
  const char *message = sha256 != NULL && messages != NULL
                        ? g_hash_table_lookup (messages, sha256) : NULL;

  if (message != NULL && (flags & CCP_REPORT_SUMMARY_TEXT))
    return g_strdup (message);
  if (message != NULL && g_str_equal (ccp_report_item_get_kind (item), "refused"))
    /* Translators: a refused file and the reader's message saying why */
    return g_strdup_printf (_("%s: %s"), ccp_report_item_get_file (item), message);
  if (flags & CCP_REPORT_SUMMARY_ISOLATE)
    return ccp_report_describe_item_isolated (item);
  return ccp_report_describe_item (item);
}

CcpReportSummary *
ccp_report_summary_new (CcpFieldPlan          *field_plan,
                        GHashTable            *messages,
                        CcpReportSummaryFlags  flags)
{
  CcpReportSummary *self;
  GListModel *report;
  guint n;

  g_return_val_if_fail (field_plan == NULL || CCP_IS_FIELD_PLAN (field_plan), NULL);

  self = g_new0 (CcpReportSummary, 1);
  self->isolate = (flags & CCP_REPORT_SUMMARY_ISOLATE) != 0;
  for (gsize i = 0; i < G_N_ELEMENTS (section_texts); i++)
    {
      CcpReportSection *section = &self->sections[i];

      section->kind = section_texts[i].kind;
      section->title = section_texts[i].title != NULL ? _(section_texts[i].title) : NULL;
      section->description = section_texts[i].description != NULL
                             ? _(section_texts[i].description) : NULL;
      section->lines = g_ptr_array_new_with_free_func (g_free);
      section->names = g_ptr_array_new_with_free_func (g_free);
    }
  if (field_plan == NULL)
    return self;
  self->field_plan = g_object_ref (field_plan);

  if (flags & CCP_REPORT_SUMMARY_TEXT)
    {
      GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));
      CcpReportSection *accepted = find_section (self, "accepted");

      n = g_list_model_get_n_items (sources);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

          if (ccp_source_get_status (source) == CCP_SOURCE_STATUS_ACCEPTED)
            g_ptr_array_add (accepted->lines, describe_source (source));
        }
    }

  report = G_LIST_MODEL (ccp_field_plan_get_report (field_plan));
  n = g_list_model_get_n_items (report);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);
      const char *kind = ccp_report_item_get_kind (item);
      const char *code = ccp_report_item_get_code (item);
      CcpReportSection *section = find_section (self, kind);

      /* Kinds of a newer version have no section; "accepted" and "skipped" are not kinds. */
      if (section == NULL || section->title == NULL)
        continue;
      if (g_str_equal (kind, "joint") && g_str_equal (code, "merged"))
        self->n_merged++;
      if ((flags & CCP_REPORT_SUMMARY_NAMES) && g_str_equal (kind, "missing") &&
          g_str_equal (code, "no-plan"))
        g_ptr_array_add (section->names, ccp_report_describe_city (item));
      else
        g_ptr_array_add (section->lines, section_line (item, messages, flags));
    }

  return self;
}

void
ccp_report_summary_free (CcpReportSummary *self)
{
  if (self == NULL)
    return;

  for (gsize i = 0; i < G_N_ELEMENTS (self->sections); i++)
    {
      g_ptr_array_unref (self->sections[i].lines);
      g_ptr_array_unref (self->sections[i].names);
    }
  g_clear_pointer (&self->sentences, g_ptr_array_unref);
  g_clear_object (&self->field_plan);
  g_free (self);
}

void
ccp_report_summary_add_skipped (CcpReportSummary *self,
                                const char       *file,
                                const char       *same_as)
{
  CcpReportSection *skipped;

  g_return_if_fail (self != NULL);
  g_return_if_fail (file != NULL && same_as != NULL);

  skipped = find_section (self, "skipped");
  if (g_str_equal (file, same_as))
    g_ptr_array_add (skipped->lines,
                     /* Translators: %s is a file given to merge */
                     g_strdup_printf (_("%s: already merged: nothing changes"), file));
  else
    g_ptr_array_add (skipped->lines,
                     /* Translators: the first %s is a file given to merge, the second the
                      * file already merged with the same content */
                     g_strdup_printf (_("%s: same content as %s, already merged: "
                                        "nothing changes"),
                                      file, same_as));
}

guint
ccp_report_summary_get_n_sections (CcpReportSummary *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return G_N_ELEMENTS (self->sections);
}

const CcpReportSection *
ccp_report_summary_get_section (CcpReportSummary *self,
                                guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < G_N_ELEMENTS (self->sections), NULL);

  return &self->sections[index];
}

const CcpReportSection *
ccp_report_summary_find (CcpReportSummary *self,
                         const char       *kind)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  return find_section (self, kind);
}

guint
ccp_report_section_get_count (const CcpReportSection *section)
{
  g_return_val_if_fail (section != NULL, 0);

  return section->lines->len + section->names->len;
}

GPtrArray *
ccp_report_summary_get_sentences (CcpReportSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->sentences == NULL)
    {
      GListModel *report = self->field_plan != NULL
                           ? G_LIST_MODEL (ccp_field_plan_get_report (self->field_plan)) : NULL;
      guint n = report != NULL ? g_list_model_get_n_items (report) : 0;

      self->sentences = g_ptr_array_new_full (n, g_free);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);

          g_ptr_array_add (self->sentences, self->isolate
                                            ? ccp_report_describe_item_isolated (item)
                                            : ccp_report_describe_item (item));
        }
    }
  return self->sentences;
}

/* Appends names to lines as comma-separated lines of at most about 96 columns. */
static void
wrap_names (GPtrArray *lines,
            GPtrArray *names)
{
  g_autoptr(GString) line = g_string_new (NULL);
  /* Translators: separates the cities of a list */
  const char *separator = _(", ");

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (line->len > 0 &&
          g_utf8_strlen (line->str, -1) + g_utf8_strlen (name, -1) + 2 > 94)
        {
          g_string_append (line, separator);
          g_ptr_array_add (lines, g_strdup (g_strchomp (line->str)));
          g_string_truncate (line, 0);
        }
      else if (line->len > 0)
        g_string_append (line, separator);
      g_string_append (line, name);
    }
  if (line->len > 0)
    g_ptr_array_add (lines, g_strdup (line->str));
}

static void
append_section (GPtrArray  *out,
                char       *heading,
                GPtrArray  *lines)
{
  g_autofree char *owned = heading;

  if (lines->len == 0)
    return;

  g_ptr_array_add (out, g_steal_pointer (&owned));
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (out, g_strdup_printf ("  %s", (const char *) g_ptr_array_index (lines, i)));
}

static guint
n_lines (CcpReportSummary *self,
         const char       *kind)
{
  return find_section (self, kind)->lines->len;
}

GPtrArray *
ccp_report_summary_to_lines (CcpReportSummary *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const CcpReportSection *missing;
  g_autoptr(GPtrArray) missing_lines = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_val_if_fail (self != NULL, NULL);

  n = n_lines (self, "accepted");
  append_section (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accepted: %u city plan",
                                                     "Accepted: %u city plans", n), n),
                  find_section (self, "accepted")->lines);

  n = n_lines (self, "superseded");
  append_section (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Superseded by a newer revision: %u plan",
                                                     "Superseded by a newer revision: %u plans",
                                                     n), n),
                  find_section (self, "superseded")->lines);

  n = n_lines (self, "refused");
  append_section (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Refused: %u file",
                                                     "Refused: %u files", n), n),
                  find_section (self, "refused")->lines);

  n = n_lines (self, "skipped");
  append_section (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Skipped: %u file",
                                                     "Skipped: %u files", n), n),
                  find_section (self, "skipped")->lines);

  append_section (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Joint activities: %u merged from several "
                                                     "cities",
                                                     "Joint activities: %u merged from several "
                                                     "cities",
                                                     self->n_merged), self->n_merged),
                  find_section (self, "joint")->lines);

  n = n_lines (self, "joint-conflict");
  append_section (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Conflicts between the cities of joint "
                                                     "activities: %u",
                                                     "Conflicts between the cities of joint "
                                                     "activities: %u", n), n),
                  find_section (self, "joint-conflict")->lines);

  n = n_lines (self, "possible-duplicate");
  append_section (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Possible duplicates (not merged): %u",
                                                     "Possible duplicates (not merged): %u",
                                                     n), n),
                  find_section (self, "possible-duplicate")->lines);

  missing = find_section (self, "missing");
  n = ccp_report_section_get_count (missing);
  for (guint i = 0; i < missing->lines->len; i++)
    g_ptr_array_add (missing_lines, g_strdup (g_ptr_array_index (missing->lines, i)));
  wrap_names (missing_lines, missing->names);
  append_section (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Member cities without an accepted plan: %u",
                                                     "Member cities without an accepted plan: %u",
                                                     n), n),
                  missing_lines);

  return out;
}

char *
ccp_report_summary_to_text (CcpReportSummary *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  lines = ccp_report_summary_to_lines (self);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}
