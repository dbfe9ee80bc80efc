/* rectify-store.c: the store every backend derives from: the acting
 * officer, the "changed" signal, and the doors to the backend's transactions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-backup.h"
#include "rectify-store-campaigns.h"
#include "rectify-store-officers.h"
#include "rectify-store-private.h"
#include "rectify-store-units.h"
#include "sqlite/rectify-sqlite-store.h"
#if RECTIFY_HAVE_PG
#include "pg/rectify-pg-store.h"
#endif

typedef struct
{
  char *path;
  gint64 actor;
  RectifyRole actor_role;
  guint system_depth;     /* > 0 while the sample generator writes as the system */
  gboolean first_officer; /* while the very first officer is added without an actor */
  GHashTable *changed;    /* entities written in the open transaction */
  /* writes the PDF of every document issued (rectify_store_set_document_renderer) */
  RectifyDocumentRenderFunc render;
  gpointer render_data;
  GDestroyNotify render_destroy;
} RectifyStorePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RectifyStore, rectify_store, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rectify_store_finalize (GObject *object)
{
  RectifyStore *self = (RectifyStore *)object;
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  g_clear_pointer (&priv->changed, g_hash_table_unref);
  if (priv->render_destroy != NULL)
    priv->render_destroy (priv->render_data);
  g_clear_pointer (&priv->path, g_free);

  G_OBJECT_CLASS (rectify_store_parent_class)->finalize (object);
}

static void
rectify_store_class_init (RectifyStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rectify_store_finalize;

  /**
   * RectifyStore::changed:
   * @entity: what was written ("unit", "hazard", …), also the detail
   */
  signals[SIGNAL_CHANGED]
      = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rectify_store_init (RectifyStore *self)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  priv->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  priv->actor_role = RECTIFY_ROLE_MANAGER;
}

gboolean
rectify_store_location_is_server (const char *location)
{
  return location != NULL
         && (g_str_has_prefix (location, "postgresql://")
             || g_str_has_prefix (location, "postgres://")
             || (*location != '/' && *location != '.' && *location != '~'
                 && strchr (location, '=')));
}

/* TRUE (error set) when path names a server database and this build has
 * no PostgreSQL backend; *is_server says whether it names one at all. */
static gboolean
is_server (const char *path, GError **error, gboolean *unsupported)
{
  gboolean server
      = path != NULL
        && (g_str_has_prefix (path, "postgresql://") || g_str_has_prefix (path, "postgres://")
            || (*path != '/' && *path != '.' && *path != '~' && strchr (path, '=')));

  *unsupported = FALSE;
#if !RECTIFY_HAVE_PG
  if (server)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("This build of Rectify cannot connect to a database server (it was built "
                      "without libpq); open a database file instead"));
      *unsupported = TRUE;
    }
#endif
  return server;
}

/* On a server database the login's officer acts from the start. */
static RectifyStore *
adopt_login (RectifyStore *store)
{
  gint64 login;

  if (store == NULL || RECTIFY_STORE_GET_CLASS (store)->get_login_officer == NULL)
    return store;
  login = RECTIFY_STORE_GET_CLASS (store)->get_login_officer (store);
  /* an officer made inactive acts no more: writes are refused for want of one */
  if (login > 0 && !rectify_store_set_actor (store, login, NULL))
    g_debug ("the officer %" G_GINT64_FORMAT " of this login is not active", login);
  return store;
}

/* A "postgresql://" or "postgres://" URL or a libpq connection string (it
 * holds '=', e.g. "service=bureau") opens the PostgreSQL backend; anything
 * else is the path of an SQLite file. */
RectifyStore *
rectify_store_open (const char *path, GError **error)
{
  gboolean unsupported;
  RectifyStore *store;

  if (is_server (path, error, &unsupported))
    {
#if RECTIFY_HAVE_PG
      store = adopt_login (rectify_pg_store_open (path, FALSE, FALSE, error));
#else
      return NULL;
#endif
    }
  else
    store = rectify_sqlite_store_open (path, RECTIFY_SCHEMA_VERSION, error);
  if (store)
    rectify_audit_baseline_if_due (store);
  return store;
}

