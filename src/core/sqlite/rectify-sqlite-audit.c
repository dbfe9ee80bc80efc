/* rectify-sqlite-audit.c: the hash-chained audit log
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-audit.h"

const RectifyStoreAuditOps rectify_sqlite_audit_ops = {
  .reserved = NULL,
};
