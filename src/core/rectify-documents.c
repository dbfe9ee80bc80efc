/* rectify-documents.c: numbered official documents, gapless per kind and year
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

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
  g_autoptr (RectifyStmt) stmt = NULL;

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
  stmt = rectify_store_prepare (
      self, "INSERT INTO document_pdf (document_id, pdf, sha256) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_blob64 (stmt, 2, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                       SQLITE_STATIC);
  rectify_bind_text (stmt, 3, sha256);
  if (!rectify_store_step_done (self, stmt, error))
    return FALSE;
  {
    g_autofree char *after = g_strdup_printf ("{\"sha256\":\"%s\",\"size\":%" G_GSIZE_FORMAT "}",
                                              sha256, g_bytes_get_size (pdf));
    return rectify_store_audit (self, "document", id, "store-pdf", NULL, after, error);
  }
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
      || !rectify_validate_date (_ ("Date"), issued_date, error))
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
  year = atoi (issued_date);
  prefix = number_prefix (self, kind);

  /* BEGIN IMMEDIATE holds the write lock: no other process can take the
   * same number between reading the last one and writing ours. */
  if (!rectify_store_begin (self, error))
    return 0;
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self, "SELECT coalesce(max(seq), 0) + 1 FROM document WHERE kind = ? AND year = ?", error);
    ok = stmt != NULL;
    if (ok)
      {
        rectify_bind_text (stmt, 1, rectify_document_kind_to_code (kind));
        sqlite3_bind_int (stmt, 2, year);
        int rc = sqlite3_step (stmt);

        ok = rc == SQLITE_ROW;
        if (!ok)
          rectify_store_fail (self, rc, error);
        seq = ok ? sqlite3_column_int (stmt, 0) : 0;
      }
  }
  number = rectify_document_format_number (prefix, year, seq, FALSE);
  if (ok)
    {
      g_autoptr (RectifyStmt) stmt
          = rectify_store_prepare (self,
                                   "INSERT INTO document (kind, year, seq, number, unit_id, "
                                   "campaign_id, issued_date, officer_id)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                   error);
      ok = stmt != NULL;
      if (ok)
        {
          rectify_bind_text (stmt, 1, rectify_document_kind_to_code (kind));
          sqlite3_bind_int (stmt, 2, year);
          sqlite3_bind_int (stmt, 3, seq);
          rectify_bind_text (stmt, 4, number);
          sqlite3_bind_int64 (stmt, 5, unit_id);
          rectify_bind_id_or_null (stmt, 6, campaign_id);
          rectify_bind_text (stmt, 7, issued_date);
          rectify_bind_id_or_null (stmt, 8, rectify_store_get_actor (self));
          ok = rectify_store_step_done (self, stmt, error);
          id = sqlite3_last_insert_rowid (rectify_sqlite_db (self));
        }
    }
  for (guint i = 0; ok && i < n_hazards; i++)
    {
      g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
          self, "INSERT OR IGNORE INTO document_hazard (document_id, hazard_id) VALUES (?, ?)",
          error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, hazard_ids[i]);
          ok = rectify_store_step_done (self, stmt, error);
        }
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

gboolean
rectify_store_void_document (RectifyStore *self, gint64 id, const char *reason, GError **error)
{
  g_autoptr (RectifyDocument) doc = NULL;
  g_autofree char *today = rectify_today ();
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!check_manager (self, error)
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
  if (!rectify_store_check_campaign_open (self, doc->campaign_id, error)
      || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "document", id);
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self, "UPDATE document SET status = 'void', void_reason = ?, void_date = ? WHERE id = ?",
        error);
    ok = stmt != NULL;
    if (ok)
      {
        rectify_bind_text (stmt, 1, reason);
        rectify_bind_text (stmt, 2,
                           g_strcmp0 (today, doc->issued_date) >= 0 ? today : doc->issued_date);
        sqlite3_bind_int64 (stmt, 3, id);
        ok = rectify_store_step_done (self, stmt, error);
      }
  }
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
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *actual = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  stmt = rectify_store_prepare (self,
                                "SELECT d.number, p.pdf, p.sha256 FROM document d LEFT JOIN "
                                "document_pdf p ON p.document_id = d.id"
                                " WHERE d.id = ?",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("Document: there is no document with id %" PRId64), id);
      return NULL;
    }
  if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
          _ ("Document: %s was issued without a stored PDF; issue a new document to have one"),
          (const char *)sqlite3_column_text (stmt, 0));
      return NULL;
    }
  pdf = g_bytes_new (sqlite3_column_blob (stmt, 1), (gsize)sqlite3_column_bytes (stmt, 1));
  stored = rectify_column_text (stmt, 2);
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  if (g_strcmp0 (stored, actual) != 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_TAMPERED,
                   _ ("Document: the stored PDF of %s does not match its SHA-256; it was altered"),
                   (const char *)sqlite3_column_text (stmt, 0));
      return NULL;
    }
  if (sha256)
    *sha256 = g_steal_pointer (&stored);
  return g_steal_pointer (&pdf);
}

