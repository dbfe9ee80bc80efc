/* bench-gui.c: the equipment page on a city database: launch, memory, search
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <time.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "rectify-application.h"
#include "rectify-demo.h"
#include "rectify-equipment-page.h"
#include "rectify-record-list.h"

#define LAUNCHES 5
#define TIMEOUT_SECONDS 120

static gint64 process_start;
static gint64 search_started;
static gint64 search_started_cpu;

/* CPU time of this thread in µs: what the work costs whatever else the
 * machine runs at the same time (wall time is what the user waits). */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* runs before the page's handler */
static gboolean
on_search_changed_hook (GSignalInvocationHint *hint,
                        guint                  n_values,
                        const GValue          *values,
                        gpointer               data)
{
  search_started = g_get_monotonic_time ();
  search_started_cpu = thread_cpu_us ();
  return TRUE;
}

typedef struct {
  RectifyStore         *store;
  GtkWindow            *window;
  RectifyEquipmentPage *page;
  guint                 frames;
  guint                 changes;
  gint64                first_frame;
} Bench;

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  if (bench->frames++ == 0)
    bench->first_frame = g_get_monotonic_time ();
}

static void
on_realize (GtkWidget *window,
            Bench     *bench)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), bench);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Bench      *bench)
{
  bench->changes++;
}

static void
iterate_until (gboolean (*done) (Bench *), Bench *bench, const char *what)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;

  while (!done (bench))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
}

static guint wanted_frames, wanted_changes;

static gboolean
frame_done (Bench *bench)
{
  return bench->frames >= wanted_frames;
}

static gboolean
change_done (Bench *bench)
{
  return bench->changes >= wanted_changes;
}

static gboolean
list_complete (Bench *bench)
{
  return !rectify_record_list_get_loading (RECTIFY_RECORD_LIST (rectify_list_page_get_model (RECTIFY_LIST_PAGE (bench->page))));
}

static void
wait_frame (Bench *bench)
{
  wanted_frames = bench->frames + 1;
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  iterate_until (frame_done, bench, "a frame");
}

static void
open_page (Bench      *bench,
           const char *db)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  bench->store = rectify_store_open (db, &error);
  g_assert_no_error (error);
  bench->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (bench->window, 1280, 900);
  bench->page = RECTIFY_EQUIPMENT_PAGE (rectify_equipment_page_new (bench->store));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (bench->page));
  adw_window_set_content (ADW_WINDOW (bench->window), overlay);
  g_signal_connect (bench->window, "realize", G_CALLBACK (on_realize), bench);
  g_signal_connect (rectify_list_page_get_model (RECTIFY_LIST_PAGE (bench->page)), "items-changed",
                    G_CALLBACK (on_items_changed), bench);
  gtk_window_present (bench->window);
  wanted_frames = 1;
  iterate_until (frame_done, bench, "the first frame");
}

static long
status_kb (const char *key)
{
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL)
      || (line = strstr (text, key)) == NULL)
    return -1;
  return strtol (line + strlen (key), NULL, 10);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len / 2);
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* One launch in a child process: prints milliseconds from main() to the
 * first frame of the window with the page. */
static int
run_launch (const char *db)
{
  Bench bench = { 0 };

  adw_init ();
  open_page (&bench, db);
  g_print ("%.1f\n", (bench.first_frame - process_start) / 1000.0);
  return 0;
}

