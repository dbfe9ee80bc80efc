/* rectify-sqlite-dialect.c: WHERE clauses with bound values, pages of
 * rows and lists of ids, as SQLite writes them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-sqlite-private.h"

static void
clear_arg (gpointer data)
{
  g_free (((RectifyArg *)data)->text);
}

void
rectify_filter_init (RectifyFilter *f)
{
  f->where = g_string_new ("1");
  f->args = g_array_new (FALSE, TRUE, sizeof (RectifyArg));
  g_array_set_clear_func (f->args, clear_arg);
  f->n_clauses = 0;
  f->fts_table = NULL;
  f->fts_match = NULL;
}

void
rectify_filter_clear (RectifyFilter *f)
{
  g_clear_pointer (&f->fts_match, g_free);
  f->fts_table = NULL;
  f->n_clauses = 0;
  if (f->where)
    g_string_free (f->where, TRUE);
  g_clear_pointer (&f->args, g_array_unref);
  f->where = NULL;
}

void
rectify_filter_add (RectifyFilter *f, const char *clause)
{
  g_string_append_printf (f->where, " AND (%s)", clause);
  f->n_clauses++;
}

void
rectify_filter_add_match (RectifyFilter *f,
                          const char *id_column,
                          const char *fts_table,
                          const char *match)
{
  g_autofree char *clause = g_strdup_printf ("%s IN (SELECT rowid FROM %s WHERE %s MATCH ?)",
                                             id_column, fts_table, fts_table);
  rectify_filter_add_text (f, clause, match);
  f->fts_table = fts_table;
  g_free (f->fts_match);
  f->fts_match = g_strdup (match);
}

void
rectify_filter_add_int (RectifyFilter *f, const char *clause, gint64 value)
{
  RectifyArg arg = { FALSE, value, NULL };
  rectify_filter_add (f, clause);
  g_array_append_val (f->args, arg);
}

void
rectify_filter_add_text_n (RectifyFilter *f, const char *clause, guint n, const char *value)
{
  rectify_filter_add (f, clause);
  for (guint i = 0; i < n; i++)
    {
      RectifyArg arg = { TRUE, 0, g_strdup (value) };
      g_array_append_val (f->args, arg);
    }
}

void
rectify_filter_add_texts (RectifyFilter *f, const char *clause, ...)
{
  va_list args;
  const char *value;

  rectify_filter_add (f, clause);
  va_start (args, clause);
  while ((value = va_arg (args, const char *)) != NULL)
    {
      RectifyArg arg = { TRUE, 0, g_strdup (value) };
      g_array_append_val (f->args, arg);
    }
  va_end (args);
}

void
rectify_filter_add_text (RectifyFilter *f, const char *clause, const char *value)
{
  rectify_filter_add_text_n (f, clause, 1, value);
}

int
rectify_filter_bind (RectifyFilter *f, RectifyStmt *stmt, int first)
{
  for (guint i = 0; i < f->args->len; i++)
    {
      RectifyArg *arg = &g_array_index (f->args, RectifyArg, i);
      if (arg->is_text)
        rectify_bind_text (stmt, first++, arg->text);
      else
        sqlite3_bind_int64 (stmt, first++, arg->number);
    }
  return first;
}

const char *
rectify_sort_expression (const char *const *pairs, const char *key)
{
  if (key == NULL)
    return pairs[1];
  for (guint i = 0; pairs[i]; i += 2)
    if (g_strcmp0 (pairs[i], key) == 0)
      return pairs[i + 1];
  return NULL;
}

gboolean
rectify_sqlite_check_sort (const char *const *pairs,
                           const RectifyQuery *q,
                           const char **order,
                           GError **error)
{
  *order = rectify_sort_expression (pairs, q ? q->sort : NULL);
  if (*order == NULL)
    {
      GString *keys = g_string_new (NULL);
      for (guint i = 0; pairs[i]; i += 2)
        g_string_append_printf (keys, "%s%s", i ? ", " : "", pairs[i]);
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Sort: unknown column “%s”; use one of %s"), q->sort, keys->str);
      g_string_free (keys, TRUE);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
rectify_store_query_page (RectifyStore *self,
                          const char *columns,
                          const char *from,
                          RectifyFilter *filter,
                          const char *order,
                          const RectifyQuery *q,
                          RectifyRowReader read,
                          GDestroyNotify free_func,
                          gint64 *total,
                          GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  g_autofree char *sql = NULL;
  int rc;

  if (total)
    {
      g_autofree char *count_sql
          = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", from, filter->where->str);
      g_autoptr (RectifyStmt) stmt = rectify_store_prepare (self, count_sql, error);
      if (!stmt)
        return NULL;
      rectify_filter_bind (filter, stmt, 1);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          rectify_store_fail (self, rc, error);
          return NULL;
        }
      *total = sqlite3_column_int64 (stmt, 0);
    }

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s ORDER BY %s %s LIMIT ? OFFSET ?", columns,
                         from, filter->where->str, order, q && q->descending ? "DESC" : "ASC");
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (self, sql, error);
    int next;

    if (!stmt)
      return NULL;
    next = rectify_filter_bind (filter, stmt, 1);
    sqlite3_bind_int64 (stmt, next, q && q->limit > 0 ? q->limit : -1);
    sqlite3_bind_int64 (stmt, next + 1, q && q->offset > 0 ? q->offset : 0);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (rows, read (stmt));
    if (rc != SQLITE_DONE)
      {
        rectify_store_fail (self, rc, error);
        return NULL;
      }
  }
  return g_steal_pointer (&rows);
}

/* The ids of every matching row in order: the whole join only when the
 * filter or the order needs the joined table. */
