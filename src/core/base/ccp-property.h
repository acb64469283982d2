/* ccp-property.h: the GParamSpecs and string setters that the core's GObjects share.
 *
 * Every property of the model notifies explicitly (only on a real change), so they all take
 * G_PARAM_EXPLICIT_NOTIFY; strings default to "" and are never NULL.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CCP_PARAM_READWRITE \
  (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define CCP_PARAM_CONSTRUCT_ONLY \
  (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)

static inline GParamSpec *
ccp_string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "", CCP_PARAM_READWRITE);
}

static inline GParamSpec *
ccp_construct_string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "", CCP_PARAM_CONSTRUCT_ONLY);
}

static inline GParamSpec *
ccp_boolean_pspec (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE, CCP_PARAM_READWRITE);
}

static inline GParamSpec *
ccp_strv_pspec (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, CCP_PARAM_READWRITE);
}

static inline GParamSpec *
ccp_uint_pspec (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, CCP_PARAM_READWRITE);
}

/* Replaces *field by a copy of value ("" for NULL). TRUE when it changed. */
static inline gboolean
ccp_set_string (char       **field,
                const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* A construct-only string property's value into *field ("" for NULL). */
static inline void
ccp_set_construct_string (char         **field,
                          const GValue  *value)
{
  const char *text = g_value_get_string (value);

  g_free (*field);
  *field = g_strdup (text != NULL ? text : "");
}

G_END_DECLS
