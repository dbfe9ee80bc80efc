/* main.c: entry point of rectify-cli
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rectify-cli.h"

int
main (int argc, char **argv)
{
  const char *localedir = g_getenv ("RECTIFY_LOCALEDIR");
  const char *ctype;

  setlocale (LC_ALL, "");
  /* Under the plain C locale GLib would refuse every non-ASCII argument
   * (unit names are mostly Chinese); read and write UTF-8 then, as the
   * terminal almost certainly does. */
  ctype = setlocale (LC_CTYPE, NULL);
  if (g_strcmp0 (ctype, "C") == 0 || g_strcmp0 (ctype, "POSIX") == 0)
    setlocale (LC_CTYPE, "C.UTF-8");

  /* As the app: `meson devenv` points this at the catalogues of the build. */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return rectify_cli_run (argc, argv);
}
