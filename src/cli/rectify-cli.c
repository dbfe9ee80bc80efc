/* rectify-cli.c: command dispatch, option parsing and exit statuses of rectify-cli
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "rectify-cli.h"
#include "rectify-pdf-issue.h"
#include "rectify-validate.h"

G_DEFINE_QUARK (rectify - cli - error - quark, rectify_cli_error)

static const RectifyCliCommand commands[] = {
  { "init", NULL, N_ ("Create the database or upgrade it to this version"), rectify_cli_init },
  { "demo", NULL, N_ ("Fill an empty database with sample data"), rectify_cli_demo },
  { "officer", "add", N_ ("Add a law-enforcement officer"), rectify_cli_officer_add },
  { "officer", "list", N_ ("List the officers"), rectify_cli_officer_list },
  { "officer", "show", N_ ("Show one officer"), rectify_cli_officer_show },
  { "officer", "edit", N_ ("Change an officer: name, role, whether active"),
    rectify_cli_officer_edit },
  { "campaign", "add", N_ ("Add a campaign"), rectify_cli_campaign_add },
  { "campaign", "list", N_ ("List the campaigns"), rectify_cli_campaign_list },
  { "campaign", "show", N_ ("Show one campaign"), rectify_cli_campaign_show },
  { "campaign", "edit", N_ ("Change a campaign: name, days, leading group, plan, focus"),
    rectify_cli_campaign_edit },
  { "unit", "add", N_ ("Add a unit that uses special equipment"), rectify_cli_unit_add },
  { "unit", "list", N_ ("List the units"), rectify_cli_unit_list },
  { "unit", "show", N_ ("Show one unit"), rectify_cli_unit_show },
  { "unit", "edit", N_ ("Change a unit's registration"), rectify_cli_unit_edit },
  { "equipment", "add", N_ ("Register a piece of special equipment"), rectify_cli_equipment_add },
  { "equipment", "list", N_ ("List the equipment"), rectify_cli_equipment_list },
  { "equipment", "show", N_ ("Show one piece of equipment"), rectify_cli_equipment_show },
  { "equipment", "edit", N_ ("Change a piece of equipment: status, location, inspection dates"),
    rectify_cli_equipment_edit },
  { "operator", "add", N_ ("Add an equipment operator"), rectify_cli_operator_add },
  { "operator", "list", N_ ("List the operators"), rectify_cli_operator_list },
  { "operator", "show", N_ ("Show one operator"), rectify_cli_operator_show },
  { "inspection", "add", N_ ("Record an inspection"), rectify_cli_inspection_add },
  { "inspection", "list", N_ ("List the inspections"), rectify_cli_inspection_list },
  { "inspection", "show", N_ ("Show one inspection"), rectify_cli_inspection_show },
  { "inspection", "edit", N_ ("Correct a recorded inspection"), rectify_cli_inspection_edit },
  { "inspection", "delete", N_ ("Delete an inspection no hazard or planned visit depends on"),
    rectify_cli_inspection_delete },
  { "visit", "add", N_ ("Plan a back-check or re-inspection of a unit's hazard"),
    rectify_cli_visit_add },
  { "visit", "list", N_ ("List the planned back-checks and re-inspections"),
    rectify_cli_visit_list },
  { "visit", "cancel", N_ ("Cancel a pending planned visit"), rectify_cli_visit_cancel },
  { "hazard", "add", N_ ("Register a hazard"), rectify_cli_hazard_add },
  { "hazard", "implement", N_ ("Set the five implementations of a hazard"),
    rectify_cli_hazard_implement },
  { "hazard", "track", N_ ("Record a tracking visit of a hazard"), rectify_cli_hazard_track },
  { "hazard", "immediate", N_ ("Record that a hazard was rectified on site"),
    rectify_cli_hazard_immediate },
  { "hazard", "rectify", N_ ("Record that the unit reports a hazard rectified"),
    rectify_cli_hazard_rectify },
  { "hazard", "confirm", N_ ("Confirm the rectification on site and cancel the hazard"),
    rectify_cli_hazard_confirm },
  { "hazard", "reject", N_ ("Reject a reported rectification"), rectify_cli_hazard_reject },
  { "hazard", "escalate", N_ ("Penalise, order to stop use, or report a hazard as major"),
    rectify_cli_hazard_escalate },
  { "hazard", "lift-stop-use",
    N_ ("Put the equipment back in use once the hazard that ordered it stopped is closed"),
    rectify_cli_hazard_lift_stop_use },
  { "hazard", "list", N_ ("List the hazards"), rectify_cli_hazard_list },
  { "hazard", "show", N_ ("Show a hazard with its tracking log"), rectify_cli_hazard_show },
  { "hazard", "categories", N_ ("List the hazard categories"), rectify_cli_hazard_categories },
  { "letter", "issue", N_ ("Issue a numbered instruction letter or rectification opinion"),
    rectify_cli_letter_issue },
  { "letter", "void", N_ ("Void an issued letter"), rectify_cli_letter_void },
  { "letter", "list", N_ ("List the letters"), rectify_cli_letter_list },
  { "letter", "show", N_ ("Show one letter"), rectify_cli_letter_show },
  { "pdf", "letter", N_ ("Write the PDF of an issued letter as it was stored at issue"),
    rectify_cli_pdf_letter },
  { "pdf", "summary", N_ ("Write the work summary of a campaign, its figures from the data"),
    rectify_cli_pdf_summary },
  { "stats", NULL, N_ ("Show the campaign figures"), rectify_cli_stats },
  { "archive", NULL, N_ ("Write the archive folder of a campaign and mark the campaign archived"),
    rectify_cli_archive },
  { "verify", NULL,
    N_ ("Verify the hash chain of the audit log, or an archive folder against its manifest"),
    rectify_cli_verify },
  { "backup", NULL, N_ ("Copy the database to a file while it is in use"), rectify_cli_backup },
  { "restore", NULL, N_ ("Replace the database by a backup, keeping the current one aside"),
    rectify_cli_restore },
  { "import", "units", N_ ("Import units from a CSV file, all rows or none"),
    rectify_cli_import_units },
  { "import", "equipment", N_ ("Import equipment from a CSV file, all rows or none"),
    rectify_cli_import_equipment },
  { "import", "operators", N_ ("Import operators from a CSV file, all rows or none"),
    rectify_cli_import_operators },
  { "export", "units", N_ ("Export the units to CSV or XLSX"), rectify_cli_export_units },
  { "export", "equipment", N_ ("Export the equipment to CSV or XLSX"),
    rectify_cli_export_equipment },
  { "export", "operators", N_ ("Export the operators to CSV or XLSX"),
    rectify_cli_export_operators },
  { "export", "hazards", N_ ("Export the hazards to CSV or XLSX"), rectify_cli_export_hazards },
  { "export", "inspections", N_ ("Export the inspections to CSV or XLSX"),
    rectify_cli_export_inspections },
  { "export", "documents",
    N_ ("Export the instruction letters and rectification opinions to CSV or XLSX"),
    rectify_cli_export_documents },
  { "settings", "list", N_ ("List the bureau's settings and your default officer"),
    rectify_cli_settings_list },
  { "settings", "get", N_ ("Print the value of one setting"), rectify_cli_settings_get },
  { "settings", "set",
    N_ ("Change a setting of the bureau (audited), or set your default officer for this database"),
    rectify_cli_settings_set },
  { "settings", "setup",
    N_ ("Set up the bureau before its first document: name, district, number prefixes, "
        "signatory, document language"),
    rectify_cli_settings_setup },
  { "server", "init",
    N_ ("Make an empty server database a bureau's: its tables, owner, group roles and grants"),
    rectify_cli_server_init },
  { "server", "add-officer", N_ ("Add an officer with their own login role on the server"),
    rectify_cli_server_add_officer },
};

static const struct
{
  const char *group;
  const char *summary;
} groups[] = {
  { "officer", N_ ("Law-enforcement officers") },
  { "campaign", N_ ("Time-boxed safety campaigns") },
  { "unit", N_ ("Units that use special equipment") },
  { "equipment", N_ ("Registered special equipment") },
  { "operator", N_ ("Equipment operators and their licences") },
  { "inspection", N_ ("Inspections and their 3-2-1-1 checklist") },
  { "visit", N_ ("Planned back-checks and re-inspections") },
  { "hazard", N_ ("Hazards from finding to cancellation") },
  { "letter", N_ ("Instruction letters and rectification opinions") },
  { "pdf", N_ ("PDF files of issued documents and campaign summaries") },
  { "import", N_ ("Units, equipment and operators from spreadsheets (CSV)") },
  { "export", N_ ("Lists to CSV or XLSX") },
  { "settings", N_ ("The bureau's settings and the officer who acts by default") },
  { "server", N_ ("A bureau's database on a PostgreSQL server: roles and logins") },
};

/* ---- global options ------------------------------------------------------ */

