/* rectify-csv.c: a streaming reader and writer of CSV as spreadsheets write it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-csv.h"
#include "rectify-error.h"

#define DETECT_SIZE (64 * 1024)
#define READ_SIZE (64 * 1024)

struct _RectifyCsvReader
{
  GInputStream *raw;
  GBufferedInputStream *buffered;
  GInputStream *input; /* buffered, or a converter to UTF-8 over it */
  char *encoding;
  gboolean is_utf8;
  gboolean zip;    /* the file starts like a ZIP (an .xlsx workbook) */
  gboolean binary; /* its first bytes hold a NUL */
  char sep;
  gsize max_field;

  guint8 buf[READ_SIZE];
  gsize len;
  gsize pos;
  gboolean eof;
  gboolean started; /* the first bytes (a BOM) were looked at */

  guint64 line;    /* the physical line being read, from 1 */
  GString *record; /* the fields of a record, each ended by NUL */
  GArray *starts;  /* gsize: where each field starts in record */
  GPtrArray *fields;

  gboolean failed;
  guint64 error_line;
  guint error_column;
};

static gboolean
is_utf8_name (const char *encoding)
{
  return g_ascii_strcasecmp (encoding, "UTF-8") == 0 || g_ascii_strcasecmp (encoding, "UTF8") == 0;
}

static char *
canonical_encoding (const char *encoding)
{
  static const char *const gb[] = { "GB18030", "GBK", "GB2312", "CP936", "GB-18030", NULL };

  if (is_utf8_name (encoding))
    return g_strdup ("UTF-8");
  for (guint i = 0; gb[i]; i++)
    if (g_ascii_strcasecmp (encoding, gb[i]) == 0)
      return g_strdup ("GB18030"); /* GBK and GB2312 are subsets of it */
  return g_ascii_strup (encoding, -1);
}

/* Whether data is UTF-8, allowing a sequence cut by the end of a full buffer. */
static gboolean
looks_like_utf8 (const char *data, gsize n, gboolean full)
{
  const char *end = NULL;

  if (g_utf8_validate_len (data, n, &end))
    return TRUE;
  return full && (gsize)(end - data) + 4 > n && (guchar)*end >= 0xc0;
}

RectifyCsvReader *
rectify_csv_reader_new (GInputStream *stream, const char *encoding, GError **error)
{
  g_autoptr (RectifyCsvReader) self = g_new0 (RectifyCsvReader, 1);
  g_autoptr (GError) local_error = NULL;
  const guint8 *peek;
  gsize available = 0;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self->raw = g_object_ref (stream);
  self->buffered
      = G_BUFFERED_INPUT_STREAM (g_buffered_input_stream_new_sized (stream, DETECT_SIZE));
  self->max_field = RECTIFY_CSV_DEFAULT_MAX_FIELD;
  self->line = 1;
  self->record = g_string_sized_new (1024);
  self->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->fields = g_ptr_array_new ();

  /* The first bytes decide the encoding and show a workbook for what it is. */
  while ((available = g_buffered_input_stream_get_available (self->buffered)) < DETECT_SIZE)
    {
      gssize n = g_buffered_input_stream_fill (self->buffered, DETECT_SIZE - available, NULL,
                                               &local_error);
      if (n < 0)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Cannot read the file: %s"),
                       local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
    }
  peek = g_buffered_input_stream_peek_buffer (self->buffered, &available);
  self->zip = available >= 4 && memcmp (peek, "PK\003\004", 4) == 0;
  self->binary = memchr (peek, '\0', available) != NULL;

  if (encoding == NULL || *encoding == '\0' || g_ascii_strcasecmp (encoding, "auto") == 0)
    {
      gboolean bom = available >= 3 && memcmp (peek, "\xef\xbb\xbf", 3) == 0;
      /* A binary file stays "UTF-8" so that the reader names the NUL byte. */
      if (bom || memchr (peek, '\0', available) != NULL
          || looks_like_utf8 ((const char *)peek, available, available == DETECT_SIZE))
        self->encoding = g_strdup ("UTF-8");
      else
        self->encoding = g_strdup ("GB18030");
    }
  else
    self->encoding = canonical_encoding (encoding);

  self->is_utf8 = is_utf8_name (self->encoding);
  if (self->is_utf8)
    self->input = g_object_ref (G_INPUT_STREAM (self->buffered));
  else
    {
      g_autoptr (GCharsetConverter) conv
          = g_charset_converter_new ("UTF-8", self->encoding, &local_error);
      if (conv == NULL)
        {
          g_set_error (
              error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
              _ ("Encoding: “%s” is not an encoding this system knows; use UTF-8 or GB18030"),
              encoding);
          return NULL;
        }
      self->input
          = g_converter_input_stream_new (G_INPUT_STREAM (self->buffered), G_CONVERTER (conv));
    }
  return g_steal_pointer (&self);
}

