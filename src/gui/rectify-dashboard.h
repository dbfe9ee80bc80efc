/* rectify-dashboard.h: a campaign's figures, charts, summary text and exports
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rectify-chart.h"
#include "rectify-store.h"
#include "rectify-summary-data.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_DASHBOARD (rectify_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (RectifyDashboard, rectify_dashboard, RECTIFY, DASHBOARD, GtkWidget)

GtkWidget *rectify_dashboard_new (void);
void rectify_dashboard_set_store (RectifyDashboard *self, RectifyStore *store);
RectifyStore *rectify_dashboard_get_store (RectifyDashboard *self);
/* Shows the campaign (0 = none); its summary text is read again when the
 * campaign changes. */
void rectify_dashboard_set_campaign_id (RectifyDashboard *self, gint64 campaign_id);
gint64 rectify_dashboard_get_campaign_id (RectifyDashboard *self);
/* NULL = the campaign's last day, or today if earlier.  FALSE, with the
 * message shown at the field, for a day that does not exist. */
gboolean rectify_dashboard_set_as_of (RectifyDashboard *self, const char *as_of, GError **error);
/* Computes the figures and charts again (the campaigns page calls it on
 * every change of the records); while the dashboard is not shown, only
 * once it is shown again. */
void rectify_dashboard_reload (RectifyDashboard *self);
void rectify_dashboard_set_can_edit (RectifyDashboard *self, gboolean can_edit);
/* What is shown; NULL before a campaign is shown or when it failed. */
const RectifySummaryData *rectify_dashboard_get_data (RectifyDashboard *self);
/* The number on a tile: "officer-person-times", "unit-inspections",
 * "equipment-checks", "hazards-found", "hazards-closed",
 * "rectification-rate", "instruction-letters", "rectification-opinions",
 * "hazards-overdue". */
const char *rectify_dashboard_get_tile_value (RectifyDashboard *self, const char *tile);
GtkWidget *rectify_dashboard_get_tile (RectifyDashboard *self, const char *tile);
/* "weeks", "coverage", "cumulative", "hazard-categories",
 * "hazard-equipment", "checks". */
RectifyChart *rectify_dashboard_get_chart (RectifyDashboard *self, const char *chart);
/* Writes the summary PDF (as the preview's Save as PDF… does) or the CSV
 * (as Export CSV… does once a file is chosen): temporary file renamed
 * into place. */
/* Opens the preview of the work summary (Summary PDF…): the campaign as
 * of the day shown, in the language chosen, with the text as shown; it is
 * written in a thread.  NULL when no campaign is shown. */
GtkWidget *rectify_dashboard_open_summary (RectifyDashboard *self);
gboolean rectify_dashboard_write_pdf (RectifyDashboard *self, const char *path, GError **error);
gboolean rectify_dashboard_write_csv (RectifyDashboard *self, const char *path, GError **error);
/* Saves the three text views through the core, as Save Text does. */
gboolean rectify_dashboard_save_text (RectifyDashboard *self, GError **error);

G_END_DECLS
