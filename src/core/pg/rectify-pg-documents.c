/* rectify-pg-documents.c: issued documents, their hazards and PDFs, on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers are gapless per kind and year with many workstations issuing at
 * once: next_seq locks the counter row of the kind and year (SELECT … FOR
 * UPDATE) until the issuing transaction ends, and insert moves the counter
 * to the number it used, so a rolled-back issue leaves the counter as it
 * was and a second issuer waits, then reads the number after the first.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-figures.h"
#include "rectify-pg-private.h"
#include "rectify-store-documents.h"

#define DOCUMENT_COLUMNS                                                                           \
  "d.id, d.kind, d.year, d.seq, d.number, d.unit_id, coalesce(d.campaign_id, 0),"                  \
  " d.issued_date, coalesce(d.officer_id, 0), d.status, d.void_reason, d.void_date, u.name"
#define DOCUMENT_FROM "document d JOIN unit u ON u.id = d.unit_id"

static gboolean
document_latest_after (RectifyStore *self,
                       const char *kind,
                       int year,
                       const char *date,
                       char **later_date,
                       char **later_number,
                       GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  *later_date = *later_number = NULL;
  rectify_pg_add_text (&p, kind);
  rectify_pg_add_int (&p, year);
  rectify_pg_add_text (&p, date);
  res = rectify_pg_exec (self,
                         "SELECT issued_date, number FROM document WHERE kind = $1 AND year = $2"
                         " AND issued_date > $3 ORDER BY issued_date DESC, seq DESC LIMIT 1",
                         &p, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) > 0)
    {
      *later_date = rectify_pg_dup_text (res, 0, 0);
      *later_number = rectify_pg_dup_text (res, 0, 1);
    }
  return TRUE;
}

static gboolean
document_next_seq (RectifyStore *self, const char *kind, int year, int *seq, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  gint64 next = 0;

  *seq = 0;
  rectify_pg_add_text (&p, kind);
  rectify_pg_add_int (&p, year);
  /* the number shown before an issue is confirmed is read in a read-only
   * snapshot: it neither makes nor locks the counter */
  if (!rectify_pg_query_int (self, "SELECT current_setting ('transaction_read_only')::boolean::int",
                             NULL, &next, error))
    return FALSE;
  if (next)
    {
      if (!rectify_pg_query_int (
              self,
              "SELECT greatest ((SELECT seq FROM document_counter WHERE kind = $1 AND year = $2),"
              " (SELECT coalesce(max(seq), 0) FROM document WHERE kind = $1 AND year = $2)) + 1",
              &p, &next, error))
        return FALSE;
      *seq = (int)next;
      return TRUE;
    }
  /* the first issue of a kind and year makes its counter (a second
   * workstation doing the same waits on the key, then finds it) */
  if (!rectify_pg_run (self,
                       "INSERT INTO document_counter (kind, year, seq)"
                       " SELECT $1, $2, coalesce(max(seq), 0) FROM document"
                       " WHERE kind = $1 AND year = $2 ON CONFLICT (kind, year) DO NOTHING",
                       &p, error))
    return FALSE;
  /* the lock is held until the transaction ends; after waiting for it the
   * row is read as the other issuer left it */
  if (!rectify_pg_query_int (self,
                             "SELECT greatest (c.seq, (SELECT coalesce(max(seq), 0) FROM document"
                             " WHERE kind = $1 AND year = $2)) + 1"
                             " FROM document_counter c WHERE c.kind = $1 AND c.year = $2"
                             " FOR UPDATE",
                             &p, &next, error))
    return FALSE;
  *seq = (int)next;
  return TRUE;
}

static gint64
document_insert (RectifyStore *self, const RectifyDocument *d, GError **error)
{
  gint64 id;

  {
    g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

    rectify_pg_add_text (&p, rectify_document_kind_to_code (d->kind));
    rectify_pg_add_int (&p, d->year);
    rectify_pg_add_int (&p, d->seq);
    rectify_pg_add_text (&p, d->number);
    rectify_pg_add_int (&p, d->unit_id);
    rectify_pg_add_id_or_null (&p, d->campaign_id);
    rectify_pg_add_text (&p, d->issued_date);
    rectify_pg_add_id_or_null (&p, d->officer_id);
    id = rectify_pg_insert (self,
                            "INSERT INTO document (kind, year, seq, number, unit_id, "
                            "campaign_id, issued_date, officer_id)"
                            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                            &p, error);
    if (id == 0)
      return 0;
  }
  {
    g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

    rectify_pg_add_text (&p, rectify_document_kind_to_code (d->kind));
    rectify_pg_add_int (&p, d->year);
    rectify_pg_add_int (&p, d->seq);
    if (!rectify_pg_run (self,
                         "INSERT INTO document_counter (kind, year, seq) VALUES ($1, $2, $3)"
                         " ON CONFLICT (kind, year)"
                         " DO UPDATE SET seq = greatest (document_counter.seq, excluded.seq)",
                         &p, error))
      return 0;
  }
  for (guint i = 0; d->hazard_ids && i < d->hazard_ids->len; i++)
    {
      g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

      rectify_pg_add_int (&p, id);
      rectify_pg_add_int (&p, g_array_index (d->hazard_ids, gint64, i));
      if (!rectify_pg_run (self,
                           "INSERT INTO document_hazard (document_id, hazard_id) VALUES ($1, $2)"
                           " ON CONFLICT DO NOTHING",
                           &p, error))
        return 0;
    }
  return id;
}

