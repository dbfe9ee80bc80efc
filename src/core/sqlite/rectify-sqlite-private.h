/* rectify-sqlite-private.h: what the SQLite backend's modules share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "rectify-store-backend.h"
#include "rectify-sqlite-store.h"

G_BEGIN_DECLS

struct _RectifySqliteStore
{
  RectifyStore parent_instance;
  sqlite3 *db;
  int version;
  int txn_depth;
  gboolean txn_failed;
  GHashTable *stmts; /* sql -> sqlite3_stmt */
  /* the quick check before the first write of this connection: done, and
   * what it found wrong (NULL when the file passed) */
  gboolean checked;
  char *damage;
};

/* The tables of operations of this backend, one per aggregate
 * (rectify-sqlite-<aggregate>.c). */
extern const RectifyStoreOfficerOps rectify_sqlite_officer_ops;
extern const RectifyStoreCampaignOps rectify_sqlite_campaign_ops;
extern const RectifyStoreUnitOps rectify_sqlite_unit_ops;
extern const RectifyStoreEquipmentOps rectify_sqlite_equipment_ops;
extern const RectifyStoreOperatorOps rectify_sqlite_operator_ops;
extern const RectifyStoreInspectionOps rectify_sqlite_inspection_ops;
extern const RectifyStoreHazardOps rectify_sqlite_hazard_ops;
extern const RectifyStoreAttachmentOps rectify_sqlite_attachment_ops;
extern const RectifyStoreDocumentOps rectify_sqlite_document_ops;
extern const RectifyStoreVisitOps rectify_sqlite_visit_ops;
extern const RectifyStoreSettingOps rectify_sqlite_setting_ops;
extern const RectifyStoreAuditOps rectify_sqlite_audit_ops;
extern const RectifyStoreFigureOps rectify_sqlite_figure_ops;
extern const RectifyStoreBulkOps rectify_sqlite_bulk_ops;

/* The schema version that added scheduled_visit (rectify-sqlite-schema.c). */
#define RECTIFY_SCHEMA_SCHEDULED_VISIT 4

/* The connection of a store of this backend. */
static inline sqlite3 *
rectify_sqlite_db (RectifyStore *store)
{
  return ((RectifySqliteStore *)store)->db;
}

/* How long to wait for another program's write (RECTIFY_BUSY_TIMEOUT_MS). */
void rectify_sqlite_apply_busy_timeout (RectifySqliteStore *self);

/* A cached statement; g_autoptr resets it and clears its bindings. */
typedef sqlite3_stmt RectifyStmt;
void rectify_stmt_release (RectifyStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyStmt, rectify_stmt_release)

RectifyStmt *rectify_store_prepare (RectifyStore *self, const char *sql, GError **error);
gboolean rectify_store_exec (RectifyStore *self, const char *sql, GError **error);
/* Steps a statement that returns no row (or ignores rows). */
gboolean rectify_store_step_done (RectifyStore *self, RectifyStmt *stmt, GError **error);
/* Sets error from the connection's last error, mapping constraint failures
 * to messages about the record. */
gboolean rectify_store_fail (RectifyStore *self, int rc, GError **error);
/* Steps an INSERT and returns the new row's id, 0 on error. */
gint64 rectify_sqlite_step_insert (RectifyStore *self, RectifyStmt *stmt, GError **error);
/* Steps an UPDATE of one row by id; *found FALSE when it changed none. */
gboolean
rectify_sqlite_step_update (RectifyStore *self, RectifyStmt *stmt, gboolean *found, GError **error);
/* Runs sql, a DELETE of the row with id ?; *in_use TRUE (error unset) when
 * a foreign key refuses it. */
gboolean rectify_sqlite_delete_row (
    RectifyStore *self, const char *sql, gint64 id, gboolean *in_use, GError **error);
/* TRUE when sql (a SELECT) returns a row. */
gboolean rectify_sqlite_any (RectifyStore *self, const char *sql, GError **error);

/* Whether rc (with the system's errno of the failure) means that the disk
 * or the user's quota is full. */
gboolean rectify_sqlite_disk_full (int rc, int system_errno);
/* Sets RECTIFY_ERROR_DAMAGED for the database at path: what is wrong, and
 * to restore a backup. */
void rectify_sqlite_set_damaged (GError **error, const char *path, const char *problem);

/* rectify_store_check_integrity of this backend: PRAGMA integrity_check
 * (rectify-sqlite-backup.c). */
