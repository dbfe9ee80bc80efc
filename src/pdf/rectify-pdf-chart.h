/* rectify-pdf-chart.h: bar, column and line charts drawn as vector paths in a document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-pdf-document.h"

G_BEGIN_DECLS

typedef struct
{
  const char *label;
  double value;
  const char *value_text; /* shown at the bar; NULL = the value as a number */
} RectifyPdfBar;

typedef struct
{
  const char *name;     /* in the legend */
  const double *values; /* n_points */
  guint32 color;        /* 0xRRGGBB */
} RectifyPdfSeries;

/* Horizontal bars, one a row, labels on the left; max 0 = the largest
 * value.  Drawn at the cursor, kept on one page. */
gboolean rectify_pdf_chart_bars (RectifyPdfDocument *doc,
                                 const char *title,
                                 const RectifyPdfBar *bars,
                                 guint n_bars,
                                 double max,
                                 GError **error);

/* Vertical columns with their labels below (every few when crowded). */
gboolean rectify_pdf_chart_columns (RectifyPdfDocument *doc,
                                    const char *title,
                                    const RectifyPdfBar *columns,
                                    guint n_columns,
                                    GError **error);

/* Lines over n_points evenly spaced x positions; labels (n_points, NULL
 * entries skipped; the array NULL = none) mark the axis: the first, the
 * last and evenly spaced ones between as they fit.  A legend names the
 * series.  Charts that do not fit the rest of a page are drawn smaller
 * into it while they stay legible, else on the next page. */
gboolean rectify_pdf_chart_lines (RectifyPdfDocument *doc,
                                  const char *title,
                                  const RectifyPdfSeries *series,
                                  guint n_series,
                                  guint n_points,
                                  const char *const *labels,
                                  GError **error);

G_END_DECLS
