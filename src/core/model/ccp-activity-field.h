/* ccp-activity-field.h: the field table, every field of an activity described once.
 *
 * A row says where the field lives in the XML (an attribute of <activity>, the text or an
 * attribute of a child element, or a list of items), what kind of value it holds, which
 * vocabulary its codes come from, its CSV column, its label in report sentences, whether the
 * cities of a joint activity share it, and how to get and set it on a CcpActivity. The reader,
 * the writer, the validator's type and vocabulary checks, the exports and the merge's comparison
 * all walk this table, so that adding a plain field is one row here (and its widget).
 *
 * The rows are in the order of the file format (data/schema/creative-cities-plans-1.xsd): the
 * attributes of <activity> first, then its child elements in schema order. Several rows can
 * share one element (place and its "online" attribute, budget and its three attributes): they
 * are contiguous, the row of the element's own text or items first.
 *
 * The items of the list fields (partner cities, partner organisations, expected results) have
 * a small table of their own, CcpItemField.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"
#include "ccp-item-list.h"

G_BEGIN_DECLS

typedef enum {
  CCP_FIELD_TYPE_IDENTIFIER,            /* the activity's stable identifier */
  CCP_FIELD_TYPE_LINE,                  /* single-line text */
  CCP_FIELD_TYPE_TEXT,                  /* text that may hold line breaks */
  CCP_FIELD_TYPE_CODE,                  /* one code of `vocabulary` */
  CCP_FIELD_TYPE_CODES,                 /* codes of `vocabulary`, sorted, unique */
  CCP_FIELD_TYPE_DATE,                  /* ISO 8601 YYYY-MM-DD */
  CCP_FIELD_TYPE_AMOUNT,                /* decimal with "." */
  CCP_FIELD_TYPE_CURRENCY,              /* ISO 4217 code */
  CCP_FIELD_TYPE_FLAG,                  /* true or false */
  CCP_FIELD_TYPE_NONE_ANSWER,           /* the "no relevant information" answer of `none_of` */
  CCP_FIELD_TYPE_TEXTS,                 /* list of free texts, one `item` element each */
  CCP_FIELD_TYPE_PARTNER_CITIES,        /* list of CcpPartner (cities) */
  CCP_FIELD_TYPE_PARTNER_ORGANISATIONS, /* list of CcpPartner (organisations) */
  CCP_FIELD_TYPE_RESULTS,               /* list of CcpResult */
} CcpFieldType;

/* In a field plan, a joint activity holds the shared fields once; each contributing city has
 * its own value of the per-city fields. */
typedef enum {
  CCP_FIELD_SHARE_NONE,      /* not a value of the activity's content (its identifier, joint ref) */
  CCP_FIELD_SHARE_SHARED,
  CCP_FIELD_SHARE_PER_CITY,
} CcpFieldShare;

typedef enum {
  CCP_FIELD_FLAGS_NONE     = 0,
  /* The copies of a joint activity are compared on this field in the merge. */
  CCP_FIELD_FLAGS_COMPARED = 1 << 0,
  /* The element is written even when it has no value (title, description, dates, place,
   * objectives, areas); other elements only when they have a value or a "none" answer. */
  CCP_FIELD_FLAGS_ALWAYS   = 1 << 1,
  /* Attribute written only when true / non-empty (flagship, joint-ref, online, none). */
  CCP_FIELD_FLAGS_IF_SET   = 1 << 2,
  /* The schema requires a value: text that is not blank, a code, one code of a list at least.
   * The validator reports "<rule>-missing" when there is none. */
  CCP_FIELD_FLAGS_REQUIRED = 1 << 3,
  /* Left out of the CSV and XLSX exports, whose columns stay as they were (the carried-over
   * link, added in format 1.1 after the exports' columns were fixed). */
  CCP_FIELD_FLAGS_NO_EXPORT = 1 << 4,
} CcpFieldFlags;

typedef struct _CcpActivityField CcpActivityField;
typedef struct _CcpItemField     CcpItemField;

