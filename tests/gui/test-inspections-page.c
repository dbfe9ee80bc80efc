/* test-inspections-page.c: an inspection from the form to its hazard, back-checks, under Xvfb
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-application.h"
#include "rectify-figures.h"
#include "rectify-format.h"
#include "rectify-hazard-dialog.h"
#include "rectify-inspection-dialog.h"
#include "rectify-inspection-query.h"
#include "rectify-inspections-page.h"
#include "rectify-record-list.h"
#include "rectify-schedule.h"
#include "rectify-units-page.h"
#include "rectify-validate.h"
#include "rectify-visit-dialog.h"
#include "rectify-workflow.h"
#include "test-gui-util.h"
#include "test-util.h"

typedef struct {
  char         *dir;
  char         *db;
  RectifyStore *store;
  GtkWindow    *window;
  GtkWidget    *page;
  gint64        officer1, officer2, unit, elevator, cylinders, campaign;
} Fixture;

/* A widget by the name the form gives it (checklist answers and remarks). */
static gboolean
match_name (GtkWidget    *widget,
            gconstpointer data)
{
  return gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

static void
fill_world (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  static const char *const names[3] = { "黄晓东", "郑立新", "林建华" };

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(RectifyOfficer) o = rectify_officer_new ();
      gint64 id;

      o->badge = g_strdup_printf ("O-%d", i + 1);
      o->name = g_strdup (names[i]);
      o->role = RECTIFY_ROLE_OFFICER;
      id = rectify_store_add_officer (fixture->store, o, &error);
      g_assert_no_error (error);
      /* the first officer needs nobody to act; they add the rest */
      if (i == 0)
        g_assert_true (rectify_store_set_actor (fixture->store, id, NULL));
      if (i == 0)
        fixture->officer1 = id;
      else if (i == 1)
        fixture->officer2 = id;
    }
  {
    g_autoptr(RectifyUnit) u = rectify_unit_new ();
    char code[19] = "91350100000000010";
    code[17] = rectify_credit_code_check_char (code);
    code[18] = 0;
    u->credit_code = g_strdup (code);
    u->name = g_strdup ("鼓楼人民医院");
    u->district = g_strdup ("鼓楼区");
    fixture->unit = rectify_store_add_unit (fixture->store, u, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(RectifyEquipment) e = rectify_equipment_new ();
    e->unit_id = fixture->unit;
    e->category = RECTIFY_CATEGORY_ELEVATOR;
    e->code = g_strdup ("311035010201600001");
    fixture->elevator = rectify_store_add_equipment (fixture->store, e, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(RectifyEquipment) e = rectify_equipment_new ();
    e->unit_id = fixture->unit;
    e->category = RECTIFY_CATEGORY_GAS_CYLINDER;
    e->code = g_strdup ("230035010201600002");
    e->quantity = 40;
    fixture->cylinders = rectify_store_add_equipment (fixture->store, e, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(RectifyCampaign) c = rectify_campaign_new ();
    c->name = g_strdup ("百日安全行动");
    c->start_date = g_strdup ("2026-06-01");
    fixture->campaign = rectify_store_add_campaign (fixture->store, c, &error);
    g_assert_no_error (error);
  }
}

static void
fixture_open (Fixture *fixture,
              gboolean units_page)
{
  adw_init ();
  fixture->store = temp_store_open (&fixture->dir, &fixture->db, FALSE);
  fill_world (fixture);
  fixture->page = units_page ? rectify_units_page_new (fixture->store)
                             : rectify_inspections_page_new (fixture->store);
  page_window_present (fixture->page, &fixture->window);
}

static void
fixture_close (Fixture *fixture)
{
  page_window_close (&fixture->window, fixture->store, fixture->dir, fixture->db);
}

/* How many inspections of kind (-1 any) the store holds, through the API. */
static gint64
n_inspections (Fixture *fixture, int kind)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 total = -1;

  q.kind = kind;
  rows = rectify_store_list_inspections (fixture->store, &q, &total, &error);
  g_assert_no_error (error);
  return total;
}

/* How many hazards the store holds; last (when not NULL) the newest id. */
static gint64
n_hazards (Fixture *fixture, gint64 *last)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rectify_store_list_hazards (fixture->store, &q, NULL, &error);

  g_assert_no_error (error);
  if (last)
    {
      *last = 0;
      for (guint i = 0; i < rows->len; i++)
        *last = MAX (*last, ((RectifyHazard *) g_ptr_array_index (rows, i))->id);
    }
  return rows->len;
}

/* How many open equipment-defect hazards name a piece of equipment. */
static gint64
n_open_equipment_defects (Fixture *fixture)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rectify_store_list_hazards (fixture->store, &q, NULL, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      RectifyHazard *h = g_ptr_array_index (rows, i);
      n += g_strcmp0 (h->category, "equipment_defect") == 0 && h->equipment_id != 0 && h->status == RECTIFY_HAZARD_OPEN;
    }
  return n;
}

