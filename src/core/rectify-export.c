/* rectify-export.c: a list with its filter to CSV or XLSX, page by page
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <string.h>
#include <xlsxwriter.h>

#include "rectify-csv.h"
#include "rectify-export.h"
#include "rectify-format.h"
#include "rectify-inspection-query.h"
#include "rectify-import.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"

#define PAGE_SIZE 1000
#define XLSX_MAX_ROWS 1048576

gboolean
rectify_export_format_from_code (const char *code, RectifyExportFormat *out)
{
  if (g_ascii_strcasecmp (code ? code : "", "csv") == 0)
    *out = RECTIFY_EXPORT_CSV;
  else if (g_ascii_strcasecmp (code ? code : "", "xlsx") == 0)
    *out = RECTIFY_EXPORT_XLSX;
  else
    return FALSE;
  return TRUE;
}

RectifyExportFormat
rectify_export_format_for_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path ? path : "", -1);
  return g_str_has_suffix (lower, ".xlsx") ? RECTIFY_EXPORT_XLSX : RECTIFY_EXPORT_CSV;
}

/* ---- the sink: CSV or XLSX ---------------------------------------------- */

typedef struct
{
  RectifyExportFormat format;
  GOutputStream *out; /* CSV */
  GString *buffer;    /* CSV, flushed every 64 KB */
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *bold;
  guint32 row;
} Sink;

static gboolean
sink_flush (Sink *sink, GCancellable *cancellable, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (sink->buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (sink->out, sink->buffer->str, sink->buffer->len, NULL,
                                  cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Cannot write the file: %s"),
                     local_error->message);
      return FALSE;
    }
  g_string_truncate (sink->buffer, 0);
  return TRUE;
}

static gboolean
sink_row (Sink *sink, GPtrArray *cells, GCancellable *cancellable, GError **error)
{
  if (sink->format == RECTIFY_EXPORT_CSV)
    {
      rectify_csv_append_row (sink->buffer, (const char *const *)cells->pdata, cells->len,
                              RECTIFY_CSV_NEUTRALIZE);
      sink->row++;
      return sink->buffer->len < 64 * 1024 || sink_flush (sink, cancellable, error);
    }

  if (sink->row >= XLSX_MAX_ROWS)
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
          _ ("Format: a worksheet holds at most %d rows; export to CSV or narrow the list"),
          XLSX_MAX_ROWS - 1);
      return FALSE;
    }
  for (guint i = 0; i < cells->len; i++)
    {
      const char *text = g_ptr_array_index (cells, i);
      lxw_error rc;

      if (text == NULL || *text == '\0')
        continue;
      /* a string cell of a workbook is text and never runs as a formula, so
       * it is written as it is (an apostrophe would become part of it) */
      rc = worksheet_write_string (sink->sheet, sink->row, (lxw_col_t)i, text,
                                   sink->row == 0 ? sink->bold : NULL);
      if (rc != LXW_NO_ERROR)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Cannot write the workbook: %s"),
                       lxw_strerror (rc));
          return FALSE;
        }
    }
  sink->row++;
  return TRUE;
}

/* ---- the rows of each list ------------------------------------------------ */

typedef struct
{
  RectifyStore *store;
  GHashTable *unit_codes; /* unit id -> credit code */
  GHashTable *categories; /* hazard category code -> name */
  gboolean full_id_numbers;
} Context;

static gboolean
fetch_unit_codes (Context *cx, GPtrArray *rows, gsize unit_id_offset, GError **error)
{
  g_autoptr (GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) units = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = G_STRUCT_MEMBER (gint64, g_ptr_array_index (rows, i), unit_id_offset);
      if (!g_hash_table_contains (cx->unit_codes, &id))
        {
          gint64 *key = g_new (gint64, 1);
          *key = id;
          g_hash_table_insert (cx->unit_codes, key, NULL);
          g_array_append_val (missing, id);
        }
    }
  if (missing->len == 0)
    return TRUE;
  units = rectify_store_get_units_by_ids (cx->store, (const gint64 *)missing->data, missing->len,
                                          error);
  if (!units)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      RectifyUnit *u = g_ptr_array_index (units, i);
      g_hash_table_replace (cx->unit_codes, g_memdup2 (&u->id, sizeof u->id),
                            g_strdup (u->credit_code));
    }
  /* A unit table of 50 000 rows is the most this keeps. */
  return TRUE;
}

