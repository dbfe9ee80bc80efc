/* test-units-page.c: the units page as a user meets it, under Xvfb
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-application.h"
#include "rectify-record-list.h"
#include "rectify-units-page.h"
#include "rectify-validate.h"
#include "test-gui-util.h"
#include "test-util.h"

typedef struct {
  char             *dir;
  char             *db;
  RectifyStore     *store;
  GtkWindow        *window;
  RectifyUnitsPage *page;
} Fixture;

/* The filter whose first choice reads data ("All districts"). */
static gboolean
match_dropdown (GtkWidget    *widget,
                gconstpointer data)
{
  GListModel *model;

  if (!GTK_IS_DROP_DOWN (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));
  return GTK_IS_STRING_LIST (model) && g_list_model_get_n_items (model) > 0
         && g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), data) == 0;
}

static gboolean
match_switch (GtkWidget    *widget,
              gconstpointer data)
{
  return GTK_IS_SWITCH (widget) && gtk_widget_get_mapped (widget);
}

static void
fixture_open (Fixture *fixture,
              gboolean seed)
{
  /* Only now: GLib decides once whether to translate, on the first
   * g_dgettext(), with the language a case may have just chosen. */
  adw_init ();
  fixture->store = temp_store_open (&fixture->dir, &fixture->db, seed);
  test_store_sign_in (fixture->store);
  fixture->page = RECTIFY_UNITS_PAGE (rectify_units_page_new (fixture->store));
  page_window_present (GTK_WIDGET (fixture->page), &fixture->window);
}

static void
fixture_close (Fixture *fixture)
{
  page_window_close (&fixture->window, fixture->store, fixture->dir, fixture->db);
}

static guint
count_stored_units (Fixture           *fixture,
                    const RectifyQuery *q)
{
  RectifyQuery all = RECTIFY_QUERY_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = rectify_store_query_unit_ids (fixture->store, q ? q : &all, &error);
  g_assert_no_error (error);
  return ids->len;
}

static guint
listed_units (Fixture *fixture)
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

static const RectifyUnit *
listed_unit (Fixture *fixture,
             guint    position)
{
  g_autoptr(RectifyRow) row = g_list_model_get_item (rectify_list_page_get_model (RECTIFY_LIST_PAGE (fixture->page)), position);

  g_assert_nonnull (row);
  /* The list keeps the row's page cached while we look at it. */
  return rectify_row_get_record (row);
}

static char *
valid_credit_code (const char *first17)
{
  char check = rectify_credit_code_check_char (first17);

  g_assert_cmpint (check, !=, 0);
  return g_strdup_printf ("%s%c", first17, check);
}

/* ---- the cases, each in its own process ---------------------------------- */

static void
run_create (void)
{
  Fixture fixture = { 0 };
  GtkWidget *root;
  g_autofree char *code = valid_credit_code ("91350100M000100Y4");
  g_autoptr(RectifyUnit) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  fixture_open (&fixture, FALSE);
  root = GTK_WIDGET (fixture.window);
  g_assert_cmpuint (listed_units (&fixture), ==, 0);
  require_widget (root, match_label, "0 units", "count");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "page.new", NULL));
  drain_main_context ();
  require_widget (root, match_label, "New Unit", "form title");
  fill (root, "Name", "福州市第一医院");
  fill (root, "Credit code", code);
  fill (root, "Address", "鼓楼区八一七北路");
  fill (root, "District", "鼓楼区");
  fill (root, "Industry", "医疗");
  fill (root, "Legal representative", "王明");
  fill (root, "Safety manager", "李华");
  fill (root, "Phone", "0591-88888888");
  click (require_widget (root, match_button, "Create", "button"));
  drain_main_context ();

  g_assert_cmpuint (count_stored_units (&fixture, NULL), ==, 1);
  wait_for_listed (&fixture, 1, "the new unit to be listed");
  id = rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (fixture.page));
  g_assert_cmpint (id, !=, 0);
  stored = rectify_store_get_unit (fixture.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "福州市第一医院");
  g_assert_cmpstr (stored->credit_code, ==, code);
  g_assert_cmpstr (stored->legal_rep, ==, "王明");
  g_assert_cmpstr (stored->district, ==, "鼓楼区");
  g_assert_false (stored->crowded);
  /* The form now shows the saved unit, and the filters know its district. */
  require_widget (root, match_button, "Save", "button");
  require_widget (root, match_label, "1 unit", "count");
  g_assert_nonnull (find_widget (root, match_dropdown, "All districts"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (find_widget (root, match_dropdown, "All districts")))),
                    ==, 2);

  /* Edited and saved: the same unit, updated. */
  fill (root, "Phone", "0591-87654321");
  gtk_switch_set_active (GTK_SWITCH (require_widget (root, match_switch, NULL, "switch")), TRUE);
  click (require_widget (root, match_button, "Save", "button"));
  drain_main_context ();
  g_clear_pointer (&stored, rectify_unit_free);
  stored = rectify_store_get_unit (fixture.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->phone, ==, "0591-87654321");
  g_assert_true (stored->crowded);
  g_assert_cmpuint (count_stored_units (&fixture, NULL), ==, 1);
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (fixture.page)), ==, id);

  fixture_close (&fixture);
}

