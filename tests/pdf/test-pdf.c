/* test-pdf.c: the PDF engine and the letters, read back with poppler and checked by PDFBox Preflight
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <math.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>
#include <sys/wait.h>

#include "rectify-demo.h"
#include "rectify-pdf-document.h"
#include "rectify-pdf-error.h"
#include "rectify-pdf-font.h"
#include "rectify-pdf-issue.h"
#include "rectify-pdf-letter.h"
#include "rectify-pdf-text.h"
#include "rectify-pdf-void-copy.h"
#include "rectify-store.h"
#include "pdf-test-util.h"
#include "test-util.h"


static const RectifyPdfHazard zh_hazards[] = {
  { "2号电梯（注册代码31103506002016053337）定期检验超期未检，仍在使用。",
    "《中华人民共和国特种设备安全法》第四十条",
    "立即停止使用，向检验机构申请定期检验，检验合格后方可使用。", "2026-07-15" },
  { "锅炉房作业人员无证上岗\t（Boiler operator without licence）。\r\n现场\x01未见\u200B操作证。",
    "《特种设备安全法》第十四条",
    "安排持证人员作业，组织作业人员参加培训考核。", "2026-07-31" },
};

static const RectifyPdfHazard en_hazards[] = {
  { "Elevator No. 2 (registration code 31103506002016053337) at the power plant (电厂) overdue for its periodic inspection and still in use.",
    "Article 40, Special Equipment Safety Law",
    "Stop using it at once and apply for the periodic inspection.", "2026-07-15" },
};

static RectifyPdfLetter
zh_letter (void)
{
  RectifyPdfLetter l = { RECTIFY_PDF_LETTER_INSTRUCTION, RECTIFY_PDF_LANGUAGE_ZH_CN,
                         "福州市市场监督管理局", "林建华", "X市监特指〔2026〕7号",
                         "福州市第一人民医院（Fuzhou No. 1 Hospital）", "2026-06-30",
                         zh_hazards, G_N_ELEMENTS (zh_hazards), NULL, NULL };
  return l;
}

static RectifyPdfLetter
en_letter (void)
{
  RectifyPdfLetter l = { RECTIFY_PDF_LETTER_OPINION, RECTIFY_PDF_LANGUAGE_EN,
                         "Fuzhou Market Supervision Administration", "Lin Jianhua", "X市监特整〔2026〕3号",
                         "Minjiang Power Plant", "2026-06-30",
                         en_hazards, G_N_ELEMENTS (en_hazards), NULL, NULL };
  return l;
}

/* ---- line breaking -------------------------------------------------------- */

/* Every character one unit wide, but ASCII half a unit. */
static double
unit_width (gunichar c, gpointer user_data)
{
  return c < 0x80 ? 0.5 : 1.0;
}

static char *
line_text (const char *text, const RectifyPdfLine *line)
{
  return g_strndup (text + line->start, line->end - line->start);
}

static void
assert_lines_keep_rules (const char *text, double width)
{
  g_autoptr(GArray) lines = rectify_pdf_break_lines (text, width, width, unit_width, NULL);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);

  g_assert_cmpuint (lines->len, >, 0);
  for (guint i = 0; i < lines->len; i++)
    {
      const RectifyPdfLine *line = &g_array_index (lines, RectifyPdfLine, i);
      g_autofree char *s = line_text (text, line);

      if (*s)
        {
          gunichar first = g_utf8_get_char (s);
          gunichar last = g_utf8_get_char (g_utf8_prev_char (s + strlen (s)));
          if (i > 0 && rectify_pdf_is_line_start_forbidden (first))
            g_error ("width %.1f: line %u starts with closing punctuation: “%s”", width, i, s);
          if (i + 1 < lines->len && !line->last && rectify_pdf_is_line_end_forbidden (last))
            g_error ("width %.1f: line %u ends with an opening bracket: “%s”", width, i, s);
          /* wider than asked only by closing punctuation hanging past the end */
          {
            double w = line->width;
            for (const char *e = s + strlen (s); e > s; e = g_utf8_prev_char (e))
              {
                gunichar c = g_utf8_get_char (g_utf8_prev_char (e));
                if (!rectify_pdf_is_line_start_forbidden (c))
                  break;
                w -= unit_width (c, NULL);
              }
            if (w > width + 1e-9)
              g_error ("width %.1f: line %u is %.1f wide: “%s”", width, i, line->width, s);
          }
        }
      g_string_append (joined, s);
    }
  /* nothing lost but the spaces at the breaks */
  for (const char *p = text; *p; p++)
    if (*p != ' ')
      g_string_append_c (expected, *p);
  g_string_replace (joined, " ", "", 0);
  g_assert_cmpstr (joined->str, ==, expected->str);
}

static void
test_break_no_closing_punctuation_at_start (void)
{
  /* 9 ideographs then a comma: at width 9 the comma may not open line 2 */
  const char *text = "特种设备安全监察指，书面报告本局。";
  g_autoptr(GArray) lines = rectify_pdf_break_lines (text, 9, 9, unit_width, NULL);
  g_autofree char *first = line_text (text, &g_array_index (lines, RectifyPdfLine, 0));
  g_autofree char *second = line_text (text, &g_array_index (lines, RectifyPdfLine, 1));

  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (first, ==, "特种设备安全监察");
  g_assert_cmpstr (second, ==, "指，书面报告本局。");
  g_assert_false (rectify_pdf_is_line_start_forbidden (g_utf8_get_char (second)));
}

static void
test_break_no_opening_bracket_at_end (void)
{
  /* at width 5 the bracket would end line 1: it moves down with what it opens */
  const char *text = "依据规定（第四十条）执行";
  g_autoptr(GArray) lines = rectify_pdf_break_lines (text, 5, 5, unit_width, NULL);
  g_autofree char *first = line_text (text, &g_array_index (lines, RectifyPdfLine, 0));
  g_autofree char *second = line_text (text, &g_array_index (lines, RectifyPdfLine, 1));
  g_autofree char *third = line_text (text, &g_array_index (lines, RectifyPdfLine, 2));

  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpstr (first, ==, "依据规定");
  g_assert_cmpstr (second, ==, "（第四十");
  g_assert_cmpstr (third, ==, "条）执行");
}

static void
test_break_english_words (void)
{
  const char *text = "Special equipment safety law";
  /* nine ASCII characters a line */
  g_autoptr(GArray) lines = rectify_pdf_break_lines (text, 4.5, 4.5, unit_width, NULL);
  const char *want[] = { "Special", "equipment", "safety", "law" };

  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *s = line_text (text, &g_array_index (lines, RectifyPdfLine, i));
      g_assert_cmpstr (s, ==, want[i]);
    }
  g_assert_true (g_array_index (lines, RectifyPdfLine, lines->len - 1).last);
}

