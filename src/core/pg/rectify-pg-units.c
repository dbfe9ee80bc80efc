/* rectify-pg-units.c: the SQL of units on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * To be written on branch pg.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-units.h"

const RectifyStoreUnitOps rectify_pg_unit_ops = { 0 };
