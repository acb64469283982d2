/* ccp-diff-apply.c: turning a copy of OLD into NEW with a diff's changes (the property the
 * tests check: what the diff reports is all that changed). */
#define G_LOG_DOMAIN "ccp-diff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-diff-private.h"
#include "ccp-error.h"
#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-field-plan.h"
#include "ccp-plan.h"

static gboolean
set_header (GObject     *document,
            const char  *path,
            const char  *text,
            GError     **error)
{
  const char *property;
  GObject *owner = _ccp_diff_header_owner (document, path, &property);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (owner), property);
  CcpPlanStatus status;
  guint64 number;

  if (pspec == NULL)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_FAILED, _("No value “%s” in this plan"), path);
      return FALSE;
    }
  if (pspec->value_type == G_TYPE_STRING)
    g_object_set (owner, property, text, NULL);
  else if (pspec->value_type == G_TYPE_UINT && g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT,
                                                                           &number, NULL))
    g_object_set (owner, property, (guint) number, NULL);
  else if (pspec->value_type == G_TYPE_BOOLEAN)
    g_object_set (owner, property, g_str_equal (text, "true"), NULL);
  else if (G_TYPE_IS_ENUM (pspec->value_type) && ccp_plan_status_from_code (text, &status))
    g_object_set (owner, property, status, NULL);
  else
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_FAILED, _("Value “%s” does not fit “%s”"),
                   text, path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_field (CcpActivity      *activity,
           const CcpChange  *change,
           GError          **error)
{
  if (change->new_rows != NULL)
    ccp_activity_field_set_rows (change->field, activity, change->new_rows);
  else if (!ccp_activity_field_from_string (change->field, activity, change->new_value))
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_FAILED, _("Value “%s” does not fit “%s”"),
                   change->new_value, change->path);
      return FALSE;
    }
  return TRUE;
}

/* The cities of NEW's activity i: the matched ones from OLD's copy, changed, in NEW's order. */
static gboolean
apply_cities (CcpDiff      *self,
              CcpActivity  *target,
              CcpActivity  *new_activity,
              guint         i,
              GError      **error)
{
  GListModel *old_cities = G_LIST_MODEL (ccp_activity_get_attributions (target));
  GListModel *new_cities = G_LIST_MODEL (ccp_activity_get_attributions (new_activity));
  guint n_new = g_list_model_get_n_items (new_cities);
  g_autoptr(GPtrArray) cities = g_ptr_array_new_full (n_new, g_object_unref);
  g_autofree int *from = g_new (int, n_new + 1);

  for (guint j = 0; j < n_new; j++)
    from[j] = -2;

  /* Which OLD city each NEW city is: the first one not taken with its name and country, as
   * the diff matched them; none (-2): the city was added. */
  for (guint j = 0; j < n_new; j++)
    {
      g_autoptr(CcpAttribution) city = g_list_model_get_item (new_cities, j);

      for (guint k = 0; k < g_list_model_get_n_items (old_cities) && from[j] == -2; k++)
        {
          g_autoptr(CcpAttribution) old_city = g_list_model_get_item (old_cities, k);
          gboolean taken = FALSE;

          for (guint l = 0; l < j; l++)
            taken = taken || from[l] == (int) k;
          if (!taken && g_str_equal (ccp_attribution_get_city (old_city),
                                     ccp_attribution_get_city (city)) &&
              g_str_equal (ccp_attribution_get_country (old_city),
                           ccp_attribution_get_country (city)))
            from[j] = (int) k;
        }
    }

  for (guint j = 0; j < n_new; j++)
    {
      g_autoptr(CcpAttribution) city = NULL;
      const char *plan_id, *activity_id;
      CcpAttribution *made;

      if (from[j] < 0)
        {
          /* Added: the diff reports the city; its contribution comes from NEW. */
          city = g_list_model_get_item (new_cities, j);
          g_ptr_array_add (cities, ccp_attribution_copy (city));
          continue;
        }
      city = g_list_model_get_item (old_cities, (guint) from[j]);
      plan_id = ccp_attribution_get_plan_id (city);
      activity_id = ccp_attribution_get_activity_id (city);
      for (guint c = 0; c < self->changes->len; c++)
        {
          const CcpChange *change = g_ptr_array_index (self->changes, c);

          if (change->kind != CCP_CHANGE_CITY_FIELD || change->new_index != (int) i ||
              change->new_city != (int) j || change->field != NULL)
            continue;
          if (g_str_equal (change->property, "plan"))
            plan_id = change->new_value;
          else
            activity_id = change->new_value;
        }
      /* The references are construct-only: a new attribution when one of them changed. */
      if (plan_id == ccp_attribution_get_plan_id (city) &&
          activity_id == ccp_attribution_get_activity_id (city))
        made = ccp_attribution_copy (city);
      else
        {
          made = ccp_attribution_new (ccp_attribution_get_city (city),
                                      ccp_attribution_get_country (city), plan_id, activity_id);
          ccp_attribution_set_values (made, ccp_attribution_get_values (city));
        }
      for (guint c = 0; c < self->changes->len; c++)
        {
          const CcpChange *change = g_ptr_array_index (self->changes, c);

          if (change->kind != CCP_CHANGE_CITY_FIELD || change->new_index != (int) i ||
              change->new_city != (int) j || change->field == NULL)
            continue;
          if (!set_field (ccp_attribution_get_values (made), change, error))
            {
              g_object_unref (made);
              return FALSE;
            }
        }
      g_ptr_array_add (cities, made);
    }

  ccp_item_list_splice (ccp_activity_get_attributions (target), 0,
                        g_list_model_get_n_items (old_cities), cities->pdata, cities->len);
  return TRUE;
}

