/* rectify-inspection-query.h: the inspection list, lazily, with what each visit found
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store.h"

G_BEGIN_DECLS

/* One row of the inspection list: the visit and counts joined from the
 * tables around it. */
typedef struct
{
  gint64 id;
  gint64 campaign_id; /* 0 = outside a campaign */
  gint64 unit_id;
  RectifyInspectionKind kind;
  char *date;
  char *unit_name;
  char *campaign_name; /* "" outside a campaign */
  char *officer_names; /* joined with the list separator */
  int officer_count;
  int equipment_count; /* cylinders by quantity */
  int hazard_count;    /* hazards registered from this visit */
  char *checklist;     /* 8 characters: P pass, F fail, N not applicable, - not recorded */
} RectifyInspectionSummary;

void rectify_inspection_summary_free (RectifyInspectionSummary *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyInspectionSummary, rectify_inspection_summary_free)

/* The ids of every inspection matching q (search: the unit's name, code or
 * address; unit_id, campaign_id, kind, by_bureau, as_of_limits: dated on
 * or before as_of), sorted by "date" (the default),
 * "id", "unit" or "kind". */
GArray *
rectify_store_query_inspection_ids (RectifyStore *self, const RectifyQuery *q, GError **error);
/* RectifyInspectionSummary for the ids, in their order. */
GPtrArray *rectify_store_get_inspections_by_ids (RectifyStore *self,
                                                 const gint64 *ids,
                                                 guint n_ids,
                                                 GError **error);

G_END_DECLS

G_BEGIN_DECLS

/* The hazard category a failed checklist item proposes (a code of the
 * default categories). */
const char *rectify_check_item_hazard_category (RectifyCheckItem item);

G_END_DECLS
