/* rectify-cli-inspections.c: inspection commands of rectify-cli
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-cli.h"
#include "rectify-cli-output.h"
#include "rectify-schedule.h"

/* ID or ID:QTY */
static gboolean
parse_equipment (const char *text, RectifyCheckedEquipment *out, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (text, ":", 2);
  gint64 quantity = 1;

  if (!rectify_cli_parse_id ("--equipment", parts[0], &out->equipment_id, error))
    return FALSE;
  if (parts[1] && !rectify_cli_parse_int ("--equipment", parts[1], 1, G_MAXINT, &quantity, error))
    return FALSE;
  out->quantity = (int)quantity;
  return TRUE;
}

/* Each of texts (NULL-terminated, or NULL) by parse_equipment, appended to
 * out. */
static gboolean
parse_equipment_list (char **texts, GArray *out, GError **error)
{
  for (guint i = 0; texts && texts[i]; i++)
    {
      RectifyCheckedEquipment e = { 0 };
      if (!parse_equipment (texts[i], &e, error))
        return FALSE;
      g_array_append_val (out, e);
    }
  return TRUE;
}

/* ITEM=pass|fail|na[:remark] */
static gboolean
parse_check (const char *text, RectifyCheck *out, GError **error)
{
  const char *eq = strchr (text, '=');
  const char *colon;
  g_autofree char *item = NULL;
  g_autofree char *result = NULL;
  const char *code;

  if (eq == NULL)
    return rectify_cli_usage_error (error, _ ("--check: “%s” is not ITEM=pass|fail|na[:REMARK]"),
                                    text);
  item = g_strndup (text, eq - text);
  colon = strchr (eq + 1, ':');
  result = colon ? g_strndup (eq + 1, colon - (eq + 1)) : g_strdup (eq + 1);

  if (!rectify_cli_parse_choice ("--check", item, rectify_check_item_codes (), &code, error))
    return FALSE;
  rectify_check_item_from_code (code, &out->item);
  if (!rectify_cli_parse_choice ("--check", result, rectify_check_result_codes (), &code, error))
    return FALSE;
  rectify_check_result_from_code (code, &out->result);
  out->remark = g_strdup (colon ? colon + 1 : "");
  return TRUE;
}

gboolean
rectify_cli_inspection_add (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *unit = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *date = NULL;
  g_autofree char *campaign = NULL;
  g_auto (GStrv) officers = NULL;
  g_auto (GStrv) equipment = NULL;
  g_auto (GStrv) checks = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[]
      = { { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
            N_ ("The unit inspected, by id or credit code (required)"), N_ ("UNIT") },
          { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_ ("bureau, self or back_check (required)"),
            N_ ("KIND") },
          { "date", 0, 0, G_OPTION_ARG_STRING, &date,
            N_ ("Day of the visit, YYYY-MM-DD (required)"), N_ ("DATE") },
          { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign it belongs to"),
            N_ ("ID") },
          { "officer", 0, 0, G_OPTION_ARG_STRING_ARRAY, &officers,
            N_ ("Officer present, by id or badge (repeatable; law enforcement needs two)"),
            N_ ("OFFICER") },
          { "equipment", 0, 0, G_OPTION_ARG_STRING_ARRAY, &equipment,
            N_ ("Equipment checked, with the number of cylinders counted (repeatable)"),
            N_ ("ID[:QTY]") },
          { "check", 0, 0, G_OPTION_ARG_STRING_ARRAY, &checks,
            N_ ("A checklist result (repeatable)"), N_ ("ITEM=pass|fail|na[:REMARK]") },
          { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_ ("Note"), N_ ("TEXT") },
          G_OPTION_ENTRY_NULL };
  g_autoptr (RectifyInspection) inspection = rectify_inspection_new ();
  const char *kind_code;
  RectifyStore *store;

  if (!rectify_cli_parse (cli, entries, NULL, &argc, &argv, error)
      || !rectify_cli_expect_args (cli, argc, argv, 0, NULL, error)
      || !rectify_cli_require ("--unit", unit, error)
      || !rectify_cli_require ("--kind", kind, error)
      || !rectify_cli_require ("--date", date, error)
      || !rectify_cli_parse_choice ("--kind", kind, rectify_inspection_kind_codes (), &kind_code,
                                    error)
      || !rectify_cli_parse_optional_id ("--campaign", campaign, &inspection->campaign_id, error))
    return FALSE;
  rectify_inspection_kind_from_code (kind_code, &inspection->kind);
  if (!parse_equipment_list (equipment, inspection->equipment, error))
    return FALSE;
  for (guint i = 0; checks && checks[i]; i++)
    {
      RectifyCheck c = { 0 };
      if (!parse_check (checks[i], &c, error))
        {
          g_free (c.remark);
          return FALSE;
        }
      g_array_append_val (inspection->checks, c);
    }

  store = rectify_cli_open_store_unit (cli, unit, &inspection->unit_id, error);
  if (store == NULL)
    return FALSE;
  if (!rectify_cli_find_officers (cli, officers, inspection->officer_ids, error))
    return FALSE;
  inspection->date = g_steal_pointer (&date);
  inspection->note = g_steal_pointer (&note);

  return rectify_cli_print_new_id (cli, rectify_store_add_inspection (store, inspection, error));
}

