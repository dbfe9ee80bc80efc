/* rectify-pg-figures.c: the counts behind the figures and the summary, and
 * the figures' definitions as SQL, on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every series of the summary is an aggregate over the same rows, with the
 * same conditions, as the figures, so that a chart always adds up to the
 * figure printed beside it (as in sqlite/rectify-sqlite-figures.c).
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-figures.h"
#include "rectify-pg-private.h"
#include "rectify-store-figures.h"

/* ---- the definitions, as SQL ---------------------------------------------- */

char *
rectify_pg_sql_inspection_done (const char *alias, const char *day)
{
  return g_strdup_printf ("%sdate <= %s", alias, day);
}

char *
rectify_pg_sql_hazard_found (const char *alias, const char *day)
{
  return g_strdup_printf ("%sfound_date <= %s", alias, day);
}

/* rectified = confirmed and cancelled by the day (closed is final) */
char *
rectify_pg_sql_hazard_closed (const char *alias, const char *day)
{
  return g_strdup_printf ("%1$sstatus = 'closed' AND %1$sclosed_date <= %2$s", alias, day);
}

/* not closed on the day and its deadline already passed */
char *
rectify_pg_sql_hazard_overdue (const char *alias, const char *day)
{
  return g_strdup_printf (
      "(%1$sstatus <> 'closed' OR %1$sclosed_date > %2$s) AND %1$sdeadline < %2$s", alias, day);
}

/* void ones excluded: those voided on or before the day looked at */
char *
rectify_pg_sql_document_issued (const char *alias, const char *day)
{
  return g_strdup_printf (
      "%1$sissued_date <= %2$s AND (%1$sstatus = 'issued' OR %1$svoid_date > %2$s)", alias, day);
}

char *
rectify_pg_sql_document_void (const char *alias, const char *day)
{
  return g_strdup_printf ("%1$sstatus = 'void' AND %1$svoid_date <= %2$s", alias, day);
}

void
rectify_pg_filter_add_day (RectifyPgFilter *f, const char *clause, const char *day)
{
  guint n = 0;

  for (const char *p = clause; *p; p++)
    n += *p == '?';
  rectify_pg_filter_add_text_n (f, clause, n, day);
}

gboolean
rectify_pg_filter_add_unit_search (RectifyPgFilter *f, const char *unit_column, const char *words)
{
  g_autofree char *query = rectify_pg_tsquery (words);
  g_autofree char *clause = NULL;

  if (query == NULL)
    return FALSE;
  clause = g_strdup_printf ("%s IN (SELECT id FROM unit WHERE fts @@ ?::tsquery)", unit_column);
  rectify_pg_filter_add_text (f, clause, query);
  return TRUE;
}

/* ---- the figures ---------------------------------------------------------- */

/* @SCOPE@ in sql_fmt becomes the campaign condition on column; $1 = as_of
 * and, when scoped, $2 = the campaign id. */
static PGresult *
exec_scoped (RectifyStore *store,
             const char *sql_fmt,
             gint64 campaign_id,
             const char *column,
             const char *as_of,
             GError **error)
{
  g_autofree char *clause = campaign_id ? g_strdup_printf ("%s = $2", column) : g_strdup ("TRUE");
  g_autoptr (GString) sql = g_string_new (sql_fmt);
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  g_string_replace (sql, "@SCOPE@", clause, 1);
  rectify_pg_add_text (&p, as_of);
  if (campaign_id)
    rectify_pg_add_int (&p, campaign_id);
  return rectify_pg_exec (store, sql->str, &p, error);
}

/* $1 = as of, $2 = campaign id. */
static PGresult *
exec_bound (
    RectifyStore *store, const char *sql, gint64 campaign_id, const char *as_of, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_text (&p, as_of);
  rectify_pg_add_int (&p, campaign_id);
  return rectify_pg_exec (store, sql, &p, error);
}

