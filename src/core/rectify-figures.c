/* rectify-figures.c: the campaign figures, defined once for every report
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rectify-figures.h"
#include "rectify-format.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"

static void
figure_row_free (RectifyFigureRow *row)
{
  g_free (row->code);
  g_free (row->label);
  g_free (row);
}

void
rectify_figures_free (RectifyFigures *figures)
{
  if (!figures)
    return;
  g_free (figures->as_of);
  g_clear_pointer (&figures->hazards_by_category, g_ptr_array_unref);
  g_clear_pointer (&figures->checks_by_equipment_category, g_ptr_array_unref);
  g_free (figures);
}

char *
rectify_figures_format_rate (double rate)
{
  double percent = rate * 100.0;

  /* whole numbers as the seed writes them ("80%"), else one decimal */
  if (fabs (percent - round (percent)) < 0.05)
    return g_strdup_printf ("%.0f%%", round (percent));
  return g_strdup_printf ("%.1f%%", percent);
}

/* @SCOPE@ in sql becomes the campaign condition on column; binds ?1 =
 * as_of and, when scoped, ?2 = the campaign id. */
static RectifyStmt *
prepare_scoped (RectifyStore *store,
                const char *sql_fmt,
                gint64 campaign_id,
                const char *column,
                const char *as_of,
                GError **error)
{
  g_autofree char *clause = campaign_id ? g_strdup_printf ("%s = ?2", column) : g_strdup ("1");
  g_autoptr (GString) sql = g_string_new (sql_fmt);
  RectifyStmt *stmt;

  g_string_replace (sql, "@SCOPE@", clause, 1);
  stmt = rectify_store_prepare (store, sql->str, error);

  if (!stmt)
    return NULL;
  rectify_bind_text (stmt, 1, as_of);
  if (campaign_id)
    sqlite3_bind_int64 (stmt, 2, campaign_id);
  return stmt;
}

static gboolean
step_row (RectifyStore *store, RectifyStmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rectify_store_fail (store, rc, error);
  return TRUE;
}

/* ---- the definitions, as SQL ---------------------------------------------- */

char *
rectify_figures_sql_inspection_done (const char *alias, const char *day)
{
  return g_strdup_printf ("%sdate <= %s", alias, day);
}

char *
rectify_figures_sql_hazard_found (const char *alias, const char *day)
{
  return g_strdup_printf ("%sfound_date <= %s", alias, day);
}

/* rectified = confirmed and cancelled by the day (closed is final) */
char *
rectify_figures_sql_hazard_closed (const char *alias, const char *day)
{
  return g_strdup_printf ("%1$sstatus = 'closed' AND %1$sclosed_date <= %2$s", alias, day);
}

/* not closed on the day and its deadline already passed */
char *
rectify_figures_sql_hazard_overdue (const char *alias, const char *day)
{
  return g_strdup_printf (
      "(%1$sstatus <> 'closed' OR %1$sclosed_date > %2$s) AND %1$sdeadline < %2$s", alias, day);
}

/* void ones excluded: those voided on or before the day looked at */
char *
rectify_figures_sql_document_issued (const char *alias, const char *day)
{
  return g_strdup_printf (
      "%1$sissued_date <= %2$s AND (%1$sstatus = 'issued' OR %1$svoid_date > %2$s)", alias, day);
}

char *
rectify_figures_sql_document_void (const char *alias, const char *day)
{
  return g_strdup_printf ("%1$sstatus = 'void' AND %1$svoid_date <= %2$s", alias, day);
}

void
rectify_filter_add_day (RectifyFilter *f, const char *clause, const char *day)
{
  guint n = 0;

  for (const char *p = clause; *p; p++)
    n += *p == '?';
  rectify_filter_add_text_n (f, clause, n, day);
}

