/* rectify-pg-hazards.c: hazards and their events, on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hazard's search tokens (description, measures, responsible person) are
 * written with it into its fts column (rectify_pg_tsvector), where SQLite
 * keeps hazard_fts up to date by triggers.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-figures.h"
#include "rectify-pg-private.h"
#include "rectify-store-hazards.h"
#include "rectify-validate.h"

#define HAZARD_COLUMNS                                                                             \
  "h.id, coalesce(h.inspection_id, 0), h.unit_id, coalesce(h.equipment_id, 0),"                    \
  " coalesce(h.campaign_id, 0), h.category, h.grade, h.found_date, h.description,"                 \
  " h.standard, h.measures, h.deadline, h.responsible, coalesce(h.supervisor_id, 0),"              \
  " h.status, h.closed_date, u.name"
#define FROM_UNIT "hazard h JOIN unit u ON u.id = h.unit_id"
#define FROM_OFFICER " LEFT JOIN officer o ON o.id = h.supervisor_id"

static gpointer
read_hazard (const PGresult *r, int row)
{
  RectifyHazard *h = rectify_hazard_new ();

  h->id = rectify_pg_int (r, row, 0);
  h->inspection_id = rectify_pg_int (r, row, 1);
  h->unit_id = rectify_pg_int (r, row, 2);
  h->equipment_id = rectify_pg_int (r, row, 3);
  h->campaign_id = rectify_pg_int (r, row, 4);
  h->category = rectify_pg_dup_text (r, row, 5);
  rectify_grade_from_code (rectify_pg_text (r, row, 6), &h->grade);
  h->found_date = rectify_pg_dup_text (r, row, 7);
  h->content = rectify_pg_dup_text (r, row, 8);
  h->standard = rectify_pg_dup_text (r, row, 9);
  h->measures = rectify_pg_dup_text (r, row, 10);
  h->deadline = rectify_pg_dup_text_or_null (r, row, 11);
  h->responsible = rectify_pg_dup_text (r, row, 12);
  h->supervisor_id = rectify_pg_int (r, row, 13);
  rectify_hazard_status_from_code (rectify_pg_text (r, row, 14), &h->status);
  h->closed_date = rectify_pg_dup_text_or_null (r, row, 15);
  h->unit_name = rectify_pg_dup_text (r, row, 16);
  return h;
}

/* The search tokens of a hazard's words. */
static char *
hazard_tokens (const char *content, const char *measures, const char *responsible)
{
  const char *searched[]
      = { content ? content : "", measures ? measures : "", responsible ? responsible : "", NULL };
  return rectify_pg_tsvector (searched);
}

static RectifyHazard *
hazard_get (RectifyStore *self, gint64 id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_int (&p, id);
  res = rectify_pg_exec (self, "SELECT " HAZARD_COLUMNS " FROM " FROM_UNIT " WHERE h.id = $1", &p,
                         error);
  if (res == NULL || PQntuples (res) == 0)
    return NULL;
  return read_hazard (res, 0);
}

/* SQLite sorts NULL below every text, PostgreSQL above: a missing deadline
 * or supervisor sorts as '' (below every date and name) in both directions,
 * as in SQLite. */
static const char *const hazard_orders[] = {
  [RECTIFY_HAZARD_SORT_ID] = "h.id",
  [RECTIFY_HAZARD_SORT_FOUND_DATE] = "h.found_date",
  [RECTIFY_HAZARD_SORT_DEADLINE] = "coalesce(h.deadline, '')",
  [RECTIFY_HAZARD_SORT_STATUS] = "h.status",
  [RECTIFY_HAZARD_SORT_GRADE] = "h.grade",
  [RECTIFY_HAZARD_SORT_CATEGORY] = "h.category",
  [RECTIFY_HAZARD_SORT_UNIT] = "u.name",
  [RECTIFY_HAZARD_SORT_DESCRIPTION] = "h.description",
  [RECTIFY_HAZARD_SORT_SUPERVISOR] = "coalesce(o.name, '')",
};