static gboolean
on_db_option_cb (const char *option_name, const char *value, gpointer data, GError **error)
{
  RectifyCli *cli = data;

  g_free (cli->db_path);
  cli->db_path = g_strdup (value);
  return TRUE;
}

static gboolean
on_as_option_cb (const char *option_name, const char *value, gpointer data, GError **error)
{
  RectifyCli *cli = data;

  g_free (cli->as);
  cli->as = g_strdup (value);
  return TRUE;
}

static gboolean
on_json_option_cb (const char *option_name, const char *value, gpointer data, GError **error)
{
  RectifyCli *cli = data;

  cli->json = TRUE;
  return TRUE;
}

static const GOptionEntry global_entries[]
    = { { "db", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, (gpointer)on_db_option_cb,
          N_ ("Database file, or a server database (postgresql://HOST/DATABASE, service=NAME); "
              "default: rectify/rectify.db in the user data folder"),
          N_ ("PATH") },
        { "as", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer)on_as_option_cb,
          N_ ("Act as this officer (id or badge), named in the audit log"), N_ ("OFFICER") },
        { "json", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, (gpointer)on_json_option_cb,
          N_ ("Print results as JSON"), NULL },
        G_OPTION_ENTRY_NULL };

static GOptionContext *
context_new (RectifyCli *cli, const GOptionEntry *entries, const char *params, const char *summary)
{
  GOptionContext *context = g_option_context_new (params);
  GOptionGroup *group = g_option_group_new ("rectify-cli", summary, summary, cli, NULL);

  /* the options' descriptions are translated through the group, not the context */
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);

  if (entries)
    g_option_group_add_entries (group, entries);
  g_option_group_add_entries (group, global_entries);
  g_option_context_set_main_group (context, group);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary)
    g_option_context_set_summary (context, summary);
  return context;
}

