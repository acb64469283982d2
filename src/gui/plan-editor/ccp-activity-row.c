#define G_LOG_DOMAIN "ccp-activity-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-activity-row.h"
#include "ccp-format.h"

struct _CcpActivityRow
{
  AdwBin          parent_instance;

  CcpActivity    *activity;
  gulong          changed_id;

  GtkInscription *title_label;
  GtkInscription *details_label;
  GtkLabel       *badge_label;
  GtkImage       *flagship_image;
};

G_DEFINE_FINAL_TYPE (CcpActivityRow, ccp_activity_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GtkLabel puts a line at the start of the row, whatever its script; GtkInscription aligns
 * within the text's own direction (an English title in an Arabic window would sit left).
 * The alignment is flipped where the text's direction differs from the row's. */
static gboolean
is_rtl_script (GUnicodeScript script)
{
  switch (script)
    {
    case G_UNICODE_SCRIPT_ARABIC:
    case G_UNICODE_SCRIPT_HEBREW:
    case G_UNICODE_SCRIPT_SYRIAC:
    case G_UNICODE_SCRIPT_THAANA:
    case G_UNICODE_SCRIPT_NKO:
    case G_UNICODE_SCRIPT_SAMARITAN:
    case G_UNICODE_SCRIPT_MANDAIC:
    case G_UNICODE_SCRIPT_ADLAM:
    case G_UNICODE_SCRIPT_HANIFI_ROHINGYA:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The direction of the first letter (pango_find_base_dir() is deprecated); a text without
 * letters (dates, numbers) takes the row's. */
static gboolean
text_is_rtl (const char *text,
             gboolean    fallback)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        return is_rtl_script (g_unichar_get_script (c));
    }

  return fallback;
}

static void
set_text_at_start (CcpActivityRow *self,
                   GtkInscription *inscription,
                   const char     *text)
{
  gboolean rtl_row = gtk_widget_get_direction (GTK_WIDGET (inscription)) == GTK_TEXT_DIR_RTL;
  gboolean rtl_text = text_is_rtl (text, rtl_row);

  gtk_inscription_set_xalign (inscription, rtl_text == rtl_row ? 0.0f : 1.0f);
  gtk_inscription_set_text (inscription, text);
}

static void
update (CcpActivityRow *self)
{
  const char *title, *start, *end, *kind;
  const char *kind_label = NULL;
  g_autoptr(GString) details = g_string_new (NULL);

  if (self->activity == NULL)
    return;

  title = ccp_activity_get_title (self->activity);
  start = ccp_activity_get_start_date (self->activity);
  end = ccp_activity_get_end_date (self->activity);
  kind = ccp_activity_get_kind (self->activity);

  /* Translators: the list shows this for an activity that has no title yet */
  set_text_at_start (self, self->title_label, *title ? title : _("Untitled activity"));
  if (*title)
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");

  if (*start && *end && g_strcmp0 (start, end) != 0)
    {
      g_autofree char *first = ccp_format_date (start);
      g_autofree char *last = ccp_format_date (end);

      /* Translators: a date range in the activity list: start date – end date */
      g_string_append_printf (details, _("%s – %s"), first, last);
    }
  else if (*start)
    {
      g_autofree char *day = ccp_format_date (start);

      g_string_append (details, day);
    }

  if (*kind)
    kind_label = ccp_vocabulary_get_label (ccp_vocabulary_get_default (), "kind", kind);
  if (kind_label != NULL)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, kind_label);
    }
  if (details->len == 0)
    /* Translators: the list shows this for an activity with neither dates nor kind */
    g_string_append (details, _("No dates yet"));

  set_text_at_start (self, self->details_label, details->str);
  gtk_widget_set_visible (GTK_WIDGET (self->flagship_image),
                          ccp_activity_get_flagship (self->activity));
}

static void
activity_changed_cb (CcpActivity    *activity,
                     CcpActivityRow *self)
{
  update (self);
}

static void
ccp_activity_row_direction_changed (GtkWidget        *widget,
                                    GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (ccp_activity_row_parent_class)->direction_changed (widget, previous);
  update (CCP_ACTIVITY_ROW (widget));
}

static void
ccp_activity_row_dispose (GObject *object)
{
  CcpActivityRow *self = CCP_ACTIVITY_ROW (object);

  ccp_activity_row_set_activity (self, NULL);

  G_OBJECT_CLASS (ccp_activity_row_parent_class)->dispose (object);
}

static void
ccp_activity_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CcpActivityRow *self = CCP_ACTIVITY_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTIVITY:
      g_value_set_object (value, self->activity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_activity_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CcpActivityRow *self = CCP_ACTIVITY_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTIVITY:
      ccp_activity_row_set_activity (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_activity_row_class_init (CcpActivityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ccp_activity_row_dispose;
  object_class->get_property = ccp_activity_row_get_property;
  object_class->set_property = ccp_activity_row_set_property;
  widget_class->direction_changed = ccp_activity_row_direction_changed;

  properties[PROP_ACTIVITY] =
    g_param_spec_object ("activity", NULL, NULL, CCP_TYPE_ACTIVITY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/creativecities/Plans/ccp-activity-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CcpActivityRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CcpActivityRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, CcpActivityRow, badge_label);
  gtk_widget_class_bind_template_child (widget_class, CcpActivityRow, flagship_image);
}

static void
ccp_activity_row_init (CcpActivityRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ccp_activity_row_new (void)
{
  return g_object_new (CCP_TYPE_ACTIVITY_ROW, NULL);
}

CcpActivity *
ccp_activity_row_get_activity (CcpActivityRow *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_ROW (self), NULL);

  return self->activity;
}

void
ccp_activity_row_set_activity (CcpActivityRow *self,
                               CcpActivity    *activity)
{
  g_return_if_fail (CCP_IS_ACTIVITY_ROW (self));
  g_return_if_fail (activity == NULL || CCP_IS_ACTIVITY (activity));

  if (self->activity == activity)
    return;

  if (self->activity != NULL)
    g_clear_signal_handler (&self->changed_id, self->activity);
  g_set_object (&self->activity, activity);
  if (activity != NULL)
    {
      self->changed_id = g_signal_connect (activity, "changed",
                                           G_CALLBACK (activity_changed_cb), self);
      update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVITY]);
}

void
ccp_activity_row_set_issues (CcpActivityRow *self,
                             guint           n_errors,
                             guint           n_warnings)
{
  GtkWidget *badge;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (CCP_IS_ACTIVITY_ROW (self));

  badge = GTK_WIDGET (self->badge_label);
  gtk_widget_remove_css_class (badge, "error");
  gtk_widget_remove_css_class (badge, "warning");

  if (n_errors > 0)
    {
      text = g_strdup_printf ("%u", n_errors);
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors",
                                                  n_errors), n_errors);
      gtk_widget_add_css_class (badge, "error");
    }
  else if (n_warnings > 0)
    {
      text = g_strdup_printf ("%u", n_warnings);
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                  n_warnings), n_warnings);
      gtk_widget_add_css_class (badge, "warning");
    }

  gtk_label_set_text (self->badge_label, text ? text : "");
  gtk_widget_set_visible (badge, text != NULL);
  gtk_widget_set_tooltip_text (badge, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : "",
                                  -1);
}

const char *
ccp_activity_row_get_badge (CcpActivityRow *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_ROW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->badge_label)))
    return "";
  return gtk_label_get_text (self->badge_label);
}
