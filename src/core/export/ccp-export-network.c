/* ccp-export-network.c: the creative fields side by side in the HTML report and a CSV. */
#define G_LOG_DOMAIN "ccp-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ccp-export-network.h"
#include "ccp-field-plan.h"
#include "ccp-format.h"
#include "ccp-markup.h"
#include "ccp-network-compare.h"
#include "ccp-stats.h"
#include "ccp-vocabulary.h"

/* HTML */

static void
element (GString    *out,
         const char *tag,
         const char *text)
{
  g_string_append_printf (out, "<%s>", tag);
  ccp_markup_append_html (out, text);
  g_string_append_printf (out, "</%s>", tag);
}

static const char *
term_label (const char *vocabulary,
            const char *code)
{
  const char *text = ccp_vocabulary_get_short_label (ccp_vocabulary_get_default (), vocabulary,
                                                     code);

  return text != NULL ? text : code;
}

/* The header row: a first column, then one per field. */
static void
fields_head (GString           *out,
             CcpNetworkCompare *net,
             const char        *caption,
             const char        *first)
{
  g_string_append (out, "<table>");
  element (out, "caption", caption);
  g_string_append (out, "<thead><tr>");
  element (out, "th", first);
  for (guint f = 0; f < ccp_network_compare_get_n_fields (net); f++)
    element (out, "th", term_label ("field", ccp_network_compare_get_field (net, f)->field));
  g_string_append (out, "</tr></thead><tbody>\n");
}

static void
number_row (GString           *out,
            CcpNetworkCompare *net,
            const char        *heading,
            gsize              offset)
{
  g_string_append (out, "<tr>");
  element (out, "th", heading);
  for (guint f = 0; f < ccp_network_compare_get_n_fields (net); f++)
    {
      const CcpNetworkField *field = ccp_network_compare_get_field (net, f);

      g_string_append_printf (out, "<td class=\"n\">%u</td>",
                              G_STRUCT_MEMBER (guint, field, offset));
    }
  g_string_append (out, "</tr>\n");
}

