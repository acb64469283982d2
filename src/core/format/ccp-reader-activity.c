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

#include <string.h>

#include "ccp-activity-field.h"
#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-reader-private.h"

/* Items have at most this many fields (a partner city's three). */
#define MAX_ITEM_FIELDS 8
/* The values of this many items of a list are kept on the stack. */
#define STACK_ITEMS 8

/* The contiguous rows of the table that live in one element, found once. */
typedef struct
{
  const char              *element;         /* NULL: the attributes of <activity> */
  const CcpActivityField  *rows;
  guint                    n_rows;
  guint                    index;           /* its bit in a set of elements seen */
  char                   **attributes;      /* the element's, for check_attributes() */
  char                   **item_attributes; /* lists: each item's; NULL for TEXTS */
  guint                    item_width;      /* lists and TEXTS: the values of an item */
  gboolean                 item_has_children;
} FieldElement;

typedef struct
{
  GArray             *elements;   /* FieldElement */
  GHashTable         *by_name;    /* element name -> FieldElement */
  const FieldElement *attributes; /* the attributes of <activity> */
} FieldElements;

/* <cities>, which is not a field, in a set of elements seen. */
#define CITIES_BIT (G_GUINT64_CONSTANT (1) << 63)

static FieldElements *
field_elements_new (void)
{
  guint n_rows;
  const CcpActivityField *rows = ccp_activity_fields (&n_rows);
  FieldElements *self = g_new0 (FieldElements, 1);
  GArray *elements = g_array_new (FALSE, TRUE, sizeof (FieldElement));

  for (guint i = 0; i < n_rows;)
    {
      FieldElement element = { rows[i].element, &rows[i], 0, elements->len, NULL, NULL, 1,
                               FALSE };
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

          element.item_width = 0;
          for (const CcpItemField *field = element.rows[0].items; field->name != NULL; field++)
            {
              if (field->attribute != NULL)
                g_strv_builder_add (item_attributes, field->attribute);
              element.item_has_children = element.item_has_children || field->element != NULL;
              element.item_width++;
            }
          element.item_attributes = g_strv_builder_end (item_attributes);
        }
      g_assert (element.item_width < MAX_ITEM_FIELDS);

      g_array_append_val (elements, element);
    }
  g_assert (elements->len < 63);

  self->elements = elements;
  self->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < elements->len; i++)
    {
      const FieldElement *element = &g_array_index (elements, FieldElement, i);

      if (element->element != NULL)
        g_hash_table_insert (self->by_name, (gpointer) element->element, (gpointer) element);
      else
        self->attributes = element;
    }
  g_assert (self->attributes != NULL);
  return self;
}

static const FieldElements *
field_elements (void)
{
  static FieldElements *elements = NULL;

  if (g_once_init_enter (&elements))
    g_once_init_leave (&elements, field_elements_new ());

  return elements;
}

/* The rows of the child element `name`; NULL when no field lives there. */
static const FieldElement *
find_element (const char *name)
{
  return g_hash_table_lookup (field_elements ()->by_name, name);
}

static void
mark_rows (CcpReader          *r,
           xmlNode            *node,
           CcpLazyPath        *base,
           const FieldElement *element)
{
  if (r->locations == NULL)
    return;

  for (guint i = 0; i < element->n_rows; i++)
    {
      g_autofree char *path = _ccp_reader_path_join (_ccp_lazy_path_get (base),
                                                     element->rows[i].name);

      _ccp_reader_mark (r, path, node);
    }
}

/* Sets the rows of element that are attributes of node: flags (and "none" answers) as
 * xs:boolean, the others as the text found, "" when absent. */
static void
read_attribute_rows (CcpReader          *r,
                     xmlNode            *node,
                     CcpActivity        *activity,
                     CcpLazyPath        *base,
                     const FieldElement *element)
{
  for (guint i = 0; i < element->n_rows; i++)
    {
      const CcpActivityField *row = &element->rows[i];

      if (row->attribute == NULL)
        continue;

      if (row->set_flag != NULL)
        {
          CcpLazyPath path = CCP_LAZY_PATH_CHILD (base, row->name);

          row->set_flag (activity, _ccp_reader_peek_bool_attr (r, node, row->attribute, &path,
                                                               FALSE));
          _ccp_lazy_path_clear (&path);
        }
      else
        {
          g_autofree char *owned = NULL;
          const char *value = _ccp_reader_peek_attr (node, row->attribute, &owned);

          ccp_activity_field_from_string (row, activity, value != NULL ? value : "");
        }
    }
}

