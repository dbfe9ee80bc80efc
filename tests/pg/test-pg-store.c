/* test-pg-store.c: the PostgreSQL backend's own tests: its triggers by raw
 * SQL, search that finds what SQLite finds, concurrent writers on one
 * audit chain, foreign and newer databases, bad connection strings
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * They need a server: RECTIFY_TEST_STORE=postgresql with the libpq
 * environment (build-aux/run-tests runs them under pg_virtualenv); without
 * one every case is skipped.
 */
#include "config.h"

#include <libpq-fe.h>

#include "rectify-server.h"
#include "rectify-store-backend.h"
#include "rectify-validate.h"
#include "test-util.h"

static gboolean
have_server (void)
{
  if (!test_store_is_pg ())
    {
      g_test_skip ("needs a PostgreSQL server: RECTIFY_TEST_STORE=postgresql and the libpq "
                   "environment (PGHOST, PGPORT, …)");
      return FALSE;
    }
  return TRUE;
}

static char *
make_credit_code (guint n)
{
  static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  char code[19] = "91350100000000000";
  for (int i = 16; i >= 10; i--, n /= 31)
    code[i] = chars[n % 31];
  code[17] = rectify_credit_code_check_char (code);
  code[18] = 0;
  return g_strdup (code);
}

/* Tries to add a unit; returns its id, 0 when refused. */
static gint64
add_unit_may_fail (RectifyStore *store, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RectifyUnit) u = rectify_unit_new ();

  u->credit_code = make_credit_code (n);
  u->name = g_strdup ("单位");
  return rectify_store_add_unit (store, u, &error);
}

static gint64
add_unit (RectifyStore *store, guint n, const char *name, const char *address)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RectifyUnit) u = rectify_unit_new ();
  gint64 id;

  u->credit_code = make_credit_code (n);
  u->name = g_strdup (name);
  u->address = g_strdup (address);
  id = rectify_store_add_unit (store, u, &error);
  g_assert_no_error (error);
  return id;
}

/* Runs sql as the test server's superuser on the store at location;
 * returns the SQLSTATE of its failure, "" when it passed. */
static char *
try_sql (const char *location, const char *sql)
{
  PGconn *conn = test_pg_connect (location);
  PGresult *res = PQexec (conn, sql);
  const char *state = PQresultErrorField (res, PG_DIAG_SQLSTATE);
  char *out = g_strdup (state ? state : "");

  if (*out)
    g_test_message ("%s: %s", sql, PQresultErrorMessage (res));
  PQclear (res);
  PQfinish (conn);
  return out;
}

static void
assert_refused (const char *location, const char *sql)
{
  g_autofree char *state = try_sql (location, sql);
  /* P0001: RAISE EXCEPTION of the backend's triggers */
  g_assert_cmpstr (state, ==, "P0001");
}

static void
assert_allowed (const char *location, const char *sql)
{
  g_autofree char *state = try_sql (location, sql);
  g_assert_cmpstr (state, ==, "");
}

/* What is written once stays written, whoever connects: the triggers
 * refuse what the SQLite triggers refuse, and allow voiding. */
