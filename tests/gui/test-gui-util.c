/* test-gui-util.c: scaffolding shared by the widget tests, compiled into each
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gstdio.h>

#include "rectify-cell-label.h"
#include "rectify-demo.h"
#include "test-util.h"
#include "rectify-window.h"
#include "test-gui-util.h"

/* Widgets appear and data loads from the main loop: iterate until done. */
void
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

/* Lets pending idles and finalizers run, as before a leak check. */
void
drain_main_context (void)
{
  for (int i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* A condition for wait_for(): the widget is on screen. */
gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* A condition for wait_for(): a weak pointer was cleared. */
gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Depth first, the first widget under root (root included) that matches. */
GtkWidget *
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

/* The text a label or a list cell shows; NULL for other widgets. */
const char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (RECTIFY_IS_CELL_LABEL (widget))
    return rectify_cell_label_get_text (RECTIFY_CELL_LABEL (widget));
  return NULL;
}

/* For the failure message: the texts of the labels shown under root. */
void
collect_labels (GtkWidget *root,
                GString   *out)
{
  if (widget_text (root) != NULL && gtk_widget_get_mapped (root))
    g_string_append_printf (out, "\n  “%s”", widget_text (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* find_widget() that fails the case, saying what the user sees instead. */
GtkWidget *
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
      /* Every matcher but match_type takes a text (or NULL) to name. */
      if (match == match_type)
        g_error ("No %s is shown; the labels shown are:%s", what, labels->str);
      g_error ("No %s “%s” is shown; the labels shown are:%s", what, (const char *) data, labels->str);
    }
  return widget;
}

typedef struct {
  GtkWidget     *root;
  Match          match;
  gconstpointer  data;
} Lookup;

static gboolean
widget_is_shown (gpointer data)
{
  Lookup *lookup = data;

  return find_widget (lookup->root, lookup->match, lookup->data) != NULL;
}

/* For widgets that come later, as a list row after a load. */
GtkWidget *
wait_for_widget (GtkWidget    *root,
                 Match         match,
                 gconstpointer data,
                 const char   *what)
{
  Lookup lookup = { root, match, data };

  wait_for (widget_is_shown, &lookup, what);
  return find_widget (root, match, data);
}

/* "C_reate" → "Create" */
char *
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

/* Any widget of the type GSIZE_TO_POINTER (type), shown or not. */
gboolean
match_type (GtkWidget    *widget,
            gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

/* A button the user can see, by its label. */
gboolean
match_button (GtkWidget    *widget,
              gconstpointer data)
{
  g_autofree char *label = NULL;
  const char *text;
  GtkWidget *child;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  text = gtk_button_get_label (GTK_BUTTON (widget));
  /* An icon beside the label. */
  child = gtk_button_get_child (GTK_BUTTON (widget));
  if (text == NULL && ADW_IS_BUTTON_CONTENT (child))
    text = adw_button_content_get_label (ADW_BUTTON_CONTENT (child));
  if (text == NULL)
    return FALSE;
  label = strip_mnemonic (text);
  return g_str_equal (label, data);
}

/* A form row the user can see, by its title. */
gboolean
match_row (GtkWidget    *widget,
           gconstpointer data)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* Any visible text that starts with the given text. */
gboolean
match_label (GtkWidget    *widget,
             gconstpointer data)
{
  return widget_text (widget) != NULL && gtk_widget_get_mapped (widget)
         && g_str_has_prefix (widget_text (widget), data);
}

/* A visible error message that starts with the given text. */
gboolean
match_error_label (GtkWidget    *widget,
                   gconstpointer data)
{
  return widget_text (widget) != NULL && gtk_widget_get_mapped (widget)
         && gtk_widget_has_css_class (widget, "error")
         && g_str_has_prefix (widget_text (widget), data);
}

/* The search entry shown; data is unused. */
gboolean
match_search_entry (GtkWidget    *widget,
                    gconstpointer data)
{
  return GTK_IS_SEARCH_ENTRY (widget) && gtk_widget_get_mapped (widget);
}

/* The list shown; data is unused. */
gboolean
match_column_view (GtkWidget    *widget,
                   gconstpointer data)
{
  return GTK_IS_COLUMN_VIEW (widget) && gtk_widget_get_mapped (widget);
}

/* The window's page area; data is unused. */
gboolean
match_toast_overlay (GtkWidget    *widget,
                     gconstpointer data)
{
  return ADW_IS_TOAST_OVERLAY (widget);
}

/* The page is shown beside the sidebar once the window has its size. */
gboolean
page_is_mapped (gpointer data)
{
  GtkWidget *overlay = find_widget (GTK_WIDGET (data), match_toast_overlay, NULL);

  return overlay != NULL && gtk_widget_get_mapped (overlay);
}

typedef struct {
  GType      type;
  GtkWidget *found;
} Toplevel;

static gboolean
toplevel_is_shown (gpointer data)
{
  Toplevel *toplevel = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, toplevel->type) && gtk_widget_get_mapped (window))
        {
          toplevel->found = window;
          return TRUE;
        }
    }
  return FALSE;
}

/* Dialogs open as windows of their own: the first shown of the type. */
GtkWidget *
wait_for_toplevel (GType       type,
                   const char *what)
{
  Toplevel toplevel = { type, NULL };

  wait_for (toplevel_is_shown, &toplevel, what);
  return toplevel.found;
}

