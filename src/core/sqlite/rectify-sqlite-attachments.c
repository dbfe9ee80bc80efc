/* rectify-sqlite-attachments.c: the files attached to hazard events
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-attachments.h"

const RectifyStoreAttachmentOps rectify_sqlite_attachment_ops = {
  .reserved = NULL,
};
