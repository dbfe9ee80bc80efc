/* rectify-pg-officers.c: the SQL of officers on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * To be written on branch pg.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-officers.h"

const RectifyStoreOfficerOps rectify_pg_officer_ops = { 0 };
