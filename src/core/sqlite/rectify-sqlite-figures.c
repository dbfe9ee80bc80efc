/* rectify-sqlite-figures.c: the counts behind the figures and the summary
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-figures.h"

const RectifyStoreFigureOps rectify_sqlite_figure_ops = {
  .reserved = NULL,
};
