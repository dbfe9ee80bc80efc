/* test-sqlite-store.c: the SQLite backend's own tests: its file (upgrades
 * from old versions, foreign and newer files, WAL), its locks, and what its
 * triggers refuse to any program that writes raw SQL (issued documents,
 * hazard events and the audit log are append-only; tampering shows)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rectify-backup.h"
#include "rectify-demo.h"
#include "rectify-store-private.h"
#include "rectify-summary-data.h"
#include "rectify-validate.h"
#include "rectify-workflow.h"
#include "sqlite/rectify-sqlite-private.h"
#include "test-util.h"
#include "test-import-util.h"
#include "test-world.h"

/* A number from the database, through a connection of its own. */
static gint64
sqlite_count (TestDb *t, const char *sql)
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

static char *
make_credit_code (guint n)
{
  static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  char code[19] = "91350100000000000";
  for (int i = 16; i >= 10; i--, n /= 31)
    code[i] = chars[n % 31];
  code[17] = rectify_credit_code_check_char (code);
  code[18] = 0;
  return g_strdup (code);
}

static gint64
store_add_unit (RectifyStore *store, guint n, const char *name, GError **error)
{
  g_autoptr(RectifyUnit) u = rectify_unit_new ();
  u->credit_code = make_credit_code (n);
  u->name = g_strdup (name);
  u->district = g_strdup ("鼓楼区");
  return rectify_store_add_unit (store, u, error);
}

static void
assert_no_backup (const char *dest)
{
  g_autofree char *partial = g_strconcat (dest, ".partial", NULL);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
}

typedef struct {
  GCancellable *cancellable;  /* cancelled at the first call when set */
  guint         calls;
  guint64       done;
  guint64       total;
} BackupSteps;


static void
on_backup_step (guint64 done, guint64 total, gpointer user_data)
{
  BackupSteps *s = user_data;
  s->calls++;
  s->done = done;
  s->total = total;
  if (s->cancellable)
    g_cancellable_cancel (s->cancellable);
}

static void
test_open_new (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;

  test_db_open (&t);
  g_assert_cmpint (rectify_store_get_schema_version (t.store), ==, RECTIFY_SCHEMA_VERSION);
  g_assert_true (rectify_store_is_empty (t.store));
  g_assert_cmpint (sqlite_count (&t, "PRAGMA user_version"), ==, RECTIFY_SCHEMA_VERSION);
  g_assert_cmpint (sqlite_count (&t, "SELECT count(*) FROM hazard_category"), ==, 7);
  g_assert_cmpint (sqlite_count (&t, "PRAGMA journal_mode = WAL") , !=, -1);
  /* reopening the same file keeps it */
  g_clear_object (&t.store);
  t.store = rectify_store_open (t.path, &error);
  g_assert_no_error (error);
  test_db_close (&t);
}

