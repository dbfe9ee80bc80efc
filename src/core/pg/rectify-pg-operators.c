/* rectify-pg-operators.c: the SQL of operators on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * To be written on branch pg.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-operators.h"

const RectifyStoreOperatorOps rectify_pg_operator_ops = { 0 };
