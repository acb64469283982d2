/* ccplans-generate.h: the generator's state, shared by ccplans-generate.c (cities, plans, the
 * command line) and ccplans-generate-activity.c (what each activity says). */
#pragma once

#include "ccp-core.h"

G_BEGIN_DECLS

#define N_THEMES 10

/* The words of one creative field; unknown fields use the generic entry. */
typedef struct {
  const char *field;
  const char *themes[N_THEMES];
  const char *venues[5];
  struct {
    const char *name;             /* a template: {City} */
    const char *sector;
  } organisations[5];
} FieldWords;

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* A city of the generated set. */
typedef struct {
  char      *name;
  char      *country;
  char      *field;
  GPtrArray *joint;               /* JointActivity *, not owned */
} City;

/* One activity run jointly by several cities: the content every copy shares. */
typedef struct {
  char      *joint_ref;
  char      *title;
  char      *description;
  const char *kind;
  const char *theme;
  char      *start;
  char      *end;
  GPtrArray *cities;              /* City *, not owned */
  char     **objectives;
  char     **areas;
  char     **sdgs;
} JointActivity;

typedef struct {
  GRand            *rand;
  const FieldWords *words;
  CcpIsoCodes      *iso_codes;
  const char       *field;
  const char       *period;
  GDate             first;        /* the period's days */
  GDate             last;
  GPtrArray        *cities;       /* City * */
  GPtrArray        *registry_members;
  GPtrArray        *joint;        /* JointActivity * */
  gboolean          compact;      /* only the required fields */
} Generator;

/* The words of field (the generic ones when it has none of its own). */
const FieldWords *ccp_generate_field_words      (const char    *field);
/* Lowercase ASCII letters and digits, words joined by '-'. */
char             *ccp_generate_slugify          (const char    *text);
/* Activity number of city: a full one, or (--compact) only what the validator requires. */
CcpActivity      *ccp_generate_activity         (Generator     *gen,
                                                 City          *city,
                                                 guint          number);
CcpActivity      *ccp_generate_compact_activity (Generator     *gen,
                                                 City          *city,
                                                 guint          number);
/* This city's copy of a joint activity: shared content, its own place, partners and budget. */
CcpActivity      *ccp_generate_joint_copy       (Generator     *gen,
                                                 City          *city,
                                                 JointActivity *joint,
                                                 guint          number);
/* Draws the joint activities of the cities (gen->joint, and each city's joint). */
void              ccp_generate_joint_activities (Generator     *gen,
                                                 guint          n_activities);

G_END_DECLS
