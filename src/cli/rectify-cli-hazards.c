/* rectify-cli-hazards.c: hazard commands of rectify-cli, over rectify-workflow
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <inttypes.h>

#include "rectify-cli.h"
#include "rectify-cli-output.h"
#include "rectify-validate.h"
#include "rectify-workflow.h"

/* The options hazard add and hazard implement share: the implementations
 * and the officer who tracks the hazard. */
#define IMPLEMENTATION_ENTRIES(content, standard, measures, deadline, responsible, supervisor)         \
  { "content", 0, 0, G_OPTION_ARG_STRING, content, N_ ("What is wrong"), N_ ("TEXT") },                \
      { "standard",          0,        0,                                                              \
        G_OPTION_ARG_STRING, standard, N_ ("The provision or standard it violates"),                   \
        N_ ("TEXT") },                                                                                 \
      { "measures", 0, 0, G_OPTION_ARG_STRING, measures, N_ ("Rectification measures"), N_ ("TEXT") }, \
      { "deadline", 0, 0, G_OPTION_ARG_STRING, deadline, N_ ("Rectification deadline"), N_ ("DATE") }, \
      { "responsible",       0,           0,                                                           \
        G_OPTION_ARG_STRING, responsible, N_ ("Person responsible at the unit"),                       \
        N_ ("NAME") },                                                                                 \
  {                                                                                                    \
    "supervisor", 0, 0, G_OPTION_ARG_STRING, supervisor,                                               \
        N_ ("Officer who tracks it, by id or badge"), N_ ("OFFICER")                                   \
  }

gboolean
rectify_cli_hazard_add (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *unit = NULL;
  g_autofree char *inspection = NULL;
  g_autofree char *equipment = NULL;
  g_autofree char *category = NULL;
  g_autofree char *grade = NULL;
  g_autofree char *found = NULL;
  g_autofree char *content = NULL;
  g_autofree char *standard = NULL;
  g_autofree char *measures = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *responsible = NULL;
  g_autofree char *supervisor = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[]
      = { { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
            N_ ("The unit, by id or credit code (required)"), N_ ("UNIT") },
          { "inspection", 0, 0, G_OPTION_ARG_STRING, &inspection,
            N_ ("The inspection that found it"), N_ ("ID") },
          { "equipment", 0, 0, G_OPTION_ARG_STRING, &equipment, N_ ("The equipment concerned"),
            N_ ("ID") },
          { "category", 0, 0, G_OPTION_ARG_STRING, &category,
            N_ ("Hazard category code (required; see “hazard categories”)"), N_ ("CODE") },
          { "grade", 0, 0, G_OPTION_ARG_STRING, &grade, N_ ("general or major (required)"),
            N_ ("GRADE") },
          { "found", 0, 0, G_OPTION_ARG_STRING, &found,
            N_ ("Day it was found, YYYY-MM-DD (required)"), N_ ("DATE") },
          IMPLEMENTATION_ENTRIES (&content, &standard, &measures, &deadline, &responsible,
                                  &supervisor),
          { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_ ("Note for the registration event"),
            N_ ("TEXT") },
          G_OPTION_ENTRY_NULL };
  g_autoptr (RectifyHazard) hazard = rectify_hazard_new ();
  const char *grade_code;
  RectifyStore *store;

  if (!rectify_cli_parse (cli, entries, NULL, &argc, &argv, error)
      || !rectify_cli_expect_args (cli, argc, argv, 0, NULL, error)
      || !rectify_cli_require ("--unit", unit, error)
      || !rectify_cli_require ("--category", category, error)
      || !rectify_cli_require ("--grade", grade, error)
      || !rectify_cli_require ("--found", found, error)
      || !rectify_cli_parse_choice ("--grade", grade, rectify_grade_codes (), &grade_code, error)
      || !rectify_cli_parse_optional_id ("--inspection", inspection, &hazard->inspection_id, error)
      || !rectify_cli_parse_optional_id ("--equipment", equipment, &hazard->equipment_id, error))
    return FALSE;
  rectify_grade_from_code (grade_code, &hazard->grade);

  store = rectify_cli_open_store_unit (cli, unit, &hazard->unit_id, error);
  if (store == NULL
      || (supervisor && !rectify_cli_find_officer (cli, supervisor, &hazard->supervisor_id, error)))
    return FALSE;
  hazard->category = g_steal_pointer (&category);
  hazard->found_date = g_steal_pointer (&found);
  hazard->content = g_steal_pointer (&content);
  hazard->standard = g_steal_pointer (&standard);
  hazard->measures = g_steal_pointer (&measures);
  hazard->deadline = g_steal_pointer (&deadline);
  hazard->responsible = g_steal_pointer (&responsible);

  return rectify_cli_print_new_id (cli, rectify_workflow_register (store, hazard, note, error));
}

