/* rectify-cli-letters.c: instruction letter and rectification opinion commands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-cli.h"
#include "rectify-cli-output.h"
#include "rectify-pdf-issue.h"

gboolean
rectify_cli_letter_issue (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *unit = NULL;
  g_auto (GStrv) hazards = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *date = NULL;
  g_autofree char *language = NULL;
  g_autofree char *bureau = NULL;
  g_autofree char *signatory = NULL;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_ ("instruction or opinion (required)"),
      N_ ("KIND") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
      N_ ("The unit it is addressed to, by id or credit code (required)"), N_ ("UNIT") },
    { "hazard", 0, 0, G_OPTION_ARG_STRING_ARRAY, &hazards,
      N_ ("A hazard of the unit it deals with (repeatable; required)"), N_ ("ID") },
    { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign it belongs to"),
      N_ ("ID") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_ ("Day of issue (default: today)"), N_ ("DATE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_ ("Language of the document: zh_CN or en (default: the document language setting)"),
      N_ ("LANG") },
    { "bureau", 0, 0, G_OPTION_ARG_STRING, &bureau,
      N_ ("Issuing bureau (default: the bureau name setting)"), N_ ("NAME") },
    { "signatory", 0, 0, G_OPTION_ARG_STRING, &signatory,
      N_ ("Who signs it (default: the signatory setting, else the acting officer)"), N_ ("NAME") },
    G_OPTION_ENTRY_NULL
  };
  RectifyPdfIssueOptions pdf_options = { RECTIFY_PDF_LANGUAGE_ZH_CN, NULL, NULL };
  g_autoptr (GArray) hazard_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (RectifyDocument) document = NULL;
  RectifyDocumentKind document_kind;
  gint64 campaign_id = 0;
  gint64 unit_id = 0;
  const char *code;
  RectifyStore *store;
  gint64 id;

  if (!rectify_cli_parse (cli, entries, NULL, &argc, &argv, error)
      || !rectify_cli_expect_args (cli, argc, argv, 0, NULL, error)
      || !rectify_cli_require ("--kind", kind, error)
      || !rectify_cli_require ("--unit", unit, error)
      || !rectify_cli_require ("--hazard", hazards, error)
      || !rectify_cli_parse_choice ("--kind", kind, rectify_document_kind_codes (), &code, error)
      || !rectify_cli_parse_optional_id ("--campaign", campaign, &campaign_id, error))
    return FALSE;
  if (!rectify_cli_parse_language (language, &pdf_options.language, error))
    return FALSE;
  rectify_document_kind_from_code (code, &document_kind);
  /* --hazard 3 --hazard 4 or --hazard 3,4 */
  for (guint i = 0; hazards[i]; i++)
    {
      g_auto (GStrv) parts = g_strsplit (hazards[i], ",", -1);
      for (guint j = 0; parts[j]; j++)
        {
          gint64 hazard_id;
          if (!rectify_cli_parse_id ("--hazard", g_strstrip (parts[j]), &hazard_id, error))
            return FALSE;
          g_array_append_val (hazard_ids, hazard_id);
        }
    }

  if (!(store = rectify_cli_open_store_unit (cli, unit, &unit_id, error)))
    return FALSE;
  if (language == NULL)
    pdf_options.language = rectify_pdf_default_language (store);
  pdf_options.bureau = bureau;
  pdf_options.signatory = signatory;
  /* the PDF is written and stored in the issuing transaction */
  id = rectify_store_issue_document_with_pdf (store, document_kind, unit_id, campaign_id, date,
                                              (const gint64 *)hazard_ids->data, hazard_ids->len,
                                              rectify_pdf_render_document, &pdf_options, error);
  if (id <= 0)
    return FALSE;
  document = rectify_store_get_document (store, id, error);
  if (document == NULL)
    return FALSE;

  if (!rectify_cli_print_if_json (cli, document, rectify_cli_document_to_json))
    g_print ("%s\n", document->number);
  return TRUE;
}

