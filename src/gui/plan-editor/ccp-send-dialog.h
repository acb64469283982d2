/* ccp-send-dialog.h: "Send to Coordinator": the address (remembered per field), subject and
 * summary of a saved plan, handed with the file to the email composer (ccp-email.h). */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

#define CCP_TYPE_SEND_DIALOG (ccp_send_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CcpSendDialog, ccp_send_dialog, CCP, SEND_DIALOG, AdwWindow)

/* Called by Send before the composer opens: saves the plan (recording when and which revision
 * is sent) and returns the file to attach (transfer full), or NULL: with error set, the dialog
 * shows it; without, the caller has already told the user (a failed save). */
typedef GFile *(*CcpSendPrepareFunc) (CcpSendDialog  *dialog,
                                      gpointer        user_data,
                                      GError        **error);

/*
 * revision: the revision that Send will save and attach (the subject and summary say it).
 * Signal "sent": the composer took the message. Without a portal the dialog offers the
 * fallback (ccp_email_offer_fallback) and closes without "sent".
 */
CcpSendDialog *ccp_send_dialog_new           (GtkWindow     *parent,
                                              CcpPlan       *plan,
                                              GFile         *file,
                                              guint          revision,
                                              guint          n_errors,
                                              guint          n_warnings);
/* Without one, the file given to ccp_send_dialog_new() is attached as it is. */
void           ccp_send_dialog_set_prepare_func (CcpSendDialog      *self,
                                                 CcpSendPrepareFunc  func,
                                                 gpointer            user_data,
                                                 GDestroyNotify      destroy);
/* What the Send button does. */
void           ccp_send_dialog_send          (CcpSendDialog *self);

/* The summary body of a plan: city, field, period, revision, status, activities, problems. */
char          *ccp_send_dialog_build_summary (CcpPlan       *plan,
                                              guint          revision,
                                              guint          n_errors,
                                              guint          n_warnings);
/* "Creative Cities plan: Bologna, Music, 2027-H1, revision 3". */
char          *ccp_send_dialog_build_subject (CcpPlan       *plan,
                                              guint          revision);

/* The address last used for a field's coordinator ("" when none). Free with g_free(). */
char          *ccp_send_dialog_get_remembered_address (const char *field);

/* For tests. */
GtkEditable   *ccp_send_dialog_get_address_entry (CcpSendDialog *self);
GtkEditable   *ccp_send_dialog_get_subject_entry (CcpSendDialog *self);
GtkTextView   *ccp_send_dialog_get_body_view     (CcpSendDialog *self);
/* The "this draft has errors" notice, NULL when the plan has none. */
GtkLabel      *ccp_send_dialog_get_error_label   (CcpSendDialog *self);

G_END_DECLS