static void
test_append_only (void)
{
  TestDb t;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!have_server ())
    return;
  test_db_open (&t);
  test_store_sign_in (t.store);
  add_unit (t.store, 1, "福州市第一人民医院", "鼓楼区");
  g_assert_cmpint (test_audit_count (t.store, NULL, NULL), >=, 2);

  /* the rows an issue would write, by hand */
  assert_allowed (t.path, "INSERT INTO hazard (unit_id, category, grade, found_date)"
                          " VALUES (1, 'other', 'general', '2026-06-01');"
                          "INSERT INTO hazard_event (hazard_id, kind, date, created_at)"
                          " VALUES (1, 'registered', '2026-06-01', '2026-06-01T08:00:00Z');"
                          "INSERT INTO attachment (event_id, filename, mime, size, sha256, data)"
                          " VALUES (1, 'a.png', 'image/png', 1, repeat ('0', 64), '\\x00');"
                          "INSERT INTO document (kind, year, seq, number, unit_id, issued_date)"
                          " VALUES ('instruction', 2026, 1, 'X-2026-1', 1, '2026-06-02');"
                          "INSERT INTO document_hazard (document_id, hazard_id) VALUES (1, 1);"
                          "INSERT INTO document_pdf (document_id, pdf, sha256)"
                          " VALUES (1, '\\x25', repeat ('0', 64))");
  before = test_db_fingerprint (&t);

  assert_refused (t.path, "UPDATE audit SET action = 'x' WHERE id = 1");
  assert_refused (t.path, "DELETE FROM audit WHERE id = 1");
  assert_refused (t.path, "UPDATE hazard_event SET note = 'x'");
  assert_refused (t.path, "DELETE FROM hazard_event");
  assert_refused (t.path, "UPDATE attachment SET filename = 'b.png'");
  assert_refused (t.path, "DELETE FROM attachment");
  assert_refused (t.path, "DELETE FROM document");
  assert_refused (t.path, "UPDATE document SET number = 'X-2026-9'");
  /* voiding needs a reason and a date, and changes nothing else */
  assert_refused (t.path, "UPDATE document SET status = 'void', void_date = '2026-06-03'");
  assert_refused (t.path, "UPDATE document SET status = 'void', void_reason = 'wrong unit',"
                          " void_date = '2026-06-03', seq = 2");
  assert_refused (t.path, "UPDATE document_hazard SET hazard_id = 1");
  assert_refused (t.path, "DELETE FROM document_hazard");
  assert_refused (t.path, "UPDATE document_pdf SET sha256 = repeat ('1', 64)");
  assert_refused (t.path, "DELETE FROM document_pdf");
  /* numbers are gapless per kind and year; a PDF joins only the newest document */
  assert_refused (t.path, "INSERT INTO document (kind, year, seq, number, unit_id, issued_date)"
                          " VALUES ('instruction', 2026, 3, 'X-2026-3', 1, '2026-06-02')");
  assert_allowed (t.path, "INSERT INTO document (kind, year, seq, number, unit_id, issued_date)"
                          " VALUES ('opinion', 2026, 1, 'Y-2026-1', 1, '2026-06-02')");
  assert_refused (t.path, "INSERT INTO document_pdf (document_id, pdf, sha256)"
                          " VALUES (1, '\\x25', repeat ('0', 64))");
  assert_refused (t.path, "INSERT INTO scheduled_visit (unit_id, hazard_id, kind, scheduled_on,"
                          " due_date) VALUES (2, 1, 'back_check', '2026-06-05', '2026-07-05')");
  /* the refusals left everything but the opinion as it was */
  assert_allowed (t.path, "BEGIN; ALTER TABLE document DISABLE TRIGGER document_no_delete;"
                          " DELETE FROM document WHERE kind = 'opinion';"
                          " ALTER TABLE document ENABLE TRIGGER document_no_delete; COMMIT");
  after = test_db_fingerprint (&t);
  g_assert_cmpstr (before, ==, after);

  assert_allowed (t.path, "UPDATE document SET status = 'void', void_reason = 'wrong unit',"
                          " void_date = '2026-06-03'");
  /* dates are checked as SQLite's "x IS date(x)" */
  {
    g_autofree char *state = try_sql (t.path, "UPDATE unit SET name = name WHERE id = 1;"
                                              "INSERT INTO campaign (name, start_date)"
                                              " VALUES ('x', '2026-02-30')");
    g_assert_cmpstr (state, ==, "23514");
  }
  test_db_close (&t);
}

/* The same units, the same words: the same ids from both backends, for
 * one- and two-character Chinese words, longer phrases, Latin words and
 * codes by prefix, punctuation between Chinese words, and nothing. */
