/* rectify-store-operators.h: what a backend stores of operators and their licences
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

struct _RectifyStoreOperatorOps
{
  /* Adds the operator, under operator->id when it is > 0, and returns its id, 0 on error. */
  gint64 (*insert) (RectifyStore *self, const RectifyOperator *op, GError **error);
  /* Writes every field of op->id; *found FALSE when there is none. */
  gboolean (*update) (RectifyStore *self,
                      const RectifyOperator *op,
                      gboolean *found,
                      GError **error);
  /* Removes operator id; *in_use TRUE (and nothing removed) when other records refer to it. */
  gboolean (*remove) (RectifyStore *self, gint64 id, gboolean *in_use, GError **error);
  /* The operator with id and its unit's name, NULL when there is none (and then error unset). */
  RectifyOperator *(*get) (RectifyStore *self, gint64 id, GError **error);
  /* A page of the operators q selects (RectifyOperator), and their number in *total when non-NULL.
   */
  GPtrArray *(*list) (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error);
  /* The ids of every operator q selects, in its order. */
  GArray *(*query_ids) (RectifyStore *self, const RectifyQuery *q, GError **error);
  /* The operators of ids in their order, leaving out ids that are gone. */
  GPtrArray *(*get_by_ids) (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error);
};

G_END_DECLS
