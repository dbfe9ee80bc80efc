/* test-sqlite-audit.c: what verify finds when the file is changed behind the
 * application's back (raw SQL through a connection of its own), the batch
 * entries of bulk writes, the baseline of an upgraded file and the anchor of
 * the chain in an archive (issue 12)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rectify-archive.h"
#include "rectify-demo.h"
#include "rectify-schedule.h"
#include "rectify-workflow.h"
#include "rectify-store-private.h"
#include "test-import-util.h"

/* Runs sql on the file through a connection of its own; the triggers it
 * needs out of the way it drops itself. */
static void
tamper (TestDb *t, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (t->path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
count (TestDb *t, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (t->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static GBytes *
fake_render (RectifyStore *store, const RectifyDocument *document, const char *english_number,
             gpointer user_data, GError **error)
{
  return g_bytes_new_static ("%PDF-1.4 test", 13);
}

/* The seed sample with a voided letter and a letter that keeps its PDF:
 * every kind of record the chain holds. */
static void
open_sample (TestDb *t, gint64 *pdf_document, gint64 *void_document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  gint64 hazard, unit;

  g_setenv ("RECTIFY_TODAY", "2026-06-30", TRUE);
  test_db_open (t);
  g_assert_cmpint (rectify_demo_generate (t->store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  test_store_sign_in (t->store);
  test_store_set_up_bureau (t->store);
  hazards = rectify_store_list_hazards (t->store, &q, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, >, 1);
  hazard = ((RectifyHazard *) g_ptr_array_index (hazards, 0))->id;
  unit = ((RectifyHazard *) g_ptr_array_index (hazards, 0))->unit_id;
  *pdf_document = rectify_store_issue_document_with_pdf (t->store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, unit, 0,
                                                         "2026-06-30", &hazard, 1, fake_render, NULL, &error);
  g_assert_no_error (error);
  hazard = ((RectifyHazard *) g_ptr_array_index (hazards, 1))->id;
  unit = ((RectifyHazard *) g_ptr_array_index (hazards, 1))->unit_id;
  *void_document = rectify_store_issue_document_with_pdf (t->store, RECTIFY_DOCUMENT_INSTRUCTION_LETTER, unit, 0,
                                                          "2026-06-30", &hazard, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_store_void_document (t->store, *void_document, "填错了单位", &error));
  g_assert_no_error (error);
}

static void
verify (TestDb *t, RectifyAuditReport *report)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rectify_store_verify_audit (t->store, report, &error));
  g_assert_no_error (error);
}

static void
assert_intact (TestDb *t)
{
  RectifyAuditReport report;

  verify (t, &report);
  for (guint i = 0; i < report.findings->len; i++)
    g_test_message ("finding: %s", ((RectifyAuditFinding *) g_ptr_array_index (report.findings, i))->message);
  g_assert_cmpint (report.first_bad_id, ==, 0);
  g_assert_cmpuint (report.findings->len, ==, 0);
  g_assert_true (rectify_audit_report_intact (&report));
  g_assert_cmpint (report.rows, ==, count (t, "SELECT count(*) FROM audit"));
  rectify_audit_report_clear (&report);
}

/* The one finding of table id, whose message is expected exactly. */
static void
assert_found (TestDb *t, const char *table, gint64 id, const char *expected)
{
  RectifyAuditReport report;
  gboolean found = FALSE;

  verify (t, &report);
  g_assert_cmpint (report.first_bad_id, ==, 0);
  g_assert_false (rectify_audit_report_intact (&report));
  for (guint i = 0; i < report.findings->len; i++)
    {
      const RectifyAuditFinding *f = g_ptr_array_index (report.findings, i);
      g_test_message ("finding: %s %" G_GINT64_FORMAT ": %s", f->table, f->id, f->message);
      if (g_strcmp0 (f->table, table) == 0 && f->id == id && g_strcmp0 (f->message, expected) == 0)
        found = TRUE;
    }
  if (!found)
    g_error ("no finding “%s”", expected);
  rectify_audit_report_clear (&report);
}

static gint64
last_entry_of (TestDb *t, const char *entity, gint64 id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max(id) FROM audit WHERE entity = '%s' AND entity_id = %" G_GINT64_FORMAT,
                                          entity, id);
  return count (t, sql);
}

static void
test_intact (void)
{
  TestDb t;
  gint64 pdf, voided;

  open_sample (&t, &pdf, &voided);
  assert_intact (&t);
  g_assert_cmpint (count (&t, "SELECT count(*) FROM hazard_event"), >, 0);
  test_db_close (&t);
}

/* The batch hash read a chunk at a time is the hash of the records read one by one. */
static void
test_chunks_agree (void)
{
  TestDb t;
  gint64 pdf, voided;

  open_sample (&t, &pdf, &voided);
  for (guint e = 0; rectify_audit_record_entities[e]; e++)
    {
      const char *entity = rectify_audit_record_entities[e];
      g_autofree char *sql = g_strdup_printf ("SELECT max(id) FROM %s", entity);
      g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
      g_autoptr(GError) error = NULL;
      g_autofree char *sha256 = NULL;
      gint64 last = count (&t, sql), n = 0, expected = 0;

      for (gint64 id = 1; id <= last; id++)
        {
          g_autofree char *json = rectify_audit_record_json (t.store, entity, id, &error);
          g_assert_no_error (error);
          if (!json)
            continue;
          g_checksum_update (sum, (const guchar *) json, strlen (json));
          g_checksum_update (sum, (const guchar *) "\n", 1);
          expected++;
        }
      g_assert_true (rectify_audit_batch_hash (t.store, entity, 1, last, NULL, NULL, &n, &sha256, &error));
      g_assert_no_error (error);
      g_assert_cmpint (n, ==, expected);
      g_assert_cmpstr (sha256, ==, g_checksum_get_string (sum));
    }
  test_db_close (&t);
}

/* Leaves out the record with id *user_data, as the chain knows it otherwise. */
static gboolean
skip_one (gint64 id, const char **text, gpointer user_data)
{
  if (id != *(gint64 *) user_data)
    return FALSE;
  if (text)
    *text = NULL;
  return TRUE;
}

/* The batch hash of a range inside the ids, one left out, with attachments
 * and visits done in it (read in bulk), is the one of its records read one by one. */
static void
test_range_agrees (void)
{
  TestDb t;
  gint64 pdf, voided, hazard, unit, visit, back;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3 };
  static const guchar jpeg[] = { 0xFF, 0xD8, 0xFF, 0xE0, 7, 7 };
  g_autoptr(GBytes) png_data = g_bytes_new_static (png, sizeof png);
  g_autoptr(GBytes) jpeg_data = g_bytes_new_static (jpeg, sizeof jpeg);
  RectifyNewAttachment files[2] = { { "现场.png", "image/png", png_data }, { "整改.jpg", "image/jpeg", jpeg_data } };

  open_sample (&t, &pdf, &voided);
  hazards = rectify_store_list_hazards (t.store, &q, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, >, 3);
  hazard = unit = 0;
  for (guint i = 2; i < hazards->len && !hazard; i++)
    {
      const RectifyHazard *h = g_ptr_array_index (hazards, i);
      if (rectify_workflow_can (t.store, h, RECTIFY_ACTION_IMMEDIATE, NULL))
        {
          hazard = h->id;
          unit = h->unit_id;
        }
    }
  g_assert_cmpint (hazard, >, 0);
  g_assert_true (rectify_workflow_act (t.store, hazard, RECTIFY_ACTION_IMMEDIATE, 0, "2026-06-30", "当场整改", files,
                                       G_N_ELEMENTS (files), &error));
  g_assert_no_error (error);
  visit = rectify_store_schedule_visit (t.store, hazard, RECTIFY_VISIT_BACK_CHECK, "2026-07-15", "回头看", &error);
  g_assert_no_error (error);
  g_assert_cmpint (visit, >, 0);
  {
    g_autoptr(RectifyInspection) in = rectify_inspection_new ();
    gint64 officers[2] = { 1, 2 };

    in->unit_id = unit;
    in->kind = RECTIFY_INSPECTION_BACK_CHECK;
    in->date = g_strdup ("2026-06-30");
    g_array_append_vals (in->officer_ids, officers, 2);
    back = rectify_store_add_inspection (t.store, in, &error);
    g_assert_no_error (error);
    g_assert_cmpint (back, >, 0);
  }
  {
    g_autofree char *json = rectify_audit_record_json (t.store, "hazard", hazard, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (json, "\"filename\":\"整改.jpg\""));
    g_clear_pointer (&json, g_free);
    json = rectify_audit_record_json (t.store, "inspection", back, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (json, "\"visits_done\":{\"done\":1,\"back_checks\":1,"));
  }

  for (guint e = 0; rectify_audit_record_entities[e]; e++)
    {
      const char *entity = rectify_audit_record_entities[e];
      g_autofree char *sql = g_strdup_printf ("SELECT max(id) FROM %s", entity);
      gint64 last = count (&t, sql);
      gint64 first = MIN (2, last), n = 0, expected = 0;
      /* the hazard and the inspection with their parts lie inside, not at the ends */
      gint64 skipped = g_str_equal (entity, "hazard") ? hazard - 1 : g_str_equal (entity, "inspection") ? back - 1 : first + 1;
      g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
      g_autofree char *sha256 = NULL;

      if (g_str_equal (entity, "inspection"))
        last = back + 1; /* past the last id: none there */
      for (gint64 id = first; id <= last; id++)
        {
          g_autofree char *json = NULL;

          if (id == skipped)
            continue;
          json = rectify_audit_record_json (t.store, entity, id, &error);
          g_assert_no_error (error);
          if (!json)
            continue;
          g_checksum_update (sum, (const guchar *) json, strlen (json));
          g_checksum_update (sum, (const guchar *) "\n", 1);
          expected++;
        }
      g_assert_true (rectify_audit_batch_hash (t.store, entity, first, last, skip_one, &skipped, &n, &sha256, &error));
      g_assert_no_error (error);
      g_assert_cmpint (n, ==, expected);
      g_assert_cmpstr (sha256, ==, g_checksum_get_string (sum));
    }
  test_db_close (&t);
}

static void
test_last_row_deleted (void)
{
  TestDb t;
  gint64 pdf, voided, last;
  g_autofree char *expected = NULL;

  open_sample (&t, &pdf, &voided);
  last = count (&t, "SELECT max(id) FROM audit");
  tamper (&t, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)");
  expected = g_strdup_printf ("audit: the chain ends at row %" G_GINT64_FORMAT " but its head records row %" G_GINT64_FORMAT
                              ": rows were removed from its end", last - 1, last);
  assert_found (&t, "audit", last, expected);
  test_db_close (&t);
}

static void
test_event_note_and_date (void)
{
  TestDb t;
  gint64 pdf, voided, hazard, row;
  g_autofree char *date = NULL;
  g_autofree char *expected = NULL;

  open_sample (&t, &pdf, &voided);
  hazard = count (&t, "SELECT hazard_id FROM hazard_event WHERE id = 1");
  row = last_entry_of (&t, "hazard", hazard);
  tamper (&t, "DROP TRIGGER hazard_event_no_update; UPDATE hazard_event SET note = '已整改' WHERE id = 1");
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_open (t.path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT date FROM hazard_event WHERE id = 1", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  expected = g_strdup_printf ("hazard %" G_GINT64_FORMAT ": hazard_event 1: note is \"已整改\", the audit log has \"",
                              hazard);
  {
    RectifyAuditReport report;
    verify (&t, &report);
    g_assert_cmpuint (report.findings->len, ==, 1);
    {
      const RectifyAuditFinding *f = g_ptr_array_index (report.findings, 0);
      g_autofree char *tail = g_strdup_printf ("\" (audit row %" G_GINT64_FORMAT ")", row);
      g_test_message ("%s", f->message);
      g_assert_cmpstr (f->table, ==, "hazard");
      g_assert_cmpint (f->id, ==, hazard);
      g_assert_true (g_str_has_prefix (f->message, expected));
      g_assert_true (g_str_has_suffix (f->message, tail));
    }
    rectify_audit_report_clear (&report);
  }

  /* a new sample, its date moved */
  test_db_close (&t);
  open_sample (&t, &pdf, &voided);
  tamper (&t, "DROP TRIGGER hazard_event_no_update; UPDATE hazard_event SET date = '2020-01-01' WHERE id = 1");
  g_free (expected);
  expected = g_strdup_printf ("hazard %" G_GINT64_FORMAT ": hazard_event 1: date is \"2020-01-01\", the audit log has \"%s\""
                              " (audit row %" G_GINT64_FORMAT ")", hazard, date, row);
  assert_found (&t, "hazard", hazard, expected);
  test_db_close (&t);
}

static void
test_event_deleted (void)
{
  TestDb t;
  gint64 pdf, voided, hazard, event, row;
  g_autofree char *sql = NULL;
  g_autofree char *expected = NULL;

  open_sample (&t, &pdf, &voided);
  event = count (&t, "SELECT max(id) FROM hazard_event");
  sql = g_strdup_printf ("SELECT hazard_id FROM hazard_event WHERE id = %" G_GINT64_FORMAT, event);
  hazard = count (&t, sql);
  row = last_entry_of (&t, "hazard", hazard);
  g_free (sql);
  sql = g_strdup_printf ("DROP TRIGGER hazard_event_no_delete; DELETE FROM hazard_event WHERE id = %" G_GINT64_FORMAT,
                         event);
  tamper (&t, sql);
  expected = g_strdup_printf ("hazard %" G_GINT64_FORMAT ": hazard_event %" G_GINT64_FORMAT " is missing (audit row %" G_GINT64_FORMAT ")",
                              hazard, event, row);
  assert_found (&t, "hazard", hazard, expected);
  test_db_close (&t);
}

static void
test_hazard_edited (void)
{
  TestDb t;
  gint64 pdf, voided, row;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyHazard) h = NULL;

  open_sample (&t, &pdf, &voided);
  h = rectify_store_get_hazard (t.store, 1, &error);
  g_assert_no_error (error);
  row = last_entry_of (&t, "hazard", 1);
  tamper (&t, "DROP TRIGGER hazard_fts_update; UPDATE hazard SET measures = '无' WHERE id = 1");
  expected = g_strdup_printf ("hazard 1: measures is \"无\", the audit log has \"%s\" (audit row %" G_GINT64_FORMAT ")",
                              h->measures, row);
  if (g_utf8_strlen (h->measures, -1) <= 46)
    assert_found (&t, "hazard", 1, expected);
  test_db_close (&t);

  /* a row with no entry at all */
  open_sample (&t, &pdf, &voided);
  tamper (&t, "DROP TRIGGER hazard_fts_insert; CREATE TEMP TABLE h AS SELECT * FROM hazard WHERE id = 1;"
              " UPDATE h SET id = 9999; INSERT INTO hazard SELECT * FROM h");
  assert_found (&t, "hazard", 9999, "hazard 9999 has no entry in the audit log");
  test_db_close (&t);
}

static void
test_inspection_officers (void)
{
  TestDb t;
  gint64 pdf, voided, inspection, officer, other, row;
  g_autofree char *sql = NULL;
  g_autofree char *expected = NULL;

  open_sample (&t, &pdf, &voided);
  inspection = count (&t, "SELECT min(inspection_id) FROM inspection_officer");
  sql = g_strdup_printf ("SELECT min(officer_id) FROM inspection_officer WHERE inspection_id = %" G_GINT64_FORMAT, inspection);
  officer = count (&t, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT max(id) FROM officer WHERE id NOT IN (SELECT officer_id FROM inspection_officer"
                         " WHERE inspection_id = %" G_GINT64_FORMAT ")", inspection);
  other = count (&t, sql);
  row = last_entry_of (&t, "inspection", inspection);
  g_free (sql);
  /* someone else was there instead */
  sql = g_strdup_printf ("UPDATE inspection_officer SET officer_id = %" G_GINT64_FORMAT
                         " WHERE inspection_id = %" G_GINT64_FORMAT " AND officer_id = %" G_GINT64_FORMAT,
                         other, inspection, officer);
  tamper (&t, sql);
  {
    RectifyAuditReport report;
    g_autofree char *prefix = g_strdup_printf ("inspection %" G_GINT64_FORMAT ": officers is [", inspection);
    g_autofree char *tail = g_strdup_printf ("(audit row %" G_GINT64_FORMAT ")", row);

    verify (&t, &report);
    g_assert_cmpuint (report.findings->len, ==, 1);
    {
      const RectifyAuditFinding *f = g_ptr_array_index (report.findings, 0);
      g_test_message ("%s", f->message);
      g_assert_cmpstr (f->table, ==, "inspection");
      g_assert_cmpint (f->id, ==, inspection);
      g_assert_true (g_str_has_prefix (f->message, prefix));
      g_assert_true (g_str_has_suffix (f->message, tail));
    }
    rectify_audit_report_clear (&report);
  }
  test_db_close (&t);
}

static void
test_document_unvoided (void)
{
  TestDb t;
  gint64 pdf, voided, row;
  g_autofree char *sql = NULL;
  g_autofree char *expected = NULL;

  open_sample (&t, &pdf, &voided);
  row = last_entry_of (&t, "document", voided);
  sql = g_strdup_printf ("DROP TRIGGER document_only_void;"
                         " UPDATE document SET status = 'issued', void_reason = '', void_date = NULL WHERE id = %" G_GINT64_FORMAT,
                         voided);
  tamper (&t, sql);
  expected = g_strdup_printf ("document %" G_GINT64_FORMAT ": status is %d, the audit log has %d (audit row %" G_GINT64_FORMAT ")",
                              voided, RECTIFY_DOCUMENT_ISSUED, RECTIFY_DOCUMENT_VOID, row);
  assert_found (&t, "document", voided, expected);
  g_free (expected);
  expected = g_strdup_printf ("document %" G_GINT64_FORMAT ": void_reason is \"\", the audit log has \"填错了单位\" (audit row %" G_GINT64_FORMAT ")",
                              voided, row);
  assert_found (&t, "document", voided, expected);
  g_free (expected);
  expected = g_strdup_printf ("document %" G_GINT64_FORMAT ": void_date is null, the audit log has \"2026-06-30\" (audit row %" G_GINT64_FORMAT ")",
                              voided, row);
  assert_found (&t, "document", voided, expected);
  test_db_close (&t);
}

static void
test_pdf_altered (void)
{
  TestDb t;
  gint64 pdf, voided, row;
  g_autofree char *sql = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *now = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "%PDF-1.4 TEST", -1);

  open_sample (&t, &pdf, &voided);
  row = last_entry_of (&t, "document", pdf);
  /* the bytes changed, the stored hash left as it was */
  sql = g_strdup_printf ("DROP TRIGGER document_pdf_no_update;"
                         " UPDATE document_pdf SET pdf = CAST('%%PDF-1.4 TEST' AS BLOB) WHERE document_id = %" G_GINT64_FORMAT,
                         pdf);
  tamper (&t, sql);
  expected = g_strdup_printf ("document %" G_GINT64_FORMAT ": document_pdf: sha256 is \"%.44s…, the audit log has \"", pdf, now);
  {
    RectifyAuditReport report;
    g_autofree char *tail = g_strdup_printf ("(audit row %" G_GINT64_FORMAT ")", row);

    verify (&t, &report);
    g_assert_cmpuint (report.findings->len, ==, 1);
    {
      const RectifyAuditFinding *f = g_ptr_array_index (report.findings, 0);
      g_test_message ("%s", f->message);
      g_assert_cmpstr (f->table, ==, "document");
      g_assert_cmpint (f->id, ==, pdf);
      g_assert_true (g_str_has_prefix (f->message, expected));
      g_assert_true (g_str_has_suffix (f->message, tail));
    }
    rectify_audit_report_clear (&report);
  }
  test_db_close (&t);
}

/* An import is one entry with the hash over the rows it added; a row of it
 * edited later through the application still verifies, one edited behind
 * its back does not. */
static void
test_import_batch (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyUnit) u = NULL;

  test_db_open (&t);
  test_store_sign_in (t.store);
  add_units (&t, 40);
  g_assert_cmpint (count (&t, "SELECT count(*) FROM audit WHERE entity = 'unit'"), ==, 1);
  assert_intact (&t);
  u = rectify_store_get_unit (t.store, 7, &error);
  g_assert_no_error (error);
  g_free (u->address);
  u->address = g_strdup ("鼓楼区五四路 1 号");
  g_assert_true (rectify_store_update_unit (t.store, u, &error));
  g_assert_no_error (error);
  assert_intact (&t);
  tamper (&t, "UPDATE unit SET phone = '110' WHERE id = 9");
  assert_found (&t, "unit", 1, "unit 1–40: the records differ from those audit row 2 wrote at once (40 records then, 40 now)");
  test_db_close (&t);
}

