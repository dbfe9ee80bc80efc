/* test-workflow-path.c: through the real window, from the inspection visit to the cancelled hazard; Ctrl+N on each page
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rectify-application.h"
#include "rectify-campaign-dialog.h"
#include "rectify-document-draft-dialog.h"
#include "rectify-figures.h"
#include "rectify-hazard-action-dialog.h"
#include "rectify-hazard-dialog.h"
#include "rectify-hazards-page.h"
#include "rectify-inspection-dialog.h"
#include "rectify-record-list.h"
#include "rectify-validate.h"
#include "rectify-workflow.h"
#include "test-gui-util.h"
#include "test-util.h"

typedef struct {
  char               *dir;
  char               *db;
  char               *photo_path;
  RectifyApplication *app;
  RectifyWindow      *window;
  gint64              officer, unit, elevator, campaign;
} Fixture;

/* ---- the world ----------------------------------------------------------------- */

static gint64
add_officer (RectifyStore *store,
             const char   *badge,
             const char   *name)
{
  g_autoptr(RectifyOfficer) o = rectify_officer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  o->badge = g_strdup (badge);
  o->name = g_strdup (name);
  o->role = RECTIFY_ROLE_OFFICER;
  o->active = TRUE;
  id = rectify_store_add_officer (store, o, &error);
  g_assert_no_error (error);
  /* the first officer added acts for the fixture's later changes */
  if (rectify_store_get_actor (store) == 0)
    g_assert_true (rectify_store_set_actor (store, id, NULL));
  return id;
}

/* Two officers, a unit with an elevator, a campaign under way on the
 * tests' today (2026-06-30); nothing inspected yet. */
static void
fill_db (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) store = NULL;
  g_autoptr(RectifyUnit) u = rectify_unit_new ();
  g_autoptr(RectifyEquipment) e = rectify_equipment_new ();
  g_autoptr(RectifyCampaign) c = rectify_campaign_new ();
  char code[19] = "91350100000000010";

  temp_db_make (&fixture->dir, &fixture->db);
  store = rectify_store_open (fixture->db, &error);
  g_assert_no_error (error);
  fixture->officer = add_officer (store, "O-1", "黄晓东");
  add_officer (store, "O-2", "郑立新");
  code[17] = rectify_credit_code_check_char (code);
  code[18] = 0;
  u->credit_code = g_strdup (code);
  u->name = g_strdup ("鼓楼人民医院");
  u->district = g_strdup ("鼓楼区");
  fixture->unit = rectify_store_add_unit (store, u, &error);
  g_assert_no_error (error);
  e->unit_id = fixture->unit;
  e->category = RECTIFY_CATEGORY_ELEVATOR;
  e->code = g_strdup ("311035010201600001");
  fixture->elevator = rectify_store_add_equipment (store, e, &error);
  g_assert_no_error (error);
  c->name = g_strdup ("百日安全行动");
  c->start_date = g_strdup ("2026-06-01");
  fixture->campaign = rectify_store_add_campaign (store, c, &error);
  g_assert_no_error (error);
}

static void
remember_actor (const char *badge)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_string (settings, "acting-officer", badge);
}

static void
fixture_open (Fixture *fixture)
{
  fixture->app = test_application_new ();
  app_window_open (fixture->app, fixture->db, &fixture->window);
}

static void
fixture_close (Fixture *fixture)
{
  window_close ((GtkWindow **) &fixture->window);
  g_clear_object (&fixture->app);
  if (fixture->photo_path != NULL)
    g_remove (fixture->photo_path);
  g_clear_pointer (&fixture->photo_path, g_free);
  temp_db_remove (fixture->dir, fixture->db);
}

static RectifyStore *
store_of (Fixture *fixture)
{
  return rectify_window_get_store (fixture->window);
}

/* ---- driving the window as a user does ---------------------------------------- */

/* Ctrl+N as the application's accelerator sends it. */
static void
press_new (Fixture *fixture)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "new", NULL);
}

