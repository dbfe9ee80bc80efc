/* bench-inspections.c: the inspection list and the due visits at a city's scale, medians
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-inspections DB   on a city database (made first when DB does not exist):
 *                        snapshots of inspection ids as the page asks for them,
 *                        a page of summaries, a unit's history, the due visits
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "rectify-demo.h"
#include "rectify-inspection-query.h"
#include "rectify-schedule.h"
#include "rectify-validate.h"

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
  printf ("%-52s median %8.2f ms  min %8.2f  max %8.2f  (%d runs)\n", name, ms[RUNS / 2], ms[0], ms[RUNS - 1], RUNS);
}

typedef struct {
  const char *search;
  int         kind;
  gint64      campaign_id;
  gint64      unit_id;
} ListQuery;

/* What the page does on a new filter: the snapshot and the first page shown. */
static void
bench_list (RectifyStore *store, gconstpointer data)
{
  const ListQuery *lq = data;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  q.search = lq->search;
  q.kind = lq->kind;
  q.campaign_id = lq->campaign_id;
  q.unit_id = lq->unit_id;
  q.descending = TRUE;
  ids = rectify_store_query_inspection_ids (store, &q, &error);
  g_assert_no_error (error);
  rows = rectify_store_get_inspections_by_ids (store, (gint64 *) ids->data, MIN (ids->len, 100), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, MIN (ids->len, 100));
}

/* A page far down the list, as scrolling asks for it. */
static void
bench_page (RectifyStore *store, gconstpointer data)
{
  const GArray *ids = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint start = ids->len / 2;

  rows = rectify_store_get_inspections_by_ids (store, &g_array_index (ids, gint64, start), 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 100);
}

static void
bench_visits (RectifyStore *store, gconstpointer data)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  q.status = 0;
  q.overdue = GPOINTER_TO_INT (data);
  ids = rectify_store_query_visit_ids (store, &q, &error);
  g_assert_no_error (error);
  rows = rectify_store_get_visits_by_ids (store, (gint64 *) ids->data, MIN (ids->len, 100), &error);
  g_assert_no_error (error);
}

/* Plans a back-check for every hundredth closed hazard, once. */
static void
plan_visits (RectifyStore *store)
{
  g_autoptr(GError) error = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GPtrArray) closed = NULL;
  g_autoptr(GArray) existing = NULL;
  guint planned = 0;

  existing = rectify_store_query_visit_ids (store, &q, &error);
  g_assert_no_error (error);
  if (existing->len > 0)
    return;
  q.status = RECTIFY_HAZARD_CLOSED;
  closed = rectify_store_list_hazards (store, &q, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < closed->len; i += 100)
    {
      RectifyHazard *h = g_ptr_array_index (closed, i);
      g_autofree char *due = rectify_date_add_days ("2026-06-30", (int) (i % 60) + (h->closed_date && g_strcmp0 (h->closed_date, "2026-06-30") > 0 ? 200 : 0));

      if (rectify_store_schedule_visit (store, h->id, RECTIFY_VISIT_BACK_CHECK, due, NULL, NULL) > 0)
        planned++;
    }
  fprintf (stderr, "planned %u back-checks\n", planned);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) store = NULL;
  g_autoptr(GArray) all = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  gint64 campaign;
  const char *path;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-inspections CITY.db\n");
      return 2;
    }
  path = argv[1];
  /* due dates and overdue as of a fixed day */
  g_setenv ("RECTIFY_TODAY", "2026-06-30", TRUE);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      g_mkdir_with_parents (dir, 0755);
      store = rectify_store_open (path, &error);
      g_assert_no_error (error);
      rectify_demo_generate (store, RECTIFY_DEMO_CITY, 1, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  else
    {
      store = rectify_store_open (path, &error);
      g_assert_no_error (error);
    }
  plan_visits (store);

  q.descending = TRUE;
  all = rectify_store_query_inspection_ids (store, &q, &error);
  g_assert_no_error (error);
  printf ("%u inspections\n", all->len);
  campaign = 1;
  {
    static ListQuery everything = { NULL, -1, 0, 0 };
    static ListQuery back_checks = { NULL, RECTIFY_INSPECTION_BACK_CHECK, 0, 0 };
    static ListQuery search = { "医院", -1, 0, 0 };
    static ListQuery one_unit = { NULL, -1, 0, 4711 };
    ListQuery in_campaign = { NULL, -1, campaign, 0 };

    measure ("inspections: all, newest first, first page", store, bench_list, &everything);
    measure ("inspections: back-checks only", store, bench_list, &back_checks);
    measure ("inspections: campaign 1", store, bench_list, &in_campaign);
    measure ("inspections: search 医院", store, bench_list, &search);
    measure ("inspections: one unit (its history)", store, bench_list, &one_unit);
    measure ("inspections: a page of 100 in the middle", store, bench_page, all);
    measure ("visits: pending, first page", store, bench_visits, GINT_TO_POINTER (FALSE));
    measure ("visits: overdue, first page", store, bench_visits, GINT_TO_POINTER (TRUE));
  }
  return 0;
}