/* A file of the version before: on upgrade one baseline entry per kind of
 * record, and it verifies. */
static void
test_upgrade_baseline (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  RectifyStore *old;

  test_db_open (&t);
  g_clear_object (&t.store);
  g_unlink (t.path);
  old = rectify_store_open_at_version (t.path, RECTIFY_SCHEMA_VERSION - 1, &error);
  g_assert_no_error (error);
  g_object_unref (old);
  /* rows as an older version left them: entries of another form, no head */
  tamper (&t, "DROP TRIGGER unit_fts_insert; INSERT INTO officer (id, badge, name, role, active) VALUES (1, 'FZ-1', '张三', 'manager', 1);"
              "INSERT INTO unit (id, credit_code, name) VALUES (1, '91350100000000001X', '协和医院'),"
              " (2, '91350100000000002X', '第二医院');"
              "INSERT INTO audit (at, officer_id, entity, entity_id, action, after_json, prev_hash, hash)"
              " VALUES ('2025-01-01T00:00:00Z', 1, 'unit', 1, 'create', '{\"id\":1}', '0', '0');");
  g_assert_cmpint (count (&t, "SELECT count(*) FROM setting WHERE key = 'audit-head'"), ==, 0);
  t.store = test_store_open (t.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rectify_store_get_schema_version (t.store), ==, RECTIFY_SCHEMA_VERSION);
  g_assert_cmpint (count (&t, "SELECT count(*) FROM audit WHERE action = 'baseline'"), ==, 2);
  g_assert_cmpint (count (&t, "SELECT count(*) FROM setting WHERE key = 'audit-baseline-due' AND value = '1'"), ==, 0);
  {
    /* the forged first row is still found: the chain is not rewritten */
    RectifyAuditReport report;
    verify (&t, &report);
    g_assert_cmpint (report.first_bad_id, ==, 1);
    rectify_audit_report_clear (&report);
  }
  test_db_close (&t);

  /* an honest older file: entries chained, but not of whole records */
  test_db_open (&t);
  g_clear_object (&t.store);
  g_unlink (t.path);
  old = rectify_store_open_at_version (t.path, RECTIFY_SCHEMA_VERSION - 1, &error);
  g_assert_no_error (error);
  {
    TestDb o = { .dir = t.dir, .path = t.path, .store = old };
    test_store_sign_in (old);
    add_units (&o, 5);
  }
  g_object_unref (old);
  tamper (&t, "DELETE FROM setting WHERE key = 'audit-head'");
  t.store = test_store_open (t.path, &error);
  g_assert_no_error (error);
  test_store_sign_in (t.store);
  assert_intact (&t);
  test_db_close (&t);
}

