/* rectify-sqlite-hazards.c: hazards and their events
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-hazards.h"

const RectifyStoreHazardOps rectify_sqlite_hazard_ops = {
  .reserved = NULL,
};
