/* rectify-pg-inspections.c: inspection visits, their officers, equipment and remarks, on
 * PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-figures.h"
#include "rectify-pg-private.h"
#include "rectify-store-inspections.h"
#include "rectify-validate.h"

static gboolean
insert_parts (RectifyStore *self, gint64 id, const RectifyInspection *in, GError **error)
{
  for (guint i = 0; in->officer_ids && i < in->officer_ids->len; i++)
    {
      g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

      rectify_pg_add_int (&p, id);
      rectify_pg_add_int (&p, g_array_index (in->officer_ids, gint64, i));
      if (!rectify_pg_run (
              self, "INSERT INTO inspection_officer (inspection_id, officer_id) VALUES ($1, $2)",
              &p, error))
        return FALSE;
    }
  for (guint i = 0; in->equipment && i < in->equipment->len; i++)
    {
      RectifyCheckedEquipment *ce = &g_array_index (in->equipment, RectifyCheckedEquipment, i);
      g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

      rectify_pg_add_int (&p, id);
      rectify_pg_add_int (&p, ce->equipment_id);
      rectify_pg_add_int (&p, ce->quantity);
      if (!rectify_pg_run (
              self,
              "INSERT INTO inspection_equipment (inspection_id, equipment_id, category, quantity)"
              " SELECT $1, id, category, $3 FROM equipment WHERE id = $2",
              &p, error))
        return FALSE;
    }
  for (guint i = 0; in->checks && i < in->checks->len; i++)
    {
      RectifyCheck *c = &g_array_index (in->checks, RectifyCheck, i);
      g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
      g_autofree char *remark = g_strstrip (g_strdup (c->remark ? c->remark : ""));

      if (*remark == '\0')
        continue;
      rectify_pg_add_int (&p, id);
      rectify_pg_add_int (&p, c->item);
      rectify_pg_add_text (&p, remark);
      if (!rectify_pg_run (
              self,
              "INSERT INTO inspection_remark (inspection_id, item, remark) VALUES ($1, $2, $3)", &p,
              error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
delete_parts (RectifyStore *self, gint64 id, GError **error)
{
  /* equipment first: its trigger takes the checks off the tally under the
   * visit's date and kind as they were */
  static const char *const sql[] = {
    "DELETE FROM inspection_equipment WHERE inspection_id = $1",
    "DELETE FROM inspection_officer WHERE inspection_id = $1",
    "DELETE FROM inspection_remark WHERE inspection_id = $1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

      rectify_pg_add_int (&p, id);
      if (!rectify_pg_run (self, sql[i], &p, error))
        return FALSE;
    }
  return TRUE;
}

/* The stored form of a check result, by RectifyCheckResult. */
static const char check_letters[RECTIFY_N_RESULTS] = { 'P', 'F', 'N' };

/* The inspection row's own columns, $1 … $8 in INSERT and UPDATE:
 * campaign, unit, kind, date, note, the officers and equipment counted,
 * the checklist's letters. */
static void
add_inspection_columns (RectifyPgParams *p, const RectifyInspection *in)
{
  char checklist[RECTIFY_N_CHECK_ITEMS + 1] = "--------";
  int equipment_count = 0;

  for (guint i = 0; in->equipment && i < in->equipment->len; i++)
    equipment_count += g_array_index (in->equipment, RectifyCheckedEquipment, i).quantity;
  for (guint i = 0; in->checks && i < in->checks->len; i++)
    {
      RectifyCheck *c = &g_array_index (in->checks, RectifyCheck, i);
      checklist[c->item] = check_letters[c->result];
    }
  rectify_pg_add_id_or_null (p, in->campaign_id);
  rectify_pg_add_int (p, in->unit_id);
  rectify_pg_add_text (p, rectify_inspection_kind_to_code (in->kind));
  rectify_pg_add_text (p, in->date);
  rectify_pg_add_text (p, in->note);
  rectify_pg_add_int (p, in->officer_ids ? in->officer_ids->len : 0);
  rectify_pg_add_int (p, equipment_count);
  rectify_pg_add_text (p, checklist);
}

