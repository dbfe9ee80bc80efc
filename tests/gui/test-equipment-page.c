/* test-equipment-page.c: the lazy list and the equipment page, under Xvfb
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "rectify-application.h"
#include "rectify-cell-label.h"
#include "rectify-column-sorter.h"
#include "rectify-equipment-page.h"
#include "rectify-record-list.h"
#include "rectify-validate.h"
#include "test-gui-util.h"
#include "test-util.h"

#define BIG_N 500000

static gboolean
match_menu_button (GtkWidget    *widget,
                   gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), data) == 0;
}

static gboolean
match_check_button (GtkWidget    *widget,
                    gconstpointer data)
{
  return GTK_IS_CHECK_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), data) == 0;
}

/* ---- the lazy list over 500 000 rows ---------------------------------- */

/* The equipment test_store_load_equipment() loads, in the order of their
 * codes: ids[k] has the k-th smallest code. */
typedef struct {
  gint64 *ids;
} BigOrder;

static gint
compare_by_code (gconstpointer a, gconstpointer b)
{
  gint64 ca = (*(const gint64 *) a * 7919) % 500009, cb = (*(const gint64 *) b * 7919) % 500009;
  return (ca > cb) - (ca < cb);
}

static void
big_order_init (BigOrder *o)
{
  o->ids = g_new (gint64, BIG_N);
  for (guint i = 0; i < BIG_N; i++)
    o->ids[i] = i + 1;
  qsort (o->ids, BIG_N, sizeof (gint64), compare_by_code);
}

/* The id and code at position of the order ("code" or "code DESC"). */
static gint64
expected_id_at (BigOrder   *o,
           const char *order,
           guint       position,
           char      **code)
{
  gint64 id = g_str_equal (order, "code") ? o->ids[position] : o->ids[BIG_N - 1 - position];

  g_assert_true (g_str_equal (order, "code") || g_str_equal (order, "code DESC"));
  *code = g_strdup_printf ("3110%014" G_GINT64_FORMAT, (id * 7919) % 500009);
  return id;
}

typedef struct {
  guint position, removed, added, count, n;
  guint max_replaced;  /* the most rows one signal both took out and put in */
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  /* the model says what it has after each signal */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                    (changes->count ? changes->n : 0) - removed + added);
  changes->n = g_list_model_get_n_items (model);
  changes->max_replaced = MAX (changes->max_replaced, MIN (removed, added));
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->count++;
}

static void
check_row (RectifyRecordList *list,
           BigOrder          *db,
           const char        *order,
           guint              position)
{
  g_autoptr(RectifyRow) row = g_list_model_get_item (G_LIST_MODEL (list), position);
  g_autofree char *code = NULL;
  gint64 id = expected_id_at (db, order, position, &code);
  RectifyEquipment *e;

  g_assert_nonnull (row);
  g_assert_cmpint (rectify_row_get_id (row), ==, id);
  e = rectify_row_get_record (row);
  g_assert_nonnull (e);
  g_assert_cmpint (e->id, ==, id);
  g_assert_cmpstr (e->code, ==, code);
  g_assert_cmpstr (e->unit_name, ==, "Big Unit");
}

/* A row of a search by code prefix: its code starts so. */
static void
check_row_matching (RectifyRecordList *list,
                    BigOrder          *db,
                    const char        *prefix,
                    guint              position)
{
  g_autoptr(RectifyRow) row = g_list_model_get_item (G_LIST_MODEL (list), position);
  RectifyEquipment *e;

  g_assert_nonnull (row);
  e = rectify_row_get_record (row);
  g_assert_nonnull (e);
  g_assert_true (g_str_has_prefix (e->code, prefix));
}