RectifyFigures *
rectify_figures_compute (RectifyStore *store, gint64 campaign_id, const char *as_of, GError **error)
{
  g_autoptr (RectifyFigures) f = g_new0 (RectifyFigures, 1);
  gboolean chinese = rectify_language_is_chinese ();

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  if (as_of && !rectify_validate_date (_ ("As of"), as_of, error))
    return NULL;
  f->campaign_id = campaign_id;
  if (campaign_id)
    {
      g_autoptr (RectifyCampaign) c = rectify_store_get_campaign (store, campaign_id, error);
      if (!c)
        return NULL;
      if (as_of == NULL)
        {
          g_autofree char *today = rectify_today ();
          g_autofree char *end = rectify_campaign_end_date (c);
          f->as_of = g_strdup (g_strcmp0 (end, today) < 0 ? end : today);
        }
    }
  if (f->as_of == NULL)
    f->as_of = as_of ? g_strdup (as_of) : rectify_today ();

  {
    g_autofree char *done = rectify_figures_sql_inspection_done ("", "?1");
    g_autofree char *sql = g_strdup_printf (
        "SELECT coalesce(sum(CASE WHEN kind <> 'self' THEN officer_count END), 0),"
        " count(CASE WHEN kind <> 'self' THEN 1 END),"
        " count(DISTINCT CASE WHEN kind <> 'self' THEN unit_id END),"
        " coalesce(sum(CASE WHEN kind <> 'self' THEN equipment_count END), 0),"
        " count(CASE WHEN kind = 'self' THEN 1 END),"
        " count(CASE WHEN kind = 'back_check' THEN 1 END)"
        " FROM inspection WHERE @SCOPE@ AND %s",
        done);
    g_autoptr (RectifyStmt) stmt
        = prepare_scoped (store, sql, campaign_id, "campaign_id", f->as_of, error);
    if (!stmt || !step_row (store, stmt, error))
      return NULL;
    f->officer_person_times = sqlite3_column_int64 (stmt, 0);
    f->unit_inspections = sqlite3_column_int64 (stmt, 1);
    f->distinct_units = sqlite3_column_int64 (stmt, 2);
    f->equipment_checks = sqlite3_column_int64 (stmt, 3);
    f->self_inspections = sqlite3_column_int64 (stmt, 4);
    f->back_checks = sqlite3_column_int64 (stmt, 5);
  }
  {
    g_autofree char *issued = rectify_figures_sql_document_issued ("", "?1");
    g_autofree char *sql = g_strdup_printf ("SELECT count(CASE WHEN kind = 'instruction' THEN 1 "
                                            "END), count(CASE WHEN kind = 'opinion' THEN 1 END)"
                                            " FROM document WHERE @SCOPE@ AND %s",
                                            issued);
    g_autoptr (RectifyStmt) stmt
        = prepare_scoped (store, sql, campaign_id, "campaign_id", f->as_of, error);
    if (!stmt || !step_row (store, stmt, error))
      return NULL;
    f->instruction_letters = sqlite3_column_int64 (stmt, 0);
    f->rectification_opinions = sqlite3_column_int64 (stmt, 1);
  }
  f->hazards_by_category = g_ptr_array_new_with_free_func ((GDestroyNotify)figure_row_free);
  {
    /* one pass over the campaign's hazards, then every category in its order */
    g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autofree char *found = rectify_figures_sql_hazard_found ("", "?1");
    g_autofree char *closed = rectify_figures_sql_hazard_closed ("", "?1");
    g_autofree char *overdue = rectify_figures_sql_hazard_overdue ("", "?1");
    g_autofree char *sql = g_strdup_printf (
        "SELECT category, count(*), count(CASE WHEN grade = 'general' THEN 1 END),"
        " count(CASE WHEN grade = 'major' THEN 1 END),"
        " count(CASE WHEN %s THEN 1 END),"
        " count(CASE WHEN %s THEN 1 END)"
        " FROM hazard WHERE @SCOPE@ AND %s GROUP BY category",
        closed, overdue, found);
    g_autoptr (RectifyStmt) stmt
        = prepare_scoped (store, sql, campaign_id, "campaign_id", f->as_of, error);
    g_autoptr (GPtrArray) categories = NULL;
    int rc;

    if (!stmt)
      return NULL;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        g_hash_table_insert (counts, rectify_column_text (stmt, 0),
                             GSIZE_TO_POINTER ((gsize)sqlite3_column_int64 (stmt, 1)));
        f->hazards_found += sqlite3_column_int64 (stmt, 1);
        f->hazards_general += sqlite3_column_int64 (stmt, 2);
        f->hazards_major += sqlite3_column_int64 (stmt, 3);
        f->hazards_closed += sqlite3_column_int64 (stmt, 4);
        f->hazards_overdue += sqlite3_column_int64 (stmt, 5);
      }
    f->rectification_rate = f->hazards_found ? (double)f->hazards_closed / f->hazards_found : 0.0;
    if (rc != SQLITE_DONE)
      {
        rectify_store_fail (store, rc, error);
        return NULL;
      }
    categories = rectify_store_list_hazard_categories (store, error);
    if (!categories)
      return NULL;
    for (guint i = 0; i < categories->len; i++)
      {
        RectifyHazardCategory *c = g_ptr_array_index (categories, i);
        RectifyFigureRow *row = g_new0 (RectifyFigureRow, 1);
        row->code = g_strdup (c->code);
        row->label = g_strdup (chinese ? c->name_zh : c->name_en);
        row->count = GPOINTER_TO_SIZE (g_hash_table_lookup (counts, c->code));
        g_ptr_array_add (f->hazards_by_category, row);
      }
  }
  f->checks_by_equipment_category
      = g_ptr_array_new_with_free_func ((GDestroyNotify)figure_row_free);
  {
    g_autoptr (RectifyStmt) stmt
        = prepare_scoped (store,
                          "SELECT category, sum(quantity) FROM check_tally"
                          " WHERE @SCOPE@ AND date <= ?1 AND kind <> 'self' GROUP BY category",
                          campaign_id, "campaign_id", f->as_of, error);
    gint64 counts[RECTIFY_N_CATEGORIES] = { 0 };
    int rc;
    if (!stmt)
      return NULL;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      for (int i = 0; i < RECTIFY_N_CATEGORIES; i++)
        if ((int)rectify_categories[i] == sqlite3_column_int (stmt, 0))
          counts[i] = sqlite3_column_int64 (stmt, 1);
    if (rc != SQLITE_DONE)
      {
        rectify_store_fail (store, rc, error);
        return NULL;
      }
    for (int i = 0; i < RECTIFY_N_CATEGORIES; i++)
      {
        RectifyFigureRow *row = g_new0 (RectifyFigureRow, 1);
        row->code = g_strdup (rectify_category_to_code (rectify_categories[i]));
        row->label = g_strdup (rectify_category_to_label (rectify_categories[i]));
        row->count = counts[i];
        g_ptr_array_add (f->checks_by_equipment_category, row);
      }
  }
  return g_steal_pointer (&f);
}
