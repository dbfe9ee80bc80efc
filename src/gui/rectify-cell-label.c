/* rectify-cell-label.c: one line of text in a list cell, cheap to rebind
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <pango/pangocairo.h>

#include "rectify-cell-label.h"

struct _RectifyCellLabel
{
  GtkWidget parent_instance;

  char *text;
  PangoLayout *layout; /* NULL until drawn, dropped on new text */
  guint layout_serial; /* of the Pango context it was made with */
  gboolean drawn;
};

G_DEFINE_FINAL_TYPE (RectifyCellLabel, rectify_cell_label, GTK_TYPE_WIDGET)

/* The height of one line of text in a font, measured once per font and
 * resolution (text scaling changes the resolution, not the font): Latin
 * and Chinese together, as GtkLabel would measure a line holding both. */
static int
line_height (GtkWidget *widget)
{
  static GHashTable *heights = NULL;
  PangoContext *context = gtk_widget_get_pango_context (widget);
  g_autofree char *font
      = pango_font_description_to_string (pango_context_get_font_description (context));
  g_autofree char *key
      = g_strdup_printf ("%s@%g", font, pango_cairo_context_get_resolution (context));
  gpointer height;

  if (heights == NULL)
    heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_lookup_extended (heights, key, NULL, &height))
    {
      PangoLayout *layout = pango_layout_new (context);
      int h;

      pango_layout_set_text (layout, "Ag|国（", -1);
      pango_layout_get_pixel_size (layout, NULL, &h);
      g_object_unref (layout);
      height = GINT_TO_POINTER (h);
      g_hash_table_insert (heights, g_steal_pointer (&key), height);
    }
  return GPOINTER_TO_INT (height);
}

static void
rectify_cell_label_measure (GtkWidget *widget,
                            GtkOrientation orientation,
                            int for_size,
                            int *minimum,
                            int *natural,
                            int *minimum_baseline,
                            int *natural_baseline)
{
  /* across: what the column gives (columns have a width or expand) */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = line_height (widget);
}

static PangoLayout *
ensure_layout (RectifyCellLabel *self, int width)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  if (self->layout != NULL && self->layout_serial != pango_context_get_serial (context))
    g_clear_object (&self->layout);
  if (self->layout == NULL)
    {
      self->layout = pango_layout_new (context);
      self->layout_serial = pango_context_get_serial (context);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (self->layout, self->text ? self->text : "", -1);
    }
  if (pango_layout_get_width (self->layout) != width * PANGO_SCALE)
    pango_layout_set_width (self->layout, width * PANGO_SCALE);
  return self->layout;
}

static void
rectify_cell_label_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RectifyCellLabel *self = RECTIFY_CELL_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout;
  GdkRGBA color;
  int h;

  self->drawn = FALSE;
  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;

  layout = ensure_layout (self, width);
  pango_layout_get_pixel_size (layout, NULL, &h);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - h) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
  self->drawn = TRUE;
}

static void
rectify_cell_label_finalize (GObject *object)
{
  RectifyCellLabel *self = RECTIFY_CELL_LABEL (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (rectify_cell_label_parent_class)->finalize (object);
}

static void
rectify_cell_label_class_init (RectifyCellLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rectify_cell_label_finalize;
  widget_class->measure = rectify_cell_label_measure;
  widget_class->snapshot = rectify_cell_label_snapshot;
  /* styled as a label: colours, dim-label, error */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
rectify_cell_label_init (RectifyCellLabel *self)
{
}

GtkWidget *
rectify_cell_label_new (void)
{
  return g_object_new (RECTIFY_TYPE_CELL_LABEL, NULL);
}

void
rectify_cell_label_set_text (RectifyCellLabel *self, const char *text)
{
  g_return_if_fail (RECTIFY_IS_CELL_LABEL (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text,
                                  -1);
  /* the height is the font's: only the drawing changes */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
rectify_cell_label_get_text (RectifyCellLabel *self)
{
  g_return_val_if_fail (RECTIFY_IS_CELL_LABEL (self), NULL);
  return self->text ? self->text : "";
}

gboolean
rectify_cell_label_get_drawn (RectifyCellLabel *self)
{
  g_return_val_if_fail (RECTIFY_IS_CELL_LABEL (self), FALSE);
  return self->drawn;
}
