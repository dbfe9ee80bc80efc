/* rectify-sqlite-schema.c: the tables of an SQLite database and the
 * migrations from each version to the next
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-sqlite-private.h"

/* 'RCTF': tells a Rectify database from any other SQLite file. */
#define RECTIFY_APPLICATION_ID 0x52435446

gboolean rectify_sqlite_migrate (RectifyStore *store, int target, GError **error);

/* Version 1: the whole domain. */
static const char migration_1[]
    = "CREATE TABLE setting ("
      "  key TEXT PRIMARY KEY,"
      "  value TEXT NOT NULL"
      ") WITHOUT ROWID;"

      "CREATE TABLE officer ("
      "  id INTEGER PRIMARY KEY,"
      "  badge TEXT NOT NULL UNIQUE CHECK (length(trim(badge)) > 0),"
      "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
      "  role TEXT NOT NULL CHECK (role IN ('officer', 'manager', 'archivist')),"
      "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
      ");"

      "CREATE TABLE campaign ("
      "  id INTEGER PRIMARY KEY,"
      "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
      "  start_date TEXT NOT NULL CHECK (start_date IS date(start_date)),"
      "  days INTEGER NOT NULL DEFAULT 100 CHECK (days BETWEEN 1 AND 3660),"
      "  head_id INTEGER REFERENCES officer (id),"
      "  deputy_id INTEGER REFERENCES officer (id),"
      "  work_plan TEXT NOT NULL DEFAULT '',"
      "  key_industries TEXT NOT NULL DEFAULT '',"
      "  key_links TEXT NOT NULL DEFAULT '',"
      "  key_areas TEXT NOT NULL DEFAULT '',"
      "  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived'))"
      ");"
      "CREATE TABLE campaign_member ("
      "  campaign_id INTEGER NOT NULL REFERENCES campaign (id),"
      "  officer_id INTEGER NOT NULL REFERENCES officer (id),"
      "  PRIMARY KEY (campaign_id, officer_id)"
      ") WITHOUT ROWID;"

      "CREATE TABLE unit ("
      "  id INTEGER PRIMARY KEY,"
      "  credit_code TEXT NOT NULL UNIQUE CHECK (length(credit_code) = 18),"
      "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
      "  address TEXT NOT NULL DEFAULT '',"
      "  district TEXT NOT NULL DEFAULT '',"
      "  industry TEXT NOT NULL DEFAULT '',"
      "  crowded INTEGER NOT NULL DEFAULT 0 CHECK (crowded IN (0, 1)),"
      "  legal_rep TEXT NOT NULL DEFAULT '',"
      "  safety_manager TEXT NOT NULL DEFAULT '',"
      "  phone TEXT NOT NULL DEFAULT ''"
      ");"
      "CREATE INDEX unit_by_name ON unit (name);"
      "CREATE INDEX unit_by_district ON unit (district, name);"
      "CREATE INDEX unit_by_industry ON unit (industry, name);"
      "CREATE INDEX unit_by_crowded ON unit (crowded, name);"

      "CREATE TABLE equipment ("
      "  id INTEGER PRIMARY KEY,"
      "  unit_id INTEGER NOT NULL REFERENCES unit (id),"
      "  category INTEGER NOT NULL CHECK (category IN (1000, 2000, 2300, 3000, 4000, 5000, 6000, "
      "8000, 9000)),"
      "  code TEXT CHECK (code IS NULL OR (length(code) IN (18, 20) AND code NOT GLOB '*[^0-9]*')),"
      "  reg_cert TEXT NOT NULL DEFAULT '',"
      "  variety TEXT NOT NULL DEFAULT '',"
      "  location TEXT NOT NULL DEFAULT '',"
      "  status TEXT NOT NULL DEFAULT 'in_use' CHECK (status IN ('not_in_use', 'in_use', "
      "'stopped', 'scrapped', 'dismantled', 'moved_out')),"
      "  registered_user TEXT NOT NULL DEFAULT '',"
      "  quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1 AND (category = 2300 OR quantity "
      "= 1)),"
      "  last_inspection TEXT CHECK (last_inspection IS date(last_inspection)),"
      "  next_inspection TEXT CHECK (next_inspection IS date(next_inspection))"
      ");"
      "CREATE UNIQUE INDEX equipment_by_code ON equipment (code) WHERE code IS NOT NULL;"
      "CREATE INDEX equipment_by_unit ON equipment (unit_id);"
      "CREATE INDEX equipment_by_reg_cert ON equipment (reg_cert);"
      "CREATE INDEX equipment_by_category ON equipment (category, code);"
      "CREATE INDEX equipment_by_status ON equipment (status, code);"
      "CREATE INDEX equipment_by_next ON equipment (next_inspection);"

      "CREATE TABLE operator ("
      "  id INTEGER PRIMARY KEY,"
      "  unit_id INTEGER NOT NULL REFERENCES unit (id),"
      "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
      "  id_number TEXT NOT NULL DEFAULT '',"
      "  cert_no TEXT NOT NULL DEFAULT '',"
      "  cert_category TEXT NOT NULL DEFAULT '',"
      "  cert_expiry TEXT CHECK (cert_expiry IS date(cert_expiry))"
      ");"
      "CREATE INDEX operator_by_unit ON operator (unit_id);"
      "CREATE INDEX operator_by_expiry ON operator (cert_expiry);"
      "CREATE INDEX operator_by_name ON operator (name);"

      /* officer_count and equipment_count are written once with the visit, so
       * that the campaign figures are one pass over an index. */
      "CREATE TABLE inspection ("
      "  id INTEGER PRIMARY KEY,"
      "  campaign_id INTEGER REFERENCES campaign (id),"
      "  unit_id INTEGER NOT NULL REFERENCES unit (id),"
      "  kind TEXT NOT NULL CHECK (kind IN ('bureau', 'self', 'back_check')),"
      "  date TEXT NOT NULL CHECK (date IS date(date)),"
      "  note TEXT NOT NULL DEFAULT '',"
      "  officer_count INTEGER NOT NULL DEFAULT 0 CHECK (officer_count >= 0),"
      "  equipment_count INTEGER NOT NULL DEFAULT 0 CHECK (equipment_count >= 0),"
      /* the 3-2-1-1 checklist in its fixed order: P pass, F fail, N not applicable, - not recorded
       */
      "  checklist TEXT NOT NULL DEFAULT '--------' CHECK (length(checklist) = 8 AND checklist NOT "
      "GLOB '*[^PFN-]*'),"
      "  CHECK (kind = 'self' OR officer_count >= 2)"
      ");"
      "CREATE INDEX inspection_by_campaign ON inspection (campaign_id, date, kind, unit_id, "
      "officer_count, equipment_count);"
      "CREATE INDEX inspection_by_unit ON inspection (unit_id, date);"
      "CREATE INDEX inspection_by_date ON inspection (date);"
      "CREATE TABLE inspection_officer ("
      "  inspection_id INTEGER NOT NULL REFERENCES inspection (id),"
      "  officer_id INTEGER NOT NULL REFERENCES officer (id),"
      "  PRIMARY KEY (inspection_id, officer_id)"
      ") WITHOUT ROWID;"
      "CREATE TABLE inspection_equipment ("
      "  inspection_id INTEGER NOT NULL REFERENCES inspection (id),"
      "  equipment_id INTEGER NOT NULL REFERENCES equipment (id),"
      "  category INTEGER NOT NULL,"
      "  quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1),"
      "  PRIMARY KEY (inspection_id, equipment_id)"
      ") WITHOUT ROWID;"
      "CREATE INDEX inspection_equipment_by_equipment ON inspection_equipment (equipment_id);"
      /* Equipment checks per day, kind and category, kept by triggers: the
       * figures sum a few thousand rows instead of joining millions. */
      "CREATE TABLE check_tally ("
      "  campaign_id INTEGER NOT NULL," /* 0 = outside a campaign */
      "  date TEXT NOT NULL,"
      "  kind TEXT NOT NULL,"
      "  category INTEGER NOT NULL,"
      "  quantity INTEGER NOT NULL,"
      "  PRIMARY KEY (campaign_id, date, kind, category)"
      ") WITHOUT ROWID;"
      "CREATE TRIGGER check_tally_insert AFTER INSERT ON inspection_equipment BEGIN"
      "  INSERT INTO check_tally (campaign_id, date, kind, category, quantity)"
      "  SELECT coalesce(i.campaign_id, 0), i.date, i.kind, NEW.category, NEW.quantity FROM "
      "inspection i"
      "  WHERE i.id = NEW.inspection_id"
      "  ON CONFLICT (campaign_id, date, kind, category) DO UPDATE SET quantity = quantity + "
      "excluded.quantity; END;"
      "CREATE TRIGGER check_tally_delete AFTER DELETE ON inspection_equipment BEGIN"
      "  UPDATE check_tally SET quantity = quantity - OLD.quantity"
      "  WHERE (campaign_id, date, kind, category) = (SELECT coalesce(i.campaign_id, 0), i.date, "
      "i.kind, OLD.category"
      "  FROM inspection i WHERE i.id = OLD.inspection_id); END;"
      "CREATE TABLE inspection_remark ("
      "  inspection_id INTEGER NOT NULL REFERENCES inspection (id),"
      "  item INTEGER NOT NULL CHECK (item BETWEEN 0 AND 7)," /* position in the checklist */
      "  remark TEXT NOT NULL CHECK (length(trim(remark)) > 0),"
      "  PRIMARY KEY (inspection_id, item)"
      ") WITHOUT ROWID;"

      "CREATE TABLE hazard_category ("
      "  code TEXT PRIMARY KEY CHECK (length(trim(code)) > 0),"
      "  name_en TEXT NOT NULL,"
      "  name_zh TEXT NOT NULL,"
      "  sort INTEGER NOT NULL DEFAULT 0"
      ") WITHOUT ROWID;"

      "CREATE TABLE hazard ("
      "  id INTEGER PRIMARY KEY,"
      "  inspection_id INTEGER REFERENCES inspection (id),"
      "  unit_id INTEGER NOT NULL REFERENCES unit (id),"
      "  equipment_id INTEGER REFERENCES equipment (id),"
      "  campaign_id INTEGER REFERENCES campaign (id),"
      "  category TEXT NOT NULL REFERENCES hazard_category (code),"
      "  grade TEXT NOT NULL CHECK (grade IN ('general', 'major')),"
      "  found_date TEXT NOT NULL CHECK (found_date IS date(found_date)),"
      "  description TEXT NOT NULL DEFAULT '',"
      "  standard TEXT NOT NULL DEFAULT '',"
      "  measures TEXT NOT NULL DEFAULT '',"
      "  deadline TEXT CHECK (deadline IS date(deadline) AND (deadline IS NULL OR deadline >= "
      "found_date)),"
      "  responsible TEXT NOT NULL DEFAULT '',"
      "  supervisor_id INTEGER REFERENCES officer (id),"
      "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'rectifying', 'rectified', "
      "'closed')),"
      "  closed_date TEXT CHECK (closed_date IS date(closed_date)),"
      "  CHECK ((status = 'closed') = (closed_date IS NOT NULL))"
      ");"
      "CREATE INDEX hazard_by_campaign ON hazard (campaign_id, category, found_date, grade, "
      "status, closed_date, deadline);"
      "CREATE INDEX hazard_by_unit ON hazard (unit_id);"
      "CREATE INDEX hazard_by_status ON hazard (status, deadline);"
      "CREATE INDEX hazard_by_deadline ON hazard (deadline) WHERE status <> 'closed';"
      /* covering: the figures of all records group by category over it */
      "CREATE INDEX hazard_by_category ON hazard (category, found_date, grade, status, "
      "closed_date, deadline);"
      "CREATE INDEX hazard_by_equipment ON hazard (equipment_id) WHERE equipment_id IS NOT NULL;"
      "CREATE INDEX hazard_by_inspection ON hazard (inspection_id) WHERE inspection_id IS NOT NULL;"

      "CREATE TABLE hazard_event ("
      "  id INTEGER PRIMARY KEY,"
      "  hazard_id INTEGER NOT NULL REFERENCES hazard (id),"
      "  kind TEXT NOT NULL CHECK (kind IN ('registered', 'implemented', 'tracking_supervision', "
      "'tracking_rectification',"
      "                                     'tracking_service', 'immediate_rectification', "
      "'rectified', 'confirmed',"
      "                                     'rejected', 'penalty', 'stop_use', 'major_report')),"
      "  officer_id INTEGER REFERENCES officer (id),"
      "  date TEXT NOT NULL CHECK (date IS date(date)),"
      "  created_at TEXT NOT NULL,"
      "  note TEXT NOT NULL DEFAULT ''"
      ");"
      "CREATE INDEX hazard_event_by_hazard ON hazard_event (hazard_id, kind);"
      "CREATE TABLE attachment ("
      "  id INTEGER PRIMARY KEY,"
      "  event_id INTEGER NOT NULL REFERENCES hazard_event (id),"
      "  filename TEXT NOT NULL CHECK (length(trim(filename)) > 0),"
      "  mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg', 'application/pdf')),"
      "  size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 20971520),"
      "  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
      "  data BLOB NOT NULL CHECK (length(data) = size)"
      ");"
      "CREATE INDEX attachment_by_event ON attachment (event_id);"

      "CREATE TABLE document ("
      "  id INTEGER PRIMARY KEY,"
      "  kind TEXT NOT NULL CHECK (kind IN ('instruction', 'opinion')),"
      "  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),"
      "  seq INTEGER NOT NULL CHECK (seq >= 1),"
      "  number TEXT NOT NULL UNIQUE,"
      "  unit_id INTEGER NOT NULL REFERENCES unit (id),"
      "  campaign_id INTEGER REFERENCES campaign (id),"
      "  issued_date TEXT NOT NULL CHECK (issued_date IS date(issued_date)),"
      "  officer_id INTEGER REFERENCES officer (id),"
      "  status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'void')),"
      "  void_reason TEXT,"
      "  void_date TEXT CHECK (void_date IS date(void_date)),"
      "  UNIQUE (kind, year, seq)"
      ");"
      "CREATE INDEX document_by_campaign ON document (campaign_id, kind, issued_date, status, "
      "void_date);"
      "CREATE INDEX document_by_unit ON document (unit_id);"
      "CREATE TABLE document_hazard ("
      "  document_id INTEGER NOT NULL REFERENCES document (id),"
      "  hazard_id INTEGER NOT NULL REFERENCES hazard (id),"
      "  PRIMARY KEY (document_id, hazard_id)"
      ") WITHOUT ROWID;"
      "CREATE INDEX document_hazard_by_hazard ON document_hazard (hazard_id);"

      "CREATE TABLE audit ("
      "  id INTEGER PRIMARY KEY,"
      "  at TEXT NOT NULL,"
      "  officer_id INTEGER,"
      "  entity TEXT NOT NULL,"
      "  entity_id INTEGER NOT NULL,"
      "  action TEXT NOT NULL,"
      "  before_json TEXT,"
      "  after_json TEXT,"
      "  prev_hash TEXT NOT NULL,"
      "  hash TEXT NOT NULL"
      ");"
      "CREATE INDEX audit_by_entity ON audit (entity, entity_id);"

      /* What is written once stays written, whatever program opens the file. */
      "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
      " BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
      "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
      " BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
      "CREATE TRIGGER hazard_event_no_update BEFORE UPDATE ON hazard_event"
      " BEGIN SELECT RAISE (ABORT, 'hazard events are append-only'); END;"
      "CREATE TRIGGER hazard_event_no_delete BEFORE DELETE ON hazard_event"
      " BEGIN SELECT RAISE (ABORT, 'hazard events are append-only'); END;"
      "CREATE TRIGGER attachment_no_update BEFORE UPDATE ON attachment"
      " BEGIN SELECT RAISE (ABORT, 'attachments are append-only'); END;"
      "CREATE TRIGGER attachment_no_delete BEFORE DELETE ON attachment"
      " BEGIN SELECT RAISE (ABORT, 'attachments are append-only'); END;"
      "CREATE TRIGGER document_no_delete BEFORE DELETE ON document"
      " BEGIN SELECT RAISE (ABORT, 'issued documents cannot be deleted; void them'); END;"
      "CREATE TRIGGER document_only_void BEFORE UPDATE ON document"
      " WHEN NOT (OLD.status = 'issued' AND NEW.status = 'void'"
      "           AND length(trim(coalesce(NEW.void_reason, ''))) > 0 AND NEW.void_date IS NOT NULL"
      "           AND NEW.id IS OLD.id AND NEW.kind IS OLD.kind AND NEW.year IS OLD.year AND "
      "NEW.seq IS OLD.seq"
      "           AND NEW.number IS OLD.number AND NEW.unit_id IS OLD.unit_id AND NEW.campaign_id "
      "IS OLD.campaign_id"
      "           AND NEW.issued_date IS OLD.issued_date AND NEW.officer_id IS OLD.officer_id)"
      " BEGIN SELECT RAISE (ABORT, 'an issued document is immutable; only voiding is allowed'); "
      "END;"
      "CREATE TRIGGER document_gapless BEFORE INSERT ON document"
      " WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM document WHERE kind = NEW.kind "
      "AND year = NEW.year)"
      " BEGIN SELECT RAISE (ABORT, 'document numbers must be gapless'); END;"
      "CREATE TRIGGER document_hazard_no_update BEFORE UPDATE ON document_hazard"
      " BEGIN SELECT RAISE (ABORT, 'issued documents are immutable'); END;"
      "CREATE TRIGGER document_hazard_no_delete BEFORE DELETE ON document_hazard"
      " BEGIN SELECT RAISE (ABORT, 'issued documents are immutable'); END;"

      /* Search: our tokenizer indexes Chinese by characters and pairs. */
      "CREATE VIRTUAL TABLE unit_fts USING fts5 (name, credit_code, address, legal_rep,"
      "  content = 'unit', content_rowid = 'id', tokenize = 'rectify');"
      "CREATE TRIGGER unit_fts_insert AFTER INSERT ON unit BEGIN"
      "  INSERT INTO unit_fts (rowid, name, credit_code, address, legal_rep)"
      "  VALUES (NEW.id, NEW.name, NEW.credit_code, NEW.address, NEW.legal_rep); END;"
      "CREATE TRIGGER unit_fts_delete AFTER DELETE ON unit BEGIN"
      "  INSERT INTO unit_fts (unit_fts, rowid, name, credit_code, address, legal_rep)"
      "  VALUES ('delete', OLD.id, OLD.name, OLD.credit_code, OLD.address, OLD.legal_rep); END;"
      "CREATE TRIGGER unit_fts_update AFTER UPDATE OF name, credit_code, address, legal_rep ON "
      "unit BEGIN"
      "  INSERT INTO unit_fts (unit_fts, rowid, name, credit_code, address, legal_rep)"
      "  VALUES ('delete', OLD.id, OLD.name, OLD.credit_code, OLD.address, OLD.legal_rep);"
      "  INSERT INTO unit_fts (rowid, name, credit_code, address, legal_rep)"
      "  VALUES (NEW.id, NEW.name, NEW.credit_code, NEW.address, NEW.legal_rep); END;"

      "CREATE VIRTUAL TABLE equipment_fts USING fts5 (variety, location,"
      "  content = 'equipment', content_rowid = 'id', tokenize = 'rectify');"
      "CREATE TRIGGER equipment_fts_insert AFTER INSERT ON equipment BEGIN"
      "  INSERT INTO equipment_fts (rowid, variety, location) VALUES (NEW.id, NEW.variety, "
      "NEW.location); END;"
      "CREATE TRIGGER equipment_fts_delete AFTER DELETE ON equipment BEGIN"
      "  INSERT INTO equipment_fts (equipment_fts, rowid, variety, location)"
      "  VALUES ('delete', OLD.id, OLD.variety, OLD.location); END;"
      "CREATE TRIGGER equipment_fts_update AFTER UPDATE OF variety, location ON equipment BEGIN"
      "  INSERT INTO equipment_fts (equipment_fts, rowid, variety, location)"
      "  VALUES ('delete', OLD.id, OLD.variety, OLD.location);"
      "  INSERT INTO equipment_fts (rowid, variety, location) VALUES (NEW.id, NEW.variety, "
      "NEW.location); END;"

      "CREATE VIRTUAL TABLE hazard_fts USING fts5 (description, measures, responsible,"
      "  content = 'hazard', content_rowid = 'id', tokenize = 'rectify');"
      "CREATE TRIGGER hazard_fts_insert AFTER INSERT ON hazard BEGIN"
      "  INSERT INTO hazard_fts (rowid, description, measures, responsible)"
      "  VALUES (NEW.id, NEW.description, NEW.measures, NEW.responsible); END;"
      "CREATE TRIGGER hazard_fts_delete AFTER DELETE ON hazard BEGIN"
      "  INSERT INTO hazard_fts (hazard_fts, rowid, description, measures, responsible)"
      "  VALUES ('delete', OLD.id, OLD.description, OLD.measures, OLD.responsible); END;"
      "CREATE TRIGGER hazard_fts_update AFTER UPDATE OF description, measures, responsible ON "
      "hazard BEGIN"
      "  INSERT INTO hazard_fts (hazard_fts, rowid, description, measures, responsible)"
      "  VALUES ('delete', OLD.id, OLD.description, OLD.measures, OLD.responsible);"
      "  INSERT INTO hazard_fts (rowid, description, measures, responsible)"
      "  VALUES (NEW.id, NEW.description, NEW.measures, NEW.responsible); END;";

