/* pdf-test-util.c: reading PDFs back with poppler, ink checks and PDFBox Preflight, for the PDF tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf-test-util.h"
#include "rectify-pdf-document.h"

#define PREFLIGHT_CLASSPATH \
  "/usr/share/java/preflight.jar:/usr/share/java/pdfbox2.jar:/usr/share/java/fontbox2.jar:" \
  "/usr/share/java/xmpbox.jar:/usr/share/java/commons-logging.jar:/usr/share/java/javax.activation.jar:" \
  "/usr/share/java/jaxb-api.jar"

/* ---- reading the PDF back ------------------------------------------------- */

PopplerDocument *
open_pdf (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  return doc;
}

char *
all_text (PopplerDocument *doc)
{
  GString *text = g_string_new (NULL);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *t = poppler_page_get_text (page);
      g_string_append (text, t);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* Each string is found, after the one before it. */
void
assert_in_order (const char *text, const char *const *wanted)
{
  const char *from = text;
  for (guint i = 0; wanted[i]; i++)
    {
      const char *at = strstr (from, wanted[i]);
      if (at == NULL)
        g_error ("“%s” is not in the text after “%s”; text:\n%s", wanted[i], i ? wanted[i - 1] : "", text);
      from = at + strlen (wanted[i]);
    }
}

/* ---- text positions ------------------------------------------------------- */

static void
text_line_free (gpointer data)
{
  TextLine *l = data;
  g_string_free (l->text, TRUE);
  g_free (l);
}

GPtrArray *
page_lines (PopplerPage *page)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (text_line_free);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0, i = 0;
  TextLine *line = NULL;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (const char *c = text; *c && i < n_rects; c = g_utf8_next_char (c), i++)
    {
      gunichar ch = g_utf8_get_char (c);
      if (ch == '\n')
        {
          line = NULL;
          continue;
        }
      if (line == NULL)
        {
          line = g_new0 (TextLine, 1);
          line->text = g_string_new (NULL);
          line->x1 = rects[i].x1;
          line->y1 = rects[i].y1;
          line->y2 = rects[i].y2;
          g_ptr_array_add (lines, line);
        }
      g_string_append_unichar (line->text, ch);
      if (!g_unichar_isspace (ch))
        line->x2 = MAX (line->x2, rects[i].x2);
      line->y1 = MIN (line->y1, rects[i].y1);
      line->y2 = MAX (line->y2, rects[i].y2);
    }
  return lines;
}

const TextLine *
find_line (GPtrArray *lines, const char *text)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const TextLine *l = g_ptr_array_index (lines, i);
      g_autoptr(GString) bare = g_string_new (l->text->str);
      g_string_replace (bare, " ", "", 0);
      if (strstr (bare->str, text))
        return l;
    }
  return NULL;
}


typedef struct
{
  gunichar c;
  PopplerRectangle r;
} PlacedChar;

static int
by_centre (gconstpointer a, gconstpointer b)
{
  const PlacedChar *x = a, *y = b;
  double cx = (x->r.y1 + x->r.y2) / 2, cy = (y->r.y1 + y->r.y2) / 2;
  return cx < cy ? -1 : cx > cy ? 1 : (x->r.x1 < y->r.x1 ? -1 : x->r.x1 > y->r.x1);
}

static int
by_left (gconstpointer a, gconstpointer b)
{
  const PlacedChar *x = a, *y = b;
  return x->r.x1 < y->r.x1 ? -1 : x->r.x1 > y->r.x1;
}

static void
add_visual_line (GPtrArray *lines, PlacedChar *chars, guint n)
{
  TextLine *line = g_new0 (TextLine, 1);

  qsort (chars, n, sizeof *chars, by_left);
  line->text = g_string_new (NULL);
  line->x1 = chars[0].r.x1;
  line->y1 = chars[0].r.y1;
  line->y2 = chars[0].r.y2;
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && chars[i].r.x1 - chars[i - 1].r.x2 > 2.5)
        g_string_append_c (line->text, ' ');
      g_string_append_unichar (line->text, chars[i].c);
      line->x2 = MAX (line->x2, chars[i].r.x2);
      line->y1 = MIN (line->y1, chars[i].r.y1);
      line->y2 = MAX (line->y2, chars[i].r.y2);
    }
  g_ptr_array_add (lines, line);
}

GPtrArray *
visual_lines (PopplerPage *page)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (text_line_free);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (PlacedChar));
  guint n_rects = 0, i = 0, start = 0;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (const char *c = text; *c && i < n_rects; c = g_utf8_next_char (c), i++)
    {
      PlacedChar pc = { g_utf8_get_char (c), rects[i] };
      if (!g_unichar_isspace (pc.c))
        g_array_append_val (chars, pc);
    }
  if (chars->len == 0)
    return lines;
  g_array_sort (chars, by_centre);
  /* a new line where the centre moves down by more than 4 points */
  for (i = 1; i <= chars->len; i++)
    {
      PlacedChar *first = &g_array_index (chars, PlacedChar, start);
      if (i == chars->len
          || (g_array_index (chars, PlacedChar, i).r.y1 + g_array_index (chars, PlacedChar, i).r.y2) / 2
                 - (first->r.y1 + first->r.y2) / 2 > 4)
        {
          add_visual_line (lines, first, i - start);
          start = i;
        }
    }
  return lines;
}

