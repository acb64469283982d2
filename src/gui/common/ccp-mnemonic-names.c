/* ccp-mnemonic-names.c: accessible names of buttons without their mnemonic underscore. */
#define G_LOG_DOMAIN "ccp-mnemonic-names"

#include "config.h"

#include <string.h>

#include "ccp-mnemonic-names.h"

char *
ccp_mnemonic_strip (const char *label)
{
  GString *out;

  g_return_val_if_fail (label != NULL, NULL);

  out = g_string_new (NULL);
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        g_string_append_c (out, *p++);
      else if (*p != '_')
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
fix_name (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *name = NULL;

  if (label == NULL || !gtk_button_get_use_underline (button) || strchr (label, '_') == NULL)
    return;
  name = ccp_mnemonic_strip (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  /* GTK 4.8 names a button over AT-SPI by its label and then by what labels it (its child
   * label, which GTK relates to it): "Save Save". The label alone is the name. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* GTK sets the raw label again when the label changes: the notification comes after. */
static void
label_changed_cb (GtkButton *button)
{
  fix_name (button);
}

static gboolean
map_hook (GSignalInvocationHint *hint,
          guint                  n_values,
          const GValue          *values,
          gpointer               user_data)
{
  GObject *object = g_value_get_object (&values[0]);

  if (GTK_IS_BUTTON (object))
    {
      if (g_object_get_data (object, "ccp-mnemonic-name") == NULL)
        {
          g_object_set_data (object, "ccp-mnemonic-name", GINT_TO_POINTER (1));
          g_signal_connect (object, "notify::label", G_CALLBACK (label_changed_cb), NULL);
          g_signal_connect (object, "notify::use-underline", G_CALLBACK (label_changed_cb),
                            NULL);
        }
      fix_name (GTK_BUTTON (object));
    }
  return TRUE;  /* stay installed */
}

void
ccp_mnemonic_names_install (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, map_hook, NULL,
                                  NULL);
      g_once_init_leave (&installed, 1);
    }
}
