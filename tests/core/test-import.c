/* test-import.c: CSV reading and import
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rectify-backup.h"
#include "rectify-csv.h"
#include "rectify-demo.h"
#include "rectify-export.h"
#include "rectify-import.h"
#include "rectify-inspection-query.h"
#include "rectify-store-backend.h"
#include "rectify-validate.h"
#include "test-util.h"
#include "test-import-util.h"






/* ---- the reader ----------------------------------------------------------- */

static void
test_csv_reader (void)
{
  static const char data[] = "\xef\xbb\xbf" "a\tb\tc\r\n"
                             "1\t\"two\r\nlines\"\t\"say \"\"hi\"\"\"\r\n"
                             "\r\n"
                             "x\t\t\"\"\n";
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (data, sizeof data - 1, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyCsvReader) reader = rectify_csv_reader_new (in, NULL, &error);
  char **fields;
  guint n;
  guint64 line;

  g_assert_no_error (error);
  g_assert_true (rectify_csv_reader_next (reader, &fields, &n, &line, NULL, &error));
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (fields[0], ==, "a");
  g_assert_cmpint (rectify_csv_reader_get_separator (reader), ==, '\t');
  g_assert_cmpstr (rectify_csv_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_true (rectify_csv_reader_next (reader, &fields, &n, &line, NULL, &error));
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpstr (fields[1], ==, "two\nlines");
  g_assert_cmpstr (fields[2], ==, "say \"hi\"");
  g_assert_true (rectify_csv_reader_next (reader, &fields, &n, &line, NULL, &error));
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (fields[0], ==, "x");
  g_assert_cmpstr (fields[1], ==, "");
  g_assert_cmpstr (fields[2], ==, "");
  g_assert_false (rectify_csv_reader_next (reader, &fields, &n, &line, NULL, &error));
  g_assert_no_error (error);
}

static void
test_csv_writer (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  rectify_csv_append_field (out, "=1+2", TRUE);
  g_string_append_c (out, ',');
  rectify_csv_append_field (out, "@SUM(A1)", TRUE);
  g_string_append_c (out, ',');
  rectify_csv_append_field (out, "-3,4", TRUE);
  g_string_append_c (out, ',');
  rectify_csv_append_field (out, "\tx", TRUE);
  g_string_append_c (out, ',');
  rectify_csv_append_field (out, "say \"hi\"", TRUE);
  g_string_append_c (out, ',');
  rectify_csv_append_field (out, "电梯", TRUE);
  g_assert_cmpstr (out->str, ==, "'=1+2,'@SUM(A1),\"'-3,4\",'\tx,\"say \"\"hi\"\"\",电梯");
}

/* ---- round trip and encodings ---------------------------------------------- */


static void
test_round_trip (void)
{
  TestDb a, b;
  g_autoptr(GError) error = NULL;
  const RectifyExportList lists[] = { RECTIFY_EXPORT_UNITS, RECTIFY_EXPORT_EQUIPMENT, RECTIFY_EXPORT_OPERATORS };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  test_db_open (&a);
  test_db_open (&b);
  g_assert_cmpint (rectify_demo_generate (a.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  test_store_sign_in (a.store);
  test_store_sign_in (b.store);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *path = g_build_filename (a.dir, "list.csv", NULL);
      g_autofree char *xlsx = g_build_filename (a.dir, "list.xlsx", NULL);
      g_autoptr(RectifyImportReport) report = NULL;
      g_autofree char *data = NULL;
      g_autofree char *partial = NULL;
      gsize len = 0;
      guint64 rows = 0, xlsx_rows = 0;

      g_assert_true (rectify_export_file (a.store, lists[i], &q, RECTIFY_EXPORT_CSV, path, NULL, NULL, NULL, &rows, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (rows, >, 0);
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      g_assert_true (g_str_has_prefix (data, "\xef\xbb\xbf"));
      g_assert_nonnull (strstr (data, "\r\n"));
      partial = g_strconcat (path, ".partial", NULL);
      g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

      report = import (&b, (RectifyImportKind) lists[i], path, NULL, FALSE);
      if (report->n_problems)
        g_error ("%s", g_ptr_array_index (report->problems, 0) ? ((RectifyImportProblem *) g_ptr_array_index (report->problems, 0))->message : "");
      g_assert_true (report->written);
      g_assert_cmpuint (report->added, ==, rows);
      g_unlink (path);

      /* the same list as a workbook: a ZIP, and the reader refuses it as CSV */
      g_assert_true (rectify_export_file (a.store, lists[i], &q, RECTIFY_EXPORT_XLSX, xlsx, NULL, NULL, NULL, &xlsx_rows, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (xlsx_rows, ==, rows);
      g_free (data);
      g_assert_true (g_file_get_contents (xlsx, &data, &len, NULL));
      g_assert_cmpmem (data, 4, "PK\003\004", 4);
      g_unlink (xlsx);
    }

  before = test_db_canonical_rows (a.path);
  after = test_db_canonical_rows (b.path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (test_audit_count (b.store, NULL, "import"), ==, 3);
  {
    RectifyAuditReport audit = { 0 };
    g_assert_true (rectify_store_verify_audit (b.store, &audit, &error));
    g_assert_cmpint (audit.first_bad_id, ==, 0);
    g_assert_true (rectify_audit_report_intact (&audit));
    rectify_audit_report_clear (&audit);
  }
  /* the search index holds the imported rows */
  {
    RectifyQuery search = RECTIFY_QUERY_INIT;
    g_autoptr(GArray) ids_a = NULL;
    g_autoptr(GArray) ids_b = NULL;
    search.search = "电梯";
    ids_a = rectify_store_query_equipment_ids (a.store, &search, &error);
    ids_b = rectify_store_query_equipment_ids (b.store, &search, &error);
    g_assert_cmpuint (ids_a->len, >, 0);
    g_assert_cmpuint (ids_b->len, ==, ids_a->len);
  }
  test_db_close (&a);
  test_db_close (&b);
}

static void
test_gb18030_chinese_headers (void)
{
  TestDb t;
  g_autofree char *code1 = credit_code (1);
  g_autofree char *code2 = credit_code (2);
  g_autofree char *utf8 = g_strdup_printf ("统一社会信用代码\t单位名称\t地址\t人员密集场所\t法定代表人\r\n"
                                           "%s\t福州市第一医院\t\"鼓楼区, 八一七路\"\t是\t王敏\r\n"
                                           "%s\t闽江热电有限公司\t仓山区\t否\t林建国\r\n", code1, code2);
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_autofree char *path = NULL;
  g_autoptr(RectifyImportReport) report = NULL;
  g_autoptr(RectifyUnit) unit = NULL;
  gint64 id = 0;

  g_assert_no_error (error);
  test_db_open (&t);
  test_store_sign_in (t.store);
  path = write_file (&t, "gb.csv", gb, len);
  report = import (&t, RECTIFY_IMPORT_UNITS, path, NULL, FALSE);
  g_assert_cmpstr (report->encoding, ==, "GB18030");
  g_assert_cmpint (report->separator, ==, '\t');
  g_assert_cmpuint (report->n_problems, ==, 0);
  g_assert_true (report->written);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (report->mapping, 0), ==, "credit_code");
  g_assert_cmpstr (g_ptr_array_index (report->mapping, 3), ==, "crowded");

  g_assert_true (rectify_store_find_unit (t.store, code1, &id, &error));
  unit = rectify_store_get_unit (t.store, id, &error);
  g_assert_cmpstr (unit->name, ==, "福州市第一医院");
  g_assert_cmpstr (unit->address, ==, "鼓楼区, 八一七路");
  g_assert_true (unit->crowded);
  g_assert_cmpstr (unit->legal_rep, ==, "王敏");

  /* chosen, not detected: the same file read as GB18030 by name (GBK) */
  {
    g_autoptr(RectifyImportReport) again = NULL;
    RectifyImportOptions options = { .encoding = "GBK", .dry_run = TRUE };
    again = rectify_import_file (t.store, RECTIFY_IMPORT_UNITS, path, &options, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (again->encoding, ==, "GB18030");
    g_assert_cmpuint (again->skipped, ==, 2);
    g_assert_false (again->written);
  }
  test_db_close (&t);
}

/* ---- bad input: line, column, and the database as it was ---------------- */

typedef struct {
  const char        *name;
  RectifyImportKind  kind;
  const char        *encoding;
  guint64            line;
  guint              column;
  const char        *field;    /* or NULL */
  const char        *words;    /* in the message */
} BadCase;

static void
check_bad (TestDb *t, const BadCase *c, const char *data, gsize len)
{
  g_autofree char *path = write_file (t, "bad.csv", data, len);
  g_autofree char *before = test_db_checksum (t);
  g_autofree char *after = NULL;
  g_autoptr(RectifyImportReport) report = import (t, c->kind, path, c->encoding, TRUE);
  const RectifyImportProblem *p;

  g_test_message ("%s", c->name);
  g_assert_cmpuint (report->n_problems, >=, 1);
  g_assert_false (report->written);
  p = g_ptr_array_index (report->problems, 0);
  g_test_message ("%s: line %" G_GUINT64_FORMAT ", column %u: %s", c->name, p->line, p->column, p->message);
  g_assert_cmpuint (p->line, ==, c->line);
  g_assert_cmpuint (p->column, ==, c->column);
  if (c->field)
    g_assert_cmpstr (p->field, ==, c->field);
  g_assert_nonnull (strstr (p->message, c->words));
  after = test_db_checksum (t);
  g_assert_cmpstr (after, ==, before);
  g_unlink (path);
}

static void
test_bad_input (void)
{
  TestDb t;
  g_autofree char *code1 = credit_code (1);
  g_autofree char *code2 = credit_code (2);
  g_autofree char *typo = g_strdup (code2);

  test_db_open (&t);
  test_store_sign_in (t.store);
  add_units (&t, 3);
  typo[17] = typo[17] == 'A' ? 'B' : 'A';

  {
    BadCase c = { "wrong encoding", RECTIFY_IMPORT_UNITS, "UTF-8", 3, 2, NULL, "not valid UTF-8" };
    g_autofree char *utf8 = g_strdup_printf ("credit_code,name\n%s,A\n%s,热电厂\n", code1, code2);
    gsize len;
    g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, NULL);
    check_bad (&t, &c, gb, len);
  }
  {
    BadCase c = { "missing column", RECTIFY_IMPORT_UNITS, NULL, 1, 0, "Name", "no column" };
    g_autofree char *data = g_strdup_printf ("统一社会信用代码,地址\n%s,福州\n", code1);
    check_bad (&t, &c, data, strlen (data));
  }
  {
    BadCase c = { "duplicate code", RECTIFY_IMPORT_UNITS, NULL, 4, 2, "Credit code", "line 2" };
    g_autofree char *data = g_strdup_printf ("name,credit code\nA,%s\nB,%s\nC,%s\n", code1, code2, code1);
    check_bad (&t, &c, data, strlen (data));
  }
  {
    BadCase c = { "invalid credit code", RECTIFY_IMPORT_UNITS, NULL, 3, 1, "Credit code", "check character" };
    g_autofree char *data = g_strdup_printf ("credit_code,name\n%s,A\n%s,B\n", code1, typo);
    check_bad (&t, &c, data, strlen (data));
  }
  {
    BadCase c = { "invalid date", RECTIFY_IMPORT_EQUIPMENT, NULL, 2, 4, "Next inspection", "2026-02-30" };
    g_autofree char *data = g_strdup_printf ("Unit credit code,Category,Equipment code,Next inspection\n"
                                             "%s,3000,311035010201000000,2026-02-30\n", code1);
    check_bad (&t, &c, data, strlen (data));
  }
  {
    BadCase c = { "unknown unit", RECTIFY_IMPORT_EQUIPMENT, NULL, 2, 1, "Unit credit code", "import the units first" };
    g_autofree char *other = credit_code (99);
    g_autofree char *data = g_strdup_printf ("使用单位统一社会信用代码,设备类别,设备代码\n%s,3000,311035010201000000\n", other);
    check_bad (&t, &c, data, strlen (data));
  }
  {
    BadCase c = { "text beyond the header", RECTIFY_IMPORT_UNITS, NULL, 3, 3, NULL, "the row has 3 columns" };
    g_autofree char *data = g_strdup_printf ("credit_code,name\n%s,A\n%s,B,extra\n", code1, code2);
    check_bad (&t, &c, data, strlen (data));
  }
  {
    BadCase c = { "NUL byte", RECTIFY_IMPORT_UNITS, NULL, 3, 2, NULL, "NUL" };
    g_autofree char *head = g_strdup_printf ("credit_code,name\n%s,A\n%s,B", code1, code2);
    g_autoptr(GString) data = g_string_new (head);
    g_string_append_len (data, "\0x\n", 3);
    check_bad (&t, &c, data->str, data->len);
  }
  {
    BadCase c = { "truncated last line", RECTIFY_IMPORT_UNITS, NULL, 3, 2, NULL, "ends inside a quoted field" };
    g_autofree char *data = g_strdup_printf ("credit_code,name\n%s,A\n%s,\"B and", code1, code2);
    check_bad (&t, &c, data, strlen (data));
  }
  {
    BadCase c = { "not CSV (PNG)", RECTIFY_IMPORT_UNITS, NULL, 1, 1, NULL, "not CSV" };
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    check_bad (&t, &c, png, sizeof png - 1);
  }
  {
    BadCase c = { "not CSV (workbook)", RECTIFY_IMPORT_UNITS, NULL, 1, 1, NULL, "Excel workbook" };
    static const char zip[] = "PK\003\004\x14\0\0\0\x08\0";
    check_bad (&t, &c, zip, sizeof zip - 1);
  }
  {
    BadCase c = { "50 MB field", RECTIFY_IMPORT_UNITS, NULL, 2, 2, NULL, "longer than 1024 KB" };
    gsize big = 50 * 1024 * 1024;
    g_autofree char *head = g_strdup_printf ("credit_code,name\n%s,\"", code1);
    gsize head_len = strlen (head);
    g_autofree char *data = g_malloc (head_len + big + 3);
    memcpy (data, head, head_len);
    memset (data + head_len, 'x', big);
    memcpy (data + head_len + big, "\"\n", 3);
    check_bad (&t, &c, data, head_len + big + 2);
  }
  test_db_close (&t);
}

/* ---- update, skip, dry run --------------------------------------------------- */

static void
test_update_or_skip (void)
{
  TestDb t;
  g_autofree char *code1 = credit_code (1);
  g_autofree char *code9 = credit_code (9);
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  test_db_open (&t);
  test_store_sign_in (t.store);
  add_units (&t, 2);
  /* the second row padded with empty cells, as spreadsheets save them */
  data = g_strdup_printf ("credit_code,name,district\n%s,Renamed,Gulou\n%s,New one,Cangshan,, \n", code1, code9);
  path = write_file (&t, "u.csv", data, strlen (data));

  before = test_db_checksum (&t);
  {
    RectifyImportOptions options = { .dry_run = TRUE, .update = TRUE };
    g_autoptr(RectifyImportReport) r = rectify_import_file (t.store, RECTIFY_IMPORT_UNITS, path, &options, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (r->added, ==, 1);
    g_assert_cmpuint (r->updated, ==, 1);
    g_assert_false (r->written);
    g_assert_cmpuint (r->preview->len, ==, 2);
    g_assert_cmpstr (((char **) g_ptr_array_index (r->preview, 1))[1], ==, "New one");
  }
  after = test_db_checksum (&t);
  g_assert_cmpstr (after, ==, before);

  {
    g_autoptr(RectifyImportReport) r = import (&t, RECTIFY_IMPORT_UNITS, path, NULL, FALSE);
    g_autoptr(RectifyUnit) u = NULL;
    g_assert_cmpuint (r->added, ==, 1);
    g_assert_cmpuint (r->skipped, ==, 1);
    g_assert_true (rectify_store_find_unit (t.store, code1, &id, &error));
    u = rectify_store_get_unit (t.store, id, &error);
    g_assert_cmpstr (u->name, ==, "单位1");
  }
  {
    g_autoptr(RectifyImportReport) r = import (&t, RECTIFY_IMPORT_UNITS, path, NULL, TRUE);
    g_autoptr(RectifyUnit) u = rectify_store_get_unit (t.store, id, &error);
    RectifyAuditReport audit = { 0 };
    g_assert_cmpuint (r->updated, ==, 2);
    g_assert_cmpuint (r->added, ==, 0);
    g_assert_cmpstr (u->name, ==, "Renamed");
    g_assert_cmpstr (u->district, ==, "Gulou");
    g_assert_true (rectify_store_verify_audit (t.store, &audit, &error));
    g_assert_cmpint (audit.first_bad_id, ==, 0);
    g_assert_true (rectify_audit_report_intact (&audit));
    rectify_audit_report_clear (&audit);
    /* each update is audited with what it replaced */
    g_assert_cmpint (test_audit_count_before (t.store, "unit", "update", "单位1"), ==, 1);
  }
  test_db_close (&t);
}

/* ---- cancel ---------------------------------------------------------------- */

static void
cancel_on_progress (guint64 done, guint64 total, guint64 rows, gpointer data)
{
  if (rows > 0 && done < total)
    g_cancellable_cancel (G_CANCELLABLE (data));
}

static void
test_cancel (void)
{
  TestDb t;
  g_autoptr(GString) csv = g_string_new ("Unit credit code,Category,Equipment code,Variety,Location\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RectifyImportOptions options = { .progress = cancel_on_progress };
  RectifyImportReport *report;

  test_db_open (&t);
  test_store_sign_in (t.store);
  add_units (&t, 5);
  for (int i = 0; i < 30000; i++)
    {
      g_autofree char *code = credit_code (1 + i % 5);
      g_string_append_printf (csv, "%s,3000,3110350102%08d,曳引驱动乘客电梯,%d号楼\n", code, i, i);
    }
  path = write_file (&t, "eq.csv", csv->str, csv->len);
  before = test_db_checksum (&t);
  options.progress_data = cancellable;
  report = rectify_import_file (t.store, RECTIFY_IMPORT_EQUIPMENT, path, &options, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = test_db_checksum (&t);
  g_assert_cmpstr (after, ==, before);

  /* and the same file, not cancelled, goes in whole with its search index */
  g_clear_error (&error);
  {
    g_autoptr(RectifyImportReport) r = import (&t, RECTIFY_IMPORT_EQUIPMENT, path, NULL, FALSE);
    RectifyQuery q = RECTIFY_QUERY_INIT;
    g_autoptr(GArray) ids = NULL;
    g_assert_true (r->written);
    g_assert_cmpuint (r->added, ==, 30000);
    q.search = "12345号楼";
    ids = rectify_store_query_equipment_ids (t.store, &q, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, >=, 1);
  }
  test_db_close (&t);
}

/* ---- export: formulas, filters ---------------------------------------------- */






/* ---- backup during writes, restore ---------------------------------------- */







/* Issue 20: a quote without its pair in the middle of the file.  Five units,
 * the quote opened on line 3 and closed on line 5: the check (the preview)
 * and the import both name line 3, and nothing is written. */
static void
test_unbalanced_quote (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("统一社会信用代码,单位名称,地址\n");
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;

  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *code = credit_code (10 + i);
      g_string_append_printf (csv, i == 2 ? "%s,\"单位%d,地址%d\n" : i == 4 ? "%s,单位%d,地址%d\"\n" : "%s,单位%d,地址%d\n",
                              code, i, i);
    }
  test_db_open (&t);
  test_store_sign_in (t.store);
  add_units (&t, 3);
  path = write_file (&t, "quote.csv", csv->str, csv->len);
  before = test_db_checksum (&t);

  for (int dry_run = 1; dry_run >= 0; dry_run--)
    {
      RectifyImportOptions options = { .dry_run = dry_run };
      g_autoptr(RectifyImportReport) report = rectify_import_file (t.store, RECTIFY_IMPORT_UNITS, path, &options,
                                                                   NULL, &error);
      const RectifyImportProblem *p;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (report);
      g_assert_cmpuint (report->n_problems, ==, 1);
      g_assert_false (report->written);
      p = g_ptr_array_index (report->problems, 0);
      text = rectify_import_problem_to_string (p);
      g_test_message ("%s", text);
      g_assert_cmpuint (p->line, ==, 3);
      g_assert_cmpuint (p->column, ==, 2);
      g_assert_nonnull (strstr (p->message, "closing quote"));
      /* the preview shows the row before it, and no merged unit */
      g_assert_cmpuint (report->preview->len, ==, 1);
      g_assert_cmpuint (report->rows, ==, 1);
    }
  {
    g_autofree char *after = test_db_checksum (&t);
    g_assert_cmpstr (after, ==, before);
  }
  g_assert_cmpint (test_count_units (t.store), ==, 3);
  test_db_close (&t);
}

/* A dry run reads through the store's transaction helper: it nests in a
 * transaction already open, and leaves none open behind it. */
static void
test_dry_run_transaction (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *code = credit_code (7);
  g_autofree char *csv = g_strdup_printf ("统一社会信用代码,单位名称\r\n%s,单位7\r\n", code);
  RectifyImportOptions options = { .dry_run = TRUE };

  test_db_open (&t);
  test_store_sign_in (t.store);
  add_units (&t, 3);
  path = write_file (&t, "more.csv", csv, -1);

  g_assert_true (rectify_store_begin (t.store, &error));
  {
    g_autoptr(RectifyImportReport) report = rectify_import_file (t.store, RECTIFY_IMPORT_UNITS, path, &options,
                                                                 NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (report);
    g_assert_cmpuint (report->added, ==, 1);
    g_assert_false (report->written);
  }
  g_assert_true (rectify_store_end (t.store, TRUE, &error));
  g_assert_no_error (error);

  /* alone: nothing stays open, the next write takes its own transaction */
  {
    g_autoptr(RectifyImportReport) report = rectify_import_file (t.store, RECTIFY_IMPORT_UNITS, path, &options,
                                                                 NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->added, ==, 1);
  }
  g_assert_cmpint (test_count_units (t.store), ==, 3);
  add_units (&t, 7);
  g_assert_cmpint (test_count_units (t.store), ==, 7);
  test_db_close (&t);
}




int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("RECTIFY_TODAY", "2026-06-30", TRUE);

  g_test_add_func ("/csv/reader", test_csv_reader);
  g_test_add_func ("/csv/writer", test_csv_writer);
  g_test_add_func ("/import/round-trip", test_round_trip);
  g_test_add_func ("/import/gb18030-chinese-headers", test_gb18030_chinese_headers);
  g_test_add_func ("/import/bad-input", test_bad_input);
  g_test_add_func ("/import/update-or-skip", test_update_or_skip);
  g_test_add_func ("/import/cancel", test_cancel);
  g_test_add_func ("/import/dry-run-transaction", test_dry_run_transaction);
  g_test_add_func ("/import/unbalanced-quote", test_unbalanced_quote);
  return g_test_run ();
}
