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
/* Apache PDFBox Preflight: fails the test unless it says valid. */
void             assert_pdfa_1b (GBytes *bytes, const char *name);
