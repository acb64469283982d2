#define G_LOG_DOMAIN "ccp-revisions-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-busy-read.h"
#include "ccp-change-list-diff.h"
#include "ccp-markup.h"
#include "ccp-revisions-view.h"

typedef struct {
  CcpSource *older;
  CcpSource *newer;
} Pair;

struct _CcpRevisionsView
{
  AdwBin         parent_instance;

  GPtrArray     *pairs;      /* Pair */
  GHashTable    *files;
  GFile         *folder;
  GtkListBox    *list_box;
  GtkLabel      *title_label;     /* "Changes since the plan was returned on …" */
  GtkWidget     *comments_pane;   /* the comments of the return, and which were addressed */
  GtkLabel      *comments_summary;
  GtkListBox    *comments_list;
  CcpChangeList *change_list;
  CcpBusyRead    read;
  gboolean       filling;
};

G_DEFINE_FINAL_TYPE (CcpRevisionsView, ccp_revisions_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pair_free (gpointer data)
{
  Pair *pair = data;

  g_clear_object (&pair->older);
  g_clear_object (&pair->newer);
  g_free (pair);
}

/* --- Reading both revisions ---------------------------------------------------------------- */

typedef struct {
  GFile   *file;         /* NULL: not at hand */
  char    *name;         /* as recorded */
  char    *sha256;       /* as recorded */
  guint    revision;
  GObject *document;     /* read */
  char    *problem;      /* why it cannot be compared, translated */
} Side;

typedef struct {
  Side older;
  Side newer;
} Job;

static void
side_clear (Side *side)
{
  g_clear_object (&side->file);
  g_free (side->name);
  g_free (side->sha256);
  g_clear_object (&side->document);
  g_free (side->problem);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  side_clear (&job->older);
  side_clear (&job->newer);
  g_free (job);
}

static void
read_side (Side         *side,
           GCancellable *cancellable)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *name = ccp_bidi_isolate (side->name);

  if (side->file == NULL)
    return;
  side->document = ccp_reader_read_file (side->file, &bytes, NULL, NULL, cancellable, &error);
  if (side->document == NULL)
    {
      /* Translators: a revision's file cannot be read: file name, reason */
      side->problem = g_strdup_printf (_("%s cannot be read: %s"), name,
                                       error ? error->message : "");
      return;
    }
  sha256 = bytes ? ccp_bytes_sha256 (bytes) : NULL;
  if (*side->sha256 != '\0' && g_strcmp0 (sha256, side->sha256) != 0)
    {
      g_clear_object (&side->document);
      side->problem = g_strdup_printf (_("%s is no longer the file that was merged: its content "
                                         "changed since (its SHA-256 differs)."), name);
    }
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;

  read_side (&job->older, cancellable);
  read_side (&job->newer, cancellable);
  g_task_return_boolean (task, TRUE);
}

static void
fill_side (CcpRevisionsView *self,
           Side             *side,
           CcpSource        *source)
{
  const char *sha256 = ccp_source_get_sha256 (source);
  GFile *file = *sha256 ? g_hash_table_lookup (self->files, sha256) : NULL;

  side->name = g_strdup (ccp_source_get_file (source));
  side->sha256 = g_strdup (sha256);
  side->revision = ccp_source_get_revision (source);
  if (file != NULL)
    side->file = g_object_ref (file);
  else if (self->folder != NULL && *side->name != '\0')
    {
      /* The name is recorded as a basename; never a path out of the folder. */
      g_autofree char *base = g_path_get_basename (side->name);
      g_autoptr(GFile) beside = g_file_get_child (self->folder, base);

      if (g_file_query_exists (beside, NULL))
        side->file = g_steal_pointer (&beside);
    }
}

static char *
describe_missing (CcpRevisionsView *self,
                  Side             *side)
{
  g_autofree char *name = ccp_bidi_isolate (side->name);

  if (self->folder != NULL)
    {
      g_autofree char *folder = g_file_get_parse_name (self->folder);
      g_autofree char *isolated = ccp_bidi_isolate (folder);

      /* Translators: revision number, file name, folder */
      return g_strdup_printf (_("The file of revision %u, %s, is not at hand: it was not added "
                                "in this session and is not in the field plan’s folder, %s."),
                              side->revision, name, isolated);
    }
  return g_strdup_printf (_("The file of revision %u, %s, is not at hand: it was not added in "
                            "this session, and the field plan has no folder to look in."),
                          side->revision, name);
}

