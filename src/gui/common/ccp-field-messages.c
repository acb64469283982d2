#define G_LOG_DOMAIN "ccp-field-messages"

#include "config.h"

#include "ccp-core.h"
#include "ccp-field-messages.h"
#include "ccp-severity-style.h"

typedef struct {
  GtkWidget *input;     /* weak: owned by the form */
  GtkWidget *holder;    /* the message row or label, owned by the form */
  GtkLabel  *label;
} Slot;

struct _CcpFieldMessages {
  GHashTable *slots;    /* property -> Slot */
  GtkLabel   *fallback;
};

static void
slot_free (gpointer data)
{
  g_free (data);
}

CcpFieldMessages *
ccp_field_messages_new (void)
{
  CcpFieldMessages *self = g_new0 (CcpFieldMessages, 1);

  self->slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, slot_free);

  return self;
}

void
ccp_field_messages_free (CcpFieldMessages *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->slots);
  g_free (self);
}

void
ccp_field_messages_add (CcpFieldMessages *self,
                        const char       *property,
                        GtkWidget        *row,
                        GtkWidget        *input)
{
  GtkWidget *parent;
  GtkWidget *label;
  Slot *slot;

  g_return_if_fail (self != NULL);
  g_return_if_fail (property != NULL);
  g_return_if_fail (GTK_IS_WIDGET (row));

  if (input == NULL)
    input = row;

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "field-message");
  gtk_widget_add_css_class (label, "caption");

  slot = g_new0 (Slot, 1);
  slot->input = input;
  slot->label = GTK_LABEL (label);

  parent = gtk_widget_get_parent (row);
  if (GTK_IS_LIST_BOX_ROW (row) && GTK_IS_LIST_BOX (parent))
    {
      GtkWidget *message_row = gtk_list_box_row_new ();

      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (message_row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (message_row), FALSE);
      gtk_widget_set_focusable (message_row, FALSE);
      /* GtkListBox moves focus (Tab, Down) to the next sensitive row and stops there if that
       * row takes no focus: a shown message would end keyboard travel through the list.
       * Insensitive, it is skipped; style.css keeps its text undimmed. */
      gtk_widget_set_sensitive (message_row, FALSE);
      gtk_widget_add_css_class (message_row, "field-message-row");
      gtk_list_box_insert (GTK_LIST_BOX (parent), message_row,
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
      slot->holder = message_row;
    }
  else if (GTK_IS_BOX (parent))
    {
      gtk_box_insert_child_after (GTK_BOX (parent), label, row);
      slot->holder = label;
    }
  else
    {
      g_critical ("Cannot place a message beneath a %s in a %s",
                  G_OBJECT_TYPE_NAME (row), parent ? G_OBJECT_TYPE_NAME (parent) : "(none)");
      g_object_ref_sink (label);
      g_object_unref (label);
      g_free (slot);
      return;
    }

  gtk_widget_set_visible (slot->holder, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (input),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                  -1);

  g_hash_table_replace (self->slots, g_strdup (property), slot);
}

void
ccp_field_messages_set_fallback (CcpFieldMessages *self,
                                 GtkLabel         *label)
{
  g_return_if_fail (self != NULL);

  self->fallback = label;
}

static void
append_line (GString    *text,
             const char *line)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

void
ccp_field_messages_show (CcpFieldMessages *self,
                         GPtrArray        *issues,
                         const char       *prefix)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) worst = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) fallback = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;
  gsize prefix_len;

  g_return_if_fail (self != NULL);

  if (prefix == NULL)
    prefix = "";
  prefix_len = strlen (prefix);

  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (issues, i);
      const char *path = ccp_issue_get_path (issue);
      g_autofree char *property = NULL;
      const char *slash;
      GString *text;

      if (!g_str_has_prefix (path, prefix))
        continue;
      path += prefix_len;

      slash = strchr (path, '/');
      property = slash ? g_strndup (path, slash - path) : g_strdup (path);

      if (!g_hash_table_contains (self->slots, property))
        {
          append_line (fallback, ccp_issue_get_message (issue));
          continue;
        }

      text = g_hash_table_lookup (texts, property);
      if (text == NULL)
        {
          text = g_string_new (NULL);
          g_hash_table_insert (texts, g_strdup (property), text);
        }
      append_line (text, ccp_issue_get_message (issue));

      if (GPOINTER_TO_INT (g_hash_table_lookup (worst, property)) <
          (int) ccp_issue_get_severity (issue) + 1)
        g_hash_table_replace (worst, g_strdup (property),
                              GINT_TO_POINTER (ccp_issue_get_severity (issue) + 1));
    }

  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Slot *slot = value;
      GString *text = g_hash_table_lookup (texts, key);
      int severity = GPOINTER_TO_INT (g_hash_table_lookup (worst, key)) - 1;
      gboolean is_error = text != NULL && severity == CCP_SEVERITY_ERROR;

      if (text == NULL)
        severity = -1;
      gtk_label_set_text (slot->label, text ? text->str : "");
      gtk_widget_set_visible (slot->holder, text != NULL);

      /* The same three severities as the panel and `ccplans validate`: info is not a warning,
       * and leaves the input uncoloured. */
      ccp_severity_style_widget (slot->input, severity == CCP_SEVERITY_INFO ? -1 : severity);
      ccp_severity_style_widget (GTK_WIDGET (slot->label), severity);

      gtk_accessible_update_state (GTK_ACCESSIBLE (slot->input),
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   is_error ? GTK_ACCESSIBLE_INVALID_TRUE
                                            : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
    }

  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_string_free (value, TRUE);

  if (self->fallback != NULL)
    {
      gtk_label_set_text (self->fallback, fallback->str);
      gtk_widget_set_visible (GTK_WIDGET (self->fallback), fallback->len > 0);
    }
}

GtkWidget *
ccp_field_messages_get_input (CcpFieldMessages *self,
                              const char       *property)
{
  Slot *slot;

  g_return_val_if_fail (self != NULL, NULL);

  slot = g_hash_table_lookup (self->slots, property);
  return slot ? slot->input : NULL;
}

const char *
ccp_field_messages_get_message (CcpFieldMessages *self,
                                const char       *property)
{
  Slot *slot;

  g_return_val_if_fail (self != NULL, "");

  slot = g_hash_table_lookup (self->slots, property);
  if (slot == NULL || !gtk_widget_get_visible (slot->holder))
    return "";
  return gtk_label_get_text (slot->label);
}

gboolean
ccp_field_messages_focus (CcpFieldMessages *self,
                          const char       *property)
{
  GtkWidget *input = ccp_field_messages_get_input (self, property);

  if (input == NULL)
    return FALSE;
  return gtk_widget_grab_focus (input);
}

void
ccp_editable_force_ltr (GtkWidget *editable)
{
  GtkEditable *delegate;

  g_return_if_fail (GTK_IS_EDITABLE (editable));

  delegate = gtk_editable_get_delegate (GTK_EDITABLE (editable));
  gtk_widget_set_direction (delegate ? GTK_WIDGET (delegate) : editable, GTK_TEXT_DIR_LTR);
}
