/* rectify-job.c: the background jobs that run, so that quitting waits for them to stop cleanly
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-a11y.h"
#include "rectify-job.h"

/* Killing a thread midway leaves what it was writing behind (an archive's
 * .partial folder, an export's .partial file): the process stays until
 * every job listed here has stopped and cleaned up.  Main thread only. */
typedef struct
{
  char *label;
  GCancellable *cancellable;
  GWeakRef window; /* the main window it belongs to */
  GTask *task;     /* weak */
  gulong handler;
} Job;

typedef struct
{
  GtkWindow *window; /* NULL: every job */
  RectifyJobThen then;
  GObject *data;
  GPtrArray *insensitive;
} Waiter;

static GPtrArray *jobs;
static GList *waiters;
static guint check_id;

/* the test hold */
static GMutex hold_mutex;
static GCond hold_cond;
static gint hold;
static guint n_held;

static void on_task_finalized (gpointer data, GObject *task);

static void
job_free (Job *job)
{
  if (job->task != NULL)
    {
      g_clear_signal_handler (&job->handler, job->task);
      g_object_weak_unref (G_OBJECT (job->task), on_task_finalized, job);
    }
  g_free (job->label);
  g_clear_object (&job->cancellable);
  g_weak_ref_clear (&job->window);
  g_free (job);
}

static void
waiter_free (Waiter *waiter)
{
  for (guint i = 0; i < waiter->insensitive->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (waiter->insensitive, i), TRUE);
  g_ptr_array_unref (waiter->insensitive);
  g_clear_object (&waiter->window);
  g_clear_object (&waiter->data);
  g_free (waiter);
}

/* The window a job belongs to: the main window under its dialogs. */
static GtkWindow *
main_window_of (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  while (window != NULL && gtk_window_get_transient_for (window) != NULL)
    window = gtk_window_get_transient_for (window);
  return window;
}

static gboolean
job_is_of (Job *job, GtkWindow *window)
{
  g_autoptr (GtkWindow) own = NULL;

  if (window == NULL)
    return TRUE;
  own = g_weak_ref_get (&job->window);
  return own == window;
}

gboolean
rectify_job_any (GtkWindow *window)
{
  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    if (job_is_of (g_ptr_array_index (jobs, i), window))
      return TRUE;
  return FALSE;
}

static gboolean
check_waiters_cb (gpointer user_data)
{
  GList *l = waiters;

  check_id = 0;
  while (l != NULL)
    {
      Waiter *waiter = l->data;
      GList *next = l->next;

      if (!rectify_job_any (waiter->window))
        {
          waiters = g_list_delete_link (waiters, l);
          /* sensitive again first: then may well keep the window */
          for (guint i = 0; i < waiter->insensitive->len; i++)
            gtk_widget_set_sensitive (g_ptr_array_index (waiter->insensitive, i), TRUE);
          g_ptr_array_set_size (waiter->insensitive, 0);
          waiter->then (waiter->data);
          waiter_free (waiter);
        }
      l = next;
    }
  return G_SOURCE_REMOVE;
}

static void
job_done (Job *job)
{
  g_ptr_array_remove (jobs, job);
  if (waiters != NULL && check_id == 0)
    check_id = g_idle_add (check_waiters_cb, NULL);
}

/* After the task's callback has returned: what it shows is shown, and the
 * thread has finished its own cleanup. */
static void
on_task_completed_cb (GTask *task, GParamSpec *pspec, Job *job)
{
  job_done (job);
}

/* A task never returned is no longer running either. */
static void
on_task_finalized (gpointer data, GObject *task)
{
  Job *job = data;

  job->task = NULL;
  job->handler = 0;
  job_done (job);
}

void
rectify_job_run_in_thread (GTask *task, GtkWidget *owner, const char *label, GTaskThreadFunc func)
{
  Job *job;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (owner == NULL || GTK_IS_WIDGET (owner));
  g_return_if_fail (label != NULL && func != NULL);

  if (jobs == NULL)
    jobs = g_ptr_array_new_with_free_func ((GDestroyNotify)job_free);
  job = g_new0 (Job, 1);
  job->label = g_strdup (label);
  job->cancellable
      = g_task_get_cancellable (task) ? g_object_ref (g_task_get_cancellable (task)) : NULL;
  g_weak_ref_init (&job->window, main_window_of (owner));
  job->task = task;
  g_object_weak_ref (G_OBJECT (task), on_task_finalized, job);
  job->handler
      = g_signal_connect (task, "notify::completed", G_CALLBACK (on_task_completed_cb), job);
  g_ptr_array_add (jobs, job);

  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, func);
}

/* ---- the progress dialog ------------------------------------------------------------ */

static void
on_progress_response_cb (AdwMessageDialog *dialog, const char *response, GCancellable *cancellable)
{
  /* the thread stops at its next check and removes what it wrote; the
   * dialog goes when the job is done */
  g_cancellable_cancel (cancellable);
}

static void
unref_closure_data (gpointer data, GClosure *closure)
{
  g_object_unref (data);
}

AdwMessageDialog *
rectify_job_progress_dialog (GtkWindow *parent,
                             const char *heading,
                             const char *body,
                             const char *bar_name,
                             GCancellable *cancellable,
                             GtkProgressBar **bar)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  GtkWidget *progress = gtk_progress_bar_new ();

  g_return_val_if_fail (bar != NULL, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  bar_name, -1);
  adw_message_dialog_set_extra_child (dialog, progress);
  if (cancellable != NULL)
    {
      adw_message_dialog_add_response (dialog, "cancel", _ ("_Cancel"));
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_progress_response_cb),
                             g_object_ref (cancellable), unref_closure_data, 0);
    }
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  *bar = GTK_PROGRESS_BAR (progress);
  return dialog;
}

