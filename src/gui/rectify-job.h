/* rectify-job.h: the background jobs that run, so that quitting waits for them to stop cleanly
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Runs task's func in a thread, as g_task_run_in_thread() does, and lists
 * it, under label, as running until the task has completed (its callback
 * has returned): owner (any widget, or NULL) says which main window it
 * belongs to; the task's cancellable is what stops it.  The thread's own
 * answer counts: a cancel that comes too late to stop it does not replace
 * a committed result (g_task_set_check_cancellable (task, FALSE)). */
void
rectify_job_run_in_thread (GTask *task, GtkWidget *owner, const char *label, GTaskThreadFunc func);

/* The dialog a job shows while it runs, over parent: heading, body (may
 * be NULL) and a progress bar named bar_name for screen readers, returned
 * in *bar.  With a cancellable, a Cancel button; any response (Cancel,
 * Escape) cancels it, and the job destroys the dialog when done. */
AdwMessageDialog *rectify_job_progress_dialog (GtkWindow *parent,
                                               const char *heading,
                                               const char *body,
                                               const char *bar_name,
                                               GCancellable *cancellable,
                                               GtkProgressBar **bar);

/* Whether a job of window (of any window when NULL) is running. */
gboolean rectify_job_any (GtkWindow *window);

typedef void (*RectifyJobThen) (gpointer data);

/* Before quitting (window NULL) or closing window: with no job of it
 * running, returns TRUE and does nothing else.  Otherwise returns FALSE
 * and asks, over parent, whether to stop the jobs it names; if so, cancels
 * them, leaves window (every window when NULL) insensitive while they
 * remove what they had written, and calls then (data) once the last has
 * completed.  data is unreffed (a GObject) when done with. */
gboolean
rectify_job_confirm_stop (GtkWindow *parent, GtkWindow *window, RectifyJobThen then, GObject *data);

/* Called by a job's thread where it may stop; in the widget tests it waits
 * there while rectify_job_hold_for_test (TRUE) holds it, until released or
 * cancelled. */
void rectify_job_checkpoint (GCancellable *cancellable);

/* For the widget tests: hold every job at its next checkpoint, or let go. */
void rectify_job_hold_for_test (gboolean hold);
/* For the widget tests: how many jobs wait at a checkpoint. */
guint rectify_job_n_held (void);

G_END_DECLS
