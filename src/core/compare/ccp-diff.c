/* ccp-diff.c: what changed between two revisions of a plan, through the field table. */
#define G_LOG_DOMAIN "ccp-diff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-diff-private.h"
#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-contact.h"
#include "ccp-field-plan.h"
#include "ccp-plan.h"

G_DEFINE_FINAL_TYPE (CcpDiff, ccp_diff, G_TYPE_OBJECT)

static const CcpDiffHeader plan_headers[] = {
  { "id", N_("identifier") },
  { "revision", N_("revision") },
  { "modified", N_("last change") },
  { "status", N_("status") },
  { "city", N_("city") },
  { "country", N_("country") },
  { "field", N_("creative field") },
  { "period", N_("period") },
  { "mission-statement", N_("Mission Statement version") },
  { "focal-point-name", N_("focal point’s name") },
  { "focal-point-email", N_("focal point’s email") },
  { "focal-point-phone", N_("focal point’s phone") },
  { "representative-none", N_("“no representative” answer") },
  { "representative-name", N_("representative’s name") },
  { "representative-title", N_("representative’s title") },
  { "representative-email", N_("representative’s email") },
};

static const CcpDiffHeader field_plan_headers[] = {
  { "id", N_("identifier") },
  { "revision", N_("revision") },
  { "modified", N_("last change") },
  { "status", N_("status") },
  { "field", N_("creative field") },
  { "period", N_("period") },
  { "mission-statement", N_("Mission Statement version") },
  { "consolidated", N_("consolidation time") },
  { "coordinator/name", N_("coordinator’s name") },
  { "coordinator/city", N_("coordinator’s city") },
  { "coordinator/country", N_("coordinator’s country") },
  { "coordinator/email", N_("coordinator’s email") },
};

const CcpDiffHeader *
_ccp_diff_headers (gboolean  field_plan,
                   guint    *n_headers)
{
  *n_headers = field_plan ? G_N_ELEMENTS (field_plan_headers) : G_N_ELEMENTS (plan_headers);
  return field_plan ? field_plan_headers : plan_headers;
}

CcpItemList *
_ccp_diff_activities (GObject *document)
{
  if (CCP_IS_PLAN (document))
    return ccp_plan_get_activities (CCP_PLAN (document));
  return ccp_field_plan_get_activities (CCP_FIELD_PLAN (document));
}

GObject *
_ccp_diff_header_owner (GObject     *document,
                        const char  *path,
                        const char **property)
{
  if (g_str_has_prefix (path, "coordinator/") && CCP_IS_FIELD_PLAN (document))
    {
      *property = path + strlen ("coordinator/");
      return G_OBJECT (ccp_field_plan_get_coordinator (CCP_FIELD_PLAN (document)));
    }
  *property = path;
  return document;
}

gboolean
_ccp_diff_has_cities (CcpActivity *activity)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ccp_activity_get_attributions (activity))) > 0;
}

static void
change_free (gpointer data)
{
  CcpChange *change = data;

  g_free (change->path);
  g_free (change->activity_id);
  g_free (change->title);
  g_free (change->city);
  g_free (change->country);
  g_free (change->old_value);
  g_free (change->new_value);
  g_clear_pointer (&change->old_rows, g_ptr_array_unref);
  g_clear_pointer (&change->new_rows, g_ptr_array_unref);
  g_free (change);
}

static void
ccp_diff_finalize (GObject *object)
{
  CcpDiff *self = CCP_DIFF (object);

  g_clear_object (&self->new_document);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->how, g_array_unref);

  G_OBJECT_CLASS (ccp_diff_parent_class)->finalize (object);
}

static void
ccp_diff_class_init (CcpDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ccp_diff_finalize;
}

static void
ccp_diff_init (CcpDiff *self)
{
  self->changes = g_ptr_array_new_with_free_func (change_free);
  self->matches = g_array_new (FALSE, FALSE, sizeof (int));
  self->how = g_array_new (FALSE, FALSE, sizeof (CcpDiffMatch));
}

/* Header values */

