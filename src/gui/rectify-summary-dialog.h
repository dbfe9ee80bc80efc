/* rectify-summary-dialog.h: the campaign work summary previewed, printed and saved as PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-pdf-letter.h"
#include "rectify-pdf-view.h"
#include "rectify-store.h"
#include "rectify-summary-data.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_SUMMARY_DIALOG (rectify_summary_dialog_get_type ())
G_DECLARE_FINAL_TYPE (
    RectifySummaryDialog, rectify_summary_dialog, RECTIFY, SUMMARY_DIALOG, AdwWindow)

/* Writes the summary of the campaign as of the day (NULL = its last day or
 * today) with the narrative given (the dashboard's text as shown, saved or
 * not) in a thread of its own, over its own connection to the store's
 * database, a spinner meanwhile; then shows the pages and offers Print…
 * and Save as PDF….  Emits "ready" when the pages are shown or the
 * refusal is. */
RectifySummaryDialog *rectify_summary_dialog_new (GtkWindow *parent,
                                                  RectifyStore *store,
                                                  gint64 campaign_id,
                                                  const char *as_of,
                                                  const RectifySummaryNarrative *narrative,
                                                  RectifyPdfLanguage language);
/* TRUE once the rendering is over, with pages or a message. */
gboolean rectify_summary_dialog_is_ready (RectifySummaryDialog *self);
RectifyPdfView *rectify_summary_dialog_get_preview (RectifySummaryDialog *self);
/* Writes the PDF shown to path through a temporary file renamed into
 * place, as "Save as PDF…" does. */
gboolean
rectify_summary_dialog_save_to (RectifySummaryDialog *self, const char *path, GError **error);

G_END_DECLS
