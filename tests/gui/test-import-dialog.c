/* test-import-dialog.c: the import dialog as a user meets it, under Xvfb
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rectify-application.h"
#include "rectify-import-dialog.h"
#include "test-gui-util.h"

typedef struct {
  char                *dir;
  char                *db;
  char                *csv_dir;
  char                *csv;
  RectifyStore        *store;
  GtkWindow           *window;
  RectifyImportDialog *dialog;
  guint                changed;
} Fixture;

static void
on_changed_cb (RectifyStore *store, const char *entity, Fixture *fx)
{
  fx->changed++;
}

static void
fixture_open (Fixture *fx, const char *csv_text)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *label;

  adw_init ();
  fx->store = temp_store_open (&fx->dir, &fx->db, TRUE);
  g_signal_connect (fx->store, "changed::equipment", G_CALLBACK (on_changed_cb), fx);
  fx->csv_dir = g_dir_make_tmp ("rectify-csv-XXXXXX", &error);
  g_assert_no_error (error);
  fx->csv = g_build_filename (fx->csv_dir, "equipment.csv", NULL);
  g_assert_true (g_file_set_contents (fx->csv, csv_text, -1, &error));

  label = gtk_label_new ("");
  page_window_present (label, &fx->window);
  fx->dialog = rectify_import_dialog_new (fx->window, fx->store, RECTIFY_IMPORT_EQUIPMENT);
  g_object_add_weak_pointer (G_OBJECT (fx->dialog), (gpointer *) &fx->dialog);
  gtk_window_present (GTK_WINDOW (fx->dialog));
  wait_for (widget_is_mapped, fx->dialog, "the dialog to be shown");
}

static void
fixture_close (Fixture *fx)
{
  if (fx->dialog)
    gtk_window_destroy (GTK_WINDOW (fx->dialog));
  drain_main_context ();
  g_assert_null (fx->dialog);
  g_unlink (fx->csv);
  g_rmdir (fx->csv_dir);
  g_free (fx->csv);
  g_free (fx->csv_dir);
  page_window_close (&fx->window, fx->store, fx->dir, fx->db);
}

static gboolean
dialog_is_idle (gpointer data)
{
  return !rectify_import_dialog_is_busy (data);
}

static void
check_file (Fixture *fx)
{
  g_autoptr(GFile) file = g_file_new_for_path (fx->csv);

  rectify_import_dialog_set_file (fx->dialog, file);
  g_assert_true (rectify_import_dialog_is_busy (fx->dialog));
  wait_for (dialog_is_idle, fx->dialog, "the check of the file");
}

static gint64
count_equipment (Fixture *fx)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = rectify_store_query_equipment_ids (fx->store, &q, &error);
  g_assert_no_error (error);
  return ids->len;
}

static char *
dialog_text (Fixture *fx)
{
  GString *out = g_string_new (NULL);
  collect_labels (GTK_WIDGET (fx->dialog), out);
  return g_string_free (out, FALSE);
}

/* With RECTIFY_TEST_SCREENSHOT=DIR, what the dialog shows, as a PNG there. */
static void
maybe_screenshot (Fixture *fx, const char *name)
{
  const char *dir = g_getenv ("RECTIFY_TEST_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int w, h;

  if (dir == NULL)
    return;
  drain_main_context ();
  paintable = gtk_widget_paintable_new (GTK_WIDGET (fx->dialog));
  w = gtk_widget_get_width (GTK_WIDGET (fx->dialog));
  h = gtk_widget_get_height (GTK_WIDGET (fx->dialog));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (fx->dialog)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static void
test_check_and_import (void)
{
  Fixture fx = { 0 };
  GtkWidget *import_button;
  g_autofree char *text = NULL;
  gint64 before;

  fixture_open (&fx, "使用单位统一社会信用代码,设备类别,设备代码,使用登记证编号,下次检验日期,备注\r\n"
                     "91350100000000153M,3000,311035019901000000,梯11闽A99000(10),2026/9/1,东楼\r\n"
                     "9135010000000019KB,电梯,311035019901000001,梯11闽A99001(10),2026-10-01,\r\n");
  before = count_equipment (&fx);
  check_file (&fx);
  text = dialog_text (&fx);
  g_assert_nonnull (strstr (text, "2 to add"));
  g_assert_nonnull (strstr (text, "梯11闽A99000(10)")); /* the first rows */
  import_button = require_widget (GTK_WIDGET (fx.dialog), match_button, "Import", "the Import button");
  g_assert_true (gtk_widget_is_sensitive (import_button));
  g_assert_cmpint (count_equipment (&fx), ==, before);
  maybe_screenshot (&fx, "import-checked.png");

  click (import_button);
  wait_for (dialog_is_idle, fx.dialog, "the import");
  g_assert_cmpint (count_equipment (&fx), ==, before + 2);
  g_assert_cmpuint (fx.changed, >=, 1);
  g_free (text);
  text = dialog_text (&fx);
  g_assert_nonnull (strstr (text, "Imported: 2 added"));
  g_assert_false (gtk_widget_get_visible (import_button));
  fixture_close (&fx);
}

static void
test_problems (void)
{
  Fixture fx = { 0 };
  GtkWidget *import_button;
  g_autofree char *text = NULL;
  gint64 before;

  fixture_open (&fx, "Unit credit code,Category,Equipment code\n"
                     "91350100000000153M,3000,311035019901000007\n"
                     "91350100000000153M,3000,311035019901000007\n");
  before = count_equipment (&fx);
  check_file (&fx);
  text = dialog_text (&fx);
  g_assert_nonnull (strstr (text, "Line 3, column 3: Equipment code:"));
  import_button = require_widget (GTK_WIDGET (fx.dialog), match_button, "Import", "the Import button");
  g_assert_false (gtk_widget_is_sensitive (import_button));
  g_assert_cmpint (count_equipment (&fx), ==, before);
  maybe_screenshot (&fx, "import-problems.png");
  fixture_close (&fx);
}

static gboolean
match_combo_row (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_COMBO_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* A column the dialog cannot name is mapped by hand, and then the rows pass. */
static void
test_mapping (void)
{
  Fixture fx = { 0 };
  AdwComboRow *row;
  GListModel *choices;
  g_autofree char *text = NULL;
  guint wanted = G_MAXUINT;

  fixture_open (&fx, "单位代码,设备类别,设备代码\n91350100000000153M,3000,311035019901000009\n");
  check_file (&fx);
  text = dialog_text (&fx);
  g_assert_nonnull (strstr (text, "Unit credit code: the file has no column"));

  row = ADW_COMBO_ROW (require_widget (GTK_WIDGET (fx.dialog), match_combo_row, "单位代码", "the column's row"));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0); /* not imported */
  choices = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "Unit credit code"))
      wanted = i;
  g_assert_cmpuint (wanted, !=, G_MAXUINT);
  adw_combo_row_set_selected (row, wanted);
  g_assert_true (rectify_import_dialog_is_busy (fx.dialog));
  wait_for (dialog_is_idle, fx.dialog, "the check with the new mapping");
  g_free (text);
  text = dialog_text (&fx);
  g_assert_nonnull (strstr (text, "1 to add"));
  g_assert_true (gtk_widget_is_sensitive (require_widget (GTK_WIDGET (fx.dialog), match_button, "Import", "Import")));
  fixture_close (&fx);
}

int
main (int   argc,
      char *argv[])
{
  rectify_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-dialog/check-and-import", test_check_and_import);
  g_test_add_func ("/import-dialog/problems", test_problems);
  g_test_add_func ("/import-dialog/mapping", test_mapping);

  return g_test_run ();
}
