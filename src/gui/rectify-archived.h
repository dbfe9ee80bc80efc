/* rectify-archived.h: controls that stop offering what the store refuses for an archived campaign
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rectify-store.h"

G_BEGIN_DECLS

/* Whether the records of campaign_id (0: outside a campaign) may still
 * change.  widget, when given, shows why not in its tooltip (the store's
 * message, naming the campaign), or its own tooltip again when they may;
 * making it insensitive (or its action disabled) is the caller's. */
gboolean rectify_archived_check (GtkWidget *widget, RectifyStore *store, gint64 campaign_id);

G_END_DECLS