gpointer
rectify_read_document_row (RectifyStmt *stmt)
{
  RectifyDocument *d = rectify_document_new ();
  d->id = sqlite3_column_int64 (stmt, 0);
  rectify_document_kind_from_code ((const char *)sqlite3_column_text (stmt, 1), &d->kind);
  d->year = sqlite3_column_int (stmt, 2);
  d->seq = sqlite3_column_int (stmt, 3);
  d->number = rectify_column_text (stmt, 4);
  d->unit_id = sqlite3_column_int64 (stmt, 5);
  d->campaign_id = sqlite3_column_int64 (stmt, 6);
  d->issued_date = rectify_column_text (stmt, 7);
  d->officer_id = sqlite3_column_int64 (stmt, 8);
  rectify_document_status_from_code ((const char *)sqlite3_column_text (stmt, 9), &d->status);
  d->void_reason = rectify_column_text_or_null (stmt, 10);
  d->void_date = rectify_column_text_or_null (stmt, 11);
  d->unit_name = rectify_column_text (stmt, 12);
  return d;
}

RectifyDocument *
rectify_store_get_document (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyDocument) d = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  {
    g_autoptr (RectifyStmt) stmt
        = rectify_store_prepare (self,
                                 "SELECT " RECTIFY_DOCUMENT_COLUMNS
                                 " FROM document d JOIN unit u ON u.id = d.unit_id WHERE d.id = ?",
                                 error);
    if (!stmt)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                     _ ("Document: there is no document with id %" PRId64), id);
        return NULL;
      }
    d = rectify_read_document_row (stmt);
  }
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self, "SELECT hazard_id FROM document_hazard WHERE document_id = ? ORDER BY hazard_id",
        error);
    if (!stmt)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 hid = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (d->hazard_ids, hid);
      }
  }
  return g_steal_pointer (&d);
}

gboolean
rectify_store_find_document (RectifyStore *self,
                             const char *id_or_number,
                             gint64 *out_id,
                             GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  gint64 number = 0;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  stmt = rectify_store_prepare (self,
                                "SELECT id FROM document WHERE number = ?2 UNION ALL SELECT id "
                                "FROM document WHERE id = ?1 LIMIT 1",
                                error);
  if (!stmt)
    return FALSE;
  if (id_or_number && g_ascii_string_to_signed (id_or_number, 10, 1, G_MAXINT64, &number, NULL))
    sqlite3_bind_int64 (stmt, 1, number);
  rectify_bind_text (stmt, 2, id_or_number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("Document: no document has the id or number “%s”"),
                   id_or_number ? id_or_number : "");
      return FALSE;
    }
  *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static const char *const document_sorts[]
    = { "issued_date", "d.issued_date", "id",     "d.id",     "number", "d.kind, d.year, d.seq",
        "unit",        "u.name",        "status", "d.status", NULL };

GPtrArray *
rectify_store_list_documents (RectifyStore *self,
                              const RectifyQuery *q,
                              gint64 *total,
                              GError **error)
{
  RectifyFilter f;
  GPtrArray *rows;
  const char *order = rectify_sort_expression (document_sorts, q ? q->sort : NULL);

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (order == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Sort: unknown column “%s”; use issued_date, id, number, unit or status"),
                   q->sort);
      return NULL;
    }
  rectify_filter_init (&f);
  if (q)
    {
      if (q->unit_id > 0)
        rectify_filter_add_int (&f, "d.unit_id = ?", q->unit_id);
      if (q->campaign_id > 0)
        rectify_filter_add_int (&f, "d.campaign_id = ?", q->campaign_id);
      if (q->kind >= 0)
        rectify_filter_add_text (&f, "d.kind = ?", rectify_document_kind_to_code (q->kind));
      if (q->status >= 0)
        rectify_filter_add_text (&f, "d.status = ?", rectify_document_status_to_code (q->status));
      if (q->search && *q->search)
        {
          g_autofree char *match = rectify_fts_query (q->search);
          g_autofree char *like = g_strdup_printf ("%%%s%%", q->search);
          if (match)
            rectify_filter_add_texts (&f,
                                      "d.number LIKE ? OR d.unit_id IN (SELECT rowid FROM unit_fts "
                                      "WHERE unit_fts MATCH ?)",
                                      like, match, NULL);
          else
            rectify_filter_add_text (&f, "d.number LIKE ?", like);
        }
    }
  rows = rectify_store_query_page (
      self, RECTIFY_DOCUMENT_COLUMNS, "document d JOIN unit u ON u.id = d.unit_id", &f, order, q,
      rectify_read_document_row, (GDestroyNotify)rectify_document_free, total, error);
  rectify_filter_clear (&f);
  return rows;
}
