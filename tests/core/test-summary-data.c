/* test-summary-data.c: the dashboard and summary series add up to the figures
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "rectify-demo.h"
#include "rectify-figures.h"
#include "rectify-inspection-query.h"
#include "rectify-summary-data.h"
#include "rectify-validate.h"
#include "rectify-workflow.h"
#include "test-util.h"

static gint64
sum_rows (GPtrArray *rows)
{
  gint64 sum = 0;
  for (guint i = 0; i < rows->len; i++)
    sum += ((RectifyFigureRow *) g_ptr_array_index (rows, i))->count;
  return sum;
}

/* Every series against the figures module's totals, on one day. */
static void
assert_consistent (RectifyStore *store, const RectifySummaryData *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyFigures) f = rectify_figures_compute (store, data->campaign->id, data->as_of, &error);
  gint64 weekly = 0, weekly_self = 0;

  g_assert_no_error (error);
  g_assert_cmpint (sum_rows (data->figures->hazards_by_category), ==, f->hazards_found);
  g_assert_cmpint (sum_rows (data->hazards_by_equipment_category), ==, f->hazards_found);
  g_assert_cmpint (sum_rows (data->figures->checks_by_equipment_category), ==, f->equipment_checks);
  for (guint i = 0; i < data->weeks->len; i++)
    {
      weekly += g_array_index (data->weeks, RectifySummaryWeek, i).inspections;
      weekly_self += g_array_index (data->weeks, RectifySummaryWeek, i).self_inspections;
    }
  g_assert_cmpint (weekly, ==, f->unit_inspections);
  g_assert_cmpint (weekly_self, ==, f->self_inspections);
  if (data->days->len > 0)
    {
      const RectifySummaryDay *last = &g_array_index (data->days, RectifySummaryDay, data->days->len - 1);
      g_assert_cmpstr (last->date, ==, data->as_of);
      g_assert_cmpint (last->found, ==, f->hazards_found);
      g_assert_cmpint (last->closed, ==, f->hazards_closed);
      for (guint i = 1; i < data->days->len; i++)
        {
          const RectifySummaryDay *a = &g_array_index (data->days, RectifySummaryDay, i - 1);
          const RectifySummaryDay *b = &g_array_index (data->days, RectifySummaryDay, i);
          g_assert_cmpint (a->found, <=, b->found);
          g_assert_cmpint (a->closed, <=, b->closed);
          g_assert_cmpint (b->closed, <=, b->found);
        }
    }
  else
    g_assert_cmpint (f->hazards_found, ==, 0);
  for (guint i = 0; i < data->coverage->len; i++)
    {
      const RectifyCoverageRow *row = g_ptr_array_index (data->coverage, i);
      g_assert_cmpint (row->inspected, <=, row->units);
      g_assert_cmpint (row->inspected, <=, f->distinct_units);
    }
}

