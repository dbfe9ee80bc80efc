/* rectify-sqlite-attachments.c: the files attached to hazard events
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-attachments.h"

static gint64
attachment_insert (RectifyStore *self,
                   gint64 event_id,
                   const char *filename,
                   const char *mime,
                   const char *sha256,
                   GBytes *data,
                   GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "INSERT INTO attachment (event_id, filename, mime, size, "
                               "sha256, data) VALUES (?, ?, ?, ?, ?, ?)",
                               error);
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  if (!stmt)
    return 0;
  sqlite3_bind_int64 (stmt, 1, event_id);
  rectify_bind_text (stmt, 2, filename);
  rectify_bind_text (stmt, 3, mime);
  sqlite3_bind_int64 (stmt, 4, size);
  rectify_bind_text (stmt, 5, sha256);
  sqlite3_bind_blob64 (stmt, 6, bytes, size, SQLITE_STATIC);
  if (!rectify_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (rectify_sqlite_db (self));
}

static RectifyAttachment *
attachment_get (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "SELECT filename, mime, size, sha256, data FROM attachment WHERE id = ?", error);
  RectifyAttachment *a;

  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  a = rectify_attachment_new ();
  a->id = id;
  a->filename = rectify_column_text (stmt, 0);
  a->mime = rectify_column_text (stmt, 1);
  a->size = sqlite3_column_int64 (stmt, 2);
  a->sha256 = rectify_column_text (stmt, 3);
  a->data = g_bytes_new (sqlite3_column_blob (stmt, 4), sqlite3_column_bytes (stmt, 4));
  return a;
}

static GPtrArray *
attachment_list_for_hazard (RectifyStore *self, gint64 hazard_id, GArray *event_ids, GError **error)
{
  g_autoptr (GPtrArray) rows
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_attachment_free);
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self,
      "SELECT a.id, a.event_id, a.filename, a.mime, a.size, a.sha256 FROM attachment a"
      " JOIN hazard_event e ON e.id = a.event_id WHERE e.hazard_id = ? ORDER BY a.id",
      error);

  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, hazard_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 event_id = sqlite3_column_int64 (stmt, 1);
      RectifyAttachment *a = rectify_attachment_new ();

      a->id = sqlite3_column_int64 (stmt, 0);
      a->filename = rectify_column_text (stmt, 2);
      a->mime = rectify_column_text (stmt, 3);
      a->size = sqlite3_column_int64 (stmt, 4);
      a->sha256 = rectify_column_text (stmt, 5);
      g_array_append_val (event_ids, event_id);
      g_ptr_array_add (rows, a);
    }
  return g_steal_pointer (&rows);
}

static GPtrArray *
attachment_list_for_hazard_range (RectifyStore *self,
                                  gint64 first_hazard_id,
                                  gint64 last_hazard_id,
                                  GArray *hazard_ids,
                                  GArray *event_ids,
                                  GError **error)
{
  g_autoptr (GPtrArray) rows
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_attachment_free);
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self,
      "SELECT e.hazard_id, a.id, a.event_id, a.filename, a.mime, a.size, a.sha256, a.data"
      " FROM hazard_event e JOIN attachment a ON a.event_id = e.id"
      " WHERE e.hazard_id BETWEEN ? AND ? ORDER BY e.hazard_id, a.id",
      error);

  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, first_hazard_id);
  sqlite3_bind_int64 (stmt, 2, last_hazard_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 hazard_id = sqlite3_column_int64 (stmt, 0);
      gint64 event_id = sqlite3_column_int64 (stmt, 2);
      RectifyAttachment *a = rectify_attachment_new ();

      a->id = sqlite3_column_int64 (stmt, 1);
      a->filename = rectify_column_text (stmt, 3);
      a->mime = rectify_column_text (stmt, 4);
      a->size = sqlite3_column_int64 (stmt, 5);
      a->sha256 = rectify_column_text (stmt, 6);
      a->data = g_bytes_new (sqlite3_column_blob (stmt, 7), sqlite3_column_bytes (stmt, 7));
      g_array_append_val (hazard_ids, hazard_id);
      g_array_append_val (event_ids, event_id);
      g_ptr_array_add (rows, a);
    }
  return g_steal_pointer (&rows);
}

const RectifyStoreAttachmentOps rectify_sqlite_attachment_ops = {
  .insert = attachment_insert,
  .get = attachment_get,
  .list_for_hazard = attachment_list_for_hazard,
  .list_for_hazard_range = attachment_list_for_hazard_range,
};
