/* rectify-pg-private.h: what the PostgreSQL backend's modules share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every aggregate file (rectify-pg-<aggregate>.c) runs its statements with
 * rectify_pg_exec(): SQL with $1, $2, … placeholders, the values in a
 * RectifyPgParams built with the typed rectify_pg_add_*() helpers (sent as
 * text, bytea as binary), one prepared statement per distinct SQL text,
 * cached on the connection.  It returns the PGresult, or NULL with the
 * error set by rectify_pg_fail(), which turns constraint failures into
 * messages about the record (as rectify_store_fail does for SQLite).  Read
 * columns with rectify_pg_int(), rectify_pg_dup_text(), … (NULL columns
 * read as 0, "" or NULL as each says).
 *
 * Lists: a RectifyPgFilter collects WHERE clauses written with "?" for
 * each value (as in the SQLite backend); the filter numbers them $n as it
 * adds them, so that rectify_pg_query_page(), rectify_pg_query_ids() and
 * friends can append LIMIT and OFFSET after them.
 *
 * Search: rectify_pg_tsvector() gives the tokens of rectify-fts.c for the
 * fts column of unit, equipment and hazard (write it as $n::tsvector);
 * rectify_pg_tsquery() the query of user words (as $n::tsquery), and
 * rectify_pg_filter_add_search() adds "column @@ query" to a filter.
 *
 * A write runs inside the transaction the core opened (rectify_store_begin);
 * a failed statement aborts the whole transaction in PostgreSQL (SQLite
 * goes on), so a statement that may fail on purpose (a DELETE that a
 * foreign key refuses) runs through rectify_pg_exec_guarded(), inside a
 * savepoint of its own.
 */
#pragma once

#include <libpq-fe.h>

#include "rectify-store-backend.h"
#include "rectify-pg-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

struct _RectifyPgStore
{
  RectifyStore parent_instance;
  PGconn *conn;
  char *conninfo; /* as given, to open readers; never shown (it may hold a password) */
  int version;
  gboolean reader; /* a second connection, read-only */
  int txn_depth;
  gboolean txn_failed;
  GHashTable *prepared; /* sql -> statement name ("rectify_N") */
  guint n_prepared;
  gint64 login_officer; /* the officer of session_user (officer_login), 0 when none */
  char *session;        /* the SET statements of each connection (again after a reconnect) */
  GMutex cancel_lock;   /* guards cancel: interrupt() comes from any thread */
  PGcancel *cancel;
};

/* The tables of operations of this backend, one per aggregate
 * (rectify-pg-<aggregate>.c). */
extern const RectifyStoreOfficerOps rectify_pg_officer_ops;
extern const RectifyStoreCampaignOps rectify_pg_campaign_ops;
extern const RectifyStoreUnitOps rectify_pg_unit_ops;
extern const RectifyStoreEquipmentOps rectify_pg_equipment_ops;
extern const RectifyStoreOperatorOps rectify_pg_operator_ops;
extern const RectifyStoreInspectionOps rectify_pg_inspection_ops;
extern const RectifyStoreHazardOps rectify_pg_hazard_ops;
extern const RectifyStoreAttachmentOps rectify_pg_attachment_ops;
extern const RectifyStoreDocumentOps rectify_pg_document_ops;
extern const RectifyStoreVisitOps rectify_pg_visit_ops;
extern const RectifyStoreSettingOps rectify_pg_setting_ops;
extern const RectifyStoreAuditOps rectify_pg_audit_ops;
extern const RectifyStoreFigureOps rectify_pg_figure_ops;
extern const RectifyStoreBulkOps rectify_pg_bulk_ops;

/* The connection of a store of this backend. */
static inline PGconn *
rectify_pg_conn (RectifyStore *store)
{
  return ((RectifyPgStore *)store)->conn;
}

/* rectify-pg-schema.c: checks that the database is a Rectify database
 * (or empty) and creates the schema at RECTIFY_SCHEMA_VERSION in an empty
 * one; sets self->version.  A reader (create FALSE) never writes. */
