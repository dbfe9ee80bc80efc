/* test-util.h: the store under test, for the core tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core tests reach the store only through the public API and this
 * fixture.  test_store_open() opens the store under test: the backend is
 * chosen by RECTIFY_TEST_STORE: "sqlite" (the default) or "postgresql".
 * What a test cannot ask the API (every row of every table, the integrity
 * of a copy) the fixture asks the backend in its own way; the tests stay
 * as they are.  Tests of the SQLite backend itself (raw SQL: triggers,
 * tampering, foreign files, upgrades, locks) live in tests/sqlite, of the
 * PostgreSQL backend in tests/pg.
 *
 * RECTIFY_TEST_STORE=postgresql: the server is the one the usual libpq
 * environment names (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, as
 * pg_virtualenv sets them).  Each store a test opens by a path gets a
 * fresh schema of its own in that database, named after the path
 * ("rt_" and 24 hex digits of its SHA-256), reached through the
 * connection string "options=-csearch_path=rt_…", which is what t->path
 * holds; test_db_close() drops the schemas of the paths under t->dir.  The
 * helpers "asked of the backend" take the kind of store from the location
 * they are given: a connection string is asked of the server, a file path
 * (a backup: backups are SQLite files) of SQLite.
 */
#pragma once

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#if RECTIFY_HAVE_PG
#include <libpq-fe.h>
#endif

#include "rectify-store.h"

typedef struct {
  char         *dir;
  char         *path;
  RectifyStore *store;
} TestDb;

/* The backend under test; fails the test for one this build lacks. */
static inline const char *
test_store_backend (void)
{
  const char *name = g_getenv ("RECTIFY_TEST_STORE");

  if (name == NULL || *name == '\0')
    name = "sqlite";
#if RECTIFY_HAVE_PG
  if (!g_str_equal (name, "sqlite") && !g_str_equal (name, "postgresql"))
    g_error ("RECTIFY_TEST_STORE=%s: this build has no such store backend (sqlite, postgresql)", name);
#else
  if (!g_str_equal (name, "sqlite"))
    g_error ("RECTIFY_TEST_STORE=%s: this build has no such store backend (sqlite; postgresql needs libpq)", name);
#endif
  return name;
}

static inline gboolean
test_store_is_pg (void)
{
  return g_str_equal (test_store_backend (), "postgresql");
}

/* TRUE when location is a server's connection string, not a file path. */
static inline gboolean
test_location_is_server (const char *location)
{
  return g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://")
         || g_str_has_prefix (location, "options=") || g_str_has_prefix (location, "dbname=")
         || g_str_has_prefix (location, "host=") || g_str_has_prefix (location, "service=");
}

#if RECTIFY_HAVE_PG
/* The schemas created for paths, path -> schema, to drop them at close. */
static GHashTable *test_pg_schemas;

/* A connection to the test server (the libpq environment) with
 * search_path set by conninfo, or the maintenance one for NULL; aborts the
 * test when there is none. */
static inline PGconn *
test_pg_connect (const char *conninfo)
{
  PGconn *conn = PQconnectdb (conninfo ? conninfo : "");

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("RECTIFY_TEST_STORE=postgresql: cannot connect to the test server (PGHOST=%s PGPORT=%s): %s",
             g_getenv ("PGHOST"), g_getenv ("PGPORT"), PQerrorMessage (conn));
  return conn;
}

/* Runs sql (no parameters) and returns its result, aborting on failure. */
static inline PGresult *
test_pg_exec (PGconn *conn, const char *sql)
{
  PGresult *res = PQexec (conn, sql);

  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("test server: %s: %s", sql, PQresultErrorMessage (res));
  return res;
}

static inline void
test_pg_run (PGconn *conn, const char *sql)
{
  PQclear (test_pg_exec (conn, sql));
}

/* The schema that stands for path. */
static inline char *
test_pg_schema_for (const char *path)
{
  char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  char *schema = g_strdup_printf ("rt_%.24s", sum);

  g_free (sum);
  return schema;
}

/* The connection string of the store that stands for path (a schema of its
 * own, created when it is new); a connection string stays as it is. */
