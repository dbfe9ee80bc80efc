/* test-documents-page.c: drafting, issuing, saving and voiding a letter in the real window, under Xvfb
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "rectify-application.h"
#include "rectify-bureau-setup-dialog.h"
#include "rectify-date-row.h"
#include "rectify-document-draft-dialog.h"
#include "rectify-documents-page.h"
#include "rectify-hazards-page.h"
#include "rectify-pdf-view.h"
#include "rectify-record-list.h"
#include "rectify-validate.h"
#include "test-gui-util.h"

#define BUREAU "X市市场监督管理局"
#define OPENING "经复查，你单位仍存在下列问题："
/* the bureau's own provision for the written instruction (a setting) */
#define PROVISION "《福建省特种设备安全条例》第四十一条"

typedef struct {
  char               *dir;
  char               *db;
  RectifyApplication *app;
  RectifyWindow      *window;
  gint64              hazard;     /* the seed's one open hazard */
  gint64              unit;
  char               *unit_name;
} Fixture;

/* The seed's campaign, a bureau name for the letters, and the acting
 * officer the window starts with. */
static void
fixture_make (Fixture    *fixture,
              const char *actor_badge)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  RectifyQuery q = RECTIFY_QUERY_INIT;
  RectifyStore *store = temp_store_open (&fixture->dir, &fixture->db, TRUE);

  rectify_store_set_setting (store, "bureau-name", BUREAU, &error);
  g_assert_no_error (error);
  rectify_store_set_setting (store, "provision-instruction-zh_CN", PROVISION, &error);
  g_assert_no_error (error);
  ids = rectify_store_query_hazard_ids (store, &q, &error);
  g_assert_no_error (error);
  rows = rectify_store_get_hazards_by_ids (store, (const gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      RectifyHazard *h = g_ptr_array_index (rows, i);
      if (h->status != RECTIFY_HAZARD_CLOSED)
        {
          fixture->hazard = h->id;
          fixture->unit = h->unit_id;
          fixture->unit_name = g_strdup (h->unit_name);
        }
    }
  g_assert_cmpint (fixture->hazard, >, 0);
  g_assert_finalize_object (store);

  g_settings_set_string (settings, "acting-officer", actor_badge);
  fixture->app = test_application_new ();
  app_window_open (fixture->app, fixture->db, &fixture->window);
}

static void
fixture_close (Fixture *fixture)
{
  window_close ((GtkWindow **) &fixture->window);
  g_clear_object (&fixture->app);
  temp_db_remove (fixture->dir, fixture->db);
  g_free (fixture->unit_name);
}

static RectifyStore *
store_of (Fixture *fixture)
{
  return rectify_window_get_store (fixture->window);
}

static RectifyDocumentsPage *
documents_page (Fixture *fixture)
{
  return RECTIFY_DOCUMENTS_PAGE (require_widget (GTK_WIDGET (fixture->window), match_type,
                                                 GSIZE_TO_POINTER (RECTIFY_TYPE_DOCUMENTS_PAGE), "documents page"));
}

static guint
count_documents (Fixture *fixture)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rectify_store_query_document_ids (store_of (fixture), &q, &error);

  g_assert_no_error (error);
  return ids->len;
}

/* The text of the first page of the preview, as poppler reads it back. */
static char *
preview_text (RectifyPdfView *view)
{
  PopplerDocument *document = rectify_pdf_view_get_document (view);
  PopplerPage *page;
  char *text;

  g_assert_nonnull (document);
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 1);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  return text;
}

/* Some pixels of a page are ink, not all white. */
static gboolean
texture_has_ink (GdkTexture *texture)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) w * h * 4);
  gsize dark = 0;

  gdk_texture_download (texture, pixels, (gsize) w * 4);
  for (gsize i = 0; i < (gsize) w * h; i++)
    if (pixels[i * 4] < 128 && pixels[i * 4 + 1] < 128 && pixels[i * 4 + 2] < 128)
      dark++;
  return dark > 1000;
}

static gboolean
preview_shows_opening (gpointer data)
{
  g_autofree char *text = NULL;

  if (rectify_pdf_view_get_document (RECTIFY_PDF_VIEW (data)) == NULL)
    return FALSE;
  text = preview_text (RECTIFY_PDF_VIEW (data));
  return strstr (text, OPENING) != NULL;
}

