/* rectify-pdf-chart.c: bar, column and line charts drawn as vector paths in a document
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts are drawn with the document's path operators, not as pictures:
 * they print sharp at any size and their numbers stay text.
 */
#define G_LOG_DOMAIN "rectify-pdf"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rectify-format.h"
#include "rectify-pdf-chart.h"

#define BLACK 0x000000
#define GRID 0xC8C8C8
#define BAR 0x3465A4
#define AXIS 0x555555
#define LABEL_SIZE 9.0
#define TITLE_SIZE 11.0

static const RectifyPdfStyle title_style
    = { RECTIFY_PDF_FONT_HEADING, TITLE_SIZE, 0, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, BLACK, 0, 0 };

static RectifyPdfStyle
label_style (RectifyPdfAlign align)
{
  RectifyPdfStyle style = { RECTIFY_PDF_FONT_BODY, LABEL_SIZE, 0, 0, 0, 0, align, BLACK, 0, 0 };
  return style;
}

/* The label cut to fit width, with "..." when it was cut. */
static char *
fit_label (RectifyPdfDocument *doc, const RectifyPdfStyle *style, const char *text, double width)
{
  g_autoptr (GString) cut = NULL;

  if (rectify_pdf_document_text_width (doc, style, text) <= width)
    return g_strdup (text);
  cut = g_string_new (text);
  while (cut->len > 0)
    {
      const char *last = g_utf8_find_prev_char (cut->str, cut->str + cut->len);
      g_string_truncate (cut, last ? (gsize)(last - cut->str) : 0);
      g_string_append (cut, "...");
      if (rectify_pdf_document_text_width (doc, style, cut->str) <= width)
        return g_string_free (g_steal_pointer (&cut), FALSE);
      g_string_truncate (cut, cut->len - 3);
    }
  return g_strdup ("");
}

static gboolean
draw_title (RectifyPdfDocument *doc, double top, const char *title, GError **error)
{
  return rectify_pdf_document_label (doc, &title_style,
                                     rectify_pdf_document_get_text_width (doc) / 2,
                                     top + TITLE_SIZE, title, error);
}

/* The plot height to draw: the whole of want when the page has room, else
 * what is left if that is at least least (still legible), else want on a
 * new page.  No more than least + the rest of the chart is left blank. */
static double
fit_plot (RectifyPdfDocument *doc, double rest, double want, double least)
{
  double left
      = rectify_pdf_document_get_text_height (doc) - rectify_pdf_document_get_cursor (doc) - rest;

  if (rectify_pdf_document_get_cursor (doc) <= 0 || left >= want)
    return want;
  if (left >= least)
    return floor (left);
  return want;
}

gboolean
rectify_pdf_chart_bars (RectifyPdfDocument *doc,
                        const char *title,
                        const RectifyPdfBar *bars,
                        guint n_bars,
                        double max,
                        GError **error)
{
  const double title_h = 22, axis_h = 16;
  double row = 16, bar_h = 10;
  double width = rectify_pdf_document_get_text_width (doc);
  RectifyPdfStyle left = label_style (RECTIFY_PDF_ALIGN_LEFT);
  RectifyPdfStyle right = label_style (RECTIFY_PDF_ALIGN_RIGHT);
  RectifyPdfStyle centre = label_style (RECTIFY_PDF_ALIGN_CENTER);
  double label_w = 0, value_w = 0, top, plot_x, plot_w, plot_top, plot_h, step, axis_max;

  g_return_val_if_fail (doc != NULL && (bars != NULL || n_bars == 0), FALSE);

  for (guint i = 0; i < n_bars; i++)
    {
      g_autofree char *value = bars[i].value_text ? g_strdup (bars[i].value_text)
                                                  : rectify_format_chart_value (bars[i].value);
      label_w = MAX (label_w, rectify_pdf_document_text_width (doc, &left, bars[i].label));
      value_w = MAX (value_w, rectify_pdf_document_text_width (doc, &left, value));
      if (max <= 0 || bars[i].value > max)
        max = MAX (max, bars[i].value);
    }
  label_w = MIN (label_w + 6, width * 0.42);
  axis_max = rectify_axis_nice_max (max, &step);
  /* rows down to 11 points still carry their 8-point labels */
  plot_h = fit_plot (doc, title_h + axis_h + 8, MAX (n_bars, 1) * row, MAX (n_bars, 1) * 11);
  row = plot_h / MAX (n_bars, 1);
  bar_h = row * 10 / 16;
  top = rectify_pdf_document_reserve (doc, title_h + plot_h + axis_h + 8);
  if (!draw_title (doc, top, title, error))
    return FALSE;
  plot_x = label_w;
  plot_w = width - label_w - value_w - 8;
  plot_top = top + title_h;

  /* grid and its numbers */
  for (double v = 0; v <= axis_max + step / 2; v += step)
    {
      double x = plot_x + plot_w * v / axis_max;
      g_autofree char *text = rectify_format_chart_value (v);
      rectify_pdf_document_line (doc, x, plot_top, x, plot_top + plot_h, 0.4, GRID, v > 0);
      if (!rectify_pdf_document_label (doc, &centre, x, plot_top + plot_h + 11, text, error))
        return FALSE;
    }
  for (guint i = 0; i < n_bars; i++)
    {
      double y = plot_top + i * row;
      double w = plot_w * MAX (bars[i].value, 0) / axis_max;
      g_autofree char *label = fit_label (doc, &right, bars[i].label, label_w - 6);
      g_autofree char *value = bars[i].value_text ? g_strdup (bars[i].value_text)
                                                  : rectify_format_chart_value (bars[i].value);

      rectify_pdf_document_fill_rect (doc, plot_x, y + (row - bar_h) / 2, w, bar_h, BAR);
      if (!rectify_pdf_document_label (doc, &right, label_w - 6, y + row / 2 + 3, label, error)
          || !rectify_pdf_document_label (doc, &left, plot_x + w + 3, y + row / 2 + 3, value,
                                          error))
        return FALSE;
    }
  rectify_pdf_document_line (doc, plot_x, plot_top, plot_x, plot_top + plot_h, 0.8, AXIS, FALSE);
  return TRUE;
}

