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

#include "rectify-csv.h"
#include "rectify-pg-private.h"
#include "rectify-store-audit.h"

/* The key of the advisory lock of the chain ('RCTF' 'AUDT'). */
#define AUDIT_LOCK "SELECT pg_advisory_xact_lock (5927332430911489364)"

/* Type OIDs of the columns the schema has (src/include/catalog/pg_type.dat). */
enum
{
  OID_BOOL = 16,
  OID_BYTEA = 17,
  OID_INT8 = 20,
  OID_INT2 = 21,
  OID_INT4 = 23,
  OID_FLOAT4 = 700,
  OID_FLOAT8 = 701,
  OID_NUMERIC = 1700,
  OID_TSVECTOR = 3614,
};

static char *
audit_row_json (RectifyStore *self, const char *table, gint64 id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE id = $1", table);
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;
  GString *out;
  gboolean first = TRUE;

  rectify_pg_add_int (&p, id);
  res = rectify_pg_exec (self, sql, &p, NULL);
  if (res == NULL || PQntuples (res) == 0)
    return NULL;

  out = g_string_new ("{");
  for (int i = 0; i < PQnfields (res); i++)
    {
      Oid type = PQftype (res, i);
      const char *v = rectify_pg_text (res, 0, i);

      /* the search tokens are the backend's, not the record's */
      if (type == OID_TSVECTOR)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      rectify_json_append_string (out, PQfname (res, i));
      g_string_append_c (out, ':');
      if (v == NULL)
        g_string_append (out, "null");
      else if (type == OID_INT8 || type == OID_INT4 || type == OID_INT2)
        g_string_append (out, v);
      else if (type == OID_BOOL)
        g_string_append (out, g_str_equal (v, "t") ? "1" : "0");
      else if (type == OID_FLOAT4 || type == OID_FLOAT8 || type == OID_NUMERIC)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          g_string_append (out, g_ascii_dtostr (buf, sizeof buf, g_ascii_strtod (v, NULL)));
        }
      else if (type == OID_BYTEA)
        /* text format: "\x" and two hex digits a byte */
        g_string_append_printf (out, "{\"bytes\":%d}", (int)((strlen (v) - 2) / 2));
      else
        rectify_json_append_string (out, v);
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
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
  .row_json = audit_row_json,
};
