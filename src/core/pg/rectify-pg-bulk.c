/* rectify-pg-bulk.c: the SQL of bulk loads on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written on branch pg-records.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-bulk.h"

const RectifyStoreBulkOps rectify_pg_bulk_ops = { 0 };
