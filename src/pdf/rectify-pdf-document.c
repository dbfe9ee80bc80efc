/* rectify-pdf-document.c: pages of flowing text, tables and rules, written as PDF/A-1b with libharu
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout runs first and records drawing operations per page; only when the
 * whole document is known are the fonts subset to the characters it uses
 * and loaded into libharu, which then draws the recorded operations.
 */
#define G_LOG_DOMAIN "rectify-pdf"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <hpdf.h>
#include <math.h>
#include <png.h>
#include <string.h>

#include "rectify-pdf-document.h"
#include "rectify-pdf-error.h"
#include "rectify-pdf-font.h"
#include "rectify-pdf-pdfa.h"
#include "rectify-pdf-text.h"

#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.89
/* body, heading, title and the Latin companion of the body */
#define N_FACES 4
#define N_ROLES 3
#define MAX_PAGES 200

typedef enum
{
  OP_TEXT,
  OP_LINE,
  OP_RECT,
  OP_CIRCLE,
  OP_PATH,
  OP_IMAGE,
} OpKind;

typedef struct
{
  OpKind kind;
  int face; /* OP_TEXT: index into faces */
  double size;
  double x, y;   /* PDF coordinates */
  double x2, y2; /* OP_LINE end, OP_RECT width and height */
  double r;      /* OP_CIRCLE */
  double line_width;
  double char_space;
  guint32 color;
  gboolean dashed;
  gboolean fill;
  char *text;
  double *points; /* OP_PATH: x, y pairs */
  guint n_points;
  GBytes *image; /* OP_IMAGE: JPEG or PNG bytes, drawn at x, y (bottom left), x2 × y2 */
  gboolean png;
} Op;

struct _RectifyPdfDocument
{
  RectifyPdfFace *faces[N_FACES]; /* distinct faces, n_faces of them */
  int n_faces;
  int role_face[N_ROLES];    /* RectifyPdfFontRole -> index into faces */
  int latin_face;            /* draws Latin letters and digits of the body, or -1 */
  double scale[N_FACES];     /* size of a face relative to the style's */
  GHashTable *used[N_FACES]; /* gunichar set per face */
  GPtrArray *pages;          /* GArray of Op */
  double left, top;          /* text block, PDF coordinates of its top left */
  double width, height;
  double cursor; /* down from top of the text block */
  char *header;
  char *footer;
  char *title, *author, *subject, *keywords, *date, *language;
  GError *missing; /* first character no font has */
  /* a keep_with_next paragraph and what came after it on its page, not
   * yet followed by content: from op keep_op of page keep_page, whose
   * top was at keep_cursor */
  gboolean keeping;
  guint keep_page;
  guint keep_op;
  double keep_cursor;
};

/* Text as it can be drawn: valid UTF-8, tabs as spaces, line ends as \n,
 * no other control or invisible format characters (they have no glyph). */
static char *
clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
        }
      else if (c == '\t')
        g_string_append_c (out, ' ');
      else if (c == '\n'
               || (g_unichar_type (c) != G_UNICODE_CONTROL
                   && g_unichar_type (c) != G_UNICODE_FORMAT))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
op_clear (gpointer data)
{
  Op *op = data;
  g_free (op->text);
  g_free (op->points);
  g_clear_pointer (&op->image, g_bytes_unref);
}

static GArray *
current_page (RectifyPdfDocument *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static void
add_page (RectifyPdfDocument *self)
{
  GArray *page = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (page, op_clear);
  g_ptr_array_add (self->pages, page);
  self->cursor = 0;
}

/* Moves the ops from the keep mark on, a heading and what was laid out
 * with it, from the foot of the page before to the top of the new one. */
static void
carry_kept (RectifyPdfDocument *self, GArray *from, GArray *to)
{
  double shift = self->keep_cursor;

  for (guint i = self->keep_op; i < from->len; i++)
    {
      Op op = g_array_index (from, Op, i);

      op.y += shift;
      if (op.kind == OP_LINE)
        op.y2 += shift;
      for (guint k = 0; op.kind == OP_PATH && k < op.n_points; k++)
        op.points[2 * k + 1] += shift;
      g_array_append_val (to, op);
    }
  /* the moved ops own their text and points now */
  g_array_set_clear_func (from, NULL);
  g_array_set_size (from, self->keep_op);
  g_array_set_clear_func (from, op_clear);
  self->cursor -= shift;
}

/* A new page; TRUE when it starts with what a heading kept with it. */
static gboolean
break_page (RectifyPdfDocument *self)
{
  GArray *before = current_page (self);
  double cursor = self->cursor;
  gboolean carry = self->keeping && self->keep_page == self->pages->len - 1
                   && self->keep_cursor > 0.01 && self->keep_op < before->len;

  add_page (self);
  if (carry)
    {
      self->cursor = cursor;
      carry_kept (self, before, current_page (self));
    }
  /* once at the top of a page, a heading stays there */
  self->keep_page = self->pages->len - 1;
  self->keep_op = 0;
  self->keep_cursor = 0;
  return carry;
}

void
rectify_pdf_document_new_page (RectifyPdfDocument *self)
{
  break_page (self);
}

/* The index of face in self->faces, added when new. */
static int
add_face (RectifyPdfDocument *self, RectifyPdfFace *face)
{
  for (int i = 0; i < self->n_faces; i++)
    if (self->faces[i] == face)
      return i;
  g_assert (self->n_faces < N_FACES);
  self->faces[self->n_faces] = face;
  self->scale[self->n_faces] = 1.0;
  return self->n_faces++;
}

RectifyPdfDocument *
rectify_pdf_document_new (const char *body_family, const char *heading_family, GError **error)
{
  RectifyPdfFonts fonts = { body_family, heading_family, NULL };

  return rectify_pdf_document_new_with_fonts (&fonts, error);
}

RectifyPdfDocument *
rectify_pdf_document_new_with_fonts (const RectifyPdfFonts *fonts, GError **error)
{
  g_autoptr (RectifyPdfDocument) self = g_new0 (RectifyPdfDocument, 1);
  const char *families[N_ROLES];
  const char *latin;

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  for (int i = 0; i < N_FACES; i++)
    self->used[i] = g_hash_table_new (NULL, NULL);
  families[RECTIFY_PDF_FONT_BODY] = rectify_pdf_font_resolve (RECTIFY_PDF_FONT_BODY, fonts->body);
  families[RECTIFY_PDF_FONT_HEADING]
      = rectify_pdf_font_resolve (RECTIFY_PDF_FONT_HEADING, fonts->heading);
  families[RECTIFY_PDF_FONT_TITLE]
      = rectify_pdf_font_resolve (RECTIFY_PDF_FONT_TITLE, fonts->title);
  for (int r = 0; r < N_ROLES; r++)
    {
      RectifyPdfFace *face = rectify_pdf_face_lookup (families[r], error);
      if (face == NULL)
        return NULL;
      self->role_face[r] = add_face (self, face);
    }
  /* a body face whose Latin letters are a typewriter's lends them to a
   * proportional companion, a little smaller to match the ideographs */
  self->latin_face = -1;
  latin = rectify_pdf_font_latin_companion (families[RECTIFY_PDF_FONT_BODY]);
  if (latin)
    {
      RectifyPdfFace *face = rectify_pdf_face_lookup (latin, NULL);
      if (face)
        {
          self->latin_face = add_face (self, face);
          self->scale[self->latin_face] = RECTIFY_PDF_LATIN_SCALE;
        }
    }
  self->left = RECTIFY_PDF_MM (28);
  self->top = PAGE_HEIGHT - RECTIFY_PDF_MM (37);
  self->width = RECTIFY_PDF_MM (156);
  self->height = RECTIFY_PDF_MM (225);
  add_page (self);
  return g_steal_pointer (&self);
}

const char *
rectify_pdf_document_get_family (RectifyPdfDocument *self, RectifyPdfFontRole role)
{
  g_return_val_if_fail (self != NULL && (int)role < N_ROLES, NULL);

  return rectify_pdf_face_get_family (self->faces[self->role_face[role]]);
}

void
rectify_pdf_document_free (RectifyPdfDocument *self)
{
  if (self == NULL)
    return;
  for (int i = 0; i < N_FACES; i++)
    g_clear_pointer (&self->used[i], g_hash_table_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_error (&self->missing);
  g_free (self->header);
  g_free (self->footer);
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->keywords);
  g_free (self->date);
  g_free (self->language);
  g_free (self);
}

void
rectify_pdf_document_set_metadata (RectifyPdfDocument *self,
                                   const char *title,
                                   const char *author,
                                   const char *subject,
                                   const char *keywords,
                                   const char *date,
                                   const char *language)
{
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->keywords);
  g_free (self->date);
  g_free (self->language);
  self->title = g_strdup (title);
  self->author = g_strdup (author);
  self->subject = g_strdup (subject);
  self->keywords = g_strdup (keywords);
  self->date = g_strdup (date);
  self->language = g_strdup (language);
}

