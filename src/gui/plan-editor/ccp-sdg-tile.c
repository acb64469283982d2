#define G_LOG_DOMAIN "ccp-sdg-tile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-core.h"
#include "ccp-sdg-tile.h"

struct _CcpSdgTile
{
  GtkToggleButton  parent_instance;

  char            *code;

  GtkLabel        *number_label;
  GtkLabel        *name_label;
};

G_DEFINE_FINAL_TYPE (CcpSdgTile, ccp_sdg_tile, GTK_TYPE_TOGGLE_BUTTON)

enum {
  PROP_0,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* WCAG relative luminance of a colour, with gamma 2 for sRGB's curve: near enough to choose
 * between white and black text. */
static double
luminance (const GdkRGBA *colour)
{
  const float channels[] = { colour->red, colour->green, colour->blue };
  const double weights[] = { 0.2126, 0.7152, 0.0722 };
  double sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      sum += weights[i] * channels[i] * channels[i];
    }
  return sum;
}

/* The official colours come from the vocabulary: one style sheet for all tiles. A chosen goal
 * is its full colour, with white or near-black text, whichever contrasts more (white on the
 * yellow of SDG 7 could hardly be read); a goal not chosen is a pale tint of it with the
 * window's text colour, not a faded tile with faded white text. */
static void
ensure_colours (void)
{
  static gboolean done = FALSE;
  CcpVocabulary *vocabulary;
  const char * const *codes;
  g_autoptr(GString) css = g_string_new (NULL);
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (done || display == NULL)
    return;
  done = TRUE;

  vocabulary = ccp_vocabulary_get_default ();
  codes = ccp_vocabulary_get_codes (vocabulary, "sdg");
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *colour = ccp_vocabulary_get_color (vocabulary, "sdg", codes[i]);
      GdkRGBA rgba;
      double l;

      if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
        continue;
      l = luminance (&rgba);
      g_string_append_printf (css,
                              "button.sdg-tile.sdg-%s:checked { background-color: %s; "
                              "color: %s; }\n"
                              "button.sdg-tile.sdg-%s:not(:checked) { background-color: mix(%s, "
                              "@window_bg_color, 0.7); color: @window_fg_color; }\n",
                              codes[i], colour,
                              1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? "white" : "#1c1c1c",
                              codes[i], colour);
    }
  /* The theme's focus ring, a pale line inside the button, is lost on the strong colours:
   * a ring outside the tile, in the accent colour. */
  g_string_append (css, "button.sdg-tile:focus-visible { outline: 3px solid @accent_color; "
                        "outline-offset: 2px; }\n");

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, css->len);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
update_labels (CcpSdgTile *self)
{
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  const char *short_label;
  const char *label;
  g_autofree char *css_class = NULL;
  g_autofree char *accessible = NULL;

  if (self->code == NULL)
    return;

  short_label = ccp_vocabulary_get_short_label (vocabulary, "sdg", self->code);
  label = ccp_vocabulary_get_label (vocabulary, "sdg", self->code);

  gtk_label_set_text (self->number_label, self->code);
  gtk_label_set_text (self->name_label, short_label ? short_label : self->code);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), label);

  css_class = g_strdup_printf ("sdg-%s", self->code);
  gtk_widget_add_css_class (GTK_WIDGET (self), css_class);

  /* Translators: accessible name of a toggle tile, e.g. "SDG 11: Sustainable cities and communities" */
  accessible = g_strdup_printf (_("SDG %s: %s"), self->code, label ? label : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* In a GtkFlowBox each tile sits in a GtkFlowBoxChild, which takes a Tab stop of its own that
 * shows no focus ring and does not toggle with Space or Enter: let the child pass the focus
 * straight to the tile, so that the tile is the one stop. */
static void
parent_changed_cb (CcpSdgTile *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (GTK_IS_FLOW_BOX_CHILD (parent))
    gtk_widget_set_focusable (parent, FALSE);
}

static void
ccp_sdg_tile_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CcpSdgTile *self = CCP_SDG_TILE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_sdg_tile_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CcpSdgTile *self = CCP_SDG_TILE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_free (self->code);
      self->code = g_value_dup_string (value);
      update_labels (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_sdg_tile_finalize (GObject *object)
{
  CcpSdgTile *self = CCP_SDG_TILE (object);

  g_free (self->code);

  G_OBJECT_CLASS (ccp_sdg_tile_parent_class)->finalize (object);
}

static void
ccp_sdg_tile_class_init (CcpSdgTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ccp_sdg_tile_get_property;
  object_class->set_property = ccp_sdg_tile_set_property;
  object_class->finalize = ccp_sdg_tile_finalize;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/creativecities/Plans/ccp-sdg-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, CcpSdgTile, number_label);
  gtk_widget_class_bind_template_child (widget_class, CcpSdgTile, name_label);
}

static void
ccp_sdg_tile_init (CcpSdgTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_colours ();
  g_signal_connect (self, "notify::parent", G_CALLBACK (parent_changed_cb), NULL);
}

GtkWidget *
ccp_sdg_tile_new (const char *code)
{
  return g_object_new (CCP_TYPE_SDG_TILE, "code", code, NULL);
}

const char *
ccp_sdg_tile_get_code (CcpSdgTile *self)
{
  g_return_val_if_fail (CCP_IS_SDG_TILE (self), NULL);

  return self->code;
}
