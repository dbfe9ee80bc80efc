/* rectify-types.h: enumerations of the domain and their stable string forms
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every enumeration has a stable code (stored in the database, used by the
 * CLI and JSON) and a translatable label for people.  The database CHECK
 * constraints list the same codes. */

typedef enum
{
  RECTIFY_ROLE_OFFICER,
  RECTIFY_ROLE_MANAGER,
  RECTIFY_ROLE_ARCHIVIST,
  RECTIFY_N_ROLES
} RectifyRole;

typedef enum
{
  RECTIFY_CAMPAIGN_ACTIVE,
  RECTIFY_CAMPAIGN_ARCHIVED,
  RECTIFY_N_CAMPAIGN_STATUSES
} RectifyCampaignStatus;

/* Catalogue codes of special equipment. */
typedef enum
{
  RECTIFY_CATEGORY_BOILER = 1000,
  RECTIFY_CATEGORY_PRESSURE_VESSEL = 2000,
  RECTIFY_CATEGORY_GAS_CYLINDER = 2300,
  RECTIFY_CATEGORY_ELEVATOR = 3000,
  RECTIFY_CATEGORY_LIFTING = 4000,
  RECTIFY_CATEGORY_VEHICLE = 5000,
  RECTIFY_CATEGORY_AMUSEMENT = 6000,
  RECTIFY_CATEGORY_PIPING = 8000,
  RECTIFY_CATEGORY_ROPEWAY = 9000,
} RectifyCategory;

typedef enum
{
  RECTIFY_EQUIPMENT_NOT_IN_USE,
  RECTIFY_EQUIPMENT_IN_USE,
  RECTIFY_EQUIPMENT_STOPPED,
  RECTIFY_EQUIPMENT_SCRAPPED,
  RECTIFY_EQUIPMENT_DISMANTLED,
  RECTIFY_EQUIPMENT_MOVED_OUT,
  RECTIFY_N_EQUIPMENT_STATUSES
} RectifyEquipmentStatus;

typedef enum
{
  RECTIFY_INSPECTION_BUREAU,
  RECTIFY_INSPECTION_SELF,
  RECTIFY_INSPECTION_BACK_CHECK,
  RECTIFY_N_INSPECTION_KINDS
} RectifyInspectionKind;

/* The "3-2-1-1" checklist. */
typedef enum
{
  RECTIFY_CHECK_MANAGEMENT_BODY,
  RECTIFY_CHECK_RESPONSIBLE_PERSONS,
  RECTIFY_CHECK_RULES,
  RECTIFY_CHECK_REGISTRATION,
  RECTIFY_CHECK_OPERATOR_LICENCES,
  RECTIFY_CHECK_PERIODIC_INSPECTION,
  RECTIFY_CHECK_EMERGENCY_PLAN,
  RECTIFY_CHECK_PLAN_DRILLED,
  RECTIFY_N_CHECK_ITEMS
} RectifyCheckItem;

typedef enum
{
  RECTIFY_RESULT_PASS,
  RECTIFY_RESULT_FAIL,
  RECTIFY_RESULT_NOT_APPLICABLE,
  RECTIFY_N_RESULTS
} RectifyCheckResult;

typedef enum
{
  RECTIFY_GRADE_GENERAL,
  RECTIFY_GRADE_MAJOR,
  RECTIFY_N_GRADES
} RectifyHazardGrade;

typedef enum
{
  RECTIFY_HAZARD_OPEN,
  RECTIFY_HAZARD_RECTIFYING,
  RECTIFY_HAZARD_RECTIFIED,
  RECTIFY_HAZARD_CLOSED,
  RECTIFY_N_HAZARD_STATUSES
} RectifyHazardStatus;

typedef enum
{
  RECTIFY_EVENT_REGISTERED,
  RECTIFY_EVENT_IMPLEMENTED,
  RECTIFY_EVENT_TRACKING_SUPERVISION,
  RECTIFY_EVENT_TRACKING_RECTIFICATION,
  RECTIFY_EVENT_TRACKING_SERVICE,
  RECTIFY_EVENT_IMMEDIATE_RECTIFICATION,
  RECTIFY_EVENT_RECTIFIED,
  RECTIFY_EVENT_CONFIRMED,
  RECTIFY_EVENT_REJECTED,
  RECTIFY_EVENT_PENALTY,
  RECTIFY_EVENT_STOP_USE,
  RECTIFY_EVENT_MAJOR_REPORT,
  RECTIFY_N_EVENT_KINDS
} RectifyEventKind;

typedef enum
{
  RECTIFY_DOCUMENT_INSTRUCTION_LETTER,
  RECTIFY_DOCUMENT_RECTIFICATION_OPINION,
  RECTIFY_N_DOCUMENT_KINDS
} RectifyDocumentKind;

typedef enum
{
  RECTIFY_DOCUMENT_ISSUED,
  RECTIFY_DOCUMENT_VOID,
  RECTIFY_N_DOCUMENT_STATUSES
} RectifyDocumentStatus;

/* code <-> enum; _from_code returns FALSE for an unknown code. */
#define RECTIFY_DECLARE_ENUM_STRINGS(Type, name)                                                   \
  const char *rectify_##name##_to_code (Type value);                                               \
  const char *rectify_##name##_to_label (Type value);                                              \
  gboolean rectify_##name##_from_code (const char *code, Type *out_value);                         \
  const char *const *rectify_##name##_codes (void);

RECTIFY_DECLARE_ENUM_STRINGS (RectifyRole, role)
RECTIFY_DECLARE_ENUM_STRINGS (RectifyCampaignStatus, campaign_status)
RECTIFY_DECLARE_ENUM_STRINGS (RectifyCategory, category)
RECTIFY_DECLARE_ENUM_STRINGS (RectifyEquipmentStatus, equipment_status)
RECTIFY_DECLARE_ENUM_STRINGS (RectifyInspectionKind, inspection_kind)
RECTIFY_DECLARE_ENUM_STRINGS (RectifyCheckItem, check_item)
RECTIFY_DECLARE_ENUM_STRINGS (RectifyCheckResult, check_result)
RECTIFY_DECLARE_ENUM_STRINGS (RectifyHazardGrade, grade)
RECTIFY_DECLARE_ENUM_STRINGS (RectifyHazardStatus, hazard_status)
RECTIFY_DECLARE_ENUM_STRINGS (RectifyEventKind, event_kind)
RECTIFY_DECLARE_ENUM_STRINGS (RectifyDocumentKind, document_kind)
RECTIFY_DECLARE_ENUM_STRINGS (RectifyDocumentStatus, document_status)

/* The nine catalogue categories in catalogue order. */
extern const RectifyCategory rectify_categories[9];
#define RECTIFY_N_CATEGORIES 9

/* "a, b or c" from a NULL-terminated list of codes, for messages. */
char *rectify_codes_joined (const char *const *codes);

G_END_DECLS