gboolean
rectify_pdf_chart_columns (RectifyPdfDocument *doc,
                           const char *title,
                           const RectifyPdfBar *columns,
                           guint n_columns,
                           GError **error)
{
  const double title_h = 22, axis_h = 16;
  double plot_h = 120;
  double width = rectify_pdf_document_get_text_width (doc);
  RectifyPdfStyle right = label_style (RECTIFY_PDF_ALIGN_RIGHT);
  RectifyPdfStyle centre = label_style (RECTIFY_PDF_ALIGN_CENTER);
  double max = 0, step, axis_max, top, plot_x = 30, plot_w, plot_top, slot, label_w = 0;
  guint every = 1;

  g_return_val_if_fail (doc != NULL && (columns != NULL || n_columns == 0), FALSE);

  for (guint i = 0; i < n_columns; i++)
    {
      max = MAX (max, columns[i].value);
      label_w = MAX (label_w, rectify_pdf_document_text_width (doc, &centre, columns[i].label));
    }
  axis_max = rectify_axis_nice_max (max, &step);
  plot_h = fit_plot (doc, title_h + axis_h + 8, plot_h, 60);
  top = rectify_pdf_document_reserve (doc, title_h + plot_h + axis_h + 8);
  if (!draw_title (doc, top, title, error))
    return FALSE;
  plot_top = top + title_h;
  plot_w = width - plot_x - 4;
  slot = plot_w / MAX (n_columns, 1);
  while (every * slot < label_w + 4 && every < n_columns)
    every++;

  for (double v = 0; v <= axis_max + step / 2; v += step)
    {
      double y = plot_top + plot_h - plot_h * v / axis_max;
      g_autofree char *text = rectify_format_chart_value (v);
      rectify_pdf_document_line (doc, plot_x, y, plot_x + plot_w, y, 0.4, GRID, v > 0);
      if (!rectify_pdf_document_label (doc, &right, plot_x - 4, y + 3, text, error))
        return FALSE;
    }
  for (guint i = 0; i < n_columns; i++)
    {
      double h = plot_h * MAX (columns[i].value, 0) / axis_max;
      double x = plot_x + i * slot;
      rectify_pdf_document_fill_rect (doc, x + slot * 0.15, plot_top + plot_h - h, slot * 0.7, h,
                                      BAR);
      if (slot >= 16 && columns[i].value > 0)
        {
          g_autofree char *value = columns[i].value_text
                                       ? g_strdup (columns[i].value_text)
                                       : rectify_format_chart_value (columns[i].value);
          if (!rectify_pdf_document_label (doc, &centre, x + slot / 2, plot_top + plot_h - h - 2,
                                           value, error))
            return FALSE;
        }
      if (i % every == 0
          && !rectify_pdf_document_label (doc, &centre, x + slot / 2, plot_top + plot_h + 11,
                                          columns[i].label, error))
        return FALSE;
    }
  rectify_pdf_document_line (doc, plot_x, plot_top + plot_h, plot_x + plot_w, plot_top + plot_h,
                             0.8, AXIS, FALSE);
  return TRUE;
}

