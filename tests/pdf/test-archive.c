/* test-archive.c: the archive of the seed campaign, its manifest, verification, dossiers and the read-only campaign
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <poppler.h>
#include <string.h>
#include <sys/wait.h>

#include "pdf-test-util.h"
#include "rectify-archive.h"
#include "rectify-demo.h"
#include "rectify-pdf-archive.h"
#include "rectify-pdf-document.h"
#include "rectify-pdf-dossier.h"
#include "rectify-pdf-issue.h"
#include "rectify-schedule.h"
#include "rectify-store.h"
#include "rectify-workflow.h"
#include "rectify-validate.h"
#include "test-util.h"

typedef struct {
  char         *dir;
  char         *path;
  char         *archive;
  RectifyStore *store;
  gint64        campaign;
  gint64        photo_hazard;   /* has a JPEG, a PNG with alpha and a PDF as evidence */
  gint64        photo_unit;
  char         *photo_unit_code;
  char         *pdf_sha256;
  gint64        no_pdf_document;
} Seed;

static GBytes *
make_jpeg (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autoptr(GError) error = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3366CCFF);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "80", NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static cairo_status_t
append_png (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Half transparent: PDF/A-1b would fail on a soft mask */
static GBytes *
make_png_with_alpha (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 30);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 0.5);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static void
seed_open (Seed *t)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  const char pdf_text[] = "%PDF-1.4\n% evidence\n%%EOF\n";
  g_autoptr(GBytes) jpeg = make_jpeg ();
  g_autoptr(GBytes) png = make_png_with_alpha ();
  g_autoptr(GBytes) pdf = g_bytes_new_static (pdf_text, sizeof pdf_text - 1);
  RectifyNewAttachment attachments[] = {
    { "site-photo.jpg", "image/jpeg", jpeg },
    { "after-repair.png", "image/png", png },
    { "repair-report.pdf", "application/pdf", pdf },
  };
  const RectifyHazard *open = NULL;

  t->dir = g_dir_make_tmp ("rectify-archive-XXXXXX", &error);
  g_assert_no_error (error);
  t->path = g_build_filename (t->dir, "seed.db", NULL);
  t->archive = g_build_filename (t->dir, "archive", NULL);
  t->store = rectify_store_open (t->path, &error);
  g_assert_no_error (error);
  /* documents get their PDF only through the store's renderer, set before the demo issues them */
  rectify_pdf_set_store_renderer (t->store);
  t->campaign = rectify_demo_generate (t->store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  test_store_sign_in (t->store);
  g_assert_true (rectify_store_set_setting (t->store, "bureau-name", "福州市市场监督管理局", &error));

  q.campaign_id = t->campaign;
  hazards = rectify_store_list_hazards (t->store, &q, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hazards->len && !open; i++)
    if (((RectifyHazard *) g_ptr_array_index (hazards, i))->status != RECTIFY_HAZARD_CLOSED)
      open = g_ptr_array_index (hazards, i);
  g_assert_nonnull (open);
  t->photo_hazard = open->id;
  t->photo_unit = open->unit_id;
  g_assert_true (rectify_workflow_act (t->store, open->id, RECTIFY_ACTION_TRACK, RECTIFY_EVENT_TRACKING_RECTIFICATION,
                                       "2026-06-20", "现场拍照取证", attachments, G_N_ELEMENTS (attachments), &error));
  g_assert_no_error (error);
  t->pdf_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  {
    g_autoptr(RectifyUnit) unit = rectify_store_get_unit (t->store, t->photo_unit, &error);
    g_assert_no_error (error);
    t->photo_unit_code = g_strdup (unit->credit_code);
  }
  {
    g_autoptr(GPtrArray) officers = rectify_store_list_officers (t->store, &error);
    for (guint i = 0; i < officers->len; i++)
      if (((RectifyOfficer *) g_ptr_array_index (officers, i))->role == RECTIFY_ROLE_MANAGER)
        {
          g_assert_true (rectify_store_set_actor (t->store, ((RectifyOfficer *) g_ptr_array_index (officers, i))->id,
                                                  &error));
          break;
        }
    g_assert_cmpint (rectify_store_get_actor (t->store), >, 0);
  }
  test_store_set_up_bureau (t->store);
  /* a document issued while no renderer was set: listed as missing its PDF */
  rectify_store_set_document_renderer (t->store, NULL, NULL, NULL);
  t->no_pdf_document = rectify_store_issue_document (t->store, RECTIFY_DOCUMENT_RECTIFICATION_OPINION,
                                                     t->photo_unit, t->campaign, "2026-06-21",
                                                     &t->photo_hazard, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (t->no_pdf_document, >, 0);
  rectify_pdf_set_store_renderer (t->store);
}

static void
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

static void
seed_close (Seed *t)
{
  g_clear_object (&t->store);
  remove_tree (t->dir);
  g_free (t->dir);
  g_free (t->path);
  g_free (t->archive);
  g_free (t->photo_unit_code);
  g_free (t->pdf_sha256);
}

static RectifyCampaignStatus
campaign_status (Seed *t)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyCampaign) c = rectify_store_get_campaign (t->store, t->campaign, &error);
  g_assert_no_error (error);
  return c->status;
}

static void
write_archive (Seed *t, RectifyPdfLanguage language)
{
  g_autoptr(GError) error = NULL;
  RectifyPdfArchiveOptions options = { language, NULL, NULL, NULL, TRUE };

  g_assert_true (rectify_pdf_archive_write (t->store, t->campaign, t->archive, &options, NULL, &error));
  g_assert_no_error (error);
}

