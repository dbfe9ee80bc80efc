/* test-hazards-page.c: following a hazard to its cancellation in the real window, under Xvfb
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rectify-application.h"
#include "rectify-figures.h"
#include "rectify-hazard-action-dialog.h"
#include "rectify-hazard-detail.h"
#include "rectify-hazards-page.h"
#include "rectify-record-list.h"
#include "rectify-validate.h"
#include "rectify-workflow.h"
#include "test-gui-util.h"

typedef struct {
  char               *dir;
  char               *db;
  RectifyApplication *app;
  RectifyWindow      *window;
  RectifyHazardsPage *page;
  gint64              officer;
  gint64              unit;
  gint64              campaign;
  gint64              hazard;
  GPtrArray          *written;  /* files and folders the case made, removed last first */
} Fixture;

/* ---- the database, written before the window opens ----------------------- */

static gint64
add_officer (RectifyStore *store,
             const char   *badge,
             const char   *name,
             RectifyRole   role)
{
  g_autoptr(RectifyOfficer) o = rectify_officer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  o->badge = g_strdup (badge);
  o->name = g_strdup (name);
  o->role = role;
  o->active = TRUE;
  id = rectify_store_add_officer (store, o, &error);
  g_assert_no_error (error);
  /* the first officer added acts for the fixture's later changes */
  if (rectify_store_get_actor (store) == 0 && role != RECTIFY_ROLE_ARCHIVIST)
    g_assert_true (rectify_store_set_actor (store, id, NULL));
  return id;
}

static gint64
register_hazard (RectifyStore *store,
                 Fixture      *fixture,
                 const char   *content,
                 const char   *deadline,
                 gboolean      complete)
{
  g_autoptr(RectifyHazard) h = rectify_hazard_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  h->unit_id = fixture->unit;
  h->campaign_id = fixture->campaign;
  h->category = g_strdup ("equipment_defect");
  h->grade = RECTIFY_GRADE_GENERAL;
  h->found_date = g_strdup ("2026-06-01");
  h->content = g_strdup (content);
  if (complete)
    {
      h->standard = g_strdup ("《特种设备安全法》第四十条");
      h->measures = g_strdup ("更换安全阀");
      h->deadline = g_strdup (deadline);
      h->responsible = g_strdup ("设备管理员");
      h->supervisor_id = fixture->officer;
    }
  id = rectify_workflow_register (store, h, NULL, &error);
  g_assert_no_error (error);
  return id;
}

/* Officers O-1, O-2, archivist A-1, one unit, a campaign and one open
 * hazard with only its content set. */
static RectifyStore *
fill_db (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyUnit) u = rectify_unit_new ();
  g_autoptr(RectifyCampaign) c = rectify_campaign_new ();
  RectifyStore *store;
  char code[19] = "91350100000000001";

  temp_db_make (&fixture->dir, &fixture->db);
  store = rectify_store_open (fixture->db, &error);
  g_assert_no_error (error);
  fixture->officer = add_officer (store, "O-1", "Officer One", RECTIFY_ROLE_OFFICER);
  add_officer (store, "O-2", "Officer Two", RECTIFY_ROLE_OFFICER);
  add_officer (store, "A-1", "Archivist One", RECTIFY_ROLE_ARCHIVIST);
  code[17] = rectify_credit_code_check_char (code);
  code[18] = 0;
  u->credit_code = g_strdup (code);
  u->name = g_strdup ("鼓楼人民医院");
  fixture->unit = rectify_store_add_unit (store, u, &error);
  g_assert_no_error (error);
  c->name = g_strdup ("百日安全行动");
  c->start_date = g_strdup ("2026-03-22");
  fixture->campaign = rectify_store_add_campaign (store, c, &error);
  g_assert_no_error (error);
  fixture->hazard = register_hazard (store, fixture, "锅炉安全阀失效", NULL, FALSE);
  return store;
}

/* The acting officer as the window remembers it from the last run. */
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
  /* Nobody remembered: the case reads as nobody, without signing in. */
  if (g_strcmp0 (rectify_window_get_visible_page_name (fixture->window), "sign-in") == 0)
    window_browse (fixture->window);
  window_navigate (fixture->window, "hazards");
  fixture->page = RECTIFY_HAZARDS_PAGE (require_widget (GTK_WIDGET (fixture->window), match_type,
                                                        GSIZE_TO_POINTER (RECTIFY_TYPE_HAZARDS_PAGE), "page"));
}

static void
remove_written (Fixture *fixture)
{
  for (guint i = fixture->written ? fixture->written->len : 0; i > 0; i--)
    g_remove (g_ptr_array_index (fixture->written, i - 1));
  g_clear_pointer (&fixture->written, g_ptr_array_unref);
}

static void
fixture_close (Fixture *fixture)
{
  window_close ((GtkWindow **) &fixture->window);
  g_clear_object (&fixture->app);
  remove_written (fixture);
  temp_db_remove (fixture->dir, fixture->db);
}

static RectifyStore *
store_of (Fixture *fixture)
{
  return rectify_window_get_store (fixture->window);
}

static gboolean
match_menu_button (GtkWidget    *widget,
                   gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)) != NULL
         && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) == NULL;
}

static gboolean
match_officer_row (GtkWidget    *widget,
                   gconstpointer data)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* As the user does: the acting officer menu of the window. */
