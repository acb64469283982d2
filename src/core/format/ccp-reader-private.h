/* ccp-reader-private.h: what the files of the reader share.
 *
 * The reader is split by document part: ccp-xml-guard.c turns bytes into a document (the
 * security boundary), ccp-locations.c says where a node is, ccp-reader-dom.c holds the helpers
 * that read elements, attributes and text and report what the format does not expect, and
 * ccp-reader-activity.c, ccp-reader-city-plan.c and ccp-reader-field-plan.c read the parts of
 * the two kinds of document. ccp-reader.c checks the root and holds the entry points.
 */
#pragma once

#include <libxml/tree.h>

#include "ccp-reader.h"
#include "ccp-item-list.h"
#include "ccp-xml-guard.h"

G_BEGIN_DECLS

/* The state of one reading. */
typedef struct
{
  const char   *name;        /* display name of the input */
  GPtrArray    *issues;      /* CcpIssue */
  CcpLocations *locations;   /* where each path is recorded, or NULL */
  const char   *data;        /* the bytes parsed */
  gsize         length;
  GArray       *line_starts; /* gsize offsets, found when first needed (ccp-locations.c) */
  CcpXmlStream *stream;      /* the document, walked from the root down */
  xmlNs        *ours;        /* the root's namespace once it is checked: alive as long as the
                              * root, unlike declarations in the elements streamed */
} CcpReader;

/* A path of the validator made only when it is needed, for an issue or a location: most
 * elements of most files need none, and joining one per element was a twentieth of the time
 * to read a plan. The parent's path then "/" segment, or "/" index when segment is NULL; the
 * whole path is segment when parent is NULL. */
typedef struct _CcpLazyPath CcpLazyPath;
struct _CcpLazyPath
{
  CcpLazyPath *parent;
  const char  *segment;
  guint        index;
  char        *joined;      /* made when first asked for */
};

#define CCP_LAZY_PATH_ROOT(path)           { NULL, (path), 0, NULL }
#define CCP_LAZY_PATH_CHILD(parent, name)  { (parent), (name), 0, NULL }
#define CCP_LAZY_PATH_INDEX(parent, i)     { (parent), NULL, (i), NULL }

/* The path as _ccp_reader_path_join() and _ccp_reader_read_items() make it; owned by self. */
const char   *_ccp_lazy_path_get           (CcpLazyPath        *self);
void          _ccp_lazy_path_clear         (CcpLazyPath        *self);

/* Locations (ccp-locations.c) */

/* Locations filled only when first looked up, by reading the bytes again. */
CcpLocations *_ccp_locations_new_deferred (GBytes       *bytes,
                                           const char   *display_name);
/* Reads bytes again recording every location in self (ccp-reader.c). */
void          _ccp_reader_fill_locations  (CcpLocations *self,
                                           GBytes       *bytes,
                                           const char   *display_name);
/* Where a node is in the file: line and column, 0 when unknown (columns are known for
 * elements only, and only when r is not NULL). */
void          _ccp_reader_node_location   (CcpReader    *r,
                                           xmlNode      *node,
                                           guint        *line,
                                           guint        *column);
/* Records that path is at node (when locations are being recorded). */
void          _ccp_reader_mark            (CcpReader    *r,
                                           const char   *path,
                                           xmlNode      *node);

/* Elements, attributes and text (ccp-reader-dom.c) */

G_GNUC_PRINTF (5, 6)
void          _ccp_reader_add_issue        (CcpReader          *r,
                                            xmlNode            *node,
                                            const char         *rule,
                                            const char         *path,
                                            const char         *format,
                                            ...);
/* "base/name", or name when base is empty. Free with g_free(). */
char         *_ccp_reader_path_join        (const char         *base,
                                            const char         *name);
/* "base/list/index", or "list/index" when base is empty. Free with g_free(). */
char         *_ccp_reader_path_index       (const char         *base,
                                            const char         *list,
                                            guint               index);