RectifyStore *
rectify_store_create (const char *path, GError **error)
{
  gboolean unsupported;

  if (is_server (path, error, &unsupported))
    {
#if RECTIFY_HAVE_PG
      return adopt_login (rectify_pg_store_open (path, FALSE, TRUE, error));
#else
      return NULL;
#endif
    }
  return rectify_sqlite_store_create (path, error);
}

RectifyStore *
rectify_store_open_reader (const char *path, GError **error)
{
  gboolean unsupported;

  if (is_server (path, error, &unsupported))
    {
#if RECTIFY_HAVE_PG
      return adopt_login (rectify_pg_store_open (path, TRUE, FALSE, error));
#else
      return NULL;
#endif
    }
  return rectify_sqlite_store_open (path, -1, error);
}

RectifyStore *
rectify_store_open_at_version (const char *path, int version, GError **error)
{
  gboolean unsupported;
  RectifyStore *store;

  g_return_val_if_fail (version >= 1 && version <= RECTIFY_SCHEMA_VERSION, NULL);

  if (is_server (path, error, &unsupported))
    {
      if (!unsupported)
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                     _ ("A server database is always at the newest schema (%d)"),
                     RECTIFY_SCHEMA_VERSION);
      return NULL;
    }
  store = rectify_sqlite_store_open (path, version, error);
  if (store && version == RECTIFY_SCHEMA_VERSION)
    rectify_audit_baseline_if_due (store);
  return store;
}

char *
rectify_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rectify", "rectify.db", NULL);
}

void
rectify_store_set_path (RectifyStore *self, const char *path)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  g_free (priv->path);
  priv->path = g_strdup (path);
}

const char *
rectify_store_get_path (RectifyStore *self)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);
  return priv->path;
}

void
rectify_store_interrupt (RectifyStore *self)
{
  g_return_if_fail (RECTIFY_IS_STORE (self));
  RECTIFY_STORE_GET_CLASS (self)->interrupt (self);
}

int
rectify_store_get_schema_version (RectifyStore *self)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);
  return RECTIFY_STORE_GET_CLASS (self)->get_schema_version (self);
}

gboolean
rectify_store_backup_full (RectifyStore *self,
                           const char *dest_path,
                           RectifyBackupProgressFunc progress,
                           gpointer progress_data,
                           GCancellable *cancellable,
                           GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  return RECTIFY_STORE_GET_CLASS (self)->backup (self, dest_path, progress, progress_data,
                                                 cancellable, error);
}

gboolean
rectify_store_backup (RectifyStore *self, const char *dest_path, GError **error)
{
  return rectify_store_backup_full (self, dest_path, NULL, NULL, NULL, error);
}

gboolean
rectify_store_check_integrity (RectifyStore *self, char **problem, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  g_return_val_if_fail (problem != NULL, FALSE);

  *problem = NULL;
  return RECTIFY_STORE_GET_CLASS (self)->check_integrity (self, problem, error);
}

gboolean
rectify_store_begin (RectifyStore *self, GError **error)
{
  return RECTIFY_STORE_GET_CLASS (self)->begin (self, error);
}

gboolean
rectify_store_begin_read (RectifyStore *self, GError **error)
{
  return RECTIFY_STORE_GET_CLASS (self)->begin_read (self, error);
}

gboolean
rectify_store_end (RectifyStore *self, gboolean ok, GError **error)
{
  return RECTIFY_STORE_GET_CLASS (self)->end (self, ok, error);
}

gboolean
rectify_store_in_transaction (RectifyStore *self)
{
  return RECTIFY_STORE_GET_CLASS (self)->in_transaction (self);
}

