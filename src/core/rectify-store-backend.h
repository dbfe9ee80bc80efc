/* rectify-store-backend.h: what a store backend implements, and what it
 * may ask of the store it derives from
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RectifyStore is abstract.  A backend (src/core/sqlite/ is the first)
 * derives from it, fills in the transaction functions of the class and
 * points each aggregate's table of operations at its own implementation.
 * The rules of src/core (validation, permissions, the audit chain, the
 * workflow) call these operations and never see the backend's statements.
 * Each table is declared in the header of its aggregate,
 * rectify-store-<aggregate>.h.
 */
#pragma once

#include "rectify-store.h"

G_BEGIN_DECLS

typedef struct _RectifyStoreOfficerOps RectifyStoreOfficerOps;
typedef struct _RectifyStoreCampaignOps RectifyStoreCampaignOps;
typedef struct _RectifyStoreUnitOps RectifyStoreUnitOps;
typedef struct _RectifyStoreEquipmentOps RectifyStoreEquipmentOps;
typedef struct _RectifyStoreOperatorOps RectifyStoreOperatorOps;
typedef struct _RectifyStoreInspectionOps RectifyStoreInspectionOps;
typedef struct _RectifyStoreHazardOps RectifyStoreHazardOps;
typedef struct _RectifyStoreAttachmentOps RectifyStoreAttachmentOps;
typedef struct _RectifyStoreDocumentOps RectifyStoreDocumentOps;
typedef struct _RectifyStoreVisitOps RectifyStoreVisitOps;
typedef struct _RectifyStoreSettingOps RectifyStoreSettingOps;
typedef struct _RectifyStoreAuditOps RectifyStoreAuditOps;
typedef struct _RectifyStoreFigureOps RectifyStoreFigureOps;
typedef struct _RectifyStoreBulkOps RectifyStoreBulkOps;

struct _RectifyStoreClass
{
  GObjectClass parent_class;

  /* Transactions nest.  The outermost begin() takes the right to write
   * (other writers wait or fail with RECTIFY_ERROR_LOCKED), inner ones are
   * savepoints; end() commits its level when ok, else rolls it back, and a
   * failed inner level makes the outermost roll back too.  After the
   * outermost commit the backend calls rectify_store_emit_changes(), after
   * a rollback rectify_store_forget_changes(). */
  gboolean (*begin) (RectifyStore *self, GError **error);
  /* One consistent snapshot for reading; outermost it takes no write lock
   * until something writes.  End it with end (self, FALSE, …). */
  gboolean (*begin_read) (RectifyStore *self, GError **error);
  gboolean (*end) (RectifyStore *self, gboolean ok, GError **error);
  gboolean (*in_transaction) (RectifyStore *self);
  /* Stops what another thread runs on this store as soon as it can (it
   * fails with "interrupted"); callable from any thread. */
  void (*interrupt) (RectifyStore *self);
  int (*get_schema_version) (RectifyStore *self);
  /* A second connection to the same database for reading in another
   * thread; it never writes. */
  RectifyStore *(*open_reader) (RectifyStore *self, GError **error);
  /* TRUE when a record of entity ("unit", "campaign", …) has this id. */
  gboolean (*exists) (RectifyStore *self, const char *entity, gint64 id, GError **error);
  /* rectify_store_check_integrity (rectify-backup.h): what the backend can
   * check of its storage; TRUE with *problem set when it is damaged. */
  gboolean (*check_integrity) (RectifyStore *self, char **problem, GError **error);
  /* A server database (NULL for a file): its roles and grants
   * (rectify_server_init), a login role for an officer in the open
   * transaction, and the officer of this connection's login (0: none, the
   * login is not an officer's). */
  gboolean (*setup_server) (RectifyStore *self, GError **error);
  gboolean (*create_login) (RectifyStore *self,
                            gint64 officer_id,
                            RectifyRole role,
                            const char *login,
                            const char *password,
                            GError **error);
  gint64 (*get_login_officer) (RectifyStore *self);
  /* rectify_store_backup_full: a copy of the database as a Rectify file
   * at dest_path, from one snapshot, whole or not at all. */
  gboolean (*backup) (RectifyStore *self,
                      const char *dest_path,
                      RectifyBackupProgressFunc progress,
                      gpointer progress_data,
                      GCancellable *cancellable,
                      GError **error);

  /* One table of operations per aggregate (rectify-store-<aggregate>.h). */
  const RectifyStoreOfficerOps *officers;
  const RectifyStoreCampaignOps *campaigns;
  const RectifyStoreUnitOps *units;
  const RectifyStoreEquipmentOps *equipment;
  const RectifyStoreOperatorOps *operators;
  const RectifyStoreInspectionOps *inspections;
  const RectifyStoreHazardOps *hazards;
  const RectifyStoreAttachmentOps *attachments;
  const RectifyStoreDocumentOps *documents;
  const RectifyStoreVisitOps *visits;
  const RectifyStoreSettingOps *settings;
  const RectifyStoreAuditOps *audit;
  const RectifyStoreFigureOps *figures;
  const RectifyStoreBulkOps *bulk;

  gpointer padding[3];
};

/* The operations of self's backend: RECTIFY_STORE_OPS (self, units)->insert (…) */
#define RECTIFY_STORE_OPS(self, aggregate) (RECTIFY_STORE_GET_CLASS (self)->aggregate)

/* Transactions of the backend (see RectifyStoreClass). */
gboolean rectify_store_begin (RectifyStore *self, GError **error);
gboolean rectify_store_begin_read (RectifyStore *self, GError **error);
gboolean rectify_store_end (RectifyStore *self, gboolean ok, GError **error);
gboolean rectify_store_in_transaction (RectifyStore *self);

/* For backends, at construction. */
void rectify_store_set_path (RectifyStore *self, const char *path);
/* For backends, after the outermost commit and rollback. */
void rectify_store_emit_changes (RectifyStore *self);
void rectify_store_forget_changes (RectifyStore *self);

/* The acting officer's role (RECTIFY_ROLE_MANAGER for the system). */
RectifyRole rectify_store_get_actor_role (RectifyStore *self);
/* The renderer set with rectify_store_set_document_renderer, or NULL. */
RectifyDocumentRenderFunc rectify_store_get_document_renderer (RectifyStore *self,
                                                               gpointer *user_data);

G_END_DECLS