static void
test_seed (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifySummaryData) data = NULL;
  gint64 campaign;

  test_db_open (&t);
  campaign = rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  test_store_sign_in (t.store);

  data = rectify_summary_data_compute (t.store, campaign, NULL, &error);
  g_assert_no_error (error);
  /* the seed's figures, at the campaign's end */
  g_assert_cmpint (data->figures->officer_person_times, ==, 235);
  g_assert_cmpint (data->figures->hazards_found, ==, 5);
  g_assert_cmpint (data->figures->hazards_closed, ==, 4);
  g_assert_cmpint (data->days->len, ==, 100);
  g_assert_cmpint (data->weeks->len, ==, 15);
  assert_consistent (t.store, data);

  /* key industries 医疗, 电力 and the crowded places, each with units, some inspected */
  g_assert_cmpint (data->coverage->len, ==, 3);
  {
    const RectifyCoverageRow *medical = g_ptr_array_index (data->coverage, 0);
    const RectifyCoverageRow *crowded = g_ptr_array_index (data->coverage, 2);
    g_assert_cmpint (medical->kind, ==, RECTIFY_COVERAGE_INDUSTRY);
    g_assert_cmpstr (medical->label, ==, "医疗");
    g_assert_cmpint (medical->units, >, 0);
    g_assert_cmpint (medical->inspected, >, 0);
    g_assert_cmpint (crowded->kind, ==, RECTIFY_COVERAGE_AREA);
    RectifyQuery q = RECTIFY_QUERY_INIT;
    g_autoptr(GPtrArray) units = NULL;
    g_autoptr(GPtrArray) visits = NULL;
    g_autoptr(GHashTable) inspected = g_hash_table_new (g_int64_hash, g_int64_equal);
    gint64 n_crowded = 0;

    q.crowded = 1;
    units = rectify_store_list_units (t.store, &q, &n_crowded, &error);
    g_assert_no_error (error);
    g_assert_cmpint (crowded->units, ==, n_crowded);
    q = (RectifyQuery) RECTIFY_QUERY_INIT;
    q.campaign_id = 1;
    visits = rectify_store_list_inspections (t.store, &q, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < visits->len; i++)
      {
        RectifyInspection *in = g_ptr_array_index (visits, i);
        g_autoptr(RectifyUnit) u = rectify_store_get_unit (t.store, in->unit_id, &error);
        g_assert_no_error (error);
        if (u->crowded && in->kind != RECTIFY_INSPECTION_SELF)
          g_hash_table_add (inspected, &in->unit_id);
      }
    g_assert_cmpint (crowded->inspected, ==, g_hash_table_size (inspected));
  }

  /* every day of the campaign adds up the same way */
  for (int day = 0; day < 100; day += 9)
    {
      g_autofree char *as_of = rectify_date_add_days (data->campaign->start_date, day);
      g_autoptr(RectifySummaryData) then = rectify_summary_data_compute (t.store, campaign, as_of, &error);
      g_assert_no_error (error);
      g_assert_cmpint (then->days->len, ==, day + 1);
      assert_consistent (t.store, then);
    }
  test_db_close (&t);
}

static gint64
count_ids (GArray *ids)
{
  gint64 n;

  g_assert_nonnull (ids);
  n = ids->len;
  g_array_unref (ids);
  return n;
}

/* Each dashboard tile's list, limited to the dashboard's day, has exactly
 * as many rows as the figure it stands for. */
static void
assert_lists_match (RectifyStore *store, gint64 campaign, const char *as_of, gboolean *differs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyFigures) f = rectify_figures_compute (store, campaign, as_of, &error);
  RectifyQuery q = RECTIFY_QUERY_INIT;
  RectifyQuery today = RECTIFY_QUERY_INIT;

  g_assert_no_error (error);
  q.campaign_id = campaign;
  q.as_of = as_of;
  q.as_of_limits = TRUE;

  /* person-times, unit inspections, equipment checks: the bureau's visits */
  q.by_bureau = TRUE;
  g_assert_cmpint (count_ids (rectify_store_query_inspection_ids (store, &q, &error)), ==, f->unit_inspections);
  g_assert_no_error (error);
  q.by_bureau = FALSE;
  q.kind = RECTIFY_INSPECTION_SELF;
  g_assert_cmpint (count_ids (rectify_store_query_inspection_ids (store, &q, &error)), ==, f->self_inspections);
  q.kind = -1;

  g_assert_cmpint (count_ids (rectify_store_query_hazard_ids (store, &q, &error)), ==, f->hazards_found);
  g_assert_no_error (error);
  q.grade = RECTIFY_GRADE_GENERAL;
  g_assert_cmpint (count_ids (rectify_store_query_hazard_ids (store, &q, &error)), ==, f->hazards_general);
  q.grade = RECTIFY_GRADE_MAJOR;
  g_assert_cmpint (count_ids (rectify_store_query_hazard_ids (store, &q, &error)), ==, f->hazards_major);
  q.grade = -1;
  q.status = RECTIFY_HAZARD_CLOSED;
  g_assert_cmpint (count_ids (rectify_store_query_hazard_ids (store, &q, &error)), ==, f->hazards_closed);
  q.status = -1;
  q.overdue = TRUE;
  g_assert_cmpint (count_ids (rectify_store_query_hazard_ids (store, &q, &error)), ==, f->hazards_overdue);
  g_assert_no_error (error);
  q.overdue = FALSE;

  q.status = RECTIFY_DOCUMENT_ISSUED;
  q.kind = RECTIFY_DOCUMENT_INSTRUCTION_LETTER;
  g_assert_cmpint (count_ids (rectify_store_query_document_ids (store, &q, &error)), ==, f->instruction_letters);
  q.kind = RECTIFY_DOCUMENT_RECTIFICATION_OPINION;
  g_assert_cmpint (count_ids (rectify_store_query_document_ids (store, &q, &error)), ==, f->rectification_opinions);
  g_assert_no_error (error);

  /* the same lists without the limit: today's records, which may differ */
  today.campaign_id = campaign;
  today.as_of = as_of;
  today.status = RECTIFY_HAZARD_CLOSED;
  if (count_ids (rectify_store_query_hazard_ids (store, &today, &error)) != f->hazards_closed)
    *differs = TRUE;
}