/* After a change: the hazard in JSON, or its new state in words. */
static gboolean
print_outcome (RectifyCli *cli, gint64 id, GError **error)
{
  g_autoptr (RectifyHazard) hazard = rectify_store_get_hazard (cli->store, id, error);
  g_autofree char *id_text = NULL;

  if (hazard == NULL)
    return FALSE;
  if (rectify_cli_print_if_json (cli, hazard, rectify_cli_hazard_to_json))
    return TRUE;
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_print (_ ("Hazard %s: %s\n"), id_text, rectify_hazard_status_to_label (hazard->status));
  return TRUE;
}

gboolean
rectify_cli_hazard_implement (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *content = NULL;
  g_autofree char *standard = NULL;
  g_autofree char *measures = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *responsible = NULL;
  g_autofree char *supervisor = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[]
      = { IMPLEMENTATION_ENTRIES (&content, &standard, &measures, &deadline, &responsible,
                                  &supervisor),
          { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_ ("Note for the event"), N_ ("TEXT") },
          G_OPTION_ENTRY_NULL };
  gint64 supervisor_id = 0;
  RectifyStore *store;
  gint64 id;

  if (!rectify_cli_parse_id_arg (cli, entries, _ ("ID"), _ ("hazard id"), &argc, &argv, &id, error)
      || !(store = rectify_cli_open_store (cli, FALSE, error))
      || (supervisor && !rectify_cli_find_officer (cli, supervisor, &supervisor_id, error))
      || !rectify_workflow_implement (store, id, content, standard, measures, deadline, responsible,
                                      supervisor_id, note, error))
    return FALSE;
  return print_outcome (cli, id, error);
}

typedef enum
{
  ACT_TRACK,
  ACT_IMMEDIATE,
  ACT_RECTIFY,
  ACT_CONFIRM,
  ACT_REJECT,
  ACT_ESCALATE,
} ActMode;

static gboolean
read_attachments (
    char **paths, GPtrArray *names, GPtrArray *mimes, GPtrArray *datas, GArray *out, GError **error)
{
  for (guint i = 0; paths && paths[i]; i++)
    {
      char *contents = NULL;
      gsize length = 0;
      g_autofree char *content_type = NULL;
      RectifyNewAttachment attachment;
      GBytes *bytes;

      if (!g_file_get_contents (paths[i], &contents, &length, error))
        {
          g_prefix_error (error, "--attach: ");
          return FALSE;
        }
      bytes = g_bytes_new_take (contents, length);
      content_type = g_content_type_guess (paths[i], (const guchar *)contents, length, NULL);
      g_ptr_array_add (names, g_path_get_basename (paths[i]));
      g_ptr_array_add (mimes, g_content_type_get_mime_type (content_type));
      g_ptr_array_add (datas, bytes);

      attachment.filename = g_ptr_array_index (names, names->len - 1);
      attachment.mime = g_ptr_array_index (mimes, mimes->len - 1);
      attachment.data = bytes;
      g_array_append_val (out, attachment);
    }
  return TRUE;
}

