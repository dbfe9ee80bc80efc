/* rectify-pdf-archive.c: the archive folder of a campaign with its dossiers and summary as PDF/A-1b
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-pdf"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-pdf-archive.h"
#include "rectify-pdf-dossier.h"
#include "rectify-pdf-summary.h"

static GBytes *
render (RectifyStore *store, gint64 campaign_id, gint64 unit_id, gpointer user_data, GError **error)
{
  const RectifyPdfArchiveOptions *options = user_data;

  if (unit_id == 0)
    {
      RectifyPdfSummaryOptions summary = { options->language, options->bureau };
      return rectify_pdf_summary_render (store, campaign_id, NULL, &summary, error);
    }
  else
    {
      RectifyPdfDossierOptions dossier = { options->language, options->bureau };
      return rectify_pdf_dossier_render (store, campaign_id, unit_id, &dossier, error);
    }
}

gboolean
rectify_pdf_archive_write (RectifyStore *store,
                           gint64 campaign_id,
                           const char *dir,
                           const RectifyPdfArchiveOptions *options,
                           GCancellable *cancellable,
                           GError **error)
{
  RectifyArchiveOptions archive = { render,
                                    (gpointer)options,
                                    rectify_pdf_language_to_code (options->language),
                                    options->progress,
                                    options->progress_data,
                                    options->force };

  g_return_val_if_fail (RECTIFY_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  return rectify_archive_write (store, campaign_id, dir, &archive, cancellable, error);
}
