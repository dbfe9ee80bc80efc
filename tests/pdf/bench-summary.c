/* bench-summary.c: the campaign summary on a city database: its data, and the whole PDF with its charts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-summary DB   makes DB with the city demo first when it does not exist
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "rectify-demo.h"
#include "rectify-pdf-summary.h"
#include "rectify-summary-data.h"

#define RUNS 11

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

typedef void (*BenchFunc) (RectifyStore *store, gint64 campaign, RectifyPdfLanguage language);

static void
measure (const char *name, RectifyStore *store, BenchFunc func, gint64 campaign, RectifyPdfLanguage language)
{
  double ms[RUNS];

  /* the first run warms the page cache and is dropped */
  func (store, campaign, language);
  for (int i = 0; i < RUNS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      func (store, campaign, language);
      ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  qsort (ms, RUNS, sizeof ms[0], compare_doubles);
  printf ("%-44s median %8.2f ms  min %8.2f  max %8.2f  (%d runs)\n", name, ms[RUNS / 2], ms[0], ms[RUNS - 1], RUNS);
}

static void
bench_data (RectifyStore *store, gint64 campaign, RectifyPdfLanguage language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifySummaryData) data = rectify_summary_data_compute (store, campaign, NULL, &error);
  g_assert_no_error (error);
}

static void
bench_pdf (RectifyStore *store, gint64 campaign, RectifyPdfLanguage language)
{
  g_autoptr(GError) error = NULL;
  RectifyPdfSummaryOptions options = { language, NULL };
  g_autoptr(GBytes) pdf = rectify_pdf_summary_render (store, campaign, NULL, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) store = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  const char *path;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s CITY.db\n", argv[0]);
      return 2;
    }
  path = argv[1];
  g_setenv ("RECTIFY_TODAY", "2026-09-01", FALSE);
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
  campaigns = rectify_store_list_campaigns (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < campaigns->len; i++)
    {
      RectifyCampaign *c = g_ptr_array_index (campaigns, i);
      g_autofree char *data_name = g_strdup_printf ("summary data, campaign %" G_GINT64_FORMAT, c->id);
      g_autofree char *zh_name = g_strdup_printf ("summary PDF zh_CN, campaign %" G_GINT64_FORMAT, c->id);
      g_autofree char *en_name = g_strdup_printf ("summary PDF en, campaign %" G_GINT64_FORMAT, c->id);
      measure (data_name, store, bench_data, c->id, RECTIFY_PDF_LANGUAGE_ZH_CN);
      measure (zh_name, store, bench_pdf, c->id, RECTIFY_PDF_LANGUAGE_ZH_CN);
      measure (en_name, store, bench_pdf, c->id, RECTIFY_PDF_LANGUAGE_EN);
    }
  return 0;
}
