/* bench-hazards.c: the hazards page's reads on a city database, medians of repeated runs
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-hazards DB: opening a hazard with 50 events and 10 photos (store
 * reads and thumbnail decoding, what the pane waits for) and the hazard
 * list with the overdue filter (the snapshot of ids and a page of rows).
 * The city database is made first when DB does not exist, and the hazard
 * with its photos is added to it once.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "rectify-demo.h"
#include "rectify-hazard-detail.h"
#include "rectify-workflow.h"

#define RUNS 21
#define N_EVENTS 50
#define N_PHOTOS 10
#define PAGE 100

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
  printf ("%-58s median %8.2f ms  min %8.2f  max %8.2f  (%d runs)\n", name, ms[RUNS / 2], ms[0], ms[RUNS - 1], RUNS);
}

/* A phone photo stand-in: 2048 × 1536 pixels with the fine grain of a
 * real scene; grain 12 gives JPEG files (quality 90) of about 0.6 MB,
 * grain 40 a worst case of about 1.4 MB. */
static GBytes *
photo_bytes (guint32 seed,
             int     grain)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 2048, 1536);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  char *buffer = NULL;
  gsize size = 0;

  for (int y = 0; y < 1536; y++)
    for (int x = 0; x < 2048; x++)
      {
        guchar *p = pixels + y * stride + x * 3;
        p[0] = (x / 8 + g_rand_int_range (rand, 0, grain)) & 0xff;
        p[1] = (y / 6 + g_rand_int_range (rand, 0, grain)) & 0xff;
        p[2] = ((x + y) / 16 + g_rand_int_range (rand, 0, grain)) & 0xff;
      }
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "90", NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

/* One hazard of the city with 50 events, 10 of them with a photo; made
 * once and remembered under key.  pick: which of the rectifying hazards. */
static gint64
hazard_with_photos (RectifyStore *store,
                    const char   *key,
                    int           grain,
                    guint         pick)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *known = rectify_store_get_setting (store, key, NULL);
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(RectifyHazard) h = NULL;
  gint64 id;
  guint64 photo_bytes_total = 0;

  if (known != NULL)
    return g_ascii_strtoll (known, NULL, 10);

  /* an open hazard in the middle of the city's */
  q.status = RECTIFY_HAZARD_RECTIFYING;
  ids = rectify_store_query_hazard_ids (store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 0);
  id = g_array_index (ids, gint64, ids->len / pick);
  h = rectify_store_get_hazard (store, id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) events = rectify_store_list_hazard_events (store, id, &error);
    g_assert_no_error (error);
    for (guint i = events->len; i < N_EVENTS; i++)
      {
        g_autoptr(GBytes) photo = NULL;
        RectifyNewAttachment att = { "现场照片.jpg", NULL, NULL };
        g_autofree char *note = g_strdup_printf ("第 %u 次跟踪督办：整改进行中", i);
        gboolean with_photo = i >= N_EVENTS - N_PHOTOS;

        if (with_photo)
          {
            photo = photo_bytes (i, grain);
            att.data = photo;
            photo_bytes_total += g_bytes_get_size (photo);
          }
        g_assert_true (rectify_workflow_act (store, id, RECTIFY_ACTION_TRACK, RECTIFY_EVENT_TRACKING_SUPERVISION,
                                             h->found_date, note, with_photo ? &att : NULL, with_photo ? 1 : 0,
                                             &error));
        g_assert_no_error (error);
      }
  }
  {
    g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    g_assert_true (rectify_store_set_setting (store, key, value, &error));
    g_assert_no_error (error);
  }
  fprintf (stderr, "hazard %" G_GINT64_FORMAT ": %d events, %d photos of %.1f MB on average\n", id, N_EVENTS,
           N_PHOTOS, photo_bytes_total / (double) N_PHOTOS / (1024 * 1024));
  return id;
}

static void
bench_open_hazard (RectifyStore *store, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyHazardDetail) detail = rectify_hazard_detail_load (store, *(const gint64 *) data, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (detail->events->len, ==, N_EVENTS);
  g_assert_cmpuint (g_hash_table_size (detail->thumbnails), ==, N_PHOTOS);
}

