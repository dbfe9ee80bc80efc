/* rectify-pg-equipment.c: the SQL of registered special equipment on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-equipment.h"
#include "rectify-validate.h"

#define EQUIPMENT_COLUMNS                                                                          \
  "e.id, e.unit_id, e.category, coalesce(e.code, ''), e.reg_cert, e.variety, e.location,"          \
  " e.status, e.registered_user, e.quantity, e.last_inspection, e.next_inspection,"                \
  " e.postponed_until, u.name"
#define EQUIPMENT_FROM "equipment e JOIN unit u ON u.id = e.unit_id"

static gpointer
read_equipment (const PGresult *r, int row)
{
  RectifyEquipment *e = rectify_equipment_new ();
  e->id = rectify_pg_int (r, row, 0);
  e->unit_id = rectify_pg_int (r, row, 1);
  e->category = (int)rectify_pg_int (r, row, 2);
  e->code = rectify_pg_dup_text (r, row, 3);
  e->reg_cert = rectify_pg_dup_text (r, row, 4);
  e->variety = rectify_pg_dup_text (r, row, 5);
  e->location = rectify_pg_dup_text (r, row, 6);
  rectify_equipment_status_from_code (rectify_pg_text (r, row, 7), &e->status);
  e->registered_user = rectify_pg_dup_text (r, row, 8);
  e->quantity = (int)rectify_pg_int (r, row, 9);
  e->last_inspection = rectify_pg_dup_text_or_null (r, row, 10);
  e->next_inspection = rectify_pg_dup_text_or_null (r, row, 11);
  e->postponed_until = rectify_pg_dup_text_or_null (r, row, 12);
  e->unit_name = rectify_pg_dup_text (r, row, 13);
  return e;
}

/* $1 … $12 the fields, $13 the search tokens */
static void
add_equipment (RectifyPgParams *p, const RectifyEquipment *e)
{
  const char *searched[] = { e->variety ? e->variety : "", e->location ? e->location : "", NULL };
  g_autofree char *fts = rectify_pg_tsvector (searched);

  rectify_pg_add_int (p, e->unit_id);
  rectify_pg_add_int (p, e->category);
  rectify_pg_add_text_or_null (p, e->code);
  rectify_pg_add_text (p, e->reg_cert);
  rectify_pg_add_text (p, e->variety);
  rectify_pg_add_text (p, e->location);
  rectify_pg_add_text (p, rectify_equipment_status_to_code (e->status));
  rectify_pg_add_text (p, e->registered_user);
  rectify_pg_add_int (p, e->quantity);
  rectify_pg_add_date (p, e->last_inspection);
  rectify_pg_add_date (p, e->next_inspection);
  rectify_pg_add_date (p, e->postponed_until);
  rectify_pg_add_text (p, fts);
}

static gint64
equipment_insert (RectifyStore *self, const RectifyEquipment *e, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  gint64 id;

  add_equipment (&p, e);
  rectify_pg_add_id_or_null (&p, e->id);
  id = rectify_pg_insert (
      self,
      "INSERT INTO equipment (unit_id, category, code, reg_cert, variety, location, status,"
      " registered_user, quantity, last_inspection, next_inspection, postponed_until, fts, id)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::tsvector,"
      " coalesce($14, nextval (pg_get_serial_sequence ('equipment', 'id')))) RETURNING id",
      &p, error);
  if (id > 0 && e->id > 0
      && !rectify_pg_run (self,
                          "SELECT setval (pg_get_serial_sequence ('equipment', 'id'),"
                          " (SELECT max(id) FROM equipment))",
                          NULL, error))
    return 0;
  return id;
}

static gboolean
equipment_update (RectifyStore *self, const RectifyEquipment *e, gboolean *found, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  add_equipment (&p, e);
  rectify_pg_add_int (&p, e->id);
  return rectify_pg_update (
      self,
      "UPDATE equipment SET unit_id = $1, category = $2, code = $3, reg_cert = $4, variety = $5,"
      " location = $6, status = $7, registered_user = $8, quantity = $9, last_inspection = $10,"
      " next_inspection = $11, postponed_until = $12, fts = $13::tsvector WHERE id = $14",
      &p, found, error);
}

static gboolean
equipment_remove (RectifyStore *self, gint64 id, gboolean *in_use, GError **error)
{
  return rectify_pg_delete_row (self, "DELETE FROM equipment WHERE id = $1", id, in_use, error);
}

