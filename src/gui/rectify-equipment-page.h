/* rectify-equipment-page.h: the equipment register, searchable, with the selected item's form
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-store.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_EQUIPMENT_PAGE (rectify_equipment_page_get_type ())
G_DECLARE_FINAL_TYPE (RectifyEquipmentPage, rectify_equipment_page, RECTIFY, EQUIPMENT_PAGE, AdwBin)

GtkWidget *rectify_equipment_page_new (RectifyStore *store);
RectifyStore *rectify_equipment_page_get_store (RectifyEquipmentPage *self);
gboolean rectify_equipment_page_get_can_edit (RectifyEquipmentPage *self);
void rectify_equipment_page_set_can_edit (RectifyEquipmentPage *self, gboolean can_edit);
/* The lazy list shown (RectifyRow of RectifyEquipment). */
GListModel *rectify_equipment_page_get_model (RectifyEquipmentPage *self);
/* The item in the form, 0 for none or a new one. */
gint64 rectify_equipment_page_get_selected_id (RectifyEquipmentPage *self);
void rectify_equipment_page_select (RectifyEquipmentPage *self, gint64 id);

G_END_DECLS
