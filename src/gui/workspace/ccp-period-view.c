#define G_LOG_DOMAIN "ccp-period-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-busy-read.h"
#include "ccp-document.h"
#include "ccp-file-filter.h"
#include "ccp-markup.h"
#include "ccp-period-view.h"

struct _CcpPeriodView
{
  AdwBin            parent_instance;

  CcpFieldPlan     *current;
  GObject          *previous;
  char             *previous_name;
  CcpPeriodCompare *compare;
  CcpBusyRead       read;

  GtkLabel         *source_label;
  GtkStack         *stack;
  AdwStatusPage    *message_page;
  GtkLabel         *totals_label;
  GtkListBox       *cities;
  CcpCompareChart  *charts[CCP_COMPARE_N_DIMENSIONS];
};

G_DEFINE_FINAL_TYPE (CcpPeriodView, ccp_period_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListModel *
activities_of (GObject *document)
{
  if (CCP_IS_PLAN (document))
    return G_LIST_MODEL (ccp_plan_get_activities (CCP_PLAN (document)));
  if (CCP_IS_FIELD_PLAN (document))
    return G_LIST_MODEL (ccp_field_plan_get_activities (CCP_FIELD_PLAN (document)));
  return NULL;
}

/* Identifier -> title of a plan's activities, for the per-city lists. */
static GHashTable *
titles_of (GObject *document)
{
  GHashTable *titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GListModel *activities = activities_of (document);

  for (guint i = 0; activities != NULL && i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

      if (!g_hash_table_contains (titles, ccp_activity_get_id (activity)))
        g_hash_table_insert (titles, g_strdup (ccp_activity_get_id (activity)),
                             g_strdup (ccp_activity_get_title (activity)));
    }
  return titles;
}

static const char *
dimension_title (CcpCompareDimension dimension)
{
  switch (dimension)
    {
    case CCP_COMPARE_OBJECTIVE:
      return _("Activities per objective");
    case CCP_COMPARE_AREA:
      return _("Activities per area of action");
    case CCP_COMPARE_SDG:
      return _("Activities per Sustainable Development Goal");
    case CCP_COMPARE_KIND:
    case CCP_COMPARE_N_DIMENSIONS:
    default:
      return _("Activities per kind");
    }
}

static void
add_activity_rows (AdwExpanderRow *expander,
                   GPtrArray      *ids,
                   GHashTable     *titles,
                   const char     *caption,
                   const char     *css_class)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *title = g_hash_table_lookup (titles, id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *tag = gtk_label_new (caption);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title && *title ? title : id);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), id);
      gtk_widget_add_css_class (tag, "caption-heading");
      gtk_widget_add_css_class (tag, css_class);
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), tag);
      adw_expander_row_add_row (expander, row);
    }
}

static char *
city_counts (guint n_new,
             guint n_continued,
             guint n_dropped)
{
  g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new",
                                                     n_new), n_new);
  g_autofree char *b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u continued",
                                                     "%u continued", n_continued), n_continued);
  g_autofree char *c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dropped",
                                                     "%u dropped", n_dropped), n_dropped);

  /* Translators: activities of a city this period: "2 new, 3 continued, 1 dropped" */
  return g_strdup_printf (_("%s, %s, %s"), a, b, c);
}

static void
fill_cities (CcpPeriodView *self)
{
  g_autoptr(GHashTable) current_titles = titles_of (G_OBJECT (self->current));
  g_autoptr(GHashTable) previous_titles = titles_of (self->previous);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cities))) != NULL)
    gtk_list_box_remove (self->cities, child);

  for (guint i = 0; i < ccp_period_compare_get_n_cities (self->compare); i++)
    {
      const CcpPeriodCity *city = ccp_period_compare_get_city (self->compare, i);
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *name = ccp_bidi_isolate (city->city);
      g_autofree char *title = *city->country
                               ? g_strdup_printf (_("%s (%s)"), name, city->country)
                               : g_strdup (name);
      g_autofree char *subtitle = city_counts (city->new_ids->len, city->continued_ids->len,
                                               city->dropped_ids->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      /* Translators: a tag before an activity that is new this period */
      add_activity_rows (ADW_EXPANDER_ROW (expander), city->new_ids, current_titles,
                         C_("period", "New"), "success");
      /* Translators: a tag before an activity that continues one of the previous period */
      add_activity_rows (ADW_EXPANDER_ROW (expander), city->continued_ids, current_titles,
                         C_("period", "Continued"), "accent");
      /* Translators: a tag before an activity of the previous period not continued */
      add_activity_rows (ADW_EXPANDER_ROW (expander), city->dropped_ids, previous_titles,
                         C_("period", "Dropped"), "warning");
      gtk_list_box_append (self->cities, expander);
    }
}

