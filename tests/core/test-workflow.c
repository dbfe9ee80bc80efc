/* test-workflow.c: the hazard life cycle, documents, figures and the audit chain
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rectify-demo.h"
#include "rectify-figures.h"
#include "rectify-validate.h"
#include "rectify-workflow.h"
#include "test-util.h"

typedef struct {
  TestDb t;
  gint64 officer1, officer2, manager, unit, other_unit, elevator, campaign, inspection;
} World;

static void
world_open (World *w)
{
  g_autoptr(GError) error = NULL;
  static const struct { const char *badge, *name; RectifyRole role; } people[3] = {
    { "O-1", "黄晓东", RECTIFY_ROLE_OFFICER }, { "O-2", "郑立新", RECTIFY_ROLE_OFFICER },
    { "M-1", "林建华", RECTIFY_ROLE_MANAGER },
  };
  gint64 ids[3];

  test_db_open (&w->t);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(RectifyOfficer) o = rectify_officer_new ();
      o->badge = g_strdup (people[i].badge);
      o->name = g_strdup (people[i].name);
      o->role = people[i].role;
      ids[i] = rectify_store_add_officer (w->t.store, o, &error);
      g_assert_no_error (error);
      /* the first officer needs nobody to act; the others are added by them */
      if (i == 0)
        g_assert_true (rectify_store_set_actor (w->t.store, ids[0], NULL));
    }
  w->officer1 = ids[0];
  w->officer2 = ids[1];
  w->manager = ids[2];
  /* the bureau is set up, as before its first letter */
  test_store_set_up_bureau (w->t.store);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(RectifyUnit) u = rectify_unit_new ();
      char code[19] = "9135010000000000";
      code[15] = '1' + i;
      code[16] = '0';
      code[17] = rectify_credit_code_check_char (code);
      code[18] = 0;
      u->credit_code = g_strdup (code);
      u->name = g_strdup (i ? "仓山物业管理有限公司" : "鼓楼人民医院");
      *(i ? &w->other_unit : &w->unit) = rectify_store_add_unit (w->t.store, u, &error);
      g_assert_no_error (error);
    }
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
    c->head_id = w->manager;
    w->campaign = rectify_store_add_campaign (w->t.store, c, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(RectifyInspection) in = rectify_inspection_new ();
    RectifyCheckedEquipment ce = { w->elevator, 1 };
    in->campaign_id = w->campaign;
    in->unit_id = w->unit;
    in->kind = RECTIFY_INSPECTION_BUREAU;
    in->date = g_strdup ("2026-04-01");
    g_array_append_val (in->officer_ids, w->officer1);
    g_array_append_val (in->officer_ids, w->officer2);
    g_array_append_val (in->equipment, ce);
    w->inspection = rectify_store_add_inspection (w->t.store, in, &error);
    g_assert_no_error (error);
  }
}