static gint64
inspection_insert (RectifyStore *self, const RectifyInspection *in, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  gint64 id;

  add_inspection_columns (&p, in);
  /* an id given: an undone delete puts the visit back under its id */
  rectify_pg_add_id_or_null (&p, in->id);
  id = rectify_pg_insert (self,
                          "INSERT INTO inspection (campaign_id, unit_id, kind, date, note,"
                          " officer_count, equipment_count, checklist, id)"
                          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8,"
                          " coalesce($9, nextval (pg_get_serial_sequence ('inspection', 'id'))))"
                          " RETURNING id",
                          &p, error);
  if (id == 0)
    return 0;
  /* a visit given its id: the numbering goes on after it */
  if (in->id > 0
      && !rectify_pg_run (self,
                          "SELECT setval (pg_get_serial_sequence ('inspection', 'id'),"
                          " (SELECT max(id) FROM inspection))",
                          NULL, error))
    return 0;
  return insert_parts (self, id, in, error) ? id : 0;
}

static gboolean
inspection_update (RectifyStore *self, const RectifyInspection *in, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  /* the parts go under the visit as it was, come back under it as it is */
  if (!delete_parts (self, in->id, error))
    return FALSE;
  add_inspection_columns (&p, in);
  rectify_pg_add_int (&p, in->id);
  if (!rectify_pg_run (self,
                       "UPDATE inspection SET campaign_id = $1, unit_id = $2, kind = $3,"
                       " date = $4, note = $5, officer_count = $6, equipment_count = $7,"
                       " checklist = $8 WHERE id = $9",
                       &p, error))
    return FALSE;
  return insert_parts (self, in->id, in, error);
}

static gboolean
inspection_delete (RectifyStore *self, gint64 id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  if (!delete_parts (self, id, error))
    return FALSE;
  rectify_pg_add_int (&p, id);
  return rectify_pg_run (self, "DELETE FROM inspection WHERE id = $1", &p, error);
}

#define INSPECTION_COLUMNS                                                                         \
  "i.id, coalesce(i.campaign_id, 0), i.unit_id, i.kind, i.date, i.note, u.name, i.checklist"

static gpointer
read_inspection (const PGresult *r, int row)
{
  RectifyInspection *in = rectify_inspection_new ();
  const char *checklist;

  in->id = rectify_pg_int (r, row, 0);
  in->campaign_id = rectify_pg_int (r, row, 1);
  in->unit_id = rectify_pg_int (r, row, 2);
  rectify_inspection_kind_from_code (rectify_pg_text (r, row, 3), &in->kind);
  in->date = rectify_pg_dup_text (r, row, 4);
  in->note = rectify_pg_dup_text (r, row, 5);
  in->unit_name = rectify_pg_dup_text (r, row, 6);
  checklist = rectify_pg_text (r, row, 7);
  for (int item = 0; checklist && item < RECTIFY_N_CHECK_ITEMS && checklist[item]; item++)
    for (int result = 0; result < RECTIFY_N_RESULTS; result++)
      if (checklist[item] == check_letters[result])
        {
          RectifyCheck c = { item, result, g_strdup ("") };
          g_array_append_val (in->checks, c);
        }
  return in;
}

/* Appends the inspection's officers, equipment and remarks (RectifyCheck,
 * result unset) by officer, equipment item and checklist item; the arrays
 * may be NULL for parts not wanted. */
static gboolean
read_parts (RectifyStore *self,
            gint64 id,
            GArray *officer_ids,
            GArray *equipment,
            GArray *remarks,
            GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_int (&p, id);
  {
    g_autoptr (PGresult) res = rectify_pg_exec (
        self,
        "SELECT officer_id FROM inspection_officer WHERE inspection_id = $1 ORDER BY officer_id",
        &p, error);
    if (res == NULL)
      return FALSE;
    for (int i = 0; i < PQntuples (res); i++)
      {
        gint64 officer = rectify_pg_int (res, i, 0);
        g_array_append_val (officer_ids, officer);
      }
  }
  {
    g_autoptr (PGresult) res
        = rectify_pg_exec (self,
                           "SELECT equipment_id, quantity FROM inspection_equipment"
                           " WHERE inspection_id = $1 ORDER BY equipment_id",
                           &p, error);
    if (res == NULL)
      return FALSE;
    for (int i = 0; i < PQntuples (res); i++)
      {
        RectifyCheckedEquipment ce
            = { rectify_pg_int (res, i, 0), (int)rectify_pg_int (res, i, 1) };
        g_array_append_val (equipment, ce);
      }
  }
  {
    g_autoptr (PGresult) res = rectify_pg_exec (
        self, "SELECT item, remark FROM inspection_remark WHERE inspection_id = $1 ORDER BY item",
        &p, error);
    if (res == NULL)
      return FALSE;
    for (int i = 0; i < PQntuples (res); i++)
      {
        RectifyCheck c = { (int)rectify_pg_int (res, i, 0), 0, rectify_pg_dup_text (res, i, 1) };
        g_array_append_val (remarks, c);
      }
  }
  return TRUE;
}