static inline char *
test_pg_location (const char *path)
{
  char *schema, *sql;
  PGconn *conn;

  if (test_location_is_server (path))
    return g_strdup (path);
  schema = test_pg_schema_for (path);
  if (test_pg_schemas == NULL)
    test_pg_schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!g_hash_table_contains (test_pg_schemas, path))
    {
      conn = test_pg_connect (NULL);
      sql = g_strdup_printf ("SET client_min_messages = warning; CREATE SCHEMA IF NOT EXISTS %s", schema);
      test_pg_run (conn, sql);
      g_free (sql);
      PQfinish (conn);
      g_hash_table_insert (test_pg_schemas, g_strdup (path), g_strdup (schema));
    }
  sql = g_strdup_printf ("options=-csearch_path=%s", schema);
  g_free (schema);
  return sql;
}

/* Drops the schemas of t's path and of every path under dir. */
static inline void
test_pg_drop_under (const char *dir, const char *location)
{
  GHashTableIter iter;
  gpointer path, schema;
  PGconn *conn;

  if (test_pg_schemas == NULL)
    return;
  conn = test_pg_connect (NULL);
  g_hash_table_iter_init (&iter, test_pg_schemas);
  while (g_hash_table_iter_next (&iter, &path, &schema))
    {
      char *sql = g_strdup_printf ("options=-csearch_path=%s", (char *) schema);
      gboolean mine = g_str_has_prefix (path, dir) || g_str_equal (sql, location);
      g_free (sql);
      if (!mine)
        continue;
      sql = g_strdup_printf ("SET client_min_messages = warning; DROP SCHEMA IF EXISTS %s CASCADE", (char *) schema);
      test_pg_run (conn, sql);
      g_free (sql);
      g_hash_table_iter_remove (&iter);
    }
  PQfinish (conn);
}
#endif

/* Opens the store under test at path (for SQLite, a database file; for
 * PostgreSQL, the schema that stands for path, or path itself when it is a
 * connection string), a new one when there is none, or a second connection
 * to one already open. */
static inline RectifyStore *
test_store_open (const char *path, GError **error)
{
#if RECTIFY_HAVE_PG
  if (test_store_is_pg ())
    {
      char *location = test_pg_location (path);
      /* its tables are made at the first open, as a file is */
      RectifyStore *store = rectify_store_create (location, error);
      g_free (location);
      return store;
    }
#endif
  test_store_backend ();
  return rectify_store_open (path, error);
}

/* Where the backend under test keeps a store named after path: path
 * itself for SQLite, the connection string of a new schema for PostgreSQL
 * (with no tables yet, as a file not yet made).  For programs given a
 * location, such as rectify-cli --db. */
static inline char *
test_store_location (const char *path)
{
#if RECTIFY_HAVE_PG
  if (test_store_is_pg ())
    return test_pg_location (path);
#endif
  test_store_backend ();
  return g_strdup (path);
}

/* TRUE when there is a store at location: a file for SQLite, the tables
 * of one for PostgreSQL. */
static inline gboolean
test_store_exists (const char *location)
{
#if RECTIFY_HAVE_PG
  if (test_location_is_server (location))
    {
      PGconn *conn = test_pg_connect (location);
      PGresult *res = test_pg_exec (conn, "SELECT to_regclass ('rectify_schema') IS NOT NULL");
      gboolean there = g_str_equal (PQgetvalue (res, 0, 0), "t");
      PQclear (res);
      PQfinish (conn);
      return there;
    }
#endif
  return g_file_test (location, G_FILE_TEST_EXISTS);
}

/* Drops what test_store_location made for the paths under dir (for
 * SQLite, nothing: the caller removes the folder). */
static inline void
test_store_drop_under (const char *dir)
{
#if RECTIFY_HAVE_PG
  if (test_store_is_pg ())
    test_pg_drop_under (dir, "");
#endif
}

