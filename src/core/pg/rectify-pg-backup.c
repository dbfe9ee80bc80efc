/* rectify-pg-backup.c: the backup of a server database into an SQLite file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is made by the SQLite backend (rectify_store_open of a new
 * path: its schema, search indexes and triggers at RECTIFY_SCHEMA_VERSION),
 * then filled table by table from one REPEATABLE READ snapshot of the
 * server, parents first, in the order of the ids, so that the file's own
 * triggers (gapless numbers, a PDF only with the last document) accept
 * every row as they accepted it when it was written.  Its secondary
 * indexes, search triggers and check tally triggers are dropped while the
 * rows go in (the tally is the server's) and built again once, the search
 * indexes rebuilt from the rows.  Large tables are read through a cursor,
 * a few thousand rows at a time.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rectify-backup.h"
#include "rectify-pg-backup.h"
#include "rectify-pg-private.h"

/* The tables of a Rectify file, parents before children.  document_pdf
 * goes with document (its trigger takes a PDF only of the last document). */
static const char *const backup_tables[] = {
  "setting",
  "officer",
  "campaign",
  "campaign_member",
  "unit",
  "equipment",
  "operator",
  "inspection",
  "inspection_officer",
  "inspection_equipment",
  "check_tally",
  "inspection_remark",
  "hazard_category",
  "hazard",
  "hazard_event",
  "attachment",
  "document",
  "document_hazard",
  "scheduled_visit",
  "audit",
  NULL,
};

#define FETCH_ROWS 5000

/* sqlite/rectify-sqlite-fts.c: the search tokenizer the file's indexes name */
int rectify_fts_register (sqlite3 *db);

static gboolean
sqlite_fail (sqlite3 *db, const char *dest_path, GError **error)
{
  g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
               _ ("The backup %s could not be completed: %s"), dest_path,
               db ? sqlite3_errmsg (db) : "?");
  return FALSE;
}

/* The columns of table in the file, as "a, b, c"; NULL when the file has
 * no such table. */
static char *
file_columns (sqlite3 *db, const char *table, guint *n_columns, GPtrArray *blobs)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name, type FROM pragma_table_info ('%s')", table);
  g_autoptr (GString) columns = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  *n_columns = 0;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 0);
      const char *type = (const char *)sqlite3_column_text (stmt, 1);

      g_string_append_printf (columns, "%s%s", columns->len ? ", " : "", name);
      g_ptr_array_add (blobs, GINT_TO_POINTER (g_ascii_strcasecmp (type ? type : "", "BLOB") == 0));
      (*n_columns)++;
    }
  sqlite3_finalize (stmt);
  return *n_columns ? g_string_free (g_steal_pointer (&columns), FALSE) : NULL;
}

/* Binds row i of res (n columns) to stmt, blobs[c] TRUE for a BLOB column. */
static void
bind_row (sqlite3_stmt *stmt, const PGresult *res, int i, guint n, GPtrArray *blobs)
{
  for (guint c = 0; c < n; c++)
    {
      if (PQgetisnull (res, i, (int)c))
        sqlite3_bind_null (stmt, (int)c + 1);
      else if (GPOINTER_TO_INT (g_ptr_array_index (blobs, c)))
        {
          g_autoptr (GBytes) bytes = rectify_pg_bytea (res, i, (int)c);
          gsize size = 0;
          gconstpointer data = bytes ? g_bytes_get_data (bytes, &size) : NULL;
          sqlite3_bind_blob64 (stmt, (int)c + 1, data ? data : "", size, SQLITE_TRANSIENT);
        }
      else
        sqlite3_bind_text (stmt, (int)c + 1, PQgetvalue (res, i, (int)c),
                           PQgetlength (res, i, (int)c), SQLITE_TRANSIENT);
    }
}

static gboolean
step_insert (sqlite3 *db, sqlite3_stmt *stmt, const char *dest_path, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return sqlite_fail (db, dest_path, error);
  return TRUE;
}

/* Copies table from the server's snapshot into the file; documents come
 * each with its PDF. */