/* Version 2: an approved postponement keeps an item off the overdue list. */
static const char migration_2[]
    = "ALTER TABLE equipment ADD COLUMN postponed_until TEXT"
      "  CHECK (postponed_until IS date(postponed_until));"
      "CREATE INDEX equipment_by_postponed ON equipment (postponed_until) WHERE postponed_until IS "
      "NOT NULL;"
      /* the "periodic inspection overdue" filter without touching the table */
      "CREATE INDEX equipment_by_overdue ON equipment (status, next_inspection, postponed_until, "
      "unit_id);";

/* Version 3 (documents): an issued document keeps the PDF it was issued as,
 * with its SHA-256, written in the issuing transaction and never changed.
 * The PDF can only join the newest document: the one being issued. */
static const char migration_3_document_pdf[]
    = "CREATE TABLE document_pdf ("
      "  document_id INTEGER PRIMARY KEY REFERENCES document (id),"
      "  pdf BLOB NOT NULL CHECK (length(pdf) > 0),"
      "  sha256 TEXT NOT NULL CHECK (length(sha256) = 64)"
      ");"
      "CREATE TRIGGER document_pdf_only_at_issue BEFORE INSERT ON document_pdf"
      " WHEN NEW.document_id IS NOT (SELECT max(id) FROM document)"
      " BEGIN SELECT RAISE (ABORT, 'a PDF is stored only when its document is issued'); END;"
      "CREATE TRIGGER document_pdf_no_update BEFORE UPDATE ON document_pdf"
      " BEGIN SELECT RAISE (ABORT, 'the PDF of an issued document is immutable'); END;"
      "CREATE TRIGGER document_pdf_no_delete BEFORE DELETE ON document_pdf"
      " BEGIN SELECT RAISE (ABORT, 'the PDF of an issued document is immutable'); END;";