static void
test_migrate_from_v1 (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) v1 = NULL;
  g_autoptr(RectifyEquipment) e = rectify_equipment_new ();
  g_autoptr(RectifyEquipment) got = NULL;
  gint64 unit, eq;

  t.dir = g_dir_make_tmp ("rectify-test-XXXXXX", NULL);
  t.path = g_build_filename (t.dir, "old.db", NULL);
  v1 = rectify_store_open_at_version (t.path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rectify_store_get_schema_version (v1), ==, 1);
  /* version 1 has no postponement column; write what it had, with raw SQL
   * so that no code of the newer version touches the old file */
  {
    sqlite3 *db;
    g_autofree char *code = make_credit_code (7);
    g_autofree char *sql = g_strdup_printf (
        "INSERT INTO unit (credit_code, name) VALUES ('%s', '老单位');"
        "INSERT INTO equipment (unit_id, category, code) VALUES (1, 3000, '311035010201600001');", code);
    g_clear_object (&v1);
    g_assert_cmpint (sqlite3_open (t.path, &db), ==, SQLITE_OK);
    /* the search index needs our tokenizer, as any program writing to it would */
    g_assert_cmpint (rectify_fts_register (db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_cmpint (sqlite_count (&t, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (sqlite_count (&t, "SELECT count(*) FROM pragma_table_info('equipment') WHERE name = 'postponed_until'"), ==, 0);

  t.store = rectify_store_open (t.path, &error);
  g_assert_no_error (error);
  test_store_sign_in (t.store);
  g_assert_cmpint (rectify_store_get_schema_version (t.store), ==, RECTIFY_SCHEMA_VERSION);
  g_assert_cmpint (sqlite_count (&t, "PRAGMA user_version"), ==, RECTIFY_SCHEMA_VERSION);
  g_assert_true (rectify_store_find_unit (t.store, "1", &unit, &error));
  got = rectify_store_get_equipment (t.store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->code, ==, "311035010201600001");
  g_assert_cmpstr (got->unit_name, ==, "老单位");
  g_assert_null (got->postponed_until);
  /* and the new column works */
  e->unit_id = unit;
  e->category = RECTIFY_CATEGORY_BOILER;
  e->code = g_strdup ("111035010201600002");
  e->next_inspection = g_strdup ("2026-01-01");
  e->postponed_until = g_strdup ("2026-12-31");
  eq = rectify_store_add_equipment (t.store, e, &error);
  g_assert_no_error (error);
  g_clear_pointer (&got, rectify_equipment_free);
  got = rectify_store_get_equipment (t.store, eq, &error);
  g_assert_cmpstr (got->postponed_until, ==, "2026-12-31");
  test_db_close (&t);
}

static void
test_open_refusals (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rectify-test-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "x.db", NULL);
  g_autoptr(GError) error = NULL;
  RectifyStore *store;
  sqlite3 *db;

  g_assert_true (g_file_set_contents (text, "this is not a database, it is a text file with enough bytes to look like one, or not", -1, NULL));
  store = rectify_store_open (text, &error);
  g_assert_null (store);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_RECTIFY);
  g_clear_error (&error);
  /* the file is untouched */
  {
    g_autofree char *contents = NULL;
    g_file_get_contents (text, &contents, NULL, NULL);
    g_assert_true (g_str_has_prefix (contents, "this is not a database"));
  }

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)", NULL, NULL, NULL);
  sqlite3_close (db);
  store = rectify_store_open (other, &error);
  g_assert_null (store);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_RECTIFY);
  g_clear_error (&error);

  store = rectify_store_open (newer, &error);
  g_assert_no_error (error);
  g_object_unref (store);
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL);
  sqlite3_close (db);
  store = rectify_store_open (newer, &error);
  g_assert_null (store);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_clear_error (&error);

  store = rectify_store_open (missing, &error);
  g_assert_null (store);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO);
  g_clear_error (&error);

  store = rectify_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO);
  test_db_remove_dir (dir);
}