void
rectify_pdf_document_set_header (RectifyPdfDocument *self, const char *text)
{
  g_free (self->header);
  self->header = text ? clean_text (text) : NULL;
}

void
rectify_pdf_document_set_footer (RectifyPdfDocument *self, const char *format)
{
  g_free (self->footer);
  self->footer = format ? clean_text (format) : NULL;
}

double
rectify_pdf_document_get_cursor (RectifyPdfDocument *self)
{
  return self->cursor;
}

guint
rectify_pdf_document_get_n_pages (RectifyPdfDocument *self)
{
  return self->pages->len;
}

double
rectify_pdf_document_get_text_width (RectifyPdfDocument *self)
{
  return self->width;
}

double
rectify_pdf_document_get_text_height (RectifyPdfDocument *self)
{
  return self->height;
}

/* ---- measuring ---------------------------------------------------------- */

static gboolean
is_latin (gunichar c)
{
  return (c > 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0x250 && c != 0xB7 && c != 0xD7);
}

/* The face that draws c for a style: the body's Latin companion for Latin
 * letters and digits, else its own, else any other that has c. */
static int
face_for (RectifyPdfDocument *self, int role, gunichar c)
{
  int wanted = self->role_face[role];

  if (role == RECTIFY_PDF_FONT_BODY && self->latin_face >= 0 && is_latin (c)
      && rectify_pdf_face_has_char (self->faces[self->latin_face], c))
    return self->latin_face;
  if (rectify_pdf_face_has_char (self->faces[wanted], c))
    return wanted;
  for (int f = 0; f < self->n_faces; f++)
    if (f != wanted && rectify_pdf_face_has_char (self->faces[f], c))
      return f;
  if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == 0x200B)
    return wanted;
  /* check_missing names the character once the text is laid out */
  if (self->missing == NULL)
    g_set_error_literal (&self->missing, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FONT,
                         "missing glyph");
  return -1;
}

typedef struct
{
  RectifyPdfDocument *doc;
  int face;
  double size;
} Measure;

static double
measure_char (gunichar c, gpointer user_data)
{
  Measure *m = user_data;
  int f = face_for (m->doc, m->face, c);

  if (f < 0)
    return 0;
  return rectify_pdf_face_char_width (m->doc->faces[f], c) * m->size * m->doc->scale[f] / 1000.0;
}

static double
leading_of (const RectifyPdfStyle *style)
{
  return style->leading > 0 ? style->leading : style->size * 1.5;
}

/* ---- recording ---------------------------------------------------------- */

static Op *
add_op (RectifyPdfDocument *self, OpKind kind)
{
  GArray *page = current_page (self);
  g_array_set_size (page, page->len + 1);
  Op *op = &g_array_index (page, Op, page->len - 1);
  op->kind = kind;
  return op;
}

static void
add_text (RectifyPdfDocument *self,
          int face,
          double size,
          double x,
          double y,
          double char_space,
          guint32 color,
          const char *text,
          gsize length)
{
  Op *op = add_op (self, OP_TEXT);
  op->face = face;
  op->size = size;
  op->x = x;
  op->y = y;
  op->char_space = char_space;
  op->color = color;
  op->text = g_strndup (text, length);
}

/* Draws text from x on baseline y: one text run per face and per word, so
 * that justified space goes between words. */
static double
emit_line (RectifyPdfDocument *self,
           const RectifyPdfStyle *style,
           const char *text,
           gsize length,
           double x,
           double y,
           double char_space,
           double space_extra)
{
  const char *end = text + length;
  const char *run = text;
  int run_face = -1;
  double run_x = x;

  for (const char *p = text; p <= end; p = p < end ? g_utf8_next_char (p) : end + 1)
    {
      gunichar c = p < end ? g_utf8_get_char (p) : 0;
      int f = p < end ? face_for (self, style->font, c) : -2;

      if (f == -1)
        f = self->role_face[style->font];
      if (p > run && (p == end || f != run_face))
        {
          add_text (self, run_face, style->size * self->scale[run_face], run_x, y, char_space,
                    style->color, run, p - run);
          run_x = x;
          run = p;
        }
      if (p == end)
        break;
      if (p == run)
        run_face = f;
      g_hash_table_add (self->used[f], GUINT_TO_POINTER (c));
      x += rectify_pdf_face_char_width (self->faces[f], c) * style->size * self->scale[f] / 1000.0
           + char_space;
      if (c == ' ' && space_extra > 0)
        {
          const char *next = g_utf8_next_char (p);
          x += space_extra;
          add_text (self, run_face, style->size * self->scale[run_face], run_x, y, char_space,
                    style->color, run, next - run);
          run = next;
          run_x = x;
          run_face = -1;
          if (next < end)
            run_face = face_for (self, style->font, g_utf8_get_char (next));
        }
    }
  return x;
}

static double
baseline_in (RectifyPdfDocument *self,
             const RectifyPdfStyle *style,
             double line_top,
             double leading)
{
  RectifyPdfFace *face = self->faces[self->role_face[style->font]];
  double centre
      = (rectify_pdf_face_ascent (face) + rectify_pdf_face_descent (face)) / 2000.0 * style->size;
  return self->top - line_top - leading / 2 - centre;
}