static char *
header_value (GObject    *document,
              const char *path)
{
  const char *property;
  GObject *owner = _ccp_diff_header_owner (document, path, &property);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (owner), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (pspec != NULL, g_strdup (""));

  g_value_init (&value, pspec->value_type);
  g_object_get_property (owner, property, &value);
  if (G_VALUE_HOLDS_STRING (&value))
    return g_strdup (g_value_get_string (&value) != NULL ? g_value_get_string (&value) : "");
  if (G_VALUE_HOLDS_UINT (&value))
    return g_strdup_printf ("%u", g_value_get_uint (&value));
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_strdup (g_value_get_boolean (&value) ? "true" : "false");
  if (G_VALUE_HOLDS_ENUM (&value))
    return g_strdup (ccp_plan_status_to_code (g_value_get_enum (&value)));
  g_return_val_if_reached (g_strdup (""));
}

static CcpChange *
add_change (CcpDiff       *self,
            CcpChangeKind  kind,
            char          *path)
{
  CcpChange *change = g_new0 (CcpChange, 1);

  change->kind = kind;
  change->path = path;
  change->old_index = change->new_index = -1;
  change->old_city = change->new_city = -1;
  g_ptr_array_add (self->changes, change);
  return change;
}

static void
diff_headers (CcpDiff *self,
              GObject *old_document,
              GObject *new_document)
{
  guint n;
  const CcpDiffHeader *headers = _ccp_diff_headers (self->field_plan, &n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *old_value = header_value (old_document, headers[i].property);
      g_autofree char *new_value = header_value (new_document, headers[i].property);
      CcpChange *change;

      if (g_str_equal (old_value, new_value))
        continue;
      change = add_change (self, CCP_CHANGE_PLAN, g_strdup (headers[i].property));
      change->property = headers[i].property;
      change->old_value = g_steal_pointer (&old_value);
      change->new_value = g_steal_pointer (&new_value);
    }
}

/* Matching */

static char *
pair_key (const char *plan,
          const char *activity)
{
  return g_strconcat (plan, "\n", activity, NULL);
}

/* The OLD activities (unmatched) under keys of one kind; the first of each key. */
static void
index_add (GHashTable *index,
           char       *key,
           int         i)
{
  if (!g_hash_table_contains (index, key))
    g_hash_table_insert (index, key, GINT_TO_POINTER (i + 1));
  else
    g_free (key);
}

static int
index_take (GHashTable *index,
            const char *key,
            gboolean   *used)
{
  int i = GPOINTER_TO_INT (g_hash_table_lookup (index, key)) - 1;

  if (i < 0 || used[i])
    return -1;
  return i;
}

