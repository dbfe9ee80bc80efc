/* rectify-backup.h: putting a backup back in place of the database, and
 * checking the database file, which tells when to
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rectify-store.h"

G_BEGIN_DECLS

/* Checks that backup_path is a Rectify database this version can open
 * (application id, schema version), copies it into a new file beside
 * db_path, checks that copy (PRAGMA integrity_check) and upgrades it if it
 * is older; only then copies the database at db_path (when there is one)
 * aside to "<db_path>.before-restore-<YYYYMMDD-HHMMSS>" (returned in
 * kept_aside, NULL when there was nothing to keep) and copies the ready
 * backup over the database with the SQLite backup API, in one write
 * transaction.  Nothing is changed when a check or the upgrade fails: the
 * database stays byte for byte as it was.  Errors: RECTIFY_ERROR_NOT_RECTIFY,
 * _NEWER_VERSION, _TAMPERED (integrity check failed), _LOCKED, _IO, or the
 * upgrade's. */
gboolean rectify_restore_backup (const char *db_path,
                                 const char *backup_path,
                                 char **kept_aside,
                                 GError **error);

/* The integrity check of the store's backend: for an SQLite file PRAGMA
 * integrity_check of the whole file (every page, every index against its
 * table); for a server database what the server cannot know itself, that
 * the tables derived for speed agree with what they derive from.  TRUE
 * with *problem NULL when it passes, TRUE with *problem set (its first
 * findings) when the store is damaged, FALSE with error when it could not
 * run. */
gboolean rectify_store_check_integrity (RectifyStore *store, char **problem, GError **error);

G_END_DECLS