/* Waits for the thread reading the rest of a long result. */
static void
wait_loaded (RectifyRecordList *list)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (rectify_record_list_get_loading (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_lazy_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rectify-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "big.db", NULL);
  g_autoptr(RectifyStore) store = NULL;
  g_autoptr(RectifyRecordList) list = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  Changes changes = { 0 };
  gpointer first_row = NULL;
  RectifyRow *top_row = NULL;
  BigOrder order;
  BigOrder *db = &order;

  g_assert_no_error (error);
  store = rectify_store_open (path, &error);
  g_assert_no_error (error);

  /* Fast: no search index for the bulk rows; codes in another order than
   * the ids (7919 is invertible modulo the prime 500 009). */
  {
    g_autoptr(RectifyUnit) unit = rectify_unit_new ();
    char check = rectify_credit_code_check_char ("91350100M000100Y4");

    g_assert_cmpint (check, !=, 0);
    unit->credit_code = g_strdup_printf ("91350100M000100Y4%c", check);
    unit->name = g_strdup ("Big Unit");
    test_store_sign_in (store);
    g_assert_cmpint (rectify_store_add_unit (store, unit, &error), ==, 1);
    g_assert_no_error (error);
  }
  test_store_load_equipment (path, 1, BIG_N);
  big_order_init (&order);

  list = rectify_record_list_new (store, rectify_store_query_equipment_ids,
                                  rectify_store_get_equipment_by_ids,
                                  (GDestroyNotify) rectify_equipment_free);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == RECTIFY_TYPE_ROW);

  q.sort = "code";
  rectify_record_list_set_query (list, &q);
  g_assert_null (rectify_record_list_get_error (list));
  /* the first rows at once, the rest from a thread in one more signal */
  g_assert_true (rectify_record_list_get_loading (list));
  g_assert_cmpuint (changes.n, ==, 300);
  check_row (list, db, "code", 0);
  check_row (list, db, "code", 299);
  g_assert_cmpint (rectify_record_list_find (list, 77), ==, -1);
  wait_loaded (list);
  g_assert_cmpuint (changes.n, ==, BIG_N);
  g_assert_cmpuint (changes.position, ==, 300);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.max_replaced, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, BIG_N);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), BIG_N));

  check_row (list, db, "code", 0);
  check_row (list, db, "code", 250000);
  check_row (list, db, "code", 499999);
  check_row (list, db, "code", 1234);
  g_assert_cmpint (rectify_record_list_find (list, 77), >=, 0);
  g_assert_cmpint (rectify_record_list_find (list, 600000), ==, -1);

  /* the cache is bounded: a row nobody holds goes when its page is dropped */
  first_row = g_list_model_get_item (G_LIST_MODEL (list), 1000);
  g_object_add_weak_pointer (first_row, &first_row);
  g_object_unref (first_row);
  g_assert_nonnull (first_row);
  for (guint i = 1; i <= 40; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i * 10000));
  g_assert_null (first_row);

  /* the query's strings are copied */
  top_row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  {
    g_autofree char *sort = g_strdup ("code");

    q.sort = sort;
    q.descending = TRUE;
    rectify_record_list_set_query (list, &q);
  }
  g_assert_cmpstr (rectify_record_list_get_query (list)->sort, ==, "code");
  wait_loaded (list);
  /* the rows at the top are the same objects with new content, so views
   * keep their widgets; no signal replaces many rows by many (see
   * rectify_record_list_refresh) */
  g_assert_cmpuint (changes.n, ==, BIG_N);
  g_assert_cmpuint (changes.max_replaced, <=, 300);
  {
    g_autoptr(RectifyRow) row = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_true (row == top_row);
  }
  check_row (list, db, "code DESC", 0);
  check_row (list, db, "code DESC", 299);
  check_row (list, db, "code DESC", 300);
  check_row (list, db, "code DESC", 499999);
  g_clear_object (&top_row);

  /* a query asked for while the last is still read: only the newer one
   * is shown, whatever order the threads end in */
  q.sort = "id";
  q.descending = FALSE;
  rectify_record_list_set_query (list, &q);
  g_assert_true (rectify_record_list_get_loading (list));
  q.sort = "code";
  rectify_record_list_set_query (list, &q);
  wait_loaded (list);
  /* and the reader has nothing of the first left to deliver */
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (changes.n, ==, BIG_N);
  g_assert_cmpstr (rectify_record_list_get_query (list)->sort, ==, "code");
  check_row (list, db, "code", 0);
  check_row (list, db, "code", 400000);

  /* a refresh (after a change of the store) reads it all at once */
  rectify_record_list_refresh (list);
  g_assert_false (rectify_record_list_get_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, BIG_N);
  g_assert_cmpint (rectify_record_list_find (list, 77), >=, 0);

  /* the second connection cannot open the file (gone from its folder):
   * the store's own connection reads the rest */
  {
    g_autofree char *moved = g_strconcat (path, ".moved", NULL);

    g_autoptr(RectifyRecordList) other = rectify_record_list_new (store, rectify_store_query_equipment_ids,
                                                                  rectify_store_get_equipment_by_ids,
                                                                  (GDestroyNotify) rectify_equipment_free);

    g_assert_cmpint (g_rename (path, moved), ==, 0);
    rectify_record_list_set_query (other, &q);
    g_assert_true (rectify_record_list_get_loading (other));
    wait_loaded (other);
    g_assert_null (rectify_record_list_get_error (other));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, BIG_N);
    check_row (other, db, "code", 499999);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_assert_cmpint (g_rename (moved, path), ==, 0);
  }

  /* fewer rows than the top's: the rest go */
  q.sort = "code";  /* the copied string is gone */
  q.search = "3110000000000000";
  rectify_record_list_set_query (list, &q);
  g_assert_null (rectify_record_list_get_error (list));
  g_assert_cmpuint (changes.n, ==, g_list_model_get_n_items (G_LIST_MODEL (list)));
  g_assert_cmpuint (changes.n, >, 0);
  g_assert_cmpuint (changes.n, <, 300);
  check_row_matching (list, db, "3110000000000000", 0);
  check_row_matching (list, db, "3110000000000000", changes.n - 1);
  q.search = NULL;

  /* a query the store refuses leaves the list empty, with its error */
  q.sort = "no-such-column";
  rectify_record_list_set_query (list, &q);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (changes.n, ==, 0);
  g_assert_nonnull (rectify_record_list_get_error (list));
  g_assert_true (g_str_has_prefix (rectify_record_list_get_error (list)->message, "Sort:"));

  g_free (order.ids);
  g_clear_object (&list);
  g_clear_object (&store);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
        g_remove (file);
      }
  }
  g_rmdir (dir);
}

