/* rectify-record-list.h: a lazy list model over a snapshot of the store's ids
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rectify-store.h"

G_BEGIN_DECLS

/* One row of a lazy list: the id and its record (RectifyUnit *,
 * RectifyEquipment *, … every record starts with its gint64 id). */
#define RECTIFY_TYPE_ROW (rectify_row_get_type ())
G_DECLARE_FINAL_TYPE (RectifyRow, rectify_row, RECTIFY, ROW, GObject)

gint64 rectify_row_get_id (RectifyRow *self);
gpointer rectify_row_get_record (RectifyRow *self);

/* How a list asks the store: the ids of every matching row in order
 * (e.g. rectify_store_query_unit_ids), then records by id
 * (rectify_store_get_units_by_ids). */
typedef GArray *(*RectifyQueryIdsFunc) (RectifyStore *store, const RectifyQuery *q, GError **error);
typedef GPtrArray *(*RectifyFetchFunc) (RectifyStore *store,
                                        const gint64 *ids,
                                        guint n_ids,
                                        GError **error);

/* A GListModel of RectifyRow.  It holds only the ids of the snapshot and a
 * bounded cache of fetched pages, so memory does not grow with the number
 * of rows; sorting and filtering are the query's, in SQL — never wrap it in
 * GtkSortListModel or GtkFilterListModel, they visit every item. */
#define RECTIFY_TYPE_RECORD_LIST (rectify_record_list_get_type ())
G_DECLARE_FINAL_TYPE (RectifyRecordList, rectify_record_list, RECTIFY, RECORD_LIST, GObject)

RectifyRecordList *rectify_record_list_new (RectifyStore *store,
                                            RectifyQueryIdsFunc query_ids,
                                            RectifyFetchFunc fetch,
                                            GDestroyNotify free_record);
/* Copies q (its strings too), takes a new snapshot and emits items-changed.
 * A query the store refuses leaves the list empty and sets the error.
 * A long result shows its first rows at once and is "loading" while a
 * thread reads the others (from a second connection to the file); they
 * come in one more items-changed. */
void rectify_record_list_set_query (RectifyRecordList *self, const RectifyQuery *q);
gboolean rectify_record_list_get_loading (RectifyRecordList *self);
/* While loading: reads the rest at once, on this thread (before looking
 * for a row that may lie past the first ones). */
void rectify_record_list_complete (RectifyRecordList *self);
const RectifyQuery *rectify_record_list_get_query (RectifyRecordList *self);
/* A new snapshot with the same query, after the store changed: the whole
 * of it, at once (rectify_record_list_find then knows every row). */
void rectify_record_list_refresh (RectifyRecordList *self);
/* Position of an id in the snapshot, or -1 (while loading: among the rows
 * read so far). */
gint64 rectify_record_list_find (RectifyRecordList *self, gint64 id);
const GError *rectify_record_list_get_error (RectifyRecordList *self);
/* Puts the list's error, or while it is loading that it is counting, in
 * label and returns TRUE; FALSE when the count is the caller's to show. */
gboolean rectify_record_list_show_status (RectifyRecordList *self, GtkLabel *label);

/* Brings a list or column view of a record list back to its first row.
 * Call it before a new query: a view kept at its top keeps its row widgets
 * through the new snapshot (see rectify_record_list_refresh). */
void rectify_record_list_view_scroll_to_top (GtkWidget *view);

/* The text of a cell for record (never NULL): a new string or NULL for
 * none; *style may name a CSS class the cell takes ("dim-label", "error"). */
typedef char *(*RectifyCellText) (gpointer owner, gconstpointer record, const char **style);

/* Appends a column of text cells to a column view over a RectifyRecordList:
 * sorted by the store's sort_key (NULL: not sortable), the text from
 * text (owner, record, &style).  Every column has a width (the cells do
 * not measure their text, see RectifyCellLabel); the one that expands
 * also takes what the others leave. */
void rectify_record_list_view_add_column (GtkColumnView *view,
                                          const char *title,
                                          const char *sort_key,
                                          RectifyCellText text,
                                          gpointer owner,
                                          gboolean expand,
                                          int fixed_width);

/* The width a column needs for the widest of texts in the view's font in
 * this language (with a cell's padding), and for its title with the sort
 * indicator: for the columns whose texts are known (grades, statuses,
 * dates, day counts), so that they stay whole while the others share the
 * rest. */
int rectify_record_list_view_text_width (GtkColumnView *view,
                                         const char *title,
                                         const char *const *texts,
                                         guint n);

/* "N days left", "Due today", "N days overdue" (overdue TRUE) from today
 * to deadline (YYYY-MM-DD), "No deadline" without one: the one text of
 * the lists and the details. */
char *rectify_days_left_text (const char *today, const char *deadline, gboolean *overdue);

G_END_DECLS
