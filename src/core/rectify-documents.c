/* rectify-documents.c: numbered official documents, gapless per kind and year
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "rectify-store-documents.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"

char *
rectify_document_format_number (const char *prefix, int year, int seq, gboolean english)
{
  /* GB/T 9704: agency code, year in hexagonal brackets, number without 第 or leading zeros */
  if (english)
    return g_strdup_printf ("No. %d [%d], %s", seq, year, prefix);
  return g_strdup_printf ("%s〔%d〕%d号", prefix, year, seq);
}

static char *
number_prefix (RectifyStore *self, RectifyDocumentKind kind)
{
  if (kind == RECTIFY_DOCUMENT_INSTRUCTION_LETTER)
    return rectify_store_get_setting (self, "number-prefix-instruction", "X市监特指");
  return rectify_store_get_setting (self, "number-prefix-opinion", "X市监特整");
}

static gboolean
check_manager (RectifyStore *self, GError **error)
{
  if (rectify_store_get_actor (self) == 0
      || rectify_store_get_actor_role (self) != RECTIFY_ROLE_MANAGER)
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_PERMISSION,
          _ ("Only a manager can issue or void documents; choose a manager as the acting officer"));
      return FALSE;
    }
  return TRUE;
}

gboolean
rectify_store_can_issue_documents (RectifyStore *self, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  return check_manager (self, error);
}

gint64
rectify_store_issue_document (RectifyStore *self,
                              RectifyDocumentKind kind,
                              gint64 unit_id,
                              gint64 campaign_id,
                              const char *issued_date,
                              const gint64 *hazard_ids,
                              guint n_hazards,
                              GError **error)
{
  gpointer render_data = NULL;
  RectifyDocumentRenderFunc render = rectify_store_get_document_renderer (self, &render_data);

  return rectify_store_issue_document_with_pdf (self, kind, unit_id, campaign_id, issued_date,
                                                hazard_ids, n_hazards, render, render_data, error);
}

/* Renders the document inside the issuing transaction and stores the bytes. */
static gboolean
store_pdf (RectifyStore *self,
           gint64 id,
           const char *prefix,
           RectifyDocumentRenderFunc render,
           gpointer user_data,
           GError **error)
{
  g_autoptr (RectifyDocument) document = rectify_store_get_document (self, id, error);
  g_autoptr (GBytes) pdf = NULL;
  g_autofree char *english = NULL;
  g_autofree char *sha256 = NULL;

  if (document == NULL)
    return FALSE;
  english = rectify_document_format_number (prefix, document->year, document->seq, TRUE);
  pdf = render (self, document, english, user_data, error);
  if (pdf == NULL)
    {
      if (error && *error == NULL)
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                     _ ("PDF: the document could not be written"));
      return FALSE;
    }
  if (g_bytes_get_size (pdf) == 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("PDF: the document came out empty"));
      return FALSE;
    }
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  if (!RECTIFY_STORE_OPS (self, documents)->put_pdf (self, id, pdf, sha256, error))
    return FALSE;
  {
    /* the whole document again, now with its PDF's hash */
    g_autofree char *after = rectify_store_row_json (self, "document", id);
    return rectify_store_audit (self, "document", id, "store-pdf", NULL, after, error);
  }
}

/* Numbers follow dates within a kind and year: a letter dated before one
 * already issued would take a number after it. Inside the issuing
 * transaction, so that no later letter can come in between. */
static gboolean
check_number_order (
    RectifyStore *self, RectifyDocumentKind kind, int year, const char *date, GError **error)
{
  g_autofree char *later_date = NULL;
  g_autofree char *later_number = NULL;

  if (!RECTIFY_STORE_OPS (self, documents)
           ->latest_after (self, rectify_document_kind_to_code (kind), year, date, &later_date,
                           &later_number, error))
    return FALSE;
  if (later_date)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   /* Translators: "Date: 2026-04-10 is before 2026-05-02, the date of
                    * X市监特指〔2026〕3号; …" */
                   _ ("Date: %s is before %s, the date of %s; numbers follow dates, so a document "
                      "of this kind and year cannot be dated before one already issued"),
                   date, later_date, later_number);
      return FALSE;
    }
  return TRUE;
}

