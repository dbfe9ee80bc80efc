/* rectify-pg-bulk.c: loading many records at once (the city sample, imports), on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The city sample goes in by COPY: each table's rows are gathered as COPY
 * text and sent a few megabytes at a time, parents before children, and
 * before any other statement of the load.  Its secondary indexes (the
 * search indexes among them) and its foreign keys are dropped inside the
 * transaction and built again by finish (a key added back checks the
 * whole table in one join, where a key kept checks and locks the parent
 * row of each row written), so a rollback puts them back.  The triggers
 * that keep the check tally and each hazard's equipment category are off
 * while the load writes those itself, and the numbers of its documents are
 * checked for gaps once when they are all in, not row by row.  An import
 * writes row by row (it looks each record up first), with the secondary
 * indexes put off in the same way when the file is about as large as the
 * table.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-pg-private.h"
#include "rectify-store-bulk.h"

/* The tables the city sample writes by COPY, parents first. */
typedef enum
{
  COPY_OFFICER,
  COPY_UNIT,
  COPY_EQUIPMENT,
  COPY_INSPECTION,
  COPY_CHECK_TALLY,
  COPY_HAZARD,
  COPY_DOCUMENT,
  COPY_DOCUMENT_HAZARD,
  N_COPIES
} CopyTable;

static const char *const copy_sql[N_COPIES] = {
  [COPY_OFFICER] = "COPY officer (id, badge, name, role) FROM STDIN",
  [COPY_UNIT] = "COPY unit (id, credit_code, name, address, district, industry, crowded,"
                " legal_rep, safety_manager, phone, fts) FROM STDIN",
  [COPY_EQUIPMENT] = "COPY equipment (id, unit_id, category, code, reg_cert, variety, location,"
                     " status, registered_user, quantity, last_inspection, next_inspection, fts)"
                     " FROM STDIN",
  [COPY_INSPECTION] = "COPY inspection (id, campaign_id, unit_id, kind, date, note, officer_count,"
                      " equipment_count, checklist) FROM STDIN",
  [COPY_CHECK_TALLY] = "COPY check_tally (campaign_id, date, kind, category, quantity) FROM STDIN",
  [COPY_HAZARD] = "COPY hazard (id, inspection_id, unit_id, equipment_id, campaign_id, category,"
                  " grade, found_date, description, standard, measures, deadline, responsible,"
                  " supervisor_id, status, closed_date, equipment_category, fts) FROM STDIN",
  [COPY_DOCUMENT] = "COPY document (id, kind, year, seq, number, unit_id, campaign_id,"
                    " issued_date, officer_id) FROM STDIN",
  [COPY_DOCUMENT_HAZARD] = "COPY document_hazard (document_id, hazard_id) FROM STDIN",
};

/* the tables whose indexes and foreign keys the city's load puts off */
#define CITY_TABLES                                                                                \
  "'unit', 'equipment', 'inspection', 'inspection_officer', 'inspection_equipment', 'hazard',"     \
  " 'hazard_event', 'document', 'document_hazard'"

/* the rows of a table are sent when this many bytes are waiting */
#define COPY_CHUNK (4 * 1024 * 1024)

/* What the city's documents take from their hazard. */
typedef struct
{
  gint64 unit_id;
  gint64 campaign_id;
  char found_date[11];
} HazardFacts;

struct _RectifyBulkLoad
{
  RectifyStore *store;
  GPtrArray *index_sqls; /* what builds the dropped indexes again, or NULL */
  gboolean city;
  GString *rows[N_COPIES];    /* COPY text not sent yet */
  GArray *equipment_category; /* int by equipment id (the city) */
  GArray *hazards;            /* HazardFacts by hazard id (the city) */
  gboolean hazards_without_category;
};

/* ==== COPY ============================================================= */

static void
copy_text (GString *out, const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "\\N");
      return;
    }
  for (const char *c = text; *c; c++)
    switch (*c)
      {
      case '\\':
        g_string_append (out, "\\\\");
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      case '\r':
        g_string_append (out, "\\r");
        break;
      case '\t':
        g_string_append (out, "\\t");
        break;
      default:
        g_string_append_c (out, *c);
      }
}

/* Appends a column: text (NULL: SQL NULL), then a tab. */
static void
col_text (GString *out, const char *text)
{
  copy_text (out, text);
  g_string_append_c (out, '\t');
}

/* NULL and "" as SQL NULL */
static void
col_text_or_null (GString *out, const char *text)
{
  col_text (out, text && *text ? text : NULL);
}

