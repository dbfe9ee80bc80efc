/* rectify-pdf-document.h: pages of flowing text, tables and rules, written as PDF/A-1b with libharu
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rectify-pdf-font.h"

G_BEGIN_DECLS

#define RECTIFY_PDF_MM(mm) ((mm)*72.0 / 25.4)

typedef enum
{
  RECTIFY_PDF_ALIGN_LEFT,
  RECTIFY_PDF_ALIGN_CENTER,
  RECTIFY_PDF_ALIGN_RIGHT,
  RECTIFY_PDF_ALIGN_JUSTIFY,
} RectifyPdfAlign;

typedef struct
{
  RectifyPdfFontRole font;
  double size;         /* points */
  double leading;      /* line pitch, points; 0 = 1.5 × size */
  double first_indent; /* points, added to left_indent on the first line */
  double left_indent;
  double right_indent;
  RectifyPdfAlign align;
  guint32 color; /* 0xRRGGBB */
  double space_before;
  double space_after;
  /* a heading: never the last thing on a page.  When what follows it
   * does not start on the same page, it goes to the next page with it. */
  gboolean keep_with_next;
} RectifyPdfStyle;

typedef struct
{
  guint n_columns;
  const double *widths;      /* relative, n_columns */
  const char *const *header; /* n_columns titles, repeated on every page */
  const char *const *cells;  /* n_rows × n_columns, row by row */
  guint n_rows;
  const RectifyPdfStyle *header_style;
  const RectifyPdfStyle *cell_style;
  /* n_columns alignments of the cells (the header stays centred), NULL =
   * the cell style's: 序号 centred, numbers right-aligned */
  const RectifyPdfAlign *aligns;
} RectifyPdfTable;

typedef struct _RectifyPdfDocument RectifyPdfDocument;

/* The families of a document's roles: NULL or empty = the first installed
 * of the role's candidates (rectify_pdf_font_resolve). */
typedef struct
{
  const char *body;
  const char *heading;
  const char *title; /* NULL = the heading's when no title font is installed */
} RectifyPdfFonts;

/* A4 with the GB/T 9704 text block: top margin 37 mm, binding margin
 * 28 mm, 156 × 225 mm.  Families NULL = the defaults of rectify-pdf-font.h. */
RectifyPdfDocument *
rectify_pdf_document_new (const char *body_family, const char *heading_family, GError **error);
RectifyPdfDocument *rectify_pdf_document_new_with_fonts (const RectifyPdfFonts *fonts,
                                                         GError **error);
/* The family a role is set in. */
const char *rectify_pdf_document_get_family (RectifyPdfDocument *self, RectifyPdfFontRole role);
void rectify_pdf_document_free (RectifyPdfDocument *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyPdfDocument, rectify_pdf_document_free)

/* Metadata of the PDF (Info and XMP); date is YYYY-MM-DD, language an
 * RFC 3066 tag such as "zh-CN". */
void rectify_pdf_document_set_metadata (RectifyPdfDocument *self,
                                        const char *title,
                                        const char *author,
                                        const char *subject,
                                        const char *keywords,
                                        const char *date,
                                        const char *language);
/* Small text above the text block on every page but the first. */
void rectify_pdf_document_set_header (RectifyPdfDocument *self, const char *text);
/* Text below the text block on every page; "{page}" and "{pages}" are
 * replaced by the page number and the page count. */
void rectify_pdf_document_set_footer (RectifyPdfDocument *self, const char *format);

/* Flows a paragraph at the cursor, across pages when needed; "\n" breaks
 * a line.  A paragraph of two or more lines never leaves its first line
 * alone at the foot of a page nor its last alone at the top of the next.
 * Fails when a character is in neither font. */
gboolean rectify_pdf_document_paragraph (RectifyPdfDocument *self,
                                         const RectifyPdfStyle *style,
                                         const char *text,
                                         GError **error);
/* The height the paragraph would take, space before and after included. */
double rectify_pdf_document_measure_paragraph (RectifyPdfDocument *self,
                                               const RectifyPdfStyle *style,
                                               const char *text);
/* Narrows a centred style (a title) by equal indents to the least width
 * that keeps its number of lines, so that no word stands alone on its
 * last line. */
void
rectify_pdf_document_balance (RectifyPdfDocument *self, RectifyPdfStyle *style, const char *text);
/* A column is widened, taking from the others, to hold its widest word,
 * date, number or code unbroken when the widths allow. */
