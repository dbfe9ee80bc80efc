/* bench-core.c: the core at a city's scale (DESIGN.md), medians of repeated runs
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-core demo DB    time demo --scale city into a new file
 * bench-core queries DB figures, list pages and search on a city database
 *                       (made first when DB does not exist)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "rectify-demo.h"
#include "rectify-figures.h"
#include "test-util.h"

#define RUNS 21

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

typedef void (*BenchFunc) (RectifyStore *store, gconstpointer data);

/* Median and spread in milliseconds; the first run warms the cache and is dropped. */
static void
measure (const char *name, RectifyStore *store, BenchFunc func, gconstpointer data)
{
  double ms[RUNS];

  func (store, data);
  for (int i = 0; i < RUNS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      func (store, data);
      ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  qsort (ms, RUNS, sizeof ms[0], compare_doubles);
  printf ("%-48s median %8.2f ms  min %8.2f  max %8.2f  (%d runs)\n", name, ms[RUNS / 2], ms[0], ms[RUNS - 1], RUNS);
}

static void
bench_figures (RectifyStore *store, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyFigures) f = rectify_figures_compute (store, GPOINTER_TO_INT (data), NULL, &error);
  g_assert_no_error (error);
}

typedef struct {
  gint64      offset;
  const char *sort;
  int         category;
  gboolean    overdue;
} PageQuery;

static void
bench_page (RectifyStore *store, gconstpointer data)
{
  const PageQuery *pq = data;
  g_autoptr(GError) error = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GPtrArray) rows = NULL;

  q.offset = pq->offset;
  q.limit = 100;
  q.sort = pq->sort;
  q.category = pq->category;
  q.inspection_overdue = pq->overdue;
  rows = rectify_store_list_equipment (store, &q, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 0);
}

static void
bench_snapshot (RectifyStore *store, gconstpointer data)
{
  const PageQuery *pq = data;
  g_autoptr(GError) error = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GArray) ids = NULL;

  q.sort = pq->sort;
  q.category = pq->category;
  q.inspection_overdue = pq->overdue;
  ids = rectify_store_query_equipment_ids (store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 0);
}

typedef struct {
  GArray *ids;
  gint64  offset;
} IdPage;

static void
bench_page_by_ids (RectifyStore *store, gconstpointer data)
{
  const IdPage *p = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rectify_store_get_equipment_by_ids (store, &g_array_index (p->ids, gint64, p->offset),
                                                                  MIN (100, p->ids->len - p->offset), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 0);
}

/* What a keystroke in a search field costs: the snapshot of matching ids
 * (the lazy list then fetches only the rows on screen). */
static void
bench_search (RectifyStore *store, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GArray) units = NULL;
  g_autoptr(GArray) equipment = NULL;

  q.search = data;
  units = rectify_store_query_unit_ids (store, &q, &error);
  g_assert_no_error (error);
  equipment = rectify_store_query_equipment_ids (store, &q, &error);
  g_assert_no_error (error);
}

static void
progress (const char *stage, double fraction, gpointer data)
{
  static char last[64];
  gint64 *t0 = data;
  if (g_strcmp0 (last, stage) != 0)
    {
      fprintf (stderr, "  %6.1f s  %s\n", (g_get_monotonic_time () - *t0) / 1e6, stage);
      g_strlcpy (last, stage, sizeof last);
    }
}

/* How many rows a list of the store holds: its total, through the API. */
static gint64
list_total (RectifyStore *store,
            GPtrArray *(*list) (RectifyStore *, const RectifyQuery *, gint64 *, GError **))
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 total = -1;

  q.limit = 1;
  rows = list (store, &q, &total, &error);
  g_assert_no_error (error);
  return total;
}

/* The generator loads without checking constraints and sums the tally
 * itself; after the clock stops, prove both right (the fixture asks the
 * backend) and count through the API. */
static void
check_city (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) store = NULL;
  gint64 checked = -1;

  g_assert_true (test_store_consistent (path, &checked));
  g_assert_cmpint (checked, ==, 2000000);
  store = test_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (list_total (store, rectify_store_list_equipment), ==, 500000);
  g_assert_cmpint (list_total (store, rectify_store_list_hazards), ==, 300000);
  g_assert_cmpint (list_total (store, rectify_store_list_units), ==, 50000);
  g_assert_cmpint (list_total (store, rectify_store_list_documents), ==, 50000);
}

