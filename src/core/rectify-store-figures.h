/* rectify-store-figures.h: what a backend stores of the counts behind the figures and the summary
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures' definitions (what counts as done, found, closed, overdue,
 * issued or void by a day) are the backend's conditions, the same in the
 * counts here and in the lists opened from a figure.
 */
#pragma once

#include "rectify-figures.h"
#include "rectify-store-backend.h"

G_BEGIN_DECLS

/* The hazards of one category (code) as the figures count them by a day. */
typedef struct
{
  const char *category;
  gint64 found;
  gint64 general;
  gint64 major;
  gint64 closed;
  gint64 overdue;
} RectifyStoreHazardTally;

/* Called for each category with hazards, for each equipment category
 * (its number) with checks, and so on; user_data is the caller's. */
typedef void (*RectifyStoreHazardTallyFunc) (const RectifyStoreHazardTally *tally,
                                             gpointer user_data);
typedef void (*RectifyStoreCheckTallyFunc) (int equipment_category,
                                            gint64 quantity,
                                            gpointer user_data);
/* A hazard found by the day: closed_date only when closed by then,
 * equipment_category 0 when it names none. */
typedef void (*RectifyStoreHazardDayFunc) (const char *found_date,
                                           const char *closed_date,
                                           int equipment_category,
                                           gpointer user_data);
/* The inspections of one day: by the bureau (not self) and self. */
typedef void (*RectifyStoreInspectionDayFunc) (const char *date,
                                               gint64 inspections,
                                               gint64 self_inspections,
                                               gpointer user_data);
/* A unit the bureau inspected. */
typedef void (*RectifyStoreInspectedUnitFunc) (const char *industry,
                                               const char *district,
                                               gboolean crowded,
                                               gpointer user_data);

typedef enum
{
  RECTIFY_STORE_UNITS_OF_INDUSTRY,
  RECTIFY_STORE_UNITS_OF_DISTRICT,
  RECTIFY_STORE_UNITS_CROWDED,
} RectifyStoreUnitGroup;

/* Every op counts the rows of campaign_id (all campaigns when 0, except
 * where a campaign is required) as they stand on the day as_of. */
struct _RectifyStoreFigureOps
{
  /* Fills the inspection counts of f: person-times, unit inspections,
   * distinct units, equipment checks, self-inspections, back-checks. */
  gboolean (*inspections) (
      RectifyStore *self, gint64 campaign_id, const char *as_of, RectifyFigures *f, GError **error);
  /* Fills the documents of f: instruction letters and rectification opinions issued. */
  gboolean (*documents) (
      RectifyStore *self, gint64 campaign_id, const char *as_of, RectifyFigures *f, GError **error);
  /* Calls func with the hazard counts of each category that has hazards. */
  gboolean (*hazards) (RectifyStore *self,
                       gint64 campaign_id,
                       const char *as_of,
                       RectifyStoreHazardTallyFunc func,
                       gpointer user_data,
                       GError **error);
  /* Calls func with the equipment checks (not self-inspections) of each equipment category. */
  gboolean (*checks) (RectifyStore *self,
                      gint64 campaign_id,
                      const char *as_of,
                      RectifyStoreCheckTallyFunc func,
                      gpointer user_data,
                      GError **error);
  /* Calls func for each hazard of the campaign found by as_of. */
  gboolean (*hazard_days) (RectifyStore *self,
                           gint64 campaign_id,
                           const char *as_of,
                           RectifyStoreHazardDayFunc func,
                           gpointer user_data,
                           GError **error);
  /* Calls func for each day with inspections of the campaign done by as_of, in date order. */
  gboolean (*inspection_days) (RectifyStore *self,
                               gint64 campaign_id,
                               const char *as_of,
                               RectifyStoreInspectionDayFunc func,
                               gpointer user_data,
                               GError **error);
  /* The number of units of an industry or district (label), or crowded ones; -1 on error. */
  gint64 (*count_units) (RectifyStore *self,
                         RectifyStoreUnitGroup group,
                         const char *label,
                         GError **error);
  /* Calls func once for each unit the bureau (not self) inspected in the campaign by as_of. */
  gboolean (*inspected_units) (RectifyStore *self,
                               gint64 campaign_id,
                               const char *as_of,
                               RectifyStoreInspectedUnitFunc func,
                               gpointer user_data,
                               GError **error);
  /* The ids of the units with inspections or hazards in the campaign, by credit code. */
  GArray *(*campaign_units) (RectifyStore *self, gint64 campaign_id, GError **error);
};

G_END_DECLS