static void
run_bad_credit_code (void)
{
  Fixture fixture = { 0 };
  GtkWidget *root, *code_row;
  guint before;

  fixture_open (&fixture, TRUE);
  root = GTK_WIDGET (fixture.window);
  before = count_stored_units (&fixture, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "page.new", NULL));
  drain_main_context ();
  fill (root, "Name", "福州市第二医院");
  code_row = require_widget (root, match_row, "Credit code", "field");
  gtk_editable_set_text (GTK_EDITABLE (code_row), "91350100M000100Y40");
  click (require_widget (root, match_button, "Create", "button"));
  drain_main_context ();

  /* Refused at the field it names, nothing saved. */
  require_widget (root, match_error_label, "Credit code:", "error message");
  g_assert_true (gtk_widget_has_css_class (code_row, "error"));
  g_assert_cmpuint (count_stored_units (&fixture, NULL), ==, before);
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (fixture.page)), ==, 0);

  /* Typing again clears the error. */
  gtk_editable_set_text (GTK_EDITABLE (code_row), "91350100M000100Y4");
  g_assert_false (gtk_widget_has_css_class (code_row, "error"));
  g_assert_null (find_widget (root, match_error_label, "Credit code:"));

  fixture_close (&fixture);
}

static void
run_chinese (void)
{
  Fixture fixture = { 0 };
  GtkWidget *root, *code_row;
  guint before;

  /* The catalogue built in this build tree (RECTIFY_LOCALEDIR): the core's
   * messages name the field in Chinese, and the error still finds it. */
  g_assert_nonnull (g_getenv ("RECTIFY_LOCALEDIR"));
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  rectify_application_init_i18n ();

  fixture_open (&fixture, TRUE);
  root = GTK_WIDGET (fixture.window);
  before = count_stored_units (&fixture, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "page.new", NULL));
  drain_main_context ();
  fill (root, "名称", "福州市第二医院");
  code_row = require_widget (root, match_row, "统一社会信用代码", "field");
  gtk_editable_set_text (GTK_EDITABLE (code_row), "91350100M000100Y40");
  click (require_widget (root, match_button, "创建", "button"));
  drain_main_context ();

  require_widget (root, match_error_label, "统一社会信用代码：", "error message");
  g_assert_true (gtk_widget_has_css_class (code_row, "error"));
  g_assert_cmpuint (count_stored_units (&fixture, NULL), ==, before);

  fixture_close (&fixture);
}

