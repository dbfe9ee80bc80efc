/* rectify-sqlite-bulk.c: loading many records at once (the city sample, imports)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-bulk.h"

struct _RectifyBulkLoad
{
  RectifyStore *store;
  GPtrArray *index_sqls; /* what recreates the dropped indexes and triggers, or NULL */
  /* an import: the search index filled for rows after max_id, then its trigger put back */
  const char *fts_fill;
  char *fts_trigger_sql;
  gint64 max_id;
  /* the city: every search index rebuilt */
  gboolean city;
};

/* ==== imports ========================================================== */

static void
bulk_set_large (RectifyStore *self, gboolean large)
{
  /* a large import touches more pages than the usual cache holds */
  rectify_store_exec (self, large ? "PRAGMA cache_size = -262144" : "PRAGMA cache_size = -65536",
                      NULL);
}

static const char *
import_table (const char *entity)
{
  if (g_str_equal (entity, "unit"))
    return "unit";
  if (g_str_equal (entity, "equipment"))
    return "equipment";
  g_return_val_if_fail (g_str_equal (entity, "operator"), "operator");
  return "operator";
}

static gboolean
query_text (RectifyStore *store, const char *sql, const char *arg, char **out, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (store, sql, error);
  int rc;

  if (!stmt)
    return FALSE;
  if (arg)
    rectify_bind_text (stmt, 1, arg);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rectify_store_fail (store, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
  *out = rectify_column_text (stmt, 0);
  return TRUE;
}

static gboolean
bulk_is_empty (RectifyStore *self, const char *entity, gboolean *empty, GError **error)
{
  g_autofree char *sql
      = g_strdup_printf ("SELECT NOT EXISTS (SELECT 1 FROM %s)", import_table (entity));
  g_autofree char *text = NULL;

  if (!query_text (self, sql, NULL, &text, error))
    return FALSE;
  *empty = g_str_equal (text, "1");
  return TRUE;
}

/* The id of an existing row found by one text value, or 0. */
static gint64
lookup_id (RectifyStore *self, const char *sql, const char *text, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (self, sql, error);
  int rc;

  if (!stmt)
    return -1;
  rectify_bind_text (stmt, 1, text);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      rectify_store_fail (self, rc, error);
      return -1;
    }
  return 0;
}

static gint64
bulk_find_unit (RectifyStore *self, const char *credit_code, GError **error)
{
  return lookup_id (self, "SELECT id FROM unit WHERE credit_code = ?", credit_code, error);
}

static gint64
bulk_find_equipment (RectifyStore *self, const char *code, GError **error)
{
  return lookup_id (self, "SELECT id FROM equipment WHERE code = ?", code, error);
}