static const char *
unit_code (Context *cx, gint64 unit_id)
{
  const char *code = g_hash_table_lookup (cx->unit_codes, &unit_id);
  return code ? code : "";
}

static GPtrArray *
header_cells (RectifyExportList list)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  if (list == RECTIFY_EXPORT_HAZARDS)
    {
      const char *labels[]
          = { _ ("Number"),   _ ("Unit credit code"), _ ("Unit"),    _ ("Category"), _ ("Grade"),
              _ ("Found"),    _ ("Status"),           _ ("Content"), _ ("Standard"), _ ("Measures"),
              _ ("Deadline"), _ ("Responsible"),      _ ("Closed") };
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        g_ptr_array_add (cells, g_strdup (labels[i]));
    }
  else if (list == RECTIFY_EXPORT_INSPECTIONS)
    {
      const char *labels[]
          = { _ ("Number"),        _ ("Date"),     _ ("Kind"),     _ ("Unit credit code"),
              _ ("Unit"),          _ ("Campaign"), _ ("Officers"), _ ("Equipment checked"),
              _ ("Hazards found"), _ ("Checklist") };
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        g_ptr_array_add (cells, g_strdup (labels[i]));
    }
  else if (list == RECTIFY_EXPORT_DOCUMENTS)
    {
      const char *labels[] = { _ ("Number"), _ ("Kind"),   _ ("Unit credit code"), _ ("Unit"),
                               _ ("Issued"), _ ("Status"), _ ("Void reason"),      _ ("Hazards") };
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        g_ptr_array_add (cells, g_strdup (labels[i]));
    }
  else
    {
      g_autofree RectifyImportField *fields = rectify_import_fields ((RectifyImportKind)list);
      for (guint i = 0; fields[i].key; i++)
        g_ptr_array_add (cells, g_strdup (fields[i].label));
    }
  return cells;
}

static char *
text_or_empty (const char *text)
{
  return g_strdup (text ? text : "");
}

static void
unit_cells (Context *cx, GPtrArray *cells, const RectifyUnit *u)
{
  g_ptr_array_add (cells, text_or_empty (u->credit_code));
  g_ptr_array_add (cells, text_or_empty (u->name));
  g_ptr_array_add (cells, text_or_empty (u->address));
  g_ptr_array_add (cells, text_or_empty (u->district));
  g_ptr_array_add (cells, text_or_empty (u->industry));
  g_ptr_array_add (cells, g_strdup (u->crowded ? _ ("Yes") : _ ("No")));
  g_ptr_array_add (cells, text_or_empty (u->legal_rep));
  g_ptr_array_add (cells, text_or_empty (u->safety_manager));
  g_ptr_array_add (cells, text_or_empty (u->phone));
}

static void
equipment_cells (Context *cx, GPtrArray *cells, const RectifyEquipment *e)
{
  g_ptr_array_add (cells, g_strdup (unit_code (cx, e->unit_id)));
  g_ptr_array_add (cells, text_or_empty (e->unit_name));
  g_ptr_array_add (cells, text_or_empty (rectify_category_to_code (e->category)));
  g_ptr_array_add (cells, text_or_empty (e->code));
  g_ptr_array_add (cells, text_or_empty (e->reg_cert));
  g_ptr_array_add (cells, text_or_empty (e->variety));
  g_ptr_array_add (cells, text_or_empty (e->location));
  g_ptr_array_add (cells, g_strdup (_ (rectify_equipment_status_to_label (e->status))));
  g_ptr_array_add (cells, text_or_empty (e->registered_user));
  g_ptr_array_add (cells, g_strdup_printf ("%d", e->quantity));
  g_ptr_array_add (cells, text_or_empty (e->last_inspection));
  g_ptr_array_add (cells, text_or_empty (e->next_inspection));
  g_ptr_array_add (cells, text_or_empty (e->postponed_until));
}

static void
operator_cells (Context *cx, GPtrArray *cells, const RectifyOperator *op)
{
  g_ptr_array_add (cells, g_strdup (unit_code (cx, op->unit_id)));
  g_ptr_array_add (cells, text_or_empty (op->unit_name));
  g_ptr_array_add (cells, text_or_empty (op->name));
  g_ptr_array_add (cells, cx->full_id_numbers ? text_or_empty (op->id_number)
                                              : rectify_mask_id_number (op->id_number));
  g_ptr_array_add (cells, text_or_empty (op->cert_no));
  g_ptr_array_add (cells, text_or_empty (op->cert_category));
  g_ptr_array_add (cells, text_or_empty (op->cert_expiry));
}

