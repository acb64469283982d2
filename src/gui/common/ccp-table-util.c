#define G_LOG_DOMAIN "ccp-table-util"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <fribidi.h>

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

/* The direction of the first strong letter of text, outside bidi isolates (rules P2 and P3 of
 * the Unicode bidirectional algorithm) if outside, else anywhere (as Pango's automatic
 * direction finds it, isolates or not). FRIBIDI_PAR_ON when there is none. */
static FriBidiParType
first_strong (const FriBidiCharType *types,
              FriBidiStrIndex        n,
              gboolean               outside)
{
  guint depth = 0;

  /* By hand: fribidi_get_par_direction() of fribidi 1.0.8 looks inside isolates too. */
  for (FriBidiStrIndex i = 0; i < n; i++)
    {
      if (outside && types[i] == FRIBIDI_TYPE_PDI)
        depth -= depth > 0 ? 1 : 0;
      else if (outside && FRIBIDI_IS_ISOLATE (types[i]))
        depth++;
      else if (depth == 0 && FRIBIDI_IS_LETTER (types[i]))
        return FRIBIDI_IS_RTL (types[i]) ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    }
  return FRIBIDI_PAR_ON;
}

char *
ccp_table_text_for_direction (const char       *text,
                              GtkTextDirection  direction)
{
  g_autofree gunichar *chars = NULL;
  g_autofree FriBidiCharType *types = NULL;
  FriBidiParType wanted, pango;
  FriBidiParType widget = direction == GTK_TEXT_DIR_RTL ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  glong n = 0;

  text = text != NULL ? text : "";
  /* Only our composed texts (lists, sentences with isolated values) can differ. */
  if (strstr (text, "\xe2\x81\xa8") == NULL)
    return g_strdup (text);
  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  types = g_new (FriBidiCharType, MAX (n, 1));
  fribidi_get_bidi_types ((const FriBidiChar *) chars, (FriBidiStrIndex) n, types);

  wanted = first_strong (types, (FriBidiStrIndex) n, TRUE);
  if (wanted == FRIBIDI_PAR_ON)
    wanted = widget;
  pango = first_strong (types, (FriBidiStrIndex) n, FALSE);
  if (pango == FRIBIDI_PAR_ON)
    pango = widget;
  if (pango == wanted)
    return g_strdup (text);
  /* Pango's automatic direction looks inside isolates: "⁨Bologna⁩؛ ⁨Liverpool⁩" would be a
   * left-to-right paragraph in an Arabic window. A mark first gives the right one. */
  return g_strconcat (wanted == FRIBIDI_PAR_RTL ? "\xe2\x80\x8f" : "\xe2\x80\x8e", text, NULL);
}

void
ccp_table_set_label_text (GtkLabel   *label,
                          const char *text)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  shown = ccp_table_text_for_direction (text, gtk_widget_get_direction (GTK_WIDGET (label)));
  gtk_label_set_text (label, shown);
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

  ccp_table_set_label_text (GTK_LABEL (label), text);
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

/* Escape clears the search, as in the plan editor. */
static void
stop_search_cb (GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

GtkSearchEntry *
ccp_table_search_entry_new (const char *placeholder,
                            const char *accessible_label)
{
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());

  g_object_set (entry, "placeholder-text", placeholder, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (entry), 260, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  g_signal_connect (entry, "stop-search", G_CALLBACK (stop_search_cb), NULL);
  return entry;
}

GtkLabel *
ccp_table_count_label_new (void)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (label), 6);
  return label;
}
