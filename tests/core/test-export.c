/* test-export.c: every list to CSV and workbook, masked ID numbers, formulas, cancel
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rectify-demo.h"
#include "rectify-export.h"
#include "rectify-inspection-query.h"
#include "test-util.h"
#include "test-import-util.h"

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
  test_store_sign_in (t.store);

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
  test_store_sign_in (t.store);
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
    test_store_sign_in (other.store);
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
    g_assert_cmpint (test_count_operators (other.store, NULL), ==, 0);
    /* the whole numbers import */
    whole = import (&other, RECTIFY_IMPORT_OPERATORS, full_path, NULL, FALSE);
    g_assert_cmpuint (whole->n_problems, ==, 0);
    g_assert_true (whole->written);
    g_assert_cmpint (test_count_operators (other.store, "11010519491231002X"), ==, 1);
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
  test_store_sign_in (t.store);
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
    test_store_sign_in (other.store);
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
  test_store_sign_in (t.store);
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

/* A cancelled export (as when the user quits) leaves neither the file nor
 * its .partial behind, CSV or workbook. */
static void
test_export_cancelled (void)
{
  TestDb t;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  const char *const names[] = { "test.db", "test.db-wal", "test.db-shm", NULL };

  test_db_open (&t);
  test_store_sign_in (t.store);
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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("RECTIFY_TODAY", "2026-06-30", TRUE);
  g_test_add_func ("/export/neutralizes-formulas", test_export_neutralizes_formulas);
  g_test_add_func ("/export/xlsx-keeps-text", test_export_xlsx_keeps_text);
  g_test_add_func ("/export/operator-id-numbers", test_export_operator_id_numbers);
  g_test_add_func ("/export/cancelled", test_export_cancelled);
  g_test_add_func ("/export/inspections-documents", test_export_inspections_documents);
  return g_test_run ();
}