static gboolean
hazard_act (RectifyCli *cli, int argc, char **argv, ActMode mode, GError **error)
{
  static const char *const track_kinds[] = { "supervision", "rectification", "service", NULL };
  static const RectifyEventKind track_events[] = {
    RECTIFY_EVENT_TRACKING_SUPERVISION,
    RECTIFY_EVENT_TRACKING_RECTIFICATION,
    RECTIFY_EVENT_TRACKING_SERVICE,
  };
  static const char *const escalations[] = { "penalty", "stop-use", "report", NULL };
  static const RectifyHazardAction escalation_actions[] = {
    RECTIFY_ACTION_PENALTY,
    RECTIFY_ACTION_STOP_USE,
    RECTIFY_ACTION_MAJOR_REPORT,
  };
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  g_auto (GStrv) attach = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *escalation = NULL;
  GOptionEntry entries[5];
  guint n = 0;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) mimes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) datas = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr (GArray) attachments = g_array_new (FALSE, FALSE, sizeof (RectifyNewAttachment));
  RectifyHazardAction action = RECTIFY_ACTION_TRACK;
  RectifyEventKind track_kind = RECTIFY_EVENT_TRACKING_SUPERVISION;
  gboolean note_required = FALSE;
  RectifyStore *store;
  gint64 id;

  entries[n++] = (GOptionEntry){ "date",     0,
                                 0,          G_OPTION_ARG_STRING,
                                 &date,      N_ ("The day it happened (default: today)"),
                                 N_ ("DATE") };
  switch (mode)
    {
    case ACT_TRACK:
      entries[n++]
          = (GOptionEntry){ "kind",     0,
                            0,          G_OPTION_ARG_STRING,
                            &kind,      N_ ("supervision, rectification or service (required)"),
                            N_ ("KIND") };
      entries[n++] = (GOptionEntry){ "note",     0,
                                     0,          G_OPTION_ARG_STRING,
                                     &note,      N_ ("What was done or seen (required)"),
                                     N_ ("TEXT") };
      note_required = TRUE;
      break;
    case ACT_REJECT:
      action = RECTIFY_ACTION_REJECT;
      entries[n++]
          = (GOptionEntry){ "note",     0,
                            0,          G_OPTION_ARG_STRING,
                            &note,      N_ ("Why the rectification is not accepted (required)"),
                            N_ ("TEXT") };
      note_required = TRUE;
      break;
    case ACT_ESCALATE:
      entries[n++] = (GOptionEntry){ "action",
                                     0,
                                     0,
                                     G_OPTION_ARG_STRING,
                                     &escalation,
                                     N_ ("penalty, stop-use or report (required)"),
                                     N_ ("ACTION") };
      entries[n++] = (GOptionEntry){ "note",     0,
                                     0,          G_OPTION_ARG_STRING,
                                     &note,      N_ ("The decision, order or report (required)"),
                                     N_ ("TEXT") };
      note_required = TRUE;
      break;
    case ACT_IMMEDIATE:
    case ACT_RECTIFY:
    case ACT_CONFIRM:
      action = mode == ACT_IMMEDIATE ? RECTIFY_ACTION_IMMEDIATE
               : mode == ACT_RECTIFY ? RECTIFY_ACTION_RECTIFY
                                     : RECTIFY_ACTION_CONFIRM;
      entries[n++]
          = (GOptionEntry){ "note", 0, 0, G_OPTION_ARG_STRING, &note, N_ ("Note"), N_ ("TEXT") };
      break;
    default:
      g_assert_not_reached ();
    }
  entries[n++] = (GOptionEntry){ "attach",   0,
                                 0,          G_OPTION_ARG_FILENAME_ARRAY,
                                 &attach,    N_ ("Evidence: a PNG, JPEG or PDF file (repeatable)"),
                                 N_ ("FILE") };
  entries[n] = (GOptionEntry)G_OPTION_ENTRY_NULL;
  g_assert (n < G_N_ELEMENTS (entries));

  if (!rectify_cli_parse_id_arg (cli, entries, _ ("ID"), _ ("hazard id"), &argc, &argv, &id, error)
      || (note_required && !rectify_cli_require ("--note", note, error)))
    return FALSE;
  if (mode == ACT_TRACK)
    {
      const char *code;
      if (!rectify_cli_require ("--kind", kind, error)
          || !rectify_cli_parse_choice ("--kind", kind, track_kinds, &code, error))
        return FALSE;
      for (guint i = 0; track_kinds[i]; i++)
        if (code == track_kinds[i])
          track_kind = track_events[i];
    }
  if (mode == ACT_ESCALATE)
    {
      const char *code;
      if (!rectify_cli_require ("--action", escalation, error)
          || !rectify_cli_parse_choice ("--action", escalation, escalations, &code, error))
        return FALSE;
      for (guint i = 0; escalations[i]; i++)
        if (code == escalations[i])
          action = escalation_actions[i];
    }

  if (!read_attachments (attach, names, mimes, datas, attachments, error)
      || !(store = rectify_cli_open_store (cli, FALSE, error))
      || !rectify_workflow_act (store, id, action, track_kind, date, note,
                                (const RectifyNewAttachment *)attachments->data, attachments->len,
                                error))
    return FALSE;
  return print_outcome (cli, id, error);
}

