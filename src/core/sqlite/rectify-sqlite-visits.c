/* rectify-sqlite-visits.c: scheduled visits
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-visits.h"

const RectifyStoreVisitOps rectify_sqlite_visit_ops = {
  .reserved = NULL,
};
