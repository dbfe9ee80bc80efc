/* rectify-export.h: a list with its filter to CSV or XLSX, page by page
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rectify-store.h"

G_BEGIN_DECLS

typedef enum
{
  RECTIFY_EXPORT_UNITS,
  RECTIFY_EXPORT_EQUIPMENT,
  RECTIFY_EXPORT_OPERATORS,
  RECTIFY_EXPORT_HAZARDS,
  RECTIFY_EXPORT_INSPECTIONS,
  RECTIFY_EXPORT_DOCUMENTS,
} RectifyExportList;

typedef enum
{
  RECTIFY_EXPORT_CSV,  /* UTF-8 with BOM, CR LF, formulas neutralized */
  RECTIFY_EXPORT_XLSX, /* one sheet, every cell a string */
} RectifyExportFormat;

typedef enum
{
  RECTIFY_EXPORT_DEFAULT = 0,
  /* operators: write the whole resident ID number; without it the number
   * is masked as the Operators page shows it (first 6 and last 4 digits),
   * because a list handed on should not carry personal data whole */
  RECTIFY_EXPORT_FULL_ID_NUMBERS = 1 << 0,
} RectifyExportFlags;

/* "csv", "xlsx" */
gboolean rectify_export_format_from_code (const char *code, RectifyExportFormat *out);
/* From a file name's extension; CSV unless it ends in .xlsx. */
RectifyExportFormat rectify_export_format_for_path (const char *path);

/* done and total are rows. */
typedef void (*RectifyExportProgressFunc) (guint64 done, guint64 total, gpointer user_data);

/* Writes every row of list that q selects, in q's order (offset and limit
 * ignored), reading the store a page at a time.  The columns of units,
 * equipment and operators are those rectify-import.h reads back (operators
 * only with RECTIFY_EXPORT_FULL_ID_NUMBERS: the import refuses a masked ID
 * number).  The file appears only when complete: on an error or a cancel
 * nothing is left at path.  n_rows (may be NULL) receives the rows
 * written.  rectify_export_file is rectify_export_file_full with
 * RECTIFY_EXPORT_DEFAULT. */
gboolean rectify_export_file_full (RectifyStore *store,
                                   RectifyExportList list,
                                   const RectifyQuery *q,
                                   RectifyExportFormat format,
                                   RectifyExportFlags flags,
                                   const char *path,
                                   RectifyExportProgressFunc progress,
                                   gpointer progress_data,
                                   GCancellable *cancellable,
                                   guint64 *n_rows,
                                   GError **error);
gboolean rectify_export_file (RectifyStore *store,
                              RectifyExportList list,
                              const RectifyQuery *q,
                              RectifyExportFormat format,
                              const char *path,
                              RectifyExportProgressFunc progress,
                              gpointer progress_data,
                              GCancellable *cancellable,
                              guint64 *n_rows,
                              GError **error);

G_END_DECLS
