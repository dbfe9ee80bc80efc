/* test-sqlite-harden.c: the database file when the machine is against it:
 * an empty file, a read-only file or folder, a damaged page, a full disk,
 * and the leftover of a backup that was killed (issue 20)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rectify-backup.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"
#include "sqlite/rectify-sqlite-private.h"
#include "test-util.h"
#include "test-world.h"

/* ---- helpers ----------------------------------------------------------- */

static gint64
add_officer (RectifyStore *store, const char *badge, RectifyRole role)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RectifyOfficer) o = rectify_officer_new ();
  gint64 id;

  o->badge = g_strdup (badge);
  o->name = g_strdup ("林建华");
  o->role = role;
  id = rectify_store_add_officer (store, o, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
try_add_officer (RectifyStore *store, const char *badge, GError **error)
{
  g_autoptr (RectifyOfficer) o = rectify_officer_new ();

  o->badge = g_strdup (badge);
  o->name = g_strdup ("陈志强");
  o->role = RECTIFY_ROLE_OFFICER;
  return rectify_store_add_officer (store, o, error);
}

static char *
file_contents (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  GChecksum *sum;
  char *digest;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sum, (const guchar *)contents, len);
  digest = g_strdup (g_checksum_get_string (sum));
  g_checksum_free (sum);
  return digest;
}

static gboolean
exists_with_suffix (const char *path, const char *suffix)
{
  g_autofree char *file = g_strconcat (path, suffix, NULL);
  return g_file_test (file, G_FILE_TEST_EXISTS);
}

/* Files in dir whose name contains part. */
static guint
count_files (const char *dir, const char *part)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (strstr (name, part))
      n++;
  return n;
}

/* A database of n units and a manager who acts, closed (so that its WAL is
 * checkpointed into the file and removed). */
static void
make_database (TestDb *t, guint n_units)
{
  g_autoptr (GError) error = NULL;
  gint64 manager;

  test_db_open (t);
  manager = add_officer (t->store, "FZ-0101", RECTIFY_ROLE_MANAGER);
  g_assert_true (rectify_store_set_actor (t->store, manager, &error));
  for (guint i = 0; i < n_units; i++)
    {
      g_autoptr (RectifyUnit) u = rectify_unit_new ();
      char code[19] = "91350100000000000";

      for (int k = 16, v = (int)i; k >= 12; k--, v /= 10)
        code[k] = '0' + v % 10;
      code[17] = rectify_credit_code_check_char (code);
      code[18] = 0;
      u->credit_code = g_strdup (code);
      u->name = g_strdup_printf ("单位%u", i);
      g_assert_cmpint (rectify_store_add_unit (t->store, u, &error), >, 0);
      g_assert_no_error (error);
    }
  g_clear_object (&t->store);
  g_assert_false (exists_with_suffix (t->path, "-wal"));
}

/* ---- an empty file ----------------------------------------------------- */

static void
test_empty_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rectify-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RectifyStore) store = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = rectify_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_RECTIFY);
  g_assert_nonnull (strstr (error->message, "empty file (0 bytes)"));
  g_assert_nonnull (strstr (error->message, "restore a backup"));
  g_clear_error (&error);
  store = rectify_store_open_reader (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* left as it was, nothing beside it */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_assert_false (exists_with_suffix (path, "-wal"));
  g_assert_false (exists_with_suffix (path, "-shm"));

  /* the explicit create makes it a database */
  store = rectify_store_create (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rectify_store_get_schema_version (store), ==, RECTIFY_SCHEMA_VERSION);
  g_assert_true (rectify_store_is_empty (store));
  g_clear_object (&store);
  store = rectify_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  test_db_remove_dir (dir);
}

/* ---- read-only files and folders --------------------------------------- */

typedef struct
{
  const char *path;
  guint n_units;
} ReadOnlyCase;

/* In a child process, as a user who cannot write the file or its folder:
 * root may write anything, so a child of root becomes nobody.  Returns
 * FALSE (and skips the test) when that is impossible here. */
static gboolean
run_as_other_user (void (*check) (const ReadOnlyCase *), const ReadOnlyCase *c)
{
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (geteuid () == 0
          && (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0
              || access (c->path, W_OK) == 0))
        _exit (77);
      check (c);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("cannot become a user without write permission (setuid to nobody failed): "
                   "the read-only open was NOT tested");
      return FALSE;
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return TRUE;
}

