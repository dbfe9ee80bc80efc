/* rectify-visit-dialog.h: planning a back-check or a re-inspection of a hazard
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-schedule.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_VISIT_DIALOG (rectify_visit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RectifyVisitDialog, rectify_visit_dialog, RECTIFY, VISIT_DIALOG, AdwWindow)

/* Schedules the visit with rectify_store_schedule_visit() on Schedule, emits
 * ::scheduled with its id and closes; errors stay in the dialog at the field
 * they name.  Set a parent with gtk_window_set_transient_for(). */
RectifyVisitDialog *
rectify_visit_dialog_new (RectifyStore *store, gint64 hazard_id, RectifyVisitKind kind);

/* "in 3 days", "due today", "5 days overdue", or when it was done. */
char *rectify_visit_state_text (const RectifyScheduledVisit *visit);

G_END_DECLS
