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
static const RectifySettingInfo known_settings[] = {
  { "bureau-name", N_ ("Bureau name"), 100 },
  { "bureau-district", N_ ("District"), 100 },
  { "bureau-contact", N_ ("Contact printed on letters"), 200 },
  { "number-prefix-instruction", N_ ("Number prefix of instruction letters"), 40 },
  { "number-prefix-opinion", N_ ("Number prefix of rectification opinions"), 40 },
  { "signatory", N_ ("Signatory"), 64 },
  { "document-language", N_ ("Document language"), 16 },
  { "provision-instruction-zh_CN", N_ ("Provision cited by instruction letters (Chinese)"), 400 },
  { "provision-instruction-en", N_ ("Provision cited by instruction letters (English)"), 400 },
  { "provision-stop-use-zh_CN", N_ ("Provision cited for a stop-use order (Chinese)"), 400 },
  { "provision-stop-use-en", N_ ("Provision cited for a stop-use order (English)"), 400 },
  { "document-body-font", N_ ("Body font of documents"), 200 },
  { "document-title-font", N_ ("Title font of documents"), 200 },
  { "document-heading-font", N_ ("Heading font of documents"), 200 },
};

const RectifySettingInfo *
rectify_settings_known (guint *n_settings)
{
  *n_settings = G_N_ELEMENTS (known_settings);
  return known_settings;
}

static const RectifySettingInfo *
setting_info (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_settings); i++)
    if (g_strcmp0 (known_settings[i].key, key) == 0)
      return &known_settings[i];
  return NULL;
}

static gboolean
validate_setting (const char *key, const char *value, GError **error)
{
  const RectifySettingInfo *info = setting_info (key);

  if (!rectify_validate_required (_ ("Setting"), key, 64, error))
    return FALSE;
  if (info == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Setting: “%s” is not a setting of Rectify"), key);
      return FALSE;
    }
  if (!rectify_validate_optional (_ (info->label), value, info->max_chars, error))
    return FALSE;
  if (g_str_equal (key, "document-language") && value && *value && !g_str_equal (value, "zh_CN")
      && !g_str_equal (value, "en"))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("%s: “%s” is not a document language; use zh_CN or en"), _ (info->label),
                   value);
      return FALSE;
    }
  return TRUE;
}

gboolean
rectify_store_set_setting (RectifyStore *self, const char *key, const char *value, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  return validate_setting (key, value, error)
         && rectify_store_put_setting (self, key, value, error);
}

gboolean
rectify_store_put_setting (RectifyStore *self, const char *key, const char *value, GError **error)
{
  g_autofree char *before = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!rectify_validate_required (_ ("Setting"), key, 64, error)
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
