/* test-pdf-summary.c: the campaign work summary read back with poppler and checked by PDFBox Preflight
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "pdf-test-util.h"
#include "rectify-demo.h"
#include "rectify-pdf-document.h"
#include "rectify-pdf-error.h"
#include "rectify-pdf-summary.h"
#include "rectify-store.h"
#include "test-util.h"

typedef struct {
  char         *dir;
  char         *path;
  RectifyStore *store;
  gint64        campaign;
} SeedDb;

static void
seed_open (SeedDb *t)
{
  g_autoptr(GError) error = NULL;

  t->dir = g_dir_make_tmp ("rectify-summary-XXXXXX", &error);
  g_assert_no_error (error);
  t->path = g_build_filename (t->dir, "seed.db", NULL);
  t->store = rectify_store_open (t->path, &error);
  g_assert_no_error (error);
  t->campaign = rectify_demo_generate (t->store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  test_store_sign_in (t->store);
  g_assert_true (rectify_store_set_setting (t->store, "bureau-name", "福州市市场监督管理局", &error));
  g_assert_no_error (error);
}

static void
seed_close (SeedDb *t)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&t->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (t->path, suffixes[i], NULL);
      g_unlink (p);
    }
  g_rmdir (t->dir);
  g_free (t->path);
  g_free (t->dir);
}

/* Text with every run of white space made one space (or none, for
 * Chinese), since justified lines break anywhere. */
static char *
squeeze (const char *text, gboolean keep_spaces)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && keep_spaces && out->len)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static GBytes *
render (SeedDb *t, const char *as_of, RectifyPdfLanguage language)
{
  g_autoptr(GError) error = NULL;
  RectifyPdfSummaryOptions options = { language, NULL };
  GBytes *pdf = rectify_pdf_summary_render (t->store, t->campaign, as_of, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

/* Pixels of the bar colour on a page: the charts are drawn, not blank. */
static guint
chart_pixels (PopplerDocument *doc, int index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, index);
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n = 0;

  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) w, (int) h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < (int) h; y++)
    for (int x = 0; x < (int) w; x++)
      {
        guint32 px = *(guint32 *) (cairo_image_surface_get_data (surface)
                                   + y * cairo_image_surface_get_stride (surface) + x * 4) & 0xFFFFFF;
        int r = px >> 16, g = (px >> 8) & 0xFF, b = px & 0xFF;
        if (abs (r - 0x34) < 12 && abs (g - 0x65) < 12 && abs (b - 0xA4) < 12)
          n++;
      }
  cairo_surface_destroy (surface);
  return n;
}

static void
assert_vector_charts (PopplerDocument *doc)
{
  guint bar_pixels = 0;

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      GList *images = poppler_page_get_image_mapping (page);
      /* no picture anywhere: the charts are paths */
      g_assert_null (images);
      bar_pixels += chart_pixels (doc, i);
    }
  g_assert_cmpuint (bar_pixels, >, 1000);
}

static void
test_summary_zh (void)
{
  SeedDb t;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  const char *const wanted[] = {
    "2026年特种设备百日安全行动工作总结", "福州市市场监督管理局", "截至2026年6月29日",
    "一、加强领导，精心部署", "成立了以林建华为组长", "陈志强为副组长",
    "二、严格执法检查，排查安全隐患", "企业自查23次", "监督检查45次", "“回头看”17次", "235人次",
    "每周检查次数",
    "重点行业（医疗、电力）", "重点环节（使用环节）", "重点区域（人员密集公共场所）", "覆盖率",
    "（三）隐患排查与治理相结合", "已整改销号4处，正在整改1处，其中逾期未整改1处",
    "三、取得的工作成效",
    "共出动执法人员235人次", "检查特种设备使用单位62次（45家）", "检查各类特种设备（含气瓶）279台次",
    "排查出安全隐患5处", "下达安全监察指令书2份", "提出整改意见书3份",
    "已整改完成4处", "整改率80%", "逾期未整改的隐患1处",
    "设备类别", "锅炉43", "电梯86", /* numbers right-aligned: poppler reads the row figures first */ "2795合计",
    "隐患累计发现与整改", "隐患按设备类别",
    "四、检查发现的问题", "安全隐患共5处", "一是超期未检2处", "二是变更后未及时办理登记变更1处", "隐患按类别",
    "五、下一步工作重点", "回头看", NULL
  };

  seed_open (&t);
  pdf = render (&t, NULL, RECTIFY_PDF_LANGUAGE_ZH_CN);
  doc = open_pdf (pdf);
  raw = all_text (doc);
  text = squeeze (raw, FALSE);
  assert_in_order (text, wanted);
  /* page numbers on every page */
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 2);
  for (int i = 1; i <= poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *number = g_strdup_printf ("—%d—", i);
      g_assert_nonnull (strstr (text, number));
    }
  assert_fonts_embedded_and_subset (doc);
  assert_every_character_inks (doc);
  assert_vector_charts (doc);
  assert_pdfa_1b (pdf, "summary-zh.pdf");
  seed_close (&t);
}

