/* rectify-column-sorter.c: which column of a GtkColumnView the user sorts by
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-column-sorter.h"

struct _RectifyColumnSorter
{
  GtkSorter parent_instance;

  char *key;
  gboolean asked;
};

G_DEFINE_FINAL_TYPE (RectifyColumnSorter, rectify_column_sorter, GTK_TYPE_SORTER)

static GtkOrdering
rectify_column_sorter_compare (GtkSorter *sorter, gpointer item1, gpointer item2)
{
  RectifyColumnSorter *self = RECTIFY_COLUMN_SORTER (sorter);

  self->asked = TRUE;
  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
rectify_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
rectify_column_sorter_finalize (GObject *object)
{
  RectifyColumnSorter *self = RECTIFY_COLUMN_SORTER (object);

  g_free (self->key);

  G_OBJECT_CLASS (rectify_column_sorter_parent_class)->finalize (object);
}

static void
rectify_column_sorter_class_init (RectifyColumnSorterClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = rectify_column_sorter_finalize;
  sorter_class->compare = rectify_column_sorter_compare;
  sorter_class->get_order = rectify_column_sorter_get_order;
}

static void
rectify_column_sorter_init (RectifyColumnSorter *self)
{
}

RectifyColumnSorter *
rectify_column_sorter_new (const char *key)
{
  RectifyColumnSorter *self;

  g_return_val_if_fail (key != NULL, NULL);

  self = g_object_new (RECTIFY_TYPE_COLUMN_SORTER, NULL);
  self->key = g_strdup (key);
  return self;
}

const char *
rectify_column_sorter_get_key (RectifyColumnSorter *self)
{
  g_return_val_if_fail (RECTIFY_IS_COLUMN_SORTER (self), NULL);
  return self->key;
}

const char *
rectify_column_view_get_sort (GtkColumnView *view, gboolean *descending)
{
  g_autoptr (GListModel) columns = NULL;
  g_autoptr (GObject) a = NULL;
  g_autoptr (GObject) b = NULL;
  GtkSorter *view_sorter;
  RectifyColumnSorter *primary = NULL;
  GtkOrdering ordering;
  guint n;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  if (descending != NULL)
    *descending = FALSE;
  view_sorter = gtk_column_view_get_sorter (view);
  if (view_sorter == NULL)
    return NULL;

  columns = g_object_ref (gtk_column_view_get_columns (view));
  n = g_list_model_get_n_items (columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

      if (RECTIFY_IS_COLUMN_SORTER (sorter))
        RECTIFY_COLUMN_SORTER (sorter)->asked = FALSE;
    }

  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);
  ordering = gtk_sorter_compare (view_sorter, a, b);

  /* Ours answer "smaller" and so end the comparison: only the primary
   * column is asked. */
  for (guint i = 0; i < n && primary == NULL; i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

      if (RECTIFY_IS_COLUMN_SORTER (sorter) && RECTIFY_COLUMN_SORTER (sorter)->asked)
        primary = RECTIFY_COLUMN_SORTER (sorter);
    }
  if (primary == NULL)
    return NULL;
  if (descending != NULL)
    *descending = ordering == GTK_ORDERING_LARGER;
  return primary->key;
}