static void
test_break_mixed (void)
{
  const char *texts[] = {
    "锅炉房作业人员无证上岗（Boiler operator without licence），责令改正。请于2026年7月15日前完成整改，并将“整改报告”报送本局。",
    "依据《中华人民共和国特种设备安全法》第五十七条、第六十一条的规定，现责令你单位按上表所列措施改正！逾期未改正的，本局将依法处理……",
    "Elevator No. 2 (registration code 31103506002016053337) overdue; 电梯（注册代码）超期。「引号」『书名』〔2026〕7号",
    "，。、；：？！）」』》〕",
  };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (double w = 2; w <= 30; w += 0.5)
      assert_lines_keep_rules (texts[t], w);
}

static void
test_break_newlines_and_first_width (void)
{
  const char *text = "第一行\n第二行很长很长很长";
  g_autoptr(GArray) lines = rectify_pdf_break_lines (text, 3, 4, unit_width, NULL);

  g_assert_cmpuint (lines->len, ==, 4);
  g_assert_true (g_array_index (lines, RectifyPdfLine, 0).last);
  g_assert_cmpfloat (g_array_index (lines, RectifyPdfLine, 1).width, ==, 4);
  g_assert_cmpfloat (g_array_index (lines, RectifyPdfLine, 3).width, ==, 1);
}

/* Dates, numbers and articles are never cut, and count whole as the
 * narrowest width a table column may have. */
static void
test_break_keeps_tokens (void)
{
  const char *const texts[] = {
    "整改期限2026年12月15日前", "依据第3.6条规定", "依据第六十二条规定", "by 15 December 2026 at", "under Article 62 of",
    "代码31103506002016053337的电梯", "X市监特指〔2026〕4号文", "登记证梯11闽A00112(23)的电梯",
    "certificate 容11闽A00110(21) of", NULL,
  };
  const char *const tokens[] = {
    "2026年12月15日", "第3.6条", "第六十二条", "15 December 2026", "Article 62",
    "31103506002016053337", "〔2026〕4号", "梯11闽A00112(23)", "容11闽A00110(21)", NULL,
  };

  for (guint t = 0; texts[t]; t++)
    {
      double token_width = 0;

      for (const char *p = tokens[t]; *p; p = g_utf8_next_char (p))
        token_width += unit_width (g_utf8_get_char (p), NULL);
      g_assert_cmpfloat_with_epsilon (rectify_pdf_widest_unbreakable (texts[t], unit_width, NULL),
                                      token_width, 1e-9);
      /* at every width that holds the token, no line cuts it */
      for (double width = token_width; width < token_width + 6; width += 0.5)
        {
          g_autoptr(GArray) lines = rectify_pdf_break_lines (texts[t], width, width, unit_width, NULL);
          gboolean whole = FALSE;
          for (guint i = 0; i < lines->len; i++)
            {
              g_autofree char *s = line_text (texts[t], &g_array_index (lines, RectifyPdfLine, i));
              whole = whole || strstr (s, tokens[t]) != NULL;
            }
          if (!whole)
            g_error ("width %.1f: “%s” is cut in “%s”", width, tokens[t], texts[t]);
        }
    }
}

/* ---- keeping lines together -------------------------------------------- */

#define KEEP_LEADING 20.0

static const RectifyPdfStyle keep_body
    = { RECTIFY_PDF_FONT_BODY, 12, KEEP_LEADING, 0, 0, 0, RECTIFY_PDF_ALIGN_LEFT, 0, 0, 0 };
static const RectifyPdfStyle keep_heading
    = { RECTIFY_PDF_FONT_HEADING, 14, KEEP_LEADING, 0, 0, 0, RECTIFY_PDF_ALIGN_LEFT, 0, 0, 0, TRUE };

/* A new document with room for lines lines of KEEP_LEADING on its first page. */
static RectifyPdfDocument *
doc_with_room (guint lines)
{
  g_autoptr(GError) error = NULL;
  RectifyPdfDocument *doc = rectify_pdf_document_new (NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (rectify_pdf_document_paragraph (doc, &keep_body, "上文", &error));
  rectify_pdf_document_space (doc, rectify_pdf_document_get_text_height (doc) - rectify_pdf_document_get_cursor (doc)
                                       - lines * KEEP_LEADING - 1);
  return doc;
}

/* The text of each page, spaces and newlines dropped; doc is finished and freed. */
static GPtrArray *
page_texts (RectifyPdfDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rectify_pdf_document_finish (doc, &error);
  g_autoptr(PopplerDocument) pdf = NULL;
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  rectify_pdf_document_free (doc);
  pdf = open_pdf (bytes);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      GString *bare = g_string_new (NULL);
      for (const char *c = text; *c; c++)
        if (!g_ascii_isspace (*c))
          g_string_append_c (bare, *c);
      g_ptr_array_add (pages, g_string_free (bare, FALSE));
    }
  return pages;
}

static guint
count_in (const char *text, const char *needle)
{
  guint n = 0;
  for (const char *at = strstr (text, needle); at; at = strstr (at + strlen (needle), needle))
    n++;
  return n;
}

/* A paragraph never leaves its first line alone at a page's foot nor its
 * last alone at the next page's top. */
static void
test_document_orphans (void)
{
  const struct
  {
    guint room, lines, on_first; /* lines that fit, lines of the paragraph, lines left on page 1 */
  } cases[] = {
    { 1, 5, 0 }, /* the first line would be alone: all go on */
    { 4, 5, 3 }, /* the last would be alone: two go on */
    { 2, 3, 0 }, /* two and a widow: all go on */
    { 1, 1, 1 }, /* a single line stays */
    { 5, 5, 5 }, /* it fits */
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(RectifyPdfDocument) doc = doc_with_room (cases[c].room);
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GPtrArray) pages = NULL;
      guint on_first = 0;

      for (guint i = 0; i < cases[c].lines; i++)
        g_string_append_printf (text, "%s第%c行", i ? "\n" : "", 'A' + i);
      g_assert_true (rectify_pdf_document_paragraph (doc, &keep_body, text->str, &error));
      g_assert_no_error (error);
      pages = page_texts (g_steal_pointer (&doc));
      for (guint i = 0; i < cases[c].lines; i++)
        {
          g_autofree char *line = g_strdup_printf ("第%c行", 'A' + i);
          on_first += strstr (g_ptr_array_index (pages, 0), line) != NULL;
        }
      if (on_first != cases[c].on_first)
        g_error ("room %u, %u lines: %u on the first page, not %u", cases[c].room, cases[c].lines, on_first,
                 cases[c].on_first);
      g_assert_cmpuint (pages->len, ==, cases[c].on_first == cases[c].lines ? 1 : 2);
    }
}

/* A heading with keep_with_next goes to the next page with what does not
 * start below it: a paragraph's lines, or a table's header and first row,
 * the header then printed once. */
