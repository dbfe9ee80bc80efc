/* test-helpers.c: small shared core helpers: owning copies of a list
 * query, the axis scale of the charts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <math.h>

#include "rectify-format.h"
#include "rectify-records.h"
#include "rectify-store.h"

static void
test_query_copy (void)
{
  RectifyQuery src = RECTIFY_QUERY_INIT;
  RectifyQuery copy = RECTIFY_QUERY_INIT;
  char search[] = "电梯 维保";
  char sort[] = "deadline";

  src.search = search;
  src.sort = sort;
  src.descending = TRUE;
  src.unit_id = 7;
  src.district = "鼓楼区";
  src.industry = "医疗";
  src.hazard_category = "inspection_overdue";
  src.as_of = "2026-11-29";
  src.grade = 1;
  src.limit = 50;

  rectify_query_copy (&copy, &src);
  /* the strings are copies: changing the caller's does not reach them */
  search[0] = 'x';
  sort[0] = 'x';
  g_assert_cmpstr (copy.search, ==, "电梯 维保");
  g_assert_cmpstr (copy.sort, ==, "deadline");
  g_assert_true (copy.district != src.district);
  g_assert_cmpstr (copy.district, ==, "鼓楼区");
  g_assert_cmpstr (copy.industry, ==, "医疗");
  g_assert_cmpstr (copy.hazard_category, ==, "inspection_overdue");
  g_assert_cmpstr (copy.as_of, ==, "2026-11-29");
  g_assert_true (copy.descending);
  g_assert_cmpint (copy.unit_id, ==, 7);
  g_assert_cmpint (copy.grade, ==, 1);
  g_assert_cmpint (copy.limit, ==, 50);
  g_assert_cmpint (copy.status, ==, -1);

  rectify_query_clear (&copy);
  g_assert_null (copy.search);
  g_assert_null (copy.as_of);
  g_assert_cmpint (copy.unit_id, ==, 0);
  g_assert_cmpint (copy.status, ==, -1);
  g_assert_cmpint (copy.crowded, ==, -1);
  g_assert_cmpint (copy.grade, ==, -1);
  g_assert_cmpint (copy.kind, ==, -1);
  /* a cleared query clears again and copies from NULL strings */
  rectify_query_clear (&copy);
  rectify_query_copy (&src, &copy);
  g_assert_null (src.search);
  rectify_query_clear (&src);
}

static void
test_axis_nice_max (void)
{
  struct { double max, axis, step; } cases[] = {
    { 0, 4, 1 },          /* nothing to show: a small empty axis */
    { -3, 4, 1 },
    { 1, 1, 1 },          /* steps are whole: these are counts */
    { 7, 8, 2 },
    { 10, 10, 5 },
    { 95, 100, 50 },
    { 101, 150, 50 },
    { 1234, 1500, 500 },
    { 5e5, 6e5, 2e5 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double step = -1;
      double axis = rectify_axis_nice_max (cases[i].max, &step);
      g_assert_cmpfloat (axis, ==, cases[i].axis);
      g_assert_cmpfloat (step, ==, cases[i].step);
      g_assert_cmpfloat (axis, >=, cases[i].max);
    }
  double step = -1;
  g_assert_cmpfloat (rectify_axis_nice_max (NAN, &step), ==, 4);
  g_assert_cmpfloat (step, ==, 1);
}

static void
test_chart_value (void)
{
  struct { double value; const char *text; } cases[] = {
    { 0, "0" }, { 7, "7" }, { 1500, "1500" }, { 80.0000000001, "80" }, { 12.5, "12.5" }, { 0.3, "0.3" },
    { -3, "-3" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rectify_format_chart_value (cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The lists mark what the filters "Periodic inspection overdue" and
 * "Licence expired" find: the same rule, record by record. */
static void
test_overdue_dates (void)
{
  g_autoptr (RectifyEquipment) e = rectify_equipment_new ();
  g_autoptr (RectifyOperator) op = rectify_operator_new ();

  e->status = RECTIFY_EQUIPMENT_IN_USE;
  /* no next inspection on record: overdue */
  g_assert_true (rectify_equipment_is_inspection_overdue (e, "2026-06-30"));
  e->next_inspection = g_strdup ("2026-06-30");
  g_assert_false (rectify_equipment_is_inspection_overdue (e, "2026-06-30"));
  g_assert_true (rectify_equipment_is_inspection_overdue (e, "2026-07-01"));
  /* an approved postponement covers it until its day */
  e->postponed_until = g_strdup ("2026-08-31");
  g_assert_false (rectify_equipment_is_inspection_overdue (e, "2026-08-31"));
  g_assert_true (rectify_equipment_is_inspection_overdue (e, "2026-09-01"));
  /* out of use: nothing is due */
  e->status = RECTIFY_EQUIPMENT_IN_USE + 1;
  g_assert_false (rectify_equipment_is_inspection_overdue (e, "2026-09-01"));

  g_assert_false (rectify_operator_is_licence_expired (op, "2026-06-30"));
  op->cert_expiry = g_strdup ("2026-06-30");
  g_assert_false (rectify_operator_is_licence_expired (op, "2026-06-30"));
  g_assert_true (rectify_operator_is_licence_expired (op, "2026-07-01"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/query/copy-clear", test_query_copy);
  g_test_add_func ("/records/overdue-dates", test_overdue_dates);
  g_test_add_func ("/scale/axis-nice-max", test_axis_nice_max);
  g_test_add_func ("/scale/chart-value", test_chart_value);
  return g_test_run ();
}
