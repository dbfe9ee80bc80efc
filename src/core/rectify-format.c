/* rectify-format.c: numbers and dates as the reader's language writes them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rectify-format.h"

char *
rectify_format_count (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n < 0 ? -n : n);
  const char *separator = nl_langinfo (THOUSEP);
  GString *out = g_string_new (n < 0 ? "-" : NULL);
  gsize len = strlen (digits);

  if (separator == NULL || *separator == '\0')
    separator = "\u00a0";
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
rectify_format_date (const char *iso)
{
  int y, m, d;
  char rest;
  g_autoptr (GDateTime) date = NULL;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  if (sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3 || !g_date_valid_dmy (d, m, y))
    return g_strdup (iso);
  date = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (date == NULL)
    return g_strdup (iso);
  /* Translators: how a day is written (g_date_time_format); Chinese:
   * "%Y年%-m月%-d日".  Keep it short: lists show it in a column. */
  return g_date_time_format (date, C_ ("date format", "%Y-%m-%d"));
}

gboolean
rectify_language_is_chinese (void)
{
  const char *const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "zh");
}

double
rectify_axis_nice_max (double max, double *step)
{
  double raw, magnitude, s;

  if (!(max > 0))
    {
      *step = 1;
      return 4;
    }
  raw = max / 4;
  magnitude = pow (10, floor (log10 (raw)));
  if (raw <= magnitude)
    s = magnitude;
  else if (raw <= 2 * magnitude)
    s = 2 * magnitude;
  else if (raw <= 5 * magnitude)
    s = 5 * magnitude;
  else
    s = 10 * magnitude;
  /* whole numbers: these are counts */
  s = MAX (1, round (s));
  *step = s;
  return ceil (max / s) * s;
}

char *
rectify_format_chart_value (double value)
{
  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}