/* Version 4 (RECTIFY_SCHEMA_SCHEDULED_VISIT): back-checks (回头看) of closed
 * hazards and re-inspections of overdue ones, planned for a unit and done by
 * a later inspection of it. */
static const char migration_scheduled_visit[]
    = "CREATE TABLE scheduled_visit ("
      "  id INTEGER PRIMARY KEY,"
      "  unit_id INTEGER NOT NULL REFERENCES unit (id),"
      "  hazard_id INTEGER NOT NULL REFERENCES hazard (id),"
      "  kind TEXT NOT NULL CHECK (kind IN ('back_check', 're_inspection')),"
      "  scheduled_on TEXT NOT NULL CHECK (scheduled_on IS date(scheduled_on)),"
      "  due_date TEXT NOT NULL CHECK (due_date IS date(due_date) AND due_date >= scheduled_on),"
      "  officer_id INTEGER REFERENCES officer (id),"
      "  note TEXT NOT NULL DEFAULT '',"
      "  done_inspection_id INTEGER REFERENCES inspection (id),"
      "  done_date TEXT CHECK (done_date IS date(done_date)),"
      "  CHECK ((done_inspection_id IS NULL) = (done_date IS NULL)),"
      "  CHECK (done_date IS NULL OR done_date >= scheduled_on)"
      ");"
      /* one pending visit of a kind per hazard */
      "CREATE UNIQUE INDEX scheduled_visit_pending ON scheduled_visit (hazard_id, kind) WHERE "
      "done_inspection_id IS NULL;"
      "CREATE INDEX scheduled_visit_due ON scheduled_visit (due_date) WHERE done_inspection_id IS "
      "NULL;"
      "CREATE INDEX scheduled_visit_by_unit ON scheduled_visit (unit_id, due_date);"
      "CREATE TRIGGER scheduled_visit_same_unit BEFORE INSERT ON scheduled_visit"
      " WHEN NEW.unit_id IS NOT (SELECT unit_id FROM hazard WHERE id = NEW.hazard_id)"
      " BEGIN SELECT RAISE (ABORT, 'a scheduled visit is of the unit of its hazard'); END;"
      /* the inspection list filtered by kind, newest first, without a scan */
      "CREATE INDEX inspection_by_kind ON inspection (kind, date);"
      /* the whole hazard list sorted by deadline (migration 1's index holds open ones only): 153 ->
         22 ms, 300 000 hazards */
      "CREATE INDEX hazard_sorted_by_deadline ON hazard (deadline);";

