/* rectify-pg-attachments.c: the SQL of attachments on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written on branch pg-records.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-attachments.h"

const RectifyStoreAttachmentOps rectify_pg_attachment_ops = { 0 };
