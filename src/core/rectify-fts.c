/* rectify-fts.c: the search tokenizer both store backends index and query with
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <string.h>

#include "rectify-fts.h"

static gboolean
is_cjk (gunichar c)
{
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)
         || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF)
         || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF) || c == 0x3007;
}

typedef enum
{
  CLASS_SPACE,
  CLASS_WORD,
  CLASS_CJK
} CharClass;

static CharClass
classify (gunichar c)
{
  if (is_cjk (c))
    return CLASS_CJK;
  if (g_unichar_isalnum (c))
    return CLASS_WORD;
  return CLASS_SPACE;
}

int
rectify_fts_tokenize (
    const char *text, int n_text, gboolean query, RectifyFtsTokenFunc token, gpointer data)
{
  /* Streams over the text without allocating: a CJK run keeps the start of
   * its previous character; a word is lower-cased into a bounded buffer. */
  char word[256];
  int word_len = 0, word_start = 0;
  int prev_start = -1, prev_end = 0, run_len = 0;
  int i = 0, rc = 0;

  while (rc == 0 && i <= n_text)
    {
      CharClass cls = CLASS_SPACE;
      gunichar c = 0;
      int len = 1;

      if (i < n_text)
        {
          guchar b = (guchar)text[i];
          if (b < 0x80)
            {
              c = b;
              cls = g_ascii_isalnum (b) ? CLASS_WORD : CLASS_SPACE;
            }
          else
            {
              c = g_utf8_get_char_validated (text + i, n_text - i);
              if (c == (gunichar)-1 || c == (gunichar)-2)
                c = 0;
              else
                {
                  len = g_utf8_skip[b];
                  cls = classify (c);
                }
            }
        }

      /* a CJK run ends: its last character stands alone in the index */
      if (cls != CLASS_CJK && run_len > 0)
        {
          if (!query || run_len == 1)
            rc = token (data, text + prev_start, prev_end - prev_start, prev_start, prev_end);
          run_len = 0;
        }
      if (cls != CLASS_WORD && word_len > 0)
        {
          if (rc == 0)
            rc = token (data, word, word_len, word_start, i);
          word_len = 0;
        }
      if (i == n_text || rc != 0)
        break;

      if (cls == CLASS_CJK)
        {
          if (run_len > 0)
            rc = token (data, text + prev_start, i + len - prev_start, prev_start, i + len);
          prev_start = i;
          prev_end = i + len;
          run_len++;
        }
      else if (cls == CLASS_WORD)
        {
          if (word_len == 0)
            word_start = i;
          if (c < 0x80)
            {
              if (word_len < (int)sizeof word)
                word[word_len++] = g_ascii_tolower ((char)c);
            }
          else if (word_len + 6 < (int)sizeof word)
            word_len += g_unichar_to_utf8 (g_unichar_tolower (c), word + word_len);
        }
      i += len;
    }
  return rc;
}

GStrv
rectify_fts_pieces (const char *words)
{
  g_autoptr (GStrvBuilder) out = NULL;
  g_autoptr (GString) piece = g_string_new (NULL);
  CharClass piece_class = CLASS_SPACE;
  const char *p = words;
  guint n = 0;

  if (words == NULL || !g_utf8_validate (words, -1, NULL))
    return NULL;

  out = g_strv_builder_new ();
  for (;;)
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;
      CharClass cls = c ? classify (c) : CLASS_SPACE;

      /* Punctuation inside a code (梯11闽E3622(16)) stays with its word;
       * between Chinese characters it ends the run, as the tokenizer ends
       * it in the index (第一医院（鼓楼院区） is two words). */
      if (cls == CLASS_SPACE && c && !g_unichar_isspace (c) && piece->len > 0
          && piece_class == CLASS_WORD)
        cls = piece_class;
      if (cls != piece_class && piece->len > 0)
        {
          g_strv_builder_add (out, piece->str);
          n++;
          g_string_truncate (piece, 0);
        }
      if (!c)
        break;
      if (cls != CLASS_SPACE)
        g_string_append_unichar (piece, c);
      piece_class = cls;
      p = g_utf8_next_char (p);
    }
  return n ? g_strv_builder_end (out) : NULL;
}
