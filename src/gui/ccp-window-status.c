/* ccp-window-status.c: what the window's header says of the plan: its status (Draft or Final)
 * and its problems (errors, warnings, info, completeness), which open the problems panel. */
#define G_LOG_DOMAIN "ccp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-window-private.h"

/* The Draft or Final label in the header; a final plan that got errors again is told once
 * that saving it makes it a draft (the reader's rules: a final plan has no errors). */
void
_ccp_window_update_plan_status (CcpWindow *self,
                                guint      errors)
{
  gboolean is_plan = CCP_IS_PLAN (self->document);
  gboolean final = is_plan && ccp_plan_get_status (CCP_PLAN (self->document)) ==
                              CCP_PLAN_STATUS_FINAL;

  gtk_widget_set_visible (GTK_WIDGET (self->plan_status_label), is_plan);
  if (!is_plan)
    return;

  /* Translators: the status of the plan, shown in the header bar */
  gtk_label_set_text (self->plan_status_label, final ? C_("plan status", "Final")
                                                     : C_("plan status", "Draft"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->plan_status_label),
                               final ? _("This plan is marked as final")
                                     : _("This plan is a draft: mark it as final once it has "
                                         "no errors"));
  if (final)
    gtk_widget_add_css_class (GTK_WIDGET (self->plan_status_label), "final");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->plan_status_label), "final");

  if (final && errors > 0 && !self->final_warned && !self->loading)
    {
      self->final_warned = TRUE;
      ccp_window_add_toast (self, adw_toast_new (_("This plan is final: saving it with errors "
                                                   "makes it a draft again")));
    }
  else if (!final || errors == 0)
    self->final_warned = FALSE;
}

void
_ccp_window_update_status (CcpWindow *self)
{
  CcpPlanEditor *editor = self->plan_editor;
  guint errors = editor ? ccp_plan_editor_get_n_errors (editor) : 0;
  guint warnings = editor ? ccp_plan_editor_get_n_warnings (editor) : 0;
  guint infos = editor ? ccp_plan_editor_get_n_infos (editor) : 0;
  int percent = (int) ((editor ? ccp_plan_editor_get_completeness (editor) : 0.0) * 100.0 + 0.5);
  g_autofree char *errors_text = NULL;
  g_autofree char *warnings_text = NULL;
  g_autofree char *complete_text = NULL;

  errors_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors),
                                 errors);
  warnings_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                warnings), warnings);
  /* Translators: how much of the plan is filled in, e.g. "80% complete" */
  complete_text = g_strdup_printf (_("%d%% complete"), percent);

  g_free (self->status_text);
  if (infos > 0)
    {
      /* Translators: how many issues of severity info the plan has (`ccplans validate` prints
       * "info" for them): neither errors nor warnings */
      g_autofree char *infos_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u info",
                                                                  "%u info", infos), infos);

      /* Translators: the status in the header bar: errors · warnings · info · completeness */
      self->status_text = g_strdup_printf (_("%s · %s · %s · %s"), errors_text, warnings_text,
                                           infos_text, complete_text);
    }
  else
    /* Translators: the status in the header bar: errors · warnings · completeness */
    self->status_text = g_strdup_printf (_("%s · %s · %s"), errors_text, warnings_text,
                                         complete_text);
  gtk_label_set_text (self->status_label, self->status_text);
  gtk_image_set_from_icon_name (self->status_icon,
                                errors > 0 ? "dialog-error-symbolic"
                                : warnings > 0 ? "dialog-warning-symbolic"
                                : "emblem-ok-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_button), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_button), "warning");
  if (errors > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_button), "error");
  else if (warnings > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_button), "warning");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->status_text,
                                  -1);
  _ccp_window_update_plan_status (self, errors);
  _ccp_window_update_actions (self);
}
