/* rectify-inspection-dialog.h: recording an inspection visit, then the hazards its failed items
 * propose SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-store.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_INSPECTION_DIALOG (rectify_inspection_dialog_get_type ())
G_DECLARE_FINAL_TYPE (
    RectifyInspectionDialog, rectify_inspection_dialog, RECTIFY, INSPECTION_DIALOG, AdwWindow)

/* The inspection form: Save records the whole visit with one call of
 * rectify_store_add_inspection() (one transaction), emits ::saved with its
 * id and turns to the hazards its failed checklist items propose, each
 * registered through the hazard form.  unit_id 0 = the user chooses the
 * unit by searching.  Set a parent with gtk_window_set_transient_for(). */
RectifyInspectionDialog *rectify_inspection_dialog_new (RectifyStore *store, gint64 unit_id);
/* The form filled with a stored visit: Save corrects it with
 * rectify_store_update_inspection(), emits ::saved with its id and closes.
 * NULL with the error when it cannot be read. */
RectifyInspectionDialog *
rectify_inspection_dialog_new_for_edit (RectifyStore *store, gint64 inspection_id, GError **error);
void rectify_inspection_dialog_set_kind (RectifyInspectionDialog *self, RectifyInspectionKind kind);
/* The saved inspection's id, 0 before saving. */
gint64 rectify_inspection_dialog_get_inspection_id (RectifyInspectionDialog *self);

G_END_DECLS
