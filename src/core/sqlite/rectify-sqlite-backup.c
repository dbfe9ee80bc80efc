/* rectify-sqlite-backup.c: copying a database with the SQLite backup API, and putting a backup back
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "rectify-backup.h"
#include "rectify-sqlite-private.h"

/* The value rectify-store.c writes in PRAGMA application_id. */
#define RECTIFY_APPLICATION_ID 0x52435446

static gboolean
query_int (sqlite3 *db, const char *sql, int *out)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
                && sqlite3_step (stmt) == SQLITE_ROW;

  if (ok)
    *out = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return ok;
}

/* What can be told without reading every page: a Rectify database that
 * this version can open. */
static gboolean
check_identity (sqlite3 *db, const char *path, GError **error)
{
  int app_id = 0, version = 0;

  if (!query_int (db, "PRAGMA application_id", &app_id) || app_id != RECTIFY_APPLICATION_ID
      || !query_int (db, "PRAGMA user_version", &version) || version < 1)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_RECTIFY,
                   _ ("Backup: %s is not a Rectify database"), path);
      return FALSE;
    }
  if (version > RECTIFY_SCHEMA_VERSION)
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_NEWER_VERSION,
          _ ("Backup: %s was written by a newer Rectify (schema %d; this one reads up to %d)"),
          path, version, RECTIFY_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* Every page of db (the copy of the backup at path) read and checked. */
static gboolean
check_integrity (sqlite3 *db, const char *path, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    problem = g_strdup (sqlite3_errmsg (db));
  else if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    problem = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (problem)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_TAMPERED,
                   _ ("Backup: %s fails the integrity check (%s); it was not restored"), path,
                   problem);
      return FALSE;
    }
  return TRUE;
}

guint
rectify_backup_busy_limit_ms (void)
{
  const char *env = g_getenv ("RECTIFY_BACKUP_BUSY_LIMIT_MS");
  gint64 ms = 30000;

  if (env)
    g_ascii_string_to_signed (env, 10, 1, 3600000, &ms, NULL);
  return (guint)ms;
}

/* Whether to go on waiting: not once cancelled, nor after the limit. */
static gboolean
wait_more (RectifyBackupWait *wait)
{
  gint64 now = g_get_monotonic_time ();

  if (wait->busy_since == 0)
    wait->busy_since = now;
  if (g_cancellable_is_cancelled (wait->cancellable) || now - wait->busy_since >= wait->limit_us)
    return FALSE;
  g_usleep (10000);
  return TRUE;
}

static int
on_busy (void *data, int count)
{
  return wait_more (data) ? 1 : 0;
}

void
rectify_backup_wait_begin (RectifyBackupWait *wait, sqlite3 *db, GCancellable *cancellable)
{
  wait->cancellable = cancellable;
  wait->limit_us = (gint64)rectify_backup_busy_limit_ms () * 1000;
  wait->busy_since = 0;
  /* in place of the busy timeout, so that a cancel is seen while waiting */
  sqlite3_busy_handler (db, on_busy, wait);
}

int
rectify_backup_copy (sqlite3 *dest,
                     sqlite3 *src,
                     RectifyBackupProgressFunc progress,
                     gpointer progress_data,
                     GCancellable *cancellable)
{
  RectifyBackupWait wait;
  sqlite3_backup *backup;
  int rc;

  rectify_backup_wait_begin (&wait, src, cancellable);
  sqlite3_busy_handler (dest, on_busy, &wait);
  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    return sqlite3_errcode (dest);
  for (;;)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          rc = SQLITE_INTERRUPT;
          break;
        }
      /* 1 MB of 4 KB pages a step: a cancel is seen within a fraction of a second */
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_OK || rc == SQLITE_DONE)
        {
          wait.busy_since = 0;
          if (progress)
            {
              guint64 total = (guint64)sqlite3_backup_pagecount (backup);
              progress (total - (guint64)sqlite3_backup_remaining (backup), total, progress_data);
            }
          if (rc == SQLITE_DONE)
            break;
        }
      else if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        {
          /* the handlers have waited already; a LOCKED step calls none */
          if (!wait_more (&wait))
            {
              rc = g_cancellable_is_cancelled (cancellable) ? SQLITE_INTERRUPT : SQLITE_BUSY;
              break;
            }
        }
      else
        break;
    }
  sqlite3_backup_finish (backup);
  if (rc == SQLITE_BUSY && g_cancellable_is_cancelled (cancellable))
    rc = SQLITE_INTERRUPT;
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Copies the whole of src into dest, as one write transaction on dest. */
static int
copy_database (sqlite3 *dest, sqlite3 *src)
{
  int rc = rectify_backup_copy (dest, src, NULL, NULL, NULL);

  /* the copy's busy handlers pointed at its stack */
  sqlite3_busy_timeout (dest, 5000);
  sqlite3_busy_timeout (src, 5000);
  return rc;
}

