/* rectify-operators-page.h: the operators of special equipment and their certificates
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-store.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_OPERATORS_PAGE (rectify_operators_page_get_type ())
G_DECLARE_FINAL_TYPE (RectifyOperatorsPage, rectify_operators_page, RECTIFY, OPERATORS_PAGE, AdwBin)

GtkWidget *rectify_operators_page_new (RectifyStore *store);
RectifyStore *rectify_operators_page_get_store (RectifyOperatorsPage *self);
gboolean rectify_operators_page_get_can_edit (RectifyOperatorsPage *self);
void rectify_operators_page_set_can_edit (RectifyOperatorsPage *self, gboolean can_edit);
/* The listed operators (RectifyRow of RectifyOperator), as filtered and sorted. */
GListModel *rectify_operators_page_get_model (RectifyOperatorsPage *self);
/* The operator shown in the form, 0 for none or a new one. */
gint64 rectify_operators_page_get_selected_id (RectifyOperatorsPage *self);
/* Selects and shows the operator if it is listed. */
void rectify_operators_page_select (RectifyOperatorsPage *self, gint64 operator_id);

G_END_DECLS