/* Places one broken line of text within [x, x + avail] at line_top. */
static void
place_line (RectifyPdfDocument *self,
            const RectifyPdfStyle *style,
            const char *text,
            const RectifyPdfLine *line,
            double x,
            double avail,
            double line_top,
            double leading)
{
  double extra = avail - line->width;
  double char_space = 0, space_extra = 0;
  double y = baseline_in (self, style, line_top, leading);
  guint n_chars = 0, n_spaces = 0;

  for (const char *p = text + line->start; p < text + line->end; p = g_utf8_next_char (p))
    {
      n_chars++;
      n_spaces += *p == ' ';
    }
  switch (style->align)
    {
    case RECTIFY_PDF_ALIGN_CENTER:
      x += extra / 2;
      break;
    case RECTIFY_PDF_ALIGN_RIGHT:
      x += extra;
      break;
    case RECTIFY_PDF_ALIGN_JUSTIFY:
      /* a line cut short by a long word stays ragged rather than torn apart */
      if (!line->last && extra > 0 && extra < avail * 0.25)
        {
          if (n_spaces > 0)
            space_extra = extra / n_spaces;
          else if (n_chars > 1)
            char_space = extra / (n_chars - 1);
        }
      break;
    case RECTIFY_PDF_ALIGN_LEFT:
    default:
      break;
    }
  if (line->end > line->start)
    emit_line (self, style, text + line->start, line->end - line->start, x, y, char_space,
               space_extra);
}

static gboolean
check_missing (RectifyPdfDocument *self, const char *text, GError **error)
{
  if (self->missing == NULL)
    return TRUE;
  /* name the character: face_for could not print it where it was found */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buf[8] = { 0 };
      gboolean drawn = g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == 0x200B;
      for (int f = 0; !drawn && f < self->n_faces; f++)
        drawn = rectify_pdf_face_has_char (self->faces[f], c);
      if (drawn)
        continue;
      g_unichar_to_utf8 (c, buf);
      g_clear_error (&self->missing);
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FONT,
                   _ ("Font: neither “%s” nor “%s” can draw the character “%s” (U+%04X)"),
                   rectify_pdf_document_get_family (self, RECTIFY_PDF_FONT_BODY),
                   rectify_pdf_document_get_family (self, RECTIFY_PDF_FONT_HEADING), buf, c);
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&self->missing));
  return FALSE;
}

static gboolean
check_pages (RectifyPdfDocument *self, GError **error)
{
  if (self->pages->len <= MAX_PAGES)
    return TRUE;
  g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
               _ ("Text: the document would take more than %d pages; shorten it"), MAX_PAGES);
  return FALSE;
}

gboolean
rectify_pdf_document_paragraph (RectifyPdfDocument *self,
                                const RectifyPdfStyle *style,
                                const char *text,
                                GError **error)
{
  Measure m = { self, style->font, style->size };
  double leading = leading_of (style);
  double avail = self->width - style->left_indent - style->right_indent;
  g_autoptr (GArray) lines = NULL;

  g_autofree char *clean = NULL;

  g_return_val_if_fail (self != NULL && style != NULL && text != NULL, FALSE);

  text = clean = clean_text (text);
  if (self->cursor > 0)
    self->cursor += style->space_before;
  lines = rectify_pdf_break_lines (text, avail - style->first_indent, avail, measure_char, &m);
  if (!check_missing (self, text, error))
    return FALSE;
  if (style->keep_with_next && !self->keeping)
    {
      self->keeping = TRUE;
      self->keep_page = self->pages->len - 1;
      self->keep_op = current_page (self)->len;
      self->keep_cursor = self->cursor;
    }
  for (guint i = 0; i < lines->len; i++)
    {
      const RectifyPdfLine *line = &g_array_index (lines, RectifyPdfLine, i);
      gboolean first = i == 0;
      double indent = style->left_indent + (first ? style->first_indent : 0);
      guint n = lines->len;
      guint room = (guint)MAX (0, floor ((self->height + 0.01 - self->cursor) / leading));
      /* no line alone at the foot of a page (the first) or at the top of
       * the next (the last), when the page does not begin here */
      gboolean orphan = first && self->cursor > 0 && n >= 2 && (room < 2 || (n == 3 && room == 2));
      gboolean widow = i >= 2 && i == n - 2 && room < 2;

      if (room < 1 || orphan || widow)
        {
          break_page (self);
          if (!check_pages (self, error))
            return FALSE;
        }
      place_line (self, style, text, line, self->left + indent,
                  avail - (first ? style->first_indent : 0), self->cursor, leading);
      self->cursor += leading;
      if (!style->keep_with_next)
        self->keeping = FALSE;
    }
  self->cursor += style->space_after;
  return check_missing (self, text, error);
}

double
rectify_pdf_document_measure_paragraph (RectifyPdfDocument *self,
                                        const RectifyPdfStyle *style,
                                        const char *text)
{
  Measure m = { self, style->font, style->size };
  double avail = self->width - style->left_indent - style->right_indent;
  g_autofree char *clean = clean_text (text);
  g_autoptr (GArray) lines
      = rectify_pdf_break_lines (clean, avail - style->first_indent, avail, measure_char, &m);

  /* a character no font has is reported when the paragraph is laid out */
  g_clear_error (&self->missing);
  return style->space_before + lines->len * leading_of (style) + style->space_after;
}

void
rectify_pdf_document_space (RectifyPdfDocument *self, double points)
{
  self->cursor += points;
}

void
rectify_pdf_document_keep (RectifyPdfDocument *self, double height)
{
  if (self->cursor > 0 && self->cursor + height > self->height + 0.01)
    break_page (self);
}

void
rectify_pdf_document_balance (RectifyPdfDocument *self, RectifyPdfStyle *style, const char *text)
{
  double height = rectify_pdf_document_measure_paragraph (self, style, text);
  double lo = 0, hi = self->width / 2 - style->size * 2;

  g_return_if_fail (self != NULL && style != NULL && text != NULL);

  if (height - style->space_before - style->space_after <= leading_of (style) * 1.5 || hi <= 0)
    return;
  /* the widest indent on each side that does not add a line */
  for (int i = 0; i < 12; i++)
    {
      RectifyPdfStyle trial = *style;
      double mid = (lo + hi) / 2;
      trial.left_indent = style->left_indent + mid;
      trial.right_indent = style->right_indent + mid;
      if (rectify_pdf_document_measure_paragraph (self, &trial, text) <= height + 0.01)
        lo = mid;
      else
        hi = mid;
    }
  style->left_indent += lo;
  style->right_indent += lo;
}

static void
add_line (RectifyPdfDocument *self,
          double x1,
          double y1,
          double x2,
          double y2,
          double width,
          guint32 color,
          gboolean dashed)
{
  Op *op = add_op (self, OP_LINE);
  op->x = x1;
  op->y = y1;
  op->x2 = x2;
  op->y2 = y2;
  op->line_width = width;
  op->color = color;
  op->dashed = dashed;
}

void
rectify_pdf_document_rule (RectifyPdfDocument *self,
                           double thickness,
                           guint32 color,
                           gboolean dashed)
{
  double y = self->top - self->cursor - thickness / 2;
  add_line (self, self->left, y, self->left + self->width, y, thickness, color, dashed);
  self->cursor += thickness;
}

void
rectify_pdf_document_circle (
    RectifyPdfDocument *self, double x, double y, double radius, guint32 color, gboolean dashed)
{
  Op *op = add_op (self, OP_CIRCLE);
  op->x = self->left + x;
  op->y = self->top - y;
  op->r = radius;
  op->line_width = 1;
  op->color = color;
  op->dashed = dashed;
}

