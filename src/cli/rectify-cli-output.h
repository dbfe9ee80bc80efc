/* rectify-cli-output.h: records as JSON, and text derived from that JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rectify-cli.h"
#include "rectify-figures.h"

G_BEGIN_DECLS

/* One converter per record type; text output is derived from its node, so
 * --json and the text show the same fields.  Enumerations appear as their
 * stable codes, ids of 0 and unset dates as null. */
typedef JsonNode *(*RectifyCliToJson) (gconstpointer record);

JsonNode *rectify_cli_officer_to_json (gconstpointer record);
JsonNode *rectify_cli_campaign_to_json (gconstpointer record);
JsonNode *rectify_cli_unit_to_json (gconstpointer record);
JsonNode *rectify_cli_equipment_to_json (gconstpointer record);
JsonNode *rectify_cli_operator_to_json (gconstpointer record);
JsonNode *rectify_cli_inspection_to_json (gconstpointer record);
JsonNode *rectify_cli_hazard_to_json (gconstpointer record);
JsonNode *rectify_cli_hazard_event_to_json (gconstpointer record);
JsonNode *rectify_cli_hazard_category_to_json (gconstpointer record);
JsonNode *rectify_cli_document_to_json (gconstpointer record);
JsonNode *rectify_cli_figures_to_json (const RectifyFigures *figures);

/* A column of a text list: a member of the record's node. */
typedef struct
{
  const char *key;
  const char *title; /* N_() */
} RectifyCliColumn;

/* Pretty-printed JSON on stdout. */
void rectify_cli_print_json (JsonNode *node);
/* An object: JSON with --json, else "key: value" lines (nested objects and
 * lists of objects indented). */
void rectify_cli_print_node (RectifyCli *cli, JsonNode *node);
/* One page of a list.  JSON: {"total", "offset", "count", "items"}; text:
 * aligned columns, then how many match.  omit (NULL-terminated, or NULL)
 * names members the store leaves empty in list rows, so that they are not
 * shown as if the record had none.  records NULL (the store failed and set
 * the error): prints nothing and returns FALSE, so that a list command can
 * end with it. */
gboolean rectify_cli_print_list (RectifyCli *cli,
                                 GPtrArray *records,
                                 RectifyCliToJson to_json,
                                 const RectifyCliColumn *columns,
                                 const char *const *omit,
                                 gint64 total,
                                 gint64 offset);
/* A store's list: rectify_store_list_units and the like. */
typedef GPtrArray *(*RectifyCliListFunc) (RectifyStore *store,
                                          const RectifyQuery *q,
                                          gint64 *total,
                                          GError **error);
/* The end of a list command: the page q asks for from list, then
 * rectify_cli_print_list. */
gboolean rectify_cli_list_and_print (RectifyCli *cli,
                                     RectifyStore *store,
                                     const RectifyQuery *q,
                                     RectifyCliListFunc list,
                                     RectifyCliToJson to_json,
                                     const RectifyCliColumn *columns,
                                     const char *const *omit,
                                     GError **error);
/* The same for nodes already built (JsonNode objects). */
void rectify_cli_print_nodes (RectifyCli *cli,
                              GPtrArray *nodes,
                              const RectifyCliColumn *columns,
                              gint64 total,
                              gint64 offset);
/* The id of a new record: {"id": N} or the bare number. */
void rectify_cli_print_id (RectifyCli *cli, gint64 id);
/* The end of an add command: FALSE for an id <= 0 (the store failed and
 * set the error), else rectify_cli_print_id and TRUE. */
gboolean rectify_cli_print_new_id (RectifyCli *cli, gint64 id);
/* {"key": id} as JSON, e.g. {"deleted": 3}. */
void rectify_cli_print_json_id (const char *key, gint64 id);
/* The end of a show command: FALSE for a NULL record (the store failed and
 * set the error), else the record through to_json and
 * rectify_cli_print_node; the record is freed with free_func. */
gboolean rectify_cli_print_record (RectifyCli *cli,
                                   gpointer record,
                                   RectifyCliToJson to_json,
                                   GDestroyNotify free_func);

/* With --json: the record through to_json as JSON, and TRUE; without:
 * nothing and FALSE, so that the caller prints its own text. */
gboolean
rectify_cli_print_if_json (RectifyCli *cli, gconstpointer record, RectifyCliToJson to_json);

/* A store getter: rectify_store_get_campaign and the like. */
typedef gpointer (*RectifyCliGetFunc) (RectifyStore *store, gint64 id, GError **error);
/* A whole "show ID" command: rectify_cli_parse_and_open_id (what names the
 * id in messages, e.g. "campaign id"), then get and
 * rectify_cli_print_record. */
gboolean rectify_cli_show_by_id (RectifyCli *cli,
                                 int argc,
                                 char **argv,
                                 const char *what,
                                 RectifyCliGetFunc get,
                                 RectifyCliToJson to_json,
                                 GDestroyNotify free_func,
                                 GError **error);

/* Columns the text takes in a terminal (CJK characters take two). */
gsize rectify_cli_display_width (const char *text);

/* For commands that build their own object. */
void rectify_cli_builder_add_id (JsonBuilder *builder, const char *key, gint64 id);
void rectify_cli_builder_add_text (JsonBuilder *builder, const char *key, const char *text);
void rectify_cli_builder_add_date (JsonBuilder *builder, const char *key, const char *date);
void rectify_cli_builder_add_int (JsonBuilder *builder, const char *key, gint64 value);

G_END_DECLS
