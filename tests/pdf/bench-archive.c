/* bench-archive.c: the archive of a campaign with 1 000 units: dossiers per second
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-archive [UNITS [PHOTO]]   adds UNITS units (1000 by default) to the
 * seed campaign in a private database, each with three pieces of equipment
 * and a bureau inspection with its checklist, every third with a hazard
 * and its tracking, every tenth of those with a photograph (PHOTO pixels,
 * "4000x3000" by default: what a phone takes), then archives the campaign
 * RUNS times into new folders.  Prints dossiers per second and the median
 * size of the dossiers with a photograph and of those without.
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rectify-archive.h"
#include "rectify-demo.h"
#include "rectify-pdf-archive.h"
#include "rectify-pdf-issue.h"
#include "rectify-store.h"
#include "rectify-validate.h"
#include "rectify-workflow.h"

#define RUNS 3

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static char *
credit_code (guint index)
{
  static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  char code[19];
  guint v = index;

  memcpy (code, "91350200", 8);
  for (int i = 16; i >= 8; i--)
    {
      code[i] = chars[v % 31];
      v /= 31;
    }
  code[17] = rectify_credit_code_check_char (code);
  code[18] = '\0';
  return g_strdup (code);
}

/* The file being written, and how long each dossier took, with a
 * photograph or without. */
typedef struct {
  char       *current;
  gint64      started;
  GHashTable *with_photo;
  GArray     *photo_us;
  GArray     *plain_us;
} Progress;

static void
remember_current (guint done, guint total, const char *current, gpointer user_data)
{
  Progress *p = user_data;
  gint64 now = g_get_monotonic_time ();

  if (p->current && g_str_has_prefix (p->current, "dossiers/"))
    {
      gint64 took = now - p->started;
      gboolean photo = g_hash_table_contains (p->with_photo, p->current + strlen ("dossiers/"));
      g_array_append_val (photo ? p->photo_us : p->plain_us, took);
    }
  g_free (p->current);
  p->current = g_strdup (current);
  p->started = now;
}

/* A photograph that compresses like one: gradients and grain, not a flat fill. */
static GBytes *
photo (guint width, guint height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, (int) width, (int) height);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  gchar *buffer = NULL;
  gsize size = 0;

  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width; x++)
      {
        guint8 *p = pixels + y * stride + x * 3;
        int grain = g_rand_int_range (rand, -24, 24);
        p[0] = (guint8) CLAMP ((int) (x * 200 / width) + 30 + grain, 0, 255);
        p[1] = (guint8) CLAMP ((int) (y * 180 / height) + 50 + grain, 0, 255);
        p[2] = (guint8) CLAMP ((int) ((x + y) * 120 / (width + height)) + 80 + grain, 0, 255);
      }
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "90", NULL))
    g_error ("JPEG: %s", error->message);
  return g_bytes_new_take (buffer, size);
}