gboolean
rectify_cli_parse (RectifyCli *cli,
                   const GOptionEntry *entries,
                   const char *params,
                   int *argc,
                   char ***argv,
                   GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autofree char *prgname = g_strdup_printf ("rectify-cli %s", cli->command_line);

  /* The usage line of --help is "<prgname> [OPTION…] <params>". */
  g_set_prgname (prgname);
  context = context_new (cli, entries, params, cli->command->summary);
  return g_option_context_parse (context, argc, argv, error);
}

gboolean
rectify_cli_expect_args (
    RectifyCli *cli, int argc, char **argv, int n_wanted, const char *what, GError **error)
{
  if (argc - 1 < n_wanted)
    return rectify_cli_usage_error (error, _ ("%s is missing"), what);
  if (argc - 1 > n_wanted)
    return rectify_cli_usage_error (error, _ ("unexpected argument “%s”"), argv[n_wanted + 1]);
  return TRUE;
}

/* ---- list options -------------------------------------------------------- */

void
rectify_cli_list_options_clear (RectifyCliListOptions *opts)
{
  g_clear_pointer (&opts->search, g_free);
  g_clear_pointer (&opts->sort, g_free);
  g_clear_pointer (&opts->limit, g_free);
  g_clear_pointer (&opts->offset, g_free);
  g_clear_pointer (&opts->as_of, g_free);
}

