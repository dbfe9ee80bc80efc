/* rectify-pdf-letter.c: the supervision instruction letter and the rectification opinion
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wording is the document's, in the language chosen for the document,
 * whatever the language of the program: it is not translated by gettext.
 */
#define G_LOG_DOMAIN "rectify-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rectify-pdf-document.h"
#include "rectify-pdf-error.h"
#include "rectify-pdf-font.h"
#include "rectify-pdf-letter.h"

#define RED 0xC00000
#define BLACK 0x000000
#define GREY 0x808080
/* GB/T 9704: 22 lines in the 225 mm text block */
#define BODY_LEADING (RECTIFY_PDF_MM (225) / 22)

typedef struct
{
  const char *title[2]; /* [kind] */
  const char *intro[2];
  const char *columns[5];
  const char *order[2];    /* {1} = deadline, {2} = the provision */
  const char *remedies[2]; /* NULL = none */
  const char *major;       /* {1} = items */
  const char *stopped;     /* {1} = items */
  const char *stop_order;  /* {1} = what was found, {2} = the provision */
  const char *item_one;    /* {1} = item number */
  const char *item_many;   /* {1} = item numbers */
  const char *list_sep, *list_last;
  const char *major_mark, *stopped_mark, *equipment;
  const char *inspectors; /* {1} = officers */
  const char *contact;    /* {1} = contact */
  const char *receipt_title;
  const char *receipt_lines; /* {1} = number, {2} = unit */
  const char *receipt_note;
  const char *footer;
  const char *lang_tag;
  const char *separator; /* between title and unit in the subject */
} Wording;

static const Wording zh_cn = {
  { "特种设备安全监察指令书", "特种设备安全整改意见书" },
  { "经依法监督检查，你单位存在下列违反特种设备安全法律法规的问题：",
    "经监督检查，你单位存在下列特种设备安全隐患，现提出整改意见：" },
  { "序号", "存在的问题", "违反的规定", "整改措施", "整改期限" },
  { "依据{2}的规定，责令你单位按上表措施于{1}前改正，"
    "并书面报告整改情况。逾期未改正的，依法处理。",
    "请你单位按上表措施认真整改，于{1}前完成，并将整改情况报告本局。" },
  { "如不服本指令，可在收到之日起六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼。",
    NULL },
  "{1}为重大事故隐患",
  "{1}所涉设备已责令停止使用",
  "上表{1}。依据{2}的规定，责令你单位立即停止使用所涉设备，采取措施消除事故隐患，"
  "经检验合格后方可重新投入使用；本局将依法向上级负责特种设备安全监督管理的部门报告。",
  "第{1}项",
  "第{1}项",
  "、",
  "、",
  "（重大事故隐患）",
  "（已责令停止使用）",
  "涉及设备：",
  "检查人员：{1}",
  "联系方式：{1}",
  "送 达 回 执",
  "文书编号：{1}    受送达单位：{2}\n签收人（签字）：____________    "
  "签收日期：______年____月____日",
  "本文书一式两份，监察机关与受送达单位各执一份。",
  "— {page} —",
  "zh-CN",
  "：",
};

static const Wording en = {
  { "Special Equipment Safety Supervision Instruction Letter",
    "Special Equipment Safety Rectification Opinion" },
  { "An inspection by this bureau found that your unit violates the following laws, regulations "
    "and safety technical specifications on special equipment:",
    "An inspection by this bureau found the following special equipment safety hazards at your "
    "unit; "
    "our rectification opinion is as follows:" },
  { "No.", "Problem found", "Provision violated", "Required measures", "Deadline" },
  { "Under {2}, your unit is ordered to correct these problems with the measures listed above by "
    "{1} and to report the "
    "rectification in writing. Problems not corrected by then will be dealt with according to law.",
    "Please rectify these hazards with the measures listed above by {1} and report the "
    "rectification "
    "to this bureau." },
  { "If your unit disagrees, it may apply for administrative reconsideration within 60 days of "
    "receiving "
    "this letter, or bring an administrative lawsuit before a people's court within 6 months.",
    NULL },
  "{1} of the table {is} a major accident hazard",
  "the equipment of {1} has been ordered to stop use",
  "{1}. Under {2}, your unit is ordered to stop using the equipment concerned at once and to take "
  "measures to eliminate the hazard; it may be used again only after it has passed inspection. "
  "This bureau reports the matter to the department for special equipment safety supervision at "
  "the level above.",
  "item {1}",
  "items {1}",
  ", ",
  " and ",
  " (major accident hazard)",
  " (ordered to stop use)",
  "Equipment: ",
  "Inspecting officers: {1}",
  "Contact: {1}",
  "RECEIPT",
  "Document number: {1}\nReceived by (unit): {2}\nSignature: ____________________    Date: "
  "______________",
  "This document is made in two copies: one for the bureau, one for the unit.",
  "Page {page} of {pages}",
  "en",
  ": ",
};

