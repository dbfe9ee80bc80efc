/* rectify-archived.c: controls that stop offering what the store refuses for an archived campaign
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include "rectify-archived.h"

#define OWN_TOOLTIP "rectify-own-tooltip"

gboolean
rectify_archived_check (GtkWidget *widget, RectifyStore *store, gint64 campaign_id)
{
  g_autoptr (GError) error = NULL;
  gboolean open;

  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), TRUE);
  g_return_val_if_fail (store == NULL || RECTIFY_IS_STORE (store), TRUE);

  open = store == NULL || campaign_id <= 0
         || rectify_store_check_campaign_open (store, campaign_id, &error);
  if (widget == NULL)
    return open;
  /* the template's tooltip, kept the first time it is replaced */
  if (g_object_get_data (G_OBJECT (widget), OWN_TOOLTIP) == NULL)
    {
      const char *own = gtk_widget_get_tooltip_text (widget);
      g_object_set_data_full (G_OBJECT (widget), OWN_TOOLTIP, g_strdup (own ? own : ""), g_free);
    }
  if (open)
    {
      const char *own = g_object_get_data (G_OBJECT (widget), OWN_TOOLTIP);
      gtk_widget_set_tooltip_text (widget, *own ? own : NULL);
    }
  else
    gtk_widget_set_tooltip_text (widget, error->message);
  return open;
}
