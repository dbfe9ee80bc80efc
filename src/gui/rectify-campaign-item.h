/* rectify-campaign-item.h: one campaign as a list item of the campaigns view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "rectify-records.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_CAMPAIGN_ITEM (rectify_campaign_item_get_type ())
G_DECLARE_FINAL_TYPE (RectifyCampaignItem, rectify_campaign_item, RECTIFY, CAMPAIGN_ITEM, GObject)

/* Takes campaign; head_name is the leading group head's name or NULL. */
RectifyCampaignItem *rectify_campaign_item_new (RectifyCampaign *campaign, const char *head_name);
const RectifyCampaign *rectify_campaign_item_get_campaign (RectifyCampaignItem *self);
gint64 rectify_campaign_item_get_id (RectifyCampaignItem *self);
const char *rectify_campaign_item_get_name (RectifyCampaignItem *self);
const char *rectify_campaign_item_get_end_date (RectifyCampaignItem *self);
const char *rectify_campaign_item_get_head_name (RectifyCampaignItem *self);

G_END_DECLS
