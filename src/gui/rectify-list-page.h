/* rectify-list-page.h: the base class of the list pages: records, selection, search, count,
 * messages SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-export.h"
#include "rectify-import.h"
#include "rectify-record-list.h"

G_BEGIN_DECLS

/* A page of records: a column view over a list of the store's records,
 * a search entry, a count under the list, and the detail of the record
 * chosen.  The class owns the "store" (construct only) and "can-edit"
 * properties, the list, its selection, sorting by the column headers,
 * search, the count, the messages (a toast in the shell's overlay, else a
 * banner above the page) with an offer to undo a deletion, and the
 * actions page.new, page.find, page.save, page.export and page.delete.
 *
 * A subclass's template has the parent "RectifyListPage" and its widgets
 * as <child>ren (the page lays them out top to bottom, under its banner);
 * it names its column view "column_view", its search entry "search_entry"
 * and the label of the count "count_label", and calls
 * rectify_list_page_class_bind_template() after setting its template. */
#define RECTIFY_TYPE_LIST_PAGE (rectify_list_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (RectifyListPage, rectify_list_page, RECTIFY, LIST_PAGE, GtkWidget)

struct _RectifyListPageClass
{
  GtkWidgetClass parent_class;

  /* How the list asks the store (the ids of a query, then the records by
   * id); without query_ids the page gives a model of its own
   * (rectify_list_page_set_model) and fills it in reload. */
  RectifyQueryIdsFunc query_ids;
  RectifyFetchFunc fetch;
  GDestroyNotify free_record;
  GDestroyNotify free_kept;
  /* The entities of the store's "changed" signal that change the list
   * (NULL-terminated; NULL: every change). */
  const char *const *entities;

  /* The count in words, e.g. "12 units": n rows, number is n as the reader
   * writes numbers (each page writes its own, so that the plural forms
   * stay literals for xgettext). */
  char *(*count_text) (RectifyListPage *self, guint n, const char *number);
  /* The page's own filters into q; the search text and the column sort
   * are in q already. */
  void (*build_query) (RectifyListPage *self, RectifyQuery *q);
  /* A page with a model of its own: fill it again (search included). */
  void (*reload) (RectifyListPage *self);
  /* The id of an item of the model (default: a RectifyRow's). */
  gint64 (*item_id) (RectifyListPage *self, gpointer item);
  /* Show the record of id in the detail; 0: none (the selection was
   * cleared).  Returns FALSE when it cannot (the message is shown): the
   * page then shows none. */
  gboolean (*show_record) (RectifyListPage *self, gint64 id);
  /* page.new: an empty form for a new record, returning TRUE (the
   * selection is then cleared), or FALSE when it opened a dialog. NULL:
   * the page has no page.new. */
  gboolean (*new_record) (RectifyListPage *self);
  /* page.save: writes the form; returns the record's id and the message
   * to show (static), or 0 when the store refused (the page has shown
   * why).  NULL: no page.save. */
  gint64 (*save_record) (RectifyListPage *self, const char **saved_message);
  /* page.delete: deletes the record of id, returning a copy of it to offer
   * back (freed with free_kept, else free_record) and the message to show,
   * or NULL with error set. NULL: no page.delete. */
  gpointer (*delete_record) (RectifyListPage *self, gint64 id, char **message, GError **error);
  /* Puts back what delete_record returned: its id, or 0 with error set. */
  gint64 (*restore_record) (RectifyListPage *self, gconstpointer kept, GError **error);
  /* page.export: the list as shown (its search, filters and order) to CSV
   * or XLSX; page.import (for those who may edit): records from a file. */
  gboolean exports;
  RectifyExportList export_kind;
  gboolean imports;
  RectifyImportKind import_kind;
  /* After the store changed (and the list was read again, when entity is
   * one of the list's). */
  void (*store_changed) (RectifyListPage *self, const char *entity);
  /* can-edit was set (changed or not: who acts may have), or the record
   * shown changed: the page's own controls. */
  void (*update_editable) (RectifyListPage *self);
  /* rectify_list_page_select() of a record the search and filters hide:
   * clear them (the page then queries again). */
  void (*reveal_record) (RectifyListPage *self);
  /* The list whose count the page shows (default: the page's list). */
  RectifyRecordList *(*counted_list) (RectifyListPage *self);
  /* The list is read when the page is first shown, not when the window
   * starts. */
  gboolean query_when_mapped;

  gpointer padding[1];
};

RectifyStore *rectify_list_page_get_store (RectifyListPage *self);
gboolean rectify_list_page_get_can_edit (RectifyListPage *self);
void rectify_list_page_set_can_edit (RectifyListPage *self, gboolean can_edit);
/* The list shown (RectifyRow of the page's records, or the page's own). */
GListModel *rectify_list_page_get_model (RectifyListPage *self);
/* The record shown in the detail; 0 for none or a new one. */
gint64 rectify_list_page_get_selected_id (RectifyListPage *self);
/* Shows the record of id and selects its row (when listed), scrolled into
 * view. */
void rectify_list_page_select (RectifyListPage *self, gint64 id);

/* ---- for the pages --------------------------------------------------- */

/* Binds the template's column_view, search_entry and count_label. */
void rectify_list_page_class_bind_template (GtkWidgetClass *widget_class);

RectifyRecordList *rectify_list_page_get_list (RectifyListPage *self);
GtkColumnView *rectify_list_page_get_column_view (RectifyListPage *self);
GtkSingleSelection *rectify_list_page_get_selection (RectifyListPage *self);
GtkSearchEntry *rectify_list_page_get_search_entry (RectifyListPage *self);
/* A page with a model of its own: the list model of its items. */
void rectify_list_page_set_model (RectifyListPage *self, GListModel *model);
/* Runs the query again (after a filter changed): the list goes back to its
 * top and keeps the record shown selected. */
void rectify_list_page_apply_query (RectifyListPage *self);
/* The same at once, also on a page that reads its list when first shown. */
void rectify_list_page_run_query (RectifyListPage *self);
void rectify_list_page_update_count (RectifyListPage *self);
/* The record the detail shows from now on (0: none, or a new one); its row
 * is selected when listed, and the actions follow. */
void rectify_list_page_set_current (RectifyListPage *self, gint64 id);
/* Shows the record shown again (after the store changed), or none when it
 * is gone. */
void rectify_list_page_show_again (RectifyListPage *self);
/* Narrower than 860 pixels the page shows its list, or the detail of the
 * record chosen with a button back to the list. */
gboolean rectify_list_page_get_folded (RectifyListPage *self);
/* Folded: whether the detail is shown (else the list). */
gboolean rectify_list_page_get_showing_detail (RectifyListPage *self);
/* Brings the row of the record shown into view. */
void rectify_list_page_scroll_to_current (RectifyListPage *self);
/* Shows message (plain text) in a toast of the shell's overlay, or in the
 * page's banner without one; with kept (a record deleted, which it takes),
 * the toast offers it back ("Undo") through restore_record. */
void rectify_list_page_show_message (RectifyListPage *self, const char *message, gpointer kept);

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

G_END_DECLS