static gboolean
document_put_pdf (RectifyStore *self, gint64 id, GBytes *pdf, const char *sha256, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_int (&p, id);
  rectify_pg_add_bytea (&p, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  rectify_pg_add_text (&p, sha256);
  return rectify_pg_run (
      self, "INSERT INTO document_pdf (document_id, pdf, sha256) VALUES ($1, $2, $3)", &p, error);
}

static gboolean
document_get_pdf (
    RectifyStore *self, gint64 id, char **number, GBytes **pdf, char **sha256, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  *number = NULL;
  *pdf = NULL;
  *sha256 = NULL;
  rectify_pg_add_int (&p, id);
  res = rectify_pg_exec (self,
                         "SELECT d.number, p.pdf, p.sha256 FROM document d"
                         " LEFT JOIN document_pdf p ON p.document_id = d.id WHERE d.id = $1",
                         &p, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    return TRUE;
  *number = rectify_pg_dup_text (res, 0, 0);
  if (!rectify_pg_is_null (res, 0, 1))
    {
      *pdf = rectify_pg_bytea (res, 0, 1);
      *sha256 = rectify_pg_dup_text (res, 0, 2);
    }
  return TRUE;
}

static gboolean
document_set_void (
    RectifyStore *self, gint64 id, const char *reason, const char *void_date, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_text (&p, reason);
  rectify_pg_add_text (&p, void_date);
  rectify_pg_add_int (&p, id);
  return rectify_pg_run (
      self, "UPDATE document SET status = 'void', void_reason = $1, void_date = $2 WHERE id = $3",
      &p, error);
}

static gpointer
read_document (const PGresult *r, int row)
{
  RectifyDocument *d = rectify_document_new ();

  d->id = rectify_pg_int (r, row, 0);
  rectify_document_kind_from_code (rectify_pg_text (r, row, 1), &d->kind);
  d->year = (int)rectify_pg_int (r, row, 2);
  d->seq = (int)rectify_pg_int (r, row, 3);
  d->number = rectify_pg_dup_text (r, row, 4);
  d->unit_id = rectify_pg_int (r, row, 5);
  d->campaign_id = rectify_pg_int (r, row, 6);
  d->issued_date = rectify_pg_dup_text (r, row, 7);
  d->officer_id = rectify_pg_int (r, row, 8);
  rectify_document_status_from_code (rectify_pg_text (r, row, 9), &d->status);
  d->void_reason = rectify_pg_dup_text_or_null (r, row, 10);
  d->void_date = rectify_pg_dup_text_or_null (r, row, 11);
  d->unit_name = rectify_pg_dup_text (r, row, 12);
  return d;
}

static RectifyDocument *
document_get (RectifyStore *self, gint64 id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (RectifyDocument) d = NULL;

  rectify_pg_add_int (&p, id);
  {
    g_autoptr (PGresult) res = rectify_pg_exec (
        self, "SELECT " DOCUMENT_COLUMNS " FROM " DOCUMENT_FROM " WHERE d.id = $1", &p, error);
    if (res == NULL || PQntuples (res) == 0)
      return NULL;
    d = read_document (res, 0);
  }
  {
    g_autoptr (PGresult) res = rectify_pg_exec (
        self, "SELECT hazard_id FROM document_hazard WHERE document_id = $1 ORDER BY hazard_id", &p,
        error);
    if (res == NULL)
      return NULL;
    for (int i = 0; i < PQntuples (res); i++)
      {
        gint64 hid = rectify_pg_int (res, i, 0);
        g_array_append_val (d->hazard_ids, hid);
      }
  }
  return g_steal_pointer (&d);
}

static gint64
document_find (RectifyStore *self, const char *number, gint64 id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  gint64 found = 0;

  rectify_pg_add_id_or_null (&p, id);
  rectify_pg_add_text (&p, number);
  if (!rectify_pg_query_int (self,
                             "SELECT id FROM (SELECT id, 0 AS rank FROM document WHERE number = $2"
                             " UNION ALL SELECT id, 1 FROM document WHERE id = $1) f"
                             " ORDER BY rank LIMIT 1",
                             &p, &found, error))
    return 0;
  return found;
}

static const char *const document_sorts[]
    = { "issued_date", "d.issued_date", "id",     "d.id",     "number", "d.kind, d.year, d.seq",
        "unit",        "u.name",        "status", "d.status", NULL };

/* words as a LIKE pattern matching them anywhere, escaped with \ when escape */
static char *
like_pattern (const char *words, gboolean escape)
{
  GString *like = g_string_new ("%");

  for (const char *c = words; *c; c++)
    {
      if (escape && (*c == '%' || *c == '_' || *c == '\\'))
        g_string_append_c (like, '\\');
      g_string_append_c (like, *c);
    }
  g_string_append_c (like, '%');
  return g_string_free (like, FALSE);
}

/* A number typed as it is printed, in part ("〔2026〕7"), or the unit by
 * the words of its name (SQLite's LIKE ignores ASCII case: ILIKE). */
static void
add_search (RectifyPgFilter *f, const char *words, gboolean escape)
{
  g_autofree char *query = rectify_pg_tsquery (words);
  g_autofree char *like = like_pattern (words, escape);
  const char *number = escape ? "d.number ILIKE ? ESCAPE '\\'" : "d.number ILIKE ? ESCAPE ''";

  if (query)
    {
      g_autofree char *clause = g_strdup_printf (
          "%s OR d.unit_id IN (SELECT id FROM unit WHERE fts @@ ?::tsquery)", number);
      rectify_pg_filter_add_texts (f, clause, like, query, NULL);
    }
  else
    rectify_pg_filter_add_text (f, number, like);
}

static GPtrArray *
document_list (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error)
{
  RectifyPgFilter f;
  GPtrArray *rows;
  const char *order = rectify_pg_sort_expression (document_sorts, q ? q->sort : NULL);

  g_return_val_if_fail (order != NULL, NULL);

  rectify_pg_filter_init (&f);
  if (q)
    {
      if (q->unit_id > 0)
        rectify_pg_filter_add_int (&f, "d.unit_id = ?", q->unit_id);
      if (q->campaign_id > 0)
        rectify_pg_filter_add_int (&f, "d.campaign_id = ?", q->campaign_id);
      if (q->kind >= 0)
        rectify_pg_filter_add_text (&f, "d.kind = ?", rectify_document_kind_to_code (q->kind));
      if (q->status >= 0)
        rectify_pg_filter_add_text (&f, "d.status = ?",
                                    rectify_document_status_to_code (q->status));
      if (q->search && *q->search)
        add_search (&f, q->search, FALSE);
    }
  rows = rectify_pg_query_page (self, DOCUMENT_COLUMNS, DOCUMENT_FROM, &f, order, q, read_document,
                                (GDestroyNotify)rectify_document_free, total, error);
  rectify_pg_filter_clear (&f);
  return rows;
}

/* ---- the lazy list: ids of a filter in order, then rows by id ------------- */

static const char *const list_sorts[]
    = { "issued_date", "d.issued_date", "id",   "d.id",   "number", "d.kind, d.year, d.seq",
        "kind",        "d.kind",        "unit", "u.name", "status", "d.status",
        "officer",     "o.name",        NULL };

static void
document_filter (const RectifyQuery *q, const char *day, RectifyPgFilter *f)
{
  g_autofree char *words = NULL;

  rectify_pg_filter_init (f);
  if (q == NULL)
    return;
  if (q->unit_id > 0)
    rectify_pg_filter_add_int (f, "d.unit_id = ?", q->unit_id);
  if (q->campaign_id > 0)
    rectify_pg_filter_add_int (f, "d.campaign_id = ?", q->campaign_id);
  if (q->kind >= 0)
    rectify_pg_filter_add_text (f, "d.kind = ?", rectify_document_kind_to_code (q->kind));
  if (q->as_of_limits)
    {
      g_autofree char *clause = NULL;

      if (q->status == RECTIFY_DOCUMENT_ISSUED)
        clause = rectify_pg_sql_document_issued ("d.", "?");
      else if (q->status == RECTIFY_DOCUMENT_VOID)
        {
          g_autofree char *voided = rectify_pg_sql_document_void ("d.", "?");
          clause = g_strdup_printf ("d.issued_date <= ? AND %s", voided);
        }
      else
        clause = g_strdup ("d.issued_date <= ?");
      rectify_pg_filter_add_day (f, clause, day);
    }
  else if (q->status >= 0)
    rectify_pg_filter_add_text (f, "d.status = ?", rectify_document_status_to_code (q->status));
  words = g_strstrip (g_strdup (q->search ? q->search : ""));
  if (*words)
    add_search (f, words, TRUE);
}

static GArray *
document_query_ids (RectifyStore *self, const RectifyQuery *q, const char *day, GError **error)
{
  RectifyPgFilter f;
  const char *order = rectify_pg_sort_expression (list_sorts, q ? q->sort : NULL);
  /* join only what the order reads */
  static const char *const joins[] = { "u.", " JOIN unit u ON u.id = d.unit_id", "o.",
                                       " LEFT JOIN officer o ON o.id = d.officer_id", NULL };
  GArray *ids;

  g_return_val_if_fail (order != NULL, NULL);

  document_filter (q, day, &f);
  ids = rectify_pg_query_ids_ordered (self, "d.id", "document d", joins, &f, order, q, error);
  rectify_pg_filter_clear (&f);
  return ids;
}

static GPtrArray *
document_get_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  return rectify_pg_rows_by_ids (self, DOCUMENT_COLUMNS, DOCUMENT_FROM, "d.id", read_document,
                                 (GDestroyNotify)rectify_document_free, ids, n_ids, error);
}

const RectifyStoreDocumentOps rectify_pg_document_ops = {
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
