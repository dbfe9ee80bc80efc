/* rectify-hazard-dialog.h: registering a hazard found at a unit
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-store.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_HAZARD_DIALOG (rectify_hazard_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RectifyHazardDialog, rectify_hazard_dialog, RECTIFY, HAZARD_DIALOG, AdwWindow)

/* A dialog registering a hazard of the unit with rectify_workflow_register();
 * inspection_id (0 = none) dates the finding and links it, category (NULL =
 * the first) and equipment_id (0 = none) preset the form.  It shows which of
 * the five implementations are still missing, the core's errors at the field
 * they name, and on success emits ::registered with the new id and closes.
 * Set a parent with gtk_window_set_transient_for(). */
RectifyHazardDialog *rectify_hazard_dialog_new (RectifyStore *store,
                                                gint64 unit_id,
                                                gint64 inspection_id,
                                                const char *category,
                                                gint64 equipment_id);
/* Presets the content (what was found). */
void rectify_hazard_dialog_set_content (RectifyHazardDialog *self, const char *content);

G_END_DECLS
