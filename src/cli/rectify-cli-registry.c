/* rectify-cli-registry.c: officer, campaign, unit, equipment and operator commands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-cli.h"
#include "rectify-cli-output.h"

/* ---- small tables, filtered here ----------------------------------------- */

/* Officers and campaigns are a few dozen rows that the store returns whole;
 * search, sort and paging work on their JSON nodes. */

static gboolean
node_matches (JsonNode *node, const char *words)
{
  JsonObject *object = json_node_get_object (node);
  g_autofree char *haystack = NULL;
  g_autoptr (GString) s = g_string_new (NULL);
  g_auto (GStrv) needles = NULL;
  GList *members = json_object_get_members (object);

  for (GList *l = members; l; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        g_string_append_printf (s, "%s\n", json_node_get_string (value));
    }
  g_list_free (members);

  haystack = g_utf8_casefold (s->str, -1);
  needles = g_strsplit_set (words, " \t", -1);
  for (guint i = 0; needles[i]; i++)
    {
      g_autofree char *needle = g_utf8_casefold (needles[i], -1);
      if (*needle && strstr (haystack, needle) == NULL)
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char *key;
  gboolean descending;
} SortSpec;

static int
compare_nodes (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const SortSpec *spec = user_data;
  JsonNode *na = json_object_get_member (json_node_get_object (*(JsonNode **)a), spec->key);
  JsonNode *nb = json_object_get_member (json_node_get_object (*(JsonNode **)b), spec->key);
  int result;

  if (JSON_NODE_HOLDS_NULL (na) || JSON_NODE_HOLDS_NULL (nb))
    result = (int)JSON_NODE_HOLDS_NULL (nb) - (int)JSON_NODE_HOLDS_NULL (na);
  else if (json_node_get_value_type (na) == G_TYPE_STRING)
    result = g_utf8_collate (json_node_get_string (na), json_node_get_string (nb));
  else
    {
      gint64 ia = json_node_get_int (na), ib = json_node_get_int (nb);
      result = ia < ib ? -1 : ia > ib;
    }
  return spec->descending ? -result : result;
}

static gboolean
print_small_list (RectifyCli *cli,
                  GPtrArray *records,
                  RectifyCliToJson to_json,
                  const RectifyCliColumn *columns,
                  const char *const *sort_keys,
                  const RectifyCliListOptions *opts,
                  GError **error)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr (GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  g_autoptr (GPtrArray) page = g_ptr_array_new ();
  SortSpec spec = { "id", FALSE };

  if (!rectify_cli_list_options_apply (opts, &q, error))
    return FALSE;
  if (q.sort)
    {
      /* The same refusal as the lists the store sorts. */
      g_autoptr (GError) local_error = NULL;

      if (!rectify_cli_parse_choice ("--sort", q.sort, sort_keys, &spec.key, &local_error))
        {
          g_autofree char *keys = rectify_codes_joined (sort_keys);
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("Sort: unknown column “%s”; use one of %s"), q.sort, keys);
          return FALSE;
        }
    }
  spec.descending = q.descending;

  for (guint i = 0; i < records->len; i++)
    {
      JsonNode *node = to_json (g_ptr_array_index (records, i));
      if (q.search == NULL || node_matches (node, q.search))
        g_ptr_array_add (nodes, node);
      else
        json_node_unref (node);
    }
  g_ptr_array_sort_with_data (nodes, compare_nodes, &spec);

  for (gint64 i = q.offset; i < (gint64)nodes->len && (q.limit == 0 || i < q.offset + q.limit); i++)
    g_ptr_array_add (page, g_ptr_array_index (nodes, i));

  rectify_cli_print_nodes (cli, page, columns, nodes->len, q.offset);
  return TRUE;
}

/* Parsing then the checks of required options, before the database. */
static RectifyStore *
open_checked (RectifyCli *cli, gboolean ok, GError **error)
{
  return ok ? rectify_cli_open_store (cli, FALSE, error) : NULL;
}

/* ---- officers ------------------------------------------------------------ */

gboolean
rectify_cli_officer_add (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *badge = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  gboolean inactive = FALSE;
  const GOptionEntry entries[]
      = { { "badge", 0, 0, G_OPTION_ARG_STRING, &badge,
            N_ ("Law-enforcement certificate number (unique; required)"), N_ ("BADGE") },
          { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("Full name (required)"), N_ ("NAME") },
          { "role", 0, 0, G_OPTION_ARG_STRING, &role,
            N_ ("officer, manager or archivist (default: officer)"), N_ ("ROLE") },
          { "inactive", 0, 0, G_OPTION_ARG_NONE, &inactive,
            N_ ("Record the officer as no longer active"), NULL },
          G_OPTION_ENTRY_NULL };
  RectifyOfficer officer = { .role = RECTIFY_ROLE_OFFICER };
  const char *code;
  RectifyStore *store;

  store = open_checked (
      cli,
      rectify_cli_parse (cli, entries, NULL, &argc, &argv, error)
          && rectify_cli_expect_args (cli, argc, argv, 0, NULL, error)
          && rectify_cli_require ("--badge", badge, error)
          && rectify_cli_require ("--name", name, error)
          && (role == NULL
              || rectify_cli_parse_choice ("--role", role, rectify_role_codes (), &code, error)),
      error);
  if (store == NULL)
    return FALSE;
  if (role)
    rectify_role_from_code (code, &officer.role);
  officer.badge = badge;
  officer.name = name;
  officer.active = !inactive;

  return rectify_cli_print_new_id (cli, rectify_store_add_officer (store, &officer, error));
}

