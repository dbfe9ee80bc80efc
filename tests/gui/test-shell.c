/* test-shell.c: the application shell: sidebar, acting officer, officers,
 * campaign editing and preferences, under Xvfb
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-application.h"
#include "rectify-campaign-dialog.h"
#include "rectify-officers-page.h"
#include "rectify-preferences-window.h"
#include "rectify-window.h"
#include "test-gui-util.h"

typedef struct {
  char               *dir;
  char               *db;
  RectifyApplication *app;
  RectifyWindow      *window;
} Fixture;

static void
fixture_make_db (Fixture *fixture)
{
  temp_db_make (&fixture->dir, &fixture->db);
}

static void
fixture_open_window (Fixture *fixture)
{
  app_window_open (fixture->app, fixture->db, &fixture->window);
}

/* The database is made (and filled) before, with fixture_make_db. */
static void
fixture_open (Fixture *fixture)
{
  fixture->app = test_application_new ();
  fixture_open_window (fixture);
}

static void
fixture_close (Fixture *fixture)
{
  window_close ((GtkWindow **) &fixture->window);
  g_clear_object (&fixture->app);

  temp_db_remove (fixture->dir, fixture->db);
}

/* The sidebar's pages, in order. */
static const char *const sidebar_pages[] = {
  "campaigns", "units", "equipment", "operators", "inspections", "hazards", "documents", "officers",
};

static RectifyStore *
store_of (Fixture *fixture)
{
  return rectify_window_get_store (fixture->window);
}

static gint64
add_officer (RectifyStore *store,
             const char   *badge,
             const char   *name,
             RectifyRole   role,
             gboolean      active)
{
  g_autoptr(RectifyOfficer) officer = rectify_officer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  officer->badge = g_strdup (badge);
  officer->name = g_strdup (name);
  officer->role = role;
  officer->active = active;
  id = rectify_store_add_officer (store, officer, &error);
  g_assert_no_error (error);
  /* the first officer added acts for the fixture's later changes */
  if (rectify_store_get_actor (store) == 0 && active && role != RECTIFY_ROLE_ARCHIVIST)
    g_assert_true (rectify_store_set_actor (store, id, NULL));
  return id;
}

/* Officers M-1 (manager), O-1, O-2 (officers), A-1 (archivist), I-1
 * (inactive) and a campaign headed by M-1, written before the window opens. */
static void
fill_db (Fixture *fixture,
         gint64  *campaign_id)
{
  g_autoptr(RectifyStore) store = NULL;
  g_autoptr(RectifyCampaign) campaign = rectify_campaign_new ();
  g_autoptr(GError) error = NULL;
  gint64 head;

  store = rectify_store_open (fixture->db, &error);
  g_assert_no_error (error);
  head = add_officer (store, "M-1", "Manager One", RECTIFY_ROLE_MANAGER, TRUE);
  add_officer (store, "O-1", "Officer One", RECTIFY_ROLE_OFFICER, TRUE);
  add_officer (store, "O-2", "Officer Two", RECTIFY_ROLE_OFFICER, TRUE);
  add_officer (store, "A-1", "Archivist One", RECTIFY_ROLE_ARCHIVIST, TRUE);
  add_officer (store, "I-1", "Retired One", RECTIFY_ROLE_OFFICER, FALSE);

  campaign->name = g_strdup ("Boiler campaign");
  campaign->start_date = g_strdup ("2026-03-01");
  campaign->days = 100;
  campaign->head_id = head;
  campaign->status = RECTIFY_CAMPAIGN_ACTIVE;
  *campaign_id = rectify_store_add_campaign (store, campaign, &error);
  g_assert_no_error (error);
}

static gint64
officer_id (Fixture    *fixture,
            const char *badge)
{
  gint64 id = 0;

  g_assert_true (rectify_store_find_officer (store_of (fixture), badge, &id, NULL));
  return id;
}

static gboolean
match_sidebar (GtkWidget    *widget,
               gconstpointer data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}

