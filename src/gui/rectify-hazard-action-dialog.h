/* rectify-hazard-action-dialog.h: one step in a hazard's life: date, note and attachments
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-workflow.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_HAZARD_ACTION_DIALOG (rectify_hazard_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RectifyHazardActionDialog,
                      rectify_hazard_action_dialog,
                      RECTIFY,
                      HAZARD_ACTION_DIALOG,
                      AdwWindow)

/* Any action but RECTIFY_ACTION_IMPLEMENT (the pane's own form).  Apply
 * calls rectify_workflow_act; a refusal stays in the dialog with the core's
 * message and nothing written; success closes it. */
RectifyHazardActionDialog *rectify_hazard_action_dialog_new (GtkWindow *parent,
                                                             RectifyStore *store,
                                                             gint64 hazard_id,
                                                             RectifyHazardAction action);
RectifyHazardAction rectify_hazard_action_dialog_get_action (RectifyHazardActionDialog *self);
/* What the file chooser does with the file picked: reads it (mapped, not
 * copied) and lists it; the core judges its kind and size on apply. */
gboolean rectify_hazard_action_dialog_add_file (RectifyHazardActionDialog *self,
                                                GFile *file,
                                                GError **error);
guint rectify_hazard_action_dialog_get_n_attachments (RectifyHazardActionDialog *self);

/* The title of an action, e.g. "Report Rectified"; for buttons and headings. */
const char *rectify_hazard_action_title (RectifyHazardAction action);

G_END_DECLS
