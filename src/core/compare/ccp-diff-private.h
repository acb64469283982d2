/* ccp-diff-private.h: what ccp-diff.c and ccp-diff-apply.c share. */
#pragma once

#include "ccp-diff.h"
#include "ccp-item-list.h"

G_BEGIN_DECLS

struct _CcpDiff {
  GObject       parent_instance;

  gboolean      field_plan;
  GObject      *new_document;   /* a copy of NEW: the activities and cities that were added */
  GPtrArray    *changes;        /* CcpChange * */
  GArray       *matches;        /* int per NEW activity: OLD's index or -1 */
  GArray       *how;            /* CcpDiffMatch per NEW activity */
  guint         n_old;
  guint         n_added;
  guint         n_removed;
  guint         n_modified;
};

/* The header values compared: a property of the plan, or of its coordinator ("coordinator/"). */
typedef struct {
  const char *property;
  const char *label;            /* N_() */
} CcpDiffHeader;

const CcpDiffHeader *_ccp_diff_headers        (gboolean  field_plan,
                                               guint    *n_headers);
CcpItemList          *_ccp_diff_activities     (GObject  *document);
/* The object that holds a header value (the document or its coordinator) and the property. */
GObject             *_ccp_diff_header_owner   (GObject    *document,
                                               const char *path,
                                               const char **property);
/* Whether the activity's per-city fields are in its cities' contributions. */
gboolean             _ccp_diff_has_cities     (CcpActivity *activity);

G_END_DECLS