static gboolean
match_name (GtkWidget    *widget,
            gconstpointer data)
{
  return gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
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

static void
watch (GtkWidget **window)
{
  g_object_add_weak_pointer (G_OBJECT (*window), (gpointer *) window);
}

static GBytes *
png_bytes (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 320, 240);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3070c0ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

/* ---- what the store and the figures say ------------------------------------------ */

static RectifyHazard *
the_hazard (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GPtrArray) hazards = rectify_store_list_hazards (store_of (fixture), &q, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  return rectify_store_get_hazard (store_of (fixture), ((RectifyHazard *) g_ptr_array_index (hazards, 0))->id, NULL);
}

static void
assert_events (Fixture                *fixture,
               gint64                  hazard,
               const RectifyEventKind *kinds,
               guint                   n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = rectify_store_list_hazard_events (store_of (fixture), hazard, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (rectify_event_kind_to_code (((RectifyHazardEvent *) g_ptr_array_index (events, i))->kind), ==,
                     rectify_event_kind_to_code (kinds[i]));
}

/* The campaign's figures as the dashboard and the summary compute them. */
static void
assert_figures (Fixture *fixture,
                gint64   found,
                gint64   closed,
                gint64   overdue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyFigures) f = rectify_figures_compute (store_of (fixture), fixture->campaign, "2026-06-30", &error);

  g_assert_no_error (error);
  g_assert_cmpint (f->unit_inspections, ==, 1);
  g_assert_cmpint (f->distinct_units, ==, 1);
  g_assert_cmpint (f->officer_person_times, ==, 2);
  g_assert_cmpint (f->equipment_checks, ==, 1);
  g_assert_cmpint (f->hazards_found, ==, found);
  g_assert_cmpint (f->hazards_general, ==, found);
  g_assert_cmpint (f->hazards_closed, ==, closed);
  g_assert_cmpint (f->hazards_overdue, ==, overdue);
  g_assert_cmpfloat_with_epsilon (f->rectification_rate, found ? (double) closed / found : 0, 1e-9);
}

static RectifyHazardActionDialog *
open_action (RectifyHazardsPage  *page,
             RectifyHazardAction  action)
{
  GtkWidget *button = rectify_hazards_page_get_action_button (page, action);

  g_assert_true (gtk_widget_get_mapped (button));
  click (button);
  return RECTIFY_HAZARD_ACTION_DIALOG (wait_for_toplevel (RECTIFY_TYPE_HAZARD_ACTION_DIALOG, "the action's dialog"));
}

static void
apply_and_wait (RectifyHazardActionDialog *dialog)
{
  GtkWidget *weak = GTK_WIDGET (dialog);
  const char *title = rectify_hazard_action_title (rectify_hazard_action_dialog_get_action (dialog));

  watch (&weak);
  click (require_widget (weak, match_button, title, "apply button"));
  drain_main_context ();
  if (weak != NULL)
    {
      /* refused: say why instead of waiting */
      GtkWidget *error = find_widget (weak, match_error_label, "");
      if (error != NULL)
        g_error ("%s refused: %s", title, gtk_label_get_text (GTK_LABEL (error)));
    }
  wait_for (pointer_is_null, &weak, "the dialog to close");
  drain_main_context ();
}

/* ---- the path --------------------------------------------------------------------- */

static void
run_whole_path (void)
{
  Fixture fixture = { 0 };
  const RectifyEventKind kinds[] = {
    RECTIFY_EVENT_REGISTERED, RECTIFY_EVENT_IMPLEMENTED, RECTIFY_EVENT_RECTIFIED, RECTIFY_EVENT_CONFIRMED,
  };
  g_autoptr(GBytes) photo = png_bytes ();
  g_autoptr(RectifyHazard) hazard = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) photo_file = NULL;
  GtkWidget *dialog, *hazard_dialog, *page;
  RectifyHazardsPage *hazards;
  RectifyHazardActionDialog *action;
  gint64 hazard_id, inspection_id;

  fill_db (&fixture);
  remember_actor ("O-1");
  fixture_open (&fixture);
  g_assert_cmpint (rectify_store_get_actor (store_of (&fixture)), ==, fixture.officer);

  /* 1. a bureau inspection with a failed item, from Ctrl+N on the Inspections page */
  window_navigate (fixture.window, "inspections");
  press_new (&fixture);
  dialog = wait_for_toplevel (RECTIFY_TYPE_INSPECTION_DIALOG, "the inspection form");
  watch (&dialog);
  choose_unit (dialog, "人民", "鼓楼人民医院");
  /* the acting officer is present already; the second joins */
  activate_row (dialog, "郑立新");
  activate_row (dialog, "311035010201600001");
  answer (dialog, "management_body", "pass");
  answer (dialog, "responsible_persons", "pass");
  answer (dialog, "rules", "pass");
  answer (dialog, "registration", "pass");
  answer (dialog, "operator_licences", "pass");
  answer (dialog, "periodic_inspection", "fail");
  answer (dialog, "emergency_plan", "pass");
  answer (dialog, "plan_drilled", "pass");
  gtk_editable_set_text (GTK_EDITABLE (require_widget (dialog, match_name, "periodic_inspection", "remark")),
                         "电梯超期未检");
  click (require_widget (dialog, match_button, "Save", "save button"));
  drain_main_context ();
  inspection_id = rectify_inspection_dialog_get_inspection_id (RECTIFY_INSPECTION_DIALOG (dialog));
  g_assert_cmpint (inspection_id, >, 0);

  /* 2. the failed item proposes its hazard: registered with what was found only */
  require_widget (dialog, match_label, "Proposed: Periodic inspection overdue", "proposed category");
  click (require_widget (dialog, match_button, "Register…", "register button"));
  hazard_dialog = wait_for_toplevel (RECTIFY_TYPE_HAZARD_DIALOG, "the hazard form");
  watch (&hazard_dialog);
  require_widget (hazard_dialog, match_label, "Still missing: standard, measures, deadline, responsible person.",
                  "missing five");
  click (require_widget (hazard_dialog, match_button, "Register", "register"));
  wait_for (pointer_is_null, &hazard_dialog, "the hazard form to close");
  drain_main_context ();
  hazard = the_hazard (&fixture);
  hazard_id = hazard->id;
  g_assert_cmpint (hazard->inspection_id, ==, inspection_id);
  g_assert_cmpint (hazard->campaign_id, ==, fixture.campaign);
  g_assert_cmpint (hazard->status, ==, RECTIFY_HAZARD_OPEN);
  g_assert_cmpstr (hazard->content, ==, "Periodic inspection on time: 电梯超期未检");
  assert_events (&fixture, hazard_id, kinds, 1);
  assert_figures (&fixture, 1, 0, 0);
  click (require_widget (dialog, match_button, "Done", "done"));
  wait_for (pointer_is_null, &dialog, "the inspection form to close");

  /* 3. the five implementations on the Hazards page */
  window_navigate (fixture.window, "hazards");
  hazards = RECTIFY_HAZARDS_PAGE (require_widget (GTK_WIDGET (fixture.window), match_type,
                                                  GSIZE_TO_POINTER (RECTIFY_TYPE_HAZARDS_PAGE), "page"));
  page = GTK_WIDGET (hazards);
  wait_for_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (hazards)), 1, "the hazard listed");
  rectify_list_page_select (RECTIFY_LIST_PAGE (hazards), hazard_id);
  drain_main_context ();
  require_widget (page, match_label, "Missing: standard, measures, deadline, responsible person", "missing five");
  fill (page, "Standard", "《特种设备安全法》第四十条");
  fill (page, "Measures", "申报定期检验");
  fill (page, "Deadline", "2026-07-10");
  fill (page, "Responsible person", "设备管理员");
  click (require_widget (page, match_button, "Save Implementations", "button"));
  drain_main_context ();
  g_clear_pointer (&hazard, rectify_hazard_free);
  hazard = the_hazard (&fixture);
  g_assert_cmpint (hazard->status, ==, RECTIFY_HAZARD_RECTIFYING);
  g_assert_cmpstr (hazard->deadline, ==, "2026-07-10");
  assert_events (&fixture, hazard_id, kinds, 2);
  assert_figures (&fixture, 1, 0, 0);

  /* 4. rectified, a photo as evidence */
  action = open_action (hazards, RECTIFY_ACTION_RECTIFY);
  fixture.photo_path = g_build_filename (fixture.dir, "lift.png", NULL);
  g_assert_true (g_file_set_contents (fixture.photo_path, g_bytes_get_data (photo, NULL), g_bytes_get_size (photo),
                                      &error));
  photo_file = g_file_new_for_path (fixture.photo_path);
  g_assert_true (rectify_hazard_action_dialog_add_file (action, photo_file, &error));
  g_assert_no_error (error);
  fill (GTK_WIDGET (action), "Date", "2026-06-30");
  fill (GTK_WIDGET (action), "Note", "已完成定期检验");
  apply_and_wait (action);
  g_clear_pointer (&hazard, rectify_hazard_free);
  hazard = the_hazard (&fixture);
  g_assert_cmpint (hazard->status, ==, RECTIFY_HAZARD_RECTIFIED);
  assert_events (&fixture, hazard_id, kinds, 3);
  {
    g_autoptr(GPtrArray) events = rectify_store_list_hazard_events (store_of (&fixture), hazard_id, &error);
    RectifyHazardEvent *e = g_ptr_array_index (events, 2);
    g_autoptr(RectifyAttachment) a = NULL;

    g_assert_cmpstr (e->note, ==, "已完成定期检验");
    g_assert_cmpuint (e->attachments->len, ==, 1);
    a = rectify_store_get_attachment (store_of (&fixture),
                                      ((RectifyAttachment *) g_ptr_array_index (e->attachments, 0))->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (a->mime, ==, "image/png");
    g_assert_true (g_bytes_equal (a->data, photo));
  }
  assert_figures (&fixture, 1, 0, 0);

  /* 5. confirmed on site by the acting officer: closed */
  action = open_action (hazards, RECTIFY_ACTION_CONFIRM);
  fill (GTK_WIDGET (action), "Date", "2026-06-30");
  apply_and_wait (action);
  g_clear_pointer (&hazard, rectify_hazard_free);
  hazard = the_hazard (&fixture);
  g_assert_cmpint (hazard->status, ==, RECTIFY_HAZARD_CLOSED);
  g_assert_cmpstr (hazard->closed_date, ==, "2026-06-30");
  assert_events (&fixture, hazard_id, kinds, 4);
  assert_figures (&fixture, 1, 1, 0);
  /* nothing more is offered on a closed hazard */
  for (int a = 0; a < RECTIFY_N_ACTIONS; a++)
    if (a != RECTIFY_ACTION_IMPLEMENT && rectify_hazards_page_get_action_button (hazards, a) != NULL)
      g_assert_false (gtk_widget_get_mapped (rectify_hazards_page_get_action_button (hazards, a)));
  fixture_close (&fixture);
}

