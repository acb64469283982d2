#define G_LOG_DOMAIN "ccp-table-util"

#include "config.h"

#include <stdlib.h>

#include "ccp-table-util.h"

int
ccp_table_compare_text (const char *a,
                        const char *b)
{
  char *end_a = NULL, *end_b = NULL;
  double na, nb;

  a = a != NULL ? a : "";
  b = b != NULL ? b : "";
  na = g_ascii_strtod (a, &end_a);
  nb = g_ascii_strtod (b, &end_b);
  if (*a != '\0' && *b != '\0' && end_a != NULL && *end_a == '\0' &&
      end_b != NULL && *end_b == '\0')
    return na < nb ? -1 : na > nb ? 1 : 0;

  return g_utf8_collate (a, b);
}

/* The tooltip is the cell's text, asked for on hover: gtk_widget_set_tooltip_text() in bind
 * would query the pointer (an X round trip) for each cell each time rows are rebound, about a
 * second per keystroke of a search in a long table. */
static gboolean
query_tooltip_cb (GtkWidget  *label,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  CcpTableTextFunc func = user_data;
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = func (gtk_list_item_get_item (list_item));

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
}

typedef struct {
  CcpTableTextFunc func;
} TextSort;

static int
compare_texts (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  TextSort *sort = user_data;
  g_autofree char *ta = sort->func ((gpointer) a);
  g_autofree char *tb = sort->func ((gpointer) b);

  return ccp_table_compare_text (ta, tb);
}

GtkColumnViewColumn *
ccp_table_add_text_column (GtkColumnView    *view,
                           const char       *id,
                           const char       *title,
                           CcpTableTextFunc  func,
                           GCompareDataFunc  compare,
                           gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkSorter *sorter;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), func);
  column = gtk_column_view_column_new (title, factory);
  /* GtkColumnViewColumn:id is GTK 4.10. */
  g_object_set_data_full (G_OBJECT (column), "ccp-column-id", g_strdup (id), g_free);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);

  if (compare != NULL)
    sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));
  else
    {
      TextSort *sort = g_new0 (TextSort, 1);

      sort->func = func;
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_texts, sort, g_free));
    }
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);

  gtk_column_view_append_column (view, column);
  g_object_unref (column);

  return column;
}

GtkColumnViewColumn *
ccp_table_find_column (GtkColumnView *view,
                       const char    *id)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  guint n = g_list_model_get_n_items (columns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (column), "ccp-column-id"), id) == 0)
        return column;
    }

  return NULL;
}
