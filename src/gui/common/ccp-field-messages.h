/* ccp-field-messages.h: validation messages shown just beneath the inputs of a form.
 *
 * Each input is registered under the model property it edits ("focal-point-email", "end-date").
 * Given the issues of the validator, the matching inputs get the "error" (or "warning") style
 * and an accessible invalid state, and the messages appear in a label beneath them. Issues whose
 * property has no input go to a fallback label.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _CcpFieldMessages CcpFieldMessages;

CcpFieldMessages *ccp_field_messages_new          (void);
void              ccp_field_messages_free         (CcpFieldMessages *self);
/* row: the widget beneath which the message goes (a GtkListBoxRow in a list, or a child of a
 * GtkBox); input: the widget that gets the style and the focus (may be the row itself). */
void              ccp_field_messages_add          (CcpFieldMessages *self,
                                                   const char       *property,
                                                   GtkWidget        *row,
                                                   GtkWidget        *input);
void              ccp_field_messages_set_fallback (CcpFieldMessages *self,
                                                   GtkLabel         *label);
/* issues: CcpIssue; only those whose path starts with prefix ("" or "activities/3/") count. */
void              ccp_field_messages_show         (CcpFieldMessages *self,
                                                   GPtrArray        *issues,
                                                   const char       *prefix);
GtkWidget        *ccp_field_messages_get_input    (CcpFieldMessages *self,
                                                   const char       *property);
/* The text shown beneath that property's input, "" when none (for tests and accessibility). */
const char       *ccp_field_messages_get_message  (CcpFieldMessages *self,
                                                   const char       *property);
gboolean          ccp_field_messages_focus        (CcpFieldMessages *self,
                                                   const char       *property);

/* Emails, phone numbers, dates and amounts read left to right even in a right-to-left UI. */
void              ccp_editable_force_ltr          (GtkWidget        *editable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcpFieldMessages, ccp_field_messages_free)

G_END_DECLS
