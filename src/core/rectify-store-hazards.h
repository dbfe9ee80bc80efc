/* rectify-store-hazards.h: what a backend stores of hazards and their events
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

/* The orders of the hazard lists (rectify-hazards.c maps the sort keys). */
typedef enum
{
  RECTIFY_HAZARD_SORT_ID,
  RECTIFY_HAZARD_SORT_FOUND_DATE,
  RECTIFY_HAZARD_SORT_DEADLINE,
  RECTIFY_HAZARD_SORT_STATUS,
  RECTIFY_HAZARD_SORT_GRADE,
  RECTIFY_HAZARD_SORT_CATEGORY,
  RECTIFY_HAZARD_SORT_UNIT,
  RECTIFY_HAZARD_SORT_DESCRIPTION,
  RECTIFY_HAZARD_SORT_SUPERVISOR,
} RectifyHazardSort;

struct _RectifyStoreHazardOps
{
  /* The hazard with its unit's name; NULL when there is none (error unset). */
  RectifyHazard *(*get) (RectifyStore *self, gint64 id, GError **error);
  /* A page of the hazards matching q (search of their words, unit, campaign, status, grade,
   * category, overdue before day), *total all of them when asked. */
  GPtrArray *(*list) (RectifyStore *self,
                      const RectifyQuery *q,
                      RectifyHazardSort sort,
                      const char *day,
                      gint64 *total,
                      GError **error);
  /* The ids of the hazards matching q as the lazy list reads it (its search also of the unit's
   * name, as_of_limits and due_within_days from day), in order and then by id. */
  GArray *(*query_ids) (RectifyStore *self,
                        const RectifyQuery *q,
                        RectifyHazardSort sort,
                        const char *day,
                        GError **error);
  /* The hazards of the ids, in their order (ids gone are left out). */
  GPtrArray *(*get_by_ids) (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error);
  /* Inserts h (not its id, campaign and status) in campaign_id with status; returns its id, 0 on
   * error. */
  gint64 (*insert) (RectifyStore *self,
                    const RectifyHazard *h,
                    gint64 campaign_id,
                    RectifyHazardStatus status,
                    GError **error);
  /* Writes h's five implementations (content, standard, measures, deadline, responsible and
   * supervisor) and status. */
  gboolean (*update_implementation) (RectifyStore *self, const RectifyHazard *h, GError **error);
  /* Sets the status and the closed date (NULL: none). */
  gboolean (*set_status) (RectifyStore *self,
                          gint64 id,
                          RectifyHazardStatus status,
                          const char *closed_date,
                          GError **error);
  /* TRUE when the hazard has an event of kind (FALSE too when it cannot be read). */
  gboolean (*has_event) (RectifyStore *self, gint64 hazard_id, RectifyEventKind kind);
  /* Appends an event (officer_id 0: the system); returns its id, 0 on error. */
  gint64 (*add_event) (RectifyStore *self,
                       gint64 hazard_id,
                       RectifyEventKind kind,
                       gint64 officer_id,
                       const char *date,
                       const char *created_at,
                       const char *note,
                       GError **error);
  /* The hazard's events in the order they were recorded, with their officers' names and no
   * attachments. */
  GPtrArray *(*list_events) (RectifyStore *self, gint64 hazard_id, GError **error);
  /* The events of every hazard with id in [first_id, last_id] by hazard, then by id, without
   * officers' names. */
  GPtrArray *(*list_events_range) (RectifyStore *self,
                                   gint64 first_id,
                                   gint64 last_id,
                                   GError **error);
  /* Sets *n to the number of hazards registered from the inspection. */
  gboolean (*count_for_inspection) (RectifyStore *self,
                                    gint64 inspection_id,
                                    gint64 *n,
                                    GError **error);
  /* Marks the equipment stopped (an order to stop use). */
  gboolean (*stop_equipment) (RectifyStore *self, gint64 equipment_id, GError **error);
  /* Puts stopped equipment back in use (an order to stop use lifted). */
  gboolean (*resume_equipment) (RectifyStore *self, gint64 equipment_id, GError **error);
  /* Sets *other_id to a hazard other than hazard_id, not closed, whose order to stop use
   * stopped the equipment (0 when there is none). */
  gboolean (*other_stop_use) (
      RectifyStore *self, gint64 equipment_id, gint64 hazard_id, gint64 *other_id, GError **error);
  /* Of the hazards registered from the inspection, the one found first: its id (0 when there is
   * none) and its finding date. */
  gboolean (*first_found_for_inspection) (RectifyStore *self,
                                          gint64 inspection_id,
                                          gint64 *hazard_id,
                                          char **found_date,
                                          GError **error);
  /* The hazard categories in their order. */
  GPtrArray *(*list_categories) (RectifyStore *self, GError **error);
  /* Sets *exists to whether code is a hazard category. */
  gboolean (*category_exists) (RectifyStore *self,
                               const char *code,
                               gboolean *exists,
                               GError **error);
};

G_END_DECLS