/* NULL as '' (NOT NULL columns, as rectify_pg_add_text) */
static void
col_text_nn (GString *out, const char *text)
{
  col_text (out, text ? text : "");
}

static void
col_int (GString *out, gint64 value)
{
  g_string_append_printf (out, "%" G_GINT64_FORMAT "\t", value);
}

/* id <= 0 as SQL NULL */
static void
col_id (GString *out, gint64 id)
{
  if (id > 0)
    col_int (out, id);
  else
    g_string_append (out, "\\N\t");
}

/* Ends the row (the last column's tab becomes the newline). */
static void
end_row (GString *out)
{
  g_assert (out->len > 0 && out->str[out->len - 1] == '\t');
  out->str[out->len - 1] = '\n';
}

static gboolean
send_copy (RectifyBulkLoad *load, CopyTable table, GError **error)
{
  PGconn *conn = rectify_pg_conn (load->store);
  GString *rows = load->rows[table];
  gboolean ok = TRUE;
  PGresult *res;

  if (rows == NULL || rows->len == 0)
    return TRUE;
  res = PQexec (conn, copy_sql[table]);
  if (PQresultStatus (res) != PGRES_COPY_IN)
    {
      rectify_pg_fail (load->store, res, error);
      PQclear (res);
      return FALSE;
    }
  PQclear (res);
  if (PQputCopyData (conn, rows->str, (int)rows->len) != 1)
    {
      ok = FALSE;
      PQputCopyEnd (conn, "the rows could not be sent");
    }
  else if (PQputCopyEnd (conn, NULL) != 1)
    ok = FALSE;
  g_string_truncate (rows, 0);
  /* the COPY's result, then NULL */
  while ((res = PQgetResult (conn)) != NULL)
    {
      if (ok && PQresultStatus (res) != PGRES_COMMAND_OK)
        {
          rectify_pg_fail (load->store, res, error);
          ok = FALSE;
        }
      PQclear (res);
    }
  if (!ok && error && *error == NULL)
    rectify_pg_fail (load->store, NULL, error);
  return ok;
}

/* Sends the rows waiting for table and for every table before it (their
 * parents); N_COPIES sends everything. */
static gboolean
flush_upto (RectifyBulkLoad *load, CopyTable table, GError **error)
{
  for (int t = 0; t <= (int)table && t < N_COPIES; t++)
    if (!send_copy (load, t, error))
      return FALSE;
  return TRUE;
}

static gboolean
flush_all (RectifyBulkLoad *load, GError **error)
{
  return flush_upto (load, N_COPIES, error);
}

/* The buffer of table, for a row to be appended. */
static GString *
rows_of (RectifyBulkLoad *load, CopyTable table)
{
  if (load->rows[table] == NULL)
    load->rows[table] = g_string_sized_new (COPY_CHUNK + 64 * 1024);
  return load->rows[table];
}

/* Sends the table's rows (and its parents') once enough are waiting. */
static gboolean
row_added (RectifyBulkLoad *load, CopyTable table, GError **error)
{
  if (load->rows[table]->len < COPY_CHUNK)
    return TRUE;
  return flush_upto (load, table, error);
}

/* ==== imports ========================================================== */