/* The store's share: the hazard, its events and the photos' bytes. */
static void
bench_open_hazard_reads (RectifyStore *store, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyHazard) h = rectify_store_get_hazard (store, *(const gint64 *) data, &error);
  g_autoptr(GPtrArray) events = rectify_store_list_hazard_events (store, *(const gint64 *) data, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      RectifyHazardEvent *e = g_ptr_array_index (events, i);
      for (guint j = 0; j < e->attachments->len; j++)
        {
          RectifyAttachment *listed = g_ptr_array_index (e->attachments, j);
          g_autoptr(RectifyAttachment) a = rectify_store_get_attachment (store, listed->id, &error);
          g_assert_no_error (error);
        }
    }
}

/* For comparison: the same reads with each photo decoded whole. */
static void
bench_open_hazard_full_decode (RectifyStore *store, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = rectify_store_list_hazard_events (store, *(const gint64 *) data, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      RectifyHazardEvent *e = g_ptr_array_index (events, i);
      for (guint j = 0; j < e->attachments->len; j++)
        {
          RectifyAttachment *listed = g_ptr_array_index (e->attachments, j);
          g_autoptr(RectifyAttachment) a = rectify_store_get_attachment (store, listed->id, &error);
          g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (a->data, &error);
          g_assert_no_error (error);
        }
    }
}

typedef struct {
  const char *sort;
  gboolean    descending;
  gboolean    overdue;
  int         due_within_days;
  const char *search;
  guint       page;    /* 0 first, 1 middle, 2 last */
  gint64      campaign_id;
  const char *as_of;   /* a dashboard tile's list: limited to what it counts that day */
  gboolean    closed;
} ListQuery;

/* What the lazy list does for a new filter: the snapshot of ids, then the
 * page the view shows. */
static void
bench_list (RectifyStore *store, gconstpointer data)
{
  const ListQuery *lq = data;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint start, n;

  q.sort = lq->sort;
  q.descending = lq->descending;
  q.overdue = lq->overdue;
  q.due_within_days = lq->due_within_days;
  q.search = lq->search;
  q.campaign_id = lq->campaign_id;
  q.status = lq->closed ? RECTIFY_HAZARD_CLOSED : -1;
  if (lq->as_of)
    {
      q.as_of = lq->as_of;
      q.as_of_limits = TRUE;
    }
  ids = rectify_store_query_hazard_ids (store, &q, &error);
  g_assert_no_error (error);
  if (lq->search == NULL)
    g_assert_cmpuint (ids->len, >, 0);
  start = lq->page == 0 ? 0 : lq->page == 1 ? ids->len / 2 : (ids->len > PAGE ? ids->len - PAGE : 0);
  n = MIN (PAGE, ids->len - start);
  if (n == 0)
    return;
  rows = rectify_store_get_hazards_by_ids (store, &g_array_index (ids, gint64, start), n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, n);
}

static void
bench_page_only (RectifyStore *store, gconstpointer data)
{
  const GArray *ids = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rectify_store_get_hazards_by_ids (store, &g_array_index (ids, gint64, ids->len / 2),
                                                                MIN (PAGE, ids->len - ids->len / 2), &error);
  g_assert_no_error (error);
}

