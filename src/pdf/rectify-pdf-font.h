/* rectify-pdf-font.h: TrueType faces found through fontconfig, measured and subset with HarfBuzz
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RECTIFY_PDF_BODY_FONT "AR PL UMing CN"
#define RECTIFY_PDF_HEADING_FONT "WenQuanYi Micro Hei"

/* A face of an installed font; shared, immutable and kept for the life of
 * the process (fontconfig lookups and mapping a 20 MB .ttc are not free). */
typedef struct _RectifyPdfFace RectifyPdfFace;

/* The face of the installed family, which must be a TrueType-outline font
 * (libharu loads nothing else).  Errors in RECTIFY_PDF_ERROR_FONT. */
RectifyPdfFace *rectify_pdf_face_lookup (const char *family, GError **error);

const char *rectify_pdf_face_get_family (RectifyPdfFace *face);
const char *rectify_pdf_face_get_path (RectifyPdfFace *face);
gboolean rectify_pdf_face_has_char (RectifyPdfFace *face, gunichar c);
/* Advance of c in thousandths of the font size (PDF glyph space). */
double rectify_pdf_face_char_width (RectifyPdfFace *face, gunichar c);
double rectify_pdf_face_ascent (RectifyPdfFace *face);  /* 1/1000 em */
double rectify_pdf_face_descent (RectifyPdfFace *face); /* negative */
double rectify_pdf_face_cap_height (RectifyPdfFace *face);

/* Writes a TrueType font holding only the glyphs of chars (a set of
 * gunichar keys) to a private memory file (a temporary file where there is
 * none); returns its path, for rectify_pdf_face_subset_release. */
char *rectify_pdf_face_subset_to_file (RectifyPdfFace *face, GHashTable *chars, GError **error);
/* Removes the subset file (or closes the memory file) and frees path. */
void rectify_pdf_face_subset_release (char *path);

G_END_DECLS