static GBytes *
read_bytes (const char *dir, const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

/* The problems of a verification as "kind path" lines. */
static char *
verify_text (const char *dir, guint *n_files)
{
  g_autoptr(GError) error = NULL;
  RectifyArchiveReport report = { 0 };
  GString *out = g_string_new (NULL);

  g_assert_true (rectify_archive_verify (dir, &report, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < report.problems->len; i++)
    {
      const RectifyArchiveProblem *p = g_ptr_array_index (report.problems, i);
      static const char *const kinds[] = { "missing", "changed", "extra" };
      g_string_append_printf (out, "%s %s\n", kinds[p->kind], p->path);
    }
  if (n_files)
    *n_files = report.n_files;
  rectify_archive_report_clear (&report);
  return g_string_free (out, FALSE);
}

static void
test_seed_archive (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) units = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_path = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  guint n_files = 0, n_stored = 0;
  Seed t = { 0 };

  seed_open (&t);
  units = rectify_archive_list_units (t.store, t.campaign, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, >, 10);
  write_archive (&t, RECTIFY_PDF_LANGUAGE_ZH_CN);

  problems = verify_text (t.archive, &n_files);
  g_assert_cmpstr (problems, ==, "");

  /* every issued document's stored PDF, byte for byte */
  q.campaign_id = t.campaign;
  docs = rectify_store_list_documents (t.store, &q, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < docs->len; i++)
    {
      const RectifyDocument *d = g_ptr_array_index (docs, i);
      g_autoptr(GBytes) stored = rectify_store_get_document_pdf (t.store, d->id, NULL, NULL);
      g_autofree char *relative = g_strdup_printf ("documents/%s.pdf", d->number);
      g_autofree char *path = g_build_filename (t.archive, relative, NULL);

      if (d->id == t.no_pdf_document)
        {
          g_assert_null (stored);
          g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
          continue;
        }
      g_assert_nonnull (stored);
      {
        g_autoptr(GBytes) written = read_bytes (t.archive, relative);
        g_assert_true (g_bytes_equal (stored, written));
      }
      n_stored++;
    }
  g_assert_cmpuint (n_stored, >, 0);
  /* dossiers, stored documents, summary.pdf and manifest.json */
  g_assert_cmpuint (n_files, ==, units->len + n_stored + 2);
  {
    g_autoptr(GBytes) summary = read_bytes (t.archive, "summary.pdf");
    g_autoptr(PopplerDocument) doc = open_pdf (summary);
    g_autofree char *text = all_text (doc);
    g_assert_nonnull (strstr (text, "工作总结"));
  }
  json_path = g_build_filename (t.archive, "manifest.json", NULL);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, &error));
  {
    g_autoptr(RectifyDocument) missing = rectify_store_get_document (t.store, t.no_pdf_document, &error);
    g_autofree char *entry = g_strdup_printf ("\"number\": \"%s\"", missing->number);
    g_assert_nonnull (strstr (json, "\"missing_pdf\""));
    g_assert_nonnull (strstr (json, entry));
    g_assert_nonnull (strstr (json, "\"summary.pdf\""));
  }

  /* the campaign is archived and read-only */
  g_assert_cmpint (campaign_status (&t), ==, RECTIFY_CAMPAIGN_ARCHIVED);
  {
    g_autoptr(RectifyInspection) in = rectify_inspection_new ();
    gint64 officers[] = { 1, 2 };
    in->campaign_id = t.campaign;
    in->unit_id = t.photo_unit;
    in->kind = RECTIFY_INSPECTION_BUREAU;
    in->date = g_strdup ("2026-06-25");
    g_array_append_vals (in->officer_ids, officers, 2);
    g_assert_cmpint (rectify_store_add_inspection (t.store, in, &error), ==, 0);
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
    g_assert_nonnull (strstr (error->message, "archived"));
    g_clear_error (&error);
  }
  {
    g_autoptr(RectifyHazard) h = rectify_store_get_hazard (t.store, t.photo_hazard, &error);
    g_autoptr(RectifyHazard) copy = rectify_store_get_hazard (t.store, t.photo_hazard, &error);
    g_autoptr(GPtrArray) before = rectify_store_list_hazard_events (t.store, t.photo_hazard, &error);
    g_autoptr(GPtrArray) after = NULL;

    g_assert_false (rectify_workflow_act (t.store, h->id, RECTIFY_ACTION_TRACK, RECTIFY_EVENT_TRACKING_SERVICE,
                                          "2026-06-26", "", NULL, 0, &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
    g_clear_error (&error);
    copy->id = 0;
    copy->inspection_id = 0;
    g_assert_cmpint (rectify_workflow_register (t.store, copy, NULL, &error), ==, 0);
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
    g_clear_error (&error);
    g_assert_cmpint (rectify_store_issue_document (t.store, RECTIFY_DOCUMENT_RECTIFICATION_OPINION, h->unit_id,
                                                   t.campaign, "2026-06-26", &h->id, 1, &error), ==, 0);
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
    g_clear_error (&error);
    /* nor without naming the campaign: the hazard's is archived */
    g_assert_cmpint (rectify_store_issue_document (t.store, RECTIFY_DOCUMENT_RECTIFICATION_OPINION, h->unit_id,
                                                   0, "2026-06-26", &h->id, 1, &error), ==, 0);
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
    g_clear_error (&error);
    g_assert_false (rectify_store_void_document (t.store, t.no_pdf_document, "wrong unit", &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
    g_clear_error (&error);
    g_assert_cmpint (rectify_store_schedule_visit (t.store, h->id, RECTIFY_VISIT_RE_INSPECTION, "2026-07-05", NULL,
                                                   &error), ==, 0);
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
    g_clear_error (&error);
    after = rectify_store_list_hazard_events (t.store, t.photo_hazard, &error);
    g_assert_cmpuint (after->len, ==, before->len);
  }
  {
    /* the campaign record itself stays as archived */
    g_autoptr(RectifyCampaign) c = rectify_store_get_campaign (t.store, t.campaign, &error);
    g_free (c->name);
    c->name = g_strdup ("renamed");
    g_assert_false (rectify_store_update_campaign (t.store, c, &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
    g_clear_error (&error);
  }
  {
    /* a second copy of an archived campaign is still possible */
    g_autofree char *again = g_build_filename (t.dir, "copy", NULL);
    RectifyPdfArchiveOptions options = { RECTIFY_PDF_LANGUAGE_EN, NULL, NULL, NULL, TRUE };
    g_autofree char *again_problems = NULL;
    g_assert_true (rectify_pdf_archive_write (t.store, t.campaign, again, &options, NULL, &error));
    g_assert_no_error (error);
    again_problems = verify_text (again, NULL);
    g_assert_cmpstr (again_problems, ==, "");
  }
  seed_close (&t);
}

static void
test_dossier_content (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyUnit) unit = NULL;
  g_autoptr(RectifyHazard) hazard = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *relative = NULL;
  guint n_images = 0;
  Seed t = { 0 };

  seed_open (&t);
  /* a voided document: the dossier says when and why */
  g_assert_true (rectify_store_void_document (t.store, t.no_pdf_document, "送达单位名称有误", &error));
  g_assert_no_error (error);
  write_archive (&t, RECTIFY_PDF_LANGUAGE_ZH_CN);
  unit = rectify_store_get_unit (t.store, t.photo_unit, &error);
  hazard = rectify_store_get_hazard (t.store, t.photo_hazard, &error);
  g_assert_no_error (error);
  relative = g_strdup_printf ("dossiers/%s.pdf", t.photo_unit_code);
  pdf = read_bytes (t.archive, relative);
  doc = open_pdf (pdf);
  text = all_text (doc);
  {
    const char *const wanted[] = { unit->name, "一、单位基本情况", unit->credit_code, "二、特种设备",
                                   "三、作业人员", "四、检查记录", "安全管理机构落实", "五、事故隐患及整改", hazard->content,
                                   "跟踪整改", "现场拍照取证", "site-photo.jpg", "after-repair.png",
                                   "repair-report.pdf", "六、下达的文书", NULL };
    assert_in_order (text, wanted);
  }
  /* the PDF evidence is listed with its hash, cut across lines in its cell */
  {
    g_autoptr(GString) squeezed = g_string_new (NULL);
    for (const char *p = text; *p; p++)
      if (!g_ascii_isspace (*p))
        g_string_append_c (squeezed, *p);
    g_assert_nonnull (strstr (squeezed->str, t.pdf_sha256));
    g_assert_nonnull (strstr (squeezed->str, "作废：送达单位名称有误"));
  }
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      GList *images = poppler_page_get_image_mapping (page);
      n_images += g_list_length (images);
      poppler_page_free_image_mapping (images);
    }
  /* the JPEG and the flattened PNG, not the PDF */
  g_assert_cmpuint (n_images, ==, 2);
  assert_fonts_embedded_and_subset (doc);
  assert_every_character_inks (doc);
  assert_pdfa_1b (pdf, "dossier-photos.pdf");
  seed_close (&t);
}

static void
test_dossier_english (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyUnit) unit = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  RectifyPdfDossierOptions options = { RECTIFY_PDF_LANGUAGE_EN, "Fuzhou Market Supervision Bureau" };
  Seed t = { 0 };

  seed_open (&t);
  unit = rectify_store_get_unit (t.store, t.photo_unit, &error);
  pdf = rectify_pdf_dossier_render (t.store, t.campaign, t.photo_unit, &options, &error);
  g_assert_no_error (error);
  doc = open_pdf (pdf);
  text = all_text (doc);
  /* English lines break at spaces */
  g_strdelimit (text, "\n", ' ');
  {
    const char *const wanted[] = { "Inspection Dossier", unit->name, "1. The unit", "2. Special equipment",
                                   "3. Equipment operators", "4. Inspections", "Safety management body set up", "5. Hazards",
                                   "Tracking rectification", "Evidence: site-photo.jpg", "6. Documents issued",
                                   "No stored PDF", NULL };
    assert_in_order (text, wanted);
  }
  assert_every_character_inks (doc);
  assert_pdfa_1b (pdf, "dossier-en.pdf");
  seed_close (&t);
}

/* ---- the dossiers as laid out, read back with poppler --------------------- */

static gboolean
is_heading (const char *text, RectifyPdfLanguage language)
{
  static const char *const zh[] = { "^[一二三四五六]、", "^（[一二三四五六七八九十0-9]+）", "^隐患[0-9]+：", NULL };
  static const char *const en[] = { "^[1-6]\\. [A-Z]", "^\\([0-9]+\\) ", "^Hazard [0-9]+: ", NULL };
  const char *const *patterns = language == RECTIFY_PDF_LANGUAGE_EN ? en : zh;

  for (guint i = 0; patterns[i]; i++)
    if (g_regex_match_simple (patterns[i], text, 0, 0))
      return TRUE;
  return FALSE;
}

/* A date cut over two lines leaves its start at the end of a line or
 * before the next cell: "2026年4月" then "14日", "14 April" then "2026". */
static gboolean
has_cut_date (const char *text, RectifyPdfLanguage language)
{
  if (language == RECTIFY_PDF_LANGUAGE_EN)
    return g_regex_match_simple ("\\b[0-9]{1,2} (January|February|March|April|May|June|July|August|September"
                                 "|October|November|December)(?! [0-9]{4})", text, 0, 0)
           || g_regex_match_simple ("^(January|February|March|April|May|June|July|August|September"
                                    "|October|November|December)? ?[0-9]{4}\\b", text, 0, 0);
  return g_regex_match_simple ("[0-9]{4}年(?:[0-9]{1,2}(?:月[0-9]{0,2})?)?(?=\\s|$)", text, 0, 0)
         || g_regex_match_simple ("^(?:[0-9]{0,2}月)?[0-9]{0,2}日(?=\\s|$)|^[0-9]{1,2}月", text, 0, 0);
}

/* One dossier checked page by page: no heading as the last line of a
 * page, an inspection's heading on the page of its whole checklist, no
 * date cut; and in the whole text the unit's equipment codes and
 * registration numbers unbroken, its operators with their licences, and
 * dates in the document's language. */
static void
check_dossier_layout (Seed *t, gint64 unit_id, RectifyPdfLanguage language, guint *n_operators, guint *n_carried)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyUnit) unit = rectify_store_get_unit (t->store, unit_id, &error);
  RectifyPdfDossierOptions options = { language, "福州市市场监督管理局" };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) equipment = NULL;
  g_autoptr(GPtrArray) operators = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) seen = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  gboolean en = language == RECTIFY_PDF_LANGUAGE_EN;
  const char *last_item = en ? "Plan drilled within a year" : "一年内开展预案演练";

  g_assert_no_error (error);
  pdf = rectify_pdf_dossier_render (t->store, t->campaign, unit_id, &options, &error);
  g_assert_no_error (error);
  {
    g_autofree char *name = g_strdup_printf ("dossier-%s-%s.pdf", unit->credit_code, en ? "en" : "zh");
    save_for_looking (pdf, name);
  }
  doc = open_pdf (pdf);
  text = all_text (doc);
  seen = g_string_new (NULL);
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, p);
      g_autoptr(GPtrArray) lines = visual_lines (page);

      for (guint i = 0; i < lines->len; i++)
        {
          const TextLine *l = g_ptr_array_index (lines, i);

          g_string_append_printf (seen, "%s\n", l->text->str);
          if (l->y1 < TOP_EDGE - 1 || l->y2 > BOTTOM_EDGE + 1)
            continue;
          if (has_cut_date (l->text->str, language))
            g_error ("%s, page %d: a date is cut: “%s”", unit->name, p + 1, l->text->str);
          if (!is_heading (l->text->str, language))
            continue;
          if (!text_below (lines, l))
            g_error ("%s, page %d: the heading “%s” is the last line of the page", unit->name, p + 1,
                     l->text->str);
          if (l->y1 < TOP_EDGE + 12 && p > 0)
            (*n_carried)++;
          /* an inspection's heading: its checklist to the last item below it */
          if (g_regex_match_simple (en ? "^\\([0-9]+\\) " : "^（", l->text->str, 0, 0))
            {
              const TextLine *item = NULL;
              for (guint k = 0; k < lines->len && !item; k++)
                {
                  const TextLine *c = g_ptr_array_index (lines, k);
                  if (c->y1 > l->y2 && strstr (c->text->str, last_item))
                    item = c;
                }
              if (item == NULL)
                g_error ("%s, page %d: the checklist of “%s” does not end on its page", unit->name, p + 1,
                         l->text->str);
            }
        }
    }

  q.unit_id = unit_id;
  equipment = rectify_store_list_equipment (t->store, &q, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < equipment->len; i++)
    {
      const RectifyEquipment *e = g_ptr_array_index (equipment, i);
      if (e->code && *e->code && !strstr (seen->str, e->code))
        g_error ("%s: the equipment code %s is cut:\n%s", unit->name, e->code, seen->str);
      if (e->reg_cert && *e->reg_cert && !strstr (seen->str, e->reg_cert))
        g_error ("%s: the registration number %s is cut:\n%s", unit->name, e->reg_cert, seen->str);
    }
  if (equipment->len > 0 && en)
    g_assert_nonnull (strstr (text, "Quantity"));

  operators = rectify_store_list_operators (t->store, &q, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, en ? "3. Equipment operators" : "三、作业人员"));
  if (operators->len == 0)
    g_assert_nonnull (strstr (text, en ? "no registered equipment operators" : "未登记特种设备作业人员"));
  for (guint i = 0; i < operators->len; i++)
    {
      const RectifyOperator *op = g_ptr_array_index (operators, i);
      /* the campaign ends on 2026-06-29 */
      const char *state = g_strcmp0 (op->cert_expiry, "2026-06-29") < 0 ? (en ? "Expired" : "已过期")
                                                                         : (en ? "Valid" : "有效");

      /* one row: name, licence number, what it licenses, until when and its state */
      {
        g_autofree char *until = rectify_pdf_format_date (op->cert_expiry, language);
        g_autofree char *row = g_strconcat (op->name, op->cert_no, op->cert_category, until, state, NULL);
        g_autoptr(GString) bare_row = g_string_new (row);
        g_autoptr(GString) bare = g_string_new (seen->str);
        g_string_replace (bare_row, " ", "", 0);
        g_string_replace (bare, " ", "", 0);
        if (!strstr (bare->str, bare_row->str))
          g_error ("%s: no row “%s” in\n%s", unit->name, row, seen->str);
      }
      /* no identity card number */
      if (op->id_number && *op->id_number)
        g_assert_null (strstr (text, op->id_number));
      (*n_operators)++;
    }
  if (operators->len > 0)
    g_assert_nonnull (strstr (text, en ? "Licences as of 29 June 2026" : "持证状态截至2026年6月29日"));

  /* dates in the document's language: no stored form left */
  if (g_regex_match_simple ("[0-9]{4}-[0-9]{2}-[0-9]{2}", text, 0, 0))
    g_error ("%s: a date is printed as stored:\n%s", unit->name, text);
  g_assert_nonnull (strstr (text, en ? "(22 March 2026 to 29 June 2026)" : "（2026年3月22日至2026年6月29日）"));
}