static gboolean
preview_has_message (gpointer data)
{
  return rectify_pdf_view_get_message (RECTIFY_PDF_VIEW (data)) != NULL;
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

/* A text view whose text holds data. */
static gboolean
match_text_view_with (GtkWidget *widget, gconstpointer data)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!GTK_IS_TEXT_VIEW (widget))
    return FALSE;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return strstr (text, data) != NULL;
}

/* From the Hazards page, as the user does: the open hazard, then the
 * "Draft Letter…" button of its pane. */
static RectifyDocumentDraftDialog *
draft_from_hazard (Fixture *fixture)
{
  RectifyHazardsPage *page;
  GtkWidget *button;
  RectifyDocumentDraftDialog *dialog;

  window_navigate (fixture->window, "hazards");
  page = RECTIFY_HAZARDS_PAGE (require_widget (GTK_WIDGET (fixture->window), match_type,
                                               GSIZE_TO_POINTER (RECTIFY_TYPE_HAZARDS_PAGE), "hazards page"));
  rectify_list_page_select (RECTIFY_LIST_PAGE (page), fixture->hazard);
  drain_main_context ();
  button = wait_for_widget (GTK_WIDGET (page), match_button, "Draft Letter…", "Draft Letter button");
  click (button);
  dialog = RECTIFY_DOCUMENT_DRAFT_DIALOG (wait_for_toplevel (RECTIFY_TYPE_DOCUMENT_DRAFT_DIALOG, "draft dialog"));
  g_assert_cmpint (rectify_document_draft_dialog_get_unit (dialog), ==, fixture->unit);
  return dialog;
}

static gboolean
match_label_with_class (GtkWidget    *widget,
                        gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, data);
}

/* The first-run setup, when the bureau still has the sample's placeholders:
 * a placeholder or an empty field is named, then the bureau's own are saved. */
static void
set_up_bureau_if_asked (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  GtkWidget *setup = NULL;
  GtkWidget *error_label;

  for (GList *l = toplevels; l && !setup; l = l->next)
    if (RECTIFY_IS_BUREAU_SETUP_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      setup = l->data;
  if (setup == NULL)
    return;
  g_object_add_weak_pointer (G_OBJECT (setup), (gpointer *) &setup);
  /* the sample's name is not offered as the bureau's */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (setup, match_row, "Bureau name", "field"))),
                   ==, "");
  fill (setup, "District", "鼓楼区");
  fill (setup, "Signatory", "林建华");
  fill (setup, "Number prefix of instruction letters", "榕市监特指");
  fill (setup, "Number prefix of rectification opinions", "榕市监特整");
  gtk_widget_activate_action (setup, "setup.save", NULL);
  error_label = require_widget (setup, match_error_label, "Bureau name:", "the setup's message");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "required"));
  fill (setup, "Bureau name", "福州市市场监督管理局");
  gtk_widget_activate_action (setup, "setup.save", NULL);
  wait_for (pointer_is_null, &setup, "the setup to close");
}

/* The question before a document is issued: its number, addressee, date
 * and deadline; answered with Issue. */
static void
confirm_issue (const char *unit_name)
{
  GtkWidget *question = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the question before issuing");
  const char *heading = adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question));
  const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question));

  if (!g_str_has_prefix (heading, "Issue 榕市监特"))
    g_error ("the question before issuing is “%s”", heading);
  g_assert_nonnull (strstr (heading, "〔2026〕"));
  g_assert_nonnull (strstr (body, unit_name));
  g_assert_nonnull (strstr (body, "Rectify by:"));
  g_assert_cmpstr (adw_message_dialog_get_close_response (ADW_MESSAGE_DIALOG (question)), ==, "cancel");
  g_object_add_weak_pointer (G_OBJECT (question), (gpointer *) &question);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "issue");
  if (question != NULL)
    gtk_window_destroy (GTK_WINDOW (question));
}

static void
issue (RectifyDocumentDraftDialog *dialog,
       const char                 *unit_name)
{
  GtkWidget *button = rectify_document_draft_dialog_get_issue_button (dialog);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_get_visible (button));
  click (button);
  set_up_bureau_if_asked ();
  confirm_issue (unit_name);
  if (dialog != NULL)
    g_assert_cmpstr (rectify_document_draft_dialog_get_message (dialog), ==, NULL);
  wait_for (pointer_is_null, &dialog, "the draft dialog to close");
}

/* The list's columns side by side fit the list pane as it first opens, and
 * the kind column shows each kind (as the list names it) whole: the cells
 * do not measure their text, so a column too narrow cuts it. */
