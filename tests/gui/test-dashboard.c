/* test-dashboard.c: the campaign dashboard on the seed's campaign, under Xvfb
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rectify-campaigns-page.h"
#include "rectify-dashboard.h"
#include "rectify-figures.h"
#include "rectify-documents-page.h"
#include "rectify-hazards-page.h"
#include "rectify-inspection-query.h"
#include "rectify-inspections-page.h"
#include "rectify-record-list.h"
#include "rectify-summary-data.h"
#include "rectify-summary-dialog.h"
#include "test-gui-util.h"

typedef struct {
  char             *dir;
  char             *db;
  RectifyStore     *store;
  GtkWindow        *window;
  RectifyDashboard *dashboard;
  gint64            campaign;
} Fixture;

static void
fixture_open (Fixture *fixture)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *scrolled;

  /* Only now: GLib decides once whether to translate, on the first
   * g_dgettext(), with the language a case may have just chosen. */
  adw_init ();
  scrolled = gtk_scrolled_window_new ();
  fixture->store = temp_store_open (&fixture->dir, &fixture->db, TRUE);
  campaigns = rectify_store_list_campaigns (fixture->store, &error);
  g_assert_no_error (error);
  fixture->campaign = ((RectifyCampaign *) g_ptr_array_index (campaigns, 0))->id;
  fixture->dashboard = RECTIFY_DASHBOARD (rectify_dashboard_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->dashboard));
  page_window_present (scrolled, &fixture->window);
  rectify_dashboard_set_store (fixture->dashboard, fixture->store);
  rectify_dashboard_set_campaign_id (fixture->dashboard, fixture->campaign);
  drain_main_context ();
}

static void
fixture_close (Fixture *fixture)
{
  page_window_close (&fixture->window, fixture->store, fixture->dir, fixture->db);
}

/* Each chart against the figures module, value by value. */
static void
assert_charts_match_figures (Fixture *fixture)
{
  const RectifySummaryData *data = rectify_dashboard_get_data (fixture->dashboard);
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyFigures) f = NULL;
  RectifyChart *chart;
  double sum = 0;

  g_assert_nonnull (data);
  f = rectify_figures_compute (fixture->store, fixture->campaign, data->as_of, &error);
  g_assert_no_error (error);

  chart = rectify_dashboard_get_chart (fixture->dashboard, "hazard-categories");
  g_assert_cmpuint (rectify_chart_get_n_points (chart), ==, f->hazards_by_category->len);
  for (guint i = 0; i < f->hazards_by_category->len; i++)
    {
      const RectifyFigureRow *row = g_ptr_array_index (f->hazards_by_category, i);
      g_assert_cmpstr (rectify_chart_get_label (chart, i), ==, row->label);
      g_assert_cmpfloat (rectify_chart_get_value (chart, 0, i), ==, (double) row->count);
    }
  chart = rectify_dashboard_get_chart (fixture->dashboard, "checks");
  g_assert_cmpuint (rectify_chart_get_n_points (chart), ==, f->checks_by_equipment_category->len);
  for (guint i = 0; i < f->checks_by_equipment_category->len; i++)
    g_assert_cmpfloat (rectify_chart_get_value (chart, 0, i), ==,
                       (double) ((RectifyFigureRow *) g_ptr_array_index (f->checks_by_equipment_category, i))->count);

  chart = rectify_dashboard_get_chart (fixture->dashboard, "hazard-equipment");
  for (guint i = 0; i < rectify_chart_get_n_points (chart); i++)
    sum += rectify_chart_get_value (chart, 0, i);
  g_assert_cmpfloat (sum, ==, (double) f->hazards_found);

  chart = rectify_dashboard_get_chart (fixture->dashboard, "weeks");
  sum = 0;
  for (guint i = 0; i < rectify_chart_get_n_points (chart); i++)
    sum += rectify_chart_get_value (chart, 0, i);
  g_assert_cmpfloat (sum, ==, (double) f->unit_inspections);

  chart = rectify_dashboard_get_chart (fixture->dashboard, "cumulative");
  g_assert_cmpuint (rectify_chart_get_n_series (chart), ==, 2);
  if (rectify_chart_get_n_points (chart) > 0)
    {
      guint last = rectify_chart_get_n_points (chart) - 1;
      g_assert_cmpfloat (rectify_chart_get_value (chart, 0, last), ==, (double) f->hazards_found);
      g_assert_cmpfloat (rectify_chart_get_value (chart, 1, last), ==, (double) f->hazards_closed);
    }
  else
    g_assert_cmpint (f->hazards_found, ==, 0);
}

