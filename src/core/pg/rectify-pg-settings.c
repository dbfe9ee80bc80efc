/* rectify-pg-settings.c: the SQL of settings on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * To be written on branch pg.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-settings.h"

const RectifyStoreSettingOps rectify_pg_setting_ops = { 0 };
