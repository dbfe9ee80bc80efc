/* bench-import.c: import and export of a city's 500 000 equipment items, medians of repeated runs
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-import CITY_DB WORKDIR
 *   CITY_DB is made first (demo --scale city) when it does not exist.
 *   Times the export of every equipment item to CSV and to XLSX, then the
 *   import of that CSV into a database that holds the city's units only.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "rectify-demo.h"
#include "rectify-export.h"
#include "rectify-import.h"

#define RUNS 3

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
report (const char *name, double *s, int n)
{
  qsort (s, n, sizeof s[0], compare_doubles);
  printf ("%-44s median %7.2f s  min %7.2f  max %7.2f  (%d runs)\n", name, s[n / 2], s[0], s[n - 1], n);
  fflush (stdout);
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static double
export_once (RectifyStore *store, RectifyExportList list, RectifyExportFormat format, const char *path, guint64 expected)
{
  g_autoptr(GError) error = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  guint64 rows = 0;
  gint64 t0 = g_get_monotonic_time ();

  g_assert_true (rectify_export_file (store, list, &q, format, path, NULL, NULL, NULL, &rows, &error));
  g_assert_no_error (error);
  if (expected)
    g_assert_cmpuint (rows, ==, expected);
  return (g_get_monotonic_time () - t0) / 1e6;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) city = NULL;
  g_autofree char *eq_csv = NULL;
  g_autofree char *eq_xlsx = NULL;
  g_autofree char *units_csv = NULL;
  g_autofree char *units_db = NULL;
  double s[RUNS];

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s CITY_DB WORKDIR\n", argv[0]);
      return 2;
    }
  g_setenv ("RECTIFY_TODAY", "2026-11-28", TRUE);
  g_mkdir_with_parents (argv[2], 0755);
  if (!g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (argv[1]);
      g_mkdir_with_parents (dir, 0755);
      city = rectify_store_open (argv[1], &error);
      g_assert_no_error (error);
      g_assert_cmpint (rectify_demo_generate (city, RECTIFY_DEMO_CITY, 1, NULL, NULL, NULL, &error), >, 0);
      g_assert_no_error (error);
    }
  else
    {
      city = rectify_store_open (argv[1], &error);
      g_assert_no_error (error);
    }

  eq_csv = g_build_filename (argv[2], "equipment.csv", NULL);
  eq_xlsx = g_build_filename (argv[2], "equipment.xlsx", NULL);
  units_csv = g_build_filename (argv[2], "units.csv", NULL);
  units_db = g_build_filename (argv[2], "units.db", NULL);

  for (int i = 0; i < RUNS; i++)
    s[i] = export_once (city, RECTIFY_EXPORT_EQUIPMENT, RECTIFY_EXPORT_CSV, eq_csv, 500000);
  report ("export 500 000 equipment items to CSV", s, RUNS);
  for (int i = 0; i < RUNS; i++)
    s[i] = export_once (city, RECTIFY_EXPORT_EQUIPMENT, RECTIFY_EXPORT_XLSX, eq_xlsx, 500000);
  report ("export 500 000 equipment items to XLSX", s, RUNS);
  g_unlink (eq_xlsx);

  /* the units the equipment rows name, in a database of their own */
  export_once (city, RECTIFY_EXPORT_UNITS, RECTIFY_EXPORT_CSV, units_csv, 0);
  g_clear_object (&city);
  remove_db (units_db);
  {
    g_autoptr(RectifyStore) store = rectify_store_open (units_db, &error);
    g_autoptr(RectifyImportReport) r = NULL;
    g_assert_no_error (error);
    r = rectify_import_file (store, RECTIFY_IMPORT_UNITS, units_csv, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (r->written);
  }

  for (int i = 0; i < RUNS; i++)
    {
      g_autofree char *db = g_build_filename (argv[2], "import.db", NULL);
      g_autoptr(RectifyStore) store = NULL;
      g_autoptr(RectifyImportReport) r = NULL;
      gint64 t0;

      remove_db (db);
      {
        g_autoptr(RectifyStore) src = rectify_store_open (units_db, &error);
        g_assert_no_error (error);
        g_assert_true (rectify_store_backup (src, db, &error));
        g_assert_no_error (error);
      }
      store = rectify_store_open (db, &error);
      g_assert_no_error (error);
      t0 = g_get_monotonic_time ();
      r = rectify_import_file (store, RECTIFY_IMPORT_EQUIPMENT, eq_csv, NULL, NULL, &error);
      s[i] = (g_get_monotonic_time () - t0) / 1e6;
      g_assert_no_error (error);
      g_assert_cmpuint (r->n_problems, ==, 0);
      g_assert_true (r->written);
      g_assert_cmpuint (r->added, ==, 500000);
      g_clear_object (&store);
      remove_db (db);
    }
  report ("import 500 000 equipment rows from CSV", s, RUNS);

  g_unlink (eq_csv);
  g_unlink (units_csv);
  remove_db (units_db);
  return 0;
}
