/* rectify-hazard-query.c: the lazy hazard list: ids of a filter in order, then rows by id
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-store-private.h"
#include "rectify-validate.h"

#define FROM_UNIT "hazard h JOIN unit u ON u.id = h.unit_id"
#define FROM_OFFICER " LEFT JOIN officer o ON o.id = h.supervisor_id"

static const char *const list_sorts[]
    = { "id",     "h.id",     "deadline",    "h.deadline",    "found_date", "h.found_date",
        "status", "h.status", "grade",       "h.grade",       "category",   "h.category",
        "unit",   "u.name",   "description", "h.description", "supervisor", "o.name",
        NULL };

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

static gboolean
hazard_filter (const RectifyQuery *q, RectifyFilter *f, const char **order, GError **error)
{
  g_autofree char *today = NULL;
  const char *as_of;

  *order = rectify_sort_expression (list_sorts, q ? q->sort : NULL);
  if (*order == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Sort: unknown column “%s”; use id, deadline, found_date, status, grade, "
                      "category, unit, description or supervisor"),
                   q->sort);
      return FALSE;
    }
  if (q && q->status >= RECTIFY_N_HAZARD_STATUSES)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Status: unknown hazard status"));
      return FALSE;
    }
  if (q && q->grade >= RECTIFY_N_GRADES)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("Grade: use general or major"));
      return FALSE;
    }
  if (q && q->due_within_days < 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Due within: %d days is not a number of days ahead"), q->due_within_days);
      return FALSE;
    }
  if (q && q->as_of && !rectify_validate_date (_ ("As of"), q->as_of, error))
    return FALSE;

  rectify_filter_init (f);
  if (q == NULL)
    return TRUE;
  today = q->as_of ? g_strdup (q->as_of) : rectify_today ();
  as_of = today;

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
  return TRUE;
}

GArray *
rectify_store_query_hazard_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  RectifyFilter f;
  const char *order;
  /* Join only what the order reads (the filter needs no join): the
   * snapshot of a city's 300 000 hazards by id or deadline reads no other
   * table. */
  static const char *const joins[]
      = { "u.", " JOIN unit u ON u.id = h.unit_id", "o.", FROM_OFFICER, NULL };
  GArray *ids;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!hazard_filter (q, &f, &order, error))
    return NULL;
  ids = rectify_store_query_ids_ordered (self, "h.id", "hazard h", joins, &f, order, q, error);
  rectify_filter_clear (&f);
  return ids;
}

GPtrArray *
rectify_store_get_hazards_by_ids (RectifyStore *self,
                                  const gint64 *ids,
                                  guint n_ids,
                                  GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  return rectify_store_rows_by_ids (self, RECTIFY_HAZARD_COLUMNS, FROM_UNIT, "h.id",
                                    rectify_read_hazard_row, (GDestroyNotify)rectify_hazard_free,
                                    ids, n_ids, error);
}