static GPtrArray *
hazard_list (RectifyStore *self,
             const RectifyQuery *q,
             RectifyHazardSort sort,
             const char *day,
             gint64 *total,
             GError **error)
{
  RectifyPgFilter f;
  GPtrArray *rows;

  rectify_pg_filter_init (&f);
  if (q)
    {
      rectify_pg_filter_add_search (&f, "h.fts", q->search);
      if (q->unit_id > 0)
        rectify_pg_filter_add_int (&f, "h.unit_id = ?", q->unit_id);
      if (q->campaign_id > 0)
        rectify_pg_filter_add_int (&f, "h.campaign_id = ?", q->campaign_id);
      if (q->status >= 0)
        rectify_pg_filter_add_text (&f, "h.status = ?", rectify_hazard_status_to_code (q->status));
      if (q->grade >= 0)
        rectify_pg_filter_add_text (&f, "h.grade = ?", rectify_grade_to_code (q->grade));
      if (q->hazard_category && *q->hazard_category)
        rectify_pg_filter_add_text (&f, "h.category = ?", q->hazard_category);
      if (q->overdue)
        rectify_pg_filter_add_text (&f, "h.status <> 'closed' AND h.deadline < ?", day);
    }
  rows = rectify_pg_query_page (self, HAZARD_COLUMNS, FROM_UNIT FROM_OFFICER, &f,
                                hazard_orders[sort], q, read_hazard,
                                (GDestroyNotify)rectify_hazard_free, total, error);
  rectify_pg_filter_clear (&f);
  return rows;
}

/* The search is of two kinds of words: the hazard's own (description,
 * measures, responsible person) or its unit's.  SQLite's index of units
 * is asked for the name column only; the tokens of a unit on the server
 * hold no columns, so a word of the unit's address, credit code or legal
 * representative matches here too. */
static void
add_search (RectifyPgFilter *f, const char *words)
{
  g_autofree char *query = rectify_pg_tsquery (words);

  if (query == NULL)
    return;
  rectify_pg_filter_add_text_n (
      f, "h.fts @@ ?::tsquery OR h.unit_id IN (SELECT id FROM unit WHERE fts @@ ?::tsquery)", 2,
      query);
}

static void
lazy_filter (const RectifyQuery *q, const char *as_of, RectifyPgFilter *f)
{
  rectify_pg_filter_init (f);
  if (q == NULL)
    return;
  add_search (f, q->search);
  if (q->unit_id > 0)
    rectify_pg_filter_add_int (f, "h.unit_id = ?", q->unit_id);
  if (q->campaign_id > 0)
    rectify_pg_filter_add_int (f, "h.campaign_id = ?", q->campaign_id);
  if (q->as_of_limits)
    {
      g_autofree char *found = rectify_pg_sql_hazard_found ("h.", "?");
      rectify_pg_filter_add_day (f, found, as_of);
    }
  if (q->as_of_limits && q->status == RECTIFY_HAZARD_CLOSED)
    {
      g_autofree char *closed = rectify_pg_sql_hazard_closed ("h.", "?");
      rectify_pg_filter_add_day (f, closed, as_of);
    }
  else if (q->status >= 0)
    rectify_pg_filter_add_text (f, "h.status = ?", rectify_hazard_status_to_code (q->status));
  if (q->grade >= 0)
    rectify_pg_filter_add_text (f, "h.grade = ?", rectify_grade_to_code (q->grade));
  if (q->hazard_category && *q->hazard_category)
    rectify_pg_filter_add_text (f, "h.category = ?", q->hazard_category);
  if (q->overdue && q->as_of_limits)
    {
      /* open then, though it may be closed since */
      g_autofree char *overdue = rectify_pg_sql_hazard_overdue ("h.", "?");
      rectify_pg_filter_add_day (f, overdue, as_of);
    }
  else if (q->overdue)
    rectify_pg_filter_add_text (f, "h.status <> 'closed' AND h.deadline < ?", as_of);
  if (q->due_within_days > 0)
    {
      g_autofree char *last = rectify_date_add_days (as_of, q->due_within_days);
      rectify_pg_filter_add_texts (
          f, "h.status <> 'closed' AND h.deadline >= ? AND h.deadline <= ?", as_of, last, NULL);
    }
}

