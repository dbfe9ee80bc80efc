/* rectify-pg-visits.c: the SQL of planned back-checks and re-inspections on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <string.h>

#include "rectify-pg-private.h"
#include "rectify-store-visits.h"

#define VISIT_COLUMNS                                                                              \
  "v.id, v.unit_id, v.hazard_id, v.kind, v.scheduled_on, v.due_date, coalesce(v.officer_id, 0),"   \
  " v.note, coalesce(v.done_inspection_id, 0), v.done_date, u.name, h.category, h.description, "   \
  "h.status"
#define VISIT_FROM                                                                                 \
  "scheduled_visit v JOIN unit u ON u.id = v.unit_id JOIN hazard h ON h.id = v.hazard_id"

static gpointer
read_visit (const PGresult *r, int row)
{
  RectifyScheduledVisit *v = rectify_scheduled_visit_new ();

  v->id = rectify_pg_int (r, row, 0);
  v->unit_id = rectify_pg_int (r, row, 1);
  v->hazard_id = rectify_pg_int (r, row, 2);
  rectify_visit_kind_from_code (rectify_pg_text (r, row, 3), &v->kind);
  v->scheduled_on = rectify_pg_dup_text (r, row, 4);
  v->due_date = rectify_pg_dup_text (r, row, 5);
  v->officer_id = rectify_pg_int (r, row, 6);
  v->note = rectify_pg_dup_text (r, row, 7);
  v->done_inspection_id = rectify_pg_int (r, row, 8);
  v->done_date = rectify_pg_dup_text_or_null (r, row, 9);
  v->unit_name = rectify_pg_dup_text (r, row, 10);
  v->hazard_category = rectify_pg_dup_text (r, row, 11);
  v->hazard_content = rectify_pg_dup_text (r, row, 12);
  rectify_hazard_status_from_code (rectify_pg_text (r, row, 13), &v->hazard_status);
  return v;
}

static gint64
visit_insert (RectifyStore *self, const RectifyScheduledVisit *v, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_int (&p, v->unit_id);
  rectify_pg_add_int (&p, v->hazard_id);
  rectify_pg_add_text (&p, rectify_visit_kind_to_code (v->kind));
  rectify_pg_add_text (&p, v->scheduled_on);
  rectify_pg_add_text (&p, v->due_date);
  rectify_pg_add_id_or_null (&p, v->officer_id);
  rectify_pg_add_text (&p, v->note);
  return rectify_pg_insert (self,
                            "INSERT INTO scheduled_visit (unit_id, hazard_id, kind, scheduled_on,"
                            " due_date, officer_id, note) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                            " RETURNING id",
                            &p, error);
}

static RectifyScheduledVisit *
visit_get (RectifyStore *self, gint64 id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_int (&p, id);
  res = rectify_pg_exec (self, "SELECT " VISIT_COLUMNS " FROM " VISIT_FROM " WHERE v.id = $1", &p,
                         error);
  if (res == NULL || PQntuples (res) == 0)
    return NULL;
  return read_visit (res, 0);
}

static gboolean
visit_delete (RectifyStore *self, gint64 id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_int (&p, id);
  return rectify_pg_run (self, "DELETE FROM scheduled_visit WHERE id = $1", &p, error);
}

static char *
visit_pending_due (RectifyStore *self, gint64 hazard_id, RectifyVisitKind kind, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_int (&p, hazard_id);
  rectify_pg_add_text (&p, rectify_visit_kind_to_code (kind));
  res = rectify_pg_exec (self,
                         "SELECT due_date FROM scheduled_visit WHERE hazard_id = $1 AND kind = $2"
                         " AND done_inspection_id IS NULL",
                         &p, error);
  if (res == NULL || PQntuples (res) == 0)
    return NULL;
  return rectify_pg_dup_text (res, 0, 0);
}

static GArray *
visit_list_pending (RectifyStore *self, gint64 unit_id, const char *day, int kind, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_int (&p, unit_id);
  rectify_pg_add_text (&p, day);
  if (kind < 0)
    return rectify_pg_select_ids (self,
                                  "SELECT id FROM scheduled_visit WHERE unit_id = $1 AND"
                                  " done_inspection_id IS NULL AND scheduled_on <= $2"
                                  " ORDER BY due_date, id",
                                  &p, NULL, error);
  rectify_pg_add_text (&p, rectify_visit_kind_to_code (kind));
  return rectify_pg_select_ids (self,
                                "SELECT id FROM scheduled_visit WHERE unit_id = $1 AND"
                                " done_inspection_id IS NULL AND scheduled_on <= $2 AND kind = $3"
                                " ORDER BY due_date, id",
                                &p, NULL, error);
}

static gboolean
visit_mark_done (
    RectifyStore *self, gint64 id, gint64 inspection_id, const char *date, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_int (&p, inspection_id);
  rectify_pg_add_text (&p, date);
  rectify_pg_add_int (&p, id);
  return rectify_pg_run (
      self, "UPDATE scheduled_visit SET done_inspection_id = $1, done_date = $2 WHERE id = $3", &p,
      error);
}

static gboolean
visit_redate_done (
    RectifyStore *self, gint64 inspection_id, const char *date, gboolean *changed, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  *changed = FALSE;
  rectify_pg_add_text (&p, date);
  rectify_pg_add_int (&p, inspection_id);
  res = rectify_pg_exec (self,
                         "UPDATE scheduled_visit SET done_date = $1 WHERE done_inspection_id = $2"
                         " AND done_date IS DISTINCT FROM $1",
                         &p, error);
  if (res == NULL)
    return FALSE;
  *changed = g_ascii_strtoll (PQcmdTuples (res), NULL, 10) > 0;
  return TRUE;
}

static gboolean
visit_get_done (RectifyStore *self, gint64 inspection_id, RectifyVisitsDone *out, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  memset (out, 0, sizeof *out);
  rectify_pg_add_int (&p, inspection_id);
  res = rectify_pg_exec (
      self,
      "SELECT count(*), count(CASE WHEN kind = 'back_check' THEN 1 END), max(scheduled_on)"
      " FROM scheduled_visit WHERE done_inspection_id = $1",
      &p, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) > 0)
    {
      out->n_done = rectify_pg_int (res, 0, 0);
      out->n_back_checks = rectify_pg_int (res, 0, 1);
      out->latest_scheduled_on = rectify_pg_dup_text_or_null (res, 0, 2);
    }
  return TRUE;
}

static const char *const visit_orders[] = {
  [RECTIFY_VISIT_SORT_DUE_DATE] = "v.due_date",
  [RECTIFY_VISIT_SORT_ID] = "v.id",
  [RECTIFY_VISIT_SORT_UNIT] = "u.name",
};

static void
visit_filter (const RectifyQuery *q, const char *day, RectifyPgFilter *f)
{
  rectify_pg_filter_init (f);
  if (q)
    {
      g_autofree char *query = rectify_pg_tsquery (q->search);

      if (query)
        rectify_pg_filter_add_text (f, "v.unit_id IN (SELECT id FROM unit WHERE fts @@ ?::tsquery)",
                                    query);
      if (q->unit_id > 0)
        rectify_pg_filter_add_int (f, "v.unit_id = ?", q->unit_id);
      if (q->kind >= 0 && q->kind < RECTIFY_N_VISIT_KINDS)
        rectify_pg_filter_add_text (f, "v.kind = ?", rectify_visit_kind_to_code (q->kind));
      if (q->status == 0)
        rectify_pg_filter_add (f, "v.done_inspection_id IS NULL");
      else if (q->status == 1)
        rectify_pg_filter_add (f, "v.done_inspection_id IS NOT NULL");
      if (q->overdue)
        rectify_pg_filter_add_text (f, "v.done_inspection_id IS NULL AND v.due_date < ?", day);
    }
}

static GArray *
visit_query_ids (RectifyStore *self,
                 const RectifyQuery *q,
                 RectifyVisitSort sort,
                 const char *day,
                 GError **error)
{
  RectifyPgFilter f;
  GArray *ids;

  visit_filter (q, day, &f);
  ids = rectify_pg_query_ids (self, "v.id", "scheduled_visit v JOIN unit u ON u.id = v.unit_id",
                              "scheduled_visit v", &f, visit_orders[sort], q, error);
  rectify_pg_filter_clear (&f);
  return ids;
}

static GPtrArray *
visit_get_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  return rectify_pg_rows_by_ids (self, VISIT_COLUMNS, VISIT_FROM, "v.id", read_visit,
                                 (GDestroyNotify)rectify_scheduled_visit_free, ids, n_ids, error);
}

static GPtrArray *
visit_list (RectifyStore *self,
            const RectifyQuery *q,
            RectifyVisitSort sort,
            const char *day,
            gint64 *total,
            GError **error)
{
  RectifyPgFilter f;
  GPtrArray *rows;

  visit_filter (q, day, &f);
  rows = rectify_pg_query_page (self, VISIT_COLUMNS, VISIT_FROM, &f, visit_orders[sort], q,
                                read_visit, (GDestroyNotify)rectify_scheduled_visit_free, total,
                                error);
  rectify_pg_filter_clear (&f);
  return rows;
}

const RectifyStoreVisitOps rectify_pg_visit_ops = {
  .insert = visit_insert,
  .get = visit_get,
  .delete = visit_delete,
  .pending_due = visit_pending_due,
  .list_pending = visit_list_pending,
  .mark_done = visit_mark_done,
  .redate_done = visit_redate_done,
  .get_done = visit_get_done,
  .query_ids = visit_query_ids,
  .get_by_ids = visit_get_by_ids,
  .list = visit_list,
};
