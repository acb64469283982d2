/* ccp-reader-field-plan.c: the parts of a <field-plan>: its field, period, mission and
 * consolidation text, the coordinator and deputies, the roster, the sources and the merge
 * report; its activities are read by ccp-reader-activity.c. */
#define G_LOG_DOMAIN "ccp-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-contact.h"
#include "ccp-field-plan.h"
#include "ccp-partner.h"
#include "ccp-reader-private.h"
#include "ccp-report-item.h"
#include "ccp-review.h"
#include "ccp-source.h"

/* A string property of an item, kept in an attribute of its element. */
typedef struct
{
  const char *attribute;
  const char *property;  /* also the segment of its path */
} AttributeProperty;

/* Sets the string properties of object from the attributes of node ("" when absent), each
 * marked at base/property. */
static void
read_string_attributes (CcpReader               *r,
                        xmlNode                 *node,
                        const char              *base,
                        GObject                 *object,
                        const AttributeProperty *properties,
                        guint                    n_properties)
{
  for (guint i = 0; i < n_properties; i++)
    {
      g_autofree char *path = _ccp_reader_path_join (base, properties[i].property);
      g_autofree char *value = _ccp_reader_get_attr_or_empty (node, properties[i].attribute);

      _ccp_reader_mark (r, path, node);
      g_object_set (object, properties[i].property, value, NULL);
    }
}

static void
read_contact (CcpReader  *r,
              xmlNode    *node,
              CcpContact *contact,
              const char *base)
{
  static const char * const properties[] = { "name", "city", "country", "email" };
  g_autoptr(GHashTable) seen = _ccp_reader_seen_new ();

  _ccp_reader_mark (r, base, node);
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autofree char *path = _ccp_reader_path_join (base, properties[i]);

      _ccp_reader_mark (r, path, node);
    }
  _ccp_reader_check_attributes (r, node, base, NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      if (!_ccp_reader_accept_child (r, child, node, base))
        continue;

      if (!_ccp_reader_has_name (child, "name") && !_ccp_reader_has_name (child, "city") &&
          !_ccp_reader_has_name (child, "email"))
        {
          _ccp_reader_unexpected_element (r, child, node, base);
          continue;
        }
      if (!_ccp_reader_first_time (r, seen, child, node, base))
        continue;

      path = _ccp_reader_path_join (base, (const char *) child->name);
      _ccp_reader_mark (r, path, child);
      text = _ccp_reader_element_text (r, child, path);

      if (_ccp_reader_has_name (child, "name"))
        {
          _ccp_reader_check_attributes (r, child, path, NULL);
          ccp_contact_set_name (contact, text);
        }
      else if (_ccp_reader_has_name (child, "email"))
        {
          _ccp_reader_check_attributes (r, child, path, NULL);
          ccp_contact_set_email (contact, text);
        }
      else
        {
          static const char * const city_attributes[] = { "country", NULL };
          g_autofree char *country_path = _ccp_reader_path_join (base, "country");
          g_autofree char *country = _ccp_reader_get_attr_or_empty (child, "country");

          _ccp_reader_mark (r, country_path, child);
          _ccp_reader_check_attributes (r, child, path, city_attributes);
          ccp_contact_set_city (contact, text);
          ccp_contact_set_country (contact, country);
        }
    }
}

static void
read_member (CcpReader  *r,
             xmlNode    *node,
             const char *path,
             gpointer    data,
             GPtrArray  *items)
{
  static const char * const attributes[] = { "country", "field", NULL };
  g_autofree char *name_path = _ccp_reader_path_join (path, "name");
  g_autofree char *country_path = _ccp_reader_path_join (path, "country");
  g_autofree char *name = NULL;
  g_autofree char *country = NULL;
  g_autofree char *field = NULL;

  _ccp_reader_mark (r, path, node);
  _ccp_reader_mark (r, name_path, node);
  _ccp_reader_mark (r, country_path, node);
  _ccp_reader_check_attributes (r, node, path, attributes);
  name = _ccp_reader_element_text (r, node, path);
  country = _ccp_reader_get_attr_or_empty (node, "country");
  field = _ccp_reader_get_attr_or_empty (node, "field");
  /* The file names a member's field only when it is not the plan's own:
   * _ccp_reader_read_field_plan() fills in the plan's field once the whole document is read. */
  g_ptr_array_add (items, ccp_partner_new_city (name, country, field));
}

