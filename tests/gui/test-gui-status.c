/* The workspace's Status page builds its rows only when it is shown (issue 16): after a merge
 * with another page on screen no row is built (the header's rates are right at once); showing
 * the page builds them, the first chunk at once and the rest a chunk per main-loop turn, in
 * list order (the plans received first); a field plan replaced twice while the page is hidden
 * builds its rows once, on show; a merge while the page is shown builds them at once; asking
 * for the list builds the rows of a hidden page. The tooltips of rows made by the dozen (its
 * review buttons, the roster's Remove buttons of the New Field Plan dialog) are given on demand,
 * not set as each row is made (that asks the display where the pointer is, each time). */
#define G_LOG_DOMAIN "test-gui-status"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ccp-core.h"
#include "ccp-markup.h"
#include "ccp-new-field-plan-dialog.h"
#include "ccp-status-page.h"
#include "ccp-tooltip.h"
#include "ccp-workspace.h"
#include "ccp-gui-test-util.h"

/* ccp-status-page.c builds this many rows per main-loop turn; the music roster has more. */
#define ROWS_PER_STEP 48

typedef struct {
  GtkWindow     *window;
  CcpWorkspace  *workspace;
  CcpStatusPage *page;
  AdwViewStack  *stack;
} Fixture;

/* The coordinator's window: a new music 2027-H1 field plan with the registry's roster, the
 * page on screen not the Status page. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  f->workspace = CCP_WORKSPACE (ccp_workspace_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->workspace));
  gtk_window_present (f->window);
  ccp_gui_test_new_field_plan (f->window, f->workspace);
  g_assert_nonnull (ccp_workspace_get_field_plan (f->workspace));
  f->page = ccp_workspace_get_status_page (f->workspace);
  f->stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (f->page),
                                                      ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->stack), !=, "status");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  WAIT_FOR (ccp_workspace_get_n_pending (f->workspace) == 0, 60000);
  gtk_window_destroy (f->window);
  spin (50);
}

static GFile *
example_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"), name, NULL);

  return g_file_new_for_path (path);
}

static void
add_and_wait (Fixture    *f,
              const char *name)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = example_file (name);

  g_list_store_append (files, file);
  g_assert_true (ccp_workspace_add_files (f->workspace, G_LIST_MODEL (files)));
  WAIT_FOR (!ccp_workspace_get_busy (f->workspace) &&
            ccp_workspace_get_n_pending (f->workspace) == 0, 60000);
}

/* The page's list box, found in its widget tree (ccp_status_page_get_list() would build the
 * rows): the visible one (the preferences group has its own, hidden while empty). */
static GtkWidget *
find_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) && gtk_widget_get_visible (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_rows (Fixture *f)
{
  GtkWidget *list = find_list (GTK_WIDGET (f->page));
  guint n = 0;

  g_assert_nonnull (list);
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* The core's status table of the field plan shown: what the page's rows must say. */
static CcpStatusTable *
status_table (Fixture *f)
{
  return ccp_status_table_new (ccp_workspace_get_field_plan (f->workspace), NULL);
}

static guint
count_received (CcpStatusTable *table)
{
  guint n = 0;

  for (guint i = 0; i < table->rows->len; i++)
    n += ccp_status_row_get_received (g_ptr_array_index (table->rows, i)) ? 1 : 0;
  return n;
}

/* The rates of the header, as the core counts them. */
static void
assert_rates (Fixture        *f,
              CcpStatusTable *table)
{
  g_autofree char *expected = g_strdup_printf ("(%u of %u expected)", table->received,
                                               table->expected);

  g_assert_nonnull (strstr (ccp_status_page_get_rates_text (f->page), expected));
}

/* Every row built, in list order: the received plans first (a revision, and Accept for a
 * plan received), then the cities without one; one row per city of the table. */
static void
assert_rows (Fixture        *f,
             CcpStatusTable *table)
{
  GtkWidget *list = find_list (GTK_WIDGET (f->page));
  guint received = count_received (table);
  guint i = 0;

  g_assert_cmpuint (count_rows (f), ==, table->rows->len);
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      const char *subtitle;

      g_assert_true (ADW_IS_ACTION_ROW (child));
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (child));
      if (i < received)
        g_assert_nonnull (strstr (subtitle, "Revision "));
      else
        g_assert_true (g_str_has_prefix (subtitle, "No plan received"));
    }
}

static void
show_status (Fixture *f)
{
  adw_view_stack_set_visible_child_name (f->stack, "status");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
}

/* After a merge with another page on screen: no row; shown, the rows come, right. */
static void
test_built_when_shown (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CcpStatusTable) table = NULL;

  g_assert_cmpuint (ccp_status_page_get_n_built_rows (f->page), ==, 0);
  add_and_wait (f, "bologna-music-2027-h1.xml");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  g_assert_cmpuint (ccp_status_page_get_n_built_rows (f->page), ==, 0);
  g_assert_cmpuint (count_rows (f), ==, 0);
  g_assert_false (ccp_status_page_get_pending (f->page));
  /* The header is right without the rows. */
  table = status_table (f);
  g_assert_cmpuint (table->received, ==, 1);
  g_assert_cmpuint (table->rows->len, >, ROWS_PER_STEP);
  assert_rates (f, table);

  /* Shown: the first chunk at once, the rest a chunk per main-loop turn. */
  show_status (f);
  g_assert_cmpuint (ccp_status_page_get_n_built_rows (f->page), ==, ROWS_PER_STEP);
  g_assert_true (ccp_status_page_get_pending (f->page));
  WAIT_FOR (!ccp_status_page_get_pending (f->page), 10000);
  g_assert_cmpuint (ccp_status_page_get_n_built_rows (f->page), ==, table->rows->len);
  assert_rows (f, table);

  /* Another page and back: nothing built again. */
  adw_view_stack_set_visible_child_name (f->stack, "sources");
  show_status (f);
  spin (50);
  g_assert_cmpuint (ccp_status_page_get_n_built_rows (f->page), ==, table->rows->len);
  assert_rows (f, table);
}

