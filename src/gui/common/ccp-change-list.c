#define G_LOG_DOMAIN "ccp-change-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-change-list.h"

/* Beyond this, a list of changes is read in the CLI's text or JSON; the counts stay exact. */
#define MAX_ROWS 2000

struct _CcpChangeList
{
  AdwBin         parent_instance;

  GtkLabel      *subtitle_label;
  GtkLabel      *summary_label;
  GtkStack      *stack;
  GtkListBox    *list_box;
  GtkLabel      *more_label;
  AdwStatusPage *message_page;
  GPtrArray     *rows;       /* GtkListBoxRow, borrowed from the list box */
  guint          n_changed;
  guint          n_added;
  guint          n_removed;
  guint          n_hidden;
  gboolean       activatable;
  char          *summary;
};

G_DEFINE_FINAL_TYPE (CcpChangeList, ccp_change_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_ROWS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const char *section = g_object_get_data (G_OBJECT (row), "section");
  const char *previous = before ? g_object_get_data (G_OBJECT (before), "section") : NULL;
  GtkWidget *header;

  if (section == NULL || *section == '\0' || g_strcmp0 (section, previous) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (section);
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (header), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_end (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static void
row_activated_cb (GtkListBox    *list_box,
                  GtkListBoxRow *row,
                  CcpChangeList *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  g_signal_emit (self, signals[CHANGE_ACTIVATED], 0, path ? path : "");
}

static void
ccp_change_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CcpChangeList *self = CCP_CHANGE_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ROWS:
      g_value_set_uint (value, self->rows->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_change_list_finalize (GObject *object)
{
  CcpChangeList *self = CCP_CHANGE_LIST (object);

  g_ptr_array_unref (self->rows);
  g_free (self->summary);

  G_OBJECT_CLASS (ccp_change_list_parent_class)->finalize (object);
}

static void
ccp_change_list_class_init (CcpChangeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ccp_change_list_get_property;
  object_class->finalize = ccp_change_list_finalize;

  properties[PROP_N_ROWS] = g_param_spec_uint ("n-rows", NULL, NULL, 0, G_MAXUINT, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                               G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGE_ACTIVATED] = g_signal_new ("change-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);
}

static GtkWidget *
new_status_page (const char *icon_name,
                 const char *title,
                 const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_add_css_class (page, "compact");
  return page;
}

static void
ccp_change_list_init (CcpChangeList *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->rows = g_ptr_array_new ();
  self->activatable = TRUE;

  self->subtitle_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle_label, 0.0);
  gtk_label_set_wrap (self->subtitle_label, TRUE);
  gtk_label_set_wrap_mode (self->subtitle_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->subtitle_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->subtitle_label), 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->subtitle_label));

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0.0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "title-4");
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->summary_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_list_box_set_header_func (self->list_box, header_func, NULL, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Changes"), -1);
  g_signal_connect (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->list_box));

  self->more_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->more_label), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->more_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->more_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), FALSE);
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->more_label));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), inner);
  gtk_stack_add_named (self->stack, scrolled, "rows");
  gtk_stack_add_named (self->stack,
                       new_status_page ("emblem-ok-symbolic", _("No Differences"),
                                        _("Both versions have the same content.")),
                       "empty");
  self->message_page = ADW_STATUS_PAGE (new_status_page ("dialog-information-symbolic", "", ""));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->message_page), "message");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
ccp_change_list_new (void)
{
  return g_object_new (CCP_TYPE_CHANGE_LIST, NULL);
}

static void
update_summary (CcpChangeList *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->n_changed > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u field changed",
                                               "%u fields changed", self->n_changed),
                            self->n_changed);
  if (self->n_added > 0)
    {
      if (text->len > 0)
        /* Translators: separates the parts of "3 fields changed, 1 added, 2 removed" */
        g_string_append (text, _(", "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u activity added",
                                                 "%u activities added", self->n_added),
                              self->n_added);
    }
  if (self->n_removed > 0)
    {
      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u activity removed",
                                                 "%u activities removed", self->n_removed),
                              self->n_removed);
    }

  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_label_set_text (self->summary_label, self->summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), *self->summary != '\0');

  if (self->n_hidden > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more change",
                                                            "And %u more changes",
                                                            self->n_hidden), self->n_hidden);
      gtk_label_set_text (self->more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), self->n_hidden > 0);
}

