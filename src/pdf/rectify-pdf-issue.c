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

/* "曳引驱动乘客电梯，设备代码…，使用登记证编号…，位置：门诊楼" */
static char *
equipment_text (RectifyStore *store, gint64 equipment_id, RectifyPdfLanguage language)
{
  g_autoptr (RectifyEquipment) e = NULL;
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean en = language == RECTIFY_PDF_LANGUAGE_EN;

  if (equipment_id <= 0 || !(e = rectify_store_get_equipment (store, equipment_id, NULL)))
    return NULL;
  if (!empty (e->variety))
    g_ptr_array_add (parts, g_strdup (e->variety));
  if (!empty (e->code))
    g_ptr_array_add (parts, g_strconcat (en ? "code " : "设备代码", e->code, NULL));
  if (!empty (e->reg_cert))
    g_ptr_array_add (parts,
                     g_strconcat (en ? "registration " : "使用登记证编号", e->reg_cert, NULL));
  if (!empty (e->location))
    g_ptr_array_add (parts, g_strconcat (en ? "at " : "位置：", e->location, NULL));
  g_ptr_array_add (parts, NULL);
  return parts->len > 1 ? g_strjoinv (en ? ", " : "，", (char **)parts->pdata) : NULL;
}

static gboolean
was_stopped (RectifyStore *store, gint64 hazard_id)
{
  g_autoptr (GPtrArray) events = rectify_store_list_hazard_events (store, hazard_id, NULL);

  for (guint i = 0; events && i < events->len; i++)
    if (((RectifyHazardEvent *)g_ptr_array_index (events, i))->kind == RECTIFY_EVENT_STOP_USE)
      return TRUE;
  return FALSE;
}

/* "林建华（执法证号35010001）、王明（…）": the officers of the inspections
 * that found the hazards, each once. */
static char *
inspectors_text (RectifyStore *store, GPtrArray *hazards, RectifyPdfLanguage language)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GString) text = g_string_new (NULL);
  gboolean en = language == RECTIFY_PDF_LANGUAGE_EN;

  for (guint i = 0; i < hazards->len; i++)
    {
      RectifyHazard *h = g_ptr_array_index (hazards, i);
      g_autoptr (RectifyInspection) inspection = NULL;

      if (h->inspection_id <= 0
          || !(inspection = rectify_store_get_inspection (store, h->inspection_id, NULL)))
        continue;
      for (guint k = 0; inspection->officer_ids && k < inspection->officer_ids->len; k++)
        {
          gint64 id = g_array_index (inspection->officer_ids, gint64, k);
          if (!g_hash_table_contains (seen, &id))
            {
              g_array_append_val (ids, id);
              g_hash_table_add (seen, &g_array_index (ids, gint64, ids->len - 1));
            }
        }
    }
  /* the table's keys point into ids: no more appends from here */
  for (guint k = 0; k < ids->len; k++)
    {
      g_autoptr (RectifyOfficer) o
          = rectify_store_get_officer (store, g_array_index (ids, gint64, k), NULL);
      if (o == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, en ? ", " : "、");
      g_string_append (text, o->name);
      if (!empty (o->badge))
        g_string_append_printf (text, en ? " (badge %s)" : "（执法证号%s）", o->badge);
    }
  return text->len > 0 ? g_strdup (text->str) : NULL;
}

char *
rectify_pdf_issue_provision (RectifyStore *store,
                             RectifyPdfProvision which,
                             RectifyPdfLanguage language)
{
  g_autofree char *key = rectify_pdf_letter_provision_key (which, language);
  char *value = rectify_store_get_setting (store, key, NULL);

  if (!empty (value))
    return value;
  g_free (value);
  return g_strdup (rectify_pdf_letter_default_provision (which, language));
}

char *
rectify_pdf_issue_default_text (RectifyStore *store,
                                RectifyPdfLetterKind kind,
                                RectifyPdfLanguage language,
                                RectifyPdfLetterPart part,
                                const char *deadline,
                                const char *date)
{
  g_autofree char *basis = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  basis = rectify_pdf_issue_provision (store, RECTIFY_PDF_PROVISION_INSTRUCTION, language);
  return rectify_pdf_letter_default_text (kind, language, part, deadline, date, basis);
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
  g_autofree char *title_font = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *stop_basis = NULL;
  g_autofree char *inspectors = NULL;
  g_autofree char *contact = NULL;
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
      item.equipment = equipment_text (store, h->equipment_id, options->language);
      if (item.equipment)
        g_ptr_array_add (strings, (char *)item.equipment);
      item.major = h->grade == RECTIFY_GRADE_MAJOR;
      item.stopped = was_stopped (store, h->id);
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
  title_font = rectify_store_get_setting (store, "document-title-font", NULL);
  basis = rectify_pdf_issue_provision (store, RECTIFY_PDF_PROVISION_INSTRUCTION, options->language);
  stop_basis = rectify_pdf_issue_provision (store, RECTIFY_PDF_PROVISION_STOP, options->language);
  inspectors = inspectors_text (store, hazards, options->language);
  contact = rectify_store_get_setting (store, "bureau-contact", NULL);

  letter.kind = document->kind == RECTIFY_DOCUMENT_RECTIFICATION_OPINION
                    ? RECTIFY_PDF_LETTER_OPINION
                    : RECTIFY_PDF_LETTER_INSTRUCTION;
  letter.language = options->language;
  letter.bureau = bureau;
  letter.signatory = signatory;
  /* the number as registered, in every language (English_number is the
   * number's English reading, not what the register holds) */
  letter.number = document->number;
  letter.unit_name = document->unit_name;
  letter.date = document->issued_date;
  letter.hazards = (const RectifyPdfHazard *)items->data;
  letter.n_hazards = items->len;
  letter.body_font = empty (body_font) ? NULL : body_font;
  letter.heading_font = empty (heading_font) ? NULL : heading_font;
  letter.title_font = empty (title_font) ? NULL : title_font;
  letter.basis = basis;
  letter.stop_basis = stop_basis;
  letter.inspectors = inspectors;
  letter.contact = empty (contact) ? NULL : contact;
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