static inline void
test_db_open (TestDb *t)
{
  GError *error = NULL;

  t->dir = g_dir_make_tmp ("rectify-test-XXXXXX", &error);
  g_assert_no_error (error);
  t->path = g_build_filename (t->dir, "test.db", NULL);
#if RECTIFY_HAVE_PG
  if (test_store_is_pg ())
    {
      char *file = t->path;
      t->path = test_pg_location (file);
      g_free (file);
    }
#endif
  t->store = test_store_open (t->path, &error);
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
#if RECTIFY_HAVE_PG
  if (test_store_is_pg ())
    test_pg_drop_under (t->dir, t->path);
#endif
  test_db_remove_dir (t->dir);
  g_free (t->dir);
  g_free (t->path);
}

/* Signs in the officer who makes a test's changes, since every write names
 * one: the store's first active manager (the sample's director after a
 * demo), else its first active officer, else a new manager "T-0000" when the store has no officer yet (the
 * first officer needs nobody to act).  Returns the officer's id. */
static inline gint64
test_store_sign_in (RectifyStore *store)
{
  GError *error = NULL;
  GPtrArray *officers = rectify_store_list_officers (store, &error);
  gint64 id = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < officers->len && id == 0; i++)
    {
      RectifyOfficer *o = g_ptr_array_index (officers, i);
      if (o->active && o->role == RECTIFY_ROLE_MANAGER)
        id = o->id;
    }
  for (guint i = 0; i < officers->len && id == 0; i++)
    {
      RectifyOfficer *o = g_ptr_array_index (officers, i);
      if (o->active && o->role == RECTIFY_ROLE_OFFICER)
        id = o->id;
    }
  if (id == 0)
    {
      RectifyOfficer *o = rectify_officer_new ();

      g_assert_cmpuint (officers->len, ==, 0);
      o->badge = g_strdup ("T-0000");
      o->name = g_strdup ("测试员");
      o->role = RECTIFY_ROLE_MANAGER;
      id = rectify_store_add_officer (store, o, &error);
      g_assert_no_error (error);
      rectify_officer_free (o);
    }
  g_ptr_array_unref (officers);
  g_assert_true (rectify_store_set_actor (store, id, &error));
  g_assert_no_error (error);
  return id;
}

/* Sets up the bureau (the first-run setup) so that documents can be issued:
 * 福州市市场监督管理局 with the number prefixes 榕市监特指 and 榕市监特整.
 * Call it signed in. */
static inline void
test_store_set_up_bureau (RectifyStore *store)
{
  GError *error = NULL;
  RectifyBureauSetup setup = { "福州市市场监督管理局", "鼓楼区", "榕市监特指", "榕市监特整", "林建华", "zh_CN" };

  g_assert_true (rectify_store_set_up_bureau (store, &setup, &error));
  g_assert_no_error (error);
}

/* Audit rows of entity and action (either NULL for any), through the API. */
static inline gint64
test_audit_count (RectifyStore *store, const char *entity, const char *action)
{
  GError *error = NULL;
  GPtrArray *rows = rectify_store_list_audit (store, 0, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      RectifyAuditEntry *e = g_ptr_array_index (rows, i);
      if ((!entity || g_strcmp0 (e->entity, entity) == 0)
          && (!action || g_strcmp0 (e->action, action) == 0))
        n++;
    }
  g_ptr_array_unref (rows);
  return n;
}

/* Audit rows of entity and action whose before holds text, through the API. */
static inline gint64
test_audit_count_before (RectifyStore *store, const char *entity, const char *action, const char *text)
{
  GError *error = NULL;
  GPtrArray *rows = rectify_store_list_audit (store, 0, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      RectifyAuditEntry *e = g_ptr_array_index (rows, i);
      if (g_strcmp0 (e->entity, entity) == 0 && g_strcmp0 (e->action, action) == 0
          && e->before_json && strstr (e->before_json, text))
        n++;
    }
  g_ptr_array_unref (rows);
  return n;
}

/* How many units the store holds, through the API. */
static inline gint64
test_count_units (RectifyStore *store)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  GError *error = NULL;
  gint64 total = -1;
  GPtrArray *rows = rectify_store_list_units (store, &q, &total, &error);

  g_assert_no_error (error);
  g_ptr_array_unref (rows);
  return total;
}

