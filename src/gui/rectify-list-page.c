/* rectify-list-page.c: the plumbing the list pages share (count, selection by id, query, toasts,
 * save) SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-format.h"
#include "rectify-list-page.h"

void
rectify_list_page_show_count (GtkLabel *label,
                              RectifyRecordList *list,
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
                             RectifyRecordList *list,
                             gint64 id,
                             gpointer selection_changed_cb,
                             gpointer page)
{
  gint64 position;

  g_return_if_fail (GTK_IS_SINGLE_SELECTION (selection));
  g_return_if_fail (list == NULL || RECTIFY_IS_RECORD_LIST (list));

  position = id != 0 && list != NULL ? rectify_record_list_find (list, id) : -1;
  g_signal_handlers_block_by_func (selection, selection_changed_cb, page);
  gtk_single_selection_set_selected (selection,
                                     position >= 0 ? (guint)position : GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (selection, selection_changed_cb, page);
}

void
rectify_list_page_set_query (GtkWidget *view,
                             GtkSingleSelection *selection,
                             RectifyRecordList *list,
                             const RectifyQuery *q,
                             gint64 id,
                             gpointer selection_changed_cb,
                             gpointer page)
{
  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (GTK_IS_SINGLE_SELECTION (selection));
  g_return_if_fail (RECTIFY_IS_RECORD_LIST (list));

  rectify_record_list_view_scroll_to_top (view);
  g_signal_handlers_block_by_func (selection, selection_changed_cb, page);
  rectify_record_list_set_query (list, q);
  rectify_list_page_select_id (selection, list, id, selection_changed_cb, page);
  g_signal_handlers_unblock_by_func (selection, selection_changed_cb, page);
}

void
rectify_list_page_refresh (GtkSingleSelection *selection,
                           RectifyRecordList *list,
                           gint64 id,
                           gpointer selection_changed_cb,
                           gpointer page)
{
  g_return_if_fail (GTK_IS_SINGLE_SELECTION (selection));
  g_return_if_fail (RECTIFY_IS_RECORD_LIST (list));

  g_signal_handlers_block_by_func (selection, selection_changed_cb, page);
  rectify_record_list_refresh (list);
  rectify_list_page_select_id (selection, list, id, selection_changed_cb, page);
  g_signal_handlers_unblock_by_func (selection, selection_changed_cb, page);
}

void
rectify_list_page_install_properties (GObjectClass *object_class,
                                      GParamSpec **properties,
                                      guint n_props,
                                      guint prop_store,
                                      guint prop_can_edit)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (object_class));
  g_return_if_fail (prop_store < n_props && prop_can_edit < n_props);

  properties[prop_store]
      = g_param_spec_object ("store", NULL, NULL, RECTIFY_TYPE_STORE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[prop_can_edit]
      = g_param_spec_boolean ("can-edit", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, n_props, properties);
}

gint64
rectify_list_page_save (RectifyStore *store,
                        gpointer record,
                        gboolean is_new,
                        RectifyAddFunc add,
                        RectifyUpdateFunc update,
                        GError **error)
{
  gint64 *id = record;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), 0);
  g_return_val_if_fail (record != NULL && add != NULL && update != NULL, 0);

  if (!is_new)
    return update (store, record, error) ? *id : 0;
  *id = add (store, record, error);
  return *id;
}

static void
on_toast_undo_cb (AdwToast *toast, gpointer page)
{
  RectifyUndoFunc undo = g_object_get_data (G_OBJECT (toast), "rectify-undo");
  gconstpointer deleted = g_object_get_data (G_OBJECT (toast), "rectify-deleted");

  if (undo != NULL && deleted != NULL)
    undo (page, deleted);
}

gboolean
rectify_list_page_toast (GtkWidget *page,
                         const char *message,
                         gpointer deleted,
                         GDestroyNotify free_deleted,
                         RectifyUndoFunc undo)
{
  GtkWidget *overlay;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (page), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (deleted == NULL || undo != NULL, FALSE);

  overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return FALSE;

  /* Toast titles are markup. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  if (deleted != NULL)
    {
      adw_toast_set_button_label (toast, _ ("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_object_set_data_full (G_OBJECT (toast), "rectify-deleted", deleted, free_deleted);
      g_object_set_data (G_OBJECT (toast), "rectify-undo", undo);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_undo_cb), page, 0);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return TRUE;
}

void
rectify_list_page_replace_toast (AdwToastOverlay *overlay, AdwToast **last, AdwToast *toast)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (last != NULL);
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* A new message replaces the page's last instead of waiting behind it
   * (an undo offered stays in front, and libadwaita 1.2 fails an
   * assertion when a high-priority toast pushes one back into its queue). */
  if (*last != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (*last), (gpointer *)last);
      adw_toast_dismiss (*last);
      *last = NULL;
    }
  *last = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *)last);
  adw_toast_overlay_add_toast (overlay, toast);
}

void
rectify_list_page_forget_toast (AdwToast **last)
{
  g_return_if_fail (last != NULL);

  if (*last != NULL)
    g_object_remove_weak_pointer (G_OBJECT (*last), (gpointer *)last);
  *last = NULL;
}