/* Read by "inspection show" only. */
static const char *const not_in_lists[] = { "officer_ids", "equipment", "checks", NULL };

static const RectifyCliColumn inspection_columns[] = { { "id", N_ ("ID") },
                                                       { "date", N_ ("Date") },
                                                       { "kind", N_ ("Kind") },
                                                       { "unit_name", N_ ("Unit") },
                                                       { "campaign_id", N_ ("Campaign") },
                                                       { NULL, NULL } };

gboolean
rectify_cli_inspection_list (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_auto (RectifyCliListOptions) opts = { 0 };
  g_autofree char *unit = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *kind = NULL;
  const GOptionEntry entries[]
      = { { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
            N_ ("Only inspections of this unit (id or credit code)"), N_ ("UNIT") },
          { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign,
            N_ ("Only inspections of this campaign"), N_ ("ID") },
          { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
            N_ ("Only this kind: bureau, self or back_check"), N_ ("KIND") },
          G_OPTION_ENTRY_NULL };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  const char *kind_code;
  RectifyStore *store;

  if (!rectify_cli_parse_list_query (cli, entries, &opts, FALSE, &q, &argc, &argv, error)
      || !rectify_cli_parse_optional_id ("--campaign", campaign, &q.campaign_id, error)
      || (kind
          && !rectify_cli_parse_choice ("--kind", kind, rectify_inspection_kind_codes (),
                                        &kind_code, error))
      || !(store = rectify_cli_open_store_unit (cli, unit, &q.unit_id, error)))
    return FALSE;
  if (kind)
    {
      RectifyInspectionKind k;
      rectify_inspection_kind_from_code (kind_code, &k);
      q.kind = k;
    }

  return rectify_cli_list_and_print (cli, store, &q, rectify_store_list_inspections,
                                     rectify_cli_inspection_to_json, inspection_columns,
                                     not_in_lists, error);
}

gboolean
rectify_cli_inspection_show (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return rectify_cli_show_by_id (
      cli, argc, argv, _ ("inspection id"), (RectifyCliGetFunc)rectify_store_get_inspection,
      rectify_cli_inspection_to_json, (GDestroyNotify)rectify_inspection_free, error);
}

/* "inspection edit ID": the stored visit, with what the options give in
 * place of what it had (officers and equipment as a whole, checklist
 * answers item by item). */