static const RectifyCliColumn officer_columns[]
    = { { "id", N_ ("ID") },     { "badge", N_ ("Badge") },   { "name", N_ ("Name") },
        { "role", N_ ("Role") }, { "active", N_ ("Active") }, { NULL, NULL } };

gboolean
rectify_cli_officer_list (RectifyCli *cli, int argc, char **argv, GError **error)
{
  static const char *const sort_keys[] = { "id", "badge", "name", "role", NULL };
  g_auto (RectifyCliListOptions) opts = { 0 };
  g_autoptr (GPtrArray) officers = NULL;
  RectifyStore *store;

  if (!rectify_cli_parse_list (cli, NULL, &opts, FALSE, &argc, &argv, error)
      || !(store = rectify_cli_open_store (cli, FALSE, error)))
    return FALSE;
  officers = rectify_store_list_officers (store, error);
  if (officers == NULL)
    return FALSE;
  return print_small_list (cli, officers, rectify_cli_officer_to_json, officer_columns, sort_keys,
                           &opts, error);
}

gboolean
rectify_cli_officer_show (RectifyCli *cli, int argc, char **argv, GError **error)
{
  RectifyStore *store;
  gint64 id;

  store = rectify_cli_parse_and_open (cli, NULL, _ ("ID|BADGE"), 1, &argc, &argv, error);

  if (store == NULL || !rectify_cli_find_officer (cli, argv[1], &id, error))
    return FALSE;
  return rectify_cli_print_record (cli, rectify_store_get_officer (store, id, error),
                                   rectify_cli_officer_to_json,
                                   (GDestroyNotify)rectify_officer_free);
}

/* ---- campaigns ----------------------------------------------------------- */

