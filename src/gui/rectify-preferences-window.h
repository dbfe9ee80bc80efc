/* rectify-preferences-window.h: the bureau's settings, shared by every user
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-store.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_PREFERENCES_WINDOW (rectify_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RectifyPreferencesWindow,
                      rectify_preferences_window,
                      RECTIFY,
                      PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* The settings live in the database (rectify_store_set_setting): a text
 * is saved when the user applies it, the language when it is chosen; each
 * write is audited.  With can_edit FALSE (an archivist) they are shown
 * only. */
RectifyPreferencesWindow *
rectify_preferences_window_new (GtkWindow *parent, RectifyStore *store, gboolean can_edit);

G_END_DECLS
