/* test-window.c: the main window as a user meets it, under Xvfb
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include <sqlite3.h>

#include "rectify-demo.h"
#include "rectify-format.h"
#include "rectify-application.h"
#include "rectify-campaign-dialog.h"
#include "rectify-campaign-item.h"
#include "rectify-officers-page.h"
#include "rectify-units-page.h"
#include "rectify-window.h"
#include "test-gui-util.h"

/* The campaign of the seed report, as the sample data names it. */
#define SEED_CAMPAIGN "2026年特种设备百日安全行动"

typedef struct {
  char               *dir;
  char               *db;
  RectifyApplication *app;
  RectifyWindow      *window;
} Fixture;

static gboolean
match_status_page (GtkWidget    *widget,
                   gconstpointer data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), data) == 0;
}

static void
fixture_open (Fixture *fixture)
{
  temp_db_make (&fixture->dir, &fixture->db);
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

static gboolean
page_is_campaigns (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (rectify_window_get_visible_page_name (fixture->window), "campaigns") == 0;
}

static RectifyCampaignItem *
find_listed_campaign (Fixture    *fixture,
                      const char *name)
{
  GListModel *model = rectify_campaigns_page_get_model (rectify_window_get_campaigns_page (fixture->window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RectifyCampaignItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (rectify_campaign_item_get_name (item), name) == 0)
        return item;
    }
  return NULL;
}

static guint
count_stored_campaigns (Fixture *fixture)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;

  campaigns = rectify_store_list_campaigns (rectify_window_get_store (fixture->window), &error);
  g_assert_no_error (error);
  return campaigns->len;
}

/* ---- the cases, each in its own process ---------------------------------- */

static void
run_welcome (void)
{
  Fixture fixture = { 0 };
  GtkWidget *root;

  fixture_open (&fixture);
  root = GTK_WIDGET (fixture.window);

  g_assert_cmpstr (rectify_window_get_visible_page_name (fixture.window), ==, "welcome");
  require_widget (root, match_status_page, "Welcome to Rectify", "status page");
  g_assert_true (gtk_widget_is_sensitive (require_widget (root, match_button, "Load Sample Data", "button")));
  /* Records change in an officer's name: there is none yet, so the first
   * one comes before any campaign. */
  g_assert_true (gtk_widget_is_sensitive (require_widget (root, match_button, "Add the First Officer", "button")));
  g_assert_false (gtk_widget_is_sensitive (require_widget (root, match_button, "New Campaign", "button")));

  fixture_close (&fixture);
}

static void
run_sample_data (void)
{
  Fixture fixture = { 0 };
  GtkWidget *root;
  GtkWidget *load;
  GtkColumnView *view;
  RectifyCampaignItem *item;

  fixture_open (&fixture);
  root = GTK_WIDGET (fixture.window);

  load = require_widget (root, match_button, "Load Sample Data", "button");
  click (load);
  wait_for (page_is_campaigns, &fixture, "the campaigns page after loading the sample data");

  item = find_listed_campaign (&fixture, SEED_CAMPAIGN);
  g_assert_nonnull (item);
  g_assert_cmpstr (rectify_campaign_item_get_end_date (item), ==, "2026-06-29");
  g_assert_cmpint (rectify_campaigns_page_get_selected_id (rectify_window_get_campaigns_page (fixture.window)),
                   ==, rectify_campaign_item_get_id (item));

  view = GTK_COLUMN_VIEW (require_widget (root, match_column_view, NULL, "campaign list"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), >=, 1);
  /* The details show the campaign's figures. */
  require_widget (root, match_label, "Hazards found", "figure tile");
  require_widget (root, match_label, "Rectification rate", "figure tile");

  fixture_close (&fixture);
}