static const char *const default_provisions[RECTIFY_PDF_N_PROVISIONS][2] = {
  { "《中华人民共和国特种设备安全法》第六十二条",
    "Article 62 of the Special Equipment Safety Law of the People's Republic of China" },
  { "《中华人民共和国特种设备安全法》第六十三条",
    "Article 63 of the Special Equipment Safety Law of the People's Republic of China" },
};

const char *
rectify_pdf_letter_default_provision (RectifyPdfProvision provision, RectifyPdfLanguage language)
{
  g_return_val_if_fail (provision < RECTIFY_PDF_N_PROVISIONS, NULL);

  return default_provisions[provision][language == RECTIFY_PDF_LANGUAGE_EN];
}

char *
rectify_pdf_letter_provision_key (RectifyPdfProvision provision, RectifyPdfLanguage language)
{
  g_return_val_if_fail (provision < RECTIFY_PDF_N_PROVISIONS, NULL);

  return g_strconcat (provision == RECTIFY_PDF_PROVISION_STOP ? "provision-stop-use-"
                                                              : "provision-instruction-",
                      rectify_pdf_language_to_code (language), NULL);
}

static const char *const month_names[] = {
  "January", "February", "March",     "April",   "May",      "June",
  "July",    "August",   "September", "October", "November", "December",
};

const char *
rectify_pdf_language_to_code (RectifyPdfLanguage language)
{
  return language == RECTIFY_PDF_LANGUAGE_EN ? "en" : "zh_CN";
}