static void
progress (const char *stage, double fraction, gpointer data)
{
  static char last[64];

  if (g_strcmp0 (last, stage) != 0)
    {
      fprintf (stderr, "  %s\n", stage);
      g_strlcpy (last, stage, sizeof last);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) store = NULL;
  static const ListQuery lists[] = {
    { "id", FALSE, TRUE, 0, NULL, 0 },
    { "id", FALSE, TRUE, 0, NULL, 1 },
    { "deadline", FALSE, TRUE, 0, NULL, 0 },
    { "deadline", TRUE, TRUE, 0, NULL, 2 },
    { "unit", FALSE, TRUE, 0, NULL, 1 },
    { "supervisor", FALSE, TRUE, 0, NULL, 0 },
    { "deadline", FALSE, FALSE, 7, NULL, 0 },
    /* unfiltered, as the list opens and when a header is clicked */
    { "id", FALSE, FALSE, 0, NULL, 1 },
    { "deadline", FALSE, FALSE, 0, NULL, 1 },
    { "unit", FALSE, FALSE, 0, NULL, 0 },
    { "status", FALSE, FALSE, 0, NULL, 0 },
    { "description", FALSE, FALSE, 0, NULL, 0 },
    { "id", FALSE, TRUE, 0, "检验", 0 },
    { "id", FALSE, TRUE, 0, "化工", 0 },
    { "id", FALSE, FALSE, 0, "化工", 1 },
    /* the 2026 campaign's tiles as of a day in it: found, closed, overdue */
    { "id", FALSE, FALSE, 0, NULL, 0, 3, "2026-05-15", FALSE },
    { "id", FALSE, FALSE, 0, NULL, 0, 3, "2026-05-15", TRUE },
    { "id", FALSE, TRUE, 0, NULL, 0, 3, "2026-05-15", FALSE },
    { "deadline", FALSE, TRUE, 0, NULL, 1, 3, "2026-05-15", FALSE },
    { "unit", FALSE, FALSE, 0, NULL, 0, 3, "2026-05-15", TRUE },
    /* the same lists without a day (as the tiles opened them before) */
    { "id", FALSE, FALSE, 0, NULL, 0, 3, NULL, FALSE },
    { "id", FALSE, FALSE, 0, NULL, 0, 3, NULL, TRUE },
  };
  gint64 hazard, grainy;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DB\n", argv[0]);
      return 2;
    }
  /* the day the demo's city data is built around */
  g_setenv ("RECTIFY_TODAY", "2026-11-28", TRUE);

  if (!g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (argv[1]);
      g_mkdir_with_parents (dir, 0755);
      fprintf (stderr, "making the city database %s (once)\n", argv[1]);
      store = rectify_store_open (argv[1], &error);
      g_assert_no_error (error);
      g_assert_cmpint (rectify_demo_generate (store, RECTIFY_DEMO_CITY, 1, progress, NULL, NULL, &error), >, 0);
      g_assert_no_error (error);
      g_clear_object (&store);
    }
  store = rectify_store_open (argv[1], &error);
  g_assert_no_error (error);
  hazard = hazard_with_photos (store, "bench.hazard-with-photos-2", 12, 3);
  grainy = hazard_with_photos (store, "bench.hazard-with-photos", 40, 2);

  measure ("open a hazard: 50 events, 10 photos, thumbnails", store, bench_open_hazard, &hazard);
  measure ("  the same with 1.4 MB grainy photos", store, bench_open_hazard, &grainy);
  measure ("  of which store reads (hazard, events, photo bytes)", store, bench_open_hazard_reads, &hazard);
  measure ("  (for comparison: reads, each photo decoded whole, serially)", store, bench_open_hazard_full_decode, &hazard);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      static const char *const where[] = { "first", "middle", "last" };
      g_autofree char *name = g_strdup_printf ("hazard list%s%s%s%s%s%s%s%s, by %s%s, %s page",
                                               lists[i].campaign_id ? ", campaign" : "",
                                               lists[i].as_of ? " as of " : "",
                                               lists[i].as_of ? lists[i].as_of : "",
                                               lists[i].closed ? ", closed" : "",
                                               lists[i].overdue ? ", overdue" : "",
                                               lists[i].due_within_days ? ", due within 7 days" : "",
                                               lists[i].search ? ", search " : "",
                                               lists[i].search ? lists[i].search : "",
                                               lists[i].sort, lists[i].descending ? " desc" : "",
                                               where[lists[i].page]);
      measure (name, store, bench_list, &lists[i]);
    }
  {
    RectifyQuery q = RECTIFY_QUERY_INIT;
    g_autoptr(GArray) ids = NULL;

    q.overdue = TRUE;
    ids = rectify_store_query_hazard_ids (store, &q, &error);
    g_assert_no_error (error);
    printf ("overdue hazards in the city: %u\n", ids->len);
    measure ("a page of 100 rows by id (scrolling), overdue", store, bench_page_only, ids);
  }
  return 0;
}