gboolean
rectify_pdf_chart_lines (RectifyPdfDocument *doc,
                         const char *title,
                         const RectifyPdfSeries *series,
                         guint n_series,
                         guint n_points,
                         const char *const *labels,
                         GError **error)
{
  const double title_h = 22, legend_h = 14, axis_h = 16;
  double plot_h = 130;
  RectifyPdfStyle centre = label_style (RECTIFY_PDF_ALIGN_CENTER);
  double label_w = 0;
  guint every = 1;
  double width = rectify_pdf_document_get_text_width (doc);
  RectifyPdfStyle left = label_style (RECTIFY_PDF_ALIGN_LEFT);
  RectifyPdfStyle right = label_style (RECTIFY_PDF_ALIGN_RIGHT);
  double max = 0, step, axis_max, top, plot_x = 30, plot_w, plot_top, legend_x;
  g_autofree double *points = g_new (double, 2 * MAX (n_points, 1));

  g_return_val_if_fail (doc != NULL && (series != NULL || n_series == 0), FALSE);

  for (guint s = 0; s < n_series; s++)
    for (guint i = 0; i < n_points; i++)
      max = MAX (max, series[s].values[i]);
  axis_max = rectify_axis_nice_max (max, &step);
  plot_h = fit_plot (doc, title_h + legend_h + axis_h + 8, plot_h, 70);
  top = rectify_pdf_document_reserve (doc, title_h + legend_h + plot_h + axis_h + 8);
  if (!draw_title (doc, top, title, error))
    return FALSE;
  plot_top = top + title_h + legend_h;
  plot_w = width - plot_x - 4;

  /* legend: a short stroke of each colour and the series' name */
  legend_x = plot_x;
  for (guint s = 0; s < n_series; s++)
    {
      double y = top + title_h + 4;
      rectify_pdf_document_line (doc, legend_x, y, legend_x + 18, y, 2, series[s].color, FALSE);
      if (!rectify_pdf_document_label (doc, &left, legend_x + 22, y + 3, series[s].name, error))
        return FALSE;
      legend_x += 22 + rectify_pdf_document_text_width (doc, &left, series[s].name) + 16;
    }
  for (double v = 0; v <= axis_max + step / 2; v += step)
    {
      double y = plot_top + plot_h - plot_h * v / axis_max;
      g_autofree char *text = rectify_format_chart_value (v);
      rectify_pdf_document_line (doc, plot_x, y, plot_x + plot_w, y, 0.4, GRID, v > 0);
      if (!rectify_pdf_document_label (doc, &right, plot_x - 4, y + 3, text, error))
        return FALSE;
    }
  for (guint s = 0; s < n_series && n_points > 0; s++)
    {
      for (guint i = 0; i < n_points; i++)
        {
          points[2 * i] = plot_x + (n_points > 1 ? plot_w * i / (n_points - 1) : plot_w / 2);
          points[2 * i + 1] = plot_top + plot_h - plot_h * MAX (series[s].values[i], 0) / axis_max;
        }
      if (n_points == 1)
        rectify_pdf_document_fill_rect (doc, points[0] - 2, points[1] - 2, 4, 4, series[s].color);
      else
        rectify_pdf_document_polyline (doc, points, n_points, 1.6, series[s].color, FALSE);
    }
  rectify_pdf_document_line (doc, plot_x, plot_top, plot_x, plot_top + plot_h, 0.8, AXIS, FALSE);
  rectify_pdf_document_line (doc, plot_x, plot_top + plot_h, plot_x + plot_w, plot_top + plot_h,
                             0.8, AXIS, FALSE);
  /* the dates along the axis: the first, the last, and as many evenly
   * spaced between as their widths allow */
  for (guint i = 0; labels && i < n_points; i++)
    if (labels[i])
      label_w = MAX (label_w, rectify_pdf_document_text_width (doc, &centre, labels[i]));
  if (n_points > 1)
    while (every < n_points - 1 && plot_w * every / (n_points - 1) < label_w + 12)
      every++;
  for (guint i = 0; labels && i < n_points; i++)
    {
      double x = plot_x + (n_points > 1 ? plot_w * i / (n_points - 1) : plot_w / 2);
      gboolean last = i + 1 == n_points;
      const RectifyPdfStyle *style = i == 0 ? &left : last && n_points > 1 ? &right : &centre;

      if (labels[i] == NULL || (i % every != 0 && !last))
        continue;
      /* a label between that would touch the last one gives way to it */
      if (!last && i > 0 && plot_w * (n_points - 1 - i) / (n_points - 1) < label_w + 12)
        continue;
      rectify_pdf_document_line (doc, x, plot_top + plot_h, x, plot_top + plot_h + 3, 0.6, AXIS,
                                 FALSE);
      if (!rectify_pdf_document_label (doc, style, x, plot_top + plot_h + 11, labels[i], error))
        return FALSE;
    }
  return TRUE;
}