/* ---- drawing at a place: charts ------------------------------------------ */

void
rectify_pdf_document_fill_rect (
    RectifyPdfDocument *self, double x, double y, double width, double height, guint32 color)
{
  Op *op;

  if (width <= 0 || height <= 0)
    return;
  op = add_op (self, OP_RECT);
  op->x = self->left + x;
  op->y = self->top - y - height;
  op->x2 = width;
  op->y2 = height;
  op->color = color;
  op->fill = TRUE;
}

void
rectify_pdf_document_line (RectifyPdfDocument *self,
                           double x1,
                           double y1,
                           double x2,
                           double y2,
                           double thickness,
                           guint32 color,
                           gboolean dashed)
{
  add_line (self, self->left + x1, self->top - y1, self->left + x2, self->top - y2, thickness,
            color, dashed);
}

void
rectify_pdf_document_polyline (RectifyPdfDocument *self,
                               const double *points,
                               guint n_points,
                               double thickness,
                               guint32 color,
                               gboolean dashed)
{
  Op *op;

  g_return_if_fail (points != NULL || n_points == 0);

  if (n_points < 2)
    return;
  op = add_op (self, OP_PATH);
  op->points = g_new (double, 2 * n_points);
  for (guint i = 0; i < n_points; i++)
    {
      op->points[2 * i] = self->left + points[2 * i];
      op->points[2 * i + 1] = self->top - points[2 * i + 1];
    }
  op->n_points = n_points;
  op->line_width = thickness;
  op->color = color;
  op->dashed = dashed;
}

double
rectify_pdf_document_text_width (RectifyPdfDocument *self,
                                 const RectifyPdfStyle *style,
                                 const char *text)
{
  Measure m = { self, style->font, style->size };
  g_autofree char *clean = clean_text (text);
  double width = 0;

  for (const char *p = clean; *p; p = g_utf8_next_char (p))
    width += measure_char (g_utf8_get_char (p), &m);
  g_clear_error (&self->missing);
  return width;
}

gboolean
rectify_pdf_document_label (RectifyPdfDocument *self,
                            const RectifyPdfStyle *style,
                            double x,
                            double baseline,
                            const char *text,
                            GError **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *line = NULL;
  double width;
  char *newline;

  g_return_val_if_fail (self != NULL && style != NULL && text != NULL, FALSE);

  clean = clean_text (text);
  newline = strchr (clean, '\n');
  line = newline ? g_strndup (clean, newline - clean) : g_strdup (clean);
  width = rectify_pdf_document_text_width (self, style, line);
  if (style->align == RECTIFY_PDF_ALIGN_CENTER)
    x -= width / 2;
  else if (style->align == RECTIFY_PDF_ALIGN_RIGHT)
    x -= width;
  if (*line)
    emit_line (self, style, line, strlen (line), self->left + x, self->top - baseline, 0, 0);
  return check_missing (self, line, error);
}

double
rectify_pdf_document_reserve (RectifyPdfDocument *self, double height)
{
  double top;

  rectify_pdf_document_keep (self, height);
  self->keeping = FALSE;
  top = self->cursor;
  self->cursor += height;
  return top;
}

/* ---- images ------------------------------------------------------------- */

/* Size and colour components of a baseline or progressive JPEG, from its
 * first frame header (what libharu reads too). */
static gboolean
jpeg_probe (const guint8 *d, gsize n, guint *width, guint *height, guint *components)
{
  gsize i = 2;

  if (n < 4 || d[0] != 0xFF || d[1] != 0xD8)
    return FALSE;
  while (i + 4 <= n)
    {
      guint marker, length;

      if (d[i] != 0xFF)
        return FALSE;
      marker = d[i + 1];
      if (marker == 0xFF)
        {
          i++;
          continue;
        }
      if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
        {
          i += 2;
          continue;
        }
      length = (d[i + 2] << 8) | d[i + 3];
      if (length < 2 || i + 2 + length > n)
        return FALSE;
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
        {
          if (length < 8)
            return FALSE;
          *height = (d[i + 5] << 8) | d[i + 6];
          *width = (d[i + 7] << 8) | d[i + 8];
          *components = d[i + 9];
          return *width > 0 && *height > 0;
        }
      if (marker == 0xDA || marker == 0xD9)
        return FALSE;
      i += 2 + length;
    }
  return FALSE;
}

/* The EXIF Orientation (1 to 8) of a JPEG, from its APP1 "Exif" segment's
 * first IFD; 1 (upright as stored) when there is none or it is unreadable.
 * Read here rather than by decoding: the layout needs the upright size
 * before deciding whether to decode at all. */
static guint
jpeg_orientation (const guint8 *d, gsize n)
{
  gsize i = 2;

  if (n < 4 || d[0] != 0xFF || d[1] != 0xD8)
    return 1;
  while (i + 4 <= n && d[i] == 0xFF)
    {
      guint marker = d[i + 1];
      gsize length = (d[i + 2] << 8) | d[i + 3];

      if (marker == 0xDA || marker == 0xD9 || length < 2 || i + 2 + length > n)
        return 1;
      if (marker == 0xE1 && length >= 2 + 6 + 8 && memcmp (d + i + 4, "Exif\0\0", 6) == 0)
        {
          const guint8 *t = d + i + 10; /* the TIFF header */
          gsize tn = length - 8;
          gboolean le = t[0] == 'I' && t[1] == 'I';
#define TIFF16(o) (le ? (guint)t[o] | (guint)t[(o) + 1] << 8 : (guint)t[o] << 8 | (guint)t[(o) + 1])
#define TIFF32(o)                                                                                  \
  (le ? (guint32)TIFF16 (o) | (guint32)TIFF16 ((o) + 2) << 16                                      \
      : (guint32)TIFF16 (o) << 16 | (guint32)TIFF16 ((o) + 2))
          guint32 ifd;
          guint count;

          if (!le && !(t[0] == 'M' && t[1] == 'M'))
            return 1;
          ifd = TIFF32 (4);
          if (ifd > tn || tn - ifd < 2)
            return 1;
          count = TIFF16 (ifd);
          for (guint e = 0; e < count && ifd + 2 + 12 * (gsize)(e + 1) <= tn; e++)
            {
              gsize o = ifd + 2 + 12 * (gsize)e;

              /* 0x0112 Orientation, a SHORT whose value sits in the entry */
              if (TIFF16 (o) == 0x0112 && TIFF16 (o + 2) == 3)
                {
                  guint value = TIFF16 (o + 8);
                  return value >= 1 && value <= 8 ? value : 1;
                }
            }
#undef TIFF32
#undef TIFF16
          return 1;
        }
      i += 2 + length;
    }
  return 1;
}

