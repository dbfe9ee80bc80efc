/* rectify-audit.c: the hash-chained audit log of every write
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-csv.h"
#include "rectify-store-private.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

char *
rectify_store_row_json (RectifyStore *self, const char *table, gint64 id)
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

static char *
chain_hash (const char *prev_hash,
            const char *at,
            gint64 officer_id,
            const char *entity,
            gint64 entity_id,
            const char *action,
            const char *before,
            const char *after)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *numbers = g_strdup_printf ("%" PRId64 "\n%" PRId64 "\n", officer_id, entity_id);
  /* NUL separators and a marker for NULL keep the fields unambiguous. */
  const char *fields[] = { prev_hash, at, numbers, entity, action, before, after };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i])
        g_checksum_update (sum, (const guchar *)fields[i], strlen (fields[i]));
      else
        g_checksum_update (sum, (const guchar *)"\x01null", 5);
      g_checksum_update (sum, (const guchar *)"", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

gboolean
rectify_store_audit (RectifyStore *self,
                     const char *entity,
                     gint64 entity_id,
                     const char *action,
                     const char *before_json,
                     const char *after_json,
                     GError **error)
{
  g_autofree char *prev = NULL;
  g_autofree char *at = rectify_now_utc ();
  g_autofree char *hash = NULL;

  g_assert (rectify_store_in_transaction (self));

  {
    g_autoptr (RectifyStmt) last
        = rectify_store_prepare (self, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", error);
    if (!last)
      return FALSE;
    prev = sqlite3_step (last) == SQLITE_ROW ? rectify_column_text (last, 0)
                                             : g_strdup (GENESIS_HASH);
  }
  hash = chain_hash (prev, at, rectify_store_get_actor (self), entity, entity_id, action,
                     before_json, after_json);
  {
    g_autoptr (RectifyStmt) stmt
        = rectify_store_prepare (self,
                                 "INSERT INTO audit (at, officer_id, entity, entity_id, action, "
                                 "before_json, after_json, prev_hash, hash)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 error);
    if (!stmt)
      return FALSE;
    rectify_bind_text (stmt, 1, at);
    rectify_bind_id_or_null (stmt, 2, rectify_store_get_actor (self));
    rectify_bind_text (stmt, 3, entity);
    sqlite3_bind_int64 (stmt, 4, entity_id);
    rectify_bind_text (stmt, 5, action);
    if (before_json)
      rectify_bind_text (stmt, 6, before_json);
    if (after_json)
      rectify_bind_text (stmt, 7, after_json);
    rectify_bind_text (stmt, 8, prev);
    rectify_bind_text (stmt, 9, hash);
    if (!rectify_store_step_done (self, stmt, error))
      return FALSE;
  }
  rectify_store_mark_changed (self, entity);
  return TRUE;
}

void
rectify_audit_report_clear (RectifyAuditReport *report)
{
  g_clear_pointer (&report->problem, g_free);
  report->rows = 0;
  report->first_bad_id = 0;
}

gboolean
rectify_store_verify_audit (RectifyStore *self, RectifyAuditReport *report, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autofree char *prev = g_strdup (GENESIS_HASH);
  gint64 expected_id = 0;
  int rc;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  stmt = rectify_store_prepare (self,
                                "SELECT id, at, coalesce(officer_id, 0), entity, entity_id, "
                                "action, before_json, after_json, prev_hash, hash"
                                " FROM audit ORDER BY id",
                                error);
  if (!stmt)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *prev_hash = (const char *)sqlite3_column_text (stmt, 8);
      const char *hash = (const char *)sqlite3_column_text (stmt, 9);
      g_autofree char *computed = NULL;

      report->rows++;
      if (expected_id != 0 && id != expected_id)
        {
          report->first_bad_id = expected_id;
          report->problem = g_strdup_printf (_ ("audit row %" PRId64 " is missing"), expected_id);
          return TRUE;
        }
      computed = chain_hash (
          prev, (const char *)sqlite3_column_text (stmt, 1), sqlite3_column_int64 (stmt, 2),
          (const char *)sqlite3_column_text (stmt, 3), sqlite3_column_int64 (stmt, 4),
          (const char *)sqlite3_column_text (stmt, 5), (const char *)sqlite3_column_text (stmt, 6),
          (const char *)sqlite3_column_text (stmt, 7));
      if (g_strcmp0 (prev_hash, prev) != 0)
        {
          report->first_bad_id = id;
          report->problem = g_strdup_printf (
              _ ("audit row %" PRId64
                 " does not follow the row before it (a row was removed or replaced)"),
              id);
          return TRUE;
        }
      if (g_strcmp0 (hash, computed) != 0)
        {
          report->first_bad_id = id;
          report->problem
              = g_strdup_printf (_ ("audit row %" PRId64 " was altered after it was written"), id);
          return TRUE;
        }
      g_free (prev);
      prev = g_strdup (hash);
      expected_id = id + 1;
    }
  if (rc != SQLITE_DONE)
    return rectify_store_fail (self, rc, error);
  return TRUE;
}

void
rectify_audit_entry_free (RectifyAuditEntry *entry)
{
  if (!entry)
    return;
  g_free (entry->at);
  g_free (entry->officer_name);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->before_json);
  g_free (entry->after_json);
  g_free (entry);
}

GPtrArray *
rectify_store_list_audit (RectifyStore *self, gint64 limit, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autoptr (GPtrArray) rows
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_audit_entry_free);
  int rc;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

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
