/* rectify-units-page.h: the units under supervision, their form, equipment and operators
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-list-page.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_UNITS_PAGE (rectify_units_page_get_type ())
G_DECLARE_FINAL_TYPE (RectifyUnitsPage, rectify_units_page, RECTIFY, UNITS_PAGE, RectifyListPage)

GtkWidget *rectify_units_page_new (RectifyStore *store);

G_END_DECLS