static void
test_document_keep_with_next (void)
{
  static const double widths[] = { 1, 2 };
  static const char *const header[] = { "项目", "内容" };
  static const char *const cells[] = { "第一行", "甲\n乙\n丙", "第二行", "丁" };
  const RectifyPdfTable table = { 2, widths, header, cells, 2, &keep_body, &keep_body, NULL };
  g_autoptr(GError) error = NULL;

  /* heading and paragraph: the paragraph's two lines do not fit under it */
  {
    g_autoptr(RectifyPdfDocument) doc = doc_with_room (2);
    g_autoptr(GPtrArray) pages = NULL;

    g_assert_true (rectify_pdf_document_paragraph (doc, &keep_heading, "一、标题", &error));
    g_assert_true (rectify_pdf_document_paragraph (doc, &keep_body, "正文甲\n正文乙", &error));
    g_assert_no_error (error);
    pages = page_texts (g_steal_pointer (&doc));
    g_assert_cmpuint (pages->len, ==, 2);
    g_assert_null (strstr (g_ptr_array_index (pages, 0), "一、标题"));
    g_assert_true (g_str_has_prefix (g_ptr_array_index (pages, 1), "一、标题正文甲正文乙"));
  }
  /* two headings and a paragraph that fits: nothing moves */
  {
    g_autoptr(RectifyPdfDocument) doc = doc_with_room (4);
    g_autoptr(GPtrArray) pages = NULL;

    g_assert_true (rectify_pdf_document_paragraph (doc, &keep_heading, "一、标题", &error));
    g_assert_true (rectify_pdf_document_paragraph (doc, &keep_heading, "（一）小标题", &error));
    g_assert_true (rectify_pdf_document_paragraph (doc, &keep_body, "正文甲\n正文乙", &error));
    g_assert_no_error (error);
    pages = page_texts (g_steal_pointer (&doc));
    g_assert_cmpuint (pages->len, ==, 1);
  }
  /* heading and table: room for the header and one line, the first row has three */
  {
    g_autoptr(RectifyPdfDocument) doc = doc_with_room (4);
    g_autoptr(GPtrArray) pages = NULL;

    g_assert_true (rectify_pdf_document_paragraph (doc, &keep_heading, "二、表格", &error));
    g_assert_true (rectify_pdf_document_table (doc, &table, &error));
    g_assert_no_error (error);
    pages = page_texts (g_steal_pointer (&doc));
    g_assert_cmpuint (pages->len, ==, 2);
    g_assert_null (strstr (g_ptr_array_index (pages, 0), "二、表格"));
    g_assert_null (strstr (g_ptr_array_index (pages, 0), "项目"));
    g_assert_true (g_str_has_prefix (g_ptr_array_index (pages, 1), "二、表格"));
    g_assert_cmpuint (count_in (g_ptr_array_index (pages, 1), "项目"), ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (pages, 1), "第二行"));
  }
}

/* A table whose dates and codes do not all fit at its size is set a
 * little smaller rather than cutting one. */
