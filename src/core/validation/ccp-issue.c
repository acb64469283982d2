#define G_LOG_DOMAIN "ccp-issue"

#include "config.h"

#include <string.h>

#include "ccp-issue.h"

G_DEFINE_ENUM_TYPE (CcpSeverity, ccp_severity,
  G_DEFINE_ENUM_VALUE (CCP_SEVERITY_INFO, "info"),
  G_DEFINE_ENUM_VALUE (CCP_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (CCP_SEVERITY_ERROR, "error"))

const char *
ccp_severity_to_code (CcpSeverity severity)
{
  switch (severity)
    {
    case CCP_SEVERITY_INFO:
      return "info";
    case CCP_SEVERITY_WARNING:
      return "warning";
    case CCP_SEVERITY_ERROR:
      return "error";
    default:
      g_return_val_if_reached ("error");
    }
}

struct _CcpIssue
{
  GObject      parent_instance;

  CcpSeverity  severity;
  char        *rule;
  char        *path;
  char        *message;
  guint        line;
  guint        column;
};

G_DEFINE_FINAL_TYPE (CcpIssue, ccp_issue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_RULE,
  PROP_PATH,
  PROP_MESSAGE,
  PROP_LINE,
  PROP_COLUMN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ccp_issue_finalize (GObject *object)
{
  CcpIssue *self = CCP_ISSUE (object);

  g_free (self->rule);
  g_free (self->path);
  g_free (self->message);

  G_OBJECT_CLASS (ccp_issue_parent_class)->finalize (object);
}

static void
ccp_issue_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CcpIssue *self = CCP_ISSUE (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    case PROP_COLUMN:
      g_value_set_uint (value, self->column);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_construct_string (char         **field,
                      const GValue  *value)
{
  const char *text = g_value_get_string (value);

  g_free (*field);
  *field = g_strdup (text != NULL ? text : "");
}

static void
ccp_issue_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CcpIssue *self = CCP_ISSUE (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      self->severity = g_value_get_enum (value);
      break;
    case PROP_RULE:
      set_construct_string (&self->rule, value);
      break;
    case PROP_PATH:
      set_construct_string (&self->path, value);
      break;
    case PROP_MESSAGE:
      set_construct_string (&self->message, value);
      break;
    case PROP_LINE:
      ccp_issue_set_location (self, g_value_get_uint (value), self->column);
      break;
    case PROP_COLUMN:
      ccp_issue_set_location (self, self->line, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_issue_class_init (CcpIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ccp_issue_finalize;
  object_class->get_property = ccp_issue_get_property;
  object_class->set_property = ccp_issue_set_property;

  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       CCP_TYPE_SEVERITY, CCP_SEVERITY_ERROR,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULE] =
    g_param_spec_string ("rule", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN] =
    g_param_spec_uint ("column", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ccp_issue_init (CcpIssue *self)
{
}

CcpIssue *
ccp_issue_new (CcpSeverity  severity,
               const char  *rule,
               const char  *path,
               const char  *message)
{
  return g_object_new (CCP_TYPE_ISSUE,
                       "severity", severity,
                       "rule", rule,
                       "path", path,
                       "message", message,
                       NULL);
}

CcpIssue *
ccp_issue_new_printf (CcpSeverity  severity,
                      const char  *rule,
                      const char  *path,
                      const char  *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return ccp_issue_new (severity, rule, path, message);
}

CcpSeverity
ccp_issue_get_severity (CcpIssue *self)
{
  g_return_val_if_fail (CCP_IS_ISSUE (self), CCP_SEVERITY_ERROR);

  return self->severity;
}

const char *
ccp_issue_get_rule (CcpIssue *self)
{
  g_return_val_if_fail (CCP_IS_ISSUE (self), NULL);

  return self->rule;
}

const char *
ccp_issue_get_path (CcpIssue *self)
{
  g_return_val_if_fail (CCP_IS_ISSUE (self), NULL);

  return self->path;
}

const char *
ccp_issue_get_message (CcpIssue *self)
{
  g_return_val_if_fail (CCP_IS_ISSUE (self), NULL);

  return self->message;
}

guint
ccp_issue_get_line (CcpIssue *self)
{
  g_return_val_if_fail (CCP_IS_ISSUE (self), 0);

  return self->line;
}

guint
ccp_issue_get_column (CcpIssue *self)
{
  g_return_val_if_fail (CCP_IS_ISSUE (self), 0);

  return self->column;
}

void
ccp_issue_set_location (CcpIssue *self,
                        guint     line,
                        guint     column)
{
  g_return_if_fail (CCP_IS_ISSUE (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->line != line)
    {
      self->line = line;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE]);
    }

  if (self->column != column)
    {
      self->column = column;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

guint
ccp_issues_count (GPtrArray   *issues,
                  CcpSeverity  severity)
{
  guint count = 0;

  g_return_val_if_fail (issues != NULL, 0);

  for (guint i = 0; i < issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (issues, i);

      if (issue->severity == severity)
        count++;
    }

  return count;
}

/* Numbers in paths compare as numbers, so "activities/2" comes before "activities/10". */
static int
compare_paths (const char *a,
               const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *start_a, *start_b;
          gsize len_a, len_b;
          int cmp;

          while (*a == '0' && g_ascii_isdigit (a[1]))
            a++;
          while (*b == '0' && g_ascii_isdigit (b[1]))
            b++;
          for (start_a = a; g_ascii_isdigit (*a); a++)
            ;
          for (start_b = b; g_ascii_isdigit (*b); b++)
            ;
          len_a = a - start_a;
          len_b = b - start_b;
          if (len_a != len_b)
            return len_a < len_b ? -1 : 1;
          cmp = strncmp (start_a, start_b, len_a);
          if (cmp != 0)
            return cmp;
        }
      else
        {
          if (*a != *b)
            return (guchar) *a < (guchar) *b ? -1 : 1;
          a++;
          b++;
        }
    }

  if (*a == *b)
    return 0;
  return *a == '\0' ? -1 : 1;
}

static int
compare_issues (gconstpointer a,
                gconstpointer b)
{
  CcpIssue *issue_a = *(CcpIssue * const *) a;
  CcpIssue *issue_b = *(CcpIssue * const *) b;

  if (issue_a->line != issue_b->line)
    return issue_a->line < issue_b->line ? -1 : 1;
  if (issue_a->column != issue_b->column)
    return issue_a->column < issue_b->column ? -1 : 1;
  return compare_paths (issue_a->path, issue_b->path);
}

void
ccp_issues_sort (GPtrArray *issues)
{
  g_return_if_fail (issues != NULL);

  /* g_ptr_array_sort is a stable merge sort: issues at one place keep the order found. */
  g_ptr_array_sort (issues, compare_issues);
}