static void
read_and_refuse_a_write (const ReadOnlyCase *c)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RectifyStore) store = NULL;
  g_autoptr (RectifyStore) reader = NULL;

  g_assert_cmpint (access (c->path, R_OK), ==, 0);
  store = rectify_store_open (c->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count_units (store), ==, c->n_units);
  reader = rectify_store_open_reader (c->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count_units (reader), ==, c->n_units);
  g_assert_true (rectify_store_set_actor (store, 1, &error));
  g_assert_cmpint (try_add_officer (store, "FZ-0202", &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "is read-only; nothing was saved"));
  g_clear_error (&error);
  /* still readable after the refusal */
  g_assert_cmpint (test_count_units (store), ==, c->n_units);
}

static void
check_read_only (mode_t dir_mode, mode_t file_mode)
{
  TestDb t;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ReadOnlyCase c;
  gboolean ran;

  make_database (&t, 30);
  before = file_contents (t.path);
  g_assert_cmpint (g_chmod (t.path, file_mode), ==, 0);
  g_assert_cmpint (g_chmod (t.dir, dir_mode), ==, 0);
  c.path = t.path;
  c.n_units = 30;
  ran = run_as_other_user (read_and_refuse_a_write, &c);
  g_assert_cmpint (g_chmod (t.dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (t.path, 0600), ==, 0);
  if (ran)
    {
      /* nothing left behind, not a byte changed */
      g_assert_false (exists_with_suffix (t.path, "-wal"));
      g_assert_false (exists_with_suffix (t.path, "-shm"));
      g_assert_false (exists_with_suffix (t.path, "-journal"));
      after = file_contents (t.path);
      g_assert_cmpstr (before, ==, after);
    }
  test_db_close (&t);
}

static void
test_read_only_folder (void)
{
  check_read_only (0555, 0644);
}

static void
test_read_only_file (void)
{
  /* a folder anyone may write, as a shared folder is */
  check_read_only (0777, 0444);
}

/* ---- a damaged page ---------------------------------------------------- */

/* Overwrites the b-tree page header of the root page of table with bytes
 * no page has, in the closed database at path. */
static void
damage_table (const char *path, const char *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf (
      "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_schema "
      "WHERE type = 'table' AND name = '%s'",
      table);
  gint64 page, page_size;
  int fd;
  static const char junk[8] = { 0x2a, 0x2a, 0x2a, 0x2a, 0x2a, 0x2a, 0x2a, 0x2a };

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  page_size = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (page, >, 1);

  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, sizeof junk, (page - 1) * page_size), ==, sizeof junk);
  close (fd);
}

