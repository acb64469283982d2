/* ccp-activity-columns.c: the columns of the activities table: what each cell shows and how
 * the dates sort. */
#define G_LOG_DOMAIN "ccp-activity-table"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-activity-columns.h"
#include "ccp-activity-table.h"
#include "ccp-choices.h"
#include "ccp-format.h"
#include "ccp-row-slot.h"
#include "ccp-table-util.h"

static char *
join_codes (const char * const *codes)
{
  /* The translated separator, each number isolated: "4، 10، 11" in Arabic. */
  return ccp_format_list (codes);
}

static char *
title_text (gpointer item)
{
  if ((item = ccp_row_slot_unwrap (item)) == NULL)
    return g_strdup ("");
  return g_strdup (ccp_activity_get_title (item));
}

static char *
cities_text (gpointer item)
{
  if ((item = ccp_row_slot_unwrap (item)) == NULL)
    return g_strdup ("");
  return ccp_activity_cities_text (item);
}

/* The cells' texts: a row binds a CcpRowSlot (ccp-slot-model.h; a blank row's has no
 * activity), a sorter compares the activities themselves. */

/* Dates are shown in the user's language but sorted by their ISO form. */
static char *
start_text (gpointer item)
{
  if ((item = ccp_row_slot_unwrap (item)) == NULL)
    return g_strdup ("");
  return ccp_format_date (ccp_activity_get_start_date (item));
}

static char *
end_text (gpointer item)
{
  if ((item = ccp_row_slot_unwrap (item)) == NULL)
    return g_strdup ("");
  return ccp_format_date (ccp_activity_get_end_date (item));
}

static int
compare_start (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_strcmp0 (ccp_activity_get_start_date ((gpointer) a),
                    ccp_activity_get_start_date ((gpointer) b));
}

static int
compare_end (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  return g_strcmp0 (ccp_activity_get_end_date ((gpointer) a),
                    ccp_activity_get_end_date ((gpointer) b));
}

static char *
kind_text (gpointer item)
{
  if ((item = ccp_row_slot_unwrap (item)) == NULL)
    return g_strdup ("");
  return ccp_choices_get_label ("kind", ccp_activity_get_kind (item));
}

static char *
scope_text (gpointer item)
{
  if ((item = ccp_row_slot_unwrap (item)) == NULL)
    return g_strdup ("");
  return ccp_choices_get_label ("scope", ccp_activity_get_scope (item));
}

static char *
objectives_text (gpointer item)
{
  if ((item = ccp_row_slot_unwrap (item)) == NULL)
    return g_strdup ("");
  return join_codes (ccp_activity_get_objectives (item));
}

static char *
sdgs_text (gpointer item)
{
  if ((item = ccp_row_slot_unwrap (item)) == NULL)
    return g_strdup ("");
  return join_codes (ccp_activity_get_sdgs (item));
}

static char *
flagship_text (gpointer item)
{
  if ((item = ccp_row_slot_unwrap (item)) == NULL)
    return g_strdup ("");
  /* Translators: the flagship column of the activities table, for a flagship initiative */
  return g_strdup (ccp_activity_get_flagship (item) ? _("Flagship") : "");
}

void
ccp_activity_columns_add (GtkColumnView *view)
{
  ccp_table_add_text_column (view, "title", _("Title"), title_text, NULL, TRUE);
  ccp_table_add_text_column (view, "cities", _("Cities"), cities_text, NULL, FALSE);
  ccp_table_add_text_column (view, "start", _("Start"), start_text, compare_start, FALSE);
  ccp_table_add_text_column (view, "end", _("End"), end_text, compare_end, FALSE);
  ccp_table_add_text_column (view, "kind", _("Kind"), kind_text, NULL, FALSE);
  ccp_table_add_text_column (view, "scope", _("Scope"), scope_text, NULL, FALSE);
  ccp_table_add_text_column (view, "objectives", _("Objectives"), objectives_text, NULL,
                             FALSE);
  ccp_table_add_text_column (view, "sdgs", _("SDGs"), sdgs_text, NULL, FALSE);
  ccp_table_add_text_column (view, "flagship", _("Flagship"), flagship_text, NULL, FALSE);
}