static void
run_search (void)
{
  Fixture fixture = { 0 };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  GtkWidget *root, *entry;
  guint total, expected;

  fixture_open (&fixture, TRUE);
  root = GTK_WIDGET (fixture.window);
  total = count_stored_units (&fixture, NULL);
  g_assert_cmpuint (listed_units (&fixture), ==, total);

  q.search = "医院";
  expected = count_stored_units (&fixture, &q);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, total);

  entry = require_widget (root, match_search_entry, NULL, "search entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "医院");
  wait_for_listed (&fixture, expected, "the search to narrow the list");
  for (guint i = 0; i < expected; i++)
    g_assert_nonnull (strstr (listed_unit (&fixture, i)->name, "医院"));

  /* Cleared, every unit is back. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  wait_for_listed (&fixture, total, "the whole list after clearing the search");

  /* page.find puts the focus in the search entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "page.find", NULL));
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture.window)), entry));

  fixture_close (&fixture);
}

static void
run_district_filter (void)
{
  Fixture fixture = { 0 };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  GtkWidget *root;
  GtkDropDown *districts;
  GListModel *choices;
  guint total, expected, position = GTK_INVALID_LIST_POSITION;

  fixture_open (&fixture, TRUE);
  root = GTK_WIDGET (fixture.window);
  total = count_stored_units (&fixture, NULL);
  q.district = "鼓楼区";
  expected = count_stored_units (&fixture, &q);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, total);

  districts = GTK_DROP_DOWN (require_widget (root, match_dropdown, "All districts", "district filter"));
  choices = gtk_drop_down_get_model (districts);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "鼓楼区") == 0)
      position = i;
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (districts, position);
  wait_for_listed (&fixture, expected, "the district filter to narrow the list");
  for (guint i = 0; i < expected; i++)
    g_assert_cmpstr (listed_unit (&fixture, i)->district, ==, "鼓楼区");

  /* With the crowded-place toggle too. */
  q.crowded = 1;
  expected = count_stored_units (&fixture, &q);
  click (require_widget (root, match_button, "Crowded public place", "toggle"));
  wait_for_listed (&fixture, expected, "the crowded-place filter");
  for (guint i = 0; i < expected; i++)
    g_assert_true (listed_unit (&fixture, i)->crowded);

  fixture_close (&fixture);
}

static char *
first_listed_name (Fixture *fixture)
{
  return g_strdup (listed_unit (fixture, 0)->name);
}

static void
run_sort (void)
{
  Fixture fixture = { 0 };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyUnit) last = NULL;
  g_autofree char *first = NULL;
  GtkColumnView *view;
  GtkColumnViewColumn *column;
  GListModel *columns;

  fixture_open (&fixture, TRUE);
  view = GTK_COLUMN_VIEW (require_widget (GTK_WIDGET (fixture.window), match_column_view, NULL, "unit list"));
  columns = gtk_column_view_get_columns (view);
  column = g_list_model_get_item (columns, 0);
  g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, "Name");

  /* Descending by name: the store's last name comes first. */
  q.sort = "name";
  q.descending = FALSE;
  ids = rectify_store_query_unit_ids (fixture.store, &q, &error);
  g_assert_no_error (error);
  last = rectify_store_get_unit (fixture.store, g_array_index (ids, gint64, ids->len - 1), &error);
  g_assert_no_error (error);
  gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
  drain_main_context ();
  first = first_listed_name (&fixture);
  g_assert_cmpstr (first, ==, last->name);
  g_object_unref (column);

  fixture_close (&fixture);
}

static gboolean
match_mapped_label (GtkWidget    *widget,
                    gconstpointer data)
{
  return widget_text (widget) != NULL && gtk_widget_get_mapped (widget)
         && g_strcmp0 (widget_text (widget), data) == 0;
}

static gboolean
pane_key_is_set (gpointer data)
{
  return g_settings_get_int (data, "units-pane-position") >= 0;
}

/* On a first run the list takes 60 % of the page; the name takes what the
 * fixed-width columns leave, so names are not cut at the usual size. */