/* ---- the column sorter ---------------------------------------------------- */

static void
test_column_sorter (void)
{
  GtkWidget *view = gtk_column_view_new (NULL);
  g_autoptr(GtkColumnViewColumn) a = gtk_column_view_column_new ("A", NULL);
  g_autoptr(GtkColumnViewColumn) b = gtk_column_view_column_new ("B", NULL);
  g_autoptr(RectifyColumnSorter) sa = rectify_column_sorter_new ("a");
  g_autoptr(RectifyColumnSorter) sb = rectify_column_sorter_new ("b");
  gboolean descending = TRUE;

  g_object_ref_sink (view);
  gtk_column_view_column_set_sorter (a, GTK_SORTER (sa));
  gtk_column_view_column_set_sorter (b, GTK_SORTER (sb));
  gtk_column_view_append_column (GTK_COLUMN_VIEW (view), a);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (view), b);

  g_assert_null (rectify_column_view_get_sort (GTK_COLUMN_VIEW (view), &descending));
  g_assert_false (descending);

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), b, GTK_SORT_ASCENDING);
  g_assert_cmpstr (rectify_column_view_get_sort (GTK_COLUMN_VIEW (view), &descending), ==, "b");
  g_assert_false (descending);

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), b, GTK_SORT_DESCENDING);
  g_assert_cmpstr (rectify_column_view_get_sort (GTK_COLUMN_VIEW (view), &descending), ==, "b");
  g_assert_true (descending);

  /* the latest clicked is primary */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), a, GTK_SORT_ASCENDING);
  g_assert_cmpstr (rectify_column_view_get_sort (GTK_COLUMN_VIEW (view), &descending), ==, "a");
  g_assert_false (descending);

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), NULL, GTK_SORT_ASCENDING);
  g_assert_null (rectify_column_view_get_sort (GTK_COLUMN_VIEW (view), &descending));

  g_object_unref (view);
}

/* ---- the page ------------------------------------------------------------ */

typedef struct {
  char                 *dir;
  char                 *db;
  RectifyStore         *store;
  GtkWindow            *window;
  AdwToastOverlay      *overlay;
  RectifyEquipmentPage *page;
  GListModel           *model;
} Fixture;

static void fixture_open_sized (Fixture *f, int width, int height);

static void
fixture_open (Fixture *f)
{
  fixture_open_sized (f, 1200, 800);
}

static void
fixture_open_sized (Fixture *f, int width, int height)
{
  /* Only the page is made here, not an application: init by hand. */
  adw_init ();
  f->store = temp_store_open (&f->dir, &f->db, TRUE);

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, width, height);
  f->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  f->page = RECTIFY_EQUIPMENT_PAGE (rectify_equipment_page_new (f->store));
  adw_toast_overlay_set_child (f->overlay, GTK_WIDGET (f->page));
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->overlay));
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  gtk_window_present (f->window);
  wait_for (widget_is_mapped, f->page, "the page to be shown");
  f->model = rectify_list_page_get_model (RECTIFY_LIST_PAGE (f->page));
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (f->window);
  drain_main_context ();
  g_assert_null (f->page);
  g_clear_object (&f->store);
  temp_db_remove (f->dir, f->db);
}

static guint
store_count (Fixture            *f,
             const RectifyQuery *q)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rectify_store_query_equipment_ids (f->store, q, &error);

  g_assert_no_error (error);
  return ids->len;
}