static void
share_table (GString             *out,
             CcpNetworkCompare   *net,
             CcpCompareDimension  dimension,
             const char          *caption,
             const char          *first)
{
  GPtrArray *rows = ccp_network_compare_get_shares (net, dimension);
  const char *vocabulary = ccp_compare_dimension_to_code (dimension);

  fields_head (out, net, caption, first);
  for (guint i = 0; i < rows->len; i++)
    {
      const CcpNetworkShare *row = g_ptr_array_index (rows, i);
      g_autofree char *heading = NULL;

      if (dimension == CCP_COMPARE_SDG)
        /* Translators: an SDG number and its short name, e.g. "11. Sustainable cities" */
        heading = g_strdup_printf (_("%s. %s"), row->code, term_label (vocabulary, row->code));
      else
        heading = g_strdup (term_label (vocabulary, row->code));
      g_string_append (out, "<tr>");
      element (out, "th", heading);
      for (guint f = 0; f < ccp_network_compare_get_n_fields (net); f++)
        {
          guint percent = (guint) (row->shares[f] * 100.0 + 0.5);
          /* Translators: a share of a field's activities as a percentage, then their number,
           * e.g. "67 % (2)" */
          g_autofree char *text = g_strdup_printf (_("%u %% (%u)"), percent, row->counts[f]);

          g_string_append (out, "<td class=\"n\">");
          ccp_markup_append_html (out, text);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
}

void
ccp_export_html_append_network (GString      *out,
                                CcpFieldPlan *field_plan)
{
  g_autoptr(CcpNetworkCompare) net = ccp_network_compare_new (field_plan);
  const char * const *currencies = ccp_network_compare_get_currencies (net);

  g_string_append (out, "<section id=\"fields\">");
  element (out, "h2", _("Creative fields side by side"));
  element (out, "p", _("Shares are of each field’s activities, so that fields of different "
                       "sizes compare; a joint activity of cities of several fields counts in "
                       "each."));
  g_string_append (out, "<div class=\"summary\">\n");

  fields_head (out, net, _("Cities and activities per creative field"), _("Creative field"));
  number_row (out, net, _("Member cities"), G_STRUCT_OFFSET (CcpNetworkField, cities_expected));
  number_row (out, net, _("Cities with a plan"),
              G_STRUCT_OFFSET (CcpNetworkField, cities_with_plan));
  number_row (out, net, _("Activities"), G_STRUCT_OFFSET (CcpNetworkField, activities));
  number_row (out, net, _("International"), G_STRUCT_OFFSET (CcpNetworkField, international));
  number_row (out, net, _("Local"), G_STRUCT_OFFSET (CcpNetworkField, local));
  number_row (out, net, _("Flagship"), G_STRUCT_OFFSET (CcpNetworkField, flagships));
  g_string_append (out, "</tbody></table>\n");

  share_table (out, net, CCP_COMPARE_OBJECTIVE, _("Share of activities per objective"),
               _("Objective of the Mission Statement"));
  share_table (out, net, CCP_COMPARE_AREA, _("Share of activities per area of action"),
               _("Area of action"));
  share_table (out, net, CCP_COMPARE_SDG,
               _("Share of activities per Sustainable Development Goal"), _("SDG"));
  share_table (out, net, CCP_COMPARE_KIND, _("Share of activities per kind"), _("Kind"));

  if (currencies[0] != NULL)
    {
      fields_head (out, net, _("Budgets per currency and field (never added across currencies)"),
                   _("Currency"));
      for (guint c = 0; currencies[c] != NULL; c++)
        {
          g_string_append (out, "<tr>");
          element (out, "th", *currencies[c] != '\0' ? currencies[c] : "?");
          for (guint f = 0; f < ccp_network_compare_get_n_fields (net); f++)
            {
              const CcpNetworkBudget *budget =
                ccp_network_field_get_budget (ccp_network_compare_get_field (net, f),
                                              currencies[c]);
              g_autofree char *total = budget != NULL ? ccp_format_cents (budget->cents)
                                                      : g_strdup ("");

              g_string_append (out, "<td class=\"n\">");
              ccp_markup_append_html (out, total);
              g_string_append (out, "</td>");
            }
          g_string_append (out, "</tr>\n");
        }
      g_string_append (out, "</tbody></table>\n");
    }
  g_string_append (out, "</div></section>\n");
}

/* CSV */

static void
append_cell (GString    *out,
             const char *text,
             gboolean    first)
{
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL ||
                   (*text != '\0' && (g_ascii_isspace (text[0]) ||
                                      g_ascii_isspace (text[strlen (text) - 1])));

  if (!first)
    g_string_append_c (out, ',');
  if (quote)
    g_string_append_c (out, '"');
  /* A spreadsheet would run it as a formula. */
  if (text[0] != '\0' && strchr ("=+-@\t", text[0]) != NULL)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
append_row (GString    *out,
            const char *measure,
            const char *code,
            const char *field,
            guint       count,
            const char *share,
            const char *total)
{
  char number[16];

  g_snprintf (number, sizeof number, "%u", count);
  append_cell (out, measure, TRUE);
  append_cell (out, code, FALSE);
  append_cell (out, field, FALSE);
  append_cell (out, number, FALSE);
  append_cell (out, share, FALSE);
  append_cell (out, total, FALSE);
  g_string_append (out, "\r\n");
}

GBytes *
ccp_export_network_csv (CcpFieldPlan *field_plan)
{
  g_autoptr(CcpNetworkCompare) net = NULL;
  GString *out = g_string_new ("measure,code,field,count,share,total\r\n");
  const struct {
    const char *measure;
    gsize       offset;
  } numbers[] = {
    { "cities-expected", G_STRUCT_OFFSET (CcpNetworkField, cities_expected) },
    { "cities-with-plan", G_STRUCT_OFFSET (CcpNetworkField, cities_with_plan) },
    { "activities", G_STRUCT_OFFSET (CcpNetworkField, activities) },
    { "international", G_STRUCT_OFFSET (CcpNetworkField, international) },
    { "local", G_STRUCT_OFFSET (CcpNetworkField, local) },
    { "flagships", G_STRUCT_OFFSET (CcpNetworkField, flagships) },
  };
  guint n_fields;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);

  net = ccp_network_compare_new (field_plan);
  n_fields = ccp_network_compare_get_n_fields (net);
  for (gsize k = 0; k < G_N_ELEMENTS (numbers); k++)
    {
      for (guint f = 0; f < n_fields; f++)
        {
          const CcpNetworkField *field = ccp_network_compare_get_field (net, f);

          append_row (out, numbers[k].measure, "", field->field,
                      G_STRUCT_MEMBER (guint, field, numbers[k].offset), "", "");
        }
    }
  for (guint d = 0; d < CCP_COMPARE_N_DIMENSIONS; d++)
    {
      GPtrArray *rows = ccp_network_compare_get_shares (net, d);

      for (guint i = 0; i < rows->len; i++)
        {
          const CcpNetworkShare *row = g_ptr_array_index (rows, i);

          for (guint f = 0; f < n_fields; f++)
            {
              char share[G_ASCII_DTOSTR_BUF_SIZE];

              /* Locale-independent, like every number of the CSV. */
              g_ascii_formatd (share, sizeof share, "%.4f", row->shares[f]);
              append_row (out, ccp_compare_dimension_to_code (d), row->code,
                          ccp_network_compare_get_field (net, f)->field, row->counts[f], share,
                          "");
            }
        }
    }
  for (guint f = 0; f < n_fields; f++)
    {
      const CcpNetworkField *field = ccp_network_compare_get_field (net, f);

      for (guint b = 0; b < field->budgets->len; b++)
        {
          const CcpNetworkBudget *budget = g_ptr_array_index (field->budgets, b);
          g_autofree char *total = ccp_stats_format_cents (budget->cents);

          append_row (out, "budget", budget->currency, field->field, budget->contributions, "",
                      total);
        }
    }
  return g_string_free_to_bytes (out);
}
