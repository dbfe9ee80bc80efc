/* rectify-bureau-setup-dialog.h: the bureau's first-run setup, before its first document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-store.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_BUREAU_SETUP_DIALOG (rectify_bureau_setup_dialog_get_type ())
G_DECLARE_FINAL_TYPE (
    RectifyBureauSetupDialog, rectify_bureau_setup_dialog, RECTIFY, BUREAU_SETUP_DIALOG, AdwWindow)

/* The setup of store's bureau (rectify_store_set_up_bureau), its fields
 * filled with what the settings hold, placeholders of the sample left
 * empty.  Emits "saved" and closes when the core takes it; its messages
 * show at the field they name. */
RectifyBureauSetupDialog *rectify_bureau_setup_dialog_new (GtkWindow *parent, RectifyStore *store);

G_END_DECLS
