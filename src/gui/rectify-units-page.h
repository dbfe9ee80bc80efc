/* rectify-units-page.h: the units under supervision, their form, equipment and operators
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-store.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_UNITS_PAGE (rectify_units_page_get_type ())
G_DECLARE_FINAL_TYPE (RectifyUnitsPage, rectify_units_page, RECTIFY, UNITS_PAGE, AdwBin)

GtkWidget *rectify_units_page_new (RectifyStore *store);
RectifyStore *rectify_units_page_get_store (RectifyUnitsPage *self);
gboolean rectify_units_page_get_can_edit (RectifyUnitsPage *self);
void rectify_units_page_set_can_edit (RectifyUnitsPage *self, gboolean can_edit);
/* The listed units (RectifyRow of RectifyUnit), as filtered and sorted. */
GListModel *rectify_units_page_get_model (RectifyUnitsPage *self);
/* The unit shown in the form, 0 for none or a new one. */
gint64 rectify_units_page_get_selected_id (RectifyUnitsPage *self);
/* Selects and shows the unit if it is listed. */
void rectify_units_page_select (RectifyUnitsPage *self, gint64 unit_id);

G_END_DECLS
