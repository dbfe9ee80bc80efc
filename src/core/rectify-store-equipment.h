/* rectify-store-equipment.h: what a backend stores of equipment items
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

struct _RectifyStoreEquipmentOps
{
  /* Adds the item, under equipment->id when it is > 0, and returns its id, 0 on error. */
  gint64 (*insert) (RectifyStore *self, const RectifyEquipment *equipment, GError **error);
  /* Writes every field of equipment->id; *found FALSE when there is none. */
  gboolean (*update) (RectifyStore *self,
                      const RectifyEquipment *equipment,
                      gboolean *found,
                      GError **error);
  /* Removes item id; *in_use TRUE (and nothing removed) when other records refer to it. */
  gboolean (*remove) (RectifyStore *self, gint64 id, gboolean *in_use, GError **error);
  /* The item with id and its unit's name, NULL when there is none (and then error unset). */
  RectifyEquipment *(*get) (RectifyStore *self, gint64 id, GError **error);
  /* A page of the items q selects (RectifyEquipment), and their number in *total when non-NULL. */
  GPtrArray *(*list) (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error);
  /* The ids of every item q selects, in its order. */
  GArray *(*query_ids) (RectifyStore *self, const RectifyQuery *q, GError **error);
  /* The items of ids in their order, leaving out ids that are gone. */
  GPtrArray *(*get_by_ids) (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error);
};

G_END_DECLS
