/* test-csv.c: the CSV reader on quotes that lose their pair
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "rectify-csv.h"
#include "rectify-error.h"

static RectifyCsvReader *
reader_for (const char *data)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (g_strdup (data), strlen (data), g_free);
  g_autoptr(GError) error = NULL;
  RectifyCsvReader *reader = rectify_csv_reader_new (in, "UTF-8", &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

/* Reads every record; returns how many, and the error at the end (if any). */
static guint
read_all (RectifyCsvReader *reader, GError **error)
{
  char **fields;
  guint n_fields;
  guint64 line;
  guint records = 0;

  while (rectify_csv_reader_next (reader, &fields, &n_fields, &line, NULL, error))
    records++;
  return records;
}

/* The five rows of issue 20: the quote opened on line 3 closes on line 5,
 * and the rows between would be one unit named with two line breaks. */
static void
test_unbalanced_quote (void)
{
  static const char data[] = "统一社会信用代码,单位名称,地址\n"
                             "91350100M000100Y43,鼓楼区第一医院,八一七路1号\n"
                             "91350100M000100Y51,\"台江区热电厂,江滨路2号\n"
                             "91350100M000100Y6X,仓山区学校,南江滨路3号\n"
                             "91350100M000100Y78,晋安区电梯公司,\"福新路4号\"\n"
                             "91350100M000100Y86,马尾区船厂,\"马江路5号\"\n";
  g_autoptr(RectifyCsvReader) reader = reader_for (data);
  g_autoptr(GError) error = NULL;
  guint64 err_line = 0;
  guint err_column = 0;

  /* the header and the row before the quote are read; then it stops */
  g_assert_cmpuint (read_all (reader, &error), ==, 2);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  g_test_message ("%s", error->message);
  rectify_csv_reader_get_error_place (reader, &err_line, &err_column);
  /* where the quote opened, not where it was noticed */
  g_assert_cmpuint (err_line, ==, 3);
  g_assert_cmpuint (err_column, ==, 2);
  g_assert_true (g_str_has_prefix (error->message, "Line 3, column 2: "));
  g_assert_nonnull (strstr (error->message, "comma on line 4"));
  g_assert_nonnull (strstr (error->message, "closing quote"));
  /* after an error the reader stays stopped */
  g_clear_error (&error);
  g_assert_cmpuint (read_all (reader, &error), ==, 0);
  g_assert_no_error (error);
}

/* With tabs the same: a tab after the line break. */
static void
test_unbalanced_quote_tabs (void)
{
  static const char data[] = "a\tb\tc\r\n"
                             "1\t\"x\ty\"\tz\r\n"
                             "2\t\"open\r\n"
                             "3\tthree\tdrei\r\n";
  g_autoptr(RectifyCsvReader) reader = reader_for (data);
  g_autoptr(GError) error = NULL;
  guint64 err_line = 0;
  guint err_column = 0;

  g_assert_cmpuint (read_all (reader, &error), ==, 2);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  rectify_csv_reader_get_error_place (reader, &err_line, &err_column);
  g_assert_cmpuint (err_line, ==, 3);
  g_assert_cmpuint (err_column, ==, 2);
  g_assert_nonnull (strstr (error->message, "tab on line 4"));
}

/* Cells of several lines as spreadsheets write them are still read: line
 * breaks without a separator after them, a comma before the first break,
 * doubled quotes, and commas in a file separated by tabs. */
static void
test_multiline_cells (void)
{
  static const char commas[] = "name,note\r\n"
                               "A,\"first, line\r\nsecond line\r\n\"\"third\"\"\"\r\n"
                               "B,\"one\ntwo\"\r\n";
  static const char tabs[] = "name\tnote\n"
                             "A\t\"a, b\nc, d\"\n"
                             "B\tplain\n";
  g_autoptr(RectifyCsvReader) reader = reader_for (commas);
  g_autoptr(RectifyCsvReader) tab_reader = reader_for (tabs);
  g_autoptr(GError) error = NULL;
  char **fields;
  guint n;
  guint64 line;

  g_assert_true (rectify_csv_reader_next (reader, &fields, &n, &line, NULL, &error));
  g_assert_true (rectify_csv_reader_next (reader, &fields, &n, &line, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (fields[1], ==, "first, line\nsecond line\n\"third\"");
  g_assert_true (rectify_csv_reader_next (reader, &fields, &n, &line, NULL, &error));
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpstr (fields[1], ==, "one\ntwo");
  g_assert_false (rectify_csv_reader_next (reader, &fields, &n, &line, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (read_all (tab_reader, &error), ==, 3);
  g_assert_no_error (error);
}

/* A quote that never closes is the cut-off last line it always was. */
static void
test_quote_to_the_end (void)
{
  g_autoptr(RectifyCsvReader) reader = reader_for ("a,b\n1,\"no end\nstill no end");
  g_autoptr(GError) error = NULL;
  guint64 err_line = 0;

  g_assert_cmpuint (read_all (reader, &error), ==, 1);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ends inside a quoted field"));
  rectify_csv_reader_get_error_place (reader, &err_line, NULL);
  g_assert_cmpuint (err_line, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/unbalanced-quote", test_unbalanced_quote);
  g_test_add_func ("/csv/unbalanced-quote-tabs", test_unbalanced_quote_tabs);
  g_test_add_func ("/csv/multiline-cells", test_multiline_cells);
  g_test_add_func ("/csv/quote-to-the-end", test_quote_to_the_end);
  return g_test_run ();
}
