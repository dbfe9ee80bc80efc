/* rectify-sqlite-inspections.c: inspections, their officers and equipment
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-inspections.h"

const RectifyStoreInspectionOps rectify_sqlite_inspection_ops = {
  .reserved = NULL,
};
