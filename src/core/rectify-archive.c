/* rectify-archive.c: the archive folder of a finished campaign, its manifest and its verification
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * manifest.csv is the root of trust of a folder: it lists every other file
 * (manifest.json too) with its SHA-256, so that verification needs nothing
 * but GLib and a folder that was copied anywhere.
 */
#define G_LOG_DOMAIN "rectify-core"
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "rectify-archive.h"
#include "rectify-csv.h"
#include "rectify-format.h"
#include "rectify-store-audit.h"
#include "rectify-store-figures.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"

GArray *
rectify_archive_list_units (RectifyStore *store, gint64 campaign_id, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  return RECTIFY_STORE_OPS (store, figures)->campaign_units (store, campaign_id, error);
}

/* ---- writing -------------------------------------------------------------- */

typedef struct
{
  char *path; /* relative */
  gint64 size;
  char *sha256;
  char *note; /* unit credit code, document number, "summary" */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *e = data;
  g_free (e->path);
  g_free (e->sha256);
  g_free (e->note);
  g_free (e);
}

/* A file name from a document number: no separators or characters that
 * Windows refuses, so the folder copies anywhere. */
static char *
safe_name (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c < 0x20 || strchr ("/\\:*?\"<>|", (int)(c < 0x80 ? c : 'a')) != NULL)
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
  if (out->len == 0 || out->str[0] == '.')
    g_string_prepend_c (out, '_');
  return g_string_free (out, FALSE);
}

static gboolean
write_io_error (const char *path, int saved_errno, GError **error)
{
  g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
               _ ("Archive folder: %s cannot be written: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* Writes data as root/relative and records it in entries. */
static gboolean
add_file (const char *root,
          const char *relative,
          const char *note,
          GBytes *data,
          GPtrArray *entries,
          GError **error)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr (GError) local = NULL;
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);
  Entry *e;

  /* the folder is renamed into place only when whole: no temporary file per file */
  if (!g_file_set_contents_full (path, bytes ? bytes : "", (gssize)size, G_FILE_SET_CONTENTS_NONE,
                                 0644, &local))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                   _ ("Archive folder: %s cannot be written: %s"), path, local->message);
      return FALSE;
    }
  e = g_new0 (Entry, 1);
  e->path = g_strdup (relative);
  e->size = (gint64)size;
  e->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  e->note = g_strdup (note ? note : "");
  g_ptr_array_add (entries, e);
  return TRUE;
}

/* Removes a folder this module made, with what it wrote inside. */
static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

typedef struct
{
  char *number;
  char *kind;
  char *issued_date;
  char *status;
} MissingPdf;

static void
missing_pdf_free (gpointer data)
{
  MissingPdf *m = data;
  g_free (m->number);
  g_free (m->kind);
  g_free (m->issued_date);
  g_free (m->status);
  g_free (m);
}

/* Where the audit log ends (see read_audit_mark). */
typedef struct
{
  gint64 id;
  char *hash;
} AuditMark;