/* How many operators the store holds with this ID number (NULL: all). */
static inline gint64
test_count_operators (RectifyStore *store, const char *id_number)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  GError *error = NULL;
  GPtrArray *rows = rectify_store_list_operators (store, &q, NULL, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    n += !id_number || g_strcmp0 (((RectifyOperator *) g_ptr_array_index (rows, i))->id_number, id_number) == 0;
  g_ptr_array_unref (rows);
  return n;
}

/* How many documents of kind (-1 any) and year (0 any) the store holds,
 * through the API; max_seq and distinct_seq (either NULL) get the highest
 * number and how many different numbers they have. */
static inline gint64
test_count_documents (RectifyStore *store, int kind, int year, gint64 *max_seq, gint64 *distinct_seq)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  GError *error = NULL;
  GPtrArray *rows;
  GHashTable *seqs = g_hash_table_new (g_direct_hash, g_direct_equal);
  gint64 n = 0, max = 0;

  q.kind = kind;
  rows = rectify_store_list_documents (store, &q, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      RectifyDocument *d = g_ptr_array_index (rows, i);
      if (year != 0 && d->year != year)
        continue;
      n++;
      max = MAX (max, d->seq);
      g_hash_table_add (seqs, GINT_TO_POINTER (d->seq));
    }
  if (max_seq)
    *max_seq = max;
  if (distinct_seq)
    *distinct_seq = g_hash_table_size (seqs);
  g_hash_table_unref (seqs);
  g_ptr_array_unref (rows);
  return n;
}

/* How many documents have their issued PDF kept, through the API. */
static inline gint64
test_count_document_pdfs (RectifyStore *store)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  GError *error = NULL;
  GPtrArray *rows = rectify_store_list_documents (store, &q, NULL, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      GBytes *pdf = rectify_store_get_document_pdf (store, ((RectifyDocument *) g_ptr_array_index (rows, i))->id,
                                                    NULL, &error);
      if (pdf)
        n++;
      else
        g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND);
      g_clear_error (&error);
      g_clear_pointer (&pdf, g_bytes_unref);
    }
  g_ptr_array_unref (rows);
  return n;
}

/* ---- asked of the backend under test ------------------------------------- */

#if RECTIFY_HAVE_PG
/* Every row of table in a stable order (each row as its text), joined. */
static inline void
test_pg_append_rows (PGconn *conn, const char *table, GString *s, GChecksum *sum)
{
  char *sql = g_strdup_printf ("SELECT t::text FROM \"%s\" t ORDER BY 1", table);
  PGresult *res = test_pg_exec (conn, sql);

  for (int i = 0; i < PQntuples (res); i++)
    {
      if (s)
        g_string_append_printf (s, "%s|", PQgetvalue (res, i, 0));
      if (sum)
        g_checksum_update (sum, (const guchar *) PQgetvalue (res, i, 0), -1);
    }
  PQclear (res);
  g_free (sql);
}

static inline gint64
test_pg_int (PGconn *conn, const char *sql)
{
  PGresult *res = test_pg_exec (conn, sql);
  gint64 n = PQntuples (res) ? g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10) : -1;

  PQclear (res);
  return n;
}
#endif


/* A fingerprint of every table's rows: equal before and after a refused
 * write.  Read through a connection of its own. */