void
rectify_csv_reader_free (RectifyCsvReader *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->input);
  g_clear_object (&self->buffered);
  g_clear_object (&self->raw);
  g_free (self->encoding);
  if (self->record)
    g_string_free (self->record, TRUE);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_free (self);
}

void
rectify_csv_reader_set_max_field (RectifyCsvReader *self, gsize max_bytes)
{
  self->max_field = max_bytes;
}

const char *
rectify_csv_reader_get_encoding (RectifyCsvReader *self)
{
  return self->encoding;
}

char
rectify_csv_reader_get_separator (RectifyCsvReader *self)
{
  return self->sep ? self->sep : ',';
}

guint64
rectify_csv_reader_get_position (RectifyCsvReader *self)
{
  if (G_IS_SEEKABLE (self->raw))
    return (guint64)g_seekable_tell (G_SEEKABLE (self->raw));
  return 0;
}

void
rectify_csv_reader_get_error_place (RectifyCsvReader *self, guint64 *line, guint *column)
{
  if (line)
    *line = self->error_line;
  if (column)
    *column = self->error_column;
}

static gboolean
fail (RectifyCsvReader *self, guint64 line, guint column, GError **error, const char *format, ...)
    G_GNUC_PRINTF (5, 6);

static gboolean
fail (RectifyCsvReader *self, guint64 line, guint column, GError **error, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  self->failed = TRUE;
  self->error_line = line;
  self->error_column = column;
  g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("Line %" PRIu64 ", column %u: %s"),
               line, column, what);
  return FALSE;
}

/* Fills the buffer; FALSE at the end or on an error (then error is set). */
static gboolean
refill (RectifyCsvReader *self, guint column, GCancellable *cancellable, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  gssize n;

  if (self->eof)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      self->failed = TRUE;
      return FALSE;
    }
  n = g_input_stream_read (self->input, self->buf, sizeof self->buf, cancellable, &local_error);
  if (n < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->failed = TRUE;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA)
          || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
        return fail (self, self->line, column, error,
                     _ ("the text is not valid %s; choose the file’s encoding (UTF-8 or GB18030)"),
                     self->encoding);
      self->failed = TRUE;
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Cannot read the file: %s"),
                   local_error->message);
      return FALSE;
    }
  self->len = (gsize)n;
  self->pos = 0;
  if (n == 0)
    {
      self->eof = TRUE;
      return FALSE;
    }
  if (!self->started)
    {
      self->started = TRUE;
      if (self->len >= 3 && memcmp (self->buf, "\xef\xbb\xbf", 3) == 0)
        self->pos = 3;
    }
  return TRUE;
}

/* The separator that occurs more often outside quotes in the first line. */
static void
detect_separator (RectifyCsvReader *self)
{
  gboolean quoted = FALSE;
  guint commas = 0, tabs = 0;

  for (gsize i = self->pos; i < self->len; i++)
    {
      guint8 c = self->buf[i];
      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == '\t')
        tabs++;
    }
  self->sep = tabs > commas ? '\t' : ',';
}

enum
{
  FIELD_START,
  UNQUOTED,
  QUOTED,
  QUOTE_IN_QUOTED
};

static gboolean
end_field (RectifyCsvReader *self, gsize start, guint64 field_line, guint column, GError **error)
{
  const char *text = self->record->str + start;
  gsize n = self->record->len - start;

  if (self->is_utf8 && !g_utf8_validate_len (text, n, NULL) && self->binary)
    return fail (self, field_line, column, error, _ ("this is a binary file, not CSV text"));
  if (self->is_utf8 && !g_utf8_validate_len (text, n, NULL))
    return fail (
        self, field_line, column, error,
        _ ("the text is not valid UTF-8; the file may be in GB18030 (GBK): choose that encoding"));
  g_string_append_c (self->record, '\0');
  g_array_append_val (self->starts, start);
  return TRUE;
}

