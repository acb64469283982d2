/* test-gui-export.c: the workspace's export menu (issue 20), driven as a user would: the menu
 * offers CSV, HTML, IATI XML and Excel; each entry opens a file dialog with its own title and a
 * proposed name, the CSV one with the byte-order mark and HXL choices; answering it writes the
 * file through the core (CSV: the core's bytes with the chosen options; IATI: valid against the
 * vendored IATI 2.03 schema; XLSX: a zip that openpyxl reads back with its sheets); an export
 * over the open field plan is refused with a message and changes nothing. */
#define G_LOG_DOMAIN "test-gui-export"

#include "config.h"

#include <adwaita.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <string.h>

#include "ccp-core.h"
#include "ccp-workspace.h"
#include "ccp-gui-test-util.h"

typedef struct {
  GtkWindow    *window;
  CcpWorkspace *workspace;
  CcpFieldPlan *field_plan;
  GFile        *field_plan_file;
  char         *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"),
                                            "music-2027-h1-field-plan.xml", NULL);
  g_autofree char *copy = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GObject *document;

  f->dir = g_dir_make_tmp ("ccp-gui-export-XXXXXX", NULL);
  copy = g_build_filename (f->dir, "field-plan.xml", NULL);
  f->field_plan_file = g_file_new_for_path (copy);
  g_assert_true (g_file_copy (source, f->field_plan_file, G_FILE_COPY_NONE, NULL, NULL, NULL,
                              &error));
  document = ccp_reader_read_file (f->field_plan_file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (CCP_IS_FIELD_PLAN (document));
  f->field_plan = CCP_FIELD_PLAN (document);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  f->workspace = CCP_WORKSPACE (ccp_workspace_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->workspace));
  gtk_window_present (f->window);
  ccp_workspace_set_field_plan (f->workspace, f->field_plan, f->field_plan_file);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  WAIT_FOR (ccp_workspace_get_n_pending (f->workspace) == 0, 60000);
  gtk_window_destroy (f->window);
  spin (50);
  g_object_unref (f->field_plan);
  g_object_unref (f->field_plan_file);
  ccp_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* The workspace's export menu: the targets of its workspace.export items, in order. */
static GPtrArray *
export_menu_targets (GtkWidget *root)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *button = NULL;
  GMenuModel *menu;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (button == NULL && stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_MENU_BUTTON (widget) &&
          gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
        button = widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;
          g_autofree char *target = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s",
                                               &action) &&
              g_str_equal (action, "workspace.export") &&
              g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_TARGET, "s",
                                               &target))
            g_ptr_array_add (targets, g_steal_pointer (&target));
        }
    }
  return targets;
}

/* Chooses the export `target` through the menu's action and checks its dialog (title, save
 * mode, proposed name). */
static GtkFileChooser *
open_export_dialog (Fixture    *f,
                    const char *target,
                    const char *title,
                    const char *proposed_end)
{
  GtkFileChooser *chooser;
  g_autofree char *proposed = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->workspace), "workspace.export", "s",
                                             target));
  WAIT_FOR (ccp_gui_find_toplevel (GTK_TYPE_FILE_CHOOSER) != NULL, 10000);
  chooser = GTK_FILE_CHOOSER (ccp_gui_find_toplevel (GTK_TYPE_FILE_CHOOSER));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, title);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  proposed = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_suffix (proposed, proposed_end));
  return chooser;
}

static gboolean
chooser_has_file (GtkFileChooser *chooser,
                  GFile          *file)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);

  return chosen != NULL && g_file_equal (chosen, file);
}

static GBytes *
answer_export (GtkFileChooser *chooser,
               GFile          *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  /* The whole path typed into the name entry, as a user may: the folder the dialog opens
   * on loads asynchronously, and must not decide where the test writes. */
  gtk_file_chooser_set_current_name (chooser, path);
  WAIT_FOR (chooser_has_file (chooser, file), 10000);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS), 10000);
  WAIT_FOR (ccp_gui_find_toplevel (GTK_TYPE_FILE_CHOOSER) == NULL, 10000);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  return g_bytes_new_take (contents, length);
}

static void
test_menu (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) targets = export_menu_targets (GTK_WIDGET (f->workspace));
  const char *expected[] = { "csv", "html", "iati", "xlsx" };

  g_assert_cmpuint (targets->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (targets, i), ==, expected[i]);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->workspace)));
}

/* CSV: the byte-order mark on and HXL off by default; with HXL chosen, the core's bytes with
 * both options. */
static void
test_csv_hxl (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "activities.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = ccp_export_csv_full (G_OBJECT (f->field_plan),
                                                    CCP_EXPORT_CSV_BOM | CCP_EXPORT_CSV_HXL);
  g_autoptr(GBytes) plain = ccp_export_csv_full (G_OBJECT (f->field_plan), CCP_EXPORT_CSV_BOM);
  g_autoptr(GBytes) written = NULL;
  GtkFileChooser *chooser;

  chooser = open_export_dialog (f, "csv", "Export as CSV", ".csv");
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "bom"), ==, "true");
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "hxl"), ==, "false");
  gtk_file_chooser_set_choice (chooser, "hxl", "true");
  written = answer_export (chooser, file);
  g_assert_true (g_bytes_equal (written, expected));
  g_assert_false (g_bytes_equal (written, plain));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (written, NULL),
                                  (gssize) g_bytes_get_size (written),
                                  "\r\n#activity+code,#org+impl+city,"));
}

