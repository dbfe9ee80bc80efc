/* rectify-verify-dialog.h: Verify Records: the records against the audit chain, in the background
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-store.h"

G_BEGIN_DECLS

/* Verifies the database of store in a thread of its own (a reader of the
 * same file) and shows, over parent, what the core found: each finding, or
 * that the records match the audit chain. */
void rectify_verify_dialog_run (GtkWindow *parent, RectifyStore *store);

G_END_DECLS
