/* rectify-csv.h: a streaming reader and writer of CSV as spreadsheets write it
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
RectifyCsvReader *rectify_csv_reader_new (GInputStream *stream, const char *encoding, GError **error);
RectifyCsvReader *rectify_csv_reader_new_for_path (const char *path, const char *encoding, GError **error);
void              rectify_csv_reader_free (RectifyCsvReader *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyCsvReader, rectify_csv_reader_free)

void        rectify_csv_reader_set_max_field (RectifyCsvReader *self, gsize max_bytes);
/* "UTF-8" or "GB18030" (or the encoding given). */
const char *rectify_csv_reader_get_encoding (RectifyCsvReader *self);
char        rectify_csv_reader_get_separator (RectifyCsvReader *self);
/* Bytes of the file consumed so far, for progress. */
guint64     rectify_csv_reader_get_position (RectifyCsvReader *self);

/* The next record, skipping blank lines.  Returns TRUE with *fields (owned
 * by the reader, valid until the next call; the caller may change the
 * strings in place, not their length beyond their NUL) and *n_fields set and *line the
 * line the record starts on; FALSE at the end (error unset) or when the
 * input is not acceptable CSV: RECTIFY_ERROR_INVALID with a message
 * "Line L, column C: …" and the place in rectify_csv_reader_get_error_place.
 * After an error the reader returns FALSE. */
gboolean rectify_csv_reader_next (RectifyCsvReader  *self,
                                  char            ***fields,
                                  guint              *n_fields,
                                  guint64            *line,
                                  GCancellable       *cancellable,
                                  GError            **error);
void     rectify_csv_reader_get_error_place (RectifyCsvReader *self, guint64 *line, guint *column);

/* ---- writing ---------------------------------------------------------- */

/* Appends one field, quoted when it holds the separator, a quote, CR or LF;
 * with neutralize, a text that a spreadsheet would run as a formula (it
 * starts with = + - @, a tab or CR) gets a leading apostrophe. */
void rectify_csv_append_field (GString *out, const char *text, gboolean neutralize);
/* TRUE when text would be taken for a formula. */
gboolean rectify_csv_needs_neutralizing (const char *text);

G_END_DECLS
