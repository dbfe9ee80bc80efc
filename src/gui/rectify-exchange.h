/* rectify-exchange.h: Export…, Back Up… and Restore… with a file chooser and a thread
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-export.h"
#include "rectify-import.h"
#include "rectify-store.h"

G_BEGIN_DECLS

/* Asks for a file (CSV or XLSX by its name) and writes list with q (copied)
 * in a thread, with a progress dialog that can cancel it. */
void rectify_exchange_export (GtkWidget *widget,
                              RectifyStore *store,
                              RectifyExportList list,
                              const RectifyQuery *q);
/* The import dialog for kind, over widget's window. */
void rectify_exchange_import (GtkWidget *widget, RectifyStore *store, RectifyImportKind kind);
/* Asks for a file and copies the open database into it. */
void rectify_exchange_backup (GtkWindow *window, RectifyStore *store);
/* Asks for a backup, confirms, and puts it in place of the database (the
 * current one kept aside); on success the store's "changed" signal is
 * emitted for every entity so that every page reads again. */
void rectify_exchange_restore (GtkWindow *window, RectifyStore *store);

G_END_DECLS