gboolean
rectify_cli_inspection_edit (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *unit = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *date = NULL;
  g_autofree char *campaign = NULL;
  g_auto (GStrv) officers = NULL;
  g_auto (GStrv) equipment = NULL;
  g_auto (GStrv) checks = NULL;
  g_autofree char *note = NULL;
  gboolean no_campaign = FALSE;
  gboolean no_equipment = FALSE;
  const GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_ ("The unit inspected, by id or credit code"),
      N_ ("UNIT") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_ ("bureau, self or back_check"), N_ ("KIND") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_ ("Day of the visit, YYYY-MM-DD"), N_ ("DATE") },
    { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign it belongs to"),
      N_ ("ID") },
    { "no-campaign", 0, 0, G_OPTION_ARG_NONE, &no_campaign, N_ ("It belongs to no campaign"),
      NULL },
    { "officer", 0, 0, G_OPTION_ARG_STRING_ARRAY, &officers,
      N_ ("Officer present, by id or badge (repeatable; replaces the officers recorded)"),
      N_ ("OFFICER") },
    { "equipment", 0, 0, G_OPTION_ARG_STRING_ARRAY, &equipment,
      N_ ("Equipment checked (repeatable; replaces the equipment recorded)"), N_ ("ID[:QTY]") },
    { "no-equipment", 0, 0, G_OPTION_ARG_NONE, &no_equipment, N_ ("No equipment was checked"),
      NULL },
    { "check", 0, 0, G_OPTION_ARG_STRING_ARRAY, &checks,
      N_ ("A checklist result, replacing that item's (repeatable)"),
      N_ ("ITEM=pass|fail|na[:REMARK]") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_ ("Note"), N_ ("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (RectifyInspection) inspection = NULL;
  RectifyStore *store;
  gint64 id, campaign_id = 0;

  if (!rectify_cli_parse_id_arg (cli, entries, _ ("ID"), _ ("inspection id"), &argc, &argv, &id,
                                 error)
      || !rectify_cli_parse_optional_id ("--campaign", campaign, &campaign_id, error))
    return FALSE;
  if (campaign && no_campaign)
    return rectify_cli_usage_error (error, _ ("--campaign and --no-campaign exclude each other"));
  if (equipment && no_equipment)
    return rectify_cli_usage_error (error, _ ("--equipment and --no-equipment exclude each other"));
  store = rectify_cli_open_store (cli, FALSE, error);
  if (store == NULL)
    return FALSE;
  inspection = rectify_store_get_inspection (store, id, error);
  if (inspection == NULL)
    return FALSE;

  if (kind)
    {
      const char *kind_code;
      if (!rectify_cli_parse_choice ("--kind", kind, rectify_inspection_kind_codes (), &kind_code,
                                     error))
        return FALSE;
      rectify_inspection_kind_from_code (kind_code, &inspection->kind);
    }
  if (campaign || no_campaign)
    inspection->campaign_id = campaign_id;
  if (equipment || no_equipment)
    g_array_set_size (inspection->equipment, 0);
  if (!parse_equipment_list (equipment, inspection->equipment, error))
    return FALSE;
  for (guint i = 0; checks && checks[i]; i++)
    {
      RectifyCheck c = { 0 };
      gboolean replaced = FALSE;

      if (!parse_check (checks[i], &c, error))
        {
          g_free (c.remark);
          return FALSE;
        }
      for (guint j = 0; j < inspection->checks->len && !replaced; j++)
        {
          RectifyCheck *old = &g_array_index (inspection->checks, RectifyCheck, j);
          if (old->item == c.item)
            {
              g_free (old->remark);
              *old = c;
              replaced = TRUE;
            }
        }
      if (!replaced)
        g_array_append_val (inspection->checks, c);
    }
  if (unit && !rectify_cli_find_unit (cli, unit, &inspection->unit_id, error))
    return FALSE;
  if (officers)
    g_array_set_size (inspection->officer_ids, 0);
  if (!rectify_cli_find_officers (cli, officers, inspection->officer_ids, error))
    return FALSE;
  if (date)
    {
      g_free (inspection->date);
      inspection->date = g_steal_pointer (&date);
    }
  if (note)
    {
      g_free (inspection->note);
      inspection->note = g_steal_pointer (&note);
    }

  if (!rectify_store_update_inspection (store, inspection, error))
    return FALSE;
  return rectify_cli_print_record (cli, rectify_store_get_inspection (store, id, error),
                                   rectify_cli_inspection_to_json,
                                   (GDestroyNotify)rectify_inspection_free);
}

/* "inspection delete ID" and "visit cancel ID": act on the record, then,
 * with --json, {json_key: id}; the caller says it in words otherwise. */
static gboolean
act_on_id (RectifyCli *cli,
           int argc,
           char **argv,
           const char *what,
           gboolean (*act) (RectifyStore *store, gint64 id, GError **error),
           const char *json_key,
           gint64 *id,
           GError **error)
{
  RectifyStore *store
      = rectify_cli_parse_and_open_id (cli, NULL, _ ("ID"), what, &argc, &argv, id, error);

  if (store == NULL || !act (store, *id, error))
    return FALSE;
  if (cli->json)
    rectify_cli_print_json_id (json_key, *id);
  return TRUE;
}

gboolean
rectify_cli_inspection_delete (RectifyCli *cli, int argc, char **argv, GError **error)
{
  gint64 id;

  if (!act_on_id (cli, argc, argv, _ ("inspection id"), rectify_store_delete_inspection, "deleted",
                  &id, error))
    return FALSE;
  if (!cli->json)
    g_print (_ ("Inspection %" PRId64 " is deleted\n"), id);
  return TRUE;
}

/* ---- planned visits --------------------------------------------------------- */

static const char *const visit_kind_codes[] = { "back_check", "re_inspection", NULL };

static JsonNode *
visit_to_json (gconstpointer record)
{
  const RectifyScheduledVisit *v = record;
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rectify_cli_builder_add_id (b, "id", v->id);
  rectify_cli_builder_add_text (b, "kind", rectify_visit_kind_to_code (v->kind));
  rectify_cli_builder_add_date (b, "due_date", v->due_date);
  rectify_cli_builder_add_id (b, "unit_id", v->unit_id);
  rectify_cli_builder_add_text (b, "unit_name", v->unit_name);
  rectify_cli_builder_add_id (b, "hazard_id", v->hazard_id);
  rectify_cli_builder_add_text (b, "hazard_content", v->hazard_content);
  rectify_cli_builder_add_date (b, "scheduled_on", v->scheduled_on);
  rectify_cli_builder_add_id (b, "officer_id", v->officer_id);
  rectify_cli_builder_add_text (b, "note", v->note);
  rectify_cli_builder_add_id (b, "done_inspection_id", v->done_inspection_id);
  rectify_cli_builder_add_date (b, "done_date", v->done_date);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static const RectifyCliColumn visit_columns[] = { { "id", N_ ("ID") },
                                                  { "due_date", N_ ("Due") },
                                                  { "kind", N_ ("Kind") },
                                                  { "unit_name", N_ ("Unit") },
                                                  { "hazard_id", N_ ("Hazard") },
                                                  { "done_date", N_ ("Done") },
                                                  { NULL, NULL } };

/* Without --hazard: the one hazard of the unit the visit can be about (a
 * closed one for a back-check, an overdue one for a re-inspection). */
static gboolean
find_visit_hazard (
    RectifyStore *store, gint64 unit_id, RectifyVisitKind kind, gint64 *out, GError **error)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr (GPtrArray) hazards = NULL;
  gint64 total = 0;

  q.unit_id = unit_id;
  q.sort = "id";
  q.limit = 10;
  if (kind == RECTIFY_VISIT_BACK_CHECK)
    q.status = RECTIFY_HAZARD_CLOSED;
  else
    q.overdue = TRUE;
  hazards = rectify_store_list_hazards (store, &q, &total, error);
  if (hazards == NULL)
    return FALSE;
  if (total == 1)
    {
      *out = ((RectifyHazard *)g_ptr_array_index (hazards, 0))->id;
      return TRUE;
    }
  if (total == 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   kind == RECTIFY_VISIT_BACK_CHECK
                       ? _ ("--hazard: the unit has no closed hazard to back-check")
                       : _ ("--hazard: the unit has no overdue hazard to re-inspect"));
      return FALSE;
    }
  {
    g_autoptr (GString) ids = g_string_new (NULL);

    for (guint i = 0; i < hazards->len; i++)
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? ", " : "",
                              ((RectifyHazard *)g_ptr_array_index (hazards, i))->id);
    if (total > (gint64)hazards->len)
      g_string_append (ids, ", …");
    g_set_error (
        error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
        _ ("--hazard: the unit has %" PRId64 " hazards this visit can be about (%s); choose one"),
        total, ids->str);
    return FALSE;
  }
}