static void
add_officer (const char *db,
             const char *badge,
             const char *name,
             RectifyRole role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) store = rectify_store_open (db, &error);
  g_autoptr(RectifyOfficer) officer = rectify_officer_new ();

  g_assert_no_error (error);
  /* after the first, officers are added by an officer: the first one */
  {
    g_autoptr(GPtrArray) officers = rectify_store_list_officers (store, &error);
    g_assert_no_error (error);
    if (officers->len > 0)
      g_assert_true (rectify_store_set_actor (
          store, ((RectifyOfficer *) g_ptr_array_index (officers, 0))->id, NULL));
  }
  officer->badge = g_strdup (badge);
  officer->name = g_strdup (name);
  officer->role = role;
  officer->active = TRUE;
  rectify_store_add_officer (store, officer, &error);
  g_assert_no_error (error);
}

static gboolean
page_is_sign_in (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (rectify_window_get_visible_page_name (fixture->window), "sign-in") == 0;
}

/* An empty database: the first officer is added, then signs in; nothing
 * else can be changed before. */
static void
run_first_officer (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *root, *officers, *units;
  gboolean can_edit = TRUE;

  fixture_open (&fixture);
  root = GTK_WIDGET (fixture.window);
  units = require_widget (root, match_type, GSIZE_TO_POINTER (RECTIFY_TYPE_UNITS_PAGE), "units page");
  g_object_get (units, "can-edit", &can_edit, NULL);
  g_assert_false (can_edit);

  click (require_widget (root, match_button, "Add the First Officer", "button"));
  drain_main_context ();
  g_assert_cmpstr (rectify_window_get_visible_page_name (fixture.window), ==, "officers");
  officers = require_widget (root, match_type, GSIZE_TO_POINTER (RECTIFY_TYPE_OFFICERS_PAGE), "officers page");
  g_object_get (officers, "can-edit", &can_edit, NULL);
  g_assert_true (can_edit);
  gtk_editable_set_text (GTK_EDITABLE (require_widget (officers, match_row, "Badge", "field")), "FZ-0001");
  gtk_editable_set_text (GTK_EDITABLE (require_widget (officers, match_row, "Name", "field")), "First Manager");
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_widget (officers, match_row, "Role", "field")),
                              RECTIFY_ROLE_MANAGER);
  /* A user's click moves the focus to the button; click() does not. */
  gtk_widget_grab_focus (require_widget (officers, match_button, "Save", "button"));
  click (require_widget (officers, match_button, "Save", "button"));
  wait_for (page_is_sign_in, &fixture, "the sign-in page once there is an officer");
  g_assert_cmpint (rectify_store_get_actor (rectify_window_get_store (fixture.window)), ==, 0);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "add-first-officer"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "new-campaign"));

  window_sign_in (fixture.window, "First Manager");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "new-campaign"));
  g_object_get (units, "can-edit", &can_edit, NULL);
  g_assert_true (can_edit);
  {
    g_autofree char *badge = g_settings_get_string (settings, "acting-officer");

    g_assert_cmpstr (badge, ==, "FZ-0001");
  }

  fixture_close (&fixture);
}

/* Officers and nobody remembered: the sign-in page, reading without
 * signing in changes nothing. */
static void
run_sign_in (void)
{
  Fixture fixture = { 0 };
  GtkWidget *root;

  temp_db_make (&fixture.dir, &fixture.db);
  add_officer (fixture.db, "FZ-0101", "林建华", RECTIFY_ROLE_MANAGER);
  add_officer (fixture.db, "FZ-0201", "何静", RECTIFY_ROLE_ARCHIVIST);
  fixture.app = test_application_new ();
  app_window_open (fixture.app, fixture.db, &fixture.window);
  root = GTK_WIDGET (fixture.window);

  g_assert_cmpstr (rectify_window_get_visible_page_name (fixture.window), ==, "sign-in");
  require_widget (root, match_status_page, "Who Is Working?", "status page");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "new"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "load-sample-data"));

  window_browse (fixture.window);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "new"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "new-campaign"));

  window_close ((GtkWindow **) &fixture.window);

  /* The next window asks again; an archivist signed in still reads only. */
  app_window_open (fixture.app, fixture.db, &fixture.window);
  window_sign_in (fixture.window, "何静");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "new-campaign"));

  fixture_close (&fixture);
}

