/* rectify-audit.c: the hash-chained audit log of every write
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-archive.h"
#include "rectify-store-audit.h"
#include "rectify-store-private.h"
#include "rectify-store-settings.h"

/* The setting that holds the newest row's id and hash. */
#define AUDIT_HEAD_KEY "audit-head"
/* Set by the schema's upgrade when the entries before it need a baseline. */
#define BASELINE_KEY "audit-baseline-due"
#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

static char *
chain_hash (const char *prev_hash,
            const char *at,
            gint64 officer_id,
            const char *entity,
            gint64 entity_id,
            const char *action,
            const char *before,
            const char *after)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *numbers = g_strdup_printf ("%" PRId64 "\n%" PRId64 "\n", officer_id, entity_id);
  /* NUL separators and a marker for NULL keep the fields unambiguous. */
  const char *fields[] = { prev_hash, at, numbers, entity, action, before, after };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i])
        g_checksum_update (sum, (const guchar *)fields[i], strlen (fields[i]));
      else
        g_checksum_update (sum, (const guchar *)"\x01null", 5);
      g_checksum_update (sum, (const guchar *)"", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

gboolean
rectify_store_audit (RectifyStore *self,
                     const char *entity,
                     gint64 entity_id,
                     const char *action,
                     const char *before_json,
                     const char *after_json,
                     GError **error)
{
  g_autofree char *prev = NULL;
  g_autofree char *at = rectify_now_utc ();
  g_autofree char *hash = NULL;
  gint64 last_id = 0;

  g_assert (rectify_store_in_transaction (self));
  if (!rectify_store_check_actor (self, error))
    return FALSE;

  if (!RECTIFY_STORE_OPS (self, audit)->last (self, &last_id, &prev, error))
    return FALSE;
  if (prev == NULL)
    prev = g_strdup (GENESIS_HASH);
  hash = chain_hash (prev, at, rectify_store_get_actor (self), entity, entity_id, action,
                     before_json, after_json);
  {
    RectifyStoreAuditRow row = {
      .at = at,
      .officer_id = rectify_store_get_actor (self),
      .entity = entity,
      .entity_id = entity_id,
      .action = action,
      .before_json = before_json,
      .after_json = after_json,
      .prev_hash = prev,
      .hash = hash,
    };
    if (!RECTIFY_STORE_OPS (self, audit)->append (self, &row, error))
      return FALSE;
    /* the head where the chain checks it: a row taken off the end shows */
    {
      g_autofree char *head = g_strdup_printf ("%" PRId64 " %s", last_id + 1, hash);
      if (!RECTIFY_STORE_OPS (self, settings)->put (self, AUDIT_HEAD_KEY, head, error))
        return FALSE;
    }
  }
  rectify_store_mark_changed (self, entity);
  return TRUE;
}

static void
finding_free (gpointer data)
{
  RectifyAuditFinding *f = data;
  g_free (f->table);
  g_free (f->message);
  g_free (f);
}

void
rectify_audit_report_clear (RectifyAuditReport *report)
{
  g_clear_pointer (&report->problem, g_free);
  g_clear_pointer (&report->head_hash, g_free);
  g_clear_pointer (&report->findings, g_ptr_array_unref);
  report->rows = 0;
  report->first_bad_id = 0;
  report->head_id = 0;
  report->records = 0;
}

gboolean
rectify_audit_report_intact (const RectifyAuditReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return report->first_bad_id == 0 && (!report->findings || report->findings->len == 0);
}

static void G_GNUC_PRINTF (4, 5)
    add_finding (RectifyAuditReport *report, const char *table, gint64 id, const char *format, ...)
{
  RectifyAuditFinding *f = g_new0 (RectifyAuditFinding, 1);
  va_list args;

  va_start (args, format);
  f->message = g_strdup_vprintf (format, args);
  va_end (args);
  f->table = g_strdup (table);
  f->id = id;
  if (!report->findings)
    report->findings = g_ptr_array_new_with_free_func (finding_free);
  g_ptr_array_add (report->findings, f);
}

/* One entry of several records written at once. */
typedef struct
{
  gint64 seq; /* its audit row */
  gint64 first_id;
  gint64 last_id;
  gint64 records;
  char *sha256;
} Batch;

/* What the chain says of one record. */
typedef struct
{
  gint64 seq;         /* its newest entry of its own */
  char *after;        /* the record as that entry left it, NULL when it deleted it */
  gint64 batch_seq;   /* the batch whose record batch_before is, 0 none */
  char *batch_before; /* the record at that batch: the first entry after it had it before */
} Known;

typedef struct
{
  GArray *batches;   /* Batch, in chain order */
  GHashTable *known; /* gint64 id -> Known */
} EntityState;

static void
known_free (gpointer data)
{
  Known *k = data;
  g_free (k->after);
  g_free (k->batch_before);
  g_free (k);
}

static void
batch_clear (gpointer data)
{
  g_free (((Batch *)data)->sha256);
}

static void
entity_state_free (gpointer data)
{
  EntityState *e = data;
  g_array_unref (e->batches);
  g_hash_table_unref (e->known);
  g_free (e);
}

typedef struct
{
  RectifyAuditReport *report;
  char *prev;
  gint64 expected_id;
  GHashTable *entities; /* entity -> EntityState */
  /* against an archive: the head its manifest records, the manifest's hash */
  gint64 anchor_id;
  const char *anchor_hash;
  const char *manifest_sha256;
  gboolean anchor_found;
  gboolean manifest_found;
} VerifyState;

static EntityState *
entity_state (VerifyState *state, const char *entity)
{
  EntityState *e = g_hash_table_lookup (state->entities, entity);

  if (!e)
    {
      e = g_new0 (EntityState, 1);
      e->batches = g_array_new (FALSE, TRUE, sizeof (Batch));
      g_array_set_clear_func (e->batches, batch_clear);
      e->known = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, known_free);
      g_hash_table_insert (state->entities, g_strdup (entity), e);
    }
  return e;
}

