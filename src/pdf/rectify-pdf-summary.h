/* rectify-pdf-summary.h: the campaign work summary, its figures from the data, as PDF/A-1b
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rectify-pdf-letter.h"
#include "rectify-store.h"
#include "rectify-summary-data.h"

G_BEGIN_DECLS

typedef struct
{
  RectifyPdfLanguage language;
  const char *bureau; /* NULL = the setting "bureau-name" */
} RectifyPdfSummaryOptions;

/* The work summary of a campaign as of a day (NULL = its last day or
 * today): leadership and deployment, inspection and law enforcement,
 * results with the figures and a table by equipment category, problems
 * found by category, next steps; five charts as vector graphics. */
GBytes *rectify_pdf_summary_render (RectifyStore *store,
                                    gint64 campaign_id,
                                    const char *as_of,
                                    const RectifyPdfSummaryOptions *options,
                                    GError **error);

/* The same from data already computed (the dashboard has it). */
GBytes *rectify_pdf_summary_render_data (RectifyStore *store,
                                         const RectifySummaryData *data,
                                         const RectifySummaryNarrative *narrative,
                                         const RectifyPdfSummaryOptions *options,
                                         GError **error);

G_END_DECLS