static void
assert_columns_fit (RectifyDocumentsPage *page,
                    const char *const    *kinds)
{
  GtkWidget *view = require_widget (GTK_WIDGET (page), match_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW),
                                    "the list");
  GtkWidget *paned = require_widget (GTK_WIDGET (page), match_type, GSIZE_TO_POINTER (GTK_TYPE_PANED),
                                     "the panes");
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (view, NULL);
  int total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      int width = gtk_column_view_column_get_fixed_width (column);

      g_assert_cmpint (width, >, 0);
      total += width;
      if (g_strcmp0 (gtk_column_view_column_get_title (column), _("Kind")) == 0)
        for (guint k = 0; kinds[k]; k++)
          {
            int text_width;

            pango_layout_set_text (layout, kinds[k], -1);
            pango_layout_get_pixel_size (layout, &text_width, NULL);
            /* 6 pixels of padding on each side of a cell */
            g_assert_cmpint (text_width + 12, <=, width);
          }
    }
  g_assert_cmpint (total, <=, gtk_paned_get_position (GTK_PANED (paned)));
}

/* ---- cases ---------------------------------------------------------------- */

static void
run_issue_save_void (void)
{
  Fixture fixture = { 0 };
  RectifyDocumentDraftDialog *dialog;
  RectifyPdfView *view;
  RectifyDocumentsPage *page;
  g_autofree char *text = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *saved_path = NULL;
  g_autofree char *printed_path = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(RectifyDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *void_dialog;
  GtkWidget *entry;
  guint before;
  gint64 id, second;

  fixture_make (&fixture, "FZ-0101");  /* 林建华, a manager */
  before = count_documents (&fixture);
  dialog = draft_from_hazard (&fixture);

  /* The unit's open hazard is checked; the preview is the real letter
   * with a placeholder number. */
  g_assert_true (gtk_check_button_get_active (rectify_document_draft_dialog_get_hazard_check (dialog, fixture.hazard)));
  view = rectify_document_draft_dialog_get_preview (dialog);
  g_assert_cmpstr (rectify_pdf_view_get_message (view), ==, NULL);
  g_assert_cmpuint (rectify_pdf_view_get_n_pages (view), >=, 1);
  g_assert_true (texture_has_ink (rectify_pdf_view_get_texture (view, 0)));
  text = preview_text (view);
  g_assert_nonnull (strstr (text, fixture.unit_name));
  g_assert_nonnull (strstr (text, "〔草稿〕"));
  g_assert_nonnull (strstr (text, BUREAU));
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (count_documents (&fixture), ==, before);
  /* The order the officer may edit cites the provision the letter will:
   * the bureau's setting, not a fixed Article 62. */
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), match_text_view_with, PROVISION));
  g_assert_null (find_widget (GTK_WIDGET (dialog), match_text_view_with, "第六十二条"));
  /* the hazard's deadline has passed (the seed's campaign is over): the
   * draft warns before the letter orders a day already gone */
  {
    g_autoptr(RectifyHazard) h = rectify_store_get_hazard (store_of (&fixture), fixture.hazard, &error);
    g_autofree char *today = rectify_today ();
    GtkWidget *warning = find_widget (GTK_WIDGET (dialog), match_label_with_class, "warning");

    g_assert_no_error (error);
    g_assert_cmpstr (h->deadline, <, today);
    g_assert_nonnull (warning);
    g_assert_true (gtk_widget_get_visible (warning));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), "has passed"));
  }

  /* English follows the language chosen, after the pause for typing. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_widget (GTK_WIDGET (dialog), match_row, "Language", "language")), 1);
  rectify_document_draft_dialog_update_preview (dialog);
  text = preview_text (view);
  g_assert_nonnull (strstr (text, "DRAFT"));
  g_assert_null (strstr (text, "〔草稿〕"));
  g_clear_pointer (&text, g_free);
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_widget (GTK_WIDGET (dialog), match_row, "Language", "language")), 0);
  rectify_document_draft_dialog_update_preview (dialog);

  /* The officer words the opening: the preview follows after the pause
   * for typing, and the issued letter keeps it. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (require_widget (GTK_WIDGET (dialog), match_type,
                                                                                      GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW),
                                                                                      "the opening"))),
                            OPENING, -1);
  wait_for (preview_shows_opening, view, "the preview with the new opening");

  issue (dialog, fixture.unit_name);

  /* Shown on the Documents page with the next number of its kind. */
  g_assert_cmpstr (rectify_window_get_visible_page_name (fixture.window), ==, "documents");
  page = documents_page (&fixture);
  {
    const char *kinds[] = { "Instruction letter", "Rectification opinion", NULL };
    assert_columns_fit (page, kinds);
  }
  id = rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (page));
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (count_documents (&fixture), ==, before + 1);
  g_assert_cmpint (rectify_record_list_find (RECTIFY_RECORD_LIST (rectify_list_page_get_model (RECTIFY_LIST_PAGE (page))), id), >=, 0);
  document = rectify_store_get_document (store_of (&fixture), id, &error);
  g_assert_no_error (error);
  /* The seed issued two instruction letters in 2026. */
  g_assert_cmpstr (document->number, ==, "榕市监特指〔2026〕3号");
  g_assert_cmpint (document->status, ==, RECTIFY_DOCUMENT_ISSUED);

  /* The stored bytes match their SHA-256, the preview shows them, and
   * Save as writes them unchanged. */
  stored = rectify_store_get_document_pdf (store_of (&fixture), id, &sha256, &error);
  g_assert_no_error (error);
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, stored);
  g_assert_cmpstr (actual, ==, sha256);
  view = rectify_documents_page_get_preview (page);
  g_assert_true (g_bytes_equal (rectify_pdf_view_get_bytes (view), stored));
  text = preview_text (view);
  g_assert_nonnull (strstr (text, "榕市监特指〔2026〕3号"));
  g_assert_null (strstr (text, "〔草稿〕"));
  g_assert_nonnull (strstr (text, OPENING));
  g_clear_pointer (&text, g_free);
  g_assert_true (gtk_widget_get_sensitive (rectify_documents_page_get_save_button (page)));
  g_assert_true (gtk_widget_get_sensitive (rectify_documents_page_get_print_button (page)));
  saved_path = g_build_filename (fixture.dir, "saved.pdf", NULL);
  rectify_documents_page_save_to (page, saved_path, &error);
  g_assert_no_error (error);
  saved = file_bytes (saved_path);
  g_assert_true (g_bytes_equal (saved, stored));
  {
    /* a file the user saves is readable like any other new file (0666
     * less the umask), not private to the process as temporary files are */
    GStatBuf st;
    mode_t mask = umask (0);

    umask (mask);
    g_assert_cmpint (g_stat (saved_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);
  }
  /* A folder that does not exist: a message, no file. */
  {
    g_autofree char *bad = g_build_filename (fixture.dir, "missing", "x.pdf", NULL);
    g_autoptr(GError) denied = NULL;

    g_assert_false (rectify_documents_page_save_to (page, bad, &denied));
    g_assert_nonnull (denied);
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }
  /* Printing draws the same pages: exported through the print operation. */
  printed_path = g_build_filename (fixture.dir, "printed.pdf", NULL);
  rectify_pdf_view_print_to_file (view, printed_path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) printed = file_bytes (printed_path);
    PopplerDocument *doc = poppler_document_new_from_bytes (printed, NULL, &error);
    PopplerPage *p;
    g_autofree char *printed_text = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (doc), ==, (int) rectify_pdf_view_get_n_pages (view));
    p = poppler_document_get_page (doc, 0);
    printed_text = poppler_page_get_text (p);
    g_assert_nonnull (strstr (printed_text, fixture.unit_name));
    g_object_unref (p);
    g_object_unref (doc);
  }

  /* Void with a reason: the status changes, the number stays used. */
  g_assert_true (gtk_widget_get_visible (rectify_documents_page_get_void_button (page)));
  void_dialog = rectify_documents_page_open_void_dialog (page);
  g_assert_nonnull (void_dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (void_dialog), "void"));
  entry = g_object_get_data (G_OBJECT (void_dialog), "reason-entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "单位名称有误");
  /* its date is today unless it is back-dated: the day of the issue here */
  {
    RectifyDateRow *date_row = g_object_get_data (G_OBJECT (void_dialog), "date-row");
    g_autofree char *shown = rectify_date_row_get_date (date_row);

    g_assert_cmpstr (shown, ==, "2026-06-30");
    rectify_date_row_set_date (date_row, document->issued_date);
  }
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (void_dialog), "void"));
  g_object_add_weak_pointer (G_OBJECT (void_dialog), (gpointer *) &void_dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (void_dialog), "void");
  drain_main_context ();
  if (void_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (void_dialog));
  g_clear_pointer (&document, rectify_document_free);
  document = rectify_store_get_document (store_of (&fixture), id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (document->status, ==, RECTIFY_DOCUMENT_VOID);
  g_assert_cmpstr (document->void_reason, ==, "单位名称有误");
  g_assert_cmpstr (document->void_date, ==, document->issued_date);
  g_assert_false (gtk_widget_get_visible (rectify_documents_page_get_void_button (page)));
  g_assert_null (rectify_documents_page_open_void_dialog (page));
  /* shown, saved and printed under its VOID mark; the stored bytes unchanged */
  {
    g_autofree char *void_text = preview_text (view);
    g_autofree char *void_path = g_build_filename (fixture.dir, "void.pdf", NULL);
    g_autofree char *sha_now = NULL;
    g_autofree char *void_data = NULL;
    g_autoptr(GBytes) still = NULL;
    gsize void_size = 0;

    g_assert_nonnull (strstr (void_text, "作废文书副本"));
    g_assert_nonnull (strstr (void_text, "单位名称有误"));
    g_assert_true (rectify_documents_page_save_to (page, void_path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (void_path, &void_data, &void_size, &error));
    still = rectify_store_get_document_pdf (store_of (&fixture), id, &sha_now, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sha_now, ==, sha256);
    g_assert_cmpuint (void_size, !=, g_bytes_get_size (still));
    g_unlink (void_path);
  }

  /* The correction is a new letter with the next number. */
  dialog = RECTIFY_DOCUMENT_DRAFT_DIALOG (rectify_documents_page_open_draft (page, fixture.unit));
  g_assert_nonnull (dialog);
  issue (dialog, fixture.unit_name);
  second = rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (page));
  g_assert_cmpint (second, !=, id);
  g_clear_pointer (&document, rectify_document_free);
  document = rectify_store_get_document (store_of (&fixture), second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->number, ==, "榕市监特指〔2026〕4号");
  g_assert_cmpuint (count_documents (&fixture), ==, before + 2);

  g_unlink (saved_path);
  g_unlink (printed_path);
  fixture_close (&fixture);
}