gboolean rectify_sqlite_check_integrity (RectifyStore *store, char **problem, GError **error);
/* The store's backup (RectifyStoreClass.backup): SQLite's online backup. */
gboolean rectify_sqlite_backup_full (RectifyStore *store,
                                     const char *dest_path,
                                     RectifyBackupProgressFunc progress,
                                     gpointer progress_data,
                                     GCancellable *cancellable,
                                     GError **error);

/* Removes the partial files of backups of the database at path that were
 * killed midway (rectify-sqlite-backup.c); backups being made are left. */
void rectify_sqlite_remove_killed_backups (const char *db_path);

/* Text helpers for binding: NULL binds as '' for NOT NULL text columns. */
void rectify_bind_text (RectifyStmt *stmt, int index, const char *text);
void rectify_bind_text_or_null (RectifyStmt *stmt, int index, const char *text);
void rectify_bind_id_or_null (RectifyStmt *stmt, int index, gint64 id);
char *rectify_column_text (RectifyStmt *stmt, int column);
char *rectify_column_text_or_null (RectifyStmt *stmt, int column);

/* rectify-backup.c: copies the whole of src into dest with the SQLite
 * backup API in steps, calling progress after each and checking
 * cancellable between them (SQLITE_INTERRUPT when cancelled); waits out
 * busy or locked databases, checking cancellable meanwhile, but returns
 * SQLITE_BUSY once they have stayed so for rectify_backup_busy_limit_ms()
 * on end.  It replaces the busy handlers of both connections: set them
 * again to go on using a connection. */
int rectify_backup_copy (sqlite3 *dest,
                         sqlite3 *src,
                         RectifyBackupProgressFunc progress,
                         gpointer progress_data,
                         GCancellable *cancellable);
/* 30 s, or RECTIFY_BACKUP_BUSY_LIMIT_MS */
guint rectify_backup_busy_limit_ms (void);
/* The same waiting as the busy handler of db (replacing its busy timeout);
 * wait must live as long as it is installed. */
typedef struct
{
  GCancellable *cancellable;
  gint64 limit_us;
  gint64 busy_since; /* monotonic; 0 while not busy */
} RectifyBackupWait;
void rectify_backup_wait_begin (RectifyBackupWait *wait, sqlite3 *db, GCancellable *cancellable);

/* rectify-fts.c */
int rectify_fts_register (sqlite3 *db);
/* An FTS5 MATCH expression for user words, or NULL when there is nothing
 * to search for. */
char *rectify_fts_query (const char *words);

/* A value bound to a ? of a RectifyFilter */
typedef struct
{
  gboolean is_text;
  gint64 number;
  char *text;
} RectifyArg;

/* A WHERE clause built from parts with bound values, never with values
 * pasted into the SQL. */
typedef struct
{
  GString *where;
  GArray *args; /* RectifyArg */
  guint n_clauses;
  const char *fts_table; /* set when one clause is a search of this table */
  char *fts_match;
} RectifyFilter;

void rectify_filter_init (RectifyFilter *f);
void rectify_filter_clear (RectifyFilter *f);
/* Adds "AND (clause)"; each ? in clause takes the next value. */
void rectify_filter_add_int (RectifyFilter *f, const char *clause, gint64 value);
void rectify_filter_add_text (RectifyFilter *f, const char *clause, const char *value);
/* One value for each ?, NULL-terminated. */
void rectify_filter_add_texts (RectifyFilter *f, const char *clause, ...) G_GNUC_NULL_TERMINATED;
/* The same value for each of n ? in clause. */
void rectify_filter_add_text_n (RectifyFilter *f, const char *clause, guint n, const char *value);
void rectify_filter_add (RectifyFilter *f, const char *clause);
/* "id_column IN (the rows of fts_table matching match)", remembered so that
 * a list of nothing but matches can be read from the search index alone. */
void rectify_filter_add_match (RectifyFilter *f,
                               const char *id_column,
                               const char *fts_table,
                               const char *match);
/* Binds the values from index first on. Returns the next free index. */
int rectify_filter_bind (RectifyFilter *f, RectifyStmt *stmt, int first);

/* Runs "SELECT count(*) FROM from WHERE …" and "SELECT cols FROM from WHERE …
 * ORDER BY order LIMIT/OFFSET" and reads each row with read. */
typedef gpointer (*RectifyRowReader) (RectifyStmt *stmt);
GPtrArray *rectify_store_query_page (RectifyStore *self,
                                     const char *columns,
                                     const char *from,
                                     RectifyFilter *filter,
                                     const char *order,
                                     const RectifyQuery *q,
                                     RectifyRowReader read,
                                     GDestroyNotify free_func,
                                     gint64 *total,
                                     GError **error);
