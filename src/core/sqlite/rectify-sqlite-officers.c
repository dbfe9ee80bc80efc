/* rectify-sqlite-officers.c: the officer table
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-officers.h"

const RectifyStoreOfficerOps rectify_sqlite_officer_ops = {
  .reserved = NULL,
};
