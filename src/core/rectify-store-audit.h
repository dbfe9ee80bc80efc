/* rectify-store-audit.h: what a backend stores of the hash-chained audit log
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

/* One row of the audit log as stored; officer_id 0 for the system. */
typedef struct
{
  gint64 id;
  const char *at;
  gint64 officer_id;
  const char *entity;
  gint64 entity_id;
  const char *action;
  const char *before_json; /* NULL when none */
  const char *after_json;  /* NULL when none */
  const char *prev_hash;
  const char *hash;
} RectifyStoreAuditRow;

/* Called for each row in order; returns FALSE to stop. */
typedef gboolean (*RectifyStoreAuditRowFunc) (const RectifyStoreAuditRow *row, gpointer user_data);

struct _RectifyStoreAuditOps
{
  /* The id and hash of the newest row; 0 and NULL when the log is empty. */
  gboolean (*last) (RectifyStore *self, gint64 *id, char **hash, GError **error);
  /* Appends row (its id is ignored: rows are numbered in order from 1). */
  gboolean (*append) (RectifyStore *self, const RectifyStoreAuditRow *row, GError **error);
  /* Calls func for every row in id order until it returns FALSE. */
  gboolean (*foreach) (RectifyStore *self,
                       RectifyStoreAuditRowFunc func,
                       gpointer user_data,
                       GError **error);
  /* The newest limit rows (all when limit <= 0), newest first, with officer names. */
  GPtrArray *(*list) (RectifyStore *self, gint64 limit, GError **error);
  /* Every id of entity's records ("unit", "hazard", …, as rectify_audit_record_entities),
   * ascending. */
  GArray *(*ids) (RectifyStore *self, const char *entity, GError **error);
};

G_END_DECLS
