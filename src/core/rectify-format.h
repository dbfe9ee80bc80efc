/* rectify-format.h: numbers and dates as the reader's language writes them,
 * and the round numbers of a chart's axis
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "12,345" with the locale's thousands separator; where the locale has
 * none (C), a no-break space every three digits, as the bureau's forms. */
char *rectify_format_count (gint64 n);

/* A stored date (YYYY-MM-DD) in the form of the translation: 2026-06-30 in
 * English, 2026年6月30日 in Chinese.  Anything that is not a valid date
 * comes back as it is; NULL or "" gives "". */
char *rectify_format_date (const char *iso);

/* Whether the reader's language (the first of g_get_language_names) is
 * Chinese: it picks between a record's Chinese and English names. */
gboolean rectify_language_is_chinese (void);

/* The top of a chart's value axis for values up to max: a multiple of
 * *step, the step being a whole 1, 2 or 5 times a power of ten (the
 * values are counts) so that the axis has 4 or 5 steps; a max of 0 (or
 * less, or NaN) gives 4 with step 1. */
double rectify_axis_nice_max (double max, double *step);
/* A number as the charts print it: "12" when whole, else with one
 * decimal, "12.5". */
char *rectify_format_chart_value (double value);

G_END_DECLS