static gboolean
blank_line (const TextLine *l)
{
  for (const char *p = l->text->str; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
text_below (GPtrArray *lines, const TextLine *line)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const TextLine *l = g_ptr_array_index (lines, i);
      if (l->y1 > line->y2 - 0.5 && l->y2 < BOTTOM_EDGE + 1 && !blank_line (l))
        return TRUE;
    }
  return FALSE;
}

void
assert_fonts_embedded_and_subset (PopplerDocument *doc)
{
  g_autoptr(PopplerFontInfo) info = poppler_font_info_new (doc);
  PopplerFontsIter *iter = NULL;
  guint n = 0;

  g_assert_true (poppler_font_info_scan (info, poppler_document_get_n_pages (doc), &iter));
  g_assert_nonnull (iter);
  do
    {
      const char *name = poppler_fonts_iter_get_name (iter);
      if (!poppler_fonts_iter_is_embedded (iter) || !poppler_fonts_iter_is_subset (iter))
        g_error ("font %s: embedded %d, subset %d", name, poppler_fonts_iter_is_embedded (iter),
                 poppler_fonts_iter_is_subset (iter));
      n++;
    }
  while (poppler_fonts_iter_next (iter));
  poppler_fonts_iter_free (iter);
  g_assert_cmpuint (n, >=, 1);
}

/* The page printed on white at scale (pixels per point), RGB24. */
cairo_surface_t *
render_page (PopplerPage *page, double scale)
{
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (w * scale), (int) (h * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Renders each page and checks that every character poppler extracts draws
 * ink inside its own box: a blank glyph passes text extraction, not this. */
void
assert_every_character_inks (PopplerDocument *doc)
{
  const double scale = 3.0;
  guint checked = 0;

  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, p);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      cairo_surface_t *surface;
      const guint8 *data;
      int stride, width, height;
      const char *c;
      guint i;

      surface = render_page (page, scale);
      width = cairo_image_surface_get_width (surface);
      height = cairo_image_surface_get_height (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);

      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (c = text, i = 0; *c && i < n_rects; c = g_utf8_next_char (c), i++)
        {
          gunichar ch = g_utf8_get_char (c);
          PopplerRectangle *r = &rects[i];
          double mx, my;
          int x0, x1, y0, y1;
          guint ink = 0;

          if (g_unichar_isspace (ch) || ch == '_')
            continue;
          /* a little inside the box, away from its neighbours; not much,
           * or 厂 and 广, all edges, would seem blank */
          mx = (r->x2 - r->x1) * 0.05;
          my = (r->y2 - r->y1) * 0.05;
          x0 = (int) ((r->x1 + mx) * scale);
          x1 = (int) ((r->x2 - mx) * scale);
          y0 = (int) ((r->y1 + my) * scale);
          y1 = (int) ((r->y2 - my) * scale);
          for (int y = MAX (y0, 0); y < MIN (y1, height); y++)
            for (int x = MAX (x0, 0); x < MIN (x1, width); x++)
              {
                guint32 px = *(const guint32 *) (data + y * stride + x * 4);
                if ((px & 0xFFFFFF) != 0xFFFFFF)
                  ink++;
              }
          if (ink == 0)
            {
              char buf[8] = { 0 };
              g_unichar_to_utf8 (ch, buf);
              g_error ("page %d: “%s” (U+%04X) draws no ink", p + 1, buf, ch);
            }
          checked++;
        }
      cairo_surface_destroy (surface);
    }
  g_assert_cmpuint (checked, >, 50);
}

char *
write_temp_pdf (GBytes *bytes, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rectify-pdf-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (rectify_pdf_write_file (bytes, path, &error));
  g_assert_no_error (error);
  return path;
}

void
remove_temp_pdf (char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
}

void
save_for_looking (GBytes *bytes, const char *name)
{
  const char *dir = g_getenv ("RECTIFY_PDF_SAVE");
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
}

/* Apache PDFBox Preflight: the test fails unless it says valid. */
void
assert_pdfa_1b (GBytes *bytes, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  char *path = write_temp_pdf (bytes, name);
  const char *argv[] = { "java", "-cp", PREFLIGHT_CLASSPATH, "org.apache.pdfbox.preflight.Validator_A1b",
                         path, NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (strstr (out, "is a valid PDF/A-1b file") == NULL)
    g_error ("Preflight says %s is not PDF/A-1b:\n%s\n%s", name, out, err);
  remove_temp_pdf (path);
}
