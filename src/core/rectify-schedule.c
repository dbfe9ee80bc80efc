/* rectify-schedule.c: back-checks of closed hazards and re-inspections of overdue ones
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-schedule.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"

static const struct
{
  const char *code;
  const char *label;
} visit_kinds[RECTIFY_N_VISIT_KINDS] = {
  [RECTIFY_VISIT_BACK_CHECK] = { "back_check", N_ ("Back-check") },
  [RECTIFY_VISIT_RE_INSPECTION] = { "re_inspection", N_ ("Re-inspection") },
};

const char *
rectify_visit_kind_to_code (RectifyVisitKind kind)
{
  return (guint)kind < RECTIFY_N_VISIT_KINDS ? visit_kinds[kind].code : NULL;
}

const char *
rectify_visit_kind_to_label (RectifyVisitKind kind)
{
  return (guint)kind < RECTIFY_N_VISIT_KINDS ? _ (visit_kinds[kind].label) : NULL;
}

gboolean
rectify_visit_kind_from_code (const char *code, RectifyVisitKind *out)
{
  for (guint i = 0; i < RECTIFY_N_VISIT_KINDS; i++)
    if (g_strcmp0 (code, visit_kinds[i].code) == 0)
      {
        if (out)
          *out = i;
        return TRUE;
      }
  return FALSE;
}

RectifyScheduledVisit *
rectify_scheduled_visit_new (void)
{
  return g_new0 (RectifyScheduledVisit, 1);
}

void
rectify_scheduled_visit_free (RectifyScheduledVisit *self)
{
  if (self == NULL)
    return;
  g_free (self->scheduled_on);
  g_free (self->due_date);
  g_free (self->note);
  g_free (self->done_date);
  g_free (self->unit_name);
  g_free (self->hazard_category);
  g_free (self->hazard_content);
  g_free (self);
}

#define VISIT_COLUMNS                                                                              \
  "v.id, v.unit_id, v.hazard_id, v.kind, v.scheduled_on, v.due_date, coalesce(v.officer_id, 0),"   \
  " v.note, coalesce(v.done_inspection_id, 0), v.done_date, u.name, h.category, h.description, "   \
  "h.status"
#define VISIT_FROM                                                                                 \
  "scheduled_visit v JOIN unit u ON u.id = v.unit_id JOIN hazard h ON h.id = v.hazard_id"

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

static gboolean
has_pending (
    RectifyStore *self, gint64 hazard_id, RectifyVisitKind kind, char **due, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "SELECT due_date FROM scheduled_visit WHERE hazard_id = ? AND kind "
                               "= ? AND done_inspection_id IS NULL",
                               error);

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, hazard_id);
  rectify_bind_text (stmt, 2, rectify_visit_kind_to_code (kind));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *due = rectify_column_text (stmt, 0);
  return TRUE;
}

gint64
rectify_store_schedule_visit (RectifyStore *self,
                              gint64 hazard_id,
                              RectifyVisitKind kind,
                              const char *due_date,
                              const char *note,
                              GError **error)
{
  g_autoptr (RectifyHazard) h = NULL;
  g_autofree char *today = rectify_today ();
  g_autofree char *pending_due = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);

  if (!rectify_store_check_writer (self, error))
    return 0;
  if (rectify_visit_kind_to_code (kind) == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Kind: use back_check or re_inspection"));
      return 0;
    }
  h = rectify_store_get_hazard (self, hazard_id, error);
  if (h == NULL || !rectify_store_check_campaign_open (self, h->campaign_id, error))
    return 0;
  if (kind == RECTIFY_VISIT_BACK_CHECK && h->status != RECTIFY_HAZARD_CLOSED)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   _ ("Hazard %" PRId64 " is %s: a back-check is planned for a closed hazard"),
                   h->id, rectify_hazard_status_to_label (h->status));
      return 0;
    }
  if (kind == RECTIFY_VISIT_RE_INSPECTION && !rectify_hazard_is_overdue (h, today))
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
          _ ("Hazard %" PRId64
             " is not overdue: a re-inspection is planned for a hazard whose deadline has passed"),
          h->id);
      return 0;
    }
  if (!rectify_validate_date (_ ("Due date"), due_date, error)
      || !rectify_validate_optional (_ ("Note"), note, 4000, error))
    return 0;
  if (h->closed_date && strcmp (due_date, h->closed_date) < 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Due date: %s is before the hazard was closed (%s)"), due_date,
                   h->closed_date);
      return 0;
    }
  if (strcmp (due_date, today) < 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Due date: %s is in the past (today is %s)"), due_date, today);
      return 0;
    }
  if (has_pending (self, h->id, kind, &pending_due, NULL))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DUPLICATE,
                   /* Translators: "a back-check is already planned for hazard 7, due 2026-07-01" */
                   _ ("Hazard: a %s is already planned for hazard %" PRId64 ", due %s"),
                   rectify_visit_kind_to_label (kind), h->id, pending_due);
      return 0;
    }

  if (!rectify_store_begin (self, error))
    return 0;
  {
    g_autoptr (RectifyStmt) stmt
        = rectify_store_prepare (self,
                                 "INSERT INTO scheduled_visit (unit_id, hazard_id, kind, "
                                 "scheduled_on, due_date, officer_id, note)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 error);
    ok = stmt != NULL;
    if (ok)
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (note ? note : ""));

        sqlite3_bind_int64 (stmt, 1, h->unit_id);
        sqlite3_bind_int64 (stmt, 2, h->id);
        rectify_bind_text (stmt, 3, rectify_visit_kind_to_code (kind));
        rectify_bind_text (stmt, 4, today);
        rectify_bind_text (stmt, 5, due_date);
        rectify_bind_id_or_null (stmt, 6, rectify_store_get_actor (self));
        rectify_bind_text (stmt, 7, trimmed);
        ok = rectify_store_step_done (self, stmt, error);
        id = sqlite3_last_insert_rowid (rectify_sqlite_db (self));
      }
  }
  if (ok)
    {
      g_autofree char *after = rectify_store_row_json (self, "scheduled_visit", id);
      ok = rectify_store_audit (self, "scheduled_visit", id, "create", NULL, after, error);
      rectify_store_mark_changed (self, "visit");
    }
  return rectify_store_end (self, ok, error) ? id : 0;
}