static GBytes *
archive_render (RectifyStore *store, gint64 campaign_id, gint64 unit_id, gpointer user_data, GError **error)
{
  char *text = g_strdup_printf ("%%PDF-1.4 %" G_GINT64_FORMAT, unit_id);
  return g_bytes_new_take (text, strlen (text));
}

static void
write_archive (TestDb *t, gint64 campaign, const char *dir)
{
  g_autoptr(GError) error = NULL;
  RectifyArchiveOptions options = { .render = archive_render, .language = "zh_CN", .force = TRUE };

  g_assert_true (rectify_archive_write (t->store, campaign, dir, &options, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_archive_found (TestDb *t, const char *dir, const char *table, const char *prefix)
{
  g_autoptr(GError) error = NULL;
  RectifyAuditReport report;
  gboolean found = FALSE;

  g_assert_true (rectify_store_verify_audit_with_archive (t->store, dir, &report, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < report.findings->len; i++)
    {
      const RectifyAuditFinding *f = g_ptr_array_index (report.findings, i);
      g_test_message ("finding: %s", f->message);
      found |= g_strcmp0 (f->table, table) == 0 && g_str_has_prefix (f->message, prefix);
    }
  g_assert_true (found);
  rectify_audit_report_clear (&report);
}

static void
test_archive_anchor (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *prefix = NULL;
  RectifyAuditReport report;
  gint64 pdf, voided;

  open_sample (&t, &pdf, &voided);
  /* the database as it was before the archive */
  copy = g_build_filename (t.dir, "before.db", NULL);
  {
    g_autofree char *sql = g_strdup_printf ("VACUUM INTO '%s'", copy);
    tamper (&t, sql);
  }
  /* a later write, in the archive but not in the copy */
  {
    g_autoptr(RectifyUnit) u = rectify_store_get_unit (t.store, 1, &error);
    g_assert_no_error (error);
    g_free (u->phone);
    u->phone = g_strdup ("0591-87654321");
    g_assert_true (rectify_store_update_unit (t.store, u, &error));
    g_assert_no_error (error);
  }
  dir = g_build_filename (t.dir, "archive", NULL);
  write_archive (&t, 1, dir);
  g_assert_true (rectify_store_verify_audit_with_archive (t.store, dir, &report, &error));
  g_assert_no_error (error);
  g_assert_true (rectify_audit_report_intact (&report));
  rectify_audit_report_clear (&report);
  g_assert_cmpint (count (&t, "SELECT count(*) FROM audit WHERE entity = 'archive'"), ==, 1);

  /* rolled back: the older copy has not the head the archive records */
  {
    TestDb old = { .dir = t.dir, .path = copy };
    old.store = test_store_open (copy, &error);
    g_assert_no_error (error);
    prefix = g_strdup_printf ("archive %s records audit row ", dir);
    assert_archive_found (&old, dir, "audit", prefix);
    g_free (prefix);
    g_object_unref (old.store);
  }

  /* a manifest rewritten consistently: the summary forged and its line in manifest.csv with it */
  json_path = g_build_filename (dir, "summary.pdf", NULL);
  csv_path = g_build_filename (dir, "manifest.csv", NULL);
  {
    static const char forged[] = "%PDF-1.4 forged";
    g_autofree char *csv = NULL;
    g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, forged, -1);
    g_auto(GStrv) lines = NULL;
    RectifyArchiveReport self_check = { 0 };

    g_assert_true (g_file_set_contents (json_path, forged, -1, NULL));
    g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
    lines = g_strsplit (csv, "\r\n", -1);
    for (guint i = 0; lines[i]; i++)
      if (g_str_has_prefix (lines[i], "summary.pdf,"))
        {
          g_free (lines[i]);
          lines[i] = g_strdup_printf ("summary.pdf,%zu,%s,summary", strlen (forged), sum);
        }
    g_free (csv);
    csv = g_strjoinv ("\r\n", lines);
    g_assert_true (g_file_set_contents (csv_path, csv, -1, NULL));
    /* the folder agrees with its manifest: only the database can tell */
    g_assert_true (rectify_archive_verify (dir, &self_check, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (self_check.problems->len, ==, 0);
    rectify_archive_report_clear (&self_check);
  }
  prefix = g_strdup_printf ("archive %s: its manifest (SHA-256 ", dir);
  assert_archive_found (&t, dir, "archive", prefix);
  test_db_close (&t);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sqlite-audit/intact", test_intact);
  g_test_add_func ("/sqlite-audit/chunks-agree", test_chunks_agree);
  g_test_add_func ("/sqlite-audit/range-agrees", test_range_agrees);
  g_test_add_func ("/sqlite-audit/last-row-deleted", test_last_row_deleted);
  g_test_add_func ("/sqlite-audit/event-note-and-date", test_event_note_and_date);
  g_test_add_func ("/sqlite-audit/event-deleted", test_event_deleted);
  g_test_add_func ("/sqlite-audit/hazard-edited", test_hazard_edited);
  g_test_add_func ("/sqlite-audit/inspection-officers", test_inspection_officers);
  g_test_add_func ("/sqlite-audit/document-unvoided", test_document_unvoided);
  g_test_add_func ("/sqlite-audit/pdf-altered", test_pdf_altered);
  g_test_add_func ("/sqlite-audit/import-batch", test_import_batch);
  g_test_add_func ("/sqlite-audit/upgrade-baseline", test_upgrade_baseline);
  g_test_add_func ("/sqlite-audit/archive-anchor", test_archive_anchor);
  return g_test_run ();
}
