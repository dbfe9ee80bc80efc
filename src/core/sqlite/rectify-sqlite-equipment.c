/* rectify-sqlite-equipment.c: the equipment table
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-equipment.h"
#include "rectify-validate.h"

#define EQUIPMENT_COLUMNS                                                                          \
  "e.id, e.unit_id, e.category, coalesce(e.code, ''), e.reg_cert, e.variety, e.location,"          \
  " e.status, e.registered_user, e.quantity, e.last_inspection, e.next_inspection,"                \
  " e.postponed_until, u.name"
#define EQUIPMENT_FROM "equipment e JOIN unit u ON u.id = e.unit_id"

static gpointer
read_equipment (RectifyStmt *stmt)
{
  RectifyEquipment *e = rectify_equipment_new ();
  e->id = sqlite3_column_int64 (stmt, 0);
  e->unit_id = sqlite3_column_int64 (stmt, 1);
  e->category = sqlite3_column_int (stmt, 2);
  e->code = rectify_column_text (stmt, 3);
  e->reg_cert = rectify_column_text (stmt, 4);
  e->variety = rectify_column_text (stmt, 5);
  e->location = rectify_column_text (stmt, 6);
  rectify_equipment_status_from_code ((const char *)sqlite3_column_text (stmt, 7), &e->status);
  e->registered_user = rectify_column_text (stmt, 8);
  e->quantity = sqlite3_column_int (stmt, 9);
  e->last_inspection = rectify_column_text_or_null (stmt, 10);
  e->next_inspection = rectify_column_text_or_null (stmt, 11);
  e->postponed_until = rectify_column_text_or_null (stmt, 12);
  e->unit_name = rectify_column_text (stmt, 13);
  return e;
}

static void
bind_equipment (RectifyStmt *stmt, const RectifyEquipment *e)
{
  sqlite3_bind_int64 (stmt, 1, e->unit_id);
  sqlite3_bind_int (stmt, 2, e->category);
  rectify_bind_text_or_null (stmt, 3, e->code);
  rectify_bind_text (stmt, 4, e->reg_cert);
  rectify_bind_text (stmt, 5, e->variety);
  rectify_bind_text (stmt, 6, e->location);
  rectify_bind_text (stmt, 7, rectify_equipment_status_to_code (e->status));
  rectify_bind_text (stmt, 8, e->registered_user);
  sqlite3_bind_int (stmt, 9, e->quantity);
  rectify_bind_text_or_null (stmt, 10, e->last_inspection);
  rectify_bind_text_or_null (stmt, 11, e->next_inspection);
  rectify_bind_text_or_null (stmt, 12, e->postponed_until);
}

static gint64
equipment_insert (RectifyStore *self, const RectifyEquipment *e, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "INSERT INTO equipment (unit_id, category, code, reg_cert, "
                               "variety, location, status, registered_user,"
                               " quantity, last_inspection, next_inspection, postponed_until, id) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               error);

  if (!stmt)
    return 0;
  bind_equipment (stmt, e);
  rectify_bind_id_or_null (stmt, 13, e->id);
  return rectify_sqlite_step_insert (self, stmt, error);
}

static gboolean
equipment_update (RectifyStore *self, const RectifyEquipment *e, gboolean *found, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self,
      "UPDATE equipment SET unit_id = ?, category = ?, code = ?, reg_cert = ?, variety = ?, "
      "location = ?,"
      " status = ?, registered_user = ?, quantity = ?, last_inspection = ?, next_inspection = ?,"
      " postponed_until = ? WHERE id = ?",
      error);

  if (!stmt)
    return FALSE;
  bind_equipment (stmt, e);
  sqlite3_bind_int64 (stmt, 13, e->id);
  return rectify_sqlite_step_update (self, stmt, found, error);
}

static gboolean
equipment_remove (RectifyStore *self, gint64 id, gboolean *in_use, GError **error)
{
  return rectify_sqlite_delete_row (self, "DELETE FROM equipment WHERE id = ?", id, in_use, error);
}

static RectifyEquipment *
equipment_get (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "SELECT " EQUIPMENT_COLUMNS " FROM " EQUIPMENT_FROM " WHERE e.id = ?", error);

  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return read_equipment (stmt);
}

static const char *const equipment_sorts[]
    = { "id",         "e.id",   "code",     "e.code",          "category",
        "e.category", "status", "e.status", "next_inspection", "e.next_inspection",
        "unit",       "u.name", "location", "e.location",      NULL };

/* Codes and certificate numbers are found by prefix through their B-tree
 * indices (a code prefix can match half a city's items, too many terms for
 * the search index), from six characters on; words of the variety and
 * location through the search index. */
