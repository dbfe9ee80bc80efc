/* rectify-cli-output.c: records as JSON, and text derived from that JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rectify-cli-output.h"
#include "rectify-validate.h"

/* Wider cells are cut, so that one long address does not break the table. */
#define MAX_CELL_WIDTH 40

/* ---- building ------------------------------------------------------------ */

void
rectify_cli_builder_add_id (JsonBuilder *builder, const char *key, gint64 id)
{
  json_builder_set_member_name (builder, key);
  if (id > 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}

void
rectify_cli_builder_add_text (JsonBuilder *builder, const char *key, const char *text)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, text ? text : "");
}

void
rectify_cli_builder_add_date (JsonBuilder *builder, const char *key, const char *date)
{
  json_builder_set_member_name (builder, key);
  if (date && *date)
    json_builder_add_string_value (builder, date);
  else
    json_builder_add_null_value (builder);
}

void
rectify_cli_builder_add_int (JsonBuilder *builder, const char *key, gint64 value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder, const char *key, gboolean value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value);
}

static void
add_code (JsonBuilder *builder, const char *key, const char *code)
{
  json_builder_set_member_name (builder, key);
  if (code)
    json_builder_add_string_value (builder, code);
  else
    json_builder_add_null_value (builder);
}

/* Lists kept one item a line become arrays. */
static void
add_lines (JsonBuilder *builder, const char *key, const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i])
        json_builder_add_string_value (builder, lines[i]);
    }
  json_builder_end_array (builder);
}

static void
add_ids (JsonBuilder *builder, const char *key, const GArray *ids)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; ids && i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, i));
  json_builder_end_array (builder);
}

