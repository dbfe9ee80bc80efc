/* rectify-document-query.c: the lazy document list: ids of a filter in order, then rows by id
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-store-documents.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"

static const char *const list_sorts[]
    = { "issued_date", "id", "number", "kind", "unit", "status", "officer", NULL };

static gboolean
check_query (const RectifyQuery *q, GError **error)
{
  if (q && q->sort && !g_strv_contains (list_sorts, q->sort))
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
  return TRUE;
}

GArray *
rectify_store_query_document_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!check_query (q, error))
    return NULL;
  /* as of a day: the statuses as they stood then */
  if (q && q->as_of_limits)
    day = q->as_of ? g_strdup (q->as_of) : rectify_today ();
  return RECTIFY_STORE_OPS (self, documents)->query_ids (self, q, day, error);
}

GPtrArray *
rectify_store_get_documents_by_ids (RectifyStore *self,
                                    const gint64 *ids,
                                    guint n_ids,
                                    GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  return RECTIFY_STORE_OPS (self, documents)->get_by_ids (self, ids, n_ids, error);
}