/* How many visits are scheduled (pending_only: still to do); due (when not
 * NULL): the id of the pending one due that day, 0 when none. */
static gint64
n_visits (Fixture *fixture, gboolean pending_only, const char *due, gint64 *id)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  q.status = pending_only ? 0 : -1;
  rows = rectify_store_list_visits (fixture->store, &q, NULL, &error);
  g_assert_no_error (error);
  if (id)
    {
      *id = 0;
      for (guint i = 0; i < rows->len; i++)
        {
          RectifyScheduledVisit *v = g_ptr_array_index (rows, i);
          if (v->done_inspection_id == 0 && g_strcmp0 (v->due_date, due) == 0)
            *id = v->id;
        }
    }
  return rows->len;
}

/* Every row of the store (an inspection's, its hazards', the audit): equal
 * before and after a refused or cancelled save (the fixture asks the
 * backend). */
static char *
inspection_rows (Fixture *fixture)
{
  return test_store_checksum (fixture->db);
}

static void
activate_row (GtkWidget  *root,
              const char *title)
{
  GtkWidget *row = require_widget (root, match_row, title, "row");

  g_assert_true (ADW_IS_ACTION_ROW (row));
  adw_action_row_activate (ADW_ACTION_ROW (row));
}

static void
choose_unit (GtkWidget  *dialog,
             const char *search,
             const char *name)
{
  GtkWidget *entry = require_widget (dialog, match_search_entry, NULL, "unit search");
  GtkWidget *row;

  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  row = wait_for_widget (dialog, match_row, name, "the unit among the search results");
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  drain_main_context ();
}

static void
answer (GtkWidget  *dialog,
        const char *item,
        const char *result)
{
  g_autofree char *name = g_strdup_printf ("check-%s-%s", item, result);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (require_widget (dialog, match_name, name, "checklist answer")),
                                TRUE);
}

/* Cleared when the window goes. */
static void
watch (GtkWidget **window)
{
  g_object_add_weak_pointer (G_OBJECT (*window), (gpointer *) window);
}

static gint64
figure_of (GPtrArray  *rows,
           const char *code)
{
  for (guint i = 0; i < rows->len; i++)
    {
      RectifyFigureRow *r = g_ptr_array_index (rows, i);
      if (g_strcmp0 (r->code, code) == 0)
        return r->count;
    }
  return -1;
}

/* ---- the cases ---------------------------------------------------------------- */