static void
run_seed_tiles (void)
{
  Fixture fixture = { 0 };
  RectifyChart *chart;
  g_autofree char *tip = NULL;

  fixture_open (&fixture);
  /* the seed's figures, as the hand-written summary gives them */
  g_assert_cmpstr (rectify_dashboard_get_tile_value (fixture.dashboard, "officer-person-times"), ==, "235");
  g_assert_cmpstr (rectify_dashboard_get_tile_value (fixture.dashboard, "unit-inspections"), ==, "62");
  g_assert_cmpstr (rectify_dashboard_get_tile_value (fixture.dashboard, "equipment-checks"), ==, "279");
  g_assert_cmpstr (rectify_dashboard_get_tile_value (fixture.dashboard, "hazards-found"), ==, "5");
  g_assert_cmpstr (rectify_dashboard_get_tile_value (fixture.dashboard, "instruction-letters"), ==, "2");
  g_assert_cmpstr (rectify_dashboard_get_tile_value (fixture.dashboard, "rectification-opinions"), ==, "3");
  g_assert_cmpstr (rectify_dashboard_get_tile_value (fixture.dashboard, "hazards-closed"), ==, "4");
  g_assert_cmpstr (rectify_dashboard_get_tile_value (fixture.dashboard, "rectification-rate"), ==, "80%");
  g_assert_cmpstr (rectify_dashboard_get_tile_value (fixture.dashboard, "hazards-overdue"), ==, "1");
  /* the distinct units under the visits, visible to the user */
  require_widget (GTK_WIDGET (fixture.window), match_label, "45 units", "the units under the visits");
  assert_charts_match_figures (&fixture);

  /* hovering the first bar tells its exact value */
  chart = rectify_dashboard_get_chart (fixture.dashboard, "hazard-categories");
  wait_for (widget_is_mapped, chart, "the chart on screen");
  tip = rectify_chart_describe_at (chart, gtk_widget_get_width (GTK_WIDGET (chart)) / 2.0, 30);
  g_assert_cmpstr (tip, ==, "Periodic inspection overdue: 2");
  fixture_close (&fixture);
}

