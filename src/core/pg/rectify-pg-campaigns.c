/* rectify-pg-campaigns.c: the SQL of campaigns on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * To be written on branch pg.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-campaigns.h"

const RectifyStoreCampaignOps rectify_pg_campaign_ops = { 0 };
