/* ccp-test-util.h: helpers shared by the core tests: data paths and seeded random plans. */
#pragma once

#include "ccp-core.h"

G_BEGIN_DECLS

/* g_build_filename ($CCP_DATA_DIR, relative). Free with g_free(). */
char        *ccp_test_data_path        (const char *relative);
/* $CCP_EXAMPLES_DIR (data/examples of the source tree). */
const char  *ccp_test_examples_dir     (void);
/* Removes a scratch folder and everything in it (symbolic links are removed, not followed). */
void         ccp_test_remove_tree      (const char *path);

/* n_words words (at least one) of realistic text, some with accents, Arabic or Chinese script,
 * and characters that XML must escape (& < > " '). One line, no leading or trailing space.
 * Free with g_free(). */
char        *ccp_test_random_string    (GRand *rand, guint n_words);

/* Signal handlers that count their emissions in the guint that data points to ("changed",
 * "notify"): connect with G_CALLBACK and &count. */
void         ccp_test_count_cb         (gpointer    object,
                                        gpointer    data);
void         ccp_test_count_notify_cb  (GObject    *object,
                                        GParamSpec *pspec,
                                        guint      *count);

/* A new temporary file (g_file_open_tmp() template, e.g. "ccp-registry-XXXXXX.csv") holding
 * contents; the test removes it. Free the path with g_free(). */
char        *ccp_test_write_temp       (const char *template_name,
                                        const char *contents);

/* A new activity (not added to the plan) valid in that plan: identifier from
 * ccp_plan_next_activity_id(), dates inside the plan's period, codes from the vocabularies.
 * Every value comes from rand. */
CcpActivity *ccp_test_random_activity  (GRand *rand, CcpPlan *plan);

/*
 * A valid, realistic city plan whose every value comes from rand (same seed, same plan): it
 * validates against data/schema/creative-cities-plans-1.xsd once written, and has no validation
 * errors. city, country, field and period may be NULL for a random member city / period.
 * n_activities may be 0 (the plan is then incomplete: the format needs one activity).
 */
CcpPlan     *ccp_test_random_plan      (GRand      *rand,
                                        const char *city,
                                        const char *country,
                                        const char *field,
                                        const char *period,
                                        guint       n_activities);

G_END_DECLS