static void
run_as_of (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWidget *error_label;

  fixture_open (&fixture);
  /* before the first inspection: zeros, not errors */
  g_assert_true (rectify_dashboard_set_as_of (fixture.dashboard, "2026-01-01", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rectify_dashboard_get_tile_value (fixture.dashboard, "officer-person-times"), ==, "0");
  g_assert_cmpstr (rectify_dashboard_get_tile_value (fixture.dashboard, "hazards-found"), ==, "0");
  g_assert_cmpstr (rectify_dashboard_get_tile_value (fixture.dashboard, "rectification-rate"), ==, "0%");
  g_assert_cmpuint (rectify_chart_get_n_points (rectify_dashboard_get_chart (fixture.dashboard, "weeks")), ==, 0);
  assert_charts_match_figures (&fixture);

  /* a day in the middle of the campaign */
  g_assert_true (rectify_dashboard_set_as_of (fixture.dashboard, "2026-04-30", &error));
  g_assert_cmpstr (rectify_dashboard_get_data (fixture.dashboard)->as_of, ==, "2026-04-30");
  assert_charts_match_figures (&fixture);

  /* a day that does not exist: said at the field, the figures stay */
  g_assert_false (rectify_dashboard_set_as_of (fixture.dashboard, "2026-02-30", &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  error_label = wait_for_widget (GTK_WIDGET (fixture.window), match_error_label, "As of", "the message at the field");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "2026-02-30"));
  g_assert_cmpstr (rectify_dashboard_get_data (fixture.dashboard)->as_of, ==, "2026-04-30");

  /* hidden, it waits; shown again, it computes what changed meanwhile */
  gtk_widget_set_visible (GTK_WIDGET (fixture.dashboard), FALSE);
  g_assert_true (rectify_dashboard_set_as_of (fixture.dashboard, "2026-05-31", &error));
  g_assert_cmpstr (rectify_dashboard_get_data (fixture.dashboard)->as_of, ==, "2026-04-30");
  gtk_widget_set_visible (GTK_WIDGET (fixture.dashboard), TRUE);
  wait_for (widget_is_mapped, fixture.dashboard, "the dashboard shown again");
  g_assert_cmpstr (rectify_dashboard_get_data (fixture.dashboard)->as_of, ==, "2026-05-31");
  assert_charts_match_figures (&fixture);
  fixture_close (&fixture);
}

/* Text into the first text view: the deployment. */
static void
type_deployment (GtkWidget *root, const char *text)
{
  GtkWidget *view = find_widget (root, match_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW));

  g_assert_nonnull (view);
  g_assert_cmpstr (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)) == GTK_ACCESSIBLE_ROLE_TEXT_BOX
                   ? "text box" : "other", ==, "text box");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
run_text_and_exports (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifySummaryNarrative) stored = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;

  fixture_open (&fixture);
  type_deployment (GTK_WIDGET (fixture.dashboard), "局长亲自挂帅。");
  click (require_widget (GTK_WIDGET (fixture.window), match_button, "Save Text", "button"));
  drain_main_context ();
  stored = rectify_summary_get_narrative (fixture.store, fixture.campaign, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->deployment, ==, "局长亲自挂帅。");

  pdf_path = g_build_filename (fixture.dir, "summary.pdf", NULL);
  g_assert_true (rectify_dashboard_write_pdf (fixture.dashboard, pdf_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_path, &data, &size, &error));
  g_assert_true (size > 1000 && memcmp (data, "%PDF-", 5) == 0);
  g_clear_pointer (&data, g_free);
  g_unlink (pdf_path);

  csv_path = g_build_filename (fixture.dir, "figures.csv", NULL);
  g_assert_true (rectify_dashboard_write_csv (fixture.dashboard, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &data, &size, &error));
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (data, "Officer person-times,235\r\n"));
  g_unlink (csv_path);

  /* a folder that does not exist: refused with the file named, nothing left */
  {
    g_autofree char *bad = g_build_filename (fixture.dir, "no-such-folder", "x.csv", NULL);
    g_assert_false (rectify_dashboard_write_csv (fixture.dashboard, bad, &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "x.csv"));
    g_clear_error (&error);
  }
  fixture_close (&fixture);
}

static gboolean
summary_is_ready (gpointer data)
{
  return rectify_summary_dialog_is_ready (data);
}

/* Summary PDF… previews the summary written in a thread, then prints and
 * saves the bytes shown. */
