#define G_LOG_DOMAIN "ccp-change-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-change-list-diff.h"
#include "ccp-format.h"
#include "ccp-markup.h"

typedef struct {
  const char *property;
  const char *heading;     /* N_() */
  const char *vocabulary;  /* its codes are shown as labels */
  gboolean    focusable;   /* the editor has an input for it */
} PlanProperty;

/* The plan's and the field plan's header, with the headings of the editor's rows. */
static const PlanProperty plan_properties[] = {
  { "id", N_("Plan identifier"), NULL, FALSE },
  { "revision", N_("Revision"), NULL, FALSE },
  { "modified", N_("Last modified"), NULL, FALSE },
  { "status", N_("Status"), NULL, FALSE },
  { "city", N_("City"), NULL, TRUE },
  { "country", N_("Country"), NULL, TRUE },
  { "field", N_("Creative field"), "field", TRUE },
  { "period", N_("Period"), NULL, TRUE },
  { "mission-statement", N_("Mission Statement version"), NULL, FALSE },
  { "focal-point-name", N_("Focal Point’s name"), NULL, TRUE },
  { "focal-point-email", N_("Focal Point’s email"), NULL, TRUE },
  { "focal-point-phone", N_("Focal Point’s phone"), NULL, TRUE },
  { "representative-none", N_("No political representative"), NULL, TRUE },
  { "representative-name", N_("Representative’s name"), NULL, TRUE },
  { "representative-title", N_("Representative’s title"), NULL, TRUE },
  { "representative-email", N_("Representative’s email"), NULL, TRUE },
  { "consolidated", N_("Consolidated"), NULL, FALSE },
  { "coordinator/name", N_("Coordinator’s name"), NULL, FALSE },
  { "coordinator/city", N_("Coordinator’s city"), NULL, FALSE },
  { "coordinator/email", N_("Coordinator’s email"), NULL, FALSE },
};

static const PlanProperty *
find_plan_property (const char *property)
{
  for (guint i = 0; property != NULL && i < G_N_ELEMENTS (plan_properties); i++)
    if (g_str_equal (plan_properties[i].property, property))
      return &plan_properties[i];
  return NULL;
}

static char *
activity_section (int         index,
                  const char *title)
{
  if (title != NULL && *title != '\0')
    {
      g_autofree char *isolated = ccp_bidi_isolate (title);

      /* Translators: a section of the list of changes: activity number and title */
      return g_strdup_printf (_("Activity %u: %s"), (guint) index + 1, isolated);
    }
  /* Translators: a section of the list of changes, for an activity without a title */
  return g_strdup_printf (_("Activity %u"), (guint) index + 1);
}

char *
ccp_change_list_section_for_change (const CcpChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  switch (change->kind)
    {
    case CCP_CHANGE_PLAN:
      if (g_str_has_prefix (change->property, "focal-point") ||
          g_str_has_prefix (change->property, "representative"))
        return g_strdup (_("Contacts"));
      if (g_str_has_prefix (change->property, "coordinator"))
        return g_strdup (_("Coordinator"));
      return g_strdup (_("City and Period"));
    case CCP_CHANGE_ACTIVITY_ADDED:
    case CCP_CHANGE_ACTIVITY_REMOVED:
      return g_strdup (_("Activities"));
    case CCP_CHANGE_ACTIVITY_MOVED:
    case CCP_CHANGE_FIELD:
    case CCP_CHANGE_CITY_ADDED:
    case CCP_CHANGE_CITY_REMOVED:
    case CCP_CHANGE_CITY_FIELD:
    default:
      return activity_section (change->new_index >= 0 ? change->new_index : change->old_index,
                               change->title);
    }
}

