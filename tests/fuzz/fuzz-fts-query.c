/* fuzz-fts-query.c: the search words made into an FTS5 query, and the
 * tokenizer that indexes Chinese by characters and pairs
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is indexed as a text (any bytes, as a column could hold) and,
 * when it is UTF-8, searched for: the query must be one FTS5 accepts, and
 * a text must be found by the words it holds.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "fuzz.h"
#include "sqlite/rectify-sqlite-private.h"

static sqlite3 *db;
static sqlite3_stmt *begin, *insert, *search, *rollback;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  FUZZ_CHECK (sqlite3_open (":memory:", &db) == SQLITE_OK);
  FUZZ_CHECK (rectify_fts_register (db) == SQLITE_OK);
  FUZZ_CHECK (sqlite3_exec (db, "CREATE VIRTUAL TABLE t USING fts5 (a, tokenize = 'rectify')",
                            NULL, NULL, NULL)
              == SQLITE_OK);
  FUZZ_CHECK (sqlite3_prepare_v2 (db, "INSERT INTO t (rowid, a) VALUES (1, ?)", -1, &insert, NULL)
              == SQLITE_OK);
  FUZZ_CHECK (sqlite3_prepare_v2 (db, "SELECT rowid FROM t WHERE t MATCH ?", -1, &search, NULL)
              == SQLITE_OK);
  /* each input is indexed inside a transaction rolled back after it */
  FUZZ_CHECK (sqlite3_prepare_v2 (db, "BEGIN", -1, &begin, NULL) == SQLITE_OK);
  FUZZ_CHECK (sqlite3_prepare_v2 (db, "ROLLBACK", -1, &rollback, NULL) == SQLITE_OK);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *query = NULL;
  int rc;

  FUZZ_CHECK (sqlite3_step (begin) == SQLITE_DONE);
  sqlite3_reset (begin);
  /* the tokenizer takes whatever a column holds, NUL bytes too */
  sqlite3_bind_text (insert, 1, (const char *) data, (int) size, SQLITE_STATIC);
  rc = sqlite3_step (insert);
  FUZZ_CHECK (rc == SQLITE_DONE);
  sqlite3_reset (insert);

  query = rectify_fts_query (text);
  if (!g_utf8_validate (text, -1, NULL))
    FUZZ_CHECK (query == NULL);
  if (query)
    {
      gboolean found = FALSE;

      FUZZ_CHECK (g_utf8_validate (query, -1, NULL));
      sqlite3_bind_text (search, 1, query, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (search)) == SQLITE_ROW)
        found = TRUE;
      if (rc != SQLITE_DONE)
        g_printerr ("query %s: %s\n", query, sqlite3_errmsg (db));
      /* never a syntax error, whatever the words */
      FUZZ_CHECK (rc == SQLITE_DONE);
      /* the words of a text find it (the text is the input up to a NUL) */
      if (strlen (text) == size && !found)
        {
          g_printerr ("query %s does not find its text\n", query);
          FUZZ_CHECK (found);
        }
      sqlite3_reset (search);
      sqlite3_clear_bindings (search);
    }
  FUZZ_CHECK (sqlite3_step (rollback) == SQLITE_DONE);
  sqlite3_reset (rollback);
  return 0;
}
