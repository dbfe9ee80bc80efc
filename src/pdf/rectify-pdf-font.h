/* rectify-pdf-font.h: TrueType faces found through fontconfig, measured and subset with HarfBuzz
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RECTIFY_PDF_BODY_FONT "AR PL UMing CN"
#define RECTIFY_PDF_HEADING_FONT "WenQuanYi Micro Hei"
/* Latin letters and digits of AR PL UMing are a typewriter's: inside
 * Chinese text they are set in this face, at this size relative to the
 * ideographs' (its x-height is larger). */
#define RECTIFY_PDF_LATIN_FONT "DejaVu Serif"
#define RECTIFY_PDF_LATIN_SCALE 0.88

typedef enum
{
  RECTIFY_PDF_FONT_BODY,    /* 仿宋 */
  RECTIFY_PDF_FONT_HEADING, /* 黑体 */
  RECTIFY_PDF_FONT_TITLE,   /* 小标宋 */
} RectifyPdfFontRole;

/* The families a bureau's machines have for a role, in the order they are
 * preferred (GB/T 9704: body in 仿宋, title in 小标宋, headings in 黑体),
 * NULL-terminated; the last is the one shipped with Debian. */
const char *const *rectify_pdf_font_candidates (RectifyPdfFontRole role);
/* Whether fontconfig has the family itself (no substitute) as TrueType. */
gboolean rectify_pdf_font_installed (const char *family);
/* The family a role uses: chosen when not empty, else the first installed
 * candidate (found once per process). */
const char *rectify_pdf_font_resolve (RectifyPdfFontRole role, const char *chosen);
/* The Latin companion of a body family, or NULL when it needs none. */
const char *rectify_pdf_font_latin_companion (const char *body_family);

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
