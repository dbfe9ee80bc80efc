/* test-hazard-query.c: the lazy hazard list: filters, search, order, rows by id
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rectify-validate.h"
#include "rectify-workflow.h"
#include "test-util.h"

typedef struct {
  TestDb t;
  gint64 officer;
  gint64 hospital, estate;
  gint64 campaign;
  gint64 h[6];
} World;

static gint64
add_unit (World *w, const char *name, char digit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyUnit) u = rectify_unit_new ();
  char code[19] = "9135010000000000";
  gint64 id;

  code[15] = digit;
  code[16] = '0';
  code[17] = rectify_credit_code_check_char (code);
  code[18] = 0;
  u->credit_code = g_strdup (code);
  u->name = g_strdup (name);
  id = rectify_store_add_unit (w->t.store, u, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_hazard (World *w, gint64 unit, const char *category, RectifyHazardGrade grade,
            const char *content, const char *deadline, gboolean complete, gint64 campaign)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyHazard) h = rectify_hazard_new ();
  gint64 id;

  h->unit_id = unit;
  h->campaign_id = campaign;
  h->category = g_strdup (category);
  h->grade = grade;
  h->found_date = g_strdup ("2026-06-01");
  h->content = g_strdup (content);
  h->deadline = g_strdup (deadline);
  if (complete)
    {
      h->standard = g_strdup ("《特种设备安全法》第四十条");
      h->measures = g_strdup ("申报定期检验");
      h->responsible = g_strdup ("设备管理员");
      h->supervisor_id = w->officer;
    }
  id = rectify_workflow_register (w->t.store, h, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
world_open (World *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyOfficer) o = rectify_officer_new ();
  g_autoptr(RectifyCampaign) c = rectify_campaign_new ();

  test_db_open (&w->t);
  o->badge = g_strdup ("O-1");
  o->name = g_strdup ("黄晓东");
  o->role = RECTIFY_ROLE_OFFICER;
  w->officer = rectify_store_add_officer (w->t.store, o, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_store_set_actor (w->t.store, w->officer, NULL));
  c->name = g_strdup ("百日安全行动");
  c->start_date = g_strdup ("2026-03-22");
  w->campaign = rectify_store_add_campaign (w->t.store, c, &error);
  g_assert_no_error (error);
  w->hospital = add_unit (w, "鼓楼人民医院", '1');
  w->estate = add_unit (w, "仓山物业管理有限公司", '2');

  /* as of 2026-06-30: h0 overdue, h1 due in 3 days, h2 due in 7, h3 in 8,
   * h4 overdue but closed, h5 has no deadline */
  w->h[0] = add_hazard (w, w->hospital, "inspection_overdue", RECTIFY_GRADE_GENERAL, "电梯超期未检", "2026-06-20", TRUE, w->campaign);
  w->h[1] = add_hazard (w, w->hospital, "equipment_defect", RECTIFY_GRADE_MAJOR, "锅炉安全阀失效", "2026-07-03", TRUE, w->campaign);
  w->h[2] = add_hazard (w, w->estate, "inspection_overdue", RECTIFY_GRADE_GENERAL, "电梯维保记录缺失", "2026-07-07", FALSE, 0);
  w->h[3] = add_hazard (w, w->estate, "files_incomplete", RECTIFY_GRADE_GENERAL, "Boiler records missing", "2026-07-08", FALSE, w->campaign);
  w->h[4] = add_hazard (w, w->estate, "inspection_overdue", RECTIFY_GRADE_GENERAL, "起重机超期未检", "2026-06-10", TRUE, 0);
  w->h[5] = add_hazard (w, w->hospital, "other", RECTIFY_GRADE_GENERAL, "应急预案未演练", NULL, FALSE, 0);
  g_assert_true (rectify_workflow_act (w->t.store, w->h[4], RECTIFY_ACTION_IMMEDIATE, 0, "2026-06-05",
                                       NULL, NULL, 0, &error));
  g_assert_no_error (error);
}

static GArray *
ids_of (World *w, const RectifyQuery *q)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = rectify_store_query_hazard_ids (w->t.store, q, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

/* The ids in order, as "1 2 3", easy to compare. */
static char *
ids_text (World *w, const RectifyQuery *q)
{
  g_autoptr(GArray) ids = ids_of (w, q);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      for (guint j = 0; j < G_N_ELEMENTS (w->h); j++)
        if (w->h[j] == id)
          g_string_append_printf (out, "%sh%u", out->len ? " " : "", j);
    }
  return g_string_free (out, FALSE);
}

#define ASSERT_IDS(w, q, expected)                    \
  G_STMT_START {                                      \
    g_autofree char *got_ = ids_text ((w), (q));      \
    g_assert_cmpstr (got_, ==, (expected));           \
  } G_STMT_END

