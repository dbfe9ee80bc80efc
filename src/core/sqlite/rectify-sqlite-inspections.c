/* rectify-sqlite-inspections.c: inspection visits, their officers, equipment and remarks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-inspections.h"
#include "rectify-validate.h"

static gboolean
insert_parts (RectifyStore *self, gint64 id, const RectifyInspection *in, GError **error)
{
  for (guint i = 0; in->officer_ids && i < in->officer_ids->len; i++)
    {
      g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
          self, "INSERT INTO inspection_officer (inspection_id, officer_id) VALUES (?, ?)", error);
      if (!stmt)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (in->officer_ids, gint64, i));
      if (!rectify_store_step_done (self, stmt, error))
        return FALSE;
    }
  for (guint i = 0; in->equipment && i < in->equipment->len; i++)
    {
      RectifyCheckedEquipment *ce = &g_array_index (in->equipment, RectifyCheckedEquipment, i);
      g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
          self,
          "INSERT INTO inspection_equipment (inspection_id, equipment_id, category, quantity)"
          " SELECT ?1, id, category, ?3 FROM equipment WHERE id = ?2",
          error);
      if (!stmt)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, ce->equipment_id);
      sqlite3_bind_int (stmt, 3, ce->quantity);
      if (!rectify_store_step_done (self, stmt, error))
        return FALSE;
    }
  for (guint i = 0; in->checks && i < in->checks->len; i++)
    {
      RectifyCheck *c = &g_array_index (in->checks, RectifyCheck, i);
      g_autoptr (RectifyStmt) stmt = NULL;
      g_autofree char *remark = g_strstrip (g_strdup (c->remark ? c->remark : ""));

      if (*remark == '\0')
        continue;
      stmt = rectify_store_prepare (
          self, "INSERT INTO inspection_remark (inspection_id, item, remark) VALUES (?, ?, ?)",
          error);
      if (!stmt)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, c->item);
      rectify_bind_text (stmt, 3, remark);
      if (!rectify_store_step_done (self, stmt, error))
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
    "DELETE FROM inspection_equipment WHERE inspection_id = ?",
    "DELETE FROM inspection_officer WHERE inspection_id = ?",
    "DELETE FROM inspection_remark WHERE inspection_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr (RectifyStmt) stmt = rectify_store_prepare (self, sql[i], error);
      if (!stmt)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!rectify_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The stored form of a check result, by RectifyCheckResult. */
static const char check_letters[RECTIFY_N_RESULTS] = { 'P', 'F', 'N' };

/* Binds the inspection row's own columns, the same eight in INSERT and
 * UPDATE: campaign, unit, kind, date, note, the officers and equipment
 * counted, the checklist's letters. */
static void
bind_inspection_columns (RectifyStmt *stmt, const RectifyInspection *in)
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
  rectify_bind_id_or_null (stmt, 1, in->campaign_id);
  sqlite3_bind_int64 (stmt, 2, in->unit_id);
  rectify_bind_text (stmt, 3, rectify_inspection_kind_to_code (in->kind));
  rectify_bind_text (stmt, 4, in->date);
  rectify_bind_text (stmt, 5, in->note);
  sqlite3_bind_int (stmt, 6, in->officer_ids ? in->officer_ids->len : 0);
  sqlite3_bind_int (stmt, 7, equipment_count);
  rectify_bind_text (stmt, 8, checklist);
}

