#define G_LOG_DOMAIN "ccp-field-plan-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-markup.h"
#include "ccp-choices.h"
#include "ccp-field-plan-print.h"
#include "ccp-overview-chart.h"
#include "ccp-overview-data.h"
#include "ccp-source-table.h"

#define PARAGRAPH_GAP 4.0
/* Room at the foot of each page for its number. */
#define FOOTER_HEIGHT 24.0
/* The charts are drawn in the screen's units, then scaled to paper: 0.75 makes a screen pixel
 * a point at 96 dpi; a chart taller than a page is scaled down further to fit. */
#define CHART_SCALE 0.75

typedef enum {
  STYLE_TITLE,
  STYLE_HEADING,
  STYLE_SUBHEADING,
  STYLE_BODY,
  STYLE_ITEM,
  STYLE_CHART,
} Style;

typedef struct {
  Style      style;
  char      *text;
  GtkWidget *chart;    /* STYLE_CHART: an overview chart (never shown), its text unused */
  double     scale;    /* of the chart */
  double     height;   /* measured in begin-print */
  guint      page;
} Paragraph;

typedef struct {
  GPtrArray *paragraphs;
  guint      n_pages;
} PrintData;

static void
paragraph_free (gpointer data)
{
  Paragraph *paragraph = data;

  g_free (paragraph->text);
  g_clear_object (&paragraph->chart);
  g_free (paragraph);
}

static void
print_data_free (gpointer data)
{
  PrintData *print = data;

  g_ptr_array_unref (print->paragraphs);
  g_free (print);
}

static void
add (GPtrArray  *paragraphs,
     Style       style,
     char       *text)
{
  Paragraph *paragraph = g_new0 (Paragraph, 1);

  paragraph->style = style;
  paragraph->text = text;
  g_ptr_array_add (paragraphs, paragraph);
}

/* The overview page's charts, each under its title, counted once (ccp-overview-data). */
static void
add_charts (GPtrArray    *paragraphs,
            CcpFieldPlan *field_plan)
{
  static const CcpOverviewChartKind kinds[] = {
    CCP_OVERVIEW_CHART_OBJECTIVES, CCP_OVERVIEW_CHART_AREAS, CCP_OVERVIEW_CHART_SDGS,
    CCP_OVERVIEW_CHART_TIMELINE, CCP_OVERVIEW_CHART_BUDGET,
  };
  g_autoptr(CcpOverviewData) data = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_activities (field_plan))) == 0)
    return;
  data = ccp_overview_data_new (field_plan);
  add (paragraphs, STYLE_HEADING, g_strdup (_("Overview")));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *chart = g_object_ref_sink (ccp_overview_chart_new (kinds[i]));
      Paragraph *paragraph;

      ccp_overview_chart_set_data (CCP_OVERVIEW_CHART (chart), field_plan, data);
      add (paragraphs, STYLE_SUBHEADING,
           g_strdup (ccp_overview_chart_get_title (CCP_OVERVIEW_CHART (chart))));
      add (paragraphs, STYLE_CHART, g_strdup (""));
      paragraph = g_ptr_array_index (paragraphs, paragraphs->len - 1);
      paragraph->chart = chart;
    }
}