static guint
equipment_total (Fixture *f)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;

  return store_count (f, &q);
}

static void
wait_for_n (Fixture *f,
            guint    n)
{
  wait_for_n_items (f->model, n, "the list to have the expected rows");
}

static char *
count_text (guint n)
{
  g_autofree char *digits = g_strdup_printf ("%u", n);

  g_assert_cmpuint (n, <, 1000);
  return g_strdup_printf (n == 1 ? "%s item" : "%s items", digits);
}

static void
assert_count_label (Fixture *f,
                    guint    n)
{
  g_autofree char *text = count_text (n);

  require_widget (GTK_WIDGET (f->page), match_label, text, "count label");
}

static gint64
first_id (Fixture *f)
{
  g_autoptr(RectifyRow) row = g_list_model_get_item (f->model, 0);

  return rectify_row_get_id (row);
}

static GtkSearchEntry *
search_entry (Fixture *f)
{
  return GTK_SEARCH_ENTRY (require_widget (GTK_WIDGET (f->page), match_type,
                                           GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY), "search entry"));
}

static void
run_search (void)
{
  Fixture f = { 0 };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  guint total, found;

  fixture_open (&f);
  total = equipment_total (&f);
  g_assert_cmpuint (g_list_model_get_n_items (f.model), ==, total);
  assert_count_label (&f, total);

  q.search = "锅炉";
  found = store_count (&f, &q);
  g_assert_cmpuint (found, >, 0);
  g_assert_cmpuint (found, <, total);

  /* page.find focuses the search entry */
  gtk_widget_activate_action (GTK_WIDGET (f.page), "page.find", NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f.window)), GTK_WIDGET (search_entry (&f))));

  gtk_editable_set_text (GTK_EDITABLE (search_entry (&f)), "锅炉");
  wait_for_n (&f, found);
  assert_count_label (&f, found);
  for (guint i = 0; i < found; i++)
    {
      g_autoptr(RectifyRow) row = g_list_model_get_item (f.model, i);
      RectifyEquipment *e = rectify_row_get_record (row);

      g_assert_cmpint (e->category, ==, RECTIFY_CATEGORY_BOILER);
    }

  gtk_editable_set_text (GTK_EDITABLE (search_entry (&f)), "");
  wait_for_n (&f, total);
  assert_count_label (&f, total);
  fixture_close (&f);
}

static void
run_filter (void)
{
  Fixture f = { 0 };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  GtkWidget *menu_button, *toggle;
  guint total, overdue;

  fixture_open (&f);
  total = equipment_total (&f);
  q.inspection_overdue = TRUE;
  overdue = store_count (&f, &q);
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (overdue, <, total);

  /* The yes/no filters are in the popover of the Filters button, which
   * counts the ones that are on. */
  menu_button = require_widget (GTK_WIDGET (f.page), match_menu_button, "Filters", "Filters button");
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  wait_for (widget_is_mapped, gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)), "the filters to pop up");
  toggle = require_widget (GTK_WIDGET (f.page), match_check_button, "Periodic inspection overdue", "overdue filter");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), TRUE);
  wait_for_n (&f, overdue);
  assert_count_label (&f, overdue);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (menu_button)), ==, "Filters (1)");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), FALSE);
  wait_for_n (&f, total);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (menu_button)), ==, "Filters");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  fixture_close (&f);
}

/* The list's width is remembered. */
static void
run_pane_position (void)
{
  Fixture f = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkPaned *paned;

  g_settings_set_int (settings, "equipment-pane-position", 555);
  fixture_open (&f);
  paned = GTK_PANED (require_widget (GTK_WIDGET (f.page), match_type, GSIZE_TO_POINTER (GTK_TYPE_PANED), "paned"));
  g_assert_cmpint (gtk_paned_get_position (paned), ==, 555);
  gtk_paned_set_position (paned, 480);
  g_assert_cmpint (g_settings_get_int (settings, "equipment-pane-position"), ==, 480);
  fixture_close (&f);
}

static gboolean
key_is_set (gpointer data)
{
  return g_settings_get_int (data, "equipment-pane-position") >= 0;
}

/* Nothing remembered yet: the list takes 65 % of the width it shares with
 * the details, and that is remembered. */
static gboolean
page_is_folded (gpointer data)
{
  return rectify_list_page_get_folded (RECTIFY_LIST_PAGE (data));
}

/* At 800 pixels the page shows its list, or a record with the button
 * back to the list; at 1200 both side by side. */
