/* rectify-pg-units.c: the SQL of units that use special equipment on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-units.h"

#define UNIT_COLUMNS                                                                               \
  "id, credit_code, name, address, district, industry, crowded, legal_rep, safety_manager, phone"

static gpointer
read_unit (const PGresult *r, int row)
{
  RectifyUnit *u = rectify_unit_new ();
  u->id = rectify_pg_int (r, row, 0);
  u->credit_code = rectify_pg_dup_text (r, row, 1);
  u->name = rectify_pg_dup_text (r, row, 2);
  u->address = rectify_pg_dup_text (r, row, 3);
  u->district = rectify_pg_dup_text (r, row, 4);
  u->industry = rectify_pg_dup_text (r, row, 5);
  u->crowded = (int)rectify_pg_int (r, row, 6);
  u->legal_rep = rectify_pg_dup_text (r, row, 7);
  u->safety_manager = rectify_pg_dup_text (r, row, 8);
  u->phone = rectify_pg_dup_text (r, row, 9);
  return u;
}

/* $1 … $9 the fields, $10 the search tokens */
static void
add_unit (RectifyPgParams *p, const RectifyUnit *u)
{
  const char *searched[] = { u->name ? u->name : "", u->credit_code ? u->credit_code : "",
                             u->address ? u->address : "", u->legal_rep ? u->legal_rep : "", NULL };
  g_autofree char *fts = rectify_pg_tsvector (searched);

  rectify_pg_add_text (p, u->credit_code);
  rectify_pg_add_text (p, u->name);
  rectify_pg_add_text (p, u->address);
  rectify_pg_add_text (p, u->district);
  rectify_pg_add_text (p, u->industry);
  rectify_pg_add_bool (p, u->crowded);
  rectify_pg_add_text (p, u->legal_rep);
  rectify_pg_add_text (p, u->safety_manager);
  rectify_pg_add_text (p, u->phone);
  rectify_pg_add_text (p, fts);
}

static gint64
unit_insert (RectifyStore *self, const RectifyUnit *u, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  gint64 id;

  add_unit (&p, u);
  rectify_pg_add_id_or_null (&p, u->id);
  id = rectify_pg_insert (self,
                          "INSERT INTO unit (credit_code, name, address, district, industry,"
                          " crowded, legal_rep, safety_manager, phone, fts, id)"
                          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::tsvector,"
                          " coalesce($11, nextval (pg_get_serial_sequence ('unit', 'id'))))"
                          " RETURNING id",
                          &p, error);
  /* a unit given its id: the numbering goes on after it */
  if (id > 0 && u->id > 0
      && !rectify_pg_run (self,
                          "SELECT setval (pg_get_serial_sequence ('unit', 'id'),"
                          " (SELECT max(id) FROM unit))",
                          NULL, error))
    return 0;
  return id;
}

static gboolean
unit_update (RectifyStore *self, const RectifyUnit *u, gboolean *found, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  add_unit (&p, u);
  rectify_pg_add_int (&p, u->id);
  return rectify_pg_update (self,
                            "UPDATE unit SET credit_code = $1, name = $2, address = $3,"
                            " district = $4, industry = $5, crowded = $6, legal_rep = $7,"
                            " safety_manager = $8, phone = $9, fts = $10::tsvector WHERE id = $11",
                            &p, found, error);
}

static gboolean
unit_remove (RectifyStore *self, gint64 id, gboolean *in_use, GError **error)
{
  return rectify_pg_delete_row (self, "DELETE FROM unit WHERE id = $1", id, in_use, error);
}

static RectifyUnit *
unit_get (RectifyStore *self, gint64 id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_int (&p, id);
  res = rectify_pg_exec (self, "SELECT " UNIT_COLUMNS " FROM unit WHERE id = $1", &p, error);
  if (res == NULL || PQntuples (res) == 0)
    return NULL;
  return read_unit (res, 0);
}

static gint64
unit_find (RectifyStore *self, gint64 id, const char *credit_code, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  gint64 found = 0;

  rectify_pg_add_id_or_null (&p, id);
  rectify_pg_add_text (&p, credit_code);
  if (!rectify_pg_query_int (
          self,
          "SELECT id FROM (SELECT id, 0 AS o FROM unit WHERE credit_code = $2"
          " UNION ALL SELECT id, 1 FROM unit WHERE id = $1) f ORDER BY o LIMIT 1",
          &p, &found, error))
    return 0;
  return found;
}

static const char *const unit_sorts[]
    = { "name",     "name",     "id",       "id",      "credit_code", "credit_code", "district",
        "district", "industry", "industry", "crowded", "crowded",     NULL };

static gboolean
unit_filter (const RectifyQuery *q, RectifyPgFilter *f, const char **order, GError **error)
{
  if (!rectify_pg_check_sort (unit_sorts, q, order, error))
    return FALSE;
  rectify_pg_filter_init (f);
  if (q)
    {
      rectify_pg_filter_add_search (f, "fts", q->search);
      if (q->district && *q->district)
        rectify_pg_filter_add_text (f, "district = ?", q->district);
      if (q->industry && *q->industry)
        rectify_pg_filter_add_text (f, "industry = ?", q->industry);
      if (q->crowded >= 0)
        rectify_pg_filter_add_int (f, "crowded = ?", q->crowded ? 1 : 0);
    }
  return TRUE;
}

static GPtrArray *
unit_list (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error)
{
  RectifyPgFilter f;
  GPtrArray *rows;
  const char *order;

  if (!unit_filter (q, &f, &order, error))
    return NULL;
  rows = rectify_pg_query_page (self, UNIT_COLUMNS, "unit", &f, order, q, read_unit,
                                (GDestroyNotify)rectify_unit_free, total, error);
  rectify_pg_filter_clear (&f);
  return rows;
}

static GArray *
unit_query_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  RectifyPgFilter f;
  GArray *ids;
  const char *order;

  if (!unit_filter (q, &f, &order, error))
    return NULL;
  ids = rectify_pg_query_ids (self, "id", "unit", "unit", &f, order, q, error);
  rectify_pg_filter_clear (&f);
  return ids;
}

static GPtrArray *
unit_get_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  return rectify_pg_rows_by_ids (self, UNIT_COLUMNS, "unit", "id", read_unit,
                                 (GDestroyNotify)rectify_unit_free, ids, n_ids, error);
}

static char **
unit_list_values (RectifyStore *self, const char *field, GError **error)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  g_autoptr (PGresult) res = NULL;
  const char *sql;

  if (g_strcmp0 (field, "district") == 0)
    sql = "SELECT DISTINCT district FROM unit WHERE district <> '' ORDER BY district";
  else if (g_strcmp0 (field, "industry") == 0)
    sql = "SELECT DISTINCT industry FROM unit WHERE industry <> '' ORDER BY industry";
  else
    g_return_val_if_reached (NULL);
  res = rectify_pg_exec (self, sql, NULL, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    g_ptr_array_add (values, rectify_pg_dup_text (res, i, 0));
  g_ptr_array_add (values, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&values), FALSE);
}

static gboolean
unit_any (RectifyStore *self, GError **error)
{
  return rectify_pg_any (self, "SELECT 1 FROM unit LIMIT 1", NULL, error);
}

const RectifyStoreUnitOps rectify_pg_unit_ops = {
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
