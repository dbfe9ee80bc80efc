/* rectify-document-query.c: the lazy document list: ids of a filter in order, then rows by id
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-store-private.h"
#include "rectify-validate.h"

static const char *const list_sorts[]
    = { "issued_date", "d.issued_date", "id",   "d.id",   "number", "d.kind, d.year, d.seq",
        "kind",        "d.kind",        "unit", "u.name", "status", "d.status",
        "officer",     "o.name",        NULL };

static gboolean
document_filter (const RectifyQuery *q, RectifyFilter *f, const char **order, GError **error)
{
  g_autofree char *words = NULL;

  *order = rectify_sort_expression (list_sorts, q ? q->sort : NULL);
  if (*order == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Sort: unknown column “%s”; use issued_date, id, number, kind, unit, status "
                      "or officer"),
                   q->sort);
      return FALSE;
    }
  if (q && q->status >= RECTIFY_N_DOCUMENT_STATUSES)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("Status: use issued or void"));
      return FALSE;
    }
  if (q && q->kind >= 0 && rectify_document_kind_to_code (q->kind) == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Kind: unknown kind of document"));
      return FALSE;
    }

  if (q && q->as_of && !rectify_validate_date (_ ("As of"), q->as_of, error))
    return FALSE;

  rectify_filter_init (f);
  if (q == NULL)
    return TRUE;
  if (q->unit_id > 0)
    rectify_filter_add_int (f, "d.unit_id = ?", q->unit_id);
  if (q->campaign_id > 0)
    rectify_filter_add_int (f, "d.campaign_id = ?", q->campaign_id);
  if (q->kind >= 0)
    rectify_filter_add_text (f, "d.kind = ?", rectify_document_kind_to_code (q->kind));
  if (q->as_of_limits)
    {
      g_autofree char *day = q->as_of ? g_strdup (q->as_of) : rectify_today ();
      g_autofree char *clause = NULL;

      if (q->status == RECTIFY_DOCUMENT_ISSUED)
        clause = rectify_figures_sql_document_issued ("d.", "?");
      else if (q->status == RECTIFY_DOCUMENT_VOID)
        {
          g_autofree char *voided = rectify_figures_sql_document_void ("d.", "?");
          clause = g_strdup_printf ("d.issued_date <= ? AND %s", voided);
        }
      else
        clause = g_strdup ("d.issued_date <= ?");
      rectify_filter_add_day (f, clause, day);
    }
  else if (q->status >= 0)
    rectify_filter_add_text (f, "d.status = ?", rectify_document_status_to_code (q->status));
  words = g_strstrip (g_strdup (q->search ? q->search : ""));
  if (*words)
    {
      /* A number is typed as it is printed, in part ("〔2026〕7"); the
       * unit by the words of its name, through the unit index. */
      g_autofree char *match = rectify_fts_query (words);
      g_autoptr (GString) like = g_string_new ("%");

      for (const char *p = words; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (like, '\\');
          g_string_append_c (like, *p);
        }
      g_string_append_c (like, '%');
      if (match)
        rectify_filter_add_texts (
            f,
            "d.number LIKE ? ESCAPE '\\'"
            " OR d.unit_id IN (SELECT rowid FROM unit_fts WHERE unit_fts MATCH ?)",
            like->str, match, NULL);
      else
        rectify_filter_add_text (f, "d.number LIKE ? ESCAPE '\\'", like->str);
    }
  return TRUE;
}

GArray *
rectify_store_query_document_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  RectifyFilter f;
  const char *order;
  /* Join only what the order reads. */
  static const char *const joins[] = { "u.", " JOIN unit u ON u.id = d.unit_id", "o.",
                                       " LEFT JOIN officer o ON o.id = d.officer_id", NULL };
  GArray *ids;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!document_filter (q, &f, &order, error))
    return NULL;
  ids = rectify_store_query_ids_ordered (self, "d.id", "document d", joins, &f, order, q, error);
  rectify_filter_clear (&f);
  return ids;
}

GPtrArray *
rectify_store_get_documents_by_ids (RectifyStore *self,
                                    const gint64 *ids,
                                    guint n_ids,
                                    GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  return rectify_store_rows_by_ids (
      self, RECTIFY_DOCUMENT_COLUMNS, "document d JOIN unit u ON u.id = d.unit_id", "d.id",
      rectify_read_document_row, (GDestroyNotify)rectify_document_free, ids, n_ids, error);
}
