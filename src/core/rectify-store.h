/* rectify-store.h: the only door to the database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rectify-error.h"
#include "rectify-records.h"

G_BEGIN_DECLS

#define RECTIFY_SCHEMA_VERSION 6

#define RECTIFY_TYPE_STORE (rectify_store_get_type ())
G_DECLARE_DERIVABLE_TYPE (RectifyStore, rectify_store, RECTIFY, STORE, GObject)

/* Opens (creating and migrating as needed) the database at path.  Errors:
 * RECTIFY_ERROR_NEWER_VERSION, _NOT_RECTIFY (also for an empty, 0-byte
 * file: a lost database is not silently replaced), _LOCKED, _IO,
 * _DATABASE.  A file or folder this user cannot write is opened read-only
 * and left as it was (no -wal or -shm beside it); a write to it fails
 * with RECTIFY_ERROR_IO. */
RectifyStore *rectify_store_open (const char *path, GError **error);
/* As rectify_store_open, and an empty (0-byte) file becomes a new
 * database: for the explicit "create" (rectify-cli init). */
RectifyStore *rectify_store_create (const char *path, GError **error);
/* Opens with migrations stopped at version (tests of upgrades only). */
/* A second connection to a database another store has open and up to
 * date, for reading in another thread: it never writes (query_only) and
 * keeps a small page cache. */
RectifyStore *rectify_store_open_reader (const char *path, GError **error);
RectifyStore *rectify_store_open_at_version (const char *path, int version, GError **error);
/* TRUE when location names a database on a server rather than a file: a
 * "postgresql://" or "postgres://" URL, or a libpq connection string (it
 * holds '=' and starts unlike a path, not with '/', '.' or '~':
 * "service=bureau", "host=… dbname=…").  The open functions above take
 * either; a server database is opened by the PostgreSQL backend, and
 * rectify_store_create makes an empty one a Rectify database. */
gboolean rectify_store_location_is_server (const char *location);
/* The default database: g_get_user_data_dir()/rectify/rectify.db */
char *rectify_store_default_path (void);

const char *rectify_store_get_path (RectifyStore *self);
/* Stops the statement another thread is running on this store as soon as
 * it can (it fails with an "interrupted" error); callable from any thread. */
void rectify_store_interrupt (RectifyStore *self);
int rectify_store_get_schema_version (RectifyStore *self);

/* The acting officer, whose name goes into the audit log.  Every write
 * needs one (it fails with RECTIFY_ERROR_NO_ACTOR without), except the
 * sample data of an empty store and its very first officer; 0 = nobody.
 * Fails for an unknown or inactive officer. */
gboolean rectify_store_set_actor (RectifyStore *self, gint64 officer_id, GError **error);
gint64 rectify_store_get_actor (RectifyStore *self);
/* Finds an officer by numeric id or badge. */
gboolean rectify_store_find_officer (RectifyStore *self,
                                     const char *id_or_badge,
                                     gint64 *out_id,
                                     GError **error);

/* TRUE when there are no campaigns, units and officers. */
gboolean rectify_store_is_empty (RectifyStore *self);

/* Settings of the bureau (key/value text). */
/* A setting of the bureau: its key, its label (N_(), translate with _())
 * and the most characters its value may have. */
typedef struct
{
  const char *key;
  const char *label;
  guint max_chars;
} RectifySettingInfo;
/* Every setting Rectify knows, in the order people look for them;
 * rectify_store_set_setting refuses any other key. */
const RectifySettingInfo *rectify_settings_known (guint *n_settings);
char *rectify_store_get_setting (RectifyStore *self, const char *key, const char *fallback);
gboolean
rectify_store_set_setting (RectifyStore *self, const char *key, const char *value, GError **error);