static GtkListBox *
sidebar (Fixture *fixture)
{
  return GTK_LIST_BOX (require_widget (GTK_WIDGET (fixture->window), match_sidebar, NULL, "sidebar"));
}

static void
navigate (Fixture    *fixture,
          const char *page)
{
  GtkListBox *list = sidebar (fixture);

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "rectify-page"), page) == 0)
        {
          gtk_list_box_select_row (list, row);
          drain_main_context ();
          g_assert_cmpstr (rectify_window_get_visible_page_name (fixture->window), ==, page);
          return;
        }
    }
  g_error ("No page “%s” in the sidebar", page);
}

static GSettings *
app_settings (void)
{
  return g_settings_new (APPLICATION_ID);
}

static GtkWidget *
page_widget (Fixture *fixture,
             GType    type)
{
  return require_widget (GTK_WIDGET (fixture->window), match_type, GSIZE_TO_POINTER (type), "page");
}

static void
run_navigate (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GSettings) settings = app_settings ();
  GtkListBox *list;
  GtkWidget *officers, *search, *focus;
  gint64 campaign_id;
  guint n = 0;

  fixture_make_db (&fixture);
  fill_db (&fixture, &campaign_id);
  fixture_open (&fixture);

  /* Nobody remembered: the sign-in first, the pages behind it, and
   * nothing to change. */
  g_assert_cmpstr (rectify_window_get_visible_page_name (fixture.window), ==, "sign-in");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (sidebar (&fixture))));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "new"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "new-campaign"));
  window_sign_in (fixture.window, "Manager One");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "new"));

  /* Not empty: the last page (the default, campaigns) is shown. */
  g_assert_cmpstr (rectify_window_get_visible_page_name (fixture.window), ==, "campaigns");

  list = sidebar (&fixture);
  for (GtkListBoxRow *row; (row = gtk_list_box_get_row_at_index (list, n)) != NULL; n++)
    {
      const char *name = g_object_get_data (G_OBJECT (row), "rectify-page");
      g_autofree char *type_name = NULL;
      GtkWidget *page;
      GType type;

      g_assert_cmpuint (n, <, G_N_ELEMENTS (sidebar_pages));
      g_assert_cmpstr (name, ==, sidebar_pages[n]);
      gtk_list_box_select_row (list, row);
      drain_main_context ();
      g_assert_cmpstr (rectify_window_get_visible_page_name (fixture.window), ==, name);
      /* "officers" is shown by a RectifyOfficersPage, and so on. */
      type_name = g_strdup_printf ("Rectify%c%sPage", g_ascii_toupper (name[0]), name + 1);
      type = g_type_from_name (type_name);
      g_assert_true (type != G_TYPE_INVALID);
      page = page_widget (&fixture, type);
      g_assert_true (gtk_widget_get_mapped (page));
      /* Ctrl+F: the page's search takes the focus (the campaigns have none). */
      if (!g_str_equal (name, "campaigns"))
        {
          GtkWidget *focused;

          g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "find", NULL);
          drain_main_context ();
          focused = gtk_root_get_focus (GTK_ROOT (fixture.window));
          g_assert_nonnull (focused);
          g_assert_true (gtk_widget_is_ancestor (focused, page));
        }
      /* Remembered for the next start. */
      {
        g_autofree char *last = g_settings_get_string (settings, "last-page");
        g_assert_cmpstr (last, ==, name);
      }
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (sidebar_pages));

  /* Ctrl+F and Ctrl+N reach the page shown. */
  navigate (&fixture, "officers");
  officers = page_widget (&fixture, RECTIFY_TYPE_OFFICERS_PAGE);
  require_widget (officers, match_column_view, NULL, "officer list");
  rectify_list_page_select (RECTIFY_LIST_PAGE (RECTIFY_OFFICERS_PAGE (officers)), officer_id (&fixture, "O-1"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (officers, match_row, "Badge", "field"))),
                   ==, "O-1");
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "new", NULL);
  drain_main_context ();
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (RECTIFY_OFFICERS_PAGE (officers))), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (officers, match_row, "Badge", "field"))),
                   ==, "");
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "find", NULL);
  drain_main_context ();
  search = require_widget (officers, match_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY), "search entry");
  focus = gtk_root_get_focus (GTK_ROOT (fixture.window));
  g_assert_nonnull (focus);
  g_assert_true (focus == search || gtk_widget_is_ancestor (focus, search));

  /* The next window of this database opens on the page left. */
  gtk_window_destroy (GTK_WINDOW (fixture.window));
  drain_main_context ();
  g_assert_null (fixture.window);
  fixture_open_window (&fixture);
  g_assert_cmpstr (rectify_window_get_visible_page_name (fixture.window), ==, "officers");

  fixture_close (&fixture);
}