gboolean      _ccp_reader_has_name         (xmlNode            *node,
                                            const char         *name);
void          _ccp_reader_unexpected_element (CcpReader        *r,
                                              xmlNode          *child,
                                              xmlNode          *parent,
                                              const char       *path);
/* TRUE when child is an element of the format (the caller dispatches it); reports foreign
 * elements and stray text; skips comments and processing instructions. */
gboolean      _ccp_reader_accept_child     (CcpReader          *r,
                                            xmlNode            *child,
                                            xmlNode            *parent,
                                            const char         *path);
/* Reports the children of an element that has none in the format. */
void          _ccp_reader_refuse_children  (CcpReader          *r,
                                            xmlNode            *node,
                                            const char         *path);
/* Singletons: TRUE the first time an element name is seen in parent, else reports it. */
gboolean      _ccp_reader_first_time       (CcpReader          *r,
                                            GHashTable         *seen,
                                            xmlNode            *child,
                                            xmlNode            *parent,
                                            const char         *path);
GHashTable   *_ccp_reader_seen_new         (void);
/* Text content of a simple element, trimmed; child elements are reported. */
char         *_ccp_reader_element_text     (CcpReader          *r,
                                            xmlNode            *node,
                                            const char         *path);
/* An element that holds only text: marks it at path, reports any attribute, returns its
 * text as _ccp_reader_element_text(). */
char         *_ccp_reader_read_text        (CcpReader          *r,
                                            xmlNode            *node,
                                            const char         *path);
/* Reports attributes not in known (NULL-terminated; NULL: none is known). */
void          _ccp_reader_check_attributes (CcpReader          *r,
                                            xmlNode            *node,
                                            const char         *path,
                                            const char * const *known);
/* The trimmed value of an attribute without namespace, or NULL when absent. */
char         *_ccp_reader_get_attr         (xmlNode            *node,
                                            const char         *name);
/* As _ccp_reader_get_attr(), "" when absent. */
char         *_ccp_reader_get_attr_or_empty (xmlNode           *node,
                                             const char        *name);
/* xs:boolean; absent means default_value. */
gboolean      _ccp_reader_get_bool_attr    (CcpReader          *r,
                                            xmlNode            *node,
                                            const char         *name,
                                            const char         *path,
                                            gboolean            default_value);
/* A whole number; FALSE (with an issue) when present but not a number, FALSE without issue
 * when absent. */
gboolean      _ccp_reader_get_uint_attr    (CcpReader          *r,
                                            xmlNode            *node,
                                            const char         *name,
                                            const char         *path,
                                            guint              *out);

/* The same checks with a lazy path, which is made only when there is something to report. */
gboolean      _ccp_reader_accept_child_lazy (CcpReader         *r,
                                             xmlNode           *child,
                                             xmlNode           *parent,
                                             CcpLazyPath       *path);
gboolean      _ccp_reader_accept_item_lazy (CcpReader          *r,
                                            xmlNode            *child,
                                            xmlNode            *parent,
                                            CcpLazyPath        *path,
                                            const char         *name);
void          _ccp_reader_check_attributes_lazy (CcpReader          *r,
                                                 xmlNode            *node,
                                                 CcpLazyPath        *path,
                                                 const char * const *known);
void          _ccp_reader_refuse_children_lazy (CcpReader    *r,
                                                xmlNode      *node,
                                                CcpLazyPath  *path);
/* Reports a second element of a kind that appears once (see _ccp_reader_first_time()). */
void          _ccp_reader_duplicate_element (CcpReader         *r,
                                             xmlNode           *child,
                                             xmlNode           *parent,
                                             const char        *path);
/* As _ccp_reader_element_text(), without a copy when the text needs no trimming: the text is
 * the node's own (alive as long as node) or, when it had to be made, *owned's. */
const char   *_ccp_reader_peek_text        (CcpReader          *r,
                                            xmlNode            *node,
                                            CcpLazyPath        *path,
                                            char              **owned);
