/* rectify-schedule.h: back-checks of closed hazards and re-inspections of overdue ones
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store.h"

G_BEGIN_DECLS

/* A planned visit to a unit about one of its hazards (回头看): a back-check
 * confirms a closed hazard stays rectified; a re-inspection goes back to a
 * hazard whose deadline has passed.  A later inspection of the unit does
 * it: a back-check inspection does either kind, a bureau inspection does a
 * re-inspection. */
typedef enum
{
  RECTIFY_VISIT_BACK_CHECK,
  RECTIFY_VISIT_RE_INSPECTION,
  RECTIFY_N_VISIT_KINDS
} RectifyVisitKind;

const char *rectify_visit_kind_to_code (RectifyVisitKind kind);
const char *rectify_visit_kind_to_label (RectifyVisitKind kind);
gboolean rectify_visit_kind_from_code (const char *code, RectifyVisitKind *out);

typedef struct
{
  gint64 id;
  gint64 unit_id;
  gint64 hazard_id;
  RectifyVisitKind kind;
  char *scheduled_on; /* the day it was planned */
  char *due_date;
  gint64 officer_id; /* who planned it, 0 = system */
  char *note;
  gint64 done_inspection_id;         /* 0 = pending */
  char *done_date;                   /* NULL while pending */
  char *unit_name;                   /* (ro) */
  char *hazard_category;             /* (ro) category code */
  char *hazard_content;              /* (ro) */
  RectifyHazardStatus hazard_status; /* (ro) */
} RectifyScheduledVisit;

RectifyScheduledVisit *rectify_scheduled_visit_new (void);
void rectify_scheduled_visit_free (RectifyScheduledVisit *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyScheduledVisit, rectify_scheduled_visit_free)

/* Plans a visit for the hazard's unit: a back-check needs a closed hazard
 * and a due date not before it was closed, a re-inspection a hazard that is
 * overdue today; the due date is today or later; one pending visit of a
 * kind per hazard.  Returns the new id, 0 on error (nothing written). */
gint64 rectify_store_schedule_visit (RectifyStore *self,
                                     gint64 hazard_id,
                                     RectifyVisitKind kind,
                                     const char *due_date,
                                     const char *note,
                                     GError **error);
/* Removes a pending visit; a visit done stays on record (STATE). */
gboolean rectify_store_cancel_visit (RectifyStore *self, gint64 id, GError **error);
RectifyScheduledVisit *rectify_store_get_visit (RectifyStore *self, gint64 id, GError **error);

/* Lists: q->unit_id, q->kind (RectifyVisitKind, -1 any), q->status (0
 * pending, 1 done, -1 any), q->search (the unit's name, code, address),
 * q->overdue (pending and due before q->as_of or today); sorted by
 * "due_date" (default), "id" or "unit". */
GArray *rectify_store_query_visit_ids (RectifyStore *self, const RectifyQuery *q, GError **error);
GPtrArray *rectify_store_get_visits_by_ids (RectifyStore *self,
                                            const gint64 *ids,
                                            guint n_ids,
                                            GError **error);
GPtrArray *rectify_store_list_visits (RectifyStore *self,
                                      const RectifyQuery *q,
                                      gint64 *total,
                                      GError **error);

G_END_DECLS