static void
hazard_cells (Context *cx, GPtrArray *cells, const RectifyHazard *h)
{
  const char *category = g_hash_table_lookup (cx->categories, h->category);

  g_ptr_array_add (cells, g_strdup_printf ("%" PRId64, h->id));
  g_ptr_array_add (cells, g_strdup (unit_code (cx, h->unit_id)));
  g_ptr_array_add (cells, text_or_empty (h->unit_name));
  g_ptr_array_add (cells, text_or_empty (category ? category : h->category));
  g_ptr_array_add (cells, g_strdup (_ (rectify_grade_to_label (h->grade))));
  g_ptr_array_add (cells, text_or_empty (h->found_date));
  g_ptr_array_add (cells, g_strdup (_ (rectify_hazard_status_to_label (h->status))));
  g_ptr_array_add (cells, text_or_empty (h->content));
  g_ptr_array_add (cells, text_or_empty (h->standard));
  g_ptr_array_add (cells, text_or_empty (h->measures));
  g_ptr_array_add (cells, text_or_empty (h->deadline));
  g_ptr_array_add (cells, text_or_empty (h->responsible));
  g_ptr_array_add (cells, text_or_empty (h->closed_date));
}

static void
inspection_cells (Context *cx, GPtrArray *cells, const RectifyInspectionSummary *s)
{
  g_ptr_array_add (cells, g_strdup_printf ("%" PRId64, s->id));
  g_ptr_array_add (cells, text_or_empty (s->date));
  g_ptr_array_add (cells, g_strdup (_ (rectify_inspection_kind_to_label (s->kind))));
  g_ptr_array_add (cells, g_strdup (unit_code (cx, s->unit_id)));
  g_ptr_array_add (cells, text_or_empty (s->unit_name));
  g_ptr_array_add (cells, text_or_empty (s->campaign_name));
  g_ptr_array_add (cells, text_or_empty (s->officer_names));
  g_ptr_array_add (cells, g_strdup_printf ("%d", s->equipment_count));
  g_ptr_array_add (cells, g_strdup_printf ("%d", s->hazard_count));
  /* P pass, F fail, N not applicable, - not recorded: the 3-2-1-1 items in order */
  g_ptr_array_add (cells, text_or_empty (s->checklist));
}

static void
document_cells (Context *cx, GPtrArray *cells, const RectifyDocument *d)
{
  GString *hazards = g_string_new (NULL);

  for (guint i = 0; d->hazard_ids != NULL && i < d->hazard_ids->len; i++)
    g_string_append_printf (hazards, "%s%" PRId64, i ? " " : "",
                            g_array_index (d->hazard_ids, gint64, i));
  g_ptr_array_add (cells, text_or_empty (d->number));
  g_ptr_array_add (cells, g_strdup (_ (rectify_document_kind_to_label (d->kind))));
  g_ptr_array_add (cells, g_strdup (unit_code (cx, d->unit_id)));
  g_ptr_array_add (cells, text_or_empty (d->unit_name));
  g_ptr_array_add (cells, text_or_empty (d->issued_date));
  g_ptr_array_add (cells, g_strdup (_ (rectify_document_status_to_label (d->status))));
  g_ptr_array_add (cells, text_or_empty (d->void_reason));
  g_ptr_array_add (cells, g_string_free (hazards, FALSE));
}

static GArray *
query_ids (RectifyStore *store, RectifyExportList list, const RectifyQuery *q, GError **error)
{
  switch (list)
    {
    case RECTIFY_EXPORT_UNITS:
      return rectify_store_query_unit_ids (store, q, error);
    case RECTIFY_EXPORT_EQUIPMENT:
      return rectify_store_query_equipment_ids (store, q, error);
    case RECTIFY_EXPORT_OPERATORS:
      return rectify_store_query_operator_ids (store, q, error);
    case RECTIFY_EXPORT_HAZARDS:
      return rectify_store_query_hazard_ids (store, q, error);
    case RECTIFY_EXPORT_INSPECTIONS:
      return rectify_store_query_inspection_ids (store, q, error);
    case RECTIFY_EXPORT_DOCUMENTS:
      return rectify_store_query_document_ids (store, q, error);
    default:
      g_assert_not_reached ();
    }
}

