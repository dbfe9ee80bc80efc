/* rectify-pdf-view.h: the pages of a PDF drawn with poppler, and printed as shown
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <poppler.h>

G_BEGIN_DECLS

#define RECTIFY_TYPE_PDF_VIEW (rectify_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (RectifyPdfView, rectify_pdf_view, RECTIFY, PDF_VIEW, GtkWidget)

/* A PDF read by poppler and its pages drawn, made anywhere: poppler and
 * cairo only, so a thread can draw a long document while the window
 * answers; rectify_pdf_view_set_pages() then shows it at once. */
typedef struct _RectifyPdfPages RectifyPdfPages;

RectifyPdfPages *rectify_pdf_pages_render (GBytes *pdf, int scale_factor, GError **error);
void rectify_pdf_pages_free (RectifyPdfPages *pages);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyPdfPages, rectify_pdf_pages_free)

GtkWidget *rectify_pdf_view_new (void);
/* Reads the PDF and draws its pages; FALSE with an error (shown in the
 * view) when poppler cannot read it.  Emits "rendered" when the pages are
 * ready. */
gboolean rectify_pdf_view_set_pdf (RectifyPdfView *self, GBytes *pdf, GError **error);
/* Shows pages drawn beforehand (for the view's scale factor); emits
 * "rendered". */
void rectify_pdf_view_set_pages (RectifyPdfView *self, RectifyPdfPages *pages);
/* No pages: a message in their place (a document without a stored PDF, a
 * draft the engine refused).  NULL clears the view. */
void rectify_pdf_view_set_message (RectifyPdfView *self, const char *message);
const char *rectify_pdf_view_get_message (RectifyPdfView *self);
/* The document shown, NULL when none; its bytes are what Print and Save use. */
PopplerDocument *rectify_pdf_view_get_document (RectifyPdfView *self);
GBytes *rectify_pdf_view_get_bytes (RectifyPdfView *self);
guint rectify_pdf_view_get_n_pages (RectifyPdfView *self);
/* The drawn page, for tests. */
GdkTexture *rectify_pdf_view_get_texture (RectifyPdfView *self, guint page);
/* Prints the pages shown through the GTK print dialog, drawn by poppler at
 * the printer's resolution. */
gboolean rectify_pdf_view_print (RectifyPdfView *self,
                                 GtkWindow *parent,
                                 const char *job_name,
                                 GError **error);
/* The same drawing, exported to a PDF file without a dialog (tests). */
gboolean rectify_pdf_view_print_to_file (RectifyPdfView *self, const char *path, GError **error);

/* Writes bytes to path through a temporary file in the same folder,
 * renamed over path only when complete: never a partial file. */
gboolean rectify_write_file_atomically (const char *path, GBytes *bytes, GError **error);

G_END_DECLS