static void
run_record_bureau_inspection (void)
{
  Fixture fixture = { 0 };
  GtkWidget *dialog, *hazard_dialog, *cylinders_spin;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyFigures) figures = NULL;
  g_autoptr(RectifyInspection) stored = NULL;
  g_autoptr(RectifyHazard) hazard = NULL;
  GListModel *model;
  gint64 inspection_id, hazard_id;

  fixture_open (&fixture, FALSE);
  model = rectify_list_page_get_model (RECTIFY_LIST_PAGE (RECTIFY_INSPECTIONS_PAGE (fixture.page)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  require_widget (GTK_WIDGET (fixture.window), match_label, "0 inspections", "count");

  g_assert_true (gtk_widget_activate_action (fixture.page, "page.new", NULL));
  dialog = wait_for_toplevel (RECTIFY_TYPE_INSPECTION_DIALOG, "the inspection form");
  watch (&dialog);
  /* the campaign under way today is chosen, the kind is a bureau inspection */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (dialog, match_row, "Date (YYYY-MM-DD)", "date"))),
                   ==, "2026-06-30");
  choose_unit (dialog, "人民", "鼓楼人民医院");
  /* the acting officer, 黄晓东, is present already */
  activate_row (dialog, "郑立新");
  /* the unit's equipment is offered: the elevator, and 25 of 40 cylinders */
  activate_row (dialog, "311035010201600001");
  activate_row (dialog, "230035010201600002");
  cylinders_spin = require_widget (dialog, match_type, GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON), "cylinder quantity");
  g_assert_true (gtk_widget_is_sensitive (cylinders_spin));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cylinders_spin), 25);
  answer (dialog, "management_body", "pass");
  answer (dialog, "responsible_persons", "pass");
  answer (dialog, "rules", "pass");
  answer (dialog, "registration", "pass");
  answer (dialog, "operator_licences", "fail");
  answer (dialog, "periodic_inspection", "pass");
  answer (dialog, "emergency_plan", "pass");
  answer (dialog, "plan_drilled", "na");
  gtk_editable_set_text (GTK_EDITABLE (require_widget (dialog, match_name, "operator_licences", "remark")),
                         "锅炉房司炉工无证上岗");
  click (require_widget (dialog, match_button, "Save", "save button"));
  drain_main_context ();

  /* one visit written, with what the form had */
  g_assert_cmpint (n_inspections (&fixture, -1), ==, 1);
  inspection_id = rectify_inspection_dialog_get_inspection_id (RECTIFY_INSPECTION_DIALOG (dialog));
  g_assert_cmpint (inspection_id, >, 0);
  stored = rectify_store_get_inspection (fixture.store, inspection_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->kind, ==, RECTIFY_INSPECTION_BUREAU);
  g_assert_cmpint (stored->unit_id, ==, fixture.unit);
  g_assert_cmpint (stored->campaign_id, ==, fixture.campaign);
  g_assert_cmpstr (stored->date, ==, "2026-06-30");
  g_assert_cmpuint (stored->officer_ids->len, ==, 2);
  g_assert_cmpuint (stored->equipment->len, ==, 2);
  g_assert_cmpuint (stored->checks->len, ==, 8);
  {
    /* the checklist PPPPFPPN, and the remark on the failed item 4 */
    static const RectifyCheckResult want[] = { RECTIFY_RESULT_PASS, RECTIFY_RESULT_PASS, RECTIFY_RESULT_PASS,
                                               RECTIFY_RESULT_PASS, RECTIFY_RESULT_FAIL, RECTIFY_RESULT_PASS,
                                               RECTIFY_RESULT_PASS, RECTIFY_RESULT_NOT_APPLICABLE };
    guint remarks = 0;
    for (guint i = 0; i < stored->checks->len; i++)
      {
        RectifyCheck *c = &g_array_index (stored->checks, RectifyCheck, i);
        g_assert_cmpuint (c->item, <, G_N_ELEMENTS (want));
        g_assert_cmpint (c->result, ==, want[c->item]);
        if (c->remark && *c->remark)
          {
            g_assert_cmpint (c->item, ==, 4);
            g_assert_cmpstr (c->remark, ==, "锅炉房司炉工无证上岗");
            remarks++;
          }
      }
    g_assert_cmpuint (remarks, ==, 1);
  }

  /* the failed item proposes a hazard of its category; register it */
  require_widget (dialog, match_label, "The inspection of 鼓楼人民医院 is saved.", "saved message");
  require_widget (dialog, match_row, "Operator licences", "proposal");
  require_widget (dialog, match_label, "Proposed: Operator on site without licence", "proposed category");
  click (require_widget (dialog, match_button, "Register…", "register button"));
  hazard_dialog = wait_for_toplevel (RECTIFY_TYPE_HAZARD_DIALOG, "the hazard form");
  watch (&hazard_dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (hazard_dialog, match_row, "Content", "content"))),
                   ==, "Operator licences: 锅炉房司炉工无证上岗");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (hazard_dialog, match_row, "Found on (YYYY-MM-DD)", "found"))),
                   ==, "2026-06-30");
  require_widget (hazard_dialog, match_label, "Still missing: standard, measures, deadline, responsible person.", "missing five");
  fill (hazard_dialog, "Standard (legal basis)", "《特种设备安全法》第十四条");
  fill (hazard_dialog, "Measures", "持证上岗");
  fill (hazard_dialog, "Deadline (YYYY-MM-DD)", "2026-07-15");
  fill (hazard_dialog, "Responsible person at the unit", "李华");
  require_widget (hazard_dialog, match_label, "All five are set", "five complete");
  click (require_widget (hazard_dialog, match_button, "Register", "register"));
  wait_for (pointer_is_null, &hazard_dialog, "the hazard form to close");
  drain_main_context ();

  g_assert_cmpint (n_hazards (&fixture, NULL), ==, 1);
  n_hazards (&fixture, &hazard_id);
  hazard = rectify_store_get_hazard (fixture.store, hazard_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hazard->category, ==, "unlicensed_operator");
  g_assert_cmpint (hazard->inspection_id, ==, inspection_id);
  g_assert_cmpint (hazard->campaign_id, ==, fixture.campaign);
  g_assert_cmpint (hazard->status, ==, RECTIFY_HAZARD_RECTIFYING);
  g_assert_cmpstr (hazard->deadline, ==, "2026-07-15");
  require_widget (dialog, match_label, "Registered as hazard", "registered proposal");

  /* the figures count the visit, its officers, its checks and the hazard */
  figures = rectify_figures_compute (fixture.store, fixture.campaign, "2026-06-30", &error);
  g_assert_no_error (error);
  g_assert_cmpint (figures->unit_inspections, ==, 1);
  g_assert_cmpint (figures->distinct_units, ==, 1);
  g_assert_cmpint (figures->officer_person_times, ==, 2);
  g_assert_cmpint (figures->equipment_checks, ==, 26);
  g_assert_cmpint (figure_of (figures->checks_by_equipment_category, "2300"), ==, 25);
  g_assert_cmpint (figures->hazards_found, ==, 1);
  g_assert_cmpint (figures->hazards_general, ==, 1);
  g_assert_cmpint (figure_of (figures->hazards_by_category, "unlicensed_operator"), ==, 1);

  click (require_widget (dialog, match_button, "Done", "done"));
  wait_for (pointer_is_null, &dialog, "the inspection form to close");

  /* listed, with what it found */
  wait_for_n_items (model, 1, "the inspection to be listed");
  {
    g_autoptr(RectifyRow) row = g_list_model_get_item (model, 0);
    const RectifyInspectionSummary *s = rectify_row_get_record (row);

    g_assert_cmpint (s->hazard_count, ==, 1);
    g_assert_cmpint (s->equipment_count, ==, 26);
    g_assert_nonnull (strstr (s->officer_names, "黄晓东"));
  }
  require_widget (GTK_WIDGET (fixture.window), match_label, "1 inspection", "count");
  fixture_close (&fixture);
}