/* The newest batch of e that holds id, NULL when none. */
static const Batch *
covering_batch (const EntityState *e, gint64 id)
{
  for (guint i = e->batches->len; i > 0; i--)
    {
      const Batch *b = &g_array_index (e->batches, Batch, i - 1);
      if (b->first_id <= id && id <= b->last_id)
        return b;
    }
  return NULL;
}

/* What one entry says of the records it names. */
static void
note_entry (VerifyState *state, const RectifyStoreAuditRow *row)
{
  EntityState *e;

  if (!rectify_audit_is_record_entity (row->entity))
    return;
  e = entity_state (state, row->entity);
  if (row->entity_id == 0)
    {
      Batch b = { row->id, 0, 0, 0, NULL };
      if (row->after_json && strstr (row->after_json, "\"batch\":true")
          && rectify_audit_json_int (row->after_json, "first_id", &b.first_id)
          && rectify_audit_json_int (row->after_json, "last_id", &b.last_id)
          && rectify_audit_json_int (row->after_json, "records", &b.records)
          && (b.sha256 = rectify_audit_json_text (row->after_json, "sha256")))
        g_array_append_val (e->batches, b);
      return;
    }
  {
    Known *k = g_hash_table_lookup (e->known, &row->entity_id);
    const Batch *b = covering_batch (e, row->entity_id);

    if (!k)
      {
        k = g_new0 (Known, 1);
        g_hash_table_insert (e->known, g_memdup2 (&row->entity_id, sizeof (gint64)), k);
      }
    if (b && k->batch_seq != b->seq && k->seq < b->seq)
      {
        k->batch_seq = b->seq;
        g_free (k->batch_before);
        k->batch_before = g_strdup (row->before_json);
      }
    k->seq = row->id;
    g_free (k->after);
    k->after = g_strdup (row->after_json);
  }
}