gboolean rectify_pg_migrate (RectifyPgStore *self, gboolean create, GError **error);

/* rectify-pg-server.c: the roles and grants of a bureau's server
 * (rectify_server_init), a login for an officer, and reading at open which
 * officer this connection's login is (self->login_officer). */
gboolean rectify_pg_setup_server (RectifyStore *store, GError **error);
gboolean rectify_pg_create_login (RectifyStore *store,
                                  gint64 officer_id,
                                  RectifyRole role,
                                  const char *login,
                                  const char *password,
                                  GError **error);
gboolean rectify_pg_read_login (RectifyPgStore *self, GError **error);

/* ---- parameters ---------------------------------------------------------- */

/* The values of a statement's $1, $2, …, in order.  Declare with
 * g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT; */
typedef struct
{
  GPtrArray *values; /* char *, NULL for SQL NULL */
  GArray *lengths;   /* int: for binary values */
  GArray *formats;   /* int: 0 text, 1 binary */
} RectifyPgParams;

#define RECTIFY_PG_PARAMS_INIT                                                                     \
  {                                                                                                \
    NULL, NULL, NULL                                                                               \
  }

void rectify_pg_params_clear (RectifyPgParams *p);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RectifyPgParams, rectify_pg_params_clear)

/* How many values p holds (the number of the last $n). */
guint rectify_pg_params_count (const RectifyPgParams *p);
void rectify_pg_add_int (RectifyPgParams *p, gint64 value);
void rectify_pg_add_double (RectifyPgParams *p, double value);
/* NULL becomes '' (for NOT NULL text columns). */
void rectify_pg_add_text (RectifyPgParams *p, const char *text);
/* NULL and "" become SQL NULL. */
void rectify_pg_add_text_or_null (RectifyPgParams *p, const char *text);
/* id <= 0 becomes SQL NULL. */
void rectify_pg_add_id_or_null (RectifyPgParams *p, gint64 id);
/* Sent as 1 or 0: write boolean flags into INTEGER columns as the SQLite
 * schema has them (crowded, active), or cast ($n::int::boolean). */
void rectify_pg_add_bool (RectifyPgParams *p, gboolean value);
/* A YYYY-MM-DD date kept as TEXT; NULL and "" become SQL NULL. */
void rectify_pg_add_date (RectifyPgParams *p, const char *date);
/* Raw bytes for a BYTEA column, sent in binary. */
void rectify_pg_add_bytea (RectifyPgParams *p, gconstpointer data, gsize size);
void rectify_pg_add_null (RectifyPgParams *p);

/* ---- statements ---------------------------------------------------------- */

/* Runs sql (one statement, $n placeholders; p may be NULL) as a prepared
 * statement cached by its text; the result (rows or a command's) or NULL
 * with error set through rectify_pg_fail().  Outside a transaction a
 * statement that finds the connection lost reconnects and runs once more
 * (inside one the transaction is lost: the error says so, and the next
 * begin reconnects). */
PGresult *rectify_pg_exec (RectifyStore *self, const char *sql, RectifyPgParams *p, GError **error);
/* The same, run once without preparing (statements built per call, such
 * as a list of ids). */
PGresult *
rectify_pg_exec_once (RectifyStore *self, const char *sql, RectifyPgParams *p, GError **error);
/* Runs sql (any number of statements, no parameters: DDL, BEGIN, …). */
gboolean rectify_pg_exec_script (RectifyStore *self, const char *sql, GError **error);
/* rectify_pg_exec inside a savepoint of its own when a transaction is open:
 * when it fails, the transaction goes on as before it.  The SQLSTATE of the
 * failure (e.g. "23503") is copied to sqlstate (6 bytes) when not NULL,
 * "" when it succeeded; error is set as rectify_pg_exec sets it. */
PGresult *rectify_pg_exec_guarded (
    RectifyStore *self, const char *sql, RectifyPgParams *p, char *sqlstate, GError **error);