static void
choose_actor (Fixture    *fixture,
              const char *name)
{
  GtkWidget *button = require_widget (GTK_WIDGET (fixture->window), match_menu_button, "", "acting officer button");
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));

  g_signal_emit_by_name (require_widget (GTK_WIDGET (popover), match_officer_row, name, "officer"), "activate");
  drain_main_context ();
}

/* ---- what the store says ----------------------------------------------------- */

static GPtrArray *
events_of (Fixture *fixture,
           gint64   hazard)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = rectify_store_list_hazard_events (store_of (fixture), hazard, &error);

  g_assert_no_error (error);
  return events;
}

static void
assert_events (Fixture                *fixture,
               gint64                  hazard,
               const RectifyEventKind *kinds,
               guint                   n)
{
  g_autoptr(GPtrArray) events = events_of (fixture, hazard);

  g_assert_cmpuint (events->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      RectifyHazardEvent *e = g_ptr_array_index (events, i);
      g_assert_cmpstr (rectify_event_kind_to_code (e->kind), ==, rectify_event_kind_to_code (kinds[i]));
    }
}

static RectifyHazardStatus
status_of (Fixture *fixture,
           gint64   hazard)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyHazard) h = rectify_store_get_hazard (store_of (fixture), hazard, &error);

  g_assert_no_error (error);
  return h->status;
}

static void
assert_figures (Fixture *fixture,
                gint64   found,
                gint64   closed,
                gint64   overdue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyFigures) f = rectify_figures_compute (store_of (fixture), 0, "2026-06-30", &error);

  g_assert_no_error (error);
  g_assert_cmpint (f->hazards_found, ==, found);
  g_assert_cmpint (f->hazards_closed, ==, closed);
  g_assert_cmpint (f->hazards_overdue, ==, overdue);
  g_assert_cmpfloat_with_epsilon (f->rectification_rate, found ? (double) closed / found : 0, 1e-9);
}

static void
assert_offered (Fixture             *fixture,
                RectifyHazardAction  action,
                gboolean             offered)
{
  GtkWidget *button = rectify_hazards_page_get_action_button (fixture->page, action);

  g_assert_nonnull (button);
  if (offered)
    g_assert_true (gtk_widget_get_mapped (button) && gtk_widget_is_sensitive (button));
  else
    g_assert_false (gtk_widget_get_mapped (button));
}

/* ---- files ------------------------------------------------------------------ */

static GBytes *
png_bytes (int width,
           int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3070c0ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            GBytes     *data)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (data, NULL), g_bytes_get_size (data), &error));
  g_assert_no_error (error);
  if (fixture->written == NULL)
    fixture->written = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (fixture->written, g_strdup (path));
  return g_file_new_for_path (path);
}

/* ---- the dialog of an action ------------------------------------------------- */

static RectifyHazardActionDialog *
open_action (Fixture             *fixture,
             RectifyHazardAction  action)
{
  GtkWidget *button = rectify_hazards_page_get_action_button (fixture->page, action);

  click (button);
  return RECTIFY_HAZARD_ACTION_DIALOG (wait_for_toplevel (RECTIFY_TYPE_HAZARD_ACTION_DIALOG, "the action's dialog"));
}

static void
dialog_add (Fixture                   *fixture,
            RectifyHazardActionDialog *dialog,
            const char                *name,
            GBytes                    *data)
{
  g_autoptr(GFile) file = write_file (fixture, name, data);
  g_autoptr(GError) error = NULL;

  g_assert_true (rectify_hazard_action_dialog_add_file (dialog, file, &error));
  g_assert_no_error (error);
}

static void
dialog_apply (RectifyHazardActionDialog *dialog)
{
  const char *title = rectify_hazard_action_title (rectify_hazard_action_dialog_get_action (dialog));

  click (require_widget (GTK_WIDGET (dialog), match_button, title, "apply button"));
  drain_main_context ();
}

static gboolean
dialog_is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
dialog_apply_and_wait (RectifyHazardActionDialog *dialog)
{
  RectifyHazardActionDialog *weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  dialog_apply (dialog);
  wait_for (dialog_is_gone, &weak, "the dialog to close");
}

static void
dialog_close (RectifyHazardActionDialog *dialog)
{
  RectifyHazardActionDialog *weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for (dialog_is_gone, &weak, "the dialog to close");
}

static gint64
count_attachments (Fixture *fixture,
                   gint64   hazard)
{
  g_autoptr(GPtrArray) events = events_of (fixture, hazard);
  gint64 n = 0;

  for (guint i = 0; i < events->len; i++)
    n += ((RectifyHazardEvent *) g_ptr_array_index (events, i))->attachments->len;
  return n;
}

static guint
count_widgets (GtkWidget *root,
               Match      match)
{
  guint n = match (root, NULL) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, match);
  return n;
}

static gboolean
match_picture (GtkWidget    *widget,
               gconstpointer data)
{
  return GTK_IS_PICTURE (widget) && gtk_widget_get_mapped (widget)
         && gtk_picture_get_paintable (GTK_PICTURE (widget)) != NULL;
}

/* A 60 × 40 JPEG, red on its left half and blue on its right, tagged EXIF
 * Orientation 6 (turn 90° clockwise to view): upright it is 40 × 60 with
 * the red half on top.  gdk-pixbuf writes no EXIF, so the APP1 segment is
 * put in by hand right after the SOI marker. */