static void
read_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CcpRevisionsView *self = CCP_REVISIONS_VIEW (source_object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GString) problems = g_string_new (NULL);
  Side *sides[] = { &job->older, &job->newer };

  if (!ccp_busy_read_finish (&self->read, g_task_get_cancellable (G_TASK (result))))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      Side *side = sides[i];
      g_autofree char *text = side->file == NULL ? describe_missing (self, side)
                                                 : g_strdup (side->problem);

      if (text == NULL)
        continue;
      if (problems->len > 0)
        g_string_append_c (problems, '\n');
      g_string_append (problems, text);
    }
  if (problems->len == 0 &&
      !((CCP_IS_PLAN (job->older.document) && CCP_IS_PLAN (job->newer.document)) ||
        (CCP_IS_FIELD_PLAN (job->older.document) && CCP_IS_FIELD_PLAN (job->newer.document))))
    g_string_append (problems, _("The two files are not the same kind of plan."));

  if (problems->len > 0)
    {
      ccp_change_list_show_message (self->change_list, "dialog-warning-symbolic",
                                    _("Cannot Show What Changed"), problems->str);
      return;
    }
  ccp_change_list_show_diff (self->change_list, job->older.document, job->newer.document);
}

/* --- After a return: its comments, and which the newer revision addressed ----------------- */

static char *
day_of (const char *time)
{
  return g_strndup (time, MIN (strlen (time), 10));
}

static char *
describe_place (CcpReviewComment *comment)
{
  const char *activity = ccp_review_comment_get_activity (comment);
  const char *field = ccp_review_comment_get_field (comment);
  const CcpActivityField *row = NULL;
  g_autofree char *isolated = NULL;

  if (*activity == '\0')
    return g_strdup (*field == '\0' ? _("The plan as a whole") : _("The plan’s details"));
  isolated = ccp_bidi_isolate (activity);
  if (*field != '\0')
    row = ccp_activity_field_find (field);
  if (row == NULL)
    /* Translators: where a review comment points: %s is an activity's identifier (a2) */
    return g_strdup_printf (_("Activity %s"), isolated);
  /* Translators: where a review comment points: an activity's identifier (a2) and a field */
  return g_strdup_printf (_("Activity %s, %s"), isolated, ccp_activity_field_get_heading (row));
}

static GtkWidget *
new_comment_row (CcpReviewComment *comment,
                 guint             revision)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean addressed = ccp_review_comment_get_addressed (comment);
  GtkWidget *icon = gtk_image_new_from_icon_name (addressed ? "emblem-ok-symbolic"
                                                            : "dialog-warning-symbolic");
  g_autofree char *place = describe_place (comment);
  g_autofree char *state = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  state = addressed
    /* Translators: a comment of the return; %u is the newer revision */
    ? g_strdup_printf (_("Addressed in revision %u"), revision)
    /* Translators: a comment of the return; %u is the newer revision */
    : g_strdup_printf (_("Not addressed in revision %u"), revision);
  /* Translators: under a comment of the return: whether it was addressed, and where it points */
  subtitle = g_strdup_printf (_("%s · %s"), state, place);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ccp_review_comment_get_text (comment));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (icon, addressed ? "success" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, state,
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  /* Read as one sentence, the state first. */
  /* Translators: accessible name of a comment of the return: state, place, the comment */
  label = g_strdup_printf (_("%s, %s: %s"), state, place, ccp_review_comment_get_text (comment));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return row;
}

/* The title and the comments of a pair that answers a return; hidden for any other. */
static void
show_return (CcpRevisionsView *self,
             Pair             *pair)
{
  const char *returned = ccp_return_get_time (pair->older);
  g_autoptr(GPtrArray) comments = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint addressed = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->comments_list))) != NULL)
    gtk_list_box_remove (self->comments_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), returned != NULL);
  gtk_widget_set_visible (self->comments_pane, returned != NULL);
  if (returned == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      return;
    }

  day = day_of (returned);
  /* Translators: title of what changed in the revision a city sent after a return; %s is the
   * day of the return (2027-01-16) */
  title = g_strdup_printf (_("Changes since the plan was returned on %s"), day);
  gtk_label_set_text (self->title_label, title);

  comments = ccp_return_get_comments (pair->older, pair->newer);
  for (guint i = 0; i < comments->len; i++)
    {
      CcpReviewComment *comment = g_ptr_array_index (comments, i);

      addressed += ccp_review_comment_get_addressed (comment) ? 1 : 0;
      gtk_list_box_append (self->comments_list,
                           new_comment_row (comment, ccp_source_get_revision (pair->newer)));
    }
  /* Translators: above the comments of a return; the counts of comments */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u comment addressed",
                                          "%u of %u comments addressed", comments->len),
                             addressed, comments->len);
  gtk_label_set_text (self->comments_summary, summary);
}

