/* test-jobs.c: quitting or closing the window while a background job runs stops it cleanly first
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rectify-campaign-archive.h"
#include "rectify-job.h"
#include "test-gui-util.h"

typedef struct {
  char               *dir;
  char               *db;
  char               *archive;
  char               *partial;
  gint64              campaign;
  gint64              last_audit;
  RectifyApplication *app;
  RectifyWindow      *window;
  gboolean            done;
  GError             *error;
} Fixture;

static gint64
newest_audit_id (RectifyStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rectify_store_list_audit (store, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  return ((RectifyAuditEntry *) g_ptr_array_index (rows, 0))->id;
}

static RectifyCampaignStatus
campaign_status (const char *db, gint64 campaign)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) store = rectify_store_open (db, &error);
  g_autoptr(RectifyCampaign) c = NULL;

  g_assert_no_error (error);
  c = rectify_store_get_campaign (store, campaign, &error);
  g_assert_no_error (error);
  return c->status;
}

static void
fixture_open (Fixture *fixture)
{
  g_autoptr(RectifyStore) store = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;

  store = temp_store_open (&fixture->dir, &fixture->db, TRUE);
  campaigns = rectify_store_list_campaigns (store, &error);
  g_assert_no_error (error);
  fixture->campaign = ((RectifyCampaign *) g_ptr_array_index (campaigns, 0))->id;
  fixture->last_audit = newest_audit_id (store);
  fixture->archive = g_build_filename (fixture->dir, "archive", NULL);
  fixture->partial = g_strconcat (fixture->archive, ".partial", NULL);
  fixture->app = test_application_new ();
}

static void
fixture_close (Fixture *fixture)
{
  g_clear_error (&fixture->error);
  g_clear_object (&fixture->app);
  temp_db_remove (fixture->dir, fixture->db);
  g_free (fixture->archive);
  g_free (fixture->partial);
}

/* the database as it was when the fixture made it */
static void
assert_database_unchanged (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) store = rectify_store_open (fixture->db, &error);

  g_assert_no_error (error);
  g_assert_cmpint (newest_audit_id (store), ==, fixture->last_audit);
  g_clear_object (&store);
  g_assert_cmpint (campaign_status (fixture->db, fixture->campaign), ==, RECTIFY_CAMPAIGN_ACTIVE);
}

static void
on_done (GObject *owner, const char *dir, const GError *error)
{
  Fixture *fixture = g_object_get_data (owner, "fixture");

  fixture->done = TRUE;
  fixture->error = error ? g_error_copy (error) : NULL;
}

static gboolean
job_is_held (gpointer data)
{
  return rectify_job_n_held () > 0;
}

static gboolean
is_done (gpointer data)
{
  return ((Fixture *) data)->done;
}

static gboolean
no_job_runs (gpointer data)
{
  return !rectify_job_any (NULL);
}

/* The window on the seed database, archiving its campaign, held by the
 * test once the .partial folder is there. */
static void
open_window_and_archive (Fixture *fixture)
{
  app_window_open (fixture->app, fixture->db, &fixture->window);
  /* the sample's director archives */
  window_sign_in (fixture->window, "林建华");
  g_object_set_data (G_OBJECT (fixture->window), "fixture", fixture);
  rectify_job_hold_for_test (TRUE);
  rectify_campaign_archive_run (GTK_WIDGET (fixture->window), rectify_window_get_store (fixture->window),
                                fixture->campaign, fixture->archive, on_done, G_OBJECT (fixture->window));
  {
    /* the seed's campaign has hazards not cancelled yet: archive it anyway */
    GtkWidget *question = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the unfinished-campaign question");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "archive");
    gtk_window_destroy (GTK_WINDOW (question));
  }
  wait_for (job_is_held, NULL, "the archive to be under way");
  g_assert_true (g_file_test (fixture->partial, G_FILE_TEST_IS_DIR));
  g_assert_true (rectify_job_any (NULL));
  g_assert_true (rectify_job_any (GTK_WINDOW (fixture->window)));
}

typedef struct {
  const char *response;
  GtkWidget  *found;
} Asked;

static gboolean
stop_dialog_is_shown (gpointer data)
{
  Asked *asked = data;
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_mapped (l->data)
        && adw_message_dialog_has_response (l->data, "keep")
        && adw_message_dialog_has_response (l->data, asked->response))
      {
        asked->found = l->data;
        return TRUE;
      }
  return FALSE;
}

/* The dialog that asks whether to stop, naming the archive. */
static AdwMessageDialog *
wait_for_stop_dialog (const char *response, const char *button)
{
  Asked asked = { response, NULL };
  AdwMessageDialog *dialog;
  g_autofree char *label = NULL;

  wait_for (stop_dialog_is_shown, &asked, "the dialog asking whether to stop the archive");
  dialog = ADW_MESSAGE_DIALOG (asked.found);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Work Still in Progress");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Archiving the campaign into "));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "keep"), ==, "_Keep Working");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, response), ==, button);
  return dialog;
}

/* ---- quitting -------------------------------------------------------------------- */

/* The application run as main() runs it, on_activate doing the user's part;
 * held, so that only a quit ends the run, not the last window going. */
