/* rectify-pg-figures.c: the SQL of the figures on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written on branch pg-records.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-figures.h"

const RectifyStoreFigureOps rectify_pg_figure_ops = { 0 };