/* What a bureau sets up before it issues a document (the first-run setup). */
typedef struct
{
  const char *bureau_name;        /* "bureau-name" */
  const char *district;           /* "bureau-district" */
  const char *instruction_prefix; /* "number-prefix-instruction" */
  const char *opinion_prefix;     /* "number-prefix-opinion" */
  const char *signatory;          /* "signatory" */
  const char *document_language;  /* "document-language": zh_CN or en */
} RectifyBureauSetup;

/* The setup as the settings hold it now (strings owned by setup: free
 * them with rectify_bureau_setup_clear); placeholders of the sample come
 * back as they are. */
void rectify_store_get_bureau_setup (RectifyStore *self, RectifyBureauSetup *setup);
void rectify_bureau_setup_clear (RectifyBureauSetup *setup);
/* Writes every field of setup in one transaction, each required, none the
 * sample's placeholder (X市市场监督管理局, X市监特指, X市监特整); the
 * message names the first field refused and nothing is written. */
gboolean
rectify_store_set_up_bureau (RectifyStore *self, const RectifyBureauSetup *setup, GError **error);
/* TRUE when value of the setting key is the sample's placeholder (or
 * empty where the setup needs a value). */
gboolean rectify_setting_is_placeholder (const char *key, const char *value);
/* FALSE with RECTIFY_ERROR_NOT_SET_UP, naming what is missing, while the
 * bureau name or a number prefix is unset or still the sample's
 * placeholder: documents are issued only after the setup. */
gboolean rectify_store_check_bureau_set_up (RectifyStore *self, GError **error);

/* Online copy with the SQLite backup API; the copy passes integrity_check.
 * The same as rectify_store_backup_full without progress or cancellable. */
gboolean rectify_store_backup (RectifyStore *self, const char *dest_path, GError **error);

/* pages copied of total, after each step of the copy */
typedef void (*RectifyBackupProgressFunc) (guint64 done, guint64 total, gpointer user_data);

/* Online copy of one snapshot of the database (other programs go on
 * writing meanwhile), made as "<dest_path>.partial" and renamed to
 * dest_path when it is complete and passes integrity_check.  cancellable is
 * checked between the steps of the copy (G_IO_ERROR_CANCELLED); when the
 * database stays locked by another program for 30 s on end
 * (RECTIFY_BACKUP_BUSY_LIMIT_MS shortens it for tests) it fails with
 * RECTIFY_ERROR_LOCKED.  On any failure no file is left. */
gboolean rectify_store_backup_full (RectifyStore *self,
                                    const char *dest_path,
                                    RectifyBackupProgressFunc progress,
                                    gpointer progress_data,
                                    GCancellable *cancellable,
                                    GError **error);

/* The "changed" signal (detail = entity: "officer", "campaign", "unit",
 * "equipment", "operator", "inspection", "hazard", "document", "setting",
 * "visit")
 * is emitted after each committed write. */

/* ---- officers ------------------------------------------------------- */
gint64
rectify_store_add_officer (RectifyStore *self, const RectifyOfficer *officer, GError **error);
gboolean
rectify_store_update_officer (RectifyStore *self, const RectifyOfficer *officer, GError **error);
RectifyOfficer *rectify_store_get_officer (RectifyStore *self, gint64 id, GError **error);
GPtrArray *rectify_store_list_officers (RectifyStore *self, GError **error);

/* ---- campaigns ------------------------------------------------------ */
gint64
rectify_store_add_campaign (RectifyStore *self, const RectifyCampaign *campaign, GError **error);
gboolean
rectify_store_update_campaign (RectifyStore *self, const RectifyCampaign *campaign, GError **error);
RectifyCampaign *rectify_store_get_campaign (RectifyStore *self, gint64 id, GError **error);
GPtrArray *rectify_store_list_campaigns (RectifyStore *self, GError **error);
/* Marks a campaign archived (rectify-archive.h writes its archive first).
 * From then on the campaign, its inspections, hazards and documents are
 * read-only: every write that belongs to it fails with RECTIFY_ERROR_STATE.
 * Archivists may archive; an archived campaign stays archived. */
