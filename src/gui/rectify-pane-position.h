/* rectify-pane-position.h: a remembered GtkPaned position with a share of the width as its first
 * value SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Binds the position of paned to the integer key of settings, both ways.
 * While the key holds a negative value (its default: nothing remembered
 * yet), the position becomes share (0 … 1) of the paned's width once the
 * paned has a width, and is remembered from then on. */
void
rectify_pane_position_bind (GtkPaned *paned, GSettings *settings, const char *key, double share);

/* The app's settings (APPLICATION_ID) when their schema with key is
 * installed, else NULL: a page run without the compiled schema works and
 * only forgets its split. */
GSettings *rectify_pane_position_settings (const char *key);

G_END_DECLS