static void
bulk_set_large (RectifyStore *self, gboolean large)
{
  /* PostgreSQL's caches are the server's */
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
bulk_is_empty (RectifyStore *self, const char *entity, gboolean *empty, GError **error)
{
  g_autofree char *sql
      = g_strdup_printf ("SELECT NOT EXISTS (SELECT 1 FROM %s)", import_table (entity));
  g_autoptr (PGresult) res = rectify_pg_exec (self, sql, NULL, error);

  if (res == NULL)
    return FALSE;
  *empty = rectify_pg_bool (res, 0, 0);
  return TRUE;
}

/* The id of an existing row found by one text value, 0 when none, -1 on failure. */
static gint64
lookup_id (RectifyStore *self, const char *sql, const char *text, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_text (&p, text);
  res = rectify_pg_exec (self, sql, &p, error);
  if (res == NULL)
    return -1;
  return PQntuples (res) > 0 ? rectify_pg_int (res, 0, 0) : 0;
}

static gint64
bulk_find_unit (RectifyStore *self, const char *credit_code, GError **error)
{
  return lookup_id (self, "SELECT id FROM unit WHERE credit_code = $1", credit_code, error);
}

static gint64
bulk_find_equipment (RectifyStore *self, const char *code, GError **error)
{
  return lookup_id (self, "SELECT id FROM equipment WHERE code = $1", code, error);
}

static GHashTable *
bulk_unit_ids (RectifyStore *self, GError **error)
{
  g_autoptr (PGresult) res
      = rectify_pg_exec (self, "SELECT id, credit_code FROM unit", NULL, error);
  GHashTable *ids;

  if (res == NULL)
    return NULL;
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (int i = 0; i < PQntuples (res); i++)
    g_hash_table_insert (ids, rectify_pg_dup_text (res, i, 1),
                         GSIZE_TO_POINTER ((gsize)rectify_pg_int (res, i, 0)));
  return ids;
}

static gboolean
bulk_each_operator (RectifyStore *self,
                    RectifyBulkOperatorFunc func,
                    gpointer user_data,
                    GError **error)
{
  g_autoptr (PGresult) res
      = rectify_pg_exec (self, "SELECT id, cert_no, id_number FROM operator", NULL, error);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    func (rectify_pg_int (res, i, 0), rectify_pg_text (res, i, 1), rectify_pg_text (res, i, 2),
          user_data);
  return TRUE;
}

/* Runs the UPDATE of existing or the INSERT … RETURNING id of a new row;
 * the id written, 0 on failure. */
static gint64
write_row (RectifyStore *self,
           const char *update,
           const char *insert,
           RectifyPgParams *p,
           gint64 existing,
           GError **error)
{
  if (existing > 0)
    {
      rectify_pg_add_int (p, existing);
      return rectify_pg_run (self, update, p, error) ? existing : 0;
    }
  return rectify_pg_insert (self, insert, p, error);
}

static gint64
bulk_write_unit (RectifyStore *self, const RectifyUnit *u, gint64 existing, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  const char *searched[] = { u->name ? u->name : "", u->credit_code ? u->credit_code : "",
                             u->address ? u->address : "", u->legal_rep ? u->legal_rep : "", NULL };
  g_autofree char *fts = rectify_pg_tsvector (searched);

  rectify_pg_add_text (&p, u->credit_code);
  rectify_pg_add_text (&p, u->name);
  rectify_pg_add_text (&p, u->address);
  rectify_pg_add_text (&p, u->district);
  rectify_pg_add_text (&p, u->industry);
  rectify_pg_add_bool (&p, u->crowded);
  rectify_pg_add_text (&p, u->legal_rep);
  rectify_pg_add_text (&p, u->safety_manager);
  rectify_pg_add_text (&p, u->phone);
  rectify_pg_add_text (&p, fts);
  return write_row (self,
                    "UPDATE unit SET credit_code = $1, name = $2, address = $3, district = $4,"
                    " industry = $5, crowded = $6, legal_rep = $7, safety_manager = $8,"
                    " phone = $9, fts = $10::tsvector WHERE id = $11",
                    "INSERT INTO unit (credit_code, name, address, district, industry, crowded,"
                    " legal_rep, safety_manager, phone, fts)"
                    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::tsvector) RETURNING id",
                    &p, existing, error);
}

static gint64
bulk_write_equipment (RectifyStore *self,
                      const RectifyEquipment *e,
                      gint64 existing,
                      GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  const char *searched[] = { e->variety ? e->variety : "", e->location ? e->location : "", NULL };
  g_autofree char *fts = rectify_pg_tsvector (searched);

  rectify_pg_add_int (&p, e->unit_id);
  rectify_pg_add_int (&p, e->category);
  rectify_pg_add_text_or_null (&p, e->code);
  rectify_pg_add_text (&p, e->reg_cert);
  rectify_pg_add_text (&p, e->variety);
  rectify_pg_add_text (&p, e->location);
  rectify_pg_add_text (&p, rectify_equipment_status_to_code (e->status));
  rectify_pg_add_text (&p, e->registered_user);
  rectify_pg_add_int (&p, e->quantity);
  rectify_pg_add_text_or_null (&p, e->last_inspection);
  rectify_pg_add_text_or_null (&p, e->next_inspection);
  rectify_pg_add_text_or_null (&p, e->postponed_until);
  rectify_pg_add_text (&p, fts);
  return write_row (
      self,
      "UPDATE equipment SET unit_id = $1, category = $2, code = $3, reg_cert = $4,"
      " variety = $5, location = $6, status = $7, registered_user = $8, quantity = $9,"
      " last_inspection = $10, next_inspection = $11, postponed_until = $12,"
      " fts = $13::tsvector WHERE id = $14",
      "INSERT INTO equipment (unit_id, category, code, reg_cert, variety, location, status,"
      " registered_user, quantity, last_inspection, next_inspection, postponed_until, fts)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::tsvector) RETURNING id",
      &p, existing, error);
}

