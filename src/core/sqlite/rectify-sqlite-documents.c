/* rectify-sqlite-documents.c: issued documents and their PDFs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-documents.h"

static gboolean
document_next_seq (RectifyStore *self, const char *kind, int year, int *seq, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "SELECT coalesce(max(seq), 0) + 1 FROM document WHERE kind = ? AND year = ?", error);
  int rc;

  *seq = 0;
  if (stmt == NULL)
    return FALSE;
  rectify_bind_text (stmt, 1, kind);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rectify_store_fail (self, rc, error);
  *seq = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
document_latest_after (RectifyStore *self,
                       const char *kind,
                       int year,
                       const char *date,
                       char **later_date,
                       char **later_number,
                       GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self,
      "SELECT issued_date, number FROM document WHERE kind = ? AND year = ?"
      " AND issued_date > ? ORDER BY issued_date DESC, seq DESC LIMIT 1",
      error);
  int rc;

  *later_date = *later_number = NULL;
  if (stmt == NULL)
    return FALSE;
  rectify_bind_text (stmt, 1, kind);
  sqlite3_bind_int (stmt, 2, year);
  rectify_bind_text (stmt, 3, date);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *later_date = rectify_column_text (stmt, 0);
      *later_number = rectify_column_text (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    return rectify_store_fail (self, rc, error);
  return TRUE;
}

static gint64
document_insert (RectifyStore *self, const RectifyDocument *d, GError **error)
{
  gint64 id;

  {
    g_autoptr (RectifyStmt) stmt
        = rectify_store_prepare (self,
                                 "INSERT INTO document (kind, year, seq, number, unit_id, "
                                 "campaign_id, issued_date, officer_id)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                 error);
    if (stmt == NULL)
      return 0;
    rectify_bind_text (stmt, 1, rectify_document_kind_to_code (d->kind));
    sqlite3_bind_int (stmt, 2, d->year);
    sqlite3_bind_int (stmt, 3, d->seq);
    rectify_bind_text (stmt, 4, d->number);
    sqlite3_bind_int64 (stmt, 5, d->unit_id);
    rectify_bind_id_or_null (stmt, 6, d->campaign_id);
    rectify_bind_text (stmt, 7, d->issued_date);
    rectify_bind_id_or_null (stmt, 8, d->officer_id);
    if (!rectify_store_step_done (self, stmt, error))
      return 0;
    id = sqlite3_last_insert_rowid (rectify_sqlite_db (self));
  }
  for (guint i = 0; d->hazard_ids && i < d->hazard_ids->len; i++)
    {
      g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
          self, "INSERT OR IGNORE INTO document_hazard (document_id, hazard_id) VALUES (?, ?)",
          error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (d->hazard_ids, gint64, i));
      if (!rectify_store_step_done (self, stmt, error))
        return 0;
    }
  return id;
}

static gboolean
document_put_pdf (RectifyStore *self, gint64 id, GBytes *pdf, const char *sha256, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "INSERT INTO document_pdf (document_id, pdf, sha256) VALUES (?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_blob64 (stmt, 2, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                       SQLITE_STATIC);
  rectify_bind_text (stmt, 3, sha256);
  return rectify_store_step_done (self, stmt, error);
}

static gboolean
document_get_pdf (
    RectifyStore *self, gint64 id, char **number, GBytes **pdf, char **sha256, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (self,
                                                        "SELECT d.number, p.pdf, p.sha256 FROM "
                                                        "document d LEFT JOIN "
                                                        "document_pdf p ON p.document_id = d.id"
                                                        " WHERE d.id = ?",
                                                        error);

  *number = NULL;
  *pdf = NULL;
  *sha256 = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  *number = rectify_column_text (stmt, 0);
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      *pdf = g_bytes_new (sqlite3_column_blob (stmt, 1), (gsize)sqlite3_column_bytes (stmt, 1));
      *sha256 = rectify_column_text (stmt, 2);
    }
  return TRUE;
}

static gboolean
document_set_void (
    RectifyStore *self, gint64 id, const char *reason, const char *void_date, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self, "UPDATE document SET status = 'void', void_reason = ?, void_date = ? WHERE id = ?",
      error);

  if (stmt == NULL)
    return FALSE;
  rectify_bind_text (stmt, 1, reason);
  rectify_bind_text (stmt, 2, void_date);
  sqlite3_bind_int64 (stmt, 3, id);
  return rectify_store_step_done (self, stmt, error);
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

static RectifyDocument *
document_get (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyDocument) d = NULL;

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
      return NULL;
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

static gint64
document_find (RectifyStore *self, const char *number, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self,
                               "SELECT id FROM document WHERE number = ?2 UNION ALL SELECT id "
                               "FROM document WHERE id = ?1 LIMIT 1",
                               error);

  if (!stmt)
    return 0;
  if (id)
    sqlite3_bind_int64 (stmt, 1, id);
  rectify_bind_text (stmt, 2, number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static const char *const document_sorts[]
    = { "issued_date", "d.issued_date", "id",     "d.id",     "number", "d.kind, d.year, d.seq",
        "unit",        "u.name",        "status", "d.status", NULL };

static GPtrArray *
document_list (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error)
{
  RectifyFilter f;
  GPtrArray *rows;
  const char *order = rectify_sort_expression (document_sorts, q ? q->sort : NULL);

  g_return_val_if_fail (order != NULL, NULL);

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

/* ---- the lazy list: ids of a filter in order, then rows by id ------------- */