static GHashTable *
bulk_unit_ids (RectifyStore *self, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self, "SELECT id, credit_code FROM unit", error);
  g_autoptr (GHashTable) ids = NULL;
  int rc;

  if (!stmt)
    return NULL;
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (ids, rectify_column_text (stmt, 1),
                         GSIZE_TO_POINTER ((gsize)sqlite3_column_int64 (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      rectify_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
bulk_each_operator (RectifyStore *self,
                    RectifyBulkOperatorFunc func,
                    gpointer user_data,
                    GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self, "SELECT id, cert_no, id_number FROM operator", error);
  int rc;

  if (!stmt)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (sqlite3_column_int64 (stmt, 0), (const char *)sqlite3_column_text (stmt, 1),
          (const char *)sqlite3_column_text (stmt, 2), user_data);
  return rc == SQLITE_DONE || rectify_store_fail (self, rc, error);
}

/* The id a write of existing (0 = added) gave, 0 on failure. */
static gint64
written_id (RectifyStore *self, RectifyStmt *stmt, gint64 existing, GError **error)
{
  if (!rectify_store_step_done (self, stmt, error))
    return 0;
  return existing > 0 ? existing : sqlite3_last_insert_rowid (rectify_sqlite_db (self));
}

static gint64
bulk_write_unit (RectifyStore *self, const RectifyUnit *u, gint64 existing, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self,
      existing > 0 ? "UPDATE unit SET credit_code = ?, name = ?, address = ?, "
                     "district = ?, industry = ?, crowded = ?,"
                     " legal_rep = ?, safety_manager = ?, phone = ? WHERE id = ?"
                   : "INSERT INTO unit (credit_code, name, address, district, "
                     "industry, crowded, legal_rep, safety_manager, phone, id)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      error);

  if (!stmt)
    return 0;
  rectify_bind_text (stmt, 1, u->credit_code);
  rectify_bind_text (stmt, 2, u->name);
  rectify_bind_text (stmt, 3, u->address);
  rectify_bind_text (stmt, 4, u->district);
  rectify_bind_text (stmt, 5, u->industry);
  sqlite3_bind_int (stmt, 6, u->crowded ? 1 : 0);
  rectify_bind_text (stmt, 7, u->legal_rep);
  rectify_bind_text (stmt, 8, u->safety_manager);
  rectify_bind_text (stmt, 9, u->phone);
  rectify_bind_id_or_null (stmt, 10, existing);
  return written_id (self, stmt, existing, error);
}

static gint64
bulk_write_equipment (RectifyStore *self,
                      const RectifyEquipment *e,
                      gint64 existing,
                      GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self,
      existing > 0 ? "UPDATE equipment SET unit_id = ?, category = ?, code = ?, reg_cert = ?, "
                     "variety = ?, location = ?,"
                     " status = ?, registered_user = ?, quantity = ?, last_inspection = ?, "
                     "next_inspection = ?,"
                     " postponed_until = ? WHERE id = ?"
                   : "INSERT INTO equipment (unit_id, category, code, reg_cert, variety, "
                     "location, status, registered_user,"
                     " quantity, last_inspection, next_inspection, postponed_until, id) VALUES "
                     "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      error);

  if (!stmt)
    return 0;
  sqlite3_bind_int64 (stmt, 1, e->unit_id);
  sqlite3_bind_int (stmt, 2, e->category);
  if (e->code && *e->code)
    rectify_bind_text (stmt, 3, e->code);
  rectify_bind_text (stmt, 4, e->reg_cert);
  rectify_bind_text (stmt, 5, e->variety);
  rectify_bind_text (stmt, 6, e->location);
  rectify_bind_text (stmt, 7, rectify_equipment_status_to_code (e->status));
  rectify_bind_text (stmt, 8, e->registered_user);
  sqlite3_bind_int (stmt, 9, e->quantity);
  rectify_bind_text_or_null (stmt, 10, e->last_inspection);
  rectify_bind_text_or_null (stmt, 11, e->next_inspection);
  rectify_bind_text_or_null (stmt, 12, e->postponed_until);
  rectify_bind_id_or_null (stmt, 13, existing);
  return written_id (self, stmt, existing, error);
}

static gint64
bulk_write_operator (RectifyStore *self, const RectifyOperator *op, gint64 existing, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               existing > 0 ? "UPDATE operator SET unit_id = ?, name = ?, "
                                              "id_number = ?, cert_no = ?, cert_category = ?,"
                                              " cert_expiry = ? WHERE id = ?"
                                            : "INSERT INTO operator (unit_id, name, id_number, "
                                              "cert_no, cert_category, cert_expiry, id)"
                                              " VALUES (?, ?, ?, ?, ?, ?, ?)",
                               error);

  if (!stmt)
    return 0;
  sqlite3_bind_int64 (stmt, 1, op->unit_id);
  rectify_bind_text (stmt, 2, op->name);
  rectify_bind_text (stmt, 3, op->id_number);
  rectify_bind_text (stmt, 4, op->cert_no);
  rectify_bind_text (stmt, 5, op->cert_category);
  rectify_bind_text_or_null (stmt, 6, op->cert_expiry);
  rectify_bind_id_or_null (stmt, 7, existing);
  return written_id (self, stmt, existing, error);
}

/* The search index is filled for all added rows at once after the rows are
 * in, not by its trigger row by row: a third of the time of a large import.
 * The trigger is dropped and put back inside the import's transaction, so a
 * rollback brings it back too. */
static const struct
{
  const char *table;
  const char *trigger;
  const char *fill;
} deferred_fts[] = {
  { "unit", "unit_fts_insert",
    "INSERT INTO unit_fts (rowid, name, credit_code, address, legal_rep)"
    " SELECT id, name, credit_code, address, legal_rep FROM unit WHERE id > ? ORDER BY id" },
  { "equipment", "equipment_fts_insert",
    "INSERT INTO equipment_fts (rowid, variety, location)"
    " SELECT id, variety, location FROM equipment WHERE id > ? ORDER BY id" },
  { NULL, NULL, NULL },
};

static void
bulk_free (RectifyBulkLoad *load)
{
  if (!load)
    return;
  g_clear_pointer (&load->index_sqls, g_ptr_array_unref);
  g_free (load->fts_trigger_sql);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyBulkLoad, bulk_free)

/* Drops the table's search trigger, remembering how to fill the index. */
static gboolean
defer_search_index (RectifyBulkLoad *load, const char *table, GError **error)
{
  for (guint i = 0; deferred_fts[i].table; i++)
    if (g_str_equal (deferred_fts[i].table, table))
      {
        g_autofree char *drop = g_strdup_printf ("DROP TRIGGER %s", deferred_fts[i].trigger);
        g_autofree char *max_sql = g_strdup_printf ("SELECT coalesce(max(id), 0) FROM %s", table);
        g_autofree char *max_text = NULL;

        if (!query_text (load->store,
                         "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
                         deferred_fts[i].trigger, &load->fts_trigger_sql, error)
            || !query_text (load->store, max_sql, NULL, &max_text, error))
          return FALSE;
        load->max_id = g_ascii_strtoll (max_text, NULL, 10);
        load->fts_fill = deferred_fts[i].fill;
        return rectify_store_exec (load->store, drop, error);
      }
  return TRUE;
}

/* A file about as large as the table or larger: its secondary indexes are
 * dropped and built again after the rows are in, by sorting, which is much
 * faster than half a million inserts at random places in each.  Unique
 * indexes stay, as they find existing records, unless the table is empty:
 * then the rows' codes were checked against each other in the file, and
 * building the index again checks them once more.  Inside the transaction,
 * so a rollback puts them back. */
static gboolean
defer_indexes (
    RectifyBulkLoad *load, const char *table, guint64 rows, gboolean table_empty, GError **error)
{
  RectifyStore *store = load->store;
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autofree char *count_text = NULL;
  g_autoptr (GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (RectifyStmt) stmt = NULL;
  int rc;

  if (!query_text (store, count_sql, NULL, &count_text, error))
    return FALSE;
  if (rows < 10000 || (gint64)rows < g_ascii_strtoll (count_text, NULL, 10))
    return TRUE;

  stmt = rectify_store_prepare (store,
                                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND "
                                "tbl_name = ? AND sql IS NOT NULL"
                                " AND (? OR sql NOT LIKE 'CREATE UNIQUE%')",
                                error);
  if (!stmt)
    return FALSE;
  rectify_bind_text (stmt, 1, table);
  sqlite3_bind_int (stmt, 2, table_empty);
  load->index_sqls = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (drops, g_strdup_printf ("DROP INDEX \"%s\"", sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (load->index_sqls, rectify_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    return rectify_store_fail (store, rc, error);
  g_clear_pointer (&stmt, rectify_stmt_release);
  for (guint i = 0; i < drops->len; i++)
    if (!rectify_store_exec (store, g_ptr_array_index (drops, i), error))
      return FALSE;
  return TRUE;
}

static RectifyBulkLoad *
bulk_defer_import (
    RectifyStore *self, const char *entity, guint64 rows, gboolean table_empty, GError **error)
{
  g_autoptr (RectifyBulkLoad) load = g_new0 (RectifyBulkLoad, 1);
  const char *table = import_table (entity);

  load->store = self;
  if (!defer_search_index (load, table, error)
      || !defer_indexes (load, table, rows, table_empty, error))
    return NULL;
  return g_steal_pointer (&load);
}

static gboolean
bulk_finish (RectifyBulkLoad *load, GError **error)
{
  RectifyStore *store = load->store;

  if (load->city
      && !rectify_store_exec (store,
                              "INSERT INTO unit_fts (unit_fts) VALUES ('rebuild');"
                              "INSERT INTO equipment_fts (equipment_fts) VALUES ('rebuild');"
                              "INSERT INTO hazard_fts (hazard_fts) VALUES ('rebuild');",
                              error))
    return FALSE;
  if (load->fts_fill)
    {
      g_autoptr (RectifyStmt) stmt = rectify_store_prepare (store, load->fts_fill, error);
      if (!stmt)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, load->max_id);
      if (!rectify_store_step_done (store, stmt, error)
          || !rectify_store_exec (store, load->fts_trigger_sql, error))
        return FALSE;
    }
  g_debug ("bulk load: search index filled");
  for (guint i = 0; load->index_sqls && i < load->index_sqls->len; i++)
    if (!rectify_store_exec (store, g_ptr_array_index (load->index_sqls, i), error))
      return FALSE;
  return TRUE;
}

/* ==== the city sample ================================================== */

static gboolean
bulk_begin_city (RectifyStore *self, GError **error)
{
  /* A new database loaded in one go needs no write-ahead log: a rollback
   * journal of an empty file is tiny, where the log would hold every page
   * twice.  The log comes back when the load is done. */
  return rectify_store_exec (self,
                             "PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF;"
                             "PRAGMA cache_size = -1048576; PRAGMA ignore_check_constraints = ON",
                             error);
}

static void
bulk_end_city (RectifyStore *self, gboolean loaded)
{
  rectify_store_exec (self,
                      "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                      "PRAGMA cache_size = -65536; PRAGMA ignore_check_constraints = OFF",
                      NULL);
  /* fresh statistics for the query planner, from a sample */
  if (loaded)
    rectify_store_exec (self, "PRAGMA analysis_limit = 2000; ANALYZE; PRAGMA analysis_limit = 0",
                        NULL);
}

/* Loading millions of rows into B-trees kept sorted is slow; building the
 * indices and the search index once afterwards is several times faster:
 * drops the secondary indices and search triggers of the bulk tables and
 * keeps the SQL that recreates them. */
static RectifyBulkLoad *
bulk_defer_city (RectifyStore *self, GError **error)
{
  g_autoptr (RectifyBulkLoad) load = g_new0 (RectifyBulkLoad, 1);
  g_autoptr (GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL"
                               " AND (type = 'index' OR (type = 'trigger' AND (name GLOB '*_fts_*' "
                               "OR name GLOB 'check_tally_*')))"
                               " AND tbl_name IN ('unit', 'equipment', 'inspection', "
                               "'inspection_officer', 'inspection_equipment',"
                               " 'hazard', 'hazard_event', 'document', 'document_hazard')",
                               error);

  if (!stmt)
    return NULL;
  load->store = self;
  load->city = TRUE;
  load->index_sqls = g_ptr_array_new_with_free_func (g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (drops, g_strdup_printf ("DROP %s \"%s\"", sqlite3_column_text (stmt, 0),
                                               sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (load->index_sqls, rectify_column_text (stmt, 2));
    }
  g_clear_pointer (&stmt, rectify_stmt_release);
  for (guint i = 0; i < drops->len; i++)
    if (!rectify_store_exec (self, g_ptr_array_index (drops, i), error))
      return NULL;
  return g_steal_pointer (&load);
}

#define PREPARE(name, sql)                                                                         \
  g_autoptr (RectifyStmt) name = rectify_store_prepare (load->store, sql, error);                  \
  if (!name)                                                                                       \
  return FALSE

static gboolean
bulk_add_officer (RectifyBulkLoad *load, const RectifyOfficer *o, GError **error)
{
  PREPARE (stmt, "INSERT INTO officer (id, badge, name, role) VALUES (?, ?, ?, ?)");
  sqlite3_bind_int64 (stmt, 1, o->id);
  rectify_bind_text (stmt, 2, o->badge);
  rectify_bind_text (stmt, 3, o->name);
  rectify_bind_text (stmt, 4, rectify_role_to_code (o->role));
  return rectify_store_step_done (load->store, stmt, error);
}

static gint64
bulk_add_campaign (RectifyBulkLoad *load, const RectifyCampaign *c, GError **error)
{
  gint64 id;

  {
    PREPARE (stmt, "INSERT INTO campaign (name, start_date, days, head_id, deputy_id, work_plan,"
                   " key_industries, key_links, key_areas) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    rectify_bind_text (stmt, 1, c->name);
    rectify_bind_text (stmt, 2, c->start_date);
    sqlite3_bind_int (stmt, 3, c->days);
    rectify_bind_id_or_null (stmt, 4, c->head_id);
    rectify_bind_id_or_null (stmt, 5, c->deputy_id);
    rectify_bind_text (stmt, 6, c->work_plan);
    rectify_bind_text (stmt, 7, c->key_industries);
    rectify_bind_text (stmt, 8, c->key_links);
    rectify_bind_text (stmt, 9, c->key_areas);
    if (!rectify_store_step_done (load->store, stmt, error))
      return 0;
    id = sqlite3_last_insert_rowid (rectify_sqlite_db (load->store));
  }
  for (guint i = 0; c->member_ids && i < c->member_ids->len; i++)
    {
      PREPARE (stmt, "INSERT INTO campaign_member (campaign_id, officer_id) VALUES (?, ?)");
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (c->member_ids, gint64, i));
      if (!rectify_store_step_done (load->store, stmt, error))
        return 0;
    }
  return id;
}

static gboolean
bulk_add_unit (RectifyBulkLoad *load, const RectifyUnit *u, GError **error)
{
  PREPARE (stmt, "INSERT INTO unit (id, credit_code, name, address, district, industry, crowded, "
                 "legal_rep, safety_manager, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  sqlite3_bind_int64 (stmt, 1, u->id);
  rectify_bind_text (stmt, 2, u->credit_code);
  rectify_bind_text (stmt, 3, u->name);
  rectify_bind_text (stmt, 4, u->address);
  rectify_bind_text (stmt, 5, u->district);
  rectify_bind_text (stmt, 6, u->industry);
  sqlite3_bind_int (stmt, 7, u->crowded);
  rectify_bind_text (stmt, 8, u->legal_rep);
  rectify_bind_text (stmt, 9, u->safety_manager);
  rectify_bind_text (stmt, 10, u->phone);
  return rectify_store_step_done (load->store, stmt, error);
}

static gboolean
bulk_add_equipment (RectifyBulkLoad *load, const RectifyEquipment *e, GError **error)
{
  PREPARE (stmt, "INSERT INTO equipment (id, unit_id, category, code, reg_cert, variety, location, "
                 "status, registered_user, quantity, last_inspection, next_inspection)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  sqlite3_bind_int64 (stmt, 1, e->id);
  sqlite3_bind_int64 (stmt, 2, e->unit_id);
  sqlite3_bind_int (stmt, 3, e->category);
  rectify_bind_text (stmt, 4, e->code);
  rectify_bind_text (stmt, 5, e->reg_cert);
  rectify_bind_text (stmt, 6, e->variety);
  rectify_bind_text (stmt, 7, e->location);
  rectify_bind_text (stmt, 8, rectify_equipment_status_to_code (e->status));
  rectify_bind_text (stmt, 9, e->registered_user);
  sqlite3_bind_int (stmt, 10, e->quantity);
  rectify_bind_text_or_null (stmt, 11, e->last_inspection);
  rectify_bind_text_or_null (stmt, 12, e->next_inspection);
  return rectify_store_step_done (load->store, stmt, error);
}

static gboolean
bulk_add_inspection (RectifyBulkLoad *load, const RectifyBulkInspection *in, GError **error)
{
  PREPARE (stmt, "INSERT INTO inspection (id, campaign_id, unit_id, kind, date, note, "
                 "officer_count, equipment_count, checklist) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)");
  sqlite3_bind_int64 (stmt, 1, in->id);
  rectify_bind_id_or_null (stmt, 2, in->campaign_id);
  sqlite3_bind_int64 (stmt, 3, in->unit_id);
  sqlite3_bind_text (stmt, 4, rectify_inspection_kind_to_code (in->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, in->date, 10, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, in->officer_count);
  sqlite3_bind_int64 (stmt, 7, in->equipment_count);
  sqlite3_bind_text (stmt, 8, in->checklist, RECTIFY_N_CHECK_ITEMS, SQLITE_STATIC);
  return rectify_store_step_done (load->store, stmt, error);
}

static gboolean
bulk_add_check_tally (RectifyBulkLoad *load,
                      gint64 campaign_id,
                      const char *date,
                      RectifyInspectionKind kind,
                      RectifyCategory category,
                      gint64 quantity,
                      GError **error)
{
  PREPARE (stmt, "INSERT INTO check_tally (campaign_id, date, kind, category, quantity) "
                 "VALUES (?, ?, ?, ?, ?)");
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  rectify_bind_text (stmt, 2, date);
  rectify_bind_text (stmt, 3, rectify_inspection_kind_to_code (kind));
  sqlite3_bind_int (stmt, 4, category);
  sqlite3_bind_int64 (stmt, 5, quantity);
  return rectify_store_step_done (load->store, stmt, error);
}

static gboolean
bulk_derive_inspection_rows (RectifyBulkLoad *load, guint officer_seed, GError **error)
{
  g_autofree char *sql = g_strdup_printf (
      /* equipment ids of a unit are contiguous: find them through the unit index */
      "CREATE INDEX equipment_load_by_unit ON equipment (unit_id, id, category, quantity);"
      "INSERT INTO inspection_equipment (inspection_id, equipment_id, category, quantity)"
      " SELECT i.id, e.id, e.category, min(e.quantity, 5) FROM inspection i"
      " JOIN equipment e INDEXED BY equipment_load_by_unit ON e.unit_id = i.unit_id ORDER BY "
      "i.id, e.id;"
      "DROP INDEX equipment_load_by_unit;"
      "INSERT INTO inspection_officer (inspection_id, officer_id)"
      " SELECT i.id, 1 + (i.id * 7919 + %u) %% 189 + k.n * 3 FROM inspection i"
      " JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) k ON k.n "
      "< i.officer_count"
      " ORDER BY i.id, k.n;",
      officer_seed);
  return rectify_store_exec (load->store, sql, error);
}

static gboolean
bulk_add_hazard (RectifyBulkLoad *load, const RectifyHazard *h, GError **error)
{
  PREPARE (stmt, "INSERT INTO hazard (id, inspection_id, unit_id, equipment_id, campaign_id, "
                 "category, grade, found_date, description, standard, measures, deadline, "
                 "responsible, supervisor_id, status, closed_date)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  sqlite3_bind_int64 (stmt, 1, h->id);
  rectify_bind_id_or_null (stmt, 2, h->inspection_id);
  sqlite3_bind_int64 (stmt, 3, h->unit_id);
  rectify_bind_id_or_null (stmt, 4, h->equipment_id);
  rectify_bind_id_or_null (stmt, 5, h->campaign_id);
  sqlite3_bind_text (stmt, 6, h->category, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, rectify_grade_to_code (h->grade), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, h->found_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, h->content, -1, SQLITE_STATIC);
  rectify_bind_text (stmt, 10, h->standard);
  rectify_bind_text (stmt, 11, h->measures);
  rectify_bind_text_or_null (stmt, 12, h->deadline);
  rectify_bind_text (stmt, 13, h->responsible);
  rectify_bind_id_or_null (stmt, 14, h->supervisor_id);
  sqlite3_bind_text (stmt, 15, rectify_hazard_status_to_code (h->status), -1, SQLITE_STATIC);
  rectify_bind_text_or_null (stmt, 16, h->closed_date);
  return rectify_store_step_done (load->store, stmt, error);
}

static gboolean
bulk_derive_hazard_events (RectifyBulkLoad *load,
                           const char *today,
                           const char *now,
                           GError **error)
{
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO hazard_event (hazard_id, kind, officer_id, date, created_at, note)"
      " SELECT h.id, e.kind, h.supervisor_id, CASE e.kind WHEN 'registered' THEN h.found_date"
      "  WHEN 'major_report' THEN h.found_date ELSE coalesce(h.closed_date, '%s') END, '%s', ''"
      " FROM hazard h JOIN (SELECT 0 AS n, 'registered' AS kind UNION ALL SELECT 1, "
      "'major_report'"
      "  UNION ALL SELECT 2, 'rectified' UNION ALL SELECT 3, 'confirmed') e"
      " ON e.n = 0 OR (e.n = 1 AND h.grade = 'major') OR (e.n = 2 AND h.status IN "
      "('rectified', 'closed'))"
      "  OR (e.n = 3 AND h.status = 'closed')"
      " ORDER BY h.id, e.n",
      today, now);
  return rectify_store_exec (load->store, sql, error);
}

static int
bulk_hazard_year (RectifyBulkLoad *load, gint64 hazard_id)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      load->store, "SELECT CAST(substr(found_date, 1, 4) AS INTEGER) FROM hazard WHERE id = ?",
      NULL);

  if (!stmt)
    return 0;
  sqlite3_bind_int64 (stmt, 1, hazard_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

static gboolean
bulk_add_hazard_document (RectifyBulkLoad *load,
                          const RectifyDocument *d,
                          gint64 hazard_id,
                          GError **error)
{
  {
    PREPARE (stmt, "INSERT INTO document (id, kind, year, seq, number, unit_id, campaign_id, "
                   "issued_date, officer_id)"
                   " SELECT ?1, ?2, ?3, ?4, ?5, unit_id, campaign_id, found_date, ?6 FROM hazard "
                   "WHERE id = ?7");
    sqlite3_bind_int64 (stmt, 1, d->id);
    rectify_bind_text (stmt, 2, rectify_document_kind_to_code (d->kind));
    sqlite3_bind_int (stmt, 3, d->year);
    sqlite3_bind_int (stmt, 4, d->seq);
    rectify_bind_text (stmt, 5, d->number);
    sqlite3_bind_int64 (stmt, 6, d->officer_id);
    sqlite3_bind_int64 (stmt, 7, hazard_id);
    if (!rectify_store_step_done (load->store, stmt, error))
      return FALSE;
  }
  {
    PREPARE (stmt, "INSERT INTO document_hazard (document_id, hazard_id) VALUES (?, ?)");
    sqlite3_bind_int64 (stmt, 1, d->id);
    sqlite3_bind_int64 (stmt, 2, hazard_id);
    return rectify_store_step_done (load->store, stmt, error);
  }
}

#undef PREPARE

const RectifyStoreBulkOps rectify_sqlite_bulk_ops = {
  .set_large = bulk_set_large,
  .is_empty = bulk_is_empty,
  .find_unit = bulk_find_unit,
  .find_equipment = bulk_find_equipment,
  .unit_ids = bulk_unit_ids,
  .each_operator = bulk_each_operator,
  .write_unit = bulk_write_unit,
  .write_equipment = bulk_write_equipment,
  .write_operator = bulk_write_operator,
  .defer_import = bulk_defer_import,
  .begin_city = bulk_begin_city,
  .defer_city = bulk_defer_city,
  .add_officer = bulk_add_officer,
  .add_campaign = bulk_add_campaign,
  .add_unit = bulk_add_unit,
  .add_equipment = bulk_add_equipment,
  .add_inspection = bulk_add_inspection,
  .add_check_tally = bulk_add_check_tally,
  .derive_inspection_rows = bulk_derive_inspection_rows,
  .add_hazard = bulk_add_hazard,
  .derive_hazard_events = bulk_derive_hazard_events,
  .hazard_year = bulk_hazard_year,
  .add_hazard_document = bulk_add_hazard_document,
  .end_city = bulk_end_city,
  .finish = bulk_finish,
  .free = bulk_free,
};
