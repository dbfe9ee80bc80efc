/* rectify-campaign-archive.h: archiving a campaign from the window, in a thread with progress and
 * cancel SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rectify-store.h"

G_BEGIN_DECLS

/* Called in the main thread, if owner still exists, when the archive is
 * written (error NULL), failed or was cancelled (G_IO_ERROR_CANCELLED). */
typedef void (*RectifyCampaignArchiveDone) (GObject *owner, const char *dir, const GError *error);

/* Asks for the new archive folder, then writes the archive of the campaign
 * (rectify-pdf-archive.h) in a GTask thread with its own connection to
 * store's database, showing a progress dialog whose Cancel stops it. */
void rectify_campaign_archive_start (GtkWidget *parent,
                                     RectifyStore *store,
                                     gint64 campaign_id,
                                     RectifyCampaignArchiveDone done,
                                     GObject *owner);

/* The same into dir, without asking for a folder.  Either asks first, when
 * the core finds the campaign unfinished (before its last day, hazards not
 * cancelled), whether to archive it anyway; Cancel there reports
 * G_IO_ERROR_CANCELLED. */
void rectify_campaign_archive_run (GtkWidget *parent,
                                   RectifyStore *store,
                                   gint64 campaign_id,
                                   const char *dir,
                                   RectifyCampaignArchiveDone done,
                                   GObject *owner);

G_END_DECLS