static gint64
bulk_write_operator (RectifyStore *self, const RectifyOperator *op, gint64 existing, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_int (&p, op->unit_id);
  rectify_pg_add_text (&p, op->name);
  rectify_pg_add_text (&p, op->id_number);
  rectify_pg_add_text (&p, op->cert_no);
  rectify_pg_add_text (&p, op->cert_category);
  rectify_pg_add_text_or_null (&p, op->cert_expiry);
  return write_row (self,
                    "UPDATE operator SET unit_id = $1, name = $2, id_number = $3, cert_no = $4,"
                    " cert_category = $5, cert_expiry = $6 WHERE id = $7",
                    "INSERT INTO operator (unit_id, name, id_number, cert_no, cert_category,"
                    " cert_expiry) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    &p, existing, error);
}

static void
bulk_free (RectifyBulkLoad *load)
{
  if (!load)
    return;
  g_clear_pointer (&load->index_sqls, g_ptr_array_unref);
  for (int t = 0; t < N_COPIES; t++)
    if (load->rows[t])
      g_string_free (load->rows[t], TRUE);
  g_clear_pointer (&load->equipment_category, g_array_unref);
  g_clear_pointer (&load->hazards, g_array_unref);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyBulkLoad, bulk_free)

/* Drops the secondary indexes of tables (a SQL list of names: "'unit',
 * 'equipment'"), unique ones too when with_unique, never those behind a
 * constraint (primary keys, UNIQUE), and keeps what builds them again. */
static gboolean
drop_indexes (RectifyBulkLoad *load, const char *tables, gboolean with_unique, GError **error)
{
  RectifyStore *store = load->store;
  g_autofree char *sql = g_strdup_printf (
      "SELECT c.relname, pg_get_indexdef (i.indexrelid) FROM pg_catalog.pg_index i"
      " JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid"
      " JOIN pg_catalog.pg_class t ON t.oid = i.indrelid"
      " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
      " WHERE n.nspname = current_schema () AND t.relname IN (%s)"
      " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid)"
      " AND (%s OR NOT i.indisunique) ORDER BY c.relname",
      tables, with_unique ? "TRUE" : "FALSE");
  g_autoptr (PGresult) res = rectify_pg_exec_once (store, sql, NULL, error);

  if (res == NULL)
    return FALSE;
  if (load->index_sqls == NULL)
    load->index_sqls = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < PQntuples (res); i++)
    {
      g_autofree char *drop = NULL;
      g_autofree char *quoted = NULL;
      char *name = PQescapeIdentifier (rectify_pg_conn (store), rectify_pg_text (res, i, 0),
                                       strlen (rectify_pg_text (res, i, 0)));

      quoted = g_strdup (name);
      PQfreemem (name);
      drop = g_strdup_printf ("DROP INDEX %s", quoted);
      if (!rectify_pg_exec_script (store, drop, error))
        return FALSE;
      g_ptr_array_add (load->index_sqls, rectify_pg_dup_text (res, i, 1));
    }
  return TRUE;
}

/* A file about as large as the table or larger: its secondary indexes
 * are built again after the rows are in, which is faster than as many
 * inserts at random places in each.  Unique indexes stay, as they find
 * existing records, unless the table is empty (the file's codes were
 * checked against each other, and building the index checks them again).
 * Inside the transaction, so a rollback puts them back. */
static RectifyBulkLoad *
bulk_defer_import (
    RectifyStore *self, const char *entity, guint64 rows, gboolean table_empty, GError **error)
{
  g_autoptr (RectifyBulkLoad) load = g_new0 (RectifyBulkLoad, 1);
  const char *table = import_table (entity);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autofree char *list = g_strdup_printf ("'%s'", table);
  gint64 count = 0;

  load->store = self;
  if (!rectify_pg_query_int (self, count_sql, NULL, &count, error))
    return NULL;
  if (rows >= 10000 && (gint64)rows >= count && !drop_indexes (load, list, table_empty, error))
    return NULL;
  return g_steal_pointer (&load);
}

