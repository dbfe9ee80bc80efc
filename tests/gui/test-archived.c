/* test-archived.c: an archived campaign's records offer no change the store would refuse
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-document-draft-dialog.h"
#include "rectify-documents-page.h"
#include "rectify-hazards-page.h"
#include "rectify-inspection-dialog.h"
#include "rectify-inspections-page.h"
#include "rectify-job.h"
#include "rectify-record-list.h"
#include "test-gui-util.h"

typedef struct {
  char               *dir;
  char               *db;
  RectifyApplication *app;
  RectifyWindow      *window;
  gint64              campaign;
  gint64              hazard;     /* an open hazard of the campaign */
  gint64              unit;       /* its unit */
} Fixture;

/* The seed with its campaign archived, in the window of a manager (who
 * could issue and void anywhere else). */
static void
fixture_open (Fixture *fixture, gboolean archive)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  RectifyQuery q = RECTIFY_QUERY_INIT;
  RectifyStore *store = temp_store_open (&fixture->dir, &fixture->db, TRUE);

  campaigns = rectify_store_list_campaigns (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (campaigns->len, ==, 1);
  fixture->campaign = ((RectifyCampaign *) g_ptr_array_index (campaigns, 0))->id;
  ids = rectify_store_query_hazard_ids (store, &q, &error);
  g_assert_no_error (error);
  rows = rectify_store_get_hazards_by_ids (store, (const gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      RectifyHazard *h = g_ptr_array_index (rows, i);

      if (h->status != RECTIFY_HAZARD_CLOSED && h->campaign_id == fixture->campaign)
        {
          fixture->hazard = h->id;
          fixture->unit = h->unit_id;
        }
    }
  g_assert_cmpint (fixture->hazard, >, 0);
  if (archive)
    {
      g_assert_true (rectify_store_archive_campaign (store, fixture->campaign, &error));
      g_assert_no_error (error);
    }
  g_assert_finalize_object (store);

  g_settings_set_string (settings, "acting-officer", "FZ-0101");  /* 林建华, a manager */
  fixture->app = test_application_new ();
  app_window_open (fixture->app, fixture->db, &fixture->window);
}

static void
fixture_close (Fixture *fixture)
{
  window_close ((GtkWindow **) &fixture->window);
  g_clear_object (&fixture->app);
  temp_db_remove (fixture->dir, fixture->db);
}

static GtkWidget *
navigate (Fixture *fixture, const char *page, GType type)
{
  window_navigate (fixture->window, page);
  return require_widget (GTK_WIDGET (fixture->window), match_type, GSIZE_TO_POINTER (type), page);
}

static void
assert_says_archived (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "is archived"));
}

static guint
count_documents (Fixture *fixture, RectifyDocumentStatus status)
{
  g_autoptr(GError) error = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GArray) ids = NULL;

  q.status = status;
  ids = rectify_store_query_document_ids (rectify_window_get_store (fixture->window), &q, &error);
  g_assert_no_error (error);
  return ids->len;
}

static gboolean
model_has_items (gpointer data)
{
  return g_list_model_get_n_items (data) > 0;
}

/* ---- Void on the Documents page ---------------------------------------------------- */

/* The Documents page showing a letter of the campaign. */
static RectifyDocumentsPage *
show_campaign_letter (Fixture *fixture)
{
  RectifyDocumentsPage *page = RECTIFY_DOCUMENTS_PAGE (navigate (fixture, "documents", RECTIFY_TYPE_DOCUMENTS_PAGE));
  g_autoptr(RectifyRow) row = NULL;

  rectify_documents_page_show_campaign (page, fixture->campaign, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, NULL);
  wait_for (model_has_items, rectify_documents_page_get_model (page), "the campaign's letters");
  row = g_list_model_get_item (rectify_documents_page_get_model (page), 0);
  rectify_documents_page_select (page, rectify_row_get_id (row));
  drain_main_context ();
  return page;
}

static void
run_void (void)
{
  Fixture fixture = { 0 };
  RectifyDocumentsPage *page;
  GtkWidget *button;
  guint issued;

  fixture_open (&fixture, TRUE);
  issued = count_documents (&fixture, RECTIFY_DOCUMENT_ISSUED);
  g_assert_cmpuint (issued, >, 0);
  page = show_campaign_letter (&fixture);
  /* shown, for a manager, but not offered, and saying why */
  button = rectify_documents_page_get_void_button (page);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_false (gtk_widget_is_sensitive (button));
  assert_says_archived (button);
  g_assert_null (rectify_documents_page_open_void_dialog (page));
  gtk_widget_activate_action (GTK_WIDGET (page), "page.void", NULL);
  drain_main_context ();
  g_assert_cmpuint (count_documents (&fixture, RECTIFY_DOCUMENT_ISSUED), ==, issued);
  fixture_close (&fixture);
}

