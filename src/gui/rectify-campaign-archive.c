/* rectify-campaign-archive.c: archiving a campaign from the window, in a thread with progress and
 * cancel SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "rectify-a11y.h"
#include "rectify-archive.h"
#include "rectify-campaign-archive.h"
#include "rectify-job.h"
#include "rectify-pdf-archive.h"
#include "rectify-pdf-issue.h"

typedef struct
{
  /* read by the thread */
  char *db_path;
  gint64 actor;
  gint64 campaign_id;
  char *campaign_name;
  char *dir;
  RectifyPdfLanguage language;
  gboolean force; /* the user confirmed archiving an unfinished campaign */
  GCancellable *cancellable;
  /* main thread only */
  GtkWindow *parent;
  AdwMessageDialog *dialog; /* weak */
  GtkProgressBar *bar;      /* weak */
  RectifyCampaignArchiveDone done;
  GWeakRef owner;
} Job;

static void
job_clear (Job *job)
{
  g_free (job->db_path);
  g_free (job->dir);
  g_free (job->campaign_name);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->parent);
  g_weak_ref_clear (&job->owner);
  if (job->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (job->dialog), (gpointer *)&job->dialog);
  if (job->bar != NULL)
    g_object_remove_weak_pointer (G_OBJECT (job->bar), (gpointer *)&job->bar);
}

static Job *
job_ref (Job *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
job_unref (Job *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify)job_clear);
}

typedef struct
{
  Job *job;
  double fraction;
  char *text;
} Progress;

static gboolean
show_progress_cb (gpointer data)
{
  Progress *p = data;

  if (p->job->bar != NULL)
    {
      gtk_progress_bar_set_fraction (p->job->bar, p->fraction);
      gtk_progress_bar_set_text (p->job->bar, p->text);
    }
  job_unref (p->job);
  g_free (p->text);
  g_free (p);
  return G_SOURCE_REMOVE;
}

/* in the thread */
static void
on_progress (guint done, guint total, const char *current, gpointer user_data)
{
  Progress *p = g_new0 (Progress, 1);

  p->job = job_ref (user_data);
  p->fraction = total > 0 ? (double)done / total : 0;
  /* Translators: files written of the archive, then the file being written */
  p->text = g_strdup_printf (_ ("%u of %u: %s"), done, total, current ? current : "");
  g_idle_add (show_progress_cb, p);
  rectify_job_checkpoint (((Job *)user_data)->cancellable);
}