void
rectify_store_emit_changes (RectifyStore *self)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);
  g_autoptr (GPtrArray) entities = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, priv->changed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (entities, g_strdup (key));
  g_hash_table_remove_all (priv->changed);
  for (guint i = 0; i < entities->len; i++)
    {
      const char *entity = g_ptr_array_index (entities, i);
      g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_string (entity), entity);
    }
}

void
rectify_store_forget_changes (RectifyStore *self)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  g_hash_table_remove_all (priv->changed);
}

void
rectify_store_mark_changed (RectifyStore *self, const char *entity)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  if (!g_hash_table_contains (priv->changed, entity))
    g_hash_table_add (priv->changed, g_strdup (entity));
}

gboolean
rectify_store_set_actor (RectifyStore *self, gint64 officer_id, GError **error)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);
  g_autoptr (RectifyOfficer) officer = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  /* on a server database the officer who acts is the one of the login */
  if (RECTIFY_STORE_GET_CLASS (self)->get_login_officer != NULL)
    {
      gint64 login = RECTIFY_STORE_GET_CLASS (self)->get_login_officer (self);

      if (login > 0 && officer_id != login)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_PERMISSION,
                       _ ("On a server database you act as the officer of your login; log in as "
                          "the other officer to act as them"));
          return FALSE;
        }
    }
  if (officer_id == 0)
    {
      priv->actor = 0;
      priv->actor_role = RECTIFY_ROLE_MANAGER;
      return TRUE;
    }
  officer = rectify_store_get_officer (self, officer_id, error);
  if (!officer)
    return FALSE;
  if (!officer->active)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_PERMISSION,
                   _ ("Officer %s is no longer active"), officer->name);
      return FALSE;
    }
  priv->actor = officer->id;
  priv->actor_role = officer->role;
  return TRUE;
}

gint64
rectify_store_get_actor (RectifyStore *self)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);
  return priv->actor;
}

RectifyRole
rectify_store_get_actor_role (RectifyStore *self)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  return priv->actor_role;
}

void
rectify_store_push_system (RectifyStore *self)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  priv->system_depth++;
}

void
rectify_store_pop_system (RectifyStore *self)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  g_return_if_fail (priv->system_depth > 0);
  priv->system_depth--;
}

gboolean
rectify_store_is_system (RectifyStore *self)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  return priv->system_depth > 0;
}

void
rectify_store_allow_first_officer (RectifyStore *self, gboolean allow)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  priv->first_officer = allow;
}

/* Whoever writes is named: an officer, or the system while the sample
 * generator runs (the sample's own officers act for its casework), or
 * nobody only for the very first officer of an empty database. */
gboolean
rectify_store_check_actor (RectifyStore *self, GError **error)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  if (priv->actor != 0 || priv->system_depth > 0 || priv->first_officer)
    return TRUE;
  g_set_error_literal (error, RECTIFY_ERROR, RECTIFY_ERROR_NO_ACTOR,
                       _ ("No officer is acting: every change names the officer who makes it, "
                          "so choose yourself before changing anything"));
  return FALSE;
}

gboolean
rectify_store_check_writer (RectifyStore *self, GError **error)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  if (!rectify_store_check_actor (self, error))
    return FALSE;
  if (priv->actor != 0)
    {
      /* The officer may have been made inactive (or archivist) since they
       * were chosen, by a manager at another desk. */
      g_autoptr (RectifyOfficer) officer = rectify_store_get_officer (self, priv->actor, error);

      if (officer == NULL)
        return FALSE;
      priv->actor_role = officer->role;
      if (!officer->active)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_PERMISSION,
                       _ ("Officer %s is no longer active and cannot change records"),
                       officer->name);
          return FALSE;
        }
    }
  if (priv->actor != 0 && priv->actor_role == RECTIFY_ROLE_ARCHIVIST)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_PERMISSION,
                   _ ("Archivists can read and export records but not change them"));
      return FALSE;
    }
  return TRUE;
}

