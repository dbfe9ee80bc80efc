/* rectify-record-list.c: a lazy list model over a snapshot of the store's ids
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-cell-label.h"
#include "rectify-column-sorter.h"
#include "rectify-record-list.h"
#include "rectify-validate.h"

/* Rows are fetched a page at a time around the position asked for; a few
 * pages are kept, the least recently used one is dropped first. */
#define PAGE_SIZE 100
#define MAX_PAGES 16

/* The rows at the top of every snapshot are the same objects, refilled:
 * GTK 4.8's list views keep ~200 row widgets around the first visible row
 * and, when their items are removed, destroy them and build new ones, one
 * widget per cell (~80 ms a search on the equipment page).  Given the same
 * item back at the same position, they keep the widget and bind it again.
 * Enough slots to cover the widgets of a list shown from its top. */
#define N_SLOTS (3 * PAGE_SIZE)

/* ---- RectifyRow ------------------------------------------------------- */

struct _RectifyRow
{
  GObject parent_instance;

  gint64 id;
  gpointer record;
  GDestroyNotify free_record;
};

G_DEFINE_FINAL_TYPE (RectifyRow, rectify_row, G_TYPE_OBJECT)

static void
rectify_row_finalize (GObject *object)
{
  RectifyRow *self = RECTIFY_ROW (object);

  if (self->record != NULL && self->free_record != NULL)
    self->free_record (self->record);

  G_OBJECT_CLASS (rectify_row_parent_class)->finalize (object);
}

static void
rectify_row_class_init (RectifyRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rectify_row_finalize;
}

static void
rectify_row_init (RectifyRow *self)
{
}

/* Takes record. */
static RectifyRow *
rectify_row_new (gint64 id, gpointer record, GDestroyNotify free_record)
{
  RectifyRow *self = g_object_new (RECTIFY_TYPE_ROW, NULL);

  self->id = id;
  self->record = record;
  self->free_record = free_record;
  return self;
}

/* Gives a slot row the content of another position; takes record. */
static void
rectify_row_fill (RectifyRow *self, gint64 id, gpointer record, GDestroyNotify free_record)
{
  if (self->record != NULL && self->free_record != NULL)
    self->free_record (self->record);
  self->id = id;
  self->record = record;
  self->free_record = free_record;
}

gint64
rectify_row_get_id (RectifyRow *self)
{
  g_return_val_if_fail (RECTIFY_IS_ROW (self), 0);
  return self->id;
}

/* NULL when the row was deleted after the snapshot was taken. */
gpointer
rectify_row_get_record (RectifyRow *self)
{
  g_return_val_if_fail (RECTIFY_IS_ROW (self), NULL);
  return self->record;
}

/* ---- the reader: a second connection for snapshots in a thread -------- */

/* Shared by the list and its snapshot threads, so that the list may go
 * while a thread still reads. */
typedef struct
{
  gatomicrefcount ref;
  GMutex run_lock;   /* held by the thread using store */
  GMutex store_lock; /* guards the pointer for interrupting */
  char *path;
  RectifyStore *store; /* opened by the first thread */
  int latest;          /* generation wanted; older ones give up */
} Reader;

static Reader *
reader_new (const char *path)
{
  Reader *reader = g_new0 (Reader, 1);

  g_atomic_ref_count_init (&reader->ref);
  g_mutex_init (&reader->run_lock);
  g_mutex_init (&reader->store_lock);
  reader->path = g_strdup (path);
  return reader;
}

static Reader *
reader_ref (Reader *reader)
{
  g_atomic_ref_count_inc (&reader->ref);
  return reader;
}

static void
reader_unref (Reader *reader)
{
  if (!g_atomic_ref_count_dec (&reader->ref))
    return;
  g_clear_object (&reader->store);
  g_mutex_clear (&reader->run_lock);
  g_mutex_clear (&reader->store_lock);
  g_free (reader->path);
  g_free (reader);
}

/* Makes snapshots older than generation stop. */
static void
reader_want (Reader *reader, guint generation)
{
  g_atomic_int_set (&reader->latest, (int)generation);
  g_mutex_lock (&reader->store_lock);
  if (reader->store != NULL)
    rectify_store_interrupt (reader->store);
  g_mutex_unlock (&reader->store_lock);
}

typedef struct
{
  Reader *reader;
  RectifyQueryIdsFunc query_ids;
  RectifyQuery query;
  guint generation;
} SnapshotJob;

