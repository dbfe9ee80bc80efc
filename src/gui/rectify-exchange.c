/* rectify-exchange.c: Export…, Back Up… and Restore… with a file chooser and a thread
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-a11y.h"
#include "rectify-backup.h"
#include "rectify-exchange.h"
#include "rectify-import-dialog.h"
#include "rectify-job.h"

typedef enum
{
  JOB_EXPORT,
  JOB_BACKUP,
  JOB_RESTORE
} JobKind;

typedef struct
{
  JobKind kind;
  char *db_path;
  char *path;
  RectifyExportList list;
  RectifyQuery q; /* strings owned */
  RectifyExportFlags export_flags;
  gint progress; /* per mille */
  guint64 rows;
  char *aside;
  RectifyStore *store; /* the window's, for "changed" after a restore */
  GtkWindow *parent;
  AdwMessageDialog *dialog; /* progress, with Cancel */
  GtkProgressBar *bar;
  guint timer;
  GCancellable *cancellable;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->path);
  rectify_query_clear (&job->q);
  g_free (job->aside);
  g_clear_object (&job->store);
  g_clear_object (&job->parent);
  g_clear_handle_id (&job->timer, g_source_remove);
  g_clear_object (&job->cancellable);
  if (job->dialog)
    g_object_remove_weak_pointer (G_OBJECT (job->dialog), (gpointer *)&job->dialog);
  g_free (job);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_message (GtkWindow *parent, const char *heading, const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, NULL));

  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_progress (guint64 done, guint64 total, gpointer user_data)
{
  Job *job = user_data;
  g_atomic_int_set (&job->progress, total ? (gint)(done * 1000 / total) : 1000);
  rectify_job_checkpoint (job->cancellable);
}

static void
on_backup_progress (guint64 done, guint64 total, gpointer user_data)
{
  Job *job = user_data;
  g_atomic_int_set (&job->progress, total ? (gint)(done * 1000 / total) : 1000);
  rectify_job_checkpoint (job->cancellable);
}

static void
job_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (job->kind == JOB_RESTORE)
    ok = rectify_restore_backup (job->db_path, job->path, &job->aside, &error);
  else
    {
      /* A store is used by one thread only: this one opens its own. */
      g_autoptr (RectifyStore) store = rectify_store_open (job->db_path, &error);
      ok = store != NULL;
      if (ok && job->kind == JOB_EXPORT)
        ok = rectify_export_file_full (
            store, job->list, &job->q, rectify_export_format_for_path (job->path),
            job->export_flags, job->path, on_export_progress, job, cancellable, &job->rows, &error);
      else if (ok)
        ok = rectify_store_backup_full (store, job->path, on_backup_progress, job, cancellable,
                                        &error);
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static gboolean
update_bar_cb (gpointer user_data)
{
  Job *job = user_data;
  if (job->dialog == NULL)
    return G_SOURCE_CONTINUE;
  if (job->kind != JOB_RESTORE)
    gtk_progress_bar_set_fraction (job->bar, g_atomic_int_get (&job->progress) / 1000.0);
  else
    gtk_progress_bar_pulse (job->bar);
  return G_SOURCE_CONTINUE;
}

static void
on_job_done_cb (GObject *source_object, GAsyncResult *result, gpointer user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;

  g_clear_handle_id (&job->timer, g_source_remove);
  if (job->dialog)
    {
      g_object_remove_weak_pointer (G_OBJECT (job->dialog), (gpointer *)&job->dialog);
      gtk_window_destroy (GTK_WINDOW (job->dialog));
      job->dialog = NULL;
    }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_message (job->parent,
                    job->kind == JOB_EXPORT   ? _ ("Export Failed")
                    : job->kind == JOB_BACKUP ? _ ("Backup Failed")
                                              : _ ("Restore Failed"),
                    error->message);
      return;
    }
  switch (job->kind)
    {
    case JOB_EXPORT:
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRIu64 " row written to %s",
                                           "%" PRIu64 " rows written to %s", job->rows),
                              (guint64)job->rows, job->path);
      show_message (job->parent, _ ("Export Complete"), body);
      break;
    case JOB_BACKUP:
      body = g_strdup_printf (_ ("The database was copied to %s and the copy checked."), job->path);
      show_message (job->parent, _ ("Backup Complete"), body);
      break;
    case JOB_RESTORE:
      {
        static const char *const entities[]
            = { "officer",    "campaign", "unit",     "equipment", "operator",
                "inspection", "hazard",   "document", "setting" };
        /* everything changed under the window's connection: every page reads again */
        for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
          {
            g_autofree char *signal = g_strconcat ("changed::", entities[i], NULL);
            g_signal_emit_by_name (job->store, signal, entities[i]);
          }
        body = g_strdup_printf (
            _ ("The database was restored from %s. The database as it was is kept as %s."),
            job->path, job->aside ? job->aside : "-");
        show_message (job->parent, _ ("Restore Complete"), body);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
run_job (Job *job, const char *heading, const char *label)
{
  g_autoptr (GTask) task = NULL;

  job->cancellable = g_cancellable_new ();
  /* a restore is one transaction that goes in whole; an export or a
   * backup stops midway and removes what it wrote */
  job->dialog
      = rectify_job_progress_dialog (job->parent, heading, job->path, _ ("Progress"),
                                     job->kind != JOB_RESTORE ? job->cancellable : NULL, &job->bar);
  /* closed by its Cancel or by Escape before the thread is done */
  g_object_add_weak_pointer (G_OBJECT (job->dialog), (gpointer *)&job->dialog);
  job->timer = g_timeout_add (100, update_bar_cb, job);

  task = g_task_new (NULL, job->cancellable, on_job_done_cb, NULL);
  g_task_set_source_tag (task, run_job);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  rectify_job_run_in_thread (task, GTK_WIDGET (job->parent), label, job_thread);
}

static char *
chosen_path (GtkNativeDialog *chooser, const char *default_suffix)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autofree char *base = path ? g_path_get_basename (path) : NULL;

  if (path && default_suffix && strchr (base, '.') == NULL)
    return g_strconcat (path, default_suffix, NULL);
  return g_steal_pointer (&path);
}