static void
test_dossier_layout (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) units = NULL;
  guint n_operators = 0, n_carried = 0;
  Seed t = { 0 };

  seed_open (&t);
  units = rectify_archive_list_units (t.store, t.campaign, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < units->len; i++)
    {
      check_dossier_layout (&t, g_array_index (units, gint64, i), RECTIFY_PDF_LANGUAGE_ZH_CN, &n_operators, &n_carried);
      check_dossier_layout (&t, g_array_index (units, gint64, i), RECTIFY_PDF_LANGUAGE_EN, &n_operators, &n_carried);
    }
  /* the seed has operators at one unit in three, one licence expired */
  g_assert_cmpuint (n_operators, >=, 10);
  /* headings that went to the next page with what follows them */
  g_assert_cmpuint (n_carried, >, 0);
  seed_close (&t);
}

static GBytes *
make_big_jpeg (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 4000, 3000);
  g_autoptr(GError) error = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3366CCFF);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "95", NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

/* A big screenshot-like PNG, half transparent red: reduced too, onto white. */
static GBytes *
make_big_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2400, 3200);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 0.5);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

/* The pixel of a page rendered at 1 pixel a point, at x, y points. */
static guint32
page_pixel (PopplerPage *page, double x, double y)
{
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint32 pixel;

  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) w, (int) h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel = *(guint32 *) (cairo_image_surface_get_data (surface) + (int) y * cairo_image_surface_get_stride (surface)
                        + (int) x * 4);
  cairo_surface_destroy (surface);
  return pixel & 0xFFFFFF;
}