/* The ORDER BY expression for a sort key, from a NULL-terminated list of
 * key, expression pairs; NULL for an unknown key. */
const char *rectify_sort_expression (const char *const *pairs, const char *key);
/* The same, failing (INVALID, naming the keys of pairs) for an unknown q->sort. */
gboolean rectify_sqlite_check_sort (const char *const *pairs,
                                    const RectifyQuery *q,
                                    const char **order,
                                    GError **error);

/* Lazy lists: the ids of every row matching filter in
 * order, reading from_alone unless the filter or the order needs the join
 * (an alias "u."), and the rows of a page of ids in their order. */
GArray *rectify_store_query_ids (RectifyStore *self,
                                 const char *id_column,
                                 const char *from,
                                 const char *from_alone,
                                 RectifyFilter *filter,
                                 const char *order,
                                 const RectifyQuery *q,
                                 GError **error);
/* The ids the statement sql selects, with the filter's values bound (only
 * its search, match_only), at most q->limit of them when it has one. */
GArray *rectify_store_select_ids (RectifyStore *self,
                                  const char *sql,
                                  RectifyFilter *filter,
                                  gboolean match_only,
                                  const RectifyQuery *q,
                                  GError **error);
/* The ids of the rows of from matching filter, in order and then by
 * id_column in the same direction; joins is a NULL-terminated list of
 * pairs (an alias such as "u.", the JOIN clause that brings it), each
 * joined only when the order reads its alias. */
GArray *rectify_store_query_ids_ordered (RectifyStore *self,
                                         const char *id_column,
                                         const char *from,
                                         const char *const *joins,
                                         RectifyFilter *filter,
                                         const char *order,
                                         const RectifyQuery *q,
                                         GError **error);
GPtrArray *rectify_store_rows_by_ids (RectifyStore *self,
                                      const char *columns,
                                      const char *from,
                                      const char *id_column,
                                      RectifyRowReader read,
                                      GDestroyNotify free_func,
                                      const gint64 *ids,
                                      guint n_ids,
                                      GError **error);

/* The figures' definitions (rectify-sqlite-figures.c) as SQL conditions, so that
 * a list opened from a figure selects exactly the rows the figure counts.
 * alias is the table's prefix ("h." or ""), day the parameter that holds
 * the day looked at ("?1", or "?" with rectify_filter_add_day). */
char *rectify_figures_sql_inspection_done (const char *alias, const char *day); /* dated by then */
char *rectify_figures_sql_hazard_found (const char *alias, const char *day);    /* found by then */
char *rectify_figures_sql_hazard_closed (const char *alias, const char *day);   /* closed by then */
char *rectify_figures_sql_hazard_overdue (const char *alias,
                                          const char *day); /* open then, deadline before */
char *rectify_figures_sql_document_issued (const char *alias,
                                           const char *day); /* issued by then, not void then */
char *rectify_figures_sql_document_void (const char *alias, const char *day); /* voided by then */
/* Adds clause with day bound to each of its ? (clause written with "?"). */
void rectify_filter_add_day (RectifyFilter *f, const char *clause, const char *day);

/* A hazard (h, joined to its unit u) and a document (d, with u) as
 * rectify_store_get_hazard and rectify_store_get_document read them, and
 * their row readers: the lazy lists read the same, so that a row of a list
 * and the record opened from it are one record (a document without its
 * hazards, which the list does not show). */
#define RECTIFY_HAZARD_COLUMNS                                                                     \
  "h.id, coalesce(h.inspection_id, 0), h.unit_id, coalesce(h.equipment_id, 0),"                    \
  " coalesce(h.campaign_id, 0), h.category, h.grade, h.found_date, h.description,"                 \
  " h.standard, h.measures, h.deadline, h.responsible, coalesce(h.supervisor_id, 0),"              \
  " h.status, h.closed_date, u.name"
gpointer rectify_read_hazard_row (RectifyStmt *stmt); /* rectify-sqlite-hazards.c */
#define RECTIFY_DOCUMENT_COLUMNS                                                                   \
  "d.id, d.kind, d.year, d.seq, d.number, d.unit_id, coalesce(d.campaign_id, 0),"                  \
  " d.issued_date, coalesce(d.officer_id, 0), d.status, d.void_reason, d.void_date, u.name"
gpointer rectify_read_document_row (RectifyStmt *stmt); /* rectify-sqlite-documents.c */

G_END_DECLS