static GBytes *
manifest_json (const RectifyCampaign *campaign,
               const AuditMark *mark,
               const char *language,
               GPtrArray *entries,
               GPtrArray *missing)
{
  g_autofree char *end = rectify_campaign_end_date (campaign);
  g_autofree char *now = rectify_now_utc ();
  GString *out = g_string_new (
      "{\n  \"format\": \"rectify-archive\",\n  \"version\": 1,\n  \"created_at\": ");

  rectify_json_append_string (out, now);
  g_string_append (out, ",\n  \"language\": ");
  rectify_json_append_string (out, language ? language : "");
  g_string_append_printf (
      out, ",\n  \"campaign\": {\n    \"id\": %" G_GINT64_FORMAT ",\n    \"name\": ", campaign->id);
  rectify_json_append_string (out, campaign->name);
  g_string_append (out, ",\n    \"start_date\": ");
  rectify_json_append_string (out, campaign->start_date);
  g_string_append (out, ",\n    \"end_date\": ");
  rectify_json_append_string (out, end);
  /* the anchor of the database's audit chain: verify --archive looks for it there */
  g_string_append_printf (
      out,
      "\n  },\n  \"audit_head\": {\n    \"id\": %" G_GINT64_FORMAT ",\n    \"hash\": ", mark->id);
  rectify_json_append_string (out, mark->hash ? mark->hash : "");
  g_string_append (out, "\n  },\n  \"files\": [");
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = g_ptr_array_index (entries, i);
      g_string_append (out, i ? ",\n    { \"path\": " : "\n    { \"path\": ");
      rectify_json_append_string (out, e->path);
      g_string_append_printf (out, ", \"size\": %" G_GINT64_FORMAT ", \"sha256\": ", e->size);
      rectify_json_append_string (out, e->sha256);
      g_string_append (out, ", \"note\": ");
      rectify_json_append_string (out, e->note);
      g_string_append (out, " }");
    }
  g_string_append (out, entries->len ? "\n  ],\n  \"missing_pdf\": [" : "],\n  \"missing_pdf\": [");
  for (guint i = 0; i < missing->len; i++)
    {
      const MissingPdf *m = g_ptr_array_index (missing, i);
      g_string_append (out, i ? ",\n    { \"number\": " : "\n    { \"number\": ");
      rectify_json_append_string (out, m->number);
      g_string_append (out, ", \"kind\": ");
      rectify_json_append_string (out, m->kind);
      g_string_append (out, ", \"issued_date\": ");
      rectify_json_append_string (out, m->issued_date);
      g_string_append (out, ", \"status\": ");
      rectify_json_append_string (out, m->status);
      g_string_append (out, ", \"note\": \"missing-pdf\" }");
    }
  g_string_append (out, missing->len ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free_to_bytes (out);
}

#define CSV_HEADER "path,size,sha256,note"

static GBytes *
manifest_csv (GPtrArray *entries, GPtrArray *missing)
{
  /* with a BOM, so that a spreadsheet shows the Chinese numbers */
  GString *out = g_string_new ("\xEF\xBB\xBF" CSV_HEADER "\r\n");

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = g_ptr_array_index (entries, i);
      g_autofree char *size = g_strdup_printf ("%" G_GINT64_FORMAT, e->size);
      const char *cells[] = { e->path, size, e->sha256, e->note };
      rectify_csv_append_row (out, cells, G_N_ELEMENTS (cells), RECTIFY_CSV_PLAIN);
    }
  for (guint i = 0; i < missing->len; i++)
    {
      const MissingPdf *m = g_ptr_array_index (missing, i);
      g_autofree char *note = g_strdup_printf ("missing-pdf: %s", m->number);
      const char *cells[] = { NULL, NULL, NULL, note };
      rectify_csv_append_row (out, cells, G_N_ELEMENTS (cells), RECTIFY_CSV_PLAIN);
    }
  return g_string_free_to_bytes (out);
}

static void
progress (const RectifyArchiveOptions *options, guint done, guint total, const char *current)
{
  if (options->progress)
    options->progress (done, total, current, options->progress_data);
}

