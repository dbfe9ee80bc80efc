/* rectify-pg-operators.c: the operator table
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-operators.h"
#include "rectify-validate.h"

#define OPERATOR_COLUMNS                                                                           \
  "o.id, o.unit_id, o.name, o.id_number, o.cert_no, o.cert_category, o.cert_expiry, u.name"
#define OPERATOR_FROM "operator o JOIN unit u ON u.id = o.unit_id"

static gpointer
read_operator (const PGresult *r, int row)
{
  RectifyOperator *o = rectify_operator_new ();
  o->id = rectify_pg_int (r, row, 0);
  o->unit_id = rectify_pg_int (r, row, 1);
  o->name = rectify_pg_dup_text (r, row, 2);
  o->id_number = rectify_pg_dup_text (r, row, 3);
  o->cert_no = rectify_pg_dup_text (r, row, 4);
  o->cert_category = rectify_pg_dup_text (r, row, 5);
  o->cert_expiry = rectify_pg_dup_text_or_null (r, row, 6);
  o->unit_name = rectify_pg_dup_text (r, row, 7);
  return o;
}

static void
add_operator (RectifyPgParams *p, const RectifyOperator *op)
{
  rectify_pg_add_int (p, op->unit_id);
  rectify_pg_add_text (p, op->name);
  rectify_pg_add_text (p, op->id_number);
  rectify_pg_add_text (p, op->cert_no);
  rectify_pg_add_text (p, op->cert_category);
  rectify_pg_add_date (p, op->cert_expiry);
}

static gint64
operator_insert (RectifyStore *self, const RectifyOperator *op, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  gint64 id;

  add_operator (&p, op);
  rectify_pg_add_id_or_null (&p, op->id);
  id = rectify_pg_insert (
      self,
      "INSERT INTO operator (unit_id, name, id_number, cert_no, cert_category, cert_expiry, id)"
      " VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, nextval (pg_get_serial_sequence ('operator', "
      "'id')))) RETURNING id",
      &p, error);
  if (id > 0 && op->id > 0
      && !rectify_pg_run (self,
                          "SELECT setval (pg_get_serial_sequence ('operator', 'id'),"
                          " (SELECT max(id) FROM operator))",
                          NULL, error))
    return 0;
  return id;
}

static gboolean
operator_update (RectifyStore *self, const RectifyOperator *op, gboolean *found, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  add_operator (&p, op);
  rectify_pg_add_int (&p, op->id);
  return rectify_pg_update (self,
                            "UPDATE operator SET unit_id = $1, name = $2, id_number = $3,"
                            " cert_no = $4, cert_category = $5, cert_expiry = $6 WHERE id = $7",
                            &p, found, error);
}

static gboolean
operator_remove (RectifyStore *self, gint64 id, gboolean *in_use, GError **error)
{
  return rectify_pg_delete_row (self, "DELETE FROM operator WHERE id = $1", id, in_use, error);
}

static RectifyOperator *
operator_get (RectifyStore *self, gint64 id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_int (&p, id);
  res = rectify_pg_exec (self, "SELECT " OPERATOR_COLUMNS " FROM " OPERATOR_FROM " WHERE o.id = $1",
                         &p, error);
  if (res == NULL || PQntuples (res) == 0)
    return NULL;
  return read_operator (res, 0);
}

static const char *const operator_sorts[]
    = { "name", "o.name", "id", "o.id", "cert_expiry", "o.cert_expiry", "unit", "u.name", NULL };

static gboolean
operator_filter (const RectifyQuery *q, RectifyPgFilter *f, const char **order, GError **error)
{
  if (!rectify_pg_check_sort (operator_sorts, q, order, error))
    return FALSE;
  rectify_pg_filter_init (f);
  if (q)
    {
      if (q->search && *q->search)
        {
          /* operators are few per unit: names and certificates by substring,
           * ASCII letters in any case as SQLite's LIKE, no escape character */
          g_autofree char *like = g_strdup_printf ("%%%s%%", q->search);
          rectify_pg_filter_add_text_n (
              f, "o.name ILIKE ? ESCAPE '' OR o.cert_no ILIKE ? ESCAPE ''", 2, like);
        }
      if (q->unit_id > 0)
        rectify_pg_filter_add_int (f, "o.unit_id = ?", q->unit_id);
      if (q->licence_expired)
        {
          g_autofree char *today = q->as_of ? g_strdup (q->as_of) : rectify_today ();
          rectify_pg_filter_add_text (f, "o.cert_expiry < ?", today);
        }
    }
  return TRUE;
}

static GPtrArray *
operator_list (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error)
{
  RectifyPgFilter f;
  GPtrArray *rows;
  const char *order;

  if (!operator_filter (q, &f, &order, error))
    return NULL;
  rows = rectify_pg_query_page (self, OPERATOR_COLUMNS, OPERATOR_FROM, &f, order, q, read_operator,
                                (GDestroyNotify)rectify_operator_free, total, error);
  rectify_pg_filter_clear (&f);
  return rows;
}

static GArray *
operator_query_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  RectifyPgFilter f;
  GArray *ids;
  const char *order;

  if (!operator_filter (q, &f, &order, error))
    return NULL;
  ids = rectify_pg_query_ids (self, "o.id", OPERATOR_FROM, "operator o", &f, order, q, error);
  rectify_pg_filter_clear (&f);
  return ids;
}

static GPtrArray *
operator_get_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  return rectify_pg_rows_by_ids (self, OPERATOR_COLUMNS, OPERATOR_FROM, "o.id", read_operator,
                                 (GDestroyNotify)rectify_operator_free, ids, n_ids, error);
}

const RectifyStoreOperatorOps rectify_pg_operator_ops = {
  .insert = operator_insert,
  .update = operator_update,
  .remove = operator_remove,
  .get = operator_get,
  .list = operator_list,
  .query_ids = operator_query_ids,
  .get_by_ids = operator_get_by_ids,
};