/* ---- export ---------------------------------------------------------------- */

/* The operators list's choice to write whole ID card numbers: masked, as
 * the Operators page shows them, unless the user ticks it. */
#define FULL_ID_NUMBERS "full-id-numbers"

static void
on_export_chosen_cb (GtkNativeDialog *chooser, int response, Job *job)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chosen_path (chooser, NULL) : NULL;
  gboolean xlsx = g_object_get_data (G_OBJECT (chooser), "xlsx") != NULL;
  g_autofree char *label = NULL;

  if (job->list == RECTIFY_EXPORT_OPERATORS
      && g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), FULL_ID_NUMBERS),
                    "true")
             == 0)
    job->export_flags |= RECTIFY_EXPORT_FULL_ID_NUMBERS;
  g_object_unref (chooser);
  if (path == NULL)
    {
      job_free (job);
      return;
    }
  /* the filter chosen gives the format of a name without one */
  if (rectify_export_format_for_path (path) == RECTIFY_EXPORT_CSV
      && !g_str_has_suffix (path, ".csv") && !g_str_has_suffix (path, ".CSV"))
    job->path = g_strconcat (path, xlsx ? ".xlsx" : ".csv", NULL);
  else
    job->path = g_steal_pointer (&path);
  label = g_strdup_printf (_ ("Exporting to %s"), job->path);
  run_job (job, _ ("Exporting…"), label);
}

static void
on_export_filter_cb (GtkFileChooser *chooser, GParamSpec *pspec, GtkFileFilter *xlsx)
{
  g_object_set_data (G_OBJECT (chooser), "xlsx",
                     GINT_TO_POINTER (gtk_file_chooser_get_filter (chooser) == xlsx));
}

