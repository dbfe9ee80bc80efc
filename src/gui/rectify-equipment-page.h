/* rectify-equipment-page.h: the equipment register, searchable, with the selected item's form
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-list-page.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_EQUIPMENT_PAGE (rectify_equipment_page_get_type ())
G_DECLARE_FINAL_TYPE (
    RectifyEquipmentPage, rectify_equipment_page, RECTIFY, EQUIPMENT_PAGE, RectifyListPage)

GtkWidget *rectify_equipment_page_new (RectifyStore *store);

G_END_DECLS
