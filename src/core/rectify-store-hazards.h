/* rectify-store-hazards.h: what a backend stores of hazards and their events
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

struct _RectifyStoreHazardOps
{
  gpointer reserved; /* TRANSITION (issue 13): the operations come here */
};

G_END_DECLS