gboolean rectify_store_archive_campaign (RectifyStore *self, gint64 id, GError **error);
/* Refuses (STATE, naming the campaign) writes that belong to an archived
 * campaign; campaign_id 0 (outside a campaign) passes.  Public so that the
 * UI stops offering what the store would refuse. */
gboolean rectify_store_check_campaign_open (RectifyStore *self, gint64 campaign_id, GError **error);

/* ---- lists: paging, sorting, filtering and search are SQL ------------- */
typedef struct
{
  const char *search; /* words; CJK matched by characters; NULL = all */
  const char *sort;   /* a column key of the list; NULL = the list's first key (name, date…) */
  gboolean descending;
  gint64 unit_id;              /* 0 = any */
  int category;                /* equipment: catalogue code, 0 = any */
  int status;                  /* enum value, -1 = any */
  const char *district;        /* units */
  const char *industry;        /* units */
  int crowded;                 /* units: -1 any, 0, 1 */
  gboolean inspection_overdue; /* equipment: next inspection missing or past as_of */
  gboolean user_differs;       /* equipment: registered user differs from unit name */
  gboolean licence_expired;    /* operators: expiry before as_of */
  gint64 campaign_id;          /* inspections, hazards, documents */
  int grade;                   /* hazards: -1 any */
  const char *hazard_category;
  gboolean overdue;   /* hazards: open and deadline before as_of */
  int kind;           /* inspections, documents: -1 any */
  gboolean by_bureau; /* inspections: not self-inspections (the figures' unit inspections) */
  const char *as_of;  /* NULL = today */
  /* inspections, hazards, documents: only what the campaign figures count
   * as of as_of (rectify-figures.h): visits dated by then, hazards found by
   * then, documents issued by then; the hazard status closed and overdue,
   * and the document statuses, read as of then too.  FALSE: as_of only
   * says when "overdue" is. */
  gboolean as_of_limits;
  gint64 offset;
  gint64 limit;        /* 0 = no limit */
  int due_within_days; /* hazards: open, deadline from as_of to as_of + n days; 0 = any */
} RectifyQuery;

#define RECTIFY_QUERY_INIT                                                                         \
  {                                                                                                \
    .status = -1, .crowded = -1, .grade = -1, .kind = -1                                           \
  }

/* For a query that owns its strings (a list or a job keeping one): dest
 * becomes src with copies of its strings; clear frees them and resets q to
 * RECTIFY_QUERY_INIT.  dest must not own strings yet (clear it first). */
void rectify_query_copy (RectifyQuery *dest, const RectifyQuery *src);
void rectify_query_clear (RectifyQuery *q);

/* Each list returns records for one page and, if total is not NULL, the
 * number of rows matching the filter. */
GPtrArray *
rectify_store_list_units (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error);
GPtrArray *rectify_store_list_equipment (RectifyStore *self,
                                         const RectifyQuery *q,
                                         gint64 *total,
                                         GError **error);
GPtrArray *rectify_store_list_operators (RectifyStore *self,
                                         const RectifyQuery *q,
                                         gint64 *total,
                                         GError **error);
GPtrArray *rectify_store_list_inspections (RectifyStore *self,
                                           const RectifyQuery *q,
                                           gint64 *total,
                                           GError **error);
GPtrArray *rectify_store_list_hazards (RectifyStore *self,
                                       const RectifyQuery *q,
                                       gint64 *total,
                                       GError **error);
GPtrArray *rectify_store_list_documents (RectifyStore *self,
                                         const RectifyQuery *q,
                                         gint64 *total,
                                         GError **error);

/* Lazy lists: the ids of every row matching q in its order (the first
 * q->limit of them when it has one; offset ignored), then any page of them
 * fetched directly, whatever its offset. */
