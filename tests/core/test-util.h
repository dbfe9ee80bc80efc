/* test-util.h: temporary databases for the core tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rectify-store.h"

typedef struct {
  char         *dir;
  char         *path;
  RectifyStore *store;
} TestDb;

static inline void
test_db_open (TestDb *t)
{
  GError *error = NULL;

  t->dir = g_dir_make_tmp ("rectify-test-XXXXXX", &error);
  g_assert_no_error (error);
  t->path = g_build_filename (t->dir, "test.db", NULL);
  t->store = rectify_store_open (t->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (t->store);
}

static inline void
test_db_remove_dir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
      g_free (p);
    }
  if (d)
    g_dir_close (d);
  g_rmdir (dir);
}

static inline void
test_db_close (TestDb *t)
{
  g_clear_object (&t->store);
  test_db_remove_dir (t->dir);
  g_free (t->dir);
  g_free (t->path);
}

/* A number from the database, through a connection of its own. */
static inline gint64
test_db_count (TestDb *t, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (t->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A fingerprint of every table's rows: equal before and after a refused write. */
static inline char *
test_db_fingerprint (TestDb *t)
{
  static const char *const tables[] = { "officer", "campaign", "campaign_member", "unit", "equipment", "operator",
                                        "inspection", "inspection_officer", "inspection_equipment", "inspection_remark",
                                        "hazard", "hazard_event", "attachment", "document", "document_hazard",
                                        "audit", "setting", "check_tally" };
  GString *s = g_string_new (NULL);

  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open_v2 (t->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        char *sql = g_strdup_printf ("SELECT * FROM %s", tables[i]);
        sqlite3_stmt *stmt = NULL;
        g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
        g_string_append_printf (s, "[%s]", tables[i]);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const unsigned char *v = sqlite3_column_text (stmt, c);
              g_string_append_printf (s, "%s|", v ? (const char *) v : "∅");
            }
        sqlite3_finalize (stmt);
        g_free (sql);
      }
    sqlite3_close (db);
  }
  return g_string_free (s, FALSE);
}