static GPtrArray *
rows_by_ids (
    RectifyStore *store, RectifyExportList list, const gint64 *ids, guint n, GError **error)
{
  switch (list)
    {
    case RECTIFY_EXPORT_UNITS:
      return rectify_store_get_units_by_ids (store, ids, n, error);
    case RECTIFY_EXPORT_EQUIPMENT:
      return rectify_store_get_equipment_by_ids (store, ids, n, error);
    case RECTIFY_EXPORT_OPERATORS:
      return rectify_store_get_operators_by_ids (store, ids, n, error);
    case RECTIFY_EXPORT_HAZARDS:
      return rectify_store_get_hazards_by_ids (store, ids, n, error);
    case RECTIFY_EXPORT_INSPECTIONS:
      return rectify_store_get_inspections_by_ids (store, ids, n, error);
    case RECTIFY_EXPORT_DOCUMENTS:
      return rectify_store_get_documents_by_ids (store, ids, n, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
write_rows (Context *cx,
            Sink *sink,
            RectifyExportList list,
            const RectifyQuery *q,
            RectifyExportProgressFunc progress,
            gpointer progress_data,
            GCancellable *cancellable,
            guint64 *n_rows,
            GError **error)
{
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) header = header_cells (list);

  if (!sink_row (sink, header, cancellable, error))
    return FALSE;
  ids = query_ids (cx->store, list, q, error);
  if (!ids)
    return FALSE;

  for (guint start = 0; start < ids->len; start += PAGE_SIZE)
    {
      guint n = MIN (PAGE_SIZE, ids->len - start);
      g_autoptr (GPtrArray) rows = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      rows = rows_by_ids (cx->store, list, &g_array_index (ids, gint64, start), n, error);
      if (!rows)
        return FALSE;
      if (list == RECTIFY_EXPORT_EQUIPMENT
          && !fetch_unit_codes (cx, rows, G_STRUCT_OFFSET (RectifyEquipment, unit_id), error))
        return FALSE;
      if (list == RECTIFY_EXPORT_OPERATORS
          && !fetch_unit_codes (cx, rows, G_STRUCT_OFFSET (RectifyOperator, unit_id), error))
        return FALSE;
      if (list == RECTIFY_EXPORT_HAZARDS
          && !fetch_unit_codes (cx, rows, G_STRUCT_OFFSET (RectifyHazard, unit_id), error))
        return FALSE;
      if (list == RECTIFY_EXPORT_INSPECTIONS
          && !fetch_unit_codes (cx, rows, G_STRUCT_OFFSET (RectifyInspectionSummary, unit_id),
                                error))
        return FALSE;
      if (list == RECTIFY_EXPORT_DOCUMENTS
          && !fetch_unit_codes (cx, rows, G_STRUCT_OFFSET (RectifyDocument, unit_id), error))
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          g_autoptr (GPtrArray) cells = g_ptr_array_new_full (16, g_free);
          gpointer row = g_ptr_array_index (rows, i);

          switch (list)
            {
            case RECTIFY_EXPORT_UNITS:
              unit_cells (cx, cells, row);
              break;
            case RECTIFY_EXPORT_EQUIPMENT:
              equipment_cells (cx, cells, row);
              break;
            case RECTIFY_EXPORT_OPERATORS:
              operator_cells (cx, cells, row);
              break;
            case RECTIFY_EXPORT_HAZARDS:
              hazard_cells (cx, cells, row);
              break;
            case RECTIFY_EXPORT_INSPECTIONS:
              inspection_cells (cx, cells, row);
              break;
            case RECTIFY_EXPORT_DOCUMENTS:
              document_cells (cx, cells, row);
              break;
            default:
              g_assert_not_reached ();
            }
          if (!sink_row (sink, cells, cancellable, error))
            return FALSE;
          (*n_rows)++;
        }
      if (progress)
        progress (start + n, ids->len, progress_data);
    }
  if (progress && ids->len == 0)
    progress (0, 0, progress_data);
  return TRUE;
}

gboolean
rectify_export_file (RectifyStore *store,
                     RectifyExportList list,
                     const RectifyQuery *q,
                     RectifyExportFormat format,
                     const char *path,
                     RectifyExportProgressFunc progress,
                     gpointer progress_data,
                     GCancellable *cancellable,
                     guint64 *n_rows,
                     GError **error)
{
  return rectify_export_file_full (store, list, q, format, RECTIFY_EXPORT_DEFAULT, path, progress,
                                   progress_data, cancellable, n_rows, error);
}

gboolean
rectify_export_file_full (RectifyStore *store,
                          RectifyExportList list,
                          const RectifyQuery *q,
                          RectifyExportFormat format,
                          RectifyExportFlags flags,
                          const char *path,
                          RectifyExportProgressFunc progress,
                          gpointer progress_data,
                          GCancellable *cancellable,
                          guint64 *n_rows,
                          GError **error)
{
  g_autofree char *partial = NULL;
  g_autofree char *dir = NULL;
  Context cx = { 0 };
  Sink sink = { 0 };
  guint64 rows = 0;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("%s is a folder; give a file name"),
                   path);
      return FALSE;
    }
  /* written beside the target and renamed: no half file under its name */
  partial = g_strconcat (path, ".partial", NULL);
  dir = g_path_get_dirname (path);
  sink.format = format;
  if (format == RECTIFY_EXPORT_CSV)
    {
      g_autoptr (GFile) file = g_file_new_for_path (partial);
      g_autoptr (GError) local_error = NULL;
      GFileOutputStream *out
          = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &local_error);

      if (!out)
        {
          /* cancelled is no failure to report, as in sink_flush() */
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Cannot write %s: %s"), path,
                         local_error->message);
          return FALSE;
        }
      sink.out = G_OUTPUT_STREAM (out);
      sink.buffer = g_string_sized_new (80 * 1024);
      g_string_append (sink.buffer, "\xef\xbb\xbf");
    }
  else
    {
      lxw_workbook_options options
          = { .constant_memory = LXW_TRUE, .tmpdir = dir, .use_zip64 = LXW_TRUE };

      sink.workbook = workbook_new_opt (partial, &options);
      if (!sink.workbook)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Cannot write %s"), path);
          return FALSE;
        }
      sink.sheet = workbook_add_worksheet (sink.workbook, NULL);
      sink.bold = workbook_add_format (sink.workbook);
      format_set_bold (sink.bold);
    }

  cx.store = store;
  cx.full_id_numbers = (flags & RECTIFY_EXPORT_FULL_ID_NUMBERS) != 0;
  cx.unit_codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  cx.categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (list == RECTIFY_EXPORT_HAZARDS)
    {
      g_autoptr (GPtrArray) categories = rectify_store_list_hazard_categories (store, NULL);
      gboolean chinese = rectify_language_is_chinese ();
      for (guint i = 0; categories && i < categories->len; i++)
        {
          RectifyHazardCategory *c = g_ptr_array_index (categories, i);
          g_hash_table_insert (cx.categories, g_strdup (c->code),
                               g_strdup (chinese && *c->name_zh ? c->name_zh : c->name_en));
        }
    }

  /* one snapshot: the pages agree with the ids even while others write */
  ok = rectify_store_begin_read (store, error);
  if (ok)
    {
      ok = write_rows (&cx, &sink, list, q, progress, progress_data, cancellable, &rows, error);
      rectify_store_end (store, FALSE, NULL);
    }

  if (format == RECTIFY_EXPORT_CSV)
    {
      g_autoptr (GError) close_error = NULL;
      ok = ok && sink_flush (&sink, cancellable, error);
      if (!g_output_stream_close (sink.out, NULL, &close_error) && ok)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Cannot write %s: %s"), path,
                       close_error->message);
          ok = FALSE;
        }
      g_object_unref (sink.out);
      g_string_free (sink.buffer, TRUE);
    }
  else
    {
      lxw_error rc = workbook_close (sink.workbook);
      if (rc != LXW_NO_ERROR && ok)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Cannot write %s: %s"), path,
                       lxw_strerror (rc));
          ok = FALSE;
        }
    }
  g_hash_table_unref (cx.unit_codes);
  g_hash_table_unref (cx.categories);

  /* a cancel that came while the last rows were written still counts:
   * the caller said so before the file had its name */
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (ok && g_rename (partial, path) != 0)
    {
      int errsv = errno;
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Cannot write %s: %s"), path,
                   g_strerror (errsv));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  else if (n_rows)
    *n_rows = rows;
  return ok;
}
