/* rectify-figures.h: the campaign figures, defined once for every report
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *code;
  char *label;
  gint64 count;
} RectifyFigureRow;

typedef struct
{
  gint64 campaign_id;
  char *as_of;
  /* law-enforcement visits: bureau inspections and back-checks */
  gint64 officer_person_times; /* sum over visits of officers present */
  gint64 unit_inspections;     /* visits (times) */
  gint64 distinct_units;       /* units visited */
  gint64 equipment_checks;     /* equipment checked (times), cylinders by quantity */
  gint64 self_inspections;     /* enterprise self-inspections recorded */
  gint64 back_checks;
  gint64 hazards_found;
  gint64 hazards_general;
  gint64 hazards_major;
  gint64 hazards_closed;      /* rectified = confirmed and cancelled */
  gint64 hazards_overdue;     /* not closed, deadline before as_of */
  double rectification_rate;  /* closed / found, 0..1; 0 when none found */
  gint64 instruction_letters; /* issued, not void as of as_of */
  gint64 rectification_opinions;
  GPtrArray *hazards_by_category;          /* RectifyFigureRow, every category */
  GPtrArray *checks_by_equipment_category; /* RectifyFigureRow, catalogue order */
} RectifyFigures;

void rectify_figures_free (RectifyFigures *figures);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyFigures, rectify_figures_free)

/* campaign_id 0 = all records; as_of NULL = today (or the campaign's last
 * day if that is earlier). */
RectifyFigures *rectify_figures_compute (RectifyStore *store,
                                         gint64 campaign_id,
                                         const char *as_of,
                                         GError **error);

/* "80%" style rate text. */
char *rectify_figures_format_rate (double rate);

G_END_DECLS
