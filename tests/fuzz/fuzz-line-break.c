/* fuzz-line-break.c: the line breaker of the PDF engine on any Unicode
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first two bytes give the widths of the first and the other lines;
 * the rest, made valid UTF-8, is the text.  Every line must be a piece of
 * the text in order, on character boundaries, and together they must hold
 * every character of it but the spaces and line breaks at a break.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "rectify-pdf-text.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

/* As a font would: nothing for marks, a full em for wide characters, and
 * a varying width for the rest, so that lines break in many places. */
static double
measure (gunichar c, gpointer user_data)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  if (g_unichar_iswide (c))
    return 10.5;
  return 2.0 + (c % 7);
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x3000;
}

/* Only spaces and line breaks between two lines. */
static gboolean
only_breaks (const char *from, const char *to)
{
  for (const char *p = from; p < to; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!is_space (c) && c != '\n')
        return FALSE;
    }
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = NULL;
  g_autoptr (GArray) lines = NULL;
  double first_width, width, widest;
  gsize length, end = 0;

  if (size < 2)
    return 0;
  width = 1 + data[0];
  first_width = width * data[1] / 255.0;
  text = g_utf8_make_valid ((const char *) data + 2, (gssize) size - 2);
  /* a NUL ends the text, as it would in a document */
  length = strlen (text);

  lines = rectify_pdf_break_lines (text, first_width, width, measure, NULL);
  FUZZ_CHECK (lines->len >= 1);
  for (guint i = 0; i < lines->len; i++)
    {
      const RectifyPdfLine *line = &g_array_index (lines, RectifyPdfLine, i);
      double sum = 0;

      FUZZ_CHECK (line->start <= line->end && line->end <= length);
      FUZZ_CHECK (line->start >= end);
      FUZZ_CHECK (g_utf8_validate (text + line->start, (gssize) (line->end - line->start), NULL));
      FUZZ_CHECK (line->start == length || line->start == 0
                  || g_utf8_find_prev_char (text, text + line->start + 1) == text + line->start);
      FUZZ_CHECK (only_breaks (text + end, text + line->start));
      FUZZ_CHECK (memchr (text + line->start, '\n', line->end - line->start) == NULL);
      for (const char *p = text + line->start; p < text + line->end; p = g_utf8_next_char (p))
        sum += measure (g_utf8_get_char (p), NULL);
      FUZZ_CHECK (fabs (sum - line->width) < 1e-6 * (1 + sum));
      /* the last line ends the paragraph */
      FUZZ_CHECK (i + 1 < lines->len || line->last);
      end = line->end;
    }
  FUZZ_CHECK (only_breaks (text + end, text + length));

  widest = rectify_pdf_widest_unbreakable (text, measure, NULL);
  FUZZ_CHECK (widest >= 0 && isfinite (widest));
  return 0;
}
