/* rectify-server.c: a bureau's database on a server: its roles and logins
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-server.h"
#include "rectify-store-private.h"

static gboolean
check_server (RectifyStore *store, GError **error)
{
  if (RECTIFY_STORE_GET_CLASS (store)->setup_server == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("%s is a database file; roles and logins are for a database on a server "
                      "(postgresql://HOST/DATABASE)"),
                   rectify_store_get_path (store));
      return FALSE;
    }
  return TRUE;
}

gboolean
rectify_server_init (const char *location, GError **error)
{
  g_autoptr (RectifyStore) store = NULL;

  g_return_val_if_fail (location != NULL, FALSE);

  if (!rectify_store_location_is_server (location))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("%s is a database file; roles and logins are for a database on a server "
                      "(postgresql://HOST/DATABASE)"),
                   location);
      return FALSE;
    }
  store = rectify_store_create (location, error);
  if (store == NULL || !check_server (store, error))
    return FALSE;
  return RECTIFY_STORE_GET_CLASS (store)->setup_server (store, error);
}

gint64
rectify_server_add_officer (RectifyStore *store,
                            const RectifyOfficer *officer,
                            const char *login,
                            const char *password,
                            GError **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), 0);
  g_return_val_if_fail (officer != NULL, 0);

  if (!check_server (store, error))
    return 0;
  if (login == NULL || *login == '\0')
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Login: required (the name the officer logs in to the server with)"));
      return 0;
    }
  if (!rectify_store_begin (store, error))
    return 0;
  /* the officer as any other is added (validated, permitted, audited),
   * then their role; both or neither */
  id = rectify_store_add_officer (store, officer, error);
  ok = id > 0
       && RECTIFY_STORE_GET_CLASS (store)->create_login (store, id, officer->role, login, password,
                                                         error);
  if (!rectify_store_end (store, ok, ok ? error : NULL))
    return 0;
  return id;
}