static void
run_too_few_officers (void)
{
  Fixture fixture = { 0 };
  GtkWidget *dialog, *officers_error;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fixture_open (&fixture, FALSE);
  dialog = GTK_WIDGET (rectify_inspection_dialog_new (fixture.store, fixture.unit));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), fixture.window);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for (widget_is_mapped, dialog, "the form");
  before = inspection_rows (&fixture);

  /* the acting officer, 黄晓东, alone */
  activate_row (dialog, "311035010201600001");
  answer (dialog, "registration", "fail");
  click (require_widget (dialog, match_button, "Save", "save button"));
  drain_main_context ();

  /* refused at the officers, the form still open, nothing written */
  officers_error = require_widget (dialog, match_error_label, "Officers present:", "error at the officers");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (officers_error)), "at least two"));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_prev_sibling (officers_error), "error"));
  require_widget (dialog, match_button, "Save", "the form, still");
  g_assert_cmpint (rectify_inspection_dialog_get_inspection_id (RECTIFY_INSPECTION_DIALOG (dialog)), ==, 0);
  after = inspection_rows (&fixture);
  g_assert_cmpstr (after, ==, before);

  /* a self-inspection needs none: the same form saves once the kind says so */
  rectify_inspection_dialog_set_kind (RECTIFY_INSPECTION_DIALOG (dialog), RECTIFY_INSPECTION_SELF);
  drain_main_context ();
  g_assert_null (find_widget (dialog, match_error_label, "Officers present:"));
  click (require_widget (dialog, match_button, "Save", "save button"));
  drain_main_context ();
  g_assert_cmpint (n_inspections (&fixture, RECTIFY_INSPECTION_SELF), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_close (&fixture);
}

static void
run_bad_dates (void)
{
  Fixture fixture = { 0 };
  GtkWidget *dialog;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyInspection) in = rectify_inspection_new ();
  gint64 inspection, hazard, hazards_before, visits_before;

  fixture_open (&fixture, FALSE);
  in->unit_id = fixture.unit;
  in->kind = RECTIFY_INSPECTION_BUREAU;
  in->date = g_strdup ("2026-06-10");
  g_array_append_val (in->officer_ids, fixture.officer1);
  g_array_append_val (in->officer_ids, fixture.officer2);
  inspection = rectify_store_add_inspection (fixture.store, in, &error);
  g_assert_no_error (error);
  hazards_before = n_hazards (&fixture, NULL);

  /* a deadline before the finding */
  dialog = GTK_WIDGET (rectify_hazard_dialog_new (fixture.store, fixture.unit, inspection, "equipment_defect",
                                                  fixture.elevator));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), fixture.window);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for (widget_is_mapped, dialog, "the hazard form");
  watch (&dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (dialog, match_row, "Found on (YYYY-MM-DD)", "found"))),
                   ==, "2026-06-10");
  fill (dialog, "Content", "曳引钢丝绳断丝");
  fill (dialog, "Deadline (YYYY-MM-DD)", "2026-06-01");
  click (require_widget (dialog, match_button, "Register", "register"));
  drain_main_context ();
  require_widget (dialog, match_error_label, "Deadline: 2026-06-01 is before the hazard was found", "deadline error");
  g_assert_true (gtk_widget_has_css_class (require_widget (dialog, match_row, "Deadline (YYYY-MM-DD)", "deadline"), "error"));
  g_assert_cmpint (n_hazards (&fixture, NULL), ==, hazards_before);

  /* found before the inspection it came from */
  fill (dialog, "Deadline (YYYY-MM-DD)", "2026-07-01");
  fill (dialog, "Found on (YYYY-MM-DD)", "2026-06-09");
  click (require_widget (dialog, match_button, "Register", "register"));
  drain_main_context ();
  require_widget (dialog, match_error_label, "Found on: 2026-06-09 is before the inspection", "found error");
  g_assert_cmpint (n_hazards (&fixture, NULL), ==, hazards_before);

  /* a date that does not exist */
  fill (dialog, "Found on (YYYY-MM-DD)", "2026-02-30");
  click (require_widget (dialog, match_button, "Register", "register"));
  drain_main_context ();
  require_widget (dialog, match_error_label, "Found on:", "found error");
  g_assert_cmpint (n_hazards (&fixture, NULL), ==, hazards_before);

  /* right: registered, equipment and category as preset */
  fill (dialog, "Found on (YYYY-MM-DD)", "2026-06-10");
  click (require_widget (dialog, match_button, "Register", "register"));
  wait_for (pointer_is_null, &dialog, "the hazard form to close");
  g_assert_cmpint (n_hazards (&fixture, NULL), ==, hazards_before + 1);
  g_assert_cmpint (n_open_equipment_defects (&fixture), ==, 1);
  n_hazards (&fixture, &hazard);

  /* a back-check due before the hazard was closed */
  g_assert_true (rectify_workflow_act (fixture.store, hazard, RECTIFY_ACTION_IMMEDIATE, 0, "2026-06-20", "当场整改",
                                       NULL, 0, &error));
  g_assert_no_error (error);
  visits_before = n_visits (&fixture, FALSE, NULL, NULL);
  dialog = GTK_WIDGET (rectify_visit_dialog_new (fixture.store, hazard, RECTIFY_VISIT_BACK_CHECK));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), fixture.window);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for (widget_is_mapped, dialog, "the visit dialog");
  fill (dialog, "Due date (YYYY-MM-DD)", "2026-06-15");
  click (require_widget (dialog, match_button, "Schedule", "schedule"));
  drain_main_context ();
  require_widget (dialog, match_error_label, "Due date: 2026-06-15 is before the hazard was closed (2026-06-20)", "due error");
  g_assert_cmpint (n_visits (&fixture, FALSE, NULL, NULL), ==, visits_before);
  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_close (&fixture);
}