/* As _ccp_reader_get_attr(), without a copy when the value needs no trimming (see above). */
const char   *_ccp_reader_peek_attr        (xmlNode            *node,
                                            const char         *name,
                                            char              **owned);
/* As _ccp_reader_get_bool_attr() with a lazy path. */
gboolean      _ccp_reader_peek_bool_attr   (CcpReader          *r,
                                            xmlNode            *node,
                                            const char         *name,
                                            CcpLazyPath        *path,
                                            gboolean            default_value);

/* Reads one item of a list at path ("LIST/INDEX") into items; data is the caller's. */
typedef void (*CcpReadItem) (CcpReader  *r,
                             xmlNode    *node,
                             const char *path,
                             gpointer    data,
                             GPtrArray  *items);
/* TRUE when child is an element `name` of the format; reports anything else. */
gboolean      _ccp_reader_accept_item      (CcpReader          *r,
                                            xmlNode            *child,
                                            xmlNode            *parent,
                                            const char         *path,
                                            const char         *name);
/* Appends items (GObjects) to the end of store at once. */
void          _ccp_reader_append_items     (CcpItemList        *store,
                                            GPtrArray          *items);
/* Reads the `item` children of the list element node at path, reporting anything else. */
void          _ccp_reader_read_items       (CcpReader          *r,
                                            xmlNode            *node,
                                            const char         *path,
                                            const char         *item,
                                            CcpReadItem         read_item,
                                            gpointer            data,
                                            GPtrArray          *items);
/* A list element without attributes: marks and checks it, reads its items (GObjects) and
 * appends them to store at once. */
void          _ccp_reader_read_list        (CcpReader          *r,
                                            xmlNode            *node,
                                            const char         *path,
                                            const char         *item,
                                            CcpReadItem         read_item,
                                            gpointer            data,
                                            CcpItemList        *store);
/* Document parts */

/* The contributions of the activities of a field plan read from a file of format 1.minor;
 * 1.0 is upgraded (ccp-reader-upgrade.c). */
void          _ccp_reader_finish_field_plan (CcpReader         *r,
                                             xmlNode           *root,
                                             CcpFieldPlan      *field_plan,
                                             guint              minor);
/* One <activity> at path: appends a CcpActivity to items (ccp-reader-activity.c). */
void          _ccp_reader_read_activity    (CcpReader          *r,
                                            xmlNode            *node,
                                            CcpLazyPath        *path,
                                            GPtrArray          *items);
/* <activities> of either root, given by the stream and not expanded: its activities are
 * streamed one at a time (ccp-reader.c). */
void          _ccp_reader_read_activities  (CcpReader          *r,
                                            xmlNode            *node,
                                            CcpItemList        *store);
/* Reads one child of root (data is the caller's). */
typedef void (*CcpReadChild) (CcpReader *r,
                              xmlNode   *root,
                              xmlNode   *child,
                              gpointer   data);
/* The children of root from the stream, each expanded, but <activities> (ccp-reader.c). */
void          _ccp_reader_read_children    (CcpReader          *r,
                                            xmlNode            *root,
                                            CcpReadChild        read_child,
                                            gpointer            data);
/* The attributes both roots have (id, revision, modified, status), set on the CcpPlan or
 * CcpFieldPlan (ccp-reader.c). */
void          _ccp_reader_read_document_attributes (CcpReader *r,
                                                    xmlNode   *root,
                                                    GObject   *document);
CcpPlan      *_ccp_reader_read_city_plan   (CcpReader          *r,
                                            xmlNode            *root);
CcpFieldPlan *_ccp_reader_read_field_plan  (CcpReader          *r,
                                            xmlNode            *root);
/* One <comment> (a CcpReadItem: appends a CcpReviewComment to items; ccp-reader-review.c). */
void          _ccp_reader_read_comment     (CcpReader          *r,
                                            xmlNode            *node,
                                            const char         *path,
                                            gpointer            data,
                                            GPtrArray          *items);

G_END_DECLS
