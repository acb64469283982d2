#define G_LOG_DOMAIN "ccp-city-entry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-city-entry.h"

#define MAX_QUERY_RESULTS_HEIGHT 260

struct _CcpCityEntry
{
  AdwEntryRow          parent_instance;

  GtkPopover          *popover;
  GtkListView         *list_view;
  GtkSingleSelection  *selection;
  GtkFilterListModel  *filtered;
  GtkCustomFilter     *filter;
  char                *query_key;
  gboolean             choosing;
  /* Waits for the entry to be placed before the popover shows (see show_suggestions). */
  guint                waiting_id;
  gint64               waiting_since;
};

G_DEFINE_FINAL_TYPE (CcpCityEntry, ccp_city_entry, ADW_TYPE_ENTRY_ROW)

enum {
  CITY_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void hide_suggestions (CcpCityEntry *self);
static void show_suggestions (CcpCityEntry *self);

static gboolean
city_matches (gpointer item,
              gpointer user_data)
{
  CcpCityEntry *self = user_data;
  CcpMemberCity *city = item;
  g_autofree char *key = NULL;
  const char * const *aliases;

  if (self->query_key == NULL || *self->query_key == '\0')
    return FALSE;

  key = ccp_city_name_key (ccp_member_city_get_name (city));
  if (strstr (key, self->query_key) != NULL)
    return TRUE;

  aliases = ccp_member_city_get_aliases (city);
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      g_autofree char *alias_key = ccp_city_name_key (aliases[i]);

      if (g_str_has_prefix (alias_key, self->query_key))
        return TRUE;
    }

  return FALSE;
}

static void
choose_city (CcpCityEntry  *self,
             CcpMemberCity *city)
{
  self->choosing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), ccp_member_city_get_name (city));
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
  self->choosing = FALSE;
  hide_suggestions (self);
  g_signal_emit (self, signals[CITY_CHOSEN], 0, city);
}

void
ccp_city_entry_choose (CcpCityEntry *self,
                       guint         position)
{
  g_autoptr(CcpMemberCity) city = NULL;

  g_return_if_fail (CCP_IS_CITY_ENTRY (self));

  city = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (city != NULL)
    choose_city (self, city);
}

guint
ccp_city_entry_get_n_suggestions (CcpCityEntry *self)
{
  g_return_val_if_fail (CCP_IS_CITY_ENTRY (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

gboolean
ccp_city_entry_get_suggestions_shown (CcpCityEntry *self)
{
  g_return_val_if_fail (CCP_IS_CITY_ENTRY (self), FALSE);

  return gtk_widget_get_mapped (GTK_WIDGET (self->popover));
}

static void
list_activate_cb (GtkListView  *list_view,
                  guint         position,
                  CcpCityEntry *self)
{
  ccp_city_entry_choose (self, position);
}

/* Wide enough for "Katowice (Poland) · Music" where the entry is narrower. */
#define MIN_SUGGESTIONS_WIDTH 280

#define PLACEMENT_WAIT_USEC (2 * G_USEC_PER_SEC)

static void
stop_waiting (CcpCityEntry *self)
{
  if (self->waiting_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->waiting_id);
      self->waiting_id = 0;
    }
}

/* GTK 4.8 places a popover on the monitor under its anchor, and fails a critical
 * (gdk_monitor_get_geometry on NULL) when there is none: that happens while the entry is
 * scrolled out of its window (a new partner row far down the page, before the view scrolls to
 * the focus) or while the window has no monitor yet (just mapped under Xvfb). */
static gboolean
is_placed (CcpCityEntry *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GdkSurface *surface;
  graphene_rect_t bounds, window;
  double dx, dy;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || native == NULL)
    return FALSE;
  surface = gtk_native_get_surface (native);
  if (surface == NULL ||
      gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface) == NULL)
    return FALSE;
  if (!gtk_widget_compute_bounds (GTK_WIDGET (self), GTK_WIDGET (native), &bounds))
    return FALSE;
  gtk_native_get_surface_transform (native, &dx, &dy);
  graphene_rect_offset (&bounds, dx, dy);
  graphene_rect_init (&window, 0, 0, gdk_surface_get_width (surface),
                      gdk_surface_get_height (surface));
  return graphene_rect_contains_rect (&window, &bounds);
}

/* As wide as the entry (at least MIN_SUGGESTIONS_WIDTH), set on the popover's child: the
 * ellipsizing labels alone ask for one character, and the popover showed only "…". */
static void
popup_suggestions (CcpCityEntry *self)
{
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (self)) - 24, MIN_SUGGESTIONS_WIDTH);

  gtk_widget_set_size_request (gtk_popover_get_child (self->popover), width, -1);
  gtk_popover_popup (self->popover);
}

static gboolean
wait_for_placement_cb (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  CcpCityEntry *self = CCP_CITY_ENTRY (widget);
  gboolean focused = (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;

  if (focused && !is_placed (self) &&
      gdk_frame_clock_get_frame_time (frame_clock) - self->waiting_since < PLACEMENT_WAIT_USEC)
    return G_SOURCE_CONTINUE;

  self->waiting_id = 0;
  if (focused && is_placed (self))
    popup_suggestions (self);
  return G_SOURCE_REMOVE;
}

/* Pops the suggestions up now if the entry is on screen, else on the first frame where it is
 * (the view scrolls to the focused entry); gives up after a while. */
static void
show_suggestions (CcpCityEntry *self)
{
  stop_waiting (self);
  if (is_placed (self))
    {
      popup_suggestions (self);
      return;
    }
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->waiting_since = g_get_monotonic_time ();
  self->waiting_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), wait_for_placement_cb,
                                                   NULL, NULL);
}