static void
read_source (CcpReader  *r,
             xmlNode    *node,
             const char *base,
             gpointer    data,
             GPtrArray  *items)
{
  static const char * const attributes[] = {
    "file", "sha256", "status", "reason", "city", "country", "field", "period", "plan",
    "revision", "modified", "errors", "warnings", "received", "review", "contact-name",
    "contact-email", "returned", NULL
  };
  static const AttributeProperty texts[] = {
    { "received", "received" },
    { "contact-name", "contact-name" },
    { "contact-email", "contact-email" },
    { "returned", "returned" },
    { "file", "file" },
    { "sha256", "sha256" },
    { "reason", "reason" },
    { "city", "city" },
    { "country", "country" },
    { "field", "field" },
    { "period", "period" },
    { "plan", "plan-id" },
    { "modified", "modified" },
  };
  static const struct {
    const char *attribute;
    void (*set) (CcpSource *source, guint value);
  } numbers[] = {
    { "revision", ccp_source_set_revision },
    { "errors", ccp_source_set_errors },
    { "warnings", ccp_source_set_warnings },
  };
  g_autofree char *status_path = _ccp_reader_path_join (base, "status");
  g_autofree char *status = _ccp_reader_get_attr (node, "status");
  g_autofree char *review_path = _ccp_reader_path_join (base, "review");
  g_autofree char *review = _ccp_reader_get_attr (node, "review");
  g_autofree char *comments_path = _ccp_reader_path_join (base, "comments");
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CcpSource) source = ccp_source_new ();

  _ccp_reader_mark (r, base, node);
  _ccp_reader_mark (r, status_path, node);
  _ccp_reader_check_attributes (r, node, base, attributes);
  /* Format 1.1, the cycle: the review comments are the only children. */
  _ccp_reader_read_items (r, node, comments_path, "comment", _ccp_reader_read_comment, NULL,
                          comments);
  ccp_item_list_splice (ccp_source_get_comments (source), 0, 0, comments->pdata, comments->len);
  read_string_attributes (r, node, base, G_OBJECT (source), texts, G_N_ELEMENTS (texts));
  if (review != NULL)
    {
      CcpReviewState value;

      _ccp_reader_mark (r, review_path, node);
      if (ccp_review_state_from_code (review, &value))
        ccp_source_set_review (source, value);
      else
        _ccp_reader_add_issue (r, node, "format-invalid-review", review_path,
                               /* Translators: %s is the value found; the words in quotes are
                                * literal */
                               _("Attribute “review” of <source> must be “received”, "
                                 "“accepted”, “returned” or “superseded”, not “%s”"), review);
    }

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *path = _ccp_reader_path_join (base, numbers[i].attribute);
      guint value = 0;

      _ccp_reader_mark (r, path, node);
      if (_ccp_reader_get_uint_attr (r, node, numbers[i].attribute, path, &value))
        numbers[i].set (source, value);
    }

  if (status != NULL)
    {
      CcpSourceStatus value;

      if (ccp_source_status_from_code (status, &value))
        ccp_source_set_status (source, value);
      else
        _ccp_reader_add_issue (r, node, "format-invalid-status", status_path,
                               /* Translators: %s is the value found; the three words in
                                * quotes are literal */
                               _("Attribute “status” of <source> must be “accepted”, "
                                 "“superseded” or “refused”, not “%s”"), status);
    }
  else
    {
      _ccp_reader_add_issue (r, node, "format-missing-attribute", status_path,
                             _("<%s> has no “%s” attribute"), "source", "status");
    }

  g_ptr_array_add (items, g_steal_pointer (&source));
}

/* Format 1.1: one city's value in a joint conflict. */
static void
read_report_copy (CcpReader     *r,
                  xmlNode       *node,
                  const char    *base,
                  CcpReportItem *item)
{
  static const char * const attributes[] = { "city", "country", "activity", NULL };
  g_autofree char *path = _ccp_reader_path_index (base, "copies",
                                                  ccp_report_item_get_n_copies (item));
  g_autofree char *city = _ccp_reader_get_attr_or_empty (node, "city");
  g_autofree char *country = _ccp_reader_get_attr_or_empty (node, "country");
  g_autofree char *activity = _ccp_reader_get_attr_or_empty (node, "activity");
  g_autofree char *text = NULL;

  _ccp_reader_mark (r, path, node);
  _ccp_reader_check_attributes (r, node, path, attributes);
  text = _ccp_reader_element_text (r, node, path);
  ccp_report_item_add_copy (item, city, country, activity, text);
}