static void
add_equipment_search (RectifyFilter *f, const char *search)
{
  g_autofree char *match = rectify_fts_query (search);
  g_autofree char *prefix = NULL;
  g_autofree char *upper = NULL;

  if (match == NULL)
    return;
  prefix = g_ascii_strup (search, -1);
  g_strstrip (prefix);
  /* a shorter prefix (a variety code such as 3110) is no search for an item */
  if (g_utf8_strlen (prefix, -1) < 6)
    {
      rectify_filter_add_match (f, "e.id", "equipment_fts", match);
      return;
    }
  /* every text starting with prefix sorts below prefix + U+10FFFF */
  upper = g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);
  rectify_filter_add (f,
                      "(e.code >= ? AND e.code < ?) OR (e.reg_cert >= ? AND e.reg_cert < ?)"
                      " OR e.id IN (SELECT rowid FROM equipment_fts WHERE equipment_fts MATCH ?)");
  for (int i = 0; i < 2; i++)
    {
      RectifyArg lo = { TRUE, 0, g_strdup (prefix) };
      RectifyArg hi = { TRUE, 0, g_strdup (upper) };
      g_array_append_val (f->args, lo);
      g_array_append_val (f->args, hi);
    }
  {
    RectifyArg m = { TRUE, 0, g_steal_pointer (&match) };
    g_array_append_val (f->args, m);
  }
}

static gboolean
equipment_filter (const RectifyQuery *q, RectifyFilter *f, const char **order, GError **error)
{
  if (!rectify_sqlite_check_sort (equipment_sorts, q, order, error))
    return FALSE;
  rectify_filter_init (f);
  if (q)
    {
      if (q->search)
        add_equipment_search (f, q->search);
      if (q->unit_id > 0)
        rectify_filter_add_int (f, "e.unit_id = ?", q->unit_id);
      if (q->category > 0)
        rectify_filter_add_int (f, "e.category = ?", q->category);
      if (q->status >= 0)
        rectify_filter_add_text (f, "e.status = ?", rectify_equipment_status_to_code (q->status));
      if (q->inspection_overdue)
        {
          g_autofree char *today = q->as_of ? g_strdup (q->as_of) : rectify_today ();
          /* in use, and next date missing or past, unless an approved postponement covers today */
          rectify_filter_add (f, "e.status = 'in_use'");
          rectify_filter_add_text_n (f,
                                     "e.next_inspection IS NULL OR (e.next_inspection < ?"
                                     " AND (e.postponed_until IS NULL OR e.postponed_until < ?))",
                                     2, today);
        }
      if (q->user_differs)
        rectify_filter_add (f, "e.registered_user <> '' AND e.registered_user <> u.name");
    }
  return TRUE;
}

static GPtrArray *
equipment_list (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error)
{
  RectifyFilter f;
  GPtrArray *rows;
  const char *order;

  if (!equipment_filter (q, &f, &order, error))
    return NULL;
  rows = rectify_store_query_page (self, EQUIPMENT_COLUMNS, EQUIPMENT_FROM, &f, order, q,
                                   read_equipment, (GDestroyNotify)rectify_equipment_free, total,
                                   error);
  rectify_filter_clear (&f);
  return rows;
}

static GArray *
equipment_query_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  RectifyFilter f;
  GArray *ids;
  const char *order;

  if (!equipment_filter (q, &f, &order, error))
    return NULL;
  ids = rectify_store_query_ids (self, "e.id", EQUIPMENT_FROM, "equipment e", &f, order, q, error);
  rectify_filter_clear (&f);
  return ids;
}

static GPtrArray *
equipment_get_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  return rectify_store_rows_by_ids (self, EQUIPMENT_COLUMNS, EQUIPMENT_FROM, "e.id", read_equipment,
                                    (GDestroyNotify)rectify_equipment_free, ids, n_ids, error);
}

const RectifyStoreEquipmentOps rectify_sqlite_equipment_ops = {
  .insert = equipment_insert,
  .update = equipment_update,
  .remove = equipment_remove,
  .get = equipment_get,
  .list = equipment_list,
  .query_ids = equipment_query_ids,
  .get_by_ids = equipment_get_by_ids,
};
