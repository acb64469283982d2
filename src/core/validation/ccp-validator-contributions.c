/* ccp-validator-contributions.c: in a field plan, every city's contribution to a joint
 * activity is checked field by field, not only the first (whose values the activity mirrors and
 * which is checked with it). */
#define G_LOG_DOMAIN "ccp-validator"

#include "config.h"

#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-validator-private.h"

/* The contributions after the first, at "activities/<index>/attributions/<j>/": where the
 * reader marks that city's contribution, so that an issue names the city and its line. */
void
_ccp_check_other_contributions (Checker         *c,
                                ActivityContext *ctx,
                                guint            index,
                                CcpActivity     *activity)
{
  GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));

  for (guint j = 1; j < g_list_model_get_n_items (attributions); j++)
    {
      g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);
      g_autoptr(CcpActivity) copy = ccp_attribution_make_copy (attribution, activity);

      _ccp_checker_set_prefix (c, "activities", index);
      g_string_append_printf (c->path, "attributions/%u/", j);
      c->prefix_len = c->path->len;
      _ccp_check_per_city_rows (c, ctx, copy);
    }
  _ccp_checker_set_prefix (c, "activities", index);
}
