/* rectify-cli-server.c: the server command: a bureau's database on a server
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-cli-output.h"
#include "rectify-cli.h"
#include "rectify-server.h"

gboolean
rectify_cli_server_init (RectifyCli *cli, int argc, char **argv, GError **error)
{
  const char *location;

  if (!rectify_cli_parse (cli, NULL, _ ("URL"), &argc, &argv, error))
    return FALSE;
  if (argc > 2)
    return rectify_cli_usage_error (error,
                                    _ ("Give one server database (postgresql://HOST/DATABASE)"));
  location = argc == 2 ? argv[1] : cli->db_path;
  if (location == NULL)
    return rectify_cli_usage_error (
        error, _ ("Give the server database: rectify-cli server init postgresql://HOST/DATABASE"));
  if (!rectify_server_init (location, error))
    return FALSE;
  g_print (_ ("%s is ready: tables owned by rectify_owner, groups rectify_officer, "
              "rectify_manager and rectify_archivist\n"),
           location);
  return TRUE;
}

gboolean
rectify_cli_server_add_officer (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *badge = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *login = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *password = NULL;
  const GOptionEntry entries[]
      = { { "badge", 0, 0, G_OPTION_ARG_STRING, &badge,
            N_ ("Law-enforcement certificate number (unique; required)"), N_ ("BADGE") },
          { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("Full name (required)"), N_ ("NAME") },
          { "role", 0, 0, G_OPTION_ARG_STRING, &role,
            N_ ("officer, manager or archivist (default: officer)"), N_ ("ROLE") },
          { "login", 0, 0, G_OPTION_ARG_STRING, &login,
            N_ ("The officer's login role on the server (required)"), N_ ("LOGIN") },
          { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
            N_ ("Read the login's password from the first line of this file (without it the "
                "role has no password)"),
            N_ ("FILE") },
          G_OPTION_ENTRY_NULL };
  RectifyOfficer officer = { .role = RECTIFY_ROLE_OFFICER, .active = TRUE };
  const char *code = NULL;
  RectifyStore *store;

  if (!rectify_cli_parse (cli, entries, NULL, &argc, &argv, error)
      || !rectify_cli_expect_args (cli, argc, argv, 0, NULL, error)
      || !rectify_cli_require ("--badge", badge, error)
      || !rectify_cli_require ("--name", name, error)
      || !rectify_cli_require ("--login", login, error)
      || (role && !rectify_cli_parse_choice ("--role", role, rectify_role_codes (), &code, error)))
    return FALSE;
  if (password_file)
    {
      g_autoptr (GError) local = NULL;
      char *end;

      if (!g_file_get_contents (password_file, &password, NULL, &local))
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("%s cannot be read: %s"),
                       password_file, local->message);
          return FALSE;
        }
      end = strchr (password, '\n');
      if (end)
        *end = '\0';
      if (*password == '\0')
        return rectify_cli_usage_error (error, _ ("--password-file: %s holds no password"),
                                        password_file);
    }
  if (!(store = rectify_cli_open_store (cli, FALSE, error)))
    return FALSE;
  if (code)
    rectify_role_from_code (code, &officer.role);
  officer.badge = badge;
  officer.name = name;
  return rectify_cli_print_new_id (
      cli, rectify_server_add_officer (store, &officer, login, password, error));
}
