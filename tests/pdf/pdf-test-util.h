/* pdf-test-util.h: reading PDFs back with poppler, ink checks and PDFBox Preflight, for the PDF tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <poppler.h>

/* poppler-glib 22.12 declares no autoptr for these */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerFontInfo, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)

PopplerDocument *open_pdf (GBytes *bytes);
/* The text of every page, a newline after each. */
char            *all_text (PopplerDocument *doc);
/* Each string is found, after the one before it (NULL-terminated). */
void             assert_in_order (const char *text, const char *const *wanted);
void             assert_fonts_embedded_and_subset (PopplerDocument *doc);
/* Renders each page and checks that every character poppler extracts
 * draws ink inside its own box. */
void             assert_every_character_inks (PopplerDocument *doc);
/* The page printed on white at scale (pixels per point), RGB24. */
cairo_surface_t *render_page (PopplerPage *page, double scale);
/* The bytes in a new private folder; remove_temp_pdf removes both. */
char            *write_temp_pdf (GBytes *bytes, const char *name);
void             remove_temp_pdf (char *path);
/* Writes the bytes to $RECTIFY_PDF_SAVE/name when that folder is set, to
 * look at what a test made (render with pdftoppm). */
void             save_for_looking (GBytes *bytes, const char *name);
/* The GB/T 9704 text block on an A4 page, points from its top left */
#define LEFT_EDGE (28 * 72.0 / 25.4)
#define RIGHT_EDGE ((28 + 156) * 72.0 / 25.4)
#define TOP_EDGE (37 * 72.0 / 25.4)
#define BOTTOM_EDGE ((37 + 225) * 72.0 / 25.4)

typedef struct
{
  GString *text;   /* the characters of the line */
  double x1, x2;   /* left of the first, right of the last, points */
  double y1, y2;   /* top and bottom, points from the top of the page */
} TextLine;

/* The page's characters grouped in lines by poppler's layout: a new line
 * where the text has a newline.  A GPtrArray of TextLine. */
GPtrArray       *page_lines (PopplerPage *page);
/* The first line holding text, spaces aside (poppler puts one where the
 * font changes, as between 第 and 1). */
const TextLine  *find_line (GPtrArray *lines, const char *text);
/* The page's lines as they are seen: characters grouped by their height
 * on the page, left to right, a space where a gap is (between words and
 * between the cells of a row); so a word cut over two lines is in two. */
GPtrArray       *visual_lines (PopplerPage *page);
/* Whether a line inside the text block lies below line on its page. */
gboolean         text_below (GPtrArray *lines, const TextLine *line);

/* Apache PDFBox Preflight: fails the test unless it says valid. */
void             assert_pdfa_1b (GBytes *bytes, const char *name);
