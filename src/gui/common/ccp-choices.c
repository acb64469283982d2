#define G_LOG_DOMAIN "ccp-choices"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "ccp-markup.h"
#include "ccp-core.h"
#include "ccp-choices.h"

GListModel *
ccp_choices_new_model (const char *source)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  const char * const *codes = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  if (g_str_equal (source, CCP_CHOICES_COUNTRY))
    codes = ccp_iso_codes_get_countries (ccp_iso_codes_get_default ());
  else if (g_str_equal (source, CCP_CHOICES_CURRENCY))
    codes = ccp_iso_codes_get_currencies (ccp_iso_codes_get_default ());
  else
    codes = ccp_vocabulary_get_codes (ccp_vocabulary_get_default (), source);

  gtk_string_list_append (list, "");
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    gtk_string_list_append (list, codes[i]);

  return G_LIST_MODEL (list);
}

char *
ccp_choices_get_label (const char *source,
                       const char *code)
{
  const char *label = NULL;

  if (code == NULL || *code == '\0')
    /* Translators: shown in a drop-down when nothing has been chosen yet */
    return g_strdup (_("Not chosen"));

  if (g_str_equal (source, CCP_CHOICES_COUNTRY))
    {
      label = ccp_iso_codes_get_country_name (ccp_iso_codes_get_default (), code);
      if (label != NULL)
        return g_strdup (label);
    }
  else if (g_str_equal (source, CCP_CHOICES_CURRENCY))
    {
      label = ccp_iso_codes_get_currency_name (ccp_iso_codes_get_default (), code);
      if (label != NULL)
        /* Translators: a currency in a list: its ISO 4217 code, then its name, e.g. "EUR — Euro" */
        return g_strdup_printf (_("%s — %s"), code, label);
    }
  else
    {
      label = ccp_vocabulary_get_label (ccp_vocabulary_get_default (), source, code);
      if (label != NULL)
        return g_strdup (label);
    }

  {
    g_autofree char *isolated = ccp_bidi_isolate (code);

    /* Translators: a value read from a file that is not one of the known choices */
    return g_strdup_printf (_("“%s” (not a known value)"), isolated);
  }
}

static char *
code_to_label_cb (GObject    *item,
                  const char *code,
                  const char *source)
{
  return ccp_choices_get_label (source, code);
}

static void
free_source_closure_data (gpointer  data,
                          GClosure *closure)
{
  g_free (data);
}

GtkExpression *
ccp_choices_new_expression (const char *source)
{
  GtkExpression *params[1];

  params[0] = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, params,
                                      G_CALLBACK (code_to_label_cb),
                                      g_strdup (source), free_source_closure_data);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Room for the longest choice of our vocabularies in most languages; a longer one still
   * ellipsizes rather than pushing the row off the page. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               GtkExpression            *expression)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GObject *choice = gtk_list_item_get_item (item);
  const char *text = "";

  if (choice != NULL && gtk_expression_evaluate (expression, choice, &value) &&
      G_VALUE_HOLDS_STRING (&value) && g_value_get_string (&value) != NULL)
    text = g_value_get_string (&value);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

void
ccp_choices_setup (GObject    *chooser,
                   const char *source)
{
  g_autoptr(GListModel) model = ccp_choices_new_model (source);
  g_autoptr(GtkExpression) expression = ccp_choices_new_expression (source);

  g_return_if_fail (G_IS_OBJECT (chooser));

  g_object_set (chooser, "expression", expression, "model", model, NULL);
  /* AdwComboRow's own labels stop at 20 characters: "Workshop or capacity-b…" in a row
   * with room for the whole choice. */
  if (ADW_IS_COMBO_ROW (chooser))
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
      g_signal_connect_data (factory, "bind", G_CALLBACK (bind_label_cb),
                             gtk_expression_ref (expression),
                             (GClosureNotify) (void (*) (void)) gtk_expression_unref, 0);
      adw_combo_row_set_factory (ADW_COMBO_ROW (chooser), factory);
      g_object_unref (factory);
    }
}

static guint
find_or_append (GtkStringList *list,
                const char    *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), code) == 0)
      return i;

  gtk_string_list_append (list, code);
  return n;
}

void
ccp_choices_select (GObject    *chooser,
                    const char *code)
{
  g_autoptr(GListModel) model = NULL;

  g_return_if_fail (G_IS_OBJECT (chooser));

  g_object_get (chooser, "model", &model, NULL);
  g_return_if_fail (GTK_IS_STRING_LIST (model));

  g_object_set (chooser, "selected", find_or_append (GTK_STRING_LIST (model), code ? code : ""),
                NULL);
}

const char *
ccp_choices_get_selected (GObject *chooser)
{
  g_autoptr(GListModel) model = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;
  const char *code;

  g_return_val_if_fail (G_IS_OBJECT (chooser), "");

  g_object_get (chooser, "model", &model, "selected", &selected, NULL);
  if (!GTK_IS_STRING_LIST (model) || selected == GTK_INVALID_LIST_POSITION)
    return "";

  code = gtk_string_list_get_string (GTK_STRING_LIST (model), selected);
  return code != NULL ? code : "";
}

static gboolean
code_to_selected (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  GObject *chooser = g_binding_dup_target (binding);
  g_autoptr(GListModel) model = NULL;
  const char *code = g_value_get_string (from);

  if (chooser == NULL)
    return FALSE;

  g_object_get (chooser, "model", &model, NULL);
  g_value_set_uint (to, find_or_append (GTK_STRING_LIST (model), code ? code : ""));
  g_object_unref (chooser);

  return TRUE;
}

static gboolean
selected_to_code (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  GObject *chooser = g_binding_dup_target (binding);
  g_autoptr(GListModel) model = NULL;
  guint selected = g_value_get_uint (from);
  const char *code = NULL;

  if (chooser == NULL)
    return FALSE;

  g_object_get (chooser, "model", &model, NULL);
  g_object_unref (chooser);
  if (selected != GTK_INVALID_LIST_POSITION)
    code = gtk_string_list_get_string (GTK_STRING_LIST (model), selected);
  g_value_set_string (to, code != NULL ? code : "");

  return TRUE;
}

GBinding *
ccp_choices_bind (GObject    *source_object,
                  const char *property,
                  GObject    *chooser)
{
  g_return_val_if_fail (G_IS_OBJECT (source_object), NULL);
  g_return_val_if_fail (G_IS_OBJECT (chooser), NULL);

  return g_object_bind_property_full (source_object, property, chooser, "selected",
                                      G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                      code_to_selected, selected_to_code, NULL, NULL);
}