/* Checks one row against the one before it; stops at the first bad one. */
static gboolean
verify_row (const RectifyStoreAuditRow *row, gpointer user_data)
{
  VerifyState *state = user_data;
  RectifyAuditReport *report = state->report;
  gint64 id = row->id;
  g_autofree char *computed = NULL;

  report->rows++;
  if (state->expected_id != 0 && id != state->expected_id)
    {
      report->first_bad_id = state->expected_id;
      report->problem
          = g_strdup_printf (_ ("audit row %" PRId64 " is missing"), state->expected_id);
      return FALSE;
    }
  computed = chain_hash (state->prev, row->at, row->officer_id, row->entity, row->entity_id,
                         row->action, row->before_json, row->after_json);
  if (g_strcmp0 (row->prev_hash, state->prev) != 0)
    {
      report->first_bad_id = id;
      report->problem = g_strdup_printf (
          _ ("audit row %" PRId64
             " does not follow the row before it (a row was removed or replaced)"),
          id);
      return FALSE;
    }
  if (g_strcmp0 (row->hash, computed) != 0)
    {
      report->first_bad_id = id;
      report->problem
          = g_strdup_printf (_ ("audit row %" PRId64 " was altered after it was written"), id);
      return FALSE;
    }
  g_free (state->prev);
  state->prev = g_strdup (row->hash);
  state->expected_id = id + 1;
  report->head_id = id;
  note_entry (state, row);
  if (state->anchor_id == id && g_strcmp0 (state->anchor_hash, row->hash) == 0)
    state->anchor_found = TRUE;
  if (state->manifest_sha256 && g_strcmp0 (row->entity, "archive") == 0 && !state->manifest_found)
    {
      g_autofree char *sha256 = rectify_audit_json_text (row->after_json, "manifest_sha256");
      state->manifest_found = g_strcmp0 (sha256, state->manifest_sha256) == 0;
    }
  return TRUE;
}

/* The head the database recorded with its newest row against the chain's end. */
static gboolean
check_head (RectifyStore *self, RectifyAuditReport *report, GError **error)
{
  GError *local = NULL;
  g_autofree char *head = RECTIFY_STORE_OPS (self, settings)->get (self, AUDIT_HEAD_KEY, &local);
  gint64 head_id = 0;
  char *hash = NULL;

  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (head)
    {
      head_id = g_ascii_strtoll (head, &hash, 10);
      hash = hash && *hash == ' ' ? hash + 1 : NULL;
    }
  if (!head && report->rows == 0)
    return TRUE;
  if (!head || !hash)
    add_finding (report, "audit", report->head_id,
                 _ ("audit: the head of the chain is not recorded (its setting “%s” is missing); "
                    "the database was not written by this version of Rectify or it was altered"),
                 AUDIT_HEAD_KEY);
  else if (head_id > report->head_id)
    add_finding (report, "audit", head_id,
                 _ ("audit: the chain ends at row %" PRId64 " but its head records row %" PRId64
                    ": rows were removed from its end"),
                 report->head_id, head_id);
  else if (head_id < report->head_id)
    add_finding (report, "audit", head_id + 1,
                 _ ("audit: rows %" PRId64 "–%" PRId64 " follow the recorded head (row %" PRId64
                    "): they were added behind the application's back"),
                 head_id + 1, report->head_id, head_id);
  else if (g_strcmp0 (hash, report->head_hash) != 0)
    add_finding (report, "audit", head_id,
                 _ ("audit: row %" PRId64 " is not the row the head records (hash %.8s…, the "
                    "head has %.8s…)"),
                 head_id, report->head_hash, hash);
  return TRUE;
}

static int
compare_id (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;
  return x < y ? -1 : x > y;
}

typedef struct
{
  const EntityState *e;
  gint64 seq;
} Override;

static gboolean
batch_override (gint64 id, const char **text, gpointer user_data)
{
  const Override *o = user_data;
  const Known *k = g_hash_table_lookup (o->e->known, &id);

  if (!k || k->batch_seq != o->seq)
    return FALSE;
  if (text)
    *text = k->batch_before;
  return TRUE;
}

