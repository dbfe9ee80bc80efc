/* rectify-column-sorter.h: which column of a GtkColumnView the user sorts by
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 cannot tell which column header is sorted (GtkColumnViewSorter
 * came in 4.10).  Each column gets a RectifyColumnSorter carrying the
 * store's sort key; probing the view's sorter with gtk_sorter_compare on two
 * dummy items shows which column it asks first (the primary) and, since
 * ours answers "smaller", in which direction.  The list itself is sorted by
 * the store, never by these sorters. */
#define RECTIFY_TYPE_COLUMN_SORTER (rectify_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (RectifyColumnSorter, rectify_column_sorter, RECTIFY, COLUMN_SORTER, GtkSorter)

RectifyColumnSorter *rectify_column_sorter_new (const char *key);
const char *rectify_column_sorter_get_key (RectifyColumnSorter *self);

/* The sort key and direction the user chose on view (NULL when unsorted);
 * call it from the "changed" signal of gtk_column_view_get_sorter (view). */
const char *rectify_column_view_get_sort (GtkColumnView *view, gboolean *descending);

G_END_DECLS
