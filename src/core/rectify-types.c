/* rectify-types.c: stable codes and translated labels of the enumerations
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-types.h"

typedef struct
{
  int value;
  const char *code;
  const char *label;
} EnumString;

static const char *
lookup_code (const EnumString *table, int value)
{
  for (const EnumString *e = table; e->code; e++)
    if (e->value == value)
      return e->code;
  return NULL;
}

static const char *
lookup_label (const EnumString *table, int value)
{
  for (const EnumString *e = table; e->code; e++)
    if (e->value == value)
      return _ (e->label);
  return NULL;
}

static gboolean
lookup_value (const EnumString *table, const char *code, int *out)
{
  if (code == NULL)
    return FALSE;
  for (const EnumString *e = table; e->code; e++)
    if (g_ascii_strcasecmp (e->code, code) == 0)
      {
        *out = e->value;
        return TRUE;
      }
  return FALSE;
}

static const char *const *
codes_of (const EnumString *table, const char **cache, gsize n)
{
  if (g_once_init_enter (&cache[0]))
    {
      for (gsize i = 1; i < n && table[i].code; i++)
        cache[i] = table[i].code;
      g_once_init_leave (&cache[0], table[0].code);
    }
  return (const char *const *)cache;
}

#define RECTIFY_DEFINE_ENUM_STRINGS(Type, name, table)                                             \
  const char *rectify_##name##_to_code (Type value) { return lookup_code (table, (int)value); }    \
  const char *rectify_##name##_to_label (Type value) { return lookup_label (table, (int)value); }  \
  gboolean rectify_##name##_from_code (const char *code, Type *out_value)                          \
  {                                                                                                \
    int v;                                                                                         \
    if (!lookup_value (table, code, &v))                                                           \
      return FALSE;                                                                                \
    if (out_value)                                                                                 \
      *out_value = (Type)v;                                                                        \
    return TRUE;                                                                                   \
  }                                                                                                \
  const char *const *rectify_##name##_codes (void)                                                 \
  {                                                                                                \
    static const char *cache[G_N_ELEMENTS (table)];                                                \
    return codes_of (table, cache, G_N_ELEMENTS (table));                                          \
  }

static const EnumString roles[] = { { RECTIFY_ROLE_OFFICER, "officer", N_ ("Officer") },
                                    { RECTIFY_ROLE_MANAGER, "manager", N_ ("Manager") },
                                    { RECTIFY_ROLE_ARCHIVIST, "archivist", N_ ("Archivist") },
                                    { 0, NULL, NULL } };

static const EnumString campaign_statuses[]
    = { { RECTIFY_CAMPAIGN_ACTIVE, "active", N_ ("Under way") },
        { RECTIFY_CAMPAIGN_ARCHIVED, "archived", N_ ("Archived") },
        { 0, NULL, NULL } };

static const EnumString categories[]
    = { { RECTIFY_CATEGORY_BOILER, "1000", N_ ("Boiler") },
        { RECTIFY_CATEGORY_PRESSURE_VESSEL, "2000", N_ ("Pressure vessel") },
        { RECTIFY_CATEGORY_GAS_CYLINDER, "2300", N_ ("Gas cylinder") },
        { RECTIFY_CATEGORY_ELEVATOR, "3000", N_ ("Elevator") },
        { RECTIFY_CATEGORY_LIFTING, "4000", N_ ("Lifting machinery") },
        { RECTIFY_CATEGORY_VEHICLE, "5000", N_ ("In-plant motor vehicle") },
        { RECTIFY_CATEGORY_AMUSEMENT, "6000", N_ ("Large amusement device") },
        { RECTIFY_CATEGORY_PIPING, "8000", N_ ("Pressure piping") },
        { RECTIFY_CATEGORY_ROPEWAY, "9000", N_ ("Passenger ropeway") },
        { 0, NULL, NULL } };

const RectifyCategory rectify_categories[9] = {
  RECTIFY_CATEGORY_BOILER,    RECTIFY_CATEGORY_PRESSURE_VESSEL, RECTIFY_CATEGORY_GAS_CYLINDER,
  RECTIFY_CATEGORY_ELEVATOR,  RECTIFY_CATEGORY_LIFTING,         RECTIFY_CATEGORY_VEHICLE,
  RECTIFY_CATEGORY_AMUSEMENT, RECTIFY_CATEGORY_PIPING,          RECTIFY_CATEGORY_ROPEWAY,
};

static const EnumString equipment_statuses[]
    = { { RECTIFY_EQUIPMENT_NOT_IN_USE, "not_in_use", N_ ("Not yet in use") },
        { RECTIFY_EQUIPMENT_IN_USE, "in_use", N_ ("In use") },
        { RECTIFY_EQUIPMENT_STOPPED, "stopped", N_ ("Stopped") },
        { RECTIFY_EQUIPMENT_SCRAPPED, "scrapped", N_ ("Scrapped") },
        { RECTIFY_EQUIPMENT_DISMANTLED, "dismantled", N_ ("Dismantled") },
        { RECTIFY_EQUIPMENT_MOVED_OUT, "moved_out", N_ ("Moved out") },
        { 0, NULL, NULL } };

static const EnumString inspection_kinds[]
    = { { RECTIFY_INSPECTION_BUREAU, "bureau", N_ ("Bureau inspection") },
        { RECTIFY_INSPECTION_SELF, "self", N_ ("Enterprise self-inspection") },
        { RECTIFY_INSPECTION_BACK_CHECK, "back_check", N_ ("Back-check") },
        { 0, NULL, NULL } };

static const EnumString check_items[]
    = { { RECTIFY_CHECK_MANAGEMENT_BODY, "management_body", N_ ("Safety management body set up") },
        { RECTIFY_CHECK_RESPONSIBLE_PERSONS, "responsible_persons",
          N_ ("Responsible persons appointed") },
        { RECTIFY_CHECK_RULES, "rules", N_ ("Safety management rules in place") },
        { RECTIFY_CHECK_REGISTRATION, "registration", N_ ("Equipment use registration") },
        { RECTIFY_CHECK_OPERATOR_LICENCES, "operator_licences", N_ ("Operator licences") },
        { RECTIFY_CHECK_PERIODIC_INSPECTION, "periodic_inspection",
          N_ ("Periodic inspection on time") },
        { RECTIFY_CHECK_EMERGENCY_PLAN, "emergency_plan", N_ ("Emergency rescue plan") },
        { RECTIFY_CHECK_PLAN_DRILLED, "plan_drilled", N_ ("Plan drilled within a year") },
        { 0, NULL, NULL } };

static const EnumString check_results[]
    = { { RECTIFY_RESULT_PASS, "pass", N_ ("Pass") },
        { RECTIFY_RESULT_FAIL, "fail", N_ ("Fail") },
        { RECTIFY_RESULT_NOT_APPLICABLE, "na", N_ ("Not applicable") },
        { 0, NULL, NULL } };

static const EnumString grades[] = { { RECTIFY_GRADE_GENERAL, "general", N_ ("General") },
                                     { RECTIFY_GRADE_MAJOR, "major", N_ ("Major") },
                                     { 0, NULL, NULL } };

static const EnumString hazard_statuses[]
    = { { RECTIFY_HAZARD_OPEN, "open", N_ ("Open") },
        { RECTIFY_HAZARD_RECTIFYING, "rectifying", N_ ("Rectifying") },
        { RECTIFY_HAZARD_RECTIFIED, "rectified", N_ ("Rectified, awaiting confirmation") },
        { RECTIFY_HAZARD_CLOSED, "closed", N_ ("Closed") },
        { 0, NULL, NULL } };

static const EnumString event_kinds[] = {
  { RECTIFY_EVENT_REGISTERED, "registered", N_ ("Registered") },
  { RECTIFY_EVENT_IMPLEMENTED, "implemented", N_ ("Five implementations updated") },
  { RECTIFY_EVENT_TRACKING_SUPERVISION, "tracking_supervision", N_ ("Tracking supervision") },
  { RECTIFY_EVENT_TRACKING_RECTIFICATION, "tracking_rectification", N_ ("Tracking rectification") },
  { RECTIFY_EVENT_TRACKING_SERVICE, "tracking_service", N_ ("Tracking service") },
  { RECTIFY_EVENT_IMMEDIATE_RECTIFICATION, "immediate_rectification", N_ ("Rectified on site") },
  { RECTIFY_EVENT_RECTIFIED, "rectified", N_ ("Rectification reported") },
  { RECTIFY_EVENT_CONFIRMED, "confirmed", N_ ("Confirmed and cancelled") },
  { RECTIFY_EVENT_REJECTED, "rejected", N_ ("Confirmation failed") },
  { RECTIFY_EVENT_PENALTY, "penalty", N_ ("Penalty decision") },
  { RECTIFY_EVENT_STOP_USE, "stop_use", N_ ("Order to stop use") },
  { RECTIFY_EVENT_MAJOR_REPORT, "major_report", N_ ("Registered and reported as major") },
  { 0, NULL, NULL }
};

static const EnumString document_kinds[]
    = { { RECTIFY_DOCUMENT_INSTRUCTION_LETTER, "instruction",
          N_ ("Supervision instruction letter") },
        { RECTIFY_DOCUMENT_RECTIFICATION_OPINION, "opinion", N_ ("Rectification opinion") },
        { 0, NULL, NULL } };

static const EnumString document_statuses[]
    = { { RECTIFY_DOCUMENT_ISSUED, "issued", N_ ("Issued") },
        { RECTIFY_DOCUMENT_VOID, "void", N_ ("Void") },
        { 0, NULL, NULL } };

RECTIFY_DEFINE_ENUM_STRINGS (RectifyRole, role, roles)
RECTIFY_DEFINE_ENUM_STRINGS (RectifyCampaignStatus, campaign_status, campaign_statuses)
RECTIFY_DEFINE_ENUM_STRINGS (RectifyCategory, category, categories)
RECTIFY_DEFINE_ENUM_STRINGS (RectifyEquipmentStatus, equipment_status, equipment_statuses)
RECTIFY_DEFINE_ENUM_STRINGS (RectifyInspectionKind, inspection_kind, inspection_kinds)
RECTIFY_DEFINE_ENUM_STRINGS (RectifyCheckItem, check_item, check_items)
RECTIFY_DEFINE_ENUM_STRINGS (RectifyCheckResult, check_result, check_results)
RECTIFY_DEFINE_ENUM_STRINGS (RectifyHazardGrade, grade, grades)
RECTIFY_DEFINE_ENUM_STRINGS (RectifyHazardStatus, hazard_status, hazard_statuses)
RECTIFY_DEFINE_ENUM_STRINGS (RectifyEventKind, event_kind, event_kinds)
RECTIFY_DEFINE_ENUM_STRINGS (RectifyDocumentKind, document_kind, document_kinds)
RECTIFY_DEFINE_ENUM_STRINGS (RectifyDocumentStatus, document_status, document_statuses)

char *
rectify_codes_joined (const char *const *codes)
{
  GString *s = g_string_new (NULL);
  guint n = codes ? g_strv_length ((char **)codes) : 0;

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == n ? _ (" or ") : ", ");
      g_string_append (s, codes[i]);
    }
  return g_string_free (s, FALSE);
}
