/* rectify-application.h: the application: options, actions, windows
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RECTIFY_TYPE_APPLICATION (rectify_application_get_type ())
G_DECLARE_FINAL_TYPE (RectifyApplication, rectify_application, RECTIFY, APPLICATION, AdwApplication)

/* Binds the gettext domain: to $RECTIFY_LOCALEDIR when it is set (a build
 * tree: `meson devenv`, the tests and build-aux/run-app set it to the
 * built catalogues), else to the installed LOCALEDIR. */
void rectify_application_init_i18n (void);

RectifyApplication *rectify_application_new (void);
/* Opens the database at path in a new window, or presents the window that
 * shows it already.  When it cannot be opened, a dialog says why and what
 * to do, and NULL is returned. */
GtkWindow *rectify_application_open_database (RectifyApplication *self, const char *path);

G_END_DECLS