gint64
rectify_store_issue_document_with_pdf (RectifyStore *self,
                                       RectifyDocumentKind kind,
                                       gint64 unit_id,
                                       gint64 campaign_id,
                                       const char *issued_date,
                                       const gint64 *hazard_ids,
                                       guint n_hazards,
                                       RectifyDocumentRenderFunc render,
                                       gpointer user_data,
                                       GError **error)
{
  g_autofree char *today = rectify_today ();
  g_autofree char *prefix = NULL;
  g_autofree char *number = NULL;
  gint64 id = 0;
  int year, seq = 0;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);

  if (issued_date == NULL || *issued_date == '\0')
    issued_date = today;
  if (!check_manager (self, error) || rectify_document_kind_to_code (kind) == NULL
      || !rectify_store_check_id (self, "unit", unit_id, _ ("Unit"), error)
      || (campaign_id
          && !rectify_store_check_id (self, "campaign", campaign_id, _ ("Campaign"), error))
      || !rectify_store_check_campaign_open (self, campaign_id, error)
      || !rectify_validate_past_date (_ ("Date"), issued_date, error))
    {
      if (error && !*error)
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                     _ ("Kind: unknown kind of document"));
      return 0;
    }
  if (n_hazards == 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Hazards: a document lists at least one hazard of the unit"));
      return 0;
    }
  for (guint i = 0; i < n_hazards; i++)
    {
      g_autoptr (RectifyHazard) h = rectify_store_get_hazard (self, hazard_ids[i], error);
      if (!h)
        return 0;
      if (h->unit_id != unit_id)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("Hazards: hazard %" PRId64 " belongs to another unit"), h->id);
          return 0;
        }
      if (strcmp (issued_date, h->found_date) < 0)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("Date: %s is before hazard %" PRId64 " was found (%s)"), issued_date,
                       h->id, h->found_date);
          return 0;
        }
      /* an archived campaign is closed to new documents, whichever way it
       * is named: by the caller or by the hazards */
      if (!rectify_store_check_campaign_open (self, h->campaign_id, error))
        return 0;
      if (campaign_id != 0 && h->campaign_id != 0 && h->campaign_id != campaign_id)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("Hazards: hazard %" PRId64
                          " belongs to another campaign; a document deals with one"),
                       h->id);
          return 0;
        }
      if (campaign_id == 0)
        campaign_id = h->campaign_id;
    }
  /* the sample's own letters carry its placeholders; a bureau's, its own */
  if (!rectify_store_is_system (self) && !rectify_store_check_bureau_set_up (self, error))
    return 0;
  year = atoi (issued_date);
  prefix = number_prefix (self, kind);

  /* BEGIN IMMEDIATE holds the write lock: no other process can take the
   * same number between reading the last one and writing ours. */
  if (!rectify_store_begin (self, error))
    return 0;
  ok = check_number_order (self, kind, year, issued_date, error)
       && RECTIFY_STORE_OPS (self, documents)
              ->next_seq (self, rectify_document_kind_to_code (kind), year, &seq, error);
  number = rectify_document_format_number (prefix, year, seq, FALSE);
  if (ok)
    {
      g_autoptr (RectifyDocument) d = rectify_document_new ();

      d->kind = kind;
      d->year = year;
      d->seq = seq;
      d->number = g_strdup (number);
      d->unit_id = unit_id;
      d->campaign_id = campaign_id;
      d->issued_date = g_strdup (issued_date);
      d->officer_id = rectify_store_get_actor (self);
      g_array_append_vals (d->hazard_ids, hazard_ids, n_hazards);
      id = RECTIFY_STORE_OPS (self, documents)->insert (self, d, error);
      ok = id != 0;
    }
  if (ok)
    {
      g_autofree char *after = rectify_store_row_json (self, "document", id);
      ok = rectify_store_audit (self, "document", id, "issue", NULL, after, error);
    }
  /* the PDF is written before the number is committed: a failure uses no number */
  if (ok && render)
    ok = store_pdf (self, id, prefix, render, user_data, error);
  return rectify_store_end (self, ok, error) ? id : 0;
}

char *
rectify_store_next_document_number (RectifyStore *self,
                                    RectifyDocumentKind kind,
                                    const char *issued_date,
                                    GError **error)
{
  g_autofree char *today = rectify_today ();
  g_autofree char *prefix = NULL;
  int seq = 0;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (issued_date == NULL || *issued_date == '\0')
    issued_date = today;
  if (rectify_document_kind_to_code (kind) == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Kind: unknown kind of document"));
      return NULL;
    }
  if (!rectify_validate_date (_ ("Date"), issued_date, error)
      || !rectify_store_begin_read (self, error))
    return NULL;
  ok = RECTIFY_STORE_OPS (self, documents)
           ->next_seq (self, rectify_document_kind_to_code (kind), atoi (issued_date), &seq, error);
  rectify_store_end (self, FALSE, NULL);
  if (!ok)
    return NULL;
  prefix = number_prefix (self, kind);
  return rectify_document_format_number (prefix, atoi (issued_date), seq, FALSE);
}

