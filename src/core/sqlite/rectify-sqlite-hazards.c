/* rectify-sqlite-hazards.c: hazards and their events
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-hazards.h"
#include "rectify-validate.h"

#define FROM_UNIT "hazard h JOIN unit u ON u.id = h.unit_id"
#define FROM_OFFICER " LEFT JOIN officer o ON o.id = h.supervisor_id"

gpointer
rectify_read_hazard_row (RectifyStmt *stmt)
{
  RectifyHazard *h = rectify_hazard_new ();
  h->id = sqlite3_column_int64 (stmt, 0);
  h->inspection_id = sqlite3_column_int64 (stmt, 1);
  h->unit_id = sqlite3_column_int64 (stmt, 2);
  h->equipment_id = sqlite3_column_int64 (stmt, 3);
  h->campaign_id = sqlite3_column_int64 (stmt, 4);
  h->category = rectify_column_text (stmt, 5);
  rectify_grade_from_code ((const char *)sqlite3_column_text (stmt, 6), &h->grade);
  h->found_date = rectify_column_text (stmt, 7);
  h->content = rectify_column_text (stmt, 8);
  h->standard = rectify_column_text (stmt, 9);
  h->measures = rectify_column_text (stmt, 10);
  h->deadline = rectify_column_text_or_null (stmt, 11);
  h->responsible = rectify_column_text (stmt, 12);
  h->supervisor_id = sqlite3_column_int64 (stmt, 13);
  rectify_hazard_status_from_code ((const char *)sqlite3_column_text (stmt, 14), &h->status);
  h->closed_date = rectify_column_text_or_null (stmt, 15);
  h->unit_name = rectify_column_text (stmt, 16);
  return h;
}

static RectifyHazard *
hazard_get (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "SELECT " RECTIFY_HAZARD_COLUMNS " FROM " FROM_UNIT " WHERE h.id = ?", error);

  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return rectify_read_hazard_row (stmt);
}

static const char *const hazard_orders[] = {
  [RECTIFY_HAZARD_SORT_ID] = "h.id",
  [RECTIFY_HAZARD_SORT_FOUND_DATE] = "h.found_date",
  [RECTIFY_HAZARD_SORT_DEADLINE] = "h.deadline",
  [RECTIFY_HAZARD_SORT_STATUS] = "h.status",
  [RECTIFY_HAZARD_SORT_GRADE] = "h.grade",
  [RECTIFY_HAZARD_SORT_CATEGORY] = "h.category",
  [RECTIFY_HAZARD_SORT_UNIT] = "u.name",
  [RECTIFY_HAZARD_SORT_DESCRIPTION] = "h.description",
  [RECTIFY_HAZARD_SORT_SUPERVISOR] = "o.name",
};

static GPtrArray *
hazard_list (RectifyStore *self,
             const RectifyQuery *q,
             RectifyHazardSort sort,
             const char *day,
             gint64 *total,
             GError **error)
{
  RectifyFilter f;
  GPtrArray *rows;

  rectify_filter_init (&f);
  if (q)
    {
      g_autofree char *match = rectify_fts_query (q->search);
      if (match)
        rectify_filter_add_text (
            &f, "h.id IN (SELECT rowid FROM hazard_fts WHERE hazard_fts MATCH ?)", match);
      if (q->unit_id > 0)
        rectify_filter_add_int (&f, "h.unit_id = ?", q->unit_id);
      if (q->campaign_id > 0)
        rectify_filter_add_int (&f, "h.campaign_id = ?", q->campaign_id);
      if (q->status >= 0)
        rectify_filter_add_text (&f, "h.status = ?", rectify_hazard_status_to_code (q->status));
      if (q->grade >= 0)
        rectify_filter_add_text (&f, "h.grade = ?", rectify_grade_to_code (q->grade));
      if (q->hazard_category && *q->hazard_category)
        rectify_filter_add_text (&f, "h.category = ?", q->hazard_category);
      if (q->overdue)
        rectify_filter_add_text (&f, "h.status <> 'closed' AND h.deadline < ?", day);
    }
  rows = rectify_store_query_page (self, RECTIFY_HAZARD_COLUMNS, FROM_UNIT, &f, hazard_orders[sort],
                                   q, rectify_read_hazard_row, (GDestroyNotify)rectify_hazard_free,
                                   total, error);
  rectify_filter_clear (&f);
  return rows;
}

/* The search is two indices: the hazard's own words (description,
 * measures, responsible person) or the name of its unit. */
