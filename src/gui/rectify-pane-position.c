/* rectify-pane-position.c: a remembered GtkPaned position with a share of the width as its first
 * value SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-pane-position.h"

typedef struct
{
  GSettings *settings;
  char *key;
  double share;
} PendingBinding;

static void
pending_binding_free (gpointer data, GClosure *closure)
{
  PendingBinding *pending = data;

  g_object_unref (pending->settings);
  g_free (pending->key);
  g_free (pending);
}

/* A pixel default cannot be right for every window size: the first
 * position is a share of the width the paned really gets. GtkPaned
 * computes its limits when it is allocated, so the first change of
 * max-position is the first moment the width is known. */
static void
on_max_position_cb (GtkPaned *paned, GParamSpec *pspec, PendingBinding *pending)
{
  int width = gtk_widget_get_width (GTK_WIDGET (paned));
  int max_position = 0;
  int position;

  if (width <= 0)
    return;

  g_object_get (paned, "max-position", &max_position, NULL);
  position = (int)(width * pending->share + 0.5);
  position = CLAMP (position, 0, max_position);
  g_settings_set_int (pending->settings, pending->key, position);
  g_settings_bind (pending->settings, pending->key, paned, "position", G_SETTINGS_BIND_DEFAULT);
  /* Last: this frees pending. */
  g_signal_handlers_disconnect_by_func (paned, on_max_position_cb, pending);
}

void
rectify_pane_position_bind (GtkPaned *paned, GSettings *settings, const char *key, double share)
{
  PendingBinding *pending;

  g_return_if_fail (GTK_IS_PANED (paned));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (key != NULL);
  g_return_if_fail (share > 0 && share < 1);

  if (g_settings_get_int (settings, key) >= 0)
    {
      g_settings_bind (settings, key, paned, "position", G_SETTINGS_BIND_DEFAULT);
      return;
    }

  pending = g_new0 (PendingBinding, 1);
  pending->settings = g_object_ref (settings);
  pending->key = g_strdup (key);
  pending->share = share;
  g_signal_connect_data (paned, "notify::max-position", G_CALLBACK (on_max_position_cb), pending,
                         pending_binding_free, 0);
}

GSettings *
rectify_pane_position_settings (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    {
      g_debug ("The schema %s with %s is not installed; the split is not remembered",
               APPLICATION_ID, key);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}