static gboolean
near_colour (guint32 pixel, guint32 wanted)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((pixel >> shift) & 0xFF) - (int) ((wanted >> shift) & 0xFF)) > 12)
      return FALSE;
  return TRUE;
}

static void
test_dossier_big_photos (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = make_big_jpeg ();
  g_autoptr(GBytes) png = make_big_png ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) events = NULL;
  RectifyNewAttachment attachments[] = {
    { "phone-photo.jpg", "image/jpeg", jpeg },
    { "screenshot.png", "image/png", png },
  };
  RectifyPdfDossierOptions options = { RECTIFY_PDF_LANGUAGE_ZH_CN, NULL };
  guint n_images = 0, n_reduced = 0, n_stored = 0;
  gboolean blue = FALSE, pink = FALSE;
  Seed t = { 0 };

  seed_open (&t);
  g_assert_true (rectify_workflow_act (t.store, t.photo_hazard, RECTIFY_ACTION_TRACK,
                                       RECTIFY_EVENT_TRACKING_RECTIFICATION, "2026-06-22", "手机拍摄的整改照片",
                                       attachments, G_N_ELEMENTS (attachments), &error));
  g_assert_no_error (error);
  pdf = rectify_pdf_dossier_render (t.store, t.campaign, t.photo_unit, &options, &error);
  g_assert_no_error (error);
  /* the two big ones cost far less than their bytes */
  g_assert_cmpuint (g_bytes_get_size (pdf), <, (g_bytes_get_size (jpeg) + g_bytes_get_size (png)) / 2);
  doc = open_pdf (pdf);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      GList *images = poppler_page_get_image_mapping (page);
      double page_w, page_h;

      poppler_page_get_size (page, &page_w, &page_h);
      for (GList *l = images; l; l = l->next)
        {
          const PopplerImageMapping *m = l->data;
          cairo_surface_t *image = poppler_page_get_image (page, m->image_id);
          int w = cairo_image_surface_get_width (image);
          int h = cairo_image_surface_get_height (image);
          /* the mapping's area is in points from the top left */
          guint32 pixel = page_pixel (page, (m->area.x1 + m->area.x2) / 2, (m->area.y1 + m->area.y2) / 2);

          n_images++;
          g_assert_cmpint (MAX (w, h), <=, RECTIFY_PDF_IMAGE_MAX_PIXELS);
          if (MAX (w, h) > 1000)
            {
              n_reduced++;
              /* still the photograph: blue, or the red half over white */
              blue = blue || near_colour (pixel, 0x3366CC);
              pink = pink || near_colour (pixel, 0xE58C8C);
              /* the aspect is kept */
              g_assert_cmpfloat (fabs ((double) w / h - (m->area.x2 - m->area.x1) / (m->area.y2 - m->area.y1)), <,
                                 0.01);
            }
          cairo_surface_destroy (image);
        }
      poppler_page_free_image_mapping (images);
    }
  /* the small JPEG and PNG of the seed, the two big ones reduced */
  g_assert_cmpuint (n_images, ==, 4);
  g_assert_cmpuint (n_reduced, ==, 2);
  g_assert_true (blue);
  g_assert_true (pink);
  assert_every_character_inks (doc);
  assert_pdfa_1b (pdf, "dossier-big-photos.pdf");

  /* the attachments in the database are the originals, byte for byte */
  events = rectify_store_list_hazard_events (t.store, t.photo_hazard, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      const RectifyHazardEvent *e = g_ptr_array_index (events, i);
      for (guint k = 0; e->attachments && k < e->attachments->len; k++)
        {
          const RectifyAttachment *listed = g_ptr_array_index (e->attachments, k);
          g_autoptr(RectifyAttachment) a = rectify_store_get_attachment (t.store, listed->id, &error);
          g_assert_no_error (error);
          GBytes *original = g_strcmp0 (a->filename, "phone-photo.jpg") == 0 ? jpeg
                             : g_strcmp0 (a->filename, "screenshot.png") == 0 ? png : NULL;
          if (original != NULL)
            {
              g_assert_true (g_bytes_equal (a->data, original));
              n_stored++;
            }
        }
    }
  g_assert_cmpuint (n_stored, ==, 2);
  seed_close (&t);
}

