/* ccp-application.h: the application: one window per document, opening files, recovery. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CCP_TYPE_APPLICATION (ccp_application_get_type ())
G_DECLARE_FINAL_TYPE (CcpApplication, ccp_application, CCP, APPLICATION, AdwApplication)

CcpApplication *ccp_application_new            (void);
/* Opens file in preferred when it shows the start page, else in another empty window or a
 * new one; a file already open only brings its window forward. Returns the window. */
GtkWindow      *ccp_application_open_file      (CcpApplication *self,
                                                GFile          *file,
                                                GtkWindow      *preferred);
/* "New plan from previous period" with the plan file the user chose: a new window with the
 * next half-year's draft carrying the ongoing and carried-over activities (CCP_CARRY_DEFAULT),
 * each recording its origin. */
void            ccp_application_new_from_previous (CcpApplication *self,
                                                   GFile          *previous);
/* What the chooser opened by app.new-from-previous does: the same, after the Focal Point
 * picked the activities to carry (CcpCarryDialog). */
void            ccp_application_choose_carried (CcpApplication *self,
                                                GFile          *previous);
/* When recovery copies exist, asks whether to restore them; returns the dialog, or NULL. */
GtkWindow      *ccp_application_offer_recovery (CcpApplication *self,
                                                GtkWindow      *parent);

G_END_DECLS
