/* test-cli.c: rectify-cli run as a program against temporary databases
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rectify-schedule.h"
#include "rectify-store.h"
#include "test-util.h"

/* GB 32100 codes with a correct check character, and one with a typo. */
#define CODE_HOSPITAL "91350100MA2XXXXX1K"
#define CODE_PLANT "91350100MA2YYYYY2Y"
#define CODE_SCHOOL "123501004880000019"
#define CODE_TYPO "91350100MA2XXXXX1A"

typedef struct {
  char *dir;
  char *db;
  char *out;   /* of the last run */
  char *err;
} Fixture;

static const char *cli_path;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *file = g_build_filename (fx->dir, "rectify.db", NULL);
    /* the store under test: this file, or a schema on the test server */
    fx->db = test_store_location (file);
  }
  /* the default officer is the user's: each test has its own */
  {
    g_autofree char *config = g_build_filename (fx->dir, "config", NULL);
    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  }
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  test_store_drop_under (fx->dir);
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->db);
  g_free (fx->out);
  g_free (fx->err);
}

/* Runs rectify-cli with args (NULL-terminated) in environment envp (NULL =
 * ours); output goes to fx->out and fx->err; returns the exit status. */
static int
run_env (Fixture            *fx,
         char              **envp,
         const char *const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) cli_path);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&fx->out, g_free);
  g_clear_pointer (&fx->err, g_free);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &fx->out, &fx->err, &wait_status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status))
    g_error ("rectify-cli %s did not exit normally; stderr: %s", args[0], fx->err);
  return WEXITSTATUS (wait_status);
}

/* rectify-cli --db <fixture db> args… */
static int
run_valist (Fixture    *fx,
            const char *first,
            va_list     ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, fx->db);
  for (const char *a = first; a; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  g_ptr_array_add (args, NULL);
  return run_env (fx, NULL, (const char *const *) args->pdata);
}

G_GNUC_NULL_TERMINATED static int
run (Fixture    *fx,
     const char *first,
     ...)
{
  va_list ap;
  int status;

  va_start (ap, first);
  status = run_valist (fx, first, ap);
  va_end (ap);
  return status;
}

/* Runs and asserts success, printing stderr when it fails. */
G_GNUC_NULL_TERMINATED static void
ok (Fixture    *fx,
    const char *first,
    ...)
{
  va_list ap;
  int status;

  va_start (ap, first);
  status = run_valist (fx, first, ap);
  va_end (ap);
  if (status != 0)
    g_error ("rectify-cli %s exited %d: %s", first, status, fx->err);
}

/* The id a successful add printed. */
static gint64
printed_id (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (fx->out));
  guint64 id = 0;

  g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, &error);
  g_assert_no_error (error);
  return (gint64) id;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

static JsonObject *
item (JsonArray *array,
      guint      index)
{
  return json_array_get_object_element (array, index);
}

static JsonObject *
object_of (JsonNode *node)
{
  return json_node_get_object (node);
}

static guint
length_of (JsonObject *object,
           const char *member)
{
  return json_array_get_length (json_object_get_array_member (object, member));
}

static int
count_lines (const char *text)
{
  int n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* A user error: exit 1 and a single line "rectify-cli: …". */
static void
assert_user_error (Fixture    *fx,
                   int         status,
                   const char *expected_in_message)
{
  g_autofree char *lower = g_utf8_strdown (fx->err, -1);

  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_str_has_prefix (fx->err, "rectify-cli: "));
  g_assert_cmpint (count_lines (fx->err), ==, 1);
  if (expected_in_message)
    g_assert_nonnull (strstr (lower, expected_in_message));
}

/* A usage error: exit 2, the message and a hint to use --help. */
static void
assert_usage_error (Fixture *fx,
                    int      status)
{
  g_assert_cmpint (status, ==, 2);
  g_assert_true (g_str_has_prefix (fx->err, "rectify-cli: "));
  g_assert_cmpint (count_lines (fx->err), ==, 2);
  g_assert_nonnull (strstr (fx->err, "--help"));
}

static void
add_people_and_units (Fixture *fx)
{
  ok (fx, "init", NULL);
  ok (fx, "officer", "add", "--badge", "M001", "--name", "陈局长", "--role", "manager", NULL);
  ok (fx, "settings", "set", "default-officer", "M001", NULL);
  ok (fx, "officer", "add", "--badge", "F002", "--name", "林执法", NULL);
  ok (fx, "unit", "add", "--credit-code", CODE_HOSPITAL, "--name", "福州市第一医院",
      "--district", "鼓楼区", "--industry", "medical", "--crowded", NULL);
  ok (fx, "unit", "add", "--credit-code", CODE_PLANT, "--name", "Minjiang Power Plant",
      "--industry", "power", NULL);
}

static char *
hazard_status (Fixture *fx,
               gint64   id)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) root = NULL;

  ok (fx, "hazard", "show", id_text, "--json", NULL);
  root = parse_json (fx->out);
  return g_strdup (json_object_get_string_member (object_of (root), "status"));
}

/* ---- tests --------------------------------------------------------------- */

static void
test_init (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  ok (fx, "init", NULL);
  g_assert_true (test_store_exists (fx->db));
  g_assert_nonnull (strstr (fx->out, fx->db));
  g_assert_nonnull (strstr (fx->out, "schema_version: "));

  /* Again: an up-to-date database is left as it is. */
  ok (fx, "init", "--json", NULL);
  root = parse_json (fx->out);
  object = object_of (root);
  g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, fx->db);
  g_assert_cmpint (json_object_get_int_member (object, "schema_version"), >=, 1);
}