gboolean
rectify_cli_hazard_track (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return hazard_act (cli, argc, argv, ACT_TRACK, error);
}

gboolean
rectify_cli_hazard_immediate (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return hazard_act (cli, argc, argv, ACT_IMMEDIATE, error);
}

gboolean
rectify_cli_hazard_rectify (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return hazard_act (cli, argc, argv, ACT_RECTIFY, error);
}

gboolean
rectify_cli_hazard_confirm (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return hazard_act (cli, argc, argv, ACT_CONFIRM, error);
}

gboolean
rectify_cli_hazard_reject (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return hazard_act (cli, argc, argv, ACT_REJECT, error);
}

gboolean
rectify_cli_hazard_escalate (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return hazard_act (cli, argc, argv, ACT_ESCALATE, error);
}

gboolean
rectify_cli_hazard_lift_stop_use (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr (RectifyEquipment) equipment = NULL;
  g_autoptr (RectifyHazard) hazard = NULL;
  RectifyStore *store;
  gint64 id;

  store = rectify_cli_parse_and_open_id (cli, NULL, _ ("ID"), _ ("hazard id"), &argc, &argv, &id,
                                         error);
  if (store == NULL || !rectify_workflow_lift_stop_use (store, id, error))
    return FALSE;
  hazard = rectify_store_get_hazard (store, id, error);
  if (hazard == NULL)
    return FALSE;
  equipment = rectify_store_get_equipment (store, hazard->equipment_id, error);
  if (equipment == NULL)
    return FALSE;
  if (!rectify_cli_print_if_json (cli, equipment, rectify_cli_equipment_to_json))
    g_print (
        _ ("Equipment %" PRId64 ": %s (the order to stop use of hazard %" PRId64 " is lifted)\n"),
        equipment->id, rectify_equipment_status_to_label (equipment->status), id);
  return TRUE;
}

static const RectifyCliColumn hazard_columns[] = { { "id", N_ ("ID") },
                                                   { "found_date", N_ ("Found") },
                                                   { "status", N_ ("Status") },
                                                   { "grade", N_ ("Grade") },
                                                   { "category", N_ ("Category") },
                                                   { "unit_name", N_ ("Unit") },
                                                   { "deadline", N_ ("Deadline") },
                                                   { NULL, NULL } };

