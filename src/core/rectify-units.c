/* rectify-units.c: the units that use special equipment
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rectify-store-private.h"
#include "rectify-store-units.h"
#include "rectify-validate.h"

gboolean
rectify_unit_validate (const RectifyUnit *u, char **code, GError **error)
{
  return rectify_validate_required (_ ("Name"), u->name, 200, error)
         && rectify_validate_credit_code (u->credit_code, code, error)
         && rectify_validate_optional (_ ("Address"), u->address, 400, error)
         && rectify_validate_optional (_ ("District"), u->district, 100, error)
         && rectify_validate_optional (_ ("Industry"), u->industry, 100, error)
         && rectify_validate_optional (_ ("Legal representative"), u->legal_rep, 64, error)
         && rectify_validate_optional (_ ("Safety manager"), u->safety_manager, 64, error)
         && rectify_validate_optional (_ ("Phone"), u->phone, 40, error);
}

gint64
rectify_store_add_unit (RectifyStore *self, const RectifyUnit *u, GError **error)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  RectifyUnit stored;
  gint64 id;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);

  if (!rectify_unit_validate (u, &code, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return 0;
  stored = *u;
  stored.credit_code = code;
  stored.name = name = g_strstrip (g_strdup (u->name));
  id = RECTIFY_STORE_OPS (self, units)->insert (self, &stored, error);
  return rectify_store_finish_write (self, id > 0, "unit", id, "create", NULL, error) ? id : 0;
}

gboolean
rectify_store_update_unit (RectifyStore *self, const RectifyUnit *u, GError **error)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *before = NULL;
  RectifyUnit stored;
  gboolean found = FALSE;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!rectify_unit_validate (u, &code, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "unit", u->id);
  stored = *u;
  stored.credit_code = code;
  stored.name = name = g_strstrip (g_strdup (u->name));
  ok = RECTIFY_STORE_OPS (self, units)->update (self, &stored, &found, error)
       && rectify_store_check_found (found, _ ("unit"), u->id, error);
  return rectify_store_finish_write (self, ok, "unit", u->id, "update", before, error);
}

gboolean
rectify_store_delete_unit (RectifyStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  return rectify_store_remove_record (
      self, "unit", id, RECTIFY_STORE_OPS (self, units)->remove,
      _ ("This unit has equipment, operators, inspections or documents on record; "
         "it cannot be deleted"),
      error);
}

RectifyUnit *
rectify_store_get_unit (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (GError) local = NULL;
  RectifyUnit *u;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  u = RECTIFY_STORE_OPS (self, units)->get (self, id, &local);
  if (u == NULL && local)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (u == NULL)
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                 _ ("Unit: there is no unit with id %" PRId64), id);
  return u;
}

gboolean
rectify_store_find_unit (RectifyStore *self, const char *id_or_code, gint64 *out_id, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *upper = g_ascii_strup (id_or_code ? id_or_code : "", -1);
  gint64 number = 0;
  gint64 id;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!g_ascii_string_to_signed (upper, 10, 1, G_MAXINT64, &number, NULL))
    number = 0;
  id = RECTIFY_STORE_OPS (self, units)->find (self, number, upper, &local);
  if (id == 0)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                     _ ("Unit: no unit has the id or credit code “%s”"),
                     id_or_code ? id_or_code : "");
      return FALSE;
    }
  *out_id = id;
  return TRUE;
}

GPtrArray *
rectify_store_list_units (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  return RECTIFY_STORE_OPS (self, units)->list (self, q, total, error);
}

GArray *
rectify_store_query_unit_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  return RECTIFY_STORE_OPS (self, units)->query_ids (self, q, error);
}

GPtrArray *
rectify_store_get_units_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  return RECTIFY_STORE_OPS (self, units)->get_by_ids (self, ids, n_ids, error);
}

char **
rectify_store_list_unit_values (RectifyStore *self, const char *field, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (g_strcmp0 (field, "district") != 0 && g_strcmp0 (field, "industry") != 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Field: use district or industry"));
      return NULL;
    }
  return RECTIFY_STORE_OPS (self, units)->list_values (self, field, error);
}