static void
add_search (RectifyFilter *f, const char *words, gboolean narrow)
{
  g_autofree char *match = rectify_fts_query (words);
  g_autofree char *unit_match = NULL;

  if (match == NULL)
    return;
  unit_match = g_strdup_printf ("{name} : (%s)", match);
  /* Within a narrow filter (the open deadlines' partial index: overdue,
   * due soon) a word common in a city ("检验") would cost more to walk
   * through its matches than to check each of the few rows against them;
   * the unary + keeps SQLite from driving the query by the matches. */
  rectify_filter_add_texts (
      f,
      narrow ? "+h.id IN (SELECT rowid FROM hazard_fts WHERE hazard_fts MATCH ?)"
               " OR +h.unit_id IN (SELECT rowid FROM unit_fts WHERE unit_fts MATCH ?)"
             : "h.id IN (SELECT rowid FROM hazard_fts WHERE hazard_fts MATCH ?)"
               " OR h.unit_id IN (SELECT rowid FROM unit_fts WHERE unit_fts MATCH ?)",
      match, unit_match, NULL);
}

static void
lazy_filter (const RectifyQuery *q, const char *as_of, RectifyFilter *f)
{
  rectify_filter_init (f);
  if (q == NULL)
    return;
  add_search (f, q->search, q->overdue || q->due_within_days > 0);
  if (q->unit_id > 0)
    rectify_filter_add_int (f, "h.unit_id = ?", q->unit_id);
  if (q->campaign_id > 0)
    rectify_filter_add_int (f, "h.campaign_id = ?", q->campaign_id);
  if (q->as_of_limits)
    {
      g_autofree char *found = rectify_figures_sql_hazard_found ("h.", "?");
      rectify_filter_add_day (f, found, as_of);
    }
  if (q->as_of_limits && q->status == RECTIFY_HAZARD_CLOSED)
    {
      g_autofree char *closed = rectify_figures_sql_hazard_closed ("h.", "?");
      rectify_filter_add_day (f, closed, as_of);
    }
  else if (q->status >= 0)
    rectify_filter_add_text (f, "h.status = ?", rectify_hazard_status_to_code (q->status));
  if (q->grade >= 0)
    rectify_filter_add_text (f, "h.grade = ?", rectify_grade_to_code (q->grade));
  if (q->hazard_category && *q->hazard_category)
    rectify_filter_add_text (f, "h.category = ?", q->hazard_category);
  if (q->overdue && q->as_of_limits)
    {
      /* open then, though it may be closed since: not the partial index */
      g_autofree char *overdue = rectify_figures_sql_hazard_overdue ("h.", "?");
      rectify_filter_add_day (f, overdue, as_of);
    }
  /* Both through the partial index of open deadlines (status <> 'closed'). */
  else if (q->overdue)
    rectify_filter_add_text (f, "h.status <> 'closed' AND h.deadline < ?", as_of);
  if (q->due_within_days > 0)
    {
      g_autofree char *last = rectify_date_add_days (as_of, q->due_within_days);
      rectify_filter_add_texts (f, "h.status <> 'closed' AND h.deadline >= ? AND h.deadline <= ?",
                                as_of, last, NULL);
    }
}

static GArray *
hazard_query_ids (RectifyStore *self,
                  const RectifyQuery *q,
                  RectifyHazardSort sort,
                  const char *day,
                  GError **error)
{
  RectifyFilter f;
  /* Join only what the order reads (the filter needs no join): the
   * snapshot of a city's 300 000 hazards by id or deadline reads no other
   * table. */
  static const char *const joins[]
      = { "u.", " JOIN unit u ON u.id = h.unit_id", "o.", FROM_OFFICER, NULL };
  GArray *ids;

  lazy_filter (q, day, &f);
  ids = rectify_store_query_ids_ordered (self, "h.id", "hazard h", joins, &f, hazard_orders[sort],
                                         q, error);
  rectify_filter_clear (&f);
  return ids;
}

static GPtrArray *
hazard_get_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  return rectify_store_rows_by_ids (self, RECTIFY_HAZARD_COLUMNS, FROM_UNIT, "h.id",
                                    rectify_read_hazard_row, (GDestroyNotify)rectify_hazard_free,
                                    ids, n_ids, error);
}