gboolean
rectify_pdf_document_table (RectifyPdfDocument *self, const RectifyPdfTable *table, GError **error);
/* The height the table would take on one page, header included. */
double rectify_pdf_document_measure_table (RectifyPdfDocument *self, const RectifyPdfTable *table);
void rectify_pdf_document_space (RectifyPdfDocument *self, double points);
/* A horizontal rule across the text block at the cursor. */
void rectify_pdf_document_rule (RectifyPdfDocument *self,
                                double thickness,
                                guint32 color,
                                gboolean dashed);
/* Starts a new page unless height points are left on this one (a
 * heading just placed goes with it, see keep_with_next). */
void rectify_pdf_document_keep (RectifyPdfDocument *self, double height);
void rectify_pdf_document_new_page (RectifyPdfDocument *self);
/* Cursor: distance from the top of the text block, points. */
double rectify_pdf_document_get_cursor (RectifyPdfDocument *self);
guint rectify_pdf_document_get_n_pages (RectifyPdfDocument *self);
double rectify_pdf_document_get_text_width (RectifyPdfDocument *self);
double rectify_pdf_document_get_text_height (RectifyPdfDocument *self);
/* A circle on the current page, centre given like the cursor (x from the
 * left edge of the text block, y down from its top). */
void rectify_pdf_document_circle (
    RectifyPdfDocument *self, double x, double y, double radius, guint32 color, gboolean dashed);

/* Drawing at a place on the current page, for charts: x from the left
 * edge of the text block, y down from its top, points; vector paths. */
void rectify_pdf_document_fill_rect (
    RectifyPdfDocument *self, double x, double y, double width, double height, guint32 color);
void rectify_pdf_document_line (RectifyPdfDocument *self,
                                double x1,
                                double y1,
                                double x2,
                                double y2,
                                double thickness,
                                guint32 color,
                                gboolean dashed);
/* points: n_points x, y pairs joined by straight lines. */
void rectify_pdf_document_polyline (RectifyPdfDocument *self,
                                    const double *points,
                                    guint n_points,
                                    double thickness,
                                    guint32 color,
                                    gboolean dashed);
/* One line of text with its baseline at y; style->align says whether x is
 * its left end, centre or right end.  Text after a newline is dropped. */
gboolean rectify_pdf_document_label (RectifyPdfDocument *self,
                                     const RectifyPdfStyle *style,
                                     double x,
                                     double y,
                                     const char *text,
                                     GError **error);
double rectify_pdf_document_text_width (RectifyPdfDocument *self,
                                        const RectifyPdfStyle *style,
                                        const char *text);
/* Keeps height points together (a new page unless they fit), moves the
 * cursor below them and returns the top of the reserved band. */
double rectify_pdf_document_reserve (RectifyPdfDocument *self, double height);

/* Whether data is a JPEG (grey or RGB) or a PNG the document can embed;
 * its size in pixels.  Fails with RECTIFY_PDF_ERROR_INVALID saying why. */
gboolean
rectify_pdf_image_probe (GBytes *data, gboolean *png, guint *width, guint *height, GError **error);
/* The most pixels of the long side of an embedded image. */
#define RECTIFY_PDF_IMAGE_MAX_PIXELS 1600

/* Places a JPEG or PNG image at the left of the text block at the cursor,
 * scaled down to fit max_width × max_height points (never past 75 dpi
 * enlargement), on a new page when it does not fit.  PNG transparency is
 * flattened onto white: PDF/A-1b has none.  An image with more pixels than
 * 300 dpi at its printed size (or than RECTIFY_PDF_IMAGE_MAX_PIXELS on its
 * long side) is embedded reduced to that, as a JPEG of quality 85; a JPEG
 * with an EXIF Orientation other than 1 is laid out and embedded upright
 * (decoded, turned and encoded again); data itself is not changed.  Returns the height used, or 0
 * with an error when the image cannot be embedded (nothing is placed). */
double rectify_pdf_document_image (
    RectifyPdfDocument *self, GBytes *data, double max_width, double max_height, GError **error);

/* Lays out the header and footer, subsets the fonts to the characters
 * used, and writes the PDF/A-1b file into memory. */
GBytes *rectify_pdf_document_finish (RectifyPdfDocument *self, GError **error);

/* Writes bytes to path through a temporary file renamed into place, so
 * that a failure leaves no partial file. */
gboolean rectify_pdf_write_file (GBytes *bytes, const char *path, GError **error);

G_END_DECLS
