/* rectify-equipment.c: the special equipment of the units, item by item
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-store-equipment.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"

gboolean
rectify_equipment_validate_fields (const RectifyEquipment *e, GError **error)
{
  if (rectify_category_to_code (e->category) == NULL)
    {
      g_autofree char *codes = rectify_codes_joined (rectify_category_codes ());
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Category: %d is not a catalogue code; use %s"), (int)e->category, codes);
      return FALSE;
    }
  if (e->code && *e->code && !rectify_validate_equipment_code (e->code, error))
    return FALSE;
  if ((!e->code || !*e->code) && e->category != RECTIFY_CATEGORY_GAS_CYLINDER)
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
          _ ("Equipment code: required (only gas cylinders counted in bulk may go without)"));
      return FALSE;
    }
  if (e->quantity < 1 || (e->quantity > 1 && e->category != RECTIFY_CATEGORY_GAS_CYLINDER))
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
          _ ("Quantity: only gas cylinders are counted in bulk; other equipment has quantity 1"));
      return FALSE;
    }
  if (rectify_equipment_status_to_code (e->status) == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("Status: unknown status"));
      return FALSE;
    }
  if ((e->last_inspection && *e->last_inspection
       && !rectify_validate_date (_ ("Last inspection"), e->last_inspection, error))
      || (e->next_inspection && *e->next_inspection
          && !rectify_validate_date (_ ("Next inspection"), e->next_inspection, error))
      || (e->postponed_until && *e->postponed_until
          && !rectify_validate_date (_ ("Postponed until"), e->postponed_until, error)))
    return FALSE;
  if (e->last_inspection && *e->last_inspection && e->next_inspection && *e->next_inspection
      && strcmp (e->next_inspection, e->last_inspection) < 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Next inspection: %s is before the last inspection %s"), e->next_inspection,
                   e->last_inspection);
      return FALSE;
    }
  return rectify_validate_optional (_ ("Registration certificate"), e->reg_cert, 64, error)
         && rectify_validate_optional (_ ("Variety"), e->variety, 200, error)
         && rectify_validate_optional (_ ("Location"), e->location, 400, error)
         && rectify_validate_optional (_ ("Registered user"), e->registered_user, 200, error);
}

static gboolean
validate_equipment (RectifyStore *self, const RectifyEquipment *e, GError **error)
{
  return rectify_store_check_id (self, "unit", e->unit_id, _ ("Unit"), error)
         && rectify_equipment_validate_fields (e, error);
}

gint64
rectify_store_add_equipment (RectifyStore *self, const RectifyEquipment *e, GError **error)
{
  gint64 id;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);

  if (!validate_equipment (self, e, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return 0;
  id = RECTIFY_STORE_OPS (self, equipment)->insert (self, e, error);
  return rectify_store_finish_write (self, id > 0, "equipment", id, "create", NULL, error) ? id : 0;
}

gboolean
rectify_store_update_equipment (RectifyStore *self, const RectifyEquipment *e, GError **error)
{
  g_autofree char *before = NULL;
  gboolean found = FALSE;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!validate_equipment (self, e, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "equipment", e->id);
  ok = RECTIFY_STORE_OPS (self, equipment)->update (self, e, &found, error)
       && rectify_store_check_found (found, _ ("equipment item"), e->id, error);
  return rectify_store_finish_write (self, ok, "equipment", e->id, "update", before, error);
}

gboolean
rectify_store_delete_equipment (RectifyStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  return rectify_store_remove_record (
      self, "equipment", id, RECTIFY_STORE_OPS (self, equipment)->remove,
      _ ("This item was inspected or has hazards on record; set its status "
         "(scrapped, moved out) instead of deleting it"),
      error);
}

RectifyEquipment *
rectify_store_get_equipment (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (GError) local = NULL;
  RectifyEquipment *e;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  e = RECTIFY_STORE_OPS (self, equipment)->get (self, id, &local);
  if (e == NULL && local)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (e == NULL)
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                 _ ("Equipment: there is no equipment %" PRId64), id);
  return e;
}

GPtrArray *
rectify_store_list_equipment (RectifyStore *self,
                              const RectifyQuery *q,
                              gint64 *total,
                              GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  return RECTIFY_STORE_OPS (self, equipment)->list (self, q, total, error);
}

GArray *
rectify_store_query_equipment_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  return RECTIFY_STORE_OPS (self, equipment)->query_ids (self, q, error);
}

GPtrArray *
rectify_store_get_equipment_by_ids (RectifyStore *self,
                                    const gint64 *ids,
                                    guint n_ids,
                                    GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  return RECTIFY_STORE_OPS (self, equipment)->get_by_ids (self, ids, n_ids, error);
}
