/* rectify-sqlite-campaigns.c: campaigns and their leading group
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-campaigns.h"

const RectifyStoreCampaignOps rectify_sqlite_campaign_ops = {
  .reserved = NULL,
};