/* The child elements of an item (a result's outcome and indicator), each once. */
static void
read_item_children (CcpReader          *r,
                    xmlNode            *node,
                    const CcpItemField *fields,
                    CcpLazyPath        *path,
                    const char        **values,
                    char              **owned)
{
  guint seen = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      CcpLazyPath field_path = CCP_LAZY_PATH_CHILD (path, NULL);
      guint j = 0;

      if (!_ccp_reader_accept_child_lazy (r, child, node, path))
        continue;

      while (fields[j].name != NULL &&
             (fields[j].element == NULL || !_ccp_reader_has_name (child, fields[j].element)))
        j++;
      if (fields[j].name == NULL)
        {
          _ccp_reader_unexpected_element (r, child, node, _ccp_lazy_path_get (path));
          continue;
        }
      if (seen & (1u << j))
        {
          _ccp_reader_duplicate_element (r, child, node, _ccp_lazy_path_get (path));
          continue;
        }
      seen |= 1u << j;

      /* What _ccp_reader_read_text() does. */
      field_path.segment = fields[j].name;
      if (r->locations != NULL)
        _ccp_reader_mark (r, _ccp_lazy_path_get (&field_path), child);
      _ccp_reader_check_attributes_lazy (r, child, &field_path, NULL);
      values[j] = _ccp_reader_peek_text (r, child, &field_path, &owned[j]);
      _ccp_lazy_path_clear (&field_path);
    }
}

/* One item of a list field as its values, one per item field in table order (TEXTS: the
 * item's text), for ccp_activity_field_set_rows(); what had to be made is in owned. */
static void
read_field_item (CcpReader          *r,
                 xmlNode            *node,
                 CcpLazyPath        *path,
                 const FieldElement *element,
                 const char        **values,
                 char              **owned)
{
  const CcpItemField *fields = element->rows[0].items;
  gboolean has_children = element->item_has_children;

  if (r->locations != NULL)
    _ccp_reader_mark (r, _ccp_lazy_path_get (path), node);
  _ccp_reader_check_attributes_lazy (r, node, path,
                                     (const char * const *) element->item_attributes);

  if (fields == NULL)
    {
      values[0] = _ccp_reader_peek_text (r, node, path, &owned[0]);
      return;
    }

  /* Either child elements or text: text beside child elements is reported as stray. */
  if (has_children)
    read_item_children (r, node, fields, path, values, owned);
  for (guint j = 0; j < element->item_width; j++)
    {
      if (fields[j].attribute != NULL)
        {
          values[j] = _ccp_reader_peek_attr (node, fields[j].attribute, &owned[j]);
          if (values[j] == NULL)
            values[j] = "";
        }
      else if (fields[j].element == NULL && !has_children)
        values[j] = _ccp_reader_peek_text (r, node, path, &owned[j]);
      else if (values[j] == NULL)
        values[j] = "";
    }
}

/* The items of a list field (or the texts of a TEXTS field), set on activity at once. */
static void
read_field_items (CcpReader          *r,
                  xmlNode            *node,
                  CcpActivity        *activity,
                  CcpLazyPath        *path,
                  const FieldElement *element)
{
  const CcpActivityField *content = &element->rows[0];
  guint stride = element->item_width + 1;
  /* The values, stride per item, NULL-terminated: on the stack for the first items. */
  const char *stack[STACK_ITEMS * MAX_ITEM_FIELDS];
  g_autoptr(GArray) values = NULL;
  g_autoptr(GPtrArray) owned = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint index = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      CcpLazyPath item_path = CCP_LAZY_PATH_INDEX (path, 0);
      const char *item_values[MAX_ITEM_FIELDS] = { NULL, };
      char *item_owned[MAX_ITEM_FIELDS] = { NULL, };

      if (!_ccp_reader_accept_item_lazy (r, child, node, path, content->item))
        continue;

      item_path.index = index++;
      read_field_item (r, child, &item_path, element, item_values, item_owned);
      _ccp_lazy_path_clear (&item_path);

      if (index <= STACK_ITEMS)
        memcpy (&stack[(index - 1) * stride], item_values, stride * sizeof (const char *));
      else
        {
          if (values == NULL)
            values = g_array_new (FALSE, TRUE, sizeof (const char *));
          g_array_append_vals (values, item_values, stride);
        }
      for (guint j = 0; j < element->item_width; j++)
        if (item_owned[j] != NULL)
          {
            if (owned == NULL)
              owned = g_ptr_array_new_with_free_func (g_free);
            g_ptr_array_add (owned, item_owned[j]);
          }
    }

  /* No items on an empty field: nothing to set. */
  if (index == 0 && ccp_activity_field_is_empty (content, activity))
    return;

  rows = g_ptr_array_new_full (index, NULL);
  for (guint i = 0; i < MIN (index, STACK_ITEMS); i++)
    g_ptr_array_add (rows, &stack[i * stride]);
  for (guint i = STACK_ITEMS; i < index; i++)
    g_ptr_array_add (rows, &g_array_index (values, const char *, (i - STACK_ITEMS) * stride));
  ccp_activity_field_set_rows (content, activity, rows);
}