RectifyScheduledVisit *
rectify_store_get_visit (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  stmt = rectify_store_prepare (self, "SELECT " VISIT_COLUMNS " FROM " VISIT_FROM " WHERE v.id = ?",
                                error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("Visit: there is no planned visit with id %" PRId64), id);
      return NULL;
    }
  return read_visit (stmt);
}

gboolean
rectify_store_cancel_visit (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyScheduledVisit) v = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!rectify_store_check_writer (self, error))
    return FALSE;
  v = rectify_store_get_visit (self, id, error);
  if (v == NULL)
    return FALSE;
  if (v->done_inspection_id != 0)
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
          _ ("Visit %" PRId64 " was done by inspection %" PRId64 " on %s; it stays on record"),
          v->id, v->done_inspection_id, v->done_date);
      return FALSE;
    }
  /* the visits of an archived campaign's hazards are part of its record */
  {
    g_autoptr (RectifyHazard) h = rectify_store_get_hazard (self, v->hazard_id, error);

    if (h == NULL || !rectify_store_check_campaign_open (self, h->campaign_id, error))
      return FALSE;
  }
  if (!rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "scheduled_visit", id);
  {
    g_autoptr (RectifyStmt) stmt
        = rectify_store_prepare (self, "DELETE FROM scheduled_visit WHERE id = ?", error);
    ok = stmt != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (stmt, 1, id);
        ok = rectify_store_step_done (self, stmt, error);
      }
  }
  if (ok)
    {
      ok = rectify_store_audit (self, "scheduled_visit", id, "delete", before, NULL, error);
      rectify_store_mark_changed (self, "visit");
    }
  return rectify_store_end (self, ok, error);
}

