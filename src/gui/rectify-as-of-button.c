/* rectify-as-of-button.c: the filter-row button of a list limited to a dashboard's day
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-as-of-button.h"
#include "rectify-format.h"

GtkWidget *
rectify_as_of_button_new (void)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("window-close-symbolic");

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "as-of-limit");
  g_object_set_data (G_OBJECT (button), "rectify-label", label);
  gtk_widget_set_visible (button, FALSE);
  return button;
}

void
rectify_as_of_button_set_date (GtkWidget *button, const char *as_of)
{
  GtkLabel *label;
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  g_autofree char *clear = NULL;

  g_return_if_fail (GTK_IS_BUTTON (button));

  gtk_widget_set_visible (button, as_of != NULL);
  if (as_of == NULL)
    return;
  label = g_object_get_data (G_OBJECT (button), "rectify-label");
  day = rectify_format_date (as_of);
  /* Translators: %s is a date */
  text = g_strdup_printf (_ ("As of %s"), day);
  /* Translators: %s is a date; the button ends a list's limit to that day */
  clear = g_strdup_printf (_ ("Show today’s records, not those as of %s"), day);
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (button, clear);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, clear,
                                  -1);
}

void
rectify_as_of_limit_set (RectifyAsOfLimit *limit, const char *as_of, const char *filters)
{
  g_autofree char *day = g_strdup (as_of && *as_of ? as_of : NULL);

  g_free (limit->as_of);
  g_free (limit->filters);
  limit->as_of = g_steal_pointer (&day);
  limit->filters = limit->as_of ? g_strdup (filters) : NULL;
  if (limit->button != NULL)
    rectify_as_of_button_set_date (limit->button, limit->as_of);
}

void
rectify_as_of_limit_clear (RectifyAsOfLimit *limit)
{
  rectify_as_of_limit_set (limit, NULL, NULL);
}

const char *
rectify_as_of_limit_check (RectifyAsOfLimit *limit, const char *filters)
{
  if (limit->as_of != NULL && g_strcmp0 (limit->filters, filters) != 0)
    rectify_as_of_limit_clear (limit);
  return limit->as_of;
}
