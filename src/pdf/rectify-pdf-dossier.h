/* rectify-pdf-dossier.h: the archive dossier of one unit in a campaign, as PDF/A-1b
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
  const char *bureau; /* NULL = the setting "bureau-name" */
} RectifyPdfDossierOptions;

/* The unit's registration data and equipment; the campaign's inspections
 * of it with their checklists; its hazards in the campaign with their whole
 * timeline and the photographs of their evidence embedded (JPEG and PNG;
 * other attachments listed by name and SHA-256); the documents issued to it
 * in the campaign with the SHA-256 of their stored PDF.  Tables break
 * across pages with their header repeated. */
GBytes *rectify_pdf_dossier_render (RectifyStore *store,
                                    gint64 campaign_id,
                                    gint64 unit_id,
                                    const RectifyPdfDossierOptions *options,
                                    GError **error);

G_END_DECLS
