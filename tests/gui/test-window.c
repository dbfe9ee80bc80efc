/* test-window.c: the main window as a user meets it, under Xvfb
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rectify-application.h"
#include "rectify-campaign-dialog.h"
#include "rectify-campaign-item.h"
#include "rectify-window.h"

/* The campaign of the seed report, as the sample data names it. */
#define SEED_CAMPAIGN "2026年特种设备百日安全行动"

/* Generous: the sanitizer build is slow. */
#define TIMEOUT_SECONDS 90

typedef struct {
  char               *dir;
  char               *db;
  RectifyApplication *app;
  RectifyWindow      *window;
} Fixture;

typedef gboolean (*Condition) (gpointer data);
typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static void
wait_for (Condition   condition,
          gpointer    data,
          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
    }
}

static void
drain_main_context (void)
{
  for (int i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static GtkWidget *
find_widget (GtkWidget    *root,
             Match         match,
             gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "C_reate" → "Create" */
static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      /* Translations that cannot underline a letter of their own add
       * it in parentheses: "加载示例数据(_L)". */
      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[3] == ')')
        {
          p += 3;
          continue;
        }
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* A button the user can see, by its label. */
static gboolean
match_button (GtkWidget    *widget,
              gconstpointer data)
{
  g_autofree char *label = NULL;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_mapped (widget)
      || gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    return FALSE;
  label = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (widget)));
  return g_str_equal (label, data);
}

static gboolean
match_status_page (GtkWidget    *widget,
                   gconstpointer data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), data) == 0;
}

static gboolean
match_row (GtkWidget    *widget,
           gconstpointer data)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* A visible error message that starts with the given text. */
static gboolean
match_error_label (GtkWidget    *widget,
                   gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && gtk_widget_has_css_class (widget, "error")
         && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static gboolean
match_column_view (GtkWidget    *widget,
                   gconstpointer data)
{
  return GTK_IS_COLUMN_VIEW (widget) && gtk_widget_get_mapped (widget);
}

/* For the failure message: the texts of the labels shown under root. */
static void
collect_labels (GtkWidget *root,
                GString   *out)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    g_string_append_printf (out, "\n  “%s”", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* As a click does; gtk_widget_activate() would wait for a timeout first. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
require_widget (GtkWidget    *root,
                Match         match,
                gconstpointer data,
                const char   *what)
{
  GtkWidget *widget = find_widget (root, match, data);

  if (widget == NULL)
    {
      g_autoptr(GString) labels = g_string_new (NULL);

      collect_labels (root, labels);
      g_error ("No %s “%s” is shown; the labels shown are:%s", what, (const char *) data, labels->str);
    }
  return widget;
}

static gboolean
match_toast_overlay (GtkWidget    *widget,
                     gconstpointer data)
{
  return ADW_IS_TOAST_OVERLAY (widget);
}

/* The page is shown beside the sidebar once the window has its size. */
static gboolean
page_is_mapped (gpointer data)
{
  GtkWidget *overlay = find_widget (GTK_WIDGET (data), match_toast_overlay, NULL);

  return overlay != NULL && gtk_widget_get_mapped (overlay);
}

static void
fixture_open (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rectify-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "rectify.db", NULL);

  /* Not unique: each test owns its application, whatever else runs. */
  fixture->app = g_object_new (RECTIFY_TYPE_APPLICATION,
                               "application-id", APPLICATION_ID,
                               "flags", G_APPLICATION_NON_UNIQUE,
                               NULL);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  fixture->window = RECTIFY_WINDOW (rectify_application_open_database (fixture->app, fixture->db));
  g_assert_nonnull (fixture->window);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  wait_for (widget_is_mapped, fixture->window, "the window to be shown");
  wait_for (page_is_mapped, fixture->window, "the page beside the sidebar");
}

static void
fixture_close (Fixture *fixture)
{
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->db, "-shm", NULL);

  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain_main_context ();
  g_assert_null (fixture->window);
  g_clear_object (&fixture->app);

  g_remove (wal);
  g_remove (shm);
  g_remove (fixture->db);
  g_rmdir (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
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
  g_assert_true (gtk_widget_is_sensitive (require_widget (root, match_button, "New Campaign", "button")));

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
  require_widget (root, match_row, "Hazards found", "figure row");
  require_widget (root, match_row, "Rectification rate", "figure row");

  fixture_close (&fixture);
}

static gboolean
dialog_is_open (gpointer data)
{
  RectifyCampaignDialog **dialog = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (RECTIFY_IS_CAMPAIGN_DIALOG (window) && gtk_widget_get_mapped (window))
        {
          *dialog = RECTIFY_CAMPAIGN_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
run_new_campaign (void)
{
  Fixture fixture = { 0 };
  RectifyCampaignDialog *dialog = NULL;
  GtkWidget *root, *name, *start, *create;
  RectifyCampaignItem *item;

  fixture_open (&fixture);
  root = GTK_WIDGET (fixture.window);

  click (require_widget (root, match_button, "New Campaign", "button"));
  wait_for (dialog_is_open, &dialog, "the new campaign dialog");
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
  g_assert_cmpstr (rectify_window_get_visible_page_name (fixture.window), ==, "welcome");

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

static gboolean
message_dialog_is_open (gpointer data)
{
  AdwMessageDialog **dialog = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (window))
        {
          *dialog = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
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

  app = g_object_new (RECTIFY_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* No window, a dialog that says what is wrong and what to do. */
  g_assert_null (rectify_application_open_database (app, path));
  wait_for (message_dialog_is_open, &dialog, "the error dialog");
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

  fixture_close (&fixture);
}

static void
in_subprocess (void (*run) (void))
{
  if (g_test_subprocess ())
    {
      run ();
      return;
    }
  /* A fresh process per case: one application, one locale, no leftovers. */
  g_test_trap_subprocess (NULL, (guint64) (TIMEOUT_SECONDS + 30) * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  /* Report and go on with the next case. */
  if (!g_test_trap_has_passed ())
    g_test_fail ();
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
test_open_error (void)
{
  in_subprocess (run_open_error);
}

static void
test_chinese (void)
{
  in_subprocess (run_chinese);
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
  g_test_add_func ("/window/open-error", test_open_error);
  g_test_add_func ("/window/chinese", test_chinese);

  return g_test_run ();
}