/* Under the subtitle, in small type, where the audit chain stood: the
 * first 8 hex digits of its head's hash and the head's row (issue 12). */
static void
test_summary_fingerprint (void)
{
  const RectifyPdfLanguage languages[] = { RECTIFY_PDF_LANGUAGE_ZH_CN, RECTIFY_PDF_LANGUAGE_EN };
  const char *const labels[] = { "审计链", "Audit chain" };
  SeedDb t;

  seed_open (&t);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(PopplerDocument) doc = NULL;
      g_autoptr(PopplerPage) page = NULL;
      g_autofree char *hash = NULL;
      g_autofree char *text = NULL;
      g_autofree char *wanted = NULL;
      g_autofree char *subtitle_first = NULL;
      gint64 id = 0;

      g_assert_true (rectify_store_get_audit_head (t.store, &id, &hash, &error));
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      pdf = render (&t, NULL, languages[i]);
      doc = open_pdf (pdf);
      page = poppler_document_get_page (doc, 0);
      text = poppler_page_get_text (page);
      wanted = g_strdup_printf ("%s %.8s · %" G_GINT64_FORMAT, labels[i], hash, id);
      g_test_message ("%s", wanted);
      g_assert_nonnull (strstr (text, wanted));
      /* under the subtitle and before the first section */
      subtitle_first = g_strdup (i == 0 ? "截至" : "as of");
      g_assert_true (strstr (text, subtitle_first) < strstr (text, wanted));
      g_assert_true (strstr (text, wanted) < strstr (text, i == 0 ? "一、" : "1. Leadership"));
    }
  seed_close (&t);
}

static void
test_summary_en (void)
{
  SeedDb t;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  const char *const wanted[] = {
    "Work Summary:", "1. Leadership and deployment", "headed by 林建华",
    "2. Inspection and law enforcement", "23 self-inspections", "45 inspections and 17 back-checks",
    "Inspections per week", "key industries (医疗, 电力)", "Coverage of key industries and areas",
    "2.3 Finding and rectifying hazards", "4 hazards had been rectified and cancelled and 1 was being rectified",
    "3. Results", "By 29 June 2026", "deployed 235 law-enforcement officer person-times",
    "inspected units using special equipment 62 times (45 units)",
    "checked special equipment (gas cylinders included) 279 times", "found 5 safety hazards",
    "issued 2 safety supervision instruction letters and 3 rectification opinions",
    "Of the 5 hazards found, 4 have been rectified: a rectification rate of 80%",
    "Equipment category",
    "Hazards found and rectified, cumulative", "Hazards by equipment category",
    "4. Problems found", "Periodic inspection overdue, 2", "Hazards by category",
    "5. Next steps", NULL
  };

  seed_open (&t);
  pdf = render (&t, NULL, RECTIFY_PDF_LANGUAGE_EN);
  doc = open_pdf (pdf);
  raw = all_text (doc);
  text = squeeze (raw, TRUE);
  assert_in_order (text, wanted);
  g_assert_nonnull (strstr (text, "Page 1 of"));
  {
    /* table cells, wherever the page breaks fall */
    g_autofree char *packed = squeeze (raw, FALSE);
    g_assert_nonnull (strstr (packed, "Elevator860"));
    g_assert_nonnull (strstr (packed, "Total2795"));
  }
  assert_every_character_inks (doc);
  assert_vector_charts (doc);
  assert_pdfa_1b (pdf, "summary-en.pdf");
  seed_close (&t);
}

/* Before the first inspection: zeros in the sentences, no error. */
/* The rows of the page inside the text block that have ink, at 1 pixel a point. */
static gboolean *
inked_rows (PopplerPage *page)
{
  cairo_surface_t *surface = render_page (page, 1.0);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  gboolean *rows = g_new0 (gboolean, height);

  for (int y = (int) TOP_EDGE; y < (int) BOTTOM_EDGE && y < height; y++)
    for (int x = (int) LEFT_EDGE; x < (int) RIGHT_EDGE && x < width && !rows[y]; x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + x * 4) & 0xFFFFFF;
        rows[y] = ((px >> 16) & 0xFF) < 200 || ((px >> 8) & 0xFF) < 200 || (px & 0xFF) < 200;
      }
  cairo_surface_destroy (surface);
  return rows;
}

