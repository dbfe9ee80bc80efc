/* rectify-store-attachments.h: what a backend stores of the files attached to hazard events
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

struct _RectifyStoreAttachmentOps
{
  /* Stores data as a file of the event; returns its id, 0 on error. */
  gint64 (*insert) (RectifyStore *self,
                    gint64 event_id,
                    const char *filename,
                    const char *mime,
                    const char *sha256,
                    GBytes *data,
                    GError **error);
  /* The attachment with its data; NULL when there is none (error unset). */
  RectifyAttachment *(*get) (RectifyStore *self, gint64 id, GError **error);
  /* The attachments (without data) of the hazard's events by id, each event's id appended to
   * event_ids at the same index. */
  GPtrArray *(*list_for_hazard) (RectifyStore *self,
                                 gint64 hazard_id,
                                 GArray *event_ids,
                                 GError **error);
  /* The attachments with their data of the events of every hazard with id in [first, last] by
   * hazard, then by id, each one's hazard and event ids appended to hazard_ids and event_ids. */
  GPtrArray *(*list_for_hazard_range) (RectifyStore *self,
                                       gint64 first_hazard_id,
                                       gint64 last_hazard_id,
                                       GArray *hazard_ids,
                                       GArray *event_ids,
                                       GError **error);
};

G_END_DECLS