static void
show_pair (CcpRevisionsView *self,
           Pair             *pair)
{
  g_autofree char *older = ccp_bidi_isolate (ccp_source_get_file (pair->older));
  g_autofree char *newer = ccp_bidi_isolate (ccp_source_get_file (pair->newer));
  g_autofree char *subtitle = NULL;
  Job *job = g_new0 (Job, 1);

  fill_side (self, &job->older, pair->older);
  fill_side (self, &job->newer, pair->newer);
  /* Translators: above the list of changes: older file and revision, newer file and revision */
  subtitle = g_strdup_printf (_("From %s (revision %u) to %s (revision %u)"), older,
                              job->older.revision, newer, job->newer.revision);
  ccp_change_list_clear (self->change_list);
  ccp_change_list_set_subtitle (self->change_list, subtitle);
  show_return (self, pair);

  ccp_busy_read_run_in_thread (&self->read, job, job_free, read_thread, read_done_cb);
}

/* --- The list of resubmissions ------------------------------------------------------------ */

static int
compare_revisions (gconstpointer a,
                   gconstpointer b)
{
  CcpSource *x = *(CcpSource **) a;
  CcpSource *y = *(CcpSource **) b;
  int c;

  if (ccp_source_get_revision (x) != ccp_source_get_revision (y))
    return ccp_source_get_revision (x) < ccp_source_get_revision (y) ? -1 : 1;
  c = g_strcmp0 (ccp_source_get_modified (x), ccp_source_get_modified (y));
  if (c != 0)
    return c;
  /* Of two alike, the accepted one is the newer. */
  return (ccp_source_get_status (x) == CCP_SOURCE_STATUS_ACCEPTED) -
         (ccp_source_get_status (y) == CCP_SOURCE_STATUS_ACCEPTED);
}

static void
build_pairs (CcpRevisionsView *self,
             CcpFieldPlan     *field_plan)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GListModel *sources;

  g_ptr_array_set_size (self->pairs, 0);
  if (field_plan == NULL)
    return;

  sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);
      g_autofree char *city = g_utf8_casefold (ccp_source_get_city (source), -1);
      g_autofree char *key = NULL;
      GPtrArray *group;

      if (ccp_source_get_status (source) == CCP_SOURCE_STATUS_REFUSED)
        continue;
      key = g_strconcat (city, "\n", ccp_source_get_country (source), "\n",
                         ccp_source_get_field (source), NULL);
      group = g_hash_table_lookup (groups, key);
      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (keys, key);
          g_hash_table_insert (groups, g_steal_pointer (&key), group);
        }
      g_ptr_array_add (group, g_object_ref (source));
    }

  for (guint k = 0; k < keys->len; k++)
    {
      GPtrArray *group = g_hash_table_lookup (groups, g_ptr_array_index (keys, k));

      g_ptr_array_sort (group, compare_revisions);
      /* Each superseded revision against the one that came after it. */
      for (guint i = 0; i + 1 < group->len; i++)
        {
          CcpSource *older = g_ptr_array_index (group, i);
          Pair *pair;

          if (ccp_source_get_status (older) != CCP_SOURCE_STATUS_SUPERSEDED)
            continue;
          pair = g_new0 (Pair, 1);
          pair->older = g_object_ref (older);
          pair->newer = g_object_ref (g_ptr_array_index (group, i + 1));
          g_ptr_array_add (self->pairs, pair);
        }
    }
}

static GtkWidget *
new_pair_row (Pair *pair)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *city = ccp_bidi_isolate (ccp_source_get_city (pair->older));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a city and its country code, in the list of resubmitted plans */
  title = g_strdup_printf (_("%s (%s)"), city, ccp_source_get_country (pair->older));
  const char *returned = ccp_return_get_time (pair->older);

  if (returned != NULL)
    {
      g_autofree char *day = day_of (returned);

      /* Translators: in the list of resubmitted plans: the revision returned, the day
       * (2027-01-16), the revision that answers it */
      subtitle = g_strdup_printf (_("Revision %u, returned on %s, replaced by revision %u"),
                                  ccp_source_get_revision (pair->older), day,
                                  ccp_source_get_revision (pair->newer));
    }
  else
    /* Translators: the revisions compared, in the list of resubmitted plans */
    subtitle = g_strdup_printf (_("Revision %u, replaced by revision %u"),
                                ccp_source_get_revision (pair->older),
                                ccp_source_get_revision (pair->newer));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