static gboolean
write_documents (RectifyStore *store,
                 gint64 campaign_id,
                 const char *root,
                 GPtrArray *entries,
                 GPtrArray *missing,
                 GCancellable *cancellable,
                 GError **error)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  q.campaign_id = campaign_id;
  q.sort = "id";
  docs = rectify_store_list_documents (store, &q, NULL, error);
  if (!docs)
    return FALSE;
  for (guint i = 0; i < docs->len; i++)
    {
      const RectifyDocument *d = g_ptr_array_index (docs, i);
      g_autoptr (GError) local = NULL;
      g_autoptr (GBytes) pdf = NULL;
      g_autofree char *base = safe_name (d->number);
      g_autofree char *relative = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      pdf = rectify_store_get_document_pdf (store, d->id, NULL, &local);
      if (pdf == NULL)
        {
          MissingPdf *m;
          /* a stored PDF that no longer matches its hash must not be archived as genuine */
          if (!g_error_matches (local, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          m = g_new0 (MissingPdf, 1);
          m->number = g_strdup (d->number);
          m->kind = g_strdup (rectify_document_kind_to_code (d->kind));
          m->issued_date = g_strdup (d->issued_date);
          m->status = g_strdup (rectify_document_status_to_code (d->status));
          g_ptr_array_add (missing, m);
          continue;
        }
      relative = g_strdup_printf ("documents/%s.pdf", base);
      if (g_hash_table_contains (names, relative))
        {
          g_free (relative);
          relative = g_strdup_printf ("documents/%s-%" G_GINT64_FORMAT ".pdf", base, d->id);
        }
      g_hash_table_add (names, g_strdup (relative));
      if (!add_file (root, relative, d->number, pdf, entries, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_contents (RectifyStore *store,
                const RectifyCampaign *campaign,
                const AuditMark *mark,
                char **manifest_sha256,
                const char *root,
                const RectifyArchiveOptions *options,
                GPtrArray *entries,
                GCancellable *cancellable,
                GError **error)
{
  g_autoptr (GArray) units = rectify_archive_list_units (store, campaign->id, error);
  g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (missing_pdf_free);
  g_autoptr (GBytes) summary = NULL;
  g_autoptr (GBytes) json = NULL;
  g_autoptr (GBytes) csv = NULL;
  g_autofree char *dossiers = g_build_filename (root, "dossiers", NULL);
  g_autofree char *documents = g_build_filename (root, "documents", NULL);
  guint total;

  if (!units)
    return FALSE;
  if (g_mkdir (dossiers, 0755) != 0)
    return write_io_error (dossiers, errno, error);
  if (g_mkdir (documents, 0755) != 0)
    return write_io_error (documents, errno, error);
  /* dossiers, the documents and the summary as one step, the manifests as one */
  total = units->len + 3;

  for (guint i = 0; i < units->len; i++)
    {
      gint64 unit_id = g_array_index (units, gint64, i);
      g_autoptr (RectifyUnit) unit = NULL;
      g_autoptr (GBytes) pdf = NULL;
      g_autofree char *relative = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !(unit = rectify_store_get_unit (store, unit_id, error)))
        return FALSE;
      {
        g_autofree char *base = safe_name (unit->credit_code);
        relative = g_strdup_printf ("dossiers/%s.pdf", base);
      }
      progress (options, i, total, relative);
      if (!(pdf = options->render (store, campaign->id, unit_id, options->render_data, error))
          || !add_file (root, relative, unit->credit_code, pdf, entries, error))
        return FALSE;
    }
  progress (options, units->len, total, "documents/");
  if (!write_documents (store, campaign->id, root, entries, missing, cancellable, error))
    return FALSE;
  progress (options, units->len + 1, total, "summary.pdf");
  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || !(summary = options->render (store, campaign->id, 0, options->render_data, error))
      || !add_file (root, "summary.pdf", "summary", summary, entries, error))
    return FALSE;
  progress (options, units->len + 2, total, "manifest.csv");
  json = manifest_json (campaign, mark, options->language, entries, missing);
  if (!add_file (root, "manifest.json", "manifest", json, entries, error))
    return FALSE;
  csv = manifest_csv (entries, missing);
  *manifest_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, csv);
  {
    g_autoptr (GPtrArray) ignored = g_ptr_array_new_with_free_func (entry_free);
    if (g_cancellable_set_error_if_cancelled (cancellable, error)
        || !add_file (root, "manifest.csv", NULL, csv, ignored, error))
      return FALSE;
  }
  progress (options, total, total, NULL);
  return TRUE;
}

/* Where the audit log ends: its newest entry's id and hash (0 and NULL
 * when it is empty).
 *
 * Why the audit log and not PRAGMA data_version: every write transaction of
 * Rectify, from any program, appends at least one audit entry, and the log
 * is part of the data, so reading its end inside the archive's snapshot and
 * again inside the transaction that archives the campaign compares exactly
 * "what the files were made from" with "what is committed now".
 * data_version is a counter local to one connection, moved by commits of
 * other connections only, and in WAL mode a deferred BEGIN takes its
 * snapshot at the first read, not at BEGIN, so a pragma read at the wrong
 * moment would miss a commit; an audit row read is itself the first read of
 * the snapshot.  The hash as well as the id: an entry that replaced the
 * newest one under the same id (the chain forbids it, a damaged file might
 * not) still counts as a change. */

static gboolean
read_audit_mark (RectifyStore *store, AuditMark *mark, GError **error)
{
  g_clear_pointer (&mark->hash, g_free);
  return RECTIFY_STORE_OPS (store, audit)->last (store, &mark->id, &mark->hash, error);
}

/* Inside the read transaction: the campaign, the checks of dir, and every
 * file written into partial (made_partial says whether it was made). */
static gboolean
write_snapshot (RectifyStore *store,
                gint64 campaign_id,
                const char *dir,
                const char *partial,
                const RectifyArchiveOptions *options,
                AuditMark *mark,
                char **manifest_sha256,
                RectifyCampaign **campaign_out,
                gboolean *made_partial,
                GCancellable *cancellable,
                GError **error)
{
  g_autoptr (RectifyCampaign) campaign = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autofree char *parent = g_path_get_dirname (dir);

  /* the first read: it fixes the snapshot that every later read sees */
  if (!read_audit_mark (store, mark, error)
      || !(campaign = rectify_store_get_campaign (store, campaign_id, error)))
    return FALSE;
  if (g_file_test (dir, G_FILE_TEST_EXISTS) || g_file_test (dir, G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                   _ ("Archive folder: %s already exists; an archive is written into a new folder"),
                   dir);
      return FALSE;
    }
  if (g_file_test (partial, G_FILE_TEST_EXISTS))
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
          _ ("Archive folder: %s is left from an archive that did not finish; remove it first"),
          partial);
      return FALSE;
    }
  if (!g_file_test (parent, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                   _ ("Archive folder: %s does not exist; the archive folder is made inside an "
                      "existing one"),
                   parent);
      return FALSE;
    }
  if (g_mkdir (partial, 0755) != 0)
    return write_io_error (partial, errno, error);
  *made_partial = TRUE;
  if (!write_contents (store, campaign, mark, manifest_sha256, partial, options, entries,
                       cancellable, error))
    return FALSE;
  *campaign_out = g_steal_pointer (&campaign);
  return TRUE;
}