static void
run_layout (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GSettings) settings = g_settings_new ("app.rectify.Rectify");
  g_autofree char *name = NULL;
  GtkColumnView *view;
  GListModel *columns;
  GtkPaned *paned;
  GtkWidget *label;
  int width, natural;

  g_assert_cmpint (g_settings_get_int (settings, "units-pane-position"), <, 0);
  fixture_open (&fixture, TRUE);
  view = GTK_COLUMN_VIEW (require_widget (GTK_WIDGET (fixture.window), match_column_view, NULL, "unit list"));
  paned = GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_PANED));
  g_assert_nonnull (paned);
  wait_for (pane_key_is_set, settings, "the first list width to be remembered");
  drain_main_context ();
  width = gtk_widget_get_width (GTK_WIDGET (paned));
  g_assert_cmpint (gtk_paned_get_position (paned), ==, g_settings_get_int (settings, "units-pane-position"));
  g_assert_cmpint (ABS (gtk_paned_get_position (paned) - (int) (width * 0.6 + 0.5)), <=, 1);

  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_true (gtk_column_view_column_get_resizable (column));
      /* every column has its width, the name (first) also takes the rest */
      g_assert_cmpint (gtk_column_view_column_get_expand (column), ==, i == 0);
      g_assert_cmpint (gtk_column_view_column_get_fixed_width (column), >, 0);
    }

  /* the first unit's name fits, uncut */
  name = first_listed_name (&fixture);
  label = require_widget (GTK_WIDGET (view), match_mapped_label, name, "the first unit's name");
  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, name);

    pango_layout_get_pixel_size (layout, &natural, NULL);
  }
  g_assert_cmpint (natural, >, 0);
  g_assert_cmpint (gtk_widget_get_width (label), >=, natural);

  fixture_close (&fixture);
}

static gboolean
unit_is_shown (gpointer data)
{
  Fixture *fixture = data;

  return rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (fixture->page)) != 0;
}

/* Adds a unit through the store and waits until the page lists and shows
 * it; returns its id and the number of units stored. */
static gint64
add_and_show_unit (Fixture    *fixture,
                   RectifyUnit *unit,
                   guint      *n_units)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = rectify_store_add_unit (fixture->store, unit, &error);
  g_assert_no_error (error);
  *n_units = count_stored_units (fixture, NULL);
  wait_for_listed (fixture, *n_units, "the added unit to be listed");
  rectify_list_page_select (RECTIFY_LIST_PAGE (fixture->page), id);
  wait_for (unit_is_shown, fixture, "the unit in the form");
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (fixture->page)), ==, id);
  return id;
}

static void
run_delete_undo (void)
{
  Fixture fixture = { 0 };
  g_autoptr(RectifyUnit) unit = rectify_unit_new ();
  g_autoptr(RectifyUnit) back = NULL;
  g_autoptr(RectifyUnit) gone = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *root;
  guint before;
  gint64 id;

  fixture_open (&fixture, TRUE);
  root = GTK_WIDGET (fixture.window);

  unit->name = g_strdup ("仓山区临时仓库");
  unit->credit_code = valid_credit_code ("91350104MA2Y0K123");
  unit->district = g_strdup ("仓山区");
  id = add_and_show_unit (&fixture, unit, &before);
  click (require_widget (root, match_button, "Delete", "button"));
  drain_main_context ();

  gone = rectify_store_get_unit (fixture.store, id, &error);
  g_assert_null (gone);
  g_clear_error (&error);
  wait_for_listed (&fixture, before - 1, "the deleted unit to leave the list");
  g_assert_cmpint (rectify_record_list_find (RECTIFY_RECORD_LIST (rectify_list_page_get_model (RECTIFY_LIST_PAGE (fixture.page))), id), ==, -1);
  wait_for_widget (root, match_label, "“仓山区临时仓库” deleted", "the deletion toast");

  click (wait_for_widget (root, match_button, "Undo", "the undo button"));
  drain_main_context ();

  /* Back under the same id, listed and shown. */
  back = rectify_store_get_unit (fixture.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "仓山区临时仓库");
  g_assert_cmpstr (back->credit_code, ==, unit->credit_code);
  wait_for_listed (&fixture, before, "the unit to come back");
  g_assert_cmpint (rectify_record_list_find (RECTIFY_RECORD_LIST (rectify_list_page_get_model (RECTIFY_LIST_PAGE (fixture.page))), id), >=, 0);
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (fixture.page)), ==, id);

  fixture_close (&fixture);
}

/* The Delete key on the list: the shortcut the list carries deletes the
 * selected unit, with its toast. */