static RectifyInspection *
inspection_get (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyInspection) in = NULL;
  g_autoptr (GArray) remarks = g_array_new (FALSE, TRUE, sizeof (RectifyCheck));

  {
    g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
    g_autoptr (PGresult) res = NULL;

    rectify_pg_add_int (&p, id);
    res = rectify_pg_exec (self,
                           "SELECT " INSPECTION_COLUMNS
                           " FROM inspection i JOIN unit u ON u.id = i.unit_id WHERE i.id = $1",
                           &p, error);
    if (res == NULL || PQntuples (res) == 0)
      return NULL;
    in = read_inspection (res, 0);
  }
  if (!read_parts (self, id, in->officer_ids, in->equipment, remarks, error))
    {
      for (guint i = 0; i < remarks->len; i++)
        g_free (g_array_index (remarks, RectifyCheck, i).remark);
      return NULL;
    }
  /* a remark goes with its item's result */
  for (guint r = 0; r < remarks->len; r++)
    {
      RectifyCheck *remark = &g_array_index (remarks, RectifyCheck, r);
      for (guint i = 0; i < in->checks->len; i++)
        {
          RectifyCheck *c = &g_array_index (in->checks, RectifyCheck, i);
          if (c->item == remark->item)
            {
              g_free (c->remark);
              c->remark = g_strdup (remark->remark);
            }
        }
      g_free (remark->remark);
    }
  return g_steal_pointer (&in);
}

static gboolean
inspection_locate (RectifyStore *self,
                   gint64 id,
                   gint64 *campaign_id,
                   gint64 *unit_id,
                   RectifyInspectionKind *kind,
                   GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_int (&p, id);
  res = rectify_pg_exec (
      self, "SELECT coalesce(campaign_id, 0), unit_id, kind FROM inspection WHERE id = $1", &p,
      error);
  if (res == NULL || PQntuples (res) == 0)
    return FALSE;
  *campaign_id = rectify_pg_int (res, 0, 0);
  *unit_id = rectify_pg_int (res, 0, 1);
  rectify_inspection_kind_from_code (rectify_pg_text (res, 0, 2), kind);
  return TRUE;
}

static gboolean
inspection_get_parts (RectifyStore *self,
                      gint64 id,
                      GArray *officer_ids,
                      GArray *equipment,
                      GArray *remarks,
                      GError **error)
{
  return read_parts (self, id, officer_ids, equipment, remarks, error);
}

static const char *const inspection_orders[] = {
  [RECTIFY_INSPECTION_SORT_DATE] = "i.date",
  [RECTIFY_INSPECTION_SORT_ID] = "i.id",
  [RECTIFY_INSPECTION_SORT_UNIT] = "u.name",
  [RECTIFY_INSPECTION_SORT_KIND] = "i.kind",
};

static GPtrArray *
inspection_list (RectifyStore *self,
                 const RectifyQuery *q,
                 RectifyInspectionSort sort,
                 gint64 *total,
                 GError **error)
{
  RectifyPgFilter f;
  GPtrArray *rows;

  rectify_pg_filter_init (&f);
  if (q)
    {
      if (q->unit_id > 0)
        rectify_pg_filter_add_int (&f, "i.unit_id = ?", q->unit_id);
      if (q->campaign_id > 0)
        rectify_pg_filter_add_int (&f, "i.campaign_id = ?", q->campaign_id);
      if (q->kind >= 0)
        rectify_pg_filter_add_text (&f, "i.kind = ?", rectify_inspection_kind_to_code (q->kind));
      if (q->search && *q->search)
        rectify_pg_filter_add_unit_search (&f, "i.unit_id", q->search);
    }
  rows = rectify_pg_query_page (self, INSPECTION_COLUMNS,
                                "inspection i JOIN unit u ON u.id = i.unit_id", &f,
                                inspection_orders[sort], q, read_inspection,
                                (GDestroyNotify)rectify_inspection_free, total, error);
  rectify_pg_filter_clear (&f);
  return rows;
}