static void
test_default_path (Fixture       *fx,
                   gconstpointer  data)
{
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", fx->dir, TRUE);
  g_autofree char *expected = g_build_filename (fx->dir, "rectify", "rectify.db", NULL);
  const char *init[] = { "init", NULL };
  const char *list[] = { "unit", "list", NULL };

  /* The folder of the default database is created on first use. */
  g_assert_cmpint (run_env (fx, envp, init), ==, 0);
  g_assert_true (g_file_test (expected, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_env (fx, envp, list), ==, 0);
}

static void
test_missing_database (Fixture       *fx,
                       gconstpointer  data)
{
  /* Only init and demo create a database; a typo in --db is an error. */
  assert_user_error (fx, run (fx, "unit", "list", NULL), "init");
  g_assert_false (test_store_exists (fx->db));
}

static void
test_usage (Fixture       *fx,
            gconstpointer  data)
{
  const char *none[] = { NULL };

  ok (fx, "init", NULL);
  g_assert_cmpint (run_env (fx, NULL, none), ==, 2);
  assert_usage_error (fx, run (fx, "frobnicate", NULL));
  g_assert_nonnull (strstr (fx->err, "frobnicate"));
  assert_usage_error (fx, run (fx, "unit", NULL));
  assert_usage_error (fx, run (fx, "unit", "frob", NULL));
  assert_usage_error (fx, run (fx, "unit", "list", "--frob", NULL));
  assert_usage_error (fx, run (fx, "--frob", "unit", "list", NULL));
  assert_usage_error (fx, run (fx, "unit", "add", "--name", "X", NULL));
  g_assert_nonnull (strstr (fx->err, "--credit-code"));
  assert_usage_error (fx, run (fx, "unit", "list", "--limit", "ten", NULL));
  assert_usage_error (fx, run (fx, "unit", "list", "--limit", "10x", NULL));
  assert_usage_error (fx, run (fx, "unit", "list", "stray", NULL));
  assert_usage_error (fx, run (fx, "hazard", "show", NULL));
  assert_usage_error (fx, run (fx, "hazard", "show", "abc", NULL));
  assert_usage_error (fx, run (fx, "hazard", "list", "--grade", "huge", NULL));
  assert_usage_error (fx, run (fx, "equipment", "add", "--unit", "1", "--category", "spaceship",
                               NULL));
  assert_usage_error (fx, run (fx, "inspection", "add", "--unit", "1", "--kind", "bureau",
                               "--date", "2026-04-01", "--check", "rules", NULL));
  assert_usage_error (fx, run (fx, "demo", "--scale", "galaxy", NULL));
}

static void
test_help (Fixture       *fx,
           gconstpointer  data)
{
  static const char *const commands[][3] = {
    { NULL }, { "init" }, { "demo" }, { "stats" }, { "verify" }, { "backup" },
    { "officer" }, { "officer", "add" }, { "officer", "list" }, { "officer", "show" },
    { "officer", "edit" },
    { "campaign" }, { "campaign", "add" }, { "campaign", "list" }, { "campaign", "show" },
    { "campaign", "edit" },
    { "unit" }, { "unit", "add" }, { "unit", "list" }, { "unit", "show" }, { "unit", "edit" },
    { "equipment" }, { "equipment", "add" }, { "equipment", "list" }, { "equipment", "show" },
    { "equipment", "edit" }, { "hazard", "lift-stop-use" },
    { "operator" }, { "operator", "add" }, { "operator", "list" }, { "operator", "show" },
    { "inspection" }, { "inspection", "add" }, { "inspection", "list" }, { "inspection", "show" },
    { "inspection", "edit" }, { "inspection", "delete" },
    { "visit" }, { "visit", "add" }, { "visit", "list" }, { "visit", "cancel" },
    { "hazard" }, { "hazard", "add" }, { "hazard", "implement" }, { "hazard", "track" },
    { "hazard", "immediate" }, { "hazard", "rectify" }, { "hazard", "confirm" },
    { "hazard", "reject" }, { "hazard", "escalate" }, { "hazard", "list" }, { "hazard", "show" },
    { "hazard", "categories" },
    { "letter" }, { "letter", "issue" }, { "letter", "void" }, { "letter", "list" },
    { "letter", "show" },
    { "import" }, { "import", "units" }, { "import", "equipment" }, { "import", "operators" },
    { "export" }, { "export", "units" }, { "export", "equipment" }, { "export", "operators" },
    { "export", "hazards" }, { "restore" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *args[4] = { NULL };
      guint n = 0;

      for (guint j = 0; j < 2 && commands[i][j]; j++)
        args[n++] = commands[i][j];
      args[n] = "--help";
      g_test_message ("%s %s --help", args[0], n > 1 ? args[1] : "");
      g_assert_cmpint (run_env (fx, NULL, args), ==, 0);
      g_assert_nonnull (strstr (fx->out, "Usage"));
      g_assert_cmpstr (fx->err, ==, "");
    }
}

static void
test_officers_and_units (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) officers = NULL;
  g_autoptr(JsonNode) units = NULL;
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(JsonNode) unit = NULL;
  JsonArray *items;

  add_people_and_units (fx);

  ok (fx, "officer", "list", "--json", NULL);
  officers = parse_json (fx->out);
  g_assert_cmpint (json_object_get_int_member (object_of (officers), "total"), ==, 2);
  items = json_object_get_array_member (object_of (officers), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (item (items, 0), "badge"), ==, "M001");
  g_assert_cmpstr (json_object_get_string_member (item (items, 0), "role"), ==, "manager");
  g_assert_cmpstr (json_object_get_string_member (item (items, 1), "name"), ==, "林执法");

  ok (fx, "unit", "list", "--json", "--sort", "id", NULL);
  units = parse_json (fx->out);
  g_assert_cmpint (json_object_get_int_member (object_of (units), "total"), ==, 2);
  items = json_object_get_array_member (object_of (units), "items");
  g_assert_cmpstr (json_object_get_string_member (item (items, 0), "credit_code"), ==,
                   CODE_HOSPITAL);
  g_assert_cmpstr (json_object_get_string_member (item (items, 0), "name"), ==,
                   "福州市第一医院");
  g_assert_true (json_object_get_boolean_member (item (items, 0), "crowded"));

  /* Filters, paging and the total. */
  ok (fx, "unit", "list", "--json", "--crowded", NULL);
  found = parse_json (fx->out);
  g_assert_cmpint (json_object_get_int_member (object_of (found), "total"), ==, 1);
  ok (fx, "unit", "list", "--json", "--limit", "1", "--offset", "1", "--sort", "id", NULL);
  g_clear_pointer (&found, json_node_unref);
  found = parse_json (fx->out);
  g_assert_cmpint (json_object_get_int_member (object_of (found), "total"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object_of (found), "count"), ==, 1);

  /* Text: aligned columns and the number matching. */
  ok (fx, "unit", "list", NULL);
  g_assert_nonnull (strstr (fx->out, "福州市第一医院"));
  g_assert_nonnull (strstr (fx->out, "of 2"));

  ok (fx, "unit", "show", CODE_HOSPITAL, "--json", NULL);
  unit = parse_json (fx->out);
  g_assert_cmpstr (json_object_get_string_member (object_of (unit), "district"), ==, "鼓楼区");
  ok (fx, "unit", "show", "1", NULL);
  g_assert_nonnull (strstr (fx->out, "credit_code: " CODE_HOSPITAL "\n"));

  assert_user_error (fx, run (fx, "unit", "show", "99", NULL), NULL);
}

static void
test_bad_credit_code (Fixture       *fx,
                      gconstpointer  data)
{
  g_autofree char *units_before = NULL;
  g_autofree char *audit_before = NULL;

  add_people_and_units (fx);
  ok (fx, "unit", "list", "--json", NULL);
  units_before = g_strdup (fx->out);
  ok (fx, "verify", "--json", NULL);
  audit_before = g_strdup (fx->out);

  assert_user_error (fx, run (fx, "unit", "add", "--credit-code", CODE_TYPO, "--name", "Typo Ltd",
                              NULL),
                     "credit code");
  /* A duplicate is refused as well. */
  assert_user_error (fx, run (fx, "unit", "add", "--credit-code", CODE_PLANT, "--name", "Again",
                              NULL),
                     NULL);

  ok (fx, "unit", "list", "--json", NULL);
  g_assert_cmpstr (fx->out, ==, units_before);
  ok (fx, "verify", "--json", NULL);
  g_assert_cmpstr (fx->out, ==, audit_before);
}

static void
test_demo_stats (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *campaign = NULL;
  JsonObject *f;

  ok (fx, "demo", "--scale", "seed", NULL);
  campaign = g_strdup_printf ("%" G_GINT64_FORMAT, printed_id (fx));
  ok (fx, "settings", "set", "default-officer", "FZ-0101", NULL);

  ok (fx, "stats", "--campaign", campaign, "--json", NULL);
  root = parse_json (fx->out);
  f = object_of (root);
  g_assert_cmpint (json_object_get_int_member (f, "officer_person_times"), ==, 235);
  g_assert_cmpint (json_object_get_int_member (f, "hazards_found"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (f, "hazards_closed"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (f, "instruction_letters"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (f, "rectification_opinions"), ==, 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (f, "rectification_rate"), 0.8,
                                  1e-9);
  g_assert_cmpstr (json_object_get_string_member (f, "rectification_rate_text"), ==, "80%");

  ok (fx, "stats", "--campaign", campaign, NULL);
  g_assert_nonnull (strstr (fx->out, "Officer person-times:"));
  g_assert_nonnull (strstr (fx->out, " 235\n"));
  g_assert_nonnull (strstr (fx->out, " 80%\n"));

  /* The sample's letters were issued with their PDFs: the stored bytes
   * come out, a PDF whose SHA-256 is the one printed. */
  {
    g_autofree char *pdf = g_build_filename (fx->dir, "letter-1.pdf", NULL);
    g_autofree char *bytes = NULL;
    g_autofree char *sha256 = NULL;
    gsize length = 0;

    ok (fx, "pdf", "letter", "X市监特指〔2026〕1号", "-o", pdf, NULL);
    g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
    sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, length);
    g_assert_nonnull (strstr (fx->out, sha256));
  }

  /* Sample data goes only into an empty database. */
  assert_user_error (fx, run (fx, "demo", "--scale", "seed", NULL), NULL);
  ok (fx, "verify", NULL);
}

static void
test_hazard_path (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *status = NULL;
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *const expected_events[] = {
    "registered", "implemented", "rectified", "rejected", "rectified", "confirmed",
  };
  JsonObject *hazard;
  JsonArray *events;
  gint64 hazard_id;

  add_people_and_units (fx);
  ok (fx, "hazard", "add", "--unit", CODE_HOSPITAL, "--category", "inspection_overdue",
      "--grade", "general", "--found", "2026-04-01", "--supervisor", "F002", NULL);
  hazard_id = printed_id (fx);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, hazard_id);

  ok (fx, "hazard", "show", id, "--json", NULL);
  root = parse_json (fx->out);
  hazard = object_of (root);
  g_assert_cmpstr (json_object_get_string_member (hazard, "status"), ==, "open");
  g_assert_cmpuint (length_of (hazard, "missing_implementations"), ==, 5);
  g_clear_pointer (&root, json_node_unref);

  /* Rectifying is not possible before the five implementations. */
  assert_user_error (fx, run (fx, "hazard", "rectify", id, NULL), NULL);

  ok (fx, "hazard", "implement", id, "--content", "Elevator not inspected on time",
      "--standard", "TSG 08-2017 2.9", "--measures", "Apply for the periodic inspection",
      "--deadline", "2026-04-30", "--responsible", "王安全", NULL);
  status = hazard_status (fx, hazard_id);
  g_assert_cmpstr (status, ==, "rectifying");
  g_clear_pointer (&status, g_free);

  ok (fx, "hazard", "rectify", id, "--date", "2026-04-20", "--note", "inspection booked", NULL);
  status = hazard_status (fx, hazard_id);
  g_assert_cmpstr (status, ==, "rectified");
  g_clear_pointer (&status, g_free);

  /* Rejecting needs a reason. */
  assert_usage_error (fx, run (fx, "--as", "F002", "hazard", "reject", id, NULL));
  g_assert_nonnull (strstr (fx->err, "--note"));
  status = hazard_status (fx, hazard_id);
  g_assert_cmpstr (status, ==, "rectified");
  g_clear_pointer (&status, g_free);

  ok (fx, "--as", "F002", "hazard", "reject", id, "--note", "certificate not yet issued", NULL);
  status = hazard_status (fx, hazard_id);
  g_assert_cmpstr (status, ==, "rectifying");
  g_clear_pointer (&status, g_free);

  ok (fx, "hazard", "rectify", id, "--date", "2026-04-28", NULL);
  ok (fx, "hazard", "confirm", id, "--as", "F002", "--date", "2026-04-29", NULL);
  g_assert_nonnull (strstr (fx->out, "Closed"));

  ok (fx, "hazard", "show", id, "--json", NULL);
  root = parse_json (fx->out);
  hazard = object_of (root);
  g_assert_cmpstr (json_object_get_string_member (hazard, "status"), ==, "closed");
  g_assert_cmpstr (json_object_get_string_member (hazard, "closed_date"), ==, "2026-04-29");
  g_assert_cmpint (json_object_get_int_member (hazard, "overdue_days"), ==, 0);
  events = json_object_get_array_member (hazard, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, G_N_ELEMENTS (expected_events));
  for (guint i = 0; i < G_N_ELEMENTS (expected_events); i++)
    g_assert_cmpstr (json_object_get_string_member (item (events, i), "kind"), ==,
                     expected_events[i]);

  /* Closed is closed. */
  assert_user_error (fx, run (fx, "hazard", "rectify", id, NULL), NULL);

  ok (fx, "hazard", "list", "--json", "--status", "closed", NULL);
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (fx->out);
  g_assert_cmpint (json_object_get_int_member (object_of (root), "total"), ==, 1);
}

static void
test_inspection (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = NULL;
  JsonObject *inspection;
  JsonArray *equipment;

  add_people_and_units (fx);
  ok (fx, "equipment", "add", "--unit", CODE_HOSPITAL, "--category", "elevator",
      "--code", "31103506002016053337", "--next-inspection", "2026-05-01", NULL);
  ok (fx, "equipment", "add", "--unit", CODE_HOSPITAL, "--category", "2300", "--quantity", "40",
      NULL);

  /* Law enforcement needs two officers. */
  assert_user_error (fx, run (fx, "inspection", "add", "--unit", "1", "--kind", "bureau",
                              "--date", "2026-04-01", "--officer", "M001", NULL), NULL);

  ok (fx, "inspection", "add", "--unit", CODE_HOSPITAL, "--kind", "bureau", "--date", "2026-04-01",
      "--officer", "M001", "--officer", "F002", "--equipment", "1", "--equipment", "2:40",
      "--check", "periodic_inspection=fail:elevator overdue", "--check", "emergency-plan=pass",
      NULL);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, printed_id (fx));

  ok (fx, "inspection", "show", id, "--json", NULL);
  root = parse_json (fx->out);
  inspection = object_of (root);
  g_assert_cmpstr (json_object_get_string_member (inspection, "kind"), ==, "bureau");
  g_assert_cmpuint (length_of (inspection, "officer_ids"), ==, 2);
  g_assert_cmpuint (length_of (inspection, "checks"), ==, 2);
  equipment = json_object_get_array_member (inspection, "equipment");
  g_assert_cmpuint (json_array_get_length (equipment), ==, 2);
  g_assert_cmpint (json_object_get_int_member (item (equipment, 1), "quantity"), ==, 40);

  ok (fx, "equipment", "list", "--inspection-overdue", "--json", NULL);
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (fx->out);
  g_assert_cmpint (json_object_get_int_member (object_of (root), "total"), >=, 1);
}

/* The store at path as another program reads it, through the core's API. */
static RectifyStore *
open_reader (const char *path)
{
  GError *error = NULL;
  RectifyStore *store = rectify_store_open_reader (path, &error);

  g_assert_no_error (error);
  return store;
}

/* How many records of a list ("unit", "equipment", "inspection", "visit")
 * the store at path holds. */
static gint64
list_total (const char *path, const char *list)
{
  g_autoptr(RectifyStore) store = open_reader (path);
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 total = -1;

  if (g_str_equal (list, "unit"))
    rows = rectify_store_list_units (store, &q, &total, &error);
  else if (g_str_equal (list, "equipment"))
    rows = rectify_store_list_equipment (store, &q, &total, &error);
  else if (g_str_equal (list, "inspection"))
    rows = rectify_store_list_inspections (store, &q, &total, &error);
  else if (g_str_equal (list, "visit"))
    rows = rectify_store_list_visits (store, &q, &total, &error);
  else
    g_assert_not_reached ();
  g_assert_no_error (error);
  return total;
}

/* Audit rows of entity and action (NULL: any action). */
static gint64
audit_count (Fixture *fx, const char *entity, const char *action)
{
  g_autoptr(RectifyStore) store = open_reader (fx->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rectify_store_list_audit (store, 0, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      RectifyAuditEntry *e = g_ptr_array_index (rows, i);
      n += g_strcmp0 (e->entity, entity) == 0 && (!action || g_strcmp0 (e->action, action) == 0);
    }
  return n;
}

/* The campaigns of status. */
static gint64
campaigns_of_status (Fixture *fx, RectifyCampaignStatus status)
{
  g_autoptr(RectifyStore) store = open_reader (fx->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rectify_store_list_campaigns (store, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    n += ((RectifyCampaign *) g_ptr_array_index (rows, i))->status == status;
  return n;
}

/* The equipment next inspected on date. */
static gint64
equipment_next_inspected (Fixture *fx, const char *date)
{
  g_autoptr(RectifyStore) store = open_reader (fx->db);
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rectify_store_list_equipment (store, &q, NULL, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    n += g_strcmp0 (((RectifyEquipment *) g_ptr_array_index (rows, i))->next_inspection, date) == 0;
  return n;
}

static gint64
figure (Fixture    *fx,
        const char *name)
{
  g_autoptr(JsonNode) root = NULL;

  ok (fx, "stats", "--as-of", "2026-06-30", "--json", NULL);
  root = parse_json (fx->out);
  return json_object_get_int_member (object_of (root), name);
}

static void
test_inspection_edit_delete (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *shown = NULL;
  JsonObject *inspection;
  JsonArray *equipment;

  add_people_and_units (fx);
  ok (fx, "officer", "add", "--badge", "F003", "--name", "黄执法", NULL);
  ok (fx, "equipment", "add", "--unit", CODE_HOSPITAL, "--category", "elevator",
      "--code", "31103506002016053337", NULL);
  ok (fx, "equipment", "add", "--unit", CODE_HOSPITAL, "--category", "2300", "--quantity", "40", NULL);
  ok (fx, "inspection", "add", "--unit", CODE_HOSPITAL, "--kind", "bureau", "--date", "2026-04-01",
      "--officer", "M001", "--officer", "F002", "--equipment", "1", "--equipment", "2:40",
      "--check", "rules=pass", NULL);
  ok (fx, "inspection", "add", "--unit", CODE_HOSPITAL, "--kind", "bureau", "--date", "2026-04-02",
      "--officer", "M001", "--officer", "F002", "--equipment", "1", NULL);
  g_assert_cmpint (figure (fx, "officer_person_times"), ==, 4);
  g_assert_cmpint (figure (fx, "equipment_checks"), ==, 42);

  /* a later date, a third officer instead of the second, ten cylinders only, a failed item */
  ok (fx, "inspection", "edit", "1", "--date", "2026-04-03", "--officer", "M001", "--officer", "F003",
      "--equipment", "2:10", "--check", "rules=fail:no written rules", "--json", NULL);
  root = parse_json (fx->out);
  inspection = object_of (root);
  g_assert_cmpstr (json_object_get_string_member (inspection, "date"), ==, "2026-04-03");
  g_assert_cmpuint (length_of (inspection, "officer_ids"), ==, 2);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (inspection, "officer_ids"), 1), ==, 3);
  equipment = json_object_get_array_member (inspection, "equipment");
  g_assert_cmpuint (json_array_get_length (equipment), ==, 1);
  g_assert_cmpint (json_object_get_int_member (item (equipment, 0), "quantity"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (item (json_object_get_array_member (inspection, "checks"), 0),
                                                  "result"), ==, "fail");
  g_assert_cmpint (figure (fx, "officer_person_times"), ==, 4);
  g_assert_cmpint (figure (fx, "equipment_checks"), ==, 11);
  g_assert_cmpint (audit_count (fx, "inspection", "update"), ==, 1);

  /* refusals: exit 1 with the core's message, exit 2 for the command line; nothing written */
  ok (fx, "inspection", "show", "1", "--json", NULL);
  shown = g_strdup (fx->out);
  assert_user_error (fx, run (fx, "inspection", "edit", "1", "--officer", "M001", NULL), "officers present");
  assert_user_error (fx, run (fx, "inspection", "edit", "1", "--date", "2026-02-30", NULL), "date");
  assert_user_error (fx, run (fx, "inspection", "edit", "1", "--equipment", "2:41", NULL), "equipment checked");
  assert_user_error (fx, run (fx, "inspection", "edit", "99", "--date", "2026-04-03", NULL), "no inspection");
  assert_usage_error (fx, run (fx, "inspection", "edit", NULL));
  assert_usage_error (fx, run (fx, "inspection", "edit", "one", NULL));
  assert_usage_error (fx, run (fx, "inspection", "edit", "1", "--kind", "party", NULL));
  assert_usage_error (fx, run (fx, "inspection", "edit", "1", "--equipment", "1", "--no-equipment", NULL));
  assert_usage_error (fx, run (fx, "inspection", "delete", NULL));
  ok (fx, "inspection", "show", "1", "--json", NULL);
  g_assert_cmpstr (fx->out, ==, shown);
  g_assert_cmpint (audit_count (fx, "inspection", "update"), ==, 1);

  /* a hazard registered from the first keeps it */
  ok (fx, "hazard", "add", "--unit", CODE_HOSPITAL, "--inspection", "1", "--category", "other",
      "--grade", "general", "--found", "2026-04-03", NULL);
  assert_user_error (fx, run (fx, "inspection", "delete", "1", NULL), "hazard");
  assert_user_error (fx, run (fx, "inspection", "edit", "1", "--unit", CODE_PLANT, "--no-equipment", NULL), "unit");
  g_assert_cmpint (list_total (fx->db, "inspection"), ==, 2);

  /* the second goes, with its rows */
  ok (fx, "inspection", "delete", "2", NULL);
  g_assert_nonnull (strstr (fx->out, "Inspection 2 is deleted"));
  assert_user_error (fx, run (fx, "inspection", "show", "2", NULL), "no inspection");
  assert_user_error (fx, run (fx, "inspection", "delete", "2", NULL), "no inspection");
  g_assert_cmpint (test_store_count_rows (fx->db, "inspection_officer", "inspection_id", 2), ==, 0);
  g_assert_cmpint (test_store_count_rows (fx->db, "inspection_equipment", "inspection_id", 2), ==, 0);
  g_assert_cmpint (audit_count (fx, "inspection", "delete"), ==, 1);
  g_assert_cmpint (figure (fx, "unit_inspections"), ==, 1);
  g_assert_cmpint (figure (fx, "officer_person_times"), ==, 2);
  g_assert_cmpint (figure (fx, "equipment_checks"), ==, 10);
}

static void
test_visits (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *visit = NULL;
  JsonObject *listed;

  add_people_and_units (fx);
  ok (fx, "hazard", "add", "--unit", CODE_HOSPITAL, "--category", "other", "--grade", "general",
      "--found", "2026-06-01", NULL);
  /* nothing closed yet: no back-check to plan */
  assert_user_error (fx, run (fx, "visit", "add", "--unit", CODE_HOSPITAL, "--kind", "back-check",
                              "--due", "2026-07-15", NULL), "closed hazard");
  ok (fx, "hazard", "immediate", "1", "--date", "2026-06-02", NULL);

  assert_usage_error (fx, run (fx, "visit", "add", "--kind", "back-check", "--due", "2026-07-15", NULL));
  assert_usage_error (fx, run (fx, "visit", "add", "--unit", CODE_HOSPITAL, "--kind", "tea",
                               "--due", "2026-07-15", NULL));
  assert_usage_error (fx, run (fx, "visit", "add", "--unit", CODE_HOSPITAL, "--kind", "back-check", NULL));
  /* the hazard is of another unit; a due date in the past */
  assert_user_error (fx, run (fx, "visit", "add", "--unit", CODE_PLANT, "--hazard", "1", "--kind", "back-check",
                              "--due", "2026-07-15", NULL), "--unit");
  assert_user_error (fx, run (fx, "visit", "add", "--hazard", "1", "--kind", "back-check",
                              "--due", "2026-06-01", NULL), "due date");
  g_assert_cmpint (list_total (fx->db, "visit"), ==, 0);

  ok (fx, "visit", "add", "--unit", CODE_HOSPITAL, "--kind", "back-check", "--due", "2026-07-15",
      "--note", "回头看", NULL);
  visit = g_strdup_printf ("%" G_GINT64_FORMAT, printed_id (fx));
  /* one pending of a kind per hazard */
  assert_user_error (fx, run (fx, "visit", "add", "--hazard", "1", "--kind", "back_check",
                              "--due", "2026-07-16", NULL), NULL);

  ok (fx, "visit", "list", "--json", NULL);
  root = parse_json (fx->out);
  g_assert_cmpint (json_object_get_int_member (object_of (root), "total"), ==, 1);
  listed = item (json_object_get_array_member (object_of (root), "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (listed, "kind"), ==, "back_check");
  g_assert_cmpstr (json_object_get_string_member (listed, "due_date"), ==, "2026-07-15");
  g_assert_cmpint (json_object_get_int_member (listed, "hazard_id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (listed, "unit_name"), ==, "福州市第一医院");
  g_clear_pointer (&root, json_node_unref);
  ok (fx, "visit", "list", NULL);
  g_assert_nonnull (strstr (fx->out, "福州市第一医院"));

  /* not overdue on the 30th of June, overdue as of August */
  ok (fx, "visit", "list", "--overdue", "--json", NULL);
  root = parse_json (fx->out);
  g_assert_cmpint (json_object_get_int_member (object_of (root), "total"), ==, 0);
  g_clear_pointer (&root, json_node_unref);
  ok (fx, "visit", "list", "--overdue", "--as-of", "2026-08-01", "--json", NULL);
  root = parse_json (fx->out);
  g_assert_cmpint (json_object_get_int_member (object_of (root), "total"), ==, 1);
  g_clear_pointer (&root, json_node_unref);
  assert_usage_error (fx, run (fx, "visit", "list", "--overdue", "--all", NULL));

  assert_usage_error (fx, run (fx, "visit", "cancel", NULL));
  ok (fx, "visit", "cancel", visit, NULL);
  assert_user_error (fx, run (fx, "visit", "cancel", visit, NULL), "no planned visit");
  ok (fx, "visit", "list", "--all", "--json", NULL);
  root = parse_json (fx->out);
  g_assert_cmpint (json_object_get_int_member (object_of (root), "total"), ==, 0);
  g_assert_cmpint (audit_count (fx, "scheduled_visit", NULL), ==, 2);
}

static void
test_letters (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *number = NULL;
  g_autofree char *hazard = NULL;

  add_people_and_units (fx);
  ok (fx, "hazard", "add", "--unit", "1", "--category", "unlicensed_operator", "--grade", "general",
      "--found", "2026-04-02", NULL);
  hazard = g_strdup_printf ("%" G_GINT64_FORMAT, printed_id (fx));

  /* before the bureau's setup: refused, with the command that sets it up */
  g_assert_cmpint (run (fx, "--as", "M001", "letter", "issue", "--kind", "instruction", "--unit",
                        CODE_HOSPITAL, "--hazard", hazard, "--date", "2026-04-03", NULL), ==, 1);
  g_assert_nonnull (strstr (fx->err, "set up the bureau before issuing documents"));
  g_assert_nonnull (strstr (fx->err, "rectify-cli settings setup"));
  /* a missing field and a placeholder are named; nothing is set */
  g_assert_cmpint (run (fx, "settings", "setup", "--bureau-name", "福州市市场监督管理局", NULL), ==, 1);
  g_assert_nonnull (strstr (fx->err, "District"));
  g_assert_cmpint (run (fx, "settings", "setup", "--bureau-name", "福州市市场监督管理局", "--district",
                        "鼓楼区", "--instruction-prefix", "X市监特指", "--opinion-prefix", "榕市监特整",
                        "--signatory", "陈局长", NULL), ==, 1);
  g_assert_nonnull (strstr (fx->err, "Number prefix of instruction letters"));
  ok (fx, "settings", "get", "bureau-name", NULL);
  g_assert_null (strstr (fx->out, "福州"));
  ok (fx, "settings", "setup", "--bureau-name", "福州市市场监督管理局", "--district", "鼓楼区",
      "--instruction-prefix", "榕市监特指", "--opinion-prefix", "榕市监特整", "--signatory", "陈局长",
      NULL);
  g_assert_nonnull (strstr (fx->out, "榕市监特指"));
  ok (fx, "settings", "get", "number-prefix-opinion", NULL);
  g_assert_nonnull (strstr (fx->out, "榕市监特整"));

  ok (fx, "--as", "M001", "letter", "issue", "--kind", "instruction", "--unit", CODE_HOSPITAL,
      "--hazard", hazard, "--date", "2026-04-03", "--bureau", "福州市市场监督管理局", NULL);
  number = g_strstrip (g_strdup (fx->out));
  g_assert_cmpstr (number, ==, "榕市监特指〔2026〕1号");

  ok (fx, "letter", "list", "--json", NULL);
  root = parse_json (fx->out);
  g_assert_cmpint (json_object_get_int_member (object_of (root), "total"), ==, 1);
  g_clear_pointer (&root, json_node_unref);

  assert_usage_error (fx, run (fx, "--as", "M001", "letter", "void", number, NULL));
  /* its own date: not before the issue, not after today */
  assert_user_error (fx, run (fx, "--as", "M001", "letter", "void", number, "--reason",
                              "wrong unit", "--date", "2026-04-02", NULL),
                     "void date: 2026-04-02 is before");
  assert_user_error (fx, run (fx, "--as", "M001", "letter", "void", number, "--reason",
                              "wrong unit", "--date", "2026-07-01", NULL),
                     "void date: 2026-07-01 is after today");
  ok (fx, "--as", "M001", "letter", "void", number, "--reason", "wrong unit", "--date",
      "2026-04-05", NULL);
  ok (fx, "letter", "show", number, "--json", NULL);
  root = parse_json (fx->out);
  g_assert_cmpstr (json_object_get_string_member (object_of (root), "void_date"), ==,
                   "2026-04-05");
  g_assert_cmpstr (json_object_get_string_member (object_of (root), "status"), ==, "void");
  g_assert_cmpstr (json_object_get_string_member (object_of (root), "void_reason"), ==,
                   "wrong unit");
}

/* The record "GROUP show ID --json" prints. */
static JsonNode *
show_json (Fixture *fx, const char *group, const char *id)
{
  ok (fx, group, "show", id, "--json", NULL);
  return parse_json (fx->out);
}

static void
test_edit (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(JsonNode) unit = NULL;
  g_autoptr(JsonNode) equipment = NULL;
  g_autoptr(JsonNode) officer = NULL;
  g_autoptr(JsonNode) campaign = NULL;
  g_autofree char *units_before = NULL;
  g_autofree char *audit_before = NULL;

  add_people_and_units (fx);
  ok (fx, "equipment", "add", "--unit", CODE_HOSPITAL, "--category", "elevator",
      "--code", "31103506002016053337", "--location", "门诊楼", "--next-inspection", "2026-05-01",
      NULL);
  ok (fx, "campaign", "add", "--name", "春季专项行动", "--start", "2026-04-01", "--days", "60",
      "--head", "M001", NULL);
  ok (fx, "inspection", "add", "--unit", CODE_HOSPITAL, "--campaign", "1", "--kind", "bureau",
      "--date", "2026-05-20", "--officer", "M001", "--officer", "F002", NULL);

  /* a unit: what is given changes, the rest stays */
  ok (fx, "unit", "edit", CODE_HOSPITAL, "--name", "福州市第一人民医院", "--not-crowded",
      "--phone", "0591-87000000", NULL);
  unit = show_json (fx, "unit", "1");
  g_assert_cmpstr (json_object_get_string_member (object_of (unit), "name"), ==,
                   "福州市第一人民医院");
  g_assert_false (json_object_get_boolean_member (object_of (unit), "crowded"));
  g_assert_cmpstr (json_object_get_string_member (object_of (unit), "district"), ==, "鼓楼区");
  g_assert_cmpstr (json_object_get_string_member (object_of (unit), "industry"), ==, "medical");
  g_assert_cmpstr (json_object_get_string_member (object_of (unit), "credit_code"), ==,
                   CODE_HOSPITAL);
  g_assert_cmpint (audit_count (fx, "unit", "update"), ==, 1);

  /* the checks of the form: nothing changes */
  ok (fx, "unit", "list", "--json", NULL);
  units_before = g_strdup (fx->out);
  ok (fx, "verify", "--json", NULL);
  audit_before = g_strdup (fx->out);
  assert_user_error (fx, run (fx, "unit", "edit", "1", "--credit-code", CODE_TYPO, NULL),
                     "credit code");
  assert_user_error (fx, run (fx, "unit", "edit", "1", "--name", " ", NULL), "name");
  assert_user_error (fx, run (fx, "unit", "edit", "99", "--name", "Nobody", NULL), NULL);
  assert_usage_error (fx, run (fx, "unit", "edit", "1", "--crowded", "--not-crowded", NULL));
  ok (fx, "unit", "list", "--json", NULL);
  g_assert_cmpstr (fx->out, ==, units_before);
  ok (fx, "verify", "--json", NULL);
  g_assert_cmpstr (fx->out, ==, audit_before);

  /* equipment */
  ok (fx, "equipment", "edit", "1", "--status", "stopped", "--next-inspection", "2027-05-01", NULL);
  equipment = show_json (fx, "equipment", "1");
  g_assert_cmpstr (json_object_get_string_member (object_of (equipment), "status"), ==, "stopped");
  g_assert_cmpstr (json_object_get_string_member (object_of (equipment), "next_inspection"), ==,
                   "2027-05-01");
  g_assert_cmpstr (json_object_get_string_member (object_of (equipment), "location"), ==, "门诊楼");
  g_assert_cmpstr (json_object_get_string_member (object_of (equipment), "code"), ==,
                   "31103506002016053337");
  assert_user_error (fx, run (fx, "equipment", "edit", "1", "--code", "12345", NULL),
                     "equipment code");
  assert_user_error (fx, run (fx, "equipment", "edit", "7", "--location", "别处", NULL),
                     "equipment: there is no equipment 7");
  assert_usage_error (fx, run (fx, "equipment", "edit", "1", "--status", "flying", NULL));

  /* officers: deactivated and back */
  ok (fx, "officer", "edit", "F002", "--inactive", NULL);
  officer = show_json (fx, "officer", "F002");
  g_assert_false (json_object_get_boolean_member (object_of (officer), "active"));
  g_assert_cmpstr (json_object_get_string_member (object_of (officer), "name"), ==, "林执法");
  /* an inactive officer is not recorded as present */
  assert_user_error (fx, run (fx, "inspection", "add", "--unit", CODE_HOSPITAL, "--kind", "bureau",
                              "--date", "2026-05-21", "--officer", "M001", "--officer", "F002",
                              NULL),
                     "林执法");
  ok (fx, "officer", "edit", "F002", "--active", "--role", "manager", NULL);
  g_clear_pointer (&officer, json_node_unref);
  officer = show_json (fx, "officer", "F002");
  g_assert_true (json_object_get_boolean_member (object_of (officer), "active"));
  g_assert_cmpstr (json_object_get_string_member (object_of (officer), "role"), ==, "manager");
  assert_usage_error (fx, run (fx, "officer", "edit", "F002", "--active", "--inactive", NULL));

  /* a campaign: its days hold its inspections */
  assert_user_error (fx, run (fx, "campaign", "edit", "1", "--days", "30", NULL), "length");
  assert_user_error (fx, run (fx, "campaign", "edit", "1", "--start", "2026-05-21", NULL),
                     "start date");
  ok (fx, "campaign", "edit", "1", "--name", "春季特种设备专项行动", "--member", "F002",
      "--key-industry", "医疗", NULL);
  campaign = show_json (fx, "campaign", "1");
  g_assert_cmpstr (json_object_get_string_member (object_of (campaign), "name"), ==,
                   "春季特种设备专项行动");
  g_assert_cmpstr (json_object_get_string_member (object_of (campaign), "start_date"), ==,
                   "2026-04-01");
  g_assert_cmpint (json_object_get_int_member (object_of (campaign), "days"), ==, 60);
  g_assert_cmpint (audit_count (fx, "campaign", "update"), ==, 1);
}

static void
test_lift_stop_use (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) equipment = NULL;

  add_people_and_units (fx);
  ok (fx, "equipment", "add", "--unit", CODE_HOSPITAL, "--category", "elevator",
      "--code", "31103506002016053337", NULL);
  ok (fx, "hazard", "add", "--unit", CODE_HOSPITAL, "--equipment", "1", "--category",
      "equipment_defect", "--grade", "general", "--found", "2026-06-01", NULL);
  assert_user_error (fx, run (fx, "hazard", "add", "--unit", CODE_HOSPITAL, "--equipment", "9",
                              "--category", "equipment_defect", "--grade", "general", "--found",
                              "2026-06-01", NULL),
                     "equipment: there is no equipment 9");
  assert_user_error (fx, run (fx, "hazard", "add", "--unit", CODE_HOSPITAL, "--category",
                              "equipment_defect", "--grade", "general", "--found", "2026-07-01",
                              NULL),
                     "found on: 2026-07-01 is after today (2026-06-30)");
  ok (fx, "hazard", "escalate", "1", "--action", "stop-use", "--note", "责令停止使用",
      "--date", "2026-06-02", NULL);
  equipment = show_json (fx, "equipment", "1");
  g_assert_cmpstr (json_object_get_string_member (object_of (equipment), "status"), ==, "stopped");

  assert_user_error (fx, run (fx, "hazard", "lift-stop-use", "1", NULL), "hazard 1 is open");
  ok (fx, "hazard", "immediate", "1", "--date", "2026-06-03", "--note", "当场更换安全部件", NULL);
  ok (fx, "hazard", "lift-stop-use", "1", NULL);
  g_assert_nonnull (strstr (fx->out, "In use"));
  g_clear_pointer (&equipment, json_node_unref);
  equipment = show_json (fx, "equipment", "1");
  g_assert_cmpstr (json_object_get_string_member (object_of (equipment), "status"), ==, "in_use");
  g_assert_cmpint (audit_count (fx, "equipment", "lift-stop-use"), ==, 1);
  assert_user_error (fx, run (fx, "hazard", "lift-stop-use", "1", NULL), "not stopped");
  g_assert_cmpint (audit_count (fx, "equipment", "lift-stop-use"), ==, 1);
}

static void
test_verify (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *expected = NULL;
  gint64 row_id = 0;

  add_people_and_units (fx);
  ok (fx, "verify", NULL);
  g_assert_true (g_str_has_prefix (fx->out, "audit chain intact: "));

  /* Altering a row behind the application's back (what an attacker with
   * the file could do; the fixture asks the backend): the chain still tells. */
  row_id = test_store_forge_audit_row (fx->db, 1);

  expected = g_strdup_printf ("row %" G_GINT64_FORMAT, row_id);
  assert_user_error (fx, run (fx, "verify", NULL), expected);

  g_assert_cmpint (run (fx, "verify", "--json", NULL), ==, 1);
  root = parse_json (fx->out);
  g_assert_false (json_object_get_boolean_member (object_of (root), "intact"));
  g_assert_cmpint (json_object_get_int_member (object_of (root), "first_bad_id"), ==, row_id);
}

static void
test_backup (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fx->dir, "copy.db", NULL);
  const char *verify_copy[] = { "--db", copy, "verify", NULL };

  add_people_and_units (fx);
  ok (fx, "backup", copy, NULL);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (list_total (copy, "unit"), ==, 2);

  g_assert_cmpint (run_env (fx, NULL, verify_copy), ==, 0);

  assert_usage_error (fx, run (fx, "backup", NULL));
}

/* Starts rectify-cli --db <fixture db> args… with the test hook
 * RECTIFY_TEST_PAUSE_FILE, reads its stderr until it says it paused mid-way
 * (its partial output, if any, exists then: partial, when not NULL, is
 * asserted to exist), then sends SIGINT, or, when resume, creates the pause
 * file so it goes on.  Returns the exit status; stderr in fx->err. */
static int
run_paused (Fixture           *fx,
            const char *const *args,
            const char        *partial,
            gboolean           resume)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *pause_file = g_build_filename (fx->dir, "pause", NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "RECTIFY_TEST_PAUSE_FILE", pause_file, TRUE);
  g_autoptr(GError) error = NULL;
  GString *err = g_string_new (NULL);
  gboolean paused = FALSE;
  GPid pid;
  int err_fd, wait_status = 0;
  char buffer[4096];
  gssize n;

  g_ptr_array_add (argv, (gpointer) cli_path);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, fx->db);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_unlink (pause_file);
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv->pdata, envp,
                                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                           &pid, NULL, NULL, &err_fd, &error));
  g_assert_no_error (error);
  /* blocking reads: the child writes the line when it is at the pause */
  while ((n = read (err_fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    {
      if (n > 0)
        g_string_append_len (err, buffer, n);
      if (!paused && strstr (err->str, "rectify-cli: test pause\n"))
        {
          paused = TRUE;
          if (partial)
            g_assert_true (g_file_test (partial, G_FILE_TEST_EXISTS));
          if (resume)
            g_assert_true (g_file_set_contents (pause_file, "", 0, NULL));
          else
            g_assert_cmpint (kill (pid, SIGINT), ==, 0);
        }
    }
  close (err_fd);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_unlink (pause_file);
  g_free (fx->err);
  fx->err = g_string_free (err, FALSE);
  if (!paused)
    g_error ("rectify-cli %s never paused; stderr: %s", args[0], fx->err);
  if (!WIFEXITED (wait_status))
    g_error ("rectify-cli %s did not exit normally; stderr: %s", args[0], fx->err);
  return WEXITSTATUS (wait_status);
}

static void
assert_cancelled (Fixture *fx,
                  int      status)
{
  g_assert_cmpint (status, ==, 130);
  /* its own line, after the hook's */
  g_assert_nonnull (strstr (fx->err, "\nrectify-cli: cancelled; nothing was written\n"));
}

/* Ctrl+C in the middle of a backup, an archive, an export or an import:
 * exit 130, one line saying so, no partial file or folder, nothing in the
 * database. */
static void
test_interrupted (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fx->dir, "copy.db", NULL);
  g_autofree char *copy_partial = g_strconcat (copy, ".partial", NULL);
  g_autofree char *archive = g_build_filename (fx->dir, "archive", NULL);
  g_autofree char *archive_partial = g_strconcat (archive, ".partial", NULL);
  g_autofree char *csv = g_build_filename (fx->dir, "units.csv", NULL);
  g_autofree char *csv_partial = g_strconcat (csv, ".partial", NULL);
  g_autofree char *equipment = g_build_filename (fx->dir, "equipment.csv", NULL);
  g_autofree char *campaign = NULL;
  g_autofree char *text = NULL;
  gint64 n_equipment;

  ok (fx, "demo", "--scale", "seed", NULL);
  campaign = g_strdup_printf ("%" G_GINT64_FORMAT, printed_id (fx));
  ok (fx, "settings", "set", "default-officer", "FZ-0101", NULL);

  {
    const char *args[] = { "backup", copy, NULL };
    assert_cancelled (fx, run_paused (fx, args, copy_partial, FALSE));
    g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (copy_partial, G_FILE_TEST_EXISTS));
    /* let go instead, it finishes as usual */
    g_assert_cmpint (run_paused (fx, args, copy_partial, TRUE), ==, 0);
    g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
    g_assert_false (g_file_test (copy_partial, G_FILE_TEST_EXISTS));
  }
  {
    const char *args[] = { "archive", "--campaign", campaign, "-o", archive, "--force", NULL };
    assert_cancelled (fx, run_paused (fx, args, archive_partial, FALSE));
    g_assert_false (g_file_test (archive, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (archive_partial, G_FILE_TEST_EXISTS));
    /* the campaign was not archived */
    g_assert_cmpint (campaigns_of_status (fx, RECTIFY_CAMPAIGN_ARCHIVED), ==, 0);
  }
  {
    const char *args[] = { "export", "units", "-o", csv, NULL };
    assert_cancelled (fx, run_paused (fx, args, csv_partial, FALSE));
    g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (csv_partial, G_FILE_TEST_EXISTS));
  }
  {
    const char *args[] = { "import", "equipment", equipment, NULL };

    text = g_strdup_printf ("使用单位统一社会信用代码,设备类别,设备代码\r\n%s,3000,311035010201009999\r\n",
                            CODE_HOSPITAL);
    ok (fx, "unit", "add", "--name", "鼓楼医院", "--credit-code", CODE_HOSPITAL, NULL);
    g_assert_true (g_file_set_contents (equipment, text, -1, NULL));
    n_equipment = list_total (fx->db, "equipment");
    assert_cancelled (fx, run_paused (fx, args, NULL, FALSE));
    g_assert_cmpint (list_total (fx->db, "equipment"), ==, n_equipment);
  }
}


static void
test_import_export (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fx->dir, "equipment.csv", NULL);
  g_autofree char *dup = g_build_filename (fx->dir, "dup.csv", NULL);
  g_autofree char *out = g_build_filename (fx->dir, "units.csv", NULL);
  g_autofree char *xlsx = g_build_filename (fx->dir, "units.xlsx", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *report;

  add_people_and_units (fx);
  text = g_strdup_printf ("使用单位统一社会信用代码,设备类别,设备代码,使用登记证编号,下次检验日期,备注\r\n"
                          "%s,3000,311035010201000000,梯11闽A00000(10),2026/9/1,东楼\r\n"
                          "%s,电梯,311035010201000001,梯11闽A00001(10),2026-10-01,\r\n",
                          CODE_HOSPITAL, CODE_PLANT);
  g_assert_true (g_file_set_contents (csv, text, -1, NULL));

  /* a dry run reports and writes nothing */
  ok (fx, "import", "equipment", csv, "--dry-run", "--json", NULL);
  root = parse_json (fx->out);
  report = object_of (root);
  g_assert_cmpint (json_object_get_int_member (report, "rows"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (report, "added"), ==, 2);
  g_assert_false (json_object_get_boolean_member (report, "written"));
  g_assert_cmpint (json_object_get_int_member (report, "problem_count"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (report, "encoding"), ==, "UTF-8");
  g_assert_true (json_object_get_null_member (item (json_object_get_array_member (report, "columns"), 5), "field"));
  g_assert_cmpint (list_total (fx->db, "equipment"), ==, 0);

  ok (fx, "import", "equipment", csv, NULL);
  g_assert_nonnull (strstr (fx->out, "Added: 2"));
  g_assert_nonnull (strstr (fx->out, "“备注”: not imported"));
  g_assert_cmpint (equipment_next_inspected (fx, "2026-09-01"), ==, 1);
  /* again: the codes exist, skipped unless --update */
  ok (fx, "import", "equipment", csv, NULL);
  g_assert_nonnull (strstr (fx->out, "skipped (already there): 2"));
  g_assert_cmpint (list_total (fx->db, "equipment"), ==, 2);

  /* a code twice in the file: exit 1, where and what, nothing written */
  g_free (text);
  text = g_strdup_printf ("Unit credit code,Category,Equipment code\n%s,3000,311035010201000007\n"
                          "%s,3000,311035010201000007\n", CODE_HOSPITAL, CODE_HOSPITAL);
  g_assert_true (g_file_set_contents (dup, text, -1, NULL));
  assert_user_error (fx, run (fx, "import", "equipment", dup, NULL), "line 3, column 3");
  g_assert_nonnull (strstr (fx->out, "Line 3, column 3: Equipment code:"));
  g_assert_cmpint (list_total (fx->db, "equipment"), ==, 2);

  assert_usage_error (fx, run (fx, "import", "equipment", NULL));
  assert_user_error (fx, run (fx, "import", "units", "/nonexistent/file.csv", NULL), "cannot open");

  /* export with a filter: the crowded hospital only */
  ok (fx, "export", "units", "-o", out, "--crowded", NULL);
  g_assert_nonnull (strstr (fx->out, "1 row written"));
  g_free (text);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf" "Credit code,Name,"));
  g_assert_nonnull (strstr (text, "福州市第一医院"));
  g_assert_null (strstr (text, "Minjiang"));

  ok (fx, "export", "units", "-o", xlsx, "--json", NULL);
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (fx->out);
  g_assert_cmpstr (json_object_get_string_member (object_of (root), "format"), ==, "xlsx");
  g_assert_cmpint (json_object_get_int_member (object_of (root), "rows"), ==, 2);
  g_free (text);
  g_assert_true (g_file_get_contents (xlsx, &text, NULL, NULL));
  g_assert_cmpmem (text, 4, "PK\003\004", 4);
  assert_usage_error (fx, run (fx, "export", "units", "-o", out, "--format", "ods", NULL));
  assert_usage_error (fx, run (fx, "export", "units", NULL));
}

/* Operators' ID card numbers leave masked unless --full-id-numbers */
static void
test_export_id_numbers (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fx->dir, "operators.csv", NULL);
  g_autofree char *units = g_build_filename (fx->dir, "units.csv", NULL);
  g_autofree char *text = NULL;

  add_people_and_units (fx);
  ok (fx, "operator", "add", "--unit", CODE_HOSPITAL, "--name", "王伟", "--id-number", "11010519491231002X",
      "--cert-no", "TZ-0001", NULL);

  ok (fx, "export", "operators", "-o", out, NULL);
  g_assert_nonnull (strstr (fx->out, "1 row written"));
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, ",王伟,110105********002X,TZ-0001,"));
  g_assert_null (strstr (text, "11010519491231002X"));
  g_clear_pointer (&text, g_free);

  ok (fx, "export", "operators", "-o", out, "--full-id-numbers", NULL);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, ",王伟,11010519491231002X,TZ-0001,"));

  /* the other lists have no ID numbers to write whole */
  assert_usage_error (fx, run (fx, "export", "units", "-o", units, "--full-id-numbers", NULL));
  g_assert_nonnull (strstr (fx->err, "--full-id-numbers"));
  g_assert_false (g_file_test (units, G_FILE_TEST_EXISTS));
}

