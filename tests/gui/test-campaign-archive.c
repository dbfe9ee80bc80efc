/* test-campaign-archive.c: archiving a campaign from the Campaigns page, in a thread, and cancelling it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rectify-archive.h"
#include "rectify-campaign-archive.h"
#include "rectify-campaigns-page.h"
#include "test-gui-util.h"

typedef struct {
  char                 *dir;
  char                 *db;
  RectifyStore         *store;
  GtkWindow            *window;
  RectifyCampaignsPage *page;
  gint64                campaign;
  gboolean              done;
  GError               *error;
} Fixture;

static void
fixture_open (Fixture *fixture)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;

  adw_init ();
  fixture->store = temp_store_open (&fixture->dir, &fixture->db, TRUE);
  campaigns = rectify_store_list_campaigns (fixture->store, &error);
  g_assert_no_error (error);
  fixture->campaign = ((RectifyCampaign *) g_ptr_array_index (campaigns, 0))->id;
  fixture->page = g_object_new (RECTIFY_TYPE_CAMPAIGNS_PAGE, NULL);
  page_window_present (GTK_WIDGET (fixture->page), &fixture->window);
  rectify_campaigns_page_set_store (fixture->page, fixture->store);
  rectify_campaigns_page_select (fixture->page, fixture->campaign);
  drain_main_context ();
}

static void
fixture_close (Fixture *fixture)
{
  g_clear_error (&fixture->error);
  page_window_close (&fixture->window, fixture->store, fixture->dir, fixture->db);
}

static void
on_done (GObject *owner, const char *dir, const GError *error)
{
  Fixture *fixture = g_object_get_data (owner, "fixture");

  fixture->done = TRUE;
  fixture->error = error ? g_error_copy (error) : NULL;
}

static gboolean
is_done (gpointer data)
{
  return ((Fixture *) data)->done;
}

static RectifyCampaignStatus
campaign_status (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyCampaign) c = rectify_store_get_campaign (fixture->store, fixture->campaign, &error);
  g_assert_no_error (error);
  return c->status;
}

/* The seed's campaign has hazards not cancelled yet: the archive first asks
 * whether to go on, naming them; answers it with response. */
static void
answer_unfinished (const char *response)
{
  GtkWidget *dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the unfinished-campaign question");

  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Archive an Unfinished Campaign?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "not cancelled yet"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "archive"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "cancel");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain_main_context ();
}

static void
test_button (void)
{
  Fixture fixture = { 0 };
  GtkWidget *button;

  fixture_open (&fixture);
  button = require_widget (GTK_WIDGET (fixture.page), match_button, "Archive Campaign…", "the archive button");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "page.archive");
  g_assert_true (gtk_widget_is_sensitive (button));
  /* archivists archive: the button stays when editing is not allowed */
  rectify_campaigns_page_set_can_edit (fixture.page, FALSE);
  drain_main_context ();
  g_assert_true (gtk_widget_is_sensitive (button));
  fixture_close (&fixture);
}

static void
test_archive_in_thread (void)
{
  Fixture fixture = { 0 };
  g_autofree char *archive = NULL;
  g_autoptr(GError) error = NULL;
  RectifyArchiveReport report = { 0 };
  GtkWidget *dialog;

  fixture_open (&fixture);
  archive = g_build_filename (fixture.dir, "archive", NULL);
  g_object_set_data (G_OBJECT (fixture.page), "fixture", &fixture);
  rectify_campaign_archive_run (GTK_WIDGET (fixture.page), fixture.store, fixture.campaign, archive, on_done,
                                G_OBJECT (fixture.page));
  answer_unfinished ("archive");
  /* the progress dialog, with its bar and a Cancel button */
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the progress dialog");
  g_assert_nonnull (find_widget (dialog, match_type, GSIZE_TO_POINTER (GTK_TYPE_PROGRESS_BAR)));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "cancel"));
  wait_for (is_done, &fixture, "the archive to finish");
  g_assert_no_error (fixture.error);
  g_assert_true (rectify_archive_verify (archive, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.problems->len, ==, 0);
  g_assert_cmpuint (report.n_files, >, 10);
  rectify_archive_report_clear (&report);
  g_assert_cmpint (campaign_status (&fixture), ==, RECTIFY_CAMPAIGN_ARCHIVED);
  /* the page reads the campaign again: no editing an archived campaign */
  rectify_campaigns_page_reload (fixture.page);
  drain_main_context ();
  g_assert_false (gtk_widget_is_sensitive (require_widget (GTK_WIDGET (fixture.page), match_button, "Edit Campaign",
                                                           "the edit button")));
  remove_tree (archive);
  fixture_close (&fixture);
}

static void
test_cancel (void)
{
  Fixture fixture = { 0 };
  g_autofree char *archive = NULL;
  g_autofree char *partial = NULL;
  GtkWidget *dialog;

  fixture_open (&fixture);
  archive = g_build_filename (fixture.dir, "archive", NULL);
  partial = g_strconcat (archive, ".partial", NULL);
  g_object_set_data (G_OBJECT (fixture.page), "fixture", &fixture);
  rectify_campaign_archive_run (GTK_WIDGET (fixture.page), fixture.store, fixture.campaign, archive, on_done,
                                G_OBJECT (fixture.page));
  answer_unfinished ("archive");
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the progress dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  wait_for (is_done, &fixture, "the archive to stop");
  g_assert_error (fixture.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (archive, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpint (campaign_status (&fixture), ==, RECTIFY_CAMPAIGN_ACTIVE);
  fixture_close (&fixture);
}

/* Cancel at the question: nothing written, the campaign as it was */
static void
test_unfinished_cancelled (void)
{
  Fixture fixture = { 0 };
  g_autofree char *archive = NULL;
  g_autofree char *partial = NULL;

  fixture_open (&fixture);
  archive = g_build_filename (fixture.dir, "archive", NULL);
  partial = g_strconcat (archive, ".partial", NULL);
  g_object_set_data (G_OBJECT (fixture.page), "fixture", &fixture);
  rectify_campaign_archive_run (GTK_WIDGET (fixture.page), fixture.store, fixture.campaign, archive, on_done,
                                G_OBJECT (fixture.page));
  answer_unfinished ("cancel");
  wait_for (is_done, &fixture, "the archive to be given up");
  g_assert_error (fixture.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (archive, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpint (campaign_status (&fixture), ==, RECTIFY_CAMPAIGN_ACTIVE);
  fixture_close (&fixture);
}

int
main (int argc, char **argv)
{
  rectify_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/campaign-archive/button", test_button);
  g_test_add_func ("/campaign-archive/archive-in-thread", test_archive_in_thread);
  g_test_add_func ("/campaign-archive/cancel", test_cancel);
  g_test_add_func ("/campaign-archive/unfinished-cancelled", test_unfinished_cancelled);
  return g_test_run ();
}