static void
test_document_table_shrinks (void)
{
  static const double widths[] = { 1, 1, 1, 1, 1, 1 };
  static const char *const header[] = { "A", "B", "C", "D", "E", "F" };
  static const char *const cells[] = { "311035014211", "311035014212", "311035014213",
                                       "311035014214", "311035014215", "311035014216" };
  RectifyPdfStyle cell = keep_body;
  const RectifyPdfTable table = { 6, widths, header, cells, 1, &cell, &cell, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyPdfDocument) doc = rectify_pdf_document_new (NULL, NULL, &error);
  g_autoptr(GPtrArray) pages = NULL;
  double one_row;

  g_assert_no_error (error);
  cell.size = 11;
  cell.leading = 16;
  /* 6 × 12 digits at 11 pt do not fit in 156 mm; at 0.88 of it they do */
  one_row = rectify_pdf_document_measure_table (doc, &table);
  g_assert_cmpfloat (one_row, <, 2 * (2 * 4 + 16));
  g_assert_true (rectify_pdf_document_table (doc, &table, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (rectify_pdf_document_get_cursor (doc), one_row, 0.01);
  pages = page_texts (g_steal_pointer (&doc));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_assert_nonnull (strstr (g_ptr_array_index (pages, 0), cells[i]));
}

static void
test_letter_zh (void)
{
  RectifyPdfLetter letter = zh_letter ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rectify_pdf_letter_render (&letter, &error);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *keywords = NULL;
  const char *const order[] = {
    "福州市市场监督管理局", "X市监特指〔2026〕7号", "特种设备安全监察指令书",
    "福州市第一人民医院（Fuzhou No. 1 Hospital）：", "经依法监督检查", "存在的问题", "违反的规定",
    "依据《中华人民共和国特种设备安全法》第六十二条", "31日前改正", "行政复议",
    "2026年6月30日", "签收人（签字）", NULL
  };

  g_assert_no_error (error);
  save_for_looking (bytes, "letter-zh.pdf");
  doc = open_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  text = all_text (doc);
  assert_in_order (text, order);
  g_assert_nonnull (strstr (text, "定期检验超期"));
  g_assert_nonnull (strstr (text, "Boiler"));
  /* 签发人 heads documents sent upward, not a letter to a company */
  g_assert_null (strstr (text, "签发人"));
  g_assert_null (strstr (text, "第五十七条"));
  /* the number in the header of page 2 and on the receipt, the page numbers */
  g_assert_nonnull (strstr (text, "文书编号：X市监特指〔2026〕7号"));
  g_assert_nonnull (strstr (text, "— 2 —"));

  title = poppler_document_get_title (doc);
  author = poppler_document_get_author (doc);
  keywords = poppler_document_get_keywords (doc);
  g_assert_cmpstr (title, ==, "特种设备安全监察指令书");
  g_assert_cmpstr (author, ==, "福州市市场监督管理局");
  g_assert_cmpstr (keywords, ==, "X市监特指〔2026〕7号");

  assert_fonts_embedded_and_subset (doc);
  assert_every_character_inks (doc);
  /* subset fonts keep the file small */
  g_assert_cmpuint (g_bytes_get_size (bytes), <, 120 * 1024);
}

/* The font a page's text at the first occurrence of needle is set in. */
static char *
font_of_text (PopplerDocument *doc, const char *needle)
{
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      const char *at = strstr (text, needle);
      GList *attrs;
      char *font = NULL;
      glong offset;

      if (at == NULL)
        continue;
      offset = g_utf8_pointer_to_offset (text, at);
      attrs = poppler_page_get_text_attributes (page);
      for (GList *l = attrs; l && font == NULL; l = l->next)
        {
          PopplerTextAttributes *a = l->data;
          if (a->start_index <= offset && offset <= a->end_index)
            font = g_strdup (a->font_name);
        }
      poppler_page_free_text_attributes (attrs);
      return font;
    }
  return NULL;
}

/* A bureau's machine with a 仿宋 installed sets the body of its letters in
 * it.  The test makes one: a fontconfig of its own, in a child process,
 * that gives WenQuanYi Micro Hei the family name FangSong when it scans
 * the fonts (Debian has no simplified-Chinese FangSong). */
static void
test_letter_fangsong_installed (void)
{
  if (g_test_subprocess ())
    {
      RectifyPdfLetter letter = zh_letter ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(PopplerDocument) doc = NULL;
      g_autofree char *body = NULL;
      g_autofree char *issuer = NULL;

      g_assert_cmpstr (rectify_pdf_font_resolve (RECTIFY_PDF_FONT_BODY, NULL), ==, "FangSong");
      bytes = rectify_pdf_letter_render (&letter, &error);
      g_assert_no_error (error);
      doc = open_pdf (bytes);
      body = font_of_text (doc, "经依法监督检查");
      g_assert_nonnull (body);
      g_assert_nonnull (strstr (body, "WenQuanYi"));
      assert_fonts_embedded_and_subset (doc);
      assert_every_character_inks (doc);
      return;
    }
  else
    {
      g_autofree char *dir = g_dir_make_tmp ("rectify-fonts-XXXXXX", NULL);
      g_autofree char *conf = g_build_filename (dir, "fonts.conf", NULL);
      g_autofree char *cache = g_build_filename (dir, "cache", NULL);
      g_autofree char *xml = g_strdup_printf (
          "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
          "  <dir>/usr/share/fonts/truetype/arphic</dir>\n"
          "  <dir>/usr/share/fonts/truetype/wqy</dir>\n"
          "  <dir>/usr/share/fonts/truetype/dejavu</dir>\n"
          "  <cachedir>%s</cachedir>\n"
          "  <match target=\"scan\">\n"
          "    <test name=\"family\"><string>WenQuanYi Micro Hei</string></test>\n"
          "    <edit name=\"family\" mode=\"prepend\"><string>FangSong</string></edit>\n"
          "  </match>\n</fontconfig>\n",
          cache);
      g_autofree char *old = g_strdup (g_getenv ("FONTCONFIG_FILE"));
      g_autofree char *body = NULL;
      RectifyPdfLetter letter = zh_letter ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(PopplerDocument) doc = NULL;

      g_assert_true (g_file_set_contents (conf, xml, -1, NULL));
      g_setenv ("FONTCONFIG_FILE", conf, TRUE);
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      if (old)
        g_setenv ("FONTCONFIG_FILE", old, TRUE);
      else
        g_unsetenv ("FONTCONFIG_FILE");
      g_unlink (conf);
      test_db_remove_dir (cache);
      g_rmdir (dir);
      g_test_trap_assert_passed ();

      /* and without it, the body stays in AR PL UMing */
      bytes = rectify_pdf_letter_render (&letter, &error);
      g_assert_no_error (error);
      doc = open_pdf (bytes);
      body = font_of_text (doc, "经依法监督检查");
      g_assert_nonnull (body);
      g_assert_nonnull (strstr (body, "UMing"));
    }
}

/* One font file chosen under two of its names (Preferences offers both
 * "文泉驿微米黑" and "WenQuanYi Micro Hei") is embedded once, and every
 * character of the letter still shows. */
static void
test_letter_one_font_two_names (void)
{
  RectifyPdfLetter letter = zh_letter ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;

  letter.body_font = "文泉驿微米黑";
  letter.heading_font = "WenQuanYi Micro Hei";
  bytes = rectify_pdf_letter_render (&letter, &error);
  g_assert_no_error (error);
  doc = open_pdf (bytes);
  text = all_text (doc);
  g_assert_nonnull (strstr (text, "经依法监督检查"));
  g_assert_nonnull (strstr (text, "特种设备安全监察指令书"));
  body = font_of_text (doc, "经依法监督检查");
  g_assert_nonnull (strstr (body, "WenQuanYi"));
  assert_fonts_embedded_and_subset (doc);
  assert_every_character_inks (doc);
}

static void
test_letter_en (void)
{
  RectifyPdfLetter letter = en_letter ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rectify_pdf_letter_render (&letter, &error);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *subject = NULL;
  const char *const order[] = {
    "Fuzhou Market Supervision", "X市监特整〔2026〕3号", "Special Equipment Safety Rectification",
    "Minjiang Power Plant:", "An inspection by this bureau", "Problem found",
    "Please rectify these hazards", "Fuzhou Market Supervision Administration", "30 June 2026", NULL
  };

  g_assert_no_error (error);
  save_for_looking (bytes, "letter-en.pdf");
  doc = open_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 1);
  text = all_text (doc);
  assert_in_order (text, order);
  g_assert_nonnull (strstr (text, "RECEIPT"));
  g_assert_nonnull (strstr (text, "15 July"));
  /* an opinion does not order, nor list remedies */
  g_assert_null (strstr (text, "reconsideration"));
  subject = poppler_document_get_subject (doc);
  g_assert_cmpstr (subject, ==, "Special Equipment Safety Rectification Opinion: Minjiang Power Plant");
  assert_fonts_embedded_and_subset (doc);
  assert_every_character_inks (doc);
}

/* ---- layout read back ------------------------------------------------------ */

/* The box of the red ink below y_from on the page, in points; FALSE when none. */
static gboolean
red_box (PopplerPage *page, double y_from, double box[4])
{
  const double scale = 2.0;
  int width, height, stride;
  cairo_surface_t *surface;
  const guint8 *data;
  gboolean found = FALSE;

  surface = render_page (page, scale);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = (int) (y_from * scale); y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + x * 4);
        guint r = (px >> 16) & 0xFF, g = (px >> 8) & 0xFF, b = px & 0xFF;
        if (r > 150 && g < 110 && b < 110)
          {
            double px_x = x / scale, px_y = y / scale;
            if (!found)
              {
                box[0] = box[2] = px_x;
                box[1] = box[3] = px_y;
                found = TRUE;
              }
            box[0] = MIN (box[0], px_x);
            box[1] = MIN (box[1], px_y);
            box[2] = MAX (box[2], px_x);
            box[3] = MAX (box[3], px_y);
          }
      }
  cairo_surface_destroy (surface);
  return found;
}


static const RectifyPdfHazard stop_hazards[] = {
  { "曳引驱动乘客电梯制动器失效，轿厢意外移动。", "《特种设备安全法》第四十条",
    "立即停止使用，更换制动器。", "2026-12-15",
    "曳引驱动乘客电梯，设备代码31103506002016053337，使用登记证编号梯11闽A00001，位置：门诊楼",
    TRUE, TRUE },
  { "安全技术档案不全。", "TSG 08-2017 第2.5条", "补齐档案。", "2026-12-31", NULL, FALSE, FALSE },
};

