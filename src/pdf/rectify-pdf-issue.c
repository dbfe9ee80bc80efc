/* rectify-pdf-issue.c: the PDF of a document being issued, from the records of the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-pdf-issue.h"

RectifyPdfLanguage
rectify_pdf_default_language (RectifyStore *store)
{
  g_autofree char *code = rectify_store_get_setting (store, "document-language", "zh_CN");
  RectifyPdfLanguage language = RECTIFY_PDF_LANGUAGE_ZH_CN;

  rectify_pdf_language_from_code (code, &language);
  return language;
}

static char *
category_label (GPtrArray *categories, const char *code, RectifyPdfLanguage language)
{
  for (guint i = 0; categories && i < categories->len; i++)
    {
      RectifyHazardCategory *c = g_ptr_array_index (categories, i);
      if (g_strcmp0 (c->code, code) == 0)
        return g_strdup (language == RECTIFY_PDF_LANGUAGE_EN ? c->name_en : c->name_zh);
    }
  return g_strdup (code);
}

static gboolean
empty (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

GBytes *
rectify_pdf_render_document (RectifyStore *store,
                             const RectifyDocument *document,
                             const char *english_number,
                             gpointer user_data,
                             GError **error)
{
  const RectifyPdfIssueOptions *options = user_data;
  g_autoptr (GPtrArray) hazards
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_hazard_free);
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) categories = NULL;
  g_autoptr (GArray) items = g_array_new (FALSE, TRUE, sizeof (RectifyPdfHazard));
  g_autofree char *bureau = NULL;
  g_autofree char *signatory = NULL;
  g_autofree char *body_font = NULL;
  g_autofree char *heading_font = NULL;
  RectifyPdfLetter letter = { 0 };

  g_return_val_if_fail (options != NULL && document != NULL, NULL);

  categories = rectify_store_list_hazard_categories (store, NULL);
  for (guint i = 0; i < document->hazard_ids->len; i++)
    {
      RectifyHazard *h = rectify_store_get_hazard (
          store, g_array_index (document->hazard_ids, gint64, i), error);
      RectifyPdfHazard item = { 0 };
      char *label;

      if (h == NULL)
        return NULL;
      g_ptr_array_add (hazards, h);
      /* the problem: its category, and what the officer wrote */
      label = category_label (categories, h->category, options->language);
      if (!empty (h->content))
        {
          char *both = g_strconcat (
              label, options->language == RECTIFY_PDF_LANGUAGE_EN ? ": " : "：", h->content, NULL);
          g_free (label);
          label = both;
        }
      g_ptr_array_add (strings, label);
      item.description = label;
      item.standard = h->standard;
      item.measures = h->measures;
      item.deadline = h->deadline;
      g_array_append_val (items, item);
    }

  bureau = options->bureau ? g_strdup (options->bureau)
                           : rectify_store_get_setting (store, "bureau-name", NULL);
  signatory = options->signatory ? g_strdup (options->signatory)
                                 : rectify_store_get_setting (store, "signatory", NULL);
  if (empty (signatory) && rectify_store_get_actor (store) > 0)
    {
      g_autoptr (RectifyOfficer) officer
          = rectify_store_get_officer (store, rectify_store_get_actor (store), NULL);
      if (officer)
        {
          g_free (signatory);
          signatory = g_strdup (officer->name);
        }
    }
  body_font = rectify_store_get_setting (store, "document-body-font", NULL);
  heading_font = rectify_store_get_setting (store, "document-heading-font", NULL);

  letter.kind = document->kind == RECTIFY_DOCUMENT_RECTIFICATION_OPINION
                    ? RECTIFY_PDF_LETTER_OPINION
                    : RECTIFY_PDF_LETTER_INSTRUCTION;
  letter.language = options->language;
  letter.bureau = bureau;
  letter.signatory = signatory;
  letter.number = options->language == RECTIFY_PDF_LANGUAGE_EN ? english_number : document->number;
  letter.unit_name = document->unit_name;
  letter.date = document->issued_date;
  letter.hazards = (const RectifyPdfHazard *)items->data;
  letter.n_hazards = items->len;
  letter.body_font = empty (body_font) ? NULL : body_font;
  letter.heading_font = empty (heading_font) ? NULL : heading_font;
  letter.intro = options->intro;
  letter.order = options->order;
  letter.remedies = options->remedies;
  return rectify_pdf_letter_render (&letter, error);
}

static GBytes *
render_with_settings (RectifyStore *store,
                      const RectifyDocument *document,
                      const char *english_number,
                      gpointer user_data,
                      GError **error)
{
  RectifyPdfIssueOptions options = { rectify_pdf_default_language (store), NULL, NULL };

  return rectify_pdf_render_document (store, document, english_number, &options, error);
}

void
rectify_pdf_set_store_renderer (RectifyStore *store)
{
  g_return_if_fail (RECTIFY_IS_STORE (store));

  rectify_store_set_document_renderer (store, render_with_settings, NULL, NULL);
}