/* ---- Ctrl+N on each page ------------------------------------------------------------ */

static GtkWidget *
new_on_page (Fixture    *fixture,
             const char *page,
             GType       dialog_type)
{
  GtkWidget *dialog;

  window_navigate (fixture->window, page);
  press_new (fixture);
  dialog = wait_for_toplevel (dialog_type, "the page's form");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  return dialog;
}

static void
close_dialog (GtkWidget *dialog)
{
  watch (&dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for (pointer_is_null, &dialog, "the form to close");
}

static void
run_new_on_pages (void)
{
  Fixture fixture = { 0 };
  GtkWidget *dialog;
  RectifyHazardsPage *hazards;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyHazard) h = rectify_hazard_new ();
  gint64 hazard_id;

  fill_db (&fixture);
  {
    g_autoptr(RectifyStore) store = rectify_store_open (fixture.db, &error);
    g_assert_no_error (error);
    test_store_sign_in (store);
    h->unit_id = fixture.unit;
    h->category = g_strdup ("equipment_defect");
    h->found_date = g_strdup ("2026-06-20");
    h->content = g_strdup ("电梯层门门锁失效");
    hazard_id = rectify_workflow_register (store, h, NULL, &error);
    g_assert_no_error (error);
  }
  remember_actor ("O-1");
  fixture_open (&fixture);

  close_dialog (new_on_page (&fixture, "campaigns", RECTIFY_TYPE_CAMPAIGN_DIALOG));
  close_dialog (new_on_page (&fixture, "inspections", RECTIFY_TYPE_INSPECTION_DIALOG));

  /* Hazards, none shown: the inspection form, where hazards are found */
  hazards = RECTIFY_HAZARDS_PAGE (require_widget (GTK_WIDGET (fixture.window), match_type,
                                                  GSIZE_TO_POINTER (RECTIFY_TYPE_HAZARDS_PAGE), "page"));
  dialog = new_on_page (&fixture, "hazards", RECTIFY_TYPE_INSPECTION_DIALOG);
  require_widget (dialog, match_search_entry, NULL, "the unit to choose first");
  close_dialog (dialog);

  /* Hazards, one shown: another hazard of its unit; registered, it is shown */
  rectify_list_page_select (RECTIFY_LIST_PAGE (hazards), hazard_id);
  drain_main_context ();
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (hazards)), ==, hazard_id);
  dialog = new_on_page (&fixture, "hazards", RECTIFY_TYPE_HAZARD_DIALOG);
  watch (&dialog);
  require_widget (dialog, match_label, "鼓楼人民医院", "the hazard's unit");
  fill (dialog, "Content", "轿厢照明不足");
  click (require_widget (dialog, match_button, "Register", "register"));
  wait_for (pointer_is_null, &dialog, "the hazard form to close");
  drain_main_context ();
  wait_for_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (hazards)), 2, "both hazards listed");
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (hazards)), !=, hazard_id);
  {
    g_autoptr(RectifyHazard) added = rectify_store_get_hazard (store_of (&fixture),
                                                               rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (hazards)), &error);
    g_assert_no_error (error);
    g_assert_cmpint (added->unit_id, ==, fixture.unit);
    g_assert_cmpstr (added->content, ==, "轿厢照明不足");
  }

  /* Documents: the draft letter, asking for the unit */
  dialog = new_on_page (&fixture, "documents", RECTIFY_TYPE_DOCUMENT_DRAFT_DIALOG);
  g_assert_cmpint (rectify_document_draft_dialog_get_unit (RECTIFY_DOCUMENT_DRAFT_DIALOG (dialog)), ==, 0);
  close_dialog (dialog);
  fixture_close (&fixture);
}

static void test_whole_path (void) { in_subprocess (run_whole_path); }
static void test_new_on_pages (void) { in_subprocess (run_new_on_pages); }

int
main (int   argc,
      char *argv[])
{
  rectify_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workflow/whole-path", test_whole_path);
  g_test_add_func ("/workflow/new-on-pages", test_new_on_pages);

  return g_test_run ();
}
