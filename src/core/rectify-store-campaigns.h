/* rectify-store-campaigns.h: what a backend stores of campaigns and their leading group
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

struct _RectifyStoreCampaignOps
{
  gpointer reserved; /* TRANSITION (issue 13): the operations come here */
};

G_END_DECLS
