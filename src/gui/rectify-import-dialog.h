/* rectify-import-dialog.h: a CSV file checked, mapped and imported
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-import.h"
#include "rectify-store.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_IMPORT_DIALOG (rectify_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RectifyImportDialog, rectify_import_dialog, RECTIFY, IMPORT_DIALOG, AdwWindow)

/* The file is read in a thread with a connection of its own; after an
 * import the store's "changed" signal is emitted for what was written. */
RectifyImportDialog *
rectify_import_dialog_new (GtkWindow *parent, RectifyStore *store, RectifyImportKind kind);
/* Checks file (a dry run) and shows the columns, first rows and problems. */
void rectify_import_dialog_set_file (RectifyImportDialog *self, GFile *file);
/* TRUE while a check or an import runs. */
gboolean rectify_import_dialog_is_busy (RectifyImportDialog *self);

G_END_DECLS
