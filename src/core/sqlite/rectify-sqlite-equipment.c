/* rectify-sqlite-equipment.c: equipment items
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-equipment.h"

const RectifyStoreEquipmentOps rectify_sqlite_equipment_ops = {
  .reserved = NULL,
};