/* Runs an INSERT … RETURNING id and returns the new id, 0 on error. */
gint64 rectify_pg_insert (RectifyStore *self, const char *sql, RectifyPgParams *p, GError **error);
/* Runs an UPDATE of one row; *found FALSE when it changed none. */
gboolean rectify_pg_update (
    RectifyStore *self, const char *sql, RectifyPgParams *p, gboolean *found, GError **error);
/* Runs a statement that returns no rows, or whose rows are ignored. */
gboolean rectify_pg_run (RectifyStore *self, const char *sql, RectifyPgParams *p, GError **error);
/* Runs sql, a DELETE of the row with id $1; *in_use TRUE (error unset)
 * when a foreign key refuses it, and then the transaction goes on. */
gboolean rectify_pg_delete_row (
    RectifyStore *self, const char *sql, gint64 id, gboolean *in_use, GError **error);
/* TRUE when sql (a SELECT) returns a row; FALSE with error set on failure. */
gboolean rectify_pg_any (RectifyStore *self, const char *sql, RectifyPgParams *p, GError **error);
/* The first column of the first row as an integer (0 when no row or NULL);
 * FALSE with error set on failure. */
gboolean rectify_pg_query_int (
    RectifyStore *self, const char *sql, RectifyPgParams *p, gint64 *out, GError **error);

/* ---- errors -------------------------------------------------------------- */

/* Sets error for a failed result (res NULL: the connection's own error),
 * by SQLSTATE: unique violations to RECTIFY_ERROR_DUPLICATE naming the
 * field (credit code, equipment code, badge), foreign-key, check, not-null
 * violations and our triggers' refusals to RECTIFY_ERROR_INVALID,
 * serialization failures, deadlocks and lock timeouts to
 * RECTIFY_ERROR_LOCKED, a lost connection, a full disk and a read-only
 * server to RECTIFY_ERROR_IO, missing rights to RECTIFY_ERROR_PERMISSION,
 * a cancel (rectify_store_interrupt) to RECTIFY_ERROR_DATABASE
 * "interrupted", as SQLite says it.  Returns FALSE. */
gboolean rectify_pg_fail (RectifyStore *self, const PGresult *res, GError **error);

/* ---- columns ------------------------------------------------------------- */

gboolean rectify_pg_is_null (const PGresult *r, int row, int col);
/* NULL reads as 0. */
gint64 rectify_pg_int (const PGresult *r, int row, int col);
double rectify_pg_double (const PGresult *r, int row, int col);
/* 't' / 'true' / a non-zero number; NULL reads as FALSE. */
gboolean rectify_pg_bool (const PGresult *r, int row, int col);
/* A copy of the text; NULL reads as "". */
char *rectify_pg_dup_text (const PGresult *r, int row, int col);
/* A copy of the text, NULL for SQL NULL. */
char *rectify_pg_dup_text_or_null (const PGresult *r, int row, int col);
/* The text as it is in the result (valid while r is), NULL for SQL NULL. */
const char *rectify_pg_text (const PGresult *r, int row, int col);
/* A BYTEA column (read in text format) as bytes; NULL for SQL NULL. */
GBytes *rectify_pg_bytea (const PGresult *r, int row, int col);

/* ---- search -------------------------------------------------------------- */

/* The tokens of texts (a NULL-terminated list: the searchable columns of
 * one row, NULL entries count as empty) as a tsvector literal: positions
 * in order, a gap between columns so that no phrase spans two. */
char *rectify_pg_tsvector (const char *const *texts);
/* The tsquery of user words: each piece of rectify_fts_pieces() a phrase
 * of its tokens (<->) whose last is a prefix (:*), all pieces ANDed; NULL
 * when there is nothing to search for. */
char *rectify_pg_tsquery (const char *words);

/* ---- lists --------------------------------------------------------------- */

/* A WHERE clause built from parts with values as parameters, never with
 * values pasted into the SQL. */
typedef struct
{
  GString *where; /* "TRUE AND (…) AND (…)", with $n */
  RectifyPgParams params;
  guint n_clauses;
} RectifyPgFilter;