static void
run_summary_preview (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;
  RectifySummaryDialog *dialog;
  RectifyPdfView *view;
  PopplerDocument *document;

  fixture_open (&fixture);
  type_deployment (GTK_WIDGET (fixture.dashboard), "Unsaved deployment text.");
  click (require_widget (GTK_WIDGET (fixture.window), match_button, "Summary PDF…", "button"));
  dialog = NULL;
  {
    /* looked up without running the main loop, which would deliver the result */
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (RECTIFY_IS_SUMMARY_DIALOG (l->data))
        dialog = l->data;
  }
  g_assert_nonnull (dialog);
  /* the button returns before the summary is written: the window keeps answering */
  g_assert_false (rectify_summary_dialog_is_ready (dialog));
  g_assert_false (gtk_widget_get_sensitive (require_widget (GTK_WIDGET (dialog), match_button, "Save as PDF…", "button")));
  require_widget (GTK_WIDGET (dialog), match_label, "Writing the summary from the records…", "the spinner's words");
  wait_for (summary_is_ready, dialog, "the summary written");

  view = rectify_summary_dialog_get_preview (dialog);
  g_assert_null (rectify_pdf_view_get_message (view));
  g_assert_cmpuint (rectify_pdf_view_get_n_pages (view), >, 1);
  g_assert_true (gtk_widget_get_sensitive (require_widget (GTK_WIDGET (dialog), match_button, "Save as PDF…", "button")));
  g_assert_true (gtk_widget_get_sensitive (require_widget (GTK_WIDGET (dialog), match_button, "Print…", "button")));
  document = rectify_pdf_view_get_document (view);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_string_append (text, page_text);
      g_object_unref (page);
    }
  /* the seed's figures, and the dashboard's text as shown */
  g_assert_nonnull (strstr (text->str, "235"));
  g_assert_nonnull (strstr (text->str, "80"));
  g_assert_nonnull (strstr (text->str, "Unsaved deployment text."));

  path = g_build_filename (fixture.dir, "summary.pdf", NULL);
  g_assert_true (rectify_summary_dialog_save_to (dialog, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &size, &error));
  g_assert_cmpmem (data, size, g_bytes_get_data (rectify_pdf_view_get_bytes (view), NULL),
                   g_bytes_get_size (rectify_pdf_view_get_bytes (view)));
  g_unlink (path);

  printed = g_build_filename (fixture.dir, "printed.pdf", NULL);
  g_assert_true (rectify_pdf_view_print_to_file (view, printed, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (printed, G_FILE_TEST_IS_REGULAR));
  g_unlink (printed);

  /* nowhere to write: refused with the file named */
  {
    g_autofree char *bad = g_build_filename (fixture.dir, "no-such-folder", "x.pdf", NULL);
    g_assert_false (rectify_summary_dialog_save_to (dialog, bad, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "x.pdf"));
    g_clear_error (&error);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_close (&fixture);
}

/* Closed while it is written: nothing is shown, nothing breaks. */
static void
run_summary_closed_early (void)
{
  Fixture fixture = { 0 };
  GtkWidget *dialog;

  fixture_open (&fixture);
  dialog = rectify_dashboard_open_summary (fixture.dashboard);
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* the thread finishes and its result is dropped */
  for (int i = 0; i < 200 && G_OBJECT (dialog)->ref_count > 1; i++)
    {
      drain_main_context ();
      g_usleep (10000);
    }
  g_assert_false (rectify_summary_dialog_is_ready (RECTIFY_SUMMARY_DIALOG (dialog)));
  g_object_unref (dialog);
  fixture_close (&fixture);
}

/* The tiles open the list behind them, in the main window. */
static gboolean
page_is_hazards (gpointer data)
{
  RectifyWindow **window = data;
  return g_strcmp0 (rectify_window_get_visible_page_name (*window), "hazards") == 0;
}

static void
run_tile_opens_hazards (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  RectifyStore *store = temp_store_open (&dir, &db, TRUE);
  g_autoptr(RectifyApplication) app = test_application_new ();
  RectifyWindow *window = NULL;
  RectifyDashboard *dashboard;
  RectifyHazardsPage *hazards;

  g_object_unref (store);
  app_window_open (app, db, &window);
  window_browse (window);
  dashboard = RECTIFY_DASHBOARD (wait_for_widget (GTK_WIDGET (window), match_type,
                                                  GSIZE_TO_POINTER (RECTIFY_TYPE_DASHBOARD), "the dashboard"));
  g_assert_cmpstr (rectify_dashboard_get_tile_value (dashboard, "hazards-found"), ==, "5");
  hazards = RECTIFY_HAZARDS_PAGE (find_widget (GTK_WIDGET (window), match_type,
                                               GSIZE_TO_POINTER (RECTIFY_TYPE_HAZARDS_PAGE)));
  g_assert_nonnull (hazards);

  click (rectify_dashboard_get_tile (dashboard, "hazards-found"));
  wait_for (page_is_hazards, &window, "the hazards page");
  wait_for_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (hazards)), 5, "the campaign's five hazards");

  /* back to the campaign: the overdue tile lists the one overdue hazard */
  rectify_campaigns_page_select (rectify_window_get_campaigns_page (window),
                                 rectify_dashboard_get_campaign_id (dashboard));
  click (rectify_dashboard_get_tile (dashboard, "hazards-overdue"));
  wait_for_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (hazards)), 1, "the overdue hazard");
  click (rectify_dashboard_get_tile (dashboard, "hazards-closed"));
  wait_for_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (hazards)), 4, "the rectified hazards");

  window_close ((GtkWindow **) &window);
  temp_db_remove (g_steal_pointer (&dir), g_steal_pointer (&db));
}