gboolean
rectify_store_void_document (RectifyStore *self, gint64 id, const char *reason, GError **error)
{
  return rectify_store_void_document_on (self, id, NULL, reason, error);
}

gboolean
rectify_store_void_document_on (
    RectifyStore *self, gint64 id, const char *void_date, const char *reason, GError **error)
{
  g_autoptr (RectifyDocument) doc = NULL;
  g_autofree char *today = rectify_today ();
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (void_date == NULL || *void_date == '\0')
    void_date = today;
  if (!check_manager (self, error)
      || !rectify_validate_past_date (_ ("Void date"), void_date, error)
      || !rectify_validate_required (_ ("Reason"), reason, 2000, error))
    return FALSE;
  doc = rectify_store_get_document (self, id, error);
  if (!doc)
    return FALSE;
  if (doc->status == RECTIFY_DOCUMENT_VOID)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE, _ ("Document %s is already void"),
                   doc->number);
      return FALSE;
    }
  if (strcmp (void_date, doc->issued_date) < 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Void date: %s is before %s was issued (%s)"), void_date, doc->number,
                   doc->issued_date);
      return FALSE;
    }
  if (!rectify_store_check_campaign_open (self, doc->campaign_id, error)
      || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "document", id);
  ok = RECTIFY_STORE_OPS (self, documents)->set_void (self, id, reason, void_date, error);
  if (ok)
    {
      g_autofree char *after = rectify_store_row_json (self, "document", id);
      ok = rectify_store_audit (self, "document", id, "void", before, after, error);
    }
  return rectify_store_end (self, ok, error);
}

GBytes *
rectify_store_get_document_pdf (RectifyStore *self, gint64 id, char **sha256, GError **error)
{
  g_autoptr (GBytes) pdf = NULL;
  g_autofree char *number = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *actual = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!RECTIFY_STORE_OPS (self, documents)->get_pdf (self, id, &number, &pdf, &stored, error))
    return NULL;
  if (number == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("Document: there is no document with id %" PRId64), id);
      return NULL;
    }
  if (pdf == NULL)
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
          _ ("Document: %s was issued without a stored PDF; issue a new document to have one"),
          number);
      return NULL;
    }
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  if (g_strcmp0 (stored, actual) != 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_TAMPERED,
                   _ ("Document: the stored PDF of %s does not match its SHA-256; it was altered"),
                   number);
      return NULL;
    }
  if (sha256)
    *sha256 = g_steal_pointer (&stored);
  return g_steal_pointer (&pdf);
}

RectifyDocument *
rectify_store_get_document (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  RectifyDocument *d;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  d = RECTIFY_STORE_OPS (self, documents)->get (self, id, &local_error);
  if (d == NULL)
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                     _ ("Document: there is no document with id %" PRId64), id);
    }
  return d;
}

gboolean
rectify_store_find_document (RectifyStore *self,
                             const char *id_or_number,
                             gint64 *out_id,
                             GError **error)
{
  g_autoptr (GError) local_error = NULL;
  gint64 number = 0;
  gint64 id;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!id_or_number || !g_ascii_string_to_signed (id_or_number, 10, 1, G_MAXINT64, &number, NULL))
    number = 0;
  id = RECTIFY_STORE_OPS (self, documents)->find (self, id_or_number, number, &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (id == 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("Document: no document has the id or number “%s”"),
                   id_or_number ? id_or_number : "");
      return FALSE;
    }
  *out_id = id;
  return TRUE;
}

/* The keys a list of documents sorts by. */
static gboolean
known_sort (const char *const *keys, const char *key)
{
  return key == NULL || g_strv_contains (keys, key);
}

static const char *const document_sorts[]
    = { "issued_date", "id", "number", "unit", "status", NULL };

GPtrArray *
rectify_store_list_documents (RectifyStore *self,
                              const RectifyQuery *q,
                              gint64 *total,
                              GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!known_sort (document_sorts, q ? q->sort : NULL))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Sort: unknown column “%s”; use issued_date, id, number, unit or status"),
                   q->sort);
      return NULL;
    }
  return RECTIFY_STORE_OPS (self, documents)->list (self, q, total, error);
}
