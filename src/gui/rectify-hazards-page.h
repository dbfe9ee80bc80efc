/* rectify-hazards-page.h: the hazard list, one hazard's five implementations, actions and timeline
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-list-page.h"
#include "rectify-workflow.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_HAZARDS_PAGE (rectify_hazards_page_get_type ())
G_DECLARE_FINAL_TYPE (
    RectifyHazardsPage, rectify_hazards_page, RECTIFY, HAZARDS_PAGE, RectifyListPage)

GtkWidget *rectify_hazards_page_new (RectifyStore *store);
/* The button of an action in the pane (its visibility says whether the
 * action is offered). */
GtkWidget *rectify_hazards_page_get_action_button (RectifyHazardsPage *self,
                                                   RectifyHazardAction action);
/* The button that lifts the shown hazard's order to stop use, in the
 * timeline row of that order (sensitive when the core allows it); NULL
 * when the shown hazard ordered no stop. */
GtkWidget *rectify_hazards_page_get_lift_stop_use_button (RectifyHazardsPage *self);
/* Opens the dialog of an action, as its button does; NULL when the action
 * is not offered for the shown hazard. */
GtkWidget *rectify_hazards_page_open_action (RectifyHazardsPage *self, RectifyHazardAction action);
/* Opens a draft letter to the shown hazard's unit, its open hazards
 * checked; NULL when no hazard is shown or the officer cannot edit. */
GtkWidget *rectify_hazards_page_open_draft (RectifyHazardsPage *self);
/* Ctrl+N (page.new): with a hazard shown, the registration form for
 * another hazard of its unit found on the same visit; with none, or when
 * the shown hazard's campaign is archived, the new-inspection form
 * (hazards are registered from inspections).  NULL when the officer cannot
 * edit. */
GtkWidget *rectify_hazards_page_open_new (RectifyHazardsPage *self);

/* The hazards of one campaign (the dashboard's tiles open this): status
 * -1 for every status, or one RectifyHazardStatus; overdue for the overdue
 * ones only; as_of (YYYY-MM-DD, NULL or "" for none) limits the list to
 * what the figures of that day count: found by then, closed (status
 * closed) or overdue (open then) as of then, until the limit's button is
 * pressed or another filter is chosen (a search or a sort keeps it).  The
 * search and the other filters are cleared. */
void rectify_hazards_page_show_campaign (
    RectifyHazardsPage *self, gint64 campaign_id, int status, gboolean overdue, const char *as_of);
/* The day the list was limited to by show_campaign (NULL when it is not),
 * and the filter-row button that says so and clears the limit. */
const char *rectify_hazards_page_get_as_of_limit (RectifyHazardsPage *self);
GtkWidget *rectify_hazards_page_get_as_of_button (RectifyHazardsPage *self);

G_END_DECLS