struct _CcpActivityField {
  const char      *name;          /* property of CcpActivity, segment of validation paths */
  CcpFieldType     type;
  const char      *vocabulary;    /* CODE and CODES: the vocabulary's name */
  const char      *element;       /* child element of <activity>; NULL: attribute of <activity> */
  const char      *attribute;     /* attribute of `element` (or of <activity>); NULL: its text or items */
  const char      *item;          /* TEXTS and the lists: the element of each item */
  const char      *none_of;       /* NONE_ANSWER: the name of the field it answers */
  const char      *csv_column;    /* column of the CSV export */
  const char      *label;         /* untranslated (N_()) name in report sentences: "budget amount" */
  const char      *heading;       /* untranslated (N_()) heading for people:
                                   * "Budget"; NULL for the "none" answers, which belong to theirs */
  CcpFieldShare    share;
  CcpFieldFlags    flags;
  /* The accessors of the type (the others are NULL). */
  const char        *(*get_string) (CcpActivity *activity);
  void               (*set_string) (CcpActivity *activity, const char *value);
  const char * const *(*get_strv)  (CcpActivity *activity);
  void               (*set_strv)   (CcpActivity *activity, const char * const *value);
  gboolean           (*get_flag)   (CcpActivity *activity);
  void               (*set_flag)   (CcpActivity *activity, gboolean value);
  CcpItemList       *(*get_list)   (CcpActivity *activity);
  const CcpItemField *items;      /* the lists: the fields of each item, NULL-named row last */
  /* The prefix of the validator's rule codes ("activity-id" gives activity-id-missing); NULL:
   * the name. Lists and TEXTS: the prefix of their items' rules ("partner-city"). */
  const char        *rule;
};

/* A field of one item of a list (a partner city's name, country and field; an expected
 * result's outcome and indicator). */
struct _CcpItemField {
  const char   *name;             /* property of the item, segment of validation paths */
  CcpFieldType  type;             /* LINE, TEXT or CODE */
  const char   *vocabulary;       /* CODE: the vocabulary ("field", "sector"); "country": ISO 3166 */
  const char   *element;          /* child element of the item; NULL: the item's own text */
  const char   *attribute;        /* attribute of the item; NULL: text */
  const char  *(*get) (GObject *item);
  void         (*set) (GObject *item, const char *value);
  CcpFieldFlags flags;            /* REQUIRED or none */
  const char   *rule;             /* prefix of its rule codes; NULL: "<list's rule>-<name>" */
};

/* The rows, in file order; *n_fields is set to their number. */
const CcpActivityField *ccp_activity_fields          (guint                  *n_fields);
/* The row named `name`, or NULL. */
const CcpActivityField *ccp_activity_field_find      (const char             *name);
/* The row whose NONE_ANSWER answers `field`, or NULL. */
const CcpActivityField *ccp_activity_field_none_of   (const CcpActivityField *field);
const char             *ccp_activity_field_get_label (const CcpActivityField *field);
/* The translated heading, or NULL. */
const char             *ccp_activity_field_get_heading (const CcpActivityField *field);

/* A list field's items as rows of strings (one column per item field, in table order; TEXTS:
 * one column). Free with g_ptr_array_unref(). */
GPtrArray  *ccp_activity_field_get_rows  (const CcpActivityField *field,
                                          CcpActivity            *activity);
/* Replaces a list field's items (or a TEXTS field's texts) with rows as above. */
void        ccp_activity_field_set_rows  (const CcpActivityField *field,
                                          CcpActivity            *activity,
                                          GPtrArray              *rows);
/* Whether a and b hold the same value of the field (lists: same items in the same order). */
gboolean    ccp_activity_field_equal     (const CcpActivityField *field,
                                          CcpActivity            *a,
                                          CcpActivity            *b);
/* Whether the field holds no value: "", no codes, false, no items. */
gboolean    ccp_activity_field_is_empty  (const CcpActivityField *field,
                                          CcpActivity            *activity);
/* Copies the field's value from `from` to `to` (lists: new items). */
void        ccp_activity_field_copy      (const CcpActivityField *field,
                                          CcpActivity            *from,
                                          CcpActivity            *to);
/* The value of a single-valued field as the file has it: a string as is, a flag as "true" or
 * "false", codes joined by a space. NULL for the lists and TEXTS. Free with g_free(). */
char       *ccp_activity_field_to_string (const CcpActivityField *field,
                                          CcpActivity            *activity);
/* Sets a single-valued field from ccp_activity_field_to_string()'s form; FALSE (nothing set)
 * for a flag that is neither "true" nor "false" and for list fields. */
gboolean    ccp_activity_field_from_string (const CcpActivityField *field,
                                            CcpActivity            *activity,
                                            const char             *value);

G_END_DECLS

G_BEGIN_DECLS

/* Whether the file leaves the item field out of an item when it is empty: an item's child
 * elements after the first (a result's indicator; the first, its outcome, is required). */
gboolean    ccp_activity_field_item_is_optional (const CcpActivityField *field,
                                                 const CcpItemField     *item_field);

G_END_DECLS
