/* rectify-sqlite-figures.c: the counts behind the figures and the summary, and
 * the figures' definitions as SQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every series of the summary is an SQL aggregate over the same rows, with
 * the same conditions, as the figures, so that a chart always adds up to
 * the figure printed beside it.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-figures.h"

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

/* ---- the figures ---------------------------------------------------------- */

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

static gboolean
finish_rows (RectifyStore *store, int rc, GError **error)
{
  if (rc != SQLITE_DONE)
    return rectify_store_fail (store, rc, error);
  return TRUE;
}

static gboolean
figure_inspections (
    RectifyStore *store, gint64 campaign_id, const char *as_of, RectifyFigures *f, GError **error)
{
  g_autofree char *done = rectify_figures_sql_inspection_done ("", "?1");
  g_autofree char *sql
      = g_strdup_printf ("SELECT coalesce(sum(CASE WHEN kind <> 'self' THEN officer_count END), 0),"
                         " count(CASE WHEN kind <> 'self' THEN 1 END),"
                         " count(DISTINCT CASE WHEN kind <> 'self' THEN unit_id END),"
                         " coalesce(sum(CASE WHEN kind <> 'self' THEN equipment_count END), 0),"
                         " count(CASE WHEN kind = 'self' THEN 1 END),"
                         " count(CASE WHEN kind = 'back_check' THEN 1 END)"
                         " FROM inspection WHERE @SCOPE@ AND %s",
                         done);
  g_autoptr (RectifyStmt) stmt
      = prepare_scoped (store, sql, campaign_id, "campaign_id", as_of, error);

  if (!stmt || !step_row (store, stmt, error))
    return FALSE;
  f->officer_person_times = sqlite3_column_int64 (stmt, 0);
  f->unit_inspections = sqlite3_column_int64 (stmt, 1);
  f->distinct_units = sqlite3_column_int64 (stmt, 2);
  f->equipment_checks = sqlite3_column_int64 (stmt, 3);
  f->self_inspections = sqlite3_column_int64 (stmt, 4);
  f->back_checks = sqlite3_column_int64 (stmt, 5);
  return TRUE;
}

static gboolean
figure_documents (
    RectifyStore *store, gint64 campaign_id, const char *as_of, RectifyFigures *f, GError **error)
{
  g_autofree char *issued = rectify_figures_sql_document_issued ("", "?1");
  g_autofree char *sql = g_strdup_printf ("SELECT count(CASE WHEN kind = 'instruction' THEN 1 "
                                          "END), count(CASE WHEN kind = 'opinion' THEN 1 END)"
                                          " FROM document WHERE @SCOPE@ AND %s",
                                          issued);
  g_autoptr (RectifyStmt) stmt
      = prepare_scoped (store, sql, campaign_id, "campaign_id", as_of, error);

  if (!stmt || !step_row (store, stmt, error))
    return FALSE;
  f->instruction_letters = sqlite3_column_int64 (stmt, 0);
  f->rectification_opinions = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/* one pass over the campaign's hazards */
static gboolean
figure_hazards (RectifyStore *store,
                gint64 campaign_id,
                const char *as_of,
                RectifyStoreHazardTallyFunc func,
                gpointer user_data,
                GError **error)
{
  g_autofree char *found = rectify_figures_sql_hazard_found ("", "?1");
  g_autofree char *closed = rectify_figures_sql_hazard_closed ("", "?1");
  g_autofree char *overdue = rectify_figures_sql_hazard_overdue ("", "?1");
  g_autofree char *sql
      = g_strdup_printf ("SELECT category, count(*), count(CASE WHEN grade = 'general' THEN 1 END),"
                         " count(CASE WHEN grade = 'major' THEN 1 END),"
                         " count(CASE WHEN %s THEN 1 END),"
                         " count(CASE WHEN %s THEN 1 END)"
                         " FROM hazard WHERE @SCOPE@ AND %s GROUP BY category",
                         closed, overdue, found);
  g_autoptr (RectifyStmt) stmt
      = prepare_scoped (store, sql, campaign_id, "campaign_id", as_of, error);
  int rc;

  if (!stmt)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RectifyStoreHazardTally tally = {
        .category = (const char *)sqlite3_column_text (stmt, 0),
        .found = sqlite3_column_int64 (stmt, 1),
        .general = sqlite3_column_int64 (stmt, 2),
        .major = sqlite3_column_int64 (stmt, 3),
        .closed = sqlite3_column_int64 (stmt, 4),
        .overdue = sqlite3_column_int64 (stmt, 5),
      };
      func (&tally, user_data);
    }
  return finish_rows (store, rc, error);
}

static gboolean
figure_checks (RectifyStore *store,
               gint64 campaign_id,
               const char *as_of,
               RectifyStoreCheckTallyFunc func,
               gpointer user_data,
               GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = prepare_scoped (store,
                        "SELECT category, sum(quantity) FROM check_tally"
                        " WHERE @SCOPE@ AND date <= ?1 AND kind <> 'self' GROUP BY category",
                        campaign_id, "campaign_id", as_of, error);
  int rc;

  if (!stmt)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (sqlite3_column_int (stmt, 0), sqlite3_column_int64 (stmt, 1), user_data);
  return finish_rows (store, rc, error);
}