static void
match_activities (CcpDiff    *self,
                  GListModel *old_list,
                  GListModel *new_list,
                  const char *old_plan_id)
{
  guint n_old = g_list_model_get_n_items (old_list);
  guint n_new = g_list_model_get_n_items (new_list);
  g_autofree gboolean *used = g_new0 (gboolean, n_old + 1);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_joint = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_self = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_origin = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(CcpActivity) a = g_list_model_get_item (old_list, i);
      GListModel *cities = G_LIST_MODEL (ccp_activity_get_attributions (a));

      index_add (by_id, g_strdup (ccp_activity_get_id (a)), i);
      if (*ccp_activity_get_joint_ref (a) != '\0')
        index_add (by_joint, g_strdup (ccp_activity_get_joint_ref (a)), i);
      index_add (by_self, pair_key (old_plan_id, ccp_activity_get_id (a)), i);
      for (guint j = 0; j < g_list_model_get_n_items (cities); j++)
        {
          g_autoptr(CcpAttribution) city = g_list_model_get_item (cities, j);
          char *key = pair_key (ccp_attribution_get_plan_id (city),
                                ccp_attribution_get_activity_id (city));

          index_add (by_origin, key, i);
          /* A carried activity names the city plan's activity, which is the attribution. */
          index_add (by_self, pair_key (ccp_attribution_get_plan_id (city),
                                        ccp_attribution_get_activity_id (city)), i);
        }
    }

  g_array_set_size (self->matches, n_new);
  g_array_set_size (self->how, n_new);
  for (guint i = 0; i < n_new; i++)
    {
      g_array_index (self->matches, int, i) = -1;
      g_array_index (self->how, CcpDiffMatch, i) = CCP_DIFF_MATCH_NONE;
    }

  /* One pass per way of matching, so that an identifier always wins over a weaker link. */
  for (CcpDiffMatch how = CCP_DIFF_MATCH_ID; how <= CCP_DIFF_MATCH_ORIGIN; how++)
    {
      for (guint i = 0; i < n_new; i++)
        {
          g_autoptr(CcpActivity) a = NULL;
          g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
          GHashTable *index = NULL;
          GListModel *cities;
          int found = -1;

          if (g_array_index (self->matches, int, i) >= 0)
            continue;
          a = g_list_model_get_item (new_list, i);
          cities = G_LIST_MODEL (ccp_activity_get_attributions (a));
          switch (how)
            {
            case CCP_DIFF_MATCH_ID:
              index = by_id;
              g_ptr_array_add (keys, g_strdup (ccp_activity_get_id (a)));
              break;
            case CCP_DIFF_MATCH_JOINT_REF:
              index = by_joint;
              if (*ccp_activity_get_joint_ref (a) != '\0')
                g_ptr_array_add (keys, g_strdup (ccp_activity_get_joint_ref (a)));
              break;
            case CCP_DIFF_MATCH_CARRIED_FROM:
              index = by_self;
              if (*ccp_activity_get_carried_from_activity (a) != '\0')
                g_ptr_array_add (keys, pair_key (ccp_activity_get_carried_from_plan (a),
                                                 ccp_activity_get_carried_from_activity (a)));
              for (guint j = 0; j < g_list_model_get_n_items (cities); j++)
                {
                  g_autoptr(CcpAttribution) city = g_list_model_get_item (cities, j);
                  CcpActivity *values = ccp_attribution_get_values (city);

                  if (*ccp_activity_get_carried_from_activity (values) != '\0')
                    g_ptr_array_add (keys,
                                     pair_key (ccp_activity_get_carried_from_plan (values),
                                               ccp_activity_get_carried_from_activity (values)));
                }
              break;
            case CCP_DIFF_MATCH_ORIGIN:
            default:
              index = by_origin;
              for (guint j = 0; j < g_list_model_get_n_items (cities); j++)
                {
                  g_autoptr(CcpAttribution) city = g_list_model_get_item (cities, j);

                  g_ptr_array_add (keys, pair_key (ccp_attribution_get_plan_id (city),
                                                   ccp_attribution_get_activity_id (city)));
                }
              break;
            }
          for (guint k = 0; k < keys->len && found < 0; k++)
            found = index_take (index, g_ptr_array_index (keys, k), used);
          if (found < 0)
            continue;
          used[found] = TRUE;
          g_array_index (self->matches, int, i) = found;
          g_array_index (self->how, CcpDiffMatch, i) = how;
        }
    }
}

/* The matched activities whose order changed: those outside a longest run of OLD indexes
 * that increases along NEW (so that inserting one activity moves no other). Patience
 * sorting: O(n log n), for network overviews of thousands of activities. */
static gboolean *
find_moved (CcpDiff *self)
{
  guint n = self->matches->len;
  /* tails[k]: the NEW index ending the best run of length k + 1 found so far */
  g_autofree guint *tails = g_new0 (guint, n + 1);
  g_autofree int *previous = g_new0 (int, n + 1);
  gboolean *moved = g_new0 (gboolean, n + 1);
  guint length = 0;

  for (guint i = 0; i < n; i++)
    {
      int oi = g_array_index (self->matches, int, i);
      guint low = 0, high = length;

      previous[i] = -1;
      moved[i] = oi >= 0;
      if (oi < 0)
        continue;
      while (low < high)
        {
          guint mid = (low + high) / 2;

          if (g_array_index (self->matches, int, tails[mid]) < oi)
            low = mid + 1;
          else
            high = mid;
        }
      if (low > 0)
        previous[i] = (int) tails[low - 1];
      tails[low] = i;
      if (low == length)
        length++;
    }

  for (int i = length > 0 ? (int) tails[length - 1] : -1; i >= 0; i = previous[i])
    moved[i] = FALSE;
  return moved;
}

/* Fields */

