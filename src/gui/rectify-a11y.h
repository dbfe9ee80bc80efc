/* rectify-a11y.h: accessibility fixes for GTK 4.8
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button with a mnemonic label twice, the raw label and the
 * label's text ("_Create Create"); this gives each such button under root
 * (root included) its label without the underline as its only name. */
void rectify_a11y_fix_mnemonic_buttons (GtkWidget *root);

/* GTK 4.8 names the button inside a drop-down after its type
 * ("GtkToggleButton"); this gives it name, the drop-down's own. */
void rectify_a11y_name_dropdown_button (GtkDropDown *dropdown, const char *name);

G_END_DECLS