static void
snapshot_job_free (gpointer data)
{
  SnapshotJob *job = data;

  reader_unref (job->reader);
  rectify_query_clear (&job->query);
  g_free (job);
}

static void
snapshot_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  SnapshotJob *job = data;
  Reader *reader = job->reader;
  g_autoptr (GError) error = NULL;
  GArray *ids = NULL;

  g_mutex_lock (&reader->run_lock);
  if (g_atomic_int_get (&reader->latest) == (int)job->generation)
    {
      if (reader->store == NULL)
        {
          RectifyStore *store = rectify_store_open_reader (reader->path, &error);

          g_mutex_lock (&reader->store_lock);
          reader->store = store;
          g_mutex_unlock (&reader->store_lock);
        }
      if (reader->store != NULL)
        ids = job->query_ids (reader->store, &job->query, &error);
    }
  g_mutex_unlock (&reader->run_lock);

  if (ids != NULL)
    g_task_return_pointer (task, ids, (GDestroyNotify)g_array_unref);
  else if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "a newer snapshot was asked for");
}

/* ---- RectifyRecordList ------------------------------------------------ */

typedef struct
{
  guint index;     /* position / PAGE_SIZE */
  GPtrArray *rows; /* RectifyRow, one per position of the page */
} Page;

struct _RectifyRecordList
{
  GObject parent_instance;

  RectifyStore *store;
  RectifyQueryIdsFunc query_ids;
  RectifyFetchFunc fetch;
  GDestroyNotify free_record;

  RectifyQuery query; /* strings owned */
  GArray *ids;        /* gint64 */
  GError *error;
  GQueue pages; /* Page *, most recently used first */
  RectifyRow *slots[N_SLOTS];
  guint n_items; /* as told in items-changed so far */

  Reader *reader;   /* NULL: every snapshot on the main thread */
  guint generation; /* of the snapshot shown or being taken */
  gboolean loading; /* ids holds the first rows, the rest comes */
};

enum
{
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rectify_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RectifyRecordList,
                               rectify_record_list,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rectify_record_list_model_init))

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->rows);
  g_free (page);
}

static void
clear_pages (RectifyRecordList *self)
{
  g_queue_clear_full (&self->pages, page_free);
}

static Page *
fetch_page (RectifyRecordList *self, guint index)
{
  guint start = index * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - start);
  const gint64 *ids = &g_array_index (self->ids, gint64, start);
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) error = NULL;
  Page *page;
  guint next = 0;

  records = self->fetch (self->store, ids, n, &error);
  if (records == NULL)
    g_debug ("Fetching rows %u to %u failed: %s", start, start + n, error ? error->message : "?");

  page = g_new0 (Page, 1);
  page->index = index;
  page->rows = g_ptr_array_new_full (n, g_object_unref);
  /* Records come in the order of the ids; the store leaves out ids deleted
   * since the snapshot, whose rows stay without a record until the next
   * snapshot.  The rows take the records. */
  if (records != NULL)
    g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < n; i++)
    {
      gpointer record = NULL;

      if (records != NULL && next < records->len
          && *(gint64 *)g_ptr_array_index (records, next) == ids[i])
        record = g_ptr_array_index (records, next++);
      if (start + i < N_SLOTS)
        {
          if (self->slots[start + i] == NULL)
            self->slots[start + i] = rectify_row_new (ids[i], record, self->free_record);
          else
            rectify_row_fill (self->slots[start + i], ids[i], record, self->free_record);
          g_ptr_array_add (page->rows, g_object_ref (self->slots[start + i]));
        }
      else
        g_ptr_array_add (page->rows, rectify_row_new (ids[i], record, self->free_record));
    }
  for (; records != NULL && next < records->len; next++)
    if (self->free_record != NULL)
      self->free_record (g_ptr_array_index (records, next));
  return page;
}

static Page *
lookup_page (RectifyRecordList *self, guint index)
{
  Page *page;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      page = l->data;
      if (page->index == index)
        {
          if (l != self->pages.head)
            {
              g_queue_unlink (&self->pages, l);
              g_queue_push_head_link (&self->pages, l);
            }
          return page;
        }
    }

  page = fetch_page (self, index);
  g_queue_push_head (&self->pages, page);
  while (self->pages.length > MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));
  return page;
}

static GType
rectify_record_list_get_item_type (GListModel *model)
{
  return RECTIFY_TYPE_ROW;
}

