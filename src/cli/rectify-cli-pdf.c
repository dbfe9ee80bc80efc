/* rectify-cli-pdf.c: PDF files of issued documents
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "rectify-cli.h"
#include "rectify-cli-output.h"
#include "rectify-pdf-archive.h"
#include "rectify-pdf-document.h"
#include "rectify-pdf-issue.h"
#include "rectify-pdf-summary.h"
#include "rectify-pdf-void-copy.h"

/* A PDF written to output: {"file", "size"} (and "sha256" when given) with
 * --json, else the line text. */
static void
print_written (
    RectifyCli *cli, const char *output, GBytes *pdf, const char *sha256, const char *text)
{
  if (cli->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();
      json_object_set_string_member (object, "file", output);
      json_object_set_int_member (object, "size", (gint64)g_bytes_get_size (pdf));
      if (sha256)
        json_object_set_string_member (object, "sha256", sha256);
      json_node_take_object (node, object);
      rectify_cli_print_json (node);
    }
  else
    g_print ("%s\n", text);
}

gboolean
rectify_cli_pdf_letter (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *output = NULL;
  gboolean as_stored = FALSE;
  const GOptionEntry entries[]
      = { { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
            N_ ("The PDF file to write (required)"), N_ ("FILE") },
          { "as-stored", 0, 0, G_OPTION_ARG_NONE, &as_stored,
            N_ ("Write a voided document's stored bytes as they are, without the VOID mark"),
            NULL },
          G_OPTION_ENTRY_NULL };
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (RectifyDocument) document = NULL;
  g_autofree char *sha256 = NULL;
  RectifyStore *store;
  gint64 id;

  if (!(store = rectify_cli_parse_and_open (cli, entries, _ ("ID|NUMBER"), 1, &argc, &argv, error))
      || !rectify_cli_require ("--output", output, error)
      || !rectify_store_find_document (store, argv[1], &id, error)
      || !(document = rectify_store_get_document (store, id, error)))
    return FALSE;
  /* the bytes stored at issue, never a new rendering: what was handed out */
  pdf = rectify_store_get_document_pdf (store, id, &sha256, error);
  if (pdf == NULL)
    return FALSE;
  /* a voided one goes out marked VOID, unless the archivist wants the bytes */
  if (document->status == RECTIFY_DOCUMENT_VOID && !as_stored)
    {
      g_autoptr (GBytes) copy
          = rectify_pdf_void_copy (pdf, document, rectify_pdf_default_language (store), error);
      g_autofree char *copy_sha256 = NULL;

      if (copy == NULL || !rectify_pdf_write_file (copy, output, error))
        return FALSE;
      copy_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, copy);
      {
        /* Translators: %s is the SHA-256 of the PDF stored at issue */
        g_autofree char *text = g_strdup_printf (
            _ ("A copy marked VOID; the PDF stored at issue has the SHA-256 %s"), sha256);
        print_written (cli, output, copy, copy_sha256, text);
      }
      return TRUE;
    }
  if (!rectify_pdf_write_file (pdf, output, error))
    return FALSE;
  print_written (cli, output, pdf, sha256, sha256);
  return TRUE;
}

/* pdf summary and archive: their options, with --campaign and --output
 * required and --language (else the document language setting) into
 * *out_language, then the database.  campaign, output and language point
 * to the variables the entries fill, read after parsing. */
static RectifyStore *
open_for_campaign (RectifyCli *cli,
                   const GOptionEntry *entries,
                   int *argc,
                   char ***argv,
                   char *const *campaign,
                   char *const *output,
                   char *const *language,
                   gint64 *campaign_id,
                   RectifyPdfLanguage *out_language,
                   GError **error)
{
  RectifyStore *store;

  if (!rectify_cli_parse (cli, entries, NULL, argc, argv, error)
      || !rectify_cli_expect_args (cli, *argc, *argv, 0, NULL, error)
      || !rectify_cli_require ("--campaign", *campaign, error)
      || !rectify_cli_require ("--output", *output, error)
      || !rectify_cli_parse_id ("--campaign", *campaign, campaign_id, error)
      || !rectify_cli_parse_language (*language, out_language, error)
      || !(store = rectify_cli_open_store (cli, FALSE, error)))
    return NULL;
  if (*language == NULL)
    *out_language = rectify_pdf_default_language (store);
  return store;
}

