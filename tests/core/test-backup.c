/* test-backup.c: a backup taken while another program writes, and a restore
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rectify-backup.h"
#include "rectify-demo.h"
#include "test-util.h"
#include "test-import-util.h"

typedef struct {
  const char *path;
  gint        stop;
  gint        written;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) store = test_store_open (w->path, &error);
  int i = 1000;

  g_assert_no_error (error);
  test_store_sign_in (store);
  while (!g_atomic_int_get (&w->stop))
    {
      g_autoptr(RectifyUnit) u = rectify_unit_new ();
      g_autoptr(GError) local_error = NULL;
      u->credit_code = credit_code (i);
      u->name = g_strdup_printf ("写入中的单位 %d", i);
      u->address = g_strnfill (390, 'a');
      if (rectify_store_add_unit (store, u, &local_error) > 0)
        g_atomic_int_inc (&w->written);
      else
        g_assert_error (local_error, RECTIFY_ERROR, RECTIFY_ERROR_LOCKED);
      i++;
    }
  return NULL;
}

static void
test_backup_during_writes (void)
{
  TestDb t;
  Writer w = { 0 };
  GThread *thread;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  test_db_open (&t);
  g_assert_cmpint (rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error), >, 0);
  test_store_sign_in (t.store);
  backup = g_build_filename (t.dir, "backup.db", NULL);
  w.path = t.path;
  thread = g_thread_new ("writer", writer_thread, &w);
  while (g_atomic_int_get (&w.written) < 20)
    g_usleep (1000);
  for (int round = 0; round < 3; round++)
    {
      g_assert_true (rectify_store_backup (t.store, backup, &error));
      g_assert_no_error (error);
    }
  g_atomic_int_set (&w.stop, 1);
  g_thread_join (thread);
  g_assert_cmpint (g_atomic_int_get (&w.written), >, 20);

  /* the copy opens and passes the integrity check on its own */
  g_assert_true (test_store_integrity_ok (backup));
  {
    /* a backup is a Rectify file, whatever the store it was made of */
    g_autoptr(RectifyStore) copy = rectify_store_open (backup, &error);
    RectifyAuditReport audit = { 0 };
    g_assert_no_error (error);
    g_assert_true (rectify_store_verify_audit (copy, &audit, &error));
    g_assert_cmpint (audit.first_bad_id, ==, 0);
    g_assert_true (rectify_audit_report_intact (&audit));
    g_assert_cmpint (audit.rows, >, 300);
    rectify_audit_report_clear (&audit);
  }
  /* a backup onto a folder is refused */
  g_assert_false (rectify_store_backup (t.store, t.dir, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO);
  test_db_close (&t);
}

static void
test_restore (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *at_backup = NULL;
  g_autofree char *before_restore = NULL;
  g_autofree char *junk = NULL;
  char *path;

  test_db_open (&t);
  test_store_sign_in (t.store);
  add_units (&t, 3);
  backup = g_build_filename (t.dir, "backup.db", NULL);
  g_assert_true (rectify_store_backup (t.store, backup, &error));
  at_backup = test_db_canonical_rows (t.path);
  add_units (&t, 6); /* three more after the backup */
  before_restore = test_db_canonical_rows (t.path);
  path = g_strdup (t.path);
  g_clear_object (&t.store);

  if (test_store_is_pg ())
    {
      /* a backup file does not overwrite a bureau server: refused, nothing changes */
      g_autofree char *location = test_store_location (path);
      g_autofree char *now = NULL;

      g_assert_false (rectify_restore_backup (location, backup, &aside, &error));
      g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
      g_clear_error (&error);
      g_assert_null (aside);
      now = test_db_canonical_rows (path);
      g_assert_cmpstr (now, ==, before_restore);
      /* the backup is a Rectify file holding what the server held then */
      g_assert_true (test_store_integrity_ok (backup));
      {
        g_autoptr(RectifyStore) copy = rectify_store_open (backup, NULL);
        g_assert_nonnull (copy);
        g_assert_cmpint (test_count_units (copy), ==, 3);
      }
      t.store = test_store_open (path, &error);
      g_assert_no_error (error);
      g_free (path);
      test_db_close (&t);
      return;
    }

  /* a file that is not a database is refused, nothing changes */
  junk = write_file (&t, "junk.db", "not a database at all", -1);
  g_assert_false (rectify_restore_backup (path, junk, &aside, &error));
  g_assert_nonnull (error);
  g_assert_null (aside);
  g_clear_error (&error);
  {
    g_autofree char *now = test_db_canonical_rows (path);
    g_assert_cmpstr (now, ==, before_restore);
  }

  g_assert_true (rectify_restore_backup (path, backup, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_nonnull (strstr (aside, ".before-restore-"));
  {
    g_autofree char *now = test_db_canonical_rows (path);
    g_autofree char *kept = test_db_canonical_rows (aside);
    g_assert_cmpstr (now, ==, at_backup);
    g_assert_cmpstr (kept, ==, before_restore);
  }
  t.store = test_store_open (path, &error);
  g_assert_no_error (error);
  g_free (path);
  test_db_close (&t);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("RECTIFY_TODAY", "2026-06-30", TRUE);
  g_test_add_func ("/backup/during-writes", test_backup_during_writes);
  g_test_add_func ("/backup/restore", test_restore);
  return g_test_run ();
}
