/* rectify-import.h: units, equipment and operators from CSV, all rows or none
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rectify-store.h"

G_BEGIN_DECLS

typedef enum
{
  RECTIFY_IMPORT_UNITS,
  RECTIFY_IMPORT_EQUIPMENT,
  RECTIFY_IMPORT_OPERATORS,
} RectifyImportKind;

/* The fields a kind of import fills: key (stable, for mappings), label
 * (translated, also the export's column header) and whether a column for
 * it is required.  Ends with a NULL key. */
typedef struct
{
  const char *key;
  const char *label;
  gboolean required;
} RectifyImportField;

/* A NULL-key-terminated array, labels translated on each call. */
RectifyImportField *rectify_import_fields (RectifyImportKind kind);

typedef struct
{
  guint64 line;  /* in the file, from 1 (the header is line 1) */
  guint column;  /* from 1; 0 = the whole line (a column that is missing) */
  char *field;   /* translated label of the field, or NULL */
  char *message; /* names the field, as the core's messages do */
} RectifyImportProblem;

typedef struct
{
  RectifyImportKind kind;
  char *encoding; /* as read: "UTF-8" or "GB18030" */
  char separator;
  GPtrArray *headers; /* char *: the file's header line */
  GPtrArray *mapping; /* char *: for each header the field key, or "" when ignored */
  GPtrArray *preview; /* GStrv: the first data rows as read */
  guint64 rows;       /* data rows read */
  guint64 added;
  guint64 updated;
  guint64 skipped; /* existing records left as they were */
  GPtrArray
      *problems;      /* RectifyImportProblem, in file order, at most RECTIFY_IMPORT_MAX_PROBLEMS */
  guint64 n_problems; /* all of them, also those not kept */
  gboolean written;   /* TRUE when the rows were committed */
} RectifyImportReport;

#define RECTIFY_IMPORT_MAX_PROBLEMS 10000
#define RECTIFY_IMPORT_PREVIEW_ROWS 20

void rectify_import_report_free (RectifyImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyImportReport, rectify_import_report_free)
/* "Line L, column C: message" */
char *rectify_import_problem_to_string (const RectifyImportProblem *problem);

/* Called every few thousand rows (and at the end) from the importing
 * thread: done and total are bytes of the file. */
typedef void (*RectifyImportProgressFunc) (guint64 done,
                                           guint64 total,
                                           guint64 rows,
                                           gpointer user_data);

typedef struct
{
  const char *encoding; /* NULL = detect */
  gboolean dry_run;     /* check and count only */
  gboolean update;      /* existing records (same code) are updated; else skipped */
  const char *const
      *mapping; /* "Header=field key" (or "Header=" to ignore it), NULL-terminated; may be NULL */
  RectifyImportProgressFunc progress;
  gpointer progress_data;
  gsize max_field; /* 0 = RECTIFY_CSV_DEFAULT_MAX_FIELD */
} RectifyImportOptions;

/* Reads the CSV file at path, checks every row with the core's rules and,
 * unless dry_run, writes all rows in one transaction when none has a
 * problem, or nothing.  Units are matched on the credit code, equipment on
 * its code, operators on their certificate number (else ID number);
 * equipment and operators name their unit by credit code.  One audit entry
 * records the rows added; each update is audited with its before and after.
 * Returns the report (problems in it: the file's or the rows'), or NULL with
 * an error when the file cannot be opened, the database fails or
 * cancellable is cancelled (G_IO_ERROR_CANCELLED); then nothing is written. */
RectifyImportReport *rectify_import_file (RectifyStore *store,
                                          RectifyImportKind kind,
                                          const char *path,
                                          const RectifyImportOptions *options,
                                          GCancellable *cancellable,
                                          GError **error);

/* The same over any stream; size (for progress) may be 0. */
RectifyImportReport *rectify_import_stream (RectifyStore *store,
                                            RectifyImportKind kind,
                                            GInputStream *stream,
                                            guint64 size,
                                            const char *name,
                                            const RectifyImportOptions *options,
                                            GCancellable *cancellable,
                                            GError **error);

G_END_DECLS