static void
run_narrow (void)
{
  Fixture f = { 0 };
  GtkWidget *page, *view, *back;
  g_autoptr(GObject) row = NULL;
  gint64 id;

  fixture_open_sized (&f, 800, 600);
  page = GTK_WIDGET (f.page);
  wait_for (page_is_folded, page, "the page to fold at 800 pixels");
  drain_main_context ();
  view = require_widget (page, match_column_view, NULL, "the list");
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_null (find_widget (page, match_label, "No Item Selected"));
  g_assert_null (find_widget (page, match_button, "Back to the List"));

  /* choosing a record shows it in place of the list */
  g_assert_cmpuint (g_list_model_get_n_items (f.model), >, 0);
  row = g_list_model_get_item (f.model, 0);
  id = rectify_row_get_id (RECTIFY_ROW (row));
  gtk_single_selection_set_selected (rectify_list_page_get_selection (RECTIFY_LIST_PAGE (page)), 0);
  drain_main_context ();
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (page)), ==, id);
  g_assert_true (rectify_list_page_get_showing_detail (RECTIFY_LIST_PAGE (page)));
  g_assert_false (gtk_widget_get_mapped (view));
  back = wait_for_widget (page, match_button, "Back to the List", "the back button");
  require_widget (page, match_row, "Equipment Code", "the record's form");

  /* back: the list again, the record still chosen */
  click (back);
  drain_main_context ();
  g_assert_false (rectify_list_page_get_showing_detail (RECTIFY_LIST_PAGE (page)));
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_null (find_widget (page, match_row, "Equipment Code"));
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (page)), ==, id);

  /* a new record is a form in place of the list too */
  gtk_widget_activate_action (page, "page.new", NULL);
  drain_main_context ();
  g_assert_true (rectify_list_page_get_showing_detail (RECTIFY_LIST_PAGE (page)));
  require_widget (page, match_row, "Equipment Code", "the new record's form");
  fixture_close (&f);
}

static void
test_narrow (void)
{
  in_subprocess (run_narrow);
}


static void
run_pane_default (void)
{
  Fixture f = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkPaned *paned;
  int width;

  g_assert_cmpint (g_settings_get_int (settings, "equipment-pane-position"), <, 0);
  fixture_open (&f);
  paned = GTK_PANED (require_widget (GTK_WIDGET (f.page), match_type, GSIZE_TO_POINTER (GTK_TYPE_PANED), "paned"));
  wait_for (key_is_set, settings, "the first list width to be remembered");
  drain_main_context ();
  width = gtk_widget_get_width (GTK_WIDGET (paned));
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (gtk_paned_get_position (paned), ==, g_settings_get_int (settings, "equipment-pane-position"));
  g_assert_cmpint (ABS (gtk_paned_get_position (paned) - (int) (width * 0.65 + 0.5)), <=, 1);
  /* …and the list really is that wide */
  g_assert_cmpint (ABS (gtk_widget_get_width (gtk_paned_get_start_child (paned)) - gtk_paned_get_position (paned)), <=, 1);
  fixture_close (&f);
}

static void
run_sort (void)
{
  Fixture f = { 0 };
  GtkColumnView *view;
  g_autoptr(GtkColumnViewColumn) code_column = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  guint total;
  gint64 unsorted_first;

  fixture_open (&f);
  total = g_list_model_get_n_items (f.model);
  unsorted_first = first_id (&f);
  view = GTK_COLUMN_VIEW (require_widget (GTK_WIDGET (f.page), match_column_view, NULL, "column view"));
  code_column = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  g_assert_cmpstr (gtk_column_view_column_get_title (code_column), ==, "Code");

  /* what a click on the header does */
  gtk_column_view_sort_by_column (view, code_column, GTK_SORT_DESCENDING);
  drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (f.model), ==, total);
  q.sort = "code";
  q.descending = TRUE;
  ids = rectify_store_query_equipment_ids (f.store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first_id (&f), ==, g_array_index (ids, gint64, 0));
  g_assert_cmpint (first_id (&f), !=, unsorted_first);
  g_assert_cmpstr (rectify_record_list_get_query (RECTIFY_RECORD_LIST (f.model))->sort, ==, "code");
  g_assert_true (rectify_record_list_get_query (RECTIFY_RECORD_LIST (f.model))->descending);
  fixture_close (&f);
}

static AdwEntryRow *
entry_row (Fixture    *f,
           const char *title)
{
  return ADW_ENTRY_ROW (require_widget (GTK_WIDGET (f->page), match_row, title, title));
}

