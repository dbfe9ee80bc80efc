/* rectify-pdf-archive.h: the archive folder of a campaign with its dossiers and summary as PDF/A-1b
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rectify-archive.h"
#include "rectify-pdf-letter.h"
#include "rectify-store.h"

G_BEGIN_DECLS

typedef struct
{
  RectifyPdfLanguage language;
  const char *bureau; /* NULL = the setting "bureau-name" */
  RectifyArchiveProgressFunc progress;
  gpointer progress_data;
  gboolean force; /* as RectifyArchiveOptions.force */
} RectifyPdfArchiveOptions;

/* rectify_archive_write with this engine's dossiers
 * (rectify-pdf-dossier.h) and work summary (rectify-pdf-summary.h as of
 * the campaign's last day) in the language of options. */
gboolean rectify_pdf_archive_write (RectifyStore *store,
                                    gint64 campaign_id,
                                    const char *dir,
                                    const RectifyPdfArchiveOptions *options,
                                    GCancellable *cancellable,
                                    GError **error);

G_END_DECLS