static gboolean
figure_inspections (
    RectifyStore *store, gint64 campaign_id, const char *as_of, RectifyFigures *f, GError **error)
{
  g_autofree char *done = rectify_pg_sql_inspection_done ("", "$1");
  g_autofree char *sql
      = g_strdup_printf ("SELECT coalesce(sum(CASE WHEN kind <> 'self' THEN officer_count END), 0),"
                         " count(CASE WHEN kind <> 'self' THEN 1 END),"
                         " count(DISTINCT CASE WHEN kind <> 'self' THEN unit_id END),"
                         " coalesce(sum(CASE WHEN kind <> 'self' THEN equipment_count END), 0),"
                         " count(CASE WHEN kind = 'self' THEN 1 END),"
                         " count(CASE WHEN kind = 'back_check' THEN 1 END)"
                         " FROM inspection WHERE @SCOPE@ AND %s",
                         done);
  g_autoptr (PGresult) res = exec_scoped (store, sql, campaign_id, "campaign_id", as_of, error);

  if (res == NULL)
    return FALSE;
  f->officer_person_times = rectify_pg_int (res, 0, 0);
  f->unit_inspections = rectify_pg_int (res, 0, 1);
  f->distinct_units = rectify_pg_int (res, 0, 2);
  f->equipment_checks = rectify_pg_int (res, 0, 3);
  f->self_inspections = rectify_pg_int (res, 0, 4);
  f->back_checks = rectify_pg_int (res, 0, 5);
  return TRUE;
}

static gboolean
figure_documents (
    RectifyStore *store, gint64 campaign_id, const char *as_of, RectifyFigures *f, GError **error)
{
  g_autofree char *issued = rectify_pg_sql_document_issued ("", "$1");
  g_autofree char *sql = g_strdup_printf ("SELECT count(CASE WHEN kind = 'instruction' THEN 1 "
                                          "END), count(CASE WHEN kind = 'opinion' THEN 1 END)"
                                          " FROM document WHERE @SCOPE@ AND %s",
                                          issued);
  g_autoptr (PGresult) res = exec_scoped (store, sql, campaign_id, "campaign_id", as_of, error);

  if (res == NULL)
    return FALSE;
  f->instruction_letters = rectify_pg_int (res, 0, 0);
  f->rectification_opinions = rectify_pg_int (res, 0, 1);
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
  g_autofree char *found = rectify_pg_sql_hazard_found ("", "$1");
  g_autofree char *closed = rectify_pg_sql_hazard_closed ("", "$1");
  g_autofree char *overdue = rectify_pg_sql_hazard_overdue ("", "$1");
  /* SQLite's GROUP BY hands the groups over in the order of the key */
  g_autofree char *sql
      = g_strdup_printf ("SELECT category, count(*), count(CASE WHEN grade = 'general' THEN 1 END),"
                         " count(CASE WHEN grade = 'major' THEN 1 END),"
                         " count(CASE WHEN %s THEN 1 END),"
                         " count(CASE WHEN %s THEN 1 END)"
                         " FROM hazard WHERE @SCOPE@ AND %s GROUP BY category ORDER BY category",
                         closed, overdue, found);
  g_autoptr (PGresult) res = exec_scoped (store, sql, campaign_id, "campaign_id", as_of, error);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      RectifyStoreHazardTally tally = {
        .category = rectify_pg_text (res, i, 0),
        .found = rectify_pg_int (res, i, 1),
        .general = rectify_pg_int (res, i, 2),
        .major = rectify_pg_int (res, i, 3),
        .closed = rectify_pg_int (res, i, 4),
        .overdue = rectify_pg_int (res, i, 5),
      };
      func (&tally, user_data);
    }
  return TRUE;
}

static gboolean
figure_checks (RectifyStore *store,
               gint64 campaign_id,
               const char *as_of,
               RectifyStoreCheckTallyFunc func,
               gpointer user_data,
               GError **error)
{
  g_autoptr (PGresult) res = exec_scoped (
      store,
      "SELECT category, sum(quantity) FROM check_tally"
      " WHERE @SCOPE@ AND date <= $1 AND kind <> 'self' GROUP BY category ORDER BY category",
      campaign_id, "campaign_id", as_of, error);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    func ((int)rectify_pg_int (res, i, 0), rectify_pg_int (res, i, 1), user_data);
  return TRUE;
}