static RectifyEquipment *
equipment_get (RectifyStore *self, gint64 id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_int (&p, id);
  res = rectify_pg_exec (
      self, "SELECT " EQUIPMENT_COLUMNS " FROM " EQUIPMENT_FROM " WHERE e.id = $1", &p, error);
  if (res == NULL || PQntuples (res) == 0)
    return NULL;
  return read_equipment (res, 0);
}

static const char *const equipment_sorts[]
    = { "id",         "e.id",   "code",     "e.code",          "category",
        "e.category", "status", "e.status", "next_inspection", "e.next_inspection",
        "unit",       "u.name", "location", "e.location",      NULL };

/* Codes and certificate numbers are found by prefix through their B-tree
 * indices, from six characters on; words of the variety and location
 * through the search index (as the SQLite backend does). */
static void
add_equipment_search (RectifyPgFilter *f, const char *search)
{
  g_autofree char *query = rectify_pg_tsquery (search);
  g_autofree char *prefix = NULL;
  g_autofree char *upper = NULL;

  if (query == NULL)
    return;
  prefix = g_ascii_strup (search, -1);
  g_strstrip (prefix);
  if (g_utf8_strlen (prefix, -1) < 6)
    {
      rectify_pg_filter_add_text (f, "e.fts @@ ?::tsquery", query);
      return;
    }
  /* every text starting with prefix sorts below prefix + U+10FFFF (COLLATE "C") */
  upper = g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);
  rectify_pg_filter_add_texts (
      f,
      "(e.code >= ? AND e.code < ?) OR (e.reg_cert >= ? AND e.reg_cert < ?)"
      " OR e.fts @@ ?::tsquery",
      prefix, upper, prefix, upper, query, NULL);
}

static gboolean
equipment_filter (const RectifyQuery *q, RectifyPgFilter *f, const char **order, GError **error)
{
  if (!rectify_pg_check_sort (equipment_sorts, q, order, error))
    return FALSE;
  rectify_pg_filter_init (f);
  if (q)
    {
      if (q->search)
        add_equipment_search (f, q->search);
      if (q->unit_id > 0)
        rectify_pg_filter_add_int (f, "e.unit_id = ?", q->unit_id);
      if (q->category > 0)
        rectify_pg_filter_add_int (f, "e.category = ?", q->category);
      if (q->status >= 0)
        rectify_pg_filter_add_text (f, "e.status = ?",
                                    rectify_equipment_status_to_code (q->status));
      if (q->inspection_overdue)
        {
          g_autofree char *today = q->as_of ? g_strdup (q->as_of) : rectify_today ();
          rectify_pg_filter_add (f, "e.status = 'in_use'");
          rectify_pg_filter_add_text_n (
              f,
              "e.next_inspection IS NULL OR (e.next_inspection < ?"
              " AND (e.postponed_until IS NULL OR e.postponed_until < ?))",
              2, today);
        }
      if (q->user_differs)
        rectify_pg_filter_add (f, "e.registered_user <> '' AND e.registered_user <> u.name");
    }
  return TRUE;
}

static GPtrArray *
equipment_list (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error)
{
  RectifyPgFilter f;
  GPtrArray *rows;
  const char *order;

  if (!equipment_filter (q, &f, &order, error))
    return NULL;
  rows = rectify_pg_query_page (self, EQUIPMENT_COLUMNS, EQUIPMENT_FROM, &f, order, q,
                                read_equipment, (GDestroyNotify)rectify_equipment_free, total,
                                error);
  rectify_pg_filter_clear (&f);
  return rows;
}

static GArray *
equipment_query_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  RectifyPgFilter f;
  GArray *ids;
  const char *order;

  if (!equipment_filter (q, &f, &order, error))
    return NULL;
  ids = rectify_pg_query_ids (self, "e.id", EQUIPMENT_FROM, "equipment e", &f, order, q, error);
  rectify_pg_filter_clear (&f);
  return ids;
}

static GPtrArray *
equipment_get_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  return rectify_pg_rows_by_ids (self, EQUIPMENT_COLUMNS, EQUIPMENT_FROM, "e.id", read_equipment,
                                 (GDestroyNotify)rectify_equipment_free, ids, n_ids, error);
}

const RectifyStoreEquipmentOps rectify_pg_equipment_ops = {
  .insert = equipment_insert,
  .update = equipment_update,
  .remove = equipment_remove,
  .get = equipment_get,
  .list = equipment_list,
  .query_ids = equipment_query_ids,
  .get_by_ids = equipment_get_by_ids,
};