static guint
rectify_record_list_get_n_items (GListModel *model)
{
  RectifyRecordList *self = RECTIFY_RECORD_LIST (model);

  return self->n_items;
}

static gpointer
rectify_record_list_get_item (GListModel *model, guint position)
{
  RectifyRecordList *self = RECTIFY_RECORD_LIST (model);
  Page *page;

  if (position >= self->n_items)
    return NULL;
  /* Between the signals of a new snapshot, the slots not yet taken out
   * may lie past its end. */
  if (position >= self->ids->len)
    {
      if (self->slots[position] == NULL)
        self->slots[position] = rectify_row_new (0, NULL, NULL);
      return g_object_ref (self->slots[position]);
    }
  page = lookup_page (self, position / PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (page->rows, position % PAGE_SIZE));
}

static void
rectify_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rectify_record_list_get_item_type;
  iface->get_n_items = rectify_record_list_get_n_items;
  iface->get_item = rectify_record_list_get_item;
}

static void
rectify_record_list_finalize (GObject *object)
{
  RectifyRecordList *self = RECTIFY_RECORD_LIST (object);

  clear_pages (self);
  for (guint i = 0; i < N_SLOTS; i++)
    g_clear_object (&self->slots[i]);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_error (&self->error);
  rectify_query_clear (&self->query);
  g_clear_object (&self->store);
  g_clear_pointer (&self->reader, reader_unref);

  G_OBJECT_CLASS (rectify_record_list_parent_class)->finalize (object);
}

