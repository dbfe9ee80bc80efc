/* rectify-sqlite-operators.c: the operator table
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-operators.h"
#include "rectify-validate.h"

#define OPERATOR_COLUMNS                                                                           \
  "o.id, o.unit_id, o.name, o.id_number, o.cert_no, o.cert_category, o.cert_expiry, u.name"
#define OPERATOR_FROM "operator o JOIN unit u ON u.id = o.unit_id"

static gpointer
read_operator (RectifyStmt *stmt)
{
  RectifyOperator *o = rectify_operator_new ();
  o->id = sqlite3_column_int64 (stmt, 0);
  o->unit_id = sqlite3_column_int64 (stmt, 1);
  o->name = rectify_column_text (stmt, 2);
  o->id_number = rectify_column_text (stmt, 3);
  o->cert_no = rectify_column_text (stmt, 4);
  o->cert_category = rectify_column_text (stmt, 5);
  o->cert_expiry = rectify_column_text_or_null (stmt, 6);
  o->unit_name = rectify_column_text (stmt, 7);
  return o;
}

static void
bind_operator (RectifyStmt *stmt, const RectifyOperator *op)
{
  sqlite3_bind_int64 (stmt, 1, op->unit_id);
  rectify_bind_text (stmt, 2, op->name);
  rectify_bind_text (stmt, 3, op->id_number);
  rectify_bind_text (stmt, 4, op->cert_no);
  rectify_bind_text (stmt, 5, op->cert_category);
  rectify_bind_text_or_null (stmt, 6, op->cert_expiry);
}

static gint64
operator_insert (RectifyStore *self, const RectifyOperator *op, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self,
      "INSERT INTO operator (unit_id, name, id_number, cert_no, cert_category, cert_expiry, id)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)",
      error);

  if (!stmt)
    return 0;
  bind_operator (stmt, op);
  rectify_bind_id_or_null (stmt, 7, op->id);
  return rectify_sqlite_step_insert (self, stmt, error);
}

static gboolean
operator_update (RectifyStore *self, const RectifyOperator *op, gboolean *found, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "UPDATE operator SET unit_id = ?, name = ?, id_number = ?, cert_no "
                               "= ?, cert_category = ?, cert_expiry = ?"
                               " WHERE id = ?",
                               error);

  if (!stmt)
    return FALSE;
  bind_operator (stmt, op);
  sqlite3_bind_int64 (stmt, 7, op->id);
  return rectify_sqlite_step_update (self, stmt, found, error);
}

static gboolean
operator_remove (RectifyStore *self, gint64 id, gboolean *in_use, GError **error)
{
  return rectify_sqlite_delete_row (self, "DELETE FROM operator WHERE id = ?", id, in_use, error);
}

static RectifyOperator *
operator_get (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "SELECT " OPERATOR_COLUMNS " FROM " OPERATOR_FROM " WHERE o.id = ?", error);

  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return read_operator (stmt);
}

static const char *const operator_sorts[]
    = { "name", "o.name", "id", "o.id", "cert_expiry", "o.cert_expiry", "unit", "u.name", NULL };

static gboolean
operator_filter (const RectifyQuery *q, RectifyFilter *f, const char **order, GError **error)
{
  if (!rectify_sqlite_check_sort (operator_sorts, q, order, error))
    return FALSE;
  rectify_filter_init (f);
  if (q)
    {
      if (q->search && *q->search)
        {
          /* operators are few per unit: names and certificates by substring */
          g_autofree char *like = g_strdup_printf ("%%%s%%", q->search);
          rectify_filter_add_texts (f, "o.name LIKE ?1 OR o.cert_no LIKE ?1", like, NULL);
        }
      if (q->unit_id > 0)
        rectify_filter_add_int (f, "o.unit_id = ?", q->unit_id);
      if (q->licence_expired)
        {
          g_autofree char *today = q->as_of ? g_strdup (q->as_of) : rectify_today ();
          rectify_filter_add_text (f, "o.cert_expiry < ?", today);
        }
    }
  return TRUE;
}

static GPtrArray *
operator_list (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error)
{
  RectifyFilter f;
  GPtrArray *rows;
  const char *order;

  if (!operator_filter (q, &f, &order, error))
    return NULL;
  rows = rectify_store_query_page (self, OPERATOR_COLUMNS, OPERATOR_FROM, &f, order, q,
                                   read_operator, (GDestroyNotify)rectify_operator_free, total,
                                   error);
  rectify_filter_clear (&f);
  return rows;
}

static GArray *
operator_query_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  RectifyFilter f;
  GArray *ids;
  const char *order;

  if (!operator_filter (q, &f, &order, error))
    return NULL;
  ids = rectify_store_query_ids (self, "o.id", OPERATOR_FROM, "operator o", &f, order, q, error);
  rectify_filter_clear (&f);
  return ids;
}

static GPtrArray *
operator_get_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  return rectify_store_rows_by_ids (self, OPERATOR_COLUMNS, OPERATOR_FROM, "o.id", read_operator,
                                    (GDestroyNotify)rectify_operator_free, ids, n_ids, error);
}

const RectifyStoreOperatorOps rectify_sqlite_operator_ops = {
  .insert = operator_insert,
  .update = operator_update,
  .remove = operator_remove,
  .get = operator_get,
  .list = operator_list,
  .query_ids = operator_query_ids,
  .get_by_ids = operator_get_by_ids,
};