static int
compare_sizes (const void *a, const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

/* of gint64 values */
static double
median_size (GArray *sizes)
{
  if (sizes->len == 0)
    return 0;
  g_array_sort (sizes, compare_sizes);
  return (double) g_array_index (sizes, gint64, sizes->len / 2);
}

#define CHECK(call)                                                  \
  G_STMT_START {                                                     \
    if (!(call))                                                     \
      g_error ("%s: %s", #call, error ? error->message : "failed"); \
  } G_STMT_END

/* with_photo gets the dossier names of the units with a photograph */
static void
make_data (RectifyStore *store, gint64 campaign, guint n_units, GBytes *jpeg, GHashTable *with_photo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) officers = rectify_store_list_officers (store, &error);
  g_autoptr(GPtrArray) categories = rectify_store_list_hazard_categories (store, &error);
  const char *category = ((RectifyHazardCategory *) g_ptr_array_index (categories, 0))->code;

  for (guint u = 0; u < n_units; u++)
    {
      g_autoptr(RectifyUnit) unit = rectify_unit_new ();
      g_autoptr(RectifyInspection) in = rectify_inspection_new ();
      gint64 unit_id, ids[2];

      unit->credit_code = credit_code (5000 + u * 11);
      unit->name = g_strdup_printf ("福州市第%u特种设备使用单位有限公司", u + 1);
      unit->address = g_strdup_printf ("福州市鼓楼区五四路%u号", u + 1);
      unit->district = g_strdup ("鼓楼区");
      unit->industry = g_strdup (u % 4 == 0 ? "医疗" : "商贸");
      unit->crowded = u % 4 == 0;
      unit->legal_rep = g_strdup ("林建华");
      unit->safety_manager = g_strdup ("陈志强");
      unit->phone = g_strdup ("0591-83050000");
      CHECK ((unit_id = rectify_store_add_unit (store, unit, &error)));

      in->campaign_id = campaign;
      in->unit_id = unit_id;
      in->kind = RECTIFY_INSPECTION_BUREAU;
      in->date = g_strdup ("2026-05-10");
      in->note = g_strdup ("按照百日行动方案开展监督检查");
      ids[0] = ((RectifyOfficer *) g_ptr_array_index (officers, 0))->id;
      ids[1] = ((RectifyOfficer *) g_ptr_array_index (officers, 1))->id;
      g_array_append_vals (in->officer_ids, ids, 2);
      for (guint k = 0; k < 3; k++)
        {
          g_autoptr(RectifyEquipment) e = rectify_equipment_new ();
          RectifyCheckedEquipment checked = { 0, 1 };
          e->unit_id = unit_id;
          e->category = k == 0 ? RECTIFY_CATEGORY_ELEVATOR : k == 1 ? RECTIFY_CATEGORY_BOILER
                                                                    : RECTIFY_CATEGORY_PRESSURE_VESSEL;
          e->code = g_strdup_printf ("%s99999%s%05u", k == 0 ? "3110" : k == 1 ? "1110" : "2110", "2018",
                                     u * 3 + k);
          e->reg_cert = g_strdup_printf ("梯11闽A%05u(18)", u * 3 + k);
          e->location = g_strdup_printf ("%u号楼", k + 1);
          e->status = RECTIFY_EQUIPMENT_IN_USE;
          e->quantity = 1;
          e->last_inspection = g_strdup ("2025-08-01");
          e->next_inspection = g_strdup ("2026-08-01");
          CHECK ((checked.equipment_id = rectify_store_add_equipment (store, e, &error)));
          g_array_append_val (in->equipment, checked);
        }
      for (guint item = 0; item < RECTIFY_N_CHECK_ITEMS; item++)
        {
          RectifyCheck check = { item, u % 3 == 0 && item == RECTIFY_CHECK_PLAN_DRILLED ? RECTIFY_RESULT_FAIL
                                                                                        : RECTIFY_RESULT_PASS,
                                 u % 3 == 0 && item == RECTIFY_CHECK_PLAN_DRILLED ? g_strdup ("预案未演练") : NULL };
          g_array_append_val (in->checks, check);
        }
      CHECK ((in->id = rectify_store_add_inspection (store, in, &error)));
      if (u % 3 == 0)
        {
          g_autoptr(RectifyHazard) h = rectify_hazard_new ();
          RectifyNewAttachment attachment = { "整改后现场.jpg", "image/jpeg", jpeg };
          gint64 hazard_id;

          h->inspection_id = in->id;
          h->unit_id = unit_id;
          h->category = g_strdup (category);
          h->grade = RECTIFY_GRADE_GENERAL;
          h->found_date = g_strdup ("2026-05-10");
          h->content = g_strdup ("应急救援预案未按规定组织演练");
          h->standard = g_strdup ("《中华人民共和国特种设备安全法》第六十九条");
          h->measures = g_strdup ("修订应急预案并组织演练");
          h->deadline = g_strdup ("2026-06-10");
          h->responsible = g_strdup ("陈志强");
          CHECK ((hazard_id = rectify_workflow_register (store, h, "执法检查中发现", &error)));
          if (u % 30 == 0)
            g_hash_table_add (with_photo, g_strdup_printf ("%s.pdf", unit->credit_code));
          CHECK (rectify_workflow_act (store, hazard_id, RECTIFY_ACTION_TRACK, RECTIFY_EVENT_TRACKING_RECTIFICATION,
                                       "2026-05-25", "督促单位组织演练", u % 30 == 0 ? &attachment : NULL,
                                       u % 30 == 0 ? 1 : 0, &error));
        }
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-archive-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autoptr(RectifyStore) store = NULL;
  g_autoptr(GArray) units = NULL;
  guint n_units = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  guint photo_w = 4000, photo_h = 3000;
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GHashTable) with_photo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double per_second[RUNS], photo_size[RUNS], plain_size[RUNS], photo_ms[RUNS], plain_ms[RUNS];
  gint64 campaign, t0;

  g_assert_no_error (error);
  db = g_build_filename (dir, "bench.db", NULL);
  store = rectify_store_open (db, &error);
  g_assert_no_error (error);
  rectify_pdf_set_store_renderer (store);
  campaign = rectify_demo_generate (store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  if (argc > 2 && sscanf (argv[2], "%ux%u", &photo_w, &photo_h) != 2)
    g_error ("PHOTO is WIDTHxHEIGHT, e.g. 4000x3000");
  jpeg = photo (photo_w, photo_h);
  t0 = g_get_monotonic_time ();
  make_data (store, campaign, n_units, jpeg, with_photo);
  units = rectify_archive_list_units (store, campaign, &error);
  g_assert_no_error (error);
  printf ("data: %u units added in %.1f s; the campaign has %u units to archive, %u with a %ux%u photograph"
          " of %.0f KB\n", n_units, (g_get_monotonic_time () - t0) / 1e6, units->len,
          g_hash_table_size (with_photo), photo_w, photo_h, g_bytes_get_size (jpeg) / 1024.0);

  for (int i = 0; i < RUNS; i++)
    {
      g_autofree char *name = g_strdup_printf ("archive-%d", i);
      g_autofree char *out = g_build_filename (dir, name, NULL);
      g_autoptr(GArray) photo_us = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) plain_us = g_array_new (FALSE, FALSE, sizeof (gint64));
      Progress progress = { NULL, 0, with_photo, photo_us, plain_us };
      RectifyPdfArchiveOptions options = { RECTIFY_PDF_LANGUAGE_ZH_CN, NULL, remember_current, &progress, TRUE };
      RectifyArchiveReport report = { 0 };
      double seconds;

      t0 = g_get_monotonic_time ();
      if (!rectify_pdf_archive_write (store, campaign, out, &options, NULL, &error))
        g_error ("archive, at %s: %s", progress.current ? progress.current : "the start", error->message);
      g_free (progress.current);
      photo_ms[i] = median_size (photo_us) / 1000.0;
      plain_ms[i] = median_size (plain_us) / 1000.0;
      printf ("run %d: median time of a dossier %.1f ms with a photograph, %.1f ms without\n", i + 1, photo_ms[i],
              plain_ms[i]);
      seconds = (g_get_monotonic_time () - t0) / 1e6;
      per_second[i] = units->len / seconds;
      printf ("run %d: %u dossiers in %.2f s = %.1f dossiers/s\n", i + 1, units->len, seconds, per_second[i]);
      if (!rectify_archive_verify (out, &report, &error) || report.problems->len != 0)
        g_error ("the archive does not verify");
      {
        g_autofree char *dossiers = g_build_filename (out, "dossiers", NULL);
        g_autoptr(GDir) d = g_dir_open (dossiers, 0, NULL);
        g_autoptr(GArray) photo_sizes = g_array_new (FALSE, FALSE, sizeof (gint64));
        g_autoptr(GArray) plain_sizes = g_array_new (FALSE, FALSE, sizeof (gint64));
        const char *file;
        while (d && (file = g_dir_read_name (d)))
          {
            g_autofree char *path = g_build_filename (dossiers, file, NULL);
            GStatBuf st;
            gint64 bytes;
            if (g_stat (path, &st) != 0)
              g_error ("cannot read %s", path);
            bytes = st.st_size;
            g_array_append_val (g_hash_table_contains (with_photo, file) ? photo_sizes : plain_sizes, bytes);
          }
        photo_size[i] = median_size (photo_sizes);
        plain_size[i] = median_size (plain_sizes);
        printf ("run %d: median dossier %.1f KB with a photograph (%u), %.1f KB without (%u)\n", i + 1,
                photo_size[i] / 1024, photo_sizes->len, plain_size[i] / 1024, plain_sizes->len);
      }
      rectify_archive_report_clear (&report);
      {
        /* the folders go: a bench leaves nothing behind */
        g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", out);
        if (system (cmd) != 0)
          g_error ("could not remove %s", out);
      }
    }
  qsort (per_second, RUNS, sizeof per_second[0], compare_doubles);
  printf ("%-44s median %8.1f dossiers/s  min %8.1f  max %8.1f  (%d runs, goal > 100)\n", "archive of a campaign",
          per_second[RUNS / 2], per_second[0], per_second[RUNS - 1], RUNS);
  printf ("%-44s median %8.2f ms\n", "time per dossier", 1000.0 / per_second[RUNS / 2]);
  qsort (photo_size, RUNS, sizeof photo_size[0], compare_doubles);
  qsort (plain_size, RUNS, sizeof plain_size[0], compare_doubles);
  qsort (photo_ms, RUNS, sizeof photo_ms[0], compare_doubles);
  qsort (plain_ms, RUNS, sizeof plain_ms[0], compare_doubles);
  printf ("%-44s median %8.1f ms\n", "time of a dossier with a photograph", photo_ms[RUNS / 2]);
  printf ("%-44s median %8.1f ms\n", "time of a dossier without", plain_ms[RUNS / 2]);
  printf ("%-44s median %8.1f KB\n", "dossier with a photograph", photo_size[RUNS / 2] / 1024);
  printf ("%-44s median %8.1f KB\n", "dossier without", plain_size[RUNS / 2] / 1024);
  g_clear_object (&store);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (cmd) != 0)
      g_error ("could not remove %s", dir);
  }
  return 0;
}