static void
archive_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (RectifyStore) store = NULL;
  g_autoptr (GError) error = NULL;
  RectifyPdfArchiveOptions options = { job->language, NULL, on_progress, job, job->force };

  /* a connection of its own: the window's stays free for the user */
  store = rectify_store_open (job->db_path, &error);
  if (store == NULL || (job->actor != 0 && !rectify_store_set_actor (store, job->actor, &error))
      || !rectify_pdf_archive_write (store, job->campaign_id, job->dir, &options, cancellable,
                                     &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
report_done (Job *job, const GError *error)
{
  g_autoptr (GObject) owner = g_weak_ref_get (&job->owner);

  if (owner != NULL && job->done != NULL)
    job->done (owner, job->dir, error);
}

static void
on_archive_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (job->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (job->dialog));
  report_done (job, error);
}

static void
start_job (Job *job)
{
  g_autoptr (GTask) task = g_task_new (NULL, job->cancellable, on_archive_done_cb, NULL);
  g_autofree char *body = NULL;
  g_autofree char *label = NULL;

  /* Translators: %s is the folder being written */
  body = g_strdup_printf (_ ("Writing the dossiers, documents, summary and manifest into %s"),
                          job->dir);
  job->dialog = rectify_job_progress_dialog (job->parent, _ ("Archiving the Campaign"), body,
                                             _ ("Archive progress"), job->cancellable, &job->bar);
  gtk_progress_bar_set_show_text (job->bar, TRUE);
  gtk_progress_bar_set_ellipsize (job->bar, PANGO_ELLIPSIZE_MIDDLE);
  g_object_add_weak_pointer (G_OBJECT (job->dialog), (gpointer *)&job->dialog);
  g_object_add_weak_pointer (G_OBJECT (job->bar), (gpointer *)&job->bar);

  g_task_set_source_tag (task, rectify_campaign_archive_start);
  g_task_set_task_data (task, job_ref (job), (GDestroyNotify)job_unref);
  /* Translators: %s is the folder being written */
  label = g_strdup_printf (_ ("Archiving the campaign into %s"), job->dir);
  rectify_job_run_in_thread (task, job->parent ? GTK_WIDGET (job->parent) : NULL, label,
                             archive_thread);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser, int response, Job *job)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    job->dir = g_file_get_path (file);
  if (job->dir != NULL)
    start_job (job);
  else if (file != NULL)
    {
      g_autoptr (GError) error = g_error_new_literal (
          RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Archive folder: choose a folder on this computer"));
      report_done (job, error);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  job_unref (job);
}

typedef void (*JobStep) (Job *job);

typedef struct
{
  Job *job;
  JobStep next;
} Confirmation;

static void
on_confirm_response_cb (AdwMessageDialog *dialog, const char *response, Confirmation *c)
{
  if (g_strcmp0 (response, "archive") == 0)
    {
      c->job->force = TRUE;
      c->next (c->job);
    }
  else
    {
      g_autoptr (GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                      _ ("Archive cancelled; nothing was kept"));
      report_done (c->job, error);
    }
  job_unref (c->job);
  g_free (c);
}

/* Goes on with next when the core finds the campaign finished, else when
 * the user confirms what it found (rectify_archive_check_finished). */
static void
confirm_then (Job *job, RectifyStore *store, JobStep next)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *unfinished = rectify_archive_check_finished (store, job->campaign_id, &error);
  AdwMessageDialog *dialog;
  Confirmation *c;

  if (error != NULL)
    {
      report_done (job, error);
      return;
    }
  if (unfinished == NULL)
    {
      next (job);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (job->parent, _ ("Archive an Unfinished Campaign?"), NULL));
  adw_message_dialog_format_body (
      dialog, "%s\n\n%s", unfinished,
      _ ("An archived campaign cannot change: hazards still open stay as they are in the "
         "archive."));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "archive",
                                    _ ("_Archive Anyway"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "archive", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (dialog));
  c = g_new0 (Confirmation, 1);
  c->job = job_ref (job);
  c->next = next;
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response_cb), c);
  gtk_window_present (GTK_WINDOW (dialog));
}

static Job *
job_new (GtkWidget *parent,
         RectifyStore *store,
         gint64 campaign_id,
         RectifyCampaignArchiveDone done,
         GObject *owner)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  Job *job = g_atomic_rc_box_new0 (Job);

  job->db_path = g_strdup (rectify_store_get_path (store));
  job->actor = rectify_store_get_actor (store);
  job->campaign_id = campaign_id;
  job->language = rectify_pdf_default_language (store);
  job->cancellable = g_cancellable_new ();
  job->parent = GTK_IS_WINDOW (root) ? g_object_ref (GTK_WINDOW (root)) : NULL;
  job->done = done;
  g_weak_ref_init (&job->owner, owner);
  return job;
}

/* the archive goes into a new folder: the chooser asks for its name */
static void
choose_folder (Job *job)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser
      = gtk_file_chooser_native_new (_ ("Archive the Campaign into a New Folder"), job->parent,
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Archive"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested name of an archive folder; %s is the campaign */
  name = g_strdup_printf (_ ("%s archive"), job->campaign_name);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), job_ref (job));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
rectify_campaign_archive_run (GtkWidget *parent,
                              RectifyStore *store,
                              gint64 campaign_id,
                              const char *dir,
                              RectifyCampaignArchiveDone done,
                              GObject *owner)
{
  Job *job;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RECTIFY_IS_STORE (store));
  g_return_if_fail (dir != NULL);

  job = job_new (parent, store, campaign_id, done, owner);
  job->dir = g_strdup (dir);
  confirm_then (job, store, start_job);
  job_unref (job);
}

void
rectify_campaign_archive_start (GtkWidget *parent,
                                RectifyStore *store,
                                gint64 campaign_id,
                                RectifyCampaignArchiveDone done,
                                GObject *owner)
{
  g_autoptr (RectifyCampaign) campaign = NULL;
  Job *job;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RECTIFY_IS_STORE (store));

  campaign = rectify_store_get_campaign (store, campaign_id, NULL);
  if (campaign == NULL)
    return;
  job = job_new (parent, store, campaign_id, done, owner);
  job->campaign_name = g_strdup (campaign->name);
  confirm_then (job, store, choose_folder);
  job_unref (job);
}