/* Version 5 (summary): each hazard carries its equipment's category, kept by
 * triggers, so that hazards by equipment category are one pass over the
 * campaign's index instead of a join with 500 000 items. */
static const char migration_5_hazard_equipment_category[]
    = "ALTER TABLE hazard ADD COLUMN equipment_category INTEGER;"
      "UPDATE hazard SET equipment_category = (SELECT e.category FROM equipment e WHERE e.id = "
      "hazard.equipment_id)"
      " WHERE equipment_id IS NOT NULL;"
      /* the figures' covering index gains the column, rather than a second
       * index on campaign_id that the planner would take for the figures too */
      "DROP INDEX hazard_by_campaign;"
      "CREATE INDEX hazard_by_campaign ON hazard (campaign_id, category, found_date, grade, "
      "status, closed_date, deadline,"
      "  equipment_category);"
      "CREATE TRIGGER hazard_equipment_category_insert AFTER INSERT ON hazard WHEN "
      "NEW.equipment_id IS NOT NULL BEGIN"
      "  UPDATE hazard SET equipment_category = (SELECT category FROM equipment WHERE id = "
      "NEW.equipment_id)"
      "  WHERE id = NEW.id; END;"
      "CREATE TRIGGER hazard_equipment_category_update AFTER UPDATE OF equipment_id ON hazard BEGIN"
      "  UPDATE hazard SET equipment_category = (SELECT category FROM equipment WHERE id = "
      "NEW.equipment_id)"
      "  WHERE id = NEW.id; END;"
      "CREATE TRIGGER equipment_category_to_hazards AFTER UPDATE OF category ON equipment BEGIN"
      "  UPDATE hazard SET equipment_category = NEW.category WHERE equipment_id = NEW.id; END;";

