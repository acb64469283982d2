/* test-gui-rtl.c: right-to-left and other languages in the workspace and its printout (issue 17,
 * third round): a list of numbers in an Arabic table cell reads right to left, a printed
 * paragraph takes the UI's direction even when it starts with a Latin name, the printout draws
 * the overview's charts. With CCP_RTL_SHOTS=DIR, screenshots and the PDFs go there to look at. */
#define G_LOG_DOMAIN "test-gui-rtl"

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "ccp-activity-table.h"
#include "ccp-core.h"
#include "ccp-field-plan-print.h"
#include "ccp-mnemonic-names.h"
#include "ccp-overview-chart.h"
#include "ccp-table-util.h"
#include "ccp-gui-test-util.h"

#define ARABIC_COMMA "\xd8\x8c"

/* Runs the test in language (and its direction), then back to English left to right. */
static void
use_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  /* glibc honours LANGUAGE under C.UTF-8, not under gtk_test_init()'s C; going through C
   * makes it drop the translations it cached for the previous LANGUAGE. */
  g_assert_nonnull (setlocale (LC_ALL, "C"));
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  gtk_widget_set_default_direction (language != NULL && g_str_has_prefix (language, "ar")
                                    ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
}

static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("CCP_RTL_SHOTS");
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  spin (300);
  file_name = g_strdup_printf ("%s-%s.png", name, g_getenv ("LANGUAGE") != NULL
                                                  ? g_getenv ("LANGUAGE") : "C");
  path = g_build_filename (dir, file_name, NULL);
  ccp_gui_save_png (widget, path);
}

static CcpFieldPlan *
read_field_plan (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GObject *document = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (CCP_IS_FIELD_PLAN (document));
  return CCP_FIELD_PLAN (document);
}

/* Every label under widget whose text contains needle. */
static void
collect_labels (GtkWidget  *widget,
                const char *needle,
                GPtrArray  *found)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, needle, found);
}

/* The x of the character at byte index of layout (its leading edge). */
static int
x_of_index (PangoLayout *layout,
            int          index)
{
  PangoRectangle pos;

  pango_layout_index_to_pos (layout, index, &pos);
  return pos.x;
}

/* 1: a list of SDGs or objectives in an Arabic cell, "4، 10، 11", reads right to left: the
 * first number on the right, the last on the left, the paragraph right to left. */
static void
test_number_list_cell (void)
{
  g_autoptr(CcpFieldPlan) field_plan = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *window, *table;

  use_language ("ar");
  field_plan = read_field_plan ("music-2027-h1-field-plan.xml");
  window = gtk_window_new ();
  table = ccp_activity_table_new ();
  gtk_window_set_child (GTK_WINDOW (window), table);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 600);
  ccp_activity_table_set_field_plan (CCP_ACTIVITY_TABLE (table), field_plan);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (window), 5000);
  spin (300);
  save_shot (window, "activity-table");

  collect_labels (table, ARABIC_COMMA, labels);
  g_assert_cmpuint (labels->len, >, 0);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      PangoLayout *layout = gtk_label_get_layout (label);
      const char *text = pango_layout_get_text (layout);
      const char *first = strpbrk (text, "0123456789");
      const char *last = NULL;
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);

      for (const char *p = text; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          last = p;
      g_assert_nonnull (first);
      g_test_message ("cell “%s”: line %d, first at %d, last at %d", text, line->resolved_dir,
                      x_of_index (layout, first - text), x_of_index (layout, last - text));
      g_assert_cmpint (line->resolved_dir, ==, PANGO_DIRECTION_RTL);
      g_assert_cmpint (x_of_index (layout, first - text), >, x_of_index (layout, last - text));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  use_language (NULL);
}

/* The text of a cell in the test table below: the item's names, a list of isolated names. */
static char *
names_text (gpointer item)
{
  g_auto(GStrv) names = g_strsplit (gtk_string_object_get_string (item), "|", -1);

  return ccp_format_list ((const char * const *) names);
}

/* The layout of the first label under view showing needle, after the view is drawn. */
static PangoLayout *
cell_layout (GtkWidget  *root,
             const char *needle)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, needle, labels);
  g_assert_cmpuint (labels->len, ==, 1);
  return gtk_label_get_layout (g_ptr_array_index (labels, 0));
}

