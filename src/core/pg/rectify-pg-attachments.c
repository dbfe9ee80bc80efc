/* rectify-pg-attachments.c: the files kept with hazard events, on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
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
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  rectify_pg_add_int (&p, event_id);
  rectify_pg_add_text (&p, filename);
  rectify_pg_add_text (&p, mime);
  rectify_pg_add_int (&p, (gint64)size);
  rectify_pg_add_text (&p, sha256);
  rectify_pg_add_bytea (&p, bytes, size);
  return rectify_pg_insert (self,
                            "INSERT INTO attachment (event_id, filename, mime, size, sha256, data)"
                            " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                            &p, error);
}

static RectifyAttachment *
attachment_get (RectifyStore *self, gint64 id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;
  RectifyAttachment *a;

  rectify_pg_add_int (&p, id);
  res = rectify_pg_exec (
      self, "SELECT filename, mime, size, sha256, data FROM attachment WHERE id = $1", &p, error);
  if (res == NULL || PQntuples (res) == 0)
    return NULL;
  a = rectify_attachment_new ();
  a->id = id;
  a->filename = rectify_pg_dup_text (res, 0, 0);
  a->mime = rectify_pg_dup_text (res, 0, 1);
  a->size = rectify_pg_int (res, 0, 2);
  a->sha256 = rectify_pg_dup_text (res, 0, 3);
  a->data = rectify_pg_bytea (res, 0, 4);
  if (a->data == NULL)
    a->data = g_bytes_new (NULL, 0);
  return a;
}

static GPtrArray *
attachment_list_for_hazard (RectifyStore *self, gint64 hazard_id, GArray *event_ids, GError **error)
{
  g_autoptr (GPtrArray) rows
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_attachment_free);
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_int (&p, hazard_id);
  res = rectify_pg_exec (
      self,
      "SELECT a.id, a.event_id, a.filename, a.mime, a.size, a.sha256 FROM attachment a"
      " JOIN hazard_event e ON e.id = a.event_id WHERE e.hazard_id = $1 ORDER BY a.id",
      &p, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      gint64 event_id = rectify_pg_int (res, i, 1);
      RectifyAttachment *a = rectify_attachment_new ();

      a->id = rectify_pg_int (res, i, 0);
      a->filename = rectify_pg_dup_text (res, i, 2);
      a->mime = rectify_pg_dup_text (res, i, 3);
      a->size = rectify_pg_int (res, i, 4);
      a->sha256 = rectify_pg_dup_text (res, i, 5);
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
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_int (&p, first_hazard_id);
  rectify_pg_add_int (&p, last_hazard_id);
  res = rectify_pg_exec (
      self,
      "SELECT e.hazard_id, a.id, a.event_id, a.filename, a.mime, a.size, a.sha256, a.data"
      " FROM hazard_event e JOIN attachment a ON a.event_id = e.id"
      " WHERE e.hazard_id BETWEEN $1 AND $2 ORDER BY e.hazard_id, a.id",
      &p, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      gint64 hazard_id = rectify_pg_int (res, i, 0);
      gint64 event_id = rectify_pg_int (res, i, 2);
      RectifyAttachment *a = rectify_attachment_new ();

      a->id = rectify_pg_int (res, i, 1);
      a->filename = rectify_pg_dup_text (res, i, 3);
      a->mime = rectify_pg_dup_text (res, i, 4);
      a->size = rectify_pg_int (res, i, 5);
      a->sha256 = rectify_pg_dup_text (res, i, 6);
      a->data = rectify_pg_bytea (res, i, 7);
      if (a->data == NULL)
        a->data = g_bytes_new (NULL, 0);
      g_array_append_val (hazard_ids, hazard_id);
      g_array_append_val (event_ids, event_id);
      g_ptr_array_add (rows, a);
    }
  return g_steal_pointer (&rows);
}

const RectifyStoreAttachmentOps rectify_pg_attachment_ops = {
  .insert = attachment_insert,
  .get = attachment_get,
  .list_for_hazard = attachment_list_for_hazard,
  .list_for_hazard_range = attachment_list_for_hazard_range,
};
