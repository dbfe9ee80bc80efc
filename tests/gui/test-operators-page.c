/* test-operators-page.c: the operators page as a user meets it, under Xvfb
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-application.h"
#include "rectify-record-list.h"
#include "rectify-operators-page.h"
#include "rectify-validate.h"
#include "test-gui-util.h"
#include "test-util.h"

typedef struct {
  char             *dir;
  char             *db;
  RectifyStore     *store;
  GtkWindow        *window;
  RectifyOperatorsPage *page;
} Fixture;

static void
fixture_open (Fixture *fixture,
              gboolean seed)
{
  /* Only now: GLib decides once whether to translate, on the first
   * g_dgettext(), with the language a case may have just chosen. */
  adw_init ();
  fixture->store = temp_store_open (&fixture->dir, &fixture->db, seed);
  test_store_sign_in (fixture->store);
  fixture->page = RECTIFY_OPERATORS_PAGE (rectify_operators_page_new (fixture->store));
  page_window_present (GTK_WIDGET (fixture->page), &fixture->window);
}

static void
fixture_close (Fixture *fixture)
{
  page_window_close (&fixture->window, fixture->store, fixture->dir, fixture->db);
}

static guint
count_stored_operators (Fixture            *fixture,
                        const RectifyQuery *q)
{
  RectifyQuery all = RECTIFY_QUERY_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = rectify_store_query_operator_ids (fixture->store, q ? q : &all, &error);
  g_assert_no_error (error);
  return ids->len;
}

static guint
listed_operators (Fixture *fixture)
{
  return g_list_model_get_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (fixture->page)));
}

static void
wait_for_listed (Fixture    *fixture,
                 guint       n,
                 const char *what)
{
  wait_for_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (fixture->page)), n, what);
}

static const RectifyOperator *
listed_operator (Fixture *fixture,
                 guint    position)
{
  g_autoptr(RectifyRow) row = g_list_model_get_item (rectify_list_page_get_model (RECTIFY_LIST_PAGE (fixture->page)), position);

  g_assert_nonnull (row);
  /* The list keeps the row's page cached while we look at it. */
  return rectify_row_get_record (row);
}

static gboolean
match_menu_button (GtkWidget    *widget,
                   gconstpointer data)
{
  /* the unit chooser: a popover of its own, not the Import and Export menu */
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) == NULL;
}

static gboolean
match_list_view (GtkWidget    *widget,
                 gconstpointer data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_get_mapped (widget);
}

/* "3501021990010112" + check, or with a wrong check when bad. */
static char *
id_number (const char *first17,
           gboolean    bad)
{
  char check = rectify_id_number_check_char (first17);

  g_assert_cmpint (check, !=, 0);
  if (bad)
    check = check == '1' ? '2' : '1';
  return g_strdup_printf ("%s%c", first17, check);
}

/* ---- the cases, each in its own process ---------------------------------- */

static void
run_licence_expired (void)
{
  Fixture fixture = { 0 };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  GtkWidget *root;
  const RectifyOperator *op;
  guint total;

  fixture_open (&fixture, TRUE);
  root = GTK_WIDGET (fixture.window);
  total = count_stored_operators (&fixture, NULL);
  g_assert_cmpuint (total, >, 1);
  g_assert_cmpuint (listed_operators (&fixture), ==, total);
  q.licence_expired = TRUE;
  g_assert_cmpuint (count_stored_operators (&fixture, &q), ==, 1);

  click (require_widget (root, match_button, "Licence expired", "toggle"));
  wait_for_listed (&fixture, 1, "the expired licences");
  op = listed_operator (&fixture, 0);
  g_assert_true (g_str_has_prefix (op->cert_expiry, "2025-"));
  require_widget (root, match_label, "1 operator", "count");

  /* The form shows the ID number masked. */
  rectify_list_page_select (RECTIFY_LIST_PAGE (fixture.page), op->id);
  drain_main_context ();
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (fixture.page)), ==, op->id);
  if (op->id_number[0] != '\0')
    g_assert_nonnull (strchr (gtk_editable_get_text (GTK_EDITABLE (require_widget (root, match_row, "ID number", "field"))), '*'));

  click (require_widget (root, match_button, "Licence expired", "toggle"));
  wait_for_listed (&fixture, total, "every operator again");

  fixture_close (&fixture);
}

