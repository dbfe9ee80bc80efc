/* rectify-list-page.c: the plumbing every list page shares (count, selection by id)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include "rectify-format.h"
#include "rectify-list-page.h"

void
rectify_list_page_show_count (GtkLabel            *label,
                              RectifyRecordList   *list,
                              RectifyCountTextFunc count_text)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  guint n;

  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (count_text != NULL);

  if (list == NULL || rectify_record_list_show_status (list, label))
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  number = rectify_format_count (n);
  text = count_text (n, number);
  gtk_label_set_text (label, text);
}

void
rectify_list_page_select_id (GtkSingleSelection *selection,
                             RectifyRecordList  *list,
                             gint64              id,
                             gpointer            selection_changed_cb,
                             gpointer            page)
{
  gint64 position;

  g_return_if_fail (GTK_IS_SINGLE_SELECTION (selection));
  g_return_if_fail (RECTIFY_IS_RECORD_LIST (list));

  position = id ? rectify_record_list_find (list, id) : -1;
  g_signal_handlers_block_by_func (selection, selection_changed_cb, page);
  gtk_single_selection_set_selected (selection,
                                     position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (selection, selection_changed_cb, page);
}