static gint64
inspection_insert (RectifyStore *self, const RectifyInspection *in, GError **error)
{
  /* an id given: an undone delete puts the visit back under its id */
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "INSERT INTO inspection (campaign_id, unit_id, kind, date, note, "
                               "officer_count, equipment_count, checklist, id)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               error);
  gint64 id;

  if (!stmt)
    return 0;
  bind_inspection_columns (stmt, in);
  rectify_bind_id_or_null (stmt, 9, in->id);
  if (!rectify_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (rectify_sqlite_db (self));
  return insert_parts (self, id, in, error) ? id : 0;
}

static gboolean
inspection_update (RectifyStore *self, const RectifyInspection *in, GError **error)
{
  /* the parts go under the visit as it was, come back under it as it is */
  if (!delete_parts (self, in->id, error))
    return FALSE;
  {
    g_autoptr (RectifyStmt) stmt
        = rectify_store_prepare (self,
                                 "UPDATE inspection SET campaign_id = ?, unit_id = ?, kind = ?, "
                                 "date = ?, note = ?, officer_count = ?,"
                                 " equipment_count = ?, checklist = ? WHERE id = ?",
                                 error);
    if (!stmt)
      return FALSE;
    bind_inspection_columns (stmt, in);
    sqlite3_bind_int64 (stmt, 9, in->id);
    if (!rectify_store_step_done (self, stmt, error))
      return FALSE;
  }
  return insert_parts (self, in->id, in, error);
}

static gboolean
inspection_delete (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;

  if (!delete_parts (self, id, error))
    return FALSE;
  stmt = rectify_store_prepare (self, "DELETE FROM inspection WHERE id = ?", error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return rectify_store_step_done (self, stmt, error);
}

#define INSPECTION_COLUMNS                                                                         \
  "i.id, coalesce(i.campaign_id, 0), i.unit_id, i.kind, i.date, i.note, u.name, i.checklist"

static gpointer
read_inspection (RectifyStmt *stmt)
{
  RectifyInspection *in = rectify_inspection_new ();
  in->id = sqlite3_column_int64 (stmt, 0);
  in->campaign_id = sqlite3_column_int64 (stmt, 1);
  in->unit_id = sqlite3_column_int64 (stmt, 2);
  rectify_inspection_kind_from_code ((const char *)sqlite3_column_text (stmt, 3), &in->kind);
  in->date = rectify_column_text (stmt, 4);
  in->note = rectify_column_text (stmt, 5);
  in->unit_name = rectify_column_text (stmt, 6);
  {
    const char *checklist = (const char *)sqlite3_column_text (stmt, 7);
    for (int item = 0; checklist && item < RECTIFY_N_CHECK_ITEMS && checklist[item]; item++)
      for (int r = 0; r < RECTIFY_N_RESULTS; r++)
        if (checklist[item] == check_letters[r])
          {
            RectifyCheck c = { item, r, g_strdup ("") };
            g_array_append_val (in->checks, c);
          }
  }
  return in;
}

static RectifyInspection *
inspection_get (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyInspection) in = NULL;

  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self,
        "SELECT " INSPECTION_COLUMNS
        " FROM inspection i JOIN unit u ON u.id = i.unit_id WHERE i.id = ?",
        error);
    if (!stmt)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      return NULL;
    in = read_inspection (stmt);
  }
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self, "SELECT officer_id FROM inspection_officer WHERE inspection_id = ?", error);
    if (!stmt)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 officer = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (in->officer_ids, officer);
      }
  }
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self, "SELECT equipment_id, quantity FROM inspection_equipment WHERE inspection_id = ?",
        error);
    if (!stmt)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        RectifyCheckedEquipment ce
            = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) };
        g_array_append_val (in->equipment, ce);
      }
  }
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self, "SELECT item, remark FROM inspection_remark WHERE inspection_id = ?", error);
    if (!stmt)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        int item = sqlite3_column_int (stmt, 0);
        for (guint i = 0; i < in->checks->len; i++)
          {
            RectifyCheck *c = &g_array_index (in->checks, RectifyCheck, i);
            if ((int)c->item == item)
              {
                g_free (c->remark);
                c->remark = rectify_column_text (stmt, 1);
              }
          }
      }
  }
  return g_steal_pointer (&in);
}

/* The inspection of id in in (sorted by id) from *k on, NULL when it has none. */
static RectifyInspection *
at (GPtrArray *in, guint *k, gint64 id)
{
  while (*k < in->len && ((RectifyInspection *)g_ptr_array_index (in, *k))->id < id)
    (*k)++;
  if (*k < in->len && ((RectifyInspection *)g_ptr_array_index (in, *k))->id == id)
    return g_ptr_array_index (in, *k);
  return NULL;
}