static GBytes *
oriented_jpeg_bytes (void)
{
  static const guint8 app1[] = {
    0xFF, 0xE1, 0x00, 0x22,                         /* APP1, 34 bytes long */
    'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,   /* big-endian TIFF, IFD0 at 8 */
    0x00, 0x01,                                     /* one entry: */
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, /* Orientation, one SHORT, */
    0x00, 0x06, 0x00, 0x00,                         /* = 6 */
    0x00, 0x00, 0x00, 0x00,                         /* no next IFD */
  };
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 60, 40);
  g_autoptr(GdkPixbuf) left = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *buffer = NULL;
  gsize size = 0;
  GByteArray *jpeg = g_byte_array_new ();

  gdk_pixbuf_fill (pixbuf, 0x0000FFFF);
  left = gdk_pixbuf_new_subpixbuf (pixbuf, 0, 0, 30, 40);
  gdk_pixbuf_fill (left, 0xFF0000FF);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "95", NULL));
  g_assert_no_error (error);
  g_byte_array_append (jpeg, (const guint8 *) buffer, 2);
  g_byte_array_append (jpeg, app1, sizeof app1);
  g_byte_array_append (jpeg, (const guint8 *) buffer + 2, size - 2);
  return g_byte_array_free_to_bytes (jpeg);
}

/* ---- the cases, each in its own process ---------------------------------- */

