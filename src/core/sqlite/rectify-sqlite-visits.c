/* rectify-sqlite-visits.c: scheduled visits
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <string.h>

#include "rectify-sqlite-private.h"
#include "rectify-store-visits.h"

#define VISIT_COLUMNS                                                                              \
  "v.id, v.unit_id, v.hazard_id, v.kind, v.scheduled_on, v.due_date, coalesce(v.officer_id, 0),"   \
  " v.note, coalesce(v.done_inspection_id, 0), v.done_date, u.name, h.category, h.description, "   \
  "h.status"
#define VISIT_FROM                                                                                 \
  "scheduled_visit v JOIN unit u ON u.id = v.unit_id JOIN hazard h ON h.id = v.hazard_id"

/* a file held at an older version for an upgrade test has no visits */
static gboolean
has_visits (RectifyStore *self)
{
  return rectify_store_get_schema_version (self) >= RECTIFY_SCHEMA_SCHEDULED_VISIT;
}

static gpointer
read_visit (RectifyStmt *stmt)
{
  RectifyScheduledVisit *v = rectify_scheduled_visit_new ();

  v->id = sqlite3_column_int64 (stmt, 0);
  v->unit_id = sqlite3_column_int64 (stmt, 1);
  v->hazard_id = sqlite3_column_int64 (stmt, 2);
  rectify_visit_kind_from_code ((const char *)sqlite3_column_text (stmt, 3), &v->kind);
  v->scheduled_on = rectify_column_text (stmt, 4);
  v->due_date = rectify_column_text (stmt, 5);
  v->officer_id = sqlite3_column_int64 (stmt, 6);
  v->note = rectify_column_text (stmt, 7);
  v->done_inspection_id = sqlite3_column_int64 (stmt, 8);
  v->done_date = rectify_column_text_or_null (stmt, 9);
  v->unit_name = rectify_column_text (stmt, 10);
  v->hazard_category = rectify_column_text (stmt, 11);
  v->hazard_content = rectify_column_text (stmt, 12);
  rectify_hazard_status_from_code ((const char *)sqlite3_column_text (stmt, 13), &v->hazard_status);
  return v;
}

static gint64
visit_insert (RectifyStore *self, const RectifyScheduledVisit *v, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "INSERT INTO scheduled_visit (unit_id, hazard_id, kind, "
                               "scheduled_on, due_date, officer_id, note)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?)",
                               error);

  if (!stmt)
    return 0;
  sqlite3_bind_int64 (stmt, 1, v->unit_id);
  sqlite3_bind_int64 (stmt, 2, v->hazard_id);
  rectify_bind_text (stmt, 3, rectify_visit_kind_to_code (v->kind));
  rectify_bind_text (stmt, 4, v->scheduled_on);
  rectify_bind_text (stmt, 5, v->due_date);
  rectify_bind_id_or_null (stmt, 6, v->officer_id);
  rectify_bind_text (stmt, 7, v->note);
  if (!rectify_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (rectify_sqlite_db (self));
}

static RectifyScheduledVisit *
visit_get (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "SELECT " VISIT_COLUMNS " FROM " VISIT_FROM " WHERE v.id = ?", error);

  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return read_visit (stmt);
}

static gboolean
visit_delete (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self, "DELETE FROM scheduled_visit WHERE id = ?", error);

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return rectify_store_step_done (self, stmt, error);
}

static char *
visit_pending_due (RectifyStore *self, gint64 hazard_id, RectifyVisitKind kind, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "SELECT due_date FROM scheduled_visit WHERE hazard_id = ? AND kind "
                               "= ? AND done_inspection_id IS NULL",
                               error);

  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, hazard_id);
  rectify_bind_text (stmt, 2, rectify_visit_kind_to_code (kind));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return rectify_column_text (stmt, 0);
}

