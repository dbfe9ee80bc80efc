/* rectify-cli-settings.c: the settings command and the default officer
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bureau's settings live in the database, for every desk; the default
 * officer is this user's, for one database, in a key file of the user's
 * configuration folder (a shared database must not make one officer act
 * for everybody).
 */
#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "rectify-cli.h"
#include "rectify-cli-output.h"

#define DEFAULT_OFFICER_KEY "default-officer"

/* ---- the default officer ------------------------------------------------- */

static char *
config_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "rectify", "rectify-cli.conf", NULL);
}

/* Key files cannot have '[' or ']' in a group name. */
static char *
database_group (const char *db_path)
{
  g_autofree char *absolute = g_canonicalize_filename (db_path, NULL);

  return g_strdelimit (g_strconcat ("database ", absolute, NULL), "[]", '_');
}

static GKeyFile *
load_config (GError **error)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autofree char *path = config_path ();
  g_autoptr (GError) local = NULL;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, &local)
      && !g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("%s cannot be read: %s"), path,
                   local->message);
      return NULL;
    }
  return g_steal_pointer (&file);
}

char *
rectify_cli_default_officer (const char *db_path)
{
  g_autoptr (GKeyFile) file = load_config (NULL);
  g_autofree char *group = database_group (db_path);

  return file ? g_key_file_get_string (file, group, DEFAULT_OFFICER_KEY, NULL) : NULL;
}

static gboolean
save_default_officer (const char *db_path, const char *badge, GError **error)
{
  g_autoptr (GKeyFile) file = load_config (error);
  g_autofree char *group = database_group (db_path);
  g_autofree char *path = config_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) local = NULL;

  if (file == NULL)
    return FALSE;
  if (badge && *badge)
    g_key_file_set_string (file, group, DEFAULT_OFFICER_KEY, badge);
  else
    g_key_file_remove_group (file, group, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 || !g_key_file_save_to_file (file, path, &local))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("%s cannot be written: %s"), path,
                   local ? local->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* ---- settings list | get | set --------------------------------------------- */

static const char *
label_of (const char *key)
{
  guint n;
  const RectifySettingInfo *known = rectify_settings_known (&n);

  if (g_str_equal (key, DEFAULT_OFFICER_KEY))
    return _ ("Officer who acts when --as is not given (yours, for this database)");
  for (guint i = 0; i < n; i++)
    if (g_str_equal (known[i].key, key))
      return _ (known[i].label);
  return NULL;
}

static gboolean
check_key (const char *key, GError **error)
{
  if (label_of (key) == NULL)
    return rectify_cli_usage_error (error,
                                    _ ("“%s” is not a setting; “rectify-cli settings list” "
                                       "shows them all"),
                                    key);
  return TRUE;
}

static char *
value_of (RectifyCli *cli, RectifyStore *store, const char *key)
{
  if (g_str_equal (key, DEFAULT_OFFICER_KEY))
    return rectify_cli_default_officer (rectify_store_get_path (store));
  (void)cli;
  return rectify_store_get_setting (store, key, NULL);
}

static void
add_setting (JsonBuilder *b, RectifyCli *cli, RectifyStore *store, const char *key)
{
  g_autofree char *value = value_of (cli, store, key);

  json_builder_begin_object (b);
  rectify_cli_builder_add_text (b, "key", key);
  rectify_cli_builder_add_text (b, "label", label_of (key));
  rectify_cli_builder_add_text (b, "value", value);
  json_builder_end_object (b);
}

gboolean
rectify_cli_settings_list (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) node = NULL;
  RectifyStore *store;
  guint n;
  const RectifySettingInfo *known = rectify_settings_known (&n);

  if (!(store = rectify_cli_parse_and_open (cli, NULL, NULL, 0, &argc, &argv, error)))
    return FALSE;

  if (cli->json)
    {
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        add_setting (b, cli, store, known[i].key);
      add_setting (b, cli, store, DEFAULT_OFFICER_KEY);
      json_builder_end_array (b);
      node = json_builder_get_root (b);
      rectify_cli_print_json (node);
      return TRUE;
    }
  for (guint i = 0; i <= n; i++)
    {
      const char *key = i < n ? known[i].key : DEFAULT_OFFICER_KEY;
      g_autofree char *value = value_of (cli, store, key);

      /* TRANSLATORS: a setting that has no value yet */
      g_print ("%s = %s\n    %s\n", key, value && *value ? value : _ ("(not set)"), label_of (key));
    }
  return TRUE;
}

