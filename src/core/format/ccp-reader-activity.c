/* ccp-reader-activity.c: <activities> and each <activity>, read through the field table.
 *
 * The attributes of <activity> and its child elements are the rows of ccp-activity-field.h: a
 * child element is looked up among the rows, the rows that live in it are marked and its
 * attributes checked against theirs, and each value is set through its row's accessor, by the
 * row's type (text and codes from the element's text, flags and "none" answers from attributes,
 * TEXTS and lists from the item elements, through the item table). Only the attributions
 * (<cities>, which belong to field plans and are not a field of an activity) are read by hand;
 * in format 1.1 each <city> holds that city's per-city fields, read through the same table.
 */
#define G_LOG_DOMAIN "ccp-reader"

#include "config.h"

#include "ccp-activity-field.h"
#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-reader-private.h"

/* The contiguous rows of the table that live in one element, found once. */
typedef struct
{
  const char              *element;         /* NULL: the attributes of <activity> */
  const CcpActivityField  *rows;
  guint                    n_rows;
  char                   **attributes;      /* the element's, for check_attributes() */
  char                   **item_attributes; /* lists: each item's; NULL for TEXTS */
} FieldElement;

static GArray *
field_elements_new (void)
{
  guint n_rows;
  const CcpActivityField *rows = ccp_activity_fields (&n_rows);
  GArray *elements = g_array_new (FALSE, TRUE, sizeof (FieldElement));

  for (guint i = 0; i < n_rows;)
    {
      FieldElement element = { rows[i].element, &rows[i], 0, NULL, NULL };
      g_autoptr(GStrvBuilder) attributes = g_strv_builder_new ();

      /* The header promises that the rows of one element are contiguous. */
      for (guint j = 0; j < elements->len; j++)
        g_assert (g_strcmp0 (g_array_index (elements, FieldElement, j).element,
                             element.element) != 0);

      for (; i < n_rows && g_strcmp0 (rows[i].element, element.element) == 0; i++)
        {
          if (rows[i].attribute != NULL)
            g_strv_builder_add (attributes, rows[i].attribute);
          element.n_rows++;
        }
      element.attributes = g_strv_builder_end (attributes);

      if (element.rows[0].items != NULL)
        {
          g_autoptr(GStrvBuilder) item_attributes = g_strv_builder_new ();

          for (const CcpItemField *field = element.rows[0].items; field->name != NULL; field++)
            if (field->attribute != NULL)
              g_strv_builder_add (item_attributes, field->attribute);
          element.item_attributes = g_strv_builder_end (item_attributes);
        }

      g_array_append_val (elements, element);
    }

  return elements;
}

static const FieldElement *
field_elements (guint *n_elements)
{
  static GArray *elements = NULL;

  if (g_once_init_enter (&elements))
    g_once_init_leave (&elements, field_elements_new ());

  *n_elements = elements->len;
  return (const FieldElement *) (gpointer) elements->data;
}

/* The rows of the attributes of <activity>, or of the child element `name`; NULL when no
 * field lives there. */
static const FieldElement *
find_element (const char *name)
{
  guint n;
  const FieldElement *elements = field_elements (&n);

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (elements[i].element, name) == 0)
        return &elements[i];
    }
  return NULL;
}

static void
mark_rows (CcpReader          *r,
           xmlNode            *node,
           const char         *base,
           const FieldElement *element)
{
  if (r->locations == NULL)
    return;

  for (guint i = 0; i < element->n_rows; i++)
    {
      g_autofree char *path = _ccp_reader_path_join (base, element->rows[i].name);

      _ccp_reader_mark (r, path, node);
    }
}

/* Sets the rows of element that are attributes of node: flags (and "none" answers) as
 * xs:boolean, the others as the text found, "" when absent. */
static void
read_attribute_rows (CcpReader          *r,
                     xmlNode            *node,
                     CcpActivity        *activity,
                     const char         *base,
                     const FieldElement *element)
{
  for (guint i = 0; i < element->n_rows; i++)
    {
      const CcpActivityField *row = &element->rows[i];

      if (row->attribute == NULL)
        continue;

      if (row->set_flag != NULL)
        {
          g_autofree char *path = _ccp_reader_path_join (base, row->name);

          row->set_flag (activity, _ccp_reader_get_bool_attr (r, node, row->attribute, path,
                                                              FALSE));
        }
      else
        {
          g_autofree char *value = _ccp_reader_get_attr_or_empty (node, row->attribute);

          ccp_activity_field_from_string (row, activity, value);
        }
    }
}