gboolean
rectify_cli_parse_list (RectifyCli *cli,
                        const GOptionEntry *entries,
                        RectifyCliListOptions *opts,
                        gboolean with_as_of,
                        int *argc,
                        char ***argv,
                        GError **error)
{
  const GOptionEntry list_entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &opts->search, N_ ("Only records matching these words"),
      N_ ("WORDS") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &opts->sort, N_ ("Sort by this column"), N_ ("KEY") },
    { "desc", 0, 0, G_OPTION_ARG_NONE, &opts->descending, N_ ("Sort in descending order"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_STRING, &opts->limit,
      N_ ("Show at most N records (default 50; 0 shows all)"), "N" },
    { "offset", 0, 0, G_OPTION_ARG_STRING, &opts->offset, N_ ("Skip the first N matching records"),
      "N" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &opts->as_of,
      N_ ("Judge dates (overdue, expired) as of this day (default: today)"), N_ ("DATE") },
    G_OPTION_ENTRY_NULL
  };
  gsize n_own = 0, n_list = G_N_ELEMENTS (list_entries) - (with_as_of ? 1 : 2);
  g_autofree GOptionEntry *all = NULL;

  while (entries && entries[n_own].long_name)
    n_own++;
  all = g_new0 (GOptionEntry, n_own + n_list + 1);
  if (n_own)
    memcpy (all, entries, n_own * sizeof (GOptionEntry));
  memcpy (all + n_own, list_entries, n_list * sizeof (GOptionEntry));

  return rectify_cli_parse (cli, all, NULL, argc, argv, error)
         && rectify_cli_expect_args (cli, *argc, *argv, 0, NULL, error);
}

gboolean
rectify_cli_list_options_apply (const RectifyCliListOptions *opts, RectifyQuery *q, GError **error)
{
  q->search = opts->search;
  q->sort = opts->sort;
  q->descending = opts->descending;
  q->limit = 50;
  q->as_of = opts->as_of;
  if (opts->limit
      && !rectify_cli_parse_int ("--limit", opts->limit, 0, G_MAXINT32, &q->limit, error))
    return FALSE;
  if (opts->offset
      && !rectify_cli_parse_int ("--offset", opts->offset, 0, G_MAXINT64, &q->offset, error))
    return FALSE;
  /* Not every list reads it, so the store may not look at it. */
  if (opts->as_of && !rectify_validate_date ("--as-of", opts->as_of, error))
    return FALSE;
  return TRUE;
}

gboolean
rectify_cli_parse_list_query (RectifyCli *cli,
                              const GOptionEntry *entries,
                              RectifyCliListOptions *opts,
                              gboolean with_as_of,
                              RectifyQuery *q,
                              int *argc,
                              char ***argv,
                              GError **error)
{
  return rectify_cli_parse_list (cli, entries, opts, with_as_of, argc, argv, error)
         && rectify_cli_list_options_apply (opts, q, error);
}

/* ---- values -------------------------------------------------------------- */

gboolean
rectify_cli_usage_error (GError **error, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error,
                     g_error_new_valist (RECTIFY_CLI_ERROR, RECTIFY_CLI_ERROR_USAGE, format, args));
  va_end (args);
  return FALSE;
}

gboolean
rectify_cli_require (const char *option, const void *value, GError **error)
{
  if (value == NULL)
    return rectify_cli_usage_error (error, _ ("%s is required"), option);
  return TRUE;
}

gboolean
rectify_cli_parse_int (
    const char *option, const char *text, gint64 min, gint64 max, gint64 *out, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (g_ascii_string_to_signed (text, 10, min, max, out, &local_error))
    return TRUE;
  if (g_error_matches (local_error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
    {
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);
      return rectify_cli_usage_error (error, _ ("%s: %s is out of range (%s to %s)"), option, text,
                                      low, high);
    }
  return rectify_cli_usage_error (error, _ ("%s: “%s” is not a whole number"), option, text);
}

gboolean
rectify_cli_parse_id (const char *option, const char *text, gint64 *out, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, out, &local_error))
    return TRUE;
  return rectify_cli_usage_error (error, _ ("%s: “%s” is not a record id (a positive number)"),
                                  option, text);
}

gboolean
rectify_cli_parse_optional_id (const char *option, const char *text, gint64 *out, GError **error)
{
  *out = 0;
  return text == NULL || rectify_cli_parse_id (option, text, out, error);
}

static char *
normalize_choice (const char *text)
{
  char *s = g_ascii_strdown (text, -1);

  g_strdelimit (s, "-", '_');
  return s;
}

