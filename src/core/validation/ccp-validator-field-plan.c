/* ccp-validator-field-plan.c: the field plan's own fields (consolidation time, coordinator,
 * deputies); its header is checked as a city plan's is, its activities as every activity. */
#define G_LOG_DOMAIN "ccp-validator"

#include "config.h"

#include "ccp-contact.h"
#include "ccp-field-plan.h"
#include "ccp-validator-private.h"

static void
check_contact (Checker    *c,
               CcpContact *contact,
               const char *path)
{
  _ccp_check_email (c, _ccp_checker_path (c, "%s/email", path), ccp_contact_get_email (contact));
  _ccp_check_single_line (c, _ccp_checker_path (c, "%s/name", path),
                          ccp_contact_get_name (contact));
  _ccp_check_single_line (c, _ccp_checker_path (c, "%s/city", path),
                          ccp_contact_get_city (contact));
}

void
_ccp_check_field_plan_fields (Checker      *c,
                              CcpFieldPlan *field_plan)
{
  GListModel *deputies;
  const char *consolidated;

  _ccp_check_document (c, ccp_field_plan_get_id (field_plan),
                       ccp_field_plan_get_revision (field_plan),
                       ccp_field_plan_get_modified (field_plan));
  /* A network overview (field plans of several fields merged) has no single field. */
  if (g_strcmp0 (ccp_field_plan_get_field (field_plan), CCP_FIELD_NETWORK) != 0)
    _ccp_check_field (c, ccp_field_plan_get_field (field_plan));
  _ccp_check_period (c, ccp_field_plan_get_period (field_plan));
  _ccp_check_mission_statement (c, ccp_field_plan_get_mission_statement (field_plan));

  consolidated = ccp_field_plan_get_consolidated (field_plan);
  if (_ccp_is_blank (consolidated))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "consolidated-missing",
               _ccp_checker_path (c, "consolidated"),
               _("The time of consolidation is missing"));
  else if (!_ccp_is_date_time (consolidated))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "consolidated-invalid",
               _ccp_checker_path (c, "consolidated"),
               _("Consolidation time “%s” is not valid: expected an ISO 8601 date and time "
                 "such as 2026-11-20T09:30:00Z"), consolidated);

  check_contact (c, ccp_field_plan_get_coordinator (field_plan), "coordinator");
  deputies = G_LIST_MODEL (ccp_field_plan_get_deputies (field_plan));
  for (guint j = 0; j < g_list_model_get_n_items (deputies); j++)
    {
      g_autoptr(CcpContact) deputy = g_list_model_get_item (deputies, j);
      g_autofree char *path = g_strdup_printf ("deputies/%u", j);

      check_contact (c, deputy, path);
    }
}