static gboolean
match_menu_button (GtkWidget    *widget,
                   gconstpointer data)
{
  /* The primary menu is a menu model; the officer menu a popover. */
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)) != NULL
         && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) == NULL;
}

/* A row of the acting officer menu, shown or not: under Xvfb without a
 * window manager GTK 4.8 cannot always place a popover on a monitor. */
static gboolean
match_officer_row (GtkWidget    *widget,
                   gconstpointer data)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* Activates the officer's row of the acting officer menu. */
static void
choose_actor (Fixture    *fixture,
              const char *name)
{
  GtkWidget *button = require_widget (GTK_WIDGET (fixture->window), match_menu_button, "", "acting officer button");
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  GtkWidget *row;

  row = require_widget (GTK_WIDGET (popover), match_officer_row, name, "officer");
  g_signal_emit_by_name (row, "activate");
  drain_main_context ();
}

static void
run_actor (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GSettings) settings = app_settings ();
  GtkWidget *root, *button, *officers, *campaigns;
  GtkPopover *popover;
  gint64 campaign_id;

  fixture_make_db (&fixture);
  fill_db (&fixture, &campaign_id);
  fixture_open (&fixture);
  root = GTK_WIDGET (fixture.window);

  g_assert_cmpint (rectify_store_get_actor (store_of (&fixture)), ==, 0);
  button = require_widget (root, match_menu_button, "", "acting officer button");
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));

  /* Only active officers are offered, with their role. */
  g_assert_nonnull (find_widget (GTK_WIDGET (popover), match_officer_row, "Officer One"));
  g_assert_null (find_widget (GTK_WIDGET (popover), match_officer_row, "Retired One"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (require_widget (GTK_WIDGET (popover), match_officer_row,
                                                                                "Archivist One", "officer"))),
                   ==, "Archivist");

  choose_actor (&fixture, "Manager One");
  g_assert_cmpint (rectify_store_get_actor (store_of (&fixture)), ==, officer_id (&fixture, "M-1"));
  {
    g_autofree char *badge = g_settings_get_string (settings, "acting-officer");
    g_assert_cmpstr (badge, ==, "M-1");
  }
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_menu_button_get_child (GTK_MENU_BUTTON (button)))),
                   ==, "Manager One");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "new"));
  require_widget (root, match_button, "Edit Campaign", "button");
  require_widget (root, match_button, "New Campaign", "button");
  g_assert_true (rectify_store_can_issue_documents (store_of (&fixture), NULL));

  /* The acting manager becomes an officer: the store acts with the new
   * role at once, not the one it had when the officer was chosen. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RectifyOfficer) me = rectify_store_get_officer (store_of (&fixture), officer_id (&fixture, "M-1"),
                                                             &error);

    g_assert_no_error (error);
    me->role = RECTIFY_ROLE_OFFICER;
    g_assert_true (rectify_store_update_officer (store_of (&fixture), me, &error));
    g_assert_no_error (error);
    drain_main_context ();
    g_assert_cmpint (rectify_store_get_actor (store_of (&fixture)), ==, officer_id (&fixture, "M-1"));
    g_assert_false (rectify_store_can_issue_documents (store_of (&fixture), NULL));
  }

  /* An archivist reads only. */
  choose_actor (&fixture, "Archivist One");
  g_assert_cmpint (rectify_store_get_actor (store_of (&fixture)), ==, officer_id (&fixture, "A-1"));
  {
    g_autofree char *badge = g_settings_get_string (settings, "acting-officer");
    g_assert_cmpstr (badge, ==, "A-1");
  }
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "new"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "new-campaign"));
  campaigns = page_widget (&fixture, RECTIFY_TYPE_CAMPAIGNS_PAGE);
  g_assert_false (rectify_campaigns_page_get_can_edit (RECTIFY_CAMPAIGNS_PAGE (campaigns)));
  g_assert_null (find_widget (root, match_button, "Edit Campaign"));
  g_assert_null (find_widget (root, match_button, "New Campaign"));
  navigate (&fixture, "officers");
  officers = page_widget (&fixture, RECTIFY_TYPE_OFFICERS_PAGE);
  {
    gboolean can_edit = TRUE;

    g_object_get (officers, "can-edit", &can_edit, NULL);
    g_assert_false (can_edit);
  }
  g_assert_null (find_widget (officers, match_button, "New Officer"));
  g_assert_null (find_widget (officers, match_button, "Save"));
  g_assert_false (gtk_widget_is_sensitive (require_widget (officers, match_row, "Badge", "field")));

  /* The next window acts as the same officer. */
  gtk_window_destroy (GTK_WINDOW (fixture.window));
  drain_main_context ();
  fixture_open_window (&fixture);
  g_assert_cmpint (rectify_store_get_actor (store_of (&fixture)), ==, officer_id (&fixture, "A-1"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "new"));

  fixture_close (&fixture);
}

