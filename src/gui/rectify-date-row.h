/* rectify-date-row.h: an entry row for a YYYY-MM-DD date with a calendar
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RECTIFY_TYPE_DATE_ROW (rectify_date_row_get_type ())
G_DECLARE_FINAL_TYPE (RectifyDateRow, rectify_date_row, RECTIFY, DATE_ROW, AdwEntryRow)

GtkWidget *rectify_date_row_new (void);
/* The text, trimmed; NULL when empty.  Not validated. */
char *rectify_date_row_get_date (RectifyDateRow *self);
/* NULL or "" empties the row. */
void rectify_date_row_set_date (RectifyDateRow *self, const char *date);
/* An empty row is valid; otherwise rectify_validate_date (field, …). */
gboolean rectify_date_row_validate (RectifyDateRow *self, const char *field, GError **error);

G_END_DECLS