static gboolean
is_rows_field (const CcpActivityField *field)
{
  return field->get_list != NULL || field->type == CCP_FIELD_TYPE_TEXTS;
}

/* Adds a change of field between a and b, when they differ; TRUE then. */
static gboolean
diff_field (CcpDiff                *self,
            const CcpActivityField *field,
            CcpActivity            *a,
            CcpActivity            *b,
            CcpChangeKind           kind,
            char                   *path)
{
  CcpChange *change;

  if (ccp_activity_field_equal (field, a, b))
    {
      g_free (path);
      return FALSE;
    }
  change = add_change (self, kind, path);
  change->field = field;
  change->property = field->name;
  if (is_rows_field (field))
    {
      change->old_rows = ccp_activity_field_get_rows (field, a);
      change->new_rows = ccp_activity_field_get_rows (field, b);
    }
  else
    {
      change->old_value = ccp_activity_field_to_string (field, a);
      change->new_value = ccp_activity_field_to_string (field, b);
    }
  return TRUE;
}

static void
describe_activity (CcpChange   *change,
                   CcpActivity *activity,
                   int          old_index,
                   int          new_index)
{
  change->activity_id = g_strdup (ccp_activity_get_id (activity));
  change->title = g_strdup (ccp_activity_get_title (activity));
  change->old_index = old_index;
  change->new_index = new_index;
}

static CcpAttribution *
find_city (GListModel     *cities,
           CcpAttribution *city,
           gboolean       *used,
           int            *index)
{
  for (guint j = 0; j < g_list_model_get_n_items (cities); j++)
    {
      g_autoptr(CcpAttribution) other = g_list_model_get_item (cities, j);

      if (used[j] || g_strcmp0 (ccp_attribution_get_city (other),
                                ccp_attribution_get_city (city)) != 0 ||
          g_strcmp0 (ccp_attribution_get_country (other), ccp_attribution_get_country (city)) != 0)
        continue;
      used[j] = TRUE;
      *index = (int) j;
      return g_steal_pointer (&other);
    }
  *index = -1;
  return NULL;
}

static CcpChange *
add_city_change (CcpDiff        *self,
                 CcpChangeKind   kind,
                 char           *path,
                 CcpAttribution *city,
                 CcpChange      *template)
{
  CcpChange *change = add_change (self, kind, path);

  change->activity_id = g_strdup (template->activity_id);
  change->title = g_strdup (template->title);
  change->old_index = template->old_index;
  change->new_index = template->new_index;
  change->city = g_strdup (ccp_attribution_get_city (city));
  change->country = g_strdup (ccp_attribution_get_country (city));
  return change;
}