static gint64
hazard_insert (RectifyStore *self,
               const RectifyHazard *h,
               gint64 campaign_id,
               RectifyHazardStatus status,
               GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self,
      "INSERT INTO hazard (inspection_id, unit_id, equipment_id, campaign_id, category, grade, "
      "found_date,"
      " description, standard, measures, deadline, responsible, supervisor_id, status)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      error);

  if (!stmt)
    return 0;
  rectify_bind_id_or_null (stmt, 1, h->inspection_id);
  sqlite3_bind_int64 (stmt, 2, h->unit_id);
  rectify_bind_id_or_null (stmt, 3, h->equipment_id);
  rectify_bind_id_or_null (stmt, 4, campaign_id);
  rectify_bind_text (stmt, 5, h->category);
  rectify_bind_text (stmt, 6, rectify_grade_to_code (h->grade));
  rectify_bind_text (stmt, 7, h->found_date);
  rectify_bind_text (stmt, 8, h->content);
  rectify_bind_text (stmt, 9, h->standard);
  rectify_bind_text (stmt, 10, h->measures);
  rectify_bind_text_or_null (stmt, 11, h->deadline);
  rectify_bind_text (stmt, 12, h->responsible);
  rectify_bind_id_or_null (stmt, 13, h->supervisor_id);
  rectify_bind_text (stmt, 14, rectify_hazard_status_to_code (status));
  if (!rectify_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (rectify_sqlite_db (self));
}

static gboolean
hazard_update_implementation (RectifyStore *self, const RectifyHazard *h, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "UPDATE hazard SET description = ?, standard = ?, measures = ?, "
                               "deadline = ?, responsible = ?,"
                               " supervisor_id = ?, status = ? WHERE id = ?",
                               error);

  if (!stmt)
    return FALSE;
  rectify_bind_text (stmt, 1, h->content);
  rectify_bind_text (stmt, 2, h->standard);
  rectify_bind_text (stmt, 3, h->measures);
  rectify_bind_text_or_null (stmt, 4, h->deadline);
  rectify_bind_text (stmt, 5, h->responsible);
  rectify_bind_id_or_null (stmt, 6, h->supervisor_id);
  rectify_bind_text (stmt, 7, rectify_hazard_status_to_code (h->status));
  sqlite3_bind_int64 (stmt, 8, h->id);
  return rectify_store_step_done (self, stmt, error);
}

static gboolean
hazard_set_status (RectifyStore *self,
                   gint64 id,
                   RectifyHazardStatus status,
                   const char *closed_date,
                   GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "UPDATE hazard SET status = ?, closed_date = ? WHERE id = ?", error);

  if (!stmt)
    return FALSE;
  rectify_bind_text (stmt, 1, rectify_hazard_status_to_code (status));
  rectify_bind_text_or_null (stmt, 2, closed_date);
  sqlite3_bind_int64 (stmt, 3, id);
  return rectify_store_step_done (self, stmt, error);
}

static gboolean
hazard_has_event (RectifyStore *self, gint64 hazard_id, RectifyEventKind kind)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "SELECT 1 FROM hazard_event WHERE hazard_id = ? AND kind = ? LIMIT 1", NULL);

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, hazard_id);
  rectify_bind_text (stmt, 2, rectify_event_kind_to_code (kind));
  return sqlite3_step (stmt) == SQLITE_ROW;
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
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "INSERT INTO hazard_event (hazard_id, kind, officer_id, date, "
                               "created_at, note) VALUES (?, ?, ?, ?, ?, ?)",
                               error);

  if (!stmt)
    return 0;
  sqlite3_bind_int64 (stmt, 1, hazard_id);
  rectify_bind_text (stmt, 2, rectify_event_kind_to_code (kind));
  rectify_bind_id_or_null (stmt, 3, officer_id);
  rectify_bind_text (stmt, 4, date);
  rectify_bind_text (stmt, 5, created_at);
  rectify_bind_text (stmt, 6, note);
  if (!rectify_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (rectify_sqlite_db (self));
}

static GPtrArray *
hazard_list_events (RectifyStore *self, gint64 hazard_id, GError **error)
{
  g_autoptr (GPtrArray) events
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_hazard_event_free);
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "SELECT e.id, e.kind, coalesce(e.officer_id, 0), e.date, "
                               "e.created_at, e.note, coalesce(o.name, '')"
                               " FROM hazard_event e LEFT JOIN officer o ON o.id = e.officer_id"
                               " WHERE e.hazard_id = ? ORDER BY e.id",
                               error);

  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, hazard_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RectifyHazardEvent *ev = rectify_hazard_event_new ();
      ev->id = sqlite3_column_int64 (stmt, 0);
      ev->hazard_id = hazard_id;
      rectify_event_kind_from_code ((const char *)sqlite3_column_text (stmt, 1), &ev->kind);
      ev->officer_id = sqlite3_column_int64 (stmt, 2);
      ev->date = rectify_column_text (stmt, 3);
      ev->created_at = rectify_column_text (stmt, 4);
      ev->note = rectify_column_text (stmt, 5);
      ev->officer_name = rectify_column_text (stmt, 6);
      g_ptr_array_add (events, ev);
    }
  return g_steal_pointer (&events);
}

