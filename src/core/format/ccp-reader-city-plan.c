/* ccp-reader-city-plan.c: the parts of a <city-plan>: its city, field, period and mission, the
 * focal point and the representative; its activities are read by ccp-reader-activity.c. */
#define G_LOG_DOMAIN "ccp-reader"

#include "config.h"

#include "ccp-plan.h"
#include "ccp-reader-private.h"

/* A contact of the plan: child elements holding text, each kept in one plan property. */
typedef struct
{
  const char *element;
  const char *property;
  void (*set) (CcpPlan *plan, const char *text);
} ContactField;

static void
read_contact_fields (CcpReader          *r,
                     xmlNode            *node,
                     const char         *name,
                     const ContactField *fields,
                     guint               n_fields,
                     CcpPlan            *plan)
{
  g_autoptr(GHashTable) seen = _ccp_reader_seen_new ();

  for (guint i = 0; i < n_fields; i++)
    _ccp_reader_mark (r, fields[i].property, node);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      gboolean handled = FALSE;

      if (!_ccp_reader_accept_child (r, child, node, name))
        continue;

      for (guint i = 0; i < n_fields && !handled; i++)
        if (_ccp_reader_has_name (child, fields[i].element))
          {
            g_autofree char *text = NULL;

            handled = TRUE;
            if (!_ccp_reader_first_time (r, seen, child, node, name))
              break;
            text = _ccp_reader_read_text (r, child, fields[i].property);
            fields[i].set (plan, text);
          }

      if (!handled)
        _ccp_reader_unexpected_element (r, child, node, name);
    }
}

static void
read_focal_point (CcpReader *r,
                  xmlNode   *node,
                  CcpPlan   *plan)
{
  static const ContactField fields[] = {
    { "name", "focal-point-name", ccp_plan_set_focal_point_name },
    { "email", "focal-point-email", ccp_plan_set_focal_point_email },
    { "phone", "focal-point-phone", ccp_plan_set_focal_point_phone },
  };

  _ccp_reader_mark (r, "focal-point", node);
  _ccp_reader_check_attributes (r, node, "focal-point", NULL);
  read_contact_fields (r, node, "focal-point", fields, G_N_ELEMENTS (fields), plan);
}

static void
read_representative (CcpReader *r,
                     xmlNode   *node,
                     CcpPlan   *plan)
{
  static const char * const attributes[] = { "none", NULL };
  static const ContactField fields[] = {
    { "name", "representative-name", ccp_plan_set_representative_name },
    { "title", "representative-title", ccp_plan_set_representative_title },
    { "email", "representative-email", ccp_plan_set_representative_email },
  };

  _ccp_reader_mark (r, "representative", node);
  _ccp_reader_mark (r, "representative-none", node);
  _ccp_reader_check_attributes (r, node, "representative", attributes);
  ccp_plan_set_representative_none (plan, _ccp_reader_get_bool_attr (r, node, "none",
                                                                     "representative-none",
                                                                     FALSE));
  read_contact_fields (r, node, "representative", fields, G_N_ELEMENTS (fields), plan);
}

static void
read_city (CcpReader *r,
           xmlNode   *node,
           CcpPlan   *plan)
{
  static const char * const attributes[] = { "country", NULL };
  g_autofree char *text = NULL;
  g_autofree char *country = NULL;

  _ccp_reader_mark (r, "city", node);
  _ccp_reader_mark (r, "country", node);
  _ccp_reader_check_attributes (r, node, "city", attributes);
  text = _ccp_reader_element_text (r, node, "city");
  country = _ccp_reader_get_attr_or_empty (node, "country");
  ccp_plan_set_city (plan, text);
  ccp_plan_set_country (plan, country);
}

/* Format 1.1, the cycle: when and which revision the Focal Point sent. */
static void
read_sent (CcpReader *r,
           xmlNode   *node,
           CcpPlan   *plan)
{
  static const char * const attributes[] = { "revision", "on", NULL };
  g_autofree char *on = _ccp_reader_get_attr_or_empty (node, "on");
  guint revision = 0;

  _ccp_reader_mark (r, "sent", node);
  _ccp_reader_mark (r, "sent-revision", node);
  _ccp_reader_check_attributes (r, node, "sent", attributes);
  _ccp_reader_refuse_children (r, node, "sent");
  ccp_plan_set_sent (plan, on);
  if (_ccp_reader_get_uint_attr (r, node, "revision", "sent-revision", &revision))
    ccp_plan_set_sent_revision (plan, revision);
}

typedef struct
{
  CcpPlan    *plan;
  GHashTable *seen;
} CityPlanReading;

static void
read_city_plan_child (CcpReader *r,
                      xmlNode   *root,
                      xmlNode   *child,
                      gpointer   data)
{
  static const struct {
    const char *element;
    void (*set) (CcpPlan *plan, const char *text);
  } texts[] = {
    { "field", ccp_plan_set_field },
    { "period", ccp_plan_set_period },
    { "mission-statement", ccp_plan_set_mission_statement },
  };
  static const char * const singletons[] = {
    "city", "focal-point", "representative", "activities", "field", "period",
    "mission-statement", "sent", "comments", NULL
  };
  CityPlanReading *reading = data;
  CcpPlan *plan = reading->plan;

  if (!_ccp_reader_accept_child (r, child, root, ""))
    return;

  if (g_strv_contains (singletons, (const char *) child->name) &&
      !_ccp_reader_first_time (r, reading->seen, child, root, ""))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (_ccp_reader_has_name (child, texts[i].element))
      {
        g_autofree char *text = _ccp_reader_read_text (r, child, texts[i].element);

        texts[i].set (plan, text);
        return;
      }

  if (_ccp_reader_has_name (child, "city"))
    read_city (r, child, plan);
  else if (_ccp_reader_has_name (child, "focal-point"))
    read_focal_point (r, child, plan);
  else if (_ccp_reader_has_name (child, "representative"))
    read_representative (r, child, plan);
  else if (_ccp_reader_has_name (child, "activities"))
    _ccp_reader_read_activities (r, child, ccp_plan_get_activities (plan));
  else if (_ccp_reader_has_name (child, "sent"))
    read_sent (r, child, plan);
  else if (_ccp_reader_has_name (child, "comments"))
    _ccp_reader_read_list (r, child, "comments", "comment", _ccp_reader_read_comment, NULL,
                           ccp_plan_get_comments (plan));
  else
    _ccp_reader_unexpected_element (r, child, root, "");
}

CcpPlan *
_ccp_reader_read_city_plan (CcpReader *r,
                            xmlNode   *root)
{
  static const char * const plan_properties[] = {
    "city", "country", "field", "period", "mission-statement", "focal-point-name",
    "focal-point-email", "focal-point-phone", "activities",
  };
  g_autoptr(CcpPlan) plan = ccp_plan_new ();
  g_autoptr(GHashTable) seen = _ccp_reader_seen_new ();
  CityPlanReading reading = { plan, seen };

  _ccp_reader_read_document_attributes (r, root, G_OBJECT (plan));

  /* Required values that are missing are found by the validator; point it at the root. */
  for (guint i = 0; i < G_N_ELEMENTS (plan_properties); i++)
    _ccp_reader_mark (r, plan_properties[i], root);

  _ccp_reader_read_children (r, root, read_city_plan_child, &reading);

  return g_steal_pointer (&plan);
}