gboolean
rectify_cli_hazard_list (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_auto (RectifyCliListOptions) opts = { 0 };
  g_autofree char *status = NULL;
  g_autofree char *grade = NULL;
  g_autofree char *category = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *unit = NULL;
  gboolean overdue = FALSE;
  const GOptionEntry entries[]
      = { { "status", 0, 0, G_OPTION_ARG_STRING, &status,
            N_ ("Only hazards in this state: open, rectifying, rectified or closed"),
            N_ ("STATUS") },
          { "grade", 0, 0, G_OPTION_ARG_STRING, &grade, N_ ("Only this grade: general or major"),
            N_ ("GRADE") },
          { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_ ("Only this hazard category code"),
            N_ ("CODE") },
          { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign, N_ ("Only hazards of this campaign"),
            N_ ("ID") },
          { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
            N_ ("Only hazards of this unit (id or credit code)"), N_ ("UNIT") },
          { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
            N_ ("Only hazards not closed whose deadline has passed"), NULL },
          G_OPTION_ENTRY_NULL };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  const char *status_code = NULL;
  const char *grade_code = NULL;
  RectifyStore *store;

  if (!rectify_cli_parse_list_query (cli, entries, &opts, TRUE, &q, &argc, &argv, error)
      || (status
          && !rectify_cli_parse_choice ("--status", status, rectify_hazard_status_codes (),
                                        &status_code, error))
      || (grade
          && !rectify_cli_parse_choice ("--grade", grade, rectify_grade_codes (), &grade_code,
                                        error))
      || !rectify_cli_parse_optional_id ("--campaign", campaign, &q.campaign_id, error)
      || !(store = rectify_cli_open_store_unit (cli, unit, &q.unit_id, error)))
    return FALSE;
  if (status_code)
    {
      RectifyHazardStatus s;
      rectify_hazard_status_from_code (status_code, &s);
      q.status = s;
    }
  if (grade_code)
    {
      RectifyHazardGrade g;
      rectify_grade_from_code (grade_code, &g);
      q.grade = g;
    }
  q.hazard_category = category;
  q.overdue = overdue;

  return rectify_cli_list_and_print (cli, store, &q, rectify_store_list_hazards,
                                     rectify_cli_hazard_to_json, hazard_columns, NULL, error);
}

gboolean
rectify_cli_hazard_show (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *as_of = NULL;
  const GOptionEntry entries[]
      = { { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
            N_ ("Count overdue days as of this day (default: today)"), N_ ("DATE") },
          G_OPTION_ENTRY_NULL };
  g_autoptr (RectifyHazard) hazard = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (JsonNode) node = NULL;
  JsonObject *object;
  JsonArray *array;
  RectifyStore *store;
  gint64 overdue_days = 0;
  gint64 id;

  if (!(store = rectify_cli_parse_and_open_id (cli, entries, _ ("ID"), _ ("hazard id"), &argc,
                                               &argv, &id, error)))
    return FALSE;
  if (as_of == NULL)
    as_of = rectify_today ();
  else if (!rectify_validate_date ("--as-of", as_of, error))
    return FALSE;

  hazard = rectify_store_get_hazard (store, id, error);
  if (hazard == NULL)
    return FALSE;
  events = rectify_store_list_hazard_events (store, id, error);
  if (events == NULL)
    return FALSE;
  missing = rectify_hazard_missing_five (hazard);
  if (rectify_hazard_is_overdue (hazard, as_of))
    overdue_days = rectify_date_diff (hazard->deadline, as_of);

  node = rectify_cli_hazard_to_json (hazard);
  object = json_node_get_object (node);

  array = json_array_new ();
  for (guint i = 0; i < missing->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (missing, i));
  json_object_set_array_member (object, "missing_implementations", array);
  json_object_set_int_member (object, "overdue_days", overdue_days);

  array = json_array_new ();
  for (guint i = 0; i < events->len; i++)
    json_array_add_element (array,
                            rectify_cli_hazard_event_to_json (g_ptr_array_index (events, i)));
  json_object_set_array_member (object, "events", array);

  rectify_cli_print_node (cli, node);
  return TRUE;
}

static const RectifyCliColumn category_columns[] = { { "code", N_ ("Code") },
                                                     { "name_en", N_ ("Name") },
                                                     { "name_zh", N_ ("Chinese name") },
                                                     { NULL, NULL } };

gboolean
rectify_cli_hazard_categories (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr (GPtrArray) categories = NULL;
  RectifyStore *store;

  if (!(store = rectify_cli_parse_and_open (cli, NULL, NULL, 0, &argc, &argv, error)))
    return FALSE;
  categories = rectify_store_list_hazard_categories (store, error);
  if (categories == NULL)
    return FALSE;
  rectify_cli_print_list (cli, categories, rectify_cli_hazard_category_to_json, category_columns,
                          NULL, categories->len, 0);
  return TRUE;
}