/* The instruction letter as GB/T 9704 lays it out, measured on the page. */
static void
test_letter_layout (void)
{
  RectifyPdfLetter letter = zh_letter ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  guint full_lines = 0, signed_pages = 0;
  const double size = floor (156 * 72.0 / 25.4 / 28 * 100) / 100;

  letter.hazards = stop_hazards;
  letter.n_hazards = G_N_ELEMENTS (stop_hazards);
  /* ideographs only: each full line holds exactly 28 */
  letter.intro = "经依法监督检查你单位存在下列违反特种设备安全法律法规的问题经依法监督检查你单位存在下列"
                 "违反特种设备安全法律法规的问题经依法监督检查你单位存在下列违反特种设备安全法律法规的问题";
  letter.inspectors = "林建华（执法证号35010001）、王明（执法证号35010002）";
  letter.contact = "特种设备安全监察科 0591-87654321";
  bytes = rectify_pdf_letter_render (&letter, &error);
  g_assert_no_error (error);
  save_for_looking (bytes, "letter-layout.pdf");
  doc = open_pdf (bytes);
  text = all_text (doc);
  {
    g_autoptr(GString) bare = g_string_new (text);
    g_string_replace (bare, " ", "", 0);
    g_free (text);
    text = g_string_free (g_steal_pointer (&bare), FALSE);
  }
  {
    const char *const order[] = { "第六十二条", "上表第1项为重大事故隐患，第1项所涉设备已责令",
                                  "第六十三条", "检查人员：林建华（执法证号35010001）",
                                  "联系方式：特种设备安全监察科", "送达回执", NULL };
    assert_in_order (text, order);
  }
  g_assert_nonnull (strstr (text, "涉及设备："));
  g_assert_nonnull (strstr (text, "31103506002016053337"));

  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, p);
      g_autoptr(GPtrArray) lines = page_lines (page);
      const TextLine *date = find_line (lines, "2026年6月30日");
      const TextLine *receipt = find_line (lines, "送达回执");

      for (guint i = 0; i < lines->len; i++)
        {
          const TextLine *l = g_ptr_array_index (lines, i);
          /* inside the margins: the header above and the page number below aside */
          if (l->y1 > TOP_EDGE - 1 && l->y2 < BOTTOM_EDGE + 1)
            {
              if (l->x1 < LEFT_EDGE - 0.5 || l->x2 > RIGHT_EDGE + 1)
                g_error ("page %d: “%s” runs from %.1f to %.1f, outside the text block", p + 1,
                         l->text->str, l->x1, l->x2);
            }
          /* a full line of ideographs from margin to margin: 28 of them */
          {
            gboolean ideographs = TRUE;
            for (const char *c = l->text->str; *c; c = g_utf8_next_char (c))
              ideographs = ideographs && g_utf8_get_char (c) >= 0x4E00 && g_utf8_get_char (c) <= 0x9FFF;
            if (ideographs && fabs (l->x1 - LEFT_EDGE) < 1 && l->x2 > RIGHT_EDGE - 2)
              {
                g_assert_cmpint (g_utf8_strlen (l->text->str, -1), ==, 28);
                full_lines++;
              }
          }
          /* a date is never cut over two lines of a cell */
          if (g_str_has_suffix (l->text->str, "2026年12月") || g_str_has_suffix (l->text->str, "2026年"))
            g_error ("page %d: a line ends inside a date: “%s”", p + 1, l->text->str);
        }
      if (date)
        {
          const TextLine *bureau = NULL;
          double seal[4] = { 0 };

          signed_pages++;
          /* the date four characters in from the right, the bureau centred over it */
          g_assert_cmpfloat_with_epsilon (RIGHT_EDGE - date->x2, 4 * size, 1.5);
          for (guint i = 0; i < lines->len; i++)
            {
              const TextLine *l = g_ptr_array_index (lines, i);
              if (g_str_equal (l->text->str, "福州市市场监督管理局") && l->y2 <= date->y1 + 1)
                bureau = l;
            }
          g_assert_nonnull (bureau);
          g_assert_cmpfloat_with_epsilon ((bureau->x1 + bureau->x2) / 2, (date->x1 + date->x2) / 2, 1.5);
          /* the seal: its red ink within the text block, below the text
           * above the signature, and above the receipt's tear-off line */
          g_assert_true (red_box (page, bureau->y1 - 80, seal));
          g_assert_cmpfloat (seal[0], >=, LEFT_EDGE - 0.5);
          g_assert_cmpfloat (seal[2], <=, RIGHT_EDGE + 0.5);
          g_assert_cmpfloat (seal[3], <=, BOTTOM_EDGE + 0.5);
          for (guint i = 0; i < lines->len; i++)
            {
              const TextLine *l = g_ptr_array_index (lines, i);
              if (l != bureau && l != date && l->y2 < bureau->y1 && l->y2 > seal[1]
                  && l->x2 > seal[0] && l->x1 < seal[2])
                g_error ("the seal (top %.1f) lies over “%s” (bottom %.1f)", seal[1], l->text->str, l->y2);
            }
          /* the tear-off line is 8 points and more above the receipt's title */
          if (receipt)
            g_assert_cmpfloat (seal[3], <, receipt->y1 - 8);
          else
            g_assert_null (find_line (lines, "签收人"));
          /* the seal's top within a line of the text above it */
          {
            double above = 0;
            for (guint i = 0; i < lines->len; i++)
              {
                const TextLine *l = g_ptr_array_index (lines, i);
                if (l->y2 < seal[1] + 1 && l->y1 > TOP_EDGE - 1)
                  above = MAX (above, l->y2);
              }
            if (above > 0)
              g_assert_cmpfloat (seal[1] - above, <, 225 * 72.0 / 25.4 / 22);
          }
        }
    }
  g_assert_cmpuint (full_lines, >=, 2);
  g_assert_cmpuint (signed_pages, ==, 1);
  assert_every_character_inks (doc);
  assert_pdfa_1b (bytes, "layout.pdf");
}

static void
test_letter_pdfa (void)
{
  RectifyPdfLetter zh = zh_letter ();
  RectifyPdfLetter en = en_letter ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) zh_bytes = rectify_pdf_letter_render (&zh, &error);
  g_autoptr(GBytes) en_bytes = rectify_pdf_letter_render (&en, &error);

  g_assert_no_error (error);
  assert_pdfa_1b (zh_bytes, "zh.pdf");
  assert_pdfa_1b (en_bytes, "en.pdf");
}