static GPtrArray *
build_paragraphs (CcpFieldPlan *field_plan)
{
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (paragraph_free);
  g_autofree char *field = ccp_choices_get_label ("field", ccp_field_plan_get_field (field_plan));
  CcpContact *coordinator = ccp_field_plan_get_coordinator (field_plan);
  GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));
  g_autoptr(CcpReportSummary) summary = ccp_report_summary_new (field_plan, NULL,
                                                                CCP_REPORT_SUMMARY_NAMES |
                                                                CCP_REPORT_SUMMARY_ISOLATE);
  GPtrArray *sentences = ccp_report_summary_get_sentences (summary);
  guint n_activities = g_list_model_get_n_items (activities);

  /* Translators: title of a printed field plan: field and period */
  add (paragraphs, STYLE_TITLE, g_strdup_printf (_("Field Plan: %s, %s"), field,
                                                 ccp_field_plan_get_period (field_plan)));
  if (*ccp_contact_get_name (coordinator) != '\0')
    {
      g_autofree char *name = ccp_bidi_isolate (ccp_contact_get_name (coordinator));
      g_autofree char *city = ccp_bidi_isolate (ccp_contact_get_city (coordinator));
      g_autofree char *email = ccp_bidi_isolate (ccp_contact_get_email (coordinator));

      /* Translators: coordinator's name, city and email in a printed field plan */
      add (paragraphs, STYLE_BODY, g_strdup_printf (_("Coordinator: %s, %s (%s)"), name, city,
                                                    email));
    }
  if (*ccp_field_plan_get_consolidated (field_plan) != '\0')
    {
      g_autofree char *when = ccp_format_date_time (ccp_field_plan_get_consolidated (field_plan));
      g_autofree char *isolated = ccp_bidi_isolate (when);

      add (paragraphs, STYLE_BODY, g_strdup_printf (_("Consolidated: %s, revision %u"),
                                                    isolated,
                                                    ccp_field_plan_get_revision (field_plan)));
    }
  add (paragraphs, STYLE_BODY,
       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity", "%u activities",
                                     n_activities), n_activities));

  add_charts (paragraphs, field_plan);

  add (paragraphs, STYLE_HEADING, g_strdup (_("City Plans Merged")));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);
      g_autofree char *city = ccp_bidi_isolate (ccp_source_get_city (source));
      g_autofree char *country = ccp_bidi_isolate (ccp_source_get_country (source));
      g_autofree char *file = ccp_bidi_isolate (ccp_source_get_file (source));

      /* Translators: a source in a printed field plan: city, country, revision, status, file */
      add (paragraphs, STYLE_ITEM,
           g_strdup_printf (_("%s (%s), revision %u: %s — %s"), city, country,
                            ccp_source_get_revision (source),
                            ccp_source_table_status_label (source), file));
    }

  add (paragraphs, STYLE_HEADING, g_strdup (_("Activities")));
  for (guint i = 0; i < n_activities; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
      g_autoptr(GString) cities = g_string_new (NULL);
      g_autofree char *kind = ccp_choices_get_label ("kind", ccp_activity_get_kind (activity));
      const char * const *objective_codes = ccp_activity_get_objectives (activity);
      const char * const *sdg_codes = ccp_activity_get_sdgs (activity);
      g_autofree char *title = ccp_bidi_isolate (ccp_activity_get_title (activity));
      g_autofree char *start_date = ccp_format_date (ccp_activity_get_start_date (activity));
      g_autofree char *end_date = ccp_format_date (ccp_activity_get_end_date (activity));
      g_autofree char *start = ccp_bidi_isolate (start_date);
      g_autofree char *end = ccp_bidi_isolate (end_date);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint j = 0; j < g_list_model_get_n_items (attributions); j++)
        {
          g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);

          g_autofree char *city = ccp_bidi_isolate (ccp_attribution_get_city (attribution));

          g_string_append_printf (cities, "%s%s", j > 0 ? "; " : "", city);
        }
      /* Translators: an activity in a printed field plan: a star for a flagship, its title,
       * then on the next line its cities, first and last dates and kind */
      g_string_append_printf (text, _("%s%s\n%s, %s – %s, %s"),
                              ccp_activity_get_flagship (activity) ? "★ " : "", title,
                              cities->str, start, end, kind);
      /* Only what the activity has: no bare "SDGs" label for an activity without any. */
      if (objective_codes != NULL && objective_codes[0] != NULL)
        {
          g_autofree char *objectives = ccp_format_list (objective_codes);

          /* Translators: appended to an activity in a printed field plan: its objectives */
          g_string_append_printf (text, _("; objectives %s"), objectives);
        }
      if (sdg_codes != NULL && sdg_codes[0] != NULL)
        {
          g_autofree char *sdgs = ccp_format_list (sdg_codes);

          /* Translators: appended to an activity in a printed field plan: its SDG numbers */
          g_string_append_printf (text, _("; SDGs %s"), sdgs);
        }
      add (paragraphs, STYLE_ITEM, g_string_free (g_steal_pointer (&text), FALSE));
    }

  if (sentences->len > 0)
    add (paragraphs, STYLE_HEADING, g_strdup (_("Merge Report")));
  /* By section, as the merge report view shows it: the member cities without a plan (dozens)
   * as one paragraph of names, not a line each. */
  for (guint i = 0; i < ccp_report_summary_get_n_sections (summary); i++)
    {
      const CcpReportSection *section = ccp_report_summary_get_section (summary, i);
      guint count = ccp_report_section_get_count (section);

      if (section->title == NULL || count == 0)
        continue;
      /* Translators: a section of the merge report in a printed field plan and its count */
      add (paragraphs, STYLE_SUBHEADING, g_strdup_printf (_("%s (%u)"), section->title,
                                                          count));
      for (guint j = 0; j < section->lines->len; j++)
        add (paragraphs, STYLE_ITEM, g_strdup (g_ptr_array_index (section->lines, j)));
      if (section->names->len > 0)
        {
          g_ptr_array_add (section->names, NULL);
          add (paragraphs, STYLE_ITEM,
               /* Translators: separates the cities of a list */
               g_strjoinv (_(", "), (char **) section->names->pdata));
          g_ptr_array_remove_index (section->names, section->names->len - 1);
        }
    }

  return paragraphs;
}