static GArray *
hazard_query_ids (RectifyStore *self,
                  const RectifyQuery *q,
                  RectifyHazardSort sort,
                  const char *day,
                  GError **error)
{
  RectifyPgFilter f;
  /* join only what the order reads (the filter needs no join) */
  static const char *const joins[]
      = { "u.", " JOIN unit u ON u.id = h.unit_id", "o.", FROM_OFFICER, NULL };
  GArray *ids;

  lazy_filter (q, day, &f);
  ids = rectify_pg_query_ids_ordered (self, "h.id", "hazard h", joins, &f, hazard_orders[sort], q,
                                      error);
  rectify_pg_filter_clear (&f);
  return ids;
}

static GPtrArray *
hazard_get_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  return rectify_pg_rows_by_ids (self, HAZARD_COLUMNS, FROM_UNIT, "h.id", read_hazard,
                                 (GDestroyNotify)rectify_hazard_free, ids, n_ids, error);
}

static gint64
hazard_insert (RectifyStore *self,
               const RectifyHazard *h,
               gint64 campaign_id,
               RectifyHazardStatus status,
               GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autofree char *fts = hazard_tokens (h->content, h->measures, h->responsible);

  rectify_pg_add_id_or_null (&p, h->inspection_id);
  rectify_pg_add_int (&p, h->unit_id);
  rectify_pg_add_id_or_null (&p, h->equipment_id);
  rectify_pg_add_id_or_null (&p, campaign_id);
  rectify_pg_add_text (&p, h->category);
  rectify_pg_add_text (&p, rectify_grade_to_code (h->grade));
  rectify_pg_add_text (&p, h->found_date);
  rectify_pg_add_text (&p, h->content);
  rectify_pg_add_text (&p, h->standard);
  rectify_pg_add_text (&p, h->measures);
  rectify_pg_add_text_or_null (&p, h->deadline);
  rectify_pg_add_text (&p, h->responsible);
  rectify_pg_add_id_or_null (&p, h->supervisor_id);
  rectify_pg_add_text (&p, rectify_hazard_status_to_code (status));
  rectify_pg_add_text (&p, fts);
  return rectify_pg_insert (
      self,
      "INSERT INTO hazard (inspection_id, unit_id, equipment_id, campaign_id, category, grade,"
      " found_date, description, standard, measures, deadline, responsible, supervisor_id,"
      " status, fts)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::tsvector)"
      " RETURNING id",
      &p, error);
}

static gboolean
hazard_update_implementation (RectifyStore *self, const RectifyHazard *h, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autofree char *fts = hazard_tokens (h->content, h->measures, h->responsible);

  rectify_pg_add_text (&p, h->content);
  rectify_pg_add_text (&p, h->standard);
  rectify_pg_add_text (&p, h->measures);
  rectify_pg_add_text_or_null (&p, h->deadline);
  rectify_pg_add_text (&p, h->responsible);
  rectify_pg_add_id_or_null (&p, h->supervisor_id);
  rectify_pg_add_text (&p, rectify_hazard_status_to_code (h->status));
  rectify_pg_add_text (&p, fts);
  rectify_pg_add_int (&p, h->id);
  return rectify_pg_run (self,
                         "UPDATE hazard SET description = $1, standard = $2, measures = $3,"
                         " deadline = $4, responsible = $5, supervisor_id = $6, status = $7,"
                         " fts = $8::tsvector WHERE id = $9",
                         &p, error);
}

static gboolean
hazard_set_status (RectifyStore *self,
                   gint64 id,
                   RectifyHazardStatus status,
                   const char *closed_date,
                   GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_text (&p, rectify_hazard_status_to_code (status));
  rectify_pg_add_text_or_null (&p, closed_date);
  rectify_pg_add_int (&p, id);
  return rectify_pg_run (self, "UPDATE hazard SET status = $1, closed_date = $2 WHERE id = $3", &p,
                         error);
}