/* ---- the summary's series ------------------------------------------------- */

/* Binds ?1 = as of, ?2 = campaign id. */
static RectifyStmt *
prepare_bound (
    RectifyStore *store, const char *sql, gint64 campaign_id, const char *as_of, GError **error)
{
  RectifyStmt *stmt = rectify_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  rectify_bind_text (stmt, 1, as_of);
  sqlite3_bind_int64 (stmt, 2, campaign_id);
  return stmt;
}

/* One pass over the campaign's hazards in its covering index. */
static gboolean
figure_hazard_days (RectifyStore *store,
                    gint64 campaign_id,
                    const char *as_of,
                    RectifyStoreHazardDayFunc func,
                    gpointer user_data,
                    GError **error)
{
  /* closed as the figures count it: found and closed by the day looked at */
  g_autofree char *closed_by = rectify_figures_sql_hazard_closed ("", "?1");
  g_autofree char *found_by = rectify_figures_sql_hazard_found ("", "?1");
  g_autofree char *sql
      = g_strdup_printf ("SELECT found_date, CASE WHEN %s THEN closed_date END,"
                         " equipment_category FROM hazard WHERE campaign_id = ?2 AND %s",
                         closed_by, found_by);
  g_autoptr (RectifyStmt) stmt = prepare_bound (store, sql, campaign_id, as_of, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func ((const char *)sqlite3_column_text (stmt, 0), (const char *)sqlite3_column_text (stmt, 1),
          sqlite3_column_type (stmt, 2) == SQLITE_NULL ? 0 : sqlite3_column_int (stmt, 2),
          user_data);
  return finish_rows (store, rc, error);
}

static gboolean
figure_inspection_days (RectifyStore *store,
                        gint64 campaign_id,
                        const char *as_of,
                        RectifyStoreInspectionDayFunc func,
                        gpointer user_data,
                        GError **error)
{
  /* the figures' covering index in its order (campaign, date, kind): no sort */
  g_autofree char *done = rectify_figures_sql_inspection_done ("", "?1");
  g_autofree char *sql
      = g_strdup_printf ("SELECT date, count(CASE WHEN kind <> 'self' THEN 1 END), count(CASE WHEN "
                         "kind = 'self' THEN 1 END)"
                         " FROM inspection WHERE campaign_id = ?2 AND %s GROUP BY date",
                         done);
  g_autoptr (RectifyStmt) stmt = prepare_bound (store, sql, campaign_id, as_of, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func ((const char *)sqlite3_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1),
          sqlite3_column_int64 (stmt, 2), user_data);
  return finish_rows (store, rc, error);
}

static gint64
figure_count_units (RectifyStore *store,
                    RectifyStoreUnitGroup group,
                    const char *label,
                    GError **error)
{
  const char *sql = group == RECTIFY_STORE_UNITS_OF_INDUSTRY
                        ? "SELECT count(*) FROM unit WHERE industry = ?1"
                    : group == RECTIFY_STORE_UNITS_CROWDED
                        ? "SELECT count(*) FROM unit WHERE crowded = 1 AND ?1 IS NOT NULL"
                        : "SELECT count(*) FROM unit WHERE district = ?1";
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  rectify_bind_text (stmt, 1, label);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      rectify_store_fail (store, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
figure_inspected_units (RectifyStore *store,
                        gint64 campaign_id,
                        const char *as_of,
                        RectifyStoreInspectedUnitFunc func,
                        gpointer user_data,
                        GError **error)
{
  /* each such unit once, read over the figures' index */
  g_autofree char *done = rectify_figures_sql_inspection_done ("", "?1");
  g_autofree char *sql = g_strdup_printf (
      "SELECT industry, district, crowded FROM unit WHERE id IN"
      " (SELECT unit_id FROM inspection WHERE campaign_id = ?2 AND %s AND kind <> 'self')",
      done);
  g_autoptr (RectifyStmt) stmt = prepare_bound (store, sql, campaign_id, as_of, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func ((const char *)sqlite3_column_text (stmt, 0), (const char *)sqlite3_column_text (stmt, 1),
          sqlite3_column_int (stmt, 2) != 0, user_data);
  return finish_rows (store, rc, error);
}

static GArray *
figure_campaign_units (RectifyStore *store, gint64 campaign_id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = rectify_store_prepare (
      store,
      "SELECT u.id FROM unit u WHERE u.id IN (SELECT unit_id FROM inspection WHERE campaign_id = ?1"
      " UNION SELECT unit_id FROM hazard WHERE campaign_id = ?1) ORDER BY u.credit_code, u.id",
      error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      rectify_store_fail (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

const RectifyStoreFigureOps rectify_sqlite_figure_ops = {
  .inspections = figure_inspections,
  .documents = figure_documents,
  .hazards = figure_hazards,
  .checks = figure_checks,
  .hazard_days = figure_hazard_days,
  .inspection_days = figure_inspection_days,
  .count_units = figure_count_units,
  .inspected_units = figure_inspected_units,
  .campaign_units = figure_campaign_units,
};