static void
run_bad_id_number (void)
{
  Fixture fixture = { 0 };
  GtkWidget *root, *id_row, *chooser, *popover, *list;
  g_autofree char *bad = id_number ("35010219900101123", TRUE);
  g_autofree char *good = id_number ("35010219900101123", FALSE);
  g_autoptr(RectifyOperator) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint before;
  gint64 id;

  fixture_open (&fixture, TRUE);
  root = GTK_WIDGET (fixture.window);
  before = count_stored_operators (&fixture, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "page.new", NULL));
  drain_main_context ();
  require_widget (root, match_label, "New Operator", "form title");

  /* Without a unit: refused at the unit row. */
  fill (root, "Name", "陈小明");
  click (require_widget (root, match_button, "Create", "button"));
  drain_main_context ();
  require_widget (root, match_error_label, "Unit:", "error message");
  g_assert_cmpuint (count_stored_operators (&fixture, NULL), ==, before);

  /* The unit from the chooser's search. */
  chooser = require_widget (root, match_menu_button, NULL, "unit chooser");
  gtk_menu_button_popup (GTK_MENU_BUTTON (chooser));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (chooser)));
  list = wait_for_widget (popover, match_list_view, NULL, "the unit list");
  gtk_editable_set_text (GTK_EDITABLE (require_widget (popover, match_search_entry, NULL, "unit search")), "华信医院");
  {
    GListModel *units = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
    gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;

    while (g_list_model_get_n_items (units) != 1 && g_get_monotonic_time () < deadline)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
    g_assert_cmpuint (g_list_model_get_n_items (units), ==, 1);
  }
  g_signal_emit_by_name (list, "activate", 0);
  drain_main_context ();
  require_widget (root, match_row, "Unit", "unit row");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (require_widget (root, match_row, "Unit", "unit row"))),
                   ==, "鼓楼区华信医院");
  g_assert_null (find_widget (root, match_error_label, "Unit:"));

  /* A wrong check character: refused at the ID number, nothing saved. */
  id_row = require_widget (root, match_row, "ID number", "field");
  gtk_editable_set_text (GTK_EDITABLE (id_row), bad);
  fill (root, "Certificate number", "TS-2026-0001");
  fill (root, "Certificate category", "R1");
  fill (root, "Certificate expiry", "2029-12-31");
  click (require_widget (root, match_button, "Create", "button"));
  drain_main_context ();
  require_widget (root, match_error_label, "ID number:", "error message");
  g_assert_true (gtk_widget_has_css_class (id_row, "error"));
  g_assert_cmpuint (count_stored_operators (&fixture, NULL), ==, before);

  /* Mended, it is saved, listed and shown masked. */
  gtk_editable_set_text (GTK_EDITABLE (id_row), good);
  g_assert_false (gtk_widget_has_css_class (id_row, "error"));
  click (require_widget (root, match_button, "Create", "button"));
  drain_main_context ();
  g_assert_cmpuint (count_stored_operators (&fixture, NULL), ==, before + 1);
  wait_for_listed (&fixture, before + 1, "the new operator to be listed");
  id = rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (fixture.page));
  g_assert_cmpint (id, !=, 0);
  stored = rectify_store_get_operator (fixture.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "陈小明");
  g_assert_cmpstr (stored->id_number, ==, good);
  g_assert_cmpstr (stored->cert_expiry, ==, "2029-12-31");
  g_assert_cmpstr (stored->unit_name, ==, "鼓楼区华信医院");
  g_assert_nonnull (strchr (gtk_editable_get_text (GTK_EDITABLE (id_row)), '*'));

  fixture_close (&fixture);
}

static gboolean
operator_is_shown (gpointer data)
{
  Fixture *fixture = data;

  return rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (fixture->page)) != 0;
}

static void
run_delete_undo (void)
{
  Fixture fixture = { 0 };
  g_autoptr(RectifyOperator) back = NULL;
  g_autoptr(RectifyOperator) gone = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *root;
  g_autofree char *name = NULL;
  guint before;
  gint64 id;

  fixture_open (&fixture, TRUE);
  root = GTK_WIDGET (fixture.window);
  before = count_stored_operators (&fixture, NULL);
  id = listed_operator (&fixture, 0)->id;
  name = g_strdup (listed_operator (&fixture, 0)->name);

  rectify_list_page_select (RECTIFY_LIST_PAGE (fixture.page), id);
  wait_for (operator_is_shown, &fixture, "the operator in the form");
  click (require_widget (root, match_button, "Delete", "button"));
  drain_main_context ();
  gone = rectify_store_get_operator (fixture.store, id, &error);
  g_assert_null (gone);
  g_clear_error (&error);
  wait_for_listed (&fixture, before - 1, "the deleted operator to leave the list");

  click (wait_for_widget (root, match_button, "Undo", "the undo button"));
  drain_main_context ();
  back = rectify_store_get_operator (fixture.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, name);
  wait_for_listed (&fixture, before, "the operator to come back");
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (fixture.page)), ==, id);

  fixture_close (&fixture);
}

static void test_licence_expired (void) { in_subprocess (run_licence_expired); }
static void test_bad_id_number (void) { in_subprocess (run_bad_id_number); }
static void test_delete_undo (void) { in_subprocess (run_delete_undo); }

int
main (int   argc,
      char *argv[])
{
  rectify_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/operators-page/licence-expired", test_licence_expired);
  g_test_add_func ("/operators-page/bad-id-number", test_bad_id_number);
  g_test_add_func ("/operators-page/delete-undo", test_delete_undo);

  return g_test_run ();
}