gboolean
rectify_cli_parse_choice (const char *option,
                          const char *text,
                          const char *const *codes,
                          const char **out_code,
                          GError **error)
{
  g_autofree char *wanted = normalize_choice (text);
  g_autofree char *joined = NULL;

  for (guint i = 0; codes[i]; i++)
    {
      g_autofree char *code = normalize_choice (codes[i]);
      if (strcmp (code, wanted) == 0)
        {
          *out_code = codes[i];
          return TRUE;
        }
    }
  joined = rectify_codes_joined (codes);
  return rectify_cli_usage_error (error, _ ("%s: “%s” is not one of %s"), option, text, joined);
}

static const struct
{
  const char *name;
  RectifyCategory category;
} category_names[] = {
  { "boiler", RECTIFY_CATEGORY_BOILER },
  { "pressure_vessel", RECTIFY_CATEGORY_PRESSURE_VESSEL },
  { "gas_cylinder", RECTIFY_CATEGORY_GAS_CYLINDER },
  { "elevator", RECTIFY_CATEGORY_ELEVATOR },
  { "lifting", RECTIFY_CATEGORY_LIFTING },
  { "vehicle", RECTIFY_CATEGORY_VEHICLE },
  { "amusement", RECTIFY_CATEGORY_AMUSEMENT },
  { "piping", RECTIFY_CATEGORY_PIPING },
  { "ropeway", RECTIFY_CATEGORY_ROPEWAY },
};

gboolean
rectify_cli_parse_category (const char *option,
                            const char *text,
                            RectifyCategory *out,
                            GError **error)
{
  g_autofree char *wanted = normalize_choice (text);
  g_autoptr (GString) names = g_string_new (NULL);

  if (rectify_category_from_code (wanted, out))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (category_names); i++)
    {
      if (strcmp (category_names[i].name, wanted) == 0)
        {
          *out = category_names[i].category;
          return TRUE;
        }
      g_string_append_printf (names, "%s%s (%s)", i > 0 ? ", " : "", category_names[i].name,
                              rectify_category_to_code (category_names[i].category));
    }
  return rectify_cli_usage_error (error, _ ("%s: “%s” is not an equipment category; use one of %s"),
                                  option, text, names->str);
}

gboolean
rectify_cli_find_unit (RectifyCli *cli, const char *text, gint64 *out, GError **error)
{
  g_assert (cli->store != NULL);
  return rectify_store_find_unit (cli->store, text, out, error);
}

gboolean
rectify_cli_find_officer (RectifyCli *cli, const char *text, gint64 *out, GError **error)
{
  g_assert (cli->store != NULL);
  return rectify_store_find_officer (cli->store, text, out, error);
}

char *
rectify_cli_join_lines (char **items)
{
  if (items == NULL)
    return NULL;
  return g_strjoinv ("\n", items);
}

gboolean
rectify_cli_find_officers (RectifyCli *cli, char **texts, GArray *out, GError **error)
{
  for (guint i = 0; texts && texts[i]; i++)
    {
      gint64 officer_id;
      if (!rectify_cli_find_officer (cli, texts[i], &officer_id, error))
        return FALSE;
      g_array_append_val (out, officer_id);
    }
  return TRUE;
}

gboolean
rectify_cli_parse_language (const char *text, RectifyPdfLanguage *out, GError **error)
{
  if (text && !rectify_pdf_language_from_code (text, out))
    return rectify_cli_usage_error (
        error, _ ("--language: “%s” is not a document language; use zh_CN or en"), text);
  return TRUE;
}

/* ---- the database -------------------------------------------------------- */

