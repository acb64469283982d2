#define G_LOG_DOMAIN "ccp-choices"

#include "config.h"

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

void
ccp_choices_setup (GObject    *chooser,
                   const char *source)
{
  g_autoptr(GListModel) model = ccp_choices_new_model (source);
  g_autoptr(GtkExpression) expression = ccp_choices_new_expression (source);

  g_return_if_fail (G_IS_OBJECT (chooser));

  g_object_set (chooser, "expression", expression, "model", model, NULL);
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