static void
rectify_record_list_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RectifyRecordList *self = RECTIFY_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_record_list_class_init (RectifyRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rectify_record_list_finalize;
  object_class->get_property = rectify_record_list_get_property;

  /* The list holds its first rows and the rest of the snapshot is being
   * read; the count of items is not known yet. */
  properties[PROP_LOADING]
      = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rectify_record_list_init (RectifyRecordList *self)
{
  self->query = (RectifyQuery)RECTIFY_QUERY_INIT;
  g_queue_init (&self->pages);
}

RectifyRecordList *
rectify_record_list_new (RectifyStore *store,
                         RectifyQueryIdsFunc query_ids,
                         RectifyFetchFunc fetch,
                         GDestroyNotify free_record)
{
  RectifyRecordList *self;
  const char *path;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);
  g_return_val_if_fail (query_ids != NULL, NULL);
  g_return_val_if_fail (fetch != NULL, NULL);

  self = g_object_new (RECTIFY_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->query_ids = query_ids;
  self->fetch = fetch;
  self->free_record = free_record;
  /* a file a second connection can open */
  path = rectify_store_get_path (store);
  if (path != NULL && *path != '\0' && !g_str_equal (path, ":memory:")
      && !g_str_has_prefix (path, "file:"))
    self->reader = reader_new (path);
  return self;
}

/* Announces the position range [position, position + removed) replaced
 * by added items, n_items being the count after it. */
static void
emit_change (RectifyRecordList *self, guint position, guint removed, guint added)
{
  if (removed == 0 && added == 0)
    return;
  self->n_items = self->n_items - removed + added;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* Shows a snapshot of ids (taken) or, with ids NULL, the error. */
static void
show_snapshot (RectifyRecordList *self, GArray *ids, GError *error)
{
  guint old_n, new_n, old_top, new_top;

  clear_pages (self);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_error (&self->error);
  if (ids == NULL)
    {
      self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      self->error = error ? error
                          : g_error_new_literal (RECTIFY_ERROR, RECTIFY_ERROR_DATABASE,
                                                 _ ("The list could not be read"));
    }
  else
    self->ids = ids;

  /* Three signals: the old rows below the slots out, the slots given
   * their new content (the same objects: the views keep their widgets),
   * the new rows below the slots in.  None replaces many rows by many:
   * GTK's list views then look for their anchor and selected rows among
   * every added item (measured: ~1 s for 225 000 of 500 000 items). */
  old_n = self->n_items;
  new_n = self->ids->len;
  old_top = MIN (old_n, N_SLOTS);
  new_top = MIN (new_n, N_SLOTS);
  emit_change (self, old_top, old_n - old_top, 0);
  emit_change (self, 0, old_top, new_top);
  emit_change (self, new_top, 0, new_n - new_top);
}

static void
set_loading (RectifyRecordList *self, gboolean loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* A new snapshot supersedes any still being taken. */
static void
next_generation (RectifyRecordList *self)
{
  self->generation++;
  if (self->reader != NULL && self->loading)
    reader_want (self->reader, self->generation);
}

void
rectify_record_list_refresh (RectifyRecordList *self)
{
  GError *error = NULL;
  GArray *ids;

  g_return_if_fail (RECTIFY_IS_RECORD_LIST (self));

  next_generation (self);
  ids = self->query_ids (self->store, &self->query, &error);
  show_snapshot (self, ids, error);
  set_loading (self, FALSE);
}

static void
on_snapshot_done (GObject *source, GAsyncResult *result, gpointer data)
{
  RectifyRecordList *self = RECTIFY_RECORD_LIST (source);
  guint generation = GPOINTER_TO_UINT (data);
  GError *error = NULL;
  GArray *ids = g_task_propagate_pointer (G_TASK (result), &error);
  guint shown;

  if (generation != self->generation)
    {
      g_clear_pointer (&ids, g_array_unref);
      g_clear_error (&error);
      return;
    }
  if (ids == NULL)
    {
      /* the second connection failed (a file it cannot open, say): the
       * store's own connection reads it all, or says what is wrong */
      g_debug ("Reading the rest of the list in a thread failed: %s", error->message);
      g_clear_error (&error);
      g_clear_pointer (&self->reader, reader_unref);
      rectify_record_list_refresh (self);
      return;
    }
  shown = self->ids->len;
  if (ids->len >= shown && memcmp (ids->data, self->ids->data, shown * sizeof (gint64)) == 0)
    {
      /* the rows shown stay, with their pages: only the rest comes in */
      g_array_unref (self->ids);
      self->ids = ids;
      emit_change (self, shown, 0, ids->len - shown);
    }
  else
    /* another program wrote meanwhile */
    show_snapshot (self, ids, NULL);
  set_loading (self, FALSE);
}

/* The first rows at once, the others from a thread: a search over half a
 * city's equipment shows its first screen without waiting for the rest. */
static void
take_snapshot (RectifyRecordList *self)
{
  g_autoptr (GTask) task = NULL;
  RectifyQuery head;
  SnapshotJob *job;
  GError *error = NULL;
  GArray *ids;

  if (self->reader == NULL)
    {
      rectify_record_list_refresh (self);
      return;
    }
  next_generation (self);
  head = self->query;
  head.limit = N_SLOTS + 1;
  ids = self->query_ids (self->store, &head, &error);
  if (ids == NULL || ids->len <= N_SLOTS)
    {
      show_snapshot (self, ids, error);
      set_loading (self, FALSE);
      return;
    }
  g_array_set_size (ids, N_SLOTS);
  show_snapshot (self, ids, NULL);

  job = g_new0 (SnapshotJob, 1);
  job->reader = reader_ref (self->reader);
  job->query_ids = self->query_ids;
  rectify_query_copy (&job->query, &self->query);
  job->generation = self->generation;
  g_atomic_int_set (&self->reader->latest, (int)self->generation);
  task = g_task_new (self, NULL, on_snapshot_done, GUINT_TO_POINTER (self->generation));
  g_task_set_source_tag (task, take_snapshot);
  g_task_set_task_data (task, job, snapshot_job_free);
  g_task_run_in_thread (task, snapshot_thread);
  set_loading (self, TRUE);
}

void
rectify_record_list_set_query (RectifyRecordList *self, const RectifyQuery *q)
{
  RectifyQuery copy;

  g_return_if_fail (RECTIFY_IS_RECORD_LIST (self));
  g_return_if_fail (q != NULL);

  /* q may point into our own copy */
  rectify_query_copy (&copy, q);
  rectify_query_clear (&self->query);
  self->query = copy;
  take_snapshot (self);
}

void
rectify_record_list_complete (RectifyRecordList *self)
{
  g_return_if_fail (RECTIFY_IS_RECORD_LIST (self));

  if (self->loading)
    rectify_record_list_refresh (self);
}

gboolean
rectify_record_list_get_loading (RectifyRecordList *self)
{
  g_return_val_if_fail (RECTIFY_IS_RECORD_LIST (self), FALSE);
  return self->loading;
}

const RectifyQuery *
rectify_record_list_get_query (RectifyRecordList *self)
{
  g_return_val_if_fail (RECTIFY_IS_RECORD_LIST (self), NULL);
  return &self->query;
}

gint64
rectify_record_list_find (RectifyRecordList *self, gint64 id)
{
  g_return_val_if_fail (RECTIFY_IS_RECORD_LIST (self), -1);

  if (self->ids == NULL)
    return -1;
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return -1;
}

gboolean
rectify_record_list_show_status (RectifyRecordList *self, GtkLabel *label)
{
  g_return_val_if_fail (RECTIFY_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (GTK_IS_LABEL (label), FALSE);

  if (self->error != NULL)
    gtk_label_set_text (label, self->error->message);
  else if (self->loading)
    /* Translators: a list's count while the rows of a long result are read */
    gtk_label_set_text (label, _ ("Counting…"));
  else
    return FALSE;
  return TRUE;
}

const GError *
rectify_record_list_get_error (RectifyRecordList *self)
{
  g_return_val_if_fail (RECTIFY_IS_RECORD_LIST (self), NULL);
  return self->error;
}

void
rectify_record_list_view_scroll_to_top (GtkWidget *view)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (GTK_IS_SCROLLABLE (view));

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

typedef struct
{
  RectifyCellText text;
  gpointer owner;
} CellColumn;

static void
cell_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gtk_list_item_set_child (item, rectify_cell_label_new ());
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  CellColumn *column = data;
  RectifyRow *row = gtk_list_item_get_item (item);
  gconstpointer record = row ? rectify_row_get_record (row) : NULL;
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *old_style = g_object_get_data (G_OBJECT (label), "rectify-style");
  const char *style = NULL;
  g_autofree char *text = record ? column->text (column->owner, record, &style) : NULL;

  rectify_cell_label_set_text (RECTIFY_CELL_LABEL (label), text);
  /* the row widgets are bound again and again: take the old style off */
  if (g_strcmp0 (old_style, style) != 0)
    {
      if (old_style != NULL)
        gtk_widget_remove_css_class (label, old_style);
      if (style != NULL)
        gtk_widget_add_css_class (label, style);
      g_object_set_data (G_OBJECT (label), "rectify-style", (gpointer)style);
    }
}

static void
cell_column_free (gpointer data, GClosure *closure)
{
  g_free (data);
}

void
rectify_record_list_view_add_column (GtkColumnView *view,
                                     const char *title,
                                     const char *sort_key,
                                     RectifyCellText text,
                                     gpointer owner,
                                     gboolean expand,
                                     int fixed_width)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) column = NULL;
  CellColumn *data = g_new0 (CellColumn, 1);

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (text != NULL);
  /* the cells do not measure their text (see RectifyCellLabel) */
  g_return_if_fail (fixed_width > 0);

  data->text = text;
  data->owner = owner;
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (cell_bind_cb), data, cell_column_free, 0);
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_fixed_width (column, fixed_width);
  if (sort_key != NULL)
    gtk_column_view_column_set_sorter (column, GTK_SORTER (rectify_column_sorter_new (sort_key)));
  gtk_column_view_append_column (view, column);
}

