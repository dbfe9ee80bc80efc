/* rectify-campaigns-page.h: the campaigns and the figures of the selected one
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rectify-store.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_CAMPAIGNS_PAGE (rectify_campaigns_page_get_type ())
G_DECLARE_FINAL_TYPE (
    RectifyCampaignsPage, rectify_campaigns_page, RECTIFY, CAMPAIGNS_PAGE, GtkWidget)

RectifyStore *rectify_campaigns_page_get_store (RectifyCampaignsPage *self);
void rectify_campaigns_page_set_store (RectifyCampaignsPage *self, RectifyStore *store);
/* Reads the campaigns again; the page also does so on the store's "changed". */
void rectify_campaigns_page_reload (RectifyCampaignsPage *self);
/* Selects the campaign with this id if it is listed. */
void rectify_campaigns_page_select (RectifyCampaignsPage *self, gint64 campaign_id);
/* The listed campaigns (RectifyCampaignItem). */
GListModel *rectify_campaigns_page_get_model (RectifyCampaignsPage *self);
/* The id of the selected campaign, 0 when none. */
gint64 rectify_campaigns_page_get_selected_id (RectifyCampaignsPage *self);
/* Archives the selected campaign into the new folder dir, as Archive
 * Campaign… does with the folder the user names. */
void rectify_campaigns_page_archive_into (RectifyCampaignsPage *self, const char *dir);
/* FALSE for an archivist: no Edit button, page.edit disabled. */
gboolean rectify_campaigns_page_get_can_edit (RectifyCampaignsPage *self);
void rectify_campaigns_page_set_can_edit (RectifyCampaignsPage *self, gboolean can_edit);

G_END_DECLS