gboolean
rectify_cli_campaign_add (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *start = NULL;
  g_autofree char *days = NULL;
  g_autofree char *head = NULL;
  g_autofree char *deputy = NULL;
  g_auto (GStrv) members = NULL;
  g_autofree char *work_plan = NULL;
  g_auto (GStrv) industries = NULL;
  g_auto (GStrv) links = NULL;
  g_auto (GStrv) areas = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("Name of the campaign (required)"),
      N_ ("NAME") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_ ("First day, YYYY-MM-DD (required)"),
      N_ ("DATE") },
    { "days", 0, 0, G_OPTION_ARG_STRING, &days, N_ ("Length in days (default: 100)"), N_ ("N") },
    { "head", 0, 0, G_OPTION_ARG_STRING, &head, N_ ("Head of the leading group"), N_ ("OFFICER") },
    { "deputy", 0, 0, G_OPTION_ARG_STRING, &deputy, N_ ("Deputy head of the leading group"),
      N_ ("OFFICER") },
    { "member", 0, 0, G_OPTION_ARG_STRING_ARRAY, &members,
      N_ ("Member of the leading group (repeatable)"), N_ ("OFFICER") },
    { "work-plan", 0, 0, G_OPTION_ARG_STRING, &work_plan, N_ ("Text of the work plan"),
      N_ ("TEXT") },
    { "key-industry", 0, 0, G_OPTION_ARG_STRING_ARRAY, &industries,
      N_ ("Key industry (repeatable)"), N_ ("TEXT") },
    { "key-link", 0, 0, G_OPTION_ARG_STRING_ARRAY, &links, N_ ("Key link (repeatable)"),
      N_ ("TEXT") },
    { "key-area", 0, 0, G_OPTION_ARG_STRING_ARRAY, &areas, N_ ("Key area (repeatable)"),
      N_ ("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (RectifyCampaign) campaign = rectify_campaign_new ();
  gint64 n_days = 100;
  RectifyStore *store;

  store = open_checked (
      cli,
      rectify_cli_parse (cli, entries, NULL, &argc, &argv, error)
          && rectify_cli_expect_args (cli, argc, argv, 0, NULL, error)
          && rectify_cli_require ("--name", name, error)
          && rectify_cli_require ("--start", start, error)
          && (days == NULL || rectify_cli_parse_int ("--days", days, 1, G_MAXINT, &n_days, error)),
      error);
  if (store == NULL)
    return FALSE;

  campaign->name = g_strdup (name);
  campaign->start_date = g_strdup (start);
  campaign->days = (int)n_days;
  campaign->work_plan = g_strdup (work_plan);
  campaign->key_industries = rectify_cli_join_lines (industries);
  campaign->key_links = rectify_cli_join_lines (links);
  campaign->key_areas = rectify_cli_join_lines (areas);
  if ((head && !rectify_cli_find_officer (cli, head, &campaign->head_id, error))
      || (deputy && !rectify_cli_find_officer (cli, deputy, &campaign->deputy_id, error)))
    return FALSE;
  if (!rectify_cli_find_officers (cli, members, campaign->member_ids, error))
    return FALSE;

  return rectify_cli_print_new_id (cli, rectify_store_add_campaign (store, campaign, error));
}

static const RectifyCliColumn campaign_columns[]
    = { { "id", N_ ("ID") },        { "name", N_ ("Name") },     { "start_date", N_ ("Start") },
        { "end_date", N_ ("End") }, { "status", N_ ("Status") }, { NULL, NULL } };

gboolean
rectify_cli_campaign_list (RectifyCli *cli, int argc, char **argv, GError **error)
{
  static const char *const sort_keys[] = { "id", "name", "start_date", "end_date", "status", NULL };
  g_auto (RectifyCliListOptions) opts = { 0 };
  g_autofree char *status = NULL;
  const GOptionEntry entries[]
      = { { "status", 0, 0, G_OPTION_ARG_STRING, &status,
            N_ ("Only campaigns in this state: active or archived"), N_ ("STATUS") },
          G_OPTION_ENTRY_NULL };
  g_autoptr (GPtrArray) campaigns = NULL;
  RectifyCampaignStatus wanted = RECTIFY_CAMPAIGN_ACTIVE;
  const char *code;
  RectifyStore *store;

  if (!rectify_cli_parse_list (cli, entries, &opts, FALSE, &argc, &argv, error)
      || (status
          && !rectify_cli_parse_choice ("--status", status, rectify_campaign_status_codes (), &code,
                                        error))
      || !(store = rectify_cli_open_store (cli, FALSE, error)))
    return FALSE;
  if (status)
    rectify_campaign_status_from_code (code, &wanted);

  campaigns = rectify_store_list_campaigns (store, error);
  if (campaigns == NULL)
    return FALSE;
  for (guint i = campaigns->len; status && i > 0; i--)
    {
      const RectifyCampaign *campaign = g_ptr_array_index (campaigns, i - 1);
      if (campaign->status != wanted)
        g_ptr_array_remove_index (campaigns, i - 1);
    }
  return print_small_list (cli, campaigns, rectify_cli_campaign_to_json, campaign_columns,
                           sort_keys, &opts, error);
}

gboolean
rectify_cli_campaign_show (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return rectify_cli_show_by_id (
      cli, argc, argv, _ ("campaign id"), (RectifyCliGetFunc)rectify_store_get_campaign,
      rectify_cli_campaign_to_json, (GDestroyNotify)rectify_campaign_free, error);
}

/* ---- units --------------------------------------------------------------- */

gboolean
rectify_cli_unit_add (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *credit_code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *district = NULL;
  g_autofree char *industry = NULL;
  gboolean crowded = FALSE;
  g_autofree char *legal_rep = NULL;
  g_autofree char *safety_manager = NULL;
  g_autofree char *phone = NULL;
  const GOptionEntry entries[]
      = { { "credit-code", 0, 0, G_OPTION_ARG_STRING, &credit_code,
            N_ ("Unified social credit code, 18 characters (required)"), N_ ("CODE") },
          { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("Name of the unit (required)"),
            N_ ("NAME") },
          { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_ ("Address"), N_ ("TEXT") },
          { "district", 0, 0, G_OPTION_ARG_STRING, &district, N_ ("District"), N_ ("TEXT") },
          { "industry", 0, 0, G_OPTION_ARG_STRING, &industry, N_ ("Industry"), N_ ("TEXT") },
          { "crowded", 0, 0, G_OPTION_ARG_NONE, &crowded,
            N_ ("The unit is a densely populated public place"), NULL },
          { "legal-rep", 0, 0, G_OPTION_ARG_STRING, &legal_rep,
            N_ ("Legal representative (first person responsible)"), N_ ("NAME") },
          { "safety-manager", 0, 0, G_OPTION_ARG_STRING, &safety_manager, N_ ("Safety manager"),
            N_ ("NAME") },
          { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_ ("Telephone"), N_ ("NUMBER") },
          G_OPTION_ENTRY_NULL };
  RectifyStore *store;

  store = open_checked (cli,
                        rectify_cli_parse (cli, entries, NULL, &argc, &argv, error)
                            && rectify_cli_expect_args (cli, argc, argv, 0, NULL, error)
                            && rectify_cli_require ("--credit-code", credit_code, error)
                            && rectify_cli_require ("--name", name, error),
                        error);
  if (store == NULL)
    return FALSE;

  const RectifyUnit unit = {
    .credit_code = credit_code,
    .name = name,
    .address = address,
    .district = district,
    .industry = industry,
    .crowded = crowded,
    .legal_rep = legal_rep,
    .safety_manager = safety_manager,
    .phone = phone,
  };
  return rectify_cli_print_new_id (cli, rectify_store_add_unit (store, &unit, error));
}

static const RectifyCliColumn unit_columns[] = { { "id", N_ ("ID") },
                                                 { "credit_code", N_ ("Credit code") },
                                                 { "name", N_ ("Name") },
                                                 { "district", N_ ("District") },
                                                 { "industry", N_ ("Industry") },
                                                 { "crowded", N_ ("Crowded") },
                                                 { NULL, NULL } };

gboolean
rectify_cli_unit_list (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_auto (RectifyCliListOptions) opts = { 0 };
  g_autofree char *district = NULL;
  g_autofree char *industry = NULL;
  gboolean crowded = FALSE;
  gboolean not_crowded = FALSE;
  const GOptionEntry entries[] = { { "district", 0, 0, G_OPTION_ARG_STRING, &district,
                                     N_ ("Only units in this district"), N_ ("TEXT") },
                                   { "industry", 0, 0, G_OPTION_ARG_STRING, &industry,
                                     N_ ("Only units of this industry"), N_ ("TEXT") },
                                   { "crowded", 0, 0, G_OPTION_ARG_NONE, &crowded,
                                     N_ ("Only densely populated public places"), NULL },
                                   { "not-crowded", 0, 0, G_OPTION_ARG_NONE, &not_crowded,
                                     N_ ("Only units that are not crowded places"), NULL },
                                   G_OPTION_ENTRY_NULL };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  RectifyStore *store;

  if (!rectify_cli_parse_list_query (cli, entries, &opts, FALSE, &q, &argc, &argv, error))
    return FALSE;
  if (crowded && not_crowded)
    return rectify_cli_usage_error (error, _ ("--crowded and --not-crowded exclude each other"));
  if (!(store = rectify_cli_open_store (cli, FALSE, error)))
    return FALSE;
  q.district = district;
  q.industry = industry;
  q.crowded = crowded ? 1 : not_crowded ? 0 : -1;

  return rectify_cli_list_and_print (cli, store, &q, rectify_store_list_units,
                                     rectify_cli_unit_to_json, unit_columns, NULL, error);
}

gboolean
rectify_cli_unit_show (RectifyCli *cli, int argc, char **argv, GError **error)
{
  RectifyStore *store;
  gint64 id;

  store = rectify_cli_parse_and_open (cli, NULL, _ ("ID|CREDITCODE"), 1, &argc, &argv, error);

  if (store == NULL || !rectify_cli_find_unit (cli, argv[1], &id, error))
    return FALSE;
  return rectify_cli_print_record (cli, rectify_store_get_unit (store, id, error),
                                   rectify_cli_unit_to_json, (GDestroyNotify)rectify_unit_free);
}

/* ---- equipment ----------------------------------------------------------- */

gboolean
rectify_cli_equipment_add (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *unit = NULL;
  g_autofree char *category = NULL;
  g_autofree char *code = NULL;
  g_autofree char *reg_cert = NULL;
  g_autofree char *variety = NULL;
  g_autofree char *location = NULL;
  g_autofree char *status = NULL;
  g_autofree char *registered_user = NULL;
  g_autofree char *quantity = NULL;
  g_autofree char *last_inspection = NULL;
  g_autofree char *next_inspection = NULL;
  g_autofree char *postponed_until = NULL;
  const GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
      N_ ("The unit that uses it, by id or credit code (required)"), N_ ("UNIT") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category,
      N_ ("Catalogue code or name, e.g. 3000 or elevator (required)"), N_ ("CATEGORY") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &code,
      N_ ("Equipment code (18 digits) or registration code (20 digits)"), N_ ("CODE") },
    { "reg-cert", 0, 0, G_OPTION_ARG_STRING, &reg_cert, N_ ("Use-registration certificate number"),
      N_ ("TEXT") },
    { "variety", 0, 0, G_OPTION_ARG_STRING, &variety, N_ ("Variety, model or kind"), N_ ("TEXT") },
    { "location", 0, 0, G_OPTION_ARG_STRING, &location, N_ ("Where it is installed"), N_ ("TEXT") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_ ("Use status (default: in_use)"),
      N_ ("STATUS") },
    { "registered-user", 0, 0, G_OPTION_ARG_STRING, &registered_user,
      N_ ("User name on the registration"), N_ ("NAME") },
    { "quantity", 0, 0, G_OPTION_ARG_STRING, &quantity,
      N_ ("Number of gas cylinders counted in bulk (default: 1)"), N_ ("N") },
    { "last-inspection", 0, 0, G_OPTION_ARG_STRING, &last_inspection,
      N_ ("Date of the last periodic inspection"), N_ ("DATE") },
    { "next-inspection", 0, 0, G_OPTION_ARG_STRING, &next_inspection,
      N_ ("Date the next periodic inspection is due"), N_ ("DATE") },
    { "postponed-until", 0, 0, G_OPTION_ARG_STRING, &postponed_until,
      N_ ("Approved postponement of the periodic inspection"), N_ ("DATE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (RectifyEquipment) equipment = rectify_equipment_new ();
  gint64 n = 1;
  const char *status_code;
  RectifyStore *store;

  store = open_checked (
      cli,
      rectify_cli_parse (cli, entries, NULL, &argc, &argv, error)
          && rectify_cli_expect_args (cli, argc, argv, 0, NULL, error)
          && rectify_cli_require ("--unit", unit, error)
          && rectify_cli_require ("--category", category, error)
          && rectify_cli_parse_category ("--category", category, &equipment->category, error)
          && (status == NULL
              || rectify_cli_parse_choice ("--status", status, rectify_equipment_status_codes (),
                                           &status_code, error))
          && (quantity == NULL
              || rectify_cli_parse_int ("--quantity", quantity, 1, G_MAXINT, &n, error)),
      error);
  if (store == NULL || !rectify_cli_find_unit (cli, unit, &equipment->unit_id, error))
    return FALSE;
  if (status)
    rectify_equipment_status_from_code (status_code, &equipment->status);
  equipment->quantity = (int)n;
  equipment->code = g_steal_pointer (&code);
  equipment->reg_cert = g_steal_pointer (&reg_cert);
  equipment->variety = g_steal_pointer (&variety);
  equipment->location = g_steal_pointer (&location);
  equipment->registered_user = g_steal_pointer (&registered_user);
  equipment->last_inspection = g_steal_pointer (&last_inspection);
  equipment->next_inspection = g_steal_pointer (&next_inspection);
  equipment->postponed_until = g_steal_pointer (&postponed_until);

  return rectify_cli_print_new_id (cli, rectify_store_add_equipment (store, equipment, error));
}

static const RectifyCliColumn equipment_columns[] = { { "id", N_ ("ID") },
                                                      { "category", N_ ("Category") },
                                                      { "code", N_ ("Code") },
                                                      { "unit_name", N_ ("Unit") },
                                                      { "location", N_ ("Location") },
                                                      { "status", N_ ("Status") },
                                                      { "quantity", N_ ("Qty") },
                                                      { "next_inspection", N_ ("Next inspection") },
                                                      { NULL, NULL } };

gboolean
rectify_cli_equipment_list (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_auto (RectifyCliListOptions) opts = { 0 };
  g_autofree char *category = NULL;
  g_autofree char *status = NULL;
  g_autofree char *unit = NULL;
  gboolean inspection_overdue = FALSE;
  gboolean user_differs = FALSE;
  const GOptionEntry entries[]
      = { { "category", 0, 0, G_OPTION_ARG_STRING, &category,
            N_ ("Only this category (code or name)"), N_ ("CATEGORY") },
          { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_ ("Only this use status"),
            N_ ("STATUS") },
          { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
            N_ ("Only the equipment of this unit (id or credit code)"), N_ ("UNIT") },
          { "inspection-overdue", 0, 0, G_OPTION_ARG_NONE, &inspection_overdue,
            N_ ("Only equipment whose periodic inspection is missing or overdue"), NULL },
          { "user-differs", 0, 0, G_OPTION_ARG_NONE, &user_differs,
            N_ ("Only equipment registered to another user name than the unit’s"), NULL },
          G_OPTION_ENTRY_NULL };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  RectifyCategory cat;
  const char *status_code;
  RectifyStore *store;

  if (!rectify_cli_parse_list_query (cli, entries, &opts, TRUE, &q, &argc, &argv, error)
      || (category && !rectify_cli_parse_category ("--category", category, &cat, error))
      || (status
          && !rectify_cli_parse_choice ("--status", status, rectify_equipment_status_codes (),
                                        &status_code, error))
      || !(store = rectify_cli_open_store_unit (cli, unit, &q.unit_id, error)))
    return FALSE;
  if (category)
    q.category = cat;
  if (status)
    {
      RectifyEquipmentStatus s;
      rectify_equipment_status_from_code (status_code, &s);
      q.status = s;
    }
  q.inspection_overdue = inspection_overdue;
  q.user_differs = user_differs;

  return rectify_cli_list_and_print (cli, store, &q, rectify_store_list_equipment,
                                     rectify_cli_equipment_to_json, equipment_columns, NULL, error);
}

gboolean
rectify_cli_equipment_show (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return rectify_cli_show_by_id (
      cli, argc, argv, _ ("equipment id"), (RectifyCliGetFunc)rectify_store_get_equipment,
      rectify_cli_equipment_to_json, (GDestroyNotify)rectify_equipment_free, error);
}

/* ---- operators ----------------------------------------------------------- */

gboolean
rectify_cli_operator_add (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *unit = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *cert_no = NULL;
  g_autofree char *cert_category = NULL;
  g_autofree char *cert_expiry = NULL;
  const GOptionEntry entries[]
      = { { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
            N_ ("The employing unit, by id or credit code (required)"), N_ ("UNIT") },
          { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("Full name (required)"), N_ ("NAME") },
          { "id-number", 0, 0, G_OPTION_ARG_STRING, &id_number, N_ ("Resident ID number"),
            N_ ("NUMBER") },
          { "cert-no", 0, 0, G_OPTION_ARG_STRING, &cert_no, N_ ("Operator certificate number"),
            N_ ("TEXT") },
          { "cert-category", 0, 0, G_OPTION_ARG_STRING, &cert_category,
            N_ ("Category of the certificate"), N_ ("TEXT") },
          { "cert-expiry", 0, 0, G_OPTION_ARG_STRING, &cert_expiry,
            N_ ("Date the certificate expires"), N_ ("DATE") },
          G_OPTION_ENTRY_NULL };
  RectifyOperator op = { 0 };
  RectifyStore *store;

  store = open_checked (cli,
                        rectify_cli_parse (cli, entries, NULL, &argc, &argv, error)
                            && rectify_cli_expect_args (cli, argc, argv, 0, NULL, error)
                            && rectify_cli_require ("--unit", unit, error)
                            && rectify_cli_require ("--name", name, error),
                        error);
  if (store == NULL || !rectify_cli_find_unit (cli, unit, &op.unit_id, error))
    return FALSE;
  op.name = name;
  op.id_number = id_number;
  op.cert_no = cert_no;
  op.cert_category = cert_category;
  op.cert_expiry = cert_expiry;

  return rectify_cli_print_new_id (cli, rectify_store_add_operator (store, &op, error));
}

static const RectifyCliColumn operator_columns[] = { { "id", N_ ("ID") },
                                                     { "name", N_ ("Name") },
                                                     { "unit_name", N_ ("Unit") },
                                                     { "cert_no", N_ ("Certificate") },
                                                     { "cert_category", N_ ("Category") },
                                                     { "cert_expiry", N_ ("Expiry") },
                                                     { NULL, NULL } };

gboolean
rectify_cli_operator_list (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_auto (RectifyCliListOptions) opts = { 0 };
  g_autofree char *unit = NULL;
  gboolean licence_expired = FALSE;
  const GOptionEntry entries[]
      = { { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
            N_ ("Only the operators of this unit (id or credit code)"), N_ ("UNIT") },
          { "licence-expired", 0, 0, G_OPTION_ARG_NONE, &licence_expired,
            N_ ("Only operators whose certificate has expired"), NULL },
          G_OPTION_ENTRY_NULL };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  RectifyStore *store;

  if (!rectify_cli_parse_list_query (cli, entries, &opts, TRUE, &q, &argc, &argv, error)
      || !(store = rectify_cli_open_store_unit (cli, unit, &q.unit_id, error)))
    return FALSE;
  q.licence_expired = licence_expired;

  return rectify_cli_list_and_print (cli, store, &q, rectify_store_list_operators,
                                     rectify_cli_operator_to_json, operator_columns, NULL, error);
}

gboolean
rectify_cli_operator_show (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return rectify_cli_show_by_id (
      cli, argc, argv, _ ("operator id"), (RectifyCliGetFunc)rectify_store_get_operator,
      rectify_cli_operator_to_json, (GDestroyNotify)rectify_operator_free, error);
}

/* ---- edits: what is not given stays as it is ------------------------------ */

/* *field becomes value when it is given ("" empties it). */
static void
take_text (char **field, const char *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

/* A flag and its opposite: -1 when neither is given. */
static gboolean
parse_flag_pair (
    gboolean yes, const char *yes_name, gboolean no, const char *no_name, int *out, GError **error)
{
  if (yes && no)
    return rectify_cli_usage_error (error, _ ("%s and %s exclude each other"), yes_name, no_name);
  *out = yes ? 1 : no ? 0 : -1;
  return TRUE;
}

/* An officer option of an edit: "" names nobody (0). */
static gboolean
find_officer_or_none (RectifyCli *cli, const char *text, gint64 *out, GError **error)
{
  if (text == NULL)
    return TRUE;
  if (*text == '\0')
    {
      *out = 0;
      return TRUE;
    }
  return rectify_cli_find_officer (cli, text, out, error);
}

gboolean
rectify_cli_officer_edit (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *badge = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  gboolean active = FALSE;
  gboolean inactive = FALSE;
  const GOptionEntry entries[] = {
    { "badge", 0, 0, G_OPTION_ARG_STRING, &badge,
      N_ ("Law-enforcement certificate number (unique)"), N_ ("BADGE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("Full name"), N_ ("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_ ("officer, manager or archivist"), N_ ("ROLE") },
    { "active", 0, 0, G_OPTION_ARG_NONE, &active, N_ ("Record the officer as active again"), NULL },
    { "inactive", 0, 0, G_OPTION_ARG_NONE, &inactive, N_ ("Record the officer as no longer active"),
      NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (RectifyOfficer) officer = NULL;
  const char *code = NULL;
  RectifyStore *store;
  int flag = -1;
  gint64 id;

  store = open_checked (
      cli,
      rectify_cli_parse (cli, entries, _ ("ID|BADGE"), &argc, &argv, error)
          && rectify_cli_expect_args (cli, argc, argv, 1, _ ("ID|BADGE"), error)
          && parse_flag_pair (active, "--active", inactive, "--inactive", &flag, error)
          && (role == NULL
              || rectify_cli_parse_choice ("--role", role, rectify_role_codes (), &code, error)),
      error);
  if (store == NULL || !rectify_cli_find_officer (cli, argv[1], &id, error)
      || !(officer = rectify_store_get_officer (store, id, error)))
    return FALSE;
  take_text (&officer->badge, badge);
  take_text (&officer->name, name);
  if (code)
    rectify_role_from_code (code, &officer->role);
  if (flag >= 0)
    officer->active = flag;

  if (!rectify_store_update_officer (store, officer, error))
    return FALSE;
  return rectify_cli_print_record (cli, rectify_store_get_officer (store, id, error),
                                   rectify_cli_officer_to_json,
                                   (GDestroyNotify)rectify_officer_free);
}

gboolean
rectify_cli_campaign_edit (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *start = NULL;
  g_autofree char *days = NULL;
  g_autofree char *head = NULL;
  g_autofree char *deputy = NULL;
  g_auto (GStrv) members = NULL;
  gboolean no_members = FALSE;
  g_autofree char *work_plan = NULL;
  g_auto (GStrv) industries = NULL;
  g_auto (GStrv) links = NULL;
  g_auto (GStrv) areas = NULL;
  const GOptionEntry entries[]
      = { { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("Name of the campaign"), N_ ("NAME") },
          { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_ ("First day, YYYY-MM-DD"), N_ ("DATE") },
          { "days", 0, 0, G_OPTION_ARG_STRING, &days, N_ ("Length in days"), N_ ("N") },
          { "head", 0, 0, G_OPTION_ARG_STRING, &head,
            N_ ("Head of the leading group (\"\" for none)"), N_ ("OFFICER") },
          { "deputy", 0, 0, G_OPTION_ARG_STRING, &deputy,
            N_ ("Deputy head of the leading group (\"\" for none)"), N_ ("OFFICER") },
          { "member", 0, 0, G_OPTION_ARG_STRING_ARRAY, &members,
            N_ ("Member of the leading group (repeatable; replaces the members)"), N_ ("OFFICER") },
          { "no-members", 0, 0, G_OPTION_ARG_NONE, &no_members,
            N_ ("The leading group has no other members"), NULL },
          { "work-plan", 0, 0, G_OPTION_ARG_STRING, &work_plan, N_ ("Text of the work plan"),
            N_ ("TEXT") },
          { "key-industry", 0, 0, G_OPTION_ARG_STRING_ARRAY, &industries,
            N_ ("Key industry (repeatable; replaces the list)"), N_ ("TEXT") },
          { "key-link", 0, 0, G_OPTION_ARG_STRING_ARRAY, &links,
            N_ ("Key link (repeatable; replaces the list)"), N_ ("TEXT") },
          { "key-area", 0, 0, G_OPTION_ARG_STRING_ARRAY, &areas,
            N_ ("Key area (repeatable; replaces the list)"), N_ ("TEXT") },
          G_OPTION_ENTRY_NULL };
  g_autoptr (RectifyCampaign) campaign = NULL;
  gint64 n_days = 0;
  RectifyStore *store;
  gint64 id;

  store = rectify_cli_parse_and_open_id (cli, entries, _ ("ID"), _ ("campaign id"), &argc, &argv,
                                         &id, error);
  if (store == NULL)
    return FALSE;
  if (members && no_members)
    return rectify_cli_usage_error (error, _ ("%s and %s exclude each other"), "--member",
                                    "--no-members");
  if (days && !rectify_cli_parse_int ("--days", days, 1, G_MAXINT, &n_days, error))
    return FALSE;
  campaign = rectify_store_get_campaign (store, id, error);
  if (campaign == NULL)
    return FALSE;
  take_text (&campaign->name, name);
  take_text (&campaign->start_date, start);
  if (days)
    campaign->days = (int)n_days;
  take_text (&campaign->work_plan, work_plan);
  if (industries)
    {
      g_free (campaign->key_industries);
      campaign->key_industries = rectify_cli_join_lines (industries);
    }
  if (links)
    {
      g_free (campaign->key_links);
      campaign->key_links = rectify_cli_join_lines (links);
    }
  if (areas)
    {
      g_free (campaign->key_areas);
      campaign->key_areas = rectify_cli_join_lines (areas);
    }
  if (!find_officer_or_none (cli, head, &campaign->head_id, error)
      || !find_officer_or_none (cli, deputy, &campaign->deputy_id, error))
    return FALSE;
  if (members || no_members)
    g_array_set_size (campaign->member_ids, 0);
  if (!rectify_cli_find_officers (cli, members, campaign->member_ids, error))
    return FALSE;

  if (!rectify_store_update_campaign (store, campaign, error))
    return FALSE;
  return rectify_cli_print_record (cli, rectify_store_get_campaign (store, id, error),
                                   rectify_cli_campaign_to_json,
                                   (GDestroyNotify)rectify_campaign_free);
}

gboolean
rectify_cli_unit_edit (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *credit_code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *district = NULL;
  g_autofree char *industry = NULL;
  gboolean crowded = FALSE;
  gboolean not_crowded = FALSE;
  g_autofree char *legal_rep = NULL;
  g_autofree char *safety_manager = NULL;
  g_autofree char *phone = NULL;
  const GOptionEntry entries[]
      = { { "credit-code", 0, 0, G_OPTION_ARG_STRING, &credit_code,
            N_ ("Unified social credit code, 18 characters"), N_ ("CODE") },
          { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("Name of the unit"), N_ ("NAME") },
          { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_ ("Address"), N_ ("TEXT") },
          { "district", 0, 0, G_OPTION_ARG_STRING, &district, N_ ("District"), N_ ("TEXT") },
          { "industry", 0, 0, G_OPTION_ARG_STRING, &industry, N_ ("Industry"), N_ ("TEXT") },
          { "crowded", 0, 0, G_OPTION_ARG_NONE, &crowded,
            N_ ("The unit is a densely populated public place"), NULL },
          { "not-crowded", 0, 0, G_OPTION_ARG_NONE, &not_crowded,
            N_ ("The unit is not a densely populated public place"), NULL },
          { "legal-rep", 0, 0, G_OPTION_ARG_STRING, &legal_rep,
            N_ ("Legal representative (first person responsible)"), N_ ("NAME") },
          { "safety-manager", 0, 0, G_OPTION_ARG_STRING, &safety_manager, N_ ("Safety manager"),
            N_ ("NAME") },
          { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_ ("Telephone"), N_ ("NUMBER") },
          G_OPTION_ENTRY_NULL };
  g_autoptr (RectifyUnit) unit = NULL;
  RectifyStore *store;
  int flag = -1;
  gint64 id;

  store = open_checked (
      cli,
      rectify_cli_parse (cli, entries, _ ("ID|CREDITCODE"), &argc, &argv, error)
          && rectify_cli_expect_args (cli, argc, argv, 1, _ ("ID|CREDITCODE"), error)
          && parse_flag_pair (crowded, "--crowded", not_crowded, "--not-crowded", &flag, error),
      error);
  if (store == NULL || !rectify_cli_find_unit (cli, argv[1], &id, error)
      || !(unit = rectify_store_get_unit (store, id, error)))
    return FALSE;
  take_text (&unit->credit_code, credit_code);
  take_text (&unit->name, name);
  take_text (&unit->address, address);
  take_text (&unit->district, district);
  take_text (&unit->industry, industry);
  if (flag >= 0)
    unit->crowded = flag;
  take_text (&unit->legal_rep, legal_rep);
  take_text (&unit->safety_manager, safety_manager);
  take_text (&unit->phone, phone);

  if (!rectify_store_update_unit (store, unit, error))
    return FALSE;
  return rectify_cli_print_record (cli, rectify_store_get_unit (store, id, error),
                                   rectify_cli_unit_to_json, (GDestroyNotify)rectify_unit_free);
}

gboolean
rectify_cli_equipment_edit (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *unit = NULL;
  g_autofree char *category = NULL;
  g_autofree char *code = NULL;
  g_autofree char *reg_cert = NULL;
  g_autofree char *variety = NULL;
  g_autofree char *location = NULL;
  g_autofree char *status = NULL;
  g_autofree char *registered_user = NULL;
  g_autofree char *quantity = NULL;
  g_autofree char *last_inspection = NULL;
  g_autofree char *next_inspection = NULL;
  g_autofree char *postponed_until = NULL;
  const GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_ ("The unit that uses it, by id or credit code"),
      N_ ("UNIT") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category,
      N_ ("Catalogue code or name, e.g. 3000 or elevator"), N_ ("CATEGORY") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &code,
      N_ ("Equipment code (18 digits) or registration code (20 digits)"), N_ ("CODE") },
    { "reg-cert", 0, 0, G_OPTION_ARG_STRING, &reg_cert, N_ ("Use-registration certificate number"),
      N_ ("TEXT") },
    { "variety", 0, 0, G_OPTION_ARG_STRING, &variety, N_ ("Variety, model or kind"), N_ ("TEXT") },
    { "location", 0, 0, G_OPTION_ARG_STRING, &location, N_ ("Where it is installed"), N_ ("TEXT") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_ ("Use status"), N_ ("STATUS") },
    { "registered-user", 0, 0, G_OPTION_ARG_STRING, &registered_user,
      N_ ("User name on the registration"), N_ ("NAME") },
    { "quantity", 0, 0, G_OPTION_ARG_STRING, &quantity,
      N_ ("Number of gas cylinders counted in bulk"), N_ ("N") },
    { "last-inspection", 0, 0, G_OPTION_ARG_STRING, &last_inspection,
      N_ ("Date of the last periodic inspection (\"\" for none)"), N_ ("DATE") },
    { "next-inspection", 0, 0, G_OPTION_ARG_STRING, &next_inspection,
      N_ ("Date the next periodic inspection is due (\"\" for none)"), N_ ("DATE") },
    { "postponed-until", 0, 0, G_OPTION_ARG_STRING, &postponed_until,
      N_ ("Approved postponement of the periodic inspection (\"\" for none)"), N_ ("DATE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (RectifyEquipment) equipment = NULL;
  RectifyCategory cat = 0;
  const char *status_code = NULL;
  gint64 n = 0;
  RectifyStore *store;
  gint64 id;

  store = open_checked (
      cli,
      rectify_cli_parse (cli, entries, _ ("ID"), &argc, &argv, error)
          && rectify_cli_expect_args (cli, argc, argv, 1, _ ("ID"), error)
          && rectify_cli_parse_id (_ ("equipment id"), argv[1], &id, error)
          && (category == NULL || rectify_cli_parse_category ("--category", category, &cat, error))
          && (status == NULL
              || rectify_cli_parse_choice ("--status", status, rectify_equipment_status_codes (),
                                           &status_code, error))
          && (quantity == NULL
              || rectify_cli_parse_int ("--quantity", quantity, 1, G_MAXINT, &n, error)),
      error);
  if (store == NULL || !(equipment = rectify_store_get_equipment (store, id, error)))
    return FALSE;
  if (unit && !rectify_cli_find_unit (cli, unit, &equipment->unit_id, error))
    return FALSE;
  if (category)
    equipment->category = cat;
  if (status_code)
    rectify_equipment_status_from_code (status_code, &equipment->status);
  if (quantity)
    equipment->quantity = (int)n;
  take_text (&equipment->code, code);
  take_text (&equipment->reg_cert, reg_cert);
  take_text (&equipment->variety, variety);
  take_text (&equipment->location, location);
  take_text (&equipment->registered_user, registered_user);
  take_text (&equipment->last_inspection, last_inspection);
  take_text (&equipment->next_inspection, next_inspection);
  take_text (&equipment->postponed_until, postponed_until);

  if (!rectify_store_update_equipment (store, equipment, error))
    return FALSE;
  return rectify_cli_print_record (cli, rectify_store_get_equipment (store, id, error),
                                   rectify_cli_equipment_to_json,
                                   (GDestroyNotify)rectify_equipment_free);
}