static GArray *
visit_list_pending (RectifyStore *self, gint64 unit_id, const char *day, int kind, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (RectifyStmt) stmt = NULL;
  int rc;

  if (!has_visits (self))
    return g_steal_pointer (&ids);
  if (kind < 0)
    stmt = rectify_store_prepare (self,
                                  "SELECT id FROM scheduled_visit WHERE unit_id = ? AND "
                                  "done_inspection_id IS NULL AND scheduled_on <= ?",
                                  error);
  else
    stmt = rectify_store_prepare (self,
                                  "SELECT id FROM scheduled_visit WHERE unit_id = ? AND "
                                  "done_inspection_id IS NULL AND scheduled_on <= ? AND kind = ?",
                                  error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  rectify_bind_text (stmt, 2, day);
  if (kind >= 0)
    rectify_bind_text (stmt, 3, rectify_visit_kind_to_code (kind));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      rectify_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
visit_mark_done (
    RectifyStore *self, gint64 id, gint64 inspection_id, const char *date, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "UPDATE scheduled_visit SET done_inspection_id = ?, done_date = ? WHERE id = ?", error);

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  rectify_bind_text (stmt, 2, date);
  sqlite3_bind_int64 (stmt, 3, id);
  return rectify_store_step_done (self, stmt, error);
}

static gboolean
visit_redate_done (
    RectifyStore *self, gint64 inspection_id, const char *date, gboolean *changed, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;

  *changed = FALSE;
  if (!has_visits (self))
    return TRUE;
  stmt = rectify_store_prepare (self,
                                "UPDATE scheduled_visit SET done_date = ?1 WHERE "
                                "done_inspection_id = ?2 AND done_date IS NOT ?1",
                                error);
  if (!stmt)
    return FALSE;
  rectify_bind_text (stmt, 1, date);
  sqlite3_bind_int64 (stmt, 2, inspection_id);
  if (!rectify_store_step_done (self, stmt, error))
    return FALSE;
  *changed = sqlite3_changes (rectify_sqlite_db (self)) > 0;
  return TRUE;
}

static gboolean
visit_get_done (RectifyStore *self, gint64 inspection_id, RectifyVisitsDone *out, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;

  memset (out, 0, sizeof *out);
  if (!has_visits (self))
    return TRUE;
  stmt = rectify_store_prepare (
      self,
      "SELECT count(*), count(CASE WHEN kind = 'back_check' THEN 1 END), max(scheduled_on)"
      " FROM scheduled_visit WHERE done_inspection_id = ?",
      error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      out->n_done = sqlite3_column_int64 (stmt, 0);
      out->n_back_checks = sqlite3_column_int64 (stmt, 1);
      out->latest_scheduled_on = rectify_column_text_or_null (stmt, 2);
    }
  return TRUE;
}

static GArray *
visit_get_done_range (
    RectifyStore *self, gint64 first_id, gint64 last_id, GArray *inspection_ids, GError **error)
{
  g_autoptr (GArray) done = g_array_new (FALSE, TRUE, sizeof (RectifyVisitsDone));
  g_autoptr (RectifyStmt) stmt = NULL;

  if (!has_visits (self))
    return g_steal_pointer (&done);
  stmt = rectify_store_prepare (
      self,
      "SELECT done_inspection_id, count(*), count(CASE WHEN kind = 'back_check' THEN 1 END),"
      " max(scheduled_on) FROM scheduled_visit WHERE done_inspection_id BETWEEN ? AND ?"
      " GROUP BY done_inspection_id ORDER BY done_inspection_id",
      error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, first_id);
  sqlite3_bind_int64 (stmt, 2, last_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      RectifyVisitsDone d = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                              rectify_column_text_or_null (stmt, 3) };
      g_array_append_val (inspection_ids, id);
      g_array_append_val (done, d);
    }
  return g_steal_pointer (&done);
}

static const char *const visit_orders[] = {
  [RECTIFY_VISIT_SORT_DUE_DATE] = "v.due_date",
  [RECTIFY_VISIT_SORT_ID] = "v.id",
  [RECTIFY_VISIT_SORT_UNIT] = "u.name",
};

static void
visit_filter (const RectifyQuery *q, const char *day, RectifyFilter *f)
{
  rectify_filter_init (f);
  if (q)
    {
      g_autofree char *match = rectify_fts_query (q->search);

      if (match)
        rectify_filter_add_text (
            f, "v.unit_id IN (SELECT rowid FROM unit_fts WHERE unit_fts MATCH ?)", match);
      if (q->unit_id > 0)
        rectify_filter_add_int (f, "v.unit_id = ?", q->unit_id);
      if (q->kind >= 0 && q->kind < RECTIFY_N_VISIT_KINDS)
        rectify_filter_add_text (f, "v.kind = ?", rectify_visit_kind_to_code (q->kind));
      if (q->status == 0)
        rectify_filter_add (f, "v.done_inspection_id IS NULL");
      else if (q->status == 1)
        rectify_filter_add (f, "v.done_inspection_id IS NOT NULL");
      if (q->overdue)
        rectify_filter_add_text (f, "v.done_inspection_id IS NULL AND v.due_date < ?", day);
    }
}

static GArray *
visit_query_ids (RectifyStore *self,
                 const RectifyQuery *q,
                 RectifyVisitSort sort,
                 const char *day,
                 GError **error)
{
  RectifyFilter f;
  GArray *ids;

  visit_filter (q, day, &f);
  ids = rectify_store_query_ids (self, "v.id", "scheduled_visit v JOIN unit u ON u.id = v.unit_id",
                                 "scheduled_visit v", &f, visit_orders[sort], q, error);
  rectify_filter_clear (&f);
  return ids;
}

static GPtrArray *
visit_get_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  return rectify_store_rows_by_ids (self, VISIT_COLUMNS, VISIT_FROM, "v.id", read_visit,
                                    (GDestroyNotify)rectify_scheduled_visit_free, ids, n_ids,
                                    error);
}

static GPtrArray *
visit_list (RectifyStore *self,
            const RectifyQuery *q,
            RectifyVisitSort sort,
            const char *day,
            gint64 *total,
            GError **error)
{
  RectifyFilter f;
  GPtrArray *rows;

  visit_filter (q, day, &f);
  rows = rectify_store_query_page (self, VISIT_COLUMNS, VISIT_FROM, &f, visit_orders[sort], q,
                                   read_visit, (GDestroyNotify)rectify_scheduled_visit_free, total,
                                   error);
  rectify_filter_clear (&f);
  return rows;
}

const RectifyStoreVisitOps rectify_sqlite_visit_ops = {
  .insert = visit_insert,
  .get = visit_get,
  .delete = visit_delete,
  .pending_due = visit_pending_due,
  .list_pending = visit_list_pending,
  .mark_done = visit_mark_done,
  .redate_done = visit_redate_done,
  .get_done = visit_get_done,
  .get_done_range = visit_get_done_range,
  .query_ids = visit_query_ids,
  .get_by_ids = visit_get_by_ids,
  .list = visit_list,
};
