/* rectify-summary-facts.h: what the work summary says is still to do, from the records
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store.h"

G_BEGIN_DECLS

/* Overdue hazards of one unit. */
typedef struct
{
  char *unit_name;
  gint64 count;
} RectifyOverdueUnit;

typedef struct
{
  char *as_of;
  gint64 overdue_hazards;   /* open, deadline before as_of */
  GPtrArray *overdue_units; /* RectifyOverdueUnit, most overdue first, then by name */
  gint64 major_hazards;     /* found by as_of */
  gint64 major_open;        /* of them not closed as of as_of */
  gint64 major_reported;    /* hazards with a major-problem report up to as_of */
  gint64 stop_orders;       /* hazards whose equipment was ordered to stop use, up to as_of */
  gint64 back_checks_due;   /* back-checks planned and not done */
  gint64 back_checks_late;  /* of them due before as_of */
} RectifySummaryFacts;

void rectify_summary_facts_free (RectifySummaryFacts *facts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifySummaryFacts, rectify_summary_facts_free)

/* The facts of a campaign as of a date (NULL = the campaign's last day),
 * read through the store's public queries.  Stop-use orders and major
 * reports are looked for among the major and the overdue hazards, where
 * the workflow gives them. */
RectifySummaryFacts *rectify_summary_facts_compute (RectifyStore *store,
                                                    gint64 campaign_id,
                                                    const char *as_of,
                                                    GError **error);

G_END_DECLS
