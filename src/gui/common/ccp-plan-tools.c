#define G_LOG_DOMAIN "ccp-plan-tools"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-plan-tools.h"

static void
count (guint    *done,
       guint    *total,
       gboolean  answered)
{
  (*total)++;
  if (answered)
    (*done)++;
}

static gboolean
filled (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return TRUE;
  return FALSE;
}

static gboolean
has_codes (const char * const *codes)
{
  return codes != NULL && codes[0] != NULL;
}

double
ccp_plan_get_completeness (CcpPlan *plan)
{
  GListModel *activities;
  guint done = 0, total = 0;
  guint n;

  g_return_val_if_fail (CCP_IS_PLAN (plan), 0.0);

  count (&done, &total, filled (ccp_plan_get_city (plan)));
  count (&done, &total, filled (ccp_plan_get_country (plan)));
  count (&done, &total, filled (ccp_plan_get_field (plan)));
  count (&done, &total, filled (ccp_plan_get_period (plan)));
  count (&done, &total, filled (ccp_plan_get_focal_point_name (plan)));
  count (&done, &total, filled (ccp_plan_get_focal_point_email (plan)));
  count (&done, &total, ccp_plan_get_representative_none (plan) ||
                        filled (ccp_plan_get_representative_name (plan)));

  activities = G_LIST_MODEL (ccp_plan_get_activities (plan));
  n = g_list_model_get_n_items (activities);
  /* A plan needs at least one activity. */
  count (&done, &total, n > 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) a = g_list_model_get_item (activities, i);

      count (&done, &total, filled (ccp_activity_get_title (a)));
      count (&done, &total, filled (ccp_activity_get_description (a)));
      count (&done, &total, filled (ccp_activity_get_kind (a)));
      count (&done, &total, filled (ccp_activity_get_scope (a)));
      count (&done, &total, filled (ccp_activity_get_state (a)));
      count (&done, &total, filled (ccp_activity_get_start_date (a)));
      count (&done, &total, filled (ccp_activity_get_end_date (a)));
      count (&done, &total, ccp_activity_get_online (a) || filled (ccp_activity_get_place (a)));
      count (&done, &total, has_codes (ccp_activity_get_objectives (a)));
      count (&done, &total, has_codes (ccp_activity_get_areas (a)));
    }

  return total > 0 ? (double) done / total : 0.0;
}

CcpPlan *
ccp_plan_new_from_previous (CcpPlan *previous)
{
  g_return_val_if_fail (CCP_IS_PLAN (previous), NULL);

  /* The core carries the activities and records where each came from (ccp-carry.h). */
  return ccp_plan_carry_forward (previous, CCP_CARRY_DEFAULT, NULL);
}

static void
append_slug (GString    *out,
             const char *text)
{
  g_autofree char *ascii = NULL;
  gboolean dash = out->len > 0;

  if (text == NULL || *text == '\0')
    return;

  ascii = g_str_to_ascii (text, "C");
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          dash = FALSE;
          g_string_append_c (out, g_ascii_tolower (*p));
        }
      else
        dash = TRUE;
    }
}

char *
ccp_plan_suggest_file_name (CcpPlan *plan)
{
  g_autoptr(GString) name = g_string_new (NULL);

  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  append_slug (name, ccp_plan_get_city (plan));
  append_slug (name, ccp_plan_get_field (plan));
  append_slug (name, ccp_plan_get_period (plan));
  if (name->len == 0)
    /* Translators: file name suggested for a new plan; keep it short, no spaces */
    g_string_append (name, _("city-plan"));
  g_string_append (name, ".xml");

  return g_string_free (g_steal_pointer (&name), FALSE);
}

char *
ccp_plan_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
