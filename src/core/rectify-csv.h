/* rectify-csv.h: a streaming reader and writer of CSV as spreadsheets write it,
 * and the JSON string escaper the exports share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The longest field the reader accepts, in bytes of UTF-8. */
#define RECTIFY_CSV_DEFAULT_MAX_FIELD (1024 * 1024)
/* The most fields in one record. */
#define RECTIFY_CSV_MAX_FIELDS 1000

typedef struct _RectifyCsvReader RectifyCsvReader;

/* Reads CSV from stream: UTF-8 with or without BOM, or GB18030 (GBK is a
 * subset).  encoding NULL or "auto" detects it from the first 64 KB (valid
 * UTF-8 is UTF-8, anything else GB18030); otherwise "UTF-8" or "GB18030"
 * (or any name iconv knows).  The separator, comma or tab, is detected from
 * the first line.  Fails only when the encoding is unknown. */
RectifyCsvReader *
rectify_csv_reader_new (GInputStream *stream, const char *encoding, GError **error);
void rectify_csv_reader_free (RectifyCsvReader *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyCsvReader, rectify_csv_reader_free)

void rectify_csv_reader_set_max_field (RectifyCsvReader *self, gsize max_bytes);
/* "UTF-8" or "GB18030" (or the encoding given). */
const char *rectify_csv_reader_get_encoding (RectifyCsvReader *self);
char rectify_csv_reader_get_separator (RectifyCsvReader *self);
/* Bytes of the file consumed so far, for progress. */
guint64 rectify_csv_reader_get_position (RectifyCsvReader *self);

/* The next record, skipping blank lines.  Returns TRUE with *fields (owned
 * by the reader, valid until the next call; the caller may change the
 * strings in place, not their length beyond their NUL) and *n_fields set and *line the
 * line the record starts on; FALSE at the end (error unset) or when the
 * input is not acceptable CSV: RECTIFY_ERROR_INVALID with a message
 * "Line L, column C: …" and the place in rectify_csv_reader_get_error_place.
 * A quoted field that runs over a line break and then past a separator is
 * refused so: a quote that lost its pair would merge the rows after it into
 * one cell; the place is where the quote opened.  (With tabs as separator,
 * a cell may hold line breaks and commas.)  After an error the reader
 * returns FALSE. */
gboolean rectify_csv_reader_next (RectifyCsvReader *self,
                                  char ***fields,
                                  guint *n_fields,
                                  guint64 *line,
                                  GCancellable *cancellable,
                                  GError **error);
void rectify_csv_reader_get_error_place (RectifyCsvReader *self, guint64 *line, guint *column);

/* ---- writing ---------------------------------------------------------- */

/* How a field is written.  Every field is quoted when it holds a comma, a
 * quote, CR or LF (quotes doubled inside).  With NEUTRALIZE, a text that a
 * spreadsheet would run as a formula (it starts with = + - @, a tab or CR)
 * gets a leading apostrophe; with QUOTE_NEUTRALIZED too, such a field is
 * always quoted (the dashboard's export writes it so). */
typedef enum
{
  RECTIFY_CSV_PLAIN = 0,
  RECTIFY_CSV_NEUTRALIZE = 1 << 0,
  RECTIFY_CSV_QUOTE_NEUTRALIZED = 1 << 1,
} RectifyCsvFlags;

/* Appends one field as flags say; NULL is an empty field. */
void rectify_csv_append_field_full (GString *out, const char *text, RectifyCsvFlags flags);
/* Appends one field, neutralized or plain (RECTIFY_CSV_NEUTRALIZE or
 * RECTIFY_CSV_PLAIN). */
void rectify_csv_append_field (GString *out, const char *text, gboolean neutralize);
/* One cell of the dashboard's export: neutralized and then quoted. */
void rectify_csv_append_cell (GString *out, const char *text);
/* Appends n_cells fields separated by commas and a CRLF line end; a NULL
 * cell is empty. */
void rectify_csv_append_row (GString *out,
                             const char *const *cells,
                             guint n_cells,
                             RectifyCsvFlags flags);
/* TRUE when text would be taken for a formula. */
gboolean rectify_csv_needs_neutralizing (const char *text);

/* Appends text (UTF-8, NULL taken as empty) as a JSON string: quotes,
 * backslash, \n \r \t and the other control characters escaped, all
 * else (Chinese too) kept as it is. */
void rectify_json_append_string (GString *out, const char *text);

G_END_DECLS
