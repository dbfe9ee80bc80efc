/* rectify-sqlite-audit.c: the audit table and the rows as JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-csv.h"
#include "rectify-sqlite-private.h"
#include "rectify-store-audit.h"

static char *
audit_row_json (RectifyStore *self, const char *table, gint64 id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?", table);
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (self, sql, NULL);
  GString *out;
  int n;

  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  out = g_string_new ("{");
  n = sqlite3_column_count (stmt);
  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      rectify_json_append_string (out, sqlite3_column_name (stmt, i));
      g_string_append_c (out, ':');
      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          g_string_append_printf (out, "%lld", (long long)sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            g_string_append (out,
                             g_ascii_dtostr (buf, sizeof buf, sqlite3_column_double (stmt, i)));
          }
          break;
        case SQLITE_TEXT:
          rectify_json_append_string (out, (const char *)sqlite3_column_text (stmt, i));
          break;
        case SQLITE_BLOB:
          g_string_append_printf (out, "{\"bytes\":%d}", sqlite3_column_bytes (stmt, i));
          break;
        default:
          g_string_append (out, "null");
        }
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
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
  .row_json = audit_row_json,
};
