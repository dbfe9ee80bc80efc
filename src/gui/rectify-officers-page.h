/* rectify-officers-page.h: the bureau's officers, their roles and badges
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-list-page.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_OFFICERS_PAGE (rectify_officers_page_get_type ())
G_DECLARE_FINAL_TYPE (
    RectifyOfficersPage, rectify_officers_page, RECTIFY, OFFICERS_PAGE, RectifyListPage)

/* The list of officers beside the form of the selected one (or of a new
 * one).  Officers are never deleted: the audit log names them; the form
 * deactivates them instead.  Actions: page.new, page.find, page.save. */
GtkWidget *rectify_officers_page_new (RectifyStore *store);

G_END_DECLS
