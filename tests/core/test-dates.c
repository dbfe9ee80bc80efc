/* test-dates.c: dates that cannot lie, and the rules around them (issue 12)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Today is 2026-06-30 (RECTIFY_TODAY).  Each refusal leaves every row of
 * the store as it was (test_db_fingerprint) and names its field.
 */
#include "config.h"

#include <string.h>

#include "rectify-schedule.h"
#include "rectify-validate.h"
#include "rectify-workflow.h"
#include "test-util.h"

typedef struct
{
  TestDb t;
  gint64 manager, officer1, officer2, retired;
  gint64 unit, elevator, campaign, inspection;
} Dates;

static gint64
add_officer (Dates *d, const char *badge, const char *name, gboolean active)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RectifyOfficer) o = rectify_officer_new ();
  gint64 id;

  o->badge = g_strdup (badge);
  o->name = g_strdup (name);
  o->role = RECTIFY_ROLE_OFFICER;
  o->active = active;
  id = rectify_store_add_officer (d->t.store, o, &error);
  g_assert_no_error (error);
  return id;
}

static RectifyInspection *
new_inspection (Dates *d, gint64 campaign_id, RectifyInspectionKind kind, const char *date)
{
  RectifyInspection *in = rectify_inspection_new ();

  in->campaign_id = campaign_id;
  in->unit_id = d->unit;
  in->kind = kind;
  in->date = g_strdup (date);
  g_array_append_val (in->officer_ids, d->officer1);
  g_array_append_val (in->officer_ids, d->officer2);
  return in;
}

