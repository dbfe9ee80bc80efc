/* rectify-pg-visits.c: the SQL of scheduled visits on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * To be written on branch pg.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-visits.h"

const RectifyStoreVisitOps rectify_pg_visit_ops = { 0 };
