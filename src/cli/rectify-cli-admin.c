/* rectify-cli-admin.c: init, demo, stats, verify and backup commands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "rectify-archive.h"
#include "rectify-backup.h"
#include "rectify-cli.h"
#include "rectify-cli-output.h"
#include "rectify-demo.h"
#include "rectify-figures.h"
#include "rectify-validate.h"

gboolean
rectify_cli_init (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) node = NULL;
  RectifyStore *store;

  if (!rectify_cli_parse (cli, NULL, NULL, &argc, &argv, error)
      || !rectify_cli_expect_args (cli, argc, argv, 0, NULL, error)
      || !(store = rectify_cli_open_store (cli, TRUE, error)))
    return FALSE;

  json_builder_begin_object (b);
  rectify_cli_builder_add_text (b, "path", rectify_store_get_path (store));
  rectify_cli_builder_add_int (b, "schema_version", rectify_store_get_schema_version (store));
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  rectify_cli_print_node (cli, node);
  return TRUE;
}

/* ---- demo ---------------------------------------------------------------- */

typedef struct
{
  char *stage;
  int percent;
  gboolean shown;
} Progress;

static void
on_demo_progress_cb (const char *stage, double fraction, gpointer user_data)
{
  Progress *progress = user_data;
  int percent = (int)(CLAMP (fraction, 0.0, 1.0) * 100.0);

  if (percent == progress->percent && g_strcmp0 (stage, progress->stage) == 0)
    return;
  progress->percent = percent;
  g_free (progress->stage);
  progress->stage = g_strdup (stage);
  progress->shown = TRUE;
  /* One line, rewritten in place; \033[K clears what a longer stage left. */
  g_printerr ("\r%s %3d%%\033[K", stage ? stage : "", percent);
}

gboolean
rectify_cli_demo (RectifyCli *cli, int argc, char **argv, GError **error)
{
  static const char *const scales[] = { "seed", "city", NULL };
  g_autofree char *scale = NULL;
  g_autofree char *seed = NULL;
  const GOptionEntry entries[]
      = { { "scale", 0, 0, G_OPTION_ARG_STRING, &scale,
            N_ ("seed: the hundred-day campaign of the seed report; city: a city bureau’s volume "
                "(required)"),
            N_ ("SCALE") },
          { "seed", 0, 0, G_OPTION_ARG_STRING, &seed,
            N_ ("Seed of the generator (default: 1); the same seed gives the same data"),
            N_ ("N") },
          G_OPTION_ENTRY_NULL };
  Progress progress = { NULL, -1, FALSE };
  RectifyDemoScale demo_scale;
  const char *scale_code;
  gint64 seed_value = 1;
  RectifyStore *store;
  gint64 campaign_id;

  if (!rectify_cli_parse (cli, entries, NULL, &argc, &argv, error)
      || !rectify_cli_expect_args (cli, argc, argv, 0, NULL, error)
      || !rectify_cli_require ("--scale", scale, error)
      || !rectify_cli_parse_choice ("--scale", scale, scales, &scale_code, error)
      || (seed && !rectify_cli_parse_int ("--seed", seed, 0, G_MAXUINT32, &seed_value, error))
      || !(store = rectify_cli_open_store (cli, TRUE, error)))
    return FALSE;

  demo_scale = scale_code == scales[0] ? RECTIFY_DEMO_SEED : RECTIFY_DEMO_CITY;
  campaign_id = rectify_demo_generate (store, demo_scale, (guint32)seed_value,
                                       isatty (STDERR_FILENO) ? on_demo_progress_cb : NULL,
                                       &progress, NULL, error);
  if (progress.shown)
    g_printerr ("\n");
  g_free (progress.stage);
  if (campaign_id <= 0)
    return FALSE;

  if (cli->json)
    rectify_cli_print_json_id ("campaign_id", campaign_id);
  else
    g_print ("%" G_GINT64_FORMAT "\n", campaign_id);
  return TRUE;
}

/* ---- stats --------------------------------------------------------------- */

typedef struct
{
  char *label;
  char *value;
} Line;

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_free (line->label);
  g_free (line->value);
}

