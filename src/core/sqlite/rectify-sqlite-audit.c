/* rectify-sqlite-audit.c: the audit table and the rows as JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-audit.h"
#include "rectify-store-private.h"

static GArray *
audit_ids (RectifyStore *self, const char *entity, GError **error)
{
  g_autofree char *sql = NULL;
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (!rectify_audit_is_record_entity (entity))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, "no records of %s", entity);
      return NULL;
    }
  /* the entities are named as their tables */
  sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id", entity);
  if (!(stmt = rectify_store_prepare (self, sql, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      rectify_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
audit_last (RectifyStore *self, gint64 *id, char **hash, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", error);
  int rc;

  *id = 0;
  *hash = NULL;
  if (!stmt)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *hash = rectify_column_text (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    return rectify_store_fail (self, rc, error);
  return TRUE;
}

static gboolean
audit_append (RectifyStore *self, const RectifyStoreAuditRow *row, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "INSERT INTO audit (at, officer_id, entity, entity_id, action, "
                               "before_json, after_json, prev_hash, hash)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               error);
  if (!stmt)
    return FALSE;
  rectify_bind_text (stmt, 1, row->at);
  rectify_bind_id_or_null (stmt, 2, row->officer_id);
  rectify_bind_text (stmt, 3, row->entity);
  sqlite3_bind_int64 (stmt, 4, row->entity_id);
  rectify_bind_text (stmt, 5, row->action);
  if (row->before_json)
    rectify_bind_text (stmt, 6, row->before_json);
  if (row->after_json)
    rectify_bind_text (stmt, 7, row->after_json);
  rectify_bind_text (stmt, 8, row->prev_hash);
  rectify_bind_text (stmt, 9, row->hash);
  return rectify_store_step_done (self, stmt, error);
}

static gboolean
audit_foreach (RectifyStore *self,
               RectifyStoreAuditRowFunc func,
               gpointer user_data,
               GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "SELECT id, at, coalesce(officer_id, 0), entity, entity_id, "
                               "action, before_json, after_json, prev_hash, hash"
                               " FROM audit ORDER BY id",
                               error);
  int rc;

  if (!stmt)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RectifyStoreAuditRow row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .at = (const char *)sqlite3_column_text (stmt, 1),
        .officer_id = sqlite3_column_int64 (stmt, 2),
        .entity = (const char *)sqlite3_column_text (stmt, 3),
        .entity_id = sqlite3_column_int64 (stmt, 4),
        .action = (const char *)sqlite3_column_text (stmt, 5),
        .before_json = (const char *)sqlite3_column_text (stmt, 6),
        .after_json = (const char *)sqlite3_column_text (stmt, 7),
        .prev_hash = (const char *)sqlite3_column_text (stmt, 8),
        .hash = (const char *)sqlite3_column_text (stmt, 9),
      };
      if (!func (&row, user_data))
        return TRUE;
    }
  if (rc != SQLITE_DONE)
    return rectify_store_fail (self, rc, error);
  return TRUE;
}

static GPtrArray *
audit_list (RectifyStore *self, gint64 limit, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autoptr (GPtrArray) rows
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_audit_entry_free);
  int rc;

  stmt = rectify_store_prepare (
      self,
      "SELECT a.id, a.at, coalesce(a.officer_id, 0), coalesce(o.name, ''), a.entity, a.entity_id, "
      "a.action,"
      " a.before_json, a.after_json FROM audit a LEFT JOIN officer o ON o.id = a.officer_id"
      " ORDER BY a.id DESC LIMIT ?",
      error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RectifyAuditEntry *e = g_new0 (RectifyAuditEntry, 1);
      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = rectify_column_text (stmt, 1);
      e->officer_id = sqlite3_column_int64 (stmt, 2);
      e->officer_name = rectify_column_text (stmt, 3);
      e->entity = rectify_column_text (stmt, 4);
      e->entity_id = sqlite3_column_int64 (stmt, 5);
      e->action = rectify_column_text (stmt, 6);
      e->before_json = rectify_column_text_or_null (stmt, 7);
      e->after_json = rectify_column_text_or_null (stmt, 8);
      g_ptr_array_add (rows, e);
    }
  if (rc != SQLITE_DONE)
    {
      rectify_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

const RectifyStoreAuditOps rectify_sqlite_audit_ops = {
  .last = audit_last,
  .append = audit_append,
  .foreach = audit_foreach,
  .list = audit_list,
  .ids = audit_ids,
};