/* A 60 × 40 JPEG, red on its left half and blue on its right, tagged EXIF
 * Orientation 6 (turn 90° clockwise to view): upright it is 40 × 60 with
 * the red half on top.  gdk-pixbuf writes no EXIF, so the APP1 segment is
 * put in by hand right after the SOI marker. */
static GBytes *
make_oriented_jpeg (void)
{
  static const guint8 app1[] = {
    0xFF, 0xE1, 0x00, 0x22,                         /* APP1, 34 bytes long */
    'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,   /* big-endian TIFF, IFD0 at 8 */
    0x00, 0x01,                                     /* one entry: */
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, /* Orientation, one SHORT, */
    0x00, 0x06, 0x00, 0x00,                         /* = 6 */
    0x00, 0x00, 0x00, 0x00,                         /* no next IFD */
  };
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 60, 40);
  g_autoptr(GdkPixbuf) left = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *buffer = NULL;
  gsize size = 0;
  GByteArray *jpeg = g_byte_array_new ();

  gdk_pixbuf_fill (pixbuf, 0x0000FFFF);
  left = gdk_pixbuf_new_subpixbuf (pixbuf, 0, 0, 30, 40);
  gdk_pixbuf_fill (left, 0xFF0000FF);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "95", NULL));
  g_assert_no_error (error);
  g_byte_array_append (jpeg, (const guint8 *) buffer, 2);
  g_byte_array_append (jpeg, app1, sizeof app1);
  g_byte_array_append (jpeg, (const guint8 *) buffer + 2, size - 2);
  return g_byte_array_free_to_bytes (jpeg);
}