static const char *const list_sorts[]
    = { "issued_date", "d.issued_date", "id",   "d.id",   "number", "d.kind, d.year, d.seq",
        "kind",        "d.kind",        "unit", "u.name", "status", "d.status",
        "officer",     "o.name",        NULL };

static void
document_filter (const RectifyQuery *q, const char *day, RectifyFilter *f)
{
  g_autofree char *words = NULL;

  rectify_filter_init (f);
  if (q == NULL)
    return;
  if (q->unit_id > 0)
    rectify_filter_add_int (f, "d.unit_id = ?", q->unit_id);
  if (q->campaign_id > 0)
    rectify_filter_add_int (f, "d.campaign_id = ?", q->campaign_id);
  if (q->kind >= 0)
    rectify_filter_add_text (f, "d.kind = ?", rectify_document_kind_to_code (q->kind));
  if (q->as_of_limits)
    {
      g_autofree char *clause = NULL;

      if (q->status == RECTIFY_DOCUMENT_ISSUED)
        clause = rectify_figures_sql_document_issued ("d.", "?");
      else if (q->status == RECTIFY_DOCUMENT_VOID)
        {
          g_autofree char *voided = rectify_figures_sql_document_void ("d.", "?");
          clause = g_strdup_printf ("d.issued_date <= ? AND %s", voided);
        }
      else
        clause = g_strdup ("d.issued_date <= ?");
      rectify_filter_add_day (f, clause, day);
    }
  else if (q->status >= 0)
    rectify_filter_add_text (f, "d.status = ?", rectify_document_status_to_code (q->status));
  words = g_strstrip (g_strdup (q->search ? q->search : ""));
  if (*words)
    {
      /* A number is typed as it is printed, in part ("〔2026〕7"); the
       * unit by the words of its name, through the unit index. */
      g_autofree char *match = rectify_fts_query (words);
      g_autoptr (GString) like = g_string_new ("%");

      for (const char *p = words; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (like, '\\');
          g_string_append_c (like, *p);
        }
      g_string_append_c (like, '%');
      if (match)
        rectify_filter_add_texts (
            f,
            "d.number LIKE ? ESCAPE '\\'"
            " OR d.unit_id IN (SELECT rowid FROM unit_fts WHERE unit_fts MATCH ?)",
            like->str, match, NULL);
      else
        rectify_filter_add_text (f, "d.number LIKE ? ESCAPE '\\'", like->str);
    }
}

static GArray *
document_query_ids (RectifyStore *self, const RectifyQuery *q, const char *day, GError **error)
{
  RectifyFilter f;
  const char *order = rectify_sort_expression (list_sorts, q ? q->sort : NULL);
  /* Join only what the order reads. */
  static const char *const joins[] = { "u.", " JOIN unit u ON u.id = d.unit_id", "o.",
                                       " LEFT JOIN officer o ON o.id = d.officer_id", NULL };
  GArray *ids;

  g_return_val_if_fail (order != NULL, NULL);

  document_filter (q, day, &f);
  ids = rectify_store_query_ids_ordered (self, "d.id", "document d", joins, &f, order, q, error);
  rectify_filter_clear (&f);
  return ids;
}

static GPtrArray *
document_get_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  return rectify_store_rows_by_ids (
      self, RECTIFY_DOCUMENT_COLUMNS, "document d JOIN unit u ON u.id = d.unit_id", "d.id",
      rectify_read_document_row, (GDestroyNotify)rectify_document_free, ids, n_ids, error);
}

const RectifyStoreDocumentOps rectify_sqlite_document_ops = {
  .next_seq = document_next_seq,
  .latest_after = document_latest_after,
  .insert = document_insert,
  .put_pdf = document_put_pdf,
  .get_pdf = document_get_pdf,
  .set_void = document_set_void,
  .get = document_get,
  .find = document_find,
  .list = document_list,
  .query_ids = document_query_ids,
  .get_by_ids = document_get_by_ids,
};