gboolean
rectify_pdf_language_from_code (const char *code, RectifyPdfLanguage *out)
{
  if (g_strcmp0 (code, "zh_CN") == 0 || g_strcmp0 (code, "zh-CN") == 0
      || g_strcmp0 (code, "zh") == 0)
    *out = RECTIFY_PDF_LANGUAGE_ZH_CN;
  else if (g_strcmp0 (code, "en") == 0 || (code && g_str_has_prefix (code, "en_")))
    *out = RECTIFY_PDF_LANGUAGE_EN;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_date (const char *text, int *y, int *m, int *d)
{
  g_autoptr (GDateTime) dt = NULL;

  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d", y, m, d) != 3)
    return FALSE;
  dt = g_date_time_new_utc (*y, *m, *d, 0, 0, 0);
  return dt != NULL;
}

/* GB/T 9704: Arabic numerals, no leading zeros. */
char *
rectify_pdf_format_date (const char *date, RectifyPdfLanguage language)
{
  int y, m, d;

  if (!parse_date (date, &y, &m, &d))
    return g_strdup (date ? date : "");
  if (language == RECTIFY_PDF_LANGUAGE_EN)
    return g_strdup_printf ("%d %s %d", d, month_names[m - 1], y);
  return g_strdup_printf ("%d年%d月%d日", y, m, d);
}

/* The template with {1} and {2} replaced. */
static char *
fill (const char *template, const char *first, const char *second)
{
  GString *text = g_string_new (template);
  g_string_replace (text, "{1}", first, 0);
  if (second)
    g_string_replace (text, "{2}", second, 0);
  return g_string_free (text, FALSE);
}

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
validate (const RectifyPdfLetter *letter, GError **error)
{
  int y, m, d;

  if (letter->kind != RECTIFY_PDF_LETTER_INSTRUCTION && letter->kind != RECTIFY_PDF_LETTER_OPINION)
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
                   _ ("Kind: unknown kind of document"));
      return FALSE;
    }
  if (letter->language != RECTIFY_PDF_LANGUAGE_ZH_CN && letter->language != RECTIFY_PDF_LANGUAGE_EN)
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
                   _ ("Document language: choose zh_CN or en"));
      return FALSE;
    }
  if (blank (letter->bureau))
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
                   _ ("Bureau name: the issuing bureau has no name; set it in the preferences"));
      return FALSE;
    }
  if (blank (letter->number))
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
                   _ ("Number: the document has no number"));
      return FALSE;
    }
  if (blank (letter->unit_name))
    {
      g_set_error (
          error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
          _ ("Unit: the unit has no name; a letter must name the unit it is addressed to"));
      return FALSE;
    }
  if (!parse_date (letter->date, &y, &m, &d))
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
                   _ ("Date: “%s” is not a date (YYYY-MM-DD)"), letter->date ? letter->date : "");
      return FALSE;
    }
  if (letter->n_hazards == 0 || letter->hazards == NULL)
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
                   _ ("Hazards: a letter lists at least one hazard of the unit"));
      return FALSE;
    }
  for (guint i = 0; i < letter->n_hazards; i++)
    {
      const RectifyPdfHazard *h = &letter->hazards[i];
      if (blank (h->description))
        {
          g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
                       _ ("Hazards: hazard %u has no description"), i + 1);
          return FALSE;
        }
      if (!blank (h->deadline) && !parse_date (h->deadline, &y, &m, &d))
        {
          g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
                       _ ("Hazards: the deadline “%s” of hazard %u is not a date (YYYY-MM-DD)"),
                       h->deadline, i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

/* "第1、3项" / "items 1 and 3": the numbers (1-based) of the hazards that flag picks. */
static char *
items_text (const Wording *w, const RectifyPdfLetter *letter, gboolean major, guint *n_out)
{
  g_autoptr (GString) list = g_string_new (NULL);
  g_autoptr (GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < letter->n_hazards; i++)
    if (major ? letter->hazards[i].major : letter->hazards[i].stopped)
      g_ptr_array_add (numbers, g_strdup_printf ("%u", i + 1));
  *n_out = numbers->len;
  if (numbers->len == 0)
    return NULL;
  for (guint i = 0; i < numbers->len; i++)
    {
      if (i > 0)
        g_string_append (list, i + 1 == numbers->len ? w->list_last : w->list_sep);
      g_string_append (list, g_ptr_array_index (numbers, i));
    }
  return fill (numbers->len == 1 ? w->item_one : w->item_many, list->str, NULL);
}

/* The paragraph on major hazards and stop-use orders, or NULL when none applies. */
static char *
stop_order_text (const Wording *w, const RectifyPdfLetter *letter, const char *basis)
{
  guint n_major = 0, n_stopped = 0;
  g_autofree char *major_items = items_text (w, letter, TRUE, &n_major);
  g_autofree char *stopped_items = items_text (w, letter, FALSE, &n_stopped);
  g_autoptr (GString) found = g_string_new (NULL);

  if (n_major == 0 && n_stopped == 0)
    return NULL;
  if (n_major > 0)
    {
      g_autofree char *part = fill (w->major, major_items, NULL);
      g_string_append (found, part);
      g_string_replace (found, "{is}", n_major == 1 ? "is" : "are", 0);
    }
  if (n_stopped > 0)
    {
      g_autofree char *part = fill (w->stopped, stopped_items, NULL);
      if (found->len > 0)
        g_string_append (found, w == &zh_cn ? "，" : "; ");
      g_string_append (found, part);
    }
  /* an English sentence starts with a capital */
  if (w == &en && found->len > 0)
    found->str[0] = g_ascii_toupper (found->str[0]);
  return fill (w->stop_order, found->str, basis);
}

/* The problem cell: the description, its grade and stop, the equipment. */
static char *
problem_text (const Wording *w, const RectifyPdfHazard *h)
{
  GString *text = g_string_new (h->description);

  if (h->major)
    g_string_append (text, w->major_mark);
  if (h->stopped)
    g_string_append (text, w->stopped_mark);
  if (!blank (h->equipment))
    {
      g_string_append_c (text, '\n');
      g_string_append (text, w->equipment);
      g_string_append (text, h->equipment);
    }
  return g_string_free (text, FALSE);
}

GBytes *
rectify_pdf_letter_render (const RectifyPdfLetter *letter, GError **error)
{
  g_autoptr (RectifyPdfDocument) doc = NULL;
  const Wording *w;
  int kind;
  RectifyPdfLanguage lang;
  const char *latest = NULL;
  g_autofree char *date = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *order = NULL;
  g_autofree char *stop = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *receipt = NULL;
  g_autofree char *addressee = NULL;
  const char *intro;
  const char *remedies;
  const char *basis, *stop_basis;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  static const double widths[] = { 0.08, 0.32, 0.22, 0.24, 0.14 };
  static const RectifyPdfAlign aligns[] = {
    RECTIFY_PDF_ALIGN_CENTER, RECTIFY_PDF_ALIGN_LEFT,   RECTIFY_PDF_ALIGN_LEFT,
    RECTIFY_PDF_ALIGN_LEFT,   RECTIFY_PDF_ALIGN_CENTER,
  };
  RectifyPdfFonts fonts;
  double em, leading, text_width, date_width, name_width, centre_x, seal_top, seal_r, name_top;
  /* GB/T 9704: 28 characters of 三号 in the 156 mm line, on a grid of
   * 22 lines in the 225 mm text block */
  double body_size = floor (RECTIFY_PDF_MM (156) / 28 * 100) / 100;
  RectifyPdfStyle issuer
      = { RECTIFY_PDF_FONT_TITLE, 26, 36, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, RED, 0, 0 };
  RectifyPdfStyle number = {
    RECTIFY_PDF_FONT_BODY, body_size, BODY_LEADING, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, BLACK, 0, 0
  };
  RectifyPdfStyle title = {
    RECTIFY_PDF_FONT_TITLE, 22, BODY_LEADING, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, BLACK, 0, 0
  };
  RectifyPdfStyle body = { RECTIFY_PDF_FONT_BODY,
                           body_size,
                           BODY_LEADING,
                           2 * body_size,
                           0,
                           0,
                           RECTIFY_PDF_ALIGN_JUSTIFY,
                           BLACK,
                           0,
                           0 };
  RectifyPdfStyle plain = body;
  RectifyPdfStyle centred = body;
  RectifyPdfStyle head_cell
      = { RECTIFY_PDF_FONT_HEADING, 12, 17, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, BLACK, 0, 0 };
  RectifyPdfStyle cell
      = { RECTIFY_PDF_FONT_BODY, 12, 17, 0, 0, 0, RECTIFY_PDF_ALIGN_LEFT, BLACK, 0, 0 };
  RectifyPdfStyle receipt_title
      = { RECTIFY_PDF_FONT_HEADING, 12, 20, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, BLACK, 2, 0 };
  RectifyPdfStyle receipt_body
      = { RECTIFY_PDF_FONT_BODY, 10.5, 17, 0, 0, 0, RECTIFY_PDF_ALIGN_LEFT, BLACK, 0, 0 };
  RectifyPdfStyle note
      = { RECTIFY_PDF_FONT_BODY, 9, 14, 0, 0, 0, RECTIFY_PDF_ALIGN_LEFT, GREY, 0, 0 };

  g_return_val_if_fail (letter != NULL, NULL);

  if (!validate (letter, error))
    return NULL;
  lang = letter->language;
  w = lang == RECTIFY_PDF_LANGUAGE_EN ? &en : &zh_cn;
  kind = letter->kind == RECTIFY_PDF_LETTER_OPINION;
  intro = letter->intro ? letter->intro : w->intro[kind];
  basis = !blank (letter->basis)
              ? letter->basis
              : rectify_pdf_letter_default_provision (RECTIFY_PDF_PROVISION_INSTRUCTION, lang);
  stop_basis = !blank (letter->stop_basis)
                   ? letter->stop_basis
                   : rectify_pdf_letter_default_provision (RECTIFY_PDF_PROVISION_STOP, lang);
  if (lang == RECTIFY_PDF_LANGUAGE_EN)
    {
      /* English reads better smaller, and indents less */
      issuer.size = 20;
      issuer.leading = 30;
      title.size = 18;
      title.leading = 26;
      body.size = number.size = 13;
      body.leading = 21;
      body.first_indent = 0;
      cell.size = head_cell.size = 11;
    }
  plain = body;
  plain.first_indent = 0;
  plain.align = RECTIFY_PDF_ALIGN_LEFT;
  centred = plain;
  centred.align = RECTIFY_PDF_ALIGN_CENTER;

  /* AR PL UMing's Latin letters are typewriter-like: English text is set
   * in the heading face unless a body font is chosen */
  fonts.body = !blank (letter->body_font) ? letter->body_font
               : lang == RECTIFY_PDF_LANGUAGE_EN
                   ? rectify_pdf_font_resolve (RECTIFY_PDF_FONT_HEADING, letter->heading_font)
                   : NULL;
  fonts.heading = letter->heading_font;
  fonts.title = letter->title_font;
  doc = rectify_pdf_document_new_with_fonts (&fonts, error);
  if (doc == NULL)
    return NULL;
  em = body.size;
  leading = body.leading;
  text_width = rectify_pdf_document_get_text_width (doc);
  date = rectify_pdf_format_date (letter->date, lang);
  subject = g_strconcat (w->title[kind], w->separator, letter->unit_name, NULL);
  rectify_pdf_document_set_metadata (doc, w->title[kind], letter->bureau, subject, letter->number,
                                     letter->date, w->lang_tag);
  rectify_pdf_document_set_header (doc, letter->number);
  rectify_pdf_document_set_footer (doc, w->footer);

  /* GB/T 9704: the issuer's red name; two blank lines; the number; the red
   * rule 4 mm below it; two blank lines; the title; one blank line; the
   * addressee */
  if (!rectify_pdf_document_paragraph (doc, &issuer, letter->bureau, error))
    return NULL;
  rectify_pdf_document_space (doc, 2 * leading);
  if (!rectify_pdf_document_paragraph (doc, &number, letter->number, error))
    return NULL;
  rectify_pdf_document_space (doc, RECTIFY_PDF_MM (4) - (leading - number.size) / 2);
  rectify_pdf_document_rule (doc, 1.5, RED, FALSE);
  rectify_pdf_document_space (doc, 2 * leading);
  rectify_pdf_document_balance (doc, &title, w->title[kind]);
  if (!rectify_pdf_document_paragraph (doc, &title, w->title[kind], error))
    return NULL;
  rectify_pdf_document_space (doc, leading);
  addressee = g_strconcat (letter->unit_name, lang == RECTIFY_PDF_LANGUAGE_EN ? ":" : "：", NULL);
  if (!rectify_pdf_document_paragraph (doc, &plain, addressee, error)
      || (!blank (intro) && !rectify_pdf_document_paragraph (doc, &body, intro, error)))
    return NULL;

  /* the problems found, provisions violated, measures and deadlines */
  for (guint i = 0; i < letter->n_hazards; i++)
    {
      const RectifyPdfHazard *h = &letter->hazards[i];
      g_ptr_array_add (cells, g_strdup_printf ("%u", i + 1));
      g_ptr_array_add (cells, problem_text (w, h));
      g_ptr_array_add (cells, g_strdup (h->standard ? h->standard : ""));
      g_ptr_array_add (cells, g_strdup (h->measures ? h->measures : ""));
      g_ptr_array_add (cells, blank (h->deadline) ? g_strdup ("")
                                                  : rectify_pdf_format_date (h->deadline, lang));
      if (!blank (h->deadline) && (latest == NULL || strcmp (h->deadline, latest) > 0))
        latest = h->deadline;
    }
  {
    RectifyPdfTable table
        = { 5,          widths, w->columns, (const char *const *)cells->pdata, letter->n_hazards,
            &head_cell, &cell,  aligns };
    rectify_pdf_document_space (doc, 4);
    if (!rectify_pdf_document_table (doc, &table, error))
      return NULL;
    rectify_pdf_document_space (doc, 4);
  }
  deadline = latest ? rectify_pdf_format_date (latest, lang) : g_strdup (date);
  order = letter->order ? g_strdup (letter->order) : fill (w->order[kind], deadline, basis);
  stop = stop_order_text (w, letter, stop_basis);
  remedies = letter->remedies ? letter->remedies : w->remedies[kind];
  if ((!blank (order) && !rectify_pdf_document_paragraph (doc, &body, order, error))
      || (stop && !rectify_pdf_document_paragraph (doc, &body, stop, error))
      || (!blank (remedies) && !rectify_pdf_document_paragraph (doc, &body, remedies, error)))
    return NULL;
  if (!blank (letter->inspectors))
    {
      g_autofree char *text = fill (w->inspectors, letter->inspectors, NULL);
      if (!rectify_pdf_document_paragraph (doc, &body, text, error))
        return NULL;
    }
  if (!blank (letter->contact))
    {
      g_autofree char *text = fill (w->contact, letter->contact, NULL);
      if (!rectify_pdf_document_paragraph (doc, &body, text, error))
        return NULL;
    }

  /* GB/T 9704 7.3.5.1: the date four characters in from the right, the
   * bureau's name centred over it, the seal centred on both with them a
   * little below its centre and its top within a line of the text; the
   * whole block on one page, clear of the receipt's tear-off line */
  seal_r = RECTIFY_PDF_MM (21);
  date_width = rectify_pdf_document_text_width (doc, &plain, date);
  name_width = rectify_pdf_document_text_width (doc, &plain, letter->bureau);
  centre_x = text_width - 4 * em - date_width / 2;
  centre_x = MIN (centre_x, text_width - MAX (name_width / 2, seal_r));
  centre_x = MAX (centre_x, MAX (name_width / 2, seal_r));
  rectify_pdf_document_keep (doc, 2 * seal_r + leading / 2);
  seal_top = rectify_pdf_document_get_cursor (doc) + leading / 4;
  name_top = seal_top + seal_r - leading * 0.4;
  {
    RectifyPdfStyle sign = centred;
    double block = 2 * seal_r + leading / 2;

    /* the name and date as one-line labels centred on the seal */
    rectify_pdf_document_reserve (doc, block);
    sign.align = RECTIFY_PDF_ALIGN_CENTER;
    if (!rectify_pdf_document_label (doc, &sign, centre_x, name_top + leading / 2 + em * 0.35,
                                     letter->bureau, error)
        || !rectify_pdf_document_label (doc, &sign, centre_x, name_top + leading * 1.5 + em * 0.35,
                                        date, error))
      return NULL;
    rectify_pdf_document_circle (doc, centre_x, seal_top + seal_r, seal_r, RED, TRUE);
  }

  /* the receipt stub, cut off along the dashed line and kept by the bureau;
   * the stub stays whole */
  receipt = fill (w->receipt_lines, letter->number, letter->unit_name);
  rectify_pdf_document_space (doc, 8);
  rectify_pdf_document_keep (
      doc, 0.8 + rectify_pdf_document_measure_paragraph (doc, &receipt_title, w->receipt_title)
               + rectify_pdf_document_measure_paragraph (doc, &receipt_body, receipt)
               + rectify_pdf_document_measure_paragraph (doc, &note, w->receipt_note));
  rectify_pdf_document_rule (doc, 0.8, GREY, TRUE);
  if (!rectify_pdf_document_paragraph (doc, &receipt_title, w->receipt_title, error)
      || !rectify_pdf_document_paragraph (doc, &receipt_body, receipt, error)
      || !rectify_pdf_document_paragraph (doc, &note, w->receipt_note, error))
    return NULL;
  return rectify_pdf_document_finish (doc, error);
}

char *
rectify_pdf_letter_default_text (RectifyPdfLetterKind kind,
                                 RectifyPdfLanguage language,
                                 RectifyPdfLetterPart part,
                                 const char *deadline,
                                 const char *date,
                                 const char *basis)
{
  const Wording *w = language == RECTIFY_PDF_LANGUAGE_EN ? &en : &zh_cn;
  int k = kind == RECTIFY_PDF_LETTER_OPINION;
  g_autofree char *formatted = NULL;
  const char *when = !blank (deadline) ? deadline : date;

  switch (part)
    {
    case RECTIFY_PDF_LETTER_INTRO:
      return g_strdup (w->intro[k]);
    case RECTIFY_PDF_LETTER_ORDER:
      formatted = when ? rectify_pdf_format_date (when, language) : g_strdup ("");
      return fill (w->order[k], formatted,
                   !blank (basis) ? basis
                                  : rectify_pdf_letter_default_provision (
                                      RECTIFY_PDF_PROVISION_INSTRUCTION, language));
    case RECTIFY_PDF_LETTER_REMEDIES:
      return g_strdup (w->remedies[k] ? w->remedies[k] : "");
    default:
      g_return_val_if_reached (NULL);
    }
}