gboolean
rectify_cli_settings_get (RectifyCli *cli, int argc, char **argv, GError **error)
{
  RectifyStore *store;
  g_autofree char *value = NULL;

  if (!(store = rectify_cli_parse_and_open (cli, NULL, _ ("KEY"), 1, &argc, &argv, error))
      || !check_key (argv[1], error))
    return FALSE;
  value = value_of (cli, store, argv[1]);
  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) node = NULL;

      add_setting (b, cli, store, argv[1]);
      node = json_builder_get_root (b);
      rectify_cli_print_json (node);
    }
  else
    g_print ("%s\n", value ? value : "");
  return TRUE;
}

gboolean
rectify_cli_settings_set (RectifyCli *cli, int argc, char **argv, GError **error)
{
  RectifyStore *store;
  const char *key, *value;

  if (!rectify_cli_parse (cli, NULL, _ ("KEY VALUE"), &argc, &argv, error)
      || !rectify_cli_expect_args (cli, argc, argv, 2, _ ("KEY VALUE"), error)
      || !check_key (argv[1], error))
    return FALSE;
  key = argv[1];
  value = argv[2];
  if (!(store = rectify_cli_open_store (cli, FALSE, error)))
    return FALSE;

  if (g_str_equal (key, DEFAULT_OFFICER_KEY))
    {
      g_autoptr (RectifyOfficer) officer = NULL;
      gint64 officer_id = 0;

      /* An empty value forgets it; else it must be an officer who may act. */
      if (*value == '\0')
        return save_default_officer (rectify_store_get_path (store), NULL, error);
      if (!rectify_cli_find_officer (cli, value, &officer_id, error)
          || !(officer = rectify_store_get_officer (store, officer_id, error)))
        return FALSE;
      if (!officer->active)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_PERMISSION,
                       _ ("default-officer: officer %s is no longer active"), officer->name);
          return FALSE;
        }
      return save_default_officer (rectify_store_get_path (store), officer->badge, error);
    }
  return rectify_store_set_setting (store, key, value, error);
}

gboolean
rectify_cli_settings_setup (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *bureau = NULL;
  g_autofree char *district = NULL;
  g_autofree char *instruction = NULL;
  g_autofree char *opinion = NULL;
  g_autofree char *signatory = NULL;
  g_autofree char *language = NULL;
  const GOptionEntry entries[] = {
    { "bureau-name", 0, 0, G_OPTION_ARG_STRING, &bureau,
      N_ ("The bureau's name as its letters print it (required)"), N_ ("NAME") },
    { "district", 0, 0, G_OPTION_ARG_STRING, &district,
      N_ ("The district the bureau supervises (required)"), N_ ("DISTRICT") },
    { "instruction-prefix", 0, 0, G_OPTION_ARG_STRING, &instruction,
      N_ ("Number prefix of instruction letters, e.g. 榕市监特指 (required)"), N_ ("PREFIX") },
    { "opinion-prefix", 0, 0, G_OPTION_ARG_STRING, &opinion,
      N_ ("Number prefix of rectification opinions, e.g. 榕市监特整 (required)"), N_ ("PREFIX") },
    { "signatory", 0, 0, G_OPTION_ARG_STRING, &signatory, N_ ("Who signs the documents (required)"),
      N_ ("NAME") },
    { "document-language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_ ("Language of the documents: zh_CN or en (default: zh_CN)"), N_ ("LANG") },
    G_OPTION_ENTRY_NULL
  };
  RectifyBureauSetup setup;
  RectifyStore *store;

  if (!rectify_cli_parse (cli, entries, NULL, &argc, &argv, error)
      || !rectify_cli_expect_args (cli, argc, argv, 0, NULL, error))
    return FALSE;
  if (!(store = rectify_cli_open_store (cli, FALSE, error)))
    return FALSE;
  setup = (RectifyBureauSetup){ bureau,  district,  instruction,
                                opinion, signatory, language ? language : "zh_CN" };
  if (!rectify_store_set_up_bureau (store, &setup, error))
    return FALSE;
  if (!cli->json)
    g_print (_ ("The bureau is set up: its documents are numbered %s〔%s〕N号 and %s〔%s〕N号\n"),
             instruction, "YYYY", opinion, "YYYY");
  return TRUE;
}
