/* rectify-cli-exchange.c: import, export and restore commands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "rectify-backup.h"
#include "rectify-cli.h"
#include "rectify-cli-output.h"
#include "rectify-export.h"
#include "rectify-import.h"
#include "rectify-validate.h"

/* Problems printed without --json before "and N more". */
#define SHOWN_PROBLEMS 50

static JsonNode *
report_to_json (const RectifyImportReport *r, gboolean dry_run)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rectify_cli_builder_add_text (b, "encoding", r->encoding ? r->encoding : "");
  rectify_cli_builder_add_text (b, "separator", r->separator == '\t' ? "tab" : "comma");
  json_builder_set_member_name (b, "dry_run");
  json_builder_add_boolean_value (b, dry_run);
  json_builder_set_member_name (b, "written");
  json_builder_add_boolean_value (b, r->written);
  rectify_cli_builder_add_int (b, "rows", (gint64)r->rows);
  rectify_cli_builder_add_int (b, "added", (gint64)r->added);
  rectify_cli_builder_add_int (b, "updated", (gint64)r->updated);
  rectify_cli_builder_add_int (b, "skipped", (gint64)r->skipped);
  rectify_cli_builder_add_int (b, "problem_count", (gint64)r->n_problems);
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->headers->len; i++)
    {
      const char *field = g_ptr_array_index (r->mapping, i);
      json_builder_begin_object (b);
      rectify_cli_builder_add_text (b, "header", g_ptr_array_index (r->headers, i));
      json_builder_set_member_name (b, "field");
      if (*field)
        json_builder_add_string_value (b, field);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->problems->len; i++)
    {
      const RectifyImportProblem *p = g_ptr_array_index (r->problems, i);
      json_builder_begin_object (b);
      rectify_cli_builder_add_int (b, "line", (gint64)p->line);
      rectify_cli_builder_add_int (b, "column", p->column);
      json_builder_set_member_name (b, "field");
      if (p->field)
        json_builder_add_string_value (b, p->field);
      else
        json_builder_add_null_value (b);
      rectify_cli_builder_add_text (b, "message", p->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_report (const RectifyImportReport *r, gboolean dry_run)
{
  g_print (_ ("Encoding: %s, separator: %s\n"), r->encoding ? r->encoding : "-",
           r->separator == '\t' ? _ ("tab") : _ ("comma"));
  for (guint i = 0; i < r->headers->len; i++)
    {
      const char *field = g_ptr_array_index (r->mapping, i);
      if (*field == '\0')
        g_print (_ ("Column %u “%s”: not imported\n"), i + 1,
                 (const char *)g_ptr_array_index (r->headers, i));
    }
  g_print (_ ("Rows: %" PRIu64 "\n"), r->rows);
  if (r->written)
    g_print (_ ("Added: %" PRIu64 ", updated: %" PRIu64 ", skipped (already there): %" PRIu64 "\n"),
             r->added, r->updated, r->skipped);
  else if (dry_run && r->n_problems == 0)
    g_print (_ ("Would add: %" PRIu64 ", update: %" PRIu64 ", skip (already there): %" PRIu64 "\n"),
             r->added, r->updated, r->skipped);
  for (guint i = 0; i < r->problems->len && i < SHOWN_PROBLEMS; i++)
    {
      g_autofree char *text = rectify_import_problem_to_string (g_ptr_array_index (r->problems, i));
      g_print ("%s\n", text);
    }
  if (r->n_problems > MIN (r->problems->len, SHOWN_PROBLEMS))
    g_print (_ ("… and %" PRIu64 " more problems\n"),
             r->n_problems - MIN (r->problems->len, SHOWN_PROBLEMS));
}

static gboolean
run_import (RectifyCli *cli, RectifyImportKind kind, int argc, char **argv, GError **error)
{
  g_autofree char *encoding = NULL;
  g_auto (GStrv) mapping = NULL;
  gboolean dry_run = FALSE;
  gboolean update = FALSE;
  const GOptionEntry entries[]
      = { { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
            N_ ("The file’s encoding: UTF-8 or GB18030 (default: detected)"), N_ ("ENCODING") },
          { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
            N_ ("Check every row and report, write nothing"), NULL },
          { "update", 0, 0, G_OPTION_ARG_NONE, &update,
            N_ ("Update records that exist already (same code) instead of skipping them"), NULL },
          { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &mapping,
            N_ ("Read the column HEADER as FIELD (empty FIELD: leave it out); repeatable"),
            N_ ("HEADER=FIELD") },
          G_OPTION_ENTRY_NULL };
  RectifyImportOptions options = { 0 };
  g_autoptr (RectifyImportReport) report = NULL;
  GCancellable *cancellable;
  RectifyStore *store;

  if (!(store = rectify_cli_parse_and_open (cli, entries, _ ("FILE"), 1, &argc, &argv, error)))
    return FALSE;
  for (guint i = 0; mapping && mapping[i]; i++)
    if (!strchr (mapping[i], '='))
      return rectify_cli_usage_error (error, _ ("--map: “%s” is not HEADER=FIELD"), mapping[i]);

  options.encoding = encoding;
  options.dry_run = dry_run;
  options.update = update;
  options.mapping = (const char *const *)mapping;
  cancellable = rectify_cli_cancel_on_signals ();
  /* before the first step: the import is one transaction, never half */
  rectify_cli_test_pause (cancellable);
  report = rectify_import_file (store, kind, argv[1], &options, cancellable, error);
  if (!report)
    return FALSE;

  if (cli->json)
    {
      g_autoptr (JsonNode) node = report_to_json (report, dry_run);
      rectify_cli_print_json (node);
    }
  else
    print_report (report, dry_run);

  if (report->n_problems > 0)
    {
      g_autofree char *first
          = rectify_import_problem_to_string (g_ptr_array_index (report->problems, 0));
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %" PRIu64 " problem, nothing was written; first: %s",
                                "%s: %" PRIu64 " problems, nothing was written; first: %s",
                                report->n_problems),
                   argv[1], report->n_problems, first);
      return FALSE;
    }
  return TRUE;
}