gboolean
rectify_schedule_mark_done (RectifyStore *self,
                            gint64 inspection_id,
                            const RectifyInspection *in,
                            GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *sql;

  /* a file held at an older version for an upgrade test has no visits */
  if (rectify_store_get_schema_version (self) < RECTIFY_SCHEMA_SCHEDULED_VISIT)
    return TRUE;
  if (in->kind == RECTIFY_INSPECTION_BACK_CHECK)
    sql = "SELECT id FROM scheduled_visit WHERE unit_id = ? AND done_inspection_id IS NULL AND "
          "scheduled_on <= ?";
  else if (in->kind == RECTIFY_INSPECTION_BUREAU)
    sql = "SELECT id FROM scheduled_visit WHERE unit_id = ? AND done_inspection_id IS NULL AND "
          "scheduled_on <= ?"
          " AND kind = 're_inspection'";
  else
    return TRUE;
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (self, sql, error);
    int rc;

    if (!stmt)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, in->unit_id);
    rectify_bind_text (stmt, 2, in->date);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (ids, id);
      }
    if (rc != SQLITE_DONE)
      return rectify_store_fail (self, rc, error);
  }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *before = rectify_store_row_json (self, "scheduled_visit", id);
      g_autofree char *after = NULL;
      g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
          self, "UPDATE scheduled_visit SET done_inspection_id = ?, done_date = ? WHERE id = ?",
          error);

      if (!stmt)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, inspection_id);
      rectify_bind_text (stmt, 2, in->date);
      sqlite3_bind_int64 (stmt, 3, id);
      if (!rectify_store_step_done (self, stmt, error))
        return FALSE;
      after = rectify_store_row_json (self, "scheduled_visit", id);
      if (!rectify_store_audit (self, "scheduled_visit", id, "done", before, after, error))
        return FALSE;
      rectify_store_mark_changed (self, "visit");
    }
  return TRUE;
}

static const char *const visit_sorts[]
    = { "due_date", "v.due_date", "id", "v.id", "unit", "u.name", NULL };

static gboolean
visit_filter (const RectifyQuery *q, RectifyFilter *f, const char **order, GError **error)
{
  *order = rectify_sort_expression (visit_sorts, q ? q->sort : NULL);
  if (*order == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Sort: unknown column “%s”; use due_date, id or unit"), q->sort);
      return FALSE;
    }
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
        {
          g_autofree char *today = q->as_of ? g_strdup (q->as_of) : rectify_today ();
          rectify_filter_add_text (f, "v.done_inspection_id IS NULL AND v.due_date < ?", today);
        }
    }
  return TRUE;
}

GArray *
rectify_store_query_visit_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  RectifyFilter f;
  const char *order;
  GArray *ids;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!visit_filter (q, &f, &order, error))
    return NULL;
  ids = rectify_store_query_ids (self, "v.id", "scheduled_visit v JOIN unit u ON u.id = v.unit_id",
                                 "scheduled_visit v", &f, order, q, error);
  rectify_filter_clear (&f);
  return ids;
}

GPtrArray *
rectify_store_get_visits_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);
  return rectify_store_rows_by_ids (self, VISIT_COLUMNS, VISIT_FROM, "v.id", read_visit,
                                    (GDestroyNotify)rectify_scheduled_visit_free, ids, n_ids,
                                    error);
}

GPtrArray *
rectify_store_list_visits (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error)
{
  RectifyFilter f;
  const char *order;
  GPtrArray *rows;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!visit_filter (q, &f, &order, error))
    return NULL;
  rows = rectify_store_query_page (self, VISIT_COLUMNS, VISIT_FROM, &f, order, q, read_visit,
                                   (GDestroyNotify)rectify_scheduled_visit_free, total, error);
  rectify_filter_clear (&f);
  return rows;
}