static void
read_report_item (CcpReader  *r,
                  xmlNode    *node,
                  const char *base,
                  gpointer    data,
                  GPtrArray  *items)
{
  static const char * const attributes[] = {
    "kind", "code", "file", "city", "country", "activity", "joint-ref", NULL
  };
  static const AttributeProperty texts[] = {
    { "code", "code" },
    { "file", "file" },
    { "city", "city" },
    { "country", "country" },
    { "activity", "activity" },
    { "joint-ref", "joint-ref" },
  };
  g_autofree char *kind = _ccp_reader_get_attr_or_empty (node, "kind");
  g_autoptr(CcpReportItem) item = ccp_report_item_new (kind);
  g_autofree char *kind_path = _ccp_reader_path_join (base, "kind");

  _ccp_reader_mark (r, base, node);
  _ccp_reader_mark (r, kind_path, node);
  _ccp_reader_check_attributes (r, node, base, attributes);
  read_string_attributes (r, node, base, G_OBJECT (item), texts, G_N_ELEMENTS (texts));

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      static const char * const value_attributes[] = { "name", NULL };
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      g_autofree char *path = NULL;

      if (!_ccp_reader_accept_child (r, child, node, base))
        continue;
      if (_ccp_reader_has_name (child, "copy"))
        {
          read_report_copy (r, child, base, item);
          continue;
        }
      if (!_ccp_reader_has_name (child, "value"))
        {
          _ccp_reader_unexpected_element (r, child, node, base);
          continue;
        }

      name = _ccp_reader_get_attr_or_empty (child, "name");
      path = g_strconcat (base, "/values/", name, NULL);
      _ccp_reader_mark (r, path, child);
      _ccp_reader_check_attributes (r, child, path, value_attributes);
      text = _ccp_reader_element_text (r, child, path);
      ccp_report_item_add_value (item, name, text);
    }

  g_ptr_array_add (items, g_steal_pointer (&item));
}

/* Format 1.1: the coordinators' choices. */
static void
read_choices (CcpReader    *r,
              xmlNode      *node,
              CcpFieldPlan *field_plan)
{
  static const char * const attributes[] = {
    "joint-ref", "field", "city", "country", "by", "on", NULL
  };
  guint index = 0;

  _ccp_reader_mark (r, "choices", node);
  _ccp_reader_check_attributes (r, node, "choices", NULL);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *path = NULL;
      g_auto(GStrv) values = g_new0 (char *, G_N_ELEMENTS (attributes));

      if (!_ccp_reader_accept_child (r, child, node, "choices"))
        continue;
      if (!_ccp_reader_has_name (child, "choice"))
        {
          _ccp_reader_unexpected_element (r, child, node, "choices");
          continue;
        }
      path = _ccp_reader_path_index (NULL, "choices", index++);
      _ccp_reader_mark (r, path, child);
      _ccp_reader_check_attributes (r, child, path, attributes);
      for (guint i = 0; attributes[i] != NULL; i++)
        values[i] = _ccp_reader_get_attr_or_empty (child, attributes[i]);
      _ccp_reader_refuse_children (r, child, path);
      ccp_field_plan_add_choice (field_plan, values[0], values[1], values[2], values[3],
                                 values[4], values[5]);
    }
}

/* Format 1.1, the cycle: the deadline and the reopenings. */
static void
read_cycle (CcpReader    *r,
            xmlNode      *node,
            CcpFieldPlan *field_plan)
{
  static const char * const attributes[] = { "deadline", NULL };
  static const char * const reopening_attributes[] = { "on", "by", NULL };
  g_autofree char *deadline = _ccp_reader_get_attr_or_empty (node, "deadline");
  guint index = 0;

  _ccp_reader_mark (r, "cycle", node);
  _ccp_reader_mark (r, "deadline", node);
  _ccp_reader_check_attributes (r, node, "cycle", attributes);
  ccp_field_plan_set_deadline (field_plan, deadline);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *path = NULL;
      g_autofree char *on = NULL;
      g_autofree char *by = NULL;
      g_autofree char *why = NULL;

      if (!_ccp_reader_accept_child (r, child, node, "cycle"))
        continue;
      if (!_ccp_reader_has_name (child, "reopening"))
        {
          _ccp_reader_unexpected_element (r, child, node, "cycle");
          continue;
        }
      path = _ccp_reader_path_index (NULL, "reopenings", index++);
      _ccp_reader_mark (r, path, child);
      _ccp_reader_check_attributes (r, child, path, reopening_attributes);
      on = _ccp_reader_get_attr_or_empty (child, "on");
      by = _ccp_reader_get_attr_or_empty (child, "by");
      why = _ccp_reader_element_text (r, child, path);
      ccp_field_plan_add_reopening (field_plan, on, by, why);
    }
}

typedef struct
{
  CcpFieldPlan *field_plan;
  GHashTable   *seen;
  guint         deputy_index;
  guint         minor;
} FieldPlanReading;

