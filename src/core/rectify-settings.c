/* rectify-settings.c: the bureau's settings, their names and limits
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

/* ---- the bureau's setup ------------------------------------------------------ */

/* The values the sample data and the defaults use until a bureau sets up its own. */
#define PLACEHOLDER_BUREAU "X市市场监督管理局"
#define PLACEHOLDER_INSTRUCTION_PREFIX "X市监特指"
#define PLACEHOLDER_OPINION_PREFIX "X市监特整"

static gboolean
is_placeholder (const char *value, const char *placeholder)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value ? value : ""));

  return *stripped == '\0' || g_str_equal (stripped, placeholder);
}

gboolean
rectify_setting_is_placeholder (const char *key, const char *value)
{
  if (g_strcmp0 (key, "bureau-name") == 0)
    return is_placeholder (value, PLACEHOLDER_BUREAU);
  if (g_strcmp0 (key, "number-prefix-instruction") == 0)
    return is_placeholder (value, PLACEHOLDER_INSTRUCTION_PREFIX);
  if (g_strcmp0 (key, "number-prefix-opinion") == 0)
    return is_placeholder (value, PLACEHOLDER_OPINION_PREFIX);
  return value == NULL || *value == '\0';
}

void
rectify_store_get_bureau_setup (RectifyStore *self, RectifyBureauSetup *setup)
{
  g_return_if_fail (RECTIFY_IS_STORE (self));
  g_return_if_fail (setup != NULL);

  setup->bureau_name = rectify_store_get_setting (self, "bureau-name", PLACEHOLDER_BUREAU);
  setup->district = rectify_store_get_setting (self, "bureau-district", "");
  setup->instruction_prefix = rectify_store_get_setting (self, "number-prefix-instruction",
                                                         PLACEHOLDER_INSTRUCTION_PREFIX);
  setup->opinion_prefix
      = rectify_store_get_setting (self, "number-prefix-opinion", PLACEHOLDER_OPINION_PREFIX);
  setup->signatory = rectify_store_get_setting (self, "signatory", "");
  setup->document_language = rectify_store_get_setting (self, "document-language", "zh_CN");
}

void
rectify_bureau_setup_clear (RectifyBureauSetup *setup)
{
  const char **fields[] = { &setup->bureau_name,    &setup->district,  &setup->instruction_prefix,
                            &setup->opinion_prefix, &setup->signatory, &setup->document_language };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_free ((char *)*fields[i]);
      *fields[i] = NULL;
    }
}

/* A number prefix is the issuing agency's code of GB/T 9704: one line, no
 * brackets or number signs of its own, for the year and number follow it. */
static gboolean
validate_prefix (const char *label, const char *value, const char *placeholder, GError **error)
{
  static const char *const forbidden[] = { "〔", "〕", "[", "]", "号", "(", ")", "（", "）" };

  if (!rectify_validate_required (label, value, 40, error)
      || !rectify_validate_one_line (label, value, error))
    return FALSE;
  if (is_placeholder (value, placeholder))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("%s: “%s” is the sample's; enter your bureau's own"), label, value);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    if (strstr (value, forbidden[i]))
      {
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                     _ ("%s: leave out “%s”; the year and number follow the prefix by "
                        "themselves"),
                     label, forbidden[i]);
        return FALSE;
      }
  return TRUE;
}

gboolean
rectify_store_set_up_bureau (RectifyStore *self, const RectifyBureauSetup *setup, GError **error)
{
  const struct
  {
    const char *key;
    const char *value;
  } fields[] = {
    { "bureau-name", setup ? setup->bureau_name : NULL },
    { "bureau-district", setup ? setup->district : NULL },
    { "number-prefix-instruction", setup ? setup->instruction_prefix : NULL },
    { "number-prefix-opinion", setup ? setup->opinion_prefix : NULL },
    { "signatory", setup ? setup->signatory : NULL },
    { "document-language", setup ? setup->document_language : NULL },
  };
  gboolean ok = TRUE;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  g_return_val_if_fail (setup != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *label = _ (setting_info (fields[i].key)->label);

      if (!rectify_validate_required (label, fields[i].value,
                                      setting_info (fields[i].key)->max_chars, error)
          || !rectify_validate_one_line (label, fields[i].value, error)
          || !validate_setting (fields[i].key, fields[i].value, error))
        return FALSE;
    }
  if (is_placeholder (setup->bureau_name, PLACEHOLDER_BUREAU))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("%s: “%s” is the sample's; enter your bureau's own"), _ ("Bureau name"),
                   setup->bureau_name);
      return FALSE;
    }
  if (!validate_prefix (_ ("Number prefix of instruction letters"), setup->instruction_prefix,
                        PLACEHOLDER_INSTRUCTION_PREFIX, error)
      || !validate_prefix (_ ("Number prefix of rectification opinions"), setup->opinion_prefix,
                           PLACEHOLDER_OPINION_PREFIX, error))
    return FALSE;
  if (g_strcmp0 (setup->instruction_prefix, setup->opinion_prefix) == 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("%s: it is the same as the prefix of instruction letters; each kind of "
                      "document has its own numbers"),
                   _ ("Number prefix of rectification opinions"));
      return FALSE;
    }

  if (!rectify_store_check_writer (self, error) || !rectify_store_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (fields[i].value));
      ok = rectify_store_put_setting (self, fields[i].key, value, error);
    }
  return rectify_store_end (self, ok, error);
}

gboolean
rectify_store_check_bureau_set_up (RectifyStore *self, GError **error)
{
  RectifyBureauSetup setup = { 0 };
  g_autoptr (GString) missing = g_string_new (NULL);

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  rectify_store_get_bureau_setup (self, &setup);
  if (is_placeholder (setup.bureau_name, PLACEHOLDER_BUREAU))
    g_string_append_printf (missing, "%s%s", missing->len ? _ (", ") : "", _ ("Bureau name"));
  if (is_placeholder (setup.instruction_prefix, PLACEHOLDER_INSTRUCTION_PREFIX))
    g_string_append_printf (missing, "%s%s", missing->len ? _ (", ") : "",
                            _ ("Number prefix of instruction letters"));
  if (is_placeholder (setup.opinion_prefix, PLACEHOLDER_OPINION_PREFIX))
    g_string_append_printf (missing, "%s%s", missing->len ? _ (", ") : "",
                            _ ("Number prefix of rectification opinions"));
  rectify_bureau_setup_clear (&setup);
  if (missing->len == 0)
    return TRUE;
  /* Translators: %s lists the settings still the sample's, e.g. "Bureau name, …" */
  g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_SET_UP,
               _ ("Settings: set up the bureau before issuing documents; these are still the "
                  "sample's: %s"),
               missing->str);
  return FALSE;
}
