/* rectify-operators-page.h: the operators of special equipment and their certificates
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-list-page.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_OPERATORS_PAGE (rectify_operators_page_get_type ())
G_DECLARE_FINAL_TYPE (
    RectifyOperatorsPage, rectify_operators_page, RECTIFY, OPERATORS_PAGE, RectifyListPage)

GtkWidget *rectify_operators_page_new (RectifyStore *store);

G_END_DECLS
