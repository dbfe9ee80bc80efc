/* rectify-store-visits.h: what a backend stores of scheduled visits
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-schedule.h"
#include "rectify-store-backend.h"

G_BEGIN_DECLS

/* The orders of the visit lists (rectify-schedule.c maps the sort keys). */
typedef enum
{
  RECTIFY_VISIT_SORT_DUE_DATE,
  RECTIFY_VISIT_SORT_ID,
  RECTIFY_VISIT_SORT_UNIT,
} RectifyVisitSort;

/* What an inspection completed of the planned visits. */
typedef struct
{
  gint64 n_done;             /* visits it did */
  gint64 n_back_checks;      /* of them back-checks */
  char *latest_scheduled_on; /* the latest day one of them was planned, NULL without */
} RectifyVisitsDone;

/* A database that predates planned visits (an older file opened for an
 * upgrade) has none: its reads find nothing and its marks change nothing. */
struct _RectifyStoreVisitOps
{
  /* Inserts v (unit, hazard, kind, scheduled_on, due_date, officer, note); returns its id, 0 on
   * error. */
  gint64 (*insert) (RectifyStore *self, const RectifyScheduledVisit *v, GError **error);
  /* The visit with its unit's name and hazard; NULL when there is none (error unset). */
  RectifyScheduledVisit *(*get) (RectifyStore *self, gint64 id, GError **error);
  /* Removes the visit. */
  gboolean (*delete) (RectifyStore *self, gint64 id, GError **error);
  /* The due date of the hazard's pending visit of kind, NULL when it has none. */
  char *(*pending_due) (RectifyStore *self,
                        gint64 hazard_id,
                        RectifyVisitKind kind,
                        GError **error);
  /* The ids of the unit's pending visits planned on or before day, of kind (-1 any). */
  GArray *(*list_pending) (
      RectifyStore *self, gint64 unit_id, const char *day, int kind, GError **error);
  /* Records the visit as done by the inspection on date. */
  gboolean (*mark_done) (
      RectifyStore *self, gint64 id, gint64 inspection_id, const char *date, GError **error);
  /* Sets the done date of the visits the inspection did to date; *changed: whether any moved. */
  gboolean (*redate_done) (RectifyStore *self,
                           gint64 inspection_id,
                           const char *date,
                           gboolean *changed,
                           GError **error);
  /* Fills out with what the inspection completed (zero when nothing). */
  gboolean (*get_done) (RectifyStore *self,
                        gint64 inspection_id,
                        RectifyVisitsDone *out,
                        GError **error);
  /* What get_done gives for each inspection with id in [first, last] that completed a visit, by id,
   * each one's id appended to inspection_ids (latest_scheduled_on freed by the caller). */
  GArray *(*get_done_range) (
      RectifyStore *self, gint64 first_id, gint64 last_id, GArray *inspection_ids, GError **error);
  /* The ids of the visits matching q (unit, kind, status, search, overdue before day) in order. */
  GArray *(*query_ids) (RectifyStore *self,
                        const RectifyQuery *q,
                        RectifyVisitSort sort,
                        const char *day,
                        GError **error);
  /* The visits of the ids, in their order (ids gone are left out). */
  GPtrArray *(*get_by_ids) (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error);
  /* A page of the visits matching q (q's offset and limit), *total all of them when asked. */
  GPtrArray *(*list) (RectifyStore *self,
                      const RectifyQuery *q,
                      RectifyVisitSort sort,
                      const char *day,
                      gint64 *total,
                      GError **error);
};

G_END_DECLS