static void
test_damaged_page (void)
{
  TestDb t;
  g_autoptr (GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = NULL;
  GStatBuf st;

  make_database (&t, 200);
  /* intact: the check finds nothing, and the first write goes through */
  t.store = rectify_store_open (t.path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_store_check_integrity (t.store, &problem, &error));
  g_assert_no_error (error);
  g_assert_null (problem);
  g_assert_true (rectify_store_set_actor (t.store, 1, &error));
  g_assert_cmpint (try_add_officer (t.store, "FZ-0201", &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&t.store);

  /* the units' pages, which neither opening nor adding an officer reads */
  damage_table (t.path, "unit");
  before = file_contents (t.path);
  t.store = rectify_store_open (t.path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_store_set_actor (t.store, 1, &error));
  g_assert_cmpint (try_add_officer (t.store, "FZ-0202", &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "is damaged"));
  g_assert_nonnull (strstr (error->message, "Restore the last backup"));
  g_clear_error (&error);
  /* and every later write of this session too */
  g_assert_cmpint (try_add_officer (t.store, "FZ-0203", &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DAMAGED);
  g_clear_error (&error);
  /* verify's check names what is wrong */
  g_assert_true (rectify_store_check_integrity (t.store, &problem, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problem);
  /* nothing was written: no frame in the WAL, the file as it was */
  wal = g_strconcat (t.path, "-wal", NULL);
  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
  g_clear_object (&t.store);
  after = file_contents (t.path);
  g_assert_cmpstr (before, ==, after);
  test_db_close (&t);
}

/* ---- a full disk ------------------------------------------------------- */

/* A VFS over the default one whose writes fail as a full disk makes them
 * fail: with SQLITE_FULL, or with a disk I/O error and errno ENOSPC (as
 * growing the -shm or extending a file does), for the files whose name
 * ends with fail_suffix. */
typedef struct
{
  sqlite3_file base;
  sqlite3_file *real;
  char *name;
} ShimFile;

static sqlite3_vfs shim_vfs;
static sqlite3_vfs *real_vfs;
static const char *fail_suffix;
static int fail_rc;
static gboolean fail_shm;
static int last_errno;

#define REAL(f) (((ShimFile *)(f))->real)

static int
shim_close (sqlite3_file *f)
{
  int rc = REAL (f)->pMethods->xClose (REAL (f));
  sqlite3_free (REAL (f));
  g_free (((ShimFile *)f)->name);
  return rc;
}

static int
shim_read (sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
  return REAL (f)->pMethods->xRead (REAL (f), buf, n, off);
}

static int
shim_write (sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
  const char *name = ((ShimFile *)f)->name;

  if (fail_rc != SQLITE_OK && name && fail_suffix && g_str_has_suffix (name, fail_suffix))
    {
      last_errno = ENOSPC;
      errno = ENOSPC;
      return fail_rc;
    }
  return REAL (f)->pMethods->xWrite (REAL (f), buf, n, off);
}

static int
shim_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int
shim_sync (sqlite3_file *f, int flags)
{
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
shim_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
shim_lock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static int
shim_unlock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int
shim_check_reserved (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
shim_file_control (sqlite3_file *f, int op, void *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
shim_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
shim_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
shim_shm_map (sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
  if (fail_shm)
    {
      /* what growing the -shm on a full disk gives */
      last_errno = ENOSPC;
      errno = ENOSPC;
      return SQLITE_IOERR_SHMSIZE;
    }
  return REAL (f)->pMethods->xShmMap (REAL (f), page, size, extend, out);
}

static int
shim_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
shim_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
shim_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

static int
shim_fetch (sqlite3_file *f, sqlite3_int64 off, int n, void **out)
{
  /* no memory map: every write goes through shim_write */
  *out = NULL;
  return SQLITE_OK;
}

static int
shim_unfetch (sqlite3_file *f, sqlite3_int64 off, void *p)
{
  return SQLITE_OK;
}

static const sqlite3_io_methods shim_io = {
  3,
  shim_close,
  shim_read,
  shim_write,
  shim_truncate,
  shim_sync,
  shim_file_size,
  shim_lock,
  shim_unlock,
  shim_check_reserved,
  shim_file_control,
  shim_sector_size,
  shim_device_characteristics,
  shim_shm_map,
  shim_shm_lock,
  shim_shm_barrier,
  shim_shm_unmap,
  shim_fetch,
  shim_unfetch,
};

static int
shim_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
  ShimFile *s = (ShimFile *)f;
  int rc;

  s->real = sqlite3_malloc (real_vfs->szOsFile);
  memset (s->real, 0, real_vfs->szOsFile);
  rc = real_vfs->xOpen (real_vfs, name, s->real, flags, out_flags);
  if (rc != SQLITE_OK || s->real->pMethods == NULL)
    {
      sqlite3_free (s->real);
      s->base.pMethods = NULL;
      return rc;
    }
  s->name = g_strdup (name);
  s->base.pMethods = &shim_io;
  return SQLITE_OK;
}

static int
shim_get_last_error (sqlite3_vfs *vfs, int n, char *buf)
{
  /* errno, as the unix VFS says it, of the failure */
  return last_errno ? last_errno : real_vfs->xGetLastError (real_vfs, n, buf);
}

static void
shim_install (void)
{
  if (real_vfs == NULL)
    {
      real_vfs = sqlite3_vfs_find (NULL);
      shim_vfs = *real_vfs;
      shim_vfs.zName = "rectify-test-full-disk";
      shim_vfs.szOsFile = sizeof (ShimFile);
      shim_vfs.xOpen = shim_open;
      shim_vfs.xGetLastError = shim_get_last_error;
      g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
    }
  fail_suffix = NULL;
  fail_rc = SQLITE_OK;
  fail_shm = FALSE;
  last_errno = 0;
}

static GBytes *
render_big_pdf (RectifyStore *store,
                const RectifyDocument *document,
                const char *english_number,
                gpointer user_data,
                GError **error)
{
  /* more pages than the file has room for */
  gsize size = 400 * 1024;
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8)g_random_int ();
  memcpy (data, "%PDF-1.4\n", 9);
  return g_bytes_new_take (data, size);
}

static gint64
issue (World *w, gint64 hazard, GError **error)
{
  return rectify_store_issue_document_with_pdf (w->t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER,
                                                w->unit, w->campaign, "2026-04-02", &hazard, 1,
                                                render_big_pdf, NULL, error);
}

static void
test_issue_disk_full (void)
{
  World w;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  gint64 hazard, manager, pages, max_seq = 0, distinct = 0;

  shim_install ();
  test_db_open (&w.t);
  world_fill (&w);
  hazard = register_hazard (&w, "2026-04-30");
  manager = add_officer (w.t.store, "FZ-0101", RECTIFY_ROLE_MANAGER);
  g_assert_true (rectify_store_set_actor (w.t.store, manager, &error));
  test_store_set_up_bureau (w.t.store);
  before = test_store_checksum (w.t.path);

  /* the file may grow by two pages only: SQLITE_FULL, as on a full disk */
  db = rectify_sqlite_db (w.t.store);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 2);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (issue (&w, hazard, &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "The disk is full; nothing was saved");
  g_clear_error (&error);
  after = test_store_checksum (w.t.path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (test_count_documents (w.t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, 2026,
                                         &max_seq, &distinct),
                   ==, 0);
  test_db_close (&w.t);
}

/* The -shm cannot grow (a disk I/O error, errno ENOSPC): what a session
 * on a full disk meets first, and said "Database error: disk I/O error". */
static void
test_open_disk_full (void)
{
  TestDb t;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  shim_install ();
  make_database (&t, 20);
  before = file_contents (t.path);
  fail_shm = TRUE;
  t.store = rectify_store_open (t.path, &error);
  fail_shm = FALSE;
  g_assert_null (t.store);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "The disk is full; nothing was saved");
  g_clear_error (&error);
  after = file_contents (t.path);
  g_assert_cmpstr (before, ==, after);
  test_db_close (&t);
}

static void
check_backup_disk_full (int rc)
{
  TestDb t;
  g_autoptr (GError) error = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *expected = NULL;

  shim_install ();
  make_database (&t, 50);
  t.store = rectify_store_open (t.path, &error);
  g_assert_no_error (error);
  dest = g_build_filename (t.dir, "copy.db", NULL);
  partial = g_strconcat (dest, ".partial", NULL);
  fail_suffix = ".partial";
  fail_rc = rc;
  g_assert_false (rectify_store_backup (t.store, dest, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO);
  expected = g_strdup_printf ("The disk is full; nothing was saved (the backup %s was not made)",
                              dest);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (t.dir, ".backup-in-progress-"), ==, 0);
  /* with room again it works */
  fail_rc = SQLITE_OK;
  g_assert_true (rectify_store_backup (t.store, dest, &error));
  g_assert_no_error (error);
  test_db_close (&t);
}

static void
test_backup_disk_full (void)
{
  check_backup_disk_full (SQLITE_FULL);
}

static void
test_backup_disk_full_io_error (void)
{
  check_backup_disk_full (SQLITE_IOERR_WRITE);
}

/* ---- a backup that was killed ------------------------------------------ */

static void
on_progress_die (guint64 done, guint64 total, gpointer user_data)
{
  /* killed midway: no cleanup of any kind */
  _exit (3);
}

static void
on_progress_open_again (guint64 done, guint64 total, gpointer user_data)
{
  const char *partial = user_data;
  g_autofree char *db = g_strndup (partial, strlen (partial) - strlen ("copy.db.partial"));
  g_autofree char *path = g_strconcat (db, "test.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RectifyStore) other = NULL;

  /* another window opening the database while this backup runs */
  g_assert_true (g_file_test (partial, G_FILE_TEST_EXISTS));
  other = rectify_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (partial, G_FILE_TEST_EXISTS));
}

static void
test_killed_backup_leftover (void)
{
  TestDb t;
  g_autoptr (GError) error = NULL;
  g_autofree char *dest_dir = g_dir_make_tmp ("rectify-backups-XXXXXX", NULL);
  g_autofree char *dest = g_build_filename (dest_dir, "copy.db", NULL);
  g_autofree char *partial = g_strconcat (dest, ".partial", NULL);
  int status = 0;
  pid_t pid;

  make_database (&t, 300);
  g_assert_true (g_str_has_suffix (t.path, G_DIR_SEPARATOR_S "test.db"));

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      RectifyStore *store = rectify_store_open (t.path, NULL);

      if (store)
        rectify_store_backup_full (store, dest, on_progress_die, NULL, NULL, NULL);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 3);
  g_assert_true (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));

  /* the next start removes it, in a folder of its own as much as beside */
  t.store = rectify_store_open (t.path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (t.dir, ".backup-in-progress-"), ==, 0);

  /* a backup being made is left alone by an open meanwhile */
  {
    g_autofree char *near = g_build_filename (t.dir, "copy.db", NULL);
    g_autofree char *near_partial = g_strconcat (near, ".partial", NULL);

    g_assert_true (rectify_store_backup_full (t.store, near, on_progress_open_again,
                                              near_partial, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (near, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (near_partial, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpuint (count_files (t.dir, ".backup-in-progress-"), ==, 0);
  test_db_close (&t);
  test_db_remove_dir (dest_dir);
}

/* ---- the same through rectify-cli --------------------------------------- */

/* Runs rectify-cli --db db args…; its exit status, and its output. */
static int
run_cli (const char *db, char **out, char **err, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("RECTIFY_CLI");
  const char *arg;
  int status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *)cli);
  g_ptr_array_add (argv, (char *)"--db");
  g_ptr_array_add (argv, (char *)db);
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out,
                               err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
assert_cli_refuses (const char *db, const char *expected, ...)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *arg;
  int status = 0;
  va_list ap;

  g_ptr_array_add (argv, (char *)g_getenv ("RECTIFY_CLI"));
  g_ptr_array_add (argv, (char *)"--db");
  g_ptr_array_add (argv, (char *)db);
  va_start (ap, expected);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  if (!strstr (err, expected))
    g_error ("expected “%s” in: %s", expected, err);
}

static void
test_cli_empty_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rectify-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  static const char refusal[] = "is an empty file (0 bytes), not a database; restore a backup "
                                "into it with “rectify-cli restore BACKUP”, or make it a new "
                                "database with “rectify-cli init”";
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_cli_refuses (path, refusal, "verify", NULL);
  assert_cli_refuses (path, refusal, "unit", "list", NULL);
  assert_cli_refuses (path, refusal, "officer", "add", "--badge", "FZ-0101", "--name", "林建华",
                      "--role", "manager", NULL);
  assert_cli_refuses (path, refusal, "backup", "copy.db", NULL);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_assert_false (exists_with_suffix (path, "-wal"));

  /* init creates */
  g_assert_cmpint (run_cli (path, &out, &err, "init", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (path, &out, &err, "verify", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "audit chain intact: 0 rows"));
  g_assert_nonnull (strstr (out, "database file intact: integrity_check ok"));
  test_db_remove_dir (dir);
}

static void
test_cli_damaged (void)
{
  TestDb t;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_database (&t, 200);
  damage_table (t.path, "unit");
  before = file_contents (t.path);
  assert_cli_refuses (t.path, "database file damaged: integrity_check found ", "verify", NULL);
  g_assert_cmpint (run_cli (t.path, &out, &err, "verify", "--json", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "\"integrity_check\""));
  g_assert_nonnull (strstr (out, "\"intact\" : false"));
  /* a write says what to do, and writes nothing */
  assert_cli_refuses (t.path, "Restore the last backup", "--as", "FZ-0101", "officer", "add",
                      "--badge", "FZ-0202", "--name", "陈志强", "--role", "officer", NULL);
  after = file_contents (t.path);
  g_assert_cmpstr (before, ==, after);
  test_db_close (&t);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/harden/empty-file", test_empty_file);
  g_test_add_func ("/harden/read-only-folder", test_read_only_folder);
  g_test_add_func ("/harden/read-only-file", test_read_only_file);
  g_test_add_func ("/harden/damaged-page", test_damaged_page);
  g_test_add_func ("/harden/issue-disk-full", test_issue_disk_full);
  g_test_add_func ("/harden/open-disk-full", test_open_disk_full);
  g_test_add_func ("/harden/backup-disk-full", test_backup_disk_full);
  g_test_add_func ("/harden/backup-disk-full-io-error", test_backup_disk_full_io_error);
  g_test_add_func ("/harden/killed-backup-leftover", test_killed_backup_leftover);
  g_test_add_func ("/harden/cli-empty-file", test_cli_empty_file);
  g_test_add_func ("/harden/cli-damaged", test_cli_damaged);
  return g_test_run ();
}
