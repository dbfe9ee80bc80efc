/* rectify-store-settings.h: what a backend stores of the bureau's settings
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

struct _RectifyStoreSettingOps
{
  /* The value of key, NULL when it has none (and then error unset). */
  char *(*get) (RectifyStore *self, const char *key, GError **error);
  /* Sets key to value, adding it when it is new. */
  gboolean (*put) (RectifyStore *self, const char *key, const char *value, GError **error);
};

G_END_DECLS