static guint
count_officers (Fixture *fixture)
{
  g_autoptr(GPtrArray) officers = rectify_store_list_officers (store_of (fixture), NULL);

  return officers->len;
}

static void
run_officer_form (void)
{
  Fixture fixture = { 0 };
  g_autoptr(RectifyOfficer) officer = NULL;
  GtkWidget *page, *badge, *name, *role, *active;
  gint64 campaign_id, id;
  guint before;

  fixture_make_db (&fixture);
  fill_db (&fixture, &campaign_id);
  fixture_open (&fixture);
  window_sign_in (fixture.window, "Manager One");
  navigate (&fixture, "officers");
  page = page_widget (&fixture, RECTIFY_TYPE_OFFICERS_PAGE);
  before = count_officers (&fixture);

  click (require_widget (page, match_button, "New Officer", "button"));
  badge = require_widget (page, match_row, "Badge", "field");
  name = require_widget (page, match_row, "Name", "field");
  role = require_widget (page, match_row, "Role", "field");
  active = require_widget (page, match_type, GSIZE_TO_POINTER (GTK_TYPE_SWITCH), "switch");
  gtk_editable_set_text (GTK_EDITABLE (badge), "FZ-0999");
  gtk_editable_set_text (GTK_EDITABLE (name), "New Person");
  adw_combo_row_set_selected (ADW_COMBO_ROW (role), RECTIFY_ROLE_MANAGER);
  click (require_widget (page, match_button, "Save", "button"));
  drain_main_context ();

  g_assert_cmpuint (count_officers (&fixture), ==, before + 1);
  id = officer_id (&fixture, "FZ-0999");
  officer = rectify_store_get_officer (store_of (&fixture), id, NULL);
  g_assert_cmpstr (officer->name, ==, "New Person");
  g_assert_cmpint (officer->role, ==, RECTIFY_ROLE_MANAGER);
  g_assert_true (officer->active);
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (RECTIFY_OFFICERS_PAGE (page))), ==, id);
  g_clear_pointer (&officer, rectify_officer_free);

  /* Another with the same badge: refused at the field, nothing saved. */
  click (require_widget (page, match_button, "New Officer", "button"));
  gtk_editable_set_text (GTK_EDITABLE (badge), "FZ-0999");
  gtk_editable_set_text (GTK_EDITABLE (name), "Someone Else");
  click (require_widget (page, match_button, "Save", "button"));
  drain_main_context ();
  require_widget (page, match_error_label, "Badge: another officer already has this number", "error message");
  g_assert_true (gtk_widget_has_css_class (badge, "error"));
  g_assert_cmpuint (count_officers (&fixture), ==, before + 1);
  /* Typing clears the message. */
  gtk_editable_set_text (GTK_EDITABLE (badge), "FZ-1000");
  g_assert_null (find_widget (page, match_error_label, "Badge:"));
  g_assert_false (gtk_widget_has_css_class (badge, "error"));

  /* Officers are deactivated, not deleted. */
  rectify_list_page_select (RECTIFY_LIST_PAGE (RECTIFY_OFFICERS_PAGE (page)), id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (badge)), ==, "FZ-0999");
  gtk_switch_set_active (GTK_SWITCH (active), FALSE);
  click (require_widget (page, match_button, "Save", "button"));
  drain_main_context ();
  officer = rectify_store_get_officer (store_of (&fixture), id, NULL);
  g_assert_false (officer->active);
  g_assert_cmpstr (officer->name, ==, "New Person");
  g_assert_cmpuint (count_officers (&fixture), ==, before + 1);
  g_assert_null (find_widget (page, match_button, "Delete"));

  fixture_close (&fixture);
}