/* A cell's padding (6 pixels on each side) and a little air; a title also
 * has the sort indicator beside it. */
#define CELL_SPACE 14
#define SORT_INDICATOR_SPACE 20

int
rectify_record_list_view_text_width (GtkColumnView *view,
                                     const char *title,
                                     const char *const *texts,
                                     guint n)
{
  g_autoptr (PangoLayout) layout = NULL;
  int widest = 0, width;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), 0);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), NULL);
  for (guint i = 0; i < n; i++)
    {
      pango_layout_set_text (layout, texts[i] ? texts[i] : "", -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width + CELL_SPACE);
    }
  if (title != NULL)
    {
      g_autoptr (PangoAttrList) bold = pango_attr_list_new ();

      /* the header's title is bold */
      pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, bold);
      pango_layout_set_text (layout, title, -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width + CELL_SPACE + SORT_INDICATOR_SPACE);
    }
  return widest;
}

char *
rectify_days_left_text (const char *today, const char *deadline, gboolean *overdue)
{
  int days;

  g_return_val_if_fail (today != NULL, NULL);

  if (overdue != NULL)
    *overdue = FALSE;
  if (deadline == NULL || *deadline == '\0')
    return g_strdup (_ ("No deadline"));
  days = rectify_date_diff (today, deadline);
  if (days == 0)
    return g_strdup (_ ("Due today"));
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days),
                            days);
  if (overdue != NULL)
    *overdue = TRUE;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", -days),
                          -days);
}