/* Where before sits relative to after on the line: the cause of the number lists above. Pango's
 * automatic direction takes the first strong letter even inside bidi isolates, so a list of
 * isolated Latin names made a left-to-right cell in an Arabic table ("Bologna، Liverpool"),
 * and a list of Arabic names a right-to-left cell in an English one. The table's cells now take
 * the direction the bidi algorithm gives (ccp_table_set_label_text()). */
static void
assert_cell_order (const char       *names,
                   GtkTextDirection  direction,
                   const char       *before,
                   const char       *after)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkStringObject) row = gtk_string_object_new (names);
  GtkWidget *window = gtk_window_new ();
  GtkColumnView *view = NULL;
  PangoLayout *layout;
  const char *text;
  int x_before, x_after;

  g_list_store_append (store, row);
  view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (
    gtk_no_selection_new (G_LIST_MODEL (g_object_ref (store))))));
  gtk_widget_set_direction (window, direction);
  gtk_widget_set_direction (GTK_WIDGET (view), direction);
  ccp_table_add_text_column (view, "names", "Names", names_text, NULL, TRUE);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 200);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (window), 5000);
  spin (200);

  layout = cell_layout (GTK_WIDGET (view), before);
  text = pango_layout_get_text (layout);
  x_before = x_of_index (layout, strstr (text, before) - text);
  x_after = x_of_index (layout, strstr (text, after) - text);
  g_test_message ("cell “%s”: line %d, %s at %d, %s at %d", text,
                  pango_layout_get_line_readonly (layout, 0)->resolved_dir, before, x_before,
                  after, x_after);
  g_assert_cmpint (pango_layout_get_line_readonly (layout, 0)->resolved_dir, ==,
                   direction == GTK_TEXT_DIR_RTL ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  if (direction == GTK_TEXT_DIR_RTL)
    g_assert_cmpint (x_before, >, x_after);
  else
    g_assert_cmpint (x_before, <, x_after);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_isolated_list_cell (void)
{
  use_language ("ar");
  assert_cell_order ("Bologna|Liverpool", GTK_TEXT_DIR_RTL, "Bologna", "Liverpool");
  assert_cell_order ("4|10|11", GTK_TEXT_DIR_RTL, "4", "11");
  use_language (NULL);
  /* The other way round: Arabic names in an English table. */
  assert_cell_order ("\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd9\x87\xd8\xb1\xd8\xa9|"
                     "\xd8\xaf\xd8\xa8\xd9\x8a", GTK_TEXT_DIR_LTR,
                     "\xd8\xa7\xd9\x84\xd9\x82", "\xd8\xaf\xd8\xa8");
  assert_cell_order ("Bologna|Liverpool", GTK_TEXT_DIR_LTR, "Bologna", "Liverpool");
}

/* The helper itself: a mark only where Pango would choose otherwise. */
static void
test_text_for_direction (void)
{
  static const struct {
    const char       *text;
    GtkTextDirection  direction;
    const char       *expected;
  } cases[] = {
    { "Bologna", GTK_TEXT_DIR_RTL, "Bologna" },
    { "\xe2\x81\xa8" "4" "\xe2\x81\xa9", GTK_TEXT_DIR_RTL, "\xe2\x81\xa8" "4" "\xe2\x81\xa9" },
    { "\xe2\x81\xa8" "Bologna" "\xe2\x81\xa9", GTK_TEXT_DIR_RTL,
      "\xe2\x80\x8f" "\xe2\x81\xa8" "Bologna" "\xe2\x81\xa9" },
    { "\xe2\x81\xa8" "Bologna" "\xe2\x81\xa9", GTK_TEXT_DIR_LTR,
      "\xe2\x81\xa8" "Bologna" "\xe2\x81\xa9" },
    /* A sentence's own first letter decides, outside its isolated values. */
    { "\xe2\x81\xa8" "\xd8\xaf" "\xe2\x81\xa9" " in Bologna", GTK_TEXT_DIR_RTL,
      "\xe2\x80\x8e" "\xe2\x81\xa8" "\xd8\xaf" "\xe2\x81\xa9" " in Bologna" },
    { "", GTK_TEXT_DIR_RTL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ccp_table_text_for_direction (cases[i].text, cases[i].direction);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Runs argv, its standard output as a string. */
static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Prints the example field plan to pdf in the current language. */
static void
print_example (const char *pdf)
{
  g_autoptr(CcpFieldPlan) field_plan = read_field_plan ("music-2027-h1-field-plan.xml");
  g_autoptr(GtkPrintOperation) operation = ccp_field_plan_print_operation_new (field_plan);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                            &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
}

/* The xMin and xMax of every word of pdftotext -bbox that is word, and of all words. */
static void
word_extents (const char *bbox,
              const char *word,
              GArray     *mins,
              GArray     *maxs,
              double     *left,
              double     *right)
{
  g_autofree char *needle = g_strdup_printf (">%s</word>", word);

  *left = G_MAXDOUBLE;
  *right = 0;
  for (const char *at = strstr (bbox, "<word xMin=\""); at != NULL;
       at = strstr (at + 1, "<word xMin=\""))
    {
      double x_min = g_ascii_strtod (at + strlen ("<word xMin=\""), NULL);
      const char *max = strstr (at, "xMax=\"");
      double x_max = max != NULL ? g_ascii_strtod (max + strlen ("xMax=\""), NULL) : x_min;
      const char *end = strstr (at, "</word>");

      *left = MIN (*left, x_min);
      *right = MAX (*right, x_max);
      if (end != NULL && g_str_has_prefix (end - strlen (word) - 1, needle))
        {
          g_array_append_val (mins, x_min);
          g_array_append_val (maxs, x_max);
        }
    }
}

/* Pixels of pages 1 and 2 of pdf (rendered by pdftoppm) near the accent colour of the charts'
 * bars, #3584e4. */
static guint
accent_pixels (const char *pdftoppm,
               const char *pdf,
               const char *dir)
{
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  const char *argv[] = { pdftoppm, "-r", "40", "-png", "-f", "1", "-l", "2", pdf, prefix, NULL };
  g_autofree char *out = run (argv);
  guint count = 0;

  for (int page = 1; page <= 2; page++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%d.png", prefix, page);
      g_autoptr(GdkPixbuf) pixbuf = NULL;

      if (!g_file_test (name, G_FILE_TEST_EXISTS))
        {
          g_free (name);
          name = g_strdup_printf ("%s-%02d.png", prefix, page);
        }
      pixbuf = gdk_pixbuf_new_from_file (name, NULL);
      if (pixbuf == NULL)
        continue;
      for (int y = 0; y < gdk_pixbuf_get_height (pixbuf); y++)
        {
          const guchar *row = gdk_pixbuf_read_pixels (pixbuf) +
                              y * gdk_pixbuf_get_rowstride (pixbuf);

          for (int x = 0; x < gdk_pixbuf_get_width (pixbuf); x++)
            {
              const guchar *p = row + x * gdk_pixbuf_get_n_channels (pixbuf);

              if (ABS (p[0] - 0x35) < 24 && ABS (p[1] - 0x84) < 24 && ABS (p[2] - 0xe4) < 24)
                count++;
            }
        }
    }
  return count;
}

/* 2 and 3: the printout draws the overview's charts (read back: their titles and labels as
 * text, their bars as pixels), and in Arabic each paragraph is right to left even when it
 * starts with a Latin city name: "Bologna" of "Bologna (IT), revision 2: …" ends at the
 * right margin, and no "Bologna" starts at the left one. */
static void
test_printout (gconstpointer data)
{
  const char *language = data;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *dir = g_dir_make_tmp ("ccp-rtl-print-XXXXXX", NULL);
  const char *shots = g_getenv ("CCP_RTL_SHOTS");
  g_autofree char *name = g_strdup_printf ("printout-%s.pdf", language != NULL ? language : "C");
  g_autofree char *pdf = g_build_filename (shots != NULL ? shots : dir, name, NULL);
  g_autoptr(GArray) mins = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) maxs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *text = NULL;
  g_autofree char *bbox = NULL;
  double left, right;

  if (pdftotext == NULL || pdftoppm == NULL)
    {
      ccp_test_remove_tree (dir);
      g_test_skip ("no pdftotext and pdftoppm (poppler-utils) to read the printout back");
      return;
    }
  use_language (language);
  print_example (pdf);
  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", pdf, "-", NULL };
    const char *bbox_argv[] = { pdftotext, "-enc", "UTF-8", "-bbox", "-f", "1", "-l", "1", pdf,
                                "-", NULL };

    text = run (argv);
    bbox = run (bbox_argv);
  }

  /* The charts: the same titles as the overview page, their labels, their bars. */
  if (language == NULL)
    {
      g_assert_nonnull (strstr (text, "Overview"));
      g_assert_nonnull (strstr (text, "Activities per objective"));
      g_assert_nonnull (strstr (text, "Activities per Sustainable Development Goal"));
      g_assert_nonnull (strstr (text, "Activities per city and month"));
      g_assert_nonnull (strstr (text, "Budget per currency"));
    }
  g_assert_nonnull (strstr (text, "Medell"));
  g_assert_cmpuint (accent_pixels (pdftoppm, pdf, dir), >, 200);

  word_extents (bbox, "Bologna", mins, maxs, &left, &right);
  g_assert_cmpuint (mins->len, >, 0);
  if (gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL)
    {
      gboolean at_right = FALSE;

      for (guint i = 0; i < mins->len; i++)
        {
          g_assert_cmpfloat (g_array_index (mins, double, i), >, left + 2);
          at_right |= g_array_index (maxs, double, i) > right - 2;
        }
      g_assert_true (at_right);
    }
  else
    {
      gboolean at_left = FALSE;

      for (guint i = 0; i < mins->len; i++)
        at_left |= g_array_index (mins, double, i) < left + 2;
      g_assert_true (at_left);
    }
  use_language (NULL);
  ccp_test_remove_tree (dir);
}

/* 6: French chart labels were cut ("5. Politiques de développement urbain d…") at the width of
 * the overview page: the label column is as wide as its widest label (up to half the chart).
 * Drawn to a PDF and read back, each label is whole. */
static void
test_french_chart_labels (void)
{
  g_autoptr(CcpFieldPlan) field_plan = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ccp-rtl-chart-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  GtkWidget *chart;
  cairo_surface_t *surface;
  cairo_t *cr;
  int height;

  if (pdftotext == NULL)
    {
      ccp_test_remove_tree (dir);
      g_test_skip ("no pdftotext (poppler-utils) to read the chart back");
      return;
    }
  use_language ("fr");
  field_plan = read_field_plan ("music-2027-h1-field-plan.xml");
  chart = g_object_ref_sink (ccp_overview_chart_new (CCP_OVERVIEW_CHART_AREAS));
  ccp_overview_chart_set_field_plan (CCP_OVERVIEW_CHART (chart), field_plan);
  /* The width the overview page gives its charts in a 1,100-pixel window. */
  height = ccp_overview_chart_get_height_for_width (CCP_OVERVIEW_CHART (chart), 780);
  surface = cairo_pdf_surface_create (pdf, 780, height);
  cr = cairo_create (surface);
  ccp_overview_chart_draw_cairo (CCP_OVERVIEW_CHART (chart), cr,
                                 gtk_widget_get_pango_context (chart), 780, FALSE);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", "-layout", pdf, "-", NULL };

    text = run (argv);
  }
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "5. Politiques de développement urbain durable"));
  g_assert_nonnull (strstr (text, "3. Échanges professionnels et artistiques"));
  g_assert_null (strstr (text, "…"));
  g_object_unref (chart);
  use_language (NULL);
  ccp_test_remove_tree (dir);
}

