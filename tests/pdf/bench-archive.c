/* bench-archive.c: the archive of a campaign with 1 000 units: dossiers per second
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-archive [UNITS]   adds UNITS units (1000 by default) to the seed
 * campaign in a private database, each with three pieces of equipment and
 * a bureau inspection with its checklist, every third with a hazard and
 * its tracking, every tenth of those with a photograph, then archives the
 * campaign RUNS times into new folders.
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

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

static void
remember_current (guint done, guint total, const char *current, gpointer user_data)
{
  char **last = user_data;
  g_free (*last);
  *last = g_strdup (current);
}

static GBytes *
photo (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 640, 480);
  g_autoptr(GError) error = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x88AA66FF);
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "85", NULL))
    g_error ("JPEG: %s", error->message);
  return g_bytes_new_take (buffer, size);
}

#define CHECK(call)                                                  \
  G_STMT_START {                                                     \
    if (!(call))                                                     \
      g_error ("%s: %s", #call, error ? error->message : "failed"); \
  } G_STMT_END

static void
make_data (RectifyStore *store, gint64 campaign, guint n_units)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) officers = rectify_store_list_officers (store, &error);
  g_autoptr(GPtrArray) categories = rectify_store_list_hazard_categories (store, &error);
  g_autoptr(GBytes) jpeg = photo ();
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
  double per_second[RUNS];
  gint64 campaign, t0;

  g_assert_no_error (error);
  db = g_build_filename (dir, "bench.db", NULL);
  store = rectify_store_open (db, &error);
  g_assert_no_error (error);
  rectify_pdf_set_store_renderer (store);
  campaign = rectify_demo_generate (store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  make_data (store, campaign, n_units);
  units = rectify_archive_list_units (store, campaign, &error);
  g_assert_no_error (error);
  printf ("data: %u units added in %.1f s; the campaign has %u units to archive\n", n_units,
          (g_get_monotonic_time () - t0) / 1e6, units->len);

  for (int i = 0; i < RUNS; i++)
    {
      g_autofree char *name = g_strdup_printf ("archive-%d", i);
      g_autofree char *out = g_build_filename (dir, name, NULL);
      g_autofree char *current = NULL;
      RectifyPdfArchiveOptions options = { RECTIFY_PDF_LANGUAGE_ZH_CN, NULL, remember_current, &current };
      RectifyArchiveReport report = { 0 };
      double seconds;

      t0 = g_get_monotonic_time ();
      if (!rectify_pdf_archive_write (store, campaign, out, &options, NULL, &error))
        g_error ("archive, at %s: %s", current ? current : "the start", error->message);
      seconds = (g_get_monotonic_time () - t0) / 1e6;
      per_second[i] = units->len / seconds;
      printf ("run %d: %u dossiers in %.2f s = %.1f dossiers/s\n", i + 1, units->len, seconds, per_second[i]);
      if (!rectify_archive_verify (out, &report, &error) || report.problems->len != 0)
        g_error ("the archive does not verify");
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
  g_clear_object (&store);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (cmd) != 0)
      g_error ("could not remove %s", dir);
  }
  return 0;
}