static void
add_line (GArray *lines, const char *label, char *value)
{
  Line line = { g_strdup (label), value };

  g_array_append_val (lines, line);
}

static char *
count_text (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

static void
add_rows (GArray *lines, GPtrArray *rows)
{
  for (guint i = 0; rows && i < rows->len; i++)
    {
      const RectifyFigureRow *row = g_ptr_array_index (rows, i);
      g_autofree char *label = g_strdup_printf ("  %s", row->label);
      add_line (lines, label, count_text (row->count));
    }
}

static void
print_figures (RectifyStore *store, const RectifyFigures *f)
{
  g_autoptr (GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *units = count_text (f->distinct_units);
  g_autofree char *visits = count_text (f->unit_inspections);
  g_autofree char *general = count_text (f->hazards_general);
  g_autofree char *major = count_text (f->hazards_major);
  g_autofree char *found = count_text (f->hazards_found);
  gsize width = 0;

  g_array_set_clear_func (lines, line_clear);

  if (f->campaign_id > 0)
    {
      g_autoptr (RectifyCampaign) campaign = NULL;

      campaign = rectify_store_get_campaign (store, f->campaign_id, NULL);
      add_line (lines, _ ("Campaign"),
                g_strdup_printf ("%" G_GINT64_FORMAT " %s", f->campaign_id,
                                 campaign ? campaign->name : ""));
    }
  else
    add_line (lines, _ ("Campaign"), g_strdup (_ ("all records")));
  add_line (lines, _ ("As of"), g_strdup (f->as_of ? f->as_of : ""));
  add_line (lines, _ ("Officer person-times"), count_text (f->officer_person_times));
  /* TRANSLATORS: inspections of units: visits (times) / distinct units */
  add_line (lines, _ ("Unit inspections"),
            g_strdup_printf (_ ("%s times / %s units"), visits, units));
  add_line (lines, _ ("Equipment checks"), count_text (f->equipment_checks));
  add_rows (lines, f->checks_by_equipment_category);
  add_line (lines, _ ("Self-inspections"), count_text (f->self_inspections));
  add_line (lines, _ ("Back-checks"), count_text (f->back_checks));
  add_line (lines, _ ("Hazards found"),
            g_strdup_printf (_ ("%s (general %s, major %s)"), found, general, major));
  add_rows (lines, f->hazards_by_category);
  add_line (lines, _ ("Instruction letters"), count_text (f->instruction_letters));
  add_line (lines, _ ("Rectification opinions"), count_text (f->rectification_opinions));
  add_line (lines, _ ("Hazards closed"), count_text (f->hazards_closed));
  add_line (lines, _ ("Rectification rate"), rectify_figures_format_rate (f->rectification_rate));
  add_line (lines, _ ("Overdue"), count_text (f->hazards_overdue));

  for (guint i = 0; i < lines->len; i++)
    width = MAX (width, rectify_cli_display_width (g_array_index (lines, Line, i).label));
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      g_string_append_printf (out, "%s:", line->label);
      for (gsize w = rectify_cli_display_width (line->label); w < width + 1; w++)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, " %s\n", line->value);
    }
  g_print ("%s", out->str);
}

gboolean
rectify_cli_stats (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *campaign = NULL;
  g_autofree char *as_of = NULL;
  const GOptionEntry entries[]
      = { { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign,
            N_ ("Figures of this campaign (default: all records)"), N_ ("ID") },
          { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
            N_ ("Figures as of this day (default: today, or the campaign’s last day)"),
            N_ ("DATE") },
          G_OPTION_ENTRY_NULL };
  g_autoptr (RectifyFigures) figures = NULL;
  gint64 campaign_id = 0;
  RectifyStore *store;

  if (!rectify_cli_parse (cli, entries, NULL, &argc, &argv, error)
      || !rectify_cli_expect_args (cli, argc, argv, 0, NULL, error)
      || !rectify_cli_parse_optional_id ("--campaign", campaign, &campaign_id, error)
      || !(store = rectify_cli_open_store (cli, FALSE, error)))
    return FALSE;

  figures = rectify_figures_compute (store, campaign_id, as_of, error);
  if (figures == NULL)
    return FALSE;
  if (!rectify_cli_print_if_json (cli, figures, (RectifyCliToJson)rectify_cli_figures_to_json))
    print_figures (store, figures);
  return TRUE;
}

