/* rectify-hazard-detail.c: what the hazard pane shows, read in one go: the hazard, its timeline, thumbnails
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-hazard-detail.h"

typedef struct {
  int size;
} Scale;

/* Decoding at the thumbnail's size lets the JPEG decoder skip most of the
 * work (it scales while it decodes): a phone photo costs a fraction of a
 * full decode. */
static void
on_size_prepared_cb (GdkPixbufLoader *loader,
                     int              width,
                     int              height,
                     gpointer         user_data)
{
  const Scale *scale = user_data;
  int longer = MAX (width, height);

  if (longer > scale->size)
    gdk_pixbuf_loader_set_size (loader,
                                MAX (1, (int) ((gint64) width * scale->size / longer)),
                                MAX (1, (int) ((gint64) height * scale->size / longer)));
}

GdkTexture *
rectify_thumbnail_new (GBytes *data,
                       int     size)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) error = NULL;
  Scale scale = { size };
  GdkPixbuf *pixbuf;

  g_return_val_if_fail (data != NULL, NULL);

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared_cb), &scale);
  if (!gdk_pixbuf_loader_write_bytes (loader, data, &error) || !gdk_pixbuf_loader_close (loader, &error))
    {
      g_debug ("No thumbnail: %s", error->message);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  return pixbuf ? gdk_texture_new_for_pixbuf (pixbuf) : NULL;
}

void
rectify_hazard_detail_free (RectifyHazardDetail *detail)
{
  if (detail == NULL)
    return;
  g_clear_pointer (&detail->hazard, rectify_hazard_free);
  g_clear_pointer (&detail->events, g_ptr_array_unref);
  g_clear_pointer (&detail->thumbnails, g_hash_table_unref);
  g_free (detail);
}

RectifyHazardDetail *
rectify_hazard_detail_load (RectifyStore *store,
                            gint64        hazard_id,
                            GError      **error)
{
  g_autoptr(RectifyHazardDetail) detail = g_new0 (RectifyHazardDetail, 1);

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  detail->thumbnails = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  detail->hazard = rectify_store_get_hazard (store, hazard_id, error);
  if (detail->hazard == NULL)
    return NULL;
  detail->events = rectify_store_list_hazard_events (store, hazard_id, error);
  if (detail->events == NULL)
    return NULL;
  for (guint i = 0; i < detail->events->len; i++)
    {
      RectifyHazardEvent *event = g_ptr_array_index (detail->events, i);

      for (guint j = 0; event->attachments && j < event->attachments->len; j++)
        {
          RectifyAttachment *listed = g_ptr_array_index (event->attachments, j);
          g_autoptr(RectifyAttachment) attachment = NULL;
          GdkTexture *texture;

          if (!g_str_has_prefix (listed->mime, "image/"))
            continue;
          attachment = rectify_store_get_attachment (store, listed->id, error);
          if (attachment == NULL)
            return NULL;
          texture = rectify_thumbnail_new (attachment->data, RECTIFY_THUMBNAIL_SIZE);
          if (texture != NULL)
            g_hash_table_insert (detail->thumbnails, g_memdup2 (&listed->id, sizeof listed->id), texture);
        }
    }
  return g_steal_pointer (&detail);
}