static gboolean
match_check_row (GtkWidget    *widget,
                 gconstpointer data)
{
  return match_row (widget, data) && ADW_IS_ACTION_ROW (widget)
         && GTK_IS_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget)));
}

static void
set_member (GtkWidget  *dialog,
            const char *name,
            gboolean    member)
{
  GtkWidget *row = require_widget (dialog, match_check_row, name, "member");
  GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), member);
}

static void
run_edit_campaign (void)
{
  Fixture fixture = { 0 };
  g_autoptr(RectifyCampaign) campaign = NULL;
  RectifyCampaignDialog *dialog = NULL;
  GtkWidget *name, *days;
  gint64 campaign_id;

  fixture_make_db (&fixture);
  fill_db (&fixture, &campaign_id);
  fixture_open (&fixture);
  choose_actor (&fixture, "Manager One");
  navigate (&fixture, "campaigns");

  click (require_widget (GTK_WIDGET (fixture.window), match_button, "Edit Campaign", "button"));
  dialog = RECTIFY_CAMPAIGN_DIALOG (wait_for_toplevel (RECTIFY_TYPE_CAMPAIGN_DIALOG, "the campaign dialog"));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Campaign");

  /* The form shows the campaign as it is. */
  name = require_widget (GTK_WIDGET (dialog), match_row, "Name", "field");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Boiler campaign");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (GTK_WIDGET (dialog), match_row,
                                                                        "Start date (YYYY-MM-DD)", "field"))),
                   ==, "2026-03-01");
  days = require_widget (GTK_WIDGET (dialog), match_type, GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON), "days");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (days)), ==, 100);
  g_assert_null (find_widget (GTK_WIDGET (dialog), match_check_row, "Retired One"));

  gtk_editable_set_text (GTK_EDITABLE (name), "Boiler and pipe campaign");
  set_member (GTK_WIDGET (dialog), "Officer One", TRUE);
  set_member (GTK_WIDGET (dialog), "Officer Two", TRUE);
  click (require_widget (GTK_WIDGET (dialog), match_button, "Save", "button"));
  wait_for (pointer_is_null, &dialog, "the dialog to close");

  campaign = rectify_store_get_campaign (store_of (&fixture), campaign_id, NULL);
  g_assert_cmpstr (campaign->name, ==, "Boiler and pipe campaign");
  g_assert_cmpstr (campaign->start_date, ==, "2026-03-01");
  g_assert_cmpint (campaign->head_id, ==, officer_id (&fixture, "M-1"));
  g_assert_cmpuint (campaign->member_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (campaign->member_ids, gint64, 0) + g_array_index (campaign->member_ids, gint64, 1),
                   ==, officer_id (&fixture, "O-1") + officer_id (&fixture, "O-2"));
  g_assert_cmpint (rectify_campaigns_page_get_selected_id (rectify_window_get_campaigns_page (fixture.window)),
                   ==, campaign_id);
  /* The details show the new name and the members. */
  require_widget (GTK_WIDGET (fixture.window), match_row, "Members", "row");
  g_clear_pointer (&campaign, rectify_campaign_free);

  /* Again: one member off. */
  click (require_widget (GTK_WIDGET (fixture.window), match_button, "Edit Campaign", "button"));
  dialog = RECTIFY_CAMPAIGN_DIALOG (wait_for_toplevel (RECTIFY_TYPE_CAMPAIGN_DIALOG, "the campaign dialog"));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  set_member (GTK_WIDGET (dialog), "Officer One", FALSE);
  click (require_widget (GTK_WIDGET (dialog), match_button, "Save", "button"));
  wait_for (pointer_is_null, &dialog, "the dialog to close");
  campaign = rectify_store_get_campaign (store_of (&fixture), campaign_id, NULL);
  g_assert_cmpuint (campaign->member_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (campaign->member_ids, gint64, 0), ==, officer_id (&fixture, "O-2"));

  fixture_close (&fixture);
}