static void
test_restore (Fixture       *fx,
              gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fx->dir, "copy.db", NULL);
  g_autofree char *junk = g_build_filename (fx->dir, "junk.db", NULL);
  g_autoptr(JsonNode) root = NULL;
  const char *aside;

  add_people_and_units (fx);
  ok (fx, "backup", copy, NULL);
  ok (fx, "unit", "add", "--credit-code", CODE_SCHOOL, "--name", "School", NULL);
  g_assert_cmpint (list_total (fx->db, "unit"), ==, 3);

  if (g_str_equal (test_store_backend (), "postgresql"))
    {
      /* a server is not overwritten by a desk's file: refused, nothing changed */
      assert_user_error (fx, run (fx, "restore", copy, NULL), "restore:");
      g_assert_nonnull (strstr (fx->err, "bureau server database"));
      g_assert_cmpint (list_total (fx->db, "unit"), ==, 3);
      /* the backup itself is a Rectify file with the two units */
      g_assert_cmpint (list_total (copy, "unit"), ==, 2);
      return;
    }
  g_assert_true (g_file_set_contents (junk, "no database", -1, NULL));
  assert_user_error (fx, run (fx, "restore", junk, NULL), "not a rectify database");
  g_assert_cmpint (list_total (fx->db, "unit"), ==, 3);

  ok (fx, "restore", copy, "--json", NULL);
  root = parse_json (fx->out);
  aside = json_object_get_string_member (object_of (root), "kept_aside");
  g_assert_nonnull (strstr (aside, ".before-restore-"));
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (list_total (fx->db, "unit"), ==, 2);
  ok (fx, "verify", NULL);
  assert_usage_error (fx, run (fx, "restore", NULL));
}