static gboolean
is_rtl (void)
{
  return gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
}

/* Every paragraph in the UI's direction, aligned to its start, whatever its first letter:
 * Pango's automatic direction would lay out an Arabic line that starts with a Latin city name
 * (even an isolated one) left to right. alignment is for left to right. */
static void
set_direction (PangoLayout    *layout,
               PangoAlignment  alignment)
{
  PangoContext *context = pango_layout_get_context (layout);

  pango_context_set_base_dir (context, is_rtl () ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_context_changed (layout);
  pango_layout_set_auto_dir (layout, FALSE);
  if (is_rtl () && alignment != PANGO_ALIGN_CENTER)
    alignment = alignment == PANGO_ALIGN_LEFT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  pango_layout_set_alignment (layout, alignment);
}

static PangoLayout *
paragraph_layout (GtkPrintContext *context,
                  Paragraph       *paragraph)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");

  switch (paragraph->style)
    {
    case STYLE_TITLE:
      pango_font_description_set_size (font, 18 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case STYLE_HEADING:
      pango_font_description_set_size (font, 13 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case STYLE_SUBHEADING:
      pango_font_description_set_size (font, 11 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case STYLE_ITEM:
    case STYLE_BODY:
    default:
      break;
    }
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  set_direction (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_width (layout, (int) (gtk_print_context_get_width (context) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, paragraph->text, -1);

  return layout;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *print)
{
  double page_height = gtk_print_context_get_height (context) - FOOTER_HEIGHT;
  double y = 0;
  guint page = 0;

  for (guint i = 0; i < print->paragraphs->len; i++)
    {
      Paragraph *paragraph = g_ptr_array_index (print->paragraphs, i);
      g_autoptr(PangoLayout) layout = NULL;
      int height;

      if (paragraph->chart != NULL)
        {
          double width = gtk_print_context_get_width (context) / CHART_SCALE;
          int chart_height = ccp_overview_chart_get_height_for_width (
            CCP_OVERVIEW_CHART (paragraph->chart), (int) width);

          paragraph->scale = CHART_SCALE;
          if (chart_height * CHART_SCALE > page_height * 0.8)
            paragraph->scale = page_height * 0.8 / MAX (chart_height, 1);
          paragraph->height = chart_height * paragraph->scale + 3 * PARAGRAPH_GAP;
          continue;
        }
      layout = paragraph_layout (context, paragraph);
      pango_layout_get_pixel_size (layout, NULL, &height);
      paragraph->height = height + PARAGRAPH_GAP + (paragraph->style == STYLE_HEADING ? 8 : 0);
    }

  for (guint i = 0; i < print->paragraphs->len; i++)
    {
      Paragraph *paragraph = g_ptr_array_index (print->paragraphs, i);
      gboolean heading = paragraph->style == STYLE_HEADING ||
                         paragraph->style == STYLE_SUBHEADING;
      double needed = paragraph->height;

      /* A heading (of a section of the report too) never ends a page: it goes with the
       * paragraph after it, which is never split. */
      if (heading && i + 1 < print->paragraphs->len)
        {
          Paragraph *next = g_ptr_array_index (print->paragraphs, i + 1);

          needed += next->height;
        }
      if (y > 0 && y + needed > page_height)
        {
          page++;
          y = 0;
        }
      paragraph->page = page;
      y += paragraph->height;
    }
  print->n_pages = page + 1;
  gtk_print_operation_set_n_pages (operation, page + 1);
}

/* "Page 2 of 5", centred at the foot of the page. */
static void
draw_page_number (GtkPrintContext *context,
                  cairo_t         *cr,
                  int              page_nr,
                  guint            n_pages)
{
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), (guint) page_nr + 1, n_pages);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (gtk_print_context_get_width (context) * PANGO_SCALE));
  set_direction (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, 0, gtk_print_context_get_height (context) - FOOTER_HEIGHT + 8);
  pango_cairo_show_layout (cr, layout);
}

/* A chart with the overview's drawing (ccp-chart-draw.c), scaled to paper, mirrored in
 * right-to-left. */
static void
draw_chart (GtkPrintContext *context,
            cairo_t         *cr,
            Paragraph       *paragraph,
            double           y)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
  double width = gtk_print_context_get_width (context);

  pango_context_set_font_description (pango, font);
  pango_font_description_free (font);
  cairo_save (cr);
  /* Centred when scaled down to fit the page. */
  cairo_translate (cr, (width - width * paragraph->scale / CHART_SCALE) / 2, y);
  cairo_scale (cr, paragraph->scale, paragraph->scale);
  ccp_overview_chart_draw_cairo (CCP_OVERVIEW_CHART (paragraph->chart), cr, pango,
                                 width / CHART_SCALE, is_rtl ());
  cairo_restore (cr);
  g_object_unref (pango);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *print)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double y = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < print->paragraphs->len; i++)
    {
      Paragraph *paragraph = g_ptr_array_index (print->paragraphs, i);
      g_autoptr(PangoLayout) layout = NULL;

      if (paragraph->page != (guint) page_nr)
        continue;
      if (paragraph->chart != NULL)
        {
          draw_chart (context, cr, paragraph, y + PARAGRAPH_GAP);
          y += paragraph->height;
          continue;
        }
      layout = paragraph_layout (context, paragraph);
      cairo_move_to (cr, 0, y + (paragraph->style == STYLE_HEADING ? 8 : 0));
      pango_cairo_show_layout (cr, layout);
      y += paragraph->height;
    }
  draw_page_number (context, cr, page_nr, print->n_pages);
}

/* The name a "Print to File" proposes: the field plan's field and period ("music-2027-H1"),
 * not GTK's "output"; only letters, digits and "-" of them, whatever the file holds. */
static char *
file_basename (CcpFieldPlan *field_plan)
{
  g_autofree char *name = g_strdup_printf ("%s-%s", ccp_field_plan_get_field (field_plan),
                                           ccp_field_plan_get_period (field_plan));

  for (char *c = name; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-')
      *c = '-';
  return g_steal_pointer (&name);
}

GtkPrintOperation *
ccp_field_plan_print_operation_new (CcpFieldPlan *field_plan)
{
  GtkPrintOperation *operation;
  PrintData *print;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);

  operation = gtk_print_operation_new ();
  print = g_new0 (PrintData, 1);
  print->paragraphs = build_paragraphs (field_plan);
  g_object_set_data_full (G_OBJECT (operation), "ccp-print-data", print, print_data_free);
  gtk_print_operation_set_job_name (operation, ccp_field_plan_get_id (field_plan));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  {
    g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
    g_autofree char *basename = file_basename (field_plan);

    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
    gtk_print_operation_set_print_settings (operation, settings);
  }
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), print);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), print);

  return operation;
}