static void
test_search_like_sqlite (void)
{
  static const struct
  {
    const char *name;
    const char *address;
  } units[] = {
    { "福州市第一人民医院", "鼓楼区八一七北路" },
    { "鼓楼区医院", "鼓楼区湖东路" },
    { "福建电梯维保有限公司", "仓山区" },
    { "第一医院（鼓楼院区）", "鼓楼区" },
    { "ABC Elevator Co.", "Gulou District 12" },
    { "福州热电厂", "马尾区" },
    { "医", "台江区" },
  };
  static const char *const queries[]
      = { "医",         "医院",  "第一",   "第一医院", "一医院", "鼓楼",    "院区",
          "鼓楼院区",   "楼医",  "电梯",   "梯",       "abc",    "elev",    "ELEVATOR co",
          "9135",       "福州 医院", "医院（鼓楼", "热电厂", "gulou 12", "区", "人民医院北路",
          "八一七",     "x",     "(", NULL };
  TestDb t;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autoptr (RectifyStore) lite = NULL;
  g_autoptr (GError) error = NULL;

  if (!have_server ())
    return;
  test_db_open (&t);
  dir = g_dir_make_tmp ("rectify-pg-search-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_build_filename (dir, "same.db", NULL);
  lite = rectify_store_create (file, &error);
  g_assert_no_error (error);
  test_store_sign_in (t.store);
  test_store_sign_in (lite);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_assert_cmpint (add_unit (t.store, i + 1, units[i].name, units[i].address), ==,
                       add_unit (lite, i + 1, units[i].name, units[i].address));
    }

  for (guint q = 0; queries[q]; q++)
    {
      RectifyQuery query = RECTIFY_QUERY_INIT;
      g_autoptr (GArray) on_server = NULL;
      g_autoptr (GArray) in_file = NULL;

      query.search = (char *)queries[q];
      query.sort = "id";
      on_server = rectify_store_query_unit_ids (t.store, &query, &error);
      g_assert_no_error (error);
      in_file = rectify_store_query_unit_ids (lite, &query, &error);
      g_assert_no_error (error);
      g_test_message ("“%s”: %u units on the server, %u in the file", queries[q], on_server->len,
                      in_file->len);
      g_assert_cmpuint (on_server->len, ==, in_file->len);
      for (guint i = 0; i < in_file->len; i++)
        g_assert_cmpint (g_array_index (on_server, gint64, i), ==,
                         g_array_index (in_file, gint64, i));
    }
  /* and the search finds something at all */
  {
    RectifyQuery query = RECTIFY_QUERY_INIT;
    g_autoptr (GArray) ids = NULL;
    query.search = (char *)"医";
    ids = rectify_store_query_unit_ids (t.store, &query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 4);
  }

  g_clear_object (&lite);
  test_db_remove_dir (dir);
  test_db_close (&t);
}

typedef struct
{
  const char *location;
  guint first;
  guint n;
} Writer;

static gpointer
write_units (gpointer data)
{
  Writer *w = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (RectifyStore) store = rectify_store_open (w->location, &error);

  g_assert_no_error (error);
  test_store_sign_in (store);
  for (guint i = 0; i < w->n; i++)
    {
      g_autofree char *name = g_strdup_printf ("单位 %u", w->first + i);
      add_unit (store, w->first + i, name, "");
    }
  return NULL;
}

/* Four connections write at once: every write is in the log, and the
 * chain verifies (it never forks). */
