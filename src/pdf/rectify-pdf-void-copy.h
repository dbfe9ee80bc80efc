/* rectify-pdf-void-copy.h: the copy of a voided document, marked VOID
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rectify-pdf-letter.h"
#include "rectify-records.h"

G_BEGIN_DECLS

/* A new PDF/A-1b file that shows every page of stored (the PDF document
 * was issued as, read with poppler) under a red VOID mark with the void's
 * date and reason and the SHA-256 of stored, in language.  stored itself
 * is not changed: the archive and the database keep those bytes.  The
 * pages are pictures of the original (150 dpi), scaled into the text
 * block; the mark and its text are text. */
GBytes *rectify_pdf_void_copy (GBytes *stored,
                               const RectifyDocument *document,
                               RectifyPdfLanguage language,
                               GError **error);

G_END_DECLS
