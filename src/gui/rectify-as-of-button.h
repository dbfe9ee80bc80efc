/* rectify-as-of-button.h: the filter-row button of a list limited to a dashboard's day
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A list opened from a dashboard tile shows the records the tile counted
 * as of the dashboard's day.  This button, placed in the page's filter row,
 * says so ("As of 1 May 2026 ×") and clears the limit when pressed: the
 * page connects "clicked".  Hidden while the list is not limited. */
GtkWidget *rectify_as_of_button_new (void);
/* Shows the day (YYYY-MM-DD), or hides the button for NULL. */
void rectify_as_of_button_set_date (GtkWidget *button, const char *as_of);

/* The page's side of it: the day and the filters the tile chose,
 * remembered so that choosing another filter (which speaks of today's
 * records) ends the limit, while a search or a sort keeps it. */
typedef struct
{
  char *as_of;   /* NULL = not limited */
  char *filters; /* the page's filter choices when it was set */
  GtkWidget *button;
} RectifyAsOfLimit;

void rectify_as_of_limit_set (RectifyAsOfLimit *limit, const char *as_of, const char *filters);
void rectify_as_of_limit_clear (RectifyAsOfLimit *limit);
/* The day to limit a query to, or NULL: clears the limit first when the
 * filters are no longer those it was set with. */
const char *rectify_as_of_limit_check (RectifyAsOfLimit *limit, const char *filters);

G_END_DECLS
