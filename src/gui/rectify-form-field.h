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
typedef struct {
  const char *name;    /* untranslated, as the core passes it to _() */
  GtkWidget  *widget;
  GtkLabel   *label;
} RectifyFormField;

void     rectify_form_set_invalid    (GtkWidget *widget, gboolean invalid);
/* Hides every field's error and the general one. */
void     rectify_form_clear_errors   (RectifyFormField *fields, guint n_fields, GtkLabel *general);
/* Clears the error of the field whose widget this is. */
void     rectify_form_clear_field    (RectifyFormField *fields, guint n_fields, GtkWidget *widget);
/* Shows the message at the field it names (focusing it), else in general.
 * Returns the field's index, or -1 for general. */
int      rectify_form_show_error     (RectifyFormField *fields, guint n_fields, GtkLabel *general,
                                      const GError *error);

/* A hazard category's name in the language of the interface. */
const char *rectify_hazard_category_label (const RectifyHazardCategory *category);

G_END_DECLS