gboolean
rectify_pdf_image_probe (GBytes *data, gboolean *png, guint *width, guint *height, GError **error)
{
  gsize n = 0;
  const guint8 *d = data ? g_bytes_get_data (data, &n) : NULL;
  guint components = 0;

  if (d && n >= 8 && png_sig_cmp (d, 0, 8) == 0)
    {
      png_image image = { .version = PNG_IMAGE_VERSION };
      gboolean ok = png_image_begin_read_from_memory (&image, d, n) != 0;

      if (ok)
        {
          *png = TRUE;
          *width = image.width;
          *height = image.height;
          ok = image.width > 0 && image.height > 0 && image.width <= 20000 && image.height <= 20000;
        }
      png_image_free (&image);
      if (ok)
        return TRUE;
    }
  else if (d && jpeg_probe (d, n, width, height, &components))
    {
      *png = FALSE;
      /* DeviceGray and DeviceRGB go with the sRGB output intent; CMYK does not */
      if (components == 1 || components == 3)
        return TRUE;
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
                   _ ("Image: a JPEG with %u colour components cannot go into a PDF/A-1b file; use "
                      "RGB or grey"),
                   components);
      return FALSE;
    }
  g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
               _ ("Image: the data is neither a readable JPEG nor a readable PNG"));
  return FALSE;
}

/* Photographs are embedded at 300 dpi of their printed size, and never
 * with a long side of more than 1600 pixels: a phone's 4000 × 3000 photo
 * printed 120 mm wide needs no more than 1417, and at full size it made an
 * archive of dossiers mostly of pixels nobody can see. */
#define IMAGE_DPI 300.0
#define IMAGE_JPEG_QUALITY "85"

static void
on_size_prepared (GdkPixbufLoader *loader, int width, int height, gpointer user_data)
{
  const int *want = user_data;
  /* for a JPEG the decoder scales by 1/2, 1/4 or 1/8 on the way: a big
   * photograph is never decoded at full size */
  gdk_pixbuf_loader_set_size (loader, want[0], want[1]);
}

/* data (JPEG or PNG) upright (its EXIF orientation applied) at width ×
 * height pixels, flattened onto white, as a baseline RGB JPEG; NULL when it
 * cannot be decoded.  width × height is the upright size: for an
 * orientation of 5 to 8 the stored image is height × width. */
static GBytes *
image_reduce (GBytes *data, guint width, guint height, guint orientation)
{
  g_autoptr (GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr (GdkPixbuf) flat = NULL;
  g_autoptr (GdkPixbuf) decoded = NULL;
  int want[2] = { (int)width, (int)height };
  int stored[2] = { (int)width, (int)height };
  gboolean ok;
  gchar *buffer = NULL;
  gsize size = 0;

  if (orientation >= 5)
    {
      stored[0] = (int)height;
      stored[1] = (int)width;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), stored);
  ok = gdk_pixbuf_loader_write_bytes (loader, data, NULL);
  /* closed in any case: a loader left open warns when freed */
  ok = gdk_pixbuf_loader_close (loader, NULL) && ok;
  /* the JPEG loader keeps the EXIF orientation as the "orientation"
   * option; turned upright here, the printed photo is as it was taken */
  decoded = ok && gdk_pixbuf_loader_get_pixbuf (loader)
                ? gdk_pixbuf_apply_embedded_orientation (gdk_pixbuf_loader_get_pixbuf (loader))
                : NULL;
  if (decoded == NULL)
    return NULL;
  if (!gdk_pixbuf_get_has_alpha (decoded) && gdk_pixbuf_get_width (decoded) == want[0]
      && gdk_pixbuf_get_height (decoded) == want[1])
    flat = g_object_ref (decoded);
  else if ((flat = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, want[0], want[1])) != NULL)
    {
      double sx = (double)want[0] / gdk_pixbuf_get_width (decoded);
      double sy = (double)want[1] / gdk_pixbuf_get_height (decoded);

      gdk_pixbuf_fill (flat, 0xFFFFFFFF);
      /* PDF/A-1b has no transparency: a PNG's alpha goes onto white */
      if (gdk_pixbuf_get_has_alpha (decoded))
        gdk_pixbuf_composite (decoded, flat, 0, 0, want[0], want[1], 0, 0, sx, sy,
                              GDK_INTERP_BILINEAR, 255);
      else
        gdk_pixbuf_scale (decoded, flat, 0, 0, want[0], want[1], 0, 0, sx, sy, GDK_INTERP_BILINEAR);
    }
  else
    return NULL;
  if (!gdk_pixbuf_save_to_buffer (flat, &buffer, &size, "jpeg", NULL, "quality", IMAGE_JPEG_QUALITY,
                                  NULL))
    return NULL;
  return g_bytes_new_take (buffer, size);
}

double
rectify_pdf_document_image (
    RectifyPdfDocument *self, GBytes *data, double max_width, double max_height, GError **error)
{
  guint w, h, orientation = 1;
  gboolean png;
  double scale, width, height, top;
  Op *op;

  g_return_val_if_fail (self != NULL && data != NULL, 0);

  if (!rectify_pdf_image_probe (data, &png, &w, &h, error))
    return 0;
  if (!png)
    {
      gsize n;
      const guint8 *d = g_bytes_get_data (data, &n);

      orientation = jpeg_orientation (d, n);
    }
  /* a phone's portrait photo is stored landscape with Orientation 6 or 8:
   * it is laid out, and embedded, the way it was taken */
  if (orientation >= 5)
    {
      guint swap = w;
      w = h;
      h = swap;
    }
  max_width = MIN (max_width, self->width);
  max_height = MIN (max_height, self->height);
  /* a small photograph is not blown up past 75 dpi */
  scale = MIN (MIN (max_width / w, max_height / h), 72.0 / 150.0 * 2);
  width = w * scale;
  height = h * scale;
  top = rectify_pdf_document_reserve (self, height);
  op = add_op (self, OP_IMAGE);
  op->x = self->left;
  op->y = self->top - top - height;
  op->x2 = width;
  op->y2 = height;
  op->image = g_bytes_ref (data);
  op->png = png;
  {
    guint limit
        = (guint)MIN (RECTIFY_PDF_IMAGE_MAX_PIXELS, ceil (MAX (width, height) * IMAGE_DPI / 72.0));
    guint long_side = MAX (w, h);

    /* PDF has no orientation tag: a JPEG that is not stored upright is
     * always decoded, turned and encoded again, even when not smaller */
    if (long_side > limit || orientation != 1)
      {
        guint rw = long_side > limit ? MAX (1, (guint)round ((double)w * limit / long_side)) : w;
        guint rh = long_side > limit ? MAX (1, (guint)round ((double)h * limit / long_side)) : h;
        g_autoptr (GBytes) reduced = image_reduce (data, rw, rh, orientation);

        /* the original when it cannot be decoded here (libharu embeds a
         * JPEG without decoding it) or is smaller anyway */
        if (reduced != NULL
            && (orientation != 1 || g_bytes_get_size (reduced) < g_bytes_get_size (data)))
          {
            g_bytes_unref (op->image);
            op->image = g_steal_pointer (&reduced);
            op->png = FALSE;
          }
      }
  }
  return height;
}

/* A PNG decoded to 8-bit RGB over white: PDF/A-1b forbids soft masks, so
 * transparency is flattened here rather than left to libharu. */
