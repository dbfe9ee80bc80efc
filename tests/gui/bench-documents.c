/* bench-documents.c: how soon a draft letter's preview appears, and is drawn again after a change
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rectify-application.h"
#include "rectify-demo.h"
#include "rectify-document-draft-dialog.h"
#include "rectify-pdf-view.h"

#define DRAFTS 25

static gint64 rendered_at;

/* runs whenever any preview has its pages ready */
static gboolean
on_rendered_hook (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               data)
{
  rendered_at = g_get_monotonic_time ();
  return TRUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gint64        *painted_at)
{
  if (*painted_at == 0)
    *painted_at = g_get_monotonic_time ();
}

static void
on_realize (GtkWidget *dialog,
            gint64    *painted_at)
{
  g_signal_connect (gtk_widget_get_frame_clock (dialog), "after-paint", G_CALLBACK (on_after_paint), painted_at);
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

/* The unit of the seed with the most open hazards (the ones a draft
 * checks): the longest letter. */
static gint64
busiest_unit (RectifyStore *store)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GArray) ids = rectify_store_query_hazard_ids (store, &q, NULL);
  g_autoptr(GPtrArray) rows = rectify_store_get_hazards_by_ids (store, (const gint64 *) ids->data, ids->len, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 best = 0;
  guint most = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      RectifyHazard *h = g_ptr_array_index (rows, i);
      guint n;

      if (h->status == RECTIFY_HAZARD_CLOSED)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &h->unit_id)) + 1;

      g_hash_table_replace (counts, g_memdup2 (&h->unit_id, sizeof h->unit_id), GUINT_TO_POINTER (n));
      if (n > most)
        {
          most = n;
          best = h->unit_id;
        }
    }
  return best;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) ready = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) painted = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redrawn = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  RectifyStore *store;
  gint64 unit;

  rectify_application_init_i18n ();
  gtk_init ();
  adw_init ();
  g_type_class_unref (g_type_class_ref (RECTIFY_TYPE_PDF_VIEW));
  g_signal_add_emission_hook (g_signal_lookup ("rendered", RECTIFY_TYPE_PDF_VIEW), 0, on_rendered_hook, NULL, NULL);

  dir = g_dir_make_tmp ("bench-documents-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "seed.db", NULL);
  store = rectify_store_open (db, &error);
  g_assert_no_error (error);
  rectify_demo_generate (store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  rectify_store_set_setting (store, "bureau-name", "X市市场监督管理局", &error);
  g_assert_no_error (error);
  unit = busiest_unit (store);

  for (int i = 0; i < DRAFTS; i++)
    {
      RectifyDocumentDraftDialog *dialog;
      gint64 start, painted_at = 0;
      double ms;

      rendered_at = 0;
      start = g_get_monotonic_time ();
      dialog = rectify_document_draft_dialog_new (NULL, store, unit);
      g_signal_connect (dialog, "realize", G_CALLBACK (on_realize), &painted_at);
      gtk_window_present (GTK_WINDOW (dialog));
      while (painted_at == 0)
        g_main_context_iteration (NULL, TRUE);
      if (rendered_at == 0)
        g_error ("No preview: %s", rectify_pdf_view_get_message (rectify_document_draft_dialog_get_preview (dialog)));
      g_assert_cmpuint (rectify_pdf_view_get_n_pages (rectify_document_draft_dialog_get_preview (dialog)), >=, 1);
      ms = (rendered_at - start) / 1000.0;
      g_array_append_val (ready, ms);
      ms = (painted_at - start) / 1000.0;
      g_array_append_val (painted, ms);

      /* A change of language draws the letter again (the pause for
       * typing left out). */
      start = g_get_monotonic_time ();
      rectify_document_draft_dialog_update_preview (dialog);
      ms = (rendered_at - start) / 1000.0;
      g_array_append_val (redrawn, ms);
      gtk_window_destroy (GTK_WINDOW (dialog));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  g_print ("draft dialog created to preview page ready: median %.1f ms (%d drafts)\n", median (ready), DRAFTS);
  g_print ("draft dialog created to first frame painted with the preview: median %.1f ms\n", median (painted));
  g_print ("preview drawn again after a change (pause excluded): median %.1f ms\n", median (redrawn));

  g_object_unref (store);
  g_unlink (db);
  g_rmdir (dir);
  return 0;
}