static GArray *
query_ids (RectifyStore *self,
           const char *id_column,
           const char *from,
           const char *from_alone,
           RectifyFilter *filter,
           const char *order,
           const RectifyQuery *q,
           GError **error)
{
  gboolean needs_join = strstr (filter->where->str, "u.") != NULL || strstr (order, "u.") != NULL;
  /* nothing but a search, in id order: the index has the ids in that order */
  gboolean index_only
      = filter->n_clauses == 1 && filter->fts_table != NULL && g_str_equal (order, id_column);
  g_autofree char *sql = NULL;

  if (index_only)
    sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ? ORDER BY rowid %s",
                           filter->fts_table, filter->fts_table,
                           q && q->descending ? "DESC" : "ASC");
  else
    sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s ORDER BY %s %s", id_column,
                           needs_join ? from : from_alone, filter->where->str, order,
                           q && q->descending ? "DESC" : "ASC");
  return rectify_store_select_ids (self, sql, filter, index_only, q, error);
}

GArray *
rectify_store_select_ids (RectifyStore *self,
                          const char *sql,
                          RectifyFilter *filter,
                          gboolean match_only,
                          const RectifyQuery *q,
                          GError **error)
{
  g_autofree char *limited = NULL;
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (q != NULL && q->limit > 0)
    sql = limited = g_strdup_printf ("%s LIMIT %" G_GINT64_FORMAT, sql, q->limit);
  stmt = rectify_store_prepare (self, sql, error);
  if (!stmt)
    return NULL;
  if (match_only)
    rectify_bind_text (stmt, 1, filter->fts_match);
  else
    rectify_filter_bind (filter, stmt, 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      rectify_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* The rows of the given ids, in the order of the ids; ids that no longer
 * exist are left out. */
static GPtrArray *
rows_by_ids (RectifyStore *self,
             const char *columns,
             const char *from,
             const char *id_column,
             RectifyRowReader read,
             GDestroyNotify free_func,
             const gint64 *ids,
             guint n_ids,
             GError **error)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT %s FROM %s WHERE %s IN (SELECT value FROM json_each (?))", columns, from, id_column);
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (self, sql, error);
  g_autoptr (GHashTable) by_id
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, free_func);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_full (n_ids, free_func);
  g_autoptr (GString) list = g_string_new ("[");
  int rc;

  if (!stmt)
    return NULL;
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" PRId64, i ? "," : "", ids[i]);
  g_string_append_c (list, ']');
  rectify_bind_text (stmt, 1, list->str);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *key = g_new (gint64, 1);
      *key = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (by_id, key, read (stmt));
    }
  if (rc != SQLITE_DONE)
    {
      rectify_store_fail (self, rc, error);
      return NULL;
    }
  for (guint i = 0; i < n_ids; i++)
    {
      gpointer key, row;
      if (g_hash_table_steal_extended (by_id, &ids[i], &key, &row))
        {
          g_free (key);
          g_ptr_array_add (rows, row);
        }
    }
  return g_steal_pointer (&rows);
}

GArray *
rectify_store_query_ids (RectifyStore *self,
                         const char *id_column,
                         const char *from,
                         const char *from_alone,
                         RectifyFilter *filter,
                         const char *order,
                         const RectifyQuery *q,
                         GError **error)
{
  return query_ids (self, id_column, from, from_alone, filter, order, q, error);
}

GArray *
rectify_store_query_ids_ordered (RectifyStore *self,
                                 const char *id_column,
                                 const char *from,
                                 const char *const *joins,
                                 RectifyFilter *filter,
                                 const char *order,
                                 const RectifyQuery *q,
                                 GError **error)
{
  const char *direction = q && q->descending ? "DESC" : "ASC";
  g_autoptr (GString) sql = g_string_new (NULL);

  g_string_printf (sql, "SELECT %s FROM %s", id_column, from);
  for (guint i = 0; joins && joins[i]; i += 2)
    if (strstr (order, joins[i]))
      g_string_append (sql, joins[i + 1]);
  g_string_append_printf (sql, " WHERE %s ORDER BY %s %s, %s %s", filter->where->str, order,
                          direction, id_column, direction);
  return rectify_store_select_ids (self, sql->str, filter, FALSE, q, error);
}

GPtrArray *
rectify_store_rows_by_ids (RectifyStore *self,
                           const char *columns,
                           const char *from,
                           const char *id_column,
                           RectifyRowReader read,
                           GDestroyNotify free_func,
                           const gint64 *ids,
                           guint n_ids,
                           GError **error)
{
  return rows_by_ids (self, columns, from, id_column, read, free_func, ids, n_ids, error);
}