RectifyStore *
rectify_cli_open_store (RectifyCli *cli, gboolean create, GError **error)
{
  g_autofree char *path = NULL;
  GStatBuf st;

  if (cli->store)
    return cli->store;

  path = cli->db_path ? g_strdup (cli->db_path) : rectify_store_default_path ();
  if (rectify_store_location_is_server (path))
    ; /* the server says whether the database is there */
  else if (create)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      /* The default folder does not exist before the first run. */
      g_mkdir_with_parents (dir, 0700);
    }
  else if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                   _ ("There is no database at %s; create it with “rectify-cli init”"), path);
      return NULL;
    }
  else if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_RECTIFY,
                   _ ("%s is an empty file (0 bytes), not a database; restore a backup into it "
                      "with “rectify-cli restore BACKUP”, or make it a new database with "
                      "“rectify-cli init”"),
                   path);
      return NULL;
    }

  /* only the commands that create (init, demo) make an empty file a database */
  cli->store = create ? rectify_store_create (path, error) : rectify_store_open (path, error);
  if (cli->store == NULL)
    return NULL;
  rectify_pdf_set_store_renderer (cli->store);

  if (cli->as)
    {
      gint64 officer_id = 0;

      if (!rectify_store_find_officer (cli->store, cli->as, &officer_id, error)
          || !rectify_store_set_actor (cli->store, officer_id, error))
        {
          g_prefix_error (error, "--as: ");
          g_clear_object (&cli->store);
          return NULL;
        }
    }
  else
    {
      /* The default officer acts for reads and writes alike; one who can no
       * longer be found or act is named when a write is refused. */
      g_autofree char *badge = rectify_cli_default_officer (path);
      g_autoptr (GError) local = NULL;
      gint64 officer_id = 0;

      if (badge
          && (!rectify_store_find_officer (cli->store, badge, &officer_id, &local)
              || !rectify_store_set_actor (cli->store, officer_id, &local)))
        cli->default_problem = g_strdup_printf ("default-officer %s: %s", badge, local->message);
    }
  return cli->store;
}

RectifyStore *
rectify_cli_open_store_unit (RectifyCli *cli, const char *unit, gint64 *unit_id, GError **error)
{
  RectifyStore *store = rectify_cli_open_store (cli, FALSE, error);

  if (store == NULL || (unit && !rectify_cli_find_unit (cli, unit, unit_id, error)))
    return NULL;
  return store;
}

RectifyStore *
rectify_cli_parse_and_open (RectifyCli *cli,
                            const GOptionEntry *entries,
                            const char *params,
                            int n_args,
                            int *argc,
                            char ***argv,
                            GError **error)
{
  if (!rectify_cli_parse (cli, entries, params, argc, argv, error)
      || !rectify_cli_expect_args (cli, *argc, *argv, n_args, params, error))
    return NULL;
  return rectify_cli_open_store (cli, FALSE, error);
}

RectifyStore *
rectify_cli_parse_and_open_id (RectifyCli *cli,
                               const GOptionEntry *entries,
                               const char *params,
                               const char *what,
                               int *argc,
                               char ***argv,
                               gint64 *id,
                               GError **error)
{
  RectifyStore *store = rectify_cli_parse_and_open (cli, entries, params, 1, argc, argv, error);

  if (store == NULL || !rectify_cli_parse_id (what, (*argv)[1], id, error))
    return NULL;
  return store;
}

gboolean
rectify_cli_parse_id_arg (RectifyCli *cli,
                          const GOptionEntry *entries,
                          const char *params,
                          const char *what,
                          int *argc,
                          char ***argv,
                          gint64 *id,
                          GError **error)
{
  return rectify_cli_parse (cli, entries, params, argc, argv, error)
         && rectify_cli_expect_args (cli, *argc, *argv, 1, params, error)
         && rectify_cli_parse_id (what, (*argv)[1], id, error);
}

/* ---- dispatch ------------------------------------------------------------ */

static const char *
group_summary (const char *group)
{
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    if (strcmp (groups[i].group, group) == 0)
      return _ (groups[i].summary);
  return "";
}

static char *
commands_description (void)
{
  GString *s = g_string_new (_ ("Commands:"));
  const char *last_group = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const RectifyCliCommand *c = &commands[i];

      if (g_strcmp0 (last_group, c->group) == 0)
        continue;
      last_group = c->group;
      g_string_append_printf (s, "\n  %-12s %s", c->group,
                              c->name ? group_summary (c->group) : _ (c->summary));
    }
  g_string_append (s, "\n\n");
  g_string_append (s, _ ("Run “rectify-cli COMMAND --help” for the subcommands and options "
                         "of a command."));
  g_string_append (s, "\n");
  g_string_append (s, _ ("Exit status: 0 success, 1 the request was refused, 2 bad usage."));
  g_string_append (s, "\n");
  g_string_append (s, _ ("Exit status 130: interrupted (Ctrl+C or SIGTERM); nothing was written."));
  return g_string_free (s, FALSE);
}

