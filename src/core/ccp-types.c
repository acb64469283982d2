#define G_LOG_DOMAIN "ccp-types"

#include "config.h"

#include "ccp-types.h"

G_DEFINE_ENUM_TYPE (CcpPlanStatus, ccp_plan_status,
  G_DEFINE_ENUM_VALUE (CCP_PLAN_STATUS_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (CCP_PLAN_STATUS_FINAL, "final"))

/* The codes of the file format, never translated. */
const char *
ccp_plan_status_to_code (CcpPlanStatus status)
{
  switch (status)
    {
    case CCP_PLAN_STATUS_DRAFT:
      return "draft";
    case CCP_PLAN_STATUS_FINAL:
      return "final";
    default:
      g_return_val_if_reached ("draft");
    }
}

gboolean
ccp_plan_status_from_code (const char    *code,
                           CcpPlanStatus *status)
{
  CcpPlanStatus value;

  if (g_strcmp0 (code, "draft") == 0)
    value = CCP_PLAN_STATUS_DRAFT;
  else if (g_strcmp0 (code, "final") == 0)
    value = CCP_PLAN_STATUS_FINAL;
  else
    return FALSE;

  if (status != NULL)
    *status = value;
  return TRUE;
}
