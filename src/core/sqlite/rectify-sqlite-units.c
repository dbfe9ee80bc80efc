/* rectify-sqlite-units.c: units that use special equipment
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-units.h"

const RectifyStoreUnitOps rectify_sqlite_unit_ops = {
  .reserved = NULL,
};
