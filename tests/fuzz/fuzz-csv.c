/* fuzz-csv.c: the CSV reader, its encoding and separator detection, and
 * the writer that must give back what the reader read
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte of an input chooses the encoding (detected, UTF-8 or
 * GB18030) and whether a small field limit applies; the rest is the file.
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "fuzz.h"
#include "rectify-csv.h"
#include "rectify-error.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

static RectifyCsvReader *
reader_for (const uint8_t *data, size_t size, const char *encoding)
{
  g_autoptr (GInputStream) in
      = g_memory_input_stream_new_from_data (g_memdup2 (data, size), (gssize) size, g_free);
  g_autoptr (GError) error = NULL;
  RectifyCsvReader *reader = rectify_csv_reader_new (in, encoding, &error);

  /* it fails only on an encoding this system does not know */
  FUZZ_CHECK (reader != NULL && error == NULL);
  return reader;
}

/* A field the writer writes so that the reader reads it back the same,
 * in the record it is in (the reasons it may not, all by design). */
static gboolean
round_trips (char **fields, guint n, guint record)
{
  /* one empty field is a blank line, which is no record */
  if (n == 1 && fields[0][0] == '\0')
    return FALSE;
  /* a BOM at the start of the file is no text */
  if (record == 0 && g_str_has_prefix (fields[0], "\xEF\xBB\xBF"))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *lf = strchr (fields[i], '\n');
      /* the writer leaves tabs unquoted (a first line with more tabs than
       * commas is read as separated by tabs); a cell with a line break and
       * a comma after it is refused as a quote that lost its pair */
      if (strchr (fields[i], '\t') || (lf && strchr (lf, ',')))
        return FALSE;
    }
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char *const encodings[] = { NULL, "auto", "UTF-8", "GB18030" };
  g_autoptr (RectifyCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) written = g_string_new (NULL);
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gsize max_field = 0;
  const char *encoding;
  guint64 last_line = 0;
  char **fields;
  guint n;
  guint64 line;

  if (size < 1)
    return 0;
  encoding = encodings[data[0] & 3];
  if (data[0] & 4)
    max_field = 1 + (data[0] >> 3);
  reader = reader_for (data + 1, size - 1, encoding);
  if (max_field)
    rectify_csv_reader_set_max_field (reader, max_field);

  while (rectify_csv_reader_next (reader, &fields, &n, &line, NULL, &error))
    {
      FUZZ_CHECK (error == NULL);
      FUZZ_CHECK (n >= 1 && n <= RECTIFY_CSV_MAX_FIELDS);
      FUZZ_CHECK (fields[n] == NULL);
      FUZZ_CHECK (line > last_line);
      last_line = line;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (GString) json = g_string_new (NULL);

          FUZZ_CHECK (g_utf8_validate (fields[i], -1, NULL));
          /* a line break inside a cell is read as LF */
          FUZZ_CHECK (strchr (fields[i], '\r') == NULL);
          FUZZ_CHECK (max_field == 0 || strlen (fields[i]) <= max_field);
          rectify_json_append_string (json, fields[i]);
          for (gsize j = 0; j < json->len; j++)
            FUZZ_CHECK ((guchar) json->str[j] >= 0x20);
        }
      FUZZ_CHECK (rectify_csv_reader_get_separator (reader) == ','
                  || rectify_csv_reader_get_separator (reader) == '\t');
      if (max_field == 0 && round_trips (fields, n, records->len))
        {
          rectify_csv_append_row (written, (const char *const *) fields, n, RECTIFY_CSV_PLAIN);
          g_ptr_array_add (records, g_strdupv (fields));
        }
    }
  if (error)
    {
      guint64 err_line = 0;
      guint err_column = 0;

      FUZZ_CHECK (error->domain == RECTIFY_ERROR);
      FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      rectify_csv_reader_get_error_place (reader, &err_line, &err_column);
      if (error->code == RECTIFY_ERROR_INVALID)
        FUZZ_CHECK (err_line >= 1 && err_column >= 1);
      /* a reader that failed stays failed */
      g_clear_error (&error);
      FUZZ_CHECK (!rectify_csv_reader_next (reader, &fields, &n, &line, NULL, &error));
      FUZZ_CHECK (error == NULL);
    }
  else
    {
      const char *enc = rectify_csv_reader_get_encoding (reader);
      FUZZ_CHECK (g_str_equal (enc, "UTF-8") || g_str_equal (enc, "GB18030"));
    }

  /* what the writer wrote of the records, the reader reads back the same */
  if (records->len > 0)
    {
      g_autoptr (RectifyCsvReader) again
          = reader_for ((const uint8_t *) written->str, written->len, "UTF-8");
      guint r = 0;

      while (rectify_csv_reader_next (again, &fields, &n, &line, NULL, &error))
        {
          char **expected;

          FUZZ_CHECK (r < records->len);
          expected = g_ptr_array_index (records, r++);
          FUZZ_CHECK (n == g_strv_length (expected));
          for (guint i = 0; i < n; i++)
            FUZZ_CHECK (g_str_equal (fields[i], expected[i]));
        }
      FUZZ_CHECK (error == NULL);
      FUZZ_CHECK (r == records->len);
    }
  return 0;
}