static gboolean
page_is_named (gpointer data)
{
  gpointer *args = data;
  return g_strcmp0 (rectify_window_get_visible_page_name (args[0]), args[1]) == 0;
}

static void
back_to_campaign (RectifyWindow *window, RectifyDashboard *dashboard)
{
  rectify_campaigns_page_select (rectify_window_get_campaigns_page (window),
                                 rectify_dashboard_get_campaign_id (dashboard));
}

/* Clicks a tile and waits for its page; the rows it lists are checked by the caller. */
static void
click_tile (RectifyWindow *window, RectifyDashboard *dashboard, const char *tile, const char *page)
{
  gpointer args[2] = { window, (gpointer) page };

  back_to_campaign (window, dashboard);
  g_assert_true (GTK_IS_BUTTON (rectify_dashboard_get_tile (dashboard, tile)));
  click (rectify_dashboard_get_tile (dashboard, tile));
  wait_for (page_is_named, args, page);
}

static GtkDropDown *
dropdown_named (GtkWidget *page, guint n)
{
  GtkWidget *found = NULL;
  guint seen = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (page); w != NULL; )
    {
      if (GTK_IS_DROP_DOWN (w) && seen++ == n)
        {
          found = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != page && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == page ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (found);
  return GTK_DROP_DOWN (found);
}

/* The selected choice of a page's n-th drop-down, as the user reads it. */
static const char *
dropdown_text (GtkWidget *page, guint n)
{
  GtkDropDown *dropdown = dropdown_named (page, n);
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  g_assert_true (GTK_IS_STRING_OBJECT (item));
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

/* The figure a tile's list stands for: its rows. */
static gint64
tile_rows (const RectifyFigures *f, const char *tile)
{
  if (g_str_has_prefix (tile, "officer") || g_str_has_prefix (tile, "unit") || g_str_has_prefix (tile, "equipment"))
    return f->unit_inspections;
  if (g_str_equal (tile, "hazards-found") || g_str_equal (tile, "rectification-rate"))
    return f->hazards_found;
  if (g_str_equal (tile, "hazards-closed"))
    return f->hazards_closed;
  if (g_str_equal (tile, "hazards-overdue"))
    return f->hazards_overdue;
  if (g_str_equal (tile, "instruction-letters"))
    return f->instruction_letters;
  g_assert_cmpstr (tile, ==, "rectification-opinions");
  return f->rectification_opinions;
}

static const char *
limit_of (GtkWidget *page)
{
  if (RECTIFY_IS_INSPECTIONS_PAGE (page))
    return rectify_inspections_page_get_as_of_limit (RECTIFY_INSPECTIONS_PAGE (page));
  if (RECTIFY_IS_HAZARDS_PAGE (page))
    return rectify_hazards_page_get_as_of_limit (RECTIFY_HAZARDS_PAGE (page));
  return rectify_documents_page_get_as_of_limit (RECTIFY_DOCUMENTS_PAGE (page));
}

static GtkWidget *
limit_button_of (GtkWidget *page)
{
  if (RECTIFY_IS_INSPECTIONS_PAGE (page))
    return rectify_inspections_page_get_as_of_button (RECTIFY_INSPECTIONS_PAGE (page));
  if (RECTIFY_IS_HAZARDS_PAGE (page))
    return rectify_hazards_page_get_as_of_button (RECTIFY_HAZARDS_PAGE (page));
  return rectify_documents_page_get_as_of_button (RECTIFY_DOCUMENTS_PAGE (page));
}

static GListModel *
model_of (GtkWidget *page)
{
  if (RECTIFY_IS_INSPECTIONS_PAGE (page))
    return rectify_list_page_get_model (RECTIFY_LIST_PAGE (RECTIFY_INSPECTIONS_PAGE (page)));
  if (RECTIFY_IS_HAZARDS_PAGE (page))
    return rectify_list_page_get_model (RECTIFY_LIST_PAGE (RECTIFY_HAZARDS_PAGE (page)));
  return rectify_list_page_get_model (RECTIFY_LIST_PAGE (RECTIFY_DOCUMENTS_PAGE (page)));
}

/* With an earlier day on the dashboard, each tile's list has the rows the
 * tile counted that day, says so, and the limit can be cleared. */
static void
run_tiles_as_of (RectifyWindow *window, RectifyDashboard *dashboard, GtkWidget *inspections, GtkWidget *documents)
{
  static const struct {
    const char *tile;
    const char *page;
    gint64      today;   /* the rows without the limit, the seed's */
  } tiles[] = {
    { "officer-person-times", "inspections", 62 },
    { "unit-inspections", "inspections", 62 },
    { "equipment-checks", "inspections", 62 },
    { "hazards-found", "hazards", 5 },
    { "hazards-closed", "hazards", 4 },
    { "rectification-rate", "hazards", 5 },
    { "instruction-letters", "documents", 2 },
    { "rectification-opinions", "documents", 3 },
    { "hazards-overdue", "hazards", -1 },
  };
  GtkWidget *hazards = find_widget (GTK_WIDGET (window), match_type, GSIZE_TO_POINTER (RECTIFY_TYPE_HAZARDS_PAGE));
  const char *as_of = "2026-04-30";
  gboolean fewer = FALSE;

  window_navigate (window, "campaigns");
  back_to_campaign (window, dashboard);
  wait_for (widget_is_mapped, dashboard, "the dashboard");
  g_assert_true (rectify_dashboard_set_as_of (dashboard, as_of, NULL));
  g_assert_cmpstr (rectify_dashboard_get_data (dashboard)->as_of, ==, as_of);
  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      const RectifyFigures *f;
      GtkWidget *page = g_str_equal (tiles[i].page, "inspections") ? inspections
                        : g_str_equal (tiles[i].page, "hazards") ? hazards : documents;
      GtkWidget *button;
      gint64 rows;
      g_autofree char *what = g_strdup_printf ("the rows behind %s as of %s", tiles[i].tile, as_of);

      click_tile (window, dashboard, tiles[i].tile, tiles[i].page);
      f = rectify_dashboard_get_data (dashboard)->figures;
      rows = tile_rows (f, tiles[i].tile);
      wait_for_n_items (model_of (page), (guint) rows, what);
      /* a tile that counts rows shows that number */
      if (!g_str_has_prefix (tiles[i].tile, "officer") && !g_str_has_prefix (tiles[i].tile, "equipment")
          && !g_str_equal (tiles[i].tile, "rectification-rate"))
        g_assert_cmpint (g_ascii_strtoll (rectify_dashboard_get_tile_value (dashboard, tiles[i].tile), NULL, 10), ==, rows);
      g_assert_cmpstr (limit_of (page), ==, as_of);
      button = limit_button_of (page);
      g_assert_true (gtk_widget_get_visible (button));
      g_assert_true (gtk_widget_is_ancestor (button, page));
      if (tiles[i].today >= 0)
        {
          if (rows < tiles[i].today)
            fewer = TRUE;
          /* cleared: the campaign's records of today, the other filters kept */
          click (button);
          g_assert_null (limit_of (page));
          g_assert_false (gtk_widget_get_visible (button));
          wait_for_n_items (model_of (page), (guint) tiles[i].today, "the rows of today");
        }
    }
  /* the day mattered: some list was shorter than today's */
  g_assert_true (fewer);

  /* another filter speaks of today's records: it ends the limit, a search keeps it */
  click_tile (window, dashboard, "unit-inspections", "inspections");
  g_assert_cmpstr (limit_of (inspections), ==, as_of);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (inspections, match_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY))),
                         "no such unit");
  wait_for_n_items (model_of (inspections), 0, "no unit of that name");
  g_assert_cmpstr (limit_of (inspections), ==, as_of);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (inspections, match_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY))),
                         "");
  wait_for_n_items (model_of (inspections), (guint) rectify_dashboard_get_data (dashboard)->figures->unit_inspections,
                    "the visits of that day again");
  gtk_drop_down_set_selected (dropdown_named (inspections, 0), 0);
  g_assert_null (limit_of (inspections));
  g_assert_false (gtk_widget_get_visible (rectify_inspections_page_get_as_of_button (RECTIFY_INSPECTIONS_PAGE (inspections))));
}

