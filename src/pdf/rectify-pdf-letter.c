/* rectify-pdf-letter.c: the supervision instruction letter and the rectification opinion
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wording is the document's, in the language chosen for the document,
 * whatever the language of the program: it is not translated by gettext.
 */
#define G_LOG_DOMAIN "rectify-pdf"

#include "config.h"

#include <glib/gi18n.h>
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
  const char *order[2];    /* {1} = deadline */
  const char *remedies[2]; /* NULL = none */
  const char *signatory;   /* {1} = signatory */
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
  { "依据《中华人民共和国特种设备安全法》第五十七条的规定，责令你单位按上表措施于{1}前改正，"
    "并书面报告整改情况。逾期未改正的，依法处理。",
    "请你单位按上表措施认真整改，于{1}前完成，并将整改情况报告本局。" },
  { "如不服本指令，可在收到之日起六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼。",
    NULL },
  "签发人：{1}",
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
  { "Under Article 57 of the Special Equipment Safety Law of the People's Republic of China, your "
    "unit is "
    "ordered to correct these problems with the measures listed above by {1} and to report the "
    "rectification in writing. Problems not corrected by then will be dealt with according to law.",
    "Please rectify these hazards with the measures listed above by {1} and report the "
    "rectification "
    "to this bureau." },
  { "If your unit disagrees, it may apply for administrative reconsideration within 60 days of "
    "receiving "
    "this letter, or bring an administrative lawsuit before a people's court within 6 months.",
    NULL },
  "Signed by: {1}",
  "RECEIPT",
  "Document number: {1}\nReceived by (unit): {2}\nSignature: ____________________    Date: "
  "______________",
  "This document is made in two copies: one for the bureau, one for the unit.",
  "Page {page} of {pages}",
  "en",
  ": ",
};

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
static char *
format_date (const char *date, RectifyPdfLanguage language)
{
  int y, m, d;

  if (!parse_date (date, &y, &m, &d))
    return g_strdup (date);
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
  g_autofree char *subject = NULL;
  g_autofree char *receipt = NULL;
  g_autofree char *addressee = NULL;
  const char *intro;
  const char *remedies;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  static const double widths[] = { 0.09, 0.30, 0.22, 0.24, 0.15 };
  double em, cursor, seal_x, seal_y;
  RectifyPdfStyle issuer
      = { RECTIFY_PDF_FONT_HEADING, 26, 36, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, RED, 0, 0 };
  RectifyPdfStyle number
      = { RECTIFY_PDF_FONT_BODY, 16, BODY_LEADING, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, BLACK, 0, 0 };
  RectifyPdfStyle title
      = { RECTIFY_PDF_FONT_HEADING, 22, 30, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, BLACK, 8, 6 };
  RectifyPdfStyle body = {
    RECTIFY_PDF_FONT_BODY, 16, BODY_LEADING, 32, 0, 0, RECTIFY_PDF_ALIGN_JUSTIFY, BLACK, 0, 0
  };
  RectifyPdfStyle plain = body;
  RectifyPdfStyle right = body;
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
  RectifyPdfStyle signature;

  g_return_val_if_fail (letter != NULL, NULL);

  if (!validate (letter, error))
    return NULL;
  lang = letter->language;
  w = lang == RECTIFY_PDF_LANGUAGE_EN ? &en : &zh_cn;
  kind = letter->kind == RECTIFY_PDF_LETTER_OPINION;
  intro = letter->intro ? letter->intro : w->intro[kind];
  plain.first_indent = 0;
  plain.align = RECTIFY_PDF_ALIGN_LEFT;
  right.first_indent = 0;
  right.align = RECTIFY_PDF_ALIGN_RIGHT;
  right.right_indent = 32;
  if (lang == RECTIFY_PDF_LANGUAGE_EN)
    {
      /* English reads better smaller, and indents less */
      issuer.size = 20;
      issuer.leading = 30;
      title.size = 18;
      title.leading = 26;
      body.size = plain.size = right.size = 13;
      body.leading = plain.leading = right.leading = 21;
      body.first_indent = 0;
      cell.size = head_cell.size = 11;
    }

  /* AR PL UMing's Latin letters are typewriter-like: English text is set
   * in the heading face unless a body font is chosen */
  doc = rectify_pdf_document_new (letter->body_font                 ? letter->body_font
                                  : lang == RECTIFY_PDF_LANGUAGE_EN ? RECTIFY_PDF_HEADING_FONT
                                                                    : NULL,
                                  letter->heading_font, error);
  if (doc == NULL)
    return NULL;
  date = format_date (letter->date, lang);
  subject = g_strconcat (w->title[kind], w->separator, letter->unit_name, NULL);
  rectify_pdf_document_set_metadata (doc, w->title[kind], letter->bureau, subject, letter->number,
                                     letter->date, w->lang_tag);
  rectify_pdf_document_set_header (doc, letter->number);
  rectify_pdf_document_set_footer (doc, w->footer);

  /* red issuer line, number, red rule, title, addressee */
  if (!rectify_pdf_document_paragraph (doc, &issuer, letter->bureau, error)
      || !rectify_pdf_document_paragraph (doc, &number, letter->number, error))
    return NULL;
  rectify_pdf_document_rule (doc, 1.5, RED, FALSE);
  addressee = g_strconcat (letter->unit_name, lang == RECTIFY_PDF_LANGUAGE_EN ? ":" : "：", NULL);
  if (!rectify_pdf_document_paragraph (doc, &title, w->title[kind], error)
      || !rectify_pdf_document_paragraph (doc, &plain, addressee, error)
      || (!blank (intro) && !rectify_pdf_document_paragraph (doc, &body, intro, error)))
    return NULL;

  /* the problems found, provisions violated, measures and deadlines */
  for (guint i = 0; i < letter->n_hazards; i++)
    {
      const RectifyPdfHazard *h = &letter->hazards[i];
      g_ptr_array_add (cells, g_strdup_printf ("%u", i + 1));
      g_ptr_array_add (cells, g_strdup (h->description));
      g_ptr_array_add (cells, g_strdup (h->standard ? h->standard : ""));
      g_ptr_array_add (cells, g_strdup (h->measures ? h->measures : ""));
      g_ptr_array_add (cells,
                       blank (h->deadline) ? g_strdup ("") : format_date (h->deadline, lang));
      if (!blank (h->deadline) && (latest == NULL || strcmp (h->deadline, latest) > 0))
        latest = h->deadline;
    }
  {
    RectifyPdfTable table
        = { 5,          widths, w->columns, (const char *const *)cells->pdata, letter->n_hazards,
            &head_cell, &cell };
    rectify_pdf_document_space (doc, 4);
    if (!rectify_pdf_document_table (doc, &table, error))
      return NULL;
    rectify_pdf_document_space (doc, 4);
  }
  deadline = latest ? format_date (latest, lang) : g_strdup (date);
  order = letter->order ? g_strdup (letter->order) : fill (w->order[kind], deadline, NULL);
  remedies = letter->remedies ? letter->remedies : w->remedies[kind];
  if ((!blank (order) && !rectify_pdf_document_paragraph (doc, &body, order, error))
      || (!blank (remedies) && !rectify_pdf_document_paragraph (doc, &body, remedies, error)))
    return NULL;

  /* signature block, date and the seal over them */
  em = body.size;
  signature = right;
  signature.leading = body.size * 1.5;
  rectify_pdf_document_space (doc, em / 2);
  rectify_pdf_document_keep (doc, 3 * signature.leading);
  if (!blank (letter->signatory))
    {
      g_autofree char *signed_by = fill (w->signatory, letter->signatory, NULL);
      if (!rectify_pdf_document_paragraph (doc, &signature, signed_by, error))
        return NULL;
    }
  cursor = rectify_pdf_document_get_cursor (doc);
  if (!rectify_pdf_document_paragraph (doc, &signature, letter->bureau, error)
      || !rectify_pdf_document_paragraph (doc, &signature, date, error))
    return NULL;
  seal_x = rectify_pdf_document_get_text_width (doc) - right.right_indent - RECTIFY_PDF_MM (22);
  seal_y = cursor + signature.leading;
  rectify_pdf_document_circle (doc, seal_x, seal_y, RECTIFY_PDF_MM (21), RED, TRUE);

  /* the receipt stub, cut off along the dashed line and kept by the bureau */
  /* the stub stays whole */
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
                                 const char *date)
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
      formatted = when ? format_date (when, language) : g_strdup ("");
      return fill (w->order[k], formatted, NULL);
    case RECTIFY_PDF_LETTER_REMEDIES:
      return g_strdup (w->remedies[k] ? w->remedies[k] : "");
    default:
      g_return_val_if_reached (NULL);
    }
}
