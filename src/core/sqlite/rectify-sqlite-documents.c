/* rectify-sqlite-documents.c: issued documents and their PDFs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-documents.h"

const RectifyStoreDocumentOps rectify_sqlite_document_ops = {
  .reserved = NULL,
};