static void
hide_suggestions (CcpCityEntry *self)
{
  stop_waiting (self);
  gtk_popover_popdown (self->popover);
}

static void
text_changed_cb (GtkEditable  *editable,
                 CcpCityEntry *self)
{
  const char *text = gtk_editable_get_text (editable);
  gboolean focused;
  guint n;

  g_free (self->query_key);
  self->query_key = ccp_city_name_key (text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  focused = (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;

  /* Only suggest while the person types, not when the model fills the entry. */
  if (!self->choosing && focused && n > 0 && g_utf8_strlen (text, -1) >= 2)
    {
      /* An exact match with a single suggestion needs no popup. */
      if (n == 1)
        {
          g_autoptr(CcpMemberCity) only = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

          if (g_strcmp0 (ccp_member_city_get_name (only), text) == 0)
            {
              hide_suggestions (self);
              return;
            }
        }
      gtk_single_selection_set_selected (self->selection, 0);
      show_suggestions (self);
    }
  else
    hide_suggestions (self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CcpCityEntry          *self)
{
  guint n, selected;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      /* With no suggestion shown, Up and Down move to the previous or next input as in the
       * rest of the form (the boxed list has no cursor on a row whose entry has the focus, so
       * it would not move). */
      if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down ||
           keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) &&
          (state & gtk_accelerator_get_default_mod_mask ()) == 0 && GTK_IS_WINDOW (root))
        {
          g_signal_emit_by_name (root, "move-focus",
                                 keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down ?
                                 GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD);
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  selected = gtk_single_selection_get_selected (self->selection);

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (n > 0)
        {
          selected = selected == GTK_INVALID_LIST_POSITION ? 0 : MIN (selected + 1, n - 1);
          gtk_single_selection_set_selected (self->selection, selected);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                      selected);
        }
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (n > 0 && selected != GTK_INVALID_LIST_POSITION && selected > 0)
        {
          gtk_single_selection_set_selected (self->selection, selected - 1);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                      selected - 1);
        }
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (selected != GTK_INVALID_LIST_POSITION)
        {
          ccp_city_entry_choose (self, selected);
          return GDK_EVENT_STOP;
        }
      break;
    case GDK_KEY_Escape:
      hide_suggestions (self);
      return GDK_EVENT_STOP;
    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  CcpMemberCity *city = gtk_list_item_get_item (item);
  const char *country = ccp_iso_codes_get_country_name (ccp_iso_codes_get_default (),
                                                        ccp_member_city_get_country (city));
  const char *field = ccp_vocabulary_get_label (ccp_vocabulary_get_default (), "field",
                                                ccp_member_city_get_field (city));
  g_autofree char *text = NULL;

  /* Translators: a suggested member city: name, country and creative field,
   * e.g. "Bologna (Italy) · Music" */
  text = g_strdup_printf (_("%s (%s) · %s"), ccp_member_city_get_name (city),
                          country ? country : ccp_member_city_get_country (city),
                          field ? field : ccp_member_city_get_field (city));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
ccp_city_entry_dispose (GObject *object)
{
  CcpCityEntry *self = CCP_CITY_ENTRY (object);

  stop_waiting (self);
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (ccp_city_entry_parent_class)->dispose (object);
}

static void
ccp_city_entry_finalize (GObject *object)
{
  CcpCityEntry *self = CCP_CITY_ENTRY (object);

  g_free (self->query_key);

  G_OBJECT_CLASS (ccp_city_entry_parent_class)->finalize (object);
}

static void
ccp_city_entry_class_init (CcpCityEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ccp_city_entry_dispose;
  object_class->finalize = ccp_city_entry_finalize;

  signals[CITY_CHOSEN] = g_signal_new ("city-chosen", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, CCP_TYPE_MEMBER_CITY);
}

static void
ccp_city_entry_init (CcpCityEntry *self)
{
  GListModel *cities = ccp_registry_get_cities (ccp_registry_get_default ());
  GtkListItemFactory *factory;
  GtkWidget *scrolled;
  GtkEventController *keys;

  self->filter = gtk_custom_filter_new (city_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (cities),
                                              GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                      factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "city-suggestions");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Member cities"),
                                  -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                              MAX_QUERY_RESULTS_HEIGHT);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_autohide (self->popover, FALSE);
  gtk_popover_set_has_arrow (self->popover, FALSE);
  gtk_popover_set_position (self->popover, GTK_POS_BOTTOM);
  gtk_widget_set_halign (GTK_WIDGET (self->popover), GTK_ALIGN_START);
  gtk_widget_set_can_focus (GTK_WIDGET (self->popover), FALSE);
  gtk_popover_set_child (self->popover, scrolled);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));

  g_signal_connect (self, "changed", G_CALLBACK (text_changed_cb), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
ccp_city_entry_new (void)
{
  return g_object_new (CCP_TYPE_CITY_ENTRY, NULL);
}
