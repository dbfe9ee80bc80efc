/* rectify-sqlite-store.c: the connection to an SQLite database file, its
 * statement cache, transactions and errors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rectify-sqlite-private.h"

G_DEFINE_FINAL_TYPE (RectifySqliteStore, rectify_sqlite_store, RECTIFY_TYPE_STORE)

/* rectify-sqlite-schema.c */
gboolean rectify_sqlite_migrate (RectifyStore *store, int target, GError **error);

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

void
rectify_stmt_release (RectifyStmt *stmt)
{
  if (stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}

gboolean
rectify_sqlite_disk_full (int rc, int system_errno)
{
  /* SQLite says SQLITE_FULL when a write() fell short, but a disk I/O
   * error when growing the -shm or extending a file ran out of space */
  return (rc & 0xff) == SQLITE_FULL
         || ((rc & 0xff) == SQLITE_IOERR && (system_errno == ENOSPC || system_errno == EDQUOT));
}

void
rectify_sqlite_set_damaged (GError **error, const char *path, const char *problem)
{
  g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DAMAGED,
               _ ("The database %s is damaged (%s); nothing was saved. Restore the last backup "
                  "(Restore… in the main menu, or “rectify-cli restore BACKUP”)"),
               path, problem);
}

static RectifyError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return RECTIFY_ERROR_LOCKED;
    case SQLITE_NOTADB:
      return RECTIFY_ERROR_NOT_RECTIFY;
    case SQLITE_CORRUPT:
      return RECTIFY_ERROR_DAMAGED;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
      return RECTIFY_ERROR_IO;
    case SQLITE_CONSTRAINT:
      return rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY
                 ? RECTIFY_ERROR_DUPLICATE
                 : RECTIFY_ERROR_INVALID;
    default:
      return RECTIFY_ERROR_DATABASE;
    }
}

gboolean
rectify_store_fail (RectifyStore *store, int rc, GError **error)
{
  RectifySqliteStore *self = (RectifySqliteStore *)store;
  const char *msg = sqlite3_errmsg (self->db);
  RectifyError code = error_code_for (rc);

  if (code == RECTIFY_ERROR_LOCKED)
    g_set_error (error, RECTIFY_ERROR, code,
                 _ ("The database %s is in use by another program; close it and try again"),
                 rectify_store_get_path (&self->parent_instance));
  else if (code == RECTIFY_ERROR_DUPLICATE && strstr (msg, "credit_code"))
    g_set_error (error, RECTIFY_ERROR, code, _ ("Credit code: another unit already has this code"));
  else if (code == RECTIFY_ERROR_DUPLICATE && strstr (msg, "equipment.code"))
    g_set_error (error, RECTIFY_ERROR, code,
                 _ ("Equipment code: another item already has this code"));
  else if (code == RECTIFY_ERROR_DUPLICATE && strstr (msg, "officer.badge"))
    g_set_error (error, RECTIFY_ERROR, code, _ ("Badge: another officer already has this number"));
  else if (code == RECTIFY_ERROR_IO
           && rectify_sqlite_disk_full (rc, sqlite3_system_errno (self->db)))
    g_set_error (error, RECTIFY_ERROR, code, _ ("The disk is full; nothing was saved"));
  else if (code == RECTIFY_ERROR_DAMAGED)
    rectify_sqlite_set_damaged (error, rectify_store_get_path (store), msg);
  else if (code == RECTIFY_ERROR_IO && (rc & 0xff) == SQLITE_READONLY)
    g_set_error (error, RECTIFY_ERROR, code, _ ("The database %s is read-only; nothing was saved"),
                 rectify_store_get_path (&self->parent_instance));
  else
    g_set_error (error, RECTIFY_ERROR, code, _ ("Database error: %s"), msg);
  return FALSE;
}

RectifyStmt *
rectify_store_prepare (RectifyStore *store, const char *sql, GError **error)
{
  RectifySqliteStore *self = (RectifySqliteStore *)store;
  sqlite3_stmt *stmt = g_hash_table_lookup (self->stmts, sql);
  int rc;

  if (stmt)
    return stmt;
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      /* a statement that does not compile is a bug; an interrupted, locked
       * or damaged database is the caller's error to show */
      if ((rc & 0xff) == SQLITE_ERROR)
        g_warning ("cannot prepare %s: %s", sql, sqlite3_errmsg (self->db));
      else
        g_debug ("cannot prepare %s: %s", sql, sqlite3_errmsg (self->db));
      rectify_store_fail (store, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->stmts, g_strdup (sql), stmt);
  return stmt;
}

