/* bench-pg-lists.c: pages of a long list and searches, SQLite and
 * PostgreSQL side by side in one run
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 500 000 pieces of equipment of one unit (loaded by the fixture, as the
 * equipment page's test does) and 2 000 units added through the API;
 * prints the median of each: a page of 100 rows at offsets 0, 250 000 and
 * 499 900 (by id and by code), the ids of the whole list, and a search of
 * the units for a one- and a two-character Chinese word.  With
 * RECTIFY_TEST_STORE=postgresql and a server (pg_virtualenv), else SQLite
 * only.  No assertion on time: speed is read, not judged.
 */
#include "config.h"

#include "rectify-validate.h"
#include "test-util.h"

#define N_EQUIPMENT 500000
#define N_UNITS 2000
#define RUNS 7

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

typedef void (*BenchFunc) (RectifyStore *store, gconstpointer data);

static double
median_ms (RectifyStore *store, BenchFunc func, gconstpointer data)
{
  double times[RUNS];

  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      func (store, data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  return times[RUNS / 2];
}

typedef struct
{
  const char *sort;
  gint64 offset;
} Page;

static void
bench_page (RectifyStore *store, gconstpointer data)
{
  const Page *page = data;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  GError *error = NULL;
  GPtrArray *rows;

  q.sort = page->sort;
  q.offset = page->offset;
  q.limit = 100;
  rows = rectify_store_list_equipment (store, &q, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 100);
  g_ptr_array_unref (rows);
}

static void
bench_ids (RectifyStore *store, gconstpointer data)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  GError *error = NULL;
  GArray *ids;

  q.sort = data;
  ids = rectify_store_query_equipment_ids (store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, N_EQUIPMENT);
  g_array_unref (ids);
}

static void
bench_search (RectifyStore *store, gconstpointer data)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  GError *error = NULL;
  gint64 total = 0;
  GPtrArray *rows;

  q.search = (char *)data;
  q.limit = 100;
  rows = rectify_store_list_units (store, &q, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, >, 0);
  g_ptr_array_unref (rows);
}

static void
fill (RectifyStore *store, const char *location)
{
  static const char *const names[] = { "医院", "热电厂", "电梯公司", "学校", "商场" };
  static const char *const districts[] = { "鼓楼区", "台江区", "仓山区", "晋安区" };
  static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  GError *error = NULL;
  gint64 first = 0;

  test_store_sign_in (store);
  for (guint n = 1; n <= N_UNITS; n++)
    {
      RectifyUnit *u = rectify_unit_new ();
      char code[19] = "91350100000000000";
      guint k = n;
      gint64 id;

      for (int i = 16; i >= 10; i--, k /= 31)
        code[i] = chars[k % 31];
      code[17] = rectify_credit_code_check_char (code);
      code[18] = 0;
      u->credit_code = g_strdup (code);
      u->name = g_strdup_printf ("福州市%s第%u%s", districts[n % 4], n, names[n % 5]);
      u->address = g_strdup_printf ("%s%u号", districts[(n / 4) % 4], n);
      id = rectify_store_add_unit (store, u, &error);
      g_assert_no_error (error);
      if (first == 0)
        first = id;
      rectify_unit_free (u);
    }
  test_store_load_equipment (location, first, N_EQUIPMENT);
}

static void
run (const char *backend, RectifyStore *store)
{
  static const Page pages[] = { { "id", 0 },    { "id", 250000 },   { "id", 499900 },
                                { "code", 0 },  { "code", 250000 }, { "code", 499900 } };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_print ("%-10s page of 100 by %-4s at %6" G_GINT64_FORMAT ": %8.2f ms\n", backend,
             pages[i].sort, pages[i].offset, median_ms (store, bench_page, &pages[i]));
  g_print ("%-10s ids of all %d by id:          %8.2f ms\n", backend, N_EQUIPMENT,
           median_ms (store, bench_ids, "id"));
  g_print ("%-10s ids of all %d by code:        %8.2f ms\n", backend, N_EQUIPMENT,
           median_ms (store, bench_ids, "code"));
  g_print ("%-10s search of %d units for 医:    %8.2f ms\n", backend, N_UNITS,
           median_ms (store, bench_search, "医"));
  g_print ("%-10s search of %d units for 医院:  %8.2f ms\n", backend, N_UNITS,
           median_ms (store, bench_search, "医院"));
}

int
main (int argc, char *argv[])
{
  TestDb lite = { 0 };
  const char *backend = test_store_backend ();

  /* SQLite first, whatever the backend under test */
  g_setenv ("RECTIFY_TEST_STORE", "sqlite", TRUE);
  test_db_open (&lite);
  fill (lite.store, lite.path);
  run ("sqlite", lite.store);
  test_db_close (&lite);
  g_setenv ("RECTIFY_TEST_STORE", backend, TRUE);

  if (test_store_is_pg ())
    {
      TestDb pg = { 0 };
      test_db_open (&pg);
      fill (pg.store, pg.path);
      /* the planner's statistics, as autovacuum would gather them */
      {
        PGconn *conn = test_pg_connect (pg.path);
        test_pg_run (conn, "ANALYZE");
        PQfinish (conn);
      }
      run ("postgresql", pg.store);
      test_db_close (&pg);
    }
  return 0;
}
