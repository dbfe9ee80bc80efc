/* rectify-fts.h: the search tokenizer both store backends index and query with
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Trigram indexes cannot find the one- and two-character words that most
 * Chinese searches are (医院, 电梯).  This tokenizer emits, for a run of CJK
 * characters, each pair of neighbours and the run's last character, so
 * every character starts exactly one token: a query of one character is a
 * prefix query, a longer one a phrase of its pairs.  Latin words and digit
 * runs are single lower-case tokens, found by prefix (codes).  No SQL here:
 * each backend stores the tokens and writes the query in its own way.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called for each token of a text, in order: the token's bytes (len of
 * them, not NUL-terminated) and where it starts and ends in the text.
 * Returns 0 to go on; anything else stops the tokenizing and is returned. */
typedef int (*RectifyFtsTokenFunc) (gpointer data, const char *token, int len, int start, int end);

/* Tokenizes n_text bytes of text.  For a query (query TRUE) a CJK run of
 * two or more characters gives only its pairs, the phrase to look for. */
int rectify_fts_tokenize (
    const char *text, int n_text, gboolean query, RectifyFtsTokenFunc token, gpointer data);

/* The pieces of user words that must all be found: each whitespace-separated
 * word cut where CJK meets other text (punctuation inside a code stays with
 * it, between Chinese characters it cuts).  Each piece is a prefix phrase of
 * its query tokens.  NULL when there is nothing to search for. */
GStrv rectify_fts_pieces (const char *words);

G_END_DECLS
