/* rectify-summary-data.h: the series behind the campaign dashboard and work summary
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-csv.h"
#include "rectify-figures.h"
#include "rectify-records.h"
#include "rectify-store.h"

G_BEGIN_DECLS

/* Cumulative counts at the end of one day of the campaign. */
typedef struct
{
  char date[11];
  gint64 found;
  gint64 closed;
} RectifySummaryDay;

/* Visits in one week of the campaign (week 1 starts on the first day). */
typedef struct
{
  char start[11];
  gint64 inspections; /* bureau inspections and back-checks, as the figures count them */
  gint64 self_inspections;
} RectifySummaryWeek;

typedef enum
{
  RECTIFY_COVERAGE_INDUSTRY,
  RECTIFY_COVERAGE_AREA,
} RectifyCoverageKind;

/* Share of the units of one key industry or key area that were inspected. */
typedef struct
{
  RectifyCoverageKind kind;
  char *label;
  gint64 units;
  gint64 inspected;
} RectifyCoverageRow;

typedef struct
{
  RectifyCampaign *campaign;
  RectifyFigures *figures;                  /* hazards and checks by category come from here */
  char *as_of;                              /* = figures->as_of */
  GPtrArray *hazards_by_equipment_category; /* RectifyFigureRow; code "none" = no equipment named */
  GArray *days;                             /* RectifySummaryDay, campaign start .. as of */
  GArray *weeks;                            /* RectifySummaryWeek */
  GPtrArray *coverage;                      /* RectifyCoverageRow: key industries, then key areas */
} RectifySummaryData;

void rectify_summary_data_free (RectifySummaryData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifySummaryData, rectify_summary_data_free)

/* Everything the dashboard and the summary show, for a campaign as of a
 * day (NULL = as rectify_figures_compute chooses). Same definitions as the
 * figures: law-enforcement visits exclude self-inspections. */
RectifySummaryData *rectify_summary_data_compute (RectifyStore *store,
                                                  gint64 campaign_id,
                                                  const char *as_of,
                                                  GError **error);

/* Every figure and series as CSV for a spreadsheet: UTF-8 with a byte
 * order mark, CRLF line ends, one table after another under its title.
 * A cell that a spreadsheet would take for a formula (= + - @, tab, CR at
 * its start) is neutralised with a leading apostrophe and quoted
 * (rectify_csv_append_cell). */
char *rectify_summary_data_to_csv (const RectifySummaryData *data);

/* Whether a key area names densely populated public places (matched
 * through the units' crowded flag rather than their district). */
gboolean rectify_summary_is_crowded_area (const char *area);

/* The narrative parts of the work summary, written by people. */
typedef struct
{
  char *deployment; /* leadership and deployment */
  char *methods;    /* inspection and law-enforcement methods */
  char *next_steps;
} RectifySummaryNarrative;

void rectify_summary_narrative_free (RectifySummaryNarrative *narrative);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifySummaryNarrative, rectify_summary_narrative_free)

#define RECTIFY_SUMMARY_NARRATIVE_MAX_CHARS 4000

/* Empty strings when nothing was written yet. */
RectifySummaryNarrative *
rectify_summary_get_narrative (RectifyStore *store, gint64 campaign_id, GError **error);
/* Saves all three parts in one transaction; a part too long names its
 * field and nothing is written. */
gboolean rectify_summary_set_narrative (RectifyStore *store,
                                        gint64 campaign_id,
                                        const RectifySummaryNarrative *narrative,
                                        GError **error);

G_END_DECLS