void
rectify_exchange_export (GtkWidget *widget,
                         RectifyStore *store,
                         RectifyExportList list,
                         const RectifyQuery *q)
{
  static const char *const names[]
      = { N_ ("units.csv"),   N_ ("equipment.csv"),   N_ ("operators.csv"),
          N_ ("hazards.csv"), N_ ("inspections.csv"), N_ ("documents.csv") };
  G_STATIC_ASSERT (G_N_ELEMENTS (names) == RECTIFY_EXPORT_DOCUMENTS + 1);
  Job *job = g_new0 (Job, 1);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) xlsx = gtk_file_filter_new ();

  g_return_if_fail (RECTIFY_IS_STORE (store));

  job->kind = JOB_EXPORT;
  job->db_path = g_strdup (rectify_store_get_path (store));
  job->list = list;
  rectify_query_copy (&job->q, q);
  job->q.offset = 0;
  job->q.limit = 0;
  job->parent = window_of (widget) ? g_object_ref (window_of (widget)) : NULL;

  chooser = gtk_file_chooser_native_new (_ ("Export"), job->parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _ ("_Export"), _ ("_Cancel"));
  gtk_file_filter_set_name (csv, _ ("CSV (UTF-8, opens in Excel)"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_set_name (xlsx, _ ("Excel workbook (XLSX)"));
  gtk_file_filter_add_suffix (xlsx, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _ (names[list]));
  if (list == RECTIFY_EXPORT_OPERATORS)
    {
      /* a check button labelled so (its accessible name), off by default */
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), FULL_ID_NUMBERS,
                                   _ ("Include full ID numbers"), NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), FULL_ID_NUMBERS, "false");
    }
  g_signal_connect (chooser, "notify::filter", G_CALLBACK (on_export_filter_cb), xlsx);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
rectify_exchange_import (GtkWidget *widget, RectifyStore *store, RectifyImportKind kind)
{
  RectifyImportDialog *dialog = rectify_import_dialog_new (window_of (widget), store, kind);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- backup and restore ------------------------------------------------------ */

static void
on_backup_chosen_cb (GtkNativeDialog *chooser, int response, Job *job)
{
  g_autofree char *label = NULL;

  job->path = response == GTK_RESPONSE_ACCEPT ? chosen_path (chooser, ".db") : NULL;
  g_object_unref (chooser);
  if (job->path == NULL)
    {
      job_free (job);
      return;
    }
  label = g_strdup_printf (_ ("Backing up to %s"), job->path);
  run_job (job, _ ("Backing Up…"), label);
}

void
rectify_exchange_backup (GtkWindow *window, RectifyStore *store)
{
  Job *job = g_new0 (Job, 1);
  GtkFileChooserNative *chooser;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "rectify-%Y%m%d-%H%M%S.db");

  job->kind = JOB_BACKUP;
  job->db_path = g_strdup (rectify_store_get_path (store));
  job->parent = window ? g_object_ref (window) : NULL;
  chooser
      = gtk_file_chooser_native_new (_ ("Back Up the Database"), window,
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Back Up"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_backup_chosen_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_restore_confirmed_cb (AdwMessageDialog *dialog, const char *response, Job *job)
{
  if (g_strcmp0 (response, "restore") == 0)
    {
      g_autofree char *label = g_strdup_printf (_ ("Restoring from %s"), job->path);
      run_job (job, _ ("Restoring…"), label);
    }
  else
    job_free (job);
}

static void
on_restore_chosen_cb (GtkNativeDialog *chooser, int response, Job *job)
{
  AdwMessageDialog *confirm;
  g_autofree char *body = NULL;

  job->path = response == GTK_RESPONSE_ACCEPT ? chosen_path (chooser, NULL) : NULL;
  g_object_unref (chooser);
  if (job->path == NULL)
    {
      job_free (job);
      return;
    }
  body = g_strdup_printf (_ ("Every record will be as it was in %s. The database as it is now is "
                             "kept beside it, and the backup is checked first."),
                          job->path);
  confirm
      = ADW_MESSAGE_DIALOG (adw_message_dialog_new (job->parent, _ ("Restore This Backup?"), body));
  adw_message_dialog_add_responses (confirm, "cancel", _ ("_Cancel"), "restore", _ ("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (confirm, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (confirm, "cancel");
  g_signal_connect (confirm, "response", G_CALLBACK (on_restore_confirmed_cb), job);
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (confirm));
  gtk_window_present (GTK_WINDOW (confirm));
}

void
rectify_exchange_restore (GtkWindow *window, RectifyStore *store)
{
  Job *job = g_new0 (Job, 1);
  GtkFileChooserNative *chooser;

  job->kind = JOB_RESTORE;
  job->db_path = g_strdup (rectify_store_get_path (store));
  job->store = g_object_ref (store);
  job->parent = window ? g_object_ref (window) : NULL;
  chooser = gtk_file_chooser_native_new (_ ("Restore a Backup"), window,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_restore_chosen_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