static void
run_new_campaign (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  RectifyCampaignDialog *dialog = NULL;
  GtkWidget *root, *name, *start, *create;
  RectifyCampaignItem *item;

  /* A manager, remembered from the last time: no sign-in page. */
  temp_db_make (&fixture.dir, &fixture.db);
  add_officer (fixture.db, "FZ-0101", "林建华", RECTIFY_ROLE_MANAGER);
  g_settings_set_string (settings, "acting-officer", "FZ-0101");
  fixture.app = test_application_new ();
  app_window_open (fixture.app, fixture.db, &fixture.window);
  root = GTK_WIDGET (fixture.window);
  g_assert_cmpstr (rectify_window_get_visible_page_name (fixture.window), ==, "campaigns");

  click (require_widget (root, match_button, "New Campaign", "button"));
  dialog = RECTIFY_CAMPAIGN_DIALOG (wait_for_toplevel (RECTIFY_TYPE_CAMPAIGN_DIALOG, "the new campaign dialog"));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  name = require_widget (GTK_WIDGET (dialog), match_row, "Name", "field");
  start = require_widget (GTK_WIDGET (dialog), match_row, "Start date (YYYY-MM-DD)", "field");
  create = require_widget (GTK_WIDGET (dialog), match_button, "Create", "button");

  /* A day that does not exist: the error is shown at the field, nothing saved. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Elevator safety campaign");
  gtk_editable_set_text (GTK_EDITABLE (start), "2026-02-30");
  click (create);
  drain_main_context ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  require_widget (GTK_WIDGET (dialog), match_error_label, "Start date:", "error message");
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  g_assert_cmpuint (count_stored_campaigns (&fixture), ==, 0);
  g_assert_cmpstr (rectify_window_get_visible_page_name (fixture.window), ==, "campaigns");

  /* Mended, the campaign is saved and listed. */
  gtk_editable_set_text (GTK_EDITABLE (start), "2026-03-01");
  g_assert_null (find_widget (GTK_WIDGET (dialog), match_error_label, "Start date:"));
  click (create);
  wait_for (pointer_is_null, &dialog, "the dialog to close");
  wait_for (page_is_campaigns, &fixture, "the campaigns page");

  g_assert_cmpuint (count_stored_campaigns (&fixture), ==, 1);
  item = find_listed_campaign (&fixture, "Elevator safety campaign");
  g_assert_nonnull (item);
  g_assert_cmpstr (rectify_campaign_item_get_end_date (item), ==, "2026-06-08");
  g_assert_cmpint (rectify_campaigns_page_get_selected_id (rectify_window_get_campaigns_page (fixture.window)),
                   ==, rectify_campaign_item_get_id (item));

  fixture_close (&fixture);
}