/* open → five implementations → rectified with a photo → confirmed → closed */
static void
run_life_cycle (void)
{
  Fixture fixture = { 0 };
  g_autoptr(RectifyStore) setup = NULL;
  const RectifyEventKind kinds[] = {
    RECTIFY_EVENT_REGISTERED, RECTIFY_EVENT_IMPLEMENTED, RECTIFY_EVENT_RECTIFIED, RECTIFY_EVENT_CONFIRMED,
  };
  g_autoptr(GBytes) photo = png_bytes (640, 480);
  g_autoptr(GBytes) text = g_bytes_new_static ("not a picture\n", 14);
  RectifyHazardActionDialog *dialog;
  GtkWidget *root, *page;

  setup = fill_db (&fixture);
  g_clear_object (&setup);
  remember_actor ("O-1");
  fixture_open (&fixture);
  root = GTK_WIDGET (fixture.window);
  page = GTK_WIDGET (fixture.page);
  g_assert_cmpint (rectify_store_get_actor (store_of (&fixture)), ==, fixture.officer);

  wait_for_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (fixture.page)), 1, "the hazard listed");
  require_widget (page, match_label, "1 hazard", "count");
  rectify_list_page_select (RECTIFY_LIST_PAGE (fixture.page), fixture.hazard);
  drain_main_context ();
  g_assert_cmpint (rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (fixture.page)), ==, fixture.hazard);
  require_widget (page, match_label, "Missing: standard, measures, deadline, responsible person", "missing five");
  assert_offered (&fixture, RECTIFY_ACTION_TRACK, TRUE);
  assert_offered (&fixture, RECTIFY_ACTION_IMMEDIATE, TRUE);
  assert_offered (&fixture, RECTIFY_ACTION_RECTIFY, FALSE);
  assert_offered (&fixture, RECTIFY_ACTION_CONFIRM, FALSE);
  assert_offered (&fixture, RECTIFY_ACTION_REJECT, FALSE);
  assert_figures (&fixture, 1, 0, 0);

  /* A deadline before the finding: refused at the field, nothing written. */
  fill (page, "Standard", "《特种设备安全法》第四十条");
  fill (page, "Measures", "更换安全阀并校验");
  fill (page, "Deadline", "2026-05-01");
  fill (page, "Responsible person", "设备管理员");
  click (require_widget (page, match_button, "Save Implementations", "button"));
  drain_main_context ();
  require_widget (page, match_error_label, "Deadline: 2026-05-01 is before the hazard was found", "error");
  g_assert_true (gtk_widget_has_css_class (require_widget (page, match_row, "Deadline", "row"), "error"));
  assert_events (&fixture, fixture.hazard, kinds, 1);
  g_assert_cmpint (status_of (&fixture, fixture.hazard), ==, RECTIFY_HAZARD_OPEN);

  /* The five complete: rectifying. */
  fill (page, "Deadline", "2026-07-10");
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_widget (page, match_row, "Supervising officer", "row")), 1);
  click (require_widget (page, match_button, "Save Implementations", "button"));
  drain_main_context ();
  g_assert_cmpint (status_of (&fixture, fixture.hazard), ==, RECTIFY_HAZARD_RECTIFYING);
  assert_events (&fixture, fixture.hazard, kinds, 2);
  {
    g_autoptr(RectifyHazard) h = rectify_store_get_hazard (store_of (&fixture), fixture.hazard, NULL);
    g_assert_cmpstr (h->deadline, ==, "2026-07-10");
    g_assert_cmpstr (h->measures, ==, "更换安全阀并校验");
    g_assert_cmpint (h->supervisor_id, ==, fixture.officer);
  }
  require_widget (page, match_label, "All five are set.", "five set");
  require_widget (page, match_label, "10 days left", "days left");
  assert_figures (&fixture, 1, 0, 0);
  assert_offered (&fixture, RECTIFY_ACTION_RECTIFY, TRUE);
  assert_offered (&fixture, RECTIFY_ACTION_CONFIRM, FALSE);
  g_assert_null (rectify_hazards_page_open_action (fixture.page, RECTIFY_ACTION_CONFIRM));

  /* A text file called .png is refused with the core's reason. */
  dialog = open_action (&fixture, RECTIFY_ACTION_RECTIFY);
  dialog_add (&fixture, dialog, "fake.png", text);
  fill (GTK_WIDGET (dialog), "Note", "已更换");
  dialog_apply (dialog);
  require_widget (GTK_WIDGET (dialog), match_error_label,
                  "Attachment fake.png: only photos (PNG, JPEG) and PDF files can be attached", "error");
  g_assert_cmpint (status_of (&fixture, fixture.hazard), ==, RECTIFY_HAZARD_RECTIFYING);
  assert_events (&fixture, fixture.hazard, kinds, 2);
  g_assert_cmpint (count_attachments (&fixture, fixture.hazard), ==, 0);
  dialog_close (dialog);

  /* So is a photo over 20 MB. */
  {
    gsize size = 21 * 1024 * 1024;
    guchar *big = g_malloc0 (size);
    g_autoptr(GBytes) big_bytes = NULL;

    memcpy (big, g_bytes_get_data (photo, NULL), 64);
    big_bytes = g_bytes_new_take (big, size);
    dialog = open_action (&fixture, RECTIFY_ACTION_RECTIFY);
    dialog_add (&fixture, dialog, "huge.png", big_bytes);
    dialog_apply (dialog);
    require_widget (GTK_WIDGET (dialog), match_error_label, "Attachment huge.png: 21.0 MB is over the limit of 20 MB",
                    "error");
    g_assert_cmpint (status_of (&fixture, fixture.hazard), ==, RECTIFY_HAZARD_RECTIFYING);
    assert_events (&fixture, fixture.hazard, kinds, 2);
    g_assert_cmpint (count_attachments (&fixture, fixture.hazard), ==, 0);
    dialog_close (dialog);
  }

  /* Rectified, with a photo as evidence. */
  dialog = open_action (&fixture, RECTIFY_ACTION_RECTIFY);
  dialog_add (&fixture, dialog, "valve.png", photo);
  fill (GTK_WIDGET (dialog), "Date", "2026-06-28");
  fill (GTK_WIDGET (dialog), "Note", "安全阀已更换并校验");
  dialog_apply_and_wait (dialog);
  drain_main_context ();
  g_assert_cmpint (status_of (&fixture, fixture.hazard), ==, RECTIFY_HAZARD_RECTIFIED);
  assert_events (&fixture, fixture.hazard, kinds, 3);
  {
    g_autoptr(GPtrArray) events = events_of (&fixture, fixture.hazard);
    RectifyHazardEvent *e = g_ptr_array_index (events, 2);
    RectifyAttachment *listed;
    g_autoptr(RectifyAttachment) a = NULL;

    g_assert_cmpstr (e->date, ==, "2026-06-28");
    g_assert_cmpstr (e->note, ==, "安全阀已更换并校验");
    g_assert_cmpint (e->officer_id, ==, fixture.officer);
    g_assert_cmpuint (e->attachments->len, ==, 1);
    listed = g_ptr_array_index (e->attachments, 0);
    g_assert_cmpstr (listed->filename, ==, "valve.png");
    g_assert_cmpstr (listed->mime, ==, "image/png");
    a = rectify_store_get_attachment (store_of (&fixture), listed->id, NULL);
    g_assert_true (g_bytes_equal (a->data, photo));
  }
  /* The timeline shows the photo's thumbnail and the note. */
  require_widget (page, match_picture, NULL, "thumbnail");
  require_widget (page, match_label, "安全阀已更换并校验", "note");
  {
    g_autofree char *heading = g_strdup_printf ("2026-06-28 · %s · Officer One",
                                                rectify_event_kind_to_label (RECTIFY_EVENT_RECTIFIED));
    require_widget (page, match_label, heading, "event heading");
  }
  assert_figures (&fixture, 1, 0, 0);
  assert_offered (&fixture, RECTIFY_ACTION_CONFIRM, TRUE);
  assert_offered (&fixture, RECTIFY_ACTION_REJECT, TRUE);
  assert_offered (&fixture, RECTIFY_ACTION_RECTIFY, FALSE);
  assert_offered (&fixture, RECTIFY_ACTION_IMMEDIATE, FALSE);
  /* The five can no longer change. */
  g_assert_false (gtk_widget_get_mapped (rectify_hazards_page_get_action_button (fixture.page, RECTIFY_ACTION_IMPLEMENT)));
  g_assert_false (gtk_widget_is_sensitive (require_widget (page, match_row, "Measures", "row")));

  /* Confirmed on site: closed. */
  dialog = open_action (&fixture, RECTIFY_ACTION_CONFIRM);
  fill (GTK_WIDGET (dialog), "Date", "2026-06-30");
  dialog_apply_and_wait (dialog);
  drain_main_context ();
  g_assert_cmpint (status_of (&fixture, fixture.hazard), ==, RECTIFY_HAZARD_CLOSED);
  assert_events (&fixture, fixture.hazard, kinds, 4);
  assert_figures (&fixture, 1, 1, 0);
  for (int a = 0; a < RECTIFY_N_ACTIONS; a++)
    assert_offered (&fixture, a, FALSE);
  require_widget (page, match_label, "This hazard is closed", "closed");
  g_assert_null (find_widget (root, match_type, GSIZE_TO_POINTER (RECTIFY_TYPE_HAZARD_ACTION_DIALOG)));

  fixture_close (&fixture);
}

