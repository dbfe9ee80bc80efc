/* rectify-pg-store.h: the store on a PostgreSQL server, a bureau's database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_PG_STORE (rectify_pg_store_get_type ())
G_DECLARE_FINAL_TYPE (RectifyPgStore, rectify_pg_store, RECTIFY, PG_STORE, RectifyStore)

/* Connects to the database conninfo names (any libpq connection string,
 * URL or service); create TRUE makes an empty database a Rectify one (its
 * tables), else an empty database is refused; reader TRUE opens a second,
 * read-only connection that never writes. */
RectifyStore *
rectify_pg_store_open (const char *conninfo, gboolean reader, gboolean create, GError **error);

G_END_DECLS
