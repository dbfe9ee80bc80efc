/* rectify-pdf-letter.h: the supervision instruction letter and the rectification opinion
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RECTIFY_PDF_LETTER_INSTRUCTION, /* 特种设备安全监察指令书 */
  RECTIFY_PDF_LETTER_OPINION,     /* 特种设备安全整改意见书 */
} RectifyPdfLetterKind;

typedef enum
{
  RECTIFY_PDF_LANGUAGE_ZH_CN,
  RECTIFY_PDF_LANGUAGE_EN,
} RectifyPdfLanguage;

typedef struct
{
  const char *description; /* the problem found */
  const char *standard;    /* the provision violated */
  const char *measures;    /* required measures */
  const char *deadline;    /* YYYY-MM-DD */
} RectifyPdfHazard;

typedef struct
{
  RectifyPdfLetterKind kind;
  RectifyPdfLanguage language;
  const char *bureau;    /* issuing bureau */
  const char *signatory; /* may be NULL or empty */
  const char *number;    /* formatted document number */
  const char *unit_name; /* addressee */
  const char *date;      /* day of issue, YYYY-MM-DD */
  const RectifyPdfHazard *hazards;
  guint n_hazards;
  const char *body_font;    /* family, NULL = default */
  const char *heading_font; /* family, NULL = default */
  /* The free-text parts, as the drafting officer worded them: NULL = the
   * standard wording (rectify_pdf_letter_default_text), blank = left out. */
  const char *intro;    /* the sentence before the table */
  const char *order;    /* measures and deadline after it */
  const char *remedies; /* reconsideration and litigation */
} RectifyPdfLetter;

typedef enum
{
  RECTIFY_PDF_LETTER_INTRO,
  RECTIFY_PDF_LETTER_ORDER,
  RECTIFY_PDF_LETTER_REMEDIES,
} RectifyPdfLetterPart;

/* The letter as PDF/A-1b bytes, or NULL with an error that names the
 * field at fault (no hazards, a unit without a name, a missing font…). */
GBytes *rectify_pdf_letter_render (const RectifyPdfLetter *letter, GError **error);

/* The standard wording of a free-text part; for the order, deadline
 * (YYYY-MM-DD, NULL = date) is the latest deadline of the hazards listed
 * and date the day of issue, as the letter would print them.  An empty
 * string for a part the kind has not (an opinion's remedies). */
char *rectify_pdf_letter_default_text (RectifyPdfLetterKind kind,
                                       RectifyPdfLanguage language,
                                       RectifyPdfLetterPart part,
                                       const char *deadline,
                                       const char *date);

/* The language code ("zh_CN" or "en") and back; unknown codes give FALSE. */
const char *rectify_pdf_language_to_code (RectifyPdfLanguage language);
gboolean rectify_pdf_language_from_code (const char *code, RectifyPdfLanguage *out);

G_END_DECLS