/* Inside the write transaction: whether anything was committed since the
 * snapshot the files were made from. */
static gboolean
check_unchanged (RectifyStore *store,
                 const RectifyCampaign *campaign,
                 const AuditMark *snapshot,
                 GError **error)
{
  AuditMark now = { 0, NULL };
  gboolean same;

  if (!read_audit_mark (store, &now, error))
    return FALSE;
  same = now.id == snapshot->id && g_strcmp0 (now.hash, snapshot->hash) == 0;
  g_free (now.hash);
  if (!same)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   _ ("Campaign: “%s” changed while it was being archived (the database was "
                      "written meanwhile, "
                      "perhaps from another workstation); archive it again"),
                   campaign->name);
      return FALSE;
    }
  return TRUE;
}

#define N_OPEN_LISTED 10

char *
rectify_archive_check_finished (RectifyStore *store, gint64 campaign_id, GError **error)
{
  static const RectifyHazardStatus open_statuses[]
      = { RECTIFY_HAZARD_OPEN, RECTIFY_HAZARD_RECTIFYING, RECTIFY_HAZARD_RECTIFIED };
  g_autoptr (RectifyCampaign) campaign = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GPtrArray) listed
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_hazard_free);
  g_autofree char *today = rectify_today ();
  g_autofree char *last_day = NULL;
  gint64 n_open = 0;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  if (!(campaign = rectify_store_get_campaign (store, campaign_id, error)))
    return NULL;
  if (campaign->status == RECTIFY_CAMPAIGN_ARCHIVED)
    return NULL;

  last_day = rectify_date_add_days (campaign->start_date, MAX (campaign->days, 1) - 1);
  if (last_day && strcmp (today, last_day) < 0)
    {
      g_autofree char *day = rectify_format_date (last_day);
      /* Translators: %s is the campaign's last day */
      g_string_append_printf (text, _ ("The campaign runs until %s."), day);
    }

  for (guint i = 0; i < G_N_ELEMENTS (open_statuses); i++)
    {
      RectifyQuery q = RECTIFY_QUERY_INIT;
      g_autoptr (GPtrArray) page = NULL;
      gint64 total = 0;

      q.campaign_id = campaign_id;
      q.status = open_statuses[i];
      q.limit = N_OPEN_LISTED;
      if (!(page = rectify_store_list_hazards (store, &q, &total, error)))
        return NULL;
      n_open += total;
      for (guint j = 0; j < page->len && listed->len < N_OPEN_LISTED; j++)
        g_ptr_array_add (listed, g_steal_pointer (&g_ptr_array_index (page, j)));
    }
  if (n_open > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%" PRId64 " hazard is not cancelled yet:",
                                           "%" PRId64 " hazards are not cancelled yet:", n_open),
                              n_open);
      for (guint j = 0; j < listed->len; j++)
        {
          RectifyHazard *h = g_ptr_array_index (listed, j);
          g_autofree char *deadline = rectify_format_date (h->deadline);
          /* Translators: a hazard still open: its number, unit, status and deadline */
          g_string_append_printf (text, _ ("\n  no. %" PRId64 ", %s: %s, deadline %s"), h->id,
                                  h->unit_name ? h->unit_name : "",
                                  rectify_hazard_status_to_label (h->status), deadline);
        }
      if (n_open > (gint64)listed->len)
        g_string_append_printf (text, _ ("\n  and %" PRId64 " more"), n_open - (gint64)listed->len);
    }
  return text->len > 0 ? g_strdup (text->str) : NULL;
}