/* Confirmation is signed by an officer; an archivist is offered nothing. */
static void
run_not_offered (void)
{
  Fixture fixture = { 0 };
  g_autoptr(RectifyStore) setup = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  gint64 hazard;

  setup = fill_db (&fixture);
  hazard = register_hazard (setup, &fixture, "电梯超期未检", "2026-06-20", TRUE);
  g_assert_true (rectify_workflow_act (setup, hazard, RECTIFY_ACTION_RECTIFY, 0, "2026-06-25", NULL, NULL, 0, &error));
  g_assert_no_error (error);
  g_clear_object (&setup);
  fixture_open (&fixture);
  page = GTK_WIDGET (fixture.page);
  g_assert_cmpint (rectify_store_get_actor (store_of (&fixture)), ==, 0);

  wait_for_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (fixture.page)), 2, "the hazards listed");
  rectify_list_page_select (RECTIFY_LIST_PAGE (fixture.page), hazard);
  drain_main_context ();
  /* Nobody chosen: no confirmation, and the reason is shown. */
  assert_offered (&fixture, RECTIFY_ACTION_CONFIRM, FALSE);
  assert_offered (&fixture, RECTIFY_ACTION_REJECT, FALSE);
  /* Not even tracking: it would be written in nobody's name. */
  assert_offered (&fixture, RECTIFY_ACTION_TRACK, FALSE);
  g_assert_null (rectify_hazards_page_open_action (fixture.page, RECTIFY_ACTION_CONFIRM));

  choose_actor (&fixture, "Officer One");
  assert_offered (&fixture, RECTIFY_ACTION_CONFIRM, TRUE);
  assert_offered (&fixture, RECTIFY_ACTION_REJECT, TRUE);

  /* Rejecting needs a note: refused, nothing written. */
  {
    RectifyHazardActionDialog *dialog = open_action (&fixture, RECTIFY_ACTION_REJECT);
    const RectifyEventKind kinds[] = { RECTIFY_EVENT_REGISTERED, RECTIFY_EVENT_RECTIFIED, RECTIFY_EVENT_REJECTED };

    dialog_apply (dialog);
    require_widget (GTK_WIDGET (dialog), match_error_label, "Note:", "error");
    g_assert_true (gtk_widget_has_css_class (require_widget (GTK_WIDGET (dialog), match_row, "Note", "row"), "error"));
    assert_events (&fixture, hazard, kinds, 2);
    fill (GTK_WIDGET (dialog), "Note", "安全阀铅封缺失，重新整改");
    dialog_apply_and_wait (dialog);
    assert_events (&fixture, hazard, kinds, 3);
    g_assert_cmpint (status_of (&fixture, hazard), ==, RECTIFY_HAZARD_RECTIFYING);
    /* 10 days overdue on 2026-06-30, in the list and the pane */
    require_widget (page, match_label, "10 days overdue", "days overdue");
    assert_figures (&fixture, 2, 0, 1);
  }

  /* An archivist reads only. */
  choose_actor (&fixture, "Archivist One");
  for (int a = 0; a < RECTIFY_N_ACTIONS; a++)
    assert_offered (&fixture, a, FALSE);
  g_assert_false (gtk_widget_is_sensitive (require_widget (page, match_row, "Content", "row")));

  fixture_close (&fixture);
}

