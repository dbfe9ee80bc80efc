/* test-world.h: a small world of officers, two units, an elevator, a
 * campaign and an inspection, for the schedule tests and their upgrade test
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-schedule.h"
#include "rectify-workflow.h"
#include "rectify-validate.h"
#include "test-util.h"

typedef struct {
  TestDb t;
  gint64 officer1, officer2, unit, other_unit, elevator, campaign, inspection;
} World;

static inline gint64
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

static inline gint64
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

static inline void
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
      /* the first officer needs nobody to act; the second is added by them */
      if (i == 0)
        g_assert_true (rectify_store_set_actor (w->t.store, w->officer1, NULL));
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
    c->days = 200; /* its visits run into July: a visit falls within its campaign's days */
    w->campaign = rectify_store_add_campaign (w->t.store, c, &error);
    g_assert_no_error (error);
  }
  w->inspection = add_inspection (w, RECTIFY_INSPECTION_BUREAU, "2026-04-01", &error);
  g_assert_no_error (error);
}

static inline gint64
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

/* Planned visits: status 0 pending, 1 done, -1 all. */
static inline gint64
count_visits_of (World *w, int status)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 total = -1;

  q.status = status;
  rows = rectify_store_list_visits (w->t.store, &q, &total, &error);
  g_assert_no_error (error);
  return total;
}

static inline gint64
count_visits (World *w)
{
  return count_visits_of (w, -1);
}