gboolean
ccp_diff_apply (CcpDiff  *self,
                GObject  *document,
                GError  **error)
{
  CcpItemList *store;
  GListModel *new_list;
  g_autoptr(GPtrArray) result = NULL;
  guint n_new;

  g_return_val_if_fail (CCP_IS_DIFF (self), FALSE);
  g_return_val_if_fail (self->field_plan ? CCP_IS_FIELD_PLAN (document)
                                         : CCP_IS_PLAN (document), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = _ccp_diff_activities (document);
  if (g_list_model_get_n_items (G_LIST_MODEL (store)) != self->n_old)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_FAILED,
                   _("The plan has %u activities where the old plan of the diff has %u"),
                   g_list_model_get_n_items (G_LIST_MODEL (store)), self->n_old);
      return FALSE;
    }

  for (guint c = 0; c < self->changes->len; c++)
    {
      const CcpChange *change = g_ptr_array_index (self->changes, c);

      if (change->kind == CCP_CHANGE_PLAN &&
          !set_header (document, change->property, change->new_value, error))
        return FALSE;
    }

  new_list = G_LIST_MODEL (_ccp_diff_activities (self->new_document));
  n_new = g_list_model_get_n_items (new_list);
  result = g_ptr_array_new_full (n_new, g_object_unref);
  for (guint i = 0; i < n_new; i++)
    {
      int oi = g_array_index (self->matches, int, i);
      g_autoptr(CcpActivity) new_activity = g_list_model_get_item (new_list, i);
      CcpActivity *target;

      if (oi < 0)
        {
          g_ptr_array_add (result, ccp_activity_copy (new_activity));
          continue;
        }
      target = g_list_model_get_item (G_LIST_MODEL (store), (guint) oi);
      g_ptr_array_add (result, target);
      for (guint c = 0; c < self->changes->len; c++)
        {
          const CcpChange *change = g_ptr_array_index (self->changes, c);

          if (change->kind == CCP_CHANGE_FIELD && change->new_index == (int) i &&
              !set_field (target, change, error))
            return FALSE;
        }
      if (self->field_plan && !apply_cities (self, target, new_activity, i, error))
        return FALSE;
      /* The per-city values an activity with cities holds itself are not in the file (its
       * cities hold them; the reader copies the first city's): they follow NEW. */
      if (self->field_plan && (_ccp_diff_has_cities (target) ||
                               _ccp_diff_has_cities (new_activity)))
        ccp_activity_copy_per_city (new_activity, target);
    }

  ccp_item_list_splice (store, 0, self->n_old, result->pdata, result->len);
  return TRUE;
}