/* ---- asking before quitting ---------------------------------------------------- */

typedef struct
{
  GtkWindow *window;
  RectifyJobThen then;
  GObject *data;
} Ask;

static void
ask_free (Ask *ask)
{
  g_clear_object (&ask->window);
  g_clear_object (&ask->data);
  g_free (ask);
}

static void
ask_closure_free (gpointer data, GClosure *closure)
{
  ask_free (data);
}

static void
on_stop_response_cb (AdwMessageDialog *dialog, const char *response, Ask *ask)
{
  Waiter *waiter;
  GApplication *application;

  if (g_strcmp0 (response, "stop") != 0)
    return;

  waiter = g_new0 (Waiter, 1);
  waiter->window = g_steal_pointer (&ask->window);
  waiter->then = ask->then;
  waiter->data = g_steal_pointer (&ask->data);
  waiter->insensitive = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);

      if (job_is_of (job, waiter->window))
        g_cancellable_cancel (job->cancellable);
    }
  /* the main windows wait; the jobs' progress dialogs above them show
   * the jobs stopping */
  application = g_application_get_default ();
  if (waiter->window != NULL)
    g_ptr_array_add (waiter->insensitive, g_object_ref (waiter->window));
  else if (GTK_IS_APPLICATION (application))
    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL;
         l = l->next)
      if (gtk_window_get_transient_for (l->data) == NULL)
        g_ptr_array_add (waiter->insensitive, g_object_ref (l->data));
  for (guint i = 0; i < waiter->insensitive->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (waiter->insensitive, i), FALSE);

  waiters = g_list_append (waiters, waiter);
  if (check_id == 0)
    check_id = g_idle_add (check_waiters_cb, NULL);
}

gboolean
rectify_job_confirm_stop (GtkWindow *parent, GtkWindow *window, RectifyJobThen then, GObject *data)
{
  g_autoptr (GString) names = g_string_new (NULL);
  AdwMessageDialog *dialog;
  Ask *ask;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), TRUE);
  g_return_val_if_fail (then != NULL, TRUE);

  if (!rectify_job_any (window))
    return TRUE;
  /* already asked and waiting: the jobs are stopping */
  for (GList *l = waiters; l != NULL; l = l->next)
    if (((Waiter *)l->data)->window == window || ((Waiter *)l->data)->window == NULL)
      return FALSE;

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);

      if (job_is_of (job, window))
        /* Translators: one running job in a list of them */
        g_string_append_printf (names, _ ("• %s\n"), job->label);
    }
  g_strchomp (names->str);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _ ("Work Still in Progress"), NULL));
  if (window == NULL)
    {
      adw_message_dialog_format_body (
          dialog,
          _ ("Rectify is still busy with:\n%s\n\nCancelling removes what was written so far and "
             "leaves the database as it was; Rectify quits once that is done."),
          names->str);
      adw_message_dialog_add_responses (dialog, "keep", _ ("_Keep Working"), "stop",
                                        _ ("Cancel and _Quit"), NULL);
    }
  else
    {
      adw_message_dialog_format_body (
          dialog,
          _ ("This window is still busy with:\n%s\n\nCancelling removes what was written so far "
             "and leaves the database as it was; the window closes once that is done."),
          names->str);
      adw_message_dialog_add_responses (dialog, "keep", _ ("_Keep Working"), "stop",
                                        _ ("Cancel and _Close"), NULL);
    }
  adw_message_dialog_set_response_appearance (dialog, "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");

  ask = g_new0 (Ask, 1);
  ask->window = window ? g_object_ref (window) : NULL;
  ask->then = then;
  ask->data = data ? g_object_ref (data) : NULL;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_stop_response_cb), ask,
                         ask_closure_free, 0);
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/* ---- the test hold ---------------------------------------------------------------- */

static void
wake_cb (GCancellable *cancellable, gpointer data)
{
  g_mutex_lock (&hold_mutex);
  g_cond_broadcast (&hold_cond);
  g_mutex_unlock (&hold_mutex);
}

void
rectify_job_checkpoint (GCancellable *cancellable)
{
  gulong id = 0;

  if (!g_atomic_int_get (&hold))
    return;
  if (cancellable != NULL)
    id = g_cancellable_connect (cancellable, G_CALLBACK (wake_cb), NULL, NULL);
  g_mutex_lock (&hold_mutex);
  n_held++;
  g_cond_broadcast (&hold_cond);
  while (g_atomic_int_get (&hold) && !g_cancellable_is_cancelled (cancellable))
    g_cond_wait (&hold_cond, &hold_mutex);
  n_held--;
  g_mutex_unlock (&hold_mutex);
  if (id != 0)
    g_cancellable_disconnect (cancellable, id);
}

void
rectify_job_hold_for_test (gboolean hold_jobs)
{
  g_mutex_lock (&hold_mutex);
  g_atomic_int_set (&hold, hold_jobs);
  g_cond_broadcast (&hold_cond);
  g_mutex_unlock (&hold_mutex);
}

guint
rectify_job_n_held (void)
{
  guint n;

  g_mutex_lock (&hold_mutex);
  n = n_held;
  g_mutex_unlock (&hold_mutex);
  return n;
}