void rectify_pg_filter_init (RectifyPgFilter *f);
void rectify_pg_filter_clear (RectifyPgFilter *f);
/* Adds "AND (clause)"; each ? in clause takes the next value ($n). */
void rectify_pg_filter_add (RectifyPgFilter *f, const char *clause);
void rectify_pg_filter_add_int (RectifyPgFilter *f, const char *clause, gint64 value);
void rectify_pg_filter_add_text (RectifyPgFilter *f, const char *clause, const char *value);
/* One value for each ?, NULL-terminated. */
void
rectify_pg_filter_add_texts (RectifyPgFilter *f, const char *clause, ...) G_GNUC_NULL_TERMINATED;
/* The same value for each of n ? in clause. */
void
rectify_pg_filter_add_text_n (RectifyPgFilter *f, const char *clause, guint n, const char *value);
/* Adds "fts_column @@ query" for user words (fts_column e.g. "u.fts");
 * FALSE (nothing added) when the words hold nothing to search for. */
gboolean
rectify_pg_filter_add_search (RectifyPgFilter *f, const char *fts_column, const char *words);

/* Runs "SELECT count(*) FROM from WHERE …" (when total is not NULL) and
 * "SELECT columns FROM from WHERE … ORDER BY order LIMIT/OFFSET" and reads
 * each row with read. */
typedef gpointer (*RectifyPgRowReader) (const PGresult *r, int row);
GPtrArray *rectify_pg_query_page (RectifyStore *self,
                                  const char *columns,
                                  const char *from,
                                  RectifyPgFilter *filter,
                                  const char *order,
                                  const RectifyQuery *q,
                                  RectifyPgRowReader read,
                                  GDestroyNotify free_func,
                                  gint64 *total,
                                  GError **error);
/* The ORDER BY expression for a sort key from a NULL-terminated list of
 * key, expression pairs (the first when key is NULL); NULL for an unknown key. */
const char *rectify_pg_sort_expression (const char *const *pairs, const char *key);
/* The same, failing (INVALID, naming the keys of pairs) for an unknown q->sort. */
gboolean rectify_pg_check_sort (const char *const *pairs,
                                const RectifyQuery *q,
                                const char **order,
                                GError **error);

/* Lazy lists: the ids of every row matching filter in order (the first
 * q->limit when it has one), reading from_alone unless the filter or the
 * order needs the join (an alias "u."). */
GArray *rectify_pg_query_ids (RectifyStore *self,
                              const char *id_column,
                              const char *from,
                              const char *from_alone,
                              RectifyPgFilter *filter,
                              const char *order,
                              const RectifyQuery *q,
                              GError **error);
/* The ids (first column) the statement sql selects with p (may be NULL),
 * at most q->limit of them when it has one. */
GArray *rectify_pg_select_ids (
    RectifyStore *self, const char *sql, RectifyPgParams *p, const RectifyQuery *q, GError **error);
/* The ids of the rows of from matching filter, in order and then by
 * id_column in the same direction; joins is a NULL-terminated list of
 * pairs (an alias such as "u.", the JOIN clause that brings it), each
 * joined only when the order reads its alias. */
GArray *rectify_pg_query_ids_ordered (RectifyStore *self,
                                      const char *id_column,
                                      const char *from,
                                      const char *const *joins,
                                      RectifyPgFilter *filter,
                                      const char *order,
                                      const RectifyQuery *q,
                                      GError **error);
/* The rows of the given ids, in the order of the ids (the first column
 * read must be id_column); ids that no longer exist are left out. */
GPtrArray *rectify_pg_rows_by_ids (RectifyStore *self,
                                   const char *columns,
                                   const char *from,
                                   const char *id_column,
                                   RectifyPgRowReader read,
                                   GDestroyNotify free_func,
                                   const gint64 *ids,
                                   guint n_ids,
                                   GError **error);
/* ids as a bigint[] literal ("{1,2,3}") for "= ANY ($n::bigint[])". */
char *rectify_pg_id_array (const gint64 *ids, guint n_ids);

G_END_DECLS
