/* rectify-documents-page.h: every issued document, its stored PDF, saving, printing and voiding
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-pdf-view.h"
#include "rectify-list-page.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_DOCUMENTS_PAGE (rectify_documents_page_get_type ())
G_DECLARE_FINAL_TYPE (
    RectifyDocumentsPage, rectify_documents_page, RECTIFY, DOCUMENTS_PAGE, RectifyListPage)

GtkWidget *rectify_documents_page_new (RectifyStore *store);
RectifyPdfView *rectify_documents_page_get_preview (RectifyDocumentsPage *self);
/* The buttons of the pane (visible and sensitive as the rules allow). */
GtkWidget *rectify_documents_page_get_void_button (RectifyDocumentsPage *self);
GtkWidget *rectify_documents_page_get_save_button (RectifyDocumentsPage *self);
GtkWidget *rectify_documents_page_get_print_button (RectifyDocumentsPage *self);
/* Writes the shown document's stored bytes to path, as "Save as PDF…" does. */
gboolean
rectify_documents_page_save_to (RectifyDocumentsPage *self, const char *path, GError **error);
/* Opens the dialog asking why the shown document is void (an
 * AdwMessageDialog with the responses "cancel" and "void"); NULL when
 * voiding is not offered. */
GtkWidget *rectify_documents_page_open_void_dialog (RectifyDocumentsPage *self);
/* Opens a draft letter, asking for the unit (unit_id 0) or for unit_id. */
GtkWidget *rectify_documents_page_open_draft (RectifyDocumentsPage *self, gint64 unit_id);
/* The issued (not void) documents of one kind in one campaign: the list
 * behind the dashboard's letter and opinion tiles; as_of (YYYY-MM-DD, NULL
 * or "" for none) limits it to what the figures of that day count: issued
 * by then and not void then, until the limit's button is pressed or
 * another filter is chosen (a search or a sort keeps it).  The search is
 * cleared. */
void rectify_documents_page_show_campaign (RectifyDocumentsPage *self,
                                           gint64 campaign_id,
                                           RectifyDocumentKind kind,
                                           const char *as_of);
/* The day the list was limited to by show_campaign (NULL when it is not),
 * and the filter-row button that says so and clears the limit. */
const char *rectify_documents_page_get_as_of_limit (RectifyDocumentsPage *self);
GtkWidget *rectify_documents_page_get_as_of_button (RectifyDocumentsPage *self);

G_END_DECLS
