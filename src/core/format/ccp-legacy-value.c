/* ccp-legacy-value.c: bounded reading of format 1.0's JSON report values. */
#define G_LOG_DOMAIN "ccp-reader"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "ccp-legacy-value.h"

/* A flat scan (no recursion) of the nesting of arrays and objects outside strings. */
static gboolean
nesting_within (const char *value,
                guint       max_depth)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
          continue;
        }
      switch (*p)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            return FALSE;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }
  return TRUE;
}

GPtrArray *
ccp_legacy_value_decode_rows (const char *value,
                              guint       width)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  JsonNode *root;
  JsonArray *array;

  g_return_val_if_fail (value != NULL, NULL);

  if (!ccp_legacy_value_within_bounds (value))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, value, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      char **row;

      if (width == 0)
        {
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            return NULL;
          row = g_new0 (char *, 2);
          row[0] = g_strdup (json_node_get_string (node));
        }
      else
        {
          JsonArray *inner;
          guint length;

          if (!JSON_NODE_HOLDS_ARRAY (node))
            return NULL;
          inner = json_node_get_array (node);
          length = json_array_get_length (inner);
          if (length > width)
            return NULL;
          row = g_new0 (char *, width + 1);
          for (guint j = 0; j < width; j++)
            {
              JsonNode *cell = j < length ? json_array_get_element (inner, j) : NULL;

              if (cell != NULL && (!JSON_NODE_HOLDS_VALUE (cell) ||
                                   json_node_get_value_type (cell) != G_TYPE_STRING))
                {
                  g_strfreev (row);
                  return NULL;
                }
              row[j] = g_strdup (cell != NULL ? json_node_get_string (cell) : "");
            }
        }
      g_ptr_array_add (rows, row);
    }

  return g_steal_pointer (&rows);
}

gboolean
ccp_legacy_value_within_bounds (const char *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  return strlen (value) <= CCP_LEGACY_VALUE_MAX_LENGTH &&
         nesting_within (value, CCP_LEGACY_VALUE_MAX_DEPTH);
}