/* How long to wait for another program's write; tests shorten it. */
void
rectify_sqlite_apply_busy_timeout (RectifySqliteStore *self)
{
  const char *env = g_getenv ("RECTIFY_BUSY_TIMEOUT_MS");
  gint64 ms = 5000;

  if (env)
    g_ascii_string_to_signed (env, 10, 0, 600000, &ms, NULL);
  sqlite3_busy_timeout (self->db, (int)ms);
}

gboolean
rectify_store_exec (RectifyStore *store, const char *sql, GError **error)
{
  RectifySqliteStore *self = (RectifySqliteStore *)store;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return rectify_store_fail (store, rc, error);
  return TRUE;
}

gboolean
rectify_store_step_done (RectifyStore *self, RectifyStmt *stmt, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    return rectify_store_fail (self, rc, error);
  return TRUE;
}

gint64
rectify_sqlite_step_insert (RectifyStore *self, RectifyStmt *stmt, GError **error)
{
  if (!rectify_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (rectify_sqlite_db (self));
}

gboolean
rectify_sqlite_step_update (RectifyStore *self, RectifyStmt *stmt, gboolean *found, GError **error)
{
  *found = FALSE;
  if (!rectify_store_step_done (self, stmt, error))
    return FALSE;
  *found = sqlite3_changes (rectify_sqlite_db (self)) == 1;
  return TRUE;
}

gboolean
rectify_sqlite_delete_row (
    RectifyStore *self, const char *sql, gint64 id, gboolean *in_use, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (self, sql, error);
  int rc;

  *in_use = FALSE;
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      *in_use = TRUE;
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return rectify_store_fail (self, rc, error);
  return TRUE;
}

gboolean
rectify_sqlite_any (RectifyStore *self, const char *sql, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (self, sql, error);

  return stmt && sqlite3_step (stmt) == SQLITE_ROW;
}

void
rectify_bind_text (RectifyStmt *stmt, int index, const char *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

void
rectify_bind_text_or_null (RectifyStmt *stmt, int index, const char *text)
{
  if (text && *text)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

void
rectify_bind_id_or_null (RectifyStmt *stmt, int index, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

char *
rectify_column_text (RectifyStmt *stmt, int column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  return g_strdup (text ? text : "");
}

char *
rectify_column_text_or_null (RectifyStmt *stmt, int column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

/* How long the quick check may read before the first write goes on
 * without its verdict; tests and benchmarks set it.  1.5 s: a whole check
 * of the city sample (592 MB) takes 6-10 s, too long to hold the first
 * save of a session, so there it covers the pages it reaches and
 * `verify` (integrity_check, 37 s) is the full one. */
static gint64
quick_check_limit_ms (void)
{
  const char *env = g_getenv ("RECTIFY_QUICK_CHECK_LIMIT_MS");
  gint64 ms = 1500;

  if (env)
    g_ascii_string_to_signed (env, 10, 0, 3600000, &ms, NULL);
  return ms;
}

static int
on_quick_check_progress (void *data)
{
  return g_get_monotonic_time () > *(gint64 *)data;
}

/* Before the first write of this connection: PRAGMA quick_check reads
 * every page of the file (without comparing indexes to their tables, as
 * integrity_check does), so that nothing is written into a damaged file
 * whose damage the pages read so far did not show.  A file that fails
 * refuses every write of this connection. */
static gboolean
quick_check (RectifySqliteStore *self, GError **error)
{
  RectifyStore *store = RECTIFY_STORE (self);
  sqlite3_stmt *stmt = NULL;
  gint64 deadline;
  int rc;

  if (!self->checked && self->version > 0)
    {
      g_autoptr (GString) problems = g_string_new (NULL);
      gint64 started = g_get_monotonic_time ();

      deadline = started + quick_check_limit_ms () * 1000;
      sqlite3_progress_handler (self->db, 10000, on_quick_check_progress, &deadline);
      rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(10)", -1, &stmt, NULL);
      while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *row = (const char *)sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (row, "ok") != 0)
            g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", row);
          rc = SQLITE_OK;
        }
      if (rc != SQLITE_DONE && (rc & 0xff) != SQLITE_INTERRUPT && problems->len == 0)
        g_string_append (problems, sqlite3_errmsg (self->db));
      sqlite3_finalize (stmt);
      sqlite3_progress_handler (self->db, 0, NULL, NULL);
      g_debug ("quick check of %s: %s in %" G_GINT64_FORMAT " ms", rectify_store_get_path (store),
               problems->len                     ? problems->str
               : (rc & 0xff) == SQLITE_INTERRUPT ? "stopped at the time limit"
                                                 : "ok",
               (g_get_monotonic_time () - started) / 1000);
      /* waiting for a lock, or stopped by rectify_store_interrupt(): no
       * verdict yet, the next write checks again */
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED
          || ((rc & 0xff) == SQLITE_INTERRUPT && g_get_monotonic_time () <= deadline))
        return rectify_store_fail (store, rc, error);
      self->checked = TRUE;
      if (problems->len)
        self->damage = g_string_free (g_steal_pointer (&problems), FALSE);
    }
  if (self->damage)
    {
      rectify_sqlite_set_damaged (error, rectify_store_get_path (store), self->damage);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_begin (RectifyStore *store, GError **error)
{
  RectifySqliteStore *self = (RectifySqliteStore *)store;
  if (self->txn_depth == 0)
    {
      if (sqlite3_db_readonly (self->db, "main") == 1)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                       _ ("The database %s is read-only; nothing was saved"),
                       rectify_store_get_path (store));
          return FALSE;
        }
      if (!quick_check (self, error))
        return FALSE;
      if (!rectify_store_exec (store, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->txn_failed = FALSE;
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("SAVEPOINT level%d", self->txn_depth);
      if (!rectify_store_exec (store, sql, error))
        return FALSE;
    }
  self->txn_depth++;
  return TRUE;
}

static gboolean
sqlite_begin_read (RectifyStore *store, GError **error)
{
  RectifySqliteStore *self = (RectifySqliteStore *)store;
  if (self->txn_depth == 0)
    {
      /* deferred: a snapshot to read, without the write lock that would
       * keep every other connection waiting */
      if (!rectify_store_exec (store, "BEGIN DEFERRED", error))
        return FALSE;
      self->txn_failed = FALSE;
      self->txn_depth++;
      return TRUE;
    }
  return sqlite_begin (store, error);
}

static gboolean
sqlite_end (RectifyStore *store, gboolean ok, GError **error)
{
  RectifySqliteStore *self = (RectifySqliteStore *)store;
  g_return_val_if_fail (self->txn_depth > 0, FALSE);

  self->txn_depth--;
  if (self->txn_depth > 0)
    {
      g_autofree char *sql = NULL;
      if (ok)
        sql = g_strdup_printf ("RELEASE level%d", self->txn_depth);
      else
        sql = g_strdup_printf ("ROLLBACK TO level%d; RELEASE level%d", self->txn_depth,
                               self->txn_depth);
      return rectify_store_exec (store, sql, ok ? error : NULL) && ok;
    }

  if (ok && !self->txn_failed)
    {
      int rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        {
          rectify_store_emit_changes (store);
          return TRUE;
        }
      rectify_store_fail (store, rc, error);
    }
  if (sqlite3_get_autocommit (self->db) == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  rectify_store_forget_changes (store);
  return FALSE;
}

static gboolean
sqlite_in_transaction (RectifyStore *store)
{
  return ((RectifySqliteStore *)store)->txn_depth > 0;
}

static void
sqlite_interrupt (RectifyStore *store)
{
  sqlite3_interrupt (((RectifySqliteStore *)store)->db);
}

static int
sqlite_get_schema_version (RectifyStore *store)
{
  return ((RectifySqliteStore *)store)->version;
}

static RectifyStore *
sqlite_open_reader (RectifyStore *store, GError **error)
{
  return rectify_sqlite_store_open (rectify_store_get_path (store), -1, error);
}

static gboolean
sqlite_exists (RectifyStore *store, const char *entity, gint64 id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", entity);
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (store, sql, error);

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static void
rectify_sqlite_store_finalize (GObject *object)
{
  RectifySqliteStore *self = (RectifySqliteStore *)object;

  g_clear_pointer (&self->stmts, g_hash_table_unref);
  g_clear_pointer (&self->damage, g_free);
  if (self->db)
    sqlite3_close_v2 (self->db);

  G_OBJECT_CLASS (rectify_sqlite_store_parent_class)->finalize (object);
}

static void
rectify_sqlite_store_class_init (RectifySqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RectifyStoreClass *store_class = RECTIFY_STORE_CLASS (klass);

  object_class->finalize = rectify_sqlite_store_finalize;

  store_class->begin = sqlite_begin;
  store_class->begin_read = sqlite_begin_read;
  store_class->end = sqlite_end;
  store_class->in_transaction = sqlite_in_transaction;
  store_class->interrupt = sqlite_interrupt;
  store_class->get_schema_version = sqlite_get_schema_version;
  store_class->open_reader = sqlite_open_reader;
  store_class->exists = sqlite_exists;
  store_class->check_integrity = rectify_sqlite_check_integrity;
  store_class->backup = rectify_sqlite_backup_full;

  store_class->officers = &rectify_sqlite_officer_ops;
  store_class->campaigns = &rectify_sqlite_campaign_ops;
  store_class->units = &rectify_sqlite_unit_ops;
  store_class->equipment = &rectify_sqlite_equipment_ops;
  store_class->operators = &rectify_sqlite_operator_ops;
  store_class->inspections = &rectify_sqlite_inspection_ops;
  store_class->hazards = &rectify_sqlite_hazard_ops;
  store_class->attachments = &rectify_sqlite_attachment_ops;
  store_class->documents = &rectify_sqlite_document_ops;
  store_class->visits = &rectify_sqlite_visit_ops;
  store_class->settings = &rectify_sqlite_setting_ops;
  store_class->audit = &rectify_sqlite_audit_ops;
  store_class->figures = &rectify_sqlite_figure_ops;
  store_class->bulk = &rectify_sqlite_bulk_ops;
}

static void
rectify_sqlite_store_init (RectifySqliteStore *self)
{
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
}

/* Whether this user can write path and the folder beside it (where SQLite
 * keeps the -wal and -shm files of a database in WAL mode). */
static gboolean
can_write_beside (const char *path, const char *dir)
{
  return g_access (dir, W_OK) == 0
         && (!g_file_test (path, G_FILE_TEST_EXISTS) || g_access (path, W_OK) == 0);
}

/* The URI that opens path for reading only, leaving nothing beside it:
 * with a -wal file present (a writer has it open, or did not finish) its
 * pages are read through it (mode=ro); without one the main file is all
 * there is, and immutable=1 makes SQLite create no -wal or -shm at all,
 * which a read-only connection to a database in WAL mode would otherwise
 * leave behind, owned by the reader. */
static char *
read_only_uri (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);

  if (uri == NULL)
    return NULL;
  return g_strconcat (uri, g_file_test (wal, G_FILE_TEST_EXISTS) ? "?mode=ro" : "?immutable=1",
                      NULL);
}

/* target -1: a reader of a file at this version, never writing. */
static RectifyStore *
open_file (const char *path, int target, gboolean may_create_empty, GError **error)
{
  g_autoptr (RectifySqliteStore) self = NULL;
  RectifyStore *store;
  g_autofree char *dir = NULL;
  g_autofree char *uri = NULL;
  GStatBuf st;
  gboolean read_only;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (RECTIFY_TYPE_SQLITE_STORE, NULL);
  store = RECTIFY_STORE (self);
  rectify_store_set_path (store, path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                   _ ("%s is a folder, not a database file"), path);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("The folder %s does not exist"), dir);
      return NULL;
    }
  /* A database that lost its contents (a failed copy, a truncated file) is
   * not replaced by a new, empty one: only the explicit create does that. */
  if (!may_create_empty && g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_RECTIFY,
                   _ ("%s is an empty file (0 bytes), not a Rectify database; if it should hold "
                      "your records, restore a backup"),
                   path);
      return NULL;
    }

  /* What this user cannot write is read and left as it was. */
  read_only = g_file_test (path, G_FILE_TEST_EXISTS) && !can_write_beside (path, dir);
  if (read_only)
    uri = read_only_uri (path);
  if (read_only && uri != NULL)
    rc = sqlite3_open_v2 (uri, &self->db,
                          SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  else
    /* a reader never makes a file */
    rc = sqlite3_open_v2 (
        path, &self->db,
        SQLITE_OPEN_READWRITE | (target < 0 ? 0 : SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Cannot open %s: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  rectify_sqlite_apply_busy_timeout (self);
  rectify_fts_register (self->db);

  if (!rectify_sqlite_migrate (store, target, error))
    return NULL;
  if (target < 0)
    {
      /* a small cache: the main connection has the big one */
      if (self->version != RECTIFY_SCHEMA_VERSION)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                       _ ("%s is at schema %d, this version of Rectify reads %d"), path,
                       self->version, RECTIFY_SCHEMA_VERSION);
          return NULL;
        }
      if (!rectify_store_exec (store,
                               "PRAGMA query_only = ON; PRAGMA temp_store = MEMORY;"
                               "PRAGMA cache_size = -8192",
                               error))
        return NULL;
      return RECTIFY_STORE (g_steal_pointer (&self));
    }
  /* WAL after the checks, so a foreign file is never touched; a read-only
   * file keeps the mode it has. */
  if (!read_only && !rectify_store_exec (store, "PRAGMA journal_mode = WAL", error))
    return NULL;
  if (!rectify_store_exec (store,
                           "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
                           "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536",
                           error))
    return NULL;
  if (!read_only)
    rectify_sqlite_remove_killed_backups (path);
  return RECTIFY_STORE (g_steal_pointer (&self));
}

RectifyStore *
rectify_sqlite_store_open (const char *path, int target, GError **error)
{
  return open_file (path, target, FALSE, error);
}

RectifyStore *
rectify_sqlite_store_create (const char *path, GError **error)
{
  return open_file (path, RECTIFY_SCHEMA_VERSION, TRUE, error);
}