static void
test_html (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "report.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = ccp_export_html (G_OBJECT (f->field_plan));
  g_autoptr(GBytes) written = NULL;

  written = answer_export (open_export_dialog (f, "html", "Export as HTML", ".html"), file);
  g_assert_true (g_bytes_equal (written, expected));
}

static void
schema_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  g_string_append_printf (user_data, "line %d: %s", error->line,
                          error->message != NULL ? error->message : "?");
}

/* IATI: the file is valid against the official 2.03 activity schema (tests/data/iati-2.03). */
static void
test_iati (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "activities.xml", NULL);
  g_autofree char *xsd = g_test_build_filename (G_TEST_DIST, "..", "data", "iati-2.03",
                                                "iati-activities-schema.xsd", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GString) errors = g_string_new (NULL);
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt (xsd);
  xmlSchemaPtr schema = xmlSchemaParse (parser);
  xmlSchemaValidCtxtPtr ctxt;
  xmlDocPtr doc;

  written = answer_export (open_export_dialog (f, "iati", "Export as IATI XML",
                                               "field-plan.iati.xml"), file);
  g_assert_nonnull (schema);
  doc = xmlReadMemory (g_bytes_get_data (written, NULL), (int) g_bytes_get_size (written),
                       path, "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "iati-activities");
  ctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (ctxt, schema_error_cb, errors);
  if (xmlSchemaValidateDoc (ctxt, doc) != 0)
    g_error ("the exported IATI file is not valid IATI 2.03: %s", errors->str);
  xmlSchemaFreeValidCtxt (ctxt);
  xmlFreeDoc (doc);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (parser);
}

/* XLSX: a zip (the signature) that an independent reader opens, with the Activities sheet
 * holding one row per activity and contributing city, as the core's CSV. */
static void
test_xlsx (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "activities.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) csv = ccp_export_csv (G_OBJECT (f->field_plan));
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  guint n_lines = 0;

  written = answer_export (open_export_dialog (f, "xlsx", "Export as Excel Workbook", ".xlsx"),
                           file);
  g_assert_cmpuint (g_bytes_get_size (written), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), 4, "PK\x03\x04", 4);

  for (const char *p = g_bytes_get_data (csv, NULL);
       p < (const char *) g_bytes_get_data (csv, NULL) + g_bytes_get_size (csv); p++)
    n_lines += *p == '\n';
  script = g_strdup_printf ("import sys, openpyxl\n"
                            "wb = openpyxl.load_workbook(sys.argv[1])\n"
                            "print(wb['Activities'].max_row, ' '.join(wb.sheetnames))\n");
  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    return;
  g_assert_true (g_spawn_sync (NULL, (char *[]) { "/usr/bin/python3", "-c", script, path, NULL },
                               NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (err != NULL && strstr (err, "No module named 'openpyxl'") != NULL)
    {
      g_test_message ("python3-openpyxl is not installed: only the zip signature checked");
      return;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* The CSV's header and rows, the workbook's header row and rows. */
  expected = g_strdup_printf ("%u Activities ", n_lines);
  g_assert_true (g_str_has_prefix (out, expected));
}

/* Over the field plan itself: refused with a message naming the file; the plan is intact. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_file_get_path (f->field_plan_file);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkFileChooser *chooser;
  AdwMessageDialog *message;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  chooser = open_export_dialog (f, "xlsx", "Export as Excel Workbook", ".xlsx");
  gtk_file_chooser_set_current_name (chooser, path);
  WAIT_FOR (chooser_has_file (chooser, f->field_plan_file), 10000);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  /* The file chooser asks first whether to replace the existing file: yes. */
  WAIT_FOR (ccp_gui_find_toplevel (GTK_TYPE_MESSAGE_DIALOG) != NULL, 10000);
  gtk_dialog_response (GTK_DIALOG (ccp_gui_find_toplevel (GTK_TYPE_MESSAGE_DIALOG)),
                       GTK_RESPONSE_ACCEPT);
  WAIT_FOR (find_message_dialog (NULL) != NULL, 10000);
  message = find_message_dialog (NULL);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (message),
                                   "Could Not Export to"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "exporting over it"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  gtk_window_destroy (GTK_WINDOW (message));
}

int
main (int    argc,
      char **argv)
{
  char *state = ccp_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/export/menu", test_menu);
  ADD ("/gui/export/csv-hxl", test_csv_hxl);
  ADD ("/gui/export/html", test_html);
  ADD ("/gui/export/iati", test_iati);
  ADD ("/gui/export/xlsx", test_xlsx);
  ADD ("/gui/export/refused", test_refused);
#undef ADD
  return ccp_gui_test_run (state);
}