row_selected_cb (GtkListBox       *list_box,
                 GtkListBoxRow    *row,
                 CcpRevisionsView *self)
{
  int index = row ? gtk_list_box_row_get_index (row) : -1;

  if (self->filling || index < 0 || (guint) index >= self->pairs->len)
    return;
  show_pair (self, g_ptr_array_index (self->pairs, index));
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
ccp_revisions_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CcpRevisionsView *self = CCP_REVISIONS_VIEW (object);

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
ccp_revisions_view_dispose (GObject *object)
{
  CcpRevisionsView *self = CCP_REVISIONS_VIEW (object);

  ccp_busy_read_clear (&self->read);
  g_clear_pointer (&self->files, g_hash_table_unref);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (ccp_revisions_view_parent_class)->dispose (object);
}

static void
ccp_revisions_view_finalize (GObject *object)
{
  CcpRevisionsView *self = CCP_REVISIONS_VIEW (object);

  g_ptr_array_unref (self->pairs);

  G_OBJECT_CLASS (ccp_revisions_view_parent_class)->finalize (object);
}

static void
ccp_revisions_view_class_init (CcpRevisionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ccp_revisions_view_get_property;
  object_class->dispose = ccp_revisions_view_dispose;
  object_class->finalize = ccp_revisions_view_finalize;

  properties[PROP_BUSY] = ccp_busy_read_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ccp_revisions_view_init (CcpRevisionsView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Plans Sent Again"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *content, *comments_scrolled, *comments_box, *comments_heading;

  ccp_busy_read_init (&self->read, G_OBJECT (self), properties[PROP_BUSY]);
  self->pairs = g_ptr_array_new_with_free_func (pair_free);

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_start (heading, 12);
  gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (GTK_BOX (side), heading);

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cities that sent their plan again"), -1);
  g_signal_connect (self->list_box, "row-selected", G_CALLBACK (row_selected_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_box));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (side), scrolled);
  gtk_widget_set_size_request (side, 280, -1);
  gtk_box_append (GTK_BOX (box), side);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (content, TRUE);
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0.0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-4");
  gtk_widget_set_margin_start (GTK_WIDGET (self->title_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->title_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->title_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->title_label));

  self->change_list = CCP_CHANGE_LIST (ccp_change_list_new ());
  /* Read-only here: no editor to move the focus to. */
  ccp_change_list_set_activatable (self->change_list, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->change_list), TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->change_list), 12);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->change_list));
  gtk_box_append (GTK_BOX (box), content);

  /* Beside the changes: the comments of the return. */
  self->comments_pane = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (self->comments_pane), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  comments_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (comments_scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (comments_scrolled, 300, -1);
  comments_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (comments_box, 12);
  gtk_widget_set_margin_end (comments_box, 12);
  gtk_widget_set_margin_top (comments_box, 12);
  gtk_widget_set_margin_bottom (comments_box, 12);
  comments_heading = gtk_label_new (_("Comments of the Return"));
  gtk_label_set_xalign (GTK_LABEL (comments_heading), 0.0);
  gtk_widget_add_css_class (comments_heading, "heading");
  gtk_box_append (GTK_BOX (comments_box), comments_heading);
  self->comments_summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->comments_summary, 0.0);
  gtk_label_set_wrap (self->comments_summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->comments_summary), "dim-label");
  gtk_box_append (GTK_BOX (comments_box), GTK_WIDGET (self->comments_summary));
  self->comments_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->comments_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->comments_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->comments_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Comments of the return, and whether they were addressed"),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->comments_list),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->comments_summary,
                                  NULL, -1);
  gtk_box_append (GTK_BOX (comments_box), GTK_WIDGET (self->comments_list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (comments_scrolled), comments_box);
  gtk_box_append (GTK_BOX (self->comments_pane), comments_scrolled);
  gtk_widget_set_visible (self->comments_pane, FALSE);
  gtk_box_append (GTK_BOX (box), self->comments_pane);
  ccp_change_list_show_message (self->change_list, "view-list-symbolic",
                                _("No Plan Sent Again"),
                                _("When a city sends a newer revision of its plan, what changed "
                                  "between the revisions is shown here."));

  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
ccp_revisions_view_new (void)
{
  return g_object_new (CCP_TYPE_REVISIONS_VIEW, NULL);
}

void
ccp_revisions_view_set_field_plan (CcpRevisionsView *self,
                                   CcpFieldPlan     *field_plan,
                                   GHashTable       *files,
                                   GFile            *folder)
{
  GtkWidget *child;

  g_return_if_fail (CCP_IS_REVISIONS_VIEW (self));
  g_return_if_fail (field_plan == NULL || CCP_IS_FIELD_PLAN (field_plan));

  g_clear_pointer (&self->files, g_hash_table_unref);
  self->files = files ? g_hash_table_ref (files)
                      : g_hash_table_new (g_str_hash, g_str_equal);
  g_set_object (&self->folder, folder);

  build_pairs (self, field_plan);
  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (guint i = 0; i < self->pairs->len; i++)
    gtk_list_box_append (self->list_box, new_pair_row (g_ptr_array_index (self->pairs, i)));
  self->filling = FALSE;

  if (self->pairs->len > 0)
    ccp_revisions_view_select (self, 0);
  else
    {
      ccp_busy_read_cancel (&self->read);
      ccp_change_list_set_subtitle (self->change_list, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->title_label), FALSE);
      gtk_widget_set_visible (self->comments_pane, FALSE);
      ccp_change_list_show_message (self->change_list, "view-list-symbolic",
                                    _("No Plan Sent Again"),
                                    _("When a city sends a newer revision of its plan, what "
                                      "changed between the revisions is shown here."));
    }
}

