/* rectify-pdf-view.c: the pages of a PDF drawn with poppler, and printed as shown
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rectify-pdf-view.h"

/* Pages are drawn once, one pixel per PDF point on each device pixel
 * (an A4 page 595 pixels wide, about the pane's width), and scaled by the
 * picture: at 1.5 poppler took 50-70 ms a page, too long for a preview
 * that follows typing (bench-documents). */
#define PREVIEW_SCALE 1.0

struct _RectifyPdfView
{
  GtkWidget parent_instance;

  GtkWidget *scrolled;
  GtkWidget *pages_box;
  GtkWidget *message_label;
  GBytes *bytes;
  PopplerDocument *document;
  GPtrArray *textures; /* GdkTexture per page */
  char *message;
};

G_DEFINE_FINAL_TYPE (RectifyPdfView, rectify_pdf_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_RENDERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  GBytes *pixels; /* cairo ARGB32: premultiplied, native byte order */
  int width;
  int height;
  gsize stride;
} PagePixels;

struct _RectifyPdfPages
{
  GBytes *pdf;
  PopplerDocument *document;
  GArray *pages; /* PagePixels */
};

static void
page_pixels_clear (PagePixels *p)
{
  g_clear_pointer (&p->pixels, g_bytes_unref);
}

void
rectify_pdf_pages_free (RectifyPdfPages *pages)
{
  if (pages == NULL)
    return;
  g_clear_pointer (&pages->pdf, g_bytes_unref);
  g_clear_object (&pages->document);
  g_clear_pointer (&pages->pages, g_array_unref);
  g_free (pages);
}

static PagePixels
render_page (PopplerPage *page, double scale)
{
  PagePixels p;
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  poppler_page_get_size (page, &width, &height);
  p.width = MAX (1, (int)(width * scale + 0.5));
  p.height = MAX (1, (int)(height * scale + 0.5));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, p.width, p.height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  p.stride = (gsize)cairo_image_surface_get_stride (surface);
  p.pixels = g_bytes_new (cairo_image_surface_get_data (surface), p.stride * p.height);
  cairo_surface_destroy (surface);
  return p;
}

RectifyPdfPages *
rectify_pdf_pages_render (GBytes *pdf, int scale_factor, GError **error)
{
  g_autoptr (GError) local = NULL;
  PopplerDocument *document;
  RectifyPdfPages *pages;
  int n;

  g_return_val_if_fail (pdf != NULL, NULL);

  document = poppler_document_new_from_bytes (pdf, NULL, &local);
  if (document == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _ ("Preview: the PDF cannot be read (%s)"), local->message);
      return NULL;
    }
  pages = g_new0 (RectifyPdfPages, 1);
  pages->pdf = g_bytes_ref (pdf);
  pages->document = document;
  pages->pages = g_array_new (FALSE, TRUE, sizeof (PagePixels));
  g_array_set_clear_func (pages->pages, (GDestroyNotify)page_pixels_clear);
  n = poppler_document_get_n_pages (document);
  for (int i = 0; i < n; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      PagePixels p = render_page (page, PREVIEW_SCALE * MAX (1, scale_factor));

      g_object_unref (page);
      g_array_append_val (pages->pages, p);
    }
  return pages;
}

static void
clear_pages (RectifyPdfView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->pages_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->pages_box), child);
  g_ptr_array_set_size (self->textures, 0);
  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
}

void
rectify_pdf_view_set_message (RectifyPdfView *self, const char *message)
{
  g_return_if_fail (RECTIFY_IS_PDF_VIEW (self));

  clear_pages (self);
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->message_label), message ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL);
}

void
rectify_pdf_view_set_pages (RectifyPdfView *self, RectifyPdfPages *pages)
{
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  guint n;

  g_return_if_fail (RECTIFY_IS_PDF_VIEW (self));
  g_return_if_fail (pages != NULL);

  rectify_pdf_view_set_message (self, NULL);
  self->document = g_object_ref (pages->document);
  self->bytes = g_bytes_ref (pages->pdf);
  n = pages->pages->len;
  for (guint i = 0; i < n; i++)
    {
      const PagePixels *p = &g_array_index (pages->pages, PagePixels, i);
      /* cairo's ARGB32 is premultiplied, in native byte order */
      GdkTexture *texture = gdk_memory_texture_new (p->width, p->height,
                                                    G_BYTE_ORDER == G_LITTLE_ENDIAN
                                                        ? GDK_MEMORY_B8G8R8A8_PREMULTIPLIED
                                                        : GDK_MEMORY_A8R8G8B8_PREMULTIPLIED,
                                                    p->pixels, p->stride);
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      /* Translators: the description of a previewed page */
      g_autofree char *alt = g_strdup_printf (_ ("Page %d of %d"), (int)i + 1, (int)n);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      /* A scrolled box gives each child its minimum height, which a
       * shrinkable picture has none of: several pages were squeezed into
       * the pane's height.  Each page is as tall as drawn, narrower panes
       * scale it down inside that height. */
      gtk_widget_set_size_request (picture, -1, p->height / MAX (1, scale_factor));
      gtk_picture_set_alternative_text (GTK_PICTURE (picture), alt);
      gtk_widget_add_css_class (picture, "card");
      gtk_box_append (GTK_BOX (self->pages_box), picture);
      g_ptr_array_add (self->textures, texture);
    }
  g_signal_emit (self, signals[SIGNAL_RENDERED], 0);
}