static void
test_concurrent_audit (void)
{
  TestDb t;
  g_autoptr (GError) error = NULL;
  RectifyAuditReport report = { 0 };
  Writer writers[4];
  GThread *threads[4];
  gint64 before;

  if (!have_server ())
    return;
  test_db_open (&t);
  test_store_sign_in (t.store);
  before = test_audit_count (t.store, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      writers[i] = (Writer){ t.path, 100 + i * 25, 25 };
      threads[i] = g_thread_new ("writer", write_units, &writers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_assert_cmpint (test_count_units (t.store), ==, 100);
  g_assert_cmpint (test_audit_count (t.store, "unit", NULL), ==, 100);
  g_assert_cmpint (test_audit_count (t.store, NULL, NULL), ==, before + 100);
  g_assert_true (rectify_store_verify_audit (t.store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report.first_bad_id, ==, 0);
  g_assert_cmpint (report.rows, ==, before + 100);
  rectify_audit_report_clear (&report);
  /* ids of the log run 1, 2, 3, … and each row names the login that wrote it */
  g_assert_cmpint (test_store_count_rows (t.path, "audit", "id", before + 100), ==, 1);
  {
    PGconn *conn = test_pg_connect (t.path);
    g_assert_cmpint (test_pg_int (conn, "SELECT count(*) FROM audit WHERE login = session_user"),
                     ==, before + 100);
    PQfinish (conn);
  }
  test_db_close (&t);
}

/* A database of another program, and one of a newer Rectify, are refused
 * with one clear message each and left as they were. */
static void
test_foreign_and_newer (void)
{
  TestDb t;
  g_autoptr (GError) error = NULL;
  g_autofree char *other = NULL;
  g_autofree char *location = NULL;
  RectifyStore *store;

  if (!have_server ())
    return;
  test_db_open (&t);
  g_clear_object (&t.store);
  assert_allowed (t.path, "UPDATE rectify_schema SET version = version + 1");
  store = rectify_store_open (t.path, &error);
  g_assert_null (store);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "update Rectify"));
  g_clear_error (&error);

  other = g_build_filename (t.dir, "other.db", NULL);
  location = test_store_location (other);
  assert_allowed (location, "CREATE TABLE invoices (id int)");
  store = rectify_store_create (location, &error);
  g_assert_null (store);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_RECTIFY);
  g_clear_error (&error);
  /* nothing was added to it */
  {
    PGconn *conn = test_pg_connect (location);
    g_assert_cmpint (test_pg_int (conn, "SELECT count(*) FROM pg_class WHERE relnamespace = "
                                        "current_schema ()::regnamespace AND relkind = 'r'"),
                     ==, 1);
    PQfinish (conn);
  }
  test_db_close (&t);
}

/* The connection string of login (password pw) to the schema of location. */
static char *
as_login (const char *location, const char *login, const char *pw)
{
  return g_strdup_printf ("%s user=%s password=%s", location, login, pw);
}