/* The parts of the inspections of in (in id order, all with id in [first_id, last_id]), each
 * query one pass over the range in the order of its primary key. */
static gboolean
read_parts_range (
    RectifyStore *self, GPtrArray *in, gint64 first_id, gint64 last_id, GError **error)
{
  guint k = 0;

#define EACH_ROW(sql)                                                                              \
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (self, sql, error);                         \
  if (!stmt)                                                                                       \
    return FALSE;                                                                                  \
  sqlite3_bind_int64 (stmt, 1, first_id);                                                          \
  sqlite3_bind_int64 (stmt, 2, last_id);                                                           \
  k = 0;                                                                                           \
  while (sqlite3_step (stmt) == SQLITE_ROW)                                                        \
    if ((r = at (in, &k, sqlite3_column_int64 (stmt, 0))))

  {
    RectifyInspection *r;
    EACH_ROW ("SELECT inspection_id, officer_id FROM inspection_officer"
              " WHERE inspection_id BETWEEN ? AND ? ORDER BY inspection_id, officer_id")
    {
      gint64 officer = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (r->officer_ids, officer);
    }
  }
  {
    RectifyInspection *r;
    EACH_ROW ("SELECT inspection_id, equipment_id, quantity FROM inspection_equipment"
              " WHERE inspection_id BETWEEN ? AND ? ORDER BY inspection_id, equipment_id")
    {
      RectifyCheckedEquipment ce = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 2) };
      g_array_append_val (r->equipment, ce);
    }
  }
  {
    RectifyInspection *r;
    EACH_ROW ("SELECT inspection_id, item, remark FROM inspection_remark"
              " WHERE inspection_id BETWEEN ? AND ? ORDER BY inspection_id, item")
    {
      int item = sqlite3_column_int (stmt, 1);
      for (guint i = 0; i < r->checks->len; i++)
        {
          RectifyCheck *c = &g_array_index (r->checks, RectifyCheck, i);
          if ((int)c->item == item)
            {
              g_free (c->remark);
              c->remark = rectify_column_text (stmt, 2);
            }
        }
    }
  }
#undef EACH_ROW
  return TRUE;
}

static GPtrArray *
inspection_get_range (RectifyStore *self, gint64 first_id, gint64 last_id, GError **error)
{
  g_autoptr (GPtrArray) in
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_inspection_free);
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self,
      "SELECT " INSPECTION_COLUMNS " FROM inspection i JOIN unit u ON u.id "
      "= i.unit_id WHERE i.id BETWEEN ? AND ? ORDER BY i.id",
      error);

  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, first_id);
  sqlite3_bind_int64 (stmt, 2, last_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (in, read_inspection (stmt));
  g_clear_pointer (&stmt, rectify_stmt_release);
  if (!read_parts_range (self, in, first_id, last_id, error))
    return NULL;
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
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "SELECT coalesce(campaign_id, 0), unit_id, kind FROM inspection WHERE id = ?", error);

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *campaign_id = sqlite3_column_int64 (stmt, 0);
  *unit_id = sqlite3_column_int64 (stmt, 1);
  rectify_inspection_kind_from_code ((const char *)sqlite3_column_text (stmt, 2), kind);
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
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self,
        "SELECT officer_id FROM inspection_officer WHERE inspection_id = ? ORDER BY officer_id",
        error);
    if (!stmt)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 officer = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (officer_ids, officer);
      }
  }
  {
    g_autoptr (RectifyStmt) stmt
        = rectify_store_prepare (self,
                                 "SELECT equipment_id, quantity FROM inspection_equipment WHERE "
                                 "inspection_id = ? ORDER BY equipment_id",
                                 error);
    if (!stmt)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        RectifyCheckedEquipment ce
            = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) };
        g_array_append_val (equipment, ce);
      }
  }
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self, "SELECT item, remark FROM inspection_remark WHERE inspection_id = ? ORDER BY item",
        error);
    if (!stmt)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        RectifyCheck c = { sqlite3_column_int (stmt, 0), 0, rectify_column_text (stmt, 1) };
        g_array_append_val (remarks, c);
      }
  }
  return TRUE;
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
  RectifyFilter f;
  GPtrArray *rows;

  rectify_filter_init (&f);
  if (q)
    {
      if (q->unit_id > 0)
        rectify_filter_add_int (&f, "i.unit_id = ?", q->unit_id);
      if (q->campaign_id > 0)
        rectify_filter_add_int (&f, "i.campaign_id = ?", q->campaign_id);
      if (q->kind >= 0)
        rectify_filter_add_text (&f, "i.kind = ?", rectify_inspection_kind_to_code (q->kind));
      if (q->search && *q->search)
        {
          g_autofree char *match = rectify_fts_query (q->search);
          if (match)
            rectify_filter_add_text (
                &f, "i.unit_id IN (SELECT rowid FROM unit_fts WHERE unit_fts MATCH ?)", match);
        }
    }
  rows = rectify_store_query_page (self, INSPECTION_COLUMNS,
                                   "inspection i JOIN unit u ON u.id = i.unit_id", &f,
                                   inspection_orders[sort], q, read_inspection,
                                   (GDestroyNotify)rectify_inspection_free, total, error);
  rectify_filter_clear (&f);
  return rows;
}

