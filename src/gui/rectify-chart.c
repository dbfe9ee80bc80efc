/* rectify-chart.c: a bar, column or line chart drawn with cairo, in the widget's style colours
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colours come from the style (the text colour and libadwaita's named
 * accent and status colours), so the chart reads in light and dark alike.
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rectify-chart.h"
#include "rectify-format.h"

#define TITLE_HEIGHT 26.0
#define BAR_ROW 24.0
#define PLOT_HEIGHT 160.0
#define AXIS_HEIGHT 20.0
#define LEGEND_HEIGHT 20.0
#define VALUE_AXIS_WIDTH 36.0

struct _RectifyChart
{
  GtkDrawingArea parent_instance;

  RectifyChartKind kind;
  char *title;
  GPtrArray *labels;      /* char * */
  GPtrArray *value_texts; /* char * or NULL */
  GPtrArray *series_names;
  GArray *values; /* double, n_series × n */
  guint n_series;
  double max;
};

G_DEFINE_FINAL_TYPE (RectifyChart, rectify_chart, GTK_TYPE_DRAWING_AREA)

/* Geometry of the plot for the widget's current size. */
typedef struct
{
  double x, y, width, height; /* the plot area */
  double label_width;         /* bars: the label column */
  double axis_max, step;
} Frame;

static double
value_at (RectifyChart *self, guint series, guint index)
{
  return g_array_index (self->values, double, series * self->labels->len + index);
}

static double
largest (RectifyChart *self)
{
  double max = self->max;

  if (max > 0)
    return max;
  for (guint i = 0; i < self->values->len; i++)
    max = MAX (max, g_array_index (self->values, double, i));
  return max;
}

static char *
shown_value (RectifyChart *self, guint series, guint index)
{
  const char *text = series == 0 && index < self->value_texts->len
                         ? g_ptr_array_index (self->value_texts, index)
                         : NULL;
  return text ? g_strdup (text) : rectify_format_chart_value (value_at (self, series, index));
}