static void
choose_first_unit (Fixture *f)
{
  GtkWidget *unit_row = require_widget (GTK_WIDGET (f->page), match_row, "Unit", "unit row");
  GtkWidget *button = require_widget (unit_row, match_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON), "unit button");
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  GtkWidget *list;
  GListModel *units;
  g_autoptr(RectifyRow) row = NULL;
  RectifyUnit *unit;

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  wait_for (widget_is_mapped, popover, "the unit chooser");
  list = require_widget (GTK_WIDGET (popover), match_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW), "unit list");
  units = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_cmpuint (g_list_model_get_n_items (units), >, 0);
  row = g_list_model_get_item (units, 0);
  unit = rectify_row_get_record (row);
  g_signal_emit_by_name (list, "activate", 0);
  drain_main_context ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (unit_row)), ==, unit->name);
}

static gint64
create_item (Fixture *f)
{
  GtkWidget *save;
  guint before = equipment_total (f);
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (f->page), "page.new", NULL);
  drain_main_context ();
  choose_first_unit (f);
  gtk_editable_set_text (GTK_EDITABLE (entry_row (f, "Equipment Code")), "31103");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (f, "Location")), "Test hall");
  save = require_widget (GTK_WIDGET (f->page), match_button, "Save", "Save button");
  click (save);
  drain_main_context ();
  require_widget (GTK_WIDGET (f->page), match_error_label, "Equipment code:", "error at the equipment code");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry_row (f, "Equipment Code")), "error"));
  g_assert_cmpuint (equipment_total (f), ==, before);

  gtk_editable_set_text (GTK_EDITABLE (entry_row (f, "Next Inspection")), "2026-02-30");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (f, "Equipment Code")), "311035010299999999");
  click (save);
  drain_main_context ();
  require_widget (GTK_WIDGET (f->page), match_error_label, "Next inspection:", "error at the next inspection");
  g_assert_null (find_widget (GTK_WIDGET (f->page), match_error_label, "Equipment code:"));
  g_assert_cmpuint (equipment_total (f), ==, before);

  gtk_editable_set_text (GTK_EDITABLE (entry_row (f, "Next Inspection")), "2027-03-01");
  /* a date picked on the calendar */
  {
    GtkWidget *last_row = GTK_WIDGET (entry_row (f, "Last Inspection"));
    GtkWidget *button = require_widget (last_row, match_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON), "calendar button");
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 1, 15, 0, 0, 0);
    GtkWidget *calendar;

    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    wait_for (widget_is_mapped, popover, "the calendar");
    calendar = require_widget (GTK_WIDGET (popover), match_type, GSIZE_TO_POINTER (GTK_TYPE_CALENDAR), "calendar");
    /* as a click on the day does: it emits day-selected */
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    drain_main_context ();
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (last_row)), ==, "2026-01-15");
  }
  click (save);
  drain_main_context ();
  g_assert_null (find_widget (GTK_WIDGET (f->page), match_error_label, "Next inspection:"));
  g_assert_cmpuint (equipment_total (f), ==, before + 1);
  wait_for_n (f, before + 1);
  assert_count_label (f, before + 1);
  id = rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (f->page));
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (rectify_record_list_find (RECTIFY_RECORD_LIST (f->model), id), >=, 0);
  {
    g_autoptr(RectifyEquipment) e = rectify_store_get_equipment (f->store, id, NULL);

    g_assert_nonnull (e);
    g_assert_cmpstr (e->code, ==, "311035010299999999");
    g_assert_cmpstr (e->location, ==, "Test hall");
    g_assert_cmpstr (e->next_inspection, ==, "2027-03-01");
    g_assert_cmpstr (e->last_inspection, ==, "2026-01-15");
  }
  return id;
}

static void
run_create (void)
{
  Fixture f = { 0 };

  fixture_open (&f);
  create_item (&f);
  fixture_close (&f);
}

static gboolean
undo_shown (gpointer data)
{
  Fixture *f = data;

  return find_widget (GTK_WIDGET (f->overlay), match_button, "Undo") != NULL;
}

static void
run_delete_undo (void)
{
  Fixture f = { 0 };
  g_autoptr(RectifyEquipment) gone = NULL;
  g_autoptr(RectifyEquipment) back = NULL;
  guint before;
  gint64 id;
  GtkWidget *undo;

  fixture_open (&f);
  id = create_item (&f);
  before = equipment_total (&f);

  gtk_widget_activate_action (GTK_WIDGET (f.page), "page.delete", NULL);
  drain_main_context ();
  gone = rectify_store_get_equipment (f.store, id, NULL);
  g_assert_null (gone);
  wait_for_n (&f, before - 1);
  g_assert_cmpint (rectify_record_list_find (RECTIFY_RECORD_LIST (f.model), id), ==, -1);

  wait_for (undo_shown, &f, "the Undo button");
  undo = require_widget (GTK_WIDGET (f.overlay), match_button, "Undo", "Undo button");
  click (undo);
  drain_main_context ();
  back = rectify_store_get_equipment (f.store, id, NULL);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->code, ==, "311035010299999999");
  wait_for_n (&f, before);
  g_assert_cmpint (rectify_record_list_find (RECTIFY_RECORD_LIST (f.model), id), >=, 0);
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (f.page)), ==, id);
  fixture_close (&f);
}

