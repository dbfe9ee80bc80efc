/* rectify-list-page.h: the plumbing the list pages share (count, selection by id, query, toasts,
 * save) SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-record-list.h"

G_BEGIN_DECLS

/* The count in words, e.g. "12 units": n rows, number is n as the reader
 * writes numbers.  Each page writes its own, so that the plural forms stay
 * literals for xgettext. */
typedef char *(*RectifyCountTextFunc) (guint n, const char *number);

/* Puts the list's status (its error, or that it is counting) in label, or
 * else its count in the words of count_text.  Without a list it leaves
 * label as it is. */
void rectify_list_page_show_count (GtkLabel *label,
                                   RectifyRecordList *list,
                                   RectifyCountTextFunc count_text);

/* Selects the row of id in selection over list (none when id is 0, list
 * NULL or id not listed), with the page's selection handler blocked: the
 * page's record stays shown while a new snapshot comes, and a new record's
 * empty form stays when the selection is cleared. */
void rectify_list_page_select_id (GtkSingleSelection *selection,
                                  RectifyRecordList *list,
                                  gint64 id,
                                  gpointer selection_changed_cb,
                                  gpointer page);

/* Runs q on list, shown in view: brings view back to its top first (so it
 * keeps its row widgets), then selects the row of id again, all with the
 * page's selection handler blocked: the rows go and come, the page keeps
 * its record. */
void rectify_list_page_set_query (GtkWidget *view,
                                  GtkSingleSelection *selection,
                                  RectifyRecordList *list,
                                  const RectifyQuery *q,
                                  gint64 id,
                                  gpointer selection_changed_cb,
                                  gpointer page);

/* Takes a new snapshot of list after the store changed and selects the
 * row of id again, with the page's selection handler blocked. */
void rectify_list_page_refresh (GtkSingleSelection *selection,
                                RectifyRecordList *list,
                                gint64 id,
                                gpointer selection_changed_cb,
                                gpointer page);

/* The two properties every page has: "store" (a RectifyStore, construct
 * only) and "can-edit" (TRUE by default, notified explicitly).  Creates
 * them as properties[prop_store] and properties[prop_can_edit] and installs
 * the page's n_props properties. */
void rectify_list_page_install_properties (GObjectClass *object_class,
                                           GParamSpec **properties,
                                           guint n_props,
                                           guint prop_store,
                                           guint prop_can_edit);

/* The store's add and update of one kind of record, e.g.
 * rectify_store_add_unit and rectify_store_update_unit (cast). */
typedef gint64 (*RectifyAddFunc) (RectifyStore *store, gconstpointer record, GError **error);
typedef gboolean (*RectifyUpdateFunc) (RectifyStore *store, gconstpointer record, GError **error);

/* Saves a form's record: adds it when is_new, else updates it by its id.
 * Returns its id, and writes a new one into the record (every record
 * starts with its gint64 id); 0 with error set when the store refuses. */
gint64 rectify_list_page_save (RectifyStore *store,
                               gpointer record,
                               gboolean is_new,
                               RectifyAddFunc add,
                               RectifyUpdateFunc update,
                               GError **error);

/* Puts a deleted record back: page is the page, record the deleted one. */
typedef void (*RectifyUndoFunc) (gpointer page, gconstpointer record);

/* Shows message (plain text) in a toast of the shell's overlay around page
 * and returns TRUE; FALSE when page is not in one, for the page to show
 * its own banner.  With deleted, the toast offers it back through undo
 * (button "Undo", high priority) and frees it with free_deleted; on FALSE
 * deleted stays the caller's. */
gboolean rectify_list_page_toast (GtkWidget *page,
                                  const char *message,
                                  gpointer deleted,
                                  GDestroyNotify free_deleted,
                                  RectifyUndoFunc undo);

/* Adds toast to overlay in place of the page's last one, *last (dismissed
 * if still shown), and keeps a weak pointer to it in *last. */
void rectify_list_page_replace_toast (AdwToastOverlay *overlay, AdwToast **last, AdwToast *toast);

/* Drops the weak pointer *last (in the page's dispose); the toast stays. */
void rectify_list_page_forget_toast (AdwToast **last);

G_END_DECLS
