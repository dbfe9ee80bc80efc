/* rectify-pg-equipment.c: the SQL of equipment on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * To be written on branch pg.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-equipment.h"

const RectifyStoreEquipmentOps rectify_pg_equipment_ops = { 0 };
