/* test-schedule.c: back-checks and re-inspections, and the inspection list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rectify-figures.h"
#include "rectify-inspection-query.h"
#include "rectify-schedule.h"
#include "rectify-validate.h"
#include "rectify-workflow.h"
#include "test-util.h"
#include "test-world.h"


/* Audit rows of inspections with action (entity_id 0: any) whose before
 * holds before_has and whose after holds each of after_has, or, when
 * after_has is NULL, that have no after. */
static gint64
count_inspection_audit (World *w, const char *action, gint64 entity_id, const char *before_has,
                        const char *const *after_has)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rectify_store_list_audit (w->t.store, 0, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      RectifyAuditEntry *e = g_ptr_array_index (rows, i);
      gboolean match = g_strcmp0 (e->entity, "inspection") == 0 && g_strcmp0 (e->action, action) == 0
                       && (entity_id == 0 || e->entity_id == entity_id)
                       && e->before_json && strstr (e->before_json, before_has);
      if (match && after_has == NULL)
        match = e->after_json == NULL;
      for (guint k = 0; match && after_has && after_has[k]; k++)
        match = e->after_json && strstr (e->after_json, after_has[k]);
      n += match;
    }
  return n;
}


static void
test_back_check (void)
{
  World w;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyScheduledVisit) v = NULL;
  gint64 hazard, visit, audit_before;

  test_db_open (&w.t);
  world_fill (&w);
  hazard = register_hazard (&w, "2026-07-20");

  /* an open hazard gets no back-check */
  g_assert_cmpint (rectify_store_schedule_visit (w.t.store, hazard, RECTIFY_VISIT_BACK_CHECK, "2026-07-10", NULL, &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_clear_error (&error);
  /* nor a re-inspection before its deadline */
  g_assert_cmpint (rectify_store_schedule_visit (w.t.store, hazard, RECTIFY_VISIT_RE_INSPECTION, "2026-07-10", NULL, &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_clear_error (&error);

  g_assert_true (rectify_workflow_act (w.t.store, hazard, RECTIFY_ACTION_IMMEDIATE, 0, "2026-06-20", "当场整改", NULL, 0, &error));
  g_assert_no_error (error);

  /* dates in the wrong order: before the closing, in the past, not a date */
  audit_before = test_audit_count (w.t.store, NULL, NULL);
  g_assert_cmpint (rectify_store_schedule_visit (w.t.store, hazard, RECTIFY_VISIT_BACK_CHECK, "2026-06-10", NULL, &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  g_assert_true (rectify_message_names_field (error->message, "Due date"));
  g_assert_nonnull (strstr (error->message, "2026-06-20"));
  g_clear_error (&error);
  g_assert_cmpint (rectify_store_schedule_visit (w.t.store, hazard, RECTIFY_VISIT_BACK_CHECK, "2026-06-25", NULL, &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  g_assert_true (rectify_message_names_field (error->message, "Due date"));
  g_clear_error (&error);
  g_assert_cmpint (rectify_store_schedule_visit (w.t.store, hazard, RECTIFY_VISIT_BACK_CHECK, "2026-02-30", NULL, &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_visits (&w), ==, 0);
  g_assert_cmpint (test_audit_count (w.t.store, NULL, NULL), ==, audit_before);

  visit = rectify_store_schedule_visit (w.t.store, hazard, RECTIFY_VISIT_BACK_CHECK, "2026-07-15", "回头看", &error);
  g_assert_no_error (error);
  g_assert_cmpint (visit, >, 0);
  /* one pending of a kind per hazard */
  g_assert_cmpint (rectify_store_schedule_visit (w.t.store, hazard, RECTIFY_VISIT_BACK_CHECK, "2026-07-16", NULL, &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (count_visits (&w), ==, 1);

  {
    RectifyQuery q = RECTIFY_QUERY_INIT;
    g_autoptr(GArray) ids = NULL;
    g_autoptr(GPtrArray) rows = NULL;

    q.status = 0;
    ids = rectify_store_query_visit_ids (w.t.store, &q, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    rows = rectify_store_get_visits_by_ids (w.t.store, (gint64 *) ids->data, ids->len, &error);
    g_assert_no_error (error);
    v = g_steal_pointer (&g_ptr_array_index (rows, 0));
    g_assert_cmpint (v->unit_id, ==, w.unit);
    g_assert_cmpint (v->hazard_id, ==, hazard);
    g_assert_cmpint (v->kind, ==, RECTIFY_VISIT_BACK_CHECK);
    g_assert_cmpstr (v->due_date, ==, "2026-07-15");
    g_assert_cmpstr (v->scheduled_on, ==, "2026-06-30");
    g_assert_cmpstr (v->unit_name, ==, "鼓楼人民医院");
    g_assert_cmpint (v->done_inspection_id, ==, 0);
    q.unit_id = w.other_unit;
    g_clear_pointer (&ids, g_array_unref);
    ids = rectify_store_query_visit_ids (w.t.store, &q, &error);
    g_assert_cmpuint (ids->len, ==, 0);
  }

  /* a week later (nothing is recorded before it happens): a
   * self-inspection does not do it; a back-check inspection of the unit does */
  g_setenv ("RECTIFY_TODAY", "2026-07-07", TRUE);
  {
    g_autoptr(RectifyInspection) self_check = rectify_inspection_new ();
    self_check->unit_id = w.unit;
    self_check->kind = RECTIFY_INSPECTION_SELF;
    self_check->date = g_strdup ("2026-07-01");
    g_assert_cmpint (rectify_store_add_inspection (w.t.store, self_check, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_cmpint (count_visits_of (&w, 0), ==, 1);
  {
    gint64 back = add_inspection (&w, RECTIFY_INSPECTION_BACK_CHECK, "2026-07-02", &error);
    g_autoptr(RectifyScheduledVisit) done = NULL;

    g_assert_no_error (error);
    done = rectify_store_get_visit (w.t.store, visit, &error);
    g_assert_no_error (error);
    g_assert_cmpint (done->done_inspection_id, ==, back);
    g_assert_cmpstr (done->done_date, ==, "2026-07-02");

    /* the inspection that did it stays: no delete, no other unit or kind,
     * no date before the visit was planned; a later date moves the visit's */
    {
      g_autofree char *print = test_db_fingerprint (&w.t);
      g_autoptr(RectifyInspection) in = rectify_store_get_inspection (w.t.store, back, &error);
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      g_assert_false (rectify_store_delete_inspection (w.t.store, back, &error));
      g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
      g_assert_true (rectify_message_names_field (error->message, "Inspection"));
      g_clear_error (&error);
      in->kind = RECTIFY_INSPECTION_BUREAU;
      g_assert_false (rectify_store_update_inspection (w.t.store, in, &error));
      g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
      g_assert_true (rectify_message_names_field (error->message, "Kind"));
      g_clear_error (&error);
      in->kind = RECTIFY_INSPECTION_BACK_CHECK;
      g_free (in->date);
      in->date = g_strdup ("2026-06-01");
      g_assert_false (rectify_store_update_inspection (w.t.store, in, &error));
      g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
      g_assert_true (rectify_message_names_field (error->message, "Date"));
      g_clear_error (&error);
      after = test_db_fingerprint (&w.t);
      g_assert_cmpstr (print, ==, after);

      g_free (in->date);
      in->date = g_strdup ("2026-07-03");
      g_assert_true (rectify_store_update_inspection (w.t.store, in, &error));
      g_assert_no_error (error);
      g_clear_pointer (&done, rectify_scheduled_visit_free);
      done = rectify_store_get_visit (w.t.store, visit, &error);
      g_assert_cmpstr (done->done_date, ==, "2026-07-03");
    }
  }
  /* done visits stay on record */
  g_assert_false (rectify_store_cancel_visit (w.t.store, visit, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpint (count_visits (&w), ==, 1);
  g_assert_cmpint (test_audit_count (w.t.store, "scheduled_visit", NULL), ==, 2);
  g_setenv ("RECTIFY_TODAY", "2026-06-30", TRUE);
  test_db_close (&w.t);
}

static void
test_re_inspection (void)
{
  World w;
  g_autoptr(GError) error = NULL;
  gint64 hazard, visit;

  test_db_open (&w.t);
  world_fill (&w);
  hazard = register_hazard (&w, "2026-05-01");   /* overdue on 2026-06-30 */

  visit = rectify_store_schedule_visit (w.t.store, hazard, RECTIFY_VISIT_RE_INSPECTION, "2026-07-05", NULL, &error);
  g_assert_no_error (error);
  /* cancel a pending one: gone, audited */
  g_assert_true (rectify_store_cancel_visit (w.t.store, visit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_visits (&w), ==, 0);
  visit = rectify_store_schedule_visit (w.t.store, hazard, RECTIFY_VISIT_RE_INSPECTION, "2026-07-05", NULL, &error);
  g_assert_no_error (error);
  {
    RectifyQuery q = RECTIFY_QUERY_INIT;
    g_autoptr(GPtrArray) rows = NULL;
    gint64 total = 0;

    q.overdue = TRUE;
    q.as_of = "2026-07-06";
    rows = rectify_store_list_visits (w.t.store, &q, &total, &error);
    g_assert_no_error (error);
    g_assert_cmpint (total, ==, 1);
    q.as_of = "2026-07-05";
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = rectify_store_list_visits (w.t.store, &q, &total, &error);
    g_assert_cmpint (total, ==, 0);
  }
  /* an inspection dated before the plan does not do it; a bureau inspection after it does */
  add_inspection (&w, RECTIFY_INSPECTION_BUREAU, "2026-06-29", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_visits_of (&w, 0), ==, 1);
  add_inspection (&w, RECTIFY_INSPECTION_BUREAU, "2026-06-30", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_visits_of (&w, 0), ==, 0);

  /* once the campaign is archived its planned visits stay as they are */
  visit = rectify_store_schedule_visit (w.t.store, hazard, RECTIFY_VISIT_RE_INSPECTION, "2026-07-06", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_store_archive_campaign (w.t.store, w.campaign, &error));
  g_assert_no_error (error);
  g_assert_false (rectify_store_cancel_visit (w.t.store, visit, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_assert_cmpint (count_visits_of (&w, 0), ==, 1);
  test_db_close (&w.t);
}



static void
test_inspection_list (void)
{
  World w;
  g_autoptr(GError) error = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  RectifyInspectionSummary *s;

  test_db_open (&w.t);
  world_fill (&w);
  register_hazard (&w, "2026-07-20");
  add_inspection (&w, RECTIFY_INSPECTION_BACK_CHECK, "2026-05-02", &error);
  g_assert_no_error (error);

  q.descending = TRUE;
  ids = rectify_store_query_inspection_ids (w.t.store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  rows = rectify_store_get_inspections_by_ids (w.t.store, (gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  s = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (s->date, ==, "2026-04-01");
  g_assert_cmpint (s->kind, ==, RECTIFY_INSPECTION_BUREAU);
  g_assert_cmpstr (s->unit_name, ==, "鼓楼人民医院");
  g_assert_cmpstr (s->campaign_name, ==, "百日安全行动");
  g_assert_cmpint (s->officer_count, ==, 2);
  g_assert_nonnull (strstr (s->officer_names, "黄晓东"));
  g_assert_nonnull (strstr (s->officer_names, "郑立新"));
  g_assert_cmpint (s->equipment_count, ==, 1);
  g_assert_cmpint (s->hazard_count, ==, 1);
  g_assert_cmpint (((RectifyInspectionSummary *) g_ptr_array_index (rows, 0))->hazard_count, ==, 0);

  q.kind = RECTIFY_INSPECTION_BACK_CHECK;
  g_clear_pointer (&ids, g_array_unref);
  ids = rectify_store_query_inspection_ids (w.t.store, &q, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  q.kind = -1;
  q.search = "人民";
  g_clear_pointer (&ids, g_array_unref);
  ids = rectify_store_query_inspection_ids (w.t.store, &q, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  q.search = "仓山";
  g_clear_pointer (&ids, g_array_unref);
  ids = rectify_store_query_inspection_ids (w.t.store, &q, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  q.search = NULL;
  q.sort = "nonsense";
  g_clear_pointer (&ids, g_array_unref);
  ids = rectify_store_query_inspection_ids (w.t.store, &q, &error);
  g_assert_null (ids);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  test_db_close (&w.t);
}

static gint64
figure_row (GPtrArray *rows, const char *code)
{
  for (guint i = 0; i < rows->len; i++)
    {
      RectifyFigureRow *r = g_ptr_array_index (rows, i);
      if (g_str_equal (r->code, code))
        return r->count;
    }
  g_assert_not_reached ();
}

static RectifyFigures *
figures (World *w)
{
  g_autoptr(GError) error = NULL;
  RectifyFigures *f = rectify_figures_compute (w->t.store, w->campaign, "2026-06-01", &error);

  g_assert_no_error (error);
  return f;
}

static void
assert_figures (World *w, gint64 person_times, gint64 inspections, gint64 checks, gint64 elevators, gint64 cylinders)
{
  g_autoptr(RectifyFigures) f = figures (w);
  const char *elevator = rectify_category_to_code (RECTIFY_CATEGORY_ELEVATOR);
  const char *cylinder = rectify_category_to_code (RECTIFY_CATEGORY_GAS_CYLINDER);

  g_assert_cmpint (f->officer_person_times, ==, person_times);
  g_assert_cmpint (f->unit_inspections, ==, inspections);
  g_assert_cmpint (f->equipment_checks, ==, checks);
  g_assert_cmpint (figure_row (f->checks_by_equipment_category, elevator), ==, elevators);
  g_assert_cmpint (figure_row (f->checks_by_equipment_category, cylinder), ==, cylinders);
}

/* Correcting and removing a recorded visit: the figures follow, refusals
 * change nothing, the audit log keeps before and after. */
static void
test_edit_and_delete (void)
{
  World w;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyInspection) in = NULL;
  g_autoptr(RectifyInspection) kept = NULL;
  gint64 officer3, cylinders, second, hazard;

  test_db_open (&w.t);
  world_fill (&w);
  {
    g_autoptr(RectifyOfficer) o = rectify_officer_new ();
    o->badge = g_strdup ("O-3");
    o->name = g_strdup ("林海");
    o->role = RECTIFY_ROLE_OFFICER;
    officer3 = rectify_store_add_officer (w.t.store, o, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(RectifyEquipment) e = rectify_equipment_new ();
    e->unit_id = w.unit;
    e->category = RECTIFY_CATEGORY_GAS_CYLINDER;
    e->quantity = 10;
    cylinders = rectify_store_add_equipment (w.t.store, e, &error);
    g_assert_no_error (error);
  }
  second = add_inspection (&w, RECTIFY_INSPECTION_BUREAU, "2026-04-10", &error);
  g_assert_no_error (error);
  assert_figures (&w, 4, 2, 2, 2, 0);

  /* a third officer and ten cylinders, five of them checked, two days later */
  in = rectify_store_get_inspection (w.t.store, second, &error);
  g_assert_no_error (error);
  g_free (in->date);
  in->date = g_strdup ("2026-04-12");
  g_array_append_val (in->officer_ids, officer3);
  {
    RectifyCheckedEquipment ce = { cylinders, 5 };
    RectifyCheck c = { RECTIFY_CHECK_EMERGENCY_PLAN, RECTIFY_RESULT_FAIL, g_strdup ("预案未演练") };
    g_array_append_val (in->equipment, ce);
    g_array_append_val (in->checks, c);
  }
  g_assert_true (rectify_store_update_inspection (w.t.store, in, &error));
  g_assert_no_error (error);
  assert_figures (&w, 5, 2, 7, 2, 5);
  {
    g_autoptr(RectifyInspection) got = rectify_store_get_inspection (w.t.store, second, &error);
    g_assert_cmpstr (got->date, ==, "2026-04-12");
    g_assert_cmpuint (got->officer_ids->len, ==, 3);
    g_assert_cmpuint (got->equipment->len, ==, 2);
    g_assert_cmpuint (got->checks->len, ==, 1);
    g_assert_cmpstr (g_array_index (got->checks, RectifyCheck, 0).remark, ==, "预案未演练");
  }
  {
    const char *const after_has[] = { "2026-04-12", "\"officers\":[", NULL };
    g_assert_cmpint (count_inspection_audit (&w, "update", 0, "2026-04-10", after_has), ==, 1);
  }

  /* dated after the day looked at: its checks leave the tally of that day */
  g_free (in->date);
  in->date = g_strdup ("2026-06-05");
  g_assert_true (rectify_store_update_inspection (w.t.store, in, &error));
  g_assert_no_error (error);
  assert_figures (&w, 2, 1, 1, 1, 0);
  g_free (in->date);
  in->date = g_strdup ("2026-04-12");
  g_assert_true (rectify_store_update_inspection (w.t.store, in, &error));
  assert_figures (&w, 5, 2, 7, 2, 5);

  /* refusals write nothing */
  hazard = register_hazard (&w, "2026-07-20");
  g_assert_cmpint (hazard, >, 0);
  {
    g_autofree char *print = test_db_fingerprint (&w.t);
    g_autofree char *after = NULL;
    g_autoptr(RectifyInspection) first = rectify_store_get_inspection (w.t.store, w.inspection, &error);
    g_autoptr(RectifyInspection) bad = rectify_store_get_inspection (w.t.store, second, &error);
    gint64 one = w.officer1;

    g_array_set_size (bad->officer_ids, 0);
    g_array_append_val (bad->officer_ids, one);
    g_assert_false (rectify_store_update_inspection (w.t.store, bad, &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
    g_assert_true (rectify_message_names_field (error->message, "Officers present"));
    g_clear_error (&error);
    g_array_append_val (bad->officer_ids, one);
    g_assert_false (rectify_store_update_inspection (w.t.store, bad, &error));
    g_assert_true (rectify_message_names_field (error->message, "Officers present"));
    g_clear_error (&error);
    g_array_set_size (bad->officer_ids, 1);
    g_array_append_val (bad->officer_ids, officer3);
    g_free (bad->date);
    bad->date = g_strdup ("2026-02-30");
    g_assert_false (rectify_store_update_inspection (w.t.store, bad, &error));
    g_assert_true (rectify_message_names_field (error->message, "Date"));
    g_clear_error (&error);
    g_free (bad->date);
    bad->date = g_strdup ("2026-04-12");
    g_array_index (bad->equipment, RectifyCheckedEquipment, 1).quantity = 11;
    g_assert_false (rectify_store_update_inspection (w.t.store, bad, &error));
    g_assert_true (rectify_message_names_field (error->message, "Equipment checked"));
    g_clear_error (&error);
    bad->id = 9999;
    g_assert_false (rectify_store_update_inspection (w.t.store, bad, &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND);
    g_clear_error (&error);

    /* the first has a hazard: its unit and campaign stay, it stays */
    first->unit_id = w.other_unit;
    g_array_set_size (first->equipment, 0);
    g_assert_false (rectify_store_update_inspection (w.t.store, first, &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
    g_assert_true (rectify_message_names_field (error->message, "Unit"));
    g_clear_error (&error);
    first->unit_id = w.unit;
    first->campaign_id = 0;
    g_assert_false (rectify_store_update_inspection (w.t.store, first, &error));
    g_assert_true (rectify_message_names_field (error->message, "Campaign"));
    g_clear_error (&error);
    g_assert_false (rectify_store_delete_inspection (w.t.store, w.inspection, &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
    g_assert_true (rectify_message_names_field (error->message, "Inspection"));
    g_clear_error (&error);
    g_assert_false (rectify_store_delete_inspection (w.t.store, 9999, &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND);
    g_clear_error (&error);

    after = test_db_fingerprint (&w.t);
    g_assert_cmpstr (print, ==, after);
  }
  /* but its date and checklist may be corrected */
  {
    g_autoptr(RectifyInspection) first = rectify_store_get_inspection (w.t.store, w.inspection, &error);
    g_free (first->note);
    first->note = g_strdup ("更正：日期");
    g_assert_true (rectify_store_update_inspection (w.t.store, first, &error));
    g_assert_no_error (error);
  }

  /* delete: gone with its rows, the figures drop, then undo puts it back */
  kept = rectify_store_get_inspection (w.t.store, second, &error);
  g_assert_true (rectify_store_delete_inspection (w.t.store, second, &error));
  g_assert_no_error (error);
  g_assert_null (rectify_store_get_inspection (w.t.store, second, NULL));
  g_assert_cmpint (test_db_count_rows (&w.t, "inspection_officer", "inspection_id", 2)
                   + test_db_count_rows (&w.t, "inspection_equipment", "inspection_id", 2)
                   + test_db_count_rows (&w.t, "inspection_remark", "inspection_id", 2), ==, 0);
  g_assert_cmpint (second, ==, 2);
  assert_figures (&w, 2, 1, 1, 1, 0);
  g_assert_cmpint (count_inspection_audit (&w, "delete", 2, "2026-04-12", NULL), ==, 1);
  g_assert_cmpint (rectify_store_add_inspection (w.t.store, kept, &error), ==, second);
  g_assert_no_error (error);
  assert_figures (&w, 5, 2, 7, 2, 5);
  {
    g_autoptr(RectifyInspection) back = rectify_store_get_inspection (w.t.store, second, &error);
    g_assert_cmpstr (back->date, ==, "2026-04-12");
    g_assert_cmpstr (g_array_index (back->checks, RectifyCheck, 0).remark, ==, "预案未演练");
  }

  /* an archived campaign's visits stay as they are */
  g_assert_true (rectify_store_archive_campaign (w.t.store, w.campaign, &error));
  g_assert_no_error (error);
  {
    g_autofree char *print = test_db_fingerprint (&w.t);
    g_autofree char *after = NULL;

    g_assert_false (rectify_store_update_inspection (w.t.store, kept, &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
    g_assert_true (rectify_message_names_field (error->message, "Campaign"));
    g_clear_error (&error);
    g_assert_false (rectify_store_delete_inspection (w.t.store, second, &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
    g_assert_true (rectify_message_names_field (error->message, "Campaign"));
    g_clear_error (&error);
    after = test_db_fingerprint (&w.t);
    g_assert_cmpstr (print, ==, after);
  }
  test_db_close (&w.t);
}

int
main (int argc, char **argv)
{
  g_setenv ("RECTIFY_TODAY", "2026-06-30", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schedule/back-check", test_back_check);
  g_test_add_func ("/schedule/re-inspection", test_re_inspection);
  g_test_add_func ("/schedule/inspection-list", test_inspection_list);
  g_test_add_func ("/schedule/edit-and-delete-inspection", test_edit_and_delete);
  return g_test_run ();
}