static gint64
add_with_login (RectifyStore *store, const char *badge, RectifyRole role, const char *login)
{
  g_autoptr (GError) error = NULL;
  RectifyOfficer o = { .badge = (char *)badge, .name = (char *)"测试", .role = role, .active = TRUE };
  gint64 id = rectify_server_add_officer (store, &o, login, "pw-of-test", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
drop_role (const char *login)
{
  g_autofree char *sql = g_strdup_printf ("DROP ROLE IF EXISTS %s", login);
  PGconn *conn = test_pg_connect (NULL);
  test_pg_run (conn, sql);
  PQfinish (conn);
}

/* The database does the guarding: logged in as each group's officer, the
 * grants allow and refuse what the roles may do; the acting officer is
 * the login; adding an officer whose login exists adds nothing. */
static void
test_server_roles (void)
{
  TestDb t;
  g_autoptr (GError) error = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *officer = NULL, *manager = NULL, *archivist = NULL;
  g_autofree char *as_officer = NULL, *as_manager = NULL, *as_archivist = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gint64 officer_id;

  if (!have_server ())
    return;
  test_db_open (&t);
  g_assert_true (rectify_server_init (t.path, &error));
  g_assert_no_error (error);
  /* again: nothing changes, nothing fails */
  g_assert_true (rectify_server_init (t.path, &error));
  g_assert_no_error (error);
  test_store_sign_in (t.store);
  add_unit (t.store, 1, "福州市第一人民医院", "鼓楼区");

  schema = g_strdup (strstr (t.path, "rt_"));
  officer = g_strconcat (schema, "_o", NULL);
  manager = g_strconcat (schema, "_m", NULL);
  archivist = g_strconcat (schema, "_a", NULL);
  officer_id = add_with_login (t.store, "O-1", RECTIFY_ROLE_OFFICER, officer);
  add_with_login (t.store, "M-1", RECTIFY_ROLE_MANAGER, manager);
  add_with_login (t.store, "A-1", RECTIFY_ROLE_ARCHIVIST, archivist);
  as_officer = as_login (t.path, officer, "pw-of-test");
  as_manager = as_login (t.path, manager, "pw-of-test");
  as_archivist = as_login (t.path, archivist, "pw-of-test");

  /* a login that exists: refused, and the officer is not added either */
  before = test_db_fingerprint (&t);
  {
    RectifyOfficer o = { .badge = (char *)"O-2", .name = (char *)"重名", .active = TRUE };
    g_assert_cmpint (rectify_server_add_officer (t.store, &o, officer, NULL, &error), ==, 0);
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DUPLICATE);
    g_clear_error (&error);
  }
  after = test_db_fingerprint (&t);
  g_assert_cmpstr (before, ==, after);

  /* archivists read only */
  assert_allowed (as_archivist, "SELECT count(*) FROM unit, audit, document");
  {
    g_autofree char *state
        = try_sql (as_archivist, "UPDATE unit SET phone = '1' WHERE id = 1");
    g_assert_cmpstr (state, ==, "42501");
  }
  /* officers keep records, but issue nothing, and alter no history */
  assert_allowed (as_officer, "UPDATE unit SET phone = '0591' WHERE id = 1");
  {
    static const char *const refused[]
        = { "INSERT INTO document (kind, year, seq, number, unit_id, issued_date)"
            " VALUES ('instruction', 2026, 1, 'X-2026-1', 1, '2026-06-02')",
            "UPDATE audit SET action = 'x'", "DELETE FROM audit", "DELETE FROM hazard_event",
            "UPDATE attachment SET filename = 'x'", "DELETE FROM officer_login", NULL };
    for (guint i = 0; refused[i]; i++)
      {
        g_autofree char *state = try_sql (as_officer, refused[i]);
        g_assert_cmpstr (state, ==, "42501");
      }
  }
  /* managers issue and void, and alter no history either */
  assert_allowed (as_manager, "INSERT INTO document (kind, year, seq, number, unit_id, issued_date)"
                              " VALUES ('instruction', 2026, 1, 'X-2026-1', 1, '2026-06-02')");
  assert_allowed (as_manager, "UPDATE document SET status = 'void', void_reason = '错号',"
                              " void_date = '2026-06-03'");
  {
    static const char *const refused[]
        = { "DELETE FROM document", "DELETE FROM audit", "UPDATE audit SET hash = ''",
            "DELETE FROM hazard_event", "DELETE FROM attachment", NULL };
    for (guint i = 0; refused[i]; i++)
      {
        g_autofree char *state = try_sql (as_manager, refused[i]);
        g_assert_cmpstr (state, ==, "42501");
      }
  }

  /* the login is the acting officer, and recorded in the audit */
  {
    g_autoptr (RectifyStore) desk = rectify_store_open (as_officer, &error);
    gint64 before_units = test_count_units (t.store);

    g_assert_no_error (error);
    g_assert_cmpint (rectify_store_get_actor (desk), ==, officer_id);
    g_assert_false (rectify_store_set_actor (desk, 1, &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_PERMISSION);
    g_clear_error (&error);
    add_unit (desk, 2, "鼓楼区医院", "");
    g_assert_cmpint (test_count_units (t.store), ==, before_units + 1);
    {
      PGconn *conn = test_pg_connect (t.path);
      g_autofree char *sql = g_strdup_printf (
          "SELECT count(*) FROM audit WHERE entity = 'unit' AND officer_id = %" G_GINT64_FORMAT
          " AND login = '%s'",
          officer_id, officer);
      g_assert_cmpint (test_pg_int (conn, sql), ==, 1);
      PQfinish (conn);
    }
  }
  /* the archivist's desk writes nothing: the core says so first */
  {
    g_autoptr (RectifyStore) desk = rectify_store_open (as_archivist, &error);
    g_assert_no_error (error);
    g_assert_cmpint (add_unit_may_fail (desk, 3), ==, 0);
  }

  test_db_close (&t);
  drop_role (officer);
  drop_role (manager);
  drop_role (archivist);
}

/* The server drops the connection (a restart, a network gone): the next
 * read and the next write connect again by themselves; a write cut off
 * midway is refused whole, with a message that says so. */
static void
test_lost_connection (void)
{
  TestDb t;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *location = NULL;
  g_autofree char *kill = NULL;
  g_autoptr (RectifyStore) desk = NULL;
  PGconn *admin;

  if (!have_server ())
    return;
  test_db_open (&t);
  test_store_sign_in (t.store);
  /* a connection of its own, named, so that only it is cut off */
  name = g_strdup_printf ("%s_lost", strstr (t.path, "rt_"));
  location = g_strdup_printf ("%s application_name=%s", t.path, name);
  desk = rectify_store_open (location, &error);
  g_assert_no_error (error);
  test_store_sign_in (desk);
  add_unit (desk, 1, "福州市第一人民医院", "");
  kill = g_strdup_printf ("SELECT count(pg_terminate_backend (pid)) FROM pg_stat_activity"
                          " WHERE application_name = '%s'",
                          name);
  admin = test_pg_connect (NULL);

  g_assert_cmpint (test_pg_int (admin, kill), ==, 1);
  g_assert_cmpint (test_count_units (desk), ==, 1);
  g_assert_cmpint (test_pg_int (admin, kill), ==, 1);
  add_unit (desk, 2, "鼓楼区医院", "");
  g_assert_cmpint (test_count_units (t.store), ==, 2);

  /* cut off inside a transaction: the write fails, nothing of it stays */
  {
    g_autofree char *before = test_db_fingerprint (&t);
    g_autofree char *after = NULL;
    g_autoptr (RectifyUnit) u = rectify_unit_new ();

    g_assert_true (rectify_store_begin (desk, &error));
    g_assert_cmpint (test_pg_int (admin, kill), ==, 1);
    u->credit_code = make_credit_code (3);
    u->name = g_strdup ("福州热电厂");
    g_assert_cmpint (rectify_store_add_unit (desk, u, &error), ==, 0);
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "nothing was saved"));
    g_clear_error (&error);
    g_assert_false (rectify_store_end (desk, FALSE, NULL));
    after = test_db_fingerprint (&t);
    g_assert_cmpstr (before, ==, after);
  }
  add_unit (desk, 3, "福州热电厂", "");
  g_assert_cmpint (test_count_units (t.store), ==, 3);
  PQfinish (admin);
  g_clear_object (&desk);
  test_db_close (&t);
}

