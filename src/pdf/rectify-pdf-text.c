/* rectify-pdf-text.c: line breaking of Chinese, English and mixed text
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-pdf"

#include "config.h"

#include <pango/pango.h>
#include <string.h>

#include "rectify-pdf-text.h"

gboolean
rectify_pdf_is_line_start_forbidden (gunichar c)
{
  switch (g_unichar_break_type (c))
    {
    case G_UNICODE_BREAK_CLOSE_PUNCTUATION:
    case G_UNICODE_BREAK_CLOSE_PARANTHESIS:
    case G_UNICODE_BREAK_EXCLAMATION:
    case G_UNICODE_BREAK_INFIX_SEPARATOR:
    case G_UNICODE_BREAK_NON_STARTER:
    case G_UNICODE_BREAK_CONDITIONAL_JAPANESE_STARTER:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
rectify_pdf_is_line_end_forbidden (gunichar c)
{
  return g_unichar_break_type (c) == G_UNICODE_BREAK_OPEN_PUNCTUATION;
}

/* Dates, numbers, articles, document numbers and registration numbers
 * read as one word: a line never breaks inside "2026年12月15日", "第3.6条",
 * "15 December 2026", "〔2026〕4号", "Article 62" or "梯11闽A00112(23)". */
static GRegex *
token_regex (void)
{
  static gsize regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *r = g_regex_new (
          "[0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?|[0-9]{1,2}月[0-9]{1,2}日|[0-9]{4}-[0-9]{2}-[0-9]"
          "{2}"
          "|第(?:[0-9]+(?:\\.[0-9]+)*|[零〇一二三四五六七八九十百千]+)[条款项章节]"
          "|〔[0-9]{4}〕[0-9]+号|[0-9]{1,2} (?:January|February|March|April|May|June|July|August"
          "|September|October|November|December) [0-9]{4}|(?:Article|Item|No\\.) [0-9]+"
          "|\\p{Han}[0-9]{2}\\p{Han}[A-Z][0-9A-Z]*[0-9](?:[(（][0-9]{2,4}[)）])?"
          "|[0-9A-Za-z]+[(（][0-9A-Za-z]+[)）]"
          "|[0-9]+(?:[.,:][0-9]+)*(?: ?[%％‰])?",
          G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (r != NULL);
      g_once_init_leave (&regex, (gsize)r);
    }
  return (GRegex *)regex;
}

/* Clears the break opportunities inside the tokens of token_regex. */
static void
protect_tokens (const char *text, const gsize *offsets, glong n_chars, PangoLogAttr *attrs)
{
  g_autoptr (GMatchInfo) match = NULL;
  glong i = 0;

  /* most text has no digit and no 第: skip the regex */
  if (strpbrk (text, "0123456789") == NULL && strstr (text, "第") == NULL)
    return;
  g_regex_match (token_regex (), text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      while (i < n_chars && offsets[i] <= (gsize)start)
        i++;
      for (; i < n_chars && offsets[i] < (gsize)end; i++)
        attrs[i].is_line_break = FALSE;
      g_match_info_next (match, NULL);
    }
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x3000;
}

static void
push_line (GArray *lines,
           const char *text,
           gsize start,
           gsize end,
           gboolean last,
           RectifyPdfMeasureFunc measure,
           gpointer user_data)
{
  RectifyPdfLine line = { start, end, 0, last };

  while (line.end > line.start)
    {
      const char *prev = g_utf8_prev_char (text + line.end);
      if (!is_space (g_utf8_get_char (prev)))
        break;
      line.end = prev - text;
    }
  for (const char *p = text + line.start; p < text + line.end; p = g_utf8_next_char (p))
    line.width += measure (g_utf8_get_char (p), user_data);
  g_array_append_val (lines, line);
}

