/* rectify-pg-query.c: WHERE clauses with parameters, pages of rows, lists
 * of ids and the search tokens, as PostgreSQL writes them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-fts.h"
#include "rectify-pg-private.h"

/* ---- search -------------------------------------------------------------- */

typedef struct
{
  GString *out;
  int position; /* of the last token, 1-based; tsvector keeps up to 16383 */
} VectorBuilder;

static void
append_lexeme (GString *out, const char *token, int len)
{
  g_string_append_c (out, '\'');
  for (int i = 0; i < len; i++)
    {
      if (token[i] == '\'' || token[i] == '\\')
        g_string_append_c (out, token[i]);
      g_string_append_c (out, token[i]);
    }
  g_string_append_c (out, '\'');
}

static int
on_vector_token (gpointer data, const char *token, int len, int start, int end)
{
  VectorBuilder *b = data;

  b->position++;
  if (b->out->len)
    g_string_append_c (b->out, ' ');
  append_lexeme (b->out, token, len);
  g_string_append_printf (b->out, ":%d", MIN (b->position, 16383));
  return 0;
}

char *
rectify_pg_tsvector (const char *const *texts)
{
  VectorBuilder b = { g_string_new (NULL), 0 };

  for (guint i = 0; texts && texts[i]; i++)
    {
      rectify_fts_tokenize (texts[i], (int)strlen (texts[i]), FALSE, on_vector_token, &b);
      /* a gap: a phrase (<->) never runs from one column into the next */
      b.position++;
    }
  return g_string_free (b.out, FALSE);
}

static int
on_query_token (gpointer data, const char *token, int len, int start, int end)
{
  GString *phrase = data;

  if (phrase->len)
    g_string_append (phrase, " <-> ");
  append_lexeme (phrase, token, len);
  return 0;
}

char *
rectify_pg_tsquery (const char *words)
{
  g_auto (GStrv) pieces = rectify_fts_pieces (words);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; pieces && pieces[i]; i++)
    {
      g_autoptr (GString) phrase = g_string_new (NULL);

      rectify_fts_tokenize (pieces[i], (int)strlen (pieces[i]), TRUE, on_query_token, phrase);
      if (phrase->len == 0)
        continue;
      /* FTS5's "piece"*: the last token of the phrase is a prefix */
      g_string_append (phrase, ":*");
      if (out->len)
        g_string_append (out, " & ");
      g_string_append_printf (out, "(%s)", phrase->str);
    }
  return out->len ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* ---- filters ------------------------------------------------------------- */

void
rectify_pg_filter_init (RectifyPgFilter *f)
{
  f->where = g_string_new ("TRUE");
  f->params = (RectifyPgParams)RECTIFY_PG_PARAMS_INIT;
  f->n_clauses = 0;
}

void
rectify_pg_filter_clear (RectifyPgFilter *f)
{
  if (f->where)
    g_string_free (f->where, TRUE);
  f->where = NULL;
  rectify_pg_params_clear (&f->params);
  f->n_clauses = 0;
}

/* Appends clause with each ? numbered from the filter's next parameter;
 * n_values of them are expected. */
static void
append_clause (RectifyPgFilter *f, const char *clause, guint n_values)
{
  guint next = rectify_pg_params_count (&f->params) + 1;
  guint seen = 0;

  g_string_append (f->where, " AND (");
  for (const char *c = clause; *c; c++)
    if (*c == '?')
      g_string_append_printf (f->where, "$%u", next + seen++);
    else
      g_string_append_c (f->where, *c);
  g_string_append_c (f->where, ')');
  g_warn_if_fail (seen == n_values);
  f->n_clauses++;
}

void
rectify_pg_filter_add (RectifyPgFilter *f, const char *clause)
{
  append_clause (f, clause, 0);
}

void
rectify_pg_filter_add_int (RectifyPgFilter *f, const char *clause, gint64 value)
{
  append_clause (f, clause, 1);
  rectify_pg_add_int (&f->params, value);
}

void
rectify_pg_filter_add_text_n (RectifyPgFilter *f, const char *clause, guint n, const char *value)
{
  append_clause (f, clause, n);
  for (guint i = 0; i < n; i++)
    rectify_pg_add_text (&f->params, value);
}

void
rectify_pg_filter_add_text (RectifyPgFilter *f, const char *clause, const char *value)
{
  rectify_pg_filter_add_text_n (f, clause, 1, value);
}