static char *
setting (Fixture    *fixture,
         const char *key)
{
  return rectify_store_get_setting (store_of (fixture), key, NULL);
}

static void
apply_text (GtkWidget  *window,
            const char *title,
            const char *text)
{
  GtkWidget *row = require_widget (window, match_row, title, "field");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  drain_main_context ();
}

static void
run_preferences (void)
{
  Fixture fixture = { 0 };
  GtkWidget *window = NULL, *row;
  g_autofree char *value = NULL;
  g_autofree char *too_long = NULL;
  gint64 campaign_id;

  fixture_make_db (&fixture);
  fill_db (&fixture, &campaign_id);
  fixture_open (&fixture);
  choose_actor (&fixture, "Manager One");

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "preferences", NULL);
  window = wait_for_toplevel (RECTIFY_TYPE_PREFERENCES_WINDOW, "the preferences");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* The core's defaults are shown. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (window, match_row,
                                                                        "Prefix of instruction letters", "field"))),
                   ==, "X市监特指");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (window, match_row,
                                                                        "Prefix of rectification opinions", "field"))),
                   ==, "X市监特整");

  apply_text (window, "Bureau name", "Fuzhou Market Supervision Bureau");
  apply_text (window, "District", "Gulou");
  apply_text (window, "Prefix of instruction letters", "榕市监特指");
  apply_text (window, "Prefix of rectification opinions", "榕市监特整");
  apply_text (window, "Signatory", "Lin Jianhua");
  g_free (value), value = setting (&fixture, "bureau-name");
  g_assert_cmpstr (value, ==, "Fuzhou Market Supervision Bureau");
  g_free (value), value = setting (&fixture, "bureau-district");
  g_assert_cmpstr (value, ==, "Gulou");
  g_free (value), value = setting (&fixture, "number-prefix-instruction");
  g_assert_cmpstr (value, ==, "榕市监特指");
  g_free (value), value = setting (&fixture, "number-prefix-opinion");
  g_assert_cmpstr (value, ==, "榕市监特整");
  g_free (value), value = setting (&fixture, "signatory");
  g_assert_cmpstr (value, ==, "Lin Jianhua");

  row = require_widget (window, match_row, "Document language", "field");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  g_free (value), value = setting (&fixture, "document-language");
  g_assert_cmpstr (value, ==, "en");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  g_free (value), value = setting (&fixture, "document-language");
  g_assert_cmpstr (value, ==, "zh_CN");

  /* The provisions letters cite: the law's defaults, edited as data. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (window, match_row,
                                                                        "Instruction, in Chinese letters", "field"))),
                   ==, "《中华人民共和国特种设备安全法》第六十二条");
  apply_text (window, "Immediate stop, in Chinese letters", "《中华人民共和国特种设备安全法》第六十三条第一款");
  g_free (value), value = setting (&fixture, "provision-stop-use-zh_CN");
  g_assert_cmpstr (value, ==, "《中华人民共和国特种设备安全法》第六十三条第一款");
  apply_text (window, "Contact printed on letters", "0591-87654321");
  g_free (value), value = setting (&fixture, "bureau-contact");
  g_assert_cmpstr (value, ==, "0591-87654321");
  /* The fonts: Automatic says what it uses; a family chosen is stored. */
  row = require_widget (window, match_row, "Body font", "field");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Uses AR PL UMing CN");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), >=, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  g_free (value), value = setting (&fixture, "document-body-font");
  g_assert_cmpstr (value, ==, "AR PL UMing CN");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  g_free (value), value = setting (&fixture, "document-body-font");
  g_assert_cmpstr (value, ==, "");

  /* A refused value: the message at the field, the old value kept. */
  too_long = g_strnfill (5000, 'x');
  apply_text (window, "Signatory", too_long);
  row = require_widget (window, match_row, "Signatory", "field");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  require_widget (window, match_error_label, "", "error message");
  g_free (value), value = setting (&fixture, "signatory");
  g_assert_cmpstr (value, ==, "Lin Jianhua");
  /* Closing with it is refused too; mended, it is saved on closing. */
  gtk_window_close (GTK_WINDOW (window));
  drain_main_context ();
  g_assert_nonnull (window);
  gtk_editable_set_text (GTK_EDITABLE (row), "Chen Zhiqiang");
  gtk_window_close (GTK_WINDOW (window));
  wait_for (pointer_is_null, &window, "the preferences to close");
  g_free (value), value = setting (&fixture, "signatory");
  g_assert_cmpstr (value, ==, "Chen Zhiqiang");

  fixture_close (&fixture);
}