static HPDF_Image
load_png_flat (HPDF_Doc pdf, GBytes *data)
{
  png_image image = { .version = PNG_IMAGE_VERSION };
  png_color white = { 255, 255, 255 };
  gsize n;
  const guint8 *d = g_bytes_get_data (data, &n);
  g_autofree guint8 *pixels = NULL;
  HPDF_Image result = NULL;

  if (png_image_begin_read_from_memory (&image, d, n))
    {
      image.format = PNG_FORMAT_RGB;
      pixels = g_try_malloc (PNG_IMAGE_SIZE (image));
      if (pixels && png_image_finish_read (&image, &white, pixels, 0, NULL))
        result = HPDF_LoadRawImageFromMem (pdf, pixels, image.width, image.height,
                                           HPDF_CS_DEVICE_RGB, 8);
    }
  png_image_free (&image);
  return result;
}

/* ---- tables ------------------------------------------------------------- */

#define CELL_PAD 4.0

typedef struct
{
  char *text;
  GArray *lines;
} Cell;

/* A table whose unbreakable words do not all fit at its size is set
 * smaller, down to this share of it, before any is cut. */
#define TABLE_MIN_SCALE 0.85

/* Widens the columns that cannot hold their widest unbreakable text,
 * taking the room from the others in proportion to what they can spare;
 * returns the scale the table's text must be set at for that. */
static double
fit_columns (RectifyPdfDocument *self, const RectifyPdfTable *table, double *col_w)
{
  guint n = table->n_columns;
  g_autofree double *need = g_new0 (double, n);
  double total_text = 0, total_need = 0, deficit = 0, slack = 0, scale = 1;
  const double pad = 2 * CELL_PAD + 0.5;

  for (guint c = 0; c < n; c++)
    {
      Measure hm = { self, table->header_style->font, table->header_style->size };
      Measure cm = { self, table->cell_style->font, table->cell_style->size };
      g_autofree char *head = clean_text (table->header[c]);

      /* a header of words breaks between them; a Chinese one (序号) not at all */
      need[c] = strchr (head, ' ')
                    ? rectify_pdf_widest_unbreakable (head, measure_char, &hm)
                    : rectify_pdf_document_text_width (self, table->header_style, head);
      for (guint r = 0; r < table->n_rows; r++)
        {
          const char *text = table->cells[(gsize)r * n + c];
          g_autofree char *clean = NULL;

          if (text == NULL || *text == '\0')
            continue;
          clean = clean_text (text);
          need[c] = MAX (need[c], rectify_pdf_widest_unbreakable (clean, measure_char, &cm)
                                      + table->cell_style->first_indent);
        }
      total_text += need[c];
    }
  g_clear_error (&self->missing);
  if (total_text + n * pad > self->width && total_text > 0)
    scale
        = MAX (TABLE_MIN_SCALE, MIN (1, floor ((self->width - n * pad) / total_text * 100) / 100));
  for (guint c = 0; c < n; c++)
    {
      need[c] = need[c] * scale + pad;
      total_need += need[c];
    }
  /* when not all can be held even so, the column that wants the most
   * beyond its width (a SHA-256) is cut anyway: it keeps its width, and
   * the others are fitted from what is left */
  for (guint k = 0; k < n && total_need > self->width; k++)
    {
      guint widest = 0;
      for (guint c = 1; c < n; c++)
        if (need[c] - col_w[c] > need[widest] - col_w[widest])
          widest = c;
      total_need -= need[widest] - MIN (need[widest], col_w[widest]);
      need[widest] = MIN (need[widest], col_w[widest]);
    }
  if (total_need > self->width + 0.01)
    return scale;
  for (guint c = 0; c < n; c++)
    if (need[c] > col_w[c])
      deficit += need[c] - col_w[c];
    else
      slack += col_w[c] - need[c];
  if (deficit <= 0 || slack <= 0)
    return scale;
  for (guint c = 0; c < n; c++)
    if (need[c] > col_w[c])
      col_w[c] = need[c];
    else
      col_w[c] -= (col_w[c] - need[c]) * deficit / slack;
  return scale;
}

static void
break_cells (RectifyPdfDocument *self,
             const RectifyPdfStyle *style,
             const char *const *texts,
             const double *col_w,
             guint n,
             Cell *cells,
             guint *max_lines)
{
  Measure m = { self, style[0].font, style[0].size };

  *max_lines = 1;
  for (guint c = 0; c < n; c++)
    {
      double avail = col_w[c] - 2 * CELL_PAD;
      cells[c].text = clean_text (texts[c]);
      cells[c].lines = rectify_pdf_break_lines (cells[c].text, avail - style[c].first_indent, avail,
                                                measure_char, &m);
      *max_lines = MAX (*max_lines, cells[c].lines->len);
    }
}

/* Draws lines [from, to) of a row's cells with their borders, at the cursor. */
static void
place_row_part (RectifyPdfDocument *self,
                const RectifyPdfStyle *style,
                const Cell *cells,
                const double *col_w,
                guint n,
                guint from,
                guint to,
                gboolean shaded)
{
  double leading = leading_of (&style[0]);
  double top = self->cursor;
  double height = 2 * CELL_PAD + (to - from) * leading;
  double x = self->left;

  if (shaded)
    {
      Op *op = add_op (self, OP_RECT);
      op->x = self->left;
      op->y = self->top - top - height;
      op->x2 = self->width;
      op->y2 = height;
      op->color = 0xEEEEEE;
      op->fill = TRUE;
    }
  for (guint c = 0; c < n; c++)
    {
      for (guint k = from; k < to && k < cells[c].lines->len; k++)
        {
          const RectifyPdfLine *line = &g_array_index (cells[c].lines, RectifyPdfLine, k);
          double indent = k == 0 ? style[c].first_indent : 0;
          place_line (self, &style[c], cells[c].text, line, x + CELL_PAD + indent,
                      col_w[c] - 2 * CELL_PAD - indent, top + CELL_PAD + (k - from) * leading,
                      leading);
        }
      x += col_w[c];
    }
  /* borders: top, bottom, and the column edges */
  add_line (self, self->left, self->top - top, self->left + self->width, self->top - top, 0.6, 0,
            FALSE);
  add_line (self, self->left, self->top - top - height, self->left + self->width,
            self->top - top - height, 0.6, 0, FALSE);
  x = self->left;
  for (guint c = 0; c <= n; c++)
    {
      add_line (self, x, self->top - top, x, self->top - top - height, 0.6, 0, FALSE);
      if (c < n)
        x += col_w[c];
    }
  self->cursor += height;
}

static void
free_cells (Cell *cells, guint n)
{
  for (guint c = 0; c < n; c++)
    {
      g_clear_pointer (&cells[c].lines, g_array_unref);
      g_clear_pointer (&cells[c].text, g_free);
    }
}

/* The styles and column widths of a table, as it will be laid out. */
typedef struct
{
  guint n;
  double *col_w;
  RectifyPdfStyle *head_styles;
  RectifyPdfStyle *cell_styles;
} TableLayout;