/* The identities go on after the ids the load gave. */
static gboolean
reset_identities (RectifyStore *store, GError **error)
{
  static const char *const tables[]
      = { "officer",    "campaign", "unit",         "equipment", "operator",
          "inspection", "hazard",   "hazard_event", "document",  NULL };

  for (guint i = 0; tables[i]; i++)
    {
      g_autofree char *sql
          = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%1$s', 'id'),"
                             " coalesce((SELECT max(id) FROM %1$s), 0) + 1, FALSE)",
                             tables[i]);
      if (!rectify_pg_run (store, sql, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
bulk_finish (RectifyBulkLoad *load, GError **error)
{
  RectifyStore *store = load->store;

  if (!flush_all (load, error))
    return FALSE;
  for (guint i = 0; load->index_sqls && i < load->index_sqls->len; i++)
    if (!rectify_pg_exec_script (store, g_ptr_array_index (load->index_sqls, i), error))
      return FALSE;
  g_debug ("bulk load: indexes built");
  if (load->city
      && (!rectify_pg_exec_script (
              store,
              "ALTER TABLE inspection_equipment ENABLE TRIGGER check_tally_insert;"
              "ALTER TABLE hazard ENABLE TRIGGER hazard_equipment_category_insert;"
              "ALTER TABLE document ENABLE TRIGGER document_gapless;"
              /* the next number of each kind and year after the load's */
              "INSERT INTO document_counter (kind, year, seq)"
              " SELECT kind, year, max(seq) FROM document GROUP BY kind, year"
              " ON CONFLICT (kind, year)"
              " DO UPDATE SET seq = greatest (document_counter.seq, excluded.seq)",
              error)
          || !reset_identities (store, error)))
    return FALSE;
  /* what the gapless trigger checks row by row (a query of the whole
   * table per row while it fills), once for every number of the load */
  if (load->city)
    {
      gint64 gaps = 0;

      if (!rectify_pg_query_int (store,
                                 "SELECT count(*) FROM (SELECT seq, row_number () OVER"
                                 " (PARTITION BY kind, year ORDER BY seq) AS n FROM document) d"
                                 " WHERE seq <> n",
                                 NULL, &gaps, error))
        return FALSE;
      if (gaps > 0)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("Database error: %s"),
                       "document numbers must be gapless");
          return FALSE;
        }
    }
  if (load->hazards_without_category
      && !rectify_pg_exec_script (store,
                                  "UPDATE hazard h SET equipment_category = e.category"
                                  " FROM equipment e WHERE e.id = h.equipment_id"
                                  " AND h.equipment_category IS NULL",
                                  error))
    return FALSE;
  return TRUE;
}

/* ==== the city sample ================================================== */

static gboolean
bulk_begin_city (RectifyStore *self, GError **error)
{
  /* a new database loaded in one go: its commit need not wait for the
   * disk, and the indexes are built with more memory */
  return rectify_pg_exec_script (
      self, "SET synchronous_commit = off; SET maintenance_work_mem = '256MB'", error);
}

static void
bulk_end_city (RectifyStore *self, gboolean loaded)
{
  rectify_pg_exec_script (self, "RESET synchronous_commit; RESET maintenance_work_mem", NULL);
  /* fresh statistics for the query planner */
  if (loaded)
    rectify_pg_exec_script (self,
                            "ANALYZE officer, campaign, unit, equipment, inspection,"
                            " inspection_officer, inspection_equipment, check_tally, hazard,"
                            " hazard_event, document, document_hazard",
                            NULL);
}

/* Drops the foreign keys of tables (as drop_indexes names them) and keeps
 * what adds them again: checked once for the whole table by one join when
 * they come back, where a key kept checks (and locks) its parent row for
 * each row written, most of a load's time. */
static gboolean
drop_foreign_keys (RectifyBulkLoad *load, const char *tables, GError **error)
{
  RectifyStore *store = load->store;
  PGconn *conn = rectify_pg_conn (store);
  g_autofree char *sql = g_strdup_printf (
      "SELECT t.relname, k.conname, pg_get_constraintdef (k.oid) FROM pg_catalog.pg_constraint k"
      " JOIN pg_catalog.pg_class t ON t.oid = k.conrelid"
      " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
      " WHERE n.nspname = current_schema () AND k.contype = 'f' AND t.relname IN (%s)"
      " ORDER BY t.relname, k.conname",
      tables);
  g_autoptr (PGresult) res = rectify_pg_exec_once (store, sql, NULL, error);

  if (res == NULL)
    return FALSE;
  if (load->index_sqls == NULL)
    load->index_sqls = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < PQntuples (res); i++)
    {
      const char *table_name = rectify_pg_text (res, i, 0);
      const char *key_name = rectify_pg_text (res, i, 1);
      char *table = PQescapeIdentifier (conn, table_name, strlen (table_name));
      char *key = PQescapeIdentifier (conn, key_name, strlen (key_name));
      g_autofree char *drop = g_strdup_printf ("ALTER TABLE %s DROP CONSTRAINT %s", table, key);

      g_ptr_array_add (load->index_sqls, g_strdup_printf ("ALTER TABLE %s ADD CONSTRAINT %s %s",
                                                          table, key, rectify_pg_text (res, i, 2)));
      PQfreemem (table);
      PQfreemem (key);
      if (!rectify_pg_exec_script (store, drop, error))
        return FALSE;
    }
  return TRUE;
}

