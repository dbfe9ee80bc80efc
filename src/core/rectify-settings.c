/* rectify-settings.c: the bureau's settings, their names and limits
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-store-private.h"
#include "rectify-store-settings.h"
#include "rectify-validate.h"

char *
rectify_store_get_setting (RectifyStore *self, const char *key, const char *fallback)
{
  char *value;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  value = RECTIFY_STORE_OPS (self, settings)->get (self, key, NULL);
  return value ? value : g_strdup (fallback);
}

/* The bureau's settings by the names people know them by. */
static const struct
{
  const char *key;
  const char *label;
  guint max_chars;
} known_settings[] = {
  { "bureau-name", N_ ("Bureau name"), 100 },
  { "bureau-district", N_ ("District"), 100 },
  { "number-prefix-instruction", N_ ("Number prefix of instruction letters"), 40 },
  { "number-prefix-opinion", N_ ("Number prefix of rectification opinions"), 40 },
  { "signatory", N_ ("Signatory"), 64 },
  { "document-language", N_ ("Document language"), 16 },
};

static const char *
setting_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_settings); i++)
    if (g_strcmp0 (known_settings[i].key, key) == 0)
      return _ (known_settings[i].label);
  return key;
}

static guint
setting_max_chars (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_settings); i++)
    if (g_strcmp0 (known_settings[i].key, key) == 0)
      return known_settings[i].max_chars;
  return 4000;
}

gboolean
rectify_store_set_setting (RectifyStore *self, const char *key, const char *value, GError **error)
{
  g_autofree char *before = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!rectify_validate_required (_ ("Setting"), key, 64, error)
      || !rectify_validate_optional (setting_label (key), value, setting_max_chars (key), error)
      || !rectify_store_check_writer (self, error) || !rectify_store_begin (self, error))
    return FALSE;

  before = rectify_store_get_setting (self, key, NULL);
  ok = RECTIFY_STORE_OPS (self, settings)->put (self, key, value, error);
  if (ok)
    {
      g_autofree char *k = g_strescape (key, NULL);
      if (before)
        {
          g_autofree char *v = g_strescape (before, NULL);
          before_json = g_strdup_printf ("{\"%s\":\"%s\"}", k, v);
        }
      {
        g_autofree char *v = g_strescape (value ? value : "", NULL);
        after_json = g_strdup_printf ("{\"%s\":\"%s\"}", k, v);
      }
      ok = rectify_store_audit (self, "setting", 0, before ? "update" : "create", before_json,
                                after_json, error);
      rectify_store_mark_changed (self, "setting");
    }
  return rectify_store_end (self, ok, error);
}
