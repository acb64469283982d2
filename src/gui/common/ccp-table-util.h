/* ccp-table-util.h: text columns of a GtkColumnView, each with its own sorter, and the search
 * above and the count below a table (shared by the workspace's sources and activities tables).
 * No GObject type here: plain helpers. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The text of a cell for item (a new string). */
typedef char *(*CcpTableTextFunc) (gpointer item);

/* Appends a column whose cells are labels showing func (item); clicking its header sorts by
 * compare (a GCompareDataFunc on two items; NULL compares the texts, numbers by value). The
 * column's id is id (see ccp_table_find_column). Returns the column (owned by the view). */
GtkColumnViewColumn *ccp_table_add_text_column (GtkColumnView    *view,
                                                const char       *id,
                                                const char       *title,
                                                CcpTableTextFunc  func,
                                                GCompareDataFunc  compare,
                                                gboolean          expand);

/* The column of view with that id, or NULL. */
GtkColumnViewColumn *ccp_table_find_column     (GtkColumnView    *view,
                                                const char       *id);

/* text as a cell of a table whose direction is direction shows it: the paragraph direction
 * the Unicode bidirectional algorithm gives (its first strong letter outside isolates, else
 * direction), made explicit with a leading LRM or RLM where Pango's automatic direction would
 * differ (it looks inside isolates). A new string. */
char                *ccp_table_text_for_direction (const char       *text,
                                                   GtkTextDirection  direction);
/* gtk_label_set_text() with ccp_table_text_for_direction() for the label's direction. */
void                 ccp_table_set_label_text  (GtkLabel         *label,
                                                const char       *text);

/* The search above a table: placeholder inside it, accessible_label its name; Escape clears
 * it. */
GtkSearchEntry      *ccp_table_search_entry_new (const char      *placeholder,
                                                 const char      *accessible_label);
/* The dim label below a table that says how many rows it shows, of how many. */
GtkLabel            *ccp_table_count_label_new (void);

/* Natural order of two texts: numbers compared by value ("9" < "10"), then collation. */
int                  ccp_table_compare_text    (const char       *a,
                                                const char       *b);

G_END_DECLS