/* A phone's portrait photo is printed upright: small enough to go in as it
 * is, it is still turned (and so encoded again); the stored bytes are not. */
static void
test_dossier_oriented_photo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = make_oriented_jpeg ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) events = NULL;
  RectifyNewAttachment attachment = { "portrait.jpg", "image/jpeg", jpeg };
  RectifyPdfDossierOptions options = { RECTIFY_PDF_LANGUAGE_ZH_CN, NULL };
  guint n_portrait = 0, n_stored = 0;
  Seed t = { 0 };

  seed_open (&t);
  g_assert_true (rectify_workflow_act (t.store, t.photo_hazard, RECTIFY_ACTION_TRACK,
                                       RECTIFY_EVENT_TRACKING_RECTIFICATION, "2026-06-22", "竖拍的整改照片",
                                       &attachment, 1, &error));
  g_assert_no_error (error);
  pdf = rectify_pdf_dossier_render (t.store, t.campaign, t.photo_unit, &options, &error);
  g_assert_no_error (error);
  doc = open_pdf (pdf);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      GList *images = poppler_page_get_image_mapping (page);

      for (GList *l = images; l; l = l->next)
        {
          const PopplerImageMapping *m = l->data;
          cairo_surface_t *image = poppler_page_get_image (page, m->image_id);
          int w = cairo_image_surface_get_width (image);
          int h = cairo_image_surface_get_height (image);

          /* the seed's photos are landscape; 40 × 60 is this one */
          if (w == 40 && h == 60)
            {
              const guint8 *data = cairo_image_surface_get_data (image);
              int stride = cairo_image_surface_get_stride (image);
              guint32 top = *(const guint32 *) (data + 15 * stride + 20 * 4) & 0xFFFFFF;
              guint32 bottom = *(const guint32 *) (data + 45 * stride + 20 * 4) & 0xFFFFFF;

              n_portrait++;
              g_assert_true (near_colour (top, 0xFF0000));
              g_assert_true (near_colour (bottom, 0x0000FF));
              /* laid out portrait too */
              g_assert_cmpfloat (m->area.y2 - m->area.y1, >, m->area.x2 - m->area.x1);
            }
          g_assert_false (w == 60 && h == 40);
          cairo_surface_destroy (image);
        }
      poppler_page_free_image_mapping (images);
    }
  g_assert_cmpuint (n_portrait, ==, 1);
  assert_pdfa_1b (pdf, "dossier-oriented-photo.pdf");

  events = rectify_store_list_hazard_events (t.store, t.photo_hazard, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      const RectifyHazardEvent *e = g_ptr_array_index (events, i);
      for (guint k = 0; e->attachments && k < e->attachments->len; k++)
        {
          const RectifyAttachment *listed = g_ptr_array_index (e->attachments, k);
          g_autoptr(RectifyAttachment) a = rectify_store_get_attachment (t.store, listed->id, &error);
          g_assert_no_error (error);
          if (g_strcmp0 (a->filename, "portrait.jpg") == 0)
            {
              g_assert_true (g_bytes_equal (a->data, jpeg));
              n_stored++;
            }
        }
    }
  g_assert_cmpuint (n_stored, ==, 1);
  seed_close (&t);
}

static void
set_bytes (const char *path, GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
}

static char *
run_cli_verify (const char *dir, int *status)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("RECTIFY_CLI"), "verify", dir, NULL };
  char *out = NULL;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, status, &error);
  g_assert_no_error (error);
  return out;
}

static void
test_verify_finds_changes (void)
{
  g_autofree char *relative = NULL;
  g_autofree char *path = NULL;
  g_autofree char *extra = NULL;
  g_autoptr(GBytes) original = NULL;
  Seed t = { 0 };
  int status;

  seed_open (&t);
  write_archive (&t, RECTIFY_PDF_LANGUAGE_ZH_CN);
  relative = g_strdup_printf ("dossiers/%s.pdf", t.photo_unit_code);
  path = g_build_filename (t.archive, relative, NULL);
  original = read_bytes (t.archive, relative);
  {
    g_autofree char *out = run_cli_verify (t.archive, &status);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "archive intact"));
  }

  /* one byte changed, same size */
  {
    GByteArray *changed = g_byte_array_new ();
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *problems = NULL;
    g_autofree char *expected = g_strdup_printf ("changed %s\n", relative);

    g_byte_array_append (changed, g_bytes_get_data (original, NULL), g_bytes_get_size (original));
    changed->data[changed->len / 2] ^= 0x01;
    bytes = g_byte_array_free_to_bytes (changed);
    set_bytes (path, bytes);
    problems = verify_text (t.archive, NULL);
    g_assert_cmpstr (problems, ==, expected);
    {
      g_autofree char *out = run_cli_verify (t.archive, &status);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
      g_assert_nonnull (strstr (out, relative));
    }
    set_bytes (path, original);
  }
  /* one file deleted */
  {
    g_autofree char *problems = NULL;
    g_autofree char *expected = g_strdup_printf ("missing %s\n", relative);
    g_assert_cmpint (g_unlink (path), ==, 0);
    problems = verify_text (t.archive, NULL);
    g_assert_cmpstr (problems, ==, expected);
    set_bytes (path, original);
  }
  /* one file added */
  {
    g_autofree char *problems = NULL;
    g_autoptr(GBytes) note = g_bytes_new_static ("added later", 11);
    extra = g_build_filename (t.archive, "documents", "note.txt", NULL);
    set_bytes (extra, note);
    problems = verify_text (t.archive, NULL);
    g_assert_cmpstr (problems, ==, "extra documents/note.txt\n");
    {
      g_autofree char *out = run_cli_verify (t.archive, &status);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (out, "documents/note.txt"));
    }
    g_unlink (extra);
  }
  /* manifest.json is checked like any file */
  {
    g_autofree char *json = g_build_filename (t.archive, "manifest.json", NULL);
    g_autoptr(GBytes) blank = g_bytes_new_static ("{}", 2);
    g_autofree char *problems = NULL;
    set_bytes (json, blank);
    problems = verify_text (t.archive, NULL);
    g_assert_cmpstr (problems, ==, "changed manifest.json\n");
  }
  seed_close (&t);
}