static gboolean
toast_shown (gpointer data)
{
  Fixture *f = data;

  return find_widget (GTK_WIDGET (f->overlay), match_label, "This item was inspected") != NULL;
}

static void
run_refused_delete (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inspections = NULL;
  g_autoptr(RectifyInspection) inspection = NULL;
  g_autoptr(RectifyEquipment) still = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  gint64 id = 0;
  guint before;

  fixture_open (&f);
  inspections = rectify_store_list_inspections (f.store, &q, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < inspections->len && id == 0; i++)
    {
      RectifyInspection *listed = g_ptr_array_index (inspections, i);

      g_clear_pointer (&inspection, rectify_inspection_free);
      inspection = rectify_store_get_inspection (f.store, listed->id, &error);
      g_assert_no_error (error);
      if (inspection->equipment && inspection->equipment->len > 0)
        id = g_array_index (inspection->equipment, RectifyCheckedEquipment, 0).equipment_id;
    }
  g_assert_cmpint (id, >, 0);
  before = equipment_total (&f);

  rectify_list_page_select (RECTIFY_LIST_PAGE (f.page), id);
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (f.page)), ==, id);
  gtk_widget_activate_action (GTK_WIDGET (f.page), "page.delete", NULL);
  wait_for (toast_shown, &f, "the refusal to be shown");
  still = rectify_store_get_equipment (f.store, id, NULL);
  g_assert_nonnull (still);
  g_assert_cmpuint (equipment_total (&f), ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (f.model), ==, before);
  fixture_close (&f);
}

static void
run_read_only (void)
{
  Fixture f = { 0 };
  GtkWidget *code;

  fixture_open (&f);
  rectify_list_page_set_can_edit (RECTIFY_LIST_PAGE (f.page), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (f.page), "page.new", NULL);
  drain_main_context ();
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (f.page)), ==, 0);
  g_assert_null (find_widget (GTK_WIDGET (f.page), match_row, "Equipment Code"));

  rectify_list_page_select (RECTIFY_LIST_PAGE (f.page), first_id (&f));
  drain_main_context ();
  code = GTK_WIDGET (entry_row (&f, "Equipment Code"));
  g_assert_false (gtk_widget_is_sensitive (code));
  g_assert_null (find_widget (GTK_WIDGET (f.page), match_button, "Save"));
  g_assert_null (find_widget (GTK_WIDGET (f.page), match_button, "Delete"));
  fixture_close (&f);
}

static gboolean
scrolled_down (gpointer data)
{
  return gtk_adjustment_get_value (GTK_ADJUSTMENT (data)) > 0;
}

/* Selecting an item out of view scrolls the list to it. */
static void
run_select_scrolls (void)
{
  Fixture f = { 0 };
  GtkColumnView *view;
  GtkAdjustment *adjustment;
  g_autoptr(RectifyRow) last = NULL;
  guint n;

  fixture_open (&f);
  n = g_list_model_get_n_items (f.model);
  g_assert_cmpuint (n, >, 100);
  last = g_list_model_get_item (f.model, n - 1);
  view = GTK_COLUMN_VIEW (require_widget (GTK_WIDGET (f.page), match_column_view, NULL, "column view"));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  rectify_list_page_select (RECTIFY_LIST_PAGE (f.page), rectify_row_get_id (last));
  wait_for (scrolled_down, adjustment, "the list to scroll to the item");
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (f.page)), ==, rectify_row_get_id (last));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view))), ==, n - 1);
  fixture_close (&f);
}

static void test_search (void) { in_subprocess (run_search); }
static void test_filter (void) { in_subprocess (run_filter); }
static void test_sort (void) { in_subprocess (run_sort); }
static void test_create (void) { in_subprocess (run_create); }
static void test_delete_undo (void) { in_subprocess (run_delete_undo); }
static void test_refused_delete (void) { in_subprocess (run_refused_delete); }
static void test_read_only (void) { in_subprocess (run_read_only); }
static void test_select_scrolls (void) { in_subprocess (run_select_scrolls); }
static void test_pane_position (void) { in_subprocess (run_pane_position); }
static void test_pane_default (void) { in_subprocess (run_pane_default); }