/* ---- the summary's series ------------------------------------------------- */

static gboolean
figure_hazard_days (RectifyStore *store,
                    gint64 campaign_id,
                    const char *as_of,
                    RectifyStoreHazardDayFunc func,
                    gpointer user_data,
                    GError **error)
{
  /* closed as the figures count it: found and closed by the day looked at */
  g_autofree char *closed_by = rectify_pg_sql_hazard_closed ("", "$1");
  g_autofree char *found_by = rectify_pg_sql_hazard_found ("", "$1");
  g_autofree char *sql
      = g_strdup_printf ("SELECT found_date, CASE WHEN %s THEN closed_date END,"
                         " equipment_category FROM hazard WHERE campaign_id = $2 AND %s",
                         closed_by, found_by);
  g_autoptr (PGresult) res = exec_bound (store, sql, campaign_id, as_of, error);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    func (rectify_pg_text (res, i, 0), rectify_pg_text (res, i, 1), (int)rectify_pg_int (res, i, 2),
          user_data);
  return TRUE;
}

static gboolean
figure_inspection_days (RectifyStore *store,
                        gint64 campaign_id,
                        const char *as_of,
                        RectifyStoreInspectionDayFunc func,
                        gpointer user_data,
                        GError **error)
{
  g_autofree char *done = rectify_pg_sql_inspection_done ("", "$1");
  g_autofree char *sql = g_strdup_printf (
      "SELECT date, count(CASE WHEN kind <> 'self' THEN 1 END), count(CASE WHEN "
      "kind = 'self' THEN 1 END)"
      " FROM inspection WHERE campaign_id = $2 AND %s GROUP BY date ORDER BY date",
      done);
  g_autoptr (PGresult) res = exec_bound (store, sql, campaign_id, as_of, error);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    func (rectify_pg_text (res, i, 0), rectify_pg_int (res, i, 1), rectify_pg_int (res, i, 2),
          user_data);
  return TRUE;
}

static gint64
figure_count_units (RectifyStore *store,
                    RectifyStoreUnitGroup group,
                    const char *label,
                    GError **error)
{
  const char *sql = group == RECTIFY_STORE_UNITS_OF_INDUSTRY
                        ? "SELECT count(*) FROM unit WHERE industry = $1"
                    : group == RECTIFY_STORE_UNITS_CROWDED
                        ? "SELECT count(*) FROM unit WHERE crowded = 1 AND $1::text IS NOT NULL"
                        : "SELECT count(*) FROM unit WHERE district = $1";
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  gint64 n = 0;

  rectify_pg_add_text (&p, label);
  if (!rectify_pg_query_int (store, sql, &p, &n, error))
    return -1;
  return n;
}

static gboolean
figure_inspected_units (RectifyStore *store,
                        gint64 campaign_id,
                        const char *as_of,
                        RectifyStoreInspectedUnitFunc func,
                        gpointer user_data,
                        GError **error)
{
  /* each such unit once */
  g_autofree char *done = rectify_pg_sql_inspection_done ("", "$1");
  g_autofree char *sql = g_strdup_printf (
      "SELECT industry, district, crowded FROM unit WHERE id IN"
      " (SELECT unit_id FROM inspection WHERE campaign_id = $2 AND %s AND kind <> 'self')"
      " ORDER BY id",
      done);
  g_autoptr (PGresult) res = exec_bound (store, sql, campaign_id, as_of, error);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    func (rectify_pg_text (res, i, 0), rectify_pg_text (res, i, 1), rectify_pg_int (res, i, 2) != 0,
          user_data);
  return TRUE;
}

static GArray *
figure_campaign_units (RectifyStore *store, gint64 campaign_id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_int (&p, campaign_id);
  return rectify_pg_select_ids (
      store,
      "SELECT u.id FROM unit u WHERE u.id IN (SELECT unit_id FROM inspection WHERE campaign_id = $1"
      " UNION SELECT unit_id FROM hazard WHERE campaign_id = $1) ORDER BY u.credit_code, u.id",
      &p, NULL, error);
}

const RectifyStoreFigureOps rectify_pg_figure_ops = {
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
