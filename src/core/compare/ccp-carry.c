/* ccp-carry.c: a new plan from the previous period's, with the carried-over link. */
#define G_LOG_DOMAIN "ccp-carry"

#include "config.h"

#include "ccp-carry.h"
#include "ccp-activity.h"
#include "ccp-plan.h"

static const struct {
  const char    *state;
  CcpCarryFlags  flag;
} state_flags[] = {
  { "ongoing", CCP_CARRY_ONGOING },
  { "carried-over", CCP_CARRY_CARRIED_OVER },
  { "planned", CCP_CARRY_PLANNED },
  { "postponed", CCP_CARRY_POSTPONED },
};

CcpCarryFlags
ccp_carry_flag_for_state (const char *state)
{
  for (gsize i = 0; state != NULL && i < G_N_ELEMENTS (state_flags); i++)
    {
      if (g_str_equal (state, state_flags[i].state))
        return state_flags[i].flag;
    }
  return CCP_CARRY_NONE;
}

gboolean
ccp_carry_is_default (CcpActivity *activity)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), FALSE);

  return (ccp_carry_flag_for_state (ccp_activity_get_state (activity)) & CCP_CARRY_DEFAULT) != 0;
}

CcpActivity *
ccp_activity_carry (CcpActivity *activity,
                    const char  *plan_id)
{
  CcpActivity *copy;

  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  copy = ccp_activity_copy (activity);
  /* A field plan's activity carries its cities; a city plan's next period has none. */
  ccp_item_list_remove_all (ccp_activity_get_attributions (copy));
  ccp_activity_set_carried_from_plan (copy, plan_id);
  ccp_activity_set_carried_from_activity (copy, ccp_activity_get_id (activity));
  return copy;
}

CcpPlan *
ccp_plan_carry_forward (CcpPlan            *previous,
                        CcpCarryFlags       flags,
                        const char * const *ids)
{
  g_autoptr(CcpPlan) plan = NULL;
  g_autofree char *period = NULL;
  GListModel *activities;
  CcpItemList *store;

  g_return_val_if_fail (CCP_IS_PLAN (previous), NULL);

  period = ccp_period_next (ccp_plan_get_period (previous));
  if (period == NULL)
    return NULL;

  plan = ccp_plan_new_draft ();
  ccp_plan_set_period (plan, period);
  ccp_plan_set_city (plan, ccp_plan_get_city (previous));
  ccp_plan_set_country (plan, ccp_plan_get_country (previous));
  ccp_plan_set_field (plan, ccp_plan_get_field (previous));
  ccp_plan_set_focal_point_name (plan, ccp_plan_get_focal_point_name (previous));
  ccp_plan_set_focal_point_email (plan, ccp_plan_get_focal_point_email (previous));
  ccp_plan_set_focal_point_phone (plan, ccp_plan_get_focal_point_phone (previous));
  ccp_plan_set_representative_none (plan, ccp_plan_get_representative_none (previous));
  ccp_plan_set_representative_name (plan, ccp_plan_get_representative_name (previous));
  ccp_plan_set_representative_title (plan, ccp_plan_get_representative_title (previous));
  ccp_plan_set_representative_email (plan, ccp_plan_get_representative_email (previous));

  activities = G_LIST_MODEL (ccp_plan_get_activities (previous));
  store = ccp_plan_get_activities (plan);
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      const char *id = ccp_activity_get_id (activity);
      gboolean carry = (ccp_carry_flag_for_state (ccp_activity_get_state (activity)) & flags) != 0;

      if (!carry && (flags & CCP_CARRY_LISTED) && ids != NULL)
        carry = g_strv_contains (ids, id);
      if (carry)
        {
          g_autoptr(CcpActivity) copy = ccp_activity_carry (activity, ccp_plan_get_id (previous));

          ccp_item_list_append (store, copy);
        }
    }

  return g_steal_pointer (&plan);
}