/* A table taller than a page goes on over several, header repeated. */
static void
test_long_table (void)
{
  RectifyPdfLetter letter = zh_letter ();
  g_autoptr(GArray) many = g_array_new (FALSE, FALSE, sizeof (RectifyPdfHazard));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *long_text = NULL;
  GString *s = g_string_new (NULL);
  int pages;

  for (int i = 0; i < 120; i++)
    g_string_append (s, "设备安全技术档案不齐全，应急救援预案不健全且未组织演练；");
  long_text = g_string_free (s, FALSE);
  for (int i = 0; i < 30; i++)
    g_array_append_val (many, zh_hazards[i % 2]);
  {
    RectifyPdfHazard h = { long_text, "第三十五条", "补齐档案", "2026-08-01" };
    g_array_append_val (many, h);
  }
  letter.hazards = (const RectifyPdfHazard *) many->data;
  letter.n_hazards = many->len;
  bytes = rectify_pdf_letter_render (&letter, &error);
  g_assert_no_error (error);
  doc = open_pdf (bytes);
  pages = poppler_document_get_n_pages (doc);
  g_assert_cmpint (pages, >=, 5);
  for (int i = 1; i < pages - 1; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      /* the header of the table and the document number on every page that goes on */
      g_assert_nonnull (strstr (text, "存在的问题"));
      g_assert_nonnull (strstr (text, "X市监特指〔2026〕7号"));
    }
  assert_pdfa_1b (bytes, "long.pdf");
}

static void
test_letter_errors (void)
{
  RectifyPdfLetter letter = zh_letter ();
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  letter.n_hazards = 0;
  bytes = rectify_pdf_letter_render (&letter, &error);
  g_assert_null (bytes);
  g_assert_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Hazards:"));
  g_clear_error (&error);

  letter = zh_letter ();
  letter.unit_name = "  ";
  g_assert_null (rectify_pdf_letter_render (&letter, &error));
  g_assert_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Unit:"));
  g_clear_error (&error);

  letter = zh_letter ();
  letter.body_font = "No Such Font Family 42";
  g_assert_null (rectify_pdf_letter_render (&letter, &error));
  g_assert_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FONT);
  g_assert_nonnull (strstr (error->message, "No Such Font Family 42"));
  g_clear_error (&error);

  letter = zh_letter ();
  letter.date = "2026-02-30";
  g_assert_null (rectify_pdf_letter_render (&letter, &error));
  g_assert_true (g_str_has_prefix (error->message, "Date:"));
  g_clear_error (&error);

  /* a character no font has */
  letter = zh_letter ();
  letter.unit_name = "单位\xF0\x9F\x98\x80";
  g_assert_null (rectify_pdf_letter_render (&letter, &error));
  g_assert_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FONT);
  g_assert_nonnull (strstr (error->message, "U+1F600"));
}

static void
test_write_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4\n", 9);
  g_autofree char *dir = g_dir_make_tmp ("rectify-pdf-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "letter.pdf", NULL);
  g_autofree char *sub = g_build_filename (dir, "a-folder", NULL);
  GDir *d;
  guint n = 0;

  g_assert_false (rectify_pdf_write_file (bytes, missing, &error));
  g_assert_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "Output file:"));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* a folder where the file should go: refused, and no temporary file left */
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_false (rectify_pdf_write_file (bytes, sub, &error));
  g_assert_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_WRITE);
  g_clear_error (&error);
  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d))
    n++;
  g_dir_close (d);
  g_assert_cmpuint (n, ==, 1);
  g_rmdir (sub);
  g_rmdir (dir);
}

/* ---- issued documents ----------------------------------------------------- */

typedef struct {
  char         *dir;
  char         *path;
  RectifyStore *store;
  gint64        unit;
  gint64        hazard;
} DemoDb;

static void
demo_open (DemoDb *t)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  gint64 total = 0, manager = 0;

  t->dir = g_dir_make_tmp ("rectify-pdf-XXXXXX", &error);
  t->path = g_build_filename (t->dir, "demo.db", NULL);
  t->store = rectify_store_open (t->path, &error);
  g_assert_no_error (error);
  rectify_demo_generate (t->store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  q.status = RECTIFY_HAZARD_RECTIFYING;
  hazards = rectify_store_list_hazards (t->store, &q, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, >, 0);
  t->hazard = ((RectifyHazard *) g_ptr_array_index (hazards, 0))->id;
  t->unit = ((RectifyHazard *) g_ptr_array_index (hazards, 0))->unit_id;
  {
    g_autoptr(GPtrArray) officers = rectify_store_list_officers (t->store, &error);
    for (guint i = 0; i < officers->len && manager == 0; i++)
      if (((RectifyOfficer *) g_ptr_array_index (officers, i))->role == RECTIFY_ROLE_MANAGER)
        manager = ((RectifyOfficer *) g_ptr_array_index (officers, i))->id;
  }
  g_assert_true (rectify_store_set_actor (t->store, manager, &error));
  test_store_set_up_bureau (t->store);
}

static void
demo_close (DemoDb *t)
{
  g_clear_object (&t->store);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *p = g_strconcat (t->path, suffixes[i], NULL);
        g_unlink (p);
      }
  }
  g_rmdir (t->dir);
  g_free (t->path);
  g_free (t->dir);
}

/* The instruction letters of 2026 in the store at t->path, through a store
 * of its own (the test's may be closed while other programs write). */
static gint64
count_letters (DemoDb *t, gint64 *max_seq, gint64 *distinct_seq, gint64 *pdfs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) store = test_store_open (t->path, &error);
  gint64 n;

  g_assert_no_error (error);
  n = test_count_documents (store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, 2026, max_seq, distinct_seq);
  if (pdfs)
    *pdfs = test_count_document_pdfs (store);
  return n;
}

typedef struct {
  RectifyPdfIssueOptions options;
  GBytes                *rendered;
  gboolean               fail;
} Capture;

static GBytes *
capture_render (RectifyStore *store, const RectifyDocument *document, const char *english_number,
                gpointer user_data, GError **error)
{
  Capture *c = user_data;
  GBytes *bytes;

  if (c->fail)
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FONT, "Font: the test took it away");
      return NULL;
    }
  bytes = rectify_pdf_render_document (store, document, english_number, &c->options, error);
  g_clear_pointer (&c->rendered, g_bytes_unref);
  c->rendered = bytes ? g_bytes_ref (bytes) : NULL;
  return bytes;
}

