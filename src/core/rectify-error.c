/* rectify-error.c: the error domain of the core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <string.h>

#include "rectify-error.h"

G_DEFINE_QUARK (rectify - error - quark, rectify_error)

gboolean
rectify_message_names_field (const char *message, const char *field)
{
  gsize len;

  g_return_val_if_fail (field != NULL, FALSE);

  if (message == NULL)
    return FALSE;
  len = strlen (field);
  if (g_ascii_strncasecmp (message, field, len) != 0)
    return FALSE;
  message += len;
  return g_str_has_prefix (message, ":") || g_str_has_prefix (message, "：");
}