/* Version 6 (audit): the audit entries hold whole records and the chain's
 * head; the core writes one baseline entry per kind of record at the first
 * open after this upgrade (rectify_audit_baseline_if_due), since the entries
 * before it held rows of another form.  A new database needs none. */
static const char migration_6_audit_baseline[]
    = "INSERT INTO setting (key, value) SELECT 'audit-baseline-due', '1'"
      " WHERE EXISTS (SELECT 1 FROM audit) OR EXISTS (SELECT 1 FROM officer);";

static const char *const migrations[] = { migration_1,
                                          migration_2,
                                          migration_3_document_pdf,
                                          migration_scheduled_visit,
                                          migration_5_hazard_equipment_category,
                                          migration_6_audit_baseline };
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RECTIFY_SCHEMA_VERSION);

/* Hazard categories that ship with a new database. */
static gboolean
seed_categories (RectifyStore *self, GError **error)
{
  return rectify_store_exec (
      self,
      "INSERT INTO hazard_category (code, name_en, name_zh, sort) VALUES"
      " ('inspection_overdue', 'Periodic inspection overdue', '超期未检', 1),"
      " ('registration_outdated', 'Registration not updated after a change', "
      "'变更后未及时办理登记变更', 2),"
      " ('unlicensed_operator', 'Operator on site without licence', '作业人员无证上岗', 3),"
      " ('files_incomplete', 'Equipment files incomplete', '设备档案不齐全', 4),"
      " ('emergency_plan', 'Emergency plan missing or not drilled', '应急预案不健全或未演练', 5),"
      " ('equipment_defect', 'Equipment defect', '设备缺陷', 6),"
      " ('other', 'Other', '其他', 99)",
      error);
}

