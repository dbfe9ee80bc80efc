/* rectify-store-inspections.h: what a backend stores of inspection visits
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-inspection-query.h"
#include "rectify-store-backend.h"

G_BEGIN_DECLS

/* The orders of the inspection lists (rectify-inspections.c maps the sort keys). */
typedef enum
{
  RECTIFY_INSPECTION_SORT_DATE,
  RECTIFY_INSPECTION_SORT_ID,
  RECTIFY_INSPECTION_SORT_UNIT,
  RECTIFY_INSPECTION_SORT_KIND,
} RectifyInspectionSort;

/* An inspection is stored with its officers present, the equipment checked
 * (with the item's category) and the remarks of its checklist; the
 * checklist's results and the counts of officers and cylinders go with it. */
struct _RectifyStoreInspectionOps
{
  /* Inserts in (under in->id when it has one) with its parts; returns its id, 0 on error. */
  gint64 (*insert) (RectifyStore *self, const RectifyInspection *in, GError **error);
  /* Replaces the stored inspection in->id and its parts by in. */
  gboolean (*update) (RectifyStore *self, const RectifyInspection *in, GError **error);
  /* Removes the inspection and its parts. */
  gboolean (*delete) (RectifyStore *self, gint64 id, GError **error);
  /* The inspection with its unit's name and parts; NULL when there is none (error unset). */
  RectifyInspection *(*get) (RectifyStore *self, gint64 id, GError **error);
  /* The inspections with id in [first_id, last_id] with their unit's names and parts as get reads
   * them, in id order. */
  GPtrArray *(*get_range) (RectifyStore *self, gint64 first_id, gint64 last_id, GError **error);
  /* Where the inspection belongs; FALSE with error unset when there is none. */
  gboolean (*locate) (RectifyStore *self,
                      gint64 id,
                      gint64 *campaign_id,
                      gint64 *unit_id,
                      RectifyInspectionKind *kind,
                      GError **error);
  /* Appends its parts ordered by officer, equipment item and checklist item: officer ids
   * (gint64), RectifyCheckedEquipment and its remarks (RectifyCheck, result unset). */
  gboolean (*get_parts) (RectifyStore *self,
                         gint64 id,
                         GArray *officer_ids,
                         GArray *equipment,
                         GArray *remarks,
                         GError **error);
  /* The first and last dates of the campaign's inspections, both NULL when it has none. */
  gboolean (*date_range) (
      RectifyStore *self, gint64 campaign_id, char **first, char **last, GError **error);
  /* A page of the inspections matching q (unit, campaign, kind, search of the unit),
   * *total all of them when asked. */
  GPtrArray *(*list) (RectifyStore *self,
                      const RectifyQuery *q,
                      RectifyInspectionSort sort,
                      gint64 *total,
                      GError **error);
  /* The ids of the inspections matching q as the lazy list reads it (also by_bureau,
   * as_of_limits with day), in order. */
  GArray *(*query_ids) (RectifyStore *self,
                        const RectifyQuery *q,
                        RectifyInspectionSort sort,
                        const char *day,
                        GError **error);
  /* The summaries of the ids in their order, officer_names joined by U+001F (ids gone are left
   * out). */
  GPtrArray *(*summaries_by_ids) (RectifyStore *self,
                                  const gint64 *ids,
                                  guint n_ids,
                                  GError **error);
};

/* rectify-inspections.c: the order q->sort names (INVALID, naming the keys,
 * for a key the lists do not sort by). */
gboolean rectify_inspection_sort_from_query (const RectifyQuery *q,
                                             RectifyInspectionSort *sort,
                                             GError **error);

G_END_DECLS