/* The records of entity now against what the chain says of them. */
static gboolean
check_entity (RectifyStore *self,
              const char *entity,
              const EntityState *e,
              RectifyAuditReport *report,
              GError **error)
{
  GError *local = NULL;
  g_autoptr (GArray) ids = RECTIFY_STORE_OPS (self, audit)->ids (self, entity, &local);
  GHashTableIter iter;
  gpointer key, value;

  if (!ids)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  report->records += ids->len;
  for (guint i = 0; e && i < e->batches->len; i++)
    {
      const Batch *b = &g_array_index (e->batches, Batch, i);
      Override o = { e, b->seq };
      g_autofree char *sha256 = NULL;
      gint64 n = 0;

      if (!rectify_audit_batch_hash (self, entity, b->first_id, b->last_id, batch_override, &o, &n,
                                     &sha256, error))
        return FALSE;
      if (g_strcmp0 (sha256, b->sha256) != 0)
        add_finding (report, entity, b->first_id,
                     _ ("%s %" PRId64 "–%" PRId64
                        ": the records differ from those audit row %" PRId64
                        " wrote at once (%" PRId64 " records then, %" PRId64 " now)"),
                     entity, b->first_id, b->last_id, b->seq, b->records, n);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      const Known *k = e ? g_hash_table_lookup (e->known, &id) : NULL;
      const Batch *b = e ? covering_batch (e, id) : NULL;

      if (k && (!b || k->seq > b->seq))
        {
          g_autofree char *now = NULL;
          g_autoptr (GPtrArray) diff = NULL;

          if (!k->after)
            {
              add_finding (report, entity, id,
                           _ ("%s %" PRId64 " is there, but the audit log records its deletion "
                              "(row %" PRId64 ")"),
                           entity, id, k->seq);
              continue;
            }
          now = rectify_audit_record_json (self, entity, id, &local);
          if (local)
            {
              g_propagate_error (error, local);
              return FALSE;
            }
          if (g_strcmp0 (now, k->after) == 0)
            continue;
          diff = rectify_audit_json_diff (now, k->after);
          if (diff->len == 0)
            g_ptr_array_add (diff, g_strdup (_ ("its record differs")));
          for (guint j = 0; j < diff->len; j++)
            add_finding (report, entity, id, _ ("%s %" PRId64 ": %s (audit row %" PRId64 ")"),
                         entity, id, (const char *)g_ptr_array_index (diff, j), k->seq);
        }
      else if (!b)
        add_finding (report, entity, id, _ ("%s %" PRId64 " has no entry in the audit log"), entity,
                     id);
    }
  if (!e)
    return TRUE;
  g_hash_table_iter_init (&iter, e->known);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 id = *(gint64 *)key;
      const Known *k = value;
      const Batch *b = covering_batch (e, id);

      if (k->after && (!b || k->seq > b->seq)
          && !bsearch (&id, ids->data, ids->len, sizeof (gint64), compare_id))
        add_finding (report, entity, id,
                     _ ("%s %" PRId64 " is missing: its last audit entry (row %" PRId64
                        ") records it and none its deletion"),
                     entity, id, k->seq);
    }
  return TRUE;
}