static void
fill_charts (CcpPeriodView *self)
{
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  const char *series[2] = {
    ccp_period_compare_get_previous_period (self->compare),
    ccp_period_compare_get_current_period (self->compare),
  };
  g_autofree char *previous_name = NULL;
  g_autofree char *current_name = NULL;

  g_autofree char *previous_period = ccp_bidi_isolate (series[0] ? series[0] : "");
  g_autofree char *current_period = ccp_bidi_isolate (series[1] ? series[1] : "");

  /* Translators: the series of a chart: the previous period, e.g. "2026-H2 (previous)" */
  previous_name = g_strdup_printf (_("%s (previous)"), previous_period);
  /* Translators: the series of a chart: the current period, e.g. "2027-H1 (current)" */
  current_name = g_strdup_printf (_("%s (current)"), current_period);
  series[0] = previous_name;
  series[1] = current_name;

  for (guint d = 0; d < CCP_COMPARE_N_DIMENSIONS; d++)
    {
      GPtrArray *counts = ccp_period_compare_get_counts (self->compare, d);
      const char *name = ccp_compare_dimension_to_code (d);

      ccp_compare_chart_set_series (self->charts[d], series, 2, FALSE);
      for (guint i = 0; counts != NULL && i < counts->len; i++)
        {
          const CcpPeriodCount *count = g_ptr_array_index (counts, i);
          const char *label = vocabulary ? ccp_vocabulary_get_short_label (vocabulary, name,
                                                                           count->code)
                                         : NULL;
          double values[2] = { count->previous, count->current };

          ccp_compare_chart_add_row (self->charts[d], label ? label : count->code, values);
        }
    }
}

static void
show_message (CcpPeriodView *self,
              const char    *title,
              const char    *description)
{
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
update (CcpPeriodView *self)
{
  g_clear_object (&self->compare);

  if (self->previous == NULL || self->current == NULL)
    {
      gtk_label_set_text (self->source_label, _("No previous period opened."));
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  {
    g_autofree char *name = ccp_bidi_isolate (self->previous_name);
    /* Translators: which file the current field plan is compared with */
    g_autofree char *text = g_strdup_printf (_("Compared with %s"), name);

    gtk_label_set_text (self->source_label, text);
  }

  self->compare = ccp_period_compare_new (self->previous, G_OBJECT (self->current));
  if (g_strcmp0 (ccp_period_compare_get_previous_period (self->compare),
                 ccp_period_compare_get_current_period (self->compare)) == 0)
    {
      show_message (self, _("Same Period"),
                    _("This file is of the same period as the field plan. Open the field plan "
                      "of the period before."));
      return;
    }

  {
    guint n_new = ccp_period_compare_get_n_new (self->compare);
    guint n_continued = ccp_period_compare_get_n_continued (self->compare);
    guint n_dropped = ccp_period_compare_get_n_dropped (self->compare);
    g_autofree char *counts = city_counts (n_new, n_continued, n_dropped);
    g_autofree char *text = NULL;

    /* Translators: totals of the period comparison: activities then and now, then "2 new,
     * 3 continued, 1 dropped" */
    text = g_strdup_printf (_("%u activities then, %u now: %s"),
                            ccp_period_compare_get_n_previous (self->compare),
                            ccp_period_compare_get_n_current (self->compare), counts);
    gtk_label_set_text (self->totals_label, text);
  }
  fill_cities (self);
  fill_charts (self);
  gtk_stack_set_visible_child_name (self->stack, "comparison");
}

static void
open_clicked_cb (GtkButton     *button,
                 CcpPeriodView *self)
{
  ccp_period_view_choose (self);
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
ccp_period_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CcpPeriodView *self = CCP_PERIOD_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, ccp_busy_read_get_busy (&self->read));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_period_view_dispose (GObject *object)
{
  CcpPeriodView *self = CCP_PERIOD_VIEW (object);

  ccp_busy_read_clear (&self->read);
  g_clear_object (&self->current);
  g_clear_object (&self->previous);
  g_clear_object (&self->compare);

  G_OBJECT_CLASS (ccp_period_view_parent_class)->dispose (object);
}

static void
ccp_period_view_finalize (GObject *object)
{
  CcpPeriodView *self = CCP_PERIOD_VIEW (object);

  g_free (self->previous_name);

  G_OBJECT_CLASS (ccp_period_view_parent_class)->finalize (object);
}

static void
ccp_period_view_class_init (CcpPeriodViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ccp_period_view_get_property;
  object_class->dispose = ccp_period_view_dispose;
  object_class->finalize = ccp_period_view_finalize;

  properties[PROP_BUSY] = ccp_busy_read_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static GtkWidget *
new_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 18);
  return label;
}

static void
ccp_period_view_init (CcpPeriodView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open Previous Period…"));
  GtkWidget *none, *scrolled, *clamp, *content;

  ccp_busy_read_init (&self->read, G_OBJECT (self), properties[PROP_BUSY]);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  self->source_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->source_label, 0.0);
  gtk_label_set_ellipsize (self->source_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->source_label), TRUE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->source_label));
  gtk_widget_set_tooltip_text (button, _("Open the field plan of the previous period to set it "
                                         "beside this one"));
  g_signal_connect (button, "clicked", G_CALLBACK (open_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), button);
  gtk_box_append (GTK_BOX (box), bar);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  none = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "document-open-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("Compare with the Previous Period"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none),
                                   _("Open the previous period’s field plan to see, city by "
                                     "city, which activities are new, continued or dropped, "
                                     "and the counts of both periods side by side."));
  gtk_stack_add_named (self->stack, none, "none");
  self->message_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->message_page, "dialog-warning-symbolic");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->message_page), "message");

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_bottom (content, 24);
  self->totals_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->totals_label, 0.0);
  gtk_label_set_wrap (self->totals_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->totals_label), "title-4");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->totals_label));

  gtk_box_append (GTK_BOX (content), new_heading (_("Activities per City")));
  self->cities = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->cities, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->cities), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cities), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Activities per city: new, continued and dropped"), -1);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->cities));

  for (guint d = 0; d < CCP_COMPARE_N_DIMENSIONS; d++)
    {
      GtkWidget *heading = new_heading (dimension_title (d));

      self->charts[d] = CCP_COMPARE_CHART (ccp_compare_chart_new (dimension_title (d)));
      ccp_compare_chart_set_then_now (self->charts[d], TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->charts[d]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
      gtk_box_append (GTK_BOX (content), heading);
      gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->charts[d]));
    }
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "comparison");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  adw_bin_set_child (ADW_BIN (self), box);
  update (self);
}

