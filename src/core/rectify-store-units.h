/* rectify-store-units.h: what a backend stores of units that use special equipment
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

struct _RectifyStoreUnitOps
{
  /* Adds the unit, under unit->id when it is > 0, and returns its id, 0 on error. */
  gint64 (*insert) (RectifyStore *self, const RectifyUnit *unit, GError **error);
  /* Writes every field of unit->id; *found FALSE when there is none. */
  gboolean (*update) (RectifyStore *self, const RectifyUnit *unit, gboolean *found, GError **error);
  /* Removes unit id; *in_use TRUE (and nothing removed) when other records refer to it. */
  gboolean (*remove) (RectifyStore *self, gint64 id, gboolean *in_use, GError **error);
  /* The unit with id, NULL when there is none (and then error unset). */
  RectifyUnit *(*get) (RectifyStore *self, gint64 id, GError **error);
  /* The id of the unit with this credit code, else with id (0: none), 0 when none has either. */
  gint64 (*find) (RectifyStore *self, gint64 id, const char *credit_code, GError **error);
  /* A page of the units q selects (RectifyUnit), and their number in *total when non-NULL. */
  GPtrArray *(*list) (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error);
  /* The ids of every unit q selects, in its order. */
  GArray *(*query_ids) (RectifyStore *self, const RectifyQuery *q, GError **error);
  /* The units of ids in their order, leaving out ids that are gone. */
  GPtrArray *(*get_by_ids) (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error);
  /* The distinct non-empty values of field ("district" or "industry"), sorted, NULL-terminated. */
  char **(*list_values) (RectifyStore *self, const char *field, GError **error);
  /* TRUE when at least one unit is stored. */
  gboolean (*any) (RectifyStore *self, GError **error);
};

G_END_DECLS
