/* rectify-form-field.h: showing the core's messages at the field they name
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-store.h"

G_BEGIN_DECLS

/* A field of a form: the core names it at the start of its messages
 * ("Deadline: …"); its error goes into label (one label may serve a group
 * of fields) and the widget is marked invalid. */
typedef struct
{
  const char *name; /* untranslated, as the core passes it to _() */
  GtkWidget *widget;
  GtkLabel *label;
} RectifyFormField;

void rectify_form_set_invalid (GtkWidget *widget, gboolean invalid);
/* Hides every field's error and the general one. */
void rectify_form_clear_errors (RectifyFormField *fields, guint n_fields, GtkLabel *general);
/* Clears the error of the field whose widget this is. */
void rectify_form_clear_field (RectifyFormField *fields, guint n_fields, GtkWidget *widget);
/* Shows the message at the field it names (focusing it), else in general.
 * Returns the field's index, or -1 for general. */
int rectify_form_show_error (RectifyFormField *fields,
                             guint n_fields,
                             GtkLabel *general,
                             const GError *error);

/* A field of a page's form whose error shows in a row of its own, under
 * the field's row in the form's list box. */
typedef struct
{
  const char *name;    /* untranslated, as the core passes it to _() */
  const char *context; /* the name's msgctxt, or NULL */
  GtkWidget *widget;   /* the field's row */
  GtkWidget *error_row;
  GtkLabel *error_label;
} RectifyFormRow;

/* Sets up row for the field widget and puts its hidden error row under
 * widget in list. */
void
rectify_form_row_init (RectifyFormRow *row, const char *name, GtkWidget *widget, GtkListBox *list);
/* Hides the field's error and marks it valid. */
void rectify_form_row_clear (RectifyFormRow *row);
/* Hides every field's error and the general one. */
void rectify_form_rows_clear (RectifyFormRow *rows, guint n_rows, GtkLabel *general);
/* Clears the error of the field whose widget this is, if it shows one. */
void rectify_form_rows_clear_field (RectifyFormRow *rows, guint n_rows, GtkWidget *widget);
/* Shows the message under the field it names (focusing it), else in
 * general.  Returns the field's index, or -1 for general. */
int rectify_form_rows_show_error (RectifyFormRow *rows,
                                  guint n_rows,
                                  GtkLabel *general,
                                  const GError *error);

/* A hazard category's name in the language of the interface. */
const char *rectify_hazard_category_label (const RectifyHazardCategory *category);

G_END_DECLS