static void
test_issue_stores_pdf (void)
{
  DemoDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(RectifyDocument) doc = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *text = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  Capture c = { { RECTIFY_PDF_LANGUAGE_ZH_CN, NULL, NULL }, NULL, TRUE };
  gint64 before, id;
  char *exported;

  demo_open (&t);
  before = test_count_documents (t.store, -1, 0, NULL, NULL);

  /* a failed rendering uses no number and leaves nothing */
  id = rectify_store_issue_document_with_pdf (t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, t.unit, 0,
                                              "2026-06-30", &t.hazard, 1, capture_render, &c, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FONT);
  g_clear_error (&error);
  g_assert_cmpint (test_count_documents (t.store, -1, 0, NULL, NULL), ==, before);

  c.fail = FALSE;
  id = rectify_store_issue_document_with_pdf (t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, t.unit, 0,
                                              "2026-06-30", &t.hazard, 1, capture_render, &c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  doc = rectify_store_get_document (t.store, id, &error);
  /* the next number after the demo's instruction letters: none was skipped */
  g_assert_cmpint (doc->seq, ==, test_count_documents (t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, 2026, NULL, NULL));

  stored = rectify_store_get_document_pdf (t.store, id, &sha, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, c.rendered));
  {
    g_autofree char *want = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, stored);
    g_assert_cmpstr (sha, ==, want);
  }
  pdf = open_pdf (stored);
  text = all_text (pdf);
  g_assert_nonnull (strstr (text, doc->number));
  g_assert_nonnull (strstr (text, doc->unit_name));

  /* a year later the bureau has a new name; the export is what was issued */
  g_assert_true (rectify_store_set_setting (t.store, "bureau-name", "福州市场监管局（新）", &error));
  exported = write_temp_pdf (rectify_store_get_document_pdf (t.store, id, NULL, &error), "export.pdf");
  {
    g_autofree char *data = NULL;
    gsize size = 0;
    g_autoptr(GBytes) file = NULL;
    g_assert_true (g_file_get_contents (exported, &data, &size, &error));
    file = g_bytes_new_take (g_steal_pointer (&data), size);
    g_assert_true (g_bytes_equal (file, stored));
  }
  remove_temp_pdf (exported);
  again = rectify_pdf_render_document (t.store, doc, "No. 1 [2026], X", &c.options, &error);
  g_assert_no_error (error);
  g_assert_false (g_bytes_equal (again, stored));

  /* that nobody changes or removes a stored PDF is the backend's own test
   * (tests/sqlite: /sqlite/document-pdf-append-only) */
  /* the demo's documents were issued before PDFs were kept: said so */
  g_assert_null (rectify_store_get_document_pdf (t.store, 1, NULL, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_pointer (&c.rendered, g_bytes_unref);
  demo_close (&t);
}

/* ---- the CLI ------------------------------------------------------------- */

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
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL, &out, NULL, status, &error);
  g_assert_no_error (error);
  return out;
}

/* A voided document goes out marked VOID, with its date and reason; the
 * stored bytes and their hash stay as they were, and --as-stored writes them. */
static void
test_void_copy (void)
{
  DemoDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) copy = NULL;
  g_autoptr(RectifyDocument) document = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sha_after = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *stored_path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *id_text = NULL;
  gsize size = 0;
  int status = 0;
  gint64 id;

  demo_open (&t);
  rectify_pdf_set_store_renderer (t.store);
  id = rectify_store_issue_document (t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, t.unit, 0, "2026-06-30",
                                     &t.hazard, 1, &error);
  g_assert_no_error (error);
  stored = rectify_store_get_document_pdf (t.store, id, &sha, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_store_void_document (t.store, id, "送达单位名称写错，重新出具", &error));
  document = rectify_store_get_document (t.store, id, &error);
  g_assert_no_error (error);

  copy = rectify_pdf_void_copy (stored, document, RECTIFY_PDF_LANGUAGE_ZH_CN, &error);
  g_assert_no_error (error);
  {
    g_autoptr(PopplerDocument) original = open_pdf (stored);
    g_autoptr(PopplerDocument) doc = open_pdf (copy);
    g_autofree char *text = all_text (doc);
    g_autofree char *day = rectify_pdf_format_date (document->void_date, RECTIFY_PDF_LANGUAGE_ZH_CN);

    /* a page of the copy for each page of the original, each marked */
    g_assert_cmpint (poppler_document_get_n_pages (doc), ==, poppler_document_get_n_pages (original));
    for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
      {
        g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
        g_autofree char *page_text = poppler_page_get_text (page);
        g_autoptr(GList) images = poppler_page_get_image_mapping (page);

        GList *attrs = poppler_page_get_text_attributes (page);
        gboolean big_mark = FALSE;

        /* the mark: 作 and 废 in large red type over the page */
        for (GList *l = attrs; l; l = l->next)
          {
            PopplerTextAttributes *a = l->data;
            const char *at = g_utf8_offset_to_pointer (page_text, a->start_index);
            if (a->font_size > 40 && (g_str_has_prefix (at, "作") || g_str_has_prefix (at, "废"))
                && a->color.red > 40000 && a->color.green < 10000)
              big_mark = TRUE;
          }
        poppler_page_free_text_attributes (attrs);
        g_assert_true (big_mark);
        g_assert_nonnull (strstr (page_text, document->number));
        g_assert_cmpuint (g_list_length (images), ==, 1);
        poppler_page_free_image_mapping (g_steal_pointer (&images));
      }
    g_assert_nonnull (strstr (text, "送达单位名称写错，重新出具"));
    g_assert_nonnull (strstr (text, day));
    {
      g_autoptr(GString) squeezed = g_string_new (NULL);
      for (const char *p = text; *p; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (squeezed, *p);
      g_assert_nonnull (strstr (squeezed->str, sha));
    }
    assert_fonts_embedded_and_subset (doc);
    assert_every_character_inks (doc);
  }
  assert_pdfa_1b (copy, "void-copy.pdf");
  /* the stored bytes are what they were */
  after = rectify_store_get_document_pdf (t.store, id, &sha_after, &error);
  g_assert_cmpstr (sha_after, ==, sha);
  g_assert_true (g_bytes_equal (after, stored));

  /* the CLI: the marked copy by default, the stored bytes on request */
  g_clear_object (&t.store);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  copy_path = g_build_filename (t.dir, "void.pdf", NULL);
  stored_path = g_build_filename (t.dir, "stored.pdf", NULL);
  {
    const char *args[] = { "--db", t.path, "pdf", "letter", id_text, "-o", copy_path, NULL };
    g_autofree char *out = run_cli (args, &status);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "VOID"));
    g_assert_nonnull (strstr (out, sha));
    g_assert_true (g_file_get_contents (copy_path, &data, &size, &error));
    g_assert_cmpuint (size, !=, g_bytes_get_size (stored));
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), size);
      g_autoptr(PopplerDocument) doc = open_pdf (bytes);
      g_autofree char *text = all_text (doc);
      g_assert_nonnull (strstr (text, "作废文书副本"));
    }
  }
  {
    const char *args[] = { "--db", t.path, "pdf", "letter", id_text, "-o", stored_path, "--as-stored", NULL };
    g_free (run_cli (args, &status));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_file_get_contents (stored_path, &data, &size, &error));
    g_assert_cmpmem (data, size, g_bytes_get_data (stored, NULL), g_bytes_get_size (stored));
  }
  g_unlink (copy_path);
  g_unlink (stored_path);
  demo_close (&t);
}

