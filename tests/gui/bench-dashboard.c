/* bench-dashboard.c: the campaign dashboard on a city database: from choosing the campaign to its first frame
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-dashboard DB   makes DB with the city demo first when it does not exist
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "rectify-application.h"
#include "rectify-dashboard.h"
#include "rectify-demo.h"
#include "rectify-summary-dialog.h"

#define RUNS 11

typedef struct {
  guint frames;
} Bench;

static void
on_after_paint (GdkFrameClock *clock, Bench *bench)
{
  bench->frames++;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Iterates until a frame has been painted after the change. */
static void
wait_for_frame (Bench *bench, GtkWidget *widget)
{
  guint before = bench->frames;

  gtk_widget_queue_draw (widget);
  while (bench->frames == before)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) store = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  GtkWindow *window;
  GtkWidget *scrolled;
  RectifyDashboard *dashboard;
  Bench bench = { 0 };

  rectify_application_init_i18n ();
  if (argc != 2)
    {
      g_printerr ("usage: %s CITY.db\n", argv[0]);
      return 2;
    }
  g_setenv ("RECTIFY_TODAY", "2026-09-01", FALSE);
  if (!g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (argv[1]);
      g_mkdir_with_parents (dir, 0755);
      store = rectify_store_open (argv[1], &error);
      g_assert_no_error (error);
      rectify_demo_generate (store, RECTIFY_DEMO_CITY, 1, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  else
    {
      store = rectify_store_open (argv[1], &error);
      g_assert_no_error (error);
    }
  campaigns = rectify_store_list_campaigns (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (campaigns->len, >=, 2);

  adw_init ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 800, 1000);
  scrolled = gtk_scrolled_window_new ();
  dashboard = RECTIFY_DASHBOARD (rectify_dashboard_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (dashboard));
  gtk_window_set_child (window, scrolled);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (on_after_paint),
                    &bench);
  rectify_dashboard_set_store (dashboard, store);

  for (guint c = 0; c < campaigns->len; c++)
    {
      gint64 id = ((RectifyCampaign *) g_ptr_array_index (campaigns, c))->id;
      gint64 other = ((RectifyCampaign *) g_ptr_array_index (campaigns, (c + 1) % campaigns->len))->id;
      double ms[RUNS];

      /* the first run warms the page cache and is dropped */
      rectify_dashboard_set_campaign_id (dashboard, id);
      wait_for_frame (&bench, GTK_WIDGET (dashboard));
      for (int i = 0; i < RUNS; i++)
        {
          gint64 t0;
          /* another campaign between runs: each run reads its text and figures anew */
          rectify_dashboard_set_campaign_id (dashboard, other);
          wait_for_frame (&bench, GTK_WIDGET (dashboard));
          t0 = g_get_monotonic_time ();
          rectify_dashboard_set_campaign_id (dashboard, id);
          wait_for_frame (&bench, GTK_WIDGET (dashboard));
          ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
        }
      qsort (ms, RUNS, sizeof ms[0], compare_doubles);
      printf ("dashboard ready, campaign %-18" G_GINT64_FORMAT " median %8.2f ms  min %8.2f  max %8.2f  (%d runs)\n",
              id, ms[RUNS / 2], ms[0], ms[RUNS - 1], RUNS);
    }

  /* Summary PDF…: the call returns at once, the summary is written in a
   * thread; the longest main-loop iteration meanwhile is what typing waits
   * for at worst (the pages drawn by poppler when the PDF arrives). */
  {
    gint64 id = ((RectifyCampaign *) g_ptr_array_index (campaigns, 0))->id;
    double open_ms[RUNS / 2], ready_ms[RUNS / 2], stall_ms[RUNS / 2];

    rectify_dashboard_set_campaign_id (dashboard, id);
    wait_for_frame (&bench, GTK_WIDGET (dashboard));
    for (int i = 0; i < RUNS / 2; i++)
      {
        gint64 t0 = g_get_monotonic_time (), t1, last;
        GtkWidget *dialog = rectify_dashboard_open_summary (dashboard);
        double stall = 0;
        gulong painted;

        t1 = g_get_monotonic_time ();
        last = t1;
        while (!rectify_summary_dialog_is_ready (RECTIFY_SUMMARY_DIALOG (dialog)))
          {
            gint64 now;

            g_main_context_iteration (NULL, TRUE);
            now = g_get_monotonic_time ();
            stall = MAX (stall, (now - last) / 1000.0);
            last = now;
          }
        /* the dialog is a window of its own, with its own clock */
        painted = g_signal_connect (gtk_widget_get_frame_clock (dialog), "after-paint",
                                    G_CALLBACK (on_after_paint), &bench);
        wait_for_frame (&bench, dialog);
        g_signal_handler_disconnect (gtk_widget_get_frame_clock (dialog), painted);
        open_ms[i] = (t1 - t0) / 1000.0;
        ready_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
        stall_ms[i] = stall;
        gtk_window_destroy (GTK_WINDOW (dialog));
      }
    qsort (open_ms, RUNS / 2, sizeof open_ms[0], compare_doubles);
    qsort (ready_ms, RUNS / 2, sizeof ready_ms[0], compare_doubles);
    qsort (stall_ms, RUNS / 2, sizeof stall_ms[0], compare_doubles);
    printf ("summary preview, campaign %-18" G_GINT64_FORMAT " button returns median %6.2f ms; pages shown median %8.2f ms"
            " (min %.2f, max %.2f); longest main-loop stall median %6.2f ms  (%d runs)\n",
            id, open_ms[RUNS / 4], ready_ms[RUNS / 4], ready_ms[0], ready_ms[RUNS / 2 - 1], stall_ms[RUNS / 4], RUNS / 2);
  }
  gtk_window_destroy (window);
  return 0;
}