gboolean
rectify_cli_import_units (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return run_import (cli, RECTIFY_IMPORT_UNITS, argc, argv, error);
}

gboolean
rectify_cli_import_equipment (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return run_import (cli, RECTIFY_IMPORT_EQUIPMENT, argc, argv, error);
}

gboolean
rectify_cli_import_operators (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return run_import (cli, RECTIFY_IMPORT_OPERATORS, argc, argv, error);
}

/* ---- export -------------------------------------------------------------- */

static void
on_export_progress (guint64 done, guint64 total, gpointer user_data)
{
  /* the file is being written beside its name */
  rectify_cli_test_pause (rectify_cli_cancel_on_signals ());
}

static gboolean
run_export (RectifyCli *cli, RectifyExportList list, int argc, char **argv, GError **error)
{
  g_autofree char *output = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *search = NULL;
  g_autofree char *sort = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *category = NULL;
  g_autofree char *status = NULL;
  g_autofree char *district = NULL;
  g_autofree char *industry = NULL;
  g_autofree char *grade = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *as_of = NULL;
  gboolean descending = FALSE, overdue = FALSE, crowded = FALSE, full_id_numbers = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Write to this file"), N_ ("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_ ("csv or xlsx (default: from the file name)"), N_ ("FORMAT") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_ ("Only records matching these words"),
      N_ ("WORDS") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort, N_ ("Sort by this column"), N_ ("KEY") },
    { "desc", 0, 0, G_OPTION_ARG_NONE, &descending, N_ ("Sort in descending order"), NULL },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_ ("Only records of this unit"),
      N_ ("ID|CREDITCODE") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_ ("Equipment: only this category"),
      N_ ("CATEGORY") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_ ("Equipment or hazards: only this status"),
      N_ ("STATUS") },
    { "district", 0, 0, G_OPTION_ARG_STRING, &district, N_ ("Units: only this district"),
      N_ ("TEXT") },
    { "industry", 0, 0, G_OPTION_ARG_STRING, &industry, N_ ("Units: only this industry"),
      N_ ("TEXT") },
    { "crowded", 0, 0, G_OPTION_ARG_NONE, &crowded,
      N_ ("Units: only densely populated public places"), NULL },
    { "grade", 0, 0, G_OPTION_ARG_STRING, &grade, N_ ("Hazards: only this grade"), N_ ("GRADE") },
    { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign, N_ ("Hazards: only this campaign"),
      N_ ("ID") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
      N_ ("Equipment: periodic inspection overdue; hazards: deadline passed"), NULL },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_ ("Judge overdue as of this day (default: today)"), N_ ("DATE") },
    { "full-id-numbers", 0, 0, G_OPTION_ARG_NONE, &full_id_numbers,
      N_ ("Operators: write whole ID card numbers (masked by default)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  RectifyExportFormat format;
  RectifyStore *store;
  guint64 rows = 0;

  if (!rectify_cli_parse (cli, entries, NULL, &argc, &argv, error)
      || !rectify_cli_expect_args (cli, argc, argv, 0, NULL, error)
      || !rectify_cli_require ("--output", output, error))
    return FALSE;
  format = rectify_export_format_for_path (output);
  if (format_text && !rectify_export_format_from_code (format_text, &format))
    return rectify_cli_usage_error (error, _ ("--format: “%s” is neither csv nor xlsx"),
                                    format_text);
  if (full_id_numbers && list != RECTIFY_EXPORT_OPERATORS)
    return rectify_cli_usage_error (
        error, _ ("--full-id-numbers: only the operators list has ID numbers"));
  if (!(store = rectify_cli_open_store (cli, FALSE, error)))
    return FALSE;

  q.search = search;
  q.sort = sort;
  q.descending = descending;
  q.district = district;
  q.industry = industry;
  q.crowded = crowded ? 1 : -1;
  q.as_of = as_of;
  if (as_of && !rectify_validate_date ("--as-of", as_of, error))
    return FALSE;
  if (unit && !rectify_cli_find_unit (cli, unit, &q.unit_id, error))
    return FALSE;
  if (category)
    {
      RectifyCategory c;
      if (!rectify_cli_parse_category ("--category", category, &c, error))
        return FALSE;
      q.category = c;
    }
  if (status)
    {
      const char *code = NULL;
      if (list == RECTIFY_EXPORT_INSPECTIONS)
        {
          g_set_error_literal (
              error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
              _ ("--status: inspections have no status; use --campaign or --search"));
          return FALSE;
        }
      else if (list == RECTIFY_EXPORT_DOCUMENTS)
        {
          RectifyDocumentStatus s;
          if (!rectify_cli_parse_choice ("--status", status, rectify_document_status_codes (),
                                         &code, error))
            return FALSE;
          rectify_document_status_from_code (code, &s);
          q.status = s;
        }
      else if (list == RECTIFY_EXPORT_HAZARDS)
        {
          RectifyHazardStatus s;
          if (!rectify_cli_parse_choice ("--status", status, rectify_hazard_status_codes (), &code,
                                         error))
            return FALSE;
          rectify_hazard_status_from_code (code, &s);
          q.status = s;
        }
      else
        {
          RectifyEquipmentStatus s;
          if (!rectify_cli_parse_choice ("--status", status, rectify_equipment_status_codes (),
                                         &code, error))
            return FALSE;
          rectify_equipment_status_from_code (code, &s);
          q.status = s;
        }
    }
  if (grade)
    {
      const char *code = NULL;
      RectifyHazardGrade g;
      if (!rectify_cli_parse_choice ("--grade", grade, rectify_grade_codes (), &code, error))
        return FALSE;
      rectify_grade_from_code (code, &g);
      q.grade = g;
    }
  if (campaign && !rectify_cli_parse_id ("--campaign", campaign, &q.campaign_id, error))
    return FALSE;
  if (list == RECTIFY_EXPORT_EQUIPMENT)
    q.inspection_overdue = overdue;
  else
    q.overdue = overdue;

  if (!rectify_export_file_full (
          store, list, &q, format,
          full_id_numbers ? RECTIFY_EXPORT_FULL_ID_NUMBERS : RECTIFY_EXPORT_DEFAULT, output,
          on_export_progress, NULL, rectify_cli_cancel_on_signals (), &rows, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) node = NULL;

      json_builder_begin_object (b);
      rectify_cli_builder_add_text (b, "file", output);
      rectify_cli_builder_add_text (b, "format", format == RECTIFY_EXPORT_XLSX ? "xlsx" : "csv");
      rectify_cli_builder_add_int (b, "rows", (gint64)rows);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      rectify_cli_print_json (node);
    }
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%" PRIu64 " row written to %s\n",
                          "%" PRIu64 " rows written to %s\n", rows),
             rows, output);
  return TRUE;
}

