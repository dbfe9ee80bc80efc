/* rectify-operators.c: the licensed operators of the units' equipment
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rectify-store-operators.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"

gboolean
rectify_operator_validate_fields (const RectifyOperator *op, char **id_number, GError **error)
{
  return rectify_validate_required (C_ ("person", "Name"), op->name, 64, error)
         && (!op->id_number || !*op->id_number
             || rectify_validate_id_number (op->id_number, id_number, error))
         && rectify_validate_optional (_ ("Certificate number"), op->cert_no, 64, error)
         && rectify_validate_optional (_ ("Certificate category"), op->cert_category, 64, error)
         && (!op->cert_expiry || !*op->cert_expiry
             || rectify_validate_date (_ ("Certificate expiry"), op->cert_expiry, error));
}

static gboolean
validate_operator (RectifyStore *self, const RectifyOperator *op, char **id_number, GError **error)
{
  return rectify_store_check_id (self, "unit", op->unit_id, _ ("Unit"), error)
         && rectify_operator_validate_fields (op, id_number, error);
}

gint64
rectify_store_add_operator (RectifyStore *self, const RectifyOperator *op, GError **error)
{
  g_autofree char *id_number = NULL;
  g_autofree char *name = NULL;
  RectifyOperator stored;
  gint64 id;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);

  if (!validate_operator (self, op, &id_number, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return 0;
  stored = *op;
  stored.name = name = g_strstrip (g_strdup (op->name));
  stored.id_number = id_number;
  id = RECTIFY_STORE_OPS (self, operators)->insert (self, &stored, error);
  return rectify_store_finish_write (self, id > 0, "operator", id, "create", NULL, error) ? id : 0;
}

gboolean
rectify_store_update_operator (RectifyStore *self, const RectifyOperator *op, GError **error)
{
  g_autofree char *id_number = NULL;
  g_autofree char *name = NULL;
  g_autofree char *before = NULL;
  RectifyOperator stored;
  gboolean found = FALSE;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!validate_operator (self, op, &id_number, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "operator", op->id);
  stored = *op;
  stored.name = name = g_strstrip (g_strdup (op->name));
  stored.id_number = id_number;
  ok = RECTIFY_STORE_OPS (self, operators)->update (self, &stored, &found, error)
       && rectify_store_check_found (found, _ ("operator"), op->id, error);
  return rectify_store_finish_write (self, ok, "operator", op->id, "update", before, error);
}

gboolean
rectify_store_delete_operator (RectifyStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  return rectify_store_remove_record (self, "operator", id,
                                      RECTIFY_STORE_OPS (self, operators)->remove,
                                      _ ("This operator is still referred to"), error);
}

RectifyOperator *
rectify_store_get_operator (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (GError) local = NULL;
  RectifyOperator *op;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  op = RECTIFY_STORE_OPS (self, operators)->get (self, id, &local);
  if (op == NULL && local)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (op == NULL)
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                 _ ("Operator: there is no operator with id %" PRId64), id);
  return op;
}

GPtrArray *
rectify_store_list_operators (RectifyStore *self,
                              const RectifyQuery *q,
                              gint64 *total,
                              GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  return RECTIFY_STORE_OPS (self, operators)->list (self, q, total, error);
}

GArray *
rectify_store_query_operator_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  return RECTIFY_STORE_OPS (self, operators)->query_ids (self, q, error);
}

GPtrArray *
rectify_store_get_operators_by_ids (RectifyStore *self,
                                    const gint64 *ids,
                                    guint n_ids,
                                    GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  return RECTIFY_STORE_OPS (self, operators)->get_by_ids (self, ids, n_ids, error);
}