/* Two merges while the page is hidden build nothing; shown, the last field plan's rows, once. */
static void
test_replaced_while_hidden (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CcpStatusTable) table = NULL;
  guint built;

  add_and_wait (f, "bologna-music-2027-h1.xml");
  add_and_wait (f, "liverpool-music-2027-h1.xml");
  g_assert_cmpuint (ccp_status_page_get_n_built_rows (f->page), ==, 0);
  g_assert_cmpuint (count_rows (f), ==, 0);
  table = status_table (f);
  g_assert_cmpuint (table->received, ==, 2);
  assert_rates (f, table);

  show_status (f);
  WAIT_FOR (!ccp_status_page_get_pending (f->page), 10000);
  g_assert_cmpuint (ccp_status_page_get_n_built_rows (f->page), ==, table->rows->len);
  assert_rows (f, table);

  /* A merge while it is shown builds the rows at once (the hand-over waits for them). */
  built = ccp_status_page_get_n_built_rows (f->page);
  add_and_wait (f, "medellin-music-2027-h1.xml");
  g_clear_pointer (&table, ccp_status_table_free);
  table = status_table (f);
  g_assert_cmpuint (table->received, ==, 3);
  g_assert_cmpuint (ccp_status_page_get_n_built_rows (f->page), ==, built + table->rows->len);
  assert_rates (f, table);
  assert_rows (f, table);
}

/* Asked for (a test, an action), the list of a hidden page has every row. */
static void
test_list_asked_for (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CcpStatusTable) table = NULL;
  GtkListBox *list;

  add_and_wait (f, "bologna-music-2027-h1.xml");
  g_assert_cmpuint (ccp_status_page_get_n_built_rows (f->page), ==, 0);
  table = status_table (f);
  list = ccp_status_page_get_list (f->page);
  g_assert_true (GTK_WIDGET (list) == find_list (GTK_WIDGET (f->page)));
  g_assert_cmpuint (ccp_status_page_get_n_built_rows (f->page), ==, table->rows->len);
  g_assert_false (ccp_status_page_get_pending (f->page));
  assert_rows (f, table);

  /* Shown after: nothing built again. */
  show_status (f);
  spin (50);
  g_assert_cmpuint (ccp_status_page_get_n_built_rows (f->page), ==, table->rows->len);
}

/* A tooltip given on demand (the caller has checked its text): shown when asked for, not set
 * on the widget beforehand. */
static void
assert_on_demand (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_null (gtk_widget_get_tooltip_text (button));
}

/* The roster's Remove buttons, one per city, and the review buttons of a received plan. */
static void
test_tooltips_on_demand (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) members = ccp_registry_list_field (ccp_registry_get_default (), "music");
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  CcpNewFieldPlanDialog *dialog = ccp_new_field_plan_dialog_new (f->window);
  guint removes = 0, reviews = 0;

  gtk_window_present (GTK_WINDOW (dialog));
  ccp_new_field_plan_dialog_set_field (dialog, "music");
  for (guint i = 0; i < members->len; i++)
    {
      g_autofree char *name =
        ccp_bidi_isolate (ccp_member_city_get_name (g_ptr_array_index (members, i)));

      g_hash_table_add (expected, g_strdup_printf ("Remove %s", name));
    }
  ccp_gui_collect_of_type (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *text = ccp_tooltip_get_on_demand (button);

      if (text == NULL || !g_hash_table_contains (expected, text))
        continue;
      assert_on_demand (button);
      g_hash_table_remove (expected, text);
      removes++;
    }
  g_assert_cmpuint (removes, ==, members->len);
  g_assert_cmpuint (g_hash_table_size (expected), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  add_and_wait (f, "bologna-music-2027-h1.xml");
  show_status (f);
  WAIT_FOR (!ccp_status_page_get_pending (f->page), 10000);
  g_ptr_array_set_size (buttons, 0);
  ccp_gui_collect_of_type (find_list (GTK_WIDGET (f->page)), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *text = ccp_tooltip_get_on_demand (button);

      if (text == NULL)
        continue;
      g_assert_true (g_str_has_prefix (text, "Accept the plan of ") ||
                     g_str_has_prefix (text, "Return the plan of "));
      g_assert_nonnull (strstr (text, "Bologna"));
      assert_on_demand (button);
      reviews++;
    }
  /* Accept and Return… of Bologna's plan. */
  g_assert_cmpuint (reviews, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  char *state = ccp_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/status/built-when-shown", test_built_when_shown);
  ADD ("/gui/status/replaced-while-hidden", test_replaced_while_hidden);
  ADD ("/gui/status/list-asked-for", test_list_asked_for);
  ADD ("/gui/status/tooltips-on-demand", test_tooltips_on_demand);
#undef ADD

  return ccp_gui_test_run (state);
}