static void
test_lists_as_of (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyCampaign) c = NULL;
  g_autofree char *today = rectify_today ();
  g_autofree char *yesterday = rectify_date_add_days (today, -1);
  gboolean differs = FALSE;
  gint64 campaign, manager, doc;

  test_db_open (&t);
  campaign = rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  test_store_sign_in (t.store);
  c = rectify_store_get_campaign (t.store, campaign, &error);
  g_assert_no_error (error);
  /* a letter voided today still counted yesterday */
  g_assert_true (rectify_store_find_officer (t.store, "FZ-0101", &manager, NULL));
  g_assert_true (rectify_store_set_actor (t.store, manager, NULL));
  g_assert_true (rectify_store_find_document (t.store, "X市监特指〔2026〕1号", &doc, &error));
  g_assert_true (rectify_store_void_document (t.store, doc, "重新出具", &error));
  g_assert_no_error (error);

  for (int day = -1; day < 100; day += 6)
    {
      g_autofree char *as_of = rectify_date_add_days (c->start_date, day);
      assert_lists_match (t.store, campaign, as_of, &differs);
    }
  assert_lists_match (t.store, campaign, yesterday, &differs);
  assert_lists_match (t.store, campaign, today, &differs);
  /* the limit mattered on some day: hazards closed since were not closed then */
  g_assert_true (differs);
  {
    g_autoptr(RectifyFigures) before = rectify_figures_compute (t.store, campaign, yesterday, &error);
    g_autoptr(RectifyFigures) after = rectify_figures_compute (t.store, campaign, today, &error);
    g_assert_cmpint (before->instruction_letters, ==, after->instruction_letters + 1);
  }

  /* a bad day names the field */
  {
    RectifyQuery q = RECTIFY_QUERY_INIT;
    q.as_of = "2026-02-30";
    q.as_of_limits = TRUE;
    g_assert_null (rectify_store_query_inspection_ids (t.store, &q, &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (rectify_store_query_document_ids (t.store, &q, &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
    g_clear_error (&error);
  }
  test_db_close (&t);
}

static void
test_before_start (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifySummaryData) data = NULL;
  gint64 campaign;

  test_db_open (&t);
  campaign = rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  test_store_sign_in (t.store);
  /* before the first inspection: zeros and empty series, not errors */
  data = rectify_summary_data_compute (t.store, campaign, "2026-01-01", &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  g_assert_cmpint (data->figures->officer_person_times, ==, 0);
  g_assert_cmpint (data->figures->unit_inspections, ==, 0);
  g_assert_cmpint (data->figures->hazards_found, ==, 0);
  g_assert_cmpint (data->days->len, ==, 0);
  g_assert_cmpint (data->weeks->len, ==, 0);
  for (guint i = 0; i < data->coverage->len; i++)
    g_assert_cmpint (((RectifyCoverageRow *) g_ptr_array_index (data->coverage, i))->inspected, ==, 0);
  assert_consistent (t.store, data);

  /* a bad day or an unknown campaign names the field */
  g_assert_null (rectify_summary_data_compute (t.store, campaign, "2026-02-30", &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rectify_summary_data_compute (t.store, 999, NULL, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND);
  test_db_close (&t);
}

static void
test_narrative (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifySummaryNarrative) empty = NULL;
  g_autoptr(RectifySummaryNarrative) back = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *long_text = NULL;
  RectifySummaryNarrative n = { "成立了领导小组。", "企业自查与监督检查相结合。", "继续抓好隐患整改。" };
  gint64 campaign;
  gint64 audit_rows;

  test_db_open (&t);
  campaign = rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  test_store_sign_in (t.store);

  empty = rectify_summary_get_narrative (t.store, campaign, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (empty->deployment, ==, "");
  g_assert_cmpstr (empty->next_steps, ==, "");

  audit_rows = test_audit_count (t.store, NULL, NULL);
  g_assert_true (rectify_summary_set_narrative (t.store, campaign, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_audit_count (t.store, NULL, NULL), ==, audit_rows + 3);
  back = rectify_summary_get_narrative (t.store, campaign, &error);
  g_assert_cmpstr (back->deployment, ==, n.deployment);
  g_assert_cmpstr (back->methods, ==, n.methods);
  g_assert_cmpstr (back->next_steps, ==, n.next_steps);

  /* one part too long: refused with its name, and nothing at all written */
  before = test_db_fingerprint (&t);
  long_text = g_strnfill (RECTIFY_SUMMARY_NARRATIVE_MAX_CHARS + 1, 'x');
  n.deployment = "changed";
  n.next_steps = long_text;
  g_assert_false (rectify_summary_set_narrative (t.store, campaign, &n, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Next steps"));
  g_clear_error (&error);
  after = test_db_fingerprint (&t);
  g_assert_cmpstr (before, ==, after);

  /* an unknown campaign */
  g_assert_null (rectify_summary_get_narrative (t.store, 999, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND);
  test_db_close (&t);
}

static void
test_csv (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifySummaryData) data = NULL;
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autofree char *csv = NULL;
  gint64 campaign;

  /* formulas are neutralised, quotes doubled, separators quoted */
  rectify_csv_append_cell (cell, "=HYPERLINK(\"x\")");
  g_assert_cmpstr (cell->str, ==, "\"'=HYPERLINK(\"\"x\"\")\"");
  g_string_truncate (cell, 0);
  rectify_csv_append_cell (cell, "-1");
  g_assert_cmpstr (cell->str, ==, "\"'-1\"");
  g_string_truncate (cell, 0);
  rectify_csv_append_cell (cell, "@SUM");
  g_assert_cmpstr (cell->str, ==, "\"'@SUM\"");
  g_string_truncate (cell, 0);
  rectify_csv_append_cell (cell, "+86");
  g_assert_cmpstr (cell->str, ==, "\"'+86\"");
  g_string_truncate (cell, 0);
  rectify_csv_append_cell (cell, "医疗, 电力");
  g_assert_cmpstr (cell->str, ==, "\"医疗, 电力\"");
  g_string_truncate (cell, 0);
  rectify_csv_append_cell (cell, "plain");
  g_assert_cmpstr (cell->str, ==, "plain");

  test_db_open (&t);
  campaign = rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  test_store_sign_in (t.store);
  data = rectify_summary_data_compute (t.store, campaign, NULL, &error);
  g_assert_no_error (error);
  csv = rectify_summary_data_to_csv (data);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_nonnull (strstr (csv, "\r\nOfficer person-times,235\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nUnit inspections,62\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nHazards found,5\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nRectification rate,80%\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nPeriodic inspection overdue,2\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n2026-06-29,5,4\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nKey industry,医疗,"));
  test_db_close (&t);
}


int
main (int argc, char **argv)
{
  g_setenv ("RECTIFY_TODAY", "2026-09-01", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/summary-data/seed", test_seed);
  g_test_add_func ("/summary-data/before-start", test_before_start);
  g_test_add_func ("/summary-data/lists-as-of", test_lists_as_of);
  g_test_add_func ("/summary-data/narrative", test_narrative);
  g_test_add_func ("/summary-data/csv", test_csv);
  return g_test_run ();
}