static inline char *
test_db_fingerprint (TestDb *t)
{
  static const char *const tables[] = { "officer", "campaign", "campaign_member", "unit", "equipment", "operator",
                                        "inspection", "inspection_officer", "inspection_equipment", "inspection_remark",
                                        "hazard", "hazard_event", "attachment", "document", "document_hazard",
                                        "document_pdf", "scheduled_visit", "audit", "setting", "check_tally" };
  GString *s = g_string_new (NULL);

  test_store_backend ();
#if RECTIFY_HAVE_PG
  if (test_location_is_server (t->path))
    {
      PGconn *conn = test_pg_connect (t->path);
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        {
          g_string_append_printf (s, "[%s]", tables[i]);
          test_pg_append_rows (conn, tables[i], s, NULL);
        }
      /* the counters of document numbers, which only the server keeps */
      g_string_append (s, "[document_counter]");
      test_pg_append_rows (conn, "document_counter", s, NULL);
      PQfinish (conn);
      return g_string_free (s, FALSE);
    }
#endif
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

/* TRUE when the store at path (a backup, a copy) passes the backend's own
 * integrity check, read on its own. */
static inline gboolean
test_store_integrity_ok (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  test_store_backend ();
  /* A server has no file to check page by page (amcheck is an extension
   * that needs a superuser to install): asking it of a server location is
   * a mistake of the test, and fails it. */
  if (test_location_is_server (path))
    g_error ("test_store_integrity_ok (%s): a server database has no integrity check here; check a backup file", path);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  ok = sqlite3_step (stmt) == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

/* How many rows of table have column = id in the store at path: what is
 * left of a deleted record where the API no longer shows it. */
static inline gint64
test_store_count_rows (const char *path, const char *table, const char *column, gint64 id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE \"%s\" = ?", table, column);
  gint64 n = -1;

  test_store_backend ();
#if RECTIFY_HAVE_PG
  if (test_location_is_server (path))
    {
      PGconn *conn = test_pg_connect (path);
      char *count = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE \"%s\" = %" G_GINT64_FORMAT, table, column, id);
      n = test_pg_int (conn, count);
      g_free (count);
      g_free (sql);
      PQfinish (conn);
      return n;
    }
#endif
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_free (sql);
  return n;
}

/* The same in the store of t. */
static inline gint64
test_db_count_rows (TestDb *t, const char *table, const char *column, gint64 id)
{
  return test_store_count_rows (t->path, table, column, id);
}

/* Alters the audit row after the first n (its after_json becomes forged)
 * in the store at path, behind the application's back, as someone with the
 * file could (for SQLite: the trigger that refuses it dropped first); the
 * audit chain must tell.  Returns the id of the altered row. */
static inline gint64
test_store_forge_audit_row (const char *path, guint n)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 row_id;
  char *sql;

  test_store_backend ();
#if RECTIFY_HAVE_PG
  /* for PostgreSQL: the trigger disabled for the update, as the owner could */
  if (test_location_is_server (path))
    {
      PGconn *conn = test_pg_connect (path);
      sql = g_strdup_printf ("SELECT id FROM audit ORDER BY id LIMIT 1 OFFSET %u", n);
      row_id = test_pg_int (conn, sql);
      g_assert_cmpint (row_id, >, 0);
      g_free (sql);
      sql = g_strdup_printf ("BEGIN; ALTER TABLE audit DISABLE TRIGGER audit_no_update;"
                             " UPDATE audit SET after_json = '{\"name\":\"forged\"}' WHERE id = %" G_GINT64_FORMAT ";"
                             " ALTER TABLE audit ENABLE TRIGGER audit_no_update; COMMIT", row_id);
      test_pg_run (conn, sql);
      g_free (sql);
      PQfinish (conn);
      return row_id;
    }
#endif
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM audit ORDER BY id LIMIT 1 OFFSET ?", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, n);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  row_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_no_update", NULL, NULL, NULL), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE audit SET after_json = '{\"name\":\"forged\"}' WHERE id = %" G_GINT64_FORMAT, row_id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_free (sql);
  sqlite3_close (db);
  return row_id;
}

/* What the backend derives for speed agrees with what it derives from in the
 * store at path (for SQLite: a quick check of the file, and the check tally
 * summing the equipment checked); and, when rows is not NULL, how many
 * pieces of equipment all inspections checked, rows counted (what no API
 * lists at once). */
static inline gboolean
test_store_consistent (const char *path, gint64 *checked_rows)
{
  static const char *const sums[] = { "SELECT coalesce(sum(quantity), 0) FROM check_tally",
                                      "SELECT coalesce(sum(quantity), 0) FROM inspection_equipment",
                                      "SELECT count(*) FROM inspection_equipment" };
  gint64 v[G_N_ELEMENTS (sums)];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  test_store_backend ();
#if RECTIFY_HAVE_PG
  /* for PostgreSQL: the tally only; a server has no file to quick-check */
  if (test_location_is_server (path))
    {
      PGconn *conn = test_pg_connect (path);
      for (guint i = 0; i < G_N_ELEMENTS (sums); i++)
        v[i] = test_pg_int (conn, sums[i]);
      PQfinish (conn);
      if (checked_rows)
        *checked_rows = v[2];
      return v[0] == v[1];
    }
#endif
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL), ==, SQLITE_OK);
  ok = sqlite3_step (stmt) == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  for (guint i = 0; i < G_N_ELEMENTS (sums); i++)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, sums[i], -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      v[i] = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  if (checked_rows)
    *checked_rows = v[2];
  return ok && v[0] == v[1];
}

