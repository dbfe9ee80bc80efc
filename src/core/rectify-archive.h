/* rectify-archive.h: the archive folder of a finished campaign, its manifest and its verification
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rectify-store.h"

G_BEGIN_DECLS

/* The units that get a dossier: inspected in the campaign or with hazards
 * in it, ordered by credit code (gint64 ids). */
GArray *rectify_archive_list_units (RectifyStore *store, gint64 campaign_id, GError **error);

/* The PDF of one unit's dossier, or of the campaign summary (unit_id 0).
 * The core has no PDF engine: src/pdf/rectify-pdf-archive.h passes its own. */
typedef GBytes *(*RectifyArchiveRenderFunc) (
    RectifyStore *store, gint64 campaign_id, gint64 unit_id, gpointer user_data, GError **error);

/* done of total files written; current is the file being written. */
typedef void (*RectifyArchiveProgressFunc) (guint done,
                                            guint total,
                                            const char *current,
                                            gpointer user_data);

typedef struct
{
  RectifyArchiveRenderFunc render;
  gpointer render_data;
  const char *language; /* recorded in manifest.json, e.g. "zh_CN" */
  RectifyArchiveProgressFunc progress;
  gpointer progress_data;
  /* archive also a campaign rectify_archive_check_finished finds unfinished */
  gboolean force;
} RectifyArchiveOptions;

/* What makes archiving the campaign premature, today: its last day still to
 * come, hazards of it not yet cancelled (the first ten listed with their unit,
 * status and deadline, and how many there are).  NULL when nothing does, or
 * on error (then error is set).  A campaign already archived is finished. */
char *rectify_archive_check_finished (RectifyStore *store, gint64 campaign_id, GError **error);

/* Writes the archive of a campaign into the NEW folder dir:
 *   dossiers/<credit code>.pdf   one per unit of rectify_archive_list_units
 *   documents/<number>.pdf       every issued document's stored PDF, byte for byte
 *   summary.pdf                  the campaign work summary
 *   manifest.json                campaign, files with size and SHA-256, documents
 *                                without a stored PDF (missing-pdf)
 *   manifest.csv                 path, size, sha256, note of every other file
 *                                (manifest.json included): what verify reads
 * Everything is written into "<dir>.partial", renamed to dir only when
 * complete; on any failure or cancellation the partial folder is removed.
 * Refuses a dir (or dir.partial) that exists.
 * A campaign not yet archived that rectify_archive_check_finished finds
 * unfinished is refused with RECTIFY_ERROR_UNCONFIRMED and what it found,
 * unless options->force.  Every file is made from one
 * snapshot of the database (a read transaction: render is called inside
 * it and must read through store); when anything was committed since (by
 * another program), the archive is refused with RECTIFY_ERROR_STATE and
 * the campaign stays as it was.  On success the campaign is archived
 * (rectify_store_archive_campaign) unless it was already. */
gboolean rectify_archive_write (RectifyStore *store,
                                gint64 campaign_id,
                                const char *dir,
                                const RectifyArchiveOptions *options,
                                GCancellable *cancellable,
                                GError **error);

typedef enum
{
  RECTIFY_ARCHIVE_FILE_MISSING,
  RECTIFY_ARCHIVE_FILE_CHANGED,
  RECTIFY_ARCHIVE_FILE_EXTRA,
} RectifyArchiveProblemKind;

typedef struct
{
  RectifyArchiveProblemKind kind;
  char *path; /* relative, '/'-separated */
} RectifyArchiveProblem;

typedef struct
{
  guint n_files;       /* listed in manifest.csv */
  guint n_missing_pdf; /* documents listed as issued without a stored PDF */
  GPtrArray *problems; /* RectifyArchiveProblem, sorted by path */
} RectifyArchiveReport;

void rectify_archive_report_clear (RectifyArchiveReport *report);
const char *rectify_archive_problem_kind_to_label (RectifyArchiveProblemKind kind);

/* Checks the folder against its manifest.csv: every file listed is there
 * with its size and SHA-256, and no other file is (manifest.csv aside).
 * Returns FALSE only when the manifest cannot be read (RECTIFY_ERROR_IO or
 * _INVALID); the files found missing, changed or extra are in report. */
gboolean rectify_archive_verify (const char *dir, RectifyArchiveReport *report, GError **error);

/* The anchor of a database in the archive folder dir: the audit head its
 * manifest.json records and the SHA-256 of its manifest.csv.  Fails
 * (RECTIFY_ERROR_IO, _INVALID) when they cannot be read. */
gboolean rectify_archive_read_anchor (
    const char *dir, gint64 *head_id, char **head_hash, char **manifest_sha256, GError **error);

G_END_DECLS