static void
test_locked (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  sqlite3 *other;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  test_db_open (&t);
  test_store_sign_in (t.store);
  before = test_db_fingerprint (&t);
  g_assert_cmpint (sqlite3_open (t.path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (store_add_unit (t.store, 1, "被锁住的单位", &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_LOCKED);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  after = test_db_fingerprint (&t);
  g_assert_cmpstr (before, ==, after);
  /* and the store works again */
  g_clear_error (&error);
  g_assert_cmpint (store_add_unit (t.store, 1, "解锁后的单位", &error), >, 0);
  g_assert_no_error (error);
  test_db_close (&t);
}

static void
test_backup_cancel (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dest = NULL;
  BackupSteps steps = { 0 };

  test_db_open (&t);
  g_assert_cmpint (rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error), >, 0);
  test_store_sign_in (t.store);
  /* some megabytes, so that the copy takes several steps */
  g_assert_true (rectify_store_exec (t.store, "CREATE TABLE test_filler (b BLOB);"
                                              "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
                                              " INSERT INTO test_filler SELECT randomblob(4000) FROM n", &error));
  g_assert_no_error (error);
  dest = g_build_filename (t.dir, "backup.db", NULL);

  /* cancelled before it starts */
  g_cancellable_cancel (cancellable);
  g_assert_false (rectify_store_backup_full (t.store, dest, on_backup_step, &steps, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (steps.calls, ==, 0);
  assert_no_backup (dest);

  /* cancelled after the first step of the copy */
  g_cancellable_reset (cancellable);
  steps.cancellable = cancellable;
  g_assert_false (rectify_store_backup_full (t.store, dest, on_backup_step, &steps, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (steps.calls, ==, 1);
  g_assert_cmpuint (steps.done, <, steps.total);
  assert_no_backup (dest);

  /* and then made whole, the store still usable */
  g_cancellable_reset (cancellable);
  steps = (BackupSteps) { 0 };
  g_assert_true (rectify_store_backup_full (t.store, dest, on_backup_step, &steps, cancellable, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steps.calls, >, 1);
  g_assert_cmpuint (steps.done, ==, steps.total);
  g_assert_true (g_file_test (dest, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (store_add_unit (t.store, 1, "备份后的单位", &error), >, 0);
  g_assert_no_error (error);
  g_unlink (dest);
  test_db_close (&t);
}

static gpointer
cancel_soon (gpointer data)
{
  g_usleep (100000);
  g_cancellable_cancel (data);
  return NULL;
}

static void
test_backup_busy_limit (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = NULL;
  sqlite3 *other = NULL;

  test_db_open (&t);
  test_store_sign_in (t.store);
  g_assert_cmpint (store_add_unit (t.store, 1, "福州华信医院", &error), >, 0);
  dest = g_build_filename (t.dir, "backup.db", NULL);
  g_assert_cmpint (sqlite3_open (t.path, &other), ==, SQLITE_OK);

  /* in WAL mode another program's write transaction does not stop the
   * copy: it reads a snapshot beside the writer */
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (rectify_store_backup (t.store, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (dest), ==, 0);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  /* without WAL (a database left in rollback mode, the demo generator's
   * bulk mode) an exclusive lock keeps every reader out: the backup gives
   * up after the limit, shortened here */
  g_assert_true (rectify_store_exec (t.store, "PRAGMA journal_mode = DELETE", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (t.path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_setenv ("RECTIFY_BACKUP_BUSY_LIMIT_MS", "200", TRUE);
  g_assert_false (rectify_store_backup (t.store, dest, &error));
  g_unsetenv ("RECTIFY_BACKUP_BUSY_LIMIT_MS");
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "locked"));
  g_assert_nonnull (strstr (error->message, dest));
  g_clear_error (&error);
  assert_no_backup (dest);

  /* a cancel is seen while waiting for the lock, long before the 30 s
   * limit (had it not been, the answer would be "locked") */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    GThread *canceller = g_thread_new ("canceller", cancel_soon, cancellable);
    g_assert_false (rectify_store_backup_full (t.store, dest, NULL, NULL, cancellable, &error));
    g_thread_join (canceller);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    assert_no_backup (dest);
  }

  /* once the lock is gone the backup is made */
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_true (rectify_store_backup (t.store, dest, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (dest, G_FILE_TEST_IS_REGULAR));
  g_unlink (dest);
  test_db_close (&t);
}

/* v3 (main before this branch) → current: the category of each hazard's
 * equipment is filled in, and kept by the triggers afterwards. */
static void
test_upgrade_from_3 (void)
{
  TestDb t = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) v3 = NULL;

  g_setenv ("RECTIFY_TODAY", "2026-09-01", TRUE); /* the day test-summary-data runs on */

  t.dir = g_dir_make_tmp ("rectify-test-XXXXXX", NULL);
  t.path = g_build_filename (t.dir, "v3.db", NULL);
  v3 = rectify_store_open_at_version (t.path, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rectify_store_get_schema_version (v3), ==, 3);
  g_clear_object (&v3);
  {
    /* what version 3 had, written with raw SQL so that no newer code touches the old file */
    sqlite3 *db;
    g_assert_cmpint (sqlite3_open (t.path, &db), ==, SQLITE_OK);
    g_assert_cmpint (rectify_fts_register (db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db,
        "INSERT INTO campaign (name, start_date) VALUES ('百日行动', '2026-03-22');"
        "INSERT INTO unit (credit_code, name) VALUES ('91350100MA2XXXXXX1', '老单位');"
        "INSERT INTO equipment (unit_id, category, code) VALUES (1, 3000, '311035010201600001');"
        "INSERT INTO equipment (unit_id, category, code) VALUES (1, 1000, '111035010201600002');"
        "INSERT INTO hazard (unit_id, equipment_id, campaign_id, category, grade, found_date)"
        " VALUES (1, 1, 1, 'other', 'general', '2026-04-01'), (1, 2, 1, 'other', 'general', '2026-04-02'),"
        " (1, NULL, 1, 'other', 'general', '2026-04-03');",
        NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_cmpint (sqlite_count (&t, "SELECT count(*) FROM pragma_table_info('hazard') WHERE name = 'equipment_category'"),
                   ==, 0);

  t.store = rectify_store_open (t.path, &error);
  g_assert_no_error (error);
  test_store_sign_in (t.store);
  g_assert_cmpint (sqlite_count (&t, "PRAGMA user_version"), ==, RECTIFY_SCHEMA_VERSION);
  g_assert_cmpint (sqlite_count (&t, "SELECT equipment_category FROM hazard WHERE id = 1"), ==, 3000);
  g_assert_cmpint (sqlite_count (&t, "SELECT equipment_category FROM hazard WHERE id = 2"), ==, 1000);
  g_assert_cmpint (sqlite_count (&t, "SELECT count(*) FROM hazard WHERE id = 3 AND equipment_category IS NULL"), ==, 1);
  {
    g_autoptr(RectifySummaryData) data = rectify_summary_data_compute (t.store, 1, "2026-04-30", &error);
    g_assert_no_error (error);
    g_assert_cmpint (((RectifyFigureRow *) g_ptr_array_index (data->hazards_by_equipment_category, 0))->count, ==, 1);
    g_assert_cmpint (((RectifyFigureRow *) g_ptr_array_index (data->hazards_by_equipment_category, 3))->count, ==, 1);
    g_assert_cmpint (((RectifyFigureRow *) g_ptr_array_index (data->hazards_by_equipment_category, 9))->count, ==, 1);
  }
  /* the triggers: a new hazard, a hazard moved to other equipment, equipment recategorised */
  {
    g_autoptr(RectifyHazard) h = rectify_hazard_new ();
    gint64 id;
    h->unit_id = 1;
    h->equipment_id = 2;
    h->campaign_id = 1;
    h->category = g_strdup ("other");
    h->grade = RECTIFY_GRADE_GENERAL;
    h->found_date = g_strdup ("2026-04-05");
    id = rectify_workflow_register (t.store, h, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, ==, 4);
    g_assert_cmpint (sqlite_count (&t, "SELECT equipment_category FROM hazard WHERE id = 4"), ==, 1000);
  }
  {
    g_autoptr(RectifyEquipment) e = rectify_store_get_equipment (t.store, 2, &error);
    g_assert_no_error (error);
    e->category = RECTIFY_CATEGORY_LIFTING;
    g_assert_true (rectify_store_update_equipment (t.store, e, &error));
    g_assert_no_error (error);
    g_assert_cmpint (sqlite_count (&t, "SELECT count(*) FROM hazard WHERE equipment_category = 4000"), ==, 2);
  }
  test_db_close (&t);
}

static void
test_audit_tamper (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  RectifyAuditReport report;
  sqlite3 *db;

  g_setenv ("RECTIFY_TODAY", "2026-11-28", TRUE); /* the day test-workflow runs on */

  test_db_open (&t);
  g_assert_cmpint (rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error), >, 0);
  test_store_sign_in (t.store);
  g_assert_true (rectify_store_verify_audit (t.store, &report, &error));
  g_assert_cmpint (report.first_bad_id, ==, 0);
  g_assert_true (rectify_audit_report_intact (&report));
  g_assert_cmpint (report.rows, ==, sqlite_count (&t, "SELECT count(*) FROM audit"));
  rectify_audit_report_clear (&report);

  g_assert_cmpint (sqlite3_open (t.path, &db), ==, SQLITE_OK);
  /* the triggers refuse a plain change */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET action = 'x' WHERE id = 40", NULL, NULL, NULL), !=, SQLITE_OK);
  /* behind the application's back */
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_no_update;"
                                     "UPDATE audit SET after_json = after_json || ' ' WHERE id = 40;"
                                     "UPDATE audit SET action = 'update' WHERE id = 120", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (rectify_store_verify_audit (t.store, &report, &error));
  g_assert_cmpint (report.first_bad_id, ==, 40);
  g_assert_nonnull (strstr (report.problem, "40"));
  rectify_audit_report_clear (&report);
  test_db_close (&t);
}

/* A database of three units backed up, then up to n units; the store
 * closed, so that the file alone holds it all. */
static char *
backup_then_add (TestDb *t, int n)
{
  g_autoptr(GError) error = NULL;
  char *backup;

  test_db_open (t);
  test_store_sign_in (t->store);
  add_units (t, 3);
  backup = g_build_filename (t->dir, "backup.db", NULL);
  g_assert_true (rectify_store_backup (t->store, backup, &error));
  g_assert_no_error (error);
  add_units (t, n);
  g_clear_object (&t->store);
  return backup;
}

/* A backup that the upgrade fails on leaves the database as it was, byte
 * for byte: the upgrade happened in a copy beside it. */
static void
test_restore_failed_upgrade (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  const char *const names[] = { "test.db", "backup.db", NULL };
  sqlite3 *db = NULL;

  backup = backup_then_add (&t, 6);

  /* the backup claims schema 4: upgrading it runs migration 5 again, which
   * adds a column that is already there (hazard.equipment_category), and fails */
  g_assert_cmpint (sqlite3_open (backup, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", 4);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (t.path, &before, &before_len, NULL));
  g_assert_false (rectify_restore_backup (t.path, backup, &aside, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "backup.db"));
  g_assert_null (aside);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (t.path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  assert_only_files (t.dir, names);
  test_db_close (&t);
}

/* A file refused by the checks changes nothing either, not even a byte. */
static void
test_restore_refused_byte_identical (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *junk = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *before = NULL;
  gsize before_len = 0;
  /* reading a backup in WAL mode leaves its -shm beside it, not the database's */
  const char *const names[] = { "test.db", "backup.db", "backup.db-shm", "backup.db-wal", "junk.db", NULL };
  sqlite3 *db = NULL;

  backup = backup_then_add (&t, 3);
  junk = write_file (&t, "junk.db", "not a database at all", -1);
  /* a newer Rectify's */
  g_assert_cmpint (sqlite3_open (backup, &db), ==, SQLITE_OK);
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", RECTIFY_SCHEMA_VERSION + 1);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (t.path, &before, &before_len, NULL));
  g_assert_false (rectify_restore_backup (t.path, backup, &aside, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NEWER_VERSION);
  g_clear_error (&error);
  g_assert_false (rectify_restore_backup (t.path, junk, &aside, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (aside);
  {
    g_autofree char *after = NULL;
    gsize after_len = 0;

    g_assert_true (g_file_get_contents (t.path, &after, &after_len, NULL));
    g_assert_cmpmem (before, before_len, after, after_len);
  }
  assert_only_files (t.dir, names);
  test_db_close (&t);
}

/* A file from before the visits, with a hazard on it, opens at the current
 * version and takes visits. */
static void
test_upgrade_from_v2 (void)
{
  World w;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) v2 = NULL;
  gint64 hazard;

  g_setenv ("RECTIFY_TODAY", "2026-06-30", TRUE); /* the day test-schedule runs on */

  w.t.dir = g_dir_make_tmp ("rectify-test-XXXXXX", NULL);
  w.t.path = g_build_filename (w.t.dir, "old.db", NULL);
  v2 = rectify_store_open_at_version (w.t.path, RECTIFY_SCHEMA_SCHEDULED_VISIT - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rectify_store_get_schema_version (v2), ==, RECTIFY_SCHEMA_SCHEDULED_VISIT - 1);
  w.t.store = v2;
  world_fill (&w);
  hazard = register_hazard (&w, "2026-05-01");
  w.t.store = NULL;
  g_clear_object (&v2);
  g_assert_cmpint (sqlite_count (&w.t, "SELECT count(*) FROM sqlite_schema WHERE name = 'scheduled_visit'"), ==, 0);

  w.t.store = rectify_store_open (w.t.path, &error);
  g_assert_no_error (error);
  test_store_sign_in (w.t.store);
  g_assert_cmpint (rectify_store_get_schema_version (w.t.store), ==, RECTIFY_SCHEMA_VERSION);
  g_assert_cmpint (sqlite_count (&w.t, "PRAGMA user_version"), ==, RECTIFY_SCHEMA_VERSION);
  g_assert_cmpint (sqlite_count (&w.t, "SELECT count(*) FROM hazard"), ==, 1);
  g_assert_cmpint (rectify_store_schedule_visit (w.t.store, hazard, RECTIFY_VISIT_RE_INSPECTION, "2026-07-01", NULL, &error), >, 0);
  g_assert_no_error (error);
  /* the schema refuses a visit of another unit than its hazard's, whatever program writes */
  {
    sqlite3 *db;
    g_autofree char *sql = g_strdup_printf ("INSERT INTO scheduled_visit (unit_id, hazard_id, kind, scheduled_on, due_date)"
                                            " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'back_check', '2026-06-30', '2026-07-01')",
                                            w.other_unit, hazard);
    g_assert_cmpint (sqlite3_open (w.t.path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), !=, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO scheduled_visit (unit_id, hazard_id, kind, scheduled_on, due_date)"
                                       " VALUES (1, 1, 'back_check', '2026-06-30', '2026-06-01')", NULL, NULL, NULL), !=, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_cmpint (count_visits (&w), ==, 1);
  test_db_close (&w.t);
}

/* Issued documents and hazard events are append-only, whatever program
 * writes: the database refuses to change or remove an issued document, to
 * issue a voided one again or to skip a number. */
static void
test_append_only (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autofree char *gap = NULL;
  gint64 manager, voided, issued, last_seq;
  sqlite3 *db;

  g_setenv ("RECTIFY_TODAY", "2026-11-28", TRUE); /* the day test-workflow runs on */

  test_db_open (&t);
  g_assert_cmpint (rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error), >, 0);
  test_store_sign_in (t.store);
  g_assert_true (rectify_store_find_officer (t.store, "FZ-0101", &manager, NULL));
  g_assert_true (rectify_store_set_actor (t.store, manager, NULL));
  g_assert_true (rectify_store_find_document (t.store, "X市监特指〔2026〕1号", &voided, &error));
  g_assert_true (rectify_store_find_document (t.store, "X市监特指〔2026〕2号", &issued, &error));
  g_assert_no_error (error);
  g_assert_true (rectify_store_void_document (t.store, voided, "重新出具", &error));
  g_assert_no_error (error);
  last_seq = sqlite_count (&t, "SELECT max(seq) FROM document WHERE kind = 'instruction' AND year = 2026");
  g_assert_cmpint (last_seq, >=, 2);
  g_assert_cmpint (sqlite_count (&t, "SELECT count(*) FROM hazard_event"), >, 0);

  g_assert_cmpint (sqlite3_open (t.path, &db), ==, SQLITE_OK);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE document SET number = 'x' WHERE id = %" G_GINT64_FORMAT, issued);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), !=, SQLITE_OK);
  }
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE document SET status = 'issued' WHERE id = %" G_GINT64_FORMAT, voided);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), !=, SQLITE_OK);
  }
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM document", NULL, NULL, NULL), !=, SQLITE_OK);
  gap = g_strdup_printf ("INSERT INTO document (kind, year, seq, number, unit_id, issued_date)"
                         " VALUES ('instruction', 2026, %" G_GINT64_FORMAT ", 'gap', 1, '2026-05-01')", last_seq + 2);
  g_assert_cmpint (sqlite3_exec (db, gap, NULL, NULL, NULL), !=, SQLITE_OK);
  /* events too */
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM hazard_event", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE hazard_event SET note = 'x'", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);
  {
    g_autoptr(RectifyDocument) d = rectify_store_get_document (t.store, issued, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (d->number, ==, "X市监特指〔2026〕2号");
  }
  test_db_close (&t);
}

static GBytes *
fake_render (RectifyStore *store, const RectifyDocument *document, const char *english_number,
             gpointer user_data, GError **error)
{
  return g_bytes_new_static ("%PDF-1.4 test", 13);
}

/* A stored PDF is kept as issued: no program writing raw SQL changes or
 * removes it, nor adds one to a document issued before PDFs were kept
 * (moved from tests/pdf/test-pdf.c). */
static void
test_document_pdf_append_only (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GBytes) stored = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  gint64 manager = 0, hazard, unit, id;
  sqlite3 *db = NULL;

  g_setenv ("RECTIFY_TODAY", "2026-06-30", TRUE);
  test_db_open (&t);
  g_assert_cmpint (rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error), >, 0);
  test_store_sign_in (t.store);
  g_assert_true (rectify_store_find_officer (t.store, "FZ-0101", &manager, NULL));
  g_assert_true (rectify_store_set_actor (t.store, manager, NULL));
  test_store_set_up_bureau (t.store);
  q.status = RECTIFY_HAZARD_RECTIFYING;
  hazards = rectify_store_list_hazards (t.store, &q, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, >, 0);
  hazard = ((RectifyHazard *) g_ptr_array_index (hazards, 0))->id;
  unit = ((RectifyHazard *) g_ptr_array_index (hazards, 0))->unit_id;
  id = rectify_store_issue_document_with_pdf (t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, unit, 0, "2026-06-30",
                                              &hazard, 1, fake_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  g_assert_cmpint (sqlite3_open (t.path, &db), ==, SQLITE_OK);
  {
    g_autofree char *update = g_strdup_printf ("UPDATE document_pdf SET pdf = x'00' WHERE document_id = %" G_GINT64_FORMAT, id);
    g_autofree char *delete = g_strdup_printf ("DELETE FROM document_pdf WHERE document_id = %" G_GINT64_FORMAT, id);
    g_assert_cmpint (sqlite3_exec (db, update, NULL, NULL, NULL), !=, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, delete, NULL, NULL, NULL), !=, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO document_pdf VALUES (1, x'25', "
                                       "'0000000000000000000000000000000000000000000000000000000000000000')",
                                   NULL, NULL, NULL), !=, SQLITE_OK);
  }
  sqlite3_close (db);
  stored = rectify_store_get_document_pdf (t.store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), "%PDF-1.4 test", 13);
  g_assert_null (rectify_store_get_document_pdf (t.store, 1, NULL, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND);
  test_db_close (&t);
}

/* The words of a search as an FTS5 query (rectify-sqlite-fts.c). */
static void
test_fts_query (void)
{
  g_autofree char *a = rectify_fts_query ("人民医院");
  g_autofree char *b = rectify_fts_query ("  医院 3110 ");
  g_autofree char *c = rectify_fts_query ("电梯a\"b");
  g_autofree char *d = rectify_fts_query ("   ");

  g_assert_cmpstr (a, ==, "\"人民医院\"*");
  g_assert_cmpstr (b, ==, "\"医院\"* \"3110\"*");
  /* a quote inside is doubled, never closes the phrase */
  g_assert_cmpstr (c, ==, "\"电梯\"* \"a\"\"b\"*");
  g_assert_null (d);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("RECTIFY_BUSY_TIMEOUT_MS", "300", TRUE);
  g_setenv ("RECTIFY_TODAY", "2026-06-30", TRUE);
  g_test_add_func ("/sqlite/fts-query", test_fts_query);
  g_test_add_func ("/sqlite/open-new", test_open_new);
  g_test_add_func ("/sqlite/migrate-from-v1", test_migrate_from_v1);
  g_test_add_func ("/sqlite/open-refusals", test_open_refusals);
  g_test_add_func ("/sqlite/locked", test_locked);
  g_test_add_func ("/sqlite/backup-cancel", test_backup_cancel);
  g_test_add_func ("/sqlite/backup-busy-limit", test_backup_busy_limit);
  g_test_add_func ("/sqlite/restore-failed-upgrade", test_restore_failed_upgrade);
  g_test_add_func ("/sqlite/restore-refused-byte-identical", test_restore_refused_byte_identical);
  /* these set the day the tests they came from ran on */
  g_test_add_func ("/sqlite/upgrade-from-3", test_upgrade_from_3);
  g_test_add_func ("/sqlite/upgrade-from-v2", test_upgrade_from_v2);
  g_test_add_func ("/sqlite/append-only", test_append_only);
  g_test_add_func ("/sqlite/audit-tamper", test_audit_tamper);
  g_test_add_func ("/sqlite/document-pdf-append-only", test_document_pdf_append_only);
  return g_test_run ();
}