static void
read_field_plan_child (CcpReader *r,
                       xmlNode   *root,
                       xmlNode   *child,
                       gpointer   data)
{
  static const struct {
    const char *element;
    void (*set) (CcpFieldPlan *field_plan, const char *text);
  } texts[] = {
    { "field", ccp_field_plan_set_field },
    { "period", ccp_field_plan_set_period },
    { "mission-statement", ccp_field_plan_set_mission_statement },
    { "consolidated", ccp_field_plan_set_consolidated },
  };
  FieldPlanReading *reading = data;
  CcpFieldPlan *field_plan = reading->field_plan;
  GHashTable *seen = reading->seen;
  gboolean handled = FALSE;

  if (!_ccp_reader_accept_child (r, child, root, ""))
    return;

  if (!_ccp_reader_has_name (child, "deputy") && g_hash_table_contains (seen, child->name))
    {
      _ccp_reader_first_time (r, seen, child, root, "");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (texts) && !handled; i++)
    if (_ccp_reader_has_name (child, texts[i].element))
      {
        g_autofree char *text = _ccp_reader_read_text (r, child, texts[i].element);

        texts[i].set (field_plan, text);
        handled = TRUE;
      }

  if (handled)
    ;
  else if (_ccp_reader_has_name (child, "coordinator"))
    read_contact (r, child, ccp_field_plan_get_coordinator (field_plan), "coordinator");
  else if (_ccp_reader_has_name (child, "deputy"))
    {
      g_autoptr(CcpContact) deputy = ccp_contact_new ();
      g_autofree char *path = _ccp_reader_path_index (NULL, "deputies", reading->deputy_index++);

      read_contact (r, child, deputy, path);
      ccp_item_list_append (ccp_field_plan_get_deputies (field_plan), deputy);
    }
  else if (_ccp_reader_has_name (child, "roster"))
    _ccp_reader_read_list (r, child, "roster", "member", read_member, NULL,
                           ccp_field_plan_get_roster (field_plan));
  else if (_ccp_reader_has_name (child, "sources"))
    _ccp_reader_read_list (r, child, "sources", "source", read_source, NULL,
                           ccp_field_plan_get_sources (field_plan));
  else if (_ccp_reader_has_name (child, "activities"))
    _ccp_reader_read_activities (r, child, ccp_field_plan_get_activities (field_plan));
  else if (_ccp_reader_has_name (child, "choices"))
    read_choices (r, child, field_plan);
  else if (_ccp_reader_has_name (child, "cycle"))
    read_cycle (r, child, field_plan);
  else if (_ccp_reader_has_name (child, "report"))
    {
      _ccp_reader_read_list (r, child, "report", "item", read_report_item, NULL,
                             ccp_field_plan_get_report (field_plan));
      /* The upgrade of format 1.0 finds its items again, for the lines of its issues. */
      if (reading->minor == 0)
        ccp_xml_stream_preserve (r->stream);
    }
  else
    {
      _ccp_reader_unexpected_element (r, child, root, "");
      return;
    }

  g_hash_table_add (seen, (gpointer) child->name);
}

CcpFieldPlan *
_ccp_reader_read_field_plan (CcpReader *r,
                             xmlNode   *root)
{
  static const char * const properties[] = {
    "field", "period", "mission-statement", "consolidated", "coordinator", "roster", "sources",
    "activities", "report", "choices", "cycle",
  };
  g_autoptr(CcpFieldPlan) field_plan = ccp_field_plan_new ();
  g_autoptr(GHashTable) seen = _ccp_reader_seen_new ();
  FieldPlanReading reading = { field_plan, seen, 0, 0 };

  _ccp_reader_read_document_attributes (r, root, G_OBJECT (field_plan));

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    _ccp_reader_mark (r, properties[i], root);

  /* The version decides where the cities' contributions are (1.0: upgraded). */
  {
    g_autofree char *version = _ccp_reader_get_attr (root, "version");

    if (version != NULL && g_str_has_prefix (version, "1."))
      reading.minor = (guint) MIN (g_ascii_strtoull (version + 2, NULL, 10), G_MAXUINT);
  }

  _ccp_reader_read_children (r, root, read_field_plan_child, &reading);
  _ccp_reader_finish_field_plan (r, root, field_plan, reading.minor);

  /* Roster members without a field of their own are of the plan's field. */
  {
    GListModel *roster = G_LIST_MODEL (ccp_field_plan_get_roster (field_plan));
    const char *field = ccp_field_plan_get_field (field_plan);

    for (guint i = 0; i < g_list_model_get_n_items (roster); i++)
      {
        g_autoptr(CcpPartner) member = g_list_model_get_item (roster, i);

        if (*ccp_partner_get_field (member) == '\0')
          ccp_partner_set_field (member, field);
      }
  }

  return g_steal_pointer (&field_plan);
}