/* The database's record of the archive: its manifest's hash, the anchor of the chain outside. */
static gboolean
audit_archive (RectifyStore *store,
               gint64 campaign_id,
               const char *dir,
               const AuditMark *mark,
               const char *manifest_sha256,
               GError **error)
{
  g_autoptr (GString) after = g_string_new ("{\"campaign_id\":");
  g_autofree char *base = g_path_get_basename (dir);

  g_string_append_printf (after, "%" G_GINT64_FORMAT ",\"folder\":", campaign_id);
  rectify_json_append_string (after, base);
  g_string_append_printf (after,
                          ",\"audit_head\":%" G_GINT64_FORMAT ",\"manifest_sha256\":", mark->id);
  rectify_json_append_string (after, manifest_sha256);
  g_string_append_c (after, '}');
  return rectify_store_audit (store, "archive", campaign_id, "archive", NULL, after->str, error);
}

gboolean
rectify_archive_write (RectifyStore *store,
                       gint64 campaign_id,
                       const char *dir,
                       const RectifyArchiveOptions *options,
                       GCancellable *cancellable,
                       GError **error)
{
  g_autoptr (RectifyCampaign) campaign = NULL;
  g_autofree char *partial = NULL;
  AuditMark mark = { 0, NULL };
  g_autofree char *manifest_sha256 = NULL;
  gboolean made_partial = FALSE;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL && options->render != NULL, FALSE);

  if (dir == NULL || *dir == '\0')
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Archive folder: choose a folder to create"));
      return FALSE;
    }
  partial = g_strconcat (dir, ".partial", NULL);
  if (!options->force)
    {
      g_autoptr (GError) local = NULL;
      g_autofree char *unfinished = rectify_archive_check_finished (store, campaign_id, &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (unfinished != NULL)
        {
          /* Translators: %s says what is not finished (rectify_archive_check_finished) */
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_UNCONFIRMED,
                       _ ("Archive: the campaign is not finished.\n%s"), unfinished);
          return FALSE;
        }
    }

  /* Every read of the archive, the renderers' included (they read through
   * this connection), in one read transaction: WAL keeps its snapshot while
   * other programs go on writing, so the files agree with one another. */
  ok = rectify_store_begin_read (store, error);
  if (ok)
    {
      ok = write_snapshot (store, campaign_id, dir, partial, options, &mark, &manifest_sha256,
                           &campaign, &made_partial, cancellable, error);
      rectify_store_end (store, FALSE, NULL);
    }
  if (ok)
    {
      /* the campaign is archived in the same transaction that the folder is
       * renamed into place: either both happen or neither; and only when the
       * database is still what the files were made from, else a write of
       * another program would be in the archived campaign but not in its
       * archive */
      gboolean archived = campaign->status == RECTIFY_CAMPAIGN_ARCHIVED;

      ok = rectify_store_begin (store, error);
      if (ok)
        {
          ok = check_unchanged (store, campaign, &mark, error)
               && (archived || rectify_store_archive_campaign (store, campaign_id, error))
               && audit_archive (store, campaign_id, dir, &mark, manifest_sha256, error);
          if (ok && renameat2 (AT_FDCWD, partial, AT_FDCWD, dir, RENAME_NOREPLACE) != 0)
            ok = write_io_error (dir, errno, error);
          if (!rectify_store_end (store, ok, ok ? error : NULL) && ok)
            {
              /* not archived after all: the folder goes back to being partial */
              if (g_rename (dir, partial) != 0)
                remove_tree (dir);
              ok = FALSE;
            }
        }
    }
  if (!ok && made_partial)
    remove_tree (partial);
  g_free (mark.hash);
  return ok;
}