static void
table_layout_init (RectifyPdfDocument *self, const RectifyPdfTable *table, TableLayout *t)
{
  guint n = table->n_columns;
  double total = 0, scale;

  t->n = n;
  t->col_w = g_new0 (double, n);
  t->head_styles = g_new (RectifyPdfStyle, n);
  t->cell_styles = g_new (RectifyPdfStyle, n);
  for (guint c = 0; c < n; c++)
    {
      total += table->widths[c];
      t->head_styles[c] = *table->header_style;
      t->cell_styles[c] = *table->cell_style;
      if (table->aligns)
        t->cell_styles[c].align = table->aligns[c];
    }
  for (guint c = 0; c < n; c++)
    t->col_w[c] = self->width * table->widths[c] / total;
  scale = fit_columns (self, table, t->col_w);
  for (guint c = 0; scale < 1 && c < n; c++)
    {
      t->head_styles[c].leading = leading_of (&t->head_styles[c]) * scale;
      t->head_styles[c].size *= scale;
      t->cell_styles[c].leading = leading_of (&t->cell_styles[c]) * scale;
      t->cell_styles[c].size *= scale;
    }
}

static void
table_layout_clear (TableLayout *t)
{
  g_free (t->col_w);
  g_free (t->head_styles);
  g_free (t->cell_styles);
}

double
rectify_pdf_document_measure_table (RectifyPdfDocument *self, const RectifyPdfTable *table)
{
  TableLayout t;
  g_autofree Cell *cells = NULL;
  double height, leading;
  guint lines;

  g_return_val_if_fail (self != NULL && table != NULL && table->n_columns > 0, 0);

  cells = g_new0 (Cell, table->n_columns);
  table_layout_init (self, table, &t);
  leading = leading_of (&t.cell_styles[0]);
  break_cells (self, t.head_styles, table->header, t.col_w, t.n, cells, &lines);
  free_cells (cells, t.n);
  height = 2 * CELL_PAD + lines * leading_of (&t.head_styles[0]);
  for (guint r = 0; r < table->n_rows; r++)
    {
      break_cells (self, t.cell_styles, table->cells + (gsize)r * t.n, t.col_w, t.n, cells, &lines);
      free_cells (cells, t.n);
      height += 2 * CELL_PAD + lines * leading;
    }
  table_layout_clear (&t);
  g_clear_error (&self->missing);
  return height;
}

gboolean
rectify_pdf_document_table (RectifyPdfDocument *self, const RectifyPdfTable *table, GError **error)
{
  guint n = table->n_columns;
  TableLayout t;
  g_autofree Cell *head = NULL;
  g_autofree Cell *row = NULL;
  double head_height, leading;
  guint head_lines, row_lines;
  gboolean ok = TRUE;

  g_return_val_if_fail (n > 0, FALSE);

  head = g_new0 (Cell, n);
  row = g_new0 (Cell, n);
  table_layout_init (self, table, &t);
  leading = leading_of (&t.cell_styles[0]);
  break_cells (self, t.head_styles, table->header, t.col_w, n, head, &head_lines);
  head_height = 2 * CELL_PAD + head_lines * leading_of (&t.head_styles[0]);

  /* the header never stands alone at the foot of a page */
  rectify_pdf_document_keep (self, head_height + 2 * CELL_PAD + leading);
  place_row_part (self, t.head_styles, head, t.col_w, n, 0, head_lines, TRUE);

  for (guint r = 0; ok && r < table->n_rows; r++)
    {
      guint done = 0;

      break_cells (self, t.cell_styles, table->cells + (gsize)r * n, t.col_w, n, row, &row_lines);
      while (done < row_lines)
        {
          double room = self->height - self->cursor - 2 * CELL_PAD;
          guint fit = room > 0 ? (guint)((room + 0.01) / leading) : 0;

          /* keep a short row whole; split only rows that cannot fit on a page */
          if (fit < row_lines - done
              && (fit == 0 || row_lines - done <= 3 || (done == 0 && fit < 2)))
            fit = 0;
          if (fit == 0)
            {
              /* the header comes along with a heading kept with the
               * table; else it is repeated on the new page */
              gboolean carried = break_page (self);
              if (!check_pages (self, error))
                {
                  ok = FALSE;
                  break;
                }
              if (!carried)
                place_row_part (self, t.head_styles, head, t.col_w, n, 0, head_lines, TRUE);
              continue;
            }
          fit = MIN (fit, row_lines - done);
          place_row_part (self, t.cell_styles, row, t.col_w, n, done, done + fit, FALSE);
          self->keeping = FALSE;
          done += fit;
        }
      for (guint c = 0; ok && c < n; c++)
        ok = check_missing (self, row[c].text, error);
      free_cells (row, n);
    }
  for (guint c = 0; ok && c < n; c++)
    ok = check_missing (self, head[c].text, error);
  free_cells (head, n);
  table_layout_clear (&t);
  return ok;
}

/* ---- writing ------------------------------------------------------------ */

typedef struct
{
  HPDF_STATUS status;
  HPDF_STATUS detail;
} HaruError;

static void
on_haru_error (HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
  HaruError *e = user_data;
  if (e->status == 0)
    {
      e->status = error_no;
      e->detail = detail_no;
    }
}

static void
set_color (HPDF_Page page, guint32 color, gboolean stroke)
{
  double r = ((color >> 16) & 0xFF) / 255.0, g = ((color >> 8) & 0xFF) / 255.0,
         b = (color & 0xFF) / 255.0;
  if (stroke)
    HPDF_Page_SetRGBStroke (page, r, g, b);
  else
    HPDF_Page_SetRGBFill (page, r, g, b);
}