static void
test_existing_folder_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  RectifyPdfArchiveOptions options = { RECTIFY_PDF_LANGUAGE_ZH_CN, NULL, NULL, NULL, TRUE };
  g_autofree char *missing_parent = NULL;
  Seed t = { 0 };

  seed_open (&t);
  g_assert_cmpint (g_mkdir (t.archive, 0755), ==, 0);
  g_assert_false (rectify_pdf_archive_write (t.store, t.campaign, t.archive, &options, NULL, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO);
  g_assert_nonnull (strstr (error->message, t.archive));
  g_clear_error (&error);
  dir = g_dir_open (t.archive, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
  g_assert_cmpint (campaign_status (&t), ==, RECTIFY_CAMPAIGN_ACTIVE);

  /* a folder whose parent does not exist */
  missing_parent = g_build_filename (t.dir, "no", "such", "archive", NULL);
  g_assert_false (rectify_pdf_archive_write (t.store, t.campaign, missing_parent, &options, NULL, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpint (campaign_status (&t), ==, RECTIFY_CAMPAIGN_ACTIVE);
  seed_close (&t);
}

typedef struct {
  GCancellable *cancellable;
  guint         calls;
} CancelAt;

static void
cancel_on_third (guint done, guint total, const char *current, gpointer user_data)
{
  CancelAt *c = user_data;
  if (++c->calls == 3)
    g_cancellable_cancel (c->cancellable);
}

static void
test_cancelled_leaves_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *partial = NULL;
  CancelAt at = { cancellable, 0 };
  RectifyPdfArchiveOptions options = { RECTIFY_PDF_LANGUAGE_ZH_CN, NULL, cancel_on_third, &at, TRUE };
  Seed t = { 0 };

  seed_open (&t);
  partial = g_strconcat (t.archive, ".partial", NULL);
  g_assert_false (rectify_pdf_archive_write (t.store, t.campaign, t.archive, &options, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (at.calls, ==, 3);
  g_assert_false (g_file_test (t.archive, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpint (campaign_status (&t), ==, RECTIFY_CAMPAIGN_ACTIVE);
  seed_close (&t);
}

/* A digest of every row of every table, read through a connection of its
 * own: equal digests mean an unchanged database (the fixture asks the
 * backend). */
static char *
db_digest (const char *path)
{
  return test_store_checksum (path);
}

typedef struct {
  Seed  *t;
  guint  calls;
  char  *digest;   /* of the database right after the other program's write */
} WriteDuring;

/* Between the first and the second dossier, another program (a connection
 * of its own, as on another workstation) records a tracking event. */
static void
write_on_first (guint done, guint total, const char *current, gpointer user_data)
{
  WriteDuring *w = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) other = NULL;

  if (++w->calls != 1)
    return;
  other = rectify_store_open (w->t->path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_store_set_actor (other, rectify_store_get_actor (w->t->store), &error));
  g_assert_true (rectify_workflow_act (other, w->t->photo_hazard, RECTIFY_ACTION_TRACK,
                                       RECTIFY_EVENT_TRACKING_SERVICE, "2026-06-29", "另一工作站的技术服务",
                                       NULL, 0, &error));
  g_assert_no_error (error);
  g_clear_object (&other);
  w->digest = db_digest (w->t->path);
}

static void
test_changed_while_archiving (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) events_before = NULL;
  g_autoptr(GPtrArray) events_after = NULL;
  Seed t = { 0 };
  WriteDuring w = { &t, 0, NULL };
  RectifyPdfArchiveOptions options = { RECTIFY_PDF_LANGUAGE_ZH_CN, NULL, write_on_first, &w, TRUE };

  seed_open (&t);
  partial = g_strconcat (t.archive, ".partial", NULL);
  events_before = rectify_store_list_hazard_events (t.store, t.photo_hazard, &error);
  g_assert_no_error (error);
  before = db_digest (t.path);

  g_assert_false (rectify_pdf_archive_write (t.store, t.campaign, t.archive, &options, NULL, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, "changed while it was being archived"));
  g_assert_nonnull (strstr (error->message, "archive it again"));
  g_clear_error (&error);
  /* the write was made while the archive was being written, not after it */
  g_assert_cmpuint (w.calls, >, 1);
  g_assert_nonnull (w.digest);
  g_assert_cmpstr (w.digest, !=, before);

  g_assert_false (g_file_test (t.archive, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpint (campaign_status (&t), ==, RECTIFY_CAMPAIGN_ACTIVE);
  /* the other program's event stays, and nothing else changed */
  after = db_digest (t.path);
  g_assert_cmpstr (after, ==, w.digest);
  events_after = rectify_store_list_hazard_events (t.store, t.photo_hazard, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events_after->len, ==, events_before->len + 1);

  /* archived again with nobody writing: it succeeds, with the new event in the dossier */
  options.progress = NULL;
  write_archive (&t, RECTIFY_PDF_LANGUAGE_ZH_CN);
  g_assert_cmpint (campaign_status (&t), ==, RECTIFY_CAMPAIGN_ARCHIVED);
  {
    g_autofree char *problems = verify_text (t.archive, NULL);
    g_autofree char *relative = g_strdup_printf ("dossiers/%s.pdf", t.photo_unit_code);
    g_autoptr(GBytes) pdf = read_bytes (t.archive, relative);
    g_autoptr(PopplerDocument) doc = open_pdf (pdf);
    g_autofree char *text = all_text (doc);
    g_assert_cmpstr (problems, ==, "");
    g_assert_nonnull (strstr (text, "另一工作站的技术服务"));
  }
  g_free (w.digest);
  seed_close (&t);
}

/* A campaign archived before its last day or with hazards not cancelled
 * is refused, nothing written, until the user confirms it; the refusal
 * names the hazards. */
static void
test_unfinished_needs_confirmation (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *unfinished = NULL;
  g_autoptr(GPtrArray) open = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  RectifyPdfArchiveOptions options = { RECTIFY_PDF_LANGUAGE_ZH_CN, NULL, NULL, NULL, FALSE };
  TestDb db = { 0 };
  Seed t = { 0 };

  seed_open (&t);
  db.path = t.path;
  partial = g_strconcat (t.archive, ".partial", NULL);
  q.campaign_id = t.campaign;
  q.status = RECTIFY_HAZARD_RECTIFYING;
  open = rectify_store_list_hazards (t.store, &q, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, >, 0);

  unfinished = rectify_archive_check_finished (t.store, t.campaign, &error);
  g_assert_no_error (error);
  g_assert_nonnull (unfinished);
  {
    const RectifyHazard *h = g_ptr_array_index (open, 0);
    g_autofree char *number = g_strdup_printf ("no. %" G_GINT64_FORMAT ", %s", h->id, h->unit_name);
    g_assert_nonnull (strstr (unfinished, number));
  }

  before = test_db_fingerprint (&db);
  g_assert_false (rectify_pdf_archive_write (t.store, t.campaign, t.archive, &options, NULL, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_UNCONFIRMED);
  g_assert_nonnull (strstr (error->message, unfinished));
  g_clear_error (&error);
  after = test_db_fingerprint (&db);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (t.archive, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpint (campaign_status (&t), ==, RECTIFY_CAMPAIGN_ACTIVE);

  /* before its last day, even with every hazard closed */
  {
    g_autoptr(RectifyCampaign) c = rectify_store_get_campaign (t.store, t.campaign, &error);
    g_autofree char *today = NULL;
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    today = rectify_date_add_days (c->start_date, 10);
    g_setenv ("RECTIFY_TODAY", today, TRUE);
    text = rectify_archive_check_finished (t.store, t.campaign, &error);
    g_unsetenv ("RECTIFY_TODAY");
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "The campaign runs until"));
  }

  /* confirmed: archived, and an archived campaign is finished */
  options.force = TRUE;
  g_assert_true (rectify_pdf_archive_write (t.store, t.campaign, t.archive, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (campaign_status (&t), ==, RECTIFY_CAMPAIGN_ARCHIVED);
  g_clear_pointer (&unfinished, g_free);
  unfinished = rectify_archive_check_finished (t.store, t.campaign, &error);
  g_assert_no_error (error);
  g_assert_null (unfinished);
  seed_close (&t);
}

static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *problems = NULL;
  Seed t = { 0 };
  int status;

  seed_open (&t);
  campaign = g_strdup_printf ("%" G_GINT64_FORMAT, t.campaign);
  {
    /* hazards of the seed are still open: refused until --force confirms it */
    const char *argv[] = { g_getenv ("RECTIFY_CLI"), "--db", t.path, "--as", "FZ-0101", "archive", "--campaign", campaign,
                           "-o", t.archive, "--language", "en", NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
    g_assert_nonnull (strstr (err, "the campaign is not finished"));
    g_assert_nonnull (strstr (err, "not cancelled yet"));
    g_assert_nonnull (strstr (err, "--force"));
    g_assert_false (g_file_test (t.archive, G_FILE_TEST_EXISTS));
    g_assert_cmpint (campaign_status (&t), ==, RECTIFY_CAMPAIGN_ACTIVE);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { g_getenv ("RECTIFY_CLI"), "--db", t.path, "--as", "FZ-0101", "archive", "--campaign", campaign,
                           "-o", t.archive, "--language", "en", "--force", NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "Archive written to"));
    /* progress goes to stderr, ending with the last step */
    g_assert_nonnull (strstr (err, "dossiers/"));
  }
  problems = verify_text (t.archive, NULL);
  g_assert_cmpstr (problems, ==, "");
  g_assert_cmpint (campaign_status (&t), ==, RECTIFY_CAMPAIGN_ARCHIVED);
  {
    /* the folder exists now: refused, exit 1 */
    const char *argv[] = { g_getenv ("RECTIFY_CLI"), "--db", t.path, "--as", "FZ-0101", "archive", "--campaign", campaign,
                           "-o", t.archive, NULL };
    g_clear_pointer (&err, g_free);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
    g_assert_nonnull (strstr (err, "already exists"));
  }
  {
    /* without a folder, verify still checks the audit chain */
    const char *argv[] = { g_getenv ("RECTIFY_CLI"), "--db", t.path, "verify", NULL };
    g_clear_pointer (&out, g_free);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "audit chain intact"));
  }
  seed_close (&t);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/archive/seed", test_seed_archive);
  g_test_add_func ("/archive/dossier-content", test_dossier_content);
  g_test_add_func ("/archive/dossier-english", test_dossier_english);
  g_test_add_func ("/archive/dossier-layout", test_dossier_layout);
  g_test_add_func ("/archive/dossier-big-photos", test_dossier_big_photos);
  g_test_add_func ("/archive/dossier-oriented-photo", test_dossier_oriented_photo);
  g_test_add_func ("/archive/verify-finds-changes", test_verify_finds_changes);
  g_test_add_func ("/archive/existing-folder-refused", test_existing_folder_refused);
  g_test_add_func ("/archive/cancelled-leaves-nothing", test_cancelled_leaves_nothing);
  g_test_add_func ("/archive/changed-while-archiving", test_changed_while_archiving);
  g_test_add_func ("/archive/unfinished-needs-confirmation", test_unfinished_needs_confirmation);
  g_test_add_func ("/archive/cli", test_cli);
  return g_test_run ();
}