static gboolean
summary_heading (const char *text, RectifyPdfLanguage language)
{
  /* and the sentence that announces the table */
  if (language == RECTIFY_PDF_LANGUAGE_EN)
    return g_regex_match_simple ("^[1-5]\\.(?:[0-9])? [A-Z]|by equipment category:$", text, 0, 0);
  return g_regex_match_simple ("^(?:[一二三四五]、|（[一二三四五六七八九]）)|见下表。$", text, 0, 0);
}

/* The summary as laid out: no heading as a page's last line; no third of
 * the text block left blank on a page that goes on (before a chart that
 * did not fit); it ends with the bureau's name centred over the date, the
 * date four characters in from the right, nothing after them. */
static void
check_summary_layout (SeedDb *t, RectifyPdfLanguage language)
{
  gboolean en = language == RECTIFY_PDF_LANGUAGE_EN;
  const double em = en ? 12 : 14;
  const char *date_text = en ? "29 June 2026" : "2026年6月29日";
  g_autoptr(GBytes) pdf = render (t, NULL, language);
  g_autoptr(PopplerDocument) doc = open_pdf (pdf);
  int n_pages = poppler_document_get_n_pages (doc);
  guint n_headings = 0;

  save_for_looking (pdf, en ? "summary-layout-en.pdf" : "summary-layout-zh.pdf");
  for (int p = 0; p < n_pages; p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, p);
      g_autoptr(GPtrArray) lines = visual_lines (page);
      g_autofree gboolean *rows = inked_rows (page);
      int blank = 0, widest = 0, last_ink = (int) TOP_EDGE;

      for (guint i = 0; i < lines->len; i++)
        {
          const TextLine *l = g_ptr_array_index (lines, i);
          if (l->y1 < TOP_EDGE - 1 || l->y2 > BOTTOM_EDGE + 1 || !summary_heading (l->text->str, language))
            continue;
          n_headings++;
          if (!text_below (lines, l))
            g_error ("page %d: the heading “%s” is the last line of the page", p + 1, l->text->str);
        }
      /* blank bands between ink, and at the foot of a page that goes on */
      for (int y = (int) TOP_EDGE; y < (int) BOTTOM_EDGE; y++)
        if (rows[y])
          {
            widest = MAX (widest, blank);
            blank = 0;
            last_ink = y;
          }
        else
          blank++;
      if (p < n_pages - 1)
        widest = MAX (widest, (int) BOTTOM_EDGE - last_ink);
      if (widest > (BOTTOM_EDGE - TOP_EDGE) / 3)
        g_error ("page %d: %d points of the text block left blank", p + 1, widest);

      if (p == n_pages - 1)
        {
          const TextLine *date = NULL, *bureau = NULL;
          for (guint i = 0; i < lines->len; i++)
            {
              const TextLine *l = g_ptr_array_index (lines, i);
              if (g_str_equal (l->text->str, date_text))
                date = l;
              else if (g_str_equal (l->text->str, "福州市市场监督管理局"))
                bureau = l;
            }
          g_assert_nonnull (date);
          g_assert_nonnull (bureau);
          g_assert_cmpfloat (bureau->y2, <=, date->y1 + 1);
          g_assert_cmpfloat (date->y1 - bureau->y2, <, 2 * em);
          g_assert_cmpfloat_with_epsilon ((bureau->x1 + bureau->x2) / 2, (date->x1 + date->x2) / 2, 1.5);
          g_assert_cmpfloat_with_epsilon (RIGHT_EDGE - date->x2, 4 * em, 1.5);
          /* the last thing in the text block */
          for (guint i = 0; i < lines->len; i++)
            {
              const TextLine *l = g_ptr_array_index (lines, i);
              if (l != date && l->y1 > date->y2 && l->y2 < BOTTOM_EDGE + 1)
                g_error ("“%s” follows the date", l->text->str);
            }
        }
    }
  g_assert_cmpuint (n_headings, >=, 8);
}

static void
test_summary_layout (void)
{
  SeedDb t;

  seed_open (&t);
  check_summary_layout (&t, RECTIFY_PDF_LANGUAGE_ZH_CN);
  check_summary_layout (&t, RECTIFY_PDF_LANGUAGE_EN);
  seed_close (&t);
}