JsonNode *
rectify_cli_officer_to_json (gconstpointer record)
{
  const RectifyOfficer *officer = record;
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rectify_cli_builder_add_id (b, "id", officer->id);
  rectify_cli_builder_add_text (b, "badge", officer->badge);
  rectify_cli_builder_add_text (b, "name", officer->name);
  add_code (b, "role", rectify_role_to_code (officer->role));
  add_bool (b, "active", officer->active);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
rectify_cli_campaign_to_json (gconstpointer record)
{
  const RectifyCampaign *campaign = record;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree char *end_date = NULL;

  if (campaign->start_date && *campaign->start_date)
    end_date = rectify_campaign_end_date (campaign);

  json_builder_begin_object (b);
  rectify_cli_builder_add_id (b, "id", campaign->id);
  rectify_cli_builder_add_text (b, "name", campaign->name);
  add_code (b, "status", rectify_campaign_status_to_code (campaign->status));
  rectify_cli_builder_add_date (b, "start_date", campaign->start_date);
  rectify_cli_builder_add_int (b, "days", campaign->days);
  rectify_cli_builder_add_date (b, "end_date", end_date);
  rectify_cli_builder_add_id (b, "head_id", campaign->head_id);
  rectify_cli_builder_add_id (b, "deputy_id", campaign->deputy_id);
  add_ids (b, "member_ids", campaign->member_ids);
  rectify_cli_builder_add_text (b, "work_plan", campaign->work_plan);
  add_lines (b, "key_industries", campaign->key_industries);
  add_lines (b, "key_links", campaign->key_links);
  add_lines (b, "key_areas", campaign->key_areas);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
rectify_cli_unit_to_json (gconstpointer record)
{
  const RectifyUnit *unit = record;
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rectify_cli_builder_add_id (b, "id", unit->id);
  rectify_cli_builder_add_text (b, "credit_code", unit->credit_code);
  rectify_cli_builder_add_text (b, "name", unit->name);
  rectify_cli_builder_add_text (b, "address", unit->address);
  rectify_cli_builder_add_text (b, "district", unit->district);
  rectify_cli_builder_add_text (b, "industry", unit->industry);
  add_bool (b, "crowded", unit->crowded);
  rectify_cli_builder_add_text (b, "legal_rep", unit->legal_rep);
  rectify_cli_builder_add_text (b, "safety_manager", unit->safety_manager);
  rectify_cli_builder_add_text (b, "phone", unit->phone);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
rectify_cli_equipment_to_json (gconstpointer record)
{
  const RectifyEquipment *equipment = record;
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rectify_cli_builder_add_id (b, "id", equipment->id);
  rectify_cli_builder_add_id (b, "unit_id", equipment->unit_id);
  rectify_cli_builder_add_text (b, "unit_name", equipment->unit_name);
  rectify_cli_builder_add_int (b, "category", equipment->category);
  rectify_cli_builder_add_text (b, "code", equipment->code);
  rectify_cli_builder_add_text (b, "reg_cert", equipment->reg_cert);
  rectify_cli_builder_add_text (b, "variety", equipment->variety);
  rectify_cli_builder_add_text (b, "location", equipment->location);
  add_code (b, "status", rectify_equipment_status_to_code (equipment->status));
  rectify_cli_builder_add_text (b, "registered_user", equipment->registered_user);
  rectify_cli_builder_add_int (b, "quantity", equipment->quantity);
  rectify_cli_builder_add_date (b, "last_inspection", equipment->last_inspection);
  rectify_cli_builder_add_date (b, "next_inspection", equipment->next_inspection);
  rectify_cli_builder_add_date (b, "postponed_until", equipment->postponed_until);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
rectify_cli_operator_to_json (gconstpointer record)
{
  const RectifyOperator *op = record;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  /* Personal data: the ID number is shown masked, everywhere. */
  g_autofree char *masked
      = op->id_number && *op->id_number ? rectify_mask_id_number (op->id_number) : g_strdup ("");

  json_builder_begin_object (b);
  rectify_cli_builder_add_id (b, "id", op->id);
  rectify_cli_builder_add_id (b, "unit_id", op->unit_id);
  rectify_cli_builder_add_text (b, "unit_name", op->unit_name);
  rectify_cli_builder_add_text (b, "name", op->name);
  rectify_cli_builder_add_text (b, "id_number", masked);
  rectify_cli_builder_add_text (b, "cert_no", op->cert_no);
  rectify_cli_builder_add_text (b, "cert_category", op->cert_category);
  rectify_cli_builder_add_date (b, "cert_expiry", op->cert_expiry);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
rectify_cli_inspection_to_json (gconstpointer record)
{
  const RectifyInspection *inspection = record;
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rectify_cli_builder_add_id (b, "id", inspection->id);
  add_code (b, "kind", rectify_inspection_kind_to_code (inspection->kind));
  rectify_cli_builder_add_date (b, "date", inspection->date);
  rectify_cli_builder_add_id (b, "unit_id", inspection->unit_id);
  rectify_cli_builder_add_text (b, "unit_name", inspection->unit_name);
  rectify_cli_builder_add_id (b, "campaign_id", inspection->campaign_id);
  add_ids (b, "officer_ids", inspection->officer_ids);

  json_builder_set_member_name (b, "equipment");
  json_builder_begin_array (b);
  for (guint i = 0; inspection->equipment && i < inspection->equipment->len; i++)
    {
      const RectifyCheckedEquipment *e;

      e = &g_array_index (inspection->equipment, RectifyCheckedEquipment, i);
      json_builder_begin_object (b);
      rectify_cli_builder_add_id (b, "equipment_id", e->equipment_id);
      rectify_cli_builder_add_int (b, "quantity", e->quantity);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "checks");
  json_builder_begin_array (b);
  for (guint i = 0; inspection->checks && i < inspection->checks->len; i++)
    {
      const RectifyCheck *c = &g_array_index (inspection->checks, RectifyCheck, i);
      json_builder_begin_object (b);
      add_code (b, "item", rectify_check_item_to_code (c->item));
      add_code (b, "result", rectify_check_result_to_code (c->result));
      rectify_cli_builder_add_text (b, "remark", c->remark);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  rectify_cli_builder_add_text (b, "note", inspection->note);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
rectify_cli_hazard_to_json (gconstpointer record)
{
  const RectifyHazard *hazard = record;
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rectify_cli_builder_add_id (b, "id", hazard->id);
  add_code (b, "status", rectify_hazard_status_to_code (hazard->status));
  add_code (b, "grade", rectify_grade_to_code (hazard->grade));
  rectify_cli_builder_add_text (b, "category", hazard->category);
  rectify_cli_builder_add_id (b, "unit_id", hazard->unit_id);
  rectify_cli_builder_add_text (b, "unit_name", hazard->unit_name);
  rectify_cli_builder_add_id (b, "equipment_id", hazard->equipment_id);
  rectify_cli_builder_add_id (b, "inspection_id", hazard->inspection_id);
  rectify_cli_builder_add_id (b, "campaign_id", hazard->campaign_id);
  rectify_cli_builder_add_date (b, "found_date", hazard->found_date);
  rectify_cli_builder_add_text (b, "content", hazard->content);
  rectify_cli_builder_add_text (b, "standard", hazard->standard);
  rectify_cli_builder_add_text (b, "measures", hazard->measures);
  rectify_cli_builder_add_date (b, "deadline", hazard->deadline);
  rectify_cli_builder_add_text (b, "responsible", hazard->responsible);
  rectify_cli_builder_add_id (b, "supervisor_id", hazard->supervisor_id);
  rectify_cli_builder_add_date (b, "closed_date", hazard->closed_date);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
rectify_cli_hazard_event_to_json (gconstpointer record)
{
  const RectifyHazardEvent *event = record;
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rectify_cli_builder_add_id (b, "id", event->id);
  add_code (b, "kind", rectify_event_kind_to_code (event->kind));
  rectify_cli_builder_add_date (b, "date", event->date);
  rectify_cli_builder_add_id (b, "officer_id", event->officer_id);
  rectify_cli_builder_add_text (b, "officer_name", event->officer_name);
  rectify_cli_builder_add_text (b, "created_at", event->created_at);
  rectify_cli_builder_add_text (b, "note", event->note);
  json_builder_set_member_name (b, "attachments");
  json_builder_begin_array (b);
  for (guint i = 0; event->attachments && i < event->attachments->len; i++)
    {
      const RectifyAttachment *a = g_ptr_array_index (event->attachments, i);
      json_builder_begin_object (b);
      rectify_cli_builder_add_id (b, "id", a->id);
      rectify_cli_builder_add_text (b, "filename", a->filename);
      rectify_cli_builder_add_text (b, "mime", a->mime);
      rectify_cli_builder_add_int (b, "size", a->size);
      rectify_cli_builder_add_text (b, "sha256", a->sha256);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
rectify_cli_hazard_category_to_json (gconstpointer record)
{
  const RectifyHazardCategory *category = record;
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rectify_cli_builder_add_text (b, "code", category->code);
  rectify_cli_builder_add_text (b, "name_en", category->name_en);
  rectify_cli_builder_add_text (b, "name_zh", category->name_zh);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
rectify_cli_document_to_json (gconstpointer record)
{
  const RectifyDocument *doc = record;
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rectify_cli_builder_add_id (b, "id", doc->id);
  add_code (b, "kind", rectify_document_kind_to_code (doc->kind));
  rectify_cli_builder_add_text (b, "number", doc->number);
  rectify_cli_builder_add_int (b, "year", doc->year);
  rectify_cli_builder_add_int (b, "seq", doc->seq);
  add_code (b, "status", rectify_document_status_to_code (doc->status));
  rectify_cli_builder_add_id (b, "unit_id", doc->unit_id);
  rectify_cli_builder_add_text (b, "unit_name", doc->unit_name);
  rectify_cli_builder_add_id (b, "campaign_id", doc->campaign_id);
  rectify_cli_builder_add_date (b, "issued_date", doc->issued_date);
  rectify_cli_builder_add_id (b, "officer_id", doc->officer_id);
  add_ids (b, "hazard_ids", doc->hazard_ids);
  json_builder_set_member_name (b, "void_reason");
  if (doc->void_reason && *doc->void_reason)
    json_builder_add_string_value (b, doc->void_reason);
  else
    json_builder_add_null_value (b);
  rectify_cli_builder_add_date (b, "void_date", doc->void_date);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
add_figure_rows (JsonBuilder *b, const char *key, GPtrArray *rows)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; rows && i < rows->len; i++)
    {
      const RectifyFigureRow *row = g_ptr_array_index (rows, i);
      json_builder_begin_object (b);
      rectify_cli_builder_add_text (b, "code", row->code);
      rectify_cli_builder_add_text (b, "label", row->label);
      rectify_cli_builder_add_int (b, "count", row->count);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

JsonNode *
rectify_cli_figures_to_json (const RectifyFigures *f)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree char *rate = rectify_figures_format_rate (f->rectification_rate);

  json_builder_begin_object (b);
  rectify_cli_builder_add_id (b, "campaign_id", f->campaign_id);
  rectify_cli_builder_add_date (b, "as_of", f->as_of);
  rectify_cli_builder_add_int (b, "officer_person_times", f->officer_person_times);
  rectify_cli_builder_add_int (b, "unit_inspections", f->unit_inspections);
  rectify_cli_builder_add_int (b, "distinct_units", f->distinct_units);
  rectify_cli_builder_add_int (b, "equipment_checks", f->equipment_checks);
  rectify_cli_builder_add_int (b, "self_inspections", f->self_inspections);
  rectify_cli_builder_add_int (b, "back_checks", f->back_checks);
  rectify_cli_builder_add_int (b, "hazards_found", f->hazards_found);
  rectify_cli_builder_add_int (b, "hazards_general", f->hazards_general);
  rectify_cli_builder_add_int (b, "hazards_major", f->hazards_major);
  rectify_cli_builder_add_int (b, "hazards_closed", f->hazards_closed);
  rectify_cli_builder_add_int (b, "hazards_overdue", f->hazards_overdue);
  json_builder_set_member_name (b, "rectification_rate");
  json_builder_add_double_value (b, f->rectification_rate);
  rectify_cli_builder_add_text (b, "rectification_rate_text", rate);
  rectify_cli_builder_add_int (b, "instruction_letters", f->instruction_letters);
  rectify_cli_builder_add_int (b, "rectification_opinions", f->rectification_opinions);
  add_figure_rows (b, "hazards_by_category", f->hazards_by_category);
  add_figure_rows (b, "checks_by_equipment_category", f->checks_by_equipment_category);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ---- printing ------------------------------------------------------------ */

void
rectify_cli_print_json (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  /* JSON is UTF-8 whatever the locale. */
  fputs (text, stdout);
  fputs ("\n", stdout);
  fflush (stdout);
}

static char *
scalar_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("-");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? _ ("yes") : _ ("no"));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%g", json_node_get_double (node));
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    default:
      return g_strdup ("");
    }
}

static gboolean
array_holds_objects (JsonArray *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
      return TRUE;
  return FALSE;
}

/* Scalars and arrays of scalars, on one line. */
static char *
inline_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      GString *s = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *item = inline_text (json_array_get_element (array, i));
          g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", item);
        }
      return g_string_free (s, FALSE);
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup ("…");
  return scalar_text (node);
}

static void append_object (GString *out, JsonObject *object, int indent, gboolean list_item);

static void
append_member (GString *out, const char *key, JsonNode *value, int indent)
{
  if (JSON_NODE_HOLDS_OBJECT (value))
    {
      g_string_append_printf (out, "%s:\n", key);
      append_object (out, json_node_get_object (value), indent + 2, FALSE);
    }
  else if (JSON_NODE_HOLDS_ARRAY (value) && array_holds_objects (json_node_get_array (value)))
    {
      JsonArray *array = json_node_get_array (value);

      g_string_append_printf (out, "%s:\n", key);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            append_object (out, json_node_get_object (element), indent + 4, TRUE);
          else
            {
              g_autofree char *text = inline_text (element);
              g_string_append_printf (out, "%*s- %s\n", indent + 2, "", text);
            }
        }
    }
  else
    {
      g_autofree char *text = inline_text (value);
      g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

      if (*text == '\0')
        {
          g_string_append_printf (out, "%s:\n", key);
          return;
        }
      g_string_append_printf (out, "%s: %s\n", key, lines[0]);
      /* Continuation lines of a multi-line text stay under their key. */
      for (guint i = 1; lines[i]; i++)
        g_string_append_printf (out, "%*s%s\n", indent + 2, "", lines[i]);
    }
}

static void
append_object (GString *out, JsonObject *object, int indent, gboolean list_item)
{
  GList *members = json_object_get_members (object);

  for (GList *l = members; l; l = l->next)
    {
      const char *key = l->data;

      if (list_item && l == members)
        g_string_append_printf (out, "%*s- ", indent - 2, "");
      else
        g_string_append_printf (out, "%*s", indent, "");
      append_member (out, key, json_object_get_member (object, key), indent);
    }
  g_list_free (members);
}

void
rectify_cli_print_node (RectifyCli *cli, JsonNode *node)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (cli->json)
    {
      rectify_cli_print_json (node);
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    append_object (out, json_node_get_object (node), 0, FALSE);
  else
    {
      g_autofree char *text = inline_text (node);
      g_string_append_printf (out, "%s\n", text);
    }
  g_print ("%s", out->str);
}

void
rectify_cli_print_json_id (const char *key, gint64 id)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) node = NULL;

  json_builder_begin_object (b);
  rectify_cli_builder_add_id (b, key, id);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  rectify_cli_print_json (node);
}

void
rectify_cli_print_id (RectifyCli *cli, gint64 id)
{
  if (cli->json)
    {
      rectify_cli_print_json_id ("id", id);
      return;
    }
  g_print ("%" G_GINT64_FORMAT "\n", id);
}

gboolean
rectify_cli_print_new_id (RectifyCli *cli, gint64 id)
{
  if (id <= 0)
    return FALSE;
  rectify_cli_print_id (cli, id);
  return TRUE;
}

gboolean
rectify_cli_print_record (RectifyCli *cli,
                          gpointer record,
                          RectifyCliToJson to_json,
                          GDestroyNotify free_func)
{
  g_autoptr (JsonNode) node = NULL;

  if (record == NULL)
    return FALSE;
  node = to_json (record);
  free_func (record);
  rectify_cli_print_node (cli, node);
  return TRUE;
}

gboolean
rectify_cli_print_if_json (RectifyCli *cli, gconstpointer record, RectifyCliToJson to_json)
{
  g_autoptr (JsonNode) node = NULL;

  if (!cli->json)
    return FALSE;
  node = to_json (record);
  rectify_cli_print_json (node);
  return TRUE;
}

gboolean
rectify_cli_show_by_id (RectifyCli *cli,
                        int argc,
                        char **argv,
                        const char *what,
                        RectifyCliGetFunc get,
                        RectifyCliToJson to_json,
                        GDestroyNotify free_func,
                        GError **error)
{
  gint64 id;
  RectifyStore *store
      = rectify_cli_parse_and_open_id (cli, NULL, _ ("ID"), what, &argc, &argv, &id, error);

  if (store == NULL)
    return FALSE;
  return rectify_cli_print_record (cli, get (store, id, error), to_json, free_func);
}

/* Columns a character takes in a terminal: CJK characters take two. */
gsize
rectify_cli_display_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static char *
cell_text (JsonNode *node)
{
  g_autofree char *text = NULL;
  GString *s;
  gsize width = 0;

  if (node == NULL)
    return g_strdup ("");
  text = inline_text (node);
  g_strdelimit (text, "\r\n\t", ' ');
  if (rectify_cli_display_width (text) <= MAX_CELL_WIDTH)
    return g_steal_pointer (&text);

  s = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize w = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

      if (width + w > MAX_CELL_WIDTH - 1)
        break;
      g_string_append_unichar (s, c);
      width += w;
    }
  g_string_append (s, "…");
  return g_string_free (s, FALSE);
}

static void
append_padded (GString *out, const char *text, gsize width, gboolean last)
{
  g_string_append (out, text);
  if (last)
    return;
  for (gsize w = rectify_cli_display_width (text); w < width + 2; w++)
    g_string_append_c (out, ' ');
}

static void
print_table (GPtrArray *nodes, const RectifyCliColumn *columns, gint64 total, gint64 offset)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree gsize *widths = NULL;
  g_autofree char *total_text = g_strdup_printf ("%" G_GINT64_FORMAT, total);
  guint n_columns = 0;

  while (columns[n_columns].key)
    n_columns++;
  widths = g_new0 (gsize, n_columns);

  for (guint c = 0; c < n_columns; c++)
    widths[c] = rectify_cli_display_width (_ (columns[c].title));
  for (guint r = 0; r < nodes->len; r++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (nodes, r));

      for (guint c = 0; c < n_columns; c++)
        {
          char *text = cell_text (json_object_get_member (object, columns[c].key));
          widths[c] = MAX (widths[c], rectify_cli_display_width (text));
          g_ptr_array_add (cells, text);
        }
    }

  if (nodes->len > 0)
    {
      for (guint c = 0; c < n_columns; c++)
        append_padded (out, _ (columns[c].title), widths[c], c + 1 == n_columns);
      g_string_append_c (out, '\n');
      for (guint r = 0; r < nodes->len; r++)
        {
          for (guint c = 0; c < n_columns; c++)
            append_padded (out, g_ptr_array_index (cells, r * n_columns + c), widths[c],
                           c + 1 == n_columns);
          g_string_append_c (out, '\n');
        }
    }

  if (nodes->len == 0 && total > 0)
    g_string_append_printf (out, _ ("No records on this page; %s match.\n"), total_text);
  else if (total == 0)
    g_string_append (out, _ ("No matching records.\n"));
  else
    {
      g_autofree char *first = g_strdup_printf ("%" G_GINT64_FORMAT, offset + 1);
      g_autofree char *last = g_strdup_printf ("%" G_GINT64_FORMAT, offset + nodes->len);
      g_string_append_printf (out, _ ("Records %s–%s of %s matching.\n"), first, last, total_text);
    }
  g_print ("%s", out->str);
}

void
rectify_cli_print_nodes (
    RectifyCli *cli, GPtrArray *nodes, const RectifyCliColumn *columns, gint64 total, gint64 offset)
{
  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_object (b);
      rectify_cli_builder_add_int (b, "total", total);
      rectify_cli_builder_add_int (b, "offset", offset);
      rectify_cli_builder_add_int (b, "count", nodes->len);
      json_builder_set_member_name (b, "items");
      json_builder_begin_array (b);
      for (guint i = 0; i < nodes->len; i++)
        json_builder_add_value (b, json_node_ref (g_ptr_array_index (nodes, i)));
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      rectify_cli_print_json (root);
      return;
    }
  print_table (nodes, columns, total, offset);
}