static int
query_int (sqlite3 *db, const char *sql, int *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

gboolean
rectify_sqlite_migrate (RectifyStore *store, int target, GError **error)
{
  RectifySqliteStore *self = (RectifySqliteStore *)store;
  const char *path = rectify_store_get_path (store);
  int app_id = 0, version = 0, tables = 0;
  int rc;

  if ((rc = query_int (self->db, "PRAGMA application_id", &app_id)) != SQLITE_OK
      || (rc = query_int (self->db, "PRAGMA user_version", &version)) != SQLITE_OK
      || (rc = query_int (self->db, "SELECT count(*) FROM sqlite_schema", &tables)) != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        {
          g_set_error (
              error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_RECTIFY,
              _ ("%s is not a Rectify database (not an SQLite file at all); choose another file"),
              path);
          return FALSE;
        }
      return rectify_store_fail (store, rc, error);
    }

  if (app_id != RECTIFY_APPLICATION_ID && (app_id != 0 || tables > 0))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_RECTIFY,
                   _ ("%s is an SQLite database of another program, not a Rectify database; choose "
                      "another file"),
                   path);
      return FALSE;
    }
  if (version > RECTIFY_SCHEMA_VERSION)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NEWER_VERSION,
                   _ ("%s was written by a newer version of Rectify (schema %d, this version knows "
                      "%d); update Rectify to open it"),
                   path, version, RECTIFY_SCHEMA_VERSION);
      return FALSE;
    }

  /* A new file gets larger pages: fewer splits and levels in big tables. */
  if (version == 0 && tables == 0 && target > 0
      && (rc = sqlite3_exec (self->db, "PRAGMA page_size = 8192", NULL, NULL, NULL)) != SQLITE_OK)
    return rectify_store_fail (store, rc, error);

  /* Each step is one transaction: a failed migration leaves the file as it was. */
  while (version < target)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      gboolean ok;

      if (!rectify_store_begin (store, error))
        return FALSE;
      ok = rectify_store_exec (store, migrations[version], error)
           && rectify_store_exec (store, set_version, error);
      if (ok && version == 0)
        {
          g_autofree char *set_app
              = g_strdup_printf ("PRAGMA application_id = %d", RECTIFY_APPLICATION_ID);
          ok = rectify_store_exec (store, set_app, error) && seed_categories (store, error);
        }
      if (!rectify_store_end (store, ok, error))
        {
          g_prefix_error (error, _ ("Upgrading the database to version %d failed: "), version + 1);
          return FALSE;
        }
      version++;
    }
  self->version = version;
  return TRUE;
}