gboolean
rectify_cli_pdf_summary (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *output = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *language = NULL;
  const GOptionEntry entries[]
      = { { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign,
            N_ ("The campaign to summarise (required)"), N_ ("ID") },
          { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
            N_ ("Figures as of this day (default: today, or the campaign’s last day)"),
            N_ ("DATE") },
          { "language", 0, 0, G_OPTION_ARG_STRING, &language,
            N_ ("Language of the document: zh_CN or en (default: the document language setting)"),
            N_ ("LANG") },
          { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
            N_ ("The PDF file to write (required)"), N_ ("FILE") },
          G_OPTION_ENTRY_NULL };
  RectifyPdfSummaryOptions options = { RECTIFY_PDF_LANGUAGE_ZH_CN, NULL };
  g_autoptr (GBytes) pdf = NULL;
  RectifyStore *store;
  gint64 campaign_id = 0;

  if (!(store = open_for_campaign (cli, entries, &argc, &argv, &campaign, &output, &language,
                                   &campaign_id, &options.language, error)))
    return FALSE;
  pdf = rectify_pdf_summary_render (store, campaign_id, as_of, &options, error);
  if (pdf == NULL || !rectify_pdf_write_file (pdf, output, error))
    return FALSE;
  print_written (cli, output, pdf, NULL, output);
  return TRUE;
}

static void
on_archive_progress (guint done, guint total, const char *current, gpointer user_data)
{
  gboolean tty = GPOINTER_TO_INT (user_data);

  /* the folder "<DIR>.partial" exists from the first step on */
  rectify_cli_test_pause (rectify_cli_cancel_on_signals ());
  /* on a terminal one line that counts; in a log a line per step of 10 % */
  if (tty)
    g_printerr ("\r\033[K%u/%u %s", done, total, current ? current : "");
  else if (current == NULL || done == 0 || done * 10 / total != (done - 1) * 10 / total)
    g_printerr ("%u/%u %s\n", done, total, current ? current : "");
  if (tty && current == NULL)
    g_printerr ("\n");
}

gboolean
rectify_cli_archive (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *output = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *language = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = { { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign,
                                     N_ ("The campaign to archive (required)"), N_ ("ID") },
                                   { "language", 0, 0, G_OPTION_ARG_STRING, &language,
                                     N_ ("Language of the dossiers and summary: zh_CN or en "
                                         "(default: the document language setting)"),
                                     N_ ("LANG") },
                                   { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
                                     N_ ("The archive folder to create (required)"), N_ ("DIR") },
                                   { "force", 0, 0, G_OPTION_ARG_NONE, &force,
                                     N_ ("Archive also before the campaign's last day or with "
                                         "hazards not cancelled yet"),
                                     NULL },
                                   G_OPTION_ENTRY_NULL };
  RectifyPdfArchiveOptions options = { RECTIFY_PDF_LANGUAGE_ZH_CN, NULL, on_archive_progress,
                                       GINT_TO_POINTER (isatty (STDERR_FILENO)) };
  RectifyArchiveReport report = { 0 };
  RectifyStore *store;
  gint64 campaign_id = 0;

  if (!(store = open_for_campaign (cli, entries, &argc, &argv, &campaign, &output, &language,
                                   &campaign_id, &options.language, error)))
    return FALSE;
  options.force = force;
  if (!rectify_pdf_archive_write (store, campaign_id, output, &options,
                                  rectify_cli_cancel_on_signals (), error)
      || !rectify_archive_verify (output, &report, error))
    return FALSE;
  if (cli->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();
      json_object_set_string_member (object, "folder", output);
      json_object_set_int_member (object, "files", report.n_files);
      json_object_set_int_member (object, "missing_pdf", report.n_missing_pdf);
      json_node_take_object (node, object);
      rectify_cli_print_json (node);
    }
  else
    g_print (_ ("Archive written to %s: %u files, %u documents without a stored PDF\n"), output,
             report.n_files, report.n_missing_pdf);
  rectify_archive_report_clear (&report);
  return TRUE;
}