/* An attachment is the same bytes after the database is closed and opened. */
static void
run_attachment_restart (void)
{
  Fixture fixture = { 0 };
  g_autoptr(RectifyStore) setup = NULL;
  g_autoptr(RectifyStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) photo = png_bytes (1200, 900);
  g_autoptr(GBytes) photo2 = png_bytes (800, 600);
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", 50);
  GBytes *sent[3] = { photo, photo2, pdf };
  g_autoptr(GPtrArray) events = NULL;
  RectifyHazardActionDialog *dialog;
  g_autofree char *path = NULL;
  RectifyHazardEvent *e;
  gint64 hazard;

  setup = fill_db (&fixture);
  hazard = register_hazard (setup, &fixture, "起重机限位器失效", "2026-07-20", TRUE);
  g_clear_object (&setup);
  remember_actor ("O-2");
  fixture_open (&fixture);
  wait_for_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (fixture.page)), 2, "the hazards listed");
  rectify_list_page_select (RECTIFY_LIST_PAGE (fixture.page), hazard);
  drain_main_context ();

  dialog = open_action (&fixture, RECTIFY_ACTION_TRACK);
  /* the third kind: tracking service (a technical help visit) */
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_widget (GTK_WIDGET (dialog), match_row, "Kind", "row")), 2);
  fill (GTK_WIDGET (dialog), "Note", "检验机构技术人员到场指导");
  /* two photos of the same name, decoded side by side, and a PDF */
  dialog_add (&fixture, dialog, "现场照片.png", sent[0]);
  {
    g_autofree char *sub = g_build_filename (fixture.dir, "second", NULL);
    g_autofree char *second = g_build_filename ("second", "现场照片.png", NULL);

    g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
    g_ptr_array_add (fixture.written, g_strdup (sub));
    dialog_add (&fixture, dialog, second, sent[1]);
  }
  dialog_add (&fixture, dialog, "指导记录.pdf", sent[2]);
  g_assert_cmpuint (rectify_hazard_action_dialog_get_n_attachments (dialog), ==, 3);
  dialog_apply_and_wait (dialog);
  drain_main_context ();
  g_assert_cmpuint (count_widgets (GTK_WIDGET (fixture.page), match_picture), ==, 2);
  require_widget (GTK_WIDGET (fixture.page), match_label, "指导记录.pdf", "PDF name");

  /* "Open" writes the stored bytes to a file of the attachment's name
   * (the default viewer is not there to be asked under Xvfb). */
  {
    g_autoptr(GPtrArray) shown = events_of (&fixture, hazard);
    RectifyHazardEvent *tracked = g_ptr_array_index (shown, 1);
    g_autofree char *open_dir = g_build_filename (fixture.dir, "open", NULL);

    for (guint i = 0; i < tracked->attachments->len; i++)
      {
        RectifyAttachment *listed = g_ptr_array_index (tracked->attachments, i);
        g_autofree char *written = rectify_attachment_write_file (store_of (&fixture), listed->id, open_dir, &error);
        g_autofree char *contents = NULL;
        g_autofree char *base = NULL;
        gsize length = 0;

        g_assert_no_error (error);
        base = g_path_get_basename (written);
        g_assert_cmpstr (base, ==, listed->filename);
        g_assert_true (g_file_get_contents (written, &contents, &length, &error));
        g_assert_no_error (error);
        g_assert_cmpmem (contents, length, g_bytes_get_data (sent[i], NULL), g_bytes_get_size (sent[i]));
        g_unlink (written);
        {
          g_autofree char *folder = g_path_get_dirname (written);
          g_rmdir (folder);
        }
      }
    g_rmdir (open_dir);
  }

  path = g_strdup (fixture.db);
  window_close ((GtkWindow **) &fixture.window);
  g_clear_object (&fixture.app);

  reopened = rectify_store_open (path, &error);
  g_assert_no_error (error);
  events = rectify_store_list_hazard_events (reopened, hazard, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  e = g_ptr_array_index (events, 1);
  g_assert_cmpint (e->kind, ==, RECTIFY_EVENT_TRACKING_SERVICE);
  g_assert_cmpstr (e->officer_name, ==, "Officer Two");
  g_assert_cmpuint (e->attachments->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      RectifyAttachment *listed = g_ptr_array_index (e->attachments, i);
      g_autoptr(RectifyAttachment) a = rectify_store_get_attachment (reopened, listed->id, &error);
      g_autofree char *sum = NULL;

      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (a->data, sent[i]));
      sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, sent[i]);
      g_assert_cmpstr (a->sha256, ==, sum);
      g_assert_cmpstr (a->filename, ==, i == 2 ? "指导记录.pdf" : "现场照片.png");
      g_assert_cmpstr (a->mime, ==, i == 2 ? "application/pdf" : "image/png");
    }
  g_clear_object (&reopened);
  remove_written (&fixture);
  temp_db_remove (fixture.dir, fixture.db);
}

/* The filters are the store's query; each row says days left or overdue. */
static void
run_filters (void)
{
  Fixture fixture = { 0 };
  g_autoptr(RectifyStore) setup = NULL;
  GtkWidget *page;
  GListModel *model;
  GtkToggleButton *overdue, *due;
  gint64 late, soon;

  setup = fill_db (&fixture);
  late = register_hazard (setup, &fixture, "电梯超期未检", "2026-06-27", TRUE);  /* 3 days overdue */
  soon = register_hazard (setup, &fixture, "压力容器安全阀过期", "2026-07-05", TRUE); /* 5 days left */
  register_hazard (setup, &fixture, "气瓶充装记录不全", "2026-08-30", TRUE);
  g_clear_object (&setup);

  /* The window builds the page at start; it reads the list once shown. */
  fixture.app = test_application_new ();
  app_window_open (fixture.app, fixture.db, &fixture.window);
  page = require_widget (GTK_WIDGET (fixture.window), match_type, GSIZE_TO_POINTER (RECTIFY_TYPE_HAZARDS_PAGE), "page");
  fixture.page = RECTIFY_HAZARDS_PAGE (page);
  model = rectify_list_page_get_model (RECTIFY_LIST_PAGE (fixture.page));
  g_assert_false (gtk_widget_get_mapped (page));
  drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  window_browse (fixture.window);
  window_navigate (fixture.window, "hazards");

  wait_for_n_items (model, 4, "every hazard listed");
  require_widget (page, match_label, "4 hazards", "count");
  require_widget (page, match_label, "3 days overdue", "days overdue");
  require_widget (page, match_label, "5 days left", "days left");
  require_widget (page, match_label, "No deadline", "no deadline");

  /* the deadline filters wait in the filters' popover */
  gtk_menu_button_popup (GTK_MENU_BUTTON (require_widget (page, match_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON),
                                                          "the filters button")));
  wait_for_widget (page, match_button, "Overdue", "the filters' popover");
  overdue = GTK_TOGGLE_BUTTON (require_widget (page, match_button, "Overdue", "toggle"));
  due = GTK_TOGGLE_BUTTON (require_widget (page, match_button, "Due within 7 days", "toggle"));
  gtk_toggle_button_set_active (overdue, TRUE);
  wait_for_n_items (model, 1, "the overdue hazard");
  {
    g_autoptr(GObject) row = g_list_model_get_item (model, 0);
    g_assert_cmpint (rectify_row_get_id (RECTIFY_ROW (row)), ==, late);
  }
  require_widget (page, match_label, "1 hazard", "count");
  /* the overdue days in red; the same cell, bound to the hazard due soon
   * next, must lose it (the list keeps its row widgets across queries) */
  g_assert_true (gtk_widget_has_css_class (require_widget (page, match_label, "3 days overdue", "days overdue"),
                                           "error"));
  gtk_toggle_button_set_active (due, TRUE);
  g_assert_false (gtk_toggle_button_get_active (overdue));
  wait_for_n_items (model, 1, "the hazard due soon");
  {
    g_autoptr(GObject) row = g_list_model_get_item (model, 0);
    g_assert_cmpint (rectify_row_get_id (RECTIFY_ROW (row)), ==, soon);
  }
  g_assert_null (find_widget (page, match_label, "3 days overdue"));
  g_assert_false (gtk_widget_has_css_class (require_widget (page, match_label, "5 days left", "days left"), "error"));
  gtk_toggle_button_set_active (due, FALSE);
  wait_for_n_items (model, 4, "every hazard again");

  /* Search by the unit's name and by the description. */
  gtk_editable_set_text (GTK_EDITABLE (require_widget (page, match_search_entry, NULL, "search")), "充装");
  wait_for_n_items (model, 1, "the search result");
  gtk_editable_set_text (GTK_EDITABLE (require_widget (page, match_search_entry, NULL, "search")), "医院");
  wait_for_n_items (model, 4, "the unit's hazards");
  gtk_editable_set_text (GTK_EDITABLE (require_widget (page, match_search_entry, NULL, "search")), "");
  wait_for_n_items (model, 4, "every hazard again");

  fixture_close (&fixture);
}