static RectifyBulkLoad *
bulk_defer_city (RectifyStore *self, GError **error)
{
  g_autoptr (RectifyBulkLoad) load = g_new0 (RectifyBulkLoad, 1);

  load->store = self;
  load->city = TRUE;
  load->equipment_category = g_array_new (FALSE, TRUE, sizeof (int));
  load->hazards = g_array_new (FALSE, TRUE, sizeof (HazardFacts));
  /* the load writes the tally and the hazards' equipment category itself */
  if (!drop_indexes (load, CITY_TABLES, TRUE, error)
      || !drop_foreign_keys (load, CITY_TABLES, error)
      || !rectify_pg_exec_script (
          self,
          "ALTER TABLE inspection_equipment DISABLE TRIGGER check_tally_insert;"
          "ALTER TABLE hazard DISABLE TRIGGER hazard_equipment_category_insert;"
          "ALTER TABLE document DISABLE TRIGGER document_gapless",
          error))
    return NULL;
  return g_steal_pointer (&load);
}

static gboolean
bulk_add_officer (RectifyBulkLoad *load, const RectifyOfficer *o, GError **error)
{
  GString *r = rows_of (load, COPY_OFFICER);

  col_int (r, o->id);
  col_text_nn (r, o->badge);
  col_text_nn (r, o->name);
  col_text (r, rectify_role_to_code (o->role));
  end_row (r);
  return row_added (load, COPY_OFFICER, error);
}

static gint64
bulk_add_campaign (RectifyBulkLoad *load, const RectifyCampaign *c, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  gint64 id;

  /* its head and members are in */
  if (!flush_all (load, error))
    return 0;
  rectify_pg_add_text (&p, c->name);
  rectify_pg_add_text (&p, c->start_date);
  rectify_pg_add_int (&p, c->days);
  rectify_pg_add_id_or_null (&p, c->head_id);
  rectify_pg_add_id_or_null (&p, c->deputy_id);
  rectify_pg_add_text (&p, c->work_plan);
  rectify_pg_add_text (&p, c->key_industries);
  rectify_pg_add_text (&p, c->key_links);
  rectify_pg_add_text (&p, c->key_areas);
  id = rectify_pg_insert (load->store,
                          "INSERT INTO campaign (name, start_date, days, head_id, deputy_id,"
                          " work_plan, key_industries, key_links, key_areas)"
                          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                          &p, error);
  if (id == 0)
    return 0;
  for (guint i = 0; c->member_ids && i < c->member_ids->len; i++)
    {
      g_auto (RectifyPgParams) m = RECTIFY_PG_PARAMS_INIT;

      rectify_pg_add_int (&m, id);
      rectify_pg_add_int (&m, g_array_index (c->member_ids, gint64, i));
      if (!rectify_pg_run (load->store,
                           "INSERT INTO campaign_member (campaign_id, officer_id) VALUES ($1, $2)",
                           &m, error))
        return 0;
    }
  return id;
}

static gboolean
bulk_add_unit (RectifyBulkLoad *load, const RectifyUnit *u, GError **error)
{
  GString *r = rows_of (load, COPY_UNIT);
  const char *searched[] = { u->name ? u->name : "", u->credit_code ? u->credit_code : "",
                             u->address ? u->address : "", u->legal_rep ? u->legal_rep : "", NULL };
  g_autofree char *fts = rectify_pg_tsvector (searched);

  col_int (r, u->id);
  col_text_nn (r, u->credit_code);
  col_text_nn (r, u->name);
  col_text_nn (r, u->address);
  col_text_nn (r, u->district);
  col_text_nn (r, u->industry);
  col_int (r, u->crowded ? 1 : 0);
  col_text_nn (r, u->legal_rep);
  col_text_nn (r, u->safety_manager);
  col_text_nn (r, u->phone);
  col_text (r, fts);
  end_row (r);
  return row_added (load, COPY_UNIT, error);
}

