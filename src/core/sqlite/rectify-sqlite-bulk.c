/* rectify-sqlite-bulk.c: loading many records at once (the city sample, imports)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-bulk.h"

const RectifyStoreBulkOps rectify_sqlite_bulk_ops = {
  .reserved = NULL,
};