/* Loads n pieces of equipment (ids 1..n, category 3000, at "Room <id>")
 * into unit unit_id of the store at path, fast, as a bulk load does: no
 * search index for them.  Their codes come in another order than their ids:
 * 3110 and (id * 7919) mod 500 009 in 14 digits (7919 is invertible modulo
 * the prime 500 009, so no two are equal while n < 500 009). */
static inline void
test_store_load_equipment (const char *path, gint64 unit_id, guint n)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  char *sql = g_strdup_printf ("BEGIN;"
                               "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < %u)"
                               " INSERT INTO equipment (id, unit_id, category, code, location)"
                               " SELECT x, %" G_GINT64_FORMAT ", 3000, printf('3110%%014d', (x * 7919) %% 500009),"
                               " 'Room ' || x FROM n;"
                               "COMMIT;",
                               n, unit_id);

  test_store_backend ();
  g_assert_cmpuint (n, <, 500009);
#if RECTIFY_HAVE_PG
  /* for PostgreSQL: an empty fts column, and the id sequence moved past them */
  if (test_location_is_server (path))
    {
      PGconn *conn = test_pg_connect (path);
      char *load = g_strdup_printf ("BEGIN;"
                                    " INSERT INTO equipment (id, unit_id, category, code, location)"
                                    " SELECT x, %" G_GINT64_FORMAT ", 3000, '3110' || lpad (((x * 7919) %% 500009)::text, 14, '0'),"
                                    " 'Room ' || x FROM generate_series (1::bigint, %u) x;"
                                    " SELECT setval (pg_get_serial_sequence ('equipment', 'id'), (SELECT max(id) FROM equipment));"
                                    " COMMIT",
                                    unit_id, n);
      test_pg_run (conn, load);
      g_free (load);
      g_free (sql);
      PQfinish (conn);
      return;
    }
#endif
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, "DROP TRIGGER equipment_fts_insert", NULL, NULL, &message) != SQLITE_OK
      || sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("loading equipment: %s", message);
  sqlite3_close (db);
  g_free (sql);
}

/* SHA-256 of every row of every table, the search index's shadow tables
 * and the schema (a dropped trigger or index shows): equal before and after
 * an import that was refused or cancelled; of the store at path, read
 * through a connection of its own. */
static inline char *
test_store_checksum (const char *path)
{
  GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA256);
  GPtrArray *tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result;

  test_store_backend ();
#if RECTIFY_HAVE_PG
  /* for PostgreSQL: the definitions of the schema's tables, columns,
   * indices, triggers and functions, then every row of every table */
  if (test_location_is_server (path))
    {
      static const char *const schema_sql[] = {
        "SELECT c.relname || ':' || a.attname || ':' || format_type (a.atttypid, a.atttypmod) || ':' || a.attnotnull"
        " FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid"
        " WHERE c.relnamespace = current_schema ()::regnamespace AND c.relkind = 'r' AND a.attnum > 0"
        " AND NOT a.attisdropped ORDER BY 1",
        "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema () ORDER BY indexname",
        "SELECT t.tgname || ':' || t.tgenabled::text || ':' || pg_get_triggerdef (t.oid) FROM pg_trigger t"
        " JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = current_schema ()::regnamespace"
        " AND NOT t.tgisinternal ORDER BY 1",
        "SELECT conname || ':' || pg_get_constraintdef (oid) FROM pg_constraint"
        " WHERE connamespace = current_schema ()::regnamespace ORDER BY 1",
        "SELECT p.proname || ':' || md5 (p.prosrc) FROM pg_proc p"
        " WHERE p.pronamespace = current_schema ()::regnamespace ORDER BY 1",
      };
      PGconn *conn = test_pg_connect (path);
      PGresult *res;

      for (guint q = 0; q < G_N_ELEMENTS (schema_sql); q++)
        {
          res = test_pg_exec (conn, schema_sql[q]);
          for (int i = 0; i < PQntuples (res); i++)
            g_checksum_update (sum, (const guchar *) PQgetvalue (res, i, 0), -1);
          PQclear (res);
        }
      res = test_pg_exec (conn, "SELECT relname FROM pg_class WHERE relnamespace = current_schema ()::regnamespace"
                                " AND relkind = 'r' ORDER BY relname");
      for (int i = 0; i < PQntuples (res); i++)
        {
          g_checksum_update (sum, (const guchar *) PQgetvalue (res, i, 0), -1);
          test_pg_append_rows (conn, PQgetvalue (res, i, 0), NULL, sum);
        }
      PQclear (res);
      PQfinish (conn);
      result = g_strdup (g_checksum_get_string (sum));
      g_checksum_free (sum);
      g_ptr_array_unref (tables);
      return result;
    }
