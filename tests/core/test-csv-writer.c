/* test-csv-writer.c: the CSV field/row writer and JSON string escaper that
 * the list exports, the dashboard export, the archive manifests and the
 * audit log share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "rectify-csv.h"

static char *
field (const char *text, RectifyCsvFlags flags)
{
  GString *out = g_string_new (NULL);
  rectify_csv_append_field_full (out, text, flags);
  return g_string_free (out, FALSE);
}

static void
test_quoting (void)
{
  struct { const char *in, *out; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "line1\nline2", "\"line1\nline2\"" },
    { "line1\r\nline2", "\"line1\r\nline2\"" },
    { "电梯,锅炉", "\"电梯,锅炉\"" },
    { "特种设备安全监察指令书", "特种设备安全监察指令书" },
    /* plain fields are never neutralised */
    { "=1+2", "=1+2" },
    { "-3", "-3" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = field (cases[i].in, RECTIFY_CSV_PLAIN);
      g_assert_cmpstr (got, ==, cases[i].out);
    }
  /* NULL is an empty field */
  g_autofree char *null_field = field (NULL, RECTIFY_CSV_NEUTRALIZE);
  g_assert_cmpstr (null_field, ==, "");
}

static void
test_neutralize (void)
{
  struct { const char *in, *list, *dashboard; } cases[] = {
    { "=SUM(A1)", "'=SUM(A1)", "\"'=SUM(A1)\"" },
    { "+86 591", "'+86 591", "\"'+86 591\"" },
    { "-1", "'-1", "\"'-1\"" },
    { "@cmd", "'@cmd", "\"'@cmd\"" },
    { "\tx", "'\tx", "\"'\tx\"" },
    { "\rx", "\"'\rx\"", "\"'\rx\"" },
    { "=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"" },
    /* not at the start: kept as it is */
    { "1-2", "1-2", "1-2" },
    { "a=b", "a=b", "a=b" },
    { "梯11闽E3622(16)", "梯11闽E3622(16)", "梯11闽E3622(16)" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *list = field (cases[i].in, RECTIFY_CSV_NEUTRALIZE);
      g_autofree char *dashboard = field (cases[i].in, RECTIFY_CSV_NEUTRALIZE | RECTIFY_CSV_QUOTE_NEUTRALIZED);
      g_autoptr(GString) cell = g_string_new (NULL);
      g_autoptr(GString) legacy = g_string_new (NULL);

      g_assert_cmpstr (list, ==, cases[i].list);
      g_assert_cmpstr (dashboard, ==, cases[i].dashboard);
      /* the older entry points are the same writer */
      rectify_csv_append_cell (cell, cases[i].in);
      g_assert_cmpstr (cell->str, ==, cases[i].dashboard);
      rectify_csv_append_field (legacy, cases[i].in, TRUE);
      g_assert_cmpstr (legacy->str, ==, cases[i].list);
      g_assert_true (rectify_csv_needs_neutralizing (cases[i].in) == (strchr ("=+-@\t\r", cases[i].in[0]) != NULL));
    }
}

static void
test_row_round_trip (void)
{
  const char *cells[] = { "编号", "a,b", "say \"hi\"", "two\r\nlines", "=1+2", NULL, "电梯" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(RectifyCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  char **fields;
  guint n;
  guint64 line;

  rectify_csv_append_row (out, cells, G_N_ELEMENTS (cells), RECTIFY_CSV_NEUTRALIZE);
  rectify_csv_append_row (out, cells, 2, RECTIFY_CSV_PLAIN);
  g_assert_cmpstr (out->str, ==,
                   "编号,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",'=1+2,,电梯\r\n"
                   "编号,\"a,b\"\r\n");

  /* and the reader takes back what the writer wrote */
  stream = g_memory_input_stream_new_from_data (g_strdup (out->str), out->len, g_free);
  reader = rectify_csv_reader_new (stream, "UTF-8", &error);
  g_assert_no_error (error);
  g_assert_true (rectify_csv_reader_next (reader, &fields, &n, &line, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (cells));
  g_assert_cmpstr (fields[0], ==, "编号");
  g_assert_cmpstr (fields[1], ==, "a,b");
  g_assert_cmpstr (fields[2], ==, "say \"hi\"");
  /* the reader folds a line break inside a field to LF */
  g_assert_cmpstr (fields[3], ==, "two\nlines");
  g_assert_cmpstr (fields[4], ==, "'=1+2");
  g_assert_cmpstr (fields[5], ==, "");
  g_assert_cmpstr (fields[6], ==, "电梯");
  g_assert_true (rectify_csv_reader_next (reader, &fields, &n, &line, NULL, &error));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (line, ==, 3);
  g_assert_false (rectify_csv_reader_next (reader, &fields, &n, &line, NULL, &error));
  g_assert_no_error (error);
}

static void
test_json_string (void)
{
  struct { const char *in, *out; } cases[] = {
    { "plain", "\"plain\"" },
    { "", "\"\"" },
    { "say \"hi\"", "\"say \\\"hi\\\"\"" },
    { "C:\\path", "\"C:\\\\path\"" },
    { "a\nb\rc\td", "\"a\\nb\\rc\\td\"" },
    { "\x01\x1f", "\"\\u0001\\u001f\"" },
    { "X市监特指〔2026〕7号", "\"X市监特指〔2026〕7号\"" },
    { "/ and \x7f", "\"/ and \x7f\"" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      rectify_json_append_string (out, cases[i].in);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }
  g_autoptr(GString) null_out = g_string_new ("x=");
  rectify_json_append_string (null_out, NULL);
  g_assert_cmpstr (null_out->str, ==, "x=\"\"");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv-writer/quoting", test_quoting);
  g_test_add_func ("/csv-writer/neutralize", test_neutralize);
  g_test_add_func ("/csv-writer/row-round-trip", test_row_round_trip);
  g_test_add_func ("/csv-writer/json-string", test_json_string);
  return g_test_run ();
}