void
rectify_pg_filter_add_texts (RectifyPgFilter *f, const char *clause, ...)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  const char *value;
  va_list args;

  va_start (args, clause);
  while ((value = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (values, (gpointer)value);
  va_end (args);
  append_clause (f, clause, values->len);
  for (guint i = 0; i < values->len; i++)
    rectify_pg_add_text (&f->params, g_ptr_array_index (values, i));
}

gboolean
rectify_pg_filter_add_search (RectifyPgFilter *f, const char *fts_column, const char *words)
{
  g_autofree char *query = rectify_pg_tsquery (words);
  g_autofree char *clause = NULL;

  if (query == NULL)
    return FALSE;
  clause = g_strdup_printf ("%s @@ ?::tsquery", fts_column);
  rectify_pg_filter_add_text (f, clause, query);
  return TRUE;
}

/* ---- sorting ------------------------------------------------------------- */

const char *
rectify_pg_sort_expression (const char *const *pairs, const char *key)
{
  if (key == NULL)
    return pairs[1];
  for (guint i = 0; pairs[i]; i += 2)
    if (g_strcmp0 (pairs[i], key) == 0)
      return pairs[i + 1];
  return NULL;
}

gboolean
rectify_pg_check_sort (const char *const *pairs,
                       const RectifyQuery *q,
                       const char **order,
                       GError **error)
{
  *order = rectify_pg_sort_expression (pairs, q ? q->sort : NULL);
  if (*order == NULL)
    {
      g_autoptr (GString) keys = g_string_new (NULL);
      for (guint i = 0; pairs[i]; i += 2)
        g_string_append_printf (keys, "%s%s", i ? ", " : "", pairs[i]);
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Sort: unknown column “%s”; use one of %s"), q->sort, keys->str);
      return FALSE;
    }
  return TRUE;
}

/* ---- pages and ids ------------------------------------------------------- */

/* A copy of the filter's parameters, to append LIMIT and OFFSET to. */
static void
copy_params (RectifyPgParams *dest, const RectifyPgParams *src)
{
  for (guint i = 0; i < rectify_pg_params_count (src); i++)
    {
      const char *v = g_ptr_array_index (src->values, i);
      int format = g_array_index (src->formats, int, i);
      if (v == NULL)
        rectify_pg_add_null (dest);
      else if (format == 1)
        rectify_pg_add_bytea (dest, v, g_array_index (src->lengths, int, i));
      else
        rectify_pg_add_text (dest, v);
    }
}

/* The id column of a list: the first of its columns.  Rows equal in the
 * order are given in the order of their ids, in the same direction, so
 * that a page and a list of ids agree whatever plan each gets (SQLite
 * walks its index that way). */
static char *
id_of_columns (const char *columns)
{
  const char *comma = strchr (columns, ',');
  return g_strstrip (comma ? g_strndup (columns, comma - columns) : g_strdup (columns));
}

GPtrArray *
rectify_pg_query_page (RectifyStore *self,
                       const char *columns,
                       const char *from,
                       RectifyPgFilter *filter,
                       const char *order,
                       const RectifyQuery *q,
                       RectifyPgRowReader read,
                       GDestroyNotify free_func,
                       gint64 *total,
                       GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *id = id_of_columns (columns);
  const char *direction = q && q->descending ? "DESC" : "ASC";
  guint n = rectify_pg_params_count (&filter->params);

  if (total)
    {
      g_autofree char *count_sql
          = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", from, filter->where->str);
      if (!rectify_pg_query_int (self, count_sql, &filter->params, total, error))
        return NULL;
    }

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s ORDER BY %s %s, %s %s LIMIT $%u OFFSET $%u",
                         columns, from, filter->where->str, order, direction, id, direction, n + 1,
                         n + 2);
  copy_params (&p, &filter->params);
  if (q && q->limit > 0)
    rectify_pg_add_int (&p, q->limit);
  else
    rectify_pg_add_null (&p); /* LIMIT NULL: all */
  rectify_pg_add_int (&p, q && q->offset > 0 ? q->offset : 0);
  res = rectify_pg_exec (self, sql, &p, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    g_ptr_array_add (rows, read (res, i));
  return g_steal_pointer (&rows);
}

GArray *
rectify_pg_select_ids (
    RectifyStore *self, const char *sql, RectifyPgParams *p, const RectifyQuery *q, GError **error)
{
  g_autofree char *limited = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (PGresult) res = NULL;

  if (q != NULL && q->limit > 0)
    sql = limited = g_strdup_printf ("%s LIMIT %" G_GINT64_FORMAT, sql, q->limit);
  res = rectify_pg_exec (self, sql, p, error);
  if (res == NULL)
    return NULL;
  g_array_set_size (ids, PQntuples (res));
  for (int i = 0; i < PQntuples (res); i++)
    g_array_index (ids, gint64, i) = rectify_pg_int (res, i, 0);
  return g_steal_pointer (&ids);
}

GArray *
rectify_pg_query_ids (RectifyStore *self,
                      const char *id_column,
                      const char *from,
                      const char *from_alone,
                      RectifyPgFilter *filter,
                      const char *order,
                      const RectifyQuery *q,
                      GError **error)
{
  gboolean needs_join = strstr (filter->where->str, "u.") != NULL || strstr (order, "u.") != NULL;
  const char *direction = q && q->descending ? "DESC" : "ASC";
  g_autofree char *sql = g_strdup_printf (
      "SELECT %s FROM %s WHERE %s ORDER BY %s %s, %s %s", id_column, needs_join ? from : from_alone,
      filter->where->str, order, direction, id_column, direction);

  return rectify_pg_select_ids (self, sql, &filter->params, q, error);
}

GArray *
rectify_pg_query_ids_ordered (RectifyStore *self,
                              const char *id_column,
                              const char *from,
                              const char *const *joins,
                              RectifyPgFilter *filter,
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
  return rectify_pg_select_ids (self, sql->str, &filter->params, q, error);
}

char *
rectify_pg_id_array (const gint64 *ids, guint n_ids)
{
  GString *list = g_string_new ("{");

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" PRId64, i ? "," : "", ids[i]);
  g_string_append_c (list, '}');
  return g_string_free (list, FALSE);
}

GPtrArray *
rectify_pg_rows_by_ids (RectifyStore *self,
                        const char *columns,
                        const char *from,
                        const char *id_column,
                        RectifyPgRowReader read,
                        GDestroyNotify free_func,
                        const gint64 *ids,
                        guint n_ids,
                        GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ANY ($1::bigint[])",
                                          columns, from, id_column);
  g_autofree char *list = rectify_pg_id_array (ids, n_ids);
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (GHashTable) by_id
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, free_func);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_full (n_ids, free_func);
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_text (&p, list);
  res = rectify_pg_exec (self, sql, &p, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      gint64 *key = g_new (gint64, 1);
      *key = rectify_pg_int (res, i, 0);
      g_hash_table_insert (by_id, key, read (res, i));
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