/* The same letter of an active campaign can be voided: the button is there
 * for the manager, sensitive, with its own tooltip. */
static void
run_void_active (void)
{
  Fixture fixture = { 0 };
  RectifyDocumentsPage *page;
  GtkWidget *button;

  fixture_open (&fixture, FALSE);
  page = show_campaign_letter (&fixture);
  button = rectify_documents_page_get_void_button (page);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_null (gtk_widget_get_tooltip_text (button));
  fixture_close (&fixture);
}

/* ---- Issue in a draft letter ------------------------------------------------------- */

static void
run_issue (void)
{
  Fixture fixture = { 0 };
  RectifyDocumentsPage *page;
  RectifyDocumentDraftDialog *dialog;
  GtkCheckButton *check;
  GtkWidget *issue;
  g_autofree char *own_tooltip = NULL;
  guint before;

  fixture_open (&fixture, TRUE);
  before = count_documents (&fixture, -1);
  page = RECTIFY_DOCUMENTS_PAGE (navigate (&fixture, "documents", RECTIFY_TYPE_DOCUMENTS_PAGE));
  dialog = RECTIFY_DOCUMENT_DRAFT_DIALOG (rectify_documents_page_open_draft (page, fixture.unit));
  g_assert_nonnull (dialog);
  issue = rectify_document_draft_dialog_get_issue_button (dialog);
  own_tooltip = g_strdup (gtk_widget_get_tooltip_text (issue));
  g_assert_true (gtk_widget_get_visible (issue));
  /* a hazard of the archived campaign is not proposed for the letter */
  check = rectify_document_draft_dialog_get_hazard_check (dialog, fixture.hazard);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (check));
  /* checked by hand: Issue is not offered, and says why */
  gtk_check_button_set_active (check, TRUE);
  g_assert_false (gtk_widget_is_sensitive (issue));
  assert_says_archived (issue);
  /* unchecked: Issue again, with its own tooltip */
  gtk_check_button_set_active (check, FALSE);
  g_assert_true (gtk_widget_is_sensitive (issue));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (issue), ==, own_tooltip);
  g_assert_cmpuint (count_documents (&fixture, -1), ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_close (&fixture);
}

/* ---- Register Hazard on the Inspections page ----------------------------------------- */

static void
run_register_hazard (void)
{
  Fixture fixture = { 0 };
  GtkWidget *page;
  GtkColumnView *view;
  GtkWidget *register_button;
  GtkWidget *new_for_unit;

  fixture_open (&fixture, TRUE);
  page = navigate (&fixture, "inspections", RECTIFY_TYPE_INSPECTIONS_PAGE);
  rectify_inspections_page_show_campaign (RECTIFY_INSPECTIONS_PAGE (page), fixture.campaign, TRUE, NULL);
  wait_for (widget_is_mapped, require_widget (page, match_column_view, NULL, "the inspections"), "the list");
  view = GTK_COLUMN_VIEW (require_widget (page, match_column_view, NULL, "the inspections"));
  g_assert_cmpuint (g_list_model_get_n_items (rectify_inspections_page_get_model (RECTIFY_INSPECTIONS_PAGE (page))), >, 0);
  gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  drain_main_context ();

  register_button = wait_for_widget (page, match_button, "Register Hazard…", "the Register Hazard button");
  g_assert_false (gtk_widget_is_sensitive (register_button));
  assert_says_archived (register_button);
  /* a new inspection of the unit is not the archived campaign's: the form
   * offers active campaigns only */
  new_for_unit = require_widget (page, match_button, "New Inspection of This Unit…", "the new inspection button");
  g_assert_true (gtk_widget_is_sensitive (new_for_unit));
  fixture_close (&fixture);
}

/* ---- the Hazards page ----------------------------------------------------------------------- */

/* No workflow action on an archived campaign's hazard, and New (Ctrl+N)
 * starts a new inspection rather than another finding of its visit. */