static void
run_not_manager (void)
{
  Fixture fixture = { 0 };
  RectifyDocumentsPage *page;
  RectifyDocumentDraftDialog *dialog;
  GtkSearchEntry *search;
  GListModel *units;
  guint before;
  gint64 first;

  fixture_make (&fixture, "FZ-0201");  /* 黄晓东, an officer */
  before = count_documents (&fixture);
  window_navigate (fixture.window, "documents");
  page = documents_page (&fixture);
  wait_for_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (page)), before, "the documents");
  {
    g_autoptr(RectifyRow) row = g_list_model_get_item (rectify_list_page_get_model (RECTIFY_LIST_PAGE (page)), 0);
    first = rectify_row_get_id (row);
  }
  rectify_list_page_select (RECTIFY_LIST_PAGE (page), first);
  /* The seed's letters were issued without a stored PDF: said so, and
   * nothing to save or print. */
  g_assert_nonnull (rectify_pdf_view_get_message (rectify_documents_page_get_preview (page)));
  g_assert_false (gtk_widget_get_sensitive (rectify_documents_page_get_save_button (page)));
  g_assert_false (gtk_widget_get_visible (rectify_documents_page_get_void_button (page)));
  g_assert_null (rectify_documents_page_open_void_dialog (page));

  /* Drafting from the page: the unit first, found by its name. */
  click (wait_for_widget (GTK_WIDGET (page), match_button, "Draft Letter…", "Draft Letter button"));
  dialog = RECTIFY_DOCUMENT_DRAFT_DIALOG (wait_for_toplevel (RECTIFY_TYPE_DOCUMENT_DRAFT_DIALOG, "draft dialog"));
  g_assert_cmpint (rectify_document_draft_dialog_get_unit (dialog), ==, 0);
  search = GTK_SEARCH_ENTRY (require_widget (GTK_WIDGET (dialog), match_search_entry, NULL, "unit search"));
  gtk_editable_set_text (GTK_EDITABLE (search), fixture.unit_name);
  units = rectify_document_draft_dialog_get_unit_model (dialog);
  wait_for_n_items (units, 1, "the unit found");
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpint (rectify_document_draft_dialog_get_unit (dialog), ==, fixture.unit);
  g_assert_true (gtk_check_button_get_active (rectify_document_draft_dialog_get_hazard_check (dialog, fixture.hazard)));
  g_assert_cmpuint (rectify_pdf_view_get_n_pages (rectify_document_draft_dialog_get_preview (dialog)), >=, 1);
  /* An officer drafts and previews; issuing is not offered. */
  g_assert_false (gtk_widget_get_visible (rectify_document_draft_dialog_get_issue_button (dialog)));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "draft.issue", NULL);
  g_assert_nonnull (rectify_document_draft_dialog_get_message (dialog));
  g_assert_cmpuint (count_documents (&fixture), ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_close (&fixture);
}

