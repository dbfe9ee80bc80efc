/* rectify-store-private.h: what the store modules share, never the UI
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

/* Refuses writes without an acting officer (NO_ACTOR), by an officer
 * made inactive, and by archivists. */
gboolean rectify_store_check_writer (RectifyStore *self, GError **error);
/* Only the actor part of it: an officer acts, or the system, or the first officer is added. */
gboolean rectify_store_check_actor (RectifyStore *self, GError **error);
/* The sample generator's writes, as the system (nested calls count). */
void rectify_store_push_system (RectifyStore *self);
void rectify_store_pop_system (RectifyStore *self);
/* TRUE while the sample generator writes (between push and pop). */
gboolean rectify_store_is_system (RectifyStore *self);
/* While allowed, a write without an actor passes: the first officer of an empty store. */
void rectify_store_allow_first_officer (RectifyStore *self, gboolean allow);
/* Fails with NOT_FOUND unless id exists in table; field names it. */
gboolean rectify_store_check_id (
    RectifyStore *self, const char *table, gint64 id, const char *field, GError **error);

/* The record as the canonical JSON of its audit entry (rectify-audit-records.c), built from
 * the typed records of the store's operations; NULL when there is none. */
char *rectify_store_row_json (RectifyStore *self, const char *table, gint64 id);
/* The same; NULL with error unset when there is none, with error set when it cannot be read. */
char *rectify_audit_record_json (RectifyStore *self, const char *entity, gint64 id, GError **error);
/* The entities whose records the audit log holds whole, NULL-terminated. */
extern const char *const rectify_audit_record_entities[];
gboolean rectify_audit_is_record_entity (const char *entity);
/* TRUE when the chain knows the record id as it was at a batch (*text: its JSON then, NULL when
 * it had none); text may be NULL to ask only whether it does. */
typedef gboolean (*RectifyAuditOverrideFunc) (gint64 id, const char **text, gpointer user_data);
/* The SHA-256 over the JSON of entity's records first_id..last_id (each followed by a newline),
 * and their number; override gives the JSON of records known otherwise. */
gboolean rectify_audit_batch_hash (RectifyStore *self,
                                   const char *entity,
                                   gint64 first_id,
                                   gint64 last_id,
                                   RectifyAuditOverrideFunc override,
                                   gpointer user_data,
                                   gint64 *n_records,
                                   char **sha256,
                                   GError **error);
/* One audit entry (entity, id 0, action) for the records first_id..last_id written at once:
 * {"batch":true,"first_id","last_id","records","sha256"} and the members of extra_json. */
gboolean rectify_store_audit_batch (RectifyStore *self,
                                    const char *entity,
                                    gint64 first_id,
                                    gint64 last_id,
                                    const char *action,
                                    const char *extra_json,
                                    GError **error);
/* After an upgrade from a version whose audit entries did not hold whole
 * records: one "baseline" entry per kind of record, as the system, so that
 * the records verify from then on (a failure is left for verify to find). */
void rectify_audit_baseline_if_due (RectifyStore *self);
/* The differences of the record now from the JSON recorded (translated sentences). */
GPtrArray *rectify_audit_json_diff (const char *now, const char *recorded);
/* A whole number or text member of a JSON object; FALSE / NULL when it has none. */
gboolean rectify_audit_json_int (const char *json, const char *name, gint64 *value);
char *rectify_audit_json_text (const char *json, const char *name);
/* A member of a JSON object as compact JSON, NULL when it has none. */
char *rectify_audit_json_member (const char *json, const char *name);
/* Appends to the hash-chained audit log and marks entity changed. */
gboolean rectify_store_audit (RectifyStore *self,
                              const char *entity,
                              gint64 entity_id,
                              const char *action,
                              const char *before_json,
                              const char *after_json,
                              GError **error);
void rectify_store_mark_changed (RectifyStore *self, const char *entity);

/* Ends the transaction of a write of entity id: when ok, first its audit
 * entry (before, the row as it is now, action). */
gboolean rectify_store_finish_write (RectifyStore *self,
                                     gboolean ok,
                                     const char *entity,
                                     gint64 id,
                                     const char *action,
                                     const char *before,
                                     GError **error);
/* Fails with NOT_FOUND ("There is no what with id") unless an update found its row. */
gboolean rectify_store_check_found (gboolean found, const char *what, gint64 id, GError **error);
/* The removal of a record of entity by its aggregate's op remove, for
 * writers, with its audit entry; in_use_message when others refer to it. */
typedef gboolean (*RectifyRemoveFunc) (RectifyStore *self,
                                       gint64 id,
                                       gboolean *in_use,
                                       GError **error);
gboolean rectify_store_remove_record (RectifyStore *self,
                                      const char *entity,
                                      gint64 id,
                                      RectifyRemoveFunc remove,
                                      const char *in_use_message,
                                      GError **error);

/* rectify_store_set_setting for a key the caller names and checks itself
 * (e.g. a campaign's summary narrative), audited the same way. */
gboolean
rectify_store_put_setting (RectifyStore *self, const char *key, const char *value, GError **error);

char *rectify_now_utc (void);

/* The checks of rectify-units.c, rectify-equipment.c and rectify-operators.c
 * without the lookups of the unit, for imports that resolve units
 * themselves; they normalize like the store. */
gboolean rectify_unit_validate (const RectifyUnit *u, char **code, GError **error);
gboolean rectify_equipment_validate_fields (const RectifyEquipment *e, GError **error);
gboolean
rectify_operator_validate_fields (const RectifyOperator *op, char **id_number, GError **error);

/* rectify-schedule.c: inside rectify_store_add_inspection's transaction,
 * marks the unit's pending visits that this inspection does as done. */
gboolean rectify_schedule_mark_done (RectifyStore *self,
                                     gint64 inspection_id,
                                     const RectifyInspection *in,
                                     GError **error);

G_END_DECLS