gboolean
rectify_cli_letter_void (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *reason = NULL;
  g_autofree char *date = NULL;
  const GOptionEntry entries[]
      = { { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_ ("Why it is void (required)"),
            N_ ("TEXT") },
          { "date", 0, 0, G_OPTION_ARG_STRING, &date,
            N_ ("The day it became void, YYYY-MM-DD: not before its issue, not after today "
                "(default: today)"),
            N_ ("DATE") },
          G_OPTION_ENTRY_NULL };
  g_autoptr (RectifyDocument) document = NULL;
  RectifyStore *store;
  gint64 id;

  if (!rectify_cli_parse (cli, entries, _ ("ID|NUMBER"), &argc, &argv, error)
      || !rectify_cli_expect_args (cli, argc, argv, 1, _ ("ID|NUMBER"), error)
      || !rectify_cli_require ("--reason", reason, error)
      || !(store = rectify_cli_open_store (cli, FALSE, error))
      || !rectify_store_find_document (store, argv[1], &id, error)
      || !rectify_store_void_document_on (store, id, date, reason, error))
    return FALSE;
  document = rectify_store_get_document (store, id, error);
  if (document == NULL)
    return FALSE;

  if (!rectify_cli_print_if_json (cli, document, rectify_cli_document_to_json))
    g_print (_ ("%s is void\n"), document->number);
  return TRUE;
}

/* Read by "letter show" only. */
static const char *const not_in_lists[] = { "hazard_ids", NULL };

static const RectifyCliColumn document_columns[] = { { "id", N_ ("ID") },
                                                     { "number", N_ ("Number") },
                                                     { "kind", N_ ("Kind") },
                                                     { "issued_date", N_ ("Issued") },
                                                     { "status", N_ ("Status") },
                                                     { "unit_name", N_ ("Unit") },
                                                     { NULL, NULL } };

gboolean
rectify_cli_letter_list (RectifyCli *cli, int argc, char **argv, GError **error)
{
  g_auto (RectifyCliListOptions) opts = { 0 };
  g_autofree char *kind = NULL;
  g_autofree char *status = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *unit = NULL;
  const GOptionEntry entries[]
      = { { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_ ("Only this kind: instruction or opinion"),
            N_ ("KIND") },
          { "status", 0, 0, G_OPTION_ARG_STRING, &status,
            N_ ("Only letters in this state: issued or void"), N_ ("STATUS") },
          { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign, N_ ("Only letters of this campaign"),
            N_ ("ID") },
          { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
            N_ ("Only letters to this unit (id or credit code)"), N_ ("UNIT") },
          G_OPTION_ENTRY_NULL };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  const char *kind_code = NULL;
  const char *status_code = NULL;
  RectifyStore *store;

  if (!rectify_cli_parse_list_query (cli, entries, &opts, FALSE, &q, &argc, &argv, error)
      || (kind
          && !rectify_cli_parse_choice ("--kind", kind, rectify_document_kind_codes (), &kind_code,
                                        error))
      || (status
          && !rectify_cli_parse_choice ("--status", status, rectify_document_status_codes (),
                                        &status_code, error))
      || !rectify_cli_parse_optional_id ("--campaign", campaign, &q.campaign_id, error)
      || !(store = rectify_cli_open_store_unit (cli, unit, &q.unit_id, error)))
    return FALSE;
  if (kind_code)
    {
      RectifyDocumentKind k;
      rectify_document_kind_from_code (kind_code, &k);
      q.kind = k;
    }
  if (status_code)
    {
      RectifyDocumentStatus s;
      rectify_document_status_from_code (status_code, &s);
      q.status = s;
    }

  return rectify_cli_list_and_print (cli, store, &q, rectify_store_list_documents,
                                     rectify_cli_document_to_json, document_columns, not_in_lists,
                                     error);
}

gboolean
rectify_cli_letter_show (RectifyCli *cli, int argc, char **argv, GError **error)
{
  RectifyStore *store;
  gint64 id;

  if (!(store = rectify_cli_parse_and_open (cli, NULL, _ ("ID|NUMBER"), 1, &argc, &argv, error))
      || !rectify_store_find_document (store, argv[1], &id, error))
    return FALSE;
  return rectify_cli_print_record (cli, rectify_store_get_document (store, id, error),
                                   rectify_cli_document_to_json,
                                   (GDestroyNotify)rectify_document_free);
}
