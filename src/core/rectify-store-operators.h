/* rectify-store-operators.h: what a backend stores of operators and their licences
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

struct _RectifyStoreOperatorOps
{
  gpointer reserved; /* TRANSITION (issue 13): the operations come here */
};

G_END_DECLS
