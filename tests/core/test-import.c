/* test-import.c: CSV reading, import, export, backup during writes and restore
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
#include "rectify-store-private.h"
#include "rectify-validate.h"
#include "test-util.h"

/* SHA-256 of every row of every table, the search index's shadow tables
 * and the schema (a dropped trigger or index shows): equal before and after
 * an import that was refused or cancelled. */
static char *
checksum (TestDb *t)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (t->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, coalesce(sql, '') FROM sqlite_schema ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);
      g_checksum_update (sum, (const guchar *) name, -1);
      g_checksum_update (sum, (const guchar *) sql, -1);
      if (g_str_has_prefix (sql, "CREATE TABLE"))
        g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) g_ptr_array_index (tables, i));
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const void *v = sqlite3_column_blob (stmt, c);
            int n = sqlite3_column_bytes (stmt, c);
            g_checksum_update (sum, (const guchar *) (v ? v : "\x01null"), v ? n : 5);
            g_checksum_update (sum, (const guchar *) "", 1);
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (sum));
}

/* A valid credit code for a number. */
static char *
credit_code (int n)
{
  g_autofree char *first = g_strdup_printf ("91350100%09d", n);
  return g_strdup_printf ("%s%c", first, rectify_credit_code_check_char (first));
}

static char *
write_file (TestDb *t, const char *name, const char *data, gssize len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (t->dir, name, NULL);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

static RectifyImportReport *
import (TestDb *t, RectifyImportKind kind, const char *path, const char *encoding, gboolean update)
{
  g_autoptr(GError) error = NULL;
  RectifyImportOptions options = { .encoding = encoding, .update = update };
  RectifyImportReport *report = rectify_import_file (t->store, kind, path, &options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
add_units (TestDb *t, int n)
{
  g_autoptr(GString) csv = g_string_new ("统一社会信用代码,单位名称\r\n");
  g_autofree char *path = NULL;
  g_autoptr(RectifyImportReport) report = NULL;

  for (int i = 1; i <= n; i++)
    {
      g_autofree char *code = credit_code (i);
      g_string_append_printf (csv, "%s,单位%d\r\n", code, i);
    }
  path = write_file (t, "units.csv", csv->str, csv->len);
  report = import (t, RECTIFY_IMPORT_UNITS, path, NULL, FALSE);
  g_assert_cmpuint (report->n_problems, ==, 0);
  g_assert_true (report->written);
  g_unlink (path);
}

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

static char *
canonical_rows (const char *path)
{
  static const char *const queries[] = {
    "SELECT credit_code, name, address, district, industry, crowded, legal_rep, safety_manager, phone"
    " FROM unit ORDER BY credit_code",
    "SELECT u.credit_code, e.category, coalesce(e.code, ''), e.reg_cert, e.variety, e.location, e.status,"
    " e.registered_user, e.quantity, e.last_inspection, e.next_inspection, e.postponed_until"
    " FROM equipment e JOIN unit u ON u.id = e.unit_id ORDER BY 1, 2, 3, 4, 5, 6, 9",
    "SELECT u.credit_code, o.name, o.id_number, o.cert_no, o.cert_category, o.cert_expiry"
    " FROM operator o JOIN unit u ON u.id = o.unit_id ORDER BY 1, 2, 3, 4",
  };
  GString *s = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;
      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *v = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (s, "%s|", v ? v : "∅");
            }
          g_string_append_c (s, '\n');
        }
      sqlite3_finalize (stmt);
      g_string_append (s, "----\n");
    }
  sqlite3_close (db);
  return g_string_free (s, FALSE);
}

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

  before = canonical_rows (a.path);
  after = canonical_rows (b.path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (test_db_count (&b, "SELECT count(*) FROM audit WHERE action = 'import'"), ==, 3);
  {
    RectifyAuditReport audit = { 0 };
    g_assert_true (rectify_store_verify_audit (b.store, &audit, &error));
    g_assert_cmpint (audit.first_bad_id, ==, 0);
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
  g_autofree char *before = checksum (t);
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
  after = checksum (t);
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
  add_units (&t, 2);
  /* the second row padded with empty cells, as spreadsheets save them */
  data = g_strdup_printf ("credit_code,name,district\n%s,Renamed,Gulou\n%s,New one,Cangshan,, \n", code1, code9);
  path = write_file (&t, "u.csv", data, strlen (data));

  before = checksum (&t);
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
  after = checksum (&t);
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
    rectify_audit_report_clear (&audit);
    /* each update is audited with what it replaced */
    g_assert_cmpint (test_db_count (&t, "SELECT count(*) FROM audit WHERE entity = 'unit' AND action = 'update'"
                                        " AND before_json LIKE '%单位1%'"), ==, 1);
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
  add_units (&t, 5);
  for (int i = 0; i < 30000; i++)
    {
      g_autofree char *code = credit_code (1 + i % 5);
      g_string_append_printf (csv, "%s,3000,3110350102%08d,曳引驱动乘客电梯,%d号楼\n", code, i, i);
    }
  path = write_file (&t, "eq.csv", csv->str, csv->len);
  before = checksum (&t);
  options.progress_data = cancellable;
  report = rectify_import_file (t.store, RECTIFY_IMPORT_EQUIPMENT, path, &options, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = checksum (&t);
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

/* Every list exports: inspections and documents of the sample, as many
 * rows as the list holds, the document numbers and the checklist in it. */
static void
test_export_inspections_documents (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autofree char *inspections = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GArray) ids = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  guint64 rows = 0;

  test_db_open (&t);
  g_assert_cmpint (rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);

  inspections = g_build_filename (t.dir, "inspections.csv", NULL);
  ids = rectify_store_query_inspection_ids (t.store, &q, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_export_file (t.store, RECTIFY_EXPORT_INSPECTIONS, &q, RECTIFY_EXPORT_CSV, inspections,
                                      NULL, NULL, NULL, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, ids->len);
  g_assert_cmpuint (rows, ==, 85);  /* 62 by the bureau, 23 self-inspections */
  g_assert_true (g_file_get_contents (inspections, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "Checklist\r\n"));
  g_clear_pointer (&data, g_free);
  g_clear_pointer (&ids, g_array_unref);

  documents = g_build_filename (t.dir, "documents.csv", NULL);
  ids = rectify_store_query_document_ids (t.store, &q, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_export_file (t.store, RECTIFY_EXPORT_DOCUMENTS, &q, RECTIFY_EXPORT_CSV, documents,
                                      NULL, NULL, NULL, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, ids->len);
  g_assert_cmpuint (rows, ==, 5);
  g_assert_true (g_file_get_contents (documents, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "X市监特指〔2026〕1号"));
  g_assert_nonnull (strstr (data, "X市监特整〔2026〕3号"));
  test_db_close (&t);
}

/* Operators' resident ID numbers leave the application masked as the
 * Operators page shows them (first 6 and last 4), whole only when asked;
 * a masked list does not import back as if it were the numbers. */
static void
test_export_operator_id_numbers (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) operators = NULL;
  g_autofree char *masked_path = NULL;
  g_autofree char *full_path = NULL;
  g_autofree char *xlsx_path = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *full = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  guint64 rows = 0, full_rows = 0, xlsx_rows = 0;
  guint with_number = 0;
  const char *const numbers[] = { "350102198001011233", "11010519491231002X", "44030419951207456X" };

  test_db_open (&t);
  g_assert_cmpint (rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  /* the sample's operators have no ID numbers: three that have */
  {
    g_autoptr(GArray) units = rectify_store_query_unit_ids (t.store, &q, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (units->len, >, 0);
    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
      {
        g_autoptr(RectifyOperator) op = rectify_operator_new ();
        op->unit_id = g_array_index (units, gint64, 0);
        op->name = g_strdup_printf ("作业人员%u", i + 1);
        op->id_number = g_strdup (numbers[i]);
        op->cert_no = g_strdup_printf ("TZ-2026-%04u", i + 1);
        g_assert_cmpint (rectify_store_add_operator (t.store, op, &error), >, 0);
        g_assert_no_error (error);
      }
  }
  ids = rectify_store_query_operator_ids (t.store, &q, &error);
  g_assert_no_error (error);
  operators = rectify_store_get_operators_by_ids (t.store, (const gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);

  masked_path = g_build_filename (t.dir, "operators.csv", NULL);
  g_assert_true (rectify_export_file (t.store, RECTIFY_EXPORT_OPERATORS, &q, RECTIFY_EXPORT_CSV, masked_path,
                                      NULL, NULL, NULL, &rows, &error));
  g_assert_no_error (error);
  full_path = g_build_filename (t.dir, "operators-full.csv", NULL);
  g_assert_true (rectify_export_file_full (t.store, RECTIFY_EXPORT_OPERATORS, &q, RECTIFY_EXPORT_CSV,
                                           RECTIFY_EXPORT_FULL_ID_NUMBERS, full_path, NULL, NULL, NULL, &full_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, operators->len);
  g_assert_cmpuint (full_rows, ==, rows);
  g_assert_true (g_file_get_contents (masked_path, &masked, NULL, NULL));
  g_assert_true (g_file_get_contents (full_path, &full, NULL, NULL));

  for (guint i = 0; i < operators->len; i++)
    {
      const RectifyOperator *op = g_ptr_array_index (operators, i);
      g_autofree char *shown = NULL;

      if (op->id_number == NULL || strlen (op->id_number) != 18)
        continue;
      with_number++;
      shown = rectify_mask_id_number (op->id_number);
      g_assert_cmpuint (strlen (shown), ==, 18);
      g_assert_true (strncmp (shown, op->id_number, 6) == 0);
      g_assert_true (strncmp (shown + 6, "********", 8) == 0);
      g_assert_cmpstr (shown + 14, ==, op->id_number + 14);
      g_assert_null (strstr (masked, op->id_number));
      g_assert_nonnull (strstr (masked, shown));
      g_assert_nonnull (strstr (full, op->id_number));
      g_assert_cmpstr (op->cert_no, !=, NULL);
      if (*op->cert_no)
        g_assert_nonnull (strstr (masked, op->cert_no));  /* the rest of the row is whole */
    }
  g_assert_cmpuint (with_number, ==, G_N_ELEMENTS (numbers));

  /* the workbook is written from the same cells, with the same default */
  xlsx_path = g_build_filename (t.dir, "operators.xlsx", NULL);
  g_assert_true (rectify_export_file (t.store, RECTIFY_EXPORT_OPERATORS, &q, RECTIFY_EXPORT_XLSX, xlsx_path,
                                      NULL, NULL, NULL, &xlsx_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (xlsx_rows, ==, rows);

  /* a masked list is refused at the ID number, the database untouched */
  {
    TestDb other;
    g_autoptr(RectifyImportReport) r = NULL;
    g_autofree char *problem = NULL;

    g_autoptr(RectifyImportReport) units = NULL;
    g_autoptr(RectifyImportReport) whole = NULL;
    g_autofree char *units_path = g_build_filename (t.dir, "units.csv", NULL);

    test_db_open (&other);
    g_assert_true (rectify_export_file (t.store, RECTIFY_EXPORT_UNITS, &q, RECTIFY_EXPORT_CSV, units_path,
                                        NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    units = import (&other, RECTIFY_IMPORT_UNITS, units_path, NULL, FALSE);
    g_assert_true (units->written);
    r = import (&other, RECTIFY_IMPORT_OPERATORS, masked_path, NULL, FALSE);
    g_assert_false (r->written);
    g_assert_cmpuint (r->n_problems, >, 0);
    for (guint i = 0; i < r->problems->len; i++)
      {
        g_autofree char *text = rectify_import_problem_to_string (g_ptr_array_index (r->problems, i));
        if (problem == NULL && strstr (text, "ID number"))
          problem = g_steal_pointer (&text);
      }
    g_assert_nonnull (problem);
    g_assert_cmpint (test_db_count (&other, "SELECT count(*) FROM operator"), ==, 0);
    /* the whole numbers import */
    whole = import (&other, RECTIFY_IMPORT_OPERATORS, full_path, NULL, FALSE);
    g_assert_cmpuint (whole->n_problems, ==, 0);
    g_assert_true (whole->written);
    g_assert_cmpint (test_db_count (&other, "SELECT count(*) FROM operator WHERE id_number = '11010519491231002X'"), ==, 1);
    test_db_close (&other);
  }
  test_db_close (&t);
}

static void
test_export_neutralizes_formulas (void)
{
  TestDb t;
  g_autoptr(RectifyUnit) u = rectify_unit_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *code = credit_code (7);
  RectifyQuery q = RECTIFY_QUERY_INIT;
  guint64 rows = 0;

  test_db_open (&t);
  u->credit_code = g_strdup (code);
  u->name = g_strdup ("=HYPERLINK(\"http://x\",\"click\")");
  u->address = g_strdup ("+86 road");
  u->legal_rep = g_strdup ("@me");
  u->phone = g_strdup ("-1");
  g_assert_cmpint (rectify_store_add_unit (t.store, u, &error), >, 0);
  g_assert_no_error (error);
  add_units (&t, 2);

  path = g_build_filename (t.dir, "units.csv", NULL);
  q.search = "HYPERLINK";
  g_assert_true (rectify_export_file (t.store, RECTIFY_EXPORT_UNITS, &q, RECTIFY_EXPORT_CSV, path, NULL, NULL, NULL, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 1); /* the query's filter applies */
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\","));
  g_assert_nonnull (strstr (data, ",'+86 road,"));
  g_assert_nonnull (strstr (data, ",'@me,"));
  g_assert_nonnull (strstr (data, ",'-1\r\n"));

  /* read back, the apostrophes come off again */
  {
    TestDb other;
    g_autoptr(RectifyImportReport) r = NULL;
    g_autoptr(RectifyUnit) back = NULL;
    gint64 id = 0;
    test_db_open (&other);
    r = import (&other, RECTIFY_IMPORT_UNITS, path, NULL, FALSE);
    g_assert_true (r->written);
    g_assert_true (rectify_store_find_unit (other.store, code, &id, &error));
    back = rectify_store_get_unit (other.store, id, &error);
    g_assert_cmpstr (back->name, ==, u->name);
    g_assert_cmpstr (back->address, ==, u->address);
    g_assert_cmpstr (back->phone, ==, "-1");
    test_db_close (&other);
  }
  test_db_close (&t);
}

/* The inflated bytes of one member of a ZIP file (found by its local
 * header; a raw deflate stream ends by itself), NUL-terminated. */
static char *
zip_member (const char *zip, gsize len, const char *name)
{
  gsize name_len = strlen (name);

  for (gsize i = 0; i + 30 <= len; i++)
    {
      const guchar *h = (const guchar *) zip + i;
      guint n, extra, method;
      if (memcmp (h, "PK\003\004", 4) != 0)
        continue;
      method = h[8] | h[9] << 8;
      n = h[26] | h[27] << 8;
      extra = h[28] | h[29] << 8;
      if (n != name_len || i + 30 + n > len || memcmp (h + 30, name, n) != 0)
        continue;
      g_assert_cmpuint (method, ==, 8);
      {
        g_autoptr(GInputStream) raw = g_memory_input_stream_new_from_data (h + 30 + n + extra, len - i - 30 - n - extra, NULL);
        g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
        g_autoptr(GInputStream) in = g_converter_input_stream_new (raw, G_CONVERTER (z));
        g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
        g_autoptr(GError) error = NULL;
        g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
        g_assert_no_error (error);
        g_output_stream_write (out, "", 1, NULL, NULL);
        return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
      }
    }
  g_error ("no %s in the workbook", name);
  return NULL;
}

/* In a workbook a string cell is text and never runs, so a text that
 * begins like a formula is kept exactly (issue 20, defect 5). */
static void
test_export_xlsx_keeps_text (void)
{
  TestDb t;
  g_autoptr(RectifyUnit) u = rectify_unit_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *code = credit_code (8);
  RectifyQuery q = RECTIFY_QUERY_INIT;
  guint64 rows = 0;
  gsize len = 0;

  test_db_open (&t);
  u->credit_code = g_strdup (code);
  u->name = g_strdup ("-张三");
  u->address = g_strdup ("=1+2");
  u->legal_rep = g_strdup ("@me");
  u->phone = g_strdup ("+86 591");
  g_assert_cmpint (rectify_store_add_unit (t.store, u, &error), >, 0);
  g_assert_no_error (error);

  path = g_build_filename (t.dir, "units.xlsx", NULL);
  g_assert_true (rectify_export_file (t.store, RECTIFY_EXPORT_UNITS, &q, RECTIFY_EXPORT_XLSX, path, NULL, NULL, NULL, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 1);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  sheet = zip_member (data, len, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, ">-张三<"));
  g_assert_nonnull (strstr (sheet, ">=1+2<"));
  g_assert_nonnull (strstr (sheet, ">@me<"));
  g_assert_nonnull (strstr (sheet, ">+86 591<"));
  g_assert_null (strstr (sheet, "'"));
  g_assert_null (strstr (sheet, "&apos;"));
  g_assert_null (strstr (sheet, "<f>")); /* no cell is a formula */
  test_db_close (&t);
}

/* ---- backup during writes, restore ---------------------------------------- */

typedef struct {
  const char *path;
  gint        stop;
  gint        written;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) store = rectify_store_open (w->path, &error);
  int i = 1000;

  g_assert_no_error (error);
  while (!g_atomic_int_get (&w->stop))
    {
      g_autoptr(RectifyUnit) u = rectify_unit_new ();
      g_autoptr(GError) local_error = NULL;
      u->credit_code = credit_code (i);
      u->name = g_strdup_printf ("写入中的单位 %d", i);
      u->address = g_strnfill (390, 'a');
      if (rectify_store_add_unit (store, u, &local_error) > 0)
        g_atomic_int_inc (&w->written);
      else
        g_assert_error (local_error, RECTIFY_ERROR, RECTIFY_ERROR_LOCKED);
      i++;
    }
  return NULL;
}

static void
test_backup_during_writes (void)
{
  TestDb t;
  Writer w = { 0 };
  GThread *thread;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  test_db_open (&t);
  g_assert_cmpint (rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error), >, 0);
  backup = g_build_filename (t.dir, "backup.db", NULL);
  w.path = t.path;
  thread = g_thread_new ("writer", writer_thread, &w);
  while (g_atomic_int_get (&w.written) < 20)
    g_usleep (1000);
  for (int round = 0; round < 3; round++)
    {
      g_assert_true (rectify_store_backup (t.store, backup, &error));
      g_assert_no_error (error);
    }
  g_atomic_int_set (&w.stop, 1);
  g_thread_join (thread);
  g_assert_cmpint (g_atomic_int_get (&w.written), >, 20);

  /* the copy opens and passes the integrity check on its own */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  {
    g_autoptr(RectifyStore) copy = rectify_store_open (backup, &error);
    RectifyAuditReport audit = { 0 };
    g_assert_no_error (error);
    g_assert_true (rectify_store_verify_audit (copy, &audit, &error));
    g_assert_cmpint (audit.first_bad_id, ==, 0);
    rectify_audit_report_clear (&audit);
  }
  test_db_close (&t);
}

static void
test_restore (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *at_backup = NULL;
  g_autofree char *before_restore = NULL;
  g_autofree char *junk = NULL;
  char *path;

  test_db_open (&t);
  add_units (&t, 3);
  backup = g_build_filename (t.dir, "backup.db", NULL);
  g_assert_true (rectify_store_backup (t.store, backup, &error));
  at_backup = canonical_rows (t.path);
  add_units (&t, 6); /* three more after the backup */
  before_restore = canonical_rows (t.path);
  path = g_strdup (t.path);
  g_clear_object (&t.store);

  /* a file that is not a database is refused, nothing changes */
  junk = write_file (&t, "junk.db", "not a database at all", -1);
  g_assert_false (rectify_restore_backup (path, junk, &aside, &error));
  g_assert_nonnull (error);
  g_assert_null (aside);
  g_clear_error (&error);
  {
    g_autofree char *now = canonical_rows (path);
    g_assert_cmpstr (now, ==, before_restore);
  }

  g_assert_true (rectify_restore_backup (path, backup, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_nonnull (strstr (aside, ".before-restore-"));
  {
    g_autofree char *now = canonical_rows (path);
    g_autofree char *kept = canonical_rows (aside);
    g_assert_cmpstr (now, ==, at_backup);
    g_assert_cmpstr (kept, ==, before_restore);
  }
  t.store = rectify_store_open (path, &error);
  g_assert_no_error (error);
  g_free (path);
  test_db_close (&t);
}

/* Nothing in dir but the database and the backups: no side file left. */
static void
assert_only_files (const char *dir, const char *const *names)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    if (!g_strv_contains (names, name))
      g_error ("%s: %s should not be there", dir, name);
}

/* A cancelled export (as when the user quits) leaves neither the file nor
 * its .partial behind, CSV or workbook. */
static void
test_export_cancelled (void)
{
  TestDb t;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  const char *const names[] = { "test.db", "test.db-wal", "test.db-shm", NULL };

  test_db_open (&t);
  add_units (&t, 3);
  for (int format = RECTIFY_EXPORT_CSV; format <= RECTIFY_EXPORT_XLSX; format++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autofree char *path = g_build_filename (t.dir, format == RECTIFY_EXPORT_CSV ? "units.csv" : "units.xlsx", NULL);
      guint64 rows = 0;

      g_cancellable_cancel (cancellable);
      g_assert_false (rectify_export_file (t.store, RECTIFY_EXPORT_UNITS, &q, format, path, NULL, NULL,
                                           cancellable, &rows, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      assert_only_files (t.dir, names);
    }
  test_db_close (&t);
}

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
  add_units (&t, 3);
  path = write_file (&t, "quote.csv", csv->str, csv->len);
  before = checksum (&t);

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
    g_autofree char *after = checksum (&t);
    g_assert_cmpstr (after, ==, before);
  }
  g_assert_cmpint (test_db_count (&t, "SELECT count(*) FROM unit"), ==, 3);
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
  g_assert_cmpint (test_db_count (&t, "SELECT count(*) FROM unit"), ==, 3);
  add_units (&t, 7);
  g_assert_cmpint (test_db_count (&t, "SELECT count(*) FROM unit"), ==, 7);
  test_db_close (&t);
}

/* A database of three units backed up, then up to n units; the store
 * closed, so that the file alone holds it all. */
static char *
backup_then_add (TestDb *t, int n)
{
  g_autoptr(GError) error = NULL;
  char *backup;

  test_db_open (t);
  add_units (t, 3);
  backup = g_build_filename (t->dir, "backup.db", NULL);
  g_assert_true (rectify_store_backup (t->store, backup, &error));
  g_assert_no_error (error);
  add_units (t, n);
  g_clear_object (&t->store);
  return backup;
}

/* A backup that the upgrade fails on leaves the database as it was, byte
 * for byte: the upgrade happened in a copy beside it. */
static void
test_restore_failed_upgrade (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  const char *const names[] = { "test.db", "backup.db", NULL };
  sqlite3 *db = NULL;

  backup = backup_then_add (&t, 6);

  /* the backup claims the schema before the last: upgrading it adds a
   * column that is already there, and fails */
  g_assert_cmpint (sqlite3_open (backup, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", RECTIFY_SCHEMA_VERSION - 1);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (t.path, &before, &before_len, NULL));
  g_assert_false (rectify_restore_backup (t.path, backup, &aside, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "backup.db"));
  g_assert_null (aside);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (t.path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  assert_only_files (t.dir, names);
  test_db_close (&t);
}

/* A file refused by the checks changes nothing either, not even a byte. */
static void
test_restore_refused_byte_identical (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *junk = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *before = NULL;
  gsize before_len = 0;
  /* reading a backup in WAL mode leaves its -shm beside it, not the database's */
  const char *const names[] = { "test.db", "backup.db", "backup.db-shm", "backup.db-wal", "junk.db", NULL };
  sqlite3 *db = NULL;

  backup = backup_then_add (&t, 3);
  junk = write_file (&t, "junk.db", "not a database at all", -1);
  /* a newer Rectify's */
  g_assert_cmpint (sqlite3_open (backup, &db), ==, SQLITE_OK);
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", RECTIFY_SCHEMA_VERSION + 1);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (t.path, &before, &before_len, NULL));
  g_assert_false (rectify_restore_backup (t.path, backup, &aside, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NEWER_VERSION);
  g_clear_error (&error);
  g_assert_false (rectify_restore_backup (t.path, junk, &aside, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (aside);
  {
    g_autofree char *after = NULL;
    gsize after_len = 0;

    g_assert_true (g_file_get_contents (t.path, &after, &after_len, NULL));
    g_assert_cmpmem (before, before_len, after, after_len);
  }
  assert_only_files (t.dir, names);
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
  g_test_add_func ("/export/neutralizes-formulas", test_export_neutralizes_formulas);
  g_test_add_func ("/export/xlsx-keeps-text", test_export_xlsx_keeps_text);
  g_test_add_func ("/export/operator-id-numbers", test_export_operator_id_numbers);
  g_test_add_func ("/export/cancelled", test_export_cancelled);
  g_test_add_func ("/export/inspections-documents", test_export_inspections_documents);
  g_test_add_func ("/backup/during-writes", test_backup_during_writes);
  g_test_add_func ("/backup/restore", test_restore);
  g_test_add_func ("/backup/restore-failed-upgrade", test_restore_failed_upgrade);
  g_test_add_func ("/backup/restore-refused-byte-identical", test_restore_refused_byte_identical);
  return g_test_run ();
}