static char *
codes_to_text (const char *vocabulary,
               const char *codes)
{
  CcpVocabulary *vocabularies = ccp_vocabulary_get_default ();
  g_auto(GStrv) parts = g_strsplit (codes, " ", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *label;

      if (*parts[i] == '\0')
        continue;
      label = vocabularies ? ccp_vocabulary_get_short_label (vocabularies, vocabulary, parts[i])
                           : NULL;
      if (text->len > 0)
        /* Translators: separates the labels of a list of codes in the list of changes */
        g_string_append (text, _(", "));
      g_string_append (text, label ? label : parts[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
flag_to_text (const char *value)
{
  if (g_strcmp0 (value, "true") == 0)
    return g_strdup (_("Yes"));
  if (g_strcmp0 (value, "false") == 0)
    return g_strdup (_("No"));
  return g_strdup (value);
}

char *
ccp_change_list_display_value (const CcpChange *change,
                               gboolean         before)
{
  const char *value;
  GPtrArray *rows;
  const PlanProperty *property;

  g_return_val_if_fail (change != NULL, NULL);

  value = before ? change->old_value : change->new_value;
  rows = before ? change->old_rows : change->new_rows;

  if (change->field != NULL && rows != NULL)
    return ccp_change_rows_to_text (change->field, rows);
  if (value == NULL || *value == '\0')
    return g_strdup ("");

  if (change->kind == CCP_CHANGE_ACTIVITY_MOVED)
    {
      /* Translators: where an activity is in the list, in the list of changes */
      return g_strdup_printf (_("Number %u"), (guint) g_ascii_strtoull (value, NULL, 10) + 1);
    }

  if (change->field != NULL)
    switch (change->field->type)
      {
      case CCP_FIELD_TYPE_CODE:
      case CCP_FIELD_TYPE_CODES:
        if (change->field->vocabulary != NULL)
          return codes_to_text (change->field->vocabulary, value);
        break;
      case CCP_FIELD_TYPE_FLAG:
      case CCP_FIELD_TYPE_NONE_ANSWER:
        return flag_to_text (value);
      case CCP_FIELD_TYPE_DATE:
        return ccp_format_date (value);
      case CCP_FIELD_TYPE_AMOUNT:
        return ccp_format_amount (value);
      default:
        break;
      }

  if (change->kind == CCP_CHANGE_PLAN)
    {
      property = find_plan_property (change->property);
      if (property != NULL && property->vocabulary != NULL)
        return codes_to_text (property->vocabulary, value);
      if (g_strcmp0 (change->property, "status") == 0)
        return g_strdup (g_str_equal (value, "final") ? _("Final") : _("Draft"));
      if (g_strcmp0 (change->property, "representative-none") == 0)
        return flag_to_text (value);
    }

  return g_strdup (value);
}

static char *
field_heading (const CcpActivityField *field)
{
  const char *heading = ccp_activity_field_get_heading (field);

  if (heading == NULL && field->none_of != NULL)
    {
      const CcpActivityField *answered = ccp_activity_field_find (field->none_of);
      const char *of = answered ? ccp_activity_field_get_heading (answered) : NULL;

      /* Translators: heading of a change to a field's "no relevant information" answer */
      return g_strdup_printf (_("%s: no relevant information"), of ? of : field->name);
    }
  return g_strdup (heading ? heading : field->name);
}

static char *
change_heading (const CcpChange *change)
{
  const PlanProperty *property;
  g_autofree char *field = NULL;

  switch (change->kind)
    {
    case CCP_CHANGE_PLAN:
      property = find_plan_property (change->property);
      return g_strdup (property ? _(property->heading) : change->property);
    case CCP_CHANGE_ACTIVITY_ADDED:
    case CCP_CHANGE_ACTIVITY_REMOVED:
      if (change->title != NULL && *change->title != '\0')
        return g_strdup (change->title);
      return g_strdup (change->activity_id ? change->activity_id : "");
    case CCP_CHANGE_ACTIVITY_MOVED:
      /* Translators: heading of the change of an activity's place in the list */
      return g_strdup (_("Position in the list"));
    case CCP_CHANGE_FIELD:
      return change->field ? field_heading (change->field) : g_strdup (change->property);
    case CCP_CHANGE_CITY_ADDED:
      /* Translators: heading of a change in a field plan: a city joined a joint activity */
      return g_strdup_printf (_("City joined: %s"), change->city ? change->city : "");
    case CCP_CHANGE_CITY_REMOVED:
      /* Translators: heading of a change in a field plan: a city left a joint activity */
      return g_strdup_printf (_("City left: %s"), change->city ? change->city : "");
    case CCP_CHANGE_CITY_FIELD:
    default:
      if (change->field != NULL)
        field = field_heading (change->field);
      else if (g_strcmp0 (change->property, "plan") == 0)
        field = g_strdup (_("City plan"));
      else
        field = g_strdup (_("Activity in the city plan"));
      /* Translators: heading of a city's own value in a joint activity: city, field */
      return g_strdup_printf (_("%s: %s"), change->city ? change->city : "", field);
    }
}

/* The path the editor focuses, or NULL when the plan in the editor has no input for it. */
static const char *
focus_path (const CcpChange *change)
{
  const PlanProperty *property;

  switch (change->kind)
    {
    case CCP_CHANGE_PLAN:
      property = find_plan_property (change->property);
      return property && property->focusable ? change->path : NULL;
    case CCP_CHANGE_ACTIVITY_REMOVED:
    case CCP_CHANGE_CITY_REMOVED:
      return NULL;
    default:
      return change->new_index >= 0 ? change->path : NULL;
    }
}

void
ccp_change_list_show_diff (CcpChangeList *self,
                           GObject       *older,
                           GObject       *newer)
{
  g_autoptr(CcpDiff) diff = NULL;

  g_return_if_fail (CCP_IS_CHANGE_LIST (self));
  g_return_if_fail ((CCP_IS_PLAN (older) && CCP_IS_PLAN (newer)) ||
                    (CCP_IS_FIELD_PLAN (older) && CCP_IS_FIELD_PLAN (newer)));

  ccp_change_list_clear (self);
  diff = ccp_diff_new (older, newer);
  for (guint i = 0; i < ccp_diff_get_n_changes (diff); i++)
    {
      const CcpChange *change = ccp_diff_get_change (diff, i);
      g_autofree char *section = ccp_change_list_section_for_change (change);
      g_autofree char *heading = change_heading (change);
      g_autofree char *before = ccp_change_list_display_value (change, TRUE);
      g_autofree char *after = ccp_change_list_display_value (change, FALSE);
      CcpChangeRowKind kind = CCP_CHANGE_ROW_CHANGED;

      if (change->kind == CCP_CHANGE_ACTIVITY_ADDED)
        kind = CCP_CHANGE_ROW_ADDED;
      else if (change->kind == CCP_CHANGE_ACTIVITY_REMOVED)
        kind = CCP_CHANGE_ROW_REMOVED;
      ccp_change_list_add (self, kind, section, heading, before, after, focus_path (change));
    }
}
