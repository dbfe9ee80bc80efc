/* rectify-document-draft-dialog.h: drafting a letter to a unit with a live preview of its PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-pdf-view.h"
#include "rectify-store.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_DOCUMENT_DRAFT_DIALOG (rectify_document_draft_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RectifyDocumentDraftDialog,
                      rectify_document_draft_dialog,
                      RECTIFY,
                      DOCUMENT_DRAFT_DIALOG,
                      AdwWindow)

/* A draft for unit_id with its open hazards checked; unit_id 0 asks for
 * the unit first.  The dialog emits "issued" (gint64 document id) and
 * closes once the letter is issued. */
RectifyDocumentDraftDialog *
rectify_document_draft_dialog_new (GtkWindow *parent, RectifyStore *store, gint64 unit_id);
void rectify_document_draft_dialog_set_unit (RectifyDocumentDraftDialog *self, gint64 unit_id);
gint64 rectify_document_draft_dialog_get_unit (RectifyDocumentDraftDialog *self);
/* The check button of a hazard of the unit, NULL when it is not listed. */
GtkCheckButton *rectify_document_draft_dialog_get_hazard_check (RectifyDocumentDraftDialog *self,
                                                                gint64 hazard_id);
RectifyPdfView *rectify_document_draft_dialog_get_preview (RectifyDocumentDraftDialog *self);
GtkWidget *rectify_document_draft_dialog_get_issue_button (RectifyDocumentDraftDialog *self);
/* The unit chooser's list of units (RectifyRow of RectifyUnit). */
GListModel *rectify_document_draft_dialog_get_unit_model (RectifyDocumentDraftDialog *self);
/* The message under the form (why the preview or the issue failed), NULL when none. */
const char *rectify_document_draft_dialog_get_message (RectifyDocumentDraftDialog *self);
/* Renders the preview now instead of after the pause for typing. */
void rectify_document_draft_dialog_update_preview (RectifyDocumentDraftDialog *self);

G_END_DECLS
