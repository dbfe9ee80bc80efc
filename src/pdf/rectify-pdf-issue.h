/* rectify-pdf-issue.h: the PDF of a document being issued, from the records of the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rectify-pdf-letter.h"
#include "rectify-store.h"

G_BEGIN_DECLS

typedef struct
{
  RectifyPdfLanguage language;
  const char *bureau;    /* NULL = the setting "bureau-name" */
  const char *signatory; /* NULL = the setting "signatory", else the acting officer */
  /* The free-text parts of the letter (RectifyPdfLetter): NULL = standard wording. */
  const char *intro;
  const char *order;
  const char *remedies;
} RectifyPdfIssueOptions;

/* The provision a letter issued through store cites: its setting
 * (rectify_pdf_letter_provision_key), else the default. */
char *rectify_pdf_issue_provision (RectifyStore *store,
                                   RectifyPdfProvision which,
                                   RectifyPdfLanguage language);
/* rectify_pdf_letter_default_text with the provision of the settings: the
 * wording a letter issued through store prints when the part is not
 * edited. */
char *rectify_pdf_issue_default_text (RectifyStore *store,
                                      RectifyPdfLetterKind kind,
                                      RectifyPdfLanguage language,
                                      RectifyPdfLetterPart part,
                                      const char *deadline,
                                      const char *date);

/* The language of documents from the setting "document-language" (zh_CN by default). */
RectifyPdfLanguage rectify_pdf_default_language (RectifyStore *store);

/* A RectifyDocumentRenderFunc: options is a RectifyPdfIssueOptions. */
GBytes *rectify_pdf_render_document (RectifyStore *store,
                                     const RectifyDocument *document,
                                     const char *english_number,
                                     gpointer options,
                                     GError **error);

/* Makes every document issued through store get its PDF: the store's
 * renderer becomes rectify_pdf_render_document with the settings' language,
 * bureau and signatory, read when the document is issued. */
void rectify_pdf_set_store_renderer (RectifyStore *store);

G_END_DECLS