/* The child elements of an item (a result's outcome and indicator), each once. */
static void
read_item_children (CcpReader          *r,
                    xmlNode            *node,
                    const CcpItemField *fields,
                    const char         *path,
                    char              **values)
{
  g_autoptr(GHashTable) seen = _ccp_reader_seen_new ();

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *field_path = NULL;
      guint j = 0;

      if (!_ccp_reader_accept_child (r, child, node, path))
        continue;

      while (fields[j].name != NULL &&
             (fields[j].element == NULL || !_ccp_reader_has_name (child, fields[j].element)))
        j++;
      if (fields[j].name == NULL)
        {
          _ccp_reader_unexpected_element (r, child, node, path);
          continue;
        }
      if (!_ccp_reader_first_time (r, seen, child, node, path))
        continue;

      field_path = _ccp_reader_path_join (path, fields[j].name);
      g_free (values[j]);
      values[j] = _ccp_reader_read_text (r, child, field_path);
    }
}

/* One item of a list field (data: its FieldElement) as a row of strings, one per item field
 * in table order (TEXTS: the item's text), for ccp_activity_field_set_rows(). */
static void
read_field_item (CcpReader  *r,
                 xmlNode    *node,
                 const char *path,
                 gpointer    data,
                 GPtrArray  *rows)
{
  const FieldElement *element = data;
  const CcpItemField *fields = element->rows[0].items;
  gboolean has_children = FALSE;
  guint width = 0;
  char **values;

  _ccp_reader_mark (r, path, node);
  _ccp_reader_check_attributes (r, node, path, (const char * const *) element->item_attributes);

  if (fields == NULL)
    {
      values = g_new0 (char *, 2);
      values[0] = _ccp_reader_element_text (r, node, path);
      g_ptr_array_add (rows, values);
      return;
    }

  for (; fields[width].name != NULL; width++)
    has_children = has_children || fields[width].element != NULL;
  values = g_new0 (char *, width + 1);

  /* Either child elements or text: text beside child elements is reported as stray. */
  if (has_children)
    read_item_children (r, node, fields, path, values);
  for (guint j = 0; j < width; j++)
    {
      if (fields[j].attribute != NULL)
        values[j] = _ccp_reader_get_attr_or_empty (node, fields[j].attribute);
      else if (fields[j].element == NULL && !has_children)
        values[j] = _ccp_reader_element_text (r, node, path);
      else if (values[j] == NULL)
        values[j] = g_strdup ("");
    }
  g_ptr_array_add (rows, values);
}

/* A child element of <activity> that holds fields: the rows of element. */
static void
read_field_element (CcpReader          *r,
                    xmlNode            *node,
                    CcpActivity        *activity,
                    const char         *base,
                    const FieldElement *element)
{
  const CcpActivityField *content = element->rows[0].attribute == NULL ? &element->rows[0]
                                                                         : NULL;
  g_autofree char *path = _ccp_reader_path_join (base, element->rows[0].name);

  mark_rows (r, node, base, element);
  _ccp_reader_check_attributes (r, node, path, (const char * const *) element->attributes);

  if (content != NULL && content->item != NULL)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      /* A list: its "none" answer first, then its items. */
      read_attribute_rows (r, node, activity, base, element);
      _ccp_reader_read_items (r, node, path, content->item, read_field_item, (gpointer) element,
                              rows);
      ccp_activity_field_set_rows (content, activity, rows);
      return;
    }

  if (content != NULL)
    {
      g_autofree char *text = _ccp_reader_element_text (r, node, path);

      ccp_activity_field_from_string (content, activity, text);
    }
  else
    {
      _ccp_reader_refuse_children (r, node, path);
    }
  read_attribute_rows (r, node, activity, base, element);
}