/* The cities of matched activities: matched by name and country. TRUE when any changed. */
static gboolean
diff_cities (CcpDiff     *self,
             CcpActivity *a,
             CcpActivity *b,
             CcpChange   *template)
{
  GListModel *old_cities = G_LIST_MODEL (ccp_activity_get_attributions (a));
  GListModel *new_cities = G_LIST_MODEL (ccp_activity_get_attributions (b));
  guint n_old = g_list_model_get_n_items (old_cities);
  guint n_new = g_list_model_get_n_items (new_cities);
  g_autofree gboolean *used = g_new0 (gboolean, n_old + 1);
  guint n_fields;
  const CcpActivityField *fields = ccp_activity_fields (&n_fields);
  gboolean changed = FALSE;
  int n = template->new_index;

  for (guint j = 0; j < n_new; j++)
    {
      g_autoptr(CcpAttribution) city = g_list_model_get_item (new_cities, j);
      int oj;
      g_autoptr(CcpAttribution) old_city = find_city (old_cities, city, used, &oj);
      const char *refs[] = {
        "plan", old_city != NULL ? ccp_attribution_get_plan_id (old_city) : NULL,
        ccp_attribution_get_plan_id (city),
        "activity", old_city != NULL ? ccp_attribution_get_activity_id (old_city) : NULL,
        ccp_attribution_get_activity_id (city),
      };
      CcpChange *change;

      if (old_city == NULL)
        {
          change = add_city_change (self, CCP_CHANGE_CITY_ADDED,
                                    g_strdup_printf ("activities/%d/attributions/%u", n, j),
                                    city, template);
          change->new_city = (int) j;
          change->new_value = g_strdup (ccp_attribution_get_city (city));
          changed = TRUE;
          continue;
        }
      for (gsize k = 0; k < G_N_ELEMENTS (refs); k += 3)
        {
          if (g_str_equal (refs[k + 1], refs[k + 2]))
            continue;
          change = add_city_change (self, CCP_CHANGE_CITY_FIELD,
                                    g_strdup_printf ("activities/%d/attributions/%u/%s",
                                                     n, j, refs[k]),
                                    city, template);
          change->property = refs[k];
          change->old_city = oj;
          change->new_city = (int) j;
          change->old_value = g_strdup (refs[k + 1]);
          change->new_value = g_strdup (refs[k + 2]);
          changed = TRUE;
        }
      for (guint f = 0; f < n_fields; f++)
        {
          guint before = self->changes->len;

          if (fields[f].share != CCP_FIELD_SHARE_PER_CITY)
            continue;
          if (!diff_field (self, &fields[f], ccp_attribution_get_values (old_city),
                           ccp_attribution_get_values (city), CCP_CHANGE_CITY_FIELD,
                           g_strdup_printf ("activities/%d/attributions/%u/%s",
                                            n, j, fields[f].name)))
            continue;
          change = g_ptr_array_index (self->changes, before);
          describe_activity (change, b, template->old_index, template->new_index);
          change->city = g_strdup (ccp_attribution_get_city (city));
          change->country = g_strdup (ccp_attribution_get_country (city));
          change->old_city = oj;
          change->new_city = (int) j;
          changed = TRUE;
        }
    }

  for (guint j = 0; j < n_old; j++)
    {
      g_autoptr(CcpAttribution) city = NULL;
      CcpChange *change;

      if (used[j])
        continue;
      city = g_list_model_get_item (old_cities, j);
      change = add_city_change (self, CCP_CHANGE_CITY_REMOVED,
                                g_strdup_printf ("activities/%d/attributions/%u", n, j),
                                city, template);
      change->old_city = (int) j;
      change->old_value = g_strdup (ccp_attribution_get_city (city));
      changed = TRUE;
    }
  return changed;
}

static void
diff_activities (CcpDiff    *self,
                 GListModel *old_list,
                 GListModel *new_list)
{
  guint n_old = g_list_model_get_n_items (old_list);
  guint n_new = g_list_model_get_n_items (new_list);
  g_autofree gboolean *matched = g_new0 (gboolean, n_old + 1);
  g_autofree gboolean *moved = find_moved (self);
  guint n_fields;
  const CcpActivityField *fields = ccp_activity_fields (&n_fields);

  for (guint i = 0; i < n_new; i++)
    {
      g_autoptr(CcpActivity) b = g_list_model_get_item (new_list, i);
      g_autoptr(CcpActivity) a = NULL;
      int oi = g_array_index (self->matches, int, i);
      gboolean split, changed = FALSE;
      CcpChange template = { 0 };
      CcpChange *change;

      if (oi < 0)
        {
          change = add_change (self, CCP_CHANGE_ACTIVITY_ADDED,
                               g_strdup_printf ("activities/%u", i));
          describe_activity (change, b, -1, (int) i);
          change->new_value = g_strdup (ccp_activity_get_id (b));
          self->n_added++;
          continue;
        }
      matched[oi] = TRUE;
      a = g_list_model_get_item (old_list, (guint) oi);
      if (moved[i])
        {
          change = add_change (self, CCP_CHANGE_ACTIVITY_MOVED,
                               g_strdup_printf ("activities/%u", i));
          describe_activity (change, b, oi, (int) i);
          change->old_value = g_strdup_printf ("%d", oi);
          change->new_value = g_strdup_printf ("%u", i);
          changed = TRUE;
        }

      /* In a field plan the per-city fields are in the cities' contributions. */
      split = self->field_plan && (_ccp_diff_has_cities (a) || _ccp_diff_has_cities (b));
      for (guint f = 0; f < n_fields; f++)
        {
          guint before = self->changes->len;

          if (split && fields[f].share == CCP_FIELD_SHARE_PER_CITY)
            continue;
          if (!diff_field (self, &fields[f], a, b, CCP_CHANGE_FIELD,
                           g_strdup_printf ("activities/%u/%s", i, fields[f].name)))
            continue;
          change = g_ptr_array_index (self->changes, before);
          describe_activity (change, b, oi, (int) i);
          changed = TRUE;
        }
      template.activity_id = (char *) ccp_activity_get_id (b);
      template.title = (char *) ccp_activity_get_title (b);
      template.old_index = oi;
      template.new_index = (int) i;
      if (self->field_plan)
        changed = diff_cities (self, a, b, &template) || changed;
      if (changed)
        self->n_modified++;
    }

  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(CcpActivity) a = NULL;
      CcpChange *change;

      if (matched[i])
        continue;
      a = g_list_model_get_item (old_list, i);
      change = add_change (self, CCP_CHANGE_ACTIVITY_REMOVED,
                           g_strdup_printf ("activities/%u", i));
      describe_activity (change, a, (int) i, -1);
      change->old_value = g_strdup (ccp_activity_get_id (a));
      self->n_removed++;
    }
}

