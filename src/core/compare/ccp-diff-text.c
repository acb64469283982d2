/* ccp-diff-text.c: a diff's changes in words, and their codes for machine output. */
#define G_LOG_DOMAIN "ccp-diff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-diff-private.h"

const char *
ccp_change_kind_to_code (CcpChangeKind kind)
{
  static const char * const codes[] = {
    [CCP_CHANGE_PLAN] = "plan",
    [CCP_CHANGE_ACTIVITY_ADDED] = "activity-added",
    [CCP_CHANGE_ACTIVITY_REMOVED] = "activity-removed",
    [CCP_CHANGE_ACTIVITY_MOVED] = "activity-moved",
    [CCP_CHANGE_FIELD] = "field",
    [CCP_CHANGE_CITY_ADDED] = "city-added",
    [CCP_CHANGE_CITY_REMOVED] = "city-removed",
    [CCP_CHANGE_CITY_FIELD] = "city-field",
  };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (codes), NULL);
  return codes[kind];
}

const char *
ccp_diff_match_to_code (CcpDiffMatch how)
{
  switch (how)
    {
    case CCP_DIFF_MATCH_ID:
      return "id";
    case CCP_DIFF_MATCH_JOINT_REF:
      return "joint-ref";
    case CCP_DIFF_MATCH_CARRIED_FROM:
      return "carried-from";
    case CCP_DIFF_MATCH_ORIGIN:
      return "origin";
    case CCP_DIFF_MATCH_NONE:
    default:
      return NULL;
    }
}

char *
ccp_change_rows_to_text (const CcpActivityField *field,
                         GPtrArray              *rows)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      gboolean open = FALSE;

      if (i > 0)
        g_string_append (out, "; ");
      g_string_append (out, row[0] != NULL ? row[0] : "");
      for (guint j = 1; row[0] != NULL && row[j] != NULL; j++)
        {
          if (*row[j] == '\0')
            continue;
          g_string_append (out, open ? ", " : " (");
          g_string_append (out, row[j]);
          open = TRUE;
        }
      if (open)
        g_string_append_c (out, ')');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A value for a sentence: the rows as one line, or the value; "(none)" when empty. */
static char *
value_text (const CcpChange *change,
            gboolean         old)
{
  GPtrArray *rows = old ? change->old_rows : change->new_rows;
  const char *value = old ? change->old_value : change->new_value;
  g_autofree char *text = NULL;

  if (rows != NULL && change->field != NULL)
    text = ccp_change_rows_to_text (change->field, rows);
  else
    text = g_strdup (value != NULL ? value : "");
  if (*text == '\0')
    /* Translators: in "… changed from (none) to “2”": no value */
    return g_strdup (_("(none)"));
  /* Translators: a value quoted in a sentence */
  return g_strdup_printf (_("“%s”"), text);
}

static const char *
header_label (const CcpChange *change)
{
  guint n;

  for (gboolean field_plan = FALSE; field_plan <= TRUE; field_plan++)
    {
      const CcpDiffHeader *headers = _ccp_diff_headers (field_plan, &n);

      for (guint i = 0; i < n; i++)
        {
          if (g_str_equal (headers[i].property, change->property))
            return g_dgettext (GETTEXT_PACKAGE, headers[i].label);
        }
    }
  return change->property;
}

static const char *
field_label (const CcpChange *change)
{
  if (change->field != NULL)
    return ccp_activity_field_get_label (change->field);
  if (g_strcmp0 (change->property, "plan") == 0)
    return _("plan it came from");
  return _("activity it came from");
}

char *
ccp_change_describe (const CcpChange *change)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  int old_position = change->old_index + 1;
  int new_position = change->new_index + 1;

  g_return_val_if_fail (change != NULL, NULL);

  old_text = value_text (change, TRUE);
  new_text = value_text (change, FALSE);
  switch (change->kind)
    {
    case CCP_CHANGE_PLAN:
      /* Translators: what changed in the plan's header, e.g. "The plan's focal point's email
       * changed from “a@b.org” to “c@d.org”." */
      return g_strdup_printf (_("The plan’s %s changed from %s to %s."),
                              header_label (change), old_text, new_text);
    case CCP_CHANGE_ACTIVITY_ADDED:
      /* Translators: an activity identifier, then its title */
      return g_strdup_printf (_("Activity %s “%s” was added."),
                              change->activity_id, change->title);
    case CCP_CHANGE_ACTIVITY_REMOVED:
      /* Translators: an activity identifier, then its title */
      return g_strdup_printf (_("Activity %s “%s” was removed."),
                              change->activity_id, change->title);
    case CCP_CHANGE_ACTIVITY_MOVED:
      /* Translators: an activity identifier, its title, then two positions from 1 */
      return g_strdup_printf (_("Activity %s “%s” moved from position %d to %d."),
                              change->activity_id, change->title, old_position, new_position);
    case CCP_CHANGE_FIELD:
      /* Translators: an activity identifier, a field's name ("budget amount"), then two
       * values, each quoted or "(none)" */
      return g_strdup_printf (_("Activity %s: the %s changed from %s to %s."),
                              change->activity_id, field_label (change), old_text, new_text);
    case CCP_CHANGE_CITY_ADDED:
      /* Translators: an activity identifier, a city, then its country code */
      return g_strdup_printf (_("Activity %s: %s (%s) now runs it too."),
                              change->activity_id, change->city, change->country);
    case CCP_CHANGE_CITY_REMOVED:
      /* Translators: an activity identifier, a city, then its country code */
      return g_strdup_printf (_("Activity %s: %s (%s) no longer runs it."),
                              change->activity_id, change->city, change->country);
    case CCP_CHANGE_CITY_FIELD:
    default:
      /* Translators: an activity identifier, a city, its country code, a field's name, then
       * two values, each quoted or "(none)" */
      return g_strdup_printf (_("Activity %s, %s (%s): the %s changed from %s to %s."),
                              change->activity_id, change->city, change->country,
                              field_label (change), old_text, new_text);
    }
}
