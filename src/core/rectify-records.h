/* rectify-records.h: plain records exchanged with the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rectify-types.h"

G_BEGIN_DECLS

/* Conventions: ids are gint64, 0 means "none"; dates are "YYYY-MM-DD"
 * strings, NULL means unset; text fields are UTF-8, never NULL in a record
 * read from the store (empty string instead), may be NULL in a record passed
 * in (treated as empty).  Read-only fields joined from other tables are
 * marked (ro); the store ignores them on writes. */

typedef struct
{
  gint64 id;
  char *badge; /* law-enforcement certificate number, unique */
  char *name;
  RectifyRole role;
  gboolean active;
} RectifyOfficer;

typedef struct
{
  gint64 id;
  char *name;
  char *start_date;
  int days;       /* length, 100 by default */
  gint64 head_id; /* leading group head, 0 = none */
  gint64 deputy_id;
  GArray *member_ids; /* gint64, other members */
  char *work_plan;
  char *key_industries; /* one item a line */
  char *key_links;
  char *key_areas;
  RectifyCampaignStatus status;
} RectifyCampaign;

typedef struct
{
  gint64 id;
  char *credit_code;
  char *name;
  char *address;
  char *district;
  char *industry;
  gboolean crowded; /* densely populated public place */
  char *legal_rep;  /* first person responsible */
  char *safety_manager;
  char *phone;
} RectifyUnit;

typedef struct
{
  gint64 id;
  gint64 unit_id;
  RectifyCategory category;
  char *code;     /* equipment or registration code; may be empty for cylinders */
  char *reg_cert; /* use-registration certificate number */
  char *variety;  /* free text: model, kind */
  char *location;
  RectifyEquipmentStatus status;
  char *registered_user; /* user name on the registration */
  int quantity;          /* gas cylinders in bulk, else 1 */
  char *last_inspection;
  char *next_inspection;
  char *postponed_until; /* approved postponement of the periodic inspection */
  char *unit_name;       /* (ro) */
} RectifyEquipment;

typedef struct
{
  gint64 id;
  gint64 unit_id;
  char *name;
  char *id_number; /* resident ID, stored whole, shown masked */
  char *cert_no;
  char *cert_category;
  char *cert_expiry;
  char *unit_name; /* (ro) */
} RectifyOperator;

typedef struct
{
  RectifyCheckItem item;
  RectifyCheckResult result;
  char *remark;
} RectifyCheck;

typedef struct
{
  gint64 equipment_id;
  int quantity; /* cylinders counted; 1 for other equipment */
} RectifyCheckedEquipment;

typedef struct
{
  gint64 id;
  gint64 campaign_id; /* 0 = outside a campaign */
  gint64 unit_id;
  RectifyInspectionKind kind;
  char *date;
  char *note;
  GArray *officer_ids; /* gint64 */
  GArray *equipment;   /* RectifyCheckedEquipment */
  GArray *checks;      /* RectifyCheck (remark freed with the array) */
  char *unit_name;     /* (ro) */
} RectifyInspection;

typedef struct
{
  gint64 id;
  gint64 inspection_id; /* 0 = registered outside an inspection */
  gint64 unit_id;
  gint64 equipment_id; /* 0 = none */
  gint64 campaign_id;  /* from the inspection when there is one */
  char *category;      /* hazard category code */
  RectifyHazardGrade grade;
  char *found_date;
  /* the five implementations */
  char *content;
  char *standard;
  char *measures;
  char *deadline;
  char *responsible;
  gint64 supervisor_id;       /* officer who tracks it, 0 = none */
  RectifyHazardStatus status; /* (ro): changed only by the workflow */
  char *closed_date;          /* (ro) */
  char *unit_name;            /* (ro) */
} RectifyHazard;

typedef struct
{
  gint64 id;
  char *filename;
  char *mime;
  gint64 size;
  char *sha256;
  GBytes *data; /* NULL unless asked for */
} RectifyAttachment;

typedef struct
{
  gint64 id;
  gint64 hazard_id;
  RectifyEventKind kind;
  gint64 officer_id; /* 0 = system */
  char *date;        /* the day it happened */
  char *created_at;  /* when it was recorded, ISO 8601 UTC */
  char *note;
  GPtrArray *attachments; /* RectifyAttachment */
  char *officer_name;     /* (ro) */
} RectifyHazardEvent;

typedef struct
{
  gint64 id;
  RectifyDocumentKind kind;
  int year;
  int seq;
  char *number; /* formatted, e.g. X市监特指〔2026〕7号 */
  gint64 unit_id;
  gint64 campaign_id;
  char *issued_date;
  gint64 officer_id;
  RectifyDocumentStatus status;
  char *void_reason;
  char *void_date;
  GArray *hazard_ids; /* gint64 */
  char *unit_name;    /* (ro) */
} RectifyDocument;

typedef struct
{
  char *code;
  char *name_en;
  char *name_zh;
} RectifyHazardCategory;

#define RECTIFY_DECLARE_RECORD(Type, name)                                                         \
  Type *rectify_##name##_new (void);                                                               \
  void rectify_##name##_free (Type *self);                                                         \
  G_DEFINE_AUTOPTR_CLEANUP_FUNC (Type, rectify_##name##_free)

RECTIFY_DECLARE_RECORD (RectifyOfficer, officer)
RECTIFY_DECLARE_RECORD (RectifyCampaign, campaign)
RECTIFY_DECLARE_RECORD (RectifyUnit, unit)
RECTIFY_DECLARE_RECORD (RectifyEquipment, equipment)
RECTIFY_DECLARE_RECORD (RectifyOperator, operator)
RECTIFY_DECLARE_RECORD (RectifyInspection, inspection)
RECTIFY_DECLARE_RECORD (RectifyHazard, hazard)
RECTIFY_DECLARE_RECORD (RectifyAttachment, attachment)
RECTIFY_DECLARE_RECORD (RectifyHazardEvent, hazard_event)
RECTIFY_DECLARE_RECORD (RectifyDocument, document)
RECTIFY_DECLARE_RECORD (RectifyHazardCategory, hazard_category)

/* The campaign's end date (start + days - 1). */
char *rectify_campaign_end_date (const RectifyCampaign *campaign);

/* The five implementations that are still missing, as translated labels;
 * empty when the hazard is "implemented". */
GPtrArray *rectify_hazard_missing_five (const RectifyHazard *hazard);
gboolean rectify_hazard_is_implemented (const RectifyHazard *hazard);
/* Not closed and deadline before as_of. */
gboolean rectify_hazard_is_overdue (const RectifyHazard *hazard, const char *as_of);
/* In use, and its next periodic inspection missing or before as_of unless
 * an approved postponement runs to as_of (the query's inspection_overdue). */
gboolean rectify_equipment_is_inspection_overdue (const RectifyEquipment *equipment,
                                                  const char *as_of);
/* The certificate's expiry before as_of (the query's licence_expired). */
gboolean rectify_operator_is_licence_expired (const RectifyOperator *op, const char *as_of);

G_END_DECLS