static gboolean
copy_table (RectifyStore *store,
            sqlite3 *db,
            const char *table,
            const char *dest_path,
            GCancellable *cancellable,
            GError **error)
{
  g_autoptr (GPtrArray) blobs = g_ptr_array_new ();
  g_autoptr (GPtrArray) pdf_blobs = g_ptr_array_new ();
  guint n = 0, n_pdf = 0;
  g_autofree char *columns = file_columns (db, table, &n, blobs);
  g_autofree char *pdf_columns = NULL;
  g_autofree char *select = NULL;
  g_autofree char *insert = NULL;
  g_autofree char *insert_pdf = NULL;
  g_autoptr (GString) marks = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL, *pdf_stmt = NULL;
  gboolean is_document = g_str_equal (table, "document");
  gboolean ok = TRUE;

  if (columns == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                   _ ("The backup %s could not be completed: %s"), dest_path, table);
      return FALSE;
    }
  for (guint c = 0; c < n; c++)
    g_string_append_printf (marks, "%s?", c ? ", " : "");
  /* the file's defaults (categories, settings) give way to the server's rows */
  insert
      = g_strdup_printf ("INSERT OR REPLACE INTO %s (%s) VALUES (%s)", table, columns, marks->str);
  if (sqlite3_prepare_v2 (db, insert, -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_fail (db, dest_path, error);
  if (is_document)
    {
      g_autoptr (GString) pdf_marks = g_string_new (NULL);

      pdf_columns = file_columns (db, "document_pdf", &n_pdf, pdf_blobs);
      for (guint c = 0; c < n_pdf; c++)
        g_string_append_printf (pdf_marks, "%s?", c ? ", " : "");
      insert_pdf = g_strdup_printf ("INSERT INTO document_pdf (%s) VALUES (%s)", pdf_columns,
                                    pdf_marks->str);
      if (pdf_columns == NULL
          || sqlite3_prepare_v2 (db, insert_pdf, -1, &pdf_stmt, NULL) != SQLITE_OK)
        {
          sqlite3_finalize (stmt);
          return sqlite_fail (db, dest_path, error);
        }
    }

  /* in the order the rows were written: by id, else by the key */
  if (is_document)
    {
      g_autoptr (GString) both = g_string_new (NULL);
      g_auto (GStrv) names = g_strsplit (columns, ", ", -1);
      g_auto (GStrv) pdf_names = g_strsplit (pdf_columns, ", ", -1);

      for (guint c = 0; names[c]; c++)
        g_string_append_printf (both, "%sd.%s", c ? ", " : "", names[c]);
      for (guint c = 0; pdf_names[c]; c++)
        g_string_append_printf (both, ", p.%s", pdf_names[c]);
      select = g_strdup_printf ("DECLARE rectify_backup NO SCROLL CURSOR FOR SELECT %s FROM"
                                " document d LEFT JOIN document_pdf p ON p.document_id = d.id"
                                " ORDER BY d.id",
                                both->str);
    }
  else
    select = g_strdup_printf ("DECLARE rectify_backup NO SCROLL CURSOR FOR SELECT %s FROM %s"
                              " ORDER BY 1",
                              columns, table);
  ok = rectify_pg_exec_script (store, select, error);
  while (ok)
    {
      g_autoptr (PGresult) res = NULL;
      char fetch[64];

      g_snprintf (fetch, sizeof fetch, "FETCH %d FROM rectify_backup", FETCH_ROWS);
      res = rectify_pg_exec_once (store, fetch, NULL, error);
      if (res == NULL)
        {
          ok = FALSE;
          break;
        }
      if ((guint)PQnfields (res) != n + n_pdf)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                       _ ("The backup %s could not be completed: %s"), dest_path, table);
          ok = FALSE;
          break;
        }
      for (int i = 0; ok && i < PQntuples (res); i++)
        {
          bind_row (stmt, res, i, n, blobs);
          ok = step_insert (db, stmt, dest_path, error);
          /* the PDF right after its document */
          if (ok && is_document && !PQgetisnull (res, i, (int)n))
            {
              for (guint c = 0; c < n_pdf; c++)
                {
                  int col = (int)(n + c);
                  if (PQgetisnull (res, i, col))
                    sqlite3_bind_null (pdf_stmt, (int)c + 1);
                  else if (GPOINTER_TO_INT (g_ptr_array_index (pdf_blobs, c)))
                    {
                      g_autoptr (GBytes) bytes = rectify_pg_bytea (res, i, col);
                      gsize size = 0;
                      gconstpointer data = bytes ? g_bytes_get_data (bytes, &size) : NULL;
                      sqlite3_bind_blob64 (pdf_stmt, (int)c + 1, data ? data : "", size,
                                           SQLITE_TRANSIENT);
                    }
                  else
                    sqlite3_bind_text (pdf_stmt, (int)c + 1, PQgetvalue (res, i, col),
                                       PQgetlength (res, i, col), SQLITE_TRANSIENT);
                }
              ok = step_insert (db, pdf_stmt, dest_path, error);
            }
        }
      if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      if (!ok || PQntuples (res) < FETCH_ROWS)
        break;
    }
  if (ok)
    ok = rectify_pg_exec_script (store, "CLOSE rectify_backup", error);
  sqlite3_finalize (stmt);
  sqlite3_finalize (pdf_stmt);
  return ok;
}

/* Drops the file's secondary indexes, its search triggers and the
 * triggers that keep the check tally (its rows come from the server), and
 * keeps the SQL that makes them again in rebuild: building each once after
 * the rows are in is several times faster than keeping them row by row. */