static gboolean
match_any_label (GtkWidget    *widget,
                 gconstpointer data)
{
  return GTK_IS_LABEL (widget);
}

/* Only the pages whose names the catalogue translates so far. */
static void
run_chinese_sidebar (void)
{
  Fixture fixture = { 0 };
  const struct { const char *page, *label; } expected[] = {
    { "campaigns", "专项行动" },
    { "units", "使用单位" },
    { "equipment", "设备" },
    { "inspections", "检查" },
    { "hazards", "隐患" },
    { "officers", "执法人员" },
  };
  GtkListBox *list;
  gint64 campaign_id;

  g_assert_nonnull (g_getenv ("RECTIFY_LOCALEDIR"));
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  rectify_application_init_i18n ();

  fixture_make_db (&fixture);
  fill_db (&fixture, &campaign_id);
  fixture_open (&fixture);
  list = sidebar (&fixture);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkListBoxRow *row = NULL;

      for (int j = 0; gtk_list_box_get_row_at_index (list, j) != NULL; j++)
        if (g_strcmp0 (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (list, j)), "rectify-page"),
                       expected[i].page) == 0)
          row = gtk_list_box_get_row_at_index (list, j);
      g_assert_nonnull (row);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_widget (GTK_WIDGET (row), match_any_label, NULL))),
                       ==, expected[i].label);
    }

  fixture_close (&fixture);
}

static void test_navigate (void) { in_subprocess (run_navigate); }
static void test_actor (void) { in_subprocess (run_actor); }
static void test_officer_form (void) { in_subprocess (run_officer_form); }
static void test_edit_campaign (void) { in_subprocess (run_edit_campaign); }
static void test_preferences (void) { in_subprocess (run_preferences); }
static void test_chinese_sidebar (void) { in_subprocess (run_chinese_sidebar); }

int
main (int   argc,
      char *argv[])
{
  rectify_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shell/navigate", test_navigate);
  g_test_add_func ("/shell/actor", test_actor);
  g_test_add_func ("/shell/officer-form", test_officer_form);
  g_test_add_func ("/shell/edit-campaign", test_edit_campaign);
  g_test_add_func ("/shell/preferences", test_preferences);
  g_test_add_func ("/shell/chinese-sidebar", test_chinese_sidebar);

  return g_test_run ();
}
