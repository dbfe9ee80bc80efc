/* rectify-inspection-query.c: the inspection list, lazily, with what each visit found
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-inspection-query.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"

void
rectify_inspection_summary_free (RectifyInspectionSummary *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->unit_name);
  g_free (self->campaign_name);
  g_free (self->officer_names);
  g_free (self->checklist);
  g_free (self);
}

/* Officer names come joined by a unit separator (never in a name) and are
 * joined again with the translated list separator. */
#define SUMMARY_COLUMNS                                                                            \
  "i.id, coalesce(i.campaign_id, 0), i.unit_id, i.kind, i.date, u.name, coalesce(c.name, ''),"     \
  " (SELECT group_concat(o.name, char(31)) FROM inspection_officer io"                             \
  "  JOIN officer o ON o.id = io.officer_id WHERE io.inspection_id = i.id),"                       \
  " i.officer_count, i.equipment_count,"                                                           \
  " (SELECT count(*) FROM hazard h WHERE h.inspection_id = i.id), i.checklist"
#define SUMMARY_FROM                                                                               \
  "inspection i JOIN unit u ON u.id = i.unit_id LEFT JOIN campaign c ON c.id = i.campaign_id"

static gpointer
read_summary (RectifyStmt *stmt)
{
  RectifyInspectionSummary *s = g_new0 (RectifyInspectionSummary, 1);
  const char *names = (const char *)sqlite3_column_text (stmt, 7);

  s->id = sqlite3_column_int64 (stmt, 0);
  s->campaign_id = sqlite3_column_int64 (stmt, 1);
  s->unit_id = sqlite3_column_int64 (stmt, 2);
  rectify_inspection_kind_from_code ((const char *)sqlite3_column_text (stmt, 3), &s->kind);
  s->date = rectify_column_text (stmt, 4);
  s->unit_name = rectify_column_text (stmt, 5);
  s->campaign_name = rectify_column_text (stmt, 6);
  if (names != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (names, "\x1f", -1);
      s->officer_names = g_strjoinv (C_ ("list separator", ", "), parts);
    }
  else
    s->officer_names = g_strdup ("");
  s->officer_count = sqlite3_column_int (stmt, 8);
  s->equipment_count = sqlite3_column_int (stmt, 9);
  s->hazard_count = sqlite3_column_int (stmt, 10);
  s->checklist = rectify_column_text (stmt, 11);
  return s;
}

static const char *const summary_sorts[]
    = { "date", "i.date", "id", "i.id", "unit", "u.name", "kind", "i.kind", NULL };

GArray *
rectify_store_query_inspection_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  RectifyFilter f;
  GArray *ids;
  const char *order = rectify_sort_expression (summary_sorts, q ? q->sort : NULL);

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (order == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Sort: unknown column “%s”; use date, id, unit or kind"), q->sort);
      return NULL;
    }
  if (q && q->as_of && !rectify_validate_date (_ ("As of"), q->as_of, error))
    return NULL;
  rectify_filter_init (&f);
  if (q)
    {
      g_autofree char *match = rectify_fts_query (q->search);

      /* the index's rows are units: a plain clause, not an id match */
      if (match)
        rectify_filter_add_text (
            &f, "i.unit_id IN (SELECT rowid FROM unit_fts WHERE unit_fts MATCH ?)", match);
      if (q->unit_id > 0)
        rectify_filter_add_int (&f, "i.unit_id = ?", q->unit_id);
      if (q->campaign_id > 0)
        rectify_filter_add_int (&f, "i.campaign_id = ?", q->campaign_id);
      if (q->kind >= 0)
        rectify_filter_add_text (&f, "i.kind = ?", rectify_inspection_kind_to_code (q->kind));
      if (q->by_bureau)
        rectify_filter_add_text (&f, "i.kind <> ?",
                                 rectify_inspection_kind_to_code (RECTIFY_INSPECTION_SELF));
      if (q->as_of_limits)
        {
          g_autofree char *day = q->as_of ? g_strdup (q->as_of) : rectify_today ();
          g_autofree char *done = rectify_figures_sql_inspection_done ("i.", "?");
          rectify_filter_add_day (&f, done, day);
        }
    }
  ids = rectify_store_query_ids (self, "i.id", "inspection i JOIN unit u ON u.id = i.unit_id",
                                 "inspection i", &f, order, q, error);
  rectify_filter_clear (&f);
  return ids;
}

GPtrArray *
rectify_store_get_inspections_by_ids (RectifyStore *self,
                                      const gint64 *ids,
                                      guint n_ids,
                                      GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);
  return rectify_store_rows_by_ids (self, SUMMARY_COLUMNS, SUMMARY_FROM, "i.id", read_summary,
                                    (GDestroyNotify)rectify_inspection_summary_free, ids, n_ids,
                                    error);
}

const char *
rectify_check_item_hazard_category (RectifyCheckItem item)
{
  switch (item)
    {
    case RECTIFY_CHECK_REGISTRATION:
      return "registration_outdated";
    case RECTIFY_CHECK_OPERATOR_LICENCES:
      return "unlicensed_operator";
    case RECTIFY_CHECK_PERIODIC_INSPECTION:
      return "inspection_overdue";
    case RECTIFY_CHECK_EMERGENCY_PLAN:
    case RECTIFY_CHECK_PLAN_DRILLED:
      return "emergency_plan";
    /* the management body, persons and rules have no category of their own */
    case RECTIFY_CHECK_MANAGEMENT_BODY:
    case RECTIFY_CHECK_RESPONSIBLE_PERSONS:
    case RECTIFY_CHECK_RULES:
    case RECTIFY_N_CHECK_ITEMS:
    default:
      return "other";
    }
}
