/* rectify-sqlite-store.h: the store on an SQLite file, one desk's database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_SQLITE_STORE (rectify_sqlite_store_get_type ())
G_DECLARE_FINAL_TYPE (RectifySqliteStore, rectify_sqlite_store, RECTIFY, SQLITE_STORE, RectifyStore)

/* Opens (creating and migrating up to target) the database file at path;
 * target -1 opens a reader of a file that is up to date, never writing. */
RectifyStore *rectify_sqlite_store_open (const char *path, int target, GError **error);
/* Opens the database at path as rectify_sqlite_store_open() does up to
 * this version, and also makes an empty (0-byte) file a new database,
 * which an open refuses. */
RectifyStore *rectify_sqlite_store_create (const char *path, GError **error);

G_END_DECLS