static gboolean
bulk_add_equipment (RectifyBulkLoad *load, const RectifyEquipment *e, GError **error)
{
  GString *r = rows_of (load, COPY_EQUIPMENT);
  const char *searched[] = { e->variety ? e->variety : "", e->location ? e->location : "", NULL };
  g_autofree char *fts = rectify_pg_tsvector (searched);
  int category = e->category;

  if (e->id > 0)
    {
      if ((guint)e->id >= load->equipment_category->len)
        g_array_set_size (load->equipment_category, (guint)e->id + 1);
      g_array_index (load->equipment_category, int, e->id) = category;
    }
  col_int (r, e->id);
  col_int (r, e->unit_id);
  col_int (r, e->category);
  col_text_or_null (r, e->code);
  col_text_nn (r, e->reg_cert);
  col_text_nn (r, e->variety);
  col_text_nn (r, e->location);
  col_text (r, rectify_equipment_status_to_code (e->status));
  col_text_nn (r, e->registered_user);
  col_int (r, e->quantity);
  col_text_or_null (r, e->last_inspection);
  col_text_or_null (r, e->next_inspection);
  col_text (r, fts);
  end_row (r);
  return row_added (load, COPY_EQUIPMENT, error);
}

static gboolean
bulk_add_inspection (RectifyBulkLoad *load, const RectifyBulkInspection *in, GError **error)
{
  GString *r = rows_of (load, COPY_INSPECTION);
  char date[11] = { 0 };
  char checklist[RECTIFY_N_CHECK_ITEMS + 1] = { 0 };

  /* the date and checklist are not NUL-terminated */
  memcpy (date, in->date, 10);
  memcpy (checklist, in->checklist, RECTIFY_N_CHECK_ITEMS);
  col_int (r, in->id);
  col_id (r, in->campaign_id);
  col_int (r, in->unit_id);
  col_text (r, rectify_inspection_kind_to_code (in->kind));
  col_text (r, date);
  col_text (r, "");
  col_int (r, in->officer_count);
  col_int (r, in->equipment_count);
  col_text (r, checklist);
  end_row (r);
  return row_added (load, COPY_INSPECTION, error);
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
  GString *r = rows_of (load, COPY_CHECK_TALLY);

  col_int (r, campaign_id);
  col_text_nn (r, date);
  col_text (r, rectify_inspection_kind_to_code (kind));
  col_int (r, category);
  col_int (r, quantity);
  end_row (r);
  return row_added (load, COPY_CHECK_TALLY, error);
}

static gboolean
bulk_derive_inspection_rows (RectifyBulkLoad *load, guint officer_seed, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  if (!flush_all (load, error))
    return FALSE;
  rectify_pg_add_int (&p, officer_seed);
  /* the equipment's secondary indexes are dropped: a hash join of the two tables */
  return rectify_pg_run (load->store,
                         "INSERT INTO inspection_equipment (inspection_id, equipment_id, category,"
                         " quantity) SELECT i.id, e.id, e.category, least (e.quantity, 5)"
                         " FROM inspection i JOIN equipment e ON e.unit_id = i.unit_id"
                         " ORDER BY i.id, e.id",
                         NULL, error)
         && rectify_pg_run (load->store,
                            "INSERT INTO inspection_officer (inspection_id, officer_id)"
                            " SELECT i.id, 1 + (i.id * 7919 + $1) % 189 + k.n * 3"
                            " FROM inspection i JOIN generate_series (0, 3) AS k (n)"
                            " ON k.n < i.officer_count ORDER BY i.id, k.n",
                            &p, error);
}