/* In Chinese: day counts, actions, and the core's message at its field. */
static void
run_chinese (void)
{
  Fixture fixture = { 0 };
  g_autoptr(RectifyStore) setup = NULL;
  GtkWidget *page;
  gint64 late;

  g_assert_nonnull (g_getenv ("RECTIFY_LOCALEDIR"));
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  rectify_application_init_i18n ();

  setup = fill_db (&fixture);
  late = register_hazard (setup, &fixture, "电梯超期未检", "2026-06-27", TRUE);
  register_hazard (setup, &fixture, "压力容器安全阀过期", "2026-07-05", TRUE);
  g_clear_object (&setup);
  remember_actor ("O-1");
  fixture_open (&fixture);
  page = GTK_WIDGET (fixture.page);

  wait_for_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (fixture.page)), 3, "the hazards listed");
  require_widget (page, match_label, "3 条隐患", "count");
  require_widget (page, match_label, "逾期 3 天", "days overdue");
  require_widget (page, match_label, "剩余 5 天", "days left");
  /* in the filters' popover, and its button in Chinese */
  gtk_menu_button_popup (GTK_MENU_BUTTON (require_widget (page, match_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON), "the filters button")));
  wait_for_widget (page, match_button, "7 天内到期", "due soon filter");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (require_widget (page, match_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON), "the filters button")));

  rectify_list_page_select (RECTIFY_LIST_PAGE (fixture.page), late);
  drain_main_context ();
  require_widget (page, match_button, "添加跟踪记录", "tracking action");
  require_widget (page, match_button, "报告整改完成", "rectified action");
  require_widget (page, match_label, "五落实已全部落实", "five set");

  fill (page, "整改期限", "2026-05-01");
  click (require_widget (page, match_button, "保存五落实", "button"));
  drain_main_context ();
  require_widget (page, match_error_label, "整改期限：2026-05-01 早于隐患发现日期", "error");
  g_assert_true (gtk_widget_has_css_class (require_widget (page, match_row, "整改期限", "row"), "error"));

  fixture_close (&fixture);
}

/* A phone's portrait photo (stored landscape, EXIF Orientation 6) shows
 * upright in the timeline; the stored bytes are the original. */
static void
run_oriented_thumbnail (void)
{
  Fixture fixture = { 0 };
  g_autoptr(RectifyStore) setup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) photo = oriented_jpeg_bytes ();
  RectifyNewAttachment attachment = { "portrait.jpg", "image/jpeg", photo };
  GdkPaintable *paintable;
  g_autofree guint8 *pixels = NULL;
  gsize stride;

  setup = fill_db (&fixture);
  g_assert_true (rectify_workflow_act (setup, fixture.hazard, RECTIFY_ACTION_TRACK,
                                       RECTIFY_EVENT_TRACKING_RECTIFICATION, "2026-06-22", "竖拍的照片",
                                       &attachment, 1, &error));
  g_assert_no_error (error);
  g_clear_object (&setup);
  fixture_open (&fixture);
  wait_for_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (fixture.page)), 1, "the hazard listed");
  rectify_list_page_select (RECTIFY_LIST_PAGE (fixture.page), fixture.hazard);
  drain_main_context ();

  paintable = gtk_picture_get_paintable (GTK_PICTURE (require_widget (GTK_WIDGET (fixture.page), match_picture,
                                                                      NULL, "thumbnail")));
  g_assert_true (GDK_IS_TEXTURE (paintable));
  g_assert_cmpint (gdk_texture_get_width (GDK_TEXTURE (paintable)), ==, 40);
  g_assert_cmpint (gdk_texture_get_height (GDK_TEXTURE (paintable)), ==, 60);
  stride = 40 * 4;
  pixels = g_malloc (stride * 60);
  gdk_texture_download (GDK_TEXTURE (paintable), pixels, stride);
  /* cairo ARGB32, a native 0xAARRGGBB: the top half red, the bottom blue */
  {
    guint32 top = ((guint32 *) pixels)[15 * 40 + 20] & 0xFFFFFF;
    guint32 bottom = ((guint32 *) pixels)[45 * 40 + 20] & 0xFFFFFF;

    g_assert_cmpuint (top >> 16, >, 0xC0);
    g_assert_cmpuint (top & 0xFF, <, 0x40);
    g_assert_cmpuint (bottom & 0xFF, >, 0xC0);
    g_assert_cmpuint (bottom >> 16, <, 0x40);
  }
  /* the database keeps the bytes as they came */
  {
    g_autoptr(GPtrArray) events = events_of (&fixture, fixture.hazard);
    RectifyHazardEvent *e = g_ptr_array_index (events, events->len - 1);
    RectifyAttachment *listed = g_ptr_array_index (e->attachments, 0);
    g_autoptr(RectifyAttachment) a = rectify_store_get_attachment (store_of (&fixture), listed->id, NULL);

    g_assert_true (g_bytes_equal (a->data, photo));
  }
  fixture_close (&fixture);
}