static void
run_delete_key (void)
{
  Fixture fixture = { 0 };
  g_autoptr(RectifyUnit) unit = rectify_unit_new ();
  g_autoptr(RectifyUnit) gone = NULL;
  g_autoptr(GError) error = NULL;
  GtkShortcutAction *action = NULL;
  GtkWidget *root, *view;
  guint before;
  gint64 id;

  fixture_open (&fixture, TRUE);
  root = GTK_WIDGET (fixture.window);

  unit->name = g_strdup ("鼓楼区临时锅炉房");
  unit->credit_code = valid_credit_code ("91350102MA2Y0K456");
  id = add_and_show_unit (&fixture, unit, &before);

  view = require_widget (root, match_column_view, NULL, "unit list");
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);

    for (guint i = 0; action == NULL && i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
          continue;
        for (guint j = 0; action == NULL && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

            if (g_str_equal (trigger, "Delete"))
              action = gtk_shortcut_get_action (shortcut);
          }
      }
  }
  g_assert_nonnull (action);
  g_assert_true (gtk_shortcut_action_activate (action, GTK_SHORTCUT_ACTION_EXCLUSIVE, view, NULL));
  drain_main_context ();

  gone = rectify_store_get_unit (fixture.store, id, &error);
  g_assert_null (gone);
  g_clear_error (&error);
  wait_for_listed (&fixture, before - 1, "the deleted unit to leave the list");
  wait_for_widget (root, match_label, "“鼓楼区临时锅炉房” deleted", "the deletion toast");

  fixture_close (&fixture);
}

static void
run_delete_refused (void)
{
  Fixture fixture = { 0 };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GPtrArray) equipment = NULL;
  g_autoptr(RectifyUnit) still = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *root;
  const RectifyUnit *first;
  gint64 id;
  guint before;

  fixture_open (&fixture, TRUE);
  root = GTK_WIDGET (fixture.window);
  before = count_stored_units (&fixture, NULL);

  /* A unit of the seed with equipment on record. */
  first = listed_unit (&fixture, 0);
  id = first->id;
  q.unit_id = id;
  equipment = rectify_store_list_equipment (fixture.store, &q, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (equipment->len, >, 0);

  rectify_list_page_select (RECTIFY_LIST_PAGE (fixture.page), id);
  wait_for (unit_is_shown, &fixture, "the unit in the form");
  /* Its equipment is listed under the form. */
  require_widget (root, match_row, ((RectifyEquipment *) g_ptr_array_index (equipment, 0))->code, "equipment row");

  click (require_widget (root, match_button, "Delete", "button"));
  wait_for_widget (root, match_label, "This unit has equipment", "the refusal");

  still = rectify_store_get_unit (fixture.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_stored_units (&fixture, NULL), ==, before);
  g_assert_cmpuint (listed_units (&fixture), ==, before);
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (fixture.page)), ==, id);

  fixture_close (&fixture);
}

static void
run_read_only (void)
{
  Fixture fixture = { 0 };
  GtkWidget *root;

  fixture_open (&fixture, TRUE);
  root = GTK_WIDGET (fixture.window);

  rectify_list_page_select (RECTIFY_LIST_PAGE (fixture.page), listed_unit (&fixture, 0)->id);
  wait_for (unit_is_shown, &fixture, "the unit in the form");
  require_widget (root, match_button, "Save", "button");

  /* An archivist reads, never writes. */
  g_object_set (fixture.page, "can-edit", FALSE, NULL);
  drain_main_context ();
  g_assert_null (find_widget (root, match_button, "Save"));
  g_assert_null (find_widget (root, match_button, "Delete"));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (require_widget (root, match_row, "Name", "field"))));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "page.new", NULL)
                  && find_widget (root, match_label, "New Unit") != NULL);
  g_assert_null (find_widget (root, match_label, "New Unit"));

  fixture_close (&fixture);
}

/* More matches than the first rows the list reads at once: the first
 * show, the count says it is counting, then every row comes and the
 * count and the selection follow. */
typedef struct {
  Fixture *fixture;
  gboolean saw_counting;
  gboolean saw_loading;
} LongResult;

static void
on_loading_cb (RectifyRecordList *list,
               GParamSpec        *pspec,
               LongResult        *lr)
{
  if (!rectify_record_list_get_loading (list))
    return;
  lr->saw_loading = TRUE;
  /* the page's handler ran first */
  lr->saw_counting = find_widget (GTK_WIDGET (lr->fixture->window), match_label, "Counting…") != NULL;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);
}