static gboolean
hazard_has_event (RectifyStore *self, gint64 hazard_id, RectifyEventKind kind)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_int (&p, hazard_id);
  rectify_pg_add_text (&p, rectify_event_kind_to_code (kind));
  return rectify_pg_any (
      self, "SELECT 1 FROM hazard_event WHERE hazard_id = $1 AND kind = $2 LIMIT 1", &p, NULL);
}

static gint64
hazard_add_event (RectifyStore *self,
                  gint64 hazard_id,
                  RectifyEventKind kind,
                  gint64 officer_id,
                  const char *date,
                  const char *created_at,
                  const char *note,
                  GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_int (&p, hazard_id);
  rectify_pg_add_text (&p, rectify_event_kind_to_code (kind));
  rectify_pg_add_id_or_null (&p, officer_id);
  rectify_pg_add_text (&p, date);
  rectify_pg_add_text (&p, created_at);
  rectify_pg_add_text (&p, note);
  return rectify_pg_insert (self,
                            "INSERT INTO hazard_event (hazard_id, kind, officer_id, date,"
                            " created_at, note) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                            &p, error);
}

static GPtrArray *
hazard_list_events (RectifyStore *self, gint64 hazard_id, GError **error)
{
  g_autoptr (GPtrArray) events
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_hazard_event_free);
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_int (&p, hazard_id);
  res = rectify_pg_exec (self,
                         "SELECT e.id, e.kind, coalesce(e.officer_id, 0), e.date, e.created_at,"
                         " e.note, coalesce(o.name, '')"
                         " FROM hazard_event e LEFT JOIN officer o ON o.id = e.officer_id"
                         " WHERE e.hazard_id = $1 ORDER BY e.id",
                         &p, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      RectifyHazardEvent *ev = rectify_hazard_event_new ();
      ev->id = rectify_pg_int (res, i, 0);
      ev->hazard_id = hazard_id;
      rectify_event_kind_from_code (rectify_pg_text (res, i, 1), &ev->kind);
      ev->officer_id = rectify_pg_int (res, i, 2);
      ev->date = rectify_pg_dup_text (res, i, 3);
      ev->created_at = rectify_pg_dup_text (res, i, 4);
      ev->note = rectify_pg_dup_text (res, i, 5);
      ev->officer_name = rectify_pg_dup_text (res, i, 6);
      g_ptr_array_add (events, ev);
    }
  return g_steal_pointer (&events);
}

static GPtrArray *
hazard_list_events_range (RectifyStore *self, gint64 first_id, gint64 last_id, GError **error)
{
  g_autoptr (GPtrArray) events
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_hazard_event_free);
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_int (&p, first_id);
  rectify_pg_add_int (&p, last_id);
  res = rectify_pg_exec (self,
                         "SELECT id, hazard_id, kind, coalesce(officer_id, 0), date, created_at,"
                         " note FROM hazard_event WHERE hazard_id BETWEEN $1 AND $2"
                         " ORDER BY hazard_id, id",
                         &p, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      RectifyHazardEvent *ev = rectify_hazard_event_new ();
      ev->id = rectify_pg_int (res, i, 0);
      ev->hazard_id = rectify_pg_int (res, i, 1);
      rectify_event_kind_from_code (rectify_pg_text (res, i, 2), &ev->kind);
      ev->officer_id = rectify_pg_int (res, i, 3);
      ev->date = rectify_pg_dup_text (res, i, 4);
      ev->created_at = rectify_pg_dup_text (res, i, 5);
      ev->note = rectify_pg_dup_text (res, i, 6);
      g_ptr_array_add (events, ev);
    }
  return g_steal_pointer (&events);
}

static gboolean
hazard_count_for_inspection (RectifyStore *self, gint64 inspection_id, gint64 *n, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_int (&p, inspection_id);
  return rectify_pg_query_int (self, "SELECT count(*) FROM hazard WHERE inspection_id = $1", &p, n,
                               error);
}