static gint64
add_inspection (Dates *d, gint64 campaign_id, RectifyInspectionKind kind, const char *date)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RectifyInspection) in = new_inspection (d, campaign_id, kind, date);
  gint64 id = rectify_store_add_inspection (d->t.store, in, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A campaign from 2026-04-01 for 60 days (to 2026-05-30), one unit with an
 * elevator, and a visit of 2026-04-10 by two officers. */
static void
dates_open (Dates *d)
{
  g_autoptr (GError) error = NULL;

  test_db_open (&d->t);
  d->manager = test_store_sign_in (d->t.store);
  test_store_set_up_bureau (d->t.store);
  d->officer1 = add_officer (d, "O-1", "黄晓东", TRUE);
  d->officer2 = add_officer (d, "O-2", "郑立新", TRUE);
  d->retired = add_officer (d, "O-9", "林退休", FALSE);
  {
    g_autoptr (RectifyUnit) u = rectify_unit_new ();
    char code[19] = "91350100000000001";

    code[17] = rectify_credit_code_check_char (code);
    code[18] = 0;
    u->credit_code = g_strdup (code);
    u->name = g_strdup ("鼓楼人民医院");
    d->unit = rectify_store_add_unit (d->t.store, u, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr (RectifyEquipment) e = rectify_equipment_new ();
    e->unit_id = d->unit;
    e->category = RECTIFY_CATEGORY_ELEVATOR;
    e->code = g_strdup ("311035010201600001");
    e->status = RECTIFY_EQUIPMENT_IN_USE;
    d->elevator = rectify_store_add_equipment (d->t.store, e, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr (RectifyCampaign) c = rectify_campaign_new ();
    c->name = g_strdup ("春季专项行动");
    c->start_date = g_strdup ("2026-04-01");
    c->days = 60;
    d->campaign = rectify_store_add_campaign (d->t.store, c, &error);
    g_assert_no_error (error);
  }
  d->inspection = add_inspection (d, d->campaign, RECTIFY_INSPECTION_BUREAU, "2026-04-10");
}

static RectifyHazard *
new_hazard (Dates *d, const char *found, gboolean five)
{
  RectifyHazard *h = rectify_hazard_new ();

  h->inspection_id = d->inspection;
  h->unit_id = d->unit;
  h->equipment_id = d->elevator;
  h->category = g_strdup ("inspection_overdue");
  h->grade = RECTIFY_GRADE_GENERAL;
  h->found_date = g_strdup (found);
  if (five)
    {
      h->content = g_strdup ("电梯超期未检");
      h->standard = g_strdup ("《特种设备安全法》第四十条");
      h->measures = g_strdup ("申报定期检验");
      h->deadline = g_strdup ("2026-05-10");
      h->responsible = g_strdup ("设备管理员");
    }
  return h;
}

static gint64
add_hazard (Dates *d, const char *found, gboolean five)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RectifyHazard) h = new_hazard (d, found, five);
  gint64 id = rectify_workflow_register (d->t.store, h, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
act (Dates *d, gint64 hazard, RectifyHazardAction action, const char *date, const char *note)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (
      rectify_workflow_act (d->t.store, hazard, action, 0, date, note, NULL, 0, &error));
  g_assert_no_error (error);
}

static gint64
issue (Dates *d, RectifyDocumentKind kind, gint64 hazard, const char *date, GError **error)
{
  return rectify_store_issue_document (d->t.store, kind, d->unit, d->campaign, date, &hazard, 1,
                                       error);
}

/* The refusal in *error has code and names field ("Date: …"; a refusal
 * of a state names its record, "Hazard 3 is …"); nothing changed since
 * before (a fingerprint of every row). */
static void
assert_refused (Dates *d, const char *before, GError **error, int code, const char *field)
{
  g_autofree char *after = test_db_fingerprint (&d->t);
  g_autofree char *record = g_strconcat (field, " ", NULL);

  g_assert_error (*error, RECTIFY_ERROR, code);
  if (!rectify_message_names_field ((*error)->message, field)
      && !(code == RECTIFY_ERROR_STATE && g_str_has_prefix ((*error)->message, record)
           && g_ascii_isdigit ((*error)->message[strlen (record)])))
    g_error ("“%s” does not name the field %s", (*error)->message, field);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (error);
}

static void
test_nothing_after_today (void)
{
  Dates d;
  g_autoptr (GError) error = NULL;
  g_autofree char *print = NULL;
  gint64 hazard, letter;

  dates_open (&d);
  hazard = add_hazard (&d, "2026-04-10", TRUE);
  letter = issue (&d, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, hazard, "2026-04-12", &error);
  g_assert_no_error (error);
  print = test_db_fingerprint (&d.t);

  /* finding */
  {
    g_autoptr (RectifyHazard) h = new_hazard (&d, "2026-07-01", FALSE);
    h->inspection_id = 0;
    g_assert_cmpint (rectify_workflow_register (d.t.store, h, NULL, &error), ==, 0);
    g_assert_nonnull (strstr (error->message, "2026-06-30"));
    assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Found on");
  }
  /* tracking, rectification and escalation events */
  g_assert_false (rectify_workflow_act (d.t.store, hazard, RECTIFY_ACTION_TRACK,
                                        RECTIFY_EVENT_TRACKING_SUPERVISION, "2026-07-01", "督促",
                                        NULL, 0, &error));
  assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Date");
  g_assert_false (rectify_workflow_act (d.t.store, hazard, RECTIFY_ACTION_RECTIFY, 0, "2026-07-01",
                                        NULL, NULL, 0, &error));
  assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Date");
  /* confirmation and rejection */
  act (&d, hazard, RECTIFY_ACTION_RECTIFY, "2026-04-20", "整改完成");
  g_free (print);
  print = test_db_fingerprint (&d.t);
  g_assert_false (rectify_workflow_act (d.t.store, hazard, RECTIFY_ACTION_CONFIRM, 0, "2026-07-01",
                                        NULL, NULL, 0, &error));
  assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Date");
  g_assert_false (rectify_workflow_act (d.t.store, hazard, RECTIFY_ACTION_REJECT, 0, "2027-01-01",
                                        "未整改到位", NULL, 0, &error));
  assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Date");
  /* inspection, outside any campaign so that only the date counts */
  {
    g_autoptr (RectifyInspection) in = new_inspection (&d, 0, RECTIFY_INSPECTION_BUREAU, "2026-07-01");
    g_assert_cmpint (rectify_store_add_inspection (d.t.store, in, &error), ==, 0);
    assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Date");
  }
  /* issue and void */
  g_assert_cmpint (issue (&d, RECTIFY_DOCUMENT_RECTIFICATION_OPINION, hazard, "2026-07-01", &error),
                   ==, 0);
  assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Date");
  g_assert_false (rectify_store_void_document_on (d.t.store, letter, "2026-07-01", "重新出具", &error));
  assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Void date");

  /* today itself is not after today */
  {
    g_autoptr (RectifyInspection) in = new_inspection (&d, 0, RECTIFY_INSPECTION_BUREAU, "2026-06-30");
    g_assert_cmpint (rectify_store_add_inspection (d.t.store, in, &error), >, 0);
    g_assert_no_error (error);
  }
  test_db_close (&d.t);
}

static void
test_confirmation_after_rectification (void)
{
  Dates d;
  g_autoptr (GError) error = NULL;
  g_autofree char *print = NULL;
  gint64 hazard;

  dates_open (&d);
  hazard = add_hazard (&d, "2026-04-10", TRUE);
  act (&d, hazard, RECTIFY_ACTION_RECTIFY, "2026-04-20", "整改完成");
  print = test_db_fingerprint (&d.t);

  g_assert_false (rectify_workflow_act (d.t.store, hazard, RECTIFY_ACTION_CONFIRM, 0, "2026-04-19",
                                        NULL, NULL, 0, &error));
  g_assert_nonnull (strstr (error->message, "2026-04-20"));
  assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Date");
  g_assert_false (rectify_workflow_act (d.t.store, hazard, RECTIFY_ACTION_REJECT, 0, "2026-04-15",
                                        "整改不到位", NULL, 0, &error));
  g_assert_nonnull (strstr (error->message, "2026-04-20"));
  assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Date");

  /* sent back on the day of the report, reported again, confirmed later:
   * the second report is the one judged */
  act (&d, hazard, RECTIFY_ACTION_REJECT, "2026-04-20", "整改不到位");
  act (&d, hazard, RECTIFY_ACTION_RECTIFY, "2026-05-02", "再次整改完成");
  g_free (print);
  print = test_db_fingerprint (&d.t);
  g_assert_false (rectify_workflow_act (d.t.store, hazard, RECTIFY_ACTION_CONFIRM, 0, "2026-04-25",
                                        NULL, NULL, 0, &error));
  g_assert_nonnull (strstr (error->message, "2026-05-02"));
  assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Date");
  act (&d, hazard, RECTIFY_ACTION_CONFIRM, "2026-05-02", "现场确认");
  {
    g_autoptr (RectifyHazard) h = rectify_store_get_hazard (d.t.store, hazard, &error);
    g_assert_no_error (error);
    g_assert_cmpint (h->status, ==, RECTIFY_HAZARD_CLOSED);
    g_assert_cmpstr (h->closed_date, ==, "2026-05-02");
  }
  test_db_close (&d.t);
}

static void
test_void_date (void)
{
  Dates d;
  g_autoptr (GError) error = NULL;
  g_autofree char *print = NULL;
  gint64 hazard, first, second;

  dates_open (&d);
  hazard = add_hazard (&d, "2026-04-10", TRUE);
  first = issue (&d, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, hazard, "2026-04-12", &error);
  g_assert_no_error (error);
  second = issue (&d, RECTIFY_DOCUMENT_RECTIFICATION_OPINION, hazard, "2026-04-12", &error);
  g_assert_no_error (error);
  print = test_db_fingerprint (&d.t);

  g_assert_false (rectify_store_void_document_on (d.t.store, first, "2026-04-11", "重新出具", &error));
  g_assert_nonnull (strstr (error->message, "2026-04-12"));
  assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Void date");
  g_assert_false (rectify_store_void_document_on (d.t.store, first, "2026-04-31", "重新出具", &error));
  assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Void date");

  /* back-dated, and the old call voids today */
  g_assert_true (rectify_store_void_document_on (d.t.store, first, "2026-04-20", "重新出具", &error));
  g_assert_no_error (error);
  g_assert_true (rectify_store_void_document (d.t.store, second, "内容有误", &error));
  g_assert_no_error (error);
  {
    g_autoptr (RectifyDocument) a = rectify_store_get_document (d.t.store, first, &error);
    g_autoptr (RectifyDocument) b = rectify_store_get_document (d.t.store, second, &error);
    g_assert_no_error (error);
    g_assert_cmpint (a->status, ==, RECTIFY_DOCUMENT_VOID);
    g_assert_cmpstr (a->void_date, ==, "2026-04-20");
    g_assert_cmpstr (a->void_reason, ==, "重新出具");
    g_assert_cmpstr (b->void_date, ==, "2026-06-30");
  }
  test_db_close (&d.t);
}

static void
test_numbers_follow_dates (void)
{
  Dates d;
  g_autoptr (GError) error = NULL;
  g_autofree char *print = NULL;
  g_autoptr (RectifyDocument) later = NULL;
  gint64 hazard, id;

  dates_open (&d);
  hazard = add_hazard (&d, "2026-04-10", TRUE);
  id = issue (&d, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, hazard, "2026-05-10", &error);
  g_assert_no_error (error);
  later = rectify_store_get_document (d.t.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (later->seq, ==, 1);
  print = test_db_fingerprint (&d.t);

  /* a back-dated letter would take number 2 before number 1's date */
  g_assert_cmpint (issue (&d, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, hazard, "2026-05-01", &error), ==,
                   0);
  g_assert_nonnull (strstr (error->message, "2026-05-10"));
  g_assert_nonnull (strstr (error->message, later->number));
  assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Date");
  /* a void letter keeps its number and its date */
  g_assert_true (rectify_store_void_document_on (d.t.store, id, "2026-05-11", "重新出具", &error));
  g_assert_no_error (error);
  g_free (print);
  print = test_db_fingerprint (&d.t);
  g_assert_cmpint (issue (&d, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, hazard, "2026-05-09", &error), ==,
                   0);
  assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Date");

  /* another kind has its own numbers; the same day or later is in order */
  g_assert_cmpint (issue (&d, RECTIFY_DOCUMENT_RECTIFICATION_OPINION, hazard, "2026-05-01", &error),
                   >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (issue (&d, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, hazard, "2026-05-10", &error), >,
                   0);
  g_assert_no_error (error);
  g_assert_cmpint (issue (&d, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, hazard, "2026-06-01", &error), >,
                   0);
  g_assert_no_error (error);
  {
    gint64 max_seq = 0;
    g_assert_cmpint (
        test_count_documents (d.t.store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, 2026, &max_seq, NULL),
        ==, 3);
    g_assert_cmpint (max_seq, ==, 3);
  }
  test_db_close (&d.t);
}

static void
test_campaign_days (void)
{
  Dates d;
  g_autoptr (GError) error = NULL;
  g_autofree char *print = NULL;
  g_autoptr (RectifyCampaign) c = NULL;

  dates_open (&d);
  print = test_db_fingerprint (&d.t);
  /* the day before its first and the day after its last */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (RectifyInspection) in = new_inspection (
          &d, d.campaign, RECTIFY_INSPECTION_BUREAU, i ? "2026-05-31" : "2026-03-31");
      g_assert_cmpint (rectify_store_add_inspection (d.t.store, in, &error), ==, 0);
      g_assert_nonnull (strstr (error->message, "春季专项行动"));
      g_assert_nonnull (strstr (error->message, "2026-05-30"));
      assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Date");
    }
  /* an edit cannot move a visit out either */
  {
    g_autoptr (RectifyInspection) in = rectify_store_get_inspection (d.t.store, d.inspection, &error);
    g_assert_no_error (error);
    g_free (in->date);
    in->date = g_strdup ("2026-06-01");
    g_assert_false (rectify_store_update_inspection (d.t.store, in, &error));
    assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Date");
  }
  add_inspection (&d, d.campaign, RECTIFY_INSPECTION_BUREAU, "2026-05-30");
  g_free (print);
  print = test_db_fingerprint (&d.t);

  /* the campaign's days cannot leave its visits (2026-04-10, 2026-05-30) outside */
  c = rectify_store_get_campaign (d.t.store, d.campaign, &error);
  g_assert_no_error (error);
  g_free (c->start_date);
  c->start_date = g_strdup ("2026-04-11");
  c->days = 50;
  g_assert_false (rectify_store_update_campaign (d.t.store, c, &error));
  g_assert_nonnull (strstr (error->message, "2026-04-10"));
  assert_refused (&d, print, &error, RECTIFY_ERROR_STATE, "Start date");
  g_free (c->start_date);
  c->start_date = g_strdup ("2026-04-01");
  c->days = 59;
  g_assert_false (rectify_store_update_campaign (d.t.store, c, &error));
  g_assert_nonnull (strstr (error->message, "2026-05-30"));
  assert_refused (&d, print, &error, RECTIFY_ERROR_STATE, "Length");
  /* earlier and longer holds them */
  g_free (c->start_date);
  c->start_date = g_strdup ("2026-04-10");
  c->days = 51;
  g_assert_true (rectify_store_update_campaign (d.t.store, c, &error));
  g_assert_no_error (error);
  test_db_close (&d.t);
}

static void
test_inspection_not_after_its_hazards (void)
{
  Dates d;
  g_autoptr (GError) error = NULL;
  g_autofree char *print = NULL;
  g_autoptr (RectifyInspection) in = NULL;
  gint64 early, late;

  dates_open (&d);
  late = add_hazard (&d, "2026-04-15", FALSE);
  early = add_hazard (&d, "2026-04-12", FALSE);
  in = rectify_store_get_inspection (d.t.store, d.inspection, &error);
  g_assert_no_error (error);
  print = test_db_fingerprint (&d.t);

  g_free (in->date);
  in->date = g_strdup ("2026-04-13");
  g_assert_false (rectify_store_update_inspection (d.t.store, in, &error));
  {
    g_autofree char *id = g_strdup_printf ("hazard %" G_GINT64_FORMAT " ", early);
    g_assert_nonnull (strstr (error->message, id));
    g_assert_nonnull (strstr (error->message, "2026-04-12"));
  }
  assert_refused (&d, print, &error, RECTIFY_ERROR_STATE, "Date");
  g_free (in->date);
  in->date = g_strdup ("2026-07-01");
  g_assert_false (rectify_store_update_inspection (d.t.store, in, &error));
  assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Date");

  /* the day of the first finding, or earlier, is fine */
  g_free (in->date);
  in->date = g_strdup ("2026-04-12");
  g_assert_true (rectify_store_update_inspection (d.t.store, in, &error));
  g_assert_no_error (error);
  g_assert_cmpint (late, >, 0);
  test_db_close (&d.t);
}

static RectifyScheduledVisit *
get_visit (Dates *d, gint64 id)
{
  g_autoptr (GError) error = NULL;
  RectifyScheduledVisit *v = rectify_store_get_visit (d->t.store, id, &error);

  g_assert_no_error (error);
  return v;
}

static void
test_back_check_by_edit (void)
{
  Dates d;
  g_autoptr (GError) error = NULL;
  g_autoptr (RectifyInspection) in = NULL;
  g_autoptr (RectifyScheduledVisit) v = NULL;
  gint64 hazard, visit, back;

  dates_open (&d);
  /* found and corrected on the spot; a back-check planned today, 2026-06-30 */
  hazard = add_hazard (&d, "2026-04-10", FALSE);
  act (&d, hazard, RECTIFY_ACTION_IMMEDIATE, "2026-04-10", "当场整改");
  visit = rectify_store_schedule_visit (d.t.store, hazard, RECTIFY_VISIT_BACK_CHECK, "2026-07-15",
                                        "回头看", &error);
  g_assert_no_error (error);

  /* a back-check dated before the plan does not do it */
  back = add_inspection (&d, 0, RECTIFY_INSPECTION_BACK_CHECK, "2026-06-29");
  v = get_visit (&d, visit);
  g_assert_cmpint (v->done_inspection_id, ==, 0);
  g_clear_pointer (&v, rectify_scheduled_visit_free);

  /* corrected to the planning day, it does */
  in = rectify_store_get_inspection (d.t.store, back, &error);
  g_assert_no_error (error);
  g_free (in->date);
  in->date = g_strdup ("2026-06-30");
  g_assert_true (rectify_store_update_inspection (d.t.store, in, &error));
  g_assert_no_error (error);
  v = get_visit (&d, visit);
  g_assert_cmpint (v->done_inspection_id, ==, back);
  g_assert_cmpstr (v->done_date, ==, "2026-06-30");
  g_assert_cmpint (test_audit_count (d.t.store, "scheduled_visit", "done"), ==, 1);
  test_db_close (&d.t);
}

static void
test_bureau_inspection_becomes_back_check (void)
{
  Dates d;
  g_autoptr (GError) error = NULL;
  g_autoptr (RectifyInspection) in = NULL;
  g_autoptr (RectifyScheduledVisit) v = NULL;
  gint64 hazard, visit, later;

  dates_open (&d);
  hazard = add_hazard (&d, "2026-04-10", FALSE);
  act (&d, hazard, RECTIFY_ACTION_IMMEDIATE, "2026-04-10", "当场整改");
  visit = rectify_store_schedule_visit (d.t.store, hazard, RECTIFY_VISIT_BACK_CHECK, "2026-07-15",
                                        NULL, &error);
  g_assert_no_error (error);
  /* a bureau inspection today does no back-check; corrected to one, it does */
  later = add_inspection (&d, 0, RECTIFY_INSPECTION_BUREAU, "2026-06-30");
  v = get_visit (&d, visit);
  g_assert_cmpint (v->done_inspection_id, ==, 0);
  g_clear_pointer (&v, rectify_scheduled_visit_free);
  in = rectify_store_get_inspection (d.t.store, later, &error);
  g_assert_no_error (error);
  in->kind = RECTIFY_INSPECTION_BACK_CHECK;
  g_assert_true (rectify_store_update_inspection (d.t.store, in, &error));
  g_assert_no_error (error);
  v = get_visit (&d, visit);
  g_assert_cmpint (v->done_inspection_id, ==, later);
  test_db_close (&d.t);
}

static void
test_immediate_states (void)
{
  Dates d;
  g_autoptr (GError) error = NULL;
  g_autofree char *print = NULL;
  gint64 open, rectifying, reported;

  dates_open (&d);
  open = add_hazard (&d, "2026-04-10", FALSE);
  rectifying = add_hazard (&d, "2026-04-10", TRUE);
  reported = add_hazard (&d, "2026-04-10", TRUE);
  act (&d, reported, RECTIFY_ACTION_RECTIFY, "2026-04-20", "整改完成");
  print = test_db_fingerprint (&d.t);

  /* reported rectified: the officer confirms it, not on the spot */
  g_assert_false (rectify_workflow_act (d.t.store, reported, RECTIFY_ACTION_IMMEDIATE, 0,
                                        "2026-04-21", NULL, NULL, 0, &error));
  assert_refused (&d, print, &error, RECTIFY_ERROR_STATE, "Hazard");
  act (&d, open, RECTIFY_ACTION_IMMEDIATE, "2026-04-10", "当场整改");
  act (&d, rectifying, RECTIFY_ACTION_IMMEDIATE, "2026-04-10", "当场整改");
  /* closed: nothing more */
  g_free (print);
  print = test_db_fingerprint (&d.t);
  g_assert_false (rectify_workflow_act (d.t.store, open, RECTIFY_ACTION_IMMEDIATE, 0, "2026-04-21",
                                        NULL, NULL, 0, &error));
  assert_refused (&d, print, &error, RECTIFY_ERROR_STATE, "Hazard");
  test_db_close (&d.t);
}

static void
test_unknown_equipment (void)
{
  Dates d;
  g_autoptr (GError) error = NULL;
  g_autofree char *print = NULL;

  dates_open (&d);
  print = test_db_fingerprint (&d.t);
  {
    g_autoptr (RectifyHazard) h = new_hazard (&d, "2026-04-10", FALSE);
    h->equipment_id = 999;
    g_assert_cmpint (rectify_workflow_register (d.t.store, h, NULL, &error), ==, 0);
    g_assert_cmpstr (error->message, ==, "Equipment: there is no equipment 999");
    assert_refused (&d, print, &error, RECTIFY_ERROR_NOT_FOUND, "Equipment");
  }
  {
    g_autoptr (RectifyInspection) in = new_inspection (&d, d.campaign, RECTIFY_INSPECTION_BUREAU,
                                                       "2026-04-11");
    RectifyCheckedEquipment ce = { 999, 1 };
    g_array_append_val (in->equipment, ce);
    g_assert_cmpint (rectify_store_add_inspection (d.t.store, in, &error), ==, 0);
    g_assert_cmpstr (error->message, ==, "Equipment: there is no equipment 999");
    assert_refused (&d, print, &error, RECTIFY_ERROR_NOT_FOUND, "Equipment");
  }
  test_db_close (&d.t);
}

static void
test_inactive_officer_not_present (void)
{
  Dates d;
  g_autoptr (GError) error = NULL;
  g_autofree char *print = NULL;
  g_autoptr (RectifyInspection) in = NULL;

  dates_open (&d);
  print = test_db_fingerprint (&d.t);
  in = new_inspection (&d, d.campaign, RECTIFY_INSPECTION_BUREAU, "2026-04-11");
  g_array_append_val (in->officer_ids, d.retired);
  g_assert_cmpint (rectify_store_add_inspection (d.t.store, in, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "林退休"));
  g_assert_nonnull (strstr (error->message, "O-9"));
  assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Officers present");

  /* one present then, inactive now, stays on the record when it is corrected */
  {
    g_autoptr (RectifyOfficer) o = rectify_store_get_officer (d.t.store, d.officer2, &error);
    g_autoptr (RectifyInspection) stored = NULL;

    g_assert_no_error (error);
    o->active = FALSE;
    g_assert_true (rectify_store_update_officer (d.t.store, o, &error));
    g_assert_no_error (error);
    stored = rectify_store_get_inspection (d.t.store, d.inspection, &error);
    g_assert_no_error (error);
    g_free (stored->note);
    stored->note = g_strdup ("补记检查情况");
    g_assert_true (rectify_store_update_inspection (d.t.store, stored, &error));
    g_assert_no_error (error);
    /* but is not added to another visit */
    g_clear_pointer (&in, rectify_inspection_free);
    in = new_inspection (&d, d.campaign, RECTIFY_INSPECTION_BUREAU, "2026-04-11");
    g_free (print);
    print = test_db_fingerprint (&d.t);
    g_assert_cmpint (rectify_store_add_inspection (d.t.store, in, &error), ==, 0);
    g_assert_nonnull (strstr (error->message, "郑立新"));
    assert_refused (&d, print, &error, RECTIFY_ERROR_INVALID, "Officers present");
  }
  test_db_close (&d.t);
}

static RectifyEquipmentStatus
elevator_status (Dates *d)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RectifyEquipment) e = rectify_store_get_equipment (d->t.store, d->elevator, &error);

  g_assert_no_error (error);
  return e->status;
}

static gboolean
can_lift (Dates *d, gint64 hazard, GError **error)
{
  g_autoptr (RectifyHazard) h = rectify_store_get_hazard (d->t.store, hazard, NULL);

  g_assert_nonnull (h);
  return rectify_workflow_can_lift_stop_use (d->t.store, h, error);
}

static void
test_lift_stop_use (void)
{
  Dates d;
  g_autoptr (GError) error = NULL;
  g_autofree char *print = NULL;
  gint64 hazard, other, plain;

  dates_open (&d);
  hazard = add_hazard (&d, "2026-04-10", TRUE);
  other = add_hazard (&d, "2026-04-10", TRUE);
  plain = add_hazard (&d, "2026-04-10", FALSE);
  g_assert_false (can_lift (&d, plain, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_clear_error (&error);

  act (&d, hazard, RECTIFY_ACTION_STOP_USE, "2026-04-11", "责令停止使用");
  g_assert_cmpint (elevator_status (&d), ==, RECTIFY_EQUIPMENT_STOPPED);
  print = test_db_fingerprint (&d.t);

  /* not before the hazard is closed */
  g_assert_false (can_lift (&d, hazard, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (rectify_workflow_lift_stop_use (d.t.store, hazard, &error));
  assert_refused (&d, print, &error, RECTIFY_ERROR_STATE, "Hazard");

  /* nor while another open hazard's order stands */
  act (&d, other, RECTIFY_ACTION_STOP_USE, "2026-04-12", "责令停止使用");
  act (&d, hazard, RECTIFY_ACTION_RECTIFY, "2026-04-20", "整改完成");
  act (&d, hazard, RECTIFY_ACTION_CONFIRM, "2026-04-22", "现场确认");
  g_free (print);
  print = test_db_fingerprint (&d.t);
  g_assert_false (rectify_workflow_lift_stop_use (d.t.store, hazard, &error));
  {
    g_autofree char *id = g_strdup_printf ("hazard %" G_GINT64_FORMAT ",", other);
    g_assert_nonnull (strstr (error->message, id));
  }
  assert_refused (&d, print, &error, RECTIFY_ERROR_STATE, "Equipment");

  act (&d, other, RECTIFY_ACTION_IMMEDIATE, "2026-04-23", "当场整改");
  g_assert_true (can_lift (&d, hazard, &error));
  g_assert_no_error (error);
  g_assert_true (rectify_workflow_lift_stop_use (d.t.store, hazard, &error));
  g_assert_no_error (error);
  g_assert_cmpint (elevator_status (&d), ==, RECTIFY_EQUIPMENT_IN_USE);
  g_assert_cmpint (test_audit_count (d.t.store, "equipment", "lift-stop-use"), ==, 1);
  g_assert_cmpint (test_audit_count (d.t.store, "hazard", "lift-stop-use"), ==, 1);
  {
    /* the entry holds the equipment as it was: stopped */
    g_autofree char *stopped = g_strdup_printf ("\"status\":%d", RECTIFY_EQUIPMENT_STOPPED);
    g_assert_cmpint (test_audit_count_before (d.t.store, "equipment", "lift-stop-use", stopped), ==,
                     1);
  }

  /* once lifted there is nothing to lift, by this hazard or the other */
  g_free (print);
  print = test_db_fingerprint (&d.t);
  g_assert_false (rectify_workflow_lift_stop_use (d.t.store, hazard, &error));
  assert_refused (&d, print, &error, RECTIFY_ERROR_STATE, "Equipment");
  g_assert_false (rectify_workflow_lift_stop_use (d.t.store, other, &error));
  assert_refused (&d, print, &error, RECTIFY_ERROR_STATE, "Equipment");
  test_db_close (&d.t);
}

int
main (int argc, char **argv)
{
  g_setenv ("RECTIFY_TODAY", "2026-06-30", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dates/nothing-after-today", test_nothing_after_today);
  g_test_add_func ("/dates/confirmation-after-rectification",
                   test_confirmation_after_rectification);
  g_test_add_func ("/dates/void-date", test_void_date);
  g_test_add_func ("/dates/numbers-follow-dates", test_numbers_follow_dates);
  g_test_add_func ("/dates/campaign-days", test_campaign_days);
  g_test_add_func ("/dates/inspection-not-after-its-hazards",
                   test_inspection_not_after_its_hazards);
  g_test_add_func ("/dates/back-check-by-edit", test_back_check_by_edit);
  g_test_add_func ("/dates/bureau-inspection-becomes-back-check",
                   test_bureau_inspection_becomes_back_check);
  g_test_add_func ("/dates/immediate-states", test_immediate_states);
  g_test_add_func ("/dates/unknown-equipment", test_unknown_equipment);
  g_test_add_func ("/dates/inactive-officer-not-present", test_inactive_officer_not_present);
  g_test_add_func ("/dates/lift-stop-use", test_lift_stop_use);
  return g_test_run ();
}