static gboolean
list_loaded_after (gpointer data)
{
  return ((LongResult *) data)->saw_loading;
}

static gboolean
list_loaded (gpointer data)
{
  return !rectify_record_list_get_loading (data);
}

static void
run_long_result (void)
{
  Fixture fixture = { 0 };
  LongResult lr = { &fixture, FALSE, FALSE };
  RectifyRecordList *list;
  GtkWidget *root, *entry;
  gint64 last_id = 0;
  guint n = 450;

  fixture_open (&fixture, TRUE);
  root = GTK_WIDGET (fixture.window);
  list = RECTIFY_RECORD_LIST (rectify_list_page_get_model (RECTIFY_LIST_PAGE (fixture.page)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyUnit) unit = rectify_unit_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *first17 = g_strdup_printf ("91350100MA%07u", i);

      unit->name = g_strdup_printf ("长结果单位%03u", i);
      unit->credit_code = valid_credit_code (first17);
      last_id = rectify_store_add_unit (fixture.store, unit, &error);
      g_assert_no_error (error);
    }
  drain_main_context ();
  /* the last of them in the form; by name it will be the last row */
  rectify_list_page_select (RECTIFY_LIST_PAGE (fixture.page), last_id);
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (fixture.page)), ==, last_id);

  g_signal_connect (list, "notify::loading", G_CALLBACK (on_loading_cb), &lr);
  entry = require_widget (root, match_search_entry, NULL, "search entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "长结果");
  wait_for (list_loaded_after, &lr, "the search's first rows");
  wait_for (list_loaded, list, "the rest of the search");
  g_signal_handlers_disconnect_by_func (list, on_loading_cb, &lr);

  g_assert_true (lr.saw_counting);
  g_assert_cmpuint (listed_units (&fixture), ==, n);
  g_assert_cmpstr (listed_unit (&fixture, 0)->name, ==, "长结果单位000");
  g_assert_cmpstr (listed_unit (&fixture, 299)->name, ==, "长结果单位299");
  g_assert_cmpstr (listed_unit (&fixture, n - 1)->name, ==, "长结果单位449");
  require_widget (root, match_label, "450 units", "the count");
  /* the unit of the form, past the first rows, is selected again */
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (fixture.page)), ==, last_id);

  fixture_close (&fixture);
}

static void test_create (void) { in_subprocess (run_create); }
static void test_bad_credit_code (void) { in_subprocess (run_bad_credit_code); }
static void test_search (void) { in_subprocess (run_search); }
static void test_chinese (void) { in_subprocess (run_chinese); }
static void test_sort (void) { in_subprocess (run_sort); }
static void test_district_filter (void) { in_subprocess (run_district_filter); }
static void test_delete_undo (void) { in_subprocess (run_delete_undo); }
static void test_delete_refused (void) { in_subprocess (run_delete_refused); }
static void test_delete_key (void) { in_subprocess (run_delete_key); }
static void test_read_only (void) { in_subprocess (run_read_only); }
static void test_layout (void) { in_subprocess (run_layout); }
static void test_long_result (void) { in_subprocess (run_long_result); }

int
main (int   argc,
      char *argv[])
{
  rectify_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/units-page/create", test_create);
  g_test_add_func ("/units-page/bad-credit-code", test_bad_credit_code);
  g_test_add_func ("/units-page/search", test_search);
  g_test_add_func ("/units-page/sort", test_sort);
  g_test_add_func ("/units-page/district-filter", test_district_filter);
  g_test_add_func ("/units-page/delete-undo", test_delete_undo);
  g_test_add_func ("/units-page/delete-refused", test_delete_refused);
  g_test_add_func ("/units-page/delete-key", test_delete_key);
  g_test_add_func ("/units-page/read-only", test_read_only);
  g_test_add_func ("/units-page/chinese", test_chinese);
  g_test_add_func ("/units-page/layout", test_layout);
  g_test_add_func ("/units-page/long-result", test_long_result);

  return g_test_run ();
}