static PangoLayout *
make_layout (RectifyChart *self, const char *text, gboolean bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static double
text_width (RectifyChart *self, const char *text)
{
  g_autoptr (PangoLayout) layout = make_layout (self, text, FALSE);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static void
compute_frame (RectifyChart *self, int width, int height, Frame *f)
{
  double top = TITLE_HEIGHT + (self->kind == RECTIFY_CHART_LINES ? LEGEND_HEIGHT : 0);

  f->axis_max = rectify_axis_nice_max (largest (self), &f->step);
  f->label_width = 0;
  if (self->kind == RECTIFY_CHART_BARS)
    {
      double value_w = 0;
      for (guint i = 0; i < self->labels->len; i++)
        {
          g_autofree char *v = shown_value (self, 0, i);
          f->label_width
              = MAX (f->label_width, text_width (self, g_ptr_array_index (self->labels, i)));
          value_w = MAX (value_w, text_width (self, v));
        }
      f->label_width = MIN (f->label_width + 8, width * 0.45);
      f->x = f->label_width;
      f->width = MAX (10, width - f->label_width - value_w - 10);
    }
  else
    {
      f->x = VALUE_AXIS_WIDTH;
      f->width = MAX (10, width - VALUE_AXIS_WIDTH - 8);
    }
  f->y = top;
  f->height = MAX (10, height - top - AXIS_HEIGHT);
}

static void
set_color (cairo_t *cr, const GdkRGBA *c, double alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

static void
draw_text (RectifyChart *self,
           cairo_t *cr,
           const char *text,
           double x,
           double y,
           double align,
           double width,
           gboolean bold)
{
  g_autoptr (PangoLayout) layout = make_layout (self, text, bold);
  int w, h;

  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * align, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
series_color (RectifyChart *self, guint series, GdkRGBA *out)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  static const char *const names[]
      = { "accent_color", "success_color", "warning_color", "error_color" };

  if (!gtk_style_context_lookup_color (context, names[series % G_N_ELEMENTS (names)], out))
    gtk_style_context_get_color (context, out);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
draw_chart (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  RectifyChart *self = RECTIFY_CHART (area);
  GdkRGBA fg, color;
  Frame f;
  guint n = self->labels->len;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  compute_frame (self, width, height, &f);

  set_color (cr, &fg, 1);
  draw_text (self, cr, self->title ? self->title : "", width / 2.0, TITLE_HEIGHT / 2, 0.5, width,
             TRUE);

  if (n == 0)
    {
      set_color (cr, &fg, 0.55);
      draw_text (self, cr, _ ("No data for this day"), width / 2.0, f.y + f.height / 2, 0.5, width,
                 FALSE);
      return;
    }

  /* grid and value axis */
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= f.axis_max + f.step / 2; v += f.step)
    {
      g_autofree char *text = rectify_format_chart_value (v);
      set_color (cr, &fg, v > 0 ? 0.15 : 0.5);
      if (self->kind == RECTIFY_CHART_BARS)
        {
          double x = round (f.x + f.width * v / f.axis_max) + 0.5;
          cairo_move_to (cr, x, f.y);
          cairo_line_to (cr, x, f.y + f.height);
          cairo_stroke (cr);
          set_color (cr, &fg, 0.6);
          draw_text (self, cr, text, x, f.y + f.height + AXIS_HEIGHT / 2, 0.5, 0, FALSE);
        }
      else
        {
          double y = round (f.y + f.height - f.height * v / f.axis_max) + 0.5;
          cairo_move_to (cr, f.x, y);
          cairo_line_to (cr, f.x + f.width, y);
          cairo_stroke (cr);
          set_color (cr, &fg, 0.6);
          draw_text (self, cr, text, f.x - 4, y, 1, 0, FALSE);
        }
    }

  series_color (self, 0, &color);
  if (self->kind == RECTIFY_CHART_BARS)
    {
      double row = f.height / n;
      for (guint i = 0; i < n; i++)
        {
          double w = f.width * MAX (value_at (self, 0, i), 0) / f.axis_max;
          double y = f.y + i * row;
          g_autofree char *value = shown_value (self, 0, i);
          set_color (cr, &color, 1);
          cairo_rectangle (cr, f.x, y + row * 0.2, w, row * 0.6);
          cairo_fill (cr);
          set_color (cr, &fg, 0.85);
          draw_text (self, cr, g_ptr_array_index (self->labels, i), f.label_width - 6, y + row / 2,
                     1, f.label_width - 6, FALSE);
          draw_text (self, cr, value, f.x + w + 4, y + row / 2, 0, 0, FALSE);
        }
    }
  else if (self->kind == RECTIFY_CHART_COLUMNS)
    {
      double slot = f.width / n;
      guint every = 1;
      double label_w = 0;
      for (guint i = 0; i < n; i++)
        label_w = MAX (label_w, text_width (self, g_ptr_array_index (self->labels, i)));
      while (every * slot < label_w + 6 && every < n)
        every++;
      for (guint i = 0; i < n; i++)
        {
          double h = f.height * MAX (value_at (self, 0, i), 0) / f.axis_max;
          double x = f.x + i * slot;
          set_color (cr, &color, 1);
          cairo_rectangle (cr, x + slot * 0.15, f.y + f.height - h, slot * 0.7, h);
          cairo_fill (cr);
          if (i % every == 0)
            {
              set_color (cr, &fg, 0.7);
              draw_text (self, cr, g_ptr_array_index (self->labels, i), x + slot / 2,
                         f.y + f.height + AXIS_HEIGHT / 2, 0.5, 0, FALSE);
            }
        }
    }
  else
    {
      double legend_x = f.x;
      for (guint s = 0; s < self->n_series; s++)
        {
          const char *name = g_ptr_array_index (self->series_names, s);
          series_color (self, s, &color);
          set_color (cr, &color, 1);
          cairo_set_line_width (cr, 2.5);
          cairo_move_to (cr, legend_x, TITLE_HEIGHT + LEGEND_HEIGHT / 2);
          cairo_line_to (cr, legend_x + 18, TITLE_HEIGHT + LEGEND_HEIGHT / 2);
          cairo_stroke (cr);
          set_color (cr, &fg, 0.85);
          draw_text (self, cr, name, legend_x + 22, TITLE_HEIGHT + LEGEND_HEIGHT / 2, 0, 0, FALSE);
          legend_x += 22 + text_width (self, name) + 16;

          set_color (cr, &color, 1);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          for (guint i = 0; i < n; i++)
            {
              double x = f.x + (n > 1 ? f.width * i / (n - 1) : f.width / 2);
              double y = f.y + f.height - f.height * MAX (value_at (self, s, i), 0) / f.axis_max;
              if (i == 0)
                cairo_move_to (cr, x, y);
              else
                cairo_line_to (cr, x, y);
            }
          if (n == 1)
            cairo_rel_line_to (cr, 0.1, 0);
          cairo_stroke (cr);
        }
      set_color (cr, &fg, 0.7);
      draw_text (self, cr, g_ptr_array_index (self->labels, 0), f.x,
                 f.y + f.height + AXIS_HEIGHT / 2, 0, 0, FALSE);
      if (n > 1)
        draw_text (self, cr, g_ptr_array_index (self->labels, n - 1), f.x + f.width,
                   f.y + f.height + AXIS_HEIGHT / 2, 1, 0, FALSE);
    }
}

char *
rectify_chart_describe_at (RectifyChart *self, double x, double y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  guint n, index;
  Frame f;

  g_return_val_if_fail (RECTIFY_IS_CHART (self), NULL);

  n = self->labels->len;
  if (n == 0 || width <= 0 || height <= 0)
    return NULL;
  compute_frame (self, width, height, &f);
  if (self->kind == RECTIFY_CHART_BARS)
    {
      if (y < f.y || y >= f.y + f.height)
        return NULL;
      index = MIN ((guint)((y - f.y) / (f.height / n)), n - 1);
    }
  else
    {
      double pos;
      if (x < f.x - 4 || x > f.x + f.width + 4 || y < f.y - 4 || y > f.y + f.height + 4)
        return NULL;
      if (self->kind == RECTIFY_CHART_COLUMNS)
        index = MIN ((guint)MAX (0, (x - f.x) / (f.width / n)), n - 1);
      else
        {
          pos = n > 1 ? (x - f.x) / f.width * (n - 1) : 0;
          index = (guint)CLAMP (round (pos), 0, n - 1);
        }
    }
  if (self->kind == RECTIFY_CHART_LINES)
    {
      GString *text = g_string_new (g_ptr_array_index (self->labels, index));
      for (guint s = 0; s < self->n_series; s++)
        {
          g_autofree char *value = shown_value (self, s, index);
          /* Translators: a series of a chart and its value, "Found: 5" */
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _ ("%s: %s"),
                                  (char *)g_ptr_array_index (self->series_names, s), value);
        }
      return g_string_free (text, FALSE);
    }
  {
    g_autofree char *value = shown_value (self, 0, index);
    return g_strdup_printf (_ ("%s: %s"), (char *)g_ptr_array_index (self->labels, index), value);
  }
}

static gboolean
on_query_tooltip_cb (
    GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, gpointer user_data)
{
  g_autofree char *text = NULL;

  if (keyboard)
    return FALSE;
  text = rectify_chart_describe_at (RECTIFY_CHART (widget), x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The values in words, for screen readers: a chart is a picture otherwise. */
static void
update_accessible (RectifyChart *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->labels->len; i++)
    {
      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, g_ptr_array_index (self->labels, i));
      for (guint s = 0; s < self->n_series; s++)
        {
          g_autofree char *value = shown_value (self, s, i);
          g_string_append_printf (text, s == 0 ? ": %s" : ", %s", value);
        }
      /* a long line chart is summed up by its last point */
      if (self->kind == RECTIFY_CHART_LINES && i == 0 && self->labels->len > 2)
        i = self->labels->len - 2;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
}

static void
update_size (RectifyChart *self)
{
  double height;

  if (self->kind == RECTIFY_CHART_BARS)
    height = TITLE_HEIGHT + MAX (self->labels->len, 1) * BAR_ROW + AXIS_HEIGHT + 4;
  else
    height = TITLE_HEIGHT + (self->kind == RECTIFY_CHART_LINES ? LEGEND_HEIGHT : 0) + PLOT_HEIGHT
             + AXIS_HEIGHT;
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), (int)height);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
clear_data (RectifyChart *self)
{
  g_ptr_array_set_size (self->labels, 0);
  g_ptr_array_set_size (self->value_texts, 0);
  g_ptr_array_set_size (self->series_names, 0);
  g_array_set_size (self->values, 0);
  self->n_series = 0;
  self->max = 0;
}

void
rectify_chart_set_bars (RectifyChart *self,
                        RectifyChartKind kind,
                        const char *const *labels,
                        const double *values,
                        const char *const *value_texts,
                        guint n,
                        double max)
{
  g_return_if_fail (RECTIFY_IS_CHART (self));
  g_return_if_fail (kind == RECTIFY_CHART_BARS || kind == RECTIFY_CHART_COLUMNS);
  g_return_if_fail (n == 0 || (labels != NULL && values != NULL));

  clear_data (self);
  self->kind = kind;
  self->n_series = 1;
  self->max = max;
  g_ptr_array_add (self->series_names, g_strdup (self->title ? self->title : ""));
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->labels, g_strdup (labels[i]));
      g_ptr_array_add (self->value_texts, value_texts ? g_strdup (value_texts[i]) : NULL);
    }
  g_array_append_vals (self->values, values, n);
  update_size (self);
}

