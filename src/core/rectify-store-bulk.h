/* rectify-store-bulk.h: what a backend stores of loading many records at once (the city sample,
 * imports) SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two kinds of load.  An import writes one kind of record (units,
 * equipment, operators) row by row inside the caller's transaction, each
 * row checked by the rules first.  The city sample fills an empty store in
 * one transaction with rows the generator made valid; the backend may put
 * off its index upkeep and its constraint checks until the load is done.
 * The records passed in are only read; their strings stay the caller's.
 */
#pragma once

#include "rectify-records.h"
#include "rectify-store-backend.h"

G_BEGIN_DECLS

/* A backend's state of one load (its deferred indexes, its statements). */
typedef struct _RectifyBulkLoad RectifyBulkLoad;

/* An inspection of the city sample, its counts kept in the row; its
 * officers and equipment come from derive_inspection_rows. */
typedef struct
{
  gint64 id;
  gint64 campaign_id; /* 0 = outside a campaign */
  gint64 unit_id;
  RectifyInspectionKind kind;
  const char *date;
  int officer_count;
  gint64 equipment_count;
  const char *checklist; /* RECTIFY_N_CHECK_ITEMS letters P, F or N, not NUL-terminated */
} RectifyBulkInspection;

typedef void (*RectifyBulkOperatorFunc) (gint64 id,
                                         const char *cert_no,
                                         const char *id_number,
                                         gpointer user_data);

struct _RectifyStoreBulkOps
{
  /* ---- imports, inside the caller's transaction (or read snapshot) ---- */

  /* Sizes the backend's caches for a large load (large) or back to the usual ones. */
  void (*set_large) (RectifyStore *self, gboolean large);
  /* *empty is TRUE when entity ("unit", "equipment", "operator") has no record. */
  gboolean (*is_empty) (RectifyStore *self, const char *entity, gboolean *empty, GError **error);
  /* The id of the unit with this credit code, 0 when there is none, -1 on failure. */
  gint64 (*find_unit) (RectifyStore *self, const char *credit_code, GError **error);
  /* The id of the equipment with this code, 0 when there is none, -1 on failure. */
  gint64 (*find_equipment) (RectifyStore *self, const char *code, GError **error);
  /* Every unit's id by its credit code (char * owned by the table -> GSIZE_TO_POINTER id). */
  GHashTable *(*unit_ids) (RectifyStore *self, GError **error);
  /* Calls func with each operator's id, certificate number and ID number. */
  gboolean (*each_operator) (RectifyStore *self,
                             RectifyBulkOperatorFunc func,
                             gpointer user_data,
                             GError **error);
  /* Writes u over the unit existing, or adds it when existing is 0 (u->id is ignored); the id
   * written, 0 on failure. */
  gint64 (*write_unit) (RectifyStore *self, const RectifyUnit *u, gint64 existing, GError **error);
  /* The same for equipment; an empty code is stored as none. */
  gint64 (*write_equipment) (RectifyStore *self,
                             const RectifyEquipment *e,
                             gint64 existing,
                             GError **error);
  /* The same for an operator. */
  gint64 (*write_operator) (RectifyStore *self,
                            const RectifyOperator *op,
                            gint64 existing,
                            GError **error);
  /* Inside the transaction, before an import of about rows records into entity's table: the
   * backend may put off its index upkeep until finish (table_empty: the file's codes were
   * checked against each other). */
  RectifyBulkLoad *(*defer_import) (
      RectifyStore *self, const char *entity, guint64 rows, gboolean table_empty, GError **error);

  /* ---- the city sample: an empty store filled in one transaction ---- */

  /* Before the transaction: the backend may trade durability and constraint checks for speed
   * until end_city. */
  gboolean (*begin_city) (RectifyStore *self, GError **error);
  /* Inside the transaction: the load of the city's rows (the backend may drop its indexes). */
  RectifyBulkLoad *(*defer_city) (RectifyStore *self, GError **error);
  /* Adds o with its id. */
  gboolean (*add_officer) (RectifyBulkLoad *load, const RectifyOfficer *o, GError **error);
  /* Adds c and its member_ids; the new campaign's id, 0 on failure. */
  gint64 (*add_campaign) (RectifyBulkLoad *load, const RectifyCampaign *c, GError **error);
  /* Adds u with its id. */
  gboolean (*add_unit) (RectifyBulkLoad *load, const RectifyUnit *u, GError **error);
  /* Adds e with its id. */
  gboolean (*add_equipment) (RectifyBulkLoad *load, const RectifyEquipment *e, GError **error);
  /* Adds the inspection (without its officers and equipment). */
  gboolean (*add_inspection) (RectifyBulkLoad *load,
                              const RectifyBulkInspection *in,
                              GError **error);
  /* Adds the count of checked items of category on date by kind in campaign (0 = none). */
  gboolean (*add_check_tally) (RectifyBulkLoad *load,
                               gint64 campaign_id,
                               const char *date,
                               RectifyInspectionKind kind,
                               RectifyCategory category,
                               gint64 quantity,
                               GError **error);
  /* Gives every inspection all its unit's equipment (a quantity of at most 5 each) and
   * officer_count officers: 1 + (id * 7919 + officer_seed) % 189 + 3 k for k < officer_count. */
  gboolean (*derive_inspection_rows) (RectifyBulkLoad *load, guint officer_seed, GError **error);
  /* Adds h with its id, status and closed date. */
  gboolean (*add_hazard) (RectifyBulkLoad *load, const RectifyHazard *h, GError **error);
  /* Gives every hazard its log: registered and major_report on the found date, rectified and
   * confirmed on the closed date (today when none) as its status has them, recorded at now. */
  gboolean (*derive_hazard_events) (RectifyBulkLoad *load,
                                    const char *today,
                                    const char *now,
                                    GError **error);
  /* The year of the hazard's found date, 0 when there is no such hazard. */
  int (*hazard_year) (RectifyBulkLoad *load, gint64 hazard_id);
  /* Adds d (id, kind, year, seq, number, officer) as issued for the hazard, of its unit and
   * campaign and dated its found date. */
  gboolean (*add_hazard_document) (RectifyBulkLoad *load,
                                   const RectifyDocument *d,
                                   gint64 hazard_id,
                                   GError **error);
  /* After the transaction: the usual durability again; loaded: the load was committed. */
  void (*end_city) (RectifyStore *self, gboolean loaded);

  /* ---- both ---- */

  /* Inside the transaction: builds what the load put off (indexes, search index). */
  gboolean (*finish) (RectifyBulkLoad *load, GError **error);
  /* Frees the load, finished or not (a rollback undoes what it dropped). */
  void (*free) (RectifyBulkLoad *load);
};

G_END_DECLS
