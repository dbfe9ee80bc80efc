/* rectify-officers.c: the bureau's officers, their badges and roles
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rectify-store-officers.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"

static gboolean
validate_officer (const RectifyOfficer *o, GError **error)
{
  return rectify_validate_required (_ ("Badge"), o->badge, 32, error)
         && rectify_validate_required (C_ ("person", "Name"), o->name, 64, error)
         && (rectify_role_to_code (o->role) != NULL
             || (g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                              _ ("Role: unknown role")),
                 FALSE));
}

gint64
rectify_store_add_officer (RectifyStore *self, const RectifyOfficer *o, GError **error)
{
  g_autofree char *badge = NULL;
  g_autofree char *name = NULL;
  RectifyOfficer stored;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);
  g_return_val_if_fail (o != NULL, 0);

  if (!validate_officer (o, error) || !rectify_store_begin (self, error))
    return 0;
  /* The very first officer of an empty database has nobody to act for
   * them; after that an officer adds officers. */
  ok = TRUE;
  if (rectify_store_get_actor (self) == 0)
    {
      g_autoptr (GError) local = NULL;
      gboolean any = RECTIFY_STORE_OPS (self, officers)->any (self, &local);

      if (local)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          ok = FALSE;
        }
      else
        rectify_store_allow_first_officer (self, !any);
    }
  ok = ok && rectify_store_check_writer (self, error);
  stored = *o;
  stored.badge = badge = g_strstrip (g_strdup (o->badge));
  stored.name = name = g_strstrip (g_strdup (o->name));
  id = ok ? RECTIFY_STORE_OPS (self, officers)->insert (self, &stored, error) : 0;
  ok = rectify_store_finish_write (self, id > 0, "officer", id, "create", NULL, error);
  rectify_store_allow_first_officer (self, FALSE);
  return ok ? id : 0;
}

gboolean
rectify_store_update_officer (RectifyStore *self, const RectifyOfficer *o, GError **error)
{
  g_autofree char *before = NULL;
  gboolean found = FALSE;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!validate_officer (o, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "officer", o->id);
  ok = RECTIFY_STORE_OPS (self, officers)->update (self, o, &found, error)
       && rectify_store_check_found (found, _ ("officer"), o->id, error);
  return rectify_store_finish_write (self, ok, "officer", o->id, "update", before, error);
}

RectifyOfficer *
rectify_store_get_officer (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (GError) local = NULL;
  RectifyOfficer *o;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  o = RECTIFY_STORE_OPS (self, officers)->get (self, id, &local);
  if (o == NULL && local)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (o == NULL)
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                 _ ("Officer: there is no officer with id %" PRId64), id);
  return o;
}

GPtrArray *
rectify_store_list_officers (RectifyStore *self, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  return RECTIFY_STORE_OPS (self, officers)->list (self, error);
}

gboolean
rectify_store_find_officer (RectifyStore *self,
                            const char *id_or_badge,
                            gint64 *out_id,
                            GError **error)
{
  g_autoptr (GError) local = NULL;
  gint64 number = 0;
  gint64 id;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (id_or_badge && !g_ascii_string_to_signed (id_or_badge, 10, 1, G_MAXINT64, &number, NULL))
    number = 0;
  id = RECTIFY_STORE_OPS (self, officers)->find (self, number, id_or_badge, &local);
  if (id == 0)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                     _ ("Officer: no officer has the id or badge “%s”"),
                     id_or_badge ? id_or_badge : "");
      return FALSE;
    }
  *out_id = id;
  return TRUE;
}