static gint64
register_hazard (World *w, RectifyHazardGrade grade, gboolean complete)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyHazard) h = rectify_hazard_new ();
  gint64 id;

  h->inspection_id = w->inspection;
  h->unit_id = w->unit;
  h->equipment_id = w->elevator;
  h->category = g_strdup ("inspection_overdue");
  h->grade = grade;
  h->found_date = g_strdup ("2026-04-01");
  h->content = g_strdup ("电梯超期未检");
  if (complete)
    {
      h->standard = g_strdup ("《特种设备安全法》第四十条");
      h->measures = g_strdup ("申报定期检验");
      h->deadline = g_strdup ("2026-04-20");
      h->responsible = g_strdup ("设备管理员");
    }
  id = rectify_workflow_register (w->t.store, h, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static RectifyHazardStatus
status_of (World *w, gint64 id)
{
  g_autoptr(RectifyHazard) h = rectify_store_get_hazard (w->t.store, id, NULL);
  return h->status;
}

static void
test_life_cycle (void)
{
  World w;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 h;
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  g_autoptr(GBytes) photo = g_bytes_new_static (png, sizeof png);
  RectifyNewAttachment evidence = { "/tmp/evidence.png", "image/png", photo };

  world_open (&w);
  h = register_hazard (&w, RECTIFY_GRADE_GENERAL, FALSE);
  g_assert_cmpint (status_of (&w, h), ==, RECTIFY_HAZARD_OPEN);

  /* cannot report rectified before the five implementations are set */
  before = test_db_fingerprint (&w.t);
  g_assert_false (rectify_workflow_act (w.t.store, h, RECTIFY_ACTION_RECTIFY, 0, "2026-04-10", NULL, NULL, 0, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, "standard"));
  g_assert_nonnull (strstr (error->message, "deadline"));
  g_clear_error (&error);
  /* nor confirm an open hazard */
  g_assert_true (rectify_store_set_actor (w.t.store, w.officer1, NULL));
  g_assert_false (rectify_workflow_act (w.t.store, h, RECTIFY_ACTION_CONFIRM, 0, NULL, NULL, NULL, 0, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_clear_error (&error);
  /* a deadline before the finding is refused */
  g_assert_false (rectify_workflow_implement (w.t.store, h, NULL, "法条", "措施", "2026-03-01", "张三", 0, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "Deadline"));
  g_clear_error (&error);
  after = test_db_fingerprint (&w.t);
  g_assert_cmpstr (before, ==, after);

  /* the five implementations: open -> rectifying */
  g_assert_true (rectify_workflow_implement (w.t.store, h, NULL, "《特种设备安全法》第四十条", "申报定期检验",
                                             "2026-04-20", "设备管理员", w.officer1, "三定", &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (&w, h), ==, RECTIFY_HAZARD_RECTIFYING);

  /* evidence must be a photo or a PDF */
  {
    g_autoptr(GBytes) text = g_bytes_new_static ("hello", 5);
    RectifyNewAttachment bad = { "notes.png", "image/png", text };
    g_assert_false (rectify_workflow_act (w.t.store, h, RECTIFY_ACTION_RECTIFY, 0, "2026-04-15", "done", &bad, 1, &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "notes.png"));
    g_clear_error (&error);
  }
  {
    gsize big = 20 * 1024 * 1024 + 1;
    guchar *data = g_malloc0 (big);
    g_autoptr(GBytes) huge = NULL;
    memcpy (data, "%PDF-1.4", 8);
    huge = g_bytes_new_take (data, big);
    RectifyNewAttachment bad = { "scan.pdf", "application/pdf", huge };
    g_assert_false (rectify_workflow_act (w.t.store, h, RECTIFY_ACTION_RECTIFY, 0, "2026-04-15", "done", &bad, 1, &error));
    g_assert_nonnull (strstr (error->message, "20 MB"));
    g_clear_error (&error);
  }
  g_assert_cmpint (status_of (&w, h), ==, RECTIFY_HAZARD_RECTIFYING);

  /* reported rectified with a photo */
  g_assert_true (rectify_workflow_act (w.t.store, h, RECTIFY_ACTION_RECTIFY, 0, "2026-04-15", "已检验合格",
                                       &evidence, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (&w, h), ==, RECTIFY_HAZARD_RECTIFIED);

  /* rejection needs a reason, then goes back to rectifying */
  g_assert_false (rectify_workflow_act (w.t.store, h, RECTIFY_ACTION_REJECT, 0, "2026-04-16", "", NULL, 0, &error));
  g_assert_true (g_str_has_prefix (error->message, "Note"));
  g_clear_error (&error);
  g_assert_true (rectify_workflow_act (w.t.store, h, RECTIFY_ACTION_REJECT, 0, "2026-04-16", "检验报告缺页", NULL, 0, &error));
  g_assert_cmpint (status_of (&w, h), ==, RECTIFY_HAZARD_RECTIFYING);
  g_assert_true (rectify_workflow_act (w.t.store, h, RECTIFY_ACTION_RECTIFY, 0, "2026-04-18", "补齐报告", NULL, 0, &error));

  /* confirmation is signed by an officer, as every change is */
  g_assert_true (rectify_store_set_actor (w.t.store, 0, NULL));
  {
    g_autoptr(RectifyHazard) reported = rectify_store_get_hazard (w.t.store, h, NULL);
    g_assert_false (rectify_workflow_can (w.t.store, reported, RECTIFY_ACTION_CONFIRM, NULL));
  }
  g_assert_false (rectify_workflow_act (w.t.store, h, RECTIFY_ACTION_CONFIRM, 0, "2026-04-19", NULL, NULL, 0, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NO_ACTOR);
  g_clear_error (&error);
  g_assert_true (rectify_store_set_actor (w.t.store, w.officer2, NULL));
  g_assert_true (rectify_workflow_act (w.t.store, h, RECTIFY_ACTION_CONFIRM, 0, "2026-04-19", "现场确认", NULL, 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RectifyHazard) closed = rectify_store_get_hazard (w.t.store, h, NULL);
    g_assert_cmpint (closed->status, ==, RECTIFY_HAZARD_CLOSED);
    g_assert_cmpstr (closed->closed_date, ==, "2026-04-19");
    g_assert_false (rectify_hazard_is_overdue (closed, "2026-12-31"));
    /* nothing more can happen to a closed hazard */
    g_assert_false (rectify_workflow_can (w.t.store, closed, RECTIFY_ACTION_TRACK, NULL));
    g_assert_false (rectify_workflow_can (w.t.store, closed, RECTIFY_ACTION_IMPLEMENT, NULL));
    g_assert_false (rectify_workflow_can (w.t.store, closed, RECTIFY_ACTION_CONFIRM, NULL));
  }

  events = rectify_store_list_hazard_events (w.t.store, h, &error);
  g_assert_no_error (error);
  {
    static const RectifyEventKind expected[] = {
      RECTIFY_EVENT_REGISTERED, RECTIFY_EVENT_IMPLEMENTED, RECTIFY_EVENT_RECTIFIED, RECTIFY_EVENT_REJECTED,
      RECTIFY_EVENT_RECTIFIED, RECTIFY_EVENT_CONFIRMED,
    };
    RectifyHazardEvent *ev;
    g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < events->len; i++)
      g_assert_cmpint (((RectifyHazardEvent *) g_ptr_array_index (events, i))->kind, ==, expected[i]);
    ev = g_ptr_array_index (events, 2);
    g_assert_cmpuint (ev->attachments->len, ==, 1);
    {
      RectifyAttachment *meta = g_ptr_array_index (ev->attachments, 0);
      g_autoptr(RectifyAttachment) a = rectify_store_get_attachment (w.t.store, meta->id, &error);
      g_assert_cmpstr (a->filename, ==, "evidence.png");
      g_assert_cmpstr (a->mime, ==, "image/png");
      g_assert_true (g_bytes_equal (a->data, photo));
    }
    ev = g_ptr_array_index (events, 5);
    g_assert_cmpint (ev->officer_id, ==, w.officer2);
    g_assert_cmpstr (ev->officer_name, ==, "郑立新");
  }
  test_db_close (&w.t);
}

static void
test_immediate_major_and_escalation (void)
{
  World w;
  g_autoptr(GError) error = NULL;
  gint64 general, major;

  world_open (&w);
  g_assert_true (rectify_store_set_actor (w.t.store, w.officer1, NULL));
  general = register_hazard (&w, RECTIFY_GRADE_GENERAL, FALSE);
  g_assert_true (rectify_workflow_act (w.t.store, general, RECTIFY_ACTION_IMMEDIATE, 0, "2026-04-01", "当场整改", NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (&w, general), ==, RECTIFY_HAZARD_CLOSED);

  major = register_hazard (&w, RECTIFY_GRADE_MAJOR, TRUE);
  g_assert_cmpint (status_of (&w, major), ==, RECTIFY_HAZARD_RECTIFYING);
  /* overdue is derived from the deadline */
  {
    g_autoptr(RectifyHazard) hz = rectify_store_get_hazard (w.t.store, major, NULL);
    g_assert_false (rectify_hazard_is_overdue (hz, "2026-04-20"));
    g_assert_true (rectify_hazard_is_overdue (hz, "2026-04-21"));
  }
  /* a major hazard cannot be closed before it is registered and reported */
  g_assert_false (rectify_workflow_act (w.t.store, major, RECTIFY_ACTION_IMMEDIATE, 0, "2026-04-02", "x", NULL, 0, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, "major"));
  g_clear_error (&error);
  g_assert_true (rectify_workflow_act (w.t.store, major, RECTIFY_ACTION_RECTIFY, 0, "2026-04-10", "done", NULL, 0, &error));
  g_assert_false (rectify_workflow_act (w.t.store, major, RECTIFY_ACTION_CONFIRM, 0, "2026-04-11", NULL, NULL, 0, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_clear_error (&error);

  /* escalations: the stop-use order stops the equipment */
  g_assert_false (rectify_workflow_act (w.t.store, major, RECTIFY_ACTION_PENALTY, 0, "2026-04-11", NULL, NULL, 0, &error));
  g_assert_true (g_str_has_prefix (error->message, "Note"));
  g_clear_error (&error);
  g_assert_true (rectify_workflow_act (w.t.store, major, RECTIFY_ACTION_STOP_USE, 0, "2026-04-11", "责令停止使用", NULL, 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RectifyEquipment) e = rectify_store_get_equipment (w.t.store, w.elevator, NULL);
    g_assert_cmpint (e->status, ==, RECTIFY_EQUIPMENT_STOPPED);
  }
  g_assert_true (rectify_workflow_act (w.t.store, major, RECTIFY_ACTION_MAJOR_REPORT, 0, "2026-04-11", "已登记并上报市局", NULL, 0, &error));
  g_assert_true (rectify_workflow_act (w.t.store, major, RECTIFY_ACTION_CONFIRM, 0, "2026-04-12", "确认", NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (&w, major), ==, RECTIFY_HAZARD_CLOSED);

  /* registration refuses what does not fit */
  {
    g_autoptr(RectifyHazard) h = rectify_hazard_new ();
    h->unit_id = w.other_unit;
    h->equipment_id = w.elevator;
    h->category = g_strdup ("inspection_overdue");
    h->found_date = g_strdup ("2026-04-01");
    g_assert_cmpint (rectify_workflow_register (w.t.store, h, NULL, &error), ==, 0);
    g_assert_true (g_str_has_prefix (error->message, "Equipment"));
    g_clear_error (&error);
    h->unit_id = w.unit;
    g_free (h->category);
    h->category = g_strdup ("no_such_category");
    g_assert_cmpint (rectify_workflow_register (w.t.store, h, NULL, &error), ==, 0);
    g_assert_true (g_str_has_prefix (error->message, "Category"));
    g_clear_error (&error);
  }
  test_db_close (&w.t);
}

static void
test_inspection_rules (void)
{
  World w;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyInspection) in = rectify_inspection_new ();
  g_autoptr(RectifyInspection) got = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RectifyCheck check = { RECTIFY_CHECK_EMERGENCY_PLAN, RECTIFY_RESULT_FAIL, g_strdup ("未演练") };
  gint64 id;

  world_open (&w);
  before = test_db_fingerprint (&w.t);
  in->unit_id = w.unit;
  in->kind = RECTIFY_INSPECTION_BUREAU;
  in->date = g_strdup ("2026-05-01");
  g_array_append_val (in->officer_ids, w.officer1);
  g_assert_cmpint (rectify_store_add_inspection (w.t.store, in, &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Officers present"));
  g_clear_error (&error);
  /* equipment of another unit */
  g_array_append_val (in->officer_ids, w.officer2);
  {
    g_autoptr(RectifyEquipment) e = rectify_equipment_new ();
    RectifyCheckedEquipment ce;
    e->unit_id = w.other_unit;
    e->category = RECTIFY_CATEGORY_GAS_CYLINDER;
    e->quantity = 30;
    ce.equipment_id = rectify_store_add_equipment (w.t.store, e, &error);
    ce.quantity = 3;
    g_free (before);
    before = test_db_fingerprint (&w.t);
    g_array_append_val (in->equipment, ce);
    g_assert_cmpint (rectify_store_add_inspection (w.t.store, in, &error), ==, 0);
    g_assert_true (g_str_has_prefix (error->message, "Equipment checked"));
    g_clear_error (&error);
    g_array_set_size (in->equipment, 0);
  }
  after = test_db_fingerprint (&w.t);
  g_assert_cmpstr (before, ==, after);

  g_array_append_val (in->checks, check);
  id = rectify_store_add_inspection (w.t.store, in, &error);
  g_assert_no_error (error);
  got = rectify_store_get_inspection (w.t.store, id, &error);
  g_assert_cmpuint (got->officer_ids->len, ==, 2);
  g_assert_cmpuint (got->checks->len, ==, 1);
  g_assert_cmpstr (g_array_index (got->checks, RectifyCheck, 0).remark, ==, "未演练");
  /* a self-inspection needs no officers */
  {
    g_autoptr(RectifyInspection) self = rectify_inspection_new ();
    self->unit_id = w.unit;
    self->kind = RECTIFY_INSPECTION_SELF;
    self->date = g_strdup ("2026-03-25");
    g_assert_cmpint (rectify_store_add_inspection (w.t.store, self, &error), >, 0);
    g_assert_no_error (error);
  }
  test_db_close (&w.t);
}

static void
test_documents (void)
{
  World w;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyDocument) doc = NULL;
  gint64 h, d1, d2, d3, found;

  world_open (&w);
  h = register_hazard (&w, RECTIFY_GRADE_GENERAL, TRUE);
  /* officers cannot issue */
  g_assert_true (rectify_store_set_actor (w.t.store, w.officer1, NULL));
  g_assert_cmpint (rectify_store_issue_document (w.t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, w.unit, 0,
                                                 "2026-04-02", &h, 1, &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (rectify_store_set_actor (w.t.store, w.manager, NULL));
  /* no hazards, or a hazard of another unit: no number consumed */
  g_assert_cmpint (rectify_store_issue_document (w.t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, w.unit, 0,
                                                 "2026-04-02", NULL, 0, &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Hazards"));
  g_clear_error (&error);
  g_assert_cmpint (rectify_store_issue_document (w.t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, w.other_unit, 0,
                                                 "2026-04-02", &h, 1, &error), ==, 0);
  g_clear_error (&error);

  {
    /* the number an issue would take, shown before it is confirmed */
    g_autofree char *next = rectify_store_next_document_number (w.t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER,
                                                                "2026-04-02", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (next, ==, "榕市监特指〔2026〕1号");
  }
  d1 = rectify_store_issue_document (w.t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, w.unit, 0, "2026-04-02", &h, 1, &error);
  g_assert_no_error (error);
  {
    g_autofree char *next = rectify_store_next_document_number (w.t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER,
                                                                "2026-04-03", &error);
    g_autofree char *other_year = rectify_store_next_document_number (
        w.t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, "2025-12-31", &error);
    g_assert_cmpstr (next, ==, "榕市监特指〔2026〕2号");
    g_assert_cmpstr (other_year, ==, "榕市监特指〔2025〕1号");
  }
  d2 = rectify_store_issue_document (w.t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, w.unit, 0, "2026-04-03", &h, 1, &error);
  d3 = rectify_store_issue_document (w.t.store, RECTIFY_DOCUMENT_RECTIFICATION_OPINION, w.unit, 0, "2026-04-03", &h, 1, &error);
  g_assert_no_error (error);
  doc = rectify_store_get_document (w.t.store, d2, &error);
  g_assert_cmpstr (doc->number, ==, "榕市监特指〔2026〕2号");
  g_assert_cmpint (doc->campaign_id, ==, w.campaign);  /* from the hazard */
  g_clear_pointer (&doc, rectify_document_free);
  doc = rectify_store_get_document (w.t.store, d3, &error);
  g_assert_cmpint (doc->seq, ==, 1);
  {
    g_autofree char *en = rectify_document_format_number ("X市监特指", 2026, 7, TRUE);
    g_assert_cmpstr (en, ==, "No. 7 [2026], X市监特指");
  }
  /* void keeps the number used */
  g_assert_false (rectify_store_void_document (w.t.store, d1, "", &error));
  g_clear_error (&error);
  g_assert_true (rectify_store_void_document (w.t.store, d1, "地址写错，重新出具", &error));
  g_assert_false (rectify_store_void_document (w.t.store, d1, "again", &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_clear_error (&error);
  {
    gint64 d4 = rectify_store_issue_document (w.t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, w.unit, 0, "2026-04-05", &h, 1, &error);
    g_autoptr(RectifyDocument) fourth = rectify_store_get_document (w.t.store, d4, &error);
    g_assert_cmpint (fourth->seq, ==, 3);
  }
  g_assert_true (rectify_store_find_document (w.t.store, "榕市监特指〔2026〕2号", &found, &error));
  g_assert_cmpint (found, ==, d2);
  test_db_close (&w.t);
}

/* Before the first-run setup (the sample's placeholders, or nothing) no
 * document is issued, no number taken; the setup refuses placeholders and
 * writes all of itself or nothing. */
static void
test_documents_need_setup (void)
{
  World w;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RectifyBureauSetup setup = { "福州市市场监督管理局", "鼓楼区", "X市监特指", "榕市监特整", "林建华", "zh_CN" };
  gint64 h, d;

  world_open (&w);
  h = register_hazard (&w, RECTIFY_GRADE_GENERAL, TRUE);
  g_assert_true (rectify_store_set_actor (w.t.store, w.manager, NULL));
  /* back to the sample's bureau name */
  g_assert_true (rectify_store_set_setting (w.t.store, "bureau-name", "X市市场监督管理局", &error));
  before = test_db_fingerprint (&w.t);
  g_assert_false (rectify_store_check_bureau_set_up (w.t.store, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_SET_UP);
  g_assert_nonnull (strstr (error->message, "Bureau name"));
  g_assert_null (strstr (error->message, "prefix"));
  g_clear_error (&error);
  g_assert_cmpint (rectify_store_issue_document (w.t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, w.unit, 0,
                                                 "2026-04-02", &h, 1, &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_SET_UP);
  g_clear_error (&error);

  /* the setup: a placeholder prefix, a missing field, the same prefix twice, brackets */
  g_assert_false (rectify_store_set_up_bureau (w.t.store, &setup, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  g_assert_true (rectify_message_names_field (error->message, "Number prefix of instruction letters"));
  g_clear_error (&error);
  setup.instruction_prefix = "榕市监特指";
  setup.district = "  ";
  g_assert_false (rectify_store_set_up_bureau (w.t.store, &setup, &error));
  g_assert_true (rectify_message_names_field (error->message, "District"));
  g_clear_error (&error);
  setup.district = "鼓楼区";
  setup.opinion_prefix = "榕市监特指";
  g_assert_false (rectify_store_set_up_bureau (w.t.store, &setup, &error));
  g_assert_true (rectify_message_names_field (error->message, "Number prefix of rectification opinions"));
  g_clear_error (&error);
  setup.opinion_prefix = "榕市监特整〔";
  g_assert_false (rectify_store_set_up_bureau (w.t.store, &setup, &error));
  g_assert_true (rectify_message_names_field (error->message, "Number prefix of rectification opinions"));
  g_clear_error (&error);
  setup.opinion_prefix = "榕市监特整";
  setup.document_language = "fr";
  g_assert_false (rectify_store_set_up_bureau (w.t.store, &setup, &error));
  g_assert_true (rectify_message_names_field (error->message, "Document language"));
  g_clear_error (&error);
  after = test_db_fingerprint (&w.t);
  g_assert_cmpstr (before, ==, after);

  setup.document_language = "en";
  g_assert_true (rectify_store_set_up_bureau (w.t.store, &setup, &error));
  g_assert_no_error (error);
  g_assert_true (rectify_store_check_bureau_set_up (w.t.store, &error));
  {
    RectifyBureauSetup now = { 0 };
    rectify_store_get_bureau_setup (w.t.store, &now);
    g_assert_cmpstr (now.bureau_name, ==, "福州市市场监督管理局");
    g_assert_cmpstr (now.district, ==, "鼓楼区");
    g_assert_cmpstr (now.signatory, ==, "林建华");
    g_assert_cmpstr (now.document_language, ==, "en");
    rectify_bureau_setup_clear (&now);
  }
  d = rectify_store_issue_document (w.t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, w.unit, 0, "2026-04-02", &h, 1,
                                    &error);
  g_assert_no_error (error);
  {
    g_autoptr(RectifyDocument) doc = rectify_store_get_document (w.t.store, d, &error);
    g_assert_cmpstr (doc->number, ==, "榕市监特指〔2026〕1号");
  }
  test_db_close (&w.t);
}

typedef struct {
  const char *path;
  gint64      manager;
  gint64      hazard;
  gint64      unit;
  int         issued;
} Issuer;

static gpointer
issue_many (gpointer data)
{
  Issuer *is = data;
  g_autoptr(RectifyStore) store = test_store_open (is->path, NULL);

  rectify_store_set_actor (store, is->manager, NULL);
  for (int i = 0; i < 25; i++)
    if (rectify_store_issue_document (store, RECTIFY_DOCUMENT_RECTIFICATION_OPINION, is->unit, 0,
                                      "2026-06-01", &is->hazard, 1, NULL))
      is->issued++;
  return NULL;
}

static void
test_gapless_concurrent (void)
{
  World w;
  Issuer a, b;
  GThread *ta, *tb;

  world_open (&w);
  a.path = b.path = w.t.path;
  a.manager = b.manager = w.manager;
  a.unit = b.unit = w.unit;
  a.hazard = b.hazard = register_hazard (&w, RECTIFY_GRADE_GENERAL, TRUE);
  a.issued = b.issued = 0;
  /* two connections, as two processes would have */
  ta = g_thread_new ("a", issue_many, &a);
  tb = g_thread_new ("b", issue_many, &b);
  g_thread_join (ta);
  g_thread_join (tb);
  g_assert_cmpint (a.issued + b.issued, ==, 50);
  {
    RectifyQuery q = RECTIFY_QUERY_INIT;
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) docs = NULL;
    g_autoptr(GHashTable) seqs = g_hash_table_new (NULL, NULL);
    int max_seq = 0;

    q.kind = RECTIFY_DOCUMENT_RECTIFICATION_OPINION;
    docs = rectify_store_list_documents (w.t.store, &q, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < docs->len; i++)
      {
        RectifyDocument *d = g_ptr_array_index (docs, i);
        g_hash_table_add (seqs, GINT_TO_POINTER (d->seq));
        max_seq = MAX (max_seq, d->seq);
      }
    g_assert_cmpuint (g_hash_table_size (seqs), ==, 50);
    g_assert_cmpint (max_seq, ==, 50);
  }
  test_db_close (&w.t);
}

static void
test_seed_figures (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyFigures) f = NULL;
  g_autoptr(RectifyFigures) before = NULL;
  g_autofree char *rate = NULL;
  gint64 campaign;
  static const struct { const char *code; gint64 n; } by_category[] = {
    { "inspection_overdue", 2 }, { "registration_outdated", 1 }, { "unlicensed_operator", 1 },
    { "files_incomplete", 1 }, { "emergency_plan", 0 },
  };

  test_db_open (&t);
  campaign = rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  f = rectify_figures_compute (t.store, campaign, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->as_of, ==, "2026-06-29");  /* the campaign's last day */
  g_assert_cmpint (f->officer_person_times, ==, 235);
  g_assert_cmpint (f->unit_inspections, >, 60);
  g_assert_cmpint (f->distinct_units, ==, 45);
  g_assert_cmpint (f->equipment_checks, >, 250);
  g_assert_cmpint (f->hazards_found, ==, 5);
  g_assert_cmpint (f->hazards_closed, ==, 4);
  g_assert_cmpint (f->instruction_letters, ==, 2);
  g_assert_cmpint (f->rectification_opinions, ==, 3);
  g_assert_cmpfloat_with_epsilon (f->rectification_rate, 0.8, 1e-9);
  rate = rectify_figures_format_rate (f->rectification_rate);
  g_assert_cmpstr (rate, ==, "80%");
  for (guint i = 0; i < G_N_ELEMENTS (by_category); i++)
    {
      RectifyFigureRow *row = g_ptr_array_index (f->hazards_by_category, i);
      g_assert_cmpstr (row->code, ==, by_category[i].code);
      g_assert_cmpint (row->count, ==, by_category[i].n);
    }
  /* the table by equipment category adds up to the equipment checks */
  {
    gint64 sum = 0;
    for (guint i = 0; i < f->checks_by_equipment_category->len; i++)
      sum += ((RectifyFigureRow *) g_ptr_array_index (f->checks_by_equipment_category, i))->count;
    g_assert_cmpint (sum, ==, f->equipment_checks);
  }
  /* the figures agree with the records behind them */
  {
    RectifyQuery q = RECTIFY_QUERY_INIT;
    g_autoptr(GPtrArray) visits = rectify_store_list_inspections (t.store, &q, NULL, &error);
    gint64 officers = 0, checked = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < visits->len; i++)
      {
        RectifyInspection *row = g_ptr_array_index (visits, i);
        g_autoptr(RectifyInspection) in = rectify_store_get_inspection (t.store, row->id, &error);
        g_assert_no_error (error);
        officers += in->officer_ids->len;
        if (in->kind != RECTIFY_INSPECTION_SELF)
          for (guint k = 0; k < in->equipment->len; k++)
            checked += g_array_index (in->equipment, RectifyCheckedEquipment, k).quantity;
      }
    g_assert_cmpint (f->officer_person_times, ==, officers);
    g_assert_cmpint (f->equipment_checks, ==, checked);
  }
  /* before the first inspection: zeros, not errors */
  before = rectify_figures_compute (t.store, campaign, "2026-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (before->officer_person_times, ==, 0);
  g_assert_cmpint (before->hazards_found, ==, 0);
  g_assert_cmpint (before->instruction_letters, ==, 0);
  g_assert_cmpfloat (before->rectification_rate, ==, 0.0);
  /* a voided letter no longer counts, from the day it was voided */
  {
    gint64 manager, doc;
    g_autoptr(RectifyFigures) later = NULL;
    g_assert_true (rectify_store_find_officer (t.store, "FZ-0101", &manager, NULL));
    g_assert_true (rectify_store_set_actor (t.store, manager, NULL));
    g_assert_true (rectify_store_find_document (t.store, "X市监特指〔2026〕1号", &doc, &error));
    g_assert_true (rectify_store_void_document (t.store, doc, "重新出具", &error));
    later = rectify_figures_compute (t.store, campaign, "2026-12-31", &error);
    g_assert_cmpint (later->instruction_letters, ==, 1);
  }
  g_assert_null (rectify_figures_compute (t.store, campaign, "June", &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  test_db_close (&t);
}


int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("RECTIFY_TODAY", "2026-11-28", TRUE);
  g_test_add_func ("/workflow/life-cycle", test_life_cycle);
  g_test_add_func ("/workflow/immediate-major-escalation", test_immediate_major_and_escalation);
  g_test_add_func ("/workflow/inspection-rules", test_inspection_rules);
  g_test_add_func ("/documents/numbers", test_documents);
  g_test_add_func ("/documents/need-setup", test_documents_need_setup);
  g_test_add_func ("/documents/gapless-concurrent", test_gapless_concurrent);
  g_test_add_func ("/figures/seed", test_seed_figures);
  return g_test_run ();
}