guint
ccp_revisions_view_get_n_pairs (CcpRevisionsView *self)
{
  g_return_val_if_fail (CCP_IS_REVISIONS_VIEW (self), 0);

  return self->pairs->len;
}

CcpSource *
ccp_revisions_view_get_older (CcpRevisionsView *self,
                              guint             index)
{
  g_return_val_if_fail (CCP_IS_REVISIONS_VIEW (self), NULL);

  return index < self->pairs->len ? ((Pair *) g_ptr_array_index (self->pairs, index))->older
                                  : NULL;
}

CcpSource *
ccp_revisions_view_get_newer (CcpRevisionsView *self,
                              guint             index)
{
  g_return_val_if_fail (CCP_IS_REVISIONS_VIEW (self), NULL);

  return index < self->pairs->len ? ((Pair *) g_ptr_array_index (self->pairs, index))->newer
                                  : NULL;
}

void
ccp_revisions_view_select (CcpRevisionsView *self,
                           guint             index)
{
  GtkListBoxRow *row;

  g_return_if_fail (CCP_IS_REVISIONS_VIEW (self));

  row = gtk_list_box_get_row_at_index (self->list_box, (int) index);
  if (row == NULL)
    return;
  if (gtk_list_box_get_selected_row (self->list_box) == row)
    show_pair (self, g_ptr_array_index (self->pairs, index));
  else
    gtk_list_box_select_row (self->list_box, row);
}

gboolean
ccp_revisions_view_select_sha256 (CcpRevisionsView *self,
                                  const char       *sha256)
{
  g_return_val_if_fail (CCP_IS_REVISIONS_VIEW (self), FALSE);

  for (guint i = 0; sha256 != NULL && i < self->pairs->len; i++)
    if (g_str_equal (ccp_source_get_sha256 (((Pair *) g_ptr_array_index (self->pairs, i))->older),
                     sha256))
      {
        ccp_revisions_view_select (self, i);
        return TRUE;
      }
  return FALSE;
}

gboolean
ccp_revisions_view_get_busy (CcpRevisionsView *self)
{
  g_return_val_if_fail (CCP_IS_REVISIONS_VIEW (self), FALSE);

  return ccp_busy_read_get_busy (&self->read);
}

CcpChangeList *
ccp_revisions_view_get_change_list (CcpRevisionsView *self)
{
  g_return_val_if_fail (CCP_IS_REVISIONS_VIEW (self), NULL);

  return self->change_list;
}

GtkListBox *
ccp_revisions_view_get_list (CcpRevisionsView *self)
{
  g_return_val_if_fail (CCP_IS_REVISIONS_VIEW (self), NULL);

  return self->list_box;
}

const char *
ccp_revisions_view_get_title (CcpRevisionsView *self)
{
  g_return_val_if_fail (CCP_IS_REVISIONS_VIEW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->title_label))
         ? gtk_label_get_text (self->title_label) : NULL;
}

GtkListBox *
ccp_revisions_view_get_return_comments (CcpRevisionsView *self)
{
  g_return_val_if_fail (CCP_IS_REVISIONS_VIEW (self), NULL);

  return self->comments_list;
}

const char *
ccp_revisions_view_get_return_summary (CcpRevisionsView *self)
{
  g_return_val_if_fail (CCP_IS_REVISIONS_VIEW (self), NULL);

  return gtk_widget_get_visible (self->comments_pane)
         ? gtk_label_get_text (self->comments_summary) : NULL;
}