static gboolean
bulk_add_hazard (RectifyBulkLoad *load, const RectifyHazard *h, GError **error)
{
  GString *r = rows_of (load, COPY_HAZARD);
  const char *searched[] = { h->content ? h->content : "", h->measures ? h->measures : "",
                             h->responsible ? h->responsible : "", NULL };
  g_autofree char *fts = rectify_pg_tsvector (searched);

  if (h->id > 0)
    {
      HazardFacts *facts;

      if ((guint)h->id >= load->hazards->len)
        g_array_set_size (load->hazards, (guint)h->id + 1);
      facts = &g_array_index (load->hazards, HazardFacts, h->id);
      facts->unit_id = h->unit_id;
      facts->campaign_id = h->campaign_id;
      g_strlcpy (facts->found_date, h->found_date ? h->found_date : "", sizeof facts->found_date);
    }
  col_int (r, h->id);
  col_id (r, h->inspection_id);
  col_int (r, h->unit_id);
  col_id (r, h->equipment_id);
  col_id (r, h->campaign_id);
  col_text_nn (r, h->category);
  col_text (r, rectify_grade_to_code (h->grade));
  col_text_nn (r, h->found_date);
  col_text_nn (r, h->content);
  col_text_nn (r, h->standard);
  col_text_nn (r, h->measures);
  col_text_or_null (r, h->deadline);
  col_text_nn (r, h->responsible);
  col_id (r, h->supervisor_id);
  col_text (r, rectify_hazard_status_to_code (h->status));
  col_text_or_null (r, h->closed_date);
  /* the trigger's work: the category of its equipment */
  if (h->equipment_id > 0 && (guint)h->equipment_id < load->equipment_category->len
      && g_array_index (load->equipment_category, int, h->equipment_id) != 0)
    col_int (r, g_array_index (load->equipment_category, int, h->equipment_id));
  else
    {
      /* an item this load did not add: finish asks the table */
      load->hazards_without_category |= h->equipment_id > 0;
      g_string_append (r, "\\N\t");
    }
  col_text (r, fts);
  end_row (r);
  return row_added (load, COPY_HAZARD, error);
}

static gboolean
bulk_derive_hazard_events (RectifyBulkLoad *load,
                           const char *today,
                           const char *now,
                           GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  if (!flush_all (load, error))
    return FALSE;
  rectify_pg_add_text (&p, today);
  rectify_pg_add_text (&p, now);
  return rectify_pg_run (
      load->store,
      "INSERT INTO hazard_event (hazard_id, kind, officer_id, date, created_at, note)"
      " SELECT h.id, e.kind, h.supervisor_id, CASE e.kind WHEN 'registered' THEN h.found_date"
      "  WHEN 'major_report' THEN h.found_date ELSE coalesce(h.closed_date, $1) END, $2, ''"
      " FROM hazard h JOIN (VALUES (0, 'registered'), (1, 'major_report'), (2, 'rectified'),"
      "  (3, 'confirmed')) AS e (n, kind)"
      " ON e.n = 0 OR (e.n = 1 AND h.grade = 'major') OR (e.n = 2 AND h.status IN "
      "('rectified', 'closed')) OR (e.n = 3 AND h.status = 'closed')"
      " ORDER BY h.id, e.n",
      &p, error);
}

static const HazardFacts *
hazard_facts (RectifyBulkLoad *load, gint64 hazard_id)
{
  const HazardFacts *facts;

  if (hazard_id <= 0 || (guint)hazard_id >= load->hazards->len)
    return NULL;
  facts = &g_array_index (load->hazards, HazardFacts, hazard_id);
  return facts->unit_id > 0 ? facts : NULL;
}

static int
bulk_hazard_year (RectifyBulkLoad *load, gint64 hazard_id)
{
  const HazardFacts *facts = hazard_facts (load, hazard_id);

  return facts ? atoi (facts->found_date) : 0;
}

static gboolean
bulk_add_hazard_document (RectifyBulkLoad *load,
                          const RectifyDocument *d,
                          gint64 hazard_id,
                          GError **error)
{
  const HazardFacts *facts = hazard_facts (load, hazard_id);
  GString *r;

  /* SQLite's INSERT … SELECT of a hazard that is not there adds no document */
  if (facts == NULL)
    return TRUE;
  r = rows_of (load, COPY_DOCUMENT);
  col_int (r, d->id);
  col_text (r, rectify_document_kind_to_code (d->kind));
  col_int (r, d->year);
  col_int (r, d->seq);
  col_text_nn (r, d->number);
  col_int (r, facts->unit_id);
  col_id (r, facts->campaign_id);
  col_text (r, facts->found_date);
  col_int (r, d->officer_id);
  end_row (r);
  r = rows_of (load, COPY_DOCUMENT_HAZARD);
  col_int (r, d->id);
  col_int (r, hazard_id);
  end_row (r);
  return row_added (load, COPY_DOCUMENT, error) && row_added (load, COPY_DOCUMENT_HAZARD, error);
}

const RectifyStoreBulkOps rectify_pg_bulk_ops = {
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