static gboolean
hazard_stop_equipment (RectifyStore *self, gint64 equipment_id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_int (&p, equipment_id);
  return rectify_pg_run (self, "UPDATE equipment SET status = 'stopped' WHERE id = $1", &p, error);
}

static gboolean
hazard_resume_equipment (RectifyStore *self, gint64 equipment_id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_int (&p, equipment_id);
  return rectify_pg_run (
      self, "UPDATE equipment SET status = 'in_use' WHERE id = $1 AND status = 'stopped'", &p,
      error);
}

static gboolean
hazard_other_stop_use (
    RectifyStore *self, gint64 equipment_id, gint64 hazard_id, gint64 *other_id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  *other_id = 0;
  rectify_pg_add_int (&p, equipment_id);
  rectify_pg_add_int (&p, hazard_id);
  res = rectify_pg_exec (self,
                         "SELECT h.id FROM hazard h WHERE h.equipment_id = $1 AND h.id <> $2"
                         " AND h.status <> 'closed' AND EXISTS (SELECT 1 FROM hazard_event e"
                         " WHERE e.hazard_id = h.id AND e.kind = 'stop_use')"
                         " ORDER BY h.id LIMIT 1",
                         &p, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) > 0)
    *other_id = rectify_pg_int (res, 0, 0);
  return TRUE;
}

static gboolean
hazard_first_found_for_inspection (
    RectifyStore *self, gint64 inspection_id, gint64 *hazard_id, char **found_date, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  *hazard_id = 0;
  *found_date = NULL;
  rectify_pg_add_int (&p, inspection_id);
  res = rectify_pg_exec (self,
                         "SELECT id, found_date FROM hazard WHERE inspection_id = $1"
                         " ORDER BY found_date, id LIMIT 1",
                         &p, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) > 0)
    {
      *hazard_id = rectify_pg_int (res, 0, 0);
      *found_date = rectify_pg_dup_text (res, 0, 1);
    }
  return TRUE;
}

static GPtrArray *
hazard_list_categories (RectifyStore *self, GError **error)
{
  g_autoptr (GPtrArray) rows
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_hazard_category_free);
  g_autoptr (PGresult) res = rectify_pg_exec (
      self, "SELECT code, name_en, name_zh FROM hazard_category ORDER BY sort, code", NULL, error);

  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      RectifyHazardCategory *c = rectify_hazard_category_new ();
      c->code = rectify_pg_dup_text (res, i, 0);
      c->name_en = rectify_pg_dup_text (res, i, 1);
      c->name_zh = rectify_pg_dup_text (res, i, 2);
      g_ptr_array_add (rows, c);
    }
  return g_steal_pointer (&rows);
}

static gboolean
hazard_category_exists (RectifyStore *self, const char *code, gboolean *exists, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (GError) local = NULL;

  rectify_pg_add_text (&p, code);
  *exists = rectify_pg_any (self, "SELECT 1 FROM hazard_category WHERE code = $1", &p, &local);
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

const RectifyStoreHazardOps rectify_pg_hazard_ops = {
  .get = hazard_get,
  .list = hazard_list,
  .query_ids = hazard_query_ids,
  .get_by_ids = hazard_get_by_ids,
  .insert = hazard_insert,
  .update_implementation = hazard_update_implementation,
  .set_status = hazard_set_status,
  .has_event = hazard_has_event,
  .add_event = hazard_add_event,
  .list_events = hazard_list_events,
  .list_events_range = hazard_list_events_range,
  .count_for_inspection = hazard_count_for_inspection,
  .stop_equipment = hazard_stop_equipment,
  .resume_equipment = hazard_resume_equipment,
  .other_stop_use = hazard_other_stop_use,
  .first_found_for_inspection = hazard_first_found_for_inspection,
  .list_categories = hazard_list_categories,
  .category_exists = hazard_category_exists,
};
