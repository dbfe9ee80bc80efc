/* rectify-pdf-void-copy.c: the copy of a voided document, marked VOID
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-pdf"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <poppler.h>

#include "rectify-pdf-document.h"
#include "rectify-pdf-error.h"
#include "rectify-pdf-void-copy.h"

/* poppler-glib 22.12 declares no cleanup functions */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define RENDER_DPI 150.0
#define VOID_RED 0xC00000

typedef struct
{
  const char *lang_tag;
  const char *mark;    /* the big word over each page */
  const char *title;   /* {1} number */
  const char *details; /* {1} number {2} void date {3} reason */
  const char *hash;    /* {1} sha256 */
  const char *footer;
} Wording;

static const Wording zh_cn = {
  "zh-CN",
  "作　废",
  "作废文书副本：{1}",
  "本文书（{1}）已于{2}作废。作废原因：{3}",
  "存档原件的 SHA-256：{1}。本副本仅供查阅，不作为执法文书使用。",
  "— {page} —",
};

static const Wording en = {
  "en",
  "VOID",
  "Copy of a voided document: {1}",
  "This document ({1}) was voided on {2}. Reason: {3}",
  "SHA-256 of the archived original: {1}. This copy is for reference only and is not an "
  "enforcement document.",
  "Page {page} of {pages}",
};

/* template with {1}, {2}, {3} replaced by the arguments. */
static char *
fill (const char *template, const char *a, const char *b, const char *c)
{
  g_autoptr (GString) text = g_string_new (template);

  g_string_replace (text, "{1}", a ? a : "", 0);
  g_string_replace (text, "{2}", b ? b : "", 0);
  g_string_replace (text, "{3}", c ? c : "", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static cairo_status_t
append_png (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Page i of pdf as a PNG on white at RENDER_DPI. */
static GBytes *
page_png (PopplerDocument *pdf, int i, GError **error)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (pdf, i);
  GByteArray *png = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  cairo_status_t status;

  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)(width * RENDER_DPI / 72.0),
                                        (int)(height * RENDER_DPI / 72.0));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, RENDER_DPI / 72.0, RENDER_DPI / 72.0);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (png);
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
                   _ ("PDF: page %d of the stored document could not be drawn (%s)"), i + 1,
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (png);
}

GBytes *
rectify_pdf_void_copy (GBytes *stored,
                       const RectifyDocument *document,
                       RectifyPdfLanguage language,
                       GError **error)
{
  const Wording *w = language == RECTIFY_PDF_LANGUAGE_EN ? &en : &zh_cn;
  const RectifyPdfStyle mark_style = { RECTIFY_PDF_FONT_HEADING, 44,       0, 0, 0,    0,
                                       RECTIFY_PDF_ALIGN_CENTER, VOID_RED, 0, 0, FALSE };
  const RectifyPdfStyle title_style
      = { RECTIFY_PDF_FONT_HEADING, 14, 0, 0, 0, 0, RECTIFY_PDF_ALIGN_LEFT, VOID_RED, 0, 4, FALSE };
  const RectifyPdfStyle text_style
      = { RECTIFY_PDF_FONT_BODY, 9, 0, 0, 0, 0, RECTIFY_PDF_ALIGN_LEFT, 0x000000, 0, 2, FALSE };
  g_autoptr (GError) local = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autoptr (RectifyPdfDocument) doc = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  g_autofree char *hash = NULL;
  int n_pages;

  g_return_val_if_fail (stored != NULL, NULL);
  g_return_val_if_fail (document != NULL, NULL);

  pdf = poppler_document_new_from_bytes (stored, NULL, &local);
  if (pdf == NULL)
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
                   _ ("PDF: the stored document %s cannot be read (%s)"), document->number,
                   local->message);
      return NULL;
    }
  if (!(doc = rectify_pdf_document_new (NULL, NULL, error)))
    return NULL;
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, stored);
  day = rectify_pdf_format_date (document->void_date, language);
  title = fill (w->title, document->number, NULL, NULL);
  details = fill (w->details, document->number, day, document->void_reason);
  hash = fill (w->hash, sha256, NULL, NULL);
  rectify_pdf_document_set_metadata (doc, title, NULL, details, document->number,
                                     document->void_date, w->lang_tag);
  rectify_pdf_document_set_footer (doc, w->footer);

  n_pages = poppler_document_get_n_pages (pdf);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr (GBytes) png = NULL;
      double top, used, text_width = rectify_pdf_document_get_text_width (doc);
      guint px_w = 0, px_h = 0;
      gboolean is_png = FALSE;
      double shown_w, left;

      if (i > 0)
        rectify_pdf_document_new_page (doc);
      if (!rectify_pdf_document_paragraph (doc, &title_style, title, error)
          || !rectify_pdf_document_paragraph (doc, &text_style, details, error)
          || !rectify_pdf_document_paragraph (doc, &text_style, hash, error))
        return NULL;
      rectify_pdf_document_space (doc, 6);
      if (!(png = page_png (pdf, i, error))
          || !rectify_pdf_image_probe (png, &is_png, &px_w, &px_h, error))
        return NULL;
      top = rectify_pdf_document_get_cursor (doc);
      used = rectify_pdf_document_image (doc, png, text_width,
                                         rectify_pdf_document_get_text_height (doc) - top, error);
      if (used <= 0)
        return NULL;
      /* the picture sits at the left of the block: frame it and mark it */
      shown_w = MIN (text_width, used * px_w / MAX (px_h, 1));
      left = 0;
      {
        const double frame[] = { left,       top,  left + shown_w, top,  left + shown_w,
                                 top + used, left, top + used,     left, top };
        rectify_pdf_document_polyline (doc, frame, 5, 2.0, VOID_RED, FALSE);
      }
      rectify_pdf_document_line (doc, left, top, left + shown_w, top + used, 1.0, VOID_RED, TRUE);
      rectify_pdf_document_line (doc, left + shown_w, top, left, top + used, 1.0, VOID_RED, TRUE);
      if (!rectify_pdf_document_label (doc, &mark_style, left + shown_w / 2, top + used / 2 + 16,
                                       w->mark, error))
        return NULL;
    }
  return rectify_pdf_document_finish (doc, error);
}
