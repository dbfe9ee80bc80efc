/* rectify-hazard-detail.c: what the hazard pane shows, read in one go: the hazard, its timeline,
 * thumbnails SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <inttypes.h>

#include "rectify-hazard-detail.h"

typedef struct
{
  int size;
} Scale;

/* Decoding at the thumbnail's size lets the JPEG decoder skip most of the
 * work (it scales while it decodes): a phone photo costs a fraction of a
 * full decode. */
static void
on_size_prepared_cb (GdkPixbufLoader *loader, int width, int height, gpointer user_data)
{
  const Scale *scale = user_data;
  int longer = MAX (width, height);

  if (longer > scale->size)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int)((gint64)width * scale->size / longer)),
                                MAX (1, (int)((gint64)height * scale->size / longer)));
}

GdkTexture *
rectify_thumbnail_new (GBytes *data, int size)
{
  g_autoptr (GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) upright = NULL;
  Scale scale = { size };
  GdkPixbuf *pixbuf;

  g_return_val_if_fail (data != NULL, NULL);

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared_cb), &scale);
  if (!gdk_pixbuf_loader_write_bytes (loader, data, &error)
      || !gdk_pixbuf_loader_close (loader, &error))
    {
      g_debug ("No thumbnail: %s", error->message);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    return NULL;
  /* A phone stores a portrait photo landscape with an EXIF Orientation;
   * the loader keeps it as the "orientation" option (the size asked for
   * above is of the stored image, so the longer side is right either way).
   * The stored bytes stay as they are. */
  upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  return upright ? gdk_texture_new_for_pixbuf (upright) : NULL;
}

typedef struct
{
  gint64 id;
  RectifyAttachment *attachment;
  GdkTexture *texture;
} Decode;

static void
decode_free (Decode *decode)
{
  g_clear_pointer (&decode->attachment, rectify_attachment_free);
  g_clear_object (&decode->texture);
  g_free (decode);
}

static void
decode_one (gpointer data, gpointer user_data)
{
  Decode *decode = data;

  decode->texture = rectify_thumbnail_new (decode->attachment->data, RECTIFY_THUMBNAIL_SIZE);
}

/* Photos are decoded side by side, one a processor: a pane of ten phone
 * photos waits for the slowest share, not for their sum. */
static void
decode_all (GPtrArray *decodes)
{
  guint n_threads = MIN (decodes->len, g_get_num_processors ());
  GThreadPool *pool;

  if (n_threads <= 1)
    {
      for (guint i = 0; i < decodes->len; i++)
        decode_one (g_ptr_array_index (decodes, i), NULL);
      return;
    }
  pool = g_thread_pool_new (decode_one, NULL, (int)n_threads, TRUE, NULL);
  for (guint i = 0; i < decodes->len; i++)
    g_thread_pool_push (pool, g_ptr_array_index (decodes, i), NULL);
  /* Returns once every photo is done. */
  g_thread_pool_free (pool, FALSE, TRUE);
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
rectify_hazard_detail_load (RectifyStore *store, gint64 hazard_id, GError **error)
{
  g_autoptr (RectifyHazardDetail) detail = g_new0 (RectifyHazardDetail, 1);
  g_autoptr (GPtrArray) decodes = g_ptr_array_new_with_free_func ((GDestroyNotify)decode_free);

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
          Decode *decode;

          if (!g_str_has_prefix (listed->mime, "image/"))
            continue;
          decode = g_new0 (Decode, 1);
          decode->id = listed->id;
          g_ptr_array_add (decodes, decode);
          /* The store is read here, on its own thread; only decoding moves. */
          decode->attachment = rectify_store_get_attachment (store, listed->id, error);
          if (decode->attachment == NULL)
            return NULL;
        }
    }
  decode_all (decodes);
  for (guint i = 0; i < decodes->len; i++)
    {
      Decode *decode = g_ptr_array_index (decodes, i);

      if (decode->texture != NULL)
        g_hash_table_insert (detail->thumbnails, g_memdup2 (&decode->id, sizeof decode->id),
                             g_steal_pointer (&decode->texture));
    }
  return g_steal_pointer (&detail);
}

char *
rectify_attachment_write_file (RectifyStore *store,
                               gint64 attachment_id,
                               const char *dir,
                               GError **error)
{
  g_autoptr (RectifyAttachment) a = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  a = rectify_store_get_attachment (store, attachment_id, error);
  if (a == NULL)
    return NULL;
  folder = g_strdup_printf ("%s/%" PRId64, dir, attachment_id);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", folder,
                   g_strerror (saved));
      return NULL;
    }
  /* The name came from the user's disk: no folders of its own. */
  base = g_path_get_basename (a->filename);
  path = g_build_filename (folder, base, NULL);
  data = g_bytes_get_data (a->data, &size);
  if (!g_file_set_contents (path, data, size, error))
    return NULL;
  return g_steal_pointer (&path);
}