static GArray *
inspection_query_ids (RectifyStore *self,
                      const RectifyQuery *q,
                      RectifyInspectionSort sort,
                      const char *day,
                      GError **error)
{
  RectifyFilter f;
  GArray *ids;

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
          g_autofree char *done = rectify_figures_sql_inspection_done ("i.", "?");
          rectify_filter_add_day (&f, done, day);
        }
    }
  ids = rectify_store_query_ids (self, "i.id", "inspection i JOIN unit u ON u.id = i.unit_id",
                                 "inspection i", &f, inspection_orders[sort], q, error);
  rectify_filter_clear (&f);
  return ids;
}

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

  s->id = sqlite3_column_int64 (stmt, 0);
  s->campaign_id = sqlite3_column_int64 (stmt, 1);
  s->unit_id = sqlite3_column_int64 (stmt, 2);
  rectify_inspection_kind_from_code ((const char *)sqlite3_column_text (stmt, 3), &s->kind);
  s->date = rectify_column_text (stmt, 4);
  s->unit_name = rectify_column_text (stmt, 5);
  s->campaign_name = rectify_column_text (stmt, 6);
  s->officer_names = rectify_column_text (stmt, 7);
  s->officer_count = sqlite3_column_int (stmt, 8);
  s->equipment_count = sqlite3_column_int (stmt, 9);
  s->hazard_count = sqlite3_column_int (stmt, 10);
  s->checklist = rectify_column_text (stmt, 11);
  return s;
}

static GPtrArray *
inspection_summaries_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  return rectify_store_rows_by_ids (self, SUMMARY_COLUMNS, SUMMARY_FROM, "i.id", read_summary,
                                    (GDestroyNotify)rectify_inspection_summary_free, ids, n_ids,
                                    error);
}

static gboolean
inspection_date_range (
    RectifyStore *self, gint64 campaign_id, char **first, char **last, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               /* two subqueries: each is one step of inspection_by_campaign (one
                                * min() and max() together would scan the campaign's rows) */
                               "SELECT (SELECT min(date) FROM inspection WHERE campaign_id = ?1),"
                               " (SELECT max(date) FROM inspection WHERE campaign_id = ?1)",
                               error);
  int rc;

  *first = *last = NULL;
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rectify_store_fail (self, rc, error);
  *first = rectify_column_text_or_null (stmt, 0);
  *last = rectify_column_text_or_null (stmt, 1);
  return TRUE;
}

const RectifyStoreInspectionOps rectify_sqlite_inspection_ops = {
  .date_range = inspection_date_range,
  .insert = inspection_insert,
  .update = inspection_update,
  .delete = inspection_delete,
  .get = inspection_get,
  .get_range = inspection_get_range,
  .locate = inspection_locate,
  .get_parts = inspection_get_parts,
  .list = inspection_list,
  .query_ids = inspection_query_ids,
  .summaries_by_ids = inspection_summaries_by_ids,
};