CcpDiff *
ccp_diff_new (GObject *old_document,
              GObject *new_document)
{
  g_autoptr(CcpDiff) self = NULL;
  g_autofree char *old_id = NULL;

  g_return_val_if_fail ((CCP_IS_PLAN (old_document) && CCP_IS_PLAN (new_document)) ||
                        (CCP_IS_FIELD_PLAN (old_document) &&
                         CCP_IS_FIELD_PLAN (new_document)), NULL);

  self = g_object_new (CCP_TYPE_DIFF, NULL);
  self->field_plan = CCP_IS_FIELD_PLAN (old_document);
  self->new_document = self->field_plan
    ? G_OBJECT (ccp_field_plan_copy (CCP_FIELD_PLAN (new_document)))
    : G_OBJECT (ccp_plan_copy (CCP_PLAN (new_document)));
  self->n_old = g_list_model_get_n_items (G_LIST_MODEL (_ccp_diff_activities (old_document)));

  g_object_get (old_document, "id", &old_id, NULL);
  diff_headers (self, old_document, new_document);
  match_activities (self, G_LIST_MODEL (_ccp_diff_activities (old_document)),
                    G_LIST_MODEL (_ccp_diff_activities (new_document)), old_id);
  diff_activities (self, G_LIST_MODEL (_ccp_diff_activities (old_document)),
                   G_LIST_MODEL (_ccp_diff_activities (new_document)));
  return g_steal_pointer (&self);
}

gboolean
ccp_diff_is_empty (CcpDiff *self)
{
  g_return_val_if_fail (CCP_IS_DIFF (self), TRUE);

  return self->changes->len == 0;
}

guint
ccp_diff_get_n_changes (CcpDiff *self)
{
  g_return_val_if_fail (CCP_IS_DIFF (self), 0);

  return self->changes->len;
}

const CcpChange *
ccp_diff_get_change (CcpDiff *self,
                     guint    index)
{
  g_return_val_if_fail (CCP_IS_DIFF (self), NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);

  return g_ptr_array_index (self->changes, index);
}

guint
ccp_diff_get_n_added (CcpDiff *self)
{
  g_return_val_if_fail (CCP_IS_DIFF (self), 0);
  return self->n_added;
}

guint
ccp_diff_get_n_removed (CcpDiff *self)
{
  g_return_val_if_fail (CCP_IS_DIFF (self), 0);
  return self->n_removed;
}

guint
ccp_diff_get_n_modified (CcpDiff *self)
{
  g_return_val_if_fail (CCP_IS_DIFF (self), 0);
  return self->n_modified;
}

int
ccp_diff_get_match (CcpDiff      *self,
                    guint         new_index,
                    CcpDiffMatch *how)
{
  g_return_val_if_fail (CCP_IS_DIFF (self), -1);
  g_return_val_if_fail (new_index < self->matches->len, -1);

  if (how != NULL)
    *how = g_array_index (self->how, CcpDiffMatch, new_index);
  return g_array_index (self->matches, int, new_index);
}