static GPtrArray *
hazard_list_events_range (RectifyStore *self, gint64 first_id, gint64 last_id, GError **error)
{
  g_autoptr (GPtrArray) events
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_hazard_event_free);
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "SELECT id, hazard_id, kind, coalesce(officer_id, 0), date, "
                               "created_at, note FROM hazard_event"
                               " WHERE hazard_id BETWEEN ? AND ? ORDER BY hazard_id, id",
                               error);

  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, first_id);
  sqlite3_bind_int64 (stmt, 2, last_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RectifyHazardEvent *ev = rectify_hazard_event_new ();
      ev->id = sqlite3_column_int64 (stmt, 0);
      ev->hazard_id = sqlite3_column_int64 (stmt, 1);
      rectify_event_kind_from_code ((const char *)sqlite3_column_text (stmt, 2), &ev->kind);
      ev->officer_id = sqlite3_column_int64 (stmt, 3);
      ev->date = rectify_column_text (stmt, 4);
      ev->created_at = rectify_column_text (stmt, 5);
      ev->note = rectify_column_text (stmt, 6);
      g_ptr_array_add (events, ev);
    }
  return g_steal_pointer (&events);
}

static gboolean
hazard_count_for_inspection (RectifyStore *self, gint64 inspection_id, gint64 *n, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self, "SELECT count(*) FROM hazard WHERE inspection_id = ?", error);
  int rc;

  *n = 0;
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rectify_store_fail (self, rc, error);
  *n = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
hazard_stop_equipment (RectifyStore *self, gint64 equipment_id, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self, "UPDATE equipment SET status = 'stopped' WHERE id = ?", error);

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, equipment_id);
  return rectify_store_step_done (self, stmt, error);
}

static gboolean
hazard_resume_equipment (RectifyStore *self, gint64 equipment_id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "UPDATE equipment SET status = 'in_use' WHERE id = ? AND status = 'stopped'", error);

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, equipment_id);
  return rectify_store_step_done (self, stmt, error);
}

static gboolean
hazard_other_stop_use (
    RectifyStore *self, gint64 equipment_id, gint64 hazard_id, gint64 *other_id, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "SELECT h.id FROM hazard h WHERE h.equipment_id = ? AND h.id <> ?"
                               " AND h.status <> 'closed' AND EXISTS (SELECT 1 FROM hazard_event e"
                               " WHERE e.hazard_id = h.id AND e.kind = 'stop_use')"
                               " ORDER BY h.id LIMIT 1",
                               error);
  int rc;

  *other_id = 0;
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, equipment_id);
  sqlite3_bind_int64 (stmt, 2, hazard_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *other_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return rectify_store_fail (self, rc, error);
  return TRUE;
}

static gboolean
hazard_first_found_for_inspection (
    RectifyStore *self, gint64 inspection_id, gint64 *hazard_id, char **found_date, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self,
      "SELECT id, found_date FROM hazard WHERE inspection_id = ? ORDER BY found_date, id LIMIT 1",
      error);
  int rc;

  *hazard_id = 0;
  *found_date = NULL;
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *hazard_id = sqlite3_column_int64 (stmt, 0);
      *found_date = rectify_column_text (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    return rectify_store_fail (self, rc, error);
  return TRUE;
}

static GPtrArray *
hazard_list_categories (RectifyStore *self, GError **error)
{
  g_autoptr (GPtrArray) rows
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_hazard_category_free);
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "SELECT code, name_en, name_zh FROM hazard_category ORDER BY sort, code", error);

  if (!stmt)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RectifyHazardCategory *c = rectify_hazard_category_new ();
      c->code = rectify_column_text (stmt, 0);
      c->name_en = rectify_column_text (stmt, 1);
      c->name_zh = rectify_column_text (stmt, 2);
      g_ptr_array_add (rows, c);
    }
  return g_steal_pointer (&rows);
}

static gboolean
hazard_category_exists (RectifyStore *self, const char *code, gboolean *exists, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self, "SELECT 1 FROM hazard_category WHERE code = ?", error);

  *exists = FALSE;
  if (!stmt)
    return FALSE;
  rectify_bind_text (stmt, 1, code);
  *exists = sqlite3_step (stmt) == SQLITE_ROW;
  return TRUE;
}

const RectifyStoreHazardOps rectify_sqlite_hazard_ops = {
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