static void
run_app (Fixture *fixture, GCallback on_activate)
{
  g_signal_connect (fixture->app, "activate", on_activate, fixture);
  g_application_hold (G_APPLICATION (fixture->app));
  g_assert_cmpint (g_application_run (G_APPLICATION (fixture->app), 0, NULL), ==, 0);
  drain_main_context ();
  g_assert_null (fixture->window);
}

static void
on_activate_cancel_and_quit (GApplication *app, Fixture *fixture)
{
  AdwMessageDialog *dialog;

  open_window_and_archive (fixture);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  dialog = wait_for_stop_dialog ("stop", "Cancel and _Quit");
  /* asked, and nothing stopped yet */
  g_assert_nonnull (fixture->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_true (rectify_job_any (NULL));
  g_assert_true (g_file_test (fixture->partial, G_FILE_TEST_IS_DIR));
  /* the application goes on: g_application_run() returns only on quit */
  adw_message_dialog_response (dialog, "stop");
}

static void
run_cancel_and_quit (void)
{
  Fixture fixture = { 0 };

  fixture_open (&fixture);
  run_app (&fixture, G_CALLBACK (on_activate_cancel_and_quit));
  /* the archive stopped and cleaned up before the quit */
  g_assert_false (rectify_job_any (NULL));
  g_assert_false (g_file_test (fixture.partial, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (fixture.archive, G_FILE_TEST_EXISTS));
  assert_database_unchanged (&fixture);
  fixture_close (&fixture);
}

static void
test_cancel_and_quit (void)
{
  in_subprocess (run_cancel_and_quit);
}

static void
on_activate_keep_working (GApplication *app, Fixture *fixture)
{
  AdwMessageDialog *dialog;

  open_window_and_archive (fixture);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  dialog = wait_for_stop_dialog ("stop", "Cancel and _Quit");
  adw_message_dialog_response (dialog, "keep");
  drain_main_context ();
  /* nothing stopped, nothing insensitive */
  g_assert_nonnull (fixture->window);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (fixture->window)));
  g_assert_true (rectify_job_any (NULL));
  g_assert_cmpuint (rectify_job_n_held (), ==, 1);

  /* the archive goes on to the end, then a quit asks nothing */
  rectify_job_hold_for_test (FALSE);
  wait_for (is_done, fixture, "the archive to finish");
  g_assert_no_error (fixture->error);
  wait_for (no_job_runs, NULL, "the job to be done");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
run_keep_working (void)
{
  Fixture fixture = { 0 };

  fixture_open (&fixture);
  run_app (&fixture, G_CALLBACK (on_activate_keep_working));
  g_assert_true (g_file_test (fixture.archive, G_FILE_TEST_IS_DIR));
  g_assert_false (g_file_test (fixture.partial, G_FILE_TEST_EXISTS));
  g_assert_cmpint (campaign_status (fixture.db, fixture.campaign), ==, RECTIFY_CAMPAIGN_ARCHIVED);
  remove_tree (fixture.archive);
  fixture_close (&fixture);
}

static void
test_keep_working (void)
{
  in_subprocess (run_keep_working);
}

/* ---- closing the window ------------------------------------------------------------- */

static void
run_close_window (void)
{
  Fixture fixture = { 0 };
  AdwMessageDialog *dialog;

  fixture_open (&fixture);
  open_window_and_archive (&fixture);
  gtk_window_close (GTK_WINDOW (fixture.window));
  dialog = wait_for_stop_dialog ("stop", "Cancel and _Close");
  g_assert_nonnull (fixture.window);
  adw_message_dialog_response (dialog, "stop");
  /* the window waits, insensitive, for the archive to clean up */
  g_assert_nonnull (fixture.window);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (fixture.window)));
  wait_for (pointer_is_null, &fixture.window, "the window to close");
  g_assert_true (fixture.done);
  g_assert_error (fixture.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (rectify_job_any (NULL));
  g_assert_false (g_file_test (fixture.partial, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (fixture.archive, G_FILE_TEST_EXISTS));
  assert_database_unchanged (&fixture);
  fixture_close (&fixture);
}

static void
test_close_window (void)
{
  in_subprocess (run_close_window);
}

/* Without a job, quitting asks nothing. */
static void
on_activate_quit_idle (GApplication *app, Fixture *fixture)
{
  app_window_open (fixture->app, fixture->db, &fixture->window);
  g_assert_false (rectify_job_any (NULL));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
run_quit_idle (void)
{
  Fixture fixture = { 0 };

  fixture_open (&fixture);
  run_app (&fixture, G_CALLBACK (on_activate_quit_idle));
  fixture_close (&fixture);
}

static void
test_quit_idle (void)
{
  in_subprocess (run_quit_idle);
}

int
main (int argc, char **argv)
{
  rectify_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jobs/quit-idle", test_quit_idle);
  g_test_add_func ("/jobs/cancel-and-quit", test_cancel_and_quit);
  g_test_add_func ("/jobs/keep-working", test_keep_working);
  g_test_add_func ("/jobs/close-window", test_close_window);
  return g_test_run ();
}