static void
run_no_hazards (void)
{
  Fixture fixture = { 0 };
  RectifyDocumentDraftDialog *dialog;
  GtkCheckButton *check;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GArray) ids = NULL;
  guint before;

  fixture_make (&fixture, "FZ-0101");
  before = count_documents (&fixture);
  dialog = draft_from_hazard (&fixture);
  q.unit_id = fixture.unit;
  ids = rectify_store_query_hazard_ids (store_of (&fixture), &q, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      check = rectify_document_draft_dialog_get_hazard_check (dialog, g_array_index (ids, gint64, i));
      g_assert_nonnull (check);
      gtk_check_button_set_active (check, FALSE);
    }
  /* The preview follows after the pause for typing. */
  wait_for (preview_has_message, rectify_document_draft_dialog_get_preview (dialog), "the preview to be cleared");
  g_assert_cmpuint (rectify_pdf_view_get_n_pages (rectify_document_draft_dialog_get_preview (dialog)), ==, 0);
  g_assert_nonnull (rectify_pdf_view_get_message (rectify_document_draft_dialog_get_preview (dialog)));

  click (rectify_document_draft_dialog_get_issue_button (dialog));
  g_assert_nonnull (rectify_document_draft_dialog_get_message (dialog));
  g_assert_nonnull (strstr (rectify_document_draft_dialog_get_message (dialog), "Hazards"));
  g_assert_cmpuint (count_documents (&fixture), ==, before);
  /* Still open: the officer checks a hazard and issues. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  gtk_check_button_set_active (rectify_document_draft_dialog_get_hazard_check (dialog, fixture.hazard), TRUE);
  issue (dialog, fixture.unit_name);
  g_assert_cmpuint (count_documents (&fixture), ==, before + 1);
  fixture_close (&fixture);
}

/* The preview of a Chinese letter in a Chinese interface. */
static void
run_chinese (void)
{
  Fixture fixture = { 0 };
  RectifyDocumentDraftDialog *dialog;
  RectifyDocumentsPage *page;
  g_autofree char *text = NULL;

  g_assert_nonnull (g_getenv ("RECTIFY_LOCALEDIR"));
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  rectify_application_init_i18n ();
  fixture_make (&fixture, "FZ-0101");
  window_navigate (fixture.window, "documents");
  require_widget (GTK_WIDGET (fixture.window), match_label, "文书", "the page in the sidebar");
  page = documents_page (&fixture);
  {
    const char *kinds[] = { "监察指令书", "整改意见书", NULL };
    assert_columns_fit (page, kinds);
  }
  dialog = RECTIFY_DOCUMENT_DRAFT_DIALOG (rectify_documents_page_open_draft (page, fixture.unit));
  g_assert_true (gtk_widget_get_visible (rectify_document_draft_dialog_get_issue_button (dialog)));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (rectify_document_draft_dialog_get_issue_button (dialog))),
                   ==, "签发(_I)");
  require_widget (GTK_WIDGET (dialog), match_label, "整改措施和期限", "a wording part in Chinese");
  text = preview_text (rectify_document_draft_dialog_get_preview (dialog));
  g_assert_nonnull (strstr (text, "特种设备安全监察指令书"));
  g_assert_true (texture_has_ink (rectify_pdf_view_get_texture (rectify_document_draft_dialog_get_preview (dialog), 0)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_close (&fixture);
}

static void test_issue_save_void (void) { in_subprocess (run_issue_save_void); }
static void test_not_manager (void) { in_subprocess (run_not_manager); }
static void test_no_hazards (void) { in_subprocess (run_no_hazards); }
static void test_chinese (void) { in_subprocess (run_chinese); }

int
main (int   argc,
      char *argv[])
{
  rectify_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/documents-page/issue-save-void", test_issue_save_void);
  g_test_add_func ("/documents-page/not-manager", test_not_manager);
  g_test_add_func ("/documents-page/no-hazards", test_no_hazards);
  g_test_add_func ("/documents-page/chinese", test_chinese);

  return g_test_run ();
}
