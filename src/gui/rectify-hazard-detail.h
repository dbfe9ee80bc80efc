/* rectify-hazard-detail.h: what the hazard pane shows, read in one go: the hazard, its timeline,
 * thumbnails SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rectify-store.h"

G_BEGIN_DECLS

/* Thumbnails are decoded no larger than this (pixels, the longer side). */
#define RECTIFY_THUMBNAIL_SIZE 96

typedef struct
{
  RectifyHazard *hazard;
  GPtrArray *events;      /* RectifyHazardEvent, oldest first */
  GHashTable *thumbnails; /* attachment id (gint64 *) -> GdkTexture; images only */
} RectifyHazardDetail;

/* Reads the hazard, its events and attachments and decodes the photos'
 * thumbnails.  A photo that cannot be decoded has no thumbnail (an icon
 * stands in); it is not an error. */
RectifyHazardDetail *
rectify_hazard_detail_load (RectifyStore *store, gint64 hazard_id, GError **error);
void rectify_hazard_detail_free (RectifyHazardDetail *detail);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyHazardDetail, rectify_hazard_detail_free)

/* A thumbnail of an image's bytes, or NULL when they are no image. */
GdkTexture *rectify_thumbnail_new (GBytes *data, int size);

/* Writes the attachment's bytes under dir, in a folder of its own (named
 * by its id, so that two photos called the same never clash), as the file
 * name it was attached with.  Returns the path. */
char *rectify_attachment_write_file (RectifyStore *store,
                                     gint64 attachment_id,
                                     const char *dir,
                                     GError **error);

G_END_DECLS