gboolean
rectify_pdf_view_set_pdf (RectifyPdfView *self, GBytes *pdf, GError **error)
{
  g_autoptr (GError) local = NULL;
  RectifyPdfPages *pages;

  g_return_val_if_fail (RECTIFY_IS_PDF_VIEW (self), FALSE);
  g_return_val_if_fail (pdf != NULL, FALSE);

  pages = rectify_pdf_pages_render (pdf, gtk_widget_get_scale_factor (GTK_WIDGET (self)), &local);
  if (pages == NULL)
    {
      rectify_pdf_view_set_message (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  rectify_pdf_view_set_pages (self, pages);
  rectify_pdf_pages_free (pages);
  return TRUE;
}

const char *
rectify_pdf_view_get_message (RectifyPdfView *self)
{
  g_return_val_if_fail (RECTIFY_IS_PDF_VIEW (self), NULL);
  return self->message;
}

PopplerDocument *
rectify_pdf_view_get_document (RectifyPdfView *self)
{
  g_return_val_if_fail (RECTIFY_IS_PDF_VIEW (self), NULL);
  return self->document;
}

GBytes *
rectify_pdf_view_get_bytes (RectifyPdfView *self)
{
  g_return_val_if_fail (RECTIFY_IS_PDF_VIEW (self), NULL);
  return self->bytes;
}

guint
rectify_pdf_view_get_n_pages (RectifyPdfView *self)
{
  g_return_val_if_fail (RECTIFY_IS_PDF_VIEW (self), 0);
  return self->textures->len;
}

GdkTexture *
rectify_pdf_view_get_texture (RectifyPdfView *self, guint page)
{
  g_return_val_if_fail (RECTIFY_IS_PDF_VIEW (self), NULL);
  g_return_val_if_fail (page < self->textures->len, NULL);
  return g_ptr_array_index (self->textures, page);
}

/* ---- printing ------------------------------------------------------------ */

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext *context,
                   PopplerDocument *document)
{
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
}

/* The page as the preview shows it, as vectors: the printer's cairo
 * context renders it at the printer's resolution. */
static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext *context,
                 int page_nr,
                 PopplerDocument *document)
{
  /* poppler-glib 22 has no autoptr for its types */
  PopplerPage *page = poppler_document_get_page (document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
  g_object_unref (page);
}

static gboolean
print_pages (RectifyPdfView *self,
             GtkPrintOperationAction action,
             GtkWindow *parent,
             const char *job_name,
             const char *export_path,
             GError **error)
{
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GtkPageSetup) setup = NULL;
  g_autoptr (GtkPaperSize) a4 = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (RECTIFY_IS_PDF_VIEW (self), FALSE);

  if (self->document == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _ ("Print: there is no document to print"));
      return FALSE;
    }
  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  /* The PDF has its own margins (GB/T 9704): the page is printed whole. */
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  if (job_name)
    gtk_print_operation_set_job_name (operation, job_name);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self->document,
                           0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self->document, 0);
  if (export_path)
    gtk_print_operation_set_export_filename (operation, export_path);
  result = gtk_print_operation_run (operation, action, parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

gboolean
rectify_pdf_view_print (RectifyPdfView *self,
                        GtkWindow *parent,
                        const char *job_name,
                        GError **error)
{
  return print_pages (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, job_name, NULL, error);
}

gboolean
rectify_pdf_view_print_to_file (RectifyPdfView *self, const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  return print_pages (self, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, NULL, path, error);
}

/* ---- saving ------------------------------------------------------------- */

gboolean
rectify_write_file_atomically (const char *path, GBytes *bytes, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (path != NULL && bytes != NULL, FALSE);

  /* GLib writes a temporary file beside it, syncs and renames it: the file
   * is whole or untouched, with the mode a new file gets (0666 less umask) */
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (path, data, (gssize)size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0666, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _ ("File: %s cannot be written (%s)"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- GObject ------------------------------------------------------------- */

static void
rectify_pdf_view_dispose (GObject *object)
{
  RectifyPdfView *self = RECTIFY_PDF_VIEW (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->textures, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (rectify_pdf_view_parent_class)->dispose (object);
}

static void
rectify_pdf_view_class_init (RectifyPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_pdf_view_dispose;

  signals[SIGNAL_RENDERED] = g_signal_new ("rendered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rectify-pdf-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rectify_pdf_view_init (RectifyPdfView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->textures = g_ptr_array_new_with_free_func (g_object_unref);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  gtk_widget_set_hexpand (self->scrolled, TRUE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  self->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_widget_set_valign (self->message_label, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (self->message_label, TRUE);
  gtk_widget_add_css_class (self->message_label, "dim-label");
  gtk_widget_set_visible (self->message_label, FALSE);
  self->pages_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), self->message_label);
  gtk_box_append (GTK_BOX (box), self->pages_box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), box);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Preview"), -1);
}

GtkWidget *
rectify_pdf_view_new (void)
{
  return g_object_new (RECTIFY_TYPE_PDF_VIEW, NULL);
}