/* Every write names its officer: --as, or the user's default officer for
 * this database; without either a write is refused, exit 1, with the way
 * out, and the database is as it was.  init, demo and the very first
 * officer need nobody. */
static void
test_acting_officer (Fixture    *fx,
                     gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ok (fx, "init", NULL);
  ok (fx, "officer", "add", "--badge", "M001", "--name", "陈局长", "--role", "manager", NULL);
  before = test_store_checksum (fx->db);

  /* the second officer needs someone to add them */
  g_assert_cmpint (run (fx, "officer", "add", "--badge", "F002", "--name", "林执法", NULL), ==, 1);
  g_assert_nonnull (strstr (fx->err, "No officer is acting"));
  g_assert_nonnull (strstr (fx->err, "--as"));
  g_assert_nonnull (strstr (fx->err, "settings set default-officer"));
  g_assert_cmpint (run (fx, "unit", "add", "--credit-code", CODE_HOSPITAL, "--name", "福州市第一医院", NULL), ==, 1);
  g_assert_nonnull (strstr (fx->err, "No officer is acting"));
  g_assert_cmpint (run (fx, "settings", "set", "bureau-name", "福州市市场监督管理局", NULL), ==, 1);
  after = test_store_checksum (fx->db);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* reads need nobody */
  ok (fx, "officer", "list", NULL);
  ok (fx, "verify", NULL);

  /* --as names the officer for one command */
  ok (fx, "--as", "M001", "officer", "add", "--badge", "F002", "--name", "林执法", NULL);
  ok (fx, "--json", "--as", "F002", "unit", "add", "--credit-code", CODE_HOSPITAL, "--name", "福州市第一医院", NULL);
  {
    g_autoptr(RectifyStore) store = test_store_open (fx->db, NULL);
    g_autoptr(GPtrArray) audit = rectify_store_list_audit (store, 1, NULL);
    RectifyAuditEntry *last = g_ptr_array_index (audit, 0);
    g_assert_cmpstr (last->entity, ==, "unit");
    g_assert_cmpstr (last->officer_name, ==, "林执法");
  }

  /* the default officer, set once, is this user's for this database */
  assert_user_error (fx, run (fx, "settings", "set", "default-officer", "X999", NULL), "x999");
  ok (fx, "settings", "set", "default-officer", "M001", NULL);
  ok (fx, "settings", "get", "default-officer", NULL);
  g_assert_cmpstr (fx->out, ==, "M001\n");
  ok (fx, "settings", "set", "bureau-name", "福州市市场监督管理局", NULL);
  ok (fx, "settings", "get", "bureau-name", NULL);
  g_assert_cmpstr (fx->out, ==, "福州市市场监督管理局\n");
  ok (fx, "settings", "list", NULL);
  g_assert_nonnull (strstr (fx->out, "bureau-name = 福州市市场监督管理局"));
  g_assert_nonnull (strstr (fx->out, "default-officer = M001"));
  assert_usage_error (fx, run (fx, "settings", "set", "bureau-nmae", "x", NULL));
  assert_user_error (fx, run (fx, "settings", "set", "document-language", "fr", NULL), "document language");

  /* an officer made inactive can no longer act, by default or with --as */
  ok (fx, "settings", "set", "default-officer", "F002", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RectifyStore) store = test_store_open (fx->db, &error);
    g_autoptr(RectifyOfficer) o = NULL;
    gint64 id = 0, manager = 0;
    g_assert_true (rectify_store_find_officer (store, "F002", &id, &error));
    g_assert_true (rectify_store_find_officer (store, "M001", &manager, &error));
    g_assert_true (rectify_store_set_actor (store, manager, &error));
    o = rectify_store_get_officer (store, id, &error);
    o->active = FALSE;
    g_assert_true (rectify_store_update_officer (store, o, &error));
    g_assert_no_error (error);
  }
  g_free (before);
  before = test_store_checksum (fx->db);
  g_assert_cmpint (run (fx, "unit", "add", "--credit-code", CODE_PLANT, "--name", "Minjiang Power Plant", NULL), ==, 1);
  g_assert_nonnull (strstr (fx->err, "default-officer F002"));
  g_assert_nonnull (strstr (fx->err, "no longer active"));
  g_assert_cmpint (run (fx, "--as", "F002", "unit", "add", "--credit-code", CODE_PLANT, "--name", "Minjiang Power Plant", NULL), ==, 1);
  g_assert_nonnull (strstr (fx->err, "no longer active"));
  after = test_store_checksum (fx->db);
  g_assert_cmpstr (after, ==, before);
  ok (fx, "--as", "M001", "unit", "add", "--credit-code", CODE_PLANT, "--name", "Minjiang Power Plant", NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("RECTIFY_CLI");
  if (cli_path == NULL || !g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      /* Run through meson, which names the built program. */
      g_print ("1..0 # SKIP RECTIFY_CLI does not name the built rectify-cli\n");
      return 0;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/init", test_init);
  ADD ("/cli/default-path", test_default_path);
  ADD ("/cli/missing-database", test_missing_database);
  ADD ("/cli/usage", test_usage);
  ADD ("/cli/help", test_help);
  ADD ("/cli/officers-and-units", test_officers_and_units);
  ADD ("/cli/edit", test_edit);
  ADD ("/cli/lift-stop-use", test_lift_stop_use);
  ADD ("/cli/acting-officer", test_acting_officer);
  ADD ("/cli/bad-credit-code", test_bad_credit_code);
  ADD ("/cli/demo-stats", test_demo_stats);
  ADD ("/cli/hazard-path", test_hazard_path);
  ADD ("/cli/inspection", test_inspection);
  ADD ("/cli/inspection-edit-delete", test_inspection_edit_delete);
  ADD ("/cli/visits", test_visits);
  ADD ("/cli/letters", test_letters);
  ADD ("/cli/verify", test_verify);
  ADD ("/cli/backup", test_backup);
  ADD ("/cli/interrupted", test_interrupted);
  ADD ("/cli/import-export", test_import_export);
  ADD ("/cli/export-id-numbers", test_export_id_numbers);
  ADD ("/cli/restore", test_restore);

#undef ADD

  return g_test_run ();
}
