/* rectify-cli-inspections.c: inspection commands of rectify-cli
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-cli.h"
#include "rectify-cli-output.h"

/* ID or ID:QTY */
static gboolean
parse_equipment (const char               *text,
                 RectifyCheckedEquipment  *out,
                 GError                  **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 2);
  gint64 quantity = 1;

  if (!rectify_cli_parse_id ("--equipment", parts[0], &out->equipment_id, error))
    return FALSE;
  if (parts[1] && !rectify_cli_parse_int ("--equipment", parts[1], 1, G_MAXINT, &quantity, error))
    return FALSE;
  out->quantity = (int) quantity;
  return TRUE;
}

/* ITEM=pass|fail|na[:remark] */
static gboolean
parse_check (const char    *text,
             RectifyCheck  *out,
             GError       **error)
{
  const char *eq = strchr (text, '=');
  const char *colon;
  g_autofree char *item = NULL;
  g_autofree char *result = NULL;
  const char *code;

  if (eq == NULL)
    return rectify_cli_usage_error (error, _("--check: “%s” is not ITEM=pass|fail|na[:REMARK]"),
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
rectify_cli_inspection_add (RectifyCli  *cli,
                            int          argc,
                            char       **argv,
                            GError     **error)
{
  g_autofree char *unit = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *date = NULL;
  g_autofree char *campaign = NULL;
  g_auto(GStrv) officers = NULL;
  g_auto(GStrv) equipment = NULL;
  g_auto(GStrv) checks = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
      N_("The unit inspected, by id or credit code (required)"), N_("UNIT") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("bureau, self or back_check (required)"), N_("KIND") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Day of the visit, YYYY-MM-DD (required)"), N_("DATE") },
    { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign,
      N_("The campaign it belongs to"), N_("ID") },
    { "officer", 0, 0, G_OPTION_ARG_STRING_ARRAY, &officers,
      N_("Officer present, by id or badge (repeatable; law enforcement needs two)"),
      N_("OFFICER") },
    { "equipment", 0, 0, G_OPTION_ARG_STRING_ARRAY, &equipment,
      N_("Equipment checked, with the number of cylinders counted (repeatable)"), N_("ID[:QTY]") },
    { "check", 0, 0, G_OPTION_ARG_STRING_ARRAY, &checks,
      N_("A checklist result (repeatable)"), N_("ITEM=pass|fail|na[:REMARK]") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Note"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(RectifyInspection) inspection = rectify_inspection_new ();
  const char *kind_code;
  RectifyStore *store;
  gint64 id;

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
  for (guint i = 0; equipment && equipment[i]; i++)
    {
      RectifyCheckedEquipment e = { 0 };
      if (!parse_equipment (equipment[i], &e, error))
        return FALSE;
      g_array_append_val (inspection->equipment, e);
    }
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

  store = rectify_cli_open_store (cli, FALSE, error);
  if (store == NULL || !rectify_cli_find_unit (cli, unit, &inspection->unit_id, error))
    return FALSE;
  for (guint i = 0; officers && officers[i]; i++)
    {
      gint64 officer_id;
      if (!rectify_cli_find_officer (cli, officers[i], &officer_id, error))
        return FALSE;
      g_array_append_val (inspection->officer_ids, officer_id);
    }
  inspection->date = g_steal_pointer (&date);
  inspection->note = g_steal_pointer (&note);

  id = rectify_store_add_inspection (store, inspection, error);
  if (id <= 0)
    return FALSE;
  rectify_cli_print_id (cli, id);
  return TRUE;
}

/* Read by "inspection show" only. */
static const char *const not_in_lists[] = { "officer_ids", "equipment", "checks", NULL };

static const RectifyCliColumn inspection_columns[] = {
  { "id", N_("ID") },
  { "date", N_("Date") },
  { "kind", N_("Kind") },
  { "unit_name", N_("Unit") },
  { "campaign_id", N_("Campaign") },
  { NULL, NULL }
};

gboolean
rectify_cli_inspection_list (RectifyCli  *cli,
                             int          argc,
                             char       **argv,
                             GError     **error)
{
  g_auto(RectifyCliListOptions) opts = { 0 };
  g_autofree char *unit = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *kind = NULL;
  const GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
      N_("Only inspections of this unit (id or credit code)"), N_("UNIT") },
    { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign,
      N_("Only inspections of this campaign"), N_("ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("Only this kind: bureau, self or back_check"), N_("KIND") },
    G_OPTION_ENTRY_NULL
  };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr(GPtrArray) list = NULL;
  const char *kind_code;
  RectifyStore *store;
  gint64 total = 0;

  if (!rectify_cli_parse_list (cli, entries, &opts, FALSE, &argc, &argv, error)
      || !rectify_cli_list_options_apply (&opts, &q, error)
      || !rectify_cli_parse_optional_id ("--campaign", campaign, &q.campaign_id, error)
      || (kind && !rectify_cli_parse_choice ("--kind", kind, rectify_inspection_kind_codes (),
                                             &kind_code, error))
      || !(store = rectify_cli_open_store (cli, FALSE, error))
      || (unit && !rectify_cli_find_unit (cli, unit, &q.unit_id, error)))
    return FALSE;
  if (kind)
    {
      RectifyInspectionKind k;
      rectify_inspection_kind_from_code (kind_code, &k);
      q.kind = k;
    }

  list = rectify_store_list_inspections (store, &q, &total, error);
  if (list == NULL)
    return FALSE;
  rectify_cli_print_list (cli, list, rectify_cli_inspection_to_json, inspection_columns,
                          not_in_lists, total, q.offset);
  return TRUE;
}

gboolean
rectify_cli_inspection_show (RectifyCli  *cli,
                             int          argc,
                             char       **argv,
                             GError     **error)
{
  RectifyStore *store = rectify_cli_parse_and_open (cli, NULL, _("ID"), 1, &argc, &argv, error);
  g_autoptr(RectifyInspection) inspection = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 id;

  if (store == NULL || !rectify_cli_parse_id (_("inspection id"), argv[1], &id, error))
    return FALSE;
  inspection = rectify_store_get_inspection (store, id, error);
  if (inspection == NULL)
    return FALSE;
  node = rectify_cli_inspection_to_json (inspection);
  rectify_cli_print_node (cli, node);
  return TRUE;
}