static gboolean
defer_indexes (sqlite3 *db, GPtrArray *rebuild, const char *dest_path, GError **error)
{
  g_autoptr (GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL"
                          " AND (type = 'index' OR (type = 'trigger' AND (name GLOB '*_fts_*'"
                          " OR name GLOB 'check_tally_*')))",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    return sqlite_fail (db, dest_path, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (drops, g_strdup_printf ("DROP %s \"%s\"", sqlite3_column_text (stmt, 0),
                                               sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (rebuild, g_strdup ((const char *)sqlite3_column_text (stmt, 2)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sqlite_fail (db, dest_path, error);
  for (guint i = 0; i < drops->len; i++)
    if (sqlite3_exec (db, g_ptr_array_index (drops, i), NULL, NULL, NULL) != SQLITE_OK)
      return sqlite_fail (db, dest_path, error);
  return TRUE;
}

static gboolean
fill_file (RectifyStore *store,
           const char *tmp,
           const char *dest_path,
           RectifyBackupProgressFunc progress,
           gpointer progress_data,
           GCancellable *cancellable,
           GError **error)
{
  g_autoptr (GPtrArray) rebuild = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  gboolean ok;
  guint n_tables = g_strv_length ((char **)backup_tables);

  if (sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      ok = sqlite_fail (db, dest_path, error);
      sqlite3_close (db);
      return ok;
    }
  /* a file no one else has open yet, checked whole before it is renamed:
   * no journal to keep */
  ok = (rectify_fts_register (db) == SQLITE_OK
        && sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF; BEGIN", NULL,
                         NULL, NULL)
               == SQLITE_OK)
       || sqlite_fail (db, dest_path, error);
  ok = ok && defer_indexes (db, rebuild, dest_path, error);
  for (guint i = 0; ok && backup_tables[i]; i++)
    {
      ok = copy_table (store, db, backup_tables[i], dest_path, cancellable, error);
      if (ok && progress)
        progress (i + 1, n_tables, progress_data);
    }
  for (guint i = 0; ok && i < rebuild->len; i++)
    if (sqlite3_exec (db, g_ptr_array_index (rebuild, i), NULL, NULL, NULL) != SQLITE_OK)
      ok = sqlite_fail (db, dest_path, error);
  if (ok
      && sqlite3_exec (db,
                       "INSERT INTO unit_fts (unit_fts) VALUES ('rebuild');"
                       "INSERT INTO equipment_fts (equipment_fts) VALUES ('rebuild');"
                       "INSERT INTO hazard_fts (hazard_fts) VALUES ('rebuild');"
                       "COMMIT; PRAGMA journal_mode = WAL",
                       NULL, NULL, NULL)
             != SQLITE_OK)
    ok = sqlite_fail (db, dest_path, error);
  if (sqlite3_close (db) != SQLITE_OK)
    ok = ok && sqlite_fail (NULL, dest_path, error);
  return ok;
}

gboolean
rectify_pg_backup_full (RectifyStore *store,
                        const char *dest_path,
                        RectifyBackupProgressFunc progress,
                        gpointer progress_data,
                        GCancellable *cancellable,
                        GError **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *problem = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_PG_STORE (store), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (g_file_test (dest_path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("%s is a folder; give a file name"),
                   dest_path);
      return FALSE;
    }
  /* beside the target, renamed when whole: a failed copy never replaces a good one */
  tmp = g_strconcat (dest_path, ".partial", NULL);
  g_unlink (tmp);
  {
    g_autoptr (RectifyStore) file = rectify_store_open (tmp, error);
    if (file == NULL)
      {
        g_unlink (tmp);
        return FALSE;
      }
  }
  if (!rectify_store_begin_read (store, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  ok = fill_file (store, tmp, dest_path, progress, progress_data, cancellable, error);
  rectify_store_end (store, FALSE, NULL);
  if (ok)
    {
      g_autoptr (RectifyStore) file = rectify_store_open (tmp, error);
      ok = file != NULL && rectify_store_check_integrity (file, &problem, error);
      if (ok && problem)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                       _ ("The backup %s could not be completed: %s"), dest_path, problem);
          ok = FALSE;
        }
    }
  if (ok && g_rename (tmp, dest_path) != 0)
    {
      int errsv = errno;
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Cannot write the backup %s: %s"),
                   dest_path, g_strerror (errsv));
      ok = FALSE;
    }
  if (!ok)
    {
      g_autofree char *wal = g_strconcat (tmp, "-wal", NULL);
      g_autofree char *shm = g_strconcat (tmp, "-shm", NULL);
      g_unlink (tmp);
      g_unlink (wal);
      g_unlink (shm);
    }
  return ok;
}