/* Every tile but the hazards' (above) opens the list behind it, filtered
 * to the campaign, as many rows as the tile says. */
static void
run_tiles_open_lists (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  RectifyStore *store = temp_store_open (&dir, &db, TRUE);
  g_autoptr(RectifyApplication) app = test_application_new ();
  g_autoptr(RectifyFigures) f = NULL;
  g_autoptr(RectifyCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  RectifyWindow *window = NULL;
  RectifyDashboard *dashboard;
  GtkWidget *inspections, *documents;
  GListModel *model;
  static const char *const visit_tiles[] = { "officer-person-times", "unit-inspections", "equipment-checks" };

  app_window_open (app, db, &window);
  window_browse (window);
  dashboard = RECTIFY_DASHBOARD (wait_for_widget (GTK_WIDGET (window), match_type,
                                                  GSIZE_TO_POINTER (RECTIFY_TYPE_DASHBOARD), "the dashboard"));
  f = rectify_figures_compute (store, rectify_dashboard_get_campaign_id (dashboard), NULL, &error);
  g_assert_no_error (error);
  campaign = rectify_store_get_campaign (store, rectify_dashboard_get_campaign_id (dashboard), &error);
  g_assert_no_error (error);
  g_object_unref (store);
  g_assert_cmpint (f->unit_inspections, ==, 62);
  g_assert_cmpint (f->self_inspections, >, 0);
  inspections = find_widget (GTK_WIDGET (window), match_type, GSIZE_TO_POINTER (RECTIFY_TYPE_INSPECTIONS_PAGE));
  documents = find_widget (GTK_WIDGET (window), match_type, GSIZE_TO_POINTER (RECTIFY_TYPE_DOCUMENTS_PAGE));
  g_assert_nonnull (inspections);
  g_assert_nonnull (documents);

  /* the three sums over the bureau's visits: its 62 inspections and
   * back-checks, not the enterprises' self-inspections */
  for (guint i = 0; i < G_N_ELEMENTS (visit_tiles); i++)
    {
      click_tile (window, dashboard, visit_tiles[i], "inspections");
      model = rectify_list_page_get_model (RECTIFY_LIST_PAGE (RECTIFY_INSPECTIONS_PAGE (inspections)));
      wait_for_n_items (model, (guint) f->unit_inspections, "the campaign's unit inspections");
      g_assert_cmpstr (dropdown_text (inspections, 0), ==, "By the bureau");
      g_assert_cmpstr (dropdown_text (inspections, 1), ==, campaign->name);
      for (guint k = 0; k < g_list_model_get_n_items (model); k++)
        {
          g_autoptr(RectifyRow) row = g_list_model_get_item (model, k);
          const RectifyInspectionSummary *s = rectify_row_get_record (row);
          g_assert_cmpint (s->kind, !=, RECTIFY_INSPECTION_SELF);
          g_assert_cmpint (s->campaign_id, ==, campaign->id);
        }
    }

  click_tile (window, dashboard, "instruction-letters", "documents");
  model = rectify_list_page_get_model (RECTIFY_LIST_PAGE (RECTIFY_DOCUMENTS_PAGE (documents)));
  wait_for_n_items (model, (guint) f->instruction_letters, "the campaign's two instruction letters");
  g_assert_cmpint (f->instruction_letters, ==, 2);
  g_assert_cmpstr (dropdown_text (documents, 0), ==, rectify_document_kind_to_label (RECTIFY_DOCUMENT_INSTRUCTION_LETTER));
  g_assert_cmpstr (dropdown_text (documents, 1), ==, rectify_document_status_to_label (RECTIFY_DOCUMENT_ISSUED));
  g_assert_cmpstr (dropdown_text (documents, 2), ==, campaign->name);

  click_tile (window, dashboard, "rectification-opinions", "documents");
  wait_for_n_items (model, (guint) f->rectification_opinions, "the campaign's three opinions");
  g_assert_cmpint (f->rectification_opinions, ==, 3);
  g_assert_cmpstr (dropdown_text (documents, 0), ==, rectify_document_kind_to_label (RECTIFY_DOCUMENT_RECTIFICATION_OPINION));
  for (guint k = 0; k < g_list_model_get_n_items (model); k++)
    {
      g_autoptr(RectifyRow) row = g_list_model_get_item (model, k);
      const RectifyDocument *d = rectify_row_get_record (row);
      g_assert_cmpint (d->kind, ==, RECTIFY_DOCUMENT_RECTIFICATION_OPINION);
      g_assert_cmpint (d->campaign_id, ==, campaign->id);
    }

  run_tiles_as_of (window, dashboard, inspections, documents);
  window_close ((GtkWindow **) &window);
  temp_db_remove (g_steal_pointer (&dir), g_steal_pointer (&db));
}

static void
run_chinese (void)
{
  Fixture fixture = { 0 };

  g_assert_nonnull (g_getenv ("RECTIFY_LOCALEDIR"));
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  rectify_application_init_i18n ();
  fixture_open (&fixture);
  require_widget (GTK_WIDGET (fixture.window), match_label, "出动执法人员人次", "the tile in Chinese");
  g_assert_cmpstr (rectify_dashboard_get_tile_value (fixture.dashboard, "officer-person-times"), ==, "235");
  fixture_close (&fixture);
}

static void test_seed_tiles (void) { in_subprocess (run_seed_tiles); }
static void test_as_of (void) { in_subprocess (run_as_of); }
static void test_text_and_exports (void) { in_subprocess (run_text_and_exports); }
static void test_tile_opens_hazards (void) { in_subprocess (run_tile_opens_hazards); }
static void test_summary_preview (void) { in_subprocess (run_summary_preview); }
static void test_summary_closed_early (void) { in_subprocess (run_summary_closed_early); }
static void test_tiles_open_lists (void) { in_subprocess (run_tiles_open_lists); }
static void test_chinese (void) { in_subprocess (run_chinese); }

int
main (int   argc,
      char *argv[])
{
  rectify_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dashboard/seed-tiles", test_seed_tiles);
  g_test_add_func ("/dashboard/as-of", test_as_of);
  g_test_add_func ("/dashboard/text-and-exports", test_text_and_exports);
  g_test_add_func ("/dashboard/tile-opens-hazards", test_tile_opens_hazards);
  g_test_add_func ("/dashboard/summary-preview", test_summary_preview);
  g_test_add_func ("/dashboard/summary-closed-early", test_summary_closed_early);
  g_test_add_func ("/dashboard/tiles-open-lists", test_tiles_open_lists);
  g_test_add_func ("/dashboard/chinese", test_chinese);

  return g_test_run ();
}