void
ccp_change_list_clear (CcpChangeList *self)
{
  GtkWidget *child;

  g_return_if_fail (CCP_IS_CHANGE_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->rows, 0);
  self->n_changed = self->n_added = self->n_removed = self->n_hidden = 0;
  update_summary (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ROWS]);
}

static GtkWidget *
new_value_label (const char *value,
                 gboolean    before)
{
  gboolean empty = value == NULL || *value == '\0';
  /* Translators: shown for a field that has no value, before or after a change */
  GtkWidget *label = gtk_label_new (empty ? _("empty") : value);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A long description stays a few lines; the accessible label has it whole. */
  gtk_label_set_lines (GTK_LABEL (label), 4);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  if (empty)
    gtk_widget_add_css_class (label, "dim-label");
  if (before && !empty)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      pango_attr_list_unref (attrs);
      gtk_widget_add_css_class (label, "dim-label");
    }
  return label;
}

static GtkWidget *
new_value_box (const char *caption,
               const char *value,
               gboolean    before)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (caption);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), new_value_label (value, before));
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

static char *
accessible_value (const char *value)
{
  return g_strdup (value != NULL && *value != '\0' ? value : _("empty"));
}

void
ccp_change_list_add (CcpChangeList    *self,
                     CcpChangeRowKind  kind,
                     const char       *section,
                     const char       *heading,
                     const char       *before,
                     const char       *after,
                     const char       *path)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *label;
  g_autofree char *accessible = NULL;

  g_return_if_fail (CCP_IS_CHANGE_LIST (self));
  g_return_if_fail (heading != NULL);

  if (kind == CCP_CHANGE_ROW_ADDED)
    self->n_added++;
  else if (kind == CCP_CHANGE_ROW_REMOVED)
    self->n_removed++;
  else
    self->n_changed++;

  if (self->rows->len >= MAX_ROWS)
    {
      self->n_hidden++;
      update_summary (self);
      return;
    }

  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  if (kind == CCP_CHANGE_ROW_CHANGED)
    {
      g_autofree char *was = accessible_value (before);
      g_autofree char *now = accessible_value (after);
      GtkWidget *values = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      label = gtk_label_new (heading);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_yalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      /* One width for every heading (wrapped within it), so that the values line up. */
      gtk_label_set_width_chars (GTK_LABEL (label), 18);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);

      gtk_box_set_homogeneous (GTK_BOX (values), TRUE);
      gtk_widget_set_hexpand (values, TRUE);
      /* Translators: caption over a field's value before the change */
      gtk_box_append (GTK_BOX (values), new_value_box (C_("change", "Before"), before, TRUE));
      /* Translators: caption over a field's value after the change */
      gtk_box_append (GTK_BOX (values), new_value_box (C_("change", "After"), after, FALSE));
      gtk_box_append (GTK_BOX (box), values);

      /* Translators: what a screen reader says for a change: field, section, old and new
       * value */
      accessible = g_strdup_printf (_("%s in %s: was %s, now %s"), heading,
                                    section ? section : "", was, now);
    }
  else
    {
      gboolean added = kind == CCP_CHANGE_ROW_ADDED;
      GtkWidget *icon = gtk_image_new_from_icon_name (added ? "list-add-symbolic"
                                                            : "list-remove-symbolic");
      const char *caption = added ? C_("activity", "Added") : C_("activity", "Removed");

      gtk_widget_add_css_class (icon, added ? "success" : "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (box), icon);
      label = gtk_label_new (caption);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, added ? "success" : "error");
      gtk_box_append (GTK_BOX (box), label);
      label = gtk_label_new (heading);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);

      accessible = added
                   /* Translators: what a screen reader says for an activity that is new */
                   ? g_strdup_printf (_("Activity added: %s"), heading)
                   /* Translators: what a screen reader says for an activity that is gone */
                   : g_strdup_printf (_("Activity removed: %s"), heading);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  /* Nothing to focus: the row says so by not being activatable. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row),
                                    self->activatable && path != NULL && *path != '\0');
  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path ? path : ""), g_free);
  g_object_set_data_full (G_OBJECT (row), "section", g_strdup (section ? section : ""), g_free);
  g_object_set_data_full (G_OBJECT (row), "heading", g_strdup (heading), g_free);
  g_object_set_data_full (G_OBJECT (row), "label", g_steal_pointer (&accessible), g_free);

  gtk_list_box_append (self->list_box, row);
  g_ptr_array_add (self->rows, row);
  update_summary (self);
  gtk_stack_set_visible_child_name (self->stack, "rows");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ROWS]);
}

void
ccp_change_list_set_subtitle (CcpChangeList *self,
                              const char    *subtitle)
{
  g_return_if_fail (CCP_IS_CHANGE_LIST (self));

  gtk_label_set_text (self->subtitle_label, subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle);
}

void
ccp_change_list_show_message (CcpChangeList *self,
                              const char    *icon_name,
                              const char    *title,
                              const char    *description)
{
  g_return_if_fail (CCP_IS_CHANGE_LIST (self));

  ccp_change_list_clear (self);
  adw_status_page_set_icon_name (self->message_page, icon_name);
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

void
ccp_change_list_set_activatable (CcpChangeList *self,
                                 gboolean       activatable)
{
  g_return_if_fail (CCP_IS_CHANGE_LIST (self));

  self->activatable = activatable;
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkListBoxRow *row = g_ptr_array_index (self->rows, i);
      const char *path = g_object_get_data (G_OBJECT (row), "path");

      gtk_list_box_row_set_activatable (row, activatable && path != NULL && *path != '\0');
    }
}

const char *
ccp_change_list_get_summary (CcpChangeList *self)
{
  g_return_val_if_fail (CCP_IS_CHANGE_LIST (self), "");

  return self->summary ? self->summary : "";
}

const char *
ccp_change_list_get_state (CcpChangeList *self)
{
  g_return_val_if_fail (CCP_IS_CHANGE_LIST (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

guint
ccp_change_list_get_n_rows (CcpChangeList *self)
{
  g_return_val_if_fail (CCP_IS_CHANGE_LIST (self), 0);

  return self->rows->len;
}

static const char *
row_data (CcpChangeList *self,
          guint          index,
          const char    *key)
{
  if (index >= self->rows->len)
    return NULL;
  return g_object_get_data (G_OBJECT (g_ptr_array_index (self->rows, index)), key);
}

const char *
ccp_change_list_get_path (CcpChangeList *self,
                          guint          index)
{
  g_return_val_if_fail (CCP_IS_CHANGE_LIST (self), NULL);

  return row_data (self, index, "path");
}

const char *
ccp_change_list_get_heading (CcpChangeList *self,
                             guint          index)
{
  g_return_val_if_fail (CCP_IS_CHANGE_LIST (self), NULL);

  return row_data (self, index, "heading");
}

const char *
ccp_change_list_get_label (CcpChangeList *self,
                           guint          index)
{
  g_return_val_if_fail (CCP_IS_CHANGE_LIST (self), NULL);

  return row_data (self, index, "label");
}

GtkWidget *
ccp_change_list_get_row (CcpChangeList *self,
                         guint          index)
{
  g_return_val_if_fail (CCP_IS_CHANGE_LIST (self), NULL);

  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

void
ccp_change_list_activate_row (CcpChangeList *self,
                              guint          index)
{
  g_return_if_fail (CCP_IS_CHANGE_LIST (self));

  if (index < self->rows->len)
    g_signal_emit_by_name (self->list_box, "row-activated", g_ptr_array_index (self->rows, index));
}