static double
make_city (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) store = NULL;
  gint64 t0 = g_get_monotonic_time ();
  double seconds;

  store = rectify_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rectify_demo_generate (store, RECTIFY_DEMO_CITY, 1, progress, &t0, NULL, &error), >, 0);
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - t0) / 1e6;
  g_clear_object (&store);
  check_city (path);
  return seconds;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) store = NULL;
  static const PageQuery pages[] = {
    { 0, "code", RECTIFY_CATEGORY_ELEVATOR, FALSE },
    { 100000, "code", RECTIFY_CATEGORY_ELEVATOR, FALSE },
    { 224000, "code", RECTIFY_CATEGORY_ELEVATOR, FALSE },
    { 0, "unit", 0, TRUE },
    { 0, "unit", 0, TRUE },
    { 0, "unit", 0, TRUE },
    { 0, "next_inspection", 0, FALSE },
    { 250000, "next_inspection", 0, FALSE },
    { 499900, "next_inspection", 0, FALSE },
  };
  static const char *const searches[] = { "医院", "医", "鼓楼人民医院", "热电", "电梯", "3110", "31101000", "梯11闽A0001" };

  if (argc != 3 || (!g_str_equal (argv[1], "demo") && !g_str_equal (argv[1], "queries")))
    {
      fprintf (stderr, "usage: %s demo|queries DB\n", argv[0]);
      return 2;
    }
  g_setenv ("RECTIFY_TODAY", "2026-11-28", TRUE);

  if (g_str_equal (argv[1], "demo"))
    {
      g_autofree char *dir = g_path_get_dirname (argv[2]);
      g_autofree char *wal = g_strconcat (argv[2], "-wal", NULL);
      g_autofree char *shm = g_strconcat (argv[2], "-shm", NULL);
      g_mkdir_with_parents (dir, 0755);
      g_unlink (argv[2]);
      g_unlink (wal);
      g_unlink (shm);
      printf ("demo --scale city: %.1f s\n", make_city (argv[2]));
      g_unlink (argv[2]);
      g_unlink (wal);
      g_unlink (shm);
      return 0;
    }

  if (!g_file_test (argv[2], G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (argv[2]);
      g_mkdir_with_parents (dir, 0755);
      fprintf (stderr, "making the city database %s (once)\n", argv[2]);
      make_city (argv[2]);
    }
  store = rectify_store_open (argv[2], &error);
  g_assert_no_error (error);

  measure ("figures, city campaign (id 3)", store, bench_figures, GINT_TO_POINTER (3));
  measure ("figures, all records", store, bench_figures, GINT_TO_POINTER (0));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("equipment page of 100, %s%s%s, offset %" G_GINT64_FORMAT,
                                               pages[i].category ? "elevators, " : "",
                                               pages[i].overdue ? "inspection overdue, " : "",
                                               pages[i].sort, pages[i].offset);
      measure (name, store, bench_page, &pages[i]);
    }
  /* the lazy list: one snapshot of ids per filter and sort, then pages by id */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i += 3)
    {
      g_autofree char *name = g_strdup_printf ("snapshot of ids, %s%s%s", pages[i].category ? "elevators, " : "",
                                               pages[i].overdue ? "inspection overdue, " : "", pages[i].sort);
      RectifyQuery q = RECTIFY_QUERY_INIT;
      g_autoptr(GArray) ids = NULL;
      measure (name, store, bench_snapshot, &pages[i]);
      q.sort = pages[i].sort;
      q.category = pages[i].category;
      q.inspection_overdue = pages[i].overdue;
      ids = rectify_store_query_equipment_ids (store, &q, &error);
      g_assert_no_error (error);
      for (int k = 0; k < 3; k++)
        {
          IdPage p = { ids, k == 0 ? 0 : k == 1 ? ids->len / 2 : MAX ((gint64) ids->len - 100, 0) };
          g_autofree char *pname = g_strdup_printf ("  page of 100 by ids at offset %" G_GINT64_FORMAT " of %u",
                                                    p.offset, ids->len);
          measure (pname, store, bench_page_by_ids, &p);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      RectifyQuery q = RECTIFY_QUERY_INIT;
      g_autoptr(GArray) u = NULL;
      g_autoptr(GArray) e = NULL;
      g_autofree char *name = NULL;
      q.search = searches[i];
      u = rectify_store_query_unit_ids (store, &q, NULL);
      e = rectify_store_query_equipment_ids (store, &q, NULL);
      name = g_strdup_printf ("search \"%s\" (%u units, %u items)", searches[i], u->len, e->len);
      measure (name, store, bench_search, searches[i]);
    }
  return 0;
}
