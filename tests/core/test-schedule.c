/* test-schedule.c: back-checks and re-inspections, and the inspection list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rectify-inspection-query.h"
#include "rectify-schedule.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"
#include "rectify-workflow.h"
#include "test-util.h"

typedef struct {
  TestDb t;
  gint64 officer1, officer2, unit, other_unit, elevator, campaign, inspection;
} World;

static gint64
add_unit (RectifyStore *store, int n, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyUnit) u = rectify_unit_new ();
  char code[19] = "9135010000000000";
  gint64 id;

  code[15] = '1' + n;
  code[16] = '0';
  code[17] = rectify_credit_code_check_char (code);
  code[18] = 0;
  u->credit_code = g_strdup (code);
  u->name = g_strdup (name);
  id = rectify_store_add_unit (store, u, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_inspection (World *w, RectifyInspectionKind kind, const char *date, GError **error)
{
  g_autoptr(RectifyInspection) in = rectify_inspection_new ();
  RectifyCheckedEquipment ce = { w->elevator, 1 };

  in->campaign_id = w->campaign;
  in->unit_id = w->unit;
  in->kind = kind;
  in->date = g_strdup (date);
  g_array_append_val (in->officer_ids, w->officer1);
  g_array_append_val (in->officer_ids, w->officer2);
  g_array_append_val (in->equipment, ce);
  return rectify_store_add_inspection (w->t.store, in, error);
}

static void
world_fill (World *w)
{
  g_autoptr(GError) error = NULL;
  static const char *const names[2] = { "黄晓东", "郑立新" };

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(RectifyOfficer) o = rectify_officer_new ();
      o->badge = g_strdup_printf ("O-%d", i + 1);
      o->name = g_strdup (names[i]);
      o->role = RECTIFY_ROLE_OFFICER;
      *(i ? &w->officer2 : &w->officer1) = rectify_store_add_officer (w->t.store, o, &error);
      g_assert_no_error (error);
    }
  w->unit = add_unit (w->t.store, 0, "鼓楼人民医院");
  w->other_unit = add_unit (w->t.store, 1, "仓山物业管理有限公司");
  {
    g_autoptr(RectifyEquipment) e = rectify_equipment_new ();
    e->unit_id = w->unit;
    e->category = RECTIFY_CATEGORY_ELEVATOR;
    e->code = g_strdup ("311035010201600001");
    w->elevator = rectify_store_add_equipment (w->t.store, e, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(RectifyCampaign) c = rectify_campaign_new ();
    c->name = g_strdup ("百日安全行动");
    c->start_date = g_strdup ("2026-03-22");
    w->campaign = rectify_store_add_campaign (w->t.store, c, &error);
    g_assert_no_error (error);
  }
  w->inspection = add_inspection (w, RECTIFY_INSPECTION_BUREAU, "2026-04-01", &error);
  g_assert_no_error (error);
}

static gint64
register_hazard (World *w, const char *deadline)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyHazard) h = rectify_hazard_new ();
  gint64 id;

  h->inspection_id = w->inspection;
  h->unit_id = w->unit;
  h->equipment_id = w->elevator;
  h->category = g_strdup ("inspection_overdue");
  h->grade = RECTIFY_GRADE_GENERAL;
  h->found_date = g_strdup ("2026-04-01");
  h->content = g_strdup ("电梯超期未检");
  h->standard = g_strdup ("《特种设备安全法》第四十条");
  h->measures = g_strdup ("申报定期检验");
  h->deadline = g_strdup (deadline);
  h->responsible = g_strdup ("设备管理员");
  id = rectify_workflow_register (w->t.store, h, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
count_visits (World *w)
{
  return test_db_count (&w->t, "SELECT count(*) FROM scheduled_visit");
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
  audit_before = test_db_count (&w.t, "SELECT count(*) FROM audit");
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
  g_assert_cmpint (test_db_count (&w.t, "SELECT count(*) FROM audit"), ==, audit_before);

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

  /* a self-inspection does not do it; a back-check inspection of the unit does */
  {
    g_autoptr(RectifyInspection) self_check = rectify_inspection_new ();
    self_check->unit_id = w.unit;
    self_check->kind = RECTIFY_INSPECTION_SELF;
    self_check->date = g_strdup ("2026-07-01");
    g_assert_cmpint (rectify_store_add_inspection (w.t.store, self_check, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_cmpint (test_db_count (&w.t, "SELECT count(*) FROM scheduled_visit WHERE done_inspection_id IS NULL"), ==, 1);
  {
    gint64 back = add_inspection (&w, RECTIFY_INSPECTION_BACK_CHECK, "2026-07-02", &error);
    g_autoptr(RectifyScheduledVisit) done = NULL;

    g_assert_no_error (error);
    done = rectify_store_get_visit (w.t.store, visit, &error);
    g_assert_no_error (error);
    g_assert_cmpint (done->done_inspection_id, ==, back);
    g_assert_cmpstr (done->done_date, ==, "2026-07-02");
  }
  /* done visits stay on record */
  g_assert_false (rectify_store_cancel_visit (w.t.store, visit, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpint (count_visits (&w), ==, 1);
  g_assert_cmpint (test_db_count (&w.t, "SELECT count(*) FROM audit WHERE entity = 'scheduled_visit'"), ==, 2);
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
  g_assert_cmpint (test_db_count (&w.t, "SELECT count(*) FROM scheduled_visit WHERE done_inspection_id IS NULL"), ==, 1);
  add_inspection (&w, RECTIFY_INSPECTION_BUREAU, "2026-06-30", &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_db_count (&w.t, "SELECT count(*) FROM scheduled_visit WHERE done_inspection_id IS NULL"), ==, 0);

  /* once the campaign is archived its planned visits stay as they are */
  visit = rectify_store_schedule_visit (w.t.store, hazard, RECTIFY_VISIT_RE_INSPECTION, "2026-07-06", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_store_archive_campaign (w.t.store, w.campaign, &error));
  g_assert_no_error (error);
  g_assert_false (rectify_store_cancel_visit (w.t.store, visit, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_assert_cmpint (test_db_count (&w.t, "SELECT count(*) FROM scheduled_visit WHERE done_inspection_id IS NULL"), ==, 1);
  test_db_close (&w.t);
}

/* A file from before the visits, with a hazard on it, opens at the current
 * version and takes visits. */
static void
test_upgrade_from_v2 (void)
{
  World w;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) v2 = NULL;
  gint64 hazard;

  w.t.dir = g_dir_make_tmp ("rectify-test-XXXXXX", NULL);
  w.t.path = g_build_filename (w.t.dir, "old.db", NULL);
  v2 = rectify_store_open_at_version (w.t.path, RECTIFY_SCHEMA_SCHEDULED_VISIT - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rectify_store_get_schema_version (v2), ==, RECTIFY_SCHEMA_SCHEDULED_VISIT - 1);
  w.t.store = v2;
  world_fill (&w);
  hazard = register_hazard (&w, "2026-05-01");
  w.t.store = NULL;
  g_clear_object (&v2);
  g_assert_cmpint (test_db_count (&w.t, "SELECT count(*) FROM sqlite_schema WHERE name = 'scheduled_visit'"), ==, 0);

  w.t.store = rectify_store_open (w.t.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rectify_store_get_schema_version (w.t.store), ==, RECTIFY_SCHEMA_VERSION);
  g_assert_cmpint (test_db_count (&w.t, "PRAGMA user_version"), ==, RECTIFY_SCHEMA_VERSION);
  g_assert_cmpint (test_db_count (&w.t, "SELECT count(*) FROM hazard"), ==, 1);
  g_assert_cmpint (rectify_store_schedule_visit (w.t.store, hazard, RECTIFY_VISIT_RE_INSPECTION, "2026-07-01", NULL, &error), >, 0);
  g_assert_no_error (error);
  /* the schema refuses a visit of another unit than its hazard's, whatever program writes */
  {
    sqlite3 *db;
    g_autofree char *sql = g_strdup_printf ("INSERT INTO scheduled_visit (unit_id, hazard_id, kind, scheduled_on, due_date)"
                                            " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'back_check', '2026-06-30', '2026-07-01')",
                                            w.other_unit, hazard);
    g_assert_cmpint (sqlite3_open (w.t.path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), !=, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO scheduled_visit (unit_id, hazard_id, kind, scheduled_on, due_date)"
                                       " VALUES (1, 1, 'back_check', '2026-06-30', '2026-06-01')", NULL, NULL, NULL), !=, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_cmpint (count_visits (&w), ==, 1);
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

int
main (int argc, char **argv)
{
  g_setenv ("RECTIFY_TODAY", "2026-06-30", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schedule/back-check", test_back_check);
  g_test_add_func ("/schedule/re-inspection", test_re_inspection);
  g_test_add_func ("/schedule/upgrade-from-v2", test_upgrade_from_v2);
  g_test_add_func ("/schedule/inspection-list", test_inspection_list);
  return g_test_run ();
}
