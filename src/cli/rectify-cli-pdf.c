/* rectify-cli-pdf.c: PDF files of issued documents
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-cli.h"
#include "rectify-cli-output.h"
#include "rectify-pdf-document.h"

gboolean
rectify_cli_pdf_letter (RectifyCli  *cli,
                        int          argc,
                        char       **argv,
                        GError     **error)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write (required)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *sha256 = NULL;
  RectifyStore *store;
  gint64 id;

  if (!(store = rectify_cli_parse_and_open (cli, entries, _("ID|NUMBER"), 1, &argc, &argv, error))
      || !rectify_cli_require ("--output", output, error)
      || !rectify_store_find_document (store, argv[1], &id, error))
    return FALSE;
  /* the bytes stored at issue, never a new rendering: what was handed out */
  pdf = rectify_store_get_document_pdf (store, id, &sha256, error);
  if (pdf == NULL || !rectify_pdf_write_file (pdf, output, error))
    return FALSE;
  if (cli->json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();
      json_object_set_string_member (object, "file", output);
      json_object_set_int_member (object, "size", (gint64) g_bytes_get_size (pdf));
      json_object_set_string_member (object, "sha256", sha256);
      json_node_take_object (node, object);
      rectify_cli_print_json (node);
    }
  else
    g_print ("%s\n", sha256);
  return TRUE;
}