/* ---- verify and backup --------------------------------------------------- */

static gboolean
verify_archive (RectifyCli *cli, const char *dir, GError **error)
{
  RectifyArchiveReport report = { 0 };
  guint n_problems;

  if (!rectify_archive_verify (dir, &report, error))
    return FALSE;
  n_problems = report.problems->len;
  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) node = NULL;
      static const char *const kinds[] = { "missing", "changed", "extra" };

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "intact");
      json_builder_add_boolean_value (b, n_problems == 0);
      rectify_cli_builder_add_int (b, "files", report.n_files);
      rectify_cli_builder_add_int (b, "missing_pdf", report.n_missing_pdf);
      json_builder_set_member_name (b, "problems");
      json_builder_begin_array (b);
      for (guint i = 0; i < n_problems; i++)
        {
          const RectifyArchiveProblem *p = g_ptr_array_index (report.problems, i);
          json_builder_begin_object (b);
          rectify_cli_builder_add_text (b, "path", p->path);
          rectify_cli_builder_add_text (b, "problem", kinds[p->kind]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      rectify_cli_print_json (node);
    }
  else
    {
      for (guint i = 0; i < n_problems; i++)
        {
          const RectifyArchiveProblem *p = g_ptr_array_index (report.problems, i);
          g_print ("%s: %s\n", rectify_archive_problem_kind_to_label (p->kind), p->path);
        }
      if (n_problems == 0)
        g_print (ngettext ("archive intact: %u file matches its manifest\n",
                           "archive intact: %u files match their manifest\n", report.n_files),
                 report.n_files);
    }
  if (n_problems > 0)
    g_set_error (
        error, RECTIFY_ERROR, RECTIFY_ERROR_TAMPERED,
        ngettext ("archive %s does not match its manifest: %u file is missing, changed or extra",
                  "archive %s does not match its manifest: %u files are missing, changed or extra",
                  n_problems),
        dir, n_problems);
  rectify_archive_report_clear (&report);
  return n_problems == 0;
}

