/* rectify-store-figures.h: what a backend stores of the counts behind the figures and the summary
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

struct _RectifyStoreFigureOps
{
  gpointer reserved; /* TRANSITION (issue 13): the operations come here */
};

G_END_DECLS