static gboolean
verify (RectifyStore *self, const char *dir, RectifyAuditReport *report, GError **error)
{
  VerifyState state = { report, NULL, 0, NULL, 0, NULL, NULL, FALSE, FALSE };
  g_autofree char *anchor_hash = NULL;
  g_autofree char *manifest_sha256 = NULL;
  gboolean ok;

  memset (report, 0, sizeof *report);
  if (dir
      && !rectify_archive_read_anchor (dir, &state.anchor_id, &anchor_hash, &manifest_sha256,
                                       error))
    return FALSE;
  state.anchor_hash = anchor_hash;
  state.manifest_sha256 = manifest_sha256;
  report->findings = g_ptr_array_new_with_free_func (finding_free);
  state.prev = g_strdup (GENESIS_HASH);
  state.entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entity_state_free);
  /* one snapshot: the chain and the tables as one moment has them */
  ok = rectify_store_begin_read (self, error);
  if (ok)
    {
      ok = RECTIFY_STORE_OPS (self, audit)->foreach (self, verify_row, &state, error);
      report->head_hash = g_strdup (state.prev);
      if (report->first_bad_id != 0)
        report->head_id = 0;
      /* the tables against the chain only when the chain holds */
      ok = ok && (report->first_bad_id != 0 || check_head (self, report, error));
      for (guint i = 0; ok && report->first_bad_id == 0 && rectify_audit_record_entities[i]; i++)
        ok = check_entity (self, rectify_audit_record_entities[i],
                           g_hash_table_lookup (state.entities, rectify_audit_record_entities[i]),
                           report, error);
      rectify_store_end (self, FALSE, NULL);
    }
  if (ok && dir && !state.manifest_found)
    add_finding (report, "archive", 0,
                 _ ("archive %s: its manifest (SHA-256 %.8s…) is not one this database recorded: "
                    "the manifest was rewritten, or the archive is of another database"),
                 dir, manifest_sha256);
  if (ok && dir && report->first_bad_id == 0 && !state.anchor_found)
    add_finding (report, "audit", state.anchor_id,
                 _ ("archive %s records audit row %" PRId64 " (hash %.8s…), which is not in this "
                    "database's chain: the database is older than the archive (rolled back or "
                    "replaced by an older copy)"),
                 dir, state.anchor_id, anchor_hash ? anchor_hash : "");
  g_free (state.prev);
  g_hash_table_unref (state.entities);
  return ok;
}

gboolean
rectify_store_verify_audit (RectifyStore *self, RectifyAuditReport *report, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  return verify (self, NULL, report, error);
}

gboolean
rectify_store_verify_audit_with_archive (RectifyStore *self,
                                         const char *dir,
                                         RectifyAuditReport *report,
                                         GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  g_return_val_if_fail (dir != NULL && report != NULL, FALSE);

  return verify (self, dir, report, error);
}

gboolean
rectify_store_get_audit_head (RectifyStore *self, gint64 *id, char **hash, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && hash != NULL, FALSE);

  return RECTIFY_STORE_OPS (self, audit)->last (self, id, hash, error);
}

char *
rectify_store_audit_fingerprint (RectifyStore *self, GError **error)
{
  g_autofree char *hash = NULL;
  gint64 id = 0;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!rectify_store_get_audit_head (self, &id, &hash, error))
    return NULL;
  return g_strdup_printf ("%.8s · %" PRId64, hash ? hash : GENESIS_HASH, id);
}

void
rectify_audit_baseline_if_due (RectifyStore *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *due = RECTIFY_STORE_OPS (self, settings)->get (self, BASELINE_KEY, NULL);
  gboolean ok;

  if (g_strcmp0 (due, "1") != 0)
    return;
  rectify_store_push_system (self);
  ok = rectify_store_begin (self, &error);
  if (ok)
    {
      for (guint i = 0; ok && rectify_audit_record_entities[i]; i++)
        {
          const char *entity = rectify_audit_record_entities[i];
          g_autoptr (GArray) ids = RECTIFY_STORE_OPS (self, audit)->ids (self, entity, &error);

          ok = ids != NULL;
          if (ok && ids->len > 0)
            ok = rectify_store_audit_batch (self, entity, g_array_index (ids, gint64, 0),
                                            g_array_index (ids, gint64, ids->len - 1), "baseline",
                                            "\"reason\":\"upgrade\"", &error);
        }
      ok = ok && RECTIFY_STORE_OPS (self, settings)->put (self, BASELINE_KEY, "0", &error);
      ok = rectify_store_end (self, ok, ok ? &error : NULL) && ok;
    }
  rectify_store_pop_system (self);
  if (!ok)
    g_debug ("audit baseline not written: %s", error ? error->message : "");
}

void
rectify_audit_entry_free (RectifyAuditEntry *entry)
{
  if (!entry)
    return;
  g_free (entry->at);
  g_free (entry->officer_name);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->before_json);
  g_free (entry->after_json);
  g_free (entry);
}

GPtrArray *
rectify_store_list_audit (RectifyStore *self, gint64 limit, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  return RECTIFY_STORE_OPS (self, audit)->list (self, limit, error);
}
