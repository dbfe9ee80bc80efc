/* rectify-pdf-error.h: the error domain of the PDF engine
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RECTIFY_PDF_ERROR (rectify_pdf_error_quark ())

typedef enum
{
  RECTIFY_PDF_ERROR_INVALID, /* bad document input; the message names the field */
  RECTIFY_PDF_ERROR_FONT,    /* a font is missing, cannot be loaded or lacks a glyph */
  RECTIFY_PDF_ERROR_WRITE,   /* the output file could not be written */
  RECTIFY_PDF_ERROR_FAILED,  /* libharu or HarfBuzz failed */
} RectifyPdfError;

GQuark rectify_pdf_error_quark (void);

G_END_DECLS
