/* rectify-sqlite-fts.c: the search tokenizer of rectify-fts.c as an FTS5
 * tokenizer, and FTS5 queries of user words
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FTS5's trigram tokenizer cannot find the one- and two-character words that
 * most Chinese searches are (医院, 电梯); rectify-fts.c says how ours does.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <string.h>

#include "rectify-fts.h"
#include "rectify-sqlite-private.h"

static int
rtok_create (void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
  *out = (Fts5Tokenizer *)ctx;
  return SQLITE_OK;
}

static void
rtok_delete (Fts5Tokenizer *tok)
{
}

typedef int (*TokenFunc) (void *, int, const char *, int, int, int);

typedef struct
{
  void *ctx;
  TokenFunc token;
} TokenTarget;

static int
to_fts5 (gpointer data, const char *token, int len, int start, int end)
{
  TokenTarget *target = data;
  return target->token (target->ctx, 0, token, len, start, end);
}

static int
rtok_tokenize (
    Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int n_text, TokenFunc token)
{
  TokenTarget target = { ctx, token };

  /* rectify-fts.c returns what a callback returned: SQLITE_OK goes on */
  G_STATIC_ASSERT (SQLITE_OK == 0);
  return rectify_fts_tokenize (text, n_text, (flags & FTS5_TOKENIZE_QUERY) != 0, to_fts5, &target);
}

static fts5_tokenizer rectify_tokenizer = {
  rtok_create,
  rtok_delete,
  rtok_tokenize,
};

int
rectify_fts_register (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_pointer (stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (api == NULL)
    return SQLITE_ERROR;
  return api->xCreateTokenizer (api, "rectify", api, &rectify_tokenizer, NULL);
}

/* Each piece of the words (rectify_fts_pieces) becomes a quoted prefix
 * phrase, and all must match. */
char *
rectify_fts_query (const char *words)
{
  g_auto (GStrv) pieces = rectify_fts_pieces (words);
  g_autoptr (GString) out = g_string_new (NULL);

  if (pieces == NULL)
    return NULL;
  for (guint i = 0; pieces[i]; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, '"');
      for (const char *q = pieces[i]; *q; q++)
        {
          if (*q == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *q);
        }
      g_string_append (out, "\"*");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