gboolean
rectify_cli_print_list (RectifyCli *cli,
                        GPtrArray *records,
                        RectifyCliToJson to_json,
                        const RectifyCliColumn *columns,
                        const char *const *omit,
                        gint64 total,
                        gint64 offset)
{
  g_autoptr (GPtrArray) nodes = NULL;

  if (records == NULL)
    return FALSE;
  nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  for (guint i = 0; i < records->len; i++)
    {
      JsonNode *node = to_json (g_ptr_array_index (records, i));

      for (guint j = 0; omit && omit[j]; j++)
        json_object_remove_member (json_node_get_object (node), omit[j]);
      g_ptr_array_add (nodes, node);
    }
  rectify_cli_print_nodes (cli, nodes, columns, total, offset);
  return TRUE;
}

gboolean
rectify_cli_list_and_print (RectifyCli *cli,
                            RectifyStore *store,
                            const RectifyQuery *q,
                            RectifyCliListFunc list,
                            RectifyCliToJson to_json,
                            const RectifyCliColumn *columns,
                            const char *const *omit,
                            GError **error)
{
  g_autoptr (GPtrArray) records = NULL;
  gint64 total = 0;

  records = list (store, q, &total, error);
  return rectify_cli_print_list (cli, records, to_json, columns, omit, total, q->offset);
}