static void
run_back_check (void)
{
  Fixture fixture = { 0 };
  GtkWidget *root, *dialog, *inspections_page;
  GtkWindow *second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyHazard) h = rectify_hazard_new ();
  g_autoptr(RectifyInspection) in = rectify_inspection_new ();
  GListModel *due;
  gint64 inspection, hazard, visit;

  fixture_open (&fixture, TRUE);
  root = GTK_WIDGET (fixture.window);
  in->unit_id = fixture.unit;
  in->kind = RECTIFY_INSPECTION_BUREAU;
  in->date = g_strdup ("2026-06-10");
  g_array_append_val (in->officer_ids, fixture.officer1);
  g_array_append_val (in->officer_ids, fixture.officer2);
  inspection = rectify_store_add_inspection (fixture.store, in, &error);
  g_assert_no_error (error);
  h->unit_id = fixture.unit;
  h->inspection_id = inspection;
  h->category = g_strdup ("inspection_overdue");
  h->found_date = g_strdup ("2026-06-10");
  h->content = g_strdup ("电梯超期未检");
  hazard = rectify_workflow_register (fixture.store, h, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_workflow_act (fixture.store, hazard, RECTIFY_ACTION_IMMEDIATE, 0, "2026-06-12", NULL,
                                       NULL, 0, &error));
  g_assert_no_error (error);

  /* the unit's history: the inspection, the closed hazard offering a back-check */
  rectify_list_page_select (RECTIFY_LIST_PAGE (RECTIFY_UNITS_PAGE (fixture.page)), fixture.unit);
  drain_main_context ();
  require_widget (root, match_row, "2026-06-10 · Bureau inspection", "the inspection in the history");
  require_widget (root, match_label, "No letters issued", "letters");
  click (require_widget (root, match_button, "Schedule Back-check…", "schedule button"));
  dialog = wait_for_toplevel (RECTIFY_TYPE_VISIT_DIALOG, "the visit dialog");
  watch (&dialog);
  fill (dialog, "Due date (YYYY-MM-DD)", "2026-07-15");
  fill (dialog, "Note", "节后回头看");
  click (require_widget (dialog, match_button, "Schedule", "schedule"));
  wait_for (pointer_is_null, &dialog, "the visit dialog to close");
  drain_main_context ();
  n_visits (&fixture, TRUE, "2026-07-15", &visit);
  g_assert_cmpint (visit, >, 0);

  /* on the unit */
  require_widget (root, match_row, "Back-check due 2026-07-15", "the visit on the unit");
  require_widget (root, match_label, "in 15 days", "days left");

  /* and in the due list */
  inspections_page = rectify_inspections_page_new (fixture.store);
  page_window_present (inspections_page, &second);
  rectify_inspections_page_show_visits (RECTIFY_INSPECTIONS_PAGE (inspections_page), TRUE);
  due = rectify_inspections_page_get_visits_model (RECTIFY_INSPECTIONS_PAGE (inspections_page));
  wait_for_n_items (due, 1, "the due back-check");
  {
    g_autoptr(RectifyRow) row = g_list_model_get_item (due, 0);
    const RectifyScheduledVisit *v = rectify_row_get_record (row);

    g_assert_cmpint (v->id, ==, visit);
    g_assert_cmpint (v->unit_id, ==, fixture.unit);
    g_assert_cmpint (v->hazard_id, ==, hazard);
  }
  require_widget (GTK_WIDGET (second), match_label, "1 planned visit", "count");

  /* a back-check inspection of the unit, recorded from the history, does it */
  activate_row (root, "Back-check due 2026-07-15");
  dialog = wait_for_toplevel (RECTIFY_TYPE_INSPECTION_DIALOG, "the inspection form");
  watch (&dialog);
  /* the acting officer, 黄晓东, is present already */
  activate_row (dialog, "郑立新");
  answer (dialog, "periodic_inspection", "pass");
  click (require_widget (dialog, match_button, "Save", "save"));
  drain_main_context ();
  require_widget (dialog, match_label, "No checklist item failed.", "no proposals");
  g_assert_cmpint (n_inspections (&fixture, RECTIFY_INSPECTION_BACK_CHECK), ==, 1);
  g_assert_cmpint (n_visits (&fixture, TRUE, NULL, NULL), ==, 0);
  click (require_widget (dialog, match_button, "Done", "done"));
  wait_for (pointer_is_null, &dialog, "the form to close");
  wait_for_n_items (due, 0, "the due list to empty");
  require_widget (root, match_label, "done 2026-06-30", "the visit done, on the unit");

  window_close (&second);
  fixture_close (&fixture);
}

