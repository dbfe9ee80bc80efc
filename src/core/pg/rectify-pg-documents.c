/* rectify-pg-documents.c: the SQL of issued documents on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written on branch pg-records.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-documents.h"

const RectifyStoreDocumentOps rectify_pg_document_ops = { 0 };