static void
print_group_help (const char *group)
{
  g_autoptr (GString) s = g_string_new (NULL);

  g_string_append_printf (s, "%s\n  rectify-cli %s %s\n\n%s\n\n%s\n", _ ("Usage:"), group,
                          _ ("SUBCOMMAND [OPTION…]"), group_summary (group), _ ("Subcommands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].group, group) == 0 && commands[i].name)
      g_string_append_printf (s, "  %-12s %s\n", commands[i].name, _ (commands[i].summary));
  g_string_append_printf (s, "\n");
  g_string_append_printf (s, _ ("Run “rectify-cli %s SUBCOMMAND --help” for its options."), group);
  g_string_append (s, "\n");
  g_print ("%s", s->str);
}

static char *
subcommand_names (const char *group)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].group, group) == 0 && commands[i].name)
      g_ptr_array_add (names, (gpointer)commands[i].name);
  g_ptr_array_add (names, NULL);
  return rectify_codes_joined ((const char *const *)names->pdata);
}

static const RectifyCliCommand *
find_command (const char *group, const char *name, gboolean *group_known)
{
  *group_known = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (commands[i].group, group) != 0)
        continue;
      *group_known = TRUE;
      if (commands[i].name == NULL || (name && strcmp (commands[i].name, name) == 0))
        return &commands[i];
    }
  return NULL;
}

/* Core messages are written for dialogs; the command line wants one line. */
static char *
one_line (const char *message)
{
  char *s = g_strdup (message);

  g_strdelimit (s, "\r\n", ' ');
  return g_strstrip (s);
}

/* ---- Ctrl+C -------------------------------------------------------------- */

/* A signal handler may do almost nothing: g_cancellable_cancel takes a
 * mutex and runs callbacks, which is not async-signal-safe.  GLib's Unix
 * signal sources are: their handler only notes the signal and writes to a
 * wakeup pipe, and the callback runs later as ordinary code in the thread
 * iterating the source's GMainContext.  The commands run synchronously on
 * the main thread without a main loop, so the sources get a context of
 * their own, iterated by a small thread that lives as long as the process;
 * from there the (thread-safe) cancel reaches the core, which checks the
 * cancellable between its steps and removes what it had begun. */
static gboolean
on_signal (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

static gpointer
run_signal_loop (gpointer user_data)
{
  g_main_loop_run (user_data);
  return NULL;
}

static gpointer
install_cancel_on_signals (gpointer data)
{
  GCancellable *cancellable = g_cancellable_new ();
  GMainContext *context = g_main_context_new ();
  const int signals[] = { SIGINT, SIGTERM };

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      /* the handler is in place once the source exists: from here on the
       * signal no longer kills the program */
      GSource *source = g_unix_signal_source_new (signals[i]);

      g_source_set_callback (source, on_signal, g_object_ref (cancellable), g_object_unref);
      g_source_attach (source, context);
      g_source_unref (source);
    }
  g_thread_unref (
      g_thread_new ("rectify-cli-signals", run_signal_loop, g_main_loop_new (context, FALSE)));
  g_main_context_unref (context);
  return cancellable;
}

GCancellable *
rectify_cli_cancel_on_signals (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, install_cancel_on_signals, NULL);
}

void
rectify_cli_test_pause (GCancellable *cancellable)
{
  static gboolean paused;
  const char *file = g_getenv ("RECTIFY_TEST_PAUSE_FILE");

  if (file == NULL || *file == '\0' || paused)
    return;
  paused = TRUE;
  g_printerr ("rectify-cli: test pause\n");
  while (!g_file_test (file, G_FILE_TEST_EXISTS) && !g_cancellable_is_cancelled (cancellable))
    g_usleep (10000);
}

