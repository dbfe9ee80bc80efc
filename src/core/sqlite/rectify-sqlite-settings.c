/* rectify-sqlite-settings.c: the setting table
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-settings.h"

static char *
setting_get (RectifyStore *self, const char *key, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self, "SELECT value FROM setting WHERE key = ?", error);
  int rc;

  if (!stmt)
    return NULL;
  rectify_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return rectify_column_text (stmt, 0);
  if (rc != SQLITE_DONE)
    rectify_store_fail (self, rc, error);
  return NULL;
}

static gboolean
setting_put (RectifyStore *self, const char *key, const char *value, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                               " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               error);

  if (!stmt)
    return FALSE;
  rectify_bind_text (stmt, 1, key);
  rectify_bind_text (stmt, 2, value);
  return rectify_store_step_done (self, stmt, error);
}

const RectifyStoreSettingOps rectify_sqlite_setting_ops = {
  .get = setting_get,
  .put = setting_put,
};
