/* rectify-pdf-pdfa.h: what libharu 2.3.0 lacks for PDF/A-1b, mended through its internal headers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <hpdf.h>

G_BEGIN_DECLS

#define RECTIFY_PDF_SRGB_PROFILE "/usr/share/color/icc/sRGB.icc"

typedef struct
{
  const char *title;
  const char *author;
  const char *subject;
  const char *keywords;
  const char *date;     /* YYYY-MM-DD or NULL */
  const char *language; /* e.g. zh-CN */
} RectifyPdfMetadata;

/* Info dictionary (UTF-16 text strings), XMP metadata stream (escaped,
 * /Subtype /XML), PDF version 1.4, a trailer ID derived from the metadata
 * and the sRGB output intent. */
gboolean
rectify_pdf_pdfa_set_metadata (HPDF_Doc pdf, const RectifyPdfMetadata *meta, GError **error);

/* For a Type0 TrueType font loaded with the UTF-8 encoder (CID = code
 * point): a true ToUnicode CMap for chars, and CapHeight and CIDSet in
 * the font descriptor, which libharu creates only while saving. */
gboolean rectify_pdf_pdfa_mend_font (
    HPDF_Doc pdf, HPDF_Font font, GHashTable *chars, double cap_height, GError **error);

/* HPDF_GetFont (pdf, name, "UTF-8") for a font that will draw only chars:
 * libharu looks up every one of the 65 536 codes of the UTF-8 encoder in
 * the font's cmap while it creates the font, a third of the time of a
 * letter; with the encoder's CID map cut to chars for that moment it looks
 * up only those. */
HPDF_Font rectify_pdf_haru_get_font (HPDF_Doc pdf, const char *name, GHashTable *chars);

/* Forgets the mends of the fonts of a document once it is written. */
void rectify_pdf_pdfa_forget_fonts (void);

G_END_DECLS
