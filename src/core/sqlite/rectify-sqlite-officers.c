/* rectify-sqlite-officers.c: the officer table
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-officers.h"

#define OFFICER_COLUMNS "id, badge, name, role, active"

static gpointer
read_officer (RectifyStmt *stmt)
{
  RectifyOfficer *o = rectify_officer_new ();
  o->id = sqlite3_column_int64 (stmt, 0);
  o->badge = rectify_column_text (stmt, 1);
  o->name = rectify_column_text (stmt, 2);
  rectify_role_from_code ((const char *)sqlite3_column_text (stmt, 3), &o->role);
  o->active = sqlite3_column_int (stmt, 4);
  return o;
}

static void
bind_officer (RectifyStmt *stmt, const RectifyOfficer *o)
{
  rectify_bind_text (stmt, 1, o->badge);
  rectify_bind_text (stmt, 2, o->name);
  rectify_bind_text (stmt, 3, rectify_role_to_code (o->role));
  sqlite3_bind_int (stmt, 4, o->active ? 1 : 0);
}

static gint64
officer_insert (RectifyStore *self, const RectifyOfficer *o, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "INSERT INTO officer (badge, name, role, active) VALUES (?, ?, ?, ?)", error);

  if (!stmt)
    return 0;
  bind_officer (stmt, o);
  return rectify_sqlite_step_insert (self, stmt, error);
}

static gboolean
officer_update (RectifyStore *self, const RectifyOfficer *o, gboolean *found, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "UPDATE officer SET badge = ?, name = ?, role = ?, active = ? WHERE id = ?", error);

  if (!stmt)
    return FALSE;
  bind_officer (stmt, o);
  sqlite3_bind_int64 (stmt, 5, o->id);
  return rectify_sqlite_step_update (self, stmt, found, error);
}

static RectifyOfficer *
officer_get (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self, "SELECT " OFFICER_COLUMNS " FROM officer WHERE id = ?", error);

  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return read_officer (stmt);
}

static GPtrArray *
officer_list (RectifyStore *self, GError **error)
{
  RectifyFilter f;
  GPtrArray *rows;

  rectify_filter_init (&f);
  rows = rectify_store_query_page (self, OFFICER_COLUMNS, "officer", &f, "name, id", NULL,
                                   read_officer, (GDestroyNotify)rectify_officer_free, NULL, error);
  rectify_filter_clear (&f);
  return rows;
}

static gint64
officer_find (RectifyStore *self, gint64 id, const char *badge, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "SELECT id FROM officer WHERE id = ?1 OR badge = ?2 ORDER BY badge = ?2 DESC LIMIT 1",
      error);

  if (!stmt)
    return 0;
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  rectify_bind_text (stmt, 2, badge);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
officer_any (RectifyStore *self, GError **error)
{
  return rectify_sqlite_any (self, "SELECT 1 FROM officer LIMIT 1", error);
}

const RectifyStoreOfficerOps rectify_sqlite_officer_ops = {
  .insert = officer_insert,
  .update = officer_update,
  .get = officer_get,
  .list = officer_list,
  .find = officer_find,
  .any = officer_any,
};