static GArray *
inspection_query_ids (RectifyStore *self,
                      const RectifyQuery *q,
                      RectifyInspectionSort sort,
                      const char *day,
                      GError **error)
{
  RectifyPgFilter f;
  GArray *ids;

  rectify_pg_filter_init (&f);
  if (q)
    {
      rectify_pg_filter_add_unit_search (&f, "i.unit_id", q->search);
      if (q->unit_id > 0)
        rectify_pg_filter_add_int (&f, "i.unit_id = ?", q->unit_id);
      if (q->campaign_id > 0)
        rectify_pg_filter_add_int (&f, "i.campaign_id = ?", q->campaign_id);
      if (q->kind >= 0)
        rectify_pg_filter_add_text (&f, "i.kind = ?", rectify_inspection_kind_to_code (q->kind));
      if (q->by_bureau)
        rectify_pg_filter_add_text (&f, "i.kind <> ?",
                                    rectify_inspection_kind_to_code (RECTIFY_INSPECTION_SELF));
      if (q->as_of_limits)
        {
          g_autofree char *done = rectify_pg_sql_inspection_done ("i.", "?");
          rectify_pg_filter_add_day (&f, done, day);
        }
    }
  ids = rectify_pg_query_ids (self, "i.id", "inspection i JOIN unit u ON u.id = i.unit_id",
                              "inspection i", &f, inspection_orders[sort], q, error);
  rectify_pg_filter_clear (&f);
  return ids;
}

#define SUMMARY_COLUMNS                                                                            \
  "i.id, coalesce(i.campaign_id, 0), i.unit_id, i.kind, i.date, u.name, coalesce(c.name, ''),"     \
  " (SELECT string_agg(o.name, chr(31) ORDER BY io.officer_id) FROM inspection_officer io"         \
  "  JOIN officer o ON o.id = io.officer_id WHERE io.inspection_id = i.id),"                       \
  " i.officer_count, i.equipment_count,"                                                           \
  " (SELECT count(*) FROM hazard h WHERE h.inspection_id = i.id), i.checklist"
#define SUMMARY_FROM                                                                               \
  "inspection i JOIN unit u ON u.id = i.unit_id LEFT JOIN campaign c ON c.id = i.campaign_id"

static gpointer
read_summary (const PGresult *r, int row)
{
  RectifyInspectionSummary *s = g_new0 (RectifyInspectionSummary, 1);

  s->id = rectify_pg_int (r, row, 0);
  s->campaign_id = rectify_pg_int (r, row, 1);
  s->unit_id = rectify_pg_int (r, row, 2);
  rectify_inspection_kind_from_code (rectify_pg_text (r, row, 3), &s->kind);
  s->date = rectify_pg_dup_text (r, row, 4);
  s->unit_name = rectify_pg_dup_text (r, row, 5);
  s->campaign_name = rectify_pg_dup_text (r, row, 6);
  s->officer_names = rectify_pg_dup_text (r, row, 7);
  s->officer_count = (int)rectify_pg_int (r, row, 8);
  s->equipment_count = (int)rectify_pg_int (r, row, 9);
  s->hazard_count = (int)rectify_pg_int (r, row, 10);
  s->checklist = rectify_pg_dup_text (r, row, 11);
  return s;
}

static GPtrArray *
inspection_summaries_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  return rectify_pg_rows_by_ids (self, SUMMARY_COLUMNS, SUMMARY_FROM, "i.id", read_summary,
                                 (GDestroyNotify)rectify_inspection_summary_free, ids, n_ids,
                                 error);
}

static gboolean
inspection_date_range (
    RectifyStore *self, gint64 campaign_id, char **first, char **last, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  *first = *last = NULL;
  rectify_pg_add_int (&p, campaign_id);
  res = rectify_pg_exec (self,
                         "SELECT (SELECT min(date) FROM inspection WHERE campaign_id = $1),"
                         " (SELECT max(date) FROM inspection WHERE campaign_id = $1)",
                         &p, error);
  if (res == NULL)
    return FALSE;
  *first = rectify_pg_dup_text_or_null (res, 0, 0);
  *last = rectify_pg_dup_text_or_null (res, 0, 1);
  return TRUE;
}

const RectifyStoreInspectionOps rectify_pg_inspection_ops = {
  .date_range = inspection_date_range,
  .insert = inspection_insert,
  .update = inspection_update,
  .delete = inspection_delete,
  .get = inspection_get,
  .locate = inspection_locate,
  .get_parts = inspection_get_parts,
  .list = inspection_list,
  .query_ids = inspection_query_ids,
  .summaries_by_ids = inspection_summaries_by_ids,
};
