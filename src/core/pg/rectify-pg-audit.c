/* rectify-pg-audit.c: the SQL of the audit log on PostgreSQL, and rows as JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Many workstations write at once: the chain must never fork.  last()
 * takes a transaction-level advisory lock (held until the writing
 * transaction ends) before it reads the newest row, so that the next
 * writer reads the row this one appends; append() numbers its row
 * max(id) + 1 under the same lock, so ids run 1, 2, 3, … without the gaps
 * a sequence leaves after rollbacks.  The server records the login that
 * wrote each row (audit.login, session_user).
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <string.h>

#include "rectify-pg-private.h"
#include "rectify-store-audit.h"
#include "rectify-store-private.h"

/* The advisory lock of the chain: 'RCTF' and the schema, so that the
 * bureaus of one database (one schema each) never wait for each other. */
#define AUDIT_LOCK "SELECT pg_advisory_xact_lock (1380144198, hashtext (current_schema ()))"

static GArray *
audit_ids (RectifyStore *self, const char *entity, GError **error)
{
  g_autofree char *sql = NULL;

  if (!rectify_audit_is_record_entity (entity))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, "no records of %s", entity);
      return NULL;
    }
  /* the entities are named as their tables */
  sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id", entity);
  return rectify_pg_select_ids (self, sql, NULL, NULL, error);
}

static gboolean
audit_last (RectifyStore *self, gint64 *id, char **hash, GError **error)
{
  g_autoptr (PGresult) res = NULL;

  *id = 0;
  *hash = NULL;
  /* in a write, hold the chain until it commits or rolls back */
  if (rectify_store_in_transaction (self) && !rectify_pg_run (self, AUDIT_LOCK, NULL, error))
    return FALSE;
  res = rectify_pg_exec (self, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", NULL, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) > 0)
    {
      *id = rectify_pg_int (res, 0, 0);
      *hash = rectify_pg_dup_text (res, 0, 1);
    }
  return TRUE;
}

static gboolean
audit_append (RectifyStore *self, const RectifyStoreAuditRow *row, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  /* taken already by last() in this transaction; taken again it is a no-op */
  if (!rectify_pg_run (self, AUDIT_LOCK, NULL, error))
    return FALSE;
  rectify_pg_add_text (&p, row->at);
  rectify_pg_add_id_or_null (&p, row->officer_id);
  rectify_pg_add_text (&p, row->entity);
  rectify_pg_add_int (&p, row->entity_id);
  rectify_pg_add_text (&p, row->action);
  if (row->before_json)
    rectify_pg_add_text (&p, row->before_json);
  else
    rectify_pg_add_null (&p);
  if (row->after_json)
    rectify_pg_add_text (&p, row->after_json);
  else
    rectify_pg_add_null (&p);
  rectify_pg_add_text (&p, row->prev_hash);
  rectify_pg_add_text (&p, row->hash);
  return rectify_pg_run (self,
                         "INSERT INTO audit (id, at, officer_id, entity, entity_id, action,"
                         " before_json, after_json, prev_hash, hash)"
                         " SELECT coalesce(max(id), 0) + 1, $1, $2, $3, $4, $5, $6, $7, $8, $9"
                         " FROM audit",
                         &p, error);
}

static gboolean
audit_foreach (RectifyStore *self,
               RectifyStoreAuditRowFunc func,
               gpointer user_data,
               GError **error)
{
  g_autoptr (PGresult) res = NULL;

  /* one result of every row: the chain is read in one snapshot */
  res = rectify_pg_exec (self,
                         "SELECT id, at, coalesce(officer_id, 0), entity, entity_id, "
                         "action, before_json, after_json, prev_hash, hash"
                         " FROM audit ORDER BY id",
                         NULL, error);
  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      RectifyStoreAuditRow row = {
        .id = rectify_pg_int (res, i, 0),
        .at = rectify_pg_text (res, i, 1),
        .officer_id = rectify_pg_int (res, i, 2),
        .entity = rectify_pg_text (res, i, 3),
        .entity_id = rectify_pg_int (res, i, 4),
        .action = rectify_pg_text (res, i, 5),
        .before_json = rectify_pg_text (res, i, 6),
        .after_json = rectify_pg_text (res, i, 7),
        .prev_hash = rectify_pg_text (res, i, 8),
        .hash = rectify_pg_text (res, i, 9),
      };
      if (!func (&row, user_data))
        return TRUE;
    }
  return TRUE;
}

static GPtrArray *
audit_list (RectifyStore *self, gint64 limit, GError **error)
{
  g_autoptr (GPtrArray) rows
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_audit_entry_free);
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  if (limit > 0)
    rectify_pg_add_int (&p, limit);
  else
    rectify_pg_add_null (&p);
  res = rectify_pg_exec (
      self,
      "SELECT a.id, a.at, coalesce(a.officer_id, 0), coalesce(o.name, ''), a.entity, a.entity_id,"
      " a.action, a.before_json, a.after_json FROM audit a LEFT JOIN officer o ON o.id = "
      "a.officer_id ORDER BY a.id DESC LIMIT $1",
      &p, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      RectifyAuditEntry *e = g_new0 (RectifyAuditEntry, 1);
      e->id = rectify_pg_int (res, i, 0);
      e->at = rectify_pg_dup_text (res, i, 1);
      e->officer_id = rectify_pg_int (res, i, 2);
      e->officer_name = rectify_pg_dup_text (res, i, 3);
      e->entity = rectify_pg_dup_text (res, i, 4);
      e->entity_id = rectify_pg_int (res, i, 5);
      e->action = rectify_pg_dup_text (res, i, 6);
      e->before_json = rectify_pg_dup_text_or_null (res, i, 7);
      e->after_json = rectify_pg_dup_text_or_null (res, i, 8);
      g_ptr_array_add (rows, e);
    }
  return g_steal_pointer (&rows);
}

const RectifyStoreAuditOps rectify_pg_audit_ops = {
  .last = audit_last,
  .append = audit_append,
  .foreach = audit_foreach,
  .list = audit_list,
  .ids = audit_ids,
};