GArray *
rectify_store_query_equipment_ids (RectifyStore *self, const RectifyQuery *q, GError **error);
GPtrArray *rectify_store_get_equipment_by_ids (RectifyStore *self,
                                               const gint64 *ids,
                                               guint n_ids,
                                               GError **error);
GArray *rectify_store_query_unit_ids (RectifyStore *self, const RectifyQuery *q, GError **error);
GPtrArray *
rectify_store_get_units_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error);
GArray *
rectify_store_query_operator_ids (RectifyStore *self, const RectifyQuery *q, GError **error);
GPtrArray *rectify_store_get_operators_by_ids (RectifyStore *self,
                                               const gint64 *ids,
                                               guint n_ids,
                                               GError **error);

/* The distinct non-empty values of a unit field ("district" or "industry"),
 * sorted, for filter choices. */
char **rectify_store_list_unit_values (RectifyStore *self, const char *field, GError **error);

/* Deletes refuse a row that other records refer to (STATE, with what to do
 * instead).  add_* with a record whose id is set adds it under that id, so
 * an undo can put a deleted row back as it was. */
gboolean rectify_store_delete_unit (RectifyStore *self, gint64 id, GError **error);
gboolean rectify_store_delete_equipment (RectifyStore *self, gint64 id, GError **error);
gboolean rectify_store_delete_operator (RectifyStore *self, gint64 id, GError **error);

/* ---- units, equipment, operators ------------------------------------ */
gint64 rectify_store_add_unit (RectifyStore *self, const RectifyUnit *unit, GError **error);
gboolean rectify_store_update_unit (RectifyStore *self, const RectifyUnit *unit, GError **error);
RectifyUnit *rectify_store_get_unit (RectifyStore *self, gint64 id, GError **error);
/* Finds a unit by id or credit code. */
gboolean rectify_store_find_unit (RectifyStore *self,
                                  const char *id_or_code,
                                  gint64 *out_id,
                                  GError **error);

gint64
rectify_store_add_equipment (RectifyStore *self, const RectifyEquipment *equipment, GError **error);
gboolean rectify_store_update_equipment (RectifyStore *self,
                                         const RectifyEquipment *equipment,
                                         GError **error);
RectifyEquipment *rectify_store_get_equipment (RectifyStore *self, gint64 id, GError **error);

gint64 rectify_store_add_operator (RectifyStore *self, const RectifyOperator *op, GError **error);
gboolean
rectify_store_update_operator (RectifyStore *self, const RectifyOperator *op, GError **error);
RectifyOperator *rectify_store_get_operator (RectifyStore *self, gint64 id, GError **error);

/* ---- inspections ----------------------------------------------------- */
gint64 rectify_store_add_inspection (RectifyStore *self,
                                     const RectifyInspection *inspection,
                                     GError **error);
RectifyInspection *rectify_store_get_inspection (RectifyStore *self, gint64 id, GError **error);
/* Corrects a stored visit (inspection->id) in one transaction, validated as
 * add does, audited with the visit before and after.  Refused (STATE,
 * naming the field) when its campaign is archived, when hazards were
 * registered from it and its unit or campaign would change, or when it
 * completed planned visits it would no longer do (other unit, a kind that
 * does not do them, a date before they were planned). */
gboolean rectify_store_update_inspection (RectifyStore *self,
                                          const RectifyInspection *inspection,
                                          GError **error);
/* Removes a visit with its officers, equipment checked and remarks.
 * Refused (STATE) when hazards were registered from it, when it completed a
 * planned visit or when its campaign is archived.  Undo: add the record read
 * before (its id set) with rectify_store_add_inspection(). */
gboolean rectify_store_delete_inspection (RectifyStore *self, gint64 id, GError **error);

/* ---- hazards: reads here, every change through rectify-workflow.h ------ */
RectifyHazard *rectify_store_get_hazard (RectifyStore *self, gint64 id, GError **error);
/* Events oldest first; attachments without data. */
GPtrArray *rectify_store_list_hazard_events (RectifyStore *self, gint64 hazard_id, GError **error);
RectifyAttachment *rectify_store_get_attachment (RectifyStore *self, gint64 id, GError **error);
GPtrArray *rectify_store_list_hazard_categories (RectifyStore *self, GError **error);