gboolean
rectify_csv_reader_next (RectifyCsvReader *self,
                         char ***fields,
                         guint *n_fields,
                         guint64 *line,
                         GCancellable *cancellable,
                         GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->failed)
    return FALSE;
  if (self->zip)
    return fail (self, 1, 1, error,
                 _ ("this is a ZIP file or an Excel workbook (.xlsx), not CSV; save it from the "
                    "spreadsheet as CSV"));
  if (self->sep == 0)
    {
      if (self->pos >= self->len && !refill (self, 1, cancellable, error))
        {
          self->sep = ',';
          return FALSE;
        }
      detect_separator (self);
    }

  for (;;)
    {
      guint64 record_line = self->line;
      guint64 field_line = self->line;
      guint column = 1;
      gsize start = 0;
      int state = FIELD_START;
      gboolean any_quoted = FALSE;
      gboolean broken = FALSE; /* the quoted field being read ran over a line break */

      g_string_truncate (self->record, 0);
      g_array_set_size (self->starts, 0);

      for (;;)
        {
          int c;

          /* ordinary bytes of a field are copied as a run */
          if (state == UNQUOTED || state == QUOTED)
            {
              gsize from = self->pos, to = from;
              const guint8 *b = self->buf;

              if (state == UNQUOTED)
                while (to < self->len && b[to] >= 0x20 && b[to] != '"'
                       && b[to] != (guint8)self->sep)
                  to++;
              else
                while (to < self->len && b[to] >= 0x20 && b[to] != '"'
                       && !(broken && b[to] == (guint8)self->sep))
                  to++;
              if (to > from)
                {
                  g_string_append_len (self->record, (const char *)b + from, (gssize)(to - from));
                  self->pos = to;
                  if (G_UNLIKELY (self->record->len - start > self->max_field))
                    return fail (self, field_line, column, error,
                                 _ ("a field longer than %u KB; this is not a list that a "
                                    "spreadsheet writes"),
                                 (guint)(self->max_field / 1024));
                }
            }

          if (G_LIKELY (self->pos < self->len))
            c = self->buf[self->pos++];
          else if (refill (self, column, cancellable, error))
            c = self->buf[self->pos++];
          else if (self->failed)
            return FALSE;
          else
            c = -1;

          if (c == -1)
            {
              if (state == QUOTED)
                return fail (self, field_line, column, error,
                             _ ("the file ends inside a quoted field that starts here; the last "
                                "line is cut off"));
              if (state == FIELD_START && self->starts->len == 0)
                return FALSE; /* nothing after the last line break */
              break;
            }
          if (c == 0)
            return fail (self, self->line, column, error,
                         _ ("a NUL byte; this is a binary file, not CSV text"));
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != self->sep)
            return fail (self, self->line, column, error,
                         _ ("control character U+%04X; this is not CSV text"), (guint)c);

          if (state == QUOTED)
            {
              if (c == '"')
                state = QUOTE_IN_QUOTED;
              else if (broken && c == self->sep)
                /* A quote without its pair takes the rows after it into
                 * one cell: refused rather than guessed at.  A cell that
                 * really holds line breaks and the separator is rare in a
                 * list; tabs as the separator keep commas in such a cell. */
                return fail (self, field_line, column, error,
                             self->sep == '\t'
                                 ? _ ("a quoted field starts here and runs over a line break "
                                      "past a tab on line %" PRIu64 "; its closing quote is "
                                      "probably missing, which would merge the rows after it "
                                      "into this cell")
                                 : _ ("a quoted field starts here and runs over a line break "
                                      "past a comma on line %" PRIu64 "; its closing quote is "
                                      "probably missing, which would merge the rows after it "
                                      "into this cell"),
                             self->line);
              else
                {
                  if (c == '\n' || c == '\r')
                    broken = TRUE;
                  if (c == '\n')
                    self->line++;
                  else if (c == '\r')
                    {
                      /* CR LF inside a cell is kept as LF */
                      if (self->pos < self->len || refill (self, column, cancellable, error))
                        {
                          if (self->buf[self->pos] == '\n')
                            self->pos++;
                        }
                      else if (self->failed)
                        return FALSE;
                      self->line++;
                      c = '\n';
                    }
                  g_string_append_c (self->record, (char)c);
                }
            }
          else if (state == QUOTE_IN_QUOTED && c == '"')
            {
              g_string_append_c (self->record, '"');
              state = QUOTED;
            }
          else if (c == self->sep)
            {
              if (!end_field (self, start, field_line, column, error))
                return FALSE;
              if (++column > RECTIFY_CSV_MAX_FIELDS)
                return fail (self, self->line, column, error,
                             _ ("more than %d columns; this is not a list"),
                             RECTIFY_CSV_MAX_FIELDS);
              start = self->record->len;
              field_line = self->line;
              state = FIELD_START;
              broken = FALSE;
            }
          else if (c == '\n' || c == '\r')
            {
              if (c == '\r')
                {
                  if (self->pos < self->len || refill (self, column, cancellable, error))
                    {
                      if (self->buf[self->pos] == '\n')
                        self->pos++;
                    }
                  else if (self->failed)
                    return FALSE;
                }
              self->line++;
              break;
            }
          else if (state == FIELD_START && c == '"')
            {
              state = QUOTED;
              any_quoted = TRUE;
            }
          else
            {
              /* A stray quote in an unquoted field, or text after a closing
               * quote, is kept as text, as spreadsheets do. */
              g_string_append_c (self->record, (char)c);
              state = UNQUOTED;
            }

          if (G_UNLIKELY (self->record->len - start > self->max_field))
            return fail (
                self, field_line, column, error,
                _ ("a field longer than %u KB; this is not a list that a spreadsheet writes"),
                (guint)(self->max_field / 1024));
        }

      if (!end_field (self, start, field_line, column, error))
        return FALSE;
      /* a blank line is no record */
      if (self->starts->len == 1 && self->record->len == 1 && !any_quoted)
        {
          if (self->eof && self->pos >= self->len)
            return FALSE;
          continue;
        }

      g_ptr_array_set_size (self->fields, 0);
      for (guint i = 0; i < self->starts->len; i++)
        g_ptr_array_add (self->fields, self->record->str + g_array_index (self->starts, gsize, i));
      g_ptr_array_add (self->fields, NULL);
      *fields = (char **)self->fields->pdata;
      *n_fields = self->starts->len;
      if (line)
        *line = record_line;
      return TRUE;
    }
}

