/* main.c: the entry point of the rectify app
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (RectifyApplication) application = NULL;

  rectify_application_init_i18n ();
  g_set_application_name (_ ("Rectify"));

  application = rectify_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
