/* rectify-pdf-letter.h: the supervision instruction letter and the rectification opinion
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RECTIFY_PDF_LETTER_INSTRUCTION,  /* 特种设备安全监察指令书 */
  RECTIFY_PDF_LETTER_OPINION,      /* 特种设备安全整改意见书 */
} RectifyPdfLetterKind;

typedef enum {
  RECTIFY_PDF_LANGUAGE_ZH_CN,
  RECTIFY_PDF_LANGUAGE_EN,
} RectifyPdfLanguage;

typedef struct {
  const char *description;  /* the problem found */
  const char *standard;     /* the provision violated */
  const char *measures;     /* required measures */
  const char *deadline;     /* YYYY-MM-DD */
} RectifyPdfHazard;

typedef struct {
  RectifyPdfLetterKind    kind;
  RectifyPdfLanguage      language;
  const char             *bureau;      /* issuing bureau */
  const char             *signatory;   /* may be NULL or empty */
  const char             *number;      /* formatted document number */
  const char             *unit_name;   /* addressee */
  const char             *date;        /* day of issue, YYYY-MM-DD */
  const RectifyPdfHazard *hazards;
  guint                   n_hazards;
  const char             *body_font;     /* family, NULL = default */
  const char             *heading_font;  /* family, NULL = default */
} RectifyPdfLetter;

/* The letter as PDF/A-1b bytes, or NULL with an error that names the
 * field at fault (no hazards, a unit without a name, a missing font…). */
GBytes *rectify_pdf_letter_render (const RectifyPdfLetter *letter, GError **error);

/* The language code ("zh_CN" or "en") and back; unknown codes give FALSE. */
const char *rectify_pdf_language_to_code (RectifyPdfLanguage language);
gboolean    rectify_pdf_language_from_code (const char *code, RectifyPdfLanguage *out);

G_END_DECLS