GArray *
rectify_pdf_break_lines (const char *text,
                         double first_width,
                         double width,
                         RectifyPdfMeasureFunc measure,
                         gpointer user_data)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (RectifyPdfLine));
  g_autofree PangoLogAttr *attrs = NULL;
  g_autofree gsize *offsets = NULL;
  glong n_chars;
  glong line_start = 0;  /* char index */
  glong last_break = -1; /* char index of the last opportunity after line_start */
  double line_width = 0; /* of line_start..i, trailing spaces included */
  double limit = first_width;
  gsize length;
  glong i;

  g_return_val_if_fail (text != NULL, lines);

  length = strlen (text);
  n_chars = g_utf8_strlen (text, length);
  attrs = g_new0 (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (text, (int)length, -1, pango_language_from_string ("zh-cn"), attrs,
                       (int)n_chars + 1);
  offsets = g_new (gsize, n_chars + 1);
  {
    const char *p = text;
    for (i = 0; i < n_chars; i++, p = g_utf8_next_char (p))
      offsets[i] = p - text;
    offsets[n_chars] = length;
  }
  protect_tokens (text, offsets, n_chars, attrs);

  for (i = 0; i < n_chars; i++)
    {
      gunichar c = g_utf8_get_char (text + offsets[i]);
      double w;

      if (c == '\n')
        {
          push_line (lines, text, offsets[line_start], offsets[i], TRUE, measure, user_data);
          line_start = i + 1;
          last_break = -1;
          line_width = 0;
          limit = width;
          continue;
        }
      if (i > line_start && attrs[i].is_line_break)
        last_break = i;
      w = measure (c, user_data);
      if (line_width + w > limit && i > line_start && !is_space (c))
        {
          glong cut = last_break;
          if (cut <= line_start)
            {
              /* no opportunity: cut before c, or earlier while c or the
               * character before the cut may not stand there */
              cut = i;
              while (cut - 1 > line_start
                     && (rectify_pdf_is_line_start_forbidden (g_utf8_get_char (text + offsets[cut]))
                         || rectify_pdf_is_line_end_forbidden (
                             g_utf8_get_char (text + offsets[cut - 1]))))
                cut--;
              /* nowhere to go back to: the closing punctuation hangs past the end */
              while (cut < n_chars
                     && rectify_pdf_is_line_start_forbidden (g_utf8_get_char (text + offsets[cut])))
                cut++;
            }
          push_line (lines, text, offsets[line_start], offsets[cut], FALSE, measure, user_data);
          /* spaces at the start of the next line vanish at a break */
          while (cut < n_chars && is_space (g_utf8_get_char (text + offsets[cut])))
            cut++;
          line_start = cut;
          last_break = -1;
          limit = width;
          line_width = 0;
          for (glong j = line_start; j <= i; j++)
            {
              if (j > line_start && attrs[j].is_line_break)
                last_break = j;
              line_width += measure (g_utf8_get_char (text + offsets[j]), user_data);
            }
          if (i < line_start)
            i = line_start - 1;
          continue;
        }
      line_width += w;
    }
  if (line_start < n_chars || lines->len == 0)
    push_line (lines, text, offsets[MIN (line_start, n_chars)], length, TRUE, measure, user_data);
  else if (lines->len > 0)
    g_array_index (lines, RectifyPdfLine, lines->len - 1).last = TRUE;
  return lines;
}

double
rectify_pdf_widest_unbreakable (const char *text, RectifyPdfMeasureFunc measure, gpointer user_data)
{
  g_autofree PangoLogAttr *attrs = NULL;
  g_autofree gsize *offsets = NULL;
  gsize length;
  glong n_chars, i;
  double widest = 0, run = 0;
  const char *p;

  g_return_val_if_fail (text != NULL, 0);

  length = strlen (text);
  n_chars = g_utf8_strlen (text, length);
  attrs = g_new0 (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (text, (int)length, -1, pango_language_from_string ("zh-cn"), attrs,
                       (int)n_chars + 1);
  offsets = g_new (gsize, n_chars + 1);
  for (i = 0, p = text; i < n_chars; i++, p = g_utf8_next_char (p))
    offsets[i] = p - text;
  offsets[n_chars] = length;
  protect_tokens (text, offsets, n_chars, attrs);
  for (i = 0; i < n_chars; i++)
    {
      gunichar c = g_utf8_get_char (text + offsets[i]);

      if (attrs[i].is_line_break || c == '\n')
        run = 0;
      if (c == '\n')
        continue;
      /* a space inside a token counts, one at its end does not */
      run += measure (c, user_data);
      if (!is_space (c))
        widest = MAX (widest, run);
    }
  return widest;
}