/* Walking issue 17 through AT-SPI again: a screen reader heard "Save Save" for the header's
 * Save button. GTK 4.8 names a button by its label property, then by the widgets that label it
 * (its own child label): the stripped label alone must be the name. */
static void
test_button_name_once (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic ("_Save");
  g_autofree char *error = NULL;

  ccp_mnemonic_names_install ();
  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (button), 5000);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, "Save");
  g_assert_null (error);
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  /* Still once after the label changes. */
  gtk_button_set_label (GTK_BUTTON (button), "Save _As…");
  spin (50);
  g_clear_pointer (&error, g_free);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, "Save As…");
  g_assert_null (error);
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  char *state = ccp_gui_test_init (&argc, &argv);

  ccp_i18n_init ();
  g_test_add_func ("/gui/rtl/number-list-cell", test_number_list_cell);
  g_test_add_func ("/gui/rtl/isolated-list-cell", test_isolated_list_cell);
  g_test_add_func ("/gui/rtl/text-for-direction", test_text_for_direction);
  g_test_add_func ("/gui/rtl/button-name-once", test_button_name_once);
  g_test_add_func ("/gui/rtl/french-chart-labels", test_french_chart_labels);
  g_test_add_data_func ("/gui/rtl/printout/english", NULL, test_printout);
  g_test_add_data_func ("/gui/rtl/printout/arabic", "ar", test_printout);
  g_test_add_data_func ("/gui/rtl/printout/french", "fr", test_printout);

  return ccp_gui_test_run (state);
}