static void
run_hazard (void)
{
  Fixture fixture = { 0 };
  RectifyHazardsPage *page;
  GtkWidget *dialog;

  fixture_open (&fixture, TRUE);
  page = RECTIFY_HAZARDS_PAGE (navigate (&fixture, "hazards", RECTIFY_TYPE_HAZARDS_PAGE));
  rectify_hazards_page_select (page, fixture.hazard);
  drain_main_context ();
  g_assert_cmpint (rectify_hazards_page_get_selected_id (page), ==, fixture.hazard);
  for (int a = RECTIFY_ACTION_TRACK; a < RECTIFY_N_ACTIONS; a++)
    g_assert_null (rectify_hazards_page_open_action (page, a));
  require_widget (GTK_WIDGET (page), match_label,
                  "Campaign: “2026年特种设备百日安全行动” is archived; its inspections, hazards and documents can no "
                  "longer change", "why nothing is offered");
  dialog = rectify_hazards_page_open_new (page);
  g_assert_true (RECTIFY_IS_INSPECTION_DIALOG (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_close (&fixture);
}

/* ---- archiving from the Campaigns page, the window open --------------------------------- */

static GtkWidget *
show_first_inspection (Fixture *fixture)
{
  GtkWidget *page = navigate (fixture, "inspections", RECTIFY_TYPE_INSPECTIONS_PAGE);
  GtkColumnView *view = GTK_COLUMN_VIEW (require_widget (page, match_column_view, NULL, "the inspections"));

  rectify_inspections_page_show_campaign (RECTIFY_INSPECTIONS_PAGE (page), fixture->campaign, TRUE, NULL);
  wait_for (model_has_items, rectify_inspections_page_get_model (RECTIFY_INSPECTIONS_PAGE (page)), "the inspections");
  gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  drain_main_context ();
  return wait_for_widget (page, match_button, "Register Hazard…", "the Register Hazard button");
}

/* the folder in place and the job done with it */
static gboolean
archive_is_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_DIR) && !rectify_job_any (NULL);
}

/* Archived while the window shows one of its inspections: the pages read
 * the campaign again, and Register Hazard goes insensitive at once. */
static void
run_archive_in_window (void)
{
  Fixture fixture = { 0 };
  GtkWidget *register_button;
  RectifyCampaignsPage *campaigns;
  g_autofree char *archive = NULL;

  fixture_open (&fixture, FALSE);
  register_button = show_first_inspection (&fixture);
  g_assert_true (gtk_widget_is_sensitive (register_button));

  window_navigate (fixture.window, "campaigns");
  campaigns = rectify_window_get_campaigns_page (fixture.window);
  rectify_campaigns_page_select (campaigns, fixture.campaign);
  drain_main_context ();
  /* the folder the user would name in the chooser (GTK's own dialog,
   * whose places sidebar leaves libcloudproviders' allocations to
   * LeakSanitizer in the sanitizer build) */
  archive = g_build_filename (fixture.dir, "archive", NULL);
  rectify_campaigns_page_archive_into (campaigns, archive);
  {
    /* the seed's campaign has hazards not cancelled yet: archive it anyway */
    GtkWidget *question = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the unfinished-campaign question");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "archive");
    gtk_window_destroy (GTK_WINDOW (question));
  }
  wait_for (archive_is_written, archive, "the archive to be written");
  drain_main_context ();

  register_button = show_first_inspection (&fixture);
  g_assert_false (gtk_widget_is_sensitive (register_button));
  assert_says_archived (register_button);
  remove_tree (archive);
  fixture_close (&fixture);
}

static void test_void (void) { in_subprocess (run_void); }
static void test_hazard (void) { in_subprocess (run_hazard); }
static void test_archive_in_window (void) { in_subprocess (run_archive_in_window); }
static void test_void_active (void) { in_subprocess (run_void_active); }
static void test_issue (void) { in_subprocess (run_issue); }
static void test_register_hazard (void) { in_subprocess (run_register_hazard); }

int
main (int argc, char **argv)
{
  rectify_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/archived/void", test_void);
  g_test_add_func ("/archived/void-active", test_void_active);
  g_test_add_func ("/archived/issue", test_issue);
  g_test_add_func ("/archived/register-hazard", test_register_hazard);
  g_test_add_func ("/archived/hazard", test_hazard);
  g_test_add_func ("/archived/archive-in-window", test_archive_in_window);
  return g_test_run ();
}