gboolean
rectify_cli_visit_add (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *unit = NULL;
  g_autofree char *hazard = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *due = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[]
      = { { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
            N_ ("The unit to visit, by id or credit code (or give --hazard)"), N_ ("UNIT") },
          { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
            N_ ("back-check (of a closed hazard) or re-inspection (of an overdue one) (required)"),
            N_ ("KIND") },
          { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_ ("Visit by this day, YYYY-MM-DD (required)"),
            N_ ("DATE") },
          { "hazard", 0, 0, G_OPTION_ARG_STRING, &hazard,
            N_ ("The hazard the visit is about (needed when the unit has several)"), N_ ("ID") },
          { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_ ("Note"), N_ ("TEXT") },
          G_OPTION_ENTRY_NULL };
  const char *kind_code;
  RectifyVisitKind visit_kind;
  RectifyStore *store;
  gint64 unit_id = 0, hazard_id = 0;

  if (!rectify_cli_parse (cli, entries, NULL, &argc, &argv, error)
      || !rectify_cli_expect_args (cli, argc, argv, 0, NULL, error)
      || !rectify_cli_require ("--kind", kind, error) || !rectify_cli_require ("--due", due, error)
      || !rectify_cli_parse_choice ("--kind", kind, visit_kind_codes, &kind_code, error)
      || !rectify_cli_parse_optional_id ("--hazard", hazard, &hazard_id, error))
    return FALSE;
  if (unit == NULL && hazard == NULL)
    return rectify_cli_usage_error (error, _ ("--unit or --hazard is required"));
  rectify_visit_kind_from_code (kind_code, &visit_kind);
  store = rectify_cli_open_store_unit (cli, unit, &unit_id, error);
  if (store == NULL)
    return FALSE;
  if (hazard_id == 0 && !find_visit_hazard (store, unit_id, visit_kind, &hazard_id, error))
    return FALSE;
  if (unit_id != 0)
    {
      g_autoptr (RectifyHazard) h = rectify_store_get_hazard (store, hazard_id, error);
      if (h == NULL)
        return FALSE;
      if (h->unit_id != unit_id)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("--unit: hazard %" PRId64 " is of another unit (%s)"), hazard_id,
                       h->unit_name);
          return FALSE;
        }
    }
  return rectify_cli_print_new_id (
      cli, rectify_store_schedule_visit (store, hazard_id, visit_kind, due, note, error));
}

