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
  /* the equipment concerned, as the letter prints it (kind, code,
   * registration number, location); NULL or empty = none */
  const char *equipment;
  gboolean major;   /* a major accident hazard (重大事故隐患) */
  gboolean stopped; /* its equipment was ordered to stop use */
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
  /* the provisions cited, in the document's language: NULL = the defaults
   * (rectify_pdf_letter_default_provision) */
  const char *basis;      /* of the instruction: 特种设备安全法第六十二条 */
  const char *stop_basis; /* of an immediate stop: 第六十三条 */
  const char *inspectors; /* "name (badge)" list; NULL or empty = left out */
  const char *contact;    /* the bureau's contact; NULL or empty = left out */
  const char *title_font; /* family, NULL = default */
} RectifyPdfLetter;

typedef enum
{
  RECTIFY_PDF_PROVISION_INSTRUCTION, /* the written supervision instruction */
  RECTIFY_PDF_PROVISION_STOP,        /* the immediate stop and the report upward */
  RECTIFY_PDF_N_PROVISIONS
} RectifyPdfProvision;

/* The provision a letter cites by default: 《中华人民共和国特种设备安全法》
 * 第六十二条 for the instruction (第五十七条 is the general duty to
 * supervise, 第六十一条 the powers during an inspection), 第六十三条 for
 * the immediate stop of a major hazard. */
const char *rectify_pdf_letter_default_provision (RectifyPdfProvision provision,
                                                  RectifyPdfLanguage language);
/* The setting that holds a provision ("provision-instruction-zh_CN"…). */
char *rectify_pdf_letter_provision_key (RectifyPdfProvision provision, RectifyPdfLanguage language);

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
 * (YYYY-MM-DD, NULL = date) is the latest deadline of the hazards listed,
 * date the day of issue and basis the provision cited (NULL = the
 * default), as the letter would print them.  An empty string for a part
 * the kind has not (an opinion's remedies). */
char *rectify_pdf_letter_default_text (RectifyPdfLetterKind kind,
                                       RectifyPdfLanguage language,
                                       RectifyPdfLetterPart part,
                                       const char *deadline,
                                       const char *date,
                                       const char *basis);

/* A stored date (YYYY-MM-DD) as documents print it, whatever the
 * program's language: 2026年12月7日, 7 December 2026.  Anything else comes
 * back as it is; NULL gives "". */
char *rectify_pdf_format_date (const char *date, RectifyPdfLanguage language);

/* The language code ("zh_CN" or "en") and back; unknown codes give FALSE. */
const char *rectify_pdf_language_to_code (RectifyPdfLanguage language);
gboolean rectify_pdf_language_from_code (const char *code, RectifyPdfLanguage *out);

G_END_DECLS