static void
run_column_sorter (void)
{
  adw_init ();
  test_column_sorter ();
}

static void test_sorter (void) { in_subprocess (run_column_sorter); }

/* ---- the cell label ------------------------------------------------------ */

static int
measured_height (GtkWidget *widget)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, natural);
  return natural;
}

static gboolean
has_text_node (GskRenderNode *node)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXT_NODE:
      return TRUE;
    case GSK_TRANSFORM_NODE:
      return has_text_node (gsk_transform_node_get_child (node));
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (has_text_node (gsk_container_node_get_child (node, i)))
          return TRUE;
      return FALSE;
    default:
      return FALSE;
    }
}

static gboolean
cell_has_text_node (GtkWidget *cell)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  GTK_WIDGET_GET_CLASS (cell)->snapshot (cell, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  return node != NULL && has_text_node (node);
}

/* A list cell is one line high whatever its text (new text needs no new
 * layout of the list) and draws the text it is given. */
static void
run_cell_label (void)
{
  GtkWidget *window, *cell;
  int empty, latin, chinese;

  adw_init ();
  window = gtk_window_new ();
  cell = rectify_cell_label_new ();
  gtk_widget_set_size_request (cell, 80, -1);
  gtk_window_set_child (GTK_WINDOW (window), cell);
  gtk_window_present (GTK_WINDOW (window));

  empty = measured_height (cell);
  g_assert_cmpint (empty, >, 8);
  rectify_cell_label_set_text (RECTIFY_CELL_LABEL (cell), "Elevator");
  latin = measured_height (cell);
  rectify_cell_label_set_text (RECTIFY_CELL_LABEL (cell),
                               "福州市鼓楼区第一人民医院住院部三号楼东侧电梯机房 and much more text than fits");
  chinese = measured_height (cell);
  g_assert_cmpint (latin, ==, empty);
  g_assert_cmpint (chinese, ==, empty);
  g_assert_cmpstr (rectify_cell_label_get_text (RECTIFY_CELL_LABEL (cell)), ==,
                   "福州市鼓楼区第一人民医院住院部三号楼东侧电梯机房 and much more text than fits");

  wait_for (widget_is_mapped, cell, "the cell shown");
  while (gtk_widget_get_width (cell) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cell_has_text_node (cell));
  g_assert_true (rectify_cell_label_get_drawn (RECTIFY_CELL_LABEL (cell)));

  /* larger text (the desktop's text scaling changes the resolution, not
   * the font): a taller line */
  {
    int dpi = 0, scaled;

    g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
    if (dpi <= 0)
      dpi = 96 * 1024;
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi * 2, NULL);
    scaled = measured_height (cell);
    g_assert_cmpint (scaled, >=, empty * 3 / 2);
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi, NULL);
    g_assert_cmpint (measured_height (cell), ==, empty);
  }

  /* no text, nothing drawn */
  rectify_cell_label_set_text (RECTIFY_CELL_LABEL (cell), NULL);
  g_assert_cmpstr (rectify_cell_label_get_text (RECTIFY_CELL_LABEL (cell)), ==, "");
  g_assert_false (cell_has_text_node (cell));
  g_assert_false (rectify_cell_label_get_drawn (RECTIFY_CELL_LABEL (cell)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void test_cell_label (void) { in_subprocess (run_cell_label); }

int
main (int   argc,
      char *argv[])
{
  rectify_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-list/500000-rows", test_lazy_list);
  g_test_add_func ("/record-list/cell-label", test_cell_label);
  g_test_add_func ("/column-sorter/probe", test_sorter);
  g_test_add_func ("/equipment-page/search", test_search);
  g_test_add_func ("/equipment-page/filter", test_filter);
  g_test_add_func ("/equipment-page/sort", test_sort);
  g_test_add_func ("/equipment-page/create", test_create);
  g_test_add_func ("/equipment-page/delete-undo", test_delete_undo);
  g_test_add_func ("/equipment-page/refused-delete", test_refused_delete);
  g_test_add_func ("/equipment-page/read-only", test_read_only);
  g_test_add_func ("/equipment-page/select-scrolls", test_select_scrolls);
  g_test_add_func ("/equipment-page/pane-position", test_pane_position);
  g_test_add_func ("/equipment-page/pane-default", test_pane_default);
  g_test_add_func ("/equipment-page/narrow", test_narrow);

  return g_test_run ();
}
