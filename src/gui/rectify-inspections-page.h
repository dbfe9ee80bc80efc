/* rectify-inspections-page.h: inspection visits and the back-checks due
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-list-page.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_INSPECTIONS_PAGE (rectify_inspections_page_get_type ())
G_DECLARE_FINAL_TYPE (
    RectifyInspectionsPage, rectify_inspections_page, RECTIFY, INSPECTIONS_PAGE, RectifyListPage)

GtkWidget *rectify_inspections_page_new (RectifyStore *store);
/* The pending visits listed (RectifyRow of RectifyScheduledVisit). */
GListModel *rectify_inspections_page_get_visits_model (RectifyInspectionsPage *self);
/* Shows the list of inspections or of due visits. */
void rectify_inspections_page_show_visits (RectifyInspectionsPage *self, gboolean visits);
/* The inspections of one campaign (the dashboard's tiles open this):
 * by_bureau for the visits the figures count as unit inspections (every
 * kind but self-inspection), else every kind; as_of (YYYY-MM-DD, NULL or
 * "" for none) limits the list to the visits dated by then, as the
 * figures of that day count them, until the limit's button is pressed or
 * another kind or campaign is chosen (a search or a sort keeps it).  The
 * search is cleared. */
void rectify_inspections_page_show_campaign (RectifyInspectionsPage *self,
                                             gint64 campaign_id,
                                             gboolean by_bureau,
                                             const char *as_of);
/* The day the list was limited to by show_campaign (NULL when it is not),
 * and the filter-row button that says so and clears the limit. */
const char *rectify_inspections_page_get_as_of_limit (RectifyInspectionsPage *self);
GtkWidget *rectify_inspections_page_get_as_of_button (RectifyInspectionsPage *self);

G_END_DECLS
