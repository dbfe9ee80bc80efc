/* rectify-pg-hazards.c: the SQL of hazards, their events and search on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written on branch pg-records.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-hazards.h"

const RectifyStoreHazardOps rectify_pg_hazard_ops = { 0 };