static void
make_city (const char *db)
{
  g_autoptr(RectifyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (g_file_test (db, G_FILE_TEST_EXISTS))
    return;
  g_print ("# making the city database %s (once)\n", db);
  store = rectify_store_open (db, &error);
  g_assert_no_error (error);
  rectify_demo_generate (store, RECTIFY_DEMO_CITY, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_print ("# made in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  const char *search_terms[] = { "电梯", "锅炉", "医院", "1号楼", "曳引", "311035", "压力容器" };
  g_autoptr(GArray) launches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) typed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) after_pauses = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_after_pauses = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) completes = g_array_new (FALSE, FALSE, sizeof (double));
  Bench bench = { 0 };
  GtkAdjustment *adjustment;
  GtkWidget *view;
  GtkEditable *entry;
  long rss_before, rss_after;
  guint steps = 0;
  gint64 start;
  /* only the searches, for working on them */
  gboolean search_only = FALSE;

  process_start = g_get_monotonic_time ();
  rectify_application_init_i18n ();

  if (argc == 3 && g_str_equal (argv[1], "--launch"))
    return run_launch (argv[2]);
  if (argc == 3 && g_str_equal (argv[2], "--search-only"))
    search_only = TRUE;
  else if (argc != 2)
    {
      g_printerr ("usage: %s CITY.db [--search-only]\n", argv[0]);
      return 2;
    }
  make_city (argv[1]);

  for (int i = 0; i < (search_only ? 0 : LAUNCHES); i++)
    {
      const char *child_argv[] = { argv[0], "--launch", argv[1], NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      int status;
      double ms;

      g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      ms = g_ascii_strtod (out, NULL);
      g_array_append_val (launches, ms);
    }
  if (!search_only)
    g_print ("launch to first frame of the equipment page: median %.0f ms (%d launches)\n",
             median (launches), LAUNCHES);

  adw_init ();
  open_page (&bench, argv[1]);
  iterate_until (list_complete, &bench, "the whole list");
  g_print ("equipment items listed: %u\n", g_list_model_get_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (bench.page))));

  /* memory: scroll from top to bottom, ten screens a step, one frame each */
  view = find_type (GTK_WIDGET (bench.page), GTK_TYPE_COLUMN_VIEW);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  wait_frame (&bench);
  rss_before = status_kb ("VmRSS:");
  start = g_get_monotonic_time ();
  while (!search_only
         && gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
            < gtk_adjustment_get_upper (adjustment))
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                            + 10 * gtk_adjustment_get_page_size (adjustment));
      wait_frame (&bench);
      steps++;
    }
  rss_after = status_kb ("VmRSS:");
  if (!search_only)
    g_print ("scrolled the whole list in %u steps, %.1f s\n", steps, (g_get_monotonic_time () - start) / 1e6);
  if (!search_only)
    g_print ("resident memory: %ld KB before scrolling, %ld KB after (peak %ld KB)\n",
             rss_before, rss_after, status_kb ("VmHWM:"));

  /* search: text set → the entry's pause → rows changed → frame painted */
  entry = GTK_EDITABLE (find_type (GTK_WIDGET (bench.page), GTK_TYPE_SEARCH_ENTRY));
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              on_search_changed_hook, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (search_terms) * (search_only ? 5 : 1); i++)
    {
      const char *term = search_terms[i % G_N_ELEMENTS (search_terms)];
      double ms, after_pause, changed, cpu, complete;

      start = g_get_monotonic_time ();
      wanted_changes = bench.changes + 1;
      gtk_editable_set_text (entry, term);
      iterate_until (change_done, &bench, "the search");
      changed = (g_get_monotonic_time () - search_started) / 1000.0;
      wait_frame (&bench);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      after_pause = (g_get_monotonic_time () - search_started) / 1000.0;
      cpu = (thread_cpu_us () - search_started_cpu) / 1000.0;
      /* the rest of a long result comes from a thread, then the count */
      iterate_until (list_complete, &bench, "the whole result");
      complete = (g_get_monotonic_time () - search_started) / 1000.0;
      g_array_append_val (completes, complete);
      g_array_append_val (typed, ms);
      g_array_append_val (after_pauses, after_pause);
      g_array_append_val (cpu_after_pauses, cpu);
      g_print ("# “%s”: %u rows, %.1f ms, %.1f ms after the pause (rows changed at %.1f ms, then the frame;"
               " %.1f ms of this thread's CPU; all rows and the count at %.1f ms)\n",
               term, g_list_model_get_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (bench.page))), ms,
               after_pause, changed, cpu, complete);

      wanted_changes = bench.changes + 1;
      gtk_editable_set_text (entry, "");
      iterate_until (change_done, &bench, "the cleared search");
      iterate_until (list_complete, &bench, "the whole list");
    }
  g_print ("search keystroke to updated rows: median %.0f ms (the entry's 150 ms pause included), %.0f ms after the pause\n",
           median (typed), median (after_pauses));
  g_print ("search: median %.0f ms of the main thread's CPU from the pause to the painted rows\n",
           median (cpu_after_pauses));
  g_print ("search: median %.0f ms from the pause to the whole result counted\n", median (completes));

  gtk_window_destroy (bench.window);
  g_clear_object (&bench.store);
  return 0;
}