/* The hazard list (rectify-hazard-query.c): filters status, grade,
 * hazard_category, campaign_id, unit_id, overdue and due_within_days (as of
 * as_of), as_of_limits (found by as_of; status closed = closed by then,
 * overdue = not closed then; other statuses and grade are today's, as the
 * figures count them), search over the description, measures and responsible person and
 * over the unit's name; sort keys id, deadline, found_date, status, grade,
 * category, unit, description, supervisor. */
GArray *rectify_store_query_hazard_ids (RectifyStore *self, const RectifyQuery *q, GError **error);
GPtrArray *rectify_store_get_hazards_by_ids (RectifyStore *self,
                                             const gint64 *ids,
                                             guint n_ids,
                                             GError **error);

/* ---- documents --------------------------------------------------------- */
/* Whether the acting officer may issue and void documents (managers);
 * FALSE with the reason (RECTIFY_ERROR_PERMISSION) otherwise. */
gboolean rectify_store_can_issue_documents (RectifyStore *self, GError **error);
/* Issues a numbered document for hazards of one unit; the number is the next
 * of its kind and year, assigned in the same transaction.  Managers only. */
gint64 rectify_store_issue_document (RectifyStore *self,
                                     RectifyDocumentKind kind,
                                     gint64 unit_id,
                                     gint64 campaign_id,
                                     const char *issued_date,
                                     const gint64 *hazard_ids,
                                     guint n_hazards,
                                     GError **error);
/* Writes the PDF of a document being issued: called inside the issuing
 * transaction once the number is assigned (document is the record as it
 * will be stored; english_number the English form of its number).  NULL
 * with an error aborts the issue and no number is used. */
typedef GBytes *(*RectifyDocumentRenderFunc) (RectifyStore *store,
                                              const RectifyDocument *document,
                                              const char *english_number,
                                              gpointer user_data,
                                              GError **error);
/* rectify_store_issue_document, and the PDF that render writes is stored
 * with its SHA-256 in the same transaction. */
gint64 rectify_store_issue_document_with_pdf (RectifyStore *self,
                                              RectifyDocumentKind kind,
                                              gint64 unit_id,
                                              gint64 campaign_id,
                                              const char *issued_date,
                                              const gint64 *hazard_ids,
                                              guint n_hazards,
                                              RectifyDocumentRenderFunc render,
                                              gpointer user_data,
                                              GError **error);
/* The number an issue of kind dated issued_date (NULL: today) would take
 * now, for the user to confirm; another desk may take it first, then the
 * issue takes the next.  NULL on error. */
char *rectify_store_next_document_number (RectifyStore *self,
                                          RectifyDocumentKind kind,
                                          const char *issued_date,
                                          GError **error);
/* The renderer rectify_store_issue_document uses from now on, so every
 * document issued through this store has its PDF (the programs set the
 * PDF engine's; the core cannot call it).  NULL: documents without PDF. */
void rectify_store_set_document_renderer (RectifyStore *self,
                                          RectifyDocumentRenderFunc render,
                                          gpointer user_data,
                                          GDestroyNotify destroy);
/* The PDF stored when the document was issued, checked against its
 * SHA-256 (RECTIFY_ERROR_TAMPERED when it differs); sha256 may be NULL. */
GBytes *
rectify_store_get_document_pdf (RectifyStore *self, gint64 id, char **sha256, GError **error);
/* Voids an issued document today (rectify_store_void_document_on). */
gboolean
rectify_store_void_document (RectifyStore *self, gint64 id, const char *reason, GError **error);
/* Voids an issued document on void_date (NULL: today): not after today,
 * not before its issue date (INVALID, naming "Void date").  Managers only;
 * the number stays used. */