static int
report_error (RectifyCli *cli, GError *error)
{
  gboolean usage = error->domain == G_OPTION_ERROR
                   || g_error_matches (error, RECTIFY_CLI_ERROR, RECTIFY_CLI_ERROR_USAGE);
  g_autofree char *message = one_line (error->message);

  /* only the core fails so, after it removed its partial output */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_printerr ("rectify-cli: %s\n", _ ("cancelled; nothing was written"));
      return RECTIFY_CLI_EXIT_CANCELLED;
    }
  if (g_error_matches (error, RECTIFY_ERROR, RECTIFY_ERROR_NO_ACTOR))
    {
      g_printerr ("rectify-cli: %s\n", message);
      if (cli->default_problem)
        g_printerr ("rectify-cli: %s\n", cli->default_problem);
      g_printerr ("%s\n",
                  /* TRANSLATORS: after a write refused for want of an officer */
                  _ ("Name yourself with --as OFFICER (id or badge), or once with "
                     "“rectify-cli settings set default-officer BADGE”."));
    }
  else if (g_error_matches (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_SET_UP))
    {
      g_printerr ("rectify-cli: %s\n", message);
      /* TRANSLATORS: after a document refused before the bureau's setup */
      g_printerr ("%s\n", _ ("Set up the bureau once with “rectify-cli settings setup” (see its "
                             "--help)."));
    }
  else if (g_error_matches (error, RECTIFY_ERROR, RECTIFY_ERROR_UNCONFIRMED))
    {
      /* the message lists what the user is to confirm, a line each */
      g_printerr ("rectify-cli: %s\n", error->message);
      /* TRANSLATORS: after a refusal that a confirmation overrides */
      g_printerr ("%s\n", _ ("Give --force to go ahead all the same."));
    }
  else if (g_error_matches (error, RECTIFY_ERROR, RECTIFY_ERROR_PERMISSION) && cli->as == NULL)
    /* TRANSLATORS: appended to a refusal when no acting officer was named */
    g_printerr ("rectify-cli: %s %s\n", message, _ ("(name yourself with --as OFFICER)"));
  else
    g_printerr ("rectify-cli: %s\n", message);
  if (usage)
    {
      g_autofree char *hint
          = g_strdup_printf ("rectify-cli%s%s --help", cli->command_line ? " " : "",
                             cli->command_line ? cli->command_line : "");
      g_printerr (_ ("Try “%s” for more information.\n"), hint);
      return RECTIFY_CLI_EXIT_USAGE;
    }
  return RECTIFY_CLI_EXIT_FAILED;
}

static gboolean
dispatch (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autofree char *description = commands_description ();
  const RectifyCliCommand *command;
  gboolean group_known;
  const char *group;

  g_set_prgname ("rectify-cli");
  context = context_new (cli, NULL, _ ("COMMAND [ARGUMENT…]"),
                         N_ ("Special-equipment safety supervision: campaigns, inspections, "
                             "hazards and letters."));
  g_option_context_set_description (context, description);
  /* Stop at the command: its options are parsed by the command. */
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return FALSE;

  if (argc < 2)
    return rectify_cli_usage_error (error, _ ("no command given"));
  group = argv[1];

  command = find_command (group, NULL, &group_known);
  if (!group_known)
    return rectify_cli_usage_error (error, _ ("unknown command “%s”"), group);

  if (command == NULL)
    {
      const char *name = argc > 2 ? argv[2] : NULL;
      g_autofree char *names = subcommand_names (group);

      if (name
          && (strcmp (name, "--help") == 0 || strcmp (name, "-h") == 0
              || strcmp (name, "help") == 0))
        {
          print_group_help (group);
          return TRUE;
        }
      cli->command_line = g_strdup (group);
      if (name == NULL)
        return rectify_cli_usage_error (error, _ ("“%s” needs a subcommand: %s"), group, names);
      command = find_command (group, name, &group_known);
      if (command == NULL)
        return rectify_cli_usage_error (error, _ ("unknown subcommand “%s %s”; use %s"), group,
                                        name, names);
      g_free (cli->command_line);
      cli->command_line = g_strdup_printf ("%s %s", group, name);
      cli->command = command;
      return command->run (cli, argc - 2, argv + 2, error);
    }

  cli->command_line = g_strdup (group);
  cli->command = command;
  return command->run (cli, argc - 1, argv + 1, error);
}

int
rectify_cli_run (int argc, char **argv)
{
  RectifyCli cli = { 0 };
  g_autoptr (GError) error = NULL;
  int status = RECTIFY_CLI_EXIT_OK;

  if (!dispatch (&cli, argc, argv, &error))
    status = report_error (&cli, error);

  g_clear_object (&cli.store);
  g_free (cli.db_path);
  g_free (cli.as);
  g_free (cli.default_problem);
  g_free (cli.command_line);
  return status;
}