/* ---- verifying ------------------------------------------------------------ */

void
rectify_archive_report_clear (RectifyArchiveReport *report)
{
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  report->n_files = 0;
  report->n_missing_pdf = 0;
}

const char *
rectify_archive_problem_kind_to_label (RectifyArchiveProblemKind kind)
{
  switch (kind)
    {
    case RECTIFY_ARCHIVE_FILE_MISSING:
      return _ ("missing");
    case RECTIFY_ARCHIVE_FILE_CHANGED:
      return _ ("changed");
    case RECTIFY_ARCHIVE_FILE_EXTRA:
      return _ ("extra");
    default:
      return "";
    }
}

static void
problem_free (gpointer data)
{
  RectifyArchiveProblem *p = data;
  g_free (p->path);
  g_free (p);
}

static void
add_problem (RectifyArchiveReport *report, RectifyArchiveProblemKind kind, const char *path)
{
  RectifyArchiveProblem *p = g_new0 (RectifyArchiveProblem, 1);
  p->kind = kind;
  p->path = g_strdup (path);
  g_ptr_array_add (report->problems, p);
}

static int
compare_problems (gconstpointer a, gconstpointer b)
{
  const RectifyArchiveProblem *pa = *(RectifyArchiveProblem **)a;
  const RectifyArchiveProblem *pb = *(RectifyArchiveProblem **)b;
  return strcmp (pa->path, pb->path);
}

/* One CSV record from *p (our own writing: quoted fields, "" inside). */
static GPtrArray *
csv_record (const char **p)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *s = *p;

  for (;;)
    {
      if (*s == '"')
        {
          for (s++; *s; s++)
            {
              if (*s == '"' && s[1] == '"')
                {
                  g_string_append_c (field, '"');
                  s++;
                }
              else if (*s == '"')
                {
                  s++;
                  break;
                }
              else
                g_string_append_c (field, *s);
            }
        }
      while (*s && *s != ',' && *s != '\r' && *s != '\n')
        g_string_append_c (field, *s++);
      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*s == ',')
        {
          s++;
          continue;
        }
      break;
    }
  if (*s == '\r')
    s++;
  if (*s == '\n')
    s++;
  *p = s;
  g_string_free (field, TRUE);
  return fields;
}

/* Every regular file under root, as relative paths. */
static void
collect_files (const char *root, const char *relative, GHashTable *found)
{
  g_autofree char *path = relative ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = relative ? g_strconcat (relative, "/", name, NULL) : g_strdup (name);
      g_autofree char *full = g_build_filename (root, child, NULL);
      if (g_file_test (full, G_FILE_TEST_IS_DIR) && !g_file_test (full, G_FILE_TEST_IS_SYMLINK))
        collect_files (root, child, found);
      else
        g_hash_table_add (found, g_steal_pointer (&child));
    }
}

static gboolean
safe_relative (const char *path)
{
  g_auto (GStrv) parts = NULL;

  if (*path == '\0' || *path == '/' || strchr (path, '\\'))
    return FALSE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i]; i++)
    if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
      return FALSE;
  return TRUE;
}

