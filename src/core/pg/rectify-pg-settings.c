/* rectify-pg-settings.c: the SQL of settings on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-settings.h"

static char *
setting_get (RectifyStore *self, const char *key, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_text (&p, key);
  res = rectify_pg_exec (self, "SELECT value FROM setting WHERE key = $1", &p, error);
  if (res == NULL || PQntuples (res) == 0)
    return NULL;
  return rectify_pg_dup_text (res, 0, 0);
}

static gboolean
setting_put (RectifyStore *self, const char *key, const char *value, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_text (&p, key);
  rectify_pg_add_text (&p, value);
  return rectify_pg_run (self,
                         "INSERT INTO setting (key, value) VALUES ($1, $2)"
                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         &p, error);
}

const RectifyStoreSettingOps rectify_pg_setting_ops = {
  .get = setting_get,
  .put = setting_put,
};
