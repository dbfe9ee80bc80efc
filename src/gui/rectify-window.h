/* rectify-window.h: the main window of one database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-campaigns-page.h"
#include "rectify-store.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_WINDOW (rectify_window_get_type ())
G_DECLARE_FINAL_TYPE (RectifyWindow, rectify_window, RECTIFY, WINDOW, AdwApplicationWindow)

RectifyWindow *rectify_window_new (GtkApplication *application, RectifyStore *store);
RectifyStore *rectify_window_get_store (RectifyWindow *self);
/* "welcome" (empty database), "loading" (sample data being written) or
 * the name of the sidebar's page shown: "campaigns", "officers", … */
const char *rectify_window_get_visible_page_name (RectifyWindow *self);
RectifyCampaignsPage *rectify_window_get_campaigns_page (RectifyWindow *self);

G_END_DECLS