/* As a click does; gtk_widget_activate() would wait for a timeout first. */
void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Types text into the form row titled row_title. */
void
fill (GtkWidget  *root,
      const char *row_title,
      const char *text)
{
  GtkWidget *row = require_widget (root, match_row, row_title, "field");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Each case its own database, in a fresh folder: sets *dir and *db. */
void
temp_db_make (char **dir,
              char **db)
{
  g_autoptr(GError) error = NULL;

  *dir = g_dir_make_tmp ("rectify-test-XXXXXX", &error);
  g_assert_no_error (error);
  *db = g_build_filename (*dir, "rectify.db", NULL);
}

/* Removes what temp_db_make() made, SQLite's side files too, and frees both. */
void
temp_db_remove (char *dir,
                char *db)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_remove (wal);
  g_remove (shm);
  g_remove (db);
  g_rmdir (dir);
  g_free (db);
  g_free (dir);
}

/* Removes a folder and everything in it (an archive written by a test). */
void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A store on a fresh database, with the demo data if seed (and then the
 * sample's director acting). */
RectifyStore *
temp_store_open (char   **dir,
                 char   **db,
                 gboolean seed)
{
  g_autoptr(GError) error = NULL;
  RectifyStore *store;

  temp_db_make (dir, db);
  store = rectify_store_open (*db, &error);
  g_assert_no_error (error);
  if (seed)
    {
      rectify_demo_generate (store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      /* the sample's director makes the test's changes */
      test_store_sign_in (store);
    }
  return store;
}

/* A registry page as the shell hosts it: inside a toast overlay, in a
 * window whose *window is cleared when it goes. */
void
page_window_present (GtkWidget  *page,
                     GtkWindow **window)
{
  GtkWidget *overlay;

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 1280, 900);
  g_object_add_weak_pointer (G_OBJECT (*window), (gpointer *) window);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (*window, overlay);
  gtk_window_present (*window);
  wait_for (widget_is_mapped, *window, "the window to be shown");
}

/* Destroys *window (if still there); it must really go: no leak. */
void
window_close (GtkWindow **window)
{
  if (*window != NULL)
    gtk_window_destroy (*window);
  drain_main_context ();
  g_assert_null (*window);
}

/* Undoes both above: the window and the store must really go (no leak),
 * then the database is removed. */
void
page_window_close (GtkWindow   **window,
                   RectifyStore *store,
                   char         *dir,
                   char         *db)
{
  window_close (window);
  g_assert_finalize_object (store);

  temp_db_remove (dir, db);
}

static gboolean
match_sidebar (GtkWidget    *widget,
               gconstpointer data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}

/* Chooses page in the window's sidebar, as a click does, and checks that
 * it is shown. */
void
window_navigate (RectifyWindow *window,
                 const char    *page)
{
  GtkListBox *list = GTK_LIST_BOX (require_widget (GTK_WIDGET (window), match_sidebar, NULL, "sidebar"));

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "rectify-page"), page) == 0)
        {
          gtk_list_box_select_row (list, row);
          drain_main_context ();
          g_assert_cmpstr (rectify_window_get_visible_page_name (window), ==, page);
          return;
        }
    }
  g_error ("No page “%s” in the sidebar", page);
}

static gboolean
match_sign_in_row (GtkWidget    *widget,
                   gconstpointer data)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

void
window_sign_in (RectifyWindow *window,
                const char    *name)
{
  g_assert_cmpstr (rectify_window_get_visible_page_name (window), ==, "sign-in");
  g_signal_emit_by_name (require_widget (GTK_WIDGET (window), match_sign_in_row, name, "officer on the sign-in page"),
                         "activate");
  drain_main_context ();
  g_assert_cmpint (rectify_store_get_actor (rectify_window_get_store (window)), !=, 0);
  g_assert_cmpstr (rectify_window_get_visible_page_name (window), !=, "sign-in");
}

void
window_browse (RectifyWindow *window)
{
  g_assert_cmpstr (rectify_window_get_visible_page_name (window), ==, "sign-in");
  click (require_widget (GTK_WIDGET (window), match_button, "Browse Without Signing In", "button"));
  drain_main_context ();
  g_assert_cmpint (rectify_store_get_actor (rectify_window_get_store (window)), ==, 0);
  g_assert_cmpstr (rectify_window_get_visible_page_name (window), !=, "sign-in");
}

/* Not unique: each test owns its application, whatever else runs. */
RectifyApplication *
test_application_new (void)
{
  g_autoptr(GError) error = NULL;
  RectifyApplication *app = g_object_new (RECTIFY_TYPE_APPLICATION,
                                          "application-id", APPLICATION_ID,
                                          "flags", G_APPLICATION_NON_UNIQUE,
                                          NULL);

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

/* The main window on db, as the application opens it, with its page
 * shown; *window is cleared when it goes. */
void
app_window_open (RectifyApplication *app,
                 const char         *db,
                 RectifyWindow     **window)
{
  *window = RECTIFY_WINDOW (rectify_application_open_database (app, db));
  g_assert_nonnull (*window);
  g_object_add_weak_pointer (G_OBJECT (*window), (gpointer *) window);
  wait_for (widget_is_mapped, *window, "the window to be shown");
  wait_for (page_is_mapped, *window, "the page beside the sidebar");
}

typedef struct {
  GListModel *model;
  guint       n;
} Count;

static gboolean
model_has_n (gpointer data)
{
  Count *count = data;

  return g_list_model_get_n_items (count->model) == count->n;
}

/* Lists load and filter from the main loop: wait for the rows to settle. */
void
wait_for_n_items (GListModel *model,
                  guint       n,
                  const char *what)
{
  Count count = { model, n };

  wait_for (model_has_n, &count, what);
}

/* A fresh process per case: one store, one application, one locale, no
 * leftovers; a failure is reported and the next case goes on. */
void
in_subprocess (void (*run) (void))
{
  if (g_test_subprocess ())
    {
      run ();
      return;
    }
  g_test_trap_subprocess (NULL, (guint64) (TIMEOUT_SECONDS + 30) * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (!g_test_trap_has_passed ())
    g_test_fail ();
}