static gboolean
io_error (GError **error, int rc, char *what)
{
  g_autofree char *owned = what;
  g_set_error (error, RECTIFY_ERROR,
               (rc & 0xff) == SQLITE_BUSY ? RECTIFY_ERROR_LOCKED : RECTIFY_ERROR_IO, "%s: %s",
               owned, sqlite3_errstr (rc));
  return FALSE;
}

static void
remove_side (const char *side)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (side, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* The backup is made ready (copied, checked, upgraded) in a file of its own
 * beside the database, so that nothing that can fail touches the database;
 * then it goes in with the SQLite backup API: one write transaction, which
 * the window's open connection sees, where renaming a file over a database
 * in WAL mode would leave that connection on the old file and its -wal
 * beside the new one. */
gboolean
rectify_restore_backup (const char *db_path,
                        const char *backup_path,
                        char **kept_aside,
                        GError **error)
{
  sqlite3 *src = NULL, *dest = NULL, *ready = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *side = NULL;
  int rc, fd;
  gboolean ok = FALSE;

  g_return_val_if_fail (db_path != NULL && backup_path != NULL, FALSE);

  /* a file replaces a file; a bureau server is not overwritten from a desk */
  if (rectify_store_location_is_server (db_path))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   _ ("Restore: %s is a bureau server database; a backup file replaces only a "
                      "database file. Open the backup with --db to read it; the server is "
                      "restored by its administrator from the server's own backups"),
                   db_path);
      return FALSE;
    }
  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Backup: there is no file %s"),
                   backup_path);
      return FALSE;
    }
  rc = sqlite3_open_v2 (backup_path, &src, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      io_error (error, rc, g_strdup_printf (_ ("Cannot read the backup %s"), backup_path));
      goto out;
    }
  sqlite3_busy_timeout (src, 5000);
  if (!check_identity (src, backup_path, error))
    goto out;

  /* beside the database: the same file system, the same free space */
  side = g_strconcat (db_path, ".restoring-XXXXXX", NULL);
  fd = g_mkstemp (side);
  if (fd < 0)
    {
      int errsv = errno;

      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                   _ ("Cannot write beside the database %s: %s"), db_path, g_strerror (errsv));
      g_clear_pointer (&side, g_free);
      goto out;
    }
  close (fd);
  rc = sqlite3_open_v2 (side, &ready, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = copy_database (ready, src);
  if (rc != SQLITE_OK)
    {
      io_error (error, rc,
                g_strdup_printf (_ ("Cannot copy the backup %s beside the database"), backup_path));
      goto out;
    }
  sqlite3_close (src);
  src = NULL;
  if (!check_identity (ready, backup_path, error) || !check_integrity (ready, backup_path, error))
    goto out;
  sqlite3_close (ready);
  ready = NULL;

  /* opening upgrades an older backup to this version: the copy, not the database */
  {
    g_autoptr (RectifyStore) store = rectify_store_open (side, error);

    if (store == NULL)
      {
        g_prefix_error (
            error,
            _ ("Backup: %s cannot be upgraded to this version; the database was not changed: "),
            backup_path);
        goto out;
      }
  }
  rc = sqlite3_open_v2 (side, &ready, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      io_error (error, rc,
                g_strdup_printf (_ ("Cannot copy the backup %s beside the database"), backup_path));
      goto out;
    }

  rc = sqlite3_open_v2 (db_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      io_error (error, rc, g_strdup_printf (_ ("Cannot write the database %s"), db_path));
      goto out;
    }
  sqlite3_busy_timeout (dest, 5000);

  {
    int tables = 0;
    if (query_int (dest, "SELECT count(*) FROM sqlite_schema", &tables) && tables > 0)
      {
        g_autoptr (GDateTime) now = g_date_time_new_now_local ();
        g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
        sqlite3 *keep = NULL;

        aside = g_strdup_printf ("%s.before-restore-%s", db_path, stamp);
        for (int n = 2; g_file_test (aside, G_FILE_TEST_EXISTS); n++)
          {
            g_free (aside);
            aside = g_strdup_printf ("%s.before-restore-%s-%d", db_path, stamp, n);
          }
        rc = sqlite3_open_v2 (aside, &keep, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
        if (rc == SQLITE_OK)
          rc = copy_database (keep, dest);
        sqlite3_close (keep);
        if (rc != SQLITE_OK)
          {
            g_unlink (aside);
            io_error (error, rc,
                      g_strdup_printf (_ ("Cannot keep the current database aside as %s"), aside));
            goto out;
          }
      }
  }

  /* one write transaction: the database is the backup or as it was */
  rc = copy_database (dest, ready);
  if (rc != SQLITE_OK)
    {
      /* rolled back: the database is the one kept aside */
      if (aside != NULL)
        g_unlink (aside);
      io_error (error, rc, g_strdup_printf (_ ("Cannot restore into %s"), db_path));
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_close (src);
  sqlite3_close (dest);
  sqlite3_close (ready);
  if (side != NULL)
    remove_side (side);
  if (ok && kept_aside)
    *kept_aside = g_steal_pointer (&aside);
  return ok;
}

static void
set_disk_full (GError **error, const char *dest_path)
{
  /* the words of every other write that found the disk full */
  g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
               _ ("The disk is full; nothing was saved (the backup %s was not made)"), dest_path);
}

/* ---- leftovers of a backup that was killed ---------------------------------
 * While a backup is written to "<dest>.partial", a mark beside the database,
 * "<database>.backup-in-progress-XXXXXX", names that file and is locked
 * (flock) by the program making it.  A mark nobody holds is a backup that
 * was killed: the next open of the database removes its partial file. */

#define PARTIAL_MARK_INFIX ".backup-in-progress-"

typedef struct
{
  char *path;
  int fd;
} PartialMark;

static void
partial_mark_free (PartialMark *mark)
{
  g_unlink (mark->path);
  close (mark->fd);
  g_free (mark->path);
  g_free (mark);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PartialMark, partial_mark_free)

/* NULL when no mark can be written (a folder that cannot be written): the
 * backup goes on, and only a backup to the same file removes its leftover. */
static PartialMark *
partial_mark_new (const char *db_path, const char *partial)
{
  g_autofree char *mark_path = g_strconcat (db_path, PARTIAL_MARK_INFIX "XXXXXX", NULL);
  g_autofree char *absolute = g_canonicalize_filename (partial, NULL);
  g_autofree char *line = g_strconcat (absolute, "\n", NULL);
  PartialMark *mark;
  int fd = g_mkstemp (mark_path);

  if (fd < 0)
    return NULL;
  if (flock (fd, LOCK_EX) != 0 || write (fd, line, strlen (line)) != (gssize)strlen (line))
    {
      g_unlink (mark_path);
      close (fd);
      return NULL;
    }
  mark = g_new0 (PartialMark, 1);
  mark->path = g_steal_pointer (&mark_path);
  mark->fd = fd;
  return mark;
}

void
rectify_sqlite_remove_killed_backups (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *prefix = g_strconcat (base, PARTIAL_MARK_INFIX, NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *mark = NULL;
      g_autofree char *contents = NULL;
      GStatBuf st;
      int fd;

      if (!g_str_has_prefix (name, prefix))
        continue;
      mark = g_build_filename (dir, name, NULL);
      fd = g_open (mark, O_RDWR | O_CLOEXEC, 0);
      if (fd < 0)
        continue;
      /* held: that backup is being made now */
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          close (fd);
          continue;
        }
      /* a mark not yet written is a backup just starting, unless it is old */
      if (g_file_get_contents (mark, &contents, NULL, NULL) && *g_strchomp (contents) == '\0'
          && g_stat (mark, &st) == 0 && st.st_mtime > time (NULL) - 60)
        {
          close (fd);
          continue;
        }
      if (contents && g_str_has_suffix (contents, ".partial") && g_path_is_absolute (contents))
        {
          g_autofree char *journal = g_strconcat (contents, "-journal", NULL);

          g_debug ("removing %s, left by a backup that was stopped", contents);
          g_unlink (contents);
          g_unlink (journal);
        }
      g_unlink (mark);
      close (fd);
    }
}