static void
test_cli_issue_and_export (void)
{
  DemoDb t;
  g_autoptr(GError) error = NULL;
  g_autofree char *hazard = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *out = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *bad_path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GBytes) stored = NULL;
  gsize size = 0;
  int status = 0;
  gint64 id = 0;

  demo_open (&t);
  g_clear_object (&t.store);
  hazard = g_strdup_printf ("%" G_GINT64_FORMAT, t.hazard);
  unit = g_strdup_printf ("%" G_GINT64_FORMAT, t.unit);
  pdf_path = g_build_filename (t.dir, "letter.pdf", NULL);
  bad_path = g_build_filename (t.dir, "missing", "letter.pdf", NULL);
  {
    const char *args[] = { "--db", t.path, "--as", "FZ-0101", "letter", "issue", "--kind", "opinion",
                           "--unit", unit, "--hazard", hazard, "--date", "2026-06-30", "--language", "en", NULL };
    out = run_cli (args, &status);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_strstrip (out);
    g_assert_true (g_str_has_prefix (out, "榕市监特整〔2026〕"));
  }
  {
    const char *args[] = { "--db", t.path, "pdf", "letter", out, "-o", pdf_path, NULL };
    g_free (run_cli (args, &status));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  {
    const char *args[] = { "--db", t.path, "pdf", "letter", out, "-o", bad_path, NULL };
    g_free (run_cli (args, &status));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  }
  t.store = rectify_store_open (t.path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_store_find_document (t.store, out, &id, &error));
  stored = rectify_store_get_document_pdf (t.store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_path, &data, &size, &error));
  g_assert_cmpuint (size, ==, g_bytes_get_size (stored));
  g_assert_cmpmem (data, size, g_bytes_get_data (stored, NULL), g_bytes_get_size (stored));
  {
    g_autoptr(PopplerDocument) doc = open_pdf (stored);
    g_autofree char *text = all_text (doc);
    /* English document: the number as registered */
    g_assert_nonnull (strstr (text, "榕市监特整〔2026〕"));
    g_assert_null (strstr (text, "[2026], 榕市监特整"));
    g_assert_nonnull (strstr (text, "Special Equipment Safety Rectification"));
  }
  g_unlink (pdf_path);
  demo_close (&t);
}

/* Two programs issue at the same moment: numbers stay gapless and unique. */
static void
test_cli_concurrent_numbers (void)
{
  DemoDb t;
  g_autofree char *hazard = NULL;
  g_autofree char *unit = NULL;
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 before;
  const guint rounds = 3;

  demo_open (&t);
  g_clear_object (&t.store);
  before = count_letters (&t, NULL, NULL, NULL);
  hazard = g_strdup_printf ("%" G_GINT64_FORMAT, t.hazard);
  unit = g_strdup_printf ("%" G_GINT64_FORMAT, t.unit);
  for (guint r = 0; r < rounds; r++)
    {
      GPid pids[2];
      int outs[2];
      const char *argv[] = { g_getenv ("RECTIFY_CLI"), "--db", t.path, "--as", "FZ-0101", "letter", "issue",
                             "--kind", "instruction", "--unit", unit, "--hazard", hazard,
                             "--date", "2026-06-30", NULL };

      for (int p = 0; p < 2; p++)
        {
          g_autoptr(GError) error = NULL;
          g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                    &pids[p], NULL, &outs[p], NULL, &error);
          g_assert_no_error (error);
        }
      for (int p = 0; p < 2; p++)
        {
          g_autoptr(GIOChannel) channel = g_io_channel_unix_new (outs[p]);
          g_autofree char *line = NULL;
          int status = 0;

          g_io_channel_set_close_on_unref (channel, TRUE);
          g_io_channel_read_to_end (channel, &line, NULL, NULL);
          waitpid (pids[p], &status, 0);
          g_spawn_close_pid (pids[p]);
          g_assert_true (g_spawn_check_wait_status (status, NULL));
          g_assert_nonnull (line);
          g_strstrip (line);
          g_assert_true (g_hash_table_add (numbers, g_steal_pointer (&line)));
        }
    }
  g_assert_cmpuint (g_hash_table_size (numbers), ==, 2 * rounds);
  {
    gint64 max_seq = 0, distinct_seq = 0, pdfs = 0;
    g_assert_cmpint (count_letters (&t, &max_seq, &distinct_seq, &pdfs), ==, before + 2 * rounds);
    g_assert_cmpint (max_seq, ==, before + 2 * rounds);
    g_assert_cmpint (distinct_seq, ==, before + 2 * rounds);
    /* every one of them has its PDF */
    g_assert_cmpint (pdfs, ==, 2 * rounds);
  }
  demo_close (&t);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/break/no-closing-punctuation-at-start", test_break_no_closing_punctuation_at_start);
  g_test_add_func ("/pdf/break/no-opening-bracket-at-end", test_break_no_opening_bracket_at_end);
  g_test_add_func ("/pdf/break/english-words", test_break_english_words);
  g_test_add_func ("/pdf/break/mixed", test_break_mixed);
  g_test_add_func ("/pdf/break/newlines-and-first-width", test_break_newlines_and_first_width);
  g_test_add_func ("/pdf/break/keeps-tokens", test_break_keeps_tokens);
  g_test_add_func ("/pdf/document/orphans", test_document_orphans);
  g_test_add_func ("/pdf/document/keep-with-next", test_document_keep_with_next);
  g_test_add_func ("/pdf/document/table-shrinks", test_document_table_shrinks);
  g_test_add_func ("/pdf/letter/zh", test_letter_zh);
  g_test_add_func ("/pdf/letter/en", test_letter_en);
  g_test_add_func ("/pdf/letter/fangsong-installed", test_letter_fangsong_installed);
  g_test_add_func ("/pdf/letter/one-font-two-names", test_letter_one_font_two_names);
  g_test_add_func ("/pdf/letter/pdfa", test_letter_pdfa);
  g_test_add_func ("/pdf/letter/layout", test_letter_layout);
  g_test_add_func ("/pdf/letter/long-table", test_long_table);
  g_test_add_func ("/pdf/letter/errors", test_letter_errors);
  g_test_add_func ("/pdf/write-file/errors", test_write_file_errors);
  g_test_add_func ("/pdf/issue/stores-pdf", test_issue_stores_pdf);
  g_test_add_func ("/pdf/void-copy", test_void_copy);
  g_test_add_func ("/pdf/cli/issue-and-export", test_cli_issue_and_export);
  g_test_add_func ("/pdf/cli/concurrent-numbers", test_cli_concurrent_numbers);
  return g_test_run ();
}
