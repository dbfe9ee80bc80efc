/* rectify-verify-dialog.c: Verify Records: the records against the audit chain, in the background
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rectify-a11y.h"
#include "rectify-job.h"
#include "rectify-verify-dialog.h"

typedef struct
{
  char *path;
  GtkWindow *parent;
  AdwMessageDialog *progress;
} Verify;

static void
verify_free (gpointer data)
{
  Verify *v = data;
  g_free (v->path);
  if (v->progress)
    g_object_remove_weak_pointer (G_OBJECT (v->progress), (gpointer *)&v->progress);
  g_clear_object (&v->parent);
  g_free (v);
}

static void
report_free (gpointer data)
{
  rectify_audit_report_clear (data);
  g_free (data);
}

static void
verify_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Verify *v = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (RectifyStore) reader = rectify_store_open_reader (v->path, &error);
  RectifyAuditReport *report;

  if (!reader)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rectify_job_checkpoint (cancellable);
  report = g_new0 (RectifyAuditReport, 1);
  if (!rectify_store_verify_audit (reader, report, &error))
    {
      report_free (report);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, report, report_free);
}

/* What was found, one line each, selectable, in a scrolled box. */
static GtkWidget *
findings_view (const RectifyAuditReport *report)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (NULL);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < report->findings->len; i++)
    {
      const RectifyAuditFinding *f = g_ptr_array_index (report->findings, i);
      if (i)
        g_string_append_c (text, '\n');
      g_string_append (text, f->message);
    }
  gtk_label_set_text (GTK_LABEL (label), text->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_name (label, "verify-findings");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Findings"), -1);
  return scrolled;
}

static void
on_verified (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Verify *v = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  RectifyAuditReport *report = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *body = NULL;
  const char *heading;
  AdwMessageDialog *dialog;

  if (v->progress)
    gtk_window_destroy (GTK_WINDOW (v->progress));
  g_assert (v->progress == NULL);
  if (!report)
    {
      heading = _ ("Records Not Verified");
      body = g_strdup (error->message);
    }
  else if (report->first_bad_id != 0)
    {
      heading = _ ("The Audit Chain Is Broken");
      body = g_strdup_printf (_ ("Audit row %" PRId64 ": %s. Restore the last backup, "
                                 "and keep this file for the investigation."),
                              report->first_bad_id, report->problem);
    }
  else if (report->findings->len > 0)
    {
      heading = _ ("The Records Do Not Match the Audit Chain");
      body = g_strdup_printf (
          ngettext ("%u finding: the database was changed outside Rectify. Restore the last "
                    "backup, and keep this file for the investigation.",
                    "%u findings: the database was changed outside Rectify. Restore the last "
                    "backup, and keep this file for the investigation.",
                    report->findings->len),
          report->findings->len);
    }
  else
    {
      heading = _ ("Records Verified");
      body = g_strdup_printf (ngettext ("The records match the audit chain (%" PRId64 " entry).",
                                        "The records match the audit chain (%" PRId64 " entries).",
                                        (gulong)report->rows),
                              report->rows);
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (v->parent, heading, body));
  if (report && report->first_bad_id == 0 && report->findings->len > 0)
    adw_message_dialog_set_extra_child (dialog, findings_view (report));
  adw_message_dialog_add_responses (dialog, "close", _ ("_Close"), NULL);
  adw_message_dialog_set_default_response (dialog, "close");
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  if (report)
    report_free (report);
}

void
rectify_verify_dialog_run (GtkWindow *parent, RectifyStore *store)
{
  Verify *v = g_new0 (Verify, 1);
  g_autoptr (GTask) task = NULL;
  GtkProgressBar *bar = NULL;

  g_return_if_fail (RECTIFY_IS_STORE (store));

  v->path = g_strdup (rectify_store_get_path (store));
  v->parent = parent ? g_object_ref (parent) : NULL;
  v->progress = rectify_job_progress_dialog (
      parent, _ ("Verifying Records…"),
      _ ("Every record is compared with the audit chain; on a large database this takes a while."),
      _ ("Verification progress"), NULL, &bar);
  g_object_add_weak_pointer (G_OBJECT (v->progress), (gpointer *)&v->progress);
  gtk_progress_bar_pulse (bar);
  task = g_task_new (NULL, NULL, on_verified, NULL);
  g_task_set_task_data (task, v, verify_free);
  rectify_job_run_in_thread (task, parent ? GTK_WIDGET (parent) : NULL, _ ("Verifying records"),
                             verify_thread);
}