/* The order to stop use is lifted where it shows, once the hazard is closed. */
static void
run_lift_stop_use (void)
{
  Fixture fixture = { 0 };
  g_autoptr(RectifyStore) setup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyEquipment) e = rectify_equipment_new ();
  gint64 elevator, hazard;
  GtkWidget *button;

  setup = fill_db (&fixture);
  e->unit_id = fixture.unit;
  e->category = RECTIFY_CATEGORY_ELEVATOR;
  e->code = g_strdup ("311035010201600001");
  e->status = RECTIFY_EQUIPMENT_IN_USE;
  elevator = rectify_store_add_equipment (setup, e, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RectifyHazard) h = rectify_hazard_new ();
    h->unit_id = fixture.unit;
    h->campaign_id = fixture.campaign;
    h->equipment_id = elevator;
    h->category = g_strdup ("equipment_defect");
    h->grade = RECTIFY_GRADE_GENERAL;
    h->found_date = g_strdup ("2026-06-01");
    h->content = g_strdup ("电梯制动器失效");
    hazard = rectify_workflow_register (setup, h, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_true (rectify_workflow_act (setup, hazard, RECTIFY_ACTION_STOP_USE, 0, "2026-06-02", "责令停止使用",
                                       NULL, 0, &error));
  g_assert_no_error (error);
  g_clear_object (&setup);
  remember_actor ("O-1");
  fixture_open (&fixture);

  wait_for_n_items (rectify_list_page_get_model (RECTIFY_LIST_PAGE (fixture.page)), 2, "the hazards listed");
  /* the hazard without an order shows no button */
  rectify_list_page_select (RECTIFY_LIST_PAGE (fixture.page), fixture.hazard);
  drain_main_context ();
  g_assert_null (rectify_hazards_page_get_lift_stop_use_button (fixture.page));

  /* open: the button is in the order's row, insensitive, saying why */
  rectify_list_page_select (RECTIFY_LIST_PAGE (fixture.page), hazard);
  drain_main_context ();
  button = rectify_hazards_page_get_lift_stop_use_button (fixture.page);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "closed"));

  /* corrected on the spot and closed: now it lifts the order */
  g_assert_true (rectify_workflow_act (store_of (&fixture), hazard, RECTIFY_ACTION_IMMEDIATE, 0, "2026-06-03",
                                       "当场更换制动器", NULL, 0, &error));
  g_assert_no_error (error);
  rectify_list_page_select (RECTIFY_LIST_PAGE (fixture.page), fixture.hazard);
  drain_main_context ();
  rectify_list_page_select (RECTIFY_LIST_PAGE (fixture.page), hazard);
  drain_main_context ();
  button = rectify_hazards_page_get_lift_stop_use_button (fixture.page);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_null (gtk_widget_get_tooltip_text (button));
  g_signal_emit_by_name (button, "clicked");
  drain_main_context ();
  {
    g_autoptr(RectifyEquipment) now = rectify_store_get_equipment (store_of (&fixture), elevator, &error);
    g_assert_no_error (error);
    g_assert_cmpint (now->status, ==, RECTIFY_EQUIPMENT_IN_USE);
  }
  /* lifted once: the button stays, insensitive */
  button = rectify_hazards_page_get_lift_stop_use_button (fixture.page);
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "not stopped"));

  /* an archivist gets no editing control */
  choose_actor (&fixture, "Archivist One");
  g_assert_false (gtk_widget_is_sensitive (rectify_hazards_page_get_lift_stop_use_button (fixture.page)));
  fixture_close (&fixture);
}

static void test_life_cycle (void) { in_subprocess (run_life_cycle); }
static void test_lift_stop_use (void) { in_subprocess (run_lift_stop_use); }
static void test_oriented_thumbnail (void) { in_subprocess (run_oriented_thumbnail); }
static void test_not_offered (void) { in_subprocess (run_not_offered); }
static void test_attachment_restart (void) { in_subprocess (run_attachment_restart); }
static void test_filters (void) { in_subprocess (run_filters); }
static void test_chinese (void) { in_subprocess (run_chinese); }

int
main (int   argc,
      char *argv[])
{
  rectify_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hazards-page/life-cycle", test_life_cycle);
  g_test_add_func ("/hazards-page/not-offered", test_not_offered);
  g_test_add_func ("/hazards-page/lift-stop-use", test_lift_stop_use);
  g_test_add_func ("/hazards-page/oriented-thumbnail", test_oriented_thumbnail);
  g_test_add_func ("/hazards-page/attachment-restart", test_attachment_restart);
  g_test_add_func ("/hazards-page/filters", test_filters);
  g_test_add_func ("/hazards-page/chinese", test_chinese);

  return g_test_run ();
}