static void
run_open_error (void)
{
  g_autoptr(RectifyApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog = NULL;

  dir = g_dir_make_tmp ("rectify-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "notes.db", NULL);
  g_file_set_contents (path, "These are notes, not a database.\n", -1, &error);
  g_assert_no_error (error);

  app = test_application_new ();

  /* No window, a dialog that says what is wrong and what to do. */
  g_assert_null (rectify_application_open_database (app, path));
  dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the error dialog"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Open the Database");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not a Rectify database"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "--db"));
  require_widget (GTK_WIDGET (dialog), match_button, "Try Again", "button");

  /* The file is left as it was. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "These are notes, not a database.\n");

  gtk_window_destroy (GTK_WINDOW (dialog));
  drain_main_context ();
  g_remove (path);
  g_rmdir (dir);
}

typedef struct {
  const char       *heading;
  AdwMessageDialog *found;
} Heading;

static gboolean
message_dialog_shown (gpointer data)
{
  Heading *h = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (window)
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), h->heading) == 0)
        {
          h->found = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

static AdwMessageDialog *
verify_records (Fixture *fixture, const char *heading)
{
  Heading h = { heading, NULL };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.verify", NULL));
  wait_for (message_dialog_shown, &h, heading);
  return h.found;
}

static gboolean
match_named (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

/* Verify Records in the main menu: the core's findings, or that the records
 * match the audit chain (issue 12). */
static void
run_verify (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *findings;
  sqlite3 *db = NULL;

  temp_db_make (&fixture.dir, &fixture.db);
  {
    g_autoptr(RectifyStore) store = rectify_store_open (fixture.db, &error);
    g_assert_no_error (error);
    g_assert_cmpint (rectify_demo_generate (store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error), >, 0);
    g_assert_no_error (error);
  }
  fixture.app = test_application_new ();
  app_window_open (fixture.app, fixture.db, &fixture.window);
  window_browse (fixture.window);

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture.window), "verify"));

  dialog = verify_records (&fixture, "Records Verified");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "The records match the audit chain ("));
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (dialog), " entries)."));
  g_assert_null (find_widget (GTK_WIDGET (dialog), match_named, "verify-findings"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain_main_context ();

  /* a hazard event's note changed behind the application's back */
  g_assert_cmpint (sqlite3_open (fixture.db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER hazard_event_no_update;"
                                     " UPDATE hazard_event SET note = 'changed' WHERE id = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  dialog = verify_records (&fixture, "The Records Do Not Match the Audit Chain");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "1 finding: "));
  findings = find_widget (GTK_WIDGET (dialog), match_named, "verify-findings");
  g_assert_nonnull (findings);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (findings)),
                                   "hazard 1: hazard_event 1: note is \"changed\", the audit log has "));
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain_main_context ();
  fixture_close (&fixture);
}

static void
run_chinese (void)
{
  Fixture fixture = { 0 };
  GtkWidget *root;

  /* The catalogue built in this build tree (RECTIFY_LOCALEDIR). */
  g_assert_nonnull (g_getenv ("RECTIFY_LOCALEDIR"));
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  rectify_application_init_i18n ();

  fixture_open (&fixture);
  root = GTK_WIDGET (fixture.window);

  require_widget (root, match_status_page, "欢迎使用 Rectify", "status page");
  require_widget (root, match_button, "加载示例数据", "button");
  require_widget (root, match_button, "新建专项行动", "button");

  /* Dates as Chinese writes them, in the campaign's period and its list. */
  {
    g_autofree char *day = rectify_format_date ("2026-06-30");

    g_assert_cmpstr (day, ==, "2026年6月30日");
  }
  click (require_widget (root, match_button, "加载示例数据", "button"));
  wait_for (page_is_campaigns, &fixture, "the campaigns page after loading the sample data");
  wait_for_widget (root, match_label, "2026年3月22日 至 2026年6月29日", "the campaign's period in Chinese");
  wait_for_widget (root, match_label, "2026年6月29日", "the campaign's last day in the list");

  fixture_close (&fixture);
}

static void
test_welcome (void)
{
  in_subprocess (run_welcome);
}

static void
test_sample_data (void)
{
  in_subprocess (run_sample_data);
}

static void
test_new_campaign (void)
{
  in_subprocess (run_new_campaign);
}

static void
test_first_officer (void)
{
  in_subprocess (run_first_officer);
}

static void
test_sign_in (void)
{
  in_subprocess (run_sign_in);
}

static void
test_open_error (void)
{
  in_subprocess (run_open_error);
}

static void
test_chinese (void)
{
  in_subprocess (run_chinese);
}

static void
test_verify (void)
{
  in_subprocess (run_verify);
}

int
main (int   argc,
      char *argv[])
{
  rectify_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/welcome", test_welcome);
  g_test_add_func ("/window/sample-data", test_sample_data);
  g_test_add_func ("/window/new-campaign", test_new_campaign);
  g_test_add_func ("/window/first-officer", test_first_officer);
  g_test_add_func ("/window/sign-in", test_sign_in);
  g_test_add_func ("/window/open-error", test_open_error);
  g_test_add_func ("/window/chinese", test_chinese);
  g_test_add_func ("/window/verify", test_verify);

  return g_test_run ();
}