gboolean rectify_store_void_document_on (
    RectifyStore *self, gint64 id, const char *void_date, const char *reason, GError **error);
RectifyDocument *rectify_store_get_document (RectifyStore *self, gint64 id, GError **error);
/* Finds a document by id or formatted number. */
gboolean rectify_store_find_document (RectifyStore *self,
                                      const char *id_or_number,
                                      gint64 *out_id,
                                      GError **error);
/* The document list (rectify-document-query.c): filters kind, status,
 * campaign_id, unit_id, as_of_limits (issued by as_of; status issued = not
 * void then, void = voided by then), search over the number (any part of it) and the
 * unit's name; sort keys issued_date, id, number, kind, unit, status,
 * officer.  Rows come without their hazard ids. */
GArray *
rectify_store_query_document_ids (RectifyStore *self, const RectifyQuery *q, GError **error);
GPtrArray *rectify_store_get_documents_by_ids (RectifyStore *self,
                                               const gint64 *ids,
                                               guint n_ids,
                                               GError **error);
/* X市监特指〔2026〕7号 or No. 7 [2026], <prefix> for English. */
char *rectify_document_format_number (const char *prefix, int year, int seq, gboolean english);

/* ---- audit --------------------------------------------------------------- */
/* One thing verification found: a record that is not what the audit log
 * says, a record or entry missing, the head of the chain moved. */
typedef struct
{
  char *table;   /* the record's table ("hazard", …), "audit" or "archive" */
  gint64 id;     /* its row, 0 when none */
  char *message; /* translated: names the table, the row and what differs or is missing */
} RectifyAuditFinding;

typedef struct
{
  gint64 rows;
  gint64 first_bad_id; /* 0 when the chain verifies */
  char *problem;       /* what is wrong with first_bad_id */
  gint64 head_id;      /* the newest row of an intact chain, and its hash */
  char *head_hash;
  gint64 records;      /* records checked against the chain */
  GPtrArray *findings; /* RectifyAuditFinding, empty when the records match */
} RectifyAuditReport;

void rectify_audit_report_clear (RectifyAuditReport *report);
/* TRUE when the chain holds and nothing was found. */
gboolean rectify_audit_report_intact (const RectifyAuditReport *report);
/* Recomputes the hash chain, checks its recorded head, then every record
 * against its newest audit entry (or the hash of the batch that wrote it).
 * Returns FALSE only when it could not be read; what is wrong is in report. */
gboolean
rectify_store_verify_audit (RectifyStore *self, RectifyAuditReport *report, GError **error);
/* The same, and the database against the archive folder dir: the database
 * must have recorded its manifest's hash, and the chain must hold the head
 * the manifest records (else the database is older than the archive). */
gboolean rectify_store_verify_audit_with_archive (RectifyStore *self,
                                                  const char *dir,
                                                  RectifyAuditReport *report,
                                                  GError **error);
/* The newest audit row's id and hash (0 and NULL when the log is empty). */
gboolean rectify_store_get_audit_head (RectifyStore *self, gint64 *id, char **hash, GError **error);
/* "1a2b3c4d · 1234": the first 8 hex digits of the head's hash and its row, for print. */
char *rectify_store_audit_fingerprint (RectifyStore *self, GError **error);
typedef struct
{
  gint64 id;
  char *at;
  gint64 officer_id;
  char *officer_name;
  char *entity;
  gint64 entity_id;
  char *action;
  char *before_json; /* NULL for a creation */
  char *after_json;  /* NULL for a deletion */
} RectifyAuditEntry;

void rectify_audit_entry_free (RectifyAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyAuditEntry, rectify_audit_entry_free)

/* The newest audit rows, newest first (RectifyAuditEntry). */
GPtrArray *rectify_store_list_audit (RectifyStore *self, gint64 limit, GError **error);

G_END_DECLS