static void
run_chinese (void)
{
  Fixture fixture = { 0 };
  GtkWidget *dialog;

  g_assert_nonnull (g_getenv ("RECTIFY_LOCALEDIR"));
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  rectify_application_init_i18n ();
  fixture_open (&fixture, FALSE);
  require_widget (GTK_WIDGET (fixture.window), match_label, "0 次检查", "count in Chinese");
  dialog = GTK_WIDGET (rectify_inspection_dialog_new (fixture.store, fixture.unit));
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for (widget_is_mapped, dialog, "the form");
  require_widget (dialog, match_label, "执法检查至少需要两名执法人员。", "officers rule in Chinese");
  click (require_widget (dialog, match_button, "保存", "save"));
  drain_main_context ();
  require_widget (dialog, match_error_label, "在场执法人员", "error in Chinese");
  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_close (&fixture);
}

static gboolean
match_tooltip (GtkWidget    *widget,
               gconstpointer data)
{
  return gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static void
assert_no_inspection_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      g_assert_false (RECTIFY_IS_INSPECTION_DIALOG (window));
    }
}

/* Who may not write is offered nothing that writes. */
static void
run_read_only (void)
{
  Fixture fixture = { 0 };
  GtkWidget *root, *inspections_page;
  GtkWindow *second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyHazard) h = rectify_hazard_new ();
  gint64 hazard;

  fixture_open (&fixture, TRUE);
  root = GTK_WIDGET (fixture.window);
  h->unit_id = fixture.unit;
  h->category = g_strdup ("other");
  h->found_date = g_strdup ("2026-06-10");
  hazard = rectify_workflow_register (fixture.store, h, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_workflow_act (fixture.store, hazard, RECTIFY_ACTION_IMMEDIATE, 0, "2026-06-12", NULL,
                                       NULL, 0, &error));
  g_assert_no_error (error);

  rectify_list_page_select (RECTIFY_LIST_PAGE (RECTIFY_UNITS_PAGE (fixture.page)), fixture.unit);
  drain_main_context ();
  require_widget (root, match_button, "Schedule Back-check…", "schedule button while one may write");
  require_widget (root, match_button, "New Inspection…", "new inspection while one may write");
  rectify_list_page_set_can_edit (RECTIFY_LIST_PAGE (RECTIFY_UNITS_PAGE (fixture.page)), FALSE);
  drain_main_context ();
  require_widget (root, match_row, "No. 1: Other", "the hazard, still listed");
  g_assert_null (find_widget (root, match_button, "Schedule Back-check…"));
  g_assert_null (find_widget (root, match_button, "New Inspection…"));
  gtk_widget_activate_action (fixture.page, "page.new-inspection", NULL);
  drain_main_context ();
  assert_no_inspection_dialog ();

  inspections_page = rectify_inspections_page_new (fixture.store);
  page_window_present (inspections_page, &second);
  require_widget (GTK_WIDGET (second), match_tooltip, "New Inspection", "new button while one may write");
  rectify_list_page_set_can_edit (RECTIFY_LIST_PAGE (RECTIFY_INSPECTIONS_PAGE (inspections_page)), FALSE);
  drain_main_context ();
  g_assert_null (find_widget (GTK_WIDGET (second), match_tooltip, "New Inspection"));
  gtk_widget_activate_action (inspections_page, "page.new", NULL);
  drain_main_context ();
  assert_no_inspection_dialog ();
  g_assert_cmpint (n_inspections (&fixture, -1), ==, 0);
  window_close (&second);
  fixture_close (&fixture);
}

/* ---- correcting and deleting ---------------------------------------------------- */

static gint64
add_visit (Fixture    *fixture,
           const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyInspection) in = rectify_inspection_new ();
  RectifyCheckedEquipment ce = { fixture->elevator, 1 };
  gint64 id;

  in->campaign_id = fixture->campaign;
  in->unit_id = fixture->unit;
  in->kind = RECTIFY_INSPECTION_BUREAU;
  in->date = g_strdup (date);
  g_array_append_val (in->officer_ids, fixture->officer1);
  g_array_append_val (in->officer_ids, fixture->officer2);
  g_array_append_val (in->equipment, ce);
  id = rectify_store_add_inspection (fixture->store, in, &error);
  g_assert_no_error (error);
  return id;
}