gboolean
rectify_cli_verify (RectifyCli *cli, int argc, char **argv, GError **error)
{
  RectifyAuditReport report = { 0 };
  g_autofree char *damage = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *archive = NULL;
  g_autofree char *records = NULL;
  const GOptionEntry entries[]
      = { { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive,
            N_ ("Check the database against this archive folder too: its manifest must be one "
                "the database recorded, and the audit head it records must be in the chain"),
            N_ ("DIR") },
          G_OPTION_ENTRY_NULL };
  RectifyStore *store;
  gboolean chain_intact, intact;
  guint n_findings;

  if (!rectify_cli_parse (cli, entries, _ ("[DIR]"), &argc, &argv, error))
    return FALSE;
  if (argc > 2 || (argc == 2 && archive))
    return rectify_cli_usage_error (error, _ ("Give at most one archive folder to verify"));
  /* with a folder: the archive against its manifest; without: the audit chain */
  if (argc == 2)
    return verify_archive (cli, argv[1], error);
  /* --archive: the folder against its manifest first, then the database against both */
  if (archive && !cli->json && !verify_archive (cli, archive, error))
    return FALSE;
  if (!(store = rectify_cli_open_store (cli, FALSE, error))
      || !rectify_store_check_integrity (store, &damage, error))
    return FALSE;
  /* a damaged file first: the audit chain read from it would say little */
  if (damage)
    {
      if (cli->json)
        {
          g_autoptr (JsonBuilder) b = json_builder_new ();
          g_autoptr (JsonNode) node = NULL;

          json_builder_begin_object (b);
          rectify_cli_builder_add_text (b, "integrity_check", damage);
          json_builder_set_member_name (b, "intact");
          json_builder_add_boolean_value (b, FALSE);
          json_builder_end_object (b);
          node = json_builder_get_root (b);
          rectify_cli_print_json (node);
        }
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DAMAGED,
                   _ ("database file damaged: integrity_check found %s; restore the last backup "
                      "(“rectify-cli restore BACKUP”)"),
                   damage);
      return FALSE;
    }
  if (!(archive ? rectify_store_verify_audit_with_archive (store, archive, &report, error)
                : rectify_store_verify_audit (store, &report, error)))
    return FALSE;

  chain_intact = report.first_bad_id == 0;
  intact = rectify_audit_report_intact (&report);
  n_findings = report.findings->len;
  rows = g_strdup_printf ("%" G_GINT64_FORMAT, report.rows);
  bad = g_strdup_printf ("%" G_GINT64_FORMAT, report.first_bad_id);
  records = g_strdup_printf ("%" G_GINT64_FORMAT, report.records);
  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) node = NULL;

      json_builder_begin_object (b);
      rectify_cli_builder_add_text (b, "integrity_check", "ok");
      json_builder_set_member_name (b, "intact");
      json_builder_add_boolean_value (b, intact);
      rectify_cli_builder_add_int (b, "rows", report.rows);
      rectify_cli_builder_add_id (b, "first_bad_id", report.first_bad_id);
      json_builder_set_member_name (b, "problem");
      if (report.problem)
        json_builder_add_string_value (b, report.problem);
      else
        json_builder_add_null_value (b);
      rectify_cli_builder_add_int (b, "records", report.records);
      json_builder_set_member_name (b, "findings");
      json_builder_begin_array (b);
      for (guint i = 0; i < n_findings; i++)
        {
          const RectifyAuditFinding *f = g_ptr_array_index (report.findings, i);
          json_builder_begin_object (b);
          rectify_cli_builder_add_text (b, "table", f->table);
          rectify_cli_builder_add_id (b, "id", f->id);
          rectify_cli_builder_add_text (b, "message", f->message);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      rectify_cli_print_json (node);
    }
  else
    {
      if (chain_intact)
        g_print (ngettext ("audit chain intact: %s row\n", "audit chain intact: %s rows\n",
                           (unsigned long)report.rows),
                 rows);
      for (guint i = 0; i < n_findings; i++)
        g_print ("%s\n",
                 ((const RectifyAuditFinding *)g_ptr_array_index (report.findings, i))->message);
      if (intact)
        g_print (ngettext ("records match the audit chain: %s record\n",
                           "records match the audit chain: %s records\n",
                           (unsigned long)report.records),
                 records);
      g_print (_ ("database file intact: integrity_check ok\n"));
    }

  if (!chain_intact)
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_TAMPERED,
                 _ ("audit chain broken at row %s: %s"), bad,
                 report.problem ? report.problem : _ ("the row was altered"));
  else if (!intact)
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_TAMPERED,
                 ngettext ("the records do not match the audit chain: %u finding",
                           "the records do not match the audit chain: %u findings", n_findings),
                 n_findings);
  rectify_audit_report_clear (&report);
  return intact;
}

static void
on_backup_progress (guint64 done, guint64 total, gpointer user_data)
{
  /* the copy has begun: "<FILE>.partial" exists */
  rectify_cli_test_pause (user_data);
}

gboolean
rectify_cli_backup (RectifyCli *cli, int argc, char **argv, GError **error)
{
  RectifyStore *store;
  GCancellable *cancellable;

  if (!(store = rectify_cli_parse_and_open (cli, NULL, _ ("FILE"), 1, &argc, &argv, error)))
    return FALSE;
  cancellable = rectify_cli_cancel_on_signals ();
  if (!rectify_store_backup_full (store, argv[1], on_backup_progress, cancellable, cancellable,
                                  error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) node = NULL;

      json_builder_begin_object (b);
      rectify_cli_builder_add_text (b, "backup", argv[1]);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      rectify_cli_print_json (node);
    }
  else
    g_print (_ ("Backup written to %s\n"), argv[1]);
  return TRUE;
}