gboolean
rectify_store_check_id (
    RectifyStore *self, const char *table, gint64 id, const char *field, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (RECTIFY_STORE_GET_CLASS (self)->exists (self, table, id, &local))
    return TRUE;
  if (local)
    g_propagate_error (error, g_steal_pointer (&local));
  else
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                 _ ("%s: there is no record with id %" PRId64), field, id);
  return FALSE;
}

void
rectify_store_set_document_renderer (RectifyStore *self,
                                     RectifyDocumentRenderFunc render,
                                     gpointer user_data,
                                     GDestroyNotify destroy)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  g_return_if_fail (RECTIFY_IS_STORE (self));

  if (priv->render_destroy != NULL)
    priv->render_destroy (priv->render_data);
  priv->render = render;
  priv->render_data = user_data;
  priv->render_destroy = destroy;
}

RectifyDocumentRenderFunc
rectify_store_get_document_renderer (RectifyStore *self, gpointer *user_data)
{
  RectifyStorePrivate *priv = rectify_store_get_instance_private (self);

  if (user_data)
    *user_data = priv->render_data;
  return priv->render;
}

char *
rectify_now_utc (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

gboolean
rectify_store_finish_write (RectifyStore *self,
                            gboolean ok,
                            const char *entity,
                            gint64 id,
                            const char *action,
                            const char *before,
                            GError **error)
{
  if (ok)
    {
      g_autofree char *after = rectify_store_row_json (self, entity, id);
      ok = rectify_store_audit (self, entity, id, action, before, after, error);
    }
  return rectify_store_end (self, ok, error);
}

gboolean
rectify_store_check_found (gboolean found, const char *what, gint64 id, GError **error)
{
  if (!found)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("There is no %s with id %" PRId64), what, id);
      return FALSE;
    }
  return TRUE;
}

/* Removes a row with its audit entry; a row that others refer to is refused
 * with what to do instead.  The record is returned so that an undo can add
 * it again under the same id. */
gboolean
rectify_store_remove_record (RectifyStore *self,
                             const char *entity,
                             gint64 id,
                             RectifyRemoveFunc remove,
                             const char *in_use_message,
                             GError **error)
{
  g_autofree char *before = NULL;
  gboolean in_use = FALSE;
  gboolean ok;

  if (!rectify_store_check_writer (self, error) || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, entity, id);
  ok = before != NULL;
  if (!ok)
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                 _ ("There is no %s with id %" PRId64), entity, id);
  if (ok && !remove (self, id, &in_use, error))
    {
      if (in_use)
        g_set_error_literal (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE, in_use_message);
      ok = FALSE;
    }
  ok = ok && rectify_store_audit (self, entity, id, "delete", before, NULL, error);
  return rectify_store_end (self, ok, error);
}

gboolean
rectify_store_is_empty (RectifyStore *self)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), TRUE);

  return !RECTIFY_STORE_OPS (self, campaigns)->any (self, NULL)
         && !RECTIFY_STORE_OPS (self, units)->any (self, NULL)
         && !RECTIFY_STORE_OPS (self, officers)->any (self, NULL);
}

void
rectify_query_copy (RectifyQuery *dest, const RectifyQuery *src)
{
  *dest = *src;
  dest->search = g_strdup (src->search);
  dest->sort = g_strdup (src->sort);
  dest->district = g_strdup (src->district);
  dest->industry = g_strdup (src->industry);
  dest->hazard_category = g_strdup (src->hazard_category);
  dest->as_of = g_strdup (src->as_of);
}

void
rectify_query_clear (RectifyQuery *q)
{
  g_free ((char *)q->search);
  g_free ((char *)q->sort);
  g_free ((char *)q->district);
  g_free ((char *)q->industry);
  g_free ((char *)q->hazard_category);
  g_free ((char *)q->as_of);
  *q = (RectifyQuery)RECTIFY_QUERY_INIT;
}