gboolean
rectify_cli_visit_list (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_auto (RectifyCliListOptions) opts = { 0 };
  g_autofree char *unit = NULL;
  g_autofree char *kind = NULL;
  gboolean overdue = FALSE, done = FALSE, all = FALSE;
  const GOptionEntry entries[]
      = { { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
            N_ ("Only visits to this unit (id or credit code)"), N_ ("UNIT") },
          { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
            N_ ("Only this kind: back-check or re-inspection"), N_ ("KIND") },
          { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
            N_ ("Only pending visits past their due date"), NULL },
          { "done", 0, 0, G_OPTION_ARG_NONE, &done,
            N_ ("Only visits done (pending ones by default)"), NULL },
          { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_ ("Pending and done visits"), NULL },
          G_OPTION_ENTRY_NULL };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  RectifyStore *store;

  if (!rectify_cli_parse_list_query (cli, entries, &opts, TRUE, &q, &argc, &argv, error))
    return FALSE;
  if ((done ? 1 : 0) + (all ? 1 : 0) + (overdue ? 1 : 0) > 1)
    return rectify_cli_usage_error (error, _ ("--overdue, --done and --all exclude each other"));
  if (kind)
    {
      const char *kind_code;
      RectifyVisitKind k;

      if (!rectify_cli_parse_choice ("--kind", kind, visit_kind_codes, &kind_code, error))
        return FALSE;
      rectify_visit_kind_from_code (kind_code, &k);
      q.kind = k;
    }
  q.status = all ? -1 : done ? 1 : 0;
  q.overdue = overdue;
  if (!(store = rectify_cli_open_store_unit (cli, unit, &q.unit_id, error)))
    return FALSE;
  return rectify_cli_list_and_print (cli, store, &q, rectify_store_list_visits, visit_to_json,
                                     visit_columns, NULL, error);
}

gboolean
rectify_cli_visit_cancel (RectifyCli *cli, int argc, char **argv, GError **error)
{
  gint64 id;

  if (!act_on_id (cli, argc, argv, _ ("visit id"), rectify_store_cancel_visit, "cancelled", &id,
                  error))
    return FALSE;
  if (!cli->json)
    g_print (_ ("Planned visit %" PRId64 " is cancelled\n"), id);
  return TRUE;
}