#endif
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, coalesce(sql, '') FROM sqlite_schema ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);
      g_checksum_update (sum, (const guchar *) name, -1);
      g_checksum_update (sum, (const guchar *) sql, -1);
      if (g_str_has_prefix (sql, "CREATE TABLE"))
        g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < tables->len; i++)
    {
      char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) g_ptr_array_index (tables, i));
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const void *v = sqlite3_column_blob (stmt, c);
            int n = sqlite3_column_bytes (stmt, c);
            g_checksum_update (sum, (const guchar *) (v ? v : "\x01null"), v ? n : 5);
            g_checksum_update (sum, (const guchar *) "", 1);
          }
      sqlite3_finalize (stmt);
      g_free (sql);
    }
  sqlite3_close (db);
  result = g_strdup (g_checksum_get_string (sum));
  g_checksum_free (sum);
  g_ptr_array_unref (tables);
  return result;
}

/* The same of the store of t. */
static inline char *
test_db_checksum (TestDb *t)
{
  return test_store_checksum (t->path);
}

/* The units, equipment and operators of the store at path, by their codes
 * (not their ids), one line a record: equal when an import, an export and
 * an import again, or a backup and its restore, keep every field. */
static inline char *
test_db_canonical_rows (const char *path)
{
  static const char *const queries[] = {
    "SELECT credit_code, name, address, district, industry, crowded, legal_rep, safety_manager, phone"
    " FROM unit ORDER BY credit_code",
    "SELECT u.credit_code, e.category, coalesce(e.code, ''), e.reg_cert, e.variety, e.location, e.status,"
    " e.registered_user, e.quantity, e.last_inspection, e.next_inspection, e.postponed_until"
    " FROM equipment e JOIN unit u ON u.id = e.unit_id ORDER BY 1, 2, 3, 4, 5, 6, 9",
    "SELECT u.credit_code, o.name, o.id_number, o.cert_no, o.cert_category, o.cert_expiry"
    " FROM operator o JOIN unit u ON u.id = o.unit_id ORDER BY 1, 2, 3, 4",
  };
  GString *s = g_string_new (NULL);
  sqlite3 *db = NULL;

  test_store_backend ();
#if RECTIFY_HAVE_PG
  if (test_location_is_server (path))
    {
      PGconn *conn = test_pg_connect (path);
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          PGresult *res = test_pg_exec (conn, queries[q]);
          for (int i = 0; i < PQntuples (res); i++)
            {
              for (int c = 0; c < PQnfields (res); c++)
                g_string_append_printf (s, "%s|", PQgetisnull (res, i, c) ? "∅" : PQgetvalue (res, i, c));
              g_string_append_c (s, '\n');
            }
          PQclear (res);
          g_string_append (s, "----\n");
        }
      PQfinish (conn);
      return g_string_free (s, FALSE);
    }
#endif
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;
      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *v = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (s, "%s|", v ? v : "∅");
            }
          g_string_append_c (s, '\n');
        }
      sqlite3_finalize (stmt);
      g_string_append (s, "----\n");
    }
  sqlite3_close (db);
  return g_string_free (s, FALSE);
}