GtkWidget *
ccp_period_view_new (void)
{
  return g_object_new (CCP_TYPE_PERIOD_VIEW, NULL);
}

void
ccp_period_view_set_current (CcpPeriodView *self,
                             CcpFieldPlan  *current)
{
  g_return_if_fail (CCP_IS_PERIOD_VIEW (self));
  g_return_if_fail (current == NULL || CCP_IS_FIELD_PLAN (current));

  g_set_object (&self->current, current);
  update (self);
}

void
ccp_period_view_set_previous (CcpPeriodView *self,
                              GObject       *previous,
                              const char    *name)
{
  g_return_if_fail (CCP_IS_PERIOD_VIEW (self));
  g_return_if_fail (previous == NULL || CCP_IS_PLAN (previous) || CCP_IS_FIELD_PLAN (previous));

  g_set_object (&self->previous, previous);
  g_free (self->previous_name);
  self->previous_name = g_strdup (name ? name : "");
  update (self);
}

static void
previous_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CcpPeriodView) self = user_data;
  CcpDocument *document = CCP_DOCUMENT (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (ccp_document_get_file (document));

  /* The document's load is a GTask with the read's cancellable. */
  if (!ccp_busy_read_finish (&self->read, g_task_get_cancellable (G_TASK (result))))
    return;
  if (!ccp_document_load_finish (document, result, NULL, &error))
    {
      g_autofree char *isolated = ccp_bidi_isolate (name);
      /* Translators: heading when the previous period's file cannot be read */
      g_autofree char *heading = g_strdup_printf (_("Cannot Read “%s”"), isolated);

      show_message (self, heading, error->message);
      return;
    }
  ccp_period_view_set_previous (self, ccp_document_get_model (document), name);
}

void
ccp_period_view_open_file (CcpPeriodView *self,
                           GFile         *file)
{
  g_autoptr(CcpDocument) document = NULL;

  g_return_if_fail (CCP_IS_PERIOD_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  document = ccp_document_new (file, NULL);
  ccp_document_load_async (document, ccp_busy_read_start (&self->read), previous_read_cb,
                           g_object_ref (self));
}

static void
choose_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    CcpPeriodView   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        ccp_period_view_open_file (self, file);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

void
ccp_period_view_choose (CcpPeriodView *self)
{
  GtkRoot *root;
  GtkFileChooserNative *dialog;

  g_return_if_fail (CCP_IS_PERIOD_VIEW (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = gtk_file_chooser_native_new (_("Open the Field Plan of the Previous Period"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), ccp_plan_file_filter_new ());
  g_signal_connect (dialog, "response", G_CALLBACK (choose_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

gboolean
ccp_period_view_get_busy (CcpPeriodView *self)
{
  g_return_val_if_fail (CCP_IS_PERIOD_VIEW (self), FALSE);

  return ccp_busy_read_get_busy (&self->read);
}

CcpPeriodCompare *
ccp_period_view_get_compare (CcpPeriodView *self)
{
  g_return_val_if_fail (CCP_IS_PERIOD_VIEW (self), NULL);

  return self->compare;
}

CcpCompareChart *
ccp_period_view_get_chart (CcpPeriodView       *self,
                           CcpCompareDimension  dimension)
{
  g_return_val_if_fail (CCP_IS_PERIOD_VIEW (self), NULL);
  g_return_val_if_fail (dimension < CCP_COMPARE_N_DIMENSIONS, NULL);

  return self->charts[dimension];
}

GtkListBox *
ccp_period_view_get_cities (CcpPeriodView *self)
{
  g_return_val_if_fail (CCP_IS_PERIOD_VIEW (self), NULL);

  return self->cities;
}

const char *
ccp_period_view_get_state (CcpPeriodView *self)
{
  g_return_val_if_fail (CCP_IS_PERIOD_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