gboolean
rectify_cli_export_units (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return run_export (cli, RECTIFY_EXPORT_UNITS, argc, argv, error);
}

gboolean
rectify_cli_export_equipment (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return run_export (cli, RECTIFY_EXPORT_EQUIPMENT, argc, argv, error);
}

gboolean
rectify_cli_export_operators (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return run_export (cli, RECTIFY_EXPORT_OPERATORS, argc, argv, error);
}

gboolean
rectify_cli_export_hazards (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return run_export (cli, RECTIFY_EXPORT_HAZARDS, argc, argv, error);
}

gboolean
rectify_cli_export_inspections (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return run_export (cli, RECTIFY_EXPORT_INSPECTIONS, argc, argv, error);
}

gboolean
rectify_cli_export_documents (RectifyCli *cli, int argc, char **argv, GError **error)
{
  return run_export (cli, RECTIFY_EXPORT_DOCUMENTS, argc, argv, error);
}

/* ---- restore ------------------------------------------------------------- */

gboolean
rectify_cli_restore (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *aside = NULL;

  if (!rectify_cli_parse (cli, NULL, _ ("BACKUP"), &argc, &argv, error)
      || !rectify_cli_expect_args (cli, argc, argv, 1, _ ("BACKUP"), error))
    return FALSE;
  path = cli->db_path ? g_strdup (cli->db_path) : rectify_store_default_path ();
  if (!rectify_restore_backup (path, argv[1], &aside, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) node = NULL;

      json_builder_begin_object (b);
      rectify_cli_builder_add_text (b, "database", path);
      rectify_cli_builder_add_text (b, "restored_from", argv[1]);
      json_builder_set_member_name (b, "kept_aside");
      if (aside)
        json_builder_add_string_value (b, aside);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      rectify_cli_print_json (node);
    }
  else
    {
      g_print (_ ("Restored %s from %s\n"), path, argv[1]);
      if (aside)
        g_print (_ ("The database as it was is kept as %s\n"), aside);
    }
  return TRUE;
}