/* Shows the visit in the detail pane, as a click on its row does. */
static void
select_inspection (Fixture *fixture,
                   gint64   id)
{
  GtkWidget *view = require_widget (GTK_WIDGET (fixture->window), match_column_view, NULL, "inspection list");
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
  GListModel *model = rectify_list_page_get_model (RECTIFY_LIST_PAGE (RECTIFY_INSPECTIONS_PAGE (fixture->page)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RectifyRow) row = g_list_model_get_item (model, i);

      if (rectify_row_get_id (row) == id)
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), i);
          drain_main_context ();
          return;
        }
    }
  g_assert_not_reached ();
}

typedef struct {
  Fixture    *fixture;
  gint64      id;
  const char *date;
} Listed;

static gboolean
listed_with_date (gpointer data)
{
  Listed *l = data;
  GListModel *model = rectify_list_page_get_model (RECTIFY_LIST_PAGE (RECTIFY_INSPECTIONS_PAGE (l->fixture->page)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RectifyRow) row = g_list_model_get_item (model, i);
      const RectifyInspectionSummary *s = rectify_row_get_record (row);

      if (rectify_row_get_id (row) == l->id && s != NULL && g_strcmp0 (s->date, l->date) == 0)
        return TRUE;
    }
  return FALSE;
}

static RectifyFigures *
figures_as_of (Fixture    *fixture,
               const char *as_of)
{
  g_autoptr(GError) error = NULL;
  RectifyFigures *f = rectify_figures_compute (fixture->store, fixture->campaign, as_of, &error);

  g_assert_no_error (error);
  return f;
}

static GtkShortcutAction *
delete_key_action (GtkWidget *view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, "Delete"))
            return gtk_shortcut_get_action (shortcut);
        }
    }
  return NULL;
}

