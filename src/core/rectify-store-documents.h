/* rectify-store-documents.h: what a backend stores of issued documents and their PDFs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

struct _RectifyStoreDocumentOps
{
  gpointer reserved; /* TRANSITION (issue 13): the operations come here */
};

G_END_DECLS
