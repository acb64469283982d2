/* ccp-email.h: handing a message to the desktop's email composer through the XDG Email portal
 * (libportal), and the next best thing where the session has no portal. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CCP_EMAIL_ERROR (ccp_email_error_quark ())

typedef enum {
  /* Nothing on the session bus answers org.freedesktop.portal.Email. */
  CCP_EMAIL_ERROR_NO_PORTAL,
  /* The portal was there but could not compose the message. */
  CCP_EMAIL_ERROR_FAILED,
} CcpEmailError;

GQuark    ccp_email_error_quark         (void);

/* Opens the composer with the fields filled in; every argument but parent may be NULL. The
 * user closing the composer's chooser ends in G_IO_ERROR_CANCELLED; a session without the
 * portal in CCP_EMAIL_ERROR_NO_PORTAL (checked first: libportal 0.6 warns and reads an unset
 * version without it). attachment must be a local file. */
void      ccp_email_compose_async       (GtkWindow           *parent,
                                         const char *const   *addresses,
                                         const char *const   *bcc,
                                         const char          *subject,
                                         const char          *body,
                                         GFile               *attachment,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean  ccp_email_compose_finish      (GAsyncResult        *result,
                                         GError             **error);

/* Shows file selected in the file manager (org.freedesktop.FileManager1 ShowItems), else opens
 * the folder it is in (gtk_show_uri). */
void      ccp_email_show_in_folder      (GtkWindow           *parent,
                                         GFile               *file);
/* Puts text on the clipboard of widget's display. */
void      ccp_email_copy_text           (GtkWidget           *widget,
                                         const char          *text);

/* The fallback without a portal: copies body to the clipboard and asks, in a message dialog over
 * parent, whether to show attachment (may be NULL) in its folder. recipients (may be NULL) says
 * whom to write to. */
void      ccp_email_offer_fallback      (GtkWindow           *parent,
                                         const char          *recipients,
                                         const char          *body,
                                         GFile               *attachment);

/* Splits a list of addresses typed by a person (commas, semicolons or spaces between them) into
 * a NULL-terminated array of the non-empty ones; NULL when there is none. */
char    **ccp_email_split_addresses     (const char          *text);

G_END_DECLS
