/* rectify-pdf-text.h: line breaking of Chinese, English and mixed text
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Width of one character in points. */
typedef double (*RectifyPdfMeasureFunc) (gunichar c, gpointer user_data);

typedef struct
{
  gsize start;   /* byte offsets into the text */
  gsize end;     /* excludes trailing spaces and the newline */
  double width;  /* of start..end, points */
  gboolean last; /* ends the paragraph or a forced (newline) break */
} RectifyPdfLine;

/* Breaks text into lines at most width points wide (first_width for the
 * first line, to leave room for an indent), at the Unicode line-break
 * opportunities (UAX #14, from Pango): never before closing punctuation
 * such as ，。）」 nor after opening brackets such as （「.  A word wider
 * than a line is cut between characters, still keeping closing punctuation
 * off the start of a line.  Dates, numbers, articles ("第3.6条") and
 * document numbers are never broken inside.  Returns a GArray of RectifyPdfLine. */
GArray *rectify_pdf_break_lines (const char *text,
                                 double first_width,
                                 double width,
                                 RectifyPdfMeasureFunc measure,
                                 gpointer user_data);

/* The width of the widest part of text that no line break may cut (a
 * word, a date, a number, an article). */
double rectify_pdf_widest_unbreakable (const char *text,
                                       RectifyPdfMeasureFunc measure,
                                       gpointer user_data);

/* Whether c may not begin a line (closing punctuation, full stops, commas). */
gboolean rectify_pdf_is_line_start_forbidden (gunichar c);
/* Whether c may not end a line (opening brackets and quotes). */
gboolean rectify_pdf_is_line_end_forbidden (gunichar c);

G_END_DECLS
