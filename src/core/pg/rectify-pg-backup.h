/* rectify-pg-backup.h: the backup of a server database into an SQLite file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store.h"

G_BEGIN_DECLS

/* rectify_store_backup_full for a PostgreSQL store: one snapshot of the
 * server database (REPEATABLE READ) copied row by row into a new SQLite
 * database made as "<dest_path>.partial" and renamed to dest_path when it
 * is complete and passes the integrity check; rectify_restore_backup and the
 * app open it as any Rectify file.  progress counts tables; on any failure
 * no file is left. */
gboolean rectify_pg_backup_full (RectifyStore *self,
                                 const char *dest_path,
                                 RectifyBackupProgressFunc progress,
                                 gpointer progress_data,
                                 GCancellable *cancellable,
                                 GError **error);

G_END_DECLS
