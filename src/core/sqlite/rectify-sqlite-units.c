/* rectify-sqlite-units.c: units that use special equipment
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-units.h"

#define UNIT_COLUMNS                                                                               \
  "id, credit_code, name, address, district, industry, crowded, legal_rep, safety_manager, phone"

static gpointer
read_unit (RectifyStmt *stmt)
{
  RectifyUnit *u = rectify_unit_new ();
  u->id = sqlite3_column_int64 (stmt, 0);
  u->credit_code = rectify_column_text (stmt, 1);
  u->name = rectify_column_text (stmt, 2);
  u->address = rectify_column_text (stmt, 3);
  u->district = rectify_column_text (stmt, 4);
  u->industry = rectify_column_text (stmt, 5);
  u->crowded = sqlite3_column_int (stmt, 6);
  u->legal_rep = rectify_column_text (stmt, 7);
  u->safety_manager = rectify_column_text (stmt, 8);
  u->phone = rectify_column_text (stmt, 9);
  return u;
}

static void
bind_unit (RectifyStmt *stmt, const RectifyUnit *u)
{
  rectify_bind_text (stmt, 1, u->credit_code);
  rectify_bind_text (stmt, 2, u->name);
  rectify_bind_text (stmt, 3, u->address);
  rectify_bind_text (stmt, 4, u->district);
  rectify_bind_text (stmt, 5, u->industry);
  sqlite3_bind_int (stmt, 6, u->crowded ? 1 : 0);
  rectify_bind_text (stmt, 7, u->legal_rep);
  rectify_bind_text (stmt, 8, u->safety_manager);
  rectify_bind_text (stmt, 9, u->phone);
}

static gint64
unit_insert (RectifyStore *self, const RectifyUnit *u, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "INSERT INTO unit (credit_code, name, address, district, industry, "
                               "crowded, legal_rep, safety_manager, phone, id)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               error);

  if (!stmt)
    return 0;
  bind_unit (stmt, u);
  rectify_bind_id_or_null (stmt, 10, u->id);
  return rectify_sqlite_step_insert (self, stmt, error);
}

static gboolean
unit_update (RectifyStore *self, const RectifyUnit *u, gboolean *found, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "UPDATE unit SET credit_code = ?, name = ?, address = ?, district "
                               "= ?, industry = ?, crowded = ?,"
                               " legal_rep = ?, safety_manager = ?, phone = ? WHERE id = ?",
                               error);

  if (!stmt)
    return FALSE;
  bind_unit (stmt, u);
  sqlite3_bind_int64 (stmt, 10, u->id);
  return rectify_sqlite_step_update (self, stmt, found, error);
}

static gboolean
unit_remove (RectifyStore *self, gint64 id, gboolean *in_use, GError **error)
{
  return rectify_sqlite_delete_row (self, "DELETE FROM unit WHERE id = ?", id, in_use, error);
}

static RectifyUnit *
unit_get (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self, "SELECT " UNIT_COLUMNS " FROM unit WHERE id = ?", error);

  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return read_unit (stmt);
}

static gint64
unit_find (RectifyStore *self, gint64 id, const char *credit_code, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "SELECT id FROM unit WHERE credit_code = ?2 UNION ALL SELECT id "
                               "FROM unit WHERE id = ?1 LIMIT 1",
                               error);

  if (!stmt)
    return 0;
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  rectify_bind_text (stmt, 2, credit_code);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static const char *const unit_sorts[]
    = { "name",     "name",     "id",       "id",      "credit_code", "credit_code", "district",
        "district", "industry", "industry", "crowded", "crowded",     NULL };

static gboolean
unit_filter (const RectifyQuery *q, RectifyFilter *f, const char **order, GError **error)
{
  if (!rectify_sqlite_check_sort (unit_sorts, q, order, error))
    return FALSE;
  rectify_filter_init (f);
  if (q)
    {
      g_autofree char *match = rectify_fts_query (q->search);
      if (match)
        rectify_filter_add_match (f, "id", "unit_fts", match);
      if (q->district && *q->district)
        rectify_filter_add_text (f, "district = ?", q->district);
      if (q->industry && *q->industry)
        rectify_filter_add_text (f, "industry = ?", q->industry);
      if (q->crowded >= 0)
        rectify_filter_add_int (f, "crowded = ?", q->crowded ? 1 : 0);
    }
  return TRUE;
}

static GPtrArray *
unit_list (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error)
{
  RectifyFilter f;
  GPtrArray *rows;
  const char *order;

  if (!unit_filter (q, &f, &order, error))
    return NULL;
  rows = rectify_store_query_page (self, UNIT_COLUMNS, "unit", &f, order, q, read_unit,
                                   (GDestroyNotify)rectify_unit_free, total, error);
  rectify_filter_clear (&f);
  return rows;
}

static GArray *
unit_query_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  RectifyFilter f;
  GArray *ids;
  const char *order;

  if (!unit_filter (q, &f, &order, error))
    return NULL;
  ids = rectify_store_query_ids (self, "id", "unit", "unit", &f, order, q, error);
  rectify_filter_clear (&f);
  return ids;
}

static GPtrArray *
unit_get_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  return rectify_store_rows_by_ids (self, UNIT_COLUMNS, "unit", "id", read_unit,
                                    (GDestroyNotify)rectify_unit_free, ids, n_ids, error);
}

static char **
unit_list_values (RectifyStore *self, const char *field, GError **error)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  g_autoptr (RectifyStmt) stmt = NULL;
  const char *sql;

  if (g_strcmp0 (field, "district") == 0)
    sql = "SELECT DISTINCT district FROM unit WHERE district <> '' ORDER BY district";
  else if (g_strcmp0 (field, "industry") == 0)
    sql = "SELECT DISTINCT industry FROM unit WHERE industry <> '' ORDER BY industry";
  else
    g_return_val_if_reached (NULL);
  stmt = rectify_store_prepare (self, sql, error);
  if (!stmt)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (values, rectify_column_text (stmt, 0));
  g_ptr_array_add (values, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&values), FALSE);
}

static gboolean
unit_any (RectifyStore *self, GError **error)
{
  return rectify_sqlite_any (self, "SELECT 1 FROM unit LIMIT 1", error);
}

const RectifyStoreUnitOps rectify_sqlite_unit_ops = {
  .insert = unit_insert,
  .update = unit_update,
  .remove = unit_remove,
  .get = unit_get,
  .find = unit_find,
  .list = unit_list,
  .query_ids = unit_query_ids,
  .get_by_ids = unit_get_by_ids,
  .list_values = unit_list_values,
  .any = unit_any,
};