/* A child element of <activity> that holds fields: the rows of element. */
static void
read_field_element (CcpReader          *r,
                    xmlNode            *node,
                    CcpActivity        *activity,
                    CcpLazyPath        *base,
                    const FieldElement *element)
{
  const CcpActivityField *content = element->rows[0].attribute == NULL ? &element->rows[0]
                                                                         : NULL;
  CcpLazyPath path = CCP_LAZY_PATH_CHILD (base, element->rows[0].name);

  mark_rows (r, node, base, element);
  _ccp_reader_check_attributes_lazy (r, node, &path,
                                     (const char * const *) element->attributes);

  if (content != NULL && content->item != NULL)
    {
      /* A list: its "none" answer first, then its items. */
      read_attribute_rows (r, node, activity, base, element);
      read_field_items (r, node, activity, &path, element);
      _ccp_lazy_path_clear (&path);
      return;
    }

  if (content != NULL)
    {
      g_autofree char *owned = NULL;
      const char *text = _ccp_reader_peek_text (r, node, &path, &owned);

      ccp_activity_field_from_string (content, activity, text);
    }
  else
    {
      _ccp_reader_refuse_children_lazy (r, node, &path);
    }
  read_attribute_rows (r, node, activity, base, element);
  _ccp_lazy_path_clear (&path);
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
  CcpLazyPath base_path = CCP_LAZY_PATH_ROOT (base);
  guint64 seen = 0;

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
      if (seen & (G_GUINT64_CONSTANT (1) << element->index))
        {
          _ccp_reader_duplicate_element (r, child, node, base);
          continue;
        }
      seen |= G_GUINT64_CONSTANT (1) << element->index;
      read_field_element (r, child, values, &base_path, element);
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
_ccp_reader_read_activity (CcpReader   *r,
                           xmlNode     *node,
                           CcpLazyPath *base,
                           GPtrArray   *items)
{
  g_autoptr(CcpActivity) activity = ccp_activity_new ("");
  const FieldElement *attributes = field_elements ()->attributes;
  guint64 seen = 0;

  if (r->locations != NULL)
    _ccp_reader_mark (r, _ccp_lazy_path_get (base), node);
  mark_rows (r, node, base, attributes);
  _ccp_reader_check_attributes_lazy (r, node, base,
                                     (const char * const *) attributes->attributes);
  read_attribute_rows (r, node, activity, base, attributes);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const FieldElement *element;
      guint64 bit;

      if (!_ccp_reader_accept_child_lazy (r, child, node, base))
        continue;

      element = find_element ((const char *) child->name);
      if (element != NULL)
        bit = G_GUINT64_CONSTANT (1) << element->index;
      else if (_ccp_reader_has_name (child, "cities"))
        bit = CITIES_BIT;
      else
        {
          _ccp_reader_unexpected_element (r, child, node, _ccp_lazy_path_get (base));
          continue;
        }
      if (seen & bit)
        {
          _ccp_reader_duplicate_element (r, child, node, _ccp_lazy_path_get (base));
          continue;
        }
      seen |= bit;

      if (element != NULL)
        {
          read_field_element (r, child, activity, base, element);
        }
      else
        {
          const char *activity_path = _ccp_lazy_path_get (base);
          g_autofree char *path = _ccp_reader_path_join (activity_path, "attributions");

          _ccp_reader_read_list (r, child, path, "city", read_attribution,
                                 (gpointer) activity_path,
                                 ccp_activity_get_attributions (activity));
        }
    }

  g_ptr_array_add (items, g_steal_pointer (&activity));
}
