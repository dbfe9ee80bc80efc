/* rectify-form-field.c: showing the core's messages at the field they name
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-form-field.h"
#include "rectify-format.h"

void
rectify_form_set_invalid (GtkWidget *widget, gboolean invalid)
{
  if (invalid)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
hide_label (GtkLabel *label)
{
  gtk_label_set_text (label, "");
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
}

void
rectify_form_clear_errors (RectifyFormField *fields, guint n_fields, GtkLabel *general)
{
  for (guint i = 0; i < n_fields; i++)
    {
      rectify_form_set_invalid (fields[i].widget, FALSE);
      hide_label (fields[i].label);
    }
  if (general != NULL)
    hide_label (general);
}

void
rectify_form_clear_field (RectifyFormField *fields, guint n_fields, GtkWidget *widget)
{
  for (guint i = 0; i < n_fields; i++)
    {
      RectifyFormField *f = &fields[i];

      if (f->widget != widget || !gtk_widget_has_css_class (widget, "error"))
        continue;
      rectify_form_set_invalid (widget, FALSE);
      /* The label may be telling about another field of its group. */
      if (rectify_message_names_field (gtk_label_get_text (f->label),
                                       g_dgettext (GETTEXT_PACKAGE, f->name)))
        hide_label (f->label);
    }
}

int
rectify_form_show_error (RectifyFormField *fields,
                         guint n_fields,
                         GtkLabel *general,
                         const GError *error)
{
  for (guint i = 0; i < n_fields; i++)
    {
      RectifyFormField *f = &fields[i];

      if (rectify_message_names_field (error->message, g_dgettext (GETTEXT_PACKAGE, f->name)))
        {
          rectify_form_set_invalid (f->widget, TRUE);
          gtk_label_set_text (f->label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (f->label), TRUE);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (f->widget),
                                          GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, f->label, -1);
          gtk_widget_grab_focus (f->widget);
          return (int)i;
        }
    }
  gtk_label_set_text (general, error->message);
  gtk_widget_set_visible (GTK_WIDGET (general), TRUE);
  return -1;
}

void
rectify_form_row_init (RectifyFormRow *row, const char *name, GtkWidget *widget, GtkListBox *list)
{
  GtkWidget *label = gtk_label_new (NULL);

  g_return_if_fail (row != NULL);
  g_return_if_fail (GTK_IS_LIST_BOX_ROW (widget));
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  row->name = name;
  row->context = NULL;
  row->widget = widget;
  row->error_label = GTK_LABEL (label);
  row->error_row = gtk_list_box_row_new ();
  gtk_label_set_wrap (row->error_label, TRUE);
  gtk_label_set_xalign (row->error_label, 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->error_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->error_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row->error_row), FALSE);
  gtk_widget_set_visible (row->error_row, FALSE);
  gtk_list_box_insert (list, row->error_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (widget)) + 1);
}

void
rectify_form_row_clear (RectifyFormRow *row)
{
  rectify_form_set_invalid (row->widget, FALSE);
  gtk_widget_set_visible (row->error_row, FALSE);
}

void
rectify_form_rows_clear (RectifyFormRow *rows, guint n_rows, GtkLabel *general)
{
  for (guint i = 0; i < n_rows; i++)
    rectify_form_row_clear (&rows[i]);
  gtk_widget_set_visible (GTK_WIDGET (general), FALSE);
}

void
rectify_form_rows_clear_field (RectifyFormRow *rows, guint n_rows, GtkWidget *widget)
{
  for (guint i = 0; i < n_rows; i++)
    if (rows[i].widget == widget && gtk_widget_has_css_class (widget, "error"))
      rectify_form_row_clear (&rows[i]);
}

int
rectify_form_rows_show_error (RectifyFormRow *rows,
                              guint n_rows,
                              GtkLabel *general,
                              const GError *error)
{
  for (guint i = 0; i < n_rows; i++)
    {
      RectifyFormRow *f = &rows[i];
      const char *name = f->context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, f->context, f->name)
                                            : g_dgettext (GETTEXT_PACKAGE, f->name);

      if (rectify_message_names_field (error->message, name))
        {
          rectify_form_set_invalid (f->widget, TRUE);
          gtk_label_set_text (f->error_label, error->message);
          gtk_widget_set_visible (f->error_row, TRUE);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (f->widget),
                                          GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, f->error_label,
                                          -1);
          gtk_widget_grab_focus (f->widget);
          return (int)i;
        }
    }
  gtk_label_set_text (general, error->message);
  gtk_widget_set_visible (GTK_WIDGET (general), TRUE);
  return -1;
}

const char *
rectify_hazard_category_label (const RectifyHazardCategory *category)
{
  /* The store keeps both names; the interface's language picks one. */
  if (rectify_language_is_chinese ())
    return category->name_zh;
  return category->name_en;
}