/* A connection string that does not parse, a server that is not there. */
static void
test_bad_locations (void)
{
  g_autoptr (GError) error = NULL;
  RectifyStore *store;

  if (!have_server ())
    return;
  g_assert_true (rectify_store_location_is_server ("postgresql://host/db"));
  g_assert_true (rectify_store_location_is_server ("service=bureau"));
  g_assert_false (rectify_store_location_is_server ("/tmp/a=b/rectify.db"));
  g_assert_false (rectify_store_location_is_server ("rectify.db"));

  store = rectify_store_open ("postgresql://[bad", &error);
  g_assert_null (store);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "postgresql://HOST/DATABASE"));
  g_clear_error (&error);

  /* port 1 on this machine: nobody listens */
  store = rectify_store_open ("host=127.0.0.1 port=1 dbname=none connect_timeout=5", &error);
  g_assert_null (store);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "Cannot connect"));
  g_clear_error (&error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pg/append-only", test_append_only);
  g_test_add_func ("/pg/search-like-sqlite", test_search_like_sqlite);
  g_test_add_func ("/pg/concurrent-audit", test_concurrent_audit);
  g_test_add_func ("/pg/foreign-and-newer", test_foreign_and_newer);
  g_test_add_func ("/pg/server-roles", test_server_roles);
  g_test_add_func ("/pg/lost-connection", test_lost_connection);
  g_test_add_func ("/pg/bad-locations", test_bad_locations);
  return g_test_run ();
}
