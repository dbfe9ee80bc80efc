/* rectify-pg-inspections.c: the SQL of inspections on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written on branch pg-records.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-inspections.h"

const RectifyStoreInspectionOps rectify_pg_inspection_ops = { 0 };