/* Format 1.1: a city's contribution, the per-city fields as child elements of its <city>.
 * The first city's are marked at the activity's own paths (where the validator, which checks
 * the activity's mirror of that contribution, looks them up); the others' at their city. */
static void
read_contribution (CcpReader   *r,
                   xmlNode     *node,
                   CcpActivity *values,
                   const char  *base)
{
  g_autoptr(GHashTable) seen = _ccp_reader_seen_new ();

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const FieldElement *element;

      if (!_ccp_reader_accept_child (r, child, node, base))
        continue;
      element = find_element ((const char *) child->name);
      if (element == NULL || element->rows[0].share != CCP_FIELD_SHARE_PER_CITY)
        {
          _ccp_reader_unexpected_element (r, child, node, base);
          continue;
        }
      if (!_ccp_reader_first_time (r, seen, child, node, base))
        continue;
      read_field_element (r, child, values, base, element);
    }
}

/* A <city> of <cities>: 1.0 has the city's name as text, 1.1 in "name" with the city's
 * contribution as child elements (data: the activity's path). */
static void
read_attribution (CcpReader  *r,
                  xmlNode    *node,
                  const char *path,
                  gpointer    data,
                  GPtrArray  *items)
{
  static const char * const attributes[] = { "name", "country", "plan", "activity", NULL };
  static const char * const properties[] = { "city", "country", "plan-id", "activity-id" };
  const char *activity_path = data;
  g_autofree char *city = NULL;
  g_autofree char *country = NULL;
  g_autofree char *plan_id = NULL;
  g_autofree char *activity_id = NULL;
  CcpAttribution *attribution;
  gboolean has_name;

  _ccp_reader_mark (r, path, node);
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autofree char *property_path = _ccp_reader_path_join (path, properties[i]);

      _ccp_reader_mark (r, property_path, node);
    }
  _ccp_reader_check_attributes (r, node, path, attributes);
  city = _ccp_reader_get_attr (node, "name");
  country = _ccp_reader_get_attr_or_empty (node, "country");
  plan_id = _ccp_reader_get_attr_or_empty (node, "plan");
  activity_id = _ccp_reader_get_attr_or_empty (node, "activity");
  has_name = city != NULL;
  if (!has_name)
    city = _ccp_reader_element_text (r, node, path);
  attribution = ccp_attribution_new (city, country, plan_id, activity_id);
  if (has_name)
    read_contribution (r, node, ccp_attribution_get_values (attribution),
                       items->len == 0 ? activity_path : path);
  g_ptr_array_add (items, attribution);
}

void
_ccp_reader_read_activity (CcpReader  *r,
                           xmlNode    *node,
                           const char *base,
                           gpointer    data,
                           GPtrArray  *items)
{
  g_autoptr(GHashTable) seen = _ccp_reader_seen_new ();
  g_autoptr(CcpActivity) activity = ccp_activity_new ("");
  const FieldElement *attributes = find_element (NULL);

  _ccp_reader_mark (r, base, node);
  mark_rows (r, node, base, attributes);
  _ccp_reader_check_attributes (r, node, base, (const char * const *) attributes->attributes);
  read_attribute_rows (r, node, activity, base, attributes);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const FieldElement *element;

      if (!_ccp_reader_accept_child (r, child, node, base))
        continue;

      if (g_hash_table_contains (seen, child->name) &&
          !_ccp_reader_has_name (child, "cities"))
        {
          _ccp_reader_first_time (r, seen, child, node, base);
          continue;
        }

      element = find_element ((const char *) child->name);
      if (element != NULL)
        {
          read_field_element (r, child, activity, base, element);
        }
      else if (_ccp_reader_has_name (child, "cities"))
        {
          g_autofree char *path = NULL;

          if (!_ccp_reader_first_time (r, seen, child, node, base))
            continue;
          path = _ccp_reader_path_join (base, "attributions");
          _ccp_reader_read_list (r, child, path, "city", read_attribution, (gpointer) base,
                                 ccp_activity_get_attributions (activity));
        }
      else
        {
          _ccp_reader_unexpected_element (r, child, node, base);
          continue;
        }

      g_hash_table_add (seen, (gpointer) child->name);
    }

  g_ptr_array_add (items, g_steal_pointer (&activity));
}