/* ---- writing ---------------------------------------------------------- */

gboolean
rectify_csv_needs_neutralizing (const char *text)
{
  return text
         && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t'
             || text[0] == '\r');
}

void
rectify_csv_append_field_full (GString *out, const char *text, RectifyCsvFlags flags)
{
  gboolean formula, quote;

  if (text == NULL)
    return;
  formula = (flags & RECTIFY_CSV_NEUTRALIZE) && rectify_csv_needs_neutralizing (text);
  quote = strpbrk (text, ",\"\r\n") != NULL || (formula && (flags & RECTIFY_CSV_QUOTE_NEUTRALIZED));
  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  if (!quote)
    g_string_append (out, text);
  else
    {
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
}

void
rectify_csv_append_field (GString *out, const char *text, gboolean neutralize)
{
  rectify_csv_append_field_full (out, text,
                                 neutralize ? RECTIFY_CSV_NEUTRALIZE : RECTIFY_CSV_PLAIN);
}

void
rectify_csv_append_cell (GString *out, const char *text)
{
  rectify_csv_append_field_full (out, text, RECTIFY_CSV_NEUTRALIZE | RECTIFY_CSV_QUOTE_NEUTRALIZED);
}

void
rectify_csv_append_row (GString *out,
                        const char *const *cells,
                        guint n_cells,
                        RectifyCsvFlags flags)
{
  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      rectify_csv_append_field_full (out, cells[i], flags);
    }
  g_string_append (out, "\r\n");
}

/* ---- JSON ------------------------------------------------------------------ */

void
rectify_json_append_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char)*p);
        }
    }
  g_string_append_c (out, '"');
}