gboolean
rectify_sqlite_check_integrity (RectifyStore *store, char **problem, GError **error)
{
  RectifySqliteStore *self = (RectifySqliteStore *)store;
  g_autoptr (GString) found = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (RECTIFY_IS_SQLITE_STORE (store), FALSE);
  g_return_val_if_fail (problem != NULL, FALSE);

  *problem = NULL;
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check(10)", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row = (const char *)sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (row, "ok") != 0)
        g_string_append_printf (found, "%s%s", found->len ? "; " : "", row);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB)
    return rectify_store_fail (store, rc, error);
  if (rc != SQLITE_DONE && found->len == 0)
    g_string_append (found, sqlite3_errstr (rc));
  if (found->len)
    *problem = g_string_free (g_steal_pointer (&found), FALSE);
  return TRUE;
}

static int
on_check_progress (void *cancellable)
{
  /* non-zero interrupts the integrity check of a cancelled backup */
  return g_cancellable_is_cancelled (cancellable);
}

gboolean
rectify_sqlite_backup_full (RectifyStore *store,
                            const char *dest_path,
                            RectifyBackupProgressFunc progress,
                            gpointer progress_data,
                            GCancellable *cancellable,
                            GError **error)
{
  RectifySqliteStore *self = (RectifySqliteStore *)store;
  g_autofree char *tmp = NULL;
  sqlite3 *dest = NULL;
  RectifyBackupWait wait;
  int rc, check = 0, dest_errno;
  gboolean reading = FALSE;
  g_autoptr (PartialMark) mark = NULL;

  g_return_val_if_fail (RECTIFY_IS_SQLITE_STORE (store), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (g_file_test (dest_path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("%s is a folder; give a file name"),
                   dest_path);
      return FALSE;
    }
  /* Write beside the target and rename, so a failed copy never replaces a good one. */
  tmp = g_strconcat (dest_path, ".partial", NULL);
  g_unlink (tmp);
  mark = partial_mark_new (rectify_store_get_path (store), tmp);
  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      if (rectify_sqlite_disk_full (rc, dest ? sqlite3_system_errno (dest) : 0))
        set_disk_full (error, dest_path);
      else
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Cannot write the backup %s: %s"),
                     dest_path, sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (tmp);
      return FALSE;
    }
  /* One snapshot for every step: without it, each commit of another
   * program between two steps starts the copy over, and a busy database
   * would never let it finish.  Its first read waits for the lock the way
   * the copy does, watching cancellable and the limit. */
  rectify_backup_wait_begin (&wait, self->db, cancellable);
  if (rectify_store_begin_read (store, NULL))
    {
      reading = TRUE;
      rc = sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = rectify_backup_copy (dest, self->db, progress, progress_data, cancellable);
    }
  else
    rc = sqlite3_errcode (self->db);
  /* before anything else can wait: the handler's data was on the stack */
  rectify_sqlite_apply_busy_timeout (self);
  if (reading)
    rectify_store_end (store, FALSE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_stmt *stmt = NULL;
      sqlite3_progress_handler (dest, 1000, on_check_progress, cancellable);
      if (sqlite3_prepare_v2 (dest, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK
          && sqlite3_step (stmt) == SQLITE_ROW
          && g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0)
        check = 1;
      sqlite3_finalize (stmt);
    }
  dest_errno = sqlite3_system_errno (dest);
  sqlite3_close (dest);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (rc != SQLITE_OK
      && rectify_sqlite_disk_full (rc, dest_errno ? dest_errno : sqlite3_system_errno (self->db)))
    {
      g_unlink (tmp);
      set_disk_full (error, dest_path);
      return FALSE;
    }
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      guint seconds = (rectify_backup_busy_limit_ms () + 999) / 1000;
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_LOCKED,
          g_dngettext (
              GETTEXT_PACKAGE,
              "The backup %s was not made: another program kept the database locked for %u second; "
              "try again when it is done",
              "The backup %s was not made: another program kept the database locked for %u "
              "seconds; "
              "try again when it is done",
              seconds),
          dest_path, seconds);
      g_unlink (tmp);
      return FALSE;
    }
  if (rc != SQLITE_OK || !check)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                   _ ("The backup %s could not be completed: %s"), dest_path,
                   rc != SQLITE_OK ? sqlite3_errstr (rc) : _ ("integrity check failed"));
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, dest_path) != 0)
    {
      int errsv = errno;
      if (errsv == ENOSPC || errsv == EDQUOT)
        set_disk_full (error, dest_path);
      else
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Cannot write the backup %s: %s"),
                     dest_path, g_strerror (errsv));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}
