/* rectify-inspections-page.h: inspection visits and the back-checks due
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-store.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_INSPECTIONS_PAGE (rectify_inspections_page_get_type ())
G_DECLARE_FINAL_TYPE (RectifyInspectionsPage, rectify_inspections_page, RECTIFY, INSPECTIONS_PAGE, AdwBin)

GtkWidget    *rectify_inspections_page_new             (RectifyStore           *store);
RectifyStore *rectify_inspections_page_get_store       (RectifyInspectionsPage *self);
gboolean      rectify_inspections_page_get_can_edit    (RectifyInspectionsPage *self);
void          rectify_inspections_page_set_can_edit    (RectifyInspectionsPage *self,
                                                        gboolean                can_edit);
/* The listed inspections (RectifyRow of RectifyInspectionSummary). */
GListModel   *rectify_inspections_page_get_model       (RectifyInspectionsPage *self);
/* The pending visits listed (RectifyRow of RectifyScheduledVisit). */
GListModel   *rectify_inspections_page_get_visits_model (RectifyInspectionsPage *self);
/* Shows the list of inspections or of due visits. */
void          rectify_inspections_page_show_visits     (RectifyInspectionsPage *self,
                                                        gboolean                visits);
/* The inspections of one campaign (the dashboard's tiles open this):
 * by_bureau for the visits the figures count as unit inspections (every
 * kind but self-inspection), else every kind.  The search is cleared. */
void          rectify_inspections_page_show_campaign   (RectifyInspectionsPage *self,
                                                        gint64                  campaign_id,
                                                        gboolean                by_bureau);

G_END_DECLS