void
rectify_chart_set_lines (RectifyChart *self,
                         const char *const *series_names,
                         guint n_series,
                         const char *const *labels,
                         const double *values,
                         guint n)
{
  g_return_if_fail (RECTIFY_IS_CHART (self));
  g_return_if_fail (n_series > 0 && series_names != NULL);
  g_return_if_fail (n == 0 || (labels != NULL && values != NULL));

  clear_data (self);
  self->kind = RECTIFY_CHART_LINES;
  self->n_series = n_series;
  for (guint s = 0; s < n_series; s++)
    g_ptr_array_add (self->series_names, g_strdup (series_names[s]));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->labels, g_strdup (labels[i]));
  g_array_append_vals (self->values, values, (guint)n * n_series);
  update_size (self);
}

void
rectify_chart_set_title (RectifyChart *self, const char *title)
{
  g_return_if_fail (RECTIFY_IS_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
rectify_chart_get_title (RectifyChart *self)
{
  g_return_val_if_fail (RECTIFY_IS_CHART (self), NULL);
  return self->title;
}

RectifyChartKind
rectify_chart_get_kind (RectifyChart *self)
{
  g_return_val_if_fail (RECTIFY_IS_CHART (self), RECTIFY_CHART_BARS);
  return self->kind;
}

guint
rectify_chart_get_n_points (RectifyChart *self)
{
  g_return_val_if_fail (RECTIFY_IS_CHART (self), 0);
  return self->labels->len;
}

guint
rectify_chart_get_n_series (RectifyChart *self)
{
  g_return_val_if_fail (RECTIFY_IS_CHART (self), 0);
  return self->n_series;
}

double
rectify_chart_get_value (RectifyChart *self, guint series, guint index)
{
  g_return_val_if_fail (RECTIFY_IS_CHART (self), 0);
  g_return_val_if_fail (series < self->n_series && index < self->labels->len, 0);
  return value_at (self, series, index);
}

const char *
rectify_chart_get_label (RectifyChart *self, guint index)
{
  g_return_val_if_fail (RECTIFY_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);
  return g_ptr_array_index (self->labels, index);
}

static void
rectify_chart_finalize (GObject *object)
{
  RectifyChart *self = RECTIFY_CHART (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->value_texts, g_ptr_array_unref);
  g_clear_pointer (&self->series_names, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_array_unref);

  G_OBJECT_CLASS (rectify_chart_parent_class)->finalize (object);
}

static void
rectify_chart_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rectify_chart_parent_class)->css_changed (widget, change);
  /* light ↔ dark: the colours are read at each draw */
  gtk_widget_queue_draw (widget);
}

static void
rectify_chart_class_init (RectifyChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rectify_chart_finalize;
  widget_class->css_changed = rectify_chart_css_changed;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rectify_chart_init (RectifyChart *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->value_texts = g_ptr_array_new_with_free_func (g_free);
  self->series_names = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, TRUE, sizeof (double));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_chart, NULL, NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  update_size (self);
}

GtkWidget *
rectify_chart_new (void)
{
  return g_object_new (RECTIFY_TYPE_CHART, NULL);
}