static void
test_summary_before_start (void)
{
  SeedDb t;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  const char *const wanted[] = {
    "截至2026年1月1日", "共出动执法人员0人次", "检查特种设备使用单位0次（0家）", NULL
  };

  seed_open (&t);
  pdf = render (&t, "2026-01-01", RECTIFY_PDF_LANGUAGE_ZH_CN);
  doc = open_pdf (pdf);
  raw = all_text (doc);
  text = squeeze (raw, FALSE);
  /* 279 is not there: nothing was checked yet */
  g_assert_null (strstr (text, "279"));
  g_assert_nonnull (strstr (text, wanted[0]));
  g_assert_nonnull (strstr (text, wanted[1]));
  g_assert_nonnull (strstr (text, wanted[2]));
  g_assert_nonnull (strstr (text, "排查出安全隐患0处"));
  g_assert_nonnull (strstr (text, "尚未排查出安全隐患"));
  g_assert_nonnull (strstr (text, "检查未发现安全隐患"));
  assert_every_character_inks (doc);
  seed_close (&t);
}

/* What people wrote replaces the default wording of its section. */
static void
test_summary_narrative (void)
{
  SeedDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  RectifySummaryNarrative n = { "局长亲自挂帅，召开动员部署会议。", "通过媒体和现场督查告知检查内容。",
                                "继续建立健全特种设备监管长效机制。" };
  const char *const wanted[] = {
    "一、加强领导，精心部署", "局长亲自挂帅，召开动员部署会议。",
    "二、严格执法检查，排查安全隐患", "通过媒体和现场督查告知检查内容。",
    "五、下一步工作重点", "继续建立健全特种设备监管长效机制。", NULL
  };

  seed_open (&t);
  g_assert_true (rectify_summary_set_narrative (t.store, t.campaign, &n, &error));
  g_assert_no_error (error);
  pdf = render (&t, NULL, RECTIFY_PDF_LANGUAGE_ZH_CN);
  doc = open_pdf (pdf);
  raw = all_text (doc);
  text = squeeze (raw, FALSE);
  assert_in_order (text, wanted);
  /* the default deployment sentence gave way */
  g_assert_null (strstr (text, "成立了以林建华为组长"));
  seed_close (&t);
}

static char *
run_cli (const char *const *args, int *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("RECTIFY_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, status,
                &error);
  g_assert_no_error (error);
  return out;
}

static void
test_summary_cli (void)
{
  SeedDb t;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;
  int status = 0;

  seed_open (&t);
  g_clear_object (&t.store);
  pdf_path = g_build_filename (t.dir, "summary.pdf", NULL);
  campaign = g_strdup_printf ("%" G_GINT64_FORMAT, t.campaign);
  {
    const char *args[] = { "--db", t.path, "pdf", "summary", "--campaign", campaign, "--as-of", "2026-06-29",
                           "--language", "en", "-o", pdf_path, NULL };
    g_autofree char *out = run_cli (args, &status);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_true (g_file_get_contents (pdf_path, &data, &size, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), size);
    g_autoptr(PopplerDocument) doc = open_pdf (bytes);
    g_autofree char *raw = all_text (doc);
    g_autofree char *text = squeeze (raw, TRUE);
    g_assert_nonnull (strstr (text, "deployed 235 law-enforcement officer person-times"));
  }
  g_unlink (pdf_path);
  {
    /* a language it does not know is a usage error (2), and no file */
    const char *args[] = { "--db", t.path, "pdf", "summary", "--campaign", campaign, "--language", "fr",
                           "-o", pdf_path, NULL };
    g_autofree char *out = run_cli (args, &status);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
    g_assert_false (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
  }
  {
    /* an unknown campaign fails (1), and no file */
    const char *args[] = { "--db", t.path, "pdf", "summary", "--campaign", "99", "-o", pdf_path, NULL };
    g_autofree char *out = run_cli (args, &status);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_false (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
  }
  seed_close (&t);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/summary/zh", test_summary_zh);
  g_test_add_func ("/pdf/summary/en", test_summary_en);
  g_test_add_func ("/pdf/summary/fingerprint", test_summary_fingerprint);
  g_test_add_func ("/pdf/summary/layout", test_summary_layout);
  g_test_add_func ("/pdf/summary/before-start", test_summary_before_start);
  g_test_add_func ("/pdf/summary/narrative", test_summary_narrative);
  g_test_add_func ("/pdf/summary/cli", test_summary_cli);
  return g_test_run ();
}
