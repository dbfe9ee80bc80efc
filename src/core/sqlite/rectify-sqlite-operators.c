/* rectify-sqlite-operators.c: operators and their licences
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-operators.h"

const RectifyStoreOperatorOps rectify_sqlite_operator_ops = {
  .reserved = NULL,
};
