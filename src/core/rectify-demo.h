/* rectify-demo.h: sample data, the seed's campaign and a city's scale
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rectify-store.h"

G_BEGIN_DECLS

typedef enum
{
  RECTIFY_DEMO_SEED, /* the hundred-day campaign of the seed report */
  RECTIFY_DEMO_CITY, /* 50 000 units, 500 000 equipment, 2 000 000 checks … */
} RectifyDemoScale;

typedef void (*RectifyProgressFunc) (const char *stage, double fraction, gpointer user_data);

/* Fills an empty database in one transaction; deterministic for a seed.
 * Returns the id of the main campaign. */
gint64 rectify_demo_generate (RectifyStore *store,
                              RectifyDemoScale scale,
                              guint32 seed,
                              RectifyProgressFunc progress,
                              gpointer user_data,
                              GCancellable *cancellable,
                              GError **error);

G_END_DECLS
