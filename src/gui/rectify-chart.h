/* rectify-chart.h: a bar, column or line chart drawn with cairo, in the widget's style colours
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  RECTIFY_CHART_BARS,    /* horizontal bars, labels on the left */
  RECTIFY_CHART_COLUMNS, /* vertical columns, labels below */
  RECTIFY_CHART_LINES,   /* one or more lines over the points */
} RectifyChartKind;

#define RECTIFY_TYPE_CHART (rectify_chart_get_type ())
G_DECLARE_FINAL_TYPE (RectifyChart, rectify_chart, RECTIFY, CHART, GtkDrawingArea)

GtkWidget *rectify_chart_new (void);

void rectify_chart_set_title (RectifyChart *self, const char *title);
const char *rectify_chart_get_title (RectifyChart *self);

/* Bars or columns: n labels and values; value_texts (may be NULL, or
 * hold NULLs) replace the number shown; max 0 = the largest value. */
void rectify_chart_set_bars (RectifyChart *self,
                             RectifyChartKind kind,
                             const char *const *labels,
                             const double *values,
                             const char *const *value_texts,
                             guint n,
                             double max);
/* Lines: n_series series of n points each (values row by row), and a
 * label per point (the tooltip and the first and last under the axis). */
void rectify_chart_set_lines (RectifyChart *self,
                              const char *const *series_names,
                              guint n_series,
                              const char *const *labels,
                              const double *values,
                              guint n);

RectifyChartKind rectify_chart_get_kind (RectifyChart *self);
guint rectify_chart_get_n_points (RectifyChart *self);
guint rectify_chart_get_n_series (RectifyChart *self);
double rectify_chart_get_value (RectifyChart *self, guint series, guint index);
const char *rectify_chart_get_label (RectifyChart *self, guint index);
/* The text a tooltip shows at a point of the widget, NULL over nothing. */
char *rectify_chart_describe_at (RectifyChart *self, double x, double y);

G_END_DECLS
