/* rectify-pg-audit.c: the SQL of the audit log on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * To be written on branch pg.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-audit.h"

const RectifyStoreAuditOps rectify_pg_audit_ops = { 0 };