static void
test_filters (void)
{
  World w = { 0 };
  RectifyQuery q = RECTIFY_QUERY_INIT;

  world_open (&w);
  q.as_of = "2026-06-30";

  ASSERT_IDS (&w, &q, "h0 h1 h2 h3 h4 h5");
  q.status = RECTIFY_HAZARD_RECTIFYING;
  ASSERT_IDS (&w, &q, "h0 h1");
  q.status = RECTIFY_HAZARD_OPEN;
  ASSERT_IDS (&w, &q, "h2 h3 h5");
  q.status = RECTIFY_HAZARD_CLOSED;
  ASSERT_IDS (&w, &q, "h4");
  q.status = -1;

  q.grade = RECTIFY_GRADE_MAJOR;
  ASSERT_IDS (&w, &q, "h1");
  q.grade = -1;

  q.hazard_category = "inspection_overdue";
  ASSERT_IDS (&w, &q, "h0 h2 h4");
  q.hazard_category = NULL;

  q.campaign_id = w.campaign;
  ASSERT_IDS (&w, &q, "h0 h1 h3");
  q.campaign_id = 0;

  q.unit_id = w.estate;
  ASSERT_IDS (&w, &q, "h2 h3 h4");
  q.unit_id = 0;

  /* overdue: not closed and the deadline passed; h4 is closed */
  q.overdue = TRUE;
  ASSERT_IDS (&w, &q, "h0");
  q.as_of = "2026-07-08";
  ASSERT_IDS (&w, &q, "h0 h1 h2");
  q.as_of = "2026-06-30";
  q.overdue = FALSE;

  /* due within 7 days: from the day itself to seven days on */
  q.due_within_days = 7;
  ASSERT_IDS (&w, &q, "h1 h2");
  q.as_of = "2026-07-03";
  ASSERT_IDS (&w, &q, "h1 h2 h3");
  q.as_of = "2026-06-30";

  /* filters combine */
  q.hazard_category = "inspection_overdue";
  ASSERT_IDS (&w, &q, "h2");
  q.hazard_category = NULL;
  q.due_within_days = 0;

  test_db_close (&w.t);
}

static void
test_search_and_order (void)
{
  World w = { 0 };
  RectifyQuery q = RECTIFY_QUERY_INIT;

  world_open (&w);

  /* two-character Chinese words, through the index */
  q.search = "电梯";
  ASSERT_IDS (&w, &q, "h0 h2");
  q.search = "超期";
  ASSERT_IDS (&w, &q, "h0 h4");
  q.search = "boiler";
  ASSERT_IDS (&w, &q, "h3");
  /* the unit's name finds its hazards */
  q.search = "医院";
  ASSERT_IDS (&w, &q, "h0 h1 h5");
  q.search = "仓山物业";
  ASSERT_IDS (&w, &q, "h2 h3 h4");
  /* the responsible person is searched too */
  q.search = "管理员";
  ASSERT_IDS (&w, &q, "h0 h1 h4");
  q.search = "没有这样的词";
  ASSERT_IDS (&w, &q, "");
  q.search = NULL;

  /* no deadline sorts first, ties by id */
  q.sort = "deadline";
  ASSERT_IDS (&w, &q, "h5 h4 h0 h1 h2 h3");
  q.descending = TRUE;
  ASSERT_IDS (&w, &q, "h3 h2 h1 h0 h4 h5");
  q.descending = FALSE;
  q.sort = "unit";
  ASSERT_IDS (&w, &q, "h2 h3 h4 h0 h1 h5");
  q.sort = "supervisor";
  ASSERT_IDS (&w, &q, "h2 h3 h5 h0 h1 h4");
  q.sort = "grade";
  ASSERT_IDS (&w, &q, "h0 h2 h3 h4 h5 h1");
  q.sort = "status";
  ASSERT_IDS (&w, &q, "h4 h2 h3 h5 h0 h1");

  test_db_close (&w.t);
}

static void
test_bad_queries (void)
{
  World w = { 0 };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  world_open (&w);

  q.sort = "colour";
  ids = rectify_store_query_hazard_ids (w.t.store, &q, &error);
  g_assert_null (ids);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  g_assert_true (rectify_message_names_field (error->message, "Sort"));
  g_clear_error (&error);
  q.sort = NULL;

  q.as_of = "2026-02-30";
  ids = rectify_store_query_hazard_ids (w.t.store, &q, &error);
  g_assert_null (ids);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  g_assert_true (rectify_message_names_field (error->message, "As of"));
  g_clear_error (&error);
  q.as_of = NULL;

  q.due_within_days = -3;
  ids = rectify_store_query_hazard_ids (w.t.store, &q, &error);
  g_assert_null (ids);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  g_clear_error (&error);

  test_db_close (&w.t);
}

static void
test_rows_by_ids (void)
{
  World w = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(RectifyHazard) single = NULL;
  gint64 ids[4];
  RectifyHazard *h;

  world_open (&w);
  ids[0] = w.h[3];
  ids[1] = 999999;  /* not there: left out */
  ids[2] = w.h[0];
  ids[3] = w.h[4];
  rows = rectify_store_get_hazards_by_ids (w.t.store, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (((RectifyHazard *) rows->pdata[0])->id, ==, w.h[3]);
  g_assert_cmpint (((RectifyHazard *) rows->pdata[1])->id, ==, w.h[0]);
  g_assert_cmpint (((RectifyHazard *) rows->pdata[2])->id, ==, w.h[4]);

  /* the row is the record get_hazard reads */
  h = rows->pdata[1];
  single = rectify_store_get_hazard (w.t.store, w.h[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (h->unit_name, ==, "鼓楼人民医院");
  g_assert_cmpstr (h->content, ==, single->content);
  g_assert_cmpstr (h->deadline, ==, "2026-06-20");
  g_assert_cmpint (h->supervisor_id, ==, w.officer);
  g_assert_cmpint (h->status, ==, RECTIFY_HAZARD_RECTIFYING);
  g_assert_cmpint (h->campaign_id, ==, w.campaign);
  h = rows->pdata[2];
  g_assert_cmpint (h->status, ==, RECTIFY_HAZARD_CLOSED);
  g_assert_cmpstr (h->closed_date, ==, "2026-06-05");

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rectify_store_get_hazards_by_ids (w.t.store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);

  test_db_close (&w.t);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hazard-query/filters", test_filters);
  g_test_add_func ("/hazard-query/search-and-order", test_search_and_order);
  g_test_add_func ("/hazard-query/bad-queries", test_bad_queries);
  g_test_add_func ("/hazard-query/rows-by-ids", test_rows_by_ids);
  return g_test_run ();
}