gboolean
rectify_archive_verify (const char *dir, RectifyArchiveReport *report, GError **error)
{
  g_autofree char *manifest = g_build_filename (dir, "manifest.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p;
  guint line = 1;

  g_return_val_if_fail (dir != NULL && report != NULL, FALSE);

  report->n_files = 0;
  report->n_missing_pdf = 0;
  report->problems = g_ptr_array_new_with_free_func (problem_free);
  if (!g_file_get_contents (manifest, &text, NULL, &local))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                   _ ("Archive folder: %s cannot be read: %s"), manifest, local->message);
      return FALSE;
    }
  p = g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text;
  {
    g_autoptr (GPtrArray) header = csv_record (&p);
    g_autofree char *joined = NULL;
    g_ptr_array_add (header, NULL);
    joined = g_strjoinv (",", (char **)header->pdata);
    if (strcmp (joined, CSV_HEADER) != 0)
      {
        g_set_error (
            error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
            _ ("Archive folder: %s is not a Rectify archive manifest (its first line is not “%s”)"),
            manifest, CSV_HEADER);
        return FALSE;
      }
  }
  collect_files (dir, NULL, found);
  g_hash_table_remove (found, "manifest.csv");

  while (*p)
    {
      g_autoptr (GPtrArray) f = csv_record (&p);
      const char *path, *sha;
      g_autofree char *full = NULL;
      g_autofree char *contents = NULL;
      gsize length;
      gint64 size;

      line++;
      if (f->len == 1 && *(char *)f->pdata[0] == '\0')
        continue;
      if (f->len != 4)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("Archive folder: line %u of %s has %u fields instead of 4"), line,
                       manifest, f->len);
          return FALSE;
        }
      path = f->pdata[0];
      sha = f->pdata[2];
      if (*path == '\0' && g_str_has_prefix (f->pdata[3], "missing-pdf"))
        {
          report->n_missing_pdf++;
          continue;
        }
      if (!safe_relative (path) || g_hash_table_contains (listed, path))
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("Archive folder: line %u of %s names “%s”, not a file of the folder"),
                       line, manifest, path);
          return FALSE;
        }
      g_hash_table_add (listed, g_strdup (path));
      report->n_files++;
      size = g_ascii_strtoll (f->pdata[1], NULL, 10);
      full = g_build_filename (dir, path, NULL);
      if (!g_hash_table_remove (found, path)
          || !g_file_get_contents (full, &contents, &length, NULL))
        {
          add_problem (report, RECTIFY_ARCHIVE_FILE_MISSING, path);
          continue;
        }
      if ((gint64)length != size)
        add_problem (report, RECTIFY_ARCHIVE_FILE_CHANGED, path);
      else
        {
          g_autofree char *actual
              = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
          if (g_ascii_strcasecmp (actual, sha) != 0)
            add_problem (report, RECTIFY_ARCHIVE_FILE_CHANGED, path);
        }
    }
  {
    GHashTableIter iter;
    gpointer key;
    g_hash_table_iter_init (&iter, found);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      add_problem (report, RECTIFY_ARCHIVE_FILE_EXTRA, key);
  }
  g_ptr_array_sort (report->problems, compare_problems);
  return TRUE;
}

gboolean
rectify_archive_read_anchor (
    const char *dir, gint64 *head_id, char **head_hash, char **manifest_sha256, GError **error)
{
  g_autofree char *json_path = g_build_filename (dir, "manifest.json", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "manifest.csv", NULL);
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *head = NULL;
  gsize csv_len = 0;
  GError *local = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);

  *head_id = 0;
  *head_hash = NULL;
  *manifest_sha256 = NULL;
  if (!g_file_get_contents (json_path, &json, NULL, &local)
      || !g_file_get_contents (csv_path, &csv, &csv_len, &local))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Archive folder: %s"),
                   local->message);
      g_error_free (local);
      return FALSE;
    }
  head = rectify_audit_json_member (json, "audit_head");
  if (!head || !rectify_audit_json_int (head, "id", head_id)
      || !(*head_hash = rectify_audit_json_text (head, "hash")))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Archive folder: %s records no audit head (it was written before Rectify "
                      "recorded one); check it against its manifest alone: rectify-cli verify %s"),
                   json_path, dir);
      return FALSE;
    }
  *manifest_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)csv, csv_len);
  return TRUE;
}