static void
run_edit_and_delete (void)
{
  Fixture fixture = { 0 };
  GtkWidget *root, *dialog, *view;
  GListModel *model;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyHazard) h = rectify_hazard_new ();
  g_autoptr(RectifyInspection) stored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *shown_date = NULL;
  gint64 first, second, officer3;

  fixture_open (&fixture, FALSE);
  root = GTK_WIDGET (fixture.window);
  first = add_visit (&fixture, "2026-06-10");
  second = add_visit (&fixture, "2026-06-12");
  g_assert_true (rectify_store_find_officer (fixture.store, "O-3", &officer3, NULL));
  /* a hazard registered from the second visit */
  h->inspection_id = second;
  h->unit_id = fixture.unit;
  h->campaign_id = fixture.campaign;
  h->category = g_strdup ("other");
  h->found_date = g_strdup ("2026-06-12");
  rectify_workflow_register (fixture.store, h, NULL, &error);
  g_assert_no_error (error);
  model = rectify_list_page_get_model (RECTIFY_LIST_PAGE (RECTIFY_INSPECTIONS_PAGE (fixture.page)));
  wait_for_n_items (model, 2, "both visits to be listed");
  require_widget (root, match_label, "2 inspections", "count");
  {
    g_autoptr(RectifyFigures) f = figures_as_of (&fixture, "2026-06-12");
    g_assert_cmpint (f->unit_inspections, ==, 2);
    g_assert_cmpint (f->officer_person_times, ==, 4);
    g_assert_cmpint (f->equipment_checks, ==, 2);
  }

  /* Edit…: the form comes filled with the visit; a later date, another officer */
  select_inspection (&fixture, first);
  click (require_widget (root, match_button, "Edit…", "edit button"));
  dialog = wait_for_toplevel (RECTIFY_TYPE_INSPECTION_DIALOG, "the inspection form");
  watch (&dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Inspection");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (dialog, match_row, "Date (YYYY-MM-DD)", "date"))),
                   ==, "2026-06-10");
  /* first a correction the core refuses: one officer only; shown in the form, nothing written */
  before = inspection_rows (&fixture);
  activate_row (dialog, "郑立新");
  click (require_widget (dialog, match_button, "Save", "save button"));
  drain_main_context ();
  require_widget (dialog, match_error_label, "Officers present", "officers error");
  after = inspection_rows (&fixture);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);
  /* then the real one */
  activate_row (dialog, "林建华");
  fill (dialog, "Date (YYYY-MM-DD)", "2026-06-15");
  click (require_widget (dialog, match_button, "Save", "save button"));
  wait_for (pointer_is_null, &dialog, "the form to close");

  stored = rectify_store_get_inspection (fixture.store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->date, ==, "2026-06-15");
  g_assert_cmpuint (stored->officer_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (stored->officer_ids, gint64, 0) == officer3
                   || g_array_index (stored->officer_ids, gint64, 1) == officer3, ==, TRUE);
  g_assert_cmpint (test_audit_count (fixture.store, "inspection", "update"), ==, 1);
  {
    Listed l = { &fixture, first, "2026-06-15" };
    wait_for (listed_with_date, &l, "the list row to show the new date");
  }
  shown_date = rectify_format_date ("2026-06-15");
  require_widget (root, match_label, shown_date, "the new date in the list");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RectifyRow) row = g_list_model_get_item (model, i);
      const RectifyInspectionSummary *s = rectify_row_get_record (row);

      if (rectify_row_get_id (row) != first)
        continue;
      g_assert_nonnull (strstr (s->officer_names, "林建华"));
      g_assert_null (strstr (s->officer_names, "郑立新"));
      /* the row's cell shows them */
      require_widget (root, match_label, s->officer_names, "the officers in the list");
    }
  {
    /* on the 12th only the second visit is counted now */
    g_autoptr(RectifyFigures) f = figures_as_of (&fixture, "2026-06-12");
    g_autoptr(RectifyFigures) all = figures_as_of (&fixture, "2026-06-30");
    g_assert_cmpint (f->unit_inspections, ==, 1);
    g_assert_cmpint (f->officer_person_times, ==, 2);
    g_assert_cmpint (f->equipment_checks, ==, 1);
    g_assert_cmpint (all->unit_inspections, ==, 2);
  }

  /* a refused delete: hazards came from the second visit; the message, nothing changes */
  g_clear_pointer (&before, g_free);
  before = inspection_rows (&fixture);
  select_inspection (&fixture, second);
  click (require_widget (root, match_button, "Delete", "delete button"));
  drain_main_context ();
  wait_for_widget (root, match_label, "Inspection: 1 hazard was registered from it", "the refusal");
  after = inspection_rows (&fixture);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  require_widget (root, match_label, "2 inspections", "count unchanged");

  /* the Delete key on the list deletes the first; its toast offers it back */
  select_inspection (&fixture, first);
  view = require_widget (root, match_column_view, NULL, "inspection list");
  g_assert_nonnull (delete_key_action (view));
  g_assert_true (gtk_shortcut_action_activate (delete_key_action (view), GTK_SHORTCUT_ACTION_EXCLUSIVE, view, NULL));
  drain_main_context ();
  g_assert_null (rectify_store_get_inspection (fixture.store, first, NULL));
  g_assert_cmpint (test_store_count_rows (fixture.db, "inspection_officer", "inspection_id", 1), ==, 0);
  wait_for_n_items (model, 1, "the deleted visit to leave the list");
  wait_for_widget (root, match_label, "1 inspection", "the count");
  wait_for_widget (root, match_label, "The inspection of 鼓楼人民医院 on", "the deletion toast");
  {
    g_autoptr(RectifyFigures) all = figures_as_of (&fixture, "2026-06-30");
    g_assert_cmpint (all->unit_inspections, ==, 1);
    g_assert_cmpint (all->officer_person_times, ==, 2);
  }
  click (wait_for_widget (root, match_button, "Undo", "the undo button"));
  wait_for_n_items (model, 2, "the visit to come back");
  g_clear_pointer (&stored, rectify_inspection_free);
  stored = rectify_store_get_inspection (fixture.store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->date, ==, "2026-06-15");

  /* who may not write is offered neither */
  select_inspection (&fixture, first);
  require_widget (root, match_button, "Edit…", "edit while one may write");
  rectify_list_page_set_can_edit (RECTIFY_LIST_PAGE (RECTIFY_INSPECTIONS_PAGE (fixture.page)), FALSE);
  drain_main_context ();
  g_assert_null (find_widget (root, match_button, "Edit…"));
  g_assert_null (find_widget (root, match_button, "Delete"));
  gtk_widget_activate_action (fixture.page, "page.delete", NULL);
  gtk_widget_activate_action (fixture.page, "page.edit", NULL);
  drain_main_context ();
  assert_no_inspection_dialog ();
  g_assert_cmpint (n_inspections (&fixture, -1), ==, 2);
  fixture_close (&fixture);
}

static void test_record_bureau_inspection (void) { in_subprocess (run_record_bureau_inspection); }
static void test_too_few_officers (void) { in_subprocess (run_too_few_officers); }
static void test_bad_dates (void) { in_subprocess (run_bad_dates); }
static void test_back_check (void) { in_subprocess (run_back_check); }
static void test_chinese (void) { in_subprocess (run_chinese); }
static void test_read_only (void) { in_subprocess (run_read_only); }
static void test_edit_and_delete (void) { in_subprocess (run_edit_and_delete); }

int
main (int   argc,
      char *argv[])
{
  rectify_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/inspections-page/record-bureau-inspection", test_record_bureau_inspection);
  g_test_add_func ("/inspections-page/too-few-officers", test_too_few_officers);
  g_test_add_func ("/inspections-page/bad-dates", test_bad_dates);
  g_test_add_func ("/inspections-page/back-check", test_back_check);
  g_test_add_func ("/inspections-page/read-only", test_read_only);
  g_test_add_func ("/inspections-page/chinese", test_chinese);
  g_test_add_func ("/inspections-page/edit-and-delete", test_edit_and_delete);

  return g_test_run ();
}