static gboolean
draw_ops (HPDF_Doc pdf, HPDF_Page page, GArray *ops, HPDF_Font *fonts)
{
  static const HPDF_UINT16 dash[] = { 3, 2 };

  for (guint i = 0; i < ops->len; i++)
    {
      const Op *op = &g_array_index (ops, Op, i);
      switch (op->kind)
        {
        case OP_TEXT:
          set_color (page, op->color, FALSE);
          HPDF_Page_BeginText (page);
          HPDF_Page_SetFontAndSize (page, fonts[op->face], op->size);
          HPDF_Page_SetCharSpace (page, op->char_space);
          HPDF_Page_TextOut (page, op->x, op->y, op->text);
          HPDF_Page_EndText (page);
          break;
        case OP_LINE:
        case OP_CIRCLE:
          set_color (page, op->color, TRUE);
          HPDF_Page_SetLineWidth (page, op->line_width);
          HPDF_Page_SetDash (page, op->dashed ? dash : NULL, op->dashed ? 2 : 0, 0);
          if (op->kind == OP_LINE)
            {
              HPDF_Page_MoveTo (page, op->x, op->y);
              HPDF_Page_LineTo (page, op->x2, op->y2);
            }
          else
            HPDF_Page_Circle (page, op->x, op->y, op->r);
          HPDF_Page_Stroke (page);
          break;
        case OP_PATH:
          set_color (page, op->color, TRUE);
          HPDF_Page_SetLineWidth (page, op->line_width);
          HPDF_Page_SetDash (page, op->dashed ? dash : NULL, op->dashed ? 2 : 0, 0);
          HPDF_Page_SetLineJoin (page, HPDF_ROUND_JOIN);
          HPDF_Page_MoveTo (page, op->points[0], op->points[1]);
          for (guint k = 1; k < op->n_points; k++)
            HPDF_Page_LineTo (page, op->points[2 * k], op->points[2 * k + 1]);
          HPDF_Page_Stroke (page);
          HPDF_Page_SetLineJoin (page, HPDF_MITER_JOIN);
          break;
        case OP_IMAGE:
          {
            gsize n;
            const guint8 *d = g_bytes_get_data (op->image, &n);
            HPDF_Image image = op->png ? load_png_flat (pdf, op->image)
                                       : HPDF_LoadJpegImageFromMem (pdf, d, (HPDF_UINT)n);
            if (image == NULL)
              return FALSE;
            HPDF_Page_DrawImage (page, image, op->x, op->y, op->x2, op->y2);
          }
          break;
        case OP_RECT:
          set_color (page, op->color, !op->fill);
          HPDF_Page_Rectangle (page, op->x, op->y, op->x2, op->y2);
          if (op->fill)
            HPDF_Page_Fill (page);
          else
            HPDF_Page_Stroke (page);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

/* Header and footer, once the page count is known. */
static gboolean
add_page_furniture (RectifyPdfDocument *self, GError **error)
{
  RectifyPdfStyle style
      = { RECTIFY_PDF_FONT_BODY, 10.5, 0, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, 0x000000, 0, 0 };
  guint n_pages = self->pages->len;
  g_autofree char *pages = g_strdup_printf ("%u", n_pages);

  for (guint i = 0; i < n_pages; i++)
    {
      GArray *saved = g_ptr_array_steal_index (self->pages, i);
      double saved_cursor = self->cursor;
      g_autoptr (GArray) lines = NULL;
      Measure m = { self, style.font, style.size };

      /* add_op draws on the last page: put page i there for a moment */
      g_ptr_array_add (self->pages, saved);
      if (self->header && i > 0)
        {
          lines
              = rectify_pdf_break_lines (self->header, self->width, self->width, measure_char, &m);
          style.align = RECTIFY_PDF_ALIGN_RIGHT;
          place_line (self, &style, self->header, &g_array_index (lines, RectifyPdfLine, 0),
                      self->left, self->width, -RECTIFY_PDF_MM (12), RECTIFY_PDF_MM (8));
          add_line (self, self->left, self->top + RECTIFY_PDF_MM (3), self->left + self->width,
                    self->top + RECTIFY_PDF_MM (3), 0.5, 0x000000, FALSE);
          g_clear_pointer (&lines, g_array_unref);
        }
      if (self->footer)
        {
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          g_autoptr (GString) text = g_string_new (self->footer);
          g_string_replace (text, "{page}", number, 0);
          g_string_replace (text, "{pages}", pages, 0);
          style.size = 14;
          style.align = RECTIFY_PDF_ALIGN_CENTER;
          lines = rectify_pdf_break_lines (text->str, self->width, self->width, measure_char, &m);
          place_line (self, &style, text->str, &g_array_index (lines, RectifyPdfLine, 0),
                      self->left, self->width, self->height + RECTIFY_PDF_MM (7),
                      RECTIFY_PDF_MM (8));
          style.size = 10.5;
          if (!check_missing (self, text->str, error))
            return FALSE;
        }
      g_ptr_array_steal_index (self->pages, self->pages->len - 1);
      g_ptr_array_insert (self->pages, i, saved);
      self->cursor = saved_cursor;
    }
  return self->header == NULL || check_missing (self, self->header, error);
}

static GBytes *
haru_failed (HaruError *e, GError **error)
{
  g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FAILED,
               _ ("PDF: libharu failed (error 0x%04X, detail %u)"), (guint)e->status,
               (guint)e->detail);
  return NULL;
}

GBytes *
rectify_pdf_document_finish (RectifyPdfDocument *self, GError **error)
{
  HaruError herr = { 0, 0 };
  HPDF_Doc pdf;
  HPDF_Font fonts[N_FACES] = { NULL };
  char *subset_paths[N_FACES] = { NULL };
  RectifyPdfMetadata meta
      = { self->title, self->author, self->subject, self->keywords, self->date, self->language };
  GBytes *bytes = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, NULL);

  if (!add_page_furniture (self, error))
    return NULL;

  pdf = HPDF_New (on_haru_error, &herr);
  if (pdf == NULL)
    return haru_failed (&herr, error);
  HPDF_SetCompressionMode (pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (pdf);
  HPDF_SetCurrentEncoder (pdf, "UTF-8");

  for (int f = 0; ok && f < self->n_faces; f++)
    {
      const char *name;

      if (g_hash_table_size (self->used[f]) == 0)
        continue;
      /* a blank keeps the subset from being empty, and every text has one */
      g_hash_table_add (self->used[f], GUINT_TO_POINTER (' '));
      subset_paths[f] = rectify_pdf_face_subset_to_file (self->faces[f], self->used[f], error);
      ok = subset_paths[f] != NULL;
      if (ok)
        {
          name = HPDF_LoadTTFontFromFile (pdf, subset_paths[f], HPDF_TRUE);
          fonts[f] = name ? rectify_pdf_haru_get_font (pdf, name, self->used[f]) : NULL;
          if (fonts[f] == NULL)
            {
              g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FONT,
                           _ ("Font: libharu could not load the subset of “%s” (error 0x%04X)"),
                           rectify_pdf_face_get_family (self->faces[f]), (guint)herr.status);
              ok = FALSE;
            }
          else
            ok = rectify_pdf_pdfa_mend_font (pdf, fonts[f], self->used[f],
                                             rectify_pdf_face_cap_height (self->faces[f]), error);
        }
    }

  for (guint i = 0; ok && i < self->pages->len; i++)
    {
      HPDF_Page page = HPDF_AddPage (pdf);
      if (page == NULL)
        break;
      HPDF_Page_SetWidth (page, PAGE_WIDTH);
      HPDF_Page_SetHeight (page, PAGE_HEIGHT);
      if (!draw_ops (pdf, page, g_ptr_array_index (self->pages, i), fonts))
        {
          g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
                       _ ("Image: an image on page %u could not be read"), i + 1);
          ok = FALSE;
        }
    }
  if (ok && herr.status != 0)
    {
      haru_failed (&herr, error);
      ok = FALSE;
    }
  if (ok)
    ok = rectify_pdf_pdfa_set_metadata (pdf, &meta, error);
  if (ok && HPDF_SaveToStream (pdf) == HPDF_OK && herr.status == 0)
    {
      HPDF_UINT32 size = HPDF_GetStreamSize (pdf);
      guint8 *data = g_malloc (size);
      HPDF_UINT32 got = size;

      HPDF_ResetStream (pdf);
      HPDF_STATUS read = HPDF_ReadFromStream (pdf, data, &got);
      if ((read == HPDF_OK || read == HPDF_STREAM_EOF) && got == size)
        bytes = g_bytes_new_take (data, size);
      else
        g_free (data);
    }
  if (ok && bytes == NULL)
    haru_failed (&herr, error);
  rectify_pdf_pdfa_forget_fonts ();
  HPDF_Free (pdf);
  /* libharu may read the font file again while saving: remove it only now */
  for (int f = 0; f < N_FACES; f++)
    rectify_pdf_face_subset_release (subset_paths[f]);
  return bytes;
}

gboolean
rectify_pdf_write_file (GBytes *bytes, const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL && path != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  /* g_file_set_contents writes a temporary file and renames it into place */
  if (!g_file_set_contents (path, data, (gssize)size, &local))
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_WRITE,
                   _ ("Output file: %s cannot be written: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}
